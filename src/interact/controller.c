/* controller.c: the loop's entry points, mode switching, and the frame's one
 * geometry pass. What each mode does with a gesture lives in its own file. */
#include "controller.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the geometry pass -------------------------------------------------------------- */

/* The view is what the session and the mode say, for this frame. */
static ViewState derive_view(const Controller *c)
{
    const Session *s = &c->s;
    ViewState v;
    memset(&v, 0, sizeof v);
    v.scale = s->camera.scale;
    v.lang = s->lang;
    v.selected = s->sel.selected;
    v.focused = s->sel.focused;
    v.focus_kind = s->sel.focus_kind;
    v.focus_index = s->sel.focus_index;
    v.themes_highlight = s->themes_open ? s->themes_highlight : -1;
    v.reduced_motion = s->camera.reduced_motion;
    v.hovered = s->sel.hovered;
    v.panel_scroll_px = s->sel.panel_scroll_px;
    v.help_open = s->help_open;
    v.today_days = s->today_days;
    v.mode = c->mode;
    v.search_open = s->search.open;
    v.search_query = s->search.query;
    v.search_results = s->search.results;
    v.search_count = s->search.count;
    v.search_highlight = s->search.highlight;
    v.themes_open = s->themes_open;
    v.badge_open = s->badge.open;
    v.badge_events = s->badge.events;
    v.badge_count = s->badge.count;
    v.badge_highlight = s->badge.highlight;
    v.badge_first = s->badge.first;
    v.badge_x = s->badge.anchor_x;
    v.files_open = s->files.open;
    v.files = s->files.rows;
    v.file_count = s->files.count;
    v.file_highlight = s->files.highlight;
    v.file_first = s->files.first;
    v.files_folder = s->files.folder;
    v.category_hidden = s->filter.category_hidden;
    v.tags = s->tags;
    v.tag_count = s->tag_count;
    v.only_tag = session_only_tag(s) ? s->filter.tag : -1;
    v.banner = s->banner;
    v.step_entry = "";
    v.image_open = c->image_open && c->image_event == s->sel.selected && s->sel.selected >= 0;
    mode_of(c->mode)->describe(c, &v);
    return v;
}

/* A cache key: the bytes of what a result was built from. */
static bool key_changed(unsigned char *stored, size_t cap, const void *fresh, size_t len)
{
    if (len > cap) return true;
    if (memcmp(stored, fresh, len) == 0) return false;
    memcpy(stored, fresh, len);
    return true;
}

typedef struct LayoutKey {
    TimeScale scale;
    Regions regions;
    float card_w, card_h;
    unsigned filter_revision;
    int pinned;
    const Timeline *tl;
} LayoutKey;

/* The event whose card is pinned: the open story's, else the focused one. */
static int pinned_event(const Frame *f)
{
    return f->view.selected >= 0 ? f->view.selected : f->view.focused;
}

static void refresh_layout(Controller *c)
{
    Frame *f = &c->frame;
    LayoutKey key;
    memset(&key, 0, sizeof key); /* padding too: the key is compared as bytes */
    key.scale = f->view.scale;
    key.regions = f->regions;
    key.card_w = f->metrics.card_w;
    key.card_h = f->metrics.card_h;
    key.filter_revision = c->s.filter.revision;
    key.pinned = pinned_event(f);
    key.tl = c->tl;
    _Static_assert(sizeof key <= sizeof f->layout_key, "layout key fits");
    if (!key_changed(f->layout_key, sizeof f->layout_key, &key, sizeof key)) return;
    LayoutInput in = {c->tl,   &f->view.scale, &f->metrics,      &f->regions,
                      c->s.filter.category_hidden, session_only_tag(&c->s), &c->rank, key.pinned >= 0, key.pinned};
    layout_build(&f->layout, &in);
}

typedef struct PanelKey {
    int selected, lang;
    ViewMode mode;
    KioskState kiosk_phase;
    const Text *caption;
    Rect panel, body;
    float ui;
    const Timeline *tl;
} PanelKey;

ViewInput controller_view_input(const Controller *c)
{
    const Frame *f = &c->frame;
    return (ViewInput){c->tl, &f->view, &f->layout, &f->regions, &f->metrics, &c->measure, &f->theme, &f->chrome,
                       f->ticks, f->tick_count, f->breaker, f->qr_codes};
}

/* The story's height, measured by laying it out once into a reused list
 * whenever what it shows or where changes; scrolling is kept inside it. */
static void refresh_panel(Controller *c)
{
    Frame *f = &c->frame;
    PanelKey key;
    memset(&key, 0, sizeof key);
    key.selected = f->view.selected;
    key.lang = f->view.lang;
    key.mode = f->view.mode;
    key.kiosk_phase = f->view.kiosk_state;
    key.caption = f->view.caption;
    key.panel = f->chrome.panel;
    key.body = f->chrome.panel_body;
    key.ui = f->metrics.ui;
    key.tl = c->tl;
    _Static_assert(sizeof key <= sizeof f->panel_key, "panel key fits");
    if (key_changed(f->panel_key, sizeof f->panel_key, &key, sizeof key)) {
        ViewInput in = controller_view_input(c);
        drawlist_clear(&f->panel_scratch);
        f->panel_content_h = view_draw_panel(&f->panel_scratch, &in);
    }
    float max = fmaxf(0, f->panel_content_h - f->chrome.panel_body.h);
    Selection *sel = &c->s.sel;
    sel->panel_scroll_px = fminf(fmaxf(sel->panel_scroll_px, 0), max);
    f->view.panel_scroll_px = sel->panel_scroll_px;
}

/* The picture button, badge or era under the resting pointer, found in
 * this frame's layout (so a tooltip never names what has moved away). */
static ViewTip find_tip(const Controller *c)
{
    const Frame *f = &c->frame;
    const Selection *sel = &c->s.sel;
    ViewTip tip = {TIP_NONE, -1, sel->pointer_x, sel->pointer_y};
    if (!sel->pointer_rests || c->mode == VIEW_PRESENT) return tip;
    float x = sel->pointer_x, y = sel->pointer_y;
    Rect b = f->chrome.picture_button;
    if (b.w > 0 && x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h) {
        tip.kind = TIP_PICTURE;
        return tip;
    }
    const Regions *r = &f->regions;
    if (x < r->timeline_x0 || x > r->timeline_x1) return tip;
    int cluster = sel->era_tapped ? -1 : layout_cluster_at(&f->layout, x, y);
    if (cluster >= 0) {
        tip.kind = TIP_BADGE;
        tip.index = cluster;
        return tip;
    }
    float lane = (y - r->lanes_y0) / f->metrics.lane_h;
    if (lane >= 0 && lane < c->tl->lane_count && layout_card_at(&f->layout, x, y) < 0) {
        int era = view_era_at(c->tl, (int)lane, scale_px_to_time(&f->view.scale, x));
        if (era >= 0) {
            tip.kind = TIP_ERA;
            tip.index = era;
        }
    }
    return tip;
}

const Frame *controller_frame(Controller *c)
{
    Frame *f = &c->frame;
    f->view = derive_view(c);
    LayoutStyle style = c->desc.large || c->mode != VIEW_EXPLORE ? LAYOUT_STYLE_LARGE : LAYOUT_STYLE_DESKTOP;
    f->metrics = layout_metrics_scaled(c->win_w, c->win_h, style, c->s.text_scale, &c->measure);
    float panel_w = view_panel_width(c->win_w, f->metrics.ui, &f->view);
    bool story = c->mode != VIEW_EXPLORE && f->view.selected >= 0;
    f->regions = layout_regions(c->win_w, c->win_h, &f->metrics, c->tl->lane_count, panel_w, story);
    const TimeScale *cam = &c->s.camera.scale;
    float area_w = f->regions.timeline_x1 - f->regions.timeline_x0;
    if (cam->x0_px != f->regions.timeline_x0 || cam->width_px != area_w)
        camera_set_area(&c->s.camera, f->regions.timeline_x0, area_w); /* the window or the panel moved */
    f->view.scale = c->s.camera.scale;
    f->theme = view_theme(c->s.theme);
    f->chrome = view_chrome(c->tl, &f->view, &f->regions, &f->metrics, &c->measure);
    f->tick_count = view_ticks(c->tl, &f->view, &f->metrics, &c->measure, f->ticks);
    refresh_layout(c);
    f->view.tip = find_tip(c);
    if (c->picture_only) {
        f->view.tip.kind = TIP_NONE;
        f->view.hovered = f->view.focused = -1;
        f->view.focus_kind = FOCUS_EVENT;
    }
    refresh_panel(c);
    return f;
}

void controller_show_files(Controller *c, const FileChoice *rows, int count, const char *folder)
{
    if (c->mode == VIEW_EXPLORE) session_open_files(&c->s, rows, count, folder);
}

void controller_picture_only(Controller *c, bool on)
{
    c->picture_only = on;
}

Hit controller_hit(Controller *c, float x, float y)
{
    controller_frame(c);
    ViewInput in = controller_view_input(c);
    return view_hit(&in, x, y);
}

void controller_build(Controller *c, DrawList *dl)
{
    controller_frame(c);
    ViewInput in = controller_view_input(c);
    view_build(dl, &in);
}

/* ---- setup ------------------------------------------------------------------------------ */

void controller_init(Controller *c, const Timeline *tl, const ControllerDesc *desc, TextMeasurer measure, float w,
                     float h, double now_ms)
{
    memset(c, 0, sizeof *c);
    c->tl = tl;
    rank_build(&c->rank, tl); /* out of memory: layout falls back on time order */
    c->desc = *desc;
    if (c->desc.idle_ms <= 0) c->desc.idle_ms = 90000;
    if (c->desc.countdown_ms <= 0) c->desc.countdown_ms = 10000;
    if (c->desc.exit_hold_ms <= 0) c->desc.exit_hold_ms = 5000;
    c->measure = measure;
    c->win_w = w;
    c->win_h = h;
    c->now_ms = c->last_input_ms = now_ms;
    c->mode = VIEW_EXPLORE;
    c->present.steps = (Stepper){desc->tour, -1, now_ms};
    c->kiosk.attract = (Stepper){desc->tour >= 0 ? desc->tour : tl->tour_count > 0 ? 0 : -1, -1, now_ms};
    c->kiosk.corner_press_ms = -1;
    c->frame.breaker = calloc(1, sizeof *c->frame.breaker); /* NULL: the view wraps with a temporary one */
    c->frame.qr_codes = calloc(1, sizeof *c->frame.qr_codes); /* NULL: the view encodes per draw */
    session_init(&c->s, tl, desc->lang, desc->theme, desc->today_days, desc->reduced_motion, w);
    c->s.text_scale = layout_text_scale_clamp(desc->text_scale);
    gesture_init(&c->gestures, NULL);
    controller_frame(c); /* the camera learns its area */
    double from, to;
    session_home_range(&c->s, &from, &to);
    controller_set_view(c, from, to);
    if (desc->mode != VIEW_EXPLORE) controller_switch_mode(c, desc->mode);
}

void controller_free(Controller *c)
{
    layout_free(&c->frame.layout);
    rank_free(&c->rank);
    drawlist_free(&c->frame.panel_scratch);
    if (c->frame.breaker) wrap_breaker_free(c->frame.breaker);
    free(c->frame.breaker);
    if (c->frame.qr_codes) qr_cache_free(c->frame.qr_codes);
    free(c->frame.qr_codes);
    session_free(&c->s);
}

void controller_reset_pointers(Controller *c)
{
    gesture_init(&c->gestures, NULL);
    c->kiosk.corner_press_ms = -1;
    c->explore.dragging_overview = c->explore.dragging_panel = false;
}

void controller_resize(Controller *c, float w, float h)
{
    c->win_w = w;
    c->win_h = h;
    controller_frame(c);
}

void controller_switch_mode(Controller *c, ViewMode mode)
{
    mode_of(c->mode)->exit(c);
    c->mode = mode;
    controller_frame(c); /* the new mode's regions, before it places anything */
    mode_of(mode)->enter(c);
}

void controller_set_banner(Controller *c, const char *text)
{
    c->s.banner = text && text[0] ? text : NULL;
}

/* ---- camera and selection ------------------------------------------------------------------ */

void controller_set_view(Controller *c, double from, double to)
{
    camera_set_view(&c->s.camera, from, to);
}

void controller_fly_to(Controller *c, double from, double to)
{
    camera_fly_to(&c->s.camera, from, to, c->now_ms);
}

void controller_home(Controller *c)
{
    double from, to;
    session_home_range(&c->s, &from, &to);
    controller_fly_to(c, from, to);
}

void controller_select(Controller *c, int event)
{
    session_select(&c->s, event);
    controller_frame(c); /* the panel takes or frees room before anything is placed */
}

/* Brings an event's date into the timeline area, away from its edges. */
static void reveal_event(Controller *c, int event, bool animate)
{
    const Frame *f = controller_frame(c);
    const TimeScale *s = &c->s.camera.scale;
    const Event *ev = &c->tl->events[event];
    double x = scale_time_to_px(s, ev->start_days);
    double margin = fmin(f->metrics.card_w, s->width_px / 4);
    if (x >= f->regions.timeline_x0 + margin && x <= f->regions.timeline_x1 - margin) return;
    double width = scale_width_days(s);
    double from = ev->start_days - width / 3, to = from + width; /* a third in: room for its card */
    if (animate) controller_fly_to(c, from, to);
    else controller_set_view(c, from, to);
}

void controller_open(Controller *c, int event, bool animate)
{
    controller_select(c, event);
    if (c->s.sel.selected >= 0 && c->mode == VIEW_EXPLORE) reveal_event(c, c->s.sel.selected, animate);
}

void controller_show_step(Controller *c, Stepper *walk, int step)
{
    walk->current = step;
    walk->step_started_ms = c->now_ms;
    controller_select(c, steps_event(c->tl, walk->tour, step));
    double home_from, home_to, from, to;
    session_home_range(&c->s, &home_from, &home_to);
    steps_range(c->tl, walk->tour, step, home_from, home_to, &from, &to);
    controller_fly_to(c, from, to);
}

/* ---- the loop's entry points ------------------------------------------------------------------ */

static void dispatch(Controller *c, const Gesture *g)
{
    if (!mode_of(c->mode)->handle(c, g)) explore_handle(c, g);
}

void controller_input(Controller *c, const InputEvent *ev)
{
    if (ev->t_ms > c->now_ms) c->now_ms = ev->t_ms;
    if (ev->type == INPUT_POINTER_LEAVE) { /* no hover and no tooltip for a pointer that is gone (not a visit) */
        c->s.sel.hovered = -1;
        c->s.sel.pointer_rests = false;
        return;
    }
    if (ev->type != INPUT_RESIZE) c->last_input_ms = c->now_ms;
    if (ev->type == INPUT_KEY_DOWN || ev->type == INPUT_POINTER_DOWN) c->s.banner = NULL; /* read: dismissed */
    if (c->mode == VIEW_KIOSK && ev->type <= INPUT_POINTER_UP) kiosk_pointer(c, ev);
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
    bool moving = camera_update(&c->s.camera, c->now_ms);
    moving |= mode_of(c->mode)->update(c);
    return moving;
}

double controller_next_timer_ms(const Controller *c)
{
    double due = mode_of(c->mode)->next_timer_ms(c);
    const GestureRecognizer *g = &c->gestures;
    if (g->phase == GESTURE_PHASE_PRESS && !g->long_fired) {
        double press = fmax(0, g->press_t_ms + g->cfg.long_press_ms - c->now_ms);
        due = due < 0 ? press : fmin(due, press);
    }
    return due;
}

/* ---- the modes' table -------------------------------------------------------------------------- */

const Mode *mode_of(ViewMode id)
{
    switch (id) {
    case VIEW_PRESENT: return mode_present();
    case VIEW_KIOSK: return mode_kiosk();
    default: return mode_explore();
    }
}

/* ---- filters from the command line -------------------------------------------------------- */

/* Whether the comma-separated list names id (exactly, spaces around a name
 * ignored). */
static bool csv_names(const char *csv, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = csv; *p;) {
        while (*p == ' ') p++;
        const char *end = p;
        while (*end && *end != ',') end++;
        const char *last = end;
        while (last > p && last[-1] == ' ') last--;
        if ((size_t)(last - p) == n && strncmp(p, id, n) == 0) return true;
        p = *end ? end + 1 : end;
    }
    return false;
}

void controller_show_only(Controller *c, const char *categories_csv, const char *tag)
{
    Filter *f = &c->s.filter;
    filter_show_all(f);
    if (categories_csv && categories_csv[0])
        for (int i = 0; i < c->tl->category_count && i < LOAD_MAX_LIST; i++)
            f->category_hidden[i] = !csv_names(categories_csv, c->tl->categories[i].id);
    if (tag && tag[0])
        for (int t = 0; t < c->s.tag_count; t++)
            if (search_same_tag(c->s.tags[t], tag)) f->tag = t;
    f->revision++;
}

bool controller_filter_problem(const Controller *c, const char *categories_csv, const char *tag, char *buf,
                               size_t cap)
{
    if (cap) buf[0] = '\0';
    for (const char *p = categories_csv ? categories_csv : ""; *p;) {
        while (*p == ' ') p++;
        const char *end = p;
        while (*end && *end != ',') end++;
        const char *last = end;
        while (last > p && last[-1] == ' ') last--;
        bool known = last == p; /* an empty item names nothing */
        for (int i = 0; !known && i < c->tl->category_count; i++)
            known = strlen(c->tl->categories[i].id) == (size_t)(last - p) &&
                    strncmp(c->tl->categories[i].id, p, (size_t)(last - p)) == 0;
        if (!known) {
            snprintf(buf, cap, "--category: the timeline has no category '%.*s'", (int)(last - p), p);
            return false;
        }
        p = *end ? end + 1 : end;
    }
    if (tag && tag[0]) {
        bool known = false;
        for (int t = 0; !known && t < c->s.tag_count; t++)
            known = search_same_tag(c->s.tags[t], tag);
        if (!known) {
            snprintf(buf, cap, "--tag: no event carries the tag '%s'", tag);
            return false;
        }
    }
    return true;
}
