/* mode_present.c: presenting with a clicker (see mode_present.h).
 *
 * A clicker sends Page Down and Page Up, sometimes F5 / Escape and B or '.';
 * none of them may ever quit, wrap round or leave the walk without a way
 * back: the walk stops at its end slide, Page Up from the first step shows
 * the title slide, and leaving (Escape) keeps the walk so that F5 resumes it. */
#include "controller.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "view_present.h"

/* ---- the walk ------------------------------------------------------------------------- */

void present_go(Controller *c, int step)
{
    PresentMode *p = &c->present;
    int n = steps_count(c->tl, p->steps.tour);
    step = step < -1 ? -1 : step > n ? n : step; /* the slides bound the walk: no wrapping round */
    p->step_entry[0] = '\0';
    p->expanded = false;
    p->expanded_scroll_px = 0;
    p->steps.step_started_ms = c->now_ms;
    if (step >= 0 && step < n) {
        controller_show_step(c, &p->steps, step);
        return;
    }
    /* A slide: the whole timeline behind it, no story open. */
    p->steps.current = step;
    controller_select(c, -1);
    controller_home(c);
}

void present_go_to_event(Controller *c, int event)
{
    int step = steps_find_event(c->tl, c->present.steps.tour, event);
    if (step >= 0) present_go(c, step);
}

void present_begin(Controller *c, int tour, int step)
{
    PresentMode *p = &c->present;
    p->steps.tour = tour >= 0 && tour < c->tl->tour_count ? tour : -1;
    p->started = true;
    p->chooser = false;
    p->walk_started_ms = c->now_ms;
    p->starts++;
    present_go(c, step);
}

SlideKind present_slide(const Controller *c)
{
    const PresentMode *p = &c->present;
    int n = steps_count(c->tl, p->steps.tour);
    if (p->steps.current < 0) return SLIDE_TITLE;
    if (p->steps.current >= n) return SLIDE_END;
    return SLIDE_NONE;
}

/* ---- the chooser -------------------------------------------------------------------------- */

int present_chooser_rows(const Controller *c)
{
    return view_chooser_row_count(c->tl);
}

int present_chooser_tour(const Controller *c, int row)
{
    return row >= 0 && row < c->tl->tour_count ? row : -1;
}

static int row_of_tour(const Controller *c, int tour)
{
    return tour >= 0 && tour < c->tl->tour_count ? tour : c->tl->tour_count;
}

static void open_chooser(Controller *c)
{
    PresentMode *p = &c->present;
    p->chooser = true;
    /* The walk in progress first, so F5 then Enter (or F5 twice) resumes it;
     * else the file's first tour, which is what a teacher prepared. */
    p->chooser_row = p->started ? row_of_tour(c, p->steps.tour) : 0;
}

/* The walk of row: resumed where it was when it is the one in progress. */
static void choose(Controller *c, int row)
{
    PresentMode *p = &c->present;
    int tour = present_chooser_tour(c, row);
    if (p->started && tour == p->steps.tour) {
        p->chooser = false;
        present_go(c, p->steps.current); /* flies back to the step, or shows its slide */
        return;
    }
    /* Every event, with a story open in the explorer: from that story. */
    int open = c->s.sel.selected;
    int from = tour < 0 && open >= 0 ? open : -1;
    present_begin(c, tour, from);
}

static bool is_next_key(int key)
{
    return key == KEY_PAGEDOWN || key == KEY_RIGHT || key == KEY_SPACE || key == KEY_DOWN || key == KEY_RETURN;
}

static bool is_previous_key(int key)
{
    return key == KEY_PAGEUP || key == KEY_LEFT || key == KEY_BACKSPACE || key == KEY_UP;
}

static bool chooser_key(Controller *c, const Gesture *g)
{
    PresentMode *p = &c->present;
    int rows = present_chooser_rows(c), key = g->key;
    if (key == KEY_DOWN || key == KEY_PAGEDOWN || key == KEY_RIGHT || (key == KEY_TAB && !(g->mods & MOD_SHIFT)))
        p->chooser_row = p->chooser_row + 1 < rows ? p->chooser_row + 1 : rows - 1;
    else if (key == KEY_UP || key == KEY_PAGEUP || key == KEY_LEFT || key == KEY_TAB)
        p->chooser_row = p->chooser_row > 0 ? p->chooser_row - 1 : 0;
    else if (key == KEY_HOME) p->chooser_row = 0;
    else if (key == KEY_END) p->chooser_row = rows - 1;
    else if (key == KEY_RETURN || key == KEY_SPACE || key == KEY_F5) choose(c, p->chooser_row);
    else if (key >= '1' && key <= '9' && key - '1' < rows) choose(c, key - '1');
    else if (key == KEY_ESCAPE) controller_switch_mode(c, VIEW_EXPLORE);
    else if (key == 'q' && !(g->mods & MOD_CTRL)) p->quit_confirm = true;
    else return !(g->mods & MOD_CTRL); /* Ctrl+Q and Ctrl+R still reach the app */
    return true;
}

static ViewInput frame_view_input(Controller *c)
{
    controller_frame(c);
    return controller_view_input(c);
}

static bool inside(Rect r, float x, float y)
{
    return r.w > 0 && x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

static bool handle_chooser(Controller *c, const Gesture *g)
{
    switch (g->type) {
    case GESTURE_KEY: return chooser_key(c, g);
    case GESTURE_TAP: {
        const Frame *f = controller_frame(c);
        for (int row = 0; row < present_chooser_rows(c); row++)
            if (inside(view_chooser_row(c->tl, &f->regions, &f->metrics, row), g->x, g->y)) {
                choose(c, row);
                return true;
            }
        controller_switch_mode(c, VIEW_EXPLORE); /* a click beside it: not now */
        return true;
    }
    case GESTURE_QUIT: c->present.quit_confirm = true; return true;
    case GESTURE_RESIZE: case GESTURE_HOVER: return false;
    default: return true; /* nothing moves behind the chooser */
    }
}

/* ---- mode ------------------------------------------------------------------------------------ */

static void present_enter(Controller *c)
{
    PresentMode *p = &c->present;
    session_close_menus(&c->s);
    c->s.help_open = false;
    p->blackout = BLACKOUT_NONE;
    p->expanded = p->quit_confirm = false;
    if (!p->started && c->desc.mode == VIEW_PRESENT) {
        /* --present: straight into the walk, at the open story (every event) or its first step. */
        int open = c->s.sel.selected;
        int from = open >= 0 && p->steps.tour < 0 ? open : 0;
        present_begin(c, p->steps.tour, from);
        return;
    }
    open_chooser(c);
}

static void present_exit(Controller *c)
{
    PresentMode *p = &c->present;
    p->blackout = BLACKOUT_NONE;
    p->step_entry[0] = '\0';
    p->chooser = p->expanded = p->quit_confirm = false;
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

static bool can_expand(const Controller *c)
{
    return present_slide(c) == SLIDE_NONE && c->s.sel.selected >= 0;
}

static void expand(Controller *c, bool on)
{
    c->present.expanded = on && can_expand(c);
    c->present.expanded_scroll_px = 0;
}

/* Scrolls the whole story, within what overflows its card. */
static void scroll_story(Controller *c, float dy_px)
{
    PresentMode *p = &c->present;
    ViewInput in = frame_view_input(c);
    float max = view_presented_card(&in).overflow_px;
    p->expanded_scroll_px = fminf(fmaxf(p->expanded_scroll_px + dy_px, 0), max);
}

static bool handle_present_key(Controller *c, const Gesture *g)
{
    PresentMode *p = &c->present;
    int key = g->key;
    if (p->blackout != BLACKOUT_NONE) { /* any key brings the picture back */
        p->blackout = BLACKOUT_NONE;
        return true;
    }
    if (g->mods & MOD_CTRL) return false; /* Ctrl+Q quits, Ctrl+R reloads: the app's commands */
    if (handle_step_entry(c, key)) return true;
    int current = p->steps.current;
    if (key == 'q') p->quit_confirm = true; /* never a clicker's key, and never alone */
    else if (key == 'b' || key == '.') p->blackout = BLACKOUT_BLACK;
    else if (key == 'w' || key == ',') p->blackout = BLACKOUT_WHITE;
    else if (key == 'e') expand(c, !p->expanded);
    else if (key == KEY_ESCAPE && p->expanded) expand(c, false);
    else if ((key == KEY_DOWN || key == KEY_UP) && p->expanded) /* the arrows read on; the clicker's pages step */
        scroll_story(c, (key == KEY_DOWN ? 1 : -1) * 120 * controller_frame(c)->metrics.ui);
    else if (is_next_key(key)) present_go(c, current + 1);
    else if (is_previous_key(key)) present_go(c, current - 1);
    else if (key == KEY_HOME) present_go(c, 0);
    else if (key == KEY_END) present_go(c, steps_count(c->tl, p->steps.tour) - 1);
    else if (key == KEY_ESCAPE || key == KEY_F5) controller_switch_mode(c, VIEW_EXPLORE);
    else return false;
    return true;
}

/* While "quit?" is asked: Q (or Ctrl+Q) or a second window close quits;
 * anything else only dismisses the question. */
static bool handle_quit_confirm(Controller *c, const Gesture *g)
{
    if (g->type == GESTURE_RESIZE || g->type == GESTURE_HOVER) return false;
    if ((g->type == GESTURE_KEY && g->key == 'q') || g->type == GESTURE_QUIT) c->requests.quit = true;
    if (g->type == GESTURE_KEY || g->type == GESTURE_TAP || g->type == GESTURE_QUIT) c->present.quit_confirm = false;
    return true;
}

static bool handle_tap(Controller *c, const Gesture *g)
{
    PresentMode *p = &c->present;
    if (p->blackout != BLACKOUT_NONE) {
        p->blackout = BLACKOUT_NONE;
        return true;
    }
    if (p->expanded) {
        expand(c, false);
        return true;
    }
    ViewInput in = frame_view_input(c);
    if (can_expand(c) && inside(view_presented_card(&in).box, g->x, g->y)) {
        expand(c, true); /* a click on the card: its whole story */
        return true;
    }
    present_go(c, p->steps.current + 1); /* elsewhere, a click steps on, like a clicker */
    return true;
}

static bool present_handle(Controller *c, const Gesture *g)
{
    PresentMode *p = &c->present;
    if (p->quit_confirm) return handle_quit_confirm(c, g);
    if (p->chooser) return handle_chooser(c, g);
    if (g->type == GESTURE_QUIT) { /* the window's close button asks first too */
        p->quit_confirm = true;
        return true;
    }
    if (g->type == GESTURE_KEY) return handle_present_key(c, g);
    if (g->type == GESTURE_TAP) return handle_tap(c, g);
    if (p->expanded && g->type == GESTURE_WHEEL) scroll_story(c, -g->dy * 60 * controller_frame(c)->metrics.ui);
    if (p->expanded && g->type == GESTURE_DRAG) scroll_story(c, -g->dy);
    return p->blackout != BLACKOUT_NONE || p->expanded; /* nothing moves under a black screen or the story */
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
    v->blackout = p->blackout;
    v->quit_confirm = p->quit_confirm;
    v->step_entry = p->step_entry;
    if (p->chooser) {
        v->chooser_open = true;
        v->chooser_row = p->chooser_row;
        v->chooser_resume_row = p->started ? row_of_tour(c, p->steps.tour) : -1;
        v->chooser_resume_step = p->steps.current + 1;
        v->selected = -1; /* the explorer's story stays behind the chooser, not on a card */
        return;
    }
    v->slide = present_slide(c);
    v->slide_tour = p->steps.tour;
    v->step_count = n;
    v->step = v->slide == SLIDE_TITLE ? 0 : v->slide == SLIDE_END ? n : p->steps.current + 1;
    if (v->slide == SLIDE_NONE) v->caption = steps_caption(c->tl, p->steps.tour, p->steps.current);
    v->story_expanded = p->expanded && v->slide == SLIDE_NONE && v->selected >= 0;
    v->story_scroll_px = p->expanded_scroll_px;
}

/* ---- the presenter's screen ---------------------------------------------------------------- */

static PresenterStep presenter_step(const Controller *c, int step)
{
    int tour = c->present.steps.tour, n = steps_count(c->tl, tour);
    PresenterStep s = {SLIDE_NONE, step + 1, -1, NULL};
    if (step < 0 || step >= n) {
        s.slide = step < 0 ? SLIDE_TITLE : SLIDE_END;
        s.step = 0;
        return s;
    }
    s.event = steps_event(c->tl, tour, step);
    s.caption = steps_caption(c->tl, tour, step);
    return s;
}

void present_presenter_info(const Controller *c, double wall_clock_s, PresenterInfo *out)
{
    const PresentMode *p = &c->present;
    int tour = p->steps.tour, current = p->steps.current, n = steps_count(c->tl, tour);
    memset(out, 0, sizeof *out);
    out->tour = tour;
    out->step_count = n;
    out->now = presenter_step(c, current);
    out->has_next = current < n;
    if (out->has_next) out->next = presenter_step(c, current + 1);
    if (current >= 0 && current < n) {
        const TourStep *ts = tour >= 0 && tour < c->tl->tour_count ? &c->tl->tours[tour].steps[current] : NULL;
        out->step_notes = ts ? &ts->notes : NULL;
        int event = out->now.event;
        out->event_notes = event >= 0 ? &c->tl->events[event].notes : NULL;
    }
    out->elapsed_s = p->started ? fmax(0, (c->now_ms - p->walk_started_ms) / 1000.0) : 0;
    out->clock_s = wall_clock_s;
    out->lang = c->s.lang;
    out->blackout = p->blackout;
    out->chooser_open = p->chooser;
}

const Mode *mode_present(void)
{
    static const Mode mode = {VIEW_PRESENT, present_enter, present_exit, present_handle, present_update,
                              present_next_timer_ms, present_describe};
    return &mode;
}
