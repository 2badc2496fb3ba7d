#pragma once

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

namespace shiming {

/// `preferred`, made smaller where the window's screen (or the primary one) has less room: a counter PC may
/// have 1366x768 or 1024x600, and a window larger than its screen hides its buttons.
inline QSize fittingSize(const QWidget* window, QSize preferred)
{
    QScreen* screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return preferred;
    return preferred.boundedTo(screen->availableGeometry().size());
}

} // namespace shiming
