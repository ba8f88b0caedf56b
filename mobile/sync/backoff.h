#pragma once

#include <functional>

namespace poruch::client {

// Retry delays after failed sync rounds: 2 s, 4 s, 8 s, ... capped at 5 min, each multiplied by a
// jitter factor in [0.8, 1.2] so a fleet of tablets coming back online does not retry in lockstep.
class Backoff {
public:
    // jitter returns a number in [0, 1); the default is QRandomGenerator::global().
    explicit Backoff(int initialMs = 2000, int maxMs = 300000, std::function<double()> jitter = {});

    int failures() const { return m_failures; }
    // Registers one more failure and returns how long to wait before the next attempt.
    int nextDelayMs();
    // The delay nextDelayMs() would use for the n-th consecutive failure, before jitter.
    int baseDelayMs(int failure) const;
    void reset() { m_failures = 0; }

private:
    int m_initialMs;
    int m_maxMs;
    int m_failures = 0;
    std::function<double()> m_jitter;
};

} // namespace poruch::client
