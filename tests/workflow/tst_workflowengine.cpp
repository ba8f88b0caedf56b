// Deadline engine: at least three table rows per rule (Friday evening, holidays in peacetime vs martial law,
// month and year ends, the 24-hour rules across midnight and both DST changes, done on time / late / open /
// overdue), plus purity (same inputs, same output, no clock read anywhere in shared/workflow).
#include "workflow/ruleset.h"
#include "workflow/workflowengine.h"
#include "workflow/workingcalendar.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace poruch::workflow;

namespace {

WorkingCalendar calendarNamed(const QString& name)
{
    QFile f(QStringLiteral(":/poruch/workflow/calendar.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("no built-in calendar");
    QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    if (name == QLatin1String("peace"))
        root.insert(QStringLiteral("martialLaw"), QJsonArray {});
    auto cal = WorkingCalendar::fromJson(QJsonDocument(root).toJson());
    if (!cal)
        qFatal("calendar: %s", qPrintable(cal.error().message));
    return cal.value();
}

const RuleSet& rules()
{
    static const RuleSet set = [] {
        auto r = RuleSet::builtIn();
        if (!r)
            qFatal("rules: %s", qPrintable(r.error().message));
        return r.value();
    }();
    return set;
}

QString rec(const char* type, const char* id, const char* body, const char* caseId = "c1", bool final = true)
{
    return QStringLiteral(R"({"id": "%1", "type": "%2", "caseId": "%3", "final": %4, "body": %5})")
        .arg(QString::fromUtf8(id), QString::fromUtf8(type), QString::fromUtf8(caseId),
            final ? QStringLiteral("true") : QStringLiteral("false"), QString::fromUtf8(body));
}

QString act(const char* id, const char* code, const char* at, const char* relatesTo)
{
    const QByteArray body = QStringLiteral(R"({"action": "%1", "at": "%2", "relatesTo": "%3"})")
                                .arg(QString::fromUtf8(code), QString::fromUtf8(at), QString::fromUtf8(relatesTo))
                                .toUtf8();
    return rec("action", id, body.constData());
}

QString list(std::initializer_list<QString> items)
{
    return QLatin1Char('[') + QStringList(items).join(u',') + u']';
}

QList<WorkflowRecord> parseRecords(const QString& json)
{
    QList<WorkflowRecord> out;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue& v : array) {
        const QJsonObject o = v.toObject();
        out.append(
            WorkflowRecord { o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("type")).toString(),
                o.value(QStringLiteral("caseId")).toString(), o.value(QStringLiteral("final")).toBool(),
                QDateTime::fromString(QStringLiteral("2026-01-01T00:00:00+02:00"), Qt::ISODate),
                o.value(QStringLiteral("body")).toObject() });
    }
    return out;
}

QDateTime at(const QString& iso)
{
    return QDateTime::fromString(iso, Qt::ISODate);
}

void row(const char* name, const char* rule, const char* calendar, const QString& records, const char* now, int count,
    const char* due = "", const char* state = "", const char* timeliness = "")
{
    QTest::newRow(name) << QString::fromUtf8(rule) << QString::fromUtf8(calendar) << records << QString::fromUtf8(now)
                        << count << QString::fromUtf8(due) << QString::fromUtf8(state) << QString::fromUtf8(timeliness);
}

// Notice bodies used by several rules.
const char* kIdentifiedFri
    = R"({"origin": "department_identified", "identifiedAt": "2026-03-27T18:30:00+02:00", "receivedAt": "2026-03-27T18:30:00+02:00"})";
const char* kChildAbuse
    = R"({"concernsChild": true, "indicatorsAbuse": ["abuse.03"], "receivedAt": "2026-03-27T17:30:00+02:00"})";
const char* kChild = R"({"concernsChild": true, "receivedAt": "2026-03-27T17:30:00+02:00"})";

} // namespace

class TestWorkflowEngine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rules_data()
    {
        QTest::addColumn<QString>("ruleId");
        QTest::addColumn<QString>("calendar");
        QTest::addColumn<QString>("records");
        QTest::addColumn<QString>("now");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("due");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("timeliness");

        // Row 1, 001 §2.4: one working day from identification.
        const char* r1 = "notice_to_centre_after_identification";
        row("r1 friday evening", r1, "martial", list({ rec("notice", "n1", kIdentifiedFri) }),
            "2026-03-28T10:00:00+02:00", 1, "2026-03-30T23:59:59+03:00", "open", "not_done");
        row("r1 holiday peace", r1, "peace",
            list({ rec("notice", "n1",
                R"({"origin": "department_identified", "identifiedAt": "2026-08-21T16:00:00+03:00"})") }),
            "2026-08-24T12:00:00+03:00", 1, "2026-08-25T23:59:59+03:00", "open", "not_done");
        row("r1 holiday martial", r1, "martial",
            list({ rec("notice", "n1",
                R"({"origin": "department_identified", "identifiedAt": "2026-08-21T16:00:00+03:00"})") }),
            "2026-08-24T12:00:00+03:00", 1, "2026-08-24T23:59:59+03:00", "open", "not_done");
        row("r1 year end peace", r1, "peace",
            list({ rec("notice", "n1",
                R"({"origin": "department_identified", "identifiedAt": "2026-12-31T10:00:00+02:00"})") }),
            "2027-01-02T10:00:00+02:00", 1, "2027-01-04T23:59:59+02:00", "open", "not_done");
        row("r1 year end martial", r1, "martial",
            list({ rec("notice", "n1",
                R"({"origin": "department_identified", "identifiedAt": "2026-12-31T10:00:00+02:00"})") }),
            "2027-01-02T10:00:00+02:00", 1, "2027-01-01T23:59:59+02:00", "overdue", "not_done");
        row("r1 done on time", r1, "martial",
            list({ rec("notice", "n1", kIdentifiedFri),
                act("a1", "notice_sent_to_centre", "2026-03-30T09:00:00+03:00", "n1") }),
            "2026-04-05T10:00:00+03:00", 1, "2026-03-30T23:59:59+03:00", "done", "on_time");
        row("r1 done late", r1, "martial",
            list({ rec("notice", "n1", kIdentifiedFri),
                act("a1", "notice_sent_to_centre", "2026-03-31T09:00:00+03:00", "n1") }),
            "2026-04-05T10:00:00+03:00", 1, "2026-03-30T23:59:59+03:00", "done", "late");
        row("r1 action for another notice", r1, "martial",
            list({ rec("notice", "n1", kIdentifiedFri),
                act("a1", "notice_sent_to_centre", "2026-03-30T09:00:00+03:00", "n2") }),
            "2026-04-05T10:00:00+03:00", 1, "2026-03-30T23:59:59+03:00", "overdue", "not_done");
        row("r1 draft action does not complete", r1, "martial",
            list({ rec("notice", "n1", kIdentifiedFri),
                rec("action", "a1",
                    R"({"action": "notice_sent_to_centre", "at": "2026-03-30T09:00:00+03:00", "relatesTo": "n1"})",
                    "c1", false) }),
            "2026-04-05T10:00:00+03:00", 1, "2026-03-30T23:59:59+03:00", "overdue", "not_done");
        row("r1 draft notice", r1, "martial", list({ rec("notice", "n1", kIdentifiedFri, "c1", false) }),
            "2026-03-28T10:00:00+02:00", 0);

        // Row 2, 001 §2.3: same working day.
        const char* r2 = "assessment_request_same_day";
        row("r2 friday afternoon", r2, "martial",
            list(
                { rec("notice", "n1", R"({"origin": "service_request", "receivedAt": "2026-03-27T15:00:00+02:00"})") }),
            "2026-03-27T16:00:00+02:00", 1, "2026-03-27T23:59:59+02:00", "open", "not_done");
        row("r2 saturday", r2, "martial",
            list(
                { rec("notice", "n1", R"({"origin": "service_request", "receivedAt": "2026-03-28T10:00:00+02:00"})") }),
            "2026-03-31T00:00:01+03:00", 1, "2026-03-30T23:59:59+03:00", "overdue", "not_done");
        row("r2 holiday peace", r2, "peace",
            list(
                { rec("notice", "n1", R"({"origin": "service_request", "receivedAt": "2026-08-24T10:00:00+03:00"})") }),
            "2026-08-24T12:00:00+03:00", 1, "2026-08-25T23:59:59+03:00", "open", "not_done");
        row("r2 holiday martial", r2, "martial",
            list(
                { rec("notice", "n1", R"({"origin": "service_request", "receivedAt": "2026-08-24T10:00:00+03:00"})") }),
            "2026-08-24T12:00:00+03:00", 1, "2026-08-24T23:59:59+03:00", "open", "not_done");
        row("r2 other origin", r2, "martial", list({ rec("notice", "n1", kIdentifiedFri) }),
            "2026-03-28T10:00:00+02:00", 0);
        row("r2 done late", r2, "martial",
            list({ rec("notice", "n1", R"({"origin": "service_request", "receivedAt": "2026-03-27T15:00:00+02:00"})"),
                act("a1", "notice_sent_to_centre", "2026-03-28T09:00:00+02:00", "n1") }),
            "2026-03-28T10:00:00+02:00", 1, "2026-03-27T23:59:59+02:00", "done", "late");

        // Row 3, 001 §2.4: journal registration (server assigns journalNumber).
        const char* r3 = "child_notice_journal";
        row("r3 open at the moment", r3, "martial", list({ rec("notice", "n1", kChild) }), "2026-03-27T17:30:00+02:00",
            1, "2026-03-27T17:30:00+02:00", "open", "not_done");
        row("r3 overdue a minute later", r3, "martial", list({ rec("notice", "n1", kChild) }),
            "2026-03-27T17:31:00+02:00", 1, "2026-03-27T17:30:00+02:00", "overdue", "not_done");
        row("r3 journal number", r3, "martial",
            list({ rec("notice", "n1",
                R"({"concernsChild": true, "receivedAt": "2026-03-27T17:30:00+02:00", "journalNumber": "15/2026"})") }),
            "2026-03-28T10:00:00+02:00", 1, "2026-03-27T17:30:00+02:00", "done", "unknown");
        row("r3 subject child", r3, "martial",
            list({ rec("notice", "n1",
                R"({"concernsChild": false, "subjectKind": "child", "receivedAt": "2026-03-27T17:30:00+02:00"})") }),
            "2026-03-28T10:00:00+02:00", 1, "2026-03-27T17:30:00+02:00", "overdue", "not_done");
        row("r3 adult", r3, "martial",
            list({ rec("notice", "n1",
                R"({"concernsChild": false, "subjectKind": "person", "receivedAt": "2026-03-27T17:30:00+02:00"})") }),
            "2026-03-28T10:00:00+02:00", 0);

        // Row 3, 001 §2.4: children's service informed.
        const char* r3b = "child_notice_to_child_service";
        row("r3b informed at once", r3b, "martial",
            list({ rec("notice", "n1", kChild),
                act("a1", "child_service_informed", "2026-03-27T17:30:00+02:00", "n1") }),
            "2026-03-28T10:00:00+02:00", 1, "2026-03-27T17:30:00+02:00", "done", "on_time");
        row("r3b informed later", r3b, "martial",
            list({ rec("notice", "n1", kChild),
                act("a1", "child_service_informed", "2026-03-27T18:00:00+02:00", "n1") }),
            "2026-03-28T10:00:00+02:00", 1, "2026-03-27T17:30:00+02:00", "done", "late");
        row("r3b not informed", r3b, "martial", list({ rec("notice", "n1", kChild) }), "2026-03-28T10:00:00+02:00", 1,
            "2026-03-27T17:30:00+02:00", "overdue", "not_done");
        row("r3b family without child", r3b, "martial",
            list({ rec("notice", "n1", R"({"subjectKind": "family", "receivedAt": "2026-03-27T17:30:00+02:00"})") }),
            "2026-03-28T10:00:00+02:00", 0);

        // Row 4, 001 §2.4: police within one day (24 h), only with consent given.
        const char* r4 = "police_informed_of_violence";
        row("r4 spring DST", r4, "martial",
            list({ rec("notice", "n1",
                R"({"indicatorsAbuse": ["abuse.03"], "identifiedAt": "2026-03-28T10:00:00+02:00", "policeConsent": {"decision": "given", "at": "2026-03-28T10:00:00+02:00"}})") }),
            "2026-03-28T12:00:00+02:00", 1, "2026-03-29T11:00:00+03:00", "open", "not_done");
        row("r4 autumn DST", r4, "martial",
            list({ rec("notice", "n1",
                R"({"indicatorsAbuse": ["abuse.03"], "identifiedAt": "2026-10-24T10:00:00+03:00", "policeConsent": {"decision": "given", "at": "2026-10-24T10:00:00+03:00"}})") }),
            "2026-10-25T09:30:00+02:00", 1, "2026-10-25T09:00:00+02:00", "overdue", "not_done");
        row("r4 across midnight late", r4, "martial",
            list(
                { rec("notice", "n1",
                      R"({"indicatorsAbuse": ["abuse.03"], "identifiedAt": "2026-02-10T22:30:00+02:00", "policeConsent": {"decision": "given", "at": "2026-02-10T22:30:00+02:00"}})"),
                    act("a1", "police_informed", "2026-02-11T23:00:00+02:00", "n1") }),
            "2026-02-12T10:00:00+02:00", 1, "2026-02-11T22:30:00+02:00", "done", "late");
        row("r4 consent later", r4, "martial",
            list(
                { rec("notice", "n1",
                      R"({"indicatorsAbuse": ["abuse.03"], "identifiedAt": "2026-03-01T09:00:00+02:00", "policeConsent": {"decision": "given", "at": "2026-03-02T12:00:00+02:00"}})"),
                    act("a1", "police_informed", "2026-03-03T11:00:00+02:00", "n1") }),
            "2026-03-05T10:00:00+02:00", 1, "2026-03-03T12:00:00+02:00", "done", "on_time");
        row("r4 consent refused", r4, "martial",
            list({ rec("notice", "n1",
                R"({"indicatorsAbuse": ["abuse.03"], "identifiedAt": "2026-03-01T09:00:00+02:00", "policeConsent": {"decision": "refused", "at": "2026-03-01T10:00:00+02:00"}})") }),
            "2026-03-05T10:00:00+02:00", 0);
        row("r4 consent not asked", r4, "martial",
            list({ rec("notice", "n1",
                R"({"indicatorsAbuse": ["abuse.03"], "identifiedAt": "2026-03-01T09:00:00+02:00", "policeConsent": {"decision": "not_asked"}})") }),
            "2026-03-05T10:00:00+02:00", 0);
        row("r4 no violence signs", r4, "martial",
            list({ rec("notice", "n1",
                R"({"indicatorsAbuse": [], "crisis": false, "identifiedAt": "2026-03-01T09:00:00+02:00", "policeConsent": {"decision": "given", "at": "2026-03-01T09:00:00+02:00"}})") }),
            "2026-03-05T10:00:00+02:00", 0);
        row("r4 crisis with consent", r4, "martial",
            list({ rec("notice", "n1",
                R"({"crisis": true, "identifiedAt": "2026-03-01T09:00:00+02:00", "policeConsent": {"decision": "given", "at": "2026-03-01T09:00:00+02:00"}})") }),
            "2026-03-01T10:00:00+02:00", 1, "2026-03-02T09:00:00+02:00", "open", "not_done");

        // Row 4 (derived): ask for consent while it is not recorded.
        const char* r4c = "police_consent_asked";
        row("r4c not yet asked", r4c, "martial",
            list({ rec(
                "notice", "n1", R"({"indicatorsAbuse": ["abuse.03"], "identifiedAt": "2026-03-28T10:00:00+02:00"})") }),
            "2026-03-28T11:00:00+02:00", 1, "2026-03-29T11:00:00+03:00", "open", "not_done");
        row("r4c refusal recorded in time", r4c, "martial",
            list({ rec("notice", "n1",
                R"({"indicatorsAbuse": ["abuse.03"], "identifiedAt": "2026-03-28T10:00:00+02:00", "policeConsent": {"decision": "refused", "at": "2026-03-28T12:00:00+02:00"}})") }),
            "2026-03-30T11:00:00+03:00", 1, "2026-03-29T11:00:00+03:00", "done", "on_time");
        row("r4c given too late", r4c, "martial",
            list({ rec("notice", "n1",
                R"({"indicatorsAbuse": ["abuse.03"], "identifiedAt": "2026-03-28T10:00:00+02:00", "policeConsent": {"decision": "given", "at": "2026-03-30T09:00:00+03:00"}})") }),
            "2026-03-30T11:00:00+03:00", 1, "2026-03-29T11:00:00+03:00", "done", "late");
        row("r4c not_asked recorded", r4c, "martial",
            list({ rec("notice", "n1",
                R"({"indicatorsAbuse": ["abuse.03"], "identifiedAt": "2026-03-28T10:00:00+02:00", "policeConsent": {"decision": "not_asked"}})") }),
            "2026-03-30T11:00:00+03:00", 1, "2026-03-29T11:00:00+03:00", "overdue", "not_done");
        row("r4c no violence", r4c, "martial",
            list({ rec("notice", "n1",
                R"({"indicatorsGeneral": ["general.01"], "identifiedAt": "2026-03-28T10:00:00+02:00"})") }),
            "2026-03-30T11:00:00+03:00", 0);

        // Row 5, 001 §3.1: next working day after receipt.
        const char* r5 = "notice_to_centre_next_day";
        row("r5 friday", r5, "martial",
            list({ rec("notice", "n1", R"({"origin": "report", "receivedAt": "2026-03-27T16:00:00+02:00"})") }),
            "2026-03-28T10:00:00+02:00", 1, "2026-03-30T23:59:59+03:00", "open", "not_done");
        row("r5 before easter peace", r5, "peace",
            list({ rec("notice", "n1", R"({"origin": "report", "receivedAt": "2026-04-10T16:00:00+03:00"})") }),
            "2026-04-13T10:00:00+03:00", 1, "2026-04-14T23:59:59+03:00", "open", "not_done");
        row("r5 before easter martial", r5, "martial",
            list({ rec("notice", "n1", R"({"origin": "report", "receivedAt": "2026-04-10T16:00:00+03:00"})") }),
            "2026-04-14T10:00:00+03:00", 1, "2026-04-13T23:59:59+03:00", "overdue", "not_done");
        row("r5 origin missing", r5, "martial",
            list({ rec("notice", "n1", R"({"receivedAt": "2026-03-27T16:00:00+02:00"})") }),
            "2026-03-28T10:00:00+02:00", 1, "2026-03-30T23:59:59+03:00", "open", "not_done");
        row("r5 service request", r5, "martial",
            list(
                { rec("notice", "n1", R"({"origin": "service_request", "receivedAt": "2026-03-27T16:00:00+02:00"})") }),
            "2026-03-28T10:00:00+02:00", 0);
        row("r5 year end martial", r5, "martial",
            list({ rec("notice", "n1", R"({"origin": "report", "receivedAt": "2026-12-31T16:00:00+02:00"})") }),
            "2026-12-31T18:00:00+02:00", 1, "2027-01-01T23:59:59+02:00", "open", "not_done");

        // Row 6, 001 §3.2: crisis intervention within 24 elapsed hours.
        const char* r6 = "crisis_intervention_within_24h";
        row("r6 across midnight", r6, "martial",
            list({ rec("notice", "n1", R"({"crisis": true, "identifiedAt": "2026-02-10T21:00:00+02:00"})") }),
            "2026-02-11T10:00:00+02:00", 1, "2026-02-11T21:00:00+02:00", "open", "not_done");
        row("r6 spring DST", r6, "martial",
            list({ rec("notice", "n1", R"({"crisis": true, "identifiedAt": "2026-03-28T23:30:00+02:00"})") }),
            "2026-03-29T10:00:00+03:00", 1, "2026-03-30T00:30:00+03:00", "open", "not_done");
        row("r6 autumn DST", r6, "martial",
            list({ rec("notice", "n1", R"({"crisis": true, "identifiedAt": "2026-10-24T23:30:00+03:00"})") }),
            "2026-10-25T22:31:00+02:00", 1, "2026-10-25T22:30:00+02:00", "overdue", "not_done");
        row("r6 started in time", r6, "martial",
            list({ rec("notice", "n1", R"({"crisis": true, "identifiedAt": "2026-02-10T21:00:00+02:00"})"),
                rec("crisis_intervention", "ci1", R"({"startedAt": "2026-02-11T20:00:00+02:00"})") }),
            "2026-02-12T10:00:00+02:00", 1, "2026-02-11T21:00:00+02:00", "done", "on_time");
        row("r6 started late", r6, "martial",
            list({ rec("notice", "n1", R"({"crisis": true, "identifiedAt": "2026-02-10T21:00:00+02:00"})"),
                rec("crisis_intervention", "ci1", R"({"startedAt": "2026-02-11T22:00:00+02:00"})") }),
            "2026-02-12T10:00:00+02:00", 1, "2026-02-11T21:00:00+02:00", "done", "late");
        row("r6 intervention in another case", r6, "martial",
            list({ rec("notice", "n1", R"({"crisis": true, "identifiedAt": "2026-02-10T21:00:00+02:00"})"),
                rec("crisis_intervention", "ci1", R"({"startedAt": "2026-02-11T20:00:00+02:00"})", "c2") }),
            "2026-02-12T10:00:00+02:00", 1, "2026-02-11T21:00:00+02:00", "overdue", "not_done");
        row("r6 earlier episode", r6, "martial",
            list({ rec("notice", "n1", R"({"crisis": true, "identifiedAt": "2026-02-10T21:00:00+02:00"})"),
                rec("crisis_intervention", "ci1", R"({"startedAt": "2026-02-01T20:00:00+02:00"})") }),
            "2026-02-12T10:00:00+02:00", 1, "2026-02-11T21:00:00+02:00", "overdue", "not_done");

        // Row 7, 001 §4.2: joint visit and safety assessment at once.
        const char* r7 = "child_joint_visit_safety_assessment";
        row("r7 assessed on the spot", r7, "martial",
            list({ rec("notice", "n1", kChildAbuse),
                rec("safety_assessment", "sa1",
                    R"({"assessedAt": "2026-03-27T17:30:00+02:00", "dangerLevel": "dangerous"})") }),
            "2026-03-28T10:00:00+02:00", 1, "2026-03-27T17:30:00+02:00", "done", "on_time");
        row("r7 assessed later", r7, "martial",
            list({ rec("notice", "n1", kChildAbuse),
                rec("safety_assessment", "sa1",
                    R"({"assessedAt": "2026-03-27T19:00:00+02:00", "dangerLevel": "safe"})") }),
            "2026-03-28T10:00:00+02:00", 1, "2026-03-27T17:30:00+02:00", "done", "late");
        row("r7 not yet", r7, "martial", list({ rec("notice", "n1", kChildAbuse) }), "2026-03-27T17:30:00+02:00", 1,
            "2026-03-27T17:30:00+02:00", "open", "not_done");
        row("r7 crisis child", r7, "martial",
            list({ rec("notice", "n1",
                R"({"subjectKind": "child", "crisis": true, "receivedAt": "2026-03-27T17:30:00+02:00"})") }),
            "2026-03-28T10:00:00+02:00", 1, "2026-03-27T17:30:00+02:00", "overdue", "not_done");
        row("r7 child without danger signs", r7, "martial", list({ rec("notice", "n1", kChild) }),
            "2026-03-28T10:00:00+02:00", 0);

        // Row 8, 001 §4.3: department informed of crisis results in one working day.
        const char* r8 = "crisis_results_to_department";
        row("r8 friday evening", r8, "martial",
            list({ rec("crisis_intervention", "ci1",
                R"({"startedAt": "2026-03-27T10:00:00+02:00", "completedAt": "2026-03-27T22:00:00+02:00"})") }),
            "2026-03-28T10:00:00+02:00", 1, "2026-03-30T23:59:59+03:00", "open", "not_done");
        row("r8 year end peace", r8, "peace",
            list({ rec("crisis_intervention", "ci1", R"({"completedAt": "2026-12-31T20:00:00+02:00"})") }),
            "2027-01-02T10:00:00+02:00", 1, "2027-01-04T23:59:59+02:00", "open", "not_done");
        row("r8 year end martial", r8, "martial",
            list({ rec("crisis_intervention", "ci1", R"({"completedAt": "2026-12-31T20:00:00+02:00"})") }),
            "2027-01-02T10:00:00+02:00", 1, "2027-01-01T23:59:59+02:00", "overdue", "not_done");
        row("r8 not completed", r8, "martial",
            list({ rec("crisis_intervention", "ci1", R"({"startedAt": "2026-03-27T10:00:00+02:00"})") }),
            "2026-03-28T10:00:00+02:00", 0);
        row("r8 informed", r8, "martial",
            list({ rec("crisis_intervention", "ci1", R"({"completedAt": "2026-03-27T22:00:00+02:00"})"),
                act("a1", "department_informed_of_crisis_results", "2026-03-30T10:00:00+03:00", "ci1") }),
            "2026-04-01T10:00:00+03:00", 1, "2026-03-30T23:59:59+03:00", "done", "on_time");

        // Row 9, 001 §4.3: needs assessment within five working days.
        const char* r9 = "needs_assessment_after_crisis";
        row("r9 five days", r9, "martial",
            list({ rec("crisis_intervention", "ci1", R"({"completedAt": "2026-03-23T12:00:00+02:00"})") }),
            "2026-03-24T10:00:00+02:00", 1, "2026-03-30T23:59:59+03:00", "open", "not_done");
        row("r9 easter peace", r9, "peace",
            list({ rec("crisis_intervention", "ci1", R"({"completedAt": "2026-04-08T12:00:00+03:00"})") }),
            "2026-04-09T10:00:00+03:00", 1, "2026-04-16T23:59:59+03:00", "open", "not_done");
        row("r9 easter martial", r9, "martial",
            list({ rec("crisis_intervention", "ci1", R"({"completedAt": "2026-04-08T12:00:00+03:00"})") }),
            "2026-04-09T10:00:00+03:00", 1, "2026-04-15T23:59:59+03:00", "open", "not_done");
        row("r9 assessed late", r9, "martial",
            list({ rec("crisis_intervention", "ci1", R"({"completedAt": "2026-03-23T12:00:00+02:00"})"),
                rec("needs_assessment", "na1",
                    R"({"signedAt": "2026-03-31T10:00:00+03:00", "difficultCircumstances": false})") }),
            "2026-04-01T10:00:00+03:00", 1, "2026-03-30T23:59:59+03:00", "done", "late");
        row("r9 earlier assessment does not count", r9, "martial",
            list({ rec("crisis_intervention", "ci1", R"({"completedAt": "2026-03-23T12:00:00+02:00"})"),
                rec("needs_assessment", "na1", R"({"signedAt": "2026-03-20T10:00:00+02:00"})") }),
            "2026-04-01T10:00:00+03:00", 1, "2026-03-30T23:59:59+03:00", "overdue", "not_done");

        // Row 10, 001 §3.3: act to the department the next working day.
        const char* r10 = "assessment_act_to_department";
        row("r10 friday", r10, "martial",
            list({ rec("needs_assessment", "na1",
                R"({"signedAt": "2026-03-27T18:00:00+02:00", "difficultCircumstances": true})") }),
            "2026-03-28T10:00:00+02:00", 1, "2026-03-30T23:59:59+03:00", "open", "not_done");
        row("r10 sunday holiday moved peace", r10, "peace",
            list({ rec("needs_assessment", "na1",
                R"({"signedAt": "2026-06-26T12:00:00+03:00", "difficultCircumstances": true})") }),
            "2026-06-27T10:00:00+03:00", 1, "2026-06-30T23:59:59+03:00", "open", "not_done");
        row("r10 sunday holiday not moved martial", r10, "martial",
            list({ rec("needs_assessment", "na1",
                R"({"signedAt": "2026-06-26T12:00:00+03:00", "difficultCircumstances": true})") }),
            "2026-06-27T10:00:00+03:00", 1, "2026-06-29T23:59:59+03:00", "open", "not_done");
        row("r10 month end peace", r10, "peace",
            list({ rec("needs_assessment", "na1",
                R"({"signedAt": "2026-04-30T12:00:00+03:00", "difficultCircumstances": true})") }),
            "2026-05-02T10:00:00+03:00", 1, "2026-05-04T23:59:59+03:00", "open", "not_done");
        row("r10 month end martial", r10, "martial",
            list({ rec("needs_assessment", "na1",
                R"({"signedAt": "2026-04-30T12:00:00+03:00", "difficultCircumstances": true})") }),
            "2026-05-02T10:00:00+03:00", 1, "2026-05-01T23:59:59+03:00", "overdue", "not_done");
        row("r10 no difficult circumstances", r10, "martial",
            list({ rec("needs_assessment", "na1",
                R"({"signedAt": "2026-03-27T18:00:00+02:00", "difficultCircumstances": false})") }),
            "2026-03-28T10:00:00+02:00", 0);

        // Row 11, 001 §3.3: copy to the children's service for a child's case.
        const char* r11 = "assessment_copy_to_child_service";
        const QString sjo = rec(
            "needs_assessment", "na1", R"({"signedAt": "2026-03-27T18:00:00+02:00", "difficultCircumstances": true})");
        row("r11 child case", r11, "martial", list({ rec("notice", "n1", kChild), sjo }), "2026-03-28T10:00:00+02:00",
            1, "2026-03-30T23:59:59+03:00", "open", "not_done");
        row("r11 adult case", r11, "martial",
            list({ rec("notice", "n1", R"({"concernsChild": false, "subjectKind": "person"})"), sjo }),
            "2026-03-28T10:00:00+02:00", 0);
        row("r11 child notice in another case", r11, "martial", list({ rec("notice", "n1", kChild, "c2"), sjo }),
            "2026-03-28T10:00:00+02:00", 0);
        row("r11 copy sent", r11, "martial",
            list({ rec("notice", "n1", kChild), sjo,
                act("a1", "copy_sent_to_child_service", "2026-03-30T10:00:00+03:00", "na1") }),
            "2026-04-02T10:00:00+03:00", 1, "2026-03-30T23:59:59+03:00", "done", "on_time");

        // Row 12, 001 §4.4: registration decision in seven working days.
        const char* r12 = "child_registration_decision";
        row("r12 friday", r12, "martial", list({ rec("notice", "n1", kChildAbuse) }), "2026-03-28T10:00:00+02:00", 1,
            "2026-04-07T23:59:59+03:00", "open", "not_done");
        row("r12 easter peace", r12, "peace",
            list({ rec("notice", "n1",
                R"({"concernsChild": true, "crisis": true, "receivedAt": "2026-04-08T10:00:00+03:00"})") }),
            "2026-04-18T10:00:00+03:00", 1, "2026-04-20T23:59:59+03:00", "open", "not_done");
        row("r12 easter martial", r12, "martial",
            list({ rec("notice", "n1",
                R"({"concernsChild": true, "crisis": true, "receivedAt": "2026-04-08T10:00:00+03:00"})") }),
            "2026-04-18T10:00:00+03:00", 1, "2026-04-17T23:59:59+03:00", "overdue", "not_done");
        row("r12 year end peace", r12, "peace",
            list({ rec("notice", "n1",
                R"({"concernsChild": true, "indicatorsAbuse": ["abuse.02"], "receivedAt": "2026-12-24T10:00:00+02:00"})") }),
            "2027-01-05T10:00:00+02:00", 1, "2027-01-06T23:59:59+02:00", "open", "not_done");
        row("r12 year end martial", r12, "martial",
            list({ rec("notice", "n1",
                R"({"concernsChild": true, "indicatorsAbuse": ["abuse.02"], "receivedAt": "2026-12-24T10:00:00+02:00"})") }),
            "2027-01-05T10:00:00+02:00", 1, "2027-01-04T23:59:59+02:00", "overdue", "not_done");
        row("r12 decided late", r12, "martial",
            list({ rec("notice", "n1", kChildAbuse),
                act("a1", "child_registration_decided", "2026-04-08T10:00:00+03:00", "n1") }),
            "2026-04-10T10:00:00+03:00", 1, "2026-04-07T23:59:59+03:00", "done", "late");

        // Row 13, 001 §3.8: contract and individual plan within 7 working days.
        const char* r13 = "contract_and_individual_plan";
        const QString decision
            = rec("services_decision", "sd1", R"({"decisionDate": "2026-03-27", "provideServices": true})");
        row("r13 both on time", r13, "martial",
            list({ decision, rec("services_contract", "sc1", R"({"contractDate": "2026-04-02"})"),
                rec("individual_plan", "ip1", R"({"planDate": "2026-04-03"})") }),
            "2026-04-10T10:00:00+03:00", 1, "2026-04-07T23:59:59+03:00", "done", "on_time");
        row("r13 plan missing", r13, "martial",
            list({ decision, rec("services_contract", "sc1", R"({"contractDate": "2026-04-02"})") }),
            "2026-04-08T09:00:00+03:00", 1, "2026-04-07T23:59:59+03:00", "overdue", "not_done");
        row("r13 plan late", r13, "martial",
            list({ decision, rec("services_contract", "sc1", R"({"contractDate": "2026-04-02"})"),
                rec("individual_plan", "ip1", R"({"planDate": "2026-04-08"})") }),
            "2026-04-10T10:00:00+03:00", 1, "2026-04-07T23:59:59+03:00", "done", "late");
        row("r13 open", r13, "martial", list({ decision }), "2026-03-30T10:00:00+03:00", 1, "2026-04-07T23:59:59+03:00",
            "open", "not_done");
        row("r13 no services", r13, "martial",
            list({ rec("services_decision", "sd1", R"({"decisionDate": "2026-03-27", "provideServices": false})") }),
            "2026-03-30T10:00:00+03:00", 0);
        row("r13 easter peace", r13, "peace",
            list({ rec("services_decision", "sd1", R"({"decisionDate": "2026-04-08", "provideServices": true})") }),
            "2026-04-09T10:00:00+03:00", 1, "2026-04-20T23:59:59+03:00", "open", "not_done");

        // Row 14, 001 §3.9: non-cooperation once 10 working days pass without a contract.
        const char* r14 = "non_cooperation_report";
        row("r14 window not closed", r14, "martial", list({ decision }), "2026-04-09T12:00:00+03:00", 0);
        row("r14 window closed", r14, "martial", list({ decision }), "2026-04-13T09:00:00+03:00", 1,
            "2026-04-10T23:59:59+03:00", "overdue", "not_done");
        row("r14 contract in window", r14, "martial",
            list({ decision, rec("services_contract", "sc1", R"({"contractDate": "2026-04-02"})") }),
            "2026-04-20T10:00:00+03:00", 0);
        row("r14 contract after window", r14, "martial",
            list({ decision, rec("services_contract", "sc1", R"({"contractDate": "2026-04-14"})") }),
            "2026-04-20T10:00:00+03:00", 1, "2026-04-10T23:59:59+03:00", "overdue", "not_done");
        row("r14 reported early", r14, "martial",
            list({ decision, act("a1", "non_cooperation_reported", "2026-04-08T10:00:00+03:00", "sd1") }),
            "2026-04-09T10:00:00+03:00", 1, "2026-04-10T23:59:59+03:00", "done", "on_time");
        row("r14 easter peace", r14, "peace",
            list({ rec("services_decision", "sd1", R"({"decisionDate": "2026-04-03", "provideServices": true})") }),
            "2026-04-18T10:00:00+03:00", 0);
        row("r14 easter martial", r14, "martial",
            list({ rec("services_decision", "sd1", R"({"decisionDate": "2026-04-03", "provideServices": true})") }),
            "2026-04-18T10:00:00+03:00", 1, "2026-04-17T23:59:59+03:00", "overdue", "not_done");

        // Row 15, 001 §5.2: hospital information within three working days.
        const char* r15 = "pregnancy_risk_information";
        row("r15 received in time", r15, "martial",
            list({ rec("notice", "n1",
                R"({"pregnancyRisk": true, "reporterOrganisation": "health_care", "identifiedAt": "2026-03-27T11:00:00+02:00", "receivedAt": "2026-03-31T09:00:00+03:00"})") }),
            "2026-04-05T10:00:00+03:00", 1, "2026-04-01T23:59:59+03:00", "done", "on_time");
        row("r15 received late", r15, "martial",
            list({ rec("notice", "n1",
                R"({"pregnancyRisk": true, "reporterOrganisation": "health_care", "identifiedAt": "2026-03-27T11:00:00+02:00", "receivedAt": "2026-04-02T09:00:00+03:00"})") }),
            "2026-04-05T10:00:00+03:00", 1, "2026-04-01T23:59:59+03:00", "done", "late");
        row("r15 not received", r15, "martial",
            list({ rec("notice", "n1",
                R"({"pregnancyRisk": true, "reporterOrganisation": "health_care", "identifiedAt": "2026-03-27T11:00:00+02:00"})") }),
            "2026-04-02T10:00:00+03:00", 1, "2026-04-01T23:59:59+03:00", "overdue", "not_done");
        row("r15 school reporter", r15, "martial",
            list({ rec("notice", "n1",
                R"({"pregnancyRisk": true, "reporterOrganisation": "education", "identifiedAt": "2026-03-27T11:00:00+02:00"})") }),
            "2026-04-02T10:00:00+03:00", 0);
        row("r15 christmas peace", r15, "peace",
            list({ rec("notice", "n1",
                R"({"pregnancyRisk": true, "reporterOrganisation": "health_care", "identifiedAt": "2026-12-23T10:00:00+02:00"})") }),
            "2026-12-24T10:00:00+02:00", 1, "2026-12-29T23:59:59+02:00", "open", "not_done");
        row("r15 christmas martial", r15, "martial",
            list({ rec("notice", "n1",
                R"({"pregnancyRisk": true, "reporterOrganisation": "health_care", "identifiedAt": "2026-12-23T10:00:00+02:00"})") }),
            "2026-12-24T10:00:00+02:00", 1, "2026-12-28T23:59:59+02:00", "open", "not_done");

        // Row 16, 001 §5.3: children's service and department told at once.
        const char* r16 = "abandonment_intent_immediate_notice";
        const QString intent = rec("notice", "n1",
            R"({"newbornAbandonmentIntent": true, "identifiedAt": "2026-03-27T10:00:00+02:00", "receivedAt": "2026-03-27T10:00:00+02:00"})");
        row("r16 told at once", r16, "martial",
            list({ intent, act("a1", "child_service_informed", "2026-03-27T10:00:00+02:00", "n1") }),
            "2026-03-28T10:00:00+02:00", 1, "2026-03-27T10:00:00+02:00", "done", "on_time");
        row("r16 child service not told", r16, "martial", list({ intent }), "2026-03-28T10:00:00+02:00", 1,
            "2026-03-27T10:00:00+02:00", "overdue", "not_done");
        row("r16 told two hours later", r16, "martial",
            list({ intent, act("a1", "child_service_informed", "2026-03-27T12:00:00+02:00", "n1") }),
            "2026-03-28T10:00:00+02:00", 1, "2026-03-27T10:00:00+02:00", "done", "late");
        row("r16 no intent", r16, "martial",
            list({ rec("notice", "n1",
                R"({"newbornAbandonmentIntent": false, "identifiedAt": "2026-03-27T10:00:00+02:00"})") }),
            "2026-03-28T10:00:00+02:00", 0);

        // Row 16, 001 §5.3: results to the children's service in two months.
        const char* r16b = "abandonment_results_to_child_service";
        row("r16b two months", r16b, "martial", list({ intent }), "2026-04-28T10:00:00+03:00", 1,
            "2026-05-27T23:59:59+03:00", "open", "not_done");
        row("r16b end of month", r16b, "martial",
            list({ rec(
                "notice", "n1", R"({"newbornAbandonmentIntent": true, "receivedAt": "2026-12-31T10:00:00+02:00"})") }),
            "2027-03-01T10:00:00+02:00", 1, "2027-02-28T23:59:59+02:00", "overdue", "not_done");
        row("r16b reported late", r16b, "martial",
            list({ intent, act("a1", "abandonment_results_reported", "2026-05-28T10:00:00+03:00", "n1") }),
            "2026-06-01T10:00:00+03:00", 1, "2026-05-27T23:59:59+03:00", "done", "late");
        row("r16b reported in time", r16b, "martial",
            list({ intent, act("a1", "abandonment_results_reported", "2026-05-20T10:00:00+03:00", "n1") }),
            "2026-06-01T10:00:00+03:00", 1, "2026-05-27T23:59:59+03:00", "done", "on_time");

        // Row 17, 001 §7.2: quarterly note by the 10th (earliest task = the finished quarter).
        const char* r17 = "quarterly_monitoring_note";
        row("r17 early april", r17, "martial", list({}), "2026-04-05T10:00:00+03:00", 2, "2026-04-10T23:59:59+03:00",
            "open", "not_done");
        row("r17 after the 10th", r17, "martial", list({}), "2026-04-11T00:00:00+03:00", 2, "2026-04-10T23:59:59+03:00",
            "overdue", "not_done");
        row("r17 note submitted", r17, "martial",
            list({ rec("action", "m1",
                R"({"action": "monitoring_note_submitted", "at": "2026-04-09T10:00:00+03:00", "quarter": "2026-Q1"})",
                "") }),
            "2026-04-11T00:00:00+03:00", 2, "2026-04-10T23:59:59+03:00", "done", "on_time");
        row("r17 new year", r17, "martial", list({}), "2026-01-05T10:00:00+02:00", 2, "2026-01-10T23:59:59+02:00",
            "open", "not_done");
        row("r17 note for another quarter", r17, "martial",
            list({ rec("action", "m1",
                R"({"action": "monitoring_note_submitted", "at": "2026-01-09T10:00:00+02:00", "quarter": "2025-Q4"})",
                "") }),
            "2026-04-11T00:00:00+03:00", 2, "2026-04-10T23:59:59+03:00", "overdue", "not_done");

        // Derived, forms reference: "very dangerous" prompts the removal decision (001 §4.5, Family Code art. 170);
        // an action removal_decision_taken relating to the act closes it.
        const char* rr = "removal_decision_prompt";
        const QString veryDangerous = rec("safety_assessment", "sa1",
            R"({"assessedAt": "2026-03-27T19:00:00+02:00", "dangerLevel": "very_dangerous"})");
        row("removal very dangerous", rr, "martial", list({ veryDangerous }), "2026-03-27T18:00:00+02:00", 1,
            "2026-03-27T19:00:00+02:00", "open", "not_done");
        row("removal undecided", rr, "martial", list({ veryDangerous }), "2026-04-30T10:00:00+03:00", 1,
            "2026-03-27T19:00:00+02:00", "overdue", "not_done");
        row("removal decided", rr, "martial",
            list({ veryDangerous, act("a1", "removal_decision_taken", "2026-03-27T21:00:00+02:00", "sa1") }),
            "2026-04-30T10:00:00+03:00", 1, "2026-03-27T19:00:00+02:00", "done", "late");
        row("removal decided at once", rr, "martial",
            list({ veryDangerous, act("a1", "removal_decision_taken", "2026-03-27T19:00:00+02:00", "sa1") }),
            "2026-04-30T10:00:00+03:00", 1, "2026-03-27T19:00:00+02:00", "done", "on_time");
        row("removal decision about another act", rr, "martial",
            list({ veryDangerous, act("a1", "removal_decision_taken", "2026-03-27T21:00:00+02:00", "sa9") }),
            "2026-04-30T10:00:00+03:00", 1, "2026-03-27T19:00:00+02:00", "overdue", "not_done");
        row("removal other action", rr, "martial",
            list({ veryDangerous, act("a1", "child_service_informed", "2026-03-27T21:00:00+02:00", "sa1") }),
            "2026-04-30T10:00:00+03:00", 1, "2026-03-27T19:00:00+02:00", "overdue", "not_done");
        row("removal dangerous", rr, "martial",
            list({ rec("safety_assessment", "sa1",
                R"({"assessedAt": "2026-03-27T19:00:00+02:00", "dangerLevel": "dangerous"})") }),
            "2026-04-30T10:00:00+03:00", 0);
        row("removal draft", rr, "martial",
            list({ rec("safety_assessment", "sa1",
                R"({"assessedAt": "2026-03-27T19:00:00+02:00", "dangerLevel": "very_dangerous"})", "c1", false) }),
            "2026-04-30T10:00:00+03:00", 0);
    }
    void rules()
    {
        QFETCH(QString, ruleId);
        QFETCH(QString, calendar);
        QFETCH(QString, records);
        QFETCH(QString, now);
        QFETCH(int, count);
        QFETCH(QString, due);
        QFETCH(QString, state);
        QFETCH(QString, timeliness);

        QVERIFY2(::rules().find(ruleId), qPrintable(ruleId));
        const QList<WorkflowRecord> input = parseRecords(records);
        QVERIFY(QJsonDocument::fromJson(records.toUtf8()).isArray()); // a typo in a row must not pass silently
        const QDateTime clock = at(now);
        QVERIFY(clock.isValid());
        const QList<Task> all = computeTasks(input, clock, calendarNamed(calendar), ::rules());
        QList<Task> tasks;
        std::copy_if(
            all.cbegin(), all.cend(), std::back_inserter(tasks), [&](const Task& t) { return t.ruleId == ruleId; });
        QCOMPARE(tasks.size(), count);
        if (count == 0)
            return;
        const Task& t = tasks.first();
        QCOMPARE(t.dueAt.toString(Qt::ISODate), due);
        QCOMPARE(toString(t.state), state);
        QCOMPARE(toString(t.timeliness), timeliness);
        QCOMPARE(t.source.isEmpty(), false);
        QCOMPARE(t.whatUk.isEmpty(), false);
    }

    void taskFields()
    {
        const QList<WorkflowRecord> input = parseRecords(list({ rec("notice", "n1", kChildAbuse) }));
        const QList<Task> tasks
            = computeTasks(input, at(QStringLiteral("2026-03-28T10:00:00+02:00")), calendarNamed("martial"), ::rules());
        const auto it = std::find_if(tasks.cbegin(), tasks.cend(),
            [](const Task& t) { return t.ruleId == QLatin1String("child_joint_visit_safety_assessment"); });
        QVERIFY(it != tasks.cend());
        QCOMPARE(it->caseId, QStringLiteral("c1"));
        QCOMPARE(it->triggerRecordId, QStringLiteral("n1"));
        QCOMPARE(it->role, QStringLiteral("children_service"));
        QCOMPARE(it->source, QStringLiteral("001 §4.2"));
        QCOMPARE(it->tableRow, 7);
        QVERIFY(it->immediately);
        QVERIFY(it->whatUk.startsWith(QStringLiteral("Невідкладно організувати візит")));
        const QJsonObject json = it->toJson();
        QCOMPARE(json.value(QStringLiteral("dueAt")).toString(), QStringLiteral("2026-03-27T17:30:00+02:00"));
        QCOMPARE(json.value(QStringLiteral("state")).toString(), QStringLiteral("overdue"));
        QVERIFY(json.value(QStringLiteral("doneAt")).isNull());

        // Monitoring tasks are per quarter and belong to no case.
        const auto q = std::find_if(tasks.cbegin(), tasks.cend(),
            [](const Task& t) { return t.ruleId == QLatin1String("quarterly_monitoring_note"); });
        QVERIFY(q != tasks.cend());
        QCOMPARE(q->quarter, QStringLiteral("2025-Q4"));
        QVERIFY(q->caseId.isEmpty());
        QCOMPARE(tasks.last().quarter, QStringLiteral("2026-Q1"));
        QCOMPARE(tasks.last().dueAt.toString(Qt::ISODate), QStringLiteral("2026-04-10T23:59:59+03:00"));
    }

    void dueMomentKinds_data()
    {
        QTest::addColumn<QString>("deadline");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("due");
        QTest::newRow("calendar days") << R"({"kind": "calendar_days", "count": 3})"
                                       << "2026-03-26T10:00:00+02:00"
                                       << "2026-03-29T23:59:59+03:00";
        QTest::newRow("calendar days rolled") << R"({"kind": "calendar_days", "count": 3, "rollToWorkingDay": true})"
                                              << "2026-03-26T10:00:00+02:00"
                                              << "2026-03-30T23:59:59+03:00";
        QTest::newRow("months clamped") << R"({"kind": "months", "count": 1})"
                                        << "2026-01-31T10:00:00+02:00"
                                        << "2026-02-28T23:59:59+02:00";
        QTest::newRow("months rolled") << R"({"kind": "months", "count": 2, "rollToWorkingDay": true})"
                                       << "2026-08-31T10:00:00+03:00"
                                       << "2026-11-02T23:59:59+02:00";
        QTest::newRow("hours from utc input") << R"({"kind": "hours", "count": 24})"
                                              << "2026-03-28T21:30:00Z"
                                              << "2026-03-30T00:30:00+03:00";
        QTest::newRow("utc instant on a kyiv saturday") << R"({"kind": "working_days", "count": 1})"
                                                        << "2026-03-27T23:30:00Z"
                                                        << "2026-03-30T23:59:59+03:00";
    }
    void dueMomentKinds()
    {
        QFETCH(QString, deadline);
        QFETCH(QString, from);
        QFETCH(QString, due);
        // Wrap the deadline into a one-rule file so it goes through the same loader as the shipped rules.
        const QString file
            = QStringLiteral(R"({"schema": "poruch.workflow-rules/1", "rules": [{"id": "x", "source": "test",
            "role": "centre", "what": {"uk": "т", "en": "t"}, "completion": {"kind": "none"},
            "trigger": {"type": "home_visit", "at": {"fields": ["visitedAt"]}}, "deadline": %1}]})")
                  .arg(deadline);
        const auto set = RuleSet::fromJson(file.toUtf8());
        QVERIFY(set.ok());
        const QDateTime moment = at(from);
        QVERIFY(moment.isValid());
        // A UTC instant 23:30Z on Friday is already Saturday in Kyiv: the working day counts from Saturday.
        QCOMPARE(dueMoment(set->rules().first().deadline, moment, calendarNamed("martial")).toString(Qt::ISODate), due);
    }

    void localTimeWithoutOffsetIsKyiv()
    {
        // A date-time without an offset is read in Europe/Kyiv whatever the machine's zone is.
        qputenv("TZ", "America/New_York");
        const QList<WorkflowRecord> input
            = parseRecords(list({ rec("notice", "n1", R"({"crisis": true, "identifiedAt": "2026-02-10T21:00:00"})") }));
        const QList<Task> tasks
            = computeTasks(input, at(QStringLiteral("2026-02-11T10:00:00+02:00")), calendarNamed("martial"), ::rules());
        qputenv("TZ", "Europe/Kyiv");
        const auto it = std::find_if(tasks.cbegin(), tasks.cend(),
            [](const Task& t) { return t.ruleId == QLatin1String("crisis_intervention_within_24h"); });
        QVERIFY(it != tasks.cend());
        QCOMPARE(it->dueAt.toString(Qt::ISODate), QStringLiteral("2026-02-11T21:00:00+02:00"));
    }

    void pureAndDeterministic()
    {
        const QString records = list({ rec("notice", "n1", kChildAbuse), rec("notice", "n2", kIdentifiedFri, "c2"),
            act("a1", "notice_sent_to_centre", "2026-03-30T09:00:00+03:00", "n2"),
            rec("services_decision", "sd1", R"({"decisionDate": "2026-03-27", "provideServices": true})"),
            rec("crisis_intervention", "ci1",
                R"({"startedAt": "2026-03-27T18:00:00+02:00", "completedAt": "2026-03-27T22:00:00+02:00"})") });
        QList<WorkflowRecord> input = parseRecords(records);
        const QDateTime now = at(QStringLiteral("2026-04-20T10:00:00+03:00"));
        const WorkingCalendar cal = calendarNamed("martial");
        const auto serialise = [](const QList<Task>& tasks) {
            QJsonArray a;
            for (const Task& t : tasks)
                a.append(t.toJson());
            return QJsonDocument(a).toJson(QJsonDocument::Compact);
        };
        const QByteArray first = serialise(computeTasks(input, now, cal, ::rules()));
        QVERIFY(first.size() > 100);
        QCOMPARE(serialise(computeTasks(input, now, cal, ::rules())), first);
        std::reverse(input.begin(), input.end());
        QCOMPARE(serialise(computeTasks(input, now, cal, ::rules())), first);
        // Only the injected clock moves the result.
        QVERIFY(serialise(computeTasks(input, now.addDays(-30), cal, ::rules())) != first);
    }

    void noSystemClockInWorkflow()
    {
        static const QRegularExpression clock(
            QStringLiteral("currentDateTime|currentDate\\b|currentTime\\b|currentMSecsSinceEpoch|currentSecsSinceEpoch|"
                           "system_clock|steady_clock|std::time\\b|(^|[^.\\w>])time\\s*\\(|gettimeofday|clock_gettime|"
                           "QElapsedTimer"));
        int files = 0;
        QDirIterator it(QStringLiteral(PORUCH_WORKFLOW_SOURCE_DIR), { QStringLiteral("*.cpp"), QStringLiteral("*.h") },
            QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(f.readAll());
            ++files;
            QVERIFY2(!clock.match(text).hasMatch(), qPrintable(f.fileName()));
        }
        QVERIFY(files >= 10);
    }
};

QTEST_GUILESS_MAIN(TestWorkflowEngine)
#include "tst_workflowengine.moc"
