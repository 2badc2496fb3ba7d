#include "widgets/review/RecordListModel.h"

#include "core/identity/Validators.h"
#include "widgets/review/ReviewText.h"

using namespace Qt::StringLiterals;

namespace shiming::review {

RecordListModel::RecordListModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void RecordListModel::setRows(QList<ReviewRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const ReviewRow* RecordListModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int RecordListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReviewRow& row = m_rows.at(index.row());
    if (role == UuidRole)
        return row.uuid;
    if (role == Qt::ToolTipRole && index.column() == Reason && !row.hqReason.isEmpty())
        return ReviewText::nextStep(row.hqReason);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Time:
        return row.deviceTime.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
    case Clerk:
        return row.clerk;
    case Customer:
        return maskName(row.customerName);
    case Document:
        return maskDocumentNumber(row.documentNumber);
    case Number:
        return row.number;
    case Band:
        return ReviewText::band(row.band);
    case Score:
        // The counter's 0-100 scale (one scale everywhere); none for records from before it was kept.
        return row.points >= 0 ? QString::number(row.points) : QString();
    case Reason:
        return row.hqReason.isEmpty() ? QString() : ReviewText::hqReason(row.hqReason);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RecordListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Clerk:
        return tr("Clerk");
    case Customer:
        return tr("Customer");
    case Document:
        return tr("Document");
    case Number:
        return tr("Number");
    case Band:
        return tr("Face band");
    case Score:
        return tr("Score");
    case Reason:
        return tr("HQ reason");
    case ColumnCount:
        break;
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace shiming::review
