/* search.c: accent- and case-insensitive substring search over events.
 *
 * Each text is folded once into the index and each query on every
 * keystroke, the same way, so that a search is a plain substring scan.
 * Folding is per character, through libutf8proc: compatibility
 * decomposition ("ﬁ" -> "fi", "²" -> "2"), full case folding ("ß" -> "ss",
 * "Σ" and "ς" -> "σ"), lumping of spaces, dashes and apostrophes
 * ("’" -> "'", "–" -> "-"), and dropping the default-ignorable characters
 * (soft hyphens, and the zero-width spaces that separate Khmer words, which
 * nobody types in a query). Then the accents that decomposition split off
 * are dropped, and a few letters that Unicode does not decompose are
 * spelled out. Per character, not utf8proc_map, because that allocates and
 * a keystroke should not. */
#include "search.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "utf8.h"

/* ---- folding ---------------------------------------------------------------- */

/* The most code points one character folds to (U+FDFA, an Arabic ligature
 * of a whole phrase, gives 18). */
enum { FOLD_MAX_CODEPOINTS = 32 };

static const utf8proc_option_t FOLD_OPTIONS =
    UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_LUMP | UTF8PROC_IGNORE;

/* Without decomposition: case folding (and the rest) but the marks stay. */
static const utf8proc_option_t FOLD_OPTIONS_KEEPING_MARKS = UTF8PROC_CASEFOLD | UTF8PROC_LUMP | UTF8PROC_IGNORE;

/* The accents are the marks of the blocks named Combining Diacritical Marks
 * (with their Extended, Supplement, for Symbols and Half Marks blocks):
 * the ones decomposition splits off Latin, Greek and Cyrillic letters
 * ("é" = "e" + U+0301, "ῷ" = "ω" + U+0342 + U+0345), and that texts carry
 * separately as stress marks ("вода́"). Not utf8proc's STRIPMARK, which
 * drops every mark: Khmer vowel signs and the coeng that stacks consonants
 * are marks too, and without them different Khmer words would fold alike
 * (so would Indic and Thai ones); their marks are not accents. */
static bool is_accent(uint32_t c)
{
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

/* Cyrillic letters written with a mark are letters of their own, not
 * accented ones: "й" is not an "и" ("мой" and "мои" are different words),
 * nor "ї" an "і" in Ukrainian, nor "ў" a "у" in Belarusian; so they keep
 * their mark. The exceptions are "ё", which Russian mostly prints as "е"
 * ("елка" and "ёлка" find each other), and "ѐ" and "ѝ", whose grave is a
 * stress mark. Texts are expected precomposed (NFC), as keyboards and
 * editors write them: a "й" spelt "и" + U+0306 folds to "и". */
static bool keeps_marks(uint32_t c)
{
    bool cyrillic = c >= 0x0400 && c <= 0x052F;
    bool accented = c == 0x0400 || c == 0x0401 || c == 0x040D || c == 0x0450 || c == 0x0451 || c == 0x045D;
    return cyrillic && !accented;
}

/* Letters that readers take for accented ones but that Unicode does not
 * decompose, their stroke or ligature being part of the letter: "Lodz"
 * finds "Łódź" and "oeuvre" "Œuvre". Lower case: they come after folding. */
static const char *spelt_out(uint32_t c)
{
    static const struct { uint32_t c; const char *as; } letters[] = {
        {0x00E6, "ae"}, {0x00F0, "d"}, {0x00F8, "o"}, {0x00FE, "th"}, {0x0111, "d"}, {0x0127, "h"},
        {0x0131, "i"},  {0x0138, "k"}, {0x0142, "l"}, {0x014B, "n"},  {0x0153, "oe"}, {0x0167, "t"}};
    if (c < 0xE6 || c > 0x167) return NULL;
    for (size_t i = 0; i < sizeof letters / sizeof letters[0]; i++)
        if (letters[i].c == c) return letters[i].as;
    return NULL;
}

/* Folds the character c, not ASCII, into out (room for FOLD_MAX_CODEPOINTS *
 * UTF8_MAX_BYTES bytes); returns the bytes written. */
static size_t fold_char(uint32_t c, char *out)
{
    utf8proc_int32_t cps[FOLD_MAX_CODEPOINTS];
    utf8proc_ssize_t count = utf8proc_decompose_char((utf8proc_int32_t)c, cps, FOLD_MAX_CODEPOINTS,
                                                     keeps_marks(c) ? FOLD_OPTIONS_KEEPING_MARKS : FOLD_OPTIONS, NULL);
    if (count < 0 || count > FOLD_MAX_CODEPOINTS) return utf8_encode(c, out); /* not a character: as is */
    size_t n = 0;
    for (utf8proc_ssize_t i = 0; i < count; i++) {
        uint32_t d = (uint32_t)cps[i];
        const char *as = spelt_out(d);
        if (as) {
            memcpy(out + n, as, strlen(as));
            n += strlen(as);
        } else if (!is_accent(d)) {
            n += utf8_encode(d, out + n);
        }
    }
    return n;
}

/* Folds the character at text[*i] into out (room for FOLD_MAX_CODEPOINTS *
 * UTF8_MAX_BYTES bytes), advancing *i; returns the bytes written. */
static size_t fold_next(const char *text, size_t len, size_t *i, char *out)
{
    char ascii = text[*i];
    if ((unsigned char)ascii < 0x80) { /* most text, so first and without utf8proc */
        out[0] = ascii >= 'A' && ascii <= 'Z' ? (char)(ascii + ('a' - 'A')) : ascii;
        (*i)++;
        return 1;
    }
    uint32_t c;
    size_t n = utf8_decode(text + *i, len - *i, &c);
    if (n == 0) {
        out[0] = text[(*i)++]; /* a malformed byte stays as it is */
        return 1;
    }
    *i += n;
    return fold_char(c, out);
}

size_t search_fold(const char *text, char *out, size_t cap)
{
    size_t len = strlen(text), total = 0, written = 0;
    bool full = false;
    for (size_t i = 0; i < len;) {
        char folded[FOLD_MAX_CODEPOINTS * UTF8_MAX_BYTES];
        size_t n = fold_next(text, len, &i, folded);
        full = full || written + n >= cap; /* a later, shorter character must not fill the gap */
        for (size_t k = 0; k < n && !full; k++) out[written++] = folded[k]; /* mostly 1 byte: no memcpy call */
        total += n;
    }
    if (cap) out[written] = '\0';
    return total;
}

/* The parts folded and joined by '\n' into the arena, so that one scan
 * covers them ("" when memory runs out). The first pass measures: folding
 * may lengthen a text ("ß" -> "ss", "ﬃ" -> "ffi") and the index keeps all
 * of it. */
static const char *fold_joined(Arena *arena, const char *const *parts, int count)
{
    size_t size = 0;
    for (int i = 0; i < count; i++) size += search_fold(parts[i], NULL, 0) + 1; /* '\n' or the NUL */
    char *out = arena_alloc_text(arena, size);
    if (!out) return "";
    size_t n = 0;
    for (int i = 0; i < count; i++) {
        if (i > 0) out[n++] = '\n';
        n += search_fold(parts[i], out + n, size - n);
    }
    return out;
}

/* The tags of an event the index holds (a file may give up to 256). */
enum { SEARCH_MAX_TAGS_INDEXED = 64 };

/* Texts on disk (spill.h) read in a pass over every event leave the
 * process every few thousand events, so that a pass never holds them all. */
enum { SEARCH_RELEASE_EVERY = 4096 };

static void let_go_of_texts(const SearchIndex *ix, const Timeline *tl, int i)
{
    if (i % SEARCH_RELEASE_EVERY != SEARCH_RELEASE_EVERY - 1) return;
    if (tl->arena.spill) spill_release_all(tl->arena.spill);
    if (ix->arena.spill) spill_release_all(ix->arena.spill);
}

/* Events by where their title lies (a loader writes an event's texts
 * together, in the file's order; the events are sorted by date). */
typedef struct Placed {
    uintptr_t at;
    int event;
} Placed;

static int by_place(const void *a, const void *b)
{
    const Placed *p = a, *q = b;
    return p->at < q->at ? -1 : p->at > q->at ? 1 : p->event - q->event;
}

/* The events in the order their texts were written: a pass in that order
 * reads a timeline on disk (spill.h) page after page, not at random. */
static bool order_by_place(SearchIndex *ix, const Timeline *tl, int lang)
{
    size_t n = (size_t)(tl->event_count ? tl->event_count : 1);
    Placed *placed = malloc(n * sizeof *placed);
    ix->order = arena_alloc(&ix->arena, n * sizeof *ix->order);
    ix->hits = arena_alloc(&ix->arena, n);
    if (!placed || !ix->order || !ix->hits) {
        free(placed);
        return false;
    }
    for (int i = 0; i < tl->event_count; i++)
        placed[i] = (Placed){(uintptr_t)timeline_text(tl, &tl->events[i].title, lang), i};
    qsort(placed, (size_t)tl->event_count, sizeof *placed, by_place);
    for (int i = 0; i < tl->event_count; i++) ix->order[i] = placed[i].event;
    free(placed);
    return true;
}

static bool build_index(SearchIndex *ix, const Timeline *tl, int lang)
{
    search_free(ix);
    /* A timeline whose texts are on disk (spill.h) gets an index there too:
     * its folded texts are as large as the texts. */
    char dir[512];
    if (tl->arena.spill && spill_default_dir(dir, sizeof dir)) arena_spill_texts(&ix->arena, dir);
    size_t n = (size_t)(tl->event_count ? tl->event_count : 1);
    ix->titles = arena_alloc(&ix->arena, n * sizeof *ix->titles);
    ix->texts = arena_alloc(&ix->arena, n * sizeof *ix->texts);
    if (!ix->titles || !ix->texts || !order_by_place(ix, tl, lang)) return false;
    for (int k = 0; k < tl->event_count; k++) {
        int i = ix->order[k];
        const Event *ev = &tl->events[i];
        const char *title = timeline_text(tl, &ev->title, lang);
        /* Tags are keywords in no language in particular: every language finds them. */
        const char *texts[3 + SEARCH_MAX_TAGS_INDEXED];
        int parts = 0;
        texts[parts++] = timeline_text(tl, &ev->summary, lang);
        texts[parts++] = timeline_text(tl, &ev->body, lang);
        texts[parts++] = ev->id;
        for (int t = 0; t < ev->tag_count && t < SEARCH_MAX_TAGS_INDEXED; t++) texts[parts++] = ev->tags[t];
        ix->titles[i] = fold_joined(&ix->arena, &title, 1);
        ix->texts[i] = fold_joined(&ix->arena, texts, parts);
        let_go_of_texts(ix, tl, k);
    }
    ix->count = tl->event_count;
    ix->lang = lang;
    ix->built = true;
    if (tl->arena.spill) spill_release_all(tl->arena.spill); /* every text was read once */
    return true;
}

int search_events(const Timeline *tl, int lang, const char *query, SearchIndex *ix, int *results, int max)
{
    char needle[SEARCH_QUERY_MAX * 2]; /* folding lengthens few characters; past this, the start is searched */
    search_fold(query, needle, sizeof needle);
    if (!needle[0] || max <= 0) return 0;
    if (!ix->built || ix->lang != lang || ix->count != tl->event_count)
        if (!build_index(ix, tl, lang)) return 0;
    /* One pass in the index's own order, then the results in time order:
     * titles first (they are what people remember), then the texts. */
    for (int k = 0; k < ix->count; k++) {
        int i = ix->order[k];
        ix->hits[i] = strstr(ix->titles[i], needle) ? 1 : strstr(ix->texts[i], needle) ? 2 : 0;
        let_go_of_texts(ix, tl, k);
    }
    int n = 0;
    for (int want = 1; want <= 2; want++)
        for (int i = 0; i < ix->count && n < max; i++)
            if (ix->hits[i] == want) results[n++] = i;
    if (ix->arena.spill) spill_release_all(ix->arena.spill); /* read again at the next key */
    return n;
}

/* ---- snippets ---------------------------------------------------------------------------- */

enum { SNIPPET_FOLD_MAX = 4000 };

static size_t next_char(const char *s, size_t i)
{
    size_t n = i + 1;
    while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80) n++;
    return n;
}

/* Where the folded needle is in text, as byte offsets of text: folded one
 * character at a time, remembering which character each folded byte came
 * from. */
static bool find_folded(const char *text, const char *needle, size_t *start, size_t *end)
{
    static const size_t cap = SNIPPET_FOLD_MAX;
    char folded[SNIPPET_FOLD_MAX + 1];
    uint32_t from[SNIPPET_FOLD_MAX], to[SNIPPET_FOLD_MAX];
    size_t fn = 0, nlen = strlen(needle);
    for (size_t i = 0; text[i] && fn < cap;) {
        size_t next = next_char(text, i);
        char one[8], f[64];
        size_t len = next - i < sizeof one - 1 ? next - i : sizeof one - 1;
        memcpy(one, text + i, len);
        one[len] = '\0';
        size_t k = search_fold(one, f, sizeof f);
        if (k >= sizeof f) k = strlen(f);
        for (size_t j = 0; j < k && fn < cap; j++, fn++) {
            folded[fn] = f[j];
            from[fn] = (uint32_t)i;
            to[fn] = (uint32_t)next;
        }
        i = next;
    }
    folded[fn] = '\0';
    const char *hit = nlen ? strstr(folded, needle) : NULL;
    if (!hit) return false;
    size_t f0 = (size_t)(hit - folded);
    *start = from[f0];
    *end = to[f0 + nlen - 1];
    return true;
}

/* Copies at most n bytes of src at *at, never past the buffer. */
static void put(SearchSnippet *out, size_t *at, const char *src, size_t n)
{
    if (*at + n >= sizeof out->text) n = sizeof out->text - 1 - *at;
    memcpy(out->text + *at, src, n);
    *at += n;
    out->text[*at] = '\0';
}

static void excerpt(SearchSnippet *out, const char *text, size_t start, size_t end, int before, int total)
{
    static const char ELLIPSIS[] = "\xE2\x80\xA6";
    /* Back about before characters, then on to the next word's start. */
    size_t from = start;
    for (int k = 0; k < before && from > 0; k++) {
        from--;
        while (from > 0 && ((unsigned char)text[from] & 0xC0) == 0x80) from--;
    }
    if (from > 0) {
        size_t word = from;
        while (word < start && text[word] != ' ') word++;
        if (word < start) from = word + 1;
    }
    /* On to about total characters in all, ending before a word. */
    size_t until = from;
    for (int k = 0; k < total && text[until]; k++) until = next_char(text, until);
    if (until < end) until = end;
    if (text[until]) {
        size_t word = until;
        while (word > end && text[word] != ' ') word--;
        if (word > end) until = word;
    }
    size_t at = 0;
    out->text[0] = '\0';
    if (from > 0) put(out, &at, ELLIPSIS, sizeof ELLIPSIS - 1);
    put(out, &at, text + from, start - from);
    out->match_at = at;
    put(out, &at, text + start, end - start);
    out->match_len = at - out->match_at;
    put(out, &at, text + end, until - end);
    if (text[until]) put(out, &at, ELLIPSIS, sizeof ELLIPSIS - 1);
}

bool search_snippet(const Timeline *tl, int lang, int event, const char *query, int before_chars, int total_chars,
                    SearchSnippet *out)
{
    memset(out, 0, sizeof *out);
    if (event < 0 || event >= tl->event_count) return false;
    char needle[SEARCH_QUERY_MAX * 2];
    search_fold(query, needle, sizeof needle);
    if (!needle[0]) return false;
    const Event *ev = &tl->events[event];
    const char *texts[4 + SEARCH_MAX_TAGS_INDEXED];
    SearchField fields[4 + SEARCH_MAX_TAGS_INDEXED];
    int n = 0;
    texts[n] = timeline_text(tl, &ev->title, lang), fields[n++] = SEARCH_IN_TITLE;
    texts[n] = timeline_text(tl, &ev->summary, lang), fields[n++] = SEARCH_IN_SUMMARY;
    texts[n] = timeline_text(tl, &ev->body, lang), fields[n++] = SEARCH_IN_BODY;
    for (int t = 0; t < ev->tag_count && t < SEARCH_MAX_TAGS_INDEXED; t++)
        texts[n] = ev->tags[t], fields[n++] = SEARCH_IN_TAG;
    texts[n] = ev->id, fields[n++] = SEARCH_IN_ID;
    for (int i = 0; i < n; i++) {
        size_t start, end;
        if (!texts[i] || !find_folded(texts[i], needle, &start, &end)) continue;
        out->field = fields[i];
        /* A title is short and read whole: never cut at its start. */
        bool title = fields[i] == SEARCH_IN_TITLE;
        excerpt(out, texts[i], start, end, title ? SEARCH_SNIPPET_MAX : before_chars,
                title ? SEARCH_SNIPPET_MAX : total_chars);
        return true;
    }
    return false;
}

void search_free(SearchIndex *ix)
{
    arena_free(&ix->arena);
    memset(ix, 0, sizeof *ix);
}

/* ---- tags ------------------------------------------------------------------------------- */

/* Tags are short keywords: folded into a fixed buffer (a longer one is
 * compared by its start, which no two real tags share for this long). */
enum { TAG_FOLDED_MAX = 256 };

bool search_same_tag(const char *a, const char *b)
{
    char fa[TAG_FOLDED_MAX], fb[TAG_FOLDED_MAX];
    search_fold(a, fa, sizeof fa);
    search_fold(b, fb, sizeof fb);
    return strcmp(fa, fb) == 0;
}

bool search_event_has_tag(const Event *ev, const char *tag)
{
    if (!tag || !tag[0]) return false;
    for (int i = 0; i < ev->tag_count; i++)
        if (search_same_tag(ev->tags[i], tag)) return true;
    return false;
}

static int folded_cmp(const char *a, const char *b)
{
    char fa[TAG_FOLDED_MAX], fb[TAG_FOLDED_MAX];
    search_fold(a, fa, sizeof fa);
    search_fold(b, fb, sizeof fb);
    return strcmp(fa, fb);
}

int search_timeline_tags(const Timeline *tl, const char **out, int cap)
{
    int n = 0;
    for (int e = 0; e < tl->event_count; e++)
        for (int t = 0; t < tl->events[e].tag_count; t++) {
            const char *tag = tl->events[e].tags[t];
            if (!tag || !tag[0]) continue;
            int at = 0;
            bool dup = false;
            while (at < n) { /* insertion into the sorted list */
                int c = folded_cmp(tag, out[at]);
                if (c == 0) dup = true;
                if (c <= 0) break;
                at++;
            }
            if (dup || (at >= cap)) continue;
            int last = n < cap ? n : cap - 1;
            for (int k = last; k > at; k--) out[k] = out[k - 1];
            out[at] = tag;
            if (n < cap) n++;
        }
    return n;
}
