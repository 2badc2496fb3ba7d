// bench_hall_view: the manager's own path to the hall's day (issue 13), printed, never asserted. Five counters of one
// hall register 300 records each and sync them to a real shiming-hq; then, per run, the manager window's hall
// scope (HallPage) is asked for the day: HQ read over mutual TLS, JSON parsed, the table filled with every record.
// Baselines in the same run: the same read through HallReader alone (no parsing, no table), and this counter's own
// day list from its local database (the "this counter" scope). Medians of --runs N (default 9).
#include "SyncTestSupport.h"

#include "core/review/HallScope.h"
#include "core/review/ReviewRepository.h"
#include "core/sync/HallReader.h"
#include "widgets/report/DailyReportView.h"
#include "widgets/review/HallPage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

constexpr int kCounters = 5;
constexpr int kPerCounter = 300;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_LOGGING_RULES", "shiming.*.info=false;shiming.*.warning=false");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const qsizetype runsAt = args.indexOf(u"--runs"_s);
    const int runs = runsAt >= 0 && runsAt + 1 < args.size() ? std::max(1, args[runsAt + 1].toInt()) : 9;

    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    if (!hq.start())
        qFatal("shiming-hq did not start");
    std::vector<std::unique_ptr<TestOutlet>> counters;
    for (int c = 1; c <= kCounters; ++c) {
        counters.push_back(std::make_unique<TestOutlet>(u"BENCH-H"_s, hq, quint32(700 + c), c));
        counters.back()->commitMany(kPerCounter, c * 10000);
        const sync::SyncReport report = counters.back()->engine().runBlocking();
        if (!report.ok || report.accepted != kPerCounter)
            qFatal("counter %d did not sync: %s", c, qPrintable(report.error));
    }
    QTemporaryDir dir;
    QFile account(dir.filePath(u"boss.json"_s));
    if (!account.open(QIODevice::WriteOnly))
        qFatal("cannot write the account item");
    account.write(QJsonDocument(QJsonObject{{u"role"_s, u"manager"_s}}).toJson());
    account.close();
    if (hq.run({u"publish"_s, u"--pg"_s, QString::fromStdString(url), u"--feed"_s, u"accounts"_s, u"--key"_s, u"boss"_s,
                u"--json"_s, account.fileName(), u"--outlet"_s, u"BENCH-H"_s}) != 0)
        qFatal("publishing the manager failed");

    TestOutlet& viewer = *counters.front();
    const QDate day = QDate::currentDate();
    const QString zone = QString::fromLatin1(QTimeZone::systemTimeZoneId());
    sync::HallReader reader(viewer.client());
    review::HallPage page(viewer.store(), auth::Account{u"boss"_s, u"boss"_s, auth::Role::Manager},
                          [&](const QByteArray& target, std::function<void(const sync::HallAnswer&)> done) {
                              reader.read(target, std::move(done));
                          });
    page.resize(1280, 800);
    page.show();
    auto* table = page.findChild<QTableWidget*>(u"hallTable"_s);
    const int total = kCounters * kPerCounter;

    QList<double> pageMs, readMs, localMs;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const sync::HallAnswer answer = reader.readBlocking(sync::HallReader::dayTarget(day, u"boss"_s, zone));
        readMs << double(timer.nsecsElapsed()) / 1e6;
        auto parsed = answer.ok() ? review::HallDay::fromJson(answer.body) : Result<review::HallDay>();
        if (!parsed || parsed->rows.size() != total)
            qFatal("the hall read did not return every record");

        table->setRowCount(0);
        timer.restart();
        page.showDate(day);
        if (!waitFor([&] { return table->rowCount() == total; }, 60000))
            qFatal("the hall page did not fill");
        pageMs << double(timer.nsecsElapsed()) / 1e6;
        // Let the report read that follows the list finish before the next run.
        waitFor([&] { return page.reportView()->report().perCounter.size() == kCounters; }, 60000);

        timer.restart();
        review::ReviewRepository repository(viewer.store());
        auto local = repository.page(review::ReviewFilter::day(day), {}, 0, 500);
        if (!local || local->size() != kPerCounter)
            qFatal("the local day list is not this counter's day");
        localMs << double(timer.nsecsElapsed()) / 1e6;
    }
    std::printf("hall day list, %d counters x %d records, the manager's hall scope (HQ read over mutual TLS, JSON "
                "parsed, table filled): median %.1f ms; baseline the HQ read alone: median %.1f ms; this counter's "
                "own %d records from its database: median %.1f ms (%d runs)\n",
                kCounters, kPerCounter, median(pageMs), median(readMs), kPerCounter, median(localMs), runs);
    hq.stop();
    return 0;
}
