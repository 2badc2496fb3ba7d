// HQ past one machine (issue 15): the ledger partitioned by month with the rules for numbers and SIMs in service
// in `active_numbers`, the migration from the unpartitioned ledger keeping every row, `shiming-hq maintain`
// creating months ahead (and serve at start), and retention dropping only what is past it and out of service.
// Real PostgreSQL, real shiming-hq processes.
#include "HqTestChecks.h"
#include "support/CatchQt.h"

#include "hq/Schema.h"

#include <pqxx/pqxx>

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

std::string text(const std::string& url, const std::string& sql)
{
    return PgCluster::scalar(url, sql);
}

void exec(const std::string& url, const std::string& sql)
{
    pqxx::connection connection(url);
    pqxx::work tx(connection);
    tx.exec(sql);
    tx.commit();
}

/// A batch row of `outlet` received at `at` (SQL).
std::string batchRow(const std::string& id, const std::string& at)
{
    return "INSERT INTO batches (batch_uuid, outlet_id, seq_from, seq_to, record_count, answer, received_at) VALUES "
           "('" +
           id + "', 'OUT-A', 1, 1, 1, '\\x00', " + at + ")";
}

/// A ledger row (SQL): `status`, number, SIM, its HQ time and when it was released (SQL, or NULL).
std::string recordRow(const std::string& id, const std::string& batch, const std::string& status,
                      const std::string& msisdn, const std::string& iccid, const std::string& at,
                      const std::string& releasedAt = "NULL")
{
    return "INSERT INTO records (record_uuid, batch_uuid, outlet_id, outlet_seq, content_hash, status, hq_ref, "
           "hq_time, "
           "operator, identity_hmac, msisdn, iccid, released_at, content) VALUES ('" +
           id + "', '" + batch + "', 'OUT-A', 1, '\\x01', '" + status + "', 'HQ-" + id.substr(id.size() - 4) + "', " +
           at + ", 'CMCC', 'id-" + msisdn + "', '" + msisdn + "', '" + iccid + "', " + releasedAt + ", '\\xdeadbeef')";
}

std::string uuid(int n)
{
    return u"7a2b0000-0000-4000-8000-%1"_s.arg(n, 12, 10, QChar(u'0')).toStdString();
}

QJsonObject jsonOf(const QByteArray& output)
{
    return QJsonDocument::fromJson(output).object();
}

/// The name of this month's partition of `table`, `monthsAhead` months from now (UTC).
QString monthPartition(const QString& table, int monthsAhead)
{
    const QDate month = QDateTime::currentDateTimeUtc().date().addMonths(monthsAhead);
    return u"%1_y%2m%3"_s.arg(table).arg(month.year()).arg(month.month(), 2, 10, QChar(u'0'));
}

} // namespace

TEST_CASE("The partition migration keeps every row in its month and the rules for numbers in service",
          "[hq][partitions]")
{
    const std::string url = PgCluster::instance().newDatabase();
    REQUIRE(hq::migrateSchema(url, 8) == 8);
    // The unpartitioned ledger: rows from three months, accepted, rejected, released.
    exec(url, batchRow(uuid(1), "'2024-03-10 12:00:00+00'") + "; " + batchRow(uuid(2), "'2025-01-31 23:59:59.999+00'") +
                  "; " + batchRow(uuid(3), "now()"));
    exec(url,
         recordRow(uuid(11), uuid(1), "accepted", "13900000001", "89860000000000000001", "'2024-03-10 12:00:00+00'") +
             "; " +
             recordRow(uuid(12), uuid(1), "released", "13900000002", "89860000000000000002", "'2024-03-10 12:00:00+00'",
                       "'2024-04-01 00:00:00+00'") +
             "; " +
             recordRow(uuid(13), uuid(2), "rejected", "13900000001", "89860000000000000003",
                       "'2025-01-31 23:59:59.999+00'") +
             "; " + recordRow(uuid(14), uuid(3), "accepted", "13900000004", "", "now()"));
    const std::string everything = "SELECT md5(string_agg(r::text, ',' ORDER BY record_uuid)) FROM records r";
    const std::string before = text(url, everything);
    const std::string batchesBefore =
        text(url, "SELECT md5(string_agg(b::text, ',' ORDER BY batch_uuid)) FROM batches b");

    REQUIRE(hq::migrateSchema(url) == hq::latestSchemaVersion());
    CHECK(text(url, everything) == before); // every column of every row, as it was
    CHECK(text(url, "SELECT md5(string_agg(b::text, ',' ORDER BY batch_uuid)) FROM batches b") == batchesBefore);
    CHECK(text(url, "SELECT relkind FROM pg_class WHERE relname = 'records'") == "p");
    CHECK(text(url, "SELECT relkind FROM pg_class WHERE relname = 'batches'") == "p");
    // Each row in the partition of its month (UTC), a month either side of the data and three ahead.
    CHECK(text(url, "SELECT bool_and(tableoid::regclass::text = to_char(hq_time AT TIME ZONE 'UTC', "
                    "'\"records_y\"YYYY\"m\"MM')) FROM records") == "t");
    CHECK(text(url, "SELECT bool_and(tableoid::regclass::text = to_char(received_at AT TIME ZONE 'UTC', "
                    "'\"batches_y\"YYYY\"m\"MM')) FROM batches") == "t");
    CHECK(count(url, "SELECT count(*) FROM records_y2024m03") == 2);
    CHECK(count(url, "SELECT count(*) FROM records_y2025m01") == 1);
    CHECK(count(url, "SELECT count(*) FROM records_y2024m08") == 0); // the months between exist, empty
    CHECK(count(url, "SELECT count(*) FROM pg_class WHERE relname = '" + monthPartition(u"records"_s, 3).toStdString() +
                         "'") == 1);
    // The photos are still stored as they are (never compressed), in every partition.
    CHECK(text(url,
               "SELECT string_agg(DISTINCT a.attstorage::text, '') FROM pg_attribute a JOIN pg_inherits i ON "
               "i.inhrelid = a.attrelid WHERE i.inhparent = 'records'::regclass AND a.attname = 'content'") == "e");

    // A record's id is unique across the months, not only within one (the primary key holds the month).
    CHECK(count(url, "SELECT count(*) FROM record_ids i JOIN records r USING (record_uuid, hq_time)") == 4);
    CHECK_THROWS_AS(exec(url, recordRow(uuid(11), uuid(3), "rejected", "13900000009", "", "now()")),
                    pqxx::unique_violation);

    // The numbers in service are the accepted rows; one holder per number and per SIM across every month.
    CHECK(text(url, "SELECT string_agg(msisdn, ',' ORDER BY msisdn) FROM active_numbers") == "13900000001,13900000004");
    CHECK_THROWS_AS(exec(url, recordRow(uuid(15), uuid(3), "accepted", "13900000001", "", "now()")),
                    pqxx::unique_violation);
    CHECK_THROWS_AS(exec(url, recordRow(uuid(16), uuid(3), "accepted", "13900000006", "89860000000000000001", "now()")),
                    pqxx::unique_violation);
    CHECK_NOTHROW(exec(url, recordRow(uuid(17), uuid(3), "accepted", "13900000007", "", "now()")));
    CHECK_NOTHROW(exec(url, recordRow(uuid(18), uuid(3), "accepted", "13900000008", "", "now()"))); // no SIM twice
    // A release frees the number (the 2024 row), a restore holds it again.
    exec(url, "UPDATE records SET status = 'released' WHERE record_uuid = '" + uuid(11) + "'");
    CHECK(count(url, "SELECT count(*) FROM active_numbers WHERE msisdn = '13900000001'") == 0);
    exec(url, "UPDATE records SET status = 'accepted' WHERE record_uuid = '" + uuid(11) + "'");
    CHECK(text(url, "SELECT record_uuid::text FROM active_numbers WHERE msisdn = '13900000001'") == uuid(11));

    // The service on the migrated ledger: the 2024 holder still holds the number, a new record lands in this
    // month with its batch.
    HqProcess hq(url);
    REQUIRE(hq.start());
    const auto bundle = hq.enroll(u"OUT-A"_s);
    REQUIRE(bundle.has_value());
    RawClient client(hq.port(), hq.stateDir() + u"/ca.crt"_s, &*bundle);
    protocol::RecordContent taken = sampleContent(1, 1);
    taken.msisdn = u"13900000001"_s;
    const auto answer = answerOf(
        client.post("/v1/batches", protocol::encodeBatch(makeBatch(u"OUT-A"_s, {taken, sampleContent(2, 2)}))));
    REQUIRE(answer.answers.size() == 2);
    CHECK(answer.answers[0].reason == u"NUMBER_TAKEN"_s);
    CHECK(answer.answers[1].outcome == protocol::RecordOutcome::Accepted);
    CHECK(text(url, "SELECT bool_and(r.tableoid::regclass::text = '" + monthPartition(u"records"_s, 0).toStdString() +
                        "' AND b.received_at = r.hq_time) FROM records r JOIN batches b USING (batch_uuid) WHERE "
                        "r.outlet_id = 'OUT-A' AND r.hq_time > now() - interval '1 hour' AND r.content <> "
                        "'\\xdeadbeef'") == "t");
}

TEST_CASE("maintain and serve keep the months ahead and say what they created", "[hq][partitions]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    const QString pg = QString::fromStdString(url);
    const QString ahead = monthPartition(u"records"_s, 3);
    CHECK(count(url, "SELECT count(*) FROM pg_class WHERE relname = '" + ahead.toStdString() + "'") == 1);

    // Gone (a database restored from an old dump): maintain creates them again, and says so.
    exec(url, "DROP TABLE " + ahead.toStdString() + ", " + monthPartition(u"batches"_s, 3).toStdString());
    QByteArray output;
    REQUIRE(hq.run({u"maintain"_s, u"--pg"_s, pg}, &output) == 0);
    CHECK(output.contains(QByteArray("created " + monthPartition(u"batches"_s, 3).toUtf8() + ", " + ahead.toUtf8())));
    REQUIRE(hq.run({u"maintain"_s, u"--pg"_s, pg}, &output) == 0);
    CHECK(output.startsWith("partitions: up to date"));
    REQUIRE(hq.run({u"maintain"_s, u"--pg"_s, pg, u"--months-ahead"_s, u"6"_s, u"--json"_s}, &output) == 0);
    CHECK(jsonOf(output)[u"created"_s].toArray().size() == 6);
    CHECK(jsonOf(output)[u"newestMonth"_s].toString() ==
          QDateTime::currentDateTimeUtc().date().addMonths(6).toString(u"yyyy-MM"_s));
    CHECK(hq.run({u"maintain"_s, u"--pg"_s, pg, u"--months-ahead"_s, u"0"_s}) == 2);
    CHECK(hq.run({u"maintain"_s, u"--pg"_s, pg, u"--dry-run"_s}) == 2);
    CHECK(hq.run({u"maintain"_s, u"--pg"_s, pg, u"--retain-months"_s, u"12"_s}) == 2); // below the legal floor

    REQUIRE(hq.run({u"stats"_s, u"--pg"_s, pg, u"--json"_s}, &output) == 0);
    const QJsonObject layout = jsonOf(output)[u"partitioning"_s].toObject();
    CHECK(layout[u"monthsAhead"_s].toInt() == 6);
    CHECK(layout[u"activeNumbers"_s].toInteger() == 0);

    // None ahead (this month is the last): stats says what to do.
    for (int month = 1; month <= 6; ++month)
        exec(url, "DROP TABLE " + monthPartition(u"records"_s, month).toStdString() + ", " +
                      monthPartition(u"batches"_s, month).toStdString());
    REQUIRE(hq.run({u"stats"_s, u"--pg"_s, pg}, &output) == 0);
    CHECK(output.contains("(0 months ahead: run shiming-hq maintain now)"));

    // The service creates them at start, before its first batch.
    hq.stop();
    REQUIRE(hq.start());
    CHECK(count(url, "SELECT count(*) FROM pg_class WHERE relname = '" + ahead.toStdString() + "'") == 1);
    CHECK(hq.serveLog().contains(ahead.toUtf8()));
}

TEST_CASE("Retention drops only months past it whose records' service ended, never a number in service",
          "[hq][partitions][retention]")
{
    const std::string url = PgCluster::instance().newDatabase();
    REQUIRE(hq::migrateSchema(url) == hq::latestSchemaVersion());
    exec(url, "SELECT shiming_month_partitions('2022-01-01', '2022-02-01')");
    // January 2022: every record's service ended long ago, and no number of them is in service.
    exec(url, batchRow(uuid(1), "'2022-01-10 08:00:00+00'") + "; " + batchRow(uuid(2), "'2022-01-20 08:00:00+00'"));
    exec(url, recordRow(uuid(11), uuid(1), "released", "13900000011", "1", "'2022-01-10 08:00:00+00'",
                        "'2022-01-20 08:00:00+00'") +
                  "; " + recordRow(uuid(12), uuid(1), "rejected", "13900000012", "", "'2022-01-10 08:00:00+00'") +
                  "; " +
                  recordRow(uuid(13), uuid(1), "released", "13900000013", "3", "'2022-01-10 08:00:00+00'",
                            "'2022-01-20 08:00:00+00'") +
                  "; " + recordRow(uuid(14), uuid(2), "ended", "13900000013", "", "'2022-01-20 08:00:00+00'"));
    exec(url, "INSERT INTO record_voids (void_uuid, original_uuid, batch_uuid, outlet_id, outlet_seq, content_hash, "
              "status, hq_ref, hq_time) VALUES ('" +
                  uuid(19) + "', '" + uuid(11) + "', '" + uuid(2) +
                  "', 'OUT-A', 2, '\\x02', 'accepted', 'HQ-V19', '2022-01-20 08:00:00+00')");
    // February 2022: a number still in service (and its older record), a rejection of a free number, and a
    // record released only last month.
    exec(url, batchRow(uuid(3), "'2022-02-10 08:00:00+00'") + "; " + batchRow(uuid(4), "'2022-02-11 08:00:00+00'"));
    exec(url, recordRow(uuid(21), uuid(3), "accepted", "13900000021", "21", "'2022-02-10 08:00:00+00'") + "; " +
                  recordRow(uuid(22), uuid(3), "released", "13900000021", "22", "'2022-02-10 07:00:00+00'",
                            "'2022-02-10 08:00:00+00'") +
                  "; " + recordRow(uuid(23), uuid(4), "rejected", "13900000023", "", "'2022-02-11 08:00:00+00'") +
                  "; " +
                  recordRow(uuid(24), uuid(3), "released", "13900000024", "24", "'2022-02-10 08:00:00+00'",
                            "now() - interval '1 month'"));
    // This month: within retention whatever its state.
    exec(url, batchRow(uuid(5), "now()") + "; " + recordRow(uuid(31), uuid(5), "rejected", "13900000031", "", "now()"));

    HqProcess hq(url);
    const QString pg = QString::fromStdString(url);
    const std::string state = "SELECT string_agg(right(record_uuid::text, 2), ',' ORDER BY record_uuid) FROM records";
    const std::string all = text(url, state);
    QByteArray output;

    // A dry run says what would go and changes nothing.
    REQUIRE(hq.run({u"maintain"_s, u"--pg"_s, pg, u"--retain-months"_s, u"24"_s, u"--dry-run"_s, u"--json"_s},
                   &output) == 0);
    const QJsonArray planned = jsonOf(output)[u"retention"_s].toObject()[u"steps"_s].toArray();
    CHECK(text(url, state) == all);
    CHECK(count(url, "SELECT count(*) FROM retention_log") == 0);
    CHECK(count(url, "SELECT count(*) FROM pg_class WHERE relname = 'records_y2022m01'") == 1);
    REQUIRE(hq.run({u"maintain"_s, u"--pg"_s, pg, u"--retain-months"_s, u"24"_s, u"--dry-run"_s}, &output) == 0);
    CHECK(output.contains("records_y2022m01 would be dropped (4 records whose service ended)"));

    REQUIRE(hq.run({u"maintain"_s, u"--pg"_s, pg, u"--retain-months"_s, u"24"_s, u"--json"_s}, &output) == 0);
    const QJsonArray done = jsonOf(output)[u"retention"_s].toObject()[u"steps"_s].toArray();
    CHECK(done == planned); // the dry run said exactly this
    INFO(output.toStdString());
    const auto stepOf = [&](const QString& object) {
        for (const QJsonValue& v : done) {
            if (v[u"object"_s].toString() == object)
                return v.toObject();
        }
        return QJsonObject();
    };
    CHECK(
        stepOf(u"records_y2022m01"_s) ==
        QJsonObject{{u"object"_s, u"records_y2022m01"_s}, {u"action"_s, u"dropped"_s}, {u"rows"_s, 4}, {u"kept"_s, 0}});
    CHECK(
        stepOf(u"records_y2022m02"_s) ==
        QJsonObject{{u"object"_s, u"records_y2022m02"_s}, {u"action"_s, u"deleted"_s}, {u"rows"_s, 1}, {u"kept"_s, 3}});
    CHECK(stepOf(u"record_voids"_s)[u"rows"_s].toInt() == 1);
    CHECK(stepOf(u"batches_y2022m01"_s)[u"action"_s].toString() == u"dropped"_s);
    CHECK(
        stepOf(u"batches_y2022m02"_s) ==
        QJsonObject{{u"object"_s, u"batches_y2022m02"_s}, {u"action"_s, u"deleted"_s}, {u"rows"_s, 1}, {u"kept"_s, 1}});

    // In service, of a number in service, ended too recently, and this month: all still there.
    CHECK(text(url, state) == "21,22,24,31");
    CHECK(text(url, "SELECT string_agg(right(record_uuid::text, 2), ',' ORDER BY record_uuid) FROM record_ids") ==
          "21,22,24,31"); // the dropped month's ids and the deleted row's went with them
    CHECK(count(url, "SELECT count(*) FROM pg_class WHERE relname IN ('records_y2022m01', 'batches_y2022m01')") == 0);
    CHECK(text(url, "SELECT record_uuid::text FROM active_numbers WHERE msisdn = '13900000021'") == uuid(21));
    CHECK(text(url, "SELECT string_agg(right(batch_uuid::text, 1), ',' ORDER BY batch_uuid) FROM batches") == "3,5");
    CHECK(count(url, "SELECT count(*) FROM record_voids") == 0);
    CHECK(count(url, "SELECT count(*) FROM retention_log WHERE retain_months = 24") == 5);

    // Said in words; a second run finds nothing more to drop.
    REQUIRE(hq.run({u"maintain"_s, u"--pg"_s, pg, u"--retain-months"_s, u"24"_s}, &output) == 0);
    CHECK(output.contains("records_y2022m02: all 3 records kept"));
    CHECK(text(url, state) == "21,22,24,31");

    // A longer retention keeps everything.
    REQUIRE(hq.run({u"maintain"_s, u"--pg"_s, pg, u"--retain-months"_s, u"1200"_s}, &output) == 0);
    CHECK(output.contains("nothing past it dropped"));
}
