#pragma once

#include "cli/CommandLine.h"

namespace shiming::cli {

/// shimingctl commands that need Qt Gui (the PDF): `report daily`. shimingctl runs `report` under a
/// QGuiApplication (offscreen platform by default).
QList<Command> reportCommands();

} // namespace shiming::cli
