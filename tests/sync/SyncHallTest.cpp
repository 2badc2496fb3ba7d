// The manager's whole-hall scope from the counter's side: two counters of hall H1 and one of H2 upload to a real
// HQ; a counter of H1 reads the hall's day, a record with its photos and the hall's report through its own
// enrolment, for the manager HQ knows, and nothing of H2; a clerk and H2's manager are refused; offline it says so.
#include "SyncTestSupport.h"
#include "support/CatchQt.h"

#include "core/outlet/HallView.h"
#include "core/review/DailyReport.h"
#include "core/review/HallScope.h"
#include "core/review/ReviewTypes.h"
#include "core/sync/HallReader.h"
#include "core/sync/SyncCredentials.h"
#include "core/sync/SyncStatus.h"
#include "widgets/report/DailyReportView.h"
#include "widgets/review/HallPage.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

void publishAccount(HqProcess& hq, const QString& name, const QString& role, const QString& outlet)
{
    QTemporaryDir dir;
    QFile json(dir.filePath(name + u".json"_s));
    REQUIRE(json.open(QIODevice::WriteOnly));
    json.write(QJsonDocument(QJsonObject{{u"role"_s, role}, {u"displayName"_s, name}}).toJson());
    json.close();
    REQUIRE(hq.run({u"publish"_s, u"--pg"_s, QString::fromStdString(hq.pgUrl()), u"--feed"_s, u"accounts"_s, u"--key"_s,
                    name, u"--json"_s, json.fileName(), u"--outlet"_s, outlet}) == 0);
}

QDate dayOf(store::OutletStore& store, const QString& uuid)
{
    auto record = store.registrations().load(uuid);
    REQUIRE(record.has_value());
    return record->deviceTime.toLocalTime().date();
}

qint64 auditCount(store::OutletStore& store, QStringView action)
{
    auto stmt = store.database().prepare(u"SELECT count(*) FROM audit WHERE action = ?"_s);
    REQUIRE(stmt);
    stmt->bind(1, action.toString());
    REQUIRE(stmt->step().value_or(false));
    return stmt->int64(0);
}

const auth::Account kBoss{u"boss"_s, u"店长"_s, auth::Role::Manager};

} // namespace

TEST_CASE("Whole hall: a counter reads every counter of its hall from HQ for its manager, nothing of another hall",
          "[sync]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    TestOutlet first(u"H1"_s, hq, 31);
    TestOutlet second(u"H1"_s, hq, 32, 2);
    TestOutlet other(u"H2"_s, hq, 33);
    REQUIRE(second.store().outletId() == u"H1-2"_s);
    publishAccount(hq, u"boss"_s, u"manager"_s, u"H1"_s);
    publishAccount(hq, u"clerk1"_s, u"clerk"_s, u"H1"_s);
    publishAccount(hq, u"boss2"_s, u"manager"_s, u"H2"_s);

    QStringList h1;
    h1 << first.commit(1, 10) << first.commit(2, 11);
    h1 << second.commit(3, 12) << second.commit(4, 13) << second.commit(5, 14);
    const QString h2 = other.commit(6, 15);
    for (TestOutlet* outlet : {&first, &second, &other})
        REQUIRE(outlet->engine().runBlocking().ok);
    REQUIRE(sync::storeCredentials(second.store(), second.bundle(), QUrl(hq.url()), u"CMCC"_s));
    // The hall's day as this counter's clock has it: HQ takes the day in the zone the counter names.
    const QDate day = dayOf(second.store(), h1.last());
    const QString zone = QString::fromLatin1(QTimeZone::systemTimeZoneId());

    sync::HallReader reader(second.client());
    const sync::HallAnswer answer = reader.readBlocking(sync::HallReader::dayTarget(day, u"boss"_s, zone));
    REQUIRE(answer.ok());
    auto hallDay = review::HallDay::fromJson(answer.body);
    REQUIRE(hallDay.has_value());
    CHECK(hallDay->hall == u"H1"_s);
    QSet<QString> seen;
    for (const review::HallRow& row : hallDay->rows) {
        seen.insert(row.uuid);
        CHECK(row.counter == (row.outletId == u"H1-2"_s ? 2 : 1));
        CHECK(row.masked);
        CHECK(row.msisdn.contains(u"****"_s));
    }
    CHECK(seen == QSet<QString>(h1.cbegin(), h1.cend()));
    CHECK_FALSE(seen.contains(h2));

    // A clerk HQ knows, and another hall's manager, are refused with nothing returned.
    for (const QString& who : {u"clerk1"_s, u"boss2"_s, u"nobody"_s}) {
        const sync::HallAnswer refused = reader.readBlocking(sync::HallReader::dayTarget(day, who, zone));
        CHECK(refused.reached);
        CHECK(refused.status == 403);
        CHECK(refused.code == u"NOT_A_HALL_MANAGER"_s);
        CHECK(refused.body.isEmpty());
    }

    // The manager window's hall scope on the same reads.
    review::HallPage page(second.store(), kBoss,
                          [&](const QByteArray& target, std::function<void(const sync::HallAnswer&)> done) {
                              reader.read(target, std::move(done));
                          });
    page.showDate(day);
    REQUIRE(QTest::qWaitFor([&] { return page.day().rows.size() == h1.size(); }, 10000));
    auto* table = page.findChild<QTableWidget*>(u"hallTable"_s);
    REQUIRE(table->rowCount() == h1.size());
    REQUIRE(QTest::qWaitFor([&] { return page.reportView()->report().perCounter.size() == 2; }, 10000));
    CHECK(page.reportView()->report().hall);
    CHECK(page.reportView()->report().registrations == h1.size());
    // The hall's report exports as the counter's does (audited), the CSV without record lines (not in this
    // database) but with the counters.
    QTemporaryDir exports;
    REQUIRE(page.reportView()->exportCsv(exports.filePath(u"hall.csv"_s)));
    REQUIRE(page.reportView()->exportPdf(exports.filePath(u"hall.pdf"_s)));
    QFile csv(exports.filePath(u"hall.csv"_s));
    REQUIRE(csv.open(QIODevice::ReadOnly));
    const QByteArray csvBytes = csv.readAll();
    CHECK(csvBytes.contains("H1-2"));
    CHECK_FALSE(csvBytes.contains("sequence,")); // no per-record section
    QFile pdf(exports.filePath(u"hall.pdf"_s));
    REQUIRE(pdf.open(QIODevice::ReadOnly));
    CHECK(pdf.read(5) == QByteArray("%PDF-"));
    CHECK(auditCount(second.store(), review::audit::ReportExported) == 2);
    QSignalSpy opened(&page, &review::HallPage::recordOpened);
    page.openRecord(0);
    REQUIRE(opened.wait(10000));
    REQUIRE(page.openedRecord().has_value());
    CHECK(page.openedRecord()->row.masked);
    CHECK_FALSE(page.openedRecord()->photos.isEmpty());
    const qint64 shownBefore = auditCount(second.store(), review::audit::DocumentShown);
    page.openRecord(0, true);
    REQUIRE(opened.wait(10000));
    CHECK_FALSE(page.openedRecord()->row.masked);
    CHECK_FALSE(page.openedRecord()->row.msisdn.contains(u"****"_s));
    CHECK(auditCount(second.store(), review::audit::DocumentShown) == shownBefore + 1);

    // `shimingctl report daily --scope hall`'s use case: the manager's, audited here; a clerk is refused before HQ.
    auto json = outlet::hallDailyReportJson(second.store(), kBoss, day);
    REQUIRE(json.has_value());
    const QJsonObject report = QJsonDocument::fromJson(*json).object();
    CHECK(report.value(u"per_counter"_s).toArray().size() == 2);
    CHECK(auditCount(second.store(), review::audit::ReportExported) == 3);
    const auth::Account clerk{u"clerk1"_s, u"营业员"_s, auth::Role::Clerk};
    CHECK(outlet::hallDailyReportJson(second.store(), clerk, day).error().code == Error::Code::PolicyRefused);

    // Every read is in HQ's audit, with no personal data in HQ's log.
    QByteArray audit;
    REQUIRE(hq.run({u"audit"_s, u"--pg"_s, QString::fromStdString(url), u"--json"_s}, &audit) == 0);
    CHECK(audit.count("hall_day") >= 2);
    CHECK(audit.contains("hall_record_revealed"));
    CHECK(audit.contains("hall_report"));
    CHECK(audit.count("refused") >= 3);

    // HQ gone: the hall scope says so, with when this counter last reached HQ; the report use case fails the same.
    hq.stop();
    second.client().setTimeoutMs(3000);
    page.showDate(day);
    REQUIRE(QTest::qWaitFor(
        [&] { return page.statusText().contains(review::HallPage::tr("HQ cannot be reached").left(12)); }, 15000));
    CHECK(page.day().rows.isEmpty());
    auto offline = outlet::readHallBlocking(second.store(), kBoss, sync::HallReader::dayTarget(day, u"boss"_s), 3000);
    REQUIRE(offline.has_value());
    CHECK_FALSE(offline->answer.reached);
    CHECK(offline->lastReachable.isValid() == sync::readSyncStatus(second.store())->lastSuccess.isValid());
}
