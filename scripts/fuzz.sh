#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (preset "fuzz") and runs each for a bounded time.
# usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 60 s, every fuzz_* target)
# Prints one line per target: executions run and crashes found. Exits 1 if any target crashed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-60}
shift || true
cd "$root"
# libstdc++ 12's std::expected needs clang 16 (Debian 12's default clang 14 cannot compile it).
if ! command -v clang++-16 >/dev/null || ! dpkg-query -W -f='${Status}' libclang-rt-16-dev 2>/dev/null | grep -q "ok installed"; then
    echo "fuzz: installing clang-16 and libclang-rt-16-dev"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang-16 libclang-rt-16-dev >/dev/null
fi
[ -f build-fuzz/CMakeCache.txt ] || cmake --preset fuzz >/dev/null
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
    mapfile -t targets < <(ninja -C build-fuzz -t targets all | grep -oE '^fuzz_[a-z_0-9]+:' | tr -d : |
        grep -v '_autogen' | sort -u)
fi
# Only the fuzz targets: the app and widgets are not built with the fuzzing flags.
cmake --build build-fuzz --target "${targets[@]}" -- -j"$(nproc)" >/dev/null
status=0
for t in "${targets[@]}"; do
    exe=$(find build-fuzz -type f -executable -name "$t" | head -n 1)
    if [ -z "$exe" ]; then
        printf '%-32s not built\n' "$t"
        status=1
        continue
    fi
    corpus=$(mktemp -d)
    seeds="$root/tests/fuzz/corpus/${t#fuzz_}"
    log=$(mktemp)
    set +e
    if [ -d "$seeds" ]; then
        "$exe" -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=2048 "$corpus" "$seeds" >"$log" 2>&1
    else
        "$exe" -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=2048 "$corpus" >"$log" 2>&1
    fi
    rc=$?
    set -e
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -n 1)
    crashes=0
    if [ "$rc" -ne 0 ]; then
        crashes=1
        status=1
        cp "$log" "build-fuzz/$t.crash.log"
    fi
    printf '%-32s %6ss  executions %-10s crashes %s\n' "$t" "$seconds" "${runs:-?}" "$crashes"
    rm -rf "$corpus" "$log"
done
exit "$status"
