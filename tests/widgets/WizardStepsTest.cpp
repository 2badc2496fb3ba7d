#include "WidgetFixture.h"

#include "core/identity/Validators.h"
#include "core/outlet/ClerkText.h"
#include "core/outlet/StoreSessionServices.h"
#include "core/registration/RegistrationSession.h"
#include "core/store/OutletStore.h"
#include "widgets/registration/AgreementViewer.h"
#include "widgets/registration/CustomerDisplay.h"
#include "widgets/registration/FacePage.h"
#include "widgets/registration/RegistrationForm.h"
#include "widgets/registration/RegistrationWizard.h"
#include "widgets/registration/SessionText.h"
#include "widgets/registration/SignaturePad.h"
#include "widgets/registration/SummaryPage.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDateEdit>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::registration;
using namespace shiming::testing;

namespace {

struct Counter : WidgetFixture {
    RegistrationWizard wizard{context};

    Counter()
    {
        wizard.resize(1280, 720);
        wizard.show();
        wizard.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&wizard));
        wizard.startNew();
    }

    RegistrationSession& session() { return *wizard.session(); }
    QWidget* currentPage()
    {
        auto* scroll =
            qobject_cast<QScrollArea*>(findChild<QStackedWidget>(&wizard, u"stepStackedWidget"_s)->currentWidget());
        return scroll ? scroll->widget() : nullptr;
    }

    void placeAdultCard(const QString& name = u"𠮷田·阿依古丽"_s)
    {
        reader.place(residentCard(name, QDate(1990, 5, 1), kToday), chipPhoto());
    }

    void toPackageStep()
    {
        pressKey(&wizard, Qt::Key_Return); // individual
        placeAdultCard();
        REQUIRE(session().step() == SessionStep::Face);
        pressKey(&wizard, Qt::Key_F5);
        REQUIRE(session().step() == SessionStep::Package);
    }

    void toAgreementStep()
    {
        toPackageStep();
        auto* table = findChild<QTableWidget>(&wizard, u"packageTableWidget"_s);
        table->setCurrentCell(0, 0);
        auto* numbers = findChild<QListWidget>(&wizard, u"numberListWidget"_s);
        numbers->setCurrentRow(0);
        QTest::keyClick(numbers, Qt::Key_Return); // picked on purpose: Enter on the highlighted number
        auto* iccid = findChild<QLineEdit>(&wizard, u"iccidEdit"_s);
        iccid->setFocus();
        QTest::keyClicks(iccid, luhnIccid());
        QTest::keyClick(iccid, Qt::Key_Return);
        REQUIRE(session().step() == SessionStep::Agreement);
    }

    void signAndConfirm()
    {
        for (const QString& name : {u"agreementViewer"_s, u"fraudNoticeViewer"_s}) {
            auto* viewer = findChild<AgreementViewer>(&wizard, name);
            viewer->setFocus();
            QTest::keyClick(viewer, Qt::Key_End, Qt::ControlModifier); // the key scrolls (no shortcut from code)
            REQUIRE(viewer->readToEnd());
        }
        auto* pad = findChild<SignaturePad>(&wizard, u"signaturePad"_s);
        QTest::mousePress(pad, Qt::LeftButton, {}, QPoint(30, 60));
        for (int x = 40; x < 300; x += 20)
            QTest::mouseMove(pad, QPoint(x, 60 + (x % 40)));
        QTest::mouseRelease(pad, Qt::LeftButton, {}, QPoint(300, 80));
        pressKey(&wizard, Qt::Key_K, Qt::ControlModifier);
    }
};

/// The counter on a real encrypted outlet database: the session's records go to the store.
struct StoreCounter : Counter {
    QTemporaryDir dir;
    std::unique_ptr<store::OutletStore> store;
    std::optional<StoreSessionServices> services;

    StoreCounter()
    {
        REQUIRE(QDir(dir.path()).mkpath(u"柜台𠮷"_s));
        auto created = store::OutletStore::create(dir.filePath(u"柜台𠮷/outlet.db"_s), u"outlet-test"_s,
                                                  QByteArray(32, '\x11'), clock);
        REQUIRE(created.has_value());
        store = std::move(*created);
        services.emplace([this] { return store.get(); });
        context.services.sink = &*services;
        wizard.startNew();
    }

    /// Alt+T, then the arrow keys down the list to `transaction`, then Enter for an individual.
    void chooseTransaction(Transaction transaction)
    {
        pressKey(&wizard, Qt::Key_T, Qt::AltModifier);
        auto* combo = findChild<QComboBox>(&wizard, u"transactionCombo"_s);
        REQUIRE(QApplication::focusWidget() == combo);
        while (Transaction(combo->currentData().toInt()) != transaction) {
            const int before = combo->currentIndex();
            QTest::keyClick(combo, Qt::Key_Down);
            REQUIRE(combo->currentIndex() == before + 1);
        }
        CHECK(session().transaction() == transaction);
        pressKey(&wizard, Qt::Key_Return);
        REQUIRE(session().step() == SessionStep::Documents);
    }

    /// Types the number in service and Enter.
    void typeServiceNumber(const QString& digits)
    {
        auto* edit = findChild<QLineEdit>(&wizard, u"serviceNumberEdit"_s);
        REQUIRE(edit->isVisible());
        REQUIRE(QApplication::focusWidget() == edit);
        edit->selectAll();
        QTest::keyClicks(edit, digits);
        QTest::keyClick(edit, Qt::Key_Return);
    }

    /// Signs, confirms, goes to the summary and commits; the stored record.
    Registration commitAndLoad()
    {
        signAndConfirm();
        pressKey(&wizard, Qt::Key_Return);
        REQUIRE(session().step() == SessionStep::Summary);
        pressKey(&wizard, Qt::Key_Return);
        REQUIRE(session().committedRecord().has_value());
        auto loaded = store->registrations().load(session().committedRecord()->uuid, true);
        REQUIRE(loaded.has_value());
        return *loaded;
    }
};

} // namespace

TEST_CASE("Customer type: keys 1-4 choose, Enter goes on", "[widgets]")
{
    Counter c;
    CHECK(c.currentPage()->objectName() == u"customerTypePage"_s);
    CHECK(findChild<QRadioButton>(&c.wizard, u"individualRadioButton"_s)->isChecked());
    pressKey(&c.wizard, Qt::Key_3);
    CHECK(c.session().customerType() == CustomerType::Agent);
    pressKey(&c.wizard, Qt::Key_2);
    CHECK(c.session().customerType() == CustomerType::Minor);
    CHECK(findChild<QRadioButton>(&c.wizard, u"minorRadioButton"_s)->hasFocus());
    pressKey(&c.wizard, Qt::Key_Return);
    CHECK(c.session().step() == SessionStep::Documents);
    CHECK(c.currentPage()->objectName() == u"documentPage"_s);
    // Esc goes back without asking: nothing is lost.
    pressKey(&c.wizard, Qt::Key_Escape);
    CHECK(c.session().step() == SessionStep::CustomerType);
    CHECK(c.questions.isEmpty());
}

TEST_CASE("Documents: a card on the reader fills the form and moves on by itself", "[widgets]")
{
    Counter c;
    // A card placed on the first step takes the individual straight to the face step.
    c.placeAdultCard();
    CHECK(c.session().step() == SessionStep::Face);
    REQUIRE(c.session().person(DocumentRole::Customer) != nullptr);
    CHECK(c.session().person(DocumentRole::Customer)->document.name == u"𠮷田·阿依古丽"_s);
    CHECK(c.session().person(DocumentRole::Customer)->photo == chipPhoto());

    // Back to documents: the masked number shows, never the full one.
    pressKey(&c.wizard, Qt::Key_Escape);
    auto* label = findChild<QLabel>(&c.wizard, u"customerDocumentLabel"_s);
    const QString number = c.session().person(DocumentRole::Customer)->document.number;
    CHECK(label->text().contains(number.left(6)));
    CHECK_FALSE(label->text().contains(number));
    CHECK(label->text().contains(u"𠮷田·阿依古丽"_s));
}

TEST_CASE("Documents: a child alone is refused with the reason, and the flow stays", "[widgets]")
{
    Counter c;
    pressKey(&c.wizard, Qt::Key_Return);
    c.reader.place(residentCard(u"小明"_s, kToday.addYears(-12), kToday), chipPhoto());
    CHECK(c.session().step() == SessionStep::Documents);
    auto* instruction = findChild<QLabel>(&c.wizard, u"documentInstructionLabel"_s);
    CHECK(c.session().blocker().reason == Reason::GuardianRequired);
    CHECK(instruction->text() == ClerkText::of(c.session().blocker()));
    pressKey(&c.wizard, Qt::Key_Return);
    CHECK(c.session().step() == SessionStep::Documents);
    // Said once, where the clerk looks: the page's instruction, not a second (red) copy under it.
    CHECK(findChild<QLabel>(&c.wizard, u"wizardReasonLabel"_s)->text().isEmpty());
    CHECK(instruction->text() == ClerkText::of(c.session().blocker()));

    // A reader error is shown where the clerk looks.
    c.reader.failWith(0x41);
    CHECK_FALSE(findChild<QLabel>(&c.wizard, u"readerMessageLabel"_s)->text().isEmpty());
}

TEST_CASE("Documents: minor and guardian are read one after the other", "[widgets]")
{
    Counter c;
    pressKey(&c.wizard, Qt::Key_2);
    pressKey(&c.wizard, Qt::Key_Return);
    c.reader.place(residentCard(u"小明"_s, kToday.addYears(-12), kToday, 125), chipPhoto());
    CHECK(c.session().step() == SessionStep::Documents);
    c.reader.place(residentCard(u"张父"_s, QDate(1980, 2, 2), kToday, 131), chipPhoto());
    CHECK(c.session().step() == SessionStep::Face);
    CHECK(c.session().person(DocumentRole::Guardian)->document.name == u"张父"_s);
    auto* face = static_cast<FacePage*>(c.wizard.page(SessionStep::Face));
    CHECK(face->currentSubject() == DocumentRole::Customer);
    pressKey(&c.wizard, Qt::Key_F5);
    CHECK(face->currentSubject() == DocumentRole::Guardian);
    CHECK(c.session().step() == SessionStep::Face);
    pressKey(&c.wizard, Qt::Key_F5);
    CHECK(c.session().step() == SessionStep::Package);
}

TEST_CASE("Documents: a later card never replaces a filled document without the clerk's confirmation", "[widgets]")
{
    Counter c;
    pressKey(&c.wizard, Qt::Key_2); // minor with guardian
    pressKey(&c.wizard, Qt::Key_Return);
    c.reader.place(residentCard(u"小明"_s, kToday.addYears(-12), kToday, 125), chipPhoto());
    c.reader.place(residentCard(u"张父"_s, QDate(1980, 2, 2), kToday, 131), chipPhoto());
    REQUIRE(c.session().step() == SessionStep::Face);
    auto* face = static_cast<FacePage*>(c.wizard.page(SessionStep::Face));
    // The face step names whose face it checks.
    CHECK(findChild<QLabel>(&c.wizard, u"faceSubjectLabel"_s)->text().contains(u"小明"_s));
    CHECK(face->currentSubject() == DocumentRole::Customer);
    pressKey(&c.wizard, Qt::Key_Escape); // back to the documents
    REQUIRE(c.session().step() == SessionStep::Documents);

    // A third card: the clerk says no, and both documents stay as shown.
    c.answer = false;
    c.reader.place(residentCard(u"李四"_s, QDate(1985, 3, 3), kToday, 137), chipPhoto());
    CHECK(c.questions.size() == 1);
    CHECK(c.session().person(DocumentRole::Customer)->document.name == u"小明"_s);
    CHECK(c.session().person(DocumentRole::Guardian)->document.name == u"张父"_s);
    CHECK(c.session().step() == SessionStep::Documents);
    CHECK_FALSE(findChild<QLabel>(&c.wizard, u"readerMessageLabel"_s)->text().isEmpty());

    // The same guardian's card again: nothing to ask, nothing changes.
    c.reader.place(residentCard(u"张父"_s, QDate(1980, 2, 2), kToday, 131), chipPhoto());
    CHECK(c.questions.size() == 1);

    // The clerk chooses the role and confirms: only that role changes, and the step stays for a look.
    auto* role = findChild<QComboBox>(&c.wizard, u"manualRoleComboBox"_s);
    role->setCurrentIndex(role->findData(int(DocumentRole::Guardian)));
    c.answer = true;
    c.reader.place(residentCard(u"李四"_s, QDate(1985, 3, 3), kToday, 137), chipPhoto());
    CHECK(c.questions.size() == 2);
    CHECK(c.session().person(DocumentRole::Customer)->document.name == u"小明"_s);
    CHECK(c.session().person(DocumentRole::Guardian)->document.name == u"李四"_s);
    CHECK(c.session().step() == SessionStep::Documents);
}

TEST_CASE("Documents: a refused document is replaced by a card only after the clerk confirms", "[widgets]")
{
    Counter c;
    pressKey(&c.wizard, Qt::Key_Return); // individual
    c.reader.place(residentCard(u"小明"_s, kToday.addYears(-12), kToday), chipPhoto());
    REQUIRE(c.session().blocker().reason == Reason::GuardianRequired);
    c.answer = false;
    c.placeAdultCard();
    CHECK(c.session().person(DocumentRole::Customer)->document.name == u"小明"_s);
    c.answer = true;
    c.placeAdultCard();
    CHECK(c.session().person(DocumentRole::Customer)->document.name == u"𠮷田·阿依古丽"_s);
    CHECK(c.questions.size() == 2);
    CHECK(c.session().step() == SessionStep::Documents); // a replacement does not move on by itself
}

TEST_CASE("Documents: a permit is typed with the error next to the field as the clerk types", "[widgets]")
{
    Counter c;
    pressKey(&c.wizard, Qt::Key_Return);
    auto* number = findChild<QLineEdit>(&c.wizard, u"manualNumberEdit"_s);
    auto* error = findChild<QLabel>(&c.wizard, u"manualNumberErrorLabel"_s);
    pressKey(&c.wizard, Qt::Key_M, Qt::ControlModifier);
    auto* type = findChild<QComboBox>(&c.wizard, u"manualTypeComboBox"_s);
    CHECK(type->hasFocus());
    // Nothing is preset: no document type, sex or dates the clerk did not enter.
    CHECK(type->currentData().toInt() < 0);
    CHECK(findChild<QComboBox>(&c.wizard, u"manualSexComboBox"_s)->currentData().toString().isEmpty());
    CHECK(findChild<QDateEdit>(&c.wizard, u"manualBirthDateEdit"_s)->text().trimmed().isEmpty());
    CHECK_FALSE(findChild<QWidget>(&c.wizard, u"mrzEdit"_s)->isVisible());
    type->setCurrentIndex(type->findData(int(DocumentType::HkMoPermit)));
    findChild<QLineEdit>(&c.wizard, u"manualNameEdit"_s)->setText(u"陈大文"_s);
    number->setFocus();
    QTest::keyClicks(number, u"H1234"_s);
    CHECK_FALSE(error->text().isEmpty());
    QTest::keyClicks(number, u"5678"_s);
    CHECK(error->text().isEmpty());
    // Sex, birth date and expiry are still missing: the form says so and takes nothing.
    QTest::keyClick(number, Qt::Key_Return);
    CHECK(c.session().person(DocumentRole::Customer) == nullptr);
    CHECK_FALSE(findChild<QLabel>(&c.wizard, u"manualErrorLabel"_s)->text().isEmpty());
    auto* sex = findChild<QComboBox>(&c.wizard, u"manualSexComboBox"_s);
    sex->setCurrentIndex(sex->findData(u"1"_s));
    findChild<QDateEdit>(&c.wizard, u"manualBirthDateEdit"_s)->setDate(QDate(1990, 1, 1));
    findChild<QDateEdit>(&c.wizard, u"manualValidToEdit"_s)->setDate(kToday.addYears(5));
    QTest::keyClick(number, Qt::Key_Return);
    REQUIRE(c.session().person(DocumentRole::Customer) != nullptr);
    CHECK(c.session().person(DocumentRole::Customer)->source == DocumentSource::Manual);
    CHECK(c.session().blocker() == Cause{Reason::DocumentPhotoMissing, u"customer"_s});
    pressKey(&c.wizard, Qt::Key_F7);
    CHECK_FALSE(c.session().person(DocumentRole::Customer)->photo.isEmpty());
    pressKey(&c.wizard, Qt::Key_Return);
    CHECK(c.session().step() == SessionStep::Face);

    // The next customer finds the manual form empty, nothing left from this one.
    REQUIRE(c.wizard.cancelWithConfirmation());
    CHECK(findChild<QLineEdit>(&c.wizard, u"manualNameEdit"_s)->text().isEmpty());
    CHECK(number->text().isEmpty());
    CHECK(type->currentData().toInt() < 0);
    CHECK(sex->currentData().toString().isEmpty());
}

TEST_CASE("Documents: a household register typed by hand gets no invented expiry", "[widgets]")
{
    Counter c;
    pressKey(&c.wizard, Qt::Key_2); // a minor: the household register is accepted for them
    pressKey(&c.wizard, Qt::Key_Return);
    auto* type = findChild<QComboBox>(&c.wizard, u"manualTypeComboBox"_s);
    type->setCurrentIndex(type->findData(int(DocumentType::HouseholdRegister)));
    CHECK_FALSE(findChild<QWidget>(&c.wizard, u"manualValidToEdit"_s)->isVisible());
    findChild<QLineEdit>(&c.wizard, u"manualNameEdit"_s)->setText(u"小明"_s);
    auto* sex = findChild<QComboBox>(&c.wizard, u"manualSexComboBox"_s);
    sex->setCurrentIndex(sex->findData(u"1"_s));
    const QString first17 = u"11010520141203121"_s;
    auto* number = findChild<QLineEdit>(&c.wizard, u"manualNumberEdit"_s);
    number->setText(first17 + QChar(identity::residentIdCheckCharacter(first17)));
    QTest::keyClick(number, Qt::Key_Return);
    const SessionPerson* child = c.session().person(DocumentRole::Customer);
    REQUIRE(child != nullptr);
    CHECK_FALSE(child->document.validTo.isValid());
    CHECK(child->document.validToLongTerm);
}

TEST_CASE("Face: preview, capture, pass moves on, the document photo is what is compared", "[widgets]")
{
    Counter c;
    pressKey(&c.wizard, Qt::Key_Return);
    c.placeAdultCard();
    REQUIRE(c.session().step() == SessionStep::Face);
    CHECK(c.feed.state() == CameraFeed::State::Running);
    // The chip photo is analysed as the step opens, before the clerk captures.
    CHECK(c.face.preparedPhotos == QList<QByteArray>{chipPhoto()});
    CHECK(c.face.comparisons == 0);
    CHECK(QTest::qWaitFor([&] { return c.face.hints > 0; }, 3000));
    pressKey(&c.wizard, Qt::Key_F5);
    CHECK(c.face.comparisons == 1);
    CHECK(c.face.lastDocumentPhoto == chipPhoto());
    CHECK(c.face.lastLiveSize == QSize(640, 480));
    CHECK(c.session().step() == SessionStep::Package);
    CHECK(c.feed.state() == CameraFeed::State::Off); // the camera is off when not needed
    CHECK_FALSE(c.session().face(DocumentRole::Customer)->livePhoto.isEmpty());
}

TEST_CASE("Face: review needs a manager's password on the spot", "[widgets]")
{
    Counter c;
    c.face.nextBand = FaceBand::ManualReview;
    pressKey(&c.wizard, Qt::Key_Return);
    c.placeAdultCard();
    pressKey(&c.wizard, Qt::Key_F5);
    CHECK(c.session().step() == SessionStep::Face);
    auto* account = findChild<QLineEdit>(&c.wizard, u"managerAccountEdit"_s);
    CHECK(account->isVisible());
    CHECK(account->hasFocus());
    QTest::keyClicks(account, u"clerk1"_s);
    QTest::keyClick(account, Qt::Key_Return);
    auto* password = findChild<QLineEdit>(&c.wizard, u"managerPasswordEdit"_s);
    QTest::keyClicks(password, u"clerk-pass"_s);
    QTest::keyClick(password, Qt::Key_Return);
    CHECK(c.session().step() == SessionStep::Face); // a clerk cannot approve
    CHECK_FALSE(findChild<QLabel>(&c.wizard, u"managerErrorLabel"_s)->text().isEmpty());
    account->setText(u"manager1"_s);
    QTest::keyClicks(password, u"manager-pass"_s);
    QTest::keyClick(password, Qt::Key_Return);
    CHECK(c.session().step() == SessionStep::Package);
    CHECK(c.session().face(DocumentRole::Customer)->evidence.overrideBy == u"manager1"_s);
    CHECK(c.gate.lastAction == u"face_review"_s);
}

TEST_CASE("Face: review can be parked, three failures stop the registration", "[widgets]")
{
    SECTION("park")
    {
        Counter c;
        c.face.nextBand = FaceBand::ManualReview;
        pressKey(&c.wizard, Qt::Key_Return);
        c.placeAdultCard();
        pressKey(&c.wizard, Qt::Key_F5);
        // Waiting for a manager: no capture advice beside the amber result.
        const int hints = c.face.hints;
        REQUIRE(QTest::qWaitFor([&] { return c.face.hints > hints + 1; }, 3000));
        CHECK(findChild<QLabel>(&c.wizard, u"faceHintLabel"_s)->text().isEmpty());
        pressKey(&c.wizard, Qt::Key_F8);
        CHECK(c.session().step() == SessionStep::Package);
        CHECK(c.session().face(DocumentRole::Customer)->state == FaceState::Parked);
    }
    SECTION("fail")
    {
        Counter c;
        c.face.nextBand = FaceBand::Fail;
        pressKey(&c.wizard, Qt::Key_Return);
        c.placeAdultCard();
        for (int i = 0; i < 4; ++i)
            pressKey(&c.wizard, Qt::Key_F5);
        CHECK(c.face.comparisons == 3);
        CHECK(c.session().isStopped());
        CHECK_FALSE(findChild<QPushButton>(&c.wizard, u"captureButton"_s)->isEnabled());
        pressKey(&c.wizard, Qt::Key_Return);
        CHECK(c.session().step() == SessionStep::Face);
        // The preview keeps running, but its advice no longer says "good: press F5" beside "too many failures".
        const int hints = c.face.hints;
        REQUIRE(QTest::qWaitFor([&] { return c.face.hints > hints + 1; }, 3000));
        CHECK(findChild<QLabel>(&c.wizard, u"faceHintLabel"_s)->text().isEmpty());
    }
    SECTION("no face is not an attempt")
    {
        Counter c;
        c.face.noFace = true;
        pressKey(&c.wizard, Qt::Key_Return);
        c.placeAdultCard();
        pressKey(&c.wizard, Qt::Key_F5);
        CHECK(c.session().face(DocumentRole::Customer) == nullptr);
        CHECK_FALSE(findChild<QLabel>(&c.wizard, u"faceResultLabel"_s)->text().isEmpty());
    }
    SECTION("models unavailable go to a manager")
    {
        Counter c;
        c.face.isAvailable = false;
        pressKey(&c.wizard, Qt::Key_Return);
        c.placeAdultCard();
        pressKey(&c.wizard, Qt::Key_F5);
        CHECK(c.face.comparisons == 0);
        CHECK(c.session().face(DocumentRole::Customer)->state == FaceState::AwaitingReview);
    }
}

TEST_CASE("Package: eligible packages only, number search reserves, ICCID scan moves on", "[widgets]")
{
    Counter c;
    c.toPackageStep();
    auto* table = findChild<QTableWidget>(&c.wizard, u"packageTableWidget"_s);
    CHECK(table->hasFocus());
    QStringList shown;
    for (int row = 0; row < table->rowCount(); ++row)
        shown.append(table->item(row, 0)->text());
    CHECK(shown.contains(u"畅聊无忧 58元"_s));
    CHECK_FALSE(shown.contains(u"企业办公套餐 199元"_s));
    CHECK_FALSE(shown.contains(u"孝心卡 18元"_s));
    QTest::keyClick(table, Qt::Key_Down);
    REQUIRE(c.session().package() != nullptr);

    auto* search = findChild<QLineEdit>(&c.wizard, u"numberSearchEdit"_s);
    pressKey(&c.wizard, Qt::Key_N, Qt::AltModifier);
    CHECK(search->hasFocus());
    QTest::keyClicks(search, u"8888"_s);
    auto* numbers = findChild<QListWidget>(&c.wizard, u"numberListWidget"_s);
    REQUIRE(numbers->count() == 1);
    QTest::keyClick(search, Qt::Key_Return);
    CHECK(c.session().number() == u"13800138888"_s);
    CHECK(c.pool.state(u"13800138888") == catalog::NumberState::Reserved);
    auto* iccid = findChild<QLineEdit>(&c.wizard, u"iccidEdit"_s);
    CHECK(iccid->hasFocus());
    CHECK(c.session().step() == SessionStep::Package);

    // A scanner types fast and ends with Enter; a bad scan stays on the field with the reason.
    QTest::keyClicks(iccid, u"12345"_s);
    QTest::keyClick(iccid, Qt::Key_Return);
    CHECK(c.session().step() == SessionStep::Package);
    CHECK(findChild<QLabel>(&c.wizard, u"iccidStatusLabel"_s)->text() == ClerkText::iccid(u"invalid_length"_s));
    QTest::keyClicks(iccid, luhnIccid());
    QTest::keyClick(iccid, Qt::Key_Return);
    CHECK(c.session().iccid() == luhnIccid());
    CHECK(c.session().step() == SessionStep::Agreement);
}

TEST_CASE("Package: a number is chosen on purpose, a taken one says so, and its fee and the term are stated",
          "[widgets]")
{
    Counter c;
    c.toPackageStep();
    auto* table = findChild<QTableWidget>(&c.wizard, u"packageTableWidget"_s);
    QTest::keyClick(table, Qt::Key_Down);
    REQUIRE(c.session().package() != nullptr);
    auto* search = findChild<QLineEdit>(&c.wizard, u"numberSearchEdit"_s);
    auto* numbers = findChild<QListWidget>(&c.wizard, u"numberListWidget"_s);
    search->setFocus();

    // Enter in the empty box reserves nothing (the first listed may be a premium number): the list gets the focus.
    QTest::keyClick(search, Qt::Key_Return);
    CHECK(c.session().number().isEmpty());
    CHECK(numbers->hasFocus());
    CHECK(c.pool.state(u"13800138888") == catalog::NumberState::Free);

    // Typed digits choose: the premium number, with its fee stated.
    search->setFocus();
    QTest::keyClicks(search, u"8888"_s);
    QTest::keyClick(search, Qt::Key_Return);
    CHECK(c.session().number() == u"13800138888"_s);
    CHECK(c.session().numberFeeFen() == 88800);
    CHECK(findChild<QLabel>(&c.wizard, u"reservedNumberLabel"_s)->text().contains(u"888"_s));

    // Other digits and Enter: the new number replaces the old reservation.
    search->setFocus();
    search->clear();
    QTest::keyClicks(search, u"8001"_s);
    QTest::keyClick(search, Qt::Key_Return);
    CHECK(c.session().number() == u"13800138001"_s);
    CHECK(c.pool.state(u"13800138888") == catalog::NumberState::Free);
    CHECK(c.session().numberFeeFen() == 0);

    // Taken at another counter after the list was shown: the clerk is told, the old reservation stays.
    search->setFocus();
    search->clear();
    QTest::keyClicks(search, u"8000"_s);
    REQUIRE(c.pool.reserve(u"13800138000", u"another-counter"_s));
    QTest::keyClick(search, Qt::Key_Return);
    CHECK(c.session().number() == u"13800138001"_s);
    CHECK(findChild<QLabel>(&c.wizard, u"packageStatusLabel"_s)->text() == ClerkText::of(Cause{Reason::NumberTaken}));

    // The printed form and the summary state the one-off fee and the contract term.
    search->setFocus();
    search->clear();
    QTest::keyClicks(search, u"8888"_s);
    QTest::keyClick(search, Qt::Key_Return);
    REQUIRE(c.session().number() == u"13800138888"_s);
    const RegistrationForm form(c.session().buildRegistration(), *c.session().package(), c.session().numberFeeFen());
    CHECK(form.html().contains(SessionText::numberFee(88800)));
    CHECK(form.html().contains(SessionText::contractTerm(c.session().package()->contractMonths)));
    CHECK(SessionText::numberFee(88800).contains(u"888"_s));
}

TEST_CASE("Package: an ICCID without a valid check digit needs a second Enter, a SIM is never bound twice", "[widgets]")
{
    Counter c;
    c.toPackageStep();
    QTest::keyClick(findChild<QTableWidget>(&c.wizard, u"packageTableWidget"_s), Qt::Key_Down);
    auto* search = findChild<QLineEdit>(&c.wizard, u"numberSearchEdit"_s);
    search->setFocus();
    QTest::keyClicks(search, u"8001"_s);
    QTest::keyClick(search, Qt::Key_Return);
    REQUIRE(c.session().number() == u"13800138001"_s);
    auto* iccid = findChild<QLineEdit>(&c.wizard, u"iccidEdit"_s);
    auto* status = findChild<QLabel>(&c.wizard, u"iccidStatusLabel"_s);
    REQUIRE(iccid->hasFocus());

    // The last digit changed: one Enter keeps the page and says why, here, before anything moves on.
    QString wrong = luhnIccid();
    wrong.back() = QChar(u'0' + (wrong.back().digitValue() + 1) % 10);
    QTest::keyClicks(iccid, wrong);
    QTest::keyClick(iccid, Qt::Key_Return);
    CHECK(c.session().step() == SessionStep::Package);
    CHECK(c.session().blocker().reason == Reason::IccidCheckDigit);
    CHECK(status->text() == ClerkText::of(Cause{Reason::IccidCheckDigit}));
    // The clerk compared the printed number: the second Enter on the same number accepts it.
    QTest::keyClick(iccid, Qt::Key_Return);
    CHECK(c.session().iccid() == wrong);
    CHECK(c.session().step() == SessionStep::Agreement);

    // A SIM card already bound to a stored registration is refused with the reason.
    Counter other;
    registration::Registration stored;
    stored.iccid = luhnIccid();
    stored.status = registration::RecordStatus::Committed;
    other.sink.records.append(stored);
    other.toPackageStep();
    QTest::keyClick(findChild<QTableWidget>(&other.wizard, u"packageTableWidget"_s), Qt::Key_Down);
    auto* otherSearch = findChild<QLineEdit>(&other.wizard, u"numberSearchEdit"_s);
    otherSearch->setFocus();
    QTest::keyClicks(otherSearch, u"8001"_s);
    QTest::keyClick(otherSearch, Qt::Key_Return);
    auto* otherIccid = findChild<QLineEdit>(&other.wizard, u"iccidEdit"_s);
    QTest::keyClicks(otherIccid, luhnIccid());
    QTest::keyClick(otherIccid, Qt::Key_Return);
    CHECK(other.session().iccid().isEmpty());
    CHECK(other.session().step() == SessionStep::Package);
    CHECK(findChild<QLabel>(&other.wizard, u"iccidStatusLabel"_s)->text() == ClerkText::iccid(u"in_use"_s));
    // And when the store cannot say, the card is refused too (never bound on an unknown).
    other.sink.iccidUnreadable = true;
    otherIccid->clear();
    QTest::keyClicks(otherIccid, luhnIccid());
    QTest::keyClick(otherIccid, Qt::Key_Return);
    CHECK(findChild<QLabel>(&other.wizard, u"iccidStatusLabel"_s)->text() == ClerkText::iccid(u"unchecked"_s));
}

TEST_CASE("Package: an attached scan is shown as a thumbnail, a damaged or non-file scan is refused", "[widgets]")
{
    Counter c;
    pressKey(&c.wizard, Qt::Key_4); // organisation
    pressKey(&c.wizard, Qt::Key_Return);
    QTest::keyClicks(findChild<QLineEdit>(&c.wizard, u"usccEdit"_s), u"911101051234567883"_s);
    findChild<QLineEdit>(&c.wizard, u"organisationNameEdit"_s)
        ->setText(u"示例科技有限公司"_s); // an IME commits whole words
    c.placeAdultCard(u"王·经办"_s);       // the handler
    c.reader.place(residentCard(u"李·用户"_s, QDate(1985, 3, 3), kToday, 137), chipPhoto()); // the card's user
    REQUIRE(c.session().step() == SessionStep::Face);
    pressKey(&c.wizard, Qt::Key_F5);
    REQUIRE(c.session().step() == SessionStep::Package);
    REQUIRE(c.session().requiredAttachments().contains(u"business_licence"_s));
    auto* status = findChild<QLabel>(&c.wizard, u"packageStatusLabel"_s);

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // A scan cut short: JPEG by its first bytes, no picture in it.
    const QString damaged = dir.filePath(u"damaged.jpg"_s);
    {
        QFile file(damaged);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11) + QByteArray(64, '\0'));
    }
    c.fileToAttach = damaged;
    QTest::mouseClick(findChild<QPushButton>(&c.wizard, u"business_licenceFileButton"_s), Qt::LeftButton);
    CHECK_FALSE(c.session().hasAttachment(u"business_licence"_s));
    CHECK(status->text().contains(u"damaged"_s));
    // A device is not a scan (and would be read without end).
    c.fileToAttach = u"/dev/zero"_s;
    QTest::mouseClick(findChild<QPushButton>(&c.wizard, u"business_licenceFileButton"_s), Qt::LeftButton);
    CHECK_FALSE(c.session().hasAttachment(u"business_licence"_s));

    const QString scan = dir.filePath(u"licence.png"_s);
    QImage page(600, 800, QImage::Format_RGB32);
    page.fill(Qt::white);
    REQUIRE(page.save(scan, "PNG"));
    c.fileToAttach = scan;
    CHECK(c.wizard.findChild<QLabel*>(u"business_licenceAttachmentPreview"_s) == nullptr);
    QTest::mouseClick(findChild<QPushButton>(&c.wizard, u"business_licenceFileButton"_s), Qt::LeftButton);
    REQUIRE(c.session().hasAttachment(u"business_licence"_s));
    QLabel* preview = nullptr;
    REQUIRE(QTest::qWaitFor([&] {
        preview = c.wizard.findChild<QLabel*>(u"business_licenceAttachmentPreview"_s);
        return preview != nullptr;
    }));
    REQUIRE_FALSE(preview->pixmap().isNull());
    CHECK(preview->pixmap().height() <= preview->fontMetrics().height() * 4);
}

TEST_CASE("Agreement: both texts must be scrolled to the end and the customer signs", "[widgets]")
{
    Counter c;
    c.toAgreementStep();
    pressKey(&c.wizard, Qt::Key_Return);
    CHECK(c.session().step() == SessionStep::Agreement);
    CHECK(c.session().blocker() == Cause{Reason::AgreementUnread});
    // A single tap on the pad is not a signature.
    auto* pad = findChild<SignaturePad>(&c.wizard, u"signaturePad"_s);
    QTest::mousePress(pad, Qt::LeftButton, {}, QPoint(60, 60));
    QTest::mouseRelease(pad, Qt::LeftButton, {}, QPoint(61, 60));
    CHECK_FALSE(pad->isEmpty());
    CHECK_FALSE(pad->looksSigned());
    CHECK(c.session().signature().isEmpty());
    pad->clear();
    c.signAndConfirm();
    CHECK(c.session().agreementRead());
    CHECK(c.session().fraudNoticeRead());
    CHECK_FALSE(c.session().signature().isEmpty());
    QImage signature;
    REQUIRE(signature.loadFromData(c.session().signature(), "PNG"));
    CHECK(signature.width() == 600);
    CHECK(c.session().clerkConfirmed());
    pressKey(&c.wizard, Qt::Key_Return);
    CHECK(c.session().step() == SessionStep::Summary);
}

TEST_CASE("Summary: commit writes once, the form saves as PDF, Enter starts the next customer", "[widgets]")
{
    Counter c;
    c.toAgreementStep();
    c.signAndConfirm();
    pressKey(&c.wizard, Qt::Key_Return);
    REQUIRE(c.session().step() == SessionStep::Summary);
    auto* browser = c.wizard.findChild<QWidget*>(u"summaryBrowser"_s);
    REQUIRE(browser != nullptr);
    QSignalSpy committed(&c.wizard, &RegistrationWizard::registrationCommitted);
    pressKey(&c.wizard, Qt::Key_Return);
    REQUIRE(committed.count() == 1);
    REQUIRE(c.sink.records.size() == 1);
    CHECK(c.sink.records.first().customer()->document.name == u"𠮷田·阿依古丽"_s);
    CHECK(c.pool.state(c.sink.records.first().number) == catalog::NumberState::Taken);

    QTemporaryDir dir;
    auto* summary = static_cast<SummaryPage*>(c.wizard.page(SessionStep::Summary));
    const QString pdf = dir.filePath(u"form.pdf"_s);
    const mode_t umask = ::umask(022); // a file created with the default mode would be 0644
    const bool saved = summary->savePdf(pdf);
    ::umask(umask);
    REQUIRE(saved);
    QFile file(pdf);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.read(5) == QByteArray("%PDF-"));
    CHECK(file.size() > 5000);
    // The form holds the customer's name and photos: readable by the counter's own account only.
    struct stat st {};
    REQUIRE(::stat(QFile::encodeName(pdf).constData(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0600);

    RegistrationSession* old = c.wizard.session();
    pressKey(&c.wizard, Qt::Key_Return);
    CHECK(c.wizard.session() != old);
    CHECK(c.session().step() == SessionStep::CustomerType);
    CHECK(c.sink.records.size() == 1);
}

TEST_CASE("Cancel asks first and releases the reserved number", "[widgets]")
{
    Counter c;
    c.toAgreementStep();
    const QString number = c.session().number();
    CHECK(c.pool.state(number) == catalog::NumberState::Reserved);
    c.answer = false;
    pressKey(&c.wizard, Qt::Key_F12);
    CHECK(c.questions.size() == 1);
    CHECK(c.session().step() == SessionStep::Agreement);
    c.answer = true;
    pressKey(&c.wizard, Qt::Key_F12);
    CHECK(c.session().step() == SessionStep::CustomerType);
    CHECK(c.pool.state(number) == catalog::NumberState::Free);
    CHECK(c.sink.attempts == 0);
    // Esc on the first step is a cancel: it asks too.
    pressKey(&c.wizard, Qt::Key_Escape);
    CHECK(c.questions.size() == 3);
}

TEST_CASE("The customer display shows the masked number, package, number and fee", "[widgets]")
{
    Counter c;
    CustomerDisplay display;
    display.setSession(c.wizard.session());
    c.toAgreementStep();
    const QString text = display.text();
    const QString number = c.session().person(DocumentRole::Customer)->document.number;
    CHECK(text.contains(maskDocumentNumber(number)));
    CHECK_FALSE(text.contains(number));
    CHECK(text.contains(c.session().package()->name));
    CHECK(text.contains(c.session().number()));
    CHECK(text.contains(catalog::formatYuan(c.session().package()->monthlyFeeFen)));
    CHECK(text.contains(SessionText::contractTerm(c.session().package()->contractMonths)));
    CHECK(text.contains(SessionText::numberFee(c.session().numberFeeFen()).toHtmlEscaped()));
    // Signing until committed, then done: never both messages at once.
    const QString signing = CustomerDisplay::tr("You are signing the service agreement and the fraud-risk notice. "
                                                "Never hand this card to anyone else.");
    const QString done = CustomerDisplay::tr("Registered. Thank you.");
    CHECK(text.contains(signing));
    CHECK_FALSE(text.contains(done));
    c.signAndConfirm();
    pressKey(&c.wizard, Qt::Key_Return);
    REQUIRE(c.session().step() == SessionStep::Summary);
    pressKey(&c.wizard, Qt::Key_Return);
    REQUIRE(c.session().committedRecord());
    CHECK(display.text().contains(done));
    CHECK_FALSE(display.text().contains(signing));
}

TEST_CASE("The printed form names who signed: a minor's guardian, not the customer", "[widgets]")
{
    registration::Registration record;
    record.customerType = CustomerType::Minor;
    record.media.append(MediaItem{MediaItem::Kind::Signature, {}, u"image/png"_s, chipPhoto()});
    const QString html = RegistrationForm(record, std::nullopt).html();
    CHECK(html.contains(RegistrationForm::tr("Signature of the %1").arg(ClerkText::role(DocumentRole::Guardian))));
    CHECK_FALSE(
        html.contains(RegistrationForm::tr("Signature of the %1").arg(ClerkText::role(DocumentRole::Customer))));
}

TEST_CASE("Re-verification, SIM replacement and cancellation go through the wizard into the store", "[widgets]")
{
    for (const Transaction t : {Transaction::Reverification, Transaction::SimReplacement, Transaction::Cancellation}) {
        CAPTURE(transactionKey(t));
        StoreCounter c;
        c.chooseTransaction(t);
        c.placeAdultCard();
        REQUIRE(c.session().step() == SessionStep::Face);
        pressKey(&c.wizard, Qt::Key_F5);
        REQUIRE(c.session().step() == SessionStep::Package);
        // No package, no pool, no number fee: the number in service, checked as typed.
        CHECK_FALSE(findChild<QTableWidget>(&c.wizard, u"packageTableWidget"_s)->isVisible());
        CHECK(findChild<QLineEdit>(&c.wizard, u"iccidEdit"_s)->isVisible() == (t == Transaction::SimReplacement));
        c.typeServiceNumber(u"2391234567"_s);
        CHECK(findChild<QLabel>(&c.wizard, u"serviceNumberStatusLabel"_s)->text() ==
              ClerkText::of(Cause{Reason::NumberInvalid}));
        CHECK(c.session().step() == SessionStep::Package);
        c.typeServiceNumber(u"139 1234 5678"_s);
        if (t == Transaction::SimReplacement) {
            CHECK(c.session().step() == SessionStep::Package);
            auto* iccid = findChild<QLineEdit>(&c.wizard, u"iccidEdit"_s);
            REQUIRE(QApplication::focusWidget() == iccid);
            QTest::keyClicks(iccid, luhnIccid());
            QTest::keyClick(iccid, Qt::Key_Return);
        }
        REQUIRE(c.session().step() == SessionStep::Agreement);
        const Registration stored = c.commitAndLoad();
        CHECK(stored.transaction == t);
        CHECK(stored.number == u"13912345678"_s);
        CHECK(stored.iccid == (t == Transaction::SimReplacement ? luhnIccid() : QString()));
        CHECK(stored.packageId.isEmpty());
        CHECK(stored.customer()->document.name == u"𠮷田·阿依古丽"_s);
        CHECK(c.pool.state(u"13800138000") == catalog::NumberState::Free);
        // The printed form has the transaction's own title.
        const QString html = RegistrationForm(stored, std::nullopt, 0).html();
        CHECK(html.contains(RegistrationForm::title(t)));
        CHECK_FALSE(html.contains(RegistrationForm::tr("One-off number fee")));
    }
}

TEST_CASE("A transfer reads the present holder, then the new holder, both faces, then the number in service", "[widgets]")
{
    StoreCounter c;
    c.chooseTransaction(Transaction::Transfer);
    c.reader.place(residentCard(u"王·原机主"_s, QDate(1970, 1, 1), kToday, 301), chipPhoto());
    CHECK(c.session().person(DocumentRole::CurrentHolder)->document.name == u"王·原机主"_s);
    CHECK(c.session().step() == SessionStep::Documents);
    c.reader.place(residentCard(u"𠮷新机主"_s, QDate(1992, 7, 7), kToday, 302), chipPhoto());
    REQUIRE(c.session().step() == SessionStep::Face);
    auto* face = static_cast<FacePage*>(c.wizard.page(SessionStep::Face));
    CHECK(face->currentSubject() == DocumentRole::CurrentHolder);
    pressKey(&c.wizard, Qt::Key_F5);
    CHECK(face->currentSubject() == DocumentRole::Customer);
    pressKey(&c.wizard, Qt::Key_F5);
    REQUIRE(c.session().step() == SessionStep::Package);
    c.typeServiceNumber(u"13912345679"_s);
    REQUIRE(c.session().step() == SessionStep::Agreement);
    const Registration stored = c.commitAndLoad();
    CHECK(stored.transaction == Transaction::Transfer);
    CHECK(stored.customer()->document.name == u"𠮷新机主"_s);
    REQUIRE(stored.document(DocumentRole::CurrentHolder) != nullptr);
    CHECK(stored.document(DocumentRole::CurrentHolder)->document.name == u"王·原机主"_s);
    CHECK(stored.mediaOfKind(MediaItem::Kind::HandlerPhoto).size() == 1);
    const QString html = RegistrationForm(stored, std::nullopt, 0).html();
    CHECK(html.contains(RegistrationForm::title(Transaction::Transfer)));
    CHECK(html.contains(ClerkText::role(DocumentRole::CurrentHolder)));
    CHECK(html.contains(RegistrationForm::tr("Signature of the %1").arg(ClerkText::role(DocumentRole::Customer))));
}
