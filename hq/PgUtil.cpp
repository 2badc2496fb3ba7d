#include "hq/PgUtil.h"

#include <pqxx/except>

#include <QCryptographicHash>
#include <QtEndian>

namespace shiming::hq::pg {

std::string textArray(const QStringList& values)
{
    std::string out = "{";
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += ',';
        out += '"';
        for (char c : values[i].toStdString()) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }
    out += '}';
    return out;
}

std::string bigintArray(const std::vector<qint64>& values)
{
    std::string out = "{";
    for (size_t i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += ',';
        out += std::to_string(values[i]);
    }
    out += '}';
    return out;
}

QString describe(const std::exception& e)
{
    if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e))
        return QStringLiteral("sqlstate ") + QString::fromStdString(sql->sqlstate());
    if (dynamic_cast<const pqxx::broken_connection*>(&e))
        return QStringLiteral("connection to PostgreSQL lost");
    if (dynamic_cast<const pqxx::in_doubt_error*>(&e))
        return QStringLiteral("commit in doubt");
    return QStringLiteral("database error");
}

std::string BinaryParams::add(const void* data, size_t size, const char* cast)
{
    m_values.emplace_back(data, size);
    return "$" + std::to_string(m_values.size()) + cast;
}

std::string BinaryParams::text(const QString& value)
{
    return text(value.toStdString());
}

std::string BinaryParams::text(const std::string& value)
{
    return add(value.data(), value.size(), "::text");
}

std::string BinaryParams::bytes(const QByteArray& value)
{
    return add(value.constData(), size_t(value.size()), "::bytea");
}

std::string BinaryParams::integer(qint64 value)
{
    const std::string digits = std::to_string(value);
    return add(digits.data(), digits.size(), "::text::bigint");
}

std::string BinaryParams::epochMs(qint64 value)
{
    return "to_timestamp(" + integer(value) + " / 1000.0)";
}

qint64 lockKey(const QString& text)
{
    const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
    return qFromBigEndian<qint64>(digest.constData());
}

} // namespace shiming::hq::pg
