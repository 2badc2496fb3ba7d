#pragma once

#include "widgets/registration/RegistrationContext.h"
#include "widgets/registration/WizardPage.h"

class QLabel;
class QPushButton;
class QTextBrowser;

namespace shiming {

/// Step 6: what will be registered, as the form will print; Commit (Ctrl+Enter, or Enter) writes it in one
/// transaction. Then the form prints (Ctrl+P) or is saved as PDF (Ctrl+S), and Enter starts the next customer.
class SummaryPage : public WizardPage {
    Q_OBJECT

public:
    SummaryPage(RegistrationContext& context, QWidget* parent = nullptr);

    void attach(registration::RegistrationSession* session) override;
    void enter() override;
    bool showsBlocker() const override { return true; }

    void commit();
    void print();
    /// Saves the committed form as PDF at `path` (asks when empty).
    bool savePdf(QString path = {});
    bool isCommitted() const;

signals:
    /// The clerk asks for the next customer.
    void newRegistrationRequested();

private:
    void refresh();

    RegistrationContext& m_context;
    QTextBrowser* m_browser = nullptr;
    QLabel* m_statusLabel = nullptr;
    QPushButton* m_commitButton = nullptr;
    QPushButton* m_printButton = nullptr;
    QPushButton* m_pdfButton = nullptr;
    QPushButton* m_newButton = nullptr;
};

} // namespace shiming
