#include "core/common/Paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace shiming::paths {

QString appDataDir()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir;
}

QStringList modelSearchDirs()
{
    QStringList dirs;
    const QString fromEnv = qEnvironmentVariable("SHIMING_MODELS_DIR");
    if (!fromEnv.isEmpty())
        dirs << fromEnv;
    dirs << QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/models"_s;
    if (QCoreApplication::instance())
        dirs << QCoreApplication::applicationDirPath() + u"/../share/shiming/models"_s;
#ifdef SHIMING_SOURCE_DATA_DIR
    dirs << QStringLiteral(SHIMING_SOURCE_DATA_DIR "/models");
#endif
    return dirs;
}

} // namespace shiming::paths
