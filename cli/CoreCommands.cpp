#include "cli/CoreCommands.h"

#include "cli/FaceCommands.h"
#include "cli/IdentityCommands.h"
#include "cli/OutletCommands.h"
#include "cli/ReaderCommands.h"
#include "cli/ReviewCommands.h"
#include "cli/SyncCommands.h"

namespace shiming::cli {

QList<Command> coreCommands()
{
    QList<Command> commands;
    commands += identityCommands();
    commands += readerCommands();
    commands += faceCommands();
    commands += outletCommands();
    commands += syncCommands();
    commands += reviewCommands();
    return commands;
}

} // namespace shiming::cli
