#pragma once

#include "core/common/Error.h"
#include "core/report/DayFigures.h"
#include "core/store/OutletStore.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace shiming::review {

using ReportLine = report::ReportLine;

/// The store manager's daily report: what the outlet registered on one local day (its figures: DayFigures,
/// counted by report::DayTally as HQ counts a hall's). Voided records are counted apart and left out of every
/// other figure.
struct DailyReport : report::DayFigures {
    /// "counter": this outlet's own database (build); "hall": the whole hall as HQ computed it (fromJson), with
    /// `outletId` the hall and `perCounter` its counters.
    bool hall = false;
    QString outletId;
    QDate date;
    QDateTime generatedAt;
    /// The day's spot check (core/review/SpotCheck): whether it was drawn, its sample, how many are marked and
    /// how many of those are problems.
    bool spotCheckDrawn = false;
    qint64 spotSampled = 0;
    qint64 spotChecked = 0;
    qint64 spotProblems = 0;

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

/// One CSV cell, quoted when needed and with formulas defused.
QString csvCell(QString value);

} // namespace shiming::review
