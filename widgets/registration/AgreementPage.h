#pragma once

#include "widgets/registration/WizardPage.h"

class QCheckBox;
class QLabel;

namespace shiming {

class AgreementViewer;
class SignaturePad;

/// Step 5: the service agreement and the fraud-risk notice, each shown in full (scrolled to the end), the
/// customer's signature on the pad, and the clerk's confirmation (Ctrl+K).
class AgreementPage : public WizardPage {
    Q_OBJECT

public:
    explicit AgreementPage(QWidget* parent = nullptr);

    void attach(registration::RegistrationSession* session) override;
    void enter() override;
    bool showsBlocker() const override { return true; }
    void focusOn(const Cause& cause) override;

    /// The texts shown (HTML, from the resources, in the UI language).
    static QString agreementHtml();
    static QString fraudNoticeHtml();

private:
    void refresh();

    AgreementViewer* m_agreement = nullptr;
    AgreementViewer* m_notice = nullptr;
    SignaturePad* m_pad = nullptr;
    QCheckBox* m_confirm = nullptr;
    QLabel* m_statusLabel = nullptr;
};

} // namespace shiming
