// The one Catch2 main for every test executable: an offscreen QApplication (widgets only on this thread),
// QStandardPaths in test mode so that no test touches the user's real data, then Catch::Session.
#define CATCH_CONFIG_RUNNER
#include "support/CatchQt.h"

#include <QApplication>
#include <QStandardPaths>

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Shiming"));
    QApplication::setApplicationName(QStringLiteral("shiming-tests"));
    QStandardPaths::setTestModeEnabled(true);
    return Catch::Session().run(argc, argv);
}
