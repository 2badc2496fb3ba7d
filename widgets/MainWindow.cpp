#include "widgets/MainWindow.h"

#include "core/common/Logging.h"
#include "core/outlet/AccountGate.h"
#include "core/outlet/ClerkText.h"
#include "core/outlet/OutletSync.h"
#include "widgets/common/StatusPanel.h"
#include "widgets/common/Tone.h"
#include "widgets/common/WindowSize.h"
#include "widgets/identity/DocumentCheckForm.h"
#include "widgets/login/LockOverlay.h"
#include "widgets/login/LoginScreen.h"
#include "widgets/outlet/OutletEnvironment.h"
#include "widgets/registration/CameraFeed.h"
#include "widgets/registration/CustomerDisplay.h"
#include "widgets/registration/FaceService.h"
#include "widgets/registration/RegistrationContext.h"
#include "widgets/registration/RegistrationWizard.h"
#include "widgets/review/ManagerWindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace shiming {

MainWindowServices MainWindowServices::of(OutletEnvironment& outlet, const Clock& clock)
{
    MainWindowServices services;
    services.clock = &clock;
    services.gate = &outlet.gate();
    services.registration = &outlet.context();
    services.outletId = outlet.outletId();
    services.authenticator = &outlet.authenticator();
    services.sync = &outlet.sync();
    services.notes = outlet.notes();
    return services;
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Shiming real-name registration"));
    setCentralWidget(new DocumentCheckForm(m_clock, this));
    statusBar()->showMessage(tr("Ready"));
    resize(fittingSize(this, QSize(1280, 720)));
}

MainWindow::MainWindow(const FirstRunInfo& firstRun, QWidget* parent)
    : QMainWindow(parent)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Shiming real-name registration"));
    auto* page = new QWidget(this);
    page->setObjectName(u"firstRunPage"_s);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(48, 48, 48, 48);
    auto* title = new QLabel(
        firstRun.problem.isEmpty() ? tr("This counter is not set up yet") : tr("This counter cannot start"), page);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    layout->addWidget(title);
    if (!firstRun.problem.isEmpty()) {
        auto* problem = new QLabel(firstRun.problem, page);
        problem->setObjectName(u"firstRunProblemLabel"_s);
        problem->setWordWrap(true);
        problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
        setTone(problem, Tone::Error);
        layout->addWidget(problem);
    }
    QStringList places;
    for (const QString& place : firstRun.lookedAt)
        places.append(u"<li><code>"_s + place.toHtmlEscaped() + u"</code></li>"_s);
    auto* help = new QLabel(
        tr("<p>A counter needs its outlet configuration: an INI file that the installer writes, with the outlet "
           "database, the card reader's serial port, the camera and the face model folder. It holds no passwords "
           "or keys.</p>"
           "<p>Looked for:</p><ul>%1</ul>"
           "<p>Put it at <code>%2</code> (for every user of this computer), or start the counter with "
           "<code>shiming --config FILE</code>. A minimal file:</p>"
           "<pre>[outlet]\ndatabase=/var/lib/shiming/outlet.db\nid=GD-SZ-0042\n[reader]\nport=/dev/ttyUSB0\n"
           "[camera]\ndevice=/dev/video0</pre>"
           "<p>The database itself is created with <code>shimingctl db init</code> and linked to HQ with "
           "<code>shimingctl sync setup</code>. To try the counter without any hardware, start "
           "<code>shiming --demo</code>.</p>")
            .arg(places.join(QString()), firstRun.examplePath.toHtmlEscaped()),
        page);
    help->setObjectName(u"firstRunHelpLabel"_s);
    help->setWordWrap(true);
    help->setTextFormat(Qt::RichText);
    help->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(help);
    auto* check = new QPushButton(tr("&Document check"), page);
    check->setObjectName(u"firstRunDocumentCheckButton"_s);
    connect(check, &QPushButton::clicked, this, &MainWindow::openDocumentCheck);
    layout->addWidget(check, 0, Qt::AlignLeft);
    layout->addStretch(1);
    setCentralWidget(page);

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    QAction* checkAction = tools->addAction(tr("&Document check"));
    checkAction->setObjectName(u"documentCheckAction"_s);
    checkAction->setShortcut(QKeySequence(u"Ctrl+D"_s));
    connect(checkAction, &QAction::triggered, this, &MainWindow::openDocumentCheck);
    statusBar()->showMessage(tr("Not configured"));
    check->setFocus();
    resize(fittingSize(this, QSize(1280, 720)));
}

MainWindow::MainWindow(MainWindowServices services, QWidget* parent)
    : QMainWindow(parent)
    , m_services(std::move(services))
{
    Q_ASSERT(m_services.gate && m_services.registration);
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Shiming real-name registration"));
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(u"mainStackedWidget"_s);
    m_login = new LoginScreen(*m_services.gate, m_stack);
    m_login->setOutletName(m_services.outletId);
    m_login->setDemoAccounts(m_services.demoAccounts);
    m_wizard = new RegistrationWizard(*m_services.registration, m_stack);
    m_stack->addWidget(m_login);
    m_stack->addWidget(m_wizard);
    setCentralWidget(m_stack);

    m_status = new StatusPanel(this);
    statusBar()->addPermanentWidget(m_status, 1);
    m_status->connectReader(m_services.registration->reader);
    m_status->setOutlet(m_services.outletId);
    if (CameraFeed* camera = m_services.registration->camera) {
        auto showCamera = [this, camera](CameraFeed::State state) {
            switch (state) {
            case CameraFeed::State::NoCamera:
                m_status->setCameraText(tr("Camera: none"), false);
                break;
            case CameraFeed::State::Off:
                m_status->setCameraText(tr("Camera: ready"), true);
                break;
            case CameraFeed::State::Running:
                m_status->setCameraText(tr("Camera: on"), true);
                break;
            case CameraFeed::State::Failed:
                m_status->setCameraText(tr("Camera: not working"), false);
                break;
            }
        };
        connect(camera, &CameraFeed::stateChanged, this, showCamera);
        showCamera(camera->state());
    }
    if (!m_services.notes.isEmpty())
        statusBar()->showMessage(m_services.notes.join(u"  "_s));
    else if (m_services.registration->face && !m_services.registration->face->available())
        statusBar()->showMessage(tr("Face comparison unavailable (models missing): faces go to a manager."));
    if (m_services.sync) {
        connect(m_services.sync, &OutletSync::statusChanged, this, &MainWindow::showSyncStatus);
        connect(m_wizard, &RegistrationWizard::registrationCommitted, m_services.sync,
                &OutletSync::registrationCommitted);
        showSyncStatus();
    }

    m_customerDisplay = new CustomerDisplay(this);
    connect(m_wizard, &RegistrationWizard::sessionStarted, m_customerDisplay, &CustomerDisplay::setSession);

    m_lock = new LockOverlay(*m_services.gate, this);
    connect(m_services.gate, &AccountGate::locked, this, [this] {
        setLockedUi(true);
        m_lock->showLocked(std::exchange(m_lockingByHand, false));
    });
    connect(m_services.gate, &AccountGate::unlocked, this, [this] {
        m_lock->hide();
        setLockedUi(false);
    });
    connect(m_services.gate, &AccountGate::loggedOut, this, [this] {
        m_lock->hide();
        setLockedUi(false);
    });
    connect(m_login, &LoginScreen::loggedIn, this, &MainWindow::onLoggedIn);

    buildMenus();
    qApp->installEventFilter(this);
    m_basePointSize = font().pointSizeF();
    resize(fittingSize(this, QSize(1280, 720)));
}

MainWindow::~MainWindow()
{
    if (qApp)
        qApp->removeEventFilter(this);
}

void MainWindow::buildMenus()
{
    QMenu* registration = menuBar()->addMenu(tr("&Registration"));
    QAction* newAction = registration->addAction(tr("&New registration"));
    newAction->setObjectName(u"newRegistrationAction"_s);
    newAction->setShortcut(QKeySequence(Qt::Key_F2));
    connect(newAction, &QAction::triggered, this, [this] {
        if (m_services.gate->isLoggedIn() && m_stack->currentWidget() == m_wizard)
            m_wizard->cancelWithConfirmation();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* large = view->addAction(tr("&Large text for elderly customers"));
    large->setObjectName(u"largeTextAction"_s);
    large->setCheckable(true);
    large->setShortcut(QKeySequence(u"Ctrl+Shift+L"_s));
    connect(large, &QAction::toggled, this, &MainWindow::setLargeText);
    QAction* customer = view->addAction(tr("&Customer screen"));
    customer->setObjectName(u"customerScreenAction"_s);
    customer->setShortcut(QKeySequence(u"Ctrl+Shift+C"_s));
    // The same shortcut opens and closes the customer display. Without a second screen it opens at most half the
    // screen's size in its top-right corner, and the clerk's window keeps the focus.
    connect(customer, &QAction::triggered, this, [this] {
        if (m_customerDisplay->isVisible()) {
            m_customerDisplay->hide();
            return;
        }
        if (!m_customerDisplay->showOnSecondScreen()) {
            const QRect available = screen() ? screen()->availableGeometry() : geometry();
            const QSize size(qMin(640, available.width() / 2), qMin(480, available.height() / 2));
            m_customerDisplay->resize(size);
            m_customerDisplay->move(available.right() - size.width(), available.top());
            m_customerDisplay->show();
        }
        activateWindow();
    });

    // In both languages, so that whoever cannot read the current one finds it. Switched while signed out only:
    // the window is built again in the new language (see CounterWindowHost); no registration is lost.
    QMenu* language = view->addMenu(u"语言 / &Language"_s);
    language->setObjectName(u"languageMenu"_s);
    auto* languages = new QActionGroup(language);
    for (const auto& [name, objectName, locale] :
         {std::tuple{u"中文"_s, u"chineseLanguageAction"_s, QLocale(QLocale::Chinese, QLocale::China)},
          std::tuple{u"English"_s, u"englishLanguageAction"_s, QLocale(QLocale::English, QLocale::UnitedStates)}}) {
        QAction* action = language->addAction(name);
        action->setObjectName(objectName);
        action->setCheckable(true);
        action->setChecked(QLocale().language() == locale.language());
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, locale] {
            if (m_services.gate->isLoggedIn()) {
                statusBar()->showMessage(tr("Sign out to change the language."), 5000);
                return;
            }
            if (QLocale().language() != locale.language())
                emit languageChosen(locale);
        });
    }
    connect(language, &QMenu::aboutToShow, this, [this, languages] {
        for (QAction* action : languages->actions())
            action->setEnabled(!m_services.gate->isLoggedIn());
    });

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    QAction* check = tools->addAction(tr("&Document check"));
    check->setObjectName(u"documentCheckAction"_s);
    check->setShortcut(QKeySequence(u"Ctrl+D"_s));
    connect(check, &QAction::triggered, this, &MainWindow::openDocumentCheck);

    if (m_services.sync) {
        QAction* syncNow = tools->addAction(tr("&Sync with HQ now"));
        syncNow->setObjectName(u"syncNowAction"_s);
        syncNow->setShortcut(QKeySequence(u"Ctrl+Shift+S"_s));
        connect(syncNow, &QAction::triggered, m_services.sync, &OutletSync::syncNow);
    }

    QMenu* account = menuBar()->addMenu(tr("&Account"));
    QAction* lock = account->addAction(tr("&Lock now"));
    lock->setObjectName(u"lockAction"_s);
    lock->setShortcut(QKeySequence(u"Ctrl+L"_s));
    connect(lock, &QAction::triggered, this, [this] {
        if (m_services.gate->isLoggedIn()) {
            m_lockingByHand = true;
            m_services.gate->lockNow();
            m_lockingByHand = false;
        }
    });
    if (m_services.authenticator) {
        QAction* manager = account->addAction(tr("&Manager review..."));
        manager->setObjectName(u"managerReviewAction"_s);
        manager->setShortcut(QKeySequence(u"Ctrl+Shift+M"_s));
        connect(manager, &QAction::triggered, this, &MainWindow::openManagerReview);
    }
    QAction* signOutAction = account->addAction(tr("&Sign out"));
    signOutAction->setObjectName(u"signOutAction"_s);
    connect(signOutAction, &QAction::triggered, this, &MainWindow::signOut);
}

void MainWindow::showSyncStatus()
{
    const OutletSync* link = m_services.sync;
    const sync::SyncStatus& status = link->status();
    // A damaged database is said whatever the link to HQ: in the status bar for as long as it lasts, and once
    // per sign-in in a notice the clerk cannot miss.
    QString damage;
    if (link->state() != OutletSync::State::SignedOut && status.storageDamaged) {
        damage = status.unreadable > 0 ? tr("database damaged: %n records cannot be read, tell the manager", nullptr,
                                            int(status.unreadable))
                                       : tr("database damaged, tell the manager");
    }
    const auto withDamage = [&](const QString& text) {
        return damage.isEmpty() ? text : text + u" · "_s + damage;
    };
    switch (link->state()) {
    case OutletSync::State::SignedOut:
        m_storageNoticeShown = false;
        m_status->setSyncText(tr("To HQ: shown after sign-in"), true);
        break;
    case OutletSync::State::NotEnrolled:
        // The demo outlet is never enrolled: that is how it is meant to be, not a warning.
        if (!m_services.demoAccounts.isEmpty())
            m_status->setSyncText(
                withDamage(tr("To HQ: %n waiting · demo outlet, no HQ", nullptr, int(status.queueLength))),
                damage.isEmpty());
        else
            m_status->setSyncText(
                withDamage(tr("To HQ: %n waiting · not enrolled with HQ", nullptr, int(status.queueLength))), false);
        break;
    case OutletSync::State::Running: {
        QString problem = damage;
        if (problem.isEmpty() && !status.lastError.isEmpty())
            problem = status.online ? tr("last attempt failed") : tr("offline");
        m_status->setSync(int(status.queueLength), status.lastSuccess.toLocalTime(), problem);
        break;
    }
    }
    if (!damage.isEmpty())
        m_status->markSyncSevere();
    if (!damage.isEmpty() && !m_storageNoticeShown) {
        m_storageNoticeShown = true;
        auto* notice = new QMessageBox(QMessageBox::Warning, tr("Database damaged"),
                                       ClerkText::of(Cause{Reason::DatabaseDamaged}), QMessageBox::Ok, this);
        notice->setObjectName(u"storageDamagedNotice"_s);
        notice->setAttribute(Qt::WA_DeleteOnClose);
        notice->open();
    }
}

void MainWindow::openManagerReview()
{
    if (!m_services.authenticator)
        return;
    QDialog dialog(this);
    dialog.setObjectName(u"managerLoginDialog"_s);
    dialog.setWindowTitle(tr("Manager review"));
    auto* form = new QFormLayout(&dialog);
    auto* accountEdit = new QLineEdit(&dialog);
    accountEdit->setObjectName(u"managerAccountEdit"_s);
    auto* passwordEdit = new QLineEdit(&dialog);
    passwordEdit->setObjectName(u"managerPasswordEdit"_s);
    passwordEdit->setEchoMode(QLineEdit::Password);
    form->addRow(
        new QLabel(tr("A store manager signs in with their own account. The clerk stays signed in."), &dialog));
    form->addRow(tr("Manager &account"), accountEdit);
    form->addRow(tr("&Password"), passwordEdit);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    accountEdit->setFocus();
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto window = review::ManagerWindow::login(*m_services.authenticator, accountEdit->text().trimmed(),
                                               passwordEdit->text().toUtf8());
    passwordEdit->clear();
    if (!window) {
        QMessageBox::warning(this, tr("Manager review"), ClerkText::of(window.error()));
        return;
    }
    review::ManagerWindow* opened = window->release();
    if (m_services.registration && m_services.registration->services.catalog) {
        QHash<QString, QString> names;
        for (const catalog::Package& package : m_services.registration->services.catalog->packages())
            names.insert(package.id, package.name);
        opened->setPackageNames(names);
    }
    opened->setAttribute(Qt::WA_DeleteOnClose);
    opened->show();
    opened->raise();
}

void MainWindow::onLoggedIn(const QString& account)
{
    m_services.registration->services.clerk = account;
    m_status->setClerk(m_services.gate->displayName());
    m_stack->setCurrentWidget(m_wizard);
    m_wizard->startNew();
    // The customer screen opens by itself when a second screen is attached.
    m_customerDisplay->showOnSecondScreen();
    qCInfo(lcUi) << "clerk signed in";
}

void MainWindow::signOut()
{
    if (!m_services.gate->isLoggedIn())
        return;
    if (m_wizard->session() && m_wizard->session()->step() != registration::SessionStep::CustomerType &&
        !m_wizard->cancelWithConfirmation())
        return;
    m_services.gate->logout();
    m_status->setClerk({});
    m_stack->setCurrentWidget(m_login);
    m_login->reset();
}

void MainWindow::setLargeText(bool on)
{
    m_largeText = on;
    QFont f = font();
    f.setPointSizeF(m_basePointSize * (on ? 1.5 : 1.0));
    m_stack->setFont(f);
    m_customerDisplay->setFont(f);
}

void MainWindow::openDocumentCheck()
{
    auto* dialog = new QDialog(this);
    dialog->setObjectName(u"documentCheckDialog"_s);
    dialog->setWindowTitle(tr("Document check"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(dialog);
    const Clock& clock = m_services.clock ? *m_services.clock : static_cast<const Clock&>(m_clock);
    layout->addWidget(new DocumentCheckForm(clock, dialog));
    dialog->resize(900, 600);
    dialog->show();
}

void MainWindow::setLockedUi(bool locked)
{
    if (locked) {
        if (!m_disabledWhileLocked.isEmpty())
            return;
        for (QAction* action : findChildren<QAction*>()) {
            if (action->isEnabled()) {
                action->setEnabled(false);
                m_disabledWhileLocked.append(action);
            }
        }
        for (QShortcut* shortcut : findChildren<QShortcut*>()) {
            if (shortcut->isEnabled()) {
                shortcut->setEnabled(false);
                m_disabledWhileLocked.append(shortcut);
            }
        }
        menuBar()->setEnabled(false);
        m_stack->setEnabled(false);
        m_customerDisplayWasVisible = m_customerDisplay && m_customerDisplay->isVisible();
        if (m_customerDisplayWasVisible)
            m_customerDisplay->hide();
        return;
    }
    for (const QPointer<QObject>& object : std::as_const(m_disabledWhileLocked)) {
        if (auto* action = qobject_cast<QAction*>(object.data()))
            action->setEnabled(true);
        else if (auto* shortcut = qobject_cast<QShortcut*>(object.data()))
            shortcut->setEnabled(true);
    }
    m_disabledWhileLocked.clear();
    menuBar()->setEnabled(true);
    m_stack->setEnabled(true);
    if (std::exchange(m_customerDisplayWasVisible, false) && m_customerDisplay)
        m_customerDisplay->show();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_services.gate && m_services.gate->isLocked()) {
        m_lock->refuseClose();
        event->ignore();
        return;
    }
    if (m_wizard && !m_wizard->confirmClose()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    // Any key or click anywhere in the application is activity for the idle lock.
    if (m_services.gate && (event->type() == QEvent::KeyPress || event->type() == QEvent::MouseButtonPress))
        m_services.gate->touch();
    return QMainWindow::eventFilter(watched, event);
}

} // namespace shiming
