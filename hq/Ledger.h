#pragma once

#include "core/common/Error.h"
#include "core/protocol/Batch.h"

#include <QByteArray>
#include <QString>

#include <functional>

#include <pqxx/connection>

namespace shiming::hq {

/// What the request layer checked and what the ledger transaction records with the batch: the nonce goes into
/// `request_nonces` in the same transaction as the batch, so a request is admitted and acted on atomically (one
/// COMMIT, one WAL flush), and the revocation lists are read in that transaction too.
struct Admission {
    QString outletId;
    QString certificateSerial;
    qint64 certificateNotBeforeMs = 0;
    QByteArray nonce;
    bool purgeOldNonces = false; ///< drop nonces older than twice the time window (now and then)
    /// The hall and counter of the peer certificate, kept in `outlets` by the batch's outlet upsert (empty hall:
    /// counter 1 of a hall of the outlet's own id).
    QString hallId;
    int counterNo = 1;
};

/// The outcome of one upload: the encoded answer (exactly what was stored with the batch) and whether it is
/// a replay of an earlier, committed batch; or why the request was refused (nothing written).
struct IngestResult {
    enum class Refusal { None, Revoked, Replayed, BatchIdConflict };
    QByteArray answer;
    bool replayed = false;
    Refusal refusal = Refusal::None;
    bool auditRewound = false; ///< the outlet's audit head went backwards with this request
};

/// Where one ingest spent its time (nanoseconds), for `serve --timings`.
struct IngestTimings {
    qint64 admitNs = 0;  ///< BEGIN, revocation and nonce, advisory locks
    qint64 lookupNs = 0; ///< batch, known records, originals of voids, risk list, numbers, SIMs, counts
    qint64 decideNs = 0; ///< decisions and the encoded answer (CPU only)
    qint64 buildNs = 0;  ///< building that statement and its parameters (CPU only)
    qint64 writeNs = 0;  ///< the one statement that writes the batch, records, voids and releases
    qint64 commitNs = 0; ///< COMMIT (the WAL flush with synchronous_commit on)
};

/// Exactly-once ingest into the permanent ledger. One transaction per batch: the batch id and every record id
/// are unique keys, policy checks (risk list, number and SIM in use, 5 numbers per identity and operator) run
/// under advisory locks on the identity HMAC, number and ICCID taken in sorted order, and the answer is
/// stored with the batch so that a repeated batch id gets the original answers. The caller answers only after
/// ingest() returns, i.e. after COMMIT.
///
/// A void record releases the registration it names (same outlet): status `released`, so it no longer counts
/// against the limit nor holds its number or SIM. Voids are decided in batch order with the registrations.
/// A lifecycle record (re-verification, SIM replacement, transfer, cancellation) releases the number's holder
/// and holds the number itself (a cancellation: nothing, status `ended`); a void of one restores the row it
/// replaced when that is still possible (docs/hq.md "Lifecycle transactions"). A void locks what its original
/// holds, read from the ledger within the admission statement, so it serialises with every transaction on the
/// number.
///
/// The outlet's audit head, when the batch carries one, is kept in `outlets` (also on a replay); a head behind
/// the one reported before is counted as a rewind (`audit_rewinds`, `audit_rewound_at`).
///
/// Each answer carries HQ's figure for the record's identity and operator (`RecordAnswer::identityCount`): the
/// count the limit check keeps while deciding the batch in order, read under the identity's lock, so it costs
/// no extra round trip. A void's figure (after its release) comes from the same lookup; the void holds no lock
/// on that identity, so it may miss a registration another instance is deciding at that moment (the next
/// answer for that identity corrects it; HQ's limit itself is never affected).
///
/// Four round trips per batch whatever its size: admission and locks, one lookup, one write, COMMIT. What
/// happens to each record is decided between the lookup and the write by decideBatch() (hq/LedgerDecision.h),
/// which does no I/O; this class only moves data between PostgreSQL and it.
class Ledger {
public:
    explicit Ledger(QByteArray identityKey)
        : m_identityKey(std::move(identityKey))
    {}

    /// `admission` may be null (no request to record). `beforeCommit` runs inside the transaction just before
    /// COMMIT; returning false rolls back (fault injection for the chaos tests).
    Result<IngestResult> ingest(pqxx::connection& connection, const protocol::Batch& batch, const Admission* admission,
                                const std::function<bool()>& beforeCommit = {}, IngestTimings* timings = nullptr) const;

private:
    QByteArray m_identityKey;
};

} // namespace shiming::hq
