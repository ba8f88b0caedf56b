#pragma once

#include "serverstore.h"

#include <memory>

namespace poruch::store {
class Database;
class SecretBytes;
} // namespace poruch::store

namespace poruch::server {

// Reads the 32-byte store key (64 hex characters) from a key file that only its owner may read
// (mode 0600 or stricter): store.key_file_missing / store.key_file_permissions / store.key_file_invalid.
Result<store::SecretBytes> readStoreKeyFile(const QString& path);

// The default backend: one SQLCipher file (server.db) in the data folder.
class EmbeddedStore : public ServerStore {
public:
    static Result<std::unique_ptr<EmbeddedStore>> open(const QString& dataDir, const QString& keyFile);
    ~EmbeddedStore() override;

    QString kind() const override { return QStringLiteral("embedded"); }
    Result<void> transaction(const std::function<Result<void>()>& work) override;

    Result<void> insertUser(const User& user) override;
    Result<void> updateUser(const User& user) override;
    Result<std::optional<User>> findUserById(const QString& id) override;
    Result<std::optional<User>> findUserByName(const QString& username) override;
    Result<QList<User>> listUsers() override;
    Result<void> setAssignment(const QString& userId, const QString& caseId, bool assigned) override;
    Result<bool> isAssigned(const QString& userId, const QString& caseId) override;
    Result<QStringList> assignedCases(const QString& userId) override;

    Result<void> insertEnrollmentCode(const EnrollmentCode& code) override;
    Result<std::optional<EnrollmentCode>> findEnrollmentCode(const QString& digest) override;
    Result<void> markEnrollmentCodeUsed(const QString& digest, const QString& deviceId, const QDateTime& at) override;
    Result<void> insertDevice(const Device& device) override;
    Result<std::optional<Device>> findDevice(const QString& id) override;
    Result<QList<Device>> listDevices() override;
    Result<void> revokeDevice(const QString& id, const QDateTime& at) override;
    Result<void> insertToken(const TokenRow& token) override;
    Result<std::optional<TokenRow>> findToken(const QString& digest) override;
    Result<void> deleteToken(const QString& digest) override;

    Result<std::optional<PushReceipt>> findReceipt(const QString& deviceId, qint64 seq) override;
    Result<void> insertReceipt(const PushReceipt& receipt) override;
    Result<std::optional<QJsonObject>> findCase(const QString& id) override;
    Result<void> saveCase(const QString& id, const QJsonObject& caseJson) override;
    Result<std::optional<StoredRecord>> findRecord(const QString& id) override;
    Result<void> saveRecord(const StoredRecord& record) override;
    Result<QString> lastChainHash(const QString& caseId) override;
    Result<qint64> insertConflict(const QString& recordId, int revision, const QString& deviceId, const QString& json,
        const QDateTime& at) override;
    Result<std::optional<QString>> findConflictJson(qint64 conflictId) override;
    Result<int> nextJournalNumber(const QString& unit, int year) override;
    Result<qint64> appendChange(const QString& kind, const QString& caseId, const QString& entityId,
        const QString& targetUserId, const QString& originDeviceId) override;
    Result<QStringList> recordIdsOfCase(const QString& caseId) override;
    Result<QList<ChangeRow>> changesAfter(
        qint64 cursor, const QString& userId, const QString& deviceId, int limit) override;
    Result<qint64> lastCursor() override;
    Result<QStringList> announcedDefinitions() override;

    Result<void> appendAudit(const AuditEntry& entry) override;
    Result<QList<AuditEntry>> auditEntries(const AuditFilter& filter) override;

    Result<QList<StoredRecord>> listRecords() override;
    Result<QList<QJsonObject>> listCases() override;
    Result<QList<RecordIngest>> recordIngests() override;
    Result<QList<RecordMark>> recordMarks() override;
    Result<void> setRecordMark(const RecordMark& mark) override;
    Result<void> insertWebSession(const WebSessionRow& session) override;
    Result<std::optional<WebSessionRow>> findWebSession(const QString& digest) override;
    Result<void> touchWebSession(const QString& digest, const QDateTime& at) override;
    Result<void> deleteWebSession(const QString& digest) override;
    Result<void> deleteWebSessionsOf(const QString& userId) override;
    Result<int> purgeWebSessions(const QDateTime& idleBefore, const QDateTime& createdBefore) override;

    Result<void> integrityCheck() override;
    Result<void> backupTo(const QString& path) override;
    Result<QJsonObject> counts() override;

private:
    EmbeddedStore(std::unique_ptr<store::Database> db, std::unique_ptr<store::SecretBytes> key);

    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<store::SecretBytes> m_key; // kept for online backups (sqlcipher_export)
};

} // namespace poruch::server
