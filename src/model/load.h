/* load.h: timeline files (frise/1 JSON, TimelineJS JSON, spreadsheets as CSV) -> Timeline + LoadReport.
 * The loader never aborts on bad data: it reports every problem with its
 * file:line:col and JSON path, drops what a problem spoils, keeps the rest. */
#ifndef FRISE_LOAD_H
#define FRISE_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "timeline.h"

/* Problem codes, stable for tests and tools. */
typedef enum LoadCode {
    LOAD_OK = 0,
    LOAD_FILE_UNREADABLE,       /* missing file, a directory, no permission */
    LOAD_FILE_TOO_LARGE,
    LOAD_FILE_EMPTY,
    LOAD_BAD_ENCODING,          /* invalid UTF-8 or a NUL byte (replaced by '?') */
    LOAD_SYNTAX,                /* not JSON */
    LOAD_TOO_DEEP,              /* nesting deeper than LOAD_MAX_DEPTH */
    LOAD_NOT_OBJECT,            /* the top level is not an object */
    LOAD_BAD_FORMAT,            /* "format" missing or not "frise/1" */
    LOAD_MISSING_FIELD,
    LOAD_WRONG_TYPE,
    LOAD_BAD_DATE,
    LOAD_DATE_ORDER,            /* an end before its start */
    LOAD_BAD_COLOUR,
    LOAD_BAD_VALUE,             /* a value outside its allowed set or pattern */
    LOAD_DUPLICATE_ID,
    LOAD_UNKNOWN_REFERENCE,     /* a category, lane or event id that does not exist */
    LOAD_STRING_TOO_LONG,
    LOAD_TOO_MANY,              /* more items than the limits allow */
    LOAD_UNKNOWN_FIELD,         /* warning: ignored, most likely a typo */
    LOAD_MISSING_TRANSLATION,   /* warning: the default language is missing */
    LOAD_NO_EVENTS,             /* no events array, or no valid event at all */
    LOAD_OUT_OF_MEMORY,
    LOAD_IMAGE_REFUSED,         /* an image path leaving the folder, a device, not PNG/JPEG, too many pixels */
    LOAD_IMAGE_MISSING,         /* warning: no image file there (or unreadable); a placeholder is shown */
    LOAD_TYPOGRAPHY,            /* warning: French text with an ordinary space before ":" and the like */
    LOAD_CODE_COUNT
} LoadCode;

typedef enum LoadSeverity {
    LOAD_WARNING,   /* kept as is */
    LOAD_ERROR,     /* the item it is in was dropped or a default used */
    LOAD_FATAL      /* the whole file was rejected */
} LoadSeverity;

/* The limits, each in the table of docs/timeline-format.md ("Limits"), which
 * test_load.c reads back and compares with these. */
enum {
    LOAD_MAX_FILE_BYTES = 64 * 1024 * 1024,
    LOAD_MAX_JSON_VALUES = 2000000,  /* every string, number, object, list...: bounds the JSON tree */
    LOAD_MAX_DEPTH = 64,
    LOAD_MAX_STRING_BYTES = 65536,
    LOAD_MAX_EVENTS = 2000000,
    LOAD_MAX_LIST = 256,           /* tags, sources, categories, lanes, tour steps */
    LOAD_MAX_STORED_PROBLEMS = 1000,
    LOAD_PATH_MAX = 128,
    LOAD_MESSAGE_MAX = 256
};

typedef struct LoadProblem {
    LoadCode code;
    LoadSeverity severity;
    int line, col;                 /* 1-based; col counts characters; 0 when unknown (a line
                                    * without a column: the whole row of a sheet) */
    char path[LOAD_PATH_MAX];      /* JSON path such as "events[7].start", "" for the file */
    char message[LOAD_MESSAGE_MAX];
} LoadProblem;

typedef struct LoadReport {
    char file[512];
    LoadProblem *problems;         /* in file order */
    int count, cap;
    int total;                     /* all problems, also those beyond the stored ones */
    int dropped_events;
    bool rejected;                 /* a fatal problem: the timeline is empty */
} LoadReport;

/* A file this large keeps its texts in a spill file on disk (spill.h)
 * rather than in memory: they are most of a large timeline's size, and
 * the view shows a few at a time. */
enum { LOAD_SPILL_MIN_BYTES = 16 * 1024 * 1024 };

typedef struct LoadOptions {
    double today_days;             /* what "present" means, in t_days */
} LoadOptions;

/* Loads a file. On return *out holds every good item (empty when rejected)
 * and *report every problem; both are the caller's to free with
 * timeline_free and load_report_free. Returns false when the file was
 * rejected. *out and *report must be zeroed or freed before the call. */
bool load_timeline_file(const char *path, const LoadOptions *opt, Timeline *out, LoadReport *report);

/* The same from memory; name is used in messages, base_dir resolves images
 * (may be NULL). data need not be NUL-terminated. */
bool load_timeline_memory(const char *name, const char *data, size_t len, const char *base_dir,
                          const LoadOptions *opt, Timeline *out, LoadReport *report);

void load_report_free(LoadReport *report);

/* Whether a timeline read again (Ctrl+R) may replace the one on screen.
 * It may not when it was rejected, when it has no event, or when it has
 * problems and fewer than LOAD_RELOAD_MIN_SHARE_PERCENT percent of the
 * previous events: a half-saved or mistyped file must never empty a kiosk's
 * screen. A shorter file without problems is taken (events were removed on
 * purpose). previous_events is the count on screen now. */
enum { LOAD_RELOAD_MIN_SHARE_PERCENT = 50 };
bool load_reload_acceptable(const LoadReport *fresh, int fresh_events, int previous_events);

/* "FILE:LINE:COL: PATH: message", the format --check prints. */
size_t load_problem_format(const LoadReport *report, const LoadProblem *p, char *buf, size_t cap);

/* Stable lower-case name of a code, e.g. "bad-date". */
const char *load_code_name(LoadCode code);

/* True when the report has at least one problem of this severity or worse. */
bool load_report_has(const LoadReport *report, LoadSeverity at_least);

#endif
