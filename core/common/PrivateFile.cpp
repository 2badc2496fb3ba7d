#include "core/common/PrivateFile.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace shiming {

namespace {

/// The temporary file of one write: closed, and removed unless it became the target.
struct Temporary {
    QByteArray name;
    int fd = -1;
    bool kept = false;

    Temporary() = default;
    Temporary(const Temporary&) = delete;
    Temporary& operator=(const Temporary&) = delete;
    ~Temporary()
    {
        if (fd >= 0)
            ::close(fd);
        if (!kept && !name.isEmpty())
            ::unlink(name.constData());
    }
};

Error writeFailure(const QString& path, const QString& step, int error)
{
    const QString system = QString::fromLocal8Bit(std::strerror(error));
    if (error == ENOSPC || error == EDQUOT)
        return Error::because(Error::Code::StorageFailure, Cause{Reason::DiskFull},
                              u"disk full while writing %1 (%2): free space and try again"_s.arg(path, system));
    return Error::storageFailure(u"cannot write %1: %2 (%3)"_s.arg(path, step, system));
}

} // namespace

Result<void> writePrivateFile(const QString& path, const QByteArray& bytes)
{
    if (path.isEmpty())
        return fail(Error::invalidInput(u"no file name to write to"_s));
    const QByteArray target = QFile::encodeName(path);
    struct stat existing {};
    if (::lstat(target.constData(), &existing) == 0 && !S_ISREG(existing.st_mode))
        return fail(Error::invalidInput(
            u"cannot write %1: it is not a regular file (a folder, a device or a link); choose another name"_s.arg(
                path)));

    const QByteArray directory = QFile::encodeName(QFileInfo(path).absolutePath());
    Temporary temporary;
    // mkostemp opens with O_CREAT | O_EXCL and mode 0600: from its first instant the file is the owner's alone.
    QByteArray name = directory + "/.shiming-write-XXXXXX";
    const int fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        return fail(writeFailure(path, u"cannot create a file in its folder"_s, error));
    }
    temporary.name = name;
    temporary.fd = fd;
    // The umask can only have taken bits away; the owner reads and writes, nobody else anything.
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0) {
        const int error = errno;
        return fail(writeFailure(path, u"cannot restrict its permissions"_s, error));
    }
    const char* data = bytes.constData();
    for (qsizetype left = bytes.size(); left > 0;) {
        const ssize_t written = ::write(fd, data, size_t(left));
        if (written < 0) {
            const int error = errno;
            if (error == EINTR)
                continue;
            return fail(writeFailure(path, u"the write failed"_s, error));
        }
        data += written;
        left -= written;
    }
    if (::fsync(fd) != 0) {
        const int error = errno;
        return fail(writeFailure(path, u"flushing it to the disk failed"_s, error));
    }
    if (::close(std::exchange(temporary.fd, -1)) != 0) {
        const int error = errno;
        return fail(writeFailure(path, u"closing it failed"_s, error));
    }
    if (::rename(temporary.name.constData(), target.constData()) != 0) {
        const int error = errno;
        return fail(writeFailure(path, u"cannot put it in place"_s, error));
    }
    temporary.kept = true;
    // The new name reaches the disk with its folder (best effort: the data is already there).
    if (const int folder = ::open(directory.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); folder >= 0) {
        ::fsync(folder);
        ::close(folder);
    }
    return {};
}

} // namespace shiming
