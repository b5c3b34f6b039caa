#!/usr/bin/env bash
# Memory budget (issue #5): resident memory of the app's main window with 10,000 opportunities loaded. Runs
# src/bench TenThousandOpportunities (the real main window) on the packaged runtime exactly as the launcher starts the
# app: its JVM options, its class path in its order and its AOT cache (the bench jar is appended to the class path,
# which the AOT cache allows), under Xvfb. Reads VmRSS/VmHWM from /proc/PID/status every 5 s for SECONDS (the list has
# long loaded by the end), checks that all 10,000 rows loaded, prints the last VmRSS against the budget, then closes
# the app.
#   SERVICE=external (default): the rep's case. The opportunities come from the standalone emulator (10,000 per
#     catalog) in a process of its own, reached through an AWS profile with aws.endpointUrl, as a rep's list comes
#     from AWS: the figure is the app's own memory.
#   SERVICE=embedded: the app's demo mode, the embedded emulator seeded with 10,000 per catalog in the app's process
#     (its 20,000 opportunities count too).
#   [SERVICE=embedded] [EXTRA_OPTS="-Xmx256m ..."] [AOT=0] packaging/bench/rss.sh [SECONDS]
#   (default 40 s; ./mvnw -Pdist -DskipTests package first). AOT=0: without the AOT cache. NMT=1: also prints the JVM's
#   native memory summary (jcmd of a JDK on the PATH or in JAVA_HOME) at the end.
set -euo pipefail
source "$(dirname "$0")/../smoke/common.sh"
SECS=${1:-40}
APP=${APP:-$ROOT/target/dist/cosell-console}   # APP=DIR: another app image
BENCH=$ROOT/target/cosell-bench.jar
[ -f "$BENCH" ] || { echo "build first: ./mvnw -Pdist -DskipTests package" >&2; exit 1; }
need xvfb:Xvfb imagemagick:import
start_xvfb
work=$(mktemp -d)
CFG=$APP/lib/app/cosell-console.cfg
mapfile -t OPTS < <(sed -n 's/^java-options=//p' "$CFG" | grep -v -e '^-Djpackage' | sed "s#\$APPDIR#$APP/lib/app#g" \
  | { if [ "${AOT:-1}" = 0 ]; then grep -v '^-XX:AOTCache='; else cat; fi; })
CP=$(sed -n 's/^app.classpath=//p' "$CFG" | sed "s#\$APPDIR#$APP/lib/app#g" | paste -sd:)
[ "${NMT:-0}" = 1 ] && OPTS+=(-XX:NativeMemoryTracking=summary)
launcher_rendering; OPTS+=("${RENDERING_OPTS[@]}")   # as the launcher starts it: no OpenGL without a GPU device
SERVICE=${SERVICE:-external}
if [ "$SERVICE" = external ]; then
  start_standalone_emulator "$APP/lib/runtime/bin/java" "$CP" 10000 "$work/emulator.log" -XX:+UseSerialGC
  trap 'kill $EMU_PID 2>/dev/null; kill $XVFB_PID 2>/dev/null' EXIT
  url=$EMU_URL; KEY=$EMU_KEY; SECRET=$EMU_SECRET
  OPTS+=(-Daws.endpointUrl="$url" -Dcosell.bench.service="$url" -Dcosell.bench.accessKeyId="$KEY"
         -Dcosell.bench.secretAccessKey="$SECRET")
elif [ "$SERVICE" != embedded ]; then
  echo "SERVICE must be external or embedded" >&2; exit 2
fi
HOME=$work "$APP/lib/runtime/bin/java" -Duser.home=$work "${OPTS[@]}" ${EXTRA_OPTS:-} -cp "$CP:$BENCH" \
  app.cosell.bench.TenThousandOpportunities >"$work/rss.log" 2>&1 &
pid=$!
rss=0
for t in $(seq 5 5 "$SECS"); do
  sleep 5
  kill -0 $pid 2>/dev/null || { cat "$work/rss.log" >&2; echo "FAIL: the app ended" >&2; exit 1; }
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  echo "t=${t}s $(grep -E 'VmRSS|VmHWM|RssAnon|RssFile' /proc/$pid/status | tr -s ' \n' ' ')"
done
grep -q 'first rows shown' "$work/rss.log" || { cat "$work/rss.log" >&2; echo "FAIL: no rows shown" >&2; exit 1; }
grep -q 'all 10000 loaded' "$work/rss.log" || { tail -5 "$work/rss.log" >&2; echo "FAIL: the 10,000 did not all load within ${SECS}s" >&2; exit 1; }
if [ "${NMT:-0}" = 1 ]; then
  JCMD=$(command -v jcmd || echo "${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/jcmd")
  "$JCMD" $pid VM.native_memory summary | grep -E '^Total|^-' | sed -E 's/ +\(/ (/' || true
fi
mkdir -p "$ROOT/target/smoke"; import -window root "$ROOT/target/smoke/rss-10000.png"
echo "screenshot: target/smoke/rss-10000.png"
kill $pid; wait $pid 2>/dev/null || true
rm -rf "$work"
echo "RSS with 10,000 opportunities: $(( rss / 1024 )) MB (budget <= 300 MB; service: $SERVICE; AOT cache: $([ "${AOT:-1}" = 0 ] && echo no || echo yes); extra options: ${EXTRA_OPTS:-none}; load average: $(cut -d' ' -f1-3 /proc/loadavg))"
