/* search.h: find events by words, ignoring case and accents ("hopital"
 * finds "Hôpital"), in titles first, then summaries, bodies and tags; and
 * the timeline's tags, for filtering. */
#ifndef FRISE_SEARCH_H
#define FRISE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

#include "timeline.h"

/* Every match is kept, up to SEARCH_MAX_RESULTS (the list scrolls). */
enum { SEARCH_QUERY_MAX = 96, SEARCH_MAX_RESULTS = 256, SEARCH_SNIPPET_MAX = 320 };

/* The events' texts folded once (lower case, no accents) for one language,
 * so that each keystroke is a plain substring scan. Zero-initialise; it is
 * built on the first search and again when the language changes; free with
 * search_free. */
typedef struct SearchIndex {
    Arena arena;
    const char **titles;   /* one per event */
    const char **texts;    /* summary, body, id and tags, one per event */
    int *order;            /* the events in the order their texts lie in memory or on disk: the
                            * order of every pass, so that a timeline on disk is read in sequence */
    unsigned char *hits;   /* per event, what the last search found: 1 its title, 2 its text */
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

/* Where an event matched a query, first found first: its title, then its
 * summary, body, tags and id (search_events' order of looking). */
typedef enum SearchField {
    SEARCH_IN_NONE, SEARCH_IN_TITLE, SEARCH_IN_SUMMARY, SEARCH_IN_BODY, SEARCH_IN_TAG, SEARCH_IN_ID
} SearchField;

/* A few words of the matching text around the match, to show under a
 * result: the text is cut at spaces, with "…" where it was cut, and
 * match_at, match_len locate the matching bytes in it (as written, accents
 * and case kept). */
typedef struct SearchSnippet {
    SearchField field;
    char text[SEARCH_SNIPPET_MAX];
    size_t match_at, match_len;
} SearchSnippet;

/* Finds query in event's texts in language lang (folded as search_events
 * folds) and writes the excerpt: about before_chars characters before the
 * match and up to total_chars in all (a title whole, as far as text
 * holds: titles are short). False (out->field SEARCH_IN_NONE,
 * text "") when nothing matches. Allocates nothing; texts are looked at up
 * to their first 4000 folded bytes. */
bool search_snippet(const Timeline *tl, int lang, int event, const char *query, int before_chars, int total_chars,
                    SearchSnippet *out);

/* Whether two tags are the same once folded. */
bool search_same_tag(const char *a, const char *b);
/* Whether ev carries tag, compared folded ("Phnom Penh" is "phnom penh"). */
bool search_event_has_tag(const Event *ev, const char *tag);

/* The timeline's distinct tags (folded duplicates once, the first spelling
 * kept), sorted by their folded text: writes at most cap pointers into the
 * timeline's own strings and returns how many. */
int search_timeline_tags(const Timeline *tl, const char **out, int cap);

#endif
