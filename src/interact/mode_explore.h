/* mode_explore.h: exploring with a mouse, touchpad, touch or keyboard; the
 * base that the other modes fall back on. */
#ifndef FRISE_MODE_EXPLORE_H
#define FRISE_MODE_EXPLORE_H

#include <stdbool.h>

#include "gesture.h"

typedef struct Controller Controller;

typedef struct ExploreMode {
    bool dragging_overview;      /* a drag that began in the overview strip */
    bool dragging_panel;         /* a drag that began in the story panel: scrolls it */
} ExploreMode;

/* Explore's handling of a gesture, shared by the other modes for what they
 * do not take. */
void explore_handle(Controller *c, const Gesture *g);

#endif
