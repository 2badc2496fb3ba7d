#include "widgets/registration/CustomerDisplay.h"

#include "core/identity/Validators.h"
#include "core/registration/RegistrationSession.h"
#include "widgets/registration/SessionText.h"

#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shiming {

using namespace registration;

CustomerDisplay::CustomerDisplay(QWidget* parent)
    : QWidget(parent, Qt::Window)
{
    setObjectName(u"customerDisplay"_s);
    setWindowTitle(tr("Your registration"));
    setStyleSheet(u"background: #fdfdf8; color: #111;"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 32, 48, 32);
    m_titleLabel = new QLabel(tr("Mobile number registration in your name"), this);
    m_titleLabel->setObjectName(u"customerDisplayTitleLabel"_s);
    QFont title = m_titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 2.4);
    title.setBold(true);
    m_titleLabel->setFont(title);
    m_titleLabel->setWordWrap(true);
    layout->addWidget(m_titleLabel);
    m_bodyLabel = new QLabel(this);
    m_bodyLabel->setObjectName(u"customerDisplayBodyLabel"_s);
    QFont body = m_bodyLabel->font();
    body.setPointSizeF(body.pointSizeF() * 2.0);
    m_bodyLabel->setFont(body);
    m_bodyLabel->setWordWrap(true);
    m_bodyLabel->setTextFormat(Qt::RichText);
    m_bodyLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_bodyLabel, 1);
    resize(1024, 640);
    refresh();
}

void CustomerDisplay::setSession(RegistrationSession* session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (session) {
        connect(session, &RegistrationSession::changed, this, &CustomerDisplay::refresh);
        connect(session, &RegistrationSession::stepChanged, this, &CustomerDisplay::refresh);
    }
    refresh();
}

bool CustomerDisplay::showOnSecondScreen()
{
    const QList<QScreen*> screens = QGuiApplication::screens();
    if (screens.size() < 2)
        return false;
    QScreen* second = screens.at(1) == QGuiApplication::primaryScreen() ? screens.at(0) : screens.at(1);
    setScreen(second);
    setGeometry(second->geometry());
    showFullScreen();
    return true;
}

QString CustomerDisplay::text() const
{
    return m_bodyLabel->text();
}

void CustomerDisplay::refresh()
{
    if (!m_session) {
        m_bodyLabel->setText(tr("Welcome. Please wait for the clerk."));
        return;
    }
    QStringList lines;
    auto line = [&](const QString& label, const QString& value) {
        lines.append(u"<span style='color:#555'>%1</span>&nbsp;&nbsp;<b>%2</b>"_s.arg(label.toHtmlEscaped(),
                                                                                      value.toHtmlEscaped()));
    };
    line(tr("Registration type"), SessionText::customerType(m_session->customerType()));
    if (const SessionPerson* customer = m_session->person(DocumentRole::Customer)) {
        line(tr("Name"), customer->document.name);
        line(tr("Document"), maskDocumentNumber(customer->document.number));
    }
    if (const catalog::Package* package = m_session->package()) {
        line(tr("Package"), package->name);
        line(tr("Monthly fee"), SessionText::yuanPerMonth(package->monthlyFeeFen));
        line(tr("Contract term"), SessionText::contractTerm(package->contractMonths));
    }
    if (!m_session->number().isEmpty()) {
        line(tr("Mobile number"), m_session->number());
        line(tr("One-off number fee"), SessionText::numberFee(m_session->numberFeeFen()));
    }
    // One message for where the registration stands: signing until it is committed, then done (never both).
    if (m_session->committedRecord())
        lines.append(u"<span style='color:#00802b'>%1</span>"_s.arg(tr("Registered. Thank you.")));
    else if (m_session->step() >= SessionStep::Agreement)
        lines.append(tr("You are signing the service agreement and the fraud-risk notice. Never hand this card "
                        "to anyone else."));
    m_bodyLabel->setText(lines.join(u"<br><br>"_s));
}

} // namespace shiming
