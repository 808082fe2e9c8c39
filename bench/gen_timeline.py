#!/usr/bin/env python3
"""Writes a synthetic frise/1 timeline of N events for the benchmarks.

Usage: bench/gen_timeline.py N OUT.json [SEED]
Events spread over 1900-2030 with bursts, a fifth of them spans, titles and
summaries of realistic length, two languages, five categories, two lanes."""
import json
import random
import sys


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    words = ("accord traité visite ambassade aide commerce conflit culture école hôpital "
             "agreement treaty visit embassy aid trade conflict culture school hospital").split()
    cats = ["diplomacy", "conflict", "aid", "security", "culture"]
    events = []
    for i in range(n):
        if rng.random() < 0.3:  # bursts: many events in a few days
            year, month, day = 1970 + rng.randrange(3), rng.randrange(1, 13), rng.randrange(1, 28)
        else:
            year, month, day = rng.randrange(1900, 2030), rng.randrange(1, 13), rng.randrange(1, 29)
        title = " ".join(rng.choice(words) for _ in range(rng.randrange(2, 7))).capitalize()
        summary = " ".join(rng.choice(words) for _ in range(rng.randrange(10, 30))) + "."
        ev = {"id": f"e{i}", "start": f"{year:04d}-{month:02d}-{day:02d}",
              "title": {"fr": title, "en": title.upper()}, "summary": {"fr": summary, "en": summary},
              "category": rng.choice(cats),
              "sources": [{"title": "Synthetic", "publication": "bench"}]}
        if rng.random() < 0.2:
            ev["end"] = f"{min(year + rng.randrange(0, 5), 2030):04d}"
        events.append(ev)
    doc = {"format": "frise/1", "title": {"fr": f"{n} événements", "en": f"{n} events"},
           "languages": ["fr", "en"],
           "categories": [{"id": c, "label": c, "colour": col} for c, col in
                          zip(cats, ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00"])],
           "lanes": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
           "eras": [{"id": "a1", "lane": "a", "start": "1900", "end": "1960", "label": "First"},
                    {"id": "a2", "lane": "a", "start": "1960", "end": "2030", "label": "Second"},
                    {"id": "b1", "lane": "b", "start": "1920", "end": "1991-12-26", "label": "Third"}],
           "events": events}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
