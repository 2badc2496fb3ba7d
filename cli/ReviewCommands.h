#pragma once

#include "cli/CommandLine.h"

namespace shiming::cli {

/// `shimingctl review spotcheck`: the duty manager's daily spot check (core/outlet/SpotChecks).
QList<Command> reviewCommands();

} // namespace shiming::cli
