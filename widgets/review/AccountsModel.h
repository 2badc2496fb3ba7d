#pragma once

#include "core/store/AccountRepository.h"

#include <QAbstractTableModel>

namespace shiming::review {

/// The outlet's accounts (name, display name, role, active, created by, password changed). Key material is
/// never kept here.
class AccountsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, DisplayName, Role, Active, CreatedBy, PasswordChanged, ColumnCount };

    explicit AccountsModel(QObject* parent = nullptr);

    void setAccounts(QList<store::AccountRecord> accounts);
    const store::AccountRecord* accountAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<store::AccountRecord> m_accounts;
};

} // namespace shiming::review
