#include "core/common/RegularFile.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace shiming {

namespace {

std::unexpected<FileReadFailure> refuse(FileReadProblem problem, const QString& detail)
{
    return std::unexpected(FileReadFailure{problem, detail});
}

std::unexpected<FileReadFailure> refuseErrno(const char* what, int error)
{
    const FileReadProblem problem =
        error == ENOENT || error == ENOTDIR ? FileReadProblem::NotFound : FileReadProblem::Unreadable;
    if (problem == FileReadProblem::NotFound)
        return refuse(problem, u"the file does not exist"_s);
    return refuse(problem, u"cannot %1 the file: %2"_s.arg(QLatin1StringView(what),
                                                           QString::fromLocal8Bit(std::strerror(error))));
}

std::unexpected<FileReadFailure> notRegular()
{
    return refuse(FileReadProblem::NotRegularFile, u"not a regular file (a directory, device or pipe)"_s);
}

std::unexpected<FileReadFailure> tooLarge(qint64 maxBytes)
{
    return refuse(FileReadProblem::TooLarge, u"the file is larger than %1 bytes"_s.arg(maxBytes));
}

// Closes the descriptor on every way out.
struct Descriptor {
    int fd = -1;
    ~Descriptor()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

std::expected<QByteArray, FileReadFailure> readRegularFile(const QString& path, qint64 maxBytes)
{
    if (path.isEmpty())
        return refuse(FileReadProblem::NotFound, u"no file named"_s);
    const QByteArray name = QFile::encodeName(path);
    struct stat info {};
    // Before opening: opening a FIFO for reading blocks until a writer comes, and some devices act on open.
    if (::stat(name.constData(), &info) != 0)
        return refuseErrno("examine", errno);
    if (!S_ISREG(info.st_mode))
        return notRegular();
    if (info.st_size > maxBytes)
        return tooLarge(maxBytes);

    Descriptor file;
    do
        file.fd = ::open(name.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    while (file.fd < 0 && errno == EINTR);
    if (file.fd < 0)
        return refuseErrno("open", errno);
    // The path may have been swapped between stat() and open(): the opened file is what counts.
    if (::fstat(file.fd, &info) != 0)
        return refuseErrno("examine", errno);
    if (!S_ISREG(info.st_mode))
        return notRegular();
    if (info.st_size > maxBytes)
        return tooLarge(maxBytes);

    // One byte more than the cap tells a file at the cap from one above it (it may have grown since fstat).
    const qint64 limit = maxBytes + 1;
    QByteArray bytes;
    bytes.resize(qsizetype(std::min<qint64>(info.st_size, maxBytes) + 1));
    qint64 used = 0;
    while (used < limit) {
        if (used == bytes.size())
            bytes.resize(qsizetype(std::min<qint64>(limit, qint64(bytes.size()) * 2)));
        const ssize_t got = ::read(file.fd, bytes.data() + used, size_t(bytes.size() - used));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return refuseErrno("read", errno);
        }
        if (got == 0)
            break;
        used += got;
    }
    if (used > maxBytes)
        return tooLarge(maxBytes);
    bytes.truncate(qsizetype(used));
    return bytes;
}

} // namespace shiming
