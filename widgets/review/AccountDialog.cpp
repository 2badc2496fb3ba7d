#include "widgets/review/AccountDialog.h"

#include "core/auth/Authenticator.h"
#include "core/outlet/ClerkText.h"
#include "widgets/review/PageParts.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming::review {

AccountDialog::AccountDialog(Kind kind, const QString& title, const AccountEntry& start, const QString& error,
                             QWidget* parent)
    : QDialog(parent)
    , m_kind(kind)
{
    setWindowTitle(title);
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    if (kind == Kind::NewAccount) {
        m_name = new QLineEdit(start.name, this);
        m_name->setObjectName(u"accountNameEdit"_s);
        m_display = new QLineEdit(start.displayName, this);
        m_display->setObjectName(u"displayNameEdit"_s);
        m_display->setPlaceholderText(tr("as the account name"));
        form->addRow(tr("Account name:"), m_name);
        form->addRow(tr("Display name:"), m_display);
    }
    m_password = new QLineEdit(QString::fromUtf8(start.password), this);
    m_password->setObjectName(u"newPasswordEdit"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat = new QLineEdit(QString::fromUtf8(start.password), this);
    m_repeat->setObjectName(u"repeatPasswordEdit"_s);
    m_repeat->setEchoMode(QLineEdit::Password);
    form->addRow(tr("New password:"), m_password);
    form->addRow(tr("The same password again:"), m_repeat);
    layout->addLayout(form);
    m_hint = new QLabel(this);
    m_hint->setObjectName(u"accountHintLabel"_s);
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    m_ok = addDialogEnd(this, layout, error, u"accountErrorLabel"_s);
    for (QLineEdit* edit : {m_name, m_display, m_password, m_repeat})
        if (edit)
            connect(edit, &QLineEdit::textChanged, this, &AccountDialog::update);
    update();
    if (m_name && m_name->text().isEmpty())
        m_name->setFocus();
    else
        m_password->setFocus();
}

AccountDialog::~AccountDialog()
{
    m_password->clear();
    m_repeat->clear();
}

QString AccountDialog::missing() const
{
    if (m_name && m_name->text().trimmed().isEmpty())
        return tr("Enter the account name the clerk signs in with.");
    if (m_name && m_name->text().contains(u'/'))
        return ClerkText::of(Cause{Reason::AccountNameInvalid});
    if (m_password->text().toUtf8().size() < auth::kMinimumPasswordLength)
        return ClerkText::of(Cause{Reason::PasswordTooShort, {}, auth::kMinimumPasswordLength});
    if (m_repeat->text() != m_password->text())
        return tr("Type the same password again in the second field.");
    return {};
}

void AccountDialog::update()
{
    const QString text = missing();
    m_hint->setText(text);
    m_hint->setVisible(!text.isEmpty());
    m_ok->setEnabled(text.isEmpty());
}

AccountEntry AccountDialog::entry() const
{
    AccountEntry e;
    if (m_name) {
        e.name = m_name->text().trimmed();
        e.displayName = m_display->text().trimmed();
        if (e.displayName.isEmpty())
            e.displayName = e.name;
    }
    e.password = m_password->text().toUtf8();
    return e;
}

std::optional<AccountEntry> AccountDialog::ask(QWidget* parent, Kind kind, const QString& title,
                                               const AccountEntry& start, const QString& error)
{
    AccountDialog dialog(kind, title, start, error, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.entry();
}

} // namespace shiming::review
