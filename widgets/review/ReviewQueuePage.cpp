#include "widgets/review/ReviewQueuePage.h"

#include "widgets/review/PageParts.h"
#include "widgets/review/RecordListModel.h"
#include "widgets/review/ReviewText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming::review {

ReviewQueuePage::ReviewQueuePage(Kind kind, auth::Session& session, ReviewRepository& repository,
                                 ConfirmManager confirm, QWidget* parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_session(session)
    , m_repository(repository)
    , m_confirm(std::move(confirm))
    , m_model(new RecordListModel(this))
{
    const bool pending = kind == Kind::PendingReviews;
    auto* layout = new QVBoxLayout(this);
    auto* hint = new QLabel(pending ? tr("Registrations whose face comparison asked for a manager's decision. "
                                         "Approving or rejecting needs your password again; a rejected "
                                         "registration is voided and its number released.")
                                    : tr("Registrations headquarters rejected. The reason and the next step are "
                                         "shown; void the record once the customer has been dealt with."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_view = makeTable(m_model, pending ? u"pendingView"_s : u"rejectionsView"_s, this);
    layout->addWidget(m_view, 1);
    m_nextStep = new QLabel(this);
    m_nextStep->setWordWrap(true);
    m_nextStep->setObjectName(pending ? u"pendingNoteLabel"_s : u"nextStepLabel"_s);
    layout->addWidget(m_nextStep);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    auto* refreshButton = new QPushButton(tr("Refresh"), this);
    buttons->addWidget(refreshButton);
    connect(refreshButton, &QPushButton::clicked, this, &ReviewQueuePage::refreshRequested);
    // The buttons report their refusals (wrong password, a clerk's account) as any other failure; a cancelled
    // prompt is no result and reports nothing.
    auto act = [this](Result<void> (ReviewQueuePage::*action)(const QString&)) {
        return [this, action] {
            if (auto r = (this->*action)(selectedUuid()); !r)
                emit failed(r.error());
        };
    };
    if (pending) {
        auto* approveButton = new QPushButton(tr("Approve…"), this);
        approveButton->setObjectName(u"approveButton"_s);
        auto* rejectButton = new QPushButton(tr("Reject…"), this);
        rejectButton->setObjectName(u"rejectButton"_s);
        buttons->addWidget(approveButton);
        buttons->addWidget(rejectButton);
        connect(approveButton, &QPushButton::clicked, this, act(&ReviewQueuePage::approve));
        connect(rejectButton, &QPushButton::clicked, this, act(&ReviewQueuePage::reject));
    } else {
        auto* voidButton = new QPushButton(tr("Void record…"), this);
        voidButton->setObjectName(u"voidRejectedButton"_s);
        buttons->addWidget(voidButton);
        connect(voidButton, &QPushButton::clicked, this, act(&ReviewQueuePage::voidRejected));
    }
    layout->addLayout(buttons);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this, pending](const QModelIndex& current) {
                const ReviewRow* row = m_model->rowAt(current.row());
                if (!row)
                    return;
                if (!pending)
                    m_nextStep->setText(tr("Next step: %1").arg(ReviewText::nextStep(row->hqReason)));
                emit recordSelected(row->uuid);
            });
}

Result<void> ReviewQueuePage::refresh()
{
    auto rows = m_kind == Kind::PendingReviews
                    ? m_repository.pendingReviews(m_session.store().clock().today().addDays(-30))
                    : m_repository.hqRejections();
    if (!rows)
        return fail(rows.error());
    m_model->setRows(*rows);
    return {};
}

Result<void> ReviewQueuePage::approve(const QString& uuid)
{
    QString reason;
    auto manager = m_confirm(u"review_approve"_s, uuid, tr("Approve manual review"),
                             tr("Confirm that the customer is the person on the document."), &reason);
    if (!manager)
        return fail(manager.error());
    if (!manager->has_value())
        return {}; // the manager cancelled: nothing decided, nothing to report
    if (auto r = m_repository.approve(uuid, **manager, reason); !r)
        return r;
    emit statusReported(tr("Registration approved."));
    emit decided(uuid);
    return {};
}

Result<void> ReviewQueuePage::reject(const QString& uuid)
{
    QString reason;
    auto manager = m_confirm(u"review_reject"_s, uuid, tr("Reject manual review"),
                             tr("The registration will be voided and its number released."), &reason);
    if (!manager)
        return fail(manager.error());
    if (!manager->has_value())
        return {}; // the manager cancelled: nothing decided, nothing to report
    auto number = m_repository.reject(uuid, **manager, reason);
    if (!number)
        return fail(number.error());
    emit statusReported(tr("Registration rejected and voided; number %1 released.").arg(*number));
    if (!number->isEmpty())
        emit numberReleased(*number);
    emit decided(uuid);
    return {};
}

Result<void> ReviewQueuePage::voidRejected(const QString& uuid)
{
    QString note;
    auto manager = m_confirm(u"hq_rejection_void"_s, uuid, tr("Void a record HQ rejected"),
                             tr("Describe what was done with the customer."), &note);
    if (!manager)
        return fail(manager.error());
    if (!manager->has_value())
        return {}; // the manager cancelled: nothing decided, nothing to report
    auto number = m_repository.voidHqRejection(uuid, **manager, note);
    if (!number)
        return fail(number.error());
    if (!number->isEmpty())
        emit numberReleased(*number);
    emit decided(uuid);
    return {};
}

QString ReviewQueuePage::selectedUuid() const
{
    const ReviewRow* row = m_model->rowAt(m_view->currentIndex().row());
    return row ? row->uuid : QString();
}

} // namespace shiming::review
