#pragma once

#include "core/result.h"
#include "records/case.h"
#include "records/record.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// Message types of the sync protocol (docs/sync-protocol.md), shared by the tablet client and the
// server. Parsing is strict: unknown keys, wrong types and out-of-range numbers are errors naming the
// key, never echoing values (they may be personal data).
namespace poruch::sync {

inline constexpr int protocolVersion = 1;
inline constexpr int maxPushItems = 200;
inline constexpr int maxPullLimit = 1000;
inline constexpr const char* protocolHeader = "Poruch-Protocol";

struct PushItem {
    enum class Kind { Case, Record };
    qint64 seq = 0; // device sequence number, 1, 2, 3, ... never reused
    Kind kind = Kind::Record;
    records::Case caseData; // kind == Case
    records::Record record; // kind == Record
    int baseRevision = 0; // kind == Record: the server revision this edit started from (0: new)

    QJsonObject toJson() const;
    static Result<PushItem> fromJson(const QJsonObject& object);
    // SHA-256 over the item's canonical JSON: identifies "the same item" for idempotent re-sends.
    QString digest() const;
};

struct PushRequest {
    QString deviceId;
    QList<PushItem> items;

    QByteArray toJson() const;
    static Result<PushRequest> fromJson(const QByteArray& body);
};

struct PushResult {
    enum class Status { Applied, Duplicate, Conflict, Rejected };
    qint64 seq = 0;
    Status status = Status::Applied;
    int revision = 0; // applied/duplicate record revision
    int serverRevision = 0; // conflict: the server's current revision
    QString journalNumber; // notices about children, once registered
    Error reason; // rejected

    QJsonObject toJson() const;
    static Result<PushResult> fromJson(const QJsonObject& object);
};
QString pushStatusId(PushResult::Status status);

struct PushResponse {
    QList<PushResult> results;
    qint64 cursor = 0;

    QByteArray toJson() const;
    static Result<PushResponse> fromJson(const QByteArray& body);
};

struct Change {
    enum class Kind { Case, Record, Conflict, CaseRemoved, Form, Catalog };
    qint64 cursor = 0;
    Kind kind = Kind::Record;
    records::Case caseData; // Case
    records::Record record; // Record, Conflict (the other revision)
    QString journalNumber; // Record
    QString caseId; // CaseRemoved
    QJsonObject definition; // Form, Catalog

    QJsonObject toJson() const;
    static Result<Change> fromJson(const QJsonObject& object);
};
QString changeKindId(Change::Kind kind);

struct PullResponse {
    QList<Change> changes;
    qint64 nextCursor = 0;
    bool hasMore = false;

    QByteArray toJson() const;
    static Result<PullResponse> fromJson(const QByteArray& body);
};

// Parses a JSON request body into an object, with the protocol's error codes
// (invalid_json for syntax/encoding, bad_request for a non-object).
Result<QJsonObject> parseJsonObject(const QByteArray& body);

} // namespace poruch::sync
