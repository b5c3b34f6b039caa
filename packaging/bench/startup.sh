#!/usr/bin/env bash
# Start-up budget (issue #5): the packaged app's launcher to its main window's first frame, against a bare JavaFX
# window (src/bench BareWindow) started on the same runtime, in the same run, alternating, REPS times each (after one
# unmeasured warm-up of each), under Xvfb. Prints the medians and ratios:
#   app (AOT cache, as shipped) / bare window (no archive: the runtime as shipped)
#   app (AOT cache)             / bare window with its own AOT cache (trained here: the fairest baseline)
#   app without its AOT cache   / bare window (no archive)
# Both mark their first frame the same way (StartupProbe / BareWindow: the second pulse after the window is shown).
#   packaging/bench/startup.sh [REPS]      (default 7; ./mvnw -Pdist -DskipTests package first)
set -euo pipefail
source "$(dirname "$0")/../smoke/common.sh"
REPS=${1:-7}
APP=${APP:-$ROOT/target/dist/cosell-console}   # APP=DIR: another app image
JAVA=$APP/lib/runtime/bin/java
BENCH=$ROOT/target/cosell-bench.jar
[ -x "$APP/bin/cosell-console" ] && [ -f "$BENCH" ] || { echo "build first: ./mvnw -Pdist -DskipTests package" >&2; exit 1; }
need xvfb:Xvfb
start_xvfb
work=$(mktemp -d); trap 'rm -rf "$work"; kill $XVFB_PID 2>/dev/null' EXIT

# The bare window: the app's JVM options (from the launcher's cfg), JavaFX from the runtime.
mapfile -t OPTS < <(sed -n 's/^java-options=//p' "$APP/lib/app/cosell-console.cfg" | grep -v -e '^-XX:AOTCache=' -e '^-Djpackage')
launcher_rendering; OPTS+=("${RENDERING_OPTS[@]}")   # rendered as the launcher renders the app
bare_cmd=("$JAVA" "${OPTS[@]}" -cp "$BENCH" app.cosell.bench.BareWindow)
"${bare_cmd[@]:0:1}" "${OPTS[@]}" -XX:AOTCacheOutput="$work/bare.aot" -Dcosell.exitAfterFirstFrame=300 \
  -cp "$BENCH" app.cosell.bench.BareWindow >"$work/bare-train.log" 2>&1

# one KIND: prints milliseconds from process start to first frame.
one() {
  local marker=$work/marker t0 rc=0; rm -f "$marker"
  t0=$(now_ms)
  case $1 in
    app)       env HOME="$work/home" JAVA_TOOL_OPTIONS="-Duser.home=$work/home -Dcosell.startupMarker=$marker -Dcosell.exitAfterFirstFrame=0 -Dcosell.dataDir=$work/data" \
                 "$APP/bin/cosell-console" >>"$work/app.log" 2>&1 || rc=$? ;;
    app-noaot) env HOME="$work/home" JAVA_TOOL_OPTIONS="-XX:AOTMode=off -Duser.home=$work/home -Dcosell.startupMarker=$marker -Dcosell.exitAfterFirstFrame=0 -Dcosell.dataDir=$work/data" \
                 "$APP/bin/cosell-console" >>"$work/app.log" 2>&1 || rc=$? ;;
    bare)      "${bare_cmd[@]:0:1}" "${OPTS[@]}" -Dcosell.startupMarker="$marker" -Dcosell.exitAfterFirstFrame=0 \
                 -cp "$BENCH" app.cosell.bench.BareWindow >>"$work/bare.log" 2>&1 || rc=$? ;;
    bare-aot)  "${bare_cmd[@]:0:1}" "${OPTS[@]}" -XX:AOTCache="$work/bare.aot" -Dcosell.startupMarker="$marker" \
                 -Dcosell.exitAfterFirstFrame=0 -cp "$BENCH" app.cosell.bench.BareWindow >>"$work/bare.log" 2>&1 || rc=$? ;;
  esac
  [ $rc -eq 0 ] && [ -s "$marker" ] || { echo "run $1 failed (exit $rc)" >&2; tail -20 "$work/$([[ $1 == app* ]] && echo app || echo bare).log" >&2; exit 1; }
  echo $(( $(sed 's/.*=//' "$marker") - t0 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

kinds=(app bare bare-aot app-noaot)
for k in "${kinds[@]}"; do one "$k" >/dev/null; done   # warm-up: page cache, fontconfig cache
declare -A times
for r in $(seq "$REPS"); do
  for k in "${kinds[@]}"; do times[$k]+="$(one "$k") "; done
done
declare -A med
for k in "${kinds[@]}"; do
  med[$k]=$(tr ' ' '\n' <<<"${times[$k]}" | grep . | median)
  printf '%-10s median %5d ms   runs: %s\n' "$k" "${med[$k]}" "${times[$k]}"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
echo "ratio app/bare          = $(ratio "${med[app]}" "${med[bare]}")   (budget <= 1.30)"
echo "ratio app/bare-aot      = $(ratio "${med[app]}" "${med[bare-aot]}")"
echo "ratio app-noaot/bare    = $(ratio "${med[app-noaot]}" "${med[bare]}")"
