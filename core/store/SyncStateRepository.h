#pragma once

#include "core/common/Error.h"
#include "core/store/Database.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace shiming::store {

/// Key/value state of the sync (downlink cursors, last success, last error, enrolment id). Values are bytes;
/// store JSON or text as you like. Joins the caller's transaction when one is open.
class SyncStateRepository {
public:
    explicit SyncStateRepository(Database& db)
        : m_db(db)
    {}

    Result<std::optional<QByteArray>> value(const QString& key);
    Result<void> setValue(const QString& key, const QByteArray& value);
    Result<void> remove(const QString& key);

private:
    Database& m_db;
};

} // namespace shiming::store
