#!/usr/bin/env bash
# kiosk_qr.sh: in the kiosk, where no link can be followed, a story's web
# sources carry QR codes that a phone can read: a visitor wakes the kiosk,
# taps the 1956 card and scrolls the story to its sources; a real reader
# (zbarimg, Debian's zbar-tools) decodes the picture and finds the sources'
# addresses. The explorer, where links open, draws none.
# Usage: bash tests/cli/kiosk_qr.sh PATH_TO_frise SOURCE_DIR
# Prints "N passed, M failed"; exits 1 on any failure, 77 without python3 or zbarimg.
set -u

. "$(dirname "$0")/lib.bash"
cli_setup kiosk_qr "$@"
command -v zbarimg >/dev/null 2>&1 || { echo "zbarimg not found (zbar-tools): skipped"; exit 77; }

passed=0 failed=0
ok() { if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $CHECK"; fi; }

EVENT=relations-1956
# play NAME X FLAGS...: the visitor's gestures, in $WORK/NAME, the story
# swiped up at x = X (where its text is: the kiosk's centred story, the
# explorer's side panel); the story's card is found in a first pass's dump.
play() {
    local dir=$WORK/$1 x=$2
    shift 2
    mkdir -p "$dir"
    printf '0.5 tap 900 300\n3 dump-layout home.json\n' >"$dir/first.txt"
    (cd "$dir" && "$FRISE" "$TL" --size 1920x1080 --lang fr --today 2026-11-28 "$@" --replay first.txt >out 2>err)
    local card
    card=$(python3 - "$dir/home.json" "$EVENT" <<'PY'
import json
import sys

for c in json.load(open(sys.argv[1], encoding="utf-8")).get("cards", []):
    if c["id"] == sys.argv[2]:
        print("%.0f %.0f" % (c["x"] + c["w"] / 2, c["y"] + c["h"] / 2))
PY
)
    [ -n "$card" ] || return 0
    printf '0.5 tap 900 300\n3 tap %s\n4 drag %s 650 %s 150 0.5\n4.7 drag %s 650 %s 150 0.5\n5.4 drag %s 650 %s 150 0.5\n7 screenshot story.png\n7 dump-layout story.json\n' \
        "$card" "$x" "$x" "$x" "$x" "$x" "$x" >"$dir/story.txt"
    (cd "$dir" && "$FRISE" "$TL" --size 1920x1080 --lang fr --today 2026-11-28 "$@" --replay story.txt >out 2>err)
}

play kiosk 950 --kiosk
URLS=$(python3 - "$TL" "$EVENT" <<'PY'
import json
import sys

for e in json.load(open(sys.argv[1], encoding="utf-8"))["events"]:
    if e["id"] == sys.argv[2]:
        print("\n".join(s["url"] for s in e.get("sources", []) if s.get("url", "").startswith("http")))
PY
)
CHECK="the kiosk's story was pictured"; ok [ -s "$WORK/kiosk/story.png" ]
DECODED=$(zbarimg -q --raw "$WORK/kiosk/story.png" 2>/dev/null)
CHECK="a phone reads a QR code in the kiosk's story"; ok [ -n "$DECODED" ]
CHECK="each code read is one of the story's sources"
ok python3 -c 'import sys; urls = set(sys.argv[1].split("\n")); got = [l for l in sys.argv[2].split("\n") if l]; sys.exit(not got or any(g not in urls for g in got))' "$URLS" "$DECODED"

play explore 1500
CHECK="the explorer's story was pictured"; ok [ -s "$WORK/explore/story.png" ]
CHECK="the explorer's story shows its sources' links"
ok python3 -c 'import json, sys; p = json.load(open(sys.argv[1], encoding="utf-8")).get("panel") or {}; sys.exit(not p.get("links"))' "$WORK/explore/story.json"
CHECK="the explorer, where links open, draws no QR code"; ok [ -z "$(zbarimg -q --raw "$WORK/explore/story.png" 2>/dev/null)" ]

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
