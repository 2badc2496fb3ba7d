#include "OutletCli.h"
#include "StoreTestSupport.h"

#include "cli/OutletCommands.h"
#include "core/outlet/ClerkText.h"
#include "core/outlet/Exports.h"
#include "core/store/StoreOptions.h"

#include <QDir>
#include <QProcess>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

using namespace shiming;
using namespace shiming::testing;
using namespace Qt::StringLiterals;

// How "the disk is full" is reproduced here: a real file system that runs out of room, a small tmpfs mounted for
// the test. Nothing else gives SQLite and the export writer the ENOSPC they meet on a full disk: RLIMIT_FSIZE
// makes writes fail with EFBIG (and SIGXFSZ), /dev/full only fails writes to itself (SQLite's -wal and -shm are
// created next to the database), and a loop device needs root as well. Mounting needs CAP_SYS_ADMIN (root, or a
// container that allows it); where it is refused the tests skip with a warning that says why.
namespace {

struct SmallDisk {
    QTemporaryDir mountPoint;
    QByteArray target = QFile::encodeName(mountPoint.path());
    int mountErrno = 0;
    bool mounted = false;

    explicit SmallDisk(const char* options = "size=2m")
    {
        mounted = ::mount("shiming-test", target.constData(), "tmpfs", 0, options) == 0;
        if (!mounted)
            mountErrno = errno;
    }
    ~SmallDisk()
    {
        if (mounted)
            ::umount2(target.constData(), MNT_DETACH);
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;

    QString path() const { return mountPoint.path(); }
    QString filePath(const QString& name) const { return mountPoint.filePath(name); }
    QString skipMessage() const
    {
        return u"cannot mount a small tmpfs here (%1): run the test as root to reproduce a full disk"_s.arg(
            QString::fromLocal8Bit(std::strerror(mountErrno)));
    }

    /// Writes `name` until the file system has not one byte left; deleting the file frees the space again.
    void fill(const QString& name)
    {
        const int fd = ::open(QFile::encodeName(filePath(name)).constData(), O_WRONLY | O_CREAT | O_EXCL, 0600);
        REQUIRE(fd >= 0);
        const QByteArray chunk(64 * 1024, 'f');
        for (qsizetype size = chunk.size(); size > 0;) {
            const ssize_t n = ::write(fd, chunk.constData(), size_t(size));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                REQUIRE(errno == ENOSPC);
                size /= 2; // the last pages of the file system, one smaller write at a time
            }
        }
        ::close(fd);
        REQUIRE(store::freeDiskBytes(path()) == 0);
    }
};

QStringList entries(const QString& dir)
{
    QStringList names = QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    names.sort();
    return names;
}

} // namespace

// A 2 MiB tmpfs: small enough to fill in a moment. Needs mount permission (root in a container that allows it);
// skips with a clear message otherwise.
TEST_CASE("Disk full: the commit fails clearly, the database stays intact, work resumes once space is freed", "[store]")
{
    SmallDisk disk;
    if (!disk.mounted) {
        WARN("disk-full test skipped: " << disk.skipMessage().toStdString());
        return;
    }

    TestOutlet outlet(disk.path());
    // A filler file stands for "other files on the disk"; deleting it later frees space.
    const QString filler = disk.filePath(u"filler"_s);
    {
        QFile file(filler);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(512 * 1024, 'f'));
    }
    auto authenticator = outlet.authenticator();
    auto session = outlet.login(authenticator);
    auto& registrations = session->store().registrations();
    int committed = 0;
    std::optional<Error> failure;
    for (int i = 0; i < 400 && !failure; ++i) {
        auto r = registrations.commit(fullRegistration(u"admin"_s, i * 3));
        if (r)
            ++committed;
        else
            failure = r.error();
    }
    REQUIRE(failure.has_value());
    INFO(failure->detail.toStdString());
    CHECK(failure->code == Error::Code::StorageFailure);
    CHECK(failure->detail.contains(u"disk full"_s));
    CHECK(reasonName(failure->reason()) == u"disk_full"_s);
    CHECK(committed > 3);
    // Intact: exactly the committed records, every check passes.
    CHECK(registrations.count().value() == committed);
    CHECK(session->store().outbox().queueLength().value() == committed);
    auto check = session->store().check();
    REQUIRE(check.has_value());
    for (const auto& item : check->items) {
        INFO(item.name.toStdString() << ": " << item.detail.toStdString());
        CHECK(item.ok);
    }
    // Space freed: work resumes in the same session, and the database reopens cleanly.
    REQUIRE(QFile::remove(filler));
    auto resumed = registrations.commit(fullRegistration(u"admin"_s, 9999));
    INFO((resumed ? std::string() : resumed.error().detail.toStdString()));
    REQUIRE(resumed.has_value());
    session.reset();
    auto reopened = outlet.login(authenticator);
    CHECK(reopened->store().registrations().count().value() == committed + 1);
    CHECK(reopened->store().check()->ok());
}

// 0 bytes free when the counter starts: SQLite cannot create the write-ahead log's index (-shm) and fails the first
// read with an I/O error whose errno is ENOSPC. That is a full disk, not a wrong key.
TEST_CASE("Disk full at sign-in: the error says the disk is full, not the key, and no empty -wal/-shm is left",
          "[store]")
{
    SmallDisk disk;
    if (!disk.mounted) {
        WARN("disk-full test skipped: " << disk.skipMessage().toStdString());
        return;
    }
    TestOutlet outlet(disk.path());
    const QString wal = outlet.path + u"-wal"_s;
    const QString shm = outlet.path + u"-shm"_s;
    REQUIRE_FALSE(QFile::exists(wal));
    REQUIRE_FALSE(QFile::exists(shm));
    const QStringList before = entries(disk.path());
    const QByteArray databaseHash = fileHash(outlet.path);
    disk.fill(u"filler"_s);

    auto authenticator = outlet.authenticator();
    auto session = authenticator.login(u"admin"_s, outlet.adminPassword);
    REQUIRE_FALSE(session.has_value());
    const Error error = session.error();
    INFO(error.detail.toStdString());
    CHECK(error.code == Error::Code::StorageFailure);
    CHECK(reasonName(error.reason()) == u"disk_full"_s);
    CHECK(error.detail.contains(u"disk full"_s));
    CHECK_FALSE(error.detail.contains(u"key"_s));
    CHECK(ClerkText::of(error) == u"The disk is full: free space and try again. Nothing was lost."_s);
    // The failed open created -wal and -shm; they held nothing and are gone again.
    CHECK_FALSE(QFile::exists(wal));
    CHECK_FALSE(QFile::exists(shm));
    QStringList expected = before + QStringList{u"filler"_s};
    expected.sort();
    CHECK(entries(disk.path()) == expected);
    CHECK(fileHash(outlet.path) == databaseHash);

    // shimingctl says the same in one line.
    Run check =
        run({u"db"_s, u"check"_s, u"--db"_s, outlet.path, u"--user"_s, u"admin"_s}, outlet.adminPassword + '\n');
    CHECK(check.status == cli::ExitFailure);
    CHECK(check.err.startsWith("error: disk full"));
    CHECK_FALSE(check.err.contains("key"));
    CHECK_FALSE(QFile::exists(wal));
    CHECK_FALSE(QFile::exists(shm));

    // Space freed: the same password opens the same database.
    REQUIRE(QFile::remove(disk.filePath(u"filler"_s)));
    auto reopened = outlet.login(authenticator);
    REQUIRE(reopened);
    auto report = reopened->store().check();
    REQUIRE(report.has_value());
    CHECK(report->ok());
}

TEST_CASE("Disk full at sign-in while another session is open: its -wal and -shm are left alone", "[store]")
{
    SmallDisk disk;
    if (!disk.mounted) {
        WARN("disk-full test skipped: " << disk.skipMessage().toStdString());
        return;
    }
    TestOutlet outlet(disk.path());
    auto firstAuthenticator = outlet.authenticator();
    auto first = outlet.login(firstAuthenticator);
    REQUIRE(first->store().registrations().commit(fullRegistration(u"admin"_s)).has_value());
    const QString wal = outlet.path + u"-wal"_s;
    const QString shm = outlet.path + u"-shm"_s;
    REQUIRE(QFile::exists(wal));
    REQUIRE(QFile::exists(shm));
    disk.fill(u"filler"_s);

    auto secondAuthenticator = outlet.authenticator();
    auto second = secondAuthenticator.login(u"admin"_s, outlet.adminPassword);
    if (!second) {
        INFO(second.error().detail.toStdString());
        CHECK(reasonName(second.error().reason()) == u"disk_full"_s);
    }
    second = std::unexpected(Error{}); // closes the second connection, if it opened
    CHECK(QFile::exists(wal));
    CHECK(QFile::exists(shm));
    CHECK(first->store().registrations().count().value() == 1);
}

TEST_CASE("Disk full while writing an export: it says so, the older file is intact, no temporary is left",
          "[store][export]")
{
    SmallDisk disk;
    if (!disk.mounted) {
        WARN("disk-full test skipped: " << disk.skipMessage().toStdString());
        return;
    }
    const QString path = disk.filePath(u"day.csv"_s);
    REQUIRE(outlet::writeExportFile(path, "older export\n"));
    disk.fill(u"filler"_s);
    auto written = outlet::writeExportFile(path, QByteArray(256 * 1024, 'y'));
    REQUIRE_FALSE(written.has_value());
    INFO(written.error().detail.toStdString());
    CHECK(written.error().code == Error::Code::StorageFailure);
    CHECK(reasonName(written.error().reason()) == u"disk_full"_s);
    CHECK(written.error().detail.contains(u"disk full"_s));
    CHECK(readAll(path) == "older export\n");
    CHECK(entries(disk.path()) == QStringList{u"day.csv"_s, u"filler"_s});
}
