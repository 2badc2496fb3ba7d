// The compliance alerts (core/review/Alerts, core/outlet/ComplianceAlerts): each rule fires on data made for it
// and not on a normal day; raised when a registration is stored, acknowledged with a note, audited.
#include "ReviewTestSupport.h"

#include "core/auth/Session.h"
#include "core/outlet/ComplianceAlerts.h"
#include "core/outlet/SpotChecks.h"
#include "core/outlet/StoreSessionServices.h"
#include "core/review/Alerts.h"
#include "core/store/DownlinkRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::review;
using namespace shiming::review::test;

namespace {

const QDate kDay(2026, 11, 28);

AlertInput at(const QString& uuid, QTime time, const QString& clerk, const QString& identity = {},
              const QString& approvedBy = {}, int dayOffset = 0)
{
    return {uuid, QDateTime(kDay.addDays(dayOffset), time), clerk, identity, u"110105********1017"_s, approvedBy};
}

/// A normal day: three clerks with similar counts, distinct customers, inside opening hours, two approvals.
QList<AlertInput> normalDay()
{
    QList<AlertInput> rows;
    int n = 0;
    for (const auto& [clerk, count] : {std::pair{u"clerk1"_s, 6}, {u"clerk2"_s, 5}, {u"clerk3"_s, 7}}) {
        for (int i = 0; i < count; ++i, ++n)
            rows.append(at(u"r%1"_s.arg(n), QTime(9, 0).addSecs(n * 900), clerk, u"resident_id:ID%1"_s.arg(n),
                           n % 9 == 0 ? u"boss"_s : QString()));
    }
    return rows;
}

QList<AlertKind> kindsOf(const QList<Alert>& alerts)
{
    QList<AlertKind> kinds;
    for (const Alert& alert : alerts)
        kinds.append(alert.kind);
    return kinds;
}

} // namespace

TEST_CASE("Alert rules: nothing on a normal day", "[review]")
{
    CHECK(evaluateAlerts(normalDay(), kDay, {}).isEmpty());
    CHECK(evaluateAlerts({}, kDay, {}).isEmpty());
}

TEST_CASE("Alert rules: one identity with two numbers within 24 hours, across midnight, not 30 hours apart", "[review]")
{
    QList<AlertInput> rows = normalDay();
    rows.prepend(at(u"late"_s, QTime(20, 0), u"clerk1"_s, u"resident_id:SAME"_s, {}, -1));
    rows.append(at(u"next"_s, QTime(10, 0), u"clerk2"_s, u"resident_id:SAME"_s));
    rows.prepend(at(u"long-ago"_s, QTime(2, 0), u"clerk1"_s, u"resident_id:OTHER"_s, {}, -1));
    rows.append(at(u"again"_s, QTime(9, 0).addSecs(-1), u"clerk3"_s, u"resident_id:OTHER"_s));
    rows.last().time = QDateTime(kDay, QTime(8, 59)); // 30 h 59 min after the first
    const QList<Alert> alerts = evaluateAlerts(rows, kDay, {});
    REQUIRE(kindsOf(alerts) == QList<AlertKind>{AlertKind::SameIdentity});
    CHECK(alerts[0].records == QStringList{u"late"_s, u"next"_s});
    CHECK(alerts[0].figure == 2);
    CHECK(alerts[0].subject == u"110105********1017"_s); // masked
    CHECK_FALSE(alerts[0].key.contains(u"SAME"_s));      // the key is a digest, not the number
    // Yesterday's pair alone does not alert today; HQ asking for three numbers does not alert on two.
    CHECK(evaluateAlerts(rows, kDay.addDays(1), {}).isEmpty());
    ComplianceSettings three;
    three.sameIdentityNumbers = 3;
    CHECK(evaluateAlerts(rows, kDay, three).isEmpty());
}

TEST_CASE("Alert rules: a clerk above three times the median, never a lone clerk", "[review]")
{
    QList<AlertInput> rows;
    for (int i = 0; i < 19; ++i)
        rows.append(at(u"a%1"_s.arg(i), QTime(9, 0).addSecs(i * 60), u"busy"_s, u"x:%1"_s.arg(i)));
    for (int i = 0; i < 3; ++i) {
        rows.append(at(u"b%1"_s.arg(i), QTime(10, 0).addSecs(i * 60), u"clerk2"_s, u"y:%1"_s.arg(i)));
        rows.append(at(u"c%1"_s.arg(i), QTime(11, 0).addSecs(i * 60), u"clerk3"_s, u"z:%1"_s.arg(i)));
    }
    const QList<Alert> alerts = evaluateAlerts(rows, kDay, {});
    REQUIRE(kindsOf(alerts) == QList<AlertKind>{AlertKind::ClerkVolume});
    CHECK(alerts[0].subject == u"busy"_s);
    CHECK(alerts[0].figure == 19);
    CHECK(alerts[0].reference == 3.0);
    CHECK(alerts[0].records.size() == 19);
    // 9 is not above 3 x 3.
    CHECK(evaluateAlerts(rows.mid(10), kDay, {}).isEmpty());
    QList<AlertInput> alone = rows.mid(0, 19);
    CHECK(evaluateAlerts(alone, kDay, {}).isEmpty());
}

TEST_CASE("Alert rules: registrations outside opening hours, the closing minute included", "[review]")
{
    QList<AlertInput> rows = normalDay();
    rows.append(at(u"early"_s, QTime(8, 29), u"clerk1"_s, u"e:1"_s));
    rows.append(at(u"closing"_s, QTime(21, 0), u"clerk2"_s, u"e:2"_s));
    rows.append(at(u"open"_s, QTime(8, 30), u"clerk3"_s, u"e:3"_s));
    const QList<Alert> alerts = evaluateAlerts(rows, kDay, {});
    REQUIRE(kindsOf(alerts) == QList<AlertKind>{AlertKind::OutsideHours});
    CHECK(alerts[0].records == QStringList{u"early"_s, u"closing"_s});
    ComplianceSettings hours;
    hours.opensAt = QTime(8, 0);
    hours.closesAt = QTime(22, 0);
    CHECK(evaluateAlerts(rows, kDay, hours).isEmpty());
}

TEST_CASE("Alert rules: more than five manual face approvals by one manager", "[review]")
{
    QList<AlertInput> rows = normalDay();
    for (int i = 0; i < 6; ++i)
        rows[i].approvedBy = u"boss2"_s;
    const QList<Alert> alerts = evaluateAlerts(rows, kDay, {});
    REQUIRE(kindsOf(alerts) == QList<AlertKind>{AlertKind::FaceApprovals});
    CHECK(alerts[0].subject == u"boss2"_s);
    CHECK(alerts[0].figure == 6);
    rows[5].approvedBy.clear();
    CHECK(evaluateAlerts(rows, kDay, {}).isEmpty());
}

TEST_CASE("Alerts at the outlet: raised when a registration is stored, listed for a manager, acknowledged once",
          "[review]")
{
    Outlet outlet;
    auto boss = outlet.login(u"boss"_s);
    store::OutletStore& store = boss->store();
    // The seeded day is a normal one.
    auto none = outlet::dayAlerts(store, boss->account(), outlet.today, {});
    REQUIRE(none.has_value());
    CHECK(none->isEmpty());

    // A registration stored at 22:30 through the counter's sink raises the outside-hours alert at once.
    outlet.clock.advanceSeconds(4 * 3600 + 30 * 60);
    StoreSessionServices sink([&] { return &store; });
    store::DemoDataGenerator generator(7, 1);
    registration::Registration late = generator.registration(u"clerk1"_s, outlet.clock.now());
    auto committed = sink.commitRegistration(late);
    REQUIRE(committed.has_value());
    CHECK(outlet.auditCount(audit::AlertRaised.toString()) == 1);
    auto stored = AlertRepository(store).list(outlet.today);
    REQUIRE(stored.has_value());
    REQUIRE(stored->size() == 1);
    CHECK(stored->at(0).kind == AlertKind::OutsideHours);
    CHECK(stored->at(0).records == QStringList{committed->uuid});

    // A clerk sees nothing; the manager's list evaluates again and raises nothing twice.
    auto clerk = outlet.login(u"clerk1"_s);
    CHECK_FALSE(outlet::dayAlerts(store, clerk->account(), outlet.today, {}).has_value());
    auto listed = outlet::dayAlerts(store, boss->account(), outlet.today, {});
    REQUIRE(listed.has_value());
    REQUIRE(listed->size() == 1);
    CHECK(outlet.auditCount(audit::AlertRaised.toString()) == 1);
    const qint64 id = listed->at(0).id;

    CHECK_FALSE(outlet::acknowledgeAlert(store, boss->account(), id, u" "_s));
    CHECK_FALSE(outlet::acknowledgeAlert(store, clerk->account(), id, u"seen"_s));
    REQUIRE(outlet::acknowledgeAlert(store, boss->account(), id, u"客户加急办理，店长在场"_s));
    CHECK_FALSE(outlet::acknowledgeAlert(store, boss->account(), id, u"again"_s)); // once
    CHECK(outlet.auditCount(audit::AlertAcknowledged.toString()) == 1);
    auto after = outlet::dayAlerts(store, boss->account(), outlet.today, {});
    REQUIRE(after.has_value());
    CHECK(after->at(0).acknowledged());
    CHECK(after->at(0).acknowledgedBy == u"boss"_s);
    CHECK(after->at(0).note == u"客户加急办理，店长在场"_s);
    CHECK(store.audit().verify().value().intact);
}

TEST_CASE("Alerts follow HQ's thresholds: an earlier closing time flags the day's later registrations", "[review]")
{
    Outlet outlet;
    auto boss = outlet.login(u"boss"_s);
    store::OutletStore& store = boss->store();
    outlet.putCompliance(R"({"opening_hours":{"open":"08:00","close":"09:30"}})");
    auto alerts = outlet::dayAlerts(store, boss->account(), outlet.today, outlet::hqComplianceSettings(store));
    REQUIRE(alerts.has_value());
    REQUIRE(alerts->size() == 1);
    CHECK(alerts->at(0).kind == AlertKind::OutsideHours);
    CHECK(alerts->at(0).figure > 0);
    CHECK(alerts->at(0).subject == u"08:00-09:30"_s);
}

TEST_CASE("shimingctl review alerts: lists the day's alerts and acknowledges one, a clerk is refused", "[review]")
{
    Outlet outlet;
    outlet.putCompliance(R"({"opening_hours":{"open":"08:00","close":"09:30"}})");
    const QString path = outlet.path;
    outlet.admin.reset();
    const auto run = [](const QStringList& args) {
        return runReviewCommand(QStringList{u"alerts"_s} + args);
    };
    const QStringList day{u"--db"_s, path, u"--date"_s, outlet.today.toString(Qt::ISODate), u"--json"_s};
    CHECK(run(day + QStringList{u"--user"_s, u"clerk1"_s}).first != 0);
    const auto [status, json] = run(day + QStringList{u"--user"_s, u"boss"_s});
    REQUIRE(status == 0);
    const QJsonObject listed = QJsonDocument::fromJson(json).object();
    REQUIRE(listed.value(u"alerts"_s).toArray().size() == 1);
    CHECK(listed.value(u"unacknowledged"_s).toInt() == 1);
    const QJsonObject alert = listed.value(u"alerts"_s).toArray().at(0).toObject();
    CHECK(alert.value(u"kind"_s).toString() == u"outside_hours"_s);
    const QString id = QString::number(alert.value(u"id"_s).toInteger());
    const auto [acked, after] =
        run(day + QStringList{u"--user"_s, u"boss"_s, u"--ack"_s, id, u"--note"_s, u"checked with the clerk"_s});
    REQUIRE(acked == 0);
    CHECK(QJsonDocument::fromJson(after).object().value(u"unacknowledged"_s).toInt() == 0);
    CHECK(run(day + QStringList{u"--user"_s, u"boss"_s, u"--ack"_s, id, u"--note"_s, u"x"_s}).first != 0);
}
