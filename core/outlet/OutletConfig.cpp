#include "core/outlet/OutletConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <cerrno>
#include <cstdio>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace shiming {

namespace {

const QString kFileName = u"outlet.ini"_s;

std::optional<catalog::SimOperator> parseOperator(const QString& text)
{
    const QString key = text.trimmed().toLower();
    if (key.isEmpty() || key == "china_mobile"_L1 || key == "cmcc"_L1)
        return catalog::SimOperator::ChinaMobile;
    if (key == "china_unicom"_L1 || key == "cucc"_L1)
        return catalog::SimOperator::ChinaUnicom;
    if (key == "china_telecom"_L1 || key == "ctcc"_L1)
        return catalog::SimOperator::ChinaTelecom;
    return std::nullopt;
}

bool looksSecret(const QString& key)
{
    // Words of the key's last part: "db_password", "hmac_key" and "pin" are refused, "keyboard" is not.
    const QStringList words = key.section(u'/', -1).toLower().split(u'_', Qt::SkipEmptyParts);
    for (const QString& word : words) {
        for (const auto secret : {"password"_L1, "passwd"_L1, "passphrase"_L1, "secret"_L1, "private"_L1, "token"_L1,
                                  "pin"_L1, "key"_L1, "credentials"_L1})
            if (word == secret)
                return true;
    }
    return false;
}

} // namespace

Result<OutletConfig> OutletConfig::load(const QString& path)
{
    const QFileInfo info(path);
    if (path.isEmpty() || !info.isFile())
        return fail(Error::notFound(u"configuration file not found"_s));
    if (!info.isReadable())
        return fail(Error::invalidInput(u"configuration file not readable"_s));
    if (info.size() > 1 << 20)
        return fail(Error::invalidInput(u"configuration file larger than 1 MiB"_s));
    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return fail(Error::invalidInput(u"configuration file is malformed"_s));
    for (const QString& key : ini.allKeys()) {
        if (looksSecret(key))
            return fail(Error::invalidInput(u"configuration key %1 looks like a secret; secrets never go into the "
                                            u"configuration file"_s.arg(key)));
    }

    const QDir base = info.absoluteDir();
    auto pathValue = [&](const QString& key) {
        const QString value = ini.value(key).toString().trimmed();
        return value.isEmpty() ? QString() : QDir::cleanPath(base.absoluteFilePath(value));
    };
    auto intValue = [&](const QString& key, int fallback, int low, int high) -> std::optional<int> {
        if (!ini.contains(key))
            return fallback;
        bool ok = false;
        const int value = ini.value(key).toString().trimmed().toInt(&ok);
        if (!ok || value < low || value > high)
            return std::nullopt;
        return value;
    };

    OutletConfig config;
    config.path = info.absoluteFilePath();
    config.databasePath = pathValue(u"outlet/database"_s);
    if (config.databasePath.isEmpty())
        return fail(Error::invalidInput(u"configuration lacks outlet/database"_s));
    config.outletId = ini.value(u"outlet/id"_s).toString().trimmed().left(64);
    const auto op = parseOperator(ini.value(u"outlet/operator"_s).toString());
    if (!op)
        return fail(Error::invalidInput(u"outlet/operator is not china_mobile, china_unicom or china_telecom"_s));
    config.simOperator = *op;
    config.catalogPath = pathValue(u"catalog/file"_s);
    config.poolStatePath = pathValue(u"catalog/pool_state"_s);
    if (config.poolStatePath.isEmpty())
        config.poolStatePath = QFileInfo(config.databasePath).absoluteDir().filePath(u"pool-state.json"_s);
    config.readerPort = ini.value(u"reader/port"_s).toString().trimmed();
    config.wltLibrary = pathValue(u"reader/wlt_library"_s);
    if (const QString symbol = ini.value(u"reader/wlt_symbol"_s).toString().trimmed(); !symbol.isEmpty())
        config.wltSymbol = symbol;
    config.cameraDevice = ini.value(u"camera/device"_s).toString().trimmed();
    const QVariant dirs = ini.value(u"face/model_dirs"_s);
    const QStringList dirList =
        dirs.typeId() == QMetaType::QStringList ? dirs.toStringList() : dirs.toString().split(u',', Qt::SkipEmptyParts);
    for (const QString& dir : dirList) {
        if (!dir.trimmed().isEmpty())
            config.modelDirs.append(QDir::cleanPath(base.absoluteFilePath(dir.trimmed())));
    }
    const auto idle = intValue(u"counter/idle_lock_minutes"_s, 5, 1, 120);
    if (!idle)
        return fail(Error::invalidInput(u"counter/idle_lock_minutes must be 1 to 120"_s));
    config.idleLockSeconds = *idle * 60;
    const auto interval = intValue(u"sync/interval_seconds"_s, 60, 10, 24 * 3600);
    if (!interval)
        return fail(Error::invalidInput(u"sync/interval_seconds must be 10 to 86400"_s));
    config.syncIntervalSeconds = *interval;
    return config;
}

Result<void> OutletConfig::save(const QString& path) const
{
    if (databasePath.isEmpty())
        return fail(Error::invalidInput(u"a configuration needs outlet/database"_s));
    const QFileInfo target(path);
    if (!QDir().mkpath(target.absolutePath()))
        return fail(Error::storageFailure(u"cannot create the configuration folder %1"_s.arg(target.absolutePath())));
    QString temporaryPath;
    {
        // Only the name is taken from QTemporaryFile (unique in the same folder, so the rename stays atomic);
        // QSettings writes the file.
        QTemporaryFile reserve(target.absoluteFilePath() + u".XXXXXX"_s);
        reserve.setAutoRemove(false);
        if (!reserve.open())
            return fail(
                Error::storageFailure(u"cannot write in %1: %2"_s.arg(target.absolutePath(), reserve.errorString())));
        temporaryPath = reserve.fileName();
    }
    auto discard = [&](Error error) {
        QFile::remove(temporaryPath);
        return fail(std::move(error));
    };
    {
        QSettings ini(temporaryPath, QSettings::IniFormat);
        const auto absolute = [](const QString& file) {
            return QDir::cleanPath(QFileInfo(file).absoluteFilePath());
        };
        ini.setValue(u"outlet/database"_s, absolute(databasePath));
        if (!outletId.isEmpty())
            ini.setValue(u"outlet/id"_s, outletId);
        ini.setValue(u"outlet/operator"_s, catalog::simOperatorKey(simOperator));
        if (!catalogPath.isEmpty())
            ini.setValue(u"catalog/file"_s, absolute(catalogPath));
        if (!poolStatePath.isEmpty() &&
            absolute(poolStatePath) != QFileInfo(absolute(databasePath)).absoluteDir().filePath(u"pool-state.json"_s))
            ini.setValue(u"catalog/pool_state"_s, absolute(poolStatePath));
        ini.setValue(u"reader/port"_s, readerPort);
        if (!wltLibrary.isEmpty())
            ini.setValue(u"reader/wlt_library"_s, absolute(wltLibrary));
        if (wltSymbol != u"unpack"_s)
            ini.setValue(u"reader/wlt_symbol"_s, wltSymbol);
        ini.setValue(u"camera/device"_s, cameraDevice);
        if (!modelDirs.isEmpty()) {
            QStringList dirs;
            for (const QString& dir : modelDirs)
                dirs.append(absolute(dir));
            ini.setValue(u"face/model_dirs"_s, dirs.join(u','));
        }
        if (idleLockSeconds != 5 * 60)
            ini.setValue(u"counter/idle_lock_minutes"_s, idleLockSeconds / 60);
        if (syncIntervalSeconds != 60)
            ini.setValue(u"sync/interval_seconds"_s, syncIntervalSeconds);
        ini.sync();
        if (ini.status() != QSettings::NoError)
            return discard(Error::storageFailure(u"cannot write the configuration file (disk full?)"_s));
    }
    // On disk before it takes the name: a power cut after the rename must not leave an empty file.
    const QByteArray native = QFile::encodeName(temporaryPath);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int error = errno;
        if (fd >= 0)
            ::close(fd);
        return discard(Error::storageFailure(u"cannot flush the configuration file: %1"_s.arg(qt_error_string(error))));
    }
    ::close(fd);
    QFile::setPermissions(temporaryPath, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    if (std::rename(native.constData(), QFile::encodeName(target.absoluteFilePath()).constData()) != 0)
        return discard(
            Error::storageFailure(u"cannot put the configuration in place: %1"_s.arg(qt_error_string(errno))));
    return {};
}

QString OutletConfig::locate()
{
    const QString forced = qEnvironmentVariable("SHIMING_CONFIG");
    if (!forced.isEmpty())
        return forced;
    return QStandardPaths::locate(QStandardPaths::AppConfigLocation, kFileName);
}

QString OutletConfig::systemPath()
{
    const QStringList dirs = QStandardPaths::standardLocations(QStandardPaths::AppConfigLocation);
    return (dirs.size() > 1 ? dirs.last() : u"/etc/xdg/Shiming/shiming"_s) + u'/' + kFileName;
}

} // namespace shiming
