#pragma once

#include "core/cli/CommandLine.h"

namespace shiming::report {

/// shimingctl commands that need Qt Gui (the PDF): `report daily`. shimingctl runs `report` under a
/// QGuiApplication (offscreen platform by default).
QList<cli::Command> widgetCommands();

} // namespace shiming::report
