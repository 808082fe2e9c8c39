/* mode.h: the one shape every mode has. A mode is policy over the shared
 * session and view: which gestures it takes, what timers it runs, and what
 * of its own state the view shows. Explore is the base: what another mode
 * does not take, explore handles. One file per mode: mode_explore.c,
 * mode_present.c, mode_kiosk.c, each owning its state struct. */
#ifndef FRISE_MODE_H
#define FRISE_MODE_H

#include <stdbool.h>

#include "gesture.h"
#include "view.h"

typedef struct Controller Controller;

typedef struct Mode {
    ViewMode id;
    /* Takes over from the previous mode (its exit has run). */
    void (*enter)(Controller *c);
    /* Hands back before another mode enters. */
    void (*exit)(Controller *c);
    /* One gesture; true when taken, false to let explore handle it. */
    bool (*handle)(Controller *c, const Gesture *g);
    /* Advances the mode's timers to c->now_ms; true while it animates. */
    bool (*update)(Controller *c);
    /* Milliseconds until update must run again, or -1 when no timer is pending. */
    double (*next_timer_ms)(const Controller *c);
    /* Writes what the view shows of the mode's own state. */
    void (*describe)(const Controller *c, ViewState *view);
} Mode;

/* The mode with this id. */
const Mode *mode_of(ViewMode id);

/* Each file's mode. */
const Mode *mode_explore(void);
const Mode *mode_present(void);
const Mode *mode_kiosk(void);

#endif
