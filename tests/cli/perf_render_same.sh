#!/usr/bin/env bash
# perf_render_same.sh: the renderer's speed-ups (issue 12) leave the pixels as
# they were. Each view is rendered twice with --screenshot: as shipped, and
# with FRISE_RENDER_REFERENCE=1, which draws the way Frise drew before them
# (masks and text modulated to their colour at every copy, translucent fills
# blended by SDL_RenderFillRect, every span bar of a deep stack drawn in full;
# src/platform/render.c explains each). The two images may differ only by
# rounding: SDL's blitters round x / 255 and x >> 8 differently, by a level or
# so per translucent layer, so where layers pile up (shadow rows, a stack's
# last bars) a pixel may move by a few levels; a stack's hidden layers weigh
# under half a level. So: no channel of any pixel more than 6 levels off, and
# fewer than 1 sample in 1,000 more than 2 levels off.
# Views: the shipped timeline whole and zoomed, and a synthetic timeline whose
# hundreds of spans cross one month, so the span bars form a deep stack.
# Usage: bash tests/cli/perf_render_same.sh PATH_TO_frise SOURCE_DIR
# Prints "N passed, M failed"; exits 1 on any failure, 77 without python3.
set -u

. "$(dirname "$0")/lib.bash"
cli_setup perf_render_same "$@"

DENSE=$WORK/dense.json
python3 - "$DENSE" <<'PY'
import json
import random
import sys

rng = random.Random(12)
cats = ["diplomacy", "conflict", "aid", "security", "culture"]
events = []
for i in range(400):  # spans of months to years, all across March 1972
    s = (1971 - rng.randint(0, 3), rng.randint(1, 12), rng.randint(1, 28))
    e = (1972 + rng.randint(1, 3), rng.randint(1, 12), rng.randint(1, 28))
    events.append({"id": "span-%d" % i, "start": "%04d-%02d-%02d" % s, "end": "%04d-%02d-%02d" % e,
                   "title": "Span %d" % i, "category": cats[i % 5], "importance": 1 + i % 5})
for i in range(300):  # a burst of point events in the same month
    events.append({"id": "point-%d" % i, "start": "1972-03-%02d" % (1 + i % 28),
                   "title": "Event %d of the burst" % i, "category": cats[i % 5], "importance": 1 + i % 5})
colours = ["#C0392B", "#2E86C1", "#27AE60", "#8E44AD", "#D68910"]
shapes = ["square", "circle", "diamond", "triangle", "star"]
cat_defs = [{"id": c, "label": c.title(), "colour": colours[i], "shape": shapes[i]} for i, c in enumerate(cats)]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump({"format": "frise/1", "title": "Dense", "languages": ["en"], "categories": cat_defs,
               "events": events}, f)
PY

# shoot NAME FILE VIEW: NAME.png as shipped and NAME-ref.png the reference way.
shoot() {
    local name=$1 file=$2 view=$3
    "$FRISE" "$file" --size 1280x720 --view "$view" --today 2026-11-28 --screenshot "$WORK/$name.png" \
        >"$WORK/$name.out" 2>&1
    FRISE_RENDER_REFERENCE=1 "$FRISE" "$file" --size 1280x720 --view "$view" --today 2026-11-28 \
        --screenshot "$WORK/$name-ref.png" >"$WORK/$name-ref.out" 2>&1
}
shoot shipped-whole "$TL" 1954-01-01:2029-01-01
shoot shipped-1970 "$TL" 1969-06-01:1971-06-01
shoot dense-month "$DENSE" 1972-03-01:1972-04-01
shoot dense-decade "$DENSE" 1966-01-01:1978-01-01
shoot dense-day "$DENSE" 1972-03-14:1972-03-16

python3 - "$WORK" "$SRC" <<'PY'
import os
import sys

work, src = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(src, "tests", "cli"))
import lib
import pnglib

t = lib.Checks("perf_render_same")
for name in ["shipped-whole", "shipped-1970", "dense-month", "dense-decade", "dense-day"]:
    try:
        a = pnglib.read(os.path.join(work, name + ".png"))
        b = pnglib.read(os.path.join(work, name + "-ref.png"))
    except (OSError, pnglib.PngError) as e:
        t.ok(False, "%s: both screenshots are written and readable" % name, e)
        continue
    t.equal((a.width, a.height, a.channels), (b.width, b.height, b.channels), "%s: the same size" % name)
    worst, differing, over2, where = 0, 0, 0, None
    for y, (ra, rb) in enumerate(zip(a.rows, b.rows)):
        if ra == rb:
            continue
        for i, (u, v) in enumerate(zip(ra, rb)):
            d = abs(u - v)
            if d:
                differing += 1
                over2 += d > 2
                if d > worst:
                    worst, where = d, (i // a.channels, y)
    t.ok(worst <= 6, "%s: no channel differs by more than 6 levels from the reference drawing" % name,
         "worst %d at %s, %d samples differ" % (worst, where, differing))
    samples = a.width * a.height * a.channels
    t.ok(over2 * 1000 < samples, "%s: fewer than 1 sample in 1,000 differs by more than 2 levels" % name,
         "%d of %d" % (over2, samples))
    t.ok(a.rows != [bytes(len(r)) for r in a.rows], "%s: something is drawn" % name)
sys.exit(t.finish())
PY
