#!/usr/bin/env bash
# cards.sh: the right events in sight (issue 8), through --dump-layout.
#
# Usage: bash tests/cli/cards.sh PATH_TO_frise SOURCE_DIR
#
# 1. The home view of the shipped timeline at 1280x720, 1366x768 and
#    1920x1080, in French and English: the founding events (the opening of
#    relations in 1956, the 1970 coup, the Khmer Rouge takeover and the
#    expulsion of foreigners in 1975, the Soviet aid of the 1980s) are cards,
#    and no unverified claim has a card while a confirmed event is in a badge.
# 2. `--select ID` at 1280x720, for every event of the shipped timeline: the
#    event has its card on the timeline, left of the open story.
# 3. The same in presentation (--present --select ID): the event is the
#    story's anchor, not one more event in a badge.
# 4. 5,000 synthetic events (bench/gen_timeline.py): the home view at
#    1920x1080 shows at least 8 cards, and badges whose counts fit.
# Prints "N passed, M failed"; exits 1 on any failure, 77 without python3.
set -u

. "$(dirname "$0")/lib.bash"
cli_setup cards "$@"

run() {
    local name=$1
    shift
    "$FRISE" "$@" --dump-layout >"$WORK/$name.json" 2>"$WORK/$name.err"
    echo $? >"$WORK/$name.rc"
}

JOBS=$(nproc 2>/dev/null || echo 2)
bg() {
    while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n; done
    run "$@" &
}

for size in 1280x720 1366x768 1920x1080; do
    for lang in fr en; do
        bg "home-$size-$lang" "$TL" --size "$size" --lang "$lang"
    done
done
python3 -c 'import json, sys; print("\n".join(e["id"] for e in json.load(open(sys.argv[1], encoding="utf-8"))["events"]))' \
    "$TL" >"$WORK/ids.txt"
while read -r id; do
    bg "select-$id" "$TL" --size 1280x720 --select "$id"
    bg "present-$id" "$TL" --size 1280x720 --present --select "$id"
done <"$WORK/ids.txt"
python3 "$SRC/bench/gen_timeline.py" 5000 "$WORK/synthetic-5000.json"
bg t5k "$WORK/synthetic-5000.json" --size 1920x1080
wait

python3 - "$WORK" "$SRC" <<'PY'
import json
import os
import sys

work, src = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(src, "tests", "cli"))
import lib

t = lib.Checks("cards")
timeline = lib.timeline_json(src)
events = {e["id"]: e for e in timeline["events"]}
FOUNDING = ["relations-1956", "coup-1970", "khmer-rouge-take-phnom-penh-1975", "foreigners-expelled-1975",
            "soviet-aid-1980s"]


def dump(name):
    rc = open(os.path.join(work, name + ".rc")).read().strip()
    t.equal(rc, "0", "%s: frise exits with status 0" % name)
    return lib.load_dump(t, os.path.join(work, name + ".json"))


def badged(d):
    return [i for k in d.get("clusters", []) for i in k.get("ids", [])]


# ---- 1. the home view -----------------------------------------------------------------
for size in ("1280x720", "1366x768", "1920x1080"):
    for lang in ("fr", "en"):
        name = "home-%s-%s" % (size, lang)
        d = dump(name)
        if d is None:
            continue
        cards = [c["id"] for c in d["cards"]]
        missing = [f for f in FOUNDING if f in events and f not in cards]
        t.ok(not missing, "%s: the founding events are cards" % name, missing)
        confirmed_waiting = [i for i in badged(d) if events[i].get("certainty") != "unverified"]
        unverified = [c for c in cards if events[c].get("certainty") == "unverified"]
        t.ok(not (unverified and confirmed_waiting),
             "%s: no unverified claim has a card while a confirmed event is in a badge" % name,
             (unverified, confirmed_waiting[:3]))
        t.equal(lib.overlapping_pairs(d["cards"]), [], "%s: no two cards overlap" % name)

# ---- 2. --select: the open story's card --------------------------------------------------
without = []
for eid in events:
    d = dump("select-" + eid)
    if d is None:
        continue
    c = lib.card(d, eid)
    x1 = d["regions"]["timeline_x1"]
    if d.get("selected") != eid or c is None or c["x"] < -0.5 or c["x"] + c["w"] > x1 + 0.5:
        without.append(eid)
t.equal(without, [], "--select at 1280x720: every event has its card beside the open story")

# ---- 3. presentation: the story's anchor ------------------------------------------------------
in_badge = []
for eid in events:
    d = dump("present-" + eid)
    if d is None:
        continue
    if d.get("selected") == eid and (d.get("story_anchor") != eid or eid in badged(d)):
        in_badge.append(eid)
t.equal(in_badge, [], "--present --select: the event is the story's anchor, never in a badge")

# ---- 4. 5,000 events ------------------------------------------------------------------------------
d = dump("t5k")
if d is not None:
    t.ok(len(d["cards"]) >= 8, "5,000 events at 1920x1080: at least 8 cards", len(d["cards"]))
    labels = [k.get("label", "") for k in d["clusters"]]
    t.ok(all(len(s) <= 5 for s in labels) and labels, "5,000 events: every badge's count is at most 5 characters",
         [s for s in labels if len(s) > 5])

sys.exit(t.finish())
PY
