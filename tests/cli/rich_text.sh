#!/usr/bin/env bash
# rich_text.sh: a TimelineJS story's bold, italic and links, end to end. In
# the explorer the links of the story's text are targets of their own (the
# layout dump lists them with source -1), their addresses not repeated in
# the text; in the kiosk, where no link opens, a visitor who scrolls the
# story to its sources finds each link listed there with a QR code that a
# real reader (zbarimg, Debian's zbar-tools) decodes to the link's address.
# Usage: bash tests/cli/rich_text.sh PATH_TO_frise SOURCE_DIR
# Prints "N passed, M failed"; exits 1 on any failure, 77 without python3 or zbarimg.
set -u

. "$(dirname "$0")/lib.bash"
cli_setup rich_text "$@"
command -v zbarimg >/dev/null 2>&1 || { echo "zbarimg not found (zbar-tools): skipped"; exit 77; }

passed=0 failed=0
ok() { if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $CHECK"; fi; }

STYLED="$SRC/tests/data/good/timelinejs-styled.json"
WIKI=https://en.wikipedia.org/wiki/Galilean_moons
BOOK='https://www.gutenberg.org/ebooks/46036?a=1&b=2'

(cd "$WORK" && "$FRISE" "$STYLED" --select rich --size 1366x768 --dump-layout >explore.json 2>err)
CHECK="the explorer's story lists the links of its text as targets"
ok python3 - "$WORK/explore.json" "$WIKI" "$BOOK" <<'PY'
import json
import sys

links = (json.load(open(sys.argv[1], encoding="utf-8")).get("panel") or {}).get("links") or []
urls = {l["url"] for l in links if l.get("source") == -1 and l["w"] > 0 and l["h"] > 0}
sys.exit(not {sys.argv[2], sys.argv[3]} <= urls)
PY

# The kiosk: wake it, open the story from its card, swipe it to its sources.
printf '0.5 tap 900 300\n3 dump-layout home.json\n' >"$WORK/first.txt"
(cd "$WORK" && "$FRISE" "$STYLED" --kiosk --size 1920x1080 --replay first.txt >out 2>err)
CARD=$(python3 - "$WORK/home.json" <<'PY'
import json
import sys

for c in json.load(open(sys.argv[1], encoding="utf-8")).get("cards", []):
    if c["id"] == "rich":
        print("%.0f %.0f" % (c["x"] + c["w"] / 2, c["y"] + c["h"] / 2))
PY
)
CHECK="the kiosk shows the story's card"; ok [ -n "$CARD" ]
printf '0.5 tap 900 300\n3 tap %s\n4 drag 950 850 950 250 0.5\n4.7 drag 950 850 950 250 0.5\n6 screenshot story.png\n' \
    "${CARD:-0 0}" >"$WORK/story.txt"
(cd "$WORK" && "$FRISE" "$STYLED" --kiosk --size 1920x1080 --replay story.txt >out 2>err)
CHECK="the kiosk's story was pictured"; ok [ -s "$WORK/story.png" ]
DECODED=$(zbarimg -q --raw "$WORK/story.png" 2>/dev/null)
CHECK="a phone reads the first link of the text in the kiosk"; ok grep -qxF "$WIKI" <<<"$DECODED"
CHECK="a phone reads the second link, its &amp; decoded"; ok grep -qxF "$BOOK" <<<"$DECODED"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
