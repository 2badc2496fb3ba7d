#include "core/protocol/SyncRecord.h"

#include "core/protocol/CborUtil.h"

#include <QCborArray>
#include <QCborValue>
#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace shiming::protocol {

namespace {

constexpr qsizetype kMaxFieldLength = 256;

} // namespace

QCborMap encodeContent(const RecordContent& content)
{
    QCborMap map;
    map.insert("docType"_L1, content.documentType);
    map.insert("docNumber"_L1, content.documentNumber);
    map.insert("name"_L1, content.name);
    map.insert("operator"_L1, content.operatorCode);
    map.insert("msisdn"_L1, content.msisdn);
    map.insert("iccid"_L1, content.iccid);
    map.insert("package"_L1, content.packageCode);
    map.insert("registeredAt"_L1, content.registeredAtMs);
    map.insert("clerk"_L1, content.clerk);
    QCborArray photos;
    for (const RecordPhoto& photo : content.photos) {
        QCborMap entry;
        entry.insert("kind"_L1, photo.kind);
        entry.insert("jpeg"_L1, photo.jpeg);
        photos.append(entry);
    }
    map.insert("photos"_L1, photos);
    map.insert("extra"_L1, content.extra);
    return map;
}

Result<RecordContent> decodeContent(const QCborMap& map)
{
    RecordContent content;
    struct TextField {
        QLatin1StringView key;
        QString* target;
    };
    const TextField fields[] = {
        {"docType"_L1, &content.documentType},
        {"docNumber"_L1, &content.documentNumber},
        {"name"_L1, &content.name},
        {"operator"_L1, &content.operatorCode},
        {"msisdn"_L1, &content.msisdn},
        {"iccid"_L1, &content.iccid},
        {"package"_L1, &content.packageCode},
        {"clerk"_L1, &content.clerk},
    };
    for (const TextField& field : fields) {
        const auto value = cbor::text(map, field.key, kMaxFieldLength);
        if (!value)
            return fail(Error::invalidInput(u"record field %1 missing or malformed"_s.arg(field.key)));
        *field.target = *value;
    }
    const auto registeredAt = cbor::integer(map, "registeredAt"_L1);
    if (!registeredAt)
        return fail(Error::invalidInput(u"record field registeredAt missing"_s));
    content.registeredAtMs = *registeredAt;

    const QCborValue photos = map.value("photos"_L1);
    if (!photos.isArray() || photos.toArray().size() > kMaxPhotosPerRecord)
        return fail(Error::invalidInput(u"record photos malformed"_s));
    for (const QCborValue& entry : photos.toArray()) {
        if (!entry.isMap())
            return fail(Error::invalidInput(u"record photo malformed"_s));
        const QCborMap photoMap = entry.toMap();
        const auto kind = cbor::text(photoMap, "kind"_L1, 64);
        const auto jpeg = cbor::bytes(photoMap, "jpeg"_L1, kMaxPhotoBytes);
        if (!kind || !jpeg)
            return fail(Error::invalidInput(u"record photo malformed"_s));
        content.photos.append({*kind, *jpeg});
    }
    const QCborValue extra = map.value("extra"_L1);
    if (!extra.isMap())
        return fail(Error::invalidInput(u"record extra malformed"_s));
    content.extra = extra.toMap();
    if (content.documentNumber.isEmpty() || content.documentType.isEmpty())
        return fail(Error::invalidInput(u"record without document"_s));
    return content;
}

QByteArray contentHash(const RecordContent& content)
{
    return QCryptographicHash::hash(QCborValue(encodeContent(content)).toCbor(), QCryptographicHash::Sha256);
}

SyncRecord makeRecord(const QUuid& id, qint64 sequence, RecordContent content)
{
    SyncRecord record;
    record.id = id;
    record.sequence = sequence;
    record.contentHash = contentHash(content);
    record.content = std::move(content);
    return record;
}

} // namespace shiming::protocol
