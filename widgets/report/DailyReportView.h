#pragma once

#include "core/auth/Account.h"
#include "core/outlet/Exports.h"
#include "core/review/DailyReport.h"
#include "core/store/OutletStore.h"

#include <QWidget>

#include <functional>

class QDateEdit;
class QLabel;
class QTableWidget;

namespace shiming::report {

class DailyReportChart;

/// The report page of the manager's window: pick a day, see the figures, the chart and the breakdowns;
/// export the CSV (masked) or the PDF, or print. Exports are audited (report_exported).
class DailyReportView : public QWidget {
    Q_OBJECT
public:
    /// `account` is the manager's whose window this is: exports are theirs (core/outlet/Exports checks and audits).
    DailyReportView(store::OutletStore& store, auth::Account account, QWidget* parent = nullptr);

    /// Where the report of a day comes from: this counter's database (the default) or, in the hall scope, HQ.
    using Source = std::function<Result<review::DailyReport>(QDate date)>;
    void setSource(Source source) { m_source = std::move(source); }

    /// Builds the report of `date` and shows it.
    Result<void> showDate(QDate date);
    const review::DailyReport& report() const { return m_report; }

    /// Where exports go; the default asks with a file dialog. Tests pass a fixed path.
    void setSavePathPrompt(std::function<QString(const QString& suggestedName, const QString& filter)> prompt);

    Result<void> exportCsv(const QString& path);
    Result<void> exportPdf(const QString& path);

signals:
    void failed(const shiming::Error& error);

private:
    void fillTable(QTableWidget* table, const QList<review::ReportLine>& lines,
                   const std::function<QString(const QString&)>& name, bool withTime);
    Result<void> exportTo(const QString& path, outlet::ReportFormat format);

    store::OutletStore& m_store;
    auth::Account m_account;
    review::DailyReport m_report;
    QDateEdit* m_date = nullptr;
    QLabel* m_summary = nullptr;
    DailyReportChart* m_chart = nullptr;
    QTableWidget* m_clerks = nullptr;
    QTableWidget* m_packages = nullptr;
    QTableWidget* m_transactions = nullptr;
    QTableWidget* m_types = nullptr;
    std::function<QString(const QString&, const QString&)> m_savePath;
    Source m_source;
    QTableWidget* m_counters = nullptr;
};

} // namespace shiming::report
