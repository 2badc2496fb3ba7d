#include "core/protocol/Batch.h"

#include "core/protocol/CborUtil.h"
#include "core/protocol/Sha256.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QSet>

using namespace Qt::StringLiterals;

namespace shiming::protocol {

QByteArray encodeBatch(const Batch& batch)
{
    QCborMap map;
    map.insert("v"_L1, kProtocolVersion);
    map.insert("batch"_L1, cbor::uuidValue(batch.id));
    map.insert("outlet"_L1, batch.outletId);
    map.insert("seqFrom"_L1, batch.firstSequence);
    map.insert("seqTo"_L1, batch.lastSequence);
    map.insert("deviceTime"_L1, batch.deviceTimeMs);
    QCborArray records;
    for (const SyncRecord& record : batch.records) {
        QCborMap entry;
        entry.insert("uuid"_L1, cbor::uuidValue(record.id));
        entry.insert("seq"_L1, record.sequence);
        entry.insert("hash"_L1, record.contentHash);
        if (record.kind == RecordKind::Void)
            entry.insert("kind"_L1, u"void"_s);
        else if (record.kind == RecordKind::Finding)
            entry.insert("kind"_L1, u"finding"_s);
        entry.insert("content"_L1, encodeRecordContent(record));
        records.append(entry);
    }
    map.insert("records"_L1, records);
    if (!batch.unreadable.isEmpty()) {
        QCborArray unreadable;
        for (const UnreadableReport& report : batch.unreadable)
            unreadable.append(QCborMap{{"uuid"_L1, cbor::uuidValue(report.id)}, {"seq"_L1, report.sequence}});
        map.insert("unreadable"_L1, unreadable);
    }
    if (batch.audit) {
        QCborMap audit;
        audit.insert("seq"_L1, batch.audit->sequence);
        audit.insert("head"_L1, batch.audit->hash);
        map.insert("audit"_L1, audit);
    }
    return QCborValue(map).toCbor();
}

Result<Batch> decodeBatch(const QByteArray& bytes)
{
    if (bytes.isEmpty())
        return fail(Error::invalidInput(u"empty batch"_s));
    if (bytes.size() > kMaxBatchBytes)
        return fail(Error::invalidInput(u"batch larger than the limit"_s));
    QCborParserError parseError;
    const QCborValue root = QCborValue::fromCbor(bytes, &parseError);
    if (parseError.error != QCborError::NoError || !root.isMap())
        return fail(Error::invalidInput(u"batch is not a CBOR map"_s));
    const QCborMap map = root.toMap();
    if (cbor::integer(map, "v"_L1) != kProtocolVersion)
        return fail(Error::invalidInput(u"unsupported batch version"_s));

    Batch batch;
    const auto id = cbor::uuid(map, "batch"_L1);
    const auto outlet = cbor::text(map, "outlet"_L1, 64);
    const auto seqFrom = cbor::integer(map, "seqFrom"_L1);
    const auto seqTo = cbor::integer(map, "seqTo"_L1);
    const auto deviceTime = cbor::integer(map, "deviceTime"_L1);
    if (!id || !outlet || outlet->isEmpty() || !seqFrom || !seqTo || !deviceTime)
        return fail(Error::invalidInput(u"batch header malformed"_s));
    batch.id = *id;
    batch.outletId = *outlet;
    batch.firstSequence = *seqFrom;
    batch.lastSequence = *seqTo;
    batch.deviceTimeMs = *deviceTime;
    if (const QCborValue audit = map.value("audit"_L1); !audit.isUndefined()) {
        const qint64 sequence = audit.isMap() ? cbor::integer(audit.toMap(), "seq"_L1).value_or(-1) : -1;
        const auto head = audit.isMap() ? cbor::bytes(audit.toMap(), "head"_L1, 64) : std::nullopt;
        if (sequence < 0 || !head)
            return fail(Error::invalidInput(u"batch audit head malformed"_s));
        batch.audit = AuditHead{sequence, *head};
    }

    if (const QCborValue unreadable = map.value("unreadable"_L1); !unreadable.isUndefined()) {
        if (!unreadable.isArray() || unreadable.toArray().isEmpty() ||
            unreadable.toArray().size() > kMaxUnreadablePerBatch)
            return fail(Error::invalidInput(u"batch unreadable reports malformed"_s));
        QSet<QUuid> reported;
        for (const QCborValue& entry : unreadable.toArray()) {
            const auto reportId = entry.isMap() ? cbor::uuid(entry.toMap(), "uuid"_L1) : std::nullopt;
            const qint64 sequence = entry.isMap() ? cbor::integer(entry.toMap(), "seq"_L1).value_or(-1) : -1;
            if (!reportId || sequence < 0 || reported.contains(*reportId))
                return fail(Error::invalidInput(u"batch unreadable report malformed"_s));
            reported.insert(*reportId);
            batch.unreadable.append({*reportId, sequence});
        }
    }

    const QCborValue records = map.value("records"_L1);
    if (!records.isArray())
        return fail(Error::invalidInput(u"batch records malformed"_s));
    const QCborArray array = records.toArray();
    if ((array.isEmpty() && batch.unreadable.isEmpty()) || array.size() > kMaxRecordsPerBatch)
        return fail(Error::invalidInput(u"batch record count out of bounds"_s));
    QSet<QUuid> seen;
    for (const QCborValue& entry : array) {
        if (!entry.isMap())
            return fail(Error::invalidInput(u"batch record malformed"_s));
        const QCborMap recordMap = entry.toMap();
        const auto recordId = cbor::uuid(recordMap, "uuid"_L1);
        if (!recordId)
            return fail(Error::invalidInput(u"batch record without id"_s));
        if (seen.contains(*recordId))
            return fail(Error::invalidInput(u"batch repeats a record id"_s));
        seen.insert(*recordId);

        SyncRecord record;
        record.id = *recordId;
        record.sequence = cbor::integer(recordMap, "seq"_L1).value_or(0);
        record.contentHash = cbor::bytes(recordMap, "hash"_L1, 32).value_or(QByteArray());
        const QCborValue kind = recordMap.value("kind"_L1);
        const QCborValue content = recordMap.value("content"_L1);
        if (!kind.isUndefined() && kind != QCborValue(u"void"_s) && kind != QCborValue(u"finding"_s)) {
            record.invalidReason = u"unknown record kind"_s;
        } else if (!content.isMap()) {
            record.invalidReason = u"content missing"_s;
        } else if (kind.isUndefined()) {
            if (auto decoded = decodeContent(content.toMap()); !decoded)
                record.invalidReason = decoded.error().detail;
            else
                record.content = std::move(*decoded);
        } else if (kind == QCborValue(u"void"_s)) {
            record.kind = RecordKind::Void;
            if (auto decoded = decodeVoid(content.toMap()); !decoded)
                record.invalidReason = decoded.error().detail;
            else
                record.voidContent = *decoded;
        } else {
            record.kind = RecordKind::Finding;
            if (auto decoded = decodeFinding(content.toMap()); !decoded)
                record.invalidReason = decoded.error().detail;
            else
                record.findingContent = std::move(*decoded);
        }
        if (record.invalidReason.isEmpty()) {
            // The hash covers the canonical encoding, which is also what HQ stores: encoded once here.
            record.contentCbor = QCborValue(encodeRecordContent(record)).toCbor();
            if (sha256(record.contentCbor) != record.contentHash) {
                record.invalidReason = u"content hash mismatch"_s;
                record.contentCbor.clear();
            }
        }
        batch.records.append(std::move(record));
    }
    return batch;
}

} // namespace shiming::protocol
