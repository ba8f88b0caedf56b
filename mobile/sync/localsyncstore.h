#pragma once

#include "core/result.h"
#include "records/case.h"
#include "records/record.h"
#include "records/recordrepository.h"
#include "sync/syncmessages.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QUrl>

#include <optional>

namespace poruch::store {
class Database;
}

namespace poruch::client {

// Per-entity sync state shown to the user (docs/sync-client.md).
enum class EntityState {
    Pending, // saved locally, waiting in the outbox (or sent without an answer yet)
    Sent, // the server has this revision
    Conflict, // another device changed the record first; both revisions are kept, the user decides
    Rejected, // the server refused it; reason says why
};
QString entityStateId(EntityState state);

struct SyncStateEntry {
    QString entityId;
    QString kind; // "case" | "record"
    QString caseId;
    EntityState state = EntityState::Pending;
    int revision = 0; // newest local revision known to the sync state
    int serverRevision = 0; // newest server revision known
    QString journalNumber; // notices about children, once the server registered them
    Error reason; // Rejected: the server's reason code and message
};

struct OutboxEntry {
    qint64 seq = 0; // device sequence number, never reused
    sync::PushItem::Kind kind = sync::PushItem::Kind::Record;
    QString entityId;
    QString caseId;
    int revision = 0;
    int baseRevision = 0;
    QByteArray payload; // compact JSON of the case or record as it was saved
    int attempts = 0;

    Result<sync::PushItem> toPushItem() const;
};

// A draft changed here and on the server: both revisions are kept until the user resolves it.
struct KeptConflict {
    QString recordId;
    QString caseId;
    records::Record mine; // the local revision (latest local edit)
    int serverRevision = 0; // what a resolution builds on (baseRevision of the resolving push)
    std::optional<records::Record> theirs; // the server's revision, once pulled
    QDateTime detectedAt;
};

// What the device learned at enrollment. Lives only inside the encrypted store.
struct Enrollment {
    QUrl serverUrl;
    QString deviceId;
    QString token;
    QDateTime tokenExpiresAt;
    QByteArray certificatePem; // the pinned server certificate
    QString userId;
    QString userDisplayName;
    QString userRole;
    bool isValid() const { return serverUrl.isValid() && !deviceId.isEmpty() && !token.isEmpty(); }
};

struct SyncCounts {
    int outbox = 0; // entries waiting to be sent or answered
    int pendingEntities = 0;
    int conflicts = 0;
    int rejected = 0;
};

struct PushOutcome {
    int applied = 0;
    int duplicate = 0;
    int conflict = 0;
    int rejected = 0;
    int answered() const { return applied + duplicate + conflict + rejected; }
};

enum class FieldChoice { Mine, Theirs };

// The tablet's local sync state in the same encrypted database as the records (one user_version, see
// records::recordMigrations() version 3). Every write through this class saves the case/record with
// RecordRepository AND appends the outbox entry in one Database::transaction, so a kill can never leave
// a change without its outbox entry or the other way round. The pull cursor moves only in the
// transaction that applies the pulled changes.
//
// Error codes: the records.* and store.* codes of RecordRepository, plus sync.no_conflict,
// sync.conflict_unresolved (finalizing a record whose conflict is open), sync.server_revision_unknown
// (keep theirs / per-field pick before the server's revision was pulled), sync.not_rejected.
class LocalSyncStore {
public:
    using Clock = records::RecordRepository::Clock;

    // db must be open and migrated (migrate()); the store does not own it.
    explicit LocalSyncStore(store::Database& db, Clock clock = {});
    static Result<void> migrate(store::Database& db);

    store::Database& database() { return m_db; }
    // Reads (caseload, search, records). Writes must go through the methods below.
    records::RecordRepository& repository() { return m_repo; }

    // ---- writes that sync (repository save + outbox entry, one transaction) ----
    Result<records::Case> saveCase(records::Case value);
    Result<records::Record> saveDraft(records::Record draft);
    Result<records::Record> finalize(const QString& recordId);
    Result<records::Record> createAmendment(
        const QString& originalId, const QString& authorUserId, const QString& authorDeviceId);

    // ---- enrollment and cursor ----
    Result<std::optional<Enrollment>> enrollment();
    Result<void> saveEnrollment(const Enrollment& enrollment); // also resets the pull cursor to 0
    Result<void> updateToken(const QString& token, const QDateTime& expiresAt);
    Result<qint64> cursor();
    // Form and catalog definitions received by pull: which ones (catalogs first: forms refer to them), and
    // one's JSON document. Keys first, so a caller reads only the documents it does not have yet.
    struct DefinitionKey {
        QString kind; // "form" or "catalog"
        QString id;
        int version = 0;
    };
    Result<QList<DefinitionKey>> definitionKeys();
    Result<QByteArray> definitionJson(const DefinitionKey& key);

    // ---- outbox (used by SyncClient) ----
    // Oldest first, at most one entry per entity (a later edit of the same record waits for the answer
    // to the earlier one, so a conflict can never be followed by a silent overwrite).
    Result<QList<OutboxEntry>> nextBatch(int maxItems);
    Result<void> markAttempted(const QList<OutboxEntry>& entries);
    // Applies the server's answers in one transaction. An entry is deleted only when its seq has a result.
    Result<PushOutcome> applyPushResults(const QList<OutboxEntry>& sent, const sync::PushResponse& response);
    // The server refused the whole request for these entries (400 / 409 / 413 on a single item).
    Result<void> rejectEntries(const QList<OutboxEntry>& entries, const Error& reason);
    // Applies one pulled page and stores its nextCursor, in one transaction.
    Result<void> applyPull(const sync::PullResponse& page);

    // ---- state for the UI ----
    Result<SyncCounts> counts();
    Result<std::optional<SyncStateEntry>> stateOf(const QString& entityId);
    Result<QList<SyncStateEntry>> entriesInState(EntityState state);
    Result<QString> journalNumber(const QString& recordId);
    Result<QList<OutboxEntry>> outbox();

    // ---- conflicts ----
    Result<QList<KeptConflict>> conflicts();
    Result<std::optional<KeptConflict>> conflict(const QString& recordId);
    // Each resolution writes a new revision on top of the server's revision and queues it for push.
    Result<records::Record> resolveKeepMine(const QString& recordId);
    Result<records::Record> resolveKeepTheirs(const QString& recordId);
    // Body = the server's body, with the named top-level fields taken from mine (absent in mine: removed).
    Result<records::Record> resolvePerField(const QString& recordId, const QHash<QString, FieldChoice>& choices);
    // After a rejection: drop the local edit and take the server's copy (if any was pulled).
    Result<void> discardRejected(const QString& recordId);

private:
    QDateTime now() const;
    Result<void> enqueue(sync::PushItem::Kind kind, const QString& entityId, const QString& caseId, int revision,
        const QByteArray& payload);
    Result<void> setState(const SyncStateEntry& entry);
    // In order, multi-row statements; entities not in stored get plain inserts (no statement journal).
    Result<void> setStates(const QList<SyncStateEntry>& entries, const QSet<QString>& stored);
    Result<void> writeStates(const QList<const SyncStateEntry*>& entries, bool upsert);
    Result<bool> hasOutboxEntries(const QString& entityId);
    Result<void> deleteOutboxEntries(const QString& entityId);
    Result<void> keepServerCopy(const records::Record& record);
    Result<std::optional<records::Record>> serverCopy(const QString& recordId);
    Result<void> purgeCase(const QString& caseId);
    Result<void> setMeta(const QString& key, const QByteArray& value);
    Result<std::optional<QByteArray>> meta(const QString& key);
    Result<KeptConflict> openConflict(const QString& recordId, bool needTheirs);
    Result<records::Record> commitResolution(const KeptConflict& conflict, records::Record resolved);
    // applyPull's per-page view of the local sync rows its rules consult (see applyPull).
    struct PullPageState {
        QSet<QString> pending; // entities with outbox entries
        QHash<QString, SyncStateEntry> states;
        QSet<QString> serverCopies; // records with a kept server revision
        QSet<QString> stateRows; // entities with a sync_state row (states also holds ones not yet written)
    };
    Result<void> loadPullPageState(const QByteArray& entityIds, PullPageState& known);

    store::Database& m_db;
    records::RecordRepository m_repo;
    Clock m_clock;
};

} // namespace poruch::client
