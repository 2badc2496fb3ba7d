#include "core/protocol/SyncRecord.h"

#include "core/protocol/CborUtil.h"
#include "core/protocol/Sha256.h"

#include <QCborArray>
#include <QCborValue>
#include <QDate>

#include <algorithm>

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
    if (!content.transaction.isEmpty()) {
        map.insert("txn"_L1, content.transaction);
        if (!content.holderDocumentType.isEmpty() || !content.holderDocumentNumber.isEmpty()) {
            map.insert("holderDocType"_L1, content.holderDocumentType);
            map.insert("holderDocNumber"_L1, content.holderDocumentNumber);
        }
    }
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
    if (map.contains("txn"_L1)) {
        const auto transaction = field(map, "txn"_L1, 32);
        if (!transaction || !(*transaction == u"reverify"_s || *transaction == u"sim_replace"_s ||
                              *transaction == u"transfer"_s || *transaction == u"cancel"_s))
            return fail(Error::invalidInput(u"record of an unknown transaction"_s));
        content.transaction = *transaction;
        if (map.contains("holderDocType"_L1) || map.contains("holderDocNumber"_L1)) {
            const auto type = field(map, "holderDocType"_L1);
            const auto number = field(map, "holderDocNumber"_L1);
            if (!type || !number)
                return fail(Error::invalidInput(u"record holder document malformed"_s));
            content.holderDocumentType = *type;
            content.holderDocumentNumber = *number;
        }
        if ((content.transaction == u"transfer"_s) ==
            (content.holderDocumentType.isEmpty() || content.holderDocumentNumber.isEmpty()))
            return fail(Error::invalidInput(u"a transfer names its present holder, nothing else does"_s));
        if (content.msisdn.isEmpty())
            return fail(Error::invalidInput(u"a transaction on a number in service names the number"_s));
    }
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

QCborMap encodeFinding(const FindingContent& content)
{
    QCborMap map;
    map.insert("type"_L1, content.type);
    map.insert("day"_L1, content.day);
    map.insert("key"_L1, content.key);
    map.insert("state"_L1, content.state);
    map.insert("subject"_L1, content.subject);
    map.insert("figure"_L1, content.figure);
    QCborArray records;
    for (const QString& uuid : content.records)
        records.append(uuid);
    map.insert("records"_L1, records);
    map.insert("actor"_L1, content.actor);
    map.insert("note"_L1, content.note);
    map.insert("at"_L1, content.atMs);
    return map;
}

Result<FindingContent> decodeFinding(const QCborMap& map)
{
    FindingContent content;
    const auto type = field(map, "type"_L1, 32);
    const auto day = field(map, "day"_L1, 10);
    const auto key = field(map, "key"_L1);
    const auto state = field(map, "state"_L1, 32);
    const auto subject = field(map, "subject"_L1);
    const auto figure = cbor::integer(map, "figure"_L1);
    const auto actor = field(map, "actor"_L1);
    const auto note = field(map, "note"_L1, kMaxFindingNoteLength);
    const auto at = cbor::integer(map, "at"_L1);
    const QCborValue records = map.value("records"_L1);
    if (!type || !day || !key || !state || !subject || !figure || !actor || !note || !at || !records.isArray() ||
        records.toArray().size() > kMaxFindingRecords)
        return fail(Error::invalidInput(u"finding record malformed"_s));
    const bool known = (*type == u"spot_check"_s && (*state == u"ok"_s || *state == u"problem"_s)) ||
                       (*type == u"alert"_s && (*state == u"raised"_s || *state == u"acknowledged"_s));
    if (!known || !QDate::fromString(*day, Qt::ISODate).isValid() || key->isEmpty())
        return fail(Error::invalidInput(u"finding of unknown type, state or day"_s));
    for (const QCborValue& entry : records.toArray()) {
        const QString uuid = entry.toString();
        if (!entry.isString() || QUuid::fromString(uuid).isNull())
            return fail(Error::invalidInput(u"finding names a record that is not a uuid"_s));
        content.records << uuid;
    }
    content.type = *type;
    content.day = *day;
    content.key = *key;
    content.state = *state;
    content.subject = *subject;
    content.figure = *figure;
    content.actor = *actor;
    content.note = *note;
    content.atMs = *at;
    return content;
}

QCborMap encodeRecordContent(const SyncRecord& record)
{
    switch (record.kind) {
    case RecordKind::Void:
        return encodeVoid(record.voidContent);
    case RecordKind::Finding:
        return encodeFinding(record.findingContent);
    case RecordKind::Registration:
        break;
    }
    return encodeContent(record.content);
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

SyncRecord makeFindingRecord(const QString& outletId, FindingContent content)
{
    for (QString* text : {&content.key, &content.subject, &content.actor, &content.note}) {
        text->remove(QChar(0));
        text->truncate(text == &content.note ? kMaxFindingNoteLength : kMaxFieldLength);
    }
    if (content.records.size() > kMaxFindingRecords)
        content.records.resize(kMaxFindingRecords);
    SyncRecord record;
    record.id = findingRecordId(outletId, content);
    record.kind = RecordKind::Finding;
    record.contentCbor = QCborValue(encodeFinding(content)).toCbor();
    record.contentHash = sha256(record.contentCbor);
    record.findingContent = std::move(content);
    return record;
}

QUuid findingRecordId(const QString& outletId, const FindingContent& content)
{
    static const QUuid ns = QUuid::fromString(u"3b7e9a20-6c41-4f0d-8e52-1a9d4c7b2f60"_s);
    const QStringList parts{outletId,    content.type,  content.day,
                            content.key, content.state, QString::number(content.atMs)};
    return QUuid::createUuidV5(ns, parts.join(QChar(0)));
}

QUuid derivedBatchId(const QList<SyncRecord>& records)
{
    QList<QByteArray> ids;
    for (const auto& record : records)
        ids << record.id.toRfc4122();
    std::sort(ids.begin(), ids.end());
    static const QUuid ns = QUuid::fromString(u"5a0e3f4c-2d6b-4a8e-9c71-0b2f6d3e8a15"_s);
    return QUuid::createUuidV5(ns, ids.join());
}

QUuid voidRecordId(const QUuid& original)
{
    static const QUuid ns = QUuid::fromString(u"0d4f5f0e-4b8e-4f64-a1f7-6a0c2b9e7d31"_s);
    return QUuid::createUuidV5(ns, original.toRfc4122());
}

} // namespace shiming::protocol
