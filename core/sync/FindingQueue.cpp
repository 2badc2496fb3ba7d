#include "core/sync/FindingQueue.h"

#include "core/store/OutletStore.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace shiming::sync {

namespace {

constexpr QStringView kSpotCheck = u"spot_check";
constexpr QStringView kAlert = u"alert";
constexpr QStringView kRaised = u"raised";
constexpr QStringView kAcknowledged = u"acknowledged";

// Verdicts given and not sent, with the sampled record's clerk (the subject HQ files it under).
const auto kSpotSql = uR"(SELECT i.day, i.record_uuid, i.verdict, coalesce(i.note, ''), coalesce(i.checked_by, ''),
    i.checked_at, coalesce(r.clerk, '')
    FROM spot_check_items i LEFT JOIN registrations r ON r.uuid = i.record_uuid
    WHERE i.verdict <> 'unchecked' AND i.sent_at IS NULL ORDER BY i.checked_at, i.day, i.record_uuid)"_s;

// Alerts whose present state HQ does not hold.
const auto kAlertSql = uR"(SELECT id, day, alert_key, coalesce(subject, ''), figure, records, raised_at,
    coalesce(acknowledged_by, ''), acknowledged_at, coalesce(note, ''), coalesce(sent_state, '')
    FROM alerts WHERE sent_state IS NULL OR (sent_state = 'raised' AND acknowledged_by IS NOT NULL)
    ORDER BY raised_at, id)"_s;

const auto kWaitingSql = uR"(SELECT
    (SELECT count(*) FROM spot_check_items WHERE verdict <> 'unchecked' AND sent_at IS NULL) +
    (SELECT count(*) FROM alerts WHERE sent_state IS NULL OR (sent_state = 'raised' AND acknowledged_by IS NOT NULL)))"_s;

qint64 epochMs(const QDateTime& time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

} // namespace

Result<QList<protocol::SyncRecord>> FindingQueue::pending(int max, const QSet<QUuid>& skip)
{
    QList<protocol::SyncRecord> records;
    const auto add = [&](protocol::FindingContent content) {
        if (records.size() >= max)
            return;
        auto record = protocol::makeFindingRecord(m_outletId, std::move(content));
        if (!skip.contains(record.id))
            records.append(std::move(record));
    };

    auto spot = m_store.database().prepare(kSpotSql);
    if (!spot)
        return fail(spot.error());
    if (auto r = store::forEachRow(*spot,
                                   [&](store::Statement& s) {
                                       protocol::FindingContent c;
                                       c.type = kSpotCheck.toString();
                                       c.day = s.text(0);
                                       c.key = s.text(1);
                                       c.state = s.text(2);
                                       c.note = s.text(3);
                                       c.actor = s.text(4);
                                       c.atMs = epochMs(s.dateTime(5));
                                       c.subject = s.text(6);
                                       c.records = {c.key};
                                       add(std::move(c));
                                   });
        !r)
        return fail(r.error());

    auto alerts = m_store.database().prepare(kAlertSql);
    if (!alerts)
        return fail(alerts.error());
    if (auto r = store::forEachRow(*alerts,
                                   [&](store::Statement& s) {
                                       protocol::FindingContent c;
                                       c.type = kAlert.toString();
                                       c.day = s.text(1);
                                       c.key = s.text(2);
                                       c.subject = s.text(3);
                                       c.figure = s.int64(4);
                                       c.records = s.text(5).split(u',', Qt::SkipEmptyParts);
                                       const QString acknowledgedBy = s.text(7);
                                       const QString sentState = s.text(10);
                                       if (sentState.isEmpty()) {
                                           protocol::FindingContent raised = c;
                                           raised.state = kRaised.toString();
                                           raised.atMs = epochMs(s.dateTime(6));
                                           add(std::move(raised));
                                       }
                                       if (!acknowledgedBy.isEmpty()) {
                                           c.state = kAcknowledged.toString();
                                           c.actor = acknowledgedBy;
                                           c.atMs = epochMs(s.dateTime(8));
                                           c.note = s.text(9);
                                           add(std::move(c));
                                       }
                                   });
        !r)
        return fail(r.error());
    return records;
}

Result<qint64> FindingQueue::waiting(store::OutletStore& store)
{
    auto count = store.database().queryInt(kWaitingSql);
    if (!count)
        return fail(count.error());
    return *count;
}

Result<int> FindingQueue::applyResults(const QList<protocol::SyncRecord>& findings,
                                       const QList<protocol::RecordAnswer>& answers)
{
    QHash<QUuid, const protocol::SyncRecord*> byId;
    for (const protocol::SyncRecord& record : findings)
        byId.insert(record.id, &record);
    int marked = 0;
    auto applied = m_store.inTransaction([&]() -> Result<void> {
        const QDateTime now = m_store.clock().now();
        for (const protocol::RecordAnswer& answer : answers) {
            const auto it = byId.constFind(answer.recordId);
            if (it == byId.cend())
                continue;
            const bool held = answer.isAccepted() || answer.reason == QLatin1StringView(protocol::reason::UuidConflict);
            if (!held)
                continue; // left for the next pass (an HQ that does not know findings yet, say)
            const protocol::FindingContent& c = (*it)->findingContent;
            const QDateTime at = QDateTime::fromMSecsSinceEpoch(c.atMs, Qt::UTC);
            // Only a row still in the state that went: a verdict changed meanwhile goes again.
            auto stmt = m_store.database().prepare(
                c.type == kSpotCheck ? u"UPDATE spot_check_items SET sent_at = ? WHERE day = ? AND record_uuid = ? AND "
                                       u"checked_at = ? AND verdict = ? AND sent_at IS NULL"_s
                : c.state == kRaised ? u"UPDATE alerts SET sent_at = ?, sent_state = 'raised' WHERE day = ? AND "
                                       u"alert_key = ? AND raised_at = ? AND sent_state IS NULL"_s
                                     : u"UPDATE alerts SET sent_at = ?, sent_state = 'acknowledged' WHERE day = ? AND "
                                       u"alert_key = ? AND acknowledged_at = ?"_s);
            if (!stmt)
                return fail(stmt.error());
            stmt->bind(1, now).bind(2, c.day).bind(3, c.key).bind(4, at);
            if (c.type == kSpotCheck)
                stmt->bind(5, c.state);
            if (auto r = stmt->run(); !r)
                return r;
            marked += int(m_store.database().changes());
        }
        return {};
    });
    if (!applied)
        return fail(applied.error());
    return marked;
}

} // namespace shiming::sync
