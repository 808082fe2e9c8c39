# lib.bash: the start every end-to-end script shares (sourced, not a test:
# tests.cmake registers only *.sh). Usage, from a script NAME.sh run as
# `bash NAME.sh PATH_TO_frise SOURCE_DIR`:
#     . "$(dirname "$0")/lib.bash"; cli_setup NAME "$@"
# It sets FRISE, SRC, TL (the shipped timeline), REPLAY (tests/replay) and
# WORK (a scratch folder removed on exit), exits 77 (skip) without python3,
# and fails at once when FRISE is not an executable.

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
