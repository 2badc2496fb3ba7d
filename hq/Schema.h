#pragma once

#include "core/common/Error.h"

#include <string>

namespace shiming::hq {

/// Brings the PostgreSQL schema to the newest version. Each migration runs in its own transaction under an
/// advisory lock, so two `shiming-hq init` runs against one database never interleave. Returns the version.
/// `upTo` stops at an older version (the migration tests build an old ledger to migrate).
Result<int> migrateSchema(const std::string& url, int upTo);

/// The newest schema version this build knows.
int latestSchemaVersion();

inline Result<int> migrateSchema(const std::string& url)
{
    return migrateSchema(url, latestSchemaVersion());
}

} // namespace shiming::hq
