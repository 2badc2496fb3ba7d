#pragma once

#include "cli/CommandLine.h"

namespace shiming::hq {

/// The `shiming-hq` subcommands: init, serve, enroll, stats, unreadable, findings, revoke, publish,
/// risk-add, lookup, audit.
QList<cli::Command> hqCommands();

} // namespace shiming::hq
