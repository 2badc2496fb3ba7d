#pragma once

#include "core/auth/Account.h"
#include "core/auth/LockoutStore.h"
#include "core/auth/Session.h"
#include "core/common/Clock.h"
#include "core/common/Error.h"
#include "core/store/KeySlots.h"
#include "core/store/OutletStore.h"

#include <memory>

namespace shiming::auth {

/// Every new, reset or changed password has at least this many characters.
inline constexpr int kMinimumPasswordLength = 8;
/// Refuses a new password shorter than kMinimumPasswordLength (Reason::PasswordTooShort).
Result<void> checkNewPassword(const QByteArray& password);
/// The administrator's password, which unlocks every account's management: checkNewPassword, and more than one
/// kind of character (not only letters, not only digits: Reason::PasswordTooSimple), and not the account's own
/// name inside it, in any case (Reason::PasswordHasName).
Result<void> checkAdminPassword(const QByteArray& password, const QString& accountName);

/// Logging in to an outlet database: unwraps the account's key slot (Argon2id), opens the database with the
/// data key, checks the account is active, and applies the lockout policy (5 wrong passwords lock the account
/// for 5 minutes, across restarts). A wrong password never writes to the database or the slot file.
class Authenticator {
public:
    struct Options {
        LockoutPolicy lockout;
        store::StoreOptions store;
        int idleSeconds = 5 * 60;
    };

    Authenticator(QString databasePath, const Clock& clock, Options options);
    Authenticator(QString databasePath, const Clock& clock)
        : Authenticator(std::move(databasePath), clock, Options{})
    {}

    /// Creates a new outlet database, its slot file and the first (admin) account. Refuses to overwrite either
    /// file. `recoveryPublicKey` (HQ's X25519 key, optional) adds a recovery slot.
    static Result<void> initialize(const QString& databasePath, const QString& outletId, const QString& adminName,
                                   const QByteArray& password, const store::KdfParams& kdf, const Clock& clock,
                                   const QByteArray& recoveryPublicKey = {});

    Result<std::unique_ptr<Session>> login(const QString& user, const QByteArray& password);

    /// Checks `user`'s password against their slot (lockout applies, failures are counted and audited) and
    /// returns the account from the open store.
    Result<Account> verify(store::OutletStore& store, const QString& user, const QByteArray& password);

    /// A manager (or admin) approves one action with their own credentials, without logging the clerk out.
    /// Audited as "override" (or "override_refused") with the action and the clerk it was for.
    Result<Account> approveOverride(store::OutletStore& store, const QString& manager, const QByteArray& password,
                                    const QString& action, const QString& forClerk, const QString& recordUuid = {});

    /// Adds an account (a manager adds clerks; an admin adds anyone). New slot, new account key.
    Result<void> addAccount(Session& actor, const QString& name, const QString& displayName, Role role,
                            const QByteArray& password, const store::KdfParams& kdf = store::KdfParams::production());
    /// Changes the session's own password: rewraps only that account's slot.
    Result<void> changePassword(Session& session, const QByteArray& oldPassword, const QByteArray& newPassword,
                                const store::KdfParams& kdf = store::KdfParams::production());
    /// Disables an account and removes its slot (it can no longer unlock the database).
    Result<void> disableAccount(Session& actor, const QString& name);

    QString databasePath() const { return m_databasePath; }
    const Clock& clock() const { return m_clock; }

private:
    /// Unwraps the account key, applying and updating the lockout. Does not touch the database.
    Result<QByteArray> unlockAccountKey(const store::KeySlotFile& slotFile, const QString& user,
                                        const QByteArray& password);
    Result<void> auditFailures(store::OutletStore& store);

    QString m_databasePath;
    const Clock& m_clock;
    Options m_options;
    LockoutStore m_lockout;
};

} // namespace shiming::auth
