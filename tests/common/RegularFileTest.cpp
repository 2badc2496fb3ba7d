#include "support/CatchQt.h"

#include "core/common/RegularFile.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <future>

using namespace shiming;
using namespace Qt::StringLiterals;

namespace {

void write(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
}

std::optional<FileReadProblem> problemOf(const QString& path, qint64 maxBytes = 1024)
{
    const auto read = readRegularFile(path, maxBytes);
    if (read)
        return std::nullopt;
    CHECK_FALSE(read.error().detail.isEmpty());
    return read.error().problem;
}

} // namespace

TEST_CASE("readRegularFile reads a regular file up to its cap", "[common]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(u"file.txt"_s);
    write(path, "0123456789");
    CHECK(readRegularFile(path, 10) == QByteArray("0123456789"));
    CHECK(readRegularFile(path, 1 << 20) == QByteArray("0123456789"));
    CHECK(problemOf(path, 9) == FileReadProblem::TooLarge);
    write(dir.filePath(u"empty"_s), {});
    CHECK(readRegularFile(dir.filePath(u"empty"_s), 0) == QByteArray());
    REQUIRE(QFile::link(path, dir.filePath(u"link"_s)));
    CHECK(readRegularFile(dir.filePath(u"link"_s), 10) == QByteArray("0123456789"));
}

TEST_CASE("readRegularFile refuses what is not a regular file without blocking or reading", "[common]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QElapsedTimer timer;
    timer.start();
    CHECK(problemOf(dir.filePath(u"absent"_s)) == FileReadProblem::NotFound);
    CHECK(problemOf(dir.filePath(u"absent/below"_s)) == FileReadProblem::NotFound);
    CHECK(problemOf(QString()) == FileReadProblem::NotFound);
    CHECK(problemOf(dir.path()) == FileReadProblem::NotRegularFile);
    CHECK(problemOf(u"/dev/zero"_s) == FileReadProblem::NotRegularFile);
    CHECK(problemOf(u"/dev/null"_s) == FileReadProblem::NotRegularFile);
    REQUIRE(QFile::link(u"/dev/zero"_s, dir.filePath(u"zero-link"_s)));
    CHECK(problemOf(dir.filePath(u"zero-link"_s)) == FileReadProblem::NotRegularFile);
    CHECK(timer.elapsed() < 1000);

    const QString fifo = dir.filePath(u"fifo"_s);
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    auto future = std::async(std::launch::async, [&] { return readRegularFile(fifo, 1024); });
    const bool inTime = future.wait_for(std::chrono::seconds(3)) == std::future_status::ready;
    if (!inTime) { // release a blocked open() so that the regression fails instead of hanging
        const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0)
            ::close(fd);
    }
    const auto read = future.get();
    CHECK(inTime);
    REQUIRE_FALSE(read.has_value());
    CHECK(read.error().problem == FileReadProblem::NotRegularFile);
}

TEST_CASE("readRegularFile refuses a large file without reading it", "[common]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(u"sparse"_s);
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        REQUIRE(file.resize(qint64(8) << 30)); // 8 GiB of hole
    }
    QElapsedTimer timer;
    timer.start();
    CHECK(problemOf(path, 64 << 20) == FileReadProblem::TooLarge);
    CHECK(timer.elapsed() < 1000);
}

TEST_CASE("readRegularFile names an unreadable file", "[common]")
{
    if (::geteuid() == 0)
        return; // root reads files whatever their mode
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(u"secret"_s);
    write(path, "x");
    REQUIRE(QFile::setPermissions(path, QFileDevice::WriteOwner));
    CHECK(problemOf(path) == FileReadProblem::Unreadable);
}
