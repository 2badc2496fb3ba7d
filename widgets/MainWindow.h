#pragma once

#include "core/common/Clock.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>

class QStackedWidget;

namespace shiming {

namespace reader {
class IdCardReader;
}
namespace auth {
class Authenticator;
}

class AccountGate;
class OutletSync;
class CustomerDisplay;
class LockOverlay;
class LoginScreen;
class OutletEnvironment;
class RegistrationWizard;
class StatusPanel;
struct RegistrationContext;

/// What the main window needs; built by the composition root (app/shiming/main.cpp). Nothing is owned.
struct MainWindowServices {
    const Clock* clock = nullptr;
    AccountGate* gate = nullptr;
    RegistrationContext* registration = nullptr;
    QString outletId;
    /// The outlet's accounts, for Account → Manager review (a manager or admin signs in there with their own
    /// credentials, without signing the clerk out). Null: the entry is not offered.
    auth::Authenticator* authenticator = nullptr;
    /// Demo mode: the demo accounts and passwords, shown on the login screen.
    QString demoAccounts;
    /// The link to HQ (queue length and last sync in the status bar, Tools → Sync now). Null: not shown.
    OutletSync* sync = nullptr;
    /// What is missing or degraded at this counter (translated), shown in the status bar at start.
    QStringList notes;

    /// Everything a composed counter (configured or demo) offers; demo mode adds demoAccounts.
    static MainWindowServices of(OutletEnvironment& outlet, const Clock& clock);
};

/// Why the counter cannot start its registration flow: no configuration, or one that does not work.
struct FirstRunInfo {
    QString problem;      ///< translated: what is wrong (empty: no configuration found)
    QStringList lookedAt; ///< where the configuration was looked for
    QString examplePath;  ///< where an installer puts it
};

/// The counter's main window: the login screen, then the registration flow, with the status bar (reader,
/// camera, sync queue, clerk, outlet), the locked overlay after idle time, a large-text mode for elderly
/// customers (Ctrl+Shift+L) and the customer-facing window on a second screen. Tools → Document check
/// (Ctrl+D) opens the stand-alone document check form.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    /// The document check alone (no services): for tools and old callers.
    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(MainWindowServices services, QWidget* parent = nullptr);
    /// The first-run screen: how to configure the counter; Tools → Document check still works.
    explicit MainWindow(const FirstRunInfo& firstRun, QWidget* parent = nullptr);
    ~MainWindow() override;

    LoginScreen* loginScreen() const { return m_login; }
    RegistrationWizard* wizard() const { return m_wizard; }
    StatusPanel* statusPanel() const { return m_status; }
    CustomerDisplay* customerDisplay() const { return m_customerDisplay; }
    LockOverlay* lockOverlay() const { return m_lock; }

    bool largeText() const { return m_largeText; }
    void setLargeText(bool on);
    void openDocumentCheck();
    /// Asks for a manager's or admin's account and password and opens the store manager's window.
    void openManagerReview();

signals:
    /// The clerk chose another language while signed out (View → Language).
    void languageChosen(const QLocale& locale);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    /// Refused while locked; asks first when a registration is in progress.
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void showSyncStatus();
    void onLoggedIn(const QString& account);
    void signOut();
    /// While locked nothing but the overlay's password field works: actions, shortcuts and the menu bar are
    /// disabled (their states kept for the unlock) and the customer display is hidden.
    void setLockedUi(bool locked);

    MainWindowServices m_services;
    SystemClock m_clock; ///< for the document check when no clock was passed in
    QStackedWidget* m_stack = nullptr;
    LoginScreen* m_login = nullptr;
    RegistrationWizard* m_wizard = nullptr;
    StatusPanel* m_status = nullptr;
    CustomerDisplay* m_customerDisplay = nullptr;
    LockOverlay* m_lock = nullptr;
    bool m_lockingByHand = false;
    bool m_storageNoticeShown = false; ///< the damaged-database notice was shown in this sign-in
    bool m_customerDisplayWasVisible = false;
    QList<QPointer<QObject>> m_disabledWhileLocked;
    bool m_largeText = false;
    qreal m_basePointSize = 0;
};

} // namespace shiming
