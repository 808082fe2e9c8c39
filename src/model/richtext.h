/* richtext.h: styled text as the model keeps it: a text's plain bytes, and
 * beside them the runs of it that are bold, italic or a link.
 *
 * Why runs beside the text rather than markup inside it: every reader of a
 * text (search, the cards, export, the writers, the citation) wants the
 * plain words, and a frise/1 file has no styles at all. So the text stays
 * exactly what it was, and only the view of a story and the TimelineJS
 * writer, which know about styles, ask for the runs. A text read from
 * HTML (html.h) gets them; every other text has none (Text.rich is NULL). */
#ifndef FRISE_RICHTEXT_H
#define FRISE_RICHTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* A run's style: flags, combined ("bold italic link"). RICH_ADDRESS marks
 * the " (https://...)" that html.h writes after a link's text so that the
 * address is never lost in plain text: a view where the link itself can be
 * followed may leave it out. */
enum {
    RICH_BOLD = 1,
    RICH_ITALIC = 2,
    RICH_LINK = 4,
    RICH_ADDRESS = 8
};

/* Bytes [start, end) of the text, with a style other than plain; url (in
 * the same arena) for a link or an address, else NULL. */
typedef struct RichRun {
    uint32_t start, end;
    uint8_t style;
    const char *url;
} RichRun;

/* The runs of one text: sorted by start, never overlapping, never empty;
 * what lies between them is plain. count 0 (runs NULL) for a plain text. */
typedef struct RichText {
    const RichRun *runs;
    int count;
} RichText;

/* Whether a run is an address a view that follows or lists links may
 * leave out of the text: a web one (http, https). A mailto address stays,
 * since no click opens it. */
bool rich_address_hideable(const RichRun *run);

/* The run holding byte `at`, or NULL when it is plain there (a binary search). */
const RichRun *rich_run_at(RichText rich, size_t at);

/* The first run that ends after byte `at` (count when none): where a walk
 * over the runs from `at` starts. */
int rich_first_after(RichText rich, size_t at);

/* The runs of text[0..len) (a prefix of the text), cut at len, copied into
 * the arena; a plain RichText when none remain or memory runs out. */
RichText rich_prefix(Arena *arena, RichText rich, size_t len);

#endif
