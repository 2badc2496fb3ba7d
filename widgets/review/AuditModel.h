#pragma once

#include "core/review/AuditQuery.h"

#include <QAbstractTableModel>

namespace shiming::review {

/// The audit viewer's table, newest first, read in pages (keyset on the entry id) as the view scrolls.
/// Rows from `brokenFromId` on are marked when the chain does not verify.
class AuditModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, At, Actor, Action, Record, Detail, ColumnCount };

    explicit AuditModel(AuditQuery& query, QObject* parent = nullptr);

    Result<void> setFilter(const AuditFilter& filter);
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    /// Marks the first entry that failed verification (0: the chain is intact).
    void setBrokenFrom(qint64 id);
    const store::AuditEntry* entryAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    AuditQuery& m_query;
    AuditFilter m_filter;
    QList<store::AuditEntry> m_entries;
    bool m_atEnd = true;
    bool m_announcing = false;
    int m_pageSize = 200;
    qint64 m_brokenFrom = 0;
};

} // namespace shiming::review
