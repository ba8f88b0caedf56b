#include "websessions.h"

#include "auth/secrets.h"

#include <openssl/crypto.h>

namespace poruch::server::office {

WebSessions::WebSessions(Clock clock)
    : m_clock(clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); })
{
}

QString WebSessions::create(const QString& userId)
{
    const QDateTime now = m_clock();
    // Drop sessions that are over, so the table cannot grow without bound.
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (it->lastSeenAt.secsTo(now) > idleSeconds || it->createdAt.secsTo(now) > lifetimeSeconds)
            it = m_sessions.erase(it);
        else
            ++it;
    }
    const QString id = newToken();
    m_sessions.insert(secretDigest(id), WebSession { userId, newToken(), now, now });
    return id;
}

std::optional<WebSession> WebSessions::find(const QString& sessionId)
{
    if (sessionId.isEmpty() || sessionId.size() > 128)
        return std::nullopt;
    const QString key = secretDigest(sessionId);
    auto it = m_sessions.find(key);
    if (it == m_sessions.end())
        return std::nullopt;
    const QDateTime now = m_clock();
    if (it->lastSeenAt.secsTo(now) > idleSeconds || it->createdAt.secsTo(now) > lifetimeSeconds) {
        m_sessions.erase(it);
        return std::nullopt;
    }
    it->lastSeenAt = now;
    return *it;
}

void WebSessions::end(const QString& sessionId)
{
    m_sessions.remove(secretDigest(sessionId));
}

void WebSessions::endAllOf(const QString& userId)
{
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (it->userId == userId)
            it = m_sessions.erase(it);
        else
            ++it;
    }
}

bool tokensEqual(const QString& expected, const QString& given)
{
    const QByteArray a = expected.toUtf8();
    const QByteArray b = given.toUtf8();
    if (a.isEmpty() || a.size() != b.size())
        return false;
    return CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace poruch::server::office
