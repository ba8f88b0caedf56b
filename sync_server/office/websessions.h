#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>

namespace poruch::server {
class ServerStore;
} // namespace poruch::server

namespace poruch::server::office {

// A signed-in office user. The browser holds only the random session id (HttpOnly cookie); the store
// keeps the session by the id's SHA-256, so a copy of the store or a log line never yields a usable cookie.
struct WebSession {
    QString userId;
    QString csrfToken; // random; every form of the session posts it back
    QDateTime createdAt;
    QDateTime lastSeenAt;
};

// Server-side sessions in the server store (they survive a restart) with an idle timeout and an absolute
// lifetime checked against the stored times. Logout deletes the row, so the old cookie stops working at
// once even if the browser keeps it; sessions that are over are purged whenever a new one starts.
class WebSessions {
public:
    using Clock = std::function<QDateTime()>;
    static constexpr int idleSeconds = 30 * 60;
    static constexpr int lifetimeSeconds = 10 * 3600;

    explicit WebSessions(ServerStore& store, Clock clock = {});

    // Returns the new session id (the cookie value).
    Result<QString> create(const QString& userId);
    // The live session of this cookie value (and marks it used), or nothing (unknown, idle, too old).
    Result<std::optional<WebSession>> find(const QString& sessionId);
    Result<void> end(const QString& sessionId);
    // Ends every session of a user (revoked users).
    Result<void> endAllOf(const QString& userId);

private:
    ServerStore& m_store;
    Clock m_clock;
};

// Constant-time comparison of two tokens (CSRF, double-submit cookie): false when either is empty.
bool tokensEqual(const QString& expected, const QString& given);

} // namespace poruch::server::office
