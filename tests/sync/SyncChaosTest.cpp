#include "SyncTestSupport.h"
#include "support/CatchQt.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

/// The invariants after any chaos: every outlet record is in HQ's ledger exactly once (the ledger's primary
/// key is the record id, so "once" is: as many ledger rows as records across outlets), and every outlet
/// record's status and reason equal HQ's.
void checkConverged(const std::string& url, const QList<TestOutlet*>& outlets)
{
    const auto atHq = hqStatuses(url);
    qsizetype total = 0;
    for (TestOutlet* outlet : outlets) {
        CHECK(outlet->store().outbox().queueLength().value_or(-1) == 0);
        const auto mine = outlet->statuses();
        total += mine.size();
        for (auto it = mine.cbegin(); it != mine.cend(); ++it) {
            INFO("record " << it.key().toStdString());
            REQUIRE(atHq.contains(it.key()));
            CHECK(it.value().first == atHq.value(it.key()).first);
            CHECK(it.value().second == atHq.value(it.key()).second);
        }
    }
    CHECK(atHq.size() == total);
}

/// Runs passes until the queue is empty; returns how many passes failed.
int drain(TestOutlet& outlet, int maxPasses)
{
    int failures = 0;
    for (int pass = 0; pass < maxPasses; ++pass) {
        const auto report = outlet.engine().runBlocking();
        failures += report.ok ? 0 : 1;
        if (report.ok && report.pending == 0)
            break;
    }
    return failures;
}

void copyDatabase(const QString& from, const QString& to)
{
    for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        QFile::remove(to + suffix);
        if (QFile::exists(from + suffix))
            REQUIRE(QFile::copy(from + suffix, to + suffix));
    }
}

} // namespace

TEST_CASE("Chaos: 500 after commit, 503 before, slow answers, resets mid-body, exact replays", "[sync][slow]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url, {},
                 u"seed=20261128,fail-before=0.15,fail-after=0.15,slow=0.1,slow-ms=1500,reset=0.1,reset-before=0.1"_s);
    REQUIRE(hq.start());
    TestOutlet a(u"OUT-A"_s, hq, 11);
    TestOutlet b(u"OUT-B"_s, hq, 12);
    for (int i = 0; i < 4; ++i) {
        a.commit(7, 100 + i);
        b.commit(7, 200 + i); // 8 numbers for one identity across both: 3 must end as ID_LIMIT
    }
    a.commitMany(40, 1000);
    b.commitMany(40, 2000);

    // A backup of outlet A before anything was sent: restoring it later replays every batch exactly.
    a.close();
    QTemporaryDir backupDir;
    const QString backup = backupDir.filePath(u"backup.db"_s);
    copyDatabase(a.databasePath(), backup);
    a.reopen();

    // Small batches so that every fault gets its turn; slow answers (1.5 s) outlast the client's 1 s time-out.
    sync::SyncEngine::Options small;
    small.maxRecords = 4;
    small.feeds = false;
    for (TestOutlet* outlet : {&a, &b})
        outlet->configure(QUrl(hq.url()), small, 1000);
    int failedPasses = 0;
    for (int round = 0; round < 300; ++round) {
        const bool aDone = a.store().outbox().queueLength().value_or(1) == 0;
        const bool bDone = b.store().outbox().queueLength().value_or(1) == 0;
        if (aDone && bDone)
            break;
        if (!aDone)
            failedPasses += drain(a, 1);
        if (!bDone)
            failedPasses += drain(b, 1);
    }
    INFO("failed passes: " << failedPasses);
    CHECK(failedPasses >= 10); // the faults really interrupted the sync, many times
    checkConverged(url, {&a, &b});
    const auto atHq = hqStatuses(url);
    int limited = 0;
    for (const auto& value : atHq)
        limited += value.second == u"ID_LIMIT"_s;
    CHECK(limited == 3);
    const long long ledger = std::stoll(PgCluster::scalar(url, "SELECT count(*) FROM records"));

    // Restore outlet A's backup and sync it through a healthy HQ: every batch id is replayed, HQ answers with
    // the original answers, the ledger does not grow, and the restored outlet ends up agreeing with HQ.
    hq.stop();
    HqProcess healthy(url, hq.stateDir());
    REQUIRE(healthy.start());
    a.close();
    copyDatabase(backup, a.databasePath());
    a.reopen();
    a.configure(QUrl(healthy.url()), small);
    drain(a, 20);
    CHECK(std::stoll(PgCluster::scalar(url, "SELECT count(*) FROM records")) == ledger);
    checkConverged(url, {&a, &b});
}

TEST_CASE("Chaos: the sync client killed with SIGKILL mid-batch and restarted", "[sync][slow]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url, {}, u"seed=7,slow=0.3,slow-ms=400,fail-after=0.1"_s);
    REQUIRE(hq.start());
    TestOutlet outlet(u"OUT-K"_s, hq, 21);
    outlet.commitMany(60, 5000);
    outlet.close();

    QRandomGenerator random(20261128);
    const auto startClient = [&](QProcess& process) {
        process.start(QStringLiteral(SHIMING_SYNC_KILL_CLIENT), {outlet.databasePath(), hq.url(), outlet.bundlePath()});
        REQUIRE(process.waitForStarted(10000));
        process.write(outlet.dataKey().toHex() + '\n');
        process.closeWriteChannel();
    };
    int kills = 0;
    for (int round = 0; round < 12; ++round) {
        QProcess process;
        startClient(process);
        const int lifetimeMs = 100 + random.bounded(700);
        if (process.waitForFinished(lifetimeMs))
            break; // it drained the queue before we killed it
        ::kill(pid_t(process.processId()), SIGKILL);
        process.waitForFinished(10000);
        ++kills;
    }
    QProcess last;
    startClient(last);
    REQUIRE(last.waitForFinished(180000));
    CHECK(last.exitCode() == 0);
    CHECK(kills > 0);
    outlet.reopen();
    checkConverged(url, {&outlet});
    CHECK(std::stoll(PgCluster::scalar(url, "SELECT count(*) FROM records")) == 60);
}
