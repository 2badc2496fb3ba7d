#!/bin/sh
# A local demo HQ: a throwaway PostgreSQL in a temporary directory (as the unprivileged postgres user),
# shiming-hq init, one enrolled outlet, then shiming-hq serve on 127.0.0.1 until Ctrl-C, after which the
# cluster is stopped and deleted.
#
#   scripts/hq-demo.sh [BUILD_DIR] [PORT] [OUTLET_ID]
#
# Prints the shimingctl command that links an outlet database to it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
port=${2:-8443}
outlet=${3:-DEMO-001}
hq="$build/hq/shiming-hq"
[ -x "$hq" ] || { echo "no $hq: build the shiming-hq target first" >&2; exit 1; }

work=$(mktemp -d /tmp/shiming-hq-demo.XXXXXX)
chmod 711 "$work" # the cluster inside belongs to the postgres user, which must reach it
cleanup() { "$here/pg-test-cluster.sh" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM

pg=$("$here/pg-test-cluster.sh" start "$work/pg" --durable)
"$hq" init --pg "$pg" --state "$work/state"
"$hq" enroll --state "$work/state" --outlet "$outlet" --out "$work/$outlet.bundle.json" --hq "https://127.0.0.1:$port"
cat <<MSG

Demo HQ for outlet $outlet. In another terminal:
  shimingctl sync setup --db OUTLET.db --user NAME --password-file F --hq https://127.0.0.1:$port --bundle $work/$outlet.bundle.json
  shimingctl sync --db OUTLET.db --user NAME --password-file F --once --json
  $hq stats --pg "$pg" --json
Ctrl-C stops HQ and deletes the demo database.

MSG
"$hq" serve --pg "$pg" --state "$work/state" --listen "127.0.0.1:$port"
