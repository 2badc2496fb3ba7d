#pragma once

#include "core/common/Error.h"
#include "core/store/Database.h"

namespace shiming::store {

/// Versioned schema. PRAGMA user_version holds the version; each migration runs in its own transaction, so
/// a crash leaves the database at the previous version or the next, never between.
namespace schema {

/// The version this build writes.
int latestVersion();

/// The database's current version (0 for a fresh file).
Result<int> currentVersion(Database& db);

/// Migrates step by step up to `target` (default: latest). Refuses a database newer than this build.
Result<void> migrate(Database& db, int target = -1);

} // namespace schema
} // namespace shiming::store
