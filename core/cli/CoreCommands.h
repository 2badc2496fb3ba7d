#pragma once

#include "core/cli/CommandLine.h"

namespace shiming::cli {

/// The shimingctl commands that need only shiming_core. Each feature adds its command here.
QList<Command> coreCommands();

} // namespace shiming::cli
