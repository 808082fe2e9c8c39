/* html.c: HTML fragments to plain text (see html.h). */
#include "html.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "utf8.h"

static char lower_ascii(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool starts_nocase(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++)
        if (lower_ascii(*s) != lower_ascii(*prefix)) return false;
    return true;
}

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
        if (n + 1 < cap) name[n++] = lower_ascii(s[i]);
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
        if (!starts_nocase(s + i, "href=")) continue;
        char q = s[i + 5];
        size_t start = i + (q == '"' || q == '\'' ? 6 : 5), end = start;
        while (end < tag_len && s[end] != (q == '"' || q == '\'' ? q : ' ') && s[end] != '>') end++;
        *href = s + start;
        return end - start;
    }
    return 0;
}

typedef struct TextOut {
    char *buf;
    size_t len, cap;
    int pending_breaks;      /* line breaks owed before the next visible character */
    bool pending_space;
} TextOut;

static void out_bytes(TextOut *t, const char *s, size_t n)
{
    if (t->len + n >= t->cap) n = t->cap - 1 - t->len;
    memcpy(t->buf + t->len, s, n);
    t->len += n;
}

/* Writes what is owed (breaks, a space) then n visible bytes. */
static void out_visible(TextOut *t, const char *s, size_t n)
{
    if (t->len > 0) {
        for (int k = 0; k < t->pending_breaks; k++) out_bytes(t, "\n", 1);
        if (!t->pending_breaks && t->pending_space) out_bytes(t, " ", 1);
    }
    t->pending_breaks = 0;
    t->pending_space = false;
    out_bytes(t, s, n);
}

static void owe_breaks(TextOut *t, int n)
{
    if (t->pending_breaks < n) t->pending_breaks = n;
}

static bool is_block_tag(const char *name)
{
    static const char *const blocks[] = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
                                         "blockquote", "table", "tr", "section", "article", "pre", NULL};
    for (int i = 0; blocks[i]; i++)
        if (strcmp(name, blocks[i]) == 0) return true;
    return false;
}

/* One tag's effect on the text; *i moves past it. href/href_len and
 * link_start remember an open link. */
static void html_tag(TextOut *t, const char *html, size_t *i, const char **href, size_t *href_len, size_t *link_start)
{
    char name[16];
    bool closing;
    size_t len = read_tag(html + *i, name, sizeof name, &closing);
    if (!closing && (strcmp(name, "script") == 0 || strcmp(name, "style") == 0)) {
        const char *end = strstr(html + *i + len, strcmp(name, "script") == 0 ? "</script" : "</style");
        *i = end ? (size_t)(end - html) : strlen(html);
        return;
    }
    if (is_block_tag(name)) owe_breaks(t, 2);
    else if (strcmp(name, "br") == 0) owe_breaks(t, 1);
    else if (strcmp(name, "li") == 0 && !closing) {
        owe_breaks(t, 1);
        out_visible(t, "\xE2\x80\xA2 ", 4); /* "• " */
    } else if (strcmp(name, "a") == 0 && !closing) {
        *href_len = tag_href(html + *i, len, href);
        *link_start = t->len;
    } else if (strcmp(name, "a") == 0 && *href_len > 0) {
        /* The address, unless the link's text already shows it. */
        bool shown = false;
        char *text = t->buf + *link_start;
        size_t text_len = t->len - *link_start;
        for (size_t k = 0; !shown && k + *href_len <= text_len; k++) shown = memcmp(text + k, *href, *href_len) == 0;
        if (!shown && (starts_nocase(*href, "http") || starts_nocase(*href, "mailto"))) {
            t->pending_space = false;
            if (t->len > 0) out_bytes(t, " ", 1);
            out_bytes(t, "(", 1);
            out_bytes(t, *href, *href_len);
            out_bytes(t, ")", 1);
        }
        *href_len = 0;
    }
    *i += len;
}

/* Plain text of an HTML fragment, in the arena; NULL when memory runs out. */
const char *html_to_text(Arena *arena, const char *html)
{
    size_t n = strlen(html);
    if (!strchr(html, '<') && !strchr(html, '&')) return arena_strndup(arena, html, n);
    /* A tag or an entity gives about as many bytes as it takes (a link's
     * " (address)" fits in its two tags); a run of <li> owes a line break
     * more than each takes, so twice the room is plenty, and out_bytes
     * never writes past it anyway. */
    TextOut t = {.buf = arena_alloc(arena, 2 * n + 16), .cap = 2 * n + 16};
    if (!t.buf) return NULL;
    const char *href = NULL;
    size_t href_len = 0, link_start = 0;
    for (size_t i = 0; i < n;) {
        char c = html[i];
        if (c == '<' && ((html[i + 1] >= 'a' && html[i + 1] <= 'z') || (html[i + 1] >= 'A' && html[i + 1] <= 'Z') ||
                         html[i + 1] == '/' || html[i + 1] == '!')) {
            html_tag(&t, html, &i, &href, &href_len, &link_start);
        } else if (is_space(c)) {
            t.pending_space = true;
            i++;
        } else {
            uint32_t cp;
            size_t len = c == '&' ? decode_entity(html + i, &cp) : 0;
            if (len > 0 && (cp == 0xA0 || cp == 0xAD)) {
                if (cp == 0xA0) t.pending_space = true;
                i += len;
            } else if (len > 0) {
                char enc[UTF8_MAX_BYTES];
                out_visible(&t, enc, utf8_encode(cp, enc));
                i += len;
            } else {
                out_visible(&t, html + i, 1);
                i++;
            }
        }
    }
    t.buf[t.len] = '\0';
    return t.buf;
}

