#include "widgets/common/Localization.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace shiming {

namespace {
constexpr auto kLanguageKey = "ui/language";
constexpr auto kAppTranslator = "shimingTranslator";
constexpr auto kQtTranslator = "qtbaseTranslator";
} // namespace

QLocale uiLocale(const QSettings* settings)
{
    const QString forced = qEnvironmentVariable("SHIMING_LANG");
    if (!forced.isEmpty())
        return QLocale(forced);
    if (settings) {
        const QString chosen = settings->value(QLatin1StringView(kLanguageKey)).toString();
        if (chosen == u"en")
            return QLocale(QLocale::English, QLocale::UnitedStates);
        if (chosen == u"zh_CN")
            return QLocale(QLocale::Chinese, QLocale::China);
    }
    const QLocale system;
    if (system.language() == QLocale::English)
        return QLocale(QLocale::English, QLocale::UnitedStates);
    return QLocale(QLocale::Chinese, QLocale::China);
}

void saveUiLanguage(QSettings& settings, const QLocale& locale)
{
    settings.setValue(QLatin1StringView(kLanguageKey), locale.language() == QLocale::English ? u"en"_s : u"zh_CN"_s);
}

void installTranslations(QApplication& app, const QLocale& locale)
{
    QLocale::setDefault(locale);
    // Switching language: the previous catalogues go first (deleting a translator uninstalls it).
    for (QTranslator* previous : app.findChildren<QTranslator*>(Qt::FindDirectChildrenOnly))
        if (previous->objectName() == QLatin1StringView(kAppTranslator) ||
            previous->objectName() == QLatin1StringView(kQtTranslator))
            delete previous;
    auto* appTranslator = new QTranslator(&app);
    appTranslator->setObjectName(QLatin1StringView(kAppTranslator));
    if (appTranslator->load(locale, u"shiming"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(appTranslator);
    auto* qtTranslator = new QTranslator(&app);
    qtTranslator->setObjectName(QLatin1StringView(kQtTranslator));
    if (qtTranslator->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);

    // Prefer Noto Sans CJK SC (fonts-noto-cjk) so that names, including characters outside the BMP,
    // render with the Simplified Chinese glyph forms.
    const QStringList families = QFontDatabase::families();
    for (const QString& candidate : {u"Noto Sans CJK SC"_s, u"Noto Sans SC"_s, u"WenQuanYi Micro Hei"_s}) {
        if (families.contains(candidate)) {
            QFont font(candidate);
            font.setPointSizeF(app.font().pointSizeF());
            app.setFont(font);
            break;
        }
    }
}

} // namespace shiming
