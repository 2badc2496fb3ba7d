#include "core/review/AuditQuery.h"

using namespace Qt::StringLiterals;

namespace shiming::review {

namespace {

Result<QList<store::AuditEntry>> readEntries(store::Statement& stmt)
{
    QList<store::AuditEntry> entries;
    while (true) {
        auto more = stmt.step();
        if (!more)
            return fail(more.error());
        if (!*more)
            break;
        entries.append({stmt.int64(0), stmt.dateTime(1), stmt.text(2), stmt.text(3), stmt.text(4), stmt.text(5)});
    }
    return entries;
}

Result<QStringList> column(store::Database& db, const QString& sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return fail(stmt.error());
    QStringList values;
    while (true) {
        auto more = stmt->step();
        if (!more)
            return fail(more.error());
        if (!*more)
            break;
        values.append(stmt->text(0));
    }
    return values;
}

} // namespace

Result<QList<store::AuditEntry>> AuditQuery::page(const AuditFilter& filter, qint64 beforeId, int limit)
{
    QString sql = u"SELECT id, at, actor, action, record_uuid, detail FROM audit WHERE id < ?"_s;
    QStringList values;
    if (!filter.actor.isEmpty()) {
        sql += u" AND actor = ?"_s;
        values.append(filter.actor);
    }
    if (!filter.action.isEmpty()) {
        sql += u" AND action = ?"_s;
        values.append(filter.action);
    }
    if (!filter.recordUuid.isEmpty()) {
        sql += u" AND record_uuid = ?"_s;
        values.append(filter.recordUuid);
    }
    // Times are stored in UTC; the filter's dates are the counter's local days.
    if (filter.from.isValid()) {
        sql += u" AND at >= ?"_s;
        values.append(store::storedTime(filter.from.startOfDay()));
    }
    if (filter.to.isValid()) {
        sql += u" AND at < ?"_s;
        values.append(store::storedTime(filter.to.addDays(1).startOfDay()));
    }
    sql += u" ORDER BY id DESC LIMIT ?"_s;
    auto stmt = m_store.database().prepare(sql);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max());
    int index = 2;
    for (const QString& value : std::as_const(values))
        stmt->bind(index++, value);
    stmt->bind(index, qint64(limit));
    return readEntries(*stmt);
}

Result<qint64> AuditQuery::firstIdAtOrAfter(const QDateTime& at)
{
    if (!at.isValid())
        return 1;
    auto last = m_store.database().queryInt(u"SELECT coalesce(max(id), 0) FROM audit"_s);
    if (!last)
        return fail(last.error());
    auto stmt = m_store.database().prepare(u"SELECT at FROM audit WHERE id = ?"_s);
    if (!stmt)
        return fail(stmt.error());
    const QString target = store::storedTime(at);
    qint64 low = 1;
    qint64 high = *last + 1;
    while (low < high) {
        const qint64 middle = low + (high - low) / 2;
        stmt->reset();
        stmt->bind(1, middle);
        auto row = stmt->step();
        if (!row)
            return fail(row.error());
        // A missing id (a gap the chain check reports) counts as "later": the search stays on the safe side.
        if (*row && stmt->text(0) < target)
            low = middle + 1;
        else
            high = middle;
    }
    stmt->reset();
    return low;
}

Result<QList<store::AuditEntry>> AuditQuery::history(const QString& recordUuid, const QDateTime& notBefore, int limit)
{
    auto fromId = firstIdAtOrAfter(notBefore.isValid() ? notBefore.addDays(-1) : QDateTime());
    if (!fromId)
        return fail(fromId.error());
    auto stmt = m_store.database().prepare(u"SELECT id, at, actor, action, record_uuid, detail FROM audit WHERE "
                                           u"id >= ? AND record_uuid = ? ORDER BY id LIMIT ?"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, *fromId).bind(2, recordUuid).bind(3, qint64(limit));
    return readEntries(*stmt);
}

Result<QStringList> AuditQuery::actions()
{
    return column(m_store.database(), u"SELECT DISTINCT action FROM audit ORDER BY 1"_s);
}

Result<store::AuditReport> AuditQuery::verify()
{
    return m_store.audit().verify();
}

Result<QStringList> AuditQuery::actors()
{
    return column(m_store.database(),
                  u"SELECT name FROM accounts UNION SELECT 'system' UNION SELECT 'sync' ORDER BY 1"_s);
}

} // namespace shiming::review
