#!/usr/bin/env bash
# Smoke check of the packaged app image (./mvnw -Pdist -DskipTests package first): starts its launcher under Xvfb in
# an environment without Java (no JAVA_HOME, no java on the PATH, a fresh home: user.home, as Java ignores $HOME), waits for the main window's first
# frame and its first rows (the first page on the embedded emulator), saves a screenshot, and checks that the app closes itself cleanly (exit code 0,
# no exception in its output). Installs xvfb, imagemagick and x11-utils from Debian's packages when missing.
#   packaging/smoke/app-image-smoke.sh [APP_IMAGE_DIR]      (default target/dist/cosell-console)
set -euo pipefail
source "$(dirname "$0")/common.sh"
APP=${1:-$ROOT/target/dist/cosell-console}
OUT=$ROOT/target/smoke; mkdir -p "$OUT"
[ -x "$APP/bin/cosell-console" ] || { echo "FAIL: no launcher at $APP/bin/cosell-console" >&2; exit 1; }
need xvfb:Xvfb imagemagick:import x11-utils:xwininfo
start_xvfb
start=$(now_ms)

scratch=$(mktemp -d); marker=$scratch/first-frame; mkdir -p "$scratch/bin"  # a PATH without java
# The app closes itself (Platform.exit) 15 s after its first frame: time for the emulator and the first page, which
# start only after the first frame.
env -i PATH="$scratch/bin" HOME="$scratch/home" DISPLAY="$DISPLAY" LANG=C.UTF-8 \
  JAVA_TOOL_OPTIONS="-Duser.home=$scratch/home -Dcosell.startupMarker=$marker -Dcosell.exitAfterFirstFrame=15000" \
  "$APP/bin/cosell-console" >"$OUT/app-image.log" 2>&1 &
pid=$!

wait_for_file "$marker" 60 || { echo "FAIL: no first frame within 60 s" >&2; cat "$OUT/app-image.log" >&2; kill $pid; exit 1; }
echo "first frame after $(( $(sed 's/.*=//' "$marker") - start )) ms"
xwininfo -root -tree | grep -q '"Co-Sell Console' || { echo "FAIL: no 'Co-Sell Console' window" >&2; kill $pid; exit 1; }
for _ in $(seq 130); do grep -q 'first rows shown' "$OUT/app-image.log" && break; sleep 0.1; done
grep -q 'first rows shown' "$OUT/app-image.log" || { echo "FAIL: no rows within 13 s of the first frame" >&2; cat "$OUT/app-image.log" >&2; kill $pid; exit 1; }
echo "$(grep -o 'first rows shown after [0-9]* ms' "$OUT/app-image.log") (from process start)"
sleep 0.5
import -window root "$OUT/app-image.png"
echo "screenshot: $OUT/app-image.png"

rc=0; timeout 30 tail --pid=$pid -f /dev/null || { echo "FAIL: app did not close itself" >&2; kill -9 $pid; exit 1; }
wait $pid || rc=$?
[ $rc -eq 0 ] || { echo "FAIL: exit code $rc" >&2; cat "$OUT/app-image.log" >&2; exit 1; }
if grep -E 'Exception|SEVERE|\[error\]' "$OUT/app-image.log"; then echo "FAIL: errors in the app's output" >&2; exit 1; fi
rm -rf "$scratch"
echo "PASS app-image smoke in $(( ($(now_ms) - start) / 1000 )) s"
