#pragma once

#include "core/common/Error.h"

#include <QString>

#include <memory>
#include <mutex>
#include <random>

namespace shiming::hq {

/// Fault injection for the chaos tests, off unless `serve --fault-plan` is given. Probabilities per batch
/// request, drawn from a generator seeded with `seed` so that a run can be repeated:
/// "seed=7,fail-before=0.2,fail-after=0.2,slow=0.1,slow-ms=3000,reset=0.1,reset-before=0.1".
///   fail-before: roll back and answer 503; fail-after: COMMIT, then answer 500;
///   slow: COMMIT, then wait slow-ms before answering; reset: COMMIT, then cut the connection mid-body;
///   reset-before: roll back, then cut the connection mid-body.
class FaultPlan {
public:
    enum class Fault { None, FailBefore, FailAfter, Slow, Reset, ResetBefore };

    static Result<FaultPlan> parse(const QString& text);

    bool enabled() const { return m_enabled; }
    int slowMs() const { return m_slowMs; }
    /// Draws the fault for the next batch request (thread-safe).
    Fault next();

private:
    bool m_enabled = false;
    double m_failBefore = 0, m_failAfter = 0, m_slow = 0, m_reset = 0, m_resetBefore = 0;
    int m_slowMs = 0;
    std::mt19937 m_random;
    std::shared_ptr<std::mutex> m_mutex = std::make_shared<std::mutex>();
};

} // namespace shiming::hq
