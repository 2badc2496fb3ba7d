#include "core/store/OutletStore.h"

#include "core/common/Logging.h"
#include "core/store/KeySlots.h"
#include "core/store/Schema.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace shiming::store {

OutletStore::OutletStore(Database db, QString outletId, const Clock& clock, StoreOptions options)
    : m_db(std::move(db))
    , m_outletId(std::move(outletId))
    , m_clock(clock)
    , m_options(options)
    , m_audit(m_db, clock)
    , m_accounts(m_db, clock)
    , m_registrations(m_db, m_audit, clock, m_options, m_outletId)
    , m_outbox(m_db, m_audit, clock, m_registrations)
    , m_syncState(m_db)
    , m_downlink(m_db, clock)
{}

Result<std::unique_ptr<OutletStore>> OutletStore::create(const QString& path, const QString& outletId,
                                                         const QByteArray& dataKey, const Clock& clock,
                                                         StoreOptions options)
{
    if (outletId.isEmpty())
        return fail(Error::invalidInput(u"an outlet id is required"_s));
    auto db = Database::open(path, dataKey, Database::OpenMode::CreateNew);
    if (!db)
        return fail(db.error());
    if (auto r = schema::migrate(*db); !r) {
        QFile::remove(path);
        return fail(r.error());
    }
    auto stmt = db->prepare(u"INSERT INTO meta (key, value) VALUES ('outlet_id', ?)"_s);
    if (!stmt)
        return fail(stmt.error());
    stmt->bind(1, outletId);
    if (auto r = stmt->run(); !r)
        return fail(r.error());
    std::unique_ptr<OutletStore> store(new OutletStore(std::move(*db), outletId, clock, options));
    store->m_keyId = keyIdOf(dataKey);
    return store;
}

Result<std::unique_ptr<OutletStore>> OutletStore::open(const QString& path, const QByteArray& dataKey,
                                                       const Clock& clock, StoreOptions options)
{
    auto db = Database::open(path, dataKey, Database::OpenMode::Existing);
    if (!db)
        return fail(db.error());
    if (auto r = schema::migrate(*db); !r)
        return fail(r.error());
    auto outlet = db->queryText(u"SELECT value FROM meta WHERE key = 'outlet_id'"_s);
    if (!outlet)
        return fail(outlet.error().code == Error::Code::NotFound
                        ? Error::storageFailure(u"the database has no outlet id"_s)
                        : outlet.error());
    std::unique_ptr<OutletStore> store(new OutletStore(std::move(*db), *outlet, clock, options));
    store->m_keyId = keyIdOf(dataKey);
    // A damaged page must not go unnoticed until the sync trips over it: the sign-in screen, the manager and
    // the sync status say so from the start. The database still opens (the readable records still count).
    if (auto checked = store->checkPages(); !checked)
        return fail(checked.error());
    return store;
}

Result<StoreHealth> OutletStore::checkPages()
{
    auto problems = m_db.pageProblems(true);
    if (!problems)
        return fail(problems.error());
    StoreHealth health;
    health.checkedAt = m_clock.now();
    health.damaged = !problems->isEmpty();
    if (health.damaged)
        health.problem = u"database damaged: "_s + problems->join(u"; "_s);
    if (health.damaged && !m_health.damaged)
        qCWarning(lcStore).noquote() << "outlet" << health.problem;
    m_health = health;
    return health;
}

QByteArray OutletStore::readDatabaseSalt(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray salt = file.read(16);
    return salt.size() == 16 ? salt : QByteArray();
}

Result<void> OutletStore::inTransaction(const std::function<Result<void>()>& work)
{
    // Inside a transaction the caller holds, the work joins it (the caller commits or rolls back the whole).
    if (m_db.inTransaction())
        return work();
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return fail(tx.error());
    if (auto r = work(); !r)
        return r;
    return tx->commit();
}

Result<StoreCheck> OutletStore::check()
{
    StoreCheck report;
    const auto add = [&](const QString& name, bool ok, const QString& detail) {
        report.items.append({name, ok, detail});
    };
    const auto text = [&](const QString& sql) {
        return m_db.queryText(sql);
    };

    auto cipher = text(u"PRAGMA cipher_version"_s);
    add(u"cipher_version"_s, cipher && !cipher->isEmpty(), cipher ? *cipher : cipher.error().detail);
    auto pageSize = text(u"PRAGMA cipher_page_size"_s);
    add(u"cipher_page_size"_s, pageSize && *pageSize == u"4096"_s, pageSize ? *pageSize : pageSize.error().detail);
    auto journal = text(u"PRAGMA journal_mode"_s);
    add(u"journal_mode"_s, journal && *journal == u"wal"_s, journal ? *journal : journal.error().detail);
    auto version = schema::currentVersion(m_db);
    add(u"schema_version"_s, version && *version == schema::latestVersion(),
        version ? QString::number(*version) : version.error().detail);

    // integrity_check reads every page: with SQLCipher a page that fails its HMAC shows up here.
    auto integrity = m_db.pageProblems(false);
    if (!integrity)
        add(u"integrity"_s, false, integrity.error().detail);
    else
        add(u"integrity"_s, integrity->isEmpty(), integrity->isEmpty() ? u"ok"_s : integrity->join(u"; "_s));
    auto fk = m_db.prepare(u"PRAGMA foreign_key_check"_s);
    if (fk) {
        auto row = fk->step();
        add(u"foreign_keys"_s, row && !*row, row ? (*row ? u"dangling references"_s : u"ok"_s) : row.error().detail);
    }
    auto orphans = m_db.queryInt(
        u"SELECT count(*) FROM registrations r WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.registration_id = r.id)"_s);
    add(u"outbox"_s, orphans && *orphans == 0,
        orphans ? (*orphans == 0 ? u"every registration has its outbox row"_s
                                 : u"%1 registrations without an outbox row"_s.arg(*orphans))
                : orphans.error().detail);
    auto chain = m_audit.verify();
    if (!chain)
        add(u"audit_chain"_s, false, chain.error().detail);
    else
        add(u"audit_chain"_s, chain->intact,
            chain->intact ? u"%1 entries intact"_s.arg(chain->entries) : chain->problem);
    return report;
}

Result<void> OutletStore::rekey(const QString& actor)
{
    const QString slotPath = KeySlotFile::pathFor(path());
    auto slotFile = KeySlotFile::load(slotPath);
    if (!slotFile)
        return fail(slotFile.error());
    auto accounts = m_accounts.all();
    if (!accounts)
        return fail(accounts.error());
    QByteArray newKey = randomKey();
    const QString newId = keyIdOf(newKey);
    for (const AccountRecord& account : std::as_const(*accounts)) {
        if (!slotFile->hasUser(account.name))
            continue;
        if (auto r = slotFile->addDataKey(account.name, account.accountKey, newKey); !r)
            return r;
    }
    if (auto r = slotFile->addRecoveryKey(newKey); !r)
        return r;
    // 1. The slot file learns the new key next to the old one: a crash from here on still opens with either.
    if (auto r = slotFile->save(slotPath); !r)
        return r;
    // 2. Re-encrypt every page (one transaction through the WAL).
    if (auto r = m_db.rekey(newKey); !r) {
        wipe(newKey);
        return r;
    }
    wipe(newKey);
    m_keyId = newId;
    if (auto r = m_db.checkpoint(); !r)
        qCWarning(lcStore) << "checkpoint after rekey failed:" << r.error().detail;
    // 3. The slot file forgets the old key.
    slotFile->retainOnlyKey(newId);
    const QByteArray salt = readDatabaseSalt(path());
    if (!salt.isEmpty())
        slotFile->setDatabaseSalt(salt);
    if (auto r = slotFile->save(slotPath); !r)
        return r;
    if (auto r = m_audit.append(audit::Rekey, actor, {}, u"database re-encrypted with a new data key"_s); !r)
        return fail(r.error());
    qCInfo(lcStore) << "database rekeyed";
    return {};
}

} // namespace shiming::store
