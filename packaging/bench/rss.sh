#!/usr/bin/env bash
# Memory budget (issue #5): resident memory of the app's main window with 10,000 opportunities loaded. Runs
# src/bench TenThousandOpportunities (the real main window; the embedded emulator seeded with 10,000) on the packaged
# runtime with the launcher's JVM options and class path, under Xvfb, and reads VmRSS/VmHWM from /proc/PID/status
# every 5 s for SECONDS (the list has long loaded by the end), then closes it.
#   [EXTRA_OPTS="-Xmx256m ..."] packaging/bench/rss.sh [SECONDS]      (default 40; ./mvnw -Pdist -DskipTests package first)
set -euo pipefail
source "$(dirname "$0")/../smoke/common.sh"
SECS=${1:-40}
APP=${APP:-$ROOT/target/dist/cosell-console}   # APP=DIR: another app image
BENCH=$ROOT/target/cosell-bench.jar
need xvfb:Xvfb imagemagick:import
start_xvfb
work=$(mktemp -d)
mapfile -t OPTS < <(sed -n 's/^java-options=//p' "$APP/lib/app/cosell-console.cfg" | grep -v -e '^-XX:AOTCache=' -e '^-Djpackage')
HOME=$work "$APP/lib/runtime/bin/java" "${OPTS[@]}" ${EXTRA_OPTS:-} -cp "$BENCH:$APP/lib/app/*" app.cosell.bench.TenThousandOpportunities \
  >"$work/rss.log" 2>&1 &
pid=$!
for t in $(seq 5 5 "$SECS"); do
  sleep 5
  kill -0 $pid 2>/dev/null || { cat "$work/rss.log" >&2; echo "FAIL: the app ended" >&2; exit 1; }
  echo "t=${t}s $(grep -E 'VmRSS|VmHWM' /proc/$pid/status | tr -s ' \n' ' ')"
done
mkdir -p "$ROOT/target/smoke"; import -window root "$ROOT/target/smoke/rss-10000.png"
echo "screenshot: target/smoke/rss-10000.png"
kill $pid; wait $pid 2>/dev/null || true
rm -rf "$work"
