/* mode_present.c: presenting with a clicker (see mode_present.h). */
#include "controller.h"

#include <stdlib.h>
#include <string.h>

void present_go(Controller *c, int step)
{
    PresentMode *p = &c->present;
    int n = steps_count(c->tl, p->steps.tour);
    p->steps.step_started_ms = c->now_ms; /* also when there is nothing to show */
    if (n == 0) return;
    p->step_entry[0] = '\0';
    controller_show_step(c, &p->steps, ((step % n) + n) % n); /* past the end wraps to the start, and back */
}

void present_go_to_event(Controller *c, int event)
{
    int step = steps_find_event(c->tl, c->present.steps.tour, event);
    if (step >= 0) present_go(c, step);
}

static void present_enter(Controller *c)
{
    PresentMode *p = &c->present;
    session_close_menus(&c->s);
    c->s.help_open = false;
    p->blackout = BLACKOUT_NONE;
    int open = c->s.sel.selected;
    int start = open >= 0 && p->steps.tour < 0 ? open : 0; /* every event: start at the open story */
    present_go(c, start);
}

static void present_exit(Controller *c)
{
    c->present.blackout = BLACKOUT_NONE;
    c->present.step_entry[0] = '\0';
}

static bool is_next_key(int key)
{
    return key == KEY_PAGEDOWN || key == KEY_RIGHT || key == KEY_SPACE || key == KEY_DOWN || key == KEY_RETURN;
}

static bool is_previous_key(int key)
{
    return key == KEY_PAGEUP || key == KEY_LEFT || key == KEY_BACKSPACE || key == KEY_UP;
}

/* Digits then Enter jump to a step, as in slide software. */
static bool handle_step_entry(Controller *c, int key)
{
    char *entry = c->present.step_entry;
    size_t len = strlen(entry);
    if (key >= '0' && key <= '9') {
        if (len < sizeof c->present.step_entry - 1) {
            entry[len] = (char)key;
            entry[len + 1] = '\0';
        }
        return true;
    }
    if (key == KEY_RETURN && len > 0) {
        int step = atoi(entry);
        entry[0] = '\0';
        if (step >= 1 && step <= steps_count(c->tl, c->present.steps.tour)) present_go(c, step - 1);
        return true;
    }
    if (key == KEY_ESCAPE && len > 0) {
        entry[0] = '\0';
        return true;
    }
    return false;
}

static bool handle_present_key(Controller *c, int key)
{
    PresentMode *p = &c->present;
    if (p->blackout != BLACKOUT_NONE) { /* any key brings the picture back */
        p->blackout = BLACKOUT_NONE;
        return true;
    }
    if (handle_step_entry(c, key)) return true;
    int current = p->steps.current;
    if (key == 'b' || key == '.') p->blackout = BLACKOUT_BLACK;
    else if (key == 'w' || key == ',') p->blackout = BLACKOUT_WHITE;
    else if (is_next_key(key)) present_go(c, current + 1);
    else if (is_previous_key(key)) present_go(c, current - 1);
    else if (key == KEY_HOME) present_go(c, 0);
    else if (key == KEY_END) present_go(c, steps_count(c->tl, p->steps.tour) - 1);
    else if (key == KEY_ESCAPE || key == KEY_F5) controller_switch_mode(c, VIEW_EXPLORE);
    else return false;
    return true;
}

static bool present_handle(Controller *c, const Gesture *g)
{
    PresentMode *p = &c->present;
    if (g->type == GESTURE_KEY) return handle_present_key(c, g->key);
    if (g->type == GESTURE_TAP) { /* a click advances, like a clicker */
        if (p->blackout != BLACKOUT_NONE) p->blackout = BLACKOUT_NONE;
        else present_go(c, p->steps.current + 1);
        return true;
    }
    return p->blackout != BLACKOUT_NONE; /* nothing moves under a black screen */
}

static bool present_update(Controller *c)
{
    (void)c;
    return false; /* the presenter sets the pace: nothing advances by itself */
}

static double present_next_timer_ms(const Controller *c)
{
    (void)c;
    return -1;
}

static void present_describe(const Controller *c, ViewState *v)
{
    const PresentMode *p = &c->present;
    int n = steps_count(c->tl, p->steps.tour);
    if (n > 0 && p->steps.current >= 0) {
        v->step = p->steps.current + 1;
        v->step_count = n;
        v->caption = steps_caption(c->tl, p->steps.tour, p->steps.current);
    }
    v->step_entry = p->step_entry;
    v->blackout = p->blackout;
}

const Mode *mode_present(void)
{
    static const Mode mode = {VIEW_PRESENT, present_enter, present_exit, present_handle, present_update,
                              present_next_timer_ms, present_describe};
    return &mode;
}
