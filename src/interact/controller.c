/* controller.c: camera, animations, explore-mode input, and the frame.
 *
 * The camera is the TimeScale. Three motions can drive it: a short eased
 * zoom (wheel, keys), a flight (home, clusters, steps: van Wijk & Nuij), and
 * inertia after a fling. A new gesture stops whatever moves, so the content
 * is always under the user's hand. */
#include "controller.h"

#include <math.h>
#include <string.h>

/* ---- setup ---------------------------------------------------------------------- */

void controller_relayout(Controller *c)
{
    LayoutStyle style = c->desc.large || c->view.mode != VIEW_EXPLORE ? LAYOUT_STYLE_LARGE : LAYOUT_STYLE_DESKTOP;
    c->metrics = layout_metrics(c->win_w, c->win_h, style, &c->measure);
    float panel_w = view_panel_width(c->win_w, c->metrics.ui, &c->view);
    bool story = c->view.mode != VIEW_EXPLORE && c->view.selected >= 0;
    c->regions = layout_regions(c->win_w, c->win_h, &c->metrics, c->tl->lane_count, panel_w, story);
    c->chrome = view_chrome(c->tl, &c->view, &c->regions, &c->metrics, &c->measure);
    scale_set_area(&c->view.scale, c->regions.timeline_x0, c->regions.timeline_x1 - c->regions.timeline_x0);
    c->limits = scale_limits_for(c->tl->min_days, c->tl->max_days, c->view.scale.width_px);
    scale_clamp(&c->view.scale, &c->limits);
    c->layout_stale = true;
}

void controller_home_range(const Controller *c, double *from, double *to)
{
    if (c->tl->has_home) {
        *from = c->tl->home_from_days;
        *to = c->tl->home_to_days;
        return;
    }
    double span = c->tl->max_days - c->tl->min_days;
    if (!(span > 1)) span = 1;
    *from = c->tl->min_days - 0.04 * span;
    *to = c->tl->max_days + 0.04 * span;
}

void controller_init(Controller *c, const Timeline *tl, const ControllerDesc *desc, TextMeasurer measure, float w,
                     float h, double now_ms)
{
    memset(c, 0, sizeof *c);
    c->tl = tl;
    c->desc = *desc;
    if (c->desc.idle_ms <= 0) c->desc.idle_ms = 90000;
    if (c->desc.countdown_ms <= 0) c->desc.countdown_ms = 10000;
    if (c->desc.exit_hold_ms <= 0) c->desc.exit_hold_ms = 5000;
    c->measure = measure;
    c->theme = view_theme(desc->theme);
    c->win_w = w;
    c->win_h = h;
    c->now_ms = c->last_input_ms = now_ms;
    c->corner_press_ms = -1;
    c->view.lang = desc->lang >= 0 && desc->lang < tl->lang_count ? desc->lang : 0;
    c->view.selected = c->view.focused = c->view.hovered = -1;
    c->view.today_days = desc->today_days;
    c->view.mode = VIEW_EXPLORE;
    c->view.category_hidden = c->category_hidden;
    c->view.scale = (TimeScale){0, 1, 0, w};
    c->steps.current = -1;
    gesture_init(&c->gestures, NULL);
    controller_relayout(c);
    double from, to;
    controller_home_range(c, &from, &to);
    controller_set_view(c, from, to);
    if (desc->mode == VIEW_PRESENT) present_enter(c);
    else if (desc->mode == VIEW_KIOSK) kiosk_enter(c);
}

void controller_free(Controller *c)
{
    layout_free(&c->layout);
    search_free(&c->search);
}

void controller_reset_pointers(Controller *c)
{
    gesture_init(&c->gestures, NULL);
    c->corner_press_ms = -1;
    c->dragging_overview = c->dragging_panel = false;
}

void controller_resize(Controller *c, float w, float h)
{
    c->win_w = w;
    c->win_h = h;
    controller_relayout(c);
}

/* ---- camera ------------------------------------------------------------------------ */

static bool step_zoom(Controller *c);
static bool step_flight(Controller *c);

void controller_stop_motion(Controller *c)
{
    inertia_stop(&c->inertia);
    c->zooming = false;
    c->flying = false;
}

void controller_set_view(Controller *c, double from, double to)
{
    controller_stop_motion(c);
    scale_fit(&c->view.scale, from, to);
    scale_clamp(&c->view.scale, &c->limits);
    c->layout_stale = true;
}

void controller_fly_to(Controller *c, double from, double to)
{
    controller_stop_motion(c);
    TimeScale target = c->view.scale;
    scale_fit(&target, from, to);
    scale_clamp(&target, &c->limits);
    FlightConfig cfg = {.reduced_motion = c->desc.reduced_motion};
    flight_start(&c->flight, scale_center_days(&c->view.scale), scale_width_days(&c->view.scale),
                 scale_center_days(&target), scale_width_days(&target), c->now_ms, &cfg);
    c->flying = true;
    step_flight(c); /* the first sample, so a zero-length flight lands now */
}

/* Eased zoom by factor about anchor_px; repeated wheel notches add up. */
static void zoom_by(Controller *c, double factor, double anchor_px)
{
    inertia_stop(&c->inertia);
    c->flying = false;
    double from = c->view.scale.px_per_day;
    double target = (c->zooming ? c->zoom_target : from) * factor;
    target = fmin(fmax(target, c->limits.min_px_per_day), c->limits.max_px_per_day);
    c->zoom_target = target;
    zoom_anim_start(&c->zoom, from, target, anchor_px, c->now_ms, c->desc.reduced_motion ? 0 : ANIM_ZOOM_DEFAULT_MS);
    c->zooming = true;
    step_zoom(c);
}

static void pan_by(Controller *c, double dx_px)
{
    scale_pan(&c->view.scale, dx_px);
    scale_clamp(&c->view.scale, &c->limits);
    c->layout_stale = true;
}

/* Applies the zoom animation; true while it runs. */
static bool step_zoom(Controller *c)
{
    if (!c->zooming) return false;
    double ppd;
    bool running = zoom_anim_sample(&c->zoom, c->now_ms, &ppd);
    scale_zoom_at(&c->view.scale, ppd / c->view.scale.px_per_day, c->zoom.anchor_px);
    scale_clamp(&c->view.scale, &c->limits);
    c->layout_stale = true;
    c->zooming = running;
    return running;
}

static bool step_flight(Controller *c)
{
    if (!c->flying) return false;
    double centre, width;
    bool running = flight_sample(&c->flight, c->now_ms, &centre, &width);
    scale_set_center_width(&c->view.scale, centre, width);
    scale_clamp(&c->view.scale, &c->limits);
    c->layout_stale = true;
    c->flying = running;
    return running;
}

static bool step_inertia(Controller *c)
{
    if (!inertia_active(&c->inertia)) return false;
    float dx, dy;
    bool running = inertia_step(&c->inertia, c->now_ms, &dx, &dy);
    pan_by(c, dx);
    return running;
}

/* ---- selection and focus ------------------------------------------------------------- */

void controller_select(Controller *c, int event)
{
    if (event >= c->tl->event_count) event = -1;
    bool was_open = c->view.selected >= 0;
    c->view.selected = event;
    c->view.panel_scroll_px = 0;
    if (event >= 0) c->view.focused = event;
    if (was_open != (event >= 0)) controller_relayout(c); /* the panel takes or frees room */
    c->layout_stale = true;
}

/* Brings an event's date into the timeline area, away from its edges. */
static void reveal_event(Controller *c, int event, bool animate)
{
    const Event *ev = &c->tl->events[event];
    double x = scale_time_to_px(&c->view.scale, ev->start_days);
    double margin = fmin(c->metrics.card_w, c->view.scale.width_px / 4);
    if (x >= c->regions.timeline_x0 + margin && x <= c->regions.timeline_x1 - margin) return;
    double width = scale_width_days(&c->view.scale);
    double from = ev->start_days - width / 3, to = from + width; /* a third in: room for its card */
    if (animate) controller_fly_to(c, from, to);
    else controller_set_view(c, from, to);
}

void controller_open(Controller *c, int event, bool animate)
{
    controller_select(c, event);
    if (c->view.selected >= 0 && c->view.mode == VIEW_EXPLORE) reveal_event(c, c->view.selected, animate);
}

static void select_relative(Controller *c, int delta)
{
    int next = view_neighbour(c->tl, &c->view, delta);
    if (next >= 0) controller_open(c, next, true);
}

static void ensure_layout(Controller *c)
{
    if (!c->layout_stale) return;
    LayoutInput in = {c->tl, &c->view.scale, &c->metrics, &c->regions, c->category_hidden};
    layout_build(&c->layout, &in);
    c->layout_stale = false;
}

/* Tab order: the visible cards in date order (cards come out in time order). */
static void move_focus(Controller *c, int direction)
{
    ensure_layout(c);
    const Layout *l = &c->layout;
    if (l->card_count == 0) return;
    int current = layout_card_of_event(l, c->view.focused);
    int next = current < 0 ? (direction > 0 ? 0 : l->card_count - 1) : current + direction;
    if (next < 0) next = l->card_count - 1;
    if (next >= l->card_count) next = 0;
    c->view.focused = l->cards[next].event;
}

/* Zooms to fit a badge's events; when zooming cannot split them (the same
 * day at the closest zoom), opens the first, and the story's previous and
 * next buttons walk through the rest. */
static void zoom_to_cluster(Controller *c, int index)
{
    const LayoutCluster *k = &c->layout.clusters[index];
    double span = k->to_days - k->from_days;
    double pad = fmax(span * 0.15, 2.0);
    double target_ppd = c->view.scale.width_px / (span + 2 * pad);
    if (target_ppd <= c->view.scale.px_per_day * 1.05) {
        controller_open(c, layout_cluster_member(&c->layout, k, 0), false);
        return;
    }
    controller_fly_to(c, k->from_days - pad, k->to_days + pad);
}

static void run_search(Controller *c);

static void set_language(Controller *c, int lang)
{
    c->view.lang = lang;
    c->layout_stale = true;
    if (c->view.search_open) run_search(c); /* results and titles in the new language */
}

static void next_language(Controller *c)
{
    set_language(c, (c->view.lang + 1) % (c->tl->lang_count ? c->tl->lang_count : 1));
}

void controller_home(Controller *c)
{
    double from, to;
    controller_home_range(c, &from, &to);
    controller_fly_to(c, from, to);
}

/* ---- explore input --------------------------------------------------------------------- */

static ViewInput view_input(Controller *c)
{
    return (ViewInput){c->tl, &c->view, &c->layout, &c->regions, &c->metrics, &c->measure, &c->theme, &c->chrome};
}

static double overview_time(const Controller *c, float x)
{
    Rect o = c->chrome.overview;
    double f = (x - o.x) / (o.w > 0 ? o.w : 1);
    return c->tl->min_days + f * (c->tl->max_days - c->tl->min_days);
}

static void centre_on(Controller *c, double t)
{
    double width = scale_width_days(&c->view.scale);
    scale_fit(&c->view.scale, t - width / 2, t + width / 2);
    scale_clamp(&c->view.scale, &c->limits);
    c->layout_stale = true;
}

static void scroll_panel(Controller *c, float dy_px)
{
    float max = fmaxf(0, c->out.panel_content_h - c->chrome.panel_body.h);
    c->view.panel_scroll_px = fminf(fmaxf(c->view.panel_scroll_px + dy_px, 0), max);
}

static void handle_tap(Controller *c, const Gesture *g)
{
    ensure_layout(c);
    ViewInput in = view_input(c);
    Hit hit = view_hit(&in, g->x, g->y);
    switch (hit.kind) {
    case HIT_CARD: {
        /* At once, as the panel appears at once: the card stays where the eye is. */
        controller_open(c, c->layout.cards[hit.index].event, false);
        break;
    }
    case HIT_CLUSTER: zoom_to_cluster(c, hit.index); break;
    case HIT_LANG: set_language(c, hit.index); break;
    case HIT_HELP: c->view.help_open = !c->view.help_open; break;
    case HIT_PANEL_CLOSE: controller_select(c, -1); break;
    case HIT_PANEL_PREV: select_relative(c, -1); break;
    case HIT_PANEL_NEXT: select_relative(c, +1); break;
    case HIT_OVERVIEW: {
        double t = overview_time(c, g->x), width = scale_width_days(&c->view.scale);
        controller_fly_to(c, t - width / 2, t + width / 2);
        break;
    }
    default: break;
    }
}

static void handle_double_tap(Controller *c, const Gesture *g)
{
    ensure_layout(c);
    ViewInput in = view_input(c);
    if (view_hit(&in, g->x, g->y).kind != HIT_TIMELINE) return;
    if (g->is_touch) zoom_by(c, 2.0, g->x); /* touch: zoom in where tapped */
    else controller_home(c);                /* mouse: back to the whole timeline */
}

static void handle_drag_start(Controller *c, const Gesture *g)
{
    controller_stop_motion(c);
    ensure_layout(c);
    ViewInput in = view_input(c);
    HitKind kind = view_hit(&in, g->x, g->y).kind;
    c->dragging_overview = kind == HIT_OVERVIEW;
    c->dragging_panel = kind == HIT_PANEL || kind == HIT_PANEL_PREV || kind == HIT_PANEL_NEXT;
    if (c->dragging_overview) centre_on(c, overview_time(c, g->x));
}

static void handle_drag(Controller *c, const Gesture *g)
{
    if (c->dragging_overview) centre_on(c, overview_time(c, g->x));
    else if (c->dragging_panel) scroll_panel(c, -g->dy);
    else pan_by(c, g->dx);
}

static void handle_drag_end(Controller *c, const Gesture *g)
{
    bool panned = !c->dragging_overview && !c->dragging_panel;
    c->dragging_overview = c->dragging_panel = false;
    if (panned && g->fling && !c->desc.reduced_motion) inertia_start(&c->inertia, g->vx, 0, c->now_ms);
}

static void handle_pinch(Controller *c, const Gesture *g)
{
    controller_stop_motion(c);
    pan_by(c, g->dx);
    /* The zoom limit applies to the factor, so that at the limit the date
     * under the fingers stays there instead of sliding to the centre. */
    double ppd = c->view.scale.px_per_day;
    double target = fmin(fmax(ppd * g->scale, c->limits.min_px_per_day), c->limits.max_px_per_day);
    scale_zoom_at(&c->view.scale, target / ppd, g->x);
    scale_clamp(&c->view.scale, &c->limits);
    c->layout_stale = true;
}

static void handle_wheel(Controller *c, const Gesture *g)
{
    ensure_layout(c);
    ViewInput in = view_input(c);
    HitKind kind = view_hit(&in, g->x, g->y).kind;
    if (kind == HIT_PANEL || kind == HIT_PANEL_PREV || kind == HIT_PANEL_NEXT) {
        scroll_panel(c, -g->dy * 60 * c->metrics.ui);
        return;
    }
    if (g->dx != 0) pan_by(c, -g->dx * (g->precise ? 20 : 60) * c->metrics.ui);
    if (g->dy != 0) zoom_by(c, pow(1.25, g->dy), g->x);
}

/* Keys for exploring; returns false for keys it does not know. */
static bool handle_key(Controller *c, const Gesture *g)
{
    double centre_x = c->view.scale.x0_px + c->view.scale.width_px / 2;
    double step_px = c->view.scale.width_px * 0.15;
    switch (g->key) {
    case '+': case '=': case KEY_UP: zoom_by(c, 1.5, centre_x); return true;
    case '-': case KEY_DOWN: zoom_by(c, 1 / 1.5, centre_x); return true;
    case KEY_LEFT: pan_by(c, step_px); return true;
    case KEY_RIGHT: pan_by(c, -step_px); return true;
    case KEY_HOME: controller_home(c); return true;
    case KEY_TAB: move_focus(c, g->mods & MOD_SHIFT ? -1 : 1); return true;
    case KEY_RETURN: if (c->view.focused >= 0) controller_open(c, c->view.focused, false); return true;
    case KEY_ESCAPE:
        if (c->view.help_open) c->view.help_open = false;
        else controller_select(c, -1);
        return true;
    case KEY_PAGEDOWN: if (c->view.selected >= 0) select_relative(c, 1); return true;
    case KEY_PAGEUP: if (c->view.selected >= 0) select_relative(c, -1); return true;
    case 'l': next_language(c); return true;
    case '?': case KEY_F1: c->view.help_open = !c->view.help_open; return true;
    case KEY_F11: c->toggle_fullscreen = true; return true;
    case KEY_F5: present_enter(c); return true;
    case 'q': c->quit = true; return true;
    default: return false;
    }
}

/* ---- search and themes ----------------------------------------------------------------- */

static void run_search(Controller *c)
{
    ViewState *v = &c->view;
    v->search_count = search_events(c->tl, v->lang, v->search_query, &c->search, v->search_results, SEARCH_MAX_RESULTS);
    v->search_highlight = 0;
}

static void open_search(Controller *c, bool by_slash)
{
    c->view.search_open = true;
    c->view.themes_open = false;
    c->swallow_slash = by_slash;
}

void controller_close_menus(Controller *c)
{
    c->view.search_open = false;
    c->view.search_query[0] = '\0';
    c->view.search_count = 0;
    c->view.themes_open = false;
}

static void close_search(Controller *c)
{
    c->view.search_open = false;
    c->view.search_query[0] = '\0';
    c->view.search_count = 0;
}

/* Opens a found event and flies to it at a zoom where it has neighbours. */
static void open_result(Controller *c, int index)
{
    if (index < 0 || index >= c->view.search_count) return;
    int event = c->view.search_results[index];
    close_search(c);
    controller_select(c, event);
    const Event *ev = &c->tl->events[event];
    double width = fmin(scale_width_days(&c->view.scale), fmax((c->tl->max_days - c->tl->min_days) / 8, 60));
    controller_fly_to(c, ev->start_days - width / 2, ev->start_days + width / 2);
}

static void append_query(Controller *c, const char *text)
{
    char *q = c->view.search_query;
    size_t len = strlen(q), add = strlen(text);
    if (len + add >= SEARCH_QUERY_MAX) return;
    memcpy(q + len, text, add + 1);
    run_search(c);
}

static void delete_last_char(Controller *c)
{
    char *q = c->view.search_query;
    size_t len = strlen(q);
    while (len > 0 && ((unsigned char)q[len - 1] & 0xC0) == 0x80) len--; /* UTF-8 continuation bytes */
    if (len > 0) len--;
    q[len] = '\0';
    run_search(c);
}

/* Keys while the search field has the focus; true when taken. */
static bool search_key(Controller *c, const Gesture *g)
{
    ViewState *v = &c->view;
    switch (g->key) {
    case KEY_ESCAPE: close_search(c); return true;
    case KEY_BACKSPACE: delete_last_char(c); return true;
    case KEY_RETURN: open_result(c, v->search_highlight); return true;
    case KEY_DOWN: if (v->search_count) v->search_highlight = (v->search_highlight + 1) % v->search_count; return true;
    case KEY_UP: if (v->search_count) v->search_highlight = (v->search_highlight + v->search_count - 1) % v->search_count; return true;
    default: return g->key >= 32 && g->key < 0x100 && !(g->mods & (MOD_CTRL | MOD_ALT)); /* typed: comes as text */
    }
}

/* The search field takes keys and text; a tap elsewhere closes it. */
static bool handle_search(Controller *c, const Gesture *g, Hit hit)
{
    bool swallow = c->swallow_slash;
    c->swallow_slash = false;
    if (g->type == GESTURE_TEXT) {
        if (!(swallow && strcmp(g->text, "/") == 0)) append_query(c, g->text);
        return true;
    }
    if (g->type == GESTURE_KEY) return search_key(c, g);
    if (g->type != GESTURE_TAP) return false;
    if (hit.kind == HIT_SEARCH_RESULT) open_result(c, hit.index);
    else if (hit.kind != HIT_SEARCH_FIELD) {
        close_search(c);
        return hit.kind == HIT_SEARCH_BUTTON;
    }
    return true;
}

/* The themes menu: a tap on a row shows or hides that category. */
static bool handle_themes(Controller *c, const Gesture *g, Hit hit)
{
    if (g->type == GESTURE_KEY && g->key == KEY_ESCAPE) {
        c->view.themes_open = false;
        return true;
    }
    if (g->type != GESTURE_TAP) return false;
    if (hit.kind == HIT_THEME_ROW) {
        c->category_hidden[hit.index] = !c->category_hidden[hit.index];
        c->layout_stale = true;
        return true;
    }
    c->view.themes_open = false;
    return hit.kind == HIT_THEMES_BUTTON;
}

static Hit hit_at(Controller *c, float x, float y)
{
    ensure_layout(c);
    c->chrome = view_chrome(c->tl, &c->view, &c->regions, &c->metrics, &c->measure);
    ViewInput in = view_input(c);
    return view_hit(&in, x, y);
}

/* Menus first: while one is open it sees every gesture before the timeline. */
static bool handle_menus(Controller *c, const Gesture *g)
{
    Hit hit = {HIT_NONE, 0};
    if (g->type == GESTURE_TAP) hit = hit_at(c, g->x, g->y);
    if (c->view.search_open && handle_search(c, g, hit)) return true;
    if (c->view.themes_open && handle_themes(c, g, hit)) return true;
    if (g->type == GESTURE_TAP && hit.kind == HIT_SEARCH_BUTTON) {
        open_search(c, false);
        return true;
    }
    if (g->type == GESTURE_TAP && hit.kind == HIT_THEMES_BUTTON) {
        c->view.themes_open = true;
        close_search(c);
        return true;
    }
    bool search_key_pressed = g->type == GESTURE_KEY && c->view.mode == VIEW_EXPLORE &&
                              (g->key == '/' || (g->key == 'f' && (g->mods & MOD_CTRL)));
    if (search_key_pressed) open_search(c, g->key == '/');
    return search_key_pressed;
}

void explore_handle(Controller *c, const Gesture *g)
{
    if (handle_menus(c, g)) return;
    if (c->view.help_open && (g->type == GESTURE_TAP || (g->type == GESTURE_KEY && g->key != '?' && g->key != KEY_F1))) {
        c->view.help_open = false; /* any key or touch closes the help */
        return;
    }
    switch (g->type) {
    case GESTURE_TAP: handle_tap(c, g); break;
    case GESTURE_DOUBLE_TAP: handle_double_tap(c, g); break;
    case GESTURE_DRAG_START: handle_drag_start(c, g); break;
    case GESTURE_DRAG: handle_drag(c, g); break;
    case GESTURE_DRAG_END: handle_drag_end(c, g); break;
    case GESTURE_PINCH: handle_pinch(c, g); break;
    case GESTURE_WHEEL: handle_wheel(c, g); break;
    case GESTURE_KEY: handle_key(c, g); break;
    case GESTURE_QUIT: c->quit = true; break;
    case GESTURE_RESIZE: controller_resize(c, g->x, g->y); break;
    case GESTURE_HOVER: {
        ensure_layout(c);
        int card = layout_card_at(&c->layout, g->x, g->y);
        c->view.hovered = card >= 0 ? c->layout.cards[card].event : -1;
        break;
    }
    default: break;
    }
}

/* ---- the loop's entry points -------------------------------------------------------------- */

static void dispatch(Controller *c, const Gesture *g)
{
    bool taken = false;
    if (c->view.mode == VIEW_KIOSK) taken = kiosk_handle(c, g);
    else if (c->view.mode == VIEW_PRESENT) taken = present_handle(c, g);
    if (!taken) explore_handle(c, g);
}

void controller_input(Controller *c, const InputEvent *ev)
{
    if (ev->t_ms > c->now_ms) c->now_ms = ev->t_ms;
    if (ev->type != INPUT_RESIZE) c->last_input_ms = c->now_ms;
    if (c->view.mode == VIEW_KIOSK && ev->type <= INPUT_POINTER_UP) kiosk_pointer(c, ev);
    Gesture gs[GESTURE_MAX_PER_EVENT * 2];
    int n = gesture_feed(&c->gestures, ev, gs, GESTURE_MAX_PER_EVENT * 2);
    for (int i = 0; i < n; i++) dispatch(c, &gs[i]);
}

bool controller_update(Controller *c, double now_ms)
{
    if (now_ms > c->now_ms) c->now_ms = now_ms;
    Gesture gs[GESTURE_MAX_PER_EVENT];
    int n = gesture_update(&c->gestures, c->now_ms, gs, GESTURE_MAX_PER_EVENT);
    for (int i = 0; i < n; i++) dispatch(c, &gs[i]);
    bool moving = step_zoom(c);
    moving |= step_flight(c);
    moving |= step_inertia(c);
    if (c->view.mode == VIEW_PRESENT) present_update(c);
    if (c->view.mode == VIEW_KIOSK) moving |= kiosk_update(c);
    return moving;
}

double controller_next_timer_ms(const Controller *c)
{
    if (c->view.mode != VIEW_KIOSK) {
        if (c->gestures.phase == GESTURE_PHASE_PRESS && !c->gestures.long_fired)
            return fmax(0, c->gestures.press_t_ms + c->gestures.cfg.long_press_ms - c->now_ms);
        return -1;
    }
    double due;
    if (c->view.kiosk_state == KIOSK_VISITOR) due = c->last_input_ms + c->desc.idle_ms;
    else if (c->view.kiosk_state == KIOSK_COUNTDOWN) due = c->now_ms + 250; /* the seconds tick down */
    else if (c->view.step_count > 0) due = c->steps.step_started_ms + controller_step_duration_ms(c, c->steps.current);
    else due = INFINITY; /* an empty timeline: nothing to tour */
    if (c->corner_press_ms >= 0) due = fmin(due, c->corner_press_ms + c->desc.exit_hold_ms);
    return isfinite(due) ? fmax(0, due - c->now_ms) : -1;
}

void controller_build(Controller *c, DrawList *dl)
{
    ensure_layout(c);
    c->chrome = view_chrome(c->tl, &c->view, &c->regions, &c->metrics, &c->measure);
    ViewInput in = view_input(c);
    view_build(dl, &in, &c->out);
    scroll_panel(c, 0); /* keep the scroll inside the content after a change */
}
