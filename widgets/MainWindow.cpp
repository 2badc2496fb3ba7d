#include "widgets/MainWindow.h"

#include "widgets/identity/DocumentCheckForm.h"

#include <QStatusBar>

namespace shiming {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Shiming real-name registration"));
    setCentralWidget(new DocumentCheckForm(m_clock, this));
    statusBar()->showMessage(tr("Ready"));
    resize(1280, 720);
}

} // namespace shiming
