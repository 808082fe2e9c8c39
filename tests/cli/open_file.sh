#!/usr/bin/env bash
# open_file.sh: opening another timeline from the app. Ctrl+O shows the
# app's own list when no desktop chooser runs (a replay never starts one):
# the recent timelines that still exist, then the timeline files of the
# open one's folder (not itself, not hidden files, not other kinds); Down
# and Enter, or a tap on a row, open one; Esc closes the list; the kiosk
# has no Ctrl+O. A file dropped on the window ("drop" in a replay) opens
# too, and a broken one leaves the timeline on screen with its problems.
# Headless runs never write the recent list. Prints "N passed, M failed".
set -u
. "$(dirname "$0")/lib.bash"
cli_setup open_file "$@"
[ -n "${KEEP_WORK:-}" ] && trap - EXIT

passed=0; failed=0
check() { if [ "$1" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $2"; fi; }

mkdir -p "$WORK/tl/sub" "$WORK/elsewhere" "$WORK/cfg/frise"
cp "$SRC/tests/data/good/full.json" "$WORK/tl/a.json"
cp "$SRC/tests/data/good/minimal.json" "$WORK/tl/b.json"
cp "$SRC/tests/data/good/minimal.json" "$WORK/tl/.hidden.json"
cp "$SRC/tests/data/good/minimal.json" "$WORK/tl/sub/deeper.json"
echo "not a timeline" > "$WORK/tl/notes.txt"
cp "$SRC/tests/data/good/timelinejs.json" "$WORK/elsewhere/c.json"
printf '{"format": "frise/1", "title": "broken",\n' > "$WORK/tl/broken.json"
printf '%s\n' "$WORK/elsewhere/c.json" "/nonexistent/gone.json" > "$WORK/cfg/frise/recent"
cp "$WORK/cfg/frise/recent" "$WORK/recent.before"
export XDG_CONFIG_HOME="$WORK/cfg"

# run NAME SCRIPT [ARGS...]: replays SCRIPT (its text) on a.json from the tl folder.
run() {
    local name=$1 script=$2; shift 2
    printf '%s\n' "$script" > "$WORK/$name.txt"
    (cd "$WORK/tl" && "$FRISE" a.json --size 1366x768 --today 2026-11-28 --replay "$WORK/$name.txt" \
        --out "$WORK" "$@" 2>"$WORK/$name.err")
}

# ask NAME PYTHON: runs a check on the dumps (d(name) loads $WORK/name.json).
ask() {
    python3 - "$WORK" "$2" <<'PY'
import json, sys
work, expr = sys.argv[1], sys.argv[2]
def d(name): return json.load(open("%s/%s.json" % (work, name)))
def ids(name): return sorted(c["id"] for c in d(name)["cards"]) + sorted(i for k in d(name)["clusters"] for i in k.get("ids", []))
sys.exit(0 if eval(expr) else 1)
PY
}

run list $'0.5 key ctrl+o\n0.6 dump-layout list.json\n0.7 key down\n0.8 key return\n1.5 dump-layout chosen.json'
check $? "a replay with Ctrl+O runs (stderr: $(tail -c 300 "$WORK/list.err"))"
ask list 'd("list")["open_list"]["open"]'; check $? "Ctrl+O opens the app's own list"
ask list '[r["name"] for r in d("list")["open_list"]["rows"]] == ["c.json", "b.json", "broken.json"]'
check $? "the list: the recent file that exists first, then the folder's timeline files by name (not the open one, hidden files, other kinds or subfolders): $(python3 -c "import json;print([r['name'] for r in json.load(open('$WORK/list.json'))['open_list']['rows']])")"
ask list '[r["recent"] for r in d("list")["open_list"]["rows"]] == [True, False, False]'; check $? "the recent file is marked recent"
ask list 'd("list")["open_list"]["folder"].endswith("/tl") and d("list")["open_list"]["highlight"] == 0'
check $? "the list names the open timeline's folder, its first row highlighted"
ask list 'not d("chosen")["open_list"]["open"] and "moon-landing" in ids("chosen") and "sputnik-1" not in ids("chosen")'
check $? "Down and Enter open the second row (b.json) and close the list"

run tap-first $'0.5 key ctrl+o\n0.6 dump-layout tap-first.json'
xy=$(centre "$WORK/tap-first.json" open_list.rows.0)
run tap $"0.5 key ctrl+o
0.7 tap $xy
1.5 dump-layout tapped.json"
ask tapped '"kennedy-speech" in ids("tapped") and "halley-240bc" not in ids("tapped") and not d("tapped")["open_list"]["open"]'
check $? "a tap on the first row ($xy) opens the recent file (c.json)"

run escape $'0.5 key ctrl+o\n0.7 key escape\n0.8 dump-layout escaped.json'
ask escaped 'not d("escaped")["open_list"]["open"] and "sputnik-1" in ids("escaped")'
check $? "Esc closes the list and keeps the timeline"

run outside $'0.5 key ctrl+o\n0.7 tap 20 400\n0.8 dump-layout outside.json'
ask outside 'not d("outside")["open_list"]["open"] and "sputnik-1" in ids("outside") and d("outside")["selected"] is None'
check $? "a tap outside the list closes it and does nothing behind it"

run kiosk $'0.5 key ctrl+o\n0.6 dump-layout kiosk.json' --kiosk
ask kiosk 'not d("kiosk")["open_list"]["open"]'; check $? "the kiosk has no Ctrl+O"

run drop $'0.5 drop b.json\n1.0 dump-layout dropped.json\n1.5 drop broken.json\n2.0 dump-layout broken.json'
ask drop '"moon-landing" in ids("dropped") and "sputnik-1" not in ids("dropped")'
check $? "a dropped file opens in place of the timeline"
ask drop '"moon-landing" in ids("broken") and "broken.json" in (d("broken")["banner"] or "")'
check $? "a broken dropped file leaves the timeline on screen and says why"

cmp -s "$WORK/cfg/frise/recent" "$WORK/recent.before"
check $? "headless runs leave the recent list as it was"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
