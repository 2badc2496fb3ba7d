#pragma once

#include "core/registration/RegistrationSession.h"
#include "widgets/registration/RegistrationContext.h"
#include "widgets/registration/WizardPage.h"

#include <QImage>

class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace shiming {

struct FaceHint;

/// Step 3: live preview with the face box and quality hints, capture (F5 or Space), comparison with the
/// document photo, score and band. A pass moves on; review takes a manager's credentials on the spot or parks
/// the registration for review; a failure allows a limited number of retries, then the registration stops.
/// Minors and their guardian are captured one after the other.
class FacePage : public WizardPage {
    Q_OBJECT

public:
    FacePage(RegistrationContext& context, QWidget* parent = nullptr);

    void attach(registration::RegistrationSession* session) override;
    void enter() override;
    void leave() override;

    /// The person being captured now.
    registration::DocumentRole currentSubject() const { return m_subject; }
    void capture();

private:
    void chooseSubject();
    void onFrame(const QImage& image);
    void refresh();
    void approve();
    /// The preview's advice for `hint`, given where the current subject's face check stands.
    QString captureHint(const FaceHint& hint) const;
    void park();

    RegistrationContext& m_context;
    registration::DocumentRole m_subject = registration::DocumentRole::Customer;
    bool m_active = false;
    int m_frameCount = 0;
    QList<QRectF> m_boxes;
    QLabel* m_subjectLabel = nullptr;
    QLabel* m_previewLabel = nullptr;
    QLabel* m_documentPhotoLabel = nullptr;
    QLabel* m_hintLabel = nullptr;
    QLabel* m_resultLabel = nullptr;
    QPushButton* m_captureButton = nullptr;
    QWidget* m_reviewBox = nullptr;
    QLineEdit* m_managerEdit = nullptr;
    QLineEdit* m_managerPasswordEdit = nullptr;
    QLabel* m_reviewErrorLabel = nullptr;
    QPushButton* m_approveButton = nullptr;
    QPushButton* m_parkButton = nullptr;
};

} // namespace shiming
