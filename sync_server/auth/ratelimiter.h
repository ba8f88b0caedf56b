#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace poruch::server {

// Sliding-window attempt counter per key (client address, user name): login and enrollment.
class RateLimiter {
public:
    RateLimiter(int maxAttempts, int windowSeconds, std::function<QDateTime()> clock = {});

    // Records an attempt; false when the key already used up its attempts in the window.
    bool allow(const QString& key);
    // Seconds until the next attempt would be allowed (0 when allowed now).
    int retryAfterSeconds(const QString& key) const;
    void reset(const QString& key);

private:
    void prune(const QString& key, const QDateTime& now);

    int m_maxAttempts;
    int m_windowSeconds;
    std::function<QDateTime()> m_clock;
    QHash<QString, QList<QDateTime>> m_attempts;
};

} // namespace poruch::server
