#!/usr/bin/env bash
# comfort.sh: every reader, end to end through the real executable: dates and
# axis ticks in Russian and Khmer (layout dump), the high-contrast theme (T,
# in a screenshot), and the text size (Ctrl+plus, Ctrl+minus, Ctrl+0)
# followed by the layout at the largest size: no overlapping cards, nothing
# outside the window, cards twice as wide.
#
# Usage: bash tests/cli/comfort.sh PATH_TO_frise SOURCE_DIR
# Prints "N passed, M failed"; exits 1 on any failure, 77 without python3.
set -u

. "$(dirname "$0")/lib.bash"
cli_setup comfort "$@"
TODAY=2026-11-28

# run NAME ARGS...: frise in $WORK/NAME (a replay's outputs land there).
run() {
    local name=$1
    shift
    mkdir -p "$WORK/$name"
    (cd "$WORK/$name" && "$FRISE" "$TL" --today "$TODAY" --size 1366x768 "$@" >stdout 2>stderr; echo $? >rc)
}

# Ticks and dates in each language, over a month and over the whole range.
for lang in ru km fr; do
    run "month-$lang" --lang "$lang" --view 1970-03-01:1970-04-30 --dump-layout
    run "all-$lang" --lang "$lang" --dump-layout
done

# High contrast: T twice from light.
printf '0 key t\n0.2 key t\n0.4 screenshot contrast.png\n0.5 dump-layout contrast.json\n0.6 end\n' \
    >"$WORK/contrast.txt"
run contrast --replay "$WORK/contrast.txt"

# Text size: one dump at 1, one at the largest (nine steps up, more are
# ignored), one after Ctrl+minus, one after Ctrl+0.
{
    echo "0 dump-layout s1.json"
    for i in $(seq 1 12); do echo "0.$((i + 10)) key ctrl+plus"; done
    echo "1 dump-layout s2.json"
    echo "1.1 screenshot s2.png"
    echo "1.2 key ctrl+minus"
    echo "1.3 dump-layout s-minus.json"
    echo "1.4 key ctrl+0"
    echo "1.5 dump-layout s0.json"
    echo "1.6 end"
} >"$WORK/scale.txt"
run scale --replay "$WORK/scale.txt"

python3 - "$WORK" "$SRC" <<'EOF'
import os, re, sys
sys.path.insert(0, os.path.join(sys.argv[2], "tests", "cli"))
from lib import Checks, load_dump, overlapping_pairs, cards_outside, analyse_png, check_png

work = sys.argv[1]
t = Checks("comfort")

def status(name):
    with open(os.path.join(work, name, "rc")) as f:
        return f.read().strip()

def stdout_dump(name):
    return load_dump(t, os.path.join(work, name, "stdout"), "%s: the dump is JSON" % name)

KHMER_DIGITS = set("០១២៣៤៥៦៧៨៩")
for name in ("month-ru", "month-km", "month-fr", "all-ru", "all-km", "all-fr"):
    t.equal(status(name), "0", "%s: frise exits with status 0" % name)

d = stdout_dump("month-ru")
if d:
    labels = [k["label"] for k in d.get("ticks", []) if k.get("label")]
    t.ok(any(re.search("[а-я]", l) for l in labels), "ru ticks: month names in Cyrillic", labels[:6])
    t.ok(not any(re.search("[A-Za-z]", l) for l in labels), "ru ticks: no Latin month names", labels[:6])
    t.ok(any("марта" in l or "мар." in l or "март" in l for l in labels), "ru ticks: March in Russian", labels[:8])
d = stdout_dump("month-km")
if d:
    labels = [k["label"] for k in d.get("ticks", []) if k.get("label")]
    t.ok(labels and all(not re.search("[0-9]", l) for l in labels), "km ticks: no ASCII digits", labels[:6])
    t.ok(any(set(l) & KHMER_DIGITS for l in labels), "km ticks: Khmer digits", labels[:6])
    t.ok(any("មីនា" in l for l in labels), "km ticks: March in Khmer (មីនា)", labels[:8])
d = stdout_dump("all-km")
if d:
    labels = [k["label"] for k in d.get("ticks", []) if k.get("label")]
    t.ok("១៩៧០" in labels or "១៩៨០" in labels, "km ticks: years in Khmer digits", labels[:8])
d = stdout_dump("month-fr")
if d:
    labels = [k["label"] for k in d.get("ticks", []) if k.get("label")]
    t.ok(any("mars" in l for l in labels), "fr ticks unchanged: mars", labels[:8])

# high contrast
t.equal(status("contrast"), "0", "contrast: the replay runs")
png = analyse_png(os.path.join(work, "contrast", "contrast.png"))
check_png(t, png, 1366, 768, what="contrast.png")
bg = png.get("background")
t.ok(bg is not None and max(bg[:3]) <= 16, "contrast: the paper is black", bg)

# text size
t.equal(status("scale"), "0", "scale: the replay runs")
s1 = load_dump(t, os.path.join(work, "scale", "s1.json"))
s2 = load_dump(t, os.path.join(work, "scale", "s2.json"))
sm = load_dump(t, os.path.join(work, "scale", "s-minus.json"))
s0 = load_dump(t, os.path.join(work, "scale", "s0.json"))
if s1 and s2 and sm and s0:
    w1 = s1["cards"][0]["w"] if s1.get("cards") else None
    w2 = s2["cards"][0]["w"] if s2.get("cards") else None
    t.ok(w1 and w2 and abs(w2 / w1 - 2.0) < 0.02, "scale: cards are twice as wide at the largest text", (w1, w2))
    t.ok(len(s2["cards"]) >= 1, "scale: cards still show at the largest text", len(s2["cards"]))
    t.equal(overlapping_pairs(s2["cards"]), [], "scale: no two cards overlap at the largest text")
    t.equal(cards_outside(s2["cards"], 1366, 768), [], "scale: every card inside the window")
    wm = sm["cards"][0]["w"] if sm.get("cards") else None
    t.ok(wm and w2 and wm < w2, "scale: Ctrl+minus makes the cards smaller", (wm, w2))
    w0 = s0["cards"][0]["w"] if s0.get("cards") else None
    t.ok(w0 and w1 and abs(w0 - w1) < 0.01, "scale: Ctrl+0 gives the normal size back", (w0, w1))
check_png(t, analyse_png(os.path.join(work, "scale", "s2.png")), 1366, 768, what="s2.png")
sys.exit(t.finish())
EOF
