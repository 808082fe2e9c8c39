#!/usr/bin/env python3
"""Editorial checks for a Frise timeline (issue 10): sources, typography, importance.

Usage:
    python3 tests/data_review.py data/timeline.json

Checks (each event, source or text counts as one check):
  - no source URL on a domain of the list of mirrors, copies, content farms
    and disinformation sites below (BLOCKED_DOMAINS, extendable), and no
    source naming one of them in its publication or title;
  - every source has a title and either a url, or a publication and a date;
  - French text (every "fr" value, and every plain string, which a timeline
    whose languages include "fr" shows in French too) has no ordinary space
    (U+0020) before : ; ? ! % or after « or before », and no straight
    apostrophe ' or straight double quote ";
  - English text ("en" values) has no straight apostrophe or double quote;
  - every event has an integer "importance" from 1 to 5;
  - an event whose certainty is "unverified" has importance 2 at most;
  - the founding events listed in FOUNDING_EVENTS have importance 5.

Python 3 standard library only. Exit status: 0 if every check passes,
1 if any fails, 2 on a usage error or an unreadable file. The last line of
the output is "N passed, M failed".
"""

import json
import re
import sys
from urllib.parse import urlsplit

# Domains that must never be cited as a source. A name with a dot matches the
# host itself and its subdomains; a name without a dot matches any host that
# contains it (for wiki farms spread over many hosts). Extend as needed.
BLOCKED_DOMAINS = [
    # Wikipedia mirrors and scraped copies: cite the named Wikipedia article.
    "datana.cloud",            # encyclopedia.datana.cloud
    "pinocchiopedia.com",
    "wikisum.wiki",
    "handwiki.org",
    "the-uncensored-wiki.com",
    "absoluteastronomy.com",
    "academic.ru",             # frwiki.academic.ru, dic.academic.ru
    "defzone.net",
    "perceptiofr.com",
    "perceptiode.com",
    "communpedia",             # communpedia.wikia.org and copies
    "honourswiki",             # honourswiki*.blogspot.com
    "christianpedia",
    "everything.explained.today",
    "liquisearch.com",
    "wiki.x.io",
    "cryer.org.uk",
    "kiwix",
    "wordola.com",             # snippets of TIME: cite the TIME archive
    "softbeam.net",            # copies of TIME
    # Copies of books, reports and studies: cite the original.
    "country-data.com",        # Library of Congress country studies
    "what-when-how.com",       # S. Strangio, Hun Sen's Cambodia
    "docslib.org",
    "discovery.researcher.life",
    "am1.news",                # translation of Le Monde
    "readli.club",             # pirate copies of books
    "readli.net",
    "loveread.me",
    "hub-books.com",
    "wikireading.ru",
    # Content farms and unreliable aggregators.
    "bnnbreaking.com",         # AI "chop shop" (New York Times, 6 June 2024)
    "factsanddetails.com",
    "vietnamtheartofwar.com",
    "clubrunner.ca",
    "advance-in-cambodia.com",
    # Disinformation: the "Pravda network" / Portal Kombat (VIGINUM, Feb 2024)
    # and other pro-Kremlin outlets.
    "news-pravda.com",         # ukraine.news-pravda.com and its subdomains
    "pravda-fr.com",
    "pravda-en.com",
    "pravda-de.com",
    "pravda-es.com",
    "pravda-pl.com",
    "news-front.info",
]

# Events every reader must see (issue 10).
FOUNDING_EVENTS = [
    "relations-1956",
    "coup-1970",
    "khmer-rouge-take-phnom-penh-1975",
    "foreigners-expelled-1975",
    "soviet-aid-1980s",
]

# Fields that hold identifiers, dates, addresses or codes, not prose.
NON_TEXT_KEYS = {
    "$schema", "format", "id", "start", "end", "url", "path", "colour", "shape",
    "lane", "category", "certainty", "event", "from", "to", "languages", "date",
}

FR_BAD_SPACE = [
    (re.compile(r" [:;?!%]"), "an ordinary space before {}"),
    (re.compile(r"« "), "an ordinary space after «"),
    (re.compile(r" »"), "an ordinary space before »"),
]


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, where, message):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL %s: %s" % (where, message))


def blocked_domain(host):
    host = (host or "").lower().rstrip(".")
    for name in BLOCKED_DOMAINS:
        if "." in name:
            if host == name or host.endswith("." + name):
                return name
        elif name in host:
            return name
    return None


def blocked_name_in(text):
    text = text.lower()
    for name in BLOCKED_DOMAINS:
        if name in text:
            return name
    return None


def text_values(value):
    """Yield the strings of a Text (plain string or {lang: string})."""
    if isinstance(value, str):
        yield None, value
    elif isinstance(value, dict):
        for lang, s in value.items():
            if isinstance(s, str):
                yield lang, s


def show(s, at):
    """A short excerpt of s around index at, for messages."""
    lo, hi = max(0, at - 25), min(len(s), at + 25)
    return json.dumps(("…" if lo else "") + s[lo:hi] + ("…" if hi < len(s) else ""),
                      ensure_ascii=False)


def check_french(report, where, s):
    problems = []
    for pattern, message in FR_BAD_SPACE:
        m = pattern.search(s)
        if m:
            problems.append((message.format(m.group(0)[-1]) if "{}" in message else message, m.start()))
    for ch, name in (("'", "a straight apostrophe '"), ('"', 'a straight double quote "')):
        i = s.find(ch)
        if i >= 0:
            problems.append((name, i))
    report.check(not problems, where,
                 "; ".join("French text has %s in %s" % (msg, show(s, i)) for msg, i in problems))


def check_english(report, where, s):
    problems = []
    for ch, name in (("'", "a straight apostrophe '"), ('"', 'a straight double quote "')):
        i = s.find(ch)
        if i >= 0:
            problems.append("English text has %s in %s" % (name, show(s, i)))
    report.check(not problems, where, "; ".join(problems))


def walk_texts(node, path, owner, report, french_default):
    """Check every prose string under node. owner names the event (or part)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in NON_TEXT_KEYS:
                continue
            sub = "%s.%s" % (path, key) if path else key
            if key in ("fr", "en") and isinstance(value, str):
                where = "%s (%s)" % (owner, sub)
                if key == "fr":
                    check_french(report, where, value)
                else:
                    check_english(report, where, value)
            elif isinstance(value, str):
                if french_default:
                    check_french(report, "%s (%s)" % (owner, sub), value)
            else:
                walk_texts(value, sub, owner, report, french_default)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            walk_texts(value, "%s[%d]" % (path, i), owner, report, french_default)


def check_sources(report, ev_id, sources):
    for i, src in enumerate(sources):
        where = "event %s, sources[%d]" % (ev_id, i)
        if not isinstance(src, dict):
            report.check(False, where, "a source must be an object")
            continue
        title = src.get("title")
        has_title = any(s.strip() for _, s in text_values(title)) if title is not None else False
        url = src.get("url")
        pub = src.get("publication")
        date = src.get("date")
        findable = bool(isinstance(url, str) and url.strip()) or bool(
            isinstance(pub, str) and pub.strip() and isinstance(date, str) and date.strip())
        problems = []
        if not has_title:
            problems.append("no title")
        if not findable:
            problems.append("neither a url nor a publication and a date")
        report.check(not problems, where, "source has " + " and ".join(problems))
        if isinstance(url, str) and url.strip():
            host = urlsplit(url.strip()).hostname
            name = blocked_domain(host)
            report.check(name is None, where,
                         "source URL %s is on the list of mirrors and disinformation sites (%s)" % (url, name))
        for field in ("publication", "title"):
            for _, s in text_values(src.get(field)):
                name = blocked_name_in(s)
                report.check(name is None, where,
                             "source %s names a blocked site (%s): %s" % (field, name, json.dumps(s, ensure_ascii=False)))


def main(argv):
    if len(argv) != 2:
        print("usage: data_review.py TIMELINE.json", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        print("%s: cannot read: %s" % (argv[1], e), file=sys.stderr)
        return 2
    if not isinstance(doc, dict) or not isinstance(doc.get("events"), list):
        print("%s: not a Frise timeline (no events list)" % argv[1], file=sys.stderr)
        return 2

    report = Report()
    languages = doc.get("languages") or []
    french_default = "fr" in languages

    # Top-level texts, categories, lanes, eras, tours.
    top = {k: v for k, v in doc.items() if k != "events"}
    walk_texts(top, "", "timeline", report, french_default)

    by_id = {}
    for n, ev in enumerate(doc["events"]):
        if not isinstance(ev, dict):
            report.check(False, "events[%d]" % n, "an event must be an object")
            continue
        ev_id = ev.get("id", "events[%d]" % n)
        by_id[ev_id] = ev
        walk_texts({k: v for k, v in ev.items() if k != "sources"}, "", "event " + str(ev_id),
                   report, french_default)
        sources = ev.get("sources", [])
        if isinstance(sources, list):
            check_sources(report, ev_id, sources)
            for i, src in enumerate(sources):
                if isinstance(src, dict):
                    walk_texts({k: v for k, v in src.items() if k != "url"}, "sources[%d]" % i,
                               "event " + str(ev_id), report, french_default)

        imp = ev.get("importance")
        ok = isinstance(imp, int) and not isinstance(imp, bool) and 1 <= imp <= 5
        report.check(ok, "event %s" % ev_id,
                     "importance must be an integer from 1 to 5, found %s" % json.dumps(imp))
        if ev.get("certainty") == "unverified":
            report.check(ok and imp <= 2, "event %s" % ev_id,
                         "an unverified event must have importance 2 at most, found %s" % json.dumps(imp))

    for ev_id in FOUNDING_EVENTS:
        ev = by_id.get(ev_id)
        report.check(ev is not None and ev.get("importance") == 5, "event %s" % ev_id,
                     "founding event must exist with importance 5, found %s"
                     % ("no such event" if ev is None else json.dumps(ev.get("importance"))))

    print("%d passed, %d failed" % (report.passed, report.failed))
    return 0 if report.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
