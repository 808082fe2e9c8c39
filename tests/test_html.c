/* test_html.c: specifications of HTML fragments read as plain text with
 * styled runs beside it (html.h, richtext.h): bold, italic, nested, links
 * and their addresses, lists, entities, and broken markup that never
 * crashes and never leaves a run outside its text. */
#include <stdint.h>
#include <string.h>

#include "html.h"
#include "test.h"
#include "test_support.h"
#include "timeline.h"

static Arena arena;

/* The text and runs of html; the runs checked to be well formed (sorted,
 * not overlapping, not empty, inside the text) whatever the input. */
static const char *read_html(const char *html, RichText *rich)
{
    const char *text = html_to_rich(&arena, html, rich);
    CHECK(text != NULL);
    size_t len = text ? strlen(text) : 0;
    for (int i = 0; i < rich->count; i++) {
        const RichRun *r = &rich->runs[i];
        CHECK(r->start < r->end);
        CHECK(r->end <= len);
        CHECK(r->style != 0);
        if (i > 0) CHECK(rich->runs[i - 1].end <= r->start);
    }
    return text ? text : "";
}

/* The bytes of run i, as a string. */
static const char *run_text(const char *text, RichText rich, int i)
{
    static char buf[256];
    if (i >= rich.count) return "(no such run)";
    size_t n = rich.runs[i].end - rich.runs[i].start;
    if (n >= sizeof buf) n = sizeof buf - 1;
    memcpy(buf, text + rich.runs[i].start, n);
    buf[n] = '\0';
    return buf;
}

static void a_script_in_any_case_goes_and_the_text_after_it_stays(void)
{
    RichText rich;
    CHECK_STR(read_html("Before <SCRIPT>x()</SCRIPT> after.", &rich), "Before after.");
    CHECK_STR(read_html("a<Style>p{}</STYLE>b", &rich), "ab");
}

static void bold_and_strong_are_bold_runs_and_the_text_stays_plain(void)
{
    RichText rich;
    const char *text = read_html("<p>A <b>short</b> and <strong>strong</strong> tour.</p>", &rich);
    CHECK_STR(text, "A short and strong tour.");
    CHECK_INT(rich.count, 2);
    CHECK_STR(run_text(text, rich, 0), "short");
    CHECK_INT(rich.runs[0].style, RICH_BOLD);
    CHECK_STR(run_text(text, rich, 1), "strong");
    CHECK_INT(rich.runs[1].style, RICH_BOLD);
}

static void italic_em_and_cite_are_italic_runs(void)
{
    RichText rich;
    const char *text = read_html("<i>Sidereus</i> <em>Nuncius</em> by <cite>Galileo</cite>", &rich);
    CHECK_STR(text, "Sidereus Nuncius by Galileo");
    CHECK_INT(rich.count, 2); /* the space between two italic words is italic too: one run */
    CHECK_STR(run_text(text, rich, 0), "Sidereus Nuncius");
    CHECK_INT(rich.runs[0].style, RICH_ITALIC);
    CHECK_STR(run_text(text, rich, 1), "Galileo");
}

static void nested_bold_and_italic_make_a_bold_italic_run(void)
{
    RichText rich;
    const char *text = read_html("<b>all <i>four</i> moons</b>", &rich);
    CHECK_STR(text, "all four moons");
    CHECK_INT(rich.count, 3);
    CHECK_STR(run_text(text, rich, 0), "all ");
    CHECK_INT(rich.runs[0].style, RICH_BOLD);
    CHECK_STR(run_text(text, rich, 1), "four");
    CHECK_INT(rich.runs[1].style, RICH_BOLD | RICH_ITALIC);
    CHECK_STR(run_text(text, rich, 2), " moons");
    CHECK_INT(rich.runs[2].style, RICH_BOLD);
}

static void a_link_keeps_its_decoded_address_and_marks_the_one_written_after_it(void)
{
    RichText rich;
    const char *text = read_html("Read <a href=\"https://ex.org/?a=1&amp;b=2\">the <b>book</b></a>.", &rich);
    CHECK_STR(text, "Read the book (https://ex.org/?a=1&b=2).");
    CHECK_INT(rich.count, 3);
    CHECK_STR(run_text(text, rich, 0), "the ");
    CHECK_INT(rich.runs[0].style, RICH_LINK);
    CHECK_STR(rich.runs[0].url, "https://ex.org/?a=1&b=2");
    CHECK_STR(run_text(text, rich, 1), "book");
    CHECK_INT(rich.runs[1].style, RICH_LINK | RICH_BOLD);
    CHECK(rich.runs[1].url == rich.runs[0].url); /* one link, one address */
    CHECK_STR(run_text(text, rich, 2), " (https://ex.org/?a=1&b=2)");
    CHECK_INT(rich.runs[2].style, RICH_ADDRESS);
    CHECK(rich_address_hideable(&rich.runs[2]));
}

static void a_link_showing_its_address_gets_no_second_one(void)
{
    RichText rich;
    const char *text = read_html("<a href=\"https://ex.org\">https://ex.org</a>", &rich);
    CHECK_STR(text, "https://ex.org");
    CHECK_INT(rich.count, 1);
    CHECK_INT(rich.runs[0].style, RICH_LINK);
}

static void a_link_without_words_is_its_address(void)
{
    RichText rich;
    const char *text = read_html("see <a href=\"https://ex.org\"></a>", &rich);
    CHECK_STR(text, "see (https://ex.org)");
    CHECK_INT(rich.count, 1);
    CHECK_STR(run_text(text, rich, 0), "(https://ex.org)");
    CHECK_INT(rich.runs[0].style, RICH_LINK); /* never hidden: it is all there is of the link */
}

static void a_link_nobody_can_follow_is_plain_text(void)
{
    RichText rich;
    const char *text = read_html("<a href=\"#top\">back</a> <a href=\"javascript:x()\">run</a>", &rich);
    CHECK_STR(text, "back run");
    CHECK_INT(rich.count, 0);
}

static void a_mail_address_is_a_link_whose_address_stays_in_the_text(void)
{
    RichText rich;
    const char *text = read_html("<a href=\"mailto:a@ex.org\">write</a>", &rich);
    CHECK_STR(text, "write (mailto:a@ex.org)");
    CHECK_INT(rich.count, 2);
    CHECK_INT(rich.runs[0].style, RICH_LINK);
    CHECK(!rich_address_hideable(&rich.runs[1])); /* no click opens it: it is shown */
}

static void list_items_keep_their_bullets_and_styles(void)
{
    RichText rich;
    const char *text = read_html("<ul><li><b>Io</b> &amp; Europa</li><li>Callisto</li></ul>", &rich);
    CHECK_STR(text, "• Io & Europa\n• Callisto");
    CHECK_INT(rich.count, 1);
    CHECK_STR(run_text(text, rich, 0), "Io");
}

static void entities_inside_a_run_are_decoded_and_counted_in_bytes(void)
{
    RichText rich;
    const char *text = read_html("<p>x <i>caf&eacute; &laquo;&nbsp;y&nbsp;&raquo;</i></p>", &rich);
    CHECK_STR(text, "x café «\u00a0y\u00a0»"); /* &nbsp; stays a no-break space */
    CHECK_INT(rich.count, 1);
    CHECK_STR(run_text(text, rich, 0), "café «\u00a0y\u00a0»");
}

static void a_style_never_spans_a_line_break(void)
{
    RichText rich;
    const char *text = read_html("<b>one<br>two</b><p><b>three</b></p>", &rich);
    CHECK_STR(text, "one\ntwo\n\nthree");
    for (int i = 0; i < rich.count; i++)
        CHECK(memchr(text + rich.runs[i].start, '\n', rich.runs[i].end - rich.runs[i].start) == NULL);
    CHECK_INT(rich.count, 3);
}

static void broken_markup_styles_to_the_end_and_stray_closings_do_nothing(void)
{
    RichText rich;
    const char *text = read_html("</b></i>plain <b>bold <i>both", &rich);
    CHECK_STR(text, "plain bold both");
    CHECK_INT(rich.count, 2);
    CHECK_STR(run_text(text, rich, 0), "bold ");
    CHECK_STR(run_text(text, rich, 1), "both");
    CHECK_INT(rich.runs[1].style, RICH_BOLD | RICH_ITALIC);
    text = read_html("<a href=\"https://ex.org\">open <a href=\"https://two.org\">two</a", &rich);
    CHECK(strstr(text, "open (https://ex.org)") != NULL); /* the first link ends where the second starts */
    text = read_html("<b", &rich);
    text = read_html("<a href=", &rich);
    text = read_html("<a href='https://x.org", &rich);
    text = read_html("<a href=mailto:a\n\nb>x</a>", &rich); /* found by fuzz_html */
    CHECK_STR(text, "x (mailto:ab)");
    text = read_html("&#x110000;&#0;<b/>x</b>", &rich);
    CHECK_STR(text, "&#x110000;&#0;x");
}

static void random_markup_never_breaks_the_runs(void)
{
    static const char *const pieces[] = {"<b>", "</b>", "<i>", "</i>", "<em>", "</strong>", "<a href=\"https://e.org\">",
                                         "</a>", "<a href=", "<br>", "<p>", "</p>", "<li>", "&amp;", "&bogus;", " ",
                                         "word", "é", "<", ">", "\"", "&#", "<script>", "</script>", "\n"};
    enum { PIECES = sizeof pieces / sizeof pieces[0] };
    rng_state = 11;
    for (int round = 0; round < 2000; round++) {
        char html[512] = "";
        int n = (int)rng_range(0, 24);
        for (int k = 0; k < n; k++) strcat(html, pieces[rng_next() % PIECES]);
        RichText rich;
        read_html(html, &rich); /* checks the runs */
    }
}

static void plain_text_has_no_runs_and_is_taken_as_typed(void)
{
    RichText rich;
    const char *text = read_html("Line one\nline two", &rich);
    CHECK_STR(text, "Line one\nline two");
    CHECK_INT(rich.count, 0);
    CHECK(rich.runs == NULL);
}

static void a_prefix_keeps_the_runs_it_holds_cut_at_its_end(void)
{
    RichText rich;
    const char *text = read_html("<p>A <b>bold start</b></p><p><i>later</i></p>", &rich);
    RichText head = rich_prefix(&arena, rich, 6); /* "A bold" */
    CHECK(strncmp(text, "A bold", 6) == 0);
    CHECK_INT(head.count, 1);
    CHECK_INT(head.runs[0].start, 2);
    CHECK_INT(head.runs[0].end, 6);
    CHECK(rich_run_at(rich, 3) == &rich.runs[0]);
    CHECK(rich_run_at(rich, 0) == NULL);
}

static void a_text_gives_the_runs_of_the_translation_it_shows(void)
{
    Timeline t;
    memset(&t, 0, sizeof t);
    t.lang_count = 2;
    Text text = {NULL};
    RichText rich;
    text_set(&t, &text, 0, html_to_rich(&t.arena, "<b>gras</b>", &rich));
    CHECK(timeline_set_rich(&t, &text, 0, rich));
    CHECK_INT(timeline_rich(&t, &text, 1).count, 1); /* no English: the French, with its runs */
    text_set(&t, &text, 1, "plain");
    CHECK_INT(timeline_rich(&t, &text, 1).count, 0);
    Text plain = {NULL};
    CHECK(text_set(&t, &plain, 0, "x"));
    CHECK(timeline_set_rich(&t, &plain, 0, (RichText){NULL, 0}));
    CHECK(plain.slots->rich == NULL); /* a plain text stays without runs */
    timeline_free(&t);
}

int main(void)
{
    RUN(a_script_in_any_case_goes_and_the_text_after_it_stays);
    RUN(bold_and_strong_are_bold_runs_and_the_text_stays_plain);
    RUN(italic_em_and_cite_are_italic_runs);
    RUN(nested_bold_and_italic_make_a_bold_italic_run);
    RUN(a_link_keeps_its_decoded_address_and_marks_the_one_written_after_it);
    RUN(a_link_showing_its_address_gets_no_second_one);
    RUN(a_link_without_words_is_its_address);
    RUN(a_link_nobody_can_follow_is_plain_text);
    RUN(a_mail_address_is_a_link_whose_address_stays_in_the_text);
    RUN(list_items_keep_their_bullets_and_styles);
    RUN(entities_inside_a_run_are_decoded_and_counted_in_bytes);
    RUN(a_style_never_spans_a_line_break);
    RUN(broken_markup_styles_to_the_end_and_stray_closings_do_nothing);
    RUN(random_markup_never_breaks_the_runs);
    RUN(plain_text_has_no_runs_and_is_taken_as_typed);
    RUN(a_prefix_keeps_the_runs_it_holds_cut_at_its_end);
    RUN(a_text_gives_the_runs_of_the_translation_it_shows);
    arena_free(&arena);
    return TEST_REPORT();
}
