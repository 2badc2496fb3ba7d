#include "store/StoreTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <sodium.h>

using namespace shiming;
using namespace shiming::auth;
using namespace shiming::store;
using namespace shiming::testing;
using namespace Qt::StringLiterals;

TEST_CASE("Five wrong passwords lock the account for five minutes, across restarts, and are audited", "[auth]")
{
    TestOutlet outlet;
    const QByteArray dbBefore = fileHash(outlet.path);
    const QByteArray slotsBefore = fileHash(outlet.slotPath());
    for (int i = 0; i < 4; ++i) {
        auto authenticator = outlet.authenticator(); // a fresh instance each time: the count is on disk
        auto r = authenticator.login(u"admin"_s, "wrong");
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == Error::Code::WrongKey);
    }
    auto authenticator = outlet.authenticator();
    auto fifth = authenticator.login(u"admin"_s, "wrong");
    REQUIRE_FALSE(fifth.has_value());
    CHECK(fifth.error().code == Error::Code::PolicyRefused);
    CHECK(fifth.error().detail.contains(u"locked"_s));
    // Even the right password is refused while locked; the files never changed.
    auto locked = outlet.authenticator().login(u"admin"_s, outlet.adminPassword);
    REQUIRE_FALSE(locked.has_value());
    CHECK(locked.error().detail.contains(u"locked"_s));
    CHECK(locked.error().reason() == Reason::AccountLocked);
    CHECK(locked.error().cause.figure > 0); // minutes left, as a field
    CHECK(fileHash(outlet.path) == dbBefore);
    CHECK(fileHash(outlet.slotPath()) == slotsBefore);

    outlet.clock.advanceSeconds(5 * 60 + 1);
    auto fresh = outlet.authenticator();
    auto session = outlet.login(fresh);
    auto entries = session->store().audit().entries(1, 100).value();
    const auto countOf = [&](const QString& action) {
        return std::count_if(entries.begin(), entries.end(), [&](const AuditEntry& e) { return e.action == action; });
    };
    CHECK(countOf(u"login_failed"_s) == 5);
    CHECK(countOf(u"account_locked"_s) == 1);
    CHECK(countOf(u"login"_s) == 1);
    // A success resets the count: four more failures do not lock.
    session.reset();
    for (int i = 0; i < 4; ++i)
        CHECK(outlet.authenticator().login(u"admin"_s, "wrong").error().code == Error::Code::WrongKey);
    auto again = outlet.authenticator();
    CHECK(again.login(u"admin"_s, outlet.adminPassword).has_value());
}

TEST_CASE("An idle session locks itself and only its own password unlocks it", "[auth]")
{
    TestOutlet outlet;
    outlet.options.idleSeconds = 300;
    auto authenticator = outlet.authenticator();
    auto session = outlet.login(authenticator);
    QSignalSpy lockedSpy(session.get(), &Session::locked);
    outlet.clock.advanceSeconds(299);
    session->checkIdle();
    CHECK_FALSE(session->isLocked());
    session->touch();
    outlet.clock.advanceSeconds(299);
    session->checkIdle();
    CHECK_FALSE(session->isLocked());
    outlet.clock.advanceSeconds(2);
    session->checkIdle();
    CHECK(session->isLocked());
    CHECK(lockedSpy.count() == 1);
    CHECK(session->unlock("wrong").error().code == Error::Code::WrongKey);
    CHECK(session->isLocked());
    REQUIRE(session->unlock(outlet.adminPassword).has_value());
    CHECK_FALSE(session->isLocked());
    CHECK(session->store().registrations().commit(fullRegistration(u"admin"_s)).has_value());
}

TEST_CASE("An idle time set during a session (HQ's setting) applies at once, also to one that never locked", "[auth]")
{
    TestOutlet outlet;
    outlet.options.idleSeconds = 0; // never locks by itself
    auto authenticator = outlet.authenticator();
    auto session = outlet.login(authenticator);
    outlet.clock.advanceSeconds(3600);
    session->checkIdle();
    CHECK_FALSE(session->isLocked());
    session->touch();
    session->setIdleSeconds(60);
    CHECK(session->idleSeconds() == 60);
    outlet.clock.advanceSeconds(61);
    // The session's own once-a-second check, started by the new idle time.
    CHECK(QTest::qWaitFor([&] { return session->isLocked(); }, 3000));

    // Shortened while signed in: the shorter time counts from the last activity.
    REQUIRE(session->unlock(outlet.adminPassword).has_value());
    session->setIdleSeconds(300);
    outlet.clock.advanceSeconds(120);
    session->checkIdle();
    CHECK_FALSE(session->isLocked());
    session->setIdleSeconds(60);
    session->checkIdle();
    CHECK(session->isLocked());
}

TEST_CASE("Accounts: a manager adds clerks, approves an override without logging the clerk out", "[auth]")
{
    TestOutlet outlet;
    auto authenticator = outlet.authenticator();
    auto admin = outlet.login(authenticator);
    REQUIRE(authenticator
                .addAccount(*admin, u"wang"_s, u"王店长"_s, Role::Manager, "manager-pass", KdfParams::weakForTests())
                .has_value());
    admin.reset();
    auto manager = outlet.login(authenticator, u"wang"_s, "manager-pass");
    CHECK(manager->account().role == Role::Manager);
    CHECK(manager->account().displayName == u"王店长"_s);
    CHECK(authenticator.addAccount(*manager, u"boss"_s, u"x"_s, Role::Admin, "whatever-pass", KdfParams::weakForTests())
              .error()
              .code == Error::Code::PolicyRefused);
    REQUIRE(authenticator.addAccount(*manager, u"li"_s, u"李𠮷"_s, Role::Clerk, "clerk-pass", KdfParams::weakForTests())
                .has_value());
    CHECK(authenticator.addAccount(*manager, u"li"_s, u"dup"_s, Role::Clerk, "clerk-pass", KdfParams::weakForTests())
              .error()
              .code == Error::Code::InvalidInput);
    manager.reset();

    auto clerk = outlet.login(authenticator, u"li"_s, "clerk-pass");
    CHECK(clerk->account().role == Role::Clerk);
    OutletStore& store = clerk->store();
    // The clerk cannot approve; the manager can, with their own password; a wrong one is refused.
    const auto byClerk = authenticator.approveOverride(store, u"li"_s, "clerk-pass", u"face_manual_review"_s, u"li"_s);
    CHECK(byClerk.error().code == Error::Code::PolicyRefused);
    // The clerk is told a manager must enter their own account, not that "the rules refuse the registration".
    CHECK(byClerk.error().reason() == Reason::ManagerRequired);
    CHECK(authenticator.approveOverride(store, u"wang"_s, "bad", u"face_manual_review"_s, u"li"_s).error().code ==
          Error::Code::WrongKey);
    auto approved =
        authenticator.approveOverride(store, u"wang"_s, "manager-pass", u"face_manual_review"_s, u"li"_s, u"rec-1"_s);
    REQUIRE(approved.has_value());
    CHECK(approved->name == u"wang"_s);
    CHECK(clerk->account().name == u"li"_s);
    auto entries = store.audit().entries(1, 200).value();
    const auto has = [&](const QString& action, const QString& actor) {
        return std::any_of(entries.begin(), entries.end(),
                           [&](const AuditEntry& e) { return e.action == action && e.actor == actor; });
    };
    CHECK(has(u"override"_s, u"wang"_s));
    CHECK(has(u"override_refused"_s, u"li"_s));
    CHECK(has(u"login_failed"_s, u"wang"_s));
    CHECK(has(u"account_added"_s, u"wang"_s));

    // A manager cannot disable another manager; an admin can, and the account can no longer log in.
    clerk.reset();
    auto admin2 = outlet.login(authenticator);
    REQUIRE(authenticator.disableAccount(*admin2, u"li"_s).has_value());
    admin2.reset();
    auto gone = authenticator.login(u"li"_s, "clerk-pass");
    REQUIRE_FALSE(gone.has_value());
}

TEST_CASE("A password change rewraps only that account's slot", "[auth]")
{
    TestOutlet outlet;
    auto authenticator = outlet.authenticator();
    auto admin = outlet.login(authenticator);
    REQUIRE(authenticator.addAccount(*admin, u"li"_s, u"li"_s, Role::Clerk, "clerk-pass", KdfParams::weakForTests())
                .has_value());
    admin.reset();
    const auto slotJson = [&](const QString& user) {
        const QJsonArray slotArray =
            QJsonDocument::fromJson(readAll(outlet.slotPath())).object().value(u"slots"_s).toArray();
        for (const QJsonValue& v : slotArray) {
            if (v.toObject().value(u"user"_s).toString() == user)
                return v.toObject();
        }
        return QJsonObject();
    };
    const QJsonObject adminSlot = slotJson(u"admin"_s);
    const QJsonObject clerkSlot = slotJson(u"li"_s);
    auto clerk = outlet.login(authenticator, u"li"_s, "clerk-pass");
    CHECK(authenticator.changePassword(*clerk, "wrong-old", "new-clerk-pass", KdfParams::weakForTests()).error().code ==
          Error::Code::WrongKey);
    REQUIRE(
        authenticator.changePassword(*clerk, "clerk-pass", "new-clerk-pass", KdfParams::weakForTests()).has_value());
    clerk.reset();
    CHECK(slotJson(u"admin"_s) == adminSlot);
    CHECK(slotJson(u"li"_s) != clerkSlot);
    CHECK(slotJson(u"li"_s).value(u"dataKeys"_s) == clerkSlot.value(u"dataKeys"_s));
    CHECK_FALSE(authenticator.login(u"li"_s, "clerk-pass").has_value());
    CHECK(authenticator.login(u"li"_s, "new-clerk-pass").has_value());
}

TEST_CASE("Rekey re-encrypts with a new data key and every slot, recovery included, follows", "[auth]")
{
    REQUIRE(sodium_init() >= 0);
    QByteArray hqPublic(crypto_box_PUBLICKEYBYTES, Qt::Uninitialized);
    QByteArray hqSecret(crypto_box_SECRETKEYBYTES, Qt::Uninitialized);
    crypto_box_keypair(reinterpret_cast<unsigned char*>(hqPublic.data()),
                       reinterpret_cast<unsigned char*>(hqSecret.data()));
    QTemporaryDir dir;
    FixedClock clock(QDateTime(QDate(2026, 11, 28), QTime(10, 0)));
    const QString path = dir.filePath(u"outlet.db"_s);
    REQUIRE(Authenticator::initialize(path, u"O-1"_s, u"admin"_s, "admin-password", KdfParams::weakForTests(), clock,
                                      hqPublic)
                .has_value());
    Authenticator::Options options;
    options.store.freeSpaceFloorBytes = 0;
    Authenticator authenticator(path, clock, options);
    QString uuid;
    QByteArray oldKey;
    {
        auto admin = authenticator.login(u"admin"_s, "admin-password").value();
        REQUIRE(authenticator.addAccount(*admin, u"li"_s, u"li"_s, Role::Clerk, "clerk-pass", KdfParams::weakForTests())
                    .has_value());
        uuid = admin->store().registrations().commit(fullRegistration(u"admin"_s)).value().uuid;
        auto slotFile = KeySlotFile::load(KeySlotFile::pathFor(path)).value();
        oldKey = slotFile.recoverDataKeys(hqPublic, hqSecret).value().first();
        CHECK(keyIdOf(oldKey) == admin->store().keyId());
        REQUIRE(admin->store().rekey(u"admin"_s).has_value());
        CHECK(keyIdOf(oldKey) != admin->store().keyId());
        CHECK(admin->store().registrations().load(uuid).has_value());
    }
    // The old key no longer opens the file; the recovery slot gives the new one; both accounts log in.
    auto withOld = OutletStore::open(path, oldKey, clock);
    REQUIRE_FALSE(withOld.has_value());
    CHECK(withOld.error().code == Error::Code::WrongKey);
    auto slotFile = KeySlotFile::load(KeySlotFile::pathFor(path)).value();
    auto recovered = slotFile.recoverDataKeys(hqPublic, hqSecret);
    REQUIRE(recovered.has_value());
    CHECK(recovered->size() == 1);
    auto viaRecovery = OutletStore::open(path, recovered->first(), clock);
    REQUIRE(viaRecovery.has_value());
    CHECK((*viaRecovery)->registrations().load(uuid).has_value());
    viaRecovery->reset();
    auto clerk = authenticator.login(u"li"_s, "clerk-pass");
    REQUIRE(clerk.has_value());
    CHECK((*clerk)->store().check()->ok());
    clerk->reset();
    auto admin = authenticator.login(u"admin"_s, "admin-password");
    REQUIRE(admin.has_value());
    auto entries = (*admin)->store().audit().entries(1, 100).value();
    CHECK(std::any_of(entries.begin(), entries.end(), [](const AuditEntry& e) { return e.action == u"rekey"_s; }));
}

TEST_CASE("An interrupted rekey (slot file already holds the new key) still opens with the old key", "[auth]")
{
    TestOutlet outlet;
    auto authenticator = outlet.authenticator();
    auto slotFile = KeySlotFile::load(outlet.slotPath()).value();
    // Simulate the crash window: a new key was added to the slot, the database was never re-encrypted.
    QByteArray accountKey = slotFile.unlockAccountKey(u"admin"_s, outlet.adminPassword).value();
    REQUIRE(slotFile.addDataKey(u"admin"_s, accountKey, randomKey()).has_value());
    REQUIRE(slotFile.save(outlet.slotPath()).has_value());
    CHECK(slotFile.dataKeys(u"admin"_s, accountKey)->size() == 2);
    auto session = authenticator.login(u"admin"_s, outlet.adminPassword);
    REQUIRE(session.has_value());
    CHECK((*session)->store().check()->ok());
}

TEST_CASE("Production Argon2id parameters: a real slot unlocks with the right password only", "[auth]")
{
    QTemporaryDir dir;
    FixedClock clock(QDateTime(QDate(2026, 11, 28), QTime(10, 0)));
    const QString path = dir.filePath(u"prod.db"_s);
    REQUIRE(Authenticator::initialize(path, u"O-1"_s, u"admin"_s, "production-password", KdfParams::production(), clock)
                .has_value());
    const QJsonObject kdf = QJsonDocument::fromJson(readAll(KeySlotFile::pathFor(path)))
                                .object()
                                .value(u"slots"_s)
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(u"kdf"_s)
                                .toObject();
    CHECK(kdf.value(u"opsLimit"_s).toInt() == 3);
    CHECK(kdf.value(u"memLimitBytes"_s).toDouble() == double(256 << 20));
    CHECK(kdf.value(u"algorithm"_s).toString() == u"argon2id13"_s);
    Authenticator::Options options;
    options.store.freeSpaceFloorBytes = 0;
    Authenticator authenticator(path, clock, options);
    CHECK(authenticator.login(u"admin"_s, "production-passwore").error().code == Error::Code::WrongKey);
    CHECK(authenticator.login(u"admin"_s, "production-password").has_value());
}

TEST_CASE("Key slots refuse swapped or tampered entries", "[auth]")
{
    TestOutlet outlet;
    auto authenticator = outlet.authenticator();
    auto admin = outlet.login(authenticator);
    REQUIRE(authenticator.addAccount(*admin, u"li"_s, u"li"_s, Role::Clerk, "clerk-pass", KdfParams::weakForTests())
                .has_value());
    admin.reset();
    // Swap the user names of the two slots: the associated data no longer matches, so neither unlocks.
    QJsonObject root = QJsonDocument::fromJson(readAll(outlet.slotPath())).object();
    QJsonArray slotArray = root.value(u"slots"_s).toArray();
    QJsonObject a = slotArray.at(0).toObject();
    QJsonObject b = slotArray.at(1).toObject();
    const QJsonValue nameA = a.value(u"user"_s);
    a.insert(u"user"_s, b.value(u"user"_s));
    b.insert(u"user"_s, nameA);
    slotArray = {a, b};
    root.insert(u"slots"_s, slotArray);
    QFile file(outlet.slotPath());
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(root).toJson());
    file.close();
    CHECK_FALSE(authenticator.login(u"admin"_s, "clerk-pass").has_value());
    CHECK_FALSE(authenticator.login(u"li"_s, outlet.adminPassword).has_value());
}
