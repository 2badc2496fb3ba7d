#pragma once

#include "widgets/MainWindow.h"

#include <QObject>

#include <functional>
#include <memory>

class QApplication;
class QSettings;

namespace shiming {

/// Holds the counter's main window. When the clerk switches the language (View → Language, only while signed
/// out), the catalogues are swapped, the choice is kept in `settings` for the next start, and the window is
/// built again by `make`, so that every text on it is in the new language (no screen needs to retranslate
/// itself, and nothing is lost: nobody is signed in).
class CounterWindowHost : public QObject {
    Q_OBJECT
public:
    using Factory = std::function<std::unique_ptr<MainWindow>()>;

    CounterWindowHost(QApplication& app, QSettings& settings, Factory make);
    ~CounterWindowHost() override;

    MainWindow* window() const { return m_window.get(); }
    void switchLanguage(const QLocale& locale);

signals:
    void windowRebuilt(shiming::MainWindow* window);

private:
    void adopt(std::unique_ptr<MainWindow> window);

    QApplication& m_app;
    QSettings& m_settings;
    Factory m_make;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace shiming
