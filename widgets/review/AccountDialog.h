#pragma once

#include <QByteArray>
#include <QDialog>
#include <QString>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace shiming::review {

/// What the manager types for a new clerk, or for a password reset (name fixed, only the password).
struct AccountEntry {
    QString name;
    QString displayName;
    QByteArray password; ///< wiped by whoever takes it
};

/// One form for a new account (account name, display name, the password twice) or a password reset (the
/// password twice). Says what is still missing while typing and keeps OK disabled until it is complete; asked
/// again after a refusal, it keeps everything typed and shows why. The password fields are cleared on close.
class AccountDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind { NewAccount, PasswordReset };

    AccountDialog(Kind kind, const QString& title, const AccountEntry& start, const QString& error,
                  QWidget* parent = nullptr);
    ~AccountDialog() override;

    AccountEntry entry() const;
    /// What is still missing ("" when complete), as the form shows it.
    QString missing() const;

    /// Shows the dialog; nullopt when cancelled.
    static std::optional<AccountEntry> ask(QWidget* parent, Kind kind, const QString& title,
                                           const AccountEntry& start = {}, const QString& error = {});

private:
    void update();

    Kind m_kind;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_display = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_repeat = nullptr;
    QLabel* m_hint = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace shiming::review
