#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace shiming {

class AccountGate;

/// Covers the main window after the idle time or Ctrl+L ("locked"), opaque: the half-finished registration stays
/// underneath, unreadable; only the same account's password unlocks. MainWindow disables every action and
/// shortcut and hides the customer display meanwhile, and does not close.
class LockOverlay : public QWidget {
    Q_OBJECT

public:
    LockOverlay(AccountGate& gate, QWidget* parent);

    /// Shows the overlay; `manual`: the clerk locked it (Ctrl+L), else the idle time did.
    void showLocked(bool manual = false);
    /// Says on the overlay why the window does not close while locked.
    void refuseClose();
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
