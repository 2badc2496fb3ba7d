#include "core/store/DownlinkRepository.h"

using namespace Qt::StringLiterals;

namespace shiming::store {

Result<void> DownlinkRepository::upsert(const DownlinkItem& item)
{
    if (item.kind.isEmpty() || item.key.isEmpty())
        return fail(Error::invalidInput(u"a downlink item needs a kind and a key"_s));
    auto stmt = m_db.prepare(
        u"INSERT OR REPLACE INTO downlink (kind, item_key, payload, version, updated_at) VALUES (?,?,?,?,?)"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, item.kind).bind(2, item.key).bind(3, item.payload.isNull() ? QByteArray("") : item.payload);
    stmt->bind(4, item.version).bind(5, item.updatedAt.isValid() ? item.updatedAt : m_clock.now());
    return stmt->run();
}

Result<void> DownlinkRepository::remove(const QString& kind, const QString& key)
{
    auto stmt = m_db.prepare(u"DELETE FROM downlink WHERE kind = ? AND item_key = ?"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, kind).bind(2, key);
    return stmt->run();
}

Result<void> DownlinkRepository::replaceKind(const QString& kind, const QList<DownlinkItem>& items)
{
    const bool own = !m_db.inTransaction();
    std::optional<Transaction> tx;
    if (own) {
        auto begun = Transaction::begin(m_db);
        if (!begun)
            return fail(begun.error());
        tx.emplace(std::move(*begun));
    }
    auto del = m_db.prepare(u"DELETE FROM downlink WHERE kind = ?"_s);
    if (!del)
        return fail(del.error());
    del->bind(1, kind);
    if (auto r = del->run(); !r)
        return r;
    for (DownlinkItem item : items) {
        item.kind = kind;
        if (auto r = upsert(item); !r)
            return r;
    }
    return own ? tx->commit() : Result<void>();
}

Result<QList<DownlinkItem>> DownlinkRepository::items(const QString& kind)
{
    auto stmt = m_db.prepare(
        u"SELECT kind, item_key, payload, version, updated_at FROM downlink WHERE kind = ? ORDER BY item_key"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, kind);
    QList<DownlinkItem> list;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return fail(row.error());
        if (!*row)
            break;
        list.append({stmt->text(0), stmt->text(1), stmt->blob(2), stmt->text(3), stmt->dateTime(4)});
    }
    return list;
}

Result<std::optional<DownlinkItem>> DownlinkRepository::item(const QString& kind, const QString& key)
{
    auto stmt = m_db.prepare(
        u"SELECT kind, item_key, payload, version, updated_at FROM downlink WHERE kind = ? AND item_key = ?"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, kind).bind(2, key);
    auto row = stmt->step();
    if (!row)
        return fail(row.error());
    if (!*row)
        return std::optional<DownlinkItem>();
    return std::optional<DownlinkItem>(
        DownlinkItem{stmt->text(0), stmt->text(1), stmt->blob(2), stmt->text(3), stmt->dateTime(4)});
}

} // namespace shiming::store
