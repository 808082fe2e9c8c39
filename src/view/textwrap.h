/* textwrap.h: greedy line wrapping measured through a TextMeasurer, at the
 * line-break opportunities of each script (ICU's line breaker). */
#ifndef FRISE_TEXTWRAP_H
#define FRISE_TEXTWRAP_H

#include <stdbool.h>
#include <stddef.h>

#include "drawlist.h"
#include "richtext.h"

typedef struct WrapLine {
    size_t offset, len;            /* bytes of the source text */
    bool ellipsis;                 /* the text goes on: draw "…" after it */
    bool hyphen;                   /* a word cut here (Latin, Greek, Cyrillic): draw "-" after it */
    bool paragraph_end;            /* the last line of a paragraph */
} WrapLine;

/* ---- the breaker: ICU's iterators, opened once and reused ------------------------------
 *
 * Where a line may end is a matter of script, not of spaces: Khmer writes no
 * spaces between words (ICU finds the words with its Khmer dictionary),
 * French keeps "!" and "»" on the line of the word before them when a
 * no-break space joins them, a hyphen or a URL's "/" may end a line. ICU's
 * line break iterator (UAX #14 plus dictionaries) knows all of this.
 *
 * Opening an iterator costs an allocation and a copy of its rules, so a
 * WrapBreaker keeps them between calls: one line iterator per locale (a
 * small cache, replaced round-robin when full), one grapheme iterator (to
 * cut a word wider than the line between user-perceived characters) and one
 * UText over the text being wrapped. After the first call with a locale,
 * wrapping allocates nothing (beyond what ICU's dictionary code may cache
 * for itself).
 *
 * Zero means ready: `WrapBreaker b = {0};` opens nothing until first use.
 * The owner frees it with wrap_breaker_free. A breaker is not thread-safe:
 * one per thread. When ICU cannot open an iterator (no data), the breaker
 * falls back to breaking after spaces and between code points, and says so
 * in `icu_failed`. The ICU types stay opaque here, so includers need no ICU
 * headers. */

enum { WRAP_MAX_LOCALES = 4, WRAP_LOCALE_BYTES = 16 };

typedef struct WrapBreaker {
    struct {
        char locale[WRAP_LOCALE_BYTES];    /* "" is ICU's root rules */
        struct UBreakIterator *iter;       /* NULL: slot unused */
    } line[WRAP_MAX_LOCALES];
    int next_slot;                         /* the slot to replace when all are used */
    struct UBreakIterator *clusters;       /* grapheme clusters, for cutting long words */
    struct UText *text;                    /* the text being wrapped, reused */
    bool icu_failed;                       /* ICU did not open: spaces and code points */
} WrapBreaker;

/* Closes the iterators and the UText; the breaker is zero again (reusable). */
void wrap_breaker_free(WrapBreaker *b);

/* Splits text into lines no wider than max_w, breaking where the rules of
 * the text's language allow (locale: a BCP 47 tag such as "km", "ru", "fr";
 * NULL or "" for ICU's root rules, which already handle every script;
 * tailorings differ only for a few languages such as Japanese).
 *
 * Greedy: each line takes as many break-to-break segments as fit. Spaces at
 * a line's end are not part of it (a line's len stops before them) and the
 * next line starts after them. Newlines end paragraphs ("\n\n" leaves an
 * empty line); a paragraph's leading spaces (indentation) are kept unless
 * they leave no room for its first segment. A segment wider than a line
 * starts a line of its own and is cut between grapheme clusters (never
 * after a Khmer coeng, so a consonant keeps its subscript and vowel signs);
 * a single cluster wider than the line still takes a line of its own and
 * overflows it. At most max_lines lines are written; when the text does not
 * fit, the last line is shortened so that it and an ellipsis fit (dropping
 * trailing spaces and commas), and gets ellipsis = true. Returns the number
 * of lines. Offsets are bytes of text; no line starts or ends inside a UTF-8
 * sequence. */
int wrap_text_with(WrapBreaker *b, const char *locale, const TextMeasurer *m, FontFace face, int size_px,
                   const char *text, float max_w, WrapLine *lines, int max_lines);

/* ---- styled text ------------------------------------------------------------------------
 *
 * A story read from HTML has bold, italic and link runs (richtext.h). It
 * wraps like any text, at the same places and with the same hyphenation and
 * address rules, but each run is measured in its own face, so a line of
 * bold words breaks earlier than the same words in regular, and a line
 * goes on across run boundaries as if they were not there. */

/* The runs of the text being wrapped. The text may be a part of the one
 * the runs were made for (a batch of lines further on): base is where it
 * starts in that one. */
typedef struct WrapRuns {
    RichText rich;
    size_t base;
    bool hide_addresses;     /* web addresses (rich_address_hideable) take no room: the view does not draw them */
} WrapRuns;

/* The face a run of style (RICH_BOLD, RICH_ITALIC) takes in a text whose own
 * face is face: a bold run in italic text is bold italic. */
FontFace wrap_face(FontFace face, unsigned style);

/* The width of text[from, to), each run in its face (hidden addresses take
 * none); runs NULL measures all of it in face. */
float wrap_runs_width(const TextMeasurer *m, FontFace face, int size_px, const WrapRuns *runs, const char *text,
                      size_t from, size_t to);

/* wrap_text_with for styled text (runs may be NULL: plain). A hyphen or an
 * ellipsis is measured in the face of the character it follows. */
int wrap_runs_with(WrapBreaker *b, const char *locale, const TextMeasurer *m, FontFace face, int size_px,
                   const char *text, const WrapRuns *runs, float max_w, WrapLine *lines, int max_lines);

/* The width of "…" in that font. */
float wrap_ellipsis_width(const TextMeasurer *m, FontFace face, int size_px);

#define WRAP_ELLIPSIS "\xE2\x80\xA6"

#endif
