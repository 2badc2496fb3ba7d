#include "core/store/OutboxRepository.h"

#include "core/store/RegistrationRepository.h"

#include <QSet>
#include <QUuid>

#include <optional>

using namespace Qt::StringLiterals;

namespace shiming::store {

namespace {
constexpr qint64 kFieldAllowance = 4096;
}

Result<QList<OutboxItem>> OutboxRepository::select(const QString& where, const QString& bind, int limit)
{
    // The outbox alone: its rows name their records, so a damaged registration or media page cannot stop it.
    auto stmt = m_db.prepare(u"SELECT o.seq, o.record_uuid, o.attempts, o.created_at FROM outbox o WHERE "_s + where +
                             u" ORDER BY o.seq LIMIT ?"_s);
    if (!stmt)
        return fail(stmt.error());
    int index = 1;
    if (!bind.isNull())
        stmt->bind(index++, bind);
    stmt->bind(index, limit);
    QList<OutboxItem> items;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return fail(row.error());
        if (!*row)
            break;
        items.append({stmt->int64(0), stmt->text(1), kFieldAllowance, int(stmt->int64(2)), stmt->dateTime(3)});
    }
    return items;
}

Result<void> OutboxRepository::addMediaSizes(QList<OutboxItem>& items)
{
    auto size = m_db.prepare(uR"(SELECT coalesce(sum(m.size), 0) FROM media m
        WHERE m.registration_id = (SELECT registration_id FROM outbox WHERE seq = ?))"_s);
    if (!size)
        return fail(size.error());
    for (OutboxItem& item : items) {
        size->reset();
        size->bind(1, item.seq);
        auto row = size->step();
        if (!row && row.error().reason() == Reason::DatabaseDamaged)
            continue;
        if (!row)
            return fail(row.error());
        if (*row)
            item.payloadBytes += size->int64(0);
    }
    return {};
}

Result<OutboxBatch> OutboxRepository::nextBatch(int maxCount, qint64 maxBytes)
{
    if (maxCount <= 0)
        return fail(Error::invalidInput(u"a batch holds at least one record"_s));
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return fail(tx.error());
    OutboxBatch batch;
    auto inFlight = m_db.queryText(u"SELECT batch_id FROM outbox WHERE state = 'in_flight' ORDER BY seq LIMIT 1"_s);
    if (inFlight) {
        batch.batchId = *inFlight;
        batch.retry = true;
        auto items = select(u"o.state = 'in_flight' AND o.batch_id = ?"_s, batch.batchId, 1 << 30);
        if (!items)
            return fail(items.error());
        batch.items = *items;
        if (auto r = addMediaSizes(batch.items); !r)
            return fail(r.error());
    } else if (inFlight.error().code != Error::Code::NotFound) {
        return fail(inFlight.error());
    } else {
        auto items = select(u"o.state = 'pending' AND o.unreadable_at IS NULL"_s, QString(), maxCount);
        if (!items)
            return fail(items.error());
        if (auto r = addMediaSizes(*items); !r)
            return fail(r.error());
        qint64 bytes = 0;
        for (const OutboxItem& item : std::as_const(*items)) {
            if (!batch.items.isEmpty() && bytes + item.payloadBytes > maxBytes)
                break;
            bytes += item.payloadBytes;
            batch.items.append(item);
        }
        if (batch.items.isEmpty())
            return batch;
        batch.batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    auto mark = m_db.prepare(uR"(UPDATE outbox SET state = 'in_flight', batch_id = ?, attempts = attempts + 1,
        sent_at = ? WHERE seq = ?)"_s);
    auto status = m_db.prepare(uR"(UPDATE registrations SET status = 'sent' WHERE status = 'committed'
        AND id = (SELECT registration_id FROM outbox WHERE seq = ?))"_s);
    if (!mark || !status)
        return fail(!mark ? mark.error() : status.error());
    for (OutboxItem& item : batch.items) {
        mark->reset();
        mark->bind(1, batch.batchId).bind(2, m_clock.now()).bind(3, item.seq);
        if (auto r = mark->run(); !r)
            return fail(r.error());
        status->reset();
        status->bind(1, item.seq);
        // A damaged registration page: the record's status stays; reading its payload sets it aside.
        if (auto r = status->run(); !r && (r.error().reason() != Reason::DatabaseDamaged || !m_db.inTransaction()))
            return fail(r.error());
        ++item.attempts;
    }
    if (auto r = tx->commit(); !r)
        return fail(r.error());
    return batch;
}

Result<registration::Registration> OutboxRepository::payload(const QString& recordUuid)
{
    return m_registrations.load(recordUuid, true);
}

Result<void> OutboxRepository::applyResults(const QString& batchId, const QList<OutboxResult>& results)
{
    // Joins the caller's transaction when one is open (the sync stores HQ's figures with the answers).
    std::optional<Transaction> tx;
    if (!m_db.inTransaction()) {
        auto begun = Transaction::begin(m_db);
        if (!begun)
            return fail(begun.error());
        tx.emplace(std::move(*begun));
    }
    auto members = select(u"o.state = 'in_flight' AND o.batch_id = ?"_s, batchId, 1 << 30);
    if (!members)
        return fail(members.error());
    QSet<QString> inBatch;
    for (const OutboxItem& item : std::as_const(*members))
        inBatch.insert(item.recordUuid);

    auto record = m_db.prepare(uR"(UPDATE registrations SET
        status = CASE WHEN status = 'voided' THEN 'voided' ELSE ? END,
        hq_reason = ?, hq_reference = ?, hq_time = ? WHERE uuid = ?)"_s);
    auto row = m_db.prepare(uR"(UPDATE outbox SET state = 'done', done_at = ?
        WHERE registration_id = (SELECT id FROM registrations WHERE uuid = ?))"_s);
    if (!record || !row)
        return fail(!record ? record.error() : row.error());
    QSet<QString> answered;
    for (const OutboxResult& result : results) {
        if (!inBatch.contains(result.recordUuid))
            return fail(Error::invalidInput(u"a result names a record that is not in this batch"_s));
        const bool rejected = result.outcome == OutboxResult::Outcome::Rejected;
        const QDateTime at = result.hqTime.isValid() ? result.hqTime : m_clock.now();
        record->reset();
        record->bind(1, rejected ? u"rejected"_s : u"accepted"_s);
        record->bind(2, rejected ? result.reasonCode : QString()).bind(3, result.hqReference).bind(4, at);
        record->bind(5, result.recordUuid);
        if (auto r = record->run(); !r)
            return fail(r.error());
        row->reset();
        row->bind(1, m_clock.now()).bind(2, result.recordUuid);
        if (auto r = row->run(); !r)
            return fail(r.error());
        const QString detail = rejected ? u"rejected: "_s + result.reasonCode
                               : result.outcome == OutboxResult::Outcome::Duplicate ? u"accepted (duplicate)"_s
                                                                                    : u"accepted"_s;
        if (auto r = m_audit.append(audit::HqResult, u"sync"_s, result.recordUuid, detail); !r)
            return fail(r.error());
        answered.insert(result.recordUuid);
    }
    auto back = m_db.prepare(uR"(UPDATE outbox SET state = 'pending', batch_id = NULL
        WHERE state = 'in_flight' AND batch_id = ?)"_s);
    if (!back)
        return fail(back.error());
    back->bind(1, batchId);
    if (auto r = back->run(); !r)
        return fail(r.error());
    return tx ? tx->commit() : Result<void>();
}

Result<void> OutboxRepository::releaseBatch(const QString& batchId)
{
    auto stmt = m_db.prepare(
        u"UPDATE outbox SET state = 'pending', batch_id = NULL WHERE state = 'in_flight' AND batch_id = ?"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, batchId);
    return stmt->run();
}

Result<void> OutboxRepository::setAsideUnreadable(const QList<OutboxItem>& items, const QString& why)
{
    if (items.isEmpty())
        return {};
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return fail(tx.error());
    auto stmt = m_db.prepare(uR"(UPDATE outbox SET state = 'pending', batch_id = NULL, unreadable_at = ?
        WHERE seq = ? AND state != 'done')"_s);
    if (!stmt)
        return fail(stmt.error());
    for (const OutboxItem& item : items) {
        stmt->reset();
        stmt->bind(1, m_clock.now()).bind(2, item.seq);
        if (auto r = stmt->run(); !r)
            return fail(r.error());
        if (auto r = m_audit.append(audit::RecordUnreadable, u"sync"_s, item.recordUuid, why); !r)
            return fail(r.error());
    }
    return tx->commit();
}

Result<QList<UnreadableRecord>> OutboxRepository::unreadable(int limit, bool unreportedOnly)
{
    auto stmt = m_db.prepare(uR"(SELECT seq, record_uuid, unreadable_at, unreadable_reported_at FROM outbox
        WHERE unreadable_at IS NOT NULL AND state != 'done')"_s +
                             (unreportedOnly ? u" AND unreadable_reported_at IS NULL"_s : QString()) +
                             u" ORDER BY seq LIMIT ?"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, limit);
    QList<UnreadableRecord> records;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return fail(row.error());
        if (!*row)
            break;
        records.append(
            {stmt->int64(0), stmt->text(1), stmt->dateTime(2), stmt->isNull(3) ? QDateTime() : stmt->dateTime(3)});
    }
    return records;
}

Result<void> OutboxRepository::markUnreadableReported(const QStringList& recordUuids)
{
    if (recordUuids.isEmpty())
        return {};
    std::optional<Transaction> tx;
    if (!m_db.inTransaction()) {
        auto begun = Transaction::begin(m_db);
        if (!begun)
            return fail(begun.error());
        tx.emplace(std::move(*begun));
    }
    auto stmt = m_db.prepare(uR"(UPDATE outbox SET unreadable_reported_at = ?
        WHERE record_uuid = ? AND unreadable_at IS NOT NULL AND unreadable_reported_at IS NULL)"_s);
    if (!stmt)
        return fail(stmt.error());
    for (const QString& uuid : recordUuids) {
        stmt->reset();
        stmt->bind(1, m_clock.now()).bind(2, uuid);
        if (auto r = stmt->run(); !r)
            return fail(r.error());
    }
    return tx ? tx->commit() : Result<void>();
}

Result<UnreadableCounts> OutboxRepository::unreadableCounts()
{
    auto stmt = m_db.prepare(uR"(SELECT count(*), count(unreadable_reported_at) FROM outbox
        WHERE unreadable_at IS NOT NULL AND state != 'done')"_s);
    if (!stmt)
        return fail(stmt.error());
    auto row = stmt->step();
    if (!row)
        return fail(row.error());
    return UnreadableCounts{stmt->int64(0), stmt->int64(1)};
}

Result<qint64> OutboxRepository::queueLength()
{
    return m_db.queryInt(u"SELECT count(*) FROM outbox WHERE state != 'done'"_s);
}

Result<std::optional<QDateTime>> OutboxRepository::oldestUnsent()
{
    auto stmt = m_db.prepare(u"SELECT created_at FROM outbox WHERE state != 'done' ORDER BY seq LIMIT 1"_s);
    if (!stmt)
        return fail(stmt.error());
    auto row = stmt->step();
    if (!row)
        return fail(row.error());
    if (!*row)
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(stmt->dateTime(0));
}

} // namespace shiming::store
