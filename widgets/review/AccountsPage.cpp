#include "widgets/review/AccountsPage.h"

#include "core/outlet/ClerkText.h"
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

std::optional<Result<void>> AccountsPage::askUntilDone(AccountDialog::Kind kind, const QString& title,
                                                       AccountEntry start,
                                                       const std::function<Result<void>(const AccountEntry&)>& apply)
{
    QString error;
    for (;;) {
        std::optional<AccountEntry> entry = m_prompt(this, kind, title, start, error);
        store::wipe(start.password);
        if (!entry)
            return std::nullopt;
        Result<void> r = apply(*entry);
        // Refused for what was typed (a taken name, a short password): asked again with everything kept.
        if (r || r.error().code != Error::Code::InvalidInput) {
            store::wipe(entry->password);
            return r;
        }
        error = ClerkText::of(r.error());
        start = std::move(*entry);
    }
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
    QString added;
    auto r = askUntilDone(AccountDialog::Kind::NewAccount, tr("Add clerk"), {}, [&](const AccountEntry& entry) {
        added = entry.name;
        return m_authenticator.addAccount(m_session, entry.name, entry.displayName, auth::Role::Clerk, entry.password,
                                          m_kdf);
    });
    if (r)
        finish(*r, tr("Account %1 added.").arg(added));
}

void AccountsPage::resetPassword()
{
    const QString name = selectedAccount();
    if (name.isEmpty())
        return;
    auto r = askUntilDone(
        AccountDialog::Kind::PasswordReset, tr("Reset password of %1").arg(name), {},
        [&](const AccountEntry& entry) { return AccountAdmin(m_session, m_kdf).resetPassword(name, entry.password); });
    if (r)
        finish(*r, tr("Password of %1 reset.").arg(name));
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
