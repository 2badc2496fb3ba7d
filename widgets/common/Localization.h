#pragma once

#include <QLocale>

class QApplication;
class QSettings;

namespace shiming {

/// Installs the application's and Qt's own translations for `locale` (Chinese by default on the counter),
/// replacing those installed before, and picks a CJK-capable font so that Chinese never renders as boxes.
void installTranslations(QApplication& app, const QLocale& locale);

/// The UI language: $SHIMING_LANG ("zh_CN" or "en") if set, else the language last chosen on the counter
/// (View → Language, kept in `settings` as ui/language), otherwise Chinese unless the system locale is English.
/// Clerks work in Chinese.
QLocale uiLocale(const QSettings* settings = nullptr);

/// Keeps the language the clerk chose for the next start (no personal data: "zh_CN" or "en").
void saveUiLanguage(QSettings& settings, const QLocale& locale);

} // namespace shiming
