#pragma once

#include "core/cli/CommandLine.h"

namespace shiming::auth {

/// shimingctl commands on the outlet database: `db init|check|rekey|export|add-user|purge`, `demo seed`,
/// `audit verify`. Every command takes --db PATH; those that unlock take --user NAME and read the password
/// from stdin or --password-file, never from the command line.
QList<cli::Command> outletCommands();

} // namespace shiming::auth
