// Halls and counters at HQ end to end: counters of two halls enrolled with `enroll --counter`, their uploads
// over mutual TLS to a real shiming-hq on a real PostgreSQL, the hall manager's reads (day, record, report)
// with their authorisation and audit, and the compliance staff's look-ups.
#include "HqTestChecks.h"
#include "support/CatchQt.h"

#include "core/protocol/FeedPage.h"
#include "hq/HqState.h"
#include "hq/Pki.h"
#include "hq/Schema.h"

#include <pqxx/pqxx>

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

// 2026-12-01 11:00 in Shanghai (03:00 UTC): the records' day, whatever day the test runs on.
const qint64 kDayStartMs = QDateTime(QDate(2026, 12, 1), QTime(3, 0), QTimeZone::utc()).toMSecsSinceEpoch();
constexpr auto kDay = "2026-12-01";

struct Hall {
    std::string url = PgCluster::instance().newDatabase();
    HqProcess hq{url};
    QTemporaryDir dir;
    QString ca;
    std::optional<protocol::CredentialBundle> h1, h1c2, h2;

    /// `serveArguments`: what shiming-hq serve gets besides the usual (the database's URL is appended to a
    /// trailing `--pg-read` as its first words).
    explicit Hall(QStringList serveArguments = {})
    {
        if (!serveArguments.isEmpty() && serveArguments.size() >= 2 &&
            serveArguments[serveArguments.size() - 2] == u"--pg-read"_s)
            serveArguments.last() = pg() + u' ' + serveArguments.last();
        hq.setServeArguments(serveArguments);
        REQUIRE(hq.start());
        ca = hq.stateDir() + u"/ca.crt"_s;
        h1 = enroll(u"H1"_s, 1);
        h1c2 = enroll(u"H1"_s, 2);
        h2 = enroll(u"H2"_s, 1);
        REQUIRE(h1.has_value());
        REQUIRE(h1c2.has_value());
        REQUIRE(h2.has_value());
    }

    QString pg() const { return QString::fromStdString(url); }

    std::optional<protocol::CredentialBundle> enroll(const QString& hall, int counter)
    {
        const QString path = dir.filePath(u"%1-%2.bundle.json"_s.arg(hall).arg(counter));
        if (hq.run({u"enroll"_s, u"--state"_s, hq.stateDir(), u"--outlet"_s, hall, u"--counter"_s,
                    QString::number(counter), u"--out"_s, path}) != 0)
            return std::nullopt;
        auto bundle = protocol::CredentialBundle::readFile(path);
        if (!bundle)
            return std::nullopt;
        return *bundle;
    }

    /// Publishes an account on the `accounts` feed (`outlet` empty: for every outlet).
    void account(const QString& name, const QString& role, const QString& outlet = {})
    {
        QFile json(dir.filePath(name + u".json"_s));
        REQUIRE(json.open(QIODevice::WriteOnly));
        json.write(QJsonDocument(QJsonObject{{u"role"_s, role}, {u"displayName"_s, name}}).toJson());
        json.close();
        QStringList args{u"publish"_s, u"--pg"_s, pg(),        u"--feed"_s,    u"accounts"_s,
                         u"--key"_s,   name,      u"--json"_s, json.fileName()};
        if (!outlet.isEmpty())
            args << u"--outlet"_s << outlet;
        REQUIRE(hq.run(args) == 0);
    }

    QJsonObject commandJson(const QStringList& args, const QByteArray& input = {})
    {
        QByteArray output;
        REQUIRE(hq.run(args, &output, input) == 0);
        return QJsonDocument::fromJson(output).object();
    }
};

/// A registration on the records' day at minute `minute`, with its face band as the outlet sends it.
protocol::RecordContent registration(int identity, int serial, int minute, const QString& band = u"pass"_s)
{
    protocol::RecordContent content = sampleContent(identity, serial, u"CMCC"_s, 2048);
    content.registeredAtMs = kDayStartMs + minute * 60 * 1000;
    content.clerk = u"clerk%1"_s.arg(serial % 2);
    QCborMap face;
    face.insert("band"_L1, band);
    face.insert("score"_L1, 0.71);
    QCborMap extra;
    extra.insert("customerType"_L1, u"individual"_s);
    extra.insert("face"_L1, face);
    content.extra = extra;
    return content;
}

protocol::BatchAnswer upload(Hall& hall, const protocol::CredentialBundle& bundle,
                             const QList<protocol::RecordContent>& contents, qint64 firstSequence = 1)
{
    RawClient client(hall.hq.port(), hall.ca, &bundle);
    const RawResponse response =
        client.post("/v1/batches", protocol::encodeBatch(makeBatch(bundle.outletId, contents, firstSequence)));
    REQUIRE(response.status == 200);
    return answerOf(response);
}

RawResponse read(Hall& hall, const protocol::CredentialBundle& bundle, const QByteArray& target)
{
    return RawClient(hall.hq.port(), hall.ca, &bundle).get(target);
}

QJsonObject json(const RawResponse& response)
{
    REQUIRE(response.status == 200);
    const QJsonDocument document = QJsonDocument::fromJson(response.body);
    REQUIRE(document.isObject());
    return document.object();
}

QByteArray dayTarget(const QString& manager, const QByteArray& extra = {})
{
    return "/v1/hall/day?date=" + QByteArray(kDay) + "&manager=" + manager.toUtf8() + extra;
}

QString msisdnOf(int serial)
{
    return sampleContent(0, serial).msisdn;
}

/// The records' uploads of the scene: H1 counter 1 serials 1-3, H1 counter 2 serials 4-5, H2 serials 6-7.
struct Uploaded {
    protocol::BatchAnswer h1, h1c2, h2;
};

Uploaded uploadDay(Hall& hall)
{
    Uploaded u;
    u.h1 = upload(hall, *hall.h1,
                  {registration(1, 1, 0), registration(2, 2, 5, u"manual_review"_s), registration(3, 3, 70)});
    u.h1c2 = upload(hall, *hall.h1c2, {registration(4, 4, 2), registration(5, 5, 130, u"fail"_s)});
    u.h2 = upload(hall, *hall.h2, {registration(6, 6, 1), registration(7, 7, 3)});
    for (const auto* answer : {&u.h1, &u.h1c2, &u.h2})
        for (const auto& a : answer->answers)
            REQUIRE(a.outcome == protocol::RecordOutcome::Accepted);
    return u;
}

QStringList actions(Hall& hall)
{
    QStringList out;
    const QJsonObject audit = hall.commandJson({u"audit"_s, u"--pg"_s, hall.pg(), u"--json"_s});
    for (const QJsonValue& v : audit.value(u"audit"_s).toArray())
        out << v.toObject().value(u"action"_s).toString();
    return out;
}

} // namespace

TEST_CASE("Enrolment names the hall and the counter in the certificate and the bundle", "[hq][hall]")
{
    Hall hall;
    CHECK(hall.h1->outletId == u"H1"_s);
    CHECK(hall.h1->hall == u"H1"_s);
    CHECK(hall.h1->counter == 1);
    CHECK(hall.h1c2->outletId == u"H1-2"_s);
    CHECK(hall.h1c2->hall == u"H1"_s);
    CHECK(hall.h1c2->counter == 2);
    const auto identity = hq::pki::certificateIdentity(hall.h1c2->certificatePem);
    REQUIRE(identity.has_value());
    CHECK(identity->commonName == u"H1-2"_s);
    CHECK(identity->hall == u"H1"_s);
    CHECK(identity->counter == 2);
    CHECK_FALSE(hall.enroll(u"H1"_s, 0).has_value());
    CHECK_FALSE(hall.enroll(u"H1"_s, 100).has_value());
    CHECK_FALSE(hall.enroll(u"H 1"_s, 2).has_value());

    // A bundle written before halls (no "hall", no "counter") reads as counter 1 of its own hall.
    QJsonObject old = QJsonDocument::fromJson(hall.h1->toJson()).object();
    old.remove(u"hall"_s);
    old.remove(u"counter"_s);
    const auto legacy = protocol::CredentialBundle::fromJson(QJsonDocument(old).toJson());
    REQUIRE(legacy.has_value());
    CHECK(legacy->hall == u"H1"_s);
    CHECK(legacy->counter == 1);
    const auto answer = upload(hall, *legacy, {registration(90, 90, 0)});
    CHECK(answer.answers[0].outcome == protocol::RecordOutcome::Accepted);

    upload(hall, *hall.h1c2, {registration(91, 91, 0)});
    CHECK(PgCluster::scalar(hall.url, "SELECT hall_id || ':' || counter_no FROM outlets WHERE outlet_id = 'H1-2'") ==
          "H1:2");
    CHECK(PgCluster::scalar(hall.url, "SELECT hall_id || ':' || counter_no FROM outlets WHERE outlet_id = 'H1'") ==
          "H1:1");
}

TEST_CASE("A hall manager reads the day of every counter of the hall and nothing of another hall", "[hq][hall]")
{
    Hall hall;
    const Uploaded uploaded = uploadDay(hall);
    hall.account(u"mgr1"_s, u"manager"_s, u"H1"_s); // published for counter 1 only: reads the hall through any
    hall.account(u"mgr2"_s, u"manager"_s, u"H2"_s);
    hall.account(u"clerk1"_s, u"clerk"_s);
    hall.account(u"boss"_s, u"admin"_s);
    hall.account(u"gone"_s, u"manager"_s);
    REQUIRE(hall.hq.run({u"publish"_s, u"--pg"_s, hall.pg(), u"--feed"_s, u"accounts"_s, u"--key"_s, u"gone"_s,
                         u"--remove"_s}) == 0);

    const QJsonObject day = json(read(hall, *hall.h1c2, dayTarget(u"mgr1"_s)));
    CHECK(day.value(u"hall"_s).toString() == u"H1"_s);
    CHECK(day.value(u"tz"_s).toString() == u"Asia/Shanghai"_s);
    CHECK(day.value(u"counters"_s).toArray().size() == 2);
    const QJsonArray records = day.value(u"records"_s).toArray();
    REQUIRE(records.size() == 5);
    QStringList seen;
    for (const QJsonValue& v : records) {
        const QJsonObject r = v.toObject();
        seen << u"%1/%2"_s.arg(r.value(u"outlet"_s).toString()).arg(r.value(u"counter"_s).toInt());
        CHECK(r.value(u"masked"_s).toBool());
        CHECK(r.value(u"status"_s).toString() == u"accepted"_s);
    }
    seen.sort();
    CHECK(seen == QStringList{u"H1-2/2"_s, u"H1-2/2"_s, u"H1/1"_s, u"H1/1"_s, u"H1/1"_s});
    // In time order, masked as the outlet masks.
    const QJsonObject first = records[0].toObject();
    CHECK(first.value(u"uuid"_s).toString() == uploaded.h1.answers[0].recordId.toString(QUuid::WithoutBraces));
    CHECK(first.value(u"msisdn"_s).toString() == u"138****0001"_s);
    CHECK(first.value(u"name"_s).toString() == u"阿***·***"_s);
    CHECK(first.value(u"documentNumber"_s).toString() == u"**************0001"_s);
    CHECK(first.value(u"faceBand"_s).toString() == u"pass"_s);
    CHECK(first.value(u"clerk"_s).toString() == u"clerk1"_s);
    CHECK(first.value(u"hqReference"_s).toString() == uploaded.h1.answers[0].hqReference);
    CHECK(first.value(u"registeredAt"_s).toString() == u"2026-12-01T03:00:00.000Z"_s);
    CHECK(records[1].toObject().value(u"counter"_s).toInt() == 2);
    CHECK(records[2].toObject().value(u"faceBand"_s).toString() == u"manual_review"_s);
    CHECK(records[2].toObject().value(u"name"_s).toString() == u"𠮷***"_s); // a surrogate pair kept whole
    CHECK_FALSE(QJsonDocument(day).toJson().contains(msisdnOf(1).toUtf8()));

    // Another zone moves the day's edges: in UTC the same day holds the same records (03:00-05:10 UTC).
    CHECK(json(read(hall, *hall.h1, dayTarget(u"mgr1"_s, "&tz=UTC"))).value(u"records"_s).toArray().size() == 5);
    CHECK(json(read(hall, *hall.h1, "/v1/hall/day?date=2026-11-30&manager=mgr1&tz=UTC"))
              .value(u"records"_s)
              .toArray()
              .isEmpty());
    // The administrator reads it too; H2's manager reads H2 through H2.
    CHECK(json(read(hall, *hall.h1, dayTarget(u"boss"_s))).value(u"records"_s).toArray().size() == 5);
    const QJsonArray other = json(read(hall, *hall.h2, dayTarget(u"mgr2"_s))).value(u"records"_s).toArray();
    REQUIRE(other.size() == 2);
    CHECK(other[0].toObject().value(u"outlet"_s).toString() == u"H2"_s);

    // Refused, with nothing of the hall in the answer: a clerk, an unknown name, a removed account, another
    // hall's manager through a counter of this hall, no manager at all.
    for (const QByteArray& target : {dayTarget(u"clerk1"_s), dayTarget(u"nobody"_s), dayTarget(u"gone"_s),
                                     dayTarget(u"mgr2"_s), QByteArray("/v1/hall/day?date=2026-12-01")}) {
        INFO(target.toStdString());
        const RawResponse refused = read(hall, *hall.h1, target);
        CHECK(refused.status == 403);
        CHECK(refused.body == "NOT_A_HALL_MANAGER\n");
    }
    CHECK(read(hall, *hall.h1, "/v1/hall/day?date=2026-13-01&manager=mgr1").status == 400);
    CHECK(read(hall, *hall.h1, "/v1/hall/day?date=2026-12-01&manager=mgr1&tz=Mars/Olympus").status == 400);

    const QStringList audited = actions(hall);
    CHECK(audited.count(u"hall_day"_s) == 5);
    CHECK(audited.count(u"refused"_s) == 7);
}

TEST_CASE("A hall's record is masked unless revealed, audited, and another hall's is not found", "[hq][hall]")
{
    Hall hall;
    const Uploaded uploaded = uploadDay(hall);
    hall.account(u"mgr1"_s, u"manager"_s);
    const QByteArray h1c2Record = uploaded.h1c2.answers[0].recordId.toString(QUuid::WithoutBraces).toLatin1();
    const QByteArray h2Record = uploaded.h2.answers[0].recordId.toString(QUuid::WithoutBraces).toLatin1();

    const QJsonObject masked = json(read(hall, *hall.h1, "/v1/hall/record/" + h1c2Record + "?manager=mgr1"));
    CHECK(masked.value(u"outlet"_s).toString() == u"H1-2"_s);
    CHECK(masked.value(u"counter"_s).toInt() == 2);
    CHECK(masked.value(u"msisdn"_s).toString() == u"138****0004"_s);
    CHECK(masked.value(u"masked"_s).toBool());
    CHECK(masked.value(u"iccid"_s).toString().endsWith(u"0004"_s));
    CHECK(masked.value(u"iccid"_s).toString().startsWith(u"****"_s));
    const QJsonArray photos = masked.value(u"photos"_s).toArray();
    REQUIRE(photos.size() == 2);
    CHECK(photos[0].toObject().value(u"kind"_s).toString() == u"chip"_s);
    CHECK(QByteArray::fromBase64(photos[0].toObject().value(u"jpeg"_s).toString().toLatin1()) ==
          registration(4, 4, 2).photos[0].jpeg);

    const QJsonObject revealed = json(read(hall, *hall.h1, "/v1/hall/record/" + h1c2Record + "?manager=mgr1&reveal=1"));
    const protocol::RecordContent original = registration(4, 4, 2);
    CHECK_FALSE(revealed.value(u"masked"_s).toBool());
    CHECK(revealed.value(u"msisdn"_s).toString() == original.msisdn);
    CHECK(revealed.value(u"name"_s).toString() == original.name);
    CHECK(revealed.value(u"documentNumber"_s).toString() == original.documentNumber);
    CHECK(revealed.value(u"iccid"_s).toString() == original.iccid);

    const RawResponse foreign = read(hall, *hall.h1, "/v1/hall/record/" + h2Record + "?manager=mgr1&reveal=1");
    CHECK(foreign.status == 404);
    CHECK(foreign.body == "NO_SUCH_RECORD\n");
    CHECK(read(hall, *hall.h1, "/v1/hall/record/not-a-uuid?manager=mgr1").status == 404);
    CHECK(read(hall, *hall.h1, "/v1/hall/record/" + h1c2Record + "?manager=clerk9").status == 403);

    const QJsonObject audit = hall.commandJson({u"audit"_s, u"--pg"_s, hall.pg(), u"--json"_s});
    QStringList list;
    for (const QJsonValue& v : audit.value(u"audit"_s).toArray()) {
        const QJsonObject o = v.toObject();
        list << o.value(u"action"_s).toString() + u'/' + o.value(u"record"_s).toString() + u'/' +
                    o.value(u"reason"_s).toString();
        CHECK(o.value(u"actorKind"_s).toString() == u"hall_manager"_s);
        CHECK(o.value(u"hall"_s).toString() == u"H1"_s);
    }
    const QString h1c2Id = QString::fromLatin1(h1c2Record), h2Id = QString::fromLatin1(h2Record);
    CHECK(list == QStringList{u"hall_record/"_s + h1c2Id + u'/', u"hall_record_revealed/"_s + h1c2Id + u'/',
                              u"refused/"_s + h2Id + u"/NO_SUCH_RECORD"_s, u"refused//NO_SUCH_RECORD"_s,
                              u"refused//NOT_A_HALL_MANAGER"_s});
    // The audit holds no customer's data, and neither does HQ's log.
    const QByteArray auditText = QJsonDocument(audit).toJson();
    CHECK_FALSE(auditText.contains(original.msisdn.toUtf8()));
    CHECK_FALSE(auditText.contains(original.documentNumber.toUtf8()));
    hall.hq.stop();
    const QByteArray log = hall.hq.serveLog();
    CHECK(log.contains("hall read"));
    CHECK_FALSE(log.contains(original.msisdn.toUtf8()));
    CHECK_FALSE(log.contains(original.documentNumber.toUtf8()));
    CHECK_FALSE(log.contains(original.name.toUtf8()));
}

TEST_CASE("The hall report sums the counters in the outlet's report shape", "[hq][hall]")
{
    Hall hall;
    uploadDay(hall);
    hall.account(u"mgr1"_s, u"manager"_s, u"H1-2"_s);
    const QJsonObject report = json(read(hall, *hall.h1, "/v1/hall/report?date=2026-12-01&manager=mgr1"));
    CHECK(report.value(u"hall"_s).toString() == u"H1"_s);
    CHECK(report.value(u"registrations"_s).toInteger() == 5);
    CHECK(report.value(u"hq_accepted"_s).toInteger() == 5);
    CHECK(report.value(u"hq_rejected"_s).toInteger() == 0);
    CHECK(report.value(u"voided"_s).toInteger() == 0);
    CHECK(report.value(u"pending_review"_s).toInteger() == 1);
    CHECK(report.value(u"face_compared"_s).toInteger() == 5);
    CHECK(report.value(u"face_passed"_s).toInteger() == 3);
    const QJsonArray bands = report.value(u"per_band"_s).toArray();
    REQUIRE(bands.size() == 4);
    CHECK(bands[0].toObject().value(u"key"_s).toString() == u"pass"_s);
    CHECK(bands[0].toObject().value(u"registrations"_s).toInteger() == 3);
    CHECK(bands[2].toObject().value(u"registrations"_s).toInteger() == 1); // fail
    const QJsonArray hours = report.value(u"per_hour"_s).toArray();
    REQUIRE(hours.size() == 24);
    CHECK(hours[11].toInt() == 3); // 11:00-11:59 in Shanghai
    CHECK(hours[12].toInt() == 1);
    CHECK(hours[13].toInt() == 1);
    const QJsonArray counters = report.value(u"per_counter"_s).toArray();
    REQUIRE(counters.size() == 2);
    CHECK(counters[0].toObject().value(u"key"_s).toString() == u"H1"_s);
    CHECK(counters[0].toObject().value(u"counter"_s).toInt() == 1);
    CHECK(counters[0].toObject().value(u"registrations"_s).toInteger() == 3);
    CHECK(counters[1].toObject().value(u"counter"_s).toInt() == 2);
    CHECK(counters[1].toObject().value(u"registrations"_s).toInteger() == 2);
    CHECK(report.value(u"per_clerk"_s).toArray().size() == 2);
    CHECK(report.value(u"per_transaction"_s).toArray()[0].toObject().value(u"key"_s).toString() == u"new"_s);
    // In UTC the hours move, not the totals.
    const QJsonObject utc = json(read(hall, *hall.h1, "/v1/hall/report?date=2026-12-01&manager=mgr1&tz=UTC"));
    CHECK(utc.value(u"per_hour"_s).toArray()[3].toInt() == 3);
    CHECK(actions(hall) == QStringList{u"hall_report"_s, u"hall_report"_s});

    // byHall in stats.
    const QJsonObject byHall =
        hall.commandJson({u"stats"_s, u"--pg"_s, hall.pg(), u"--json"_s}).value(u"byHall"_s).toObject();
    const QJsonObject h1 = byHall.value(u"H1"_s).toObject();
    CHECK(h1.value(u"counters"_s).toInteger() == 2);
    CHECK(h1.value(u"records"_s).toInteger() == 5);
    CHECK(h1.value(u"accepted"_s).toInteger() == 5);
    CHECK(h1.value(u"rejections"_s).toInteger() == 0);
    CHECK(h1.value(u"perCounter"_s).toObject().value(u"H1-2"_s).toObject().value(u"counter"_s).toInt() == 2);
    CHECK(h1.value(u"perCounter"_s).toObject().value(u"H1-2"_s).toObject().value(u"records"_s).toInteger() == 2);
    CHECK(byHall.value(u"H2"_s).toObject().value(u"counters"_s).toInteger() == 1);
}

TEST_CASE("A look-up by number or document finds the holder's records and history, audited", "[hq][hall]")
{
    Hall hall;
    uploadDay(hall);
    // Number 1 moves from person 1 to person 8 at counter 2 of H1.
    protocol::RecordContent transfer = registration(8, 1, 200);
    transfer.transaction = u"transfer"_s;
    transfer.iccid.clear();
    transfer.holderDocumentType = u"resident_id"_s;
    transfer.holderDocumentNumber = sampleContent(1, 1).documentNumber;
    REQUIRE(upload(hall, *hall.h1c2, {transfer}, 10).answers[0].outcome == protocol::RecordOutcome::Accepted);

    const QStringList base{u"lookup"_s, u"--pg"_s, hall.pg(), u"--state"_s, hall.hq.stateDir(), u"--json"_s};
    const QJsonObject byNumber =
        hall.commandJson(base + QStringList{u"--msisdn"_s, msisdnOf(1), u"--actor"_s, u"auditor7"_s});
    CHECK(byNumber.value(u"masked"_s).toBool());
    const QJsonArray history = byNumber.value(u"records"_s).toArray();
    REQUIRE(history.size() == 2);
    CHECK(history[0].toObject().value(u"transaction"_s).toString() == u"transfer"_s); // newest first
    CHECK(history[0].toObject().value(u"status"_s).toString() == u"accepted"_s);
    CHECK(history[0].toObject().value(u"hall"_s).toString() == u"H1"_s);
    CHECK(history[0].toObject().value(u"counter"_s).toInt() == 2);
    CHECK(history[1].toObject().value(u"status"_s).toString() == u"released"_s);
    CHECK(history[1].toObject().value(u"msisdn"_s).toString() == u"138****0001"_s);

    const QJsonArray ofPerson1 =
        hall.commandJson(base + QStringList{u"--document"_s, u"resident_id:"_s + sampleContent(1, 1).documentNumber})
            .value(u"records"_s)
            .toArray();
    REQUIRE(ofPerson1.size() == 1);
    CHECK(ofPerson1[0].toObject().value(u"outlet"_s).toString() == u"H1"_s);
    CHECK(ofPerson1[0].toObject().value(u"documentNumber"_s).toString().endsWith(u"0001"_s));
    // The number may come on stdin; person 6 of H2 by document, unmasked with a reason.
    CHECK(hall.commandJson(base + QStringList{u"--msisdn"_s, u"-"_s}, msisdnOf(6).toUtf8() + '\n')
              .value(u"records"_s)
              .toArray()
              .size() == 1);
    CHECK(hall.hq.run(base + QStringList{u"--msisdn"_s, msisdnOf(6), u"--unmasked"_s}) == 2); // no reason
    const QJsonObject unmasked =
        hall.commandJson(base + QStringList{u"--document"_s, u"resident_id:-"_s, u"--unmasked"_s, u"--reason"_s,
                                            u"police request 2026-118"_s},
                         sampleContent(6, 6).documentNumber.toUtf8());
    const QJsonArray person6 = unmasked.value(u"records"_s).toArray();
    REQUIRE(person6.size() == 1);
    CHECK(person6[0].toObject().value(u"msisdn"_s).toString() == msisdnOf(6));
    CHECK(person6[0].toObject().value(u"documentNumber"_s).toString() == sampleContent(6, 6).documentNumber);
    CHECK(
        hall.commandJson(base + QStringList{u"--msisdn"_s, u"13899999999"_s}).value(u"records"_s).toArray().isEmpty());

    const QJsonObject audit = hall.commandJson({u"audit"_s, u"--pg"_s, hall.pg(), u"--json"_s});
    const QJsonArray rows = audit.value(u"audit"_s).toArray();
    REQUIRE(rows.size() == 5);
    CHECK(rows[0].toObject().value(u"actor"_s).toString() == u"auditor7"_s);
    CHECK(rows[0].toObject().value(u"actorKind"_s).toString() == u"hq_operator"_s);
    CHECK(rows[0].toObject().value(u"query"_s).toString().startsWith(u"msisdn:"_s));
    CHECK(rows[1].toObject().value(u"query"_s).toString().startsWith(u"document:resident_id:"_s));
    CHECK(rows[1].toObject().value(u"actor"_s).toString().size() > 0); // the OS user
    CHECK(rows[2].toObject().value(u"query"_s).toString().startsWith(u"msisdn:"_s));
    CHECK(rows[2].toObject().value(u"query"_s).toString() != rows[0].toObject().value(u"query"_s).toString());
    CHECK(rows[3].toObject().value(u"action"_s).toString() == u"lookup_unmasked"_s);
    CHECK(rows[3].toObject().value(u"reason"_s).toString() == u"police request 2026-118"_s);
    const QByteArray text = QJsonDocument(audit).toJson();
    for (int serial : {1, 6}) {
        CHECK_FALSE(text.contains(msisdnOf(serial).toUtf8()));
        CHECK_FALSE(text.contains(sampleContent(serial, serial).documentNumber.toUtf8()));
    }
    CHECK(hall.commandJson({u"audit"_s, u"--pg"_s, hall.pg(), u"--json"_s, u"--since"_s, u"2099-01-01"_s})
              .value(u"audit"_s)
              .toArray()
              .isEmpty());
}

TEST_CASE("A certificate and a ledger from before halls are counter 1 of their own hall", "[hq][hall]")
{
    // A ledger of schema 7 with an outlet in it: migration 8 makes it counter 1 of its own hall.
    const std::string url = PgCluster::instance().newDatabase();
    REQUIRE(hq::migrateSchema(url, 7) == 7);
    {
        pqxx::connection connection(url);
        pqxx::work tx(connection);
        tx.exec("INSERT INTO outlets (outlet_id) VALUES ('OLD-7')");
        tx.commit();
    }
    HqProcess hq(url);
    REQUIRE(hq.start());
    CHECK(PgCluster::scalar(url, "SELECT hall_id || ':' || counter_no FROM outlets WHERE outlet_id = 'OLD-7'") ==
          "OLD-7:1");

    // A certificate as HQ issued them before halls: CN only, no OU, no serialNumber (made with openssl from
    // HQ's CA), and its bundle without "hall" and "counter".
    QTemporaryDir dir;
    const auto path = [&](const char* name) {
        return dir.filePath(QString::fromLatin1(name));
    };
    QFile extensions(path("ext.cnf"));
    REQUIRE(extensions.open(QIODevice::WriteOnly));
    extensions.write("basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyAgreement\n"
                     "extendedKeyUsage=clientAuth\n");
    extensions.close();
    const auto openssl = [](const QStringList& args) {
        QProcess process;
        process.start(u"openssl"_s, args);
        return process.waitForFinished(30000) && process.exitCode() == 0;
    };
    REQUIRE(
        openssl({u"req"_s, u"-new"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s, u"-nodes"_s,
                 u"-keyout"_s, path("old.key"), u"-subj"_s, u"/O=Shiming HQ/CN=OLD-8"_s, u"-out"_s, path("old.csr")}));
    REQUIRE(openssl({u"x509"_s, u"-req"_s, u"-in"_s, path("old.csr"), u"-CA"_s, hq.stateDir() + u"/ca.crt"_s,
                     u"-CAkey"_s, hq.stateDir() + u"/ca.key"_s, u"-set_serial"_s, u"0x1234abcd"_s, u"-days"_s, u"30"_s,
                     u"-extfile"_s, path("ext.cnf"), u"-out"_s, path("old.crt")}));
    const auto read = [&](const char* name) {
        QFile file(path(name));
        REQUIRE(file.open(QIODevice::ReadOnly));
        return file.readAll();
    };
    const auto identity = hq::pki::certificateIdentity(read("old.crt"));
    REQUIRE(identity.has_value());
    CHECK(identity->hall == u"OLD-8"_s);
    CHECK(identity->counter == 1);
    const auto state = hq::HqState::load(hq.stateDir());
    REQUIRE(state.has_value());
    protocol::CredentialBundle bundle;
    bundle.outletId = u"OLD-8"_s;
    bundle.certificatePem = read("old.crt");
    bundle.privateKeyPem = read("old.key");
    bundle.caCertificatePem = state->ca().certificatePem;
    bundle.serial = identity->serialHex;
    bundle.requestKey = state->requestKey(bundle.outletId, bundle.serial);
    bundle.identityKey = state->identityKey();
    QJsonObject json = QJsonDocument::fromJson(bundle.toJson()).object();
    CHECK_FALSE(json.contains(u"hall"_s));
    const auto legacy = protocol::CredentialBundle::fromJson(QJsonDocument(json).toJson());
    REQUIRE(legacy.has_value());
    CHECK(legacy->counter == 1);

    RawClient client(hq.port(), hq.stateDir() + u"/ca.crt"_s, &*legacy);
    const RawResponse uploaded =
        client.post("/v1/batches", protocol::encodeBatch(makeBatch(u"OLD-8"_s, {registration(80, 80, 0)})));
    REQUIRE(uploaded.status == 200);
    CHECK(answerOf(uploaded).answers[0].outcome == protocol::RecordOutcome::Accepted);
    CHECK(PgCluster::scalar(url, "SELECT hall_id || ':' || counter_no FROM outlets WHERE outlet_id = 'OLD-8'") ==
          "OLD-8:1");
}

TEST_CASE("Hall reads and feed pages come from the read-only database, their checks and audit from the primary",
          "[hq][hall][standby]")
{
    // The read-only connection refuses every write (as a standby does): a hall read that wrote through it, or
    // a check done there, would fail.
    Hall hall({u"--pg-read"_s, u"application_name=shiming-hq-read options='-c default_transaction_read_only=on'"_s});
    uploadDay(hall);
    hall.account(u"mgr1"_s, u"manager"_s, u"H1"_s);
    const QJsonObject day = json(read(hall, *hall.h1c2, dayTarget(u"mgr1"_s)));
    REQUIRE(day.value(u"records"_s).toArray().size() == 5);
    const QString uuid = day.value(u"records"_s).toArray()[0].toObject().value(u"uuid"_s).toString();
    CHECK(json(read(hall, *hall.h1, "/v1/hall/record/" + uuid.toUtf8() + "?manager=mgr1&reveal=1"))
              .value(u"masked"_s)
              .toBool() == false);
    CHECK(json(read(hall, *hall.h1, "/v1/hall/report?date=" + QByteArray(kDay) + "&manager=mgr1"))
              .value(u"registrations"_s)
              .toInteger() == 5);
    CHECK(read(hall, *hall.h2, dayTarget(u"mgr1"_s)).status == 403);
    const RawResponse accounts = RawClient(hall.hq.port(), hall.ca, &*hall.h1).get("/v1/feeds/accounts?cursor=0");
    REQUIRE(accounts.status == 200);
    CHECK(protocol::decodeFeedPage(accounts.body)->items.size() == 1);
    // Audited on the primary, every one of them; the read-only connections are open on the database.
    CHECK(actions(hall) == QStringList{u"hall_day"_s, u"hall_record_revealed"_s, u"hall_report"_s, u"refused"_s});
    CHECK(count(hall.url, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'shiming-hq-read'") >= 1);
    CHECK(hall.hq.serveLog().contains("reads from a primary")); // a primary in read-only mode, not a standby
    CHECK_FALSE(hall.hq.serveLog().contains("reading on the primary"));

    // A read-only database that cannot be reached: read on the primary.
    Hall unreachable({u"--pg-read"_s, u"host=/nonexistent connect_timeout=1"_s});
    uploadDay(unreachable);
    unreachable.account(u"mgr1"_s, u"manager"_s, u"H1"_s);
    CHECK(json(read(unreachable, *unreachable.h1, dayTarget(u"mgr1"_s))).value(u"records"_s).toArray().size() == 5);
    CHECK(QTest::qWaitFor(
        [&] { return unreachable.hq.serveLog().contains("no read-only database connection, reading on the primary"); },
        5000));
}
