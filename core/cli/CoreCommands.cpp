#include "core/cli/CoreCommands.h"

namespace shiming::cli {

QList<Command> coreCommands()
{
    QList<Command> commands;
    // Each feature appends its commands here: commands += identityCommands(); ...
    return commands;
}

} // namespace shiming::cli
