/* load_fields.h: typed field readers shared by the frise/1 and TimelineJS walkers.
 * Each reader reports what is wrong with the field and returns false. */
#ifndef FRISE_LOAD_FIELDS_H
#define FRISE_LOAD_FIELDS_H

#include "load_internal.h"

/* A set of ids (borrowed strings) sized for a known number of items. */
typedef struct IdSet {
    const char **slots;
    size_t cap, count;
} IdSet;

bool idset_init(IdSet *set, size_t items);
/* Adds id; false when it is already there (or the set is full). */
bool idset_insert(IdSet *set, const char *id);
bool idset_contains(const IdSet *set, const char *id);
void idset_free(IdSet *set);

/* Reports fields of obj that are not in the NULL-terminated allowed list. */
void fields_check_known(Loader *L, const cJSON *obj, const char *path, const char *const *allowed);

/* A string field; absent -> *out = NULL and true unless required. */
bool fields_string(Loader *L, const cJSON *obj, const char *key, const char *path, bool required,
                   LoadSeverity sev, const char **out);
/* A Text: a string or {lang: string}. */
bool fields_text(Loader *L, const cJSON *obj, const char *key, const char *path, bool required,
                 LoadSeverity sev, Text *out);
/* A date string per date_parse. */
bool fields_date(Loader *L, const cJSON *obj, const char *key, const char *path, bool required,
                 bool allow_present, LoadSeverity sev, Date *out);
/* "#RRGGBB". A bad one is reported and leaves *out as it was (the default). */
bool fields_colour(Loader *L, const cJSON *obj, const char *key, const char *path, LoadSeverity sev,
                   Colour *out);
/* An id made of [A-Za-z0-9_.-], 1..128 characters. */
bool fields_id(Loader *L, const cJSON *obj, const char *path, LoadSeverity sev, const char **out);
/* An array field (absent: *out = NULL, true); checks the count limit. */
bool fields_array(Loader *L, const cJSON *obj, const char *key, const char *path, int max_items,
                  LoadSeverity sev, const cJSON **out);
/* A string copied into the arena, with the length limit checked. */
bool fields_copy_string(Loader *L, const cJSON *node, const char *path, LoadSeverity sev, const char **out);
/* The same into translation lang of a Text (text_set). */
bool fields_copy_text(Loader *L, const cJSON *node, const char *path, LoadSeverity sev, Text *out, int lang);

/* t_days of a date, "present" meaning today; end dates use the period's end. */
double fields_start_days(const Loader *L, const Date *d);
double fields_end_days(const Loader *L, const Date *d);

/* True when a TimelineJS display date only says the date is approximate:
 * "c. 1960", "ca. 1960", "circa 1960", "about 1960", "vers 1960", "~1960".
 * Frise then words the date itself, in the reader's language. */
bool fields_display_date_approximate(const char *s);

#endif
