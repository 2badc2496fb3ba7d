#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace shiming {

class AccountGate;

/// The first screen: account and password (Enter logs in). A wrong password, a locked account or a broken
/// database each get a clear line; in demo mode the demo accounts and passwords are shown.
class LoginScreen : public QWidget {
    Q_OBJECT

public:
    explicit LoginScreen(AccountGate& gate, QWidget* parent = nullptr);

    void setOutletName(const QString& outlet);
    /// Demo mode: shows the demo accounts and passwords under the form.
    void setDemoAccounts(const QString& text);
    void reset();
    void attemptLogin();

signals:
    void loggedIn(const QString& account);

protected:
    void showEvent(QShowEvent* event) override;

private:
    AccountGate& m_gate;
    QLabel* m_outletLabel = nullptr;
    QLineEdit* m_accountEdit = nullptr;
    QLineEdit* m_passwordEdit = nullptr;
    QPushButton* m_loginButton = nullptr;
    QLabel* m_errorLabel = nullptr;
    QLabel* m_demoLabel = nullptr;
};

} // namespace shiming
