#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace shiming::report {

/// One line of a breakdown (per clerk, package, customer type, transaction, band or counter).
struct ReportLine {
    QString key;
    qint64 registrations = 0; ///< not voided
    qint64 voided = 0;
    qint64 passed = 0;         ///< face band pass
    qint64 compared = 0;       ///< face compared (any band but not_compared)
    qint64 hqAccepted = 0;     ///< not voided, and accepted by HQ
    qint64 hqRejected = 0;     ///< not voided, and refused by HQ
    double averageSeconds = 0; ///< per clerk: mean time between consecutive registrations (see docs/manager.md)

    double passRate() const { return compared > 0 ? double(passed) / double(compared) : 0.0; }
};

/// A gap between two registrations of one clerk longer than this is a break, not work (docs/manager.md).
inline constexpr int kBreakGapSeconds = 30 * 60;

/// HQ's answer to a registration, as the report counts it.
enum class HqAnswer { None, Accepted, Rejected };

/// One registration of the day as the daily report counts it: the outlet fills it from its database, HQ from
/// its ledger.
struct DayEntry {
    QString clerk;
    QString package; ///< the key of its line ("-" for none)
    QString customerType;
    QString transaction; ///< registration::transactionKey ("new", "transfer", ...)
    QString band;        ///< pass, manual_review, fail or not_compared
    QString counter;     ///< the hall's report: the counter's outlet id (its line in perCounter); else empty
    bool voided = false;
    HqAnswer hq = HqAnswer::None;
    bool pendingReview = false; ///< manual-review band, not decided by a manager, not refused by HQ
    bool unsynced = false;      ///< not yet answered by HQ
    qint64 registeredAtMs = 0;  ///< the clerk's working time: gaps between a clerk's registrations
    int hour = -1;              ///< local hour (0-23) of the registration; -1: unknown
};

/// The figures of one day: totals (voided records counted apart and left out of every other figure) and the
/// breakdowns.
struct DayFigures {
    qint64 registrations = 0; ///< not voided
    qint64 voided = 0;
    qint64 unsynced = 0; ///< not voided and not yet answered by HQ
    qint64 hqAccepted = 0;
    qint64 hqRejected = 0;
    qint64 pendingReview = 0; ///< manual-review band not decided by a manager
    qint64 passed = 0;
    qint64 compared = 0;
    double averageSeconds = 0; ///< mean over clerks' gaps (see docs/manager.md)
    QList<ReportLine> perClerk;
    QList<ReportLine> perPackage;
    QList<ReportLine> perCustomerType;
    QList<ReportLine> perTransaction; ///< by registration::transactionKey ("new", "transfer", ...)
    QList<ReportLine> perBand;        ///< pass, manual_review, fail, not_compared (always all four, in that order)
    QList<ReportLine> perCounter;     ///< the hall's report: one line per counter (key: its outlet id)
    QList<int> perHour = QList<int>(24, 0); ///< registrations by local hour

    double passRate() const { return compared > 0 ? double(passed) / double(compared) : 0.0; }
};

/// Counts a day's registrations, added in the order they were registered (a clerk's working time is the gap
/// since their previous registration). Per clerk, package, customer type and transaction the lines come most
/// registrations first (ties in key order); the four bands always, in their order; counters in key order.
class DayTally {
public:
    DayTally();
    /// A counter's line even when it registered nothing that day.
    void addCounter(const QString& outletId);
    void add(const DayEntry& entry);
    DayFigures figures() const;

private:
    struct Work {
        double seconds = 0;
        qint64 gaps = 0;
    };
    DayFigures m_totals;
    QMap<QString, ReportLine> m_clerks, m_packages, m_types, m_transactions, m_bands, m_counters;
    QHash<QString, qint64> m_lastByClerk;
    QMap<QString, Work> m_work;
};

/// A breakdown as JSON: key, registrations, voided, face_passed, face_compared, pass_rate (and with
/// `withTime` average_seconds).
QJsonArray linesJson(const QList<ReportLine>& lines, bool withTime);

/// The figures' part of the report's JSON (GET /v1/hall/report and the outlet's export): registrations, voided,
/// unsynced, hq_accepted, hq_rejected, pending_review, face_passed, face_compared, pass_rate,
/// average_seconds_per_registration, per_clerk, per_package, per_customer_type, per_transaction, per_band,
/// per_hour. The caller adds who, when and the spot check.
QJsonObject figuresJson(const DayFigures& figures);

} // namespace shiming::report
