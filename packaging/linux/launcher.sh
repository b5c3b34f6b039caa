#!/bin/sh
# The Linux launcher of the app image (bin/cosell-console; the dist build puts it in place of jpackage's native one).
#
# It starts the bundled runtime as jpackage's launcher would, from the same file, lib/app/<name>.cfg: the JVM
# options (java-options=), the class path (app.classpath=) and the main class (app.mainclass=), with $APPDIR, $ROOTDIR
# and $BINDIR expanded, -Djpackage.app-path set, and the rep's arguments after the main class. (Unlike jpackage's, it
# does not put lib/app and an empty entry, the working folder, on java.library.path: the app has no native libraries
# there; JavaFX loads its own from the runtime.)
#
# Why not jpackage's launcher: on Linux it first asks the package manager which package owns it (rpm -qf, then
# dpkg -S, then dpkg -L of that package), on every start and before Java even begins. That cost 0.25-0.3 s per start
# here and grows with the number of packages installed (dpkg -S reads every package's file list). Windows and macOS
# keep jpackage's launchers, which do not do this. See docs/packaging.md.
set -u

# Where this script really is (through symbolic links): readlink -f, found even with an empty PATH (some desktop
# sessions start programs with a bare environment), else the folder resolved by the shell itself.
case $0 in */*) me=$0 ;; *) me=$(command -v -- "$0") || me=$0 ;; esac
self=$( (PATH=${PATH:-}:/usr/bin:/bin; readlink -f -- "$me") 2>/dev/null ) || self=
case $me in */*) medir=${me%/*} ;; *) medir=. ;; esac
[ -n "$self" ] || self=$(cd -P -- "${medir:-/}" && pwd -P)/${me##*/}
name=${self##*/}
bindir=${self%/*}
rootdir=${bindir%/*}
appdir=$rootdir/lib/app
cfg=$appdir/$name.cfg
java=$rootdir/lib/runtime/bin/java
[ -r "$cfg" ] || { echo "$name: cannot read $cfg" >&2; exit 1; }
[ -x "$java" ] || { echo "$name: no Java runtime at $java" >&2; exit 1; }

# subst TEXT TOKEN VALUE: TEXT with every TOKEN replaced by VALUE, in $r.
subst() {
    r= t=$1
    while :; do
        case $t in
            *"$2"*) r=$r${t%%"$2"*}$3; t=${t#*"$2"} ;;
            *) r=$r$t; return ;;
        esac
    done
}
expand() { subst "$1" '$APPDIR' "$appdir"; subst "$r" '$ROOTDIR' "$rootdir"; subst "$r" '$BINDIR' "$bindir"; }

# The rep's arguments stay first in "$@" while the JVM options are appended; they are rotated behind the main class
# at the end (POSIX sh has no arrays).
nargs=$#
main= classpath=
while IFS= read -r line || [ -n "$line" ]; do
    case $line in
        app.mainclass=*) main=${line#*=} ;;
        app.classpath=*) expand "${line#*=}"; classpath=${classpath:+$classpath:}$r ;;
        java-options=*) expand "${line#*=}"; set -- "$@" "$r" ;;
    esac
done < "$cfg"
[ -n "$main" ] || { echo "$name: no app.mainclass in $cfg" >&2; exit 1; }

# No GPU device (/dev/dri: virtual machines, remote desktops, containers): JavaFX would try OpenGL, find only Mesa's
# software renderer and fall back to its own software pipeline anyway, and GTK would load the same Mesa driver to
# choose OpenGL visuals nobody uses. Loading it costs about 50 MB of resident memory (libLLVM) and some start-up time.
# So in that case the app asks for the software pipeline directly and GTK skips OpenGL. A rep's own GDK_GL or
# prism.order (in JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS) wins. COSELL_DRI_DIR names another device folder (tests).
# See docs/packaging.md.
if [ ! -e "${COSELL_DRI_DIR:-/dev/dri}" ]; then
    GDK_GL=${GDK_GL:-disable}
    export GDK_GL
    case " ${JAVA_TOOL_OPTIONS:-} ${JDK_JAVA_OPTIONS:-} " in
        *prism.order=*) ;;
        *) set -- "$@" -Dprism.order=sw ;;
    esac
fi

set -- "$@" "-Djpackage.app-path=$self" -cp "$classpath" "$main"
i=0
while [ "$i" -lt "$nargs" ]; do
    set -- "$@" "$1"
    shift
    i=$((i + 1))
done
# Two malloc arenas instead of one per core and thread: the JVM's own heap does the allocating that matters, and
# glibc's extra arenas only hold memory (about 20-50 MB less resident memory here; see docs/packaging.md).
MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
export MALLOC_ARENA_MAX
exec "$java" "$@"
