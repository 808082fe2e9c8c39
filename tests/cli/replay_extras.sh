#!/usr/bin/env bash
# replay_extras.sh: the search box, the Themes menu, the kiosk's reset of the
# filter and its exit PIN pad, tour captions, span bars and a cluster that no
# zoom can split, through replay scripts (tests/replay/extras-*.txt).
#
# Usage: bash tests/cli/replay_extras.sh PATH_TO_frise SOURCE_DIR
#
# Several scripts are templates: they tap controls whose places are read from
# the layout dump (buttons.*, clusters). Each is run in passes: a line with a
# placeholder (@NAME@) is left out until its value is known from the previous
# pass's dumps; the replay is deterministic, so the last pass, with every line,
# finds the controls where the earlier passes saw them.
# Prints "N passed, M failed"; exits 1 on any failure, 77 without python3.
set -u

. "$(dirname "$0")/lib.bash"
cli_setup replay_extras "$@"

# run NAME TIMELINE TEMPLATE [NAME=VALUE...] -- OPTIONS...: one pass, in $WORK/NAME.
run() {
    local name=$1 timeline=$2 template=$3
    shift 3
    local subs=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do
        subs+=("$1")
        shift
    done
    [ $# -gt 0 ] && shift
    rm -rf "${WORK:?}/$name"
    mkdir -p "$WORK/$name"
    fill "$template" "$WORK/$name/script.txt" ${subs[@]+"${subs[@]}"}
    (cd "$WORK/$name" && "$FRISE" "$timeline" --today 2026-11-28 --size 1280x720 "$@" --replay script.txt \
        >stdout 2>stderr; echo $? >rc)
}

# The Themes menu's row for "conflict": rows follow the timeline's categories.
CONFLICT=$(python3 -c '
import json, sys
cats = [c["id"] for c in json.load(open(sys.argv[1], encoding="utf-8")).get("categories", [])]
print(cats.index("conflict") if "conflict" in cats else "")' "$TL")

themes() {
    local t=$REPLAY/extras-themes.txt themes row
    run themes-1 "$TL" "$t" --
    themes=$(centre "$WORK/themes-1/t0-closed.json" buttons.themes)
    run themes-2 "$TL" "$t" THEMES="$themes" --
    row=$(centre "$WORK/themes-2/t1-open.json" "buttons.theme_rows.$CONFLICT")
    run themes "$TL" "$t" THEMES="$themes" ROW="$row" --
}

kiosk_reset() {
    local t=$REPLAY/extras-kiosk-reset.txt themes row
    run reset-1 "$TL" "$t" -- --kiosk --idle-seconds 20
    themes=$(centre "$WORK/reset-1/r1-visitor.json" buttons.themes)
    run reset-2 "$TL" "$t" THEMES="$themes" -- --kiosk --idle-seconds 20
    row=$(centre "$WORK/reset-2/r2-menu.json" "buttons.theme_rows.$CONFLICT")
    run reset "$TL" "$t" THEMES="$themes" ROW="$row" -- --kiosk --idle-seconds 20
}

pin() {
    local t=$REPLAY/extras-pin.txt p=$WORK/pin-1/p1-pad.json
    run pin-1 "$TL" "$t" -- --kiosk --exit-pin 2468
    # buttons.pin_keys: 1-9, cancel, 0, OK
    run pin "$TL" "$t" K2="$(centre "$p" buttons.pin_keys.1)" K4="$(centre "$p" buttons.pin_keys.3)" \
        K6="$(centre "$p" buttons.pin_keys.5)" K8="$(centre "$p" buttons.pin_keys.7)" \
        K9="$(centre "$p" buttons.pin_keys.8)" OK="$(centre "$p" buttons.pin_keys.11)" -- --kiosk --exit-pin 2468
}

# 30 events on one day.
SAME=$WORK/same-day.json
python3 - "$SAME" <<'EOF'
import json
import sys

events = [{"id": "same-%02d" % i, "start": "2000-01-01", "title": "Same day %d" % (i + 1)} for i in range(30)]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump({"format": "frise/1", "title": "Thirty on one day", "languages": ["en"], "events": events}, f, indent=1)
EOF

cluster() {
    local t=$REPLAY/extras-cluster.txt badge badge2
    run cluster-1 "$SAME" "$t" -- --view 1999-12-31:2000-01-03
    badge=$(centre "$WORK/cluster-1/c0-start.json" cluster)
    run cluster-2 "$SAME" "$t" BADGE="$badge" -- --view 1999-12-31:2000-01-03
    badge2=$(centre "$WORK/cluster-2/c2-zoom20.json" cluster)
    run cluster "$SAME" "$t" BADGE="$badge" BADGE2="$badge2" -- --view 1999-12-31:2000-01-03
}

run search "$TL" "$REPLAY/extras-search.txt" -- &
run tour "$TL" "$REPLAY/extras-tour.txt" -- --present --tour ten-steps &
run spans-view "$TL" "$REPLAY/extras-spans.txt" -- --view 2008:2011 &
run spans-home "$TL" "$REPLAY/extras-spans.txt" -- &
themes &
kiosk_reset &
pin &
cluster &
wait

python3 - "$WORK" "$SRC" "$CONFLICT" <<'EOF'
import os
import sys

work, src, conflict_row = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, os.path.join(src, "tests", "cli"))
import lib

t = lib.Checks("replay_extras")
timeline = lib.timeline_json(src)
category = {e["id"]: e.get("category") for e in timeline["events"]}
category_ids = [c["id"] for c in timeline.get("categories", [])]
steps = timeline["tours"][0]["steps"]
default_lang = timeline["languages"][0]






def ran(run, status=0, why="exits with status 0"):
    t.equal(rc(run), status, "%s: frise %s" % (run, why))
    t.equal(errors(run).strip(), "", "%s: nothing on stderr" % run)


def exists(run, name):
    return os.path.exists(os.path.join(work, run, name))


runs = lib.Runs(t, work)
rc, errors, dump = runs.rc, runs.errors, runs.dump


def shown_ids(d):
    """Every event id drawn as a card or standing in a cluster."""
    return [c["id"] for c in d.get("cards", [])] + [i for k in d.get("clusters", []) for i in k.get("ids", [])]


def rects(d, which):
    return [r.get("rect", r) for r in d.get("buttons", {}).get(which, [])]


# ---- 1. search ---------------------------------------------------------------------------

ran("search")
s1 = dump("search", "s1-typed")
if s1 is not None:
    s = s1.get("search", {})
    t.equal((s.get("open"), s.get("query")), (True, "hopital"), "s1: `/` opens the search, the query is \"hopital\"")
    res = s.get("results") or []
    t.ok(len(res) >= 2, "s1: \"hopital\" finds at least two events", res)
    t.equal(res[:1], ["friendship-hospital-1960"],
            "s1: the first result is friendship-hospital-1960 (\"hôpital\" in its title)")
    t.ok(all(r in category for r in res), "s1: every result is an event of the timeline", res)
s2 = dump("search", "s2-still")
if s2 is not None:
    t.equal(s2["lang"], default_lang, "s2: `key l` while the search is open does not switch language")
    t.equal(s2.get("search", {}).get("open"), True, "s2: the search is still open after `key l` and `key q`")
    t.equal(s2.get("search", {}).get("query"), "hopital", "s2: `key l` and `key q` type nothing into the query")
s3 = dump("search", "s3-chosen")
if s2 is not None and s3 is not None:
    res = s2.get("search", {}).get("results") or []
    t.equal(s3["selected"], res[1] if len(res) > 1 else "(no second result)",
            "s3: Down, Return opens the second result of s2")
    t.equal(s3.get("search", {}).get("open"), False, "s3: Return closes the search")
s4 = dump("search", "s4-nothing")
if s4 is not None:
    s = s4.get("search", {})
    t.equal((s.get("open"), s.get("query"), s.get("results")), (True, "zzzz", []),
            "s4: Ctrl+F opens the search, \"zzzz\" finds nothing")
s5 = dump("search", "s5-closed")
if s5 is not None:
    s = s5.get("search", {})
    t.equal((s.get("open"), s.get("query")), (False, ""), "s5: Escape closes the search and clears the query")
t.ok(s5 is not None, "search: `key q` in the search box did not quit (the later dumps were written)")

# ---- 2. the Themes menu ------------------------------------------------------------------

t.ok(conflict_row != "", "data/timeline.json has the category \"conflict\"", category_ids)
ran("themes")
t0 = dump("themes", "t0-closed")
if t0 is not None:
    t.equal((t0.get("themes_open"), t0.get("hidden_categories")), (False, []), "t0: the menu is closed, nothing hidden")
    t.ok(any(category.get(i) == "conflict" for i in shown_ids(t0)), "t0: conflict events are shown at first")
t1 = dump("themes", "t1-open")
if t1 is not None:
    t.equal(t1.get("themes_open"), True, "t1: a click on buttons.themes opens the menu")
    t.equal(len(rects(t1, "theme_rows")), len(category_ids),
            "t1: buttons.theme_rows has one row per category (%d)" % len(category_ids))
t2 = dump("themes", "t2-hidden")
if t2 is not None:
    t.equal(t2.get("hidden_categories"), ["conflict"], "t2: a click on the row of \"conflict\" hides it")
    shown = [i for i in shown_ids(t2) if category.get(i) == "conflict"]
    t.equal(shown, [], "t2: no card or cluster member is a conflict event")
    t.ok(len(shown_ids(t2)) > 0, "t2: the other events are still shown")
    t.equal(t2.get("themes_open"), True, "t2: the menu stays open")
t3 = dump("themes", "t3-shown")
if t3 is not None:
    t.equal(t3.get("hidden_categories"), [], "t3: a second click shows \"conflict\" again")
    t.ok(any(category.get(i) == "conflict" for i in shown_ids(t3)), "t3: conflict events are back")
    if t0 is not None:
        t.equal(sorted(shown_ids(t3)), sorted(shown_ids(t0)), "t3: the same events are shown as before the filter")

# ---- 3. the kiosk's reset clears the filter -----------------------------------------------

ran("reset")
r = dump("reset", "r0-attract")
if r is not None:
    t.equal(r["kiosk_state"], "attract", "r0: the kiosk starts in attract")
r = dump("reset", "r1-visitor")
if r is not None:
    t.equal((r["kiosk_state"], r["selected"]), ("visitor", None), "r1: a tap wakes the kiosk, no card open")
r = dump("reset", "r2-menu")
if r is not None:
    t.equal(r.get("themes_open"), True, "r2: the kiosk's Themes button opens the menu")
    t.equal(len(rects(r, "theme_rows")), len(category_ids), "r2: one row per category")
r = dump("reset", "r3-hidden")
if r is not None:
    t.equal(r.get("hidden_categories"), ["conflict"], "r3: the visitor hid \"conflict\"")
r = dump("reset", "r4-idle")
if r is not None:
    t.equal((r["kiosk_state"], r["selected"], r.get("hidden_categories"), r.get("themes_open")),
            ("visitor", None, ["conflict"], True), "r4: idle 19.4 s: still the visitor's, filtered, menu open")
r = dump("reset", "r5-reset")
if r is not None:
    t.equal(r["kiosk_state"], "attract", "r5: idle 20 s with no card open: attract")
    t.equal(r.get("hidden_categories"), [], "r5: the reset clears the hidden categories")
    t.equal(r.get("themes_open"), False, "r5: the reset closes the Themes menu")
    t.equal(r["lang"], default_lang, "r5: the default language")

# ---- 4. the exit PIN pad --------------------------------------------------------------------

ran("pin", why="exits with status 0 after the right PIN and OK")
p = dump("pin", "p1-pad")
if p is not None:
    t.equal(p.get("pin_pad"), True, "p1: a 6 s press in the top-left corner opens the PIN pad")
    t.equal(len(rects(p, "pin_keys")), 12, "p1: buttons.pin_keys has 12 keys")
p = dump("pin", "p2-wrong")
if p is not None:
    t.equal((p.get("pin_pad"), p["mode"], p["pin"]["state"]), (True, "kiosk", "wrong"),
            "p2: a wrong PIN (2469) and OK say so and keep the pad open for another try; the kiosk runs on")
p = dump("pin", "p3-pad")
if p is not None:
    t.equal(p.get("pin_pad"), True, "p3: the long press opens the pad again")
p = dump("pin", "p4-typed")
if p is not None:
    t.equal(p.get("pin_pad"), True, "p4: the right digits alone do not exit: the pad waits for OK")
t.ok(exists("pin", "p4-typed.json") and not exists("pin", "p5-after-exit.json")
     and not exists("pin", "p6-after-exit.json"), "pin: nothing is dumped after 2468 and OK (Frise exited)")

# ---- 5. tour captions -----------------------------------------------------------------------

ran("tour")
for name, i in (("c1-step1", 0), ("c2-step2", 1)):
    d = dump("tour", name)
    if d is None:
        continue
    t.equal((d["step"], d["selected"]), (i + 1, steps[i]["event"]), "%s: step %d, %s" % (name, i + 1, steps[i]["event"]))
    want = steps[i]["caption"]
    want = want.get("fr") if isinstance(want, dict) else want
    t.equal(d.get("caption"), want, "%s: the caption is the step's, in French" % name)
pngs = lib.analyse_pngs([(os.path.join(work, "tour", n + ".png"), ()) for n in ("c1-step1", "c2-step2")])
for path in sorted(pngs):
    lib.check_png(t, pngs[path], 1280, 720, what="tour/" + os.path.basename(path))

# ---- 6. span bars ---------------------------------------------------------------------------

ran("spans-view")
d = dump("spans-view", "spans")
if d is not None:
    x0, x1 = d["regions"]["timeline_x0"], d["regions"]["timeline_x1"]
    spans = {s["id"]: s for s in d.get("spans", [])}
    s = spans.get("agreements-2005-2014")
    if t.ok(s is not None, "--view 2008:2011: spans lists agreements-2005-2014 (2005-2014)", sorted(spans)):
        t.near(s["x0"], x0, 1.0, "--view 2008:2011: its bar starts at the left edge")
        t.ok(s["x1"] > s["x0"], "--view 2008:2011: its bar has a length", s)
        t.ok(s["x1"] >= x1 - 1.0, "--view 2008:2011: its bar reaches the right edge (it ends in 2014)", s)
    off = [s["id"] for s in d.get("spans", []) if s["x1"] < x0 or s["x0"] > x1]
    t.equal(off, [], "--view 2008:2011: no span bar is wholly off screen")
ran("spans-home")
d = dump("spans-home", "spans")
if d is not None:
    spans = {s["id"]: s for s in d.get("spans", [])}
    s = spans.get("soviet-aid-1980s")
    if t.ok(s is not None, "the whole view: spans lists soviet-aid-1980s", sorted(spans)):
        t.ok(s["x1"] > s["x0"], "the whole view: soviet-aid-1980s has a length", s)
        t.near(s["x0"], lib.x_of(d, lib.iso_days("1979-01-01")), 2.0, "the whole view: soviet-aid-1980s starts at 1979")

# ---- 7. a cluster that no zoom splits ---------------------------------------------------------

same = {"same-%02d" % i for i in range(30)}
ran("cluster")
c0 = dump("cluster", "c0-start")
if c0 is not None:
    t.ok(any(k["count"] >= 2 for k in c0.get("clusters", [])), "c0: the 30 same-day events make a cluster",
         c0.get("clusters"))
c1 = dump("cluster", "c1-zoom10")
c2 = dump("cluster", "c2-zoom20")
badge = None
if c0 is not None and c1 is not None:
    t.ok(c1["view"]["px_per_day"] > c0["view"]["px_per_day"], "c1: the wheel zoomed in",
         (c0["view"]["px_per_day"], c1["view"]["px_per_day"]))
if c1 is not None and c2 is not None:
    t.near(c2["view"]["px_per_day"], c1["view"]["px_per_day"], 1e-6 * c1["view"]["px_per_day"],
           "c2: zoomed in as far as it goes (ten more wheel lines change nothing)")
if c2 is not None:
    clusters = c2.get("clusters", [])
    if t.ok(len(clusters) > 0, "c2: at the deepest zoom the cluster is still there"):
        badge = max(clusters, key=lambda k: k["count"])
        t.ok(badge["count"] >= 2 and set(badge["ids"]) <= same, "c2: its badge stands for same-day events", badge)
c3 = dump("cluster", "c3-open")
if c3 is not None:
    t.ok(c3["selected"] in (set(badge["ids"]) if badge else same),
         "c3: a tap on the badge opens one of its events", c3["selected"])
c4 = dump("cluster", "c4-next")
if c3 is not None and c4 is not None:
    t.ok(c4["selected"] in same and c4["selected"] != c3["selected"],
         "c4: PageDown moves to another of the same-day events", (c3["selected"], c4["selected"]))

sys.exit(t.finish())
EOF
