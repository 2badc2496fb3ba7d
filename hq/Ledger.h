#pragma once

#include "core/common/Error.h"
#include "core/protocol/Batch.h"

#include <QByteArray>

#include <functional>

#include <pqxx/connection>

namespace shiming::hq {

/// The outcome of one upload: the encoded answer (exactly what was stored with the batch) and whether it is
/// a replay of an earlier, committed batch.
struct IngestResult {
    QByteArray answer;
    bool replayed = false;
};

/// Exactly-once ingest into the permanent ledger. One transaction per batch: the batch id and every record id
/// are unique keys, policy checks (risk list, number and SIM in use, 5 numbers per identity and operator) run
/// under advisory locks on the identity HMAC, number and ICCID taken in sorted order, and the answer is
/// stored with the batch so that a repeated batch id gets the original answers. The caller answers only after
/// ingest() returns, i.e. after COMMIT.
class Ledger {
public:
    static constexpr int kNumbersPerIdentity = 5;

    explicit Ledger(QByteArray identityKey)
        : m_identityKey(std::move(identityKey))
    {}

    /// `beforeCommit` runs inside the transaction just before COMMIT; returning false rolls back (fault
    /// injection for the chaos tests). PolicyRefused: the batch id belongs to another outlet.
    Result<IngestResult> ingest(pqxx::connection& connection, const protocol::Batch& batch,
                                const std::function<bool()>& beforeCommit = {}) const;

private:
    QByteArray m_identityKey;
};

} // namespace shiming::hq
