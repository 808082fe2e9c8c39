/* html.c: HTML fragments to plain text and its styled runs (see html.h). */
#include "html.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "ascii.h"
#include "utf8.h"

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Decodes the entity at s: its length, 0 when it is not one we know. */
static size_t decode_entity(const char *s, uint32_t *cp)
{
    static const struct { const char *name; uint32_t cp; } named[] = {
        {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},      {"apos", '\''},
        {"nbsp", 0xA0},     {"ndash", 0x2013},  {"mdash", 0x2014},  {"hellip", 0x2026}, {"lsquo", 0x2018},
        {"rsquo", 0x2019},  {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"laquo", 0xAB},    {"raquo", 0xBB},
        {"eacute", 0xE9},   {"egrave", 0xE8},   {"ecirc", 0xEA},    {"euml", 0xEB},     {"agrave", 0xE0},
        {"acirc", 0xE2},    {"ccedil", 0xE7},   {"icirc", 0xEE},    {"iuml", 0xEF},     {"ocirc", 0xF4},
        {"ugrave", 0xF9},   {"ucirc", 0xFB},    {"uuml", 0xFC},     {"ouml", 0xF6},     {"auml", 0xE4},
        {"Eacute", 0xC9},   {"Egrave", 0xC8},   {"Agrave", 0xC0},   {"Ccedil", 0xC7},   {"copy", 0xA9},
        {"reg", 0xAE},      {"deg", 0xB0},      {"euro", 0x20AC},   {"middot", 0xB7},   {"times", 0xD7},
        {"shy", 0xAD},      {"oelig", 0x153},   {"szlig", 0xDF},    {"bull", 0x2022}};
    if (s[0] != '&') return 0;
    if (s[1] == '#') {
        bool hex = s[2] == 'x' || s[2] == 'X';
        size_t i = hex ? 3 : 2, digits = 0;
        uint32_t v = 0;
        for (; digits < 7; i++, digits++) {
            char c = s[i];
            int d = c >= '0' && c <= '9' ? c - '0'
                    : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                  : -1;
            if (d < 0) break;
            v = v * (hex ? 16u : 10u) + (uint32_t)d;
        }
        if (digits == 0 || s[i] != ';' || v < 0x20 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
        *cp = v;
        return i + 1;
    }
    for (size_t k = 0; k < sizeof named / sizeof named[0]; k++) {
        size_t len = strlen(named[k].name);
        if (strncmp(s + 1, named[k].name, len) == 0 && s[1 + len] == ';') {
            *cp = named[k].cp;
            return len + 2;
        }
    }
    return 0;
}

/* The tag at s (on its '<'): its name in lower case (at most 15 bytes),
 * whether it closes ("</p>"), and its length up to and including '>'. */
static size_t read_tag(const char *s, char *name, size_t cap, bool *closing)
{
    size_t i = 1;
    *closing = s[i] == '/';
    if (*closing) i++;
    size_t n = 0;
    while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')) {
        if (n + 1 < cap) name[n++] = ascii_lower(s[i]);
        i++;
    }
    name[n] = '\0';
    while (s[i] && s[i] != '>') i++;
    return s[i] == '>' ? i + 1 : i;
}

/* The href="..." of an <a> tag (tag_len bytes at s): where it starts, and
 * its length, 0 when there is none. */
static size_t tag_href(const char *s, size_t tag_len, const char **href)
{
    for (size_t i = 0; i + 6 < tag_len; i++) {
        if (!ascii_starts_nocase(s + i, "href=")) continue;
        char q = s[i + 5];
        size_t start = i + (q == '"' || q == '\'' ? 6 : 5), end = start;
        while (end < tag_len && s[end] != (q == '"' || q == '\'' ? q : ' ') && s[end] != '>') end++;
        *href = s + start;
        return end - start;
    }
    return 0;
}

/* The text being written and the styles open at its end. */
typedef struct TextOut {
    char *buf;
    size_t len, cap;
    int pending_breaks;      /* line breaks owed before the next visible character */
    bool pending_space;
    int bold, italic;        /* open <b>/<strong> and <i>/<em>/<cite> tags */
    const char *link_url;    /* the open link's address (in the arena), NULL outside one */
    RichRun *runs;           /* malloc'd while writing; copied into the arena at the end */
    size_t run_count, run_cap;
    bool runs_failed;        /* memory ran out: the text stays, its styles go */
} TextOut;

static void out_bytes(TextOut *t, const char *s, size_t n)
{
    if (t->len + n >= t->cap) n = t->cap - 1 - t->len;
    memcpy(t->buf + t->len, s, n);
    t->len += n;
}

static uint8_t open_style(const TextOut *t)
{
    return (uint8_t)((t->bold > 0 ? RICH_BOLD : 0) | (t->italic > 0 ? RICH_ITALIC : 0) | (t->link_url ? RICH_LINK : 0));
}

/* Marks text[start, end) with style (and url); a run of the same style
 * that ends where this starts grows instead. */
static void add_run(TextOut *t, size_t start, size_t end, uint8_t style, const char *url)
{
    if (style == 0 || end <= start || t->runs_failed) return;
    if (t->run_count > 0) {
        RichRun *last = &t->runs[t->run_count - 1];
        if (last->end == start && last->style == style && last->url == url) {
            last->end = (uint32_t)end;
            return;
        }
    }
    if (!grow_array((void **)&t->runs, &t->run_cap, t->run_count + 1, sizeof *t->runs)) {
        t->runs_failed = true;
        return;
    }
    t->runs[t->run_count++] = (RichRun){(uint32_t)start, (uint32_t)end, style, url};
}

/* The style of a space written between the run that ends before it and
 * text in style (with url): what the two share, so that "<b>all <i>four</i>
 * moons</b>" is bold from end to end and a link's words stay one link. */
static void style_space(TextOut *t, size_t at, uint8_t style, const char *url)
{
    if (t->run_count == 0 || t->runs[t->run_count - 1].end != at || t->len <= at) return;
    const RichRun *last = &t->runs[t->run_count - 1];
    uint8_t shared = (uint8_t)(last->style & style & ~RICH_ADDRESS);
    if (last->url != url) shared &= (uint8_t)~RICH_LINK;
    add_run(t, at, at + 1, shared, shared & RICH_LINK ? url : NULL);
}

/* Writes what is owed (breaks, a space) then n visible bytes, in the
 * styles open. */
static void out_visible(TextOut *t, const char *s, size_t n)
{
    size_t space_at = SIZE_MAX;
    if (t->len > 0) {
        for (int k = 0; k < t->pending_breaks; k++) out_bytes(t, "\n", 1);
        if (!t->pending_breaks && t->pending_space) {
            space_at = t->len;
            out_bytes(t, " ", 1);
        }
    }
    t->pending_breaks = 0;
    t->pending_space = false;
    uint8_t style = open_style(t);
    if (space_at != SIZE_MAX) style_space(t, space_at, style, t->link_url);
    size_t start = t->len;
    out_bytes(t, s, n);
    add_run(t, start, t->len, style, t->link_url);
}

static void owe_breaks(TextOut *t, int n)
{
    if (t->pending_breaks < n) t->pending_breaks = n;
}

static bool is_one_of(const char *name, const char *const *names)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(name, names[i]) == 0) return true;
    return false;
}

static bool is_block_tag(const char *name)
{
    static const char *const blocks[] = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
                                         "blockquote", "table", "tr", "section", "article", "pre", NULL};
    return is_one_of(name, blocks);
}

/* A link worth keeping: one a reader can follow from a printed page. */
static bool followable(const char *href, size_t len)
{
    return len > 0 && (ascii_starts_nocase(href, "http") || ascii_starts_nocase(href, "mailto"));
}

/* The href's address with its entities decoded ("&amp;" is how HTML writes
 * '&' in an address) and its tabs and line breaks dropped (as browsers drop
 * them from an address), in the arena; NULL when memory runs out. */
static const char *decoded_address(Arena *arena, const char *href, size_t len)
{
    char *out = arena_alloc(arena, len + 1);
    if (!out) return NULL;
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t ent = href[i] == '&' ? decode_entity(href + i, &cp) : 0;
        if (ent > 0 && i + ent <= len) {
            char enc[UTF8_MAX_BYTES];
            size_t k = utf8_encode(cp, enc);
            if (k <= ent) { /* an entity is never shorter than what it stands for */
                memcpy(out + n, enc, k);
                n += k;
                i += ent;
                continue;
            }
        }
        if (href[i] != '\n' && href[i] != '\r' && href[i] != '\t') out[n++] = href[i];
        i++;
    }
    out[n] = '\0';
    return out;
}

/* The state of an open link: where its text starts and its address. */
typedef struct OpenLink {
    size_t text_start;
    const char *href;        /* raw, in the HTML */
    size_t href_len;         /* 0: no link open */
} OpenLink;

/* </a>: the address follows the link's text in brackets, unless the text
 * already shows it, and is marked as the link's address. */
static void close_link(TextOut *t, OpenLink *link)
{
    const char *url = t->link_url;
    t->link_url = NULL;
    if (link->href_len == 0) return;
    const char *address = url ? url : link->href;
    size_t address_len = url ? strlen(url) : link->href_len;
    bool shown = false;
    const char *text = t->buf + link->text_start;
    size_t text_len = t->len - link->text_start;
    for (size_t k = 0; !shown && k + address_len <= text_len; k++) shown = memcmp(text + k, address, address_len) == 0;
    if (!shown && followable(link->href, link->href_len)) {
        t->pending_space = false;
        size_t start = t->len;
        if (t->len > 0) out_bytes(t, " ", 1);
        out_bytes(t, "(", 1);
        out_bytes(t, address, address_len);
        out_bytes(t, ")", 1);
        /* A link without words is its address: then the address is the link. */
        bool worded = t->run_count > 0 && t->runs[t->run_count - 1].url == url && url &&
                      (t->runs[t->run_count - 1].style & RICH_LINK);
        size_t from = !worded && t->len > start && t->buf[start] == ' ' ? start + 1 : start;
        if (url) add_run(t, from, t->len, worded ? RICH_ADDRESS : RICH_LINK, url);
    }
    link->href_len = 0;
}

/* One tag's effect on the text; *i moves past it. */
static void html_tag(Arena *arena, TextOut *t, const char *html, size_t *i, OpenLink *link)
{
    static const char *const bold_tags[] = {"b", "strong", NULL};
    static const char *const italic_tags[] = {"i", "em", "cite", NULL};
    char name[16];
    bool closing;
    size_t len = read_tag(html + *i, name, sizeof name, &closing);
    if (!closing && (strcmp(name, "script") == 0 || strcmp(name, "style") == 0)) {
        const char *end = ascii_find_nocase(html + *i + len, strcmp(name, "script") == 0 ? "</script" : "</style");
        *i = end ? (size_t)(end - html) : strlen(html);
        return;
    }
    bool self_closing = len >= 2 && html[*i + len - 1] == '>' && html[*i + len - 2] == '/';
    if (is_block_tag(name)) owe_breaks(t, 2);
    else if (strcmp(name, "br") == 0) owe_breaks(t, 1);
    else if (strcmp(name, "li") == 0 && !closing) {
        owe_breaks(t, 1);
        out_visible(t, "\xE2\x80\xA2 ", 4); /* "• " */
    } else if (is_one_of(name, bold_tags) && !self_closing) {
        t->bold += closing ? (t->bold > 0 ? -1 : 0) : 1;
    } else if (is_one_of(name, italic_tags) && !self_closing) {
        t->italic += closing ? (t->italic > 0 ? -1 : 0) : 1;
    } else if (strcmp(name, "a") == 0 && !closing) {
        if (link->href_len > 0) close_link(t, link); /* <a> inside <a>: the first ends here */
        link->href_len = tag_href(html + *i, len, &link->href);
        link->text_start = t->len;
        t->link_url = followable(link->href, link->href_len) ? decoded_address(arena, link->href, link->href_len) : NULL;
    } else if (strcmp(name, "a") == 0) {
        close_link(t, link);
    }
    *i += len;
}

/* Copies the runs into the arena; a plain RichText when there are none or
 * memory runs out (the words matter more than their styles). */
static RichText keep_runs(Arena *arena, const TextOut *t)
{
    if (t->runs_failed || t->run_count == 0) return (RichText){NULL, 0};
    RichRun *runs = arena_alloc(arena, t->run_count * sizeof *runs);
    if (!runs) return (RichText){NULL, 0};
    memcpy(runs, t->runs, t->run_count * sizeof *runs);
    return (RichText){runs, (int)t->run_count};
}

const char *html_to_rich(Arena *arena, const char *html, RichText *rich)
{
    if (rich) *rich = (RichText){NULL, 0};
    size_t n = strlen(html);
    if (!strchr(html, '<') && !strchr(html, '&')) return arena_strndup(arena, html, n);
    if (n > (size_t)UINT32_MAX / 4) return NULL; /* run offsets are 32-bit */
    /* A tag or an entity gives about as many bytes as it takes (a link's
     * " (address)" fits in its two tags); a run of <li> owes a line break
     * more than each takes, so twice the room is plenty, and out_bytes
     * never writes past it anyway. */
    /* Written into a scratch buffer, then kept at its real length: the
     * arena cannot give back the room a text did not use. */
    TextOut t = {.buf = malloc(2 * n + 16), .cap = 2 * n + 16};
    if (!t.buf) return NULL;
    OpenLink link = {0, NULL, 0};
    for (size_t i = 0; i < n;) {
        char c = html[i];
        if (c == '<' && ((html[i + 1] >= 'a' && html[i + 1] <= 'z') || (html[i + 1] >= 'A' && html[i + 1] <= 'Z') ||
                         html[i + 1] == '/' || html[i + 1] == '!')) {
            html_tag(arena, &t, html, &i, &link);
        } else if (is_space(c)) {
            t.pending_space = true;
            i++;
        } else {
            uint32_t cp;
            size_t len = c == '&' ? decode_entity(html + i, &cp) : 0;
            if (len > 0 && cp == 0xAD) { /* a soft hyphen: line breaking hyphenates by itself */
                i += len;
            } else if (len > 0) { /* &nbsp; stays a no-break space: "diplomatiques&nbsp;;" never breaks before ";" */
                char enc[UTF8_MAX_BYTES];
                out_visible(&t, enc, utf8_encode(cp, enc));
                i += len;
            } else {
                out_visible(&t, html + i, 1);
                i++;
            }
        }
    }
    const char *kept = arena_strndup(arena, t.buf, t.len);
    if (rich && kept) *rich = keep_runs(arena, &t);
    free(t.runs);
    free(t.buf);
    return kept;
}

const char *html_to_text(Arena *arena, const char *html)
{
    return html_to_rich(arena, html, NULL);
}
