/* controller.h: the interactive core, pure and clock-free: input events and
 * now_ms in; a session changed by the mode in charge, and a frame out (its
 * geometry, then its draw list). The SDL app and the replay both drive it,
 * which is what makes a replayed session behave exactly like a live one.
 *
 * One geometry pass: controller_frame derives the view from the session and
 * the mode, then metrics, regions, chrome, ticks, layout and the story's
 * height, once; drawing and hit-testing both read that frame (the layout and
 * the story's height are rebuilt only when what they depend on changed). */
#ifndef FRISE_CONTROLLER_H
#define FRISE_CONTROLLER_H

#include <stdbool.h>
#include <stddef.h>

#include "gesture.h"
#include "layout.h"
#include "mode.h"
#include "mode_explore.h"
#include "mode_kiosk.h"
#include "mode_present.h"
#include "session.h"
#include "view.h"

typedef struct ControllerDesc {
    ViewMode mode;               /* VIEW_EXPLORE (0) by default */
    int tour;                    /* tour index for presenting, -1 = all events */
    double idle_ms;              /* kiosk idle before reset; 0 = 90 s */
    double countdown_ms;         /* kiosk "still there?"; 0 = 10 s */
    double exit_hold_ms;         /* kiosk corner press; 0 = 5 s */
    const char *exit_pin;        /* NULL: the corner press alone exits */
    bool reduced_motion;
    ThemeKind theme;
    bool large;                  /* LARGE layout style (projector) */
    double text_scale;           /* the reader's text size (--text-scale), 0.75..2; 0 = 1 */
    int lang;
    double today_days;
} ControllerDesc;

/* What the controller asks of the app: it clears each after acting on it. */
typedef struct Requests {
    bool quit;
    bool toggle_fullscreen;
    bool reload;                 /* read the timeline file again (Ctrl+R) */
    bool save_picture;           /* S or the header's camera: the view as a PNG in the pictures folder */
    char open_url[2048];         /* a source's URL to open in the browser ("" none; never in the kiosk) */
    char clipboard[4096];        /* text to put on the clipboard: the open story's citation ("" none) */
    bool offer_files;            /* Ctrl+O: the app runs the desktop's chooser or calls controller_show_files */
    bool file_chosen;            /* a row of the Open list was chosen: chosen_file */
    int chosen_file;
} Requests;

/* The frame's geometry: derived, never edited by hand. */
typedef struct Frame {
    ViewState view;              /* what the view shows: the session and the mode's state */
    Theme theme;
    LayoutMetrics metrics;
    Regions regions;
    ViewChrome chrome;
    Tick ticks[SCALE_MAX_TICKS];
    int tick_count;
    Layout layout;
    unsigned char layout_key[160]; /* what the layout was built from */
    float panel_content_h;       /* the open story's full height: its scroll limit */
    unsigned char panel_key[96];   /* what it was measured from */
    DrawList panel_scratch;      /* measuring the story draws it once here */
    WrapBreaker *breaker;        /* line breaking's ICU state, reused frame to frame (owned) */
    QrCache *qr_codes;           /* the kiosk's sources as QR codes, encoded once (owned) */
} Frame;

typedef struct Controller {
    const Timeline *tl;
    Rank rank;                   /* the timeline's events by importance, for layout */
    ControllerDesc desc;
    TextMeasurer measure;
    float win_w, win_h;
    Session s;
    ViewMode mode;               /* the mode in charge */
    ExploreMode explore;
    PresentMode present;
    KioskMode kiosk;
    GestureRecognizer gestures;
    double now_ms;
    double last_input_ms;
    Requests requests;
    bool image_open;             /* image_event's image shown large (panel_actions.c) */
    int image_event;             /* while it is the open story */
    bool picture_only;           /* frames for a saved picture: no hover, tooltip or focus ring */
    Frame frame;
} Controller;

/* Starts on the timeline (which must outlive the controller) in a w x h window. */
void controller_init(Controller *c, const Timeline *tl, const ControllerDesc *desc, TextMeasurer measure, float w,
                     float h, double now_ms);
void controller_free(Controller *c);

/* While on, frames show the view alone, without what only the pointer or
 * the keyboard put there (a hover, a tooltip, the focus ring): the saved
 * picture of the view must not show the button that saved it. */
void controller_picture_only(Controller *c, bool on);

/* Feeds one input event; its t_ms becomes the current time. */
void controller_input(Controller *c, const InputEvent *ev);

/* Advances motion, idle timers and auto-advance to now_ms. Returns true
 * while something moves (the shell keeps drawing frames). */
bool controller_update(Controller *c, double now_ms);

/* Milliseconds from now until a timer needs controller_update (idle, long
 * press, auto-advance), or a negative number when none is pending. */
double controller_next_timer_ms(const Controller *c);

/* The current frame's geometry, brought up to date. */
const Frame *controller_frame(Controller *c);

/* What the view reads for the current frame (call controller_frame first). */
ViewInput controller_view_input(const Controller *c);

/* Lays out and draws the current frame. */
void controller_build(Controller *c, DrawList *dl);

/* What is under (x, y) in the current frame. */
Hit controller_hit(Controller *c, float x, float y);

/* Forgets every pointer held down (after a focus loss, when lifts are lost). */
void controller_reset_pointers(Controller *c);

/* Switches the window size. */
void controller_resize(Controller *c, float w, float h);

/* Switches mode: the old one's exit, then the new one's enter. */
void controller_switch_mode(Controller *c, ViewMode mode);

/* A message from the app over the view (load problems), or NULL; the next
 * key or press dismisses it. The text must outlive its showing. */
void controller_set_banner(Controller *c, const char *text);

/* Answers requests.offer_files with the app's own list: count rows (the
 * app keeps them until the next call or until the list closes), from
 * folder. Explore only; the kiosk and a presentation never open files. */
void controller_show_files(Controller *c, const FileChoice *rows, int count, const char *folder);

/* Shows [from, to] at once (no animation), as --view does. */
void controller_set_view(Controller *c, double from_days, double to_days);
/* Animated (or instant with reduced motion) flight to [from, to]. */
void controller_fly_to(Controller *c, double from_days, double to_days);
/* Flies to the home view. */
void controller_home(Controller *c);
/* Opens an event's story, or closes it with -1. */
void controller_select(Controller *c, int event);
/* Opens an event's story and, in explore, brings the event into view if the
 * panel or the view hid it: a flight when animate, else at once. */
void controller_open(Controller *c, int event, bool animate);

/* Sets the themes filter as --category and --tag do: only the categories
 * whose ids categories_csv lists ("diplomacy,aid"; NULL or "" for every
 * category), and only the events carrying tag (compared without case or
 * accents; NULL or "" for every event). Ids and a tag the timeline does
 * not have are ignored (the caller checks them with
 * controller_filter_problem if it wants to say so). */
void controller_show_only(Controller *c, const char *categories_csv, const char *tag);

/* Why controller_show_only would ignore part of its arguments: writes a
 * message naming the first unknown category id or the unknown tag into
 * buf and returns false; true when everything is known. */
bool controller_filter_problem(const Controller *c, const char *categories_csv, const char *tag, char *buf,
                               size_t cap);

/* Shows step of a walk: opens its event and flies to its range. */
void controller_show_step(Controller *c, Stepper *walk, int step);

#endif
