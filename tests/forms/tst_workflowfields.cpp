// The named fields of the shared contract (helper-briefs/contract.md, copied here as a table) exist in their
// forms with the right types, value codes and catalogs: the workflow engine reads them by these keys.
#include "forms/formregistry.h"

#include <QTest>

using namespace poruch::forms;

class TestWorkflowFields : public QObject {
    Q_OBJECT

private:
    FormRegistry m_registry;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_registry.loadBuiltIn().ok()); }

    // values: option codes for choice fields, the catalog id for multi fields, the part keys for consent.
    void contractFields_data()
    {
        QTest::addColumn<QString>("form");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QStringList>("values");
        auto row = [](const char* form, const char* key, const char* type, QStringList values = {}) {
            QTest::newRow(qPrintable(QStringLiteral("%1.%2").arg(QLatin1String(form), QLatin1String(key))))
                << QString::fromLatin1(form) << QString::fromLatin1(key) << QString::fromLatin1(type) << values;
        };
        row("notice", "receivedAt", "datetime");
        row("notice", "identifiedAt", "datetime");
        row("notice", "origin", "choice", { "department_identified", "service_request", "report" });
        row("notice", "subjectKind", "choice", { "child", "person", "family" });
        row("notice", "concernsChild", "yesno");
        row("notice", "indicatorsGeneral", "multi", { "indicators_general" });
        row("notice", "indicatorsAbuse", "multi", { "indicators_abuse" });
        row("notice", "indicatorsAbandonment", "multi", { "indicators_abandonment" });
        row("notice", "indicatorsHealth", "multi", { "indicators_health" });
        row("notice", "crisis", "yesno");
        row("notice", "reporterOrganisation", "choice",
            { "health_care", "education", "police", "children_service", "department", "centre", "village_head",
                "administrative_services", "other" });
        row("notice", "pregnancyRisk", "yesno");
        row("notice", "newbornAbandonmentIntent", "yesno");
        row("notice", "policeConsent", "consent", { "decision", "by", "at", "refusalReason" });
        row("notice", "journalNumber", "text");
        row("safety_assessment", "assessedAt", "datetime");
        row("safety_assessment", "dangerLevel", "choice",
            { "very_dangerous", "dangerous", "no_signs_of_danger", "safe" });
        row("needs_assessment", "signedAt", "datetime");
        row("needs_assessment", "difficultCircumstances", "yesno");
        row("needs_assessment", "complexity", "choice", { "simple", "medium", "complex", "emergency" });
        row("needs_assessment", "proposedServices", "multi", { "services" });
        row("crisis_intervention", "startedAt", "datetime");
        row("crisis_intervention", "completedAt", "datetime");
        row("crisis_intervention", "threatToLife", "yesno");
        row("services_decision", "decisionDate", "date");
        row("services_decision", "provideServices", "yesno");
        row("services_decision", "services", "multi", { "services" });
        row("services_contract", "contractDate", "date");
        row("individual_plan", "planDate", "date");
        row("refusal_questionnaire", "filledAt", "datetime");
        row("mdt_meeting", "meetingAt", "datetime");
        row("home_visit", "visitedAt", "datetime");
        row("action", "action", "choice",
            { "notice_sent_to_centre", "child_service_informed", "police_informed",
                "department_informed_of_crisis_results", "act_submitted_to_department", "copy_sent_to_child_service",
                "child_registration_decided", "non_cooperation_reported", "abandonment_results_reported",
                "monitoring_note_submitted", "removal_decision_taken", "child_returned_to_family",
                "child_stayed_in_family" });
        row("action", "at", "datetime");
        row("action", "relatesTo", "text");
        row("action", "quarter", "text");
        row("action", "childMembers", "member");
    }
    void contractFields()
    {
        QFETCH(QString, form);
        QFETCH(QString, key);
        QFETCH(QString, type);
        QFETCH(QStringList, values);
        const FormDefinition* d = m_registry.latest(form);
        QVERIFY(d);
        QCOMPARE(d->recordType(), form);
        const FieldDef* f = d->field(key);
        QVERIFY2(f, qPrintable(key));
        QCOMPARE(fieldTypeName(f->type), type);
        if (f->type == FieldType::Choice) {
            QStringList options;
            for (const Option& o : f->options)
                options << o.value;
            QCOMPARE(options, values); // exactly the contract's codes, in the contract's order
        } else if (f->type == FieldType::Multi) {
            QCOMPARE(f->catalogRef.id, values.value(0));
        } else if (f->type == FieldType::Consent) {
            for (const QString& part : values)
                QVERIFY2(f->child(part), qPrintable(part));
            QStringList decisions;
            for (const Option& o : f->child(QStringLiteral("decision"))->options)
                decisions << o.value;
            QCOMPARE(decisions, (QStringList { "given", "refused", "not_asked" }));
        }
    }

    void journalNumberIsServerAssigned()
    {
        const FieldDef* f = m_registry.latest(QStringLiteral("notice"))->field(QStringLiteral("journalNumber"));
        QVERIFY(f);
        QCOMPARE(f->assignedBy, QStringLiteral("server"));
        QVERIFY(!f->required);
    }

    // The workflow's statutory clocks start from these; they must be required for a final record.
    void clockFieldsRequired_data()
    {
        QTest::addColumn<QString>("form");
        QTest::addColumn<QString>("key");
        for (const auto& [form, key] : { std::pair { "notice", "receivedAt" }, std::pair { "notice", "identifiedAt" },
                 std::pair { "safety_assessment", "dangerLevel" }, std::pair { "needs_assessment", "signedAt" },
                 std::pair { "needs_assessment", "complexity" }, std::pair { "crisis_intervention", "startedAt" },
                 std::pair { "services_decision", "decisionDate" }, std::pair { "services_contract", "contractDate" },
                 std::pair { "individual_plan", "planDate" }, std::pair { "action", "action" },
                 std::pair { "action", "relatesTo" } })
            QTest::newRow(qPrintable(QStringLiteral("%1.%2").arg(QLatin1String(form), QLatin1String(key))))
                << QString::fromLatin1(form) << QString::fromLatin1(key);
    }
    void clockFieldsRequired()
    {
        QFETCH(QString, form);
        QFETCH(QString, key);
        const FieldDef* f = m_registry.latest(form)->field(key);
        QVERIFY(f);
        QVERIFY(f->required);
    }
};

QTEST_GUILESS_MAIN(TestWorkflowFields)
#include "tst_workflowfields.moc"
