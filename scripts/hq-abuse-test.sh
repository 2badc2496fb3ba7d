#!/bin/sh
# HQ under hostile connections (issue: hardening), bounded and on loopback only: a throwaway PostgreSQL, a real
# shiming-hq, two real outlets syncing 12 passes each, first alone (the baseline), then while 300 sockets that
# send nothing stay open and 4 clients push chunked 200 MiB uploads over and over. Prints last: syncs succeeded,
# worst sync time, HQ peak RSS (goal: every sync succeeds within 5 s, HQ under 200 MB).
#
#   scripts/hq-abuse-test.sh [BUILD_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
cmake --build "$build" --target bench_hq_abuse shiming-hq -j2
unset SHIMING_TEST_PG_DIR
exec "$build/tests/sync/bench_hq_abuse"
