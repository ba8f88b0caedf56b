#pragma once

#include <QJsonObject>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

// Small helpers shared by the catalog and form definition parsers.
namespace poruch::forms::schema {

// Identifier of a form, catalog, field or section: lower camel or snake case ASCII.
inline bool isIdentifier(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("^[a-zA-Z][a-zA-Z0-9_]*$"));
    return re.match(s).hasMatch();
}

// Catalog item code: dotted lower-case segments, e.g. "abuse.03", "general.16.2", "social_accompaniment".
inline bool isCode(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$"));
    return re.match(s).hasMatch();
}

// Names of keys in `object` that are not in `allowed` (typos in definitions must not pass silently).
inline QStringList unknownKeys(const QJsonObject& object, const QStringList& allowed)
{
    QStringList out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            out << it.key();
    }
    return out;
}

inline bool isWording(const QJsonValue& v)
{
    return v.isUndefined() || v.toString() == QLatin1String("local");
}

} // namespace poruch::forms::schema
