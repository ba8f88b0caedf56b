#include "records/member.h"

#include "records/jsonreader.h"

namespace poruch::records {

const QList<MemberRelation>& memberRelations()
{
    static const QList<MemberRelation> table {
        { QStringLiteral("applicant"), QStringLiteral("Заявник / отримувач послуг") },
        { QStringLiteral("mother"), QStringLiteral("Мати") },
        { QStringLiteral("father"), QStringLiteral("Батько") },
        { QStringLiteral("stepparent"), QStringLiteral("Мачуха / вітчим") },
        { QStringLiteral("partner"), QStringLiteral("Чоловік / дружина / партнер") },
        { QStringLiteral("child"), QStringLiteral("Дитина") },
        { QStringLiteral("sibling"), QStringLiteral("Брат / сестра") },
        { QStringLiteral("grandparent"), QStringLiteral("Бабуся / дідусь") },
        { QStringLiteral("grandchild"), QStringLiteral("Онук / онука") },
        { QStringLiteral("guardian"), QStringLiteral("Опікун / піклувальник") },
        { QStringLiteral("foster_carer"), QStringLiteral("Прийомний батько / мати, патронатний вихователь") },
        { QStringLiteral("other_relative"), QStringLiteral("Інший родич") },
        { QStringLiteral("other"), QStringLiteral("Інше") },
    };
    return table;
}

QStringList memberRelationCodes()
{
    QStringList codes;
    for (const MemberRelation& relation : memberRelations())
        codes.append(relation.code);
    return codes;
}

QString roleId(Member::Role role)
{
    return role == Member::Role::Child ? QStringLiteral("child") : QStringLiteral("adult");
}

QString sexId(Member::Sex sex)
{
    switch (sex) {
    case Member::Sex::Female:
        return QStringLiteral("female");
    case Member::Sex::Male:
        return QStringLiteral("male");
    case Member::Sex::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QJsonObject Member::toJson() const
{
    return QJsonObject {
        { QStringLiteral("id"), id },
        { QStringLiteral("role"), roleId(role) },
        { QStringLiteral("fullName"), fullName },
        { QStringLiteral("birthDate"), birthDate.isValid() ? QJsonValue(formatDate(birthDate)) : QJsonValue() },
        { QStringLiteral("sex"), sexId(sex) },
        { QStringLiteral("relation"), relation },
    };
}

Result<Member> Member::fromJson(const QJsonObject& object)
{
    JsonReader reader(object, QStringLiteral("Member"));
    Member member;
    member.id = reader.uuid(QStringLiteral("id"));
    const QString role = reader.code(QStringLiteral("role"), { QStringLiteral("adult"), QStringLiteral("child") });
    member.role = role == QLatin1String("child") ? Role::Child : Role::Adult;
    member.fullName = reader.string(QStringLiteral("fullName"));
    member.birthDate = reader.optionalDate(QStringLiteral("birthDate"));
    const QString sex = reader.code(
        QStringLiteral("sex"), { QStringLiteral("female"), QStringLiteral("male"), QStringLiteral("unknown") });
    member.sex = sex == QLatin1String("female") ? Sex::Female : sex == QLatin1String("male") ? Sex::Male : Sex::Unknown;
    member.relation = reader.code(QStringLiteral("relation"), memberRelationCodes());
    if (!reader.failed() && member.fullName.trimmed().isEmpty())
        reader.fail(QStringLiteral("fullName"), QStringLiteral("must not be empty"));
    if (auto error = reader.finish())
        return *error;
    return member;
}

} // namespace poruch::records
