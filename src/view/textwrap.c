/* textwrap.c: line breaking at spaces, with ellipsis when lines run out. */
#include "textwrap.h"

#include <string.h>

#include "utf8.h"

float wrap_ellipsis_width(const TextMeasurer *m, FontFace face, int size_px)
{
    return m->width(m->ctx, face, size_px, WRAP_ELLIPSIS, 3);
}

/* The first character boundary at or after byte i of s: where a probe at
 * i may cut without splitting a character. */
static size_t boundary_at_or_after(const char *s, size_t len, size_t i)
{
    size_t b = utf8_cut(s, i);
    if (b < i) utf8_next(s, len, &b); /* i is inside the character at b */
    return b;
}

/* Bytes of text[start..end) that fit in max_w, cut at a character boundary. */
static size_t fit_chars(const TextMeasurer *m, FontFace face, int size, const char *text, size_t start, size_t end,
                        float max_w)
{
    const char *s = text + start;
    size_t len = end - start;
    size_t lo = 0, hi = len; /* binary search on byte counts, each probe snapped to a boundary */
    while (lo < hi) {
        size_t mid = boundary_at_or_after(s, len, (lo + hi + 1) / 2);
        if (mid > hi) mid = hi;
        if (m->width(m->ctx, face, size, s, mid) <= max_w) lo = mid;
        else hi = mid - 1;
        hi = utf8_cut(s, hi);
        if (hi < lo) hi = lo;
    }
    if (lo == 0 && len > 0) utf8_next(s, len, &lo); /* at least one character per line */
    return lo;
}

/* The end of the longest run of whole words from start that fits; the
 * caller gets at least one (possibly broken) word. */
static size_t fit_words(const TextMeasurer *m, FontFace face, int size, const char *text, size_t start,
                        size_t para_end, float max_w)
{
    size_t best = start;
    size_t i = start;
    while (i < para_end) {
        size_t word_end = i;
        while (word_end < para_end && text[word_end] != ' ') word_end++;
        if (m->width(m->ctx, face, size, text + start, word_end - start) > max_w) break;
        best = word_end;
        i = word_end;
        while (i < para_end && text[i] == ' ') i++;
    }
    if (best == start) return start + fit_chars(m, face, size, text, start, para_end, max_w);
    return best;
}

/* Shortens a line so that it and "…" fit; trailing spaces go too. */
static void add_ellipsis(const TextMeasurer *m, FontFace face, int size, const char *text, WrapLine *line, float max_w)
{
    float room = max_w - wrap_ellipsis_width(m, face, size);
    if (m->width(m->ctx, face, size, text + line->offset, line->len) > room) {
        /* fit_chars keeps at least one character; when not even that fits
         * beside the ellipsis, the ellipsis stands alone. */
        size_t keep = room > 0 ? fit_chars(m, face, size, text, line->offset, line->offset + line->len, room) : 0;
        if (keep > 0 && m->width(m->ctx, face, size, text + line->offset, keep) > room) keep = 0;
        line->len = keep;
    }
    while (line->len > 0 && (text[line->offset + line->len - 1] == ' ' || text[line->offset + line->len - 1] == ','))
        line->len--;
    line->ellipsis = true;
}

int wrap_text(const TextMeasurer *m, FontFace face, int size_px, const char *text, float max_w, WrapLine *lines,
              int max_lines)
{
    size_t len = strlen(text);
    size_t pos = 0;
    int n = 0;
    while (pos < len && n < max_lines) {
        size_t para_end = pos;
        while (para_end < len && text[para_end] != '\n') para_end++;
        /* An indented line whose indentation leaves no room for its first
         * word loses the indentation, so that the word is not broken. */
        size_t word = pos;
        while (word < para_end && text[word] == ' ') word++;
        if (word > pos && word < para_end) {
            size_t word_end = word;
            while (word_end < para_end && text[word_end] != ' ') word_end++;
            if (m->width(m->ctx, face, size_px, text + pos, word_end - pos) > max_w) pos = word;
        }
        size_t line_end = para_end == pos ? pos : fit_words(m, face, size_px, text, pos, para_end, max_w);
        size_t start = pos;
        pos = line_end;
        while (pos < para_end && text[pos] == ' ') pos++;
        /* Only spaces left before the newline: this line still ends the paragraph. */
        lines[n] = (WrapLine){start, line_end - start, false, pos == para_end};
        n++;
        if (pos == para_end && para_end < len) pos++; /* past the newline */
    }
    while (pos < len && (text[pos] == ' ' || text[pos] == '\n')) pos++;
    if (pos < len && n > 0) add_ellipsis(m, face, size_px, text, &lines[n - 1], max_w);
    return n;
}
