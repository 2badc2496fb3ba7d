#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;

namespace shiming {

namespace registration {
class RegistrationSession;
}

/// The customer-facing window for a second screen: in large text, what is being registered in the customer's
/// name (masked document number, package, number, monthly fee) and the notices they are signing. Read-only;
/// follows the wizard's current session.
class CustomerDisplay : public QWidget {
    Q_OBJECT

public:
    explicit CustomerDisplay(QWidget* parent = nullptr);

    void setSession(registration::RegistrationSession* session);
    /// Puts the window full-screen on the second screen when one is attached; returns whether it did.
    bool showOnSecondScreen();
    /// The text shown now (for tests).
    QString text() const;

private:
    void refresh();

    QPointer<registration::RegistrationSession> m_session;
    QLabel* m_titleLabel = nullptr;
    QLabel* m_bodyLabel = nullptr;
};

} // namespace shiming
