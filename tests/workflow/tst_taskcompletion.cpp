// RuleSet::completion: for every shipped rule, a record built from the completion (form type, overlay and
// done-at moment) and saved final really closes the task in computeTasks — or the rule is explicitly not
// done on the tablet. The trigger records are derived from each rule's own trigger, so a new rule is covered
// without touching this test.
#include "workflow/ruleset.h"
#include "workflow/workflowengine.h"
#include "workflow/workflowvocabulary.h"
#include "workflow/workingcalendar.h"

#include "derivedrecords.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace poruch::workflow;
using namespace poruch::workflow::testing;

namespace {

const Task* findTask(const QList<Task>& tasks, const QString& ruleId, const QString& trigger)
{
    for (const Task& t : tasks)
        if (t.ruleId == ruleId && t.triggerRecordId == trigger)
            return &t;
    return nullptr;
}

} // namespace

class TstTaskCompletion : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyRuleClosesFromItsCompletion_data();
    void everyRuleClosesFromItsCompletion();
    void removalDecisionIsAnActionRelatingToTheAssessment();
    void allCompletionOffersTheMissingPart();
    void unknownRuleIsNotOnTablet();
};

void TstTaskCompletion::everyRuleClosesFromItsCompletion_data()
{
    QTest::addColumn<QString>("ruleId");
    auto rules = RuleSet::builtIn();
    QVERIFY(rules);
    for (const Rule& r : rules->rules())
        QTest::newRow(qPrintable(r.id)) << r.id;
}

void TstTaskCompletion::everyRuleClosesFromItsCompletion()
{
    QFETCH(QString, ruleId);
    // Steps that no record made on the tablet can close, each for the reason RuleSet::completion gives.
    static const QHash<QString, QString> notOnTablet = {
        { QStringLiteral("child_notice_journal"), QStringLiteral("server") },
        { QStringLiteral("police_consent_asked"), QStringLiteral("amend") },
        { QStringLiteral("pregnancy_risk_information"), QStringLiteral("amend") },
        { QStringLiteral("quarterly_monitoring_note"), QStringLiteral("office") },
    };
    auto rules = RuleSet::builtIn();
    auto calendar = WorkingCalendar::builtIn();
    QVERIFY(rules && calendar);
    const Rule* rule = rules->find(ruleId);
    QVERIFY(rule);

    const QString caseId = QStringLiteral("case-1");
    QList<WorkflowRecord> records;
    QString triggerId;
    if (rule->trigger.kind == Trigger::Kind::Record) {
        WorkflowRecord trigger { QStringLiteral("trigger-1"), rule->trigger.recordType, caseId, true, kTrigger, {} };
        satisfy(trigger.type, rule->trigger.where, trigger.body, records, caseId);
        for (const QString& field : rule->trigger.atFields)
            setPath(trigger.body, field, momentValue(trigger.type, field, kTrigger));
        records.append(trigger);
        triggerId = trigger.id;
    }
    // Late enough that even "after N working days without" steps exist.
    const QDateTime now = kTrigger.addDays(40);
    QList<Task> tasks = computeTasks(records, now, *calendar, *rules);
    const Task* task = rule->trigger.kind == Trigger::Kind::Record ? findTask(tasks, ruleId, triggerId)
                                                                   : (tasks.isEmpty() ? nullptr : &tasks.first());
    QVERIFY2(task, "the derived trigger record does not start the rule's task");
    QVERIFY(task->state != TaskState::Done);

    TaskCompletion completion = rules->completion(*task);
    if (notOnTablet.contains(ruleId)) {
        QVERIFY(!completion.onTablet);
        QCOMPARE(completion.reason, notOnTablet.value(ruleId));
        return;
    }
    // Save what each completion asks for (an `all` step may need several records) until the task closes.
    for (int step = 0; step < 4; ++step) {
        QVERIFY2(completion.onTablet, qPrintable(QStringLiteral("not on the tablet: ") + completion.reason));
        QVERIFY(!completion.recordType.isEmpty());
        QVERIFY(vocabulary::recordTypes().contains(completion.recordType));
        WorkflowRecord done { QStringLiteral("done-%1").arg(step), completion.recordType, caseId, true,
            now.addSecs(-60), completion.overlay };
        setPath(done.body, completion.doneAtField, momentValue(done.type, completion.doneAtField, now.addSecs(-60)));
        records.append(done);
        tasks = computeTasks(records, now, *calendar, *rules);
        task = findTask(tasks, ruleId, triggerId);
        QVERIFY(task);
        if (task->state == TaskState::Done) {
            QVERIFY(records.last().id == task->completedByRecordId || task->openParts.isEmpty());
            return;
        }
        completion = rules->completion(*task);
    }
    QFAIL("the completions never close the task");
}

void TstTaskCompletion::removalDecisionIsAnActionRelatingToTheAssessment()
{
    auto rules = RuleSet::builtIn();
    QVERIFY(rules);
    Task task;
    task.ruleId = QStringLiteral("removal_decision_prompt");
    task.caseId = QStringLiteral("c1");
    task.triggerRecordId = QStringLiteral("a1");
    const TaskCompletion c = rules->completion(task);
    QVERIFY(c.onTablet);
    QCOMPARE(c.recordType, QStringLiteral("action"));
    QCOMPARE(c.overlay.value(QStringLiteral("action")).toString(), QStringLiteral("removal_decision_taken"));
    QCOMPARE(c.overlay.value(QStringLiteral("relatesTo")).toString(), QStringLiteral("a1"));
    QCOMPARE(c.doneAtField, QStringLiteral("at"));
}

void TstTaskCompletion::allCompletionOffersTheMissingPart()
{
    auto rules = RuleSet::builtIn();
    QVERIFY(rules);
    Task task;
    task.ruleId = QStringLiteral("contract_and_individual_plan");
    task.caseId = QStringLiteral("c1");
    task.triggerRecordId = QStringLiteral("d1");
    task.openParts = { 0, 1 };
    QCOMPARE(rules->completion(task).recordType, QStringLiteral("services_contract"));
    task.openParts = { 1 };
    QCOMPARE(rules->completion(task).recordType, QStringLiteral("individual_plan"));
}

void TstTaskCompletion::unknownRuleIsNotOnTablet()
{
    auto rules = RuleSet::builtIn();
    QVERIFY(rules);
    Task task;
    task.ruleId = QStringLiteral("no_such_rule");
    const TaskCompletion c = rules->completion(task);
    QVERIFY(!c.onTablet);
    QCOMPARE(c.reason, QStringLiteral("unknown_rule"));
}

QTEST_GUILESS_MAIN(TstTaskCompletion)
#include "tst_taskcompletion.moc"
