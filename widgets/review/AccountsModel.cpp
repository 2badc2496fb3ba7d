#include "widgets/review/AccountsModel.h"

using namespace Qt::StringLiterals;

namespace shiming::review {

AccountsModel::AccountsModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void AccountsModel::setAccounts(QList<store::AccountRecord> accounts)
{
    for (store::AccountRecord& account : accounts)
        account.accountKey.clear();
    beginResetModel();
    m_accounts = std::move(accounts);
    endResetModel();
}

const store::AccountRecord* AccountsModel::accountAt(int row) const
{
    return row >= 0 && row < m_accounts.size() ? &m_accounts.at(row) : nullptr;
}

int AccountsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

int AccountsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole)
        return {};
    const store::AccountRecord& account = m_accounts.at(index.row());
    switch (Column(index.column())) {
    case Name:
        return account.name;
    case DisplayName:
        return account.displayName;
    case Role:
        if (account.role == u"clerk"_s)
            return tr("Clerk");
        if (account.role == u"manager"_s)
            return tr("Manager");
        return tr("Administrator");
    case Active:
        return account.active ? tr("Active") : tr("Disabled");
    case CreatedBy:
        return account.createdBy;
    case PasswordChanged:
        return account.passwordChangedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AccountsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Name:
        return tr("Account");
    case DisplayName:
        return tr("Name");
    case Role:
        return tr("Role");
    case Active:
        return tr("State");
    case CreatedBy:
        return tr("Created by");
    case PasswordChanged:
        return tr("Password changed");
    case ColumnCount:
        break;
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace shiming::review
