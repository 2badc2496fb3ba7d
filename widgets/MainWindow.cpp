#include "widgets/MainWindow.h"

#include <QLabel>
#include <QStatusBar>

namespace shiming {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Shiming real-name registration"));
    auto* label = new QLabel(tr("Real-name registration"), this);
    label->setAlignment(Qt::AlignCenter);
    setCentralWidget(label);
    statusBar()->showMessage(tr("Ready"));
    resize(1280, 720);
}

} // namespace shiming
