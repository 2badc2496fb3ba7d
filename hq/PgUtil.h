#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <exception>
#include <string>
#include <vector>

#include <pqxx/binarystring>
#include <pqxx/field>

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

/// The parameters of one statement built at run time (a multi-row INSERT), all sent in binary format: text as
/// its UTF-8 bytes, declared `$n::text` in the SQL, and bytea as raw bytes, so photos reach the server without
/// being escaped. Each adder returns the placeholder (with its cast) to paste into the SQL.
class BinaryParams {
public:
    std::string text(const QString& value);
    std::string text(const std::string& value);
    std::string bytes(const QByteArray& value);
    std::string integer(qint64 value);
    /// A timestamptz from epoch milliseconds.
    std::string epochMs(qint64 value);
    const std::vector<pqxx::binarystring>& values() const { return m_values; }

private:
    std::string add(const void* data, size_t size, const char* cast);
    std::vector<pqxx::binarystring> m_values;
};

inline std::string str(const QString& text)
{
    return text.toStdString();
}

inline QString qstr(const std::string& text)
{
    return QString::fromStdString(text);
}

/// A text column as JSON: its text, or null when the column is NULL.
inline QJsonValue jsonText(const pqxx::field& field)
{
    return field.is_null() ? QJsonValue() : QJsonValue(qstr(field.as<std::string>()));
}

} // namespace shiming::hq::pg
