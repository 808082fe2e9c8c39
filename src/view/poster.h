/* poster.h: the whole timeline (or a range of it) laid out for print, every
 * shown event a card, the height following from the rows the cards need;
 * and its draw list, with no interactive chrome. Pure: text is measured
 * through a TextMeasurer, the pixels are the platform's (strip by strip). */
#ifndef FRISE_POSTER_H
#define FRISE_POSTER_H

#include <stdbool.h>

#include "drawlist.h"
#include "layout.h"
#include "scale.h"
#include "timeline.h"
#include "view.h"

/* Widths a poster may have, and the one it has when none is asked:
 * 7016 px is A0 (1189 mm) at 150 dpi, or A1 at 212 dpi. */
enum { POSTER_MIN_W = 2000, POSTER_MAX_W = 30000, POSTER_DEFAULT_W = 7016 };

/* The poster looks like the screen at its 1080p design sizes on a screen
 * this many pixels wide: ui = width / POSTER_DESIGN_W. Printed across A0,
 * a card title (18 px at ui 1) is 6 mm high (about 17 pt), readable from a
 * metre; summaries are 5 mm, dates 4.3 mm. The look does not depend on the
 * resolution: --width only sets how fine the print is. */
#define POSTER_DESIGN_W 3600.0f

/* More card rows than this is a sheet fifty times as tall as wide: the
 * poster is refused (POSTER_TOO_TALL) before anything is drawn. */
enum { POSTER_MAX_ROWS = 1000 };

typedef enum PosterError {
    POSTER_OK,
    POSTER_TOO_TALL,             /* needs more than POSTER_MAX_ROWS rows: rows_needed says how many (at least) */
    POSTER_OUT_OF_MEMORY
} PosterError;

typedef struct PosterDesc {
    const Timeline *tl;
    int width_px;                /* POSTER_MIN_W .. POSTER_MAX_W; 0: POSTER_DEFAULT_W */
    double from_days, to_days;   /* the range shown; from >= to: the whole timeline */
    double text_scale;           /* the reader's text size (0: 1) */
    int lang;
    const bool *category_hidden; /* per category; NULL shows every category */
    const char *only_tag;        /* NULL, or the tag every shown event carries */
    const TextMeasurer *measure;
} PosterDesc;

/* Cards are placed in time order, each in the row nearest the axis (above
 * and below alternate) where it fits beside its leader, as on screen. When
 * that would need far more rows than the cards fill (a burst of hundreds of
 * events on one day stacks a tower of rows), the rows are fixed at about
 * what the cards fill and a card may move right of its date, its leader
 * slanting to it: the fewest rows for which every card still fits inside
 * the sheet. */
typedef struct Poster {
    int width_px, height_px;
    LayoutMetrics metrics;
    Regions regions;
    TimeScale scale;
    Layout layout;               /* cards and span bars; never a cluster */
    double from_days, to_days;
    int shown;                   /* events in range that the filter shows: each has a card */
    int rows_needed;             /* POSTER_TOO_TALL: the rows it would need at least */
    bool packed;                 /* some cards moved right of their dates */
    float title_y;               /* the title's top; the range under it */
} Poster;

/* Lays the poster out into out (zeroed first; free it with poster_free,
 * also after an error). */
PosterError poster_build(Poster *out, const PosterDesc *desc);
void poster_free(Poster *p);

/* What the poster is drawn with. */
typedef struct PosterLook {
    const Timeline *tl;
    int lang;
    const Theme *theme;
    const TextMeasurer *measure;
} PosterLook;

/* The draw list of the whole poster, in poster pixels (cleared first): the
 * title and the range, the era lanes, the axis, the span bars, every card
 * with its leader. No header buttons, search, hover, focus, badges or
 * overview strip. */
void poster_draw(DrawList *dl, const Poster *p, const PosterLook *look);

#endif
