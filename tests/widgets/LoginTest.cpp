#include "WidgetFixture.h"

#include "widgets/MainWindow.h"
#include "widgets/common/ErrorText.h"
#include "widgets/common/StatusPanel.h"
#include "widgets/login/LockOverlay.h"
#include "widgets/login/LoginScreen.h"
#include "widgets/registration/RegistrationWizard.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>

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
        s.demoAccounts = u"demo: clerk1 / clerk-pass"_s;
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

TEST_CASE("Login: a wrong password says so; the right one opens a fresh registration", "[widgets]")
{
    Window w;
    CHECK(findChild<QLabel>(&w.window, u"demoAccountsLabel"_s)->text().contains(u"clerk1"_s));
    CHECK(findChild<QLineEdit>(&w.window, u"accountEdit"_s)->hasFocus());
    w.signIn(u"clerk1"_s, u"wrong"_s);
    CHECK_FALSE(w.gate.isLoggedIn());
    CHECK(findChild<QLabel>(&w.window, u"loginErrorLabel"_s)->text() == ErrorText::forClerk(Error::wrongKey({})));
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

TEST_CASE("Large text mode scales the counter's screens", "[widgets]")
{
    Window w;
    const qreal before = w.window.wizard()->font().pointSizeF();
    pressKey(&w.window, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(w.window.largeText());
    CHECK(w.window.wizard()->font().pointSizeF() > before * 1.4);
}
