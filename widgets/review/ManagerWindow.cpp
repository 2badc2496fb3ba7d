#include "widgets/review/ManagerWindow.h"

#include "core/common/Logging.h"
#include "core/outlet/ManagerAccess.h"
#include "core/review/AccountAdmin.h"
#include "widgets/common/ErrorText.h"
#include "widgets/report/DailyReportView.h"
#include "widgets/review/AccountsModel.h"
#include "widgets/review/AuditModel.h"
#include "widgets/review/DayListModel.h"
#include "widgets/review/DetailPane.h"
#include "widgets/review/RecordListModel.h"
#include "widgets/review/ReviewText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace shiming::registration;

namespace shiming::review {

namespace {

QTableView* makeTable(QAbstractItemModel* model, const QString& objectName, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QComboBox* makeCombo(const QString& objectName, QWidget* parent)
{
    auto* combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->addItem(ManagerWindow::tr("Any"), QString());
    return combo;
}

const QStringList& knownAuditActions()
{
    static const QStringList actions = [] {
        QStringList list;
        for (QStringView action : {store::audit::Initialised,
                                   store::audit::Login,
                                   store::audit::LoginFailed,
                                   store::audit::AccountLocked,
                                   store::audit::Logout,
                                   store::audit::AccountAdded,
                                   store::audit::AccountDisabled,
                                   store::audit::PasswordChanged,
                                   store::audit::RecordCreated,
                                   store::audit::RecordViewed,
                                   store::audit::RecordExported,
                                   store::audit::RecordVoided,
                                   store::audit::HqResult,
                                   store::audit::Override,
                                   store::audit::OverrideRefused,
                                   store::audit::Purge,
                                   store::audit::Rekey,
                                   audit::WindowOpened,
                                   audit::WindowRefused,
                                   audit::DocumentShown,
                                   audit::ReviewApproved,
                                   audit::ReviewRejected,
                                   audit::HqRejectionVoided,
                                   audit::ReportExported,
                                   audit::RoleChanged,
                                   audit::PasswordReset})
            list.append(action.toString());
        list.sort();
        return list;
    }();
    return actions;
}

} // namespace

Result<std::unique_ptr<ManagerWindow>> ManagerWindow::open(std::unique_ptr<auth::Session> session,
                                                           auth::Authenticator& authenticator, QWidget* parent)
{
    if (!session)
        return fail(Error::invalidInput(u"no session"_s));
    if (auto opened = outlet::openManagerView(*session); !opened)
        return fail(opened.error());
    return std::unique_ptr<ManagerWindow>(new ManagerWindow(std::move(session), authenticator, parent));
}

Result<std::unique_ptr<ManagerWindow>> ManagerWindow::login(auth::Authenticator& authenticator, const QString& user,
                                                            const QByteArray& password, QWidget* parent)
{
    auto session = outlet::signInForManagerView(authenticator, user, password);
    if (!session)
        return fail(session.error());
    return std::unique_ptr<ManagerWindow>(new ManagerWindow(std::move(*session), authenticator, parent));
}

ManagerWindow::ManagerWindow(std::unique_ptr<auth::Session> session, auth::Authenticator& authenticator,
                             QWidget* parent)
    : QMainWindow(parent)
    , m_session(std::move(session))
    , m_authenticator(authenticator)
    , m_repository(m_session->store())
    , m_auditQuery(m_session->store())
{
    setObjectName(u"managerWindow"_s);
    setWindowTitle(tr("Store manager — %1").arg(m_session->account().displayName));
    m_prompt = [](QWidget* parent, const QString& title, const QString& text) {
        return DecisionDialog::ask(parent, title, text, {});
    };
    m_dayList = new DayListModel(m_repository, this);
    m_pending = new RecordListModel(this);
    m_rejections = new RecordListModel(this);
    m_audit = new AuditModel(m_auditQuery, this);
    m_accounts = new AccountsModel(this);
    connect(m_dayList, &DayListModel::queryFailed, this, &ManagerWindow::showError);

    auto* splitter = new QSplitter(this);
    m_tabs = new QTabWidget(splitter);
    m_tabs->setObjectName(u"managerTabs"_s);
    m_detail = new DetailPane(splitter);
    m_detail->setObjectName(u"detailPane"_s);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);

    m_tabs->addTab(buildDayListPage(), tr("Day list"));
    m_tabs->addTab(buildQueuePage(m_pending, true), tr("Pending review"));
    m_tabs->addTab(buildQueuePage(m_rejections, false), tr("HQ rejections"));
    m_report = new report::DailyReportView(m_session->store(), m_session->account(), m_tabs);
    m_report->setObjectName(u"dailyReportView"_s);
    m_tabs->addTab(m_report, tr("Daily report"));
    m_tabs->addTab(buildAccountsPage(), tr("Accounts"));
    m_tabs->addTab(buildAuditPage(), tr("Audit log"));
    connect(m_detail, &DetailPane::showDocumentRequested, this, [this](const QString& uuid) {
        if (auto r = showFullDocument(uuid); !r)
            showError(r.error());
    });
    // The window is the manager's: it closes when their session locks for idleness.
    connect(m_session.get(), &auth::Session::locked, this, &QWidget::close);

    fillFilterChoices();
    if (auto r = applyFilter(); !r)
        showError(r.error());
    if (auto r = refreshQueues(); !r)
        showError(r.error());
    refreshAccounts();
    refreshAudit();
    (void)m_report->showDate(m_session->store().clock().today());
    resize(1280, 800);
}

ManagerWindow::~ManagerWindow() = default;

QWidget* ManagerWindow::buildDayListPage()
{
    auto* page = new QWidget(m_tabs);
    auto* layout = new QVBoxLayout(page);
    auto* filters = new QGridLayout;
    const QDate today = m_session->store().clock().today();
    m_from = new QDateEdit(today, page);
    m_from->setObjectName(u"fromDateEdit"_s);
    m_to = new QDateEdit(today, page);
    m_to->setObjectName(u"toDateEdit"_s);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
    }
    m_clerk = makeCombo(u"clerkCombo"_s, page);
    m_status = makeCombo(u"statusCombo"_s, page);
    for (RecordStatus s : {RecordStatus::Committed, RecordStatus::Sent, RecordStatus::Accepted, RecordStatus::Rejected,
                           RecordStatus::Voided})
        m_status->addItem(ReviewText::status(s), recordStatusKey(s));
    m_band = makeCombo(u"bandCombo"_s, page);
    for (FaceBand b : {FaceBand::Pass, FaceBand::ManualReview, FaceBand::Fail, FaceBand::NotCompared})
        m_band->addItem(ReviewText::band(b), faceBandKey(b));
    m_band->addItem(tr("Manual review, waiting for a decision"), u"pending"_s);
    m_package = makeCombo(u"packageCombo"_s, page);
    m_customerType = makeCombo(u"customerTypeCombo"_s, page);
    for (CustomerType t :
         {CustomerType::Individual, CustomerType::Minor, CustomerType::Agent, CustomerType::Organisation})
        m_customerType->addItem(ReviewText::customerType(t), customerTypeKey(t));
    m_sync = makeCombo(u"syncCombo"_s, page);
    for (SyncState s : {SyncState::Waiting, SyncState::Sending, SyncState::Answered, SyncState::NotQueued})
        m_sync->addItem(ReviewText::syncState(s), syncStateKey(s));
    m_documentDigits = new QLineEdit(page);
    m_documentDigits->setObjectName(u"documentDigitsEdit"_s);
    m_documentDigits->setPlaceholderText(tr("last digits"));
    m_documentDigits->setMaxLength(18);
    m_phone = new QLineEdit(page);
    m_phone->setObjectName(u"phoneEdit"_s);
    m_phone->setPlaceholderText(tr("number or its last digits"));
    m_phone->setMaxLength(11);
    auto* apply = new QPushButton(tr("Apply"), page);
    apply->setObjectName(u"applyFilterButton"_s);
    apply->setDefault(true);

    int column = 0;
    auto add = [&](const QString& label, QWidget* widget, int row) {
        filters->addWidget(new QLabel(label, page), row, column);
        filters->addWidget(widget, row, column + 1);
    };
    add(tr("From"), m_from, 0);
    add(tr("To"), m_to, 1);
    column = 2;
    add(tr("Clerk"), m_clerk, 0);
    add(tr("Status"), m_status, 1);
    column = 4;
    add(tr("Face band"), m_band, 0);
    add(tr("Package"), m_package, 1);
    column = 6;
    add(tr("Customer type"), m_customerType, 0);
    add(tr("Sync"), m_sync, 1);
    column = 8;
    add(tr("Document"), m_documentDigits, 0);
    add(tr("Phone"), m_phone, 1);
    filters->addWidget(apply, 0, 10, 2, 1);
    layout->addLayout(filters);

    m_dayView = makeTable(m_dayList, u"dayListView"_s, page);
    m_dayView->setSortingEnabled(true);
    m_dayView->sortByColumn(int(ReviewColumn::Time), Qt::AscendingOrder);
    layout->addWidget(m_dayView, 1);
    m_countLabel = new QLabel(page);
    m_countLabel->setObjectName(u"countLabel"_s);
    layout->addWidget(m_countLabel);

    connect(apply, &QPushButton::clicked, this, [this] {
        if (auto r = applyFilter(); !r)
            showError(r.error());
    });
    for (QLineEdit* edit : {m_documentDigits, m_phone})
        connect(edit, &QLineEdit::returnPressed, apply, &QPushButton::click);
    connect(m_from, &QDateEdit::dateChanged, this, [this](QDate date) {
        if (m_to->date() < date)
            m_to->setDate(date);
    });
    connect(m_dayView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const QString uuid = current.data(DayListModel::UuidRole).toString();
                if (!uuid.isEmpty() && uuid != m_detail->recordUuid()) {
                    if (auto r = showRecord(uuid); !r)
                        showError(r.error());
                }
            });
    return page;
}

QWidget* ManagerWindow::buildQueuePage(RecordListModel* model, bool pending)
{
    auto* page = new QWidget(m_tabs);
    auto* layout = new QVBoxLayout(page);
    auto* hint = new QLabel(pending ? tr("Registrations whose face comparison asked for a manager's decision. "
                                         "Approving or rejecting needs your password again; a rejected "
                                         "registration is voided and its number released.")
                                    : tr("Registrations headquarters rejected. The reason and the next step are "
                                         "shown; void the record once the customer has been dealt with."),
                            page);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    QTableView* view = makeTable(model, pending ? u"pendingView"_s : u"rejectionsView"_s, page);
    layout->addWidget(view, 1);
    auto* nextStep = new QLabel(page);
    nextStep->setWordWrap(true);
    nextStep->setObjectName(pending ? u"pendingNoteLabel"_s : u"nextStepLabel"_s);
    layout->addWidget(nextStep);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    auto* refresh = new QPushButton(tr("Refresh"), page);
    buttons->addWidget(refresh);
    connect(refresh, &QPushButton::clicked, this, [this] {
        if (auto r = refreshQueues(); !r)
            showError(r.error());
    });
    if (pending) {
        m_pendingView = view;
        auto* approveButton = new QPushButton(tr("Approve…"), page);
        approveButton->setObjectName(u"approveButton"_s);
        auto* rejectButton = new QPushButton(tr("Reject…"), page);
        rejectButton->setObjectName(u"rejectButton"_s);
        buttons->addWidget(approveButton);
        buttons->addWidget(rejectButton);
        connect(approveButton, &QPushButton::clicked, this, [this] {
            if (auto r = approve(selectedUuid(m_pendingView)); !r)
                showError(r.error());
        });
        connect(rejectButton, &QPushButton::clicked, this, [this] {
            if (auto r = reject(selectedUuid(m_pendingView)); !r)
                showError(r.error());
        });
    } else {
        m_rejectionsView = view;
        auto* voidButton = new QPushButton(tr("Void record…"), page);
        voidButton->setObjectName(u"voidRejectedButton"_s);
        buttons->addWidget(voidButton);
        connect(voidButton, &QPushButton::clicked, this, [this] {
            if (auto r = voidRejected(selectedUuid(m_rejectionsView)); !r)
                showError(r.error());
        });
    }
    layout->addLayout(buttons);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this, model, nextStep, pending](const QModelIndex& current) {
                const ReviewRow* row = model->rowAt(current.row());
                if (!row)
                    return;
                if (!pending)
                    nextStep->setText(tr("Next step: %1").arg(ReviewText::nextStep(row->hqReason)));
                if (auto r = showRecord(row->uuid); !r)
                    showError(r.error());
            });
    return page;
}

QWidget* ManagerWindow::buildAccountsPage()
{
    auto* page = new QWidget(m_tabs);
    auto* layout = new QVBoxLayout(page);
    m_accountsView = makeTable(m_accounts, u"accountsView"_s, page);
    layout->addWidget(m_accountsView, 1);
    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add clerk…"), page);
    add->setObjectName(u"addAccountButton"_s);
    auto* reset = new QPushButton(tr("Reset password…"), page);
    reset->setObjectName(u"resetPasswordButton"_s);
    auto* disable = new QPushButton(tr("Disable"), page);
    disable->setObjectName(u"disableAccountButton"_s);
    auto* role = new QPushButton(tr("Change role…"), page);
    role->setObjectName(u"changeRoleButton"_s);
    for (QPushButton* button : {add, reset, disable, role})
        buttons->addWidget(button);
    buttons->addStretch();
    layout->addLayout(buttons);

    auto selectedAccount = [this]() -> QString {
        const store::AccountRecord* account = m_accounts->accountAt(m_accountsView->currentIndex().row());
        return account ? account->name : QString();
    };
    auto askPassword = [this](const QString& title) -> QByteArray {
        bool ok = false;
        const QString first = QInputDialog::getText(this, title, tr("New password (at least 8 characters):"),
                                                    QLineEdit::Password, {}, &ok);
        if (!ok)
            return {};
        const QString second =
            QInputDialog::getText(this, title, tr("The same password again:"), QLineEdit::Password, {}, &ok);
        if (!ok || first != second) {
            statusBar()->showMessage(tr("The passwords differ."), 8000);
            return {};
        }
        return first.toUtf8();
    };
    auto done = [this](const Result<void>& result, const QString& success) {
        if (!result)
            showError(result.error());
        else
            statusBar()->showMessage(success, 8000);
        refreshAccounts();
    };
    connect(add, &QPushButton::clicked, this, [this, askPassword, done] {
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("Add clerk"), tr("Account name:"), QLineEdit::Normal, {}, &ok).trimmed();
        if (!ok || name.isEmpty())
            return;
        const QString display =
            QInputDialog::getText(this, tr("Add clerk"), tr("Display name:"), QLineEdit::Normal, name, &ok);
        if (!ok)
            return;
        QByteArray password = askPassword(tr("Add clerk"));
        if (password.isEmpty())
            return;
        auto r = m_authenticator.addAccount(*m_session, name, display, auth::Role::Clerk, password, m_kdf);
        store::wipe(password);
        done(r, tr("Account %1 added.").arg(name));
    });
    connect(reset, &QPushButton::clicked, this, [this, selectedAccount, askPassword, done] {
        const QString name = selectedAccount();
        if (name.isEmpty())
            return;
        QByteArray password = askPassword(tr("Reset password of %1").arg(name));
        if (password.isEmpty())
            return;
        auto r = AccountAdmin(*m_session, m_kdf).resetPassword(name, password);
        store::wipe(password);
        done(r, tr("Password of %1 reset.").arg(name));
    });
    connect(disable, &QPushButton::clicked, this, [this, selectedAccount, done] {
        const QString name = selectedAccount();
        if (!name.isEmpty())
            done(m_authenticator.disableAccount(*m_session, name), tr("Account %1 disabled.").arg(name));
    });
    connect(role, &QPushButton::clicked, this, [this, selectedAccount, done] {
        const QString name = selectedAccount();
        if (name.isEmpty())
            return;
        const QStringList roles{tr("Clerk"), tr("Manager"), tr("Administrator")};
        bool ok = false;
        const QString chosen =
            QInputDialog::getItem(this, tr("Change role"), tr("Role of %1:").arg(name), roles, 0, false, &ok);
        if (!ok)
            return;
        const auto newRole = auth::Role(roles.indexOf(chosen));
        done(AccountAdmin(*m_session, m_kdf).changeRole(name, newRole), tr("Role of %1 changed.").arg(name));
    });
    return page;
}

QWidget* ManagerWindow::buildAuditPage()
{
    auto* page = new QWidget(m_tabs);
    auto* layout = new QVBoxLayout(page);
    auto* filters = new QHBoxLayout;
    m_auditActor = makeCombo(u"auditActorCombo"_s, page);
    m_auditAction = makeCombo(u"auditActionCombo"_s, page);
    for (const QString& action : knownAuditActions())
        m_auditAction->addItem(action, action);
    m_auditRecord = new QLineEdit(page);
    m_auditRecord->setObjectName(u"auditRecordEdit"_s);
    m_auditRecord->setPlaceholderText(tr("record id"));
    m_auditUseDates = new QCheckBox(tr("Between"), page);
    m_auditUseDates->setObjectName(u"auditDatesCheck"_s);
    const QDate today = m_session->store().clock().today();
    m_auditFrom = new QDateEdit(today, page);
    m_auditTo = new QDateEdit(today, page);
    for (QDateEdit* edit : {m_auditFrom, m_auditTo}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
    }
    auto* apply = new QPushButton(tr("Apply"), page);
    apply->setObjectName(u"auditApplyButton"_s);
    auto* verify = new QPushButton(tr("Verify chain"), page);
    verify->setObjectName(u"verifyChainButton"_s);
    filters->addWidget(new QLabel(tr("User"), page));
    filters->addWidget(m_auditActor);
    filters->addWidget(new QLabel(tr("Action"), page));
    filters->addWidget(m_auditAction);
    filters->addWidget(m_auditRecord, 1);
    filters->addWidget(m_auditUseDates);
    filters->addWidget(m_auditFrom);
    filters->addWidget(m_auditTo);
    filters->addWidget(apply);
    filters->addWidget(verify);
    layout->addLayout(filters);
    m_chainLabel = new QLabel(tr("The hash chain has not been verified in this window yet."), page);
    m_chainLabel->setObjectName(u"chainLabel"_s);
    m_chainLabel->setWordWrap(true);
    layout->addWidget(m_chainLabel);
    layout->addWidget(makeTable(m_audit, u"auditView"_s, page), 1);
    connect(apply, &QPushButton::clicked, this, &ManagerWindow::refreshAudit);
    connect(m_auditRecord, &QLineEdit::returnPressed, this, &ManagerWindow::refreshAudit);
    connect(verify, &QPushButton::clicked, this, &ManagerWindow::verifyAudit);
    return page;
}

void ManagerWindow::fillFilterChoices()
{
    if (auto accounts = m_session->store().accounts().all()) {
        for (const store::AccountRecord& account : std::as_const(*accounts)) {
            m_clerk->addItem(account.name, account.name);
            m_auditActor->addItem(account.name, account.name);
        }
    }
    for (const QString& actor : {u"system"_s, u"sync"_s})
        m_auditActor->addItem(actor, actor);
    if (auto packages = m_repository.packages(m_from->date().addDays(-7), m_to->date())) {
        for (const QString& package : std::as_const(*packages))
            m_package->addItem(package, package);
    }
}

Result<void> ManagerWindow::applyFilter()
{
    m_session->touch();
    ReviewFilter filter;
    filter.from = m_from->date();
    filter.to = m_to->date();
    filter.clerk = m_clerk->currentData().toString();
    filter.status = parseRecordStatus(m_status->currentData().toString());
    const QString band = m_band->currentData().toString();
    if (band == u"pending"_s)
        filter.pendingReviewOnly = true;
    else
        filter.band = parseFaceBand(band);
    filter.packageId = m_package->currentData().toString();
    filter.customerType = parseCustomerType(m_customerType->currentData().toString());
    filter.syncState = parseSyncState(m_sync->currentData().toString());
    filter.documentDigits = m_documentDigits->text().trimmed();
    filter.phone = m_phone->text().trimmed();
    auto r = m_dayList->setFilter(filter);
    m_countLabel->setText(tr("%n registration(s)", nullptr, int(qMin<qint64>(m_dayList->totalCount(), INT_MAX))));
    return r;
}

Result<void> ManagerWindow::refreshQueues()
{
    auto pending = m_repository.pendingReviews(m_session->store().clock().today().addDays(-30));
    if (!pending)
        return fail(pending.error());
    m_pending->setRows(*pending);
    auto rejections = m_repository.hqRejections();
    if (!rejections)
        return fail(rejections.error());
    m_rejections->setRows(*rejections);
    m_tabs->setTabText(1, tr("Pending review (%1)").arg(pending->size()));
    m_tabs->setTabText(2, tr("HQ rejections (%1)").arg(rejections->size()));
    return {};
}

void ManagerWindow::refreshAccounts()
{
    if (auto accounts = m_session->store().accounts().all())
        m_accounts->setAccounts(*accounts);
    else
        showError(accounts.error());
}

void ManagerWindow::refreshAudit()
{
    m_session->touch();
    AuditFilter filter;
    filter.actor = m_auditActor->currentData().toString();
    filter.action = m_auditAction->currentData().toString();
    filter.recordUuid = m_auditRecord->text().trimmed();
    if (m_auditUseDates->isChecked()) {
        filter.from = m_auditFrom->date();
        filter.to = m_auditTo->date();
    }
    if (auto r = m_audit->setFilter(filter); !r)
        showError(r.error());
}

void ManagerWindow::verifyAudit()
{
    m_session->touch();
    auto report = m_session->store().audit().verify();
    if (!report) {
        showError(report.error());
        return;
    }
    if (report->intact) {
        m_chainLabel->setText(tr("The hash chain verifies: %n entries, none altered or removed.", nullptr,
                                 int(qMin<qint64>(report->entries, INT_MAX))));
        m_audit->setBrokenFrom(0);
    } else {
        m_chainLabel->setText(tr("The hash chain is BROKEN at entry %1: %2. Entries from there on cannot be "
                                 "trusted; report this to HQ.")
                                  .arg(report->firstBadId)
                                  .arg(report->problem));
        m_audit->setBrokenFrom(report->firstBadId);
    }
}

Result<void> ManagerWindow::showRecord(const QString& uuid)
{
    m_session->touch();
    // The audited path: record_viewed is written before anything is on screen.
    auto record = m_session->store().registrations().view(uuid, m_session->account().name);
    if (!record)
        return fail(record.error());
    auto history = m_auditQuery.history(uuid, record->deviceTime);
    m_detail->showRecord(*record, history ? *history : QList<store::AuditEntry>{});
    return {};
}

Result<void> ManagerWindow::showFullDocument(const QString& uuid)
{
    m_session->touch();
    if (auto r = m_repository.auditDocumentShown(uuid, m_session->account().name); !r)
        return r;
    if (m_detail->recordUuid() == uuid)
        m_detail->revealDocuments();
    m_dayList->revealDocument(uuid);
    return {};
}

Result<QString> ManagerWindow::confirmedManager(const QString& action, const QString& uuid, const QString& title,
                                                const QString& text, QString* reason)
{
    m_session->touch();
    if (uuid.isEmpty())
        return fail(Error::invalidInput(u"no record selected"_s));
    auto row = m_repository.row(uuid);
    if (!row)
        return fail(row.error());
    std::optional<Decision> decision = m_prompt(this, title, text);
    if (!decision)
        return fail(Error::policyRefused(u"cancelled"_s));
    // The credentials are checked as a manager override: wrong passwords count towards the lockout, a clerk's
    // account is refused, and both outcomes are audited with the record.
    auto account = m_authenticator.approveOverride(m_session->store(), decision->user, decision->password, action,
                                                   row->clerk, uuid);
    store::wipe(decision->password);
    if (!account)
        return fail(account.error());
    *reason = decision->reason;
    return account->name;
}

Result<void> ManagerWindow::approve(const QString& uuid)
{
    QString reason;
    auto manager = confirmedManager(u"review_approve"_s, uuid, tr("Approve manual review"),
                                    tr("Confirm that the customer is the person on the document."), &reason);
    if (!manager)
        return fail(manager.error());
    if (auto r = m_repository.approve(uuid, *manager, reason); !r)
        return r;
    statusBar()->showMessage(tr("Registration approved."), 8000);
    (void)refreshQueues();
    (void)m_dayList->reload();
    return showRecord(uuid);
}

Result<void> ManagerWindow::reject(const QString& uuid)
{
    QString reason;
    auto manager = confirmedManager(u"review_reject"_s, uuid, tr("Reject manual review"),
                                    tr("The registration will be voided and its number released."), &reason);
    if (!manager)
        return fail(manager.error());
    auto number = m_repository.reject(uuid, *manager, reason);
    if (!number)
        return fail(number.error());
    statusBar()->showMessage(tr("Registration rejected and voided; number %1 released.").arg(*number), 8000);
    if (!number->isEmpty())
        emit numberReleased(*number);
    (void)refreshQueues();
    (void)m_dayList->reload();
    return showRecord(uuid);
}

Result<void> ManagerWindow::voidRejected(const QString& uuid)
{
    QString note;
    auto manager = confirmedManager(u"hq_rejection_void"_s, uuid, tr("Void a record HQ rejected"),
                                    tr("Describe what was done with the customer."), &note);
    if (!manager)
        return fail(manager.error());
    auto number = m_repository.voidHqRejection(uuid, *manager, note);
    if (!number)
        return fail(number.error());
    if (!number->isEmpty())
        emit numberReleased(*number);
    (void)refreshQueues();
    (void)m_dayList->reload();
    return showRecord(uuid);
}

void ManagerWindow::showError(const Error& error)
{
    statusBar()->showMessage(ErrorText::forClerk(error), 10000);
}

QString ManagerWindow::selectedUuid(QTableView* view) const
{
    return view->currentIndex().isValid() ? view->currentIndex().siblingAtColumn(0).data(Qt::UserRole + 1).toString()
                                          : QString();
}

} // namespace shiming::review
