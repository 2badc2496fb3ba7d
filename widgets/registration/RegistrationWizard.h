#pragma once

#include "core/registration/RegistrationSession.h"
#include "widgets/registration/RegistrationContext.h"

#include <QMap>
#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;
class QStackedWidget;

namespace shiming::reader {
struct CardReadout;
}

namespace shiming {

class WizardPage;
class SummaryPage;

/// The new-registration flow: a visible step list, one page per step, Back, Next and Cancel. Keyboard first:
/// Enter advances, Esc goes back (on the first step it cancels, after confirmation), F12 cancels (confirmed).
/// A card placed on the reader on the first step starts the documents step with it. After commit and the
/// clerk's Enter a fresh registration starts; a cancelled one releases its number.
class RegistrationWizard : public QWidget {
    Q_OBJECT

public:
    explicit RegistrationWizard(RegistrationContext& context, QWidget* parent = nullptr);
    ~RegistrationWizard() override;

    registration::RegistrationSession* session() const { return m_session; }
    WizardPage* page(registration::SessionStep step) const { return m_pages.value(step); }

    /// Starts a fresh registration (the previous one, if uncommitted, is cancelled and its number released).
    void startNew();
    /// Tries to go to the next step; shows the reason when the step is not complete.
    bool next();
    void back();
    /// Before the window closes: with a registration in progress, asks the clerk (No by default) and cancels
    /// it when they agree. True when the window may close.
    bool confirmClose();
    /// Cancels after the clerk confirmed; returns whether it was cancelled.
    bool cancelWithConfirmation();
    /// The clerk count of actions the wizard handled (Enter, Esc, button clicks), for the figures.
    int handledKeys() const { return m_handledKeys; }

signals:
    void sessionStarted(shiming::registration::RegistrationSession* session);
    void registrationCommitted(const shiming::registration::Registration& registration);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void showStep(registration::SessionStep step);
    void refreshSteps();
    void onCardRead(const reader::CardReadout& readout);

    RegistrationContext& m_context;
    QPointer<registration::RegistrationSession> m_session;
    QMap<registration::SessionStep, WizardPage*> m_pages;
    QMap<registration::SessionStep, QScrollArea*> m_scrolls; ///< each page inside its scroll area
    registration::SessionStep m_shown = registration::SessionStep::CustomerType;
    QListWidget* m_stepList = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_reasonLabel = nullptr;
    QPushButton* m_backButton = nullptr;
    QPushButton* m_nextButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    int m_handledKeys = 0;
};

} // namespace shiming
