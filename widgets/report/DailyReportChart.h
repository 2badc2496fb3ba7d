#pragma once

#include "core/review/DailyReport.h"

#include <QWidget>

#include <utility>

class QPainter;

namespace shiming::report {

/// The daily report's chart, drawn with QPainter so the same drawing serves the screen, the PDF and the
/// printer: registrations per hour (bars) and the face bands (a stacked bar with the pass rate).
class DailyReportChart : public QWidget {
    Q_OBJECT
public:
    explicit DailyReportChart(QWidget* parent = nullptr);

    void setReport(const review::DailyReport& report);

    /// Draws the chart of `report` into `area` (device units); text scales with the area (screen or paper).
    static void paint(QPainter& painter, const QRectF& area, const review::DailyReport& report);

    QSize sizeHint() const override { return {640, 260}; }

    /// The hours the bars show, first and last inclusive: 08–21 (a hall's usual day) widened to every hour that
    /// has a registration, so a record at 23:xx or 00:xx has its own bar instead of joining another hour's.
    static std::pair<int, int> hourRange(const QList<int>& perHour);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    review::DailyReport m_report;
    bool m_hasReport = false;
};

} // namespace shiming::report
