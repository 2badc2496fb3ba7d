#!/usr/bin/env bash
# The counter package installed for real, as root, on this machine (docs/packaging.md): install the previous
# version, set the outlet up as the first-run wizard's finish step does (`shimingctl db init`, the same core call,
# with the production key derivation), upgrade to this version, check the database is kept and still opens,
# start the installed counter offscreen to its login screen as the counter's account, then purge and check
# /var/lib/shiming is kept. Prints the figures last: install and upgrade times, set-up time, start-to-login time,
# and their sum (the time from package install to the login screen, without the clerk's typing).
# Refuses to run where shiming is already installed or /var/lib/shiming exists; removes what it made.
#
#   scripts/package-install-test.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
fail() {
    echo "package-install-test: $*" >&2
    exit 1
}
[ "$(id -u)" = 0 ] || fail "run as root (it installs the package)"
if dpkg-query -W -f '${Status}' shiming 2>/dev/null | grep -q installed || [ -e /var/lib/shiming ]; then
    fail "shiming is installed here or /var/lib/shiming exists: this test only runs on a machine without them"
fi
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
arch=$(dpkg --print-architecture)
deb=$build/packages/shiming_${version}_${arch}.deb
[ -f "$deb" ] || cmake --build "$build" --target package >/dev/null
[ -f "$deb" ] || fail "no $deb"

work=$(mktemp -d)
made_user=0
cleanup() {
    dpkg --purge shiming >/dev/null 2>&1 || true
    rm -rf /var/lib/shiming "$work"
    if [ "$made_user" = 1 ] && getent passwd shiming >/dev/null; then
        deluser --system shiming >/dev/null 2>&1 || true
        delgroup --system shiming >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT
getent passwd shiming >/dev/null || made_user=1

# The previous version: this package with an older version number (what an operator upgrades from).
dpkg-deb -R "$deb" "$work/previous"
sed -i "s/^Version: .*/Version: 0.0.9/" "$work/previous/DEBIAN/control"
dpkg-deb --root-owner-group -b "$work/previous" "$work/shiming_0.0.9_${arch}.deb" >/dev/null

seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b - a) * 1000 }'; }

t0=$(seconds)
dpkg -i "$work/shiming_0.0.9_${arch}.deb" >/dev/null || fail "dpkg -i of the previous version failed"
t1=$(seconds)
install_ms=$(elapsed "$t0" "$t1")
[ "$(stat -c '%U %a' /var/lib/shiming)" = "shiming 700" ] || fail "/var/lib/shiming is not shiming's, 0700"

as_counter() { runuser -u shiming -- env HOME=/var/lib/shiming QT_QPA_PLATFORM=offscreen "$@"; }
printf 'install-test-password-1\n' >"$work/password"
chmod 0644 "$work/password"
chmod 0755 "$work"
t0=$(seconds)
as_counter shimingctl db init --db /var/lib/shiming/outlet.db --outlet INST-TEST-01 --admin admin \
    --password-file "$work/password" >/dev/null || fail "shimingctl db init as the counter's account failed"
t1=$(seconds)
setup_ms=$(elapsed "$t0" "$t1")
mkdir -p /var/lib/shiming/.config/Shiming/shiming
sed -e 's|^port=.*|port=|' -e 's|^device=.*|device=|' /etc/xdg/Shiming/shiming/outlet.ini.example \
    >/var/lib/shiming/.config/Shiming/shiming/outlet.ini
chown -R shiming:shiming /var/lib/shiming/.config
before=$(sha256sum /var/lib/shiming/outlet.db /var/lib/shiming/outlet.db.keys)

t0=$(seconds)
dpkg -i "$deb" >/dev/null || fail "the upgrade to $version failed"
t1=$(seconds)
upgrade_ms=$(elapsed "$t0" "$t1")
after=$(sha256sum /var/lib/shiming/outlet.db /var/lib/shiming/outlet.db.keys)
[ "$before" = "$after" ] || fail "the upgrade changed the outlet database"
[ "$(stat -c '%U %a' /var/lib/shiming)" = "shiming 700" ] || fail "the upgrade changed /var/lib/shiming"
as_counter shimingctl db check --db /var/lib/shiming/outlet.db --user admin --password-file "$work/password" \
    >/dev/null || fail "the database does not open (and migrate) after the upgrade"

out=$(as_counter timeout 60 shiming --print-startup-time) || fail "the installed counter did not start"
grep -qx 'startup_screen login' <<<"$out" || fail "the installed counter showed '$out', not the login screen"
login_ms=$(sed -n 's/^startup_to_login_ms //p' <<<"$out")

dpkg --purge shiming >/dev/null || fail "purge failed"
[ -f /var/lib/shiming/outlet.db ] || fail "the purge removed the outlet database"
[ ! -e /etc/xdg/Shiming/shiming/outlet.ini.example ] || fail "the purge left the example configuration"

echo "package-install-test: install, upgrade and purge keep the outlet database"
echo "install_previous_ms $install_ms"
echo "upgrade_ms $upgrade_ms"
echo "setup_db_init_ms $setup_ms"
echo "start_to_login_ms $login_ms"
echo "install_to_login_ms $((install_ms + setup_ms + login_ms))"
