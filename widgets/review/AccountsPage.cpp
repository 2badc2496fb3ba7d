#include "widgets/review/AccountsPage.h"

#include "core/review/AccountAdmin.h"
#include "widgets/review/AccountsModel.h"
#include "widgets/review/PageParts.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming::review {

AccountsPage::AccountsPage(auth::Session& session, auth::Authenticator& authenticator, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_authenticator(authenticator)
    , m_model(new AccountsModel(this))
{
    auto* layout = new QVBoxLayout(this);
    m_view = makeTable(m_model, u"accountsView"_s, this);
    layout->addWidget(m_view, 1);
    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add clerk…"), this);
    add->setObjectName(u"addAccountButton"_s);
    auto* reset = new QPushButton(tr("Reset password…"), this);
    reset->setObjectName(u"resetPasswordButton"_s);
    auto* disable = new QPushButton(tr("Disable"), this);
    disable->setObjectName(u"disableAccountButton"_s);
    auto* role = new QPushButton(tr("Change role…"), this);
    role->setObjectName(u"changeRoleButton"_s);
    for (QPushButton* button : {add, reset, disable, role})
        buttons->addWidget(button);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, &AccountsPage::addClerk);
    connect(reset, &QPushButton::clicked, this, &AccountsPage::resetPassword);
    connect(disable, &QPushButton::clicked, this, &AccountsPage::disableAccount);
    connect(role, &QPushButton::clicked, this, &AccountsPage::changeRole);
}

void AccountsPage::refresh()
{
    if (auto accounts = AccountAdmin(m_session, m_kdf).accounts())
        m_model->setAccounts(*accounts);
    else
        emit failed(accounts.error());
}

QString AccountsPage::selectedAccount() const
{
    const store::AccountRecord* account = m_model->accountAt(m_view->currentIndex().row());
    return account ? account->name : QString();
}

QByteArray AccountsPage::askPassword(const QString& title)
{
    bool ok = false;
    const QString first =
        QInputDialog::getText(this, title, tr("New password (at least 8 characters):"), QLineEdit::Password, {}, &ok);
    if (!ok)
        return {};
    const QString second =
        QInputDialog::getText(this, title, tr("The same password again:"), QLineEdit::Password, {}, &ok);
    if (!ok || first != second) {
        emit statusReported(tr("The passwords differ."));
        return {};
    }
    return first.toUtf8();
}

void AccountsPage::finish(const Result<void>& result, const QString& success)
{
    if (!result)
        emit failed(result.error());
    else
        emit statusReported(success);
    refresh();
}

void AccountsPage::addClerk()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Add clerk"), tr("Account name:"), QLineEdit::Normal, {}, &ok).trimmed();
    if (!ok || name.isEmpty())
        return;
    const QString display =
        QInputDialog::getText(this, tr("Add clerk"), tr("Display name:"), QLineEdit::Normal, name, &ok);
    if (!ok)
        return;
    QByteArray password = askPassword(tr("Add clerk"));
    if (password.isEmpty())
        return;
    auto r = m_authenticator.addAccount(m_session, name, display, auth::Role::Clerk, password, m_kdf);
    store::wipe(password);
    finish(r, tr("Account %1 added.").arg(name));
}

void AccountsPage::resetPassword()
{
    const QString name = selectedAccount();
    if (name.isEmpty())
        return;
    QByteArray password = askPassword(tr("Reset password of %1").arg(name));
    if (password.isEmpty())
        return;
    auto r = AccountAdmin(m_session, m_kdf).resetPassword(name, password);
    store::wipe(password);
    finish(r, tr("Password of %1 reset.").arg(name));
}

void AccountsPage::disableAccount()
{
    const QString name = selectedAccount();
    if (!name.isEmpty())
        finish(m_authenticator.disableAccount(m_session, name), tr("Account %1 disabled.").arg(name));
}

void AccountsPage::changeRole()
{
    const QString name = selectedAccount();
    if (name.isEmpty())
        return;
    const QStringList roles{tr("Clerk"), tr("Manager"), tr("Administrator")};
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(this, tr("Change role"), tr("Role of %1:").arg(name), roles, 0, false, &ok);
    if (!ok)
        return;
    const auto newRole = auth::Role(roles.indexOf(chosen));
    finish(AccountAdmin(m_session, m_kdf).changeRole(name, newRole), tr("Role of %1 changed.").arg(name));
}

} // namespace shiming::review
