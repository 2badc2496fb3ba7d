#!/bin/bash
# The sync figures of issues 8 and 15 (printed, not asserted), in one run:
#   1. bench_hq on a single durable PostgreSQL (its own cluster): HQ ingest rate with 4 concurrent outlets
#      (records with two 20 KB photos) against the PostgreSQL floor measured in the same run, and the drain time of
#      a 7-day backlog of 2,000 records over loopback with its baseline;
#   1b. the ingest figure again with 40 months of partitions before this one (a ledger some years old);
#   2. bench_hq again on a primary with a synchronous streaming standby (scripts/pg-test-cluster.sh --standby):
#      every commit, HQ's and the floor's, waits for the standby;
#      Each ingest figure comes with the CPU it took per record (outlets, shiming-hq, PostgreSQL: they share
#      this machine's cores) and the WAL it wrote.
#   3. scripts/hq-failover-test.sh (default records): seconds from the primary killed to the first batch accepted
#      by the promoted standby.
# Then a summary of the figures, taken from the output above.
#
#   scripts/hq-bench.sh [BUILD_DIR] [--fast] [--runs N] [--ingest-only]
#     passed to every bench_hq run. --fast: PostgreSQL with fsync off, and no standby run (a synchronous standby
#     only matters for durable commits); --runs: runs per figure (default 3, medians); --ingest-only: skip the
#     backlog. Each run also prints HQ's per-batch phase timings (shiming-hq serve --timings).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
[ $# -gt 0 ] && shift
fast=no
for arg in "$@"; do [ "$arg" = --fast ] && fast=yes; done
cmake --build "$build" --target bench_hq shiming-hq shimingctl -j2
unset SHIMING_TEST_PG_DIR

work=$(mktemp -d /tmp/shiming-bench.XXXXXX)
chmod 755 "$work" # the cluster's owner (postgres when root) must reach $work/pg
cleanup() { "$here/pg-test-cluster.sh" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== 1. single PostgreSQL (bench_hq's own cluster)"
"$build/tests/sync/bench_hq" "$@" | tee "$work/single.out"

echo
echo "== 1b. single PostgreSQL, the ledger with 40 months of partitions (ingest only)"
"$build/tests/sync/bench_hq" "$@" --ingest-only --months 40 | tee "$work/months.out"

echo
if [ "$fast" = yes ]; then
    echo "== 2. synchronous standby: skipped with --fast"
    : >"$work/standby.out"
else
    echo "== 2. primary with a synchronous streaming standby"
    "$here/pg-test-cluster.sh" start "$work/pg" --durable --standby >/dev/null
    SHIMING_TEST_PG_DIR=$work/pg "$build/tests/sync/bench_hq" "$@" | tee "$work/standby.out"
    "$here/pg-test-cluster.sh" stop "$work/pg"
fi

echo
echo "== 3. failover"
failover=0
"$here/hq-failover-test.sh" "$build" >"$work/failover.out" 2>&1 || failover=$?
if [ "$failover" = 0 ]; then sed -n '/^database:/p; /^records per outlet/,$p' "$work/failover.out"; else cat "$work/failover.out"; fi

ingest() { # FILE: "HQ X records/s, floor Y records/s, HQ at Z% [what bench_hq measured against]"
    sed -n 's/^ingest \[PostgreSQL \(.*\)\], 4 concurrent.*: median \([0-9]*\) records\/s (goal.*PostgreSQL: median \([0-9]*\) records\/s (HQ at \([0-9]*%\)).*/HQ \2 records\/s, floor \3 records\/s, HQ at \4 [\1]/p' "$1"
}
cpu() { # FILE: "through HQ X (...); floor Y (...); the floor's CPU is Z% of HQ's"
    sed -n 's/^CPU per record (medians, core-ms, [^)]*): //p' "$1"
}
echo
echo "== summary (ingest: 4 concurrent outlets, 2 x 20 KB photos per record, medians of the runs)"
echo "single PostgreSQL       $(ingest "$work/single.out")"
echo "                        CPU core-ms per record: $(cpu "$work/single.out")"
echo "  with 40 months         $(ingest "$work/months.out")"
if [ "$fast" = yes ]; then
    echo "synchronous standby     skipped (--fast)"
else
    echo "synchronous standby     $(ingest "$work/standby.out")"
    echo "                        CPU core-ms per record (the standby's replay included): $(cpu "$work/standby.out")"
fi
echo "failover                $(sed -n 's/^failover: //p' "$work/failover.out" | grep . || echo "no figure (exit $failover)")"
exit "$failover"
