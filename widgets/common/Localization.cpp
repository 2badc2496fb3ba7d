#include "widgets/common/Localization.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace shiming {

QLocale uiLocale()
{
    const QString forced = qEnvironmentVariable("SHIMING_LANG");
    if (!forced.isEmpty())
        return QLocale(forced);
    const QLocale system;
    if (system.language() == QLocale::English)
        return QLocale(QLocale::English, QLocale::UnitedStates);
    return QLocale(QLocale::Chinese, QLocale::China);
}

void installTranslations(QApplication& app, const QLocale& locale)
{
    QLocale::setDefault(locale);
    auto* appTranslator = new QTranslator(&app);
    if (appTranslator->load(locale, u"shiming"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(appTranslator);
    auto* qtTranslator = new QTranslator(&app);
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
