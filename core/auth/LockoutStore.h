#pragma once

#include "core/common/Error.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace shiming::auth {

/// How many wrong passwords lock an account, and for how long.
struct LockoutPolicy {
    int maxFailures = 5;
    int lockSeconds = 5 * 60;
};

/// Failed-login counters, persisted across restarts in a small file beside the database (`<db>.lockout`).
/// They cannot live in the database: a wrong password cannot open it, and a wrong password must leave the
/// database and slot files unchanged byte for byte. Failures are also queued here until the next successful
/// login writes them into the audit log. Deleting this file only resets the online lockout; Argon2id is what
/// protects a stolen file.
class LockoutStore {
public:
    struct Failure {
        QString user;
        QDateTime at;
        bool locked = false; ///< this failure locked the account
    };

    explicit LockoutStore(QString path)
        : m_path(std::move(path))
    {}
    static QString pathFor(const QString& databasePath) { return databasePath + QStringLiteral(".lockout"); }

    /// When the account is locked at `now`, the end of the lock; otherwise an invalid QDateTime.
    QDateTime lockedUntil(const QString& user, const QDateTime& now) const;
    /// Records a failure; returns true when it locked the account.
    Result<bool> recordFailure(const QString& user, const QDateTime& now, const LockoutPolicy& policy);
    /// Clears the account's counter (successful login).
    Result<void> reset(const QString& user);
    /// Failures not yet written to the audit log; clears them from the file.
    Result<QList<Failure>> takeUnaudited();

private:
    QString m_path;
};

} // namespace shiming::auth
