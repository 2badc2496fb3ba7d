// The manager window's pages built on their own on a real outlet database (offscreen): each lists what the
// store holds and acts on it, and tells the window only through its signals.
#include "ReviewTestSupport.h"

#include "core/outlet/ClerkText.h"
#include "core/review/AuditQuery.h"
#include "core/review/ReviewRepository.h"
#include "widgets/review/AccountsModel.h"
#include "widgets/review/AccountsPage.h"
#include "widgets/review/AuditModel.h"
#include "widgets/review/AuditPage.h"
#include "widgets/review/DayListModel.h"
#include "widgets/review/DayListPage.h"
#include "widgets/review/RecordListModel.h"
#include "widgets/review/ReviewQueuePage.h"
#include "widgets/review/ReviewText.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <algorithm>

using namespace shiming;
using namespace shiming::review;
using namespace shiming::review::test;
using namespace shiming::registration;

namespace {

// What the window does for a queue page, without the dialog: `user` confirms with `*password`, checked as
// a real manager override (lockout, audit).
ReviewQueuePage::ConfirmManager confirmAs(Outlet& outlet, auth::Session& session, const QString& user,
                                          const QByteArray* password, int* asked)
{
    return [&outlet, &session, user, password, asked](const QString& action, const QString& uuid, const QString&,
                                                      const QString&, QString* reason) -> Result<QString> {
        ++*asked;
        auto row = ReviewRepository(session.store()).row(uuid);
        if (!row)
            return fail(row.error());
        auto account =
            outlet.authenticator->approveOverride(session.store(), user, *password, action, row->clerk, uuid);
        if (!account)
            return fail(account.error());
        *reason = u"checked with the customer"_s;
        return account->name;
    };
}

void select(QWidget& page, const QString& viewName, const QAbstractItemModel& model, const QString& uuid, int role)
{
    auto* view = page.findChild<QTableView*>(viewName);
    REQUIRE(view);
    const int row = rowOf(model, uuid, role);
    REQUIRE(row >= 0);
    view->setCurrentIndex(model.index(row, 1));
}

void click(QWidget& page, const QString& buttonName)
{
    auto* button = page.findChild<QPushButton*>(buttonName);
    REQUIRE(button);
    QTest::mouseClick(button, Qt::LeftButton);
}

} // namespace

TEST_CASE("day list page: lists the day, filters by clerk and phone, announces the chosen row", "[review]")
{
    Outlet outlet;
    auto session = outlet.login(u"boss"_s);
    ReviewRepository repository(session->store());
    DayListPage page(*session, repository);
    QSignalSpy failed(&page, &DayListPage::failed);
    QSignalSpy selected(&page, &DayListPage::recordSelected);
    REQUIRE(page.applyFilter());
    CHECK(page.model().totalCount() == 30);
    auto* count = page.findChild<QLabel*>(u"countLabel"_s);
    REQUIRE(count);
    CHECK(count->text() == u"30 registration(s)"_s);

    auto* clerk = page.findChild<QComboBox*>(u"clerkCombo"_s);
    REQUIRE(clerk);
    REQUIRE(clerk->findData(u"clerk2"_s) > 0);
    clerk->setCurrentIndex(clerk->findData(u"clerk2"_s));
    click(page, u"applyFilterButton"_s);
    CHECK(page.model().totalCount() == 10);
    clerk->setCurrentIndex(0);

    auto* phone = page.findChild<QLineEdit*>(u"phoneEdit"_s);
    REQUIRE(phone);
    QTest::keyClicks(phone, outlet.rareNamePhone);
    QTest::keyClick(phone, Qt::Key_Return);
    CHECK(page.model().totalCount() == 1);
    CHECK(count->text() == u"1 registration(s)"_s);

    // Choosing the row only announces it: the window shows it through the audited path, the page does not.
    const int viewed = outlet.auditCount(u"record_viewed"_s, outlet.rareNameUuid);
    select(page, u"dayListView"_s, page.model(), outlet.rareNameUuid, DayListModel::UuidRole);
    REQUIRE(selected.size() == 1);
    CHECK(selected.at(0).at(0).toString() == outlet.rareNameUuid);
    CHECK(outlet.auditCount(u"record_viewed"_s, outlet.rareNameUuid) == viewed);
    CHECK(failed.isEmpty());
}

TEST_CASE("pending review page: lists the pending records and decides with the manager's credentials", "[review]")
{
    Outlet outlet;
    auto session = outlet.login(u"boss"_s);
    ReviewRepository repository(session->store());
    QByteArray password = kPassword;
    int asked = 0;
    ReviewQueuePage page(ReviewQueuePage::Kind::PendingReviews, *session, repository,
                         confirmAs(outlet, *session, u"boss"_s, &password, &asked));
    QSignalSpy failed(&page, &ReviewQueuePage::failed);
    QSignalSpy decided(&page, &ReviewQueuePage::decided);
    QSignalSpy selected(&page, &ReviewQueuePage::recordSelected);
    QSignalSpy reported(&page, &ReviewQueuePage::statusReported);
    QSignalSpy released(&page, &ReviewQueuePage::numberReleased);
    CHECK(page.findChild<QPushButton*>(u"voidRejectedButton"_s) == nullptr);
    REQUIRE(page.refresh());
    REQUIRE(page.model().rowCount() == 2);
    CHECK(rowOf(page.model(), outlet.pendingUuid2, RecordListModel::UuidRole) >= 0);
    select(page, u"pendingView"_s, page.model(), outlet.pendingUuid, RecordListModel::UuidRole);
    REQUIRE(selected.size() == 1);
    CHECK(selected.at(0).at(0).toString() == outlet.pendingUuid);

    SECTION("approve with a wrong password: refused, said, nothing decided")
    {
        password = "wrong password";
        click(page, u"approveButton"_s);
        CHECK(asked == 1);
        REQUIRE(failed.size() == 1);
        CHECK(failed.at(0).at(0).value<Error>().code == Error::Code::WrongKey);
        CHECK(decided.isEmpty());
        CHECK(repository.row(outlet.pendingUuid)->pendingReview());
        CHECK(outlet.auditCount(u"override_refused"_s, outlet.pendingUuid) == 1);
    }
    SECTION("approve: recorded, said, announced; the queue re-reads without it")
    {
        click(page, u"approveButton"_s);
        CHECK(asked == 1);
        CHECK(failed.isEmpty());
        REQUIRE(decided.size() == 1);
        CHECK(decided.at(0).at(0).toString() == outlet.pendingUuid);
        REQUIRE(reported.size() == 1);
        CHECK(reported.at(0).at(0).toString() == u"Registration approved."_s);
        CHECK(repository.row(outlet.pendingUuid)->overrideBy == u"boss"_s);
        CHECK(outlet.auditCount(audit::ReviewApproved.toString(), outlet.pendingUuid) == 1);
        REQUIRE(page.refresh());
        CHECK(page.model().rowCount() == 1);
        CHECK(rowOf(page.model(), outlet.pendingUuid, RecordListModel::UuidRole) < 0);
    }
    SECTION("reject: voided and its number released")
    {
        const QString number = repository.row(outlet.pendingUuid)->number;
        click(page, u"rejectButton"_s);
        CHECK(failed.isEmpty());
        REQUIRE(released.size() == 1);
        CHECK(released.at(0).at(0).toString() == number);
        CHECK(decided.size() == 1);
        CHECK(repository.row(outlet.pendingUuid)->status == RecordStatus::Voided);
        CHECK(outlet.auditCount(audit::ReviewRejected.toString(), outlet.pendingUuid) == 1);
    }
}

TEST_CASE("HQ rejections page: lists the rejected record with its next step and voids it", "[review]")
{
    Outlet outlet;
    auto session = outlet.login(u"boss"_s);
    ReviewRepository repository(session->store());
    const QByteArray password = kPassword;
    int asked = 0;
    ReviewQueuePage page(ReviewQueuePage::Kind::HqRejections, *session, repository,
                         confirmAs(outlet, *session, u"boss"_s, &password, &asked));
    QSignalSpy failed(&page, &ReviewQueuePage::failed);
    QSignalSpy released(&page, &ReviewQueuePage::numberReleased);
    QSignalSpy refreshRequested(&page, &ReviewQueuePage::refreshRequested);
    CHECK(page.findChild<QPushButton*>(u"approveButton"_s) == nullptr);
    REQUIRE(page.refresh());
    REQUIRE(page.model().rowCount() == 1);
    CHECK(page.model().rowAt(0)->uuid == outlet.rejectedUuid);
    select(page, u"rejectionsView"_s, page.model(), outlet.rejectedUuid, RecordListModel::UuidRole);
    auto* nextStep = page.findChild<QLabel*>(u"nextStepLabel"_s);
    REQUIRE(nextStep);
    CHECK(nextStep->text() == u"Next step: %1"_s.arg(ReviewText::nextStep(u"identity_limit"_s)));
    const QString number = repository.row(outlet.rejectedUuid)->number;
    click(page, u"voidRejectedButton"_s);
    CHECK(asked == 1);
    CHECK(failed.isEmpty());
    REQUIRE(released.size() == 1);
    CHECK(released.at(0).at(0).toString() == number);
    CHECK(outlet.auditCount(audit::HqRejectionVoided.toString(), outlet.rejectedUuid) == 1);
    REQUIRE(page.refresh());
    CHECK(page.model().rowCount() == 0);
    // Refreshing is the window's (both queues and their tab titles): the button asks for it.
    const QList<QPushButton*> buttons = page.findChildren<QPushButton*>();
    const auto refresh = std::find_if(buttons.begin(), buttons.end(),
                                      [](QPushButton* button) { return button->text() == u"Refresh"_s; });
    REQUIRE(refresh != buttons.end());
    QTest::mouseClick(*refresh, Qt::LeftButton);
    CHECK(refreshRequested.size() == 1);
}

namespace {
// The accounts page of the manager "boss", with its outcomes recorded.
struct AccountsScene {
    Outlet outlet;
    std::unique_ptr<auth::Session> session = outlet.login(u"boss"_s);
    AccountsPage page{*session, *outlet.authenticator};
    QSignalSpy failed{&page, &AccountsPage::failed};
    QSignalSpy reported{&page, &AccountsPage::statusReported};
    AccountsScene() { page.setKdfParams(store::KdfParams::weakForTests()); }
};
} // namespace

TEST_CASE("accounts page: lists the accounts and disables a clerk, not the admin", "[review]")
{
    AccountsScene scene;
    Outlet& outlet = scene.outlet;
    AccountsPage& page = scene.page;
    QSignalSpy& failed = scene.failed;
    QSignalSpy& reported = scene.reported;
    page.refresh();
    REQUIRE(page.model().rowCount() == 4);
    auto* view = page.findChild<QTableView*>(u"accountsView"_s);
    REQUIRE(view);
    auto rowNamed = [&](const QString& name) {
        for (int row = 0; row < page.model().rowCount(); ++row) {
            if (page.model().accountAt(row)->name == name)
                return row;
        }
        return -1;
    };

    REQUIRE(rowNamed(u"clerk2"_s) >= 0);
    view->setCurrentIndex(page.model().index(rowNamed(u"clerk2"_s), 0));
    click(page, u"disableAccountButton"_s);
    CHECK(failed.isEmpty());
    REQUIRE(reported.size() == 1);
    CHECK(reported.at(0).at(0).toString() == u"Account clerk2 disabled."_s);
    CHECK(!outlet.store().accounts().get(u"clerk2"_s)->active);
    CHECK(outlet.auditCount(u"account_disabled"_s) == 1);
    // The list re-read after the change.
    REQUIRE(rowNamed(u"clerk2"_s) >= 0);
    CHECK(!page.model().accountAt(rowNamed(u"clerk2"_s))->active);

    // A manager acts on clerks only: the refusal is reported, the admin stays active.
    view->setCurrentIndex(page.model().index(rowNamed(u"admin"_s), 0));
    click(page, u"disableAccountButton"_s);
    REQUIRE(failed.size() == 1);
    CHECK(failed.at(0).at(0).value<Error>().code == Error::Code::PolicyRefused);
    CHECK(outlet.store().accounts().get(u"admin"_s)->active);
}

TEST_CASE("accounts page: one form adds a clerk and keeps what was typed after a refusal", "[review]")
{
    AccountsScene scene;
    Outlet& outlet = scene.outlet;
    AccountsPage& page = scene.page;
    QSignalSpy& failed = scene.failed;
    QSignalSpy& reported = scene.reported;
    struct Asked {
        AccountEntry previous;
        QString error;
    };
    QList<Asked> asked;
    QList<AccountEntry> answers{{u"clerk1"_s, u"王·小明 𠮷"_s, "longenough"},
                                {u"clerk9"_s, u"王·小明 𠮷"_s, "short"},
                                {u"clerk9"_s, u"王·小明 𠮷"_s, "longenough"}};
    page.setAccountPrompt([&](QWidget*, AccountDialog::Kind kind, const QString&, const AccountEntry& previous,
                              const QString& error) -> std::optional<AccountEntry> {
        CHECK(kind == AccountDialog::Kind::NewAccount);
        asked.append({previous, error});
        if (answers.isEmpty())
            return std::nullopt;
        return answers.takeFirst();
    });
    page.addClerk();
    REQUIRE(asked.size() == 3);
    CHECK(asked.at(0).error.isEmpty());
    // A taken name: asked again with the name and display name kept, and told why (not "invalid input").
    CHECK(asked.at(1).previous.name == u"clerk1"_s);
    CHECK(asked.at(1).previous.displayName == u"王·小明 𠮷"_s);
    CHECK(asked.at(1).error == ClerkText::of(Cause{Reason::AccountNameTaken, u"clerk1"_s}));
    CHECK(asked.at(2).error == ClerkText::of(Cause{Reason::PasswordTooShort, {}, auth::kMinimumPasswordLength}));
    CHECK(failed.isEmpty());
    REQUIRE(reported.size() == 1);
    CHECK(reported.at(0).at(0).toString() == u"Account clerk9 added."_s);
    auto added = outlet.store().accounts().get(u"clerk9"_s);
    REQUIRE(added);
    CHECK(added->displayName == u"王·小明 𠮷"_s);
    CHECK(added->role == u"clerk"_s);

    // Cancel: nothing added, nothing reported as an error.
    page.addClerk();
    CHECK(failed.isEmpty());
    CHECK(reported.size() == 1);
    CHECK(page.model().rowCount() == 5);
}

TEST_CASE("account form: says what is missing and enables OK only when complete", "[review]")
{
    AccountDialog dialog(AccountDialog::Kind::NewAccount, u"Add clerk"_s, {}, {});
    auto* ok = dialog.findChild<QPushButton*>(u"okButton"_s);
    REQUIRE(ok);
    CHECK_FALSE(ok->isEnabled());
    CHECK_FALSE(dialog.missing().isEmpty());
    dialog.findChild<QLineEdit*>(u"accountNameEdit"_s)->setText(u"clerk7"_s);
    dialog.findChild<QLineEdit*>(u"newPasswordEdit"_s)->setText(u"longenough"_s);
    dialog.findChild<QLineEdit*>(u"repeatPasswordEdit"_s)->setText(u"longenougH"_s);
    CHECK_FALSE(ok->isEnabled());
    dialog.findChild<QLineEdit*>(u"repeatPasswordEdit"_s)->setText(u"longenough"_s);
    CHECK(ok->isEnabled());
    CHECK(dialog.missing().isEmpty());
    CHECK(dialog.entry().displayName == u"clerk7"_s); // display name defaults to the account name
}

TEST_CASE("audit page: lists the entries, filters by action and verifies the chain", "[review]")
{
    Outlet outlet;
    auto session = outlet.login(u"boss"_s);
    AuditQuery query(session->store());
    AuditPage page(*session, query);
    QSignalSpy failed(&page, &AuditPage::failed);
    page.refresh();
    REQUIRE(page.model().rowCount() > 0);
    // Newest first: the boss's own login is on top.
    CHECK(page.model().entryAt(0)->action == u"login"_s);
    CHECK(page.model().entryAt(0)->actor == u"boss"_s);

    auto* action = page.findChild<QComboBox*>(u"auditActionCombo"_s);
    REQUIRE(action);
    REQUIRE(action->findData(u"hq_result"_s) > 0);
    action->setCurrentIndex(action->findData(u"hq_result"_s));
    click(page, u"auditApplyButton"_s);
    CHECK(page.model().rowCount() == 5);
    for (int row = 0; row < page.model().rowCount(); ++row)
        CHECK(page.model().entryAt(row)->action == u"hq_result"_s);
    // The manager reads the action in words, in the list and in the filter, not the stored key.
    CHECK(action->currentText() == ReviewText::auditAction(u"hq_result"_s));
    CHECK(action->currentText() != u"hq_result"_s);
    const QString shown = page.model().index(0, 3).data().toString();
    CHECK(shown == ReviewText::auditAction(u"hq_result"_s));

    auto* label = page.findChild<QLabel*>(u"chainLabel"_s);
    REQUIRE(label);
    CHECK(!label->text().contains(u"verifies"_s));
    click(page, u"verifyChainButton"_s);
    const auto report = outlet.store().audit().verify();
    REQUIRE(report);
    REQUIRE(report->intact);
    CHECK(label->text() == u"The hash chain verifies: %1 entries, none altered or removed."_s.arg(report->entries));
    REQUIRE(outlet.store().database().exec(u"UPDATE audit SET detail = 'edited' WHERE id = 7;"_s));
    click(page, u"verifyChainButton"_s);
    CHECK(label->text().contains(u"BROKEN at entry 7"_s));
    CHECK(failed.isEmpty());
}
