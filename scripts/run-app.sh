#!/usr/bin/env bash
# Quick start, command 1: set up the machine, build, and start the counter app in demo mode
# (demo outlet, simulated card reader, demo camera; no hardware needed).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
app="$root/build/app/shiming"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "run-app: no display found; starting on a virtual X display (Xvfb). Set DISPLAY to see the window."
    exec xvfb-run -a -s "-screen 0 1600x900x24" "$app" --demo "$@"
fi
exec "$app" --demo "$@"
