#include "widgets/registration/CustomerTypePage.h"

#include "widgets/registration/SessionText.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QLabel>
#include <QRadioButton>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming {

using registration::CustomerType;
using registration::Transaction;

CustomerTypePage::CustomerTypePage(QWidget* parent)
    : WizardPage(parent)
{
    setObjectName(u"customerTypePage"_s);
    auto* layout = new QVBoxLayout(this);
    auto* transactionLabel = new QLabel(tr("The customer comes for (Alt+&T):"), this);
    layout->addWidget(transactionLabel);
    m_transactionCombo = new QComboBox(this);
    m_transactionCombo->setObjectName(u"transactionCombo"_s);
    for (Transaction t : {Transaction::NewNumber, Transaction::Reverification, Transaction::SimReplacement,
                          Transaction::Transfer, Transaction::Cancellation})
        m_transactionCombo->addItem(SessionText::transaction(t), int(t));
    transactionLabel->setBuddy(m_transactionCombo);
    layout->addWidget(m_transactionCombo);
    m_transactionHint = new QLabel(this);
    m_transactionHint->setObjectName(u"transactionHintLabel"_s);
    m_transactionHint->setWordWrap(true);
    layout->addWidget(m_transactionHint);
    layout->addSpacing(12);
    connect(m_transactionCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (session())
            session()->setTransaction(Transaction(m_transactionCombo->currentData().toInt()));
        showTransaction();
    });

    m_title = new QLabel(this);
    auto* title = m_title;
    title->setObjectName(u"customerTypeTitleLabel"_s);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    layout->addWidget(title);

    auto* group = new QButtonGroup(this);
    const QList<std::pair<CustomerType, QString>> types{{CustomerType::Individual, u"individual"_s},
                                                        {CustomerType::Minor, u"minor"_s},
                                                        {CustomerType::Agent, u"agent"_s},
                                                        {CustomerType::Organisation, u"organisation"_s}};
    int key = 1;
    for (const auto& [type, name] : types) {
        auto* button = new QRadioButton(u"&%1  "_s.arg(key) + SessionText::customerType(type), this);
        button->setObjectName(name + u"RadioButton"_s);
        auto* hint = new QLabel(SessionText::customerTypeHint(type), this);
        hint->setWordWrap(true);
        hint->setIndent(28);
        hint->setObjectName(name + u"HintLabel"_s);
        group->addButton(button);
        layout->addWidget(button);
        layout->addWidget(hint);
        m_buttons.insert(type, button);
        auto* shortcut = new QShortcut(QKeySequence(Qt::Key_0 + key), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, button, [button] {
            button->setChecked(true);
            button->setFocus();
        });
        connect(button, &QRadioButton::toggled, this, [this, type](bool on) {
            if (on && session())
                session()->setCustomerType(type);
        });
        ++key;
    }
    layout->addStretch();
}

void CustomerTypePage::showTransaction()
{
    const auto t = Transaction(m_transactionCombo->currentData().toInt());
    m_transactionHint->setText(SessionText::transactionHint(t));
    m_title->setText(t == Transaction::NewNumber  ? tr("Who is the number for?")
                     : t == Transaction::Transfer ? tr("Who is the new holder?")
                                                  : tr("Who holds the number?"));
}

void CustomerTypePage::attach(registration::RegistrationSession* session)
{
    WizardPage::attach(session);
    {
        const QSignalBlocker blocker(m_transactionCombo);
        m_transactionCombo->setCurrentIndex(m_transactionCombo->findData(int(session->transaction())));
    }
    showTransaction();
    if (QRadioButton* button = m_buttons.value(session->customerType()))
        button->setChecked(true);
}

void CustomerTypePage::enter()
{
    if (QRadioButton* button = m_buttons.value(session()->customerType()))
        button->setFocus();
}

} // namespace shiming
