#pragma once

#include "cli/CommandLine.h"
#include "core/common/Error.h"

#include <QJsonObject>

namespace shiming::cli {

/// The largest `--pairs` file read (a line per pair: some hundred thousand pairs).
inline constexpr qint64 kMaxPairsFileBytes = 16 * 1024 * 1024;

/// `shimingctl face compare LIVE ID [--json]` and `shimingctl face compare --pairs FILE [--json]`.
QList<Command> faceCommands();

/// The JSON line printed for a failed comparison: {"decision":"error","error":{"code","message"}}.
QJsonObject comparisonErrorJson(const Error& error);

} // namespace shiming::cli
