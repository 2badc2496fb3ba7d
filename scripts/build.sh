#!/usr/bin/env bash
# Configures and builds Shiming with the default preset (Ninja, RelWithDebInfo) into build/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
if [ ! -f build/CMakeCache.txt ]; then
    cmake --preset default >/dev/null
fi
cmake --build --preset default -- -j"$(nproc)" "$@"
