#pragma once

#include "cli/CommandLine.h"

namespace shiming::cli {

/// `shimingctl sync setup --db PATH --user NAME --password-file F --hq https://HOST:PORT --bundle FILE [--operator C]`
/// `shimingctl sync --db PATH --user NAME --password-file F --once [--json]`
/// `shimingctl sync --db PATH --user NAME --password-file F --status [--json]`
QList<Command> syncCommands();

} // namespace shiming::cli
