// Rule file: the shipped rules load and cover every row of the deadline table; a rule naming anything outside
// the contract vocabulary (record type, field, action code, role, enum value) is rejected at load.
#include "workflow/ruleset.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using poruch::workflow::RuleSet;

namespace {

template <typename T> QByteArray why(const poruch::Result<T>& r)
{
    return r.ok() ? QByteArray() : r.error().message.toUtf8();
}

QJsonObject parse(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// A valid rule that each invalid row breaks in one place.
QJsonObject validRule()
{
    return parse(R"({
        "id": "sample", "tableRow": 1, "source": "001 §2.4", "role": "department",
        "trigger": { "type": "notice", "where": [ { "field": "origin", "equals": "department_identified" } ],
                     "at": { "fields": [ "identifiedAt" ] } },
        "deadline": { "kind": "working_days", "count": 1 },
        "completion": { "kind": "action", "action": "notice_sent_to_centre" },
        "what": { "uk": "Поінформувати КУ «ЦНСП»", "en": "Inform the centre" } })");
}

QByteArray fileWith(const QJsonArray& rules)
{
    return QJsonDocument(
        QJsonObject { { QStringLiteral("schema"), QStringLiteral("poruch.workflow-rules/1") },
            { QStringLiteral("version"), QStringLiteral("test") }, { QStringLiteral("rules"), rules } })
        .toJson();
}

} // namespace

class TestRuleSet : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builtInCoversEveryTableRow()
    {
        const auto rules = RuleSet::builtIn();
        QVERIFY2(rules.ok(), why(rules).constData());
        QCOMPARE(rules->rules().size(), 21);
        QSet<int> rows;
        for (const auto& r : rules->rules())
            rows.insert(r.tableRow);
        for (int row = 1; row <= 17; ++row)
            QVERIFY2(rows.contains(row), qPrintable(QStringLiteral("table row %1 has no rule").arg(row)));
        QVERIFY(rules->find(QStringLiteral("quarterly_monitoring_note")));
        QVERIFY(rules->find(QStringLiteral("removal_decision_prompt")));
        QVERIFY(!rules->find(QStringLiteral("nope")));
    }

    void validSampleLoads()
    {
        const auto rules = RuleSet::fromJson(fileWith(QJsonArray { validRule() }));
        QVERIFY2(rules.ok(), why(rules).constData());
        QCOMPARE(rules->rules().size(), 1);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("key"); // rule key to replace
        QTest::addColumn<QString>("value"); // JSON text
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("unknown record type") << "trigger"
                                             << R"({"type": "visit", "at": {"fields": ["visitedAt"]}})"
                                             << "unknown record type 'visit'";
        QTest::newRow("unknown field")
            << "trigger"
            << R"({"type": "notice", "where": [{"field": "violence", "equals": true}], "at": {"fields": ["identifiedAt"]}})"
            << "unknown field 'violence' for record type 'notice'";
        QTest::newRow("field of another type") << "trigger"
                                               << R"({"type": "notice", "at": {"fields": ["assessedAt"]}})"
                                               << "unknown field 'assessedAt'";
        QTest::newRow("unknown nested field")
            << "trigger"
            << R"({"type": "notice", "where": [{"field": "policeConsent.when", "notEmpty": true}], "at": {"fields": ["identifiedAt"]}})"
            << "unknown field 'policeConsent.when'";
        QTest::newRow("moment not a date") << "trigger"
                                           << R"({"type": "notice", "at": {"fields": ["origin"]}})"
                                           << "not a date";
        QTest::newRow("no moment") << "trigger"
                                   << R"({"type": "notice"})"
                                   << "trigger.at.fields";
        QTest::newRow("unknown enum value")
            << "trigger"
            << R"({"type": "safety_assessment", "where": [{"field": "dangerLevel", "equals": "very dangerous"}], "at": {"fields": ["assessedAt"]}})"
            << "'very dangerous' is not a value of field 'dangerLevel'";
        QTest::newRow("bool compared with text")
            << "trigger"
            << R"({"type": "notice", "where": [{"field": "crisis", "equals": "yes"}], "at": {"fields": ["identifiedAt"]}})"
            << "yes/no";
        QTest::newRow("unknown action code") << "completion"
                                             << R"({"kind": "action", "action": "police_called"})"
                                             << "unknown action code 'police_called'";
        QTest::newRow("unknown completion record type")
            << "completion"
            << R"({"kind": "record", "type": "contract", "doneAtField": "contractDate"})"
            << "unknown record type 'contract'";
        QTest::newRow("unknown completion field")
            << "completion"
            << R"({"kind": "record", "type": "services_contract", "doneAtField": "signedAt"})"
            << "unknown field 'signedAt' for record type 'services_contract'";
        QTest::newRow("unknown trigger-record field") << "completion"
                                                      << R"({"kind": "field", "field": "registrationNumber"})"
                                                      << "unknown field 'registrationNumber'";
        QTest::newRow("unknown field version") << "completion"
                                               << R"({"kind": "field", "field": "journalNumber", "version": "first"})"
                                               << "version must be newest or any";
        QTest::newRow("unknown action in all") << "completion"
                                               << R"({"kind": "all", "of": [{"kind": "action", "action": "done"}]})"
                                               << "unknown action code 'done'";
        QTest::newRow("unknown completion kind") << "completion"
                                                 << R"({"kind": "maybe"})"
                                                 << "unknown completion kind";
        QTest::newRow("unknown role") << "role"
                                      << R"("police")"
                                      << "unknown role 'police'";
        QTest::newRow("unknown deadline kind") << "deadline"
                                               << R"({"kind": "weeks", "count": 2})"
                                               << "unknown deadline kind 'weeks'";
        QTest::newRow("count missing") << "deadline"
                                       << R"({"kind": "working_days"})"
                                       << "positive count";
        QTest::newRow("without nothing")
            << "deadline"
            << R"({"kind": "after_working_days_without", "count": 10, "without": {"kind": "none"}})"
            << "'without'";
        QTest::newRow("quarter deadline on a record") << "deadline"
                                                      << R"({"kind": "quarter_day_of_next_month", "count": 10})"
                                                      << "quarter_end";
        QTest::newRow("no source") << "source"
                                   << R"("")"
                                   << "source paragraph";
        QTest::newRow("no uk text") << "what"
                                    << R"({"en": "Inform"})"
                                    << "uk and en";
        QTest::newRow("caseHas unknown type")
            << "trigger"
            << R"({"type": "needs_assessment", "where": [{"caseHas": {"type": "case"}}], "at": {"fields": ["signedAt"]}})"
            << "unknown record type 'case'";
    }
    void invalid()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, messagePart);
        QJsonObject rule = validRule();
        const QJsonDocument v = QJsonDocument::fromJson("[" + value.toUtf8() + "]");
        QVERIFY(v.isArray());
        rule.insert(key, v.array().at(0));
        const auto rules = RuleSet::fromJson(fileWith(QJsonArray { rule }));
        QVERIFY(!rules.ok());
        QCOMPARE(rules.error().code, QStringLiteral("workflow.rules_invalid"));
        QVERIFY2(rules.error().message.contains(messagePart), qPrintable(rules.error().message));
        QVERIFY2(
            rules.error().message.startsWith(QStringLiteral("rule 'sample': ")), qPrintable(rules.error().message));
    }

    void duplicateId()
    {
        const auto rules = RuleSet::fromJson(fileWith(QJsonArray { validRule(), validRule() }));
        QVERIFY(!rules.ok());
        QVERIFY(rules.error().message.contains(QStringLiteral("duplicate rule id 'sample'")));
    }

    void wrongSchemaAndSyntax()
    {
        auto r = RuleSet::fromJson(R"({"schema": "poruch.workflow-rules/2", "rules": []})");
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("workflow.rules_invalid"));
        r = RuleSet::fromJson("{ \"rules\": [");
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("workflow.rules_parse"));
        r = RuleSet::fromJson(fileWith(QJsonArray {}));
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("no rules")));
    }

    void runtimeFile()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("rules.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(fileWith(QJsonArray { validRule() }));
        f.close();
        const auto rules = RuleSet::fromFile(f.fileName());
        QVERIFY2(rules.ok(), why(rules).constData());
        QCOMPARE(rules->rules().first().id, QStringLiteral("sample"));
        const auto missing = RuleSet::fromFile(dir.filePath(QStringLiteral("none.json")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QStringLiteral("workflow.io"));
    }
};

QTEST_GUILESS_MAIN(TestRuleSet)
#include "tst_ruleset.moc"
