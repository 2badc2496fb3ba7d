// shiming: the counter application. The composition root: builds the services and shows the first window.
#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/common/Paths.h"
#include "widgets/MainWindow.h"
#include "widgets/common/ErrorText.h"
#include "widgets/common/Localization.h"
#include "widgets/registration/DemoEnvironment.h"
#include "widgets/registration/DemoTour.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QElapsedTimer startup;
    startup.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Shiming"));
    QApplication::setApplicationName(QStringLiteral("shiming"));
    QApplication::setApplicationVersion(QStringLiteral(SHIMING_VERSION));
    shiming::installTranslations(app, shiming::uiLocale());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Real-name registration at the counter"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(u"demo"_s,
                                        QApplication::translate("main", "Run with a demo outlet, demo cards and "
                                                                        "a demo camera; no hardware needed."));
    const QCommandLineOption timingOption(u"print-startup-time"_s,
                                          QApplication::translate("main", "Print the time from start to the login "
                                                                          "window (ms) and quit."));
    const QCommandLineOption screenshotsOption(u"screenshots"_s,
                                               QApplication::translate("main", "Demo mode: walk through one "
                                                                               "registration, save a PNG of each "
                                                                               "step into DIR, and quit."),
                                               u"DIR"_s);
    parser.addOption(demoOption);
    parser.addOption(timingOption);
    parser.addOption(screenshotsOption);
    parser.process(app);

    shiming::SystemClock clock;
    if (!parser.isSet(demoOption)) {
        // Without --demo the counter needs its configured outlet database, reader and camera (settings come
        // with the deployment); until then the document check is what runs.
        shiming::MainWindow window;
        window.show();
        return app.exec();
    }

    shiming::DemoEnvironment::Options options;
    options.dataDir = shiming::paths::appDataDir() + u"/demo"_s;
    options.demoDir = shiming::DemoEnvironment::defaultDemoDir();
    auto demo = shiming::DemoEnvironment::create(options, clock);
    if (!demo) {
        qCCritical(lcUi) << "demo mode cannot start:" << demo.error().detail;
        QMessageBox::critical(nullptr, QApplication::translate("main", "Demo mode"),
                              shiming::ErrorText::forClerk(demo.error()));
        return 1;
    }
    shiming::MainWindowServices services;
    services.clock = &clock;
    services.gate = &(*demo)->gate();
    services.registration = &(*demo)->context();
    services.outletId = (*demo)->outletId();
    services.authenticator = &(*demo)->authenticator();
    services.demoAccounts = (*demo)->accountsText();
    shiming::MainWindow window(services);
    window.show();
    if (parser.isSet(screenshotsOption)) {
        const int written = shiming::runDemoTour(window, **demo, parser.value(screenshotsOption));
        std::printf("screenshots %d\n", written);
        return written > 0 ? 0 : 1;
    }
    if (parser.isSet(timingOption)) {
        QTimer::singleShot(0, &app, [&] {
            std::printf("startup_to_login_ms %lld\n", static_cast<long long>(startup.elapsed()));
            std::fflush(stdout);
            app.quit();
        });
    }
    return app.exec();
}
