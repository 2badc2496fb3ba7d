#include "hq/Ledger.h"

#include "core/protocol/BatchAnswer.h"
#include "core/protocol/RequestSignature.h"
#include "hq/LedgerDecision.h"
#include "hq/PgUtil.h"

#include <pqxx/pqxx>

#include <QCborMap>
#include <QCborValue>
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
///
/// The hall and counter of the certificate the request came with are kept too (a re-enrolment may move an outlet
/// id to another hall); without a request (`admission` null) the stored ones stay.
std::string outletUpsert(pg::BinaryParams& p, const std::string& outletParam, const protocol::Batch& batch,
                         const Admission* admission)
{
    const std::string hall = admission ? p.text(admission->hallId.isEmpty() ? batch.outletId : admission->hallId)
                                       : std::string("NULL::text");
    const std::string counter = admission
                                    ? p.integer(admission->hallId.isEmpty() ? 1 : admission->counterNo) + "::integer"
                                    : std::string("NULL::integer");
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
    return "INSERT INTO outlets (outlet_id, audit_seq, audit_head, audit_device_time, audit_at, hall_id, counter_no) "
           "VALUES (" +
           outletParam + ", " + seq + ", " + head + ", " + sent + ", CASE WHEN " + seq +
           " IS NULL THEN NULL ELSE now() END, " + hall + ", " + counter +
           ") ON CONFLICT (outlet_id) DO UPDATE SET last_seen = now(), hall_id = coalesce(EXCLUDED.hall_id, "
           "outlets.hall_id), counter_no = coalesce(EXCLUDED.counter_no, outlets.counter_no), audit_rewinds = "
           "outlets.audit_rewinds + CASE WHEN " +
           behind + " THEN 1 ELSE 0 END, audit_rewound_at = CASE WHEN " + behind +
           " THEN now() ELSE outlets.audit_rewound_at END, " + follow("audit_seq") + ", " + follow("audit_head") +
           ", " + follow("audit_device_time") + ", " + follow("audit_at") +
           " RETURNING outlets.audit_rewound_at IS NOT DISTINCT FROM now() AND outlets.audit_rewinds > 0";
}

/// What the batch's locks and its lookup are keyed by, from the batch alone (before any round trip).
struct BatchKeys {
    std::vector<qint64> locks;        ///< sorted, unique
    QList<RecordIdentity> identities; ///< per record, as recordIdentities() gives them
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
        if (!record.invalidReason.isEmpty() || record.kind == RecordKind::Finding)
            continue;
        if (record.kind == RecordKind::Void) {
            // Serialises with the original's own batch and with any other void of it. What the original holds
            // (its number; for a lifecycle record the SIM and identity of the row it replaced, which the void
            // may restore) is locked by admit(), which reads it from the ledger.
            keys.originalIds << uuidText(record.voidContent.original);
            keys.locks.push_back(pg::lockKey(u"record:"_s + keys.originalIds.back()));
            continue;
        }
        const auto& c = record.content;
        const RecordIdentity& ids = keys.identities[i];
        keys.lookupIdentities << ids.identity;
        keys.msisdns << c.msisdn;
        keys.locks.push_back(pg::lockKey(u"identity:"_s + identityOperatorKey(ids.identity, c.operatorCode)));
        keys.locks.push_back(pg::lockKey(u"msisdn:"_s + c.msisdn));
        if (!ids.presentHolder.isEmpty()) {
            // A transfer lowers the present holder's count.
            keys.lookupIdentities << ids.presentHolder;
            keys.locks.push_back(pg::lockKey(u"identity:"_s + identityOperatorKey(ids.presentHolder, c.operatorCode)));
        }
        if (!c.iccid.isEmpty()) {
            keys.iccids << c.iccid;
            keys.locks.push_back(pg::lockKey(u"iccid:"_s + c.iccid));
        }
    }
    // One global order (sorted keys, the batch's own key among them): concurrent batches touching the same
    // identities, numbers, SIMs or records serialise without deadlocks, on any number of instances.
    std::sort(keys.locks.begin(), keys.locks.end());
    keys.locks.erase(std::unique(keys.locks.begin(), keys.locks.end()), keys.locks.end());
    return keys;
}

/// The CTE `locks` that takes the batch's advisory locks: `keys` (the batch's own, bigint[]) merged, in the
/// one sorted order, with the keys of the ledger rows the batch's voids touch beyond their originals' ids. These
/// are read from the ledger here (shiming_lock_key() is pg::lockKey() in SQL, migration 7): the original's
/// number (so a void serialises with every transaction on that number) and, when the original replaced a row,
/// that row's SIM and identity (a restore takes them again). The columns read are never updated, so reading
/// them before the locks are held is safe. `originals`: the originals' ids (uuid[]).
///
/// A batch without voids (nearly all) reads no ledger row here: planning those branches joins every month of
/// `records` with every month (9 ms with 44 months of partitions), for nothing.
std::string lockCte(const std::string& keys, const std::string& originals, bool voids)
{
    if (!voids) // `originals` is read without a table, so the statement's parameters stay the same
        return "locks AS (SELECT shiming_lock_keys(ARRAY(SELECT k FROM unnest(" + keys + "::bigint[]) AS k WHERE " +
               originals + "::uuid[] IS NOT NULL ORDER BY 1)))";
    const std::string named = "o.record_uuid = ANY(" + originals + "::uuid[])";
    return "locks AS (SELECT shiming_lock_keys(ARRAY(SELECT k FROM unnest(" + keys +
           "::bigint[]) AS k "
           "UNION SELECT shiming_lock_key('msisdn:' || o.msisdn) FROM records o WHERE " +
           named +
           " AND o.msisdn <> '' "
           "UNION SELECT shiming_lock_key('iccid:' || p.iccid) FROM records o JOIN records p ON p.record_uuid = "
           "o.replaces WHERE " +
           named +
           " AND p.iccid <> '' "
           "UNION SELECT shiming_lock_key('identity:' || p.identity_hmac || '|' || p.operator) FROM records o JOIN "
           "records p ON p.record_uuid = o.replaces WHERE " +
           named + " ORDER BY 1)))";
}

/// Round trip 1: admission (revocation, nonce) and the locks. A void does not lock the original's identity:
/// releasing only lowers counts, so a concurrent batch that read the count before the release is at worst too
/// strict, never too lenient. Restoring a replaced row raises its identity's count: that identity is locked.
IngestResult::Refusal admit(pqxx::work& tx, const Admission* admission, const BatchKeys& keys)
{
    const bool voids = !keys.originalIds.isEmpty();
    const pqxx::row admitted =
        admission ? tx.exec_params1("WITH nonce AS (INSERT INTO request_nonces (outlet_id, nonce) VALUES ($1, $2) "
                                    "ON CONFLICT DO NOTHING RETURNING 1), " +
                                        lockCte("$5", "$6", voids) +
                                        " SELECT EXISTS (SELECT 1 FROM revoked_certificates WHERE serial = $3) OR "
                                        "EXISTS (SELECT 1 FROM revoked_outlets WHERE outlet_id = $1 AND "
                                        "revoked_at >= to_timestamp($4 / 1000.0)), EXISTS (SELECT 1 FROM nonce), "
                                        "(SELECT count(*) FROM locks)",
                                    pg::str(admission->outletId), admission->nonce.toStdString(),
                                    pg::str(admission->certificateSerial), admission->certificateNotBeforeMs,
                                    pg::bigintArray(keys.locks), pg::textArray(keys.originalIds))
                  : tx.exec_params1("WITH " + lockCte("$1", "$2", voids) +
                                        " SELECT false, true, (SELECT count(*) FROM locks)",
                                    pg::bigintArray(keys.locks), pg::textArray(keys.originalIds));
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

/// A record HQ holds, from the columns id, content hash, status, reason, reference, HQ time (epoch ms) of `row`
/// starting at `first`.
KnownRecord knownOf(RecordKind kind, const pqxx::row& row, int first)
{
    KnownRecord k;
    k.kind = kind;
    k.answer.recordId = QUuid::fromString(textOf(row[first]));
    k.hash = bytesOf(row[first + 1]);
    k.answer.original = textOf(row[first + 2]) == u"rejected"_s ? RecordOutcome::Rejected : RecordOutcome::Accepted;
    k.answer.reason = textOf(row[first + 3]);
    k.answer.hqReference = textOf(row[first + 4]);
    k.answer.hqTimeMs = row[first + 5].as<qint64>();
    return k;
}

/// A batch id already in the ledger: whose it is and the answer stored with it.
struct StoredBatch {
    QString outletId;
    QByteArray answer;
};

/// Round trip 2: everything the decisions need, in one statement (the locks are held, so this snapshot sees
/// every batch that touched the same keys). HQ references: one per record at most; the unused ones are gaps,
/// as after any rollback. When the batch id is known, only that.
///
/// Ledger rows ('row'): the registrations the voids name, the rows those replaced (with whether they were voided
/// themselves: a voided row is never restored), and the accepted holders of the batch's numbers and SIMs and
/// of the replaced rows' numbers and SIMs. Counts: every identity of the batch, and those of the named and
/// replaced rows. Holders and counts come from `active_numbers` (one row per accepted record, unpartitioned);
/// which of the batch's ids HQ holds, and in which month, from `record_ids` (unpartitioned): only those rows are
/// then read from `records`, in their months.
std::variant<StoredBatch, LedgerSnapshot> lookUp(pqxx::work& tx, const QString& batchId, const BatchKeys& keys)
{
    // Without voids (nearly every batch) `named` and `replaced` are empty relations that read no table: planning
    // them over `records` would join every month with every month for nothing (see lockCte()).
    const std::string voidRows = keys.originalIds.isEmpty() ? R"SQL(
WITH named AS (SELECT NULL::uuid AS record_uuid, NULL::text AS status, NULL::text AS outlet_id,
        NULL::text AS identity_hmac, NULL::text AS operator, NULL::text AS msisdn, NULL::text AS iccid,
        NULL::text AS transaction, NULL::uuid AS replaces, NULL::uuid AS released_by WHERE $3::uuid[] IS NULL),
replaced AS (SELECT *, false AS voided FROM named),
)SQL"
                                                            : R"SQL(
WITH named AS (SELECT record_uuid, status, outlet_id, identity_hmac, operator, msisdn, iccid, transaction, replaces,
        released_by FROM records WHERE record_uuid = ANY($3::uuid[])),
replaced AS (SELECT p.record_uuid, p.status, p.outlet_id, p.identity_hmac, p.operator, p.msisdn, p.iccid,
        p.transaction, p.replaces, p.released_by, EXISTS (SELECT 1 FROM record_voids v WHERE v.original_uuid =
        p.record_uuid AND v.status = 'accepted') AS voided
    FROM records p WHERE p.record_uuid IN (SELECT replaces FROM named WHERE replaces IS NOT NULL)),
)SQL";
    const std::string lookup = voidRows + R"SQL(
holders AS (SELECT record_uuid, outlet_id, identity_hmac, operator, msisdn, iccid, transaction, replaces
        FROM active_numbers WHERE msisdn = ANY($5)
    UNION ALL SELECT record_uuid, outlet_id, identity_hmac, operator, msisdn, iccid, transaction, replaces
        FROM active_numbers WHERE iccid <> '' AND iccid = ANY($6)
    UNION ALL SELECT record_uuid, outlet_id, identity_hmac, operator, msisdn, iccid, transaction, replaces
        FROM active_numbers WHERE msisdn IN (SELECT msisdn FROM replaced)
    UNION ALL SELECT record_uuid, outlet_id, identity_hmac, operator, msisdn, iccid, transaction, replaces
        FROM active_numbers WHERE iccid <> '' AND iccid IN (SELECT iccid FROM replaced WHERE iccid <> ''))
SELECT 'batch', outlet_id, answer, NULL, NULL, NULL, NULL::bigint, NULL, NULL, NULL, NULL, NULL
    FROM batches WHERE batch_uuid = $1::uuid
UNION ALL SELECT 'known', record_uuid::text, NULL, NULL, hq_time::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM record_ids WHERE record_uuid = ANY($2::uuid[])
UNION ALL SELECT 'void', void_uuid::text, content_hash, status, reason, hq_ref,
    (extract(epoch FROM hq_time) * 1000)::bigint, NULL, NULL, NULL, NULL, NULL
    FROM record_voids WHERE void_uuid = ANY($2::uuid[])
UNION ALL SELECT 'finding', finding_uuid::text, content_hash, status, reason, hq_ref,
    (extract(epoch FROM hq_time) * 1000)::bigint, NULL, NULL, NULL, NULL, NULL
    FROM compliance_findings WHERE finding_uuid = ANY($2::uuid[])
UNION ALL SELECT 'row', record_uuid::text, NULL, status, outlet_id, identity_hmac, 0, operator, msisdn, iccid,
    transaction || '|' || coalesce(replaces::text, ''), released_by::text FROM named
UNION ALL SELECT 'row', record_uuid::text, NULL, status, outlet_id, identity_hmac, voided::int, operator, msisdn,
    iccid, transaction || '|' || coalesce(replaces::text, ''), released_by::text FROM replaced
UNION ALL SELECT 'row', record_uuid::text, NULL, 'accepted', outlet_id, identity_hmac, 0, operator, msisdn, iccid,
    transaction || '|' || coalesce(replaces::text, ''), NULL FROM holders
UNION ALL SELECT 'risk', identity_hmac, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM risk_list WHERE identity_hmac = ANY($4)
UNION ALL SELECT 'count', identity_hmac || '|' || operator, NULL, NULL, NULL, NULL, count(*), NULL, NULL, NULL,
    NULL, NULL
    FROM active_numbers WHERE identity_hmac = ANY($4) GROUP BY identity_hmac, operator
UNION ALL SELECT 'count', identity_hmac || '|' || operator, NULL, NULL, NULL, NULL, count(*), NULL, NULL, NULL,
    NULL, NULL
    FROM active_numbers WHERE identity_hmac <> ALL($4) AND identity_hmac IN
        (SELECT identity_hmac FROM named UNION SELECT identity_hmac FROM replaced)
    GROUP BY identity_hmac, operator
UNION ALL SELECT 'now', NULL, NULL, NULL, NULL, NULL, (extract(epoch FROM now()) * 1000)::bigint, NULL, NULL, NULL,
    NULL, NULL
UNION ALL SELECT 'ref', NULL, NULL, NULL, NULL, NULL, nextval('hq_reference_seq'), NULL, NULL, NULL, NULL, NULL
    FROM generate_series(1, $7)
)SQL";
    LedgerSnapshot s;
    QStringList knownIds, knownTimes;
    for (const auto& row :
         tx.exec_params(lookup, pg::str(batchId), pg::textArray(keys.recordIds), pg::textArray(keys.originalIds),
                        pg::textArray(keys.lookupIdentities), pg::textArray(keys.msisdns), pg::textArray(keys.iccids),
                        int(keys.recordIds.size()))) {
        const std::string tag = row[0].as<std::string>();
        if (tag == "batch")
            return StoredBatch{textOf(row[1]), bytesOf(row[2])};
        if (tag == "known") {
            knownIds << textOf(row[1]);
            knownTimes << textOf(row[4]);
        } else if (tag == "void" || tag == "finding") {
            const KnownRecord k = knownOf(tag == "void" ? RecordKind::Void : RecordKind::Finding, row, 1);
            s.known.insert(k.answer.recordId, k);
        } else if (tag == "row") {
            // The same row may come from several branches (a replaced row that holds its number again).
            LedgerRecord r;
            r.status = textOf(row[3]);
            r.outletId = textOf(row[4]);
            r.identity = textOf(row[5]);
            r.operatorCode = textOf(row[7]);
            r.msisdn = textOf(row[8]);
            r.iccid = textOf(row[9]);
            const QString lineage = textOf(row[10]);
            r.transaction = lineage.section(u'|', 0, 0);
            r.replaces = QUuid::fromString(lineage.section(u'|', 1));
            r.releasedBy = QUuid::fromString(textOf(row[11]));
            LedgerRecord& stored = s.records[QUuid::fromString(textOf(row[1]))];
            r.voided = stored.voided || row[6].as<int>() != 0;
            stored = r;
        } else if (tag == "risk") {
            s.risky.insert(textOf(row[1]));
        } else if (tag == "count") {
            s.counts.insert(textOf(row[1]), row[6].as<int>());
        } else if (tag == "now") {
            s.hqTimeMs = row[6].as<qint64>();
        } else if (tag == "ref") {
            s.references << row[6].as<qint64>();
        }
    }
    // The batch's records HQ holds already (a resend): their rows, read in their own months only. `record_ids`
    // said which months; probing every month's primary key instead costs a plan over every month per batch.
    if (!knownIds.isEmpty()) {
        for (const auto& row : tx.exec_params(
                 "SELECT record_uuid::text, content_hash, status, reason, hq_ref, (extract(epoch FROM hq_time) * "
                 "1000)::bigint FROM records WHERE hq_time = ANY($1::timestamptz[]) AND record_uuid = ANY($2::uuid[])",
                 pg::textArray(knownTimes), pg::textArray(knownIds))) {
            const KnownRecord k = knownOf(RecordKind::Registration, row, 0);
            // An id both in `records` (an invalid row) and in a table of its own kind: the latter decides.
            if (!s.known.contains(k.answer.recordId))
                s.known.insert(k.answer.recordId, k);
        }
    }
    return s;
}

/// The content without its photos (CBOR, a few hundred bytes): what the hall's day list, its report and the
/// look-ups read, so that they never fetch the photos (tens of KB per record) they do not show.
QByteArray summaryOf(protocol::RecordContent content)
{
    content.photos.clear(); // before encoding: the photos' bytes are never copied into the map
    QCborMap map = protocol::encodeContent(content);
    map.remove("photos"_L1);
    return QCborValue(map).toCbor();
}

/// Round trip 3's statement: the batch with its answer, its new records and voids, the releases and the
/// outlet, all parameters in `p`. Returns true in its one column when this request found an audit rewind.
std::string writeStatement(pg::BinaryParams& p, const protocol::Batch& batch, const QString& batchId,
                           const BatchDecision& decision, const QByteArray& answerBytes, const Admission* admission)
{
    const qint64 hqTime = decision.answer.hqTimeMs;
    const std::string batchParam = p.text(batchId);
    const std::string outletParam = p.text(batch.outletId);
    // Every parameter must be used by the statement: HQ's time is added on first use.
    std::string hqTimeText;
    const auto hqTimeParam = [&]() -> const std::string& {
        if (hqTimeText.empty())
            hqTimeText = p.epochMs(hqTime);
        return hqTimeText;
    };
    // The batch is received at the records' HQ time: both land in the same month's partitions.
    std::string sql = "WITH b AS (INSERT INTO batches (batch_uuid, outlet_id, seq_from, seq_to, device_time, "
                      "record_count, answer, received_at) VALUES (" +
                      batchParam + "::uuid, " + outletParam + ", " + p.integer(batch.firstSequence) + ", " +
                      p.integer(batch.lastSequence) + ", " + p.epochMs(batch.deviceTimeMs) + ", " +
                      p.integer(batch.records.size()) + ", " + p.bytes(answerBytes) + ", " + hqTimeParam() + "))";
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
        // Rejected, released and ended records keep their number out of `active_numbers` (the trigger on
        // `records` holds accepted rows only).
        const auto& c = record.content;
        const QString status = valid ? decided.status : u"rejected"_s;
        const QString& iccid = decided.iccid;
        row += p.text(status) + ", " + p.text(answer.reason) + ", " + p.text(answer.hqReference) + ", " +
               hqTimeParam() + ", " + p.text(valid ? c.operatorCode : QString()) + ", " + p.text(decided.identity) +
               ", " + p.text(valid ? c.msisdn : QString()) + ", " + p.text(valid ? iccid : QString()) + ", " +
               p.epochMs(valid ? c.registeredAtMs : hqTime) + ", " + p.bytes(record.contentCbor) + ", " +
               (decided.releasedBy.isNull() ? std::string("NULL::timestamptz, NULL::uuid")
                                            : hqTimeParam() + ", " + p.text(uuidText(decided.releasedBy)) + "::uuid") +
               ", " + p.text(valid ? transactionName(c) : u"new"_s) + ", " +
               (decided.replaces.isNull() ? std::string("NULL::uuid") : p.text(uuidText(decided.replaces)) + "::uuid") +
               ", " + (valid ? p.bytes(summaryOf(c)) : std::string("NULL::bytea")) + ")";
        registrations += (registrations.empty() ? "" : ", ") + row;
    }
    // The ledger rows this batch lets go come first: a row inserted below may take the number or SIM they held,
    // and `active_numbers` follows `records` row by row in the order the rows change (its trigger's events), so
    // the inserts and the restores wait for `rel` (they read it).
    std::string afterReleases;
    if (!decision.releases.isEmpty()) {
        std::string rows;
        for (const Release& release : decision.releases) {
            rows += (rows.empty() ? "(" : ", (") + p.text(uuidText(release.original)) + "::uuid, " +
                    p.text(uuidText(release.by)) + "::uuid, " + p.text(release.from) + ")";
        }
        sql += ", rel AS (UPDATE records SET status = 'released', released_at = " + hqTimeParam() +
               ", released_by = x.by_uuid FROM (VALUES " + rows +
               ") AS x (original_uuid, by_uuid, from_status) WHERE records.record_uuid = x.original_uuid AND "
               "records.status = x.from_status RETURNING 1)";
        afterReleases = " AND (SELECT count(*) FROM rel) >= 0";
    }
    if (!decision.restores.isEmpty()) {
        std::string rows;
        for (const QUuid& restored : decision.restores)
            rows += (rows.empty() ? "(" : ", (") + p.text(uuidText(restored)) + "::uuid)";
        sql += ", rest AS (UPDATE records SET status = 'accepted', released_at = NULL, released_by = NULL FROM "
               "(VALUES " +
               rows + ") AS x (record_uuid) WHERE records.record_uuid = x.record_uuid AND records.status = 'released'" +
               afterReleases + ")";
    }
    if (!registrations.empty()) {
        sql += ", r AS (INSERT INTO records (record_uuid, batch_uuid, outlet_id, outlet_seq, content_hash, status, "
               "reason, hq_ref, hq_time, operator, identity_hmac, msisdn, iccid, registered_at, content, "
               "released_at, released_by, transaction, replaces, summary) SELECT * FROM (VALUES " +
               registrations + ") AS x WHERE true" + afterReleases + ")";
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
    return sql + " " + outletUpsert(p, outletParam, batch, admission);
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
        if (const auto refusal = admit(tx, admission, keys); refusal != IngestResult::Refusal::None)
            return IngestResult{{}, false, refusal, false};
        watch.lap(&IngestTimings::admitNs);

        auto lookedUp = lookUp(tx, batchId, keys);
        if (const auto* stored = std::get_if<StoredBatch>(&lookedUp)) {
            if (stored->outletId != batch.outletId)
                return IngestResult{{}, false, IngestResult::Refusal::BatchIdConflict, false};
            // A replay: the stored answer, and the request's nonce and the outlet's audit head kept.
            pg::BinaryParams p;
            const std::string upsert = outletUpsert(p, p.text(batch.outletId), batch, admission);
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
        const std::string sql = writeStatement(p, batch, batchId, decision, answerBytes, admission);
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
