#!/usr/bin/env bash
# Regenerates the performance demo page's committed assets: three illustrations in AVIF, WebP and
# JPEG at 480 and 960 px, their 16x9 blur placeholders (printed as data URIs for
# src/features/demo/utils/demo-images.ts), and a WOFF2 subset of DejaVu Sans Mono Bold renamed
# "Taurine Mono" (the Bitstream Vera licence asks derived fonts to be renamed).
# Needs Debian's imagemagick, webp, libavif-bin and fonttools + python3-brotli; the build does not.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
IM=/usr/bin/convert

draw() { # name top-colour bottom-colour label
  "$IM" -size 1280x720 gradient:"$2"-"$3" \
    -fill 'rgba(255,255,255,0.15)' -draw "circle 1000,160 1000,420" -draw "circle 200,650 200,820" \
    -fill '#e5e7eb' -draw "roundrectangle 520,110 760,640 40,40" \
    -fill "$2" -draw "roundrectangle 520,230 760,520 10,10" \
    -fill '#9ca3af' -draw "roundrectangle 540,90 740,130 20,20" \
    -font DejaVu-Sans-Bold -pointsize 34 -fill white -gravity center -annotate +0+10 "$4" \
    "$work/$1.png"
}
draw hero '#0f766e' '#042f2c' 'TAURINE'
draw citrus '#f59e0b' '#7c2d12' 'CITRUS'
draw berry '#7c3aed' '#1e1b4b' 'BERRY'
for name in hero citrus berry; do
  for width in 480 960; do
    "$IM" "$work/$name.png" -resize "${width}x" "$work/$name-$width.png"
    cwebp -quiet -q 72 "$work/$name-$width.png" -o "public/demo/$name-$width.webp"
    avifenc -q 55 -s 6 "$work/$name-$width.png" "public/demo/$name-$width.avif" >/dev/null
    "$IM" "$work/$name-$width.png" -quality 72 "public/demo/$name-$width.jpg"
  done
  "$IM" "$work/$name.png" -resize 16x9 -quality 40 "$work/$name-blur.webp"
  echo "$name: 'data:image/webp;base64,$(base64 -w0 "$work/$name-blur.webp")',"
done

pyftsubset /usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf \
  --unicodes="U+0020-007E,U+00B7,U+2013,U+2026" --layout-features='' --no-hinting \
  --desubroutinize --output-file="$work/mono.ttf"
/usr/bin/python3 - "$work/mono.ttf" public/fonts/taurine-mono-bold.woff2 <<'PY'
import sys
from fontTools.ttLib import TTFont
font = TTFont(sys.argv[1])
renamed = {1: 'Taurine Mono', 16: 'Taurine Mono', 4: 'Taurine Mono Bold', 6: 'TaurineMono-Bold',
           3: 'Taurine Mono Bold (subset of DejaVu Sans Mono Bold)'}
records = []
for record in font['name'].names:
    if record.nameID in renamed:
        record.string = renamed[record.nameID]
    elif record.nameID not in (0, 5, 13, 14):
        continue
    records.append(record)
font['name'].names = records
font.flavor = 'woff2'
font.save(sys.argv[2])
PY
ls -l public/demo public/fonts
