#pragma once

#include "core/registration/RegistrationSession.h"
#include "widgets/registration/RegistrationContext.h"
#include "widgets/registration/WizardPage.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QTableWidget;
class QVBoxLayout;
class QWidget;

namespace shiming {

/// Step 4: a package from the catalogue (only those the customer may take), a number from the outlet's pool
/// (search by digits; reserved while the session lasts) and the SIM card by its ICCID barcode (a keyboard-wedge
/// scanner types the digits and Enter). Attachments the customer type or package needs are scanned from the
/// camera or loaded from a file here. For a transaction on a number in service the package and the pool give
/// way to the number in service (typed, Alt+N, Enter checks it); the SIM card stays for a replacement.
class PackagePage : public WizardPage {
    Q_OBJECT

public:
    PackagePage(RegistrationContext& context, QWidget* parent = nullptr);

    void attach(registration::RegistrationSession* session) override;
    void enter() override;
    bool showsBlocker() const override { return true; }
    void focusOn(const Cause& cause) override;

protected:
    /// Large text: the package table's columns follow the font, so prices and terms are never cut.
    void changeEvent(QEvent* event) override;

private:
    void fillPackages();
    void searchNumbers();
    void reserveSelected();
    void reserveTyped();
    /// Reserves `number` for the session; says why when it cannot (taken, held elsewhere).
    bool reserve(const QString& number);
    void scanIccid();
    void takeServiceNumber();
    /// Shows the parts the session's transaction asks for.
    void showTransaction();
    void refreshAttachments();
    QLabel* attachmentPreview(const QString& key, const registration::MediaItem& item);
    void refreshStatus();
    void attachFromFile(const QString& key);
    void attachFromCamera(const QString& key);

    RegistrationContext& m_context;
    QWidget* m_packageGroup = nullptr;
    QWidget* m_numberGroup = nullptr;
    QWidget* m_simGroup = nullptr;
    QWidget* m_serviceGroup = nullptr;
    QLineEdit* m_serviceNumberEdit = nullptr;
    QLabel* m_serviceStatusLabel = nullptr;
    QTableWidget* m_packageTable = nullptr;
    QLineEdit* m_numberSearchEdit = nullptr;
    QListWidget* m_numberList = nullptr;
    QLabel* m_numberLabel = nullptr;
    QLineEdit* m_iccidEdit = nullptr;
    QString m_unconfirmedIccid; ///< a card without a check digit, scanned once: a second Enter accepts it
    QLabel* m_iccidStatusLabel = nullptr;
    QWidget* m_attachmentsBox = nullptr;
    QVBoxLayout* m_attachmentsLayout = nullptr;
    QLabel* m_statusLabel = nullptr;
    QStringList m_shownAttachments;
};

} // namespace shiming
