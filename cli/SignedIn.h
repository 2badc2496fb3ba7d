#pragma once

#include "cli/Options.h"

#include <functional>

namespace shiming {
class Clock;
}

namespace shiming::auth {
class Authenticator;
class Session;
} // namespace shiming::auth

namespace shiming::cli {

/// The value options of every command that opens the outlet database: --db PATH, --user NAME,
/// --password-file FILE. A command adds its own to these.
QStringList signInOptions();

/// Signs in to the outlet database and runs `work` with the session (KeePassXC's DatabaseCommand): reads --db
/// and --user, the password from --password-file or the first line of stdin (never the command line), signs in
/// through auth::Authenticator and wipes the password. A missing --db or --user prints the usage and returns
/// ExitUsage; no password, a wrong one or a locked account prints "error: ..." and returns ExitFailure.
/// Otherwise returns what `work` returns.
int withSignedIn(const Options& options, const Io& io, const Clock& clock,
                 const std::function<int(auth::Session&)>& work);
/// The same, for work that also needs the authenticator that signed in (adding an account).
int withSignedIn(const Options& options, const Io& io, const Clock& clock,
                 const std::function<int(auth::Authenticator&, auth::Session&)>& work);

} // namespace shiming::cli
