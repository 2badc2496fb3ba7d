#include "widgets/registration/SignaturePad.h"

#include <QBuffer>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTabletEvent>
#include <QTouchEvent>

#include <cmath>

namespace shiming {

SignaturePad::SignaturePad(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("signaturePad"));
    setAttribute(Qt::WA_AcceptTouchEvents);
    setAttribute(Qt::WA_StaticContents);
    setMinimumSize(320, 140);
    setCursor(Qt::CrossCursor);
    setToolTip(tr("Customer signs here with mouse, finger or pen"));
    setAccessibleName(tr("Signature pad"));
}

void SignaturePad::clear()
{
    m_strokes.clear();
    m_drawing = false;
    update();
    emit signatureChanged();
}

QPointF SignaturePad::normalise(const QPointF& p) const
{
    return {qBound(0.0, p.x() / qMax(1, width()), 1.0), qBound(0.0, p.y() / qMax(1, height()), 1.0)};
}

void SignaturePad::beginStroke(const QPointF& p, qreal width)
{
    m_drawing = true;
    m_strokes.append(Stroke{QPolygonF{normalise(p)}, width});
    update();
}

void SignaturePad::extendStroke(const QPointF& p)
{
    if (!m_drawing || m_strokes.isEmpty())
        return;
    m_strokes.last().points.append(normalise(p));
    update();
}

void SignaturePad::endStroke()
{
    if (!m_drawing)
        return;
    m_drawing = false;
    emit signatureChanged();
}

void SignaturePad::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        beginStroke(event->position(), 2.5);
}

void SignaturePad::mouseMoveEvent(QMouseEvent* event)
{
    if (event->buttons() & Qt::LeftButton)
        extendStroke(event->position());
}

void SignaturePad::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        extendStroke(event->position());
        endStroke();
    }
}

void SignaturePad::tabletEvent(QTabletEvent* event)
{
    const qreal width = 1.0 + 4.0 * event->pressure();
    switch (event->type()) {
    case QEvent::TabletPress:
        beginStroke(event->position(), width);
        break;
    case QEvent::TabletMove:
        extendStroke(event->position());
        break;
    case QEvent::TabletRelease:
        endStroke();
        break;
    default:
        break;
    }
    event->accept();
}

bool SignaturePad::event(QEvent* event)
{
    switch (event->type()) {
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd: {
        auto* touch = static_cast<QTouchEvent*>(event);
        if (touch->points().isEmpty())
            return true;
        const QPointF p = touch->points().first().position();
        if (event->type() == QEvent::TouchBegin)
            beginStroke(p, 3.0);
        else
            extendStroke(p);
        if (event->type() == QEvent::TouchEnd)
            endStroke();
        event->accept();
        return true;
    }
    default:
        return QWidget::event(event);
    }
}

void SignaturePad::paintStrokes(QPainter& painter, const QSizeF& size) const
{
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal scale = size.height() / 200.0;
    for (const Stroke& stroke : m_strokes) {
        QPen pen(Qt::black, qMax(1.0, stroke.width * scale), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        painter.setPen(pen);
        if (stroke.points.size() == 1) {
            painter.drawPoint(
                QPointF(stroke.points.first().x() * size.width(), stroke.points.first().y() * size.height()));
            continue;
        }
        QPainterPath path;
        for (qsizetype i = 0; i < stroke.points.size(); ++i) {
            const QPointF p(stroke.points[i].x() * size.width(), stroke.points[i].y() * size.height());
            if (i == 0)
                path.moveTo(p);
            else
                path.lineTo(p);
        }
        painter.drawPath(path);
    }
}

void SignaturePad::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    painter.setPen(QPen(QColor(0xb0, 0xb0, 0xb0), 1, Qt::DashLine));
    const int baseline = height() * 3 / 4;
    painter.drawLine(16, baseline, width() - 16, baseline);
    if (m_strokes.isEmpty()) {
        painter.setPen(QColor(0x90, 0x90, 0x90));
        painter.drawText(rect().adjusted(16, 8, -16, -8), Qt::AlignLeft | Qt::AlignTop, tr("Sign here"));
    }
    paintStrokes(painter, size());
}

QImage SignaturePad::toImage(const QSize& size) const
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    paintStrokes(painter, size);
    return image;
}

bool SignaturePad::looksSigned() const
{
    // Points are normalised to the pad (0..1 each way); y is scaled by the pad's aspect so that lengths compare.
    const qreal aspect = qreal(qMax(1, height())) / qMax(1, width());
    qreal length = 0;
    qreal left = 1, right = 0;
    for (const Stroke& stroke : m_strokes) {
        for (qsizetype i = 0; i < stroke.points.size(); ++i) {
            const QPointF& p = stroke.points[i];
            left = qMin(left, p.x());
            right = qMax(right, p.x());
            if (i > 0) {
                const QPointF d = p - stroke.points[i - 1];
                length += std::hypot(d.x(), d.y() * aspect);
            }
        }
    }
    return length >= 0.2 && right - left >= 1.0 / 12;
}

QByteArray SignaturePad::toPng() const
{
    if (!looksSigned())
        return {};
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    toImage(QSize(600, 200)).save(&buffer, "PNG");
    return bytes;
}

} // namespace shiming
