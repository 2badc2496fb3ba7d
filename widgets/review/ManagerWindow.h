#pragma once

#include "core/auth/Authenticator.h"
#include "core/auth/Session.h"
#include "core/review/AuditQuery.h"
#include "core/review/ReviewRepository.h"
#include "widgets/review/DecisionDialog.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTableView;

namespace shiming::report {
class DailyReportView;
}

namespace shiming::review {

class AccountsModel;
class AuditModel;
class DayListModel;
class DetailPane;
class RecordListModel;

/// The store manager's window: the day list with filters and the record's detail, the pending manual reviews,
/// HQ's rejections, the daily report, accounts and the audit log. Only a manager or an admin may open it (a
/// clerk is refused, and the refusal is audited). Every record shown in the detail pane is loaded through the
/// audited path (record_viewed); approving or rejecting asks for the manager's credentials again.
///
/// Opening it from the counter's main window (the "Manager" menu entry):
///     auto window = ManagerWindow::login(authenticator, user, password);   // asks nothing itself
///     if (window) { (*window)->setAttribute(Qt::WA_DeleteOnClose); (*window).release()->show(); }
///     else show ErrorText::forClerk(window.error())
/// The window holds its own session for the manager (a second connection to the same database file), so the
/// clerk's session at the counter is untouched; it closes itself when that session locks for idleness.
class ManagerWindow : public QMainWindow {
    Q_OBJECT
public:
    /// Asks the manager for a decision (reason and credentials). Tests replace it.
    using DecisionPrompt =
        std::function<std::optional<Decision>(QWidget* parent, const QString& title, const QString& text)>;

    /// Opens the window on a manager's (or admin's) session; refuses a clerk's (PolicyRefused, audited).
    static Result<std::unique_ptr<ManagerWindow>> open(std::unique_ptr<auth::Session> session,
                                                       auth::Authenticator& authenticator, QWidget* parent = nullptr);
    /// Logs `user` in with `password` (lockout and audit as for any login), then open().
    static Result<std::unique_ptr<ManagerWindow>> login(auth::Authenticator& authenticator, const QString& user,
                                                        const QByteArray& password, QWidget* parent = nullptr);

    ~ManagerWindow() override;

    void setDecisionPrompt(DecisionPrompt prompt) { m_prompt = std::move(prompt); }
    /// Argon2id cost for new or reset passwords (tests ask for KdfParams::weakForTests()).
    void setKdfParams(const store::KdfParams& kdf) { m_kdf = kdf; }

    auth::Session& session() { return *m_session; }
    DayListModel& dayListModel() { return *m_dayList; }
    RecordListModel& pendingModel() { return *m_pending; }
    RecordListModel& rejectionsModel() { return *m_rejections; }
    AuditModel& auditModel() { return *m_audit; }
    AccountsModel& accountsModel() { return *m_accounts; }
    DetailPane& detailPane() { return *m_detail; }
    report::DailyReportView& reportView() { return *m_report; }

    /// Shows one record in the detail pane (audited record_viewed).
    Result<void> showRecord(const QString& uuid);
    /// Puts the shown record's full document number on screen (audited document_number_shown).
    Result<void> showFullDocument(const QString& uuid);
    /// Approve / reject a pending manual review: prompts for the reason and credentials, verifies them as a
    /// manager override, records the decision. Returns PolicyRefused when cancelled or refused.
    Result<void> approve(const QString& uuid);
    Result<void> reject(const QString& uuid);
    /// Voids a record HQ rejected (prompted like a decision).
    Result<void> voidRejected(const QString& uuid);
    /// Re-reads the day list with the filter boxes' values.
    Result<void> applyFilter();
    Result<void> refreshQueues();

signals:
    /// A decision voided a record: its number is free again (the catalog's pool may take it back).
    void numberReleased(const QString& number);

private:
    ManagerWindow(std::unique_ptr<auth::Session> session, auth::Authenticator& authenticator, QWidget* parent);

    QWidget* buildDayListPage();
    QWidget* buildQueuePage(RecordListModel* model, bool pending);
    QWidget* buildAccountsPage();
    QWidget* buildAuditPage();
    void fillFilterChoices();
    void refreshAccounts();
    void refreshAudit();
    void verifyAudit();
    void showError(const Error& error);
    Result<QString> confirmedManager(const QString& action, const QString& uuid, const QString& title,
                                     const QString& text, QString* reason);
    QString selectedUuid(QTableView* view) const;

    std::unique_ptr<auth::Session> m_session;
    auth::Authenticator& m_authenticator;
    ReviewRepository m_repository;
    AuditQuery m_auditQuery;
    store::KdfParams m_kdf = store::KdfParams::production();
    DecisionPrompt m_prompt;

    QTabWidget* m_tabs = nullptr;
    DayListModel* m_dayList = nullptr;
    RecordListModel* m_pending = nullptr;
    RecordListModel* m_rejections = nullptr;
    AuditModel* m_audit = nullptr;
    AccountsModel* m_accounts = nullptr;
    DetailPane* m_detail = nullptr;
    report::DailyReportView* m_report = nullptr;

    QTableView* m_dayView = nullptr;
    QTableView* m_pendingView = nullptr;
    QTableView* m_rejectionsView = nullptr;
    QTableView* m_accountsView = nullptr;
    QLabel* m_countLabel = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_clerk = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_band = nullptr;
    QComboBox* m_package = nullptr;
    QComboBox* m_customerType = nullptr;
    QComboBox* m_sync = nullptr;
    QLineEdit* m_documentDigits = nullptr;
    QLineEdit* m_phone = nullptr;

    QComboBox* m_auditActor = nullptr;
    QComboBox* m_auditAction = nullptr;
    QLineEdit* m_auditRecord = nullptr;
    QCheckBox* m_auditUseDates = nullptr;
    QDateEdit* m_auditFrom = nullptr;
    QDateEdit* m_auditTo = nullptr;
    QLabel* m_chainLabel = nullptr;
};

} // namespace shiming::review
