#!/bin/sh
# Regenerates the DejaVu Sans subsets shipped for the statement PDF (run from the repository root).
# The subset keeps the scripts duedesk writes (Latin with Latin-1 and Extended-A, Romanian
# comma-below letters, Greek, Cyrillic, general punctuation and currency signs) and drops hinting
# and OpenType layout: jspdf uses neither, and a 750 KB font parsed for every PDF costs time.
# Needs fonttools (Debian: apt-get install fonttools).
set -eu
src=node_modules/dejavu-fonts-ttf/ttf
out=templates/fonts
unicodes='U+0020-007E,U+00A0-017F,U+0218-021B,U+02C6-02DD,U+0370-03FF,U+0400-04FF,U+2000-206F,U+20A0-20CF,U+2116,U+2122,U+2190-2193,U+2212,U+FFFD'
for face in DejaVuSans DejaVuSans-Bold; do
  pyftsubset "$src/$face.ttf" --unicodes="$unicodes" --layout-features='' --no-hinting \
    --name-IDs='0,1,2,3,4,5,6' --notdef-outline --no-glyph-names \
    --output-file="$out/$face-subset.ttf"
done
cp node_modules/dejavu-fonts-ttf/LICENSE "$out/DejaVu-LICENSE.txt"
