#include "core/auth/Authenticator.h"

#include "core/common/Logging.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;
using namespace shiming::store;

namespace shiming::auth {

namespace {

Error badCredentials()
{
    return Error::wrongKey(u"wrong user name or password"_s);
}

void removeDatabaseFiles(const QString& path)
{
    for (const QString& suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);
}

} // namespace

Authenticator::Authenticator(QString databasePath, const Clock& clock, Options options)
    : m_databasePath(std::move(databasePath))
    , m_clock(clock)
    , m_options(options)
    , m_lockout(LockoutStore::pathFor(m_databasePath))
{}

Result<void> checkNewPassword(const QByteArray& password)
{
    if (password.size() >= kMinimumPasswordLength)
        return {};
    return fail(Error::because(Error::Code::InvalidInput, Cause{Reason::PasswordTooShort, {}, kMinimumPasswordLength},
                               u"the password needs at least %1 characters"_s.arg(kMinimumPasswordLength)));
}

Result<void> checkAdminPassword(const QByteArray& password, const QString& accountName)
{
    if (auto r = checkNewPassword(password); !r)
        return r;
    const QString text = QString::fromUtf8(password);
    bool letters = false;
    bool digits = false;
    bool others = false;
    for (const QChar c : text) {
        if (c.isLetter())
            letters = true;
        else if (c.isDigit())
            digits = true;
        else
            others = true;
    }
    if (int(letters) + int(digits) + int(others) < 2)
        return fail(Error::because(Error::Code::InvalidInput, Cause{Reason::PasswordTooSimple},
                                   u"the password needs more than one kind of character"_s));
    if (const QString name = accountName.trimmed(); name.size() >= 3 && text.contains(name, Qt::CaseInsensitive))
        return fail(Error::because(Error::Code::InvalidInput, Cause{Reason::PasswordHasName},
                                   u"the password holds the account name"_s));
    return {};
}

Result<void> Authenticator::initialize(const QString& databasePath, const QString& outletId, const QString& adminName,
                                       const QByteArray& password, const KdfParams& kdf, const Clock& clock,
                                       const QByteArray& recoveryPublicKey)
{
    const QString slotPath = KeySlotFile::pathFor(databasePath);
    if (QFileInfo::exists(databasePath))
        return fail(Error::invalidInput(u"refusing to overwrite an existing database: %1"_s.arg(databasePath)));
    if (QFileInfo::exists(slotPath))
        return fail(Error::invalidInput(u"refusing to overwrite an existing key slot file: %1"_s.arg(slotPath)));
    if (adminName.isEmpty() || outletId.isEmpty())
        return fail(Error::invalidInput(u"an outlet id and an admin name are required"_s));
    if (auto r = checkNewPassword(password); !r)
        return r;

    QByteArray dataKey = randomKey();
    QByteArray accountKey = randomKey();
    KeySlotFile slotFile;
    slotFile.setOutletId(outletId);
    if (!recoveryPublicKey.isEmpty()) {
        if (auto r = slotFile.setRecoveryPublicKey(recoveryPublicKey); !r)
            return r;
    }
    {
        auto created = OutletStore::create(databasePath, outletId, dataKey, clock);
        if (!created)
            return fail(created.error());
        OutletStore& store = **created;
        auto work = store.inTransaction([&]() -> Result<void> {
            if (auto r =
                    store.accounts().add({adminName, adminName, roleKey(Role::Admin), accountKey, true, {}, {}, {}});
                !r)
                return r;
            if (auto r = store.audit().append(audit::Initialised, adminName, {}, u"outlet database created"_s); !r)
                return fail(r.error());
            return asVoid(store.audit().append(audit::AccountAdded, adminName, {}, u"role admin"_s));
        });
        if (!work || !store.database().checkpoint()) {
            created->reset();
            removeDatabaseFiles(databasePath);
            return work ? fail(Error::storageFailure(u"checkpoint of the new database failed"_s)) : work;
        }
    }
    slotFile.setDatabaseSalt(OutletStore::readDatabaseSalt(databasePath));
    auto result = slotFile.setPassword(adminName, password, accountKey, kdf);
    if (result)
        result = slotFile.addDataKey(adminName, accountKey, dataKey);
    if (result)
        result = slotFile.addRecoveryKey(dataKey);
    if (result)
        result = slotFile.save(slotPath);
    wipe(dataKey);
    wipe(accountKey);
    if (!result) {
        removeDatabaseFiles(databasePath);
        return result;
    }
    qCInfo(lcAuth) << "outlet database initialised";
    return {};
}

Result<QByteArray> Authenticator::unlockAccountKey(const KeySlotFile& slotFile, const QString& user,
                                                   const QByteArray& password)
{
    const QDateTime now = m_clock.now();
    if (const QDateTime until = m_lockout.lockedUntil(user, now); until.isValid()) {
        const int minutes = int((now.secsTo(until) + 59) / 60);
        return fail(
            Error::because(Error::Code::PolicyRefused, Cause{Reason::AccountLocked, {}, minutes},
                           u"account locked after too many wrong passwords; try again in %1 min"_s.arg(minutes)));
    }
    auto accountKey = slotFile.unlockAccountKey(user, password);
    if (accountKey)
        return accountKey;
    if (accountKey.error().code != Error::Code::WrongKey && accountKey.error().code != Error::Code::NotFound)
        return accountKey;
    auto locked = m_lockout.recordFailure(user, now, m_options.lockout);
    if (!locked)
        qCWarning(lcAuth) << "could not record a failed login:" << locked.error().detail;
    if (locked && *locked)
        return fail(Error::because(Error::Code::PolicyRefused,
                                   Cause{Reason::AccountLocked, {}, m_options.lockout.lockSeconds / 60},
                                   u"wrong user name or password; the account is now locked for %1 min"_s.arg(
                                       m_options.lockout.lockSeconds / 60)));
    return fail(badCredentials());
}

Result<void> Authenticator::auditFailures(OutletStore& store)
{
    auto failures = m_lockout.takeUnaudited();
    if (!failures)
        return fail(failures.error());
    for (const LockoutStore::Failure& failure : std::as_const(*failures)) {
        if (auto r = store.audit().appendAt(failure.at, audit::LoginFailed, failure.user); !r)
            return fail(r.error());
        if (failure.locked) {
            if (auto r = store.audit().appendAt(failure.at, audit::AccountLocked, failure.user); !r)
                return fail(r.error());
        }
    }
    return {};
}

Result<std::unique_ptr<Session>> Authenticator::login(const QString& user, const QByteArray& password)
{
    if (!QFileInfo::exists(m_databasePath))
        return fail(Error::notFound(u"database file not found: %1"_s.arg(m_databasePath)));
    auto slotFile = KeySlotFile::load(KeySlotFile::pathFor(m_databasePath));
    if (!slotFile)
        return fail(slotFile.error());
    auto accountKey = unlockAccountKey(*slotFile, user, password);
    if (!accountKey)
        return fail(accountKey.error());
    auto keys = slotFile->dataKeys(user, *accountKey);
    wipe(*accountKey);
    if (!keys)
        return fail(keys.error());

    const QFileInfo dbInfo(m_databasePath);
    if (dbInfo.size() == 0 || dbInfo.size() % 4096 != 0)
        return fail(Error::storageFailure(
            u"database file is truncated: %1 bytes is not a whole number of 4096-byte pages"_s.arg(dbInfo.size())));
    const QByteArray salt = OutletStore::readDatabaseSalt(m_databasePath);
    if (!slotFile->databaseSalt().isEmpty() && salt != slotFile->databaseSalt())
        return fail(Error::storageFailure(u"the key slot file does not belong to this database file (or the file "
                                          u"is not a Shiming database, or its header is damaged)"_s));

    std::unique_ptr<OutletStore> store;
    for (QByteArray& key : *keys) {
        auto opened = OutletStore::open(m_databasePath, key, m_clock, m_options.store);
        wipe(key);
        if (opened) {
            store = std::move(*opened);
            continue;
        }
        if (opened.error().code != Error::Code::WrongKey)
            return fail(opened.error());
    }
    if (!store)
        return fail(Error::storageFailure(u"the database's first page is damaged: the password is right but the "
                                          u"page fails authentication"_s));

    auto record = store->accounts().get(user);
    if (!record)
        return fail(record.error().code == Error::Code::NotFound
                        ? Error::because(Error::Code::PolicyRefused, Cause{Reason::AccountDisabled},
                                         u"this account has been removed from the outlet"_s)
                        : record.error());
    if (!record->active)
        return fail(
            Error::because(Error::Code::PolicyRefused, Cause{Reason::AccountDisabled}, u"this account is disabled"_s));
    if (auto r = m_lockout.reset(user); !r)
        qCWarning(lcAuth) << "could not reset the failed-login counter:" << r.error().detail;
    if (auto r = auditFailures(*store); !r)
        qCWarning(lcAuth) << "could not audit earlier failed logins:" << r.error().detail;
    if (auto r = store->audit().append(audit::Login, user); !r)
        return fail(r.error());
    Account account{record->name, record->displayName, parseRole(record->role).value_or(Role::Clerk)};
    qCInfo(lcAuth) << "login as" << roleKey(account.role);
    return std::make_unique<Session>(std::move(store), account, *this, m_options.idleSeconds);
}

Result<Account> Authenticator::verify(OutletStore& store, const QString& user, const QByteArray& password)
{
    auto slotFile = KeySlotFile::load(KeySlotFile::pathFor(store.path()));
    if (!slotFile)
        return fail(slotFile.error());
    auto accountKey = unlockAccountKey(*slotFile, user, password);
    if (auto r = auditFailures(store); !r)
        qCWarning(lcAuth) << "could not audit failed logins:" << r.error().detail;
    if (!accountKey)
        return fail(accountKey.error());
    wipe(*accountKey);
    auto record = store.accounts().get(user);
    if (!record)
        return fail(record.error().code == Error::Code::NotFound ? badCredentials() : record.error());
    if (!record->active)
        return fail(
            Error::because(Error::Code::PolicyRefused, Cause{Reason::AccountDisabled}, u"this account is disabled"_s));
    if (auto r = m_lockout.reset(user); !r)
        qCWarning(lcAuth) << "could not reset the failed-login counter:" << r.error().detail;
    return Account{record->name, record->displayName, parseRole(record->role).value_or(Role::Clerk)};
}

Result<Account> Authenticator::approveOverride(OutletStore& store, const QString& manager, const QByteArray& password,
                                               const QString& action, const QString& forClerk,
                                               const QString& recordUuid)
{
    const QString detail = u"action %1 for %2"_s.arg(action, forClerk);
    auto account = verify(store, manager, password);
    if (account && !roleAtLeast(account->role, Role::Manager))
        account = fail(Error::because(Error::Code::PolicyRefused, Cause{Reason::ManagerRequired},
                                      u"only a manager can approve this"_s));
    if (!account) {
        if (auto r = store.audit().append(audit::OverrideRefused, manager, recordUuid, detail); !r)
            return fail(r.error());
        return account;
    }
    if (auto r = store.audit().append(audit::Override, manager, recordUuid, detail); !r)
        return fail(r.error());
    return account;
}

Result<void> Authenticator::addAccount(Session& actor, const QString& name, const QString& displayName, Role role,
                                       const QByteArray& password, const KdfParams& kdf)
{
    const Role actorRole = actor.account().role;
    if (actorRole == Role::Clerk || (actorRole == Role::Manager && role != Role::Clerk))
        return fail(Error::because(Error::Code::PolicyRefused, Cause{Reason::RoleRefused},
                                   u"a manager adds clerks; only an admin adds managers and admins"_s));
    if (name.isEmpty() || name.contains(u'/'))
        return fail(
            Error::because(Error::Code::InvalidInput, Cause{Reason::AccountNameInvalid}, u"invalid account name"_s));
    if (auto r = checkNewPassword(password); !r)
        return r;
    OutletStore& store = actor.store();
    if (store.accounts().get(name))
        return fail(Error::because(Error::Code::InvalidInput, Cause{Reason::AccountNameTaken, name},
                                   u"an account with this name exists"_s));
    const QString slotPath = KeySlotFile::pathFor(store.path());
    auto slotFile = KeySlotFile::load(slotPath);
    if (!slotFile)
        return fail(slotFile.error());
    auto actorRecord = store.accounts().get(actor.account().name);
    if (!actorRecord)
        return fail(actorRecord.error());
    auto keys = slotFile->dataKeys(actor.account().name, actorRecord->accountKey);
    if (!keys)
        return fail(keys.error());
    QByteArray dataKey;
    for (const QByteArray& key : std::as_const(*keys)) {
        if (keyIdOf(key) == store.keyId())
            dataKey = key;
    }
    if (dataKey.isEmpty())
        return fail(Error::storageFailure(u"the slot file does not hold the key the database is open with"_s));
    QByteArray accountKey = randomKey();
    auto result = slotFile->setPassword(name, password, accountKey, kdf);
    if (result)
        result = slotFile->addDataKey(name, accountKey, dataKey);
    wipe(dataKey);
    if (result)
        result = store.inTransaction([&]() -> Result<void> {
            if (auto r = store.accounts().add(
                    {name, displayName, roleKey(role), accountKey, true, {}, actor.account().name, {}});
                !r)
                return r;
            return asVoid(store.audit().append(audit::AccountAdded, actor.account().name, {},
                                               u"account %1 role %2"_s.arg(name, roleKey(role))));
        });
    wipe(accountKey);
    if (!result)
        return result;
    // The slot is written after the account row committed: a crash in between leaves an account that cannot
    // log in yet (add it again), never a slot for an account the database does not know.
    return slotFile->save(slotPath);
}

Result<void> Authenticator::changePassword(Session& session, const QByteArray& oldPassword,
                                           const QByteArray& newPassword, const KdfParams& kdf)
{
    if (auto r = checkNewPassword(newPassword); !r)
        return r;
    OutletStore& store = session.store();
    const QString slotPath = KeySlotFile::pathFor(store.path());
    auto slotFile = KeySlotFile::load(slotPath);
    if (!slotFile)
        return fail(slotFile.error());
    const QString user = session.account().name;
    auto accountKey = unlockAccountKey(*slotFile, user, oldPassword);
    if (!accountKey) {
        (void)auditFailures(store);
        return fail(accountKey.error());
    }
    auto result = slotFile->setPassword(user, newPassword, *accountKey, kdf);
    wipe(*accountKey);
    if (!result)
        return result;
    if (auto r = slotFile->save(slotPath); !r)
        return r;
    if (auto r = store.accounts().setPasswordChanged(user); !r)
        return r;
    return asVoid(store.audit().append(audit::PasswordChanged, user));
}

Result<void> Authenticator::disableAccount(Session& actor, const QString& name)
{
    OutletStore& store = actor.store();
    auto target = store.accounts().get(name);
    if (!target)
        return fail(target.error());
    const Role actorRole = actor.account().role;
    const Role targetRole = parseRole(target->role).value_or(Role::Admin);
    if (name == actor.account().name)
        return fail(Error::because(Error::Code::PolicyRefused, Cause{Reason::RoleRefused},
                                   u"an account cannot disable itself"_s));
    if (actorRole == Role::Clerk || (actorRole == Role::Manager && targetRole != Role::Clerk))
        return fail(Error::because(Error::Code::PolicyRefused, Cause{Reason::RoleRefused},
                                   u"a manager disables clerks; only an admin disables managers"_s));
    const QString slotPath = KeySlotFile::pathFor(store.path());
    auto slotFile = KeySlotFile::load(slotPath);
    if (!slotFile)
        return fail(slotFile.error());
    slotFile->removeUser(name);
    if (auto r = slotFile->save(slotPath); !r)
        return r;
    return store.inTransaction([&]() -> Result<void> {
        if (auto r = store.accounts().setActive(name, false); !r)
            return r;
        return asVoid(
            store.audit().append(audit::AccountDisabled, actor.account().name, {}, u"account %1"_s.arg(name)));
    });
}

} // namespace shiming::auth
