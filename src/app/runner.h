/* runner.h: plays a replay script into a controller on a virtual clock, as
 * fast as the machine can, with no SDL: what it needs of pixels (screenshots,
 * a new window size) and of the app (a reload) comes through hooks. */
#ifndef FRISE_RUNNER_H
#define FRISE_RUNNER_H

#include <stdbool.h>

#include "controller.h"
#include "replay.h"

/* One frame of the virtual clock while something moves. */
enum { RUNNER_FRAME_MS = 16 };

typedef struct RunnerHooks {
    void *ctx;
    /* Saves the current frame as a PNG; NULL: screenshot lines fail. */
    bool (*screenshot)(void *ctx, const char *path);
    /* Makes the drawing surface w x h (the runner then resizes the
     * controller); NULL: only the controller is resized. */
    bool (*resize)(void *ctx, int w, int h);
    /* Acts on the controller's requests other than quit (reload,
     * full screen) and clears them; NULL: they are cleared. */
    void (*requests)(void *ctx);
} RunnerHooks;

/* Plays r to its end, its "end" line, or a quit; returns 0, or 1 when a
 * screenshot, dump or resize failed (the run stops there). */
int runner_replay(Controller *c, Replay *r, const RunnerHooks *hooks);

/* Runs flights to their end on a virtual clock (at most ten seconds), so a
 * one-frame picture of a presentation shows where its first step lands. */
void runner_settle(Controller *c);

#endif
