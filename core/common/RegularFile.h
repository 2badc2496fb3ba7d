#pragma once

#include <QByteArray>
#include <QString>

#include <expected>

namespace shiming {

/// Why readRegularFile() gave no bytes.
enum class FileReadProblem {
    NotFound,       ///< nothing at the path (or a dangling link)
    NotRegularFile, ///< a directory, device, FIFO or socket: never opened for reading, never waited on
    TooLarge,       ///< more than the cap
    Unreadable,     ///< permissions, I/O error
};

struct FileReadFailure {
    FileReadProblem problem = FileReadProblem::Unreadable;
    /// English for logs; names neither the path nor anything in the file.
    QString detail;
};

/// Reads the whole of the regular file at `path` (links followed), at most `maxBytes` bytes. The path is
/// checked with stat() before it is opened, the file is opened non-blocking, and the opened descriptor is checked
/// again with fstat(), so a FIFO, device, socket or directory is refused without a blocking open or any read.
/// At most maxBytes + 1 bytes are read: a file larger than the cap, also one growing while it is read, is
/// refused, and never held in memory.
std::expected<QByteArray, FileReadFailure> readRegularFile(const QString& path, qint64 maxBytes);

} // namespace shiming
