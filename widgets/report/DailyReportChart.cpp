#include "widgets/report/DailyReportChart.h"

#include <QCoreApplication>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace shiming::report {

DailyReportChart::DailyReportChart(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(u"dailyReportChart"_s);
    setMinimumHeight(200);
}

void DailyReportChart::setReport(const review::DailyReport& report)
{
    m_report = report;
    m_hasReport = true;
    update();
}

void DailyReportChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (m_hasReport)
        paint(painter, QRectF(rect()).adjusted(8, 8, -8, -8), m_report);
}

std::pair<int, int> DailyReportChart::hourRange(const QList<int>& perHour)
{
    int first = 8;
    int last = 21;
    for (int h = 0; h < qMin(24, int(perHour.size())); ++h) {
        if (perHour.at(h) > 0) {
            first = qMin(first, h);
            last = qMax(last, h);
        }
    }
    return {first, last};
}

void DailyReportChart::paint(QPainter& painter, const QRectF& area, const review::DailyReport& report)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal unit = area.height() / 40.0; // text and gaps scale with the area (screen or paper)
    QFont font = painter.font();
    font.setPixelSize(qMax(8, int(unit * 1.6)));
    painter.setFont(font);
    const QColor ink(0x30, 0x30, 0x30);

    // Left two thirds: registrations per hour.
    const QRectF hours(area.left(), area.top() + unit * 3, area.width() * 0.66, area.height() - unit * 6);
    painter.setPen(ink);
    painter.drawText(QRectF(area.left(), area.top(), hours.width(), unit * 2.5), Qt::AlignLeft | Qt::AlignVCenter,
                     QCoreApplication::translate("DailyReportChart", "Registrations per hour"));
    int peak = 1;
    for (int n : report.perHour)
        peak = qMax(peak, n);
    const auto [first, last] = hourRange(report.perHour);
    const int slotCount = last - first + 1;
    const qreal slot = hours.width() / slotCount;
    for (int i = 0; i < slotCount; ++i) {
        const int hour = first + i;
        const int n = report.perHour.value(hour);
        // Headroom for the count above the tallest bar, so it never runs into the title.
        const qreal height = (hours.height() - unit * 2.5 - unit * 2.3) * n / peak;
        const QRectF bar(hours.left() + i * slot + slot * 0.15, hours.bottom() - unit * 2.5 - height, slot * 0.7,
                         height);
        painter.fillRect(bar, QColor(0x2f, 0x6f, 0xb3));
        painter.setPen(ink);
        painter.drawText(QRectF(hours.left() + i * slot, hours.bottom() - unit * 2.3, slot, unit * 2.3),
                         Qt::AlignCenter, QString::number(hour));
        if (n > 0)
            painter.drawText(QRectF(bar.left() - slot * 0.15, bar.top() - unit * 2.2, slot, unit * 2.1),
                             Qt::AlignCenter, QString::number(n));
    }
    painter.drawLine(QPointF(hours.left(), hours.bottom() - unit * 2.5),
                     QPointF(hours.right(), hours.bottom() - unit * 2.5));

    // Right third: face bands as one stacked bar with a legend.
    const QRectF bands(area.left() + area.width() * 0.72, area.top() + unit * 3, area.width() * 0.28,
                       area.height() - unit * 6);
    painter.drawText(QRectF(bands.left(), area.top(), bands.width(), unit * 2.5), Qt::AlignLeft | Qt::AlignVCenter,
                     QCoreApplication::translate("DailyReportChart", "Face bands (pass rate %1%)")
                         .arg(report.passRate() * 100.0, 0, 'f', 1));
    const QList<QColor> colours{QColor(0x3a, 0x9a, 0x4a), QColor(0xe0, 0xa0, 0x20), QColor(0xc0, 0x30, 0x30),
                                QColor(0x90, 0x90, 0x90)};
    const QStringList names{QCoreApplication::translate("DailyReportChart", "Pass"),
                            QCoreApplication::translate("DailyReportChart", "Manual review"),
                            QCoreApplication::translate("DailyReportChart", "Fail"),
                            QCoreApplication::translate("DailyReportChart", "Not compared")};
    qint64 total = 0;
    for (const review::ReportLine& line : report.perBand)
        total += line.registrations;
    const QRectF stack(bands.left(), bands.top(), bands.width() * 0.25, bands.height());
    qreal y = stack.bottom();
    for (int i = 0; i < report.perBand.size() && i < colours.size(); ++i) {
        const qreal h = total > 0 ? stack.height() * report.perBand.at(i).registrations / total : 0.0;
        painter.fillRect(QRectF(stack.left(), y - h, stack.width(), h), colours.at(i));
        y -= h;
        const QRectF legend(stack.right() + unit, bands.top() + i * unit * 3, bands.width() - stack.width() - unit,
                            unit * 2.5);
        painter.fillRect(QRectF(legend.left(), legend.top() + unit * 0.5, unit * 1.5, unit * 1.5), colours.at(i));
        painter.drawText(legend.adjusted(unit * 2, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         u"%1 %2"_s.arg(names.at(i)).arg(report.perBand.at(i).registrations));
    }
    if (total == 0)
        painter.drawRect(stack);
    painter.restore();
}

} // namespace shiming::report
