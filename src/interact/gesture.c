/* gesture.c: the gesture state machine (idle, press, drag, pinch) over InputEvents. */
#include "gesture.h"

#include <math.h>
#include <string.h>

/* ---- tuning that is not worth a config field ----------------------------- */

/* Release velocity looks at this much motion before the release... */
#define VELOCITY_WINDOW_MS 100.0
/* ...and is zero when the pointer rested this long before letting go, since a
 * finger that stopped and lifted means "put it here", not "throw". */
#define VELOCITY_REST_MS 50.0
/* Finger distances below this are treated as this, so a pinch scale is never
 * 0 or infinite when two fingers land on the same spot. */
#define PINCH_MIN_DIST_PX 1.0f

/* ---- output ----------------------------------------------------------------- */

/* The caller's buffer; gestures past its capacity go to a scratch slot and are
 * counted, so the state machine never has to care about room. */
typedef struct Out {
    Gesture *buf;
    int cap;
    int n;
    Gesture scratch;
    GestureRecognizer *g;
} Out;

static Out out_make(GestureRecognizer *g, Gesture *buf, int cap)
{
    Out o;
    memset(&o, 0, sizeof o);
    o.buf = buf;
    o.cap = buf ? cap : 0;
    o.g = g;
    return o;
}

/* A zeroed gesture of the given type in the next slot (or the scratch). */
static Gesture *emit(Out *o, GestureType type, double t_ms, bool is_touch)
{
    Gesture *ge = &o->scratch;
    if (o->n < o->cap)
        ge = &o->buf[o->n++];
    else
        o->g->dropped++;
    memset(ge, 0, sizeof *ge);
    ge->type = type;
    ge->t_ms = t_ms;
    ge->is_touch = is_touch;
    ge->scale = 1.0f;
    return ge;
}

static Gesture *emit_at(Out *o, GestureType type, double t_ms, bool is_touch, float x, float y)
{
    Gesture *ge = emit(o, type, t_ms, is_touch);
    ge->x = x;
    ge->y = y;
    return ge;
}

/* ---- configuration ------------------------------------------------------------ */

static double or_default(double v, double def)
{
    return v > 0 ? v : def; /* also catches NaN */
}

void gesture_init(GestureRecognizer *g, const GestureConfig *cfg)
{
    GestureConfig c;
    memset(&c, 0, sizeof c);
    if (cfg)
        c = *cfg;
    memset(g, 0, sizeof *g);
    g->cfg.tap_slop_px = (float)or_default(c.tap_slop_px, 10.0);
    g->cfg.tap_max_ms = or_default(c.tap_max_ms, 300.0);
    g->cfg.double_tap_ms = or_default(c.double_tap_ms, 300.0);
    g->cfg.long_press_ms = or_default(c.long_press_ms, 500.0);
    g->cfg.fling_min_px_s = (float)or_default(c.fling_min_px_s, 50.0);
    g->phase = GESTURE_PHASE_IDLE;
}

/* ---- pointers ------------------------------------------------------------------- */

static int pointer_find(const GestureRecognizer *g, const InputEvent *ev)
{
    if (g->pointer_count == 0 || g->touch != ev->is_touch)
        return -1;
    for (int i = 0; i < g->pointer_count; i++)
        if (g->pointers[i].id == ev->pointer_id)
            return i;
    return -1;
}

static void pointer_remove(GestureRecognizer *g, int i)
{
    /* Shift rather than swap: landing order decides which two fingers pinch. */
    for (int j = i; j + 1 < g->pointer_count; j++)
        g->pointers[j] = g->pointers[j + 1];
    g->pointer_count--;
}

static float distance(float ax, float ay, float bx, float by)
{
    return hypotf(bx - ax, by - ay);
}

/* Only the left button (0 when the shell does not say) acts like a finger. */
static bool is_acting_button(const InputEvent *ev)
{
    return ev->is_touch || ev->button <= 1;
}

/* ---- release velocity --------------------------------------------------------- */

static void samples_reset(GestureRecognizer *g)
{
    g->sample_next = 0;
    g->sample_count = 0;
}

static void samples_add(GestureRecognizer *g, double t_ms, float x, float y)
{
    GestureSample *s = &g->samples[g->sample_next];
    s->t_ms = t_ms;
    s->x = x;
    s->y = y;
    g->sample_next = (g->sample_next + 1) % GESTURE_SAMPLES;
    if (g->sample_count < GESTURE_SAMPLES)
        g->sample_count++;
}

/* Average velocity over the samples in the window before release_ms: for a
 * steady motion it is exact, and a single jittery sample cannot dominate. */
static void samples_velocity(const GestureRecognizer *g, double release_ms, float *vx, float *vy)
{
    *vx = *vy = 0.0f;
    if (g->sample_count < 2)
        return;
    int newest = (g->sample_next + GESTURE_SAMPLES - 1) % GESTURE_SAMPLES;
    const GestureSample *last = &g->samples[newest];
    if (release_ms - last->t_ms > VELOCITY_REST_MS)
        return;
    const GestureSample *first = last;
    for (int k = 1; k < g->sample_count; k++) {
        const GestureSample *s = &g->samples[(newest - k + GESTURE_SAMPLES) % GESTURE_SAMPLES];
        if (release_ms - s->t_ms > VELOCITY_WINDOW_MS)
            break;
        first = s;
    }
    double dt_s = (last->t_ms - first->t_ms) / 1000.0;
    if (!(dt_s > 0))
        return;
    *vx = (float)((last->x - first->x) / dt_s);
    *vy = (float)((last->y - first->y) / dt_s);
}

/* ---- press, tap, long press ------------------------------------------------------ */

static void press_begin(GestureRecognizer *g, const InputEvent *ev)
{
    g->phase = GESTURE_PHASE_PRESS;
    g->press_t_ms = ev->t_ms;
    g->press_x = ev->x;
    g->press_y = ev->y;
    g->long_fired = false;
    samples_reset(g);
    samples_add(g, ev->t_ms, ev->x, ev->y);
}

static void long_press_check(GestureRecognizer *g, double now_ms, Out *o)
{
    if (g->phase != GESTURE_PHASE_PRESS || g->long_fired)
        return;
    double due_ms = g->press_t_ms + g->cfg.long_press_ms;
    if (now_ms < due_ms)
        return;
    g->long_fired = true;
    g->has_last_tap = false;
    const GesturePointer *p = &g->pointers[0];
    emit_at(o, GESTURE_LONG_PRESS, due_ms, g->touch, p->x, p->y);
}

static bool is_second_tap(const GestureRecognizer *g)
{
    return g->has_last_tap && g->last_tap_touch == g->touch &&
           g->press_t_ms - g->last_tap_up_ms <= g->cfg.double_tap_ms &&
           distance(g->last_tap_x, g->last_tap_y, g->press_x, g->press_y) <= GESTURE_DOUBLE_TAP_SLOP_PX;
}

/* The release of a press that never became a drag. */
static void press_release(GestureRecognizer *g, double t_ms, Out *o)
{
    if (g->long_fired || t_ms - g->press_t_ms > g->cfg.tap_max_ms) {
        g->has_last_tap = false;
        return;
    }
    emit_at(o, GESTURE_TAP, t_ms, g->touch, g->press_x, g->press_y);
    if (is_second_tap(g)) {
        emit_at(o, GESTURE_DOUBLE_TAP, t_ms, g->touch, g->press_x, g->press_y);
        g->has_last_tap = false;
        return;
    }
    g->has_last_tap = true;
    g->last_tap_touch = g->touch;
    g->last_tap_up_ms = t_ms;
    g->last_tap_x = g->press_x;
    g->last_tap_y = g->press_y;
}

/* ---- drag ------------------------------------------------------------------------ */

/* Starts a drag whose deltas count from (x, y). */
static void drag_begin(GestureRecognizer *g, double t_ms, float x, float y, Out *o)
{
    g->phase = GESTURE_PHASE_DRAG;
    g->has_last_tap = false;
    g->drag_x = x;
    g->drag_y = y;
    emit_at(o, GESTURE_DRAG_START, t_ms, g->touch, x, y);
}

static void drag_motion(GestureRecognizer *g, double t_ms, float x, float y, Out *o)
{
    float dx = x - g->drag_x, dy = y - g->drag_y;
    if (dx == 0.0f && dy == 0.0f)
        return;
    Gesture *ge = emit_at(o, GESTURE_DRAG, t_ms, g->touch, x, y);
    ge->dx = dx;
    ge->dy = dy;
    g->drag_x = x;
    g->drag_y = y;
}

static void drag_end(GestureRecognizer *g, double t_ms, bool with_velocity, Out *o)
{
    Gesture *ge = emit_at(o, GESTURE_DRAG_END, t_ms, g->touch, g->drag_x, g->drag_y);
    if (with_velocity)
        samples_velocity(g, t_ms, &ge->vx, &ge->vy);
    ge->fling = hypotf(ge->vx, ge->vy) >= g->cfg.fling_min_px_s;
}

/* ---- pinch ------------------------------------------------------------------------- */

static void pinch_measure(const GestureRecognizer *g, float *mx, float *my, float *dist)
{
    const GesturePointer *a = &g->pointers[0], *b = &g->pointers[1];
    *mx = (a->x + b->x) * 0.5f;
    *my = (a->y + b->y) * 0.5f;
    float d = distance(a->x, a->y, b->x, b->y);
    *dist = d > PINCH_MIN_DIST_PX ? d : PINCH_MIN_DIST_PX;
}

/* Takes the current pair as the reference: the next PINCH is relative to the
 * fingers as they are now, which is what makes landing and lifting seamless. */
static void pinch_rebase(GestureRecognizer *g)
{
    g->phase = GESTURE_PHASE_PINCH;
    pinch_measure(g, &g->pinch_x, &g->pinch_y, &g->pinch_dist);
}

static void pinch_motion(GestureRecognizer *g, double t_ms, Out *o)
{
    float mx, my, dist;
    pinch_measure(g, &mx, &my, &dist);
    float scale = dist / g->pinch_dist;
    float dx = mx - g->pinch_x, dy = my - g->pinch_y;
    if (scale == 1.0f && dx == 0.0f && dy == 0.0f)
        return;
    Gesture *ge = emit_at(o, GESTURE_PINCH, t_ms, true, mx, my);
    ge->dx = dx;
    ge->dy = dy;
    ge->scale = scale;
    g->pinch_x = mx;
    g->pinch_y = my;
    g->pinch_dist = dist;
}

/* A finger left a pinch; pointer i is already gone from the list. */
static void pinch_lift(GestureRecognizer *g, double t_ms, int i, Out *o)
{
    if (i >= 2)
        return; /* a spare finger: the pair is unchanged */
    if (g->pointer_count >= 2) {
        pinch_rebase(g); /* a spare finger steps in */
        return;
    }
    emit(o, GESTURE_PINCH_END, t_ms, true);
    const GesturePointer *p = &g->pointers[0];
    samples_reset(g);
    samples_add(g, t_ms, p->x, p->y);
    drag_begin(g, t_ms, p->x, p->y, o);
}

/* ---- pointer events -------------------------------------------------------------- */

static void on_move(GestureRecognizer *g, const InputEvent *ev, Out *o)
{
    int i = pointer_find(g, ev);
    if (i < 0) {
        if (!ev->is_touch)
            emit_at(o, GESTURE_HOVER, ev->t_ms, false, ev->x, ev->y);
        return;
    }
    g->pointers[i].x = ev->x;
    g->pointers[i].y = ev->y;
    switch (g->phase) {
    case GESTURE_PHASE_PRESS:
        samples_add(g, ev->t_ms, ev->x, ev->y);
        if (distance(g->press_x, g->press_y, ev->x, ev->y) > g->cfg.tap_slop_px) {
            drag_begin(g, ev->t_ms, g->press_x, g->press_y, o);
            drag_motion(g, ev->t_ms, ev->x, ev->y, o);
        }
        break;
    case GESTURE_PHASE_DRAG:
        samples_add(g, ev->t_ms, ev->x, ev->y);
        drag_motion(g, ev->t_ms, ev->x, ev->y, o);
        break;
    case GESTURE_PHASE_PINCH:
        if (i < 2)
            pinch_motion(g, ev->t_ms, o);
        break;
    case GESTURE_PHASE_IDLE:
        break;
    }
}

static void on_down(GestureRecognizer *g, const InputEvent *ev, Out *o)
{
    if (!is_acting_button(ev))
        return;
    if (pointer_find(g, ev) >= 0) { /* a repeated down: treat it as motion */
        on_move(g, ev, o);
        return;
    }
    if (g->pointer_count > 0 && (g->touch != ev->is_touch || !ev->is_touch))
        return; /* the other kind of pointer owns the gesture */
    if (g->pointer_count == GESTURE_MAX_POINTERS)
        return;
    GesturePointer *p = &g->pointers[g->pointer_count++];
    p->id = ev->pointer_id;
    p->x = ev->x;
    p->y = ev->y;
    g->touch = ev->is_touch;
    if (g->pointer_count == 1) {
        press_begin(g, ev);
        return;
    }
    if (g->pointer_count > 2)
        return; /* a spare finger waits until one of the pair lifts */
    if (g->phase == GESTURE_PHASE_DRAG)
        drag_end(g, ev->t_ms, false, o); /* a pan turning into a pinch must not fling */
    g->has_last_tap = false;
    pinch_rebase(g);
}

static void on_up(GestureRecognizer *g, const InputEvent *ev, Out *o)
{
    if (!is_acting_button(ev))
        return;
    int i = pointer_find(g, ev);
    if (i < 0)
        return;
    /* Where the pointer lifts is its last motion. */
    if (g->pointers[i].x != ev->x || g->pointers[i].y != ev->y)
        on_move(g, ev, o);
    pointer_remove(g, i);
    switch (g->phase) {
    case GESTURE_PHASE_PRESS:
        press_release(g, ev->t_ms, o);
        g->phase = GESTURE_PHASE_IDLE;
        break;
    case GESTURE_PHASE_DRAG:
        drag_end(g, ev->t_ms, true, o);
        g->phase = GESTURE_PHASE_IDLE;
        break;
    case GESTURE_PHASE_PINCH:
        pinch_lift(g, ev->t_ms, i, o);
        break;
    case GESTURE_PHASE_IDLE:
        break;
    }
}

/* ---- the rest: passed straight through -------------------------------------------- */

static void on_other(const InputEvent *ev, Out *o)
{
    Gesture *ge;
    switch (ev->type) {
    case INPUT_WHEEL:
        ge = emit_at(o, GESTURE_WHEEL, ev->t_ms, ev->is_touch, ev->x, ev->y);
        ge->dx = ev->dx;
        ge->dy = ev->dy;
        ge->precise = ev->precise;
        break;
    case INPUT_KEY_DOWN:
        ge = emit(o, GESTURE_KEY, ev->t_ms, false);
        ge->key = ev->key;
        ge->mods = ev->mods;
        break;
    case INPUT_TEXT:
        ge = emit(o, GESTURE_TEXT, ev->t_ms, false);
        memcpy(ge->text, ev->text, sizeof ge->text);
        ge->text[sizeof ge->text - 1] = '\0'; /* the shell's buffer may be unterminated */
        break;
    case INPUT_QUIT:
        emit(o, GESTURE_QUIT, ev->t_ms, false);
        break;
    case INPUT_RESIZE:
        emit_at(o, GESTURE_RESIZE, ev->t_ms, false, ev->x, ev->y);
        break;
    default:
        break;
    }
}

/* ---- public ------------------------------------------------------------------------ */

int gesture_feed(GestureRecognizer *g, const InputEvent *ev, Gesture *out, int cap)
{
    Out o = out_make(g, out, cap);
    long_press_check(g, ev->t_ms, &o);
    switch (ev->type) {
    case INPUT_POINTER_DOWN:
        on_down(g, ev, &o);
        break;
    case INPUT_POINTER_MOVE:
        on_move(g, ev, &o);
        break;
    case INPUT_POINTER_UP:
        on_up(g, ev, &o);
        break;
    default:
        on_other(ev, &o);
        break;
    }
    return o.n;
}

int gesture_update(GestureRecognizer *g, double now_ms, Gesture *out, int cap)
{
    Out o = out_make(g, out, cap);
    long_press_check(g, now_ms, &o);
    return o.n;
}
