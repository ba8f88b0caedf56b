#include "records/canonicalform.h"

#include "records/jsonreader.h"

#include <QJsonArray>
#include <QJsonObject>

#include <openssl/sha.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

namespace poruch::records {

namespace {
void appendUtf8String(QByteArray& out, const QByteArray& utf8)
{
    out.append('"');
    // Runs of bytes that need no escape are appended whole.
    const char* run = utf8.constData();
    const char* const end = run + utf8.size();
    for (const char* p = run; p != end; ++p) {
        const auto byte = static_cast<unsigned char>(*p);
        if (byte >= 0x20 && byte != '"' && byte != '\\')
            continue;
        out.append(run, p - run);
        run = p + 1;
        switch (byte) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default: {
            static const char hex[] = "0123456789abcdef";
            out.append("\\u00");
            out.append(hex[byte >> 4]);
            out.append(hex[byte & 0xf]);
        }
        }
    }
    out.append(run, end - run);
    out.append('"');
}

void appendString(QByteArray& out, const QString& text)
{
    appendUtf8String(out, text.toUtf8());
}

void appendNumber(QByteArray& out, double number)
{
    if (!std::isfinite(number)) {
        out.append("null"); // QJsonValue cannot hold these; kept total for safety
        return;
    }
    // Integral values within the exact range of a double print as plain integers ("-0" as "0").
    if (std::trunc(number) == number && std::fabs(number) < 9007199254740992.0) {
        out.append(QByteArray::number(static_cast<qint64>(number)));
        return;
    }
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, number); // shortest round trip
    out.append(buffer, static_cast<qsizetype>(result.ptr - buffer));
}

void appendValue(QByteArray& out, const QJsonValue& value);

void appendObject(QByteArray& out, const QJsonObject& object)
{
    // Each key converted once and each value read once by iteration (sorting on QString::toUtf8() in
    // the comparator and looking every key up again made this a first sync's biggest cost after
    // the store writes, P2). Code point order equals the byte order of the UTF-8 encodings.
    struct Member {
        QByteArray key;
        QJsonObject::const_iterator it;
    };
    std::vector<Member> members;
    members.reserve(size_t(object.size()));
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        members.push_back(Member { it.key().toUtf8(), it });
    std::sort(members.begin(), members.end(), [](const Member& a, const Member& b) { return a.key < b.key; });
    out.append('{');
    bool first = true;
    for (const Member& member : members) {
        if (!first)
            out.append(',');
        first = false;
        appendUtf8String(out, member.key);
        out.append(':');
        appendValue(out, member.it.value());
    }
    out.append('}');
}

void appendValue(QByteArray& out, const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null");
        break;
    case QJsonValue::Bool:
        out.append(value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double:
        appendNumber(out, value.toDouble());
        break;
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Array: {
        out.append('[');
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out.append(',');
            appendValue(out, array.at(i));
        }
        out.append(']');
        break;
    }
    case QJsonValue::Object:
        appendObject(out, value.toObject());
        break;
    }
}
} // namespace

QByteArray canonicalJson(const QJsonValue& value)
{
    QByteArray out;
    appendValue(out, value);
    return out;
}

QByteArray canonicalForm(const Record& record)
{
    // The canonical JSON of {canonicalForm, id, type, formId, formVersion, caseId, amends, authorUserId,
    // authorDeviceId, createdAt, finalizedAt, body}, written directly with the keys in their canonical
    // (byte) order instead of building and sorting an object for every act hashed.
    const auto nullable = [](QByteArray& out, const QString& text) {
        if (text.isEmpty())
            out.append("null");
        else
            appendString(out, text);
    };
    QByteArray out;
    out.reserve(512);
    out.append("{\"amends\":");
    nullable(out, record.amends);
    out.append(",\"authorDeviceId\":");
    appendString(out, record.authorDeviceId);
    out.append(",\"authorUserId\":");
    appendString(out, record.authorUserId);
    out.append(",\"body\":");
    appendObject(out, record.body);
    out.append(",\"canonicalForm\":");
    appendNumber(out, kCanonicalFormVersion);
    out.append(",\"caseId\":");
    appendString(out, record.caseId);
    out.append(",\"createdAt\":");
    appendString(out, formatDateTime(record.createdAt));
    out.append(",\"finalizedAt\":");
    nullable(out, formatDateTime(record.finalizedAt));
    out.append(",\"formId\":");
    appendString(out, record.formId);
    out.append(",\"formVersion\":");
    appendNumber(out, record.formVersion);
    out.append(",\"id\":");
    appendString(out, record.id);
    out.append(",\"type\":");
    appendString(out, recordTypeId(record.type));
    out.append('}');
    return out;
}

QString contentHash(const Record& record)
{
    // OpenSSL's SHA-256 (CPU instructions where there are any): a first sync hashes every final act it
    // receives, and QCryptographicHash's portable SHA-256 was ~4 % of that sync's tablet CPU (P2).
    const QByteArray form = canonicalForm(record);
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(form.constData()), size_t(form.size()), digest);
    return QString::fromLatin1(
        QByteArray::fromRawData(reinterpret_cast<const char*>(digest), SHA256_DIGEST_LENGTH).toHex());
}

bool verifyContentHash(const Record& record)
{
    return !record.contentHash.isEmpty() && record.contentHash == contentHash(record);
}

} // namespace poruch::records
