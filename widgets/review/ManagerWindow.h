#pragma once

#include "core/auth/Authenticator.h"
#include "core/auth/Session.h"
#include "core/review/AuditQuery.h"
#include "core/review/ReviewRepository.h"
#include "widgets/review/DecisionDialog.h"

#include <QHash>
#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QStackedWidget;
class QTabWidget;

namespace shiming::report {
class DailyReportView;
}

namespace shiming::review {

class AccountsModel;
class AccountsPage;
class AlertsPage;
class AuditModel;
class AuditPage;
class DayListModel;
class DayListPage;
class DetailPane;
class HallPage;
class RecordListModel;
class ReviewQueuePage;
class SpotCheckPage;

/// The store manager's window: the day list with filters and the record's detail, the pending manual reviews,
/// HQ's rejections, the daily spot check, the day's alerts, the daily report, accounts and the audit log. Only a
/// manager or an admin may open it (a clerk is refused, and the refusal is audited). Every record shown in the detail
/// pane is loaded through the audited path (record_viewed); approving or rejecting asks for the manager's credentials
/// again. Each tab is its own page widget (DayListPage, ReviewQueuePage twice, DailyReportView, AccountsPage,
/// AuditPage); the window holds the session, the detail pane and the status bar, and passes what one page did on to the
/// others (a decision refreshes the queues and the day list).
///
/// Opening it from the counter's main window (the "Manager" menu entry):
///     auto window = ManagerWindow::login(authenticator, user, password);   // asks nothing itself
///     if (window) { (*window)->setAttribute(Qt::WA_DeleteOnClose); (*window).release()->show(); }
///     else show ClerkText::of(window.error())
/// The window holds its own session for the manager (a second connection to the same database file), so the
/// clerk's session at the counter is untouched; it closes itself when that session locks for idleness.
class ManagerWindow : public QMainWindow {
    Q_OBJECT
public:
    /// Asks the manager for a decision (reason and credentials), starting from `previous` (what was typed before
    /// a wrong password, with `error` saying so). Tests replace it.
    using DecisionPrompt = std::function<std::optional<Decision>(
        QWidget* parent, const QString& title, const QString& text, const Decision& previous, const QString& error)>;

    /// Opens the window on a manager's (or admin's) session; refuses a clerk's (PolicyRefused, audited).
    static Result<std::unique_ptr<ManagerWindow>> open(std::unique_ptr<auth::Session> session,
                                                       auth::Authenticator& authenticator, QWidget* parent = nullptr);
    /// Logs `user` in with `password` (lockout and audit as for any login), then open().
    static Result<std::unique_ptr<ManagerWindow>> login(auth::Authenticator& authenticator, const QString& user,
                                                        const QByteArray& password, QWidget* parent = nullptr);

    ~ManagerWindow() override;

    void setDecisionPrompt(DecisionPrompt prompt) { m_prompt = std::move(prompt); }
    /// The catalogue's package names by id, for the day list, its filter and the detail pane.
    void setPackageNames(const QHash<QString, QString>& names);
    /// Argon2id cost for new or reset passwords (tests ask for KdfParams::weakForTests()).
    void setKdfParams(const store::KdfParams& kdf);

    auth::Session& session() { return *m_session; }
    DayListModel& dayListModel();
    RecordListModel& pendingModel();
    RecordListModel& rejectionsModel();
    AuditModel& auditModel();
    AccountsModel& accountsModel();
    DetailPane& detailPane() { return *m_detail; }
    /// The "whole hall" scope (scopeCombo's second entry).
    HallPage& hallPage() { return *m_hallPage; }
    report::DailyReportView& reportView() { return *m_report; }
    SpotCheckPage& spotCheckPage() { return *m_spotCheckPage; }
    AlertsPage& alertsPage() { return *m_alertsPage; }
    /// The damaged-database banner (hidden while the database is sound).
    QLabel& storageBanner() { return *m_storageBanner; }

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
    /// Re-reads both queues and puts their lengths in the tab titles.
    Result<void> refreshQueues();

signals:
    /// A decision voided a record: its number is free again (the catalog's pool may take it back).
    void numberReleased(const QString& number);

private:
    ManagerWindow(std::unique_ptr<auth::Session> session, auth::Authenticator& authenticator, QWidget* parent);

    void connectQueue(ReviewQueuePage* page);
    /// After a decision: the queues and the day list re-read, the decided record shown again.
    void afterDecision(const QString& uuid);
    void showError(const Error& error);
    void showStatus(const QString& message);
    /// The banner above the tabs: shown while the outlet database is damaged (its page check at sign-in, or
    /// records the sync set aside as unreadable), with what is lost and what to do.
    void showStorageHealth();
    Result<std::optional<QString>> confirmedManager(const QString& action, const QString& uuid, const QString& title,
                                                    const QString& text, QString* reason);

    std::unique_ptr<auth::Session> m_session;
    auth::Authenticator& m_authenticator;
    ReviewRepository m_repository;
    AuditQuery m_auditQuery;
    DecisionPrompt m_prompt;

    QLabel* m_storageBanner = nullptr;
    QTabWidget* m_tabs = nullptr;
    DetailPane* m_detail = nullptr;
    QComboBox* m_scope = nullptr;
    QStackedWidget* m_scopes = nullptr;
    HallPage* m_hallPage = nullptr;
    DayListPage* m_dayListPage = nullptr;
    ReviewQueuePage* m_pendingPage = nullptr;
    ReviewQueuePage* m_rejectionsPage = nullptr;
    report::DailyReportView* m_report = nullptr;
    AccountsPage* m_accountsPage = nullptr;
    AuditPage* m_auditPage = nullptr;
    SpotCheckPage* m_spotCheckPage = nullptr;
    AlertsPage* m_alertsPage = nullptr;
};

} // namespace shiming::review
