#include "widgets/review/DayListModel.h"

#include "core/identity/Validators.h"
#include "widgets/review/ReviewText.h"

#include <QBrush>
#include <QColor>

using namespace Qt::StringLiterals;
using namespace shiming::registration;

namespace shiming::review {

DayListModel::DayListModel(ReviewRepository& repository, QObject* parent)
    : QAbstractTableModel(parent)
    , m_repository(repository)
{}

Result<void> DayListModel::setFilter(const ReviewFilter& filter)
{
    m_filter = filter;
    m_revealed.clear();
    return reload();
}

Result<void> DayListModel::reload()
{
    // First page first: when it is not full it is everything, and the count (a second pass over the matching
    // rows) is not needed.
    auto first = m_repository.page(m_filter, m_sort, 0, m_pageSize);
    Result<qint64> total = first && first->size() < m_pageSize ? Result<qint64>(first->size())
                           : first                             ? m_repository.count(m_filter)
                                                               : Result<qint64>(fail(first.error()));
    // Views (and QAbstractItemModelTester) may ask for more rows while a change is being announced; the rows
    // already there are enough until the announcement is over.
    m_announcing = true;
    beginResetModel();
    if (total && first) {
        m_total = *total;
        m_rows = std::move(*first);
    } else {
        m_total = 0;
        m_rows.clear();
    }
    endResetModel();
    m_announcing = false;
    if (!total) {
        emit queryFailed(total.error());
        return fail(total.error());
    }
    if (!first) {
        emit queryFailed(first.error());
        return fail(first.error());
    }
    return {};
}

void DayListModel::revealDocument(const QString& uuid)
{
    m_revealed.insert(uuid);
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).uuid == uuid) {
            const QModelIndex cell = index(i, int(ReviewColumn::Document));
            emit dataChanged(cell, cell);
        }
    }
}

const ReviewRow* DayListModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int DayListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DayListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kReviewColumnCount;
}

QVariant DayListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReviewRow& row = m_rows.at(index.row());
    switch (role) {
    case UuidRole:
        return row.uuid;
    case PendingReviewRole:
        return row.pendingReview();
    case FullDocumentRole:
        return m_revealed.contains(row.uuid) ? QVariant(row.documentNumber) : QVariant();
    case Qt::ForegroundRole:
        if (row.status == RecordStatus::Voided)
            return QBrush(QColor(0x80, 0x80, 0x80));
        if (row.status == RecordStatus::Rejected || row.band == FaceBand::Fail)
            return QBrush(QColor(0xb0, 0x20, 0x20));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == int(ReviewColumn::Score))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (ReviewColumn(index.column())) {
    case ReviewColumn::Time:
        return row.deviceTime.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
    case ReviewColumn::Transaction:
        return ReviewText::transaction(row.transaction);
    case ReviewColumn::Clerk:
        return row.clerk;
    case ReviewColumn::Customer:
        return maskName(row.customerName);
    case ReviewColumn::Document:
        return m_revealed.contains(row.uuid) ? row.documentNumber : maskDocumentNumber(row.documentNumber);
    case ReviewColumn::CustomerType:
        return ReviewText::customerType(row.customerType);
    case ReviewColumn::Package:
        return m_packageNames.value(row.packageId, row.packageId);
    case ReviewColumn::Number:
        return row.number;
    case ReviewColumn::Band:
        if (row.pendingReview())
            return tr("%1 (waiting)").arg(ReviewText::band(row.band));
        return ReviewText::band(row.band);
    case ReviewColumn::Score:
        // The 0-100 score, as the counter showed it; records from before it was kept show none.
        return row.band == FaceBand::NotCompared || row.points < 0 ? QString() : QString::number(row.points);
    case ReviewColumn::Sync:
        return ReviewText::syncState(row.syncState);
    case ReviewColumn::HqResult:
        if (row.status == RecordStatus::Rejected && !row.hqReason.isEmpty())
            return tr("%1: %2").arg(ReviewText::status(row.status), ReviewText::hqReason(row.hqReason));
        return ReviewText::status(row.status);
    }
    return {};
}

QVariant DayListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= kReviewColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (ReviewColumn(section)) {
    case ReviewColumn::Time:
        return tr("Time");
    case ReviewColumn::Transaction:
        return tr("Transaction");
    case ReviewColumn::Clerk:
        return tr("Clerk");
    case ReviewColumn::Customer:
        return tr("Customer");
    case ReviewColumn::Document:
        return tr("Document");
    case ReviewColumn::CustomerType:
        return tr("Customer type");
    case ReviewColumn::Package:
        return tr("Package");
    case ReviewColumn::Number:
        return tr("Number");
    case ReviewColumn::Band:
        return tr("Face band");
    case ReviewColumn::Score:
        return tr("Score");
    case ReviewColumn::Sync:
        return tr("Sync");
    case ReviewColumn::HqResult:
        return tr("HQ result");
    }
    return {};
}

bool DayListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_announcing && m_rows.size() < m_total;
}

void DayListModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    auto page = m_repository.page(m_filter, m_sort, m_rows.size(), m_pageSize);
    if (!page) {
        // Stop asking: the view would call fetchMore again and again on a failing query.
        m_total = m_rows.size();
        emit queryFailed(page.error());
        return;
    }
    if (page->isEmpty()) {
        m_total = m_rows.size(); // rows disappeared meanwhile
        return;
    }
    m_announcing = true;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size() - 1));
    m_rows.append(*page);
    endInsertRows();
    m_announcing = false;
}

void DayListModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= kReviewColumnCount)
        return;
    const ReviewSort sort{ReviewColumn(column), order == Qt::DescendingOrder};
    if (sort.column == m_sort.column && sort.descending == m_sort.descending)
        return;
    m_sort = sort;
    // Re-query from the first page: the database sorts, the model never holds the whole table.
    (void)reload();
}

} // namespace shiming::review
