#include "core/protocol/SyncRecord.h"

#include "core/protocol/CborUtil.h"
#include "core/protocol/Sha256.h"

#include <QCborArray>
#include <QCborValue>

using namespace Qt::StringLiterals;

namespace shiming::protocol {

namespace {

constexpr qsizetype kMaxFieldLength = 256;

// A NUL cannot live in a PostgreSQL text column; refusing it here keeps such a record INVALID instead of
// failing its whole batch at HQ on every retry.
std::optional<QString> field(const QCborMap& map, QLatin1StringView key, qsizetype maxLength = kMaxFieldLength)
{
    auto value = cbor::text(map, key, maxLength);
    if (value && value->contains(QChar(0)))
        return std::nullopt;
    return value;
}

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
        const auto value = protocol::field(map, field.key);
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
        const auto kind = protocol::field(photoMap, "kind"_L1, 64);
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

QCborMap encodeVoid(const VoidContent& content)
{
    QCborMap map;
    map.insert("voids"_L1, cbor::uuidValue(content.original));
    map.insert("voidedAt"_L1, content.voidedAtMs);
    map.insert("actor"_L1, content.actor);
    map.insert("reason"_L1, content.reason);
    return map;
}

Result<VoidContent> decodeVoid(const QCborMap& map)
{
    VoidContent content;
    const auto original = cbor::uuid(map, "voids"_L1);
    const auto voidedAt = cbor::integer(map, "voidedAt"_L1);
    const auto actor = field(map, "actor"_L1);
    const auto reason = field(map, "reason"_L1);
    if (!original || !voidedAt || !actor || !reason)
        return fail(Error::invalidInput(u"void record malformed"_s));
    content.original = *original;
    content.voidedAtMs = *voidedAt;
    content.actor = *actor;
    content.reason = *reason;
    return content;
}

QByteArray contentHash(const RecordContent& content)
{
    return sha256(QCborValue(encodeContent(content)).toCbor());
}

SyncRecord makeRecord(const QUuid& id, qint64 sequence, RecordContent content)
{
    SyncRecord record;
    record.id = id;
    record.sequence = sequence;
    record.contentCbor = QCborValue(encodeContent(content)).toCbor();
    record.contentHash = sha256(record.contentCbor);
    record.content = std::move(content);
    return record;
}

SyncRecord makeVoidRecord(const QUuid& id, qint64 sequence, VoidContent content)
{
    SyncRecord record;
    record.id = id;
    record.sequence = sequence;
    record.kind = RecordKind::Void;
    for (QString* text : {&content.actor, &content.reason}) {
        text->remove(QChar(0));
        text->truncate(kMaxFieldLength);
    }
    record.contentCbor = QCborValue(encodeVoid(content)).toCbor();
    record.contentHash = sha256(record.contentCbor);
    record.voidContent = std::move(content);
    return record;
}

QUuid voidRecordId(const QUuid& original)
{
    static const QUuid ns = QUuid::fromString(u"0d4f5f0e-4b8e-4f64-a1f7-6a0c2b9e7d31"_s);
    return QUuid::createUuidV5(ns, original.toRfc4122());
}

} // namespace shiming::protocol
