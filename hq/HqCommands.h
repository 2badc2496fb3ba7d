#pragma once

#include "cli/CommandLine.h"

namespace shiming::hq {

/// The `shiming-hq` subcommands: init, serve, enroll, stats, revoke, publish, risk-add.
QList<cli::Command> hqCommands();

} // namespace shiming::hq
