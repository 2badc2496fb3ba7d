#include "core/report/DayFigures.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shiming::report {

namespace {

const QStringList& bandOrder()
{
    static const QStringList order{u"pass"_s, u"manual_review"_s, u"fail"_s, u"not_compared"_s};
    return order;
}

ReportLine& lineAt(QMap<QString, ReportLine>& lines, const QString& key)
{
    ReportLine& line = lines[key];
    line.key = key;
    return line;
}

/// One registration into a line or the totals (the same fields).
template <typename Figures>
void count(Figures& figures, const DayEntry& entry)
{
    if (entry.voided) {
        ++figures.voided;
        return;
    }
    ++figures.registrations;
    if (entry.band != u"not_compared"_s)
        ++figures.compared;
    if (entry.band == u"pass"_s)
        ++figures.passed;
    if (entry.hq == HqAnswer::Accepted)
        ++figures.hqAccepted;
    else if (entry.hq == HqAnswer::Rejected)
        ++figures.hqRejected;
}

QList<ReportLine> byRegistrations(const QMap<QString, ReportLine>& lines)
{
    QList<ReportLine> out = lines.values();
    std::stable_sort(out.begin(), out.end(),
                     [](const ReportLine& a, const ReportLine& b) { return a.registrations > b.registrations; });
    return out;
}

} // namespace

DayTally::DayTally()
{
    for (const QString& band : bandOrder())
        lineAt(m_bands, band);
}

void DayTally::addCounter(const QString& outletId)
{
    lineAt(m_counters, outletId);
}

void DayTally::add(const DayEntry& entry)
{
    count(lineAt(m_clerks, entry.clerk), entry);
    count(lineAt(m_packages, entry.package), entry);
    count(lineAt(m_types, entry.customerType), entry);
    count(lineAt(m_transactions, entry.transaction), entry);
    count(lineAt(m_bands, entry.band), entry);
    if (!entry.counter.isEmpty())
        count(lineAt(m_counters, entry.counter), entry);
    count(m_totals, entry);
    if (entry.voided)
        return;
    if (entry.pendingReview)
        ++m_totals.pendingReview;
    if (entry.unsynced)
        ++m_totals.unsynced;
    if (entry.hour >= 0 && entry.hour < 24)
        ++m_totals.perHour[entry.hour];
    // A clerk's working time per registration: the gap since their previous one, breaks left out.
    if (const auto previous = m_lastByClerk.constFind(entry.clerk); previous != m_lastByClerk.cend()) {
        const qint64 gap = (entry.registeredAtMs - *previous) / 1000;
        if (gap >= 0 && gap <= kBreakGapSeconds) {
            Work& work = m_work[entry.clerk];
            work.seconds += double(gap);
            ++work.gaps;
        }
    }
    m_lastByClerk.insert(entry.clerk, entry.registeredAtMs);
}

DayFigures DayTally::figures() const
{
    DayFigures out = m_totals;
    QMap<QString, ReportLine> clerks = m_clerks;
    double seconds = 0;
    qint64 gaps = 0;
    for (auto it = m_work.cbegin(); it != m_work.cend(); ++it) {
        clerks[it.key()].averageSeconds = it->gaps > 0 ? it->seconds / double(it->gaps) : 0.0;
        seconds += it->seconds;
        gaps += it->gaps;
    }
    out.averageSeconds = gaps > 0 ? seconds / double(gaps) : 0.0;
    out.perClerk = byRegistrations(clerks);
    out.perPackage = byRegistrations(m_packages);
    out.perCustomerType = byRegistrations(m_types);
    out.perTransaction = byRegistrations(m_transactions);
    out.perBand = m_bands.values();
    std::sort(out.perBand.begin(), out.perBand.end(), [](const ReportLine& a, const ReportLine& b) {
        return bandOrder().indexOf(a.key) < bandOrder().indexOf(b.key);
    });
    out.perCounter = m_counters.values();
    return out;
}

QJsonArray linesJson(const QList<ReportLine>& lines, bool withTime)
{
    QJsonArray array;
    for (const ReportLine& line : lines) {
        QJsonObject object{{u"key"_s, line.key},
                           {u"registrations"_s, line.registrations},
                           {u"voided"_s, line.voided},
                           {u"face_passed"_s, line.passed},
                           {u"face_compared"_s, line.compared},
                           {u"pass_rate"_s, line.passRate()}};
        if (withTime)
            object.insert(u"average_seconds"_s, line.averageSeconds);
        array.append(object);
    }
    return array;
}

QJsonObject figuresJson(const DayFigures& f)
{
    QJsonArray hours;
    for (int n : f.perHour)
        hours.append(n);
    return {{u"registrations"_s, f.registrations},
            {u"voided"_s, f.voided},
            {u"unsynced"_s, f.unsynced},
            {u"hq_accepted"_s, f.hqAccepted},
            {u"hq_rejected"_s, f.hqRejected},
            {u"pending_review"_s, f.pendingReview},
            {u"face_passed"_s, f.passed},
            {u"face_compared"_s, f.compared},
            {u"pass_rate"_s, f.passRate()},
            {u"average_seconds_per_registration"_s, f.averageSeconds},
            {u"per_clerk"_s, linesJson(f.perClerk, true)},
            {u"per_package"_s, linesJson(f.perPackage, false)},
            {u"per_customer_type"_s, linesJson(f.perCustomerType, false)},
            {u"per_transaction"_s, linesJson(f.perTransaction, false)},
            {u"per_band"_s, linesJson(f.perBand, false)},
            {u"per_hour"_s, hours}};
}

} // namespace shiming::report
