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

/// The identities a record is decided by: its own (the document of the record: for a transfer, the new holder)
/// and, for a transfer, the present holder's. Empty for a void, a finding and an invalid record.
struct RecordIdentity {
    QString identity;
    QString presentHolder;
};

/// The identity HMACs of each record of `batch`, in batch order. Computed once per batch: the ledger locks and
/// looks up by them before deciding with them.
QList<RecordIdentity> recordIdentities(const QByteArray& identityKey, const protocol::Batch& batch);

/// The `records.transaction` value of a registration's content: "new" for a new number (empty on the wire).
QString transactionName(const protocol::RecordContent& content);

/// A record id of the batch that HQ already holds (from an earlier batch): what it stored then.
struct KnownRecord {
    QByteArray hash;
    protocol::RecordKind kind = protocol::RecordKind::Registration;
    protocol::RecordAnswer answer; ///< the first decision: `original`, reason, reference, time
};

/// A row of `records` the batch may change or must respect: an accepted holder of a number or SIM of the batch,
/// a registration a void of the batch names, or the row such a registration replaced.
struct LedgerRecord {
    QString outletId;
    QString status; ///< accepted, rejected, released or ended
    QString identity;
    QString operatorCode;
    QString msisdn;
    QString iccid;
    QString transaction = QStringLiteral("new");
    QUuid replaces;      ///< the row this one superseded (a lifecycle record), else null
    QUuid releasedBy;    ///< what released it (a void or a lifecycle record), else null
    bool voided = false; ///< an accepted void of it is in the ledger

    QString countKey() const { return identityOperatorKey(identity, operatorCode); }
};

/// What the ledger's one lookup returned, under the batch's locks: everything decideBatch() needs.
struct LedgerSnapshot {
    QHash<QUuid, KnownRecord> known; ///< record and void ids of the batch already in the ledger
    /// Every ledger row the decisions read: the accepted holders of the batch's numbers and SIMs, the
    /// registrations its voids name and the rows those replaced. An accepted row holds its number and its
    /// (non-empty) SIM.
    QHash<QUuid, LedgerRecord> records;
    QSet<QString> risky;        ///< identities of the batch on the risk list
    QHash<QString, int> counts; ///< active numbers by identityOperatorKey() (absent: none)
    QList<qint64> references;   ///< fresh HQ reference numbers, one per record at most
    qint64 hqTimeMs = 0;        ///< HQ's clock for this batch
};

/// What happens to one record of the batch.
struct RecordDecision {
    const protocol::SyncRecord* record = nullptr; ///< into the decided batch
    QString identity;                             ///< as recordIdentities() gave it
    protocol::RecordAnswer answer;
    bool insert = false; ///< a new record or void to write (false: a duplicate or a conflicting id)
    /// The registration row as written (valid registrations only): status accepted, rejected, released (held,
    /// then let go by a later record of this batch) or ended (a cancellation in force); the SIM it holds (a
    /// re-verification or transfer keeps the replaced row's); the row it replaced.
    QString status;
    QString iccid;
    QUuid replaces;
    QUuid releasedBy; ///< a registration of this batch released by a later record of this batch
};

/// A registration already in the ledger that this batch lets go (a void, or a lifecycle record superseding it):
/// its status becomes `released`, from `from` (accepted, or ended for a voided cancellation).
struct Release {
    QUuid original;
    QUuid by; ///< the void or the lifecycle record
    QString from = QStringLiteral("accepted");
};

/// The outcome of a batch: one decision per record in batch order, the ledger rows to release and to restore
/// (at most one change per row: its state after the whole batch), and the answer.
struct BatchDecision {
    QList<RecordDecision> records;
    QList<Release> releases;
    QList<QUuid> restores; ///< released rows that hold their number again (`released` -> `accepted`)
    protocol::BatchAnswer answer;
};

/// Decides every record of `batch` in batch order against what the lookup found (no I/O); each record sees
/// the effects of the ones before it. A known id is a duplicate with its first answer (UUID_CONFLICT when its
/// content or kind differs); an invalid record is INVALID; a finding is accepted and changes nothing.
///
/// A new number is refused for RISK_LIST, NUMBER_TAKEN, ICCID_IN_USE or ID_LIMIT (in that order of checks) or
/// accepted, taking its number, SIM and place in the count. The lifecycle transactions act on the accepted
/// record of their number (the holder), which they release (docs/hq.md "Lifecycle transactions"):
/// - reverify: NOT_HOLDER unless the holder is of the same identity and operator; accepted, it holds the number
///   and the holder's SIM. Without a holder it is decided as a new number without a SIM (RISK_LIST, ID_LIMIT).
/// - sim_replace: NUMBER_NOT_IN_SERVICE (no holder of that operator), NOT_HOLDER, ICCID_IN_USE; holds the new SIM.
/// - transfer: NUMBER_NOT_IN_SERVICE, NOT_HOLDER (the present holder's identity), RISK_LIST and ID_LIMIT for
///   the new holder; holds the number and SIM for the new holder.
/// - cancel: NUMBER_NOT_IN_SERVICE, NOT_HOLDER; the cancellation itself holds nothing (status `ended`).
///
/// A void of this outlet's registration (earlier in the batch or in the ledger) releases it (a cancellation:
/// nothing to free) and, for a lifecycle record, restores the row it replaced when that row was released by it,
/// was never voided itself, its number and SIM are free and its identity is under the limit; UNKNOWN_RECORD
/// for a record of another outlet or none. Each answer carries the count of its identity and operator right
/// after deciding it. `identities` comes from recordIdentities(); the batch must outlive the decision (it
/// points into it).
BatchDecision decideBatch(const protocol::Batch& batch, const QList<RecordIdentity>& identities,
                          const LedgerSnapshot& lookedUp);

} // namespace shiming::hq
