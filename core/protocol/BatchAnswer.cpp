#include "core/protocol/BatchAnswer.h"

#include "core/protocol/CborUtil.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>

#include <limits>

using namespace Qt::StringLiterals;

namespace shiming::protocol {

QString outcomeName(RecordOutcome outcome)
{
    switch (outcome) {
    case RecordOutcome::Accepted:
        return u"accepted"_s;
    case RecordOutcome::Duplicate:
        return u"duplicate"_s;
    case RecordOutcome::Rejected:
        return u"rejected"_s;
    }
    return u"rejected"_s;
}

std::optional<RecordOutcome> outcomeFromName(const QString& name)
{
    if (name == "accepted"_L1)
        return RecordOutcome::Accepted;
    if (name == "duplicate"_L1)
        return RecordOutcome::Duplicate;
    if (name == "rejected"_L1)
        return RecordOutcome::Rejected;
    return std::nullopt;
}

QByteArray encodeBatchAnswer(const BatchAnswer& answer)
{
    QCborMap map;
    map.insert("v"_L1, 1);
    map.insert("batch"_L1, cbor::uuidValue(answer.batchId));
    map.insert("hqTime"_L1, answer.hqTimeMs);
    QCborArray answers;
    for (const RecordAnswer& record : answer.answers) {
        QCborMap entry;
        entry.insert("uuid"_L1, cbor::uuidValue(record.recordId));
        entry.insert("outcome"_L1, outcomeName(record.outcome));
        entry.insert("original"_L1, outcomeName(record.original));
        entry.insert("reason"_L1, record.reason);
        entry.insert("ref"_L1, record.hqReference);
        entry.insert("time"_L1, record.hqTimeMs);
        if (record.identityCount)
            entry.insert("idCount"_L1, *record.identityCount);
        if (record.holderIdentityCount)
            entry.insert("holderIdCount"_L1, *record.holderIdentityCount);
        answers.append(entry);
    }
    map.insert("answers"_L1, answers);
    return QCborValue(map).toCbor();
}

Result<BatchAnswer> decodeBatchAnswer(const QByteArray& bytes)
{
    QCborParserError parseError;
    const QCborValue root = QCborValue::fromCbor(bytes, &parseError);
    if (parseError.error != QCborError::NoError || !root.isMap())
        return fail(Error::syncFailure(u"answer is not a CBOR map"_s));
    const QCborMap map = root.toMap();
    BatchAnswer answer;
    const auto id = cbor::uuid(map, "batch"_L1);
    const auto time = cbor::integer(map, "hqTime"_L1);
    const QCborValue answers = map.value("answers"_L1);
    if (!id || !time || !answers.isArray())
        return fail(Error::syncFailure(u"answer header malformed"_s));
    answer.batchId = *id;
    answer.hqTimeMs = *time;
    for (const QCborValue& entry : answers.toArray()) {
        if (!entry.isMap())
            return fail(Error::syncFailure(u"answer entry malformed"_s));
        const QCborMap e = entry.toMap();
        RecordAnswer record;
        const auto recordId = cbor::uuid(e, "uuid"_L1);
        const auto outcome = outcomeFromName(cbor::text(e, "outcome"_L1, 16).value_or(QString()));
        const auto original = outcomeFromName(cbor::text(e, "original"_L1, 16).value_or(QString()));
        if (!recordId || !outcome || !original)
            return fail(Error::syncFailure(u"answer entry malformed"_s));
        record.recordId = *recordId;
        record.outcome = *outcome;
        record.original = *original;
        record.reason = cbor::text(e, "reason"_L1, 64).value_or(QString());
        record.hqReference = cbor::text(e, "ref"_L1, 64).value_or(QString());
        record.hqTimeMs = cbor::integer(e, "time"_L1).value_or(0);
        // Optional (older answers lack them), but when present they must be plausible counts.
        for (const auto& [key, target] : {std::pair{"idCount"_L1, &record.identityCount},
                                          std::pair{"holderIdCount"_L1, &record.holderIdentityCount}}) {
            if (!e.contains(key))
                continue;
            const auto count = cbor::integer(e, key);
            if (!count || *count < 0 || *count > std::numeric_limits<int>::max())
                return fail(Error::syncFailure(u"answer entry malformed"_s));
            *target = int(*count);
        }
        answer.answers.append(record);
    }
    return answer;
}

} // namespace shiming::protocol
