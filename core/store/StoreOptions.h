#pragma once

#include <QtGlobal>

namespace shiming::store {

/// Tunables of an outlet store (from the outlet's settings).
struct StoreOptions {
    /// New registrations are refused while the database's file system has less free space than this, so the
    /// clerk gets a clear message before SQLite runs out of room mid-transaction.
    qint64 freeSpaceFloorBytes = qint64(200) << 20;
    /// Photos and signatures of records accepted by HQ are purged this many days after acceptance.
    int retentionDays = 7;
};

/// Free bytes available to this process on the file system holding `path` (statvfs); -1 when unknown.
qint64 freeDiskBytes(const QString& path);

} // namespace shiming::store
