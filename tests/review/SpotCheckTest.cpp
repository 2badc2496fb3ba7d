// The duty manager's daily spot check (core/review/SpotCheck, core/outlet/SpotChecks) and HQ's compliance
// settings, on a real outlet database.
#include "ReviewTestSupport.h"

#include "core/auth/Session.h"
#include "core/outlet/SpotChecks.h"
#include "core/review/ComplianceSettings.h"
#include "core/review/DailyReport.h"
#include "core/review/SpotCheck.h"
#include "core/store/DownlinkRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::review;
using namespace shiming::review::test;

namespace {

QList<SpotCandidate> candidates(int count, int clerks)
{
    QList<SpotCandidate> population;
    for (int i = 0; i < count; ++i)
        population.append({u"uuid-%1"_s.arg(i), u"clerk%1"_s.arg(i % clerks)});
    return population;
}

QSet<QString> clerksOf(const QList<SpotCandidate>& population, const QStringList& sample)
{
    QSet<QString> clerks;
    for (const SpotCandidate& c : population) {
        if (sample.contains(c.uuid))
            clerks.insert(c.clerk);
    }
    return clerks;
}

} // namespace

TEST_CASE("Spot check draw: the seed decides it, the share is met, every clerk has a record in it", "[review]")
{
    const QList<SpotCandidate> population = candidates(95, 3);
    const QByteArray seed(32, '\x07');
    const QStringList sample = drawSample(population, seed, 0.10);
    CHECK(sample.size() >= 10);                          // ceil(9.5)
    CHECK(sample.size() <= 12);                          // and at most one more per clerk
    CHECK(drawSample(population, seed, 0.10) == sample); // reproducible
    CHECK(drawSample(population, QByteArray(32, '\x08'), 0.10) != sample);
    CHECK(clerksOf(population, sample).size() == 3);

    // A clerk with one record among many is still checked.
    QList<SpotCandidate> lopsided = candidates(40, 1);
    lopsided.append({u"the-only-one"_s, u"new-clerk"_s});
    for (int s = 0; s < 20; ++s)
        CHECK(drawSample(lopsided, QByteArray(32, char(s)), 0.10).contains(u"the-only-one"_s));
    CHECK(drawSample({}, seed, 0.10).isEmpty());
    CHECK(drawSample(candidates(5, 1), seed, 1.0).size() == 5);
    // In the population's order, whatever the ranking.
    QStringList ordered = sample;
    std::sort(ordered.begin(), ordered.end(),
              [](const QString& a, const QString& b) { return a.mid(5).toInt() < b.mid(5).toInt(); });
    CHECK(ordered == sample);
}

TEST_CASE("Spot check: drawn once the hall has closed, by a manager, once, the audit holds the seed that gives it",
          "[review]")
{
    Outlet outlet;
    auto boss = outlet.login(u"boss"_s);
    auto clerk = outlet.login(u"clerk1"_s);
    const ComplianceSettings settings;

    // A clerk is refused; nothing drawn.
    auto refused = outlet::openSpotCheck(boss->store(), clerk->account(), outlet.yesterday, settings);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == Error::Code::PolicyRefused);
    // Today at 18:00 the hall is open until 21:00: too early.
    auto early = outlet::openSpotCheck(boss->store(), boss->account(), outlet.today, settings);
    REQUIRE_FALSE(early.has_value());
    CHECK(early.error().reason() == Reason::SpotCheckTooEarly);
    CHECK(early.error().cause.subject == u"21:00"_s);
    CHECK_FALSE(SpotCheckRepository(boss->store()).load(outlet.today).value().has_value());
    CHECK(outlet.auditCount(audit::SpotCheckDrawn.toString()) == 0);

    // After closing: 29 records (one of the 30 was voided), 10% and both clerks.
    outlet.clock.advanceSeconds(3 * 3600);
    auto check = outlet::openSpotCheck(boss->store(), boss->account(), outlet.today, settings);
    REQUIRE(check.has_value());
    CHECK(check->population == 29);
    CHECK(check->drawnBy == u"boss"_s);
    CHECK(check->seed.size() == 32);
    CHECK(check->items.size() >= 3);
    QSet<QString> clerks;
    QStringList uuids;
    for (const SpotCheckItem& item : std::as_const(check->items)) {
        clerks.insert(item.clerk);
        uuids.append(item.uuid);
        CHECK(item.verdict == SpotVerdict::Unchecked);
    }
    CHECK(clerks == QSet<QString>{u"clerk1"_s, u"clerk2"_s});
    // The auditor's recomputation: the day's population and the audited seed give the same sample.
    auto entries = boss->store().audit().entries(1, 1000000).value();
    const auto drawn = std::find_if(entries.cbegin(), entries.cend(),
                                    [](const store::AuditEntry& e) { return e.action == audit::SpotCheckDrawn; });
    REQUIRE(drawn != entries.cend());
    CHECK(drawn->actor == u"boss"_s);
    const QString seedHex = drawn->detail.section(u"seed "_s, 1);
    auto population = SpotCheckRepository(boss->store()).population(outlet.today);
    REQUIRE(population.has_value());
    CHECK(drawSample(*population, QByteArray::fromHex(seedHex.toLatin1()), 0.10) == uuids);

    // Opened again (another day, another manager), the same sample; a second draw is refused.
    auto again = outlet::openSpotCheck(outlet.store(), outlet.admin->account(), outlet.today, settings);
    REQUIRE(again.has_value());
    CHECK(again->seed == check->seed);
    CHECK(outlet.auditCount(audit::SpotCheckDrawn.toString()) == 1);
    auto redraw = SpotCheckRepository(boss->store()).draw(outlet.today, 0.5, u"boss"_s);
    REQUIRE_FALSE(redraw.has_value());
    CHECK(redraw.error().code == Error::Code::PolicyRefused);
    CHECK(SpotCheckRepository(boss->store()).load(outlet.today).value()->seed == check->seed);

    // Yesterday: five records of clerk2 only, so one.
    auto yesterday = outlet::openSpotCheck(boss->store(), boss->account(), outlet.yesterday, settings);
    REQUIRE(yesterday.has_value());
    CHECK(yesterday->population == 5);
    CHECK(yesterday->items.size() == 1);
}

TEST_CASE("Spot check marks: OK, or a problem with a note, only sampled records, audited without the note", "[review]")
{
    Outlet outlet;
    outlet.clock.advanceSeconds(3 * 3600);
    auto boss = outlet.login(u"boss"_s);
    auto check = outlet::openSpotCheck(boss->store(), boss->account(), outlet.today, {});
    REQUIRE(check.has_value());
    REQUIRE(check->items.size() >= 2);
    const QString first = check->items[0].uuid;
    const QString second = check->items[1].uuid;
    store::OutletStore& store = boss->store();

    CHECK_FALSE(outlet::markSpotCheck(store, boss->account(), outlet.today, first, SpotVerdict::Problem, u"  "_s));
    REQUIRE(outlet::markSpotCheck(store, boss->account(), outlet.today, first, SpotVerdict::Ok, {}));
    const QString note = u"签名与证件姓名𠮷不符"_s;
    REQUIRE(outlet::markSpotCheck(store, boss->account(), outlet.today, second, SpotVerdict::Problem, note));
    auto notSampled =
        outlet::markSpotCheck(store, boss->account(), outlet.today, outlet.rejectedUuid, SpotVerdict::Ok, {});
    REQUIRE_FALSE(notSampled.has_value());
    CHECK(notSampled.error().code == Error::Code::NotFound);
    auto clerk = outlet.login(u"clerk1"_s);
    CHECK_FALSE(outlet::markSpotCheck(store, clerk->account(), outlet.today, first, SpotVerdict::Ok, {}));

    auto marked = SpotCheckRepository(store).load(outlet.today).value();
    REQUIRE(marked.has_value());
    CHECK(marked->checked() == 2);
    CHECK(marked->problems() == 1);
    const auto item = std::find_if(marked->items.cbegin(), marked->items.cend(),
                                   [&](const SpotCheckItem& i) { return i.uuid == second; });
    REQUIRE(item != marked->items.cend());
    CHECK(item->note == note); // exactly, outside the BMP too
    CHECK(item->checkedBy == u"boss"_s);
    CHECK(outlet.auditCount(audit::SpotCheckMarked.toString()) == 2);
    const QList<store::AuditEntry> entries = store.audit().entries(1, 1000000).value();
    for (const store::AuditEntry& e : entries)
        CHECK_FALSE(e.detail.contains(u"签名"_s));
    CHECK(store.audit().verify().value().intact);
}

TEST_CASE("Compliance settings: HQ's item over the defaults, anything out of range refuses it whole", "[review]")
{
    const auto parse = [](const QByteArray& json) {
        return ComplianceSettings::fromJson(QJsonDocument::fromJson(json).object());
    };
    auto defaults = parse("{}");
    REQUIRE(defaults.has_value());
    CHECK(defaults->spotCheckShare == 0.10);
    CHECK(defaults->closesAt == QTime(21, 0));
    auto pushed = parse(R"({"spot_check_share":0.25,"opening_hours":{"open":"09:00","close":"18:30"},)"
                        R"("alerts":{"same_identity_numbers":3,"clerk_volume_factor":2.5}})");
    REQUIRE(pushed.has_value());
    CHECK(pushed->spotCheckShare == 0.25);
    CHECK(pushed->opensAt == QTime(9, 0));
    CHECK(pushed->closesAt == QTime(18, 30));
    CHECK(pushed->sameIdentityNumbers == 3);
    CHECK(pushed->sameIdentityHours == 24);
    CHECK(pushed->clerkVolumeFactor == 2.5);
    for (const QByteArray& nonsense :
         {R"({"spot_check_share":0})"_ba, R"({"spot_check_share":1.5})"_ba, R"({"spot_check_share":"10%"})"_ba,
          R"({"spot_check":0.1})"_ba, R"({"opening_hours":{"open":"21:00","close":"08:00"}})"_ba,
          R"({"opening_hours":{"open":"8h"}})"_ba, R"({"opening_hours":"08:00-21:00"})"_ba,
          R"({"alerts":{"same_identity_numbers":1}})"_ba, R"({"alerts":{"same_identity_numbers":2.5}})"_ba,
          R"({"alerts":{"face_approvals_per_manager":0}})"_ba, R"({"alerts":{"volume":3}})"_ba}) {
        INFO(nonsense.toStdString());
        CHECK_FALSE(parse(nonsense).has_value());
    }
}

TEST_CASE("Compliance settings from HQ's feed set the spot check's share and closing time, nonsense, the defaults",
          "[review]")
{
    Outlet outlet;
    auto boss = outlet.login(u"boss"_s);
    store::OutletStore& store = boss->store();
    const auto put = [&](const QByteArray& json) {
        outlet.putCompliance(json);
    };
    put(R"({"spot_check_share":0.5,"opening_hours":{"open":"09:00","close":"17:00"}})");
    const ComplianceSettings settings = outlet::hqComplianceSettings(store);
    CHECK(settings.spotCheckShare == 0.5);
    // 18:00 is after HQ's closing time: drawn, half of the day.
    auto check = outlet::openSpotCheck(store, boss->account(), outlet.today, settings);
    REQUIRE(check.has_value());
    CHECK(check->share == 0.5);
    CHECK(check->items.size() >= 15);
    put(R"({"spot_check_share":5})");
    CHECK(outlet::hqComplianceSettings(store).spotCheckShare == 0.10);
    put("not json");
    CHECK(outlet::hqComplianceSettings(store).closesAt == QTime(21, 0));
}

TEST_CASE("shimingctl review spotcheck: a manager draws, marks and prints the day's sample, a clerk is refused",
          "[review]")
{
    Outlet outlet;
    const QString path = outlet.path;
    outlet.admin.reset(); // the command opens the database itself
    const auto run = [](const QStringList& args) {
        return runReviewCommand(QStringList{u"spotcheck"_s} + args);
    };
    const QStringList day{u"--db"_s, path, u"--date"_s, outlet.yesterday.toString(Qt::ISODate)};
    const auto [refused, nothing] = run(day + QStringList{u"--user"_s, u"clerk1"_s});
    CHECK(refused != 0);
    CHECK(nothing.isEmpty());

    const auto [status, json] = run(day + QStringList{u"--user"_s, u"boss"_s, u"--json"_s});
    REQUIRE(status == 0);
    const QJsonObject drawn = QJsonDocument::fromJson(json).object();
    CHECK(drawn.value(u"population"_s).toInt() == 5);
    CHECK(drawn.value(u"sampled"_s).toInt() == 1);
    CHECK(drawn.value(u"drawn_by"_s).toString() == u"boss"_s);
    const QString uuid = drawn.value(u"items"_s).toArray().at(0).toObject().value(u"uuid"_s).toString();
    REQUIRE_FALSE(uuid.isEmpty());

    const auto [marked, after] = run(day + QStringList{u"--user"_s, u"boss"_s, u"--json"_s, u"--mark"_s, uuid,
                                                       u"--verdict"_s, u"problem"_s, u"--note"_s, u"照片模糊"_s});
    REQUIRE(marked == 0);
    const QJsonObject markedJson = QJsonDocument::fromJson(after).object();
    CHECK(markedJson.value(u"seed"_s) == drawn.value(u"seed"_s)); // the same draw
    CHECK(markedJson.value(u"problems"_s).toInt() == 1);
    CHECK(markedJson.value(u"items"_s).toArray().at(0).toObject().value(u"note"_s).toString() == u"照片模糊"_s);
    // A problem without a note, and a verdict that is not one, are refused.
    CHECK(run(day + QStringList{u"--user"_s, u"boss"_s, u"--mark"_s, uuid, u"--verdict"_s, u"problem"_s}).first != 0);
    CHECK(run(day + QStringList{u"--user"_s, u"boss"_s, u"--mark"_s, uuid, u"--verdict"_s, u"fine"_s}).first != 0);
}

TEST_CASE("Daily report: the spot check's sample, checked and problems, and 'not drawn' before", "[review]")
{
    Outlet outlet;
    auto before = DailyReport::build(outlet.store(), outlet.today);
    REQUIRE(before.has_value());
    CHECK_FALSE(before->spotCheckDrawn);
    CHECK(QJsonDocument::fromJson(before->toJson()).object().value(u"spot_check"_s).toObject().value(u"drawn"_s) ==
          false);

    outlet.clock.advanceSeconds(3 * 3600);
    auto check = outlet::openSpotCheck(outlet.store(), outlet.admin->account(), outlet.today, {});
    REQUIRE(check.has_value());
    REQUIRE(outlet::markSpotCheck(outlet.store(), outlet.admin->account(), outlet.today, check->items[0].uuid,
                                  SpotVerdict::Problem, u"no signature"_s));
    auto after = DailyReport::build(outlet.store(), outlet.today);
    REQUIRE(after.has_value());
    CHECK(after->spotCheckDrawn);
    CHECK(after->spotSampled == check->items.size());
    CHECK(after->spotChecked == 1);
    CHECK(after->spotProblems == 1);
    const QJsonObject spot = QJsonDocument::fromJson(after->toJson()).object().value(u"spot_check"_s).toObject();
    CHECK(spot.value(u"problems"_s).toInt() == 1);
    CHECK(after->toCsv().contains("spot_check_problems,1"));
}
