#!/bin/sh
# A throwaway PostgreSQL 15 cluster for the tests, the benchmark and a local demo HQ.
#
#   scripts/pg-test-cluster.sh start DIR [--durable]   initdb + start; prints the connection string
#   scripts/pg-test-cluster.sh stop DIR                stop and delete DIR
#   scripts/pg-test-cluster.sh url DIR                 print the connection string of a running cluster
#
# initdb refuses to run as root, so the cluster belongs to the unprivileged `postgres` system user (or the
# calling user when not root). It listens only on a unix socket inside DIR (no TCP at all). Without --durable
# it runs with fsync off: a test cluster is thrown away, so a power cut cannot matter.
set -eu

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop|url DIR [--durable]" >&2; exit 2; }

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
    if [ -f "$dir/data/postmaster.pid" ] && as_owner "$PGBIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        url
        exit 0
    fi
    rm -rf "$dir"
    mkdir -p "$dir/socket"
    if ! as_owner test -x "$(dirname "$dir")"; then
        echo "$owner cannot reach $(dirname "$dir"): make it searchable (chmod o+x) or pick another DIR" >&2
        exit 1
    fi
    chown -R "$owner" "$dir"
    chmod 700 "$dir"
    as_owner "$PGBIN/initdb" -D "$dir/data" -U "$owner" --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    fsync=off
    [ "${3:-}" = "--durable" ] && fsync=on
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
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
        { cat "$dir/server.log" >&2; exit 1; }
    url
    ;;
stop)
    if [ -d "$dir/data" ]; then
        as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
url)
    url
    ;;
*)
    echo "usage: $0 start|stop|url DIR [--durable]" >&2
    exit 2
    ;;
esac
