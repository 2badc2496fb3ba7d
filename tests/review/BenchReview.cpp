// bench_review: the manager's figures on an outlet database seeded with 1,000,000 registrations over 30 days
// (review_bench_seed; cached in <build>/bench-cache), each printed as a median against a baseline measured in
// the same run:
//   open the day view  — day list model (count + first page) shown in a QTableView (goal <= 300 ms);
//                        baseline: the bare indexed count of that day's rows.
//   apply a filter     — clerk + face band, a status, and a document-number suffix search (goal <= 100 ms);
//                        baseline: the same bare count.
//   daily PDF          — build the report from the day's rows and render the PDF (goal <= 2 s);
//                        baseline: an empty one-page PDF.
//   the day's alerts   — the compliance rules on the day (and the day before), as after each stored
//                        registration; baseline: the same bare count.
// The first (cold) run is printed too: it is what the manager sees right after logging in.
// Usage: bench_review [--records N] [--runs R]
#include "core/auth/Authenticator.h"
#include "core/review/Alerts.h"
#include "core/review/AuditQuery.h"
#include "core/review/DailyReport.h"
#include "core/review/ReviewRepository.h"
#include "widgets/report/DailyReportDocument.h"
#include "widgets/review/DayListModel.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QTableView>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace shiming;
using namespace shiming::review;
using namespace Qt::StringLiterals;

namespace {

struct Figure {
    double first = 0;
    double median = 0;
};

Figure measure(int runs, const std::function<void()>& work)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    Figure figure{times.first(), 0};
    std::sort(times.begin(), times.end());
    figure.median = times.at(times.size() / 2);
    return figure;
}

void printFigure(const char* what, Figure value, const char* baselineWhat, Figure baseline, double goal)
{
    std::printf("%-44s median %8.1f ms (first %8.1f)  baseline %s: median %.1f ms", what, value.median, value.first,
                baselineWhat, baseline.median);
    if (goal > 0)
        std::printf("; goal <= %.0f ms: %s\n", goal, value.median <= goal ? "met" : "NOT met");
    else
        std::printf("; no goal set\n");
    std::fflush(stdout);
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    qint64 records = 1000000;
    int runs = 9;
    if (const qsizetype i = args.indexOf(u"--records"_s); i > 0 && i + 1 < args.size())
        records = args.at(i + 1).toLongLong();
    if (const qsizetype i = args.indexOf(u"--runs"_s); i > 0 && i + 1 < args.size())
        runs = qMax(1, args.at(i + 1).toInt());

    const QString cacheDir = QStringLiteral(SHIMING_BENCH_CACHE_DIR);
    QDir().mkpath(cacheDir);
    const QString path = cacheDir + u"/review-%1-30d.db"_s.arg(records);
    if (!QFile::exists(path)) {
        std::printf("seeding %lld registrations over 30 days into %s (once)\n", records, qPrintable(path));
        std::fflush(stdout);
        const QString seeder = QCoreApplication::applicationDirPath() + u"/review_bench_seed"_s;
        if (QProcess::execute(seeder, {path, QString::number(records), u"30"_s}) != 0) {
            std::fprintf(stderr, "seeding failed\n");
            return 1;
        }
    }
    SystemClock clock;
    auth::Authenticator::Options options;
    options.idleSeconds = 0;
    auth::Authenticator authenticator(path, clock, options);
    auto session = authenticator.login(u"manager"_s, "bench-password");
    if (!session) {
        std::fprintf(stderr, "cannot open the cached database: %s\n", qPrintable(session.error().detail));
        return 1;
    }
    store::OutletStore& store = (*session)->store();
    const QDate day = QDate::fromString(
        store.database().queryText(u"SELECT max(device_date) FROM registrations"_s).value_or(QString()), Qt::ISODate);
    const qint64 total = store.registrations().count().value_or(0);
    ReviewRepository repository(store);
    const qint64 dayRows = repository.count(ReviewFilter::day(day)).value_or(0);
    std::printf("database: %lld registrations; day %s has %lld; %d runs each\n", total,
                qPrintable(day.toString(Qt::ISODate)), dayRows, runs);

    auto bareCount = [&] {
        auto stmt = store.database().prepare(u"SELECT count(*) FROM registrations WHERE device_date = ?"_s);
        stmt->bind(1, day.toString(Qt::ISODate));
        (void)stmt->step();
    };

    // ---- open the day view (cold first: right after login)
    const Figure open = measure(runs, [&] {
        DayListModel model(repository);
        QTableView view;
        view.setModel(&model);
        (void)model.setFilter(ReviewFilter::day(day));
        view.resize(1200, 700);
        view.show();
        QCoreApplication::processEvents();
    });
    const Figure baseline = measure(runs, bareCount);
    printFigure("open the day view", open, "bare day count", baseline, 300);

    // ---- apply a filter
    DayListModel model(repository);
    QTableView view;
    view.setModel(&model);
    (void)model.setFilter(ReviewFilter::day(day));
    view.resize(1200, 700);
    view.show();
    QCoreApplication::processEvents();
    ReviewFilter byClerk = ReviewFilter::day(day);
    byClerk.clerk = u"clerk3"_s;
    byClerk.band = registration::FaceBand::Pass;
    const Figure clerkBand = measure(runs, [&] {
        (void)model.setFilter(byClerk);
        QCoreApplication::processEvents();
    });
    std::printf("  (clerk + band: %lld rows)\n", model.totalCount());
    printFigure("apply a filter: clerk + face band", clerkBand, "bare day count", baseline, 100);
    ReviewFilter byStatus = ReviewFilter::day(day);
    byStatus.pendingReviewOnly = true;
    const Figure pending = measure(runs, [&] {
        (void)model.setFilter(byStatus);
        QCoreApplication::processEvents();
    });
    std::printf("  (waiting for review: %lld rows)\n", model.totalCount());
    printFigure("apply a filter: waiting for review", pending, "bare day count", baseline, 100);
    ReviewFilter byDigits = ReviewFilter::day(day);
    byDigits.documentDigits = u"1234"_s;
    const Figure digits = measure(runs, [&] {
        (void)model.setFilter(byDigits);
        QCoreApplication::processEvents();
    });
    std::printf("  (document ending 1234: %lld rows)\n", model.totalCount());
    printFigure("apply a filter: document digits", digits, "bare day count", baseline, 100);
    ReviewFilter sorted = ReviewFilter::day(day);
    (void)model.setFilter(sorted);
    bool descending = false;
    const Figure sortFigure = measure(runs, [&] {
        descending = !descending;
        model.sort(int(ReviewColumn::Customer), descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        QCoreApplication::processEvents();
    });
    printFigure("sort the whole day by customer name", sortFigure, "bare day count", baseline, 0);

    // ---- open one record in the detail pane: the audited load (record_viewed) and its audit history
    const QString someUuid =
        model.rowCount() > 0 ? model.index(0, 0).data(DayListModel::UuidRole).toString() : QString();
    AuditQuery auditQuery(store);
    const Figure detail = measure(qMin(runs, 5), [&] {
        auto record = store.registrations().view(someUuid, u"manager"_s);
        (void)auditQuery.history(someUuid, record ? record->deviceTime : QDateTime());
    });
    const Figure loadOnly = measure(qMin(runs, 5), [&] { (void)store.registrations().load(someUuid); });
    printFigure("open a record (audited view + its history)", detail, "load without audit or history", loadOnly, 0);

    // ---- daily PDF
    const Figure pdf = measure(qMin(runs, 5), [&] {
        auto dailyReport = DailyReport::build(store, day);
        auto bytes = report::DailyReportDocument::pdfBytes(*dailyReport);
        if (!bytes || bytes->size() < 1000)
            std::fprintf(stderr, "PDF failed\n");
    });
    const Figure reportOnly = measure(qMin(runs, 5), [&] { (void)DailyReport::build(store, day); });
    const Figure emptyPdf = measure(qMin(runs, 5), [&] {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        QPainter painter(&writer);
        painter.drawText(100, 100, u"x"_s);
    });
    printFigure("daily PDF (report + render)", pdf, "empty one-page PDF", emptyPdf, 2000);
    std::printf("  (of which the report's data: median %.1f ms)\n", reportOnly.median);

    // ---- the alert rules on the day (what each stored registration adds, and the window's opening)
    const ComplianceSettings settings;
    const Figure alerts = measure(runs, [&] {
        if (!AlertRepository(store).refresh(day, settings))
            std::fprintf(stderr, "alerts failed\n");
    });
    const Figure inputs = measure(runs, [&] { (void)AlertRepository(store).inputs(day, settings.sameIdentityHours); });
    printFigure("evaluate the day's alerts (after a commit)", alerts, "bare day count", baseline, 0);
    std::printf("  (of which reading the rows: median %.1f ms)\n", inputs.median);
    return 0;
}
