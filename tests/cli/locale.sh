#!/usr/bin/env bash
# locale.sh: the language Frise opens in: --lang wins; else the reader's own
# (LC_ALL, LC_MESSAGES, LANG, in POSIX's order) when the timeline offers it;
# else the timeline's first. A kiosk keeps its installation's language.
#
#   bash tests/cli/locale.sh PATH_TO_frise SOURCE_DIR
. "$(dirname "$0")/lib.bash"
cli_setup locale "$@"

passed=0
failed=0
lang_of() { env -u LC_ALL -u LC_MESSAGES -u LANG "$@" "$FRISE" "$TL" --dump-layout 2>/dev/null |
    python3 -c "import json,sys; print(json.load(sys.stdin)['lang'])"; }
expect() { # want what env...
    local want=$1 what=$2; shift 2
    local got; got=$(lang_of "$@")
    if [ "$got" = "$want" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $what: got $got, want $want"; fi
}
expect ru "LANG=ru_RU.UTF-8 opens in Russian" LANG=ru_RU.UTF-8
expect km "LC_MESSAGES=km_KH opens in Khmer" LC_MESSAGES=km_KH LANG=en_GB.UTF-8
expect en "LC_ALL wins over LANG" LC_ALL=en_US.UTF-8 LANG=ru_RU.UTF-8
expect fr "a language the file lacks opens in the file's first" LANG=de_DE.UTF-8
expect fr "the C locale opens in the file's first" LANG=C
got=$(env LANG=ru_RU.UTF-8 "$FRISE" "$TL" --lang en --dump-layout | python3 -c "import json,sys; print(json.load(sys.stdin)['lang'])")
if [ "$got" = en ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL --lang wins: got $got"; fi
got=$(env LANG=ru_RU.UTF-8 "$FRISE" "$TL" --kiosk --dump-layout | python3 -c "import json,sys; print(json.load(sys.stdin)['lang'])")
if [ "$got" = fr ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL the kiosk keeps its language: got $got"; fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
