// bench_hq: the sync figures of issues 8 and 15, printed (never asserted).
//   1. HQ ingest rate with 4 concurrent outlets, batches of 50 records with two 20 KB photos each, through
//      shiming-hq (mutual TLS, signatures, ledger, policy checks), each outlet on one kept-alive connection as
//      its HqClient keeps it; also with a new TLS connection per batch. Baseline in the same run: the same bytes
//      written by 4 threads straight into a PostgreSQL table (one transaction per 50 rows): the floor HQ
//      builds on.
//   2. Drain time of a 7-day backlog of 2,000 records (demo registrations with ~20 KB photos) from an outlet
//      database over loopback. Baseline: reading and encoding the same batches without sending them.
// --months N: the ledger with N months of partitions before this one, as an HQ that keeps years of records has
// (a record's id does not say its month: every month's primary key is probed).
// Medians of 3 runs (--runs N; --ingest-only skips the backlog). HQ's per-batch phase timings (serve --timings)
// are printed per run. PostgreSQL is a throwaway cluster with fsync ON (durable), unless --fast; or the running
// cluster in SHIMING_TEST_PG_DIR (scripts/hq-bench.sh: one with a synchronous standby), --fast then has no effect.
// What was measured against (fsync, synchronous_commit, synchronous standbys in pg_stat_replication) is read from
// the server and printed in the header and the result lines.
#include "SyncTestSupport.h"

#include "core/protocol/Batch.h"
#include "core/sync/RecordMapper.h"

#include <pqxx/pqxx>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <thread>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

/// The same cluster's `postgres` database.
std::string adminUrlOf(std::string url)
{
    const size_t at = url.find("dbname=");
    const size_t end = url.find(' ', at);
    return url.replace(at, end == std::string::npos ? end : end - at, "dbname=postgres");
}

std::string synchronousStandbys(const std::string& admin)
{
    return PgCluster::scalar(admin, "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'");
}

/// "durable (fsync on), synchronous standby: 1", as the server reports it.
std::string describeCluster(const std::string& admin, const std::string& standbys)
{
    const std::string fsync = PgCluster::scalar(admin, "SHOW fsync");
    const std::string commit = PgCluster::scalar(admin, "SHOW synchronous_commit");
    const std::string kind = fsync == "on" && commit == "on" ? "durable (fsync on)"
                             : fsync == "off"                ? "fast (fsync off)"
                                                             : "fsync " + fsync + ", synchronous_commit " + commit;
    return kind + ", synchronous standby: " + standbys;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

constexpr int kOutlets = 4;
constexpr int kBatchesPerOutlet = 30; // 6,000 records per figure and run: a second or more each
constexpr int kRecordsPerBatch = 50;

QList<QList<QByteArray>> makeBatches(int run)
{
    QList<QList<QByteArray>> perOutlet;
    for (int o = 0; o < kOutlets; ++o) {
        QList<QByteArray> batches;
        for (int b = 0; b < kBatchesPerOutlet; ++b) {
            QList<protocol::RecordContent> contents;
            for (int r = 0; r < kRecordsPerBatch; ++r) {
                const int serial = ((run * kOutlets + o) * kBatchesPerOutlet + b) * kRecordsPerBatch + r;
                contents << sampleContent(serial, serial);
            }
            batches << protocol::encodeBatch(makeBatch(u"BENCH-%1"_s.arg(o), contents));
        }
        perOutlet << batches;
    }
    return perOutlet;
}

double ingestThroughHq(HqProcess& hq, const QList<protocol::CredentialBundle>& bundles, int run, bool keepAlive)
{
    const auto batches = makeBatches(run);
    std::atomic<int> failures = 0;
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> threads;
    for (int o = 0; o < kOutlets; ++o) {
        threads.emplace_back([&, o] {
            RawClient client(hq.port(), hq.stateDir() + u"/ca.crt"_s, &bundles[o]);
            client.setKeepAlive(keepAlive); // as the outlet's HqClient (QNetworkAccessManager) does
            for (const QByteArray& body : batches[o]) {
                if (client.post("/v1/batches", body).status != 200)
                    ++failures;
            }
        });
    }
    for (auto& t : threads)
        t.join();
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (failures > 0)
        std::printf("  (%d batches failed)\n", int(failures));
    return kOutlets * kBatchesPerOutlet * kRecordsPerBatch / seconds;
}

double ingestStraightIntoPostgres(const std::string& url, int run)
{
    {
        pqxx::connection c(url);
        pqxx::work tx(c);
        tx.exec("CREATE TABLE IF NOT EXISTS floor (id uuid PRIMARY KEY, content bytea NOT NULL)");
        tx.exec("ALTER TABLE floor ALTER COLUMN content SET STORAGE EXTERNAL"); // as HQ's ledger
        tx.commit();
    }
    const auto batches = makeBatches(run + 100);
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> threads;
    for (int o = 0; o < kOutlets; ++o) {
        threads.emplace_back([&, o] {
            pqxx::connection c(url);
            for (const QByteArray& body : batches[o]) {
                const auto batch = protocol::decodeBatch(body);
                pqxx::work tx(c);
                for (const auto& record : batch->records) {
                    const QByteArray content = QCborValue(protocol::encodeContent(record.content)).toCbor();
                    tx.exec_params("INSERT INTO floor VALUES ($1::uuid, $2)",
                                   record.id.toString(QUuid::WithoutBraces).toStdString(),
                                   pqxx::binarystring(content.constData(), size_t(content.size())));
                }
                tx.commit();
            }
        });
    }
    for (auto& t : threads)
        t.join();
    return kOutlets * kBatchesPerOutlet * kRecordsPerBatch / (timer.nsecsElapsed() / 1e9);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (!QCoreApplication::arguments().contains(u"--fast"_s))
        qputenv("SHIMING_PG_DURABLE", "1");
    qputenv("QT_LOGGING_RULES", "shiming.*.debug=false;shiming.*.info=false;shiming.*.warning=false");
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // each line as it comes, also into a pipe (scripts/hq-bench.sh tees)
    const std::string firstUrl = PgCluster::instance().newDatabase();
    const std::string admin = adminUrlOf(firstUrl);
    const std::string standbys = synchronousStandbys(admin);
    const std::string target = describeCluster(admin, standbys);
    std::printf("bench_hq: PostgreSQL %s\n", target.c_str());

    const QStringList args = QCoreApplication::arguments();
    const qsizetype runsAt = args.indexOf(u"--runs"_s);
    const int runs = runsAt >= 0 && runsAt + 1 < args.size() ? std::max(1, args[runsAt + 1].toInt()) : 3;
    const qsizetype monthsAt = args.indexOf(u"--months"_s);
    const int pastMonths = monthsAt >= 0 && monthsAt + 1 < args.size() ? std::max(0, args[monthsAt + 1].toInt()) : 0;
    QList<double> hqRates, freshRates, floorRates;
    for (int run = 0; run < runs; ++run) {
        const std::string url = run == 0 ? firstUrl : PgCluster::instance().newDatabase();
        HqProcess hq(url);
        hq.setServeArguments({u"--timings"_s});
        if (!hq.start())
            qFatal("shiming-hq did not start");
        if (pastMonths > 0) {
            pqxx::connection c(url);
            pqxx::nontransaction(c).exec_params(
                "SELECT count(*) FROM shiming_month_partitions(((now() AT TIME ZONE 'UTC') - make_interval(months => "
                "$1))::date, (now() AT TIME ZONE 'UTC')::date)",
                pastMonths);
        }
        const std::string months =
            PgCluster::scalar(url, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'records'::regclass");
        QList<protocol::CredentialBundle> bundles;
        for (int o = 0; o < kOutlets; ++o)
            bundles << *hq.enroll(u"BENCH-%1"_s.arg(o));
        // Each figure starts right after a checkpoint: a checkpoint that falls into one of them (a run writes
        // ~700 MB of WAL), and the full-page images after it, would otherwise decide which figure is lower.
        const auto checkpoint = [&] {
            PgCluster::scalar(url, "CHECKPOINT");
        };
        checkpoint();
        hqRates << ingestThroughHq(hq, bundles, run, true);
        checkpoint();
        freshRates << ingestThroughHq(hq, bundles, run + 50, false);
        checkpoint();
        floorRates << ingestStraightIntoPostgres(url, run);
        hq.stop();
        const QByteArray output = hq.serveOutput();
        const qsizetype timings = output.indexOf("timings:");
        std::printf("  run %d (%s monthly partitions of records): HQ %.0f records/s (a new TLS connection per batch: "
                    "%.0f), PostgreSQL floor %.0f records/s\n    HQ %s",
                    run + 1, months.c_str(), hqRates.last(), freshRates.last(), floorRates.last(),
                    timings >= 0 ? output.mid(timings).constData() : "timings: none\n");
    }
    if (const std::string now = synchronousStandbys(admin); now != standbys)
        std::printf("  (synchronous standbys now: %s, not as in the header)\n", now.c_str());
    std::printf("ingest [PostgreSQL %s], 4 concurrent outlets, 2 x 20 KB photos per record: median %.0f records/s "
                "(goal >= 1500); a new TLS connection per batch: median %.0f records/s; baseline straight into "
                "PostgreSQL: median %.0f records/s (HQ at %.0f%%)\n",
                target.c_str(), median(hqRates), median(freshRates), median(floorRates),
                100.0 * median(hqRates) / median(floorRates));

    if (args.contains(u"--ingest-only"_s))
        return 0;

    // Backlog: one outlet database with 2,000 records over 7 days, copied fresh for each run.
    QTemporaryDir dir;
    QList<double> drains, encodes;
    for (int run = 0; run < runs; ++run) {
        const std::string url = PgCluster::instance().newDatabase();
        HqProcess hq(url);
        if (!hq.start())
            qFatal("shiming-hq did not start");
        TestOutlet outlet(u"BACKLOG"_s, hq, 100 + run);
        SystemClock clock;
        store::DemoDataGenerator generator(quint32(300 + run), 32);
        if (!store::seedDemoRegistrations(outlet.store(), u"clerk01"_s, 2000, 7, clock, generator, 500))
            qFatal("seeding failed");

        // Baseline: read and encode every batch without sending it.
        QElapsedTimer encodeTimer;
        encodeTimer.start();
        qint64 bytes = 0;
        {
            auto statement = outlet.store().database().prepare(u"SELECT uuid FROM registrations ORDER BY sequence"_s);
            QStringList uuids;
            while (statement->step().value_or(false))
                uuids << statement->text(0);
            protocol::Batch batch;
            for (const QString& uuid : uuids) {
                const auto record = outlet.store().outbox().payload(uuid);
                const auto content = sync::toRecordContent(*record, u"CMCC"_s);
                batch.records.append(protocol::makeRecord(QUuid::fromString(uuid), 0, *content));
                if (batch.records.size() == 50) {
                    bytes += protocol::encodeBatch(batch).size();
                    batch.records.clear();
                }
            }
        }
        encodes << encodeTimer.nsecsElapsed() / 1e9;

        QElapsedTimer timer;
        timer.start();
        const sync::SyncReport report = outlet.engine().runBlocking();
        drains << timer.nsecsElapsed() / 1e9;
        std::printf("  run %d: drained %d records in %d batches (%.1f MB) in %.2f s, %s; encode-only %.2f s\n", run + 1,
                    report.sent, report.batches, bytes / 1e6, drains.last(),
                    report.ok && report.pending == 0 ? "queue empty" : "NOT DRAINED", encodes.last());
    }
    std::printf("backlog of 2,000 records (7 days) [PostgreSQL %s] drained over loopback: median %.2f s (goal <= 60 "
                "s); baseline read+encode without network: median %.2f s\n",
                target.c_str(), median(drains), median(encodes));
    return 0;
}
