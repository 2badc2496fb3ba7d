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

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

// Fills the modal manager sign-in dialog once it is up, then closes whatever modal box follows it.
void answerManagerDialog(const QString& account, const QByteArray& password, bool* sawRefusal)
{
    QTimer::singleShot(0, [=] {
        if (!QTest::qWaitFor([] { return QApplication::activeModalWidget() != nullptr; }, 5000))
            return;
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        if (!dialog || dialog->objectName() != u"managerLoginDialog"_s)
            return;
        dialog->findChild<QLineEdit*>(u"managerAccountEdit"_s)->setText(account);
        dialog->findChild<QLineEdit*>(u"managerPasswordEdit"_s)->setText(QString::fromLatin1(password));
        dialog->accept();
        QTimer::singleShot(0, [=] {
            if (QTest::qWaitFor([] { return qobject_cast<QMessageBox*>(QApplication::activeModalWidget()); }, 3000)) {
                *sawRefusal = true;
                QApplication::activeModalWidget()->close();
            }
        });
    });
}

int openManagerWindows()
{
    int count = 0;
    for (QWidget* widget : QApplication::topLevelWidgets())
        if (qobject_cast<review::ManagerWindow*>(widget) && widget->isVisible())
            ++count;
    return count;
}

} // namespace

TEST_CASE("Account > Manager review opens the manager's window for a manager and refuses a clerk", "[widgets]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    SystemClock clock;
    DemoEnvironment::Options options;
    options.dataDir = dir.filePath(u"demo"_s);
    options.demoDir = QStringLiteral(SHIMING_DEMO_DIR);
    options.startWithoutCard = true;
    options.loadFaceModels = false;
    auto demo = DemoEnvironment::create(options, clock);
    REQUIRE(demo.has_value());

    MainWindowServices services;
    services.clock = &clock;
    services.gate = &(*demo)->gate();
    services.registration = &(*demo)->context();
    services.outletId = (*demo)->outletId();
    services.authenticator = &(*demo)->authenticator();
    MainWindow window(services);
    window.show();
    auto* action = window.findChild<QAction*>(u"managerReviewAction"_s);
    REQUIRE(action);

    bool refused = false;
    answerManagerDialog(DemoEnvironment::demoClerk(), DemoEnvironment::demoClerkPassword(), &refused);
    action->trigger();
    CHECK(QTest::qWaitFor([&] { return refused; }, 5000));
    CHECK(openManagerWindows() == 0);

    refused = false;
    answerManagerDialog(DemoEnvironment::demoManager(), DemoEnvironment::demoManagerPassword(), &refused);
    action->trigger();
    CHECK(QTest::qWaitFor([] { return openManagerWindows() == 1; }, 5000));
    CHECK_FALSE(refused);
    for (QWidget* widget : QApplication::topLevelWidgets())
        if (qobject_cast<review::ManagerWindow*>(widget))
            widget->close();
}
