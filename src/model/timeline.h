/* timeline.h: the in-memory timeline: events, eras, lanes, categories, tours.
 * Every string lives in the timeline's arena; the JSON tree is long gone. */
#ifndef FRISE_TIMELINE_H
#define FRISE_TIMELINE_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "date.h"
#include "richtext.h"
#include "style.h"

enum { TIMELINE_MAX_LANGS = 8, TIMELINE_LANG_CODE_MAX = 16 };

/* A translatable text. Most of a timeline's texts are empty or in one or
 * two languages, and an event has seven of them: so a Text is one pointer,
 * NULL when there is no text in any language, else to its slots in the
 * timeline's arena: one per language (count of them, at least the
 * timeline's languages when made), and, for texts read from HTML, the
 * bold, italic and link runs of each translation (richtext.h; rich is NULL
 * for a text plain in every language). Read with text_in and
 * timeline_text, write with text_set. */
typedef struct TextSlots {
    RichText *rich;
    int count;
    const char *by_lang[];
} TextSlots;

typedef struct Text {
    TextSlots *slots;
} Text;

typedef enum Certainty { CERTAINTY_CONFIRMED, CERTAINTY_DISPUTED, CERTAINTY_UNVERIFIED } Certainty;

typedef struct Source {
    Text title;
    const char *author;       /* may be NULL */
    const char *url;          /* may be NULL */
    const char *pages;        /* "p. 12-14", may be NULL */
    const char *publication;  /* may be NULL */
    const char *date;         /* free-form, may be NULL */
} Source;

typedef struct EventImage {
    const char *path;         /* resolved against the timeline file's folder */
    Text credit, alt;
} EventImage;

typedef struct Event {
    const char *id;
    Date start, end;
    bool has_end;
    double start_days, end_days;  /* end_days = end of the start's period without an end */
    Text title, summary, body, note;
    Text notes;                   /* the presenter's notes (optional, never shown to the audience) */
    Text display_date;            /* the date as the file words it ("Spring 1956"), shown instead of
                                   * Frise's own wording; empty for most events */
    int category;                 /* index into categories, -1 for none */
    const char **tags;
    int tag_count;
    Source *sources;
    int source_count;
    EventImage image;             /* image.path NULL when there is none */
    Certainty certainty;
    int importance;               /* EVENT_IMPORTANCE_MIN..MAX, or 0 when the file gives none */
} Event;

enum { EVENT_IMPORTANCE_MIN = 1, EVENT_IMPORTANCE_MAX = 5 };

typedef struct Category {
    const char *id;
    Text label;
    Colour colour;
    Shape shape;
} Category;

typedef struct Lane {
    const char *id;
    Text label;
} Lane;

typedef struct Era {
    const char *id;
    int lane;
    Date start, end;
    double start_days, end_days;
    Text label;
    Colour colour;
} Era;

typedef struct TourStep {
    int event;                    /* event index, or -1 for a view step */
    double from_days, to_days;    /* the view step's range */
    Text caption;
    Text notes;                   /* the presenter's notes for this step (optional) */
    double duration_s;
} TourStep;

typedef struct Tour {
    const char *id;
    Text title;
    TourStep *steps;
    int step_count;
} Tour;

typedef struct Timeline {
    Arena arena;
    Text title, description;
    Text translation_status;      /* per language: how far its translation was reviewed ("draft: ...") */
    char langs[TIMELINE_MAX_LANGS][TIMELINE_LANG_CODE_MAX];
    int lang_count;               /* langs[0] is the default language */
    Category *categories;
    int category_count;
    Lane *lanes;
    int lane_count;
    Era *eras;
    int era_count;
    Event *events;                /* sorted by start_days, then end_days, then id */
    int event_count;
    Tour *tours;
    int tour_count;
    bool has_home;
    double home_from_days, home_to_days;
    double min_days, max_days;    /* extent of the events and the home view (eras without events) */
    double max_span_days;         /* the longest event span: how far back a span on screen may start */
} Timeline;

/* Frees everything the timeline owns and zeroes it. Safe on a zeroed one. */
void timeline_free(Timeline *tl);

/* The translation in language lang (index into langs) exactly: NULL when
 * there is none (no fallback). */
const char *text_in(const Text *text, int lang);

/* Sets (or, with NULL, clears) the translation in language lang, making
 * the text's slots in tl's arena on first use. s is kept, not copied: it
 * must live as long as the timeline (in its arena, or static). False when
 * lang is out of range or memory runs out (the text is then unchanged). */
bool text_set(Timeline *tl, Text *text, int lang, const char *s);

/* The text in language lang (index into langs), falling back to the default
 * language, then to any translation; "" when there is none. */
const char *timeline_text(const Timeline *tl, const Text *text, int lang);

/* The styled runs of the very translation timeline_text gives for lang
 * (same fallback); a plain RichText (count 0) when it has none. */
RichText timeline_rich(const Timeline *tl, const Text *text, int lang);

/* Gives translation lang of text the runs rich (allocating the runs' slots
 * in tl's arena on first use; a plain rich on a plain text allocates
 * nothing). False when memory runs out (the text stays plain). */
bool timeline_set_rich(Timeline *tl, Text *text, int lang, RichText rich);

/* The event's date as the reader sees it, in language lang: its
 * display_date when the file gives one, else its start (and end) worded
 * by date_format_span in that language. */
void timeline_event_date(const Timeline *tl, const Event *ev, int lang, char *buf, size_t cap);

/* Index of a language code in tl->langs, or -1. */
int timeline_lang_index(const Timeline *tl, const char *code);

/* True when the text has no translation at all. */
bool timeline_text_empty(const Text *text);

/* An id as every format writes it: 1 to TIMELINE_ID_MAX ASCII letters,
 * digits, "_", "." or "-". False for NULL. */
enum { TIMELINE_ID_MAX = 128 };
bool timeline_id_valid(const char *id);

/* Index of the event with this id, or -1 (linear: not for per-frame use). */
int timeline_find_event(const Timeline *tl, const char *id);

/* First event index whose start_days >= t_days (binary search), 0..count. */
int timeline_lower_bound(const Timeline *tl, double t_days);

#endif
