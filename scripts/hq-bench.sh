#!/bin/sh
# The sync figures of issue 8 (printed, not asserted): HQ ingest rate with 4 concurrent outlets (records with
# two 20 KB photos) and the drain time of a 7-day backlog of 2,000 records over loopback, each with a baseline
# measured in the same run. bench_hq starts its own durable PostgreSQL cluster and stops it at the end.
#
#   scripts/hq-bench.sh [BUILD_DIR] [--fast] [--runs N] [--ingest-only]
#     --fast: PostgreSQL with fsync off; --runs: runs per figure (default 3, medians); --ingest-only: skip the
#     backlog. Each run also prints HQ's per-batch phase timings (shiming-hq serve --timings).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
[ $# -gt 0 ] && shift
cmake --build "$build" --target bench_hq shiming-hq -j2
unset SHIMING_TEST_PG_DIR
exec "$build/tests/sync/bench_hq" "$@"
