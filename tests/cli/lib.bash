# lib.bash: the start every end-to-end script shares (sourced, not a test:
# tests.cmake registers only *.sh). Usage, from a script NAME.sh run as
# `bash NAME.sh PATH_TO_frise SOURCE_DIR`:
#     . "$(dirname "$0")/lib.bash"; cli_setup NAME "$@"
# It sets FRISE, SRC, TL (the shipped timeline), REPLAY (tests/replay) and
# WORK (a scratch folder removed on exit), exits 77 (skip) without python3,
# and fails at once when FRISE is not an executable. It also gives fill and
# centre, for replay templates whose taps are read from an earlier dump.

cli_setup() {
    local name=$1
    FRISE=${2:?usage: $name.sh PATH_TO_frise SOURCE_DIR}
    SRC=${3:?usage: $name.sh PATH_TO_frise SOURCE_DIR}
    # Absolute, since the scripts run frise from scratch folders.
    case $FRISE in /*) ;; *) FRISE="$PWD/$FRISE" ;; esac
    case $SRC in /*) ;; *) SRC="$PWD/$SRC" ;; esac
    command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 77; }
    [ -x "$FRISE" ] || { echo "FAIL $FRISE is not an executable"; echo "0 passed, 1 failed"; exit 1; }
    export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-dummy}
    export SDL_AUDIODRIVER=${SDL_AUDIODRIVER:-dummy}
    export PYTHONDONTWRITEBYTECODE=1  # no __pycache__ in the source tree
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/frise-$name.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
    TL="$SRC/data/timeline.json"
    REPLAY="$SRC/tests/replay"
}

# fill TEMPLATE OUT [NAME=VALUE...]: the template with @NAME@ replaced by
# VALUE (when not empty); lines with a placeholder still in them are left
# out, so a first pass runs the part of a replay that needs no coordinates.
fill() {
    python3 - "$@" <<'PY'
import re
import sys

src, out = sys.argv[1], sys.argv[2]
values = dict(a.split("=", 1) for a in sys.argv[3:])
kept = []
with open(src, encoding="utf-8") as f:
    for line in f:
        for name, value in values.items():
            if value:
                line = line.replace("@%s@" % name, value)
        if not re.search(r"@\w+@", line):
            kept.append(line)
with open(out, "w", encoding="utf-8") as f:
    f.write("".join(kept))
PY
}

# centre DUMP WHAT: "X Y", the centre of something in a --dump-layout file,
# or nothing when it is not there. WHAT is a path into the dump
# (buttons.themes, buttons.theme_rows.2, panel.links.-1), or "cluster": the
# badge of the largest cluster.
centre() {
    python3 - "$@" <<'PY'
import json
import sys

try:
    with open(sys.argv[1], encoding="utf-8") as f:
        o = json.load(f)
    if sys.argv[2] == "cluster":
        o = max(o["clusters"], key=lambda k: k["count"])
        print("%.0f %.0f" % (o["x"], o["y"]))
    else:
        for part in sys.argv[2].split("."):
            o = o[int(part)] if isinstance(o, list) else o[part]
        o = o.get("rect", o)  # list items are {"rect": {x, y, w, h}}
        print("%.0f %.0f" % (o["x"] + o["w"] / 2, o["y"] + o["h"] / 2))
except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError):
    pass
PY
}
