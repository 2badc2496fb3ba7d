#pragma once

#include "core/auth/Account.h"
#include "core/common/Clock.h"
#include "core/common/Error.h"
#include "core/store/OutletStore.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace shiming::auth {

class Authenticator;

/// A logged-in account with its unlocked store. Locks itself after `idleSeconds` without activity (the UI
/// calls touch() on input); while locked, store() must not be used and only the same account's password
/// unlocks it (the data key stays in memory, the clerk's work is not lost).
class Session : public QObject {
    Q_OBJECT
public:
    Session(std::unique_ptr<store::OutletStore> store, Account account, Authenticator& authenticator, int idleSeconds,
            QObject* parent = nullptr);
    ~Session() override;

    const Account& account() const { return m_account; }
    store::OutletStore& store() { return *m_store; }

    /// Activity: restarts the idle timer.
    void touch();
    bool isLocked() const { return m_locked; }
    void lockNow();
    /// Checks the idle time against the clock and locks when it ran out (the internal timer calls this).
    void checkIdle();
    /// Unlocks with the account's own password (subject to the lockout policy).
    Result<void> unlock(const QByteArray& password);
    int idleSeconds() const { return m_idleSeconds; }
    /// From now on (HQ's idle-lock setting applied during a session); 0 or less: never locks by itself.
    void setIdleSeconds(int seconds);

signals:
    void locked();
    void unlocked();

private:
    std::unique_ptr<store::OutletStore> m_store;
    Account m_account;
    Authenticator& m_authenticator;
    int m_idleSeconds;
    QDateTime m_lastActivity;
    bool m_locked = false;
    QTimer m_timer;
};

} // namespace shiming::auth
