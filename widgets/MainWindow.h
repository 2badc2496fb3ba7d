#pragma once

#include "core/common/Clock.h"

#include <QMainWindow>

namespace shiming {

/// The counter's main window. Until the registration flow lands it hosts the document check form.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

private:
    SystemClock m_clock; // until the app's composition root passes a Clock in
};

} // namespace shiming
