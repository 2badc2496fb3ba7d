// shiming-hq: the headquarters ingest service and its administration commands.
#include "cli/CommandLine.h"
#include "hq/HqCommands.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("shiming-hq"));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return shiming::cli::runCommandLine(shiming::hq::hqCommands(), args, shiming::cli::processIo(),
                                        QStringLiteral("shiming-hq"));
}
