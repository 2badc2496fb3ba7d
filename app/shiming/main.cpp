// shiming: the counter application. The composition root: builds the services and shows the first window.
#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/common/Paths.h"
#include "core/outlet/ClerkText.h"
#include "core/outlet/OutletConfig.h"
#include "widgets/CounterWindowHost.h"
#include "widgets/MainWindow.h"
#include "widgets/common/Localization.h"
#include "widgets/outlet/OutletEnvironment.h"
#include "widgets/registration/DemoEnvironment.h"
#include "widgets/registration/DemoTour.h"
#include "widgets/setup/SetupWizard.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
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
    // Only the language the clerk chose is kept here (no personal data in settings).
    QSettings settings;
    shiming::installTranslations(app, shiming::uiLocale(&settings));

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
    const QCommandLineOption configOption(u"config"_s,
                                          QApplication::translate("main", "The outlet configuration file (default: "
                                                                          "outlet.ini in the configuration folders)."),
                                          u"FILE"_s);
    parser.addOption(configOption);
    parser.addOption(demoOption);
    parser.addOption(timingOption);
    parser.addOption(screenshotsOption);
    parser.process(app);

    shiming::SystemClock clock;
    // The first screen shown ("login", "setup" or "first_run") and how long it took to get there.
    auto printStartupTime = [&](const char* screen) {
        QTimer::singleShot(0, &app, [&, screen] {
            std::printf("startup_screen %s\n", screen);
            std::printf("startup_to_login_ms %lld\n", static_cast<long long>(startup.elapsed()));
            std::fflush(stdout);
            QApplication::exit(0); // not quit(): that asks every window to close, and the setup asks first
        });
    };
    if (!parser.isSet(demoOption)) {
        // A deployed counter: its outlet configuration names the database, the reader, the camera and the models.
        // Without one the setup wizard makes one; with one that does not work the first-run screen says why.
        QString configPath = parser.isSet(configOption) ? parser.value(configOption) : shiming::OutletConfig::locate();
        if (configPath.isEmpty() || (parser.isSet(configOption) && !QFileInfo::exists(configPath))) {
            shiming::SetupWizardOptions setupOptions;
            setupOptions.clock = &clock;
            setupOptions.configPath = parser.isSet(configOption) ? parser.value(configOption) : QString();
            shiming::SetupWizard wizard(setupOptions);
            if (parser.isSet(timingOption)) {
                wizard.show();
                printStartupTime("setup");
                return app.exec();
            }
            if (wizard.exec() != QDialog::Accepted)
                return 0; // cancelled: nothing was written
            configPath = wizard.configPath();
        }
        shiming::FirstRunInfo firstRun;
        firstRun.lookedAt =
            parser.isSet(configOption)
                ? QStringList{configPath}
                : QStringList{u"$SHIMING_CONFIG"_s,
                              QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/outlet.ini"_s,
                              shiming::OutletConfig::systemPath()};
        firstRun.examplePath = shiming::OutletConfig::systemPath();
        std::unique_ptr<shiming::OutletEnvironment> outlet;
        if (!configPath.isEmpty()) {
            auto config = shiming::OutletConfig::load(configPath);
            if (!config) {
                qCCritical(lcUi) << "outlet configuration unusable:" << config.error().detail;
                firstRun.problem = QApplication::translate("main", "The configuration %1 cannot be used: %2")
                                       .arg(configPath, config.error().detail);
            } else if (auto made = shiming::OutletEnvironment::create(*config, clock); !made) {
                qCCritical(lcUi) << "counter cannot start:" << made.error().detail;
                firstRun.problem =
                    QApplication::translate("main", "The counter cannot start with %1: %2")
                        .arg(configPath, shiming::ClerkText::of(made.error()) + u" ("_s + made.error().detail + u')');
            } else {
                outlet = std::move(*made);
            }
        }
        if (!outlet) {
            shiming::MainWindow window(firstRun);
            window.show();
            if (parser.isSet(timingOption))
                printStartupTime("first_run");
            return app.exec();
        }
        shiming::CounterWindowHost host(app, settings, [&] {
            return std::make_unique<shiming::MainWindow>(shiming::MainWindowServices::of(*outlet, clock));
        });
        host.window()->show();
        if (parser.isSet(timingOption))
            printStartupTime("login");
        return app.exec();
    }

    shiming::DemoEnvironment::Options options;
    options.dataDir = shiming::paths::appDataDir() + u"/demo"_s;
    options.demoDir = shiming::DemoEnvironment::defaultDemoDir();
    auto demo = shiming::DemoEnvironment::create(options, clock);
    if (!demo) {
        qCCritical(lcUi) << "demo mode cannot start:" << demo.error().detail;
        QMessageBox::critical(nullptr, QApplication::translate("main", "Demo mode"),
                              shiming::ClerkText::of(demo.error()));
        return 1;
    }
    auto services = shiming::MainWindowServices::of((*demo)->outlet(), clock);
    services.demoAccounts = (*demo)->accountsText();
    shiming::CounterWindowHost host(app, settings, [&] { return std::make_unique<shiming::MainWindow>(services); });
    host.window()->show();
    if (parser.isSet(screenshotsOption)) {
        const int written = shiming::runDemoTour(*host.window(), **demo, parser.value(screenshotsOption));
        std::printf("screenshots %d\n", written);
        return written > 0 ? 0 : 1;
    }
    if (parser.isSet(timingOption))
        printStartupTime("login");
    return app.exec();
}
