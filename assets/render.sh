#!/usr/bin/env bash
# Renders every icon file from the two SVGs. Needs Debian's librsvg2-bin (rsvg-convert),
# icoutils (icotool) and icnsutils (png2icns); none of them stamps dates, so a re-run changes
# nothing unless an SVG changed.
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null || {
    echo "render.sh: $tool is missing (apt-get install librsvg2-bin icoutils icnsutils)" >&2
    exit 1
  }
done

mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
  source=envoi.svg
  if [ "$size" -le 24 ]; then source=envoi-small.svg; fi
  rsvg-convert --width "$size" --height "$size" "$source" --output "png/envoi-$size.png"
done

# Windows: one .ico with every size Explorer and the taskbar ask for; the 256 px one is stored
# as PNG (as Windows allows since Vista), which keeps the file small.
icotool --create --output envoi.ico \
  png/envoi-16.png png/envoi-24.png png/envoi-32.png png/envoi-48.png \
  png/envoi-64.png png/envoi-128.png --raw=png/envoi-256.png

# macOS: png2icns takes the sizes the icns format names (16, 32, 48, 128, 256, 512, 1024).
png2icns envoi.icns \
  png/envoi-16.png png/envoi-32.png png/envoi-48.png png/envoi-128.png \
  png/envoi-256.png png/envoi-512.png png/envoi-1024.png >/dev/null

# The window's Stage icons, loaded from the class path beside dev.envoi.app.
icons=../src/main/resources/dev/envoi/app/icons
mkdir -p "$icons"
for size in 16 24 32 48 64 128 256; do
  cp "png/envoi-$size.png" "$icons/icon-$size.png"
done
