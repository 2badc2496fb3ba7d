#pragma once

#include "core/common/Error.h"

#include <QObject>

namespace shiming {

/// The counter's view of accounts: log in, lock after idle time, unlock with the same password, a manager's
/// approval on the spot. AuthAccountGate implements it over core/auth; tests use a fake.
class AccountGate : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    /// Logs in; on success returns the account name.
    virtual Result<QString> login(const QString& user, const QByteArray& password) = 0;
    virtual void logout() = 0;
    virtual bool isLoggedIn() const = 0;
    virtual QString accountName() const = 0;
    virtual QString displayName() const = 0;
    virtual bool isLocked() const = 0;
    virtual void lockNow() = 0;
    virtual Result<void> unlock(const QByteArray& password) = 0;
    /// Activity (key press, click): restarts the idle timer.
    virtual void touch() = 0;
    /// A manager (or admin) approves `action` with their own credentials; returns the manager's account name.
    virtual Result<QString> approveAsManager(const QString& user, const QByteArray& password,
                                             const QString& action) = 0;

signals:
    void loggedIn();
    /// Emitted while the store is still open, just before logout closes it: users of the store let go of it.
    void aboutToLogOut();
    void loggedOut();
    void locked();
    void unlocked();
};

} // namespace shiming
