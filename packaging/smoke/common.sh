# Shared by the smoke and bench scripts (sourced): Debian packages, a virtual display, the project version.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# need PACKAGE:COMMAND ... installs the Debian packages whose commands are missing.
need() {
  local missing=()
  for pc in "$@"; do command -v "${pc#*:}" >/dev/null 2>&1 || missing+=("${pc%%:*}"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# start_xvfb: a private X display for this script (DISPLAY is exported; stopped on exit).
start_xvfb() {
  local n
  for n in $(seq 93 130); do
    [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] && continue
    Xvfb :$n -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 50); do [ -e /tmp/.X11-unix/X$n ] && break; sleep 0.1; done
    if kill -0 $XVFB_PID 2>/dev/null; then export DISPLAY=:$n; trap 'kill $XVFB_PID 2>/dev/null' EXIT; return 0; fi
  done
  echo "could not start Xvfb" >&2; return 1
}

pom_version() {
  sed -n '/<artifactId>cosell-console<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' "$ROOT/pom.xml"
}

# The Linux launcher's rendering choice (packaging/linux/launcher.sh), for benchmarks that start java themselves:
# without a GPU device, GDK_GL=disable is exported and RENDERING_OPTS holds -Dprism.order=sw; else it is empty.
launcher_rendering() {
  RENDERING_OPTS=()
  if [ ! -e "${COSELL_DRI_DIR:-/dev/dri}" ]; then
    export GDK_GL=${GDK_GL:-disable}
    RENDERING_OPTS=(-Dprism.order=sw)
  fi
}

# now_ms: wall clock in milliseconds (the start-up marker holds the same clock).
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# wait_for_file FILE SECONDS
wait_for_file() {
  local i
  for i in $(seq $(( $2 * 10 ))); do [ -s "$1" ] && return 0; sleep 0.1; done
  return 1
}

# start_standalone_emulator JAVA CLASSPATH N LOG [JVM options...]: the standalone emulator (N opportunities per catalog,
# quotas on, the example keys EMU_KEY / EMU_SECRET) in a process of its own; sets EMU_PID and EMU_URL.
EMU_KEY=AKIAIOSFODNN7EXAMPLE
EMU_SECRET=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
start_standalone_emulator() {
  local java=$1 cp=$2 n=$3 log=$4; shift 4
  "$java" "$@" -cp "$cp" app.cosell.Launcher emulator --port 0 --opportunities "$n" \
    --access-key-id "$EMU_KEY" --secret-access-key "$EMU_SECRET" >"$log" 2>&1 &
  EMU_PID=$!
  for _ in $(seq 1200); do grep -q 'listening on' "$log" && break; sleep 0.1; done
  EMU_URL=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$log" | head -1)
  [ -n "$EMU_URL" ] || { cat "$log" >&2; echo "FAIL: the emulator did not start" >&2; return 1; }
}
