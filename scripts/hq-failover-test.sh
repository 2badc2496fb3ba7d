#!/bin/bash
# HQ survives losing its database machine (issue 15): a primary PostgreSQL 15 with a synchronous standby
# (PostgreSQL's own streaming replication, synchronous_standby_names + synchronous_commit = on), shiming-hq serving
# on a multi-host connection string (target_session_attrs=read-write), two outlets uploading with `shimingctl
# sync --once` in a loop; mid-ingest the primary is killed with SIGKILL, the standby promoted (pg_ctl promote), the
# outlets keep retrying. Then: every record HQ acknowledged is on the new primary, every outlet record is accepted
# exactly once, and outlet and HQ agree. Prints those counts last, and the seconds from the kill to the first batch
# the new primary accepted. Exit 1 when a count disagrees.
#
#   scripts/hq-failover-test.sh [BUILD_DIR] [--records N]    (N per outlet, default 300)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
[ $# -gt 0 ] && shift
records=300
[ "${1:-}" = "--records" ] && records=$2

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
ctl="$build/app/shimingctl"
hqbin="$build/hq/shiming-hq"
[ -x "$ctl" ] && [ -x "$hqbin" ] || { echo "build shimingctl and shiming-hq first ($build)" >&2; exit 2; }

work=$(mktemp -d /tmp/shiming-failover.XXXXXX)
chmod 755 "$work"
if [ "$(id -u)" = 0 ]; then
    owner=postgres
    as_owner() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }
else
    owner=$(id -un)
    as_owner() { "$@"; }
fi
pids=()
cleanup() {
    for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done
    for node in primary standby; do
        [ -d "$work/$node" ] && as_owner "$PGBIN/pg_ctl" -D "$work/$node" -m immediate stop >/dev/null 2>&1 || true
    done
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

mkdir -p "$work/psock" "$work/ssock" "$work/outlets" "$work/primary" "$work/standby" "$work/logs"
chown "$owner" "$work/psock" "$work/ssock" "$work/primary" "$work/standby" "$work/logs"
chmod 700 "$work/primary" "$work/standby"
node_conf() { # DIR SOCKET PORT
    cat >>"$1/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$2'
port = $3
max_connections = 100
shared_buffers = 128MB
fsync = on
synchronous_commit = on
wal_level = replica
max_wal_senders = 5
hot_standby = on
logging_collector = off
CONF
}

# The primary, durable, waiting for its synchronous standby on every commit.
as_owner "$PGBIN/initdb" -D "$work/primary" -U "$owner" --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 ||
    { cat "$work/initdb.log" >&2; exit 1; }
node_conf "$work/primary" "$work/psock" 5432
echo "synchronous_standby_names = 'standby1'" >>"$work/primary/postgresql.conf"
as_owner "$PGBIN/pg_ctl" -D "$work/primary" -l "$work/logs/primary.log" -w -t 60 start >/dev/null
# The standby: a base backup of the primary, streaming from it as standby1.
as_owner "$PGBIN/pg_basebackup" -h "$work/psock" -p 5432 -U "$owner" -D "$work/standby" -R -X stream >/dev/null
sed -i "/^unix_socket_directories\|^port\|^synchronous_standby_names/d" "$work/standby/postgresql.conf"
node_conf "$work/standby" "$work/ssock" 5433
echo "primary_conninfo = 'host=$work/psock port=5432 user=$owner application_name=standby1'" \
    >>"$work/standby/postgresql.auto.conf"
as_owner "$PGBIN/pg_ctl" -D "$work/standby" -l "$work/logs/standby.log" -w -t 60 start >/dev/null

primary="host=$work/psock port=5432 user=$owner dbname=postgres"
newprimary="host=$work/ssock port=5433 user=$owner dbname=postgres"
both="host=$work/psock,$work/ssock port=5432,5433 user=$owner dbname=postgres target_session_attrs=read-write connect_timeout=2"
# Feed pages (and hall reads) from the standby while there is one.
reads="host=$work/ssock,$work/psock port=5433,5432 user=$owner dbname=postgres target_session_attrs=prefer-standby connect_timeout=2 application_name=shiming-hq-read"
for _ in $(seq 50); do
    [ "$(psql "$primary" -Atc "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'")" = 1 ] && break
    sleep 0.2
done

# HQ on both nodes: it writes to whichever is primary.
"$hqbin" init --pg "$primary" --state "$work/hq" >/dev/null
"$hqbin" serve --pg "$both" --pg-read "$reads" --state "$work/hq" --listen 127.0.0.1:0 >"$work/serve.out" \
    2>"$work/serve.log" &
pids+=($!)
for _ in $(seq 100); do grep -q "listening on" "$work/serve.out" && break; sleep 0.1; done
port=$(sed -n 's/.*listening on [^:]*:\([0-9]*\).*/\1/p' "$work/serve.out")
"$hqbin" stats --pg "$primary" | grep '^database:' # the synchronous standby, as HQ reports it

# Two outlets, each with its records waiting.
echo "outlet-password" >"$work/password"
for outlet in FO-A FO-B; do
    db="$work/outlets/$outlet.db"
    log="$work/outlets/$outlet.log"
    "$ctl" db init --db "$db" --outlet "$outlet" --admin admin --password-file "$work/password" --weak-kdf-for-tests \
        >>"$log" 2>&1
    "$hqbin" enroll --state "$work/hq" --outlet "$outlet" --out "$work/outlets/$outlet.bundle" >>"$log" 2>&1
    "$ctl" sync setup --db "$db" --user admin --password-file "$work/password" --hq "https://127.0.0.1:$port" \
        --bundle "$work/outlets/$outlet.bundle" >>"$log" 2>&1
    "$ctl" demo seed --db "$db" --user admin --password-file "$work/password" --count "$records" --pool 4 >>"$log" 2>&1
done
upload() { # each outlet syncs until nothing waits; a failed pass is retried
    local db="$work/outlets/$1.db"
    for _ in $(seq 600); do
        "$ctl" sync --db "$db" --user admin --password-file "$work/password" --once --json --timeout-ms 5000 \
            >>"$work/outlets/$1.sync.log" 2>&1 || true
        pending=$("$ctl" sync --db "$db" --user admin --password-file "$work/password" --status --json 2>/dev/null |
            sed -n 's/.*"pending":\([0-9]*\).*/\1/p')
        [ "$pending" = 0 ] && return 0
        sleep 0.2
    done
    return 1
}
upload FO-A & ua=$!
upload FO-B & ub=$!
pids+=($ua $ub)

# Mid-ingest: the primary's machine dies.
for _ in $(seq 300); do
    n=$(psql "$primary" -Atc "SELECT count(*) FROM records" 2>/dev/null || echo 0)
    [ "$n" -ge $((records / 3)) ] && break # a sixth of the two outlets' records: most still to come
    sleep 0.05
done
acknowledged_before=$(psql "$primary" -Atc "SELECT count(*) FROM records")
killed_at=$(date +%s.%N)
postmaster=$(head -1 "$work/primary/postmaster.pid")
kill -KILL "$postmaster"
pkill -KILL -P "$postmaster" || true # its backends, walsender and checkpointer with it
sleep 0.5
# Gone, or a zombie nobody reaps (a container's init): either way it serves nothing any more.
state=$(ps -o stat= -p "$postmaster" 2>/dev/null || true)
case "$state" in "" | Z*) ;; *) echo "the primary survived SIGKILL ($state)" >&2; exit 1 ;; esac
if psql "$primary" -Atc "SELECT 1" >/dev/null 2>&1; then
    echo "the primary still answers after SIGKILL" >&2
    exit 1
fi
as_owner "$PGBIN/pg_ctl" -D "$work/standby" -w -t 60 promote >/dev/null
promoted_at=$(date +%s.%N)

wait "$ua"; ra=$?
wait "$ub"; rb=$?
first_after=$(psql "$newprimary" -Atc \
    "SELECT extract(epoch FROM min(received_at)) FROM batches WHERE received_at > to_timestamp($killed_at)")

hq_records=$(psql "$newprimary" -Atc "SELECT count(*) FROM records")
# The feed pages were read on the standby's connections (kept in HQ's pool through the promotion).
readers=$(psql "$newprimary" -Atc "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'shiming-hq-read'")
grep -q "reads from a standby" "$work/serve.log" && read_from=standby || read_from=primary
fail=0
echo "records per outlet: $records; HQ had acknowledged at least $acknowledged_before when the primary was killed"
for outlet in FO-A FO-B; do
    at_hq=$(psql "$newprimary" -Atc "SELECT count(*) FROM records WHERE outlet_id = '$outlet' AND status = 'accepted'")
    distinct=$(psql "$newprimary" -Atc "SELECT count(DISTINCT record_uuid) FROM records WHERE outlet_id = '$outlet'")
    report="$work/outlets/$outlet.json"
    "$ctl" report daily --db "$work/outlets/$outlet.db" --user admin --password-file "$work/password" \
        --date "$(date +%F)" --format json --out "$report" >/dev/null 2>&1
    accepted=$(sed -n 's/.*"hq_accepted": *\([0-9]*\).*/\1/p' "$report" | head -1)
    unsynced=$(sed -n 's/.*"unsynced": *\([0-9]*\).*/\1/p' "$report" | head -1)
    agree=no
    [ "$at_hq" = "$records" ] && [ "$distinct" = "$records" ] && [ "$accepted" = "$records" ] && [ "$unsynced" = 0 ] &&
        agree=yes
    [ "$agree" = yes ] || fail=1
    echo "outlet $outlet: accepted at the outlet $accepted/$records, unsynced $unsynced; at HQ accepted $at_hq, distinct $distinct; outlet and HQ agree: $agree"
done
[ "$ra" = 0 ] && [ "$rb" = 0 ] || { echo "an outlet did not finish its upload" >&2; fail=1; }
[ "$hq_records" -ge "$acknowledged_before" ] || fail=1
echo "acknowledged before the kill and on the new primary: $acknowledged_before <= $hq_records"
echo "HQ's reads: from the $read_from at start, $readers read-only connections on the promoted standby at the end"
[ "$read_from" = standby ] && [ "$readers" -ge 1 ] || fail=1
# Killed after the last batch: nothing was tested.
[ -n "${first_after:-}" ] || { echo "no batch reached HQ after the kill: it came too late" >&2; fail=1; }
awk -v k="$killed_at" -v f="${first_after:-}" -v p="$promoted_at" 'BEGIN {
    if (f == "") { print "failover: no batch accepted by the new primary"; exit }
    printf "failover: %.1f s from the primary killed to the first batch accepted by the new primary (promoted after %.1f s)\n", f - k, p - k }'
exit $fail
