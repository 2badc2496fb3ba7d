#pragma once

#include "core/auth/Session.h"
#include "core/review/Alerts.h"
#include "core/review/ReviewRepository.h"

#include <QDate>
#include <QWidget>

#include <functional>
#include <optional>

class QDateEdit;
class QLabel;
class QListWidget;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace shiming::review {

/// The day's compliance alerts (outlet::dayAlerts, evaluated again when the page refreshes): what each is about,
/// the figure behind it and whether it was acknowledged; the records behind the selected alert, each opened in
/// the detail pane; **Acknowledge…** with a note.
class AlertsPage : public QWidget {
    Q_OBJECT
public:
    /// Asks for the acknowledgement's note; empty optional when the manager cancels. Tests replace it.
    using NotePrompt = std::function<std::optional<QString>(QWidget* parent)>;

    AlertsPage(auth::Session& session, ReviewRepository& repository, QWidget* parent = nullptr);

    void setNotePrompt(NotePrompt prompt) { m_askNote = std::move(prompt); }
    QStandardItemModel& model() { return *m_model; }
    QListWidget& recordList() { return *m_records; }
    const QList<Alert>& alerts() const { return m_alerts; }
    /// Unacknowledged alerts of the day shown (the window puts it in the tab title).
    int open() const;

    /// Shows `day`'s alerts, evaluating the rules again.
    Result<void> showDay(QDate day);
    Result<void> refresh();
    Result<void> acknowledge(qint64 id);
    qint64 selectedId() const;

signals:
    void recordSelected(const QString& uuid);
    void changed();
    void statusReported(const QString& message);
    void failed(const shiming::Error& error);

private:
    void showAlerts();
    void showRecords();

    auth::Session& m_session;
    ReviewRepository& m_repository;
    NotePrompt m_askNote;
    QDateEdit* m_date = nullptr;
    QStandardItemModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QListWidget* m_records = nullptr;
    QPushButton* m_ackButton = nullptr;
    QList<Alert> m_alerts;
    int m_sameIdentityHours = ComplianceSettings{}.sameIdentityHours; ///< as the alerts shown were evaluated
};

/// The manager's words for what an alert is about ("阿**: 2 numbers within 24 hours").
QString alertText(const Alert& alert, int sameIdentityHours);

} // namespace shiming::review
