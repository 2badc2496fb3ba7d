#pragma once

#include "core/protocol/Batch.h"
#include "core/protocol/BatchAnswer.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace shiming::hq {

/// HQ's limit: active numbers per identity and operator.
inline constexpr int kNumbersPerIdentity = 5;

/// The key of the per-identity count: the identity HMAC and the operator, as the ledger's lookup spells it
/// (`identity_hmac || '|' || operator`).
QString identityOperatorKey(const QString& identity, const QString& operatorCode);

/// The identity HMAC of each record of `batch`, in batch order; empty for a void and for an invalid record.
/// Computed once per batch: the ledger locks and looks up by it before deciding with it.
QStringList recordIdentities(const QByteArray& identityKey, const protocol::Batch& batch);

/// A record id of the batch that HQ already holds (from an earlier batch): what it stored then.
struct KnownRecord {
    QByteArray hash;
    protocol::RecordKind kind = protocol::RecordKind::Registration;
    protocol::RecordAnswer answer; ///< the first decision: `original`, reason, reference, time
};

/// A registration in the ledger that a void of the batch names.
struct VoidedOriginal {
    QString outletId;
    QString status;   ///< accepted, rejected or released
    QString countKey; ///< identityOperatorKey() of its identity and operator
    QString msisdn;
    QString iccid;
};

/// What the ledger's one lookup returned, under the batch's locks: everything decideBatch() needs.
struct LedgerSnapshot {
    QHash<QUuid, KnownRecord> known;        ///< record and void ids of the batch already in the ledger
    QHash<QUuid, VoidedOriginal> originals; ///< the registrations the batch's voids name
    QSet<QString> risky;                    ///< identities of the batch on the risk list
    QSet<QString> takenNumbers;             ///< numbers of the batch held by an accepted registration
    QSet<QString> takenSims;                ///< ICCIDs of the batch held by an accepted registration
    QHash<QString, int> counts;             ///< active numbers by identityOperatorKey() (absent: none)
    QList<qint64> references;               ///< fresh HQ reference numbers, one per record at most
    qint64 hqTimeMs = 0;                    ///< HQ's clock for this batch
};

/// What happens to one record of the batch.
struct RecordDecision {
    const protocol::SyncRecord* record = nullptr; ///< into the decided batch
    QString identity;                             ///< as recordIdentities() gave it
    protocol::RecordAnswer answer;
    bool insert = false; ///< a new record or void to write (false: a duplicate or a conflicting id)
    QUuid releasedBy;    ///< a registration of this batch voided by a later record of this batch
};

/// A registration already in the ledger that a void of this batch releases.
struct Release {
    QUuid original;
    QUuid by; ///< the void
};

/// The outcome of a batch: one decision per record in batch order, the releases to write, and the answer.
struct BatchDecision {
    QList<RecordDecision> records;
    QList<Release> releases;
    protocol::BatchAnswer answer;
};

/// Decides every record of `batch` in batch order against what the lookup found (no I/O): a known id is a
/// duplicate with its first answer (UUID_CONFLICT when its content or kind differs); an invalid record is
/// INVALID; a registration is refused for RISK_LIST, NUMBER_TAKEN, ICCID_IN_USE or ID_LIMIT (in that order of
/// checks) or accepted, taking its number, SIM and place in the count for the records after it; a void of this
/// outlet's registration (earlier in the batch or in the ledger) releases them, UNKNOWN_RECORD otherwise. Each
/// answer carries the count of its identity and operator right after deciding it. `identities` comes from
/// recordIdentities(); the batch must outlive the decision (it points into it).
BatchDecision decideBatch(const protocol::Batch& batch, const QStringList& identities, const LedgerSnapshot& lookedUp);

} // namespace shiming::hq
