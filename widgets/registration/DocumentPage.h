#pragma once

#include "core/registration/RegistrationSession.h"
#include "widgets/registration/RegistrationContext.h"
#include "widgets/registration/WizardPage.h"

class QComboBox;
class QDateEdit;
class QFormLayout;
class QLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace shiming::reader {
struct CardReadout;
struct ReaderError;
} // namespace shiming::reader

namespace shiming {

/// Step 2: the documents. A card placed on the reader fills the next document the registration needs and,
/// when nothing else is missing, moves on by itself. Documents without a chip (permits, passports by MRZ)
/// are typed or pasted, validated as the clerk types with the error next to the field, and need a photo of
/// their photo page. Expiry, age rules, the per-identity limit and the risk list are shown with the reason.
class DocumentPage : public WizardPage {
    Q_OBJECT

public:
    DocumentPage(RegistrationContext& context, QWidget* parent = nullptr);

    void attach(registration::RegistrationSession* session) override;
    void enter() override;
    bool showsBlocker() const override { return true; }
    void leave() override;

    /// The card reader delivered a card (connected by the wizard; ignored unless this step is shown).
    void onCardRead(const reader::CardReadout& readout);
    void onReadFailed(const reader::ReaderError& error);

private:
    /// The first required role without a document, if any.
    std::optional<registration::DocumentRole> firstEmptyRole() const;
    /// The role a card replaces once every role is filled: the first refused one, else the one chosen under "For".
    registration::DocumentRole roleToReplace() const;
    void refresh();
    void validateManualNumber();
    void applyMrz();
    void useManualDocument();
    void photographPhotoPage();
    void updateOrganisation();
    void updateManualVisibility();

    RegistrationContext& m_context;
    bool m_active = false;
    QLabel* m_instructionLabel = nullptr;
    QLabel* m_readerMessageLabel = nullptr;
    QWidget* m_peopleBox = nullptr;
    QVBoxLayout* m_peopleLayout = nullptr;
    QGroupBox* m_manualGroup = nullptr;
    QComboBox* m_roleCombo = nullptr;
    QComboBox* m_typeCombo = nullptr;
    QLineEdit* m_nameEdit = nullptr;
    QLineEdit* m_numberEdit = nullptr;
    QLabel* m_numberErrorLabel = nullptr;
    QComboBox* m_sexCombo = nullptr;
    QDateEdit* m_birthEdit = nullptr;
    QDateEdit* m_validToEdit = nullptr;
    QFormLayout* m_manualForm = nullptr;
    QLayout* m_mrzRow = nullptr;
    QLabel* m_manualErrorLabel = nullptr;
    /// Empties the manual form: no preset type, sex or dates, nothing left from the previous customer.
    void resetManualForm();
    QPlainTextEdit* m_mrzEdit = nullptr;
    QLabel* m_mrzErrorLabel = nullptr;
    QPushButton* m_useManualButton = nullptr;
    QPushButton* m_photoPageButton = nullptr;
    QGroupBox* m_organisationGroup = nullptr;
    QLineEdit* m_usccEdit = nullptr;
    QLabel* m_usccErrorLabel = nullptr;
    QLineEdit* m_organisationNameEdit = nullptr;
};

} // namespace shiming
