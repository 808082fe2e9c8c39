/* write.c: the writers of `frise convert`: frise/1 JSON, TimelineJS JSON, CSV.
 *
 * A writer walks the timeline once and prints as it goes, so converting a
 * million events needs no second copy of them. What it needs besides is
 * small: the ids it writes (an array of pointers per kind, to rewrite the
 * few that the target does not allow without changing the others) and one
 * text buffer, reused from event to event, for the HTML that TimelineJS
 * wants in place of plain paragraphs.
 *
 * Each writer counts what its target cannot hold (write.h lists them per
 * target), so that convert says what was lost instead of losing it quietly.
 *
 * Contents: the writer and its buffers; escaping (JSON, HTML, CSV); dates;
 * ids; counting losses; frise/1; TimelineJS text; TimelineJS JSON; CSV;
 * formats and messages. */
#include "write.h"

#include "colour.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "grow.h"
#include "load_fields.h"

/* ---- the writer ------------------------------------------------------------------ */

/* A growing byte buffer, reused for each event's HTML text. */
typedef struct Buf {
    char *data;
    size_t len, cap;
    bool failed;
} Buf;

typedef struct Writer {
    const Timeline *tl;
    FILE *f;
    WriteOptions opt;
    WriteFormat format;
    WriteLosses *losses;
    Arena scratch;                  /* rewritten ids */
    const char **event_ids, **category_ids, **lane_ids, **era_ids, **tour_ids;
    Buf html;
    bool failed;                    /* out of memory */
    /* JSON layout: one member or item per line, indented. */
    int depth;
    bool first;                     /* nothing yet in the object or array being written */
} Writer;

static void lose(Writer *W, WriteLoss loss, int count)
{
    W->losses->count[loss] += count;
}

static void buf_add(Buf *b, const char *s, size_t n)
{
    if (b->failed) return;
    if (b->len + n + 1 > b->cap && !grow_array((void **)&b->data, &b->cap, b->len + n + 1, 1)) {
        b->failed = true;
        return;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_puts(Buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static void buf_clear(Buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

/* A malloc'd copy of s (the writers keep a headline while the shared
 * buffer makes the text); NULL when memory runs out. */
static char *copy_string(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    if (copy) memcpy(copy, s, n);
    return copy;
}

/* ---- escaping --------------------------------------------------------------------- */

/* A JSON string: quotes, backslashes and control characters escaped,
 * everything else (UTF-8 included) as it is. */
static void json_string(FILE *f, const char *s)
{
    fputc('"', f);
    while (*s) {
        size_t run = 0;
        while (s[run] && s[run] != '"' && s[run] != '\\' && (unsigned char)s[run] >= 0x20) run++;
        fwrite(s, 1, run, f);
        s += run;
        if (!*s) break;
        unsigned char c = (unsigned char)*s++;
        if (c == '"') fputs("\\\"", f);
        else if (c == '\\') fputs("\\\\", f);
        else if (c == '\n') fputs("\\n", f);
        else if (c == '\r') fputs("\\r", f);
        else if (c == '\t') fputs("\\t", f);
        else fprintf(f, "\\u%04x", c);
    }
    fputc('"', f);
}

static void html_escape(Buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '&') buf_puts(b, "&amp;");
        else if (c == '<') buf_puts(b, "&lt;");
        else if (c == '>') buf_puts(b, "&gt;");
        else if (c == '"') buf_puts(b, "&quot;");
        else buf_add(b, &c, 1);
    }
}

/* text[from, to) as HTML with its runs' styles: <b>, <i>, and <a href> around
 * a link's text (one element across the runs of one link, which html.h
 * made from one). A link's " (address)" is left out: the <a> holds it, and
 * reading it back would write it again. */
static void html_styled(Buf *b, const char *text, size_t from, size_t to, RichText rich)
{
    const char *open_url = NULL;
    size_t pos = from;
    for (int i = rich_first_after(rich, from); pos < to; i++) {
        const RichRun *r = i < rich.count && rich.runs[i].start < to ? &rich.runs[i] : NULL;
        size_t start = !r ? to : r->start > pos ? r->start : pos;
        if (start > pos && open_url) {
            buf_puts(b, "</a>");
            open_url = NULL;
        }
        html_escape(b, text + pos, start - pos);
        if (!r) break;
        size_t end = r->end < to ? r->end : to;
        const char *url = (r->style & RICH_LINK) ? r->url : NULL;
        if (open_url && url != open_url) buf_puts(b, "</a>");
        if (url && url != open_url) {
            buf_puts(b, "<a href=\"");
            html_escape(b, url, strlen(url));
            buf_puts(b, "\">");
        }
        open_url = url;
        if (!(r->style & RICH_ADDRESS)) {
            if (r->style & RICH_BOLD) buf_puts(b, "<b>");
            if (r->style & RICH_ITALIC) buf_puts(b, "<i>");
            html_escape(b, text + start, end - start);
            if (r->style & RICH_ITALIC) buf_puts(b, "</i>");
            if (r->style & RICH_BOLD) buf_puts(b, "</b>");
        }
        pos = end;
    }
    if (open_url) buf_puts(b, "</a>");
}

/* Text as HTML paragraphs: a blank line between paragraphs becomes
 * </p><p>, a single line break <br>, and the runs of rich (richtext.h; a
 * plain one for a plain text) their tags. prefix_html (may be NULL) opens
 * the first paragraph. */
static void html_paragraphs(Buf *b, const char *text, RichText rich, const char *prefix_html)
{
    buf_puts(b, "<p>");
    if (prefix_html) buf_puts(b, prefix_html);
    const char *s = text;
    while (*s) {
        size_t run = strcspn(s, "\r\n");
        html_styled(b, text, (size_t)(s - text), (size_t)(s - text) + run, rich);
        s += run;
        if (!*s) break;
        int breaks = 0;
        while (*s == '\r' || *s == '\n') breaks += *s++ == '\n';
        if (!*s) break;
        buf_puts(b, breaks >= 2 ? "</p><p>" : "<br>");
    }
    buf_puts(b, "</p>");
}

/* A CSV cell, quoted when it must be: it holds the delimiter, a quote or a
 * line break, or starts or ends with a space (which readers trim). */
static void csv_cell(Writer *W, const char *s, bool first)
{
    char delim = W->opt.csv_delimiter;
    if (!first) fputc(delim, W->f);
    if (!s || !*s) return;
    size_t n = strlen(s);
    bool quote = strchr(s, '"') || strchr(s, '\n') || strchr(s, '\r') || strchr(s, delim) || s[0] == ' ' ||
                 s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t';
    if (!quote) {
        fwrite(s, 1, n, W->f);
        return;
    }
    fputc('"', W->f);
    for (const char *p = s; *p; p++) {
        if (*p == '"') fputc('"', W->f);
        fputc(*p, W->f);
    }
    fputc('"', W->f);
}

static void csv_end_row(Writer *W)
{
    fputs("\r\n", W->f);
}

/* ---- dates ------------------------------------------------------------------------- */

/* A date as frise/1 and the plain CSV write it: "~1960", "-0043-03-15",
 * "1969-07-20T20:17", "present". */
static void iso_date(const Date *d, char *buf, size_t cap)
{
    if (d->present) {
        snprintf(buf, cap, "present");
        return;
    }
    long long y = d->year;
    int n = snprintf(buf, cap, "%s%s%04lld", d->approximate ? "~" : "", y < 0 ? "-" : "", y < 0 ? -y : y);
    if (n < 0 || (size_t)n >= cap) return;
    if (d->precision >= DATE_PREC_MONTH) n += snprintf(buf + n, cap - (size_t)n, "-%02d", d->month);
    if (d->precision >= DATE_PREC_DAY) n += snprintf(buf + n, cap - (size_t)n, "-%02d", d->day);
    if (d->precision >= DATE_PREC_MINUTE) snprintf(buf + n, cap - (size_t)n, "T%02d:%02d", d->hour, d->minute);
}

/* The coarsest date that starts exactly at t_days (a tour's or home's view
 * holds days, not the dates written): "1945" for 1945-01-01. */
static Date date_starting_at(double t_days)
{
    double day = floor(t_days);
    Date d = date_from_days(day);
    if (t_days > day) {
        int minutes = (int)lround((t_days - day) * 1440.0);
        d.hour = (uint8_t)(minutes / 60 % 24);
        d.minute = (uint8_t)(minutes % 60);
        d.precision = DATE_PREC_MINUTE;
    } else if (d.month == 1 && d.day == 1) {
        d.precision = DATE_PREC_YEAR;
    } else if (d.day == 1) {
        d.precision = DATE_PREC_MONTH;
    }
    return d;
}

/* The coarsest date whose period ends exactly at t_days: "1980" for
 * 1981-01-01, as an end includes its whole period. */
static Date date_ending_at(double t_days)
{
    double day = floor(t_days);
    if (t_days > day) {
        Date d = date_starting_at(t_days - 1.0 / 1440.0);
        d.precision = DATE_PREC_MINUTE;
        return d;
    }
    Date next = date_from_days(day);
    Date d = date_from_days(day - 1);
    if (next.month == 1 && next.day == 1) d.precision = DATE_PREC_YEAR;
    else if (next.day == 1) d.precision = DATE_PREC_MONTH;
    return d;
}

/* A "present" end as TimelineJS must hold it: the last day of the period
 * it meant when the timeline was read. */
static Date fixed_end(Writer *W, const Event *ev)
{
    if (!ev->end.present) return ev->end;
    lose(W, WRITE_LOSS_PRESENT, 1);
    Date d = date_from_days(ev->end_days - 1);
    d.approximate = ev->end.approximate;
    return d;
}

/* ---- ids ---------------------------------------------------------------------------- */

/* Letters and digits of name kept, anything else one '-' ("Soviet Union" ->
 * "Soviet-Union"), at most 100 bytes; fallback when nothing is left. */
static void id_from(const char *name, const char *fallback, char *out, size_t cap)
{
    size_t o = 0;
    bool dash = false;
    for (const char *p = name ? name : ""; *p && o + 2 < cap && o < 100; p++) {
        char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.') {
            if (dash && o > 0) out[o++] = '-';
            out[o++] = c;
            dash = false;
        } else {
            dash = true;
        }
    }
    out[o] = '\0';
    if (o == 0) snprintf(out, cap, "%s", fallback);
}

/* The ids to write for n items whose own ids are ids[i] (stride bytes
 * apart in an array of structs): each item's own id when the target takes
 * it and no earlier item has it, else one made from it and made unique.
 * Every rewrite is counted. NULL when memory runs out. */
static const char **write_ids(Writer *W, const void *items, int n, size_t stride, size_t id_offset, const char *fallback)
{
    if (n == 0) return NULL;
    const char **out = arena_alloc(&W->scratch, (size_t)n * sizeof *out);
    IdSet taken;
    if (!out || !idset_init(&taken, (size_t)n)) {
        W->failed = true;
        return NULL;
    }
    const char *base = items;
    /* Own ids first, so a rewrite never takes an id a later item holds. */
    for (int i = 0; i < n; i++) {
        const char *id = *(const char *const *)(base + (size_t)i * stride + id_offset);
        out[i] = timeline_id_valid(id) && idset_insert(&taken, id) ? id : NULL;
    }
    for (int i = 0; i < n && !W->failed; i++) {
        if (out[i]) continue;
        const char *id = *(const char *const *)(base + (size_t)i * stride + id_offset);
        char made[128], candidate[160];
        id_from(id, fallback, made, sizeof made);
        snprintf(candidate, sizeof candidate, "%s", made);
        for (int k = 2; idset_contains(&taken, candidate); k++) snprintf(candidate, sizeof candidate, "%s-%d", made, k);
        out[i] = arena_strdup(&W->scratch, candidate);
        if (!out[i] || !idset_insert(&taken, out[i])) W->failed = true;
        lose(W, WRITE_LOSS_IDS_CHANGED, 1);
    }
    idset_free(&taken);
    return out;
}

/* The ids a target writes: frise/1 writes every kind, the plain CSV those
 * of events, categories and eras; TimelineJS writes only event ids, as
 * free text (unique_id), and its spreadsheet none. */
static void make_ids(Writer *W)
{
    const Timeline *tl = W->tl;
    bool frise = W->format == WRITE_FRISE_JSON, plain = W->format == WRITE_CSV;
    if (!frise && !plain) return;
    W->event_ids = write_ids(W, tl->events, tl->event_count, sizeof *tl->events, offsetof(Event, id), "event");
    W->category_ids = write_ids(W, tl->categories, tl->category_count, sizeof *tl->categories, offsetof(Category, id),
                                "category");
    W->era_ids = write_ids(W, tl->eras, tl->era_count, sizeof *tl->eras, offsetof(Era, id), "era");
    if (!frise) return;
    W->lane_ids = write_ids(W, tl->lanes, tl->lane_count, sizeof *tl->lanes, offsetof(Lane, id), "lane");
    W->tour_ids = write_ids(W, tl->tours, tl->tour_count, sizeof *tl->tours, offsetof(Tour, id), "tour");
}

static bool writer_begin(Writer *W, const Timeline *tl, FILE *out, WriteFormat format, const WriteOptions *opt,
                         WriteLosses *losses, WriteLosses *spare)
{
    memset(W, 0, sizeof *W);
    W->tl = tl;
    W->f = out;
    W->format = format;
    if (opt) W->opt = *opt;
    if (!W->opt.csv_delimiter) W->opt.csv_delimiter = ',';
    memset(spare, 0, sizeof *spare);
    W->losses = losses ? losses : spare;
    make_ids(W);
    return !W->failed;
}

static bool writer_end(Writer *W)
{
    /* Flushed here, so that a full disk is seen now and not at fclose. */
    bool ok = !W->failed && !W->html.failed && fflush(W->f) == 0 && !ferror(W->f);
    arena_free(&W->scratch);
    free(W->html.data);
    return ok;
}

/* ---- what a text, an image path, a category say ------------------------------------------- */

/* The text in the first language (or the one there is). */
static const char *first_text(const Writer *W, const Text *t)
{
    return timeline_text(W->tl, t, 0);
}

/* The bold, italic and link runs of first_text (a plain RichText for most). */
static RichText first_rich(const Writer *W, const Text *t)
{
    return timeline_rich(W->tl, t, 0);
}

/* Counts the translations a one-language target leaves out. */
static void lose_translations(Writer *W, const Text *t)
{
    int n = 0;
    for (int l = 1; l < W->tl->lang_count; l++) n += text_in(t, l) != NULL;
    if (n && text_in(t, 0)) lose(W, WRITE_LOSS_TRANSLATIONS, n);
    else if (n > 1) lose(W, WRITE_LOSS_TRANSLATIONS, n - 1); /* one of them stands in for the first */
}

/* An image path as a timeline file holds it: relative to the input's
 * folder when it lies inside it. */
static const char *image_path(Writer *W, const char *path)
{
    const char *base = W->opt.image_base_dir;
    size_t n = base ? strlen(base) : 0;
    if (n > 0 && strncmp(path, base, n) == 0 && path[n] == '/') return path + n + 1;
    if (path[0] == '/' || strstr(path, "..")) lose(W, WRITE_LOSS_IMAGE_PATHS, 1);
    return path;
}

static const char *category_name(const Writer *W, int category)
{
    const Category *c = &W->tl->categories[category];
    const char *label = first_text(W, &c->label);
    return label[0] ? label : c->id;
}

static void colour_hex(Colour c, char *buf, size_t cap)
{
    snprintf(buf, cap, "#%02X%02X%02X", c.r, c.g, c.b);
}


/* What a target without lanes, era colours, category styles, tours or a
 * home view leaves out. */
static void lose_structure(Writer *W, bool keeps_era_colours)
{
    const Timeline *tl = W->tl;
    if (tl->lane_count > 1) lose(W, WRITE_LOSS_LANES, tl->lane_count);
    for (int i = 0; i < tl->era_count; i++) {
        if (!keeps_era_colours && !colour_same(tl->eras[i].colour, colour_default_era())) lose(W, WRITE_LOSS_ERA_COLOURS, 1);
        if (tl->eras[i].start.approximate || tl->eras[i].end.approximate) lose(W, WRITE_LOSS_APPROXIMATE, 1);
        lose_translations(W, &tl->eras[i].label);
    }
    for (int i = 0; i < tl->category_count; i++) {
        const Category *c = &tl->categories[i];
        if (!colour_same(c->colour, colour_default_category(i)) || c->shape != (Shape)(i % SHAPE_COUNT))
            lose(W, WRITE_LOSS_CATEGORY_STYLE, 1);
        lose_translations(W, &c->label);
    }
    if (tl->tour_count) lose(W, WRITE_LOSS_TOURS, tl->tour_count);
    if (tl->has_home) lose(W, WRITE_LOSS_HOME, 1);
}

/* ---- frise/1 JSON ---------------------------------------------------------------------------- */

static void j_newline(Writer *W)
{
    fputc('\n', W->f);
    for (int i = 0; i < W->depth; i++) fputs("  ", W->f);
}

/* Starts an object's member on a line of its own. */
static void j_key(Writer *W, const char *key)
{
    if (!W->first) fputc(',', W->f);
    j_newline(W);
    json_string(W->f, key);
    fputs(": ", W->f);
    W->first = false;
}

/* Starts an array's item on a line of its own. */
static void j_item(Writer *W)
{
    if (!W->first) fputc(',', W->f);
    j_newline(W);
    W->first = false;
}

static void j_open(Writer *W, char c)
{
    fputc(c, W->f);
    W->depth++;
    W->first = true;
}

static void j_close(Writer *W, char c)
{
    W->depth--;
    if (!W->first) j_newline(W);
    fputc(c, W->f);
    W->first = false;
}

static void j_key_string(Writer *W, const char *key, const char *value)
{
    if (!value) return;
    j_key(W, key);
    json_string(W->f, value);
}

/* A Text: a plain string for a one-language timeline, else one string per
 * language, on one line. */
static void json_text(Writer *W, const Text *t)
{
    const Timeline *tl = W->tl;
    if (tl->lang_count <= 1 || timeline_text_empty(t)) {
        json_string(W->f, first_text(W, t));
        return;
    }
    fputc('{', W->f);
    bool first = true;
    for (int l = 0; l < tl->lang_count; l++) {
        if (!text_in(t, l)) continue;
        fputs(first ? "" : ", ", W->f);
        json_string(W->f, tl->langs[l]);
        fputs(": ", W->f);
        json_string(W->f, text_in(t, l));
        first = false;
    }
    fputc('}', W->f);
}

static void j_key_text(Writer *W, const char *key, const Text *t, bool required)
{
    if (!required && timeline_text_empty(t)) return;
    j_key(W, key);
    json_text(W, t);
}

static void j_key_date(Writer *W, const char *key, const Date *d)
{
    char buf[48];
    iso_date(d, buf, sizeof buf);
    j_key_string(W, key, buf);
}

/* {"from": ..., "to": ...} of a view in days, "present" for a view ending today. */
static void j_key_range(Writer *W, const char *key, double from_days, double to_days)
{
    char from[48], to[48];
    Date a = date_starting_at(from_days), b = date_ending_at(to_days);
    iso_date(&a, from, sizeof from);
    if (W->opt.today_days != 0 && to_days == W->opt.today_days) snprintf(to, sizeof to, "present");
    else iso_date(&b, to, sizeof to);
    j_key(W, key);
    fputs("{\"from\": ", W->f);
    json_string(W->f, from);
    fputs(", \"to\": ", W->f);
    json_string(W->f, to);
    fputc('}', W->f);
}

static void frise_head(Writer *W)
{
    const Timeline *tl = W->tl;
    j_key_string(W, "format", "frise/1");
    j_key_text(W, "title", &tl->title, true);
    j_key_text(W, "description", &tl->description, false);
    j_key(W, "languages");
    fputc('[', W->f);
    for (int l = 0; l < tl->lang_count; l++) {
        fputs(l ? ", " : "", W->f);
        json_string(W->f, tl->langs[l]);
    }
    fputc(']', W->f);
    if (tl->has_home) j_key_range(W, "home", tl->home_from_days, tl->home_to_days);
}

static void frise_categories_lanes_eras(Writer *W)
{
    const Timeline *tl = W->tl;
    if (tl->category_count) {
        j_key(W, "categories");
        j_open(W, '[');
        for (int i = 0; i < tl->category_count; i++) {
            const Category *c = &tl->categories[i];
            char colour[16];
            colour_hex(c->colour, colour, sizeof colour);
            j_item(W);
            fputs("{\"id\": ", W->f);
            json_string(W->f, W->category_ids[i]);
            fputs(", \"label\": ", W->f);
            json_text(W, &c->label);
            fprintf(W->f, ", \"colour\": \"%s\", \"shape\": \"%s\"}", colour, shape_name(c->shape));
        }
        j_close(W, ']');
    }
    if (tl->lane_count) {
        j_key(W, "lanes");
        j_open(W, '[');
        for (int i = 0; i < tl->lane_count; i++) {
            j_item(W);
            fputs("{\"id\": ", W->f);
            json_string(W->f, W->lane_ids[i]);
            fputs(", \"label\": ", W->f);
            json_text(W, &tl->lanes[i].label);
            fputc('}', W->f);
        }
        j_close(W, ']');
    }
    if (!tl->era_count) return;
    j_key(W, "eras");
    j_open(W, '[');
    for (int i = 0; i < tl->era_count; i++) {
        const Era *e = &tl->eras[i];
        char start[48], end[48], colour[16];
        iso_date(&e->start, start, sizeof start);
        iso_date(&e->end, end, sizeof end);
        colour_hex(e->colour, colour, sizeof colour);
        j_item(W);
        fputs("{\"id\": ", W->f);
        json_string(W->f, W->era_ids[i]);
        fputs(", \"lane\": ", W->f);
        json_string(W->f, e->lane >= 0 && e->lane < tl->lane_count ? W->lane_ids[e->lane] : "");
        fprintf(W->f, ", \"start\": \"%s\", \"end\": \"%s\", \"label\": ", start, end);
        json_text(W, &e->label);
        fprintf(W->f, ", \"colour\": \"%s\"}", colour);
    }
    j_close(W, ']');
}

static void frise_sources(Writer *W, const Event *ev)
{
    if (!ev->source_count) return;
    j_key(W, "sources");
    j_open(W, '[');
    for (int i = 0; i < ev->source_count; i++) {
        const Source *s = &ev->sources[i];
        const char *fields[] = {"author", s->author, "url", s->url, "publication", s->publication,
                                "date", s->date, "pages", s->pages};
        j_item(W);
        fputs("{\"title\": ", W->f);
        json_text(W, &s->title);
        for (int k = 0; k < 10; k += 2) {
            if (!fields[k + 1]) continue;
            fprintf(W->f, ", \"%s\": ", fields[k]);
            json_string(W->f, fields[k + 1]);
        }
        fputc('}', W->f);
    }
    j_close(W, ']');
}

static void frise_image(Writer *W, const Event *ev)
{
    if (!ev->image.path) return;
    j_key(W, "image");
    fputs("{\"path\": ", W->f);
    json_string(W->f, image_path(W, ev->image.path));
    if (!timeline_text_empty(&ev->image.credit)) {
        fputs(", \"credit\": ", W->f);
        json_text(W, &ev->image.credit);
    }
    if (!timeline_text_empty(&ev->image.alt)) {
        fputs(", \"alt\": ", W->f);
        json_text(W, &ev->image.alt);
    }
    fputc('}', W->f);
}

static void frise_event(Writer *W, int index)
{
    static const char *const certainty[] = {"confirmed", "disputed", "unverified"};
    const Event *ev = &W->tl->events[index];
    j_item(W);
    j_open(W, '{');
    j_key_string(W, "id", W->event_ids[index]);
    j_key_date(W, "start", &ev->start);
    if (ev->has_end) j_key_date(W, "end", &ev->end);
    j_key_text(W, "title", &ev->title, true);
    j_key_text(W, "summary", &ev->summary, false);
    j_key_text(W, "body", &ev->body, false);
    j_key_text(W, "note", &ev->note, false);
    j_key_text(W, "notes", &ev->notes, false);
    j_key_text(W, "display_date", &ev->display_date, false);
    if (ev->category >= 0 && ev->category < W->tl->category_count)
        j_key_string(W, "category", W->category_ids[ev->category]);
    if (ev->tag_count) {
        j_key(W, "tags");
        fputc('[', W->f);
        for (int i = 0; i < ev->tag_count; i++) {
            fputs(i ? ", " : "", W->f);
            json_string(W->f, ev->tags[i]);
        }
        fputc(']', W->f);
    }
    frise_sources(W, ev);
    frise_image(W, ev);
    if (ev->certainty != CERTAINTY_CONFIRMED) j_key_string(W, "certainty", certainty[ev->certainty % 3]);
    if (ev->importance) {
        j_key(W, "importance");
        fprintf(W->f, "%d", ev->importance);
    }
    j_close(W, '}');
}

static void frise_tours(Writer *W)
{
    const Timeline *tl = W->tl;
    if (!tl->tour_count) return;
    j_key(W, "tours");
    j_open(W, '[');
    for (int t = 0; t < tl->tour_count; t++) {
        const Tour *tour = &tl->tours[t];
        j_item(W);
        j_open(W, '{');
        j_key_string(W, "id", W->tour_ids[t]);
        j_key_text(W, "title", &tour->title, true);
        j_key(W, "steps");
        j_open(W, '[');
        for (int i = 0; i < tour->step_count; i++) {
            const TourStep *step = &tour->steps[i];
            j_item(W);
            j_open(W, '{');
            if (step->event >= 0 && step->event < tl->event_count) j_key_string(W, "event", W->event_ids[step->event]);
            else j_key_range(W, "view", step->from_days, step->to_days);
            j_key_text(W, "caption", &step->caption, false);
            j_key_text(W, "notes", &step->notes, false);
            if (step->duration_s != 8.0) {
                j_key(W, "duration");
                fprintf(W->f, "%.15g", step->duration_s);
            }
            j_close(W, '}');
        }
        j_close(W, ']');
        j_close(W, '}');
    }
    j_close(W, ']');
}

bool write_frise_json(const Timeline *tl, FILE *out, const WriteOptions *opt, WriteLosses *losses)
{
    Writer W;
    WriteLosses spare;
    if (writer_begin(&W, tl, out, WRITE_FRISE_JSON, opt, losses, &spare)) {
        j_open(&W, '{');
        frise_head(&W);
        frise_categories_lanes_eras(&W);
        j_key(&W, "events");
        j_open(&W, '[');
        for (int i = 0; i < tl->event_count; i++) frise_event(&W, i);
        j_close(&W, ']');
        frise_tours(&W);
        j_close(&W, '}');
        fputc('\n', out);
    }
    return writer_end(&W);
}

/* ---- TimelineJS's one text per event ------------------------------------------------------- */

static bool french(const Writer *W)
{
    return W->tl->langs[0][0] == 'f' && W->tl->langs[0][1] == 'r';
}

/* Sources as one paragraph of links: "Sources: <a href>Title</a>,
 * Publication, date, pages; ...". */
static void html_sources(Writer *W, const Event *ev, Buf *b)
{
    buf_puts(b, french(W) ? "<p>Sources : " : "<p>Sources: ");
    for (int i = 0; i < ev->source_count; i++) {
        const Source *s = &ev->sources[i];
        const char *title = first_text(W, &s->title);
        if (i) buf_puts(b, "; ");
        if (s->url) {
            buf_puts(b, "<a href=\"");
            html_escape(b, s->url, strlen(s->url));
            buf_puts(b, "\">");
        }
        html_escape(b, title[0] ? title : s->url ? s->url : "", strlen(title[0] ? title : s->url ? s->url : ""));
        if (s->url) buf_puts(b, "</a>");
        const char *details[] = {s->author, s->publication, s->date, s->pages};
        for (int k = 0; k < 4; k++) {
            if (!details[k]) continue;
            buf_puts(b, ", ");
            html_escape(b, details[k], strlen(details[k]));
        }
        lose_translations(W, &s->title);
    }
    buf_puts(b, "</p>");
}

/* Whether the summary is the body's first paragraph, as the TimelineJS and
 * CSV readers make it: then the body holds it already, and writing both
 * would repeat it (a file converted back and forth would grow). */
static bool summary_opens_body(const Writer *W, const Event *ev)
{
    const char *summary = first_text(W, &ev->summary), *body = first_text(W, &ev->body);
    size_t n = strlen(summary);
    return n > 0 && strncmp(body, summary, n) == 0 && (body[n] == '\0' || body[n] == '\n');
}

/* The event's one TimelineJS text, as HTML: the summary, the body, the
 * note and the sources, each moved there counted. */
static const char *tljs_text(Writer *W, const Event *ev)
{
    Buf *b = &W->html;
    buf_clear(b);
    const Text *texts[] = {&ev->summary, &ev->body};
    bool repeated = summary_opens_body(W, ev);
    for (int i = repeated ? 1 : 0; i < 2; i++) {
        if (timeline_text_empty(texts[i])) continue;
        html_paragraphs(b, first_text(W, texts[i]), first_rich(W, texts[i]), NULL);
        lose_translations(W, texts[i]);
    }
    if (!timeline_text_empty(&ev->summary) && !repeated) lose(W, WRITE_LOSS_SUMMARIES, 1);
    if (!timeline_text_empty(&ev->note)) {
        html_paragraphs(b, first_text(W, &ev->note), first_rich(W, &ev->note),
                        french(W) ? "<em>Note :</em> " : "<em>Note:</em> ");
        lose_translations(W, &ev->note);
        lose(W, WRITE_LOSS_NOTES, 1);
    }
    if (ev->source_count) {
        html_sources(W, ev, b);
        lose(W, WRITE_LOSS_SOURCES, 1);
    }
    return b->data ? b->data : "";
}

/* A headline as TimelineJS holds it: HTML, so '&' and '<' escaped. */
static const char *tljs_headline(Writer *W, const Text *t)
{
    Buf *b = &W->html;
    buf_clear(b);
    const char *s = first_text(W, t);
    html_styled(b, s, 0, strlen(s), first_rich(W, t));
    lose_translations(W, t);
    return b->data ? b->data : "";
}

/* An era's label as a TimelineJS headline (its translations are counted
 * with the rest of the structure, lose_structure). */
static const char *era_headline(Writer *W, const Era *e)
{
    Buf *b = &W->html;
    buf_clear(b);
    const char *label = first_text(W, &e->label);
    html_escape(b, label, strlen(label));
    return b->data ? b->data : "";
}

/* What TimelineJS has no room for, counted per event. */
static void tljs_event_losses(Writer *W, const Event *ev)
{
    if (ev->tag_count) lose(W, WRITE_LOSS_TAGS, 1);
    if (ev->certainty != CERTAINTY_CONFIRMED) lose(W, WRITE_LOSS_CERTAINTY, 1);
    if (ev->importance) lose(W, WRITE_LOSS_IMPORTANCE, 1);
    if (!timeline_text_empty(&ev->notes)) lose(W, WRITE_LOSS_PRESENTER_NOTES, 1);
    if (ev->image.path) {
        lose_translations(W, &ev->image.credit);
        lose_translations(W, &ev->image.alt);
    }
}

/* TimelineJS's display date: the event's own words in the first language,
 * else "c. 1960" for an approximate date, else "". True when it says the
 * date is approximate (the approximation is then only in words). */
static bool display_date(Writer *W, const Event *ev, const Date *end, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s", timeline_text(W->tl, &ev->display_date, 0));
    if (buf[0]) {
        lose_translations(W, &ev->display_date);
        return false;
    }
    if (!ev->start.approximate && !(ev->has_end && ev->end.approximate)) return false;
    date_format_span(&ev->start, ev->has_end ? end : NULL, W->tl->langs[0], buf, cap);
    return true;
}

/* ---- TimelineJS JSON ------------------------------------------------------------------------------ */

static void tljs_date(Writer *W, const char *key, const Date *d)
{
    j_key(W, key);
    fprintf(W->f, "{\"year\": %lld", (long long)d->year);
    if (d->precision >= DATE_PREC_MONTH) fprintf(W->f, ", \"month\": %d", d->month);
    if (d->precision >= DATE_PREC_DAY) fprintf(W->f, ", \"day\": %d", d->day);
    if (d->precision >= DATE_PREC_MINUTE) fprintf(W->f, ", \"hour\": %d, \"minute\": %d", d->hour, d->minute);
    fputc('}', W->f);
}

static void tljs_slide_text(Writer *W, const char *headline, const char *text)
{
    j_key(W, "text");
    fputs("{\"headline\": ", W->f);
    json_string(W->f, headline);
    if (text && text[0]) {
        fputs(", \"text\": ", W->f);
        json_string(W->f, text);
    }
    fputc('}', W->f);
}

static void tljs_json_event(Writer *W, const Event *ev)
{
    j_item(W);
    j_open(W, '{');
    j_key_string(W, "unique_id", ev->id);
    Date end = ev->has_end ? fixed_end(W, ev) : ev->end;
    tljs_date(W, "start_date", &ev->start);
    if (ev->has_end) tljs_date(W, "end_date", &end);
    char shown[512];
    display_date(W, ev, &end, shown, sizeof shown);
    if (shown[0]) j_key_string(W, "display_date", shown);
    if (shown[0] && (ev->start.approximate || (ev->has_end && ev->end.approximate)))
        lose(W, WRITE_LOSS_APPROXIMATE, 1); /* read back, the words say it, the date no longer */
    /* The headline's buffer is the text's too: write one before making the other. */
    j_key(W, "text");
    fputs("{\"headline\": ", W->f);
    json_string(W->f, tljs_headline(W, &ev->title));
    const char *text = tljs_text(W, ev);
    if (text[0]) {
        fputs(", \"text\": ", W->f);
        json_string(W->f, text);
    }
    fputc('}', W->f);
    if (ev->category >= 0 && ev->category < W->tl->category_count) j_key_string(W, "group", category_name(W, ev->category));
    if (ev->image.path) {
        j_key(W, "media");
        fputs("{\"url\": ", W->f);
        json_string(W->f, image_path(W, ev->image.path));
        fputs(", \"caption\": ", W->f);
        json_string(W->f, first_text(W, &ev->image.alt));
        fputs(", \"credit\": ", W->f);
        json_string(W->f, first_text(W, &ev->image.credit));
        fputc('}', W->f);
    }
    tljs_event_losses(W, ev);
    j_close(W, '}');
}

bool write_timelinejs_json(const Timeline *tl, FILE *out, const WriteOptions *opt, WriteLosses *losses)
{
    Writer W;
    WriteLosses spare;
    if (writer_begin(&W, tl, out, WRITE_TIMELINEJS_JSON, opt, losses, &spare)) {
        j_open(&W, '{');
        j_key(&W, "title");
        j_open(&W, '{');
        char *headline = NULL;
        const char *h = tljs_headline(&W, &tl->title);
        if (h[0] && !(headline = copy_string(h))) W.failed = true;
        const char *text = "";
        if (!timeline_text_empty(&tl->description)) {
            buf_clear(&W.html);
            html_paragraphs(&W.html, first_text(&W, &tl->description), first_rich(&W, &tl->description), NULL);
            lose_translations(&W, &tl->description);
            text = W.html.data ? W.html.data : "";
        }
        tljs_slide_text(&W, headline ? headline : "", text);
        free(headline);
        j_close(&W, '}');
        j_key(&W, "events");
        j_open(&W, '[');
        for (int i = 0; i < tl->event_count; i++) tljs_json_event(&W, &tl->events[i]);
        j_close(&W, ']');
        if (tl->era_count) {
            j_key(&W, "eras");
            j_open(&W, '[');
            for (int i = 0; i < tl->era_count; i++) {
                const Era *e = &tl->eras[i];
                j_item(&W);
                j_open(&W, '{');
                tljs_date(&W, "start_date", &e->start);
                Date end = e->end;
                if (end.present) {
                    end = date_from_days(e->end_days - 1);
                    lose(&W, WRITE_LOSS_PRESENT, 1);
                }
                tljs_date(&W, "end_date", &end);
                tljs_slide_text(&W, era_headline(&W, e), NULL);
                if (!colour_same(e->colour, colour_default_era())) { /* read back as the era's colour */
                    char colour[16];
                    colour_hex(e->colour, colour, sizeof colour);
                    j_key(&W, "background");
                    j_open(&W, '{');
                    j_key_string(&W, "color", colour);
                    j_close(&W, '}');
                }
                j_close(&W, '}');
            }
            j_close(&W, ']');
        }
        j_close(&W, '}');
        fputc('\n', out);
        lose_structure(&W, true);
    }
    return writer_end(&W);
}

/* ---- CSV -------------------------------------------------------------------------------------------- */

static void csv_bom(Writer *W)
{
    if (!W->opt.csv_no_bom) fputs("\xEF\xBB\xBF", W->f);
}

static void csv_number(Writer *W, long long v, bool present)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", v);
    csv_cell(W, present ? buf : NULL, false);
}

/* Year, Month, Day, Time of a TimelineJS row (the first cell when first). */
static void csv_tljs_date(Writer *W, const Date *d, bool has, bool first)
{
    char year[24];
    snprintf(year, sizeof year, "%lld", (long long)d->year);
    csv_cell(W, has ? year : NULL, first);
    csv_number(W, d->month, has && d->precision >= DATE_PREC_MONTH);
    csv_number(W, d->day, has && d->precision >= DATE_PREC_DAY);
    char time[16];
    snprintf(time, sizeof time, "%02d:%02d", d->hour, d->minute);
    csv_cell(W, has && d->precision >= DATE_PREC_MINUTE ? time : NULL, false);
}

static const char *const TLJS_HEADER[] = {"Year", "Month", "Day", "Time", "End Year", "End Month", "End Day",
                                          "End Time", "Display Date", "Headline", "Text", "Media", "Media Credit",
                                          "Media Caption", "Media Thumbnail", "Type", "Group", "Background"};

/* From Display Date to Background, after the dates. */
static void csv_tljs_rest(Writer *W, const char *display, const char *headline, const char *text, const char *media,
                          const char *credit, const char *caption, const char *type, const char *group,
                          const char *background)
{
    const char *cells[] = {display, headline, text, media, credit, caption, NULL, type, group, background};
    for (int i = 0; i < 10; i++) csv_cell(W, cells[i], false);
    csv_end_row(W);
}

static void csv_tljs_event(Writer *W, const Event *ev)
{
    Date end = ev->has_end ? fixed_end(W, ev) : ev->end;
    csv_tljs_date(W, &ev->start, true, true);
    csv_tljs_date(W, &end, ev->has_end, false);
    char shown[512];
    display_date(W, ev, &end, shown, sizeof shown);
    char *headline = copy_string(tljs_headline(W, &ev->title));
    if (!headline) W->failed = true;
    const char *text = tljs_text(W, ev);
    bool image = ev->image.path != NULL;
    csv_tljs_rest(W, shown, headline, text, image ? image_path(W, ev->image.path) : NULL,
                  image ? first_text(W, &ev->image.credit) : NULL, image ? first_text(W, &ev->image.alt) : NULL, NULL,
                  ev->category >= 0 && ev->category < W->tl->category_count ? category_name(W, ev->category) : NULL,
                  NULL);
    free(headline);
    tljs_event_losses(W, ev);
}

static void write_csv_timelinejs(Writer *W)
{
    const Timeline *tl = W->tl;
    csv_bom(W);
    for (int i = 0; i < 18; i++) csv_cell(W, TLJS_HEADER[i], i == 0);
    csv_end_row(W);
    /* The title row. */
    char *headline = copy_string(tljs_headline(W, &tl->title));
    if (!headline) W->failed = true;
    buf_clear(&W->html);
    if (!timeline_text_empty(&tl->description))
        html_paragraphs(&W->html, first_text(W, &tl->description), first_rich(W, &tl->description), NULL);
    lose_translations(W, &tl->description);
    for (int i = 0; i < 8; i++) csv_cell(W, NULL, i == 0);
    csv_tljs_rest(W, NULL, headline, W->html.data, NULL, NULL, NULL, "title", NULL, NULL);
    free(headline);
    for (int i = 0; i < tl->era_count; i++) {
        const Era *e = &tl->eras[i];
        Date end = e->end;
        if (end.present) {
            end = date_from_days(e->end_days - 1);
            lose(W, WRITE_LOSS_PRESENT, 1);
        }
        char colour[16];
        colour_hex(e->colour, colour, sizeof colour);
        csv_tljs_date(W, &e->start, true, true);
        csv_tljs_date(W, &end, true, false);
        csv_tljs_rest(W, NULL, era_headline(W, e), NULL, NULL, NULL, NULL, "era", NULL,
                      colour_same(e->colour, colour_default_era()) ? NULL : colour);
    }
    for (int i = 0; i < tl->event_count; i++) csv_tljs_event(W, &tl->events[i]);
    if (tl->event_count) lose(W, WRITE_LOSS_IDS, tl->event_count);
    lose_structure(W, true);
}

/* ---- CSV, Frise's plain columns ------------------------------------------------------------------- */

/* Which columns the plain layout needs: only those some row fills. */
typedef struct PlainColumns {
    bool end, category, tags, certainty, importance, sources, image, lane, colour, shape;
    bool summary[TIMELINE_MAX_LANGS], body[TIMELINE_MAX_LANGS], note[TIMELINE_MAX_LANGS];
    bool display_date[TIMELINE_MAX_LANGS], credit[TIMELINE_MAX_LANGS], alt[TIMELINE_MAX_LANGS];
} PlainColumns;

static void mark_langs(const Text *t, bool *used)
{
    for (int l = 0; l < TIMELINE_MAX_LANGS; l++) used[l] |= text_in(t, l) != NULL;
}

static void plain_columns(const Timeline *tl, PlainColumns *c)
{
    memset(c, 0, sizeof *c);
    mark_langs(&tl->description, c->summary);
    for (int i = 0; i < tl->event_count; i++) {
        const Event *ev = &tl->events[i];
        c->end |= ev->has_end;
        c->category |= ev->category >= 0;
        c->tags |= ev->tag_count > 0;
        c->certainty |= ev->certainty != CERTAINTY_CONFIRMED;
        c->importance |= ev->importance != 0;
        c->sources |= ev->source_count > 0;
        c->image |= ev->image.path != NULL;
        mark_langs(&ev->summary, c->summary);
        mark_langs(&ev->body, c->body);
        mark_langs(&ev->note, c->note);
        mark_langs(&ev->display_date, c->display_date);
        if (ev->image.path) {
            mark_langs(&ev->image.credit, c->credit);
            mark_langs(&ev->image.alt, c->alt);
        }
    }
    c->end |= tl->era_count > 0;
    c->lane = tl->era_count > 0;
    c->colour = tl->era_count > 0 || tl->category_count > 0;
    c->shape = tl->category_count > 0;
}

/* The cells of one plain row, in the header's order; a row passes what it has. */
typedef struct PlainRow {
    const char *type, *id, *start, *end;
    const Text *title, *summary, *body, *note, *display_date, *credit, *alt;
    const char *category, *tags, *certainty, *importance, *source, *source_url, *image, *lane, *colour, *shape;
} PlainRow;

static void plain_texts(Writer *W, const Text *t, const bool *used, bool all)
{
    for (int l = 0; l < W->tl->lang_count; l++)
        if (all || used[l]) csv_cell(W, t ? text_in(t, l) : NULL, false);
}

static void plain_header_texts(Writer *W, const char *name, const bool *used, bool all)
{
    for (int l = 0; l < W->tl->lang_count; l++) {
        if (!all && !used[l]) continue;
        char col[48];
        snprintf(col, sizeof col, "%s.%s", name, W->tl->langs[l]);
        csv_cell(W, col, false);
    }
}

static void plain_row(Writer *W, const PlainColumns *c, const PlainRow *r)
{
    csv_cell(W, r->type, true);
    csv_cell(W, r->id, false);
    csv_cell(W, r->start, false);
    if (c->end) csv_cell(W, r->end, false);
    plain_texts(W, r->title, NULL, true);
    plain_texts(W, r->summary, c->summary, false);
    plain_texts(W, r->body, c->body, false);
    plain_texts(W, r->note, c->note, false);
    plain_texts(W, r->display_date, c->display_date, false);
    const bool opt_cols[] = {c->category, c->tags, c->certainty, c->importance, c->sources, c->sources};
    const char *opt_vals[] = {r->category, r->tags, r->certainty, r->importance, r->source, r->source_url};
    for (int i = 0; i < 6; i++)
        if (opt_cols[i]) csv_cell(W, opt_vals[i], false);
    if (c->image) {
        csv_cell(W, r->image, false);
        plain_texts(W, r->credit, c->credit, false);
        plain_texts(W, r->alt, c->alt, false);
    }
    if (c->lane) csv_cell(W, r->lane, false);
    if (c->colour) csv_cell(W, r->colour, false);
    if (c->shape) csv_cell(W, r->shape, false);
    csv_end_row(W);
}

static void plain_header(Writer *W, const PlainColumns *c)
{
    csv_cell(W, "type", true);
    csv_cell(W, "id", false);
    csv_cell(W, "start", false);
    if (c->end) csv_cell(W, "end", false);
    plain_header_texts(W, "title", NULL, true);
    plain_header_texts(W, "summary", c->summary, false);
    plain_header_texts(W, "body", c->body, false);
    plain_header_texts(W, "note", c->note, false);
    plain_header_texts(W, "display_date", c->display_date, false);
    const bool opt_cols[] = {c->category, c->tags, c->certainty, c->importance, c->sources, c->sources};
    const char *names[] = {"category", "tags", "certainty", "importance", "source", "source_url"};
    for (int i = 0; i < 6; i++)
        if (opt_cols[i]) csv_cell(W, names[i], false);
    if (c->image) {
        csv_cell(W, "image", false);
        plain_header_texts(W, "image_credit", c->credit, false);
        plain_header_texts(W, "image_alt", c->alt, false);
    }
    if (c->lane) csv_cell(W, "lane", false);
    if (c->colour) csv_cell(W, "colour", false);
    if (c->shape) csv_cell(W, "shape", false);
    csv_end_row(W);
}

/* Appends s to b with its line breaks as spaces (one line of a cell), or
 * with each of `avoid`'s characters as ','. */
static void buf_line(Buf *b, const char *s, const char *avoid)
{
    for (; *s; s++) {
        char c = *s == '\n' || *s == '\r' ? ' ' : strchr(avoid, *s) ? ',' : *s;
        buf_add(b, &c, 1);
    }
}

/* The "source" and "source_url" cells: one source per line, "-" for a
 * source without an address (so the lines keep their rank). */
static void plain_sources(Writer *W, const Event *ev, Buf *titles, Buf *urls)
{
    buf_clear(titles);
    buf_clear(urls);
    bool any_url = false;
    for (int i = 0; i < ev->source_count; i++) any_url |= ev->sources[i].url != NULL;
    for (int i = 0; i < ev->source_count; i++) {
        const Source *s = &ev->sources[i];
        const char *title = first_text(W, &s->title);
        if (i) buf_puts(titles, "\n");
        buf_line(titles, title[0] ? title : "-", "");
        if (any_url) {
            if (i) buf_puts(urls, "\n");
            buf_line(urls, s->url ? s->url : "-", "");
        }
        if (s->author || s->publication || s->date || s->pages) lose(W, WRITE_LOSS_SOURCE_DETAILS, 1);
        lose_translations(W, &s->title);
    }
}

static void plain_event(Writer *W, const PlainColumns *c, int index, Buf *tags, Buf *titles, Buf *urls)
{
    static const char *const certainty[] = {"", "disputed", "unverified"};
    const Event *ev = &W->tl->events[index];
    char start[48], end[48], importance[8];
    iso_date(&ev->start, start, sizeof start);
    iso_date(&ev->end, end, sizeof end);
    snprintf(importance, sizeof importance, "%d", ev->importance);
    buf_clear(tags);
    for (int i = 0; i < ev->tag_count; i++) {
        if (i) buf_puts(tags, ";");
        buf_line(tags, ev->tags[i], ";|");
    }
    plain_sources(W, ev, titles, urls);
    PlainRow r = {.id = W->event_ids[index], .start = start, .end = ev->has_end ? end : NULL, .title = &ev->title,
                  .summary = &ev->summary, .body = &ev->body, .note = &ev->note, .display_date = &ev->display_date,
                  .category = ev->category >= 0 && ev->category < W->tl->category_count
                                  ? W->category_ids[ev->category]
                                  : NULL,
                  .tags = tags->data, .certainty = certainty[ev->certainty % 3],
                  .importance = ev->importance ? importance : NULL, .source = titles->data, .source_url = urls->data};
    if (ev->image.path) {
        r.image = image_path(W, ev->image.path);
        r.credit = &ev->image.credit;
        r.alt = &ev->image.alt;
    }
    if (!timeline_text_empty(&ev->notes)) lose(W, WRITE_LOSS_PRESENTER_NOTES, 1);
    plain_row(W, c, &r);
}

static void write_csv_plain(Writer *W)
{
    const Timeline *tl = W->tl;
    PlainColumns c;
    plain_columns(tl, &c);
    csv_bom(W);
    plain_header(W, &c);
    plain_row(W, &c, &(PlainRow){.type = "title", .title = &tl->title, .summary = &tl->description});
    for (int i = 0; i < tl->category_count; i++) {
        const Category *cat = &tl->categories[i];
        char colour[16];
        colour_hex(cat->colour, colour, sizeof colour);
        plain_row(W, &c, &(PlainRow){.type = "category", .id = W->category_ids[i], .title = &cat->label,
                                     .colour = colour, .shape = shape_name(cat->shape)});
    }
    for (int i = 0; i < tl->era_count; i++) {
        const Era *e = &tl->eras[i];
        char start[48], end[48], colour[16];
        iso_date(&e->start, start, sizeof start);
        iso_date(&e->end, end, sizeof end);
        colour_hex(e->colour, colour, sizeof colour);
        const Lane *lane = e->lane >= 0 && e->lane < tl->lane_count ? &tl->lanes[e->lane] : NULL;
        const char *lane_name = lane ? first_text(W, &lane->label) : "";
        plain_row(W, &c, &(PlainRow){.type = "era", .id = W->era_ids[i], .start = start, .end = end, .title = &e->label,
                                     .lane = lane_name[0] ? lane_name : lane && strcmp(lane->id, "eras") ? lane->id : NULL,
                                     .colour = colour_same(e->colour, colour_default_era()) ? NULL : colour});
    }
    for (int i = 0; i < tl->lane_count; i++) lose_translations(W, &tl->lanes[i].label);
    Buf tags = {0}, titles = {0}, urls = {0};
    for (int i = 0; i < tl->event_count; i++) plain_event(W, &c, i, &tags, &titles, &urls);
    if (tags.failed || titles.failed || urls.failed) W->failed = true;
    free(tags.data);
    free(titles.data);
    free(urls.data);
    if (tl->tour_count) lose(W, WRITE_LOSS_TOURS, tl->tour_count);
    if (tl->has_home) lose(W, WRITE_LOSS_HOME, 1);
}

bool write_csv(const Timeline *tl, FILE *out, bool timelinejs_columns, const WriteOptions *opt, WriteLosses *losses)
{
    Writer W;
    WriteLosses spare;
    WriteFormat format = timelinejs_columns ? WRITE_CSV_TIMELINEJS : WRITE_CSV;
    if (writer_begin(&W, tl, out, format, opt, losses, &spare)) {
        if (timelinejs_columns) write_csv_timelinejs(&W);
        else write_csv_plain(&W);
    }
    return writer_end(&W);
}

/* ---- formats and messages ---------------------------------------------------------------------------- */

bool write_timeline(WriteFormat format, const Timeline *tl, FILE *out, const WriteOptions *opt, WriteLosses *losses)
{
    switch (format) {
    case WRITE_FRISE_JSON: return write_frise_json(tl, out, opt, losses);
    case WRITE_TIMELINEJS_JSON: return write_timelinejs_json(tl, out, opt, losses);
    case WRITE_CSV: return write_csv(tl, out, false, opt, losses);
    case WRITE_CSV_TIMELINEJS: return write_csv(tl, out, true, opt, losses);
    case WRITE_FORMAT_COUNT: break;
    }
    return false;
}

static bool ends_with_nocase(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    if (n < m) return false;
    for (size_t i = 0; i < m; i++) {
        char a = s[n - m + i], b = suffix[i];
        if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
        if (a != b) return false;
    }
    return true;
}

WriteFormat write_format_for_path(const char *path)
{
    return ends_with_nocase(path, ".csv") || ends_with_nocase(path, ".tsv") ? WRITE_CSV : WRITE_FRISE_JSON;
}

bool write_format_from_name(const char *name, WriteFormat *out)
{
    static const char *const names[WRITE_FORMAT_COUNT] = {"frise", "timelinejs", "csv", "csv-timelinejs"};
    for (int i = 0; i < WRITE_FORMAT_COUNT; i++)
        if (strcmp(name, names[i]) == 0) {
            *out = (WriteFormat)i;
            return true;
        }
    return false;
}

bool write_losses_none(const WriteLosses *losses)
{
    for (int i = 0; i < WRITE_LOSS_COUNT; i++)
        if (losses->count[i]) return false;
    return true;
}

size_t write_loss_format(WriteLoss loss, int count, WriteFormat format, char *buf, size_t cap)
{
    /* What was touched, then what happened to it; %s names the target. */
    static const char *const what[WRITE_LOSS_COUNT][2] = {
        {"texts in other languages than the first", "left out (%s holds one language)"},
        {"summaries", "joined to the event's text (%s has one text per event)"},
        {"notes", "joined to the event's text after \"Note:\" (%s has no notes)"},
        {"events with sources", "the sources written into the text as links (%s has no sources)"},
        {"sources with an author, publication, date or pages", "those left out (%s keeps a source's title and address)"},
        {"events with tags", "the tags left out (%s has no tags)"},
        {"disputed or unverified events", "shown as settled (%s has no certainty)"},
        {"events with an importance", "the importance left out (%s has none)"},
        {"approximate dates", "said only in the display date, \"c. 1960\" (%s has no approximate dates)"},
        {"\"present\" ends", "written as the day the timeline was read (%s has no \"present\")"},
        {"categories with their own colour or shape", "those left out (%s keeps the group's name)"},
        {"lanes", "merged: every era drawn in one band (%s has no lanes)"},
        {"era colours", "left out (%s has no era colours)"},
        {"tours", "left out (%s has no tours)"},
        {"home view", "left out (%s has no home view)"},
        {"presenter notes", "left out (%s has no presenter notes)"},
        {"event ids", "left out: the rows are numbered again when read back (%s has no ids)"},
        {"ids that the target does not allow", "rewritten for %s"},
        {"image paths outside the input's folder", "written as found, and %s will refuse them"}};
    static const char *const target[WRITE_FORMAT_COUNT] = {"frise/1", "TimelineJS", "the plain CSV",
                                                           "TimelineJS's spreadsheet layout"};
    if (cap == 0) return 0;
    buf[0] = '\0';
    if (loss < 0 || loss >= WRITE_LOSS_COUNT || format < 0 || format >= WRITE_FORMAT_COUNT) return 0;
    const char *subject = what[loss][0], *effect = what[loss][1];
    if (loss == WRITE_LOSS_TRANSLATIONS && format == WRITE_CSV) {
        subject = "lane names and source titles in other languages than the first";
        effect = "left out (%s keeps them in the first language)";
    }
    char message[256];
    snprintf(message, sizeof message, effect, loss == WRITE_LOSS_IMAGE_PATHS ? "Frise" : target[format]);
    int n = snprintf(buf, cap, "%s: %d, %s", subject, count, message);
    if (n < 0) return 0;
    return (size_t)n < cap ? (size_t)n : cap - 1;
}
