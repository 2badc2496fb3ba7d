#pragma once

#include "core/cli/CommandLine.h"

namespace shiming::reader {

/// `shimingctl reader read|probe`: read one card or ask a reader for its SAM id, on a serial port.
QList<cli::Command> readerCommands();

} // namespace shiming::reader
