#!/bin/sh
# The hall figures (printed, not asserted): a hall manager's day list of 5 counters x 300 records over mutual
# TLS (the bare HTTP read, then the manager window's hall scope), and a compliance look-up by number on 1,000,000
# HQ records, each with a baseline from the same run.
# Starts a throwaway PostgreSQL cluster (scripts/pg-test-cluster.sh, fsync off: reads are measured, and the
# bulk insert is set-up) and stops it at the end.
#
#   scripts/hall-bench.sh [BUILD_DIR] [--runs N]     (medians of N runs, default 15)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
[ $# -gt 0 ] && shift
cmake --build "$build" --target bench_hall bench_hall_view shiming-hq -j2
dir=/tmp/shiming-hall-bench-$$
"$here/pg-test-cluster.sh" start "$dir" >/dev/null
trap '"$here/pg-test-cluster.sh" stop "$dir"' EXIT INT TERM
SHIMING_TEST_PG_DIR=$dir "$build/tests/hq/bench_hall" "$@"
# The same day through the manager window's hall scope, as a manager gets it (read, parse, table).
SHIMING_TEST_PG_DIR=$dir "$build/tests/sync/bench_hall_view" "$@"
