#include "embeddedstore.h"

#include "serverschema.h"
#include "store/database.h"
#include "store/rows.h"
#include "store/secretbytes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>
#include <cctype>

#include <sys/stat.h>

namespace poruch::server {

using store::allRows;
using store::firstRow;

namespace {

QString iso(const QDateTime& value)
{
    return value.isValid() ? value.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromIso(const QString& text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

// NOT NULL text columns: a null QString would bind SQL NULL, so bind "" instead.
QString nn(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString textColumn(const store::Statement& row)
{
    return row.text(0);
}

qint64 integerColumn(const store::Statement& row)
{
    return row.int64(0);
}

User readUser(const store::Statement& row)
{
    User user;
    user.id = row.text(0);
    user.username = row.text(1);
    user.displayName = row.text(2);
    user.role = roleFromId(row.text(3)).value_or(Role::SocialWorker);
    user.unit = row.text(4);
    user.passwordHash = row.text(5);
    user.revoked = row.int64(6) != 0;
    user.createdAt = fromIso(row.text(7));
    return user;
}

const QString userColumns
    = QStringLiteral("id, username, display_name, role, unit, password_hash, revoked, created_at");

StoredRecord readStoredRecord(const store::Statement& row)
{
    return StoredRecord { row.text(0), row.text(1), row.text(2), int(row.int64(3)), row.int64(4) != 0, row.text(5),
        row.text(6), row.text(7), row.text(8) };
}

QJsonObject readJsonObject(const store::Statement& row)
{
    return QJsonDocument::fromJson(row.text(0).toUtf8()).object();
}

Device readDevice(const store::Statement& row)
{
    return Device { row.text(0), row.text(1), row.text(2), fromIso(row.text(3)), fromIso(row.text(4)) };
}

} // namespace

Result<store::SecretBytes> readStoreKeyFile(const QString& path)
{
    struct stat info = {};
    if (path.isEmpty() || ::stat(QFile::encodeName(path).constData(), &info) != 0)
        return Error { QStringLiteral("store.key_file_missing"),
            QStringLiteral("store key file %1 not found").arg(path) };
    if ((info.st_mode & 077) != 0)
        return Error { QStringLiteral("store.key_file_permissions"),
            QStringLiteral("store key file %1 must be readable by its owner only (chmod 600)").arg(path) };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { QStringLiteral("store.key_file_missing"),
            QStringLiteral("cannot read store key file %1: %2").arg(path, file.errorString()) };
    QByteArray hex = file.readAll().trimmed();
    store::SecretBytes key(QByteArray::fromHex(hex));
    const bool wellFormed = hex.size() == 64 && key.size() == 32
        && std::all_of(hex.cbegin(), hex.cend(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
    hex.fill('\0');
    if (!wellFormed)
        return Error { QStringLiteral("store.key_file_invalid"),
            QStringLiteral("store key file %1 must hold 64 hexadecimal characters (32 bytes)").arg(path) };
    return key;
}

Result<std::unique_ptr<EmbeddedStore>> EmbeddedStore::open(const QString& dataDir, const QString& keyFile)
{
    auto key = readStoreKeyFile(keyFile);
    if (!key)
        return key.error();
    // Memory security off: see docs/security.md (server store). AES-256 + HMAC pages are unchanged.
    auto db = store::Database::open(
        QDir(dataDir).filePath(QStringLiteral("server.db")), *key, store::OpenOptions { .memorySecurity = false });
    if (!db)
        return db.error();
    if (auto migrated = store::migrate(**db, serverSchemaMigrations()); !migrated)
        return migrated.error();
    return std::unique_ptr<EmbeddedStore>(
        new EmbeddedStore(std::move(db).value(), std::make_unique<store::SecretBytes>(std::move(key).value())));
}

EmbeddedStore::EmbeddedStore(std::unique_ptr<store::Database> db, std::unique_ptr<store::SecretBytes> key)
    : m_db(std::move(db))
    , m_key(std::move(key))
{
}

EmbeddedStore::~EmbeddedStore() = default;

Result<void> EmbeddedStore::transaction(const std::function<Result<void>()>& work)
{
    return m_db->transaction(work);
}

// ---- users ----

Result<void> EmbeddedStore::insertUser(const User& user)
{
    auto st = m_db->prepare(
        QStringLiteral("INSERT INTO users(%1) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)").arg(userColumns));
    if (!st)
        return st.error();
    return st->bind(1, user.id)
        .bind(2, nn(user.username))
        .bind(3, nn(user.displayName))
        .bind(4, roleId(user.role))
        .bind(5, nn(user.unit))
        .bind(6, nn(user.passwordHash))
        .bind(7, user.revoked)
        .bind(8, iso(user.createdAt))
        .run();
}

Result<void> EmbeddedStore::updateUser(const User& user)
{
    auto st = m_db->prepare(QStringLiteral("UPDATE users SET display_name = ?2, role = ?3, unit = ?4, "
                                           "password_hash = ?5, revoked = ?6 WHERE id = ?1"));
    if (!st)
        return st.error();
    return st->bind(1, user.id)
        .bind(2, nn(user.displayName))
        .bind(3, roleId(user.role))
        .bind(4, nn(user.unit))
        .bind(5, nn(user.passwordHash))
        .bind(6, user.revoked)
        .run();
}

Result<std::optional<User>> EmbeddedStore::findUserById(const QString& id)
{
    auto st = m_db->prepare(QStringLiteral("SELECT %1 FROM users WHERE id = ?1").arg(userColumns));
    if (st)
        st->bind(1, id);
    return firstRow(st, readUser);
}

Result<std::optional<User>> EmbeddedStore::findUserByName(const QString& username)
{
    auto st = m_db->prepare(QStringLiteral("SELECT %1 FROM users WHERE username = ?1").arg(userColumns));
    if (st)
        st->bind(1, username);
    return firstRow(st, readUser);
}

Result<QList<User>> EmbeddedStore::listUsers()
{
    auto st = m_db->prepare(QStringLiteral("SELECT %1 FROM users ORDER BY username").arg(userColumns));
    return allRows(st, readUser);
}

Result<void> EmbeddedStore::setAssignment(const QString& userId, const QString& caseId, bool assigned)
{
    auto st
        = m_db->prepare(assigned ? QStringLiteral("INSERT OR IGNORE INTO caseload(user_id, case_id) VALUES (?1, ?2)")
                                 : QStringLiteral("DELETE FROM caseload WHERE user_id = ?1 AND case_id = ?2"));
    if (!st)
        return st.error();
    return st->bind(1, userId).bind(2, caseId).run();
}

Result<bool> EmbeddedStore::isAssigned(const QString& userId, const QString& caseId)
{
    auto st = m_db->prepare(QStringLiteral("SELECT 1 FROM caseload WHERE user_id = ?1 AND case_id = ?2"));
    if (st)
        st->bind(1, userId).bind(2, caseId);
    const auto row = firstRow(st, integerColumn);
    if (!row)
        return row.error();
    return row->has_value();
}

Result<QStringList> EmbeddedStore::assignedCases(const QString& userId)
{
    auto st = m_db->prepare(QStringLiteral("SELECT case_id FROM caseload WHERE user_id = ?1 ORDER BY case_id"));
    if (st)
        st->bind(1, userId);
    return allRows(st, textColumn);
}

// ---- enrollment, devices, tokens ----

Result<void> EmbeddedStore::insertEnrollmentCode(const EnrollmentCode& code)
{
    auto st = m_db->prepare(QStringLiteral("INSERT INTO enrollment_codes(digest, user_id, created_by, created_at, "
                                           "expires_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
    if (!st)
        return st.error();
    return st->bind(1, code.digest)
        .bind(2, code.userId)
        .bind(3, nn(code.createdBy))
        .bind(4, iso(code.createdAt))
        .bind(5, iso(code.expiresAt))
        .run();
}

Result<std::optional<EnrollmentCode>> EmbeddedStore::findEnrollmentCode(const QString& digest)
{
    auto st = m_db->prepare(QStringLiteral("SELECT digest, user_id, created_by, created_at, expires_at, used_at, "
                                           "device_id FROM enrollment_codes WHERE digest = ?1"));
    if (st)
        st->bind(1, digest);
    return firstRow(st, [](const store::Statement& row) {
        return EnrollmentCode { row.text(0), row.text(1), row.text(2), fromIso(row.text(3)), fromIso(row.text(4)),
            fromIso(row.text(5)), row.text(6) };
    });
}

Result<void> EmbeddedStore::markEnrollmentCodeUsed(const QString& digest, const QString& deviceId, const QDateTime& at)
{
    auto st = m_db->prepare(QStringLiteral(
        "UPDATE enrollment_codes SET used_at = ?2, device_id = ?3 WHERE digest = ?1 AND used_at IS NULL"));
    if (!st)
        return st.error();
    if (auto done = st->bind(1, digest).bind(2, iso(at)).bind(3, deviceId).run(); !done)
        return done.error();
    if (m_db->changes() != 1)
        return Error { QStringLiteral("enrollment_code_invalid"), QStringLiteral("enrollment code already used") };
    return {};
}

Result<void> EmbeddedStore::insertDevice(const Device& device)
{
    auto st = m_db->prepare(
        QStringLiteral("INSERT INTO devices(id, user_id, label, enrolled_at, revoked_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
    if (!st)
        return st.error();
    return st->bind(1, device.id)
        .bind(2, device.userId)
        .bind(3, nn(device.label))
        .bind(4, iso(device.enrolledAt))
        .bind(5, device.revokedAt.isValid() ? iso(device.revokedAt) : QString())
        .run();
}

Result<std::optional<Device>> EmbeddedStore::findDevice(const QString& id)
{
    auto st = m_db->prepare(
        QStringLiteral("SELECT id, user_id, label, enrolled_at, revoked_at FROM devices WHERE id = ?1"));
    if (st)
        st->bind(1, id);
    return firstRow(st, readDevice);
}

Result<QList<Device>> EmbeddedStore::listDevices()
{
    auto st = m_db->prepare(
        QStringLiteral("SELECT id, user_id, label, enrolled_at, revoked_at FROM devices ORDER BY enrolled_at"));
    return allRows(st, readDevice);
}

Result<void> EmbeddedStore::revokeDevice(const QString& id, const QDateTime& at)
{
    auto st = m_db->prepare(QStringLiteral("UPDATE devices SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL"));
    if (!st)
        return st.error();
    return st->bind(1, id).bind(2, iso(at)).run();
}

Result<void> EmbeddedStore::insertToken(const TokenRow& token)
{
    auto st = m_db->prepare(QStringLiteral(
        "INSERT INTO tokens(digest, device_id, user_id, issued_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
    if (!st)
        return st.error();
    return st->bind(1, token.digest)
        .bind(2, token.deviceId)
        .bind(3, token.userId)
        .bind(4, iso(token.issuedAt))
        .bind(5, iso(token.expiresAt))
        .run();
}

Result<std::optional<TokenRow>> EmbeddedStore::findToken(const QString& digest)
{
    auto st = m_db->prepare(
        QStringLiteral("SELECT digest, device_id, user_id, issued_at, expires_at FROM tokens WHERE digest = ?1"));
    if (st)
        st->bind(1, digest);
    return firstRow(st, [](const store::Statement& row) {
        return TokenRow { row.text(0), row.text(1), row.text(2), fromIso(row.text(3)), fromIso(row.text(4)) };
    });
}

Result<void> EmbeddedStore::deleteToken(const QString& digest)
{
    auto st = m_db->prepare(QStringLiteral("DELETE FROM tokens WHERE digest = ?1"));
    if (!st)
        return st.error();
    return st->bind(1, digest).run();
}

// ---- sync data ----

Result<std::optional<PushReceipt>> EmbeddedStore::findReceipt(const QString& deviceId, qint64 seq)
{
    auto st = m_db->prepare(
        QStringLiteral("SELECT item_digest, result_json FROM push_receipts WHERE device_id = ?1 AND seq = ?2"));
    if (st)
        st->bind(1, deviceId).bind(2, seq);
    return firstRow(st, [&](const store::Statement& row) {
        return PushReceipt { deviceId, seq, row.text(0), row.text(1) };
    });
}

Result<void> EmbeddedStore::insertReceipt(const PushReceipt& receipt)
{
    auto st = m_db->prepare(
        QStringLiteral("INSERT INTO push_receipts(device_id, seq, item_digest, result_json) VALUES (?1, ?2, ?3, ?4)"));
    if (!st)
        return st.error();
    return st->bind(1, receipt.deviceId)
        .bind(2, receipt.seq)
        .bind(3, receipt.itemDigest)
        .bind(4, receipt.resultJson)
        .run();
}

Result<std::optional<QJsonObject>> EmbeddedStore::findCase(const QString& id)
{
    auto st = m_db->prepare(QStringLiteral("SELECT json FROM cases WHERE id = ?1"));
    if (st)
        st->bind(1, id);
    return firstRow(st, readJsonObject);
}

Result<void> EmbeddedStore::saveCase(const QString& id, const QJsonObject& caseJson)
{
    auto st = m_db->prepare(QStringLiteral(
        "INSERT INTO cases(id, json) VALUES (?1, ?2) ON CONFLICT(id) DO UPDATE SET json = excluded.json"));
    if (!st)
        return st.error();
    return st->bind(1, id).bind(2, QString::fromUtf8(QJsonDocument(caseJson).toJson(QJsonDocument::Compact))).run();
}

Result<std::optional<StoredRecord>> EmbeddedStore::findRecord(const QString& id)
{
    auto st = m_db->prepare(QStringLiteral("SELECT id, case_id, type, revision, final, content_hash, journal_number, "
                                           "chain_hash, json FROM records WHERE id = ?1"));
    if (st)
        st->bind(1, id);
    return firstRow(st, readStoredRecord);
}

Result<void> EmbeddedStore::saveRecord(const StoredRecord& record)
{
    auto st = m_db->prepare(QStringLiteral(
        "INSERT INTO records(id, case_id, type, revision, final, content_hash, journal_number, chain_hash, json) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(id) DO UPDATE SET case_id = excluded.case_id, "
        "type = excluded.type, revision = excluded.revision, final = excluded.final, content_hash = "
        "excluded.content_hash, journal_number = excluded.journal_number, chain_hash = excluded.chain_hash, "
        "json = excluded.json"));
    if (!st)
        return st.error();
    return st->bind(1, record.id)
        .bind(2, nn(record.caseId))
        .bind(3, nn(record.type))
        .bind(4, record.revision)
        .bind(5, record.final)
        .bind(6, nn(record.contentHash))
        .bind(7, nn(record.journalNumber))
        .bind(8, nn(record.chainHash))
        .bind(9, nn(record.json))
        .run();
}

Result<QString> EmbeddedStore::lastChainHash(const QString& caseId)
{
    // The chain follows ingest order of final records, which is the order of their change cursors. Driven
    // by changes_by_case from the newest change back (changes has no index on entity_id: joining from
    // records scanned every change row per ingested act). Only ingest rows count: the copies a caseload
    // assignment appends (target_user set) re-announce old records in id order, not ingest order.
    auto st = m_db->prepare(
        QStringLiteral("SELECT r.chain_hash FROM changes c JOIN records r ON r.id = c.entity_id WHERE c.case_id = ?1 "
                       "AND c.kind = 'record' AND c.target_user IS NULL AND r.final = 1 ORDER BY c.cursor DESC "
                       "LIMIT 1"));
    if (st)
        st->bind(1, caseId);
    const auto hash = firstRow(st, textColumn);
    if (!hash)
        return hash.error();
    return hash->value_or(QString());
}

Result<qint64> EmbeddedStore::insertConflict(
    const QString& recordId, int revision, const QString& deviceId, const QString& json, const QDateTime& at)
{
    auto st = m_db->prepare(QStringLiteral("INSERT INTO record_conflicts(record_id, revision, device_id, json, "
                                           "created_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
    if (!st)
        return st.error();
    if (auto done
        = st->bind(1, recordId).bind(2, revision).bind(3, nn(deviceId)).bind(4, nn(json)).bind(5, iso(at)).run();
        !done)
        return done.error();
    return m_db->lastInsertRowId();
}

Result<std::optional<QString>> EmbeddedStore::findConflictJson(qint64 conflictId)
{
    auto st = m_db->prepare(QStringLiteral("SELECT json FROM record_conflicts WHERE id = ?1"));
    if (st)
        st->bind(1, conflictId);
    return firstRow(st, textColumn);
}

Result<int> EmbeddedStore::nextJournalNumber(const QString& unit, int year)
{
    auto st = m_db->prepare(
        QStringLiteral("INSERT INTO journal_counters(unit, year, last_number) VALUES (?1, ?2, 1) "
                       "ON CONFLICT(unit, year) DO UPDATE SET last_number = last_number + 1 RETURNING last_number"));
    if (st)
        st->bind(1, unit).bind(2, year);
    const auto number = firstRow(st, integerColumn);
    if (!number)
        return number.error();
    if (!number->has_value())
        return Error { QStringLiteral("store.sql"), QStringLiteral("journal counter returned no row") };
    return int(**number);
}

Result<qint64> EmbeddedStore::appendChange(const QString& kind, const QString& caseId, const QString& entityId,
    const QString& targetUserId, const QString& originDeviceId)
{
    auto st = m_db->prepare(QStringLiteral(
        "INSERT INTO changes(kind, case_id, entity_id, target_user, origin_device) VALUES (?1, ?2, ?3, ?4, ?5)"));
    if (!st)
        return st.error();
    if (auto done = st->bind(1, kind)
                        .bind(2, caseId.isEmpty() ? QString() : caseId)
                        .bind(3, entityId)
                        .bind(4, targetUserId.isEmpty() ? QString() : targetUserId)
                        .bind(5, originDeviceId.isEmpty() ? QString() : originDeviceId)
                        .run();
        !done)
        return done.error();
    return m_db->lastInsertRowId();
}

Result<QList<ChangeRow>> EmbeddedStore::changesAfter(
    qint64 cursor, const QString& userId, const QString& deviceId, int limit)
{
    // Driven from the user's caseload (caseload primary key, then changes_by_case per case), plus the
    // unscoped changes (case_id NULL, same index): a pull reads its own user's changes only, never every
    // other tablet's. EXPLAIN QUERY PLAN: SEARCH l USING PRIMARY KEY, SEARCH c USING INDEX changes_by_case.
    auto st = m_db->prepare(QStringLiteral(
        "SELECT cursor, kind, COALESCE(case_id, ''), entity_id FROM ("
        "SELECT c.cursor, c.kind, c.case_id, c.entity_id, c.target_user, c.origin_device FROM caseload l "
        "JOIN changes c ON c.case_id = l.case_id AND c.cursor > ?1 WHERE l.user_id = ?2 "
        "UNION ALL "
        "SELECT cursor, kind, case_id, entity_id, target_user, origin_device FROM changes "
        "WHERE case_id IS NULL AND cursor > ?1) "
        "WHERE (target_user IS NULL OR target_user = ?2) AND origin_device IS NOT ?3 ORDER BY cursor LIMIT ?4"));
    if (st)
        st->bind(1, cursor).bind(2, userId).bind(3, deviceId.isEmpty() ? QString() : deviceId).bind(4, limit);
    return allRows(st, [](const store::Statement& row) {
        return ChangeRow { row.int64(0), row.text(1), row.text(2), row.text(3) };
    });
}

Result<QStringList> EmbeddedStore::recordIdsOfCase(const QString& caseId)
{
    auto st = m_db->prepare(QStringLiteral("SELECT id FROM records WHERE case_id = ?1 ORDER BY id"));
    if (st)
        st->bind(1, caseId);
    return allRows(st, textColumn);
}

Result<qint64> EmbeddedStore::lastCursor()
{
    auto st = m_db->prepare(QStringLiteral("SELECT COALESCE(MAX(cursor), 0) FROM changes"));
    const auto cursor = firstRow(st, integerColumn);
    if (!cursor)
        return cursor.error();
    return cursor->value_or(0);
}

Result<QStringList> EmbeddedStore::announcedDefinitions()
{
    auto st = m_db->prepare(QStringLiteral("SELECT kind || ':' || entity_id FROM changes "
                                           "WHERE case_id IS NULL AND kind IN ('form', 'catalog')"));
    return allRows(st, textColumn);
}

// ---- audit ----

Result<void> EmbeddedStore::appendAudit(const AuditEntry& entry)
{
    auto st = m_db->prepare(QStringLiteral("INSERT INTO audit_log(at, user_id, device_id, action, case_id, record_id, "
                                           "detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    if (!st)
        return st.error();
    return st->bind(1, iso(entry.at))
        .bind(2, nn(entry.userId))
        .bind(3, nn(entry.deviceId))
        .bind(4, nn(entry.action))
        .bind(5, nn(entry.caseId))
        .bind(6, nn(entry.recordId))
        .bind(7, nn(entry.detail))
        .run();
}

Result<QList<AuditEntry>> EmbeddedStore::auditEntries(const AuditFilter& filter)
{
    auto st = m_db->prepare(
        QStringLiteral("SELECT id, at, user_id, device_id, action, case_id, record_id, detail FROM audit_log WHERE "
                       "(?1 = '' OR user_id = ?1) AND (?2 = '' OR record_id = ?2) AND (?3 = '' OR case_id = ?3) AND "
                       "(?4 = '' OR at >= ?4) AND (?5 = '' OR at < ?5) AND (?7 = '' OR action = ?7) "
                       "ORDER BY id DESC LIMIT ?6"));
    if (!st)
        return st.error();
    st->bind(1, filter.userId.isNull() ? QStringLiteral("") : filter.userId)
        .bind(2, filter.recordId.isNull() ? QStringLiteral("") : filter.recordId)
        .bind(3, filter.caseId.isNull() ? QStringLiteral("") : filter.caseId)
        .bind(4, filter.from.isValid() ? iso(filter.from) : QStringLiteral(""))
        .bind(5, filter.until.isValid() ? iso(filter.until) : QStringLiteral(""))
        .bind(6, filter.limit)
        .bind(7, filter.action.isNull() ? QStringLiteral("") : filter.action);
    return allRows(st, [](const store::Statement& row) {
        return AuditEntry { row.int64(0), fromIso(row.text(1)), row.text(2), row.text(3), row.text(4), row.text(5),
            row.text(6), row.text(7) };
    });
}

// ---- office page ----

Result<QList<StoredRecord>> EmbeddedStore::listRecords()
{
    auto st = m_db->prepare(QStringLiteral("SELECT id, case_id, type, revision, final, content_hash, journal_number, "
                                           "chain_hash, json FROM records ORDER BY rowid"));
    return allRows(st, readStoredRecord);
}

Result<QList<QJsonObject>> EmbeddedStore::listCases()
{
    auto st = m_db->prepare(QStringLiteral("SELECT json FROM cases ORDER BY rowid"));
    return allRows(st, readJsonObject);
}

Result<QList<RecordIngest>> EmbeddedStore::recordIngests()
{
    auto st = m_db->prepare(QStringLiteral(
        "SELECT f.record_id, f.at, f.user_id, f.device_id, l.at, l.user_id FROM "
        "(SELECT record_id, MIN(id) AS first_id, MAX(id) AS last_id FROM audit_log WHERE action = 'record.write' "
        "GROUP BY record_id) g JOIN audit_log f ON f.id = g.first_id JOIN audit_log l ON l.id = g.last_id "
        "ORDER BY g.last_id"));
    return allRows(st, [](const store::Statement& row) {
        return RecordIngest { row.text(0), fromIso(row.text(1)), row.text(2), row.text(3), fromIso(row.text(4)),
            row.text(5) };
    });
}

Result<QList<RecordMark>> EmbeddedStore::recordMarks()
{
    auto st = m_db->prepare(QStringLiteral("SELECT record_id, state, user_id, at FROM office_marks"));
    return allRows(st, [](const store::Statement& row) {
        return RecordMark { row.text(0), row.text(1), row.text(2), fromIso(row.text(3)) };
    });
}

Result<void> EmbeddedStore::setRecordMark(const RecordMark& mark)
{
    auto st = m_db->prepare(QStringLiteral("INSERT INTO office_marks(record_id, state, user_id, at) VALUES "
                                           "(?1, ?2, ?3, ?4) ON CONFLICT(record_id) DO UPDATE SET state = "
                                           "excluded.state, user_id = excluded.user_id, at = excluded.at"));
    if (!st)
        return st.error();
    return st->bind(1, mark.recordId).bind(2, mark.state).bind(3, mark.userId).bind(4, iso(mark.at)).run();
}

// ---- office web sessions ----

Result<void> EmbeddedStore::insertWebSession(const WebSessionRow& session)
{
    auto st = m_db->prepare(QStringLiteral("INSERT INTO web_sessions(digest, user_id, csrf_token, created_at, "
                                           "last_seen_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
    if (!st)
        return st.error();
    return st->bind(1, session.digest)
        .bind(2, session.userId)
        .bind(3, session.csrfToken)
        .bind(4, iso(session.createdAt))
        .bind(5, iso(session.lastSeenAt))
        .run();
}

Result<std::optional<WebSessionRow>> EmbeddedStore::findWebSession(const QString& digest)
{
    auto st = m_db->prepare(QStringLiteral(
        "SELECT digest, user_id, csrf_token, created_at, last_seen_at FROM web_sessions WHERE digest = ?1"));
    if (st)
        st->bind(1, digest);
    return firstRow(st, [](const store::Statement& row) {
        return WebSessionRow { row.text(0), row.text(1), row.text(2), fromIso(row.text(3)), fromIso(row.text(4)) };
    });
}

Result<void> EmbeddedStore::touchWebSession(const QString& digest, const QDateTime& at)
{
    auto st = m_db->prepare(QStringLiteral("UPDATE web_sessions SET last_seen_at = ?2 WHERE digest = ?1"));
    if (!st)
        return st.error();
    return st->bind(1, digest).bind(2, iso(at)).run();
}

Result<void> EmbeddedStore::deleteWebSession(const QString& digest)
{
    auto st = m_db->prepare(QStringLiteral("DELETE FROM web_sessions WHERE digest = ?1"));
    if (!st)
        return st.error();
    return st->bind(1, digest).run();
}

Result<void> EmbeddedStore::deleteWebSessionsOf(const QString& userId)
{
    auto st = m_db->prepare(QStringLiteral("DELETE FROM web_sessions WHERE user_id = ?1"));
    if (!st)
        return st.error();
    return st->bind(1, userId).run();
}

Result<int> EmbeddedStore::purgeWebSessions(const QDateTime& idleBefore, const QDateTime& createdBefore)
{
    // iso() writes UTC with milliseconds, so the text order is the time order.
    auto st = m_db->prepare(QStringLiteral("DELETE FROM web_sessions WHERE last_seen_at < ?1 OR created_at < ?2"));
    if (!st)
        return st.error();
    if (auto done = st->bind(1, iso(idleBefore)).bind(2, iso(createdBefore)).run(); !done)
        return done.error();
    return m_db->changes();
}

// ---- operations ----

Result<void> EmbeddedStore::integrityCheck()
{
    return m_db->integrityCheck();
}

Result<void> EmbeddedStore::backupTo(const QString& path)
{
    if (QFileInfo::exists(path))
        return Error { QStringLiteral("store.io"), QStringLiteral("backup target %1 already exists").arg(path) };
    // sqlcipher_export copies into an attached database encrypted with the same raw key: the backup is
    // as protected as the store and consistent (it runs inside one read transaction).
    QByteArray keyLiteral = "x'" + m_key->bytes().toHex() + "'";
    auto attach = m_db->prepare(QStringLiteral("ATTACH DATABASE ?1 AS backup KEY ?2"));
    if (!attach)
        return attach.error();
    auto attached = attach->bind(1, path).bind(2, QString::fromLatin1(keyLiteral)).run();
    keyLiteral.fill('\0');
    attach = Error {}; // release the statement (and its copy of the bound key) now
    m_db->clearStatementCache();
    if (!attached)
        return attached.error();
    auto exported = m_db->exec(QStringLiteral("SELECT sqlcipher_export('backup')"));
    // sqlcipher_export copies schema and rows, not the schema version the migrations rely on.
    const auto version = m_db->userVersion();
    if (exported && version)
        exported = m_db->exec(QStringLiteral("PRAGMA backup.user_version = %1").arg(*version));
    else if (exported)
        exported = version.error();
    auto detached = m_db->exec(QStringLiteral("DETACH DATABASE backup"));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!exported)
        return exported.error();
    return detached;
}

Result<QJsonObject> EmbeddedStore::counts()
{
    QJsonObject result;
    const QStringList tables { QStringLiteral("users"), QStringLiteral("devices"), QStringLiteral("cases"),
        QStringLiteral("records"), QStringLiteral("record_conflicts"), QStringLiteral("changes"),
        QStringLiteral("audit_log") };
    for (const QString& table : tables) {
        auto st = m_db->prepare(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
        const auto count = firstRow(st, integerColumn);
        if (!count)
            return count.error();
        result.insert(table, double(count->value_or(0)));
    }
    return result;
}

} // namespace poruch::server
