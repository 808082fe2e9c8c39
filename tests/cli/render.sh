#!/usr/bin/env bash
# render.sh: headless render tests through --screenshot and --dump-layout.
#
# Usage: bash tests/cli/render.sh PATH_TO_frise SOURCE_DIR
#
# Renders data/timeline.json at 1920x1080 and 1280x720, in French and English,
# for the whole range, 1969-1971 and one month (March 1970), each as one PNG
# plus one layout dump, then checks them: the PNG's size and that it is not
# blank, the dump's size and view, cards that neither overlap nor leave the
# window, every event on screen a card or in a cluster (docs/layout-dump.md),
# the coup card drawn (not swallowed by a cluster) with text on it, tick
# labels present, in the right language and not running into each other in
# the PNG, the today marker, --select with the detail panel. Then an event
# near the edge, `frise --dump-layout` alone, a bad file and a missing file
# (both still draw, errors on screen), and every event's detail panel opened
# in turn (a replay written for the timeline's event count), which the sanitizers watch.
# Prints "N passed, M failed"; exits 1 on any failure, 77 without python3.
set -u

. "$(dirname "$0")/lib.bash"
cli_setup render "$@"
TODAY=2026-11-28

# run NAME ARGS...: runs frise; stdout -> NAME.json, stderr -> NAME.err, status -> NAME.rc
# A replay's dumps land in the current directory: RUN_IN=DIR runs frise there.
run() {
    local name=$1
    shift
    (cd "${RUN_IN:-$WORK}" && "$FRISE" "$@" --today "$TODAY" >"$WORK/$name.json" 2>"$WORK/$name.err")
    echo $? >"$WORK/$name.rc"
}

# The runs are independent: a few at a time, then wait for them all.
JOBS=$(nproc 2>/dev/null || echo 2)
bg() {
    while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n; done
    run "$@" &
}

for size in 1920x1080 1280x720; do
    for lang in fr en; do
        bg "whole-$size-$lang" "$TL" --size "$size" --lang "$lang" --screenshot "$WORK/whole-$size-$lang.png" --dump-layout
        bg "y1969-$size-$lang" "$TL" --size "$size" --lang "$lang" --view 1969:1971 \
            --screenshot "$WORK/y1969-$size-$lang.png" --dump-layout
        bg "month-$size-$lang" "$TL" --size "$size" --lang "$lang" --view 1970-03-01:1970-04-01 \
            --screenshot "$WORK/month-$size-$lang.png" --dump-layout
    done
    bg "select-$size" "$TL" --size "$size" --view 1969:1971 --select coup-1970 \
        --screenshot "$WORK/select-$size.png" --dump-layout
done

# The coup two days inside the left edge (about 9 px): still a card or in a cluster.
bg edge "$TL" --size 1280x720 --view 1970-03-16:1970-12-31 --dump-layout

# No file and no --size: the bundled timeline at the default size.
bg default --dump-layout

# A file with a syntax error and a missing file still open, with the errors on screen.
BAD="$SRC/tests/data/bad/syntax-trailing-comma.json"
bg bad "$BAD" --size 1280x720 --screenshot "$WORK/bad.png" --dump-layout
bg missing "$WORK/no-such-timeline.json" --size 1280x720 --screenshot "$WORK/missing.png" --dump-layout

# Every event's detail panel, opened in turn with PageDown; one dump each. The
# script is written for as many events as the timeline has.
python3 - "$TL" > "$WORK/every-event.txt" <<'PY'
import json, sys
n = len(json.load(open(sys.argv[1], encoding="utf-8"))["events"])
print("0 dump-layout e01.json")
for i in range(2, n + 1):
    print(f"{2 * (i - 1)} key PageDown")
    print(f"{2 * (i - 1) + 1.8:.1f} dump-layout e{i:02d}.json")
PY
for size in 1280x720 1024x768; do
    for lang in fr en; do
        mkdir -p "$WORK/every-$size-$lang"
        RUN_IN="$WORK/every-$size-$lang" bg "every-$size-$lang/run" "$TL" --size "$size" --lang "$lang" \
            --select relations-1956 --replay "$WORK/every-event.txt"
    done
done
wait

python3 - "$WORK" "$SRC" "$BAD" <<'EOF'
import os
import re
import sys

work, src, bad = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, os.path.join(src, "tests", "cli"))
import lib

t = lib.Checks("render")

SIZES = ("1920x1080", "1280x720")
MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}
# Two tick labels closer than this read as one: word spaces in axis labels are 4-5 px.
LABEL_GAP_PX = 6
# What the view must show (whole days; the dump rounds to days).
VIEWS = {
    "whole": ("1954-01-01", "2029-01-01"),       # the file's "home": 1954 to the end of 2028
    "y1969": ("1969-01-01", "1972-01-01"),       # 1969:1971 is up to the end of 1971
    "month": ("1970-03-01", "1970-04-02"),       # up to the end of 1 April
}


STARTS = {e["id"]: lib.iso_days(e["start"]) for e in lib.timeline_json(src)["events"]}
ERAS = {e["id"]: lib.iso_days(e["start"]) for e in lib.timeline_json(src)["eras"]}


def path(name, ext):
    return os.path.join(work, name + ext)


def status(name):
    with open(path(name, ".rc")) as f:
        return int(f.read().strip() or "-1")


def stderr(name):
    with open(path(name, ".err"), encoding="utf-8", errors="replace") as f:
        return f.read()


def month_words(label):
    """Which languages' month names appear in a label."""
    found = set()
    for lang, names in MONTHS.items():
        for m in names:
            if re.search(r"(^|[^A-Za-zÀ-ÿ])" + re.escape(m), label):
                found.add(lang)
    return found


def dims(size):
    return tuple(int(v) for v in size.split("x"))


def banner_box(d):
    """The top fifth of the content area, where the error banner goes."""
    y0 = d["regions"]["content_y0"] + 4
    return (0, y0, d["size"]["w"], y0 + (d["regions"]["content_y1"] - y0) * 0.2)


# ---- read every dump, then decode every PNG at once (the slow part) --------------------

names = ["%s-%s-%s" % (v, s, l) for s in SIZES for l in ("fr", "en") for v in ("whole", "y1969", "month")]
names += ["select-" + s for s in SIZES] + ["bad", "missing"]
dumps = {n: lib.load_dump(t, path(n, ".json"), "%s: the dump is valid JSON" % n) for n in names}
jobs = []
for n in names:
    d, boxes = dumps[n], []
    if d is not None and n in ("bad", "missing"):
        boxes = [banner_box(d)]
    elif d is not None and lib.card(d, "coup-1970"):
        x0, y0, x1, y1 = lib.rect(lib.card(d, "coup-1970"))
        boxes = [(x0 + 2, y0 + 2, x1 - 2, y1 - 2)]
    axis = None
    if d is not None and n not in ("bad", "missing"):
        below = [c["y"] for c in d["cards"] if c["side"] == "below"]
        axis = (d["regions"]["axis_y"], [k["x"] for k in d["ticks"] if k["label"]], min(below) if below else None,
                [k["x"] for k in d["ticks"]])
    jobs.append((path(n, ".png"), boxes, axis))
pngs = lib.analyse_pngs(jobs)

# ---- the three views, two sizes, two languages ------------------------------------------

for size in SIZES:
    w, h = dims(size)
    for lang in ("fr", "en"):
        for view in ("whole", "y1969", "month"):
            name = "%s-%s-%s" % (view, size, lang)
            t.equal(status(name), 0, "%s: frise exits with status 0" % name)
            t.equal(stderr(name).strip(), "", "%s: nothing on stderr" % name)
            png = pngs[path(name, ".png")]
            lib.check_png(t, png, w, h, what=name + ".png")
            d = dumps[name]
            if d is None:
                continue
            t.equal((d["size"]["w"], d["size"]["h"]), (w, h), "%s: the dump's size is %s" % (name, size))
            t.equal(d["lang"], lang, "%s: the dump's lang" % name)
            t.equal(d["mode"], "explore", "%s: explore mode" % name)
            t.equal(d["selected"], None, "%s: nothing selected" % name)
            want_from, want_to = VIEWS[view]
            got_from, got_to = lib.view_days(d)
            t.ok(abs(got_from - lib.iso_days(want_from)) <= 1 and abs(got_to - lib.iso_days(want_to)) <= 1,
                 "%s: the view is %s to %s" % (name, want_from, want_to),
                 "got %s to %s" % (d["view"]["from"], d["view"]["to"]))
            cards = d["cards"]
            t.ok(len(cards) > 0, "%s: some cards are drawn" % name)
            missing, repeated = lib.coverage(d, STARTS, ERAS)
            t.ok(not missing, "%s: every event on screen is a card or in a cluster" % name, missing)
            t.ok(not repeated, "%s: no event is drawn twice" % name, repeated)
            pairs = lib.overlapping_pairs(cards)
            t.ok(not pairs, "%s: no two cards overlap" % name, pairs)
            outside = lib.cards_outside(cards, w, h)
            t.ok(not outside, "%s: every card is inside the %s window" % (name, size), outside)
            labelled = [k for k in d["ticks"] if k["level"] in ("major", "minor")]
            t.ok(len(labelled) >= 3, "%s: at least 3 labelled ticks" % name, len(labelled))
            empty = [k for k in labelled if not k["label"].strip()]
            t.ok(not empty, "%s: every major and minor tick has a label" % name, empty[:3])
            off = [k for k in d["ticks"] if not (-0.5 <= k["x"] <= w + 0.5)]
            t.ok(not off, "%s: every tick is inside the window" % name, off[:3])
            labels = [k["label"] for k in d["ticks"] if k["label"]]
            wrong = [s for s in labels if month_words(s) - {lang}]
            t.ok(not wrong, "%s: no tick label in another language" % name, wrong[:4])
            gaps = png.get("label_gaps")
            if gaps is not None:
                named = [k["label"] for k in d["ticks"] if k["label"]]
                tight = [(named[i], named[i + 1], "%d px" % g) for i, g in enumerate(gaps) if g < LABEL_GAP_PX]
                t.ok(not tight, "%s: tick labels do not run into each other in the PNG (gap >= %d px)"
                     % (name, LABEL_GAP_PX), tight)
            elif "error" not in png and png.get("exists"):
                t.ok(False, "%s: tick label text found under the axis in the PNG" % name)
            if view == "month":
                key = "mars" if lang == "fr" else "Mar"
                with_month = [s for s in labels if key in s]
                t.ok(len(with_month) >= len(labels) // 2, "%s: tick labels name the month ('%s')" % (name, key),
                     labels[:6])
            if view == "y1969":
                named = [s for s in labels if lang in month_words(s)]
                t.ok(len(named) >= 2, "%s: tick labels name months in %s" % (name, lang), labels[:6])
            if view == "whole":
                x = d["today_x"]
                t.ok(isinstance(x, (int, float)) and not isinstance(x, bool) and 0 <= x <= w,
                     "%s: today_x is a number inside the window" % name, x)
            else:
                t.equal(d["today_x"], None, "%s: today_x is null (2026 is out of view)" % name)
            if view in ("y1969", "month"):
                coup = lib.card(d, "coup-1970")
                if coup is None:
                    k = lib.cluster_holding(d, "coup-1970")
                    t.ok(False, "%s: the coup-1970 card is drawn" % name,
                         "it is in a cluster of %d at x=%.0f" % (k["count"], k["x"]) if k else "neither card nor cluster")
                    continue
                t.ok(True, "%s: the coup-1970 card is drawn" % name)
                t.near(lib.time_at(d, coup["anchor_x"]), lib.iso_days("1970-03-18"), 1.5,
                       "%s: the coup card points at 18 March 1970" % name)
                if png.get("boxes"):
                    box = png["boxes"][0]
                    t.ok(box["dark"] >= 0.02 and box["colours"] >= 8, "%s: the coup card has text on it" % name,
                         "%.1f%% dark pixels, %d colours" % (100 * box["dark"], box["colours"]))

    # --select opens the detail panel beside the view.
    name = "select-" + size
    t.equal(status(name), 0, "%s: frise exits with status 0" % name)
    lib.check_png(t, pngs[path(name, ".png")], w, h, what=name + ".png")
    d = dumps[name]
    if d is not None:
        t.equal(d["selected"], "coup-1970", "%s: --select coup-1970 selects it" % name)
        t.equal(d["focused"], "coup-1970", "%s: the selected card has the focus" % name)
        x1 = d["regions"]["timeline_x1"]
        t.ok(x1 < w, "%s: the detail panel takes room on the right" % name, x1)
        beyond = [c["id"] for c in d["cards"] if c["x"] + c["w"] > x1 + 0.5]
        t.ok(not beyond, "%s: no card under the detail panel" % name, beyond)
        t.ok(not lib.overlapping_pairs(d["cards"]), "%s: no two cards overlap" % name)
        missing, repeated = lib.coverage(d, STARTS, ERAS)
        t.ok(not missing and not repeated, "%s: every event on screen is once a card or in a cluster" % name,
             (missing, repeated))
        t.ok(lib.card(d, "coup-1970") is not None, "%s: the selected coup card is drawn" % name)
        # --view is the initial view: opening the panel must not crop it.
        got_from, got_to = lib.view_days(d)
        t.ok(got_from <= lib.iso_days("1969-01-01") + 1 and got_to >= lib.iso_days("1972-01-01") - 1,
             "%s: the view still shows all of --view 1969:1971 beside the panel" % name,
             "got %s to %s" % (d["view"]["from"], d["view"]["to"]))

# ---- an event near the edge ------------------------------------------------------------

t.equal(status("edge"), 0, "edge: frise exits with status 0")
d = lib.load_dump(t, path("edge", ".json"), "edge: the dump is valid JSON")
if d is not None:
    x = lib.x_of(d, STARTS["coup-1970"], ERAS)
    t.ok(d["regions"]["timeline_x0"] < x < d["regions"]["timeline_x1"], "edge: 18 March 1970 is on screen", x)
    shown = lib.card(d, "coup-1970") is not None or lib.cluster_holding(d, "coup-1970") is not None
    t.ok(shown, "edge: coup-1970, %.0f px from the left edge, is a card or in a cluster" % x,
         "neither: cards %s" % [c["id"] for c in d["cards"]])
    missing, repeated = lib.coverage(d, STARTS, ERAS)
    t.ok(not missing and not repeated, "edge: every event on screen is once a card or in a cluster",
         (missing, repeated))

# ---- frise --dump-layout alone: the bundled timeline, valid JSON on stdout ---------------

t.equal(status("default"), 0, "default: `frise --dump-layout` exits with status 0")
d = lib.load_dump(t, path("default", ".json"), "default: `frise --dump-layout` prints valid JSON")
if d is not None:
    for key in ("view", "size", "lang", "mode", "kiosk_state", "step", "step_count", "blackout", "help",
                "selected", "focused", "today_x", "bucketed", "regions", "cards", "clusters", "ticks", "eras"):
        t.ok(key in d, "default: the dump has '%s'" % key)
    t.ok(len(d.get("cards", [])) > 0, "default: the bundled timeline shows cards")
    t.equal(d.get("lang"), "fr", "default: the bundled timeline's first language")
    t.equal(d.get("size"), {"w": 1280, "h": 720}, "default: the size --help gives (1280x720)")

# ---- bad and missing files: status 1 (issue 13), the problem on stderr and on screen -----

for name, where in (("bad", re.escape(os.path.basename(bad)) + r":\d+:\d+: "), ("missing", r"no-such-timeline\.json: ")):
    t.equal(status(name), 1, "%s: the picture is written, and the status says the timeline could not be read" % name)
    t.ok(re.search(where, stderr(name)), "%s: stderr names the problem's place (/%s/)" % (name, where),
         stderr(name)[:200])
    png = pngs[path(name, ".png")]
    lib.check_png(t, png, 1280, 720, min_colours=20, min_ink=0.005, what=name + ".png")
    d = dumps[name]
    if d is not None:
        t.equal(d["cards"], [], "%s: no cards" % name)
    if png.get("boxes"):
        box = png["boxes"][0]
        t.ok(box["colours"] >= 20 and box["dark"] >= 0.002, "%s: the error message is drawn at the top" % name,
             "%d colours, %.2f%% dark pixels" % (box["colours"], 100 * box["dark"]))

# ---- every event's detail panel -------------------------------------------------------

events = lib.timeline_json(src)["events"]
start = {e["id"]: lib.iso_days(e["start"]) for e in events}
order = [e["id"] for e in sorted(events, key=lambda e: start[e["id"]])]
tied = {i for i in order if sum(start[o] == start[i] for o in order) > 1}
for size in ("1280x720", "1024x768"):
    for lang in ("fr", "en"):
        name = "every-%s-%s" % (size, lang)
        t.equal(status(name + "/run"), 0, "%s: frise exits with status 0 after opening all %d events" % (name, len(order)))
        t.equal(stderr(name + "/run").strip()[:600], "", "%s: nothing on stderr (no sanitizer report)" % name)
        missing, wrong, hidden, messy = [], [], [], []
        for i, event_id in enumerate(order, 1):
            try:
                with open(os.path.join(work, name, "e%02d.json" % i), encoding="utf-8") as f:
                    d = lib.json.load(f)
            except (OSError, ValueError):
                missing.append(i)
                continue
            if d["selected"] != event_id and event_id not in tied:
                wrong.append((i, d["selected"], event_id))
            lo, hi = lib.view_days(d)
            if d["selected"] in start and not lo <= start[d["selected"]] <= hi:
                hidden.append((i, d["selected"], d["view"]["from"], d["view"]["to"]))
            x1 = d["regions"]["timeline_x1"]
            under = [c["id"] for c in d["cards"] if c["x"] + c["w"] > x1 + 0.5]
            uncovered, repeated = lib.coverage(d, STARTS, ERAS)
            if lib.overlapping_pairs(d["cards"]) or under or uncovered or repeated:
                messy.append((i, lib.overlapping_pairs(d["cards"]), under, uncovered, repeated))
        t.ok(not missing, "%s: a valid dump for each of the %d events" % (name, len(order)),
             "missing or invalid: e%s" % ", e".join("%02d" % i for i in missing[:8]))
        t.ok(not wrong, "%s: PageDown in the panel opens the events in date order" % name, wrong[:3])
        t.ok(not hidden, "%s: each opened event is in view" % name, hidden[:3])
        t.ok(not messy, "%s: with each panel open, no overlap, no card under the panel, every event on screen "
             "once" % name, messy[:2])

sys.exit(t.finish())
EOF
