#!/usr/bin/env bash
# stats_day.sh: visitor statistics end to end: a replayed day of kiosk
# visitors (tests/replay/stats-day.txt) with --stats DIR appends one row per
# session to DIR/visits.csv, and `frise --stats DIR` summarizes them.
#
# Usage: bash tests/cli/stats_day.sh PATH_TO_frise SOURCE_DIR
# Skipped (77) while frise has no --stats option.
set -u

. "$(dirname "$0")/lib.bash"
cli_setup stats_day "$@"
"$FRISE" --help 2>&1 | grep -q -- "--stats" || { echo "frise has no --stats option yet: skipped"; exit 77; }

mkdir -p "$WORK/run"
(cd "$WORK/run" && TZ=UTC "$FRISE" "$TL" --today 2026-11-28 --size 1280x720 --kiosk --idle-seconds 30 \
    --stats "$WORK/state" --replay "$REPLAY/stats-day.txt" >stdout 2>stderr; echo $? >rc)
(cd "$WORK/run" && TZ=UTC "$FRISE" --stats "$WORK/state" >summary.txt 2>summary.err; echo $? >summary.rc)

python3 - "$WORK" "$SRC" <<'PY'
import csv
import os
import sys

work, src = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(src, "tests", "cli"))
import lib

t = lib.Checks("stats_day")
run = os.path.join(work, "run")
t.equal(open(os.path.join(run, "rc")).read().strip(), "0", "the replayed day exits with status 0")
path = os.path.join(work, "state", "visits.csv")
if t.ok(os.path.exists(path), "--stats DIR writes DIR/visits.csv"):
    rows = list(csv.reader(open(path, encoding="utf-8")))
    t.equal(rows[0], ["date", "time", "kind", "seconds", "language", "detail"], "visits.csv starts with its header")
    sessions = [r for r in rows[1:] if r[2] == "session"]
    t.equal(len(sessions), 3, "one row per visitor")
    if len(sessions) == 3:
        t.equal([r[4] for r in sessions], ["fr", "en", "fr"], "each session's language")
        t.equal([len(r[5].split()) for r in sessions], [2, 0, 1], "the stories each visitor opened")
        t.ok(all(r[0] == "2026-11-28" for r in sessions), "the day of the replay", [r[0] for r in sessions])
        t.ok(5 <= int(sessions[0][3]) <= 15, "visitor 1 stayed about 10 s (first touch to last)", sessions[0][3])
t.equal(open(os.path.join(run, "summary.rc")).read().strip(), "0", "frise --stats DIR exits with status 0")
summary = open(os.path.join(run, "summary.txt"), encoding="utf-8").read()
t.ok("3 visitor sessions over 1 day" in summary, "the summary counts the day's sessions", summary[:300])
t.ok("Stories opened" in summary and "Languages" in summary, "the summary lists stories and languages")
sys.exit(t.finish())
PY
