#include "widgets/registration/AgreementPage.h"

#include "core/outlet/ClerkText.h"
#include "core/registration/RegistrationSession.h"
#include "widgets/registration/AgreementViewer.h"
#include "widgets/registration/SessionText.h"
#include "widgets/registration/SignaturePad.h"

#include <QCheckBox>
#include <QFile>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming {

using namespace registration;

namespace {

QString resourceText(const QString& base)
{
    const bool chinese = QLocale().language() == QLocale::Chinese;
    QFile file(u":/shiming/agreements/"_s + base + (chinese ? u"_zh_CN.html"_s : u"_en.html"_s));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

QString AgreementPage::agreementHtml()
{
    return resourceText(u"service-agreement"_s);
}

QString AgreementPage::fraudNoticeHtml()
{
    return resourceText(u"fraud-notice"_s);
}

AgreementPage::AgreementPage(QWidget* parent)
    : WizardPage(parent)
{
    setObjectName(u"agreementPage"_s);
    auto* layout = new QVBoxLayout(this);
    auto* texts = new QGridLayout;
    auto* agreementTitle = new QLabel(tr("Service agreement (Alt+1)"), this);
    auto* noticeTitle = new QLabel(tr("Fraud-risk notice (Alt+2)"), this);
    m_agreement = new AgreementViewer(this);
    m_agreement->setObjectName(u"agreementViewer"_s);
    m_notice = new AgreementViewer(this);
    m_notice->setObjectName(u"fraudNoticeViewer"_s);
    texts->addWidget(agreementTitle, 0, 0);
    texts->addWidget(noticeTitle, 0, 1);
    texts->addWidget(m_agreement, 1, 0);
    texts->addWidget(m_notice, 1, 1);
    layout->addLayout(texts, 3);

    auto* signRow = new QHBoxLayout;
    m_pad = new SignaturePad(this);
    signRow->addWidget(m_pad, 1);
    auto* side = new QVBoxLayout;
    auto* clear = new QPushButton(tr("Clear signature (Ctrl+Backspace)"), this);
    clear->setObjectName(u"clearSignatureButton"_s);
    m_confirm = new QCheckBox(tr("I showed the customer both texts and saw them sign (Ctrl+K)"), this);
    m_confirm->setObjectName(u"clerkConfirmCheckBox"_s);
    side->addWidget(clear);
    side->addWidget(m_confirm);
    side->addStretch();
    signRow->addLayout(side);
    layout->addLayout(signRow, 2);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(u"agreementStatusLabel"_s);
    layout->addWidget(m_statusLabel);

    // Read to the end, a text hands the focus on: the agreement to the notice, the notice to the confirmation.
    connect(m_agreement, &AgreementViewer::readToEndChanged, this, [this](bool read) {
        if (session())
            session()->setAgreementRead(read);
        if (read && m_agreement->hasFocus() && !m_notice->readToEnd())
            m_notice->setFocus();
    });
    connect(m_notice, &AgreementViewer::readToEndChanged, this, [this](bool read) {
        if (session())
            session()->setFraudNoticeRead(read);
        if (read && m_notice->hasFocus())
            m_confirm->setFocus();
    });
    connect(m_pad, &SignaturePad::signatureChanged, this, [this] {
        if (session())
            session()->setSignature(m_pad->toPng());
    });
    connect(clear, &QPushButton::clicked, m_pad, &SignaturePad::clear);
    connect(m_confirm, &QCheckBox::toggled, this, [this](bool on) {
        if (session())
            session()->setClerkConfirmed(on);
    });
    auto add = [this](const QString& keys, auto slot) {
        auto* s = new QShortcut(QKeySequence(keys), this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    add(u"Alt+1"_s, [this] { m_agreement->setFocus(); });
    add(u"Alt+2"_s, [this] { m_notice->setFocus(); });
    add(u"Ctrl+K"_s, [this] { m_confirm->toggle(); });
    add(u"Ctrl+Backspace"_s, [this] { m_pad->clear(); });
}

void AgreementPage::attach(RegistrationSession* s)
{
    WizardPage::attach(s);
    connect(s, &RegistrationSession::changed, this, &AgreementPage::refresh);
    m_pad->clear();
    {
        const QSignalBlocker blocker(m_confirm);
        m_confirm->setChecked(false);
    }
    m_agreement->setDocumentHtml(agreementHtml());
    m_notice->setDocumentHtml(fraudNoticeHtml());
}

void AgreementPage::enter()
{
    // Texts may have been read already when the clerk comes back; re-check now that they are visible.
    session()->setAgreementRead(m_agreement->readToEnd());
    session()->setFraudNoticeRead(m_notice->readToEnd());
    if (!m_agreement->readToEnd())
        m_agreement->setFocus();
    else if (!m_notice->readToEnd())
        m_notice->setFocus();
    else
        m_confirm->setFocus();
    refresh();
}

void AgreementPage::focusOn(const Cause& cause)
{
    switch (cause.reason) {
    case Reason::AgreementUnread:
        m_agreement->setFocus();
        break;
    case Reason::FraudNoticeUnread:
        m_notice->setFocus();
        break;
    case Reason::SignatureMissing:
        m_pad->setFocus();
        break;
    case Reason::ClerkUnconfirmed:
        m_confirm->setFocus();
        break;
    default:
        break;
    }
}

void AgreementPage::refresh()
{
    if (!session())
        return;
    const Cause reason = session()->blocker();
    m_statusLabel->setText(reason.isSpecified() ? ClerkText::of(reason) : tr("Complete. Press Enter to continue."));
}

} // namespace shiming
