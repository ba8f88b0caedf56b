#pragma once

#include "core/result.h"
#include "servertypes.h"

#include <QJsonObject>

#include <functional>

namespace poruch::records {
struct Case;
struct Record;
} // namespace poruch::records

namespace poruch::server {

// Storage primitives of the server. The sync rules (idempotency, conflicts, journal numbers, hash
// chain) live in SyncService on top of these, so a PostgreSQL backend only has to implement this
// interface. Every write a request makes happens inside one transaction().
class ServerStore {
public:
    virtual ~ServerStore() = default;

    virtual QString kind() const = 0;
    // Runs work in one transaction: all of it is stored, or none of it.
    virtual Result<void> transaction(const std::function<Result<void>()>& work) = 0;

    // Users and caseloads.
    virtual Result<void> insertUser(const User& user) = 0;
    virtual Result<void> updateUser(const User& user) = 0;
    virtual Result<std::optional<User>> findUserById(const QString& id) = 0;
    virtual Result<std::optional<User>> findUserByName(const QString& username) = 0;
    virtual Result<QList<User>> listUsers() = 0;
    virtual Result<void> setAssignment(const QString& userId, const QString& caseId, bool assigned) = 0;
    virtual Result<bool> isAssigned(const QString& userId, const QString& caseId) = 0;
    virtual Result<QStringList> assignedCases(const QString& userId) = 0;

    // Enrollment, devices, tokens.
    virtual Result<void> insertEnrollmentCode(const EnrollmentCode& code) = 0;
    virtual Result<std::optional<EnrollmentCode>> findEnrollmentCode(const QString& digest) = 0;
    virtual Result<void> markEnrollmentCodeUsed(const QString& digest, const QString& deviceId, const QDateTime& at)
        = 0;
    virtual Result<void> insertDevice(const Device& device) = 0;
    virtual Result<std::optional<Device>> findDevice(const QString& id) = 0;
    virtual Result<QList<Device>> listDevices() = 0;
    virtual Result<void> revokeDevice(const QString& id, const QDateTime& at) = 0;
    virtual Result<void> insertToken(const TokenRow& token) = 0;
    virtual Result<std::optional<TokenRow>> findToken(const QString& digest) = 0;
    virtual Result<void> deleteToken(const QString& digest) = 0;

    // Sync data.
    virtual Result<std::optional<PushReceipt>> findReceipt(const QString& deviceId, qint64 seq) = 0;
    virtual Result<void> insertReceipt(const PushReceipt& receipt) = 0;
    virtual Result<std::optional<QJsonObject>> findCase(const QString& id) = 0;
    virtual Result<void> saveCase(const QString& id, const QJsonObject& caseJson) = 0;
    virtual Result<std::optional<StoredRecord>> findRecord(const QString& id) = 0;
    virtual Result<void> saveRecord(const StoredRecord& record) = 0;
    virtual Result<QString> lastChainHash(const QString& caseId) = 0;
    virtual Result<qint64> insertConflict(
        const QString& recordId, int revision, const QString& deviceId, const QString& json, const QDateTime& at)
        = 0;
    virtual Result<std::optional<QString>> findConflictJson(qint64 conflictId) = 0;
    // Next official journal number of a unit in a year: 1, 2, 3 ... without gaps (the caller's
    // transaction rolls the counter back with everything else if the ingest fails).
    virtual Result<int> nextJournalNumber(const QString& unit, int year) = 0;
    // One change row per write. caseId scopes it to that case's caseload (empty: everyone);
    // targetUserId addresses it to one user only (e.g. case_removed when a case leaves a caseload);
    // originDeviceId names the device whose push made it (empty: the server or the office).
    virtual Result<qint64> appendChange(const QString& kind, const QString& caseId, const QString& entityId,
        const QString& targetUserId = {}, const QString& originDeviceId = {})
        = 0;
    virtual Result<QStringList> recordIdsOfCase(const QString& caseId) = 0;
    // Changes after cursor visible to userId (cases in their caseload, plus unscoped changes), except
    // those deviceId pushed itself. Cost proportional to the user's caseload changes, not to all changes.
    virtual Result<QList<ChangeRow>> changesAfter(
        qint64 cursor, const QString& userId, const QString& deviceId, int limit)
        = 0;
    virtual Result<qint64> lastCursor() = 0;
    // "kind:entity" of the unscoped definition changes ('form' / 'catalog') appended so far.
    virtual Result<QStringList> announcedDefinitions() = 0;

    // Append-only audit log.
    virtual Result<void> appendAudit(const AuditEntry& entry) = 0;
    virtual Result<QList<AuditEntry>> auditEntries(const AuditFilter& filter) = 0;

    // Office page (docs/office.md). Defaults refuse, so a backend without them still builds.
    virtual Result<QList<StoredRecord>> listRecords() { return unsupported(); }
    virtual Result<QList<QJsonObject>> listCases() { return unsupported(); }
    // In ingest order: by the latest record.write entry (the write that made a record final).
    virtual Result<QList<RecordIngest>> recordIngests() { return unsupported(); }
    virtual Result<QList<RecordMark>> recordMarks() { return unsupported(); }
    virtual Result<void> setRecordMark(const RecordMark&) { return unsupported(); }
    // Office web sessions, by the SHA-256 of the session id (WebSessions applies the expiry rules).
    virtual Result<void> insertWebSession(const WebSessionRow&) { return unsupported(); }
    virtual Result<std::optional<WebSessionRow>> findWebSession(const QString&) { return unsupported(); }
    virtual Result<void> touchWebSession(const QString&, const QDateTime&) { return unsupported(); }
    virtual Result<void> deleteWebSession(const QString&) { return unsupported(); }
    virtual Result<void> deleteWebSessionsOf(const QString&) { return unsupported(); }
    // Deletes sessions last used before idleBefore or created before createdBefore; returns how many.
    virtual Result<int> purgeWebSessions(const QDateTime&, const QDateTime&) { return unsupported(); }

    // Operations.
    virtual Result<void> integrityCheck() = 0;
    virtual Result<void> backupTo(const QString& path) = 0;
    virtual Result<QJsonObject> counts() = 0;

protected:
    static Error unsupported()
    {
        return Error { QStringLiteral("store.unsupported"), QStringLiteral("not supported by this store backend") };
    }
};

} // namespace poruch::server
