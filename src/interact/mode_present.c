/* mode_present.c: presentation mode for a teacher with a clicker: steps
 * through a tour (or every event in date order) with a flight to each and
 * its story shown large; blackout and whiteout as in slide software. */
#include "controller.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- steps: a tour's, or every event's ------------------------------------------ */

static const Tour *current_tour(const Controller *c)
{
    int t = c->desc.tour;
    return t >= 0 && t < c->tl->tour_count ? &c->tl->tours[t] : NULL;
}

static int step_count(const Controller *c)
{
    const Tour *tour = current_tour(c);
    return tour ? tour->step_count : c->tl->event_count;
}

int controller_step_event(const Controller *c, int step)
{
    const Tour *tour = current_tour(c);
    if (step < 0 || step >= step_count(c)) return -1;
    return tour ? tour->steps[step].event : step;
}

const Text *controller_step_caption(const Controller *c, int step)
{
    const Tour *tour = current_tour(c);
    return tour && step >= 0 && step < tour->step_count ? &tour->steps[step].caption : NULL;
}

double controller_step_duration_ms(const Controller *c, int step)
{
    const Tour *tour = current_tour(c);
    if (tour && step >= 0 && step < tour->step_count) return tour->steps[step].duration_s * 1000.0;
    return 8000.0;
}

void controller_step_range(const Controller *c, int step, double *from, double *to)
{
    const Tour *tour = current_tour(c);
    int event = controller_step_event(c, step);
    if (event < 0 && tour && step >= 0 && step < tour->step_count) {
        *from = tour->steps[step].from_days;
        *to = tour->steps[step].to_days;
        return;
    }
    if (event < 0) {
        controller_home_range(c, from, to);
        return;
    }
    /* The event in the middle, with its neighbourhood for context. */
    const Event *ev = &c->tl->events[event];
    double extent = c->tl->max_days - c->tl->min_days;
    double width = fmax((ev->end_days - ev->start_days) * 1.8, fmax(extent / 12, 30));
    double centre = ev->has_end ? (ev->start_days + ev->end_days) / 2 : ev->start_days;
    *from = centre - width / 2;
    *to = centre + width / 2;
}

/* ---- the mode -------------------------------------------------------------------- */

void present_go(Controller *c, int step)
{
    int n = step_count(c);
    c->steps.step_started_ms = c->now_ms; /* also when there is nothing to show */
    if (n == 0) return;
    step = ((step % n) + n) % n; /* past the end wraps to the start, and back */
    c->steps.current = step;
    c->steps.step_started_ms = c->now_ms;
    c->view.step = step + 1;
    c->view.step_count = n;
    c->view.caption = controller_step_caption(c, step);
    c->view.step_entry[0] = '\0';
    controller_select(c, controller_step_event(c, step));
    double from, to;
    controller_step_range(c, step, &from, &to);
    controller_fly_to(c, from, to);
}

void present_go_to_event(Controller *c, int event)
{
    for (int i = 0; i < step_count(c); i++)
        if (controller_step_event(c, i) == event) {
            present_go(c, i);
            return;
        }
}

void present_enter(Controller *c)
{
    controller_close_menus(c);
    c->mode_before_present = c->view.mode == VIEW_PRESENT ? VIEW_EXPLORE : c->view.mode;
    c->view.mode = VIEW_PRESENT;
    c->view.help_open = false;
    c->view.blackout = BLACKOUT_NONE;
    int start = c->view.selected >= 0 && c->desc.tour < 0 ? c->view.selected : 0;
    controller_relayout(c);
    present_go(c, start);
}

void present_exit(Controller *c)
{
    c->view.mode = c->mode_before_present;
    c->view.step = c->view.step_count = 0;
    c->view.caption = NULL;
    c->view.blackout = BLACKOUT_NONE;
    controller_relayout(c);
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
    char *entry = c->view.step_entry;
    size_t len = strlen(entry);
    if (key >= '0' && key <= '9') {
        if (len < sizeof c->view.step_entry - 1) {
            entry[len] = (char)key;
            entry[len + 1] = '\0';
        }
        return true;
    }
    if (key == KEY_RETURN && len > 0) {
        int step = atoi(entry);
        entry[0] = '\0';
        if (step >= 1 && step <= step_count(c)) present_go(c, step - 1);
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
    if (c->view.blackout != BLACKOUT_NONE) { /* any key brings the picture back */
        c->view.blackout = BLACKOUT_NONE;
        return true;
    }
    if (handle_step_entry(c, key)) return true;
    if (key == 'b' || key == '.') c->view.blackout = BLACKOUT_BLACK;
    else if (key == 'w' || key == ',') c->view.blackout = BLACKOUT_WHITE;
    else if (is_next_key(key)) present_go(c, c->steps.current + 1);
    else if (is_previous_key(key)) present_go(c, c->steps.current - 1);
    else if (key == KEY_HOME) present_go(c, 0);
    else if (key == KEY_END) present_go(c, step_count(c) - 1);
    else if (key == KEY_ESCAPE || key == KEY_F5) present_exit(c);
    else return false;
    return true;
}

bool present_handle(Controller *c, const Gesture *g)
{
    if (g->type == GESTURE_KEY) return handle_present_key(c, g->key);
    if (g->type == GESTURE_TAP) { /* a click advances, like a clicker */
        if (c->view.blackout != BLACKOUT_NONE) c->view.blackout = BLACKOUT_NONE;
        else present_go(c, c->steps.current + 1);
        return true;
    }
    return c->view.blackout != BLACKOUT_NONE; /* nothing moves under a black screen */
}

void present_update(Controller *c)
{
    (void)c; /* stepping is the presenter's; nothing advances by itself */
}
