#!/usr/bin/env bash
# replay_gestures.sh: touch, mouse and keyboard in the explorer, through replay scripts.
#
# Usage: bash tests/cli/replay_gestures.sh PATH_TO_frise SOURCE_DIR
#
# From --view 1960:1990 at 1280x720: a pinch keeps the time under its midpoint
# fixed, spreading and pinching in; a fling glides on in the drag's direction,
# slower and slower, then stops; a wheel notch zooms 1.25x about the pointer;
# Home flies back to the whole timeline; Tab moves the focus over the cards
# and Return opens the focused one (which stays in view); l switches language;
# ? (and Shift+/, as typed) opens the help and Escape closes it. Then a touch
# double tap on empty space zooms in 2x about the tap, a mouse double click
# goes home, and a tap on the leftmost card opens it and keeps it in view
# (tests/replay/doubletap.txt, doubleclick.txt and tapcard.txt: templates
# filled with points found in the first run's start dump).
# Prints "N passed, M failed"; exits 1 on any failure, 77 without python3.
set -u

. "$(dirname "$0")/lib.bash"
cli_setup replay_gestures "$@"

run() {
    local name=$1
    shift
    mkdir -p "$WORK/$name"
    (cd "$WORK/$name" && "$FRISE" "$TL" --today 2026-11-28 --size 1280x720 --view 1960:1990 "$@" \
        >stdout 2>stderr; echo $? >rc)
}
run main --replay "$REPLAY/gestures.txt"

# An empty point of the start view: inside the timeline, on no card and near no cluster,
# off the axis and the era bands, as close to the middle as can be.
POINT=$(python3 - "$WORK/main/g00-start.json" <<'EOF'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except (OSError, ValueError):
    sys.exit(0)
r = d["regions"]
best = None
for y in range(int(r["content_y0"]) + 20, int(r["content_y1"]) - 20, 10):
    if r["axis_y"] - 110 <= y <= r["axis_y"] + 50:
        continue
    for x in range(int(r["timeline_x0"]) + 60, int(r["timeline_x1"]) - 60, 10):
        if any(c["x"] - 15 <= x <= c["x"] + c["w"] + 15 and c["y"] - 15 <= y <= c["y"] + c["h"] + 15 for c in d["cards"]):
            continue
        if any(abs(k["x"] - x) < 60 and abs(k["y"] - y) < 60 for k in d["clusters"]):
            continue
        mid_x = (r["timeline_x0"] + r["timeline_x1"]) / 2
        score = abs(x - mid_x) + abs(y - r["axis_y"])
        if best is None or score < best[0]:
            best = (score, x, y)
left = min(d["cards"], key=lambda c: c["x"]) if d["cards"] else None
if best and left:
    print(best[1], best[2], left["id"], round(left["x"] + left["w"] / 2), round(left["y"] + left["h"] / 2))
EOF
)
if [ -n "$POINT" ]; then
    read -r PX PY CARD_ID CX CY <<<"$POINT"
    sed -e "s/@X@/$PX/g" -e "s/@Y@/$PY/g" "$REPLAY/doubletap.txt" >"$WORK/doubletap.txt"
    sed -e "s/@X@/$PX/g" -e "s/@Y@/$PY/g" "$REPLAY/doubleclick.txt" >"$WORK/doubleclick.txt"
    sed -e "s/@X@/$CX/g" -e "s/@Y@/$CY/g" "$REPLAY/tapcard.txt" >"$WORK/tapcard.txt"
    run doubletap --replay "$WORK/doubletap.txt" &
    run doubleclick --replay "$WORK/doubleclick.txt" &
    run tapcard --replay "$WORK/tapcard.txt" &
    wait
else
    PX="" CARD_ID=""
fi

python3 - "$WORK" "$SRC" "$PX" "$CARD_ID" <<'EOF'
import os
import sys

work, src, point_x, card_id = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
sys.path.insert(0, os.path.join(src, "tests", "cli"))
import lib

t = lib.Checks("replay_gestures")
timeline = lib.timeline_json(src)
era_start = {e["id"]: lib.iso_days(e["start"]) for e in timeline["eras"]}
start = {e["id"]: lib.iso_days(e["start"]) for e in timeline["events"]}
HOME = (lib.iso_days("1954-01-01"), lib.iso_days("2029-01-01"))






runs = lib.Runs(t, work)
rc, errors, dump = runs.rc, runs.errors, runs.dump


def width(d):
    lo, hi = lib.view_days(d)
    return hi - lo


def left_edge(d):
    """The time at the timeline's left edge, exactly (from an era's x0)."""
    return lib.time_at_precise(d, d["regions"]["timeline_x0"], era_start)


def zoom_about(a, b, x, factor, name, tol=0.05):
    """b is a zoomed by factor (within tol) with the time under x unmoved."""
    if a is None or b is None:
        return
    ratio = b["view"]["px_per_day"] / a["view"]["px_per_day"]
    t.near(ratio, factor, factor * tol, "%s: px_per_day x%g" % (name, factor))
    # As the dump gives it: whole-day from/to over the timeline's width; 0.5% of the view.
    t.near(lib.time_at(b, x), lib.time_at(a, x), 0.005 * width(b),
           "%s: the time under x=%d stays there (from view.from/to, 0.5%% of the view)" % (name, x))
    # Exactly, from an era edge and px_per_day: within a pixel.
    ta, tb = lib.time_at_precise(a, x, era_start), lib.time_at_precise(b, x, era_start)
    if ta is not None and tb is not None:
        t.near(tb, ta, 1.0 / b["view"]["px_per_day"], "%s: the time under x=%d moves less than a pixel" % (name, x))


def is_home(d, name):
    if d is None:
        return
    lo, hi = lib.view_days(d)
    t.ok(abs(lo - HOME[0]) <= 1 and abs(hi - HOME[1]) <= 1, "%s: the whole timeline (1954 to 2028)" % name,
         "%s..%s" % (d["view"]["from"], d["view"]["to"]))


# ---- pinch, fling, wheel ------------------------------------------------------------------

t.equal(rc("main"), 0, "main: frise exits with status 0")
t.equal(errors("main").strip(), "", "main: nothing on stderr")
g = {n: dump("main", n) for n in (
    "g00-start", "g01-pinch-out", "g02-pinch-in", "g03-fling-0.1", "g04-fling-0.3", "g05-fling-1", "g06-fling-3",
    "g07-fling-4", "g08-wheel", "g09-home", "g10-tab", "g11-tab2", "g12-return", "g13-closed", "g14-english",
    "g15-french", "g16-help", "g17-help-closed", "g18-help-slash", "g19-help-closed")}

zoom_about(g["g00-start"], g["g01-pinch-out"], 500, 2.0, "pinch 500 420 2")
zoom_about(g["g01-pinch-out"], g["g02-pinch-in"], 800, 0.8, "pinch 800 420 0.8")

fling = [g[n] for n in ("g02-pinch-in", "g03-fling-0.1", "g04-fling-0.3", "g05-fling-1", "g06-fling-3", "g07-fling-4")]
if all(d is not None for d in fling):
    edges = [left_edge(d) for d in fling]
    if t.ok(all(e is not None for e in edges), "fling: every dump shows an era to measure by"):
        ppd = fling[0]["view"]["px_per_day"]
        t.ok(all(d["view"]["px_per_day"] == ppd for d in fling), "fling: a fling does not zoom")
        px = [(edges[i + 1] - edges[i]) * ppd for i in range(len(edges) - 1)]  # content moved, in px
        drag = px[0]
        t.ok(drag > 400, "fling: the drag to the left moved the view to later times by more than the drag",
             "%.0f px" % drag)
        spans = (0.2, 0.7, 2.0)  # seconds between the dumps at +0.1, +0.3, +1 and +3 s
        speeds = [px[i + 1] / spans[i] for i in range(3)]
        t.ok(all(p > 0 for p in px[1:4]), "fling: the view glides on in the drag's direction after the finger lifts",
             ["%.1f px" % p for p in px[1:]])
        t.ok(speeds[0] > speeds[1] > speeds[2], "fling: slower and slower",
             ["%.0f px/s" % s for s in speeds])
        t.equal(fling[4]["view"], fling[5]["view"], "fling: stopped by +3 s (the +3 s and +4 s dumps are equal)")

zoom_about(g["g07-fling-4"], g["g08-wheel"], 400, 1.25, "wheel 400 420 1", tol=0.02)
is_home(g["g09-home"], "key Home")

# ---- keys ----------------------------------------------------------------------------------

d, d2 = g["g10-tab"], g["g11-tab2"]
if d is not None and d2 is not None:
    ids = [c["id"] for c in d["cards"]]
    t.ok(d["focused"] in ids, "key Tab: a visible card has the focus", d["focused"])
    t.equal(d["focused"], ids[0] if ids else None, "key Tab: the first card in date order")
    t.ok(d2["focused"] in ids and d2["focused"] != d["focused"], "key Tab again: another card", d2["focused"])
    if d["focused"] in ids and d2["focused"] in ids:
        t.equal(ids.index(d2["focused"]), ids.index(d["focused"]) + 1, "key Tab again: the next card")
    t.equal(d2["selected"], None, "key Tab opens nothing")
d = g["g12-return"]
if d is not None and d2 is not None:
    t.ok(d["selected"] is not None and d["selected"] == d2["focused"], "key Return: opens the focused card",
         "selected %r, focused %r" % (d["selected"], d2["focused"]))
    t.equal(d["focused"], d["selected"], "key Return: selected == focused")
    if d["selected"] in start:
        lo, hi = lib.view_days(d)
        t.ok(lo <= start[d["selected"]] <= hi, "key Return: the opened event stays in view beside the panel",
             "%s is outside %s..%s" % (d["selected"], d["view"]["from"], d["view"]["to"]))
        t.ok(lib.card(d, d["selected"]) is not None, "key Return: the opened event's card is still drawn",
             [c["id"] for c in d["cards"]])
if g["g13-closed"] is not None:
    t.equal(g["g13-closed"]["selected"], None, "key Escape: closes the card")
langs = timeline["languages"]  # L cycles through them; from the first, twice
for name, lang in (("g14-english", langs[1 % len(langs)]), ("g15-french", langs[2 % len(langs)])):
    if g[name] is not None:
        t.equal(g[name]["lang"], lang, "key l: %s" % lang)
        labels = [k["label"] for k in g[name]["ticks"] if k["label"]]
        t.ok(len(labels) > 0, "key l: the axis still has labels in %s" % lang)
for name, want, what in (("g16-help", True, "key question opens the help"),
                         ("g17-help-closed", False, "key Escape closes the help"),
                         ("g18-help-slash", True, "key shift+slash ('?' on a US keyboard) opens the help"),
                         ("g19-help-closed", False, "key Escape closes it again")):
    if g[name] is not None:
        t.equal(g[name]["help"], want, what)
if g["g17-help-closed"] is not None:
    t.equal(g["g17-help-closed"]["selected"], None, "key Escape with the help open closes only the help")

# ---- double tap and double click -------------------------------------------------------------

t.ok(point_x != "", "an empty point was found in g00-start.json")
if point_x:
    x = int(point_x)
    t.equal(rc("doubletap"), 0, "doubletap: frise exits with status 0")
    a, b = dump("doubletap", "d00-start"), dump("doubletap", "d01-zoomed")
    if a is not None and b is not None:
        t.equal(b["selected"], None, "doubletap: on empty space nothing opens")
    zoom_about(a, b, x, 2.0, "doubletap %d (touch)" % x)
    t.equal(rc("doubleclick"), 0, "doubleclick: frise exits with status 0")
    c = dump("doubleclick", "c01-home")
    is_home(c, "double click %d (mouse)" % x)
    t.equal(rc("tapcard"), 0, "tapcard: frise exits with status 0")
    d = dump("tapcard", "a01-open")
    if d is not None:
        t.equal(d["selected"], card_id, "tap on the leftmost card opens it (%s)" % card_id)
        lo, hi = lib.view_days(d)
        t.ok(lo <= start.get(card_id, lo - 1) <= hi, "tap on a card: the opened event stays in view beside the panel",
             "%s is outside %s..%s" % (card_id, d["view"]["from"], d["view"]["to"]))
        t.ok(lib.card(d, card_id) is not None, "tap on a card: its card is still drawn", [c["id"] for c in d["cards"]])

sys.exit(t.finish())
EOF
