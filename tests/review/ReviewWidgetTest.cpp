// The manager's window on a real outlet database (offscreen): role refusal, models under
// QAbstractItemModelTester, audited views, masked vs shown numbers, approve/reject with re-entered credentials.
#include "ReviewTestSupport.h"

#include "core/identity/Validators.h"
#include "core/outlet/ClerkText.h"
#include "core/review/Alerts.h"
#include "core/review/AuditQuery.h"
#include "core/review/ReviewRepository.h"
#include "core/review/SpotCheck.h"
#include "core/store/DownlinkRepository.h"
#include "widgets/report/DailyReportView.h"
#include "widgets/review/AccountsModel.h"
#include "widgets/review/AlertsPage.h"
#include "widgets/review/AuditModel.h"
#include "widgets/review/DayListModel.h"
#include "widgets/review/DetailPane.h"
#include "widgets/review/ManagerWindow.h"
#include "widgets/review/RecordListModel.h"
#include "widgets/review/ReviewText.h"
#include "widgets/review/SpotCheckPage.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace shiming;
using namespace shiming::review;
using namespace shiming::review::test;
using namespace shiming::registration;

namespace {

std::unique_ptr<ManagerWindow> openAs(Outlet& outlet, const QString& user)
{
    auto window = ManagerWindow::open(outlet.login(user), *outlet.authenticator);
    REQUIRE(window);
    (*window)->setKdfParams(store::KdfParams::weakForTests());
    return std::move(*window);
}

ManagerWindow::DecisionPrompt answer(const QString& reason, const QString& user, const QByteArray& password,
                                     int* asked = nullptr, QStringList* keptReasons = nullptr)
{
    return [=](QWidget*, const QString&, const QString&, const Decision& previous,
               const QString&) -> std::optional<Decision> {
        if (asked)
            ++*asked;
        if (keptReasons)
            keptReasons->append(previous.reason);
        return Decision{reason, user, password};
    };
}

} // namespace

TEST_CASE("a clerk cannot open the manager's window and the refusal is audited", "[review]")
{
    Outlet outlet;
    auto window = ManagerWindow::open(outlet.login(u"clerk1"_s), *outlet.authenticator);
    REQUIRE(!window);
    CHECK(window.error().code == Error::Code::PolicyRefused);
    CHECK(outlet.auditCount(audit::WindowRefused.toString()) == 1);
    CHECK(outlet.auditCount(audit::WindowOpened.toString()) == 0);
    // Wrong password: no window either.
    auto wrong = ManagerWindow::login(*outlet.authenticator, u"boss"_s, "not the password");
    REQUIRE(!wrong);
    CHECK(wrong.error().code == Error::Code::WrongKey);
    // Manager and admin may.
    auto boss = ManagerWindow::login(*outlet.authenticator, u"boss"_s, kPassword);
    REQUIRE(boss);
    auto admin = ManagerWindow::login(*outlet.authenticator, u"admin"_s, kPassword);
    REQUIRE(admin);
    CHECK(outlet.auditCount(audit::WindowOpened.toString()) == 2);
    // A sound database: no damage banner.
    CHECK_FALSE((*boss)->storageBanner().isVisibleTo(boss->get()));
}

TEST_CASE("day list model fetches in pages and passes the model tester", "[review]")
{
    Outlet outlet;
    ReviewRepository repository(outlet.store());
    DayListModel model(repository);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPageSize(7);
    REQUIRE(model.setFilter(ReviewFilter::day(outlet.today)));
    CHECK(model.totalCount() == 30);
    CHECK(model.rowCount() == 7);
    CHECK(model.canFetchMore({}));
    model.fetchMore({});
    CHECK(model.rowCount() == 14);
    while (model.canFetchMore({}))
        model.fetchMore({});
    CHECK(model.rowCount() == 30);
    model.sort(int(ReviewColumn::Clerk), Qt::DescendingOrder);
    CHECK(model.rowCount() == 7);
    CHECK(model.index(0, int(ReviewColumn::Clerk)).data().toString() == u"clerk2"_s);
    // The score on the counter's 0-100 scale (what the clerk saw), never the cosine behind it.
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString score = model.index(row, int(ReviewColumn::Score)).data().toString();
        if (score.isEmpty())
            continue;
        bool number = false;
        const int points = score.toInt(&number);
        CHECK(number);
        CHECK(points >= 0);
        CHECK(points <= 100);
    }
    ReviewFilter filter = ReviewFilter::day(outlet.today);
    filter.pendingReviewOnly = true;
    REQUIRE(model.setFilter(filter));
    CHECK(model.rowCount() == 2);
    CHECK(!model.canFetchMore({}));
    CHECK(model.index(0, 0).data(DayListModel::PendingReviewRole).toBool());
    REQUIRE(model.setFilter(ReviewFilter::day(QDate(2001, 1, 1))));
    CHECK(model.rowCount() == 0);
    CHECK(!model.data(model.index(0, 0)).isValid());
}

TEST_CASE("the other models pass the model tester", "[review]")
{
    Outlet outlet;
    ReviewRepository repository(outlet.store());
    RecordListModel records;
    QAbstractItemModelTester recordsTester(&records, QAbstractItemModelTester::FailureReportingMode::Fatal);
    records.setRows(repository.pendingReviews(outlet.yesterday).value());
    CHECK(records.rowCount() == 2);
    records.setRows(repository.hqRejections().value());
    CHECK(records.rowCount() == 1);
    CHECK(records.index(0, RecordListModel::Reason).data().toString().contains(u"five"_s));

    AuditQuery query(outlet.store());
    AuditModel audit(query);
    QAbstractItemModelTester auditTester(&audit, QAbstractItemModelTester::FailureReportingMode::Fatal);
    audit.setPageSize(10);
    REQUIRE(audit.setFilter({}));
    CHECK(audit.rowCount() == 10);
    int guard = 0;
    while (audit.canFetchMore({}) && ++guard < 100)
        audit.fetchMore({});
    CHECK(audit.rowCount() > 35);
    CHECK(audit.index(0, AuditModel::Id).data().toLongLong() > audit.index(1, AuditModel::Id).data().toLongLong());
    audit.setBrokenFrom(5);
    REQUIRE(audit.setFilter({{}, u"hq_result"_s, {}, {}, {}}));
    CHECK(audit.rowCount() == 5);

    AccountsModel accounts;
    QAbstractItemModelTester accountsTester(&accounts, QAbstractItemModelTester::FailureReportingMode::Fatal);
    accounts.setAccounts(outlet.store().accounts().all().value());
    CHECK(accounts.rowCount() == 4);
    for (int row = 0; row < accounts.rowCount(); ++row)
        CHECK(accounts.accountAt(row)->accountKey.isEmpty());
}

TEST_CASE("viewing a record is audited and its number stays masked until the audited show action", "[review]")
{
    Outlet outlet;
    auto window = openAs(outlet, u"boss"_s);
    window->show();
    const int viewedBefore = outlet.auditCount(u"record_viewed"_s, outlet.rareNameUuid);
    QTableView* view = window->findChild<QTableView*>(u"dayListView"_s);
    REQUIRE(view);
    while (window->dayListModel().canFetchMore({}))
        window->dayListModel().fetchMore({});
    const int row = rowOf(window->dayListModel(), outlet.rareNameUuid, DayListModel::UuidRole);
    REQUIRE(row >= 0);
    // In the list: masked name and number.
    const QString listed = window->dayListModel().index(row, int(ReviewColumn::Document)).data().toString();
    CHECK(listed == maskDocumentNumber(outlet.rareNameNumber));
    CHECK(listed != outlet.rareNameNumber);
    view->setCurrentIndex(window->dayListModel().index(row, 1));
    CHECK(window->detailPane().recordUuid() == outlet.rareNameUuid);
    CHECK(outlet.auditCount(u"record_viewed"_s, outlet.rareNameUuid) == viewedBefore + 1);
    CHECK(window->detailPane().documentText().contains(maskDocumentNumber(outlet.rareNameNumber)));
    CHECK(!window->detailPane().documentText().contains(outlet.rareNameNumber));
    CHECK(window->detailPane().documentText().contains(u"𠮷"_s));
    // Nothing cut off: the time of day fits its column, the live photo its frame.
    const QString time = window->dayListModel().index(row, int(ReviewColumn::Time)).data().toString();
    CHECK(view->columnWidth(int(ReviewColumn::Time)) >= view->fontMetrics().horizontalAdvance(time));
    auto* live = window->detailPane().findChild<QLabel*>(u"livePhotoLabel"_s);
    REQUIRE(live);
    REQUIRE_FALSE(live->pixmap().isNull());
    CHECK(live->minimumWidth() >= live->pixmap().width());

    auto* show = window->detailPane().findChild<QPushButton*>(u"showDocumentButton"_s);
    REQUIRE(show);
    REQUIRE(show->isEnabled());
    QTest::mouseClick(show, Qt::LeftButton);
    CHECK(window->detailPane().documentText().contains(outlet.rareNameNumber));
    CHECK(window->dayListModel().index(row, int(ReviewColumn::Document)).data().toString() == outlet.rareNameNumber);
    CHECK(outlet.auditCount(audit::DocumentShown.toString(), outlet.rareNameUuid) == 1);
    CHECK(!show->isEnabled());

    // A new filter masks again.
    REQUIRE(window->applyFilter());
    for (int r = 0; r < window->dayListModel().rowCount(); ++r)
        CHECK(window->dayListModel().index(r, int(ReviewColumn::Document)).data().toString() != outlet.rareNameNumber);
}

TEST_CASE("the window names packages as the catalogue does, not by their ids", "[review]")
{
    Outlet outlet;
    auto window = openAs(outlet, u"boss"_s);
    const QString id = window->dayListModel().index(0, int(ReviewColumn::Package)).data().toString();
    REQUIRE_FALSE(id.isEmpty());
    window->setPackageNames({{id, u"畅聊无忧 58元"_s}});
    CHECK(window->dayListModel().index(0, int(ReviewColumn::Package)).data().toString() == u"畅聊无忧 58元"_s);
    auto* filter = window->findChild<QComboBox*>(u"packageCombo"_s);
    REQUIRE(filter);
    const int item = filter->findData(id);
    REQUIRE(item >= 0);
    CHECK(filter->itemText(item) == u"畅聊无忧 58元"_s);
}

TEST_CASE("filters in the window by phone number", "[review]")
{
    Outlet outlet;
    auto window = openAs(outlet, u"boss"_s);
    CHECK(window->dayListModel().totalCount() == 30);
    auto* phone = window->findChild<QLineEdit*>(u"phoneEdit"_s);
    REQUIRE(phone);
    QTest::keyClicks(phone, outlet.rareNamePhone);
    QTest::keyClick(phone, Qt::Key_Return);
    CHECK(window->dayListModel().totalCount() == 1);
    CHECK(window->dayListModel().index(0, int(ReviewColumn::Customer)).data().toString() == u"𠮷"_s);
    phone->clear();
    REQUIRE(window->applyFilter());
    CHECK(window->dayListModel().totalCount() == 30);
}

namespace {

// The pending queue with `uuid` selected, as the manager clicks it; returns its Approve button.
QPushButton* approveButtonOnPending(ManagerWindow& window, const QString& uuid)
{
    auto* view = window.findChild<QTableView*>(u"pendingView"_s);
    REQUIRE(view);
    const int row = rowOf(window.pendingModel(), uuid, RecordListModel::UuidRole);
    REQUIRE(row >= 0);
    view->setCurrentIndex(window.pendingModel().index(row, 0));
    auto* approve = window.findChild<QPushButton*>(u"approveButton"_s);
    REQUIRE(approve);
    return approve;
}

} // namespace

TEST_CASE("approve in the window re-asks the manager's credentials", "[review]")
{
    Outlet outlet;
    auto window = openAs(outlet, u"boss"_s);
    CHECK(window->pendingModel().rowCount() == 2);

    SECTION("wrong password: refused, audited, still pending")
    {
        int asked = 0;
        QStringList kept;
        window->setDecisionPrompt(answer(u"looks fine"_s, u"boss"_s, "wrong password", &asked, &kept));
        auto r = window->approve(outlet.pendingUuid);
        REQUIRE(!r);
        CHECK(r.error().code == Error::Code::WrongKey);
        // Asked again with the typed reason kept, three tries, each refusal audited.
        CHECK(asked == 3);
        CHECK(kept == QStringList{QString(), u"looks fine"_s, u"looks fine"_s});
        CHECK(outlet.auditCount(u"override_refused"_s, outlet.pendingUuid) == 3);
        CHECK(ReviewRepository(outlet.store()).row(outlet.pendingUuid)->pendingReview());
    }
    SECTION("a clerk's credentials are refused")
    {
        window->setDecisionPrompt(answer(u"looks fine"_s, u"clerk2"_s, kPassword));
        auto r = window->approve(outlet.pendingUuid);
        REQUIRE(!r);
        CHECK(ReviewRepository(outlet.store()).row(outlet.pendingUuid)->pendingReview());
    }
    SECTION("cancelled: no result, not an error, and nothing happens")
    {
        window->setDecisionPrompt([](QWidget*, const QString&, const QString&, const Decision&, const QString&) {
            return std::optional<Decision>{};
        });
        CHECK(window->approve(outlet.pendingUuid));
        CHECK(window->reject(outlet.pendingUuid));
        CHECK(outlet.auditCount(u"override"_s) == 0);
        CHECK(ReviewRepository(outlet.store()).row(outlet.pendingUuid)->pendingReview());
        QTest::mouseClick(approveButtonOnPending(*window, outlet.pendingUuid), Qt::LeftButton);
        CHECK(window->statusBar()->currentMessage().isEmpty()); // no error shown for a cancel
    }
    SECTION("the manager's own credentials: approved through the button")
    {
        int asked = 0;
        window->setDecisionPrompt(answer(u"same person, older photo"_s, u"boss"_s, kPassword, &asked));
        QTest::mouseClick(approveButtonOnPending(*window, outlet.pendingUuid), Qt::LeftButton);
        CHECK(asked == 1);
        auto stored = ReviewRepository(outlet.store()).row(outlet.pendingUuid);
        CHECK(stored->overrideBy == u"boss"_s);
        CHECK(outlet.auditCount(u"override"_s, outlet.pendingUuid) == 1);
        CHECK(outlet.auditCount(audit::ReviewApproved.toString(), outlet.pendingUuid) == 1);
        CHECK(window->pendingModel().rowCount() == 1);
    }
}

TEST_CASE("reject in the window voids the record and releases its number", "[review]")
{
    Outlet outlet;
    auto window = openAs(outlet, u"boss"_s);
    const QString number = ReviewRepository(outlet.store()).row(outlet.pendingUuid2)->number;
    QSignalSpy released(window.get(), &ManagerWindow::numberReleased);
    window->setDecisionPrompt(answer(u"different person"_s, u"boss"_s, kPassword));
    REQUIRE(window->reject(outlet.pendingUuid2));
    REQUIRE(released.size() == 1);
    CHECK(released.at(0).at(0).toString() == number);
    CHECK(ReviewRepository(outlet.store()).row(outlet.pendingUuid2)->status == RecordStatus::Voided);
    CHECK(window->pendingModel().rowCount() == 1);
    CHECK(outlet.auditCount(audit::ReviewRejected.toString(), outlet.pendingUuid2) == 1);
    // Opened again, the record says why in the manager's language around the manager's own words.
    auto voided = outlet.store().registrations().load(outlet.pendingUuid2);
    REQUIRE(voided);
    window->detailPane().showRecord(*voided, {});
    auto* face = window->detailPane().findChild<QLabel*>(u"faceLabel"_s);
    REQUIRE(face);
    CHECK(face->text().contains(ReviewText::voidReason(voided->voidReason)));
    CHECK(face->text().contains(u"Manual review rejected: different person"_s));
    CHECK_FALSE(face->text().contains(u"manual review rejected"_s));

    // The HQ rejection queue: void with a note.
    CHECK(window->rejectionsModel().rowCount() == 1);
    REQUIRE(window->voidRejected(outlet.rejectedUuid));
    CHECK(window->rejectionsModel().rowCount() == 0);
    CHECK(released.size() == 2);
    CHECK(outlet.store().audit().verify()->intact);
}

TEST_CASE("the window closes when the manager's session locks", "[review]")
{
    Outlet outlet;
    auto window = openAs(outlet, u"boss"_s);
    window->show();
    REQUIRE(window->isVisible());
    window->session().lockNow();
    CHECK(!window->isVisible());
}

TEST_CASE("the audit page says whether the hash chain verifies and where it breaks", "[review]")
{
    Outlet outlet;
    auto window = openAs(outlet, u"boss"_s);
    auto* verify = window->findChild<QPushButton*>(u"verifyChainButton"_s);
    auto* label = window->findChild<QLabel*>(u"chainLabel"_s);
    REQUIRE(verify);
    REQUIRE(label);
    QTest::mouseClick(verify, Qt::LeftButton);
    CHECK(label->text().contains(u"verifies"_s));
    // Someone edits an entry behind the program's back.
    REQUIRE(outlet.store().database().exec(u"UPDATE audit SET detail = 'edited' WHERE id = 7;"_s));
    QTest::mouseClick(verify, Qt::LeftButton);
    CHECK(label->text().contains(u"BROKEN at entry 7"_s));
    // The filtered audit list still reads, newest first.
    auto* apply = window->findChild<QPushButton*>(u"auditApplyButton"_s);
    REQUIRE(apply);
    QTest::mouseClick(apply, Qt::LeftButton);
    CHECK(window->auditModel().rowCount() > 0);
}

TEST_CASE("manager window: the spot check tab draws after closing, shows each record, marks OK and problems",
          "[review]")
{
    Outlet outlet;
    auto window = openAs(outlet, u"boss"_s);
    window->show();
    SpotCheckPage& page = window->spotCheckPage();
    auto* summary = page.findChild<QLabel*>(u"spotCheckSummaryLabel"_s);
    REQUIRE(summary);

    // Today, 18:00: the hall is open until 21:00, so nothing is drawn and the page says why.
    REQUIRE(page.open(outlet.today));
    CHECK(page.model().rowCount() == 0);
    CHECK(summary->text() == ClerkText::of(Cause{Reason::SpotCheckTooEarly, u"21:00"_s}));
    CHECK(outlet.auditCount(audit::SpotCheckDrawn.toString()) == 0);

    // The button opens the day in the date box (yesterday when the page opens): one record of clerk2's five.
    ReviewRepository repository(window->session().store());
    CHECK(SpotCheckPage(window->session(), repository).day() == outlet.yesterday);
    page.findChild<QDateEdit*>(u"spotCheckDateEdit"_s)->setDate(outlet.yesterday);
    page.findChild<QPushButton*>(u"spotCheckOpenButton"_s)->click();
    REQUIRE(page.model().rowCount() == 1);
    CHECK(summary->text().contains(u"1"_s));
    auto* view = page.findChild<QTableView*>(u"spotCheckView"_s);
    REQUIRE(view);
    view->selectRow(0);
    const QString uuid = page.selectedUuid();
    REQUIRE_FALSE(uuid.isEmpty());
    CHECK(window->detailPane().recordUuid() == uuid); // opened through the audited path
    CHECK(outlet.auditCount(u"record_viewed"_s, uuid) == 1);
    page.findChild<QPushButton*>(u"spotCheckOkButton"_s)->click();
    CHECK(page.model().index(0, 4).data().toString() == SpotCheckPage::tr("OK"));

    // After closing: today's sample; a problem asks for a note until it says something.
    outlet.clock.advanceSeconds(3 * 3600);
    REQUIRE(page.open(outlet.today));
    REQUIRE(page.model().rowCount() >= 3);
    view->selectRow(1);
    const QString problem = page.selectedUuid();
    QStringList notes{u""_s, u"客户签名与证件不符"_s};
    int asked = 0;
    page.setNotePrompt([&](QWidget*, const QString&) -> std::optional<QString> {
        ++asked;
        return notes.takeFirst();
    });
    page.findChild<QPushButton*>(u"spotCheckProblemButton"_s)->click();
    CHECK(asked == 2);
    CHECK(page.model().index(1, 4).data().toString() == SpotCheckPage::tr("Problem"));
    CHECK(page.model().index(1, 5).data().toString() == u"客户签名与证件不符"_s);
    CHECK(page.selectedUuid() == problem); // the selection stays on the record
    // Cancelled: nothing changes.
    page.setNotePrompt([](QWidget*, const QString&) { return std::optional<QString>(); });
    view->selectRow(2);
    page.findChild<QPushButton*>(u"spotCheckProblemButton"_s)->click();
    CHECK(page.model().index(2, 4).data().toString() == SpotCheckPage::tr("Not checked"));
    REQUIRE(page.check().has_value());
    CHECK(page.check()->problems() == 1);
    // The names in the list are masked; the day's sample depends on the date, and may hold the customer whose
    // name is one character (𠮷), which keeps it (maskName).
    for (int row = 0; row < page.model().rowCount(); ++row) {
        view->selectRow(row);
        const QString name = page.model().index(row, 3).data().toString();
        INFO(name.toStdString());
        CHECK((name.contains(u'*') || (page.selectedUuid() == outlet.rareNameUuid && name == u"𠮷"_s)));
    }
}

TEST_CASE("manager window: the alerts tab lists the day's alerts as it opens, shows the records, acknowledges",
          "[review]")
{
    Outlet outlet;
    // HQ says the hall closes at 09:30: the day's later registrations are outside the hours.
    outlet.putCompliance(R"({"opening_hours":{"open":"08:00","close":"09:30"}})");
    auto window = openAs(outlet, u"boss"_s);
    window->show();
    AlertsPage& page = window->alertsPage();
    REQUIRE(page.model().rowCount() == 1);
    CHECK(page.open() == 1);
    auto* tabs = window->findChild<QTabWidget*>(u"managerTabs"_s);
    REQUIRE(tabs);
    CHECK(tabs->tabText(tabs->indexOf(&page)) == ManagerWindow::tr("Alerts (%1)").arg(1));
    CHECK(page.model().index(0, 0).data().toString().contains(u"08:00-09:30"_s));

    auto* view = page.findChild<QTableView*>(u"alertsView"_s);
    view->selectRow(0);
    REQUIRE(page.recordList().count() == page.alerts().at(0).records.size());
    page.recordList().setCurrentRow(0);
    CHECK(window->detailPane().recordUuid() == page.alerts().at(0).records.at(0));

    QStringList notes{u""_s, u"加班办理，已报区域经理"_s};
    int asked = 0;
    page.setNotePrompt([&](QWidget*) -> std::optional<QString> {
        ++asked;
        return notes.takeFirst();
    });
    page.findChild<QPushButton*>(u"alertAcknowledgeButton"_s)->click();
    CHECK(asked == 2);
    CHECK(page.open() == 0);
    CHECK(page.model().index(0, 3).data().toString() == u"加班办理，已报区域经理"_s);
    CHECK(tabs->tabText(tabs->indexOf(&page)) == ManagerWindow::tr("Alerts"));
    CHECK_FALSE(page.findChild<QPushButton*>(u"alertAcknowledgeButton"_s)->isEnabled());
    CHECK(outlet.auditCount(audit::AlertAcknowledged.toString()) == 1);
}
