#pragma once

#include "core/result.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace poruch::records {

// One person of a household (social card). Relation is a code from memberRelations(), so reports can
// count e.g. children without parsing free text.
struct Member {
    enum class Role { Adult, Child };
    enum class Sex { Female, Male, Unknown };

    QString id; // UUID made on the device
    Role role = Role::Adult;
    QString fullName;
    QDate birthDate; // invalid = unknown (JSON null)
    Sex sex = Sex::Unknown;
    QString relation = QStringLiteral("other");

    QJsonObject toJson() const;
    static Result<Member> fromJson(const QJsonObject& object);
    bool operator==(const Member& other) const = default;
};

struct MemberRelation {
    QString code;
    QString label; // Ukrainian
};
const QList<MemberRelation>& memberRelations();
QStringList memberRelationCodes();

QString roleId(Member::Role role);
QString sexId(Member::Sex sex);

} // namespace poruch::records
