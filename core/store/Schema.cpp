#include "core/store/Schema.h"

#include "core/common/Logging.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace shiming::store::schema {

namespace {

// Migration N takes the schema from version N-1 to N. Never edit a released migration: add a new one.
const QStringList& migrations()
{
    static const QStringList list{
        // 1: accounts, registrations with their documents and media, outbox, audit chain, meta.
        uR"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE accounts (
    name TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('clerk', 'manager', 'admin')),
    account_key BLOB NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by TEXT,
    password_changed_at TEXT
);
CREATE TABLE registrations (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    sequence INTEGER NOT NULL UNIQUE,
    outlet_id TEXT NOT NULL,
    clerk TEXT NOT NULL,
    device_time TEXT NOT NULL,
    device_date TEXT NOT NULL,
    customer_type TEXT NOT NULL,
    organisation_uscc TEXT,
    organisation_name TEXT,
    package_id TEXT,
    number TEXT,
    iccid TEXT,
    face_band TEXT NOT NULL,
    face_score REAL,
    face_threshold REAL,
    liveness TEXT NOT NULL,
    liveness_score REAL,
    quality REAL,
    override_by TEXT,
    status TEXT NOT NULL,
    hq_reason TEXT,
    hq_reference TEXT,
    hq_time TEXT,
    voided_at TEXT,
    void_reason TEXT
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    registration_id INTEGER NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT,
    english_name TEXT,
    sex_code TEXT,
    nation_code TEXT,
    birth_date TEXT,
    address TEXT,
    appended_address TEXT,
    number TEXT,
    authority TEXT,
    valid_from TEXT,
    valid_to TEXT,
    valid_to_long_term INTEGER NOT NULL DEFAULT 0,
    nationality TEXT,
    card_version TEXT
);
CREATE INDEX documents_registration ON documents(registration_id, role);
CREATE INDEX documents_number ON documents(number);
CREATE TABLE blobs (id INTEGER PRIMARY KEY, digest BLOB NOT NULL UNIQUE, bytes BLOB NOT NULL);
CREATE TABLE media (
    id INTEGER PRIMARY KEY,
    registration_id INTEGER NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    label TEXT,
    mime_type TEXT,
    size INTEGER NOT NULL,
    blob_id INTEGER NOT NULL REFERENCES blobs(id)
);
CREATE INDEX media_registration ON media(registration_id);
CREATE INDEX media_blob ON media(blob_id);
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    registration_id INTEGER NOT NULL UNIQUE REFERENCES registrations(id) ON DELETE CASCADE,
    state TEXT NOT NULL CHECK (state IN ('pending', 'in_flight', 'done')),
    batch_id TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    done_at TEXT
);
CREATE INDEX outbox_state ON outbox(state, seq);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    record_uuid TEXT,
    detail TEXT,
    prev_hash BLOB NOT NULL,
    hash BLOB NOT NULL
);
)sql"_s,
        // 2: state for the sync (cursors, last success) and the downlink data HQ sends.
        uR"sql(
CREATE TABLE sync_state (key TEXT PRIMARY KEY, value BLOB);
CREATE TABLE downlink (
    kind TEXT NOT NULL,
    item_key TEXT NOT NULL,
    payload BLOB NOT NULL,
    version TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (kind, item_key)
);
)sql"_s,
        // 3: retention stubs and the day list.
        uR"sql(
ALTER TABLE registrations ADD COLUMN purged_at TEXT;
CREATE INDEX registrations_day ON registrations(device_date, sequence);
CREATE INDEX registrations_status ON registrations(status, hq_time);
)sql"_s,
        // 4: a record's audit history without scanning the whole chain (the manager's record view).
        uR"sql(
CREATE INDEX audit_record ON audit(record_uuid, id);
)sql"_s,
        // 5: the 0-100 face score the clerk saw, so that the manager sees the same figure (older rows: NULL).
        uR"sql(
ALTER TABLE registrations ADD COLUMN face_points INTEGER;
)sql"_s,
        // 6: the outbox names its record itself, so a damaged registration page cannot hide which record waits;
        // a row whose record cannot be read is set aside (unreadable_at) and reported to HQ by id.
        uR"sql(
ALTER TABLE outbox ADD COLUMN record_uuid TEXT;
UPDATE outbox SET record_uuid = (SELECT uuid FROM registrations r WHERE r.id = outbox.registration_id);
ALTER TABLE outbox ADD COLUMN unreadable_at TEXT;
ALTER TABLE outbox ADD COLUMN unreadable_reported_at TEXT;
)sql"_s,
        // 7: the duty manager's daily spot check: one draw per day (with its seed, so it can be recomputed) and
        // the sampled records with the manager's verdict; sent_at: the verdict has gone to HQ.
        uR"sql(
CREATE TABLE spot_checks (
    day TEXT PRIMARY KEY,
    drawn_at TEXT NOT NULL,
    drawn_by TEXT NOT NULL,
    share REAL NOT NULL,
    seed BLOB NOT NULL,
    population INTEGER NOT NULL
);
CREATE TABLE spot_check_items (
    day TEXT NOT NULL REFERENCES spot_checks(day),
    record_uuid TEXT NOT NULL,
    verdict TEXT NOT NULL DEFAULT 'unchecked' CHECK (verdict IN ('unchecked', 'ok', 'problem')),
    note TEXT,
    checked_by TEXT,
    checked_at TEXT,
    sent_at TEXT,
    PRIMARY KEY (day, record_uuid)
);
)sql"_s,
        // 8: the compliance alerts raised on the outlet's own data (core/review/Alerts), one per day and key, with
        // the records behind them and the manager's acknowledgement; sent_at: it has gone to HQ.
        uR"sql(
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,
    kind TEXT NOT NULL,
    alert_key TEXT NOT NULL,
    subject TEXT,
    figure INTEGER NOT NULL,
    reference REAL,
    records TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    acknowledged_by TEXT,
    acknowledged_at TEXT,
    note TEXT,
    sent_at TEXT,
    UNIQUE (day, alert_key)
);
)sql"_s,
        // 9: which state of an alert HQ holds (raised, acknowledged): an alert raised and acknowledged before
        // the outlet was next online goes as both, one acknowledged after HQ heard it raised as the second only.
        uR"sql(
ALTER TABLE alerts ADD COLUMN sent_state TEXT;
)sql"_s,
        // 10: the real-name transaction a record is (new number, re-verification, SIM replacement, transfer,
        // cancellation); every record before it is a new number. The number index answers "which record last
        // touched this number" for the identity's holdings.
        uR"sql(
ALTER TABLE registrations ADD COLUMN transaction_type TEXT NOT NULL DEFAULT 'new';
CREATE INDEX registrations_number ON registrations(number, sequence);
)sql"_s,
    };
    return list;
}

} // namespace

int latestVersion()
{
    return int(migrations().size());
}

Result<int> currentVersion(Database& db)
{
    auto version = db.queryInt(u"PRAGMA user_version;"_s);
    if (!version)
        return fail(version.error());
    return int(*version);
}

Result<void> migrate(Database& db, int target)
{
    if (target < 0)
        target = latestVersion();
    if (target > latestVersion())
        return fail(Error::invalidInput(u"unknown schema version %1"_s.arg(target)));
    auto current = currentVersion(db);
    if (!current)
        return fail(current.error());
    if (*current > latestVersion())
        return fail(Error::storageFailure(
            u"the database has schema version %1, newer than this program (%2); update Shiming"_s.arg(*current).arg(
                latestVersion())));
    for (int version = *current + 1; version <= target; ++version) {
        auto tx = Transaction::begin(db);
        if (!tx)
            return fail(tx.error());
        if (auto r = db.exec(migrations().at(version - 1)); !r)
            return fail(Error{r.error().code,
                              u"migration to version %1 failed: %2"_s.arg(version).arg(r.error().detail),
                              r.error().cause});
        if (auto r = db.exec(u"PRAGMA user_version = %1;"_s.arg(version)); !r)
            return fail(r.error());
        if (auto r = tx->commit(); !r)
            return fail(r.error());
        qCInfo(lcStore) << "schema migrated to version" << version;
    }
    return {};
}

} // namespace shiming::store::schema
