#pragma once

#include "core/auth/Account.h"
#include "core/common/Error.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace shiming::auth {
class Authenticator;
class Session;
} // namespace shiming::auth

namespace shiming::outlet {

/// A use case that needs at least a manager: PolicyRefused (English `what`, for logs and support) otherwise.
Result<void> requireManager(const auth::Account& account, QStringView what);

/// Opening the store manager's view on `session`: only a manager or an admin; a clerk is refused. Both outcomes
/// are audited (manager_window_opened / manager_window_refused), the refusal with the role only.
Result<void> openManagerView(auth::Session& session);

/// Signs `user` in for the manager's view with a session of its own (a second connection to the database, so a
/// clerk's session at the counter is untouched; lockout and audit as for any login), then openManagerView().
/// The password is wiped before returning.
Result<std::unique_ptr<auth::Session>> signInForManagerView(auth::Authenticator& authenticator, const QString& user,
                                                            QByteArray password);

} // namespace shiming::outlet
