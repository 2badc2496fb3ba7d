#!/usr/bin/env bash
# The Debian packages, checked as an operator's deployment team would (docs/packaging.md): build them
# (`cmake --build build --target package`), check each one's file list, control fields and lintian, unpack them
# into a scratch root and start the installed programs from there: `shimingctl --version`, `shiming-hq --help`,
# `shiming --print-startup-time` (offscreen) unconfigured, configured with a database made by the installed
# shimingctl, and in demo mode; `systemd-analyze verify` on the installed unit. Prints the package sizes.
# Run by CTest (label "package"); exits non-zero with the reason on the first thing that is wrong.
#
#   scripts/package-test.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
packages=$build/packages
fail() {
    echo "package-test: $*" >&2
    exit 1
}

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
[ -n "$version" ] || fail "no project version in $build/CMakeCache.txt"
arch=$(dpkg --print-architecture)

rm -f "$packages"/*.deb
cmake --build "$build" --target package >"$build/package-test.log" 2>&1 || {
    tail -n 30 "$build/package-test.log" >&2
    fail "the package target failed (log: $build/package-test.log)"
}

expected=(shiming shiming-hq shiming-demo)
if [ -f "$root/.data/models/fr_feature.onnx" ]; then
    expected+=(shiming-face-models)
fi

deb_of() {
    local name=$1 a=$arch
    [ "$name" = shiming-face-models ] && a=all
    echo "$packages/${name}_${version}_${a}.deb"
}

# What each package must hold, and what must never be in it.
must_hold() {
    case $1 in
    shiming)
        echo ./usr/bin/shiming ./usr/bin/shimingctl ./usr/share/applications/shiming.desktop \
            ./usr/share/icons/hicolor/scalable/apps/shiming.svg ./usr/share/icons/hicolor/48x48/apps/shiming.png \
            ./usr/share/icons/hicolor/256x256/apps/shiming.png ./etc/xdg/Shiming/shiming/outlet.ini.example \
            ./usr/share/man/man1/shiming.1.gz ./usr/share/man/man1/shimingctl.1.gz \
            ./usr/share/doc/shiming/copyright ./usr/share/doc/shiming/changelog.gz
        ;;
    shiming-hq)
        echo ./usr/bin/shiming-hq ./lib/systemd/system/shiming-hq.service \
            ./lib/systemd/system/shiming-hq-maintain.service ./lib/systemd/system/shiming-hq-maintain.timer \
            ./etc/default/shiming-hq \
            ./usr/share/man/man1/shiming-hq.1.gz ./usr/share/doc/shiming-hq/copyright
        ;;
    shiming-demo)
        echo ./usr/bin/shiming-reader-sim ./usr/bin/shiming-face-eval ./usr/share/shiming/demo/catalog.json \
            ./usr/share/doc/shiming-demo/copyright
        ;;
    shiming-face-models)
        echo ./usr/share/shiming/models/fr_feature.onnx ./usr/share/shiming/models/manifest.json \
            ./usr/share/doc/shiming-face-models/copyright
        ;;
    esac
}
never_holds='(^\./usr/local/|^\./home/|^\./root/|^\./tmp/|^\./var/lib/|\.a$|\.o$|/CMakeFiles/|\.pdb$)'

printf '%-22s %10s %10s %6s\n' package "deb bytes" installed files
for name in "${expected[@]}"; do
    deb=$(deb_of "$name")
    [ -f "$deb" ] || fail "$name: no package $deb (have: $(ls "$packages"))"
    [ "$(dpkg-deb -f "$deb" Package)" = "$name" ] || fail "$name: wrong Package field in $deb"
    [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "$name: Version is not $version"
    list=$(dpkg-deb -c "$deb" | awk '{print $6}')
    for path in $(must_hold "$name"); do
        grep -qxF "$path" <<<"$list" || fail "$name: $path is missing from the package"
    done
    if bad=$(grep -E "$never_holds" <<<"$list"); then
        fail "$name: holds what it must not: $bad"
    fi
    # Nothing of another package: the demo parts stay out of the counter, the models out of both.
    case $name in
    shiming) ! grep -qE 'reader-sim|/demo/|/models/|shiming-hq' <<<"$list" || fail "shiming: holds demo, HQ or model files" ;;
    shiming-hq) ! grep -qE 'usr/bin/shiming$|shimingctl|/demo/' <<<"$list" || fail "shiming-hq: holds counter files" ;;
    esac
    # Every file is owned by root; the maintainer scripts and executables are 0755, nothing is world-writable.
    if owners=$(dpkg-deb -c "$deb" | awk '$2 != "root/root"'); [ -n "$owners" ]; then
        fail "$name: files not owned by root: $owners"
    fi
    if ww=$(dpkg-deb -c "$deb" | awk 'substr($1,9,1) == "w"'); [ -n "$ww" ]; then
        fail "$name: world-writable entries: $ww"
    fi
    depends=$(dpkg-deb -f "$deb" Depends)
    if [ "$name" = shiming ] || [ "$name" = shiming-hq ]; then
        grep -q 'libc6' <<<"$depends" || fail "$name: Depends was not computed from the libraries: '$depends'"
    fi
    [ "$name" = shiming ] && { grep -q 'libqt6widgets6' <<<"$depends" || fail "shiming: Depends lacks Qt Widgets"; }
    printf '%-22s %10s %10s %6s\n' "$name" "$(stat -c %s "$deb")" "$(dpkg-deb -f "$deb" Installed-Size)K" \
        "$(grep -c -v '/$' <<<"$list")"
done

# lintian: no errors and no warnings beyond the ones kept on purpose (docs/packaging.md says why each is kept).
if command -v lintian >/dev/null; then
    for name in "${expected[@]}"; do
        deb=$(deb_of "$name")
        out=$(lintian --no-tag-display-limit --suppress-tags-from-file "$root/packaging/lintian-kept" "$deb" 2>&1) ||
            true
        if grep -E '^(E|W): ' <<<"$out" >/dev/null; then
            echo "$out" >&2
            fail "$name: lintian reports errors or warnings"
        fi
        echo "lintian $name: clean ($(grep -c '^[IN]: ' <<<"$out" || true) info/notes)"
    done
else
    fail "lintian is not installed (scripts/setup.sh installs it)"
fi

# The installed programs, run from a scratch root.
scratch=$(mktemp -d "$build/package-root.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
for name in "${expected[@]}"; do
    dpkg-deb -x "$(deb_of "$name")" "$scratch/root"
done
bin=$scratch/root/usr/bin
export HOME=$scratch/home XDG_CONFIG_HOME=$scratch/home/.config XDG_DATA_HOME=$scratch/home/.local/share
export XDG_CONFIG_DIRS=$scratch/root/etc/xdg QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
unset SHIMING_CONFIG SHIMING_MODELS_DIR SHIMING_DEMO_DIR

out=$("$bin/shimingctl" --version) || fail "installed shimingctl --version failed"
[ "$out" = "shimingctl $version" ] || fail "shimingctl --version printed '$out'"
echo "installed: $out"
out=$("$bin/shiming-hq" --help 2>&1 || true)
grep -q '^usage: shiming-hq' <<<"$out" || fail "shiming-hq --help does not name itself: $(head -n 2 <<<"$out")"
out=$("$bin/shiming-hq" --version) || fail "installed shiming-hq --version failed"
[ "$out" = "shiming-hq $version" ] || fail "shiming-hq --version printed '$out'"
echo "installed: $out"

start_app() {
    local screen=$1
    shift
    local out
    out=$(timeout 60 "$bin/shiming" --print-startup-time "$@" 2>"$scratch/app.err") || {
        cat "$scratch/app.err" >&2
        fail "installed shiming $* did not start"
    }
    grep -qx "startup_screen $screen" <<<"$out" || fail "installed shiming $* showed '$out', not $screen"
    echo "installed shiming $* -> $screen in $(sed -n 's/^startup_to_login_ms //p' <<<"$out") ms"
}
# Unconfigured: the setup wizard.
start_app setup
# Configured from the example the package ships, with a database made by the installed shimingctl.
data=$scratch/var/lib/shiming
mkdir -p "$data" "$XDG_CONFIG_HOME/Shiming/shiming"
chmod 0700 "$data"
printf "package-test-password-1\n" |
    "$bin/shimingctl" db init --db "$data/outlet.db" --outlet PKG-TEST-01 --admin admin \
        >/dev/null || fail "installed shimingctl db init failed"
sed -e "s|^database=.*|database=$data/outlet.db|" -e 's|^port=.*|port=|' -e 's|^device=.*|device=|' \
    -e "s|^model_dirs=.*|model_dirs=$scratch/root/usr/share/shiming/models|" \
    "$scratch/root/etc/xdg/Shiming/shiming/outlet.ini.example" >"$XDG_CONFIG_HOME/Shiming/shiming/outlet.ini"
start_app login
# Demo mode, with the demo package's simulator and data.
start_app login --demo

# The units, as systemd reads them (the timer with the service it starts next to it).
if command -v systemd-analyze >/dev/null; then
    for unit in shiming-hq.service shiming-hq-maintain.service shiming-hq-maintain.timer; do
        sed "s|/usr/bin/shiming-hq|$bin/shiming-hq|g" "$scratch/root/lib/systemd/system/$unit" >"$scratch/$unit"
    done
    for unit in shiming-hq.service shiming-hq-maintain.service shiming-hq-maintain.timer; do
        if ! out=$(cd "$scratch" && MANPATH=$scratch/root/usr/share/man systemd-analyze verify "$scratch/$unit" 2>&1); then
            echo "$out" >&2
            fail "systemd-analyze verify rejects $unit"
        fi
        if [ -n "$out" ]; then
            echo "$out" >&2
            fail "systemd-analyze verify warns about $unit"
        fi
        echo "systemd-analyze verify $unit: clean"
    done
fi
echo "package-test: all packages good"
