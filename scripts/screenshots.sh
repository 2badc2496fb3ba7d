#!/usr/bin/env bash
# Starts the counter application in demo mode under a virtual X display (Xvfb) and saves a PNG screenshot of
# each registration step: 01-login.png ... 09-registered.png (05-face-result.png only when the comparison did
# not pass: a pass moves on to the package by itself). Nothing generated is committed.
#
#   scripts/screenshots.sh [OUTPUT_DIR] [BUILD_DIR]     (defaults: ./screenshots, ./build)
#
# Uses a throwaway HOME so the demo database of the person running it is left alone. Set SHIMING_LANG=en for
# English screenshots (Chinese is the default).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(realpath -m "${1:-$root/screenshots}")
build=$(realpath -m "${2:-$root/build}")
app="$build/app/shiming"
if [ ! -x "$app" ]; then
    echo "screenshots: $app not built (scripts/build.sh)" >&2
    exit 2
fi
command -v xvfb-run >/dev/null || { echo "screenshots: xvfb-run missing (apt-get install xvfb)" >&2; exit 2; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$out"
HOME="$home" XDG_RUNTIME_DIR="$home/run" xvfb-run -a -s "-screen 0 1600x900x24" \
    "$app" --demo --screenshots "$out"
ls -1 "$out"/*.png
