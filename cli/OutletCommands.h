#pragma once

#include "cli/CommandLine.h"

namespace shiming::cli {

/// shimingctl commands on the outlet database: `db init|check|rekey|export|add-user|purge`, `demo seed`,
/// `audit verify`. Every command takes --db PATH; those that unlock take --user NAME and read the password
/// from stdin or --password-file, never from the command line.
QList<Command> outletCommands();

} // namespace shiming::cli
