#include "SyncTestSupport.h"
#include "support/CatchQt.h"

#include "cli/SyncCommands.h"
#include "core/auth/Authenticator.h"
#include "core/identity/CheckDigits.h"
#include "core/store/KeySlots.h"
#include "core/sync/IdentityFigures.h"
#include "core/sync/SyncCredentials.h"
#include "core/sync/SyncStatus.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

TEST_CASE("End to end: two outlets upload, HQ holds every record once, the 6th number is ID_LIMIT on the outlet",
          "[sync]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    TestOutlet a(u"OUT-A"_s, hq, 1);
    TestOutlet b(u"OUT-B"_s, hq, 2);

    QStringList shared;
    for (int i = 0; i < 3; ++i)
        shared << a.commit(7, 100 + i); // identity 7: three numbers at outlet A
    a.commitMany(4, 200);
    for (int i = 0; i < 3; ++i)
        shared << b.commit(7, 300 + i); // and three more at outlet B: the sixth is one too many
    b.commitMany(2, 400);

    const sync::SyncReport first = a.engine().runBlocking();
    CHECK(first.ok);
    CHECK(first.sent == 7);
    CHECK(first.accepted == 7);
    CHECK(first.pending == 0);
    const sync::SyncReport second = b.engine().runBlocking();
    CHECK(second.ok);
    CHECK(second.sent == 5);
    CHECK(second.accepted == 4);
    CHECK(second.rejected == 1);

    // HQ holds each record once, and agrees with both outlets.
    const auto atHq = hqStatuses(url);
    CHECK(atHq.size() == 12);
    auto outletA = a.statuses();
    auto outletB = b.statuses();
    for (auto* outlet : {&outletA, &outletB}) {
        for (auto it = outlet->cbegin(); it != outlet->cend(); ++it) {
            REQUIRE(atHq.contains(it.key()));
            CHECK(it.value().first == atHq.value(it.key()).first);
            CHECK(it.value().second == atHq.value(it.key()).second);
        }
    }
    const QString sixth = shared.last();
    CHECK(outletB.value(sixth).first == u"rejected"_s);
    CHECK(outletB.value(sixth).second == u"ID_LIMIT"_s);

    // A second pass sends nothing; the status shows the success and the rejection count.
    const sync::SyncReport idle = b.engine().runBlocking();
    CHECK(idle.ok);
    CHECK(idle.sent == 0);
    const auto status = sync::readSyncStatus(b.store());
    REQUIRE(status.has_value());
    CHECK(status->queueLength == 0);
    CHECK_FALSE(status->oldestUnsent.has_value());
    CHECK(status->lastSuccess.isValid());
    CHECK(status->lastError.isEmpty());
    CHECK(status->rejectedTotal == 1);
}

TEST_CASE("HQ's per-identity figure reaches the outlets with the answers and counts at the counter", "[sync]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    TestOutlet a(u"OUT-A"_s, hq, 21);
    TestOutlet b(u"OUT-B"_s, hq, 22);
    // Identity 9 as TestOutlet::commit() writes it.
    const QString first17 = u"11010519900101009"_s;
    const QString number = first17 + QChar(identity::residentIdCheckCharacter(first17));
    const auto figureAt = [&](TestOutlet& outlet) -> std::optional<int> {
        const QString key =
            sync::identityFigureKey(outlet.bundle().identityKey, documentTypeKey(DocumentType::ResidentId), number);
        REQUIRE_FALSE(key.isEmpty());
        auto figure = sync::identityFigure(outlet.store(), key);
        REQUIRE(figure.has_value());
        return figure->has_value() ? std::optional<int>((*figure)->count) : std::nullopt;
    };
    const auto holdingsAt = [&](TestOutlet& outlet) {
        auto held =
            sync::identityHoldings(outlet.store(), outlet.bundle().identityKey, DocumentType::ResidentId, number);
        REQUIRE(held.has_value());
        return *held;
    };

    // Outlet A: three numbers for X, synced; HQ's answers say 1, 2, 3 and the last one stays.
    for (int i = 0; i < 3; ++i)
        a.commit(9, 500 + i);
    a.commitMany(2, 520); // other identities in the same batch
    REQUIRE(a.engine().runBlocking().ok);
    CHECK(figureAt(a) == std::optional<int>(3));
    CHECK(PgCluster::scalar(url, "SELECT count(*) FROM records WHERE status = 'accepted'") == "5");

    // Outlet B knows nothing of A's records before its own answer comes back.
    b.commit(9, 510);
    CHECK_FALSE(figureAt(b).has_value());
    CHECK(holdingsAt(b).effective() == 1);
    const sync::SyncReport sent = b.engine().runBlocking();
    REQUIRE(sent.ok);
    CHECK(sent.accepted == 1);
    CHECK(figureAt(b) == std::optional<int>(4));
    registration::IdentityHoldings held = holdingsAt(b);
    CHECK(held.outletCount == 1);
    CHECK(held.hqCount == 4);
    CHECK(held.pendingAtHq == 0);
    CHECK(held.effective() == 4); // A's three and B's own, counted once

    // One more at B, not yet sent: HQ cannot have counted it.
    const QString fifth = b.commit(9, 511);
    held = holdingsAt(b);
    CHECK(held.outletCount == 2);
    CHECK(held.pendingAtHq == 1);
    CHECK(held.effective() == 5);

    // A voids one of its three; its void's answer carries the figure after the release.
    QString voided;
    {
        auto statement = a.store().database().prepare(
            u"SELECT r.uuid FROM registrations r JOIN documents d ON d.registration_id = r.id "
            "WHERE d.role = 'customer' AND d.number = ? ORDER BY r.id LIMIT 1"_s);
        REQUIRE(statement.has_value());
        statement->bind(1, number);
        REQUIRE(statement->step().value_or(false));
        voided = statement->text(0);
    }
    REQUIRE(a.store().registrations().voidRecord(voided, u"manager01"_s, u"customer cancelled"_s).has_value());
    const sync::SyncReport released = a.engine().runBlocking();
    REQUIRE(released.ok);
    CHECK(released.voids == 1);
    CHECK(figureAt(a) == std::optional<int>(3)); // A's two left and B's one

    // B sends its fifth: HQ stands at 4 (A's two, B's two), which B now holds as HQ's figure.
    REQUIRE(b.engine().runBlocking().ok);
    CHECK(b.statuses().value(fifth).first == u"accepted"_s);
    CHECK(figureAt(b) == std::optional<int>(4));
    held = holdingsAt(b);
    CHECK(held.outletCount == 2);
    CHECK(held.pendingAtHq == 0);
    CHECK(held.effective() == 4);
    // The outlet's key is HQ's own: the figure is HQ's ledger count for that identity.
    const QString key =
        sync::identityFigureKey(b.bundle().identityKey, documentTypeKey(DocumentType::ResidentId), number);
    CHECK(PgCluster::scalar(url, "SELECT count(*) FROM records WHERE status = 'accepted' AND identity_hmac = '" +
                                     key.toStdString() + "'") == "4");
}

TEST_CASE("Downlink feeds are applied with their cursor and only new items come down again", "[sync]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    TestOutlet a(u"OUT-A"_s, hq, 3);
    QTemporaryDir dir;
    QFile json(dir.filePath(u"face.json"_s));
    REQUIRE(json.open(QIODevice::WriteOnly));
    json.write(R"({"passThreshold": 0.62, "reviewThreshold": 0.45})");
    json.close();
    const QString pg = QString::fromStdString(url);
    REQUIRE(hq.run({u"publish"_s, u"--pg"_s, pg, u"--feed"_s, u"settings"_s, u"--key"_s, u"face"_s, u"--json"_s,
                    json.fileName()}) == 0);
    REQUIRE(hq.run({u"publish"_s, u"--pg"_s, pg, u"--feed"_s, u"number_pool"_s, u"--key"_s, u"13900000001"_s,
                    u"--outlet"_s, u"OUT-A"_s, u"--json"_s, json.fileName()}) == 0);
    REQUIRE(hq.run({u"risk-add"_s, u"--pg"_s, pg, u"--state"_s, hq.stateDir(), u"--doc-type"_s, u"resident_id"_s},
                   nullptr, "110105199001010010\n") == 0);

    const sync::SyncReport report = a.engine().runBlocking();
    REQUIRE(report.ok);
    CHECK(report.feedItems == 3);
    const auto face = a.store().downlink().item(u"setting"_s, u"face"_s);
    REQUIRE(face.has_value());
    REQUIRE(face->has_value());
    CHECK(QJsonDocument::fromJson((*face)->payload).object().value(u"passThreshold"_s).toDouble() == 0.62);
    const auto pool = a.store().downlink().items(u"number"_s);
    REQUIRE(pool.has_value());
    CHECK(pool->size() == 1);
    const auto risk = a.store().downlink().items(u"risk"_s);
    REQUIRE(risk.has_value());
    REQUIRE(risk->size() == 1);
    CHECK_FALSE(risk->first().key.contains(u"110105"_s)); // an HMAC, never the number

    REQUIRE(hq.run({u"publish"_s, u"--pg"_s, pg, u"--feed"_s, u"settings"_s, u"--key"_s, u"face"_s, u"--remove"_s}) ==
            0);
    const sync::SyncReport again = a.engine().runBlocking();
    REQUIRE(again.ok);
    CHECK(again.feedItems == 1);
    const auto removed = a.store().downlink().item(u"setting"_s, u"face"_s);
    REQUIRE(removed.has_value());
    CHECK_FALSE(removed->has_value());
}

TEST_CASE("shimingctl sync: setup stores the bundle in the database, --once and --status print JSON", "[sync]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    QTemporaryDir dir;
    const QString db = dir.filePath(u"outlet.db"_s);
    const QString passwordFile = dir.filePath(u"password"_s);
    {
        QFile file(passwordFile);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("correct horse 𠮷\n");
    }
    SystemClock clock;
    REQUIRE(auth::Authenticator::initialize(db, u"OUT-C"_s, u"admin"_s, "correct horse 𠮷",
                                            store::KdfParams::weakForTests(), clock)
                .has_value());
    const QString bundlePath = dir.filePath(u"bundle.json"_s);
    REQUIRE(hq.enroll(u"OUT-C"_s, bundlePath).has_value());
    const QString otherBundle = dir.filePath(u"other.json"_s);
    REQUIRE(hq.enroll(u"OUT-D"_s, otherBundle).has_value());

    const auto commands = cli::syncCommands();
    REQUIRE(commands.size() == 1);
    QByteArray out, err;
    cli::Io io{[&](const QByteArray& b) { out += b; }, [&](const QByteArray& b) { err += b; },
               [] {
                   return QByteArray();
               }};
    const auto run = [&](const QStringList& args) {
        out.clear();
        err.clear();
        return commands.first().run(args, io);
    };
    const QStringList login{u"--db"_s, db, u"--user"_s, u"admin"_s, u"--password-file"_s, passwordFile};

    CHECK(run(QStringList{u"setup"_s} + login + QStringList{u"--hq"_s, hq.url(), u"--bundle"_s, otherBundle}) == 1);
    CHECK(run(QStringList{u"setup"_s} + login + QStringList{u"--hq"_s, u"http://x"_s, u"--bundle"_s, bundlePath}) == 1);
    REQUIRE(run(QStringList{u"setup"_s} + login + QStringList{u"--hq"_s, hq.url(), u"--bundle"_s, bundlePath}) == 0);
    CHECK(run(login) == 2);

    {
        auth::Authenticator authenticator(db, clock);
        auto session = authenticator.login(u"admin"_s, "correct horse 𠮷");
        REQUIRE(session.has_value());
        store::DemoDataGenerator generator(9, 2);
        for (int i = 0; i < 3; ++i) {
            auto record = generator.registration(u"admin"_s, QDateTime::currentDateTime());
            record.number = u"1390000%1"_s.arg(i, 4, 10, QChar(u'0'));
            record.iccid = u"8986000000000000%1"_s.arg(i, 4, 10, QChar(u'0'));
            REQUIRE((*session)->store().registrations().commit(record).has_value());
        }
        const auto stored = sync::loadCredentials((*session)->store());
        REQUIRE(stored.has_value());
        CHECK(stored->bundle.outletId == u"OUT-C"_s);
    }
    REQUIRE(run(login + QStringList{u"--status"_s, u"--json"_s}) == 0);
    CHECK(QJsonDocument::fromJson(out).object().value(u"pending"_s).toInteger() == 3);

    REQUIRE(run(login + QStringList{u"--once"_s, u"--json"_s}) == 0);
    const QJsonObject once = QJsonDocument::fromJson(out).object();
    CHECK(once.value(u"sent"_s).toInteger() == 3);
    CHECK(once.value(u"accepted"_s).toInteger() == 3);
    CHECK(once.value(u"rejected"_s).toInteger() == 0);
    CHECK(once.value(u"pending"_s).toInteger() == 0);

    REQUIRE(run(login + QStringList{u"--status"_s, u"--json"_s}) == 0);
    const QJsonObject status = QJsonDocument::fromJson(out).object();
    CHECK(status.value(u"pending"_s).toInteger() == 0);
    CHECK(status.value(u"lastSuccess"_s).isString());
    CHECK(status.value(u"lastError"_s).isNull());

    QFile wrong(passwordFile);
    REQUIRE(wrong.open(QIODevice::WriteOnly));
    wrong.write("wrong\n");
    wrong.close();
    CHECK(run(login + QStringList{u"--status"_s, u"--json"_s}) == 1);

    // HQ gone: the pass fails, the error is kept for the status bar.
    hq.stop();
    QFile right(passwordFile);
    REQUIRE(right.open(QIODevice::WriteOnly));
    right.write("correct horse 𠮷\n");
    right.close();
    CHECK(run(login + QStringList{u"--once"_s, u"--json"_s, u"--timeout-ms"_s, u"3000"_s}) == 1);
    CHECK(QJsonDocument::fromJson(out).object().value(u"ok"_s).toBool() == false);
    REQUIRE(run(login + QStringList{u"--status"_s, u"--json"_s}) == 0);
    const QJsonObject offline = QJsonDocument::fromJson(out).object();
    CHECK(offline.value(u"lastError"_s).isString());
    CHECK(offline.value(u"online"_s).toBool() == false);
}
