#pragma once

#include <QFileDialog>

namespace shiming {

// Qt's own file dialogs, not the desktop's: a desktop's dialog speaks the system's language (often C or
// English on a counter PC), Qt's speaks the counter's (qtbase's catalogue is installed with the app's).

inline QString openFileName(QWidget* parent, const QString& title, const QString& filter)
{
    return QFileDialog::getOpenFileName(parent, title, {}, filter, nullptr, QFileDialog::DontUseNativeDialog);
}

inline QString saveFileName(QWidget* parent, const QString& title, const QString& suggested, const QString& filter)
{
    return QFileDialog::getSaveFileName(parent, title, suggested, filter, nullptr, QFileDialog::DontUseNativeDialog);
}

} // namespace shiming
