#include "websessions.h"

#include "auth/secrets.h"
#include "storage/serverstore.h"

#include <openssl/crypto.h>

namespace poruch::server::office {

namespace {

bool over(const WebSessionRow& row, const QDateTime& now)
{
    return row.lastSeenAt.msecsTo(now) > qint64(WebSessions::idleSeconds) * 1000
        || row.createdAt.msecsTo(now) > qint64(WebSessions::lifetimeSeconds) * 1000;
}

} // namespace

WebSessions::WebSessions(ServerStore& store, Clock clock)
    : m_store(store)
    , m_clock(clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); })
{
}

Result<QString> WebSessions::create(const QString& userId)
{
    const QDateTime now = m_clock();
    // Drop sessions that are over, so the table cannot grow without bound.
    const auto purged = m_store.purgeWebSessions(
        now.addMSecs(-qint64(idleSeconds) * 1000), now.addMSecs(-qint64(lifetimeSeconds) * 1000));
    if (!purged)
        return purged.error();
    const QString id = newToken();
    if (auto inserted = m_store.insertWebSession(WebSessionRow { secretDigest(id), userId, newToken(), now, now });
        !inserted)
        return inserted.error();
    return id;
}

Result<std::optional<WebSession>> WebSessions::find(const QString& sessionId)
{
    if (sessionId.isEmpty() || sessionId.size() > 128)
        return std::optional<WebSession>();
    const QString key = secretDigest(sessionId);
    const auto row = m_store.findWebSession(key);
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<WebSession>();
    const QDateTime now = m_clock();
    if (over(**row, now)) {
        if (auto deleted = m_store.deleteWebSession(key); !deleted)
            return deleted.error();
        return std::optional<WebSession>();
    }
    if (auto touched = m_store.touchWebSession(key, now); !touched)
        return touched.error();
    return std::optional<WebSession>(WebSession { (*row)->userId, (*row)->csrfToken, (*row)->createdAt, now });
}

Result<void> WebSessions::end(const QString& sessionId)
{
    if (sessionId.isEmpty())
        return {};
    return m_store.deleteWebSession(secretDigest(sessionId));
}

Result<void> WebSessions::endAllOf(const QString& userId)
{
    return m_store.deleteWebSessionsOf(userId);
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
