/* search.c: accent- and case-insensitive substring search over events. */
#include "search.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Decodes one UTF-8 character; malformed bytes read as themselves. */
static uint32_t next_codepoint(const unsigned char **p)
{
    const unsigned char *s = *p;
    uint32_t c = s[0];
    int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    for (int i = 1; i <= n; i++)
        if ((s[i] & 0xC0) != 0x80) n = 0;
    if (n == 0) {
        *p = s + 1;
        return c;
    }
    c &= 0x3F >> n;
    for (int i = 1; i <= n; i++) c = (c << 6) | (s[i] & 0x3F);
    *p = s + n + 1;
    return c;
}

/* The base letter of a Latin-1 or Latin Extended-A letter, lower case; NULL if none. */
static const char *latin_base(uint32_t c)
{
    static const char latin1[] = "aaaaaaaceeeeiiiidnooooo\0ouuuuytsaaaaaaaceeeeiiiidnooooo\0ouuuuyty"; /* U+00C0 .. U+00FF */
    static const char extended_a[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"; /* U+0100 .. U+017F */
    if (c >= 0xC0 && c <= 0xFF) return latin1[c - 0xC0] ? &latin1[c - 0xC0] : NULL;
    if (c >= 0x100 && c <= 0x17F) return &extended_a[c - 0x100];
    return NULL;
}

static size_t put(char *out, size_t cap, size_t n, const char *bytes, size_t len)
{
    for (size_t i = 0; i < len && n + 1 < cap; i++) out[n++] = bytes[i];
    return n;
}

static size_t fold_one(uint32_t c, const unsigned char *start, size_t len, char *out, size_t cap, size_t n)
{
    if (c < 0x80) {
        char ch = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        return put(out, cap, n, &ch, 1);
    }
    if (c == 0x152 || c == 0x153) return put(out, cap, n, "oe", 2); /* Œ œ */
    if (c == 0xC6 || c == 0xE6) return put(out, cap, n, "ae", 2);   /* Æ æ */
    if (c == 0xDF) return put(out, cap, n, "ss", 2);
    if (c == 0x2019 || c == 0x2018) return put(out, cap, n, "'", 1); /* typographic apostrophes */
    const char *base = latin_base(c);
    if (base) return put(out, cap, n, base, 1);
    if (c >= 0x410 && c <= 0x42F) { /* Cyrillic capitals to lower case */
        c += 0x20;
        char b[2] = {(char)(0xC0 | (c >> 6)), (char)(0x80 | (c & 0x3F))};
        return put(out, cap, n, b, 2);
    }
    return put(out, cap, n, (const char *)start, len);
}

size_t search_fold(const char *text, char *out, size_t cap)
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)text;
    while (*p && n + 1 < cap) {
        const unsigned char *start = p;
        uint32_t c = next_codepoint(&p);
        n = fold_one(c, start, (size_t)(p - start), out, cap, n);
    }
    if (cap) out[n] = '\0';
    return n;
}

/* Does the folded needle occur in text once folded? */
static bool contains(const char *text, const char *needle, SearchScratch *s)
{
    size_t need = strlen(text) * 2 + 1;
    if (need > s->cap) {
        char *grown = realloc(s->buf, need);
        if (!grown) return false;
        s->buf = grown;
        s->cap = need;
    }
    search_fold(text, s->buf, s->cap);
    return strstr(s->buf, needle) != NULL;
}

static bool event_text_matches(const Timeline *tl, const Event *ev, int lang, const char *needle, SearchScratch *s)
{
    return contains(timeline_text(tl, &ev->summary, lang), needle, s) ||
           contains(timeline_text(tl, &ev->body, lang), needle, s) || contains(ev->id, needle, s);
}

int search_events(const Timeline *tl, int lang, const char *query, SearchScratch *scratch, int *results, int max)
{
    char needle[SEARCH_QUERY_MAX * 2];
    search_fold(query, needle, sizeof needle);
    if (!needle[0] || max <= 0) return 0;
    int n = 0;
    for (int i = 0; i < tl->event_count && n < max; i++) /* titles first: they are what people remember */
        if (contains(timeline_text(tl, &tl->events[i].title, lang), needle, scratch)) results[n++] = i;
    int titles = n;
    for (int i = 0; i < tl->event_count && n < max; i++) {
        bool already = false;
        for (int k = 0; k < titles && !already; k++) already = results[k] == i;
        if (!already && event_text_matches(tl, &tl->events[i], lang, needle, scratch)) results[n++] = i;
    }
    return n;
}

void search_free(SearchScratch *s)
{
    free(s->buf);
    s->buf = NULL;
    s->cap = 0;
}
