#pragma once

#include <QMainWindow>

namespace shiming {

/// The counter's main window. Until the registration flow lands it hosts the document check form.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
};

} // namespace shiming
