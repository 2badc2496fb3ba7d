#pragma once

#include "core/common/Error.h"

#include <string>

namespace shiming::hq {

/// Brings the PostgreSQL schema to the newest version. Each migration runs in its own transaction under an
/// advisory lock, so two `shiming-hq init` runs against one database never interleave. Returns the version.
Result<int> migrateSchema(const std::string& url);

/// The newest schema version this build knows.
int latestSchemaVersion();

} // namespace shiming::hq
