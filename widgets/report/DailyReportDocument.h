#pragma once

#include "core/common/Error.h"
#include "core/review/DailyReport.h"

#include <QCoreApplication>

class QPagedPaintDevice;
class QPainter;
class QPrinter;

namespace shiming::report {

/// The daily report as a printed page (A4): title, figures, the chart and the breakdown tables. The same
/// drawing goes to a PDF (QPdfWriter) and to a printer. Aggregates only: no names or document numbers.
class DailyReportDocument {
    Q_DECLARE_TR_FUNCTIONS(DailyReportDocument)

public:
    /// Draws onto `device` (already begun by `painter`), adding pages as needed.
    static void render(QPainter& painter, QPagedPaintDevice& device, const review::DailyReport& report);
    /// Writes a PDF file (outlet::writeExportFile: mode 0600, whole or not at all). Needs a QGuiApplication (the
    /// offscreen platform is enough). Not audited: exports go through outlet::exportDailyReport.
    static Result<void> writePdf(const review::DailyReport& report, const QString& path);
    /// The PDF bytes (for tests and the command line).
    static Result<QByteArray> pdfBytes(const review::DailyReport& report);
    static Result<void> print(const review::DailyReport& report, QPrinter& printer);
};

} // namespace shiming::report
