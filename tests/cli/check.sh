#!/usr/bin/env bash
# check.sh: `frise --check` from the outside: exit codes, the summary line of a
# good file, a located message naming every bad file, usage errors, --help
# and --version.
#
#   bash tests/cli/check.sh PATH_TO_frise SOURCE_DIR
#
# Exit 0 when every check passed, 1 otherwise, 77 (skipped) without a binary.
set -u

frise=${1:?usage: check.sh PATH_TO_frise SOURCE_DIR}
src=${2:?usage: check.sh PATH_TO_frise SOURCE_DIR}
if [ ! -x "$frise" ]; then
    echo "check.sh: no executable at $frise; skipped"
    exit 77
fi

passed=0
failed=0
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

pass() { passed=$((passed + 1)); }
fail() {
    failed=$((failed + 1))
    echo "FAIL: $*"
    sed 's/^/    stdout: /' "$out" | head -n 5
    sed 's/^/    stderr: /' "$err" | head -n 5
}

# Runs frise with the given arguments; sets $status.
run() {
    "$frise" "$@" >"$out" 2>"$err" </dev/null
    status=$?
}

# Expected counts of the good fixtures: "events eras".
expected_counts() {
    case "$(basename "$1")" in
        minimal.json) echo "1 0" ;;
        full.json) echo "10 4" ;;
        timelinejs.json) echo "6 2" ;;
        *) echo "" ;;
    esac
}

# ---- good files: exit 0 and "N events, M eras, 0 problems" ---------------------
good_files=("$src"/tests/data/good/*.json)
[ -f "$src/data/timeline.json" ] && good_files+=("$src/data/timeline.json")
for file in "${good_files[@]}"; do
    run --check "$file"
    summary=$(cat "$out" "$err" | grep -E '[0-9]+ events?, [0-9]+ eras?, 0 problems' | head -n 1)
    if [ "$status" -ne 0 ]; then
        fail "--check $file exited $status, expected 0"
    elif [ -z "$summary" ]; then
        fail "--check $file printed no \"N events, M eras, 0 problems\" line"
    else
        counts=$(expected_counts "$file")
        if [ -n "$counts" ]; then
            read -r events eras <<<"$counts"
            if echo "$summary" | grep -Eq "(^|[^0-9])$events events?, $eras eras?, 0 problems"; then
                pass
            else
                fail "--check $file said \"$summary\", expected $events events, $eras eras"
            fi
        else
            pass
        fi
    fi
done

# ---- bad files: exit 1 and a message naming the file --------------------------------
bad_count=0
for file in "$src"/tests/data/bad/*; do
    [ "$(basename "$file")" = EXPECTED ] && continue
    bad_count=$((bad_count + 1))
    run --check "$file"
    if [ "$status" -ne 1 ]; then
        fail "--check $file exited $status, expected 1"
        continue
    fi
    # FILE:LINE:COL: message, or FILE: message when there is no location.
    located=0
    while IFS= read -r line; do
        case "$line" in
            "$file:"*) rest=${line#"$file:"} ;;
            *) continue ;;
        esac
        if [[ $rest =~ ^[0-9]+:[0-9]+:\  ]] || [[ $rest == " "* ]]; then
            located=1
            break
        fi
    done <"$err"
    if [ "$located" -eq 1 ]; then pass; else fail "--check $file: no stderr line \"$file:LINE:COL: ...\" or \"$file: ...\""; fi
done
if [ "$bad_count" -lt 30 ]; then
    fail "only $bad_count bad fixtures in tests/data/bad"
fi

# A file that does not exist is a bad file too.
missing="$src/tests/data/good/no-such-timeline.json"
run --check "$missing"
if [ "$status" -eq 1 ] && grep -Fq -- "$missing: " "$err"; then pass; else fail "--check of a missing file"; fi

# ---- usage errors: exit 2 ------------------------------------------------------------------
run --check
if [ "$status" -eq 2 ]; then pass; else fail "--check without a file exited $status, expected 2"; fi
run --no-such-option
if [ "$status" -eq 2 ] && [ -s "$err" ]; then pass; else fail "an unknown option exited $status, expected 2 and a message"; fi
run "$src/tests/data/good/minimal.json" "$src/tests/data/good/full.json"
if [ "$status" -eq 2 ]; then pass; else fail "two timeline files exited $status, expected 2"; fi

# ---- --help and --version: exit 0 ------------------------------------------------------------
run --help
if [ "$status" -eq 0 ] && grep -q -- "--check" "$out"; then pass; else fail "--help exited $status or does not mention --check"; fi
run --version
if [ "$status" -eq 0 ] && grep -Eq '[0-9]+\.[0-9]+' "$out"; then pass; else fail "--version exited $status or printed no version"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
