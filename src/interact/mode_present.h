/* mode_present.h: presenting to a class with a clicker: steps through a tour
 * (or every event in date order), a flight to each and its story large;
 * blackout and whiteout as in slide software. */
#ifndef FRISE_MODE_PRESENT_H
#define FRISE_MODE_PRESENT_H

#include <stdbool.h>

#include "steps.h"
#include "view.h"

typedef struct Controller Controller;

typedef struct PresentMode {
    Stepper steps;
    Blackout blackout;
    char step_entry[8];          /* digits typed to jump to a step */
} PresentMode;

/* Goes to step (wrapping around both ways) and opens its event. */
void present_go(Controller *c, int step);
/* Goes to the first step that shows event; stays when none does. */
void present_go_to_event(Controller *c, int event);

#endif
