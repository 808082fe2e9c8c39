/* view.h: the whole screen as a draw list: header, era lanes, axis, cards,
 * clusters, overview strip, detail panel, help and the modes' chrome. It
 * reads the timeline, the layout and the view state, and writes nothing else. */
#ifndef FRISE_VIEW_H
#define FRISE_VIEW_H

#include <stdbool.h>

#include "drawlist.h"
#include "layout.h"
#include "scale.h"
#include "search.h"
#include "qr.h"
#include "textwrap.h"
#include "timeline.h"

typedef struct Theme {
    Colour paper, ink, muted, hairline, card, header, overview, panel, shadow, accent, today, focus;
    bool dark;
    bool outlined;     /* cards carry a hairline outline (no shadow to show their edge) */
} Theme;

/* THEME_HIGH_CONTRAST: white and yellow on black, every text at least 7:1
 * against what it stands on (WCAG AAA), a yellow focus ring. */
typedef enum ThemeKind { THEME_LIGHT, THEME_DARK, THEME_PROJECTOR, THEME_HIGH_CONTRAST } ThemeKind;
Theme view_theme(ThemeKind kind);
/* The theme called name: "light", "dark", "contrast" (also "high-contrast")
 * or "projector". False, *out untouched, for any other name. */
bool view_theme_from_name(const char *name, ThemeKind *out);
/* The theme T goes to from kind: light, dark, high contrast, light again
 * (projector goes on to dark). */
ThemeKind view_theme_next(ThemeKind kind);

typedef enum ViewMode { VIEW_EXPLORE, VIEW_PRESENT, VIEW_KIOSK } ViewMode;
typedef enum Blackout { BLACKOUT_NONE, BLACKOUT_BLACK, BLACKOUT_WHITE } Blackout;
typedef enum KioskState { KIOSK_VISITOR, KIOSK_COUNTDOWN, KIOSK_ATTRACT } KioskState;
/* What a walk shows instead of a step: its title slide (before the first
 * step) or its end slide (after the last). */
typedef enum SlideKind { SLIDE_NONE, SLIDE_TITLE, SLIDE_END } SlideKind;
/* The kiosk's exit PIN pad: waiting for digits, after a wrong code, locked. */
typedef enum PinState { PIN_ENTRY, PIN_WRONG, PIN_LOCKED } PinState;

/* What has the keyboard's focus: a card (the focused event, the default),
 * a badge, a header control or one of the open story's buttons. Tab walks
 * them (interact/mode_explore.c); the view rings the one in focus. */
typedef enum FocusKind {
    FOCUS_EVENT, FOCUS_BADGE, FOCUS_PANEL_PREV, FOCUS_PANEL_NEXT, FOCUS_PANEL_CLOSE, FOCUS_SEARCH, FOCUS_THEMES,
    FOCUS_LANG, FOCUS_HELP, FOCUS_SHOW_ALL, FOCUS_PICTURE
} FocusKind;

/* A tooltip the pointer asks for (a card's is asked by the hovered or
 * focused event): a badge's summary, an era's whole name when its label
 * is cut (on hover, or on a tap in the era's lane), or what the picture
 * button does. Zero: none. */
typedef enum TipKind { TIP_NONE, TIP_BADGE, TIP_ERA, TIP_TITLE, TIP_PICTURE } TipKind;
typedef struct ViewTip {
    TipKind kind;              /* TIP_TITLE: only as view_tooltip's answer */
    int index;                 /* the badge (layout cluster), the era or the card */
    float x, y;                /* where the pointer was */
} ViewTip;

/* A row of the Open list (Ctrl+O): a timeline file's name, its folder,
 * and whether it was opened lately (the recent ones come first). */
typedef struct FileChoice {
    const char *name;
    const char *folder;
    bool recent;
} FileChoice;

/* Everything the view shows that is not the timeline itself: derived from
 * the session and the mode for each frame (interact/controller.c), read-only
 * here. Pointers borrow from the session. */
typedef struct ViewState {
    TimeScale scale;
    int lang;
    int selected;              /* event with the detail open, or -1 */
    int focused;               /* event with the focus ring, or -1 */
    int hovered;               /* event under the mouse, or -1 */
    ViewTip tip;               /* a badge or an era under the pointer */
    FocusKind focus_kind;      /* FOCUS_EVENT: the focused card has the ring */
    int focus_index;           /* the badge (layout cluster) or language of the focus */
    int themes_highlight;      /* the Themes menu's row under the keyboard (categories, then tags), or -1 */
    bool reduced_motion;       /* shown in the help overlay */
    float panel_scroll_px;
    bool help_open;
    bool touch_ui;             /* larger close buttons, no hover */
    double today_days;
    ViewMode mode;
    /* presentation */
    int step, step_count;      /* step from 1; 0 = not stepping */
    const Text *caption;       /* tour step caption, may be NULL */
    const char *step_entry;    /* digits typed to jump to a step ("" when none) */
    Blackout blackout;
    SlideKind slide;           /* a title or end slide instead of a step */
    int slide_tour;            /* the walk's tour (index), -1: every event */
    bool story_expanded;       /* the presented story shown whole, with its sources */
    float story_scroll_px;     /* how far the expanded story is scrolled (when it overflows) */
    bool quit_confirm;         /* "press Q again to quit" */
    bool chooser_open;         /* F5's chooser: each tour, then every event */
    int chooser_row;           /* the highlighted row: tours first, then "every event" */
    int chooser_resume_row;    /* the walk in progress, or -1 */
    int chooser_resume_step;   /* its step from 1 (0: its title slide, count + 1: its end) */
    /* kiosk */
    KioskState kiosk_state;
    double countdown_s;        /* seconds left in the "still there?" countdown */
    bool pin_pad;              /* the exit PIN pad is open */
    int pin_digits;            /* digits typed so far (shown as dots) */
    PinState pin_state;
    double pin_locked_s;       /* seconds until the pad takes digits again */
    /* search (explore) */
    bool search_open;
    const char *search_query;
    const int *search_results; /* search_count event indices */
    int search_count;
    int search_highlight;
    /* a badge opened as a list of its events (explore, kiosk) */
    bool badge_open;
    const int *badge_events;   /* badge_count event indices, in time order */
    int badge_count;
    int badge_highlight;       /* the row with the keyboard focus */
    int badge_first;           /* the first row shown */
    float badge_x;             /* the badge's centre */
    /* themes: the category filter */
    bool themes_open;
    const bool *category_hidden; /* one per category; NULL shows all */
    const char *const *tags;   /* the timeline's distinct tags, tag_count of them: rows after the categories */
    int tag_count;
    int only_tag;              /* index into tags of the tag every shown event carries, or -1 */
    /* the Open list (explore): timeline files, one of which opens */
    bool files_open;
    const FileChoice *files;   /* file_count rows */
    int file_count;
    int file_highlight;        /* the row with the keyboard focus */
    int file_first;            /* the first row shown */
    const char *files_folder;  /* the folder listed */
    /* messages */
    const char *banner;        /* e.g. reload or load problems, may be NULL */
    /* the open story's image shown large over the whole window (panel_actions.c) */
    bool image_open;
} ViewState;

enum { VIEW_MAX_THEME_ROWS = 16, VIEW_MAX_TAG_ROWS = 32, VIEW_MAX_BADGE_ROWS = 12, VIEW_MAX_FILE_ROWS = 14 };

/* Clickable places, computed by view_chrome from the regions. */
typedef struct Rect { float x, y, w, h; } Rect;

typedef struct ViewChrome {
    float button_h;            /* header buttons: a touch target in the kiosk */
    float row_h;               /* menu rows and the story's buttons */
    Rect lang_button[TIMELINE_MAX_LANGS];
    int lang_count;
    Rect help_button;
    Rect picture_button;       /* saves a picture of the view (explore only); w == 0 otherwise */
    Rect panel;                /* w == 0 when closed */
    Rect panel_close, panel_prev, panel_next;
    Rect panel_body;           /* the scrolling part */
    Rect overview;
    Rect countdown_dialog;     /* kiosk "still there?" */
    Rect countdown_button;     /* its "I'm still here" */
    Rect pin_keys[12];         /* 1-9, cancel, 0, enter; w == 0 when the pad is closed */
    Rect search_button, search_field;
    Rect search_rows[SEARCH_MAX_RESULTS]; /* by result; w == 0 for the rows scrolled out of the list */
    Rect search_list;          /* the results' box, its count on top: w == 0 when closed or empty */
    int search_first, search_shown; /* the rows shown: results search_first + i, i < search_shown */
    Rect themes_button;
    Rect theme_rows[VIEW_MAX_THEME_ROWS]; /* one per category */
    int theme_row_count;
    Rect tag_rows[VIEW_MAX_TAG_ROWS];     /* below them, one per tag (as many as fit) */
    int tag_row_count;
    Rect badge_list;           /* the open badge's list: w == 0 when closed */
    Rect badge_zoom;           /* its "zoom in" row */
    Rect badge_rows[VIEW_MAX_BADGE_ROWS]; /* rows shown: events badge_first + i */
    int badge_row_count;
    Rect show_all_button;      /* "Show all" when every theme is hidden; w == 0 otherwise */
    Rect file_list;            /* the Open list's box: w == 0 when closed */
    Rect file_rows[VIEW_MAX_FILE_ROWS]; /* rows shown: files file_first + i */
    int file_row_count;
} ViewChrome;

typedef enum HitKind {
    HIT_NONE, HIT_CARD, HIT_CLUSTER, HIT_LANG, HIT_HELP, HIT_PANEL_CLOSE, HIT_PANEL_PREV, HIT_PANEL_NEXT,
    HIT_PANEL, HIT_OVERVIEW, HIT_HEADER, HIT_TIMELINE, HIT_PIN_KEY, HIT_SEARCH_BUTTON, HIT_SEARCH_FIELD,
    HIT_SEARCH_RESULT, HIT_THEMES_BUTTON, HIT_THEME_ROW, HIT_BADGE_ROW, HIT_BADGE_ZOOM, HIT_BADGE_LIST,
    HIT_TAG_ROW, HIT_SHOW_ALL, HIT_PICTURE, HIT_FILE_ROW, HIT_FILE_LIST
} HitKind;

typedef struct Hit {
    HitKind kind;
    int index;                 /* card, cluster, language or row index (a badge row: into badge_events; a file row: into files) */
} Hit;

typedef struct ViewInput {
    const Timeline *tl;
    const ViewState *state;
    const Layout *layout;
    const Regions *regions;
    const LayoutMetrics *metrics;
    const TextMeasurer *measure;
    const Theme *theme;
    const ViewChrome *chrome;
    const Tick *ticks;         /* the axis ticks, from view_ticks */
    int tick_count;
    WrapBreaker *breaker;      /* line breaking's reused ICU state; NULL: a temporary one per text */
    QrCache *qr_codes;         /* the kiosk's QR codes, kept frame to frame; NULL: encoded per draw */
} ViewInput;

/* A story shown to be read from afar, not explored: presentation steps and
 * the kiosk's attract loop. It shows the summary large and never scrolls. */
bool view_story_is_shown_not_explored(const ViewState *s);

/* Width of the side panel for a window width (0 when none is open). */
float view_panel_width(float window_w, float ui, const ViewState *state);

ViewChrome view_chrome(const Timeline *tl, const ViewState *s, const Regions *r, const LayoutMetrics *m,
                       const TextMeasurer *tm);

/* What is under (x, y). */
Hit view_hit(const ViewInput *in, float x, float y);

/* The axis ticks for the view (at most SCALE_MAX_TICKS into ticks); returns
 * how many. One definition of their spacing, for drawing and for the dump. */
int view_ticks(const Timeline *tl, const ViewState *s, const LayoutMetrics *m, const TextMeasurer *tm, Tick *ticks);

/* Rebuilds the draw list for one frame (cleared first). */
void view_build(DrawList *dl, const ViewInput *in);
/* Appends the timeline alone, for a poster (poster.h): the era lanes, the
 * axis and its labels, the span bars, the cards and their leaders, inside
 * the regions' timeline area; no header, overview, tooltip, panel or
 * menu. The state is read only for its scale and language. */
void view_draw_poster_timeline(DrawList *dl, const ViewInput *in);

/* The next event shown by the themes filter after (delta 1) or before (-1)
 * the selected one, or -1. */
int view_neighbour(const Timeline *tl, const ViewState *s, int delta);
/* Whether the filter shows event e (its category on, the tag on it). */
bool view_event_shown(const Timeline *tl, const ViewState *s, int e);

/* Whether the themes filter hides every category (the timeline then says
 * so, with a "Show all" button). */
bool view_all_themes_hidden(const Timeline *tl, const ViewState *s);

/* Card titles take up to LAYOUT card_title_max_lines lines where the card
 * has room; how many lines card c gives its title. */
int view_card_title_lines(const ViewInput *in, const LayoutCard *c);
/* The one tooltip the frame shows (kind TIP_NONE when none): the badge
 * under the pointer (date range, count, first titles), the era under it
 * when its label is cut, else the hovered (or focused) card whose title is
 * cut. For drawing and for the layout dump. */
ViewTip view_tooltip(const ViewInput *in);
/* Whether card c's title is cut (ends with an ellipsis): its tooltip then
 * shows it whole on hover or focus. */
bool view_card_title_cut(const ViewInput *in, const LayoutCard *c);

/* A badge's count as it fits a badge: "+7", "+999", "1.6k", "16k", "1.2M"
 * (rounded down, so a badge never claims more than it holds). */
void view_count_label(int count, char *out, size_t cap);

/* The "?" mark of a disputed or unverified event, its right edge at
 * right_x (nothing for a confirmed one). */
void view_certainty_mark(DrawList *dl, const ViewInput *in, const Event *ev, float right_x, float y);

/* The era of lane at time t, or -1. */
int view_era_at(const Timeline *tl, int lane, double t_days);

/* Helpers shared by the view's drawing files. */
Colour view_mix(Colour a, Colour b, float t);
Colour view_alpha(Colour c, uint8_t a);
float view_line_height(const ViewInput *in, FontFace face, int size);
float view_text_width(const ViewInput *in, const char *s, FontFace face, int size);
/* A filled rounded rect, and its outline px wide; NULL when out of memory. */
DrawCmd *view_fill(DrawList *dl, float x, float y, float w, float h, float radius, Colour c);
DrawCmd *view_stroke(DrawList *dl, float x, float y, float w, float h, float radius, float px, Colour c);
/* The keyboard's focus ring around a box: thicker than a selection outline,
 * a few pixels outside it, in the theme's focus colour (never the ink). */
void view_focus_ring(DrawList *dl, const ViewInput *in, float x, float y, float w, float h, float radius);
void view_text_line(DrawList *dl, const ViewInput *in, const char *s, FontFace face, int size, float x, float y,
                    float max_w, Colour colour);
/* Wrapped text, at most max_lines lines (the last one ends with an
 * ellipsis when the text goes on); returns the height used. */
float view_text_block(DrawList *dl, const ViewInput *in, const char *s, FontFace face, int size, float x, float y,
                      float max_w, int max_lines, float line_h, Colour colour);
/* The height view_text_block would use, without drawing. */
float view_text_height(const ViewInput *in, const char *s, FontFace face, int size, float max_w, int max_lines,
                       float line_h);
/* Height of the tour caption band for a width, 0 when there is none. */
float view_caption_height(const ViewInput *in, float w);
/* Draws the detail panel; returns its content height (the same layout
 * measures it: the frame draws it once into a scratch list for that). */
float view_draw_panel(DrawList *dl, const ViewInput *in);

/* What can be clicked inside the open story's scrolling text, in window
 * pixels for the current scroll (the panel's layout, measured without
 * drawing): each line of each source's URL, each piece of a link in the
 * story's text, and the image's box. */
enum { VIEW_MAX_PANEL_LINKS = 48 };
typedef struct PanelLink {
    Rect r;                    /* one line of a URL, or one piece of a link's text */
    int source;                /* index into the event's sources; -1 for a link in the story's text */
    const char *url;           /* the address it opens (the timeline's) */
} PanelLink;
typedef struct PanelTargets {
    PanelLink links[VIEW_MAX_PANEL_LINKS];
    int link_count;
    Rect image;                /* w == 0 when the story has no image (or it is not in the panel) */
} PanelTargets;
/* Fills out for the open story in the side panel (or the kiosk's story
 * card); empty when none is open or the story is presented. Clipped to
 * the panel's scrolling part: a target scrolled out of sight is left out. */
void view_panel_targets(const ViewInput *in, PanelTargets *out);

/* How a styled text (richtext.h) is drawn: bold and italic runs in their
 * faces, links in link_colour. Where a click follows them (links_followed)
 * they are underlined and each piece of one is recorded in targets (when
 * not NULL). The " (address)" after a link is left out where the link is
 * followed or listed with the sources (hide_addresses), and kept, in
 * link_colour, where it is not (a presented card), so nothing is lost. */
typedef struct RichDraw {
    RichText rich;
    bool links_followed;
    bool hide_addresses;
    Colour link_colour;
    PanelTargets *targets;
} RichDraw;
/* view_text_block for styled text; rich NULL (or no runs) draws it plain.
 * dl may be NULL: then it only measures (and records targets). */
float view_rich_block(DrawList *dl, const ViewInput *in, const char *s, const RichDraw *rich, FontFace face, int size,
                      float x, float y, float max_w, int max_lines, float line_h, Colour colour);
void view_draw_overlays(DrawList *dl, const ViewInput *in);
/* The search field, its results and the themes menu (view_menus.c). */
void view_draw_menus(DrawList *dl, const ViewInput *in);
void view_chrome_menus(ViewChrome *c, const Timeline *tl, const ViewState *s, const Regions *r,
                       const LayoutMetrics *m, const TextMeasurer *tm, float right_x);

#endif
