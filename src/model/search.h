/* search.h: find events by words, ignoring case and accents ("hopital"
 * finds "Hôpital"), in titles first, then summaries, bodies and tags; and
 * the timeline's tags, for filtering. */
#ifndef FRISE_SEARCH_H
#define FRISE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

#include "timeline.h"

enum { SEARCH_QUERY_MAX = 96, SEARCH_MAX_RESULTS = 8 };

/* The events' texts folded once (lower case, no accents) for one language,
 * so that each keystroke is a plain substring scan. Zero-initialise; it is
 * built on the first search and again when the language changes; free with
 * search_free. */
typedef struct SearchIndex {
    Arena arena;
    const char **titles;   /* one per event */
    const char **texts;    /* summary, body, id and tags, one per event */
    int count;
    int lang;
    bool built;
} SearchIndex;

/* Folds UTF-8 text for matching into out, the caller's buffer of cap bytes
 * (out may be NULL when cap is 0); it allocates nothing. Folding ignores
 * case, accents ("Hôpital" -> "hopital", "Ёлка" -> "елка"; but "й" stays,
 * see search.c), ligatures and compatibility forms ("Œ" -> "oe", "ß" ->
 * "ss", "ﬁ" -> "fi"), the kind of dash, space and apostrophe, and invisible
 * characters (soft hyphens, zero-width spaces); Khmer and other scripts'
 * own marks stay. Malformed bytes are copied as they are. Returns the
 * length of the whole folded text, like snprintf; out gets the whole
 * characters that fit in cap - 1 bytes and a NUL (when cap > 0). */
size_t search_fold(const char *text, char *out, size_t cap);

/* The events matching query in language lang (or the default language):
 * title matches first, then the rest, each group in date order. Writes at
 * most max indices and returns how many. An empty query matches nothing. */
int search_events(const Timeline *tl, int lang, const char *query, SearchIndex *index, int *results, int max);

void search_free(SearchIndex *index);

/* Whether two tags are the same once folded. */
bool search_same_tag(const char *a, const char *b);
/* Whether ev carries tag, compared folded ("Phnom Penh" is "phnom penh"). */
bool search_event_has_tag(const Event *ev, const char *tag);

/* The timeline's distinct tags (folded duplicates once, the first spelling
 * kept), sorted by their folded text: writes at most cap pointers into the
 * timeline's own strings and returns how many. */
int search_timeline_tags(const Timeline *tl, const char **out, int cap);

#endif
