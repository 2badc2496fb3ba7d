#include "hq/Ledger.h"

#include "core/protocol/BatchAnswer.h"
#include "core/protocol/IdentityHash.h"
#include "core/protocol/RequestSignature.h"
#include "hq/PgUtil.h"

#include <pqxx/pqxx>

#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shiming::hq {

namespace {

using protocol::RecordAnswer;
using protocol::RecordKind;
using protocol::RecordOutcome;

QString uuidText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString identityOperatorKey(const QString& identity, const QString& operatorCode)
{
    return identity + u'|' + operatorCode;
}

QByteArray bytesOf(const pqxx::field& field)
{
    const pqxx::binarystring bytes(field);
    return QByteArray(bytes.get(), qsizetype(bytes.size()));
}

QString textOf(const pqxx::field& field)
{
    return field.is_null() ? QString() : pg::qstr(field.as<std::string>());
}

struct Decision {
    const protocol::SyncRecord* record = nullptr;
    QString identity;
    RecordAnswer answer;
    bool insert = false;
    QUuid releasedBy; // a registration of this batch voided by a later record of this batch
};

/// What HQ already holds about the registration a void names.
struct Original {
    QString outletId;
    QString status;
    QString countKey;
    QString msisdn;
    QString iccid;
};

struct Known {
    QByteArray hash;
    RecordAnswer answer;
    RecordKind kind = RecordKind::Registration;
};

class Stopwatch {
public:
    explicit Stopwatch(IngestTimings* timings)
        : m_timings(timings)
    {
        m_timer.start();
    }
    void lap(qint64 IngestTimings::*slot)
    {
        if (m_timings)
            m_timings->*slot += m_timer.nsecsElapsed();
        m_timer.restart();
    }

private:
    IngestTimings* m_timings;
    QElapsedTimer m_timer;
};

/// The outlet's row: last seen, and the audit head it reported. A report sent (by the outlet's clock) before
/// the stored one is a late copy of an older request (a retry overtaken by its successor): ignored. A newer
/// report with a head behind the stored one (a lower id, or the same id with another hash) counts as a rewind;
/// the stored head then follows the outlet. Returns true in its one column when this request found a rewind.
std::string outletUpsert(pg::BinaryParams& p, const std::string& outletParam, const protocol::Batch& batch)
{
    const std::string seq = batch.audit ? p.integer(batch.audit->sequence) : std::string("NULL::bigint");
    const std::string head = batch.audit ? p.bytes(batch.audit->hash) : std::string("NULL::bytea");
    const std::string sent = batch.audit ? p.epochMs(batch.deviceTimeMs) : std::string("NULL::timestamptz");
    const std::string news = "(EXCLUDED.audit_seq IS NOT NULL AND (outlets.audit_device_time IS NULL OR "
                             "EXCLUDED.audit_device_time >= outlets.audit_device_time))";
    const std::string behind = "(" + news +
                               " AND outlets.audit_seq IS NOT NULL AND (EXCLUDED.audit_seq < outlets.audit_seq OR "
                               "(EXCLUDED.audit_seq = outlets.audit_seq AND EXCLUDED.audit_head <> "
                               "outlets.audit_head)))";
    const auto follow = [&](const char* column) {
        return std::string(column) + " = CASE WHEN " + news + " THEN EXCLUDED." + column + " ELSE outlets." + column +
               " END";
    };
    return "INSERT INTO outlets (outlet_id, audit_seq, audit_head, audit_device_time, audit_at) VALUES (" +
           outletParam + ", " + seq + ", " + head + ", " + sent + ", CASE WHEN " + seq +
           " IS NULL THEN NULL ELSE now() END) ON CONFLICT (outlet_id) DO UPDATE SET last_seen = now(), "
           "audit_rewinds = outlets.audit_rewinds + CASE WHEN " +
           behind + " THEN 1 ELSE 0 END, audit_rewound_at = CASE WHEN " + behind +
           " THEN now() ELSE outlets.audit_rewound_at END, " + follow("audit_seq") + ", " + follow("audit_head") +
           ", " + follow("audit_device_time") + ", " + follow("audit_at") +
           " RETURNING outlets.audit_rewound_at IS NOT DISTINCT FROM now() AND outlets.audit_rewinds > 0";
}

} // namespace

Result<IngestResult> Ledger::ingest(pqxx::connection& connection, const protocol::Batch& batch,
                                    const Admission* admission, const std::function<bool()>& beforeCommit,
                                    IngestTimings* timings) const
{
    const QString batchId = uuidText(batch.id);
    Stopwatch watch(timings);
    try {
        // Keys and lists from the batch alone, before any round trip.
        QList<Decision> decisions;
        decisions.reserve(batch.records.size());
        std::vector<qint64> keys{pg::lockKey(u"batch:"_s + batchId)};
        QStringList recordIds, originalIds, identities, msisdns, iccids;
        for (const protocol::SyncRecord& record : batch.records) {
            Decision decision;
            decision.record = &record;
            recordIds << uuidText(record.id);
            keys.push_back(pg::lockKey(u"record:"_s + recordIds.back()));
            if (record.invalidReason.isEmpty() && record.kind == RecordKind::Void) {
                // Serialises with the original's own batch and with any other void of it.
                originalIds << uuidText(record.voidContent.original);
                keys.push_back(pg::lockKey(u"record:"_s + originalIds.back()));
            } else if (record.invalidReason.isEmpty()) {
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
        // One global order (sorted keys, the batch's own key among them): concurrent batches touching the same
        // identities, numbers, SIMs or records serialise without deadlocks, on any number of instances.
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());

        // Round trip 1: admission (revocation, nonce) and the locks. A void does not lock the original's
        // identity: releasing only lowers counts, so a concurrent batch that read the count before the release
        // is at worst too strict, never too lenient.
        pqxx::work tx(connection);
        {
            const pqxx::row admitted =
                admission
                    ? tx.exec_params1(
                          "WITH nonce AS (INSERT INTO request_nonces (outlet_id, nonce) VALUES ($1, $2) "
                          "ON CONFLICT DO NOTHING RETURNING 1), locks AS (SELECT shiming_lock_keys($5::bigint[])) "
                          "SELECT EXISTS (SELECT 1 FROM revoked_certificates WHERE serial = $3) OR "
                          "EXISTS (SELECT 1 FROM revoked_outlets WHERE outlet_id = $1 AND "
                          "revoked_at >= to_timestamp($4 / 1000.0)), EXISTS (SELECT 1 FROM nonce), "
                          "(SELECT count(*) FROM locks)",
                          pg::str(admission->outletId), admission->nonce.toStdString(),
                          pg::str(admission->certificateSerial), admission->certificateNotBeforeMs,
                          pg::bigintArray(keys))
                    : tx.exec_params1("WITH locks AS (SELECT shiming_lock_keys($1::bigint[])) "
                                      "SELECT false, true, (SELECT count(*) FROM locks)",
                                      pg::bigintArray(keys));
            if (admitted[0].as<bool>())
                return IngestResult{{}, false, IngestResult::Refusal::Revoked, false};
            if (!admitted[1].as<bool>())
                return IngestResult{{}, false, IngestResult::Refusal::Replayed, false};
            if (admission && admission->purgeOldNonces) {
                tx.exec_params("DELETE FROM request_nonces WHERE seen_at < now() - make_interval(secs => $1)",
                               2 * protocol::signature::kWindowMs / 1000);
            }
        }
        watch.lap(&IngestTimings::admitNs);

        // Round trip 2: everything the decisions need, in one statement (the locks are held, so this snapshot
        // sees every batch that touched the same keys). HQ references: one per record at most; the unused
        // ones are gaps, as after any rollback.
        const std::string lookup = R"SQL(
SELECT 'batch', outlet_id, answer, NULL, NULL, NULL, NULL::bigint, NULL, NULL, NULL
    FROM batches WHERE batch_uuid = $1::uuid
UNION ALL SELECT 'known', record_uuid::text, content_hash, status, reason, hq_ref,
    (extract(epoch FROM hq_time) * 1000)::bigint, NULL, NULL, NULL
    FROM records WHERE record_uuid = ANY($2::uuid[])
UNION ALL SELECT 'void', void_uuid::text, content_hash, status, reason, hq_ref,
    (extract(epoch FROM hq_time) * 1000)::bigint, NULL, NULL, NULL
    FROM record_voids WHERE void_uuid = ANY($2::uuid[])
UNION ALL SELECT 'original', record_uuid::text, NULL, status, outlet_id, identity_hmac || '|' || operator, NULL,
    msisdn, iccid, NULL
    FROM records WHERE record_uuid = ANY($3::uuid[])
UNION ALL SELECT 'risk', identity_hmac, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM risk_list WHERE identity_hmac = ANY($4)
UNION ALL SELECT 'msisdn', msisdn, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM records WHERE status = 'accepted' AND msisdn = ANY($5)
UNION ALL SELECT 'iccid', iccid, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM records WHERE status = 'accepted' AND iccid = ANY($6)
UNION ALL SELECT 'count', identity_hmac || '|' || operator, NULL, NULL, NULL, NULL, count(DISTINCT msisdn), NULL,
    NULL, NULL
    FROM records WHERE status = 'accepted' AND identity_hmac = ANY($4) GROUP BY identity_hmac, operator
UNION ALL SELECT 'count', identity_hmac || '|' || operator, NULL, NULL, NULL, NULL, count(DISTINCT msisdn), NULL,
    NULL, NULL
    FROM records WHERE status = 'accepted' AND identity_hmac <> ALL($4) AND identity_hmac IN
        (SELECT o.identity_hmac FROM records o WHERE o.record_uuid = ANY($3::uuid[]))
    GROUP BY identity_hmac, operator
UNION ALL SELECT 'now', NULL, NULL, NULL, NULL, NULL, (extract(epoch FROM now()) * 1000)::bigint, NULL, NULL, NULL
UNION ALL SELECT 'ref', NULL, NULL, NULL, NULL, NULL, nextval('hq_reference_seq'), NULL, NULL, NULL
    FROM generate_series(1, $7)
)SQL";
        QHash<QUuid, Known> known;
        QHash<QUuid, Original> originals;
        QSet<QString> risky, takenNumbers, takenSims;
        QHash<QString, int> counts;
        QList<qint64> references;
        qint64 hqTime = 0;
        for (const auto& row : tx.exec_params(
                 lookup, pg::str(batchId), pg::textArray(recordIds), pg::textArray(originalIds),
                 pg::textArray(identities), pg::textArray(msisdns), pg::textArray(iccids), int(batch.records.size()))) {
            const std::string tag = row[0].as<std::string>();
            if (tag == "batch") {
                if (textOf(row[1]) != batch.outletId)
                    return IngestResult{{}, false, IngestResult::Refusal::BatchIdConflict, false};
                // A replay: the stored answer, and the request's nonce and the outlet's audit head kept.
                const QByteArray answer = bytesOf(row[2]);
                pg::BinaryParams p;
                const std::string upsert = outletUpsert(p, p.text(batch.outletId), batch);
                const bool rewound =
                    tx.exec_params1(upsert, pqxx::prepare::make_dynamic_params(p.values()))[0].as<bool>();
                tx.commit();
                return IngestResult{answer, true, IngestResult::Refusal::None, rewound};
            }
            if (tag == "known" || tag == "void") {
                Known k;
                k.kind = tag == "void" ? RecordKind::Void : RecordKind::Registration;
                k.hash = bytesOf(row[2]);
                k.answer.recordId = QUuid::fromString(textOf(row[1]));
                k.answer.original = textOf(row[3]) == u"rejected"_s ? RecordOutcome::Rejected : RecordOutcome::Accepted;
                k.answer.reason = textOf(row[4]);
                k.answer.hqReference = textOf(row[5]);
                k.answer.hqTimeMs = row[6].as<qint64>();
                known.insert(k.answer.recordId, k);
            } else if (tag == "original") {
                originals.insert(
                    QUuid::fromString(textOf(row[1])),
                    Original{textOf(row[4]), textOf(row[3]), textOf(row[5]), textOf(row[7]), textOf(row[8])});
            } else if (tag == "risk") {
                risky.insert(textOf(row[1]));
            } else if (tag == "msisdn") {
                takenNumbers.insert(textOf(row[1]));
            } else if (tag == "iccid") {
                takenSims.insert(textOf(row[1]));
            } else if (tag == "count") {
                counts.insert(textOf(row[1]), row[6].as<int>());
            } else if (tag == "now") {
                hqTime = row[6].as<qint64>();
            } else if (tag == "ref") {
                references << row[6].as<qint64>();
            }
        }
        watch.lap(&IngestTimings::lookupNs);

        // Decisions, in batch order. A registration's answer notes where it sits in `decisions` so that a void
        // later in the same batch can release it.
        QHash<QUuid, qsizetype> decidedHere;
        QList<std::pair<QUuid, QUuid>> releases; // (original already in the ledger, void)
        int nextReference = 0;
        for (qsizetype i = 0; i < decisions.size(); ++i) {
            Decision& decision = decisions[i];
            const protocol::SyncRecord& record = *decision.record;
            decision.answer.recordId = record.id;
            if (const auto it = known.constFind(record.id); it != known.cend()) {
                if (it->hash == record.contentHash && it->kind == record.kind) {
                    decision.answer = it->answer;
                    decision.answer.outcome = RecordOutcome::Duplicate;
                    if (record.kind == RecordKind::Registration && !decision.identity.isEmpty()) {
                        decision.answer.identityCount =
                            counts.value(identityOperatorKey(decision.identity, record.content.operatorCode));
                    } else if (const auto found = originals.constFind(record.voidContent.original);
                               record.kind == RecordKind::Void && found != originals.cend() &&
                               found->outletId == batch.outletId) {
                        decision.answer.identityCount = counts.value(found->countKey); // a repeated void
                    }
                } else {
                    decision.answer.outcome = decision.answer.original = RecordOutcome::Rejected;
                    decision.answer.reason = QString::fromLatin1(protocol::reason::UuidConflict);
                    decision.answer.hqTimeMs = hqTime;
                }
                continue;
            }
            decision.insert = true;
            decision.answer.hqTimeMs = hqTime;
            decision.answer.hqReference = u"HQ%1"_s.arg(references.value(nextReference++), 10, 10, QChar(u'0'));
            const auto reject = [&](const char* code) {
                decision.answer.outcome = decision.answer.original = RecordOutcome::Rejected;
                decision.answer.reason = QString::fromLatin1(code);
            };
            const auto accept = [&] {
                decision.answer.outcome = decision.answer.original = RecordOutcome::Accepted;
            };
            if (!record.invalidReason.isEmpty()) {
                reject(protocol::reason::Invalid);
                continue;
            }
            if (record.kind == RecordKind::Void) {
                const QUuid target = record.voidContent.original;
                if (const auto here = decidedHere.constFind(target); here != decidedHere.cend()) {
                    Decision& original = decisions[*here];
                    if (original.answer.original == RecordOutcome::Accepted && original.releasedBy.isNull()) {
                        original.releasedBy = record.id;
                        const auto& c = original.record->content;
                        counts[identityOperatorKey(original.identity, c.operatorCode)] -= 1;
                        takenNumbers.remove(c.msisdn);
                        takenSims.remove(c.iccid);
                    }
                    if (!original.identity.isEmpty()) {
                        decision.answer.identityCount =
                            counts.value(identityOperatorKey(original.identity, original.record->content.operatorCode));
                    }
                    accept();
                    continue;
                }
                const auto found = originals.constFind(target);
                if (found == originals.cend() || found->outletId != batch.outletId) {
                    reject(protocol::reason::UnknownRecord);
                    continue;
                }
                if (found->status == u"accepted"_s) {
                    originals[target].status = u"released"_s;
                    releases.append({target, record.id});
                    if (const auto count = counts.find(found->countKey); count != counts.end())
                        *count -= 1;
                    takenNumbers.remove(found->msisdn);
                    takenSims.remove(found->iccid);
                }
                decision.answer.identityCount = counts.value(found->countKey);
                accept(); // released now, earlier, or never counted (rejected): the void is recorded either way
                continue;
            }
            decidedHere.insert(record.id, i);
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
                accept();
                takenNumbers.insert(c.msisdn);
                takenSims.insert(c.iccid);
                counts[countKey] += 1;
            }
            decision.answer.identityCount = counts.value(countKey);
        }

        protocol::BatchAnswer answer;
        answer.batchId = batch.id;
        answer.hqTimeMs = hqTime;
        for (const Decision& decision : decisions)
            answer.answers.append(decision.answer);
        const QByteArray answerBytes = protocol::encodeBatchAnswer(answer);
        watch.lap(&IngestTimings::decideNs);

        // Round trip 3: the batch, its new records and voids, the releases and the outlet in one statement.
        pg::BinaryParams p;
        const std::string batchParam = p.text(batchId);
        const std::string outletParam = p.text(batch.outletId);
        std::string sql = "WITH b AS (INSERT INTO batches (batch_uuid, outlet_id, seq_from, seq_to, device_time, "
                          "record_count, answer) VALUES (" +
                          batchParam + "::uuid, " + outletParam + ", " + p.integer(batch.firstSequence) + ", " +
                          p.integer(batch.lastSequence) + ", " + p.epochMs(batch.deviceTimeMs) + ", " +
                          p.integer(batch.records.size()) + ", " + p.bytes(answerBytes) + "))";
        // Every parameter must be used by the statement: HQ's time is added on first use.
        std::string hqTimeText;
        const auto hqTimeParam = [&]() -> const std::string& {
            if (hqTimeText.empty())
                hqTimeText = p.epochMs(hqTime);
            return hqTimeText;
        };
        std::string registrations, voids;
        for (const Decision& decision : decisions) {
            if (!decision.insert)
                continue;
            const protocol::SyncRecord& record = *decision.record;
            const bool valid = record.invalidReason.isEmpty();
            const bool accepted = decision.answer.original == RecordOutcome::Accepted;
            std::string row = "(" + p.text(uuidText(record.id)) + "::uuid, " + batchParam + "::uuid, " + outletParam +
                              ", " + p.integer(record.sequence) + ", " + p.bytes(record.contentHash) + ", ";
            if (valid && record.kind == RecordKind::Void) {
                row += p.text(accepted ? u"accepted"_s : u"rejected"_s) + ", " + p.text(decision.answer.reason) + ", " +
                       p.text(decision.answer.hqReference) + ", " + hqTimeParam() + ", " +
                       p.text(uuidText(record.voidContent.original)) + "::uuid, " +
                       p.epochMs(record.voidContent.voidedAtMs) + ", " + p.bytes(record.contentCbor) + ")";
                voids += (voids.empty() ? "" : ", ") + row;
                continue;
            }
            // Rejected and released records keep their number out of the unique indexes (partial on accepted).
            const auto& c = record.content;
            const std::string status = !accepted ? "rejected" : decision.releasedBy.isNull() ? "accepted" : "released";
            row += p.text(status) + ", " + p.text(decision.answer.reason) + ", " + p.text(decision.answer.hqReference) +
                   ", " + hqTimeParam() + ", " + p.text(valid ? c.operatorCode : QString()) + ", " +
                   p.text(decision.identity) + ", " + p.text(valid ? c.msisdn : QString()) + ", " +
                   p.text(valid ? c.iccid : QString()) + ", " + p.epochMs(valid ? c.registeredAtMs : hqTime) + ", " +
                   p.bytes(record.contentCbor) + ", " +
                   (decision.releasedBy.isNull()
                        ? std::string("NULL, NULL")
                        : hqTimeParam() + ", " + p.text(uuidText(decision.releasedBy)) + "::uuid") +
                   ")";
            registrations += (registrations.empty() ? "" : ", ") + row;
        }
        if (!registrations.empty()) {
            sql += ", r AS (INSERT INTO records (record_uuid, batch_uuid, outlet_id, outlet_seq, content_hash, status, "
                   "reason, hq_ref, hq_time, operator, identity_hmac, msisdn, iccid, registered_at, content, "
                   "released_at, released_by) VALUES " +
                   registrations + ")";
        }
        if (!voids.empty()) {
            sql += ", v AS (INSERT INTO record_voids (void_uuid, batch_uuid, outlet_id, outlet_seq, content_hash, "
                   "status, reason, hq_ref, hq_time, original_uuid, voided_at, content) VALUES " +
                   voids + ")";
        }
        if (!releases.isEmpty()) {
            std::string pairs;
            for (const auto& [original, by] : std::as_const(releases)) {
                pairs += (pairs.empty() ? "(" : ", (") + p.text(uuidText(original)) + "::uuid, " +
                         p.text(uuidText(by)) + "::uuid)";
            }
            sql += ", rel AS (UPDATE records SET status = 'released', released_at = " + hqTimeParam() +
                   ", released_by = x.void_uuid FROM (VALUES " + pairs +
                   ") AS x (original_uuid, void_uuid) WHERE records.record_uuid = x.original_uuid AND "
                   "records.status = 'accepted')";
        }
        sql += " " + outletUpsert(p, outletParam, batch);
        watch.lap(&IngestTimings::buildNs);
        const bool rewound = tx.exec_params1(sql, pqxx::prepare::make_dynamic_params(p.values()))[0].as<bool>();
        watch.lap(&IngestTimings::writeNs);

        if (beforeCommit && !beforeCommit()) {
            tx.abort();
            return fail(Error::syncFailure(u"rolled back by fault injection"_s));
        }
        tx.commit();
        watch.lap(&IngestTimings::commitNs);
        return IngestResult{answerBytes, false, IngestResult::Refusal::None, rewound};
    } catch (const std::exception& e) {
        return fail(Error::storageFailure(u"ledger transaction failed: %1"_s.arg(pg::describe(e))));
    }
}

} // namespace shiming::hq
