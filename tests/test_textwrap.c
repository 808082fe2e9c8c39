/* test_textwrap.c: specifications of greedy word wrapping with a fixed-width fake measurer. */
#include "textwrap.h"
#include "test.h"
#include "test_support.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

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

/* ---- random texts --------------------------------------------------------------------- */

static const char *const WORDS[] = {
    "a", "le", "frise", "chronologique", "timeline", "of", "the", "river",
    "élégant", "déjà", "forêt", "Noël", "été", "œuvre", "ça",
    "ភាសា", "ខ្មែរ", "កម្ពុជា", "ព្រះរាជាណាចក្រ",
    "1970", "18", "mars,", "(et", "cetera)",
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
 * two lines, nothing where a word was broken. */
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
    CHECK_INT(n, 3);
    CHECK_INT(lines[0].offset, 0);
    CHECK_INT(lines[0].len, 10);
    CHECK_INT(lines[1].offset, 10);
    CHECK_INT(lines[1].len, 10);
    CHECK_INT(lines[2].offset, 20);
    CHECK_INT(lines[2].len, 4);
    for (int i = 0; i < n; i++) CHECK(!lines[i].ellipsis);
}

static void too_long_word_is_broken_between_khmer_characters(void)
{
    /* Khmer code points take three bytes each. */
    const char *s = "ព្រះរាជាណាចក្រកម្ពុជា";
    size_t len = strlen(s);
    size_t chars = utf8_chars(s, len);
    for (int per_line = 1; per_line <= 9; per_line++) {
        WrapLine lines[64];
        int n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, s, (float)per_line * CHAR_W + 0.5f, lines, 64);
        CHECK_INT(n, (int)((chars + (size_t)per_line - 1) / (size_t)per_line));
        size_t expect_offset = 0;
        for (int i = 0; i < n; i++) {
            CHECK_INT(lines[i].offset, expect_offset);
            CHECK(is_boundary(s, lines[i].offset));
            CHECK(lines[i].offset + lines[i].len == len || is_boundary(s, lines[i].offset + lines[i].len));
            CHECK_INT(utf8_chars(s + lines[i].offset, lines[i].len), i < n - 1 ? (size_t)per_line : chars - expect_offset / 3);
            CHECK(!lines[i].ellipsis);
            expect_offset += lines[i].len;
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
                CHECK(utf8_chars(s + lines[i].offset, lines[i].len) <= (size_t)per_line);
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

static void a_long_word_goes_to_its_own_line_before_it_is_broken(void)
{
    WrapLine lines[8];
    const char *s = "ab abcdefghij";
    int n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, s, 6 * CHAR_W, lines, 8);
    CHECK_INT(n, 3);
    CHECK_INT(lines[0].len, 2);
    CHECK_INT(lines[1].offset, 3);
    CHECK_INT(lines[1].len, 6);
    CHECK_INT(lines[2].offset, 9);
    CHECK_INT(lines[2].len, 4);
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

/* The properties, over many random texts and widths. */
static void random_texts_wrap_within_width_keeping_words_in_order(void)
{
    rng_state = 0x7E47A9u;
    for (int iter = 0; iter < 5000; iter++) {
        char text[4096];
        random_text(text, sizeof text);
        size_t len = strlen(text);
        float max_w = (float)rng_int(1, 60) * CHAR_W + (float)rng_int(0, 5);
        int max_lines = rng_int(0, 3) == 0 ? rng_int(1, 4) : 512;
        WrapLine lines[512];
        int n = wrap_text(&MEASURE, FONT_REGULAR, SIZE, text, max_w, lines, max_lines);
        CHECK(n >= 0 && n <= max_lines);
        if (len == 0) CHECK_INT(n, 0);

        size_t prev_end = 0;
        bool ok = true;
        for (int i = 0; i < n && ok; i++) {
            const WrapLine *l = &lines[i];
            float w = width_of(text + l->offset, l->len);
            /* never wider than the line; the ellipsis line leaves room for "…" */
            if (l->ellipsis) ok &= w + CHAR_W <= max_w;
            else ok &= w <= max_w;
            /* only the last line may carry the ellipsis */
            ok &= !l->ellipsis || i == n - 1;
            /* in order, never overlapping, only white space skipped */
            ok &= l->offset >= prev_end && l->offset + l->len <= len;
            for (size_t j = prev_end; j < l->offset && ok; j++) ok &= is_space(text[j]);
            /* never mid UTF-8 sequence */
            ok &= is_boundary(text, l->offset) && (l->offset + l->len == len || is_boundary(text, l->offset + l->len));
            /* no line starts or ends with a newline */
            ok &= l->len == 0 || (text[l->offset] != '\n' && text[l->offset + l->len - 1] != '\n');
            /* greedy: the next word (or character of a broken word) would not have fit */
            if (i + 1 < n && !l->paragraph_end && !l->ellipsis) {
                size_t e = lines[i + 1].offset;
                if (e == l->offset + l->len) { /* a broken word: one more character */
                    e++;
                    while (e < len && !is_boundary(text, e)) e++;
                } else {
                    while (e < len && !is_space(text[e])) e++;
                }
                ok &= width_of(text + l->offset, e - l->offset) > max_w;
            }
            prev_end = l->offset + l->len;
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
            /* a word that fits a line is never split */
            size_t i = 0;
            while (i < len && ok) {
                while (i < len && is_space(text[i])) i++;
                size_t s = i;
                while (i < len && !is_space(text[i])) i++;
                if (i > s && width_of(text + s, i - s) <= max_w) {
                    int holders = 0;
                    for (int k = 0; k < n; k++)
                        if (lines[k].offset <= s && i <= lines[k].offset + lines[k].len) holders++;
                    ok &= holders == 1;
                }
            }
        }
        if (!ok) {
            for (int i = 0; i < n; i++)
                fprintf(stderr, "  line %d: [%zu,+%zu) \"%.*s\"%s%s\n", i, lines[i].offset, lines[i].len, (int)lines[i].len,
                        text + lines[i].offset, lines[i].ellipsis ? " ellipsis" : "", lines[i].paragraph_end ? " end" : "");
            fprintf(stderr, "case %d: max_w %.1f max_lines %d text \"%s\"\n", iter, max_w, max_lines, text);
            CHECK(ok);
            return;
        }
    }
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
    RUN(too_long_word_is_broken_between_khmer_characters);
    RUN(broken_words_stay_whole_characters_even_when_partial_ones_measure_nothing);
    RUN(a_long_word_goes_to_its_own_line_before_it_is_broken);
    RUN(indentation_is_kept_unless_it_would_break_the_first_word);
    RUN(max_lines_is_respected_and_the_cut_is_marked);
    RUN(ellipsis_shortens_a_full_last_line);
    RUN(no_ellipsis_when_only_white_space_is_left);
    RUN(ellipsis_fits_even_in_a_very_narrow_line);
    RUN(random_texts_wrap_within_width_keeping_words_in_order);
    return TEST_REPORT();
}
