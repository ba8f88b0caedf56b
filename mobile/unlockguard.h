#pragma once

#include <QDateTime>
#include <QString>

namespace poruch::app {

// Counts wrong PINs across restarts, outside the encrypted store (the store cannot be read before the
// PIN is right). The file <dataDir>/unlock.state holds only a count and a time: no personal data.
// Policy: the first `freeAttempts` failures cost nothing; after that each failure doubles the wait
// (30 s, 60 s, 120 s, ... up to 15 min); at `maxFailures` the caller wipes the store.
class UnlockGuard {
public:
    static constexpr int defaultMaxFailures = 10;
    static constexpr int freeAttempts = 3;
    static constexpr int warnWhenLeft = 3;
    static constexpr int maxDelaySeconds = 15 * 60;

    explicit UnlockGuard(QString dataDir, int maxFailures = defaultMaxFailures);

    int failures() const { return m_failures; }
    int maxFailures() const { return m_maxFailures; }
    int attemptsLeft() const { return qMax(0, m_maxFailures - m_failures); }
    // True when the user must be warned that the store will be wiped soon.
    bool warn() const { return m_failures > 0 && attemptsLeft() <= warnWhenLeft; }
    bool exhausted() const { return m_failures >= m_maxFailures; }
    // When the next attempt is allowed (invalid = now).
    QDateTime nextAttemptAt() const;
    int secondsUntilNextAttempt(const QDateTime& now) const;

    // Wait imposed after `failures` wrong PINs.
    static int delaySeconds(int failures);

    // Both persist at once (atomically); false if the file cannot be written.
    bool recordFailure(const QDateTime& now);
    bool reset();
    QString filePath() const;

private:
    void load();
    bool save() const;

    QString m_dataDir;
    int m_maxFailures;
    int m_failures = 0;
    QDateTime m_lastFailure;
};

} // namespace poruch::app
