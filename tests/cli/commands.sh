#!/usr/bin/env bash
# commands.sh: the commands without a window, from the outside: convert
# between formats and back (every event kept; an existing file never
# replaced), the text version in Markdown and HTML, the visitor statistics'
# summary, and their usage errors (exit 2).
#
#   bash tests/cli/commands.sh PATH_TO_frise SOURCE_DIR
. "$(dirname "$0")/lib.bash"
cli_setup commands "$@"

passed=0
failed=0
ok() { if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $CHECK"; fi; }
run() { "$FRISE" "$@" >"$WORK/out" 2>"$WORK/err"; status=$?; }
events() { python3 -c "import json,sys; print(len(json.load(open(sys.argv[1], encoding='utf-8'))['events']))" "$1"; }
want=$(events "$TL")
# A timeline and its pictures, side by side as an author keeps them: the
# converted files are written beside it, so their image paths still lead there.
cp "$TL" "$WORK/shipped.json"
cp -r "$SRC/data/images" "$WORK/images"
TL="$WORK/shipped.json"

# convert: our JSON -> CSV -> our JSON keeps every event, with no problem
CHECK="convert to CSV exits 0"; run convert "$TL" "$WORK/tl.csv"; ok [ "$status" = 0 ]
CHECK="convert says what the CSV cannot hold (tours)"; ok grep -q "tours" "$WORK/err"
CHECK="convert back to JSON exits 0"; run convert "$WORK/tl.csv" "$WORK/back.json"; ok [ "$status" = 0 ]
CHECK="the round trip keeps every event ($want)"; ok [ "$(events "$WORK/back.json")" = "$want" ]
CHECK="the file written back has no problem"; run --check "$WORK/back.json"; ok [ "$status" = 0 ]
CHECK="a TimelineJS target by name"; run convert "$TL" "$WORK/tjs.json" --to timelinejs; ok [ "$status" = 0 ]
CHECK="the TimelineJS file opens with every event"; run --check "$WORK/tjs.json"
ok grep -q "^$WORK/tjs.json: $want events" "$WORK/out"

# never over the user's file
echo "mine" >"$WORK/mine.json"
CHECK="convert refuses an existing OUT (exit 1)"; run convert "$TL" "$WORK/mine.json"; ok [ "$status" = 1 ]
CHECK="and says so"; ok grep -q "exists already" "$WORK/err"
CHECK="and the file is untouched"; ok [ "$(cat "$WORK/mine.json")" = "mine" ]
CHECK="no .part file is left"; ok [ ! -e "$WORK/mine.json.part" ]
CHECK="a spreadsheet as IN, opened by frise too"; run --check "$WORK/tl.csv"; ok [ "$status" = 0 ]

# the text version
CHECK="--export-text HTML exits 0"; run "$TL" --export-text "$WORK/t.html" --lang en; ok [ "$status" = 0 ]
CHECK="one article per event"; ok [ "$(grep -c '<article ' "$WORK/t.html")" = "$want" ]
CHECK="the page says its language"; ok grep -q '<html lang="en">' "$WORK/t.html"
CHECK="--export-text Markdown in Russian"; run "$TL" --export-text "$WORK/t.md" --lang ru; ok [ "$status" = 0 ]
CHECK="one heading per event"; ok [ "$(grep -c '^### ' "$WORK/t.md")" = "$want" ]
CHECK="an unknown language is refused (exit 2)"; run "$TL" --export-text "$WORK/x.md" --lang de; ok [ "$status" = 2 ]
CHECK="the export never replaces a file"; run "$TL" --export-text "$WORK/t.md"; ok [ "$status" = 1 ]

# statistics of a folder with no visits yet: said, exit 1
mkdir -p "$WORK/stats"
CHECK="--stats DIR alone reads DIR (none yet: exit 1)"; run --stats "$WORK/stats"; ok [ "$status" = 1 ]
CHECK="and says there are none"; ok grep -q "no statistics in" "$WORK/err"

# S: a picture of the view in the pictures folder, never over another; the kiosk saves none
mkdir -p "$WORK/pictures" "$WORK/run"
printf '0 key s\n0.5 key s\n1 dump-layout d.json\n' >"$WORK/run/s.txt"
(cd "$WORK/run" && XDG_PICTURES_DIR="$WORK/pictures" "$FRISE" "$TL" --size 1280x720 --lang en --replay s.txt >out 2>err)
CHECK="S twice saves two pictures"; ok [ "$(ls "$WORK/pictures" | grep -c '^frise-.*\.png$')" = 2 ]
CHECK="and says where"; ok grep -q "Picture saved: $WORK/pictures/frise-" "$WORK/run/d.json"
rm -f "$WORK/pictures"/*
# the header's camera does the same, with a tooltip on hover, and says so in the reader's language
printf '0 dump-layout c0.json\n' >"$WORK/run/c0.txt"
(cd "$WORK/run" && "$FRISE" "$TL" --size 1280x720 --lang ru --replay c0.txt >out 2>err)
CAMERA=$(centre "$WORK/run/c0.json" buttons.picture)
CHECK="the explorer's header has a camera button"; ok [ -n "$CAMERA" ]
printf '0 move %s\n2 dump-layout c1.json\n2 screenshot tip.png\n2.1 click %s\n2.5 dump-layout c2.json\n2.6 leave\n2.7 dump-layout c1b.json\n' \
    "$CAMERA" "$CAMERA" >"$WORK/run/c.txt"
(cd "$WORK/run" && XDG_PICTURES_DIR="$WORK/pictures" "$FRISE" "$TL" --size 1280x720 --lang ru --replay c.txt >out 2>err)
CHECK="the mouse resting on it shows what it does"; ok python3 -c 'import json, sys; d = json.load(open(sys.argv[1], encoding="utf-8")); sys.exit((d.get("tooltip") or {}).get("kind") != "picture")' "$WORK/run/c1.json"
CHECK="the tooltip goes when the mouse leaves the window"
ok python3 -c 'import json, sys; d = json.load(open(sys.argv[1], encoding="utf-8")); sys.exit(d.get("tooltip") is not None)' "$WORK/run/c1b.json"
CHECK="a click on it saves a picture"; ok [ "$(ls "$WORK/pictures" | grep -c '^frise-.*\.png$')" = 1 ]
# The tooltip is a dark box under the button: there in the screen's picture
# while the mouse rests, never in the saved one (which drew no pointer marks).
CHECK="the saved picture shows the view, not the camera's tooltip"
ok python3 - "$SRC/tests/cli" "$WORK/run/tip.png" "$(ls "$WORK/pictures"/frise-*.png 2>/dev/null | head -1)" "$WORK/run/c0.json" <<'PY'
import json
import sys

sys.path.insert(0, sys.argv[1])
import pnglib

b = json.load(open(sys.argv[4], encoding="utf-8"))["buttons"]["picture"]
x, y = int(b["x"] + b["w"] / 2 - 20), int(b["y"] + b["h"] + 12)
dark = lambda p: sum(p) < 3 * 100
shown, saved = pnglib.read(sys.argv[2]).pixel(x, y), pnglib.read(sys.argv[3]).pixel(x, y)
sys.exit(not (dark(shown) and not dark(saved)))
PY
CHECK="and says where, in Russian"; ok grep -q "Изображение сохранено: $WORK/pictures/frise-" "$WORK/run/c2.json"
rm -f "$WORK/pictures"/*
(cd "$WORK/run" && XDG_PICTURES_DIR="$WORK/pictures" "$FRISE" "$TL" --kiosk --size 1280x720 --replay s.txt >out 2>err)
CHECK="the kiosk saves no picture"; ok [ -z "$(ls "$WORK/pictures")" ]

# usage errors
CHECK="convert with one file: exit 2"; run convert "$TL"; ok [ "$status" = 2 ]
CHECK="an unknown --to: exit 2"; run convert "$TL" "$WORK/x.pdf" --to pdf; ok [ "$status" = 2 ]

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
