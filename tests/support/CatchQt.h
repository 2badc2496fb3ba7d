#pragma once

// Catch2 with printers for the Qt types our assertions compare, so failures show values.
#include <catch2/catch.hpp>

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Catch {

template <>
struct StringMaker<QString> {
    static std::string convert(const QString& value) { return '"' + value.toStdString() + '"'; }
};

template <>
struct StringMaker<QByteArray> {
    static std::string convert(const QByteArray& value)
    {
        if (value.size() > 64)
            return "QByteArray(" + std::to_string(value.size()) + " bytes: " + value.left(32).toHex(' ').toStdString() +
                   " ...)";
        return "QByteArray(" + value.toHex(' ').toStdString() + ")";
    }
};

template <>
struct StringMaker<QDate> {
    static std::string convert(const QDate& value)
    {
        return value.isValid() ? value.toString(Qt::ISODate).toStdString() : std::string("QDate(invalid)");
    }
};

template <>
struct StringMaker<QDateTime> {
    static std::string convert(const QDateTime& value)
    {
        return value.isValid() ? value.toString(Qt::ISODateWithMs).toStdString() : std::string("QDateTime(invalid)");
    }
};

template <>
struct StringMaker<QStringList> {
    static std::string convert(const QStringList& value)
    {
        return "[" + value.join(QStringLiteral(", ")).toStdString() + "]";
    }
};

} // namespace Catch
