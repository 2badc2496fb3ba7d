// The counter in Chinese: every text on the clerk's and the manager's screens that the zh_CN catalogue
// translates must appear translated. A translation filed under another context than the one the code asks
// for at run time (e.g. "SummaryPage" instead of "shiming::SummaryPage") silently shows English; this test
// finds such texts on the real windows.
#include "ManagerDialog.h"
#include "WidgetFixture.h"

#include "core/face/ActiveLivenessCheck.h"
#include "core/face/FaceIssue.h"
#include "core/outlet/ClerkText.h"
#include "widgets/CounterWindowHost.h"
#include "widgets/MainWindow.h"
#include "widgets/common/FileDialogs.h"
#include "widgets/common/Localization.h"
#include "widgets/registration/DemoEnvironment.h"
#include "widgets/registration/RegistrationWizard.h"
#include "widgets/setup/SetupWizard.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRadioButton>
#include <QSet>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

// Source texts the zh_CN catalogue translates into something else than themselves (finished, not plural).
QSet<QString> translatedSources()
{
    QFile file(QStringLiteral(SHIMING_TRANSLATIONS_DIR "/shiming_zh_CN.ts"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    QSet<QString> sources;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"message") {
            source.clear();
            if (xml.attributes().value(u"numerus"_s) == u"yes"_s)
                xml.skipCurrentElement();
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            const bool unfinished = xml.attributes().hasAttribute(u"type"_s);
            const QString translation = xml.readElementText();
            if (!unfinished && !translation.isEmpty() && translation != source)
                sources.insert(source);
        }
    }
    INFO(xml.errorString().toStdString() << " at line " << xml.lineNumber());
    REQUIRE_FALSE(xml.hasError());
    return sources;
}

// Every text a widget tree shows or offers: labels, buttons, group titles, placeholders, tool tips, window
// titles, tabs, list items, column headers and actions (menus).
QStringList shownTexts(QWidget* root)
{
    QStringList texts;
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* widget : widgets) {
        texts << widget->windowTitle() << widget->toolTip();
        if (auto* label = qobject_cast<QLabel*>(widget))
            texts << label->text();
        if (auto* button = qobject_cast<QAbstractButton*>(widget))
            texts << button->text();
        if (auto* group = qobject_cast<QGroupBox*>(widget))
            texts << group->title();
        if (auto* edit = qobject_cast<QLineEdit*>(widget))
            texts << edit->placeholderText();
        if (auto* tabs = qobject_cast<QTabWidget*>(widget))
            for (int i = 0; i < tabs->count(); ++i)
                texts << tabs->tabText(i);
        if (auto* list = qobject_cast<QListWidget*>(widget))
            for (int i = 0; i < list->count(); ++i)
                texts << list->item(i)->text();
        if (auto* view = qobject_cast<QAbstractItemView*>(widget); view && view->model())
            for (int column = 0; column < view->model()->columnCount(); ++column)
                texts << view->model()->headerData(column, Qt::Horizontal).toString();
    }
    for (QAction* action : root->findChildren<QAction*>())
        texts << action->text() << action->toolTip();
    texts.removeAll(QString());
    return texts;
}

QStringList untranslated(QWidget* root, const QSet<QString>& sources)
{
    QStringList english;
    for (const QString& text : shownTexts(root))
        if (sources.contains(text) && !english.contains(text))
            english << text;
    return english;
}

// Installs the zh_CN catalogue the app ships (:/i18n) for the scope.
struct ChineseCatalogue {
    QTranslator translator;
    ChineseCatalogue()
    {
        REQUIRE(translator.load(QLocale(QLocale::Chinese, QLocale::China), u"shiming"_s, u"_"_s, u":/i18n"_s));
        REQUIRE(QCoreApplication::installTranslator(&translator));
    }
    ~ChineseCatalogue() { QCoreApplication::removeTranslator(&translator); }
};

} // namespace

TEST_CASE("Chinese screens: every reason, face hint and liveness request the clerk sees is translated", "[widgets]")
{
    const QSet<QString> sources = translatedSources();
    ChineseCatalogue chinese;
    QStringList english;
    for (int i = int(Reason::Unspecified) + 1; i <= int(Reason::DatabaseDamaged); ++i) {
        const auto reason = Reason(i);
        if (reason == Reason::SessionCancelled || reason == Reason::SessionDone)
            continue;
        const QString text = ClerkText::of(Cause{reason, u"guardian"_s, 5});
        INFO(reasonName(reason).toStdString());
        CHECK_FALSE(text.isEmpty());
        CHECK_FALSE(text.contains(reasonName(reason))); // never the machine name
        const bool chinese = std::any_of(text.cbegin(), text.cend(),
                                         [](QChar ch) { return ch.unicode() >= 0x4E00 && ch.unicode() <= 0x9FFF; });
        if (!chinese || sources.contains(text))
            english << text;
    }
    for (auto challenge :
         {face::LivenessChallenge::Blink, face::LivenessChallenge::TurnLeft, face::LivenessChallenge::TurnRight}) {
        const QString text = face::ActiveLivenessCheck::instruction(challenge);
        CHECK_FALSE(text.isEmpty());
        if (sources.contains(text))
            english << text;
    }
    CHECK(english == QStringList());
    // And they are in the catalogue at all: without the translator they are English and differ.
    QCoreApplication::removeTranslator(&chinese.translator);
    CHECK(sources.contains(ClerkText::of(Cause{Reason::NoFace})));
    REQUIRE(QCoreApplication::installTranslator(&chinese.translator));
}

TEST_CASE("Chinese screens: every text the catalogue translates is shown in Chinese", "[widgets]")
{
    const QSet<QString> sources = translatedSources();
    REQUIRE(sources.size() > 300);
    ChineseCatalogue chinese;

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    SystemClock clock;
    auto demo = startDemo(dir, clock, false);
    auto services = MainWindowServices::of(demo->outlet(), clock);
    services.demoAccounts = demo->accountsText();
    MainWindow window(services);
    window.show();

    // The login screen, then the counter with every step page built (the wizard holds them all).
    CHECK(untranslated(&window, sources) == QStringList());
    auto* account = findChild<QLineEdit>(&window, u"accountEdit"_s);
    QTest::keyClicks(account, DemoEnvironment::demoClerk());
    auto* password = findChild<QLineEdit>(&window, u"passwordEdit"_s);
    QTest::keyClicks(password, QString::fromLatin1(DemoEnvironment::demoClerkPassword()));
    QTest::keyClick(password, Qt::Key_Return);
    REQUIRE(QTest::qWaitFor([&] { return window.wizard()->isVisible() && window.wizard()->session(); }, 10000));
    CHECK(untranslated(&window, sources) == QStringList());

    // The store manager's window, opened from the counter with the manager's credentials.
    auto* action = window.findChild<QAction*>(u"managerReviewAction"_s);
    REQUIRE(action);
    auto manager = std::make_shared<Answer>();
    answerManagerDialog(DemoEnvironment::demoManager(), DemoEnvironment::demoManagerPassword(), manager);
    action->trigger();
    REQUIRE(QTest::qWaitFor([] { return openManagerWindows() == 1; }, 5000));
    CHECK(QTest::qWaitFor([&] { return manager->finished; }, 10000));
    CHECK(untranslated(managerWindows().first(), sources) == QStringList());
    for (review::ManagerWindow* managerWindow : managerWindows())
        delete managerWindow;
}

TEST_CASE("Chinese screens: the first-run setup, on every page and in its refusals", "[widgets]")
{
    const QSet<QString> sources = translatedSources();
    ChineseCatalogue chinese;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    SystemClock clock;
    SetupWizardOptions options;
    options.clock = &clock;
    options.configPath = dir.filePath(u"outlet.ini"_s);
    options.databasePath = dir.filePath(u"outlet.db"_s);
    options.serialPorts = [] {
        return QStringList();
    };
    options.cameras = [] {
        return QList<VideoDevice>();
    };
    options.modelDirs = {dir.filePath(u"no-models"_s)};
    SetupWizard wizard(options);
    wizard.show();
    CHECK(untranslated(&wizard, sources) == QStringList());
    // Each page once refused (its error shown), then answered.
    auto next = [&] {
        wizard.button(QWizard::NextButton)->click();
        CHECK(untranslated(&wizard, sources) == QStringList());
    };
    findChild<QLineEdit>(&wizard, u"outletIdEdit"_s)->setText(u"GD SZ"_s);
    next();
    findChild<QLineEdit>(&wizard, u"outletIdEdit"_s)->setText(u"GD-SZ-0042"_s);
    next();
    REQUIRE(wizard.currentId() == SetupWizard::AdminPageId);
    findChild<QLineEdit>(&wizard, u"adminPasswordEdit"_s)->setText(u"Counter-2026!"_s);
    next();
    findChild<QLineEdit>(&wizard, u"adminRepeatEdit"_s)->setText(u"Counter-2026!"_s);
    next();
    REQUIRE(wizard.currentId() == SetupWizard::HqPageId);
    next();
    findChild<QRadioButton>(&wizard, u"offlineRadio"_s)->setChecked(true);
    next();
    REQUIRE(wizard.currentId() == SetupWizard::ReaderPageId);
    next(); // no port found: "Other port" is chosen and empty
    auto* ports = findChild<QComboBox>(&wizard, u"portCombo"_s);
    ports->setCurrentIndex(ports->findData(QString()));
    next();
    REQUIRE(wizard.currentId() == SetupWizard::CameraPageId);
    next();
    next();
    REQUIRE(wizard.currentId() == SetupWizard::SummaryPageId);
}

TEST_CASE("Chinese screens: Qt's own dialogs (file dialog, message box buttons) are in Chinese", "[widgets]")
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    REQUIRE(app);
    const QList<QTranslator*> before = app->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly);
    const QLocale locale;
    const QFont font = QApplication::font();
    installTranslations(*app, QLocale(QLocale::Chinese, QLocale::China));
    // The dialog the clerk uses to attach a scan: Qt's own, whatever the desktop offers, so in Chinese.
    QStringList texts;
    bool native = true;
    QTimer::singleShot(0, [&] {
        QTimer::singleShot(100, [&] {
            auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            REQUIRE(dialog);
            native = !dialog->testOption(QFileDialog::DontUseNativeDialog);
            for (QLabel* label : dialog->findChildren<QLabel*>())
                texts << label->text();
            for (QAbstractButton* button : dialog->findChildren<QAbstractButton*>())
                texts << button->text();
            dialog->reject();
        });
    });
    CHECK(openFileName(nullptr, u"scan"_s, u"Scans (*.jpg)"_s).isEmpty());
    texts.removeAll(QString());
    INFO(texts.join(u" | "_s).toStdString());
    CHECK_FALSE(native);
    CHECK(texts.contains(u"查找范围："_s));
    CHECK_FALSE(texts.contains(u"Look in:"_s));
    CHECK(QCoreApplication::translate("QPlatformTheme", "Cancel") == u"取消"_s);
    for (QTranslator* translator : app->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly))
        if (!before.contains(translator))
            delete translator; // uninstalls it
    QLocale::setDefault(locale);
    QApplication::setFont(font);
}

TEST_CASE("Language: switched while signed out, the window is built again in it and kept for the next start",
          "[widgets]")
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    REQUIRE(app);
    const QList<QTranslator*> before = app->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly);
    const QLocale locale;
    const QFont font = QApplication::font();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QSettings settings(dir.filePath(u"shiming.conf"_s), QSettings::IniFormat);
    installTranslations(*app, QLocale(QLocale::Chinese, QLocale::China));

    WidgetFixture fixture;
    MainWindowServices services;
    services.clock = &fixture.clock;
    services.gate = &fixture.gate;
    services.registration = &fixture.context;
    services.outletId = u"outlet-test"_s;
    int built = 0;
    CounterWindowHost host(*app, settings, [&] {
        ++built;
        return std::make_unique<MainWindow>(services);
    });
    host.window()->show();
    auto actionText = [&](const QString& name) {
        auto* action = host.window()->findChild<QAction*>(name);
        REQUIRE(action);
        return action->text();
    };
    CHECK(actionText(u"largeTextAction"_s) != u"&Large text for elderly customers"_s);
    CHECK(host.window()->findChild<QAction*>(u"chineseLanguageAction"_s)->isChecked());

    host.window()->findChild<QAction*>(u"englishLanguageAction"_s)->trigger();
    REQUIRE(QTest::qWaitFor([&] { return built == 2; }, 5000));
    CHECK(actionText(u"largeTextAction"_s) == u"&Large text for elderly customers"_s);
    CHECK(host.window()->findChild<QAction*>(u"englishLanguageAction"_s)->isChecked());
    CHECK(host.window()->isVisible());
    CHECK(settings.value(u"ui/language"_s).toString() == u"en"_s);
    if (qEnvironmentVariableIsEmpty("SHIMING_LANG"))
        CHECK(uiLocale(&settings).language() == QLocale::English);
    // Only one catalogue of each kind is installed after a switch.
    int ours = 0;
    for (QTranslator* translator : app->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly))
        ours += translator->objectName() == u"shimingTranslator"_s ? 1 : 0;
    CHECK(ours == 1);

    // Signed in, the language stays: a registration may be under way.
    REQUIRE(fixture.gate.login(u"clerk1"_s, "clerk-pass"));
    host.window()->findChild<QAction*>(u"chineseLanguageAction"_s)->trigger();
    QTest::qWait(50);
    CHECK(built == 2);
    CHECK(actionText(u"largeTextAction"_s) == u"&Large text for elderly customers"_s);
    fixture.gate.logout();

    for (QTranslator* translator : app->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly))
        if (!before.contains(translator))
            delete translator;
    QLocale::setDefault(locale);
    QApplication::setFont(font);
}
