#pragma once

#include "core/common/Error.h"

#include <QByteArray>
#include <QString>

namespace shiming {

/// Writes `bytes` to `path` as a file only its owner may read or write (mode 0600 from the moment it exists,
/// whatever the umask), whole or not at all: the bytes go to a new temporary file in the same directory (created
/// with O_CREAT | O_EXCL and mode 0600, so no other account can open it even for an instant), are flushed to the
/// disk, and the file is renamed over `path`. An older file at `path` is replaced, never rewritten in place, so
/// its permissions do not carry over and a failure leaves it as it was. `path` must be a regular file or not
/// exist (a directory, a device or a symbolic link is refused). A full disk (ENOSPC, EDQUOT) is a
/// StorageFailure with Reason::DiskFull; any other failure a StorageFailure naming the file.
Result<void> writePrivateFile(const QString& path, const QByteArray& bytes);

} // namespace shiming
