#include "SyncTestSupport.h"
#include "support/CatchQt.h"

#include "core/sync/SyncScheduler.h"
#include "core/sync/SyncStatus.h"

#include <QSignalSpy>
#include <QTcpServer>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

TEST_CASE("Backoff grows exponentially with jitter and stays capped", "[sync]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    TestOutlet outlet(u"OUT-A"_s, hq, 5);
    sync::SyncScheduler::Options options;
    options.backoffBaseMs = 1000;
    options.maxBackoffMs = 60000;
    options.seed = 42;
    sync::SyncScheduler scheduler(outlet.engine(), options);
    QSet<int> distinct;
    for (int failures = 1; failures <= 12; ++failures) {
        const double ceiling = std::min(1000.0 * std::pow(2.0, failures - 1), 60000.0);
        for (int draw = 0; draw < 20; ++draw) {
            const int delay = scheduler.backoffMs(failures);
            CHECK(delay >= int(ceiling * 0.5));
            CHECK(delay <= int(ceiling));
            distinct.insert(delay);
        }
    }
    CHECK(distinct.size() > 100); // jitter: outlets do not retry in step
}

TEST_CASE("The scheduler sends soon after a commit and backs off while HQ is unreachable", "[sync]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    TestOutlet outlet(u"OUT-A"_s, hq, 6);
    sync::SyncScheduler::Options options;
    options.intervalMs = 600000;
    options.commitDelayMs = 50;
    options.backoffBaseMs = 400;
    options.seed = 7;
    sync::SyncScheduler scheduler(outlet.engine(), options);
    QSignalSpy passes(&scheduler, &sync::SyncScheduler::passFinished);
    QSignalSpy online(&scheduler, &sync::SyncScheduler::onlineChanged);
    scheduler.start();
    REQUIRE(passes.wait(20000)); // the start-up pass
    outlet.commit(-1, 1);
    scheduler.registrationCommitted();
    REQUIRE(passes.wait(20000));
    auto report = passes.last().first().value<sync::SyncReport>();
    CHECK(report.ok);
    CHECK(report.sent == 1);
    CHECK(outlet.store().outbox().queueLength().value_or(-1) == 0);

    hq.stop(); // the link goes down
    outlet.commit(-1, 2);
    scheduler.syncNow();
    REQUIRE(passes.wait(20000));
    report = passes.last().first().value<sync::SyncReport>();
    CHECK_FALSE(report.ok);
    CHECK_FALSE(report.reachedHq);
    CHECK_FALSE(scheduler.isOnline());
    REQUIRE(online.size() == 1);
    CHECK(online.first().first().toBool() == false);
    CHECK(scheduler.consecutiveFailures() == 1);
    const int wait = scheduler.nextPassInMs();
    CHECK(wait >= 0);
    CHECK(wait <= 400);
    REQUIRE(passes.wait(20000)); // the backoff retry, still offline
    CHECK(scheduler.consecutiveFailures() == 2);
    const auto status = sync::readSyncStatus(outlet.store());
    REQUIRE(status.has_value());
    CHECK(status->queueLength == 1);
    CHECK(status->oldestUnsent.has_value());
    CHECK_FALSE(status->lastError.isEmpty());
    CHECK_FALSE(status->online);
    scheduler.stop();
}
