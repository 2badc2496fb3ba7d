#pragma once

#include "core/common/Error.h"

#include <QByteArray>
#include <QCborMap>
#include <QList>
#include <QString>
#include <QStringList>

namespace shiming::protocol {

/// The downlink feeds HQ publishes. Each is read by cursor: the outlet asks for items after the cursor it
/// last applied, applies the page and the page's cursor in one transaction, and asks again while `more`.
namespace feed {
inline constexpr auto Catalog = "catalog";
inline constexpr auto NumberPool = "number_pool"; // leases for this outlet only
inline constexpr auto RiskList = "risk_list";     // keys are identity HMACs, never document numbers
inline constexpr auto Accounts = "accounts";
inline constexpr auto Settings = "settings"; // face thresholds included
QStringList all();
} // namespace feed

/// One change in a feed: the item with `key` now has `body`, or was removed.
struct FeedItem {
    qint64 sequence = 0;
    QString key;
    bool removed = false;
    QCborMap body;
};

struct FeedPage {
    QString feed;
    qint64 cursor = 0; // the cursor to store after applying this page
    bool more = false;
    QList<FeedItem> items;
};

inline constexpr int kMaxFeedItemsPerPage = 500;

QByteArray encodeFeedPage(const FeedPage& page);
Result<FeedPage> decodeFeedPage(const QByteArray& bytes);

} // namespace shiming::protocol
