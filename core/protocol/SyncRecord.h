#pragma once

#include "core/common/Error.h"

#include <QByteArray>
#include <QCborMap>
#include <QList>
#include <QString>
#include <QUuid>

namespace shiming::protocol {

/// One photo of a record, carried as raw JPEG bytes (a CBOR byte string, never base64).
struct RecordPhoto {
    QString kind; // "chip", "live", "signature", "attachment:<name>"
    QByteArray jpeg;

    bool operator==(const RecordPhoto&) const = default;
};

/// The content of one registration as HQ receives it. The fields HQ checks (document, operator, number, ICCID)
/// are explicit; everything else the outlet keeps travels in `extra` untouched.
struct RecordContent {
    QString documentType; // stable code, e.g. "resident_id", "passport"
    QString documentNumber;
    QString name;
    QString operatorCode; // "CMCC", "CUCC", "CTCC", "CBN"
    QString msisdn;
    QString iccid;
    QString packageCode;
    qint64 registeredAtMs = 0; // UTC epoch milliseconds at commit on the outlet
    QString clerk;
    QList<RecordPhoto> photos;
    QCborMap extra;

    bool operator==(const RecordContent&) const = default;
};

/// A manager's void of an earlier registration at the outlet (voided, cancelled, rejected on review). HQ
/// releases the original's number, SIM and place in the 5-per-identity count. The void is a record of its own
/// (own UUID, exactly-once like any record); `original` names the registration it voids.
struct VoidContent {
    QUuid original;
    qint64 voidedAtMs = 0; // UTC epoch milliseconds at the outlet
    QString actor;         // the manager's account name
    QString reason;        // the manager's note, at most 256 characters

    bool operator==(const VoidContent&) const = default;
};

enum class RecordKind { Registration, Void };

/// A record in a batch: its own UUID (HQ's dedup key), the outlet's sequence number and the SHA-256 of the
/// content's CBOR encoding, which HQ recomputes to refuse altered records. A registration carries `content`,
/// a void `voidContent` (wire: `kind: "void"`; a record without `kind` is a registration).
struct SyncRecord {
    QUuid id;
    qint64 sequence = 0;
    QByteArray contentHash;
    RecordKind kind = RecordKind::Registration;
    RecordContent content;
    VoidContent voidContent;
    /// The canonical CBOR the hash covers, kept by makeRecord() and decodeBatch() so that HQ stores it without
    /// encoding the photos a second time. Empty for an invalid record.
    QByteArray contentCbor;
    /// Set by the decoder when this one record is malformed or its hash does not match; the rest of the
    /// batch still gets answers. Empty for a good record.
    QString invalidReason;
};

inline constexpr qsizetype kMaxPhotosPerRecord = 16;
inline constexpr qsizetype kMaxPhotoBytes = 2 * 1024 * 1024;

/// Deterministic CBOR map of a record's content (fixed key order), the input of contentHash().
QCborMap encodeContent(const RecordContent& content);
Result<RecordContent> decodeContent(const QCborMap& map);
QCborMap encodeVoid(const VoidContent& content);
Result<VoidContent> decodeVoid(const QCborMap& map);

/// SHA-256 over the CBOR encoding of encodeContent(content).
QByteArray contentHash(const RecordContent& content);

/// Builds a record with its hash filled in.
SyncRecord makeRecord(const QUuid& id, qint64 sequence, RecordContent content);
SyncRecord makeVoidRecord(const QUuid& id, qint64 sequence, VoidContent content);

/// The id of the void of `original`: derived (UUID v5), so every resend of the same void, from any batch, after
/// any crash or restored backup, is the same record to HQ.
QUuid voidRecordId(const QUuid& original);

} // namespace shiming::protocol
