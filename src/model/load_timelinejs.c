/* load_timelinejs.c: TimelineJS files (events with start_date objects, an
 * optional title slide, eras, groups) read into the same Timeline, and the
 * finishing steps both formats share. */
#include "load_fields.h"

#include "colour.h"
#include "html.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* ---- shared finish ------------------------------------------------------------ */

static int by_time(const void *a, const void *b)
{
    const Event *p = a, *q = b;
    if (p->start_days != q->start_days) return p->start_days < q->start_days ? -1 : 1;
    if (p->end_days != q->end_days) return p->end_days < q->end_days ? -1 : 1;
    return strcmp(p->id, q->id);
}

static int by_lane_and_start(const void *a, const void *b)
{
    const Era *p = a, *q = b;
    if (p->lane != q->lane) return p->lane < q->lane ? -1 : 1;
    if (p->start_days != q->start_days) return p->start_days < q->start_days ? -1 : 1;
    return strcmp(p->id, q->id);
}

/* An era ends where the next one of its lane begins: "Kingdom ... to
 * 1970-03-18" then "Khmer Republic from 1970-03-18" share a boundary, not a
 * whole day on which both would be drawn. */
static void abut_eras(Timeline *tl)
{
    if (tl->era_count < 2) return;
    qsort(tl->eras, (size_t)tl->era_count, sizeof *tl->eras, by_lane_and_start);
    for (int i = 0; i + 1 < tl->era_count; i++) {
        Era *e = &tl->eras[i];
        const Era *next = &tl->eras[i + 1];
        /* Only a shared boundary day: eras nested on purpose stay as they are. */
        bool boundary = next->start_days < e->end_days && e->end_days - next->start_days <= 1.0;
        if (next->lane == e->lane && boundary && next->start_days > e->start_days) e->end_days = next->start_days;
    }
}

void load_finish_timeline(Loader *L)
{
    Timeline *tl = L->tl;
    qsort(tl->events, (size_t)tl->event_count, sizeof *tl->events, by_time);
    abut_eras(tl);
    double lo = INFINITY, hi = -INFINITY;
    tl->max_span_days = 0;
    for (int i = 0; i < tl->event_count; i++) {
        const Event *ev = &tl->events[i];
        lo = fmin(lo, ev->start_days);
        hi = fmax(hi, ev->end_days);
        if (ev->has_end) tl->max_span_days = fmax(tl->max_span_days, ev->end_days - ev->start_days);
    }
    /* Eras only give the extent when there are no events: a background era
     * that began long before the first event should not stretch the view. */
    for (int i = 0; i < tl->era_count && tl->event_count == 0; i++) {
        lo = fmin(lo, tl->eras[i].start_days);
        hi = fmax(hi, tl->eras[i].end_days);
    }
    if (tl->has_home) {
        lo = fmin(lo, tl->home_from_days);
        hi = fmax(hi, tl->home_to_days);
    }
    if (lo > hi) { /* nothing dated: show the year around today */
        lo = L->opt.today_days - 182.0;
        hi = L->opt.today_days + 183.0;
    }
    tl->min_days = lo;
    tl->max_days = hi;
}

/* ---- TimelineJS ----------------------------------------------------------------- */

/* A TimelineJS slide: a start_date, or, without one (a file TimelineJS
 * would refuse too), its text or media objects and none of frise/1's
 * event fields, so that its problems are told in TimelineJS's terms. */
static bool looks_like_slide(const cJSON *event)
{
    if (cJSON_GetObjectItemCaseSensitive(event, "start_date")) return true;
    bool slide_parts = cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(event, "text")) ||
                       cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(event, "media"));
    return slide_parts && !cJSON_GetObjectItemCaseSensitive(event, "start") &&
           !cJSON_GetObjectItemCaseSensitive(event, "title");
}

bool load_is_timelinejs(Loader *L, const cJSON *root)
{
    if (cJSON_GetObjectItemCaseSensitive(root, "format")) return false;
    const cJSON *events = cJSON_GetObjectItemCaseSensitive(root, "events");
    cJSON *parsed = NULL; /* the first event, when the events are streamed */
    const cJSON *first = cJSON_IsArray(events) ? events->child : NULL;
    if (!first && L->events.streamed && L->events.count > 0) {
        const char *t = L->text + L->events.start + 1;
        first = parsed = cJSON_ParseWithLengthOpts(t, L->events.end - L->events.start - 1, NULL, false);
    }
    bool yes = cJSON_IsObject(first) && looks_like_slide(first);
    cJSON_Delete(parsed);
    return yes;
}

/* A TimelineJS text is an HTML fragment: its plain text (html.h), "" when
 * memory runs out. */
static const char *plain(Loader *L, const char *html)
{
    const char *text = html_to_text(&L->tl->arena, html);
    return text ? text : "";
}

/* An HTML text read into the default language of t, with its bold,
 * italic and link runs. */
static void read_rich(Loader *L, const char *html, Text *t)
{
    RichText rich;
    const char *text = html_to_rich(&L->tl->arena, html, &rich);
    text_set(L->tl, t, 0, text ? text : "");
    if (text) timeline_set_rich(L->tl, t, 0, rich); /* out of memory: the words stay, plain */
}

/* The first paragraph of the story, with its runs, for the card; the
 * whole text stays the story. */
static void first_paragraph(Loader *L, const Text *story, Text *summary)
{
    const char *text = text_in(story, 0);
    const char *end = strstr(text, "\n\n");
    const char *copy = end ? arena_strndup(&L->tl->arena, text, (size_t)(end - text)) : NULL;
    text_set(L->tl, summary, 0, copy ? copy : text);
    RichText rich = timeline_rich(L->tl, story, 0);
    if (copy) rich = rich_prefix(&L->tl->arena, rich, strlen(copy));
    timeline_set_rich(L->tl, summary, 0, rich);
}

/* A date object {year, month, day, hour, minute}: numbers, numeric strings,
 * or for the month a name ("July", "Jul", "juillet"). */
typedef enum PartState { PART_ABSENT, PART_OK, PART_BAD } PartState;

static bool is_blank_string(const char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    return *s == '\0';
}

/* A part of a date. An empty string counts as absent: spreadsheets that
 * export TimelineJS write "" for the parts they do not know. */
static PartState read_number_field(const cJSON *obj, const char *key, int *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v || cJSON_IsNull(v) || (cJSON_IsString(v) && is_blank_string(v->valuestring))) return PART_ABSENT;
    if (cJSON_IsNumber(v) && fabs(v->valuedouble) < 1e7) {
        *out = (int)v->valuedouble;
        return PART_OK;
    }
    char *end;
    if (cJSON_IsString(v)) {
        long n = strtol(v->valuestring, &end, 10);
        /* A range test, not labs(n): strtol gives LONG_MIN for a huge
         * negative number, and labs(LONG_MIN) overflows. */
        if (end != v->valuestring && *end == '\0' && n > -10000000 && n < 10000000) {
            *out = (int)n;
            return PART_OK;
        }
        int month = strcmp(key, "month") == 0 ? date_month_from_name(v->valuestring) : 0;
        if (month > 0) {
            *out = month;
            return PART_OK;
        }
    }
    return PART_BAD;
}

/* Reads one optional part; a part that is there but unreadable is a
 * warning (the date keeps what came before it), never a silent drop. */
static bool read_part(Loader *L, const cJSON *d, const char *key, const char *path, const char *expected, int *out)
{
    PartState s = read_number_field(d, key, out);
    if (s != PART_BAD) return s == PART_OK;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(d, key);
    char p[LOAD_PATH_MAX], found[80];
    loader_path_key(p, sizeof p, path, key);
    loader_describe(v, found, sizeof found);
    loader_problem(L, v, LOAD_BAD_DATE, LOAD_WARNING, p, "expected %s, found %s; the date was kept without it",
                   expected, found);
    return false;
}

static bool date_exists(int64_t year, int month, int day, int hour, int minute)
{
    return month >= 1 && month <= 12 && day >= 1 && day <= date_days_in_month(year, month) && hour >= 0 &&
           hour <= 23 && minute >= 0 && minute <= 59;
}

/* The year of a date object: a whole number, or a string of one ("-13800000000"),
 * from DATE_MIN_YEAR to DATE_MAX_WRITTEN_YEAR, deep time included. PART_BAD
 * for anything else, with the number read in *found (NaN when none was). */
static PartState read_year(const cJSON *d, int64_t *out, double *found)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(d, "year");
    *found = NAN;
    if (!v || cJSON_IsNull(v) || (cJSON_IsString(v) && is_blank_string(v->valuestring))) return PART_ABSENT;
    char *end = NULL;
    if (cJSON_IsNumber(v)) *found = v->valuedouble;
    else if (cJSON_IsString(v) && (*found = strtod(v->valuestring, &end), end == v->valuestring || *end != '\0'))
        *found = NAN;
    if (!isfinite(*found)) return PART_BAD;
    *found = trunc(*found); /* 1969.5 is read as 1969, as TimelineJS does */
    if (*found < (double)DATE_MIN_YEAR || *found > DATE_MAX_WRITTEN_YEAR) return PART_BAD;
    *out = (int64_t)*found;
    return PART_OK;
}

/* Whether an optional date is given: there, and with a year. TimelineJS's
 * own sheets export {"year": "", "month": "", ...} for "no end date". */
static bool tljs_date_given(const cJSON *obj, const char *key)
{
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!d || cJSON_IsNull(d)) return false;
    int64_t year;
    double found;
    return !cJSON_IsObject(d) || read_year(d, &year, &found) != PART_ABSENT;
}

static bool read_tljs_date(Loader *L, const cJSON *obj, const char *key, const char *path, bool required, Date *out)
{
    char p[LOAD_PATH_MAX];
    loader_path_key(p, sizeof p, path, key);
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!d) {
        if (required && cJSON_GetObjectItemCaseSensitive(obj, "date"))
            loader_problem(L, obj, LOAD_MISSING_FIELD, LOAD_ERROR, path,
                           "missing required field \"%s\" (TimelineJS reads the date from \"%s\", not \"date\")", key, key);
        else if (required)
            loader_problem(L, obj, LOAD_MISSING_FIELD, LOAD_ERROR, path, "missing required field \"%s\"", key);
        return !required;
    }
    int month = 1, day = 1, hour = 0, minute = 0;
    int64_t year;
    double found;
    Date date = {.month = 1, .day = 1, .precision = DATE_PREC_YEAR};
    PartState ys = cJSON_IsObject(d) ? read_year(d, &year, &found) : PART_ABSENT;
    if (ys != PART_OK && isfinite(found)) {
        loader_problem(L, d, LOAD_BAD_DATE, LOAD_ERROR, p, "the year %.0f is outside %lld to %d", found,
                       (long long)DATE_MIN_YEAR, DATE_MAX_WRITTEN_YEAR);
        return false;
    }
    if (ys != PART_OK) {
        loader_problem(L, d, LOAD_BAD_DATE, LOAD_ERROR, p, "expected a date object such as {\"year\": 1970, \"month\": 3}");
        return false;
    }
    date.year = year;
    if (read_part(L, d, "month", p, "a month: 1 to 12 or a name such as \"July\"", &month))
        date.precision = DATE_PREC_MONTH;
    if (date.precision == DATE_PREC_MONTH && read_part(L, d, "day", p, "a day of the month as a number", &day))
        date.precision = DATE_PREC_DAY;
    /* A time of day in deep time cannot be placed (days are counted to a few minutes there). */
    if (date.precision == DATE_PREC_DAY && !date_is_deep(&date) &&
        read_part(L, d, "hour", p, "an hour as a number", &hour)) {
        read_part(L, d, "minute", p, "a minute as a number", &minute);
        date.precision = DATE_PREC_MINUTE;
    }
    if (!date_exists(year, month, day, hour, minute)) {
        loader_problem(L, d, LOAD_BAD_DATE, LOAD_ERROR, p, "this date does not exist in the calendar");
        return false;
    }
    date.month = (uint8_t)month;
    date.day = (uint8_t)day;
    date.hour = (uint8_t)hour;
    date.minute = (uint8_t)minute;
    *out = date;
    return true;
}

/* The {headline, text} object of a slide. */
static void read_slide_text(Loader *L, const cJSON *slide, Text *headline, Text *text)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(slide, "text");
    if (!cJSON_IsObject(t)) return;
    const cJSON *h = cJSON_GetObjectItemCaseSensitive(t, "headline");
    const cJSON *b = cJSON_GetObjectItemCaseSensitive(t, "text");
    if (cJSON_IsString(h) && strlen(h->valuestring) <= LOAD_MAX_STRING_BYTES) read_rich(L, h->valuestring, headline);
    if (cJSON_IsString(b) && strlen(b->valuestring) <= LOAD_MAX_STRING_BYTES) read_rich(L, b->valuestring, text);
}

/* Groups become categories, created as they are met. */
static int group_category(Loader *L, const char *group, int capacity)
{
    Timeline *tl = L->tl;
    for (int i = 0; i < tl->category_count; i++)
        if (strcmp(tl->categories[i].id, group) == 0) return i;
    if (tl->category_count >= capacity) return -1;
    Category *c = &tl->categories[tl->category_count];
    memset(c, 0, sizeof *c);
    c->id = arena_strdup(&tl->arena, group);
    text_set(L->tl, &c->label, 0, c->id);
    c->colour = colour_default_category(tl->category_count);
    c->shape = (Shape)(tl->category_count % SHAPE_COUNT);
    return tl->category_count++;
}

/* A remote medium as the event's source: its caption (else "Media") and its
 * address, so the story says where to see it. */
static void remote_media_source(Loader *L, const cJSON *media, const char *url, Event *ev)
{
    Source *src = arena_alloc(&L->tl->arena, sizeof *src);
    const char *address = arena_strdup(&L->tl->arena, url);
    if (!src || !address) return;
    memset(src, 0, sizeof *src);
    const cJSON *caption = cJSON_GetObjectItemCaseSensitive(media, "caption");
    const cJSON *credit = cJSON_GetObjectItemCaseSensitive(media, "credit");
    bool captioned = cJSON_IsString(caption) && caption->valuestring[0] && strlen(caption->valuestring) <= LOAD_MAX_STRING_BYTES;
    text_set(L->tl, &src->title, 0, captioned ? plain(L, caption->valuestring) : "Media");
    if (cJSON_IsString(credit) && credit->valuestring[0] && strlen(credit->valuestring) <= LOAD_MAX_STRING_BYTES)
        src->publication = plain(L, credit->valuestring);
    src->url = address;
    ev->sources = src;
    ev->source_count = 1;
}

/* "spotify:track:...", "mailto:...": a scheme of two letters or more (one
 * letter would be a Windows drive). */
static bool has_scheme(const char *s)
{
    size_t n = 0;
    while (isalpha((unsigned char)s[n]) || (n > 0 && (isdigit((unsigned char)s[n]) || strchr("+.-", s[n]))))
        n++;
    return n >= 2 && s[n] == ':';
}

/* Adds a paragraph at the end of a text (its styled runs, all before it, stay). */
static void append_paragraph(Loader *L, Text *body, const char *paragraph)
{
    if (!paragraph[0]) return;
    const char *before = text_in(body, 0);
    size_t a = before ? strlen(before) : 0, b = strlen(paragraph);
    char *joined = arena_alloc_text(&L->tl->arena, a + 2 + b + 1);
    if (!joined) return;
    size_t n = 0;
    if (a) {
        memcpy(joined, before, a);
        memcpy(joined + a, "\n\n", 2);
        n = a + 2;
    }
    memcpy(joined + n, paragraph, b + 1);
    text_set(L->tl, body, 0, joined);
}

static void read_media(Loader *L, const cJSON *slide, const char *path, Event *ev)
{
    const cJSON *media = cJSON_GetObjectItemCaseSensitive(slide, "media");
    const cJSON *url = cJSON_IsObject(media) ? cJSON_GetObjectItemCaseSensitive(media, "url") : NULL;
    if (!cJSON_IsString(url) || strlen(url->valuestring) > 4096 || !url->valuestring[0]) return; /* no media */
    /* A quotation (TimelineJS's blockquote media) is text: it joins the story. */
    if (url->valuestring[0] == '<') {
        append_paragraph(L, &ev->body, plain(L, url->valuestring));
        return;
    }
    /* Web addresses are TimelineJS's usual media (videos, tweets, maps), as
     * are other schemes ("spotify:track:..."): never fetched, and never
     * dropped either: listed as a source. */
    if (strstr(url->valuestring, "://") || has_scheme(url->valuestring)) {
        remote_media_source(L, media, url->valuestring, ev);
        return;
    }
    char p[LOAD_PATH_MAX];
    loader_path_key(p, sizeof p, path, "media.url");
    if (!loader_image_path(L, url, p, url->valuestring, &ev->image.path)) return;
    const cJSON *credit = cJSON_GetObjectItemCaseSensitive(media, "credit");
    const cJSON *caption = cJSON_GetObjectItemCaseSensitive(media, "caption");
    if (cJSON_IsString(credit) && strlen(credit->valuestring) <= LOAD_MAX_STRING_BYTES)
        text_set(L->tl, &ev->image.credit, 0, plain(L, credit->valuestring));
    if (cJSON_IsString(caption) && strlen(caption->valuestring) <= LOAD_MAX_STRING_BYTES)
        text_set(L->tl, &ev->image.alt, 0, plain(L, caption->valuestring));
}

/* The event's id: its unique_id, or "event-N" when it has none or when an
 * earlier event took it (TimelineJS tolerates duplicates; selection, tours
 * and replay need ids to be unique). */
static const char *event_id(Loader *L, IdSet *ids, const cJSON *slide, int index)
{
    const cJSON *uid = cJSON_GetObjectItemCaseSensitive(slide, "unique_id");
    const char *want = cJSON_IsString(uid) && uid->valuestring[0] && strlen(uid->valuestring) < 128 ? uid->valuestring : NULL;
    bool taken = want && idset_contains(ids, want);
    char generated[48];
    if (!want || taken) {
        snprintf(generated, sizeof generated, "event-%d", index + 1);
        for (int k = 2; idset_contains(ids, generated); k++) snprintf(generated, sizeof generated, "event-%d-%d", index + 1, k);
    }
    const char *id = arena_strdup(&L->tl->arena, want && !taken ? want : generated);
    if (!id) return NULL;
    if (taken) {
        char p[LOAD_PATH_MAX];
        snprintf(p, sizeof p, "events[%d].unique_id", index);
        loader_problem(L, uid, LOAD_DUPLICATE_ID, LOAD_WARNING, p,
                       "another event already has the unique_id \"%.40s\"; this one is called \"%s\"", want, id);
    }
    idset_insert(ids, id);
    return id;
}

/* A display date, of the slide or of one of its dates: NULL when none
 * (a value that is not a string is reported and left out). */
static const char *display_date_of(Loader *L, const cJSON *obj, const char *path)
{
    const cJSON *d = cJSON_IsObject(obj) ? cJSON_GetObjectItemCaseSensitive(obj, "display_date") : NULL;
    if (!d || cJSON_IsNull(d)) return NULL;
    if (cJSON_IsString(d) && strlen(d->valuestring) <= LOAD_MAX_STRING_BYTES) return d->valuestring;
    char p[LOAD_PATH_MAX];
    loader_path_key(p, sizeof p, path, "display_date");
    loader_problem(L, d, LOAD_WRONG_TYPE, LOAD_WARNING, p, "expected a text such as \"Spring 1956\"; Frise words the date itself");
    return NULL;
}

/* The slide's display_date, else its dates' ("Spring 1956 – 1958"): shown
 * as written, unless it only says the date is approximate ("c. 1960"),
 * which Frise then words itself in the reader's language. */
static void read_display_date(Loader *L, const cJSON *slide, const char *path, Event *ev)
{
    char sp[LOAD_PATH_MAX], ep[LOAD_PATH_MAX];
    loader_path_key(sp, sizeof sp, path, "start_date");
    loader_path_key(ep, sizeof ep, path, "end_date");
    const char *whole = display_date_of(L, slide, path);
    const char *from = display_date_of(L, cJSON_GetObjectItemCaseSensitive(slide, "start_date"), sp);
    const char *to = ev->has_end ? display_date_of(L, cJSON_GetObjectItemCaseSensitive(slide, "end_date"), ep) : NULL;
    char joined[1024]; /* longer pairs show the start's alone */
    if (!whole && from && to && snprintf(joined, sizeof joined, "%s – %s", from, to) < (int)sizeof joined) whole = joined;
    if (!whole) whole = from;
    if (!whole || !whole[0]) return;
    if (fields_display_date_approximate(whole)) ev->start.approximate = ev->end.approximate = true;
    else text_set(L->tl, &ev->display_date, 0, plain(L, whole)); /* out of memory: Frise's own wording shows */
}

static bool read_tljs_event(Loader *L, IdSet *ids, const cJSON *slide, const char *path, int index, int category_cap,
                            Event *ev)
{
    if (!cJSON_IsObject(slide)) {
        loader_problem(L, slide, LOAD_WRONG_TYPE, LOAD_ERROR, path, "expected an event object");
        return false;
    }
    if (!read_tljs_date(L, slide, "start_date", path, true, &ev->start)) return false;
    ev->has_end = tljs_date_given(slide, "end_date");
    if (ev->has_end && !read_tljs_date(L, slide, "end_date", path, false, &ev->end)) return false;
    ev->start_days = date_start_days(&ev->start);
    ev->end_days = ev->has_end ? date_end_days(&ev->end) : date_end_days(&ev->start);
    if (ev->has_end && ev->end_days <= ev->start_days) { /* the end's whole period before the start */
        char p[LOAD_PATH_MAX];
        loader_path_key(p, sizeof p, path, "end_date");
        loader_problem(L, cJSON_GetObjectItemCaseSensitive(slide, "end_date"), LOAD_DATE_ORDER, LOAD_ERROR, p,
                       "end_date comes before start_date");
        return false;
    }
    ev->id = event_id(L, ids, slide, index);
    if (!ev->id) {
        loader_problem(L, slide, LOAD_OUT_OF_MEMORY, LOAD_FATAL, path, "out of memory");
        return false;
    }
    read_display_date(L, slide, path, ev);
    read_slide_text(L, slide, &ev->title, &ev->body);
    if (!text_in(&ev->title, 0)) text_set(L->tl, &ev->title, 0, "");
    read_media(L, slide, path, ev); /* a quotation joins the story first */
    if (text_in(&ev->body, 0)) first_paragraph(L, &ev->body, &ev->summary); /* the card's text */
    const cJSON *group = cJSON_GetObjectItemCaseSensitive(slide, "group");
    ev->category = cJSON_IsString(group) && group->valuestring[0] && strlen(group->valuestring) < 128
                       ? group_category(L, group->valuestring, category_cap) : -1;
    return true;
}

/* An era's background.color is its colour (a slide's is not used: an event
 * takes its group's colour, as in the spreadsheet layout). A colour Frise
 * cannot read is a warning, and the default colour stays. */
static void read_era_colour(Loader *L, const cJSON *era, const char *path, Colour *out)
{
    const cJSON *background = cJSON_GetObjectItemCaseSensitive(era, "background");
    const cJSON *colour = cJSON_IsObject(background) ? cJSON_GetObjectItemCaseSensitive(background, "color") : NULL;
    if (!colour) return;
    if (cJSON_IsString(colour) && colour_parse_hex(colour->valuestring, out)) return;
    char p[LOAD_PATH_MAX], found[80];
    loader_path_key(p, sizeof p, path, "background.color");
    loader_describe(colour, found, sizeof found);
    loader_problem(L, colour, LOAD_BAD_COLOUR, LOAD_WARNING, p,
                   "expected a colour such as \"#0072B2\", found %s; the default colour is used", found);
}

static void read_tljs_eras(Loader *L, const cJSON *root)
{
    const cJSON *arr;
    if (!fields_array(L, root, "eras", "", LOAD_MAX_EVENTS, LOAD_ERROR, &arr) || !arr) return;
    Timeline *tl = L->tl;
    tl->lanes = arena_alloc(&tl->arena, sizeof *tl->lanes);
    tl->eras = arena_alloc(&tl->arena, (size_t)cJSON_GetArraySize(arr) * sizeof *tl->eras);
    if (!tl->lanes || !tl->eras) {
        loader_problem(L, arr, LOAD_OUT_OF_MEMORY, LOAD_FATAL, "eras", "out of memory");
        return;
    }
    tl->lanes[0] = (Lane){.id = "eras"};
    text_set(L->tl, &tl->lanes[0].label, 0, "");
    tl->lane_count = 1;
    int i = 0;
    for (const cJSON *item = arr->child; item; item = item->next, i++) {
        char p[LOAD_PATH_MAX];
        loader_path_index(p, sizeof p, "eras", i);
        Era era = {.colour = colour_default_era(), .id = "era"};
        Text unused = {0};
        if (!cJSON_IsObject(item)) {
            loader_problem(L, item, LOAD_WRONG_TYPE, LOAD_ERROR, p, "expected an era object");
            continue;
        }
        if (!read_tljs_date(L, item, "start_date", p, true, &era.start) ||
            !read_tljs_date(L, item, "end_date", p, true, &era.end))
            continue;
        era.start_days = date_start_days(&era.start);
        era.end_days = date_end_days(&era.end);
        if (era.end_days <= era.start_days) {
            char ep[LOAD_PATH_MAX];
            loader_path_key(ep, sizeof ep, p, "end_date");
            loader_problem(L, cJSON_GetObjectItemCaseSensitive(item, "end_date"), LOAD_DATE_ORDER, LOAD_ERROR, ep,
                           "end_date comes before start_date");
            continue;
        }
        read_slide_text(L, item, &era.label, &unused);
        if (!text_in(&era.label, 0)) text_set(L->tl, &era.label, 0, "");
        read_era_colour(L, item, p, &era.colour);
        tl->eras[tl->era_count++] = era;
    }
}

void load_timelinejs(Loader *L, const cJSON *root)
{
    Timeline *tl = L->tl;
    snprintf(tl->langs[0], TIMELINE_LANG_CODE_MAX, "en");
    tl->lang_count = 1;
    const cJSON *title = cJSON_GetObjectItemCaseSensitive(root, "title");
    if (cJSON_IsObject(title)) read_slide_text(L, title, &tl->title, &tl->description);
    if (!text_in(&tl->title, 0)) text_set(L->tl, &tl->title, 0, "");
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "events");
    EventFeed feed;
    loader_events_begin(L, arr, &feed);
    int n = feed.count;
    if (n > LOAD_MAX_EVENTS) {
        loader_problem(L, arr, LOAD_TOO_MANY, LOAD_FATAL, "events", "%d events; the limit is %d", n, LOAD_MAX_EVENTS);
        return;
    }
    tl->events = arena_alloc(&tl->arena, (size_t)n * sizeof *tl->events);
    tl->categories = arena_alloc(&tl->arena, LOAD_MAX_LIST * sizeof *tl->categories);
    IdSet ids;
    if (!tl->events || !tl->categories || !idset_init(&ids, (size_t)n)) {
        loader_problem(L, arr, LOAD_OUT_OF_MEMORY, LOAD_FATAL, "events", "out of memory for %d events", n);
        return;
    }
    int i = 0;
    for (const cJSON *slide; i < n && (slide = loader_events_next(L, &feed)) != NULL; i++) {
        char p[LOAD_PATH_MAX];
        loader_path_index(p, sizeof p, "events", i);
        Event *ev = &tl->events[tl->event_count];
        memset(ev, 0, sizeof *ev);
        if (read_tljs_event(L, &ids, slide, p, i, LOAD_MAX_LIST, ev)) tl->event_count++;
        else L->report->dropped_events++;
    }
    loader_events_end(L, &feed);
    idset_free(&ids);
    if (tl->event_count == 0)
        loader_problem(L, arr, LOAD_NO_EVENTS, LOAD_ERROR, "events",
                       "none of the events could be read; the timeline shows nothing");
    read_tljs_eras(L, root);
    load_finish_timeline(L);
}
