/* load_fields.c: reading typed fields out of cJSON objects, with messages that
 * say what was expected and what was found. */
#include "load_fields.h"

#include "ascii.h"
#include "colour.h"
#include "typography.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"

/* ---- ids: a hash set so duplicate checks stay linear for huge files -------- */

bool idset_init(IdSet *set, size_t items)
{
    set->cap = 16;
    while (set->cap < items * 2) set->cap *= 2;
    set->count = 0;
    set->slots = calloc(set->cap, sizeof *set->slots);
    return set->slots != NULL;
}

/* Open addressing; the table is sized up front for every item, so it never
 * fills and never grows. */
static size_t idset_slot(const IdSet *set, const char *id)
{
    size_t i = (size_t)(hash_fnv1a_str(id) & (set->cap - 1));
    while (set->slots[i] && strcmp(set->slots[i], id) != 0) i = (i + 1) & (set->cap - 1);
    return i;
}

bool idset_insert(IdSet *set, const char *id)
{
    size_t i = idset_slot(set, id);
    if (set->slots[i] || set->count + 1 >= set->cap) return false;
    set->slots[i] = id;
    set->count++;
    return true;
}

bool idset_contains(const IdSet *set, const char *id)
{
    return set->slots[idset_slot(set, id)] != NULL;
}

void idset_free(IdSet *set)
{
    free(set->slots);
    memset(set, 0, sizeof *set);
}

static void report_type(Loader *L, const cJSON *node, const char *path, LoadSeverity sev, const char *expected)
{
    char found[80];
    loader_describe(node, found, sizeof found);
    loader_problem(L, node, LOAD_WRONG_TYPE, sev, path, "expected %s, found %s", expected, found);
}

static bool known(const char *key, const char *const *allowed)
{
    for (int i = 0; allowed[i]; i++)
        if (strcmp(key, allowed[i]) == 0) return true;
    return false;
}

void fields_check_known(Loader *L, const cJSON *obj, const char *path, const char *const *allowed)
{
    for (const cJSON *c = obj->child; c; c = c->next) {
        if (!c->string || known(c->string, allowed)) continue;
        char child_path[LOAD_PATH_MAX];
        loader_path_key(child_path, sizeof child_path, path, c->string);
        loader_problem(L, c, LOAD_UNKNOWN_FIELD, LOAD_WARNING, child_path,
                       "unknown field \"%.40s\" was ignored (a typo?)", c->string);
    }
}

bool fields_copy_text(Loader *L, const cJSON *node, const char *path, LoadSeverity sev, Text *out, int lang)
{
    const char *copy;
    if (!fields_copy_string(L, node, path, sev, &copy)) return false;
    if (text_set(L->tl, out, lang, copy)) return true;
    loader_problem(L, node, LOAD_OUT_OF_MEMORY, LOAD_FATAL, path, "out of memory");
    return false;
}

bool fields_copy_string(Loader *L, const cJSON *node, const char *path, LoadSeverity sev, const char **out)
{
    size_t len = strlen(node->valuestring);
    if (len > LOAD_MAX_STRING_BYTES) {
        loader_problem(L, node, LOAD_STRING_TOO_LONG, sev, path, "a text of %zu bytes; the limit is %d bytes",
                       len, LOAD_MAX_STRING_BYTES);
        return false;
    }
    *out = arena_strndup(&L->tl->arena, node->valuestring, len);
    if (!*out) {
        loader_problem(L, node, LOAD_OUT_OF_MEMORY, LOAD_FATAL, path, "out of memory");
        return false;
    }
    return true;
}

/* Finds key in obj; reports a missing required field. */
static const cJSON *field(Loader *L, const cJSON *obj, const char *key, const char *path, bool required,
                          LoadSeverity sev, char *child_path, size_t cap)
{
    loader_path_key(child_path, cap, path, key);
    const cJSON *node = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!node && required)
        loader_problem(L, obj, LOAD_MISSING_FIELD, sev, path, "missing required field \"%s\"", key);
    return node;
}

bool fields_string(Loader *L, const cJSON *obj, const char *key, const char *path, bool required,
                   LoadSeverity sev, const char **out)
{
    char p[LOAD_PATH_MAX];
    const cJSON *node = field(L, obj, key, path, required, sev, p, sizeof p);
    *out = NULL;
    if (!node) return !required;
    if (!cJSON_IsString(node)) {
        report_type(L, node, p, sev, "a string");
        return false;
    }
    return fields_copy_string(L, node, p, sev, out);
}

/* A French text's typography, as a warning: the text is kept as it is. */
static void check_french(Loader *L, const cJSON *entry, const char *path)
{
    TypographyIssue issue;
    if (!typography_check_french(entry->valuestring, &issue)) return;
    size_t from = issue.offset > 12 ? issue.offset - 12 : 0;
    while (from > 0 && ((unsigned char)entry->valuestring[from] & 0xC0) == 0x80) from--;
    loader_problem(L, entry, LOAD_TYPOGRAPHY, LOAD_WARNING, path, "French typography: %s, near \"%.24s\"",
                   issue.advice, entry->valuestring + from);
}

static bool text_entry(Loader *L, const cJSON *entry, const char *path, LoadSeverity sev, Text *out)
{
    char p[LOAD_PATH_MAX];
    loader_path_key(p, sizeof p, path, entry->string);
    int lang = timeline_lang_index(L->tl, entry->string);
    if (lang < 0) {
        loader_problem(L, entry, LOAD_BAD_VALUE, LOAD_WARNING, p,
                       "language \"%.16s\" is not listed in \"languages\"; this translation was ignored",
                       entry->string);
        return true;
    }
    if (!cJSON_IsString(entry)) {
        report_type(L, entry, p, sev, "a string");
        return false;
    }
    /* A source's title is quoted as published, whatever its language. */
    if (strncmp(entry->string, "fr", 2) == 0 && !strstr(p, ".sources[")) check_french(L, entry, p);
    return fields_copy_text(L, entry, p, sev, out, lang);
}

bool fields_text(Loader *L, const cJSON *obj, const char *key, const char *path, bool required,
                 LoadSeverity sev, Text *out)
{
    char p[LOAD_PATH_MAX];
    const cJSON *node = field(L, obj, key, path, required, sev, p, sizeof p);
    memset(out, 0, sizeof *out);
    if (!node) return !required;
    if (cJSON_IsString(node)) return fields_copy_text(L, node, p, sev, out, 0);
    if (!cJSON_IsObject(node) || !node->child) {
        report_type(L, node, p, sev, "a text: a string or translations such as {\"fr\": \"...\", \"en\": \"...\"}");
        return false;
    }
    for (const cJSON *entry = node->child; entry; entry = entry->next)
        if (!text_entry(L, entry, p, sev, out)) return false;
    if (!text_in(out, 0) && L->tl->lang_count > 0)
        loader_problem(L, node, LOAD_MISSING_TRANSLATION, LOAD_WARNING, p,
                       "no \"%s\" text (the default language); another translation is shown instead",
                       L->tl->langs[0]);
    return true;
}

bool fields_date(Loader *L, const cJSON *obj, const char *key, const char *path, bool required,
                 bool allow_present, LoadSeverity sev, Date *out)
{
    char p[LOAD_PATH_MAX];
    const cJSON *node = field(L, obj, key, path, required, sev, p, sizeof p);
    if (!node) return !required;
    if (cJSON_IsString(node) && date_parse(node->valuestring, allow_present, out)) return true;
    char found[80];
    loader_describe(node, found, sizeof found);
    if (cJSON_IsString(node) && strcmp(node->valuestring, "present") == 0)
        loader_problem(L, node, LOAD_BAD_DATE, sev, p, "\"present\" is only allowed as an end date");
    else
        loader_problem(L, node, LOAD_BAD_DATE, sev, p,
                       "expected an ISO date such as \"1970-03-18\", \"1970-03\" or \"1970\", found %s", found);
    return false;
}

bool fields_colour(Loader *L, const cJSON *obj, const char *key, const char *path, LoadSeverity sev,
                   Colour *out)
{
    char p[LOAD_PATH_MAX];
    const cJSON *node = field(L, obj, key, path, false, sev, p, sizeof p);
    if (!node) return true;
    /* Our format writes colours one way only: "#" and six digits. */
    const char *s = cJSON_IsString(node) ? node->valuestring : "";
    if (s[0] == '#' && strlen(s) == 7 && colour_parse_hex(s, out)) return true;
    char found[80];
    loader_describe(node, found, sizeof found);
    loader_problem(L, node, LOAD_BAD_COLOUR, sev, p, "expected a colour such as \"#0072B2\", found %s; the default colour is used",
                   found);
    return false;
}

bool fields_id(Loader *L, const cJSON *obj, const char *path, LoadSeverity sev, const char **out)
{
    char p[LOAD_PATH_MAX];
    const cJSON *node = field(L, obj, "id", path, true, sev, p, sizeof p);
    if (!node) return false;
    if (!cJSON_IsString(node)) {
        report_type(L, node, p, sev, "a string id such as \"coup-1970\"");
        return false;
    }
    if (!timeline_id_valid(node->valuestring)) {
        char found[80];
        loader_describe(node, found, sizeof found);
        loader_problem(L, node, LOAD_BAD_VALUE, sev, p,
                       "expected an id of letters, digits, '-', '_' or '.' (at most 128), found %s", found);
        return false;
    }
    return fields_copy_string(L, node, p, sev, out);
}

bool fields_array(Loader *L, const cJSON *obj, const char *key, const char *path, int max_items,
                  LoadSeverity sev, const cJSON **out)
{
    char p[LOAD_PATH_MAX];
    const cJSON *node = field(L, obj, key, path, false, sev, p, sizeof p);
    *out = NULL;
    if (!node) return true;
    if (!cJSON_IsArray(node)) {
        report_type(L, node, p, sev, "an array");
        return false;
    }
    int n = cJSON_GetArraySize(node);
    if (n > max_items) {
        loader_problem(L, node, LOAD_TOO_MANY, sev, p, "%d items; the limit is %d", n, max_items);
        return false;
    }
    *out = node;
    return true;
}

double fields_start_days(const Loader *L, const Date *d)
{
    return d->present ? L->opt.today_days : date_start_days(d);
}

double fields_end_days(const Loader *L, const Date *d)
{
    return d->present ? L->opt.today_days : date_end_days(d);
}

bool fields_display_date_approximate(const char *s)
{
    /* Also Frise's own words for "about" in Russian and Khmer: its TimelineJS writer uses them. */
    static const char *const marks[] = {"~", "c.", "ca.", "ca ", "circa", "about", "around", "vers", "env.", "около",
                                        "ប្រហែល", NULL};
    for (int i = 0; marks[i]; i++)
        if (ascii_starts_nocase(s, marks[i])) return true;
    return false;
}
