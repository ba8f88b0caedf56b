#include "sync/localsyncstore.h"

#include "records/canonicalform.h"
#include "records/jsonreader.h"
#include "records/recordschema.h"
#include "store/database.h"
#include "store/migration.h"
#include "store/multirowwrite.h"
#include "store/rows.h"
#include "sync/synclog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace poruch::client {

namespace {

using sync::PushItem;
using sync::PushResult;

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<records::Record> recordFromBlob(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Error { QStringLiteral("sync.corrupt_row"), QStringLiteral("a stored sync row cannot be read") };
    return records::Record::fromJson(doc.object());
}

QString kindId(PushItem::Kind kind)
{
    return kind == PushItem::Kind::Case ? QStringLiteral("case") : QStringLiteral("record");
}

EntityState stateFromId(const QString& id)
{
    if (id == QLatin1String("sent"))
        return EntityState::Sent;
    if (id == QLatin1String("conflict"))
        return EntityState::Conflict;
    if (id == QLatin1String("rejected"))
        return EntityState::Rejected;
    return EntityState::Pending;
}

const char* const kOutboxColumns = "seq, kind, entity_id, case_id, revision, base_revision, payload, attempts";

OutboxEntry outboxFromRow(const store::Statement& st)
{
    OutboxEntry entry;
    entry.seq = st.int64(0);
    entry.kind = st.text(1) == QLatin1String("case") ? PushItem::Kind::Case : PushItem::Kind::Record;
    entry.entityId = st.text(2);
    entry.caseId = st.text(3);
    entry.revision = int(st.int64(4));
    entry.baseRevision = int(st.int64(5));
    entry.payload = st.blob(6);
    entry.attempts = int(st.int64(7));
    return entry;
}

const char* const kStateColumns = "entity_id, kind, case_id, state, revision, server_revision, journal_number, "
                                  "reason_code, reason_message";

SyncStateEntry stateFromRow(const store::Statement& st)
{
    SyncStateEntry entry;
    entry.entityId = st.text(0);
    entry.kind = st.text(1);
    entry.caseId = st.text(2);
    entry.state = stateFromId(st.text(3));
    entry.revision = int(st.int64(4));
    entry.serverRevision = int(st.int64(5));
    entry.journalNumber = st.text(6);
    entry.reason = Error { st.text(7), st.text(8) };
    return entry;
}

// The ids of the cases and records a pulled page touches, as a JSON array for json_each().
QByteArray pageEntityIds(const sync::PullResponse& page)
{
    QJsonArray ids;
    for (const sync::Change& change : page.changes) {
        if (change.kind == sync::Change::Kind::Case)
            ids.append(change.caseData.id);
        else if (change.kind == sync::Change::Kind::Record)
            ids.append(change.record.id);
    }
    return QJsonDocument(ids).toJson(QJsonDocument::Compact);
}

} // namespace

QString entityStateId(EntityState state)
{
    switch (state) {
    case EntityState::Pending:
        return QStringLiteral("pending");
    case EntityState::Sent:
        return QStringLiteral("sent");
    case EntityState::Conflict:
        return QStringLiteral("conflict");
    case EntityState::Rejected:
        return QStringLiteral("rejected");
    }
    return QStringLiteral("pending");
}

Result<sync::PushItem> OutboxEntry::toPushItem() const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Error { QStringLiteral("sync.corrupt_row"), QStringLiteral("outbox entry %1 cannot be read").arg(seq) };
    PushItem item;
    item.seq = seq;
    item.kind = kind;
    item.baseRevision = baseRevision;
    if (kind == PushItem::Kind::Case) {
        auto value = records::Case::fromJson(doc.object());
        if (!value)
            return value.error();
        item.caseData = std::move(value).value();
    } else {
        auto value = records::Record::fromJson(doc.object());
        if (!value)
            return value.error();
        item.record = std::move(value).value();
    }
    return item;
}

LocalSyncStore::LocalSyncStore(store::Database& db, Clock clock)
    : m_db(db)
    , m_repo(db, clock)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTime(); }))
{
}

Result<void> LocalSyncStore::migrate(store::Database& db)
{
    return store::migrate(db, records::recordMigrations());
}

QDateTime LocalSyncStore::now() const
{
    const QDateTime current = m_clock();
    return QDateTime::fromSecsSinceEpoch(current.toSecsSinceEpoch(), Qt::OffsetFromUTC, current.offsetFromUtc());
}

// ---- meta -----------------------------------------------------------------------------------------

Result<void> LocalSyncStore::setMeta(const QString& key, const QByteArray& value)
{
    auto st = m_db.prepare(QStringLiteral("INSERT INTO sync_meta (key, value) VALUES (?1, ?2) "
                                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    if (!st)
        return st.error();
    return st->bind(1, key).bind(2, value.isNull() ? QByteArray("") : value).run();
}

Result<std::optional<QByteArray>> LocalSyncStore::meta(const QString& key)
{
    auto st = m_db.prepare(QStringLiteral("SELECT value FROM sync_meta WHERE key = ?1"));
    if (!st)
        return st.error();
    st->bind(1, key);
    const auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(st->blob(0));
}

Result<std::optional<Enrollment>> LocalSyncStore::enrollment()
{
    auto st = m_db.prepare(QStringLiteral("SELECT key, value FROM sync_meta"));
    if (!st)
        return st.error();
    QHash<QString, QByteArray> values;
    while (true) {
        const auto row = st->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        values.insert(st->text(0), st->blob(1));
    }
    Enrollment e;
    e.serverUrl = QUrl(QString::fromUtf8(values.value(QStringLiteral("server_url"))));
    e.deviceId = QString::fromUtf8(values.value(QStringLiteral("device_id")));
    e.token = QString::fromUtf8(values.value(QStringLiteral("token")));
    e.tokenExpiresAt
        = QDateTime::fromString(QString::fromUtf8(values.value(QStringLiteral("token_expires_at"))), Qt::ISODate);
    e.certificatePem = values.value(QStringLiteral("certificate_pem"));
    e.userId = QString::fromUtf8(values.value(QStringLiteral("user_id")));
    e.userDisplayName = QString::fromUtf8(values.value(QStringLiteral("user_name")));
    e.userRole = QString::fromUtf8(values.value(QStringLiteral("user_role")));
    if (!e.isValid())
        return std::optional<Enrollment>();
    return std::optional<Enrollment>(e);
}

Result<void> LocalSyncStore::saveEnrollment(const Enrollment& e)
{
    return m_db.transaction([&]() -> Result<void> {
        const QList<QPair<QString, QByteArray>> values {
            { QStringLiteral("server_url"), e.serverUrl.toString().toUtf8() },
            { QStringLiteral("device_id"), e.deviceId.toUtf8() },
            { QStringLiteral("token"), e.token.toUtf8() },
            { QStringLiteral("token_expires_at"), e.tokenExpiresAt.toUTC().toString(Qt::ISODate).toUtf8() },
            { QStringLiteral("certificate_pem"), e.certificatePem },
            { QStringLiteral("user_id"), e.userId.toUtf8() },
            { QStringLiteral("user_name"), e.userDisplayName.toUtf8() },
            { QStringLiteral("user_role"), e.userRole.toUtf8() },
            // A new enrollment starts pulling from the beginning; applying known changes is idempotent.
            { QStringLiteral("cursor"), QByteArrayLiteral("0") },
        };
        for (const auto& value : values) {
            if (auto r = setMeta(value.first, value.second); !r)
                return r;
        }
        return {};
    });
}

Result<void> LocalSyncStore::updateToken(const QString& token, const QDateTime& expiresAt)
{
    return m_db.transaction([&]() -> Result<void> {
        if (auto r = setMeta(QStringLiteral("token"), token.toUtf8()); !r)
            return r;
        return setMeta(QStringLiteral("token_expires_at"), expiresAt.toUTC().toString(Qt::ISODate).toUtf8());
    });
}

Result<qint64> LocalSyncStore::cursor()
{
    const auto value = meta(QStringLiteral("cursor"));
    if (!value)
        return value.error();
    return *value ? (*value)->toLongLong() : qint64(0);
}

Result<QList<LocalSyncStore::DefinitionKey>> LocalSyncStore::definitionKeys()
{
    auto st = m_db.prepare(
        QStringLiteral("SELECT kind, def_id, version FROM sync_definitions ORDER BY kind = 'form', def_id, version"));
    if (!st)
        return st.error();
    QList<DefinitionKey> out;
    while (true) {
        auto row = st->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        out.append(DefinitionKey { st->text(0), st->text(1), int(st->int64(2)) });
    }
    return out;
}

Result<QByteArray> LocalSyncStore::definitionJson(const DefinitionKey& key)
{
    auto st = m_db.prepare(
        QStringLiteral("SELECT json FROM sync_definitions WHERE kind = ?1 AND def_id = ?2 AND version = ?3"));
    if (!st)
        return st.error();
    st->bind(1, key.kind).bind(2, key.id).bind(3, key.version);
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error { QStringLiteral("sync.no_definition"), QStringLiteral("no such synced definition") };
    return st->blob(0);
}

// ---- state ----------------------------------------------------------------------------------------

Result<void> LocalSyncStore::setState(const SyncStateEntry& e)
{
    auto st = m_db.prepare(QStringLiteral(
        "INSERT INTO sync_state (entity_id, kind, case_id, state, revision, server_revision, journal_number, "
        "reason_code, reason_message, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
        "ON CONFLICT (entity_id) DO UPDATE SET state = excluded.state, revision = excluded.revision, "
        "server_revision = excluded.server_revision, journal_number = excluded.journal_number, "
        "reason_code = excluded.reason_code, reason_message = excluded.reason_message, "
        "updated_at = excluded.updated_at"));
    if (!st)
        return st.error();
    return st->bind(1, e.entityId)
        .bind(2, e.kind)
        .bind(3, e.caseId)
        .bind(4, entityStateId(e.state))
        .bind(5, e.revision)
        .bind(6, e.serverRevision)
        .bind(7, e.journalNumber.isNull() ? QStringLiteral("") : e.journalNumber)
        .bind(8, e.reason.code.isNull() ? QStringLiteral("") : e.reason.code)
        .bind(9, e.reason.message.isNull() ? QStringLiteral("") : e.reason.message)
        .bind(10, records::formatDateTime(now()))
        .run();
}

Result<void> LocalSyncStore::setStates(const QList<SyncStateEntry>& entries, const QSet<QString>& stored)
{
    // setState for a whole pull batch in multi-row statements (64, 8 or 1 rows, so few cached
    // statements): one statement per row was ~12 % of a first sync's CPU (P2). Entities without a row
    // go in with INSERT OR ROLLBACK: no constraint of that statement can ABORT, so SQLite keeps no
    // statement journal (a locked copy of every page it changes). The rest, and a second entry for the
    // same entity, go through the upsert afterwards, so the last entry wins as with setState.
    QList<const SyncStateEntry*> inserts;
    QList<const SyncStateEntry*> upserts;
    QSet<QString> inserted;
    for (const SyncStateEntry& e : entries) {
        if (stored.contains(e.entityId) || inserted.contains(e.entityId)) {
            upserts.append(&e);
        } else {
            inserted.insert(e.entityId);
            inserts.append(&e);
        }
    }
    if (auto r = writeStates(inserts, false); !r)
        return r;
    return writeStates(upserts, true);
}

Result<void> LocalSyncStore::writeStates(const QList<const SyncStateEntry*>& entries, bool upsert)
{
    const QString stamp = records::formatDateTime(now());
    return store::writeRows(m_db, entries.size(),
        (upsert ? QStringLiteral("INSERT INTO") : QStringLiteral("INSERT OR ROLLBACK INTO"))
            + QStringLiteral(" sync_state (entity_id, kind, case_id, state, revision, server_revision, "
                             "journal_number, reason_code, reason_message, updated_at) VALUES "),
        10,
        upsert ? QStringLiteral(
            " ON CONFLICT (entity_id) DO UPDATE SET state = excluded.state, revision = excluded.revision, "
            "server_revision = excluded.server_revision, journal_number = excluded.journal_number, "
            "reason_code = excluded.reason_code, reason_message = excluded.reason_message, "
            "updated_at = excluded.updated_at")
               : QString(),
        [&](store::Statement& st, int base, qsizetype index) {
            const SyncStateEntry& e = *entries.at(index);
            st.bind(base + 1, e.entityId)
                .bind(base + 2, e.kind)
                .bind(base + 3, e.caseId)
                .bind(base + 4, entityStateId(e.state))
                .bind(base + 5, e.revision)
                .bind(base + 6, e.serverRevision)
                .bind(base + 7, e.journalNumber.isNull() ? QStringLiteral("") : e.journalNumber)
                .bind(base + 8, e.reason.code.isNull() ? QStringLiteral("") : e.reason.code)
                .bind(base + 9, e.reason.message.isNull() ? QStringLiteral("") : e.reason.message)
                .bind(base + 10, stamp);
        });
}

Result<std::optional<SyncStateEntry>> LocalSyncStore::stateOf(const QString& entityId)
{
    auto st = m_db.prepare(
        QStringLiteral("SELECT %1 FROM sync_state WHERE entity_id = ?1").arg(QLatin1String(kStateColumns)));
    if (!st)
        return st.error();
    st->bind(1, entityId);
    const auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<SyncStateEntry>();
    return std::optional<SyncStateEntry>(stateFromRow(*st));
}

Result<QList<SyncStateEntry>> LocalSyncStore::entriesInState(EntityState state)
{
    auto st = m_db.prepare(QStringLiteral("SELECT %1 FROM sync_state WHERE state = ?1 ORDER BY updated_at, entity_id")
                               .arg(QLatin1String(kStateColumns)));
    if (st)
        st->bind(1, entityStateId(state));
    return store::allRows(st, stateFromRow);
}

Result<QString> LocalSyncStore::journalNumber(const QString& recordId)
{
    const auto state = stateOf(recordId);
    if (!state)
        return state.error();
    return *state ? (*state)->journalNumber : QString();
}

Result<SyncCounts> LocalSyncStore::counts()
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT (SELECT count(*) FROM sync_outbox), (SELECT count(*) FROM sync_state WHERE state = 'pending'), "
        "(SELECT count(*) FROM sync_state WHERE state = 'conflict'), "
        "(SELECT count(*) FROM sync_state WHERE state = 'rejected')"));
    if (!st)
        return st.error();
    const auto row = st->step();
    if (!row)
        return row.error();
    return SyncCounts { int(st->int64(0)), int(st->int64(1)), int(st->int64(2)), int(st->int64(3)) };
}

// ---- writes that sync -----------------------------------------------------------------------------

Result<bool> LocalSyncStore::hasOutboxEntries(const QString& entityId)
{
    auto st = m_db.prepare(QStringLiteral("SELECT 1 FROM sync_outbox WHERE entity_id = ?1 LIMIT 1"));
    if (!st)
        return st.error();
    st->bind(1, entityId);
    return st->step();
}

Result<void> LocalSyncStore::deleteOutboxEntries(const QString& entityId)
{
    auto st = m_db.prepare(QStringLiteral("DELETE FROM sync_outbox WHERE entity_id = ?1"));
    if (!st)
        return st.error();
    return st->bind(1, entityId).run();
}

Result<void> LocalSyncStore::enqueue(
    PushItem::Kind kind, const QString& entityId, const QString& caseId, int revision, const QByteArray& payload)
{
    int baseRevision = kind == PushItem::Kind::Record ? revision - 1 : 0;
    // Entries never handed to the network are superseded by this one (autosave would otherwise queue
    // every keystroke); it keeps the oldest base revision, so the server still checks the edit against
    // the revision it started from. Entries already attempted stay: the server may have them.
    {
        auto st = m_db.prepare(QStringLiteral(
            "SELECT min(base_revision), count(*) FROM sync_outbox WHERE entity_id = ?1 AND attempts = 0"));
        if (!st)
            return st.error();
        st->bind(1, entityId);
        const auto row = st->step();
        if (!row)
            return row.error();
        if (st->int64(1) > 0 && kind == PushItem::Kind::Record)
            baseRevision = int(st->int64(0));
    }
    auto drop = m_db.prepare(QStringLiteral("DELETE FROM sync_outbox WHERE entity_id = ?1 AND attempts = 0"));
    if (!drop)
        return drop.error();
    if (auto r = drop->bind(1, entityId).run(); !r)
        return r;
    auto insert = m_db.prepare(
        QStringLiteral("INSERT INTO sync_outbox (kind, entity_id, case_id, revision, base_revision, payload, "
                       "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    if (!insert)
        return insert.error();
    if (auto r = insert->bind(1, kindId(kind))
                     .bind(2, entityId)
                     .bind(3, caseId)
                     .bind(4, revision)
                     .bind(5, baseRevision)
                     .bind(6, payload)
                     .bind(7, records::formatDateTime(now()))
                     .run();
        !r)
        return r;
    const auto previous = stateOf(entityId);
    if (!previous)
        return previous.error();
    SyncStateEntry state;
    state.entityId = entityId;
    state.kind = kindId(kind);
    state.caseId = caseId;
    state.state = EntityState::Pending;
    state.revision = revision;
    if (*previous) {
        state.serverRevision = (*previous)->serverRevision;
        state.journalNumber = (*previous)->journalNumber;
    }
    return setState(state);
}

Result<records::Case> LocalSyncStore::saveCase(records::Case value)
{
    records::Case saved;
    auto done = m_db.transaction([&]() -> Result<void> {
        auto result = m_repo.saveCase(std::move(value));
        if (!result)
            return result.error();
        saved = std::move(result).value();
        return enqueue(PushItem::Kind::Case, saved.id, saved.id, 0, compact(saved.toJson()));
    });
    if (!done)
        return done.error();
    return saved;
}

Result<records::Record> LocalSyncStore::saveDraft(records::Record draft)
{
    records::Record saved;
    auto done = m_db.transaction([&]() -> Result<void> {
        auto result = m_repo.saveDraft(std::move(draft));
        if (!result)
            return result.error();
        saved = std::move(result).value();
        const auto state = stateOf(saved.id);
        if (!state)
            return state.error();
        if (*state && (*state)->state == EntityState::Conflict) {
            // While a conflict is open, edits go into "mine" of the kept conflict; the resolution pushes.
            auto st = m_db.prepare(QStringLiteral("UPDATE sync_conflicts SET local_json = ?1 WHERE record_id = ?2"));
            if (!st)
                return st.error();
            return st->bind(1, compact(saved.toJson())).bind(2, saved.id).run();
        }
        return enqueue(PushItem::Kind::Record, saved.id, saved.caseId, saved.revision, compact(saved.toJson()));
    });
    if (!done)
        return done.error();
    return saved;
}

Result<records::Record> LocalSyncStore::finalize(const QString& recordId)
{
    records::Record saved;
    auto done = m_db.transaction([&]() -> Result<void> {
        const auto state = stateOf(recordId);
        if (!state)
            return state.error();
        if (*state && (*state)->state == EntityState::Conflict)
            return Error { QStringLiteral("sync.conflict_unresolved"),
                QStringLiteral("Resolve the sync conflict of this record before finalizing it") };
        auto result = m_repo.finalize(recordId);
        if (!result)
            return result.error();
        saved = std::move(result).value();
        return enqueue(PushItem::Kind::Record, saved.id, saved.caseId, saved.revision, compact(saved.toJson()));
    });
    if (!done)
        return done.error();
    return saved;
}

Result<records::Record> LocalSyncStore::createAmendment(
    const QString& originalId, const QString& authorUserId, const QString& authorDeviceId)
{
    records::Record saved;
    auto done = m_db.transaction([&]() -> Result<void> {
        auto result = m_repo.createAmendment(originalId, authorUserId, authorDeviceId);
        if (!result)
            return result.error();
        saved = std::move(result).value();
        return enqueue(PushItem::Kind::Record, saved.id, saved.caseId, saved.revision, compact(saved.toJson()));
    });
    if (!done)
        return done.error();
    return saved;
}

// ---- outbox ---------------------------------------------------------------------------------------

Result<QList<OutboxEntry>> LocalSyncStore::outbox()
{
    auto st
        = m_db.prepare(QStringLiteral("SELECT %1 FROM sync_outbox ORDER BY seq").arg(QLatin1String(kOutboxColumns)));
    return store::allRows(st, outboxFromRow);
}

Result<QList<OutboxEntry>> LocalSyncStore::nextBatch(int maxItems)
{
    auto st
        = m_db.prepare(QStringLiteral("SELECT %1 FROM sync_outbox ORDER BY seq").arg(QLatin1String(kOutboxColumns)));
    if (!st)
        return st.error();
    QList<OutboxEntry> batch;
    QSet<QString> entities;
    while (batch.size() < maxItems) {
        const auto row = st->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        OutboxEntry entry = outboxFromRow(*st);
        if (entities.contains(entry.entityId))
            continue;
        entities.insert(entry.entityId);
        batch.append(std::move(entry));
    }
    return batch;
}

Result<void> LocalSyncStore::markAttempted(const QList<OutboxEntry>& entries)
{
    return m_db.transaction([&]() -> Result<void> {
        auto st = m_db.prepare(QStringLiteral("UPDATE sync_outbox SET attempts = attempts + 1 WHERE seq = ?1"));
        if (!st)
            return st.error();
        for (const OutboxEntry& entry : entries) {
            if (auto r = st->bind(1, entry.seq).run(); !r)
                return r;
        }
        return {};
    });
}

Result<PushOutcome> LocalSyncStore::applyPushResults(const QList<OutboxEntry>& sent, const sync::PushResponse& response)
{
    QHash<qint64, OutboxEntry> bySeq;
    for (const OutboxEntry& entry : sent)
        bySeq.insert(entry.seq, entry);
    PushOutcome outcome;
    auto done = m_db.transaction([&]() -> Result<void> {
        auto remove = m_db.prepare(QStringLiteral("DELETE FROM sync_outbox WHERE seq = ?1"));
        if (!remove)
            return remove.error();
        for (const PushResult& result : response.results) {
            const auto it = bySeq.constFind(result.seq);
            if (it == bySeq.constEnd())
                continue; // not in this batch: ignore rather than guess
            const OutboxEntry& entry = *it;
            if (auto r = remove->bind(1, entry.seq).run(); !r)
                return r;
            const auto previous = stateOf(entry.entityId);
            if (!previous)
                return previous.error();
            SyncStateEntry state;
            state.entityId = entry.entityId;
            state.kind = kindId(entry.kind);
            state.caseId = entry.caseId;
            state.revision = *previous ? (*previous)->revision : entry.revision;
            state.serverRevision = *previous ? (*previous)->serverRevision : 0;
            state.journalNumber = *previous ? (*previous)->journalNumber : QString();
            if (!result.journalNumber.isEmpty())
                state.journalNumber = result.journalNumber;
            switch (result.status) {
            case PushResult::Status::Applied:
            case PushResult::Status::Duplicate: {
                result.status == PushResult::Status::Applied ? ++outcome.applied : ++outcome.duplicate;
                if (entry.kind == PushItem::Kind::Record)
                    state.serverRevision = qMax(result.revision, entry.revision);
                const auto more = hasOutboxEntries(entry.entityId);
                if (!more)
                    return more.error();
                state.state = *more ? EntityState::Pending : EntityState::Sent;
                break;
            }
            case PushResult::Status::Conflict: {
                ++outcome.conflict;
                // Later local edits were built on the revision that lost; they become "mine" of the
                // kept conflict (the local row holds the newest), and nothing more is pushed for it.
                if (auto r = deleteOutboxEntries(entry.entityId); !r)
                    return r;
                auto local = m_repo.getRecord(entry.entityId);
                if (!local)
                    return local.error();
                const auto copy = serverCopy(entry.entityId);
                if (!copy)
                    return copy.error();
                const bool known = *copy && (*copy)->revision >= result.serverRevision;
                auto st = m_db.prepare(QStringLiteral(
                    "INSERT INTO sync_conflicts (record_id, case_id, local_json, server_revision, server_json, "
                    "detected_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (record_id) DO UPDATE SET "
                    "local_json = excluded.local_json, server_revision = excluded.server_revision, "
                    "server_json = coalesce(excluded.server_json, sync_conflicts.server_json)"));
                if (!st)
                    return st.error();
                if (auto r = st->bind(1, entry.entityId)
                                 .bind(2, entry.caseId)
                                 .bind(3, compact(local->toJson()))
                                 .bind(4, known ? (*copy)->revision : result.serverRevision)
                                 .bind(5, known ? compact((*copy)->toJson()) : QByteArray())
                                 .bind(6, records::formatDateTime(now()))
                                 .run();
                    !r)
                    return r;
                state.state = EntityState::Conflict;
                state.revision = local->revision;
                state.serverRevision = known ? (*copy)->revision : result.serverRevision;
                qCInfo(lcSyncClient) << "conflict kept for record" << entry.entityId << "server revision"
                                     << state.serverRevision;
                break;
            }
            case PushResult::Status::Rejected:
                ++outcome.rejected;
                // Later entries were built on the refused revision; the user edits again to retry.
                if (auto r = deleteOutboxEntries(entry.entityId); !r)
                    return r;
                state.state = EntityState::Rejected;
                state.reason = result.reason;
                qCInfo(lcSyncClient) << "rejected" << state.kind << entry.entityId << result.reason.code;
                break;
            }
            if (auto r = setState(state); !r)
                return r;
        }
        return {};
    });
    if (!done)
        return done.error();
    return outcome;
}

Result<void> LocalSyncStore::rejectEntries(const QList<OutboxEntry>& entries, const Error& reason)
{
    return m_db.transaction([&]() -> Result<void> {
        for (const OutboxEntry& entry : entries) {
            if (auto r = deleteOutboxEntries(entry.entityId); !r)
                return r;
            const auto previous = stateOf(entry.entityId);
            if (!previous)
                return previous.error();
            SyncStateEntry state = *previous ? **previous : SyncStateEntry {};
            state.entityId = entry.entityId;
            state.kind = kindId(entry.kind);
            state.caseId = entry.caseId;
            state.revision = entry.revision;
            state.state = EntityState::Rejected;
            state.reason = reason;
            if (auto r = setState(state); !r)
                return r;
        }
        return {};
    });
}

// ---- pull -----------------------------------------------------------------------------------------

Result<void> LocalSyncStore::keepServerCopy(const records::Record& record)
{
    auto st = m_db.prepare(
        QStringLiteral("INSERT INTO sync_server_copies (record_id, case_id, revision, json) VALUES (?1, ?2, ?3, ?4) "
                       "ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision, json = excluded.json "
                       "WHERE excluded.revision >= sync_server_copies.revision"));
    if (!st)
        return st.error();
    return st->bind(1, record.id)
        .bind(2, record.caseId)
        .bind(3, record.revision)
        .bind(4, compact(record.toJson()))
        .run();
}

Result<std::optional<records::Record>> LocalSyncStore::serverCopy(const QString& recordId)
{
    auto st = m_db.prepare(QStringLiteral("SELECT json FROM sync_server_copies WHERE record_id = ?1"));
    if (!st)
        return st.error();
    st->bind(1, recordId);
    const auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<records::Record>();
    auto record = recordFromBlob(st->blob(0));
    if (!record)
        return record.error();
    return std::optional<records::Record>(std::move(record).value());
}

Result<void> LocalSyncStore::purgeCase(const QString& caseId)
{
    // Final records may be deleted only while the case is listed in sync_purge (schema v3 trigger).
    // Unsent outbox entries for the case stay: the server answers them forbidden_case, and the user sees it.
    const QStringList statements {
        QStringLiteral("INSERT OR IGNORE INTO sync_purge (case_id) VALUES (?1)"),
        QStringLiteral("DELETE FROM records WHERE case_id = ?1"),
        QStringLiteral("DELETE FROM members WHERE case_id = ?1"),
        QStringLiteral("DELETE FROM cases WHERE id = ?1"),
        QStringLiteral("DELETE FROM sync_conflicts WHERE case_id = ?1"),
        QStringLiteral("DELETE FROM sync_server_copies WHERE case_id = ?1"),
        QStringLiteral("DELETE FROM sync_state WHERE case_id = ?1 AND entity_id NOT IN "
                       "(SELECT entity_id FROM sync_outbox)"),
        QStringLiteral("DELETE FROM sync_purge WHERE case_id = ?1"),
    };
    for (const QString& sql : statements) {
        auto st = m_db.prepare(sql);
        if (!st)
            return st.error();
        if (auto r = st->bind(1, caseId).run(); !r)
            return r;
    }
    qCInfo(lcSyncClient) << "case left the caseload and was removed" << caseId;
    return {};
}

Result<void> LocalSyncStore::applyPull(const sync::PullResponse& page)
{
    return m_db.transaction([&]() -> Result<void> {
        // What the per-change rules look up is read once per page, not once per change (a first sync
        // brings thousands of changes, and every statement costs locked memory in an encrypted store):
        // the page's entities with outbox entries, their sync state and which records have a server copy.
        // Kept in step with every write below; reloaded after a case was purged.
        PullPageState known;
        const QByteArray ids = pageEntityIds(page);
        if (auto r = loadPullPageState(ids, known); !r)
            return r;

        // Records nobody holds locally are imported in one batch (one savepoint, in page order), with
        // their sync state; the batch is written before anything that could see those rows (a purge)
        // and at the end. Held records, cases and definitions touch other rows and go as they come.
        // Cases the tablet holds no newer version of are imported the same way, before the records (a
        // record's case must be there first).
        QList<records::Case> caseImports;
        QList<records::Record> imports;
        QList<SyncStateEntry> importStates;
        const auto flushImports = [&]() -> Result<void> {
            if (!caseImports.isEmpty()) {
                if (auto r = m_repo.importCases(caseImports); !r)
                    return r;
                caseImports.clear();
            }
            if (imports.isEmpty())
                return {};
            if (auto r = m_repo.importRecords(imports); !r)
                return r;
            for (const SyncStateEntry& entry : std::as_const(importStates)) {
                if (known.serverCopies.contains(entry.entityId)) {
                    auto drop = m_db.prepare(QStringLiteral("DELETE FROM sync_server_copies WHERE record_id = ?1"));
                    if (!drop)
                        return drop.error();
                    if (auto r = drop->bind(1, entry.entityId).run(); !r)
                        return r;
                    known.serverCopies.remove(entry.entityId);
                }
            }
            if (auto r = setStates(importStates, known.stateRows); !r)
                return r;
            for (const SyncStateEntry& entry : std::as_const(importStates))
                known.stateRows.insert(entry.entityId);
            imports.clear();
            importStates.clear();
            return {};
        };

        for (const sync::Change& change : page.changes) {
            switch (change.kind) {
            case sync::Change::Kind::Case:
                if (known.pending.contains(change.caseData.id))
                    break; // our newer version goes up with the next push
                caseImports.append(change.caseData);
                break;
            case sync::Change::Kind::Record: {
                const records::Record& record = change.record;
                const auto state = known.states.constFind(record.id);
                const bool hasState = state != known.states.cend();
                SyncStateEntry next = hasState ? *state : SyncStateEntry {};
                next.entityId = record.id;
                next.kind = QStringLiteral("record");
                next.caseId = record.caseId;
                if (!change.journalNumber.isEmpty())
                    next.journalNumber = change.journalNumber;
                const bool held = known.pending.contains(record.id)
                    || (hasState && (state->state == EntityState::Conflict || state->state == EntityState::Rejected));
                if (held) {
                    // Rows written out of page order would see a partial batch: write the batch first.
                    if (auto r = flushImports(); !r)
                        return r;
                    // Local work is never overwritten: keep the server's revision next to it.
                    if (record.revision < next.serverRevision)
                        break;
                    if (auto r = keepServerCopy(record); !r)
                        return r;
                    known.serverCopies.insert(record.id);
                    next.serverRevision = record.revision;
                    if (next.state == EntityState::Conflict) {
                        auto st = m_db.prepare(QStringLiteral(
                            "UPDATE sync_conflicts SET server_json = ?1, server_revision = ?2 WHERE record_id = ?3"));
                        if (!st)
                            return st.error();
                        if (auto r
                            = st->bind(1, compact(record.toJson())).bind(2, record.revision).bind(3, record.id).run();
                            !r)
                            return r;
                    }
                    if (auto r = setState(next); !r)
                        return r;
                    known.states.insert(record.id, next);
                    known.stateRows.insert(record.id);
                    break;
                }
                next.state = EntityState::Sent;
                next.revision = record.revision;
                next.serverRevision = record.revision;
                next.reason = Error {};
                imports.append(record);
                importStates.append(next);
                known.states.insert(record.id, next);
                break;
            }
            case sync::Change::Kind::Conflict:
                // The losing revision of a conflict. The device whose push lost already keeps it (with
                // its own newest edit as "mine"); other devices keep the server's current revision.
                break;
            case sync::Change::Kind::CaseRemoved:
                if (auto r = flushImports(); !r)
                    return r;
                if (auto r = purgeCase(change.caseId); !r)
                    return r;
                if (auto r = loadPullPageState(ids, known); !r)
                    return r;
                break;
            case sync::Change::Kind::Form:
            case sync::Change::Kind::Catalog: {
                auto st = m_db.prepare(
                    QStringLiteral("INSERT OR REPLACE INTO sync_definitions (kind, def_id, version, json) "
                                   "VALUES (?1, ?2, ?3, ?4)"));
                if (!st)
                    return st.error();
                if (auto r = st->bind(1, change.kind == sync::Change::Kind::Form ? "form" : "catalog")
                                 .bind(2, change.definition.value(QStringLiteral("id")).toString())
                                 .bind(3, change.definition.value(QStringLiteral("version")).toInt())
                                 .bind(4, compact(change.definition))
                                 .run();
                    !r)
                    return r;
                break;
            }
            }
        }
        if (auto r = flushImports(); !r)
            return r;
        return setMeta(QStringLiteral("cursor"), QByteArray::number(page.nextCursor));
    });
}

Result<void> LocalSyncStore::loadPullPageState(const QByteArray& entityIds, PullPageState& known)
{
    known = {};
    // One statement each, over the page's ids as a JSON array (json_each), instead of one per change.
    auto pending = m_db.prepare(QStringLiteral(
        "SELECT DISTINCT entity_id FROM sync_outbox WHERE entity_id IN (SELECT value FROM json_each(?1))"));
    if (pending)
        pending->bind(1, QString::fromUtf8(entityIds));
    auto pendingIds = store::allRows(pending, [](const store::Statement& st) { return st.text(0); });
    if (!pendingIds)
        return pendingIds.error();
    known.pending = QSet<QString>(pendingIds->cbegin(), pendingIds->cend());

    auto states
        = m_db.prepare(QStringLiteral("SELECT %1 FROM sync_state WHERE entity_id IN (SELECT value FROM json_each(?1))")
                           .arg(QLatin1String(kStateColumns)));
    if (states)
        states->bind(1, QString::fromUtf8(entityIds));
    auto stateRows = store::allRows(states, stateFromRow);
    if (!stateRows)
        return stateRows.error();
    for (const SyncStateEntry& entry : std::as_const(*stateRows)) {
        known.states.insert(entry.entityId, entry);
        known.stateRows.insert(entry.entityId);
    }

    auto copies = m_db.prepare(QStringLiteral(
        "SELECT record_id FROM sync_server_copies WHERE record_id IN (SELECT value FROM json_each(?1))"));
    if (copies)
        copies->bind(1, QString::fromUtf8(entityIds));
    auto copyIds = store::allRows(copies, [](const store::Statement& st) { return st.text(0); });
    if (!copyIds)
        return copyIds.error();
    known.serverCopies = QSet<QString>(copyIds->cbegin(), copyIds->cend());
    return {};
}

// ---- conflicts ------------------------------------------------------------------------------------

Result<std::optional<KeptConflict>> LocalSyncStore::conflict(const QString& recordId)
{
    auto st = m_db.prepare(QStringLiteral("SELECT record_id, case_id, local_json, server_revision, server_json, "
                                          "detected_at FROM sync_conflicts WHERE record_id = ?1"));
    if (!st)
        return st.error();
    st->bind(1, recordId);
    const auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<KeptConflict>();
    KeptConflict kept;
    kept.recordId = st->text(0);
    kept.caseId = st->text(1);
    auto mine = recordFromBlob(st->blob(2));
    if (!mine)
        return mine.error();
    kept.mine = std::move(mine).value();
    kept.serverRevision = int(st->int64(3));
    if (!st->isNull(4)) {
        auto theirs = recordFromBlob(st->blob(4));
        if (!theirs)
            return theirs.error();
        kept.theirs = std::move(theirs).value();
    }
    kept.detectedAt = QDateTime::fromString(st->text(5), Qt::ISODate);
    return std::optional<KeptConflict>(kept);
}

Result<QList<KeptConflict>> LocalSyncStore::conflicts()
{
    QStringList ids;
    {
        auto st = m_db.prepare(QStringLiteral("SELECT record_id FROM sync_conflicts ORDER BY detected_at, record_id"));
        if (!st)
            return st.error();
        while (true) {
            const auto row = st->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            ids.append(st->text(0));
        }
    }
    QList<KeptConflict> out;
    for (const QString& id : ids) {
        auto one = conflict(id);
        if (!one)
            return one.error();
        if (*one)
            out.append(**one);
    }
    return out;
}

Result<records::Record> LocalSyncStore::commitResolution(const KeptConflict& kept, records::Record resolved)
{
    resolved.revision = kept.serverRevision + 1;
    if (!resolved.isFinal())
        resolved.updatedAt = now();
    auto done = m_db.transaction([&]() -> Result<void> {
        // The local row takes the resolved revision (a final local row keeps its content: same hash).
        auto local = m_repo.getRecord(kept.recordId);
        if (!local)
            return local.error();
        if (!local->isFinal()) {
            if (auto r = m_repo.importRecords({ resolved }); !r)
                return r;
        }
        auto drop = m_db.prepare(QStringLiteral("DELETE FROM sync_conflicts WHERE record_id = ?1"));
        if (!drop)
            return drop.error();
        if (auto r = drop->bind(1, kept.recordId).run(); !r)
            return r;
        // Now "pending": enqueue() builds on serverRevision = resolved.revision - 1.
        auto state = stateOf(kept.recordId);
        if (!state)
            return state.error();
        SyncStateEntry next = *state ? **state : SyncStateEntry {};
        next.entityId = kept.recordId;
        next.kind = QStringLiteral("record");
        next.caseId = kept.caseId;
        next.state = EntityState::Pending;
        next.reason = Error {};
        if (auto r = setState(next); !r)
            return r;
        return enqueue(
            PushItem::Kind::Record, resolved.id, resolved.caseId, resolved.revision, compact(resolved.toJson()));
    });
    if (!done)
        return done.error();
    qCInfo(lcSyncClient) << "conflict resolved for record" << kept.recordId << "revision" << resolved.revision;
    return resolved;
}

// The conflict a resolution works on; theirs must have been pulled for every resolution but "keep mine".
Result<KeptConflict> LocalSyncStore::openConflict(const QString& recordId, bool needTheirs)
{
    auto kept = conflict(recordId);
    if (!kept)
        return kept.error();
    if (!*kept)
        return Error { QStringLiteral("sync.no_conflict"), QStringLiteral("This record has no open sync conflict") };
    if (needTheirs && !(*kept)->theirs)
        return Error { QStringLiteral("sync.server_revision_unknown"),
            QStringLiteral("The server's revision has not been pulled yet; sync first") };
    return std::move(**kept);
}

Result<records::Record> LocalSyncStore::resolveKeepMine(const QString& recordId)
{
    const auto kept = openConflict(recordId, false);
    if (!kept)
        return kept.error();
    return commitResolution(*kept, kept->mine);
}

Result<records::Record> LocalSyncStore::resolveKeepTheirs(const QString& recordId)
{
    const auto kept = openConflict(recordId, true);
    if (!kept)
        return kept.error();
    records::Record resolved = *kept->theirs;
    if (resolved.isFinal()) {
        // Theirs is a final act: take it as it is (a final record gets no new revision).
        auto done = m_db.transaction([&]() -> Result<void> {
            auto drop = m_db.prepare(QStringLiteral("DELETE FROM sync_conflicts WHERE record_id = ?1"));
            if (!drop)
                return drop.error();
            if (auto r = drop->bind(1, recordId).run(); !r)
                return r;
            if (auto r = m_repo.importRecords({ resolved }); !r)
                return r;
            SyncStateEntry next;
            next.entityId = recordId;
            next.kind = QStringLiteral("record");
            next.caseId = resolved.caseId;
            next.state = EntityState::Sent;
            next.revision = next.serverRevision = resolved.revision;
            return setState(next);
        });
        if (!done)
            return done.error();
        return resolved;
    }
    return commitResolution(*kept, resolved);
}

Result<records::Record> LocalSyncStore::resolvePerField(
    const QString& recordId, const QHash<QString, FieldChoice>& choices)
{
    const auto kept = openConflict(recordId, true);
    if (!kept)
        return kept.error();
    records::Record resolved = *kept->theirs;
    if (resolved.isFinal())
        return Error { QStringLiteral("store.immutable"),
            QStringLiteral("The server's revision is final; a correction is an amendment") };
    const QJsonObject& mine = kept->mine.body;
    for (auto it = choices.constBegin(); it != choices.constEnd(); ++it) {
        if (it.value() != FieldChoice::Mine)
            continue;
        if (mine.contains(it.key()))
            resolved.body.insert(it.key(), mine.value(it.key()));
        else
            resolved.body.remove(it.key());
    }
    return commitResolution(*kept, resolved);
}

Result<void> LocalSyncStore::discardRejected(const QString& recordId)
{
    return m_db.transaction([&]() -> Result<void> {
        const auto state = stateOf(recordId);
        if (!state)
            return state.error();
        if (!*state || (*state)->state != EntityState::Rejected)
            return Error { QStringLiteral("sync.not_rejected"), QStringLiteral("This entry was not rejected") };
        const auto copy = serverCopy(recordId);
        if (!copy)
            return copy.error();
        if (*copy) {
            auto local = m_repo.getRecord(recordId);
            if (local && !local->isFinal()) {
                if (auto r = m_repo.importRecords({ **copy }); !r)
                    return r;
            }
        }
        auto st = m_db.prepare(QStringLiteral("DELETE FROM sync_state WHERE entity_id = ?1"));
        if (!st)
            return st.error();
        return st->bind(1, recordId).run();
    });
}

} // namespace poruch::client
