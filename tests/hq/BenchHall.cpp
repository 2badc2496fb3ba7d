// bench_hall: the hall figures, printed (never asserted).
//   (a) A hall manager's day list of 5 counters x 300 records (two 20 KB photos each, as outlets send them),
//       fetched from a real shiming-hq over mutual TLS on one kept-alive connection (GET /v1/hall/day),
//       median over N runs. Baseline in the same run: the bare SQL of that read (the rows with their content
//       summaries, no photos); for scale, the same rows with the full content (photos).
//   (b) A compliance look-up by number on a ledger of 1,000,000 records (bulk-inserted with generate_series in
//       a fresh database): `shiming-hq lookup --msisdn` as the operator runs it, and its query alone. Baseline:
//       a primary-key lookup of one record.
// --runs N (default 15). PostgreSQL: the cluster in SHIMING_TEST_PG_DIR (scripts/hall-bench.sh starts one), or
// one of its own.
#include "HqTestSupport.h"

#include "core/protocol/SyncRecord.h"
#include "hq/Schema.h"

#include <pqxx/pqxx>

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

constexpr int kCounters = 5;
constexpr int kRecordsPerCounter = 300;
constexpr int kLedgerRecords = 1000000;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0.0 : values[values.size() / 2];
}

/// Median wall time of `runs` calls in milliseconds (after one warm-up call).
double timeMs(int runs, const std::function<void()>& work)
{
    work();
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times << timer.nsecsElapsed() / 1e6;
    }
    return median(times);
}

// What hq/HallReads.cpp reads for the day list (kHallCte, kRowColumns, dayRows), copied for the baseline.
constexpr auto kHallCte = "hall_outlets AS (SELECT outlet_id, coalesce(counter_no, 1) AS counter_no FROM outlets "
                          "WHERE coalesce(hall_id, outlet_id) = $1 AND outlet_id <> $2 "
                          "UNION ALL SELECT $2, $3::integer)";
constexpr auto kDayWhere = " FROM records r JOIN hall_outlets h ON h.outlet_id = r.outlet_id WHERE r.registered_at "
                           ">= to_timestamp($4 / 1000.0) AND r.registered_at < to_timestamp($5 / 1000.0) "
                           "ORDER BY r.registered_at, h.counter_no, r.outlet_seq";
constexpr auto kRowColumns =
    "r.record_uuid::text, r.outlet_id, coalesce(h.counter_no, 1), r.status, r.reason, r.hq_ref, "
    "(extract(epoch FROM r.hq_time) * 1000)::bigint, (extract(epoch FROM coalesce(r.registered_at, r.hq_time)) * "
    "1000)::bigint, r.transaction, EXISTS (SELECT 1 FROM record_voids v WHERE v.original_uuid = r.record_uuid AND "
    "v.status = 'accepted'), coalesce(r.released_by::text, ''), coalesce(r.replaces::text, ''), ";

void hallDay(int runs)
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    if (!hq.start()) {
        std::printf("(a) cannot start shiming-hq\n");
        return;
    }
    QTemporaryDir dir;
    const QString pg = QString::fromStdString(url);
    const QDate day(2026, 12, 1);
    const qint64 dayStartMs = QDateTime(day, QTime(9, 0), QTimeZone("Asia/Shanghai")).toMSecsSinceEpoch();
    QList<protocol::CredentialBundle> bundles;
    for (int counter = 1; counter <= kCounters; ++counter) {
        const QString path = dir.filePath(u"c%1.json"_s.arg(counter));
        hq.run({u"enroll"_s, u"--state"_s, hq.stateDir(), u"--outlet"_s, u"BENCH-HALL"_s, u"--counter"_s,
                QString::number(counter), u"--out"_s, path});
        auto bundle = protocol::CredentialBundle::readFile(path);
        if (!bundle) {
            std::printf("(a) enrolment failed\n");
            return;
        }
        bundles << *bundle;
    }
    QElapsedTimer loading;
    loading.start();
    for (int c = 0; c < kCounters; ++c) {
        RawClient client(hq.port(), hq.stateDir() + u"/ca.crt"_s, &bundles[c]);
        client.setKeepAlive(true);
        for (int batch = 0; batch < kRecordsPerCounter / 50; ++batch) {
            QList<protocol::RecordContent> contents;
            for (int r = 0; r < 50; ++r) {
                const int serial = (c * kRecordsPerCounter) + batch * 50 + r + 1;
                protocol::RecordContent content = sampleContent(serial, serial);
                content.registeredAtMs = dayStartMs + qint64(serial) * 20 * 1000;
                QCborMap face;
                face.insert("band"_L1, u"pass"_s);
                QCborMap extra;
                extra.insert("face"_L1, face);
                content.extra = extra;
                contents << content;
            }
            if (client
                    .post("/v1/batches",
                          protocol::encodeBatch(makeBatch(bundles[c].outletId, contents, 1 + batch * 50)))
                    .status != 200) {
                std::printf("(a) upload failed\n");
                return;
            }
        }
    }
    std::printf("(a) loaded %d counters x %d records (two 20 KB photos each) in %.1f s\n", kCounters,
                kRecordsPerCounter, loading.nsecsElapsed() / 1e9);
    {
        QFile json(dir.filePath(u"mgr.json"_s));
        json.open(QIODevice::WriteOnly);
        json.write(R"({"role": "manager"})");
        json.close();
        hq.run({u"publish"_s, u"--pg"_s, pg, u"--feed"_s, u"accounts"_s, u"--key"_s, u"mgr"_s, u"--json"_s,
                json.fileName()});
    }

    RawClient client(hq.port(), hq.stateDir() + u"/ca.crt"_s, &bundles[0]);
    client.setKeepAlive(true); // as the manager window's HqClient keeps its connection
    RawResponse response;
    const double api = timeMs(runs, [&] { response = client.get("/v1/hall/day?date=2026-12-01&manager=mgr"); });
    const qsizetype bytes = response.body.size();
    const qsizetype records = QJsonDocument::fromJson(response.body).object().value(u"records"_s).toArray().size();
    pqxx::connection connection(url);
    const qint64 fromMs = QDateTime(day, QTime(0, 0), QTimeZone("Asia/Shanghai")).toMSecsSinceEpoch();
    const qint64 toMs = fromMs + 86400 * 1000;
    const auto sql = [&](const char* content) {
        return timeMs(runs, [&] {
            pqxx::read_transaction tx(connection);
            const pqxx::result rows =
                tx.exec_params("WITH " + std::string(kHallCte) + " SELECT " + kRowColumns + content + kDayWhere,
                               "BENCH-HALL", "BENCH-HALL", 1, fromMs, toMs);
            (void)rows.size();
        });
    };
    const double summary = sql("coalesce(r.summary, r.content)");
    const double withPhotos = sql("r.content");
    std::printf("(a) hall day list, %lld records, %.0f KB JSON, median of %d runs:\n", qlonglong(records),
                bytes / 1024.0, runs);
    std::printf("    GET /v1/hall/day over mTLS (kept-alive)     %8.1f ms\n", api);
    std::printf("    baseline: its SQL alone (rows, summaries)  %8.1f ms\n", summary);
    std::printf("    for scale: the same rows with their photos %8.1f ms\n", withPhotos);
    hq.stop();
}

void lookUp(int runs)
{
    const std::string url = PgCluster::instance().newDatabase();
    if (!hq::migrateSchema(url)) {
        std::printf("(b) cannot migrate\n");
        return;
    }
    // One content for every row (no photos: the look-up shows no photo): the fields the look-up prints.
    protocol::RecordContent content = sampleContent(1, 1, u"CMCC"_s, 16);
    content.photos.clear();
    const QByteArray cbor = QCborValue(protocol::encodeContent(content)).toCbor();
    QElapsedTimer loading;
    loading.start();
    {
        pqxx::connection connection(url);
        pqxx::work tx(connection);
        tx.exec("INSERT INTO batches (batch_uuid, outlet_id, seq_from, seq_to, record_count, answer) VALUES "
                "('00000000-0000-4000-8000-000000000001', 'BENCH', 1, 1, 1, '\\x00')");
        tx.exec("INSERT INTO outlets (outlet_id, hall_id, counter_no) SELECT 'BENCH-' || i, 'BENCH', i + 1 FROM "
                "generate_series(0, 4) i");
        // A million active numbers, each with its own SIM; three numbers per identity (i / 3).
        tx.exec_params("INSERT INTO records (record_uuid, batch_uuid, outlet_id, outlet_seq, content_hash, status, "
                       "hq_ref, hq_time, operator, identity_hmac, msisdn, iccid, registered_at, content) "
                       "SELECT gen_random_uuid(), '00000000-0000-4000-8000-000000000001', 'BENCH-' || (i % 5), i, "
                       "'\\x00', 'accepted', 'HQB' || i, now() - make_interval(secs => i), 'CMCC', "
                       "md5((i / 3)::text), '139' || lpad(i::text, 8, '0'), '898600' || lpad(i::text, 14, '0'), "
                       "now() - make_interval(secs => i), $1 FROM generate_series(1, $2) i",
                       pqxx::binarystring(cbor.constData(), size_t(cbor.size())), kLedgerRecords);
        // The looked-up number's history: two earlier holders, released.
        tx.exec_params("INSERT INTO records (record_uuid, batch_uuid, outlet_id, outlet_seq, content_hash, status, "
                       "hq_ref, hq_time, operator, identity_hmac, msisdn, iccid, registered_at, content) "
                       "SELECT gen_random_uuid(), '00000000-0000-4000-8000-000000000001', 'BENCH-0', 0, '\\x00', "
                       "'released', 'HQH' || i, now() - make_interval(days => 400 * i), 'CMCC', md5('h' || i), "
                       "'13900500000', '', now() - make_interval(days => 400 * i), $1 FROM generate_series(1, 2) i",
                       pqxx::binarystring(cbor.constData(), size_t(cbor.size())));
        tx.commit();
        pqxx::nontransaction analyse(connection);
        analyse.exec("ANALYZE records");
    }
    std::printf("(b) inserted %d records (with every index of the schema) in %.1f s\n", kLedgerRecords,
                loading.nsecsElapsed() / 1e9);

    HqProcess hq(url); // only for its state directory and the `lookup` command
    hq.run({u"init"_s, u"--pg"_s, QString::fromStdString(url), u"--state"_s, hq.stateDir()});
    qsizetype found = 0;
    const double command = timeMs(runs, [&] {
        QByteArray output;
        hq.run({u"lookup"_s, u"--pg"_s, QString::fromStdString(url), u"--state"_s, hq.stateDir(), u"--msisdn"_s,
                u"13900500000"_s, u"--actor"_s, u"bench"_s, u"--json"_s},
               &output);
        found = QJsonDocument::fromJson(output).object().value(u"records"_s).toArray().size();
    });
    pqxx::connection connection(url);
    const auto query = [&](const std::string& sql, const std::string& value) {
        return timeMs(runs, [&] {
            pqxx::read_transaction tx(connection);
            (void)tx.exec_params(sql, value).size();
        });
    };
    // The look-up's own statement (hq/HallReads.cpp lookupCommand), by number and by identity HMAC.
    const std::string lookupSql =
        "SELECT " + std::string(kRowColumns) +
        "coalesce(r.summary, r.content), coalesce(h.hall_id, r.outlet_id) FROM records r LEFT JOIN outlets h "
        "ON h.outlet_id = r.outlet_id WHERE ";
    const double byNumber = query(lookupSql + "r.msisdn = $1 ORDER BY r.hq_time DESC, r.hq_ref DESC", "13900500000");
    const double byIdentity = query(lookupSql + "r.identity_hmac = $1 ORDER BY r.hq_time DESC, r.hq_ref DESC",
                                    "c4ca4238a0b923820dcc509a6f75849b");
    const std::string someId =
        PgCluster::scalar(url, "SELECT record_uuid::text FROM records WHERE outlet_seq = 500000");
    const double primaryKey =
        query("SELECT record_uuid::text, content FROM records WHERE record_uuid = $1::uuid", someId);
    std::printf("(b) look-up on %d records, median of %d runs:\n", kLedgerRecords, runs);
    std::printf("    shiming-hq lookup --msisdn (process, %lld records) %8.1f ms\n", qlonglong(found), command);
    std::printf("    its statement by number                         %8.2f ms\n", byNumber);
    std::printf("    its statement by identity HMAC (3 records)      %8.2f ms\n", byIdentity);
    std::printf("    baseline: primary-key lookup of one record      %8.2f ms\n", primaryKey);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // figures show as they come
    int runs = 15;
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(u"--runs"_s); i >= 0 && i + 1 < args.size())
        runs = std::max(1, args[i + 1].toInt());
    std::printf("bench_hall: %s, load %s\n", qPrintable(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)),
                [] {
                    QFile load(u"/proc/loadavg"_s);
                    return load.open(QIODevice::ReadOnly) ? load.readAll().split(' ').mid(0, 3).join(' ').toStdString()
                                                          : std::string("?");
                }()
                    .c_str());
    hallDay(runs);
    lookUp(runs);
    return 0;
}
