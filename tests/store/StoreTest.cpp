#include "StoreTestSupport.h"

#include "core/identity/DocumentType.h"
#include "core/store/Schema.h"

#include <random>

#include <QDir>
#include <QSignalSpy>

using namespace shiming;
using namespace shiming::store;
using namespace shiming::testing;
using namespace shiming::registration;
using namespace Qt::StringLiterals;

TEST_CASE("A registration survives a round trip exactly, 𠮷 and middle dot included", "[store]")
{
    TestOutlet outlet;
    auto authenticator = outlet.authenticator();
    auto session = outlet.login(authenticator);
    Registration input = fullRegistration(u"admin"_s);
    input.face.points = 73; // the 0-100 score the clerk saw is kept for the manager
    auto committed = session->store().registrations().commit(input);
    REQUIRE(committed.has_value());
    CHECK(committed->sequence == 1);
    CHECK_FALSE(committed->uuid.isEmpty());
    CHECK(committed->status == RecordStatus::Committed);
    CHECK(committed->outletId == u"OUTLET-0571-01"_s);

    auto loaded = session->store().registrations().load(committed->uuid);
    REQUIRE(loaded.has_value());
    CHECK(loaded->customer()->document.name == u"阿依古丽·买买提𠮷"_s);
    CHECK(loaded->documents == committed->documents);
    CHECK(loaded->media == input.media);
    CHECK(loaded->face == input.face);
    CHECK(loaded->organisation == input.organisation);
    CHECK(loaded->deviceTime == committed->deviceTime);
    CHECK(*loaded == *committed);
    CHECK(loaded->face.points == 73);

    Registration another = fullRegistration(u"admin"_s, 7);
    another.number = u"13900139002"_s;
    auto second = session->store().registrations().commit(another);
    REQUIRE(second.has_value());
    CHECK(second->sequence == 2);
    const QString number = input.customer()->document.number;
    CHECK(session->store().registrations().countForDocumentNumber(number).value() == 2);
    // Numbers held, not records: a re-verification of a number held counts it once; its cancellation ends it.
    Registration reverify = fullRegistration(u"admin"_s, 7);
    reverify.transaction = registration::Transaction::Reverification;
    reverify.number = another.number;
    reverify.iccid.clear();
    REQUIRE(session->store().registrations().commit(reverify).has_value());
    CHECK(session->store().registrations().countForDocumentNumber(number).value() == 2);
    Registration cancel = reverify;
    cancel.transaction = registration::Transaction::Cancellation;
    auto cancelled = session->store().registrations().commit(cancel);
    REQUIRE(cancelled.has_value());
    CHECK(session->store().registrations().load(cancelled->uuid)->transaction == registration::Transaction::Cancellation);
    CHECK(session->store().registrations().countForDocumentNumber(number).value() == 1);
    // The day list shows every record, whatever its transaction.
    auto day = session->store().registrations().dayList(outlet.clock.today());
    REQUIRE(day.has_value());
    REQUIRE(day->size() == 4);
    CHECK(day->at(0).customerName == u"阿依古丽·买买提𠮷"_s);
    CHECK(session->store().registrations().dayList(outlet.clock.today().addDays(-1))->isEmpty());
    CHECK(session->store().registrations().load(u"no-such"_s).error().code == Error::Code::NotFound);

    // A registration without the customer's document is refused and leaves nothing behind.
    Registration bad = fullRegistration(u"admin"_s);
    bad.documents.clear();
    CHECK(session->store().registrations().commit(bad).error().code == Error::Code::InvalidInput);
    CHECK(session->store().registrations().count().value() == 4);
    CHECK(session->store().outbox().queueLength().value() == 4);
}

TEST_CASE("No plaintext on disk: neither the database nor the WAL holds a seeded name or ID number", "[store]")
{
    TestOutlet outlet;
    auto authenticator = outlet.authenticator();
    auto session = outlet.login(authenticator);
    Registration record = fullRegistration(u"admin"_s);
    const QString name = u"欧阳𠮷娜·测试"_s;
    const QString number = record.customer()->document.number;
    record.documents[0].document.name = name;
    REQUIRE(session->store().registrations().commit(record).has_value());
    // Read while the WAL still holds the commit.
    const QByteArray wal = readAll(outlet.path + u"-wal"_s);
    const QByteArray db = readAll(outlet.path);
    CHECK(wal.size() > 0);
    const QList<QByteArray> needles{
        name.toUtf8(),
        number.toUtf8(),
        QByteArray(reinterpret_cast<const char*>(name.utf16()), name.size() * 2),
        QByteArray(reinterpret_cast<const char*>(number.utf16()), number.size() * 2),
        name.toUtf8().left(9),
        "SQLite format 3",
        "registrations",
    };
    for (const QByteArray& needle : needles) {
        INFO("needle " << needle.toHex().toStdString());
        CHECK_FALSE(db.contains(needle));
        CHECK_FALSE(wal.contains(needle));
    }
    QByteArray utf16be;
    for (QChar c : number) {
        utf16be.append(char(c.unicode() >> 8));
        utf16be.append(char(c.unicode() & 0xff));
    }
    CHECK_FALSE(db.contains(utf16be));
    CHECK_FALSE(wal.contains(utf16be));
    session.reset();
    CHECK_FALSE(readAll(outlet.path).contains(number.toUtf8()));
    CHECK_FALSE(readAll(outlet.slotPath()).contains(number.toUtf8()));
}

TEST_CASE("Each damaged or wrong file gives its own clear error and nothing is created or overwritten", "[store]")
{
    TestOutlet outlet;
    {
        auto authenticator = outlet.authenticator();
        auto session = outlet.login(authenticator);
        REQUIRE(session->store().registrations().commit(fullRegistration(u"admin"_s)).has_value());
        REQUIRE(session->store().database().checkpoint().has_value());
    }
    const QByteArray original = readAll(outlet.path);
    const QByteArray slotBytes = readAll(outlet.slotPath());
    REQUIRE(original.size() >= 3 * 4096);
    const auto write = [&](const QByteArray& bytes) {
        QFile file(outlet.path);
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
    };
    const auto errorFor = [&](const QByteArray& password = {}) {
        auto authenticator = outlet.authenticator();
        auto session = authenticator.login(u"admin"_s, password.isEmpty() ? outlet.adminPassword : password);
        REQUIRE_FALSE(session.has_value());
        return session.error();
    };
    const auto unchanged = [&](const QByteArray& expectedDb) {
        CHECK(readAll(outlet.path) == expectedDb);
        CHECK(readAll(outlet.slotPath()) == slotBytes);
        CHECK_FALSE(QFile::exists(outlet.path + u"-wal"_s));
    };

    SECTION("wrong password")
    {
        const Error error = errorFor("not-the-password");
        CHECK(error.code == Error::Code::WrongKey);
        CHECK(error.detail == u"wrong user name or password"_s);
        unchanged(original);
    }
    SECTION("wrong data key")
    {
        auto opened = OutletStore::open(outlet.path, randomKey(), outlet.clock);
        REQUIRE_FALSE(opened.has_value());
        CHECK(opened.error().code == Error::Code::WrongKey);
        unchanged(original);
    }
    SECTION("truncated file")
    {
        const QByteArray cut = original.left(original.size() - 1000);
        write(cut);
        const Error error = errorFor();
        CHECK(error.code == Error::Code::StorageFailure);
        CHECK(error.detail.contains(u"truncated"_s));
        unchanged(cut);
    }
    SECTION("flipped byte in a page")
    {
        QByteArray flipped = original;
        flipped[2 * 4096 + 1000] = char(flipped[2 * 4096 + 1000] ^ 0x20);
        write(flipped);
        // The first page is fine, so the login succeeds; the check reads every page and names the damage.
        auto authenticator = outlet.authenticator();
        auto session = authenticator.login(u"admin"_s, outlet.adminPassword);
        if (session) {
            auto report = (*session)->store().check();
            const bool damaged = !report || !report->ok();
            CHECK(damaged);
            if (report) {
                for (const auto& item : report->items) {
                    if (item.name == u"integrity"_s) {
                        CHECK_FALSE(item.ok);
                        CHECK(item.detail.contains(u"damaged"_s));
                    }
                }
            }
        } else {
            INFO(session.error().detail.toStdString());
            CHECK(session.error().detail.contains(u"damaged"_s));
        }
    }
    SECTION("flipped byte in the first page")
    {
        QByteArray flipped = original;
        flipped[100] = char(flipped[100] ^ 0x01);
        write(flipped);
        const Error error = errorFor();
        CHECK(error.code == Error::Code::StorageFailure);
        CHECK(error.detail.contains(u"first page is damaged"_s));
        unchanged(flipped);
    }
    SECTION("missing slot file")
    {
        REQUIRE(QFile::rename(outlet.slotPath(), outlet.slotPath() + u".away"_s));
        const Error error = errorFor();
        CHECK(error.code == Error::Code::NotFound);
        CHECK(error.detail.contains(u"key slot file missing"_s));
        CHECK_FALSE(QFile::exists(outlet.slotPath()));
        CHECK(readAll(outlet.path) == original);
    }
    SECTION("a file that is not a database")
    {
        QByteArray text(3 * 4096, 'x');
        write(text);
        const Error error = errorFor();
        CHECK(error.code == Error::Code::StorageFailure);
        CHECK(error.detail.contains(u"does not belong to this database"_s));
        unchanged(text);
    }
    SECTION("missing database file")
    {
        REQUIRE(QFile::remove(outlet.path));
        const Error error = errorFor();
        CHECK(error.code == Error::Code::NotFound);
        CHECK(error.detail.contains(u"database file not found"_s));
        CHECK_FALSE(QFile::exists(outlet.path));
    }
    SECTION("damaged slot file")
    {
        QFile file(outlet.slotPath());
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{ not json");
        file.close();
        const Error error = errorFor();
        CHECK(error.code == Error::Code::StorageFailure);
        CHECK(error.detail.contains(u"key slot file is damaged"_s));
        CHECK(readAll(outlet.path) == original);
    }
}

TEST_CASE("Initialising refuses to overwrite an existing database or slot file", "[store]")
{
    TestOutlet outlet;
    const QByteArray before = readAll(outlet.path);
    auto again = auth::Authenticator::initialize(outlet.path, u"X"_s, u"admin"_s, "another-password",
                                                 KdfParams::weakForTests(), outlet.clock);
    REQUIRE_FALSE(again.has_value());
    CHECK(again.error().detail.contains(u"refusing to overwrite"_s));
    CHECK(readAll(outlet.path) == before);
}

TEST_CASE("Schema migrates from every earlier version to the latest, keeping data", "[store]")
{
    for (int from = 0; from < schema::latestVersion(); ++from) {
        INFO("from version " << from);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"old.db"_s);
        const QByteArray key = randomKey();
        {
            auto db = Database::open(path, key, Database::OpenMode::CreateNew);
            REQUIRE(db.has_value());
            REQUIRE(schema::migrate(*db, from).has_value());
            CHECK(schema::currentVersion(*db).value() == from);
            if (from >= 1) {
                REQUIRE(db->exec(uR"(INSERT INTO meta VALUES ('outlet_id', 'OLD-1');
                    INSERT INTO registrations (uuid, sequence, outlet_id, clerk, device_time, device_date, customer_type,
                        face_band, liveness, status) VALUES ('u-1', 1, 'OLD-1', 'clerk', '2026-01-01T02:00:00.000Z',
                        '2026-01-01', 'individual', 'pass', 'live', 'accepted');
                    INSERT INTO documents (registration_id, role, type, name, number) VALUES (1, 'customer',
                        'resident-id', '𠮷·名', '110105199001011234');
                    INSERT INTO outbox (registration_id, state, created_at) VALUES (1, 'done', '2026-01-01T02:00:00.000Z');)"_s)
                            .has_value());
                // From version 6 on the program writes the outbox row's record itself.
                if (from >= 6)
                    REQUIRE(db->exec(u"UPDATE outbox SET record_uuid = 'u-1'"_s).has_value());
            } else {
                REQUIRE(db->exec(u"CREATE TABLE IF NOT EXISTS placeholder (x)"_s).has_value());
            }
        }
        auto db = Database::open(path, key, Database::OpenMode::Existing);
        REQUIRE(db.has_value());
        REQUIRE(schema::migrate(*db).has_value());
        CHECK(schema::currentVersion(*db).value() == schema::latestVersion());
        // The manager's routine (7, 8) starts empty on an older database.
        CHECK(db->queryInt(u"SELECT count(*) FROM spot_checks"_s).value() == 0);
        CHECK(db->queryInt(u"SELECT count(*) FROM alerts"_s).value() == 0);
        if (from >= 1) {
            CHECK(db->queryText(u"SELECT name FROM documents WHERE registration_id = 1"_s).value() == u"𠮷·名"_s);
            CHECK(db->queryInt(u"SELECT count(*) FROM registrations WHERE purged_at IS NULL"_s).value() == 1);
            // The outbox names its record from version 6 on: older rows learn it from their registration.
            CHECK(db->queryText(u"SELECT record_uuid FROM outbox WHERE registration_id = 1"_s).value() == u"u-1"_s);
        }
        CHECK(db->queryInt(u"SELECT count(*) FROM sync_state"_s).value() == 0);
    }
    // A database newer than the program is refused, not damaged.
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(u"new.db"_s), randomKey(), Database::OpenMode::CreateNew);
    REQUIRE(db.has_value());
    REQUIRE(db->exec(u"PRAGMA user_version = 99"_s).has_value());
    auto refused = schema::migrate(*db);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().detail.contains(u"newer than this program"_s));
}

TEST_CASE("The audit chain detects an altered, a removed and a truncated entry", "[store]")
{
    TestOutlet outlet;
    auto authenticator = outlet.authenticator();
    auto session = outlet.login(authenticator);
    AuditLog& log = session->store().audit();
    for (int i = 0; i < 5; ++i)
        REQUIRE(log.append(audit::RecordViewed, u"admin"_s, u"r-%1"_s.arg(i)).has_value());
    auto report = log.verify();
    REQUIRE(report.has_value());
    CHECK(report->intact);
    const qint64 total = report->entries;
    CHECK(total >= 8);
    Database& db = session->store().database();

    SECTION("altered")
    {
        REQUIRE(db.exec(u"UPDATE audit SET actor = 'mallory' WHERE id = 5"_s).has_value());
        CHECK(log.verify()->firstBadId == 5);
        CHECK(log.verify()->problem.contains(u"altered"_s));
    }
    SECTION("removed from the middle")
    {
        REQUIRE(db.exec(u"DELETE FROM audit WHERE id = 4"_s).has_value());
        CHECK_FALSE(log.verify()->intact);
        CHECK(log.verify()->problem.contains(u"missing"_s));
    }
    SECTION("last entries removed")
    {
        REQUIRE(db.exec(u"DELETE FROM audit WHERE id >= %1"_s.arg(total - 1)).has_value());
        CHECK_FALSE(log.verify()->intact);
        CHECK(log.verify()->problem.contains(u"removed"_s));
    }
    SECTION("check reports it")
    {
        REQUIRE(db.exec(u"UPDATE audit SET detail = 'x' WHERE id = 2"_s).has_value());
        CHECK_FALSE(session->store().check()->ok());
    }
}

TEST_CASE("Outbox hands out bounded batches, reuses the batch id on retry, applies results atomically", "[store]")
{
    TestOutlet outlet;
    auto authenticator = outlet.authenticator();
    auto session = outlet.login(authenticator);
    OutletStore& store = session->store();
    DemoDataGenerator generator(7, 4);
    QStringList uuids;
    for (int i = 0; i < 6; ++i) {
        auto r = store.registrations().commit(generator.registration(u"admin"_s, outlet.clock.now()));
        REQUIRE(r.has_value());
        uuids.append(r->uuid);
    }
    CHECK(store.outbox().queueLength().value() == 6);
    CHECK(store.outbox().oldestUnsent().value().has_value());

    auto first = store.outbox().nextBatch(4, 1 << 30);
    REQUIRE(first.has_value());
    REQUIRE(first->items.size() == 4);
    CHECK_FALSE(first->retry);
    CHECK(first->items.at(0).recordUuid == uuids.at(0));
    CHECK(first->items.at(0).payloadBytes > 20000);
    CHECK(store.registrations().load(uuids.at(0), false)->status == RecordStatus::Sent);

    // A retry (crash, time-out) gets the same batch.
    auto again = store.outbox().nextBatch(4, 1 << 30);
    REQUIRE(again.has_value());
    CHECK(again->batchId == first->batchId);
    CHECK(again->retry);
    CHECK(again->items.size() == 4);
    CHECK(again->items.at(0).attempts == 2);

    auto payload = store.outbox().payload(uuids.at(1));
    REQUIRE(payload.has_value());
    CHECK(payload->media.size() == 3);

    // Unknown record: nothing applied.
    OutboxResult stranger{u"not-in-batch"_s, OutboxResult::Outcome::Accepted, {}, u"HQ-0"_s, outlet.clock.now()};
    CHECK_FALSE(store.outbox().applyResults(first->batchId, {stranger}).has_value());
    CHECK(store.registrations().load(uuids.at(0), false)->status == RecordStatus::Sent);
    // Inside the caller's transaction (the sync stores HQ's figures with the answers, nested inTransaction
    // calls included), a refused result takes the caller's other writes with it.
    auto together = store.inTransaction([&]() -> Result<void> {
        auto inner = store.inTransaction([&]() -> Result<void> {
            return store.downlink().upsert({u"identity_count"_s, u"k"_s, "{\"count\":4}", u"1"_s, {}});
        });
        if (!inner)
            return inner;
        return store.outbox().applyResults(first->batchId, {stranger});
    });
    CHECK_FALSE(together.has_value());
    CHECK(store.downlink().items(u"identity_count"_s)->isEmpty());
    CHECK(store.registrations().load(uuids.at(0), false)->status == RecordStatus::Sent);

    const QDateTime hqTime = outlet.clock.now().addSecs(30);
    REQUIRE(store
                .inTransaction([&]() -> Result<void> {
                    auto inner = store.inTransaction([&]() -> Result<void> {
                        return store.downlink().upsert({u"identity_count"_s, u"k"_s, "{\"count\":3}", u"2"_s, {}});
                    });
                    if (!inner)
                        return inner;
                    return store.outbox().applyResults(
                        first->batchId,
                        {{uuids.at(0), OutboxResult::Outcome::Accepted, {}, u"HQ-1"_s, hqTime},
                         {uuids.at(1), OutboxResult::Outcome::Duplicate, {}, u"HQ-2"_s, hqTime},
                         {uuids.at(2), OutboxResult::Outcome::Rejected, u"identity_limit"_s, u"HQ-3"_s, hqTime}});
                })
                .has_value());
    CHECK(store.downlink().item(u"identity_count"_s, u"k"_s)->value().payload == "{\"count\":3}");
    auto accepted = store.registrations().load(uuids.at(0), false);
    CHECK(accepted->status == RecordStatus::Accepted);
    CHECK(accepted->hq.reference == u"HQ-1"_s);
    CHECK(accepted->hq.at == hqTime);
    CHECK(store.registrations().load(uuids.at(1), false)->status == RecordStatus::Accepted);
    auto rejected = store.registrations().load(uuids.at(2), false);
    CHECK(rejected->status == RecordStatus::Rejected);
    CHECK(rejected->hq.reasonCode == u"identity_limit"_s);
    CHECK(store.outbox().queueLength().value() == 3);

    // The unanswered record went back to pending, first in line; the byte bound keeps batches small.
    auto next = store.outbox().nextBatch(10, 1);
    REQUIRE(next.has_value());
    CHECK(next->batchId != first->batchId);
    REQUIRE(next->items.size() == 1);
    CHECK(next->items.at(0).recordUuid == uuids.at(3));
    REQUIRE(store.outbox().releaseBatch(next->batchId).has_value());
    auto all = store.outbox().nextBatch(10, 1 << 30);
    CHECK(all->items.size() == 3);
    CHECK(store.audit().verify()->intact);
}

TEST_CASE("Sync state, downlink items and the transaction hook", "[store]")
{
    TestOutlet outlet;
    auto authenticator = outlet.authenticator();
    auto session = outlet.login(authenticator);
    OutletStore& store = session->store();
    CHECK_FALSE(store.syncState().value(u"cursor"_s)->has_value());
    REQUIRE(store.syncState().setValue(u"cursor"_s, "42").has_value());
    CHECK(store.syncState().value(u"cursor"_s)->value() == "42");

    // A failing hook rolls everything back.
    auto failed = store.inTransaction([&]() -> Result<void> {
        if (auto r = store.downlink().upsert({downlink::Packages.toString(), u"P-58"_s, "{\"fee\":58}", u"1"_s, {}});
            !r)
            return r;
        if (auto r = store.syncState().setValue(u"cursor"_s, "43"); !r)
            return r;
        return fail(Error::syncFailure(u"page incomplete"_s));
    });
    CHECK_FALSE(failed.has_value());
    CHECK(store.downlink().items(downlink::Packages.toString())->isEmpty());
    CHECK(store.syncState().value(u"cursor"_s)->value() == "42");

    REQUIRE(store
                .inTransaction([&]() -> Result<void> {
                    if (auto r = store.downlink().replaceKind(downlink::RiskList.toString(),
                                                              {{{}, u"a"_s, "1", {}, {}}, {{}, u"b"_s, "2", {}, {}}});
                        !r)
                        return r;
                    return store.syncState().setValue(u"cursor"_s, "44");
                })
                .has_value());
    CHECK(store.downlink().items(downlink::RiskList.toString())->size() == 2);
    CHECK(store.downlink().item(downlink::RiskList.toString(), u"b"_s)->value().payload == "2");
    REQUIRE(store.downlink().remove(downlink::RiskList.toString(), u"a"_s).has_value());
    CHECK(store.downlink().items(downlink::RiskList.toString())->size() == 1);
}

TEST_CASE("Retention purges photos of records accepted long enough ago and keeps a stub", "[store]")
{
    TestOutlet outlet;
    auto authenticator = outlet.authenticator();
    auto session = outlet.login(authenticator);
    OutletStore& store = session->store();
    QStringList uuids;
    for (int i = 0; i < 3; ++i)
        uuids.append(store.registrations().commit(fullRegistration(u"admin"_s, i * 10)).value().uuid);
    auto batch = store.outbox().nextBatch(10, 1 << 30).value();
    const QDateTime now = outlet.clock.now();
    REQUIRE(store.outbox()
                .applyResults(batch.batchId,
                              {{uuids[0], OutboxResult::Outcome::Accepted, {}, u"H1"_s, now.addDays(-8)},
                               {uuids[1], OutboxResult::Outcome::Accepted, {}, u"H2"_s, now.addDays(-2)},
                               {uuids[2], OutboxResult::Outcome::Rejected, u"x"_s, u"H3"_s, now.addDays(-30)}})
                .has_value());
    auto purged = store.registrations().purgeAccepted(7, u"admin"_s);
    REQUIRE(purged.has_value());
    CHECK(*purged == 1);
    auto stub = store.registrations().load(uuids[0]);
    CHECK(stub->media.isEmpty());
    CHECK(stub->purgedAt.isValid());
    CHECK(stub->customer()->document.name == u"阿依古丽·买买提𠮷"_s);
    CHECK(store.registrations().load(uuids[1])->media.size() == 4);
    CHECK(store.registrations().load(uuids[2])->media.size() == 4);
    CHECK(store.registrations().purgeAccepted(7, u"admin"_s).value() == 0);
    CHECK(store.database().queryInt(u"SELECT count(*) FROM blobs"_s).value() == 8);
    CHECK(store.check()->ok());
    auto entries = store.audit().entries(1, 100).value();
    CHECK(std::any_of(entries.begin(), entries.end(), [](const AuditEntry& e) { return e.action == u"purge"_s; }));
}

TEST_CASE("Voiding a record is kept and audited", "[store]")
{
    TestOutlet outlet;
    auto authenticator = outlet.authenticator();
    auto session = outlet.login(authenticator);
    auto record = session->store().registrations().commit(fullRegistration(u"admin"_s)).value();
    REQUIRE(
        session->store().registrations().voidRecord(record.uuid, u"admin"_s, u"customer changed mind"_s).has_value());
    auto voided = session->store().registrations().load(record.uuid, false).value();
    CHECK(voided.status == RecordStatus::Voided);
    CHECK(voided.voidReason == u"customer changed mind"_s);
    CHECK(session->store().registrations().voidRecord(record.uuid, u"admin"_s, u"again"_s).error().code ==
          Error::Code::NotFound);
    CHECK(session->store().registrations().countForDocumentNumber(record.customer()->document.number).value() == 0);
}

TEST_CASE("The free-space floor refuses a registration with a clear message before SQLite fails", "[store]")
{
    TestOutlet outlet;
    outlet.options.store.freeSpaceFloorBytes = qint64(1) << 60;
    auto authenticator = outlet.authenticator();
    auto session = outlet.login(authenticator);
    auto refused = session->store().registrations().commit(fullRegistration(u"admin"_s));
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == Error::Code::PolicyRefused);
    CHECK(refused.error().detail.contains(u"disk nearly full"_s));
    CHECK(session->store().registrations().count().value() == 0);
    session->store().options().freeSpaceFloorBytes = 0;
    CHECK(session->store().registrations().commit(fullRegistration(u"admin"_s)).has_value());
}

TEST_CASE("Slot and lockout files: garbage, huge or invalid UTF-8 content never crashes", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.keys"_s);
    std::mt19937 rng(5);
    QList<QByteArray> inputs{
        QByteArray(),
        QByteArray("\xff\xfe\xfd invalid utf-8 \xc3\x28"),
        QByteArray("{\"format\":\"shiming-keyslots\",\"version\":1,\"slots\":[{\"user\":\"a\",\"kdf\":{\"algorithm\":"
                   "\"argon2id13\",\"opsLimit\":1e300,\"memLimitBytes\":-5,\"salt\":\"!!\"}}]}"),
        QByteArray("{\"format\":\"shiming-keyslots\",\"version\":1,\"slots\":[{\"user\":\"a\",\"kdf\":{\"algorithm\":"
                   "\"argon2id13\",\"opsLimit\":2,\"memLimitBytes\":9000000,\"salt\":\"AAAAAAAAAAAAAAAAAAAAAA==\"},"
                   "\"accountKey\":{\"nonce\":\"AA==\",\"ciphertext\":\"\"},\"dataKeys\":[{}]}]}"),
        QByteArray(5 << 20, '['),
    };
    for (int i = 0; i < 20; ++i) {
        QByteArray random(int(rng() % 4096), Qt::Uninitialized);
        for (char& c : random)
            c = char(rng());
        inputs.append(random);
    }
    for (const QByteArray& input : std::as_const(inputs)) {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(input);
        file.close();
        auto loaded = KeySlotFile::load(path);
        if (loaded) {
            // Parsed but unusable: unlocking fails cleanly.
            auto key = loaded->unlockAccountKey(u"a"_s, "password");
            CHECK_FALSE(key.has_value());
        } else {
            CHECK(loaded.error().code == Error::Code::StorageFailure);
        }
        auth::LockoutStore lockout(path);
        CHECK_FALSE(lockout.lockedUntil(u"a"_s, QDateTime::currentDateTime()).isValid());
        CHECK(lockout.recordFailure(u"a"_s, QDateTime::currentDateTime(), {}).has_value());
    }
}

TEST_CASE("Record enum keys are stable and round-trip", "[store]")
{
    for (auto status : {RecordStatus::Committed, RecordStatus::Sent, RecordStatus::Accepted, RecordStatus::Rejected,
                        RecordStatus::Voided})
        CHECK(parseRecordStatus(recordStatusKey(status)) == status);
    CHECK(recordStatusKey(RecordStatus::Rejected) == u"rejected"_s);
    CHECK(customerTypeKey(CustomerType::Organisation) == u"organisation"_s);
    CHECK(documentTypeKey(DocumentType::HkMoPermit) == u"hkmo-permit"_s);
    CHECK(documentTypeKey(DocumentType::HkMoPermit) == documentTypeKey(DocumentType::HkMoPermit));
    for (DocumentType type : allDocumentTypes())
        CHECK(documentTypeKey(type) == documentTypeKey(type));
    CHECK_FALSE(parseFaceBand(u"nonsense").has_value());
    CHECK(parseMediaKind(u"SIGNATURE") == MediaItem::Kind::Signature);
}
