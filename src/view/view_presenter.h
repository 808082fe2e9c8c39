/* view_presenter.h: the presenter's own screen, on a second window: the step
 * the class sees and the next one, the presenter's notes, the time elapsed
 * since the walk began and the clock. A draw list of its own, built from a
 * PresenterInfo that the present mode fills (present_presenter_info), so
 * the audience's screen and this one never share state by accident. */
#ifndef FRISE_VIEW_PRESENTER_H
#define FRISE_VIEW_PRESENTER_H

#include "view.h"

/* One side of the presenter's screen: a step, or a slide. */
typedef struct PresenterStep {
    SlideKind slide;             /* SLIDE_NONE: a step */
    int step;                    /* from 1; 0 on a slide */
    int event;                   /* the step's event, or -1 (a view step, or a slide) */
    const Text *caption;         /* may be NULL */
} PresenterStep;

typedef struct PresenterInfo {
    int tour;                    /* the walk's tour, -1 for every event */
    int step_count;
    PresenterStep now, next;     /* next.slide == SLIDE_END after the last step */
    bool has_next;               /* false on the end slide */
    const Text *step_notes;      /* the tour step's notes, may be NULL */
    const Text *event_notes;     /* the event's notes, may be NULL */
    double elapsed_s;            /* since the walk began */
    double clock_s;              /* local time of day, in seconds */
    int lang;
    Blackout blackout;           /* what the class sees */
    bool chooser_open;           /* the walk is being chosen */
} PresenterInfo;

typedef struct PresenterInput {
    const Timeline *tl;
    const PresenterInfo *info;
    const TextMeasurer *measure;
    const Theme *theme;
    float w, h;                  /* the presenter's window in pixels */
} PresenterInput;

/* Rebuilds dl (cleared first) with the presenter's screen. */
void presenter_build(DrawList *dl, const PresenterInput *in);

#endif
