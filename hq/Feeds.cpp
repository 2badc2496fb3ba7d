#include "hq/Feeds.h"

#include "hq/PgUtil.h"

#include <pqxx/pqxx>

#include <QCborValue>

using namespace Qt::StringLiterals;

namespace shiming::hq::feeds {

Result<protocol::FeedPage> page(pqxx::connection& connection, const QString& feed, const QString& outletId,
                                qint64 cursor, int limit)
{
    if (!protocol::feed::all().contains(feed))
        return fail(Error::notFound(u"no such feed"_s));
    try {
        pqxx::read_transaction tx(connection);
        const pqxx::result rows =
            tx.exec_params("SELECT seq, item_key, removed, body FROM feed_items WHERE feed = $1 AND seq > $2 "
                           "AND (outlet_id IS NULL OR outlet_id = $3) ORDER BY seq LIMIT $4",
                           pg::str(feed), cursor, pg::str(outletId), limit + 1);
        protocol::FeedPage result;
        result.feed = feed;
        result.cursor = cursor;
        result.more = int(rows.size()) > limit;
        for (int i = 0; i < int(rows.size()) && i < limit; ++i) {
            const auto& row = rows[i];
            protocol::FeedItem item;
            item.sequence = row[0].as<qint64>();
            item.key = pg::qstr(row[1].as<std::string>());
            item.removed = row[2].as<bool>();
            const pqxx::binarystring body(row[3]);
            item.body = QCborValue::fromCbor(QByteArray(body.get(), qsizetype(body.size()))).toMap();
            result.cursor = item.sequence;
            result.items.append(item);
        }
        return result;
    } catch (const std::exception& e) {
        return fail(Error::storageFailure(u"feed read failed: %1"_s.arg(pg::describe(e))));
    }
}

Result<qint64> publish(pqxx::connection& connection, const QString& feed, const QString& outletId, const QString& key,
                       const QCborMap& body, bool removed)
{
    if (!protocol::feed::all().contains(feed))
        return fail(Error::notFound(u"no such feed"_s));
    try {
        pqxx::work tx(connection);
        tx.exec("LOCK TABLE feed_items IN EXCLUSIVE MODE");
        const QByteArray bytes = QCborValue(body).toCbor();
        const pqxx::row row = tx.exec_params1(
            "INSERT INTO feed_items (feed, outlet_id, item_key, removed, body) VALUES ($1, NULLIF($2, ''), $3, $4, $5) "
            "RETURNING seq",
            pg::str(feed), pg::str(outletId), pg::str(key), removed,
            pqxx::binarystring(bytes.constData(), size_t(bytes.size())));
        tx.commit();
        return row[0].as<qint64>();
    } catch (const std::exception& e) {
        return fail(Error::storageFailure(u"feed publish failed: %1"_s.arg(pg::describe(e))));
    }
}

} // namespace shiming::hq::feeds
