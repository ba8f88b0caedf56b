#include "unlockguard.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace poruch::app {

UnlockGuard::UnlockGuard(QString dataDir, int maxFailures)
    : m_dataDir(std::move(dataDir))
    , m_maxFailures(qMax(1, maxFailures))
{
    load();
}

QString UnlockGuard::filePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("unlock.state"));
}

int UnlockGuard::delaySeconds(int failures)
{
    if (failures < freeAttempts)
        return 0;
    qint64 delay = 30;
    for (int i = freeAttempts; i < failures && delay < maxDelaySeconds; ++i)
        delay *= 2;
    return int(qMin<qint64>(delay, maxDelaySeconds));
}

QDateTime UnlockGuard::nextAttemptAt() const
{
    const int delay = delaySeconds(m_failures);
    if (delay == 0 || !m_lastFailure.isValid())
        return {};
    return m_lastFailure.addSecs(delay);
}

int UnlockGuard::secondsUntilNextAttempt(const QDateTime& now) const
{
    const QDateTime next = nextAttemptAt();
    if (!next.isValid())
        return 0;
    // A clock set back must not extend the wait beyond the policy.
    return int(qBound<qint64>(0, now.secsTo(next), qint64(delaySeconds(m_failures))));
}

bool UnlockGuard::recordFailure(const QDateTime& now)
{
    ++m_failures;
    m_lastFailure = now;
    return save();
}

bool UnlockGuard::reset()
{
    m_failures = 0;
    m_lastFailure = {};
    return save();
}

void UnlockGuard::load()
{
    QFile file(filePath());
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject state = QJsonDocument::fromJson(file.read(4096)).object();
    m_failures = qMax(0, state.value(QStringLiteral("failures")).toInt());
    const qint64 last = qint64(state.value(QStringLiteral("lastFailureMs")).toDouble());
    if (last > 0)
        m_lastFailure = QDateTime::fromMSecsSinceEpoch(last, Qt::UTC);
}

bool UnlockGuard::save() const
{
    QDir().mkpath(m_dataDir);
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QJsonObject state { { QStringLiteral("failures"), m_failures } };
    if (m_lastFailure.isValid())
        state.insert(QStringLiteral("lastFailureMs"), double(m_lastFailure.toMSecsSinceEpoch()));
    file.write(QJsonDocument(state).toJson(QJsonDocument::Compact));
    return file.commit();
}

} // namespace poruch::app
