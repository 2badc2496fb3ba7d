#include "WidgetFixture.h"

#include "core/outlet/ClerkText.h"
#include "widgets/MainWindow.h"
#include "widgets/common/StatusPanel.h"
#include "widgets/login/LockOverlay.h"
#include "widgets/login/LoginScreen.h"
#include "widgets/registration/CustomerDisplay.h"
#include "widgets/registration/RegistrationWizard.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTranslator>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

struct Window : WidgetFixture {
    MainWindow window;

    Window()
        : window(services())
    {
        window.show();
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&window));
    }

    MainWindowServices services()
    {
        MainWindowServices s;
        s.clock = &clock;
        s.gate = &gate;
        s.registration = &context;
        s.outletId = u"outlet-test"_s;
        // As long as the demo's own hint, on one line: it must wrap and still show to its end.
        s.demoAccounts = u"Demo mode. Clerk: clerk1 / clerk-pass · Manager: manager1 / manager-pass. The simulated "
                         "reader presents the demo cards one after another; the demo camera plays demo images."_s;
        return s;
    }

    void signIn(const QString& user, const QString& password)
    {
        auto* account = findChild<QLineEdit>(&window, u"accountEdit"_s);
        account->setFocus();
        account->clear();
        QTest::keyClicks(account, user);
        QTest::keyClick(account, Qt::Key_Return);
        auto* pass = findChild<QLineEdit>(&window, u"passwordEdit"_s);
        REQUIRE(pass->hasFocus());
        QTest::keyClicks(pass, password);
        QTest::keyClick(pass, Qt::Key_Return);
    }
};

} // namespace

TEST_CASE("Login: a wrong password says so, the right one opens a fresh registration", "[widgets]")
{
    Window w;
    auto* demo = findChild<QLabel>(&w.window, u"demoAccountsLabel"_s);
    CHECK(demo->text().contains(u"clerk1"_s));
    // The whole hint is visible, down to its last line (the manager's password was cut off).
    QTest::qWait(20);
    CHECK(demo->height() >= demo->heightForWidth(demo->width()));
    CHECK(findChild<QLineEdit>(&w.window, u"accountEdit"_s)->hasFocus());
    w.signIn(u"clerk1"_s, u"wrong"_s);
    CHECK_FALSE(w.gate.isLoggedIn());
    CHECK(findChild<QLabel>(&w.window, u"loginErrorLabel"_s)->text() == ClerkText::of(Error::wrongKey({})));
    CHECK(findChild<QLineEdit>(&w.window, u"passwordEdit"_s)->text().isEmpty());
    w.signIn(u"clerk1"_s, u"clerk-pass"_s);
    REQUIRE(w.gate.isLoggedIn());
    REQUIRE(w.window.wizard()->isVisible());
    REQUIRE(w.window.wizard()->session() != nullptr);
    CHECK(w.context.services.clerk == u"clerk1"_s);
    CHECK(w.window.statusPanel()->findChild<QLabel*>(u"clerkLabel"_s)->text().contains(u"clerk1"_s));
    // The reader's state reaches the status bar.
    w.reader.setStatus(reader::ReaderStatus::NoDevice);
    CHECK(w.window.statusPanel()->readerText().contains(reader::readerStatusText(reader::ReaderStatus::NoDevice)));
}

TEST_CASE("Lock: Ctrl+L covers the screen, the registration in progress survives, only the password unlocks",
          "[widgets]")
{
    Window w;
    w.signIn(u"clerk1"_s, u"clerk-pass"_s);
    REQUIRE(w.gate.isLoggedIn());
    pressKey(&w.window, Qt::Key_Return); // individual → documents
    auto* session = w.window.wizard()->session();
    REQUIRE(session->step() == registration::SessionStep::Documents);
    const int touches = w.gate.touches;
    pressKey(&w.window, Qt::Key_L, Qt::ControlModifier);
    CHECK(w.gate.touches > touches); // keys count as activity for the idle timer
    REQUIRE(w.gate.isLocked());
    CHECK(w.window.lockOverlay()->isVisible());
    auto* unlock = findChild<QLineEdit>(&w.window, u"unlockPasswordEdit"_s);
    CHECK(unlock->hasFocus());
    QTest::keyClicks(unlock, u"nope"_s);
    QTest::keyClick(unlock, Qt::Key_Return);
    CHECK(w.gate.isLocked());
    CHECK_FALSE(findChild<QLabel>(&w.window, u"unlockErrorLabel"_s)->text().isEmpty());
    QTest::keyClicks(unlock, u"clerk-pass"_s);
    QTest::keyClick(unlock, Qt::Key_Return);
    CHECK_FALSE(w.gate.isLocked());
    CHECK_FALSE(w.window.lockOverlay()->isVisible());
    CHECK(w.window.wizard()->session() == session);
    CHECK(session->step() == registration::SessionStep::Documents);
}

TEST_CASE("Lock: while locked no shortcut, menu or close works and nothing underneath is shown", "[widgets]")
{
    Window w;
    w.signIn(u"clerk1"_s, u"clerk-pass"_s);
    pressKey(&w.window, Qt::Key_Return); // individual → documents
    w.reader.place(residentCard(u"𠮷田·阿依古丽"_s, QDate(1990, 5, 1), kToday), chipPhoto());
    auto* customerScreen = w.window.findChild<QAction*>(u"customerScreenAction"_s);
    REQUIRE(customerScreen);
    pressKey(&w.window, Qt::Key_L, Qt::ControlModifier);
    REQUIRE(w.gate.isLocked());

    // A manual lock says so (not "after a pause"); the title has no emoji a counter font may lack.
    CHECK(findChild<QLabel>(&w.window, u"lockAccountLabel"_s)->text() != QString());
    CHECK_FALSE(findChild<QLabel>(&w.window, u"lockAccountLabel"_s)->text().contains(u"pause"_s));
    const QString title = findChild<QLabel>(&w.window, u"lockTitleLabel"_s)->text();
    CHECK(std::none_of(title.cbegin(), title.cend(), [](QChar c) { return c.isSurrogate(); }));

    // The customer screen (name and number), the document check, new registration: none answers.
    QTest::keyClick(&w.window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK_FALSE(w.window.customerDisplay()->isVisible());
    CHECK_FALSE(customerScreen->isEnabled());
    const auto visibleWindows = [] {
        const QWidgetList windows = QApplication::topLevelWidgets();
        return std::count_if(windows.cbegin(), windows.cend(), [](QWidget* widget) { return widget->isVisible(); });
    };
    const auto before = visibleWindows();
    QTest::keyClick(&w.window, Qt::Key_D, Qt::ControlModifier);
    CHECK(visibleWindows() == before);
    CHECK_FALSE(w.window.menuBar()->isEnabled());
    CHECK_FALSE(w.window.wizard()->isEnabled());

    // Closing the window is refused while locked, with the reason on the overlay.
    CHECK_FALSE(w.window.close());
    CHECK(w.window.isVisible());
    CHECK_FALSE(findChild<QLabel>(&w.window, u"unlockErrorLabel"_s)->text().isEmpty());

    // The password gives everything back as it was.
    auto* unlock = findChild<QLineEdit>(&w.window, u"unlockPasswordEdit"_s);
    QTest::keyClicks(unlock, u"clerk-pass"_s);
    QTest::keyClick(unlock, Qt::Key_Return);
    REQUIRE_FALSE(w.gate.isLocked());
    CHECK(customerScreen->isEnabled());
    CHECK(w.window.menuBar()->isEnabled());
    QTest::keyClick(&w.window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(w.window.customerDisplay()->isVisible());
    // The same shortcut closes it again.
    QTest::keyClick(&w.window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK_FALSE(w.window.customerDisplay()->isVisible());

    // Closing with a registration in progress asks first; No keeps everything.
    w.answer = false;
    CHECK_FALSE(w.window.close());
    CHECK(w.questions.size() == 1);
    CHECK(w.window.wizard()->session()->step() == registration::SessionStep::Face);
}

namespace {

// The window at `size`: it takes that size (its minimum does not force it larger) and Next, Back and Cancel are
// inside it, on screen.
void checkFits(MainWindow& window, QSize size)
{
    window.resize(size);
    QTest::qWait(20);
    INFO("window " << window.width() << "x" << window.height() << " for " << size.width() << "x" << size.height());
    CHECK(window.size() == size);
    for (const QString& name : {u"nextButton"_s, u"backButton"_s, u"cancelButton"_s}) {
        auto* button = findChild<QWidget>(&window, name);
        if (!button->isVisible())
            continue;
        const QRect inWindow(button->mapTo(&window, QPoint(0, 0)), button->size());
        INFO(name.toStdString() << " at " << inWindow.bottom());
        CHECK(window.rect().contains(inWindow));
    }
}

} // namespace

TEST_CASE("The counter window fits 1366x768 and works at 1024x600 on every step", "[widgets]")
{
    Window w;
    checkFits(w.window, {1024, 600}); // the login screen
    w.signIn(u"clerk1"_s, u"clerk-pass"_s);
    checkFits(w.window, {1024, 600});
    // A minor with a guardian: two documents on the page.
    pressKey(&w.window, Qt::Key_2);
    pressKey(&w.window, Qt::Key_Return);
    w.reader.place(residentCard(u"小明"_s, kToday.addYears(-12), kToday, 125), chipPhoto());
    checkFits(w.window, {1024, 600});
    checkFits(w.window, {1366, 768});
    w.reader.place(residentCard(u"张父"_s, QDate(1980, 2, 2), kToday, 131), chipPhoto());
    REQUIRE(w.window.wizard()->session()->step() == registration::SessionStep::Face);
    checkFits(w.window, {1024, 600});
    checkFits(w.window, {1366, 768});
    // An organisation: credit code, handler, attachments.
    w.answer = true;
    w.window.wizard()->cancelWithConfirmation();
    pressKey(&w.window, Qt::Key_4);
    pressKey(&w.window, Qt::Key_Return);
    REQUIRE(w.window.wizard()->session()->step() == registration::SessionStep::Documents);
    checkFits(w.window, {1024, 600});
    checkFits(w.window, {1366, 768});
}

TEST_CASE("Large text mode scales the counter's screens", "[widgets]")
{
    Window w;
    const qreal before = w.window.wizard()->font().pointSizeF();
    pressKey(&w.window, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(w.window.largeText());
    CHECK(w.window.wizard()->font().pointSizeF() > before * 1.4);
}

TEST_CASE("Large text switched on at the package step: every price and term still fits its column", "[widgets]")
{
    Window w;
    w.signIn(u"clerk1"_s, u"clerk-pass"_s);
    pressKey(&w.window, Qt::Key_Return);
    w.reader.place(residentCard(u"𠮷田·阿依古丽"_s, QDate(1990, 5, 1), kToday), chipPhoto());
    pressKey(&w.window, Qt::Key_F5);
    REQUIRE(w.window.wizard()->session()->step() == registration::SessionStep::Package);
    pressKey(&w.window, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    REQUIRE(w.window.largeText());
    auto* table = findChild<QTableWidget>(&w.window, u"packageTableWidget"_s);
    const QFontMetrics metrics(table->font());
    for (int row = 0; row < table->rowCount(); ++row) {
        for (int column = 1; column < table->columnCount(); ++column) {
            const QString text = table->item(row, column)->text();
            INFO(text.toStdString());
            CHECK(table->columnWidth(column) >= metrics.horizontalAdvance(text));
        }
    }
}

TEST_CASE("The demo mode's login hint shows to its last line at 1366x768, in English and in Chinese", "[widgets]")
{
    for (const auto& [chinese, large] : {std::pair{false, false}, {true, false}, {false, true}, {true, true}}) {
        INFO((chinese ? "zh_CN" : "en") << (large ? ", large text" : ""));
        QTranslator translator;
        if (chinese) {
            REQUIRE(translator.load(QLocale(QLocale::Chinese, QLocale::China), u"shiming"_s, u"_"_s, u":/i18n"_s));
            REQUIRE(QCoreApplication::installTranslator(&translator));
        }
        QTemporaryDir dir;
        SystemClock clock;
        auto demo = startDemo(dir, clock, false);
        auto services = MainWindowServices::of(demo->outlet(), clock);
        services.demoAccounts = demo->accountsText(); // the real hint: several lines
        MainWindow window(services);
        window.setLargeText(large);
        window.resize(1366, 768);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(20);
        auto* hint = findChild<QLabel>(&window, u"demoAccountsLabel"_s);
        REQUIRE(hint->isVisible());
        // What the text needs at the width it has, inside the label's padding and border, against what it got.
        const QRect inside = hint->contentsRect();
        const QRect needed = hint->fontMetrics().boundingRect(QRect(0, 0, inside.width(), 10000),
                                                              Qt::TextWordWrap | Qt::AlignLeft, hint->text());
        INFO("hint " << hint->width() << "x" << hint->height() << " inside " << inside.width() << "x" << inside.height()
                     << " needs " << needed.height() << " hfw " << hint->heightForWidth(hint->width()));
        CHECK(needed.height() <= inside.height());
        CHECK(window.rect().contains(QRect(hint->mapTo(&window, QPoint(0, 0)), hint->size())));
        if (chinese)
            QCoreApplication::removeTranslator(&translator);
    }
}
