#pragma once

#include "core/common/Clock.h"
#include "core/common/Error.h"
#include "core/store/Database.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace shiming::store {

/// An account as the encrypted database keeps it. `role` is "clerk", "manager" or "admin". The account key
/// (32 bytes) is what the account's key slot wraps the data key with; keeping it here lets a rekey rewrap
/// every slot without knowing the passwords.
struct AccountRecord {
    QString name;
    QString displayName;
    QString role;
    QByteArray accountKey;
    bool active = true;
    QDateTime createdAt;
    QString createdBy;
    QDateTime passwordChangedAt;
};

class AccountRepository {
public:
    AccountRepository(Database& db, const Clock& clock)
        : m_db(db)
        , m_clock(clock)
    {}

    Result<void> add(const AccountRecord& account);
    /// NotFound for an unknown name.
    Result<AccountRecord> get(const QString& name);
    Result<QList<AccountRecord>> all();
    Result<void> setActive(const QString& name, bool active);
    Result<void> setPasswordChanged(const QString& name);

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace shiming::store
