#include "widgets/review/AuditPage.h"

#include "core/review/ReviewTypes.h"
#include "widgets/review/AuditModel.h"
#include "widgets/review/PageParts.h"
#include "widgets/review/ReviewText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming::review {

namespace {

const QStringList& knownAuditActions()
{
    static const QStringList actions = [] {
        QStringList list;
        for (QStringView action : {store::audit::Initialised,     store::audit::Login,
                                   store::audit::LoginFailed,     store::audit::AccountLocked,
                                   store::audit::Logout,          store::audit::AccountAdded,
                                   store::audit::AccountDisabled, store::audit::PasswordChanged,
                                   store::audit::RecordCreated,   store::audit::RecordViewed,
                                   store::audit::RecordExported,  store::audit::RecordVoided,
                                   store::audit::HqResult,        store::audit::Override,
                                   store::audit::OverrideRefused, store::audit::Purge,
                                   store::audit::Rekey,           store::audit::RecordUnreadable,
                                   audit::WindowOpened,           audit::WindowRefused,
                                   audit::DocumentShown,          audit::ReviewApproved,
                                   audit::ReviewRejected,         audit::HqRejectionVoided,
                                   audit::ReportExported,         audit::RoleChanged,
                                   audit::PasswordReset})
            list.append(action.toString());
        list.sort();
        return list;
    }();
    return actions;
}

} // namespace

AuditPage::AuditPage(auth::Session& session, AuditQuery& query, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_query(query)
    , m_model(new AuditModel(query, this))
{
    auto* layout = new QVBoxLayout(this);
    auto* filters = new QHBoxLayout;
    m_actor = makeFilterCombo(u"auditActorCombo"_s, tr("Any"), this);
    m_action = makeFilterCombo(u"auditActionCombo"_s, tr("Any"), this);
    for (const QString& action : knownAuditActions())
        m_action->addItem(ReviewText::auditAction(action), action);
    m_record = new QLineEdit(this);
    m_record->setObjectName(u"auditRecordEdit"_s);
    m_record->setPlaceholderText(tr("record id"));
    m_useDates = new QCheckBox(tr("Between"), this);
    m_useDates->setObjectName(u"auditDatesCheck"_s);
    const QDate today = m_session.store().clock().today();
    m_from = makeDateEdit(today, this);
    m_to = makeDateEdit(today, this);
    auto* apply = new QPushButton(tr("Apply"), this);
    apply->setObjectName(u"auditApplyButton"_s);
    auto* verifyButton = new QPushButton(tr("Verify chain"), this);
    verifyButton->setObjectName(u"verifyChainButton"_s);
    filters->addWidget(new QLabel(tr("User"), this));
    filters->addWidget(m_actor);
    filters->addWidget(new QLabel(tr("Action"), this));
    filters->addWidget(m_action);
    filters->addWidget(m_record, 1);
    filters->addWidget(m_useDates);
    filters->addWidget(m_from);
    filters->addWidget(m_to);
    filters->addWidget(apply);
    filters->addWidget(verifyButton);
    layout->addLayout(filters);
    m_chainLabel = new QLabel(tr("The hash chain has not been verified in this window yet."), this);
    m_chainLabel->setObjectName(u"chainLabel"_s);
    m_chainLabel->setWordWrap(true);
    layout->addWidget(m_chainLabel);
    layout->addWidget(makeTable(m_model, u"auditView"_s, this), 1);
    connect(apply, &QPushButton::clicked, this, &AuditPage::refresh);
    connect(m_record, &QLineEdit::returnPressed, this, &AuditPage::refresh);
    connect(verifyButton, &QPushButton::clicked, this, &AuditPage::verify);
    fillActorChoices();
}

void AuditPage::fillActorChoices()
{
    if (auto actors = m_query.actors()) {
        for (const QString& actor : std::as_const(*actors))
            m_actor->addItem(actor, actor);
    }
}

void AuditPage::refresh()
{
    m_session.touch();
    AuditFilter filter;
    filter.actor = m_actor->currentData().toString();
    filter.action = m_action->currentData().toString();
    filter.recordUuid = m_record->text().trimmed();
    if (m_useDates->isChecked()) {
        filter.from = m_from->date();
        filter.to = m_to->date();
    }
    if (auto r = m_model->setFilter(filter); !r)
        emit failed(r.error());
}

void AuditPage::verify()
{
    m_session.touch();
    auto report = m_query.verify();
    if (!report) {
        emit failed(report.error());
        return;
    }
    if (report->intact) {
        m_chainLabel->setText(tr("The hash chain verifies: %n entries, none altered or removed.", nullptr,
                                 int(qMin<qint64>(report->entries, INT_MAX))));
        m_model->setBrokenFrom(0);
    } else {
        m_chainLabel->setText(tr("The hash chain is BROKEN at entry %1: %2. Entries from there on cannot be "
                                 "trusted; report this to HQ.")
                                  .arg(report->firstBadId)
                                  .arg(report->problem));
        m_model->setBrokenFrom(report->firstBadId);
    }
}

} // namespace shiming::review
