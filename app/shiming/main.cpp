// shiming: the counter application.
#include "widgets/MainWindow.h"
#include "widgets/common/Localization.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Shiming"));
    QApplication::setApplicationName(QStringLiteral("shiming"));
    QApplication::setApplicationVersion(QStringLiteral(SHIMING_VERSION));
    shiming::installTranslations(app, shiming::uiLocale());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Real-name registration at the counter"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QApplication::translate("main", "Run with a demo outlet, demo cards and "
                                                                        "a demo camera; no hardware needed."));
    parser.addOption(demoOption);
    parser.process(app);

    shiming::MainWindow window;
    window.show();
    return app.exec();
}
