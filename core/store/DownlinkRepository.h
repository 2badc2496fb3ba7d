#pragma once

#include "core/common/Clock.h"
#include "core/common/Error.h"
#include "core/store/Database.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace shiming::store {

/// Well-known downlink kinds (free text is allowed too).
namespace downlink {
inline constexpr QStringView Packages = u"package";
inline constexpr QStringView NumberPool = u"number";
inline constexpr QStringView RiskList = u"risk";
inline constexpr QStringView Accounts = u"account";
inline constexpr QStringView Settings = u"setting";
} // namespace downlink

struct DownlinkItem {
    QString kind;
    QString key;        ///< unique within the kind (package id, number, risk entry hash, setting name)
    QByteArray payload; ///< as HQ sent it (JSON)
    QString version;    ///< HQ's version or cursor of the item
    QDateTime updatedAt;
};

/// What HQ sends down (packages, number pool, risk list, accounts, settings), stored generically by kind
/// and key. Joins the caller's transaction when one is open; use OutletStore::inTransaction() to apply a
/// whole downlink page and its cursor atomically.
class DownlinkRepository {
public:
    DownlinkRepository(Database& db, const Clock& clock)
        : m_db(db)
        , m_clock(clock)
    {}

    Result<void> upsert(const DownlinkItem& item);
    Result<void> remove(const QString& kind, const QString& key);
    /// Replaces every item of `kind` with `items`.
    Result<void> replaceKind(const QString& kind, const QList<DownlinkItem>& items);
    Result<QList<DownlinkItem>> items(const QString& kind);
    Result<std::optional<DownlinkItem>> item(const QString& kind, const QString& key);

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace shiming::store
