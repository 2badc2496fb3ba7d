#pragma once
// Writing and reading whole files in tests, failing the test case when the file cannot be opened or written.

#include "support/CatchQt.h"

#include <QByteArray>
#include <QFile>
#include <QString>

namespace shiming::testing {

inline void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

inline QByteArray readFile(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

} // namespace shiming::testing
