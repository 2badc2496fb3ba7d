#pragma once

#include "core/auth/Authenticator.h"
#include "core/auth/Session.h"
#include "core/common/Error.h"
#include "core/store/AccountRepository.h"

namespace shiming::review {

/// What the accounts page may do beyond auth::Authenticator (add, disable): reset a password and change a role.
/// The same rule as the Authenticator: a manager acts on clerks only; an admin on anyone but themselves.
class AccountAdmin {
public:
    AccountAdmin(auth::Session& actor, const store::KdfParams& kdf)
        : m_actor(actor)
        , m_kdf(kdf)
    {}

    /// Every account with its role and state, for the accounts page.
    Result<QList<store::AccountRecord>> accounts();
    /// Gives `name` a new password (their slot is rewrapped; their data-key wraps are kept). Audited.
    Result<void> resetPassword(const QString& name, const QByteArray& newPassword);
    /// Changes `name`'s role. Audited.
    Result<void> changeRole(const QString& name, auth::Role role);

private:
    Result<auth::Role> checkTarget(const QString& name);

    auth::Session& m_actor;
    store::KdfParams m_kdf;
};

} // namespace shiming::review
