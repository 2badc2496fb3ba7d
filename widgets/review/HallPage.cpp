#include "widgets/review/HallPage.h"

#include "core/outlet/ClerkText.h"
#include "core/outlet/HallView.h"
#include "core/review/DailyReport.h"
#include "core/review/ReviewTypes.h"
#include "core/sync/SyncStatus.h"
#include "widgets/report/DailyReportView.h"
#include "widgets/review/ReviewText.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming::review {

namespace {

QString resultText(const HallRow& row)
{
    if (row.voided)
        return HallPage::tr("Voided");
    if (row.status == u"rejected"_s)
        return HallPage::tr("Rejected by HQ: %1").arg(ReviewText::hqReason(row.reason));
    if (row.status == u"released"_s)
        return HallPage::tr("Superseded");
    if (row.status == u"ended"_s)
        return HallPage::tr("Number ended");
    return HallPage::tr("Accepted by HQ");
}

/// The counter's own zone: the hall's day is the day as this counter's clock has it.
QString localZone()
{
    return QString::fromLatin1(QTimeZone::systemTimeZoneId());
}

} // namespace

HallPage::HallPage(store::OutletStore& store, auth::Account account, Reader reader, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_account(std::move(account))
    , m_reader(std::move(reader))
{
    setObjectName(u"hallPage"_s);
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Day"), this));
    m_date = new QDateEdit(store.clock().today(), this);
    m_date->setObjectName(u"hallDateEdit"_s);
    m_date->setCalendarPopup(true);
    bar->addWidget(m_date);
    auto* show = new QPushButton(tr("Show the hall"), this);
    show->setObjectName(u"hallShowButton"_s);
    bar->addWidget(show);
    bar->addStretch();
    layout->addLayout(bar);
    m_status = new QLabel(this);
    m_status->setObjectName(u"hallStatusLabel"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_tabs = new QTabWidget(this);
    auto* records = new QWidget(m_tabs);
    auto* recordsLayout = new QVBoxLayout(records);
    m_table = new QTableWidget(0, 9, records);
    m_table->setObjectName(u"hallTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("Counter"), tr("Clerk"), tr("Transaction"), tr("Customer"),
                                        tr("Document"), tr("Number"), tr("Face band"), tr("HQ result")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    recordsLayout->addWidget(m_table, 2);
    auto* buttons = new QHBoxLayout;
    auto* open = new QPushButton(tr("Open the record"), records);
    open->setObjectName(u"hallOpenButton"_s);
    auto* reveal = new QPushButton(tr("Show full numbers"), records);
    reveal->setObjectName(u"hallRevealButton"_s);
    buttons->addWidget(open);
    buttons->addWidget(reveal);
    buttons->addStretch();
    recordsLayout->addLayout(buttons);
    m_recordView = new QLabel(records);
    m_recordView->setObjectName(u"hallRecordView"_s);
    m_recordView->setWordWrap(true);
    m_recordView->setTextFormat(Qt::RichText);
    m_recordView->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    recordsLayout->addWidget(m_recordView, 1);
    m_tabs->addTab(records, tr("Records of every counter"));
    m_report = new report::DailyReportView(store, m_account, m_tabs);
    m_tabs->addTab(m_report, tr("Hall report"));
    layout->addWidget(m_tabs, 1);

    connect(show, &QPushButton::clicked, this, [this] { showDate(m_date->date()); });
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row) { openRecord(row); });
    connect(open, &QPushButton::clicked, this, [this] { openRecord(m_table->currentRow()); });
    connect(reveal, &QPushButton::clicked, this, [this] { openRecord(m_table->currentRow(), true); });
    setStatus(m_reader ? tr("Choose a day and press \"Show the hall\": the records come from HQ.")
                       : tr("This counter is not enrolled with HQ: the whole hall cannot be read."),
              !m_reader);
}

QString HallPage::statusText() const
{
    return m_status->text();
}

void HallPage::setStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? u"QLabel { color: #8a1c13; font-weight: bold; }"_s : QString());
}

QString HallPage::offlineText(const sync::HallAnswer& answer) const
{
    if (answer.reached) {
        if (answer.code == u"NOT_A_HALL_MANAGER"_s)
            return tr("HQ does not know %1 as a manager of this hall: the whole hall is not shown.")
                .arg(m_account.name);
        return tr("HQ refused the read (%1).").arg(answer.code);
    }
    const auto status = sync::readSyncStatus(m_store);
    const QDateTime last = status ? status->lastSuccess : QDateTime();
    return last.isValid() ? tr("HQ cannot be reached: the whole hall is not available offline. Last reached %1. "
                               "This counter's own records stay under \"This counter\".")
                                .arg(last.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s))
                          : tr("HQ cannot be reached: the whole hall is not available offline (never reached from "
                               "this counter). This counter's own records stay under \"This counter\".");
}

void HallPage::showDate(QDate date)
{
    m_date->setDate(date);
    if (!m_reader)
        return;
    const QString manager = m_account.name;
    setStatus(tr("Reading the hall from HQ…"), false);
    m_reader(sync::HallReader::dayTarget(date, manager, localZone()),
             [this, date, manager](const sync::HallAnswer& answer) {
                 if (!answer.ok()) {
                     m_day = {};
                     fill();
                     setStatus(offlineText(answer), true);
                     return;
                 }
                 auto day = HallDay::fromJson(answer.body);
                 if (!day) {
                     setStatus(ClerkText::of(day.error()), true);
                     return;
                 }
                 m_day = *day;
                 fill();
                 setStatus(tr("Hall %1, %2: %n record(s) from %3 counter(s).", nullptr, int(m_day.rows.size()))
                               .arg(m_day.hall, date.toString(Qt::ISODate))
                               .arg(m_day.counters.size()),
                           false);
                 m_reader(sync::HallReader::reportTarget(date, manager, localZone()),
                          [this, date](const sync::HallAnswer& report) {
                              if (!report.ok())
                                  return; // the list is shown; the report tab keeps what it had
                              auto parsed = DailyReport::fromJson(report.body);
                              if (!parsed)
                                  return;
                              m_report->setSource([parsed = *parsed](QDate) -> Result<DailyReport> { return parsed; });
                              (void)m_report->showDate(date);
                          });
             });
}

void HallPage::fill()
{
    m_table->setRowCount(int(m_day.rows.size()));
    for (int i = 0; i < m_day.rows.size(); ++i) {
        const HallRow& row = m_day.rows[i];
        const QStringList cells{row.registeredAt.toLocalTime().toString(u"HH:mm:ss"_s),
                                QString::number(row.counter),
                                row.clerk,
                                ReviewText::transaction(row.transaction),
                                row.name,
                                row.documentNumber,
                                row.msisdn,
                                ReviewText::band(row.band),
                                resultText(row)};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    m_table->resizeColumnsToContents();
    m_record.reset();
    m_recordView->clear();
}

void HallPage::openRecord(int row, bool reveal)
{
    if (!m_reader || row < 0 || row >= m_day.rows.size())
        return;
    const QString uuid = m_day.rows[row].uuid;
    m_reader(sync::HallReader::recordTarget(uuid, m_account.name, reveal), [this, uuid,
                                                                            reveal](const sync::HallAnswer& answer) {
        if (!answer.ok()) {
            setStatus(offlineText(answer), true);
            return;
        }
        auto record = HallRecord::fromJson(answer.body);
        if (!record) {
            setStatus(ClerkText::of(record.error()), true);
            return;
        }
        if (reveal) {
            // HQ audits the reveal too; this outlet's log says which of its managers asked.
            (void)outlet::auditHallReveal(m_store, m_account, uuid);
        }
        m_record = std::move(*record);
        const HallRow& r = m_record->row;
        QString html = u"<h3>%1</h3><p>%2 · %3 · %4</p><p>%5 %6 · %7</p>"_s.arg(
            ReviewText::transaction(r.transaction).toHtmlEscaped(), tr("Counter %1").arg(r.counter).toHtmlEscaped(),
            r.clerk.toHtmlEscaped(), r.registeredAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s),
            r.name.toHtmlEscaped(), r.documentNumber.toHtmlEscaped(), r.msisdn.toHtmlEscaped());
        for (const auto& [kind, jpeg] : m_record->photos) {
            // Shown from memory (a data URL): nothing of the photo touches the disk.
            html += u"<img height='140' src='data:image/jpeg;base64,%1'/> "_s.arg(QString::fromLatin1(jpeg.toBase64()));
            Q_UNUSED(kind);
        }
        m_recordView->setText(html);
        emit recordOpened();
    });
}

} // namespace shiming::review
