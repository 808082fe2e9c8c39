/* mode_explore.c: exploring: zoom and pan by any means, open stories, search,
 * filter by theme, switch language. Menus see every gesture first while one
 * is open. The other modes fall back on explore_handle. */
#include "controller.h"
#include "open_list.h"
#include "panel_actions.h"

#include <math.h>
#include <string.h>

/* ---- opening things ----------------------------------------------------------------------- */

static void select_relative(Controller *c, int delta)
{
    const Frame *f = controller_frame(c);
    int next = view_neighbour(c->tl, &f->view, delta);
    if (next >= 0) controller_open(c, next, true);
}

/* ---- the keyboard's focus --------------------------------------------------------------------- */

/* One place Tab can stop at. */
typedef struct FocusStop {
    FocusKind kind;
    int index;                   /* the card's event, the badge or the language */
} FocusStop;

enum { MAX_FOCUS_STOPS = LAYOUT_MAX_PLACED + 64 };

/* Tab order, which wraps: the visible cards in date order (cards come out
 * in time order), the badges left to right, the open story's buttons, then
 * the header's controls (search, themes, languages, help). Cards come first
 * so that Tab from nowhere lands on the first card, as a reader expects. */
static int focus_stops(Controller *c, FocusStop *out, int cap)
{
    const Frame *f = controller_frame(c);
    const Layout *l = &f->layout;
    const ViewChrome *ch = &f->chrome;
    int n = 0;
#define STOP(k, i) do { if (n < cap) out[n++] = (FocusStop){(k), (i)}; } while (0)
    if (ch->show_all_button.w > 0) STOP(FOCUS_SHOW_ALL, 0); /* the way back from an empty filter */
    for (int i = 0; i < l->card_count; i++) STOP(FOCUS_EVENT, l->cards[i].event);
    for (int i = 0; i < l->cluster_count; i++) STOP(FOCUS_BADGE, i);
    if (ch->panel.w > 0) {
        if (ch->panel_prev.w > 0) STOP(FOCUS_PANEL_PREV, 0);
        if (ch->panel_next.w > 0) STOP(FOCUS_PANEL_NEXT, 0);
        if (ch->panel_close.w > 0) STOP(FOCUS_PANEL_CLOSE, 0);
    }
    if (ch->search_button.w > 0 || ch->search_field.w > 0) STOP(FOCUS_SEARCH, 0);
    if (ch->themes_button.w > 0) STOP(FOCUS_THEMES, 0);
    for (int i = 0; i < ch->lang_count; i++) STOP(FOCUS_LANG, i);
    if (ch->picture_button.w > 0) STOP(FOCUS_PICTURE, 0);
    if (ch->help_button.w > 0) STOP(FOCUS_HELP, 0);
#undef STOP
    return n;
}

static void move_focus(Controller *c, int direction)
{
    FocusStop stops[MAX_FOCUS_STOPS];
    int n = focus_stops(c, stops, MAX_FOCUS_STOPS);
    if (n == 0) return;
    Selection *sel = &c->s.sel;
    int current = -1;
    for (int i = 0; i < n && current < 0; i++) {
        bool same_kind = stops[i].kind == sel->focus_kind;
        if (same_kind && sel->focus_kind == FOCUS_EVENT) current = stops[i].index == sel->focused ? i : -1;
        else if (same_kind && (sel->focus_kind == FOCUS_BADGE || sel->focus_kind == FOCUS_LANG))
            current = stops[i].index == sel->focus_index ? i : -1;
        else if (same_kind) current = i;
    }
    int next = current < 0 ? (direction > 0 ? 0 : n - 1) : (current + direction + n) % n;
    sel->focus_kind = stops[next].kind;
    if (stops[next].kind == FOCUS_EVENT) sel->focused = stops[next].index;
    else sel->focus_index = stops[next].index;
}

/* Zooms in on a badge's events: to their dates (a span's start, not its
 * end, so one long span does not stretch the view), at least twice closer. */
static void zoom_in_on(Controller *c, const int *events, int count)
{
    const TimeScale *s = &c->s.camera.scale;
    double from = c->tl->events[events[0]].start_days, to = c->tl->events[events[count - 1]].start_days + 1;
    double pad = fmax((to - from) * 0.15, 1.0);
    double centre = (from + to) / 2, width = fmin(to - from + 2 * pad, scale_width_days(s) / 2);
    controller_fly_to(c, centre - width / 2, centre + width / 2);
}

/* A badge: one event opens its story; more open as a list of them. */
static void open_cluster(Controller *c, int index)
{
    const Layout *l = &controller_frame(c)->layout;
    const LayoutCluster *k = &l->clusters[index];
    if (k->count == 1) {
        controller_open(c, layout_cluster_member(l, k, 0), false);
        return;
    }
    int *events = session_open_badge(&c->s, k->count, k->x, k->from_days, k->to_days);
    for (int i = 0; events && i < k->count; i++) events[i] = layout_cluster_member(l, k, i);
}

/* The rows the open list shows at once. */
static int badge_rows_shown(Controller *c)
{
    int n = controller_frame(c)->chrome.badge_row_count;
    return n > 0 ? n : 1;
}

/* Opens the list's event at row, closing the list. */
static void open_badge_row(Controller *c, int row)
{
    BadgeList *b = &c->s.badge;
    if (row < 0 || row >= b->count) return;
    int event = b->events[row];
    session_close_badge(&c->s);
    controller_open(c, event, false);
}

static void zoom_badge(Controller *c)
{
    BadgeList *b = &c->s.badge;
    session_close_badge(&c->s);
    if (b->count > 0) zoom_in_on(c, b->events, b->count);
}

/* The open list takes the keys that walk it, a wheel over it, and taps on
 * it; a tap elsewhere closes it and goes on (onto another badge, say). */
static bool handle_badge_list(Controller *c, const Gesture *g)
{
    BadgeList *b = &c->s.badge;
    if (g->type == GESTURE_KEY) {
        int shown = badge_rows_shown(c);
        switch (g->key) {
        case KEY_ESCAPE: session_close_badge(&c->s); return true;
        case KEY_DOWN: case KEY_TAB: session_badge_move(&c->s, g->key == KEY_TAB && (g->mods & MOD_SHIFT) ? -1 : 1, shown); return true;
        case KEY_UP: session_badge_move(&c->s, -1, shown); return true;
        case KEY_PAGEDOWN: session_badge_move(&c->s, b->highlight + shown < b->count ? shown : b->count - 1 - b->highlight, shown); return true;
        case KEY_PAGEUP: session_badge_move(&c->s, b->highlight >= shown ? -shown : -b->highlight, shown); return true;
        case KEY_HOME: session_badge_move(&c->s, -b->highlight, shown); return true;
        case KEY_END: session_badge_move(&c->s, b->count - 1 - b->highlight, shown); return true;
        case KEY_RETURN: open_badge_row(c, b->highlight); return true;
        case '+': case '=': case 'z': zoom_badge(c); return true;
        default: session_close_badge(&c->s); return false; /* another key acts on the view: the list goes */
        }
    }
    if (g->type == GESTURE_WHEEL) {
        Hit hit = controller_hit(c, g->x, g->y);
        if (hit.kind != HIT_BADGE_ROW && hit.kind != HIT_BADGE_LIST && hit.kind != HIT_BADGE_ZOOM) return false;
        int shown = badge_rows_shown(c), max_first = b->count - shown > 0 ? b->count - shown : 0;
        b->first += g->dy > 0 ? -1 : 1;
        b->first = b->first < 0 ? 0 : b->first > max_first ? max_first : b->first;
        if (b->highlight < b->first) b->highlight = b->first;
        if (b->highlight >= b->first + shown) b->highlight = b->first + shown - 1;
        return true;
    }
    if (g->type == GESTURE_DRAG_START || g->type == GESTURE_PINCH || g->type == GESTURE_WHEEL ||
        g->type == GESTURE_DOUBLE_TAP) {
        session_close_badge(&c->s); /* the view moves: the badge would leave its list behind */
        return false;
    }
    if (g->type != GESTURE_TAP) return false;
    Hit hit = controller_hit(c, g->x, g->y);
    switch (hit.kind) {
    case HIT_BADGE_ROW: open_badge_row(c, hit.index); return true;
    case HIT_BADGE_ZOOM: zoom_badge(c); return true;
    case HIT_BADGE_LIST: return true;
    default: session_close_badge(&c->s); return false;
    }
}

static double overview_time(Controller *c, float x)
{
    Rect o = controller_frame(c)->chrome.overview;
    double f = (x - o.x) / (o.w > 0 ? o.w : 1);
    return c->tl->min_days + f * (c->tl->max_days - c->tl->min_days);
}

static void scroll_panel(Controller *c, float dy_px)
{
    c->s.sel.panel_scroll_px += dy_px;
    controller_frame(c); /* keeps the scroll inside the story */
}

/* ---- pointer gestures --------------------------------------------------------------------------- */

/* A tap in an era's lane shows its whole name (a touch screen has no
 * hover); any other tap puts it away. */
static void tap_era(Controller *c, const Gesture *g, HitKind kind)
{
    Selection *sel = &c->s.sel;
    sel->era_tapped = false;
    if (g->is_touch) sel->pointer_rests = false; /* a finger lifted rests nowhere */
    if (kind != HIT_TIMELINE) return;
    const Frame *f = controller_frame(c);
    float lane = (g->y - f->regions.lanes_y0) / f->metrics.lane_h;
    if (lane < 0 || lane >= c->tl->lane_count) return;
    if (view_era_at(c->tl, (int)lane, scale_px_to_time(&f->view.scale, g->x)) < 0) return;
    sel->era_tapped = sel->pointer_rests = true;
    sel->pointer_x = g->x;
    sel->pointer_y = g->y;
}

static void handle_tap(Controller *c, const Gesture *g)
{
    Hit hit = controller_hit(c, g->x, g->y);
    tap_era(c, g, hit.kind);
    switch (hit.kind) {
    case HIT_CARD: /* at once, as the panel appears at once: the card stays where the eye is */
        controller_open(c, c->frame.layout.cards[hit.index].event, false);
        break;
    case HIT_CLUSTER: open_cluster(c, hit.index); break;
    case HIT_LANG: session_set_language(&c->s, hit.index); break;
    case HIT_HELP: c->s.help_open = !c->s.help_open; break;
    case HIT_PANEL_CLOSE: controller_select(c, -1); break;
    case HIT_PANEL_PREV: select_relative(c, -1); break;
    case HIT_PANEL_NEXT: select_relative(c, +1); break;
    case HIT_SHOW_ALL: filter_show_all(&c->s.filter); break;
    case HIT_PICTURE: c->requests.save_picture = true; break;
    case HIT_OVERVIEW: {
        double t = overview_time(c, g->x), width = scale_width_days(&c->s.camera.scale);
        controller_fly_to(c, t - width / 2, t + width / 2);
        break;
    }
    default: break;
    }
}

static void handle_double_tap(Controller *c, const Gesture *g)
{
    if (controller_hit(c, g->x, g->y).kind != HIT_TIMELINE) return;
    if (g->is_touch) camera_zoom_by(&c->s.camera, 2.0, g->x, c->now_ms); /* touch: zoom in where tapped */
    else controller_home(c);                                               /* mouse: the whole timeline */
}

static bool in_panel(HitKind kind)
{
    return kind == HIT_PANEL || kind == HIT_PANEL_PREV || kind == HIT_PANEL_NEXT;
}

static void handle_drag_start(Controller *c, const Gesture *g)
{
    camera_stop(&c->s.camera);
    HitKind kind = controller_hit(c, g->x, g->y).kind;
    c->explore.dragging_overview = kind == HIT_OVERVIEW;
    c->explore.dragging_panel = in_panel(kind);
    if (c->explore.dragging_overview) camera_centre_on(&c->s.camera, overview_time(c, g->x));
}

static void handle_drag(Controller *c, const Gesture *g)
{
    if (c->explore.dragging_overview) camera_centre_on(&c->s.camera, overview_time(c, g->x));
    else if (c->explore.dragging_panel) scroll_panel(c, -g->dy);
    else camera_pan_by(&c->s.camera, g->dx);
}

static void handle_drag_end(Controller *c, const Gesture *g)
{
    bool panned = !c->explore.dragging_overview && !c->explore.dragging_panel;
    c->explore.dragging_overview = c->explore.dragging_panel = false;
    if (panned && g->fling) camera_fling(&c->s.camera, g->vx, c->now_ms);
}

static void handle_wheel(Controller *c, const Gesture *g)
{
    float ui = controller_frame(c)->metrics.ui;
    if (in_panel(controller_hit(c, g->x, g->y).kind)) {
        scroll_panel(c, -g->dy * 60 * ui);
        return;
    }
    if (g->dx != 0) camera_pan_by(&c->s.camera, -g->dx * (g->precise ? 20 : 60) * ui);
    if (g->dy != 0) camera_zoom_by(&c->s.camera, pow(1.25, g->dy), g->x, c->now_ms);
}

static void handle_hover(Controller *c, const Gesture *g)
{
    const Layout *l = &controller_frame(c)->layout;
    int card = layout_card_at(l, g->x, g->y);
    c->s.sel.hovered = card >= 0 ? l->cards[card].event : -1;
    c->s.sel.pointer_rests = true; /* a badge or an era under it gets its tooltip */
    c->s.sel.era_tapped = false;
    c->s.sel.pointer_x = g->x;
    c->s.sel.pointer_y = g->y;
}

/* ---- keys ------------------------------------------------------------------------------------------ */

/* Reduced motion: flights and zooms jump, flings do not glide. */
static void toggle_reduced_motion(Controller *c)
{
    camera_stop(&c->s.camera);
    c->s.camera.reduced_motion = !c->s.camera.reduced_motion;
}

/* Enter on what has the focus: what a tap on it does. */
static void activate_focus(Controller *c)
{
    Selection *sel = &c->s.sel;
    switch (sel->focus_kind) {
    case FOCUS_EVENT: if (sel->focused >= 0) controller_open(c, sel->focused, false); break;
    case FOCUS_BADGE:
        if (sel->focus_index >= 0 && sel->focus_index < controller_frame(c)->layout.cluster_count)
            open_cluster(c, sel->focus_index);
        break;
    case FOCUS_PANEL_PREV: case FOCUS_PANEL_NEXT: {
        /* Opening the neighbour focuses its card; the focus stays on the
         * button instead, so that Enter again goes on walking. */
        FocusKind kind = sel->focus_kind;
        if (c->s.sel.selected >= 0) select_relative(c, kind == FOCUS_PANEL_NEXT ? 1 : -1);
        sel->focus_kind = kind;
        break;
    }
    case FOCUS_PANEL_CLOSE:
        controller_select(c, -1);
        sel->focus_kind = FOCUS_EVENT; /* back on the story's card */
        break;
    case FOCUS_SEARCH: session_open_search(&c->s, false); break;
    case FOCUS_THEMES:
        session_close_search(&c->s);
        c->s.themes_open = true;
        c->s.themes_highlight = 0;
        break;
    case FOCUS_LANG: session_set_language(&c->s, sel->focus_index); break;
    case FOCUS_HELP: c->s.help_open = !c->s.help_open; break;
    case FOCUS_SHOW_ALL: filter_show_all(&c->s.filter); sel->focus_kind = FOCUS_EVENT; break;
    case FOCUS_PICTURE: c->requests.save_picture = true; break;
    }
}

static void escape(Controller *c)
{
    if (c->s.help_open) c->s.help_open = false;
    else controller_select(c, -1);
}

/* Ctrl+ keys: the app's own commands. */
static bool handle_command_key(Controller *c, const Gesture *g)
{
    if (!(g->mods & MOD_CTRL) || (g->mods & MOD_ALT)) return false;
    if (g->key == 'q') c->requests.quit = true;
    else if (g->key == 'r') c->requests.reload = true;
    else if (g->key == 'o') open_list_request(c);
    else if (g->key == '+' || g->key == '=') session_step_text_scale(&c->s, 1);
    else if (g->key == '-') session_step_text_scale(&c->s, -1);
    else if (g->key == '0') session_step_text_scale(&c->s, 0);
    else return false;
    return true;
}

/* Keys for exploring; false for keys it does not know. */
static bool handle_key(Controller *c, const Gesture *g)
{
    Camera *cam = &c->s.camera;
    double centre_x = cam->scale.x0_px + cam->scale.width_px / 2;
    double step_px = cam->scale.width_px * 0.15;
    if (handle_command_key(c, g)) return true;
    switch (g->key) {
    case '+': case '=': case KEY_UP: camera_zoom_by(cam, 1.5, centre_x, c->now_ms); return true;
    case '-': case KEY_DOWN: camera_zoom_by(cam, 1 / 1.5, centre_x, c->now_ms); return true;
    case KEY_LEFT: camera_pan_by(cam, step_px); return true;
    case KEY_RIGHT: camera_pan_by(cam, -step_px); return true;
    case KEY_HOME: controller_home(c); return true;
    case KEY_TAB: move_focus(c, g->mods & MOD_SHIFT ? -1 : 1); return true;
    case KEY_RETURN: case ' ': activate_focus(c); return true;
    case KEY_ESCAPE: escape(c); return true;
    case KEY_PAGEDOWN: if (c->s.sel.selected >= 0) select_relative(c, 1); return true;
    case KEY_PAGEUP: if (c->s.sel.selected >= 0) select_relative(c, -1); return true;
    case 'l': session_next_language(&c->s); return true;
    case 's': if (!(g->mods & (MOD_CTRL | MOD_ALT))) c->requests.save_picture = true; return true;
    case 't': c->s.theme = view_theme_next(c->s.theme); return true;
    case 'r': toggle_reduced_motion(c); return true;
    case '?': case KEY_F1: c->s.help_open = !c->s.help_open; return true;
    case KEY_F11: c->requests.toggle_fullscreen = true; return true;
    case KEY_F5: controller_switch_mode(c, VIEW_PRESENT); return true;
    case 'q': c->requests.quit = true; return true;
    default: return false;
    }
}

/* ---- search and themes ------------------------------------------------------------------------------ */

/* Opens a found event and flies to it at a zoom where it has neighbours. */
static void open_result(Controller *c, int index)
{
    if (index < 0 || index >= c->s.search.count) return;
    int event = c->s.search.results[index];
    session_close_search(&c->s);
    controller_select(c, event);
    const Event *ev = &c->tl->events[event];
    double width = fmin(scale_width_days(&c->s.camera.scale), fmax((c->tl->max_days - c->tl->min_days) / 8, 60));
    controller_fly_to(c, ev->start_days - width / 2, ev->start_days + width / 2);
}

/* Keys while the search field has the focus; true when taken. */
static bool search_key(Controller *c, const Gesture *g)
{
    SearchBox *b = &c->s.search;
    switch (g->key) {
    case KEY_ESCAPE: session_close_search(&c->s); return true;
    case KEY_BACKSPACE: session_search_backspace(&c->s); return true;
    case KEY_RETURN: open_result(c, b->highlight); return true;
    case KEY_DOWN: if (b->count) b->highlight = (b->highlight + 1) % b->count; return true;
    case KEY_UP: if (b->count) b->highlight = (b->highlight + b->count - 1) % b->count; return true;
    default: return g->key >= 32 && g->key < 0x100 && !(g->mods & (MOD_CTRL | MOD_ALT)); /* typed: comes as text */
    }
}

/* The search field takes keys and text; a tap elsewhere closes it. */
static bool handle_search(Controller *c, const Gesture *g, Hit hit)
{
    bool swallow = c->s.search.swallow_slash;
    c->s.search.swallow_slash = false;
    if (g->type == GESTURE_TEXT) {
        if (!(swallow && strcmp(g->text, "/") == 0)) session_search_append(&c->s, g->text);
        return true;
    }
    if (g->type == GESTURE_KEY) return search_key(c, g);
    if (g->type != GESTURE_TAP) return false;
    if (hit.kind == HIT_SEARCH_RESULT) open_result(c, hit.index);
    else if (hit.kind != HIT_SEARCH_FIELD) {
        session_close_search(&c->s);
        return hit.kind == HIT_SEARCH_BUTTON;
    }
    return true;
}

/* The themes menu: a tap on a row shows or hides that category. */
static bool handle_themes(Controller *c, const Gesture *g, Hit hit)
{
    if (g->type == GESTURE_KEY && g->key == KEY_ESCAPE) {
        c->s.themes_open = false;
        return true;
    }
    if (g->type == GESTURE_KEY) { /* Up, Down, Tab walk the rows; Enter or Space turns one on or off */
        const ViewChrome *ch = &controller_frame(c)->chrome;
        int rows = ch->theme_row_count + ch->tag_row_count, *hl = &c->s.themes_highlight;
        if (rows == 0) return false;
        int step = g->key == KEY_DOWN || (g->key == KEY_TAB && !(g->mods & MOD_SHIFT)) ? 1
                   : g->key == KEY_UP || g->key == KEY_TAB                              ? -1
                                                                                         : 0;
        if (step) {
            *hl = *hl < 0 ? (step > 0 ? 0 : rows - 1) : (*hl + step + rows) % rows;
            return true;
        }
        if ((g->key == KEY_RETURN || g->key == ' ') && *hl >= 0 && *hl < rows) {
            if (*hl < ch->theme_row_count) filter_toggle(&c->s.filter, *hl);
            else filter_toggle_tag(&c->s.filter, *hl - ch->theme_row_count);
            return true;
        }
        return false;
    }
    if (g->type != GESTURE_TAP) return false;
    if (hit.kind == HIT_THEME_ROW) {
        filter_toggle(&c->s.filter, hit.index);
        return true;
    }
    if (hit.kind == HIT_TAG_ROW) {
        filter_toggle_tag(&c->s.filter, hit.index);
        return true;
    }
    c->s.themes_open = false;
    return hit.kind == HIT_THEMES_BUTTON;
}

/* Menus first: while one is open it sees every gesture before the timeline. */
static bool handle_menus(Controller *c, const Gesture *g)
{
    if (c->s.badge.open && handle_badge_list(c, g)) return true;
    Hit hit = {HIT_NONE, 0};
    if (g->type == GESTURE_TAP) hit = controller_hit(c, g->x, g->y);
    if (c->s.search.open && handle_search(c, g, hit)) return true;
    if (c->s.themes_open && handle_themes(c, g, hit)) return true;
    if (g->type == GESTURE_TAP && hit.kind == HIT_SEARCH_BUTTON) {
        session_open_search(&c->s, false);
        return true;
    }
    if (g->type == GESTURE_TAP && hit.kind == HIT_THEMES_BUTTON) {
        session_close_search(&c->s);
        c->s.themes_open = true;
        c->s.themes_highlight = -1;
        return true;
    }
    bool search_key_pressed = g->type == GESTURE_KEY && c->mode == VIEW_EXPLORE &&
                              (g->key == '/' || (g->key == 'f' && (g->mods & MOD_CTRL)));
    if (search_key_pressed) session_open_search(&c->s, g->key == '/');
    return search_key_pressed;
}

/* ---- the mode ----------------------------------------------------------------------------------------- */

void explore_handle(Controller *c, const Gesture *g)
{
    if (open_list_handle(c, g)) return; /* a dialog: it takes everything while open */
    if (panel_handle(c, g)) return; /* the story's links, image and citation first */
    if (handle_menus(c, g)) return;
    if (c->s.help_open && g->type == GESTURE_KEY && g->key == 'r' && !(g->mods & (MOD_CTRL | MOD_ALT))) {
        toggle_reduced_motion(c); /* the help overlay shows the setting: it stays open */
        return;
    }
    if (c->s.help_open && (g->type == GESTURE_TAP || (g->type == GESTURE_KEY && g->key != '?' && g->key != KEY_F1))) {
        c->s.help_open = false; /* any key or touch closes the help */
        return;
    }
    switch (g->type) {
    case GESTURE_TAP: handle_tap(c, g); break;
    case GESTURE_DOUBLE_TAP: handle_double_tap(c, g); break;
    case GESTURE_DRAG_START: handle_drag_start(c, g); break;
    case GESTURE_DRAG: handle_drag(c, g); break;
    case GESTURE_DRAG_END: handle_drag_end(c, g); break;
    case GESTURE_PINCH: camera_pinch(&c->s.camera, g->dx, g->scale, g->x); break;
    case GESTURE_WHEEL: handle_wheel(c, g); break;
    case GESTURE_KEY: handle_key(c, g); break;
    case GESTURE_QUIT: c->requests.quit = true; break;
    case GESTURE_RESIZE: controller_resize(c, g->x, g->y); break;
    case GESTURE_HOVER: handle_hover(c, g); break;
    default: break;
    }
}

static bool explore_take_all(Controller *c, const Gesture *g)
{
    explore_handle(c, g);
    return true;
}

static void explore_nothing(Controller *c)
{
    (void)c;
}

static bool explore_update(Controller *c)
{
    (void)c;
    return false; /* nothing moves by itself but the camera */
}

static double explore_next_timer_ms(const Controller *c)
{
    (void)c;
    return -1;
}

static void explore_describe(const Controller *c, ViewState *view)
{
    (void)c;
    (void)view; /* the session says it all */
}

const Mode *mode_explore(void)
{
    static const Mode mode = {VIEW_EXPLORE, explore_nothing, explore_nothing, explore_take_all, explore_update,
                              explore_next_timer_ms, explore_describe};
    return &mode;
}
