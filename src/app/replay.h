/* replay.h: input replay scripts: timed lines of text expanded into
 * InputEvents and actions on a virtual clock (tests, kiosk, presentations). */
#ifndef FRISE_REPLAY_H
#define FRISE_REPLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "input.h"

/* How a script line is expanded (docs/replay.md has the whole format). */
enum {
    REPLAY_MAX_ITEMS = 1000000,  /* a script expanding to more is rejected */
    REPLAY_TAP_MS = 80,          /* down to up of tap, click, and each half of doubletap */
    REPLAY_LONG_PRESS_MS = 800,  /* down to up of longpress */
    REPLAY_STEP_MS = 16,         /* at most this between moves of drag and pinch */
    REPLAY_PINCH_NEAR_PX = 100,  /* pinch: half the finger distance when they are closest */
    REPLAY_FINGER = 1,           /* pointer_id of the finger of tap, drag, ... */
    REPLAY_FINGER2 = 2           /* the second finger of pinch */
};
#define REPLAY_MAX_SECONDS 1e6      /* latest time a line may have */
#define REPLAY_MAX_DURATION_S 3600.0 /* longest drag or pinch */

typedef enum ReplayKind {
    REPLAY_INPUT,        /* feed input to the app */
    REPLAY_SCREENSHOT,   /* save a screenshot to path */
    REPLAY_DUMP_LAYOUT,  /* write the layout dump to path */
    REPLAY_SCREENSHOT_PRESENTER, /* save the presenter's screen (a second window) to path */
    REPLAY_DROP,         /* a file (path) dropped on the window */
    REPLAY_END           /* stop the replay (and the app) */
} ReplayKind;

typedef struct ReplayItem {
    double t_ms;         /* on the virtual clock; input.t_ms is the same */
    ReplayKind kind;
    InputEvent input;    /* REPLAY_INPUT */
    char *path;          /* the screenshots, the dump and the dropped file: owned by the Replay; else NULL */
    int line;            /* the script line it came from */
} ReplayItem;

/* A parsed script: items sorted by time (stable: same-time items keep script
 * order), and a cursor. Owns items and their paths; replay_free releases
 * them. Zero-initialised is an empty, finished replay. */
typedef struct Replay {
    ReplayItem *items;
    size_t count, cap;
    size_t cursor;       /* the next item to hand out */
} Replay;

/* Parses len bytes of script text. name is used in messages (a file name).
 * *r is overwritten (free an older script first). On success returns true
 * with the cursor at the start. On the first bad line returns false, leaves *r
 * empty and writes "NAME:LINE: message near 'TOKEN'" to err (when err_cap > 0;
 * always NUL-terminated). Never crashes on hostile text: long lines, NUL
 * bytes, NaN, negative or huge numbers are all reported this way. */
bool replay_parse(Replay *r, const char *name, const char *text, size_t len, char *err,
                  size_t err_cap);

/* Reads the file at path and parses it as replay_parse does, naming the
 * file in every message ("script.txt:3: ..." or "script.txt: cannot open: ..."). */
bool replay_load_file(Replay *r, const char *path, char *err, size_t err_cap);

/* Frees the items and paths; *r is empty afterwards (safe to call twice). */
void replay_free(Replay *r);

/* The next item due by now_ms (t_ms <= now_ms), advancing the cursor; NULL when
 * nothing is due yet or the replay is done. Call it in a loop each frame.
 * After a REPLAY_END item the replay is done, even if items remain. The item
 * stays owned by the Replay. */
const ReplayItem *replay_next_due(Replay *r, double now_ms);

/* The time of the next item, INFINITY when done; a headless run jumps its
 * virtual clock straight there. */
double replay_next_time(const Replay *r);

/* True when every item has been handed out, or a REPLAY_END was. */
bool replay_done(const Replay *r);

/* Maps an SDL-style key name with optional modifier prefixes, case-insensitive
 * ("PageDown", "ctrl+f", "shift+Tab", "ctrl+alt+shift+q", "ctrl+plus",
 * "ctrl++", "F5", "slash", "7"), to an input.h key code, and writes the MOD_
 * bits to *mods (mods may be NULL). Returns KEY_NONE (and mods 0) for an
 * unknown name. Letters map to lower case without an implied shift. */
int replay_key_from_name(const char *name, int *mods);

#endif
