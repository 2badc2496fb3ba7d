#include "widgets/review/DecisionDialog.h"

#include "widgets/review/PageParts.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming::review {

DecisionDialog::DecisionDialog(const QString& title, const QString& text, const Decision& start, const QString& error,
                               QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(text, this);
    label->setWordWrap(true);
    layout->addWidget(label);
    auto* form = new QFormLayout;
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(u"reasonEdit"_s);
    m_reason->setTabChangesFocus(true);
    m_reason->setMaximumHeight(80);
    m_reason->setPlainText(start.reason);
    m_user = new QLineEdit(start.user, this);
    m_user->setObjectName(u"userEdit"_s);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"passwordEdit"_s);
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Reason:"), m_reason);
    form->addRow(tr("Manager account:"), m_user);
    form->addRow(tr("Password:"), m_password);
    layout->addLayout(form);
    m_ok = addDialogEnd(this, layout, error, u"decisionErrorLabel"_s);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &DecisionDialog::updateOk);
    connect(m_user, &QLineEdit::textChanged, this, &DecisionDialog::updateOk);
    connect(m_password, &QLineEdit::textChanged, this, &DecisionDialog::updateOk);
    updateOk();
    m_reason->setFocus();
}

DecisionDialog::~DecisionDialog()
{
    m_password->clear();
}

void DecisionDialog::updateOk()
{
    m_ok->setEnabled(!m_reason->toPlainText().trimmed().isEmpty() && !m_user->text().trimmed().isEmpty() &&
                     !m_password->text().isEmpty());
}

Decision DecisionDialog::decision() const
{
    return {m_reason->toPlainText().trimmed(), m_user->text().trimmed(), m_password->text().toUtf8()};
}

std::optional<Decision> DecisionDialog::ask(QWidget* parent, const QString& title, const QString& text,
                                            const Decision& start, const QString& error)
{
    DecisionDialog dialog(title, text, start, error, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.decision();
}

} // namespace shiming::review
