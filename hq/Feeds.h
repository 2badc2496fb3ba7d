#pragma once

#include "core/common/Error.h"
#include "core/protocol/FeedPage.h"

#include <QCborMap>
#include <QString>

#include <pqxx/connection>

namespace shiming::hq {

/// The downlink feeds in PostgreSQL: every change is a new row in feed_items, read by cursor. Publishers take
/// an exclusive table lock so that sequence numbers become visible in order and no reader's cursor can skip
/// a row that commits late.
namespace feeds {

Result<protocol::FeedPage> page(pqxx::connection& connection, const QString& feed, const QString& outletId,
                                qint64 cursor, int limit = protocol::kMaxFeedItemsPerPage);

/// Publishes one item (or its removal). `outletId` empty: for every outlet.
Result<qint64> publish(pqxx::connection& connection, const QString& feed, const QString& outletId, const QString& key,
                       const QCborMap& body, bool removed);

} // namespace feeds
} // namespace shiming::hq
