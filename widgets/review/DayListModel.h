#pragma once

#include "core/review/ReviewRepository.h"

#include <QHash>

#include <QAbstractTableModel>
#include <QSet>

namespace shiming::review {

/// The manager's day list: a table over ReviewRepository that reads in pages (canFetchMore/fetchMore), never
/// the whole table. Names are masked except the surname and document numbers except their ends; a row's full
/// number appears only after revealDocument() (the caller audits that). Sorting re-queries in the database.
class DayListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { UuidRole = Qt::UserRole + 1, PendingReviewRole, FullDocumentRole };

    explicit DayListModel(ReviewRepository& repository, QObject* parent = nullptr);

    /// Replaces the filter and reloads the first page. Returns the query's failure, if any.
    Result<void> setFilter(const ReviewFilter& filter);
    const ReviewFilter& filter() const { return m_filter; }
    /// Reloads with the same filter (after a decision changed a record).
    Result<void> reload();
    /// Records matching the filter, loaded or not.
    qint64 totalCount() const { return m_total; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int pageSize() const { return m_pageSize; }

    /// Shows the full document number of `uuid`'s row from now on (until the filter changes).
    void revealDocument(const QString& uuid);
    const ReviewRow* rowAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    /// The catalogue's package names by id: the list shows "畅聊无忧 58元", not "changliao-58".
    void setPackageNames(QHash<QString, QString> names) { m_packageNames = std::move(names); }

signals:
    /// A query failed (the list keeps what it had).
    void queryFailed(const shiming::Error& error);

private:
    ReviewRepository& m_repository;
    ReviewFilter m_filter;
    ReviewSort m_sort;
    QList<ReviewRow> m_rows;
    qint64 m_total = 0;
    int m_pageSize = 200;
    bool m_announcing = false;
    QSet<QString> m_revealed;
    QHash<QString, QString> m_packageNames;
};

} // namespace shiming::review
