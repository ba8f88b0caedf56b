#pragma once

#include "core/result.h"
#include "storage/serverstore.h"
#include "sync/syncmessages.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <functional>

namespace poruch::server {

// What a successful enrollment hands the tablet.
struct EnrollmentReply {
    QString deviceId;
    QString token;
    QDateTime tokenExpiresAt;
    User user;
};

// The sync rules of docs/sync-protocol.md on top of a ServerStore: enrollment and tokens, idempotent
// push with conflicts that keep both revisions, journal numbers, hash chain, caseload-scoped pull, audit.
// Errors carry the protocol's codes; the HTTP layer maps them to status codes.
class SyncService {
public:
    using Clock = std::function<QDateTime()>;
    SyncService(ServerStore& store, Clock clock = {});

    static constexpr int tokenLifetimeDays = 90;
    static constexpr int enrollmentCodeLifetimeHours = 24;

    // Bearer token → who is calling: unauthorized, token_expired, device_revoked, user_revoked.
    Result<Session> authenticate(const QString& token);

    Result<QString> createEnrollmentCode(const QString& userId, const QString& createdBy);
    Result<EnrollmentReply> enroll(const QString& code, const QString& deviceLabel);
    Result<EnrollmentReply> refreshToken(const Session& session);

    Result<sync::PushResponse> push(const Session& session, const sync::PushRequest& request);
    Result<sync::PullResponse> pull(const Session& session, qint64 cursor, int limit);
    // Appends a change for every built-in form and catalog version not announced before (once per
    // version, for every user), so tablets receive definitions by pull (docs/sync-protocol.md). Run at start.
    Result<int> announceDefinitions();

    // Caseload changes also queue the case (and its records) for the user's next pull.
    Result<void> assignCase(const QString& userId, const QString& caseId, const QString& byUserId);
    Result<void> unassignCase(const QString& userId, const QString& caseId, const QString& byUserId);
    Result<void> revokeDevice(const QString& deviceId, const QString& byUserId);
    Result<void> revokeUser(const QString& userId, const QString& byUserId);

private:
    // Record ids of each case a batch has needed so far (for "refersTo": "record" fields): read from the store
    // once per case and batch, then extended with the records the batch itself applies.
    using CaseRecordIds = QHash<QString, QStringList>;

    Result<sync::PushResult> applyItem(const Session& session, const sync::PushItem& item, CaseRecordIds& caseRecords);
    Result<sync::PushResult> applyCase(const Session& session, const sync::PushItem& item);
    Result<sync::PushResult> applyRecord(
        const Session& session, const sync::PushItem& item, CaseRecordIds& caseRecords);
    Result<void> audit(const Session& session, const QString& action, const QString& caseId, const QString& recordId,
        const QString& detail = {});

    ServerStore& m_store;
    Clock m_clock;
};

} // namespace poruch::server
