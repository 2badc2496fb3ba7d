#include "core/store/AuditLog.h"

#include <QtEndian>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace shiming::store {

namespace {

const QByteArray kGenesis(crypto_hash_sha256_BYTES, '\0');

void addField(QByteArray& buffer, const QString& value)
{
    const QByteArray bytes = value.toUtf8();
    char length[4];
    qToBigEndian(quint32(bytes.size()), length);
    buffer.append(length, 4);
    buffer.append(bytes);
}

QByteArray entryHash(const QByteArray& previous, const AuditEntry& entry)
{
    QByteArray buffer = previous;
    addField(buffer, QString::number(entry.id));
    addField(buffer, storedTime(entry.at));
    addField(buffer, entry.actor);
    addField(buffer, entry.action);
    addField(buffer, entry.recordUuid);
    addField(buffer, entry.detail);
    QByteArray out(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(out.data()),
                       reinterpret_cast<const unsigned char*>(buffer.constData()), quint64(buffer.size()));
    return out;
}

struct Head {
    qint64 id = 0;
    QByteArray hash = kGenesis;
};

Result<Head> readHead(Database& db)
{
    auto cached = db.cached(u"SELECT value FROM meta WHERE key = 'audit_head'"_s);
    if (!cached)
        return fail(cached.error());
    StatementLease stmt(*cached);
    auto row = stmt->step();
    if (!row)
        return fail(row.error());
    Head head;
    if (*row) {
        const QStringList parts = stmt->text(0).split(u':');
        if (parts.size() != 2)
            return fail(Error::storageFailure(u"audit head is damaged"_s));
        head.id = parts[0].toLongLong();
        head.hash = QByteArray::fromHex(parts[1].toLatin1());
    }
    return head;
}

} // namespace

Result<qint64> AuditLog::append(QStringView action, const QString& actor, const QString& recordUuid,
                                const QString& detail)
{
    return appendAt(m_clock.now(), action, actor, recordUuid, detail);
}

Result<qint64> AuditLog::appendAt(const QDateTime& at, QStringView action, const QString& actor,
                                  const QString& recordUuid, const QString& detail)
{
    AuditEntry entry{0, at, actor, action.toString(), recordUuid, detail};
    if (m_db.inTransaction())
        return appendInTransaction(entry);
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return fail(tx.error());
    auto id = appendInTransaction(entry);
    if (!id)
        return id;
    if (auto r = tx->commit(); !r)
        return fail(r.error());
    return id;
}

Result<qint64> AuditLog::appendInTransaction(const AuditEntry& input)
{
    auto head = readHead(m_db);
    if (!head)
        return fail(head.error());
    AuditEntry entry = input;
    entry.id = head->id + 1;
    // Times are kept to the millisecond in UTC, exactly as they will be read back for verification.
    entry.at = parseStoredTime(storedTime(entry.at));
    const QByteArray hash = entryHash(head->hash, entry);
    auto insertCached = m_db.cached(
        u"INSERT INTO audit (id, at, actor, action, record_uuid, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)"_s);
    if (!insertCached)
        return fail(insertCached.error());
    StatementLease insert(*insertCached);
    insert->bind(1, entry.id).bind(2, entry.at).bind(3, entry.actor).bind(4, entry.action);
    insert->bind(5, entry.recordUuid.isEmpty() ? QString() : entry.recordUuid);
    insert->bind(6, entry.detail.isEmpty() ? QString() : entry.detail).bind(7, head->hash).bind(8, hash);
    if (auto r = insert->run(); !r)
        return fail(r.error());
    auto setHeadCached = m_db.cached(u"INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_head', ?)"_s);
    if (!setHeadCached)
        return fail(setHeadCached.error());
    StatementLease setHead(*setHeadCached);
    setHead->bind(1, QString::number(entry.id) + u':' + QString::fromLatin1(hash.toHex()));
    if (auto r = setHead->run(); !r)
        return fail(r.error());
    return entry.id;
}

Result<AuditReport> AuditLog::verify()
{
    auto stmt =
        m_db.prepare(u"SELECT id, at, actor, action, record_uuid, detail, prev_hash, hash FROM audit ORDER BY id"_s);
    if (!stmt)
        return fail(stmt.error());
    AuditReport report;
    QByteArray previous = kGenesis;
    qint64 expectedId = 1;
    const auto broken = [&](qint64 id, const QString& problem) {
        report.intact = false;
        report.firstBadId = id;
        report.problem = problem;
        return report;
    };
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return fail(row.error());
        if (!*row)
            break;
        AuditEntry entry{stmt->int64(0), stmt->dateTime(1), stmt->text(2), stmt->text(3), stmt->text(4), stmt->text(5)};
        ++report.entries;
        if (entry.id != expectedId)
            return broken(expectedId, u"entry %1 is missing"_s.arg(expectedId));
        if (stmt->blob(6) != previous)
            return broken(entry.id, u"entry %1 does not follow the entry before it"_s.arg(entry.id));
        const QByteArray hash = entryHash(previous, entry);
        if (stmt->blob(7) != hash)
            return broken(entry.id, u"entry %1 was altered"_s.arg(entry.id));
        previous = hash;
        ++expectedId;
    }
    auto head = readHead(m_db);
    if (!head)
        return fail(head.error());
    if (head->id != expectedId - 1 || head->hash != previous)
        return broken(expectedId,
                      u"the last entries were removed (the chain ends at %1, the head says %2)"_s.arg(expectedId - 1)
                          .arg(head->id));
    return report;
}

Result<QList<AuditEntry>> AuditLog::entries(qint64 fromId, int limit)
{
    auto stmt = m_db.prepare(
        u"SELECT id, at, actor, action, record_uuid, detail FROM audit WHERE id >= ? ORDER BY id LIMIT ?"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, fromId).bind(2, limit);
    QList<AuditEntry> list;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return fail(row.error());
        if (!*row)
            break;
        list.append({stmt->int64(0), stmt->dateTime(1), stmt->text(2), stmt->text(3), stmt->text(4), stmt->text(5)});
    }
    return list;
}

} // namespace shiming::store
