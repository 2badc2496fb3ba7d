#pragma once

#include "core/auth/Session.h"
#include "core/review/ReviewRepository.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QTableView;

namespace shiming::review {

class RecordListModel;

/// One of the manager's two queues: the manual reviews waiting for a decision (approve / reject), or the
/// records headquarters rejected (void once the customer is dealt with, with the next step shown). Every
/// decision asks the manager's credentials again through ConfirmManager, which the window provides.
class ReviewQueuePage : public QWidget {
    Q_OBJECT
public:
    enum class Kind { PendingReviews, HqRejections };

    /// Prompts for the reason and credentials of `action` on `uuid` and verifies them as a manager override;
    /// returns the confirming manager's account name and sets `*reason`; no name when the manager cancelled
    /// the prompt (no result, not an error).
    using ConfirmManager = std::function<Result<std::optional<QString>>(
        const QString& action, const QString& uuid, const QString& title, const QString& text, QString* reason)>;

    ReviewQueuePage(Kind kind, auth::Session& session, ReviewRepository& repository, ConfirmManager confirm,
                    QWidget* parent = nullptr);

    Kind kind() const { return m_kind; }
    RecordListModel& model() { return *m_model; }

    /// Re-reads the queue (pending reviews of the last 30 days, or every HQ rejection).
    Result<void> refresh();
    /// Approve / reject a pending manual review; reject voids the record and releases its number.
    Result<void> approve(const QString& uuid);
    Result<void> reject(const QString& uuid);
    /// Voids a record HQ rejected.
    Result<void> voidRejected(const QString& uuid);

signals:
    void recordSelected(const QString& uuid);
    /// The manager asked for fresh queues (the Refresh button).
    void refreshRequested();
    /// A decision changed `uuid`: the queues and the day list are stale.
    void decided(const QString& uuid);
    /// A decision voided a record: its number is free again.
    void numberReleased(const QString& number);
    void statusReported(const QString& message);
    void failed(const shiming::Error& error);

private:
    QString selectedUuid() const;

    Kind m_kind;
    auth::Session& m_session;
    ReviewRepository& m_repository;
    ConfirmManager m_confirm;
    RecordListModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_nextStep = nullptr;
};

} // namespace shiming::review
