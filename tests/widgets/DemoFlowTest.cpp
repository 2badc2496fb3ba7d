#include "WidgetFixture.h"

#include "core/auth/Authenticator.h"
#include "core/auth/Session.h"
#include "core/outlet/AccountGate.h"
#include "core/reader/IdCardReader.h"
#include "core/registration/RegistrationSession.h"
#include "core/store/OutletStore.h"
#include "widgets/MainWindow.h"
#include "widgets/login/LoginScreen.h"
#include "widgets/registration/AgreementViewer.h"
#include "widgets/registration/DemoEnvironment.h"
#include "widgets/registration/RegistrationWizard.h"
#include "widgets/registration/SignaturePad.h"

#include <QElapsedTimer>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QMap>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::registration;
using namespace shiming::testing;

// The demo configuration as `shiming --demo` builds it (real SQLCipher store, reader simulator on a pty read
// by the GA 467 reader, demo camera, face models when installed), driven offscreen by keyboard like a clerk.
// Counts the clerk's actions (keys outside text fields and clicks) for one individual registration.
TEST_CASE("Demo mode: an individual registration from login to the record in the database", "[widgets][slow]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    SystemClock clock;
    auto demo = startDemo(dir, clock, true);
    // Dialogs never appear in a test.
    demo->context().confirm = [](const QString&) {
        return true;
    };

    auto services = MainWindowServices::of(demo->outlet(), clock);
    services.demoAccounts = demo->accountsText();
    MainWindow window(services);
    window.show();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    CHECK(findChild<QWidget>(&window, u"demoAccountsLabel"_s)->isVisible());

    int actions = 0; // keys outside text fields and clicks
    auto key = [&](Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier) {
        ++actions;
        pressKey(&window, k, m);
    };

    // Sign in: typing in the two fields; Enter in the password field is part of typing.
    auto* account = findChild<QLineEdit>(&window, u"accountEdit"_s);
    REQUIRE(account->hasFocus());
    QTest::keyClicks(account, DemoEnvironment::demoClerk());
    QTest::keyClick(account, Qt::Key_Return);
    auto* password = findChild<QLineEdit>(&window, u"passwordEdit"_s);
    QTest::keyClicks(password, QString::fromLatin1(DemoEnvironment::demoClerkPassword()));
    QTest::keyClick(password, Qt::Key_Return);
    RegistrationWizard* wizard = window.wizard();
    REQUIRE(QTest::qWaitFor([&] { return wizard->isVisible() && wizard->session(); }, 10000));
    RegistrationSession* session = wizard->session();

    // 1. Individual is preselected: Enter.
    key(Qt::Key_Return);
    REQUIRE(session->step() == SessionStep::Documents);

    // 2. The customer places the card (not a clerk action); the form fills and moves on by itself. The first
    //    demo card (by file name) carries a name with the middle dot, which must survive exactly.
    QElapsedTimer cardTimer;
    cardTimer.start();
    QDateTime readAt;
    QDateTime filledAt;
    QObject::connect(demo->context().reader, &reader::IdCardReader::cardRead, &window,
                     [&](const reader::CardReadout& readout) { readAt = readout.readAt; });
    QObject::connect(session, &RegistrationSession::stepChanged, &window, [&](SessionStep step) {
        if (step == SessionStep::Face)
            filledAt = QDateTime::currentDateTime();
    });
    demo->placeCard();
    REQUIRE(QTest::qWaitFor([&] { return session->step() == SessionStep::Face; }, 10000));
    // Placed to filled includes the reader's own time (polling every 300 ms, the read at 115200 baud); the
    // application's share is from the reader's readout to the filled form.
    std::printf("demo_card_placed_to_form_filled_ms %lld\n", static_cast<long long>(cardTimer.elapsed()));
    std::printf("demo_readout_to_form_filled_ms %lld\n", static_cast<long long>(readAt.msecsTo(filledAt)));
    CHECK(session->person(DocumentRole::Customer)->document.name == u"阿依古丽·买买提"_s);
    // The chip photo as a WLT decoder delivers it: a 102×126 colour BMP (the demo cards' colour photo block).
    QImage chip;
    REQUIRE(chip.loadFromData(session->person(DocumentRole::Customer)->photo));
    CHECK(chip.size() == QSize(102, 126));
    CHECK_FALSE(chip.allGray());

    // 3. Capture. With the models installed the demo photo is compared for real; a review takes the manager.
    QTest::qWait(200); // let the preview show a frame (not a wait for a result)
    key(Qt::Key_F5);
    const SessionFace* face = session->face(DocumentRole::Customer);
    REQUIRE(face != nullptr);
    std::printf("demo_face_band %s score %.3f\n", qPrintable(faceBandKey(face->evidence.band)), face->evidence.score);
    // With the models installed the demo face matches its card: the step passes without a manager.
    if (demo->context().face->available())
        CHECK(face->evidence.band == FaceBand::Pass);
    if (face->state == FaceState::AwaitingReview) {
        auto* manager = findChild<QLineEdit>(&window, u"managerAccountEdit"_s);
        QTest::keyClicks(manager, DemoEnvironment::demoManager());
        auto* managerPassword = findChild<QLineEdit>(&window, u"managerPasswordEdit"_s);
        managerPassword->setFocus();
        QTest::keyClicks(managerPassword, QString::fromLatin1(DemoEnvironment::demoManagerPassword()));
        QTest::keyClick(managerPassword, Qt::Key_Return);
    }
    while (session->face(DocumentRole::Customer)->state == FaceState::Failed && !session->isStopped())
        key(Qt::Key_F5);
    REQUIRE(session->step() == SessionStep::Package);

    // 4. Package: Down picks the first offer; Enter goes to what is missing, the number list with its first
    //    number highlighted, and Enter takes that number on purpose (the list shows it and its fee); the SIM:
    //    the scanner types the ICCID and Enter (not the clerk's keys).
    key(Qt::Key_Down);
    REQUIRE(session->package() != nullptr);
    key(Qt::Key_Return);
    CHECK(session->number().isEmpty()); // Enter alone never reserves
    auto* numbers = findChild<QListWidget>(&window, u"numberListWidget"_s);
    REQUIRE(numbers->hasFocus());
    REQUIRE(numbers->currentItem() != nullptr);
    const QString highlighted = numbers->currentItem()->data(Qt::UserRole).toString();
    key(Qt::Key_Return);
    REQUIRE(session->number() == highlighted);
    auto* iccid = findChild<QLineEdit>(&window, u"iccidEdit"_s);
    REQUIRE(iccid->hasFocus());
    QTest::keyClicks(iccid, luhnIccid());
    QTest::keyClick(iccid, Qt::Key_Return);
    REQUIRE(session->step() == SessionStep::Agreement);

    // 5. The texts are scrolled to the end with the keys (Ctrl+End in the agreement, which then hands the focus
    //    to the notice; Ctrl+End there), the customer signs, the clerk confirms.
    REQUIRE(findChild<AgreementViewer>(&window, u"agreementViewer"_s)->hasFocus());
    key(Qt::Key_End, Qt::ControlModifier);
    REQUIRE(findChild<AgreementViewer>(&window, u"fraudNoticeViewer"_s)->hasFocus());
    key(Qt::Key_End, Qt::ControlModifier);
    CHECK(session->blocker().reason == Reason::SignatureMissing);
    auto* pad = findChild<SignaturePad>(&window, u"signaturePad"_s);
    QTest::mousePress(pad, Qt::LeftButton, {}, QPoint(30, 60));
    for (int x = 40; x < 300; x += 20)
        QTest::mouseMove(pad, QPoint(x, 50 + (x % 50)));
    QTest::mouseRelease(pad, Qt::LeftButton, {}, QPoint(300, 80));
    key(Qt::Key_K, Qt::ControlModifier);
    key(Qt::Key_Return);
    REQUIRE(session->step() == SessionStep::Summary);

    // 6. Commit, then the next customer.
    QSignalSpy committed(wizard, &RegistrationWizard::registrationCommitted);
    key(Qt::Key_Return);
    REQUIRE(committed.count() == 1);
    const auto record = committed.first().first().value<Registration>();
    key(Qt::Key_Return);
    CHECK(wizard->session() != session);
    std::printf("demo_clerk_actions %d\n", actions);
    CHECK(actions <= 12);

    // The record is in the encrypted database: sign in afresh and load it.
    demo->gate().logout();
    auth::Authenticator authenticator(demo->databasePath(), clock);
    auto manager = authenticator.login(DemoEnvironment::demoManager(), DemoEnvironment::demoManagerPassword());
    REQUIRE(manager.has_value());
    auto stored = (*manager)->store().registrations().load(record.uuid);
    REQUIRE(stored.has_value());
    CHECK(stored->customer()->document.name == u"阿依古丽·买买提"_s);
    CHECK(stored->clerk == DemoEnvironment::demoClerk());
    CHECK(stored->number == record.number);
    CHECK(stored->iccid == luhnIccid());
    CHECK(stored->mediaOfKind(MediaItem::Kind::Signature).size() == 1);
    CHECK(stored->mediaOfKind(MediaItem::Kind::LivePhoto).size() == 1);
}

// The demo customers, one after another: the shared card photo passes, one customer stands in poor light (her own
// camera frames) and goes to manual review, one carries another person's photo and fails. With the face models.
TEST_CASE("Demo mode: the demo customers show every face band", "[widgets][slow]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    SystemClock clock;
    auto demo = startDemo(dir, clock, true);
    REQUIRE(demo->context().face != nullptr);
    REQUIRE(demo->context().face->available()); // the test command installs the pinned models
    demo->context().confirm = [](const QString&) {
        return true;
    };
    REQUIRE(demo->gate().login(DemoEnvironment::demoClerk(), DemoEnvironment::demoClerkPassword()));
    RegistrationWizard wizard(demo->context());
    wizard.resize(1280, 720);
    wizard.show();
    wizard.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&wizard));
    wizard.startNew();

    QMap<QString, FaceBand> bands;
    for (int customer = 0; customer < 5; ++customer) {
        RegistrationSession* session = wizard.session();
        REQUIRE(session->step() == SessionStep::CustomerType);
        pressKey(&wizard, Qt::Key_Return);
        if (customer == 0)
            demo->placeCard();
        else
            demo->placeNextCard();
        REQUIRE(QTest::qWaitFor([&] { return session->step() == SessionStep::Face; }, 10000));
        QTest::qWait(300); // the preview shows frames of whoever is at the counter
        pressKey(&wizard, Qt::Key_F5);
        const SessionFace* face = session->face(DocumentRole::Customer);
        REQUIRE(face != nullptr);
        const QString name = session->person(DocumentRole::Customer)->document.name;
        std::printf("demo_customer %s band %s score %.3f\n", qPrintable(name),
                    qPrintable(faceBandKey(face->evidence.band)), face->evidence.score);
        bands.insert(name, face->evidence.band);
        REQUIRE(wizard.cancelWithConfirmation());
        demo->liftCard();
        QTest::qWait(800); // the reader notices the card is gone
    }
    CHECK(bands.value(u"阿依古丽·买买提"_s) == FaceBand::Pass);
    CHECK(bands.value(u"李娜"_s) == FaceBand::ManualReview);
    CHECK(bands.value(u"王芳"_s) == FaceBand::Fail);
}
