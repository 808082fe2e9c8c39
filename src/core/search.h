/* search.h: find events by words, ignoring case and accents ("hopital"
 * finds "Hôpital"), in titles first, then summaries and bodies. */
#ifndef FRISE_SEARCH_H
#define FRISE_SEARCH_H

#include <stddef.h>

#include "timeline.h"

enum { SEARCH_QUERY_MAX = 96, SEARCH_MAX_RESULTS = 8 };

/* Reusable scratch memory for folding long texts; zero-initialise, free
 * with search_free. */
typedef struct SearchScratch {
    char *buf;
    size_t cap;
} SearchScratch;

/* Folds UTF-8 text to lower case without diacritics into out (NUL-terminated;
 * at most cap bytes). Returns the length written. */
size_t search_fold(const char *text, char *out, size_t cap);

/* The events matching query in language lang (or the default language):
 * title matches first, then the rest, each group in date order. Writes at
 * most max indices and returns how many. An empty query matches nothing. */
int search_events(const Timeline *tl, int lang, const char *query, SearchScratch *scratch, int *results, int max);

void search_free(SearchScratch *scratch);

#endif
