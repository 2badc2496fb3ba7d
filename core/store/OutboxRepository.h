#pragma once

#include "core/common/Clock.h"
#include "core/common/Error.h"
#include "core/registration/Registration.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace shiming::store {

class RegistrationRepository;

/// One outbox row: a committed registration waiting for HQ.
struct OutboxItem {
    qint64 seq = 0; ///< outbox order (commit order)
    QString recordUuid;
    qint64 payloadBytes = 0; ///< size of the record's media plus a fixed allowance for the fields
    int attempts = 0;        ///< how many times it was handed out in a batch
    QDateTime createdAt;
};

/// A batch to upload. `batchId` is the idempotency key: until results are applied (or the batch is released),
/// nextBatch() returns the same batch with the same id and members, so a retry after a crash or time-out
/// never makes a second batch of the same records.
struct OutboxBatch {
    QString batchId;
    QList<OutboxItem> items;
    bool retry = false; ///< true when this batch was handed out before
    bool isEmpty() const { return items.isEmpty(); }
};

/// An outbox row whose record could not be read (a damaged page): set aside, never in a batch, reported to HQ by
/// id (docs/store.md "Damaged pages").
struct UnreadableRecord {
    qint64 seq = 0;
    QString recordUuid;
    QDateTime foundAt;
    QDateTime reportedAt; ///< invalid until HQ took the report
};

/// How many records are set aside as unreadable, and how many of them HQ has been told of.
struct UnreadableCounts {
    qint64 total = 0;
    qint64 reported = 0;

    bool operator==(const UnreadableCounts&) const = default;
};

/// HQ's verdict on one record of a batch.
struct OutboxResult {
    enum class Outcome { Accepted, Duplicate, Rejected };
    QString recordUuid;
    Outcome outcome = Outcome::Accepted;
    QString reasonCode;  ///< for Rejected ("identity_limit", "risk_list", ...)
    QString hqReference; ///< HQ's id of the record
    QDateTime hqTime;    ///< when HQ decided
};

/// The transactional outbox the sync works from (see docs/store.md "Outbox API"). Rows are written by
/// RegistrationRepository::commit() in the same transaction as the record.
class OutboxRepository {
public:
    OutboxRepository(Database& db, AuditLog& audit, const Clock& clock, RegistrationRepository& registrations)
        : m_db(db)
        , m_audit(audit)
        , m_clock(clock)
        , m_registrations(registrations)
    {}

    /// The batch to send now: the batch in flight if there is one (same id, retry = true), otherwise up to
    /// `maxCount` pending rows in sequence order whose payloads add up to at most `maxBytes` (always at least
    /// one row), claimed under a new batch id in one transaction. Empty when nothing waits.
    Result<OutboxBatch> nextBatch(int maxCount, qint64 maxBytes);
    /// The full record to upload (all fields, documents, photos, signature, attachments).
    Result<registration::Registration> payload(const QString& recordUuid);
    /// Applies HQ's answers for a batch in ONE transaction: records become accepted (Accepted, Duplicate) or
    /// rejected with the reason; their outbox rows are done; one audit entry per record. Rows of the batch
    /// without a result go back to pending (in their original order). Unknown uuids are refused (nothing
    /// applied).
    Result<void> applyResults(const QString& batchId, const QList<OutboxResult>& results);
    /// Returns a batch's rows to pending (HQ refused the whole batch); the next batch gets a new id.
    Result<void> releaseBatch(const QString& batchId);

    /// Sets records aside whose payload cannot be read (a damaged page): they leave the batch in flight (which
    /// keeps its id for the others), stay unanswered, and no later batch takes them. One audit entry each.
    Result<void> setAsideUnreadable(const QList<OutboxItem>& items, const QString& why);
    /// Records set aside as unreadable, oldest first; only those HQ has not been told of when `unreportedOnly`.
    Result<QList<UnreadableRecord>> unreadable(int limit, bool unreportedOnly);
    /// HQ took the report of these records (its answer to the batch that carried them).
    Result<void> markUnreadableReported(const QStringList& recordUuids);
    Result<UnreadableCounts> unreadableCounts();

    /// Rows not yet answered by HQ (pending, in flight and set aside as unreadable).
    Result<qint64> queueLength();
    /// Commit time of the oldest row not yet answered; nullopt when the queue is empty.
    Result<std::optional<QDateTime>> oldestUnsent();

private:
    Result<QList<OutboxItem>> select(const QString& where, const QString& bind, int limit);
    /// Adds each item's media size to its payload estimate; a damaged media page leaves the estimate as it is
    /// (the payload read then fails and sets the record aside).
    Result<void> addMediaSizes(QList<OutboxItem>& items);

    Database& m_db;
    AuditLog& m_audit;
    const Clock& m_clock;
    RegistrationRepository& m_registrations;
};

} // namespace shiming::store
