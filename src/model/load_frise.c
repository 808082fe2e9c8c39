/* load_frise.c: the frise/1 format: languages, categories, lanes, eras,
 * events and tours, each item checked on its own so one bad item costs only
 * itself. */
#include "load_fields.h"
#include "colour.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"

/* ---- the top level ------------------------------------------------------------ */

static const char *const TOP_FIELDS[] = {"$schema",    "format", "title", "description", "translation_status",
                                         "languages",  "home",   "categories", "lanes", "eras",
                                         "events",     "tours",  NULL};

static bool valid_lang_code(const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || n >= TIMELINE_LANG_CODE_MAX) return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    return true;
}

static void add_language(Loader *L, const cJSON *item, const char *path)
{
    Timeline *tl = L->tl;
    if (!cJSON_IsString(item) || !valid_lang_code(item->valuestring)) {
        char found[80];
        loader_describe(item, found, sizeof found);
        loader_problem(L, item, LOAD_BAD_VALUE, LOAD_ERROR, path, "expected a language code such as \"fr\", found %s",
                       found);
    } else if (timeline_lang_index(tl, item->valuestring) >= 0) {
        loader_problem(L, item, LOAD_DUPLICATE_ID, LOAD_WARNING, path, "language \"%s\" is listed twice",
                       item->valuestring);
    } else if (tl->lang_count == TIMELINE_MAX_LANGS) {
        loader_problem(L, item, LOAD_TOO_MANY, LOAD_ERROR, path, "more than %d languages; this one was ignored",
                       TIMELINE_MAX_LANGS);
    } else {
        snprintf(tl->langs[tl->lang_count++], TIMELINE_LANG_CODE_MAX, "%s", item->valuestring);
    }
}

static void read_languages(Loader *L, const cJSON *root)
{
    const cJSON *langs = cJSON_GetObjectItemCaseSensitive(root, "languages");
    if (!langs) {
        loader_problem(L, root, LOAD_MISSING_FIELD, LOAD_ERROR, "",
                       "missing required field \"languages\" (such as [\"fr\", \"en\"]); assuming [\"en\"]");
    } else if (!cJSON_IsArray(langs)) {
        loader_problem(L, langs, LOAD_WRONG_TYPE, LOAD_ERROR, "languages",
                       "expected an array of language codes such as [\"fr\", \"en\"]; assuming [\"en\"]");
    } else if (!langs->child) {
        loader_problem(L, langs, LOAD_BAD_VALUE, LOAD_ERROR, "languages",
                       "no language listed; expected at least one such as [\"fr\", \"en\"]; assuming [\"en\"]");
    } else {
        int i = 0;
        for (const cJSON *item = langs->child; item; item = item->next, i++) {
            char p[LOAD_PATH_MAX];
            loader_path_index(p, sizeof p, "languages", i);
            add_language(L, item, p);
        }
    }
    if (L->tl->lang_count == 0) snprintf(L->tl->langs[L->tl->lang_count++], TIMELINE_LANG_CODE_MAX, "en");
}

static bool read_format(Loader *L, const cJSON *root)
{
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(root, "format");
    if (!format) {
        loader_problem(L, root, LOAD_BAD_FORMAT, LOAD_ERROR, "",
                       "missing field \"format\"; expected \"frise/1\" (read as frise/1)");
        return true;
    }
    if (cJSON_IsString(format) && strcmp(format->valuestring, "frise/1") == 0) return true;
    char found[80];
    loader_describe(format, found, sizeof found);
    loader_problem(L, format, LOAD_BAD_FORMAT, LOAD_FATAL, "format",
                   "expected \"frise/1\", found %s; this version of Frise cannot read it", found);
    return false;
}

static void read_home(Loader *L, const cJSON *root)
{
    const cJSON *home = cJSON_GetObjectItemCaseSensitive(root, "home");
    if (!home) return;
    if (!cJSON_IsObject(home)) {
        loader_problem(L, home, LOAD_WRONG_TYPE, LOAD_ERROR, "home", "expected an object {\"from\": ..., \"to\": ...}");
        return;
    }
    static const char *const allowed[] = {"from", "to", NULL};
    fields_check_known(L, home, "home", allowed);
    Date from, to;
    if (!fields_date(L, home, "from", "home", true, false, LOAD_ERROR, &from)) return;
    if (!fields_date(L, home, "to", "home", true, true, LOAD_ERROR, &to)) return;
    double a = fields_start_days(L, &from), b = fields_end_days(L, &to);
    if (b <= a) {
        loader_problem(L, home, LOAD_DATE_ORDER, LOAD_ERROR, "home", "\"to\" must come after \"from\"");
        return;
    }
    L->tl->has_home = true;
    L->tl->home_from_days = a;
    L->tl->home_to_days = b;
}

/* ---- categories and lanes --------------------------------------------------------- */

/* Our format writes a shape's name one way only: lower case. */
static Shape parse_shape(const char *s)
{
    Shape shape = shape_from_name(s);
    return shape != SHAPE_COUNT && strcmp(s, shape_name(shape)) == 0 ? shape : SHAPE_COUNT;
}

static bool read_category(Loader *L, const cJSON *node, const char *path, Category *out)
{
    static const char *const allowed[] = {"id", "label", "colour", "color", "shape", NULL};
    if (!cJSON_IsObject(node)) {
        loader_problem(L, node, LOAD_WRONG_TYPE, LOAD_ERROR, path, "expected a category object {\"id\", \"label\", \"colour\"}");
        return false;
    }
    fields_check_known(L, node, path, allowed);
    out->colour = colour_default_category(L->tl->category_count);
    out->shape = (Shape)(L->tl->category_count % SHAPE_COUNT);
    const char *shape = NULL;
    if (!fields_id(L, node, path, LOAD_ERROR, &out->id) || !fields_text(L, node, "label", path, true, LOAD_ERROR, &out->label))
        return false;
    /* A bad colour or shape spoils only itself: the category keeps its
     * default one, and its events are not dropped for a typo in "#D55E0". */
    fields_colour(L, node, "colour", path, LOAD_ERROR, &out->colour);
    fields_colour(L, node, "color", path, LOAD_ERROR, &out->colour);
    if (!fields_string(L, node, "shape", path, false, LOAD_ERROR, &shape) || !shape) return true;
    if (parse_shape(shape) == SHAPE_COUNT) {
        char p[LOAD_PATH_MAX];
        loader_path_key(p, sizeof p, path, "shape");
        loader_problem(L, cJSON_GetObjectItemCaseSensitive(node, "shape"), LOAD_BAD_VALUE, LOAD_ERROR, p,
                       "expected one of circle, square, diamond, triangle, hexagon, star; found \"%.40s\"; the default shape is used",
                       shape);
        return true;
    }
    out->shape = parse_shape(shape);
    return true;
}

static bool read_lane(Loader *L, const cJSON *node, const char *path, Lane *out)
{
    static const char *const allowed[] = {"id", "label", NULL};
    if (!cJSON_IsObject(node)) {
        loader_problem(L, node, LOAD_WRONG_TYPE, LOAD_ERROR, path, "expected a lane object {\"id\", \"label\"}");
        return false;
    }
    fields_check_known(L, node, path, allowed);
    return fields_id(L, node, path, LOAD_ERROR, &out->id) && fields_text(L, node, "label", path, true, LOAD_ERROR, &out->label);
}

static int find_category(const Timeline *tl, const char *id)
{
    for (int i = 0; i < tl->category_count; i++)
        if (strcmp(tl->categories[i].id, id) == 0) return i;
    return -1;
}

static int find_lane(const Timeline *tl, const char *id)
{
    for (int i = 0; i < tl->lane_count; i++)
        if (strcmp(tl->lanes[i].id, id) == 0) return i;
    return -1;
}

static void read_categories(Loader *L, const cJSON *root)
{
    const cJSON *arr;
    if (!fields_array(L, root, "categories", "", LOAD_MAX_LIST, LOAD_ERROR, &arr) || !arr) return;
    Timeline *tl = L->tl;
    tl->categories = arena_alloc(&tl->arena, (size_t)cJSON_GetArraySize(arr) * sizeof *tl->categories);
    int i = 0;
    for (const cJSON *item = arr->child; item; item = item->next, i++) {
        char p[LOAD_PATH_MAX];
        loader_path_index(p, sizeof p, "categories", i);
        Category c = {0};
        if (!read_category(L, item, p, &c)) continue;
        if (find_category(tl, c.id) >= 0) {
            char ip[LOAD_PATH_MAX];
            loader_path_key(ip, sizeof ip, p, "id");
            loader_problem(L, cJSON_GetObjectItemCaseSensitive(item, "id"), LOAD_DUPLICATE_ID, LOAD_ERROR, ip,
                           "another category already has the id \"%s\"; this one was dropped", c.id);
            continue;
        }
        tl->categories[tl->category_count++] = c;
    }
}

static void read_lanes(Loader *L, const cJSON *root)
{
    const cJSON *arr;
    if (!fields_array(L, root, "lanes", "", LOAD_MAX_LIST, LOAD_ERROR, &arr) || !arr) return;
    Timeline *tl = L->tl;
    tl->lanes = arena_alloc(&tl->arena, (size_t)cJSON_GetArraySize(arr) * sizeof *tl->lanes);
    int i = 0;
    for (const cJSON *item = arr->child; item; item = item->next, i++) {
        char p[LOAD_PATH_MAX];
        loader_path_index(p, sizeof p, "lanes", i);
        Lane lane = {0};
        if (!read_lane(L, item, p, &lane)) continue;
        if (find_lane(tl, lane.id) >= 0) {
            char ip[LOAD_PATH_MAX];
            loader_path_key(ip, sizeof ip, p, "id");
            loader_problem(L, cJSON_GetObjectItemCaseSensitive(item, "id"), LOAD_DUPLICATE_ID, LOAD_ERROR, ip,
                           "another lane already has the id \"%s\"; this one was dropped", lane.id);
            continue;
        }
        tl->lanes[tl->lane_count++] = lane;
    }
}

/* ---- spans: start, end, approximate (events and eras) -------------------------- */

/* Reads start/end into the four outputs; reports an end before the start. */
static bool read_span(Loader *L, const cJSON *node, const char *path, bool end_required, Date *start, Date *end,
                      bool *has_end, double *start_days, double *end_days)
{
    if (!fields_date(L, node, "start", path, true, false, LOAD_ERROR, start)) return false;
    *has_end = cJSON_GetObjectItemCaseSensitive(node, "end") != NULL;
    if (!fields_date(L, node, "end", path, end_required, true, LOAD_ERROR, end)) return false;
    *start_days = fields_start_days(L, start);
    *end_days = *has_end ? fields_end_days(L, end) : date_end_days(start);
    /* end_days is the end of the end's period: when it is not after the
     * start, the whole end date comes before the start ("1970-03-17" to
     * "1970-03-18" ends exactly as the start begins). "present" is today,
     * an instant, so it may equal the start. */
    if (*has_end && (end->present ? *end_days < *start_days : *end_days <= *start_days)) {
        char p[LOAD_PATH_MAX];
        loader_path_key(p, sizeof p, path, "end");
        loader_problem(L, cJSON_GetObjectItemCaseSensitive(node, "end"), LOAD_DATE_ORDER, LOAD_ERROR, p,
                       "the end comes before the start (\"%s\")",
                       cJSON_GetObjectItemCaseSensitive(node, "start")->valuestring);
        return false;
    }
    return true;
}

static bool read_era(Loader *L, const cJSON *node, const char *path, Era *out)
{
    static const char *const allowed[] = {"id", "lane", "start", "end", "label", "colour", "color", NULL};
    if (!cJSON_IsObject(node)) {
        loader_problem(L, node, LOAD_WRONG_TYPE, LOAD_ERROR, path, "expected an era object");
        return false;
    }
    fields_check_known(L, node, path, allowed);
    const char *lane = NULL;
    bool has_end;
    out->colour = colour_default_era();
    if (!fields_id(L, node, path, LOAD_ERROR, &out->id) || !fields_string(L, node, "lane", path, true, LOAD_ERROR, &lane) ||
        !read_span(L, node, path, true, &out->start, &out->end, &has_end, &out->start_days, &out->end_days) ||
        !fields_text(L, node, "label", path, true, LOAD_ERROR, &out->label))
        return false;
    fields_colour(L, node, "colour", path, LOAD_ERROR, &out->colour); /* a bad one keeps the default */
    fields_colour(L, node, "color", path, LOAD_ERROR, &out->colour);
    out->lane = find_lane(L->tl, lane);
    if (out->lane < 0) {
        char p[LOAD_PATH_MAX];
        loader_path_key(p, sizeof p, path, "lane");
        loader_problem(L, cJSON_GetObjectItemCaseSensitive(node, "lane"), LOAD_UNKNOWN_REFERENCE, LOAD_ERROR, p,
                       "no lane has the id \"%.40s\" (see \"lanes\")", lane);
        return false;
    }
    return true;
}

static void read_eras(Loader *L, const cJSON *root)
{
    const cJSON *arr;
    if (!fields_array(L, root, "eras", "", LOAD_MAX_EVENTS, LOAD_ERROR, &arr) || !arr) return;
    Timeline *tl = L->tl;
    int n = cJSON_GetArraySize(arr);
    IdSet ids;
    tl->eras = arena_alloc(&tl->arena, (size_t)n * sizeof *tl->eras);
    if (!tl->eras || !idset_init(&ids, (size_t)n)) {
        loader_problem(L, arr, LOAD_OUT_OF_MEMORY, LOAD_FATAL, "eras", "out of memory for %d eras", n);
        return;
    }
    int i = 0;
    for (const cJSON *item = arr->child; item; item = item->next, i++) {
        char p[LOAD_PATH_MAX];
        loader_path_index(p, sizeof p, "eras", i);
        Era era = {0};
        if (!read_era(L, item, p, &era)) continue;
        if (!idset_insert(&ids, era.id)) {
            char ip[LOAD_PATH_MAX];
            loader_path_key(ip, sizeof ip, p, "id");
            loader_problem(L, cJSON_GetObjectItemCaseSensitive(item, "id"), LOAD_DUPLICATE_ID, LOAD_ERROR, ip,
                           "another era already has the id \"%s\"; this one was dropped", era.id);
            continue;
        }
        tl->eras[tl->era_count++] = era;
    }
    idset_free(&ids);
}

/* ---- events ----------------------------------------------------------------------- */

static bool read_tags(Loader *L, const cJSON *node, const char *path, Event *ev)
{
    const cJSON *arr;
    char p[LOAD_PATH_MAX];
    loader_path_key(p, sizeof p, path, "tags");
    if (!fields_array(L, node, "tags", path, LOAD_MAX_LIST, LOAD_ERROR, &arr)) return false;
    if (!arr) return true;
    ev->tags = arena_alloc(&L->tl->arena, (size_t)cJSON_GetArraySize(arr) * sizeof *ev->tags);
    int i = 0;
    for (const cJSON *item = arr->child; item; item = item->next, i++) {
        char ip[LOAD_PATH_MAX];
        loader_path_index(ip, sizeof ip, p, i);
        if (!cJSON_IsString(item)) {
            loader_problem(L, item, LOAD_WRONG_TYPE, LOAD_ERROR, ip, "expected a tag string");
            return false;
        }
        if (!fields_copy_string(L, item, ip, LOAD_ERROR, &ev->tags[ev->tag_count++])) return false;
    }
    return true;
}

static bool read_source(Loader *L, const cJSON *node, const char *path, Source *out)
{
    static const char *const allowed[] = {"title", "author", "url", "publication", "date", "pages", NULL};
    if (!cJSON_IsObject(node)) {
        loader_problem(L, node, LOAD_WRONG_TYPE, LOAD_ERROR, path,
                       "expected a source object {\"title\", \"url\" or \"publication\"}");
        return false;
    }
    fields_check_known(L, node, path, allowed);
    return fields_text(L, node, "title", path, true, LOAD_ERROR, &out->title) &&
           fields_string(L, node, "author", path, false, LOAD_ERROR, &out->author) &&
           fields_string(L, node, "url", path, false, LOAD_ERROR, &out->url) &&
           fields_string(L, node, "pages", path, false, LOAD_ERROR, &out->pages) &&
           fields_string(L, node, "publication", path, false, LOAD_ERROR, &out->publication) &&
           fields_string(L, node, "date", path, false, LOAD_ERROR, &out->date);
}

static bool read_sources(Loader *L, const cJSON *node, const char *path, Event *ev)
{
    const cJSON *arr;
    char p[LOAD_PATH_MAX];
    loader_path_key(p, sizeof p, path, "sources");
    if (!fields_array(L, node, "sources", path, LOAD_MAX_LIST, LOAD_ERROR, &arr)) return false;
    if (!arr) return true;
    ev->sources = arena_alloc(&L->tl->arena, (size_t)cJSON_GetArraySize(arr) * sizeof *ev->sources);
    int i = 0;
    for (const cJSON *item = arr->child; item; item = item->next, i++) {
        char ip[LOAD_PATH_MAX];
        loader_path_index(ip, sizeof ip, p, i);
        memset(&ev->sources[i], 0, sizeof ev->sources[i]);
        if (!read_source(L, item, ip, &ev->sources[i])) return false;
        ev->source_count++;
    }
    return true;
}

static bool read_image(Loader *L, const cJSON *node, const char *path, Event *ev)
{
    static const char *const allowed[] = {"path", "credit", "alt", NULL};
    const cJSON *image = cJSON_GetObjectItemCaseSensitive(node, "image");
    if (!image) return true;
    char p[LOAD_PATH_MAX];
    loader_path_key(p, sizeof p, path, "image");
    if (!cJSON_IsObject(image)) {
        loader_problem(L, image, LOAD_WRONG_TYPE, LOAD_ERROR, p, "expected an image object {\"path\", \"credit\", \"alt\"}");
        return false;
    }
    fields_check_known(L, image, p, allowed);
    const char *file = NULL;
    if (!fields_string(L, image, "path", p, true, LOAD_ERROR, &file) ||
        !fields_text(L, image, "credit", p, false, LOAD_ERROR, &ev->image.credit) ||
        !fields_text(L, image, "alt", p, false, LOAD_ERROR, &ev->image.alt))
        return false;
    /* A refused path costs the image, not the event: the story stands without it. */
    char pp[LOAD_PATH_MAX];
    loader_path_key(pp, sizeof pp, p, "path");
    loader_image_path(L, cJSON_GetObjectItemCaseSensitive(image, "path"), pp, file, &ev->image.path);
    return true;
}

static bool read_certainty(Loader *L, const cJSON *node, const char *path, Event *ev)
{
    static const char *const names[] = {"confirmed", "disputed", "unverified"};
    const char *s = NULL;
    if (!fields_string(L, node, "certainty", path, false, LOAD_ERROR, &s)) return false;
    if (!s) return true;
    for (int i = 0; i < 3; i++)
        if (strcmp(s, names[i]) == 0) {
            ev->certainty = (Certainty)i;
            return true;
        }
    char p[LOAD_PATH_MAX];
    loader_path_key(p, sizeof p, path, "certainty");
    loader_problem(L, cJSON_GetObjectItemCaseSensitive(node, "certainty"), LOAD_BAD_VALUE, LOAD_ERROR, p,
                   "expected \"confirmed\", \"disputed\" or \"unverified\", found \"%.40s\"", s);
    return false;
}

static bool read_category_ref(Loader *L, const cJSON *node, const char *path, Event *ev)
{
    const char *id = NULL;
    ev->category = -1;
    if (!fields_string(L, node, "category", path, false, LOAD_ERROR, &id)) return false;
    if (!id) return true;
    ev->category = find_category(L->tl, id);
    if (ev->category >= 0) return true;
    char p[LOAD_PATH_MAX];
    loader_path_key(p, sizeof p, path, "category");
    loader_problem(L, cJSON_GetObjectItemCaseSensitive(node, "category"), LOAD_UNKNOWN_REFERENCE, LOAD_ERROR, p,
                   "no category has the id \"%.40s\" (see \"categories\")", id);
    return false;
}

static bool read_approximate(Loader *L, const cJSON *node, const char *path, Event *ev)
{
    const cJSON *flag = cJSON_GetObjectItemCaseSensitive(node, "approximate");
    if (!flag) return true;
    if (!cJSON_IsBool(flag)) {
        char p[LOAD_PATH_MAX];
        loader_path_key(p, sizeof p, path, "approximate");
        loader_problem(L, flag, LOAD_WRONG_TYPE, LOAD_ERROR, p, "expected true or false");
        return false;
    }
    if (cJSON_IsTrue(flag)) ev->start.approximate = ev->end.approximate = true;
    return true;
}

/* importance: a whole number from 1 (a detail) to 5 (a turning point). */
static bool read_importance(Loader *L, const cJSON *node, const char *path, Event *ev)
{
    const cJSON *value = cJSON_GetObjectItemCaseSensitive(node, "importance");
    if (!value) return true;
    double v = cJSON_IsNumber(value) ? value->valuedouble : 0;
    if (v >= EVENT_IMPORTANCE_MIN && v <= EVENT_IMPORTANCE_MAX && v == (int)v) {
        ev->importance = (int)v;
        return true;
    }
    char p[LOAD_PATH_MAX];
    loader_path_key(p, sizeof p, path, "importance");
    loader_problem(L, value, cJSON_IsNumber(value) ? LOAD_BAD_VALUE : LOAD_WRONG_TYPE, LOAD_ERROR, p,
                   "expected a whole number from 1 (a detail) to 5 (a turning point)");
    return false;
}

/* "translation_status": {"ru": "draft, to be reviewed by a native speaker"}.
 * Unlike a text it need not name the default language: the original is not
 * a translation. A bad entry is only a warning; the timeline is fine. */
static void read_translation_status(Loader *L, const cJSON *root)
{
    const cJSON *node = cJSON_GetObjectItemCaseSensitive(root, "translation_status");
    if (!node) return;
    if (!cJSON_IsObject(node)) {
        loader_problem(L, node, LOAD_WRONG_TYPE, LOAD_WARNING, "translation_status",
                       "expected an object of language codes and their review status, such as {\"ru\": \"draft\"}");
        return;
    }
    for (const cJSON *entry = node->child; entry; entry = entry->next) {
        char p[LOAD_PATH_MAX];
        loader_path_key(p, sizeof p, "translation_status", entry->string);
        int lang = timeline_lang_index(L->tl, entry->string);
        if (lang < 0)
            loader_problem(L, entry, LOAD_UNKNOWN_REFERENCE, LOAD_WARNING, p,
                           "\"%.16s\" is not one of the timeline's languages", entry->string);
        else if (!cJSON_IsString(entry))
            loader_problem(L, entry, LOAD_WRONG_TYPE, LOAD_WARNING, p, "expected a status text");
        else
            fields_copy_text(L, entry, p, LOAD_WARNING, &L->tl->translation_status, lang);
    }
}

static const char *const EVENT_FIELDS[] = {"id", "start", "end", "approximate", "title", "summary", "body",
                                           "category", "tags", "sources", "image", "certainty", "note",
                                           "importance", "notes", "display_date", NULL};

static bool read_event(Loader *L, const cJSON *node, const char *path, Event *ev)
{
    if (!cJSON_IsObject(node)) {
        loader_problem(L, node, LOAD_WRONG_TYPE, LOAD_ERROR, path, "expected an event object");
        return false;
    }
    fields_check_known(L, node, path, EVENT_FIELDS);
    return fields_id(L, node, path, LOAD_ERROR, &ev->id) &&
           read_span(L, node, path, false, &ev->start, &ev->end, &ev->has_end, &ev->start_days, &ev->end_days) &&
           read_approximate(L, node, path, ev) && fields_text(L, node, "title", path, true, LOAD_ERROR, &ev->title) &&
           fields_text(L, node, "summary", path, false, LOAD_ERROR, &ev->summary) &&
           fields_text(L, node, "body", path, false, LOAD_ERROR, &ev->body) &&
           fields_text(L, node, "note", path, false, LOAD_ERROR, &ev->note) &&
           fields_text(L, node, "notes", path, false, LOAD_ERROR, &ev->notes) &&
           fields_text(L, node, "display_date", path, false, LOAD_ERROR, &ev->display_date) && read_category_ref(L, node, path, ev) &&
           read_tags(L, node, path, ev) && read_sources(L, node, path, ev) && read_image(L, node, path, ev) &&
           read_certainty(L, node, path, ev) && read_importance(L, node, path, ev);
}

static bool read_events(Loader *L, const cJSON *root)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "events");
    if (!cJSON_IsArray(arr)) {
        char found[80];
        loader_describe(arr, found, sizeof found);
        loader_problem(L, arr ? arr : root, LOAD_NO_EVENTS, LOAD_FATAL, arr ? "events" : "",
                       "expected an \"events\" array, found %s; the file was rejected", found);
        return false;
    }
    EventFeed feed;
    loader_events_begin(L, arr, &feed);
    int n = feed.count;
    if (n > LOAD_MAX_EVENTS) {
        loader_problem(L, arr, LOAD_TOO_MANY, LOAD_FATAL, "events", "%d events; the limit is %d", n, LOAD_MAX_EVENTS);
        return false;
    }
    Timeline *tl = L->tl;
    IdSet ids;
    tl->events = arena_alloc(&tl->arena, (size_t)(n ? n : 1) * sizeof *tl->events);
    if (!tl->events || !idset_init(&ids, (size_t)n)) {
        loader_problem(L, arr, LOAD_OUT_OF_MEMORY, LOAD_FATAL, "events", "out of memory for %d events", n);
        return false;
    }
    int i = 0;
    for (const cJSON *item; i < n && (item = loader_events_next(L, &feed)) != NULL; i++) {
        char p[LOAD_PATH_MAX];
        loader_path_index(p, sizeof p, "events", i);
        Event *ev = &tl->events[tl->event_count];
        memset(ev, 0, sizeof *ev);
        bool ok = read_event(L, item, p, ev);
        if (ok && !idset_insert(&ids, ev->id)) {
            char ip[LOAD_PATH_MAX];
            loader_path_key(ip, sizeof ip, p, "id");
            loader_problem(L, cJSON_GetObjectItemCaseSensitive(item, "id"), LOAD_DUPLICATE_ID, LOAD_ERROR, ip,
                           "another event already has the id \"%s\"; this one was dropped", ev->id);
            ok = false;
        }
        if (ok) tl->event_count++;
        else L->report->dropped_events++;
    }
    loader_events_end(L, &feed);
    idset_free(&ids);
    if (tl->event_count == 0)
        loader_problem(L, arr, LOAD_NO_EVENTS, LOAD_ERROR, "events",
                       n == 0 ? "the \"events\" array is empty; the timeline shows nothing"
                              : "none of the events could be read; the timeline shows nothing");
    return true;
}

/* ---- tours -------------------------------------------------------------------------- */

/* Event ids -> indices, built once the events are sorted, so that tours
 * naming thousands of events do not search the list for each step. */
typedef struct EventIndex {
    int *slots;          /* event index or -1 */
    size_t cap;
} EventIndex;

static void event_index_build(EventIndex *ix, const Timeline *tl)
{
    ix->cap = 16;
    while (ix->cap < (size_t)tl->event_count * 2) ix->cap *= 2;
    ix->slots = malloc(ix->cap * sizeof *ix->slots);
    if (!ix->slots) return; /* event_index_find falls back to a linear search */
    for (size_t i = 0; i < ix->cap; i++) ix->slots[i] = -1;
    for (int e = 0; e < tl->event_count; e++) {
        size_t i = (size_t)(hash_fnv1a_str(tl->events[e].id) & (ix->cap - 1));
        while (ix->slots[i] >= 0) i = (i + 1) & (ix->cap - 1);
        ix->slots[i] = e;
    }
}

static int event_index_find(const EventIndex *ix, const Timeline *tl, const char *id)
{
    if (!ix->slots) return timeline_find_event(tl, id);
    size_t i = (size_t)(hash_fnv1a_str(id) & (ix->cap - 1));
    for (; ix->slots[i] >= 0; i = (i + 1) & (ix->cap - 1))
        if (strcmp(tl->events[ix->slots[i]].id, id) == 0) return ix->slots[i];
    return -1;
}

static bool read_step(Loader *L, const EventIndex *ix, const cJSON *node, const char *path, TourStep *step)
{
    static const char *const allowed[] = {"event", "view", "caption", "notes", "duration", NULL};
    if (!cJSON_IsObject(node)) {
        loader_problem(L, node, LOAD_WRONG_TYPE, LOAD_ERROR, path, "expected a step {\"event\": id} or {\"view\": {...}}");
        return false;
    }
    fields_check_known(L, node, path, allowed);
    step->event = -1;
    step->duration_s = 8.0;
    const cJSON *duration = cJSON_GetObjectItemCaseSensitive(node, "duration");
    if (duration && (!cJSON_IsNumber(duration) || !(duration->valuedouble > 0) || duration->valuedouble > 3600)) {
        char p[LOAD_PATH_MAX];
        loader_path_key(p, sizeof p, path, "duration");
        loader_problem(L, duration, LOAD_BAD_VALUE, LOAD_ERROR, p, "expected a number of seconds between 0 and 3600");
        return false;
    }
    if (duration) step->duration_s = duration->valuedouble;
    if (!fields_text(L, node, "caption", path, false, LOAD_ERROR, &step->caption) ||
        !fields_text(L, node, "notes", path, false, LOAD_ERROR, &step->notes))
        return false;
    const char *event_id = NULL;
    if (!fields_string(L, node, "event", path, false, LOAD_ERROR, &event_id)) return false;
    if (event_id) {
        step->event = event_index_find(ix, L->tl, event_id);
        if (step->event >= 0) return true;
        char p[LOAD_PATH_MAX];
        loader_path_key(p, sizeof p, path, "event");
        loader_problem(L, cJSON_GetObjectItemCaseSensitive(node, "event"), LOAD_UNKNOWN_REFERENCE, LOAD_ERROR, p,
                       "no event has the id \"%.40s\"", event_id);
        return false;
    }
    const cJSON *view = cJSON_GetObjectItemCaseSensitive(node, "view");
    if (!cJSON_IsObject(view)) {
        loader_problem(L, view ? view : node, LOAD_MISSING_FIELD, LOAD_ERROR, path,
                       "a step needs \"event\" (an event id) or \"view\" ({\"from\", \"to\"})");
        return false;
    }
    char vp[LOAD_PATH_MAX];
    loader_path_key(vp, sizeof vp, path, "view");
    Date from, to;
    if (!fields_date(L, view, "from", vp, true, false, LOAD_ERROR, &from) ||
        !fields_date(L, view, "to", vp, true, true, LOAD_ERROR, &to))
        return false;
    step->from_days = fields_start_days(L, &from);
    step->to_days = fields_end_days(L, &to);
    if (step->to_days <= step->from_days) {
        loader_problem(L, view, LOAD_DATE_ORDER, LOAD_ERROR, vp, "\"to\" must come after \"from\"");
        return false;
    }
    return true;
}

static bool read_tour(Loader *L, const EventIndex *ix, const cJSON *node, const char *path, Tour *tour)
{
    static const char *const allowed[] = {"id", "title", "steps", NULL};
    if (!cJSON_IsObject(node)) {
        loader_problem(L, node, LOAD_WRONG_TYPE, LOAD_ERROR, path, "expected a tour object");
        return false;
    }
    fields_check_known(L, node, path, allowed);
    const cJSON *steps;
    if (!fields_id(L, node, path, LOAD_ERROR, &tour->id) || !fields_text(L, node, "title", path, true, LOAD_ERROR, &tour->title) ||
        !fields_array(L, node, "steps", path, LOAD_MAX_LIST, LOAD_ERROR, &steps))
        return false;
    if (!steps || !steps->child) {
        loader_problem(L, steps ? steps : node, LOAD_MISSING_FIELD, LOAD_ERROR, path, "a tour needs at least one step");
        return false;
    }
    tour->steps = arena_alloc(&L->tl->arena, (size_t)cJSON_GetArraySize(steps) * sizeof *tour->steps);
    char sp[LOAD_PATH_MAX];
    loader_path_key(sp, sizeof sp, path, "steps");
    int i = 0;
    for (const cJSON *item = steps->child; item; item = item->next, i++) {
        char p[LOAD_PATH_MAX];
        loader_path_index(p, sizeof p, sp, i);
        TourStep step = {0};
        if (read_step(L, ix, item, p, &step)) tour->steps[tour->step_count++] = step;
    }
    return tour->step_count > 0;
}

/* A tour may show a view beyond the events: the extent (and so the zoom
 * and pan limits) must reach it. */
static void include_tour_views(Timeline *tl)
{
    for (int t = 0; t < tl->tour_count; t++)
        for (int i = 0; i < tl->tours[t].step_count; i++) {
            const TourStep *step = &tl->tours[t].steps[i];
            if (step->event >= 0) continue;
            if (step->from_days < tl->min_days) tl->min_days = step->from_days;
            if (step->to_days > tl->max_days) tl->max_days = step->to_days;
        }
}

/* Tours name events by id, so they are read after the events are sorted. */
static void read_tours(Loader *L, const cJSON *root)
{
    const cJSON *arr;
    if (!fields_array(L, root, "tours", "", LOAD_MAX_LIST, LOAD_ERROR, &arr) || !arr) return;
    Timeline *tl = L->tl;
    tl->tours = arena_alloc(&tl->arena, (size_t)cJSON_GetArraySize(arr) * sizeof *tl->tours);
    EventIndex ix = {0};
    event_index_build(&ix, tl);
    int i = 0;
    for (const cJSON *item = arr->child; item; item = item->next, i++) {
        char p[LOAD_PATH_MAX];
        loader_path_index(p, sizeof p, "tours", i);
        Tour tour = {0};
        if (!read_tour(L, &ix, item, p, &tour)) continue;
        bool taken = false;
        for (int t = 0; t < tl->tour_count && !taken; t++) taken = strcmp(tl->tours[t].id, tour.id) == 0;
        if (taken) {
            char ip[LOAD_PATH_MAX];
            loader_path_key(ip, sizeof ip, p, "id");
            loader_problem(L, cJSON_GetObjectItemCaseSensitive(item, "id"), LOAD_DUPLICATE_ID, LOAD_ERROR, ip,
                           "another tour already has the id \"%s\"; this one was dropped", tour.id);
            continue;
        }
        tl->tours[tl->tour_count++] = tour;
    }
    free(ix.slots);
}

void load_frise(Loader *L, const cJSON *root)
{
    if (!read_format(L, root)) return;
    fields_check_known(L, root, "", TOP_FIELDS);
    read_languages(L, root);
    Timeline *tl = L->tl;
    if (!fields_text(L, root, "title", "", true, LOAD_ERROR, &tl->title)) text_set(L->tl, &tl->title, 0, "");
    fields_text(L, root, "description", "", false, LOAD_WARNING, &tl->description);
    read_translation_status(L, root);
    read_home(L, root);
    read_categories(L, root);
    read_lanes(L, root);
    read_eras(L, root);
    if (!read_events(L, root)) return;
    load_finish_timeline(L);
    read_tours(L, root);
    include_tour_views(tl);
}
