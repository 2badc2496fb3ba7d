#include "core/store/SyncStateRepository.h"

using namespace Qt::StringLiterals;

namespace shiming::store {

Result<std::optional<QByteArray>> SyncStateRepository::value(const QString& key)
{
    auto stmt = m_db.prepare(u"SELECT value FROM sync_state WHERE key = ?"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, key);
    auto row = stmt->step();
    if (!row)
        return fail(row.error());
    if (!*row)
        return std::optional<QByteArray>();
    QByteArray bytes = stmt->blob(0);
    if (bytes.isNull())
        bytes = QByteArray("");
    return std::optional<QByteArray>(bytes);
}

Result<void> SyncStateRepository::setValue(const QString& key, const QByteArray& value)
{
    auto stmt = m_db.prepare(u"INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, key).bind(2, value.isNull() ? QByteArray("") : value);
    return stmt->run();
}

Result<void> SyncStateRepository::remove(const QString& key)
{
    auto stmt = m_db.prepare(u"DELETE FROM sync_state WHERE key = ?"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, key);
    return stmt->run();
}

} // namespace shiming::store
