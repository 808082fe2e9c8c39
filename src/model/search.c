/* search.c: accent- and case-insensitive substring search over events. */
#include "search.h"

#include <stdbool.h>
#include <stdint.h>
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

/* A folded copy of text in the arena ("" when memory runs out). */
static const char *fold_copy(Arena *arena, const char *text)
{
    size_t cap = strlen(text) * 2 + 1; /* "Œ" (2 bytes) folds to "oe": never longer */
    char *out = arena_alloc(arena, cap);
    if (!out) return "";
    search_fold(text, out, cap);
    return out;
}

/* Summary, body and id joined, so one scan covers them. */
static const char *fold_texts(Arena *arena, const Timeline *tl, const Event *ev, int lang)
{
    const char *parts[3] = {timeline_text(tl, &ev->summary, lang), timeline_text(tl, &ev->body, lang), ev->id};
    size_t len = 3;
    for (int i = 0; i < 3; i++) len += strlen(parts[i]) * 2;
    char *out = arena_alloc(arena, len);
    if (!out) return "";
    size_t n = 0;
    for (int i = 0; i < 3; i++) {
        n += search_fold(parts[i], out + n, len - n);
        if (n + 1 < len) out[n++] = '\n';
    }
    out[n < len ? n : len - 1] = '\0';
    return out;
}

static bool build_index(SearchIndex *ix, const Timeline *tl, int lang)
{
    search_free(ix);
    size_t n = (size_t)(tl->event_count ? tl->event_count : 1);
    ix->titles = arena_alloc(&ix->arena, n * sizeof *ix->titles);
    ix->texts = arena_alloc(&ix->arena, n * sizeof *ix->texts);
    if (!ix->titles || !ix->texts) return false;
    for (int i = 0; i < tl->event_count; i++) {
        ix->titles[i] = fold_copy(&ix->arena, timeline_text(tl, &tl->events[i].title, lang));
        ix->texts[i] = fold_texts(&ix->arena, tl, &tl->events[i], lang);
    }
    ix->count = tl->event_count;
    ix->lang = lang;
    ix->built = true;
    return true;
}

int search_events(const Timeline *tl, int lang, const char *query, SearchIndex *ix, int *results, int max)
{
    char needle[SEARCH_QUERY_MAX * 2];
    search_fold(query, needle, sizeof needle);
    if (!needle[0] || max <= 0) return 0;
    if (!ix->built || ix->lang != lang || ix->count != tl->event_count)
        if (!build_index(ix, tl, lang)) return 0;
    int n = 0;
    for (int i = 0; i < ix->count && n < max; i++) /* titles first: they are what people remember */
        if (strstr(ix->titles[i], needle)) results[n++] = i;
    for (int i = 0; i < ix->count && n < max; i++)
        if (!strstr(ix->titles[i], needle) && strstr(ix->texts[i], needle)) results[n++] = i;
    return n;
}

void search_free(SearchIndex *ix)
{
    arena_free(&ix->arena);
    memset(ix, 0, sizeof *ix);
}
