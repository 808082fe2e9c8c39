/* mode_present.h: presenting to a class with a clicker: a walk through a tour
 * (or every event in date order), a flight to each step and its story large;
 * a title slide before the first step and an end slide after the last, so a
 * clicker's overshoot never flies the class elsewhere; blackout and whiteout
 * as in slide software; a chooser (F5 from the explorer) that picks the walk
 * and resumes the one in progress; Q asks before quitting.
 *
 * The walk's position, Stepper.current, is -1 on the title slide, 0..n-1 on
 * the steps and n on the end slide. */
#ifndef FRISE_MODE_PRESENT_H
#define FRISE_MODE_PRESENT_H

#include <stdbool.h>

#include "steps.h"
#include "view.h"
#include "view_presenter.h"

typedef struct Controller Controller;

typedef struct PresentMode {
    Stepper steps;
    Blackout blackout;
    char step_entry[8];          /* digits typed to jump to a step */
    bool started;                /* a walk was begun: re-entering resumes it */
    bool chooser;                /* F5's chooser is open */
    int chooser_row;             /* its highlighted row: tours, then "every event" */
    bool expanded;               /* the step's whole story and sources instead of its card */
    float expanded_scroll_px;    /* how far the whole story is scrolled, when it is longer than the screen */
    bool quit_confirm;           /* Q was pressed: Q again quits, anything else carries on */
    double walk_started_ms;      /* when the walk began: the presenter's elapsed time */
    int starts;                  /* walks begun since the program started (statistics) */
} PresentMode;

/* Goes to step, clamped to the title slide (-1) .. the end slide (n), and
 * opens its event. Never wraps round. */
void present_go(Controller *c, int step);
/* Goes to the first step that shows event; stays when none does. */
void present_go_to_event(Controller *c, int event);
/* Begins a walk through tour (-1: every event) at step (-1: its title slide). */
void present_begin(Controller *c, int tour, int step);

/* The slide the walk shows at its current position. */
SlideKind present_slide(const Controller *c);

/* The chooser's rows: one per tour, then "every event in date order". */
int present_chooser_rows(const Controller *c);
/* The tour a row stands for (-1 for every event). */
int present_chooser_tour(const Controller *c, int row);

/* What the presenter's own screen shows (view_presenter.h), from the walk:
 * wall_clock_s is the local time of day in seconds, for the clock. */
void present_presenter_info(const Controller *c, double wall_clock_s, PresenterInfo *out);

#endif
