#pragma once

#include "core/sync/SyncEngine.h"

#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace shiming::sync {

/// When to sync: soon after a registration commits, every `intervalMs`, and at once on "sync now". After a
/// failed pass it waits with exponential backoff and jitter (base·2^(n−1), capped at `maxBackoffMs`, times a
/// random factor in [0.5, 1]) so that a hundred outlets coming back online do not hit HQ in step. A pass that
/// could not reach HQ at all marks the outlet offline until one succeeds.
class SyncScheduler : public QObject {
    Q_OBJECT
public:
    struct Options {
        int intervalMs = 60 * 1000;
        int commitDelayMs = 500; // lets a burst of commits share one batch
        int backoffBaseMs = 2000;
        int maxBackoffMs = 4 * 60 * 1000;
        quint32 seed = 0; // 0: random
    };

    SyncScheduler(SyncEngine& engine, Options options, QObject* parent = nullptr);

    void start();
    void stop();

    /// The backoff before attempt `failures` + 1 (failures ≥ 1), jitter included.
    int backoffMs(int failures);
    int consecutiveFailures() const { return m_failures; }
    bool isOnline() const { return m_online; }
    /// Milliseconds until the next scheduled pass; -1 when none is scheduled.
    int nextPassInMs() const;

public slots:
    /// A registration was committed (its outbox row exists).
    void registrationCommitted();
    /// The clerk or manager pressed "sync now": runs at once, ignoring backoff.
    void syncNow();

signals:
    void passFinished(const shiming::sync::SyncReport& report);
    void onlineChanged(bool online);

private:
    void schedule(int delayMs);
    void runPass();

    SyncEngine& m_engine;
    Options m_options;
    QTimer m_timer;
    QRandomGenerator m_random;
    int m_failures = 0;
    bool m_online = true;
    bool m_started = false;
    bool m_rerunRequested = false;
};

} // namespace shiming::sync
