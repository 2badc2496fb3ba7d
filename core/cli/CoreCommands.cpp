#include "core/cli/CoreCommands.h"

#include "core/auth/OutletCommands.h"
#include "core/face/FaceCommands.h"
#include "core/identity/IdentityCommands.h"
#include "core/sync/SyncCommands.h"
#include "core/reader/ReaderCommands.h"

namespace shiming::cli {

QList<Command> coreCommands()
{
    QList<Command> commands;
    // Each feature appends its commands here: commands += identityCommands(); ...
    commands += identityCommands();
    commands += reader::readerCommands();
    commands += face::faceCommands();
    commands += auth::outletCommands();
    commands += sync::syncCommands();
    return commands;
}

} // namespace shiming::cli
