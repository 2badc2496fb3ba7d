#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace shiming {

class AccountGate;

/// Covers the main window after the idle time ("locked"): the half-finished registration stays underneath,
/// only the same account's password unlocks. Ctrl+L locks at once.
class LockOverlay : public QWidget {
    Q_OBJECT

public:
    LockOverlay(AccountGate& gate, QWidget* parent);

    void showLocked();
    void attemptUnlock();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    AccountGate& m_gate;
    QLabel* m_accountLabel = nullptr;
    QLineEdit* m_passwordEdit = nullptr;
    QLabel* m_errorLabel = nullptr;
};

} // namespace shiming
