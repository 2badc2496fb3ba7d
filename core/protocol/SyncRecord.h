#pragma once

#include "core/common/Error.h"

#include <QByteArray>
#include <QCborMap>
#include <QList>
#include <QString>
#include <QStringList>
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
    /// The real-name transaction (registration::transactionKey): empty for a new number (and on the wire then
    /// no key at all, so records from before it keep their hash); "reverify", "sim_replace", "transfer",
    /// "cancel". `msisdn` is then the number in service; `iccid` the new SIM of a replacement, else empty.
    QString transaction;
    /// A transfer's present holder, whom HQ matches against its record of the number (the new holder is the
    /// document above). Empty for every other transaction.
    QString holderDocumentType;
    QString holderDocumentNumber;

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

/// A finding of the hall's own compliance routine (core/review) for HQ's compliance staff: a spot-checked
/// record's verdict, or an alert raised or acknowledged. Each state is a record of its own, its id derived from
/// the outlet, the finding, the state and its time (findingRecordId), so HQ keeps the history (raised, then
/// acknowledged; a verdict, then a changed one) and a resend is the same record.
struct FindingContent {
    QString type;        // "spot_check" or "alert"
    QString day;         // the outlet's day, yyyy-MM-dd
    QString key;         // spot check: the sampled record's uuid; alert: its key (kind and what it is about)
    QString state;       // spot check: "ok" or "problem"; alert: "raised" or "acknowledged"
    QString subject;     // alert: what it is about as the outlet shows it (an account, a masked number)
    qint64 figure = 0;   // alert: the count behind it
    QStringList records; // the registrations it is about (their uuids)
    QString actor;       // who marked or acknowledged it (empty for a raised alert)
    QString note;        // the manager's words, at most kMaxFindingNoteLength characters
    qint64 atMs = 0;     // UTC epoch milliseconds of this state at the outlet

    bool operator==(const FindingContent&) const = default;
};

enum class RecordKind { Registration, Void, Finding };

/// A record in a batch: its own UUID (HQ's dedup key), the outlet's sequence number and the SHA-256 of the
/// content's CBOR encoding, which HQ recomputes to refuse altered records. A registration carries `content`,
/// a void `voidContent` (wire: `kind: "void"`), a finding `findingContent` (wire: `kind: "finding"`); a record
/// without `kind` is a registration.
struct SyncRecord {
    QUuid id;
    qint64 sequence = 0;
    QByteArray contentHash;
    RecordKind kind = RecordKind::Registration;
    RecordContent content;
    VoidContent voidContent;
    FindingContent findingContent;
    /// The canonical CBOR the hash covers, kept by makeRecord() and decodeBatch() so that HQ stores it without
    /// encoding the photos a second time. Empty for an invalid record.
    QByteArray contentCbor;
    /// Set by the decoder when this one record is malformed or its hash does not match; the rest of the
    /// batch still gets answers. Empty for a good record.
    QString invalidReason;
};

inline constexpr qsizetype kMaxPhotosPerRecord = 16;
inline constexpr qsizetype kMaxPhotoBytes = 2 * 1024 * 1024;
inline constexpr qsizetype kMaxFindingNoteLength = 2000;
inline constexpr qsizetype kMaxFindingRecords = 5000;

/// Deterministic CBOR map of a record's content (fixed key order), the input of contentHash().
QCborMap encodeContent(const RecordContent& content);
Result<RecordContent> decodeContent(const QCborMap& map);
QCborMap encodeVoid(const VoidContent& content);
Result<VoidContent> decodeVoid(const QCborMap& map);
QCborMap encodeFinding(const FindingContent& content);
Result<FindingContent> decodeFinding(const QCborMap& map);
/// The canonical CBOR map of a record of any kind (what its hash covers).
QCborMap encodeRecordContent(const SyncRecord& record);

/// SHA-256 over the CBOR encoding of encodeContent(content).
QByteArray contentHash(const RecordContent& content);

/// Builds a record with its hash filled in.
SyncRecord makeRecord(const QUuid& id, qint64 sequence, RecordContent content);
SyncRecord makeVoidRecord(const QUuid& id, qint64 sequence, VoidContent content);
/// A finding record with its id from findingRecordId(); texts are cut to the wire's limits (NULs removed).
SyncRecord makeFindingRecord(const QString& outletId, FindingContent content);

/// The id of the void of `original`: derived (UUID v5), so every resend of the same void, from any batch, after
/// any crash or restored backup, is the same record to HQ.
QUuid voidRecordId(const QUuid& original);

/// The id of a finding's state: UUID v5 of the outlet, the type, day, key, state and its time.
QUuid findingRecordId(const QString& outletId, const FindingContent& content);

/// The idempotency key of a batch whose records are derived (voids, findings): UUID v5 of the sorted record
/// ids, so a resend of the same records is the same batch.
QUuid derivedBatchId(const QList<SyncRecord>& records);

} // namespace shiming::protocol
