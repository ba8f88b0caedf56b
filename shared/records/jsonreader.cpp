#include "records/jsonreader.h"

#include <QUuid>

#include <cmath>
#include <utility>

namespace poruch::records {

namespace {
const QString kBadJson = QStringLiteral("records.bad_json");
}

JsonReader::JsonReader(const QJsonObject& object, QString context)
    : m_object(object)
    , m_context(std::move(context))
{
}

void JsonReader::fail(const QString& key, const QString& problem)
{
    if (!m_error)
        m_error = Error { kBadJson, QStringLiteral("%1: key '%2' %3").arg(m_context, key, problem) };
}

std::optional<QJsonValue> JsonReader::take(const QString& key)
{
    m_seen.insert(key);
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd()) {
        fail(key, QStringLiteral("is missing"));
        return std::nullopt;
    }
    return it.value();
}

QString JsonReader::string(const QString& key)
{
    const auto value = take(key);
    if (!value)
        return {};
    if (!value->isString()) {
        fail(key, QStringLiteral("must be a string"));
        return {};
    }
    return value->toString();
}

QString JsonReader::optionalString(const QString& key)
{
    const auto value = take(key);
    if (!value || value->isNull())
        return {};
    if (!value->isString()) {
        fail(key, QStringLiteral("must be a string or null"));
        return {};
    }
    return value->toString();
}

bool JsonReader::boolean(const QString& key)
{
    const auto value = take(key);
    if (!value)
        return false;
    if (!value->isBool()) {
        fail(key, QStringLiteral("must be true or false"));
        return false;
    }
    return value->toBool();
}

int JsonReader::integer(const QString& key, int minimum)
{
    const auto value = take(key);
    if (!value)
        return minimum;
    const double number = value->toDouble();
    // Range first: casting a double outside the integer range (1e300, NaN) is undefined behaviour.
    if (!value->isDouble() || !(number >= minimum && number <= 2147483647.0) || std::trunc(number) != number) {
        fail(key, QStringLiteral("must be an integer >= %1").arg(minimum));
        return minimum;
    }
    return static_cast<int>(number);
}

QString JsonReader::uuid(const QString& key)
{
    const QString text = string(key);
    if (!failed() && !isCanonicalUuid(text))
        fail(key, QStringLiteral("must be a lower-case UUID without braces"));
    return text;
}

QString JsonReader::optionalUuid(const QString& key)
{
    const QString text = optionalString(key);
    if (!text.isEmpty() && !isCanonicalUuid(text))
        fail(key, QStringLiteral("must be a lower-case UUID without braces or null"));
    return text;
}

QDate JsonReader::optionalDate(const QString& key)
{
    const auto value = take(key);
    if (!value || value->isNull())
        return {};
    const QDate date = value->isString() ? QDate::fromString(value->toString(), Qt::ISODate) : QDate();
    if (!date.isValid() || formatDate(date) != value->toString()) {
        fail(key, QStringLiteral("must be a date YYYY-MM-DD or null"));
        return {};
    }
    return date;
}

namespace {
QDateTime parseDateTime(const QJsonValue& value)
{
    if (!value.isString())
        return {};
    const QString text = value.toString();
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODate);
    // An offset is mandatory: local time without offset is ambiguous around DST changes.
    if (!parsed.isValid() || (parsed.timeSpec() != Qt::UTC && parsed.timeSpec() != Qt::OffsetFromUTC))
        return {};
    // Only the one spelling we write is accepted, so a round trip is byte-identical.
    if (formatDateTime(parsed) != text)
        return {};
    return parsed;
}
} // namespace

QDateTime JsonReader::dateTime(const QString& key)
{
    const auto value = take(key);
    if (!value)
        return {};
    const QDateTime parsed = parseDateTime(*value);
    if (!parsed.isValid())
        fail(key, QStringLiteral("must be a date-time YYYY-MM-DDTHH:MM:SS with Z or +HH:MM"));
    return parsed;
}

QDateTime JsonReader::optionalDateTime(const QString& key)
{
    const auto value = take(key);
    if (!value || value->isNull())
        return {};
    const QDateTime parsed = parseDateTime(*value);
    if (!parsed.isValid())
        fail(key, QStringLiteral("must be a date-time YYYY-MM-DDTHH:MM:SS with Z or +HH:MM, or null"));
    return parsed;
}

QStringList JsonReader::stringList(const QString& key)
{
    const QJsonArray items = array(key);
    QStringList out;
    for (const QJsonValue& item : items) {
        if (!item.isString()) {
            fail(key, QStringLiteral("must be an array of strings"));
            return {};
        }
        out.append(item.toString());
    }
    return out;
}

QJsonArray JsonReader::array(const QString& key)
{
    const auto value = take(key);
    if (!value)
        return {};
    if (!value->isArray()) {
        fail(key, QStringLiteral("must be an array"));
        return {};
    }
    return value->toArray();
}

QJsonObject JsonReader::object(const QString& key)
{
    const auto value = take(key);
    if (!value)
        return {};
    if (!value->isObject()) {
        fail(key, QStringLiteral("must be an object"));
        return {};
    }
    return value->toObject();
}

QString JsonReader::code(const QString& key, const QStringList& allowed)
{
    const QString text = string(key);
    if (!failed() && !allowed.contains(text)) {
        fail(key, QStringLiteral("must be one of: %1").arg(allowed.join(QStringLiteral(", "))));
        return {};
    }
    return text;
}

std::optional<Error> JsonReader::finish()
{
    if (m_error)
        return m_error;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_seen.contains(it.key())) {
            fail(it.key(), QStringLiteral("is not a known key"));
            break;
        }
    }
    return m_error;
}

QString formatDateTime(const QDateTime& value)
{
    if (!value.isValid())
        return {};
    // What toString(Qt::ISODate) gives, written by hand for the times the app stores (UTC or a fixed
    // offset, four-digit years): QDateTime::toString was ~7 % of a first sync's tablet CPU (P2; every
    // record's times are parsed, checked, stored and hashed). Anything else goes to Qt.
    const Qt::TimeSpec spec = value.timeSpec();
    const QDate date = value.date();
    if ((spec != Qt::UTC && spec != Qt::OffsetFromUTC) || date.year() < 1000 || date.year() > 9999)
        return value.toString(Qt::ISODate);
    const QTime time = value.time();
    char text[32];
    int n = 0;
    const auto digits = [&](int number, int width) {
        for (int i = width - 1; i >= 0; --i, number /= 10)
            text[n + i] = char('0' + number % 10);
        n += width;
    };
    digits(date.year(), 4);
    text[n++] = '-';
    digits(date.month(), 2);
    text[n++] = '-';
    digits(date.day(), 2);
    text[n++] = 'T';
    digits(time.hour(), 2);
    text[n++] = ':';
    digits(time.minute(), 2);
    text[n++] = ':';
    digits(time.second(), 2);
    if (spec == Qt::UTC) {
        text[n++] = 'Z';
    } else {
        const int offset = value.offsetFromUtc();
        const int minutes = (offset < 0 ? -offset : offset) / 60;
        text[n++] = offset < 0 ? '-' : '+';
        digits(minutes / 60, 2);
        text[n++] = ':';
        digits(minutes % 60, 2);
    }
    return QString::fromLatin1(text, n);
}

QString formatDate(const QDate& value)
{
    return value.isValid() ? value.toString(Qt::ISODate) : QString();
}

bool isCanonicalUuid(const QString& value)
{
    const QUuid parsed = QUuid::fromString(value);
    return !parsed.isNull() && parsed.toString(QUuid::WithoutBraces) == value;
}

} // namespace poruch::records
