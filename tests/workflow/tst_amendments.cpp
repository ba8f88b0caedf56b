// Amendment chains in the deadline engine. A correction of a final record is a new final record that
// `amends` it; the original and its amendments are one chain. For every shipped rule: one task per chain
// (not per version), the task names the original, and the step closes whichever version the completion
// names (the original, its amendment, an amendment of that). Then per rule, amendments that change a fact
// the rule reads: the newest version decides, while the deadline stays anchored at the event the record
// states (identification, receipt, signing, ...), never at the moment the correction was made.
#include "workflow/ruleset.h"
#include "workflow/workflowengine.h"
#include "workflow/workingcalendar.h"

#include "derivedrecords.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>

using namespace poruch::workflow;
using namespace poruch::workflow::testing;

namespace {

const RuleSet& shippedRules()
{
    static const RuleSet set = [] {
        auto r = RuleSet::builtIn();
        if (!r)
            qFatal("rules: %s", qPrintable(r.error().message));
        return r.value();
    }();
    return set;
}

const WorkingCalendar& calendar()
{
    static const WorkingCalendar cal = [] {
        auto c = WorkingCalendar::builtIn();
        if (!c)
            qFatal("calendar: %s", qPrintable(c.error().message));
        return c.value();
    }();
    return cal;
}

QList<Task> tasksOf(const QList<WorkflowRecord>& records, const QDateTime& now, const QString& ruleId)
{
    const QList<Task> all = computeTasks(records, now, calendar(), shippedRules());
    QList<Task> out;
    std::copy_if(all.cbegin(), all.cend(), std::back_inserter(out), [&](const Task& t) { return t.ruleId == ruleId; });
    return out;
}

// `count` versions of `original`: the original itself, then amendments of the previous one, each finalised an
// hour later. Bodies are copied forward, as RecordRepository::createAmendment does.
QList<WorkflowRecord> chainOf(const WorkflowRecord& original, int count)
{
    QList<WorkflowRecord> chain { original };
    for (int i = 1; i < count; ++i) {
        WorkflowRecord next = chain.last();
        next.id = QStringLiteral("%1-a%2").arg(original.id).arg(i);
        next.amends = chain.last().id;
        next.finalizedAt = chain.last().finalizedAt.addSecs(3600);
        chain.append(next);
    }
    return chain;
}

const char* const kNamed[] = { "the original", "its amendment", "an amendment of the amendment" };

// --- fact rows: records as JSON, each with optional "amends" and "finalizedAt" ---

QString ver(
    const char* type, const char* id, const char* amends, const char* finalizedAt, const char* body, bool final = true)
{
    return QStringLiteral(R"({"id": "%1", "type": "%2", "caseId": "c1", "final": %3, "amends": "%4",
                             "finalizedAt": "%5", "body": %6})")
        .arg(QString::fromUtf8(id), QString::fromUtf8(type), final ? QStringLiteral("true") : QStringLiteral("false"),
            QString::fromUtf8(amends), QString::fromUtf8(finalizedAt), QString::fromUtf8(body));
}

QString act(const char* id, const char* code, const char* at, const char* relatesTo)
{
    return ver("action", id, "", at,
        QStringLiteral(R"({"action": "%1", "at": "%2", "relatesTo": "%3"})")
            .arg(QString::fromUtf8(code), QString::fromUtf8(at), QString::fromUtf8(relatesTo))
            .toUtf8()
            .constData());
}

QString list(std::initializer_list<QString> items)
{
    return QLatin1Char('[') + QStringList(items).join(u',') + u']';
}

QList<WorkflowRecord> parseRecords(const QString& json)
{
    QList<WorkflowRecord> out;
    for (const QJsonValue& v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        out.append(
            WorkflowRecord { o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("type")).toString(),
                o.value(QStringLiteral("caseId")).toString(), o.value(QStringLiteral("final")).toBool(),
                QDateTime::fromString(o.value(QStringLiteral("finalizedAt")).toString(), Qt::ISODate),
                o.value(QStringLiteral("body")).toObject(), o.value(QStringLiteral("amends")).toString() });
    }
    return out;
}

void row(const char* name, const char* rule, const QString& records, const char* now, int count, const char* due = "",
    const char* state = "", const char* version = "")
{
    QTest::newRow(name) << QString::fromUtf8(rule) << records << QString::fromUtf8(now) << count
                        << QString::fromUtf8(due) << QString::fromUtf8(state) << QString::fromUtf8(version);
}

const char* const kFin = "2026-03-27T19:00:00+02:00"; // the original is finalised
const char* const kLate = "2026-03-31T09:00:00+03:00"; // a correction made days later

} // namespace

class TstAmendments : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyRuleFollowsTheChain_data();
    void everyRuleFollowsTheChain();
    void amendedFacts_data();
    void amendedFacts();
    void branchesAndLoops();
};

void TstAmendments::everyRuleFollowsTheChain_data()
{
    QTest::addColumn<QString>("ruleId");
    QTest::addColumn<int>("named"); // 0 original, 1 amendment, 2 amendment of the amendment
    for (const Rule& r : shippedRules().rules()) {
        if (r.trigger.kind != Trigger::Kind::Record)
            continue;
        for (int named = 0; named < 3; ++named)
            QTest::newRow(qPrintable(QStringLiteral("%1 names %2").arg(r.id, QString::fromUtf8(kNamed[named]))))
                << r.id << named;
    }
}

void TstAmendments::everyRuleFollowsTheChain()
{
    QFETCH(QString, ruleId);
    QFETCH(int, named);
    const Rule* rule = shippedRules().find(ruleId);
    QVERIFY(rule);
    const QString caseId = QStringLiteral("case-1");
    QList<WorkflowRecord> records;
    const QList<WorkflowRecord> trigger = chainOf(deriveTrigger(*rule, QStringLiteral("orig"), caseId, records), 3);
    // Newest first in the input: the engine must not depend on the order it gets the versions in.
    for (auto it = trigger.crbegin(); it != trigger.crend(); ++it)
        records.append(*it);
    const QDateTime now = kTrigger.addDays(40);

    QList<Task> tasks = tasksOf(records, now, ruleId);
    QCOMPARE(tasks.size(), 1); // one task per chain, not one per version
    QCOMPARE(tasks.first().triggerRecordId, trigger.first().id);
    QCOMPARE(tasks.first().triggerVersionId, trigger.last().id);
    // Anchored at the event (a date-only field starts that day), not at a correction's finalisation.
    QCOMPARE(tasks.first().triggerAt.date(), kTrigger.date());
    QVERIFY(tasks.first().triggerAt <= kTrigger);
    QVERIFY(tasks.first().state != TaskState::Done);

    TaskCompletion completion = shippedRules().completion(tasks.first());
    if (!completion.onTablet) {
        // A value of the trigger record itself: it is set in the named version (and copied into the later
        // ones, as an amendment copies the body); the server's journal number belongs to that version only.
        const Completion* field = &rule->completion;
        QCOMPARE(field->kind, Completion::Kind::Field);
        QVERIFY(completion.reason == QLatin1String("server") || completion.reason == QLatin1String("amend"));
        const QJsonValue value = field->in.isEmpty() ? QJsonValue(QStringLiteral("2026/7")) : field->in.first();
        for (WorkflowRecord& r : records) {
            const qsizetype at = std::find_if(trigger.cbegin(), trigger.cend(), [&](const WorkflowRecord& v) {
                return v.id == r.id;
            }) - trigger.cbegin();
            if (at >= trigger.size() || at < named || (field->anyVersion && at != named))
                continue;
            setPath(r.body, field->field, value);
            if (!field->doneAtField.isEmpty())
                setPath(r.body, field->doneAtField, momentValue(r.type, field->doneAtField, now.addSecs(-60)));
        }
        tasks = tasksOf(records, now, ruleId);
        QCOMPARE(tasks.size(), 1);
        QCOMPARE(toString(tasks.first().state), QStringLiteral("done"));
        QCOMPARE(tasks.first().completedByRecordId, field->anyVersion ? trigger.at(named).id : trigger.last().id);
        return;
    }
    // The completing records: an action names the chosen version; any other record is itself amended
    // `named` times, and its newest version closes the step.
    for (int step = 0; step < 4; ++step) {
        QVERIFY2(completion.onTablet, qPrintable(completion.reason));
        WorkflowRecord done { QStringLiteral("done-%1").arg(step), completion.recordType, caseId, true,
            now.addSecs(-7200), completion.overlay };
        setPath(done.body, completion.doneAtField, momentValue(done.type, completion.doneAtField, now.addSecs(-7200)));
        QList<WorkflowRecord> doneChain;
        if (done.type == QLatin1String("action")) {
            QCOMPARE(done.body.value(QStringLiteral("relatesTo")).toString(), trigger.first().id);
            done.body.insert(QStringLiteral("relatesTo"), trigger.at(named).id);
            doneChain = { done };
        } else {
            doneChain = chainOf(done, named + 1);
        }
        records += doneChain;
        tasks = tasksOf(records, now, ruleId);
        QCOMPARE(tasks.size(), 1);
        if (tasks.first().state == TaskState::Done) {
            QVERIFY(tasks.first().completedByRecordId == doneChain.last().id
                || rule->completion.kind == Completion::Kind::All);
            return;
        }
        completion = shippedRules().completion(tasks.first());
    }
    QFAIL("the completions never close the task");
}

void TstAmendments::amendedFacts_data()
{
    QTest::addColumn<QString>("ruleId");
    QTest::addColumn<QString>("records");
    QTest::addColumn<QString>("now");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("due");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("version"); // the version whose facts were read

    // Row 1 (001 §2.4), one working day from identification.
    const char* r1 = "notice_to_centre_after_identification";
    const char* identifiedFri = R"({"origin": "department_identified", "identifiedAt": "2026-03-27T18:30:00+02:00"})";
    row("r1 corrected identification time", r1,
        list({ ver("notice", "n1", "", kFin, identifiedFri),
            ver("notice", "n1a", "n1", kLate,
                R"({"origin": "department_identified", "identifiedAt": "2026-03-26T10:00:00+02:00"})") }),
        "2026-03-28T10:00:00+02:00", 1, "2026-03-27T23:59:59+02:00", "overdue", "n1a");
    row("r1 a late correction keeps the anchor", r1,
        list({ ver("notice", "n1", "", kFin, identifiedFri),
            ver("notice", "n1a", "n1", "2026-04-02T09:00:00+03:00",
                R"({"origin": "department_identified", "identifiedAt": "2026-03-27T18:30:00+02:00", "phone": "1"})") }),
        "2026-04-03T10:00:00+03:00", 1, "2026-03-30T23:59:59+03:00", "overdue", "n1a");
    row("r1 origin corrected to a report", r1,
        list({ ver("notice", "n1", "", kFin, identifiedFri),
            ver("notice", "n1a", "n1", kLate,
                R"({"origin": "report", "identifiedAt": "2026-03-27T18:30:00+02:00", "receivedAt": "2026-03-27T18:30:00+02:00"})") }),
        "2026-03-31T10:00:00+03:00", 0);
    row("r1 a draft correction changes nothing", r1,
        list({ ver("notice", "n1", "", kFin, identifiedFri),
            ver("notice", "n1a", "n1", kLate, R"({"origin": "report"})", false) }),
        "2026-03-28T10:00:00+02:00", 1, "2026-03-30T23:59:59+03:00", "open", "n1");

    // Row 2 (001 §2.3) and row 5 (001 §3.1): the corrected origin picks the routing rule.
    const char* report = R"({"origin": "report", "receivedAt": "2026-03-27T10:00:00+02:00"})";
    const char* request = R"({"origin": "service_request", "receivedAt": "2026-03-27T10:00:00+02:00"})";
    row("r2 origin corrected to a request", "assessment_request_same_day",
        list({ ver("notice", "n1", "", kFin, report), ver("notice", "n1a", "n1", kLate, request) }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-27T23:59:59+02:00", "overdue", "n1a");
    row("r5 gone once the origin is a request", "notice_to_centre_next_day",
        list({ ver("notice", "n1", "", kFin, report), ver("notice", "n1a", "n1", kLate, request) }),
        "2026-03-31T10:00:00+03:00", 0);
    row("r5 corrected receipt", "notice_to_centre_next_day",
        list({ ver("notice", "n1", "", kFin, report),
            ver("notice", "n1a", "n1", kLate, R"({"origin": "report", "receivedAt": "2026-03-26T10:00:00+02:00"})") }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-27T23:59:59+02:00", "overdue", "n1a");
    row("r2 request done by an action about the correction", "assessment_request_same_day",
        list({ ver("notice", "n1", "", kFin, request), ver("notice", "n1a", "n1", kLate, request),
            act("x1", "notice_sent_to_centre", "2026-03-27T15:00:00+02:00", "n1a") }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-27T23:59:59+02:00", "done", "n1a");

    // Row 3 (001 §2.4): the journal and the children's service.
    const char* adult = R"({"subjectKind": "person", "receivedAt": "2026-03-27T17:30:00+02:00"})";
    const char* child = R"({"concernsChild": true, "receivedAt": "2026-03-27T17:30:00+02:00"})";
    row("r3 journal number of the original counts", "child_notice_journal",
        list({ ver("notice", "n1", "", kFin,
                   R"({"concernsChild": true, "receivedAt": "2026-03-27T17:30:00+02:00", "journalNumber": "2026/4"})"),
            ver("notice", "n1a", "n1", kLate, child) }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-27T17:30:00+02:00", "done", "n1a");
    row("r3 journal: no longer about a child", "child_notice_journal",
        list({ ver("notice", "n1", "", kFin, child), ver("notice", "n1a", "n1", kLate, adult) }),
        "2026-03-31T10:00:00+03:00", 0);
    row("r3 journal: corrected to a child", "child_notice_journal",
        list({ ver("notice", "n1", "", kFin, adult), ver("notice", "n1a", "n1", kLate, child) }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-27T17:30:00+02:00", "overdue", "n1a");
    row("r3 child service: corrected to a child, anchored at receipt", "child_notice_to_child_service",
        list({ ver("notice", "n1", "", kFin, adult), ver("notice", "n1a", "n1", kLate, child) }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-27T17:30:00+02:00", "overdue", "n1a");
    row("r3 child service: informed about the correction, late", "child_notice_to_child_service",
        list({ ver("notice", "n1", "", kFin, adult), ver("notice", "n1a", "n1", kLate, child),
            act("x1", "child_service_informed", "2026-03-31T10:00:00+03:00", "n1a") }),
        "2026-04-01T10:00:00+03:00", 1, "2026-03-27T17:30:00+02:00", "done", "n1a");

    // Row 4 (001 §2.4): consent recorded in a correction of the notice.
    const char* abuse
        = R"({"indicatorsAbuse": ["abuse.03"], "identifiedAt": "2026-03-27T18:00:00+02:00", "receivedAt": "2026-03-27T18:00:00+02:00"})";
    const char* abuseGiven
        = R"({"indicatorsAbuse": ["abuse.03"], "identifiedAt": "2026-03-27T18:00:00+02:00", "receivedAt": "2026-03-27T18:00:00+02:00", "policeConsent": {"decision": "given", "at": "2026-03-28T12:00:00+02:00"}})";
    const char* abuseRefused
        = R"({"indicatorsAbuse": ["abuse.03"], "identifiedAt": "2026-03-27T18:00:00+02:00", "receivedAt": "2026-03-27T18:00:00+02:00", "policeConsent": {"decision": "refused", "at": "2026-03-28T09:00:00+02:00"}})";
    const char* abuseNotAsked
        = R"({"indicatorsAbuse": ["abuse.03"], "identifiedAt": "2026-03-27T18:00:00+02:00", "receivedAt": "2026-03-27T18:00:00+02:00", "policeConsent": {"decision": "not_asked"}})";
    const char* police = "police_informed_of_violence";
    row("r4 police: consent given in a correction", police,
        list({ ver("notice", "n1", "", kFin, abuse),
            ver("notice", "n1a", "n1", "2026-03-28T12:05:00+02:00", abuseGiven) }),
        "2026-03-28T15:00:00+02:00", 1, "2026-03-29T13:00:00+03:00", "open", "n1a");
    row("r4 police: consent corrected to refused", police,
        list(
            { ver("notice", "n1", "", kFin, abuse), ver("notice", "n1a", "n1", "2026-03-28T12:05:00+02:00", abuseGiven),
                ver("notice", "n1b", "n1a", "2026-03-28T13:00:00+02:00", abuseRefused) }),
        "2026-03-28T15:00:00+02:00", 0);
    row("r4 police: informed about the middle version", police,
        list(
            { ver("notice", "n1", "", kFin, abuse), ver("notice", "n1a", "n1", "2026-03-28T12:05:00+02:00", abuseGiven),
                ver("notice", "n1b", "n1a", "2026-03-28T13:00:00+02:00", abuseGiven),
                act("x1", "police_informed", "2026-03-28T16:00:00+02:00", "n1a") }),
        "2026-03-30T15:00:00+03:00", 1, "2026-03-29T13:00:00+03:00", "done", "n1b");
    const char* consent = "police_consent_asked";
    row("r4 consent: refusal recorded in a correction", consent,
        list({ ver("notice", "n1", "", kFin, abuse),
            ver("notice", "n1a", "n1", "2026-03-28T09:05:00+02:00", abuseRefused) }),
        "2026-03-30T15:00:00+03:00", 1, "2026-03-28T18:00:00+02:00", "done", "n1a");
    row("r4 consent: the newest version says not asked", consent,
        list({ ver("notice", "n1", "", kFin, abuseGiven), ver("notice", "n1a", "n1", kLate, abuseNotAsked) }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-28T18:00:00+02:00", "overdue", "n1a");

    // Row 6 (001 §3.2): crisis, 24 hours from identification.
    const char* calm = R"({"crisis": false, "identifiedAt": "2026-03-27T18:00:00+02:00"})";
    const char* crisis = R"({"crisis": true, "identifiedAt": "2026-03-27T18:00:00+02:00"})";
    const char* r6 = "crisis_intervention_within_24h";
    row("r6 crisis added by a later correction", r6,
        list({ ver("notice", "n1", "", kFin, calm), ver("notice", "n1a", "n1", kLate, crisis) }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-28T18:00:00+02:00", "overdue", "n1a");
    row("r6 crisis corrected away", r6,
        list({ ver("notice", "n1", "", kFin, crisis), ver("notice", "n1a", "n1", kLate, calm) }),
        "2026-03-31T10:00:00+03:00", 0);
    row("r6 intervention record corrected", r6,
        list({ ver("notice", "n1", "", kFin, crisis),
            ver("crisis_intervention", "ci1", "", kFin, R"({"startedAt": "2026-03-29T10:00:00+03:00"})"),
            ver("crisis_intervention", "ci1a", "ci1", kLate, R"({"startedAt": "2026-03-28T08:00:00+02:00"})") }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-28T18:00:00+02:00", "done", "n1");

    // Row 7 (001 §4.2): joint visit and safety assessment, immediately.
    const char* r7 = "child_joint_visit_safety_assessment";
    const char* childAbuse
        = R"({"concernsChild": true, "indicatorsAbuse": ["abuse.03"], "receivedAt": "2026-03-27T17:30:00+02:00"})";
    row("r7 abuse added by a correction", r7,
        list({ ver("notice", "n1", "", kFin, child), ver("notice", "n1a", "n1", kLate, childAbuse) }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-27T17:30:00+02:00", "overdue", "n1a");
    row("r7 assessment corrected to an earlier episode", r7,
        list({ ver("notice", "n1", "", kFin, childAbuse),
            ver("safety_assessment", "sa1", "", kFin,
                R"({"assessedAt": "2026-03-27T17:45:00+02:00", "dangerLevel": "dangerous"})"),
            ver("safety_assessment", "sa1a", "sa1", kLate,
                R"({"assessedAt": "2026-03-20T17:45:00+02:00", "dangerLevel": "dangerous"})") }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-27T17:30:00+02:00", "overdue", "n1");

    // Rows 8 and 9 (001 §4.3): counted from the end of the crisis intervention.
    const char* open = R"({"startedAt": "2026-03-26T10:00:00+02:00"})";
    const char* doneFri = R"({"startedAt": "2026-03-26T10:00:00+02:00", "completedAt": "2026-03-27T20:00:00+02:00"})";
    const char* doneMon = R"({"startedAt": "2026-03-26T10:00:00+02:00", "completedAt": "2026-03-30T10:00:00+03:00"})";
    row("r8 completion added by a correction", "crisis_results_to_department",
        list({ ver("crisis_intervention", "ci1", "", kFin, open),
            ver("crisis_intervention", "ci1a", "ci1", kLate, doneFri) }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-30T23:59:59+03:00", "overdue", "ci1a");
    row("r8 results reported about the original", "crisis_results_to_department",
        list({ ver("crisis_intervention", "ci1", "", kFin, open),
            ver("crisis_intervention", "ci1a", "ci1", kLate, doneFri),
            act("x1", "department_informed_of_crisis_results", "2026-03-30T09:00:00+03:00", "ci1") }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-30T23:59:59+03:00", "done", "ci1a");
    row("r9 corrected completion moves the five days", "needs_assessment_after_crisis",
        list({ ver("crisis_intervention", "ci1", "", kFin, doneFri),
            ver("crisis_intervention", "ci1a", "ci1", kLate, doneMon) }),
        "2026-03-31T10:00:00+03:00", 1, "2026-04-06T23:59:59+03:00", "open", "ci1a");

    // Rows 10 and 11 (001 §3.3): the needs assessment act.
    const char* sjo = R"({"difficultCircumstances": true, "signedAt": "2026-03-27T12:00:00+02:00"})";
    const char* noSjo = R"({"difficultCircumstances": false, "signedAt": "2026-03-27T12:00:00+02:00"})";
    row("r10 conclusion corrected to no difficult circumstances", "assessment_act_to_department",
        list({ ver("needs_assessment", "na1", "", kFin, sjo), ver("needs_assessment", "na1a", "na1", kLate, noSjo) }),
        "2026-03-31T10:00:00+03:00", 0);
    row("r10 conclusion corrected to difficult circumstances", "assessment_act_to_department",
        list({ ver("needs_assessment", "na1", "", kFin, noSjo), ver("needs_assessment", "na1a", "na1", kLate, sjo) }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-30T23:59:59+03:00", "overdue", "na1a");
    row("r11 the case's notice corrected to a child", "assessment_copy_to_child_service",
        list({ ver("notice", "n1", "", kFin, adult), ver("notice", "n1a", "n1", kLate, child),
            ver("needs_assessment", "na1", "", kFin, sjo) }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-30T23:59:59+03:00", "overdue", "na1");
    row("r11 the case's notice no longer about a child", "assessment_copy_to_child_service",
        list({ ver("notice", "n1", "", kFin, child), ver("notice", "n1a", "n1", kLate, adult),
            ver("needs_assessment", "na1", "", kFin, sjo) }),
        "2026-03-31T10:00:00+03:00", 0);

    // Row 12 (001 §4.4): decision on registering the child.
    row("r12 abuse corrected away", "child_registration_decision",
        list({ ver("notice", "n1", "", kFin, childAbuse),
            ver("notice", "n1a", "n1", kLate,
                R"({"concernsChild": true, "indicatorsAbuse": [], "receivedAt": "2026-03-27T17:30:00+02:00"})") }),
        "2026-03-31T10:00:00+03:00", 0);
    row("r12 abuse added, seven working days from receipt", "child_registration_decision",
        list({ ver("notice", "n1", "", kFin, child), ver("notice", "n1a", "n1", kLate, childAbuse) }),
        "2026-03-31T10:00:00+03:00", 1, "2026-04-07T23:59:59+03:00", "open", "n1a");

    // Rows 13 and 14 (001 §3.8, §3.9): the services decision.
    const char* provide = R"({"provideServices": true, "decisionDate": "2026-03-02"})";
    row("r13 decision corrected to no services", "contract_and_individual_plan",
        list({ ver("services_decision", "d1", "", kFin, provide),
            ver("services_decision", "d1a", "d1", kLate,
                R"({"provideServices": false, "decisionDate": "2026-03-02"})") }),
        "2026-03-31T10:00:00+03:00", 0);
    row("r13 corrected decision date", "contract_and_individual_plan",
        list({ ver("services_decision", "d1", "", kFin, provide),
            ver("services_decision", "d1a", "d1", kLate,
                R"({"provideServices": true, "decisionDate": "2026-03-12"})") }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-23T23:59:59+02:00", "overdue", "d1a");
    row("r13 contract and plan, the contract corrected", "contract_and_individual_plan",
        list({ ver("services_decision", "d1", "", kFin, provide),
            ver("services_contract", "sc1", "", kFin, R"({"contractDate": "2026-03-20"})"),
            ver("services_contract", "sc1a", "sc1", kLate, R"({"contractDate": "2026-03-05"})"),
            ver("individual_plan", "ip1", "", kFin, R"({"planDate": "2026-03-06"})") }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-11T23:59:59+02:00", "done", "d1");
    row("r14 corrected decision date puts the contract in the window", "non_cooperation_report",
        list({ ver("services_decision", "d1", "", kFin, provide),
            ver("services_decision", "d1a", "d1", kLate, R"({"provideServices": true, "decisionDate": "2026-03-12"})"),
            ver("services_contract", "sc1", "", kFin, R"({"contractDate": "2026-03-20"})") }),
        "2026-03-31T10:00:00+03:00", 0);
    row("r14 contract outside the original window", "non_cooperation_report",
        list({ ver("services_decision", "d1", "", kFin, provide), ver("services_decision", "d1a", "d1", kLate, provide),
            ver("services_contract", "sc1", "", kFin, R"({"contractDate": "2026-03-20"})") }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-16T23:59:59+02:00", "overdue", "d1a");

    // Row 15 (001 §5.2): receipt of the hospital's information recorded in a correction.
    const char* pregnant
        = R"({"pregnancyRisk": true, "reporterOrganisation": "health_care", "identifiedAt": "2026-03-27T10:00:00+02:00"})";
    const char* pregnantReceived
        = R"({"pregnancyRisk": true, "reporterOrganisation": "health_care", "identifiedAt": "2026-03-27T10:00:00+02:00", "receivedAt": "2026-03-30T11:00:00+03:00"})";
    row("r15 receipt recorded in a correction", "pregnancy_risk_information",
        list({ ver("notice", "n1", "", kFin, pregnant), ver("notice", "n1a", "n1", kLate, pregnantReceived) }),
        "2026-04-06T10:00:00+03:00", 1, "2026-04-01T23:59:59+03:00", "done", "n1a");
    row("r15 receipt corrected away", "pregnancy_risk_information",
        list({ ver("notice", "n1", "", kFin, pregnantReceived), ver("notice", "n1a", "n1", kLate, pregnant) }),
        "2026-04-06T10:00:00+03:00", 1, "2026-04-01T23:59:59+03:00", "overdue", "n1a");
    row("r15 reporter corrected to a school", "pregnancy_risk_information",
        list({ ver("notice", "n1", "", kFin, pregnant),
            ver("notice", "n1a", "n1", kLate,
                R"({"pregnancyRisk": true, "reporterOrganisation": "education", "identifiedAt": "2026-03-27T10:00:00+02:00"})") }),
        "2026-04-06T10:00:00+03:00", 0);

    // Row 16 (001 §5.3): intention to abandon a newborn.
    const char* intent
        = R"({"newbornAbandonmentIntent": true, "identifiedAt": "2026-03-27T10:00:00+02:00", "receivedAt": "2026-03-27T11:00:00+02:00"})";
    const char* noIntent
        = R"({"newbornAbandonmentIntent": false, "identifiedAt": "2026-03-27T10:00:00+02:00", "receivedAt": "2026-03-27T11:00:00+02:00"})";
    row("r16 intention added by a correction", "abandonment_intent_immediate_notice",
        list({ ver("notice", "n1", "", kFin, noIntent), ver("notice", "n1a", "n1", kLate, intent) }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-27T10:00:00+02:00", "overdue", "n1a");
    row("r16 results: corrected receipt moves the two months", "abandonment_results_to_child_service",
        list({ ver("notice", "n1", "", kFin, intent),
            ver("notice", "n1a", "n1", kLate,
                R"({"newbornAbandonmentIntent": true, "identifiedAt": "2026-03-27T10:00:00+02:00", "receivedAt": "2026-03-30T11:00:00+03:00"})") }),
        "2026-03-31T10:00:00+03:00", 1, "2026-05-30T23:59:59+03:00", "open", "n1a");
    row("r16 results: intention corrected away", "abandonment_results_to_child_service",
        list({ ver("notice", "n1", "", kFin, intent), ver("notice", "n1a", "n1", kLate, noIntent) }),
        "2026-03-31T10:00:00+03:00", 0);

    // Removal decision (Family Code art. 170): the danger level of the newest safety assessment.
    const char* veryDangerous = R"({"assessedAt": "2026-03-27T19:00:00+02:00", "dangerLevel": "very_dangerous"})";
    const char* dangerous = R"({"assessedAt": "2026-03-27T19:00:00+02:00", "dangerLevel": "dangerous"})";
    const char* rr = "removal_decision_prompt";
    row("removal: danger corrected down", rr,
        list({ ver("safety_assessment", "sa1", "", kFin, veryDangerous),
            ver("safety_assessment", "sa1a", "sa1", kLate, dangerous) }),
        "2026-03-31T10:00:00+03:00", 0);
    row("removal: corrected back up, decided about the first correction", rr,
        list({ ver("safety_assessment", "sa1", "", kFin, veryDangerous),
            ver("safety_assessment", "sa1a", "sa1", "2026-03-27T19:30:00+02:00", dangerous),
            ver("safety_assessment", "sa1b", "sa1a", kLate, veryDangerous),
            act("x1", "removal_decision_taken", "2026-03-27T21:00:00+02:00", "sa1a") }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-27T19:00:00+02:00", "done", "sa1b");
    row("removal: an amended action code no longer closes it", rr,
        list({ ver("safety_assessment", "sa1", "", kFin, veryDangerous),
            act("x1", "removal_decision_taken", "2026-03-27T21:00:00+02:00", "sa1"),
            ver("action", "x1a", "x1", kLate,
                R"({"action": "child_service_informed", "at": "2026-03-27T21:00:00+02:00", "relatesTo": "sa1"})") }),
        "2026-03-31T10:00:00+03:00", 1, "2026-03-27T19:00:00+02:00", "overdue", "sa1");
}

void TstAmendments::amendedFacts()
{
    QFETCH(QString, ruleId);
    QFETCH(QString, records);
    QFETCH(QString, now);
    QFETCH(int, count);
    QFETCH(QString, due);
    QFETCH(QString, state);
    QFETCH(QString, version);
    QVERIFY2(shippedRules().find(ruleId), qPrintable(ruleId));
    QVERIFY(QJsonDocument::fromJson(records.toUtf8()).isArray()); // a typo in a row must not pass silently
    const QList<WorkflowRecord> input = parseRecords(records);
    for (const WorkflowRecord& r : input)
        QVERIFY2(r.finalizedAt.isValid(), qPrintable(r.id));
    const QDateTime clock = QDateTime::fromString(now, Qt::ISODate);
    QVERIFY(clock.isValid());
    const QList<Task> tasks = tasksOf(input, clock, ruleId);
    QCOMPARE(tasks.size(), count);
    if (count == 0)
        return;
    const Task& t = tasks.first();
    QCOMPARE(t.dueAt.toString(Qt::ISODate), due);
    QCOMPARE(toString(t.state), state);
    QCOMPARE(t.triggerVersionId, version);
    // The task always names the chain's original, whichever version was read.
    const auto original
        = std::find_if(input.cbegin(), input.cend(), [&](const WorkflowRecord& r) { return r.id == version; });
    QVERIFY(original != input.cend());
    QString root = original->id;
    for (bool moved = true; moved;) {
        moved = false;
        for (const WorkflowRecord& r : input)
            if (r.id == root && !r.amends.isEmpty()) {
                root = r.amends;
                moved = true;
            }
    }
    QCOMPARE(t.triggerRecordId, root);
}

// Two corrections of the same version (two tablets offline): the later finalised one is the newest. A
// cycle in `amends` (corrupt data) must not hang the engine.
void TstAmendments::branchesAndLoops()
{
    const char* abuse = R"({"indicatorsAbuse": ["abuse.03"], "identifiedAt": "2026-03-27T18:00:00+02:00"})";
    const QList<WorkflowRecord> branches = parseRecords(list({ ver("notice", "n1", "", kFin, abuse),
        ver("notice", "n1b", "n1", "2026-03-28T10:00:00+02:00",
            R"({"indicatorsAbuse": ["abuse.03"], "identifiedAt": "2026-03-27T18:00:00+02:00", "policeConsent": {"decision": "refused", "at": "2026-03-28T09:00:00+02:00"}})"),
        ver("notice", "n1a", "n1", "2026-03-28T09:30:00+02:00",
            R"({"indicatorsAbuse": ["abuse.03"], "identifiedAt": "2026-03-27T18:00:00+02:00", "policeConsent": {"decision": "not_asked"}})") }));
    const QDateTime now = QDateTime::fromString(QStringLiteral("2026-03-30T10:00:00+03:00"), Qt::ISODate);
    QList<Task> tasks = tasksOf(branches, now, QStringLiteral("police_consent_asked"));
    QCOMPARE(tasks.size(), 1);
    QCOMPARE(tasks.first().triggerVersionId, QStringLiteral("n1b"));
    QCOMPARE(toString(tasks.first().state), QStringLiteral("done"));

    const QList<WorkflowRecord> loop
        = parseRecords(list({ ver("notice", "n1", "n2", kFin, abuse), ver("notice", "n2", "n1", kLate, abuse) }));
    tasks = tasksOf(loop, now, QStringLiteral("police_consent_asked"));
    QVERIFY(tasks.size() <= 2);
}

QTEST_GUILESS_MAIN(TstAmendments)
#include "tst_amendments.moc"
