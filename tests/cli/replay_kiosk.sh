#!/usr/bin/env bash
# replay_kiosk.sh: the museum kiosk through replay scripts (tests/replay/kiosk*.txt).
#
# Usage: bash tests/cli/replay_kiosk.sh PATH_TO_frise SOURCE_DIR
#
# With --kiosk --idle-seconds 30: the attract loop starts at once and steps on
# every 8 s; a tap hands over to the visitor without moving the view (even in
# the middle of a flight); idle with nothing open resets at once, idle with a
# card open shows the countdown, a touch cancels it, and at its end the kiosk
# resets to attract in the default language; quit, Escape, Alt+F4, q, Ctrl+Q,
# F5, F11 and ? are all ignored and only Ctrl+Alt+Shift+Q quits.
# Three runs: kiosk-probe.txt (attract, wake, where the cards are), kiosk.txt
# (a template: it taps a card found in the probe's dump), kiosk-lockdown.txt.
# Prints "N passed, M failed"; exits 1 on any failure, 77 without python3.
set -u

. "$(dirname "$0")/lib.bash"
cli_setup replay_kiosk "$@"

run() {
    local name=$1
    shift
    mkdir -p "$WORK/$name"
    (cd "$WORK/$name" && "$FRISE" "$TL" --today 2026-11-28 --size 1280x720 --kiosk --idle-seconds 30 "$@" \
        >stdout 2>stderr; echo $? >rc)
}
run probe --replay "$REPLAY/kiosk-probe.txt" &
run lockdown --replay "$REPLAY/kiosk-lockdown.txt" &
wait

# The card to tap: the one nearest the middle of the screen in the probe's last visitor dump.
CARD=$(python3 - "$WORK/probe/k08-english.json" <<'EOF'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
    w, h = d["size"]["w"], d["size"]["h"]
    c = min(d["cards"], key=lambda c: (c["x"] + c["w"] / 2 - w / 2) ** 2 + (c["y"] + c["h"] / 2 - h / 2) ** 2)
    print("%s %.0f %.0f" % (c["id"], c["x"] + c["w"] / 2, c["y"] + c["h"] / 2))
except (OSError, ValueError, KeyError):
    pass
EOF
)
if [ -n "$CARD" ]; then
    read -r CARD_ID CARD_X CARD_Y <<<"$CARD"
    sed -e "s/@CARD_X@/$CARD_X/" -e "s/@CARD_Y@/$CARD_Y/" "$REPLAY/kiosk.txt" >"$WORK/kiosk.txt"
    run main --replay "$WORK/kiosk.txt"
else
    CARD_ID=""
fi

python3 - "$WORK" "$SRC" "$CARD_ID" <<'EOF'
import os
import sys

work, src, card_id = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, os.path.join(src, "tests", "cli"))
import lib

t = lib.Checks("replay_kiosk")
timeline = lib.timeline_json(src)
tour = [s["event"] for s in timeline["tours"][0]["steps"]]  # the attract loop plays the first tour
default_lang = timeline["languages"][0]






runs = lib.Runs(t, work)
rc, errors, dump = runs.rc, runs.errors, runs.dump


def expect(d, name, state, lang=None, step=None, selected="-"):
    if d is None:
        return
    t.equal((d["mode"], d["kiosk_state"]), ("kiosk", state), "%s: kiosk, %s" % (name, state))
    if lang is not None:
        t.equal(d["lang"], lang, "%s: lang %s" % (name, lang))
    if step is not None:
        t.equal(d["step"], step, "%s: step %d" % (name, step))
    if selected != "-":
        t.equal(d["selected"], selected, "%s: selected %s" % (name, selected))


def same_view(a, b, name, days=1.0):
    if a is None or b is None:
        return
    fa, ta = lib.view_days(a)
    fb, tb = lib.view_days(b)
    ppd = abs(a["view"]["px_per_day"] - b["view"]["px_per_day"]) / a["view"]["px_per_day"]
    t.ok(abs(fa - fb) <= days and abs(ta - tb) <= days and ppd < 1e-3, name,
         "%s..%s then %s..%s" % (a["view"]["from"], a["view"]["to"], b["view"]["from"], b["view"]["to"]))


# ---- the probe: attract loop, wake, idle reset with nothing open ------------------------

t.equal(rc("probe"), 0, "probe: frise exits with status 0")
t.equal(errors("probe").strip(), "", "probe: nothing on stderr")
d = dump("probe", "k00-start")
expect(d, "k00 at 0 s", "attract", lang=default_lang, step=1, selected=tour[0])
if d is not None:
    t.equal(d["step_count"], len(tour), "k00: the attract loop plays the first tour's %d steps" % len(tour))
expect(dump("probe", "k01-step1"), "k01 at 4 s", "attract", step=1, selected=tour[0])
expect(dump("probe", "k02-step1-end"), "k02 at 7.9 s", "attract", step=1)
expect(dump("probe", "k03-step2"), "k03 at 8.1 s (a step lasts 8 s)", "attract", step=2, selected=tour[1])
expect(dump("probe", "k04-step2"), "k04 at 12 s", "attract", step=2)
expect(dump("probe", "k05-step3"), "k05 at 16.1 s", "attract", step=3, selected=tour[2])
before = dump("probe", "k06-before-tap")
expect(before, "k06 at 20 s", "attract", step=3)
after = dump("probe", "k07-visitor")
expect(after, "k07 after a tap", "visitor", step=0, selected=None)
if after is not None:
    t.equal(after["step_count"], 0, "k07: the loop's steps are gone")
same_view(before, after, "k07: the tap did not move the view (within a day)")
d = dump("probe", "k08-english")
expect(d, "k08 after `key l`", "visitor", lang="en")
if d is not None:
    t.ok(len(d["cards"]) > 0, "k08: the visitor sees cards to tap")
expect(dump("probe", "k09-still-visitor"), "k09 idle 29.5 s", "visitor", lang="en")
expect(dump("probe", "k10-reset"), "k10 idle 30 s, nothing open: straight to attract", "attract",
       lang=default_lang, step=1, selected=tour[0])

# ---- the visitor opens a card, walks away, comes back, walks away ------------------------

t.ok(card_id != "", "a card to tap was found in k08-english.json")
if card_id:
    t.equal(rc("main"), 0, "main: frise exits with status 0")
    t.equal(errors("main").strip(), "", "main: nothing on stderr")
    expect(dump("main", "m01-open"), "m01 tap on %s" % card_id, "visitor", lang="en", selected=card_id)
    expect(dump("main", "m02-visitor"), "m02 idle 29.4 s", "visitor", selected=card_id)
    d = dump("main", "m03-countdown")
    expect(d, "m03 idle 30 s with a card open", "countdown", lang="en", selected=card_id)
    expect(dump("main", "m04-back"), "m04 a touch in the countdown", "visitor", lang="en", selected=card_id)
    expect(dump("main", "m05-countdown"), "m05 idle 30 s again", "countdown", selected=card_id)
    expect(dump("main", "m06-countdown"), "m06 9.4 s into the countdown", "countdown", selected=card_id)
    d = dump("main", "m07-reset")
    # The reset closes the visitor's card and goes back to the default language;
    # the attract loop then opens its own first step's story.
    expect(d, "m07 after the countdown", "attract", lang=default_lang, step=1, selected=tour[0])
    if d is not None:
        t.ok(d["selected"] != card_id, "m07: the visitor's card is closed", d["selected"])
        t.equal(d["help"], False, "m07: no help open")

# ---- lock-down -------------------------------------------------------------------------

t.equal(rc("lockdown"), 0, "lockdown: Ctrl+Alt+Shift+Q quits with status 0")
t.equal(errors("lockdown").strip(), "", "lockdown: nothing on stderr")
expect(dump("lockdown", "l00-quit"), "l00 window close in attract: ignored", "attract", step=1)
flying = dump("lockdown", "l01-flying")
woken = dump("lockdown", "l02-woken")
still = dump("lockdown", "l03-still")
expect(woken, "l02 a tap mid-flight", "visitor", selected=None)
if woken is not None and still is not None:
    t.equal(woken["view"], still["view"], "l03: after the tap the view stays where the flight was")
target = dump("probe", "k01-step1")
if woken is not None and target is not None and flying is not None:
    t.ok(woken["view"] != target["view"], "l02: the view did not jump to the flight's end", woken["view"])
    t.ok(lib.view_days(woken) != (lib.iso_days("1954-01-01"), lib.iso_days("2029-01-01")),
         "l02: the view did not jump home", woken["view"])
for name, what in (("l04-quit", "quit"), ("l05-escape", "key Escape"), ("l06-altf4", "key alt+F4"),
                   ("l07-q", "key q"), ("l08-ctrlq", "key ctrl+q"), ("l09-f5", "key F5"), ("l10-f11", "key F11"),
                   ("l11-help", "key question")):
    d = dump("lockdown", name)
    expect(d, "%s: `%s` leaves the kiosk running" % (name, what), "visitor")
    if d is not None:
        t.equal((d["help"], d["blackout"]), (False, "none"), "%s: no help, no blackout" % name)
t.ok(not os.path.exists(os.path.join(work, "lockdown", "l12-after-exit.json")),
     "lockdown: nothing is dumped after `key ctrl+alt+shift+q`")

sys.exit(t.finish())
EOF
