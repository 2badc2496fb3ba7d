#pragma once

#include "core/common/Error.h"
#include "core/protocol/BatchAnswer.h"
#include "core/protocol/SyncRecord.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QUuid>

namespace shiming::store {
class OutletStore;
}

namespace shiming::sync {

/// The hall's compliance findings on their way to HQ (protocol::FindingContent), read from the tables the
/// manager's routine writes (core/review):
/// - a spot-checked record's verdict (OK or problem with the note) not yet sent (spot_check_items.sent_at;
///   a changed verdict clears it, so the new one goes too);
/// - an alert HQ has not heard in its present state (alerts.sent_state): raised, acknowledged, or both when it
///   was raised and acknowledged while the outlet was offline.
///
/// Exactly-once: a finding's record id is derived from the outlet, the finding, its state and that state's
/// time, and a batch's id from its records, so a resend is the same record to HQ. A row is marked sent only if
/// it is still in the state that went (a verdict changed while its batch was in flight goes again).
class FindingQueue {
public:
    FindingQueue(store::OutletStore& store, QString outletId)
        : m_store(store)
        , m_outletId(std::move(outletId))
    {}

    /// Up to `max` finding records to send, spot checks first, then alerts, each oldest first; records in
    /// `skip` (tried in this pass already) are left out.
    Result<QList<protocol::SyncRecord>> pending(int max, const QSet<QUuid>& skip = {});
    /// Findings HQ does not hold yet.
    static Result<qint64> waiting(store::OutletStore& store);
    /// Records HQ's answers in one transaction: an accepted finding (or one HQ already holds under its id,
    /// UUID_CONFLICT) is sent; another refusal leaves it for the next pass. Returns how many were marked sent.
    Result<int> applyResults(const QList<protocol::SyncRecord>& findings, const QList<protocol::RecordAnswer>& answers);

private:
    store::OutletStore& m_store;
    QString m_outletId;
};

} // namespace shiming::sync
