#!/usr/bin/env bash
# badge.sh: badges open as lists (issue 8), through a replay
# (tests/replay/badge-list.txt) on 30 events of one day plus a few others:
# a click or a tap opens the list of the badge's events, Up/Down/Return walk
# it and open one, a tap on a row opens that one, "zoom in" zooms in at
# least twice, Esc closes it; a lone event's marker opens its story.
# Usage: bash tests/cli/badge.sh PATH_TO_frise SOURCE_DIR
# Prints "N passed, M failed"; exits 1 on any failure, 77 without python3.
set -u

. "$(dirname "$0")/lib.bash"
cli_setup badge "$@"

SAME=$WORK/same-day.json
python3 - "$SAME" <<'PY'
import json
import sys

events = [{"id": "same-%02d" % i, "start": "2000-01-01", "title": "Same day %d" % (i + 1), "importance": 3}
          for i in range(30)]
# Three hours later, less important: the same-day cards leave it no room, and
# it stands apart from their badge, as a lone marker.
events += [{"id": "lone", "start": "2000-01-01T03:00", "title": "A lone event", "importance": 1}]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump({"format": "frise/1", "title": "Thirty on one day", "languages": ["en"], "events": events}, f)
PY

run() {
    local name=$1
    shift
    mkdir -p "$WORK/$name"
    fill "$SRC/tests/replay/badge-list.txt" "$WORK/$name/script.txt" "$@"
    (cd "$WORK/$name" && "$FRISE" "$SAME" --size 1280x720 --view 1999-12-31:2000-01-03 --today 2026-11-28 \
        --replay script.txt >out.txt 2>err.txt; echo $? >rc)
}

run pass1
BADGE=$(centre "$WORK/pass1/b0-start.json" cluster)
run pass2 BADGE="$BADGE"
ROW2=$(centre "$WORK/pass2/b1-list.json" buttons.badge_rows.2)
ZOOM=$(centre "$WORK/pass2/b1-list.json" buttons.badge_zoom)
run final BADGE="$BADGE" ROW2="$ROW2" ZOOM="$ZOOM"
# A lone event's marker, found by a first run.
lone_run() {
    mkdir -p "$WORK/$1"
    printf '%s\n' "$2" >"$WORK/$1/script.txt"
    (cd "$WORK/$1" && "$FRISE" "$SAME" --size 1280x720 --view 1999-12-31:2000-01-03 --replay script.txt \
        >out.txt 2>err.txt; echo $? >rc)
}
lone_run lone0 "0 dump-layout l0.json"
LONE=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
k = [k for k in d["clusters"] if k["ids"] == ["lone"]]
print("%.0f %.0f" % (k[0]["x"], k[0]["y"]) if k else "")' "$WORK/lone0/l0.json")
lone_run lone "$(printf '0.5 click %s\n1.5 dump-layout l1.json' "$LONE")"

python3 - "$WORK" "$SRC" "$LONE" <<'PY'
import json
import os
import sys

work, src, lone = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, os.path.join(src, "tests", "cli"))
import lib

t = lib.Checks("badge")
same = ["same-%02d" % i for i in range(30)]


def dump(run, name):
    return lib.load_dump(t, os.path.join(work, run, name + ".json"), "%s/%s.json is valid JSON" % (run, name))


t.equal(open(os.path.join(work, "final", "rc")).read().strip(), "0", "the replay exits with status 0")
b0, b1 = dump("final", "b0-start"), dump("final", "b1-list")
badge = max(b0["clusters"], key=lambda k: k["count"]) if b0 else None
if b1 is not None and badge:
    bl = b1.get("badge_list", {})
    t.ok(bl.get("open"), "b1: a click on the badge opens its list", bl)
    t.equal(bl.get("ids"), badge["ids"], "b1: the list holds the badge's events, in time order")
    t.equal(bl.get("highlight"), 0, "b1: the first row has the keyboard's focus")
    t.ok(len(b1["buttons"].get("badge_rows", [])) >= 3, "b1: at least three rows show", b1["buttons"].get("badge_rows"))
    t.ok(b1.get("selected") is None, "b1: nothing opens yet")
b2 = dump("final", "b2-down")
if b2 is not None:
    t.equal(b2.get("badge_list", {}).get("highlight"), 2, "b2: Down twice moves the focus to the third row")
b3 = dump("final", "b3-open")
if b3 is not None and badge:
    t.equal(b3.get("selected"), badge["ids"][2], "b3: Return opens the third event")
    t.ok(not b3.get("badge_list", {}).get("open"), "b3: the list closes")
    t.ok(lib.card(b3, badge["ids"][2]) is not None, "b3: the opened event has its card", b3.get("cards"))
b4 = dump("final", "b4-touch")
if b4 is not None:
    t.ok(b4.get("badge_list", {}).get("open") and b4.get("selected") is None,
         "b4: a tap on the badge opens its list (Esc closed the story)", (b4.get("badge_list"), b4.get("selected")))
b5 = dump("final", "b5-row")
if b5 is not None and b4 is not None:
    ids = b4.get("badge_list", {}).get("ids", [])
    t.equal(b5.get("selected"), ids[2] if len(ids) > 2 else None, "b5: a tap on the third row opens that event")
b6 = dump("final", "b6-zoom")
if b6 is not None and b0 is not None:
    t.ok(b6["view"]["px_per_day"] > b0["view"]["px_per_day"], "b6: \"zoom in\" zooms in (as far as a day allows)",
         (b0["view"]["px_per_day"], b6["view"]["px_per_day"]))
    t.ok(not b6.get("badge_list", {}).get("open"), "b6: the list closes")
b7 = dump("final", "b7-closed")
if b7 is not None:
    t.ok(not b7.get("badge_list", {}).get("open"), "b7: Esc closes the list")
if lone:
    l1 = lib.load_dump(t, os.path.join(work, "lone", "l1.json"))
    if l1 is not None:
        t.equal(l1.get("selected"), "lone", "a click on a lone event's marker opens its story")
else:
    t.ok(False, "the lone event is a marker at the start")
sys.exit(t.finish())
PY
