#!/usr/bin/env bash
# soak_images.sh: a kiosk's attract loop over 60 distinct 1024x768 photos,
# drawing every frame (--draw-every-frame), for 3 virtual minutes (about 20
# photos), then 40 (all 60, several times): the image cache must evict (60
# photos are 180 MB of textures, the budget is 64 MiB), so the peak memory
# must not grow with the run's length.
# SOAK_MINUTES=4320 runs the by-hand 72-hour soak instead of the long run.
# Prints "N passed, M failed".
set -u
. "$(dirname "$0")/lib.bash"
cli_setup soak_images "$@"
# Freed memory waits in ASan's quarantine (256 MB by default): keep it small,
# or the soak measures the sanitizer, not Frise.
export ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}quarantine_size_mb=8"

python3 - "$FRISE" "$WORK" "${SOAK_MINUTES:-40}" <<'PY'
import json, os, resource, struct, subprocess, sys, zlib

frise, work, long_minutes = sys.argv[1], sys.argv[2], int(sys.argv[3])
passed = failed = 0

def check(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL", what, detail)

def png(path, w, h, rgb):
    rows = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))

os.makedirs(os.path.join(work, "images"))
events = []
for i in range(60):
    png(os.path.join(work, "images", "p%02d.png" % i), 1024, 768, ((i * 37) % 256, (i * 91) % 256, (i * 53) % 256))
    events.append({"id": "e%02d" % i, "start": "%d-03-01" % (1900 + 2 * i), "title": "Event %d" % i,
                   "summary": "A photo.", "image": {"path": "images/p%02d.png" % i, "alt": "x", "credit": "y"}})
timeline = os.path.join(work, "t.json")
json.dump({"format": "frise/1", "title": "Soak", "languages": ["en"], "events": events}, open(timeline, "w"))

def soak(minutes):
    """Peak resident memory in KB of one run, and its status."""
    script = os.path.join(work, "soak-%d.txt" % minutes)
    with open(script, "w") as f:
        f.write("%d screenshot last-%d.png\n%d end\n" % (minutes * 60 - 1, minutes, minutes * 60))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    r = subprocess.run([frise, timeline, "--kiosk", "--idle-seconds", "5", "--today", "2026-01-01", "--size",
                        "1280x720", "--draw-every-frame", "--replay", script], cwd=work, capture_output=True, text=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest so far: runs go shortest first.
    return max(peak, before), r.returncode, r.stderr

short_kb, status, err = soak(3)
check(status == 0, "3 virtual minutes: exit status 0", "got %d: %s" % (status, err[-300:]))
long_kb, status, err = soak(long_minutes)
check(status == 0, "%d virtual minutes: exit status 0" % long_minutes, "got %d: %s" % (status, err[-300:]))
check(not err.strip(), "%d virtual minutes: nothing on stderr" % long_minutes, err[-300:])
check(os.path.getsize(os.path.join(work, "last-%d.png" % long_minutes)) > 0, "the last frame was written")
growth_mb = (long_kb - short_kb) / 1024
print("peak memory: %.1f MB after 3 virtual minutes, %.1f MB after %d" % (short_kb / 1024, long_kb / 1024, long_minutes))
check(growth_mb < 24, "memory stays flat: %.1f MB more after %d minutes than after 3" % (growth_mb, long_minutes))
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
