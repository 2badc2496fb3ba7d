#pragma once

#include "cli/CommandLine.h"

namespace shiming::cli {

/// `shimingctl reader read|probe`: read one card or ask a reader for its SAM id, on a serial port.
QList<Command> readerCommands();

} // namespace shiming::cli
