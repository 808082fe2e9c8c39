/* mode_kiosk.c: the museum kiosk: touch first, locked down, and on its own
 * for months. Idle -> "still there?" countdown (when a story is open) ->
 * reset to the home view and default language -> attract loop, which any
 * touch stops where it is. */
#include "controller.h"

#include <string.h>

static void close_pin_pad(Controller *c);

static void start_attract(Controller *c)
{
    c->view.kiosk_state = KIOSK_ATTRACT;
    present_go(c, 0);
}

void kiosk_reset(Controller *c)
{
    /* The installation's language (--lang or the settings file), else the file's first. */
    c->view.lang = c->desc.lang >= 0 && c->desc.lang < c->tl->lang_count ? c->desc.lang : 0;
    c->view.help_open = false;
    close_pin_pad(c);
    /* The next visitor finds it as new: no filter, no menu, no focus. */
    controller_close_menus(c);
    memset(c->category_hidden, 0, sizeof c->category_hidden);
    c->view.focused = -1;
    c->view.panel_scroll_px = 0;
    controller_select(c, -1);
    double from, to;
    controller_home_range(c, &from, &to);
    controller_set_view(c, from, to);
    start_attract(c);
}

void kiosk_enter(Controller *c)
{
    c->view.mode = VIEW_KIOSK;
    c->view.touch_ui = true;
    if (c->desc.tour < 0 && c->tl->tour_count > 0) c->desc.tour = 0; /* attract with the first tour */
    controller_relayout(c);
    kiosk_reset(c);
}

/* The visitor takes over: the loop stops where it is, without a jump. */
static void hand_over(Controller *c)
{
    controller_stop_motion(c);
    c->view.kiosk_state = KIOSK_VISITOR;
    c->view.caption = NULL;
    c->view.step = c->view.step_count = 0;
    c->steps.current = -1;
    controller_select(c, -1);
    c->view.focused = -1; /* the loop's last card is not the visitor's focus */
}

static bool is_exit_combination(const Gesture *g)
{
    int all = MOD_CTRL | MOD_ALT | MOD_SHIFT;
    return g->key == 'q' && (g->mods & all) == all;
}

static void close_pin_pad(Controller *c)
{
    c->view.pin_pad = false;
    c->view.pin_digits = 0;
    c->pin_typed[0] = '\0';
}

/* One key of the PIN: a digit, Return to check, Escape to give up. */
static void pin_key(Controller *c, int key)
{
    size_t len = strlen(c->pin_typed);
    if (key >= '0' && key <= '9' && len < sizeof c->pin_typed - 1) {
        c->pin_typed[len] = (char)key;
        c->pin_typed[len + 1] = '\0';
        c->view.pin_digits = (int)len + 1;
    } else if (key == KEY_BACKSPACE && len > 0) {
        c->pin_typed[len - 1] = '\0';
        c->view.pin_digits = (int)len - 1;
    } else if (key == KEY_RETURN) {
        if (c->desc.exit_pin && strcmp(c->pin_typed, c->desc.exit_pin) == 0) c->quit = true;
        close_pin_pad(c);
    } else if (key == KEY_ESCAPE) {
        close_pin_pad(c);
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
        ViewInput in = {c->tl, &c->view, &c->layout, &c->regions, &c->metrics, &c->measure, &c->theme, &c->chrome};
        c->chrome = view_chrome(c->tl, &c->view, &c->regions, &c->metrics, &c->measure);
        Hit hit = view_hit(&in, g->x, g->y);
        if (hit.kind == HIT_PIN_KEY) pin_key(c, pad_keys[hit.index]);
        else close_pin_pad(c);
    }
}

/* Keys that would leave or change the kiosk's shape are swallowed. */
static bool locked_key(int key)
{
    return key == 'q' || key == KEY_F11 || key == KEY_F5 || key == KEY_F1 || key == '?';
}

bool kiosk_handle(Controller *c, const Gesture *g)
{
    if (g->type == GESTURE_QUIT) return true; /* window close, Alt+F4: ignored */
    if (g->type == GESTURE_RESIZE || g->type == GESTURE_HOVER) return false;
    if (g->type == GESTURE_KEY && is_exit_combination(g)) {
        c->quit = true;
        return true;
    }
    if (c->view.pin_pad) {
        handle_pin(c, g);
        return true;
    }
    if (c->view.kiosk_state == KIOSK_COUNTDOWN) {
        c->view.kiosk_state = KIOSK_VISITOR;
        return true; /* the touch that says "I'm here" does nothing else */
    }
    if (c->view.kiosk_state == KIOSK_ATTRACT) {
        hand_over(c);
        /* A drag or pinch goes straight on; a tap only wakes the screen. */
        return g->type == GESTURE_TAP || g->type == GESTURE_DOUBLE_TAP || g->type == GESTURE_LONG_PRESS ||
               g->type == GESTURE_KEY || g->type == GESTURE_TEXT;
    }
    if (g->type == GESTURE_KEY && locked_key(g->key)) return true;
    return false;
}

/* Records presses in the top-left corner for the exit gesture. */
void kiosk_pointer(Controller *c, const InputEvent *ev)
{
    float corner = 90 * c->metrics.ui;
    bool in_corner = ev->x < corner && ev->y < corner;
    if (ev->type == INPUT_POINTER_DOWN && in_corner) {
        c->corner_press_ms = ev->t_ms;
        c->corner_pointer = ev->pointer_id;
        return;
    }
    /* Only the pressing pointer can end the press: a hover or another finger does not. */
    if (c->corner_press_ms < 0 || ev->pointer_id != c->corner_pointer) return;
    if (ev->type == INPUT_POINTER_UP || (ev->type == INPUT_POINTER_MOVE && !in_corner)) c->corner_press_ms = -1;
}

bool kiosk_update(Controller *c)
{
    double now = c->now_ms;
    if (c->corner_press_ms >= 0 && now - c->corner_press_ms >= c->desc.exit_hold_ms) {
        c->corner_press_ms = -1;
        if (c->desc.exit_pin && c->desc.exit_pin[0]) {
            close_pin_pad(c);
            c->view.pin_pad = true;
        } else {
            c->quit = true;
        }
    }
    switch (c->view.kiosk_state) {
    case KIOSK_VISITOR:
        if (now - c->last_input_ms < c->desc.idle_ms) break;
        if (c->view.selected >= 0) {
            c->view.kiosk_state = KIOSK_COUNTDOWN;
            c->countdown_started_ms = now;
            c->view.countdown_s = c->desc.countdown_ms / 1000.0;
        } else {
            kiosk_reset(c);
        }
        break;
    case KIOSK_COUNTDOWN:
        c->view.countdown_s = (c->desc.countdown_ms - (now - c->countdown_started_ms)) / 1000.0;
        if (c->view.countdown_s <= 0) kiosk_reset(c);
        break;
    case KIOSK_ATTRACT:
        if (now - c->steps.step_started_ms >= controller_step_duration_ms(c, c->steps.current))
            present_go(c, c->steps.current + 1);
        break;
    }
    return false;
}
