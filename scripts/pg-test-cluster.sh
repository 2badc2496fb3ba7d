#!/bin/sh
# A throwaway PostgreSQL 15 cluster for the tests, the benchmark and a local demo HQ.
#
#   scripts/pg-test-cluster.sh start DIR [--durable [--standby]]   initdb + start; prints the connection string
#   scripts/pg-test-cluster.sh stop DIR                            stop (the standby too) and delete DIR
#   scripts/pg-test-cluster.sh url DIR                             print the connection string of a running cluster
#
# initdb refuses to run as root, so the cluster belongs to the unprivileged `postgres` system user (or the
# calling user when not root). It listens only on a unix socket inside DIR (no TCP at all). Without --durable
# it runs with fsync off: a test cluster is thrown away, so a power cut cannot matter. --standby (needs
# --durable) adds a synchronous streaming standby (DIR/standby from pg_basebackup, socket DIR/ssock, port 5433,
# application_name standby1): every commit on the primary waits for it; start returns once it is in sync.
set -eu

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop|url DIR [--durable [--standby]]" >&2; exit 2; }
durable=no
standby=no
shift 2
for opt in "$@"; do
    case "$opt" in
    --durable) durable=yes ;;
    --standby) standby=yes ;;
    esac
done
if [ "$standby" = yes ] && [ "$durable" = no ]; then
    echo "--standby needs --durable (without synchronous_commit no commit waits for the standby)" >&2
    exit 2
fi

if [ "$(id -u)" = 0 ]; then
    owner=postgres
    as_owner() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }
else
    owner=$(id -un)
    as_owner() { "$@"; }
fi

url() { echo "host=$dir/socket port=5432 user=$owner dbname=postgres"; }

case "$cmd" in
start)
    # Running already (the standby, if any, with it): nothing to do.
    if [ -f "$dir/data/postmaster.pid" ] && as_owner "$PGBIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        url
        exit 0
    fi
    # A standby left running by a primary that died must not lose its data directory under it.
    if [ -d "$dir/standby" ]; then
        as_owner "$PGBIN/pg_ctl" -D "$dir/standby" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir/socket"
    [ "$standby" = yes ] && mkdir -p "$dir/ssock"
    if ! as_owner test -x "$(dirname "$dir")"; then
        echo "$owner cannot reach $(dirname "$dir"): make it searchable (chmod o+x) or pick another DIR" >&2
        exit 1
    fi
    chown -R "$owner" "$dir"
    chmod 700 "$dir"
    as_owner "$PGBIN/initdb" -D "$dir/data" -U "$owner" --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    fsync=off
    [ "$durable" = yes ] && fsync=on
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir/socket'
port = 5432
max_connections = 200
shared_buffers = 256MB
fsync = $fsync
synchronous_commit = $fsync
full_page_writes = $fsync
max_wal_size = 2GB
logging_collector = off
CONF
    if [ "$standby" = yes ]; then # before the first start: wal_level takes a restart
        cat >>"$dir/data/postgresql.conf" <<CONF
wal_level = replica
max_wal_senders = 5
synchronous_standby_names = 'standby1'
CONF
    fi
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
        { cat "$dir/server.log" >&2; exit 1; }
    if [ "$standby" = yes ]; then
        as_owner "$PGBIN/pg_basebackup" -h "$dir/socket" -p 5432 -U "$owner" -D "$dir/standby" -R -X stream -c fast \
            >"$dir/basebackup.log" 2>&1 || { cat "$dir/basebackup.log" >&2; exit 1; }
        # The copied configuration is the primary's: the later lines win.
        cat >>"$dir/standby/postgresql.conf" <<CONF
unix_socket_directories = '$dir/ssock'
port = 5433
synchronous_standby_names = ''
hot_standby = on
CONF
        echo "primary_conninfo = 'host=$dir/socket port=5432 user=$owner application_name=standby1'" \
            >>"$dir/standby/postgresql.auto.conf"
        as_owner "$PGBIN/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w -t 60 start >/dev/null ||
            { cat "$dir/standby.log" >&2; exit 1; }
        synced=0
        for _ in $(seq 150); do
            synced=$(as_owner "$PGBIN/psql" -X -d "$(url)" -Atc \
                "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'" 2>/dev/null || echo 0)
            [ "$synced" = 1 ] && break
            sleep 0.2
        done
        [ "$synced" = 1 ] || { echo "the standby did not become synchronous" >&2; cat "$dir/standby.log" >&2; exit 1; }
    fi
    url
    ;;
stop)
    if [ -d "$dir/data" ]; then
        as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    if [ -d "$dir/standby" ]; then
        as_owner "$PGBIN/pg_ctl" -D "$dir/standby" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
url)
    url
    ;;
*)
    echo "usage: $0 start|stop|url DIR [--durable [--standby]]" >&2
    exit 2
    ;;
esac
