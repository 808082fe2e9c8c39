#!/usr/bin/env bash
# harden_inputs.sh: nothing a file or an argument can do freezes or floods
# Frise (issue 13), from the outside: FIFOs given as the timeline, the
# settings or the replay script are refused at once; an image path that is a
# FIFO, a link out or a 20000 px header is a located problem and never
# blocks a frame; pictures of an unreadable timeline exit 1; usage errors
# exit 2 with one line; replay outputs stay in their folder.
# Prints "N passed, M failed".
set -u
. "$(dirname "$0")/lib.bash"
cli_setup harden_inputs "$@"

passed=0
failed=0
check() { # check STATUS-OF-A-TEST DESCRIPTION
    if [ "$1" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $2"; fi
}
# run NAME ARGS...: frise in $WORK with a 20 s guard; $status, $WORK/NAME.{out,err}
run() {
    local name=$1
    shift
    (cd "$WORK" && timeout 20 "$FRISE" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" </dev/null)
    status=$?
}
lines() { wc -l <"$1" | tr -d ' '; }

# ---- files that are not files ------------------------------------------------------------
mkfifo "$WORK/pipe.json" "$WORK/pipe.txt"
run fifo-check --check "$WORK/pipe.json"
check $(( status != 1 )) "--check on a FIFO exits 1 at once (status $status; 124 is a hang)"
grep -q "not a regular file" "$WORK/fifo-check.err"; check $? "--check on a FIFO says it is not a regular file"
run fifo-shot "$WORK/pipe.json" --screenshot "$WORK/fifo.png"
check $(( status != 1 )) "--screenshot of a FIFO timeline exits 1 (status $status)"
run fifo-config --config "$WORK/pipe.json" --screenshot "$WORK/x.png"
check $(( status != 2 )) "--config naming a FIFO exits 2 at once (status $status)"
run fifo-replay "$SRC/tests/data/good/minimal.json" --replay "$WORK/pipe.txt"
check $(( status != 2 )) "--replay naming a FIFO exits 2 at once (status $status)"

# ---- images: a FIFO, a link out, a huge header, a missing file ------------------------------
mkdir -p "$WORK/tl/images"
mkfifo "$WORK/tl/images/pipe.png"
ln -s /etc/passwd "$WORK/tl/images/passwd.png"
cp "$SRC/tests/data/bad/images/huge-20000px-header" "$WORK/tl/images/huge.png"
python3 - "$WORK/tl/t.json" <<'PY'
import json, sys
events = [{"id": n, "start": str(1950 + i), "title": n, "image": {"path": "images/" + n + ".png"}}
          for i, n in enumerate(["pipe", "passwd", "huge", "missing"])]
json.dump({"format": "frise/1", "title": "Images", "languages": ["en"], "events": events}, open(sys.argv[1], "w"))
PY
run images-check --check "$WORK/tl/t.json"
check $(( status != 1 )) "--check of hostile image paths exits 1 (status $status)"
for n in 0 1 2; do
    grep -Eq "t\.json:1:[0-9]+: events\[$n\]\.image\.path: the image" "$WORK/images-check.err"
    check $? "--check: events[$n]'s image is a located problem"
done
grep -q "events\[3\].image.path: .*cannot be read" "$WORK/images-check.err"; check $? "--check: a missing image is reported"
run images-shot "$WORK/tl/t.json" --select pipe --screenshot "$WORK/images.png"
check $(( status != 0 )) "a timeline with hostile images draws without blocking (status $status)"
[ -s "$WORK/images.png" ]; check $? "... and its picture is written"

# ---- exit statuses and one-line usage errors -------------------------------------------------
run help -h
check $(( status != 0 )) "-h is help, not a file name (status $status)"
grep -q "^Usage: frise" "$WORK/help.out"; check $? "-h prints the usage"
run version -V
check $(( status != 0 )) "-V prints the version (status $status)"
grep -q "^frise [0-9]" "$WORK/version.out"; check $? "-V names the version"
i=0
for args in "--view 1981:1968" "--today garbage" "--idle-seconds 0x10" "a.json --check b.json" \
            "--check a.json --check b.json" "-x" "--size 1920x1080x"; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    run "usage$i" $args
    check $(( status != 2 )) "'frise $args' is a usage error with status 2 (got $status)"
    check $(( $(lines "$WORK/usage$i.err") != 1 )) "'frise $args' explains in one line"
done
run missing-shot "$WORK/no-such.json" --screenshot "$WORK/missing.png"
check $(( status != 1 )) "--screenshot of a missing timeline exits 1 (status $status)"
[ -s "$WORK/missing.png" ]; check $? "... after writing the picture that says why"
run missing-dump "$WORK/no-such.json" --dump-layout
check $(( status != 1 )) "--dump-layout of a missing timeline exits 1 (status $status)"
run good-shot "$SRC/tests/data/good/minimal.json" --screenshot "$WORK/good.png"
check $(( status != 0 )) "--screenshot of a good timeline exits 0 (status $status)"

# ---- the settings file -------------------------------------------------------------------------
mkdir -p "$WORK/kiosk/data"
cp "$SRC/tests/data/good/minimal.json" "$WORK/kiosk/data/t.json"
printf '{"timeline": "data/t.json", "theme": "dark"}\n' >"$WORK/kiosk/kiosk.json"
run relative --config "$WORK/kiosk/kiosk.json" --dump-layout
check $(( status != 0 )) "a relative timeline in the settings is found beside them (status $status; $(head -c 200 "$WORK/relative.err"))"
printf '{"theme": "midnight"}\n' >"$WORK/kiosk/bad.json"
run theme --config "$WORK/kiosk/bad.json" --dump-layout
check $(( status != 2 )) "an unknown theme stops the start with status 2 (got $status)"
grep -q 'bad.json:1:2: "theme"' "$WORK/theme.err"; check $? "... naming the file, the place and the setting"

# ---- replay outputs ------------------------------------------------------------------------------
mkdir -p "$WORK/replay/shots" "$WORK/out"
printf '0 screenshot ../escaped.png\n' >"$WORK/replay/up.txt"
run replay-up "$SRC/tests/data/good/minimal.json" --replay "$WORK/replay/up.txt"
check $(( status != 2 )) "a script writing to ../ is refused before it runs (status $status)"
[ ! -e "$WORK/escaped.png" ]; check $? "... and nothing is written outside"
printf '0 screenshot /tmp/frise-harden-absolute.png\n' >"$WORK/replay/abs.txt"
run replay-abs "$SRC/tests/data/good/minimal.json" --replay "$WORK/replay/abs.txt"
check $(( status != 2 )) "a script writing to an absolute path is refused (status $status)"
ln -s /tmp "$WORK/out/link"
printf '0 screenshot link/frise-harden-link.png\n' >"$WORK/replay/link.txt"
run replay-link "$SRC/tests/data/good/minimal.json" --replay "$WORK/replay/link.txt" --out "$WORK/out"
check $(( status != 1 )) "a script writing through a symbolic link fails (status $status)"
[ ! -e /tmp/frise-harden-link.png ]; check $? "... and writes nothing through it"
printf '0 screenshot shots/a.png\n0 dump-layout d.json\n' >"$WORK/replay/ok.txt"
run replay-out "$SRC/tests/data/good/minimal.json" --replay "$WORK/replay/ok.txt" --out "$WORK/replay"
check $(( status != 0 )) "--out DIR takes the script's outputs (status $status)"
[ -s "$WORK/replay/shots/a.png" ] && [ -s "$WORK/replay/d.json" ]; check $? "... into DIR"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
