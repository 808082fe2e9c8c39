#!/usr/bin/env python3
"""gen_hostile.py: writes the fixtures of tests/data/bad/ that cannot be typed.

Invalid UTF-8, NUL bytes, a UTF-16 file, a byte order mark, a text past the
65,536-byte limit: these are awkward to edit by hand, so they are made here,
byte for byte and deterministically, and committed like the other fixtures.
Run it again after changing one (the output is identical when nothing changed):

    python3 tests/gen_hostile.py            # writes into tests/data/bad/
    python3 tests/gen_hostile.py OUT_DIR    # somewhere else

Each file is a small realistic timeline with one mistake; what the loader
must report for it is listed in tests/data/bad/EXPECTED.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# The same three-event timeline as the hand-written fixtures, as text.
BASE = '''{
  "format": "frise/1",
  "title": { "fr": "Les débuts du cinéma", "en": "Early cinema" },
  "languages": ["fr", "en"],
  "events": [
    {
      "id": "kinetoscope",
      "start": "1891-05-20",
      "title": { "fr": "Edison présente le kinétoscope", "en": "Edison shows the Kinetoscope" }
    },
    {
      "id": "lumiere-screening",
      "start": "1895-12-28",
      "title": { "fr": "Première séance payante des frères Lumière", "en": "The Lumière brothers' first paid screening" },
      "body": { "fr": "BODY_FR", "en": "BODY_EN" }
    },
    {
      "id": "trip-to-the-moon",
      "start": "1902-09",
      "title": { "fr": "Le Voyage dans la Lune", "en": "A Trip to the Moon" }
    }
  ]
}
'''

BODY_FR = "Trente-trois spectateurs au Salon indien du Grand Café."
BODY_EN = "Thirty-three people in the Indian Salon of the Grand Café."


def base(body_fr=BODY_FR, body_en=BODY_EN):
    return BASE.replace("BODY_FR", body_fr).replace("BODY_EN", body_en)


def fixtures():
    """Yields (file name, bytes)."""
    text = base()

    # Saved as Latin-1 by an old editor: "Première" has a lone 0xE8 byte.
    # Only the French title is spoilt; every event stays.
    data = text.encode("utf-8")
    data = data.replace("Première".encode("utf-8"), "Première".encode("latin-1"), 1)
    yield "encoding-invalid-utf8.json", data

    # A NUL byte pasted into a title (from a binary copy and paste).
    data = text.encode("utf-8").replace(b"A Trip to the Moon", b"A Trip to\x00the Moon", 1)
    yield "encoding-nul-byte.json", data

    # "Unicode" in Windows Notepad: UTF-16 LE with a byte order mark.
    yield "encoding-utf16.json", text.encode("utf-16")

    # A byte order mark (valid, ignored) and a bad date after it: the
    # column must not count the invisible mark.
    data = b"\xef\xbb\xbf" + text.replace('"1902-09"', '"1902-9"', 1).encode("utf-8")
    yield "bom-bad-date.json", data

    # A \u0000 escape: valid JSON, but C strings end there.
    yield "nul-escape.json", text.replace("A Trip to the Moon", "A Trip\\u0000 to the Moon", 1).encode("utf-8")

    # A body of 70,000 bytes, over the 65,536-byte limit for one text.
    sentence = "The Lumière brothers show ten short films. "
    long_body = (sentence * (70000 // len(sentence) + 1))[:70000]
    yield "string-too-long.json", base(body_en=long_body).encode("utf-8")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "data", "bad")
    os.makedirs(out, exist_ok=True)
    for name, data in fixtures():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
