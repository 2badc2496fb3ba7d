#include "hq/Ledger.h"

#include "core/protocol/BatchAnswer.h"
#include "core/protocol/IdentityHash.h"
#include "hq/PgUtil.h"

#include <pqxx/pqxx>

#include <QCborValue>
#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shiming::hq {

namespace {

using protocol::RecordAnswer;
using protocol::RecordOutcome;

QString uuidText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString identityOperatorKey(const QString& identity, const QString& operatorCode)
{
    return identity + u'|' + operatorCode;
}

struct Decision {
    const protocol::SyncRecord* record = nullptr;
    QString identity;
    RecordAnswer answer;
    bool insert = false;
};

} // namespace

Result<IngestResult> Ledger::ingest(pqxx::connection& connection, const protocol::Batch& batch,
                                    const std::function<bool()>& beforeCommit) const
{
    const QString batchId = uuidText(batch.id);
    try {
        pqxx::work tx(connection);
        // Serialise concurrent deliveries of the same batch (a retry racing a slow original).
        tx.exec_params("SELECT pg_advisory_xact_lock($1)", pg::lockKey(u"batch:"_s + batchId));
        const pqxx::result existing =
            tx.exec_params("SELECT outlet_id, answer FROM batches WHERE batch_uuid = $1::uuid", pg::str(batchId));
        if (!existing.empty()) {
            if (pg::qstr(existing[0][0].as<std::string>()) != batch.outletId)
                return fail(Error::policyRefused(u"batch id belongs to another outlet"_s));
            const pqxx::binarystring answer(existing[0][1]);
            return IngestResult{QByteArray(answer.get(), qsizetype(answer.size())), true};
        }

        QList<Decision> decisions;
        decisions.reserve(batch.records.size());
        std::vector<qint64> keys;
        QStringList recordIds, identities, msisdns, iccids;
        for (const protocol::SyncRecord& record : batch.records) {
            Decision decision;
            decision.record = &record;
            recordIds << uuidText(record.id);
            keys.push_back(pg::lockKey(u"record:"_s + recordIds.back()));
            if (record.invalidReason.isEmpty()) {
                const auto& c = record.content;
                decision.identity =
                    QString::fromLatin1(protocol::identityHash(m_identityKey, c.documentType, c.documentNumber));
                identities << decision.identity;
                msisdns << c.msisdn;
                iccids << c.iccid;
                keys.push_back(pg::lockKey(u"identity:"_s + identityOperatorKey(decision.identity, c.operatorCode)));
                keys.push_back(pg::lockKey(u"msisdn:"_s + c.msisdn));
                keys.push_back(pg::lockKey(u"iccid:"_s + c.iccid));
            }
            decisions.append(decision);
        }
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        tx.exec_params("SELECT shiming_lock_keys($1::bigint[])", pg::bigintArray(keys));

        struct Known {
            QByteArray hash;
            RecordAnswer answer;
        };
        QHash<QUuid, Known> known;
        for (const auto& row : tx.exec_params(
                 "SELECT record_uuid::text, content_hash, status, reason, hq_ref, "
                 "(extract(epoch FROM hq_time) * 1000)::bigint FROM records WHERE record_uuid = ANY($1::uuid[])",
                 pg::textArray(recordIds))) {
            const pqxx::binarystring hash(row[1]);
            Known k;
            k.hash = QByteArray(hash.get(), qsizetype(hash.size()));
            k.answer.recordId = QUuid::fromString(pg::qstr(row[0].as<std::string>()));
            k.answer.original =
                row[2].as<std::string>() == "accepted" ? RecordOutcome::Accepted : RecordOutcome::Rejected;
            k.answer.reason = pg::qstr(row[3].as<std::string>());
            k.answer.hqReference = pg::qstr(row[4].as<std::string>());
            k.answer.hqTimeMs = row[5].as<qint64>();
            known.insert(k.answer.recordId, k);
        }
        QSet<QString> risky, takenNumbers, takenSims;
        QHash<QString, int> counts;
        if (!identities.isEmpty()) {
            for (const auto& row : tx.exec_params("SELECT identity_hmac FROM risk_list WHERE identity_hmac = ANY($1)",
                                                  pg::textArray(identities)))
                risky.insert(pg::qstr(row[0].as<std::string>()));
            for (const auto& row :
                 tx.exec_params("SELECT msisdn FROM records WHERE status = 'accepted' AND msisdn = ANY($1)",
                                pg::textArray(msisdns)))
                takenNumbers.insert(pg::qstr(row[0].as<std::string>()));
            for (const auto& row : tx.exec_params(
                     "SELECT iccid FROM records WHERE status = 'accepted' AND iccid = ANY($1)", pg::textArray(iccids)))
                takenSims.insert(pg::qstr(row[0].as<std::string>()));
            for (const auto& row : tx.exec_params("SELECT identity_hmac, operator, count(DISTINCT msisdn) FROM records "
                                                  "WHERE status = 'accepted' AND identity_hmac = ANY($1) GROUP BY 1, 2",
                                                  pg::textArray(identities)))
                counts.insert(
                    identityOperatorKey(pg::qstr(row[0].as<std::string>()), pg::qstr(row[1].as<std::string>())),
                    row[2].as<int>());
        }

        const pqxx::row now = tx.exec1("SELECT (extract(epoch FROM now()) * 1000)::bigint");
        const qint64 hqTime = now[0].as<qint64>();
        int newRecords = 0;
        for (Decision& decision : decisions) {
            const protocol::SyncRecord& record = *decision.record;
            decision.answer.recordId = record.id;
            if (const auto it = known.constFind(record.id); it != known.cend()) {
                if (it->hash == record.contentHash) {
                    decision.answer = it->answer;
                    decision.answer.outcome = RecordOutcome::Duplicate;
                } else {
                    decision.answer.outcome = decision.answer.original = RecordOutcome::Rejected;
                    decision.answer.reason = QString::fromLatin1(protocol::reason::UuidConflict);
                    decision.answer.hqTimeMs = hqTime;
                }
                continue;
            }
            decision.insert = true;
            ++newRecords;
            decision.answer.hqTimeMs = hqTime;
            const auto reject = [&](const char* code) {
                decision.answer.outcome = decision.answer.original = RecordOutcome::Rejected;
                decision.answer.reason = QString::fromLatin1(code);
            };
            if (!record.invalidReason.isEmpty()) {
                reject(protocol::reason::Invalid);
                continue;
            }
            const auto& c = record.content;
            const QString countKey = identityOperatorKey(decision.identity, c.operatorCode);
            if (risky.contains(decision.identity)) {
                reject(protocol::reason::RiskList);
            } else if (takenNumbers.contains(c.msisdn)) {
                reject(protocol::reason::NumberTaken);
            } else if (takenSims.contains(c.iccid)) {
                reject(protocol::reason::IccidInUse);
            } else if (counts.value(countKey) >= kNumbersPerIdentity) {
                reject(protocol::reason::IdLimit);
            } else {
                decision.answer.outcome = decision.answer.original = RecordOutcome::Accepted;
                takenNumbers.insert(c.msisdn);
                takenSims.insert(c.iccid);
                counts[countKey] += 1;
            }
        }

        if (newRecords > 0) {
            const pqxx::result refs =
                tx.exec_params("SELECT nextval('hq_reference_seq') FROM generate_series(1, $1)", newRecords);
            int next = 0;
            for (Decision& decision : decisions) {
                if (decision.insert)
                    decision.answer.hqReference = u"HQ%1"_s.arg(refs[next++][0].as<qint64>(), 10, 10, QChar(u'0'));
            }
        }

        protocol::BatchAnswer answer;
        answer.batchId = batch.id;
        answer.hqTimeMs = hqTime;
        for (const Decision& decision : decisions)
            answer.answers.append(decision.answer);
        const QByteArray answerBytes = protocol::encodeBatchAnswer(answer);

        tx.exec_params("INSERT INTO batches (batch_uuid, outlet_id, seq_from, seq_to, device_time, record_count, "
                       "answer) VALUES ($1::uuid, $2, $3, $4, to_timestamp($5 / 1000.0), $6, $7)",
                       pg::str(batchId), pg::str(batch.outletId), batch.firstSequence, batch.lastSequence,
                       batch.deviceTimeMs, int(batch.records.size()),
                       pqxx::binarystring(answerBytes.constData(), size_t(answerBytes.size())));
        for (const Decision& decision : decisions) {
            if (!decision.insert)
                continue;
            const protocol::SyncRecord& record = *decision.record;
            const bool valid = record.invalidReason.isEmpty();
            const QByteArray content =
                valid ? QCborValue(protocol::encodeContent(record.content)).toCbor() : QByteArray();
            tx.exec_params(
                "INSERT INTO records (record_uuid, batch_uuid, outlet_id, outlet_seq, content_hash, status, reason, "
                "hq_ref, hq_time, operator, identity_hmac, msisdn, iccid, registered_at, content) VALUES "
                "($1::uuid, $2::uuid, $3, $4, $5, $6, $7, $8, to_timestamp($9 / 1000.0), $10, $11, $12, $13, "
                "to_timestamp($14 / 1000.0), $15)",
                pg::str(uuidText(record.id)), pg::str(batchId), pg::str(batch.outletId), record.sequence,
                pqxx::binarystring(record.contentHash.constData(), size_t(record.contentHash.size())),
                decision.answer.original == RecordOutcome::Accepted ? "accepted" : "rejected",
                pg::str(decision.answer.reason), pg::str(decision.answer.hqReference), hqTime,
                pg::str(valid ? record.content.operatorCode : QString()), pg::str(decision.identity),
                // Rejected records keep their number out of the unique indexes (partial on accepted).
                pg::str(valid ? record.content.msisdn : QString()), pg::str(valid ? record.content.iccid : QString()),
                valid ? record.content.registeredAtMs : hqTime,
                pqxx::binarystring(content.constData(), size_t(content.size())));
        }
        tx.exec_params("INSERT INTO outlets (outlet_id) VALUES ($1) ON CONFLICT (outlet_id) DO UPDATE SET "
                       "last_seen = now()",
                       pg::str(batch.outletId));
        if (beforeCommit && !beforeCommit()) {
            tx.abort();
            return fail(Error::syncFailure(u"rolled back by fault injection"_s));
        }
        tx.commit();
        return IngestResult{answerBytes, false};
    } catch (const std::exception& e) {
        return fail(Error::storageFailure(u"ledger transaction failed: %1"_s.arg(pg::describe(e))));
    }
}

} // namespace shiming::hq
