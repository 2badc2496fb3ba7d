#include "widgets/registration/DemoTour.h"

#include "core/common/Logging.h"
#include "core/outlet/AccountGate.h"
#include "core/registration/RegistrationSession.h"
#include "widgets/MainWindow.h"
#include "widgets/login/LoginScreen.h"
#include "widgets/registration/AgreementViewer.h"
#include "widgets/registration/DemoEnvironment.h"
#include "widgets/registration/FacePage.h"
#include "widgets/registration/RegistrationWizard.h"
#include "widgets/registration/SummaryPage.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QScrollBar>
#include <QTableWidget>

#include <functional>

using namespace Qt::StringLiterals;

namespace shiming {

namespace {

bool waitUntil(const std::function<bool()>& done, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

/// Lets pending paints and timers run for a moment so the picture is complete.
void settle(int ms)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

} // namespace

int runDemoTour(MainWindow& window, DemoEnvironment& demo, const QString& directory)
{
    using namespace registration;
    QDir().mkpath(directory);
    int written = 0;
    auto shoot = [&](const QString& name) {
        settle(300);
        if (window.grab().save(QDir(directory).filePath(name)))
            ++written;
    };
    demo.context().confirm = [](const QString&) {
        return true;
    };

    shoot(u"01-login.png"_s);
    auto login = demo.gate().login(DemoEnvironment::demoClerk(), DemoEnvironment::demoClerkPassword());
    if (!login)
        return written;
    emit window.loginScreen()->loggedIn(*login);
    RegistrationWizard* wizard = window.wizard();
    RegistrationSession* session = wizard->session();
    if (!session)
        return written;
    shoot(u"02-customer-type.png"_s);
    wizard->next();
    shoot(u"03-documents.png"_s);
    demo.placeCard();
    if (!waitUntil([&] { return session->step() == SessionStep::Face; }, 15000))
        return written;
    waitUntil([&] { return false; }, 800); // the preview runs
    shoot(u"04-face-preview.png"_s);
    static_cast<FacePage*>(wizard->page(SessionStep::Face))->capture();
    // A pass moves on to the package by itself; a review or a failure stays on the face step to be shown.
    if (session->step() == SessionStep::Face)
        shoot(u"05-face-result.png"_s);
    if (const SessionFace* f = session->face(DocumentRole::Customer); f && f->state == FaceState::AwaitingReview) {
        auto manager =
            demo.context().approveAsManager(DemoEnvironment::demoManager(), DemoEnvironment::demoManagerPassword());
        if (manager)
            (void)session->approveFaceReview(DocumentRole::Customer, *manager);
        wizard->next();
    }
    if (session->step() != SessionStep::Package)
        return written;
    if (auto* table = window.findChild<QTableWidget*>(u"packageTableWidget"_s))
        table->setCurrentCell(0, 0);
    if (auto* numbers = window.findChild<QListWidget*>(u"numberListWidget"_s))
        numbers->setCurrentRow(0);
    if (auto* iccid = window.findChild<QLineEdit*>(u"iccidEdit"_s))
        iccid->setText(u"8986001234567890120"_s);
    shoot(u"06-package.png"_s);
    (void)session->setIccid(u"8986001234567890120"_s);
    wizard->next();
    for (const QString& name : {u"agreementViewer"_s, u"fraudNoticeViewer"_s}) {
        if (auto* viewer = window.findChild<AgreementViewer*>(name))
            viewer->verticalScrollBar()->setValue(viewer->verticalScrollBar()->maximum());
    }
    QImage signature(600, 200, QImage::Format_ARGB32);
    signature.fill(Qt::transparent);
    {
        QPainter painter(&signature);
        painter.setPen(QPen(Qt::black, 3));
        painter.drawLine(40, 140, 200, 60);
        painter.drawLine(200, 60, 320, 150);
        painter.drawLine(320, 150, 520, 70);
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    signature.save(&buffer, "PNG");
    session->setSignature(png);
    session->setClerkConfirmed(true);
    shoot(u"07-agreement.png"_s);
    wizard->next();
    shoot(u"08-summary.png"_s);
    static_cast<SummaryPage*>(wizard->page(SessionStep::Summary))->commit();
    shoot(u"09-registered.png"_s);
    qCInfo(lcUi) << "demo tour wrote" << written << "screenshots";
    return written;
}

} // namespace shiming
