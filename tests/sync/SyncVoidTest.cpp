// A manager's void at the outlet reaches HQ exactly once and releases the number there, so the customer's
// sixth registration after a void is accepted nationwide. And every batch carries the outlet's audit head.
#include "SyncTestSupport.h"
#include "support/CatchQt.h"

#include "core/identity/CheckDigits.h"
#include "core/protocol/SyncRecord.h"
#include "core/sync/AuditHead.h"
#include "core/sync/IdentityFigures.h"
#include "core/sync/SyncStatus.h"
#include "core/sync/VoidQueue.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

std::string statusAtHq(const std::string& url, const QString& uuid)
{
    return PgCluster::scalar(url, "SELECT status FROM records WHERE record_uuid = '" + uuid.toStdString() + "'");
}

void copyDatabaseFiles(const QString& from, const QString& to)
{
    for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        QFile::remove(to + suffix);
        if (QFile::exists(from + suffix))
            REQUIRE(QFile::copy(from + suffix, to + suffix));
    }
}

} // namespace

TEST_CASE("A void at the outlet releases the number at HQ exactly once", "[sync]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    TestOutlet outlet(u"OUT-A"_s, hq, 11);

    QStringList five;
    for (int i = 0; i < 5; ++i)
        five << outlet.commit(7, 100 + i);
    const sync::SyncReport first = outlet.engine().runBlocking();
    REQUIRE(first.ok);
    CHECK(first.accepted == 5);
    CHECK(first.voids == 0);

    // The manager voids the third registration; then the customer takes another number.
    REQUIRE(outlet.store().registrations().voidRecord(five[2], u"manager01"_s, u"customer cancelled"_s));
    sync::VoidQueue queue(outlet.store());
    CHECK(queue.waiting() == 1);
    CHECK(sync::readSyncStatus(outlet.store())->toJson().value(u"voidsPending"_s).toInteger() == 1);
    const QString sixth = outlet.commit(7, 105);
    const sync::SyncReport second = outlet.engine().runBlocking();
    REQUIRE(second.ok);
    CHECK(second.voids == 1);
    CHECK(second.sent == 1);
    CHECK(second.accepted == 1); // the void went first, so the sixth fits
    CHECK(outlet.statuses().value(sixth).first == u"accepted"_s);
    CHECK(outlet.statuses().value(five[2]).first == u"voided"_s);
    CHECK(statusAtHq(url, five[2]) == "released");
    CHECK(queue.waiting() == 0);
    CHECK(sync::readSyncStatus(outlet.store())->voidsWaiting == 0);

    // Nothing is sent again.
    const sync::SyncReport idle = outlet.engine().runBlocking();
    CHECK(idle.ok);
    CHECK(idle.voids == 0);
    CHECK(idle.sent == 0);

    // The acknowledgement is lost (a restored backup, a crash before it was stored): the void goes again, HQ
    // answers it with its first decision, and it still counts once: a seventh number is over the limit.
    REQUIRE(outlet.store().syncState().remove(QString::fromLatin1(sync::VoidQueue::kStatePrefix) + five[2]));
    CHECK(queue.waiting() == 1);
    const QString seventh = outlet.commit(7, 106);
    const sync::SyncReport third = outlet.engine().runBlocking();
    REQUIRE(third.ok);
    CHECK(third.voids == 1);
    CHECK(third.rejected == 1);
    CHECK(outlet.statuses().value(seventh).second == u"ID_LIMIT"_s);
    CHECK(queue.waiting() == 0);
    CHECK(PgCluster::scalar(url, "SELECT count(*) FROM record_voids") == "1");
    CHECK(PgCluster::scalar(url, "SELECT count(*) FROM records WHERE status = 'released'") == "1");
}

TEST_CASE("A registration voided before it was ever sent is sent and then released in the same pass", "[sync]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    TestOutlet outlet(u"OUT-A"_s, hq, 12);

    const QString early = outlet.commit(9, 500);
    REQUIRE(outlet.store().registrations().voidRecord(early, u"manager01"_s, u"wrong package"_s));
    const QString kept = outlet.commit(10, 500); // the same number, now for another customer
    const sync::SyncReport report = outlet.engine().runBlocking();
    REQUIRE(report.ok);
    CHECK(report.sent == 2);
    CHECK(report.voids == 1);
    CHECK(outlet.statuses().value(early).first == u"voided"_s);
    CHECK(statusAtHq(url, early) == "released");
    // The record after it in the same batch was decided while the first still held the number.
    CHECK(outlet.statuses().value(kept).second == u"NUMBER_TAKEN"_s);
    CHECK(sync::VoidQueue(outlet.store()).waiting() == 0);
}

TEST_CASE("Every batch reports the outlet's audit head and HQ notices a restored older database", "[sync]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    TestOutlet outlet(u"OUT-A"_s, hq, 13);
    const auto auditAtHq = [&] {
        QByteArray output;
        REQUIRE(hq.run({u"stats"_s, u"--pg"_s, QString::fromStdString(url), u"--json"_s}, &output) == 0);
        return QJsonDocument::fromJson(output)
            .object()
            .value(u"auditByOutlet"_s)
            .toObject()
            .value(u"OUT-A"_s)
            .toObject();
    };

    outlet.commitMany(2, 600);
    const auto before = sync::readAuditHead(outlet.store());
    REQUIRE(before.has_value());
    REQUIRE(before->has_value());
    REQUIRE(outlet.engine().runBlocking().ok);
    CHECK(auditAtHq().value(u"seq"_s).toInteger() == (*before)->sequence);
    CHECK(auditAtHq().value(u"head"_s).toString() == QString::fromLatin1((*before)->hash.toHex()));

    // A copy of the database now; more work is synced; then the copy is put back.
    outlet.close();
    QTemporaryDir backupDir;
    const QString backup = backupDir.filePath(u"backup.db"_s);
    copyDatabaseFiles(outlet.databasePath(), backup);
    outlet.reopen();
    outlet.commitMany(3, 610);
    REQUIRE(outlet.engine().runBlocking().ok);
    CHECK(auditAtHq().value(u"rewinds"_s).toInt() == 0);
    outlet.close();
    copyDatabaseFiles(backup, outlet.databasePath());
    outlet.reopen();
    outlet.commitMany(1, 620);
    REQUIRE(outlet.engine().runBlocking().ok);
    CHECK(auditAtHq().value(u"rewinds"_s).toInt() == 1);
    CHECK_FALSE(auditAtHq().value(u"rewoundAt"_s).isNull());
}

TEST_CASE("Chaos: voids under faults and a restored backup release each number exactly once", "[sync][slow]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url, {},
                 u"seed=20261129,fail-before=0.15,fail-after=0.15,slow=0.1,slow-ms=1500,reset=0.1,reset-before=0.1"_s);
    REQUIRE(hq.start());
    TestOutlet outlet(u"OUT-V"_s, hq, 14);
    sync::SyncEngine::Options small;
    small.maxRecords = 3;
    small.feeds = false;
    outlet.configure(QUrl(hq.url()), small, 1000);
    // Built on demand: reopening the outlet replaces its store.
    const auto waiting = [&] {
        return sync::VoidQueue(outlet.store()).waiting().value_or(-1);
    };
    const auto settled = [&] {
        return outlet.store().outbox().queueLength().value_or(1) == 0 && waiting() == 0;
    };
    const auto drainAll = [&] {
        int failed = 0;
        for (int pass = 0; pass < 300 && !settled(); ++pass)
            failed += outlet.engine().runBlocking().ok ? 0 : 1;
        return failed;
    };

    QStringList limited;
    for (int i = 0; i < 5; ++i)
        limited << outlet.commit(7, 100 + i);
    QStringList others;
    for (int i = 0; i < 12; ++i)
        others << outlet.commit(40 + i, 300 + i);
    int failed = drainAll();
    REQUIRE(settled());

    // The manager voids one of identity 7's numbers and every other of the rest; a sixth number for 7 follows.
    QStringList voided{limited[0]};
    for (int i = 0; i < others.size(); i += 2)
        voided << others[i];
    for (const QString& uuid : std::as_const(voided))
        REQUIRE(outlet.store().registrations().voidRecord(uuid, u"manager01"_s, u"chaos"_s));
    const QString sixth = outlet.commit(7, 105);
    outlet.close();
    QTemporaryDir backupDir;
    const QString backup = backupDir.filePath(u"backup.db"_s);
    copyDatabaseFiles(outlet.databasePath(), backup);
    outlet.reopen();
    outlet.configure(QUrl(hq.url()), small, 1000);

    failed += drainAll();
    INFO("failed passes: " << failed);
    CHECK(failed >= 3); // the faults really interrupted it
    REQUIRE(settled());
    const auto check = [&] {
        const auto atHq = hqStatuses(url);
        const auto mine = outlet.statuses();
        CHECK(atHq.size() == mine.size());
        for (auto it = mine.cbegin(); it != mine.cend(); ++it) {
            INFO("record " << it.key().toStdString());
            REQUIRE(atHq.contains(it.key()));
            const QString expected = it.value().first == u"voided"_s ? u"released"_s : it.value().first;
            CHECK(atHq.value(it.key()).first == expected);
        }
        CHECK(mine.value(sixth).first == u"accepted"_s);
        CHECK(PgCluster::scalar(url, "SELECT count(*) FROM records WHERE status = 'released'") ==
              std::to_string(voided.size()));
        CHECK(PgCluster::scalar(url, "SELECT count(*) FROM record_voids") == std::to_string(voided.size()));
        CHECK(PgCluster::scalar(url, "SELECT count(*) FROM record_voids WHERE status = 'accepted'") ==
              std::to_string(voided.size()));
        // HQ's figures: this outlet made every change at HQ and applied every answer (replays carry their old
        // time and lose to newer figures), so its figure for each identity is HQ's count now.
        QList<int> identities{7};
        for (int i = 0; i < 12; ++i)
            identities << 40 + i;
        for (const int identity : std::as_const(identities)) {
            const QString first17 = u"11010519900101%1"_s.arg(identity, 3, 10, QChar(u'0'));
            const QString key =
                sync::identityFigureKey(outlet.bundle().identityKey, documentTypeKey(DocumentType::ResidentId),
                                        first17 + QChar(identity::residentIdCheckCharacter(first17)));
            const auto figure = sync::identityFigure(outlet.store(), key);
            INFO("identity " << identity);
            REQUIRE(figure.has_value());
            REQUIRE(figure->has_value());
            CHECK(
                std::to_string((*figure)->count) ==
                PgCluster::scalar(url, "SELECT count(*) FROM records WHERE status = 'accepted' AND identity_hmac = '" +
                                           key.toStdString() + "'"));
        }
    };
    check();

    // The copy from before the voids were sent comes back: every void goes again and counts once.
    hq.stop();
    HqProcess healthy(url, hq.stateDir());
    REQUIRE(healthy.start());
    outlet.close();
    copyDatabaseFiles(backup, outlet.databasePath());
    outlet.reopen();
    outlet.configure(QUrl(healthy.url()), small);
    CHECK(waiting() == voided.size());
    drainAll();
    REQUIRE(settled());
    check();
}
