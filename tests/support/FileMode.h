#pragma once
// File permission checks for the tests of files that hold personal data (exports, photos): 0600 from the start.

#include <QFile>
#include <QString>

#include <sys/stat.h>

namespace shiming::testing {

/// The permission bits of `path` (-1 when it cannot be read).
inline int modeOf(const QString& path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

/// The usual umask (022) for the scope: a file created with the default mode would be 0644.
struct UsualUmask {
    mode_t previous = ::umask(022);
    ~UsualUmask() { ::umask(previous); }
};

} // namespace shiming::testing
