// The real-name lifecycle transactions end to end: outlets post re-verifications, SIM replacements, transfers and
// cancellations over mutual TLS to a real shiming-hq on a real PostgreSQL, and the ledger moves each number once.
#include "HqScene.h"
#include "HqTestChecks.h"
#include "support/CatchQt.h"

#include "hq/PgUtil.h"
#include "hq/Schema.h"

#include <pqxx/pqxx>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

using protocol::RecordOutcome;

/// A lifecycle record's content for person `who` on number `serial` (sampleContent's numbering): `iccid` as the
/// outlet sends it (a replacement's new SIM, else empty); a transfer's document is the new holder (`who`),
/// `holder` the present one.
protocol::RecordContent lifecycle(const QString& transaction, int who, int serial, const QString& iccid = {},
                                  int holder = -1)
{
    protocol::RecordContent content = sampleContent(who, serial, u"CMCC"_s, 1024);
    content.transaction = transaction;
    content.iccid = iccid;
    if (holder >= 0) {
        content.holderDocumentType = u"resident_id"_s;
        content.holderDocumentNumber = sampleContent(holder, serial).documentNumber;
    }
    return content;
}

// The number and SIM of sampleContent()'s `serial`.
QString iccidOf(int serial)
{
    return u"898600%1"_s.arg(serial, 14, 10, QChar(u'0'));
}

std::string msisdnOf(int serial)
{
    return u"138%1"_s.arg(serial, 8, 10, QChar(u'0')).toStdString();
}

std::string idText(const protocol::SyncRecord& record)
{
    return record.id.toString(QUuid::WithoutBraces).toStdString();
}

/// One column of a record's row, as text ("" for NULL).
std::string column(const std::string& url, const protocol::SyncRecord& record, const std::string& name)
{
    return PgCluster::scalar(url,
                             "SELECT " + name + "::text FROM records WHERE record_uuid = '" + idText(record) + "'");
}

/// Accepted numbers of the identity of `record` (its own document), with its operator.
long long heldBy(const std::string& url, const protocol::SyncRecord& record)
{
    return count(url, "SELECT count(*) FROM records WHERE status = 'accepted' AND (identity_hmac, operator) = "
                      "(SELECT identity_hmac, operator FROM records WHERE record_uuid = '" +
                          idText(record) + "')");
}

protocol::BatchAnswer post(RawClient& client, const protocol::Batch& batch)
{
    const RawResponse response = client.post("/v1/batches", protocol::encodeBatch(batch));
    REQUIRE(response.status == 200);
    return answerOf(response);
}

void checkAnswer(const protocol::RecordAnswer& answer, const char* reason, int identityCount)
{
    INFO("reason " << answer.reason.toStdString());
    if (reason) {
        CHECK(answer.outcome == RecordOutcome::Rejected);
        CHECK(answer.reason == QString::fromLatin1(reason));
    } else {
        CHECK(answer.outcome == RecordOutcome::Accepted);
    }
    CHECK(answer.identityCount == std::optional<int>(identityCount));
}

protocol::SyncRecord voidOf(const QUuid& original)
{
    protocol::VoidContent content;
    content.original = original;
    content.voidedAtMs = QDateTime::currentMSecsSinceEpoch();
    content.actor = u"manager01"_s;
    content.reason = u"entered on the wrong customer"_s;
    return protocol::makeVoidRecord(protocol::voidRecordId(original), 0, content);
}

protocol::Batch batchOf(const QList<protocol::SyncRecord>& records)
{
    protocol::Batch batch;
    batch.id = QUuid::createUuid();
    batch.outletId = u"OUT-A"_s;
    batch.deviceTimeMs = QDateTime::currentMSecsSinceEpoch();
    batch.records = records;
    return batch;
}

} // namespace

TEST_CASE("Each lifecycle transaction is decided at HQ, with its refusals", "[hq][lifecycle]")
{
    HqWithTwoOutlets scene;
    const std::string& url = scene.url;
    RawClient client(scene.hq.port(), scene.ca, &*scene.a);
    client.setKeepAlive(true);

    // Person 101 holds numbers 1 and 2, person 102 number 3, person 103 five numbers (10 to 14).
    QList<protocol::RecordContent> held{sampleContent(101, 1), sampleContent(101, 2), sampleContent(102, 3)};
    for (int serial = 10; serial < 15; ++serial)
        held << sampleContent(103, serial);
    const protocol::Batch first = makeBatch(u"OUT-A"_s, held);
    for (const auto& answer : post(client, first).answers)
        CHECK(answer.outcome == RecordOutcome::Accepted);

    const QString newSim = iccidOf(500);
    const protocol::Batch batch = makeBatch(u"OUT-A"_s,
                                            {
                                                lifecycle(u"reverify"_s, 101, 1),                  // 0
                                                lifecycle(u"reverify"_s, 102, 1),                  // 1
                                                lifecycle(u"sim_replace"_s, 102, 1, iccidOf(501)), // 2
                                                lifecycle(u"sim_replace"_s, 101, 1, iccidOf(3)),   // 3
                                                lifecycle(u"sim_replace"_s, 101, 1, newSim),       // 4
                                                lifecycle(u"transfer"_s, 103, 2, {}, 101),         // 5
                                                lifecycle(u"transfer"_s, 102, 2, {}, 104),         // 6
                                                lifecycle(u"transfer"_s, 102, 2, {}, 101),         // 7
                                                lifecycle(u"cancel"_s, 101, 99),                   // 8
                                                lifecycle(u"cancel"_s, 102, 1),                    // 9
                                                lifecycle(u"cancel"_s, 101, 1),                    // 10
                                                lifecycle(u"reverify"_s, 105, 50),                 // 11
                                                lifecycle(u"reverify"_s, 106, 51),                 // 12
                                            },
                                            100);
    const auto answers = post(client, batch).answers;
    REQUIRE(answers.size() == 13);
    checkAnswer(answers[0], nullptr, 2);                              // the holder re-verifies
    checkAnswer(answers[1], protocol::reason::NotHolder, 1);          // someone else cannot
    checkAnswer(answers[2], protocol::reason::NotHolder, 1);          // nor replace the SIM
    checkAnswer(answers[3], protocol::reason::IccidInUse, 2);         // person 102's SIM
    checkAnswer(answers[4], nullptr, 2);                              // the new SIM
    checkAnswer(answers[5], protocol::reason::IdLimit, 5);            // person 103 holds five
    checkAnswer(answers[6], protocol::reason::NotHolder, 1);          // 104 is not the holder
    checkAnswer(answers[7], nullptr, 2);                              // 101 -> 102
    checkAnswer(answers[8], protocol::reason::NumberNotInService, 1); // 101 never had number 99
    checkAnswer(answers[9], protocol::reason::NotHolder, 2);          // 102 does not hold number 1
    checkAnswer(answers[10], nullptr, 0);                             // 101 cancels number 1
    checkAnswer(answers[11], nullptr, 1);                             // a number HQ never had
    checkAnswer(answers[12], nullptr, 1);                             // another one, also without a SIM
    const auto& r = batch.records;

    // Number 1: registered, re-verified (same SIM), SIM replaced, cancelled; each row released by the next.
    CHECK(column(url, first.records[0], "status") == "released");
    CHECK(column(url, first.records[0], "released_by") == idText(r[0]));
    CHECK(column(url, r[0], "status") == "released");
    CHECK(column(url, r[0], "iccid") == iccidOf(1).toStdString());
    CHECK(column(url, r[0], "replaces") == idText(first.records[0]));
    CHECK(column(url, r[0], "released_by") == idText(r[4]));
    CHECK(column(url, r[4], "iccid") == newSim.toStdString());
    CHECK(column(url, r[4], "released_by") == idText(r[10]));
    CHECK(column(url, r[10], "status") == "ended");
    CHECK(column(url, r[10], "transaction") == "cancel");
    CHECK(column(url, r[10], "replaces") == idText(r[4]));
    CHECK(column(url, r[1], "status") == "rejected");
    CHECK(column(url, r[1], "replaces").empty());
    CHECK(count(url, "SELECT count(*) FROM records WHERE status = 'accepted' AND msisdn = '" + msisdnOf(1) + "'") == 0);
    // Number 2 went to person 102 with its SIM.
    CHECK(column(url, first.records[1], "status") == "released");
    CHECK(column(url, r[7], "status") == "accepted");
    CHECK(column(url, r[7], "transaction") == "transfer");
    CHECK(column(url, r[7], "iccid") == iccidOf(2).toStdString());
    CHECK(column(url, r[7], "identity_hmac") == column(url, first.records[2], "identity_hmac"));
    CHECK(heldBy(url, first.records[0]) == 0);
    CHECK(heldBy(url, first.records[2]) == 2);
    CHECK(heldBy(url, first.records[3]) == 5);
    // Re-verifications of numbers HQ never had hold no SIM; two of them do not collide on the empty ICCID.
    CHECK(column(url, r[11], "iccid").empty());
    CHECK(column(url, r[12], "status") == "accepted");
    CHECK(column(url, r[12], "iccid").empty());

    // What the cancellation and the replacement freed is free for others: number 1 and both of its old SIMs.
    protocol::RecordContent number1 = sampleContent(107, 1);
    protocol::RecordContent oldSim = sampleContent(107, 600);
    oldSim.iccid = newSim;
    const auto reuse = post(client, makeBatch(u"OUT-A"_s, {number1, oldSim, lifecycle(u"reverify"_s, 101, 1)}, 200));
    checkAnswer(reuse.answers[0], nullptr, 1);
    checkAnswer(reuse.answers[1], nullptr, 2);
    checkAnswer(reuse.answers[2], protocol::reason::NotHolder, 0); // person 107 holds number 1 now

    QByteArray output;
    REQUIRE(scene.hq.run({u"stats"_s, u"--pg"_s, QString::fromStdString(url), u"--json"_s}, &output) == 0);
    const QJsonObject byTransaction =
        QJsonDocument::fromJson(output).object().value(u"recordsByTransaction"_s).toObject();
    CHECK(byTransaction.value(u"new"_s).toInteger() == 10);
    CHECK(byTransaction.value(u"reverify"_s).toInteger() == 5);
    CHECK(byTransaction.value(u"sim_replace"_s).toInteger() == 3);
    CHECK(byTransaction.value(u"transfer"_s).toInteger() == 3);
    CHECK(byTransaction.value(u"cancel"_s).toInteger() == 3);
    // HQ's log names no customer: neither document numbers nor phone numbers.
    scene.hq.stop();
    const QByteArray log = scene.hq.serveLog();
    CHECK_FALSE(log.contains(sampleContent(101, 1).documentNumber.toUtf8()));
    CHECK_FALSE(log.contains(QByteArray::fromStdString(msisdnOf(1))));
}

TEST_CASE("After a cancellation the identity takes a fifth number again", "[hq][lifecycle]")
{
    HqWithTwoOutlets scene;
    RawClient client(scene.hq.port(), scene.ca, &*scene.a);
    client.setKeepAlive(true);
    QList<protocol::RecordContent> five;
    for (int serial = 200; serial < 205; ++serial)
        five << sampleContent(201, serial);
    const protocol::Batch first = makeBatch(u"OUT-A"_s, five);
    post(client, first);
    checkAnswer(post(client, makeBatch(u"OUT-A"_s, {sampleContent(201, 205)})).answers[0], protocol::reason::IdLimit,
                5);

    // Cancelled at another outlet of the same operator: a cancellation needs the holder, not the outlet.
    RawClient other(scene.hq.port(), scene.ca, &*scene.b);
    checkAnswer(post(other, makeBatch(u"OUT-B"_s, {lifecycle(u"cancel"_s, 201, 203)})).answers[0], nullptr, 4);
    checkAnswer(post(client, makeBatch(u"OUT-A"_s, {sampleContent(201, 206)})).answers[0], nullptr, 5);
    checkAnswer(post(client, makeBatch(u"OUT-A"_s, {sampleContent(201, 207)})).answers[0], protocol::reason::IdLimit,
                5);
    CHECK(heldBy(scene.url, first.records[0]) == 5);
    CHECK(count(scene.url, "SELECT count(*) FROM records WHERE status = 'ended'") == 1);
}

TEST_CASE("A transfer moves a number between two identities' counts exactly once", "[hq][lifecycle]")
{
    HqWithTwoOutlets scene;
    const std::string& url = scene.url;
    RawClient client(scene.hq.port(), scene.ca, &*scene.a);
    client.setKeepAlive(true);
    const protocol::Batch first =
        makeBatch(u"OUT-A"_s, {sampleContent(301, 300), sampleContent(301, 301), sampleContent(302, 302)});
    post(client, first);

    const protocol::Batch transfer = makeBatch(u"OUT-A"_s, {lifecycle(u"transfer"_s, 302, 300, {}, 301)}, 10);
    const QByteArray body = protocol::encodeBatch(transfer);
    const RawResponse answered = client.post("/v1/batches", body);
    REQUIRE(answered.status == 200);
    checkAnswer(answerOf(answered).answers[0], nullptr, 2);
    const auto counts = [&] {
        return std::pair{heldBy(url, first.records[0]), heldBy(url, first.records[2])};
    };
    CHECK(counts() == std::pair{1LL, 2LL});

    // The same batch again (a lost answer): the stored answer, nothing moves.
    const RawResponse replayed = client.post("/v1/batches", body);
    REQUIRE(replayed.status == 200);
    CHECK(replayed.headers.at("X-Shiming-Replayed") == "1");
    CHECK(replayed.body == answered.body);
    CHECK(counts() == std::pair{1LL, 2LL});

    // The same record under a new batch id (an outlet that lost its batch id): a duplicate, nothing moves.
    protocol::Batch rebatched = transfer;
    rebatched.id = QUuid::createUuid();
    const auto duplicate = post(client, rebatched).answers[0];
    CHECK(duplicate.outcome == RecordOutcome::Duplicate);
    CHECK(duplicate.isAccepted());
    CHECK(duplicate.hqReference == answerOf(answered).answers[0].hqReference);
    CHECK(duplicate.identityCount == std::optional<int>(2));
    CHECK(counts() == std::pair{1LL, 2LL});
    CHECK(count(url, "SELECT count(*) FROM records WHERE transaction = 'transfer'") == 1);
    CHECK(count(url, "SELECT count(*) FROM records WHERE status = 'accepted' AND msisdn = '" + msisdnOf(300) + "'") ==
          1);
    CHECK(count(url, "SELECT count(*) FROM records WHERE status = 'released'") == 1);

    // The counts HQ decides by moved too: the old holder has a place more, the new one a place less.
    checkAnswer(post(client, makeBatch(u"OUT-A"_s, {sampleContent(301, 303)}, 20)).answers[0], nullptr, 2);
    checkAnswer(post(client, makeBatch(u"OUT-A"_s, {sampleContent(302, 304)}, 21)).answers[0], nullptr, 3);
}

TEST_CASE("A void of a lifecycle record restores the row it replaced, once", "[hq][lifecycle]")
{
    HqWithTwoOutlets scene;
    const std::string& url = scene.url;
    RawClient client(scene.hq.port(), scene.ca, &*scene.a);
    client.setKeepAlive(true);
    const protocol::Batch first = makeBatch(u"OUT-A"_s, {sampleContent(401, 400), sampleContent(402, 401)});
    post(client, first);
    const protocol::Batch changes =
        makeBatch(u"OUT-A"_s, {lifecycle(u"transfer"_s, 403, 400, {}, 401), lifecycle(u"cancel"_s, 402, 401)}, 10);
    for (const auto& answer : post(client, changes).answers)
        CHECK(answer.outcome == RecordOutcome::Accepted);
    CHECK(heldBy(url, first.records[0]) == 0);

    // The manager voids both: the transfer's number goes back to person 401, the cancelled number to 402.
    const protocol::Batch voids = batchOf({voidOf(changes.records[0].id), voidOf(changes.records[1].id)});
    const QByteArray body = protocol::encodeBatch(voids);
    const auto answers = post(client, voids).answers;
    checkAnswer(answers[0], nullptr, 0); // person 403's count after the void
    checkAnswer(answers[1], nullptr, 1); // person 402 holds the number again
    CHECK(column(url, first.records[0], "status") == "accepted");
    CHECK(column(url, first.records[0], "released_by").empty());
    CHECK(column(url, first.records[1], "status") == "accepted");
    CHECK(column(url, changes.records[0], "status") == "released");
    CHECK(column(url, changes.records[0], "released_by") == idText(voids.records[0]));
    CHECK(column(url, changes.records[1], "status") == "released");
    CHECK(heldBy(url, first.records[0]) == 1);
    CHECK(heldBy(url, first.records[1]) == 1);

    // Sent again, the voids change nothing more.
    REQUIRE(client.post("/v1/batches", body).status == 200);
    const auto again = post(client, batchOf(voids.records));
    CHECK(again.answers[0].outcome == RecordOutcome::Duplicate);
    CHECK(heldBy(url, first.records[0]) == 1);
    CHECK(count(url, "SELECT count(*) FROM records WHERE status = 'accepted'") == 2);
    checkAnswer(post(client, makeBatch(u"OUT-A"_s, {sampleContent(404, 400)}, 30)).answers[0],
                protocol::reason::NumberTaken, 0);
}

TEST_CASE("The lifecycle migration keeps every row and the rules they are held by", "[hq][lifecycle]")
{
    const std::string url = PgCluster::instance().newDatabase();
    REQUIRE(hq::migrateSchema(url, 6) == 6);
    // A ledger as HQ kept it before: accepted, rejected and released rows.
    {
        pqxx::connection connection(url);
        pqxx::work tx(connection);
        tx.exec("INSERT INTO batches (batch_uuid, outlet_id, seq_from, seq_to, record_count, answer) VALUES "
                "('6f1d0c1e-0000-4000-8000-000000000001', 'OUT-A', 1, 3, 3, '\\x00')");
        tx.exec("INSERT INTO records (record_uuid, batch_uuid, outlet_id, outlet_seq, content_hash, status, reason, "
                "hq_ref, hq_time, operator, identity_hmac, msisdn, iccid, released_at, released_by) VALUES "
                "('6f1d0c1e-0000-4000-8000-00000000000a', '6f1d0c1e-0000-4000-8000-000000000001', 'OUT-A', 1, "
                "'\\x01', 'accepted', '', 'HQ0000000001', now(), 'CMCC', 'aa', '" +
                msisdnOf(1) + "', '" + iccidOf(1).toStdString() +
                "', NULL, NULL), "
                "('6f1d0c1e-0000-4000-8000-00000000000b', '6f1d0c1e-0000-4000-8000-000000000001', 'OUT-A', 2, "
                "'\\x02', 'rejected', 'ID_LIMIT', 'HQ0000000002', now(), 'CMCC', 'aa', '" +
                msisdnOf(2) + "', '" + iccidOf(2).toStdString() +
                "', NULL, NULL), "
                "('6f1d0c1e-0000-4000-8000-00000000000c', '6f1d0c1e-0000-4000-8000-000000000001', 'OUT-A', 3, "
                "'\\x03', 'released', '', 'HQ0000000003', now(), 'CMCC', 'aa', '" +
                msisdnOf(3) + "', '" + iccidOf(3).toStdString() + "', now(), gen_random_uuid())");
        tx.exec("SELECT setval('hq_reference_seq', 3)"); // as the old HQ left it
        tx.commit();
    }
    // The service's own init migrates it.
    HqProcess hq(url);
    REQUIRE(hq.start());
    CHECK(count(url, "SELECT max(version) FROM schema_migrations") == hq::latestSchemaVersion());
    CHECK(count(url, "SELECT count(*) FROM records") == 3);
    CHECK(count(url, "SELECT count(*) FROM records WHERE transaction = 'new' AND replaces IS NULL") == 3);
    CHECK(PgCluster::scalar(url, "SELECT string_agg(status || ':' || hq_ref, ',' ORDER BY outlet_seq) FROM records") ==
          "accepted:HQ0000000001,rejected:HQ0000000002,released:HQ0000000003");

    // The old accepted row still holds its number and SIM; the released one holds nothing.
    const auto bundle = hq.enroll(u"OUT-A"_s);
    REQUIRE(bundle.has_value());
    RawClient client(hq.port(), hq.stateDir() + u"/ca.crt"_s, &*bundle);
    protocol::RecordContent sameSim = sampleContent(1, 700);
    sameSim.iccid = iccidOf(1);
    const auto answers =
        post(client, makeBatch(u"OUT-A"_s, {sampleContent(1, 1), sameSim, sampleContent(1, 3), sampleContent(1, 2)}))
            .answers;
    CHECK(answers[0].reason == u"NUMBER_TAKEN"_s);
    CHECK(answers[1].reason == u"ICCID_IN_USE"_s);
    CHECK(answers[2].outcome == RecordOutcome::Accepted);
    CHECK(answers[3].outcome == RecordOutcome::Accepted);
    // A cancellation on a pre-migration number: a lifecycle record of a number the old ledger kept.
    CHECK(post(client, makeBatch(u"OUT-A"_s, {lifecycle(u"cancel"_s, 1, 1)}, 10)).answers[0].reason ==
          u"NOT_HOLDER"_s); // its identity_hmac 'aa' is no HMAC of ours: held, but not by this document

    // The new rules of the schema: 'ended' rows, empty ICCIDs that are no SIM, a non-empty one held once.
    pqxx::connection connection(url);
    const auto insert = [&](const std::string& suffix, const std::string& status, const std::string& msisdn,
                            const std::string& iccid) {
        pqxx::work tx(connection);
        tx.exec("INSERT INTO records (record_uuid, batch_uuid, outlet_id, outlet_seq, content_hash, status, hq_ref, "
                "hq_time, msisdn, iccid) VALUES ('6f1d0c1e-0000-4000-8000-0000000001" +
                suffix + "', '6f1d0c1e-0000-4000-8000-000000000001', 'OUT-A', 9, '\\x09', '" + status + "', 'T" +
                suffix + "', now(), '" + msisdn + "', '" + iccid + "')");
        tx.commit();
    };
    CHECK_NOTHROW(insert("01", "ended", "13900000001", ""));
    CHECK_NOTHROW(insert("02", "accepted", "13900000002", ""));
    CHECK_NOTHROW(insert("03", "accepted", "13900000003", ""));
    CHECK_THROWS_AS(insert("04", "accepted", "13900000004", iccidOf(1).toStdString()), pqxx::unique_violation);
    CHECK_THROWS_AS(insert("05", "void", "13900000005", ""), pqxx::check_violation);

    // The SQL lock key is the service's: a void locks what its original holds in the one sorted order.
    for (const QString& key : {u"msisdn:13800000001"_s, u"identity:ab12|CMCC"_s, u"iccid:阿依古丽"_s, u""_s}) {
        INFO(key.toStdString());
        pqxx::nontransaction tx(connection);
        CHECK(tx.exec_params1("SELECT shiming_lock_key($1)", key.toStdString())[0].as<qint64>() ==
              hq::pg::lockKey(key));
    }
}
