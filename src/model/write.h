/* write.h: a Timeline written out as frise/1 JSON, TimelineJS JSON or CSV,
 * for `frise convert IN OUT`.
 *
 * Each writer streams to a FILE (nothing is built whole in memory) and
 * counts what its target cannot hold in a WriteLosses, so that convert can
 * tell the teacher what was left out or moved, never silently:
 *
 *   frise/1 JSON     holds everything Frise reads. Ids that frise/1 does not
 *                    allow (a TimelineJS unique_id with spaces, the shared id
 *                    of TimelineJS eras) are rewritten: WRITE_LOSS_IDS_CHANGED.
 *   TimelineJS JSON  one language; one text per event (the summary, body,
 *                    note and sources are joined into it as HTML); no
 *                    certainty, importance, tags, lanes, category
 *                    colours or shapes, tours, home view or
 *                    presenter notes; an approximate date only as its
 *                    display_date ("c. 1960"); "present" as a fixed date.
 *   CSV, TimelineJS columns
 *                    as TimelineJS JSON, and no event ids (the rows are
 *                    numbered again when read back); an era keeps its colour
 *                    (Background), an approximate date comes back through
 *                    Display Date.
 *   CSV, Frise's plain columns
 *                    every language, events, eras (with their lanes and
 *                    colours), categories (with colours and shapes), title
 *                    and description; no tours, home view or presenter
 *                    notes; sources keep their title (first language) and
 *                    address only; lane names and source titles keep their
 *                    first language only.
 *
 * docs/spreadsheets.md ("Converting") says the same for teachers. */
#ifndef FRISE_WRITE_H
#define FRISE_WRITE_H

#include <stdbool.h>
#include <stdio.h>

#include "timeline.h"

typedef enum WriteFormat {
    WRITE_FRISE_JSON,
    WRITE_TIMELINEJS_JSON,
    WRITE_CSV,                  /* Frise's plain columns (docs/spreadsheets.md) */
    WRITE_CSV_TIMELINEJS,       /* TimelineJS's Google Sheets columns */
    WRITE_FORMAT_COUNT
} WriteFormat;

/* What a target could not hold, or held differently; stable for tests. */
typedef enum WriteLoss {
    WRITE_LOSS_TRANSLATIONS,    /* texts in languages after the first, left out */
    WRITE_LOSS_SUMMARIES,       /* summaries joined to the event's one text */
    WRITE_LOSS_NOTES,           /* notes joined to the text after "Note:" */
    WRITE_LOSS_SOURCES,         /* sources written into the text as links */
    WRITE_LOSS_SOURCE_DETAILS,  /* sources' authors, publications, dates and pages, left out */
    WRITE_LOSS_TAGS,            /* events' tags, left out */
    WRITE_LOSS_CERTAINTY,       /* disputed and unverified events shown as settled */
    WRITE_LOSS_IMPORTANCE,      /* events' importance, left out */
    WRITE_LOSS_APPROXIMATE,     /* approximate dates said only in the display date ("c. 1960") */
    WRITE_LOSS_PRESENT,         /* "present" ends written as a fixed date */
    WRITE_LOSS_CATEGORY_STYLE,  /* categories' colours, shapes and translated names (groups keep a name) */
    WRITE_LOSS_LANES,           /* lanes: every era in one band */
    WRITE_LOSS_ERA_COLOURS,     /* eras' colours, left out */
    WRITE_LOSS_TOURS,           /* tours, left out */
    WRITE_LOSS_HOME,            /* the home view, left out */
    WRITE_LOSS_PRESENTER_NOTES, /* presenter notes, left out */
    WRITE_LOSS_IDS,             /* event ids, left out (rows get new ones when read back) */
    WRITE_LOSS_IDS_CHANGED,     /* ids the target does not allow, rewritten */
    WRITE_LOSS_IMAGE_PATHS,     /* image paths outside the input's folder, written as found (Frise will refuse them) */
    WRITE_LOSS_COUNT
} WriteLoss;

/* How many items each loss touched; zero everywhere means nothing was lost. */
typedef struct WriteLosses {
    int count[WRITE_LOSS_COUNT];
} WriteLosses;

/* Zero means the default for every field. */
typedef struct WriteOptions {
    const char *image_base_dir; /* the input's folder: image paths inside it are written relative to it
                                   (as a timeline file holds them); NULL writes them as they are */
    double today_days;          /* what "present" meant when the input was read: a home view ending
                                   then is written "present"; 0: never */
    char csv_delimiter;         /* 0: ','; ';' suits French-locale spreadsheets */
    bool csv_no_bom;            /* CSV starts with a UTF-8 byte order mark, which Excel needs to read
                                   UTF-8, unless this is set */
} WriteOptions;

/* Each writer writes tl to out (opened by the caller, in binary mode for
 * CSV), adds what its target cannot hold to *losses (which the caller
 * zeroes; may be NULL), and returns false when writing failed (ferror) or
 * memory ran out; out is not closed. opt may be NULL. */
bool write_frise_json(const Timeline *tl, FILE *out, const WriteOptions *opt, WriteLosses *losses);
bool write_timelinejs_json(const Timeline *tl, FILE *out, const WriteOptions *opt, WriteLosses *losses);
/* timelinejs_columns: TimelineJS's Google Sheets layout; otherwise Frise's plain layout. */
bool write_csv(const Timeline *tl, FILE *out, bool timelinejs_columns, const WriteOptions *opt, WriteLosses *losses);

/* The writer for a format. */
bool write_timeline(WriteFormat format, const Timeline *tl, FILE *out, const WriteOptions *opt, WriteLosses *losses);

/* The format a path's extension calls for: ".csv" (and ".tsv") -> WRITE_CSV,
 * anything else -> WRITE_FRISE_JSON. A TimelineJS target is asked for by
 * name (write_format_from_name). */
WriteFormat write_format_for_path(const char *path);

/* "frise", "timelinejs", "csv", "csv-timelinejs" -> the format; false for
 * another name. */
bool write_format_from_name(const char *name, WriteFormat *out);

/* One line for convert's report: "3 tours: left out (CSV has no tours)".
 * Returns the length written (always NUL-terminated when cap > 0). */
size_t write_loss_format(WriteLoss loss, int count, WriteFormat format, char *buf, size_t cap);

/* True when every count is zero. */
bool write_losses_none(const WriteLosses *losses);

#endif
