#!/usr/bin/env bash
# Draws the 1024x1024 RGBA source of the app icon (a petromaks, the pressure lantern, on a deep teal
# rounded square) and regenerates the desktop icon set in icons/ with the Tauri CLI from npm.
# Run from anywhere after `npm ci`: icons/src/make-source.sh
set -euo pipefail
cd "$(dirname "$0")"
cream='#f4ecd8'
convert -size 1024x1024 xc:none \
  -fill '#0e4f55' -draw 'roundrectangle 48,48 976,976 200,200' \
  -fill '#14666b' -draw 'circle 512,500 512,190' \
  -fill none -stroke "$cream" -strokewidth 30 -draw 'ellipse 512,258 84,96 180,360' \
  -stroke none -fill "$cream" -draw 'polygon 436,236 588,236 668,330 356,330' \
  -fill "$cream" -draw 'roundrectangle 372,322 652,356 14,14' \
  -fill '#f2a93b' -draw 'roundrectangle 404,356 620,636 60,60' \
  -fill '#ffd57a' -draw 'ellipse 512,500 74,104 0,360' \
  -fill '#fff4d0' -draw 'ellipse 512,510 30,46 0,360' \
  -fill none -stroke "$cream" -strokewidth 18 -draw 'line 404,366 404,628' -draw 'line 620,366 620,628' \
  -stroke none -fill "$cream" -draw 'roundrectangle 372,632 652,668 14,14' \
  -fill "$cream" -draw 'polygon 392,668 632,668 690,812 334,812' \
  -fill '#0e4f55' -draw 'roundrectangle 470,720 554,760 12,12' \
  -fill "$cream" -draw 'roundrectangle 318,806 706,844 18,18' \
  PNG32:source.png

cd ../..
npx tauri icon icons/src/source.png -o icons
# Keep the desktop set only (Linux, macOS, Windows); the mobile and Windows Store images are not used.
rm -rf icons/android icons/ios icons/Square*.png icons/StoreLogo.png
# The Linux menus' other sizes (hicolor 16, 24, 48, 256; icon.png is the 512).
for s in 16 24 48 256; do convert icons/src/source.png -resize "${s}x${s}" "PNG32:icons/${s}x${s}.png"; done
