#pragma once

#include "core/result.h"
#include "records/member.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace poruch::records {

// A household (social card of the family): who lives there, where, how to reach them, which groups
// of 001 §1.6 it belongs to, and who works on it.
struct Case {
    enum class Status { Open, Closed };
    // Complexity from the needs assessment (simple / medium / complex / emergency); Unset until assessed.
    enum class Complexity { Unset, Simple, Medium, Complex, Emergency };

    QString id; // UUID made on the device
    QList<Member> members;
    QString address;
    QString phone;
    QStringList categories; // codes of caseCategories()
    bool internallyDisplaced = false;
    Status status = Status::Open;
    Complexity complexity = Complexity::Unset;
    QStringList assignedWorkers; // user ids
    QDateTime createdAt;
    QDateTime updatedAt;

    QJsonObject toJson() const;
    static Result<Case> fromJson(const QJsonObject& object);
    bool operator==(const Case& other) const = default;

    // The name the caseload shows: the applicant, else the first adult, else the first member.
    QString title() const;
};

QString caseStatusId(Case::Status status);
QString complexityId(Case::Complexity complexity); // empty for Unset
Case::Complexity complexityFromId(const QString& id); // Unset for unknown/empty

} // namespace poruch::records
