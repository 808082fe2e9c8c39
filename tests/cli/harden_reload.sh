#!/usr/bin/env bash
# harden_reload.sh: Ctrl+R in a real window under Xvfb never loses the last
# good timeline (issue 13): a file saved with "events": [], or with every
# event broken, is refused and the window keeps the timeline (its title
# tells); a good file is taken. The window title follows the timeline's
# title, so xdotool can see which one is shown.
# Skips (77) without xvfb-run or xdotool. Prints "N passed, M failed".
set -u
. "$(dirname "$0")/lib.bash"
cli_setup harden_reload "$@"
command -v xvfb-run >/dev/null 2>&1 && command -v xdotool >/dev/null 2>&1 || { echo "xvfb-run or xdotool not found: skipped"; exit 77; }
export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
unset SDL_VIDEODRIVER

timeline() { # timeline TITLE EVENTS-JSON > file
    printf '{"format": "frise/1", "title": "%s", "languages": ["en"], "events": %s}\n' "$1" "$2"
}
GOOD='[{"id": "a", "start": "1970", "title": "A"}, {"id": "b", "start": "1971", "title": "B"}, {"id": "c", "start": "1972", "title": "C"}]'
timeline "Original" "$GOOD" >"$WORK/t.json"
timeline "Emptied" "[]" >"$WORK/empty.json"
timeline "Broken" '[{"id": "a", "start": "197", "title": "A"}, {"id": "b", "title": "B"}]' >"$WORK/broken.json"
timeline "Halved" '[{"id": "a", "start": "1970", "title": "A"}, {"id": "b", "start": "19x", "title": "B"}, {"id": "c", "title": "C"}]' >"$WORK/halved.json"
timeline "Edited" "$GOOD" >"$WORK/edited.json"

cat >"$WORK/inside.sh" <<'INSIDE'
set -u
FRISE=$1; WORK=$2
passed=0; failed=0
check() { if [ "$1" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $2"; fi; }
titled() { # titled WORD: a window whose title holds WORD appears within 20 s (a loaded machine is slow)
    for _ in $(seq 1 200); do xdotool search --name "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done
    return 1
}
reload_with() { # reload_with FILE: the timeline file becomes FILE, then Ctrl+R
    cp "$WORK/$1" "$WORK/t.json"
    xdotool search --name "Frise" windowactivate --sync >/dev/null 2>&1 || true
    xdotool key ctrl+r
    sleep 1
}
"$FRISE" "$WORK/t.json" --size 1024x768 --today 2026-11-28 2>"$WORK/live.err" &
pid=$!
titled "Original"; check $? "the window shows the original timeline"
for bad in empty broken halved; do
    reload_with "$bad.json"
    titled "Original"; check $? "Ctrl+R with $bad.json keeps the last good timeline"
    ! xdotool search --name "Emptied|Broken|Halved" >/dev/null 2>&1; check $? "... and does not show $bad.json"
done
grep -q "events" "$WORK/live.err"; check $? "the refused files' problems are printed"
reload_with edited.json
titled "Edited"; check $? "Ctrl+R with a good file shows it"
kill -TERM "$pid"; wait "$pid"; check $? "the window closes cleanly"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
INSIDE

xvfb-run -a -s "-screen 0 1280x1024x24" bash "$WORK/inside.sh" "$FRISE" "$WORK"
