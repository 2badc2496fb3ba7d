#pragma once

#include "core/registration/Registration.h"
#include "widgets/registration/WizardPage.h"

#include <QMap>

class QRadioButton;

namespace shiming {

/// Step 1: who the registration is for. Keys 1–4 choose; Enter goes on (Individual is preselected).
class CustomerTypePage : public WizardPage {
    Q_OBJECT

public:
    explicit CustomerTypePage(QWidget* parent = nullptr);

    void attach(registration::RegistrationSession* session) override;
    void enter() override;

private:
    QMap<registration::CustomerType, QRadioButton*> m_buttons;
};

} // namespace shiming
