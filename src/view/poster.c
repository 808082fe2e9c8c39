/* poster.c: the poster's layout (every shown event a card, as many rows as
 * that takes) and its draw list.
 *
 * On screen, layout.c places the events that fit and gathers the rest into
 * badges, because the screen's height is given. On a poster the height is
 * free and every event must be readable, so the question turns round: how
 * many rows do the cards need? Cards are placed in time order, each in the
 * first row, nearest the axis first (above and below alternate), where it
 * fits beside its leader (its left edge from most of its width left of its
 * date to 18 px left of it, as on screen). Rows open as needed ("strict").
 *
 * A burst (hundreds of events within days) defeats that: its cards all want
 * the same place, so each opens a row, and the sheet becomes a tower of
 * rows that are empty but for one card. When the strict rows are more than
 * twice what the cards would fill, the rows are fixed and a card may move
 * right of its date, taking the row where it lands nearest its place; its
 * leader slants to it ("packed"). The poster takes the fewest rows, by
 * binary search from what the cards fill, for which no card is pushed off
 * the sheet's right edge. Both ways cost (events x rows), bounded by
 * POSTER_MAX_ROWS; a timeline that cannot fit in that many rows is refused
 * before any placement is tried. */
#include "poster.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"

/* Cards closer than this (in pixels) count as touching, not overlapping. */
#define SLACK_PX 0.01f

/* ---- geometry ------------------------------------------------------------------------ */

static float title_size(const LayoutMetrics *m)
{
    return 2.0f * (float)m->title_px;
}

/* The scale maps [from, to] onto the area less two leader insets at each
 * end, so that the first and the last event still have room for a card. */
static TimeScale poster_scale(const Regions *r, const LayoutMetrics *m, double from, double to)
{
    double x_lo = r->timeline_x0 + 2 * m->leader_inset, x_hi = r->timeline_x1 - 2 * m->leader_inset;
    TimeScale s;
    s.px_per_day = (x_hi - x_lo) / (to - from);
    s.x0_px = r->timeline_x0;
    s.width_px = r->timeline_x1 - r->timeline_x0;
    s.t0_days = from - (x_lo - s.x0_px) / s.px_per_day;
    return s;
}

/* What was asked, else the events' extent (the timeline's own extent also
 * holds its home view's margins); never shorter than the shortest extent a
 * timeline is shown over. */
static void poster_range(const PosterDesc *d, double *from, double *to)
{
    const Timeline *tl = d->tl;
    *from = tl->min_days;
    *to = tl->max_days;
    if (tl->event_count > 0) {
        *from = tl->events[0].start_days; /* events are in time order */
        *to = -INFINITY;
        for (int e = 0; e < tl->event_count; e++) *to = fmax(*to, tl->events[e].end_days);
    }
    if (d->from_days < d->to_days) {
        *from = d->from_days;
        *to = d->to_days;
    }
    if (!(*to - *from >= SCALE_MIN_EXTENT_DAYS)) {
        double mid = (*from + *to) / 2;
        *from = mid - SCALE_MIN_EXTENT_DAYS / 2;
        *to = mid + SCALE_MIN_EXTENT_DAYS / 2;
    }
}

static bool event_shown(const PosterDesc *d, int e)
{
    const Event *ev = &d->tl->events[e];
    if (d->only_tag && !search_event_has_tag(ev, d->only_tag)) return false;
    return !d->category_hidden || ev->category < 0 || !d->category_hidden[ev->category];
}

/* ---- placement --------------------------------------------------------------------- */

/* One card to place: where its leader meets the axis, and the left edges
 * that keep its leader inside it (lo .. hi), want the one preferred. */
typedef struct Candidate {
    int event;
    float anchor, lo, hi, want;
} Candidate;

typedef struct Placer {
    Candidate *cand;
    int n;
    float card_w, gap;
    float area_hi;               /* the sheet's right edge for cards */
    float *right;                /* per row (preference order): the right edge of its last card */
    int *row_of;                 /* per candidate: its row, in preference order */
    float *x_of;                 /* per candidate: its left edge */
} Placer;

/* Strict (row_limit 0): each card in the first row where it fits beside its
 * leader, a new row when none has room. Packed (row_limit rows): the first
 * row where it fits beside its leader, else the row where it lands leftmost.
 * Returns the rows used, or -1 when strict needs more than POSTER_MAX_ROWS
 * or a packed card would leave the sheet. */
static int place(Placer *p, int row_limit)
{
    int rows = row_limit;
    for (int k = 0; k < (row_limit ? row_limit : POSTER_MAX_ROWS); k++) p->right[k] = -INFINITY;
    for (int i = 0; i < p->n; i++) {
        const Candidate *c = &p->cand[i];
        int best = -1;
        float best_x = INFINITY;
        for (int k = 0; k < rows; k++) {
            float x = fmaxf(c->want, p->right[k] + p->gap);
            if (x <= c->hi + SLACK_PX) {
                best = k;
                best_x = x;
                break;
            }
            if (row_limit && x < best_x) {
                best = k;
                best_x = x;
            }
        }
        if (best < 0) { /* strict, and no row has room beside the leader */
            if (rows == POSTER_MAX_ROWS) return -1;
            best = rows++;
            best_x = c->want;
        }
        if (best_x + p->card_w > p->area_hi + SLACK_PX) return -1;
        p->right[best] = best_x + p->card_w;
        p->row_of[i] = best;
        p->x_of[i] = best_x;
    }
    return rows;
}

/* The fewest packed rows, from lo (what the cards fill) up to hi, for
 * which every card stays on the sheet; -1 when even hi is not enough. More
 * rows never push a card further right, so a binary search finds it. */
static int fewest_packed_rows(Placer *p, int lo, int hi)
{
    if (place(p, hi) < 0) return -1;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (place(p, mid) >= 0) hi = mid;
        else lo = mid + 1;
    }
    return hi;
}

/* The candidates: every shown event whose date is in the range. */
static int collect(const PosterDesc *d, const Poster *p, Candidate *out)
{
    const Timeline *tl = d->tl;
    const LayoutMetrics *m = &p->metrics;
    float area_lo = p->regions.timeline_x0, area_hi = p->regions.timeline_x1;
    int n = 0;
    for (int e = timeline_lower_bound(tl, p->from_days); e < tl->event_count; e++) {
        const Event *ev = &tl->events[e];
        if (ev->start_days > p->to_days) break;
        if (!event_shown(d, e)) continue;
        Candidate *c = &out[n++];
        c->event = e;
        c->anchor = (float)scale_time_to_px(&p->scale, ev->start_days);
        c->lo = fmaxf(c->anchor - m->card_w + m->leader_inset, area_lo);
        c->hi = fmaxf(c->lo, fminf(c->anchor - m->leader_inset, area_hi - m->card_w));
        c->want = fminf(fmaxf(c->anchor - m->card_w * 0.15f, c->lo), c->hi);
    }
    return n;
}

/* Cards in the layout, in time order, from the placement's rows. */
static void emit_cards(Poster *out, const Placer *p)
{
    Layout *l = &out->layout;
    for (int i = 0; i < p->n; i++) {
        LayoutCard *c = &l->cards[l->card_count++];
        int k = p->row_of[i];
        c->event = p->cand[i].event;
        c->above = k % 2 == 0;
        c->row = k / 2;
        c->x = p->x_of[i];
        c->y = layout_row_y(&out->regions, &out->metrics, c->above, c->row);
        c->w = out->metrics.card_w;
        c->h = out->metrics.card_h;
        c->anchor_x = p->cand[i].anchor;
        c->span_x1 = c->anchor_x;
        if (p->x_of[i] > p->cand[i].hi + SLACK_PX) out->packed = true;
    }
}

/* Bars for the spans crossing the range (at most LAYOUT_MAX_SPANS). */
static void collect_spans(Poster *out, const PosterDesc *d)
{
    const Timeline *tl = d->tl;
    Layout *l = &out->layout;
    const Regions *r = &out->regions;
    for (int e = 0; e < tl->event_count && l->span_count < LAYOUT_MAX_SPANS; e++) {
        const Event *ev = &tl->events[e];
        if (ev->start_days > out->to_days) break;
        if (!ev->has_end || ev->end_days < out->from_days || !event_shown(d, e)) continue;
        float x0 = fmaxf((float)scale_time_to_px(&out->scale, ev->start_days), r->timeline_x0);
        float x1 = fminf((float)scale_time_to_px(&out->scale, ev->end_days), r->timeline_x1);
        l->spans[l->span_count++] = (LayoutSpan){e, x0, x1};
    }
    for (int i = 0; i < l->card_count; i++) {
        const Event *ev = &tl->events[l->cards[i].event];
        if (ev->has_end) l->cards[i].span_x1 = (float)scale_time_to_px(&out->scale, ev->end_days);
    }
}

/* The vertical arrangement once the rows are known: the title and the
 * range, the rows above, the axis block, the rows below, a margin. */
static void arrange(Poster *out, const PosterDesc *d, int rows)
{
    const LayoutMetrics *m = &out->metrics;
    const TextMeasurer *tm = d->measure;
    Regions *r = &out->regions;
    float title_h = tm->line_height(tm->ctx, FONT_BOLD, (int)title_size(m));
    float range_h = tm->line_height(tm->ctx, FONT_REGULAR, m->panel_title_px);
    out->title_y = 2 * m->margin;
    float content_y0 = out->title_y + title_h + 4 * m->ui + range_h + 2 * m->margin;
    int above = (rows + 1) / 2;
    layout_stack_rows(r, m, d->tl->lane_count, content_y0 + m->margin, above, rows - above);
    r->header_y1 = r->content_y0 = content_y0;
    r->content_y1 = r->below_y1 + m->margin;
    r->h = r->content_y1 + 2 * m->margin;
    r->overview_y0 = r->overview_y1 = r->h;
    out->height_px = (int)ceilf(r->h);
}

/* Places the candidates: strict when that stays within twice the rows the
 * cards fill (and within POSTER_MAX_ROWS), else packed. */
static PosterError lay_out(Poster *out, const PosterDesc *d, Placer *p)
{
    const LayoutMetrics *m = &out->metrics;
    float area_w = out->regions.timeline_x1 - out->regions.timeline_x0;
    int per_row = (int)floorf((area_w + p->gap) / (m->card_w + p->gap));
    if (per_row < 1) per_row = 1;
    int filled = (p->n + per_row - 1) / per_row;
    if (filled < 1) filled = 1;
    out->rows_needed = filled;
    if (filled > POSTER_MAX_ROWS) return POSTER_TOO_TALL;
    int strict = place(p, 0);
    int rows = strict;
    if (strict < 0 || strict > 2 * filled + 2) {
        int most = strict < 0 ? POSTER_MAX_ROWS : strict;
        int packed = fewest_packed_rows(p, filled, most);
        if (packed < 0) {
            out->rows_needed = most;
            return POSTER_TOO_TALL;
        }
        rows = packed;
    }
    if (place(p, rows == strict ? 0 : rows) != rows) return POSTER_OUT_OF_MEMORY; /* cannot happen: same input */
    if (rows < 1) rows = 1;
    arrange(out, d, rows);
    emit_cards(out, p);
    collect_spans(out, d);
    return POSTER_OK;
}

PosterError poster_build(Poster *out, const PosterDesc *d)
{
    memset(out, 0, sizeof *out);
    out->layout.story_pin = -1;
    int w = d->width_px ? d->width_px : POSTER_DEFAULT_W;
    out->width_px = w;
    out->metrics = layout_metrics_at_ui((float)w / POSTER_DESIGN_W, LAYOUT_STYLE_DESKTOP, d->text_scale, d->measure);
    const LayoutMetrics *m = &out->metrics;
    Regions *r = &out->regions;
    r->w = (float)w;
    r->timeline_x0 = 1.5f * m->margin;
    r->timeline_x1 = (float)w - 1.5f * m->margin;
    r->panel_x0 = (float)w;
    poster_range(d, &out->from_days, &out->to_days);
    out->scale = poster_scale(r, m, out->from_days, out->to_days);

    int count = d->tl->event_count;
    Placer p = {0};
    p.cand = malloc((size_t)(count > 0 ? count : 1) * sizeof *p.cand);
    p.row_of = malloc((size_t)(count > 0 ? count : 1) * sizeof *p.row_of);
    p.x_of = malloc((size_t)(count > 0 ? count : 1) * sizeof *p.x_of);
    p.right = malloc(POSTER_MAX_ROWS * sizeof *p.right);
    out->layout.cards = malloc((size_t)(count > 0 ? count : 1) * sizeof *out->layout.cards);
    PosterError err = POSTER_OUT_OF_MEMORY;
    if (p.cand && p.row_of && p.x_of && p.right && out->layout.cards) {
        out->layout.card_cap = count;
        p.card_w = m->card_w;
        p.gap = m->card_gap;
        p.area_hi = r->timeline_x1;
        p.n = collect(d, out, p.cand);
        out->shown = p.n;
        err = lay_out(out, d, &p);
    }
    free(p.cand);
    free(p.row_of);
    free(p.x_of);
    free(p.right);
    return err;
}

void poster_free(Poster *p)
{
    layout_free(&p->layout);
}

/* ---- drawing ------------------------------------------------------------------------- */

/* The title, and the range under it ("1956–2026"), at the top left. */
static void draw_title(DrawList *dl, const Poster *p, const ViewInput *in)
{
    const LayoutMetrics *m = &p->metrics;
    const Timeline *tl = in->tl;
    int size = (int)title_size(m);
    float x = p->regions.timeline_x0, max_w = p->regions.timeline_x1 - x;
    float title_h = view_line_height(in, FONT_BOLD, size);
    view_text_block(dl, in, timeline_text(tl, &tl->title, in->state->lang), FONT_BOLD, size, x, p->title_y, max_w,
                    1, title_h, in->theme->ink);
    Date from = date_from_days(p->from_days), to = date_from_days(p->to_days);
    from.precision = to.precision = p->to_days - p->from_days > 3 * 365.2425 ? DATE_PREC_YEAR : DATE_PREC_DAY;
    char range[128];
    date_format_span(&from, &to, tl->langs[in->state->lang], range, sizeof range);
    float range_h = view_line_height(in, FONT_REGULAR, m->panel_title_px);
    view_text_block(dl, in, range, FONT_REGULAR, m->panel_title_px, x, p->title_y + title_h + 4 * m->ui, max_w, 1,
                    range_h, in->theme->muted);
}

/* The view's hairlines are a pixel or two, as screens want; at 300 dpi a
 * pixel is 0.08 mm, lost in print. On a poster every line and outline is
 * as thick as the rest scales (ui times its screen width). */
static void thicken_lines(DrawList *dl, float ui)
{
    if (ui <= 1) return;
    for (int i = 0; i < dl->count; i++) {
        DrawCmd *c = &dl->cmds[i];
        bool outline = (c->kind == DRAW_RECT || c->kind == DRAW_SHAPE) && !c->filled;
        if (c->kind == DRAW_LINE || outline) c->stroke *= ui;
    }
}

void poster_draw(DrawList *dl, const Poster *p, const PosterLook *look)
{
    drawlist_clear(dl);
    ViewState st;
    memset(&st, 0, sizeof st);
    st.scale = p->scale;
    st.lang = look->lang;
    st.selected = st.focused = st.hovered = -1;
    st.only_tag = -1;
    st.mode = VIEW_EXPLORE;
    st.focus_kind = FOCUS_EVENT;
    st.tip.kind = TIP_NONE;
    ViewChrome chrome;
    memset(&chrome, 0, sizeof chrome);
    Tick ticks[SCALE_MAX_TICKS];
    int tick_count = view_ticks(look->tl, &st, &p->metrics, look->measure, ticks);
    WrapBreaker breaker = {0};
    ViewInput in = {look->tl, &st, &p->layout, &p->regions, &p->metrics, look->measure, look->theme, &chrome,
                    ticks, tick_count, &breaker, NULL};
    draw_title(dl, p, &in);
    view_draw_poster_timeline(dl, &in);
    wrap_breaker_free(&breaker);
    thicken_lines(dl, p->metrics.ui);
}
