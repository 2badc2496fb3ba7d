#include "widgets/review/ManagerWindow.h"

#include "core/common/Logging.h"
#include "core/outlet/ClerkText.h"
#include "core/outlet/ManagerAccess.h"
#include "core/sync/HqClient.h"
#include "core/sync/SyncCredentials.h"
#include "core/sync/SyncStatus.h"
#include "widgets/common/WindowSize.h"
#include "widgets/report/DailyReportView.h"
#include "widgets/review/AccountsPage.h"
#include "widgets/review/AlertsPage.h"
#include "widgets/review/AuditPage.h"
#include "widgets/review/DayListModel.h"
#include "widgets/review/DayListPage.h"
#include "widgets/review/DetailPane.h"
#include "widgets/review/HallPage.h"
#include "widgets/review/RecordListModel.h"
#include "widgets/review/ReviewQueuePage.h"
#include "widgets/review/SpotCheckPage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming::review {

namespace {

/// Hall reads through this counter's own enrolment with HQ; none when it is not enrolled.
HallPage::Reader hallReader(store::OutletStore& store)
{
    auto credentials = sync::loadCredentials(store);
    if (!credentials)
        return {};
    auto client = std::make_shared<sync::HqClient>(credentials->bundle, credentials->hqUrl);
    client->setTimeoutMs(15000);
    return [client](const QByteArray& target, std::function<void(const sync::HallAnswer&)> done) {
        sync::HallReader(*client).read(target, std::move(done));
    };
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
    m_prompt = [](QWidget* parent, const QString& title, const QString& text, const Decision& previous,
                  const QString& error) {
        return DecisionDialog::ask(parent, title, text, previous, error);
    };

    auto* splitter = new QSplitter(this);
    m_tabs = new QTabWidget(splitter);
    m_tabs->setObjectName(u"managerTabs"_s);
    m_detail = new DetailPane(splitter);
    m_detail->setObjectName(u"detailPane"_s);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    m_storageBanner = new QLabel(central);
    m_storageBanner->setObjectName(u"storageBanner"_s);
    m_storageBanner->setWordWrap(true);
    m_storageBanner->setMargin(8);
    m_storageBanner->setStyleSheet(u"QLabel { background: #fdecea; color: #8a1c13; font-weight: bold; }"_s);
    m_storageBanner->hide();
    column->addWidget(m_storageBanner);
    // The scope: this counter's own database (works offline) or the whole hall, read from HQ.
    auto* scopeBar = new QHBoxLayout;
    scopeBar->setContentsMargins(8, 4, 8, 0);
    auto* scopeLabel = new QLabel(tr("&Scope:"), central);
    m_scope = new QComboBox(central);
    m_scope->setObjectName(u"scopeCombo"_s);
    m_scope->addItem(tr("This counter"));
    m_scope->addItem(tr("Whole hall (from HQ)"));
    scopeLabel->setBuddy(m_scope);
    scopeBar->addWidget(scopeLabel);
    scopeBar->addWidget(m_scope);
    scopeBar->addStretch();
    column->addLayout(scopeBar);
    m_scopes = new QStackedWidget(central);
    m_scopes->addWidget(splitter);
    m_hallPage = new HallPage(m_session->store(), m_session->account(), hallReader(m_session->store()), m_scopes);
    m_scopes->addWidget(m_hallPage);
    column->addWidget(m_scopes, 1);
    setCentralWidget(central);
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_scopes->setCurrentIndex(index);
        if (index == 1)
            m_hallPage->showDate(m_session->store().clock().today());
    });

    const auto confirm = [this](const QString& action, const QString& uuid, const QString& title, const QString& text,
                                QString* reason) {
        return confirmedManager(action, uuid, title, text, reason);
    };
    m_dayListPage = new DayListPage(*m_session, m_repository, m_tabs);
    m_dayListPage->setObjectName(u"dayListPage"_s);
    m_pendingPage =
        new ReviewQueuePage(ReviewQueuePage::Kind::PendingReviews, *m_session, m_repository, confirm, m_tabs);
    m_pendingPage->setObjectName(u"pendingPage"_s);
    m_rejectionsPage =
        new ReviewQueuePage(ReviewQueuePage::Kind::HqRejections, *m_session, m_repository, confirm, m_tabs);
    m_rejectionsPage->setObjectName(u"rejectionsPage"_s);
    m_spotCheckPage = new SpotCheckPage(*m_session, m_repository, m_tabs);
    m_spotCheckPage->setObjectName(u"spotCheckPage"_s);
    m_alertsPage = new AlertsPage(*m_session, m_repository, m_tabs);
    m_alertsPage->setObjectName(u"alertsPage"_s);
    m_report = new report::DailyReportView(m_session->store(), m_session->account(), m_tabs);
    m_report->setObjectName(u"dailyReportView"_s);
    m_accountsPage = new AccountsPage(*m_session, m_authenticator, m_tabs);
    m_accountsPage->setObjectName(u"accountsPage"_s);
    m_auditPage = new AuditPage(*m_session, m_auditQuery, m_tabs);
    m_auditPage->setObjectName(u"auditPage"_s);
    m_tabs->addTab(m_dayListPage, tr("Day list"));
    m_tabs->addTab(m_pendingPage, tr("Pending review"));
    m_tabs->addTab(m_rejectionsPage, tr("HQ rejections"));
    m_tabs->addTab(m_spotCheckPage, tr("Spot check"));
    m_tabs->addTab(m_alertsPage, tr("Alerts"));
    m_tabs->addTab(m_report, tr("Daily report"));
    m_tabs->addTab(m_accountsPage, tr("Accounts"));
    m_tabs->addTab(m_auditPage, tr("Audit log"));

    connect(m_dayListPage, &DayListPage::failed, this, &ManagerWindow::showError);
    // Sorting or re-reading the list moves the current row onto the record already shown: not a new view.
    connect(m_dayListPage, &DayListPage::recordSelected, this, [this](const QString& uuid) {
        if (uuid != m_detail->recordUuid()) {
            if (auto r = showRecord(uuid); !r)
                showError(r.error());
        }
    });
    connectQueue(m_pendingPage);
    connectQueue(m_rejectionsPage);
    connect(m_spotCheckPage, &SpotCheckPage::recordSelected, this, [this](const QString& uuid) {
        if (auto r = showRecord(uuid); !r)
            showError(r.error());
    });
    connect(m_spotCheckPage, &SpotCheckPage::statusReported, this, &ManagerWindow::showStatus);
    connect(m_spotCheckPage, &SpotCheckPage::failed, this, &ManagerWindow::showError);
    connect(m_alertsPage, &AlertsPage::recordSelected, this, [this](const QString& uuid) {
        if (auto r = showRecord(uuid); !r)
            showError(r.error());
    });
    connect(m_alertsPage, &AlertsPage::changed, this, [this] {
        const int open = m_alertsPage->open();
        m_tabs->setTabText(m_tabs->indexOf(m_alertsPage), open > 0 ? tr("Alerts (%1)").arg(open) : tr("Alerts"));
    });
    connect(m_alertsPage, &AlertsPage::statusReported, this, &ManagerWindow::showStatus);
    connect(m_alertsPage, &AlertsPage::failed, this, &ManagerWindow::showError);
    connect(m_accountsPage, &AccountsPage::failed, this, &ManagerWindow::showError);
    connect(m_accountsPage, &AccountsPage::statusReported, this, &ManagerWindow::showStatus);
    connect(m_auditPage, &AuditPage::failed, this, &ManagerWindow::showError);
    connect(m_detail, &DetailPane::showDocumentRequested, this, [this](const QString& uuid) {
        if (auto r = showFullDocument(uuid); !r)
            showError(r.error());
    });
    // The window is the manager's: it closes when their session locks for idleness.
    connect(m_session.get(), &auth::Session::locked, this, &QWidget::close);

    if (auto r = applyFilter(); !r)
        showError(r.error());
    if (auto r = refreshQueues(); !r)
        showError(r.error());
    showStorageHealth();
    m_accountsPage->refresh();
    // The rules run again on the day's records as the window opens (they also run as each record commits).
    if (auto r = m_alertsPage->refresh(); !r)
        showError(r.error());
    m_auditPage->refresh();
    (void)m_report->showDate(m_session->store().clock().today());
    resize(fittingSize(this, QSize(1280, 800)));
}

ManagerWindow::~ManagerWindow() = default;

void ManagerWindow::connectQueue(ReviewQueuePage* page)
{
    connect(page, &ReviewQueuePage::recordSelected, this, [this](const QString& uuid) {
        if (auto r = showRecord(uuid); !r)
            showError(r.error());
    });
    connect(page, &ReviewQueuePage::refreshRequested, this, [this] {
        if (auto r = refreshQueues(); !r)
            showError(r.error());
    });
    connect(page, &ReviewQueuePage::decided, this, &ManagerWindow::afterDecision);
    connect(page, &ReviewQueuePage::numberReleased, this, &ManagerWindow::numberReleased);
    connect(page, &ReviewQueuePage::statusReported, this, &ManagerWindow::showStatus);
    connect(page, &ReviewQueuePage::failed, this, &ManagerWindow::showError);
}

void ManagerWindow::setKdfParams(const store::KdfParams& kdf)
{
    m_accountsPage->setKdfParams(kdf);
}

DayListModel& ManagerWindow::dayListModel()
{
    return m_dayListPage->model();
}

RecordListModel& ManagerWindow::pendingModel()
{
    return m_pendingPage->model();
}

RecordListModel& ManagerWindow::rejectionsModel()
{
    return m_rejectionsPage->model();
}

AuditModel& ManagerWindow::auditModel()
{
    return m_auditPage->model();
}

AccountsModel& ManagerWindow::accountsModel()
{
    return m_accountsPage->model();
}

Result<void> ManagerWindow::applyFilter()
{
    return m_dayListPage->applyFilter();
}

void ManagerWindow::showStorageHealth()
{
    const auto status = sync::readSyncStatus(m_session->store());
    if (!status) {
        // The status itself cannot be read: that is damage too, and the manager must know.
        m_storageBanner->setText(tr("This counter's database cannot be read completely (%1). Restore the last "
                                    "backup as the recovery guide says (\"Damaged pages\").")
                                     .arg(status.error().detail));
        m_storageBanner->show();
        return;
    }
    if (!status->storageDamaged) {
        m_storageBanner->hide();
        return;
    }
    QString text = tr("This counter's database is damaged.");
    if (status->unreadable > 0) {
        text += u' ' + tr("%n records cannot be read and cannot go to HQ;", nullptr, int(status->unreadable)) + u' ' +
                tr("HQ has been told of %n of them by id.", nullptr, int(status->unreadableReported));
    }
    text += u' ' + tr("The readable records keep going to HQ. Restore the last backup as the recovery guide says "
                      "(\"Damaged pages\"): the records in it are then sent again.");
    m_storageBanner->setText(text);
    m_storageBanner->setToolTip(status->storageProblem);
    m_storageBanner->show();
}

Result<void> ManagerWindow::refreshQueues()
{
    if (auto r = m_pendingPage->refresh(); !r)
        return r;
    if (auto r = m_rejectionsPage->refresh(); !r)
        return r;
    m_tabs->setTabText(m_tabs->indexOf(m_pendingPage),
                       tr("Pending review (%1)").arg(m_pendingPage->model().rowCount()));
    m_tabs->setTabText(m_tabs->indexOf(m_rejectionsPage),
                       tr("HQ rejections (%1)").arg(m_rejectionsPage->model().rowCount()));
    return {};
}

Result<void> ManagerWindow::showRecord(const QString& uuid)
{
    m_session->touch();
    // The audited path: record_viewed is written before anything is on screen.
    auto record = m_repository.view(uuid, m_session->account().name);
    if (!record)
        return fail(record.error());
    auto history = m_auditQuery.history(uuid, record->deviceTime);
    m_detail->showRecord(*record, history ? *history : QList<store::AuditEntry>{});
    return {};
}

void ManagerWindow::setPackageNames(const QHash<QString, QString>& names)
{
    m_dayListPage->setPackageNames(names);
    m_detail->setPackageNames(names);
    (void)m_dayListPage->reload();
}

Result<void> ManagerWindow::showFullDocument(const QString& uuid)
{
    m_session->touch();
    if (auto r = m_repository.auditDocumentShown(uuid, m_session->account().name); !r)
        return r;
    if (m_detail->recordUuid() == uuid)
        m_detail->revealDocuments();
    m_dayListPage->model().revealDocument(uuid);
    return {};
}

Result<std::optional<QString>> ManagerWindow::confirmedManager(const QString& action, const QString& uuid,
                                                               const QString& title, const QString& text,
                                                               QString* reason)
{
    m_session->touch();
    if (uuid.isEmpty())
        return fail(Error::invalidInput(u"no record selected"_s));
    auto row = m_repository.row(uuid);
    if (!row)
        return fail(row.error());
    // The credentials are checked as a manager override: wrong passwords count towards the lockout, a clerk's
    // account is refused, and both outcomes are audited with the record. A wrong password asks again with the
    // reason and account kept (three tries), so the typed reason is never lost.
    Decision previous;
    QString error;
    for (int attempt = 1;; ++attempt) {
        std::optional<Decision> decision = m_prompt(this, title, text, previous, error);
        if (!decision)
            return std::optional<QString>{}; // cancelled: no result
        auto account = m_authenticator.approveOverride(m_session->store(), decision->user, decision->password, action,
                                                       row->clerk, uuid);
        store::wipe(decision->password);
        if (account) {
            *reason = decision->reason;
            return std::optional<QString>{account->name};
        }
        if (account.error().code != Error::Code::WrongKey || attempt >= 3)
            return fail(account.error());
        previous = Decision{decision->reason, decision->user, {}};
        error = ClerkText::of(account.error());
    }
}

Result<void> ManagerWindow::approve(const QString& uuid)
{
    return m_pendingPage->approve(uuid);
}

Result<void> ManagerWindow::reject(const QString& uuid)
{
    return m_pendingPage->reject(uuid);
}

Result<void> ManagerWindow::voidRejected(const QString& uuid)
{
    return m_rejectionsPage->voidRejected(uuid);
}

void ManagerWindow::afterDecision(const QString& uuid)
{
    (void)refreshQueues();
    (void)m_dayListPage->reload();
    if (auto r = showRecord(uuid); !r)
        showError(r.error());
}

void ManagerWindow::showError(const Error& error)
{
    statusBar()->showMessage(ClerkText::of(error), 10000);
}

void ManagerWindow::showStatus(const QString& message)
{
    statusBar()->showMessage(message, 8000);
}

} // namespace shiming::review
