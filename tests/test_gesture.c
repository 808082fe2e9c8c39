/* test_gesture.c: specifications of the gesture recognizer, driven by timed events. */
#include "gesture.h"
#include "test.h"

#include <stdbool.h>

/* ---- helpers: a recognizer with a log of everything it emitted ----------- */

enum { LOG_MAX = 512 };

typedef struct Log {
    GestureRecognizer g;
    Gesture items[LOG_MAX];
    int count;
} Log;

static Log *log_init(Log *l, const GestureConfig *cfg)
{
    memset(l, 0, sizeof *l);
    gesture_init(&l->g, cfg);
    return l;
}

static int feed(Log *l, InputType type, double t, int id, float x, float y)
{
    InputEvent ev;
    memset(&ev, 0, sizeof ev);
    ev.type = type;
    ev.t_ms = t;
    ev.pointer_id = id;
    ev.is_touch = id != 0;
    ev.button = id == 0 ? 1 : 0;
    ev.x = x;
    ev.y = y;
    int n = gesture_feed(&l->g, &ev, &l->items[l->count], LOG_MAX - l->count);
    l->count += n;
    return n;
}

static int feed_event(Log *l, const InputEvent *ev)
{
    int n = gesture_feed(&l->g, ev, &l->items[l->count], LOG_MAX - l->count);
    l->count += n;
    return n;
}

static int update(Log *l, double now)
{
    int n = gesture_update(&l->g, now, &l->items[l->count], LOG_MAX - l->count);
    l->count += n;
    return n;
}

static int count_type(const Log *l, GestureType type)
{
    int n = 0;
    for (int i = 0; i < l->count; i++)
        n += l->items[i].type == type;
    return n;
}

static const Gesture *find_type(const Log *l, GestureType type)
{
    for (int i = 0; i < l->count; i++)
        if (l->items[i].type == type)
            return &l->items[i];
    return NULL;
}

static const Gesture *last_of(const Log *l, GestureType type)
{
    for (int i = l->count - 1; i >= 0; i--)
        if (l->items[i].type == type)
            return &l->items[i];
    return NULL;
}

/* A finger moving in a straight line from (x0,y0) to (x1,y1), a move every
 * step_ms, starting with a down at t0 and (if lift) an up at the end. */
static double stroke(Log *l, int id, double t0, float x0, float y0, float x1, float y1,
                     double dur_ms, double step_ms, bool lift)
{
    feed(l, INPUT_POINTER_DOWN, t0, id, x0, y0);
    int n = (int)ceil(dur_ms / step_ms);
    for (int k = 1; k <= n; k++) {
        double f = (double)k / n;
        feed(l, INPUT_POINTER_MOVE, t0 + dur_ms * f, id, (float)(x0 + (x1 - x0) * f),
             (float)(y0 + (y1 - y0) * f));
    }
    if (lift)
        feed(l, INPUT_POINTER_UP, t0 + dur_ms, id, x1, y1);
    return t0 + dur_ms;
}

/* ---- configuration ---------------------------------------------------------- */

static void zero_config_fields_mean_the_documented_defaults(void)
{
    GestureRecognizer g;
    gesture_init(&g, NULL);
    CHECK_NEAR(g.cfg.tap_slop_px, 10, 0);
    CHECK_NEAR(g.cfg.tap_max_ms, 300, 0);
    CHECK_NEAR(g.cfg.double_tap_ms, 300, 0);
    CHECK_NEAR(g.cfg.long_press_ms, 500, 0);
    CHECK_NEAR(g.cfg.fling_min_px_s, 50, 0);
    GestureConfig c = {.tap_slop_px = 25, .long_press_ms = 900};
    gesture_init(&g, &c);
    CHECK_NEAR(g.cfg.tap_slop_px, 25, 0);
    CHECK_NEAR(g.cfg.long_press_ms, 900, 0);
    CHECK_NEAR(g.cfg.tap_max_ms, 300, 0);
}

/* ---- tap ------------------------------------------------------------------------- */

static void tap_is_a_short_press_without_movement(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 1000, 1, 100, 200);
    feed(l, INPUT_POINTER_MOVE, 1040, 1, 104, 203); /* 5 px: within the slop */
    feed(l, INPUT_POINTER_UP, 1080, 1, 104, 203);
    CHECK_INT(l->count, 1);
    CHECK_INT(l->items[0].type, GESTURE_TAP);
    CHECK_NEAR(l->items[0].x, 100, 0); /* where the press began */
    CHECK_NEAR(l->items[0].y, 200, 0);
    CHECK_NEAR(l->items[0].t_ms, 1080, 0);
    CHECK(l->items[0].is_touch);
}

static void press_moving_beyond_the_slop_is_a_drag_not_a_tap(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 1, 100, 100);
    feed(l, INPUT_POINTER_MOVE, 30, 1, 111, 100); /* 11 px > 10 */
    feed(l, INPUT_POINTER_UP, 60, 1, 111, 100);
    CHECK_INT(count_type(l, GESTURE_TAP), 0);
    CHECK_INT(count_type(l, GESTURE_DRAG_START), 1);
    CHECK_INT(count_type(l, GESTURE_DRAG_END), 1);
}

static void movement_exactly_at_the_slop_is_still_a_tap(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 1, 100, 100);
    feed(l, INPUT_POINTER_MOVE, 30, 1, 106, 108); /* exactly 10 px */
    feed(l, INPUT_POINTER_UP, 60, 1, 106, 108);
    CHECK_INT(count_type(l, GESTURE_TAP), 1);
    CHECK_INT(count_type(l, GESTURE_DRAG_START), 0);
}

static void press_held_longer_than_tap_max_is_not_a_tap(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 1, 100, 100);
    feed(l, INPUT_POINTER_UP, 301, 1, 100, 100);
    CHECK_INT(l->count, 0);
    l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 1, 100, 100);
    feed(l, INPUT_POINTER_UP, 300, 1, 100, 100);
    CHECK_INT(count_type(l, GESTURE_TAP), 1);
}

static void mouse_left_click_taps_and_is_not_touch(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 0, 50, 60);
    feed(l, INPUT_POINTER_UP, 80, 0, 50, 60);
    CHECK_INT(l->count, 1);
    CHECK_INT(l->items[0].type, GESTURE_TAP);
    CHECK(!l->items[0].is_touch);
}

static void mouse_right_button_is_ignored(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    InputEvent ev;
    memset(&ev, 0, sizeof ev);
    ev.type = INPUT_POINTER_DOWN;
    ev.button = 3;
    ev.x = 10;
    ev.y = 10;
    feed_event(l, &ev);
    ev.type = INPUT_POINTER_UP;
    ev.t_ms = 50;
    feed_event(l, &ev);
    CHECK_INT(l->count, 0);
}

/* ---- double tap -------------------------------------------------------------------- */

static void double_tap_follows_the_second_tap_within_the_window(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 1, 300, 300);
    feed(l, INPUT_POINTER_UP, 80, 1, 300, 300);
    feed(l, INPUT_POINTER_DOWN, 200, 1, 310, 305);
    feed(l, INPUT_POINTER_UP, 280, 1, 310, 305);
    CHECK_INT(l->count, 3);
    CHECK_INT(l->items[0].type, GESTURE_TAP);
    CHECK_INT(l->items[1].type, GESTURE_TAP);
    CHECK_INT(l->items[2].type, GESTURE_DOUBLE_TAP);
    CHECK_NEAR(l->items[2].x, 310, 0);
    CHECK_NEAR(l->items[2].y, 305, 0);
}

static void second_tap_after_the_window_is_just_a_tap(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 1, 300, 300);
    feed(l, INPUT_POINTER_UP, 80, 1, 300, 300);
    feed(l, INPUT_POINTER_DOWN, 381, 1, 300, 300); /* 301 ms after the release */
    feed(l, INPUT_POINTER_UP, 450, 1, 300, 300);
    CHECK_INT(count_type(l, GESTURE_TAP), 2);
    CHECK_INT(count_type(l, GESTURE_DOUBLE_TAP), 0);
}

static void second_tap_at_the_window_edge_still_counts(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 1, 300, 300);
    feed(l, INPUT_POINTER_UP, 80, 1, 300, 300);
    feed(l, INPUT_POINTER_DOWN, 380, 1, 300, 300); /* exactly 300 ms */
    feed(l, INPUT_POINTER_UP, 450, 1, 300, 300);
    CHECK_INT(count_type(l, GESTURE_DOUBLE_TAP), 1);
}

static void second_tap_far_from_the_first_is_not_a_double_tap(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 1, 300, 300);
    feed(l, INPUT_POINTER_UP, 80, 1, 300, 300);
    feed(l, INPUT_POINTER_DOWN, 150, 1, 331, 300); /* 31 px away */
    feed(l, INPUT_POINTER_UP, 200, 1, 331, 300);
    CHECK_INT(count_type(l, GESTURE_TAP), 2);
    CHECK_INT(count_type(l, GESTURE_DOUBLE_TAP), 0);
}

static void third_quick_tap_starts_a_new_pair(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    for (int k = 0; k < 4; k++) {
        feed(l, INPUT_POINTER_DOWN, k * 150.0, 1, 300, 300);
        feed(l, INPUT_POINTER_UP, k * 150.0 + 60, 1, 300, 300);
    }
    CHECK_INT(count_type(l, GESTURE_TAP), 4);
    CHECK_INT(count_type(l, GESTURE_DOUBLE_TAP), 2);
}

static void a_drag_between_taps_breaks_the_double_tap(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 1, 300, 300);
    feed(l, INPUT_POINTER_UP, 50, 1, 300, 300);
    stroke(l, 1, 60, 300, 300, 360, 300, 50, 10, true);
    feed(l, INPUT_POINTER_DOWN, 130, 1, 300, 300);
    feed(l, INPUT_POINTER_UP, 180, 1, 300, 300);
    CHECK_INT(count_type(l, GESTURE_DOUBLE_TAP), 0);
}

/* ---- long press ----------------------------------------------------------------------- */

static void long_press_fires_from_update_at_the_right_time(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 1000, 1, 200, 200);
    CHECK_INT(update(l, 1250), 0);
    CHECK_INT(update(l, 1499.9), 0);
    CHECK_INT(update(l, 1516), 1);
    CHECK_INT(l->items[0].type, GESTURE_LONG_PRESS);
    CHECK_NEAR(l->items[0].t_ms, 1500, 0); /* the moment it became long, not the frame */
    CHECK_NEAR(l->items[0].x, 200, 0);
    CHECK_INT(update(l, 2000), 0); /* only once */
    feed(l, INPUT_POINTER_UP, 2100, 1, 200, 200);
    CHECK_INT(count_type(l, GESTURE_TAP), 0);
    CHECK_INT(l->count, 1);
}

static void long_press_tolerates_jitter_within_the_slop(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 1, 200, 200);
    feed(l, INPUT_POINTER_MOVE, 100, 1, 205, 203);
    feed(l, INPUT_POINTER_MOVE, 300, 1, 197, 201);
    CHECK_INT(update(l, 500), 1);
    CHECK_INT(count_type(l, GESTURE_LONG_PRESS), 1);
}

static void long_press_does_not_fire_after_movement(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 1, 200, 200);
    feed(l, INPUT_POINTER_MOVE, 100, 1, 240, 200);
    CHECK_INT(update(l, 600), 0);
    CHECK_INT(update(l, 5000), 0);
    CHECK_INT(count_type(l, GESTURE_LONG_PRESS), 0);
}

static void long_press_fires_from_events_even_without_update(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 1, 200, 200);
    feed(l, INPUT_POINTER_UP, 800, 1, 200, 200);
    CHECK_INT(l->count, 1);
    CHECK_INT(l->items[0].type, GESTURE_LONG_PRESS);
    CHECK_NEAR(l->items[0].t_ms, 500, 0);
}

static void long_press_is_not_emitted_once_released(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 1, 200, 200);
    feed(l, INPUT_POINTER_UP, 100, 1, 200, 200);
    CHECK_INT(update(l, 700), 0);
    CHECK_INT(count_type(l, GESTURE_LONG_PRESS), 0);
}

/* ---- drag --------------------------------------------------------------------------- */

static void drag_deltas_add_up_to_the_total_motion(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    stroke(l, 1, 0, 100, 100, 437, 61, 500, 16, true);
    double sx = 0, sy = 0;
    for (int i = 0; i < l->count; i++)
        if (l->items[i].type == GESTURE_DRAG) {
            sx += l->items[i].dx;
            sy += l->items[i].dy;
        }
    CHECK_NEAR(sx, 337, 1e-3);
    CHECK_NEAR(sy, -39, 1e-3);
    const Gesture *start = find_type(l, GESTURE_DRAG_START);
    CHECK(start != NULL);
    if (start) {
        CHECK_NEAR(start->x, 100, 0);
        CHECK_NEAR(start->y, 100, 0);
    }
    CHECK_INT(l->items[0].type, GESTURE_DRAG_START);
    CHECK_INT(l->items[l->count - 1].type, GESTURE_DRAG_END);
    CHECK_INT(count_type(l, GESTURE_DRAG_START), 1);
    CHECK_INT(count_type(l, GESTURE_DRAG_END), 1);
}

static void drag_reports_the_current_position(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 1, 10, 10);
    feed(l, INPUT_POINTER_MOVE, 16, 1, 40, 20);
    const Gesture *d = last_of(l, GESTURE_DRAG);
    CHECK(d != NULL);
    if (d) {
        CHECK_NEAR(d->x, 40, 0);
        CHECK_NEAR(d->y, 20, 0);
        CHECK_NEAR(d->dx, 30, 0);
        CHECK_NEAR(d->dy, 10, 0);
    }
}

static void release_velocity_of_a_steady_drag_is_its_speed(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    /* 1000 px/s to the right for 400 ms, a move every 16 ms */
    stroke(l, 1, 0, 100, 300, 500, 300, 400, 16, true);
    const Gesture *end = last_of(l, GESTURE_DRAG_END);
    CHECK(end != NULL);
    if (end) {
        CHECK_NEAR(end->vx, 1000, 1);
        CHECK_NEAR(end->vy, 0, 1);
        CHECK(end->fling);
        CHECK_NEAR(end->x, 500, 0);
    }
}

static void release_velocity_reflects_only_the_last_motion(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    /* fast first, then slow 200 px/s for the last 200 ms (-y direction) */
    feed(l, INPUT_POINTER_DOWN, 0, 1, 0, 1000);
    feed(l, INPUT_POINTER_MOVE, 50, 1, 0, 500);
    for (int k = 1; k <= 20; k++)
        feed(l, INPUT_POINTER_MOVE, 50 + 10.0 * k, 1, 0, 500 - 2.0f * k);
    feed(l, INPUT_POINTER_UP, 250, 1, 0, 460);
    const Gesture *end = last_of(l, GESTURE_DRAG_END);
    CHECK(end != NULL);
    if (end)
        CHECK_NEAR(end->vy, -200, 1);
}

static void drag_that_rests_before_release_does_not_fling(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    double t = stroke(l, 1, 0, 100, 300, 500, 300, 400, 16, false);
    feed(l, INPUT_POINTER_UP, t + 200, 1, 500, 300);
    const Gesture *end = last_of(l, GESTURE_DRAG_END);
    CHECK(end != NULL);
    if (end) {
        CHECK_NEAR(end->vx, 0, 0);
        CHECK(!end->fling);
    }
}

static void slow_drag_release_is_not_a_fling(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    stroke(l, 1, 0, 100, 300, 112, 300, 400, 16, true); /* 30 px/s */
    const Gesture *end = last_of(l, GESTURE_DRAG_END);
    CHECK(end != NULL);
    if (end) {
        CHECK_NEAR(end->vx, 30, 0.5);
        CHECK(!end->fling);
    }
}

static void mouse_drags_with_the_left_button_like_a_finger(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    stroke(l, 0, 0, 100, 100, 300, 100, 200, 16, true);
    CHECK_INT(count_type(l, GESTURE_DRAG_START), 1);
    CHECK_INT(count_type(l, GESTURE_DRAG_END), 1);
    CHECK_INT(count_type(l, GESTURE_HOVER), 0);
    const Gesture *end = last_of(l, GESTURE_DRAG_END);
    if (end) {
        CHECK(!end->is_touch);
        CHECK_NEAR(end->vx, 1000, 1);
    }
}

static void mouse_motion_without_a_button_is_hover(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_MOVE, 5, 0, 70, 80);
    CHECK_INT(l->count, 1);
    CHECK_INT(l->items[0].type, GESTURE_HOVER);
    CHECK_NEAR(l->items[0].x, 70, 0);
    CHECK_NEAR(l->items[0].y, 80, 0);
    CHECK_NEAR(l->items[0].t_ms, 5, 0);
    CHECK(!l->items[0].is_touch);
}

static void a_second_mouse_press_never_pinches(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 0, 100, 100);
    feed(l, INPUT_POINTER_DOWN, 10, 0, 300, 100); /* repeated down: just motion */
    feed(l, INPUT_POINTER_MOVE, 20, 0, 320, 100);
    feed(l, INPUT_POINTER_UP, 30, 0, 320, 100);
    CHECK_INT(count_type(l, GESTURE_PINCH), 0);
    CHECK_INT(count_type(l, GESTURE_DRAG_START), 1);
}

static void touch_during_a_mouse_drag_is_ignored(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 0, 100, 100);
    feed(l, INPUT_POINTER_MOVE, 16, 0, 150, 100);
    feed(l, INPUT_POINTER_DOWN, 20, 1, 400, 400);
    feed(l, INPUT_POINTER_MOVE, 30, 1, 500, 400);
    feed(l, INPUT_POINTER_UP, 40, 1, 500, 400);
    feed(l, INPUT_POINTER_UP, 50, 0, 150, 100);
    CHECK_INT(count_type(l, GESTURE_PINCH), 0);
    CHECK_INT(count_type(l, GESTURE_DRAG_START), 1);
    CHECK_INT(count_type(l, GESTURE_DRAG_END), 1);
    for (int i = 0; i < l->count; i++)
        CHECK(!l->items[i].is_touch);
}

/* ---- pinch ----------------------------------------------------------------------------- */

static void pinch_scales_multiply_to_the_finger_distance_ratio(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 1, 400, 500);
    feed(l, INPUT_POINTER_DOWN, 0, 2, 600, 500); /* 200 px apart, midpoint 500,500 */
    /* spread to 620 px apart while the midpoint drifts to (560, 470) */
    for (int k = 1; k <= 20; k++) {
        double f = k / 20.0;
        float mx = (float)(500 + 60 * f), my = (float)(500 - 30 * f);
        float half = (float)(100 + 210 * f);
        feed(l, INPUT_POINTER_MOVE, 16.0 * k, 1, mx - half, my);
        feed(l, INPUT_POINTER_MOVE, 16.0 * k, 2, mx + half, my);
    }
    double product = 1, sx = 0, sy = 0;
    for (int i = 0; i < l->count; i++)
        if (l->items[i].type == GESTURE_PINCH) {
            product *= l->items[i].scale;
            sx += l->items[i].dx;
            sy += l->items[i].dy;
            CHECK(l->items[i].is_touch);
        }
    CHECK_INT(count_type(l, GESTURE_PINCH), 40);
    CHECK_NEAR(product, 620.0 / 200.0, 1e-4);
    CHECK_NEAR(sx, 60, 1e-3);
    CHECK_NEAR(sy, -30, 1e-3);
    const Gesture *last = last_of(l, GESTURE_PINCH);
    if (last) {
        CHECK_NEAR(last->x, 560, 1e-3);
        CHECK_NEAR(last->y, 470, 1e-3);
    }
    CHECK_INT(count_type(l, GESTURE_TAP), 0);
    CHECK_INT(count_type(l, GESTURE_DRAG_START), 0);
}

/* What the app does with a pinch: pan by dx, then zoom about x. Following the
 * gestures, the world point under each finger must stay under that finger. */
static void pinch_keeps_the_world_under_the_fingers(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    double t0 = 0, ppx = 1; /* world = t0 + px / ppx */
    feed(l, INPUT_POINTER_DOWN, 0, 1, 300, 100);
    feed(l, INPUT_POINTER_DOWN, 5, 2, 500, 100);
    double w1 = t0 + 300 / ppx, w2 = t0 + 500 / ppx;
    feed(l, INPUT_POINTER_MOVE, 16, 1, 250, 100);
    feed(l, INPUT_POINTER_MOVE, 16, 2, 650, 100);
    feed(l, INPUT_POINTER_MOVE, 32, 1, 200, 100);
    for (int i = 0; i < l->count; i++) {
        const Gesture *ge = &l->items[i];
        if (ge->type != GESTURE_PINCH)
            continue;
        t0 -= ge->dx / ppx;               /* pan: old midpoint's world moves to x */
        double anchor = t0 + ge->x / ppx; /* zoom about x */
        ppx *= ge->scale;
        t0 = anchor - ge->x / ppx;
    }
    CHECK_NEAR((200 - 0) / ppx + t0, w1, 1e-3);
    CHECK_NEAR((650 - 0) / ppx + t0, w2, 1e-3);
}

static void second_finger_landing_does_not_jump(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    stroke(l, 1, 0, 100, 100, 200, 100, 100, 16, false); /* drag 100 px */
    int before = l->count;
    feed(l, INPUT_POINTER_DOWN, 120, 2, 400, 100);
    /* landing ends the drag without a fling and sends no motion */
    CHECK_INT(l->count - before, 1);
    CHECK_INT(l->items[before].type, GESTURE_DRAG_END);
    CHECK(!l->items[before].fling);
    CHECK_NEAR(l->items[before].vx, 0, 0);
    feed(l, INPUT_POINTER_MOVE, 136, 2, 500, 100);
    CHECK_INT(l->count - before, 2);
    const Gesture *p = &l->items[before + 1];
    CHECK_INT(p->type, GESTURE_PINCH);
    CHECK_NEAR(p->scale, 300.0 / 200.0, 1e-6); /* relative to the landing distance */
    CHECK_NEAR(p->dx, 50, 1e-4);                /* the midpoint moved 300 -> 350 */
    CHECK_NEAR(p->x, 350, 1e-4);
}

static void finger_lifting_from_a_pinch_continues_as_a_drag_without_jump(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 1, 100, 100);
    feed(l, INPUT_POINTER_DOWN, 0, 2, 300, 100);
    feed(l, INPUT_POINTER_MOVE, 16, 2, 400, 100);
    int before = l->count;
    feed(l, INPUT_POINTER_UP, 32, 2, 400, 100);
    CHECK_INT(l->count - before, 2);
    CHECK_INT(l->items[before].type, GESTURE_PINCH_END);
    CHECK_INT(l->items[before + 1].type, GESTURE_DRAG_START);
    CHECK_NEAR(l->items[before + 1].x, 100, 0); /* the remaining finger, where it is */
    feed(l, INPUT_POINTER_MOVE, 48, 1, 107, 95);
    const Gesture *d = &l->items[l->count - 1];
    CHECK_INT(d->type, GESTURE_DRAG);
    CHECK_NEAR(d->dx, 7, 0);
    CHECK_NEAR(d->dy, -5, 0);
    feed(l, INPUT_POINTER_UP, 64, 1, 107, 95);
    CHECK_INT(l->items[l->count - 1].type, GESTURE_DRAG_END);
    CHECK_INT(count_type(l, GESTURE_TAP), 0);
}

static void lifting_the_first_finger_leaves_the_second_dragging(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 1, 100, 100);
    feed(l, INPUT_POINTER_DOWN, 0, 2, 300, 100);
    feed(l, INPUT_POINTER_UP, 20, 1, 100, 100);
    const Gesture *s = last_of(l, GESTURE_DRAG_START);
    CHECK(s != NULL);
    if (s)
        CHECK_NEAR(s->x, 300, 0);
    feed(l, INPUT_POINTER_MOVE, 40, 2, 290, 100);
    CHECK_NEAR(l->items[l->count - 1].dx, -10, 0);
}

static void a_third_finger_takes_over_when_one_of_the_pair_lifts(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 1, 100, 100);
    feed(l, INPUT_POINTER_DOWN, 0, 2, 300, 100);
    feed(l, INPUT_POINTER_DOWN, 0, 3, 500, 100);
    feed(l, INPUT_POINTER_MOVE, 10, 3, 600, 100); /* spare finger: nothing */
    CHECK_INT(l->count, 0);
    feed(l, INPUT_POINTER_UP, 20, 1, 100, 100);
    CHECK_INT(l->count, 0); /* still a pinch, now of fingers 2 and 3 */
    feed(l, INPUT_POINTER_MOVE, 30, 3, 700, 100);
    CHECK_INT(l->count, 1);
    CHECK_INT(l->items[0].type, GESTURE_PINCH);
    CHECK_NEAR(l->items[0].scale, 400.0 / 300.0, 1e-6);
    CHECK_NEAR(l->items[0].dx, 50, 1e-4);
}

static void fingers_landing_on_one_spot_never_give_a_zero_or_infinite_scale(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_DOWN, 0, 1, 100, 100);
    feed(l, INPUT_POINTER_DOWN, 0, 2, 100, 100);
    feed(l, INPUT_POINTER_MOVE, 10, 2, 150, 100);
    feed(l, INPUT_POINTER_MOVE, 20, 2, 100, 100);
    for (int i = 0; i < l->count; i++)
        if (l->items[i].type == GESTURE_PINCH) {
            CHECK(isfinite(l->items[i].scale));
            CHECK(l->items[i].scale > 0);
        }
    CHECK_INT(count_type(l, GESTURE_PINCH), 2);
}

/* ---- pass-through events and plumbing -------------------------------------------------- */

static void wheel_key_text_quit_and_resize_pass_through(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    InputEvent ev;
    memset(&ev, 0, sizeof ev);
    ev.type = INPUT_WHEEL;
    ev.t_ms = 1;
    ev.x = 10;
    ev.y = 20;
    ev.dy = -3;
    ev.dx = 0.5f;
    ev.precise = true;
    feed_event(l, &ev);
    memset(&ev, 0, sizeof ev);
    ev.type = INPUT_KEY_DOWN;
    ev.t_ms = 2;
    ev.key = KEY_PAGEDOWN;
    ev.mods = MOD_CTRL | MOD_SHIFT;
    feed_event(l, &ev);
    memset(&ev, 0, sizeof ev);
    ev.type = INPUT_TEXT;
    ev.t_ms = 3;
    memset(ev.text, 'x', sizeof ev.text); /* unterminated on purpose */
    feed_event(l, &ev);
    memset(&ev, 0, sizeof ev);
    ev.type = INPUT_QUIT;
    ev.t_ms = 4;
    feed_event(l, &ev);
    ev.type = INPUT_RESIZE;
    ev.t_ms = 5;
    ev.x = 1920;
    ev.y = 1080;
    feed_event(l, &ev);
    CHECK_INT(l->count, 5);
    CHECK_INT(l->items[0].type, GESTURE_WHEEL);
    CHECK_NEAR(l->items[0].dy, -3, 0);
    CHECK_NEAR(l->items[0].dx, 0.5, 0);
    CHECK_NEAR(l->items[0].x, 10, 0);
    CHECK(l->items[0].precise);
    CHECK_INT(l->items[1].type, GESTURE_KEY);
    CHECK_INT(l->items[1].key, KEY_PAGEDOWN);
    CHECK_INT(l->items[1].mods, MOD_CTRL | MOD_SHIFT);
    CHECK_INT(l->items[2].type, GESTURE_TEXT);
    CHECK_INT(strlen(l->items[2].text), INPUT_TEXT_MAX - 1);
    CHECK_INT(l->items[3].type, GESTURE_QUIT);
    CHECK_INT(l->items[4].type, GESTURE_RESIZE);
    CHECK_NEAR(l->items[4].x, 1920, 0);
    CHECK_NEAR(l->items[4].y, 1080, 0);
    for (int i = 0; i < 5; i++)
        CHECK_NEAR(l->items[i].t_ms, i + 1, 0);
}

static void a_full_buffer_drops_and_counts_instead_of_overflowing(void)
{
    GestureRecognizer g;
    gesture_init(&g, NULL);
    Gesture out[1];
    InputEvent ev;
    memset(&ev, 0, sizeof ev);
    ev.type = INPUT_POINTER_DOWN;
    ev.pointer_id = 1;
    ev.is_touch = true;
    CHECK_INT(gesture_feed(&g, &ev, out, 1), 0);
    ev.type = INPUT_POINTER_UP;
    ev.t_ms = 600;
    ev.x = 200; /* long press + drag start + drag + drag end */
    CHECK_INT(gesture_feed(&g, &ev, out, 1), 1);
    CHECK_INT(out[0].type, GESTURE_LONG_PRESS);
    CHECK_INT(g.dropped, 3);
    CHECK_INT(gesture_feed(&g, &ev, NULL, 0), 0);
}

static void unknown_pointer_motion_and_lifts_are_ignored(void)
{
    Log lg;
    Log *l = log_init(&lg, NULL);
    feed(l, INPUT_POINTER_MOVE, 0, 4, 10, 10);
    feed(l, INPUT_POINTER_UP, 10, 4, 10, 10);
    CHECK_INT(l->count, 0);
    CHECK_INT(l->g.phase, GESTURE_PHASE_IDLE);
}

int main(void)
{
    RUN(zero_config_fields_mean_the_documented_defaults);
    RUN(tap_is_a_short_press_without_movement);
    RUN(press_moving_beyond_the_slop_is_a_drag_not_a_tap);
    RUN(movement_exactly_at_the_slop_is_still_a_tap);
    RUN(press_held_longer_than_tap_max_is_not_a_tap);
    RUN(mouse_left_click_taps_and_is_not_touch);
    RUN(mouse_right_button_is_ignored);
    RUN(double_tap_follows_the_second_tap_within_the_window);
    RUN(second_tap_after_the_window_is_just_a_tap);
    RUN(second_tap_at_the_window_edge_still_counts);
    RUN(second_tap_far_from_the_first_is_not_a_double_tap);
    RUN(third_quick_tap_starts_a_new_pair);
    RUN(a_drag_between_taps_breaks_the_double_tap);
    RUN(long_press_fires_from_update_at_the_right_time);
    RUN(long_press_tolerates_jitter_within_the_slop);
    RUN(long_press_does_not_fire_after_movement);
    RUN(long_press_fires_from_events_even_without_update);
    RUN(long_press_is_not_emitted_once_released);
    RUN(drag_deltas_add_up_to_the_total_motion);
    RUN(drag_reports_the_current_position);
    RUN(release_velocity_of_a_steady_drag_is_its_speed);
    RUN(release_velocity_reflects_only_the_last_motion);
    RUN(drag_that_rests_before_release_does_not_fling);
    RUN(slow_drag_release_is_not_a_fling);
    RUN(mouse_drags_with_the_left_button_like_a_finger);
    RUN(mouse_motion_without_a_button_is_hover);
    RUN(a_second_mouse_press_never_pinches);
    RUN(touch_during_a_mouse_drag_is_ignored);
    RUN(pinch_scales_multiply_to_the_finger_distance_ratio);
    RUN(pinch_keeps_the_world_under_the_fingers);
    RUN(second_finger_landing_does_not_jump);
    RUN(finger_lifting_from_a_pinch_continues_as_a_drag_without_jump);
    RUN(lifting_the_first_finger_leaves_the_second_dragging);
    RUN(a_third_finger_takes_over_when_one_of_the_pair_lifts);
    RUN(fingers_landing_on_one_spot_never_give_a_zero_or_infinite_scale);
    RUN(wheel_key_text_quit_and_resize_pass_through);
    RUN(a_full_buffer_drops_and_counts_instead_of_overflowing);
    RUN(unknown_pointer_motion_and_lifts_are_ignored);
    return TEST_REPORT();
}
