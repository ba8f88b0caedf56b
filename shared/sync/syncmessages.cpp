#include "sync/syncmessages.h"

#include "records/canonicalform.h"
#include "records/jsonreader.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace poruch::sync {

namespace {

const QString kInvalidField = QStringLiteral("invalid_field");

// Largest integer a JSON double carries exactly; sequence numbers and cursors stay below it.
constexpr double maxExactInteger = 9007199254740991.0;

Error invalid(const QString& message)
{
    return Error { kInvalidField, message };
}

// records::JsonReader reports records.bad_json; on the wire every field problem is invalid_field.
Error asFieldError(const Error& error)
{
    return Error { kInvalidField, error.message };
}

std::optional<qint64> exactInteger(const QJsonValue& value, qint64 minimum)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number < double(minimum) || number > maxExactInteger || number != double(qint64(number)))
        return std::nullopt;
    return qint64(number);
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

Result<QJsonObject> parseJsonObject(const QByteArray& body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error { QStringLiteral("invalid_json"),
            QStringLiteral("body is not valid JSON (%1 at offset %2)").arg(error.errorString()).arg(error.offset) };
    if (!document.isObject())
        return Error { QStringLiteral("bad_request"), QStringLiteral("body must be a JSON object") };
    return document.object();
}

// ---- PushItem ----

QJsonObject PushItem::toJson() const
{
    QJsonObject object { { QStringLiteral("seq"), double(seq) } };
    if (kind == Kind::Case) {
        object.insert(QStringLiteral("kind"), QStringLiteral("case"));
        object.insert(QStringLiteral("case"), caseData.toJson());
    } else {
        object.insert(QStringLiteral("kind"), QStringLiteral("record"));
        object.insert(QStringLiteral("baseRevision"), baseRevision);
        object.insert(QStringLiteral("record"), record.toJson());
    }
    return object;
}

Result<PushItem> PushItem::fromJson(const QJsonObject& object)
{
    PushItem item;
    const auto seq = exactInteger(object.value(QStringLiteral("seq")), 1);
    if (!seq)
        return invalid(QStringLiteral("item key 'seq' must be a positive integer"));
    item.seq = *seq;
    const QString kind = object.value(QStringLiteral("kind")).toString();
    QStringList allowed { QStringLiteral("seq"), QStringLiteral("kind") };
    if (kind == QLatin1String("case")) {
        item.kind = Kind::Case;
        allowed << QStringLiteral("case");
        const QJsonValue value = object.value(QStringLiteral("case"));
        if (!value.isObject())
            return invalid(QStringLiteral("item key 'case' must be an object"));
        auto parsed = records::Case::fromJson(value.toObject());
        if (!parsed)
            return asFieldError(parsed.error());
        item.caseData = std::move(parsed).value();
    } else if (kind == QLatin1String("record")) {
        item.kind = Kind::Record;
        allowed << QStringLiteral("record") << QStringLiteral("baseRevision");
        const auto base = exactInteger(object.value(QStringLiteral("baseRevision")), 0);
        if (!base || *base > std::numeric_limits<int>::max())
            return invalid(QStringLiteral("item key 'baseRevision' must be a non-negative integer"));
        item.baseRevision = int(*base);
        const QJsonValue value = object.value(QStringLiteral("record"));
        if (!value.isObject())
            return invalid(QStringLiteral("item key 'record' must be an object"));
        auto parsed = records::Record::fromJson(value.toObject());
        if (!parsed)
            return asFieldError(parsed.error());
        item.record = std::move(parsed).value();
        if (item.baseRevision >= item.record.revision)
            return invalid(QStringLiteral("item key 'baseRevision' must be below the record's revision"));
    } else {
        return invalid(QStringLiteral("item key 'kind' must be \"case\" or \"record\""));
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return invalid(QStringLiteral("unknown item key '%1'").arg(it.key().left(40)));
    }
    return item;
}

QString PushItem::digest() const
{
    return QString::fromLatin1(
        QCryptographicHash::hash(records::canonicalJson(toJson()), QCryptographicHash::Sha256).toHex());
}

// ---- PushRequest ----

QByteArray PushRequest::toJson() const
{
    QJsonArray array;
    for (const PushItem& item : items)
        array.append(item.toJson());
    return compact({ { QStringLiteral("deviceId"), deviceId }, { QStringLiteral("items"), array } });
}

Result<PushRequest> PushRequest::fromJson(const QByteArray& body)
{
    const auto object = parseJsonObject(body);
    if (!object)
        return object.error();
    for (auto it = object->begin(); it != object->end(); ++it) {
        if (it.key() != QLatin1String("deviceId") && it.key() != QLatin1String("items"))
            return invalid(QStringLiteral("unknown key '%1'").arg(it.key().left(40)));
    }
    PushRequest request;
    request.deviceId = object->value(QStringLiteral("deviceId")).toString();
    if (!records::isCanonicalUuid(request.deviceId))
        return invalid(QStringLiteral("key 'deviceId' must be a UUID"));
    const QJsonValue items = object->value(QStringLiteral("items"));
    if (!items.isArray())
        return invalid(QStringLiteral("key 'items' must be an array"));
    const QJsonArray array = items.toArray();
    if (array.isEmpty() || array.size() > maxPushItems)
        return invalid(QStringLiteral("key 'items' must hold 1 to %1 items").arg(maxPushItems));
    qint64 previousSeq = 0;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return invalid(QStringLiteral("items[%1] must be an object").arg(i));
        auto item = PushItem::fromJson(array.at(i).toObject());
        if (!item)
            return Error { item.error().code, QStringLiteral("items[%1]: %2").arg(i).arg(item.error().message) };
        if (item->seq <= previousSeq)
            return invalid(QStringLiteral("items[%1]: 'seq' must increase within a batch").arg(i));
        previousSeq = item->seq;
        request.items.append(std::move(item).value());
    }
    return request;
}

// ---- PushResult / PushResponse ----

QString pushStatusId(PushResult::Status status)
{
    switch (status) {
    case PushResult::Status::Applied:
        return QStringLiteral("applied");
    case PushResult::Status::Duplicate:
        return QStringLiteral("duplicate");
    case PushResult::Status::Conflict:
        return QStringLiteral("conflict");
    case PushResult::Status::Rejected:
        return QStringLiteral("rejected");
    }
    return QString();
}

QJsonObject PushResult::toJson() const
{
    QJsonObject object { { QStringLiteral("seq"), double(seq) }, { QStringLiteral("status"), pushStatusId(status) } };
    if (revision > 0)
        object.insert(QStringLiteral("revision"), revision);
    if (serverRevision > 0)
        object.insert(QStringLiteral("serverRevision"), serverRevision);
    if (!journalNumber.isEmpty())
        object.insert(QStringLiteral("journalNumber"), journalNumber);
    if (status == Status::Rejected)
        object.insert(QStringLiteral("reason"),
            QJsonObject { { QStringLiteral("code"), reason.code }, { QStringLiteral("message"), reason.message } });
    return object;
}

Result<PushResult> PushResult::fromJson(const QJsonObject& object)
{
    PushResult result;
    const auto seq = exactInteger(object.value(QStringLiteral("seq")), 1);
    if (!seq)
        return invalid(QStringLiteral("result key 'seq' must be a positive integer"));
    result.seq = *seq;
    const QString status = object.value(QStringLiteral("status")).toString();
    const PushResult::Status statuses[] = { Status::Applied, Status::Duplicate, Status::Conflict, Status::Rejected };
    bool known = false;
    for (const auto candidate : statuses) {
        if (pushStatusId(candidate) == status) {
            result.status = candidate;
            known = true;
        }
    }
    if (!known)
        return invalid(QStringLiteral("result key 'status' is not a known status"));
    result.revision = object.value(QStringLiteral("revision")).toInt();
    result.serverRevision = object.value(QStringLiteral("serverRevision")).toInt();
    result.journalNumber = object.value(QStringLiteral("journalNumber")).toString();
    const QJsonObject reason = object.value(QStringLiteral("reason")).toObject();
    result.reason
        = Error { reason.value(QStringLiteral("code")).toString(), reason.value(QStringLiteral("message")).toString() };
    return result;
}

QByteArray PushResponse::toJson() const
{
    QJsonArray array;
    for (const PushResult& result : results)
        array.append(result.toJson());
    return compact({ { QStringLiteral("results"), array }, { QStringLiteral("cursor"), double(cursor) } });
}

Result<PushResponse> PushResponse::fromJson(const QByteArray& body)
{
    const auto object = parseJsonObject(body);
    if (!object)
        return object.error();
    PushResponse response;
    const auto cursor = exactInteger(object->value(QStringLiteral("cursor")), 0);
    if (!cursor)
        return invalid(QStringLiteral("key 'cursor' must be a non-negative integer"));
    response.cursor = *cursor;
    const QJsonArray results = object->value(QStringLiteral("results")).toArray();
    for (const QJsonValue& value : results) {
        auto result = PushResult::fromJson(value.toObject());
        if (!result)
            return result.error();
        response.results.append(std::move(result).value());
    }
    return response;
}

// ---- Change / PullResponse ----

QString changeKindId(Change::Kind kind)
{
    switch (kind) {
    case Change::Kind::Case:
        return QStringLiteral("case");
    case Change::Kind::Record:
        return QStringLiteral("record");
    case Change::Kind::Conflict:
        return QStringLiteral("conflict");
    case Change::Kind::CaseRemoved:
        return QStringLiteral("case_removed");
    case Change::Kind::Form:
        return QStringLiteral("form");
    case Change::Kind::Catalog:
        return QStringLiteral("catalog");
    }
    return QString();
}

QJsonObject Change::toJson() const
{
    QJsonObject object { { QStringLiteral("cursor"), double(cursor) }, { QStringLiteral("kind"), changeKindId(kind) } };
    switch (kind) {
    case Kind::Case:
        object.insert(QStringLiteral("case"), caseData.toJson());
        break;
    case Kind::Record:
        object.insert(QStringLiteral("record"), record.toJson());
        if (!journalNumber.isEmpty())
            object.insert(QStringLiteral("journalNumber"), journalNumber);
        break;
    case Kind::Conflict:
        object.insert(QStringLiteral("record"), record.toJson());
        break;
    case Kind::CaseRemoved:
        object.insert(QStringLiteral("caseId"), caseId);
        break;
    case Kind::Form:
    case Kind::Catalog:
        object.insert(QStringLiteral("definition"), definition);
        break;
    }
    return object;
}

Result<Change> Change::fromJson(const QJsonObject& object)
{
    Change change;
    const auto cursor = exactInteger(object.value(QStringLiteral("cursor")), 1);
    if (!cursor)
        return invalid(QStringLiteral("change key 'cursor' must be a positive integer"));
    change.cursor = *cursor;
    const QString kind = object.value(QStringLiteral("kind")).toString();
    const Kind kinds[] = { Kind::Case, Kind::Record, Kind::Conflict, Kind::CaseRemoved, Kind::Form, Kind::Catalog };
    bool known = false;
    for (const auto candidate : kinds) {
        if (changeKindId(candidate) == kind) {
            change.kind = candidate;
            known = true;
        }
    }
    if (!known)
        return invalid(QStringLiteral("change key 'kind' is not a known kind"));
    switch (change.kind) {
    case Kind::Case: {
        auto parsed = records::Case::fromJson(object.value(QStringLiteral("case")).toObject());
        if (!parsed)
            return asFieldError(parsed.error());
        change.caseData = std::move(parsed).value();
        break;
    }
    case Kind::Record:
    case Kind::Conflict: {
        auto parsed = records::Record::fromJson(object.value(QStringLiteral("record")).toObject());
        if (!parsed)
            return asFieldError(parsed.error());
        change.record = std::move(parsed).value();
        change.journalNumber = object.value(QStringLiteral("journalNumber")).toString();
        break;
    }
    case Kind::CaseRemoved:
        change.caseId = object.value(QStringLiteral("caseId")).toString();
        if (!records::isCanonicalUuid(change.caseId))
            return invalid(QStringLiteral("change key 'caseId' must be a UUID"));
        break;
    case Kind::Form:
    case Kind::Catalog:
        change.definition = object.value(QStringLiteral("definition")).toObject();
        break;
    }
    return change;
}

QByteArray PullResponse::toJson() const
{
    QJsonArray array;
    for (const Change& change : changes)
        array.append(change.toJson());
    return compact({ { QStringLiteral("changes"), array }, { QStringLiteral("nextCursor"), double(nextCursor) },
        { QStringLiteral("hasMore"), hasMore } });
}

Result<PullResponse> PullResponse::fromJson(const QByteArray& body)
{
    const auto object = parseJsonObject(body);
    if (!object)
        return object.error();
    PullResponse response;
    const auto next = exactInteger(object->value(QStringLiteral("nextCursor")), 0);
    if (!next)
        return invalid(QStringLiteral("key 'nextCursor' must be a non-negative integer"));
    response.nextCursor = *next;
    response.hasMore = object->value(QStringLiteral("hasMore")).toBool();
    const QJsonArray changes = object->value(QStringLiteral("changes")).toArray();
    for (const QJsonValue& value : changes) {
        auto change = Change::fromJson(value.toObject());
        if (!change)
            return change.error();
        response.changes.append(std::move(change).value());
    }
    return response;
}

} // namespace poruch::sync
