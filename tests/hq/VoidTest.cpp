// Voids from the outlets: a registration voided by the manager is released at HQ (its number, SIM and place in
// the 5-per-identity count), exactly once however often the void arrives.
#include "HqTestChecks.h"
#include "support/CatchQt.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

// HQ's answer to a request it took (200).
protocol::BatchAnswer okAnswerOf(const RawResponse& response)
{
    REQUIRE(response.status == 200);
    return answerOf(response);
}

protocol::SyncRecord voidOf(const QUuid& original)
{
    protocol::VoidContent content;
    content.original = original;
    content.voidedAtMs = QDateTime::currentMSecsSinceEpoch();
    content.actor = u"manager01"_s;
    content.reason = u"customer cancelled at the counter"_s;
    return protocol::makeVoidRecord(protocol::voidRecordId(original), 0, content);
}

protocol::Batch batchOf(const QString& outletId, const QList<protocol::SyncRecord>& records)
{
    protocol::Batch batch;
    batch.id = QUuid::createUuid();
    batch.outletId = outletId;
    batch.deviceTimeMs = QDateTime::currentMSecsSinceEpoch();
    batch.records = records;
    return batch;
}

} // namespace

TEST_CASE("A void releases the number at HQ and a replayed void counts once", "[hq]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    const auto bundle = hq.enroll(u"OUT-A"_s);
    REQUIRE(bundle.has_value());
    RawClient client(hq.port(), hq.stateDir() + u"/ca.crt"_s, &*bundle);
    client.setKeepAlive(true);

    // Five numbers for identity 7: the limit.
    QList<protocol::RecordContent> five;
    for (int i = 0; i < 5; ++i)
        five << sampleContent(7, 100 + i);
    const protocol::Batch first = makeBatch(u"OUT-A"_s, five);
    for (const auto& a : okAnswerOf(client.post("/v1/batches", protocol::encodeBatch(first))).answers)
        CHECK(a.outcome == protocol::RecordOutcome::Accepted);
    const auto sixthBefore =
        okAnswerOf(client.post("/v1/batches", protocol::encodeBatch(makeBatch(u"OUT-A"_s, {sampleContent(7, 105)}))));
    CHECK(sixthBefore.answers[0].reason == u"ID_LIMIT"_s);
    CHECK(sixthBefore.answers[0].identityCount == std::optional<int>(5));

    // The manager voids the second one; the void is a record of its own.
    const QUuid voided = first.records[1].id;
    const protocol::Batch voidBatch = batchOf(u"OUT-A"_s, {voidOf(voided)});
    const QByteArray voidBody = protocol::encodeBatch(voidBatch);
    const auto voidAnswer = okAnswerOf(client.post("/v1/batches", voidBody));
    REQUIRE(voidAnswer.answers.size() == 1);
    CHECK(voidAnswer.answers[0].outcome == protocol::RecordOutcome::Accepted);
    CHECK(voidAnswer.answers[0].hqReference.startsWith(u"HQ"_s));
    CHECK(voidAnswer.answers[0].identityCount == std::optional<int>(4)); // the figure after the release
    CHECK(PgCluster::scalar(url, "SELECT status FROM records WHERE record_uuid = '" +
                                     voided.toString(QUuid::WithoutBraces).toStdString() + "'") == "released");

    // The sixth number is accepted now.
    const auto sixth =
        okAnswerOf(client.post("/v1/batches", protocol::encodeBatch(makeBatch(u"OUT-A"_s, {sampleContent(7, 106)}))));
    CHECK(sixth.answers[0].outcome == protocol::RecordOutcome::Accepted);
    CHECK(sixth.answers[0].identityCount == std::optional<int>(5));

    // The same void again: the same batch (the stored answer) and in a new batch (a duplicate of the first
    // decision). Neither releases anything more: the seventh number is over the limit.
    const RawResponse replay = client.post("/v1/batches", voidBody);
    CHECK(replay.headers.at("X-Shiming-Replayed") == "1");
    CHECK(okAnswerOf(replay).answers[0].hqReference == voidAnswer.answers[0].hqReference);
    const auto again =
        okAnswerOf(client.post("/v1/batches", protocol::encodeBatch(batchOf(u"OUT-A"_s, {voidBatch.records[0]}))));
    CHECK(again.answers[0].outcome == protocol::RecordOutcome::Duplicate);
    CHECK(again.answers[0].isAccepted());
    CHECK(again.answers[0].hqReference == voidAnswer.answers[0].hqReference);
    CHECK(again.answers[0].identityCount == std::optional<int>(5)); // as HQ stands now: the sixth took the place
    const auto seventh =
        okAnswerOf(client.post("/v1/batches", protocol::encodeBatch(makeBatch(u"OUT-A"_s, {sampleContent(7, 107)}))));
    CHECK(seventh.answers[0].reason == u"ID_LIMIT"_s);
    CHECK(count(url, "SELECT count(*) FROM records WHERE status = 'accepted' AND identity_hmac = (SELECT "
                     "identity_hmac FROM records WHERE msisdn = '13800000100')") == 5);

    // The released number and SIM are free for someone else.
    const auto reuse =
        okAnswerOf(client.post("/v1/batches", protocol::encodeBatch(makeBatch(u"OUT-A"_s, {sampleContent(8, 101)}))));
    CHECK(reuse.answers[0].outcome == protocol::RecordOutcome::Accepted);

    // A void naming a record HQ does not hold, or another outlet's record, is refused and releases nothing.
    const auto otherBundle = hq.enroll(u"OUT-B"_s);
    REQUIRE(otherBundle.has_value());
    RawClient other(hq.port(), hq.stateDir() + u"/ca.crt"_s, &*otherBundle);
    const auto foreign = okAnswerOf(
        other.post("/v1/batches", protocol::encodeBatch(batchOf(u"OUT-B"_s, {voidOf(first.records[2].id)}))));
    CHECK(foreign.answers[0].reason == u"UNKNOWN_RECORD"_s);
    const auto unknown = okAnswerOf(
        client.post("/v1/batches", protocol::encodeBatch(batchOf(u"OUT-A"_s, {voidOf(QUuid::createUuid())}))));
    CHECK(unknown.answers[0].reason == u"UNKNOWN_RECORD"_s);
    CHECK_FALSE(unknown.answers[0].identityCount.has_value());
    CHECK_FALSE(foreign.answers[0].identityCount.has_value());
    CHECK(count(url, "SELECT count(*) FROM records WHERE status = 'released'") == 1);
    CHECK(count(url, "SELECT count(*) FROM record_voids") == 3);
    CHECK(count(url, "SELECT count(*) FROM record_voids WHERE status = 'accepted'") == 1);

    // A tampered void is INVALID and changes nothing.
    protocol::SyncRecord tampered = voidOf(first.records[3].id);
    tampered.voidContent.reason = u"altered"_s;
    const auto invalid = okAnswerOf(client.post("/v1/batches", protocol::encodeBatch(batchOf(u"OUT-A"_s, {tampered}))));
    CHECK(invalid.answers[0].reason == u"INVALID"_s);
    CHECK(count(url, "SELECT count(*) FROM records WHERE status = 'released'") == 1);

    QByteArray output;
    REQUIRE(hq.run({u"stats"_s, u"--pg"_s, QString::fromStdString(url), u"--json"_s}, &output) == 0);
    const QJsonObject stats = QJsonDocument::fromJson(output).object();
    CHECK(stats.value(u"released"_s).toInt() == 1);
    CHECK(stats.value(u"voids"_s).toInt() == 3); // the tampered one is an INVALID record
}

TEST_CASE("A registration voided later in the same batch frees its number for the records after it", "[hq]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    const auto bundle = hq.enroll(u"OUT-A"_s);
    REQUIRE(bundle.has_value());
    RawClient client(hq.port(), hq.stateDir() + u"/ca.crt"_s, &*bundle);

    const protocol::SyncRecord registration = protocol::makeRecord(QUuid::createUuid(), 1, sampleContent(20, 700));
    const protocol::SyncRecord early = voidOf(QUuid::createUuid()); // names a record that comes later: unknown
    const protocol::SyncRecord sameNumber = protocol::makeRecord(QUuid::createUuid(), 2, sampleContent(21, 700));
    const protocol::SyncRecord beforeVoid = protocol::makeRecord(QUuid::createUuid(), 3, sampleContent(22, 700));
    const auto answer = okAnswerOf(
        client.post("/v1/batches", protocol::encodeBatch(batchOf(u"OUT-A"_s, {registration, early, beforeVoid,
                                                                              voidOf(registration.id), sameNumber}))));
    REQUIRE(answer.answers.size() == 5);
    CHECK(answer.answers[0].outcome == protocol::RecordOutcome::Accepted);
    CHECK(answer.answers[1].reason == u"UNKNOWN_RECORD"_s);
    CHECK(answer.answers[2].reason == u"NUMBER_TAKEN"_s); // decided before the void
    CHECK(answer.answers[3].outcome == protocol::RecordOutcome::Accepted);
    CHECK(answer.answers[4].outcome == protocol::RecordOutcome::Accepted); // after it
    // Figures as HQ stood after each record: identity 20 had one, and none after its void.
    CHECK(answer.answers[0].identityCount == std::optional<int>(1));
    CHECK_FALSE(answer.answers[1].identityCount.has_value());
    CHECK(answer.answers[2].identityCount == std::optional<int>(0));
    CHECK(answer.answers[3].identityCount == std::optional<int>(0));
    CHECK(answer.answers[4].identityCount == std::optional<int>(1));
    CHECK(PgCluster::scalar(url, "SELECT status FROM records WHERE record_uuid = '" +
                                     registration.id.toString(QUuid::WithoutBraces).toStdString() + "'") == "released");
    CHECK(count(url, "SELECT count(*) FROM records WHERE status = 'accepted' AND msisdn = '13800000700'") == 1);
}

TEST_CASE("HQ keeps each outlet's audit head and counts a head that goes backwards as a rewind", "[hq]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    const auto bundle = hq.enroll(u"OUT-A"_s);
    REQUIRE(bundle.has_value());
    RawClient client(hq.port(), hq.stateDir() + u"/ca.crt"_s, &*bundle);
    client.setKeepAlive(true);

    int serial = 800;
    const auto send = [&](std::optional<protocol::AuditHead> head) {
        protocol::Batch batch = makeBatch(u"OUT-A"_s, {sampleContent(30 + serial, serial)});
        ++serial;
        batch.audit = head;
        const RawResponse response = client.post("/v1/batches", protocol::encodeBatch(batch));
        REQUIRE(response.status == 200);
        return batch;
    };
    const auto audit = [&] {
        QByteArray output;
        REQUIRE(hq.run({u"stats"_s, u"--pg"_s, QString::fromStdString(url), u"--json"_s}, &output) == 0);
        return QJsonDocument::fromJson(output)
            .object()
            .value(u"auditByOutlet"_s)
            .toObject()
            .value(u"OUT-A"_s)
            .toObject();
    };
    const QByteArray h10(32, '\x10'), h12(32, '\x12'), h11(32, '\x11'), other(32, '\x77');

    send(protocol::AuditHead{10, h10});
    CHECK(audit().value(u"seq"_s).toInteger() == 10);
    CHECK(audit().value(u"head"_s).toString() == QString::fromLatin1(h10.toHex()));
    CHECK(audit().value(u"rewinds"_s).toInt() == 0);
    CHECK(audit().value(u"rewoundAt"_s).isNull());
    send(std::nullopt); // an outlet that does not report keeps what it reported
    send(protocol::AuditHead{12, h12});
    CHECK(audit().value(u"seq"_s).toInteger() == 12);
    CHECK(audit().value(u"rewinds"_s).toInt() == 0);

    // Backwards: an older copy of the outlet's database.
    send(protocol::AuditHead{11, h11});
    CHECK(audit().value(u"seq"_s).toInteger() == 11);
    CHECK(audit().value(u"rewinds"_s).toInt() == 1);
    CHECK_FALSE(audit().value(u"rewoundAt"_s).isNull());
    send(protocol::AuditHead{11, h11}); // the same head again is no new rewind
    CHECK(audit().value(u"rewinds"_s).toInt() == 1);
    // The same id with another hash: the chain was rewritten.
    const protocol::Batch last = send(protocol::AuditHead{11, other});
    CHECK(audit().value(u"rewinds"_s).toInt() == 2);

    // A late copy of an older request (sent earlier by the outlet's clock) is no news and no rewind.
    protocol::Batch late = makeBatch(u"OUT-A"_s, {sampleContent(29, 899)});
    late.deviceTimeMs -= 60'000;
    late.audit = protocol::AuditHead{3, h10};
    REQUIRE(client.post("/v1/batches", protocol::encodeBatch(late)).status == 200);
    CHECK(audit().value(u"seq"_s).toInteger() == 11);
    CHECK(audit().value(u"rewinds"_s).toInt() == 2);

    // A replayed batch still reports the head it carries.
    protocol::Batch replay = last;
    replay.audit = protocol::AuditHead{20, h12};
    const RawResponse replayed = client.post("/v1/batches", protocol::encodeBatch(replay));
    CHECK(replayed.headers.at("X-Shiming-Replayed") == "1");
    CHECK(audit().value(u"seq"_s).toInteger() == 20);
    CHECK(audit().value(u"rewinds"_s).toInt() == 2);
}

TEST_CASE("Voids racing new registrations on two HQ instances never let an identity exceed the limit", "[hq]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess first(url);
    REQUIRE(first.start());
    HqProcess second(url, first.stateDir());
    REQUIRE(second.start());
    const auto bundle = first.enroll(u"OUT-A"_s);
    REQUIRE(bundle.has_value());

    // Identity 42 at the limit.
    QList<protocol::RecordContent> five;
    for (int i = 0; i < 5; ++i)
        five << sampleContent(42, 900 + i, u"CMCC"_s, 1024);
    const protocol::Batch full = makeBatch(u"OUT-A"_s, five);
    {
        RawClient client(first.port(), first.stateDir() + u"/ca.crt"_s, &*bundle);
        REQUIRE(client.post("/v1/batches", protocol::encodeBatch(full)).status == 200);
    }

    // Concurrently: each of the five voided (twice each, as a resend would), and ten new numbers.
    constexpr int kNew = 10;
    std::atomic<int> accepted = 0, failed = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 10 + kNew; ++t) {
        threads.emplace_back([&, t] {
            RawClient client(t % 2 ? second.port() : first.port(), first.stateDir() + u"/ca.crt"_s, &*bundle);
            const protocol::Batch batch = t < 10
                                              ? batchOf(u"OUT-A"_s, {voidOf(full.records[t % 5].id)})
                                              : makeBatch(u"OUT-A"_s, {sampleContent(42, 1000 + t, u"CMCC"_s, 1024)});
            const RawResponse response = client.post("/v1/batches", protocol::encodeBatch(batch));
            const auto answer = protocol::decodeBatchAnswer(response.body);
            if (response.status != 200 || !answer) {
                ++failed;
                return;
            }
            if (t >= 10 && answer->answers[0].outcome == protocol::RecordOutcome::Accepted)
                ++accepted;
        });
    }
    for (auto& thread : threads)
        thread.join();
    CHECK(failed == 0);
    // Each void released exactly once (the second of each pair is a duplicate or UUID_CONFLICT, as the two
    // copies were made at different times), and the identity never holds more than five.
    CHECK(count(url, "SELECT count(*) FROM records WHERE status = 'released'") == 5);
    CHECK(count(url, "SELECT count(*) FROM record_voids WHERE status = 'accepted'") == 5);
    const long long held = count(url, "SELECT count(*) FROM records WHERE status = 'accepted'");
    CHECK(held <= 5);
    CHECK(held == accepted);
    CHECK(accepted >= 0);
}
