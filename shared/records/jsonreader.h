#pragma once

#include "core/result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace poruch::records {

// Strict reader for one JSON object: every key must be present with the right type, and keys that
// were never asked for are rejected at finish(). The first problem wins and names the key (never
// the value, which may be personal data). Internal helper of the records area.
class JsonReader {
public:
    JsonReader(const QJsonObject& object, QString context);

    QString string(const QString& key);
    QString optionalString(const QString& key); // null -> empty string
    bool boolean(const QString& key);
    int integer(const QString& key, int minimum);
    QString uuid(const QString& key);
    QString optionalUuid(const QString& key); // null -> empty
    QDate optionalDate(const QString& key); // null -> invalid QDate
    QDateTime dateTime(const QString& key);
    QDateTime optionalDateTime(const QString& key); // null -> invalid QDateTime
    QStringList stringList(const QString& key);
    QJsonArray array(const QString& key);
    QJsonObject object(const QString& key);
    // Marks the key as one of a fixed set of string codes; returns the code or empty on error.
    QString code(const QString& key, const QStringList& allowed);

    void fail(const QString& key, const QString& problem);
    bool failed() const { return m_error.has_value(); }
    // Rejects unknown keys; returns the first error, if any.
    std::optional<Error> finish();

private:
    std::optional<QJsonValue> take(const QString& key);

    QJsonObject m_object;
    QString m_context;
    QSet<QString> m_seen;
    std::optional<Error> m_error;
};

// Date-times in Poruch JSON carry an explicit offset ("Z" or "+02:00") and second precision.
QString formatDateTime(const QDateTime& value);
QString formatDate(const QDate& value);
bool isCanonicalUuid(const QString& value);

} // namespace poruch::records
