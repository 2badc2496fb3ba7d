#include "ManagerDialog.h"
#include "WidgetFixture.h"

#include "widgets/MainWindow.h"
#include "widgets/registration/DemoEnvironment.h"
#include "widgets/review/ManagerWindow.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

TEST_CASE("Account > Manager review opens the manager's window for a manager and refuses a clerk", "[widgets]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    SystemClock clock;
    auto demo = startDemo(dir, clock, false);

    auto services = MainWindowServices::of(demo->outlet(), clock);
    MainWindow window(services);
    window.show();
    auto* action = window.findChild<QAction*>(u"managerReviewAction"_s);
    REQUIRE(action);

    auto clerk = std::make_shared<Answer>();
    answerManagerDialog(DemoEnvironment::demoClerk(), DemoEnvironment::demoClerkPassword(), clerk);
    action->trigger();
    CHECK(QTest::qWaitFor([&] { return clerk->refused; }, 5000));
    CHECK(QTest::qWaitFor([&] { return clerk->finished; }, 10000));
    CHECK(openManagerWindows() == 0);

    auto manager = std::make_shared<Answer>();
    answerManagerDialog(DemoEnvironment::demoManager(), DemoEnvironment::demoManagerPassword(), manager);
    action->trigger();
    CHECK(QTest::qWaitFor([] { return openManagerWindows() == 1; }, 5000));
    CHECK(QTest::qWaitFor([&] { return manager->finished; }, 10000));
    CHECK_FALSE(manager->refused);
    // The manager's window holds a session on the demo database: it goes now, not after the database is gone.
    for (QWidget* widget : QApplication::topLevelWidgets())
        if (qobject_cast<review::ManagerWindow*>(widget))
            delete widget;
}
