#!/usr/bin/env bash
# Derives every app icon from the one source, assets/logo.svg:
#   packaging/linux/cosell-console.png    256x256 PNG (launcher and menu entry)
#   packaging/windows/cosell-console.ico  16..256 px
#   packaging/macos/cosell-console.icns   16..1024 px
# The results are committed, so Windows and macOS builders need none of these tools.
# Needs rsvg-convert, ImageMagick and png2icns; on Debian/Ubuntu it installs them (librsvg2-bin, imagemagick, icnsutils).
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1; }
if ! need rsvg-convert || ! need png2icns || ! { need magick || need convert; }; then
  if need apt-get; then
    SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq librsvg2-bin imagemagick icnsutils >/dev/null
  else
    echo "make-icons.sh needs rsvg-convert, ImageMagick and png2icns" >&2; exit 1
  fi
fi
IM=$(need magick && echo magick || echo convert)

src=assets/logo.svg
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for s in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w $s -h $s "$src" -o "$tmp/$s.png"
done

mkdir -p packaging/linux packaging/windows packaging/macos
cp "$tmp/256.png" packaging/linux/cosell-console.png
$IM "$tmp"/{16,24,32,48,64,128,256}.png packaging/windows/cosell-console.ico
png2icns packaging/macos/cosell-console.icns "$tmp"/{16,32,48,128,256,512,1024}.png >/dev/null
ls -l packaging/linux/cosell-console.png packaging/windows/cosell-console.ico packaging/macos/cosell-console.icns
