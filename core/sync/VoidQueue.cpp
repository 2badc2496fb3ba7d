#include "core/sync/VoidQueue.h"

#include "core/store/OutletStore.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace shiming::sync {

namespace {

// Voided registrations HQ has answered and not yet heard the void of. The actor is the manager named by the
// audit entry of the void (the registration row keeps only time and reason).
const auto kPendingSql = uR"(SELECT r.uuid, r.voided_at, coalesce(r.void_reason, ''),
    coalesce((SELECT a.actor FROM audit a WHERE a.record_uuid = r.uuid AND a.action = 'record_voided'
              ORDER BY a.id DESC LIMIT 1), '')
    FROM registrations r JOIN outbox o ON o.registration_id = r.id
    WHERE r.status = 'voided' AND o.state = 'done'
      AND NOT EXISTS (SELECT 1 FROM sync_state s WHERE s.key = ? || r.uuid)
    ORDER BY r.voided_at, r.id LIMIT ?)"_s;

const auto kWaitingSql = uR"(SELECT count(*) FROM registrations r
    WHERE r.status = 'voided' AND NOT EXISTS (SELECT 1 FROM sync_state s WHERE s.key = ? || r.uuid))"_s;

} // namespace

Result<QList<protocol::SyncRecord>> VoidQueue::pending(int max)
{
    auto statement = m_store.database().prepare(kPendingSql);
    if (!statement)
        return fail(statement.error());
    statement->bind(1, QString::fromLatin1(kStatePrefix)).bind(2, max);
    QList<protocol::SyncRecord> records;
    for (;;) {
        auto row = statement->step();
        if (!row)
            return fail(row.error());
        if (!*row)
            break;
        const QUuid original = QUuid::fromString(statement->text(0));
        if (original.isNull())
            continue; // not a UUID: HQ never knew this record under it
        protocol::VoidContent content;
        content.original = original;
        const QDateTime at = statement->dateTime(1);
        content.voidedAtMs = at.isValid() ? at.toMSecsSinceEpoch() : 0;
        content.reason = statement->text(2);
        content.actor = statement->text(3);
        records.append(protocol::makeVoidRecord(protocol::voidRecordId(original), 0, std::move(content)));
    }
    return records;
}

Result<qint64> VoidQueue::waiting()
{
    auto statement = m_store.database().prepare(kWaitingSql);
    if (!statement)
        return fail(statement.error());
    statement->bind(1, QString::fromLatin1(kStatePrefix));
    auto row = statement->step();
    if (!row)
        return fail(row.error());
    return *row ? statement->int64(0) : 0;
}

Result<void> VoidQueue::applyResults(const QList<protocol::SyncRecord>& voids,
                                     const QList<protocol::RecordAnswer>& answers)
{
    QHash<QUuid, QUuid> originalOf;
    for (const auto& record : voids)
        originalOf.insert(record.id, record.voidContent.original);
    return m_store.inTransaction([&]() -> Result<void> {
        for (const protocol::RecordAnswer& answer : answers) {
            const auto it = originalOf.constFind(answer.recordId);
            if (it == originalOf.cend())
                continue;
            const QString original = it->toString(QUuid::WithoutBraces);
            const QString outcome = answer.isAccepted() ? u"accepted"_s : u"rejected "_s + answer.reason;
            if (auto r = m_store.syncState().setValue(QString::fromLatin1(kStatePrefix) + original,
                                                      (outcome + u' ' + answer.hqReference).toUtf8());
                !r)
                return r;
            if (auto r = m_store.audit().append(store::audit::HqResult, u"sync"_s, original,
                                                u"void "_s + outcome + u" by HQ"_s);
                !r)
                return fail(r.error());
        }
        return {};
    });
}

} // namespace shiming::sync
