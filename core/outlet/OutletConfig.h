#pragma once

#include "core/catalog/Iccid.h"
#include "core/common/Error.h"

#include <QString>
#include <QStringList>

namespace shiming {

/// A deployed counter's configuration: where the outlet database lives, which serial port the card reader is on,
/// which camera, where the face models are. The installer writes it as an INI file; it holds no personal data and
/// no secrets (the database key comes from the clerk's password through the key slots; HQ's credentials and URL
/// live inside the encrypted database since `shimingctl sync setup`). Relative paths are relative to the file.
///
///     [outlet]
///     database=/var/lib/shiming/outlet.db      ; required (created with `shimingctl db init`)
///     id=GD-SZ-0042                             ; shown on the login screen before anyone signs in
///     operator=china_mobile                     ; china_mobile | china_unicom | china_telecom
///     [catalog]
///     file=/etc/shiming/catalog.json            ; packages and this outlet's number pool
///     pool_state=/var/lib/shiming/pool.json     ; default: pool-state.json next to the database
///     [reader]
///     port=/dev/ttyUSB0                         ; empty: no reader, manual entry only
///     wlt_library=/opt/vendor/libwlt2bmp.so     ; the vendor's chip photo decoder
///     wlt_symbol=unpack
///     [camera]
///     device=/dev/video0                        ; empty: no camera
///     [face]
///     model_dirs=/usr/share/shiming/models      ; comma-separated; default: the model search path
///     [counter]
///     idle_lock_minutes=5
///     [sync]
///     interval_seconds=60
struct OutletConfig {
    QString path; ///< the file it was read from
    QString databasePath;
    QString outletId;
    catalog::SimOperator simOperator = catalog::SimOperator::ChinaMobile;
    QString catalogPath;
    QString poolStatePath;
    QString readerPort;
    QString wltLibrary;
    QString wltSymbol = QStringLiteral("unpack");
    QString cameraDevice;
    QStringList modelDirs; ///< empty: paths::modelSearchDirs()
    int idleLockSeconds = 5 * 60;
    int syncIntervalSeconds = 60;

    /// Reads and checks a configuration file. Fails (InvalidInput / NotFound, English detail naming the key) on a
    /// missing or unreadable file, a malformed one, a missing database entry, out-of-range numbers, an unknown
    /// operator, and on any key that looks like a secret (passwords and keys never belong in this file).
    static Result<OutletConfig> load(const QString& path);

    /// Writes the configuration to `path` atomically: a temporary file in the same folder, flushed to disk, then
    /// renamed over `path`, so a crash or a full disk leaves the old file (or none), never half of one. Paths are
    /// written absolute; keys at their defaults are left out. The file is 0644: it holds no secrets.
    Result<void> save(const QString& path) const;

    /// The file the counter reads without --config: $SHIMING_CONFIG, else outlet.ini in the user's or the
    /// system's configuration folders (~/.config/Shiming/shiming, /etc/xdg/Shiming/shiming). Empty when none exists.
    static QString locate();
    /// Where an installer puts the file for every user of the machine (shown in the first-run message).
    static QString systemPath();
};

} // namespace shiming
