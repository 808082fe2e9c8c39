#!/usr/bin/env bash
# live_window.sh: the real window under Xvfb, driven by real X input with
# xdotool, so the SDL input path and the quit rules are tested as a person
# meets them: Ctrl+Q and Q quit the explorer; the kiosk ignores Q and Escape,
# quits on Ctrl+Alt+Shift+Q, and on SIGTERM (how systemd stops it); Ctrl+O
# runs the desktop's file chooser and opens what it gives.
# Skips (77) without xvfb-run or xdotool. Prints "N passed, M failed".
set -u
. "$(dirname "$0")/lib.bash"
cli_setup live_window "$@"
command -v xvfb-run >/dev/null 2>&1 && command -v xdotool >/dev/null 2>&1 || { echo "xvfb-run or xdotool not found: skipped"; exit 77; }

# The software renderer: no GL driver to leak into the sanitizer's report.
export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
unset SDL_VIDEODRIVER

cat > "$WORK/inside.sh" <<'INSIDE'
set -u
FRISE=$1; TL=$2; WORK=$3; MINIMAL=$4
passed=0; failed=0
check() { if [ "$1" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $2"; fi; }

# start NAME ARGS...: runs frise in the background and waits for its window.
start() {
    local name=$1; shift
    "$FRISE" "$TL" --size 1024x768 --today 2026-11-28 "$@" 2>"$WORK/$name.err" &
    pid=$!
    for _ in $(seq 1 100); do xdotool search --name "Frise" >/dev/null 2>&1 && break; sleep 0.1; done
    sleep 0.5
    xdotool search --name "Frise" windowactivate --sync >/dev/null 2>&1 || true
}

# gone_within SECONDS: true when the process ended in time; status in $status.
gone_within() {
    for _ in $(seq 1 $(($1 * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; wait "$pid" 2>/dev/null; status=137; return 1; fi
    wait "$pid"; status=$?; return 0
}

start explore-ctrl-q
xdotool key ctrl+q
gone_within 10; check $? "Ctrl+Q closes the explorer"
check $status "the explorer exits with status 0 after Ctrl+Q (stderr: $(tail -c 300 "$WORK/explore-ctrl-q.err"))"

start explore-q
xdotool key q
gone_within 10; check $? "Q closes the explorer"
check $status "the explorer exits with status 0 after Q"

start kiosk-locked --kiosk
xdotool key q key Escape key F11
sleep 1.5
kill -0 "$pid" 2>/dev/null; check $? "the kiosk ignores Q, Escape and F11"
xdotool key ctrl+alt+shift+q
gone_within 10; check $? "Ctrl+Alt+Shift+Q leaves the kiosk"
check $status "the kiosk exits with status 0 after its exit combination (stderr: $(tail -c 300 "$WORK/kiosk-locked.err"))"

start kiosk-term --kiosk
kill -TERM "$pid"
gone_within 10; check $? "SIGTERM stops the kiosk (systemd's stop and restart)"
check $status "the kiosk exits with status 0 on SIGTERM"

# Ctrl+O in a real window runs the desktop's chooser beside it (a fake
# zenity that answers with minimal.json); the chosen file opens (the
# window's title says so) and joins the recent list in XDG_CONFIG_HOME.
mkdir -p "$WORK/bin" "$WORK/cfg"
printf '#!/bin/sh\nsleep 0.5\necho "%s"\n' "$MINIMAL" > "$WORK/bin/zenity"
chmod +x "$WORK/bin/zenity"
PATH="$WORK/bin:$PATH" XDG_CONFIG_HOME="$WORK/cfg" start explore-open
xdotool key ctrl+o
for _ in $(seq 1 200); do xdotool search --name "Minimal timeline" >/dev/null 2>&1 && break; sleep 0.1; done
xdotool search --name "Minimal timeline" >/dev/null 2>&1
check $? "Ctrl+O opens the file the desktop's chooser gives (the title names it)"
grep -qx "$MINIMAL" "$WORK/cfg/frise/recent" 2>/dev/null && [ "$(head -n 1 "$WORK/cfg/frise/recent")" = "$MINIMAL" ]
check $? "the chosen file heads the recent list ($(tr '\n' ' ' < "$WORK/cfg/frise/recent" 2>/dev/null))"
grep -qx "$(realpath "$TL")" "$WORK/cfg/frise/recent" 2>/dev/null
check $? "the timeline opened first is in the recent list too"
xdotool key ctrl+q
gone_within 10; check $? "Ctrl+Q closes the explorer after opening a file"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
INSIDE

xvfb-run -a -s "-screen 0 1280x1024x24" bash "$WORK/inside.sh" "$FRISE" "$TL" "$WORK" \
    "$(realpath "$SRC/tests/data/good/minimal.json")"
