#pragma once

#include "core/auth/Authenticator.h"
#include "core/auth/Session.h"

#include <QWidget>

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

signals:
    void statusReported(const QString& message);
    void failed(const shiming::Error& error);

private:
    QString selectedAccount() const;
    /// Asks for a new password twice; empty when cancelled or the two differ.
    QByteArray askPassword(const QString& title);
    void addClerk();
    void resetPassword();
    void disableAccount();
    void changeRole();
    void finish(const Result<void>& result, const QString& success);

    auth::Session& m_session;
    auth::Authenticator& m_authenticator;
    store::KdfParams m_kdf = store::KdfParams::production();
    AccountsModel* m_model = nullptr;
    QTableView* m_view = nullptr;
};

} // namespace shiming::review
