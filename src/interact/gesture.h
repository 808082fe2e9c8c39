/* gesture.h: turns plain InputEvents into gestures (tap, drag, pinch, ...);
 * every time comes from the events or from gesture_update's now_ms. */
#ifndef FRISE_GESTURE_H
#define FRISE_GESTURE_H

#include <stdbool.h>

#include "input.h"

/* Thresholds. A zero (or negative, or NaN) field means the default, resolved
 * once by gesture_init: 10 px, 300 ms, 300 ms, 500 ms, 50 px/s. */
typedef struct GestureConfig {
    float tap_slop_px;      /* a press that moves farther is a drag */
    double tap_max_ms;      /* a press held longer is not a tap */
    double double_tap_ms;   /* from the first tap's release to the second press */
    double long_press_ms;   /* held still this long: LONG_PRESS */
    float fling_min_px_s;   /* a DRAG_END at least this fast has fling = true */
} GestureConfig;

enum {
    GESTURE_DOUBLE_TAP_SLOP_PX = 30, /* the second tap of a double tap lands this close */
    GESTURE_MAX_POINTERS = 10,       /* fingers tracked at once; more are ignored */
    GESTURE_SAMPLES = 32,            /* motion samples kept for the release velocity */
    GESTURE_MAX_PER_EVENT = 4        /* an out buffer this big never drops a gesture */
};

/* What each type carries (every gesture also has t_ms and is_touch):
 *
 *   TAP         x, y where the press began. Emitted on release, when the
 *               press stayed within tap_slop_px and lasted <= tap_max_ms.
 *   DOUBLE_TAP  x, y of the second tap. Emitted right AFTER that second TAP,
 *               in the same batch: no TAP is ever delayed or swallowed, so a
 *               tap opens a card at once and the app zooms only on
 *               DOUBLE_TAP over empty space. The second press must begin within
 *               double_tap_ms of the first release and land within
 *               GESTURE_DOUBLE_TAP_SLOP_PX of it, with the same kind of
 *               pointer. A third tap starts a new pair.
 *   LONG_PRESS  x, y now. The press stayed within the slop for long_press_ms;
 *               t_ms is exactly press time + long_press_ms. Its release is
 *               not a TAP; moving on afterwards still starts a drag.
 *   DRAG_START  x, y where the press began (hit-test what was grabbed).
 *   DRAG        x, y now; dx, dy since the previous DRAG_START/DRAG. The first
 *               DRAG includes the slop, so the sum of dx, dy over a drag is the
 *               whole motion of the pointer: content follows it exactly.
 *   DRAG_END    x, y; vx, vy release velocity in px/s (last ~100 ms of
 *               motion; 0 when the pointer rested before release); fling =
 *               speed >= fling_min_px_s. There is no separate FLING type: the
 *               app starts inertia on a DRAG_END with fling set.
 *               A drag that becomes a pinch ends with vx = vy = 0.
 *   PINCH       two fingers. x, y their midpoint now; dx, dy motion of the
 *               midpoint and scale = distance now / distance before, both since
 *               the previous PINCH (or since the second finger landed). No PINCH
 *               is sent when a finger lands, so nothing jumps. To follow the
 *               fingers exactly, pan by dx, dy (the time under the previous
 *               midpoint moves to x, y), then zoom by scale about x, y. Scales
 *               multiply to (distance at the end) / (distance at landing).
 *               Fingers report one at a time, so each finger's motion is a
 *               PINCH of its own: apply every gesture of a frame before drawing.
 *   PINCH_END   the two-finger phase is over (sent even if the fingers never
 *               moved, so it may come without a PINCH). If one finger is still
 *               down, a DRAG_START at its current position follows at once and
 *               it drags on.
 *   WHEEL       x, y pointer; dx, dy notches (SDL sign); precise (touchpad).
 *   KEY         key, mods (input.h codes).
 *   TEXT        text (UTF-8, NUL-terminated).
 *   QUIT        window close request.
 *   RESIZE      x, y = the new window size in pixels.
 *   HOVER       x, y: the mouse moved with no button down.
 *
 * The mouse (pointer_id 0) taps and drags with its left button (button 0 or 1)
 * like a finger; other buttons are ignored and the mouse never pinches. While
 * fingers are down the mouse buttons are ignored, and vice versa. */
typedef enum GestureType {
    GESTURE_NONE = 0,
    GESTURE_TAP,
    GESTURE_DOUBLE_TAP,
    GESTURE_LONG_PRESS,
    GESTURE_DRAG_START,
    GESTURE_DRAG,
    GESTURE_DRAG_END,
    GESTURE_PINCH,
    GESTURE_PINCH_END,
    GESTURE_WHEEL,
    GESTURE_KEY,
    GESTURE_TEXT,
    GESTURE_QUIT,
    GESTURE_RESIZE,
    GESTURE_HOVER
} GestureType;

/* One recognised gesture; fields a type does not use are zero (scale is 1). */
typedef struct Gesture {
    GestureType type;
    double t_ms;
    bool is_touch;
    float x, y;
    float dx, dy;
    float vx, vy;        /* DRAG_END, px/s */
    float scale;         /* PINCH */
    bool fling;          /* DRAG_END */
    bool precise;        /* WHEEL */
    int key, mods;       /* KEY */
    char text[INPUT_TEXT_MAX];
} Gesture;

/* What the pointers down are doing. */
typedef enum GesturePhase {
    GESTURE_PHASE_IDLE,   /* nothing pressed */
    GESTURE_PHASE_PRESS,  /* one pointer down, still within the slop */
    GESTURE_PHASE_DRAG,   /* one pointer down and moving */
    GESTURE_PHASE_PINCH   /* two or more fingers down */
} GesturePhase;

/* A pointer that is down: its id and where it is now. */
typedef struct GesturePointer { int id; float x, y; } GesturePointer;
/* Where the dragging pointer was when, for the release velocity. */
typedef struct GestureSample { double t_ms; float x, y; } GestureSample;

/* The recognizer's whole state, owned by the caller; nothing is allocated.
 * Read-only for callers except through the functions below. */
typedef struct GestureRecognizer {
    GestureConfig cfg;                 /* resolved: no zero fields */
    GesturePhase phase;
    bool touch;                        /* the pointers down are fingers */
    GesturePointer pointers[GESTURE_MAX_POINTERS]; /* in landing order */
    int pointer_count;
    double press_t_ms;                 /* the current press */
    float press_x, press_y;
    bool long_fired;
    float drag_x, drag_y;              /* where the previous DRAG left off */
    GestureSample samples[GESTURE_SAMPLES]; /* ring of the dragging pointer */
    int sample_next, sample_count;
    float pinch_x, pinch_y, pinch_dist; /* pointers[0..1] at the previous PINCH */
    bool has_last_tap;                 /* a tap that may become a double tap */
    bool last_tap_touch;
    double last_tap_up_ms;
    float last_tap_x, last_tap_y;
    int dropped;                       /* gestures lost to a full out buffer */
} GestureRecognizer;

/* Resets g to idle with cfg's thresholds (cfg may be NULL: all defaults). */
void gesture_init(GestureRecognizer *g, const GestureConfig *cfg);

/* Feeds one event (events must come in time order). Writes at most cap
 * gestures to out and returns how many; with cap >= GESTURE_MAX_PER_EVENT
 * none is lost (extra ones are counted in g->dropped). A pending long press
 * whose time has come by ev->t_ms is emitted first, so results do not depend
 * on how often gesture_update is called. */
int gesture_feed(GestureRecognizer *g, const InputEvent *ev, Gesture *out, int cap);

/* Emits the time-driven gestures due at now_ms (LONG_PRESS); call it once a
 * frame. Returns the number written to out (at most cap). */
int gesture_update(GestureRecognizer *g, double now_ms, Gesture *out, int cap);

#endif
