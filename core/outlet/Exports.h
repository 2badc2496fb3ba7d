#pragma once

#include "core/auth/Account.h"
#include "core/common/Error.h"

#include <QByteArray>
#include <QDate>
#include <QString>

#include <functional>

namespace shiming::review {
struct DailyReport;
}
namespace shiming::store {
class OutletStore;
}

namespace shiming::outlet {

/// The day's registrations as CSV (one line per record): any signed-in account may export them masked (the
/// customer's surname only, document and mobile numbers but for their ends: review::maskName,
/// maskDocumentNumber, review::maskPhoneNumber); only a manager or an admin unmasked. Audited before the data
/// leaves: one record_exported entry for the export, and for an unmasked one an entry per record it disclosed,
/// all in one transaction.
struct RecordsExport {
    QByteArray csv;
    qsizetype records = 0;
};
Result<RecordsExport> exportDayRecords(store::OutletStore& store, const auth::Account& account, QDate day,
                                       bool unmasked);

enum class ReportFormat { Csv, Json, Pdf, Print };

/// Draws the daily report as PDF. The screens supply it (Qt Gui); core has none.
using PdfRenderer = std::function<Result<QByteArray>(const review::DailyReport& report)>;

/// The daily report leaving the outlet as a file or on paper: only a manager or an admin; audited
/// (report_exported: which day, which format, and `channel` such as "command line" when not empty) before the
/// bytes are made. Csv carries one masked line per record; Print returns no bytes (the caller prints).
Result<QByteArray> exportDailyReport(store::OutletStore& store, const auth::Account& account,
                                     const review::DailyReport& report, ReportFormat format,
                                     const PdfRenderer& renderPdf = {}, const QString& channel = {});

/// The one way an export (CSV, PDF, JSON, the registration form) reaches a file: writePrivateFile, i.e. mode 0600
/// from the file's first instant, whole or not at all (a temporary file in the same folder, flushed, renamed over
/// `path`; an older file is replaced, never rewritten in place). A full disk is a StorageFailure with
/// Reason::DiskFull; other failures a StorageFailure naming the file.
Result<void> writeExportFile(const QString& path, const QByteArray& bytes);

} // namespace shiming::outlet
