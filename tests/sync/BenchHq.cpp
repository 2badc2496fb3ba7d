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
// Each ingest figure also prints the CPU it took (the machine's busy time from /proc/stat, and of it the outlets'
// threads, shiming-hq and the postgres processes) and the WAL it wrote, per record: the outlets, HQ and
// PostgreSQL share this machine's cores, and when both figures keep them busy, HQ / floor is about the floor's
// CPU per record over HQ's.
#include "SyncTestSupport.h"

#include "core/protocol/Batch.h"
#include "core/sync/RecordMapper.h"

#include <pqxx/pqxx>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <thread>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

/// The `dbname=` of a connection string.
std::string databaseOf(const std::string& url)
{
    const size_t at = url.find("dbname=") + 7;
    return url.substr(at, url.find(' ', at) - at);
}

/// The same cluster's `postgres` database.
std::string adminUrlOf(std::string url)
{
    const std::string name = databaseOf(url);
    return url.replace(url.find("dbname=") + 7, name.size(), "postgres");
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

/// The CPU seconds of every `postgres` process alive, plus what the exited ones used (their parent's, the
/// postmaster's, children times: a backend whose connection closed is reaped by it).
double postgresCpuSeconds()
{
    double seconds = 0;
    for (const QString& pid : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(u"/proc/%1/comm"_s.arg(pid));
        if (!pid.front().isDigit() || !comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != "postgres")
            continue;
        seconds += std::max(0.0, processCpuSeconds(pid.toLongLong(), true));
    }
    return seconds;
}

/// CPU time used so far, in seconds: the whole machine's busy time (/proc/stat: every process and the kernel),
/// this process's (the outlets, or the floor's writers), shiming-hq's and PostgreSQL's. What a figure used of the
/// cores is printed next to it: PostgreSQL, HQ and the outlets share this machine's cores.
struct CpuClock {
    double machine = 0;
    double self = 0;
    double hq = 0;
    double postgres = 0;
    static CpuClock now(const HqProcess* hq)
    {
        CpuClock clock;
        clock.postgres = postgresCpuSeconds();
        QFile file(u"/proc/stat"_s);
        if (file.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> fields = file.readLine().simplified().split(' ');
            for (qsizetype i = 1; i < fields.size(); ++i)
                if (i != 4 && i != 5) // idle, iowait
                    clock.machine += fields[i].toDouble();
            clock.machine /= double(sysconf(_SC_CLK_TCK));
        }
        timespec self{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &self);
        clock.self = double(self.tv_sec) + self.tv_nsec / 1e9;
        clock.hq = hq ? std::max(0.0, hq->cpuSeconds()) : 0;
        return clock;
    }
};

/// Core-milliseconds per record a figure used: the whole machine, and of it the clients (this process), HQ,
/// PostgreSQL and the rest (the kernel's threads: writeback, network); and how many cores were busy on average.
struct CpuUse {
    double coresBusy = 0;
    double machine = 0;
    double clients = 0;
    double hq = 0;
    double postgres = 0;
    double rest() const { return machine - clients - hq - postgres; }
};

CpuUse cpuUse(const CpuClock& before, const CpuClock& after, double seconds, int records)
{
    const auto perRecord = [&](double cpuSeconds) {
        return 1000.0 * cpuSeconds / records;
    };
    return {(after.machine - before.machine) / seconds, perRecord(after.machine - before.machine),
            perRecord(after.self - before.self), perRecord(after.hq - before.hq),
            perRecord(after.postgres - before.postgres)};
}

/// The server's WAL position in bytes: what a figure wrote to the WAL (and, with a standby, sent to it).
double walPosition(const std::string& url)
{
    return std::stod(PgCluster::scalar(url, "SELECT pg_current_wal_lsn() - '0/0'"));
}

/// One figure of one run: records per second, the CPU it took and the WAL it wrote.
struct Figure {
    double rate = 0;
    CpuUse cpu;
    double walKbPerRecord = 0;
};

/// "1.82 of 2 cores busy; 0.62 core-ms per record: clients 0.09, HQ 0.17, PostgreSQL 0.35, the rest 0.01; WAL
/// 45.0 KB per record"
std::string describeCpu(const Figure& figure, bool withHq)
{
    const CpuUse& cpu = figure.cpu;
    char hq[40] = "";
    if (withHq)
        std::snprintf(hq, sizeof hq, "HQ %.2f, ", cpu.hq);
    char text[240];
    std::snprintf(text, sizeof text,
                  "%.2f of %ld cores busy; %.2f core-ms per record: clients %.2f, %sPostgreSQL %.2f, the rest %.2f; "
                  "WAL %.1f KB per record",
                  cpu.coresBusy, sysconf(_SC_NPROCESSORS_ONLN), cpu.machine, cpu.clients, hq, cpu.postgres, cpu.rest(),
                  figure.walKbPerRecord);
    return text;
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

constexpr int kRecords = kOutlets * kBatchesPerOutlet * kRecordsPerBatch;

Figure ingestThroughHq(HqProcess& hq, const QList<protocol::CredentialBundle>& bundles, int run, bool keepAlive)
{
    const auto batches = makeBatches(run);
    std::atomic<int> failures = 0;
    const double walBefore = walPosition(hq.pgUrl());
    const CpuClock before = CpuClock::now(&hq);
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
    const CpuClock after = CpuClock::now(&hq);
    if (failures > 0)
        std::printf("  (%d batches failed)\n", int(failures));
    return {kRecords / seconds, cpuUse(before, after, seconds, kRecords),
            (walPosition(hq.pgUrl()) - walBefore) / 1024 / kRecords};
}

Figure ingestStraightIntoPostgres(const std::string& url, int run)
{
    {
        pqxx::connection c(url);
        pqxx::work tx(c);
        tx.exec("CREATE TABLE IF NOT EXISTS floor (id uuid PRIMARY KEY, content bytea NOT NULL)");
        tx.exec("ALTER TABLE floor ALTER COLUMN content SET STORAGE EXTERNAL"); // as HQ's ledger
        tx.commit();
    }
    const auto batches = makeBatches(run + 100);
    const double walBefore = walPosition(url);
    const CpuClock before = CpuClock::now(nullptr);
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
    const double seconds = timer.nsecsElapsed() / 1e9;
    const CpuClock after = CpuClock::now(nullptr);
    return {kRecords / seconds, cpuUse(before, after, seconds, kRecords),
            (walPosition(url) - walBefore) / 1024 / kRecords};
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
    QList<double> hqCpu, hqClientsCpu, hqOwnCpu, hqPostgresCpu, floorCpu, floorClientsCpu, floorPostgresCpu;
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
        // Each figure starts with nothing left for autovacuum (the rows the previous figure wrote, vacuumed now,
        // not by a worker during the next figure) and right after a checkpoint: a checkpoint that falls into one
        // of them (a run writes ~700 MB of WAL), and the full-page images after it, would otherwise decide which
        // figure is lower.
        const auto checkpoint = [&] {
            PgCluster::scalar(url, "VACUUM");
            PgCluster::scalar(url, "CHECKPOINT");
        };
        checkpoint();
        const Figure kept = ingestThroughHq(hq, bundles, run, true);
        checkpoint();
        const Figure fresh = ingestThroughHq(hq, bundles, run + 50, false);
        checkpoint();
        const Figure floor = ingestStraightIntoPostgres(url, run);
        hqRates << kept.rate;
        freshRates << fresh.rate;
        floorRates << floor.rate;
        hqCpu << kept.cpu.machine;
        hqClientsCpu << kept.cpu.clients;
        hqOwnCpu << kept.cpu.hq;
        hqPostgresCpu << kept.cpu.postgres;
        floorCpu << floor.cpu.machine;
        floorClientsCpu << floor.cpu.clients;
        floorPostgresCpu << floor.cpu.postgres;
        hq.stop();
        const QByteArray output = hq.serveOutput();
        const qsizetype timings = output.indexOf("timings:");
        std::printf(
            "  run %d (%s monthly partitions of records): HQ %.0f records/s (a new TLS connection per batch: "
            "%.0f), PostgreSQL floor %.0f records/s\n    CPU through HQ: %s\n    CPU of the floor: %s\n    HQ %s",
            run + 1, months.c_str(), hqRates.last(), freshRates.last(), floorRates.last(),
            describeCpu(kept, true).c_str(), describeCpu(floor, false).c_str(),
            timings >= 0 ? output.mid(timings).constData() : "timings: none\n");
        // Gone before the next run: its tables would otherwise be vacuumed by autovacuum during it.
        PgCluster::scalar(admin, "DROP DATABASE " + databaseOf(url) + " WITH (FORCE)");
    }
    if (const std::string now = synchronousStandbys(admin); now != standbys)
        std::printf("  (synchronous standbys now: %s, not as in the header)\n", now.c_str());
    std::printf("ingest [PostgreSQL %s], 4 concurrent outlets, 2 x 20 KB photos per record: median %.0f records/s "
                "(goal >= 1500); a new TLS connection per batch: median %.0f records/s; baseline straight into "
                "PostgreSQL: median %.0f records/s (HQ at %.0f%%)\n",
                target.c_str(), median(hqRates), median(freshRates), median(floorRates),
                100.0 * median(hqRates) / median(floorRates));
    std::printf("CPU per record (medians, core-ms, every process on this machine's %ld cores): through HQ %.2f "
                "(outlets %.2f, shiming-hq %.2f, PostgreSQL %.2f); floor %.2f (writers %.2f, PostgreSQL %.2f); the "
                "floor's CPU is %.0f%% of HQ's\n",
                sysconf(_SC_NPROCESSORS_ONLN), median(hqCpu), median(hqClientsCpu), median(hqOwnCpu),
                median(hqPostgresCpu), median(floorCpu), median(floorClientsCpu), median(floorPostgresCpu),
                100.0 * median(floorCpu) / median(hqCpu));

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
