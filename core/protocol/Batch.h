#pragma once

#include "core/common/Error.h"
#include "core/protocol/SyncRecord.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace shiming::protocol {

/// Bounds of one upload. The outlet fills batches up to both; HQ refuses anything larger (413 for bytes).
inline constexpr qsizetype kMaxRecordsPerBatch = 50;
inline constexpr qsizetype kMaxBatchBytes = 4 * 1024 * 1024;
/// Reports of unreadable records one batch may carry.
inline constexpr qsizetype kMaxUnreadablePerBatch = 500;
inline constexpr int kProtocolVersion = 1;

/// The head of the outlet's hash-chained audit log when it sent a batch: the last entry's id (ids are
/// consecutive from 1, append only) and its hash. HQ keeps the latest per outlet; a head that goes backwards (a
/// lower id, or the same id with another hash) means the outlet's database was rewound or rewritten.
struct AuditHead {
    qint64 sequence = 0;
    QByteArray hash; // at most 64 bytes

    bool operator==(const AuditHead&) const = default;
};

/// A record the outlet committed but can no longer read (a damaged page of its database): reported by id so
/// that HQ knows what is missing. Wire: `unreadable: [{uuid, seq}]`, optional.
struct UnreadableReport {
    QUuid id;
    qint64 sequence = 0; ///< the record's outbox sequence at the outlet

    bool operator==(const UnreadableReport&) const = default;
};

/// One upload from an outlet. `id` is the idempotency key: the outlet fixes it when it first assigns records
/// to the batch and reuses it on every retry, forever; HQ answers a repeated id with the original answers.
struct Batch {
    QUuid id;
    QString outletId;
    qint64 firstSequence = 0;
    qint64 lastSequence = 0;
    qint64 deviceTimeMs = 0; // the outlet's clock when the batch was (re)sent, for diagnostics only
    QList<SyncRecord> records;
    std::optional<AuditHead> audit; // wire: `audit: {seq, head}`, optional
    /// Records the outlet cannot read any more. A batch holds records, reports, or both (never neither).
    QList<UnreadableReport> unreadable;
};

QByteArray encodeBatch(const Batch& batch);

/// Decodes and checks a batch. A structurally bad batch (not CBOR, wrong version, missing ids, too many
/// records or bytes, duplicate record ids) is an error; a record whose content is malformed or whose hash does
/// not match keeps its id and gets `invalidReason`, so that HQ can answer it INVALID.
Result<Batch> decodeBatch(const QByteArray& bytes);

} // namespace shiming::protocol
