/* layout.c: metrics, regions, and the placement of cards and clusters.
 *
 * Cards go greedily, in time order, into the free row nearest the axis
 * (above and below alternate), as if the screen had no edges. The sweep
 * starts on a grid of screen widths, one to two screens left of the view, so
 * a small pan starts it at the same event and every card keeps its row.
 * Only then do cards that stick out of the screen move in, where their row
 * has room; those that cannot become badges. An event whose card fits
 * nowhere joins the cluster badge to its left when that badge is close,
 * otherwise it starts a new one. When too many events are in reach, events
 * are grouped by fixed time buckets found by binary search, so the cost
 * follows the screen, not the timeline. */
#include "layout.h"

#include "grow.h"

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

LayoutMetrics layout_metrics(float w, float h, LayoutStyle style, const TextMeasurer *tm)
{
    LayoutMetrics m;
    memset(&m, 0, sizeof m);
    float ui = fmaxf(0.85f, fminf(h / 1080.0f, w / 1600.0f));
    if (ui > 3.0f) ui = 3.0f;
    bool large = style == LAYOUT_STYLE_LARGE;
    m.ui = ui;
    m.title_px = px(large ? 32 : 26, ui);
    m.card_title_px = px(large ? 24 : 18, ui);
    m.summary_px = px(large ? 20 : 15, ui);
    m.date_px = px(large ? 20 : 13, ui);
    m.axis_px = px(large ? 20 : 13, ui);
    m.body_px = px(large ? 24 : 18, ui);
    m.panel_title_px = px(large ? 36 : 28, ui);
    m.small_px = px(large ? 20 : 13, ui);
    m.card_title_lines = 2;
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

    float ticks_h = m->axis_px * 1.6f + 6 * m->ui;
    float block_h = m->row_gap + m->badge_d + 4 * m->ui + lane_count * m->lane_h + 2 + ticks_h + m->row_gap;
    float row_h = m->card_h + m->row_gap;
    float content_h = r.content_y1 - r.content_y0;
    int rows = story ? 0 : (int)floorf((content_h - block_h - 2 * m->margin) / row_h);
    if (rows < 1 && !story) rows = 1;
    r.rows_above = (rows + 1) / 2;
    r.rows_below = rows - r.rows_above;
    float top;
    if (story) {
        top = r.content_y0 + m->margin;
        r.above_y0 = top;
        r.above_y1 = r.content_y1 - block_h - m->margin;
    } else {
        top = r.content_y0 + fmaxf(m->margin, (content_h - rows * row_h - block_h) / 2);
        r.above_y0 = top;
        r.above_y1 = top + r.rows_above * row_h;
    }
    r.cluster_y = r.above_y1 + m->row_gap + m->badge_d / 2;
    r.lanes_y0 = r.cluster_y + m->badge_d / 2 + 4 * m->ui;
    r.axis_y = r.lanes_y0 + lane_count * m->lane_h + 2;
    r.ticks_y = r.axis_y + 6 * m->ui;
    r.below_y0 = r.ticks_y + ticks_h + m->row_gap;
    r.below_y1 = r.below_y0 + r.rows_below * row_h;
    return r;
}

void layout_free(Layout *l)
{
    free(l->cards);
    free(l->clusters);
    free(l->members);
    free(l->placements);
    memset(l, 0, sizeof *l);
}

/* ---- placement --------------------------------------------------------------------- */

enum { MAX_ROWS = 32 };

typedef struct Placer {
    Layout *out;
    const LayoutInput *in;
    float row_right[MAX_ROWS];
    int row_count;
    float screen_lo, screen_hi;    /* the timeline area: events here are shown */
    float area_lo, area_hi;        /* where cards and badges may lie */
} Placer;

/* An on-screen event during placement: its row (preference index) and card
 * position, first as placed without edges, then moved inside. */
typedef struct LayoutPlacement {
    int event;
    int row;                       /* -1: no card, a badge */
    float x;
    float anchor, span_x1;
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

static float row_y(const Regions *r, const LayoutMetrics *m, bool above, int row)
{
    float row_h = m->card_h + m->row_gap;
    return above ? r->above_y1 - (row + 1) * row_h + m->row_gap / 2 : r->below_y0 + row * row_h + m->row_gap / 2;
}

static bool emit_card(Placer *p, int event, float x, int k, float anchor, float span_x1)
{
    Layout *out = p->out;
    if (!grow_array_int((void **)&out->cards, &out->card_cap, out->card_count + 1, sizeof *out->cards)) {
        out->out_of_memory = true;
        return false;
    }
    LayoutCard *c = &out->cards[out->card_count++];
    const LayoutMetrics *m = p->in->m;
    row_of(p->in->r, k, &c->above, &c->row);
    c->event = event;
    c->x = x;
    c->y = row_y(p->in->r, m, c->above, c->row);
    c->w = m->card_w;
    c->h = m->card_h;
    c->anchor_x = anchor;
    c->span_x1 = span_x1;
    return true;
}

/* The first row with room for a card at anchor, as if the screen had no
 * edges; takes the row and writes x. Returns the row or -1. */
static int take_row(Placer *p, float anchor, float *x)
{
    const LayoutMetrics *m = p->in->m;
    for (int k = 0; k < p->row_count; k++) {
        float lo = fmaxf(p->row_right[k] + m->card_gap, anchor - m->card_w + m->leader_inset);
        float hi = anchor - m->leader_inset;
        if (lo > hi) continue;
        *x = fminf(fmaxf(anchor - m->card_w * 0.15f, lo), hi);
        p->row_right[k] = *x + m->card_w;
        return k;
    }
    return -1;
}

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

/* Time of an x position, and the event range whose anchors fall in [x0, x1]. */
static void event_range(const LayoutInput *in, float x0, float x1, int *first, int *end)
{
    *first = timeline_lower_bound(in->tl, scale_px_to_time(in->scale, x0));
    *end = timeline_lower_bound(in->tl, nextafter(scale_px_to_time(in->scale, x1), INFINITY));
}

/* Where the sweep starts: on a grid of (screen + card) widths, one to two of
 * them left of the view, at most LAYOUT_MAX_PLACED events before it. */
static int sweep_start(const Placer *p)
{
    const LayoutInput *in = p->in;
    double reach_days = (in->scale->width_px + in->m->card_w) / in->scale->px_per_day;
    double left = scale_px_to_time(in->scale, p->screen_lo);
    int first = timeline_lower_bound(in->tl, (floor(left / reach_days) - 1) * reach_days);
    int limit = p->out->visible_first - LAYOUT_MAX_PLACED;
    return first > limit ? first : limit;
}

/* Pass 1: rows for every event from the sweep start; records the events on screen. */
static int sweep_rows(Placer *p, LayoutPlacement *out)
{
    const LayoutInput *in = p->in;
    int n = 0;
    for (int i = sweep_start(p); i < p->out->visible_end; i++) {
        const Event *ev = &in->tl->events[i];
        if (in->category_hidden && ev->category >= 0 && in->category_hidden[ev->category]) continue;
        float anchor = (float)scale_time_to_px(in->scale, ev->start_days);
        float x = 0;
        int row = take_row(p, anchor, &x);
        if (i < p->out->visible_first) continue;
        bool room = anchor >= p->area_lo + in->m->leader_inset && anchor <= p->area_hi - in->m->leader_inset;
        float span_x1 = ev->has_end ? (float)scale_time_to_px(in->scale, ev->end_days) : anchor;
        out[n++] = (LayoutPlacement){i, room ? row : -1, x, anchor, span_x1};
    }
    return n;
}

/* The rows' state in pass 2: the leftmost card so far (the next one to the
 * right of the card being moved) and the one after it, so that card can be
 * nudged right to make room. */
typedef struct RowFront {
    int next;                      /* placement index, -1 for none */
    float next_left, after_left;   /* x of that card, and of the card after it */
} RowFront;

/* Room for a card at x in row r, nudging the row's next card right when it
 * has slack before its leader and the card after it. */
static bool make_room(Placer *p, LayoutPlacement *pl, RowFront *f, float x)
{
    const LayoutMetrics *m = p->in->m;
    float need = x + m->card_w + m->card_gap;
    if (f->next_left >= need) return true;
    if (f->next < 0) return false;
    LayoutPlacement *n = &pl[f->next];
    float limit = fminf(fminf(n->anchor - m->leader_inset, f->after_left - m->card_gap - m->card_w), p->area_hi - m->card_w);
    if (need > limit) return false;
    n->x = need;
    f->next_left = need;
    return true;
}

/* Does the card before index i in row r (not moved yet) end before x? Only
 * edge cards ask, and there are few of them. */
static bool left_is_free(const Placer *p, const LayoutPlacement *pl, int i, int r, float x)
{
    for (int j = i - 1; j >= 0; j--)
        if (pl[j].row == r) return pl[j].x + p->in->m->card_w + p->in->m->card_gap <= x;
    return true;
}

/* Pass 2: cards sticking out on the left move right, as far as their leader
 * and the next card of the row allow (right to left, so that next is final);
 * only edge cards may change rows, so the cards inside keep theirs. */
static void move_in_from_left(Placer *p, LayoutPlacement *pl, int n)
{
    const LayoutMetrics *m = p->in->m;
    RowFront front[MAX_ROWS];
    for (int k = 0; k < MAX_ROWS; k++) front[k] = (RowFront){-1, INFINITY, INFINITY};
    for (int i = n - 1; i >= 0; i--) {
        LayoutPlacement *c = &pl[i];
        if (c->row < 0) continue;
        if (c->x < p->area_lo) {
            float lo = fmaxf(p->area_lo, c->anchor - m->card_w + m->leader_inset);
            int row = -1;
            for (int k = -1; k < p->row_count && row < 0 && lo <= c->anchor - m->leader_inset; k++) {
                int r = k < 0 ? c->row : k;
                if (left_is_free(p, pl, i, r, lo) && make_room(p, pl, &front[r], lo)) row = r;
            }
            c->row = row;
            if (row < 0) continue;
            c->x = lo;
        }
        RowFront *f = &front[c->row];
        *f = (RowFront){i, c->x, f->next_left};
    }
}

/* Pass 3: cards sticking out on the right move left, after the previous card
 * of the row; whatever still does not fit becomes a badge. */
static void move_in_from_right(Placer *p, LayoutPlacement *pl, int n)
{
    const LayoutMetrics *m = p->in->m;
    float prev_right[MAX_ROWS];
    for (int k = 0; k < MAX_ROWS; k++) prev_right[k] = -INFINITY;
    for (int i = 0; i < n; i++) {
        LayoutPlacement *c = &pl[i];
        if (c->row < 0) continue;
        float lo = fmaxf(prev_right[c->row] + m->card_gap, fmaxf(p->area_lo, c->anchor - m->card_w + m->leader_inset));
        if (c->x + m->card_w > p->area_hi) c->x = fminf(p->area_hi - m->card_w, c->anchor - m->leader_inset);
        if (c->x < lo - 0.01f) {
            c->row = -1;
            continue;
        }
        prev_right[c->row] = c->x + m->card_w;
    }
}

static void place_one_by_one(Placer *p)
{
    Layout *out = p->out;
    int reach = out->visible_end - out->visible_first;
    if (!grow_array_int((void **)&out->placements, &out->placement_cap, reach + 1, sizeof *out->placements)) {
        out->out_of_memory = true;
        return;
    }
    LayoutPlacement *pl = out->placements;
    int n = sweep_rows(p, pl);
    move_in_from_left(p, pl, n);
    move_in_from_right(p, pl, n);
    for (int i = 0; i < n; i++) {
        if (pl[i].row >= 0) emit_card(p, pl[i].event, pl[i].x, pl[i].row, pl[i].anchor, pl[i].span_x1);
        else add_to_cluster(p, pl[i].event, pl[i].anchor);
    }
}

/* One badge per fixed time bucket: the grid is anchored at t = 0 so buckets
 * stay put while panning. */
static void place_by_buckets(Placer *p)
{
    const LayoutInput *in = p->in;
    const LayoutMetrics *m = in->m;
    double bucket_days = (m->badge_d + m->card_gap / 2) / in->scale->px_per_day;
    double t_lo = scale_px_to_time(in->scale, p->screen_lo);
    double t_hi = nextafter(scale_px_to_time(in->scale, p->screen_hi), INFINITY);
    Layout *out = p->out;
    for (double b = floor(t_lo / bucket_days); b * bucket_days < t_hi; b += 1.0) {
        double from = fmax(b * bucket_days, t_lo), to = fmin((b + 1) * bucket_days, t_hi);
        int first = timeline_lower_bound(in->tl, from), end = timeline_lower_bound(in->tl, to);
        if (end <= first) continue;
        float x = (float)scale_time_to_px(in->scale, (b + 0.5) * bucket_days);
        x = fminf(fmaxf(x, p->area_lo + m->badge_d / 2), p->area_hi - m->badge_d / 2);
        /* A badge pulled inside at an edge can land on its neighbour: the
         * two buckets share one badge then (their ranges are contiguous). */
        LayoutCluster *prev = out->cluster_count ? &out->clusters[out->cluster_count - 1] : NULL;
        if (prev && x < prev->x + m->badge_d) {
            prev->count = end - prev->range_first;
            prev->to_days = fmax(prev->to_days, in->tl->events[end - 1].end_days);
            continue;
        }
        LayoutCluster *c = new_cluster(p, x);
        if (!c) return;
        c->members_offset = -1;
        c->range_first = first;
        c->count = end - first;
        c->from_days = in->tl->events[first].start_days;
        c->to_days = in->tl->events[end - 1].end_days;
    }
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
        if (in->category_hidden && ev->category >= 0 && in->category_hidden[ev->category]) continue;
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
    out->card_count = out->cluster_count = out->member_count = 0;
    out->out_of_memory = false;
    const Regions *r = in->r;
    const LayoutMetrics *m = in->m;
    Placer p;
    memset(&p, 0, sizeof p);
    p.out = out;
    p.in = in;
    p.row_count = r->rows_above + r->rows_below;
    if (p.row_count > MAX_ROWS) p.row_count = MAX_ROWS;
    for (int k = 0; k < MAX_ROWS; k++) p.row_right[k] = -INFINITY;
    p.area_lo = r->timeline_x0 + m->margin / 2;
    p.area_hi = r->timeline_x1 - m->margin / 2;
    p.screen_lo = r->timeline_x0;
    p.screen_hi = r->timeline_x1;
    event_range(in, p.screen_lo, p.screen_hi, &out->visible_first, &out->visible_end);
    out->bucketed = out->visible_end - out->visible_first > LAYOUT_MAX_PLACED;
    if (out->bucketed) place_by_buckets(&p);
    else place_one_by_one(&p);
    collect_spans(&p);
    cluster_categories(out, in->tl);
}

/* ---- queries -------------------------------------------------------------------------- */

int layout_cluster_member(const Layout *l, const LayoutCluster *c, int k)
{
    return c->members_offset < 0 ? c->range_first + k : l->members[c->members_offset + k];
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
