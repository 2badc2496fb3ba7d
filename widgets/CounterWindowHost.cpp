#include "widgets/CounterWindowHost.h"

#include "core/common/Logging.h"
#include "widgets/common/Localization.h"

#include <QApplication>
#include <QSettings>

namespace shiming {

CounterWindowHost::CounterWindowHost(QApplication& app, QSettings& settings, Factory make)
    : m_app(app)
    , m_settings(settings)
    , m_make(std::move(make))
{
    adopt(m_make());
}

CounterWindowHost::~CounterWindowHost() = default;

void CounterWindowHost::adopt(std::unique_ptr<MainWindow> window)
{
    m_window = std::move(window);
    connect(m_window.get(), &MainWindow::languageChosen, this, &CounterWindowHost::switchLanguage,
            Qt::QueuedConnection); // queued: the old window is deleted outside its own menu's signal
}

void CounterWindowHost::switchLanguage(const QLocale& locale)
{
    saveUiLanguage(m_settings, locale);
    installTranslations(m_app, locale);
    const QRect geometry = m_window ? m_window->geometry() : QRect();
    const bool maximized = m_window && m_window->isMaximized();
    m_window.reset();
    adopt(m_make());
    if (geometry.isValid())
        m_window->setGeometry(geometry);
    if (maximized)
        m_window->showMaximized();
    else
        m_window->show();
    qCInfo(lcUi) << "language switched to" << locale.name();
    emit windowRebuilt(m_window.get());
}

} // namespace shiming
