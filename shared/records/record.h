#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace poruch::records {

// Record type ids shared with forms and workflow (see docs/data-model.md).
enum class RecordType {
    Notice,
    HomeVisit,
    SafetyAssessment,
    NeedsAssessment,
    CrisisIntervention,
    ServicesDecision,
    ServicesContract,
    IndividualPlan,
    MdtMeeting,
    RefusalQuestionnaire,
    Action,
};
QString recordTypeId(RecordType type);
std::optional<RecordType> recordTypeFromId(const QString& id);
QStringList recordTypeIds();

enum class RecordStatus { Draft, Final };
QString recordStatusId(RecordStatus status);

// One act or note about a case. A draft changes (revision +1 per saved change); a final record is a
// signed legal document: immutable, with contentHash = SHA-256 of its canonical form. A correction
// is a new record whose `amends` names the original.
struct Record {
    QString id; // UUID made on the device
    RecordType type = RecordType::Notice;
    QString formId;
    int formVersion = 1;
    QString caseId;
    QJsonObject body;
    RecordStatus status = RecordStatus::Draft;
    int revision = 1;
    QString authorUserId;
    QString authorDeviceId;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime finalizedAt; // invalid while draft
    QString contentHash; // lower-case hex SHA-256, only when final
    QString amends; // id of the original record, empty unless this is an amendment

    bool isFinal() const { return status == RecordStatus::Final; }

    QJsonObject toJson() const;
    static Result<Record> fromJson(const QJsonObject& object);
    bool operator==(const Record& other) const = default;
};

} // namespace poruch::records
