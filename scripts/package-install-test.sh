#!/usr/bin/env bash
# The counter package installed for real, as root, on this machine (docs/packaging.md): install the previous
# version, set the outlet up through the installed counter's first-run wizard on a virtual X display (keystrokes
# sent by xdotool: the outlet id, the administrator's password twice, offline outlet, no reader, no camera, Finish;
# the production key derivation), upgrade to this version, check the database is kept and still opens, start the
# installed counter offscreen to its login screen as the counter's account, then purge and check /var/lib/shiming
# is kept. Prints the figures last: install, wizard and upgrade times, start-to-login time, and the time from
# package install to the login screen (install + wizard: machine typing, not a person's).
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

command -v xdotool >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xdotool >/dev/null ||
    fail "cannot install xdotool"
command -v Xvfb >/dev/null || fail "no Xvfb (scripts/setup.sh installs it)"

work=$(mktemp -d)
made_user=0
xvfb_pid=
cleanup() {
    pkill -u shiming -x shiming 2>/dev/null || true
    [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
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
password=install-test-Password-1
printf '%s\n' "$password" >"$work/password"
chmod 0644 "$work/password"
chmod 0755 "$work"

# The first start: no configuration, so the wizard; answered by keystrokes on a virtual display.
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do DISPLAY=$display xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done
on_screen() { DISPLAY=$display timeout 60 xdotool search --sync --onlyvisible --name "$1" 2>/dev/null | head -n 1; }
keys() { DISPLAY=$display xdotool "$@"; }
page() { sleep 0.3; } # the page takes the keyboard once shown
t0=$(seconds)
runuser -u shiming -- env HOME=/var/lib/shiming DISPLAY="$display" shiming >"$work/app.log" 2>&1 &
wizard=$(on_screen 'Set up this counter|设置本柜台') || true
[ -n "$wizard" ] || { cat "$work/app.log" >&2; fail "the installed counter did not open its setup wizard"; }
keys windowfocus --sync "$wizard"
page
keys type --delay 20 INST-TEST-01
keys key Return
page
keys type --delay 20 "$password"
keys key Tab
keys type --delay 20 "$password"
keys key Return
page
keys key Down Return # offline outlet, enrolled later
page
keys key End Return # no card reader
page
keys key End Return # no camera
page
keys key Return # face models as found
page
keys key Return # Finish
login=$(on_screen 'Shiming real-name registration|实名登记') || true
[ -n "$login" ] || { cat "$work/app.log" >&2; fail "the wizard did not finish on the login screen"; }
t1=$(seconds)
wizard_ms=$(elapsed "$t0" "$t1")
pkill -u shiming -x shiming || true
for _ in $(seq 50); do pgrep -u shiming -x shiming >/dev/null || break; sleep 0.1; done
[ -f /var/lib/shiming/outlet.db ] && [ -f /var/lib/shiming/outlet.db.keys ] ||
    fail "the wizard made no database with its key slots"
[ -f /var/lib/shiming/.config/Shiming/shiming/outlet.ini ] || fail "the wizard wrote no outlet.ini"
grep -q "$password" /var/lib/shiming/.config/Shiming/shiming/outlet.ini && fail "the password is in outlet.ini"
# Baseline, same run: what the wizard's Finish costs without any screen, `shimingctl db init` (production KDF).
t0=$(seconds)
as_counter shimingctl db init --db /var/lib/shiming/baseline.db --outlet INST-TEST-02 --admin admin \
    --password-file "$work/password" >/dev/null || fail "shimingctl db init as the counter's account failed"
t1=$(seconds)
baseline_ms=$(elapsed "$t0" "$t1")
rm -f /var/lib/shiming/baseline.db /var/lib/shiming/baseline.db.keys /var/lib/shiming/baseline.db.lockout
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
echo "setup_wizard_ms $wizard_ms (start, seven pages typed by xdotool at 20 ms a key and 0.3 s a page, Finish with the production KDF, login window)"
echo "baseline_db_init_ms $baseline_ms (shimingctl db init alone)"
echo "start_to_login_ms $login_ms"
echo "install_to_login_ms $((install_ms + wizard_ms))"
