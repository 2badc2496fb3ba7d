#pragma once

#include "core/registration/Registration.h"
#include "widgets/registration/WizardPage.h"

#include <QMap>

class QComboBox;
class QLabel;
class QRadioButton;

namespace shiming {

/// Step 1: what the customer comes for (the transaction: a new number preselected; Alt+T) and who it is for.
/// Keys 1–4 choose the customer type; Enter goes on (Individual is preselected).
class CustomerTypePage : public WizardPage {
    Q_OBJECT

public:
    explicit CustomerTypePage(QWidget* parent = nullptr);

    void attach(registration::RegistrationSession* session) override;
    void enter() override;

private:
    QComboBox* m_transactionCombo = nullptr;
    QLabel* m_transactionHint = nullptr;
    QLabel* m_title = nullptr;
    QMap<registration::CustomerType, QRadioButton*> m_buttons;

    void showTransaction();
};

} // namespace shiming
