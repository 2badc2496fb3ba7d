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
    // 9: HQ past one machine (docs/hq.md "Partitions and retention"). `records` and `batches` become partitioned
    // by month of HQ time (UTC), a partition per month, created ahead by shiming_month_partitions() (called by
    // `shiming-hq maintain` and at serve start, never by the ingest). A partitioned table's unique index must
    // hold the partition key, so the rules "one holder per number, one per SIM" move to `active_numbers`, one row
    // per accepted record, kept by a trigger on `records` on every path (ingest, release, restore, manual SQL):
    // small (numbers in service, not the history) and unpartitioned. The ledger reads holders and counts there.
    // A record's id stays unique across months by `record_ids` (its primary key; a statement trigger on
    // `records` keeps it), which also tells the ledger's look-up in which month a known record is, so that a
    // resend is found without probing every month. A batch's id is unique across months by the ledger's advisory
    // lock on it and its look-up under the lock; within a month by the primary key. `batches.received_at` is
    // written as the records' `hq_time`, so a batch and its records share a month. The foreign keys to `batches`
    // go: a batch and everything in it are written by one statement, and retention drops them month by month.
    // Every row is copied into its month (on a large ledger this migration rewrites the tables, in one
    // transaction, holding them locked). `retention_log`: what `maintain --retain-months` dropped.
    R"SQL(
CREATE TABLE active_numbers (
    msisdn        text PRIMARY KEY,
    record_uuid   uuid NOT NULL UNIQUE,
    iccid         text NOT NULL,
    identity_hmac text NOT NULL,
    operator      text NOT NULL,
    outlet_id     text NOT NULL,
    transaction   text NOT NULL,
    replaces      uuid,
    hq_time       timestamptz NOT NULL
);
CREATE UNIQUE INDEX active_numbers_iccid ON active_numbers (iccid) WHERE iccid <> '';
CREATE INDEX active_numbers_identity ON active_numbers (identity_hmac, operator);

-- The partitions of `records` and `batches` for every month from `first_month` to `last_month` (UTC) that do
-- not exist yet; returns the names it created.
CREATE FUNCTION shiming_month_partitions(first_month date, last_month date) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
    m date := date_trunc('month', first_month)::date;
    parent text;
    name text;
BEGIN
    WHILE m <= last_month LOOP
        FOREACH parent IN ARRAY ARRAY['batches', 'records'] LOOP
            name := parent || '_' || to_char(m, '"y"YYYY"m"MM');
            IF to_regclass(name) IS NULL THEN
                EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', name, parent,
                               to_char(m, 'YYYY-MM-DD') || ' 00:00:00+00',
                               to_char(m + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00');
                RETURN NEXT name;
            END IF;
        END LOOP;
        m := (m + interval '1 month')::date;
    END LOOP;
END $$;

ALTER TABLE record_voids DROP CONSTRAINT record_voids_batch_uuid_fkey;
ALTER TABLE compliance_findings DROP CONSTRAINT compliance_findings_batch_uuid_fkey;
ALTER TABLE records RENAME TO records_unpartitioned;
ALTER TABLE batches RENAME TO batches_unpartitioned;
CREATE TABLE batches (LIKE batches_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE)
    PARTITION BY RANGE (received_at);
CREATE TABLE records (LIKE records_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE)
    PARTITION BY RANGE (hq_time);
SELECT count(*) FROM shiming_month_partitions(
    (least((SELECT min(received_at) FROM batches_unpartitioned), (SELECT min(hq_time) FROM records_unpartitioned),
           now()) AT TIME ZONE 'UTC')::date,
    ((now() AT TIME ZONE 'UTC') + interval '3 months')::date);
INSERT INTO batches SELECT * FROM batches_unpartitioned;
INSERT INTO records SELECT * FROM records_unpartitioned;
DROP TABLE records_unpartitioned;
DROP TABLE batches_unpartitioned;

ALTER TABLE batches ADD PRIMARY KEY (batch_uuid, received_at);
CREATE INDEX batches_outlet ON batches (outlet_id, received_at);
ALTER TABLE records ADD PRIMARY KEY (record_uuid, hq_time);
CREATE INDEX records_rejected ON records (outlet_id) WHERE status = 'rejected';
CREATE INDEX records_msisdn_all ON records (msisdn);
CREATE INDEX records_identity_all ON records (identity_hmac);
CREATE INDEX records_outlet_registered ON records (outlet_id, registered_at);

INSERT INTO active_numbers
    SELECT msisdn, record_uuid, iccid, identity_hmac, operator, outlet_id, transaction, replaces, hq_time
    FROM records WHERE status = 'accepted';
CREATE FUNCTION shiming_active_numbers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.status = 'accepted' THEN
        DELETE FROM active_numbers WHERE record_uuid = OLD.record_uuid;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.status = 'accepted' THEN
        INSERT INTO active_numbers VALUES (NEW.msisdn, NEW.record_uuid, NEW.iccid, NEW.identity_hmac, NEW.operator,
                                           NEW.outlet_id, NEW.transaction, NEW.replaces, NEW.hq_time);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER records_active_insert AFTER INSERT ON records FOR EACH ROW WHEN (NEW.status = 'accepted')
    EXECUTE FUNCTION shiming_active_numbers();
CREATE TRIGGER records_active_update AFTER UPDATE OF status ON records FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status AND 'accepted' IN (OLD.status, NEW.status))
    EXECUTE FUNCTION shiming_active_numbers();
CREATE TRIGGER records_active_delete AFTER DELETE ON records FOR EACH ROW WHEN (OLD.status = 'accepted')
    EXECUTE FUNCTION shiming_active_numbers();

CREATE TABLE record_ids (
    record_uuid uuid PRIMARY KEY,
    hq_time     timestamptz NOT NULL
);
INSERT INTO record_ids SELECT record_uuid, hq_time FROM records;
CREATE FUNCTION shiming_record_ids() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO record_ids SELECT record_uuid, hq_time FROM inserted;
    ELSE
        DELETE FROM record_ids i USING removed r WHERE i.record_uuid = r.record_uuid;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER records_ids_insert AFTER INSERT ON records REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION shiming_record_ids();
CREATE TRIGGER records_ids_delete AFTER DELETE ON records REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION shiming_record_ids();

CREATE TABLE retention_log (
    id            bigserial PRIMARY KEY,
    at            timestamptz NOT NULL DEFAULT now(),
    retain_months integer NOT NULL,
    object        text NOT NULL,
    action        text NOT NULL CHECK (action IN ('dropped', 'deleted')),
    rows          bigint NOT NULL
);
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
