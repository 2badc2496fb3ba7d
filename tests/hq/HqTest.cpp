#include "HqTestChecks.h"
#include "support/CatchQt.h"

#include "core/protocol/FeedPage.h"
#include "hq/Ledger.h"
#include "hq/LedgerDecision.h"
#include "hq/Schema.h"

#include <pqxx/pqxx>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

TEST_CASE("init is idempotent and keeps the CA, and stats start empty", "[hq]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.run({u"init"_s, u"--pg"_s, QString::fromStdString(url), u"--state"_s, hq.stateDir()}) == 0);
    QFile ca(hq.stateDir() + u"/ca.crt"_s);
    REQUIRE(ca.open(QIODevice::ReadOnly));
    const QByteArray firstCa = ca.readAll();
    ca.close();
    REQUIRE(hq.run({u"init"_s, u"--pg"_s, QString::fromStdString(url), u"--state"_s, hq.stateDir()}) == 0);
    REQUIRE(ca.open(QIODevice::ReadOnly));
    CHECK(ca.readAll() == firstCa);
    CHECK(count(url, "SELECT max(version) FROM schema_migrations") == hq::latestSchemaVersion());

    QByteArray output;
    REQUIRE(hq.run({u"stats"_s, u"--pg"_s, QString::fromStdString(url), u"--json"_s}, &output) == 0);
    const QJsonObject stats = QJsonDocument::fromJson(output).object();
    CHECK(stats.value(u"records"_s).toInteger() == 0);
    CHECK(stats.value(u"outlets"_s).toInteger() == 0);
    CHECK(stats.value(u"lastBatch"_s).isNull());
    // The test cluster is a lone primary: its replication state says so.
    const QJsonObject replication = stats.value(u"replication"_s).toObject();
    CHECK(replication.value(u"role"_s).toString() == u"primary"_s);
    CHECK(replication.value(u"synchronousCommit"_s).toString().toStdString() ==
          PgCluster::scalar(url, "SHOW synchronous_commit")); // the test cluster's own (off unless durable)
    CHECK(replication.value(u"standbys"_s).isArray());
    CHECK(replication.value(u"standbys"_s).toArray().isEmpty());
    CHECK(hq.run({u"stats"_s}) == 2);
}

TEST_CASE("A batch is recorded once and a repeated batch id gets the original answers", "[hq]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    const auto bundle = hq.enroll(u"OUT-A"_s);
    REQUIRE(bundle.has_value());
    RawClient client(hq.port(), hq.stateDir() + u"/ca.crt"_s, &*bundle);

    const protocol::Batch batch =
        makeBatch(u"OUT-A"_s, {sampleContent(1, 1), sampleContent(2, 2), sampleContent(3, 3)});
    const QByteArray body = protocol::encodeBatch(batch);
    const RawResponse first = client.post("/v1/batches", body);
    REQUIRE(first.status == 200);
    CHECK(first.headers.at("X-Shiming-Replayed") == "0");
    const auto answer = answerOf(first);
    REQUIRE(answer.answers.size() == 3);
    for (int i = 0; i < 3; ++i) {
        CHECK(answer.answers[i].recordId == batch.records[i].id);
        CHECK(answer.answers[i].outcome == protocol::RecordOutcome::Accepted);
        CHECK_FALSE(answer.answers[i].hqReference.isEmpty());
    }

    const RawResponse again = client.post("/v1/batches", body); // a retry: same batch, fresh nonce
    REQUIRE(again.status == 200);
    CHECK(again.headers.at("X-Shiming-Replayed") == "1");
    CHECK(again.body == first.body);
    CHECK(count(url, "SELECT count(*) FROM records") == 3);
    CHECK(count(url, "SELECT count(*) FROM batches") == 1);

    // The same records in a new batch (an outlet that lost its batch id) are duplicates, not new rows.
    protocol::Batch rebatched = batch;
    rebatched.id = QUuid::createUuid();
    const auto dup = answerOf(client.post("/v1/batches", protocol::encodeBatch(rebatched)));
    for (int i = 0; i < 3; ++i) {
        CHECK(answer.answers[i].identityCount == std::optional<int>(1)); // HQ's figure for each identity
        CHECK(dup.answers[i].outcome == protocol::RecordOutcome::Duplicate);
        CHECK(dup.answers[i].isAccepted());
        CHECK(dup.answers[i].hqReference == answer.answers[i].hqReference);
        CHECK(dup.answers[i].identityCount == std::optional<int>(1)); // counted once, also on a repeat
    }
    CHECK(count(url, "SELECT count(*) FROM records") == 3);

    QByteArray output;
    REQUIRE(hq.run({u"stats"_s, u"--pg"_s, QString::fromStdString(url), u"--json"_s}, &output) == 0);
    const QJsonObject stats = QJsonDocument::fromJson(output).object();
    CHECK(stats.value(u"records"_s).toInteger() == 3);
    CHECK(stats.value(u"outlets"_s).toInteger() == 1);
    CHECK(stats.value(u"lastBatch"_s).toObject().value(u"outlet"_s).toString() == u"OUT-A"_s);
    // The ledger's index holds HMACs, never the document number.
    CHECK(count(url, "SELECT count(*) FROM records WHERE identity_hmac LIKE '%110105%'") == 0);
}

TEST_CASE("HQ rejects per record with reason codes", "[hq]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    const auto bundle = hq.enroll(u"OUT-A"_s);
    REQUIRE(bundle.has_value());
    RawClient client(hq.port(), hq.stateDir() + u"/ca.crt"_s, &*bundle);

    // Risk list: identity 99 is listed (numbers come on stdin, never on the command line).
    REQUIRE(hq.run({u"risk-add"_s, u"--pg"_s, QString::fromStdString(url), u"--state"_s, hq.stateDir(), u"--doc-type"_s,
                    u"resident_id"_s},
                   nullptr, sampleContent(99, 1).documentNumber.toUtf8() + '\n') == 0);

    QList<protocol::RecordContent> contents;
    for (int i = 0; i < 6; ++i)
        contents << sampleContent(7, 100 + i); // six numbers for one identity
    contents << sampleContent(8, 100);         // number 100 again
    auto sim = sampleContent(9, 200);
    sim.iccid = contents[0].iccid;
    contents << sim;                    // SIM of number 100 again
    contents << sampleContent(99, 300); // risk list
    auto otherOperator = sampleContent(7, 400, u"CTCC"_s);
    contents << otherOperator; // the limit is per operator
    protocol::Batch batch = makeBatch(u"OUT-A"_s, contents);
    batch.records[9].content.name = u"altered"_s; // hash no longer matches
    const auto answer = answerOf(client.post("/v1/batches", protocol::encodeBatch(batch)));
    REQUIRE(answer.answers.size() == 10);
    for (int i = 0; i < 5; ++i)
        CHECK(answer.answers[i].outcome == protocol::RecordOutcome::Accepted);
    CHECK(answer.answers[5].reason == u"ID_LIMIT"_s);
    CHECK(answer.answers[6].reason == u"NUMBER_TAKEN"_s);
    CHECK(answer.answers[7].reason == u"ICCID_IN_USE"_s);
    CHECK(answer.answers[8].reason == u"RISK_LIST"_s);
    CHECK(answer.answers[9].reason == u"INVALID"_s);
    // HQ's figure for the record's identity and operator right after deciding it.
    for (int i = 0; i < 5; ++i)
        CHECK(answer.answers[i].identityCount == std::optional<int>(i + 1));
    CHECK(answer.answers[5].identityCount == std::optional<int>(5)); // the limit, not six
    CHECK(answer.answers[6].identityCount == std::optional<int>(0)); // identity 8 holds nothing
    CHECK(answer.answers[7].identityCount == std::optional<int>(0));
    CHECK(answer.answers[8].identityCount == std::optional<int>(0));
    CHECK_FALSE(answer.answers[9].identityCount.has_value()); // an invalid record's identity is not trusted

    // A record id reused with other content is refused and the original stays.
    protocol::Batch conflict = makeBatch(u"OUT-A"_s, {sampleContent(50, 500)});
    conflict.records[0].id = batch.records[0].id;
    const auto conflictAnswer = answerOf(client.post("/v1/batches", protocol::encodeBatch(conflict)));
    CHECK(conflictAnswer.answers[0].reason == u"UUID_CONFLICT"_s);
    CHECK_FALSE(conflictAnswer.answers[0].identityCount.has_value());

    const auto otherCtcc = answerOf(
        client.post("/v1/batches", protocol::encodeBatch(makeBatch(u"OUT-A"_s, {sampleContent(7, 401, u"CTCC"_s)}))));
    CHECK(otherCtcc.answers[0].outcome == protocol::RecordOutcome::Accepted);
    CHECK(otherCtcc.answers[0].identityCount == std::optional<int>(1)); // per operator
    CHECK(count(url, "SELECT count(*) FROM records") == 11);
    CHECK(count(url, "SELECT count(*) FROM records WHERE status = 'accepted'") == 6);
}

TEST_CASE("The per-identity limit holds under concurrent batches on two HQ instances", "[hq]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess first(url);
    REQUIRE(first.start());
    HqProcess second(url, first.stateDir());
    REQUIRE(second.start());
    const auto bundle = first.enroll(u"OUT-A"_s);
    REQUIRE(bundle.has_value());

    constexpr int kAttempts = 16;
    std::atomic<int> accepted = 0, limited = 0, failed = 0;
    // HQ's figure in each answer, one bit per value: the accepted ones, serialised by the identity's lock on
    // either instance, must each see a different count 1..5; every ID_LIMIT one sees 5.
    std::atomic<unsigned> acceptedFigures = 0, limitedFigures = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < kAttempts; ++t) {
        threads.emplace_back([&, t] {
            RawClient client(t % 2 ? second.port() : first.port(), first.stateDir() + u"/ca.crt"_s, &*bundle);
            const auto batch = makeBatch(u"OUT-A"_s, {sampleContent(42, 1000 + t, u"CMCC"_s, 1024)});
            const RawResponse response = client.post("/v1/batches", protocol::encodeBatch(batch));
            const auto answer = protocol::decodeBatchAnswer(response.body);
            if (response.status != 200 || !answer) {
                ++failed;
                return;
            }
            const int figure = answer->answers[0].identityCount.value_or(31);
            const unsigned bit = 1u << std::clamp(figure, 0, 31);
            if (answer->answers[0].outcome == protocol::RecordOutcome::Accepted) {
                ++accepted;
                acceptedFigures |= bit;
            } else if (answer->answers[0].reason == u"ID_LIMIT"_s) {
                ++limited;
                limitedFigures |= bit;
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    CHECK(failed == 0);
    CHECK(accepted == hq::kNumbersPerIdentity);
    CHECK(limited == kAttempts - hq::kNumbersPerIdentity);
    CHECK(acceptedFigures.load() == 0b111110u); // 1, 2, 3, 4 and 5, once each
    CHECK(limitedFigures.load() == 1u << 5);
    CHECK(count(url, "SELECT count(*) FROM records WHERE status = 'accepted'") == 5);
    CHECK(count(url, "SELECT count(*) FROM records") == kAttempts);
}

TEST_CASE("Feeds are read by cursor and number-pool leases reach only their outlet", "[hq]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    const auto a = hq.enroll(u"OUT-A"_s);
    const auto b = hq.enroll(u"OUT-B"_s);
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    QTemporaryDir dir;
    QFile json(dir.filePath(u"item.json"_s));
    REQUIRE(json.open(QIODevice::WriteOnly));
    json.write(R"({"passThreshold": 0.62, "name": "阿依古丽·买买提 𠮷"})");
    json.close();
    const QString pg = QString::fromStdString(url);
    REQUIRE(hq.run({u"publish"_s, u"--pg"_s, pg, u"--feed"_s, u"settings"_s, u"--key"_s, u"face"_s, u"--json"_s,
                    json.fileName()}) == 0);
    REQUIRE(hq.run({u"publish"_s, u"--pg"_s, pg, u"--feed"_s, u"number_pool"_s, u"--key"_s, u"13800000001"_s,
                    u"--outlet"_s, u"OUT-A"_s, u"--json"_s, json.fileName()}) == 0);
    REQUIRE(hq.run({u"publish"_s, u"--pg"_s, pg, u"--feed"_s, u"settings"_s, u"--key"_s, u"old"_s, u"--remove"_s}) ==
            0);
    CHECK(hq.run({u"publish"_s, u"--pg"_s, pg, u"--feed"_s, u"nonsense"_s, u"--key"_s, u"x"_s, u"--remove"_s}) == 1);

    RawClient clientA(hq.port(), hq.stateDir() + u"/ca.crt"_s, &*a);
    RawClient clientB(hq.port(), hq.stateDir() + u"/ca.crt"_s, &*b);
    const RawResponse settings = clientA.get("/v1/feeds/settings?cursor=0");
    REQUIRE(settings.status == 200);
    const auto page = protocol::decodeFeedPage(settings.body);
    REQUIRE(page.has_value());
    REQUIRE(page->items.size() == 2);
    CHECK(page->items[0].key == u"face"_s);
    CHECK(page->items[0].body.value(u"passThreshold"_s).toDouble() == 0.62);
    CHECK(page->items[0].body.value(u"name"_s).toString() == u"阿依古丽·买买提 𠮷"_s);
    CHECK(page->items[1].removed);
    const auto after =
        protocol::decodeFeedPage(clientA.get("/v1/feeds/settings?cursor=" + QByteArray::number(page->cursor)).body);
    REQUIRE(after.has_value());
    CHECK(after->items.isEmpty());
    CHECK(after->cursor == page->cursor);

    CHECK(protocol::decodeFeedPage(clientA.get("/v1/feeds/number_pool").body)->items.size() == 1);
    CHECK(protocol::decodeFeedPage(clientB.get("/v1/feeds/number_pool").body)->items.isEmpty());
    CHECK(clientA.get("/v1/feeds/nope").status == 404);
    CHECK(clientA.get("/v1/feeds/settings?cursor=abc").status == 400);
}

TEST_CASE("An answer lost after COMMIT is recovered by the retry, never duplicated", "[hq]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url, {}, u"seed=1,fail-after=1"_s);
    REQUIRE(hq.start());
    const auto bundle = hq.enroll(u"OUT-A"_s);
    REQUIRE(bundle.has_value());
    RawClient client(hq.port(), hq.stateDir() + u"/ca.crt"_s, &*bundle);
    const auto batch = makeBatch(u"OUT-A"_s, {sampleContent(1, 1), sampleContent(2, 2)});
    CHECK(client.post("/v1/batches", protocol::encodeBatch(batch)).status == 500);
    CHECK(count(url, "SELECT count(*) FROM records") == 2);
    hq.stop();

    HqProcess healthy(url, hq.stateDir());
    REQUIRE(healthy.start());
    RawClient retry(healthy.port(), hq.stateDir() + u"/ca.crt"_s, &*bundle);
    const RawResponse response = retry.post("/v1/batches", protocol::encodeBatch(batch));
    REQUIRE(response.status == 200);
    CHECK(response.headers.at("X-Shiming-Replayed") == "1");
    CHECK(answerOf(response).answers[0].outcome == protocol::RecordOutcome::Accepted);
    CHECK(count(url, "SELECT count(*) FROM records") == 2);

    HqProcess failing(url, hq.stateDir(), u"seed=1,fail-before=1"_s);
    REQUIRE(failing.start());
    RawClient third(failing.port(), hq.stateDir() + u"/ca.crt"_s, &*bundle);
    CHECK(third.post("/v1/batches", protocol::encodeBatch(makeBatch(u"OUT-A"_s, {sampleContent(3, 3)}))).status == 503);
    CHECK(count(url, "SELECT count(*) FROM records") == 2);
    CHECK(count(url, "SELECT count(*) FROM batches") == 1);
}
