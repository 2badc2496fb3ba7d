#include "core/cli/CoreCommands.h"

#include "core/auth/OutletCommands.h"
#include "core/face/FaceCommands.h"
#include "core/identity/IdentityCommands.h"

namespace shiming::cli {

QList<Command> coreCommands()
{
    QList<Command> commands;
    // Each feature appends its commands here: commands += identityCommands(); ...
    commands += identityCommands();
    commands += face::faceCommands();
    commands += auth::outletCommands();
    return commands;
}

} // namespace shiming::cli
