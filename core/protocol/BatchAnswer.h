#pragma once

#include "core/common/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace shiming::protocol {

/// Reason codes HQ gives for a rejected record. Stable strings: outlets store and display them.
namespace reason {
inline constexpr auto IdLimit = "ID_LIMIT";             // the identity already holds 5 numbers with this operator
inline constexpr auto RiskList = "RISK_LIST";           // the identity is on the risk list
inline constexpr auto IccidInUse = "ICCID_IN_USE";      // the SIM is registered to another record
inline constexpr auto NumberTaken = "NUMBER_TAKEN";     // the number is registered to another record
inline constexpr auto Invalid = "INVALID";              // malformed content or hash mismatch
inline constexpr auto UuidConflict = "UUID_CONFLICT";   // the record id is known with different content
inline constexpr auto UnknownRecord = "UNKNOWN_RECORD"; // a void names no registration of this outlet
inline constexpr auto NotHolder = "NOT_HOLDER";         // the identity is not the holder of the number at HQ
inline constexpr auto NumberNotInService = "NUMBER_NOT_IN_SERVICE"; // HQ holds no active record of the number
} // namespace reason

enum class RecordOutcome { Accepted, Duplicate, Rejected };

QString outcomeName(RecordOutcome outcome);
std::optional<RecordOutcome> outcomeFromName(const QString& name);

/// HQ's answer for one record. A Duplicate repeats what HQ decided the first time (`original` Accepted or
/// Rejected, with that decision's reason, reference and time).
struct RecordAnswer {
    QUuid recordId;
    RecordOutcome outcome = RecordOutcome::Rejected;
    RecordOutcome original = RecordOutcome::Rejected; // the first decision; equals outcome unless Duplicate
    QString reason;                                   // empty when accepted
    QString hqReference;
    qint64 hqTimeMs = 0;
    /// HQ's number of active registrations (accepted, not released) of this record's identity with its operator,
    /// as HQ stood right after deciding this record (the record itself included when accepted). For a duplicate,
    /// the figure when the repeat arrived; for a void, the figure after the release. Absent (nullopt) when HQ
    /// did not say: an invalid record, a void of a registration HQ does not hold, answers from an older HQ, and
    /// a replayed batch answered before HQ sent figures.
    std::optional<int> identityCount = std::nullopt;
    /// For a transfer: the same figure for the present holder's identity after the decision (lowered by one when
    /// accepted). Absent otherwise and from an older HQ.
    std::optional<int> holderIdentityCount = std::nullopt;

    /// True when HQ holds the record as accepted (first time or earlier).
    bool isAccepted() const { return original == RecordOutcome::Accepted; }
};

/// HQ's answer to one batch, sent only after the ledger COMMIT. Stored by HQ and returned byte-for-byte when
/// the same batch id arrives again.
struct BatchAnswer {
    QUuid batchId;
    qint64 hqTimeMs = 0;
    QList<RecordAnswer> answers;
};

QByteArray encodeBatchAnswer(const BatchAnswer& answer);
Result<BatchAnswer> decodeBatchAnswer(const QByteArray& bytes);

} // namespace shiming::protocol
