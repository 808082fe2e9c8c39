#!/usr/bin/env bash
# replay_present.sh: presentation mode through replay scripts (tests/replay/present-*.txt).
#
# Usage: bash tests/cli/replay_present.sh PATH_TO_frise SOURCE_DIR
#
# Steps through every event with PageDown / PageUp / Home / End, never wraps
# round (Page Up from step 1 shows the title slide, a clicker's overshoot
# stays on the end slide), jumps with digits + Return, blacks out and whites
# out (the screenshots are one flat colour; any key or click brings the
# picture back without moving), steps on with a click, leaves with Escape and
# resumes through F5's chooser; presents the tour "ten-steps" and checks each
# step selects the tour's event in order and flies to it; and from the
# explorer: F5 opens the chooser on the first tour, F5 starts it at its title
# slide, F5 / Return resume it, Q asks before quitting and Ctrl+Q quits.
# Prints "N passed, M failed"; exits 1 on any failure, 77 without python3.
set -u

. "$(dirname "$0")/lib.bash"
cli_setup replay_present "$@"

# Dumps and screenshots land in the current directory: one per script.
run() {
    local name=$1
    shift
    mkdir -p "$WORK/$name"
    (cd "$WORK/$name" && "$FRISE" "$TL" --today 2026-11-28 --size 1280x720 "$@" >stdout 2>stderr; echo $? >rc)
}
run steps --present --replay "$REPLAY/present-steps.txt" &
run tour --present --tour ten-steps --replay "$REPLAY/present-tour.txt" &
run f5 --replay "$REPLAY/present-f5.txt" &
wait

python3 - "$WORK" "$SRC" <<'EOF'
import os
import sys

work, src = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(src, "tests", "cli"))
import lib

t = lib.Checks("replay_present")
timeline = lib.timeline_json(src)
events = timeline["events"]
start = {e["id"]: lib.iso_days(e["start"]) for e in events}
# The presenter's order: every event by date. Events that share a start date
# may come in either order, so only unambiguous places are checked by id.
by_date = sorted(events, key=lambda e: start[e["id"]])
ties = {e["id"] for e in events if sum(start[o["id"]] == start[e["id"]] for o in events) > 1}
tour = [s["event"] for s in next(x for x in timeline["tours"] if x["id"] == "ten-steps")["steps"]]






runs = lib.Runs(t, work)
rc, errors, dump = runs.rc, runs.errors, runs.dump


ANY = object()  # "do not check"


def expect(d, name, mode="present", step=None, count=None, selected=ANY, blackout="none", slide=None):
    if d is None:
        return
    t.equal(d["mode"], mode, "%s: mode %s" % (name, mode))
    if slide is not None:
        t.equal(d.get("slide"), slide, "%s: slide %s" % (name, slide))
    if step is not None:
        t.equal(d["step"], step, "%s: step %d" % (name, step))
    if count is not None:
        t.equal(d["step_count"], count, "%s: step_count %d" % (name, count))
    if selected is not ANY:
        t.equal(d["selected"], selected, "%s: selects %s" % (name, selected))
    t.equal(d["blackout"], blackout, "%s: blackout %s" % (name, blackout))


def in_view(d, name):
    """After the flight, the selected event is on screen, near the middle."""
    if d is None or d["selected"] is None:
        return
    lo, hi = lib.view_days(d)
    s = start[d["selected"]]
    t.ok(lo <= s <= hi, "%s: the view flew to %s" % (name, d["selected"]),
         "%s is outside %s..%s" % (d["selected"], d["view"]["from"], d["view"]["to"]))


def nth(step):
    """The id at a 1-based step of the all-events presentation (ANY at a tie)."""
    e = by_date[step - 1]["id"]
    return ANY if e in ties else e


# ---- every event, stepping -------------------------------------------------------------

n = len(events)
t.equal(rc("steps"), 0, "steps: frise exits with status 0")
t.equal(errors("steps").strip(), "", "steps: nothing on stderr")
plan = [
    ("p00-start", 1), ("p01-next", 2), ("p02-next", 3), ("p03-prev", 2), ("p04-home", 1),
    ("p06-wrap-on", 1), ("p07-end", n), ("p08-typing", n), ("p09-jump", 12),
]
for name, step in plan:
    d = dump("steps", name)
    expect(d, "steps/" + name, step=step, count=n, selected=nth(step), slide="none")
    if name != "p00-start":
        in_view(d, "steps/" + name)
# Page Up from step 1: the title slide (no story open), never the last step.
expect(dump("steps", "p05-wrap-back"), "steps/p05-wrap-back", step=0, count=n, selected=None, slide="title")

for name, black in (("p10-black", "black"), ("p11-back", "none"), ("p12-white", "white"), ("p13-back", "none"),
                    ("p14-black", "black"), ("p15-back", "none")):
    expect(dump("steps", name), "steps/" + name, step=12, count=n, selected=nth(12), blackout=black)

expect(dump("steps", "p16-tap"), "steps/p16-tap (a click steps on)", step=13, count=n, selected=nth(13))
d = dump("steps", "p17-explore")
expect(d, "steps/p17-explore (Escape)", mode="explore", step=0, count=0)
d = dump("steps", "p18-chooser")
expect(d, "steps/p18-chooser (F5)", mode="present", step=0, count=0, selected=None)
if d is not None:
    t.equal((d["chooser"]["open"], d["chooser"]["row"], d["chooser"]["rows"][-1]), (True, 1, "*"),
            "steps/p18-chooser: the chooser is open on the walk in progress (every event)")
d = dump("steps", "p18-again")
expect(d, "steps/p18-again (F5 twice resumes)", mode="present", step=13, count=n, selected=nth(13), slide="none")
expect(dump("steps", "p19-explore"), "steps/p19-explore (Escape)", mode="explore", step=0, count=0)

# Blackout and whiteout really cover the whole screen, and the picture comes back.
shots = lib.analyse_pngs([(os.path.join(work, "steps", p + ".png"), ()) for p in ("p10-black", "p11-back", "p12-white")])
for name, colour in (("p10-black", (0, 0, 0)), ("p12-white", (255, 255, 255))):
    r = shots[os.path.join(work, "steps", name + ".png")]
    if t.ok(r["exists"] and "error" not in r, "steps/%s.png was written and decodes" % name, r.get("error", "")):
        t.equal((tuple(r["size"]), r["background"], r["ink"]), ((1280, 720), colour, 0.0),
                "steps/%s.png is one flat %r" % (name, colour))
lib.check_png(t, shots[os.path.join(work, "steps", "p11-back.png")], 1280, 720, what="steps/p11-back.png")

# ---- the tour ten-steps ------------------------------------------------------------------

t.equal(rc("tour"), 0, "tour: frise exits with status 0")
t.equal(errors("tour").strip(), "", "tour: nothing on stderr")
t.equal(len(tour), 10, "the tour ten-steps in data/timeline.json has 10 steps")
expect(dump("tour", "t00-start"), "tour/t00-start", step=1, count=10, selected=tour[0])
for i in range(1, 11):
    name = "t%02d" % i
    d = dump("tour", name)
    expect(d, "tour/" + name, step=i, count=10, selected=tour[i - 1])
    in_view(d, "tour/" + name)
expect(dump("tour", "t11-wrapped"), "tour/t11-wrapped (overshoot: the end slide)", step=10, count=10, selected=None,
       slide="end")
expect(dump("tour", "t12-back"), "tour/t12-back", step=10, count=10, selected=tour[9])
expect(dump("tour", "t13-jump"), "tour/t13-jump", step=7, count=10, selected=tour[6])
expect(dump("tour", "t14-no-step-11"), "tour/t14-no-step-11", step=7, count=10, selected=tour[6])

# ---- F5 from the explorer ------------------------------------------------------------------

t.equal(rc("f5"), 0, "f5: Ctrl+Q quits with status 0")
expect(dump("f5", "f00-explore"), "f5/f00-explore", mode="explore", step=0, count=0, selected=None)
d = dump("f5", "f01-chooser")
expect(d, "f5/f01-chooser", step=0, count=0, selected=None)
if d is not None:
    t.equal((d["chooser"]["open"], d["chooser"]["row"], d["chooser"]["rows"]), (True, 0, ["ten-steps", "*"]),
            "f5/f01-chooser: each tour and every event, the first tour highlighted")
    t.equal(len(d["buttons"]["chooser_rows"]), 2, "f5/f01-chooser: buttons.chooser_rows has its two rows")
    t.ok(all(r["h"] >= 60 for r in d["buttons"]["chooser_rows"]), "f5/f01-chooser: rows at least 60 px high")
expect(dump("f5", "f02-title"), "f5/f02-title (F5 again starts the tour)", step=0, count=10, selected=None,
       slide="title")
d = dump("f5", "f03-step1")
expect(d, "f5/f03-step1", step=1, count=10, selected=tour[0], slide="none")
in_view(d, "f5/f03-step1")
expect(dump("f5", "f04-step2"), "f5/f04-step2", step=2, count=10, selected=tour[1])
expect(dump("f5", "f05-explore"), "f5/f05-explore (F5 leaves)", mode="explore", step=0, count=0)
d = dump("f5", "f06-chooser")
if d is not None:
    t.equal((d["chooser"]["open"], d["chooser"]["row"]), (True, 0), "f5/f06-chooser: open on the tour in progress")
expect(dump("f5", "f07-resumed"), "f5/f07-resumed (Return resumes)", step=2, count=10, selected=tour[1])
expect(dump("f5", "f08-step3"), "f5/f08-step3", step=3, count=10, selected=tour[2])
d = dump("f5", "f09-quit-asked")
expect(d, "f5/f09-quit-asked (q)", step=3, count=10, selected=tour[2])
if d is not None:
    t.equal(d.get("quit_confirm"), True, "f5/f09-quit-asked: q asks before quitting")
d = dump("f5", "f10-carried-on")
expect(d, "f5/f10-carried-on (a clicker key after q)", step=3, count=10, selected=tour[2])
if d is not None:
    t.equal(d.get("quit_confirm"), False, "f5/f10-carried-on: the question is gone, nothing else moved")
t.ok(not os.path.exists(os.path.join(work, "f5", "f11-after-quit.json")), "f5: nothing is dumped after Ctrl+Q")
shots = lib.analyse_pngs([(os.path.join(work, "f5", p + ".png"), ()) for p in ("f01-chooser", "f02-title", "f09-quit-asked")]
                         + [(os.path.join(work, "tour", "t11-end.png"), ())])
for path, r in shots.items():
    lib.check_png(t, r, 1280, 720, what=os.path.relpath(path, work))

sys.exit(t.finish())
EOF
