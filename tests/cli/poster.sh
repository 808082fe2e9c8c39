#!/usr/bin/env bash
# poster.sh: `frise FILE --poster OUT.png [--width PX] [--view FROM:TO]`, headless.
#
# Usage: bash tests/cli/poster.sh PATH_TO_frise SOURCE_DIR
#
# Renders the shipped timeline as a poster at 3000 and 4000 px (fr, with the
# layout dump), in Khmer on the dark theme under SDL's offscreen driver, and
# for a range (--view 1970:1979); a dense synthetic timeline (frise-gen 3000,
# built beside frise) at 2000 px. Checks that each PNG has the width asked
# and the height the dump and the message give, that the height scales with
# the width (the layout does not depend on the resolution), that every event
# (in the range) is exactly one card and none is a badge, that no two cards
# of a row overlap and every card is on the sheet. Then the refusals: a
# timeline that would need more than 1000 rows (frise-gen 15000) fails with
# a message and writes nothing, and --width without --poster, a width out of
# range, and --poster with --screenshot are usage errors; a file that cannot
# be read gives status 1 and no poster.
# Prints "N passed, M failed"; exits 1 on any failure, 77 without python3.
set -u

. "$(dirname "$0")/lib.bash"
cli_setup poster "$@"
GEN="$(dirname "$FRISE")/frise-gen"

# run NAME ARGS...: runs frise; stdout -> NAME.out, stderr -> NAME.err, status -> NAME.rc
run() {
    local name=$1
    shift
    "$FRISE" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
    echo $? >"$WORK/$name.rc"
}

run fr3000 "$TL" --lang fr --poster "$WORK/fr3000.png" --width 3000 --dump-layout
run fr4000 "$TL" --lang fr --poster "$WORK/fr4000.png" --width 4000 --dump-layout
SDL_VIDEODRIVER=offscreen run km "$TL" --lang km --theme dark --poster "$WORK/km.png" --width 2500
run seventies "$TL" --view 1970:1979 --poster "$WORK/seventies.png" --width 2000 --dump-layout
run default "$TL" --poster "$WORK/default.png" --dump-layout
if [ -x "$GEN" ]; then
    "$GEN" 3000 >"$WORK/dense.json"
    run dense "$WORK/dense.json" --poster "$WORK/dense.png" --width 2000 --dump-layout
    "$GEN" 15000 >"$WORK/huge.json"
    run huge "$WORK/huge.json" --poster "$WORK/huge.png" --width 2000
fi
run unreadable "$SRC/tests/data/bad/syntax-trailing-comma.json" --poster "$WORK/unreadable.png"
run width-alone "$TL" --width 3000 --dump-layout
run width-small "$TL" --poster "$WORK/x.png" --width 100
run with-screenshot "$TL" --poster "$WORK/y.png" --screenshot "$WORK/z.png"

python3 - "$WORK" "$SRC" "$TL" "$GEN" <<'EOF'
import json
import math
import os
import re
import sys

work, src, tl_path, gen = sys.argv[1:5]
sys.path.insert(0, os.path.join(src, "tests", "cli"))
import lib
import pnglib

t = lib.Checks("poster")


def read(name, ext):
    try:
        with open(os.path.join(work, name + ext), encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def status(name):
    return int(read(name, ".rc").strip() or "-1")


def png_size(name):
    try:
        return pnglib.read_size(os.path.join(work, name + ".png"))
    except (OSError, pnglib.PngError):
        return None


def said_size(name, stream):
    """(w, h) from 'frise: poster written: PATH (W x H px, ...)'."""
    m = re.search(r"poster written: .*\((\d+) x (\d+) px, (\d+) events", read(name, stream))
    return (int(m.group(1)), int(m.group(2))) if m else None


def overlaps_in_rows(cards):
    """Pairs of cards of one row (side and row) that overlap by more than half a pixel."""
    rows = {}
    for c in cards:
        rows.setdefault((c["side"], c["row"]), []).append(c)
    bad = []
    for key, row in rows.items():
        row.sort(key=lambda c: c["x"])
        bad += [(a["id"], b["id"]) for a, b in zip(row, row[1:]) if b["x"] < a["x"] + a["w"] - 0.5]
    return bad


def check_poster(name, width, event_ids, stream=".err"):
    """The common checks; returns the dump (or None)."""
    t.equal(status(name), 0, "%s: frise exits with status 0" % name)
    t.ok("ERROR: AddressSanitizer" not in read(name, ".err"), "%s: no sanitizer report" % name)
    d = lib.load_dump(t, os.path.join(work, name + ".out"), "%s: the poster's layout dump is valid JSON" % name)
    size = png_size(name)
    t.ok(size is not None and size[0] == width, "%s: the PNG is %d px wide" % (name, width), size)
    if not d:
        return None
    t.ok(d.get("poster") is True, "%s: the dump is a poster's" % name)
    t.equal(size, (d["size"]["w"], d["size"]["h"]), "%s: the PNG's height is the poster's (from its rows)" % name)
    t.equal(said_size(name, stream), size, "%s: the message says where it wrote and the size" % name)
    ids = [c["id"] for c in d["cards"]]
    t.equal(sorted(ids), sorted(event_ids), "%s: every event is exactly one card" % name)
    t.equal(d["clusters"], [], "%s: no event is in a badge" % name)
    t.equal(overlaps_in_rows(d["cards"]), [], "%s: no two cards of a row overlap" % name)
    off = [c["id"] for c in d["cards"]
           if c["x"] < 0 or c["y"] < 0 or c["x"] + c["w"] > d["size"]["w"] or c["y"] + c["h"] > d["size"]["h"]]
    t.equal(off, [], "%s: every card is on the sheet" % name)
    rows = d["regions"]["rows_above"] + d["regions"]["rows_below"]
    deepest = max([2 * c["row"] + (c["side"] == "below") + 1 for c in d["cards"]] or [1])
    t.equal(rows, deepest, "%s: the sheet has the rows its cards take, no more" % name)
    return d


events = lib.timeline_json(src)["events"]
all_ids = [e["id"] for e in events]
a = check_poster("fr3000", 3000, all_ids)
b = check_poster("fr4000", 4000, all_ids)
if a and b:
    # The look does not depend on the resolution: 4/3 the width, 4/3 the height
    # (type sizes are whole pixels, so within a few percent).
    t.near(b["size"]["h"] / a["size"]["h"], 4 / 3, 0.04, "the height scales with the width")
    t.equal(a["regions"]["rows_above"] + a["regions"]["rows_below"],
            b["regions"]["rows_above"] + b["regions"]["rows_below"], "the rows do not depend on the width")
    t.ok(a["card_title_px"] >= 14, "at 3000 px a card title is 14 px or more (6 mm on A0)", a["card_title_px"])
    t.equal(a["lang"], "fr", "--lang fr is the poster's language")

t.equal(status("km"), 0, "km, dark, offscreen driver: frise exits with status 0")
t.ok(said_size("km", ".out") is not None and said_size("km", ".out") == png_size("km"),
     "km: the message on stdout gives the PNG's size", (said_size("km", ".out"), png_size("km")))
try:
    img = pnglib.read(os.path.join(work, "km.png"))
    corner = img.pixel(2, 2)
    t.ok(max(corner) < 60, "km: the dark theme's paper", corner)
except (OSError, pnglib.PngError) as e:
    t.ok(False, "km: the PNG can be read", e)

lo, hi = lib.iso_days("1970-01-01"), lib.iso_days("1980-01-01")
in_range = [e["id"] for e in events if lo <= lib.iso_days(e["start"]) < hi]
s = check_poster("seventies", 2000, in_range)
if s:
    t.equal((s["view"]["from"], s["view"]["to"]), ("1970-01-01", "1980-01-01"), "--view 1970:1979 is the range")

d = check_poster("default", 7016, all_ids)

if not os.access(gen, os.X_OK):
    t.ok(False, "frise-gen is built beside frise", gen)
else:
    with open(os.path.join(work, "dense.json"), encoding="utf-8") as f:
        dense_ids = [e["id"] for e in json.load(f)["events"]]
    t.equal(len(dense_ids), 3000, "frise-gen 3000 writes 3000 events")
    dense = check_poster("dense", 2000, dense_ids)
    if dense:
        t.ok(dense["packed"], "dense: its burst is packed (cards moved right of their dates)")
    t.equal(status("huge"), 1, "15,000 events: refused with status 1")
    t.ok(re.search(r"needs \d+ rows of cards or more.*at most 1000 rows", read("huge", ".err")),
         "15,000 events: says how many rows it would need and the limit", read("huge", ".err")[:300])
    t.ok(not os.path.exists(os.path.join(work, "huge.png")), "15,000 events: no file written")

t.equal(status("unreadable"), 1, "a file that cannot be read: status 1")
t.ok(not os.path.exists(os.path.join(work, "unreadable.png")), "and no poster of nothing written")
t.equal(status("width-alone"), 2, "--width without --poster is a usage error")
t.ok("--width goes with --poster" in read("width-alone", ".err"), "which says so", read("width-alone", ".err"))
t.equal(status("width-small"), 2, "--width 100 is a usage error")
t.equal(status("with-screenshot"), 2, "--poster with --screenshot is a usage error")
t.ok(not os.path.exists(os.path.join(work, "x.png")), "a usage error writes nothing")

sys.exit(t.finish())
EOF
