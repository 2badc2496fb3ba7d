#include "SyncTestSupport.h"
#include "support/CatchQt.h"
#include "support/DamagedPage.h"

#include "core/sync/SyncStatus.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace shiming;
using namespace shiming::testing;

namespace {

void copyDatabaseFile(const QString& from, const QString& to)
{
    for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s})
        QFile::remove(to + suffix);
    REQUIRE(QFile::copy(from, to));
}

} // namespace

TEST_CASE("A damaged page: the readable records still reach HQ, the unreadable one is reported by id, and a "
          "restored backup re-sends it",
          "[sync]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    TestOutlet outlet(u"OUT-A"_s, hq, 31);
    const auto hqJson = [&](const QStringList& args) {
        QByteArray output;
        REQUIRE(hq.run(args + QStringList{u"--pg"_s, QString::fromStdString(url), u"--json"_s}, &output) == 0);
        return QJsonDocument::fromJson(output).object();
    };

    outlet.commitMany(2, 700);
    QString lost;
    const qint64 page = middlePageAppendedBy(outlet.store(), [&] { lost = outlet.commitLarge(710, 256 * 1024); });
    outlet.commitMany(2, 720);
    REQUIRE(page > 0);
    REQUIRE(outlet.store().database().checkpoint().has_value());
    outlet.close();
    QTemporaryDir backupDir;
    const QString backup = backupDir.filePath(u"backup.db"_s);
    copyDatabaseFile(outlet.databasePath(), backup); // last night's copy, taken while the counter was closed
    REQUIRE(damagePage(outlet.databasePath(), page));
    outlet.reopen();

    // Said at open, before any pass: the status is about the database, not the link.
    auto before = sync::readSyncStatus(outlet.store());
    REQUIRE(before.has_value());
    CHECK(before->storageDamaged);
    CHECK(before->online);
    CHECK(before->unreadable == 0);

    // The pass goes on past the damaged record: four accepted, one set aside and reported.
    const sync::SyncReport pass = outlet.engine().runBlocking();
    INFO(pass.error.toStdString());
    CHECK(pass.ok);
    CHECK(pass.storageDamaged);
    CHECK(pass.sent == 4);
    CHECK(pass.accepted == 4);
    CHECK(pass.unreadable == 1);
    CHECK(pass.unreadableReported == 1);
    CHECK(pass.pending == 1);

    auto status = sync::readSyncStatus(outlet.store());
    REQUIRE(status.has_value());
    CHECK(status->online);
    CHECK(status->lastError.isEmpty());
    CHECK(status->storageDamaged);
    CHECK(status->unreadable == 1);
    CHECK(status->unreadableReported == 1);
    CHECK(status->queueLength == 1);
    const QJsonObject json = status->toJson();
    CHECK(json.value(u"online"_s).toBool());
    CHECK(json.value(u"storage"_s).toObject().value(u"damaged"_s).toBool());
    CHECK(json.value(u"unreadable"_s).toInteger() == 1);

    // HQ knows which record is missing and that it does not hold it.
    const auto listed = [&] {
        return hqJson({u"unreadable"_s}).value(u"unreadable"_s).toArray();
    };
    REQUIRE(listed().size() == 1);
    CHECK(listed().first().toObject().value(u"record"_s).toString() == lost);
    CHECK(listed().first().toObject().value(u"outlet"_s).toString() == u"OUT-A"_s);
    CHECK_FALSE(listed().first().toObject().value(u"heldAtHq"_s).toBool());
    const QJsonObject counts =
        hqJson({u"stats"_s}).value(u"unreadableByOutlet"_s).toObject().value(u"OUT-A"_s).toObject();
    CHECK(counts.value(u"reported"_s).toInteger() == 1);
    CHECK(counts.value(u"heldAtHq"_s).toInteger() == 0);
    CHECK(PgCluster::scalar(url, "SELECT count(*) FROM records") == "4");

    // A second pass sends nothing and does not report again.
    const sync::SyncReport idle = outlet.engine().runBlocking();
    CHECK(idle.ok);
    CHECK(idle.sent == 0);
    CHECK(idle.unreadableReported == 0);
    CHECK(listed().first().toObject().value(u"reports"_s).toInt() == 1);

    // Recovery: the last good copy goes back in place; the next pass re-sends what it holds (HQ answers the
    // four it has as duplicates) and the lost record reaches HQ.
    outlet.close();
    copyDatabaseFile(backup, outlet.databasePath());
    outlet.reopen();
    auto restored = sync::readSyncStatus(outlet.store());
    REQUIRE(restored.has_value());
    CHECK_FALSE(restored->storageDamaged);
    const sync::SyncReport resend = outlet.engine().runBlocking();
    CHECK(resend.ok);
    CHECK(resend.sent == 5);
    CHECK(resend.accepted == 5);
    CHECK(resend.pending == 0);
    CHECK(PgCluster::scalar(url, "SELECT status FROM records WHERE record_uuid = '" + lost.toStdString() + "'") ==
          "accepted");
    CHECK(listed().first().toObject().value(u"heldAtHq"_s).toBool());
    CHECK(hqJson({u"stats"_s})
              .value(u"unreadableByOutlet"_s)
              .toObject()
              .value(u"OUT-A"_s)
              .toObject()
              .value(u"heldAtHq"_s) == 1);
}

TEST_CASE("The page check before a pass runs only when the last one is older than the interval", "[sync]")
{
    const std::string url = PgCluster::instance().newDatabase();
    HqProcess hq(url);
    REQUIRE(hq.start());
    TestOutlet outlet(u"OUT-C"_s, hq, 33);
    outlet.commitMany(2, 900);
    // A store that was never checked (this one was created, not opened at a sign-in) is checked by the pass.
    CHECK_FALSE(outlet.store().health().checkedAt.isValid());
    const sync::SyncReport zeroth = outlet.engine().runBlocking();
    CHECK(zeroth.ok);
    const QDateTime atOpen = outlet.store().health().checkedAt;
    REQUIRE(atOpen.isValid());

    // Within the default interval: the last check stands, the pass reads no page twice.
    QThread::msleep(20);
    outlet.commitMany(1, 905);
    const sync::SyncReport first = outlet.engine().runBlocking();
    CHECK(first.ok);
    CHECK(outlet.store().health().checkedAt == atOpen);

    // Past the interval (here: none), the pass checks again.
    sync::SyncEngine::Options everyPass;
    everyPass.pageCheckSeconds = 0;
    outlet.configure(QUrl(hq.url()), everyPass);
    outlet.commitMany(1, 910);
    const sync::SyncReport second = outlet.engine().runBlocking();
    CHECK(second.ok);
    CHECK(outlet.store().health().checkedAt > atOpen);
    CHECK_FALSE(second.storageDamaged);
}
