#include "workflow/workflowvocabulary.h"

#include <QHash>

namespace poruch::workflow::vocabulary {

namespace {

using Fields = QHash<QString, FieldInfo>;

FieldInfo dt()
{
    return { FieldKind::DateTime, {} };
}
FieldInfo date()
{
    return { FieldKind::Date, {} };
}
FieldInfo boolean()
{
    return { FieldKind::Bool, {} };
}
FieldInfo text()
{
    return { FieldKind::Text, {} };
}
FieldInfo array()
{
    return { FieldKind::Array, {} };
}
FieldInfo enumOf(const QStringList& values)
{
    return { FieldKind::Enum, values };
}

const QHash<QString, Fields>& schema()
{
    static const QHash<QString, Fields> s = {
        { QStringLiteral("notice"),
            {
                { QStringLiteral("receivedAt"), dt() },
                { QStringLiteral("identifiedAt"), dt() },
                { QStringLiteral("origin"),
                    enumOf({ QStringLiteral("department_identified"), QStringLiteral("service_request"),
                        QStringLiteral("report") }) },
                { QStringLiteral("subjectKind"),
                    enumOf({ QStringLiteral("child"), QStringLiteral("person"), QStringLiteral("family") }) },
                { QStringLiteral("concernsChild"), boolean() },
                { QStringLiteral("indicatorsGeneral"), array() },
                { QStringLiteral("indicatorsAbuse"), array() },
                { QStringLiteral("indicatorsAbandonment"), array() },
                { QStringLiteral("indicatorsHealth"), array() },
                { QStringLiteral("crisis"), boolean() },
                { QStringLiteral("reporterOrganisation"),
                    enumOf({ QStringLiteral("health_care"), QStringLiteral("education"), QStringLiteral("police"),
                        QStringLiteral("children_service"), QStringLiteral("department"), QStringLiteral("centre"),
                        QStringLiteral("village_head"), QStringLiteral("administrative_services"),
                        QStringLiteral("other"), QString() }) },
                { QStringLiteral("pregnancyRisk"), boolean() },
                { QStringLiteral("newbornAbandonmentIntent"), boolean() },
                { QStringLiteral("policeConsent"), { FieldKind::Object, {} } },
                { QStringLiteral("policeConsent.decision"),
                    enumOf({ QStringLiteral("given"), QStringLiteral("refused"), QStringLiteral("not_asked") }) },
                { QStringLiteral("policeConsent.by"), text() },
                { QStringLiteral("policeConsent.at"), dt() },
                { QStringLiteral("policeConsent.refusalReason"), text() },
                { QStringLiteral("journalNumber"), text() },
            } },
        { QStringLiteral("home_visit"), { { QStringLiteral("visitedAt"), dt() } } },
        { QStringLiteral("safety_assessment"),
            {
                { QStringLiteral("assessedAt"), dt() },
                { QStringLiteral("dangerLevel"),
                    enumOf({ QStringLiteral("very_dangerous"), QStringLiteral("dangerous"),
                        QStringLiteral("no_signs_of_danger"), QStringLiteral("safe") }) },
            } },
        { QStringLiteral("needs_assessment"),
            {
                { QStringLiteral("signedAt"), dt() },
                { QStringLiteral("difficultCircumstances"), boolean() },
                { QStringLiteral("complexity"),
                    enumOf({ QStringLiteral("simple"), QStringLiteral("medium"), QStringLiteral("complex"),
                        QStringLiteral("emergency") }) },
                { QStringLiteral("proposedServices"), array() },
            } },
        { QStringLiteral("crisis_intervention"),
            {
                { QStringLiteral("startedAt"), dt() },
                { QStringLiteral("completedAt"), dt() },
                { QStringLiteral("threatToLife"), boolean() },
            } },
        { QStringLiteral("services_decision"),
            {
                { QStringLiteral("decisionDate"), date() },
                { QStringLiteral("provideServices"), boolean() },
                { QStringLiteral("services"), array() },
            } },
        { QStringLiteral("services_contract"), { { QStringLiteral("contractDate"), date() } } },
        { QStringLiteral("individual_plan"), { { QStringLiteral("planDate"), date() } } },
        { QStringLiteral("mdt_meeting"), { { QStringLiteral("meetingAt"), dt() } } },
        { QStringLiteral("refusal_questionnaire"), { { QStringLiteral("filledAt"), dt() } } },
        { QStringLiteral("action"),
            {
                { QStringLiteral("action"), enumOf(actionCodes()) },
                { QStringLiteral("at"), dt() },
                { QStringLiteral("relatesTo"), text() },
                { QStringLiteral("quarter"), text() },
                { QStringLiteral("childMembers"), array() },
            } },
    };
    return s;
}

} // namespace

const QStringList& recordTypes()
{
    static const QStringList types = { QStringLiteral("notice"), QStringLiteral("home_visit"),
        QStringLiteral("safety_assessment"), QStringLiteral("needs_assessment"), QStringLiteral("crisis_intervention"),
        QStringLiteral("services_decision"), QStringLiteral("services_contract"), QStringLiteral("individual_plan"),
        QStringLiteral("mdt_meeting"), QStringLiteral("refusal_questionnaire"), QStringLiteral("action") };
    return types;
}

const QStringList& actionCodes()
{
    static const QStringList codes
        = { QStringLiteral("notice_sent_to_centre"), QStringLiteral("child_service_informed"),
              QStringLiteral("police_informed"), QStringLiteral("department_informed_of_crisis_results"),
              QStringLiteral("act_submitted_to_department"), QStringLiteral("copy_sent_to_child_service"),
              QStringLiteral("child_registration_decided"), QStringLiteral("non_cooperation_reported"),
              QStringLiteral("abandonment_results_reported"), QStringLiteral("monitoring_note_submitted"),
              // Action form version 2: the removal decision and the two outcome facts of resolution 817 §9.
              QStringLiteral("removal_decision_taken"), QStringLiteral("child_returned_to_family"),
              QStringLiteral("child_stayed_in_family") };
    return codes;
}

const QStringList& roles()
{
    static const QStringList r = { QStringLiteral("department"), QStringLiteral("centre"),
        QStringLiteral("children_service"), QStringLiteral("mobile_brigade"), QStringLiteral("health_care") };
    return r;
}

std::optional<FieldInfo> field(const QString& recordType, const QString& path)
{
    const auto type = schema().constFind(recordType);
    if (type == schema().constEnd())
        return std::nullopt;
    const auto f = type->constFind(path);
    if (f == type->constEnd())
        return std::nullopt;
    return *f;
}

} // namespace poruch::workflow::vocabulary
