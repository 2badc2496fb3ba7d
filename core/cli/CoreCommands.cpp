#include "core/cli/CoreCommands.h"

namespace shiming::cli {

QList<Command> coreCommands()
{
    QList<Command> commands;
    return commands;
}

} // namespace shiming::cli
