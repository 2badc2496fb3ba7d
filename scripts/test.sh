#!/usr/bin/env bash
# Quick start, command 2: set up the machine, build everything, and run the whole test suite
# (quick and slow tests; the HQ tests start their own throwaway PostgreSQL).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
cd "$root/build"
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
ctest --output-on-failure -j2 --timeout 1200 "$@"
