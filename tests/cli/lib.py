"""lib.py: shared helpers for the CLI tests' assertions (standard library only).

A test script runs frise, then a python3 heredoc that imports this module,
records each check with Checks.ok, and ends with Checks.finish(), which
prints "N passed, M failed" and gives the exit status.
"""
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pnglib  # noqa: E402  (after the path is set)


class Checks:
    """Counts passed and failed checks; a failure never stops the others."""

    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = 0

    def ok(self, cond, what, detail=""):
        if cond:
            self.passed += 1
            print("ok   %s" % what)
        else:
            self.failed += 1
            print("FAIL %s%s" % (what, (": " + str(detail)) if detail != "" else ""))
        return bool(cond)

    def near(self, got, want, tol, what):
        good = got is not None and want is not None and abs(got - want) <= tol
        return self.ok(good, what, "got %r, want %r +- %r" % (got, want, tol))

    def equal(self, got, want, what):
        return self.ok(got == want, what, "got %r, want %r" % (got, want))

    def finish(self):
        print("%d passed, %d failed" % (self.passed, self.failed))
        return 1 if self.failed else 0


# ---- dumps ------------------------------------------------------------------------

def load_dump(checks, path, what=None):
    """The parsed JSON dump at path, or None (recorded as a failure)."""
    what = what or "%s is valid JSON" % os.path.basename(path)
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        checks.ok(False, what, e)
        return None
    checks.ok(isinstance(data, dict), what, "not a JSON object")
    return data if isinstance(data, dict) else None


def iso_days(text):
    """Days of an ISO date "YYYY-MM-DD" (or "YYYY", "YYYY-MM") on a proleptic
    day count; only differences matter to the tests."""
    approx = text.startswith("~")
    if approx:
        text = text[1:]
    parts = [int(p) for p in text.split("T")[0].split("-")]
    while len(parts) < 3:
        parts.append(1)
    return datetime.date(parts[0], parts[1], parts[2]).toordinal()


def view_days(dump):
    """(from, to) of the dump's view in days (whole days: the dump rounds)."""
    return iso_days(dump["view"]["from"]), iso_days(dump["view"]["to"])


def time_at(dump, x):
    """The time (days) under window x, from view.from/to and the timeline's
    extent: t = from + (x - x0) / (x1 - x0) * (to - from)."""
    t0, t1 = view_days(dump)
    x0, x1 = dump["regions"]["timeline_x0"], dump["regions"]["timeline_x1"]
    return t0 + (x - x0) / float(x1 - x0) * (t1 - t0)


def time_at_precise(dump, x, eras):
    """The time under x from an era edge the dump places exactly (x0 of an
    era whose start date is known) and px_per_day; None without such an era.
    eras: {id: start_days}."""
    ppd = dump["view"]["px_per_day"]
    for era in dump.get("eras", []):
        if era["id"] in eras:
            return eras[era["id"]] + (x - era["x0"]) / ppd
    return None


def rect(card):
    return (card["x"], card["y"], card["x"] + card["w"], card["y"] + card["h"])


def overlapping_pairs(cards, slack=0.5):
    """Pairs of card ids whose rectangles overlap by more than slack px."""
    pairs = []
    for i in range(len(cards)):
        a = rect(cards[i])
        for j in range(i + 1, len(cards)):
            b = rect(cards[j])
            if a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack:
                pairs.append((cards[i]["id"], cards[j]["id"]))
    return pairs


def cards_outside(cards, w, h, slack=0.5):
    """Ids of cards not wholly inside a w x h window."""
    out = []
    for c in cards:
        x0, y0, x1, y1 = rect(c)
        if x0 < -slack or y0 < -slack or x1 > w + slack or y1 > h + slack:
            out.append(c["id"])
    return out


def card(dump, event_id):
    for c in dump.get("cards", []):
        if c["id"] == event_id:
            return c
    return None


def cluster_holding(dump, event_id):
    for k in dump.get("clusters", []):
        if event_id in k.get("ids", []):
            return k
    return None


# ---- screenshots --------------------------------------------------------------------

def _luma(p):
    return 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2]


def analyse_png(path, boxes=(), axis=None):
    """Everything the tests ask of one PNG, as a plain dict (so it can come
    back from a worker process): size, error, colours, ink, background; for
    each box (x0, y0, x1, y1) its share of dark pixels and its colours; and
    with axis = (axis_y, [labelled tick x...], y_limit), label_gaps."""
    out = {"path": path, "exists": os.path.isfile(path) and os.path.getsize(path) > 0}
    if not out["exists"]:
        return out
    try:
        out["size"] = pnglib.read_size(path)
        img = pnglib.read(path)
    except Exception as e:  # noqa: BLE001  (PngError, zlib.error, struct.error)
        out["error"] = "%s: %s" % (type(e).__name__, e)
        return out
    out["colours"], out["ink"], out["background"] = pnglib.ink_stats(img)
    out["boxes"] = []
    for (x0, y0, x1, y1) in boxes:
        x0, y0 = max(0, int(x0)), max(0, int(y0))
        x1, y1 = min(img.width, int(x1)), min(img.height, int(y1))
        dark = total = 0
        colours = set()
        for y in range(y0, y1, 2):
            for x in range(x0, x1, 2):
                p = img.pixel(x, y)
                colours.add(p)
                total += 1
                dark += _luma(p) < 110
        out["boxes"].append({"dark": dark / float(total) if total else 0.0, "colours": len(colours)})
    if axis is not None:
        out["label_gaps"] = label_gaps(img, *axis)
    return out


def label_gaps(img, axis_y, xs, y_limit=None, tick_xs=()):
    """Tick labels that run into each other, read from the pixels: for each
    pair of neighbouring labelled ticks at xs (sorted), the widest run of
    columns with no text between them, in the rows of text just below the
    axis. Text is grey ink well darker than the paper; coloured marks (the
    today line) do not count, nor do the tick marks (tick_xs, every tick,
    labelled or not: rows with ink only there are marks, not text)."""
    y0 = int(axis_y) + 2
    y1 = int(min(axis_y + 40, y_limit if y_limit is not None else axis_y + 40, img.height))
    paper = img.pixel(min(img.width - 1, 3), min(img.height - 1, y1))
    marks = set()
    for t in tick_xs:
        marks.update(range(int(t) - 2, int(t) + 3))

    def ink(p):
        grey = abs(p[0] - p[1]) < 30 and abs(p[1] - p[2]) < 30
        return grey and _luma(paper) - _luma(p) > 40

    rows = [y for y in range(y0, y1)
            if sum(ink(img.pixel(x, y)) for x in range(img.width) if x not in marks) > 3]
    if not rows:
        return None
    cols = [any(ink(img.pixel(x, y)) for y in rows) for x in range(img.width)]
    gaps = []
    for a, b in zip(xs, xs[1:]):
        best = run = 0
        for x in range(max(0, int(a) + 1), min(img.width, int(b))):
            run = 0 if cols[x] else run + 1
            best = max(best, run)
        gaps.append(best)
    return gaps


def _analyse_job(job):
    return analyse_png(*job)


def analyse_pngs(jobs):
    """analyse_png over [(path, boxes), ...] on every core: decoding in pure
    Python is the slow part of these tests. Returns {path: result}."""
    jobs = list(jobs)
    try:
        import concurrent.futures
        with concurrent.futures.ProcessPoolExecutor(max_workers=max(1, min(len(jobs), os.cpu_count() or 1))) as pool:
            results = list(pool.map(_analyse_job, jobs))
    except (ImportError, OSError, NotImplementedError, RuntimeError):
        results = [_analyse_job(j) for j in jobs]
    return {r["path"]: r for r in results}


def check_png(checks, result, w, h, min_colours=50, min_ink=0.02, what=None):
    """Records the checks on one analyse_png result: written, a PNG of w x h
    that decodes, and not blank (many distinct colours, and a share of
    pixels unlike the background). Returns True when it decoded."""
    what = what or os.path.basename(result["path"])
    if not checks.ok(result["exists"], "%s was written" % what):
        return False
    if "size" in result:
        checks.equal(tuple(result["size"]), (w, h), "%s is %dx%d" % (what, w, h))
    if not checks.ok("error" not in result, "%s decodes as a PNG" % what, result.get("error", "")):
        return False
    checks.ok(result["colours"] >= min_colours and result["ink"] >= min_ink, "%s is not blank" % what,
              "%d colours, %.1f%% of pixels unlike the background %r"
              % (result["colours"], 100 * result["ink"], result["background"]))
    return True


def timeline_json(source_dir):
    with open(os.path.join(source_dir, "data", "timeline.json"), encoding="utf-8") as f:
        return json.load(f)


def x_of(dump, t_days, eras=None):
    """Where a time is on screen: exact when eras ({id: start_days}) gives an
    era edge of the dump to measure from, else from the day-rounded view.from."""
    ppd = dump["view"]["px_per_day"]
    for era in dump.get("eras", []) if eras else []:
        if era["id"] in eras:
            return era["x0"] + (t_days - eras[era["id"]]) * ppd
    return dump["regions"]["timeline_x0"] + (t_days - view_days(dump)[0]) * ppd


def coverage(dump, starts, eras=None, edge_px=1.0):
    """docs/layout-dump.md: every event whose date is on screen is either one
    card or in one cluster. starts: {id: start_days}; eras as for x_of.
    Returns (missing, repeated): ids on screen found nowhere, and ids found
    more than once. Events within edge_px of an edge are let off."""
    seen = {}
    for c in dump.get("cards", []):
        seen[c["id"]] = seen.get(c["id"], 0) + 1
    for k in dump.get("clusters", []):
        for i in k.get("ids", []):
            seen[i] = seen.get(i, 0) + 1
    x0, x1 = dump["regions"]["timeline_x0"], dump["regions"]["timeline_x1"]
    if eras is None:
        edge_px = max(edge_px, 1.5 * dump["view"]["px_per_day"])  # the rounded view.from is a day out at most
    missing = sorted(i for i, s in starts.items()
                     if x0 + edge_px <= x_of(dump, s, eras) <= x1 - edge_px and i not in seen)
    repeated = sorted(i for i, n in seen.items() if n > 1)
    return missing, repeated


def run_status(work, run):
    """The exit status a script's run left in WORK/RUN/rc, or None if it did not run."""
    try:
        with open(os.path.join(work, run, "rc")) as f:
            return int(f.read().strip() or "-1")
    except (OSError, ValueError):
        return None


def run_errors(work, run):
    """What a run printed on stderr (sanitizer reports land there)."""
    try:
        with open(os.path.join(work, run, "stderr"), errors="replace") as f:
            return f.read()
    except OSError:
        return "(no stderr: the run did not happen)"


class Runs:
    """What the runs of one script left in WORK: exit status, stderr, dumps."""

    def __init__(self, checks, work):
        self.checks, self.work = checks, work

    def rc(self, run):
        return run_status(self.work, run)

    def errors(self, run):
        return run_errors(self.work, run)

    def dump(self, run, name):
        path = os.path.join(self.work, run, name + ".json")
        return load_dump(self.checks, path, "%s/%s.json was written" % (run, name))
