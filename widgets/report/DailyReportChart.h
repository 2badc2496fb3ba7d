#pragma once

#include "core/review/DailyReport.h"

#include <QWidget>

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

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    review::DailyReport m_report;
    bool m_hasReport = false;
};

} // namespace shiming::report
