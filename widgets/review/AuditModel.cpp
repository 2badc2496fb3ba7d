#include "widgets/review/AuditModel.h"

#include "widgets/review/ReviewText.h"

#include <QBrush>
#include <QColor>

using namespace Qt::StringLiterals;

namespace shiming::review {

AuditModel::AuditModel(AuditQuery& query, QObject* parent)
    : QAbstractTableModel(parent)
    , m_query(query)
{}

Result<void> AuditModel::setFilter(const AuditFilter& filter)
{
    m_filter = filter;
    auto first = m_query.page(m_filter, 0, m_pageSize);
    m_announcing = true; // no fetching while a change is being announced (see DayListModel)
    beginResetModel();
    m_entries = first ? *first : QList<store::AuditEntry>{};
    m_atEnd = !first || first->size() < m_pageSize;
    endResetModel();
    m_announcing = false;
    if (!first)
        return fail(first.error());
    return {};
}

void AuditModel::setBrokenFrom(qint64 id)
{
    m_brokenFrom = id;
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_entries.size()) - 1, ColumnCount - 1), {Qt::BackgroundRole});
}

const store::AuditEntry* AuditModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int AuditModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const store::AuditEntry& entry = m_entries.at(index.row());
    if (role == Qt::BackgroundRole)
        return m_brokenFrom > 0 && entry.id >= m_brokenFrom ? QVariant(QBrush(QColor(0xff, 0xd0, 0xd0))) : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Id:
        return entry.id;
    case At:
        return entry.at.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
    case Actor:
        return entry.actor;
    case Action:
        return ReviewText::auditAction(entry.action);
    case Record:
        return entry.recordUuid;
    case Detail:
        return entry.detail;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Id:
        return tr("Entry");
    case At:
        return tr("Time");
    case Actor:
        return tr("User");
    case Action:
        return tr("Action");
    case Record:
        return tr("Record");
    case Detail:
        return tr("Detail");
    case ColumnCount:
        break;
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

bool AuditModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_announcing && !m_atEnd;
}

void AuditModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent) || m_entries.isEmpty())
        return;
    auto page = m_query.page(m_filter, m_entries.last().id, m_pageSize);
    if (!page || page->isEmpty()) {
        m_atEnd = true;
        return;
    }
    m_atEnd = page->size() < m_pageSize;
    m_announcing = true;
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + page->size() - 1));
    m_entries.append(*page);
    endInsertRows();
    m_announcing = false;
}

} // namespace shiming::review
