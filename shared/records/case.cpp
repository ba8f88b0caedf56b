#include "records/case.h"

#include "records/casecategories.h"
#include "records/jsonreader.h"

#include <QJsonArray>
#include <QSet>

namespace poruch::records {

QString caseStatusId(Case::Status status)
{
    return status == Case::Status::Closed ? QStringLiteral("closed") : QStringLiteral("open");
}

QString complexityId(Case::Complexity complexity)
{
    switch (complexity) {
    case Case::Complexity::Simple:
        return QStringLiteral("simple");
    case Case::Complexity::Medium:
        return QStringLiteral("medium");
    case Case::Complexity::Complex:
        return QStringLiteral("complex");
    case Case::Complexity::Emergency:
        return QStringLiteral("emergency");
    case Case::Complexity::Unset:
        break;
    }
    return {};
}

Case::Complexity complexityFromId(const QString& id)
{
    for (auto value : { Case::Complexity::Simple, Case::Complexity::Medium, Case::Complexity::Complex,
             Case::Complexity::Emergency }) {
        if (complexityId(value) == id)
            return value;
    }
    return Case::Complexity::Unset;
}

QString Case::title() const
{
    for (const Member& member : members) {
        if (member.relation == QLatin1String("applicant"))
            return member.fullName;
    }
    for (const Member& member : members) {
        if (member.role == Member::Role::Adult)
            return member.fullName;
    }
    return members.isEmpty() ? QString() : members.first().fullName;
}

QJsonObject Case::toJson() const
{
    QJsonArray memberArray;
    for (const Member& member : members)
        memberArray.append(member.toJson());
    return QJsonObject {
        { QStringLiteral("id"), id },
        { QStringLiteral("members"), memberArray },
        { QStringLiteral("address"), address },
        { QStringLiteral("phone"), phone },
        { QStringLiteral("categories"), QJsonArray::fromStringList(categories) },
        { QStringLiteral("internallyDisplaced"), internallyDisplaced },
        { QStringLiteral("status"), caseStatusId(status) },
        { QStringLiteral("complexity"),
            complexity == Complexity::Unset ? QJsonValue() : QJsonValue(complexityId(complexity)) },
        { QStringLiteral("assignedWorkers"), QJsonArray::fromStringList(assignedWorkers) },
        { QStringLiteral("createdAt"), formatDateTime(createdAt) },
        { QStringLiteral("updatedAt"), formatDateTime(updatedAt) },
    };
}

Result<Case> Case::fromJson(const QJsonObject& object)
{
    JsonReader reader(object, QStringLiteral("Case"));
    Case result;
    result.id = reader.uuid(QStringLiteral("id"));
    const QJsonArray memberArray = reader.array(QStringLiteral("members"));
    QSet<QString> memberIds;
    for (const QJsonValue& item : memberArray) {
        if (reader.failed())
            break;
        if (!item.isObject()) {
            reader.fail(QStringLiteral("members"), QStringLiteral("must be an array of objects"));
            break;
        }
        Result<Member> member = Member::fromJson(item.toObject());
        if (!member)
            return Error { member.error().code, QStringLiteral("Case.members[]: ") + member.error().message };
        if (memberIds.contains(member->id)) {
            reader.fail(QStringLiteral("members"), QStringLiteral("must not repeat a member id"));
            break;
        }
        memberIds.insert(member->id);
        result.members.append(std::move(member).value());
    }
    result.address = reader.string(QStringLiteral("address"));
    result.phone = reader.string(QStringLiteral("phone"));
    result.categories = reader.stringList(QStringLiteral("categories"));
    for (const QString& code : std::as_const(result.categories)) {
        if (!isCaseCategory(code)) {
            reader.fail(QStringLiteral("categories"), QStringLiteral("must hold only known category codes"));
            break;
        }
    }
    result.internallyDisplaced = reader.boolean(QStringLiteral("internallyDisplaced"));
    result.status = reader.code(QStringLiteral("status"), { QStringLiteral("open"), QStringLiteral("closed") })
            == QLatin1String("closed")
        ? Status::Closed
        : Status::Open;
    const QString complexity = reader.optionalString(QStringLiteral("complexity"));
    result.complexity = complexityFromId(complexity);
    if (!complexity.isEmpty() && result.complexity == Complexity::Unset)
        reader.fail(QStringLiteral("complexity"), QStringLiteral("must be simple, medium, complex, emergency or null"));
    result.assignedWorkers = reader.stringList(QStringLiteral("assignedWorkers"));
    result.createdAt = reader.dateTime(QStringLiteral("createdAt"));
    result.updatedAt = reader.dateTime(QStringLiteral("updatedAt"));
    if (auto error = reader.finish())
        return *error;
    return result;
}

} // namespace poruch::records
