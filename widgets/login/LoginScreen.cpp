#include "widgets/login/LoginScreen.h"

#include "core/outlet/AccountGate.h"
#include "core/outlet/ClerkText.h"
#include "widgets/common/Tone.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming {

LoginScreen::LoginScreen(AccountGate& gate, QWidget* parent)
    : QWidget(parent)
    , m_gate(gate)
{
    setObjectName(u"loginScreen"_s);
    auto* outer = new QVBoxLayout(this);
    outer->addStretch();
    auto* panel = new QWidget(this);
    panel->setFixedWidth(480);
    auto* layout = new QVBoxLayout(panel);
    auto* title = new QLabel(tr("Real-name registration — sign in"), panel);
    title->setObjectName(u"loginTitleLabel"_s);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    layout->addWidget(title);
    m_outletLabel = new QLabel(panel);
    m_outletLabel->setObjectName(u"outletLabel"_s);
    layout->addWidget(m_outletLabel);
    auto* form = new QFormLayout;
    m_accountEdit = new QLineEdit(panel);
    m_accountEdit->setObjectName(u"accountEdit"_s);
    m_passwordEdit = new QLineEdit(panel);
    m_passwordEdit->setObjectName(u"passwordEdit"_s);
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Account"), m_accountEdit);
    form->addRow(tr("&Password"), m_passwordEdit);
    layout->addLayout(form);
    m_errorLabel = new QLabel(panel);
    m_errorLabel->setObjectName(u"loginErrorLabel"_s);
    setTone(m_errorLabel, Tone::Error);
    m_errorLabel->setWordWrap(true);
    layout->addWidget(m_errorLabel);
    m_loginButton = new QPushButton(tr("Sign in (Enter)"), panel);
    m_loginButton->setObjectName(u"loginButton"_s);
    layout->addWidget(m_loginButton);
    m_demoLabel = new QLabel(panel);
    m_demoLabel->setObjectName(u"demoAccountsLabel"_s);
    m_demoLabel->setWordWrap(true);
    m_demoLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_demoLabel->setStyleSheet(u"background: #fff8e1; padding: 8px; border: 1px solid #e0c060;"_s);
    m_demoLabel->hide();
    layout->addWidget(m_demoLabel);
    // Centred by stretches, not by an alignment flag: an aligned widget gets its size hint's height, which cuts
    // a wrapped label; in a row it gets the height its width needs.
    auto* row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(panel);
    row->addStretch();
    outer->addLayout(row);
    outer->addStretch();

    connect(m_accountEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_passwordEdit->text().isEmpty())
            m_passwordEdit->setFocus();
        else
            attemptLogin();
    });
    connect(m_passwordEdit, &QLineEdit::returnPressed, this, &LoginScreen::attemptLogin);
    connect(m_loginButton, &QPushButton::clicked, this, &LoginScreen::attemptLogin);
}

void LoginScreen::setOutletName(const QString& outlet)
{
    m_outletLabel->setText(tr("Outlet: %1").arg(outlet));
}

void LoginScreen::setDemoAccounts(const QString& text)
{
    m_demoLabel->setText(text);
    m_demoLabel->setVisible(!text.isEmpty());
}

void LoginScreen::reset()
{
    m_passwordEdit->clear();
    m_errorLabel->clear();
    m_accountEdit->setFocus();
}

void LoginScreen::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_accountEdit->text().isEmpty())
        m_accountEdit->setFocus();
    else
        m_passwordEdit->setFocus();
}

void LoginScreen::attemptLogin()
{
    const QString account = m_accountEdit->text().trimmed();
    if (account.isEmpty()) {
        m_accountEdit->setFocus();
        return;
    }
    m_errorLabel->setText(tr("Signing in…"));
    m_errorLabel->repaint();
    auto result = m_gate.login(account, m_passwordEdit->text().toUtf8());
    m_passwordEdit->clear();
    if (!result) {
        m_errorLabel->setText(ClerkText::of(result.error()));
        m_passwordEdit->setFocus();
        return;
    }
    m_errorLabel->clear();
    emit loggedIn(*result);
}

} // namespace shiming
