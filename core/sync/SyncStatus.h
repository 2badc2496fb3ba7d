#pragma once

#include "core/common/Error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace shiming::store {
class OutletStore;
}

namespace shiming::sync {

/// What the counter's status bar and the manager see about the sync.
struct SyncStatus {
    qint64 queueLength = 0;                ///< records HQ has not answered yet
    std::optional<QDateTime> oldestUnsent; ///< commit time of the oldest of them
    QDateTime lastSuccess;                 ///< last complete pass (uploads and feeds)
    QDateTime lastAttempt;
    QString lastError; ///< English, no personal data; empty after a success
    QDateTime lastErrorAt;
    bool online = true; ///< false after a pass failed without reaching HQ
    qint64 rejectedTotal = 0;
    qint64 voidsWaiting = 0;    ///< voided registrations whose release HQ has not acknowledged yet
    qint64 findingsWaiting = 0; ///< compliance findings (spot-check verdicts, alert states) HQ does not hold yet
    /// The outlet database's last page check (at sign-in, and before a pass when it is older than 15 min): a damaged
    /// page is said plainly to the clerk and the manager, apart from the link to HQ (`online` is about the network
    /// only).
    bool storageDamaged = false;
    QString storageProblem; ///< English, no personal data
    QDateTime storageCheckedAt;
    qint64 unreadable = 0;         ///< records set aside because they cannot be read (counted in queueLength)
    qint64 unreadableReported = 0; ///< of those, how many HQ has been told of by id

    QJsonObject toJson() const;
};

/// Keys of the sync's state in the outlet database (SyncStateRepository).
namespace state {
inline constexpr auto LastSuccess = "sync.last_success";
inline constexpr auto LastAttempt = "sync.last_attempt";
inline constexpr auto LastError = "sync.last_error";
inline constexpr auto LastErrorAt = "sync.last_error_at";
inline constexpr auto Online = "sync.online";
inline constexpr auto RejectedTotal = "sync.rejected_total";
inline constexpr auto CursorPrefix = "sync.cursor.";
inline constexpr auto Credentials = "sync.credentials";
inline constexpr auto HqUrl = "sync.hq_url";
inline constexpr auto OperatorCode = "sync.operator";
} // namespace state

/// Reads the status from the store (queue from the outbox, the rest from the sync state).
Result<SyncStatus> readSyncStatus(store::OutletStore& store);

} // namespace shiming::sync
