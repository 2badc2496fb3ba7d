#pragma once

#include "core/common/Error.h"
#include "core/store/OutletStore.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace shiming::review {

/// One line of a breakdown (per clerk, package, customer type or band).
struct ReportLine {
    QString key;
    qint64 registrations = 0; ///< not voided
    qint64 voided = 0;
    qint64 passed = 0;         ///< face band pass
    qint64 compared = 0;       ///< face compared (any band but not_compared)
    double averageSeconds = 0; ///< per clerk: mean time between consecutive registrations (see docs/manager.md)

    double passRate() const { return compared > 0 ? double(passed) / double(compared) : 0.0; }
};

/// The store manager's daily report: what the outlet registered on one local day. Voided records are counted
/// apart and left out of every other figure.
struct DailyReport {
    /// "counter": this outlet's own database (build); "hall": the whole hall as HQ computed it (fromJson), with
    /// `outletId` the hall and `perCounter` its counters.
    bool hall = false;
    QString outletId;
    QDate date;
    QDateTime generatedAt;
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
    QList<int> perHour;               ///< 24 counts (registrations by local hour)
    /// The day's spot check (core/review/SpotCheck): whether it was drawn, its sample, how many are marked and
    /// how many of those are problems.
    bool spotCheckDrawn = false;
    qint64 spotSampled = 0;
    qint64 spotChecked = 0;
    qint64 spotProblems = 0;

    double passRate() const { return compared > 0 ? double(passed) / double(compared) : 0.0; }

    /// Computes the report from the day's rows (one indexed pass over the day; nothing else is read).
    static Result<DailyReport> build(store::OutletStore& store, QDate date);

    /// The hall's report as HQ sends it (GET /v1/hall/report: the JSON of toJson() with the hall's totals and
    /// `per_counter`). Refused (InvalidInput) when a figure is missing or of the wrong type.
    static Result<DailyReport> fromJson(const QJsonObject& object);

    /// Machine form (UTF-8 JSON object); no personal data.
    QByteArray toJson() const;
    /// CSV: the figures, then (when `records` is set) one masked line per registration of the day (maskName,
    /// maskDocumentNumber, maskPhoneNumber: no full name, document number or mobile number).
    /// Spreadsheet formulas are defused (cells starting with = + - @ get a leading ').
    QByteArray toCsv(store::OutletStore* records = nullptr) const;
};

/// A gap between two registrations of one clerk longer than this is a break, not work (docs/manager.md).
inline constexpr int kBreakGapSeconds = 30 * 60;

/// One CSV cell, quoted when needed and with formulas defused.
QString csvCell(QString value);

} // namespace shiming::review
