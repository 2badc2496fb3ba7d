#include "widgets/report/DailyReportDocument.h"

#include "core/outlet/Exports.h"
#include "widgets/report/DailyReportChart.h"
#include "widgets/review/ReviewText.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>

using namespace Qt::StringLiterals;

namespace shiming::report {

namespace {

QString customerTypeName(const QString& key)
{
    if (auto type = registration::parseCustomerType(key))
        return review::ReviewText::customerType(*type);
    return key;
}

QString transactionName(const QString& key)
{
    if (auto transaction = registration::parseTransaction(key))
        return review::ReviewText::transaction(*transaction);
    return key;
}

QString bandName(const QString& key)
{
    if (auto band = registration::parseFaceBand(key))
        return review::ReviewText::band(*band);
    return key;
}

/// Draws text lines and tables top to bottom, starting a new page when the next item does not fit.
class PageWriter {
public:
    PageWriter(QPainter& painter, QPagedPaintDevice& device)
        : m_painter(painter)
        , m_device(device)
    {
        m_page = QRectF(0, 0, device.width(), device.height());
        m_line = m_page.height() / 52.0;
        m_y = 0;
    }

    qreal line() const { return m_line; }
    QRectF page() const { return m_page; }

    void ensure(qreal height)
    {
        if (m_y + height > m_page.height()) {
            m_device.newPage();
            m_y = 0;
        }
    }

    void text(const QString& text, qreal sizeFactor = 1.0, bool bold = false)
    {
        ensure(m_line * sizeFactor * 1.3);
        QFont font = m_painter.font();
        font.setPixelSize(int(m_line * 0.62 * sizeFactor));
        font.setBold(bold);
        m_painter.setFont(font);
        m_painter.drawText(QRectF(0, m_y, m_page.width(), m_line * sizeFactor * 1.3), Qt::AlignLeft | Qt::AlignVCenter,
                           text);
        m_y += m_line * sizeFactor * 1.3;
    }

    void table(const QStringList& header, const QList<QStringList>& rows)
    {
        const qreal columnWidth = m_page.width() / header.size();
        auto drawRow = [&](const QStringList& cells, bool bold) {
            ensure(m_line);
            QFont font = m_painter.font();
            font.setPixelSize(int(m_line * 0.55));
            font.setBold(bold);
            m_painter.setFont(font);
            for (int i = 0; i < cells.size(); ++i)
                m_painter.drawText(QRectF(i * columnWidth, m_y, columnWidth - m_line * 0.3, m_line),
                                   (i == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter, cells.at(i));
            m_y += m_line;
        };
        drawRow(header, true);
        m_painter.drawLine(QPointF(0, m_y), QPointF(m_page.width(), m_y));
        for (const QStringList& row : rows)
            drawRow(row, false);
        m_y += m_line * 0.5;
    }

    void chart(const review::DailyReport& report)
    {
        const qreal height = m_line * 14;
        ensure(height);
        DailyReportChart::paint(m_painter, QRectF(0, m_y, m_page.width(), height), report);
        m_y += height + m_line * 0.5;
    }

private:
    QPainter& m_painter;
    QPagedPaintDevice& m_device;
    QRectF m_page;
    qreal m_line = 10;
    qreal m_y = 0;
};

QList<QStringList> lineRows(const QList<review::ReportLine>& lines, const std::function<QString(const QString&)>& name,
                            bool withTime)
{
    QList<QStringList> rows;
    for (const review::ReportLine& line : lines) {
        QStringList row{name(line.key), QString::number(line.registrations), QString::number(line.voided),
                        u"%1%"_s.arg(line.passRate() * 100.0, 0, 'f', 1)};
        if (withTime)
            row.append(line.averageSeconds > 0 ? u"%1 s"_s.arg(line.averageSeconds, 0, 'f', 0) : u"–"_s);
        rows.append(row);
    }
    return rows;
}

} // namespace

void DailyReportDocument::render(QPainter& painter, QPagedPaintDevice& device, const review::DailyReport& report)
{
    PageWriter page(painter, device);
    painter.setPen(Qt::black);
    page.text((report.hall ? tr("Daily report — hall %1 — %2") : tr("Daily report — outlet %1 — %2"))
                  .arg(report.outletId, report.date.toString(Qt::ISODate)),
              1.6, true);
    page.text(tr("Generated %1").arg(report.generatedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s)), 0.9);
    page.text(tr("Registrations: %1   Voided: %2   Not yet synced: %3")
                  .arg(report.registrations)
                  .arg(report.voided)
                  .arg(report.unsynced));
    page.text(tr("Accepted by HQ: %1   Rejected by HQ: %2   Waiting for manual review: %3")
                  .arg(report.hqAccepted)
                  .arg(report.hqRejected)
                  .arg(report.pendingReview));
    page.text(tr("Face comparison pass rate: %1% (%2 of %3)   Average time per registration: %4 s")
                  .arg(report.passRate() * 100.0, 0, 'f', 1)
                  .arg(report.passed)
                  .arg(report.compared)
                  .arg(report.averageSeconds, 0, 'f', 0));
    page.text(report.spotCheckDrawn ? tr("Spot check: %1 sampled, %2 checked, %3 problems")
                                          .arg(report.spotSampled)
                                          .arg(report.spotChecked)
                                          .arg(report.spotProblems)
                                    : tr("Spot check: not drawn yet"));
    page.chart(report);
    const auto same = [](const QString& key) {
        return key;
    };
    const QStringList header{QString(), tr("Registrations"), tr("Voided"), tr("Pass rate")};
    page.text(tr("Per clerk"), 1.1, true);
    page.table(header + QStringList{tr("Avg. time")}, lineRows(report.perClerk, same, true));
    page.text(tr("Per package"), 1.1, true);
    page.table(header, lineRows(report.perPackage, same, false));
    page.text(tr("Per customer type"), 1.1, true);
    page.table(header, lineRows(report.perCustomerType, customerTypeName, false));
    if (report.hall) {
        page.text(tr("Per counter"), 1.1, true);
        page.table(header, lineRows(report.perCounter, same, false));
    }
    page.text(tr("Per transaction"), 1.1, true);
    page.table(header, lineRows(report.perTransaction, transactionName, false));
    page.text(tr("Face bands"), 1.1, true);
    page.table(header, lineRows(report.perBand, bandName, false));
}

Result<QByteArray> DailyReportDocument::pdfBytes(const review::DailyReport& report)
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return fail(Error::invalidInput(u"producing a PDF needs a QGuiApplication"_s));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(150);
        writer.setTitle(tr("Daily report %1").arg(report.date.toString(Qt::ISODate)));
        writer.setCreator(u"Shiming"_s);
        QPainter painter;
        if (!painter.begin(&writer))
            return fail(Error::storageFailure(u"cannot start the PDF"_s));
        render(painter, writer, report);
        painter.end();
    }
    return bytes;
}

Result<void> DailyReportDocument::writePdf(const review::DailyReport& report, const QString& path)
{
    auto bytes = pdfBytes(report);
    if (!bytes)
        return fail(bytes.error());
    return outlet::writeExportFile(path, *bytes);
}

Result<void> DailyReportDocument::print(const review::DailyReport& report, QPrinter& printer)
{
    QPainter painter;
    if (!painter.begin(&printer))
        return fail(Error::deviceFault(u"the printer cannot start a page"_s));
    render(painter, printer, report);
    painter.end();
    return {};
}

} // namespace shiming::report
