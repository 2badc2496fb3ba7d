#pragma once

#include "core/common/Error.h"
#include "core/protocol/BatchAnswer.h"
#include "core/protocol/SyncRecord.h"

#include <QList>
#include <QUuid>

namespace shiming::store {
class OutletStore;
}

namespace shiming::sync {

/// Voids on their way to HQ, read from the store without a schema change: a registration whose status is
/// `voided` (a manager's void, cancellation or review rejection) and which HQ has answered (its outbox row is
/// done) waits until HQ acknowledges the void. The acknowledgement is the sync-state key
/// `sync.void.<registration uuid>`, written with an audit entry in one transaction per batch.
///
/// Exactly-once: the void's record id is protocol::voidRecordId(original), and a batch of voids has an id
/// derived from its members, so a resend after a crash, a time-out or a restored backup is the same record (and
/// usually the same batch, protocol::derivedBatchId) to HQ, which answers it with its first decision. A void waits for
/// the registration's own answer, so HQ always knows the original when the void arrives.
class VoidQueue {
public:
    explicit VoidQueue(store::OutletStore& store)
        : m_store(store)
    {}

    /// Up to `max` void records to send, oldest void first.
    Result<QList<protocol::SyncRecord>> pending(int max);
    /// Voids not yet acknowledged by HQ (including those whose registration HQ has not answered yet).
    Result<qint64> waiting();
    /// Records HQ's answers for a batch of voids in one transaction. Answers for records not in `voids` are
    /// ignored.
    Result<void> applyResults(const QList<protocol::SyncRecord>& voids, const QList<protocol::RecordAnswer>& answers);

    static constexpr auto kStatePrefix = "sync.void.";

private:
    store::OutletStore& m_store;
};

} // namespace shiming::sync
