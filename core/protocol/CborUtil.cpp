#include "core/protocol/CborUtil.h"

namespace shiming::protocol::cbor {

std::optional<QString> text(const QCborMap& map, QLatin1StringView key, qsizetype maxLength)
{
    const QCborValue value = map.value(key);
    if (!value.isString())
        return std::nullopt;
    QString result = value.toString();
    if (result.size() > maxLength)
        return std::nullopt;
    return result;
}

std::optional<QByteArray> bytes(const QCborMap& map, QLatin1StringView key, qsizetype maxLength)
{
    const QCborValue value = map.value(key);
    if (!value.isByteArray())
        return std::nullopt;
    QByteArray result = value.toByteArray();
    if (result.size() > maxLength)
        return std::nullopt;
    return result;
}

std::optional<qint64> integer(const QCborMap& map, QLatin1StringView key)
{
    const QCborValue value = map.value(key);
    if (!value.isInteger())
        return std::nullopt;
    return value.toInteger();
}

std::optional<QUuid> uuid(const QCborMap& map, QLatin1StringView key)
{
    const auto raw = bytes(map, key, 16);
    if (!raw || raw->size() != 16)
        return std::nullopt;
    const QUuid id = QUuid::fromRfc4122(*raw);
    if (id.isNull())
        return std::nullopt;
    return id;
}

QCborValue uuidValue(const QUuid& id)
{
    return QCborValue(id.toRfc4122());
}

} // namespace shiming::protocol::cbor
