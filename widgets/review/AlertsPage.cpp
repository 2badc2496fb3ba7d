#include "widgets/review/AlertsPage.h"

#include "core/outlet/ComplianceAlerts.h"
#include "core/outlet/HqFeeds.h"
#include "widgets/review/PageParts.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming::review {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

} // namespace

QString alertText(const Alert& alert, int sameIdentityHours)
{
    switch (alert.kind) {
    case AlertKind::SameIdentity:
        return AlertsPage::tr("Customer %1: %2 numbers within %3 hours at this outlet")
            .arg(alert.subject)
            .arg(alert.figure)
            .arg(sameIdentityHours);
    case AlertKind::ClerkVolume:
        return AlertsPage::tr("Clerk %1: %2 registrations, the clerks' median is %3")
            .arg(alert.subject)
            .arg(alert.figure)
            .arg(alert.reference, 0, 'f', 1);
    case AlertKind::OutsideHours:
        return AlertsPage::tr("Outside the opening hours %1: %2 registrations").arg(alert.subject).arg(alert.figure);
    case AlertKind::FaceApprovals:
        return AlertsPage::tr("Manager %1: %2 manual face approvals").arg(alert.subject).arg(alert.figure);
    }
    return {};
}

AlertsPage::AlertsPage(auth::Session& session, ReviewRepository& repository, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_repository(repository)
    , m_model(new QStandardItemModel(this))
{
    m_askNote = [](QWidget* parent) -> std::optional<QString> {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(parent, tr("Acknowledge the alert"),
                                                            tr("What did you find, and what was done?"), {}, &ok);
        if (!ok)
            return std::nullopt;
        return text;
    };
    auto* layout = new QVBoxLayout(this);
    auto* hint = new QLabel(tr("Patterns that need a look, found on this outlet's registrations with HQ's "
                               "thresholds. Open the records behind an alert, then acknowledge it with a note."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto* top = new QHBoxLayout;
    m_date = makeDateEdit(session.store().clock().today(), this);
    m_date->setObjectName(u"alertsDateEdit"_s);
    top->addWidget(new QLabel(tr("Day:"), this));
    top->addWidget(m_date);
    auto* refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setObjectName(u"alertsRefreshButton"_s);
    top->addWidget(refreshButton);
    top->addStretch();
    layout->addLayout(top);
    m_model->setHorizontalHeaderLabels({tr("Alert"), tr("Raised"), tr("Acknowledged"), tr("Note")});
    m_view = makeTable(m_model, u"alertsView"_s, this);
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view, 2);
    layout->addWidget(new QLabel(tr("Registrations behind the alert:"), this));
    m_records = new QListWidget(this);
    m_records->setObjectName(u"alertRecordsList"_s);
    layout->addWidget(m_records, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    m_ackButton = new QPushButton(tr("Acknowledge…"), this);
    m_ackButton->setObjectName(u"alertAcknowledgeButton"_s);
    buttons->addWidget(m_ackButton);
    layout->addLayout(buttons);

    connect(refreshButton, &QPushButton::clicked, this, [this] {
        if (auto r = refresh(); !r)
            emit failed(r.error());
    });
    connect(m_ackButton, &QPushButton::clicked, this, [this] {
        if (auto r = acknowledge(selectedId()); !r)
            emit failed(r.error());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { showRecords(); });
    connect(m_records, &QListWidget::currentRowChanged, this, [this](int row) {
        if (QListWidgetItem* item = m_records->item(row))
            emit recordSelected(item->data(Qt::UserRole).toString());
    });
    showAlerts();
}

int AlertsPage::open() const
{
    return int(std::count_if(m_alerts.cbegin(), m_alerts.cend(), [](const Alert& a) { return !a.acknowledged(); }));
}

Result<void> AlertsPage::showDay(QDate day)
{
    m_date->setDate(day);
    return refresh();
}

Result<void> AlertsPage::refresh()
{
    const ComplianceSettings settings = outlet::hqComplianceSettings(m_session.store());
    auto alerts = outlet::dayAlerts(m_session.store(), m_session.account(), m_date->date(), settings);
    if (!alerts)
        return fail(alerts.error());
    m_alerts = std::move(*alerts);
    m_sameIdentityHours = settings.sameIdentityHours;
    showAlerts();
    emit changed();
    return {};
}

Result<void> AlertsPage::acknowledge(qint64 id)
{
    if (id <= 0)
        return {};
    for (;;) {
        const auto note = m_askNote(this);
        if (!note)
            return {}; // cancelled: nothing changes
        if (note->trimmed().isEmpty())
            continue;
        if (auto r = outlet::acknowledgeAlert(m_session.store(), m_session.account(), id, *note); !r)
            return r;
        break;
    }
    emit statusReported(tr("Alert acknowledged."));
    return refresh();
}

qint64 AlertsPage::selectedId() const
{
    return m_model->index(m_view->currentIndex().row(), 0).data(kIdRole).toLongLong();
}

void AlertsPage::showAlerts()
{
    const qint64 selected = selectedId();
    m_model->removeRows(0, m_model->rowCount());
    int selectRow = -1;
    for (const Alert& alert : std::as_const(m_alerts)) {
        QList<QStandardItem*> cells{
            new QStandardItem(alertText(alert, m_sameIdentityHours)),
            new QStandardItem(alert.raisedAt.toLocalTime().toString(u"HH:mm"_s)),
            new QStandardItem(
                alert.acknowledged()
                    ? tr("%1 at %2").arg(alert.acknowledgedBy, alert.acknowledgedAt.toLocalTime().toString(u"HH:mm"_s))
                    : tr("Not yet")),
            new QStandardItem(alert.note),
        };
        cells[0]->setData(alert.id, kIdRole);
        for (QStandardItem* cell : cells)
            cell->setEditable(false);
        if (alert.id == selected)
            selectRow = m_model->rowCount();
        m_model->appendRow(cells);
    }
    if (selectRow >= 0)
        m_view->selectRow(selectRow);
    showRecords();
}

void AlertsPage::showRecords()
{
    m_records->clear();
    const qint64 id = selectedId();
    const auto alert = std::find_if(m_alerts.cbegin(), m_alerts.cend(), [id](const Alert& a) { return a.id == id; });
    m_ackButton->setEnabled(alert != m_alerts.cend() && !alert->acknowledged());
    if (alert == m_alerts.cend())
        return;
    // The records by their place in the day; the detail pane shows each through the audited path.
    for (const QString& uuid : alert->records) {
        auto row = m_repository.row(uuid);
        const QString text = row ? tr("%1  No. %2  clerk %3  customer %4")
                                       .arg(row->deviceTime.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s))
                                       .arg(row->sequence)
                                       .arg(row->clerk, maskName(row->customerName))
                                 : tr("(record removed)");
        auto* item = new QListWidgetItem(text, m_records);
        item->setData(Qt::UserRole, uuid);
    }
}

} // namespace shiming::review
