#include "core/sync/SyncScheduler.h"

#include <cmath>

namespace shiming::sync {

SyncScheduler::SyncScheduler(SyncEngine& engine, Options options, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_options(options)
    , m_random(options.seed ? options.seed : QRandomGenerator::system()->generate())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncScheduler::runPass);
}

void SyncScheduler::start()
{
    m_started = true;
    schedule(0);
}

void SyncScheduler::stop()
{
    m_started = false;
    m_timer.stop();
}

int SyncScheduler::backoffMs(int failures)
{
    const double exponential = m_options.backoffBaseMs * std::pow(2.0, std::max(0, failures - 1));
    const double capped = std::min<double>(exponential, m_options.maxBackoffMs);
    const double jitter = 0.5 + 0.5 * m_random.generateDouble();
    return int(capped * jitter);
}

int SyncScheduler::nextPassInMs() const
{
    return m_timer.isActive() ? m_timer.remainingTime() : -1;
}

void SyncScheduler::registrationCommitted()
{
    if (!m_started)
        return;
    if (m_engine.isRunning()) {
        m_rerunRequested = true;
        return;
    }
    // While backing off, a commit does not shorten the wait: HQ or the link is in trouble.
    if (m_failures > 0)
        return;
    if (!m_timer.isActive() || m_timer.remainingTime() > m_options.commitDelayMs)
        schedule(m_options.commitDelayMs);
}

void SyncScheduler::syncNow()
{
    if (m_engine.isRunning()) {
        m_rerunRequested = true;
        return;
    }
    m_started = true;
    schedule(0);
}

void SyncScheduler::schedule(int delayMs)
{
    m_timer.start(std::max(0, delayMs));
}

void SyncScheduler::runPass()
{
    m_timer.stop();
    const bool started = m_engine.run([this](const SyncReport& report) {
        const bool wasOnline = m_online;
        if (report.ok) {
            m_failures = 0;
            m_online = true;
        } else {
            ++m_failures;
            m_online = !report.offline;
        }
        if (wasOnline != m_online)
            emit onlineChanged(m_online);
        emit passFinished(report);
        if (!m_started)
            return;
        if (report.ok && m_rerunRequested) {
            m_rerunRequested = false;
            schedule(0);
        } else if (report.ok) {
            schedule(m_options.intervalMs);
        } else {
            m_rerunRequested = false;
            // A refusal (revoked, bad signature) will not heal by itself: retry at the slow end only.
            schedule(report.retryable ? backoffMs(m_failures) : m_options.maxBackoffMs);
        }
    });
    if (!started)
        m_rerunRequested = true;
}

} // namespace shiming::sync
