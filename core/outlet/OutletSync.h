#pragma once

#include "core/sync/SyncScheduler.h"
#include "core/sync/SyncStatus.h"

#include <QObject>

#include <memory>

namespace shiming::sync {
class HqClient;
}

namespace shiming {

class AuthAccountGate;

/// The counter's link to HQ. The outlet database is open only while someone is signed in, so the sync runs from
/// sign-in to sign-out: at sign-in it reads the enrolment (bundle, HQ's URL, operator) from the encrypted
/// database and starts the scheduler; just before sign-out it stops and lets go of the store. It keeps syncing
/// while the counter is locked (the data key stays in memory then; nothing is shown). Not enrolled: no sync,
/// and the status says so.
class OutletSync : public QObject {
    Q_OBJECT

public:
    enum class State { SignedOut, NotEnrolled, Running };

    OutletSync(AuthAccountGate& gate, sync::SyncScheduler::Options options, QObject* parent = nullptr);
    ~OutletSync() override;

    State state() const { return m_state; }
    /// The last status read from the store (queue length, last success, last error).
    const sync::SyncStatus& status() const { return m_status; }
    sync::SyncScheduler* scheduler() const { return m_scheduler.get(); }

public slots:
    /// A registration was committed: its outbox row exists; the queue grew and a pass is due.
    void registrationCommitted();
    void syncNow();
    /// Re-reads the status from the store (not while locked or signed out).
    void refresh();

signals:
    void statusChanged();

private:
    void start();
    void stop();

    AuthAccountGate& m_gate;
    sync::SyncScheduler::Options m_options;
    State m_state = State::SignedOut;
    sync::SyncStatus m_status;
    std::unique_ptr<sync::HqClient> m_client;
    std::unique_ptr<sync::SyncEngine> m_engine;
    std::unique_ptr<sync::SyncScheduler> m_scheduler;
};

} // namespace shiming
