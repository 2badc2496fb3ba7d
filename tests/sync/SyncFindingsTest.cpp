// The hall's compliance findings reach HQ with the next sync: the duty manager's spot-check verdicts (a problem
// with its note) and the alerts, raised and then acknowledged, each state exactly once, to a real PostgreSQL HQ.
#include "SyncTestSupport.h"
#include "support/CatchQt.h"

#include "core/review/Alerts.h"
#include "core/review/SpotCheck.h"
#include "core/sync/FindingQueue.h"
#include "core/sync/SyncStatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

QDate dayOf(store::OutletStore& store, const QString& uuid)
{
    auto stmt = store.database().prepare(u"SELECT device_date FROM registrations WHERE uuid = ?"_s);
    REQUIRE(stmt);
    stmt->bind(1, uuid);
    REQUIRE(stmt->step().value_or(false));
    return QDate::fromString(stmt->text(0), Qt::ISODate);
}

QJsonArray findingsAtHq(HqProcess& hq, const QStringList& extra = {})
{
    QByteArray output;
    REQUIRE(hq.run(QStringList{u"findings"_s, u"--pg"_s, QString::fromStdString(hq.pgUrl()), u"--json"_s} + extra,
                   &output) == 0);
    return QJsonDocument::fromJson(output).object().value(u"findings"_s).toArray();
}

QJsonObject findingAtHq(HqProcess& hq, const QString& key)
{
    for (const QJsonValue& value : findingsAtHq(hq)) {
        if (value.toObject().value(u"key"_s).toString() == key)
            return value.toObject();
    }
    return {};
}

/// A fresh HQ and outlet OUT-A with one registration of its own customer, drawn for the spot check.
struct OneRecordDrawn {
    std::string url = PgCluster::instance().newDatabase();
    HqProcess hq{url};
    std::optional<TestOutlet> outlet;
    QString uuid;
    QDate day;
    std::optional<review::SpotCheckRepository> spot;

    OneRecordDrawn(quint32 seed, int identity)
    {
        REQUIRE(hq.start());
        outlet.emplace(u"OUT-A"_s, hq, seed);
        uuid = outlet->commit(identity, identity * 100);
        day = dayOf(outlet->store(), uuid);
        spot.emplace(outlet->store());
        REQUIRE(spot->draw(day, 1.0, u"manager01"_s));
    }
};

long long rowsAtHq(HqProcess& hq)
{
    return std::stoll(PgCluster::scalar(hq.pgUrl(), "SELECT count(*) FROM compliance_findings"));
}

} // namespace

TEST_CASE("Spot-check verdicts and alerts go to HQ with the next sync, each state once", "[sync]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    TestOutlet outlet(u"OUT-A"_s, hq, 21);

    // One customer takes two numbers (an alert), two others one each.
    const QString first = outlet.commit(7, 100);
    const QString second = outlet.commit(7, 101);
    const QString third = outlet.commit(8, 102);
    const QDate day = dayOf(outlet.store(), first);
    REQUIRE(outlet.engine().runBlocking().ok);

    review::SpotCheckRepository spot(outlet.store());
    const auto drawn = spot.draw(day, 1.0, u"manager01"_s);
    REQUIRE(drawn);
    const QString note = u"签名与证件不符 𠮷 · 复核"_s;
    REQUIRE(spot.mark(day, third, review::SpotVerdict::Problem, note, u"manager01"_s));
    REQUIRE(spot.mark(day, first, review::SpotVerdict::Ok, {}, u"manager01"_s));
    review::AlertRepository alerts(outlet.store());
    const auto raised = alerts.refresh(day, review::ComplianceSettings{});
    REQUIRE(raised);
    const auto sameIdentity = std::find_if(raised->cbegin(), raised->cend(), [](const review::Alert& a) {
        return a.kind == review::AlertKind::SameIdentity;
    });
    REQUIRE(sameIdentity != raised->cend());
    const qsizetype alertCount = raised->size(); // outside-hours may fire too, by the hour this runs at

    CHECK(sync::FindingQueue::waiting(outlet.store()) == 2 + alertCount);
    CHECK(sync::readSyncStatus(outlet.store())->toJson().value(u"findingsPending"_s).toInteger() == 2 + alertCount);
    const sync::SyncReport report = outlet.engine().runBlocking();
    REQUIRE(report.ok);
    CHECK(report.findings == 2 + alertCount);
    CHECK(report.sent == 0);
    CHECK(sync::FindingQueue::waiting(outlet.store()) == 0);
    CHECK(rowsAtHq(hq) == 2 + alertCount);

    const QJsonObject problem = findingAtHq(hq, third);
    CHECK(problem.value(u"outlet"_s).toString() == u"OUT-A"_s);
    CHECK(problem.value(u"type"_s).toString() == u"spot_check"_s);
    CHECK(problem.value(u"day"_s).toString() == day.toString(Qt::ISODate));
    CHECK(problem.value(u"state"_s).toString() == u"problem"_s);
    CHECK(problem.value(u"note"_s).toString() == note); // outside the BMP and the middle dot, exactly
    CHECK(problem.value(u"actor"_s).toString() == u"manager01"_s);
    CHECK(problem.value(u"records"_s).toArray() == QJsonArray{third});
    CHECK(findingAtHq(hq, first).value(u"state"_s).toString() == u"ok"_s);
    const QJsonObject alert = findingAtHq(hq, sameIdentity->key);
    CHECK(alert.value(u"state"_s).toString() == u"raised"_s);
    CHECK(alert.value(u"figure"_s).toInt() == 2);
    CHECK(alert.value(u"records"_s).toArray() == QJsonArray{first, second});
    // The open ones: the problem and every unacknowledged alert; not the OK verdict.
    CHECK(findingsAtHq(hq, {u"--open"_s}).size() == 1 + alertCount);

    // Nothing goes twice.
    const sync::SyncReport idle = outlet.engine().runBlocking();
    REQUIRE(idle.ok);
    CHECK(idle.findings == 0);
    CHECK(rowsAtHq(hq) == 2 + alertCount);

    // The manager acknowledges the alert; the next pass sends that state, and HQ keeps both.
    REQUIRE(alerts.acknowledge(sameIdentity->id, u"同一客户两张卡，已核实本人"_s, u"manager01"_s));
    CHECK(sync::FindingQueue::waiting(outlet.store()) == 1);
    const sync::SyncReport acknowledged = outlet.engine().runBlocking();
    REQUIRE(acknowledged.ok);
    CHECK(acknowledged.findings == 1);
    const QJsonObject after = findingAtHq(hq, sameIdentity->key);
    CHECK(after.value(u"state"_s).toString() == u"acknowledged"_s);
    CHECK(after.value(u"states"_s).toInt() == 2);
    CHECK(after.value(u"note"_s).toString() == u"同一客户两张卡，已核实本人"_s);
    CHECK(findingsAtHq(hq, {u"--open"_s}).size() == alertCount);

    // A changed verdict goes again, and becomes the latest state at HQ.
    REQUIRE(spot.mark(day, third, review::SpotVerdict::Ok, {}, u"manager02"_s));
    REQUIRE(outlet.engine().runBlocking().findings == 1);
    CHECK(findingAtHq(hq, third).value(u"state"_s).toString() == u"ok"_s);
    CHECK(findingAtHq(hq, third).value(u"states"_s).toInt() == 2);

    QByteArray output;
    REQUIRE(hq.run({u"stats"_s, u"--pg"_s, QString::fromStdString(url), u"--json"_s}, &output) == 0);
    const QJsonObject figures =
        QJsonDocument::fromJson(output).object().value(u"findingsByOutlet"_s).toObject().value(u"OUT-A"_s).toObject();
    CHECK(figures.value(u"spotChecked"_s).toInt() == 2);
    CHECK(figures.value(u"spotProblems"_s).toInt() == 0);
    CHECK(figures.value(u"alertsAcknowledged"_s).toInt() == 1);
    CHECK(figures.value(u"alertsOpen"_s).toInt() == alertCount - 1);
    // HQ's log holds no note (the counter's words may name the customer).
    CHECK_FALSE(hq.serveLog().contains(u"已核实本人"_s.toUtf8()));
}

TEST_CASE("A finding whose answer was lost is the same record to HQ when it goes again", "[sync]")
{
    OneRecordDrawn scene(22, 5);
    TestOutlet& outlet = *scene.outlet;
    HqProcess& hq = scene.hq;
    REQUIRE(scene.spot->mark(scene.day, scene.uuid, review::SpotVerdict::Problem, u"照片模糊"_s, u"manager01"_s));
    REQUIRE(outlet.engine().runBlocking().findings == 1);
    CHECK(rowsAtHq(hq) == 1);

    // The outlet lost HQ's answer (a crash before it was stored, a restored backup): it goes again.
    REQUIRE(outlet.store().database().exec(u"UPDATE spot_check_items SET sent_at = NULL"_s));
    CHECK(sync::FindingQueue::waiting(outlet.store()) == 1);
    const sync::SyncReport again = outlet.engine().runBlocking();
    REQUIRE(again.ok);
    CHECK(again.findings == 1);
    CHECK(rowsAtHq(hq) == 1);
    CHECK(sync::FindingQueue::waiting(outlet.store()) == 0);
}

TEST_CASE("An alert raised and acknowledged while offline goes as both states, and one HQ refused waits", "[sync]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    TestOutlet outlet(u"OUT-A"_s, hq, 23);
    const QString a = outlet.commit(3, 300);
    outlet.commit(3, 301);
    const QDate day = dayOf(outlet.store(), a);
    review::AlertRepository alerts(outlet.store());
    const auto raised = alerts.refresh(day, review::ComplianceSettings{});
    REQUIRE(raised);
    const auto same = std::find_if(raised->cbegin(), raised->cend(),
                                   [](const review::Alert& x) { return x.kind == review::AlertKind::SameIdentity; });
    REQUIRE(same != raised->cend());
    REQUIRE(alerts.acknowledge(same->id, u"本人办理"_s, u"manager01"_s));

    // Answers that refuse a finding (an HQ that does not know findings answers INVALID) leave it waiting.
    sync::FindingQueue queue(outlet.store(), u"OUT-A"_s);
    const auto pending = queue.pending(50);
    REQUIRE(pending);
    QList<protocol::RecordAnswer> refused;
    for (const protocol::SyncRecord& record : *pending) {
        protocol::RecordAnswer answer;
        answer.recordId = record.id;
        answer.outcome = answer.original = protocol::RecordOutcome::Rejected;
        answer.reason = QString::fromLatin1(protocol::reason::Invalid);
        refused << answer;
    }
    CHECK(queue.applyResults(*pending, refused) == 0);
    CHECK(queue.pending(50)->size() == pending->size());
    // Such an HQ kept the refused record as an invalid row in its ledger, as it does with any invalid record.
    const std::string oldRow =
        "WITH b AS (INSERT INTO batches (batch_uuid, outlet_id, seq_from, seq_to, record_count, answer) VALUES "
        "(gen_random_uuid(), 'OUT-A', 0, 0, 1, '\\x00') RETURNING batch_uuid) INSERT INTO records (record_uuid, "
        "batch_uuid, outlet_id, outlet_seq, content_hash, status, reason, hq_ref, hq_time) SELECT '" +
        pending->first().id.toString(QUuid::WithoutBraces).toStdString() +
        "', batch_uuid, 'OUT-A', 0, '\\x00', 'rejected', 'INVALID', 'HQ-OLD-1', now() FROM b RETURNING 1";
    REQUIRE(PgCluster::scalar(url, oldRow) == "1");

    const sync::SyncReport report = outlet.engine().runBlocking();
    REQUIRE(report.ok);
    CHECK(report.findings == pending->size());
    const QJsonObject atHq = findingAtHq(hq, same->key);
    CHECK(atHq.value(u"state"_s).toString() == u"acknowledged"_s);
    CHECK(atHq.value(u"states"_s).toInt() == 2);
    CHECK(sync::FindingQueue::waiting(outlet.store()) == 0);
    CHECK(rowsAtHq(hq) == pending->size()); // the one refused before is taken now
}

TEST_CASE("A verdict changed while its batch was in flight goes again", "[sync]")
{
    OneRecordDrawn scene(24, 4);
    TestOutlet& outlet = *scene.outlet;
    review::SpotCheckRepository& spot = *scene.spot;
    const QString& uuid = scene.uuid;
    const QDate day = scene.day;
    REQUIRE(spot.mark(day, uuid, review::SpotVerdict::Ok, {}, u"manager01"_s));

    sync::FindingQueue queue(outlet.store(), u"OUT-A"_s);
    const auto inFlight = queue.pending(50);
    REQUIRE(inFlight);
    REQUIRE(inFlight->size() == 1);
    // The manager changes the verdict before HQ's answer to the first one arrives.
    REQUIRE(spot.mark(day, uuid, review::SpotVerdict::Problem, u"缺少授权书"_s, u"manager01"_s));
    protocol::RecordAnswer accepted;
    accepted.recordId = inFlight->first().id;
    accepted.outcome = accepted.original = protocol::RecordOutcome::Accepted;
    CHECK(queue.applyResults(*inFlight, {accepted}) == 0);
    const auto next = queue.pending(50);
    REQUIRE(next->size() == 1);
    CHECK(next->first().findingContent.state == u"problem"_s);
    CHECK(next->first().id != inFlight->first().id);
}
