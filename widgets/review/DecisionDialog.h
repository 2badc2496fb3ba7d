#pragma once

#include <QByteArray>
#include <QDialog>
#include <QString>

#include <optional>

class QLineEdit;
class QPlainTextEdit;

namespace shiming::review {

/// What a manager enters to decide a record: a reason and their credentials again (not just the session).
struct Decision {
    QString reason;
    QString user;
    QByteArray password;
};

/// Asks for a reason, the manager's account and password. The password field never keeps its text after
/// the dialog closes.
class DecisionDialog : public QDialog {
    Q_OBJECT
public:
    /// `start`: the reason and account typed before (kept after a wrong password); `error`: why it is asked again.
    DecisionDialog(const QString& title, const QString& text, const Decision& start, const QString& error,
                   QWidget* parent = nullptr);
    ~DecisionDialog() override;

    Decision decision() const;

    /// Shows the dialog; nullopt when cancelled.
    static std::optional<Decision> ask(QWidget* parent, const QString& title, const QString& text,
                                       const Decision& start = {}, const QString& error = {});

private:
    void updateOk();

    QPlainTextEdit* m_reason = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    class QPushButton* m_ok = nullptr;
};

} // namespace shiming::review
