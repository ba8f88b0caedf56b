#include "records/record.h"

#include "records/jsonreader.h"

#include <QRegularExpression>

#include <array>
#include <utility>

namespace poruch::records {

namespace {
constexpr std::array<std::pair<RecordType, const char*>, 11> kTypeIds { {
    { RecordType::Notice, "notice" },
    { RecordType::HomeVisit, "home_visit" },
    { RecordType::SafetyAssessment, "safety_assessment" },
    { RecordType::NeedsAssessment, "needs_assessment" },
    { RecordType::CrisisIntervention, "crisis_intervention" },
    { RecordType::ServicesDecision, "services_decision" },
    { RecordType::ServicesContract, "services_contract" },
    { RecordType::IndividualPlan, "individual_plan" },
    { RecordType::MdtMeeting, "mdt_meeting" },
    { RecordType::RefusalQuestionnaire, "refusal_questionnaire" },
    { RecordType::Action, "action" },
} };

bool isSha256Hex(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{64}$"));
    return pattern.match(text).hasMatch();
}
} // namespace

QString recordTypeId(RecordType type)
{
    for (const auto& [value, id] : kTypeIds) {
        if (value == type)
            return QString::fromLatin1(id);
    }
    return {};
}

std::optional<RecordType> recordTypeFromId(const QString& id)
{
    for (const auto& [value, text] : kTypeIds) {
        if (id == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

QStringList recordTypeIds()
{
    QStringList ids;
    for (const auto& entry : kTypeIds)
        ids.append(QString::fromLatin1(entry.second));
    return ids;
}

QString recordStatusId(RecordStatus status)
{
    return status == RecordStatus::Final ? QStringLiteral("final") : QStringLiteral("draft");
}

QJsonObject Record::toJson() const
{
    const auto nullable = [](const QString& text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
    return QJsonObject {
        { QStringLiteral("id"), id },
        { QStringLiteral("type"), recordTypeId(type) },
        { QStringLiteral("formId"), formId },
        { QStringLiteral("formVersion"), formVersion },
        { QStringLiteral("caseId"), caseId },
        { QStringLiteral("body"), body },
        { QStringLiteral("status"), recordStatusId(status) },
        { QStringLiteral("revision"), revision },
        { QStringLiteral("authorUserId"), authorUserId },
        { QStringLiteral("authorDeviceId"), authorDeviceId },
        { QStringLiteral("createdAt"), formatDateTime(createdAt) },
        { QStringLiteral("updatedAt"), formatDateTime(updatedAt) },
        { QStringLiteral("finalizedAt"), nullable(formatDateTime(finalizedAt)) },
        { QStringLiteral("contentHash"), nullable(contentHash) },
        { QStringLiteral("amends"), nullable(amends) },
    };
}

Result<Record> Record::fromJson(const QJsonObject& object)
{
    JsonReader reader(object, QStringLiteral("Record"));
    Record record;
    record.id = reader.uuid(QStringLiteral("id"));
    record.type = recordTypeFromId(reader.code(QStringLiteral("type"), recordTypeIds())).value_or(RecordType::Notice);
    record.formId = reader.string(QStringLiteral("formId"));
    if (!reader.failed() && record.formId.isEmpty())
        reader.fail(QStringLiteral("formId"), QStringLiteral("must not be empty"));
    record.formVersion = reader.integer(QStringLiteral("formVersion"), 1);
    record.caseId = reader.uuid(QStringLiteral("caseId"));
    record.body = reader.object(QStringLiteral("body"));
    record.status = reader.code(QStringLiteral("status"), { QStringLiteral("draft"), QStringLiteral("final") })
            == QLatin1String("final")
        ? RecordStatus::Final
        : RecordStatus::Draft;
    record.revision = reader.integer(QStringLiteral("revision"), 1);
    record.authorUserId = reader.string(QStringLiteral("authorUserId"));
    record.authorDeviceId = reader.string(QStringLiteral("authorDeviceId"));
    record.createdAt = reader.dateTime(QStringLiteral("createdAt"));
    record.updatedAt = reader.dateTime(QStringLiteral("updatedAt"));
    record.finalizedAt = reader.optionalDateTime(QStringLiteral("finalizedAt"));
    record.contentHash = reader.optionalString(QStringLiteral("contentHash"));
    record.amends = reader.optionalUuid(QStringLiteral("amends"));
    if (!reader.failed()) {
        // Final and draft are told apart by more than the status word, so a half-edited record is caught.
        if (record.isFinal()) {
            if (!record.finalizedAt.isValid())
                reader.fail(QStringLiteral("finalizedAt"), QStringLiteral("must be set on a final record"));
            else if (!isSha256Hex(record.contentHash))
                reader.fail(QStringLiteral("contentHash"),
                    QStringLiteral("must be 64 lower-case hex digits on a final record"));
        } else {
            if (record.finalizedAt.isValid())
                reader.fail(QStringLiteral("finalizedAt"), QStringLiteral("must be null on a draft"));
            else if (!record.contentHash.isEmpty())
                reader.fail(QStringLiteral("contentHash"), QStringLiteral("must be null on a draft"));
        }
        if (!reader.failed() && record.amends == record.id)
            reader.fail(QStringLiteral("amends"), QStringLiteral("must not name the record itself"));
    }
    if (auto error = reader.finish())
        return *error;
    return record;
}

} // namespace poruch::records
