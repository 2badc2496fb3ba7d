#pragma once

#include <QByteArray>
#include <QCborMap>
#include <QCborValue>
#include <QString>
#include <QUuid>

#include <optional>

namespace shiming::protocol::cbor {

// Small checked readers over a decoded QCborMap. Each returns nullopt when the key is missing or has the wrong
// type, so that a decoder can report INVALID instead of guessing.

std::optional<QString> text(const QCborMap& map, QLatin1StringView key, qsizetype maxLength = 1024);
std::optional<QByteArray> bytes(const QCborMap& map, QLatin1StringView key, qsizetype maxLength);
std::optional<qint64> integer(const QCborMap& map, QLatin1StringView key);
std::optional<QUuid> uuid(const QCborMap& map, QLatin1StringView key);

/// The 16 bytes of a UUID as a CBOR byte string.
QCborValue uuidValue(const QUuid& id);

} // namespace shiming::protocol::cbor
