/* test_textwrap.c: specifications of greedy line wrapping at each script's
 * break opportunities (ICU), with a fixed-width fake measurer: every
 * character (code point) is 6 px wide, so widths below are in characters.
 * Where a property needs to know where lines may end, the test asks ICU
 * itself: an oracle independent of the wrapper's own bookkeeping. */
#include "textwrap.h"
#include "test.h"
#include "test_support.h"
#include "utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include <unicode/uchar.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

/* The tests' own breaker, reused as the view reuses the frame's. */
static WrapBreaker test_breaker;

static int wrap_text(const TextMeasurer *m, FontFace face, int size_px, const char *text, float max_w,
                     WrapLine *lines, int max_lines)
{
    return wrap_text_with(&test_breaker, "", m, face, size_px, text, max_w, lines, max_lines);
}

/* Like fake_width, but a character cut short at the end is not counted (as
 * a shaper may drop an incomplete sequence): cutting mid-character then
 * looks free, so only the wrapper's own care keeps sequences whole. */
static float lenient_width(void *ctx, FontFace face, int size_px, const char *s, size_t len)
{
    size_t end = len;
    size_t lead = len;
    while (lead > 0 && ((unsigned char)s[lead - 1] & 0xC0) == 0x80) lead--;
    if (lead > 0) {
        unsigned char c = (unsigned char)s[lead - 1];
        size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (len - (lead - 1) < need) end = lead - 1;
    }
    return fake_width(ctx, face, size_px, s, end);
}

static const TextMeasurer LENIENT = {NULL, lenient_width, fake_line_height};

/* At 10 px every character is exactly 6 px wide, "…" included. */
enum { SIZE = 10 };
#define CHAR_W 6.0f

/* The spaces that hold typography together: no line may end at them. */
#define NBSP "\xC2\xA0"      /* U+00A0 NO-BREAK SPACE */
#define NNBSP "\xE2\x80\xAF" /* U+202F NARROW NO-BREAK SPACE (French « », ; : ! ?) */

static float width_of(const char *s, size_t len)
{
    return fake_width(NULL, FONT_REGULAR, SIZE, s, len);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\n';
}

static bool is_boundary(const char *s, size_t i)
{
    return ((unsigned char)s[i] & 0xC0) != 0x80;
}

/* ---- an oracle: where ICU lets a line end, where a word may be cut ------------------- */

enum { ORACLE_BYTES = 8192 }; /* the longest text the oracle takes */

/* is_break[i]: ICU's line iterator for locale has a break opportunity at
 * byte i of s (0 < i <= len). */
static void line_breaks(const char *locale, const char *s, size_t len, bool *is_break)
{
    memset(is_break, 0, len + 1);
    UErrorCode st = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, s, (int64_t)len, &st);
    UBreakIterator *bi = ubrk_open(UBRK_LINE, locale, NULL, 0, &st);
    ubrk_setUText(bi, ut, &st);
    CHECK(U_SUCCESS(st));
    if (U_SUCCESS(st))
        for (int32_t b = ubrk_next(bi); b != UBRK_DONE; b = ubrk_next(bi)) is_break[b] = true;
    ubrk_close(bi);
    utext_close(ut);
    /* Frise keeps a range of numbers whole: no break after the dash of "1956–2026". */
    for (size_t i = 4; i < len; i++)
        if (memcmp(s + i - 3, "\xE2\x80\x93", 3) == 0 && s[i - 4] >= '0' && s[i - 4] <= '9' && s[i] >= '0' && s[i] <= '9')
            is_break[i] = false;
}

static uint32_t code_point_before(const char *s, size_t i)
{
    size_t p = utf8_prev(s, i);
    uint32_t cp;
    utf8_decode(s + p, i - p, &cp);
    return cp;
}

static uint32_t code_point_at(const char *s, size_t len, size_t i)
{
    uint32_t cp;
    utf8_decode(s + i, len - i, &cp);
    return cp;
}

static bool is_coeng(uint32_t cp)
{
    return cp == 0x17D2; /* KHMER SIGN COENG: the next consonant is written below */
}

/* may_cut[i]: a word may be cut at byte i (0 < i < len): a grapheme
 * boundary that does not follow a coeng. */
static void cut_places(const char *s, size_t len, bool *may_cut)
{
    memset(may_cut, 0, len + 1);
    UErrorCode st = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, s, (int64_t)len, &st);
    UBreakIterator *bi = ubrk_open(UBRK_CHARACTER, "", NULL, 0, &st);
    ubrk_setUText(bi, ut, &st);
    CHECK(U_SUCCESS(st));
    if (U_SUCCESS(st))
        for (int32_t b = ubrk_next(bi); b != UBRK_DONE; b = ubrk_next(bi))
            may_cut[b] = !is_coeng(code_point_before(s, (size_t)b));
    ubrk_close(bi);
    utext_close(ut);
}

/* Whether a line may end at byte i of a Khmer text without splitting a
 * written cluster: not after a coeng, and not before a coeng, a vowel sign
 * or any other combining sign (general category Mn or Mc). */
static bool keeps_khmer_clusters_whole(const char *s, size_t len, size_t i)
{
    if (i == 0 || i >= len) return true;
    if (is_coeng(code_point_before(s, i))) return false;
    int8_t type = u_charType((UChar32)code_point_at(s, len, i));
    return type != U_NON_SPACING_MARK && type != U_COMBINING_SPACING_MARK;
}

/* ---- wrapping in one call, for readable expectations ------------------------------------ */

/* The lines of text wrapped at width_chars characters by the rules of
 * locale, joined by "|"; a line cut short by max_lines ends in "…". */
static const char *wrapped(const char *locale, const char *text, int width_chars, int max_lines)
{
    static char out[8192];
    WrapBreaker b = {0};
    WrapLine lines[256];
    if (max_lines > 256) max_lines = 256;
    int n = wrap_text_with(&b, locale, &MEASURE, FONT_REGULAR, SIZE, text, (float)width_chars * CHAR_W, lines,
                           max_lines);
    size_t k = 0;
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        int w = snprintf(out + k, sizeof out - k, "%s%.*s%s", i > 0 ? "|" : "", (int)lines[i].len,
                         text + lines[i].offset, lines[i].ellipsis ? WRAP_ELLIPSIS : "");
        if (w < 0 || (size_t)w >= sizeof out - k) break;
        k += (size_t)w;
    }
    wrap_breaker_free(&b);
    return out;
}

/* Wraps text at every width from min_chars to max_chars characters and calls
 * ends_well(text, len, end) at each place where a line ends and its
 * paragraph goes on. Returns false (after describing the first bad place)
 * if any call returned false. */
static bool every_line_end(const char *locale, const char *text, int min_chars, int max_chars,
                           bool (*ends_well)(const char *s, size_t len, size_t end))
{
    WrapBreaker b = {0};
    size_t len = strlen(text);
    bool ok = true;
    for (int chars = min_chars; chars <= max_chars && ok; chars++) {
        WrapLine lines[512];
        int n = wrap_text_with(&b, locale, &MEASURE, FONT_REGULAR, SIZE, text, (float)chars * CHAR_W, lines, 512);
        for (int i = 0; i < n - 1 && ok; i++) {
            if (lines[i].paragraph_end) continue;
            if (!ends_well(text, len, lines[i].offset + lines[i].len)) {
                fprintf(stderr, "  at %d characters a line ends badly: \"%.*s\" | \"%.*s\"\n", chars, (int)lines[i].len,
                        text + lines[i].offset, (int)lines[i + 1].len, text + lines[i + 1].offset);
                ok = false;
            }
        }
    }
    wrap_breaker_free(&b);
    return ok;
}

/* ---- random texts ---------------------------------------------------------------------- */

static const char *const WORDS[] = {
    "a", "le", "frise", "chronologique", "timeline", "of", "the", "river",
    "élégant", "déjà", "forêt", "Noël", "été", "œuvre", "ça",
    "ភាសា", "ខ្មែរ", "កម្ពុជា", "ព្រះរាជាណាចក្រ", "សហភាពសូវៀតបានបង្កើតទំនាក់ទំនង",
    "1970", "18", "mars,", "(et", "cetera)",
    "Jean-Pierre", "well-known", "https://example.com/a/b", "1956–1970",
    "Москва", "советско-камбоджийские", "Сианук" NBSP "—", "«" NNBSP "oui" NNBSP "»", "non" NNBSP "!",
};
enum { WORD_COUNT = sizeof WORDS / sizeof WORDS[0] };

/* Words, single and repeated spaces, newlines and blank lines, and now and then
 * a very long word, so that every path of the wrapper runs. */
static void random_text(char *buf, size_t cap)
{
    size_t n = 0;
    int words = rng_int(0, 60);
    buf[0] = '\0';
    for (int w = 0; w < words; w++) {
        char word[256];
        size_t wl = 0;
        if (rng_int(0, 15) == 0) { /* a long word, built of pieces */
            int pieces = rng_int(3, 12);
            for (int k = 0; k < pieces; k++) {
                const char *p = WORDS[rng_int(0, WORD_COUNT - 1)];
                size_t pl = strlen(p);
                if (wl + pl >= sizeof word) break;
                memcpy(word + wl, p, pl);
                wl += pl;
            }
        } else {
            const char *p = WORDS[rng_int(0, WORD_COUNT - 1)];
            wl = strlen(p);
            memcpy(word, p, wl);
        }
        const char *sep = " ";
        if (w > 0) {
            int r = rng_int(0, 20);
            sep = r == 0 ? "\n" : r == 1 ? "\n\n" : r == 2 ? "   " : r == 3 ? " \n" : r == 4 ? "\n  " : " ";
        } else {
            sep = "";
        }
        size_t sl = strlen(sep);
        if (n + sl + wl + 1 >= cap) break;
        memcpy(buf + n, sep, sl);
        n += sl;
        memcpy(buf + n, word, wl);
        n += wl;
        buf[n] = '\0';
    }
}

/* Whitespace-separated tokens of s, joined by single spaces. */
static void tokens(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = 0;
    size_t i = 0;
    out[0] = '\0';
    while (i < len) {
        while (i < len && is_space(s[i])) i++;
        if (i >= len) break;
        if (n > 0 && n + 1 < cap) out[n++] = ' ';
        while (i < len && !is_space(s[i]) && n + 1 < cap) out[n++] = s[i++];
        while (i < len && !is_space(s[i])) i++;
    }
    out[n] = '\0';
}

/* The lines joined back: a space where the source had white space between
 * two lines, nothing where a line ended without one (a hyphen, a Khmer word
 * boundary, a cut word). */
static void join_lines(const char *text, const WrapLine *lines, int n, char *out, size_t cap)
{
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && lines[i].offset > lines[i - 1].offset + lines[i - 1].len && k + 1 < cap) out[k++] = ' ';
        for (size_t j = 0; j < lines[i].len && k + 1 < cap; j++) out[k++] = text[lines[i].offset + j];
    }
    out[k] = '\0';
}

/* ---- specifications ----------------------------------------------------------------- */

static void empty_string_gives_no_lines(void)
{
    WrapLine lines[8];
    CHECK_INT(wrap_text(&MEASURE, FONT_REGULAR, SIZE, "", 100, lines, 8), 0);
    CHECK_INT(wrap_text(&MEASURE, FONT_REGULAR, SIZE, "", 0.5f, lines, 8), 0);
}

static void zero_max_lines_gives_no_lines(void)
{
    WrapLine lines[1];
    CHECK_INT(wrap_text(&MEASURE, FONT_REGULAR, SIZE, "some text", 100, lines, 0), 0);
}

static void ellipsis_width_is_measured_with_the_font(void)
{
    CHECK_NEAR(wrap_ellipsis_width(&MEASURE, FONT_BOLD, SIZE), CHAR_W, 1e-6);
    CHECK_NEAR(wrap_ellipsis_width(&MEASURE, FONT_BOLD, 20), 12.0, 1e-6);
}

static void short_text_is_one_line(void)
{
    WrapLine lines[4];
    const char *s = "hello world";
    int n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, s, 11 * CHAR_W, lines, 4);
    CHECK_INT(n, 1);
    CHECK_INT(lines[0].offset, 0);
    CHECK_INT(lines[0].len, 11);
    CHECK(!lines[0].ellipsis);
    CHECK(lines[0].paragraph_end);
}

static void words_wrap_greedily_at_spaces(void)
{
    WrapLine lines[8];
    const char *s = "the quick brown fox jumps";
    /* 10 characters a line: "the quick" (9) | "brown fox" (9) | "jumps" */
    int n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, s, 10 * CHAR_W, lines, 8);
    CHECK_INT(n, 3);
    CHECK_INT(lines[0].len, 9);
    CHECK_INT(lines[1].offset, 10);
    CHECK_INT(lines[1].len, 9);
    CHECK_INT(lines[2].offset, 20);
    CHECK_INT(lines[2].len, 5);
    CHECK(!lines[0].paragraph_end && !lines[1].paragraph_end && lines[2].paragraph_end);
    for (int i = 0; i < n; i++) CHECK(!lines[i].ellipsis);
}

static void newlines_make_paragraph_breaks(void)
{
    WrapLine lines[8];
    const char *s = "one\ntwo";
    int n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, s, 100 * CHAR_W, lines, 8);
    CHECK_INT(n, 2);
    CHECK_INT(lines[0].offset, 0);
    CHECK_INT(lines[0].len, 3);
    CHECK_INT(lines[1].offset, 4);
    CHECK_INT(lines[1].len, 3);
    CHECK(lines[0].paragraph_end && lines[1].paragraph_end);

    const char *blank = "one\n\ntwo";
    n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, blank, 100 * CHAR_W, lines, 8);
    CHECK_INT(n, 3);
    CHECK_INT(lines[0].len, 3);
    CHECK_INT(lines[1].len, 0);
    CHECK(lines[1].paragraph_end);
    CHECK_INT(lines[2].offset, 5);
    CHECK_INT(lines[2].len, 3);

    const char *two_blanks = "a\n\n\nb";
    n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, two_blanks, 100 * CHAR_W, lines, 8);
    CHECK_INT(n, 4);
    CHECK_INT(lines[1].len, 0);
    CHECK_INT(lines[2].len, 0);
    CHECK_INT(lines[3].offset, 4);
}

static void a_trailing_newline_adds_no_line(void)
{
    WrapLine lines[8];
    int n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, "one\n", 100 * CHAR_W, lines, 8);
    CHECK_INT(n, 1);
    CHECK(!lines[0].ellipsis);
}

static void last_line_of_a_paragraph_is_marked_even_with_trailing_spaces(void)
{
    WrapLine lines[8];
    const char *s = "hello   \nworld ";
    int n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, s, 100 * CHAR_W, lines, 8);
    CHECK_INT(n, 2);
    CHECK_INT(lines[0].len, 5);
    CHECK(lines[0].paragraph_end);
    CHECK_INT(lines[1].offset, 9);
    CHECK_INT(lines[1].len, 5);
    CHECK(lines[1].paragraph_end);
    CHECK(!lines[1].ellipsis);
}

static void too_long_word_is_broken_between_accented_characters(void)
{
    WrapLine lines[16];
    const char *s = "éééééééééééé"; /* 12 two-byte characters */
    int n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, s, 5 * CHAR_W, lines, 16);
    CHECK_INT(n, 3); /* four letters and a hyphen on each line */
    CHECK_INT(lines[0].offset, 0);
    CHECK_INT(lines[0].len, 8);
    CHECK_INT(lines[1].offset, 8);
    CHECK_INT(lines[1].len, 8);
    CHECK_INT(lines[2].offset, 16);
    CHECK_INT(lines[2].len, 8);
    for (int i = 0; i < n; i++) CHECK(!lines[i].ellipsis);
    CHECK(lines[0].hyphen && lines[1].hyphen && !lines[2].hyphen);
}

/* One cluster or more: whether text[offset, offset + len) has no place
 * inside it where a word may be cut. */
static bool is_one_cluster(const char *s, size_t offset, size_t len)
{
    static bool may_cut[ORACLE_BYTES + 1];
    size_t total = strlen(s);
    if (total > ORACLE_BYTES) return false;
    cut_places(s, total, may_cut);
    for (size_t i = offset + 1; i < offset + len; i++)
        if (may_cut[i]) return false;
    return true;
}

static void a_khmer_word_wider_than_the_line_is_cut_between_clusters_never_after_a_coeng(void)
{
    /* One dictionary word, "kingdom": ព្រះ | រា | ជា | ណា | ច | ក្រ are its
     * written clusters (ក្រ: ក, coeng, រ, written as one). Old behaviour,
     * adapted: it was cut between any two code points. */
    const char *s = "ព្រះរាជាណាចក្រ";
    CHECK_STR(wrapped("km", s, 5, 64), "ព្រះ|រាជា|ណាច|ក្រ");
    CHECK_STR(wrapped("km", s, 7, 64), "ព្រះរា|ជាណាច|ក្រ");
    CHECK_STR(wrapped("km", s, 2, 64), "ព្រះ|រា|ជា|ណា|ច|ក្រ"); /* ព្រះ and ក្រ overflow: a cluster is never cut */
    size_t len = strlen(s);
    static bool may_cut[ORACLE_BYTES + 1];
    cut_places(s, len, may_cut);
    for (int per_line = 1; per_line <= 9; per_line++) {
        WrapLine lines[64];
        int n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, s, (float)per_line * CHAR_W + 0.5f, lines, 64);
        size_t expect_offset = 0;
        for (int i = 0; i < n; i++) {
            size_t end = lines[i].offset + lines[i].len;
            CHECK_INT(lines[i].offset, expect_offset);
            CHECK(end == len || may_cut[end]);
            CHECK(keeps_khmer_clusters_whole(s, len, end));
            CHECK(utf8_chars(s + lines[i].offset, lines[i].len) <= (size_t)per_line ||
                  is_one_cluster(s, lines[i].offset, lines[i].len));
            CHECK(!lines[i].ellipsis);
            expect_offset = end;
        }
        CHECK_INT(expect_offset, len);
    }
}

static void broken_words_stay_whole_characters_even_when_partial_ones_measure_nothing(void)
{
    const char *texts[] = {"ព្រះរាជាណាចក្រកម្ពុជា", "éééééééééééé", "日本語の文章を折り返す", "a😀b😀c😀d😀e😀"};
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        const char *s = texts[k];
        size_t len = strlen(s);
        for (int per_line = 1; per_line <= 6; per_line++) {
            WrapLine lines[64];
            int n = wrap_text(&LENIENT, FONT_REGULAR, SIZE, s, (float)per_line * CHAR_W, lines, 64);
            size_t end = 0;
            for (int i = 0; i < n; i++) {
                CHECK_INT(lines[i].offset, end);
                CHECK(is_boundary(s, lines[i].offset + lines[i].len) || lines[i].offset + lines[i].len == len);
                /* adapted: a Khmer cluster of several code points is never cut, even on a line
                 * narrower than it */
                CHECK(utf8_chars(s + lines[i].offset, lines[i].len) <= (size_t)per_line ||
                      is_one_cluster(s, lines[i].offset, lines[i].len));
                end = lines[i].offset + lines[i].len;
            }
            CHECK_INT(end, len);
            /* with an ellipsis too */
            n = wrap_text(&LENIENT, FONT_REGULAR, SIZE, s, (float)per_line * CHAR_W + CHAR_W, lines, 1);
            CHECK_INT(n, 1);
            CHECK(lines[0].ellipsis);
            CHECK(is_boundary(s, lines[0].offset + lines[0].len));
            CHECK(utf8_chars(s, lines[0].len) <= (size_t)per_line);
        }
    }
}

/* A word cut for want of room ends its line with a hyphen in Latin,
 * Cyrillic or Greek; a Khmer word, a number or an address is cut bare. */
static void a_cut_word_is_hyphenated_only_in_alphabets_that_hyphenate(void)
{
    WrapLine lines[8];
    const char *ru = "дипломатических";
    int n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, ru, 10 * CHAR_W, lines, 8);
    CHECK_INT(n, 2);
    CHECK(lines[0].hyphen && !lines[1].hyphen);
    CHECK_INT(utf8_chars(ru, lines[0].len), 9); /* nine letters and the hyphen make ten */
    /* never one letter alone on the next line: "дипломатическ-" and "их," */
    n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, "дипломатических,", 15 * CHAR_W, lines, 8);
    CHECK(n == 2 && lines[0].hyphen);
    CHECK_INT(utf8_chars("дипломатических,", lines[0].len), 13);
    const char *digits = "123456789012345";
    n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, digits, 10 * CHAR_W, lines, 8);
    CHECK(n == 2 && !lines[0].hyphen && lines[0].len == 10);
    const char *url = "https://example.org/a/b";
    n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, url, 8 * CHAR_W, lines, 8);
    for (int i = 0; i < n; i++)
        if (lines[i].hyphen) CHECK(lines[i].len > 0 && url[lines[i].offset + lines[i].len - 1] != '/');
    /* an address in running text is cut bare: a hyphen would be copied into it */
    const char *see[] = {"see https://verylongdomainnameexample.org/path", "mail someone@verylongdomainname.org",
                         "at www.verylongdomainnameexample.org today"};
    for (size_t k = 0; k < sizeof see / sizeof see[0]; k++) {
        n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, see[k], 14 * CHAR_W, lines, 8);
        CHECK(n > 1);
        for (int i = 0; i < n; i++) CHECK(!lines[i].hyphen);
    }
    n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, "see verylongdomainnameexample", 14 * CHAR_W, lines, 8);
    CHECK(n > 1 && lines[1].hyphen); /* the same letters as a word are hyphenated */
    /* a range of years stays whole: "1956–2026" moves to the next line */
    n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, "Russie, 1956–2026", 14 * CHAR_W, lines, 8);
    CHECK(n == 2 && lines[0].len == strlen("Russie,") && !lines[0].hyphen);
    /* malformed bytes around a cut: still lines, every byte kept once */
    const char *bad = "abcdefgh\xFF\xFE,ij\xC3";
    n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, bad, 4 * CHAR_W, lines, 8);
    size_t covered = 0;
    for (int i = 0; i < n; i++) covered += lines[i].len;
    CHECK(n > 1 && covered == strlen(bad));
    const char *km = "សហភាពសូវៀតបានបង្កើតទំនាក់ទំនង";
    n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, km, 4 * CHAR_W, lines, 8);
    CHECK(n > 1);
    for (int i = 0; i < n; i++) CHECK(!lines[i].hyphen);
}

static void a_long_word_goes_to_its_own_line_before_it_is_broken(void)
{
    WrapLine lines[8];
    const char *s = "ab abcdefghij";
    int n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, s, 6 * CHAR_W, lines, 8);
    CHECK_INT(n, 3);
    CHECK_INT(lines[0].len, 2);
    CHECK_INT(lines[1].offset, 3);
    CHECK_INT(lines[1].len, 5); /* "abcde-" */
    CHECK(lines[1].hyphen);
    CHECK_INT(lines[2].offset, 8);
    CHECK_INT(lines[2].len, 5);
    CHECK(!lines[0].hyphen && !lines[2].hyphen);
}

static void indentation_is_kept_unless_it_would_break_the_first_word(void)
{
    WrapLine lines[8];
    const char *s = "  abc de";
    int n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, s, 5 * CHAR_W, lines, 8);
    CHECK_INT(n, 2);
    CHECK_INT(lines[0].offset, 0);
    CHECK_INT(lines[0].len, 5);
    CHECK_INT(lines[1].offset, 6);
    /* "  abcd" does not fit in 5: the word goes whole, without the indentation */
    const char *t = "  abcd e";
    n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, t, 5 * CHAR_W, lines, 8);
    CHECK_INT(n, 2);
    CHECK_INT(lines[0].offset, 2);
    CHECK_INT(lines[0].len, 4);
    CHECK_INT(lines[1].offset, 7);
}

static void max_lines_is_respected_and_the_cut_is_marked(void)
{
    WrapLine lines[8];
    const char *s = "one two three four five six seven";
    for (int max = 1; max <= 3; max++) {
        lines[max].len = 999; /* a sentinel after the last allowed line */
        int n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, s, 9 * CHAR_W, lines, max);
        CHECK_INT(n, max);
        CHECK_INT(lines[max].len, 999);
        for (int i = 0; i < n - 1; i++) CHECK(!lines[i].ellipsis);
        CHECK(lines[n - 1].ellipsis);
        CHECK(width_of(s + lines[n - 1].offset, lines[n - 1].len) + CHAR_W <= 9 * CHAR_W);
    }
    /* "one two" | "three" | "four five" | "six seven": the fourth line ends the text. */
    int n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, s, 9 * CHAR_W, lines, 4);
    CHECK_INT(n, 4);
    for (int i = 0; i < n; i++) CHECK(!lines[i].ellipsis);
}

static void ellipsis_shortens_a_full_last_line(void)
{
    WrapLine lines[4];
    const char *s = "abcdefgh ijk";
    /* max_w 8 chars: "abcdefgh" fills line 1; with "…" only 7 characters fit. */
    int n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, s, 8 * CHAR_W, lines, 1);
    CHECK_INT(n, 1);
    CHECK(lines[0].ellipsis);
    CHECK_INT(lines[0].len, 7);
    /* Trailing spaces and commas go before the ellipsis. */
    const char *c = "abc, defgh ijk";
    n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, c, 6 * CHAR_W, lines, 1);
    CHECK_INT(n, 1);
    CHECK(lines[0].ellipsis);
    CHECK_INT(lines[0].len, 3);
}

static void no_ellipsis_when_only_white_space_is_left(void)
{
    WrapLine lines[4];
    int n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, "one two  \n\n  ", 7 * CHAR_W, lines, 1);
    CHECK_INT(n, 1);
    CHECK(!lines[0].ellipsis);
}

static void ellipsis_fits_even_in_a_very_narrow_line(void)
{
    /* Narrower than "…" plus one character: the line keeps no character
     * rather than overflowing. */
    WrapLine lines[4];
    const char *s = "abc def";
    for (float w = CHAR_W; w < 3 * CHAR_W; w += 0.5f) {
        int n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, s, w, lines, 1);
        CHECK_INT(n, 1);
        CHECK(lines[0].ellipsis);
        CHECK(width_of(s + lines[0].offset, lines[0].len) + CHAR_W <= w);
    }
}

/* ---- breaking by the rules of each script ------------------------------------------------ */

/* Khmer: "The Soviet Union established diplomatic relations with Cambodia in
 * 1956." Not one space: ICU's Khmer dictionary finds the words
 * សហភាពសូវៀត | បាន | បង្កើត | ទំនាក់ទំនង | ការទូត | ជាមួយ | កម្ពុជា | នៅ | ឆ្នាំ១៩៥៦។ */
static const char *const KHMER_SENTENCE = "សហភាពសូវៀតបានបង្កើតទំនាក់ទំនងការទូតជាមួយកម្ពុជានៅឆ្នាំ១៩៥៦។";

/* A longer Khmer passage, with spaces, a hyphen, digits and names: "The Soviet
 * Union and Cambodia established diplomatic relations in 1956. Samdech Norodom
 * Sihanouk visited Moscow. The Khmer-Soviet Friendship Hospital in Phnom Penh." */
static const char *const KHMER_PASSAGE =
    "សហភាពសូវៀត និងកម្ពុជាបានបង្កើតទំនាក់ទំនងការទូតនៅឆ្នាំ១៩៥៦។ សម្តេចនរោត្តម សីហនុ "
    "បានធ្វើទស្សនកិច្ចនៅទីក្រុងម៉ូស្គូ។ មន្ទីរពេទ្យមិត្តភាពខ្មែរ-សូវៀតនៅភ្នំពេញ។";

static void khmer_breaks_between_words_where_there_are_no_spaces(void)
{
    CHECK_STR(wrapped("km", KHMER_SENTENCE, 20, 64), "សហភាពសូវៀតបានបង្កើត|ទំនាក់ទំនងការទូត|ជាមួយកម្ពុជានៅ|ឆ្នាំ១៩៥៦។");
    CHECK_STR(wrapped("km", KHMER_SENTENCE, 12, 64), "សហភាពសូវៀត|បានបង្កើត|ទំនាក់ទំនង|ការទូតជាមួយ|កម្ពុជានៅ|ឆ្នាំ១៩៥៦។");
    /* at every width that holds its longest word, every line ends between two words */
    static const char *const words[] = {"សហភាពសូវៀត", "បាន", "បង្កើត", "ទំនាក់ទំនង", "ការទូត",
                                        "ជាមួយ", "កម្ពុជា", "នៅ", "ឆ្នាំ១៩៥៦។"};
    size_t word_end[16], n_words = 0, at = 0;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) word_end[n_words++] = at += strlen(words[i]);
    CHECK_INT(at, strlen(KHMER_SENTENCE));
    for (int chars = 10; chars <= 40; chars++) {
        WrapLine lines[64];
        int n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, KHMER_SENTENCE, (float)chars * CHAR_W, lines, 64);
        for (int i = 0; i < n; i++) {
            size_t end = lines[i].offset + lines[i].len;
            bool between_words = false;
            for (size_t w = 0; w < n_words; w++) between_words |= end == word_end[w];
            CHECK(between_words);
        }
    }
}

static void khmer_with_spaces_breaks_at_spaces_and_between_words(void)
{
    /* "Cambodia and the Soviet Union": ប្រទេស | កម្ពុជា ("country | Cambodia")
     * is one space-free run of two words. Breaking on spaces cut it as
     * "ប្រទេសកម្ពុ|ជា" at this width. */
    const char *s = "ប្រទេសកម្ពុជា និង សហភាពសូវៀត";
    CHECK_STR(wrapped("km", s, 10, 64), "ប្រទេស|កម្ពុជា|និង|សហភាពសូវៀត");
    CHECK_STR(wrapped("km", s, 13, 64), "ប្រទេសកម្ពុជា|និង|សហភាពសូវៀត");
    CHECK_STR(wrapped("km", s, 17, 64), "ប្រទេសកម្ពុជា និង|សហភាពសូវៀត");
}

static bool khmer_line_end_is_whole(const char *s, size_t len, size_t end)
{
    return keeps_khmer_clusters_whole(s, len, end);
}

static void khmer_lines_never_end_inside_a_written_cluster(void)
{
    /* Never between a consonant and its coeng + subscript or its vowel sign,
     * at any width, even where a line is so narrow that words are cut. */
    CHECK(every_line_end("km", KHMER_PASSAGE, 1, 80, khmer_line_end_is_whole));
    CHECK(every_line_end("km", KHMER_SENTENCE, 1, 40, khmer_line_end_is_whole));
    CHECK(every_line_end("km", "ព្រះរាជាណាចក្រកម្ពុជា ស្ត្រី ក្សត្រ", 1, 30, khmer_line_end_is_whole));
}

static void russian_breaks_at_spaces_and_after_hyphens(void)
{
    CHECK_STR(wrapped("ru", "Советский Союз признал Народную Республику Кампучия", 16, 64),
              "Советский Союз|признал Народную|Республику|Кампучия");
    CHECK_STR(wrapped("ru", "советско-камбоджийские отношения", 15, 64), "советско-|камбоджийские|отношения");
}

static bool dash_not_alone(const char *s, size_t len, size_t end)
{
    /* the line neither ends at the no-break space nor leaves the dash to start the next line */
    size_t next = end;
    while (next < len && s[next] == ' ') next++;
    return code_point_before(s, end) != 0xA0 && code_point_at(s, len, end) != 0xA0 &&
           code_point_at(s, len, next) != 0x2014;
}

static void russian_dash_after_a_no_break_space_stays_on_the_line_before(void)
{
    /* Russian typography puts a no-break space before the dash; ICU keeps it. */
    const char *s = "Пномпень" NBSP "— столица Камбоджи, Москва" NBSP "— столица России";
    CHECK_STR(wrapped("ru", s, 12, 64), "Пномпень" NBSP "—|столица|Камбоджи,|Москва" NBSP "—|столица|России");
    CHECK(every_line_end("ru", s, 10, 40, dash_not_alone));
    /* with an ordinary space the dash may start a line: the data needs the no-break space */
    CHECK_STR(wrapped("ru", "Пномпень — столица", 9, 64), "Пномпень|— столица");
}

static bool no_break_space_holds(const char *s, size_t len, size_t end)
{
    uint32_t before = code_point_before(s, end), at = code_point_at(s, len, end);
    return before != 0xA0 && before != 0x202F && at != 0xA0 && at != 0x202F;
}

static void french_punctuation_after_a_no_break_space_never_starts_a_line(void)
{
    /* « and » keep their word, and so do : ; ! ? after their (narrow) no-break
     * space, at every width that holds the longest unbreakable run. */
    const char *s = "«" NNBSP "Bonjour" NNBSP "», dit-il" NBSP ": oui" NNBSP "; non" NNBSP "! quoi" NNBSP "?";
    CHECK(every_line_end("fr", s, 12, 40, no_break_space_holds));
    CHECK_STR(wrapped("fr", s, 12, 64),
              "«" NNBSP "Bonjour" NNBSP "»,|dit-il" NBSP ":|oui" NNBSP "; non" NNBSP "!|quoi" NNBSP "?");
    /* without a space at all, too */
    CHECK_STR(wrapped("fr", "«Bonjour» dit-elle", 9, 64), "«Bonjour»|dit-elle");
}

static void english_breaks_at_spaces_and_after_hyphens(void)
{
    CHECK_STR(wrapped("en", "a well-known fact about the river", 7, 64), "a well-|known|fact|about|the|river");
    CHECK_STR(wrapped("en", "the quick brown fox jumps", 10, 64), "the quick|brown fox|jumps");
}

static void urls_break_after_slashes_never_inside_a_host_name(void)
{
    const char *s = "see https://example.com/path/to/page for more";
    CHECK_STR(wrapped("en", s, 20, 64), "see https://|example.com/path/to/|page for more");
    CHECK_STR(wrapped("en", s, 12, 64), "see https://|example.com/|path/to/page|for more");
}

static void mixed_scripts_break_by_the_rules_of_each(void)
{
    const char *s = "Sihanouk (សម្តេចនរោត្តម សីហនុ) in Москва";
    CHECK_STR(wrapped("en", s, 16, 64), "Sihanouk (សម្តេច|នរោត្តម សីហនុ)|in Москва");
}

static void the_root_rules_and_every_language_agree_on_these_scripts(void)
{
    /* wrap_text uses the root rules; the file's languages have no tailoring
     * that changes these lines. */
    const char *locales[] = {"", "km", "ru", "fr", "en"};
    static char root[8192];
    snprintf(root, sizeof root, "%s", wrapped(NULL, KHMER_PASSAGE, 24, 64));
    for (size_t i = 0; i < sizeof locales / sizeof locales[0]; i++)
        CHECK_STR(wrapped(locales[i], KHMER_PASSAGE, 24, 64), root);
    WrapLine a[64], b[64];
    WrapBreaker br = {0};
    int na = wrap_text(&MEASURE, FONT_REGULAR, SIZE, KHMER_PASSAGE, 24 * CHAR_W, a, 64);
    int nb = wrap_text_with(&br, "", &MEASURE, FONT_REGULAR, SIZE, KHMER_PASSAGE, 24 * CHAR_W, b, 64);
    CHECK_INT(na, nb);
    for (int i = 0; i < na && i < nb; i++) {
        CHECK_INT(a[i].offset, b[i].offset);
        CHECK_INT(a[i].len, b[i].len);
    }
    wrap_breaker_free(&br);
}

/* ---- the breaker ------------------------------------------------------------------------ */

static bool all_zero(const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++)
        if (c[i]) return false;
    return true;
}

static void a_zero_breaker_is_ready_and_free_makes_it_zero_again(void)
{
    WrapBreaker b = {0};
    wrap_breaker_free(&b); /* freeing an unused breaker is harmless */
    CHECK(all_zero(&b, sizeof b));
    WrapLine lines[8];
    CHECK_INT(wrap_text_with(&b, "km", &MEASURE, FONT_REGULAR, SIZE, "ប្រទេសកម្ពុជា", 7 * CHAR_W, lines, 8), 2);
    CHECK(!b.icu_failed);
    CHECK(b.line[0].iter != NULL);
    CHECK_STR(b.line[0].locale, "km");
    wrap_breaker_free(&b);
    CHECK(all_zero(&b, sizeof b));
}

static void a_breaker_keeps_one_iterator_per_locale_and_replaces_the_oldest_when_full(void)
{
    const char *locales[] = {"km", "ru", "fr", "en", "ja", "de", "km", "ru"};
    WrapBreaker b = {0};
    for (int round = 0; round < 2; round++) {
        for (size_t i = 0; i < sizeof locales / sizeof locales[0]; i++) {
            WrapLine lines[64];
            int n = wrap_text_with(&b, locales[i], &MEASURE, FONT_REGULAR, SIZE, KHMER_PASSAGE, 20 * CHAR_W, lines, 64);
            /* the same lines as from a fresh breaker */
            static char joined[8192];
            size_t k = 0;
            for (int j = 0; j < n; j++)
                k += (size_t)snprintf(joined + k, sizeof joined - k, "%s%.*s", j ? "|" : "", (int)lines[j].len,
                                      KHMER_PASSAGE + lines[j].offset);
            CHECK_STR(joined, wrapped(locales[i], KHMER_PASSAGE, 20, 64));
        }
    }
    int used = 0;
    bool has_ru = false;
    for (int i = 0; i < WRAP_MAX_LOCALES; i++) {
        used += b.line[i].iter != NULL;
        has_ru |= strcmp(b.line[i].locale, "ru") == 0;
        for (int j = 0; j < i; j++) CHECK(strcmp(b.line[i].locale, b.line[j].locale) != 0);
    }
    CHECK_INT(used, WRAP_MAX_LOCALES);
    CHECK(has_ru); /* the last locale used is kept */
    /* a locale name too long for a slot gets the root rules */
    WrapLine lines[8];
    CHECK_INT(wrap_text_with(&b, "km-KH-u-lb-strict-x-very-long", &MEASURE, FONT_REGULAR, SIZE, "ប្រទេសកម្ពុជា",
                             7 * CHAR_W, lines, 8), 2);
    wrap_breaker_free(&b);
}

/* A letter of an alphabet that hyphenates, at byte i: ASCII letters and
 * the two-byte code points from U+00C0 to U+052F (Latin, Greek, Cyrillic). */
static bool hyphenating_letter_at(const char *text, size_t i)
{
    unsigned char c = (unsigned char)text[i];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xD4);
}

/* Whether the word goes on for exactly one letter from `from` (a hyphen
 * there would leave it alone on the next line). */
static bool one_letter_left_at(const char *text, size_t from, size_t end)
{
    if (from >= end || !hyphenating_letter_at(text, from)) return false;
    size_t next = from + 1;
    while (next < end && ((unsigned char)text[next] & 0xC0) == 0x80) next++;
    return next >= end || !hyphenating_letter_at(text, next);
}

/* The properties, over many random texts and widths. Adapted from the
 * space-only wrapper: "words" are now the segments between ICU's break
 * opportunities, a line ends at an opportunity (its hanging spaces left
 * out) or, inside a segment wider than the line, at a place where a word
 * may be cut; and a segment that fits a line is never cut. */
static void random_texts_wrap_within_width_keeping_words_in_order(void)
{
    static bool is_break[ORACLE_BYTES + 1], may_cut[ORACLE_BYTES + 1];
    rng_state = 0x7E47A9u;
    WrapBreaker breaker = {0};
    for (int iter = 0; iter < 5000; iter++) {
        char text[4096];
        random_text(text, sizeof text);
        size_t len = strlen(text);
        line_breaks("", text, len, is_break);
        cut_places(text, len, may_cut);
        float max_w = (float)rng_int(1, 60) * CHAR_W + (float)rng_int(0, 5);
        int max_lines = rng_int(0, 3) == 0 ? rng_int(1, 4) : 512;
        WrapLine lines[512];
        int n = wrap_text_with(&breaker, "", &MEASURE, FONT_REGULAR, SIZE, text, max_w, lines, max_lines);
        CHECK(n >= 0 && n <= max_lines);
        if (len == 0) CHECK_INT(n, 0);

        size_t prev_end = 0;
        bool ok = true;
        for (int i = 0; i < n && ok; i++) {
            const WrapLine *l = &lines[i];
            size_t end = l->offset + l->len;
            float w = width_of(text + l->offset, l->len) + (l->hyphen ? CHAR_W : 0);
            /* never wider than the line (the ellipsis line leaves room for "…"),
             * unless it is one cluster that no line this narrow can hold */
            if (l->ellipsis) ok &= w + CHAR_W <= max_w;
            else ok &= w <= max_w || is_one_cluster(text, l->offset, l->len);
            /* only the last line may carry the ellipsis */
            ok &= !l->ellipsis || i == n - 1;
            /* in order, never overlapping, only white space skipped */
            ok &= l->offset >= prev_end && end <= len;
            for (size_t j = prev_end; j < l->offset && ok; j++) ok &= is_space(text[j]);
            /* never mid UTF-8 sequence */
            ok &= is_boundary(text, l->offset) && (end == len || is_boundary(text, end));
            /* no line starts or ends with a newline */
            ok &= l->len == 0 || (text[l->offset] != '\n' && text[end - 1] != '\n');
            if (i + 1 < n && !l->paragraph_end && !l->ellipsis) {
                size_t next = lines[i + 1].offset;
                size_t para_end = next;
                while (para_end < len && text[para_end] != '\n') para_end++;
                /* the line ends where ICU lets it, its spaces hanging, or it cuts a word */
                bool spaces_only = true; /* between the lines: the spaces that hang */
                for (size_t j = end; j < next; j++) spaces_only &= text[j] == ' ';
                bool at_break = is_break[next] && spaces_only;
                /* a cut may fall just before a space inside a segment ("»" then " (et"): it hangs too */
                bool at_cut = !at_break && spaces_only && may_cut[end];
                if (l->hyphen && !(at_cut && next == end)) {
                    fprintf(stderr, "  line %d has a hyphen but does not cut a word\n", i);
                    ok = false;
                }
                if (!(at_break || at_cut)) {
                    fprintf(stderr, "  line %d ends neither at a break opportunity nor at a cut place\n", i);
                    ok = false;
                }
                /* greedy: the next segment (or, in a cut word, the next cluster) would not have fit */
                size_t e = next + 1;
                if (at_cut)
                    while (e < para_end && !may_cut[e]) e++;
                else
                    while (e < para_end && !is_break[e]) e++;
                if (e > para_end) e = para_end;
                while (e > next && text[e - 1] == ' ') e--;
                /* a hyphenated cut may stop one letter early: no letter stands alone on the next line */
                bool orphan = l->hyphen && one_letter_left_at(text, e, para_end);
                if (!orphan && width_of(text + l->offset, e - l->offset) + (l->hyphen ? CHAR_W : 0) <= max_w) {
                    fprintf(stderr, "  line %d is not greedy: it could have run to byte %zu\n", i, e);
                    ok = false;
                }
            }
            prev_end = end;
        }
        /* ellipsis exactly when something other than white space is left out */
        bool cut = false;
        for (size_t j = prev_end; j < len; j++) cut |= !is_space(text[j]);
        if (n > 0) ok &= lines[n - 1].ellipsis == cut;
        if (!cut && max_lines == 512) {
            /* joining the lines gives back the words in order */
            static char a[8192], b[8192], joined[8192];
            join_lines(text, lines, n, joined, sizeof joined);
            tokens(text, len, a, sizeof a);
            tokens(joined, strlen(joined), b, sizeof b);
            ok &= strcmp(a, b) == 0;
            /* a segment that fits a line is never cut: it lies within one line */
            size_t s = 0;
            for (size_t i = 1; i <= len && ok; i++) {
                if (text[i - 1] == '\n') {
                    s = i;
                    continue;
                }
                if (i < len && !is_break[i] && text[i] != '\n') continue;
                size_t e = i;
                while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\n')) e--;
                size_t from = s;
                while (from < e && text[from] == ' ') from++;
                if (e > from && width_of(text + from, e - from) <= max_w) {
                    int holders = 0;
                    for (int k = 0; k < n; k++)
                        if (lines[k].offset <= from && e <= lines[k].offset + lines[k].len) holders++;
                    ok &= holders == 1;
                }
                s = i;
            }
        }
        if (!ok) {
            for (int i = 0; i < n; i++)
                fprintf(stderr, "  line %d: [%zu,+%zu) \"%.*s\"%s%s\n", i, lines[i].offset, lines[i].len, (int)lines[i].len,
                        text + lines[i].offset, lines[i].ellipsis ? " ellipsis" : lines[i].hyphen ? " hyphen" : "",
                        lines[i].paragraph_end ? " end" : "");
            fprintf(stderr, "case %d: max_w %.1f max_lines %d text \"%s\"\n", iter, max_w, max_lines, text);
            CHECK(ok);
            break;
        }
    }
    wrap_breaker_free(&breaker);
}

/* ---- styled runs ------------------------------------------------------------------------ */

/* Bold is half as wide again: 9 px a character where regular and italic
 * take 6, so a test sees which face each piece was measured in. */
static float styled_width(void *ctx, FontFace face, int size_px, const char *s, size_t len)
{
    float w = fake_width(ctx, face, size_px, s, len);
    return face == FONT_BOLD || face == FONT_BOLD_ITALIC ? w * 1.5f : w;
}

static const TextMeasurer STYLED = {NULL, styled_width, fake_line_height};

static int wrap_runs(const char *text, const RichRun *runs, int count, bool hide, float max_w, WrapLine *lines,
                     int max_lines)
{
    WrapRuns r = {{runs, count}, 0, hide};
    return wrap_runs_with(&test_breaker, "", &STYLED, FONT_REGULAR, SIZE, text, &r, max_w, lines, max_lines);
}

static void each_run_is_measured_in_its_own_face(void)
{
    const char *text = "aaa bbb ccc";
    RichRun bold = {4, 7, RICH_BOLD, NULL};
    WrapRuns r = {{&bold, 1}, 0, false};
    CHECK_NEAR(wrap_runs_width(&STYLED, FONT_REGULAR, SIZE, &r, text, 0, 11), 8 * 6 + 3 * 9, 0.01);
    CHECK_NEAR(wrap_runs_width(&STYLED, FONT_REGULAR, SIZE, &r, text, 5, 9), 2 * 9 + 2 * 6, 0.01);
    CHECK_NEAR(wrap_runs_width(&STYLED, FONT_REGULAR, SIZE, NULL, text, 0, 11), 11 * 6, 0.01);
}

static void a_bold_word_makes_the_line_break_earlier(void)
{
    const char *text = "aaa bbb ccc";
    RichRun bold = {4, 7, RICH_BOLD, NULL};
    WrapLine lines[4];
    CHECK_INT(wrap_runs(text, NULL, 0, false, 70, lines, 4), 1); /* 66 px plain */
    int n = wrap_runs(text, &bold, 1, false, 70, lines, 4);  /* 75 px with "bbb" bold */
    CHECK_INT(n, 2);
    CHECK_INT(lines[0].len, 7);
    CHECK_INT(lines[1].offset, 8);
}

static void a_line_runs_on_across_run_boundaries(void)
{
    /* Italic is as wide as regular here: runs alone must change nothing. */
    const char *text = "one two three four five six seven eight nine ten";
    RichRun runs[] = {{2, 6, RICH_ITALIC, NULL}, {6, 12, RICH_ITALIC | RICH_LINK, "https://x.org"},
                      {20, 31, RICH_ITALIC, NULL}};
    for (float w = 30; w <= 300; w += 7) {
        WrapLine plain[16], styled[16];
        int a = wrap_runs(text, NULL, 0, false, w, plain, 16), b = wrap_runs(text, runs, 3, false, w, styled, 16);
        CHECK_INT(a, b);
        for (int i = 0; i < a && i < b; i++) {
            CHECK_INT(plain[i].offset, styled[i].offset);
            CHECK_INT(plain[i].len, styled[i].len);
        }
    }
}

static void a_hidden_address_takes_no_room(void)
{
    const char *text = "see it (https://x.org/a) now";
    RichRun runs[] = {{4, 6, RICH_LINK, "https://x.org/a"}, {6, 24, RICH_ADDRESS, "https://x.org/a"}};
    WrapLine lines[4];
    CHECK_INT(wrap_runs(text, runs, 2, true, 10 * 6, lines, 4), 1); /* "see it now" */
    CHECK(wrap_runs(text, runs, 2, false, 10 * 6, lines, 4) > 1);
}

static void a_word_cut_in_bold_leaves_room_for_a_bold_hyphen(void)
{
    const char *text = "abcdefghijklmnop";
    RichRun bold = {0, 16, RICH_BOLD, NULL};
    WrapLine lines[8];
    int n = wrap_runs(text, &bold, 1, false, 90, lines, 8); /* 10 bold characters a line */
    CHECK(n >= 2);
    CHECK(lines[0].hyphen);
    CHECK((float)lines[0].len * 9 + 9 <= 90); /* the hyphen is bold too */
}

static void a_run_in_a_bold_text_is_bold_and_italic_makes_it_bold_italic(void)
{
    CHECK_INT(wrap_face(FONT_REGULAR, RICH_BOLD), FONT_BOLD);
    CHECK_INT(wrap_face(FONT_REGULAR, RICH_ITALIC), FONT_ITALIC);
    CHECK_INT(wrap_face(FONT_REGULAR, RICH_BOLD | RICH_ITALIC | RICH_LINK), FONT_BOLD_ITALIC);
    CHECK_INT(wrap_face(FONT_BOLD, RICH_ITALIC), FONT_BOLD_ITALIC);
    CHECK_INT(wrap_face(FONT_ITALIC, RICH_LINK), FONT_ITALIC);
}

int main(void)
{
    RUN(empty_string_gives_no_lines);
    RUN(zero_max_lines_gives_no_lines);
    RUN(ellipsis_width_is_measured_with_the_font);
    RUN(short_text_is_one_line);
    RUN(words_wrap_greedily_at_spaces);
    RUN(newlines_make_paragraph_breaks);
    RUN(a_trailing_newline_adds_no_line);
    RUN(last_line_of_a_paragraph_is_marked_even_with_trailing_spaces);
    RUN(too_long_word_is_broken_between_accented_characters);
    RUN(a_khmer_word_wider_than_the_line_is_cut_between_clusters_never_after_a_coeng);
    RUN(broken_words_stay_whole_characters_even_when_partial_ones_measure_nothing);
    RUN(a_long_word_goes_to_its_own_line_before_it_is_broken);
    RUN(a_cut_word_is_hyphenated_only_in_alphabets_that_hyphenate);
    RUN(indentation_is_kept_unless_it_would_break_the_first_word);
    RUN(max_lines_is_respected_and_the_cut_is_marked);
    RUN(ellipsis_shortens_a_full_last_line);
    RUN(no_ellipsis_when_only_white_space_is_left);
    RUN(ellipsis_fits_even_in_a_very_narrow_line);
    RUN(khmer_breaks_between_words_where_there_are_no_spaces);
    RUN(khmer_with_spaces_breaks_at_spaces_and_between_words);
    RUN(khmer_lines_never_end_inside_a_written_cluster);
    RUN(russian_breaks_at_spaces_and_after_hyphens);
    RUN(russian_dash_after_a_no_break_space_stays_on_the_line_before);
    RUN(french_punctuation_after_a_no_break_space_never_starts_a_line);
    RUN(english_breaks_at_spaces_and_after_hyphens);
    RUN(urls_break_after_slashes_never_inside_a_host_name);
    RUN(mixed_scripts_break_by_the_rules_of_each);
    RUN(the_root_rules_and_every_language_agree_on_these_scripts);
    RUN(a_zero_breaker_is_ready_and_free_makes_it_zero_again);
    RUN(a_breaker_keeps_one_iterator_per_locale_and_replaces_the_oldest_when_full);
    RUN(random_texts_wrap_within_width_keeping_words_in_order);
    RUN(each_run_is_measured_in_its_own_face);
    RUN(a_bold_word_makes_the_line_break_earlier);
    RUN(a_line_runs_on_across_run_boundaries);
    RUN(a_hidden_address_takes_no_room);
    RUN(a_word_cut_in_bold_leaves_room_for_a_bold_hyphen);
    RUN(a_run_in_a_bold_text_is_bold_and_italic_makes_it_bold_italic);
    wrap_breaker_free(&test_breaker);
    return TEST_REPORT();
}
