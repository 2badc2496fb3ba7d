#include "widgets/login/LockOverlay.h"

#include "core/outlet/AccountGate.h"
#include "core/outlet/ClerkText.h"
#include "widgets/common/Tone.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming {

LockOverlay::LockOverlay(AccountGate& gate, QWidget* parent)
    : QWidget(parent)
    , m_gate(gate)
{
    setObjectName(u"lockOverlay"_s);
    setAttribute(Qt::WA_StyledBackground, false);
    auto* outer = new QVBoxLayout(this);
    outer->addStretch();
    auto* panel = new QWidget(this);
    panel->setObjectName(u"lockPanel"_s);
    panel->setAutoFillBackground(true);
    panel->setMaximumWidth(480);
    auto* layout = new QVBoxLayout(panel);
    auto* title = new QLabel(tr("Locked"), panel);
    title->setObjectName(u"lockTitleLabel"_s);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    title->setFont(big);
    layout->addWidget(title);
    m_accountLabel = new QLabel(panel);
    m_accountLabel->setObjectName(u"lockAccountLabel"_s);
    m_accountLabel->setWordWrap(true);
    layout->addWidget(m_accountLabel);
    m_passwordEdit = new QLineEdit(panel);
    m_passwordEdit->setObjectName(u"unlockPasswordEdit"_s);
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    layout->addWidget(m_passwordEdit);
    m_errorLabel = new QLabel(panel);
    m_errorLabel->setObjectName(u"unlockErrorLabel"_s);
    setTone(m_errorLabel, Tone::Error);
    layout->addWidget(m_errorLabel);
    outer->addWidget(panel, 0, Qt::AlignHCenter);
    outer->addStretch();
    connect(m_passwordEdit, &QLineEdit::returnPressed, this, &LockOverlay::attemptUnlock);
    parent->installEventFilter(this);
    hide();
}

void LockOverlay::showLocked(bool manual)
{
    m_accountLabel->setText(manual ? tr("The counter is locked. %1, enter your password to go on; the registration "
                                        "in progress is kept.")
                                         .arg(m_gate.displayName())
                                   : tr("The counter locked itself after a pause. %1, enter your password to go on; "
                                        "the registration in progress is kept.")
                                         .arg(m_gate.displayName()));
    m_errorLabel->clear();
    m_passwordEdit->clear();
    setGeometry(parentWidget()->rect());
    show();
    raise();
    m_passwordEdit->setFocus();
}

void LockOverlay::refuseClose()
{
    m_errorLabel->setText(tr("Unlock first: the counter closes only after the password is entered."));
    m_passwordEdit->setFocus();
}

void LockOverlay::attemptUnlock()
{
    auto result = m_gate.unlock(m_passwordEdit->text().toUtf8());
    m_passwordEdit->clear();
    if (!result) {
        m_errorLabel->setText(ClerkText::of(result.error()));
        return;
    }
    hide();
}

bool LockOverlay::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void LockOverlay::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    // Opaque enough that nothing personal underneath can be read while the clerk is away.
    painter.fillRect(rect(), QColor(30, 30, 40));
}

} // namespace shiming
