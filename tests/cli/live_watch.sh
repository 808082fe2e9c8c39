#!/usr/bin/env bash
# live_watch.sh: edit and see, in a real window under Xvfb: saving the
# timeline file (in place, or by writing a new file and renaming it over the
# old, as many editors do) shows the new version within a second, with no
# key pressed; a broken save keeps the last good timeline on screen and its
# problems are printed. The window title follows the timeline's title.
# Skips (77) without xvfb-run or xdotool. Prints "N passed, M failed".
set -u
. "$(dirname "$0")/lib.bash"
cli_setup live_watch "$@"
command -v xvfb-run >/dev/null 2>&1 && command -v xdotool >/dev/null 2>&1 || { echo "xvfb-run or xdotool not found: skipped"; exit 77; }
export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
unset SDL_VIDEODRIVER

timeline() { # timeline TITLE > file
    printf '{"format": "frise/1", "title": "%s", "languages": ["en"], "events": [{"id": "a", "start": "1970", "title": "A"}, {"id": "b", "start": "1971", "title": "B"}]}\n' "$1"
}
timeline "Original" >"$WORK/t.json"

cat >"$WORK/inside.sh" <<'INSIDE'
set -u
FRISE=$1; WORK=$2
passed=0; failed=0
check() { if [ "$1" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $2"; fi; }
titled_within() { # titled_within TENTHS WORD
    for _ in $(seq 1 "$1"); do xdotool search --name "$2" >/dev/null 2>&1 && return 0; sleep 0.1; done
    return 1
}
"$FRISE" "$WORK/t.json" --size 1024x768 --today 2026-11-28 2>"$WORK/live.err" &
pid=$!
titled_within 50 "Original"; check $? "the window shows the timeline"
sleep 0.3
sed 's/Original/Saved in place/' "$WORK/t.json" >"$WORK/new" && cat "$WORK/new" >"$WORK/t.json"
titled_within 15 "Saved in place"; check $? "a save in place shows within 1.5 s, no key pressed"
sed 's/Saved in place/Renamed over/' "$WORK/t.json" >"$WORK/.t.json.tmp" && mv "$WORK/.t.json.tmp" "$WORK/t.json"
titled_within 15 "Renamed over"; check $? "a save by rename shows within 1.5 s"
printf '{"format": "frise/1", "title": "Broken", "languages": ["en"], "events": [' >"$WORK/t.json"
sleep 1.5
xdotool search --name "Renamed over" >/dev/null 2>&1; check $? "a broken save keeps the last good timeline"
grep -q "t.json" "$WORK/live.err"; check $? "and its problems are printed"
kill -TERM "$pid"; wait "$pid"; check $? "the window closes cleanly"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
INSIDE

xvfb-run -a -s "-screen 0 1280x1024x24" bash "$WORK/inside.sh" "$FRISE" "$WORK"
