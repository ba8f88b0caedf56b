#include "sync/backoff.h"

#include <QRandomGenerator>
#include <QtGlobal>

namespace poruch::client {

Backoff::Backoff(int initialMs, int maxMs, std::function<double()> jitter)
    : m_initialMs(qMax(1, initialMs))
    , m_maxMs(qMax(m_initialMs, maxMs))
    , m_jitter(jitter ? std::move(jitter) : [] { return QRandomGenerator::global()->generateDouble(); })
{
}

int Backoff::baseDelayMs(int failure) const
{
    qint64 delay = m_initialMs;
    for (int i = 1; i < failure && delay < m_maxMs; ++i)
        delay *= 2;
    return int(qMin<qint64>(delay, m_maxMs));
}

int Backoff::nextDelayMs()
{
    ++m_failures;
    const double factor = 0.8 + 0.4 * qBound(0.0, m_jitter(), 1.0);
    return qMax(1, int(baseDelayMs(m_failures) * factor));
}

} // namespace poruch::client
