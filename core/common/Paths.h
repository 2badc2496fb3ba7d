#pragma once

#include <QString>

namespace shiming {

/// Where the application keeps its files. The organisation and application names are set once in each
/// main(); these helpers only read QStandardPaths so that tests (test mode) get their own folders.
namespace paths {

/// The application's data directory (created if missing): databases, face models.
QString appDataDir();

/// Directories searched for the face models, in order: $SHIMING_MODELS_DIR, <appData>/models,
/// <exe>/../share/shiming/models, and the source tree's .data/models (for builds run in place).
QStringList modelSearchDirs();

} // namespace paths
} // namespace shiming
