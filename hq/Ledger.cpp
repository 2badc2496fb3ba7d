#include "hq/Ledger.h"

#include "core/protocol/BatchAnswer.h"
#include "core/protocol/RequestSignature.h"
#include "hq/LedgerDecision.h"
#include "hq/PgUtil.h"

#include <pqxx/pqxx>

#include <QElapsedTimer>

#include <algorithm>
#include <variant>

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

QByteArray bytesOf(const pqxx::field& field)
{
    const pqxx::binarystring bytes(field);
    return QByteArray(bytes.get(), qsizetype(bytes.size()));
}

QString textOf(const pqxx::field& field)
{
    return field.is_null() ? QString() : pg::qstr(field.as<std::string>());
}

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

/// What the batch's locks and its lookup are keyed by, from the batch alone (before any round trip).
struct BatchKeys {
    std::vector<qint64> locks; ///< sorted, unique
    QStringList identities;    ///< per record, as recordIdentities() gives them
    QStringList recordIds, originalIds, lookupIdentities, msisdns, iccids;
};

BatchKeys keysOf(const QByteArray& identityKey, const protocol::Batch& batch, const QString& batchId)
{
    BatchKeys keys;
    keys.identities = recordIdentities(identityKey, batch);
    keys.locks.push_back(pg::lockKey(u"batch:"_s + batchId));
    for (qsizetype i = 0; i < batch.records.size(); ++i) {
        const protocol::SyncRecord& record = batch.records[i];
        keys.recordIds << uuidText(record.id);
        keys.locks.push_back(pg::lockKey(u"record:"_s + keys.recordIds.back()));
        if (!record.invalidReason.isEmpty())
            continue;
        if (record.kind == RecordKind::Void) {
            // Serialises with the original's own batch and with any other void of it.
            keys.originalIds << uuidText(record.voidContent.original);
            keys.locks.push_back(pg::lockKey(u"record:"_s + keys.originalIds.back()));
            continue;
        }
        const auto& c = record.content;
        const QString& identity = keys.identities[i];
        keys.lookupIdentities << identity;
        keys.msisdns << c.msisdn;
        keys.iccids << c.iccid;
        keys.locks.push_back(pg::lockKey(u"identity:"_s + identityOperatorKey(identity, c.operatorCode)));
        keys.locks.push_back(pg::lockKey(u"msisdn:"_s + c.msisdn));
        keys.locks.push_back(pg::lockKey(u"iccid:"_s + c.iccid));
    }
    // One global order (sorted keys, the batch's own key among them): concurrent batches touching the same
    // identities, numbers, SIMs or records serialise without deadlocks, on any number of instances.
    std::sort(keys.locks.begin(), keys.locks.end());
    keys.locks.erase(std::unique(keys.locks.begin(), keys.locks.end()), keys.locks.end());
    return keys;
}

/// Round trip 1: admission (revocation, nonce) and the locks. A void does not lock the original's identity:
/// releasing only lowers counts, so a concurrent batch that read the count before the release is at worst too
/// strict, never too lenient.
IngestResult::Refusal admit(pqxx::work& tx, const Admission* admission, const std::vector<qint64>& locks)
{
    const pqxx::row admitted =
        admission ? tx.exec_params1("WITH nonce AS (INSERT INTO request_nonces (outlet_id, nonce) VALUES ($1, $2) "
                                    "ON CONFLICT DO NOTHING RETURNING 1), locks AS (SELECT "
                                    "shiming_lock_keys($5::bigint[])) "
                                    "SELECT EXISTS (SELECT 1 FROM revoked_certificates WHERE serial = $3) OR "
                                    "EXISTS (SELECT 1 FROM revoked_outlets WHERE outlet_id = $1 AND "
                                    "revoked_at >= to_timestamp($4 / 1000.0)), EXISTS (SELECT 1 FROM nonce), "
                                    "(SELECT count(*) FROM locks)",
                                    pg::str(admission->outletId), admission->nonce.toStdString(),
                                    pg::str(admission->certificateSerial), admission->certificateNotBeforeMs,
                                    pg::bigintArray(locks))
                  : tx.exec_params1("WITH locks AS (SELECT shiming_lock_keys($1::bigint[])) "
                                    "SELECT false, true, (SELECT count(*) FROM locks)",
                                    pg::bigintArray(locks));
    if (admitted[0].as<bool>())
        return IngestResult::Refusal::Revoked;
    if (!admitted[1].as<bool>())
        return IngestResult::Refusal::Replayed;
    if (admission && admission->purgeOldNonces) {
        tx.exec_params("DELETE FROM request_nonces WHERE seen_at < now() - make_interval(secs => $1)",
                       2 * protocol::signature::kWindowMs / 1000);
    }
    return IngestResult::Refusal::None;
}

/// A batch id already in the ledger: whose it is and the answer stored with it.
struct StoredBatch {
    QString outletId;
    QByteArray answer;
};

/// Round trip 2: everything the decisions need, in one statement (the locks are held, so this snapshot sees
/// every batch that touched the same keys). HQ references: one per record at most; the unused ones are gaps,
/// as after any rollback. When the batch id is known, only that.
std::variant<StoredBatch, LedgerSnapshot> lookUp(pqxx::work& tx, const QString& batchId, const BatchKeys& keys)
{
    const std::string lookup = R"SQL(
SELECT 'batch', outlet_id, answer, NULL, NULL, NULL, NULL::bigint, NULL, NULL, NULL
    FROM batches WHERE batch_uuid = $1::uuid
UNION ALL SELECT 'known', record_uuid::text, content_hash, status, reason, hq_ref,
    (extract(epoch FROM hq_time) * 1000)::bigint, NULL, NULL, NULL
    FROM records WHERE record_uuid = ANY($2::uuid[])
UNION ALL SELECT 'void', void_uuid::text, content_hash, status, reason, hq_ref,
    (extract(epoch FROM hq_time) * 1000)::bigint, NULL, NULL, NULL
    FROM record_voids WHERE void_uuid = ANY($2::uuid[])
UNION ALL SELECT 'finding', finding_uuid::text, content_hash, status, reason, hq_ref,
    (extract(epoch FROM hq_time) * 1000)::bigint, NULL, NULL, NULL
    FROM compliance_findings WHERE finding_uuid = ANY($2::uuid[])
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
    LedgerSnapshot s;
    for (const auto& row :
         tx.exec_params(lookup, pg::str(batchId), pg::textArray(keys.recordIds), pg::textArray(keys.originalIds),
                        pg::textArray(keys.lookupIdentities), pg::textArray(keys.msisdns), pg::textArray(keys.iccids),
                        int(keys.recordIds.size()))) {
        const std::string tag = row[0].as<std::string>();
        if (tag == "batch")
            return StoredBatch{textOf(row[1]), bytesOf(row[2])};
        if (tag == "known" || tag == "void" || tag == "finding") {
            KnownRecord k;
            k.kind = tag == "void"      ? RecordKind::Void
                     : tag == "finding" ? RecordKind::Finding
                                        : RecordKind::Registration;
            k.hash = bytesOf(row[2]);
            k.answer.recordId = QUuid::fromString(textOf(row[1]));
            k.answer.original = textOf(row[3]) == u"rejected"_s ? RecordOutcome::Rejected : RecordOutcome::Accepted;
            k.answer.reason = textOf(row[4]);
            k.answer.hqReference = textOf(row[5]);
            k.answer.hqTimeMs = row[6].as<qint64>();
            // An id both in `records` (an invalid row) and in a table of its own kind: the latter decides.
            if (k.kind == RecordKind::Registration && s.known.contains(k.answer.recordId))
                continue;
            s.known.insert(k.answer.recordId, k);
        } else if (tag == "original") {
            s.originals.insert(
                QUuid::fromString(textOf(row[1])),
                VoidedOriginal{textOf(row[4]), textOf(row[3]), textOf(row[5]), textOf(row[7]), textOf(row[8])});
        } else if (tag == "risk") {
            s.risky.insert(textOf(row[1]));
        } else if (tag == "msisdn") {
            s.takenNumbers.insert(textOf(row[1]));
        } else if (tag == "iccid") {
            s.takenSims.insert(textOf(row[1]));
        } else if (tag == "count") {
            s.counts.insert(textOf(row[1]), row[6].as<int>());
        } else if (tag == "now") {
            s.hqTimeMs = row[6].as<qint64>();
        } else if (tag == "ref") {
            s.references << row[6].as<qint64>();
        }
    }
    return s;
}

/// Round trip 3's statement: the batch with its answer, its new records and voids, the releases and the
/// outlet, all parameters in `p`. Returns true in its one column when this request found an audit rewind.
std::string writeStatement(pg::BinaryParams& p, const protocol::Batch& batch, const QString& batchId,
                           const BatchDecision& decision, const QByteArray& answerBytes)
{
    const qint64 hqTime = decision.answer.hqTimeMs;
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
    std::string registrations, voids, findings;
    for (const RecordDecision& decided : decision.records) {
        if (!decided.insert)
            continue;
        const protocol::SyncRecord& record = *decided.record;
        const RecordAnswer& answer = decided.answer;
        const bool valid = record.invalidReason.isEmpty();
        const bool accepted = answer.original == RecordOutcome::Accepted;
        std::string row = "(" + p.text(uuidText(record.id)) + "::uuid, " + batchParam + "::uuid, " + outletParam +
                          ", " + p.integer(record.sequence) + ", " + p.bytes(record.contentHash) + ", ";
        if (valid && record.kind == RecordKind::Void) {
            row += p.text(accepted ? u"accepted"_s : u"rejected"_s) + ", " + p.text(answer.reason) + ", " +
                   p.text(answer.hqReference) + ", " + hqTimeParam() + ", " +
                   p.text(uuidText(record.voidContent.original)) + "::uuid, " +
                   p.epochMs(record.voidContent.voidedAtMs) + ", " + p.bytes(record.contentCbor) + ")";
            voids += (voids.empty() ? "" : ", ") + row;
            continue;
        }
        if (valid && record.kind == RecordKind::Finding) {
            const protocol::FindingContent& f = record.findingContent;
            row += p.text(accepted ? u"accepted"_s : u"rejected"_s) + ", " + p.text(answer.reason) + ", " +
                   p.text(answer.hqReference) + ", " + hqTimeParam() + ", " + p.text(f.type) + ", " + p.text(f.day) +
                   "::date, " + p.text(f.key) + ", " + p.text(f.state) + ", " + p.epochMs(f.atMs) + ", " +
                   p.bytes(record.contentCbor) + ")";
            findings += (findings.empty() ? "" : ", ") + row;
            continue;
        }
        // Rejected and released records keep their number out of the unique indexes (partial on accepted).
        const auto& c = record.content;
        const std::string status = !accepted ? "rejected" : decided.releasedBy.isNull() ? "accepted" : "released";
        row += p.text(status) + ", " + p.text(answer.reason) + ", " + p.text(answer.hqReference) + ", " +
               hqTimeParam() + ", " + p.text(valid ? c.operatorCode : QString()) + ", " + p.text(decided.identity) +
               ", " + p.text(valid ? c.msisdn : QString()) + ", " + p.text(valid ? c.iccid : QString()) + ", " +
               p.epochMs(valid ? c.registeredAtMs : hqTime) + ", " + p.bytes(record.contentCbor) + ", " +
               (decided.releasedBy.isNull() ? std::string("NULL, NULL")
                                            : hqTimeParam() + ", " + p.text(uuidText(decided.releasedBy)) + "::uuid") +
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
    if (!findings.empty()) {
        sql += ", f AS (INSERT INTO compliance_findings (finding_uuid, batch_uuid, outlet_id, outlet_seq, "
               "content_hash, status, reason, hq_ref, hq_time, finding_type, day, finding_key, state, state_at, "
               "content) VALUES " +
               findings + ")";
    }
    if (!decision.releases.isEmpty()) {
        std::string pairs;
        for (const Release& release : decision.releases) {
            pairs += (pairs.empty() ? "(" : ", (") + p.text(uuidText(release.original)) + "::uuid, " +
                     p.text(uuidText(release.by)) + "::uuid)";
        }
        sql += ", rel AS (UPDATE records SET status = 'released', released_at = " + hqTimeParam() +
               ", released_by = x.void_uuid FROM (VALUES " + pairs +
               ") AS x (original_uuid, void_uuid) WHERE records.record_uuid = x.original_uuid AND "
               "records.status = 'accepted')";
    }
    if (!batch.unreadable.isEmpty()) {
        std::string reports;
        for (const protocol::UnreadableReport& report : batch.unreadable) {
            reports += (reports.empty() ? "(" : ", (") + outletParam + ", " + p.text(uuidText(report.id)) + "::uuid, " +
                       p.integer(report.sequence) + ")";
        }
        sql += ", u AS (INSERT INTO unreadable_records (outlet_id, record_uuid, outlet_seq) VALUES " + reports +
               " ON CONFLICT (outlet_id, record_uuid) DO UPDATE SET last_reported = now(), reports = "
               "unreadable_records.reports + 1, outlet_seq = EXCLUDED.outlet_seq)";
    }
    return sql + " " + outletUpsert(p, outletParam, batch);
}

} // namespace

Result<IngestResult> Ledger::ingest(pqxx::connection& connection, const protocol::Batch& batch,
                                    const Admission* admission, const std::function<bool()>& beforeCommit,
                                    IngestTimings* timings) const
{
    const QString batchId = uuidText(batch.id);
    Stopwatch watch(timings);
    try {
        const BatchKeys keys = keysOf(m_identityKey, batch, batchId);
        pqxx::work tx(connection);
        if (const auto refusal = admit(tx, admission, keys.locks); refusal != IngestResult::Refusal::None)
            return IngestResult{{}, false, refusal, false};
        watch.lap(&IngestTimings::admitNs);

        auto lookedUp = lookUp(tx, batchId, keys);
        if (const auto* stored = std::get_if<StoredBatch>(&lookedUp)) {
            if (stored->outletId != batch.outletId)
                return IngestResult{{}, false, IngestResult::Refusal::BatchIdConflict, false};
            // A replay: the stored answer, and the request's nonce and the outlet's audit head kept.
            pg::BinaryParams p;
            const std::string upsert = outletUpsert(p, p.text(batch.outletId), batch);
            const bool rewound = tx.exec_params1(upsert, pqxx::prepare::make_dynamic_params(p.values()))[0].as<bool>();
            tx.commit();
            return IngestResult{stored->answer, true, IngestResult::Refusal::None, rewound};
        }
        watch.lap(&IngestTimings::lookupNs);

        const BatchDecision decision = decideBatch(batch, keys.identities, std::get<LedgerSnapshot>(lookedUp));
        const QByteArray answerBytes = protocol::encodeBatchAnswer(decision.answer);
        watch.lap(&IngestTimings::decideNs);

        // Round trip 3: one statement writes the batch, its new records and voids, the releases and the outlet.
        pg::BinaryParams p;
        const std::string sql = writeStatement(p, batch, batchId, decision, answerBytes);
        watch.lap(&IngestTimings::buildNs);
        const bool rewound = tx.exec_params1(sql, pqxx::prepare::make_dynamic_params(p.values()))[0].as<bool>();
        watch.lap(&IngestTimings::writeNs);

        if (beforeCommit && !beforeCommit()) {
            tx.abort();
            return fail(Error::syncFailure(u"rolled back by fault injection"_s));
        }
        // Round trip 4: COMMIT (the WAL flush); the caller answers only after it.
        tx.commit();
        watch.lap(&IngestTimings::commitNs);
        return IngestResult{answerBytes, false, IngestResult::Refusal::None, rewound};
    } catch (const std::exception& e) {
        return fail(Error::storageFailure(u"ledger transaction failed: %1"_s.arg(pg::describe(e))));
    }
}

} // namespace shiming::hq
