#pragma once

#include <QString>

#include <functional>

namespace shiming::testing {

struct CrashSummary {
    int kills = 0;
    qint64 reportedCommitted = 0; ///< uuids the writer printed (told "saved") over all runs
    qint64 presentAfterwards = 0; ///< of those, found with their outbox row
    qint64 recordsInDatabase = 0;
    QString firstFailure; ///< empty when every check passed
    bool ok() const { return firstFailure.isEmpty() && presentAfterwards == reportedCommitted; }
};

/// Creates an outlet database in `directory`, then `kills` times: starts the writer, lets it commit for a
/// random 5–250 ms, kills it with SIGKILL, and verifies that the store check passes and that every registration
/// the writer reported as committed is present with its outbox row. `log` gets progress lines.
CrashSummary runCrashTest(const QString& writerExecutable, const QString& directory, int kills, quint32 seed,
                          const std::function<void(const QString&)>& log = {});

} // namespace shiming::testing
