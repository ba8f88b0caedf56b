#include "ratelimiter.h"

namespace poruch::server {

RateLimiter::RateLimiter(int maxAttempts, int windowSeconds, std::function<QDateTime()> clock)
    : m_maxAttempts(maxAttempts)
    , m_windowSeconds(windowSeconds)
    , m_clock(clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); })
{
}

void RateLimiter::prune(const QString& key, const QDateTime& now)
{
    auto it = m_attempts.find(key);
    if (it == m_attempts.end())
        return;
    const QDateTime cutoff = now.addSecs(-m_windowSeconds);
    while (!it->isEmpty() && it->first() <= cutoff)
        it->removeFirst();
    if (it->isEmpty())
        m_attempts.erase(it);
}

bool RateLimiter::allow(const QString& key)
{
    const QDateTime now = m_clock();
    prune(key, now);
    QList<QDateTime>& attempts = m_attempts[key];
    if (attempts.size() >= m_maxAttempts)
        return false;
    attempts.append(now);
    return true;
}

int RateLimiter::retryAfterSeconds(const QString& key) const
{
    const auto it = m_attempts.constFind(key);
    if (it == m_attempts.constEnd() || it->size() < m_maxAttempts)
        return 0;
    const qint64 wait = m_clock().secsTo(it->first().addSecs(m_windowSeconds));
    return int(qMax<qint64>(1, wait));
}

void RateLimiter::reset(const QString& key)
{
    m_attempts.remove(key);
}

} // namespace poruch::server
