#pragma once

#include "core/auth/Authenticator.h"
#include "core/auth/Session.h"
#include "widgets/review/AccountDialog.h"

#include <QWidget>

#include <functional>
#include <optional>

class QTableView;

namespace shiming::review {

class AccountsModel;

/// The outlet's accounts: add a clerk, reset a password, disable an account, change a role. The rights
/// (a manager acts on clerks only) are the core's; this page asks for names and passwords and says the outcome.
class AccountsPage : public QWidget {
    Q_OBJECT
public:
    AccountsPage(auth::Session& session, auth::Authenticator& authenticator, QWidget* parent = nullptr);

    AccountsModel& model() { return *m_model; }
    /// Argon2id cost for new or reset passwords (tests ask for KdfParams::weakForTests()).
    void setKdfParams(const store::KdfParams& kdf) { m_kdf = kdf; }

    /// Re-reads the accounts (a failure is reported through failed()).
    void refresh();

    /// Asks for a new account or a new password: the entry typed before and why it is asked again (empty the
    /// first time); nullopt when cancelled. AccountDialog::ask by default; tests answer without a dialog.
    using AccountPrompt =
        std::function<std::optional<AccountEntry>(QWidget* parent, AccountDialog::Kind kind, const QString& title,
                                                  const AccountEntry& previous, const QString& error)>;
    void setAccountPrompt(AccountPrompt prompt) { m_prompt = std::move(prompt); }

    void addClerk();
    void resetPassword();

signals:
    void statusReported(const QString& message);
    void failed(const shiming::Error& error);

private:
    QString selectedAccount() const;
    /// Asks until `apply` accepts the entry or the manager cancels; a refusal is shown in the form, which keeps
    /// what was typed. Returns the outcome of the last try (nullopt: cancelled).
    std::optional<Result<void>> askUntilDone(AccountDialog::Kind kind, const QString& title, AccountEntry start,
                                             const std::function<Result<void>(const AccountEntry&)>& apply);
    void disableAccount();
    void changeRole();
    void finish(const Result<void>& result, const QString& success);

    auth::Session& m_session;
    auth::Authenticator& m_authenticator;
    store::KdfParams m_kdf = store::KdfParams::production();
    AccountsModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    AccountPrompt m_prompt = &AccountDialog::ask;
};

} // namespace shiming::review
