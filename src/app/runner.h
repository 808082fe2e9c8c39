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
    /* The folder screenshots and dumps go in (NULL or "": the current one).
     * A script's output names are relative and stay below it (replay.c
     * checks the names); the runner also refuses to write through a
     * symbolic link or over anything but a regular file. */
    const char *out_dir;
    /* Draws the frame the controller just laid out; NULL: frames are only
     * laid out, and drawn at screenshot lines (a soak sets it to exercise
     * the text and image caches as a live run would). */
    void (*draw)(void *ctx);
    /* Saves the presenter's screen as a PNG; NULL: those lines fail. */
    bool (*screenshot_presenter)(void *ctx, const char *path);
    /* Looks at the controller after each item and update, at now_ms on the
     * virtual clock (the visitor statistics); NULL: nobody looks. */
    void (*observe)(void *ctx, double now_ms);
    /* Opens a file dropped on the window (a "drop" line); NULL: those
     * lines fail. */
    void (*drop)(void *ctx, const char *path);
} RunnerHooks;

enum { RUNNER_PATH_MAX = 4096 + 512 };

/* Plays r to its end, its "end" line, or a quit; returns 0, or 1 when a
 * screenshot, dump or resize failed, or an output was refused (the run
 * stops there, with a message on stderr). */
int runner_replay(Controller *c, Replay *r, const RunnerHooks *hooks);

/* The file an output name of a script is written to: out_dir (NULL or "":
 * the current folder) joined with name, into out. False (with the reason
 * in err) when a folder on the way or the file itself is a symbolic link,
 * or the file exists and is not a regular file (a FIFO would block, a
 * device would be written to). */
bool runner_output_path(const char *out_dir, const char *name, char *out, size_t cap, char *err, size_t err_cap);

/* Runs flights to their end on a virtual clock (at most ten seconds), so a
 * one-frame picture of a presentation shows where its first step lands. */
void runner_settle(Controller *c);

#endif
