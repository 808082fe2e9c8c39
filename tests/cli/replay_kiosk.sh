#!/usr/bin/env bash
# replay_kiosk.sh: the museum kiosk through replay scripts (tests/replay/kiosk*.txt).
#
# Usage: bash tests/cli/replay_kiosk.sh PATH_TO_frise SOURCE_DIR
#
# With --kiosk --idle-seconds 30: the attract loop opens on its title slide
# (8 s) and steps on every 8 s; a tap hands over to the visitor without moving
# the view (even in the middle of a flight); idle with nothing open resets at
# once, idle with a card open shows the countdown, a touch cancels it, and at
# its end the kiosk resets to attract in the default language; quit, Escape,
# Alt+F4, q, Ctrl+Q, F5, F11 and ? are all ignored and only Ctrl+Alt+Shift+Q
# quits. The Home button (always there, at least 64 px) and the title take the
# visitor back to the whole timeline, also from the attract loop; a wrong PIN
# says so and the pad stays open, five lock it for a minute; a 1080x1920 totem
# keeps its touch targets; a file with problems shows no developer banner.
# Runs: kiosk-probe.txt (attract, wake, where the cards are), kiosk.txt (a
# template: it taps a card found in the probe's dump), kiosk-lockdown.txt,
# kiosk-home.txt, kiosk-pin.txt, kiosk-portrait.txt, kiosk-banner.txt.
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
run home --replay "$REPLAY/kiosk-home.txt" &
run pin --exit-pin 2468 --idle-seconds 600 --replay "$REPLAY/kiosk-pin.txt" &
wait
run portrait --exit-pin 2468 --size 1080x1920 --replay "$REPLAY/kiosk-portrait.txt" &
mkdir -p "$WORK/banner"
(cd "$WORK/banner" && "$FRISE" "$SRC/tests/data/bad/date-feb-30.json" --today 2026-11-28 --size 1280x720 --kiosk \
    --replay "$REPLAY/kiosk-banner.txt" >stdout 2>stderr; echo $? >rc) &
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


def expect(d, name, state, lang=None, step=None, selected="-", slide=None):
    if d is None:
        return
    t.equal((d["mode"], d["kiosk_state"]), ("kiosk", state), "%s: kiosk, %s" % (name, state))
    if slide is not None:
        t.equal(d.get("slide"), slide, "%s: slide %s" % (name, slide))
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
expect(d, "k00 at 0 s", "attract", lang=default_lang, step=0, selected=None, slide="title")
if d is not None:
    t.equal(d["step_count"], len(tour), "k00: the attract loop plays the first tour's %d steps" % len(tour))
    t.ok(d.get("slide_card") is not None, "k00: the title slide's card is on screen")
    t.ok("home" in d["buttons"], "k00: the Home button is there during the attract loop")
expect(dump("probe", "k01-title"), "k01 at 4 s", "attract", step=0, selected=None, slide="title")
expect(dump("probe", "k02-step1"), "k02 at 8.1 s (the title slide lasts 8 s)", "attract", step=1, selected=tour[0],
       slide="none")
expect(dump("probe", "k03-step1"), "k03 at 12 s", "attract", step=1, selected=tour[0])
expect(dump("probe", "k04-step2"), "k04 at 16.1 s (a step lasts 8 s)", "attract", step=2, selected=tour[1])
expect(dump("probe", "k05-step3"), "k05 at 24.1 s", "attract", step=3, selected=tour[2])
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
expect(dump("probe", "k10-reset"), "k10 idle 30 s, nothing open: straight to attract's title slide", "attract",
       lang=default_lang, step=0, selected=None, slide="title")

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
    # the attract loop opens on its title slide.
    expect(d, "m07 after the countdown", "attract", lang=default_lang, step=0, selected=None, slide="title")
    if d is not None:
        t.ok(d["selected"] != card_id, "m07: the visitor's card is closed", d["selected"])
        t.equal(d["help"], False, "m07: no help open")

# ---- lock-down -------------------------------------------------------------------------

t.equal(rc("lockdown"), 0, "lockdown: Ctrl+Alt+Shift+Q quits with status 0")
t.equal(errors("lockdown").strip(), "", "lockdown: nothing on stderr")
expect(dump("lockdown", "l00-quit"), "l00 window close in attract: ignored", "attract", step=0, slide="title")
flying = dump("lockdown", "l01-flying")
woken = dump("lockdown", "l02-woken")
still = dump("lockdown", "l03-still")
expect(woken, "l02 a tap mid-flight", "visitor", selected=None)
if woken is not None and still is not None:
    t.equal(woken["view"], still["view"], "l03: after the tap the view stays where the flight was")
target = dump("probe", "k03-step1")
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

# ---- Home ---------------------------------------------------------------------------------

def home_view(d, name):
    if d is None:
        return
    lo, hi = lib.view_days(d)
    home = dump("home", "h01-awake")
    if home is None:
        return
    hlo, hhi = lib.view_days(home)
    t.ok(abs(lo - hlo) <= 2 and abs(hi - hhi) <= 2, "%s: the whole timeline again" % name,
         "%s..%s, home is %s..%s" % (d["view"]["from"], d["view"]["to"], home["view"]["from"], home["view"]["to"]))


t.equal(rc("home"), 0, "home: frise exits with status 0")
t.equal(errors("home").strip(), "", "home: nothing on stderr")
d = dump("home", "h00-title")
if d is not None:
    b = d["buttons"].get("home")
    if t.ok(b is not None, "h00: buttons.home is in the dump"):
        t.ok(b["w"] >= 64 and b["h"] >= 64, "h00: the Home button is at least 64 px", b)
        t.ok(b["x"] <= 110 <= b["x"] + b["w"] and b["y"] <= 686 <= b["y"] + b["h"],
             "h00: kiosk-home.txt's taps at 110 686 are on the Home button", b)
        t.ok(b["y"] > d["size"]["h"] / 2, "h00: the Home button is low, in reach", b)
expect(dump("home", "h01-awake"), "h01 a tap wakes the kiosk", "visitor", selected=None)
z = dump("home", "h02-zoomed")
if z is not None and dump("home", "h01-awake") is not None:
    t.ok(z["view"]["px_per_day"] > 4 * dump("home", "h01-awake")["view"]["px_per_day"], "h02: zoomed far in")
expect(dump("home", "h03-home"), "h03 Home", "visitor", selected=None)
home_view(dump("home", "h03-home"), "h03 Home")
home_view(dump("home", "h04-title-home"), "h04 a tap on the title")
expect(dump("home", "h05-attract"), "h05 idle: the attract loop", "attract", step=1)
expect(dump("home", "h06-home"), "h06 Home in the attract loop: the visitor's", "visitor", selected=None)
home_view(dump("home", "h06-home"), "h06 Home in the attract loop")

# ---- the PIN pad -----------------------------------------------------------------------

t.equal(rc("pin"), 0, "pin: the right PIN after the lock quits with status 0")


def pin(name, state, pad=True):
    d = dump("pin", name)
    if d is None:
        return None
    t.equal((d["pin_pad"], d["pin"]["state"]), (pad, state), "pin/%s: pad open %s, %s" % (name, pad, state))
    return d


pin("n00-pad", "entry")
d = pin("n01-wrong", "wrong")
if d is not None:
    t.equal(d["pin"]["wrong"], 1, "pin/n01: one wrong code counted")
d = pin("n02-locked", "locked")
if d is not None:
    t.ok(55 <= d["pin"]["locked_s"] <= 60, "pin/n02: locked for a minute", d["pin"]["locked_s"])
d = pin("n03-still-locked", "locked")
pin("n04-unlocked", "entry")
t.ok(not os.path.exists(os.path.join(work, "pin", "n05-after-exit.json")), "pin: nothing is dumped after the right PIN")

# ---- a portrait totem ------------------------------------------------------------------

t.equal(rc("portrait"), 0, "portrait: frise exits with status 0")
for name in ("o00-title", "o01-visitor", "o02-pad"):
    d = dump("portrait", name)
    if d is None:
        continue
    t.equal((d["size"]["w"], d["size"]["h"]), (1080, 1920), "portrait/%s: 1080x1920" % name)
    b = d["buttons"].get("home")
    t.ok(b is not None and b["h"] >= 64 and b["y"] + b["h"] <= 1920, "portrait/%s: the Home button, 64 px or more" % name, b)
    t.equal(lib.cards_outside(d["cards"], 1080, 1920), [], "portrait/%s: every card inside the screen" % name)
d = dump("portrait", "o02-pad")
if d is not None:
    keys = d["buttons"]["pin_keys"]
    t.ok(len(keys) == 12 and all(k["h"] >= 60 and k["w"] >= 60 for k in keys), "portrait/o02: PIN keys of 60 px or more")
expect(dump("portrait", "o00-title"), "portrait/o00", "attract", slide="title")
expect(dump("portrait", "o01-visitor"), "portrait/o01", "visitor")
shots = lib.analyse_pngs([(os.path.join(work, "portrait", n + ".png"), ()) for n in ("o00-title", "o01-visitor", "o02-pad")])
for path, r in shots.items():
    lib.check_png(t, r, 1080, 1920, what=os.path.relpath(path, work))

# ---- a file with problems: no banner in the kiosk ---------------------------------------

t.equal(rc("banner"), 0, "banner: a file with problems still opens the kiosk")
t.ok("date-feb-30.json" in errors("banner"), "banner: the problems go to stderr (the journal)")
for name in ("b00-attract", "b01-visitor"):
    d = dump("banner", name)
    if d is not None:
        t.equal(d.get("banner"), None, "banner/%s: no developer message on screen" % name)
        t.equal(d["mode"], "kiosk", "banner/%s: the kiosk runs" % name)

sys.exit(t.finish())
EOF
