// shimingctl: support staff's and our checks' command line on the same core as the counter app.
#include "cli/CommandLine.h"
#include "cli/CoreCommands.h"
#include "cli/ReportCommands.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstring>
#include <memory>

int main(int argc, char* argv[])
{
    // `report` draws a PDF, which needs Qt Gui: only that command gets a QGuiApplication (offscreen unless the
    // caller chose a platform); every other command stays a plain console program.
    const bool gui = argc > 1 && std::strcmp(argv[1], "report") == 0;
    if (gui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application =
        gui ? std::make_unique<QGuiApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication& app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Shiming"));
    QCoreApplication::setApplicationName(QStringLiteral("shiming"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHIMING_VERSION));

    QList<shiming::cli::Command> commands = shiming::cli::coreCommands();
    commands += shiming::cli::reportCommands();
    return shiming::cli::runCommandLine(commands, app.arguments().mid(1), shiming::cli::processIo());
}
