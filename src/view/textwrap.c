/* textwrap.c: greedy line wrapping at ICU's line-break opportunities, with
 * long words cut between grapheme clusters and an ellipsis when lines run out.
 *
 * Why ICU. Breaking on spaces works for French, English and Russian and
 * fails for Khmer, which puts no space between words: a Khmer sentence is one
 * "word" to a space-breaker, so it was cut between code points wherever the
 * line ran out, even between a consonant and its subscript. ICU's line break
 * iterator implements Unicode's line breaking algorithm (UAX #14) and carries
 * a Khmer dictionary, so it gives, for every script at once, the positions
 * where a line may end: after spaces, after a hyphen, after a URL's "/",
 * between Khmer words, never before "!" or "»" held by a no-break space.
 *
 * The wrapper itself is unchanged in spirit: from the start of a line it
 * walks break opportunities, measuring the text from the line start to each
 * one (spaces at the end are not measured: they hang), and keeps the last
 * that fits. Only a segment between two opportunities that is wider than a
 * whole line is cut inside, between grapheme clusters, never after a sign
 * that joins the next consonant below it (Khmer coeng), since the shaper
 * would draw the two halves as a broken cluster.
 *
 * Text reaches ICU through a UTF-8 UText, so offsets are bytes of the
 * caller's string and nothing is converted to UTF-16. */
#include "textwrap.h"

#include <stdint.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "utf8.h"

float wrap_ellipsis_width(const TextMeasurer *m, FontFace face, int size_px)
{
    return m->width(m->ctx, face, size_px, WRAP_ELLIPSIS, 3);
}

/* ---- the breaker ----------------------------------------------------------------------- */

void wrap_breaker_free(WrapBreaker *b)
{
    for (int i = 0; i < WRAP_MAX_LOCALES; i++)
        if (b->line[i].iter) ubrk_close(b->line[i].iter);
    if (b->clusters) ubrk_close(b->clusters);
    if (b->text) utext_close(b->text);
    memset(b, 0, sizeof *b);
}

/* The line iterator for locale, from the cache or newly opened (replacing
 * the oldest slot when all are used); NULL when ICU fails. A locale too
 * long for a slot gets the root rules, which suit every script. */
static UBreakIterator *line_iterator(WrapBreaker *b, const char *locale)
{
    if (!locale || strlen(locale) >= WRAP_LOCALE_BYTES) locale = "";
    for (int i = 0; i < WRAP_MAX_LOCALES; i++)
        if (b->line[i].iter && strcmp(b->line[i].locale, locale) == 0) return b->line[i].iter;
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iter = ubrk_open(UBRK_LINE, locale, NULL, 0, &status);
    if (U_FAILURE(status)) {
        if (iter) ubrk_close(iter);
        b->icu_failed = true;
        return NULL;
    }
    int slot = -1;
    for (int i = 0; i < WRAP_MAX_LOCALES && slot < 0; i++)
        if (!b->line[i].iter) slot = i;
    if (slot < 0) {
        slot = b->next_slot;
        b->next_slot = (b->next_slot + 1) % WRAP_MAX_LOCALES;
        ubrk_close(b->line[slot].iter);
    }
    memcpy(b->line[slot].locale, locale, strlen(locale) + 1);
    b->line[slot].iter = iter;
    return iter;
}

/* One call's view of the text: where lines may end and where a word may be
 * cut. Without ICU (line == NULL) lines end after runs of spaces and words
 * are cut between code points, which is the best that can be done blind. */
typedef struct Breaks {
    const char *text;
    size_t len;
    WrapBreaker *owner;
    UBreakIterator *line;
    UBreakIterator *clusters; /* set up on the first cut of a call */
    bool clusters_tried;
} Breaks;

static void breaks_open(Breaks *br, WrapBreaker *b, const char *locale, const char *text, size_t len)
{
    *br = (Breaks){text, len, b, NULL, NULL, false};
    if (b->icu_failed || len > INT32_MAX) return; /* ubrk offsets are int32_t */
    UBreakIterator *line = line_iterator(b, locale);
    if (!line) return;
    UErrorCode status = U_ZERO_ERROR;
    /* Reopening the breaker's UText reuses its memory; the iterator keeps
     * its own shallow clone of it, again in memory it already has. */
    UText *ut = utext_openUTF8(b->text, text, (int64_t)len, &status);
    if (U_FAILURE(status)) {
        b->icu_failed = true;
        return;
    }
    b->text = ut;
    ubrk_setUText(line, ut, &status);
    if (U_FAILURE(status)) {
        b->icu_failed = true;
        return;
    }
    br->line = line;
}

/* The grapheme iterator, on the call's text; NULL without ICU. */
static UBreakIterator *cluster_iterator(Breaks *br)
{
    if (br->clusters_tried) return br->clusters;
    br->clusters_tried = true;
    if (!br->line) return NULL;
    WrapBreaker *b = br->owner;
    UErrorCode status = U_ZERO_ERROR;
    if (!b->clusters) {
        b->clusters = ubrk_open(UBRK_CHARACTER, "", NULL, 0, &status);
        if (U_FAILURE(status)) {
            if (b->clusters) ubrk_close(b->clusters);
            b->clusters = NULL;
            return NULL; /* cuts fall back to code points; lines still follow ICU */
        }
    }
    ubrk_setUText(b->clusters, b->text, &status);
    if (U_FAILURE(status)) return NULL;
    br->clusters = b->clusters;
    return br->clusters;
}

static bool is_lead(const Breaks *br, size_t i)
{
    return i >= br->len || ((unsigned char)br->text[i] & 0xC0) != 0x80;
}

/* The first line-break opportunity after pos (pos < len), at most len. */
/* Whether a break at q would split a range of numbers after its dash
 * ("1956–|2026"): ICU allows it, French and English typography do not. */
static bool splits_number_range(const Breaks *br, size_t q)
{
    const char *t = br->text;
    return q >= 4 && q < br->len && memcmp(t + q - 3, "\xE2\x80\x93", 3) == 0 && t[q - 4] >= '0' && t[q - 4] <= '9' &&
           t[q] >= '0' && t[q] <= '9';
}

static size_t next_break(Breaks *br, size_t pos)
{
    size_t q;
    if (br->line) {
        q = pos;
        do {
            int32_t b = ubrk_following(br->line, (int32_t)q);
            q = b == UBRK_DONE || (size_t)b > br->len ? br->len : (size_t)b;
            /* ICU reads a malformed sequence as one U+FFFD where utf8_next
             * reads one per byte; keep offsets on lead bytes either way. */
            while (!is_lead(br, q)) q++;
        } while (q < br->len && splits_number_range(br, q));
    } else {
        q = pos;
        while (q < br->len && br->text[q] != ' ' && br->text[q] != '\n') q++;
        while (q < br->len && br->text[q] == ' ') q++;
        if (q == pos) q++; /* at a newline: the break follows it */
    }
    return q > pos ? q : pos + 1;
}

/* Whether the character before byte i is a sign that writes the next
 * consonant as a subscript (Khmer coeng, Myanmar virama, Tai Tham sakot):
 * grapheme rules end a cluster after it, but cutting there breaks the
 * written cluster in two. */
static bool after_joiner(const Breaks *br, size_t i)
{
    if (i == 0) return false;
    size_t p = utf8_prev(br->text, i);
    uint32_t cp;
    utf8_decode(br->text + p, i - p, &cp);
    return cp == 0x17D2 || cp == 0x1039 || cp == 0x1A60;
}

/* The first place at or after p where a word may be cut, at most hi (which
 * must itself be such a place, or the end of the text). */
static size_t cut_at_or_after(Breaks *br, size_t p, size_t hi)
{
    UBreakIterator *ci = cluster_iterator(br);
    size_t q = p;
    if (ci) {
        if (!ubrk_isBoundary(ci, (int32_t)q)) {
            int32_t b = ubrk_following(ci, (int32_t)q);
            q = b == UBRK_DONE ? br->len : (size_t)b;
        }
        while (q < hi && after_joiner(br, q)) {
            int32_t b = ubrk_following(ci, (int32_t)q);
            q = b == UBRK_DONE ? br->len : (size_t)b;
        }
    } else {
        while (q < hi && !is_lead(br, q)) q++;
        while (q < hi && after_joiner(br, q)) utf8_next(br->text, br->len, &q);
    }
    while (!is_lead(br, q)) q++;
    return q < hi ? q : hi;
}

/* The last place before p (p > lo) where a word may be cut, at least lo. */
static size_t cut_before(Breaks *br, size_t p, size_t lo)
{
    UBreakIterator *ci = cluster_iterator(br);
    size_t q = p;
    do {
        if (ci) {
            int32_t b = ubrk_preceding(ci, (int32_t)q);
            q = b == UBRK_DONE ? 0 : (size_t)b;
        } else {
            q = utf8_prev(br->text, q);
        }
        while (q > 0 && !is_lead(br, q)) q--;
    } while (q > lo && after_joiner(br, q));
    return q > lo ? q : lo;
}

/* ---- fitting ---------------------------------------------------------------------------- */

/* How text is measured: one face and size, or, with runs, each run in its
 * own face (a bold word is wider than the same word in regular). */
typedef struct Pen {
    const TextMeasurer *m;
    FontFace face;             /* the text's own face; runs make it bold or italic */
    int size;
    const WrapRuns *runs;      /* NULL: the whole text in face */
} Pen;

FontFace wrap_face(FontFace face, unsigned style)
{
    bool bold = face == FONT_BOLD || face == FONT_BOLD_ITALIC || (style & RICH_BOLD);
    bool italic = face == FONT_ITALIC || face == FONT_BOLD_ITALIC || (style & RICH_ITALIC);
    return bold && italic ? FONT_BOLD_ITALIC : bold ? FONT_BOLD : italic ? FONT_ITALIC : FONT_REGULAR;
}

/* Whether a run takes no room: an address the view leaves out. */
static bool hidden(const WrapRuns *r, const RichRun *run)
{
    return r->hide_addresses && rich_address_hideable(run);
}

float wrap_runs_width(const TextMeasurer *m, FontFace face, int size_px, const WrapRuns *r, const char *text,
                      size_t from, size_t to)
{
    if (!r || r->rich.count == 0) return m->width(m->ctx, face, size_px, text + from, to - from);
    float w = 0;
    size_t pos = from;
    for (int i = rich_first_after(r->rich, r->base + from); i < r->rich.count && pos < to; i++) {
        const RichRun *run = &r->rich.runs[i];
        if (run->start >= r->base + to) break;
        size_t start = run->start > r->base + pos ? run->start - r->base : pos;
        size_t end = run->end - r->base < to ? run->end - r->base : to;
        if (start > pos) w += m->width(m->ctx, face, size_px, text + pos, start - pos);
        if (!hidden(r, run)) w += m->width(m->ctx, wrap_face(face, run->style), size_px, text + start, end - start);
        pos = end;
    }
    if (pos < to) w += m->width(m->ctx, face, size_px, text + pos, to - pos);
    return w;
}

static float measure(const Pen *p, const char *text, size_t from, size_t to)
{
    return wrap_runs_width(p->m, p->face, p->size, p->runs, text, from, to);
}

/* The face of the character before byte at (the one a hyphen or an
 * ellipsis drawn after it takes). */
static FontFace face_before(const Pen *p, size_t at)
{
    if (!p->runs || at == 0) return p->face;
    const RichRun *run = rich_run_at(p->runs->rich, p->runs->base + at - 1);
    return run ? wrap_face(p->face, run->style) : p->face;
}

/* The end of the longest run of whole clusters of text[start..end) that fits
 * max_w; at least one cluster even when it does not fit. A binary search on
 * bytes, each probe moved to a place where a word may be cut. */
static size_t fit_clusters(Breaks *br, const Pen *p, size_t start, size_t end, float max_w)
{
    size_t lo = start, hi = end; /* lo fits (or is start); hi is a cut place */
    while (lo < hi) {
        size_t mid = cut_at_or_after(br, lo + (hi - lo + 1) / 2, hi);
        if (measure(p, br->text, start, mid) <= max_w) {
            lo = mid;
        } else {
            size_t c = cut_before(br, mid, start);
            hi = c > lo ? c : lo;
        }
    }
    if (lo == start && end > start) lo = cut_at_or_after(br, start + 1, end);
    return lo;
}

/* A letter of an alphabet whose words are hyphenated when cut: Latin,
 * Greek, Cyrillic (up to U+052F). Khmer, Thai and others are cut bare. */
static bool hyphenating_letter(uint32_t cp)
{
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return true;
    return cp >= 0xC0 && cp <= 0x52F && cp != 0xD7 && cp != 0xF7 && !(cp >= 0x2B0 && cp <= 0x36F);
}

/* Whether the place at `at` lies in a web or mail address (a run without
 * spaces holding "://", "www." or "@"): a hyphen there would be copied into
 * it. Looks at most ADDRESS_REACH bytes each way. */
enum { ADDRESS_REACH = 512 };
static bool in_address(const char *text, size_t len, size_t at)
{
    size_t from = at, to = at;
    while (from > 0 && at - from < ADDRESS_REACH && text[from - 1] != ' ' && text[from - 1] != '\n') from--;
    while (to < len && to - at < ADDRESS_REACH && text[to] != ' ' && text[to] != '\n') to++;
    for (size_t i = from; i < to; i++) {
        if (text[i] == '@') return true;
        if (i + 3 <= to && memcmp(text + i, "://", 3) == 0) return true;
        if (i + 4 <= to && memcmp(text + i, "www.", 4) == 0) return true;
    }
    return false;
}

/* Whether the word cut at `at` has a single letter left after it. */
static bool one_letter_left(const char *text, size_t at, size_t end)
{
    size_t next = at;
    if (!hyphenating_letter(utf8_next(text, end, &next))) return false;
    return next >= end || !hyphenating_letter(utf8_next(text, end, &next));
}

/* Whether a cut at `at` falls between two such letters (not in an address,
 * a number or a Khmer word). */
static bool cut_wants_hyphen(const char *text, size_t start, size_t at, size_t end)
{
    if (at <= start || at >= end) return false;
    size_t before = utf8_prev(text, at), after = at;
    return hyphenating_letter(utf8_next(text, at, &before)) && hyphenating_letter(utf8_next(text, end, &after));
}

/* The end of text[start..to) without the spaces that hang at its end. */
static size_t trim_spaces(const char *text, size_t start, size_t to)
{
    while (to > start && text[to - 1] == ' ') to--;
    return to;
}

/* Whether a cut at `at`, just after a letter, would leave only marks of
 * the word (",", ".", ")") to the next line. */
static bool only_marks_left(const char *text, size_t start, size_t at, size_t end)
{
    if (at <= start || at >= end) return false;
    size_t before = utf8_prev(text, at);
    if (!hyphenating_letter(utf8_next(text, at, &before))) return false;
    for (size_t i = at; i < end;) /* utf8_next moves on by one byte at least, even on a malformed one */
        if (hyphenating_letter(utf8_next(text, end, &i))) return false;
    return true;
}

/* The longest cut of text[start..first) that leaves room for a hyphen,
 * between two letters, never leaving one letter alone; start when none. */
static size_t hyphenated_cut(Breaks *br, const Pen *p, size_t start, size_t first, float max_w)
{
    const char *text = br->text;
    float hyphen_w = p->m->width(p->m->ctx, face_before(p, first), p->size, "-", 1);
    size_t cut = fit_clusters(br, p, start, first, max_w - hyphen_w);
    if (cut > start && cut < first && one_letter_left(text, cut, first)) {
        size_t earlier = cut_before(br, cut, start);
        if (earlier > start) cut = earlier;
    }
    bool fits = measure(p, text, start, cut) + hyphen_w <= max_w;
    return cut_wants_hyphen(text, start, cut, first) && fits ? cut : start;
}

/* Lays out one line from start, within the paragraph ending at para_end:
 * returns the end of its content and sets *next to where the next line
 * starts (after the spaces that hang at the end of this one). */
static size_t fit_line(Breaks *br, const Pen *p, size_t start, size_t para_end, float max_w, size_t *next,
                       bool *hyphen)
{
    *hyphen = false;
    const char *text = br->text;
    size_t best = start, best_next = start, first = start;
    size_t b = start;
    while (b < para_end) {
        b = next_break(br, b);
        if (b > para_end) b = para_end;
        size_t e = trim_spaces(text, start, b);
        if (e == start) { /* spaces only, so far: nothing to measure yet */
            best_next = b;
            continue;
        }
        if (first == start) first = e;
        if (measure(p, text, start, e) > max_w) break;
        best = e;
        best_next = b;
    }
    if (best > start || first == start) { /* segments that fit, or nothing but spaces */
        *next = best_next;
        return best;
    }
    /* The first segment alone is wider than the line: cut it, with a
     * hyphen inside a word of a hyphenating alphabet ("дипломатическ-"),
     * also rather than leave a lone comma or stop to the next line. */
    size_t cut = fit_clusters(br, p, start, first, max_w);
    bool wants = cut_wants_hyphen(text, start, cut, first) || only_marks_left(text, start, cut, first);
    if (wants && !in_address(text, br->len, cut)) {
        size_t hyphenated = hyphenated_cut(br, p, start, first, max_w);
        if (hyphenated > start) {
            cut = hyphenated;
            *hyphen = true;
        }
    }
    *next = cut;
    return cut;
}

/* Shortens a line so that it and "…" fit; trailing spaces and commas go too. */
static void add_ellipsis(Breaks *br, const Pen *p, WrapLine *line, float max_w)
{
    const char *text = br->text;
    size_t end = line->offset + line->len;
    float room = max_w - wrap_ellipsis_width(p->m, face_before(p, end), p->size);
    if (measure(p, text, line->offset, end) > room) {
        /* fit_clusters keeps at least one cluster; when not even that fits
         * beside the ellipsis, the ellipsis stands alone. */
        size_t keep = room > 0 ? fit_clusters(br, p, line->offset, end, room) : line->offset;
        if (keep > line->offset && measure(p, text, line->offset, keep) > room) keep = line->offset;
        line->len = keep - line->offset;
    }
    while (line->len > 0 && (text[line->offset + line->len - 1] == ' ' || text[line->offset + line->len - 1] == ','))
        line->len--;
    line->ellipsis = true;
    line->hyphen = false;
}

/* ---- wrapping --------------------------------------------------------------------------- */

int wrap_text_with(WrapBreaker *b, const char *locale, const TextMeasurer *m, FontFace face, int size_px,
                   const char *text, float max_w, WrapLine *lines, int max_lines)
{
    return wrap_runs_with(b, locale, m, face, size_px, text, NULL, max_w, lines, max_lines);
}

int wrap_runs_with(WrapBreaker *b, const char *locale, const TextMeasurer *m, FontFace face, int size_px,
                   const char *text, const WrapRuns *runs, float max_w, WrapLine *lines, int max_lines)
{
    size_t len = strlen(text);
    if (len == 0 || max_lines <= 0) return 0;
    const Pen pen = {m, face, size_px, runs}, *p = &pen;
    Breaks br;
    breaks_open(&br, b, locale, text, len);
    size_t pos = 0;
    int n = 0;
    while (pos < len && n < max_lines) {
        size_t para_end = pos;
        while (para_end < len && text[para_end] != '\n') para_end++;
        /* An indented line whose indentation leaves no room for its first
         * segment loses the indentation, so that the segment is not cut. */
        size_t word = pos;
        while (word < para_end && text[word] == ' ') word++;
        if (word > pos && word < para_end) {
            size_t seg = next_break(&br, word);
            seg = trim_spaces(text, word, seg < para_end ? seg : para_end);
            if (measure(p, text, pos, seg) > max_w) pos = word;
        }
        size_t next = pos;
        bool hyphen = false;
        size_t line_end = para_end == pos ? pos : fit_line(&br, p, pos, para_end, max_w, &next, &hyphen);
        size_t start = pos;
        pos = next;
        while (pos < para_end && text[pos] == ' ') pos++;
        /* Only spaces left before the newline: this line still ends the paragraph. */
        lines[n] = (WrapLine){start, line_end - start, false, hyphen, pos == para_end};
        n++;
        if (pos == para_end && para_end < len) pos++; /* past the newline */
    }
    while (pos < len && (text[pos] == ' ' || text[pos] == '\n')) pos++;
    if (pos < len && n > 0) add_ellipsis(&br, p, &lines[n - 1], max_w);
    return n;
}
