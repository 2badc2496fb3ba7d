#pragma once

#include "core/common/Clock.h"
#include "core/common/Error.h"
#include "core/store/AccountRepository.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/DownlinkRepository.h"
#include "core/store/OutboxRepository.h"
#include "core/store/RegistrationRepository.h"
#include "core/store/StoreOptions.h"
#include "core/store/SyncStateRepository.h"

#include <functional>
#include <memory>

namespace shiming::store {

/// Result of OutletStore::check(): one line per check.
struct StoreCheck {
    struct Item {
        QString name;
        bool ok = true;
        QString detail;
    };
    QList<Item> items;
    bool ok() const
    {
        for (const Item& item : items) {
            if (!item.ok)
                return false;
        }
        return true;
    }
};

/// The last page check of an outlet database (OutletStore::checkPages): what the counter tells the clerk and
/// the manager, and what the sync status carries.
struct StoreHealth {
    QDateTime checkedAt; ///< invalid before the first check
    bool damaged = false;
    QString problem; ///< English, no personal data: the first lines SQLite reported
};

/// An outlet's open, unlocked database with its repositories. Obtain one through auth::Authenticator (which
/// unwraps the data key from the account's key slot) or, in tests and tools, with a data key directly.
class OutletStore {
public:
    /// Creates a new database at `path` (refuses an existing file), migrates it and records the outlet id.
    static Result<std::unique_ptr<OutletStore>> create(const QString& path, const QString& outletId,
                                                       const QByteArray& dataKey, const Clock& clock,
                                                       StoreOptions options = {});
    /// Opens an existing database with its data key and migrates it to the latest schema.
    static Result<std::unique_ptr<OutletStore>> open(const QString& path, const QByteArray& dataKey, const Clock& clock,
                                                     StoreOptions options = {});

    /// The SQLCipher salt of a database file (its first 16 bytes); empty when unreadable.
    static QByteArray readDatabaseSalt(const QString& path);

    Database& database() { return m_db; }
    QString path() const { return m_db.path(); }
    QString outletId() const { return m_outletId; }
    /// keyIdOf() of the data key the database is open with.
    QString keyId() const { return m_keyId; }
    const Clock& clock() const { return m_clock; }
    StoreOptions& options() { return m_options; }

    AuditLog& audit() { return m_audit; }
    AccountRepository& accounts() { return m_accounts; }
    RegistrationRepository& registrations() { return m_registrations; }
    OutboxRepository& outbox() { return m_outbox; }
    SyncStateRepository& syncState() { return m_syncState; }
    DownlinkRepository& downlink() { return m_downlink; }

    /// Runs `work` in one transaction (BEGIN IMMEDIATE ... COMMIT; rolled back when it fails). Repositories
    /// called inside join it. The hook for the sync's downlink: apply a page of items and its cursor at once.
    /// Runs `work` in one transaction: commits when it succeeds, rolls back when it fails. Inside a transaction
    /// that is already open it joins that one.
    Result<void> inTransaction(const std::function<Result<void>()>& work);

    /// Integrity check, cipher settings, schema version, foreign keys, outbox completeness, audit chain.
    Result<StoreCheck> check();
    /// SQLite's quick check of every page (run at open and by the sync, see SyncEngine::Options); the result is kept in
    /// health(). Fails only when the check itself cannot run; a damaged page is a finding, not a failure.
    Result<StoreHealth> checkPages();
    const StoreHealth& health() const { return m_health; }

    /// Re-encrypts the database with a fresh data key and rewraps every account slot (and the recovery slot)
    /// in the slot file beside it. Crash-safe: the slot file holds both keys until the rekey committed.
    Result<void> rekey(const QString& actor);

private:
    OutletStore(Database db, QString outletId, const Clock& clock, StoreOptions options);

    Database m_db;
    QString m_outletId;
    QString m_keyId;
    const Clock& m_clock;
    StoreOptions m_options;
    StoreHealth m_health;
    AuditLog m_audit;
    AccountRepository m_accounts;
    RegistrationRepository m_registrations;
    OutboxRepository m_outbox;
    SyncStateRepository m_syncState;
    DownlinkRepository m_downlink;
};

} // namespace shiming::store
