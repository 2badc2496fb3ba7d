#!/usr/bin/env bash
# Crash test of the outlet store: a writer commits registrations in a loop and is killed with SIGKILL at random
# moments (default 1,000 times); after each kill the store check (integrity, cipher settings, audit chain,
# outbox) must pass and every registration the writer reported as committed must be present with its outbox
# row. The test suite runs the same driver with 50 kills ([slow] test in tests_store).
#
# Usage: scripts/crash-test.sh [KILLS] [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
kills=${1:-1000}
build=${2:-$root/build}
if [[ ! -f $build/build.ninja && ! -f $build/Makefile ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build" --target store_crash_test store_crash_writer -j2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Run copies, so that a rebuild during the run cannot pull the binaries away.
cp "$build/tests/store/store_crash_test" "$build/tests/store/store_crash_writer" "$work/"
"$work/store_crash_test" --kills "$kills" --dir "$work" --seed "${SEED:-$RANDOM}" --writer "$work/store_crash_writer"
