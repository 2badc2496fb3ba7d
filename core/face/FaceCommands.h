#pragma once

#include "core/cli/CommandLine.h"
#include "core/common/Error.h"

#include <QJsonObject>

namespace shiming::face {

/// `shimingctl face compare LIVE ID [--json]` and `shimingctl face compare --pairs FILE [--json]`.
QList<cli::Command> faceCommands();

/// The JSON line printed for a failed comparison: {"decision":"error","error":{"code","message"}}.
QJsonObject comparisonErrorJson(const Error& error);

} // namespace shiming::face
