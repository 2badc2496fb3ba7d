#include "widgets/registration/RegistrationWizard.h"

#include "core/common/Logging.h"
#include "core/outlet/ClerkText.h"
#include "core/reader/IdCardReader.h"
#include "widgets/common/Tone.h"
#include "widgets/registration/AgreementPage.h"
#include "widgets/registration/CustomerTypePage.h"
#include "widgets/registration/DocumentPage.h"
#include "widgets/registration/FacePage.h"
#include "widgets/registration/PackagePage.h"
#include "widgets/registration/SessionText.h"
#include "widgets/registration/SummaryPage.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming {

using namespace registration;

RegistrationWizard::RegistrationWizard(RegistrationContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(u"registrationWizard"_s);
    auto* outer = new QHBoxLayout(this);
    m_stepList = new QListWidget(this);
    m_stepList->setObjectName(u"stepListWidget"_s);
    m_stepList->setFocusPolicy(Qt::NoFocus);
    m_stepList->setSelectionMode(QAbstractItemView::NoSelection);
    m_stepList->setMaximumWidth(260);
    QFont stepFont = m_stepList->font();
    stepFont.setPointSizeF(stepFont.pointSizeF() * 1.2);
    m_stepList->setFont(stepFont);
    outer->addWidget(m_stepList);

    auto* right = new QVBoxLayout;
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(u"stepStackedWidget"_s);
    // Each page scrolls inside the stack instead of growing the window: a minor's or an organisation's
    // documents must not push Next/Back/Cancel off a 1366x768 or 1024x600 counter screen.
    auto addPage = [this](SessionStep step, WizardPage* page) {
        m_pages.insert(step, page);
        auto* scroll = new QScrollArea(m_stack);
        scroll->setObjectName(page->objectName() + u"ScrollArea"_s);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setFocusPolicy(Qt::NoFocus);
        scroll->setWidget(page);
        m_scrolls.insert(step, scroll);
        m_stack->addWidget(scroll);
        connect(page, &WizardPage::advanceRequested, this, [this, step] {
            if (m_session && m_session->step() == step)
                next();
        });
    };
    addPage(SessionStep::CustomerType, new CustomerTypePage(this));
    addPage(SessionStep::Documents, new DocumentPage(context, this));
    addPage(SessionStep::Face, new FacePage(context, this));
    addPage(SessionStep::Package, new PackagePage(context, this));
    addPage(SessionStep::Agreement, new AgreementPage(this));
    auto* summary = new SummaryPage(context, this);
    addPage(SessionStep::Summary, summary);
    connect(summary, &SummaryPage::newRegistrationRequested, this, &RegistrationWizard::startNew);
    right->addWidget(m_stack, 1);

    m_reasonLabel = new QLabel(this);
    m_reasonLabel->setObjectName(u"wizardReasonLabel"_s);
    m_reasonLabel->setWordWrap(true);
    setTone(m_reasonLabel, Tone::Error);
    right->addWidget(m_reasonLabel);

    auto* buttons = new QHBoxLayout;
    m_cancelButton = new QPushButton(tr("Cancel registration (F12)"), this);
    m_cancelButton->setObjectName(u"cancelButton"_s);
    m_backButton = new QPushButton(tr("Back (Esc)"), this);
    m_backButton->setObjectName(u"backButton"_s);
    m_nextButton = new QPushButton(tr("Next (Enter)"), this);
    m_nextButton->setObjectName(u"nextButton"_s);
    for (QPushButton* b : {m_cancelButton, m_backButton, m_nextButton})
        b->setFocusPolicy(Qt::TabFocus);
    buttons->addWidget(m_cancelButton);
    buttons->addStretch();
    buttons->addWidget(m_backButton);
    buttons->addWidget(m_nextButton);
    right->addLayout(buttons);
    outer->addLayout(right, 1);

    connect(m_nextButton, &QPushButton::clicked, this, &RegistrationWizard::next);
    connect(m_backButton, &QPushButton::clicked, this, &RegistrationWizard::back);
    connect(m_cancelButton, &QPushButton::clicked, this, &RegistrationWizard::cancelWithConfirmation);
    auto* cancelShortcut = new QShortcut(QKeySequence(Qt::Key_F12), this);
    cancelShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(cancelShortcut, &QShortcut::activated, this, &RegistrationWizard::cancelWithConfirmation);

    if (m_context.reader) {
        connect(m_context.reader, &reader::IdCardReader::cardRead, this, &RegistrationWizard::onCardRead);
        auto* documents = static_cast<DocumentPage*>(m_pages.value(SessionStep::Documents));
        connect(m_context.reader, &reader::IdCardReader::readFailed, documents, &DocumentPage::onReadFailed);
    }
}

RegistrationWizard::~RegistrationWizard()
{
    // The session releases its reserved number when it is destroyed uncommitted.
    delete m_session;
}

void RegistrationWizard::startNew()
{
    if (m_session) {
        if (!m_session->committedRecord() && !m_session->isCancelled())
            m_session->cancel();
        m_pages.value(m_shown)->leave();
        m_session->deleteLater();
    }
    m_session = new RegistrationSession(m_context.services, this);
    connect(m_session, &RegistrationSession::stepChanged, this, &RegistrationWizard::showStep);
    connect(m_session, &RegistrationSession::changed, this, [this] {
        refreshSteps();
        // The reason a Next was refused is stale once anything changed; the page shows what is needed now.
        m_reasonLabel->clear();
    });
    connect(m_session, &RegistrationSession::committed, this, &RegistrationWizard::registrationCommitted);
    for (WizardPage* page : std::as_const(m_pages))
        page->attach(m_session);
    m_shown = SessionStep::Done;
    showStep(SessionStep::CustomerType);
    emit sessionStarted(m_session);
}

void RegistrationWizard::showStep(SessionStep step)
{
    if (step == SessionStep::Done) {
        // Committed: the summary page stays, now offering print, PDF and the next customer; nothing to go back
        // to or cancel any more.
        m_backButton->setEnabled(false);
        m_cancelButton->setEnabled(false);
        refreshSteps();
        m_pages.value(SessionStep::Summary)->enter();
        return;
    }
    if (WizardPage* old = m_pages.value(m_shown))
        old->leave();
    m_shown = step;
    m_stack->setCurrentWidget(m_scrolls.value(step));
    m_reasonLabel->clear();
    m_backButton->setEnabled(step != SessionStep::CustomerType);
    m_cancelButton->setEnabled(true);
    m_nextButton->setVisible(step != SessionStep::Summary);
    refreshSteps();
    m_pages.value(step)->enter();
}

void RegistrationWizard::refreshSteps()
{
    if (!m_session)
        return;
    m_stepList->clear();
    int number = 1;
    for (SessionStep step : RegistrationSession::steps()) {
        QString mark = u"  "_s;
        if (step < m_session->step() || m_session->step() == SessionStep::Done)
            mark = u"✔ "_s;
        else if (step == m_session->step())
            mark = u"▶ "_s;
        auto* item = new QListWidgetItem(
            mark + u"%1. "_s.arg(number++) + SessionText::step(step, m_session->transaction()), m_stepList);
        if (step == m_session->step()) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
        }
    }
}

bool RegistrationWizard::next()
{
    if (!m_session)
        return false;
    if (m_session->step() == SessionStep::Summary) {
        static_cast<SummaryPage*>(m_pages.value(SessionStep::Summary))->commit();
        return m_session->step() == SessionStep::Done;
    }
    if (m_session->step() == SessionStep::Done) {
        startNew();
        return true;
    }
    auto advanced = m_session->advance();
    if (!advanced) {
        WizardPage* page = m_pages.value(m_session->step());
        // Said once: pages that show their step's need already have it on screen.
        if (!page || !page->showsBlocker())
            m_reasonLabel->setText(ClerkText::of(advanced.error()));
        if (page)
            page->focusOn(advanced.error().cause);
        return false;
    }
    return true;
}

void RegistrationWizard::back()
{
    if (!m_session)
        return;
    if (m_session->step() == SessionStep::CustomerType) {
        cancelWithConfirmation();
        return;
    }
    if (m_session->step() == SessionStep::Done)
        return;
    (void)m_session->back();
}

bool RegistrationWizard::confirmClose()
{
    if (!m_session || m_session->step() == SessionStep::Done || m_session->step() == SessionStep::CustomerType ||
        m_session->isCancelled())
        return true;
    const bool sure = !m_context.confirm ||
                      m_context.confirm(tr("A registration is in progress. Close anyway? It is cancelled: nothing "
                                           "is saved and the number is released."));
    if (!sure)
        return false;
    qCInfo(lcUi) << "registration cancelled on close at step" << sessionStepKey(m_session->step());
    m_session->cancel();
    return true;
}

bool RegistrationWizard::cancelWithConfirmation()
{
    if (!m_session || m_session->step() == SessionStep::Done)
        return false;
    const bool sure = !m_context.confirm ||
                      m_context.confirm(tr("Cancel this registration? Nothing is saved and the number is released."));
    if (!sure)
        return false;
    qCInfo(lcUi) << "registration cancelled at step" << sessionStepKey(m_session->step());
    startNew();
    return true;
}

void RegistrationWizard::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (event->modifiers() & Qt::ControlModifier)
            break;
        ++m_handledKeys;
        next();
        event->accept();
        return;
    case Qt::Key_Escape:
        ++m_handledKeys;
        back();
        event->accept();
        return;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void RegistrationWizard::onCardRead(const reader::CardReadout& readout)
{
    if (!m_session || !isVisible())
        return;
    // A card on the first step means "this customer, in person": go to the documents with it.
    if (m_session->step() == SessionStep::CustomerType) {
        if (!m_session->advance())
            return;
    }
    if (m_session->step() == SessionStep::Documents)
        static_cast<DocumentPage*>(m_pages.value(SessionStep::Documents))->onCardRead(readout);
}

} // namespace shiming
