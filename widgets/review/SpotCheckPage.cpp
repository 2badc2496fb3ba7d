#include "widgets/review/SpotCheckPage.h"

#include "core/outlet/ClerkText.h"
#include "core/outlet/SpotChecks.h"
#include "widgets/review/PageParts.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming::review {

namespace {

constexpr int kUuidRole = Qt::UserRole + 1;

QString verdictText(SpotVerdict verdict)
{
    switch (verdict) {
    case SpotVerdict::Ok:
        return SpotCheckPage::tr("OK");
    case SpotVerdict::Problem:
        return SpotCheckPage::tr("Problem");
    case SpotVerdict::Unchecked:
        break;
    }
    return SpotCheckPage::tr("Not checked");
}

} // namespace

SpotCheckPage::SpotCheckPage(auth::Session& session, ReviewRepository& repository, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_repository(repository)
    , m_model(new QStandardItemModel(this))
{
    m_askNote = [](QWidget* parent, const QString& previous) -> std::optional<QString> {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(parent, tr("Problem found"),
                                                            tr("What is wrong with this registration?"), previous, &ok);
        if (!ok)
            return std::nullopt;
        return text;
    };
    auto* layout = new QVBoxLayout(this);
    auto* hint = new QLabel(tr("Each day a share of the registrations is drawn for checking, once the hall has "
                               "closed, and never drawn again. Open each record, compare it with the documents "
                               "and mark it."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto* top = new QHBoxLayout;
    const QDateTime now = session.store().clock().now();
    m_date = makeDateEdit(now.date().addDays(-1), this);
    m_date->setObjectName(u"spotCheckDateEdit"_s);
    top->addWidget(new QLabel(tr("Day:"), this));
    top->addWidget(m_date);
    auto* openButton = new QPushButton(tr("Open the spot check"), this);
    openButton->setObjectName(u"spotCheckOpenButton"_s);
    top->addWidget(openButton);
    top->addStretch();
    layout->addLayout(top);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"spotCheckSummaryLabel"_s);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_model->setHorizontalHeaderLabels({tr("No."), tr("Time"), tr("Clerk"), tr("Customer"), tr("Check"), tr("Note")});
    m_view = makeTable(m_model, u"spotCheckView"_s, this);
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    m_okButton = new QPushButton(tr("Checked, OK"), this);
    m_okButton->setObjectName(u"spotCheckOkButton"_s);
    m_problemButton = new QPushButton(tr("Problem…"), this);
    m_problemButton->setObjectName(u"spotCheckProblemButton"_s);
    buttons->addWidget(m_okButton);
    buttons->addWidget(m_problemButton);
    layout->addLayout(buttons);

    connect(openButton, &QPushButton::clicked, this, [this] {
        if (auto r = open(m_date->date()); !r)
            emit failed(r.error());
    });
    connect(m_okButton, &QPushButton::clicked, this, [this] {
        if (auto r = markOk(selectedUuid()); !r)
            emit failed(r.error());
    });
    connect(m_problemButton, &QPushButton::clicked, this, [this] {
        if (auto r = markProblem(selectedUuid()); !r)
            emit failed(r.error());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (const QString uuid = m_model->index(current.row(), 0).data(kUuidRole).toString(); !uuid.isEmpty())
                    emit recordSelected(uuid);
            });
    showCheck();
}

QDate SpotCheckPage::day() const
{
    return m_date->date();
}

Result<void> SpotCheckPage::open(QDate day)
{
    m_date->setDate(day);
    m_check.reset();
    auto check = outlet::openSpotCheck(m_session.store(), m_session.account(), day,
                                       outlet::hqComplianceSettings(m_session.store()));
    if (!check) {
        showCheck();
        m_summary->setText(ClerkText::of(check.error()));
        return check.error().reason() == Reason::SpotCheckTooEarly ? Result<void>() : fail(check.error());
    }
    m_check = std::move(*check);
    showCheck();
    return {};
}

Result<void> SpotCheckPage::markOk(const QString& uuid)
{
    if (!m_check || uuid.isEmpty())
        return {};
    if (auto r = outlet::markSpotCheck(m_session.store(), m_session.account(), m_check->day, uuid, SpotVerdict::Ok, {});
        !r)
        return r;
    emit statusReported(tr("Marked as checked, no problem."));
    return open(m_check->day);
}

Result<void> SpotCheckPage::markProblem(const QString& uuid)
{
    if (!m_check || uuid.isEmpty())
        return {};
    QString previous;
    for (const SpotCheckItem& item : std::as_const(m_check->items)) {
        if (item.uuid == uuid)
            previous = item.note;
    }
    // Asked again until the note says something, or the manager cancels.
    for (;;) {
        const auto note = m_askNote(this, previous);
        if (!note)
            return {};
        if (!note->trimmed().isEmpty()) {
            if (auto r = outlet::markSpotCheck(m_session.store(), m_session.account(), m_check->day, uuid,
                                               SpotVerdict::Problem, *note);
                !r)
                return r;
            break;
        }
    }
    emit statusReported(tr("Marked as a problem."));
    return open(m_check->day);
}

QString SpotCheckPage::selectedUuid() const
{
    return m_model->index(m_view->currentIndex().row(), 0).data(kUuidRole).toString();
}

void SpotCheckPage::showCheck()
{
    const QString selected = selectedUuid();
    m_model->removeRows(0, m_model->rowCount());
    m_okButton->setEnabled(m_check.has_value());
    m_problemButton->setEnabled(m_check.has_value());
    if (!m_check) {
        m_summary->setText(tr("Choose a day and open its spot check."));
        return;
    }
    m_summary->setText(tr("%1: %2 of %3 registrations drawn (%4%) by %5 at %6. Checked %7, problems %8.")
                           .arg(m_check->day.toString(Qt::ISODate))
                           .arg(m_check->items.size())
                           .arg(m_check->population)
                           .arg(m_check->share * 100.0, 0, 'f', 0)
                           .arg(m_check->drawnBy, m_check->drawnAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s))
                           .arg(m_check->checked())
                           .arg(m_check->problems()));
    int selectRow = -1;
    for (const SpotCheckItem& item : std::as_const(m_check->items)) {
        auto row = m_repository.row(item.uuid);
        QList<QStandardItem*> cells{
            new QStandardItem(QString::number(item.sequence)),
            new QStandardItem(row ? row->deviceTime.toString(u"HH:mm"_s) : QString()),
            new QStandardItem(item.clerk),
            new QStandardItem(row ? maskName(row->customerName) : tr("(record removed)")),
            new QStandardItem(verdictText(item.verdict)),
            new QStandardItem(item.note),
        };
        cells[0]->setData(item.uuid, kUuidRole);
        for (QStandardItem* cell : cells)
            cell->setEditable(false);
        if (item.uuid == selected)
            selectRow = m_model->rowCount();
        m_model->appendRow(cells);
    }
    if (selectRow >= 0)
        m_view->selectRow(selectRow);
}

} // namespace shiming::review
