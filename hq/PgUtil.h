#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <exception>
#include <string>
#include <vector>

namespace shiming::hq::pg {

/// A PostgreSQL text[] literal ({"a","b"}) with quotes and backslashes escaped; bound as a parameter, never
/// pasted into SQL.
std::string textArray(const QStringList& values);
std::string bigintArray(const std::vector<qint64>& values);

/// A 64-bit advisory lock key for a string (the first 8 bytes of its SHA-256).
qint64 lockKey(const QString& text);

/// A description of a database exception safe for logs: the SQLSTATE or the kind of failure, never the
/// server's message text (which can quote values such as numbers).
QString describe(const std::exception& e);

inline std::string str(const QString& text)
{
    return text.toStdString();
}

inline QString qstr(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace shiming::hq::pg
