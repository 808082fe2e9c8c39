/* load_internal.h: what the loader's files share (not for other modules). */
#ifndef FRISE_LOAD_INTERNAL_H
#define FRISE_LOAD_INTERNAL_H

#include <cjson/cJSON.h>

#include "load.h"

/* A problem waiting for its location: the node it is about. */
typedef struct PendingLocation {
    const cJSON *node;
    int problem;          /* index into report->problems */
} PendingLocation;

typedef struct LineCursor {
    size_t offset;
    int line, col;
} LineCursor;

/* Where the "events" array of a JSON file sits, when its events are read
 * one at a time (load_feed.c). */
typedef struct EventsSpan {
    bool streamed;
    size_t start, end;    /* the array's '[' and just past its ']' */
    int count;            /* its elements */
} EventsSpan;

typedef struct Loader {
    const char *name;
    const char *text;     /* the JSON text after encoding repair */
    size_t len;
    const char *base_dir;
    char *base_real;      /* base_dir with its links resolved (malloc'd), once an image asks */
    bool base_real_tried;
    LoadOptions opt;
    Timeline *tl;
    LoadReport *report;
    PendingLocation *pending;
    int pending_count, pending_cap;
    LineCursor cursor;
    EventsSpan events;
    bool may_discard;     /* the text's read events may be given back to the system */
    size_t discarded_to;  /* they were, up to here (from events.start) */
    LineCursor resume;    /* the line and column at discarded_to */
    char *shell;          /* the text with the events array left out ("[]"), while streamed */
    size_t shell_len;
} Loader;

/* Records a problem about node (NULL: no location) at a JSON path. */
void loader_problem(Loader *L, const cJSON *node, LoadCode code, LoadSeverity sev, const char *path,
                    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Describes a JSON value for messages: "\"18/03/1970\"", "the number 12", "an object". */
void loader_describe(const cJSON *node, char *buf, size_t cap);

/* Joins a path and a key or index: "events[3]" + "title" -> "events[3].title". */
void loader_path_key(char *out, size_t cap, const char *path, const char *key);
void loader_path_index(char *out, size_t cap, const char *path, int index);

/* An image path as written in the file (raw, from the string node at JSON
 * path `path`): relative, without "..", and, when the file came from disk,
 * a regular PNG or JPEG file inside the timeline's folder (links resolved)
 * within the image limits (imagehdr.h). Returns true with *out the path to
 * open (joined to the folder, in the arena), also for a missing file, which
 * is a warning (the placeholder shows, and the image appears once the file
 * is there). Returns false with *out NULL when the path is refused; the
 * problem is an error about the image only, the event stays. */
bool loader_image_path(Loader *L, const cJSON *node, const char *path, const char *raw, const char **out);
/* Frees what loader_image_path keeps between calls. */
void loader_paths_free(Loader *L);

/* A timeline read from a file of file_bytes keeps its texts on disk when
 * the file is large (LOAD_SPILL_MIN_BYTES) and a spill file can be made. */
void loader_spill_large_texts(Timeline *tl, long long file_bytes);

/* Line and column (in characters) of a byte offset of L->text. Asked in
 * increasing order it counts each byte once. */
void loader_line_col(Loader *L, size_t offset, int *line, int *col);

/* Over JSON text that passed the syntax check, from position i (len bytes
 * in all): past spaces; from a string's opening quote to just past its
 * closing one; from a value's first byte to just past it (load_feed.c). */
size_t json_skip_space(const char *t, size_t i, size_t len);
size_t json_skip_string(const char *t, size_t i, size_t len);
size_t json_skip_value(const char *t, size_t i, size_t len);

/* ---- the events, one at a time (load_feed.c) ---------------------------------- */

/* True when the text (valid JSON, from start past any byte order mark) is
 * an object whose first "events" member is an array: *out then says where. */
bool loader_find_events(const char *text, size_t len, size_t start, EventsSpan *out);
/* Makes L->shell from L->text and L->events; false when memory runs out. */
bool loader_build_shell(Loader *L);

/* The events handed out one at a time: from the tree when it holds them,
 * else parsed from the text one by one, each freed (its problems given
 * their places first) when the next one is asked for. */
typedef struct EventFeed {
    const cJSON *array;   /* the array in the tree (empty when streamed): problems about the list */
    int count;
    const cJSON *next;    /* not streamed: the next element */
    size_t pos;           /* streamed: where the next element starts */
    cJSON *current;       /* streamed: the element handed out last */
    size_t current_at;
    int pending_mark;     /* L->pending_count when it was handed out */
} EventFeed;
void loader_events_begin(Loader *L, const cJSON *array, EventFeed *f);
/* The next event, or NULL after the last. */
const cJSON *loader_events_next(Loader *L, EventFeed *f);
/* Done with the feed, whether or not every event was asked for. */
void loader_events_end(Loader *L, EventFeed *f);
/* Gives the problems recorded since pending index from, about nodes of the
 * subtree node whose text starts at offset, their places, then forgets
 * them: the subtree is about to be freed and its addresses reused. */
void loader_settle_subtree(Loader *L, const cJSON *node, size_t offset, int from);

/* Walks a frise/1 document into L->tl. */
void load_frise(Loader *L, const cJSON *root);
/* Walks a TimelineJS document into L->tl. */
void load_timelinejs(Loader *L, const cJSON *root);
/* True when root looks like a TimelineJS file (no "format", its first
 * event with a start_date). */
bool load_is_timelinejs(Loader *L, const cJSON *root);

/* Sorts events, computes the extent; shared by both formats. */
void load_finish_timeline(Loader *L);

#endif
