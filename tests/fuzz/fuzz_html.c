/* fuzz_html.c: libFuzzer target for the HTML of TimelineJS files and
 * sheets (html_to_rich; see README.md). Whatever the bytes, the text is the
 * one html_to_text gives, and its runs are sorted, never empty, never
 * overlapping, inside the text, never across a line break, with an address
 * exactly when they are a link or a link's address. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

static void check_runs(const char *text, RichText rich)
{
    size_t len = strlen(text);
    for (int i = 0; i < rich.count; i++) {
        const RichRun *r = &rich.runs[i];
        if (r->start >= r->end || r->end > len || r->style == 0) abort();
        if (i > 0 && rich.runs[i - 1].end > r->start) abort();
        if (memchr(text + r->start, '\n', r->end - r->start)) abort();
        if ((r->url != NULL) != ((r->style & (RICH_LINK | RICH_ADDRESS)) != 0)) abort();
        if (rich_run_at(rich, r->start) != r) abort();
    }
    RichText head = {NULL, 0};
    Arena arena = {0};
    head = rich_prefix(&arena, rich, len / 2);
    for (int i = 0; i < head.count; i++)
        if (head.runs[i].end > len / 2) abort();
    arena_free(&arena);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536) return 0;
    char *html = malloc(size + 1);
    if (!html) return 0;
    memcpy(html, data, size);
    html[size] = '\0';
    Arena arena = {0};
    RichText rich;
    const char *text = html_to_rich(&arena, html, &rich);
    const char *plain = html_to_text(&arena, html);
    if ((text == NULL) != (plain == NULL) || (text && strcmp(text, plain) != 0)) abort();
    if (text) check_runs(text, rich);
    arena_free(&arena);
    free(html);
    return 0;
}
