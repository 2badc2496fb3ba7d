#pragma once

#include <QString>

class QWidget;

namespace shiming {

/// What a line of text on the counter's screens tells the clerk, and so its colour: the one palette of the app.
enum class Tone {
    Normal,  ///< the style's own text colour
    Ok,      ///< done, accepted (green)
    Warning, ///< needs attention but does not stop the flow (amber)
    Error,   ///< refused, failed (red)
};

/// The colour of `tone` as "#rrggbb" (empty for Normal), for rich text.
QString toneColor(Tone tone);
/// Colours a widget's text (a label next to a field, a status line).
void setTone(QWidget* widget, Tone tone);

} // namespace shiming
