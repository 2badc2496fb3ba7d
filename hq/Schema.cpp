#include "hq/Schema.h"

#include "hq/PgUtil.h"

#include <pqxx/pqxx>

#include <QString>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shiming::hq {

namespace {

// Append only: a deployed migration is never edited.
const char* const kMigrations[] = {
    // 1: the ledger, policy indexes, revocations, nonces, feeds.
    R"SQL(
CREATE TABLE batches (
    batch_uuid   uuid PRIMARY KEY,
    outlet_id    text NOT NULL,
    seq_from     bigint NOT NULL,
    seq_to       bigint NOT NULL,
    device_time  timestamptz,
    received_at  timestamptz NOT NULL DEFAULT now(),
    record_count integer NOT NULL,
    answer       bytea NOT NULL
);
CREATE INDEX batches_outlet ON batches (outlet_id, received_at);

CREATE SEQUENCE hq_reference_seq;

-- The permanent ledger: one row per record UUID, whatever happened to it. identity_hmac is an HMAC of the
-- document (HqState identity key), so the policy index holds no plain numbers.
CREATE TABLE records (
    record_uuid   uuid PRIMARY KEY,
    batch_uuid    uuid NOT NULL REFERENCES batches (batch_uuid),
    outlet_id     text NOT NULL,
    outlet_seq    bigint NOT NULL,
    content_hash  bytea NOT NULL,
    status        text NOT NULL CHECK (status IN ('accepted', 'rejected')),
    reason        text NOT NULL DEFAULT '',
    hq_ref        text NOT NULL UNIQUE,
    hq_time       timestamptz NOT NULL,
    operator      text NOT NULL DEFAULT '',
    identity_hmac text NOT NULL DEFAULT '',
    msisdn        text NOT NULL DEFAULT '',
    iccid         text NOT NULL DEFAULT '',
    registered_at timestamptz,
    content       bytea
);
CREATE UNIQUE INDEX records_msisdn_accepted ON records (msisdn) WHERE status = 'accepted';
CREATE UNIQUE INDEX records_iccid_accepted ON records (iccid) WHERE status = 'accepted';
CREATE INDEX records_identity_accepted ON records (identity_hmac, operator) WHERE status = 'accepted';
CREATE INDEX records_rejected ON records (outlet_id) WHERE status = 'rejected';

CREATE TABLE risk_list (
    identity_hmac text PRIMARY KEY,
    added_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE revoked_certificates (
    serial     text PRIMARY KEY,
    revoked_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE revoked_outlets (
    outlet_id  text PRIMARY KEY,
    revoked_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE request_nonces (
    outlet_id text NOT NULL,
    nonce     text NOT NULL,
    seen_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (outlet_id, nonce)
);
CREATE INDEX request_nonces_seen ON request_nonces (seen_at);

CREATE TABLE outlets (
    outlet_id  text PRIMARY KEY,
    first_seen timestamptz NOT NULL DEFAULT now(),
    last_seen  timestamptz NOT NULL DEFAULT now()
);

-- Downlink: every change is a new row; outlets read rows after their cursor. outlet_id NULL = every outlet.
CREATE TABLE feed_items (
    seq          bigserial PRIMARY KEY,
    feed         text NOT NULL,
    outlet_id    text,
    item_key     text NOT NULL,
    removed      boolean NOT NULL DEFAULT false,
    body         bytea NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feed_items_feed ON feed_items (feed, seq);

-- Takes advisory transaction locks in the order given (callers sort), so concurrent batches that touch the
-- same identities, numbers or SIMs serialise without deadlocking.
CREATE FUNCTION shiming_lock_keys(keys bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE k bigint;
BEGIN
    FOREACH k IN ARRAY keys LOOP
        PERFORM pg_advisory_xact_lock(k);
    END LOOP;
END $$;
)SQL",
    // 2: photos are JPEG: trying to compress them (TOAST's default) only burns HQ's CPU. Store out of line as is.
    R"SQL(
ALTER TABLE records ALTER COLUMN content SET STORAGE EXTERNAL;
)SQL",
    // 3: voids from the outlets. A voided registration becomes 'released': it leaves the partial indexes on
    // accepted records, so its number, SIM and place in the 5-per-identity count are free again, while the
    // row stays for the retention period. The void itself is a record of its own (exactly-once by its id).
    R"SQL(
ALTER TABLE records DROP CONSTRAINT records_status_check;
ALTER TABLE records ADD CONSTRAINT records_status_check CHECK (status IN ('accepted', 'rejected', 'released'));
ALTER TABLE records ADD COLUMN released_at timestamptz, ADD COLUMN released_by uuid;
CREATE TABLE record_voids (
    void_uuid     uuid PRIMARY KEY,
    original_uuid uuid NOT NULL,
    batch_uuid    uuid NOT NULL REFERENCES batches (batch_uuid),
    outlet_id     text NOT NULL,
    outlet_seq    bigint NOT NULL,
    content_hash  bytea NOT NULL,
    status        text NOT NULL CHECK (status IN ('accepted', 'rejected')),
    reason        text NOT NULL DEFAULT '',
    hq_ref        text NOT NULL UNIQUE,
    hq_time       timestamptz NOT NULL,
    voided_at     timestamptz,
    content       bytea
);
CREATE INDEX record_voids_original ON record_voids (original_uuid);
)SQL",
    // 4: the head of each outlet's audit chain as last reported (with the outlet's clock when it sent it, so a
    // late copy of an older request is not taken for news), and when it went backwards (the outlet's database
    // rewound to an older copy, or its chain rewritten).
    R"SQL(
ALTER TABLE outlets ADD COLUMN audit_seq bigint, ADD COLUMN audit_head bytea, ADD COLUMN audit_at timestamptz,
    ADD COLUMN audit_device_time timestamptz, ADD COLUMN audit_rewinds integer NOT NULL DEFAULT 0,
    ADD COLUMN audit_rewound_at timestamptz;
)SQL",
    // 5: records an outlet committed but could not read any more (a damaged page of its database), reported by
    // id. Whether HQ holds the record anyway (sent before the damage, or re-sent from a restored backup) is
    // read from `records` when listed, so the ingest path writes nothing more than the report.
    R"SQL(
CREATE TABLE unreadable_records (
    outlet_id        text NOT NULL,
    record_uuid      uuid NOT NULL,
    outlet_seq       bigint NOT NULL,
    first_reported   timestamptz NOT NULL DEFAULT now(),
    last_reported    timestamptz NOT NULL DEFAULT now(),
    reports          integer NOT NULL DEFAULT 1,
    PRIMARY KEY (outlet_id, record_uuid)
);
)SQL",
    // 6: the halls' compliance findings (spot-check verdicts, alerts raised and acknowledged), one row per state
    // as the outlet sent it; the full finding (records, actor, note) stays in `content` as sent.
    R"SQL(
CREATE TABLE compliance_findings (
    finding_uuid  uuid PRIMARY KEY,
    batch_uuid    uuid NOT NULL REFERENCES batches (batch_uuid),
    outlet_id     text NOT NULL,
    outlet_seq    bigint NOT NULL,
    content_hash  bytea NOT NULL,
    status        text NOT NULL CHECK (status IN ('accepted', 'rejected')),
    reason        text NOT NULL DEFAULT '',
    hq_ref        text NOT NULL UNIQUE,
    hq_time       timestamptz NOT NULL,
    finding_type  text NOT NULL,
    day           date NOT NULL,
    finding_key   text NOT NULL,
    state         text NOT NULL,
    state_at      timestamptz,
    content       bytea NOT NULL
);
CREATE INDEX compliance_findings_outlet_day ON compliance_findings (outlet_id, day);
)SQL",
    // 7: the real-name lifecycle transactions (docs/hq.md "Lifecycle transactions"). Every row so far is a new
    // number (the default fills it without rewriting the table). `replaces`: the row a re-verification, SIM
    // replacement, transfer or cancellation superseded (then `released` by it). A cancellation in force is
    // `ended`: it holds nothing, so it stays out of the partial indexes and the count. A re-verification of a
    // number HQ never held registers it without a SIM: empty ICCIDs are no SIM, not one SIM shared.
    // shiming_lock_key() is pg::lockKey() (the first 8 bytes of SHA-256, big-endian) for the locks on what a
    // void's original holds, which only the ledger knows.
    R"SQL(
ALTER TABLE records DROP CONSTRAINT records_status_check;
ALTER TABLE records ADD CONSTRAINT records_status_check
    CHECK (status IN ('accepted', 'rejected', 'released', 'ended'));
ALTER TABLE records ADD COLUMN transaction text NOT NULL DEFAULT 'new'
        CONSTRAINT records_transaction_check
        CHECK (transaction IN ('new', 'reverify', 'sim_replace', 'transfer', 'cancel')),
    ADD COLUMN replaces uuid;
DROP INDEX records_iccid_accepted;
CREATE UNIQUE INDEX records_iccid_accepted ON records (iccid) WHERE status = 'accepted' AND iccid <> '';
CREATE FUNCTION shiming_lock_key(t text) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT ('x' || encode(substring(sha256(convert_to(t, 'UTF8')) FROM 1 FOR 8), 'hex'))::bit(64)::bigint
$$;
)SQL",
    // 8: halls and counters, HQ's own audit, and the indexes the hall reads and the compliance look-ups use.
    // `hall_id`/`counter_no` come from the peer certificate with every batch (the outlets upsert); an outlet
    // enrolled before halls is counter 1 of a hall of its own id. NULL (a batch ingested without a request)
    // reads the same way. The record indexes cover every status: a look-up wants released and ended history
    // too, which the partial indexes of the policy checks leave out. They cost each ingest three index entries;
    // on a large ledger this migration holds a write lock while it builds them. `summary`: the content's CBOR
    // without its photos, so that a day list of a hall reads a few hundred bytes per record, not the photos.
    R"SQL(
ALTER TABLE outlets ADD COLUMN hall_id text, ADD COLUMN counter_no integer
    CONSTRAINT outlets_counter_check CHECK (counter_no BETWEEN 1 AND 99);
UPDATE outlets SET hall_id = outlet_id, counter_no = 1;
CREATE INDEX outlets_hall ON outlets ((coalesce(hall_id, outlet_id)));
-- The content without photos, written with the record (NULL before: readers fall back to `content`).
ALTER TABLE records ADD COLUMN summary bytea;
CREATE INDEX records_msisdn_all ON records (msisdn);
CREATE INDEX records_identity_all ON records (identity_hmac);
CREATE INDEX records_outlet_registered ON records (outlet_id, registered_at);
-- Who read what at HQ: hall managers through their counters, HQ's compliance staff with `lookup`. Never a plain
-- document or mobile number: look-ups keep the identity HMAC or the number's HMAC under the identity key.
CREATE TABLE hq_audit (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL,
    actor_kind  text NOT NULL CHECK (actor_kind IN ('hall_manager', 'hq_operator')),
    hall_id     text,
    outlet_id   text,
    action      text NOT NULL CHECK (action IN ('hall_day', 'hall_record', 'hall_record_revealed', 'hall_report',
                                                'lookup', 'lookup_unmasked', 'refused')),
    record_uuid uuid,
    reason      text,
    query       text
);
CREATE INDEX hq_audit_at ON hq_audit (at);
)SQL",
};

constexpr long long kMigrationLock = 0x5348494d494e47; // "SHIMING"

} // namespace

int latestSchemaVersion()
{
    return int(std::size(kMigrations));
}

Result<int> migrateSchema(const std::string& url, int upTo)
{
    try {
        pqxx::connection connection(url);
        {
            pqxx::nontransaction setup(connection);
            setup.exec("SET client_min_messages = warning");
            setup.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
                       "applied_at timestamptz NOT NULL DEFAULT now())");
            setup.exec_params("SELECT pg_advisory_lock($1)", kMigrationLock);
        }
        int version = 0;
        for (int i = 0; i < std::min(upTo, latestSchemaVersion()); ++i) {
            pqxx::work tx(connection);
            const int target = i + 1;
            if (!tx.exec_params("SELECT 1 FROM schema_migrations WHERE version = $1", target).empty()) {
                version = target;
                continue;
            }
            tx.exec(kMigrations[i]);
            tx.exec_params("INSERT INTO schema_migrations (version) VALUES ($1)", target);
            tx.commit();
            version = target;
        }
        pqxx::nontransaction done(connection);
        done.exec_params("SELECT pg_advisory_unlock($1)", kMigrationLock);
        return version;
    } catch (const std::exception& e) {
        return fail(Error::storageFailure(u"schema migration failed: %1"_s.arg(pg::describe(e))));
    }
}

} // namespace shiming::hq
