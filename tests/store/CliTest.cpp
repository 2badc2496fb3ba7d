#include "OutletCli.h"
#include "StoreTestSupport.h"

#include "cli/OutletCommands.h"
#include "core/review/DailyReport.h"

#include <QSet>

using namespace shiming;
using namespace shiming::testing;
using namespace Qt::StringLiterals;

TEST_CASE("shimingctl db init, demo seed, check, export, audit verify, and a wrong password changes nothing",
          "[store][cli]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(u"cli.db"_s);
    const QStringList login{u"--db"_s, db, u"--user"_s, u"boss"_s};
    Run init = run({u"db"_s, u"init"_s, u"--db"_s, db, u"--outlet"_s, u"O-9"_s, u"--admin"_s, u"boss"_s,
                    u"--weak-kdf-for-tests"_s},
                   "boss-password\n");
    INFO(init.err.toStdString());
    REQUIRE(init.status == cli::ExitOk);
    CHECK(QFile::exists(db + u".keys"_s));
    CHECK(run({u"db"_s, u"init"_s, u"--db"_s, db, u"--outlet"_s, u"O-9"_s, u"--admin"_s, u"boss"_s}, "boss-password\n")
              .status == cli::ExitFailure);

    Run seed = run(QStringList{u"demo"_s, u"seed"_s} + login +
                       QStringList{u"--count"_s, u"120"_s, u"--days"_s, u"3"_s, u"--pool"_s, u"4"_s},
                   "boss-password\n");
    INFO(seed.err.toStdString());
    REQUIRE(seed.status == cli::ExitOk);
    CHECK(seed.out.contains("seeded 120 registrations"));

    Run check = run(QStringList{u"db"_s, u"check"_s} + login, "boss-password\n");
    INFO(check.out.toStdString());
    CHECK(check.status == cli::ExitOk);
    CHECK(check.out.contains("ok   integrity: ok"));
    CHECK(check.out.contains("ok   audit_chain"));
    CHECK_FALSE(check.out.contains("FAIL"));

    const QString today = QDate::currentDate().toString(Qt::ISODate);
    Run exported =
        run(QStringList{u"db"_s, u"export"_s} + login + QStringList{u"--date"_s, today, u"--format"_s, u"csv"_s},
            "boss-password\n");
    REQUIRE(exported.status == cli::ExitOk);
    const QList<QByteArray> rows = exported.out.trimmed().split('\n');
    REQUIRE(rows.size() > 1);
    CHECK(rows.at(0).startsWith("sequence,uuid,"));
    CHECK(rows.at(1).contains("********"));
    Run unmasked = run(QStringList{u"db"_s, u"export"_s} + login +
                           QStringList{u"--date"_s, today, u"--format"_s, u"csv"_s, u"--unmasked"_s},
                       "boss-password\n");
    REQUIRE(unmasked.status == cli::ExitOk);
    CHECK_FALSE(unmasked.out.split('\n').at(1).contains("********"));

    Run verify = run(QStringList{u"audit"_s, u"verify"_s} + login, "boss-password\n");
    CHECK(verify.status == cli::ExitOk);
    CHECK(verify.out.contains("audit chain intact"));

    // A wrong password: exit 1, one clear line, both files unchanged byte for byte.
    const QByteArray dbHash = fileHash(db);
    const QByteArray slotHash = fileHash(db + u".keys"_s);
    Run wrong = run(QStringList{u"db"_s, u"check"_s} + login, "not-the-password\n");
    CHECK(wrong.status == cli::ExitFailure);
    CHECK(wrong.err == "error: wrong user name or password\n");
    CHECK(wrong.out.isEmpty());
    CHECK(fileHash(db) == dbHash);
    CHECK(fileHash(db + u".keys"_s) == slotHash);

    // A clerk added through the CLI; a clerk cannot export unmasked numbers or rekey.
    Run add = run(QStringList{u"db"_s, u"add-user"_s} + login +
                      QStringList{u"--name"_s, u"li"_s, u"--role"_s, u"clerk"_s, u"--weak-kdf-for-tests"_s},
                  "boss-password\nclerk-password\n");
    INFO(add.err.toStdString());
    REQUIRE(add.status == cli::ExitOk);
    const QStringList clerk{u"--db"_s, db, u"--user"_s, u"li"_s};
    CHECK(run(QStringList{u"db"_s, u"export"_s} + clerk +
                  QStringList{u"--date"_s, today, u"--format"_s, u"csv"_s, u"--unmasked"_s},
              "clerk-password\n")
              .status == cli::ExitFailure);
    CHECK(run(QStringList{u"db"_s, u"rekey"_s} + clerk, "clerk-password\n").status == cli::ExitFailure);
    Run rekey = run(QStringList{u"db"_s, u"rekey"_s} + login, "boss-password\n");
    INFO(rekey.err.toStdString());
    CHECK(rekey.status == cli::ExitOk);
    CHECK(run(QStringList{u"db"_s, u"check"_s} + clerk, "clerk-password\n").status == cli::ExitOk);

    // The command line itself wrong: exit 2.
    CHECK(run({u"db"_s, u"export"_s, u"--db"_s, db}, {}).status == cli::ExitUsage);
    CHECK(run({u"db"_s, u"frobnicate"_s}, {}).status == cli::ExitUsage);
    CHECK(run({u"demo"_s, u"seed"_s, u"--db"_s, db, u"--user"_s, u"boss"_s, u"--count"_s, u"x"_s}, {}).status ==
          cli::ExitUsage);
}

TEST_CASE("shimingctl demo seed --transactions all seeds every transaction, new numbers by default", "[store][cli]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(u"mix.db"_s);
    const QStringList login{u"--db"_s, db, u"--user"_s, u"boss"_s};
    REQUIRE(run({u"db"_s, u"init"_s, u"--db"_s, db, u"--outlet"_s, u"O-9"_s, u"--admin"_s, u"boss"_s,
                 u"--weak-kdf-for-tests"_s},
                "boss-password\n")
                .status == cli::ExitOk);
    const QStringList seed = QStringList{u"demo"_s, u"seed"_s} + login + QStringList{u"--days"_s, u"1"_s};
    CHECK(run(seed + QStringList{u"--count"_s, u"5"_s, u"--transactions"_s, u"some"_s}, "boss-password\n").status ==
          cli::ExitUsage);
    REQUIRE(run(seed + QStringList{u"--count"_s, u"40"_s, u"--transactions"_s, u"all"_s}, "boss-password\n").status ==
            cli::ExitOk);
    REQUIRE(run(seed + QStringList{u"--count"_s, u"10"_s}, "boss-password\n").status == cli::ExitOk);

    // Of each ten, six new numbers and one of each other kind; each lifecycle record is about a number seeded
    // before it, the transfer names the holder.
    SystemClock clock;
    auth::Authenticator authenticator(db, clock);
    auto session = authenticator.login(u"boss"_s, "boss-password");
    REQUIRE(session.has_value());
    auto report = review::DailyReport::build((*session)->store(), clock.today());
    REQUIRE(report.has_value());
    QHash<QString, qint64> perTransaction;
    for (const review::ReportLine& line : report->perTransaction)
        perTransaction.insert(line.key, line.registrations);
    CHECK(perTransaction.value(u"new"_s) == 24 + 10);
    for (const QString& key : {u"reverify"_s, u"sim_replace"_s, u"transfer"_s, u"cancel"_s})
        CHECK(perTransaction.value(key) == 4);
    auto day = (*session)->store().registrations().dayList(clock.today());
    REQUIRE(day.has_value());
    QSet<QString> newNumbers;
    for (const store::DayListRow& row : *day) {
        auto record = (*session)->store().registrations().load(row.uuid);
        REQUIRE(record.has_value());
        if (record->transaction == registration::Transaction::NewNumber) {
            newNumbers.insert(record->number);
            continue;
        }
        CHECK(newNumbers.contains(record->number));
        CHECK(record->packageId.isEmpty());
        CHECK((record->transaction == registration::Transaction::Transfer) ==
              (record->document(registration::DocumentRole::CurrentHolder) != nullptr));
    }
}
