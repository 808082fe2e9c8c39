/* layout.c: metrics, regions, and the placement of cards and clusters.
 *
 * Cards are placed as maps place labels: by rank (rank.h), capitals before
 * villages. Within reach of the view, the most important event takes the
 * free row nearest the axis (above and below alternate), then the next,
 * and so on; a card slides beside its leader (from 18 px to most of its
 * width right of its date) to the free place nearest where it would sit
 * alone. So an event is a badge only when its card fits nowhere beside the
 * cards of the events ranked above it, and an unverified claim never takes
 * the place of a confirmed event. The open or focused event is pinned: it is
 * placed before all the others.
 *
 * Two passes keep rows still while panning. Pass 1 places the events on a
 * grid of (screen + card) widths, one to two of them either side of the view,
 * as if the screen had no edges: a small pan keeps the same set, so every
 * card gets the same row and place. Pass 2 places the events on screen again
 * in rank order, each at its pass-1 place when that is inside the screen and
 * free, else as near it as its row allows, else in the first row with room,
 * else in a badge; only cards near the edges (and those they push) differ
 * from pass 1. Zooming in moves events apart, so a card rarely gives way
 * while zooming in on it (test_layout.c measures how rarely). Only the first
 * few hundred candidates in rank order (sixteen times what the rows can
 * hold) try for a card in either pass: the rest of a dense burst could not
 * get one, and trying each against every row cost milliseconds a frame.
 *
 * Badges gather what has no card, in time order: an event joins the badge to
 * its left when that badge is close, otherwise it starts a new one. When too
 * many events are in reach, the most important few hundred in view (found
 * down the rank order) compete for cards and the rest are counted in fixed
 * time buckets found by binary search, so the cost follows the screen, not
 * the timeline. */
#include "layout.h"

#include "grow.h"
#include "search.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- metrics and regions ------------------------------------------------------ */

static int px(float size, float ui)
{
    return (int)lroundf(size * ui);
}

static CardBox card_box(const LayoutMetrics *m, const TextMeasurer *tm)
{
    CardBox b;
    b.bar_h = 4 * m->ui;
    b.date_y = b.bar_h + m->card_pad;
    b.date_line_h = tm->line_height(tm->ctx, FONT_BOLD, m->date_px);
    b.title_y = b.date_y + b.date_line_h + 4 * m->ui;
    b.title_line_h = tm->line_height(tm->ctx, FONT_BOLD, m->card_title_px);
    b.summary_gap = 4 * m->ui;
    b.summary_line_h = tm->line_height(tm->ctx, FONT_REGULAR, m->summary_px);
    b.thumb_max = 84 * m->ui;
    return b;
}

double layout_text_scale_clamp(double t)
{
    if (!(t > 0) || !isfinite(t)) return 1.0;
    t = round(t / LAYOUT_TEXT_SCALE_STEP) * LAYOUT_TEXT_SCALE_STEP;
    return t < LAYOUT_TEXT_SCALE_MIN ? LAYOUT_TEXT_SCALE_MIN : t > LAYOUT_TEXT_SCALE_MAX ? LAYOUT_TEXT_SCALE_MAX : t;
}

/* A type size: size at 1080p times ui, never under the floor. */
static int type_px(float size, float ui, int floor_px)
{
    int p = px(size, ui);
    return p < floor_px ? floor_px : p;
}

LayoutMetrics layout_metrics(float w, float h, LayoutStyle style, const TextMeasurer *tm)
{
    return layout_metrics_scaled(w, h, style, 1.0, tm);
}

LayoutMetrics layout_metrics_scaled(float w, float h, LayoutStyle style, double text_scale, const TextMeasurer *tm)
{
    /* The short side sets the scale, so a portrait totem (1080x1920) keeps
     * the type and the 60 px touch targets of a 1080p landscape screen. */
    float ui = fmaxf(0.85f, fminf(fminf(w, h) / 1080.0f, fmaxf(w, h) / 1600.0f));
    if (ui > 3.0f) ui = 3.0f;
    return layout_metrics_at_ui(ui, style, text_scale, tm);
}

LayoutMetrics layout_metrics_at_ui(float ui, LayoutStyle style, double text_scale, const TextMeasurer *tm)
{
    LayoutMetrics m;
    memset(&m, 0, sizeof m);
    bool large = style == LAYOUT_STYLE_LARGE;
    double ts = layout_text_scale_clamp(text_scale);
    if (large && ts < 1.0) ts = 1.0;
    /* The reader's text size scales everything that holds text, so ui
     * carries it: a card, a button or a row grows with its words. */
    ui *= (float)ts;
    m.ui = ui;
    /* Below the default text size the reader asked for small type; at it,
     * a small screen's ui (0.85) would make 13 px dates 11 px: too small. */
    int floor_px = ts >= 1.0 ? LAYOUT_MIN_READABLE_PX : LAYOUT_MIN_TEXT_PX;
    m.title_px = type_px(large ? 32 : 26, ui, floor_px);
    m.card_title_px = type_px(large ? 24 : 18, ui, floor_px);
    m.summary_px = type_px(large ? 20 : 15, ui, floor_px);
    m.date_px = type_px(large ? 20 : 13, ui, floor_px);
    m.axis_px = type_px(large ? 20 : 13, ui, floor_px);
    m.body_px = type_px(large ? 24 : 18, ui, floor_px);
    m.panel_title_px = type_px(large ? 36 : 28, ui, floor_px);
    m.small_px = type_px(large ? 20 : 13, ui, floor_px);
    m.card_title_lines = 2;
    m.card_title_max_lines = 3;
    m.card_summary_lines = large ? 2 : 3;
    m.card_w = (large ? 360 : 290) * ui;
    m.card_pad = 12 * ui;
    m.card_gap = 12 * ui;
    m.row_gap = 12 * ui;
    m.leader_inset = 18 * ui;
    m.badge_d = (large ? 60 : 40) * ui;
    m.lane_h = (large ? 32 : 26) * ui;
    m.header_h = (large ? 84 : 64) * ui;
    m.overview_h = (large ? 72 : 56) * ui;
    m.margin = 16 * ui;
    m.card = card_box(&m, tm);
    m.card_h = m.card.title_y + m.card_title_lines * m.card.title_line_h + m.card.summary_gap +
               m.card_summary_lines * m.card.summary_line_h + m.card_pad;
    return m;
}

Regions layout_regions(float w, float h, const LayoutMetrics *m, int lane_count, float panel_w, bool story)
{
    Regions r;
    memset(&r, 0, sizeof r);
    r.w = w;
    r.h = h;
    r.header_y1 = m->header_h;
    r.content_y0 = m->header_h;
    r.overview_y0 = h - m->overview_h;
    r.overview_y1 = h;
    r.content_y1 = r.overview_y0;
    r.panel_x0 = panel_w > 0 ? w - panel_w : w;
    r.timeline_x0 = 0;
    r.timeline_x1 = r.panel_x0;

    float block_h = layout_axis_block_h(m, lane_count);
    float row_h = m->card_h + m->row_gap;
    float content_h = r.content_y1 - r.content_y0;
    int rows = story ? 0 : (int)floorf((content_h - block_h - 2 * m->margin) / row_h);
    if (rows < 1 && !story) rows = 1;
    int above = (rows + 1) / 2;
    if (story) {
        /* The block at the bottom; above it, the room for one large story card. */
        layout_stack_rows(&r, m, lane_count, r.content_y1 - block_h - m->margin, 0, 0);
        r.above_y0 = r.content_y0 + m->margin;
    } else {
        float top = r.content_y0 + fmaxf(m->margin, (content_h - rows * row_h - block_h) / 2);
        layout_stack_rows(&r, m, lane_count, top, above, rows - above);
    }
    return r;
}

float layout_axis_block_h(const LayoutMetrics *m, int lane_count)
{
    float ticks_h = m->axis_px * 1.6f + 6 * m->ui;
    return m->row_gap + m->badge_d + 4 * m->ui + lane_count * m->lane_h + 2 + ticks_h + m->row_gap;
}

void layout_stack_rows(Regions *r, const LayoutMetrics *m, int lane_count, float top_y, int rows_above,
                       int rows_below)
{
    float ticks_h = m->axis_px * 1.6f + 6 * m->ui;
    float row_h = m->card_h + m->row_gap;
    r->rows_above = rows_above;
    r->rows_below = rows_below;
    r->above_y0 = top_y;
    r->above_y1 = top_y + rows_above * row_h;
    r->cluster_y = r->above_y1 + m->row_gap + m->badge_d / 2;
    r->lanes_y0 = r->cluster_y + m->badge_d / 2 + 4 * m->ui;
    r->axis_y = r->lanes_y0 + lane_count * m->lane_h + 2;
    r->ticks_y = r->axis_y + 6 * m->ui;
    r->below_y0 = r->ticks_y + ticks_h + m->row_gap;
    r->below_y1 = r->below_y0 + rows_below * row_h;
}

void layout_free(Layout *l)
{
    free(l->cards);
    free(l->clusters);
    free(l->members);
    free(l->placements);
    free(l->skips);
    free(l->slots);
    free(l->sort_keys);
    memset(l, 0, sizeof *l);
    l->story_pin = -1;
}

/* ---- placement --------------------------------------------------------------------- */

enum { MAX_ROWS = 32 };

/* Cards closer than this (in pixels) count as touching, not overlapping. */
#define SLACK_PX 0.01f

/* A card placed so far, or a place reserved by pass 1: its left edge,
 * chained with the others of its row. */
typedef struct LayoutSlot {
    float x;
    int owner;                     /* the placement it belongs to */
    int prev;                      /* the row's slot placed before, or -1 */
} LayoutSlot;

typedef struct Placer {
    Layout *out;
    const LayoutInput *in;
    int row_count;
    int row_last[MAX_ROWS];        /* each row's last card, -1 while empty */
    int reserved_last[MAX_ROWS];   /* each row's last place reserved by pass 1 */
    int slot_count;
    float screen_lo, screen_hi;    /* the timeline area: events here are shown */
    float area_lo, area_hi;        /* where cards and badges may lie */
    int pinned;                    /* the pinned event, -1 for none */
} Placer;

/* One candidate for a card: first placed as if the screen had no edges (the
 * rows that stay put while panning), then on the screen. */
typedef struct LayoutPlacement {
    int event;
    float anchor, span_x1;
    bool visible;                  /* its anchor is in the timeline area */
    bool done;                     /* pass 2 has placed it, or found no room */
    int free_row;                  /* without edges: row (preference index) or -1 */
    float free_x;
    int row;                       /* on screen: row or -1, a badge */
    float x;
} LayoutPlacement;

/* Row k in order of preference: nearest the axis first, above and below alternating. */
static void row_of(const Regions *r, int k, bool *above, int *row)
{
    if (r->rows_below == 0) {
        *above = true;
        *row = k;
        return;
    }
    int pair = k / 2;
    bool want_above = k % 2 == 0;
    if (want_above && pair >= r->rows_above) want_above = false;
    if (!want_above && pair >= r->rows_below) want_above = true;
    *above = want_above;
    *row = want_above ? (k < 2 * r->rows_below ? pair : k - r->rows_below) : (k < 2 * r->rows_above ? pair : k - r->rows_above);
}

float layout_row_y(const Regions *r, const LayoutMetrics *m, bool above, int row)
{
    float row_h = m->card_h + m->row_gap;
    return above ? r->above_y1 - (row + 1) * row_h + m->row_gap / 2 : r->below_y0 + row * row_h + m->row_gap / 2;
}

static bool emit_card(Placer *p, const LayoutPlacement *pl)
{
    Layout *out = p->out;
    if (!grow_array_int((void **)&out->cards, &out->card_cap, out->card_count + 1, sizeof *out->cards)) {
        out->out_of_memory = true;
        return false;
    }
    LayoutCard *c = &out->cards[out->card_count++];
    const LayoutMetrics *m = p->in->m;
    row_of(p->in->r, pl->row, &c->above, &c->row);
    c->event = pl->event;
    c->x = pl->x;
    c->y = layout_row_y(p->in->r, m, c->above, c->row);
    c->w = m->card_w;
    c->h = m->card_h;
    c->anchor_x = pl->anchor;
    c->span_x1 = pl->span_x1;
    return true;
}

/* ---- rows: free places ----------------------------------------------------------------- */

static void clear_rows(Placer *p)
{
    for (int k = 0; k < MAX_ROWS; k++) p->row_last[k] = p->reserved_last[k] = -1;
    p->slot_count = 0;
}

/* Adds a slot at x to the chain *last (the slots have room: layout_build
 * sized them for two per candidate). */
static void add_slot(Placer *p, int *last, float x, int owner)
{
    LayoutSlot *s = &p->out->slots[p->slot_count];
    s->x = x;
    s->owner = owner;
    s->prev = *last;
    *last = p->slot_count++;
}

/* The left edge in [lo, hi] nearest want where a card fits in row k beside
 * the cards already there (card_gap apart); false when there is none. With
 * pl, the places that pass 1 gave events still to come count as taken too
 * (but owner's own). Only the cards within a card's width of [lo, hi]
 * matter: a row holds at most four of them there, and a few reservations. */
static bool free_place(const Placer *p, int k, float lo, float hi, float want, float *x, const LayoutPlacement *pl,
                       int owner)
{
    if (lo > hi + SLACK_PX) return false;
    if (hi < lo) hi = lo;
    float span = p->in->m->card_w + p->in->m->card_gap; /* two cards' left edges at least this apart */
    enum { NEAR = 16 };
    float near[NEAR];
    int n = 0;
    for (int chain = 0; chain < (pl ? 2 : 1); chain++)
        for (int s = chain ? p->reserved_last[k] : p->row_last[k]; s >= 0; s = p->out->slots[s].prev) {
            const LayoutSlot *slot = &p->out->slots[s];
            if (chain && (slot->owner == owner || pl[slot->owner].done)) continue;
            if (slot->x <= lo - span || slot->x >= hi + span) continue;
            if (n == NEAR) return false; /* only with reservations: cards alone cannot crowd so */
            near[n++] = slot->x;
        }
    /* The nearest free x is want itself or the edge of a neighbour's shadow. */
    float tries[1 + 2 * NEAR];
    int t = 0;
    tries[t++] = fminf(fmaxf(want, lo), hi);
    for (int i = 0; i < n; i++) {
        tries[t++] = near[i] - span;
        tries[t++] = near[i] + span;
    }
    bool found = false;
    float best = 0;
    for (int i = 0; i < t; i++) {
        if (tries[i] < lo - SLACK_PX || tries[i] > hi + SLACK_PX) continue;
        float xc = fminf(fmaxf(tries[i], lo), hi);
        bool fits = true;
        for (int j = 0; j < n && fits; j++) fits = xc + span <= near[j] + SLACK_PX || xc >= near[j] + span - SLACK_PX;
        if (fits && (!found || fabsf(xc - want) < fabsf(best - want))) {
            best = xc;
            found = true;
        }
    }
    if (found) *x = best;
    return found;
}

/* ---- the two passes -------------------------------------------------------------------- */

/* Pass 1: every candidate in rank order takes the first row with room,
 * as if the screen had no edges. */
static void place_without_edges(Placer *p, LayoutPlacement *pl, const uint64_t *order, int n, int tried)
{
    const LayoutMetrics *m = p->in->m;
    clear_rows(p);
    for (int i = 0; i < n; i++) pl[i].free_row = -1;
    for (int i = 0; i < tried; i++) {
        int at = (int)(uint32_t)order[i];
        LayoutPlacement *c = &pl[at];
        c->free_row = -1;
        float lo = c->anchor - m->card_w + m->leader_inset, hi = c->anchor - m->leader_inset;
        for (int k = 0; k < p->row_count && c->free_row < 0; k++) {
            float x;
            if (!free_place(p, k, lo, hi, c->anchor - m->card_w * 0.15f, &x, NULL, -1)) continue;
            c->free_row = k;
            c->free_x = x;
            add_slot(p, &p->row_last[k], x, at);
        }
    }
}

/* Pass 2: every candidate again in rank order (the pinned one first), now
 * with the screen's edges as walls for the events it shows. Each takes the
 * free place nearest its pass-1 one, first avoiding the pass-1 places of the
 * events on screen still to come (so that a card pushed by an edge does not
 * push them in turn): in its pass-1 row, then in the others nearest the axis
 * first; then, if need be, taking one of those places. An event on screen
 * that fits nowhere beside the cards placed before it (all more important)
 * is a badge. Cards away from the edges thus keep their pass-1 row and
 * place while panning. */
static void place_on_screen(Placer *p, LayoutPlacement *pl, const uint64_t *order, int n, int tried)
{
    const LayoutMetrics *m = p->in->m;
    clear_rows(p);
    for (int i = 0; i < n; i++) {
        pl[i].done = false;
        pl[i].row = -1;
        if (pl[i].visible && pl[i].free_row >= 0) add_slot(p, &p->reserved_last[pl[i].free_row], pl[i].free_x, i);
    }
    for (int i = 0; i < tried; i++) {
        int at = (int)(uint32_t)order[i];
        LayoutPlacement *c = &pl[at];
        c->row = -1;
        float lo = c->anchor - m->card_w + m->leader_inset, hi = c->anchor - m->leader_inset;
        if (c->visible) {
            lo = fmaxf(lo, p->area_lo);
            hi = fminf(hi, p->area_hi - m->card_w);
        }
        float want = c->free_row >= 0 ? c->free_x : c->anchor - m->card_w * 0.15f;
        int tries = p->row_count + 1;
        for (int attempt = 0; attempt < 2 * tries && c->row < 0; attempt++) {
            int t = attempt % tries - 1;
            int k = t < 0 ? c->free_row : t;
            if (k < 0 || (t >= 0 && k == c->free_row)) continue;
            float x;
            if (!free_place(p, k, lo, hi, want, &x, attempt < tries ? pl : NULL, at)) continue;
            c->row = k;
            c->x = x;
            add_slot(p, &p->row_last[k], x, at);
        }
        c->done = true;
    }
}

/* ---- badges ------------------------------------------------------------------------------- */

static LayoutCluster *new_cluster(Placer *p, float x)
{
    Layout *out = p->out;
    if (!grow_array_int((void **)&out->clusters, &out->cluster_cap, out->cluster_count + 1, sizeof *out->clusters)) {
        out->out_of_memory = true;
        return NULL;
    }
    LayoutCluster *c = &out->clusters[out->cluster_count++];
    memset(c, 0, sizeof *c);
    c->x = x;
    c->y = p->in->r->cluster_y;
    c->d = p->in->m->badge_d;
    c->members_offset = out->member_count;
    c->from_days = INFINITY;
    c->to_days = -INFINITY;
    return c;
}

/* Joins the last badge when this one would touch it, else starts one. */
static void add_to_cluster(Placer *p, int event, float anchor)
{
    Layout *out = p->out;
    const LayoutMetrics *m = p->in->m;
    LayoutCluster *last = out->cluster_count ? &out->clusters[out->cluster_count - 1] : NULL;
    float min_x = last ? last->x + m->badge_d + m->card_gap / 2 : p->area_lo + m->badge_d / 2;
    float max_x = p->area_hi - m->badge_d / 2;
    LayoutCluster *c = last;
    if (!last || (anchor >= min_x - m->badge_d / 2 && min_x <= max_x)) c = new_cluster(p, fminf(fmaxf(anchor, min_x), max_x));
    if (!c || !grow_array_int((void **)&out->members, &out->member_cap, out->member_count + 1, sizeof *out->members)) {
        out->out_of_memory = true;
        return;
    }
    const Event *ev = &p->in->tl->events[event];
    out->members[out->member_count++] = event;
    c->count++;
    c->from_days = fmin(c->from_days, ev->start_days);
    c->to_days = fmax(c->to_days, ev->end_days);
}

/* ---- candidates ----------------------------------------------------------------------------- */

/* Time of an x position, and the event range whose anchors fall in [x0, x1]. */
static void event_range(const LayoutInput *in, float x0, float x1, int *first, int *end)
{
    *first = timeline_lower_bound(in->tl, scale_px_to_time(in->scale, x0));
    *end = timeline_lower_bound(in->tl, nextafter(scale_px_to_time(in->scale, x1), INFINITY));
}

static bool is_hidden(const LayoutInput *in, int e)
{
    int cat = in->tl->events[e].category;
    if (in->only_tag && !search_event_has_tag(&in->tl->events[e], in->only_tag)) return true;
    return in->category_hidden && cat >= 0 && in->category_hidden[cat];
}

static int rank_position(const LayoutInput *in, int e)
{
    const Rank *r = in->rank;
    return r && r->count == in->tl->event_count ? r->position[e] : e;
}

static bool reserve(Placer *p, int n)
{
    Layout *out = p->out;
    bool ok = grow_array_int((void **)&out->placements, &out->placement_cap, n + 1, sizeof *out->placements) &&
              grow_array_int((void **)&out->slots, &out->slot_cap, 2 * n + 1, sizeof *out->slots) &&
              grow_array_int((void **)&out->sort_keys, &out->sort_cap, n + 1, sizeof *out->sort_keys);
    if (!ok) out->out_of_memory = true;
    return ok;
}

static LayoutPlacement candidate(const Placer *p, int e)
{
    const LayoutInput *in = p->in;
    const Event *ev = &in->tl->events[e];
    LayoutPlacement c;
    memset(&c, 0, sizeof c);
    c.event = e;
    c.anchor = (float)scale_time_to_px(in->scale, ev->start_days);
    c.span_x1 = ev->has_end ? (float)scale_time_to_px(in->scale, ev->end_days) : c.anchor;
    c.visible = e >= p->out->visible_first && e < p->out->visible_end;
    c.free_row = c.row = -1;
    return c;
}

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The placements' indices in rank order, the pinned event first. */
static uint64_t *rank_order(Placer *p, const LayoutPlacement *pl, int n)
{
    uint64_t *keys = p->out->sort_keys;
    for (int i = 0; i < n; i++) {
        uint64_t pos = pl[i].event == p->pinned ? 0 : (uint64_t)rank_position(p->in, pl[i].event) + 1;
        keys[i] = pos << 32 | (uint32_t)i;
    }
    qsort(keys, (size_t)n, sizeof *keys, compare_u64);
    return keys;
}

/* The events that take part in pass 1: those on a grid of (screen + card)
 * widths, one to two of them either side of the view, so that a small pan
 * keeps the same set and every card keeps its row. Too many of them: only
 * the visible ones. */
static void candidate_range(const Placer *p, int *first, int *end)
{
    const LayoutInput *in = p->in;
    double reach = (in->scale->width_px + in->m->card_w) / in->scale->px_per_day;
    double left = scale_px_to_time(in->scale, p->screen_lo), right = scale_px_to_time(in->scale, p->screen_hi);
    *first = timeline_lower_bound(in->tl, (floor(left / reach) - 1) * reach);
    *end = timeline_lower_bound(in->tl, (floor(right / reach) + 2) * reach);
    if (*first > p->out->visible_first) *first = p->out->visible_first;
    if (*end < p->out->visible_end) *end = p->out->visible_end;
    if (*end - *first > 2 * LAYOUT_MAX_PLACED) {
        *first = p->out->visible_first;
        *end = p->out->visible_end;
    }
}

/* An unverified claim keeps its card only when every confirmed (or
 * disputed) event on screen has one: rank already puts it below them all,
 * and this keeps it out of sight while any of them waits in a badge, even
 * where that one could not have used its room. */
static void demote_unverified(Placer *p, LayoutPlacement *pl, int n, bool others_in_badges)
{
    const Event *events = p->in->tl->events;
    for (int i = 0; i < n && !others_in_badges; i++)
        others_in_badges = pl[i].visible && pl[i].row < 0 && events[pl[i].event].certainty != CERTAINTY_UNVERIFIED &&
                           !is_hidden(p->in, pl[i].event);
    if (!others_in_badges) return;
    for (int i = 0; i < n; i++)
        if (pl[i].row >= 0 && pl[i].event != p->pinned && events[pl[i].event].certainty == CERTAINTY_UNVERIFIED)
            pl[i].row = -1;
}

/* How many candidates, in rank order, may try for a card: many times what
 * the rows can hold, so every event that could have a card is tried, but
 * not the thousands of a dense burst, which would each walk every row for
 * nothing (they go to badges, ranked below every card, as the rank-order
 * property asks). */
static int card_tries(const Placer *p, int n)
{
    const LayoutMetrics *m = p->in->m;
    float per_row = (p->area_hi - p->area_lo) / (m->card_w + m->card_gap) + 1;
    int most = (int)fminf(2048, fmaxf(256, 16 * per_row * (float)p->row_count));
    return n < most ? n : most;
}

static void place_one_by_one(Placer *p)
{
    const LayoutInput *in = p->in;
    Layout *out = p->out;
    int first, end;
    candidate_range(p, &first, &end);
    if (!reserve(p, end - first)) return;
    LayoutPlacement *pl = out->placements;
    int n = 0;
    for (int e = first; e < end; e++)
        if (e == p->pinned || !is_hidden(in, e)) pl[n++] = candidate(p, e);
    if (p->row_count > 0) {
        uint64_t *order = rank_order(p, pl, n);
        int tried = card_tries(p, n);
        place_without_edges(p, pl, order, n, tried);
        place_on_screen(p, pl, order, n, tried);
        demote_unverified(p, pl, n, false);
    }
    for (int i = 0; i < n; i++) { /* in time order: Tab walks the cards by date */
        if (!pl[i].visible) continue;
        if (pl[i].event == p->pinned && p->row_count == 0) out->story_pin = pl[i].event;
        else if (pl[i].row >= 0) emit_card(p, &pl[i]);
        else add_to_cluster(p, pl[i].event, pl[i].anchor);
    }
}

/* ---- bucketed --------------------------------------------------------------------------------- */

static int compare_placements(const void *a, const void *b)
{
    const LayoutPlacement *x = a, *y = b;
    return (x->event > y->event) - (x->event < y->event);
}

/* One badge per fixed time bucket, leaving out the events given cards (the
 * skips): the grid is anchored at t = 0 so buckets stay put while panning. */
static void place_buckets(Placer *p)
{
    const LayoutInput *in = p->in;
    const LayoutMetrics *m = in->m;
    Layout *out = p->out;
    double bucket_days = (m->badge_d + m->card_gap / 2) / in->scale->px_per_day;
    double t_lo = scale_px_to_time(in->scale, p->screen_lo);
    double t_hi = nextafter(scale_px_to_time(in->scale, p->screen_hi), INFINITY);
    int s = 0;
    for (double b = floor(t_lo / bucket_days); b * bucket_days < t_hi; b += 1.0) {
        double from = fmax(b * bucket_days, t_lo), to = fmin((b + 1) * bucket_days, t_hi);
        int first = timeline_lower_bound(in->tl, from), end = timeline_lower_bound(in->tl, to);
        if (first < out->visible_first) first = out->visible_first;
        if (end > out->visible_end) end = out->visible_end;
        int s0 = s;
        while (s < out->skip_count && out->skips[s] < end) s++;
        if (end - first - (s - s0) <= 0) continue;
        float x = (float)scale_time_to_px(in->scale, (b + 0.5) * bucket_days);
        x = fminf(fmaxf(x, p->area_lo + m->badge_d / 2), p->area_hi - m->badge_d / 2);
        /* A badge pulled inside at an edge can land on its neighbour: the
         * two buckets share one badge then (the events between them, if
         * any, are all cards, so its skips stay one slice). */
        LayoutCluster *prev = out->cluster_count ? &out->clusters[out->cluster_count - 1] : NULL;
        if (prev && x < prev->x + m->badge_d) {
            prev->skip_count = s - prev->skip_first;
            prev->count = end - prev->range_first - prev->skip_count;
            continue;
        }
        LayoutCluster *c = new_cluster(p, x);
        if (!c) return;
        c->members_offset = -1;
        c->range_first = first;
        c->skip_first = s0;
        c->skip_count = s - s0;
        c->count = end - first - c->skip_count;
    }
    for (int i = 0; i < out->cluster_count; i++) {
        LayoutCluster *c = &out->clusters[i];
        c->from_days = in->tl->events[layout_cluster_member(out, c, 0)].start_days;
        c->to_days = in->tl->events[layout_cluster_member(out, c, c->count - 1)].end_days;
    }
}

/* Too many events to place one by one: the most important few hundred in
 * view (found down the rank order, which costs about count / visible steps
 * per candidate) compete for cards, and the rest are counted in buckets. */
static void place_bucketed(Placer *p)
{
    const LayoutInput *in = p->in;
    Layout *out = p->out;
    const LayoutMetrics *m = in->m;
    float per_row = (p->area_hi - p->area_lo) / (m->card_w + m->card_gap) + 1;
    int want = (int)fminf(2048, fmaxf(64, 8 * per_row * (float)p->row_count));
    if (p->row_count == 0) want = 0;
    if (!reserve(p, want + 1)) return;
    LayoutPlacement *pl = out->placements;
    int n = 0;
    bool pin_visible = p->pinned >= out->visible_first && p->pinned < out->visible_end;
    if (pin_visible) pl[n++] = candidate(p, p->pinned);
    const Rank *r = in->rank;
    for (int i = 0; r && r->count == in->tl->event_count && i < r->count && n < want; i++) {
        int e = r->order[i];
        if (e < out->visible_first || e >= out->visible_end || e == p->pinned || is_hidden(in, e)) continue;
        pl[n++] = candidate(p, e);
    }
    qsort(pl, (size_t)n, sizeof *pl, compare_placements);
    if (p->row_count > 0) place_on_screen(p, pl, rank_order(p, pl, n), n, n);
    demote_unverified(p, pl, n, out->visible_end - out->visible_first > n); /* the buckets hold confirmed events */
    if (!grow_array_int((void **)&out->skips, &out->skip_cap, n + 1, sizeof *out->skips)) {
        out->out_of_memory = true;
        return;
    }
    for (int i = 0; i < n; i++) {
        if (pl[i].row >= 0 && emit_card(p, &pl[i])) out->skips[out->skip_count++] = pl[i].event;
    }
    if (pin_visible && p->row_count == 0) {
        out->story_pin = p->pinned;
        out->skips[out->skip_count++] = p->pinned;
    }
    place_buckets(p);
}

/* Bars for the spans crossing the screen, also those that began before it:
 * they start within max_span_days to its left. The scan is bounded, so a
 * huge timeline with one very long span costs at most LAYOUT_MAX_PLACED
 * extra events. */
static void collect_spans(Placer *p)
{
    const LayoutInput *in = p->in;
    const Timeline *tl = in->tl;
    Layout *out = p->out;
    out->span_count = 0;
    /* Bucketed, the badges stand for everything: a bar per span would be noise. */
    if (!(tl->max_span_days > 0) || out->bucketed) return;
    double left = scale_px_to_time(in->scale, p->screen_lo);
    int first = timeline_lower_bound(tl, left - tl->max_span_days);
    if (out->visible_first - first > LAYOUT_MAX_PLACED) first = out->visible_first - LAYOUT_MAX_PLACED;
    for (int i = first; i < out->visible_end && out->span_count < LAYOUT_MAX_SPANS; i++) {
        const Event *ev = &tl->events[i];
        if (!ev->has_end || ev->end_days < left) continue;
        if (is_hidden(in, i)) continue;
        float x0 = fmaxf((float)scale_time_to_px(in->scale, ev->start_days), p->screen_lo);
        float x1 = fminf((float)scale_time_to_px(in->scale, ev->end_days), p->screen_hi);
        out->spans[out->span_count++] = (LayoutSpan){i, x0, x1};
    }
}

static void cluster_categories(Layout *out, const Timeline *tl)
{
    for (int i = 0; i < out->cluster_count; i++) {
        LayoutCluster *c = &out->clusters[i];
        int first_category = -2;
        c->category = -1;
        int limit = c->count < 64 ? c->count : 64; /* a sample is enough for a colour */
        for (int k = 0; k < limit; k++) {
            int cat = tl->events[layout_cluster_member(out, c, k)].category;
            if (first_category == -2) first_category = cat;
            else if (cat != first_category) first_category = -1;
        }
        c->category = first_category >= 0 ? first_category : -1;
    }
}

void layout_build(Layout *out, const LayoutInput *in)
{
    out->card_count = out->cluster_count = out->member_count = out->skip_count = 0;
    out->story_pin = -1;
    out->out_of_memory = false;
    const Regions *r = in->r;
    const LayoutMetrics *m = in->m;
    Placer p;
    memset(&p, 0, sizeof p);
    p.out = out;
    p.in = in;
    p.row_count = r->rows_above + r->rows_below;
    if (p.row_count > MAX_ROWS) p.row_count = MAX_ROWS;
    p.area_lo = r->timeline_x0 + m->margin / 2;
    p.area_hi = r->timeline_x1 - m->margin / 2;
    p.screen_lo = r->timeline_x0;
    p.screen_hi = r->timeline_x1;
    p.pinned = in->has_pinned && in->pinned >= 0 && in->pinned < in->tl->event_count ? in->pinned : -1;
    event_range(in, p.screen_lo, p.screen_hi, &out->visible_first, &out->visible_end);
    out->bucketed = out->visible_end - out->visible_first > LAYOUT_MAX_PLACED;
    if (out->bucketed) place_bucketed(&p);
    else place_one_by_one(&p);
    collect_spans(&p);
    cluster_categories(out, in->tl);
}

/* ---- queries -------------------------------------------------------------------------- */

int layout_cluster_member(const Layout *l, const LayoutCluster *c, int k)
{
    if (c->members_offset >= 0) return l->members[c->members_offset + k];
    int e = c->range_first + k; /* the k-th event of the range that is not a card */
    for (int j = c->skip_first; j < c->skip_first + c->skip_count && l->skips[j] <= e; j++) e++;
    return e;
}

int layout_card_at(const Layout *l, float x, float y)
{
    for (int i = l->card_count - 1; i >= 0; i--) {
        const LayoutCard *c = &l->cards[i];
        if (x >= c->x && x < c->x + c->w && y >= c->y && y < c->y + c->h) return i;
    }
    return -1;
}

int layout_cluster_at(const Layout *l, float x, float y)
{
    for (int i = 0; i < l->cluster_count; i++) {
        const LayoutCluster *c = &l->clusters[i];
        float dx = x - c->x, dy = y - c->y, r = c->d / 2 + 4;
        if (dx * dx + dy * dy <= r * r) return i;
    }
    return -1;
}

int layout_card_of_event(const Layout *l, int event)
{
    for (int i = 0; i < l->card_count; i++)
        if (l->cards[i].event == event) return i;
    return -1;
}
