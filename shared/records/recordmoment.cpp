#include "records/recordmoment.h"

#include <QHash>

namespace poruch::records {

QString momentField(const QString& typeId)
{
    static const QHash<QString, QString> fields {
        { QStringLiteral("notice"), QStringLiteral("receivedAt") },
        { QStringLiteral("home_visit"), QStringLiteral("visitedAt") },
        { QStringLiteral("safety_assessment"), QStringLiteral("assessedAt") },
        { QStringLiteral("crisis_intervention"), QStringLiteral("startedAt") },
        { QStringLiteral("services_decision"), QStringLiteral("decisionDate") },
        { QStringLiteral("services_contract"), QStringLiteral("contractDate") },
        { QStringLiteral("individual_plan"), QStringLiteral("planDate") },
        { QStringLiteral("mdt_meeting"), QStringLiteral("meetingAt") },
        { QStringLiteral("refusal_questionnaire"), QStringLiteral("filledAt") },
        { QStringLiteral("action"), QStringLiteral("at") },
    };
    return fields.value(typeId);
}

} // namespace poruch::records
