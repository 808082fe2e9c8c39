#!/usr/bin/env bash
# panel.sh: the open story's panel and search through a replay
# (tests/replay/panel-actions.txt) on the shipped timeline at 1366x768: the
# image fitted in its box, a click shows it large over the window and a key
# closes it (the story stays); Ctrl+C hands the citation to the clipboard,
# a click on a source's URL hands it to the browser (headless runs log both
# instead of acting); search lists every match with its count and a snippet,
# and the wheel walks the list to its last result.
# Usage: bash tests/cli/panel.sh PATH_TO_frise SOURCE_DIR
# Prints "N passed, M failed"; exits 1 on any failure, 77 without python3.
set -u

. "$(dirname "$0")/lib.bash"
cli_setup panel "$@"

run() {
    local name=$1
    shift
    mkdir -p "$WORK/$name"
    fill "$REPLAY/panel-actions.txt" "$WORK/$name/script.txt" "$@"
    (cd "$WORK/$name" && "$FRISE" "$TL" --select relations-1956 --size 1366x768 --lang fr \
        --replay script.txt >out.txt 2>err.txt; echo $? >rc)
}

run pass1
IMAGE=$(centre "$WORK/pass1/p0-open.json" panel.image)
LINK=$(centre "$WORK/pass1/p3-sources.json" panel.links.-1)
run final IMAGE="$IMAGE" LINK="$LINK"

python3 - "$WORK" "$SRC" <<'PY'
import json
import os
import sys

work, src = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(src, "tests", "cli"))
import lib

t = lib.Checks("panel")


def dump(name):
    return lib.load_dump(t, os.path.join(work, "final", name + ".json"), "%s.json is valid JSON" % name)


t.equal(open(os.path.join(work, "final", "rc")).read().strip(), "0", "the replay exits with status 0")
err = open(os.path.join(work, "final", "err.txt"), encoding="utf-8").read()
p0, p1, p2, p3 = dump("p0-open"), dump("p1-large"), dump("p2-closed"), dump("p3-sources")
if p0:
    t.ok(p0["panel"]["image"] is not None, "p0: the story's image is a target", p0["panel"])
    t.ok(not p0["panel"]["image_open"], "p0: not large yet")
if p1:
    t.ok(p1["panel"]["image_open"], "p1: a click on the image shows it large", p1["panel"])
    t.equal(p1.get("selected"), "relations-1956", "p1: the story stays open under it")
if p2 and p0:
    t.equal(p2.get("view"), p0.get("view"), "p2: a wheel under the large image moved nothing")
if p2:
    t.ok(not p2["panel"]["image_open"], "p2: any key closes it")
    t.equal(p2.get("selected"), "relations-1956", "p2: the story is still open")
if p3:
    links = p3["panel"]["links"]
    t.ok(len(links) > 0, "p3: scrolled to its sources, the URLs are targets", p3["panel"])
    t.ok(all(l["url"].startswith("http") for l in links), "p3: each target carries its URL")
t.ok("Ouverture des relations diplomatiques\n" in err and "Sources\u00a0:" in err,
     "Ctrl+C: the citation (title, date, sources) goes to the clipboard", err[-600:])
t.ok("headless, not opening https://" in err, "a click on a URL hands it to the browser", err[-600:])
s4, s5 = dump("p4-search"), dump("p5-last")
if s4:
    s = s4["search"]
    t.ok(s["count"] > 8, "p4: every match is kept, not eight (%d)" % s["count"], s)
    t.equal(len(s["results"]), s["count"], "p4: the results are the count")
    t.ok(0 < s["shown"] <= s["count"], "p4: the rows that fit are shown", s)
    t.equal(len(s["snippets"]), s["shown"], "p4: a snippet for each row shown")
    t.ok(all("sovi" in x.lower() for x in s["snippets"]), "p4: each snippet holds its match", s["snippets"])
if s5:
    s = s5["search"]
    t.equal(s["highlight"], s["count"] - 1, "p5: the wheel walks to the last result")
    t.equal(s["first"] + s["shown"], s["count"], "p5: the list scrolled to show it")
sys.exit(t.finish())
PY
