#include "widgets/registration/AgreementViewer.h"

#include <QKeyEvent>
#include <QScrollBar>

namespace shiming {

AgreementViewer::AgreementViewer(QWidget* parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setFocusPolicy(Qt::StrongFocus);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &AgreementViewer::check);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &AgreementViewer::check);
}

void AgreementViewer::setDocumentHtml(const QString& html)
{
    m_readToEnd = false;
    setHtml(html);
    emit readToEndChanged(false);
    check();
}

void AgreementViewer::keyPressEvent(QKeyEvent* event)
{
    QScrollBar* bar = verticalScrollBar();
    switch (event->key()) {
    case Qt::Key_End:
        bar->setValue(bar->maximum());
        break;
    case Qt::Key_Home:
        bar->setValue(bar->minimum());
        break;
    case Qt::Key_PageDown:
    case Qt::Key_Space:
        bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
        break;
    case Qt::Key_PageUp:
        bar->triggerAction(QAbstractSlider::SliderPageStepSub);
        break;
    default:
        QTextBrowser::keyPressEvent(event);
        return;
    }
    event->accept();
}

void AgreementViewer::resizeEvent(QResizeEvent* event)
{
    QTextBrowser::resizeEvent(event);
    check();
}

void AgreementViewer::showEvent(QShowEvent* event)
{
    QTextBrowser::showEvent(event);
    check();
}

void AgreementViewer::check()
{
    // Only a shown viewer can have been read; a text short enough to fit counts as read once it is shown.
    if (m_readToEnd || !isVisible() || document()->isEmpty())
        return;
    const QScrollBar* bar = verticalScrollBar();
    if (bar->value() >= bar->maximum()) {
        m_readToEnd = true;
        emit readToEndChanged(true);
    }
}

} // namespace shiming
