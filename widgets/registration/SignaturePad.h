#pragma once

#include <QList>
#include <QPolygonF>
#include <QWidget>

namespace shiming {

/// Where the customer signs: with a mouse, a finger on a touch screen, or a pen on a tablet (pressure widens
/// the stroke). The signature is exported as a PNG with a transparent background.
class SignaturePad : public QWidget {
    Q_OBJECT

public:
    explicit SignaturePad(QWidget* parent = nullptr);

    bool isEmpty() const { return m_strokes.isEmpty(); }
    /// Whether the ink looks like a signature and not a tap or a dot: strokes that run at least a fifth of the
    /// pad's width in total and span a twelfth of it.
    bool looksSigned() const;
    void clear();
    /// The signature as PNG bytes; empty when nothing was drawn.
    /// The signature as a PNG; empty while the pad does not look signed (see looksSigned()).
    QByteArray toPng() const;
    QImage toImage(const QSize& size) const;
    int strokeCount() const { return int(m_strokes.size()); }

    QSize sizeHint() const override { return {560, 200}; }

signals:
    /// A stroke was finished or the pad cleared.
    void signatureChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void tabletEvent(QTabletEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Stroke {
        QPolygonF points; ///< normalised to 0..1 of the pad, so the drawing survives a resize
        qreal width = 2.5;
    };

    QPointF normalise(const QPointF& p) const;
    void beginStroke(const QPointF& p, qreal width);
    void extendStroke(const QPointF& p);
    void endStroke();
    void paintStrokes(QPainter& painter, const QSizeF& size) const;

    QList<Stroke> m_strokes;
    bool m_drawing = false;
};

} // namespace shiming
