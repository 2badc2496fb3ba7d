// The day's records leaving the outlet (outlet::exportDayRecords, `shimingctl db export`): what the masked and
// the unmasked CSV hold, what is audited, and that the file written is the owner's alone (0600) from the start.
#include "OutletCli.h"
#include "StoreTestSupport.h"
#include "support/FileMode.h"

#include "cli/OutletCommands.h"
#include "core/outlet/Exports.h"
#include "core/store/AuditLog.h"

#include <QDir>

#include <sys/stat.h>

using namespace shiming;
using namespace shiming::testing;
using namespace Qt::StringLiterals;

namespace {

/// Three records of 2026-11-28: the test fixture's name (阿依古丽·买买提𠮷), a one-character surname outside
/// the BMP (𠮷) and a name with the middle dot (阿依古丽·买买提), each with its own mobile number.
QStringList commitThree(store::OutletStore& store)
{
    QStringList uuids;
    const QStringList names{u"阿依古丽·买买提𠮷"_s, u"𠮷"_s, u"阿依古丽·买买提"_s};
    const QStringList numbers{u"13800138000"_s, u"13912345678"_s, u"15000001111"_s};
    for (int i = 0; i < 3; ++i) {
        registration::Registration r = fullRegistration(u"admin"_s, i);
        r.documents[0].document.name = names.at(i);
        r.number = numbers.at(i);
        r.iccid = u"8986001234567890123"_s + QString::number(i);
        auto committed = store.registrations().commit(r);
        REQUIRE(committed.has_value());
        uuids.append(committed->uuid);
    }
    return uuids;
}

int auditCount(store::OutletStore& store, QStringView action, const QString& record, const QString& detail = {})
{
    auto entries = store.audit().entries(1, 100000);
    REQUIRE(entries.has_value());
    int n = 0;
    for (const store::AuditEntry& e : std::as_const(*entries)) {
        if (e.action == action && (record.isEmpty() || e.recordUuid == record) &&
            (detail.isEmpty() || e.detail.contains(detail)))
            ++n;
    }
    return n;
}

} // namespace

TEST_CASE("db export: the masked CSV holds surnames and number ends only, the unmasked one everything, audited",
          "[store][export]")
{
    TestOutlet outlet;
    auto authenticator = outlet.authenticator();
    auto session = outlet.login(authenticator);
    const QStringList uuids = commitThree(session->store());
    const QDate day(2026, 11, 28);

    auto masked = outlet::exportDayRecords(session->store(), session->account(), day, false);
    REQUIRE(masked.has_value());
    CHECK(masked->records == 3);
    const QString maskedCsv = QString::fromUtf8(masked->csv);
    INFO(maskedCsv.toStdString());
    // No full name, no given name, no full mobile number, no full document number.
    CHECK_FALSE(maskedCsv.contains(u"阿依古丽"_s));
    CHECK_FALSE(maskedCsv.contains(u"买买提"_s));
    for (const QString& number : {u"13800138000"_s, u"13912345678"_s, u"15000001111"_s})
        CHECK_FALSE(maskedCsv.contains(number));
    CHECK_FALSE(maskedCsv.contains(fullRegistration(u"admin"_s).customer()->document.number));
    // The surname stays, whole (𠮷 is one character outside the BMP), and the middle dot stays where it was.
    CHECK(maskedCsv.contains(u",阿***·****,"_s));
    CHECK(maskedCsv.contains(u",𠮷,"_s));
    CHECK(maskedCsv.contains(u",阿***·***,"_s));
    CHECK(maskedCsv.contains(u",138****8000,"_s));
    CHECK(maskedCsv.contains(u",139****5678,"_s));
    CHECK(maskedCsv.contains(u",150****1111,"_s));
    // A masked export discloses no record: only the summary entry.
    for (const QString& uuid : uuids)
        CHECK(auditCount(session->store(), store::audit::RecordExported, uuid) == 0);
    CHECK(auditCount(session->store(), store::audit::RecordExported, {}, u"masked"_s) == 1);

    auto unmasked = outlet::exportDayRecords(session->store(), session->account(), day, true);
    REQUIRE(unmasked.has_value());
    const QString fullCsv = QString::fromUtf8(unmasked->csv);
    // Exactly as stored: 𠮷 and the middle dot survive.
    CHECK(fullCsv.contains(u",阿依古丽·买买提𠮷,"_s));
    CHECK(fullCsv.contains(u",𠮷,"_s));
    CHECK(fullCsv.contains(u",阿依古丽·买买提,"_s));
    for (const QString& number : {u"13800138000"_s, u"13912345678"_s, u"15000001111"_s})
        CHECK(fullCsv.contains(u","_s + number + u","_s));
    CHECK(fullCsv.contains(fullRegistration(u"admin"_s).customer()->document.number));
    // Every record it disclosed is named in the audit log, and the summary says UNMASKED.
    for (const QString& uuid : uuids)
        CHECK(auditCount(session->store(), store::audit::RecordExported, uuid, u"unmasked"_s) == 1);
    CHECK(auditCount(session->store(), store::audit::RecordExported, {}, u"UNMASKED"_s) == 1);

    // A clerk may export the masked form only.
    auth::Account clerk{u"li"_s, u"Li"_s, auth::Role::Clerk};
    CHECK(outlet::exportDayRecords(session->store(), clerk, day, false).has_value());
    auto refused = outlet::exportDayRecords(session->store(), clerk, day, true);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().reason() == Reason::ManagerRequired);
}

TEST_CASE("db export --output writes the file 0600 from the start, replacing an older file whole", "[store][export]")
{
    UsualUmask umask022;
    TestOutlet outlet;
    {
        auto authenticator = outlet.authenticator();
        auto session = outlet.login(authenticator);
        commitThree(session->store());
    }
    QTemporaryDir exports;
    const QString fresh = exports.filePath(u"fresh.csv"_s);
    const QStringList login{u"--db"_s, outlet.path, u"--user"_s, u"admin"_s};
    const QStringList masked{u"--date"_s, u"2026-11-28"_s, u"--format"_s, u"csv"_s};
    Run first = run(QStringList{u"db"_s, u"export"_s} + login + masked + QStringList{u"--output"_s, fresh},
                    outlet.adminPassword + '\n');
    INFO(first.err.toStdString());
    REQUIRE(first.status == cli::ExitOk);
    CHECK(modeOf(fresh) == 0600);
    CHECK(readAll(fresh).contains("138****8000"));

    // An older export made world-readable is replaced, not rewritten in place: the new file is 0600 and whole.
    const QString older = exports.filePath(u"older.csv"_s);
    {
        QFile file(older);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(100000, 'x'));
    }
    REQUIRE(QFile::setPermissions(older, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                             QFileDevice::ReadOther));
    REQUIRE(modeOf(older) == 0644);
    Run unmasked =
        run(QStringList{u"db"_s, u"export"_s} + login + masked + QStringList{u"--unmasked"_s, u"--output"_s, older},
            outlet.adminPassword + '\n');
    INFO(unmasked.err.toStdString());
    REQUIRE(unmasked.status == cli::ExitOk);
    CHECK(modeOf(older) == 0600);
    const QByteArray written = readAll(older);
    CHECK(written.startsWith("sequence,uuid,"));
    CHECK_FALSE(written.contains('x'));
    CHECK(written.contains("13800138000"));
    // Nothing else is left in the directory (no temporary file).
    CHECK(QDir(exports.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot) ==
          QStringList{u"fresh.csv"_s, u"older.csv"_s});
}

TEST_CASE("writeExportFile: 0600 whatever the umask, and a failure leaves the old file and no temporary",
          "[store][export]")
{
    UsualUmask umask022;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"report.json"_s);
    REQUIRE(outlet::writeExportFile(path, "{}\n"));
    CHECK(modeOf(path) == 0600);
    CHECK(readAll(path) == "{}\n");
    REQUIRE(outlet::writeExportFile(path, "{\"second\": true}\n"));
    CHECK(modeOf(path) == 0600);
    CHECK(readAll(path) == "{\"second\": true}\n");

    // Not a file: a directory in the way, a missing directory.
    const QString folder = dir.filePath(u"folder"_s);
    REQUIRE(QDir().mkdir(folder));
    auto onDirectory = outlet::writeExportFile(folder, "x");
    REQUIRE_FALSE(onDirectory.has_value());
    CHECK(onDirectory.error().detail.contains(u"folder"_s));
    CHECK(QFileInfo(folder).isDir());
    CHECK_FALSE(outlet::writeExportFile(dir.filePath(u"missing/report.json"_s), "x").has_value());
    CHECK(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot) ==
          QStringList{u"folder"_s, u"report.json"_s});
}
