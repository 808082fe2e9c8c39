#!/usr/bin/env bash
# keyboard.sh: the keyboard alone reaches and uses the header's controls
# (help, languages, Themes and its rows, search) and the cards, through a
# replay of keys only (tests/replay/keyboard-only.txt), checked on the layout
# dumps.
#
# Usage: bash tests/cli/keyboard.sh PATH_TO_frise SOURCE_DIR
# Prints "N passed, M failed"; exits 1 on any failure, 77 without python3.
set -u

. "$(dirname "$0")/lib.bash"
cli_setup keyboard "$@"

(cd "$WORK" && "$FRISE" "$TL" --today 2026-11-28 --size 1366x768 --lang fr --replay "$REPLAY/keyboard-only.txt" \
    >stdout 2>stderr; echo $? >rc)

python3 - "$WORK" "$SRC" <<'PY'
import json, os, sys
sys.path.insert(0, os.path.join(sys.argv[2], "tests", "cli"))
from lib import Checks, load_dump

work = sys.argv[1]
t = Checks("keyboard")
with open(os.path.join(work, "rc")) as f:
    t.equal(f.read().strip(), "0", "the replay runs")
with open(os.path.join(sys.argv[2], "data", "timeline.json"), encoding="utf-8") as f:
    tl = json.load(f)
langs, cats = tl["languages"], [c["id"] for c in tl.get("categories", [])]

def dump(name):
    return load_dump(t, os.path.join(work, name)) or {}

t.equal(dump("k1-help.json").get("help"), True, "Shift+Tab, Enter: the help button opens the help")
t.equal(dump("k2-help-still.json").get("help"), True, "R in the help leaves it open")
k2c = dump("k2-camera.json")
t.equal((k2c.get("focus") or {}).get("kind"), "picture", "Shift+Tab past help: the camera button")
t.ok("picture" in (k2c.get("buttons") or {}), "the explorer's header has the camera button")
t.equal(dump("k3-lang.json").get("lang"), langs[-1], "Shift+Tab, Enter: the last language button switches")
k4 = dump("k4-themes.json")
t.equal(k4.get("themes_open"), True, "Tab to Themes, Enter: the menu opens")
t.equal(k4.get("hidden_categories"), cats[:1], "Enter in the menu: its first row hides the first category")
k5 = dump("k5-search.json").get("search", {})
t.equal(k5.get("open"), True, "Shift+Tab to search, Enter: the field opens")
t.ok(len(k5.get("results", [])) > 0, "typing finds events", k5)
k6 = dump("k6-story.json")
t.ok(k6.get("selected") is not None and k6.get("selected") == k6.get("focused"),
     "Tab wraps to a card and Enter opens its story", (k6.get("selected"), k6.get("focused")))
sys.exit(t.finish())
PY
