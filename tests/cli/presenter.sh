#!/usr/bin/env bash
# presenter.sh: the presenter's screen, headless: with --presenter a replay
# can photograph the second window (current and next step, the notes, the
# time); the dump says what it shows, notes included; without --presenter
# the presenter's picture fails the run rather than writing nothing quietly.
#
#   bash tests/cli/presenter.sh PATH_TO_frise SOURCE_DIR
. "$(dirname "$0")/lib.bash"
cli_setup presenter "$@"

cat >"$WORK/script.txt" <<'SCRIPT'
0     key PageDown
2     screenshot-presenter p1-presenter.png
2     screenshot p1-audience.png
2     dump-layout p1.json
2.5   key End
4.5   dump-layout p2-last.json
SCRIPT
(cd "$WORK" && "$FRISE" "$TL" --present --tour ten-steps --presenter --lang en --size 1280x720 \
    --replay script.txt >out 2>err; echo $? >rc)
mkdir -p "$WORK/none"
(cd "$WORK" && "$FRISE" "$TL" --present --tour ten-steps --size 1280x720 --replay script.txt \
    --out "$WORK/none" >none.out 2>none.err; echo $? >none.rc)

python3 - "$WORK" "$SRC" <<'PY'
import json, os, sys
work, src = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(src, "tests", "cli"))
import lib, pnglib
t = lib.Checks("presenter")
t.equal(open(os.path.join(work, "rc")).read().strip(), "0", "a replay with --presenter exits 0")
shot = os.path.join(work, "p1-presenter.png")
if t.ok(os.path.exists(shot), "screenshot-presenter writes the presenter's screen"):
    t.equal(pnglib.read_size(shot), (1280, 800), "the presenter's window is 1280x800")
    lib.check_png(t, lib.analyse_png(shot), 1280, 800, what="the presenter's screen")
tl = json.load(open(os.path.join(src, "data", "timeline.json"), encoding="utf-8"))
steps = tl["tours"][0]["steps"]
d = lib.load_dump(t, os.path.join(work, "p1.json"), "step 2")
if d is not None:
    p = d["presenter"]
    t.equal((p["now_step"], p["next_step"]), (2, 3), "the presenter sees step 2 now and step 3 next")
    t.equal(p["notes"], steps[1].get("notes", {}).get("en", ""), "and the step's notes, in English")
    t.ok(p["notes"] != "", "the shipped tour has notes for its steps")
d = lib.load_dump(t, os.path.join(work, "p2-last.json"), "last step")
if d is not None:
    t.equal(d["presenter"]["next_slide"], "end", "at the last step the end slide comes next")
t.equal(open(os.path.join(work, "none.rc")).read().strip(), "1", "without --presenter, screenshot-presenter fails the run")
t.ok("needs --presenter" in open(os.path.join(work, "none.err")).read(), "and says why")
sys.exit(t.finish())
PY
