#include "widgets/report/DailyReportView.h"

#include "core/outlet/Exports.h"

#include "core/outlet/ClerkText.h"
#include "core/review/ReviewTypes.h"
#include "widgets/common/FileDialogs.h"
#include "widgets/report/DailyReportChart.h"
#include "widgets/report/DailyReportDocument.h"
#include "widgets/review/ReviewText.h"

#include <QDateEdit>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming::report {

DailyReportView::DailyReportView(store::OutletStore& store, auth::Account account, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_account(std::move(account))
{
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    m_date = new QDateEdit(m_store.clock().today(), this);
    m_date->setObjectName(u"reportDateEdit"_s);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(u"yyyy-MM-dd"_s);
    auto* show = new QPushButton(tr("Show"), this);
    show->setObjectName(u"showReportButton"_s);
    auto* csv = new QPushButton(tr("Export CSV…"), this);
    csv->setObjectName(u"exportCsvButton"_s);
    auto* pdf = new QPushButton(tr("Export PDF…"), this);
    pdf->setObjectName(u"exportPdfButton"_s);
    auto* print = new QPushButton(tr("Print…"), this);
    print->setObjectName(u"printButton"_s);
    bar->addWidget(new QLabel(tr("Day:"), this));
    bar->addWidget(m_date);
    bar->addWidget(show);
    bar->addStretch();
    bar->addWidget(csv);
    bar->addWidget(pdf);
    bar->addWidget(print);
    layout->addLayout(bar);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"reportSummaryLabel"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    m_chart = new DailyReportChart(this);
    layout->addWidget(m_chart, 1);
    auto* tabs = new QTabWidget(this);
    m_clerks = new QTableWidget(this);
    m_clerks->setObjectName(u"perClerkTable"_s);
    m_packages = new QTableWidget(this);
    m_packages->setObjectName(u"perPackageTable"_s);
    m_types = new QTableWidget(this);
    m_types->setObjectName(u"perCustomerTypeTable"_s);
    m_transactions = new QTableWidget(this);
    m_transactions->setObjectName(u"perTransactionTable"_s);
    tabs->addTab(m_clerks, tr("Per clerk"));
    tabs->addTab(m_packages, tr("Per package"));
    tabs->addTab(m_types, tr("Per customer type"));
    tabs->addTab(m_transactions, tr("Per transaction"));
    m_counters = new QTableWidget(this);
    m_counters->setObjectName(u"perCounterTable"_s);
    tabs->addTab(m_counters, tr("Per counter"));
    layout->addWidget(tabs, 1);

    m_savePath = [this](const QString& suggested, const QString& filter) {
        return saveFileName(this, tr("Export the daily report"), suggested, filter);
    };
    auto report = [this](const Result<void>& result) {
        if (!result) {
            emit failed(result.error());
            QMessageBox::warning(this, tr("Daily report"), ClerkText::of(result.error()));
        }
    };
    connect(show, &QPushButton::clicked, this, [this, report] { report(showDate(m_date->date())); });
    connect(csv, &QPushButton::clicked, this, [this, report] {
        const QString path =
            m_savePath(u"report-%1.csv"_s.arg(m_report.date.toString(Qt::ISODate)), tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            report(exportCsv(path));
    });
    connect(pdf, &QPushButton::clicked, this, [this, report] {
        const QString path =
            m_savePath(u"report-%1.pdf"_s.arg(m_report.date.toString(Qt::ISODate)), tr("PDF files (*.pdf)"));
        if (!path.isEmpty())
            report(exportPdf(path));
    });
    connect(print, &QPushButton::clicked, this, [this, report] {
        QPrinter printer(QPrinter::HighResolution);
        QPrintDialog dialog(&printer, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        auto audited = outlet::exportDailyReport(m_store, m_account, m_report, outlet::ReportFormat::Print);
        report(audited ? DailyReportDocument::print(m_report, printer) : Result<void>(fail(audited.error())));
    });
}

void DailyReportView::setSavePathPrompt(std::function<QString(const QString&, const QString&)> prompt)
{
    m_savePath = std::move(prompt);
}

Result<void> DailyReportView::showDate(QDate date)
{
    auto report = m_source ? m_source(date) : review::DailyReport::build(m_store, date);
    if (!report)
        return fail(report.error());
    m_report = *report;
    m_date->setDate(date);
    m_summary->setText(
        tr("%1 registrations, %2 voided, %3 not yet synced; HQ accepted %4 and rejected %5; %6 waiting for manual "
           "review. Face pass rate %7% (%8 of %9). Average time per registration %10 s.")
            .arg(m_report.registrations)
            .arg(m_report.voided)
            .arg(m_report.unsynced)
            .arg(m_report.hqAccepted)
            .arg(m_report.hqRejected)
            .arg(m_report.pendingReview)
            .arg(m_report.passRate() * 100.0, 0, 'f', 1)
            .arg(m_report.passed)
            .arg(m_report.compared)
            .arg(m_report.averageSeconds, 0, 'f', 0));
    m_chart->setReport(m_report);
    const auto same = [](const QString& key) {
        return key;
    };
    fillTable(m_clerks, m_report.perClerk, same, true);
    fillTable(m_packages, m_report.perPackage, same, false);
    fillTable(
        m_types, m_report.perCustomerType,
        [](const QString& key) {
            auto type = registration::parseCustomerType(key);
            return type ? review::ReviewText::customerType(*type) : key;
        },
        false);
    fillTable(m_counters, m_report.perCounter, same, false);
    fillTable(
        m_transactions, m_report.perTransaction,
        [](const QString& key) {
            auto transaction = registration::parseTransaction(key);
            return transaction ? review::ReviewText::transaction(*transaction) : key;
        },
        false);
    return {};
}

void DailyReportView::fillTable(QTableWidget* table, const QList<review::ReportLine>& lines,
                                const std::function<QString(const QString&)>& name, bool withTime)
{
    QStringList header{QString(), tr("Registrations"), tr("Voided"), tr("Pass rate")};
    if (withTime)
        header.append(tr("Avg. time (s)"));
    table->clear();
    table->setColumnCount(int(header.size()));
    table->setHorizontalHeaderLabels(header);
    table->setRowCount(int(lines.size()));
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int i = 0; i < lines.size(); ++i) {
        const review::ReportLine& line = lines.at(i);
        QStringList cells{name(line.key), QString::number(line.registrations), QString::number(line.voided),
                          u"%1%"_s.arg(line.passRate() * 100.0, 0, 'f', 1)};
        if (withTime)
            cells.append(QString::number(line.averageSeconds, 'f', 0));
        for (int c = 0; c < cells.size(); ++c)
            table->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
}

Result<void> DailyReportView::exportTo(const QString& path, outlet::ReportFormat format)
{
    auto bytes = outlet::exportDailyReport(m_store, m_account, m_report, format, &DailyReportDocument::pdfBytes);
    if (!bytes)
        return fail(bytes.error());
    return outlet::writeExportFile(path, *bytes);
}

Result<void> DailyReportView::exportCsv(const QString& path)
{
    return exportTo(path, outlet::ReportFormat::Csv);
}

Result<void> DailyReportView::exportPdf(const QString& path)
{
    return exportTo(path, outlet::ReportFormat::Pdf);
}

} // namespace shiming::report
