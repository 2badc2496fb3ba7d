#include "widgets/review/DayListPage.h"

#include "widgets/review/DayListModel.h"
#include "widgets/review/PageParts.h"
#include "widgets/review/ReviewText.h"

#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace shiming::registration;

namespace shiming::review {

DayListPage::DayListPage(auth::Session& session, ReviewRepository& repository, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_repository(repository)
    , m_model(new DayListModel(repository, this))
{
    connect(m_model, &DayListModel::queryFailed, this, &DayListPage::failed);

    auto* layout = new QVBoxLayout(this);
    auto* filters = new QGridLayout;
    const QDate today = m_session.store().clock().today();
    m_from = makeDateEdit(today, this);
    m_from->setObjectName(u"fromDateEdit"_s);
    m_to = makeDateEdit(today, this);
    m_to->setObjectName(u"toDateEdit"_s);
    m_clerk = makeFilterCombo(u"clerkCombo"_s, tr("Any"), this);
    m_status = makeFilterCombo(u"statusCombo"_s, tr("Any"), this);
    for (RecordStatus s : {RecordStatus::Committed, RecordStatus::Sent, RecordStatus::Accepted, RecordStatus::Rejected,
                           RecordStatus::Voided})
        m_status->addItem(ReviewText::status(s), recordStatusKey(s));
    m_band = makeFilterCombo(u"bandCombo"_s, tr("Any"), this);
    for (FaceBand b : {FaceBand::Pass, FaceBand::ManualReview, FaceBand::Fail, FaceBand::NotCompared})
        m_band->addItem(ReviewText::band(b), faceBandKey(b));
    m_band->addItem(tr("Manual review, waiting for a decision"), u"pending"_s);
    m_package = makeFilterCombo(u"packageCombo"_s, tr("Any"), this);
    m_customerType = makeFilterCombo(u"customerTypeCombo"_s, tr("Any"), this);
    for (CustomerType t :
         {CustomerType::Individual, CustomerType::Minor, CustomerType::Agent, CustomerType::Organisation})
        m_customerType->addItem(ReviewText::customerType(t), customerTypeKey(t));
    m_transaction = makeFilterCombo(u"transactionCombo"_s, tr("Any"), this);
    for (Transaction t : {Transaction::NewNumber, Transaction::Reverification, Transaction::SimReplacement,
                          Transaction::Transfer, Transaction::Cancellation})
        m_transaction->addItem(ReviewText::transaction(t), transactionKey(t));
    m_sync = makeFilterCombo(u"syncCombo"_s, tr("Any"), this);
    for (SyncState s : {SyncState::Waiting, SyncState::Sending, SyncState::Answered, SyncState::NotQueued})
        m_sync->addItem(ReviewText::syncState(s), syncStateKey(s));
    m_documentDigits = new QLineEdit(this);
    m_documentDigits->setObjectName(u"documentDigitsEdit"_s);
    m_documentDigits->setPlaceholderText(tr("last digits"));
    m_documentDigits->setMaxLength(18);
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(u"phoneEdit"_s);
    m_phone->setPlaceholderText(tr("number or its last digits"));
    m_phone->setMaxLength(11);
    auto* apply = new QPushButton(tr("Apply"), this);
    apply->setObjectName(u"applyFilterButton"_s);
    apply->setDefault(true);

    int column = 0;
    auto add = [&](const QString& label, QWidget* widget, int row) {
        filters->addWidget(new QLabel(label, this), row, column);
        filters->addWidget(widget, row, column + 1);
    };
    add(tr("From"), m_from, 0);
    add(tr("To"), m_to, 1);
    column = 2;
    add(tr("Clerk"), m_clerk, 0);
    add(tr("Status"), m_status, 1);
    column = 4;
    add(tr("Face band"), m_band, 0);
    add(tr("Package"), m_package, 1);
    column = 6;
    add(tr("Customer type"), m_customerType, 0);
    add(tr("Sync"), m_sync, 1);
    column = 8;
    add(tr("Document"), m_documentDigits, 0);
    add(tr("Phone"), m_phone, 1);
    column = 10;
    add(tr("Transaction"), m_transaction, 0);
    filters->addWidget(apply, 0, 12, 2, 1);
    layout->addLayout(filters);

    m_view = makeTable(m_model, u"dayListView"_s, this);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(int(ReviewColumn::Time), Qt::AscendingOrder);
    layout->addWidget(m_view, 1);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(u"countLabel"_s);
    layout->addWidget(m_countLabel);

    connect(apply, &QPushButton::clicked, this, [this] {
        if (auto r = applyFilter(); !r)
            emit failed(r.error());
    });
    for (QLineEdit* edit : {m_documentDigits, m_phone})
        connect(edit, &QLineEdit::returnPressed, apply, &QPushButton::click);
    connect(m_from, &QDateEdit::dateChanged, this, [this](QDate date) {
        if (m_to->date() < date)
            m_to->setDate(date);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const QString uuid = current.data(DayListModel::UuidRole).toString();
                if (!uuid.isEmpty())
                    emit recordSelected(uuid);
            });
    fillFilterChoices();
}

void DayListPage::setPackageNames(const QHash<QString, QString>& names)
{
    m_packageNames = names;
    m_model->setPackageNames(names);
    for (int i = 0; i < m_package->count(); ++i) {
        const QString id = m_package->itemData(i).toString();
        if (!id.isEmpty())
            m_package->setItemText(i, names.value(id, id));
    }
}

void DayListPage::fillFilterChoices()
{
    if (auto names = m_repository.accountNames()) {
        for (const QString& name : std::as_const(*names))
            m_clerk->addItem(name, name);
    }
    if (auto packages = m_repository.packages(m_from->date().addDays(-7), m_to->date())) {
        for (const QString& package : std::as_const(*packages))
            m_package->addItem(m_packageNames.value(package, package), package);
    }
}

Result<void> DayListPage::applyFilter()
{
    m_session.touch();
    ReviewFilter filter;
    filter.from = m_from->date();
    filter.to = m_to->date();
    filter.clerk = m_clerk->currentData().toString();
    filter.status = parseRecordStatus(m_status->currentData().toString());
    const QString band = m_band->currentData().toString();
    if (band == u"pending"_s)
        filter.pendingReviewOnly = true;
    else
        filter.band = parseFaceBand(band);
    filter.packageId = m_package->currentData().toString();
    filter.customerType = parseCustomerType(m_customerType->currentData().toString());
    filter.transaction = parseTransaction(m_transaction->currentData().toString());
    filter.syncState = parseSyncState(m_sync->currentData().toString());
    filter.documentDigits = m_documentDigits->text().trimmed();
    filter.phone = m_phone->text().trimmed();
    auto r = m_model->setFilter(filter);
    m_countLabel->setText(tr("%n registration(s)", nullptr, int(qMin<qint64>(m_model->totalCount(), INT_MAX))));
    return r;
}

Result<void> DayListPage::reload()
{
    return m_model->reload();
}

} // namespace shiming::review
