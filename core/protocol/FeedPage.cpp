#include "core/protocol/FeedPage.h"

#include "core/protocol/CborUtil.h"

#include <QCborArray>
#include <QCborValue>

using namespace Qt::StringLiterals;

namespace shiming::protocol {

QStringList feed::all()
{
    return {QString::fromLatin1(Catalog), QString::fromLatin1(NumberPool), QString::fromLatin1(RiskList),
            QString::fromLatin1(Accounts), QString::fromLatin1(Settings)};
}

QByteArray encodeFeedPage(const FeedPage& page)
{
    QCborMap map;
    map.insert("v"_L1, 1);
    map.insert("feed"_L1, page.feed);
    map.insert("cursor"_L1, page.cursor);
    map.insert("more"_L1, page.more);
    QCborArray items;
    for (const FeedItem& item : page.items) {
        QCborMap entry;
        entry.insert("seq"_L1, item.sequence);
        entry.insert("key"_L1, item.key);
        entry.insert("removed"_L1, item.removed);
        entry.insert("body"_L1, item.body);
        items.append(entry);
    }
    map.insert("items"_L1, items);
    return QCborValue(map).toCbor();
}

Result<FeedPage> decodeFeedPage(const QByteArray& bytes)
{
    QCborParserError parseError;
    const QCborValue root = QCborValue::fromCbor(bytes, &parseError);
    if (parseError.error != QCborError::NoError || !root.isMap())
        return fail(Error::syncFailure(u"feed page is not a CBOR map"_s));
    const QCborMap map = root.toMap();
    FeedPage page;
    const auto name = cbor::text(map, "feed"_L1, 64);
    const auto cursor = cbor::integer(map, "cursor"_L1);
    const QCborValue items = map.value("items"_L1);
    if (!name || !cursor || !items.isArray())
        return fail(Error::syncFailure(u"feed page header malformed"_s));
    page.feed = *name;
    page.cursor = *cursor;
    page.more = map.value("more"_L1).toBool(false);
    for (const QCborValue& entry : items.toArray()) {
        if (!entry.isMap())
            return fail(Error::syncFailure(u"feed item malformed"_s));
        const QCborMap e = entry.toMap();
        FeedItem item;
        const auto seq = cbor::integer(e, "seq"_L1);
        const auto key = cbor::text(e, "key"_L1, 256);
        if (!seq || !key)
            return fail(Error::syncFailure(u"feed item malformed"_s));
        item.sequence = *seq;
        item.key = *key;
        item.removed = e.value("removed"_L1).toBool(false);
        item.body = e.value("body"_L1).toMap();
        page.items.append(item);
    }
    return page;
}

} // namespace shiming::protocol
