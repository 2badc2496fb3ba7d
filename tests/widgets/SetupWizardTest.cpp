// The counter's first-run setup: the wizard driven as a hall's staff would (a reader on a pty, the fake camera,
// a credential bundle file), what it leaves on disk, and what it refuses; and the core it runs on
// (outlet::setUpOutlet, OutletConfig::save).
#include "WidgetFixture.h"
#include "support/TestBundle.h"
#include "support/TestFiles.h"

#include "core/auth/Authenticator.h"
#include "core/auth/Session.h"
#include "core/demo/CardFixture.h"
#include "core/demo/ReaderSimulator.h"
#include "core/face/FakeCamera.h"
#include "core/outlet/ClerkText.h"
#include "core/outlet/OutletConfig.h"
#include "core/outlet/Setup.h"
#include "core/protocol/CredentialBundle.h"
#include "core/review/ReviewTypes.h"
#include "core/store/KeySlots.h"
#include "core/store/OutletStore.h"
#include "core/sync/SyncCredentials.h"
#include "widgets/setup/SetupWizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

const QString kOutlet = u"GD-SZ-0042"_s;
const QString kPassword = u"Counter-2026!"_s;

QString demoDir()
{
    return QStringLiteral(SHIMING_DEMO_DIR);
}

/// A bundle file as `shiming-hq enroll` writes it (the TLS parts are placeholders: nothing here talks to HQ).
QByteArray bundleJson(const QString& outletId, const QString& hqUrl = u"https://hq.example:8443"_s)
{
    protocol::CredentialBundle bundle = placeholderBundle(outletId, QByteArray(32, '\x22'), hqUrl);
    bundle.serial = u"01ab"_s;
    return bundle.toJson();
}

/// Every file under `dir`, relative, sorted.
QStringList filesUnder(const QString& dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(dir).relativeFilePath(it.next()));
    files.sort();
    return files;
}

/// A counter PC before its setup: a folder (with a name outside the BMP) for the configuration and the database,
/// the demo catalogue, the reader simulator on a pty with one card, one fake camera.
struct NewCounter {
    QTemporaryDir dir;
    SystemClock clock;
    std::unique_ptr<reader::PtyReaderSimulator> simulator;
    QString root;
    QString configPath;
    QString databasePath;
    QString catalogPath;
    QString bundlePath;
    bool cancelAnswer = true;
    int cancelQuestions = 0;
    QStringList before;

    NewCounter()
    {
        REQUIRE(dir.isValid());
        root = dir.filePath(u"柜台𠮷"_s);
        REQUIRE(QDir().mkpath(root));
        configPath = root + u"/config/outlet.ini"_s;
        databasePath = root + u"/data/outlet.db"_s;
        catalogPath = root + u"/catalog.json"_s;
        bundlePath = root + u"/GD-SZ-0042.bundle"_s;
        REQUIRE(QFile::copy(demoDir() + u"/catalog.json"_s, catalogPath));
        writeFile(bundlePath, bundleJson(kOutlet));
        reader::SimulatorOptions sim;
        auto card = reader::loadCardFixture(demoDir() + u"/cards/zhang-wei.json"_s);
        REQUIRE(card.has_value());
        sim.cards.append(*card);
        sim.cycle = false;
        sim.startEmpty = true;
        simulator = std::make_unique<reader::PtyReaderSimulator>(sim);
        REQUIRE(simulator->open(dir.filePath(u"reader-link"_s)).has_value());
        before = filesUnder(root);
    }

    SetupWizardOptions options()
    {
        SetupWizardOptions o;
        o.clock = &clock;
        o.configPath = configPath;
        o.databasePath = databasePath;
        o.kdf = store::KdfParams::weakForTests();
        o.serialPorts = [this] {
            return QStringList{simulator->slavePath()};
        };
        o.cameras = [] {
            return QList<VideoDevice>{{u"/dev/video-fake"_s, u"Counter Camera"_s}};
        };
        o.openCamera = [](const QString&) {
            return std::make_unique<face::FakeCamera>(drawnFrames());
        };
        o.modelDirs = {dir.filePath(u"no-models"_s)};
        o.confirmCancel = [this] {
            ++cancelQuestions;
            return cancelAnswer;
        };
        o.readerTestTimeoutMs = 20000;
        return o;
    }
};

void clickNext(SetupWizard& wizard)
{
    wizard.button(QWizard::NextButton)->click();
}

void type(QWidget* root, const QString& name, const QString& text)
{
    auto* edit = findChild<QLineEdit>(root, name);
    edit->clear();
    const bool ascii = std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
    if (ascii) {
        QTest::keyClicks(edit, text);
        return;
    }
    // Chinese arrives from the input method as committed text.
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QApplication::sendEvent(edit, &commit);
}

void fillOutlet(SetupWizard& wizard, const NewCounter& counter, const QString& id = kOutlet)
{
    type(&wizard, u"outletIdEdit"_s, id);
    findChild<QLineEdit>(&wizard, u"catalogEdit"_s)->setText(counter.catalogPath);
}

void fillAdmin(SetupWizard& wizard, const QString& password = kPassword, const QString& repeat = kPassword)
{
    type(&wizard, u"adminPasswordEdit"_s, password);
    type(&wizard, u"adminRepeatEdit"_s, repeat);
}

QString errorOf(SetupWizard& wizard, const QString& label)
{
    auto* error = findChild<QLabel>(&wizard, label);
    return error->isVisibleTo(&wizard) ? error->text() : QString();
}

/// Goes from the first page to `page` with valid answers (the HQ page with the bundle, the reader on the pty).
void goTo(SetupWizard& wizard, NewCounter& counter, int page)
{
    if (wizard.currentId() == SetupWizard::OutletPageId && page > SetupWizard::OutletPageId) {
        fillOutlet(wizard, counter);
        clickNext(wizard);
        REQUIRE(wizard.currentId() == SetupWizard::AdminPageId);
    }
    if (wizard.currentId() == SetupWizard::AdminPageId && page > SetupWizard::AdminPageId) {
        fillAdmin(wizard);
        clickNext(wizard);
        REQUIRE(wizard.currentId() == SetupWizard::HqPageId);
    }
    if (wizard.currentId() == SetupWizard::HqPageId && page > SetupWizard::HqPageId) {
        findChild<QLineEdit>(&wizard, u"bundleEdit"_s)->setText(counter.bundlePath);
        clickNext(wizard);
        REQUIRE(wizard.currentId() == SetupWizard::ReaderPageId);
    }
    while (wizard.currentId() < page) {
        const int was = wizard.currentId();
        clickNext(wizard);
        INFO("page " << was);
        REQUIRE(wizard.currentId() == was + 1);
    }
}

} // namespace

TEST_CASE("setup wizard: a counter set up with its reader, camera and HQ bundle opens at the login", "[widgets]")
{
    NewCounter counter;
    SetupWizard wizard(counter.options());
    wizard.show();
    REQUIRE(QTest::qWaitForWindowExposed(&wizard));
    CHECK(findChild<QLineEdit>(&wizard, u"databaseEdit"_s)->text() == counter.databasePath);

    fillOutlet(wizard, counter);
    findChild<QComboBox>(&wizard, u"operatorCombo"_s)->setCurrentIndex(1); // China Unicom
    clickNext(wizard);
    REQUIRE(wizard.currentId() == SetupWizard::AdminPageId);
    CHECK(findChild<QLineEdit>(&wizard, u"adminNameEdit"_s)->text() == u"admin"_s);
    fillAdmin(wizard);
    CHECK(findChild<QLabel>(&wizard, u"adminStrengthLabel"_s)->text() ==
          QCoreApplication::translate("shiming::SetupWizard", "The password is strong enough."));
    clickNext(wizard);
    REQUIRE(wizard.currentId() == SetupWizard::HqPageId);

    // The bundle fills in HQ's address.
    auto* bundle = findChild<QLineEdit>(&wizard, u"bundleEdit"_s);
    bundle->setText(counter.bundlePath);
    emit bundle->editingFinished();
    CHECK(findChild<QLineEdit>(&wizard, u"hqUrlEdit"_s)->text() == u"https://hq.example:8443"_s);
    clickNext(wizard);
    REQUIRE(wizard.currentId() == SetupWizard::ReaderPageId);

    // The reader found on the pty, tested with a card: the name and number shown masked.
    auto* ports = findChild<QComboBox>(&wizard, u"portCombo"_s);
    CHECK(ports->currentData().toString() == counter.simulator->slavePath());
    auto* status = findChild<QLabel>(&wizard, u"readerStatusLabel"_s);
    findChild<QAbstractButton>(&wizard, u"readerTestButton"_s)->click();
    REQUIRE(
        QTest::qWaitFor([&] { return status->text() == reader::readerStatusText(reader::ReaderStatus::Idle); }, 10000));
    counter.simulator->place();
    REQUIRE(QTest::qWaitFor([&] { return status->text().contains(review::maskName(u"张伟"_s)); }, 10000));
    CHECK_FALSE(status->text().contains(u"张伟"_s));
    // The test reader is closed again (the port is free for the counter), and the test can be repeated.
    auto* test = findChild<QAbstractButton>(&wizard, u"readerTestButton"_s);
    REQUIRE(QTest::qWaitFor([&] { return test->isEnabled(); }, 5000));
    clickNext(wizard);
    REQUIRE(wizard.currentId() == SetupWizard::CameraPageId);

    // The camera's live picture.
    auto* cameras = findChild<QComboBox>(&wizard, u"cameraCombo"_s);
    CHECK(cameras->currentText() == u"Counter Camera (/dev/video-fake)"_s);
    auto* preview = findChild<QLabel>(&wizard, u"cameraPreviewLabel"_s);
    REQUIRE(QTest::qWaitFor([&] { return !preview->pixmap().isNull(); }, 5000));
    clickNext(wizard);
    REQUIRE(wizard.currentId() == SetupWizard::FacePageId);
    CHECK(findChild<QLabel>(&wizard, u"faceStatusLabel"_s)->text().contains(u"shiming-face-models"_s));
    clickNext(wizard);
    REQUIRE(wizard.currentId() == SetupWizard::SummaryPageId);
    // Nothing is written before Finish.
    CHECK(filesUnder(counter.root) == counter.before);
    const QString summary = findChild<QLabel>(&wizard, u"summaryLabel"_s)->text();
    CHECK(summary.contains(kOutlet));
    CHECK_FALSE(summary.contains(kPassword));

    wizard.button(QWizard::FinishButton)->click();
    CHECK(errorOf(wizard, u"finishErrorLabel"_s).isEmpty());
    REQUIRE(wizard.result() == QDialog::Accepted);
    CHECK(findChild<QLineEdit>(&wizard, u"adminPasswordEdit"_s)->text().isEmpty());

    // What an installer would have written by hand: the configuration, the database with its key slots.
    CHECK(wizard.configPath() == counter.configPath);
    auto config = OutletConfig::load(counter.configPath);
    REQUIRE(config.has_value());
    CHECK(config->databasePath == counter.databasePath);
    CHECK(config->outletId == kOutlet);
    CHECK(config->simOperator == catalog::SimOperator::ChinaUnicom);
    CHECK(config->catalogPath == counter.catalogPath);
    CHECK(config->readerPort == counter.simulator->slavePath());
    CHECK(config->cameraDevice == u"/dev/video-fake"_s);
    CHECK(config->modelDirs.isEmpty());
    const QByteArray ini = readFile(counter.configPath);
    CHECK_FALSE(ini.contains(kPassword.toUtf8()));
    CHECK_FALSE(ini.contains("PRIVATE KEY"));
    CHECK((QFileInfo(counter.configPath).permissions() & QFile::WriteOther) == 0);
    CHECK(QFileInfo::exists(store::KeySlotFile::pathFor(counter.databasePath)));
    CHECK(
        QFileInfo(counter.root + u"/data"_s).permissions() ==
        (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadUser | QFile::WriteUser | QFile::ExeUser));

    // The administrator signs in with the password typed twice, and HQ's credentials are inside.
    auth::Authenticator authenticator(counter.databasePath, counter.clock);
    auto session = authenticator.login(u"admin"_s, kPassword.toUtf8());
    REQUIRE(session.has_value());
    auto credentials = sync::loadCredentials((*session)->store());
    REQUIRE(credentials.has_value());
    CHECK(credentials->bundle.outletId == kOutlet);
    CHECK(credentials->hqUrl == QUrl(u"https://hq.example:8443"_s));
    CHECK(credentials->operatorCode == u"CUCC"_s);
}

TEST_CASE("setup wizard: an offline outlet without reader or camera, typed values survive Back", "[widgets]")
{
    NewCounter counter;
    SetupWizard wizard(counter.options());
    wizard.show();
    goTo(wizard, counter, SetupWizard::HqPageId);
    findChild<QRadioButton>(&wizard, u"offlineRadio"_s)->setChecked(true);
    CHECK_FALSE(findChild<QLineEdit>(&wizard, u"bundleEdit"_s)->isEnabled());
    clickNext(wizard);
    REQUIRE(wizard.currentId() == SetupWizard::ReaderPageId);
    auto* ports = findChild<QComboBox>(&wizard, u"portCombo"_s);
    ports->setCurrentIndex(ports->findData(QString()));
    clickNext(wizard);
    REQUIRE(wizard.currentId() == SetupWizard::CameraPageId);
    auto* cameras = findChild<QComboBox>(&wizard, u"cameraCombo"_s);
    cameras->setCurrentIndex(cameras->findData(QString()));
    wizard.back();
    wizard.back();
    wizard.back();
    REQUIRE(wizard.currentId() == SetupWizard::AdminPageId);
    CHECK(findChild<QLineEdit>(&wizard, u"adminPasswordEdit"_s)->text() == kPassword);
    goTo(wizard, counter, SetupWizard::SummaryPageId);
    CHECK(findChild<QComboBox>(&wizard, u"portCombo"_s)->currentData().toString().isEmpty());
    wizard.button(QWizard::FinishButton)->click();
    REQUIRE(wizard.result() == QDialog::Accepted);

    auto config = OutletConfig::load(counter.configPath);
    REQUIRE(config.has_value());
    CHECK(config->readerPort.isEmpty());
    CHECK(config->cameraDevice.isEmpty());
    auth::Authenticator authenticator(counter.databasePath, counter.clock);
    auto session = authenticator.login(u"admin"_s, kPassword.toUtf8());
    REQUIRE(session.has_value());
    CHECK_FALSE(sync::loadCredentials((*session)->store()).has_value()); // enrolled later
}

TEST_CASE("setup wizard: the keyboard alone sets an offline outlet up, Enter going on", "[widgets]")
{
    NewCounter counter;
    SetupWizard wizard(counter.options());
    wizard.show();
    wizard.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&wizard));
    // Each page puts the keyboard on its first answer once it is shown.
    const auto typed = [&](const QString& text) {
        QTest::qWait(10);
        REQUIRE(QApplication::focusWidget());
        QTest::keyClicks(QApplication::focusWidget(), text);
    };
    const auto key = [&](Qt::Key k, int page) {
        QTest::qWait(10);
        REQUIRE(QApplication::focusWidget());
        QTest::keyClick(QApplication::focusWidget(), k);
        if (page >= 0)
            REQUIRE(wizard.currentId() == page);
    };
    typed(kOutlet);
    key(Qt::Key_Return, SetupWizard::AdminPageId);
    typed(kPassword);
    key(Qt::Key_Tab, -1);
    typed(kPassword);
    key(Qt::Key_Return, SetupWizard::HqPageId);
    key(Qt::Key_Down, -1); // from the bundle to "offline outlet"
    CHECK(findChild<QRadioButton>(&wizard, u"offlineRadio"_s)->isChecked());
    key(Qt::Key_Return, SetupWizard::ReaderPageId);
    key(Qt::Key_End, -1); // the last choice: no reader
    key(Qt::Key_Return, SetupWizard::CameraPageId);
    key(Qt::Key_End, -1);
    key(Qt::Key_Return, SetupWizard::FacePageId);
    key(Qt::Key_Return, SetupWizard::SummaryPageId);
    key(Qt::Key_Return, -1);
    REQUIRE(wizard.result() == QDialog::Accepted);
    auto config = OutletConfig::load(counter.configPath);
    REQUIRE(config.has_value());
    CHECK(config->outletId == kOutlet);
    CHECK(config->readerPort.isEmpty());
    CHECK(config->cameraDevice.isEmpty());
}

TEST_CASE("setup wizard: every page says what is wrong and stays until it is put right", "[widgets]")
{
    NewCounter counter;
    SetupWizard wizard(counter.options());
    wizard.show();

    SECTION("outlet")
    {
        for (const QString& id : {u"GD SZ 42"_s, u"柜台一"_s, QString(65, u'A')}) {
            fillOutlet(wizard, counter, id);
            clickNext(wizard);
            CHECK(wizard.currentId() == SetupWizard::OutletPageId);
            CHECK(errorOf(wizard, u"outletErrorLabel"_s).contains(u"GD-SZ-0042"_s));
        }
        fillOutlet(wizard, counter);
        writeFile(counter.root + u"/broken.json"_s, "{\"packages\": [");
        findChild<QLineEdit>(&wizard, u"catalogEdit"_s)->setText(counter.root + u"/broken.json"_s);
        clickNext(wizard);
        CHECK(wizard.currentId() == SetupWizard::OutletPageId);
        CHECK(errorOf(wizard, u"outletErrorLabel"_s).contains(u"broken.json"_s));

        // An outlet database there already is never touched.
        REQUIRE(QDir().mkpath(counter.root + u"/data"_s));
        writeFile(counter.databasePath, "an earlier outlet's database");
        findChild<QLineEdit>(&wizard, u"catalogEdit"_s)->setText(counter.catalogPath);
        clickNext(wizard);
        CHECK(wizard.currentId() == SetupWizard::OutletPageId);
        CHECK(errorOf(wizard, u"outletErrorLabel"_s).contains(counter.databasePath));
        CHECK(readFile(counter.databasePath) == "an earlier outlet's database");
    }
    SECTION("administrator")
    {
        goTo(wizard, counter, SetupWizard::AdminPageId);
        const auto refused = [&](const QString& password, const QString& repeat, Reason reason) {
            fillAdmin(wizard, password, repeat);
            clickNext(wizard);
            CHECK(wizard.currentId() == SetupWizard::AdminPageId);
            auto expected =
                reason == Reason::PasswordTooShort ? Cause{reason, {}, auth::kMinimumPasswordLength} : Cause{reason};
            CHECK(errorOf(wizard, u"adminErrorLabel"_s) == ClerkText::of(expected));
        };
        refused(u"Ab1!"_s, u"Ab1!"_s, Reason::PasswordTooShort);
        refused(u"countercounter"_s, u"countercounter"_s, Reason::PasswordTooSimple);
        refused(u"20261204"_s, u"20261204"_s, Reason::PasswordTooSimple);
        refused(u"Admin-2026"_s, u"Admin-2026"_s, Reason::PasswordHasName);
        refused(kPassword, kPassword + u"x"_s, Reason::PasswordMismatch);
        CHECK(findChild<QLineEdit>(&wizard, u"adminRepeatEdit"_s)->text().isEmpty());
        type(&wizard, u"adminNameEdit"_s, u"a/b"_s);
        refused(kPassword, kPassword, Reason::AccountNameInvalid);
    }
    SECTION("HQ bundle")
    {
        goTo(wizard, counter, SetupWizard::HqPageId);
        auto* bundle = findChild<QLineEdit>(&wizard, u"bundleEdit"_s);
        auto* url = findChild<QLineEdit>(&wizard, u"hqUrlEdit"_s);
        clickNext(wizard);
        CHECK(wizard.currentId() == SetupWizard::HqPageId);
        CHECK_FALSE(errorOf(wizard, u"hqErrorLabel"_s).isEmpty());

        bundle->setText(counter.root + u"/missing.bundle"_s);
        clickNext(wizard);
        CHECK(errorOf(wizard, u"hqErrorLabel"_s).contains(u"missing.bundle"_s));

        writeFile(counter.root + u"/photo.jpg"_s, "\xff\xd8\xff\xe0 not a bundle");
        bundle->setText(counter.root + u"/photo.jpg"_s);
        clickNext(wizard);
        CHECK(wizard.currentId() == SetupWizard::HqPageId);
        CHECK(errorOf(wizard, u"hqErrorLabel"_s).contains(u"photo.jpg"_s));

        writeFile(counter.root + u"/other.bundle"_s, bundleJson(u"GD-SZ-0043"_s));
        bundle->setText(counter.root + u"/other.bundle"_s);
        clickNext(wizard);
        CHECK(wizard.currentId() == SetupWizard::HqPageId);
        CHECK(errorOf(wizard, u"hqErrorLabel"_s).contains(u"GD-SZ-0043"_s));

        bundle->setText(counter.bundlePath);
        url->setText(u"http://hq.example:8080"_s);
        clickNext(wizard);
        CHECK(wizard.currentId() == SetupWizard::HqPageId);
        CHECK(errorOf(wizard, u"hqErrorLabel"_s).contains(u"https://"_s));
        url->setText(u"https://hq.example:8443"_s);
        clickNext(wizard);
        CHECK(wizard.currentId() == SetupWizard::ReaderPageId);
    }
    SECTION("card reader")
    {
        goTo(wizard, counter, SetupWizard::ReaderPageId);
        auto* ports = findChild<QComboBox>(&wizard, u"portCombo"_s);
        ports->setCurrentIndex(ports->findData(u"other"_s));
        clickNext(wizard);
        CHECK(wizard.currentId() == SetupWizard::ReaderPageId);
        type(&wizard, u"portEdit"_s, u"/dev/ttyNOTHERE9"_s);
        clickNext(wizard);
        CHECK(wizard.currentId() == SetupWizard::ReaderPageId);
        CHECK(errorOf(wizard, u"readerErrorLabel"_s).contains(u"/dev/ttyNOTHERE9"_s));
        // A decoder "library" that is not one.
        type(&wizard, u"portEdit"_s, counter.simulator->slavePath());
        writeFile(counter.root + u"/libwlt.so"_s, "not a library");
        findChild<QLineEdit>(&wizard, u"wltEdit"_s)->setText(counter.root + u"/libwlt.so"_s);
        clickNext(wizard);
        CHECK(wizard.currentId() == SetupWizard::ReaderPageId);
        CHECK(errorOf(wizard, u"readerErrorLabel"_s).contains(u"libwlt.so"_s));
        findChild<QLineEdit>(&wizard, u"wltEdit"_s)->clear();
        clickNext(wizard);
        CHECK(wizard.currentId() == SetupWizard::CameraPageId);
    }
    SECTION("camera that gives no picture")
    {
        SetupWizardOptions options = counter.options();
        options.openCamera = [](const QString&) {
            return std::make_unique<face::FakeCamera>(QStringList{u"/nonexistent/frame.png"_s});
        };
        SetupWizard broken(options);
        broken.show();
        goTo(broken, counter, SetupWizard::CameraPageId);
        REQUIRE(QTest::qWaitFor([&] { return !errorOf(broken, u"cameraErrorLabel"_s).isEmpty(); }, 5000));
        clickNext(broken);
        CHECK(broken.currentId() == SetupWizard::CameraPageId);
        auto* cameras = findChild<QComboBox>(&broken, u"cameraCombo"_s);
        cameras->setCurrentIndex(cameras->findData(QString()));
        clickNext(broken);
        CHECK(broken.currentId() == SetupWizard::FacePageId);
    }
    CHECK_FALSE(QFileInfo::exists(counter.configPath));
    CHECK_FALSE(QFileInfo::exists(store::KeySlotFile::pathFor(counter.databasePath)));
}

TEST_CASE("setup wizard: cancelling on any page asks, then leaves nothing on disk", "[widgets]")
{
    for (int page = SetupWizard::OutletPageId; page <= SetupWizard::SummaryPageId; ++page) {
        INFO("cancelled on page " << page);
        NewCounter counter;
        SetupWizard wizard(counter.options());
        wizard.show();
        goTo(wizard, counter, page);
        counter.cancelAnswer = false;
        wizard.reject(); // Cancel, Esc and the window's close button all come here
        CHECK(counter.cancelQuestions == 1);
        CHECK(wizard.isVisible());
        counter.cancelAnswer = true;
        wizard.button(QWizard::CancelButton)->click();
        CHECK(counter.cancelQuestions == 2);
        CHECK(wizard.result() == QDialog::Rejected);
        CHECK_FALSE(wizard.isVisible());
        CHECK(filesUnder(counter.root) == counter.before);
        CHECK_FALSE(QFileInfo::exists(counter.root + u"/data"_s));
    }
}

TEST_CASE("setup wizard: a finish that fails keeps nothing it made and says why", "[widgets]")
{
    NewCounter counter;
    // The configuration's folder cannot be made: a file stands where it would be.
    writeFile(counter.root + u"/config"_s, "a file, not a folder");
    counter.before = filesUnder(counter.root);
    SetupWizard wizard(counter.options());
    wizard.show();
    goTo(wizard, counter, SetupWizard::SummaryPageId);
    wizard.button(QWizard::FinishButton)->click();
    CHECK(wizard.currentId() == SetupWizard::SummaryPageId);
    CHECK(wizard.isVisible());
    CHECK_FALSE(errorOf(wizard, u"finishErrorLabel"_s).isEmpty());
    // No database without its configuration, no key slots without their database.
    CHECK_FALSE(QFileInfo::exists(counter.databasePath));
    CHECK_FALSE(QFileInfo::exists(store::KeySlotFile::pathFor(counter.databasePath)));
    CHECK(filesUnder(counter.root) == counter.before);
    CHECK_FALSE(QFileInfo::exists(counter.root + u"/data"_s)); // the folder it made is gone too

    // Put right, the same answers finish.
    REQUIRE(QFile::remove(counter.root + u"/config"_s));
    wizard.button(QWizard::FinishButton)->click();
    CHECK(wizard.result() == QDialog::Accepted);
    CHECK(OutletConfig::load(counter.configPath).has_value());
}

TEST_CASE("outlet setup: the plan is checked before anything is written, nothing is overwritten", "[outlet]")
{
    QTemporaryDir dir;
    SystemClock clock;
    outlet::SetupPlan plan;
    plan.configPath = dir.filePath(u"outlet.ini"_s);
    plan.config.databasePath = dir.filePath(u"db/outlet.db"_s);
    plan.config.outletId = kOutlet;
    plan.adminName = u"admin"_s;
    plan.password = kPassword.toUtf8();
    plan.kdf = store::KdfParams::weakForTests();
    plan.bundle = *protocol::CredentialBundle::fromJson(bundleJson(u"GD-SZ-0043"_s));

    auto refused = outlet::setUpOutlet(plan, clock);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().detail.contains(u"GD-SZ-0043"_s));
    CHECK(filesUnder(dir.path()).isEmpty());

    plan.bundle = *protocol::CredentialBundle::fromJson(bundleJson(kOutlet, u"http://hq.example"_s));
    CHECK_FALSE(outlet::setUpOutlet(plan, clock).has_value());
    plan.bundle.reset();
    plan.password = "short";
    CHECK(outlet::setUpOutlet(plan, clock).error().cause.reason == Reason::PasswordTooShort);
    plan.password = kPassword.toUtf8();
    REQUIRE(outlet::setUpOutlet(plan, clock).has_value());
    const QByteArray database = readFile(plan.config.databasePath);
    // A second setup over the first is refused and changes nothing.
    auto again = outlet::setUpOutlet(plan, clock);
    REQUIRE_FALSE(again.has_value());
    CHECK(readFile(plan.config.databasePath) == database);
    CHECK(OutletConfig::load(plan.configPath).has_value());
}

TEST_CASE("outlet configuration: saved atomically, read back the same, paths with 𠮷 and · intact", "[outlet]")
{
    QTemporaryDir dir;
    OutletConfig config;
    config.databasePath = dir.filePath(u"艾力·𠮷/outlet.db"_s);
    config.outletId = kOutlet;
    config.simOperator = catalog::SimOperator::ChinaTelecom;
    config.catalogPath = dir.filePath(u"catalog 𠮷.json"_s);
    config.readerPort = u"/dev/ttyUSB0"_s;
    config.wltLibrary = dir.filePath(u"lib/libwlt.so"_s);
    config.cameraDevice = u"/dev/video0"_s;
    config.modelDirs = {dir.filePath(u"models a"_s), dir.filePath(u"models·b"_s)};
    config.syncIntervalSeconds = 120;
    const QString path = dir.filePath(u"etc/outlet.ini"_s);
    REQUIRE(config.save(path).has_value());
    CHECK(filesUnder(dir.path()) == QStringList{u"etc/outlet.ini"_s}); // no temporary file left
    auto loaded = OutletConfig::load(path);
    REQUIRE(loaded.has_value());
    CHECK(loaded->databasePath == config.databasePath);
    CHECK(loaded->outletId == config.outletId);
    CHECK(loaded->simOperator == config.simOperator);
    CHECK(loaded->catalogPath == config.catalogPath);
    CHECK(loaded->readerPort == config.readerPort);
    CHECK(loaded->wltLibrary == config.wltLibrary);
    CHECK(loaded->cameraDevice == config.cameraDevice);
    CHECK(loaded->modelDirs == config.modelDirs);
    CHECK(loaded->syncIntervalSeconds == 120);
    CHECK(loaded->idleLockSeconds == 5 * 60);

    // Saving again replaces the file whole; a configuration without a database is refused and changes nothing.
    const QByteArray first = readFile(path);
    OutletConfig empty;
    CHECK_FALSE(empty.save(path).has_value());
    CHECK(readFile(path) == first);
    CHECK(filesUnder(dir.path()) == QStringList{u"etc/outlet.ini"_s});
}

TEST_CASE("administrator password: long enough, more than one kind of character, not the name", "[outlet]")
{
    CHECK(auth::checkAdminPassword("Counter-2026!", u"admin"_s).has_value());
    CHECK(auth::checkAdminPassword("zhanglei2026", u"admin"_s).has_value());
    CHECK(auth::checkAdminPassword("柜台密码柜台密码", u"admin"_s).error().cause.reason == Reason::PasswordTooSimple);
    CHECK(auth::checkAdminPassword("柜台密码2026", u"admin"_s).has_value());
    CHECK(auth::checkAdminPassword("Ab1!", u"admin"_s).error().cause.reason == Reason::PasswordTooShort);
    CHECK(auth::checkAdminPassword("abcdefghijk", u"admin"_s).error().cause.reason == Reason::PasswordTooSimple);
    CHECK(auth::checkAdminPassword("12345678901", u"admin"_s).error().cause.reason == Reason::PasswordTooSimple);
    CHECK(auth::checkAdminPassword("my-ADMIN-99", u"admin"_s).error().cause.reason == Reason::PasswordHasName);
    CHECK(auth::checkAdminPassword("ab-1234567", u"ab"_s).has_value()); // a two-letter name is not searched for
}
