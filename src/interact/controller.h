/* controller.h: the whole interactive state machine, pure and clock-free:
 * input events and now_ms in; view state, camera motion and a draw list out.
 * The SDL app and the replay both drive it, which is what makes a replayed
 * session behave exactly like a live one. */
#ifndef FRISE_CONTROLLER_H
#define FRISE_CONTROLLER_H

#include <stdbool.h>
#include <stdio.h>

#include "anim.h"
#include "gesture.h"
#include "layout.h"
#include "load.h"
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
    int lang;
    double today_days;
} ControllerDesc;

/* Presentation and attract-loop stepping. */
typedef struct Stepper {
    int count;                   /* steps */
    int current;                 /* 0-based, -1 before the first */
    double step_started_ms;
} Stepper;

typedef struct Controller {
    const Timeline *tl;
    TextMeasurer measure;
    ControllerDesc desc;
    ViewState view;
    Theme theme;
    LayoutMetrics metrics;
    Regions regions;
    Layout layout;
    ViewChrome chrome;
    ViewOutput out;
    ScaleLimits limits;
    float win_w, win_h;
    bool layout_stale;           /* the view changed since layout_build */
    GestureRecognizer gestures;
    Inertia inertia;
    ZoomAnim zoom;
    bool zooming;
    double zoom_target;
    Flight flight;
    bool flying;
    double now_ms;
    double last_input_ms;
    bool dragging_overview, dragging_panel;
    /* requests to the shell */
    bool quit;
    bool toggle_fullscreen;
    /* presentation */
    Stepper steps;
    ViewMode mode_before_present;
    /* kiosk */
    double countdown_started_ms;
    double corner_press_ms;      /* when a press began in the top-left corner, or -1 */
    int corner_pointer;          /* the pointer holding that press */
    char pin_typed[16];          /* the exit PIN typed so far */
    /* explore: search and the themes filter */
    SearchIndex search;          /* folded texts, built on the first search */
    bool swallow_slash;          /* the "/" that opened the search also arrives as text */
    bool category_hidden[LOAD_MAX_LIST];
} Controller;

/* Starts on the timeline (which must outlive the controller) in a w x h window. */
void controller_init(Controller *c, const Timeline *tl, const ControllerDesc *desc, TextMeasurer measure, float w,
                     float h, double now_ms);
void controller_free(Controller *c);

/* Feeds one input event; its t_ms becomes the current time. */
void controller_input(Controller *c, const InputEvent *ev);

/* Advances animations, idle timers and auto-advance to now_ms. Returns
 * true while something moves (the shell keeps drawing frames). */
bool controller_update(Controller *c, double now_ms);

/* Milliseconds from now until a timer needs controller_update (idle, long
 * press, auto-advance), or a negative number when none is pending. */
double controller_next_timer_ms(const Controller *c);

/* Lays out and draws the current frame. */
void controller_build(Controller *c, DrawList *dl);

/* Writes the current layout as JSON (see docs/layout-dump.md). */
void controller_dump_layout(Controller *c, FILE *out);

/* Forgets every pointer held down (after a focus loss, when lifts are lost). */
void controller_reset_pointers(Controller *c);
/* Closes the search field and the themes menu. */
void controller_close_menus(Controller *c);

/* Recomputes metrics, regions and chrome after a mode, panel or size change. */
void controller_relayout(Controller *c);

/* Switches the window size. */
void controller_resize(Controller *c, float w, float h);

/* Shows [from, to] at once (no animation), as --view does. */
void controller_set_view(Controller *c, double from_days, double to_days);
/* Opens an event's detail, or closes it with -1. */
void controller_select(Controller *c, int event);
/* Opens an event's detail and brings the event into view if the panel or
 * the view hid it: a flight when animate, else at once. */
void controller_open(Controller *c, int event, bool animate);
/* The home view: the timeline's "home", else everything. */
void controller_home_range(const Controller *c, double *from_days, double *to_days);
/* Animated (or instant with reduced motion) flight to [from, to]. */
void controller_fly_to(Controller *c, double from_days, double to_days);
void controller_home(Controller *c);
/* Stops zoom, flight and inertia where they are. */
void controller_stop_motion(Controller *c);

/* The modes share one shape: enter, handle a gesture (true when taken, else
 * explore handles it), update with the time, and exit. Explore is the base
 * (explore_handle below); present and kiosk are policies on top of it.
 *
 * Presentation (mode_present.c). present_enter remembers the mode to return
 * to, closes menus and goes to the first step (or the open story's step);
 * present_exit returns. present_handle takes the clicker keys, blackout,
 * digits + Enter, and taps (next step). present_update has no timer: the
 * presenter sets the pace. present_go flies to step (wrapping around both
 * ways) and opens its event; present_go_to_event finds the first step that
 * shows event (or stays when none does). */
void present_enter(Controller *c);
void present_exit(Controller *c);
bool present_handle(Controller *c, const Gesture *g);
void present_update(Controller *c);
void present_go(Controller *c, int step);
void present_go_to_event(Controller *c, int event);

/* Kiosk (mode_kiosk.c). kiosk_enter switches to touch-sized controls and
 * resets; there is no exit but the exit gesture, which sets quit.
 * kiosk_handle swallows quit requests and locked keys, wakes from the
 * attract loop and the countdown, and runs the PIN pad; kiosk_update moves
 * idle -> countdown -> reset -> attract and the attract loop's steps, and
 * returns false (its timers come from controller_next_timer_ms).
 * kiosk_pointer watches raw pointer events for the five-second press in the
 * exit corner. kiosk_reset brings the home view, the installation's
 * language, no filter or menu, and starts the attract loop. */
void kiosk_enter(Controller *c);
bool kiosk_handle(Controller *c, const Gesture *g);
bool kiosk_update(Controller *c);
void kiosk_pointer(Controller *c, const InputEvent *ev);
void kiosk_reset(Controller *c);

/* Explore handling, shared by the other modes for what they do not take. */
void explore_handle(Controller *c, const Gesture *g);

/* Steps: the event and view of step i of the current tour (or all events). */
int controller_step_event(const Controller *c, int step);
const Text *controller_step_caption(const Controller *c, int step);
double controller_step_duration_ms(const Controller *c, int step);
void controller_step_range(const Controller *c, int step, double *from_days, double *to_days);

#endif
