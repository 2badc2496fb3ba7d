#pragma once

#include "core/review/ReviewTypes.h"

#include <QAbstractTableModel>

namespace shiming::review {

/// A bounded queue of records (pending manual reviews, HQ rejections): time, clerk, masked customer and
/// document, number, face band and score, and the reason (HQ's, translated) with the next step.
class RecordListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Clerk, Customer, Document, Number, Band, Score, Reason, ColumnCount };
    enum Role { UuidRole = Qt::UserRole + 1 };

    explicit RecordListModel(QObject* parent = nullptr);

    void setRows(QList<ReviewRow> rows);
    const ReviewRow* rowAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ReviewRow> m_rows;
};

} // namespace shiming::review
