// shimingctl: support staff's and our checks' command line on the same core as the counter app.
#include "core/cli/CommandLine.h"
#include "core/cli/CoreCommands.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Shiming"));
    QCoreApplication::setApplicationName(QStringLiteral("shiming"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHIMING_VERSION));

    QList<shiming::cli::Command> commands = shiming::cli::coreCommands();
    return shiming::cli::runCommandLine(commands, app.arguments().mid(1), shiming::cli::processIo());
}
