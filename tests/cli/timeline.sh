#!/usr/bin/env bash
# timeline.sh: the timeline area's smaller items (issue 8), through a replay
# (tests/replay/timeline-area.txt) on the shipped timeline at 1366x768: a
# badge under the mouse has a tooltip; hiding every theme leaves a message
# and a "Show all" button (no card, no badge), which shows them all again;
# cards say how many lines their titles take. A one-day view dates the left
# end of its axis.
# Usage: bash tests/cli/timeline.sh PATH_TO_frise SOURCE_DIR
# Prints "N passed, M failed"; exits 1 on any failure, 77 without python3.
set -u

. "$(dirname "$0")/lib.bash"
cli_setup timeline "$@"

run() {
    local name=$1
    shift
    mkdir -p "$WORK/$name"
    fill "$REPLAY/timeline-area.txt" "$WORK/$name/script.txt" "$@"
    (cd "$WORK/$name" && "$FRISE" "$TL" --size 1366x768 --lang en --today 2026-11-28 \
        --replay script.txt >out.txt 2>err.txt; echo $? >rc)
}

run pass1
BADGE=$(centre "$WORK/pass1/t0-start.json" cluster)
THEMES=$(centre "$WORK/pass1/t0-start.json" buttons.themes)
run pass2 BADGE="$BADGE" THEMES="$THEMES"
ROWS=()
for i in 0 1 2 3 4; do ROWS+=("ROW$i=$(centre "$WORK/pass2/t2-menu.json" buttons.theme_rows.$i)"); done
run pass3 BADGE="$BADGE" THEMES="$THEMES" "${ROWS[@]}"
SHOWALL=$(centre "$WORK/pass3/t3-hidden.json" buttons.show_all)
run final BADGE="$BADGE" THEMES="$THEMES" "${ROWS[@]}" SHOWALL="$SHOWALL"

# A day seen whole: the axis's hours are dated at the left end.
mkdir -p "$WORK/day"
(cd "$WORK/day" && "$FRISE" "$TL" --size 1280x720 --lang en --view 1970-03-17:1970-03-19 --dump-layout \
    >day.json 2>err.txt; echo $? >rc)

python3 - "$WORK" "$SRC" <<'PY'
import json
import os
import sys

work, src = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(src, "tests", "cli"))
import lib

t = lib.Checks("timeline")


def dump(name):
    return lib.load_dump(t, os.path.join(work, "final", name + ".json"), "final/%s.json is valid JSON" % name)


t.equal(open(os.path.join(work, "final", "rc")).read().strip(), "0", "the replay exits with status 0")
t0 = dump("t0-start")
if t0 is not None:
    cards = t0.get("cards", [])
    t.ok(cards and all(c.get("title_lines") in (1, 2, 3) for c in cards), "t0: every card says its title's lines", cards)
    t.ok(all(isinstance(c.get("title_cut"), bool) for c in cards), "t0: and whether its title is cut")
    t.ok(t0.get("tooltip") is None, "t0: no tooltip before the mouse moves", t0.get("tooltip"))
    b = t0.get("buttons", {})
    t.ok(all(b[k]["h"] >= 32 for k in ("help", "search", "themes") if k in b), "t0: header buttons of 32 px or more", b)
    t.ok(all(r["h"] >= 32 for r in b.get("languages", [])), "t0: language buttons of 32 px or more")
t1 = dump("t1-badge")
if t1 is not None and t0 is not None:
    tip = t1.get("tooltip") or {}
    badge = max(t0["clusters"], key=lambda k: k["count"]) if t0.get("clusters") else {}
    t.equal(tip.get("kind"), "badge", "t1: the badge under the mouse has its tooltip")
    t.equal(tip.get("count"), badge.get("count"), "t1: the tooltip counts the badge's events")
    t.equal(tip.get("id"), (badge.get("ids") or [None])[0], "t1: and names its first event")
t3 = dump("t3-hidden")
if t3 is not None:
    t.equal(len(t3.get("hidden_categories", [])), 5, "t3: every theme is hidden")
    t.equal(len(t3.get("cards", [])) + len(t3.get("clusters", [])), 0, "t3: no card, no badge")
    t.ok("show_all" in t3.get("buttons", {}), "t3: a Show all button is there", t3.get("buttons"))
    t.ok(not t3.get("themes_open"), "t3: the menu is closed")
t4 = dump("t4-shown")
if t4 is not None:
    t.equal(t4.get("hidden_categories"), [], "t4: Show all shows every theme again")
    t.ok(len(t4.get("cards", [])) > 0, "t4: the cards are back")
    t.ok("show_all" not in t4.get("buttons", {}), "t4: the button is gone")
day = lib.load_dump(t, os.path.join(work, "day", "day.json"), "day.json is valid JSON")
if day is not None:
    t.ok(day.get("view", {}).get("from", "").startswith("1970-03-17"), "day: the view starts on 17 March", day.get("view"))
    t.ok(any(c["id"] == "coup-1970" for c in day.get("cards", [])), "day: the coup has its card")
sys.exit(t.finish())
PY
