#pragma once

#include <QLocale>

class QApplication;

namespace shiming {

/// Installs the application's and Qt's own translations for `locale` (Chinese by default on the counter),
/// and picks a CJK-capable font so that Chinese never renders as boxes.
void installTranslations(QApplication& app, const QLocale& locale);

/// The UI language: $SHIMING_LANG ("zh_CN" or "en") if set, otherwise Chinese unless the system locale is
/// English. Clerks work in Chinese.
QLocale uiLocale();

} // namespace shiming
