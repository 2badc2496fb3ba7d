// core/report's DayTally: the counting rules the outlet's daily report and HQ's hall report share.
#include "core/report/DayFigures.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using namespace shiming::report;

namespace {

constexpr qint64 kNine = 1'764'579'600'000; // an epoch millisecond; only the gaps between entries matter

DayEntry entry(const QString& clerk, qint64 atMs, const QString& band = u"pass"_s)
{
    DayEntry e;
    e.clerk = clerk;
    e.package = u"P1"_s;
    e.customerType = u"individual"_s;
    e.transaction = u"new"_s;
    e.band = band;
    e.hq = HqAnswer::Accepted;
    e.registeredAtMs = atMs;
    e.hour = 9;
    return e;
}

const ReportLine* lineOf(const QList<ReportLine>& lines, const QString& key)
{
    for (const ReportLine& line : lines)
        if (line.key == key)
            return &line;
    return nullptr;
}

} // namespace

TEST_CASE("DayTally: voided apart, bands in order, a clerk's gaps without breaks", "[review][report]")
{
    DayTally tally;
    tally.add(entry(u"a"_s, kNine));
    tally.add(entry(u"a"_s, kNine + 120'000, u"manual_review"_s)); // 120 s after the first
    DayEntry voided = entry(u"a"_s, kNine + 150'000, u"fail"_s);
    voided.voided = true; // counted apart, no gap, no hour
    tally.add(voided);
    tally.add(entry(u"a"_s, kNine + 300'000, u"not_compared"_s));                // 180 s after the second
    tally.add(entry(u"a"_s, kNine + 300'000 + (kBreakGapSeconds + 1) * 1000LL)); // after a break: no gap
    DayEntry late = entry(u"b"_s, kNine, u"pass"_s);
    late.hq = HqAnswer::Rejected;
    late.hour = -1; // unknown hour: in no hour's count
    tally.add(late);
    DayEntry pending = entry(u"b"_s, kNine + 60'000, u"manual_review"_s);
    pending.hq = HqAnswer::None;
    pending.pendingReview = true;
    pending.unsynced = true;
    tally.add(pending);

    const DayFigures f = tally.figures();
    CHECK(f.registrations == 6);
    CHECK(f.voided == 1);
    CHECK(f.hqAccepted == 4);
    CHECK(f.hqRejected == 1);
    CHECK(f.unsynced == 1);
    CHECK(f.pendingReview == 1);
    CHECK(f.compared == 5); // all but not_compared
    CHECK(f.passed == 3);
    CHECK(f.perHour[9] == 5);
    CHECK(f.perHour.size() == 24);
    // Clerk a: gaps 120 and 180 s (the voided one and the break left out); b: one gap of 60 s.
    CHECK(lineOf(f.perClerk, u"a"_s)->averageSeconds == Approx(150.0));
    CHECK(lineOf(f.perClerk, u"b"_s)->averageSeconds == Approx(60.0));
    CHECK(f.averageSeconds == Approx((120.0 + 180.0 + 60.0) / 3));
    CHECK(f.perClerk.first().key == u"a"_s); // most registrations first
    CHECK(lineOf(f.perClerk, u"a"_s)->voided == 1);
    REQUIRE(f.perBand.size() == 4);
    CHECK(f.perBand[0].key == u"pass"_s);
    CHECK(f.perBand[1].key == u"manual_review"_s);
    CHECK(f.perBand[2].key == u"fail"_s);
    CHECK(f.perBand[3].key == u"not_compared"_s);
    CHECK(f.perBand[2].registrations == 0); // the voided fail is only voided
    CHECK(f.perBand[2].voided == 1);
    CHECK(f.perCounter.isEmpty()); // a counter's own report has no counters
}

TEST_CASE("DayTally: the hall's counters, with none registered too, and ties in key order", "[review][report]")
{
    DayTally tally;
    tally.addCounter(u"H1-3"_s); // registered nothing today
    DayEntry one = entry(u"z"_s, kNine);
    one.counter = u"H1-2"_s;
    DayEntry two = entry(u"y"_s, kNine);
    two.counter = u"H1-1"_s;
    two.hq = HqAnswer::Rejected;
    tally.add(one);
    tally.add(two);
    const DayFigures f = tally.figures();
    REQUIRE(f.perCounter.size() == 3);
    CHECK(f.perCounter[0].key == u"H1-1"_s);
    CHECK(f.perCounter[0].hqRejected == 1);
    CHECK(f.perCounter[1].key == u"H1-2"_s);
    CHECK(f.perCounter[1].hqAccepted == 1);
    CHECK(f.perCounter[2].registrations == 0);
    CHECK(f.perClerk[0].key == u"y"_s); // one each: key order
    const QJsonObject json = figuresJson(f);
    CHECK(json.value(u"registrations"_s).toInteger() == 2);
    CHECK(json.value(u"per_band"_s).toArray().size() == 4);
    CHECK(json.value(u"per_clerk"_s).toArray()[0].toObject().contains(u"average_seconds"_s));
    CHECK_FALSE(json.value(u"per_package"_s).toArray()[0].toObject().contains(u"average_seconds"_s));
    CHECK(json.value(u"per_hour"_s).toArray().size() == 24);
}
