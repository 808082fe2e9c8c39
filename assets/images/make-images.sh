#!/usr/bin/env bash
# make-images.sh: redraws the shipped timeline's pictures: the SVG sources
# from flags.py into assets/images/, then PNGs (what Frise decodes) into
# data/images/ with rsvg-convert (Debian's librsvg2-bin). Run by hand after
# changing a drawing; the PNGs are committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python3 "$here/flags.py" "$here"
mkdir -p "$root/data/images"
for svg in "$here"/*.svg; do
    rsvg-convert -w 600 -h 400 -o "$root/data/images/$(basename "${svg%.svg}").png" "$svg"
done
echo "pictures in $root/data/images"
