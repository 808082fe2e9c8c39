/* mode_kiosk.c: the museum kiosk (see mode_kiosk.h). */
#include "controller.h"

#include <math.h>
#include <string.h>

#include "view_present.h"

/* Closing the pad forgets the digits but not the wrong tries nor the lock:
 * closing and opening it again must not buy more guesses. */
static void close_pin_pad(KioskMode *k)
{
    k->pin_pad = false;
    k->pin_typed[0] = '\0';
    if (k->pin_state == PIN_WRONG) k->pin_state = PIN_ENTRY;
}

/* The loop: the title slide (-1), then each step, then the title again. */
static void show_attract_step(Controller *c, int step)
{
    Stepper *walk = &c->kiosk.attract;
    int n = steps_count(c->tl, walk->tour), places = n + 1;
    int place = ((step + 1) % places + places) % places - 1;
    walk->step_started_ms = c->now_ms;
    if (place >= 0) {
        controller_show_step(c, walk, place);
        return;
    }
    walk->current = -1;
    controller_select(c, -1);
    controller_home(c);
}

static double attract_duration_ms(const Controller *c)
{
    const Stepper *walk = &c->kiosk.attract;
    return walk->current < 0 ? KIOSK_TITLE_SLIDE_MS : steps_duration_ms(c->tl, walk->tour, walk->current);
}

void kiosk_reset(Controller *c)
{
    KioskMode *k = &c->kiosk;
    Session *s = &c->s;
    /* The installation's language (--lang or the settings file), else the file's first. */
    s->lang = c->desc.lang >= 0 && c->desc.lang < c->tl->lang_count ? c->desc.lang : 0;
    s->help_open = false;
    close_pin_pad(k);
    /* The next visitor finds it as new: no filter, no menu, no focus. */
    session_close_menus(s);
    filter_show_all(&s->filter);
    s->sel.focused = -1;
    controller_select(c, -1);
    double from, to;
    session_home_range(s, &from, &to);
    controller_set_view(c, from, to);
    k->phase = KIOSK_ATTRACT;
    show_attract_step(c, -1);
}

void kiosk_home(Controller *c)
{
    Session *s = &c->s;
    s->help_open = false;
    session_close_menus(s);
    s->sel.focused = -1;
    controller_select(c, -1);
    controller_home(c);
}

static void kiosk_enter(Controller *c)
{
    kiosk_reset(c);
}

static void kiosk_exit(Controller *c)
{
    close_pin_pad(&c->kiosk);
}

/* The visitor takes over: the loop stops where it is, without a jump. */
static void hand_over(Controller *c)
{
    camera_stop(&c->s.camera);
    c->kiosk.phase = KIOSK_VISITOR;
    c->kiosk.attract.current = -1;
    controller_select(c, -1);
    c->s.sel.focused = -1; /* the loop's last card is not the visitor's focus */
}

static bool is_exit_combination(const Gesture *g)
{
    int all = MOD_CTRL | MOD_ALT | MOD_SHIFT;
    return g->key == 'q' && (g->mods & all) == all;
}

/* OK: the right code quits; a wrong one says so and leaves the pad open for
 * another try, and the fifth wrong one in a row locks it for a minute. */
static void check_pin(Controller *c)
{
    KioskMode *k = &c->kiosk;
    if (c->desc.exit_pin && strcmp(k->pin_typed, c->desc.exit_pin) == 0) {
        c->requests.quit = true;
        close_pin_pad(k);
        return;
    }
    k->pin_typed[0] = '\0';
    k->pin_state = PIN_WRONG;
    if (++k->pin_wrong >= KIOSK_PIN_TRIES) {
        k->pin_wrong = 0;
        k->pin_state = PIN_LOCKED;
        k->pin_locked_until_ms = c->now_ms + KIOSK_PIN_LOCK_MS;
    }
}

/* One key of the PIN: a digit, Return to check, Escape to give up. While
 * the pad is locked only Escape does anything. */
static void pin_key(Controller *c, int key)
{
    KioskMode *k = &c->kiosk;
    size_t len = strlen(k->pin_typed);
    if (k->pin_state == PIN_LOCKED && key != KEY_ESCAPE) return;
    if (key >= '0' && key <= '9' && k->pin_state == PIN_WRONG) k->pin_state = PIN_ENTRY; /* a new try */
    if (key >= '0' && key <= '9' && len < KIOSK_PIN_MAX) {
        k->pin_typed[len] = (char)key;
        k->pin_typed[len + 1] = '\0';
    } else if (key == KEY_BACKSPACE && len > 0) {
        k->pin_typed[len - 1] = '\0';
    } else if (key == KEY_RETURN) {
        check_pin(c);
    } else if (key == KEY_ESCAPE) {
        close_pin_pad(k);
    }
}

/* The PIN pad after a long corner press: keys typed, or its buttons tapped;
 * a tap beside the pad closes it. */
static void handle_pin(Controller *c, const Gesture *g)
{
    static const int pad_keys[12] = {'1', '2', '3', '4', '5', '6', '7', '8', '9', KEY_ESCAPE, '0', KEY_RETURN};
    if (g->type == GESTURE_KEY) {
        pin_key(c, g->key);
    } else if (g->type == GESTURE_TAP) {
        Hit hit = controller_hit(c, g->x, g->y);
        if (hit.kind == HIT_PIN_KEY) pin_key(c, pad_keys[hit.index]);
        else close_pin_pad(&c->kiosk);
    }
}

/* Keys that would leave the kiosk, change its shape or reach the file are swallowed. */
static bool locked_key(const Gesture *g)
{
    int key = g->key;
    bool command = (g->mods & MOD_CTRL) && (key == 'r' || key == 'o' || key == 's');
    return command || key == 'q' || key == 's' || key == KEY_F11 || key == KEY_F5 || key == KEY_F1 || key == '?';
}

static bool on_home(Controller *c, const Gesture *g)
{
    const Frame *f = controller_frame(c);
    Rect r = view_home_button(&f->view, &f->regions, &f->metrics);
    return r.w > 0 && g->x >= r.x && g->x < r.x + r.w && g->y >= r.y && g->y < r.y + r.h;
}

static bool kiosk_handle(Controller *c, const Gesture *g)
{
    KioskMode *k = &c->kiosk;
    if (g->type == GESTURE_QUIT) return true; /* window close, Alt+F4: ignored */
    if (g->type == GESTURE_RESIZE || g->type == GESTURE_HOVER) return false;
    if (g->type == GESTURE_KEY && is_exit_combination(g)) {
        c->requests.quit = true;
        return true;
    }
    if (k->pin_pad) {
        handle_pin(c, g);
        return true;
    }
    if (g->type == GESTURE_TAP && on_home(c, g)) {
        if (k->phase == KIOSK_ATTRACT) hand_over(c);
        k->phase = KIOSK_VISITOR;
        kiosk_home(c);
        return true;
    }
    if (k->phase == KIOSK_COUNTDOWN) {
        k->phase = KIOSK_VISITOR;
        return true; /* the touch that says "I'm here" does nothing else */
    }
    if (k->phase == KIOSK_ATTRACT) {
        hand_over(c);
        /* A drag or pinch goes straight on; a tap only wakes the screen. */
        return g->type == GESTURE_TAP || g->type == GESTURE_DOUBLE_TAP || g->type == GESTURE_LONG_PRESS ||
               g->type == GESTURE_KEY || g->type == GESTURE_TEXT;
    }
    if (g->type == GESTURE_TAP && controller_hit(c, g->x, g->y).kind == HIT_HEADER) {
        kiosk_home(c); /* the title, as on a web page, goes home */
        return true;
    }
    return g->type == GESTURE_KEY && locked_key(g);
}

void kiosk_pointer(Controller *c, const InputEvent *ev)
{
    KioskMode *k = &c->kiosk;
    float corner = 90 * controller_frame(c)->metrics.ui;
    bool in_corner = ev->x < corner && ev->y < corner;
    if (ev->type == INPUT_POINTER_DOWN && in_corner) {
        k->corner_press_ms = ev->t_ms;
        k->corner_pointer = ev->pointer_id;
        return;
    }
    /* Only the pressing pointer can end the press: a hover or another finger does not. */
    if (k->corner_press_ms < 0 || ev->pointer_id != k->corner_pointer) return;
    if (ev->type == INPUT_POINTER_UP || (ev->type == INPUT_POINTER_MOVE && !in_corner)) k->corner_press_ms = -1;
}

static void check_corner_press(Controller *c)
{
    KioskMode *k = &c->kiosk;
    if (k->corner_press_ms < 0 || c->now_ms - k->corner_press_ms < c->desc.exit_hold_ms) return;
    k->corner_press_ms = -1;
    if (c->desc.exit_pin && c->desc.exit_pin[0]) {
        close_pin_pad(k);
        k->pin_pad = true;
    } else {
        c->requests.quit = true;
    }
}

static bool kiosk_update(Controller *c)
{
    KioskMode *k = &c->kiosk;
    double now = c->now_ms;
    check_corner_press(c);
    if (k->pin_state == PIN_LOCKED && now >= k->pin_locked_until_ms) k->pin_state = PIN_ENTRY;
    switch (k->phase) {
    case KIOSK_VISITOR:
        if (now - c->last_input_ms < c->desc.idle_ms) break;
        if (c->s.sel.selected >= 0) {
            k->phase = KIOSK_COUNTDOWN;
            k->countdown_started_ms = now;
        } else {
            kiosk_reset(c);
        }
        break;
    case KIOSK_COUNTDOWN:
        if (now - k->countdown_started_ms >= c->desc.countdown_ms) kiosk_reset(c);
        break;
    case KIOSK_ATTRACT:
        if (now - k->attract.step_started_ms >= attract_duration_ms(c)) show_attract_step(c, k->attract.current + 1);
        break;
    }
    return false; /* its timers come from next_timer_ms */
}

static double kiosk_next_timer_ms(const Controller *c)
{
    const KioskMode *k = &c->kiosk;
    double due;
    if (k->phase == KIOSK_VISITOR) due = c->last_input_ms + c->desc.idle_ms;
    else if (k->phase == KIOSK_COUNTDOWN) due = c->now_ms + 250; /* the seconds tick down */
    else if (steps_count(c->tl, k->attract.tour) > 0) due = k->attract.step_started_ms + attract_duration_ms(c);
    else due = INFINITY; /* an empty timeline: its title slide stays */
    if (k->corner_press_ms >= 0) due = fmin(due, k->corner_press_ms + c->desc.exit_hold_ms);
    if (k->pin_state == PIN_LOCKED) /* the lock's seconds tick down on the pad, then it opens */
        due = fmin(due, k->pin_pad ? c->now_ms + 250 : k->pin_locked_until_ms);
    return isfinite(due) ? fmax(0, due - c->now_ms) : -1;
}

static void kiosk_describe(const Controller *c, ViewState *v)
{
    const KioskMode *k = &c->kiosk;
    v->touch_ui = true;
    v->kiosk_state = k->phase;
    v->countdown_s = (c->desc.countdown_ms - (c->now_ms - k->countdown_started_ms)) / 1000.0;
    v->pin_pad = k->pin_pad;
    v->pin_digits = (int)strlen(k->pin_typed);
    v->pin_state = k->pin_state;
    v->pin_locked_s = k->pin_state == PIN_LOCKED ? fmax(0, (k->pin_locked_until_ms - c->now_ms) / 1000.0) : 0;
    int n = steps_count(c->tl, k->attract.tour);
    if (k->phase == KIOSK_ATTRACT && k->attract.current < 0) {
        v->slide = SLIDE_TITLE;
        v->slide_tour = k->attract.tour;
        v->step_count = n;
    } else if (k->phase == KIOSK_ATTRACT && n > 0) {
        v->step = k->attract.current + 1;
        v->step_count = n;
        v->caption = steps_caption(c->tl, k->attract.tour, k->attract.current);
    }
}

const Mode *mode_kiosk(void)
{
    static const Mode mode = {VIEW_KIOSK, kiosk_enter, kiosk_exit, kiosk_handle, kiosk_update, kiosk_next_timer_ms,
                              kiosk_describe};
    return &mode;
}
