#include "WidgetFixture.h"
#include "support/DamagedPage.h"
#include "support/TestBundle.h"
#include "support/TestFiles.h"

#include "core/auth/Authenticator.h"
#include "core/auth/Session.h"
#include "core/demo/CardFixture.h"
#include "core/demo/DemoData.h"
#include "core/demo/ReaderSimulator.h"
#include "core/face/FakeCamera.h"
#include "core/identity/CheckDigits.h"
#include "core/outlet/AccountGate.h"
#include "core/outlet/AuthAccountGate.h"
#include "core/outlet/ClerkText.h"
#include "core/outlet/OutletConfig.h"
#include "core/outlet/OutletSync.h"
#include "core/outlet/StoreSessionServices.h"
#include "core/protocol/BatchAnswer.h"
#include "core/protocol/CredentialBundle.h"
#include "core/protocol/IdentityHash.h"
#include "core/reader/IdCardReader.h"
#include "core/registration/Policy.h"
#include "core/registration/RegistrationSession.h"
#include "core/store/OutletStore.h"
#include "core/sync/IdentityFigures.h"
#include "core/sync/SyncCredentials.h"
#include "widgets/MainWindow.h"
#include "widgets/common/StatusPanel.h"
#include "widgets/outlet/OutletEnvironment.h"
#include "widgets/registration/RegistrationWizard.h"
#include "widgets/review/ManagerWindow.h"

#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>

#include <functional>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::registration;
using namespace shiming::testing;

namespace {

const QString kOutlet = u"GD-TEST-0042"_s;
const QString kClerk = u"clerk1"_s;
const QByteArray kClerkPassword = "clerk-pass-1";
const QByteArray kAdminPassword = "admin-pass-1";
const QByteArray kIdentityKey = QByteArray(32, '\x5a');

QString demoDir()
{
    return QStringLiteral(SHIMING_DEMO_DIR);
}

/// A real outlet database with an admin and a clerk (weak KDF: the test's passwords are public).
void makeOutletDatabase(const QString& path, const Clock& clock)
{
    const auto kdf = store::KdfParams::weakForTests();
    REQUIRE(auth::Authenticator::initialize(path, kOutlet, u"admin"_s, kAdminPassword, kdf, clock).has_value());
    auth::Authenticator setup(path, clock);
    auto admin = setup.login(u"admin"_s, kAdminPassword);
    REQUIRE(admin.has_value());
    REQUIRE(setup.addAccount(**admin, kClerk, u"营业员一"_s, auth::Role::Clerk, kClerkPassword, kdf).has_value());
}

/// Enrols the outlet with a bundle whose TLS parts are placeholders and an HQ address where nothing listens:
/// every pass fails without reaching HQ (offline), which is what the status bar must then say.
void enrol(store::OutletStore& store)
{
    const protocol::CredentialBundle bundle = placeholderBundle(kOutlet, kIdentityKey);
    REQUIRE(sync::storeCredentials(store, bundle, QUrl(u"https://127.0.0.1:9"_s), u"CMCC"_s).has_value());
}

Registration minimalRecord(const QString& number, const QString& mobile)
{
    Registration r;
    r.clerk = kClerk;
    r.customerType = CustomerType::Individual;
    IdentityDocument customer;
    customer.type = DocumentType::ResidentId;
    customer.name = u"张伟"_s;
    customer.sexCode = u"1"_s;
    customer.nationCode = u"01"_s;
    customer.birthDate = QDate(1988, 3, 12);
    customer.number = number;
    customer.validFrom = QDate(2018, 6, 1);
    customer.validTo = QDate(2038, 6, 1);
    r.documents = {{DocumentRole::Customer, customer}};
    r.packageId = u"pkg"_s;
    r.number = mobile;
    r.iccid = luhnIccid();
    return r;
}

/// A configured counter on a temporary folder: the outlet database, the demo catalogue, the reader simulator
/// on a pty (no card yet) and the configuration file an installer would write.
struct Counter {
    QTemporaryDir dir;
    SystemClock clock;
    std::unique_ptr<reader::PtyReaderSimulator> simulator;
    QString configPath;

    explicit Counter(const QByteArray& extraConfig = {}, const QString& configuredId = kOutlet)
    {
        REQUIRE(dir.isValid());
        makeOutletDatabase(dir.filePath(u"outlet.db"_s), clock);
        reader::SimulatorOptions sim;
        auto card = reader::loadCardFixture(demoDir() + u"/cards/zhang-wei.json"_s);
        REQUIRE(card.has_value());
        sim.cards.append(*card);
        sim.cycle = false;
        sim.startEmpty = true;
        simulator = std::make_unique<reader::PtyReaderSimulator>(sim);
        REQUIRE(simulator->open(dir.filePath(u"reader-link"_s)).has_value());
        QFile::copy(demoDir() + u"/catalog.json"_s, dir.filePath(u"catalog.json"_s));
        configPath = dir.filePath(u"etc/outlet.ini"_s);
        REQUIRE(QDir().mkpath(dir.filePath(u"etc"_s)));
        writeFile(configPath, "[outlet]\ndatabase=../outlet.db\nid=" + configuredId.toUtf8() +
                                  "\noperator=china_mobile\n[catalog]\nfile=../catalog.json\n[reader]\nport=" +
                                  simulator->slavePath().toUtf8() + "\n" + extraConfig);
    }

    /// Runs `work` on the outlet database signed in as the admin (what HQ's sync or an installer left there).
    void withAdminStore(const std::function<void(store::OutletStore&)>& work)
    {
        auth::Authenticator setup(dir.filePath(u"outlet.db"_s), clock);
        auto admin = setup.login(u"admin"_s, kAdminPassword);
        REQUIRE(admin.has_value());
        work((*admin)->store());
    }

    std::unique_ptr<OutletEnvironment> start(bool withCamera = true, bool withModels = false)
    {
        auto config = OutletConfig::load(configPath);
        REQUIRE(config.has_value());
        OutletEnvironment::Devices devices;
        if (withCamera)
            devices.camera = std::make_unique<face::FakeCamera>(
                QStringList{demoDir() + u"/faces/camera-1.jpg"_s, demoDir() + u"/faces/camera-2.jpg"_s});
        devices.loadFaceModels = withModels;
        auto env = OutletEnvironment::create(*config, clock, std::move(devices));
        REQUIRE(env.has_value());
        (*env)->context().confirm = [](const QString&) {
            return true;
        };
        return std::move(*env);
    }
};

void signIn(MainWindow& window);

/// Shows the counter's window and signs the clerk in.
void showAndSignIn(MainWindow& window)
{
    window.show();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    signIn(window);
}

void signIn(MainWindow& window)
{
    auto* account = findChild<QLineEdit>(&window, u"accountEdit"_s);
    account->setFocus();
    QTest::keyClicks(account, kClerk);
    QTest::keyClick(account, Qt::Key_Return);
    auto* password = findChild<QLineEdit>(&window, u"passwordEdit"_s);
    QTest::keyClicks(password, QString::fromLatin1(kClerkPassword));
    QTest::keyClick(password, Qt::Key_Return);
    REQUIRE(QTest::qWaitFor([&] { return window.wizard()->isVisible() && window.wizard()->session(); }, 10000));
}

/// Shows the counter, signs the clerk in, goes on to the document step and places the simulator's card; returns
/// the session once the customer's document has been read (and the policy has decided on it).
RegistrationSession* readCardAtCounter(Counter& counter, OutletEnvironment& env, MainWindow& window)
{
    showAndSignIn(window);
    RegistrationSession* session = window.wizard()->session();
    pressKey(&window, Qt::Key_Return);
    REQUIRE(session->step() == SessionStep::Documents);
    REQUIRE(QTest::qWaitFor([&] { return env.context().reader->status() == reader::ReaderStatus::Idle; }, 10000));
    counter.simulator->place();
    REQUIRE(QTest::qWaitFor([&] { return session->person(DocumentRole::Customer) != nullptr; }, 10000));
    return session;
}

} // namespace

TEST_CASE("Outlet configuration: the installer's file is read with paths relative to it", "[widgets]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    REQUIRE(QDir().mkpath(dir.filePath(u"etc"_s)));
    const QString path = dir.filePath(u"etc/outlet.ini"_s);
    writeFile(path, "; written by the installer\n[outlet]\ndatabase=../data/outlet.db\nid=GD-SZ-0042\n"
                    "operator=china_unicom\n[catalog]\nfile=/etc/shiming/catalog.json\n[reader]\nport=/dev/ttyUSB0\n"
                    "wlt_library=lib/libwlt.so\n[camera]\ndevice=/dev/video2\n[face]\nmodel_dirs=models,/opt/m\n"
                    "[counter]\nidle_lock_minutes=3\n[sync]\ninterval_seconds=120\n");
    auto config = OutletConfig::load(path);
    REQUIRE(config.has_value());
    CHECK(config->databasePath == QDir::cleanPath(dir.filePath(u"data/outlet.db"_s)));
    CHECK(config->outletId == u"GD-SZ-0042"_s);
    CHECK(config->simOperator == catalog::SimOperator::ChinaUnicom);
    CHECK(config->catalogPath == u"/etc/shiming/catalog.json"_s);
    CHECK(config->poolStatePath == QDir::cleanPath(dir.filePath(u"data/pool-state.json"_s)));
    CHECK(config->readerPort == u"/dev/ttyUSB0"_s);
    CHECK(config->wltLibrary == QDir::cleanPath(dir.filePath(u"etc/lib/libwlt.so"_s)));
    CHECK(config->wltSymbol == u"unpack"_s);
    CHECK(config->cameraDevice == u"/dev/video2"_s);
    CHECK(config->modelDirs == QStringList{QDir::cleanPath(dir.filePath(u"etc/models"_s)), u"/opt/m"_s});
    CHECK(config->idleLockSeconds == 180);
    CHECK(config->syncIntervalSeconds == 120);

    // Only the database is required; the rest has defaults.
    writeFile(path, "[outlet]\ndatabase=/var/lib/shiming/outlet.db\n");
    auto minimal = OutletConfig::load(path);
    REQUIRE(minimal.has_value());
    CHECK(minimal->simOperator == catalog::SimOperator::ChinaMobile);
    CHECK(minimal->readerPort.isEmpty());
    CHECK(minimal->cameraDevice.isEmpty());
    CHECK(minimal->idleLockSeconds == 300);
    CHECK(minimal->poolStatePath == u"/var/lib/shiming/pool-state.json"_s);
}

TEST_CASE("Outlet configuration: a missing, broken or secret-bearing file is refused", "[widgets]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(u"outlet.ini"_s);
    CHECK(OutletConfig::load(path).error().code == Error::Code::NotFound);
    CHECK(OutletConfig::load(QString()).error().code == Error::Code::NotFound);
    CHECK(OutletConfig::load(dir.path()).error().code == Error::Code::NotFound);

    auto refused = [&](const QByteArray& content) {
        writeFile(path, content);
        auto config = OutletConfig::load(path);
        REQUIRE_FALSE(config.has_value());
        CHECK(config.error().code == Error::Code::InvalidInput);
        return config.error().detail;
    };
    CHECK(refused("").contains(u"outlet/database"_s));
    CHECK(refused("[reader]\nport=/dev/ttyUSB0\n").contains(u"outlet/database"_s));
    CHECK(refused("[outlet]\ndatabase=a.db\npassword=clerk-1234\n").contains(u"outlet/password"_s));
    CHECK(refused("[outlet]\ndatabase=a.db\ndb_key=00ff\n").contains(u"secret"_s));
    CHECK(refused("[sync]\nhmac_key=abc\n[outlet]\ndatabase=a.db\n").contains(u"sync/hmac_key"_s));
    CHECK(refused("[outlet]\ndatabase=a.db\noperator=vodafone\n").contains(u"operator"_s));
    CHECK(refused("[outlet]\ndatabase=a.db\n[counter]\nidle_lock_minutes=0\n").contains(u"idle_lock"_s));
    CHECK(refused("[outlet]\ndatabase=a.db\n[sync]\ninterval_seconds=lots\n").contains(u"interval"_s));
    // Garbage and invalid UTF-8 never crash; they are refused or read as nothing useful.
    CHECK_FALSE(refused(QByteArray("\xff\xfe\x00[outlet\n\xc3(=\x80\x80", 14)).isEmpty());
    CHECK_FALSE(refused(QByteArray(4096, '\x01')).isEmpty());
    // "keyboard" is not a secret.
    writeFile(path, "[outlet]\ndatabase=a.db\n[counter]\nkeyboard_layout=us\n");
    CHECK(OutletConfig::load(path).has_value());
    // A name with characters outside the BMP survives in paths.
    writeFile(path, QStringLiteral("[outlet]\ndatabase=/srv/𠮷/outlet.db\n").toUtf8());
    auto utf8 = OutletConfig::load(path);
    REQUIRE(utf8.has_value());
    CHECK(utf8->databasePath == u"/srv/𠮷/outlet.db"_s);
}

TEST_CASE("First run: without a configuration the counter says how to set it up and offers the document check",
          "[widgets]")
{
    FirstRunInfo info;
    info.lookedAt = {u"/home/clerk/.config/Shiming/shiming/outlet.ini"_s, u"/etc/xdg/Shiming/shiming/outlet.ini"_s};
    info.examplePath = u"/etc/xdg/Shiming/shiming/outlet.ini"_s;
    MainWindow window(info);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto* help = findChild<QLabel>(&window, u"firstRunHelpLabel"_s);
    CHECK(help->isVisible());
    CHECK(help->text().contains(u"/home/clerk/.config/Shiming/shiming/outlet.ini"_s));
    CHECK(help->text().contains(u"--config"_s));
    CHECK(help->text().contains(u"--demo"_s));
    CHECK(window.findChild<QLabel*>(u"firstRunProblemLabel"_s) == nullptr);

    // Ctrl+D opens the document check.
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier);
    REQUIRE(QTest::qWaitFor([&] { return window.findChild<QDialog*>(u"documentCheckDialog"_s) != nullptr; }, 5000));
    window.findChild<QDialog*>(u"documentCheckDialog"_s)->close();

    // A configuration that does not work: the problem is shown above the help.
    info.problem = u"The counter cannot start with /etc/x.ini: outlet database not found"_s;
    MainWindow broken(info);
    broken.show();
    auto* problem = findChild<QLabel>(&broken, u"firstRunProblemLabel"_s);
    CHECK(problem->text().contains(u"outlet database not found"_s));
}

TEST_CASE("Configured counter: a missing database is refused at start with what to do", "[widgets]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    OutletConfig config;
    config.databasePath = dir.filePath(u"nowhere.db"_s);
    SystemClock clock;
    auto env = OutletEnvironment::create(config, clock);
    REQUIRE_FALSE(env.has_value());
    CHECK(env.error().code == Error::Code::NotFound);
    CHECK(env.error().detail.contains(u"shimingctl db init"_s));
}

TEST_CASE("Configured counter: real database, pty reader and fake camera from sign-in to a filled form with a "
          "live status bar",
          "[widgets]")
{
    Counter counter;
    auto env = counter.start();
    MainWindow window(MainWindowServices::of(*env, counter.clock));
    window.show();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    StatusPanel* status = window.statusPanel();

    // Before sign-in: outlet from the configuration, the reader found on its port, sync shown after sign-in.
    CHECK(status->outletText().contains(kOutlet));
    CHECK(status->clerkText() == StatusPanel::tr("Not signed in"));
    CHECK(status->syncText() == MainWindow::tr("To HQ: shown after sign-in"));
    REQUIRE(QTest::qWaitFor([&] { return env->context().reader->status() == reader::ReaderStatus::Idle; }, 10000));
    CHECK(status->readerText() ==
          StatusPanel::tr("Reader: %1").arg(reader::readerStatusText(reader::ReaderStatus::Idle)));
    CHECK(status->cameraText() == MainWindow::tr("Camera: ready"));
    // No models in this test: said in the status bar.
    CHECK(window.statusBar()->currentMessage().contains(u"Face comparison unavailable"_s));

    signIn(window);
    CHECK(status->clerkText().contains(u"营业员一"_s));
    // Signed in, not enrolled with HQ: the queue is shown and the missing enrolment said.
    REQUIRE(QTest::qWaitFor([&] { return env->sync().state() == OutletSync::State::NotEnrolled; }, 5000));
    CHECK(status->syncText().contains(u"not enrolled"_s));

    // The card on the reader fills the form and moves on; the reader's state follows live.
    RegistrationSession* session = window.wizard()->session();
    pressKey(&window, Qt::Key_Return);
    REQUIRE(session->step() == SessionStep::Documents);
    counter.simulator->place();
    REQUIRE(QTest::qWaitFor([&] { return session->step() == SessionStep::Face; }, 10000));
    CHECK(session->person(DocumentRole::Customer)->document.name == u"张伟"_s);
    CHECK(session->person(DocumentRole::Customer)->document.number == u"110105198803121017"_s);
    REQUIRE(QTest::qWaitFor([&] { return status->cameraText() == MainWindow::tr("Camera: on"); }, 5000));
    auto readerShown = [&] {
        return status->readerText() ==
               StatusPanel::tr("Reader: %1").arg(reader::readerStatusText(env->context().reader->status()));
    };
    CHECK(readerShown());
    const reader::ReaderStatus withCard = env->context().reader->status();
    counter.simulator->lift();
    REQUIRE(QTest::qWaitFor([&] { return env->context().reader->status() != withCard; }, 10000));
    CHECK(readerShown());

    // Sign-out closes the store; the sync lets go of it first and the status bar says so.
    env->gate().logout();
    CHECK(env->sync().state() == OutletSync::State::SignedOut);
    CHECK(status->syncText() == MainWindow::tr("To HQ: shown after sign-in"));
}

TEST_CASE("Configured counter: records carry the database's outlet id even when the configuration names another",
          "[widgets]")
{
    Counter counter({}, u"GD-OTHER-0001"_s);
    auto env = counter.start();
    CHECK(env->outletId() == u"GD-OTHER-0001"_s); // shown before sign-in: all that is known then
    REQUIRE(env->gate().login(kClerk, kClerkPassword).has_value());
    CHECK(env->context().services.outletId == kOutlet);
}

TEST_CASE("Configured counter: a camera or models that are not there are said plainly", "[widgets]")
{
    Counter counter("[camera]\ndevice=/dev/shiming-test-no-such-camera\n[face]\nmodel_dirs=no-models-here\n");
    auto env = counter.start(false);
    const QStringList notes = env->notes();
    CHECK(notes.join(u' ').contains(u"/dev/shiming-test-no-such-camera"_s));
    CHECK(notes.join(u' ').contains(u"Face comparison unavailable"_s));
    // The simulator's photos need a decoder the configuration does not name.
    CHECK(notes.join(u' ').contains(u"decoder"_s));
    MainWindow window(MainWindowServices::of(*env, counter.clock));
    window.show();
    CHECK(window.statusPanel()->cameraText() == MainWindow::tr("Camera: none"));
    CHECK(window.statusBar()->currentMessage().contains(u"/dev/shiming-test-no-such-camera"_s));
}

TEST_CASE("Status bar: an enrolled outlet shows its queue growing on commit and that HQ is out of reach", "[widgets]")
{
    Counter counter;
    counter.withAdminStore([&](store::OutletStore& store) { enrol(store); });
    auto env = counter.start();
    MainWindow window(MainWindowServices::of(*env, counter.clock));
    showAndSignIn(window);
    REQUIRE(env->sync().state() == OutletSync::State::Running);
    REQUIRE(env->sync().scheduler() != nullptr);
    StatusPanel* status = window.statusPanel();
    // The first pass runs at once and cannot reach HQ (nothing listens on the port): offline, never synced.
    REQUIRE(QTest::qWaitFor([&] { return status->syncText().contains(MainWindow::tr("offline")); }, 20000));
    CHECK(status->syncText().contains(StatusPanel::tr("never synced")));
    CHECK(status->syncText().contains(StatusPanel::tr("To HQ: %n waiting", nullptr, 0)));

    // A registration commits: its outbox row is counted at once.
    auto* store = static_cast<AuthAccountGate&>(env->gate()).store();
    REQUIRE(store != nullptr);
    REQUIRE(store->registrations().commit(minimalRecord(u"110105198803121017"_s, u"13800138000"_s)).has_value());
    env->sync().registrationCommitted();
    CHECK(status->syncText().contains(StatusPanel::tr("To HQ: %n waiting", nullptr, 1)));
    CHECK(env->sync().status().queueLength == 1);

    // Locked: the sync goes on (the data key stays in memory); unlocking reads the status afresh.
    env->gate().lockNow();
    REQUIRE(env->gate().isLocked());
    CHECK(env->sync().state() == OutletSync::State::Running);
    CHECK(env->sync().scheduler() != nullptr);
    QSignalSpy refreshed(&env->sync(), &OutletSync::statusChanged);
    REQUIRE(env->gate().unlock(kClerkPassword).has_value());
    CHECK(refreshed.count() >= 1);

    env->gate().logout();
    CHECK(env->sync().scheduler() == nullptr);
    CHECK(status->syncText() == MainWindow::tr("To HQ: shown after sign-in"));
}

TEST_CASE("A damaged database: the clerk is told at sign-in and in the status bar, the manager above the tabs",
          "[widgets]")
{
    Counter counter;
    qint64 page = -1;
    counter.withAdminStore([&](store::OutletStore& store) {
        REQUIRE(store.registrations().commit(minimalRecord(u"110105198803121017"_s, u"13800138000"_s)).has_value());
        page = middlePageAppendedBy(store, [&] {
            Registration record = minimalRecord(u"110105198803121017"_s, u"13800138001"_s);
            addLargeAttachment(record, 256 * 1024);
            REQUIRE(store.registrations().commit(record).has_value());
        });
    });
    REQUIRE(page > 0);
    REQUIRE(damagePage(counter.dir.filePath(u"outlet.db"_s), page));

    auto env = counter.start();
    MainWindow window(MainWindowServices::of(*env, counter.clock));
    showAndSignIn(window);
    StatusPanel* status = window.statusPanel();
    // Not enrolled here, so no pass ever runs: the page check at sign-in is what found it.
    REQUIRE(QTest::qWaitFor(
        [&] { return status->syncText().contains(MainWindow::tr("database damaged, tell the manager")); }, 5000));
    const auto notices = [&] {
        int visible = 0;
        for (QMessageBox* box : window.findChildren<QMessageBox*>(u"storageDamagedNotice"_s))
            visible += box->isVisible() ? 1 : 0;
        return visible;
    };
    REQUIRE(notices() == 1);
    QMessageBox* notice = window.findChild<QMessageBox*>(u"storageDamagedNotice"_s);
    CHECK(notice->text() == ClerkText::of(Cause{Reason::DatabaseDamaged}));
    notice->accept();
    // Once per sign-in: a later status read keeps it in the status bar only.
    env->sync().refresh();
    CHECK(notices() == 0);
    CHECK(status->syncText().contains(MainWindow::tr("database damaged, tell the manager")));

    // The manager's window says it above the tabs, with what to do.
    auth::Authenticator authenticator(counter.dir.filePath(u"outlet.db"_s), counter.clock);
    auto manager = review::ManagerWindow::login(authenticator, u"admin"_s, kAdminPassword);
    REQUIRE(manager.has_value());
    CHECK((*manager)->storageBanner().isVisibleTo(manager->get()));
    CHECK(
        (*manager)->storageBanner().text().contains(review::ManagerWindow::tr("This counter's database is damaged.")));
}

TEST_CASE("Policy at the counter: the risk list HQ sent refuses the customer with the reason shown", "[widgets]")
{
    Counter counter;
    const QString number = u"110105198803121017"_s;
    counter.withAdminStore([&](store::OutletStore& store) {
        enrol(store);
        // What the sync stores from HQ's risk_list feed: the identity's HMAC as key.
        store::DownlinkItem item;
        item.kind = store::downlink::RiskList.toString();
        item.key = QString::fromLatin1(
            protocol::identityHash(kIdentityKey, documentTypeKey(DocumentType::ResidentId), number));
        item.payload = R"({"listed":true})";
        item.version = u"1"_s;
        REQUIRE(store.downlink().upsert(item).has_value());
    });
    auto env = counter.start();
    MainWindow window(MainWindowServices::of(*env, counter.clock));
    RegistrationSession* session = readCardAtCounter(counter, *env, window);
    const PolicyDecision& decision = session->person(DocumentRole::Customer)->decision;
    CHECK(decision.has(policy::RiskListed));
    CHECK_FALSE(decision.allowed());
    CHECK(session->step() == SessionStep::Documents);
    auto* label = findChild<QLabel>(&window, u"customerDocumentLabel"_s);
    CHECK(label->text().contains(u"fraud risk list"_s));

    // The same card is fine once HQ removes the entry.
    auto* store = static_cast<AuthAccountGate&>(env->gate()).store();
    REQUIRE(store != nullptr);
    REQUIRE(store->downlink()
                .remove(store::downlink::RiskList.toString(),
                        QString::fromLatin1(
                            protocol::identityHash(kIdentityKey, documentTypeKey(DocumentType::ResidentId), number)))
                .has_value());
    auto& services = static_cast<StoreSessionServices&>(*env->context().services.sink);
    CHECK_FALSE(services.contains(DocumentType::ResidentId, number).value());
}

TEST_CASE("Policy at the counter: HQ's figure and an unsent record here refuse the card with the count shown",
          "[widgets]")
{
    Counter counter;
    const QString number = u"110105198803121017"_s; // the card on the reader
    counter.withAdminStore([&](store::OutletStore& store) {
        enrol(store);
        // HQ's last answer about this identity said 4; one more registered here has not reached HQ yet.
        const QString key = QString::fromLatin1(
            protocol::identityHash(kIdentityKey, documentTypeKey(DocumentType::ResidentId), number));
        REQUIRE(sync::storeIdentityFigures(store, {{key, 4}}, counter.clock.now().toMSecsSinceEpoch()) == 1);
        REQUIRE(store.registrations().commit(minimalRecord(number, u"13800138000"_s)).has_value());
    });
    auto env = counter.start();
    MainWindow window(MainWindowServices::of(*env, counter.clock));
    RegistrationSession* session = readCardAtCounter(counter, *env, window);
    const PolicyDecision& decision = session->person(DocumentRole::Customer)->decision;
    CHECK(decision.has(policy::IdentityLimit));
    CHECK_FALSE(decision.allowed());
    CHECK(decision.holdings.hqCount == 4);
    CHECK(decision.holdings.pendingAtHq == 1);
    CHECK(decision.holdings.effective() == 5);
    CHECK(session->step() == SessionStep::Documents);
    auto* label = findChild<QLabel>(&window, u"customerDocumentLabel"_s);
    CHECK(label->text().contains(u"already holds 5 numbers"_s));
}

TEST_CASE("Policy at the counter: outlet records and HQ's identity-limit verdict both count", "[widgets]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    SystemClock clock;
    makeOutletDatabase(dir.filePath(u"outlet.db"_s), clock);
    auth::Authenticator authenticator(dir.filePath(u"outlet.db"_s), clock);
    auto session = authenticator.login(u"admin"_s, kAdminPassword);
    REQUIRE(session.has_value());
    store::OutletStore& store = (*session)->store();
    StoreSessionServices services([&store] { return &store; });
    const Policy policy(PolicySettings{}, clock, &services, &services);

    IdentityDocument document = minimalRecord(u"110105198803121017"_s, {}).customer()->document;
    IdentityDocument other = document;
    other.number = u"11010519880312105"_s + QChar(identity::residentIdCheckCharacter(u"11010519880312105"));

    // Nothing yet.
    CHECK(policy.check(document, DocumentRole::Customer, CustomerType::Individual).allowed());
    CHECK(services.holdings(document.type, document.number).value().hqCount == -1);

    // One number here, sent to HQ, rejected there for the nationwide limit: HQ counted five elsewhere.
    REQUIRE(store.registrations().commit(minimalRecord(document.number, u"13800138000"_s)).has_value());
    auto batch = store.outbox().nextBatch(50, qint64(1) << 20);
    REQUIRE(batch.has_value());
    REQUIRE(batch->items.size() == 1);
    store::OutboxResult rejected;
    rejected.recordUuid = batch->items.first().recordUuid;
    rejected.outcome = store::OutboxResult::Outcome::Rejected;
    rejected.reasonCode = QString::fromLatin1(protocol::reason::IdLimit);
    rejected.hqTime = clock.now();
    REQUIRE(store.outbox().applyResults(batch->batchId, {rejected}).has_value());

    const IdentityHoldings held = services.holdings(document.type, document.number).value();
    CHECK(held.hqCount == 5);
    const PolicyDecision decision = policy.check(document, DocumentRole::Customer, CustomerType::Individual);
    CHECK(decision.has(policy::IdentityLimit));
    CHECK_FALSE(decision.allowed());
    // Another identity is not affected.
    CHECK(policy.check(other, DocumentRole::Customer, CustomerType::Individual).allowed());

    // This outlet's own records count too: four here make the fifth the last one, five refuse the sixth.
    for (int i = 0; i < 4; ++i)
        REQUIRE(store.registrations().commit(minimalRecord(other.number, u"1380013810%1"_s.arg(i))).has_value());
    CHECK(policy.check(other, DocumentRole::Customer, CustomerType::Individual).has(policy::IdentityLimitNear));
    REQUIRE(store.registrations().commit(minimalRecord(other.number, u"13800138105"_s)).has_value());
    const PolicyDecision full = policy.check(other, DocumentRole::Customer, CustomerType::Individual);
    CHECK(full.has(policy::IdentityLimit));
    CHECK(full.holdings.outletCount == 5);
}

TEST_CASE("Policy at the counter: HQ's per-identity figure plus this outlet's records HQ has not answered", "[widgets]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    SystemClock clock;
    makeOutletDatabase(dir.filePath(u"outlet.db"_s), clock);
    auth::Authenticator authenticator(dir.filePath(u"outlet.db"_s), clock);
    auto session = authenticator.login(u"admin"_s, kAdminPassword);
    REQUIRE(session.has_value());
    store::OutletStore& store = (*session)->store();
    enrol(store);
    StoreSessionServices services([&store] { return &store; });
    const Policy policy(PolicySettings{}, clock, &services, &services);

    IdentityDocument document = minimalRecord(u"110105198803121017"_s, {}).customer()->document;
    IdentityDocument other = document;
    other.number = u"11010519880312105"_s + QChar(identity::residentIdCheckCharacter(u"11010519880312105"));
    // What the sync stores from an answer: keyed by the identity's HMAC, as the risk list (lower-case x too).
    const QString key = QString::fromLatin1(
        protocol::identityHash(kIdentityKey, documentTypeKey(DocumentType::ResidentId), document.number));
    CHECK(sync::identityFigureKey(kIdentityKey, documentTypeKey(DocumentType::ResidentId), document.number.toLower()) ==
          key);
    const qint64 t0 = 1'790'000'000'000;
    const auto figure = [&](int count, qint64 time) {
        auto written = sync::storeIdentityFigures(store, {{key, count}}, time);
        REQUIRE(written.has_value());
        return *written;
    };

    // HQ counted 3 elsewhere: nothing here yet, the fourth and fifth are still possible.
    REQUIRE(figure(3, t0) == 1);
    IdentityHoldings held = services.holdings(document.type, document.number).value();
    CHECK(held.hqCount == 3);
    CHECK(held.outletCount == 0);
    CHECK(held.effective() == 3);
    CHECK(policy.check(document, DocumentRole::Customer, CustomerType::Individual).allowed());
    CHECK(services.holdings(other.type, other.number).value().hqCount == -1); // another identity has no figure

    // One registered here, not yet answered: HQ cannot have counted it, so 3 + 1, and the next is the last.
    REQUIRE(store.registrations().commit(minimalRecord(document.number, u"13800138000"_s)).has_value());
    held = services.holdings(document.type, document.number).value();
    CHECK(held.outletCount == 1);
    CHECK(held.pendingAtHq == 1);
    CHECK(held.effective() == 4);
    const PolicyDecision near = policy.check(document, DocumentRole::Customer, CustomerType::Individual);
    CHECK(near.allowed());
    CHECK(near.has(policy::IdentityLimitNear));

    // HQ accepts it and says 4: not counted twice.
    auto batch = store.outbox().nextBatch(50, qint64(1) << 20);
    REQUIRE(batch.has_value());
    REQUIRE(batch->items.size() == 1);
    REQUIRE(figure(4, t0 + 1000) == 1);
    store::OutboxResult accepted;
    accepted.recordUuid = batch->items.first().recordUuid;
    accepted.outcome = store::OutboxResult::Outcome::Accepted;
    accepted.hqReference = u"HQ0000000001"_s;
    accepted.hqTime = QDateTime::fromMSecsSinceEpoch(t0 + 1000, Qt::UTC);
    REQUIRE(store.outbox().applyResults(batch->batchId, {accepted}).has_value());
    held = services.holdings(document.type, document.number).value();
    CHECK(held.hqCount == 4);
    CHECK(held.pendingAtHq == 0);
    CHECK(held.effective() == 4);

    // A late answer from before does not overwrite a newer figure.
    CHECK(figure(1, t0 + 500) == 0);
    CHECK(services.holdings(document.type, document.number).value().hqCount == 4);

    // HQ reaches five (another outlet registered one more): the sixth is refused here.
    REQUIRE(figure(5, t0 + 2000) == 1);
    const PolicyDecision full = policy.check(document, DocumentRole::Customer, CustomerType::Individual);
    CHECK(full.has(policy::IdentityLimit));
    CHECK_FALSE(full.allowed());
    CHECK(full.holdings.effective() == 5);

    // Numbers released elsewhere: HQ's figure goes down, but never below what this outlet holds itself.
    REQUIRE(figure(0, t0 + 3000) == 1);
    held = services.holdings(document.type, document.number).value();
    CHECK(held.hqCount == 0);
    CHECK(held.effective() == 1);
    CHECK(policy.check(document, DocumentRole::Customer, CustomerType::Individual).allowed());

    // An ID_LIMIT verdict on a record still held here stays a floor under a lower figure.
    REQUIRE(store.registrations().commit(minimalRecord(document.number, u"13800138001"_s)).has_value());
    batch = store.outbox().nextBatch(50, qint64(1) << 20);
    REQUIRE(batch.has_value());
    REQUIRE(batch->items.size() == 1);
    store::OutboxResult rejected;
    rejected.recordUuid = batch->items.first().recordUuid;
    rejected.outcome = store::OutboxResult::Outcome::Rejected;
    rejected.reasonCode = QString::fromLatin1(protocol::reason::IdLimit);
    rejected.hqTime = QDateTime::fromMSecsSinceEpoch(t0 + 4000, Qt::UTC);
    REQUIRE(store.outbox().applyResults(batch->batchId, {rejected}).has_value());
    CHECK(services.holdings(document.type, document.number).value().hqCount == 5);
    CHECK_FALSE(policy.check(document, DocumentRole::Customer, CustomerType::Individual).allowed());
}

#ifdef SHIMING_TEST_WLT_LIBRARY
TEST_CASE("Configured counter: the vendor photo decoder named in the configuration turns the chip photo into the "
          "document photo",
          "[widgets]")
{
    Counter counter("wlt_library=" + QByteArrayLiteral(SHIMING_TEST_WLT_LIBRARY) + "\nwlt_symbol=unpack\n");
    {
        // The library is there but has no such function: said in the status bar, the counter still starts.
        auto wrong = counter.start();
        CHECK(wrong->notes().join(u' ').contains(u"decoder"_s));
    }
    QFile file(counter.configPath);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray config = file.readAll().replace("wlt_symbol=unpack", "wlt_symbol=shiming_test_wlt_unpack");
    file.close();
    writeFile(counter.configPath, config);
    auto env = counter.start();
    CHECK_FALSE(env->notes().join(u' ').contains(u"decoder"_s));
    MainWindow window(MainWindowServices::of(*env, counter.clock));
    showAndSignIn(window);
    RegistrationSession* session = window.wizard()->session();
    pressKey(&window, Qt::Key_Return);
    REQUIRE(QTest::qWaitFor([&] { return env->context().reader->status() == reader::ReaderStatus::Idle; }, 10000));
    counter.simulator->place();
    REQUIRE(QTest::qWaitFor([&] { return session->person(DocumentRole::Customer) != nullptr; }, 10000));
    QImage photo;
    REQUIRE(photo.loadFromData(session->person(DocumentRole::Customer)->photo));
    CHECK(photo.size() == QSize(102, 126));
}
#endif

#ifdef SHIMING_APP_BINARY
TEST_CASE("shiming process: no configuration opens the setup, a broken one says why, a working one signs in",
          "[widgets]")
{
    Counter counter;
    const QString broken = counter.dir.filePath(u"broken.ini"_s);
    writeFile(broken, "[outlet]\npassword=clerk-1234\n");
    const QString missingDatabase = counter.dir.filePath(u"missing-db.ini"_s);
    writeFile(missingDatabase, "[outlet]\ndatabase=nowhere.db\n");
    auto run = [&](const QStringList& arguments) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        environment.insert(u"HOME"_s, counter.dir.filePath(u"home"_s)); // no outlet.ini of the person testing
        environment.insert(u"XDG_CONFIG_HOME"_s, counter.dir.filePath(u"home/.config"_s));
        environment.insert(u"XDG_CONFIG_DIRS"_s, counter.dir.filePath(u"xdg"_s));
        environment.remove(u"SHIMING_CONFIG"_s);
        environment.insert(u"SHIMING_MODELS_DIR"_s, counter.dir.filePath(u"no-models"_s));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(SHIMING_APP_BINARY), arguments + QStringList{u"--print-startup-time"_s});
        REQUIRE(process.waitForFinished(30000));
        INFO(process.readAllStandardError().toStdString());
        CHECK(process.exitStatus() == QProcess::NormalExit);
        CHECK(process.exitCode() == 0);
        return QString::fromUtf8(process.readAllStandardOutput());
    };
    CHECK(run({}).contains(u"startup_screen setup"_s));
    const QString notYet = counter.dir.filePath(u"not-yet/outlet.ini"_s);
    CHECK(run({u"--config"_s, notYet}).contains(u"startup_screen setup"_s));
    CHECK_FALSE(QFileInfo::exists(notYet)); // shown, not written: only Finish writes
    CHECK(run({u"--config"_s, broken}).contains(u"startup_screen first_run"_s));
    CHECK(run({u"--config"_s, missingDatabase}).contains(u"startup_screen first_run"_s));
    const QString configured = run({u"--config"_s, counter.configPath});
    CHECK(configured.contains(u"startup_screen login"_s));
    CHECK(configured.contains(u"startup_to_login_ms"_s));
}
#endif

TEST_CASE("HQ settings: the face thresholds HQ sent apply at sign-in, nonsense is refused, withdrawn, the defaults",
          "[widgets]")
{
    Counter counter;
    const auto putFaceSettings = [](store::OutletStore& store, const QByteArray& json) {
        store::DownlinkItem item;
        item.kind = store::downlink::Settings.toString();
        item.key = u"face"_s;
        item.payload = json;
        item.version = u"1"_s;
        REQUIRE(store.downlink().upsert(item).has_value());
    };
    counter.withAdminStore(
        [&](store::OutletStore& store) { putFaceSettings(store, R"({"passCosine":0.45,"reviewCosine":0.3})"); });
    auto env = counter.start(true, true);
    if (!env->faceSettings()) {
        WARN("face models not installed: nothing to apply the thresholds to");
        return;
    }
    // The database is closed until someone signs in: the calibrated defaults until then.
    CHECK(env->faceSettings()->passCosine == face::FaceSettings{}.passCosine);
    MainWindow window(MainWindowServices::of(*env, counter.clock));
    showAndSignIn(window);
    CHECK(env->faceSettings()->passCosine == 0.45);
    CHECK(env->faceSettings()->reviewCosine == 0.3);

    // HQ sends review above pass: refused after the next sync pass, the thresholds in force stay.
    auto* store = static_cast<AuthAccountGate&>(env->gate()).store();
    REQUIRE(store != nullptr);
    putFaceSettings(*store, R"({"passCosine":0.2,"reviewCosine":0.6})");
    emit env->sync().statusChanged();
    CHECK(env->faceSettings()->passCosine == 0.45);
    putFaceSettings(*store, "not json");
    emit env->sync().statusChanged();
    CHECK(env->faceSettings()->passCosine == 0.45);

    // HQ withdraws the item: the calibrated defaults again.
    REQUIRE(store->downlink().remove(store::downlink::Settings.toString(), u"face"_s).has_value());
    emit env->sync().statusChanged();
    CHECK(env->faceSettings()->passCosine == face::FaceSettings{}.passCosine);
    CHECK(env->faceSettings()->reviewCosine == face::FaceSettings{}.reviewCosine);
}

TEST_CASE("HQ settings: the identity limit and the idle lock HQ sent apply, nonsense is refused whole, withdrawn, "
          "the configured ones",
          "[widgets]")
{
    Counter counter("[counter]\nidle_lock_minutes=7\n");
    const auto put = [](store::OutletStore& store, const QString& key, const QByteArray& json) {
        REQUIRE(store.downlink().upsert({store::downlink::Settings.toString(), key, json, u"1"_s, {}}).has_value());
    };
    counter.withAdminStore([&](store::OutletStore& store) {
        put(store, u"policy"_s, R"({"per_identity_limit":3})");
        put(store, u"counter"_s, R"({"idle_lock_minutes":2})");
    });
    auto env = counter.start();
    const registration::Policy& policy = *env->context().services.policy;
    auto& gate = static_cast<AuthAccountGate&>(env->gate());
    CHECK(policy.settings().perIdentityLimit == 5); // nobody signed in: the database is closed
    MainWindow window(MainWindowServices::of(*env, counter.clock));
    showAndSignIn(window);
    CHECK(policy.settings().perIdentityLimit == 3);
    CHECK(gate.idleSeconds() == 2 * 60);

    store::OutletStore* store = gate.store();
    REQUIRE(store != nullptr);
    const auto afterPass = [&](const QString& key, const QByteArray& json) {
        put(*store, key, json);
        emit env->sync().statusChanged();
    };
    // Per operator: this outlet is China Mobile's.
    afterPass(u"policy"_s, R"({"per_identity_limit":{"CMCC":4,"CUCC":5}})");
    CHECK(policy.settings().perIdentityLimit == 4);
    // Above the national ceiling, not whole, not this operator's, not a number, not JSON: refused, 4 stays.
    for (const QByteArray& json : {R"({"per_identity_limit":6})"_ba, R"({"per_identity_limit":2.5})"_ba,
                                   R"({"per_identity_limit":{"CUCC":3}})"_ba, R"({"per_identity_limit":"3"})"_ba,
                                   R"({"per_identity_limit":0})"_ba, "not json"_ba}) {
        INFO(json.toStdString());
        afterPass(u"policy"_s, json);
        CHECK(policy.settings().perIdentityLimit == 4);
    }
    for (const QByteArray& json :
         {R"({"idle_lock_minutes":0})"_ba, R"({"idle_lock_minutes":121})"_ba, R"({"idle_lock":3})"_ba, "[]"_ba}) {
        INFO(json.toStdString());
        afterPass(u"counter"_s, json);
        CHECK(gate.idleSeconds() == 2 * 60);
    }
    // Withdrawn: what outlet.ini and the policy's defaults say.
    REQUIRE(store->downlink().remove(store::downlink::Settings.toString(), u"policy"_s).has_value());
    REQUIRE(store->downlink().remove(store::downlink::Settings.toString(), u"counter"_s).has_value());
    emit env->sync().statusChanged();
    CHECK(policy.settings().perIdentityLimit == 5);
    CHECK(gate.idleSeconds() == 7 * 60);
}

TEST_CASE("HQ catalogue: the packages and number leases HQ sent replace the configured ones at sign-in", "[widgets]")
{
    Counter counter;
    const auto put = [](store::OutletStore& store, QStringView kind, const QString& key, const QByteArray& json) {
        REQUIRE(store.downlink().upsert({kind.toString(), key, json, u"1"_s, {}}).has_value());
    };
    counter.withAdminStore([&](store::OutletStore& store) {
        put(store, store::downlink::Packages, u"hq-39"_s,
            R"({"name":"总部套餐 39元","monthly_fee_fen":3900,"minutes":200,"data_mb":10240,"contract_months":0})");
        put(store, store::downlink::NumberPool, u"13700137001"_s, R"({"premium_fen":0})");
        put(store, store::downlink::NumberPool, u"13700137888"_s, R"({"number":"13700137888","premium_fen":88800})");
    });
    auto env = counter.start();
    const registration::SessionServices& services = env->context().services;
    // Before sign-in: the configured file's (the demo catalogue).
    CHECK(services.catalog->find(u"changliao-58") != nullptr);
    CHECK(services.catalog->find(u"hq-39") == nullptr);
    MainWindow window(MainWindowServices::of(*env, counter.clock));
    showAndSignIn(window);
    REQUIRE(services.catalog->find(u"hq-39") != nullptr);
    CHECK(services.catalog->find(u"hq-39")->monthlyFeeFen == 3900);
    CHECK(services.catalog->packages().size() == 1);
    REQUIRE(services.pool->find(u"13700137888") != nullptr);
    CHECK(services.pool->find(u"13700137888")->premiumFen == 88800);
    CHECK(services.pool->find(u"13700137001") != nullptr);
    CHECK(services.pool->find(u"13800138888") == nullptr);
}

TEST_CASE("HQ catalogue: a feed that does not parse is refused and the configured packages stay", "[widgets]")
{
    Counter counter;
    counter.withAdminStore([&](store::OutletStore& store) {
        REQUIRE(store.downlink()
                    .upsert({store::downlink::Packages.toString(), u"bad"_s, R"({"name":"no fee"})", u"1"_s, {}})
                    .has_value());
        REQUIRE(
            store.downlink().upsert({store::downlink::NumberPool.toString(), u"123"_s, "{}", u"1"_s, {}}).has_value());
    });
    auto env = counter.start();
    MainWindow window(MainWindowServices::of(*env, counter.clock));
    showAndSignIn(window);
    CHECK(env->context().services.catalog->find(u"changliao-58") != nullptr);
    CHECK(env->context().services.catalog->find(u"bad") == nullptr);
    CHECK(env->context().services.pool->find(u"13800138888") != nullptr);
}
