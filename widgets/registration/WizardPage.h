#pragma once

#include "core/common/Reason.h"

#include <QWidget>

namespace shiming {

namespace registration {
class RegistrationSession;
}

/// One step's screen. The wizard attaches each new session, calls enter() when the step is shown (the page
/// puts the focus where the clerk types next) and leave() when it is left.
class WizardPage : public QWidget {
    Q_OBJECT

public:
    using QWidget::QWidget;

    virtual void attach(registration::RegistrationSession* session) { m_session = session; }
    virtual void enter() {}
    virtual void leave() {}
    /// Next was refused because of `cause`: put the focus on the field that supplies it, so that the next key
    /// goes where the step needs it (Enter always moves the clerk on).
    virtual void focusOn(const Cause& /*cause*/) {}
    /// Whether the page itself always shows what its step still needs (then the wizard does not repeat it).
    virtual bool showsBlocker() const { return false; }

signals:
    /// The page has everything it needs: the wizard advances without a keystroke (card read, SIM scanned).
    void advanceRequested();

protected:
    registration::RegistrationSession* session() const { return m_session; }

private:
    registration::RegistrationSession* m_session = nullptr;
};

} // namespace shiming
