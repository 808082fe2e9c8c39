/* test_export.c: specifications of the text version (--export-text): every
 * event once, in date order, under its era, with its sources; HTML that is
 * well formed enough for screen readers, with lang attributes on fallbacks. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <stdlib.h>

#include "export.h"
#include "load.h"
#include "test.h"

static Timeline tl;

static char *exported(int lang, ExportFormat format)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f) return NULL;
    CHECK(export_timeline(&tl, lang, format, f));
    fclose(f);
    return text;
}

static int occurrences(const char *haystack, const char *needle)
{
    int n = 0;
    for (const char *p = haystack; (p = strstr(p, needle)) != NULL; p += strlen(needle)) n++;
    return n;
}

static void html_has_one_article_per_event_in_date_order(void)
{
    char *html = exported(timeline_lang_index(&tl, "en"), EXPORT_HTML);
    CHECK(html != NULL);
    if (!html) return;
    CHECK(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">", 32) == 0);
    CHECK_INT(occurrences(html, "<article "), tl.event_count);
    CHECK_INT(occurrences(html, "</article>"), tl.event_count);
    const char *last = html;
    for (int i = 0; i < tl.event_count; i++) {
        char anchor[200];
        snprintf(anchor, sizeof anchor, "<article id=\"%s\">", tl.events[i].id);
        const char *at = strstr(html, anchor);
        CHECK(at != NULL && at >= last);
        if (at) last = at;
    }
    CHECK(strstr(html, "</main>\n</body>\n</html>\n") != NULL);
    free(html);
}

static void html_opens_a_section_per_era_of_the_first_lane_and_closes_each(void)
{
    char *html = exported(0, EXPORT_HTML);
    if (!html) return;
    CHECK(occurrences(html, "<section>") >= 1);
    CHECK_INT(occurrences(html, "<section>"), occurrences(html, "</section>"));
    CHECK_INT(occurrences(html, "<h2>"), occurrences(html, "<section>"));
    free(html);
}

static void html_marks_a_text_that_falls_back_to_another_language(void)
{
    char *html = exported(timeline_lang_index(&tl, "en"), EXPORT_HTML);
    if (!html) return;
    /* lost-cosmonauts has its summary in French only */
    const char *article = strstr(html, "<article id=\"lost-cosmonauts\">");
    CHECK(article != NULL);
    if (article) {
        const char *end = strstr(article, "</article>");
        const char *fr = strstr(article, "<p lang=\"fr\">");
        CHECK(fr != NULL && end != NULL && fr < end);
    }
    free(html);
}

static void html_escapes_markup_in_the_texts(void)
{
    Timeline saved = tl;
    Event *ev = &tl.events[0];
    const char *title = text_in(&ev->title, 0);
    text_set(&tl, &ev->title, 0, "Fish & <chips>");
    char *html = exported(0, EXPORT_HTML);
    text_set(&tl, &ev->title, 0, title);
    tl = saved;
    if (!html) return;
    CHECK(strstr(html, "Fish &amp; &lt;chips&gt;") != NULL);
    CHECK(strstr(html, "<chips>") == NULL);
    free(html);
}

static void markdown_has_a_heading_per_event_with_its_date_and_sources(void)
{
    char *md = exported(timeline_lang_index(&tl, "fr"), EXPORT_MARKDOWN);
    if (!md) return;
    CHECK(strncmp(md, "# ", 2) == 0);
    CHECK_INT(occurrences(md, "\n### "), tl.event_count);
    int with_sources = 0;
    for (int i = 0; i < tl.event_count; i++) with_sources += tl.events[i].source_count > 0;
    CHECK_INT(occurrences(md, "**Sources**"), with_sources);
    CHECK(strstr(md, "20 juillet 1969") != NULL); /* Apollo 11, dated in French */
    free(md);
}

static void the_format_follows_the_file_name(void)
{
    CHECK_INT(export_format_for_path("out.html"), EXPORT_HTML);
    CHECK_INT(export_format_for_path("OUT.HTM"), EXPORT_HTML);
    CHECK_INT(export_format_for_path("out.md"), EXPORT_MARKDOWN);
    CHECK_INT(export_format_for_path("notes"), EXPORT_MARKDOWN);
}

/* A styled story (TimelineJS HTML) exports its plain words: no tag of the
 * file leaks into the Markdown, and the HTML's own tags are escaped text. */
static void a_styled_story_exports_its_plain_words(void)
{
    Timeline styled;
    LoadOptions opt = {.today_days = 20000};
    LoadReport report;
    CHECK(load_timeline_file(FRISE_TEST_DATA "/good/timelinejs-styled.json", &opt, &styled, &report));
    load_report_free(&report);
    ExportFormat formats[] = {EXPORT_MARKDOWN, EXPORT_HTML};
    for (int f = 0; f < 2; f++) {
        char *text = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&text, &len);
        CHECK(out && export_timeline(&styled, 0, formats[f], out));
        if (out) fclose(out);
        CHECK(text && strstr(text, "Galileo Galilei turned his telescope"));
        CHECK(text && !strstr(text, "<b>") && !strstr(text, "<i>") && !strstr(text, "<a href=\"https://en.wiki"));
        free(text);
    }
    timeline_free(&styled);
}

int main(void)
{
    LoadOptions opt = {.today_days = 20000};
    LoadReport report;
    if (!load_timeline_file(FRISE_TEST_DATA "/good/full.json", &opt, &tl, &report)) return 1;
    load_report_free(&report);
    RUN(html_has_one_article_per_event_in_date_order);
    RUN(a_styled_story_exports_its_plain_words);
    RUN(html_opens_a_section_per_era_of_the_first_lane_and_closes_each);
    RUN(html_marks_a_text_that_falls_back_to_another_language);
    RUN(html_escapes_markup_in_the_texts);
    RUN(markdown_has_a_heading_per_event_with_its_date_and_sources);
    RUN(the_format_follows_the_file_name);
    timeline_free(&tl);
    return TEST_REPORT();
}
