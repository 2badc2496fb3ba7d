#include "widgets/common/Tone.h"

#include <QWidget>

using namespace Qt::StringLiterals;

namespace shiming {

QString toneColor(Tone tone)
{
    switch (tone) {
    case Tone::Normal:
        return {};
    case Tone::Ok:
        return u"#00802b"_s;
    case Tone::Warning:
        return u"#a86400"_s;
    case Tone::Error:
        return u"#b00020"_s;
    }
    return {};
}

void setTone(QWidget* widget, Tone tone)
{
    const QString color = toneColor(tone);
    widget->setStyleSheet(color.isEmpty() ? QString() : u"color: %1;"_s.arg(color));
}

} // namespace shiming
