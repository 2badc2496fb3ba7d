#pragma once

#include "cli/CommandLine.h"

namespace shiming::cli {

/// The shimingctl commands on Qt Core (all but `report`, which is in shiming_cli_gui). A new command is added here.
QList<Command> coreCommands();

} // namespace shiming::cli
