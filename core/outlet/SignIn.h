#pragma once

#include "core/auth/Session.h"
#include "core/common/Error.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace shiming::auth {
class Authenticator;
}

namespace shiming::outlet {

/// The outlet's one password sign-in, for the counter's login screen, the manager's window and shimingctl:
/// the Authenticator checks the password (lockout, audit), and the password is wiped whatever the outcome.
Result<std::unique_ptr<auth::Session>> signIn(auth::Authenticator& authenticator, const QString& user,
                                              QByteArray password);

} // namespace shiming::outlet
