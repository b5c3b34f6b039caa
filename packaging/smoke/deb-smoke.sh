#!/usr/bin/env bash
# Smoke check of the .deb (./mvnw -Pdist -DskipTests package first): checks its control fields (name, version from
# the pom, maintainer), unpacks it into a scratch root with dpkg-deb (maintainer scripts are not run: they would
# register the menu entry on this machine), checks the installed files (launcher, app jar, AOT cache, runtime with
# the JavaFX natives, menu entry, icon), and runs the unpacked launcher, at its new path, to its first frame under
# Xvfb, checking that the AOT cache is used there. Installs dpkg and xvfb from Debian's packages when missing.
#   packaging/smoke/deb-smoke.sh [DEB]      (default target/dist/cosell-console_*.deb)
set -euo pipefail
source "$(dirname "$0")/common.sh"
DEB=${1:-$(ls "$ROOT"/target/dist/cosell-console_*.deb)}
start=$(now_ms)
need dpkg:dpkg-deb xvfb:Xvfb
fail() { echo "FAIL: $*" >&2; exit 1; }

field() { dpkg-deb -f "$DEB" "$1"; }
[ "$(field Package)" = cosell-console ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$(pom_version)" ] || fail "Version $(field Version) is not the pom's $(pom_version)"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
echo "control: $(field Package) $(field Version) $(field Architecture), Depends: $(field Depends)"

root=$(mktemp -d); trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$DEB" "$root"
app=$root/opt/cosell-console
for f in bin/cosell-console lib/app/cosell-console.jar lib/app/cosell-console.cfg lib/app/cosell-console.aot \
         lib/runtime/lib/server/libjvm.so lib/runtime/lib/libglassgtk3.so lib/runtime/lib/libprism_es2.so \
         lib/runtime/lib/modules lib/cosell-console.png lib/cosell-console-cosell-console.desktop; do
  [ -e "$app/$f" ] || fail "missing /opt/cosell-console/$f"
done
[ -x "$app/bin/cosell-console" ] || fail "launcher not executable"
# Our script launcher (packaging/linux/launcher.sh), not jpackage's, which queries rpm/dpkg on every start.
[ "$(head -c 9 "$app/bin/cosell-console")" = '#!/bin/sh' ] || fail "launcher is not packaging/linux/launcher.sh"
if ls "$app"/lib/app/javafx-* >/dev/null 2>&1; then fail "JavaFX jars on the class path (they belong in the runtime)"; fi
grep -q '^Name=Co-Sell Console$' "$app/lib/cosell-console-cosell-console.desktop" || fail "menu entry name"
grep -q '^Exec=/opt/cosell-console/bin/cosell-console' "$app/lib/cosell-console-cosell-console.desktop" || fail "menu entry Exec"
grep -q '^Categories=Office' "$app/lib/cosell-console-cosell-console.desktop" || fail "menu group"
grep -q '^StartupWMClass=app.cosell.CosellApp$' "$app/lib/cosell-console-cosell-console.desktop" || fail "menu entry WM class"
echo "files: $(find "$root" -type f | wc -l) files, $(du -sm "$app" | cut -f1) MB installed"

# The unpacked app runs from a path other than the one its AOT cache was made at.
start_xvfb
marker=$root/first-frame
mkdir -p "$root/empty-bin"  # a PATH without java
timeout 90 env -i PATH="$root/empty-bin" HOME="$root/home" DISPLAY="$DISPLAY" LANG=C.UTF-8 \
  JAVA_TOOL_OPTIONS="-Duser.home=$root/home -Dcosell.startupMarker=$marker -Dcosell.exitAfterFirstFrame=500 -Xlog:aot=info:file=$root/aot.log" \
  "$app/bin/cosell-console" >"$root/run.log" 2>&1 || { cat "$root/run.log" >&2; fail "unpacked launcher failed"; }
[ -s "$marker" ] || fail "unpacked app showed no window"
grep -q 'Using AOT-linked classes: true' "$root/aot.log" || { grep -i 'aot' "$root/aot.log" | tail -5 >&2; fail "AOT cache not used after relocation"; }
echo "unpacked launcher: first frame, AOT cache used"
echo "PASS deb smoke in $(( ($(now_ms) - start) / 1000 )) s"
