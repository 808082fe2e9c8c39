/* session.h: what one person is doing with the timeline, whatever the mode:
 * the camera, the open story and the focus, the themes filter, the search,
 * the language and the look. Each piece of state lives here once; the view is
 * derived from it every frame (controller.c), never stored beside it. */
#ifndef FRISE_SESSION_H
#define FRISE_SESSION_H

#include <stdbool.h>

#include "camera.h"
#include "load.h"
#include "search.h"
#include "view.h"

typedef struct Selection {
    int selected;                /* the event whose story is open, or -1 */
    int focused;                 /* the event with the keyboard focus ring, or -1 */
    FocusKind focus_kind;        /* FOCUS_EVENT: focused has the ring; else a badge or a control has it */
    int focus_index;             /* the badge (layout cluster) or language in focus */
    int hovered;                 /* the card under the mouse, or -1 */
    /* Where the pointer rests (the mouse's last move, or a tap in an era's
     * lane, which keeps that era's whole name up): each frame finds the
     * badge or era under it for a tooltip (controller.c). */
    bool pointer_rests, era_tapped;
    float pointer_x, pointer_y;
    float panel_scroll_px;
} Selection;

enum { SESSION_MAX_TAGS = 32 };

/* What shows: categories each on or off, and at most one tag that every
 * shown event must carry. */
typedef struct Filter {
    bool category_hidden[LOAD_MAX_LIST];
    int tag;                     /* index into Session.tags, or -1 for every event */
    unsigned revision;           /* changes with every change: a cache key for layout */
} Filter;

typedef struct SearchBox {
    bool open;
    bool swallow_slash;          /* the "/" that opened it also arrives as text */
    char query[SEARCH_QUERY_MAX];
    int results[SEARCH_MAX_RESULTS];
    int count, highlight;
    SearchIndex index;           /* folded texts, built on the first search */
} SearchBox;

/* A badge opened as a list of its events (date, title, certainty), from
 * which one opens; "zoom in" is one of its rows' actions. */
typedef struct BadgeList {
    bool open;
    int *events;                 /* the badge's events, in time order (owned, reused) */
    int count, cap;
    int highlight;               /* the row under the keyboard's focus */
    int first;                   /* the first row shown (scrolling) */
    float anchor_x;              /* the badge's centre: the list stands above it */
    double from_days, to_days;   /* what "zoom in" shows */
} BadgeList;

/* The Open list (Ctrl+O): the timelines the app offers (its rows outlive
 * the list: the app owns them), from which one opens. */
typedef struct FileList {
    bool open;
    const FileChoice *rows;
    int count;
    const char *folder;          /* the folder listed */
    int highlight;               /* the row under the keyboard's focus */
    int first;                   /* the first row shown (scrolling) */
} FileList;

typedef struct Session {
    const Timeline *tl;          /* outlives the session */
    Camera camera;
    Selection sel;
    Filter filter;
    const char *tags[SESSION_MAX_TAGS]; /* the timeline's distinct tags, sorted (borrowed from tl) */
    int tag_count;
    SearchBox search;
    BadgeList badge;
    FileList files;
    int lang;                    /* index into tl->langs */
    ThemeKind theme;
    double text_scale;           /* the reader's text size, LAYOUT_TEXT_SCALE_MIN..MAX */
    bool help_open, themes_open;
    int themes_highlight;        /* the Themes menu's keyboard row (categories, then tags), or -1 */
    const char *banner;          /* a message from the app (load problems), or NULL */
    double today_days;
} Session;

/* A session on tl with nothing open, the camera over the whole extent in an
 * area of width_px. */
void session_init(Session *s, const Timeline *tl, int lang, ThemeKind theme, double today_days, bool reduced_motion,
                  double width_px);
void session_free(Session *s);

/* The home view: the timeline's "home", else everything with a margin. */
void session_home_range(const Session *s, double *from_days, double *to_days);

/* Opens an event's story (focusing it), or closes the story with -1. */
void session_select(Session *s, int event);

/* Switches language; open search results follow it. */
void session_set_language(Session *s, int lang);
void session_next_language(Session *s);

/* Text size: one step larger (steps > 0) or smaller, within the limits;
 * steps == 0 goes back to 1. */
void session_step_text_scale(Session *s, int steps);

/* Themes filter. */
void filter_toggle(Filter *f, int category);
/* Every category and every event shown (no tag filter). */
void filter_show_all(Filter *f);
/* Shows only the events carrying tag (an index into Session.tags), or
 * every event again when that tag is already the filter (or tag is -1). */
void filter_toggle_tag(Filter *f, int tag);
/* The tag the filter keeps, or NULL. */
const char *session_only_tag(const Session *s);

/* Search. */
void session_open_search(Session *s, bool by_slash);
void session_close_search(Session *s);
void session_close_menus(Session *s);

/* Opens the list of a badge's count events, centred above x: returns the
 * list's array for the caller to fill with them in time order, or NULL when
 * memory runs out (the list stays closed). */
int *session_open_badge(Session *s, int count, float x, double from_days, double to_days);
void session_close_badge(Session *s);
/* Moves the list's keyboard focus by delta rows (wrapping), keeping it among
 * the rows shown (visible of them). */
void session_badge_move(Session *s, int delta, int visible);
/* Opens the Open list on count rows of folder (closing the other menus). */
void session_open_files(Session *s, const FileChoice *rows, int count, const char *folder);
void session_close_files(Session *s);
/* As session_badge_move, for the Open list. */
void session_files_move(Session *s, int delta, int visible);
/* Runs the query again (after typing or a language change). */
void session_run_search(Session *s);
void session_search_append(Session *s, const char *text);
void session_search_backspace(Session *s);

#endif
