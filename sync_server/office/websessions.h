#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

#include <functional>
#include <optional>

namespace poruch::server::office {

// A signed-in office user. The browser holds only the random session id (HttpOnly cookie); the server
// keeps the session by the id's SHA-256, so a memory dump or log line never yields a usable cookie.
struct WebSession {
    QString userId;
    QString csrfToken; // random; every form of the session posts it back
    QDateTime createdAt;
    QDateTime lastSeenAt;
};

// Server-side sessions with an idle timeout and an absolute lifetime. Logout removes the session, so
// the old cookie stops working at once even if the browser keeps it.
class WebSessions {
public:
    using Clock = std::function<QDateTime()>;
    static constexpr int idleSeconds = 30 * 60;
    static constexpr int lifetimeSeconds = 10 * 3600;

    explicit WebSessions(Clock clock = {});

    // Returns the new session id (the cookie value).
    QString create(const QString& userId);
    // The live session of this cookie value (and marks it used), or nothing (unknown, idle, too old).
    std::optional<WebSession> find(const QString& sessionId);
    void end(const QString& sessionId);
    // Ends every session of a user (revoked users).
    void endAllOf(const QString& userId);
    int count() const { return int(m_sessions.size()); }

private:
    Clock m_clock;
    QHash<QString, WebSession> m_sessions; // by SHA-256 of the session id
};

// Constant-time comparison of two tokens (CSRF, double-submit cookie): false when either is empty.
bool tokensEqual(const QString& expected, const QString& given);

} // namespace poruch::server::office
