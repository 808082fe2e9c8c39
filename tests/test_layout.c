/* test_layout.c: specifications of metrics, regions and the placement of
 * cards and clusters, as properties over many random timelines, views and
 * windows, measured with a fixed-width fake measurer. */
#include "layout.h"
#include "rank.h"
#include "view.h"
#include "test.h"
#include "test_support.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

static double days(int64_t y, int m, int d)
{
    return (double)date_days_from_civil(y, m, d);
}

/* ---- timelines built in memory ------------------------------------------------------- */

typedef struct Spec {
    double start, end;
    bool has_end;
    int category;
    int importance;                /* 0: none given */
    int certainty;                 /* a Certainty */
} Spec;

static int by_start(const void *a, const void *b)
{
    const Spec *p = a, *q = b;
    if (p->start != q->start) return p->start < q->start ? -1 : 1;
    return (p->end > q->end) - (p->end < q->end);
}

/* A timeline of n events (sorted here), ids "e0".."e<n-1>" in time order. */
static void build_timeline(Timeline *tl, Spec *specs, int n)
{
    memset(tl, 0, sizeof *tl);
    strcpy(tl->langs[0], "en");
    tl->lang_count = 1;
    if (n > 0) qsort(specs, (size_t)n, sizeof *specs, by_start);
    tl->events = arena_alloc(&tl->arena, (size_t)(n > 0 ? n : 1) * sizeof *tl->events);
    tl->event_count = n;
    tl->min_days = n ? specs[0].start : 0;
    tl->max_days = n ? specs[0].end : 1;
    for (int i = 0; i < n; i++) {
        Event *ev = &tl->events[i];
        memset(ev, 0, sizeof *ev);
        char id[16];
        snprintf(id, sizeof id, "e%d", i);
        ev->id = arena_strdup(&tl->arena, id);
        ev->start = date_from_days(specs[i].start);
        ev->end = date_from_days(specs[i].end);
        ev->has_end = specs[i].has_end;
        ev->start_days = specs[i].start;
        ev->end_days = specs[i].end;
        ev->category = specs[i].category;
        ev->importance = specs[i].importance;
        ev->certainty = (Certainty)specs[i].certainty;
        text_set(tl, &ev->title, 0, ev->id);
        if (specs[i].end > tl->max_days) tl->max_days = specs[i].end;
    }
}

/* 0..max_events events over 1..100 years: spread dates, some spans, some
 * bursts of many events on one day, some at an hour of the day. */
static int random_specs(Spec *specs, int max_events, double *from, double *to)
{
    int n = rng_int(0, max_events);
    double years = rng_range(1, 100);
    double base = days(rng_int(1500, 2020), 1, 1);
    double span = years * 365.2425;
    int i = 0;
    while (i < n) {
        double start = floor(base + rng_unit() * span);
        if (rng_unit() < 0.1) start += rng_int(0, 23) / 24.0;
        int burst = rng_unit() < 0.06 ? rng_int(5, 60) : 1;
        for (int k = 0; k < burst && i < n; k++, i++) {
            Spec *s = &specs[i];
            s->start = start;
            s->has_end = rng_unit() < 0.15;
            s->end = s->has_end ? start + rng_log(1, 5 * 365.2425) : start + 1;
            s->category = -1;
            s->importance = rng_int(0, 5);
            s->certainty = rng_int(0, 2);
        }
    }
    *from = base;
    *to = base + span;
    return n;
}

/* ---- the frame under test ---------------------------------------------------------- */

typedef struct Frame {
    float w, h, panel_w;
    int lanes;
    bool story;
    LayoutStyle style;
    LayoutMetrics m;
    Regions r;
    TimeScale s;
} Frame;

/* The panel width the viewer uses for an open story in a w x h window. */
static float panel_width(float w, float h)
{
    ViewState open = {.selected = 0, .mode = VIEW_EXPLORE};
    return view_panel_width(w, layout_metrics(w, h, LAYOUT_STYLE_DESKTOP, &MEASURE).ui, &open);
}

static void frame_setup(Frame *f, float w, float h, LayoutStyle style, int lanes, float panel_w, bool story)
{
    f->w = w;
    f->h = h;
    f->style = style;
    f->lanes = lanes;
    f->panel_w = panel_w;
    f->story = story;
    f->m = layout_metrics(w, h, style, &MEASURE);
    f->r = layout_regions(w, h, &f->m, lanes, panel_w, story);
    f->s.x0_px = f->r.timeline_x0;
    f->s.width_px = f->r.timeline_x1 - f->r.timeline_x0;
    f->s.px_per_day = 1;
    f->s.t0_days = 0;
}

static void random_frame(Frame *f, bool story)
{
    float w = (float)rng_int(800, 3840), h = (float)rng_int(600, 2160);
    float panel = !story && rng_unit() < 0.35 ? panel_width(w, h) : 0;
    frame_setup(f, w, h, rng_unit() < 0.3 ? LAYOUT_STYLE_LARGE : LAYOUT_STYLE_DESKTOP, rng_int(0, 3), panel, story);
}

static void build_hiding(Layout *l, const Timeline *tl, const Frame *f, const bool *hidden)
{
    LayoutInput in = {.tl = tl, .scale = &f->s, .m = &f->m, .r = &f->r, .category_hidden = hidden};
    layout_build(l, &in);
}

/* By rank (NULL: time order), with event pinned (-1: none). */
static void build_ranked(Layout *l, const Timeline *tl, const Rank *rank, const Frame *f, int pinned)
{
    LayoutInput in = {.tl = tl, .scale = &f->s, .m = &f->m, .r = &f->r, .rank = rank, .has_pinned = pinned >= 0,
                      .pinned = pinned};
    layout_build(l, &in);
}

static void build(Layout *l, const Timeline *tl, const Frame *f)
{
    build_hiding(l, tl, f, NULL);
}

/* Where anchors of events that must show lie: the whole timeline area (an
 * event too near an edge for its card shows as a badge). */
static float visible_lo(const Frame *f)
{
    return f->r.timeline_x0;
}

static float visible_hi(const Frame *f)
{
    return f->r.timeline_x1;
}

static bool rects_overlap(float ax, float ay, float aw, float ah, float bx, float by, float bw, float bh)
{
    return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
}

static char why[256];

#define PROP(cond, ...)                                         \
    do {                                                        \
        if (!(cond)) {                                          \
            snprintf(why, sizeof why, __VA_ARGS__);             \
            goto fail;                                          \
        }                                                       \
    } while (0)

/* Every property of a layout; on failure, says why and returns false.
 * hidden: the categories left out (NULL: none); pinned: the pinned event
 * (-1: none), shown whatever its category. */
static bool layout_is_sound_pinned(const Layout *l, const Timeline *tl, const Frame *f, const bool *hidden,
                                   int pinned)
{
    const Regions *r = &f->r;
    const LayoutMetrics *m = &f->m;
    int *seen = calloc((size_t)(tl->event_count > 0 ? tl->event_count : 1), sizeof *seen);
    why[0] = '\0';
    PROP(!l->out_of_memory, "out of memory");
    float lo = visible_lo(f), hi = visible_hi(f);

    /* cards */
    for (int i = 0; i < l->card_count; i++) {
        const LayoutCard *c = &l->cards[i];
        PROP(c->event >= 0 && c->event < tl->event_count, "card %d: event %d", i, c->event);
        const Event *ev = &tl->events[c->event];
        seen[c->event]++;
        PROP(c->x >= r->timeline_x0 && c->x + c->w <= r->timeline_x1, "card %d: x %.2f..%.2f outside %.2f..%.2f", i,
             c->x, c->x + c->w, r->timeline_x0, r->timeline_x1);
        PROP(c->y >= r->content_y0 && c->y + c->h <= r->content_y1, "card %d: y %.2f..%.2f outside content", i, c->y,
             c->y + c->h);
        PROP(c->above ? c->y + c->h <= r->above_y1 : c->y >= r->below_y0, "card %d: over the axis block", i);
        PROP(c->above ? c->y >= r->above_y0 : c->y + c->h <= r->below_y1, "card %d: outside its rows", i);
        PROP(c->row >= 0 && c->row < (c->above ? r->rows_above : r->rows_below), "card %d: row %d", i, c->row);
        PROP(c->w == m->card_w && c->h == m->card_h, "card %d: size", i);
        double anchor = scale_time_to_px(&f->s, ev->start_days);
        PROP(fabs(c->anchor_x - anchor) <= 0.01, "card %d: anchor %.3f, date at %.3f", i, c->anchor_x, anchor);
        PROP(c->anchor_x >= c->x && c->anchor_x <= c->x + c->w, "card %d: leader misses the card", i);
        double span = ev->has_end ? scale_time_to_px(&f->s, ev->end_days) : anchor;
        PROP(fabs(c->span_x1 - span) <= fmax(0.01, fabs(span) * 1e-6), "card %d: span end", i); /* a float */
        for (int j = 0; j < i; j++) {
            const LayoutCard *d = &l->cards[j];
            PROP(!rects_overlap(c->x, c->y, c->w, c->h, d->x, d->y, d->w, d->h), "cards %d and %d overlap", j, i);
        }
        /* hit test: the card is found at its centre */
        PROP(layout_card_at(l, c->x + c->w / 2, c->y + c->h / 2) == i, "card_at misses card %d", i);
        PROP(layout_card_of_event(l, c->event) == i, "card_of_event misses card %d", i);
    }

    /* clusters */
    int total = 0;
    for (int i = 0; i < l->cluster_count; i++) {
        const LayoutCluster *c = &l->clusters[i];
        PROP(c->count > 0, "cluster %d: empty", i);
        PROP(c->y == r->cluster_y && c->d == m->badge_d, "cluster %d: not on the badge line", i);
        PROP(c->x - c->d / 2 >= r->timeline_x0 && c->x + c->d / 2 <= r->timeline_x1, "cluster %d: x %.2f outside", i,
             c->x);
        for (int j = 0; j < i; j++)
            PROP(fabsf(l->clusters[j].x - c->x) >= c->d, "badges %d and %d overlap (x %.2f, %.2f, d %.2f)", j, i,
                 l->clusters[j].x, c->x, c->d);
        for (int j = 0; j < l->card_count; j++) {
            const LayoutCard *k = &l->cards[j];
            PROP(!rects_overlap(c->x - c->d / 2, c->y - c->d / 2, c->d, c->d, k->x, k->y, k->w, k->h),
                 "badge %d under card %d", i, j);
        }
        double from = INFINITY, to = -INFINITY;
        for (int k = 0; k < c->count; k++) {
            int e = layout_cluster_member(l, c, k);
            PROP(e >= 0 && e < tl->event_count, "cluster %d: member %d", i, e);
            seen[e]++;
            from = fmin(from, tl->events[e].start_days);
            to = fmax(to, tl->events[e].end_days);
        }
        PROP(c->from_days == from, "cluster %d: from_days %.3f, first member %.3f", i, c->from_days, from);
        if (c->members_offset >= 0) PROP(c->to_days == to, "cluster %d: to_days", i);
        else PROP(c->to_days > c->from_days, "cluster %d: to_days", i);
        total += c->count;
        PROP(layout_cluster_at(l, c->x, c->y) == i, "cluster_at misses cluster %d", i);
        /* a colour only when every member (of a sample) shares it */
        int cat = tl->events[layout_cluster_member(l, c, 0)].category;
        int limit = c->count < 64 ? c->count : 64;
        for (int k = 1; k < limit; k++)
            if (tl->events[layout_cluster_member(l, c, k)].category != cat) cat = -1;
        PROP(c->category == (cat >= 0 ? cat : -1), "cluster %d: category %d, expected %d", i, c->category, cat);
    }

    /* the story's anchor: the pinned event, in story regions only */
    if (l->story_pin >= 0) {
        PROP(f->story && l->story_pin == pinned, "story pin %d, pinned %d", l->story_pin, pinned);
        seen[l->story_pin]++;
    }

    /* every event whose anchor is in reach shows exactly once, no other does */
    int visible = 0;
    for (int e = 0; e < tl->event_count; e++) {
        double x = scale_time_to_px(&f->s, tl->events[e].start_days);
        if (fabs(x - lo) < 1e-3 || fabs(x - hi) < 1e-3) continue; /* on the edge: either is right */
        int cat = tl->events[e].category;
        bool shown = !hidden || l->bucketed || cat < 0 || !hidden[cat] || e == pinned;
        bool in = x >= lo && x <= hi;
        visible += in && shown;
        if (in && !shown) {
            PROP(seen[e] == 0, "hidden event %d shows", e);
            continue;
        }
        PROP(seen[e] == (in ? 1 : 0), "event %d (x %.2f in %.2f..%.2f) shows %d times", e, x, lo, hi, seen[e]);
        PROP(in == (e >= l->visible_first && e < l->visible_end), "event %d: visible range %d..%d", e,
             l->visible_first, l->visible_end);
    }
    PROP(total + l->card_count + (l->story_pin >= 0) == (hidden ? visible : l->visible_end - l->visible_first),
         "cards %d + members %d != visible %d", l->card_count, total, l->visible_end - l->visible_first);
    PROP(l->bucketed == (l->visible_end - l->visible_first > LAYOUT_MAX_PLACED), "bucketed %d", l->bucketed);

    /* nothing at the axis line (below the badges, above the tick labels) */
    for (int k = 0; k <= 20; k++) {
        float x = r->timeline_x0 + (r->timeline_x1 - r->timeline_x0) * (float)k / 20.0f;
        PROP(layout_card_at(l, x, r->axis_y) == -1, "card_at finds a card on the axis");
        PROP(layout_cluster_at(l, x, r->axis_y) == -1, "cluster_at finds a badge on the axis");
    }
    free(seen);
    return true;
fail:
    free(seen);
    return false;
}

static bool layout_is_sound_hiding(const Layout *l, const Timeline *tl, const Frame *f, const bool *hidden)
{
    return layout_is_sound_pinned(l, tl, f, hidden, -1);
}

static bool layout_is_sound(const Layout *l, const Timeline *tl, const Frame *f)
{
    return layout_is_sound_pinned(l, tl, f, NULL, -1);
}

static void report(const char *what, int iter, const Timeline *tl, const Frame *f, const Layout *l)
{
    char a[32], b[32];
    date_format_iso(scale_left_days(&f->s), a, sizeof a);
    date_format_iso(scale_right_days(&f->s), b, sizeof b);
    fprintf(stderr,
            "%s, case %d: %s\n  window %.0fx%.0f style %d lanes %d panel %.0f story %d; %d events; view %s..%s "
            "(%.4g days); %d cards, %d clusters, bucketed %d\n",
            what, iter, why, f->w, f->h, f->style, f->lanes, f->panel_w, f->story, tl->event_count, a, b,
            scale_width_days(&f->s), l->card_count, l->cluster_count, l->bucketed);
}

/* ---- metrics and regions ------------------------------------------------------------- */

static void large_style_keeps_text_at_20px_and_targets_at_60px_at_1080p(void)
{
    LayoutMetrics m = layout_metrics(1920, 1080, LAYOUT_STYLE_LARGE, &MEASURE);
    CHECK(m.title_px >= 20 && m.card_title_px >= 20 && m.summary_px >= 20 && m.date_px >= 20);
    CHECK(m.axis_px >= 20 && m.body_px >= 20 && m.panel_title_px >= 20 && m.small_px >= 20);
    CHECK(m.badge_d >= 60);
    LayoutMetrics d = layout_metrics(1920, 1080, LAYOUT_STYLE_DESKTOP, &MEASURE);
    CHECK_NEAR(d.ui, 1.0, 1e-6);
    CHECK(d.card_w > 0 && d.card_h > 0);
}

static void regions_stack_header_rows_axis_rows_overview(void)
{
    rng_state = 11;
    for (int iter = 0; iter < 2000; iter++) {
        Frame f;
        bool story = rng_unit() < 0.25;
        random_frame(&f, story);
        const Regions *r = &f.r;
        bool ok = r->header_y1 <= r->content_y0 && r->content_y0 <= r->above_y0 && r->above_y0 <= r->above_y1 &&
                  r->above_y1 < r->cluster_y - f.m.badge_d / 2 + 1e-3f &&
                  r->cluster_y + f.m.badge_d / 2 <= r->lanes_y0 && r->lanes_y0 <= r->axis_y &&
                  r->axis_y < r->ticks_y && r->ticks_y < r->below_y0 && r->below_y0 <= r->below_y1 &&
                  r->below_y1 <= r->content_y1 && r->content_y1 <= r->overview_y0 && r->overview_y1 == f.h &&
                  r->timeline_x0 == 0 && r->timeline_x1 == r->panel_x0 && r->panel_x0 == f.w - f.panel_w;
        if (story) ok = ok && r->rows_above == 0 && r->rows_below == 0 && r->above_y1 > r->above_y0;
        else ok = ok && r->rows_above >= 1 && r->rows_above >= r->rows_below && r->rows_above - r->rows_below <= 1;
        if (!ok) {
            fprintf(stderr, "regions case %d: %.0fx%.0f story %d\n", iter, f.w, f.h, story);
            CHECK(ok);
            return;
        }
    }
}

/* ---- placement: properties over random timelines ---------------------------------------- */

static void cards_and_clusters_are_sound_over_random_timelines_views_and_windows(void)
{
    rng_state = 12;
    Spec *specs = malloc(400 * sizeof *specs);
    Layout l = {0};
    int cards = 0, clusters = 0, panels = 0;
    for (int iter = 0; iter < 300; iter++) {
        double from, to;
        int n = random_specs(specs, 400, &from, &to);
        Timeline tl;
        build_timeline(&tl, specs, n);
        for (int view = 0; view < 6; view++) {
            Frame f;
            random_frame(&f, false);
            double span = to - from;
            scale_set_center_width(&f.s, rng_range(from - 0.1 * span, to + 0.1 * span), rng_log(0.5, 1.3 * span));
            build(&l, &tl, &f);
            cards += l.card_count;
            clusters += l.cluster_count;
            panels += f.panel_w > 0;
            if (!layout_is_sound(&l, &tl, &f)) {
                report("random", iter, &tl, &f, &l);
                CHECK(!"sound layout");
                iter = 1 << 20;
                break;
            }
        }
        timeline_free(&tl);
    }
    CHECK(cards > 1000 && clusters > 100 && panels > 100); /* the properties were put to work */
    layout_free(&l);
    free(specs);
}

static void a_burst_on_one_day_becomes_cards_then_one_cluster(void)
{
    Spec specs[200];
    for (int i = 0; i < 200; i++) specs[i] = (Spec){days(1970, 3, 18), days(1970, 3, 19), false, -1, 0, 0};
    Timeline tl;
    build_timeline(&tl, specs, 200);
    Frame f;
    frame_setup(&f, 1920, 1080, LAYOUT_STYLE_DESKTOP, 0, 0, false);
    scale_set_center_width(&f.s, days(1970, 3, 18), 60);
    Layout l = {0};
    build(&l, &tl, &f);
    CHECK(layout_is_sound(&l, &tl, &f));
    CHECK_INT(l.card_count, f.r.rows_above + f.r.rows_below); /* one card per row */
    CHECK_INT(l.cluster_count, 1);
    if (l.cluster_count == 1) CHECK_INT(l.clusters[0].count, 200 - l.card_count);
    layout_free(&l);
    timeline_free(&tl);
}

static void an_empty_timeline_lays_out_nothing(void)
{
    Timeline tl;
    build_timeline(&tl, NULL, 0);
    Frame f;
    frame_setup(&f, 1280, 720, LAYOUT_STYLE_DESKTOP, 1, 0, false);
    scale_set_center_width(&f.s, 0, 365);
    Layout l = {0};
    build(&l, &tl, &f);
    CHECK_INT(l.card_count, 0);
    CHECK_INT(l.cluster_count, 0);
    CHECK_INT(l.visible_end - l.visible_first, 0);
    CHECK_INT(layout_card_at(&l, 640, 360), -1);
    CHECK_INT(layout_cluster_at(&l, 640, f.r.cluster_y), -1);
    layout_free(&l);
    timeline_free(&tl);
}

static void clusters_take_a_colour_only_when_their_events_share_it(void)
{
    Spec specs[100];
    for (int i = 0; i < 100; i++) specs[i] = (Spec){days(1970, 3, 18), days(1970, 3, 19), false, i < 50 ? 1 : 2, 0, 0};
    specs[99].start = specs[98].start = days(1975, 1, 1); /* far away: its own cluster, mixed below */
    specs[99].end = specs[98].end = specs[99].start + 1;
    Timeline tl;
    build_timeline(&tl, specs, 100);
    Frame f;
    frame_setup(&f, 1920, 1080, LAYOUT_STYLE_DESKTOP, 0, 0, true); /* story: every event clusters */
    scale_fit(&f.s, days(1970, 1, 1), days(1976, 1, 1));
    Layout l = {0};
    build(&l, &tl, &f);
    CHECK(layout_is_sound(&l, &tl, &f));
    CHECK_INT(l.cluster_count, 2);
    if (l.cluster_count == 2) {
        CHECK_INT(l.clusters[0].count, 98);
        CHECK_INT(l.clusters[0].category, -1); /* 1s and 2s */
        CHECK_INT(l.clusters[1].count, 2);
        CHECK_INT(l.clusters[1].category, 2);
    }
    layout_free(&l);
    timeline_free(&tl);
}

static void hidden_categories_are_left_out_of_cards_and_clusters(void)
{
    rng_state = 16;
    Spec *specs = malloc(400 * sizeof *specs);
    Layout l = {0};
    const bool hidden[3] = {false, true, false};
    int left_out = 0;
    for (int iter = 0; iter < 150; iter++) {
        double from, to;
        int n = random_specs(specs, 400, &from, &to);
        for (int i = 0; i < n; i++) specs[i].category = rng_int(-1, 2);
        Timeline tl;
        build_timeline(&tl, specs, n);
        Frame f;
        random_frame(&f, false);
        double span = to - from;
        scale_set_center_width(&f.s, rng_range(from, to), rng_log(0.5, 1.3 * span));
        build_hiding(&l, &tl, &f, hidden);
        for (int e = l.visible_first; e < l.visible_end; e++) left_out += tl.events[e].category == 1;
        if (!layout_is_sound_hiding(&l, &tl, &f, hidden)) {
            report("hidden", iter, &tl, &f, &l);
            CHECK(!"sound layout");
            timeline_free(&tl);
            break;
        }
        timeline_free(&tl);
    }
    CHECK(left_out > 100);
    layout_free(&l);
    free(specs);
}

/* ---- bucketed mode -------------------------------------------------------------------------- */

static void many_events_are_bucketed_and_every_visible_event_counted_once(void)
{
    rng_state = 13;
    enum { N = 20000 };
    Spec *specs = malloc(N * sizeof *specs);
    Layout l = {0};
    for (int iter = 0; iter < 40; iter++) {
        double from = days(rng_int(1800, 2000), 1, 1), span = rng_range(2, 30) * 365.2425;
        for (int i = 0; i < N; i++) {
            double start = floor(from + rng_unit() * span);
            if (i % 50 == 1) start = specs[i - 1].start; /* some on the same day */
            bool has_end = rng_unit() < 0.1;
            specs[i] = (Spec){start, has_end ? start + rng_log(1, 400) : start + 1, has_end, -1, rng_int(0, 5),
                              rng_int(0, 2)};
        }
        Timeline tl;
        build_timeline(&tl, specs, N);
        Rank rank;
        rank_build(&rank, &tl);
        for (int view = 0; view < 5; view++) {
            Frame f;
            random_frame(&f, false);
            /* from the whole timeline to a fifth of it: always more than LAYOUT_MAX_PLACED in view */
            double w = span * rng_range(0.4, 1.2);
            scale_set_center_width(&f.s, from + span / 2 + rng_range(-0.1, 0.1) * span, w);
            bool ranked = view % 2 == 1;
            build_ranked(&l, &tl, ranked ? &rank : NULL, &f, -1);
            bool ok = layout_is_sound(&l, &tl, &f);
            if (ok && !l.bucketed) {
                snprintf(why, sizeof why, "not bucketed with %d in view", l.visible_end - l.visible_first);
                ok = false;
            }
            /* the buckets and the cards cover the visible range in order, without gaps */
            int next = l.visible_first;
            for (int i = 0; ok && i < l.cluster_count; i++) {
                const LayoutCluster *c = &l.clusters[i];
                while (next < l.visible_end && layout_card_of_event(&l, next) >= 0) next++;
                if (c->members_offset != -1 || layout_cluster_member(&l, c, 0) != next) {
                    snprintf(why, sizeof why, "bucket %d starts at %d, expected %d", i, layout_cluster_member(&l, c, 0),
                             next);
                    ok = false;
                }
                if (i > 0 && !(c->x > l.clusters[i - 1].x)) {
                    snprintf(why, sizeof why, "bucket %d not right of bucket %d", i, i - 1);
                    ok = false;
                }
                next = layout_cluster_member(&l, c, c->count - 1) + 1;
            }
            while (next < l.visible_end && layout_card_of_event(&l, next) >= 0) next++;
            if (ok && next != l.visible_end) {
                snprintf(why, sizeof why, "buckets end at %d, visible to %d", next, l.visible_end);
                ok = false;
            }
            /* without a rank, no card; with one, the best events in view have cards */
            if (ok && (ranked ? l.card_count < 4 : l.card_count != 0)) {
                snprintf(why, sizeof why, "%d cards in bucketed mode, ranked %d", l.card_count, ranked);
                ok = false;
            }
            for (int i = 0; ok && i < l.card_count; i++) {
                const Event *ev = &tl.events[l.cards[i].event];
                if (ev->certainty == CERTAINTY_UNVERIFIED || ev->importance < 4) {
                    snprintf(why, sizeof why, "card %d: importance %d, certainty %d", i, ev->importance, ev->certainty);
                    ok = false;
                }
            }
            if (!ok) {
                report("bucketed", iter, &tl, &f, &l);
                CHECK(!"sound bucketed layout");
                iter = 1 << 20;
                break;
            }
            /* panning keeps it bucketed */
            TimeScale keep = f.s;
            scale_pan(&f.s, rng_range(-300, 300));
            build(&l, &tl, &f);
            if (l.visible_end - l.visible_first > LAYOUT_MAX_PLACED) CHECK(l.bucketed);
            f.s = keep;
        }
        rank_free(&rank);
        timeline_free(&tl);
    }
    layout_free(&l);
    free(specs);
}

/* ---- stability while panning ------------------------------------------------------------------ */

/* A random timeline of 150..400 events over 3..15 years, with random
 * importance and certainty, and a view of 5% to 30% of it: dense enough
 * that rows are full. */
static int dense_specs(Spec *specs, double *from, double *span)
{
    int n = rng_int(150, 400);
    *from = days(rng_int(1800, 2000), 1, 1);
    *span = rng_range(3, 15) * 365.2425;
    for (int i = 0; i < n; i++) {
        double start = floor(*from + rng_unit() * *span);
        bool has_end = rng_unit() < 0.1;
        specs[i] = (Spec){start, has_end ? start + rng_log(1, 400) : start + 1, has_end, -1, rng_int(0, 5),
                          rng_int(0, 2)};
    }
    return n;
}

/* A card is inside when its date is a card's width or more from both edges:
 * its place then never depends on where the edges cut. */
static bool inside(const Frame *f, float anchor_x)
{
    return anchor_x >= f->r.timeline_x0 + f->m.card_w && anchor_x <= f->r.timeline_x1 - f->m.card_w;
}

/* Cards shown before and after a pan of a few pixels keep their row and
 * side, but rarely. The first-come layout never moved one; placement by rank
 * must let an important card that the edge pushes take the place of a
 * lesser one, which then moves, and in full rows that can pass on. So:
 * at most one card in 100 away from the edges changes rows on such a pan,
 * and one in 50 overall (dense timelines, where every row is full). */
static void panning_a_few_pixels_keeps_cards_in_their_rows(void)
{
    rng_state = 14;
    Spec *specs = malloc(400 * sizeof *specs);
    Layout a = {0}, b = {0};
    int compared = 0, compared_inside = 0, moved = 0, moved_inside = 0;
    char first[512] = "";
    for (int iter = 0; iter < 200; iter++) {
        double from, span;
        int n = dense_specs(specs, &from, &span);
        Timeline tl;
        build_timeline(&tl, specs, n);
        Rank rank;
        rank_build(&rank, &tl);
        Frame f;
        random_frame(&f, false);
        scale_set_center_width(&f.s, from + span * rng_range(0.2, 0.8), span * rng_range(0.05, 0.3));
        for (int step = 0; step < 10; step++) {
            build_ranked(&a, &tl, &rank, &f, -1);
            double dx = rng_range(-6, 6);
            scale_pan(&f.s, dx);
            build_ranked(&b, &tl, &rank, &f, -1);
            for (int i = 0; i < a.card_count; i++) {
                const LayoutCard *c = &a.cards[i];
                int j = layout_card_of_event(&b, c->event);
                if (j < 0) continue;
                bool in = inside(&f, c->anchor_x) && inside(&f, b.cards[j].anchor_x);
                compared++;
                compared_inside += in;
                if (c->row == b.cards[j].row && c->above == b.cards[j].above) continue;
                moved++;
                moved_inside += in;
                if (in && !first[0])
                    snprintf(first, sizeof first,
                             "case %d step %d: pan %.2f px moves event %d (x %.1f) from row %d%s to row %d%s; "
                             "window %.0fx%.0f, %d events, %d cards",
                             iter, step, dx, c->event, c->anchor_x, c->row, c->above ? " above" : " below",
                             b.cards[j].row, b.cards[j].above ? " above" : " below", f.w, f.h, n, a.card_count);
            }
        }
        rank_free(&rank);
        timeline_free(&tl);
    }
    if (moved_inside * 100 > compared_inside || moved * 50 > compared)
        fprintf(stderr, "pans moved %d of %d cards, %d of %d inside; first inside: %s\n", moved, compared, moved_inside,
                compared_inside, first);
    CHECK(compared_inside > 1000);
    CHECK(moved_inside * 100 <= compared_inside); /* measured: 0.5% */
    CHECK(moved * 50 <= compared);                /* measured: 0.8% */
    layout_free(&a);
    layout_free(&b);
    free(specs);
}

/* ---- rank ------------------------------------------------------------------------------------ */

static void rank_puts_unverified_claims_below_every_confirmed_event(void)
{
    Spec specs[6] = {
        {days(1970, 1, 1), days(1970, 1, 2), false, -1, 5, CERTAINTY_UNVERIFIED},
        {days(1971, 1, 1), days(1971, 1, 2), false, -1, 1, CERTAINTY_CONFIRMED},
        {days(1972, 1, 1), days(1972, 1, 2), false, -1, 0, CERTAINTY_CONFIRMED},
        {days(1973, 1, 1), days(1973, 1, 2), false, -1, 3, CERTAINTY_DISPUTED},
        {days(1974, 1, 1), days(1974, 1, 2), false, -1, 5, CERTAINTY_CONFIRMED},
        {days(1975, 1, 1), days(1975, 1, 2), false, -1, 0, CERTAINTY_UNVERIFIED},
    };
    Timeline tl;
    build_timeline(&tl, specs, 6);
    Rank r;
    CHECK(rank_build(&r, &tl));
    CHECK_INT(r.count, 6);
    /* 5 confirmed, then the disputed 3, the derived 2 (no tour, no body), the
     * confirmed 1, then the unverified: their own importance orders them */
    int expected[6] = {4, 3, 2, 1, 0, 5};
    for (int i = 0; i < 6; i++) CHECK_INT(r.order[i], expected[i]);
    for (int i = 0; i < 6; i++) CHECK_INT(r.position[r.order[i]], i);
    CHECK(rank_above(&r, 1, 0)); /* a confirmed 1 above an unverified 5 */
    CHECK(!rank_above(&r, 0, 1));
    CHECK(rank_above(NULL, 0, 1)); /* without a rank, time order */
    rank_free(&r);
    timeline_free(&tl);
}

static void derived_importance_counts_tours_bodies_and_sources_below_a_curators_five(void)
{
    Event ev;
    memset(&ev, 0, sizeof ev);
    Timeline texts = {0}; /* owns the body's slots */
    CHECK_INT(rank_importance(&ev, false), 2);
    CHECK_INT(rank_importance(&ev, true), 3);
    text_set(&texts, &ev.body, 0, "A story.");
    ev.source_count = 1;
    CHECK_INT(rank_importance(&ev, true), 3); /* a body needs two sources to count */
    ev.source_count = 2;
    CHECK_INT(rank_importance(&ev, true), 4);
    ev.certainty = CERTAINTY_DISPUTED;
    CHECK_INT(rank_importance(&ev, true), 3);
    ev.certainty = CERTAINTY_CONFIRMED;
    ev.importance = 1; /* the file's word wins */
    CHECK_INT(rank_importance(&ev, true), 1);
    ev.importance = 5;
    CHECK_INT(rank_importance(&ev, false), 5);
    timeline_free(&texts);
}

/* Equals are ordered by a hash of their ids, not by date: among many equal
 * events, the top hundred are spread over the timeline. */
static void equal_events_are_spread_over_time_not_ranked_by_date(void)
{
    enum { N = 1000 };
    Spec *specs = malloc(N * sizeof *specs);
    for (int i = 0; i < N; i++) specs[i] = (Spec){days(1900, 1, 1) + i * 30, days(1900, 1, 1) + i * 30 + 1, false, -1, 0, 0};
    Timeline tl;
    build_timeline(&tl, specs, N);
    Rank r;
    CHECK(rank_build(&r, &tl));
    int late = 0;
    for (int i = 0; i < 100; i++) late += r.order[i] >= N / 2;
    CHECK(late >= 30 && late <= 70);
    rank_free(&r);
    timeline_free(&tl);
    free(specs);
}

/* ---- rank placement: properties --------------------------------------------------------------- */

/* Could event e's card fit in the layout, beside the cards that rank above
 * it (and the pinned one) only? The oracle, written apart from layout.c:
 * every row, every left edge its leader and the area allow, but for a
 * card's width at either edge: there, events just off screen hold room
 * (layout places them as if the screen had no edges, so that cards do not
 * jump as they come in). */
static bool fits_among_better(const Layout *l, const Timeline *tl, const Rank *rank, const Frame *f, int e,
                              int pinned)
{
    const LayoutMetrics *m = &f->m;
    float area_lo = f->r.timeline_x0 + m->margin / 2, area_hi = f->r.timeline_x1 - m->margin / 2;
    float a = (float)scale_time_to_px(&f->s, tl->events[e].start_days);
    float lo = fmaxf(area_lo, a - m->card_w + m->leader_inset), hi = fminf(area_hi - m->card_w, a - m->leader_inset);
    float span = m->card_w + m->card_gap;
    /* the bands where the cards of events just off screen may reach */
    lo = fmaxf(lo, f->r.timeline_x0 + span - m->leader_inset);
    hi = fminf(hi, f->r.timeline_x1 - m->card_w - span + m->leader_inset);
    if (lo > hi) return false;
    for (int side = 0; side < 2; side++) {
        int rows = side == 0 ? f->r.rows_above : f->r.rows_below;
        for (int row = 0; row < rows; row++) {
            /* the blocked stretches of left edges, from the better cards of this row */
            float x = lo;
            bool moved = true;
            while (moved && x <= hi) {
                moved = false;
                for (int i = 0; i < l->card_count; i++) {
                    const LayoutCard *c = &l->cards[i];
                    if (c->above != (side == 0) || c->row != row) continue;
                    if (c->event != pinned && !rank_above(rank, c->event, e)) continue;
                    if (x > c->x - span - 0.1f && x < c->x + span + 0.1f) { /* a tenth of a pixel to spare */
                        x = c->x + span + 0.1f;
                        moved = true;
                    }
                }
            }
            if (x <= hi) return true;
        }
    }
    return false;
}

/* Is a confirmed (or disputed) event in a badge? Then no unverified claim
 * may have a card. */
static bool confirmed_in_badge(const Layout *l, const Timeline *tl)
{
    for (int i = 0; i < l->cluster_count; i++)
        for (int k = 0; k < l->clusters[i].count; k++)
            if (tl->events[layout_cluster_member(l, &l->clusters[i], k)].certainty != CERTAINTY_UNVERIFIED) return true;
    return false;
}

/* Every badge's event whose card could fit beside the better cards alone is
 * a breach of rank order (but unverified claims, kept in badges while a
 * confirmed event is in one). Returns the first breach or -1. */
static int rank_breach(const Layout *l, const Timeline *tl, const Rank *rank, const Frame *f, int pinned)
{
    bool demoted = confirmed_in_badge(l, tl);
    for (int i = 0; i < l->cluster_count; i++) {
        const LayoutCluster *c = &l->clusters[i];
        for (int k = 0; k < c->count; k++) {
            int e = layout_cluster_member(l, c, k);
            if (demoted && tl->events[e].certainty == CERTAINTY_UNVERIFIED) continue;
            if (fits_among_better(l, tl, rank, f, e, pinned)) return e;
        }
    }
    return -1;
}

static void no_card_ranks_below_an_event_left_in_a_badge_that_could_fit(void)
{
    rng_state = 21;
    Spec *specs = malloc(400 * sizeof *specs);
    Layout l = {0};
    int badges_checked = 0;
    for (int iter = 0; iter < 300; iter++) {
        double from, span;
        int n = dense_specs(specs, &from, &span);
        Timeline tl;
        build_timeline(&tl, specs, n);
        Rank rank;
        rank_build(&rank, &tl);
        Frame f;
        random_frame(&f, false);
        scale_set_center_width(&f.s, from + span * rng_range(0.1, 0.9), span * rng_log(0.01, 1.2));
        int pinned = rng_unit() < 0.3 && n > 0 ? rng_int(0, n - 1) : -1;
        build_ranked(&l, &tl, &rank, &f, pinned);
        for (int i = 0; i < l.cluster_count; i++) badges_checked += l.clusters[i].count;
        int breach = l.bucketed ? -1 : rank_breach(&l, &tl, &rank, &f, pinned);
        bool sound = layout_is_sound_pinned(&l, &tl, &f, NULL, pinned);
        if (breach >= 0 || !sound) {
            if (breach >= 0)
                snprintf(why, sizeof why, "event %d (rank %d, x %.1f) is in a badge, yet fits beside the better cards",
                         breach, rank.position[breach], scale_time_to_px(&f.s, tl.events[breach].start_days));
            report("rank", iter, &tl, &f, &l);
            CHECK(!"rank order");
            rank_free(&rank);
            timeline_free(&tl);
            break;
        }
        rank_free(&rank);
        timeline_free(&tl);
    }
    CHECK(badges_checked > 1000);
    layout_free(&l);
    free(specs);
}

/* An unverified claim never has a card while a confirmed event waits in a
 * badge. */
static void no_unverified_card_while_a_confirmed_event_is_in_a_badge(void)
{
    rng_state = 22;
    Spec *specs = malloc(400 * sizeof *specs);
    Layout l = {0};
    int unverified_cards = 0, demoted = 0;
    for (int iter = 0; iter < 600; iter++) {
        double from, span;
        int n = dense_specs(specs, &from, &span);
        for (int i = 0; i < n; i++) specs[i].certainty = rng_unit() < 0.8 ? CERTAINTY_UNVERIFIED : CERTAINTY_CONFIRMED;
        Timeline tl;
        build_timeline(&tl, specs, n);
        Rank rank;
        rank_build(&rank, &tl);
        Frame f;
        random_frame(&f, false);
        scale_set_center_width(&f.s, from + span * rng_range(0.1, 0.9), span * rng_log(0.005, 1.2));
        build_ranked(&l, &tl, &rank, &f, -1);
        bool waiting = confirmed_in_badge(&l, &tl);
        demoted += waiting;
        for (int i = 0; i < l.card_count; i++)
            if (tl.events[l.cards[i].event].certainty == CERTAINTY_UNVERIFIED) {
                unverified_cards++;
                CHECK(!waiting);
            }
        rank_free(&rank);
        timeline_free(&tl);
    }
    CHECK(unverified_cards > 50 && demoted > 50);
    layout_free(&l);
    free(specs);
}

/* Zooming in about a card: the card stays a card. Placement by rank cannot
 * promise it for every card (an event that had no room may find some as the
 * view spreads, and take the room of a lesser card), so: a card among the
 * two most important in view always stays; any confirmed card in at least
 * 99% of cases (measured: 99.7%). An unverified claim gives way to any
 * confirmed event that the zoom brings out of a badge. */
static void zooming_in_on_a_card_keeps_it_a_card(void)
{
    rng_state = 23;
    Spec *specs = malloc(400 * sizeof *specs);
    Layout a = {0}, b = {0};
    int tried = 0, kept = 0;
    char first[256] = "";
    for (int iter = 0; iter < 300; iter++) {
        double from, span;
        int n = dense_specs(specs, &from, &span);
        Timeline tl;
        build_timeline(&tl, specs, n);
        Rank rank;
        rank_build(&rank, &tl);
        Frame f;
        random_frame(&f, false);
        scale_set_center_width(&f.s, from + span * rng_range(0.1, 0.9), span * rng_log(0.01, 1.2));
        build_ranked(&a, &tl, &rank, &f, -1);
        if (a.card_count == 0 || a.bucketed) goto next;
        /* the two most important cards */
        int best = -1, second = -1;
        for (int i = 0; i < a.card_count; i++) {
            int e = a.cards[i].event;
            if (best < 0 || rank_above(&rank, e, best)) {
                second = best;
                best = e;
            } else if (second < 0 || rank_above(&rank, e, second)) {
                second = e;
            }
        }
        for (int t = 0; t < 3; t++) {
            const LayoutCard *c = &a.cards[rng_int(0, a.card_count - 1)];
            int event = c->event;
            if (tl.events[event].certainty == CERTAINTY_UNVERIFIED) continue; /* it gives way to any confirmed event */
            Frame g = f;
            scale_zoom_at(&g.s, rng_range(1.05, 4), c->anchor_x);
            build_ranked(&b, &tl, &rank, &g, -1);
            bool stays = layout_card_of_event(&b, event) >= 0;
            tried++;
            kept += stays;
            if ((event == best || event == second) && !stays && !first[0])
                snprintf(first, sizeof first, "case %d: event %d (among the two best cards) lost its card zooming in",
                         iter, event);
        }
    next:
        rank_free(&rank);
        timeline_free(&tl);
    }
    if (first[0]) fprintf(stderr, "%s\n", first);
    CHECK(!first[0]);
    if (kept * 100 < tried * 99) fprintf(stderr, "zooming in on a card kept it in %d of %d cases\n", kept, tried);
    CHECK(tried > 300 && kept * 100 >= tried * 99);
    layout_free(&a);
    layout_free(&b);
    free(specs);
}

/* The pinned event (open story or focus) is a card wherever its date is far
 * enough inside the screen for a card, whatever its rank, and every
 * property holds around it. */
static void the_pinned_event_always_has_its_card(void)
{
    rng_state = 24;
    Spec *specs = malloc(400 * sizeof *specs);
    Layout l = {0};
    int pinned_cards = 0;
    for (int iter = 0; iter < 400; iter++) {
        double from, span;
        int n = iter % 2 ? dense_specs(specs, &from, &span) : random_specs(specs, 400, &from, &span);
        if (iter % 2 == 0) span -= from;
        if (n == 0) continue;
        Timeline tl;
        build_timeline(&tl, specs, n);
        Rank rank;
        rank_build(&rank, &tl);
        Frame f;
        random_frame(&f, false);
        int pinned = rank.order[n - 1]; /* the least important event */
        if (rng_unit() < 0.5) pinned = rng_int(0, n - 1);
        double t = tl.events[pinned].start_days, width = span * rng_log(0.001, 1.2);
        scale_set_center_width(&f.s, t + width * rng_range(-0.45, 0.45), width);
        build_ranked(&l, &tl, &rank, &f, pinned);
        float x = (float)scale_time_to_px(&f.s, t);
        float room = f.m.leader_inset + f.m.margin / 2;
        bool can = x >= f.r.timeline_x0 + room && x <= f.r.timeline_x1 - room;
        bool ok = layout_is_sound_pinned(&l, &tl, &f, NULL, pinned);
        if (ok && can && layout_card_of_event(&l, pinned) < 0) {
            snprintf(why, sizeof why, "pinned event %d at x %.1f has no card", pinned, x);
            ok = false;
        }
        pinned_cards += can;
        if (!ok) {
            report("pinned", iter, &tl, &f, &l);
            CHECK(!"pinned card");
            rank_free(&rank);
            timeline_free(&tl);
            break;
        }
        rank_free(&rank);
        timeline_free(&tl);
    }
    CHECK(pinned_cards > 200);
    layout_free(&l);
    free(specs);
}

/* In story regions (no card rows), the pinned event is the story's anchor,
 * not one more event in a badge. */
static void in_story_regions_the_pinned_event_is_the_story_anchor(void)
{
    Spec specs[5];
    for (int i = 0; i < 5; i++) specs[i] = (Spec){days(1970, 3, 18), days(1970, 3, 19), false, -1, 0, 0};
    Timeline tl;
    build_timeline(&tl, specs, 5);
    Frame f;
    frame_setup(&f, 1920, 1080, LAYOUT_STYLE_LARGE, 0, 0, true);
    scale_set_center_width(&f.s, days(1970, 3, 18), 365);
    Layout l = {0};
    build_ranked(&l, &tl, NULL, &f, 2);
    CHECK(layout_is_sound_pinned(&l, &tl, &f, NULL, 2));
    CHECK_INT(l.story_pin, 2);
    CHECK_INT(l.cluster_count, 1);
    if (l.cluster_count == 1) CHECK_INT(l.clusters[0].count, 4);
    layout_free(&l);
    timeline_free(&tl);
}

/* With thousands of events in view, the most important still get cards. */
static void with_thousands_of_events_the_most_important_get_cards(void)
{
    enum { N = 5000 };
    rng_state = 25;
    Spec *specs = malloc(N * sizeof *specs);
    for (int i = 0; i < N; i++) {
        double start = floor(days(1900, 1, 1) + rng_unit() * 130 * 365.2425);
        specs[i] = (Spec){start, start + 1, false, -1, i % 97 == 0 ? 5 : 0, 0};
    }
    Timeline tl;
    build_timeline(&tl, specs, N);
    Rank rank;
    rank_build(&rank, &tl);
    Frame f;
    frame_setup(&f, 1920, 1080, LAYOUT_STYLE_DESKTOP, 2, 0, false);
    scale_fit(&f.s, days(1895, 1, 1), days(2035, 1, 1));
    Layout l = {0};
    build_ranked(&l, &tl, &rank, &f, -1);
    CHECK(l.bucketed);
    CHECK(layout_is_sound(&l, &tl, &f));
    CHECK(l.card_count >= 8);
    for (int i = 0; i < l.card_count; i++) CHECK_INT(tl.events[l.cards[i].event].importance, 5);
    layout_free(&l);
    rank_free(&rank);
    timeline_free(&tl);
    free(specs);
}

/* ---- story regions ------------------------------------------------------------------------------ */

static void story_regions_have_no_card_rows_and_every_visible_event_clusters(void)
{
    rng_state = 15;
    Spec *specs = malloc(400 * sizeof *specs);
    Layout l = {0};
    for (int iter = 0; iter < 150; iter++) {
        double from, to;
        int n = random_specs(specs, 400, &from, &to);
        Timeline tl;
        build_timeline(&tl, specs, n);
        Frame f;
        random_frame(&f, true);
        double span = to - from;
        scale_set_center_width(&f.s, rng_range(from, to), rng_log(0.5, 1.3 * span));
        build(&l, &tl, &f);
        bool ok = f.r.rows_above == 0 && f.r.rows_below == 0 && l.card_count == 0 && layout_is_sound(&l, &tl, &f);
        if (!ok) {
            report("story", iter, &tl, &f, &l);
            CHECK(ok);
            timeline_free(&tl);
            break;
        }
        timeline_free(&tl);
    }
    layout_free(&l);
    free(specs);
}

/* ---- text size -------------------------------------------------------------------------- */

static void text_scale_is_clamped_to_its_steps_and_limits(void)
{
    CHECK(layout_text_scale_clamp(0) == 1.0);
    CHECK(layout_text_scale_clamp(NAN) == 1.0);
    CHECK(layout_text_scale_clamp(-3) == 1.0);
    CHECK(layout_text_scale_clamp(0.1) == LAYOUT_TEXT_SCALE_MIN);
    CHECK(layout_text_scale_clamp(9) == LAYOUT_TEXT_SCALE_MAX);
    CHECK(layout_text_scale_clamp(1.13) == 1.125);
    CHECK(layout_text_scale_clamp(1.5) == 1.5);
}

/* Every type size of m, for checks on all of them at once. */
static int smallest_type(const LayoutMetrics *m)
{
    int sizes[] = {m->title_px, m->card_title_px, m->summary_px, m->date_px, m->axis_px, m->body_px,
                   m->panel_title_px, m->small_px};
    int lo = sizes[0];
    for (size_t i = 1; i < sizeof sizes / sizeof sizes[0]; i++) lo = sizes[i] < lo ? sizes[i] : lo;
    return lo;
}

static void text_scale_grows_every_type_and_box_and_never_goes_under_the_minimum(void)
{
    static const float sizes[][2] = {{800, 600}, {1280, 720}, {1366, 768}, {1920, 1080}, {1080, 1920}, {3840, 2160}};
    for (size_t w = 0; w < sizeof sizes / sizeof sizes[0]; w++)
        for (int style = 0; style < 2; style++) {
            LayoutMetrics prev = {0};
            for (double t = LAYOUT_TEXT_SCALE_MIN; t <= LAYOUT_TEXT_SCALE_MAX + 1e-9; t += LAYOUT_TEXT_SCALE_STEP) {
                LayoutMetrics m = layout_metrics_scaled(sizes[w][0], sizes[w][1], (LayoutStyle)style, t, &MEASURE);
                CHECK(smallest_type(&m) >= LAYOUT_MIN_TEXT_PX);
                if (style == LAYOUT_STYLE_LARGE) CHECK(smallest_type(&m) >= 20 * m.ui / (float)fmax(t, 1) - 1);
                /* the card holds its date, two title lines and its summary lines */
                CHECK(m.card_h >= m.card.title_y + 2 * m.card.title_line_h + m.card_summary_lines * m.card.summary_line_h);
                CHECK(m.badge_d >= m.small_px * 2);
                if (prev.ui > 0) {
                    CHECK(m.card_title_px >= prev.card_title_px && m.body_px >= prev.body_px);
                    CHECK(m.card_w >= prev.card_w && m.card_h >= prev.card_h && m.header_h >= prev.header_h);
                }
                prev = m;
            }
            LayoutMetrics one = layout_metrics_scaled(sizes[w][0], sizes[w][1], (LayoutStyle)style, 1, &MEASURE);
            LayoutMetrics base = layout_metrics(sizes[w][0], sizes[w][1], (LayoutStyle)style, &MEASURE);
            CHECK(memcmp(&one, &base, sizeof one) == 0);
            LayoutMetrics two = layout_metrics_scaled(sizes[w][0], sizes[w][1], (LayoutStyle)style, 2, &MEASURE);
            CHECK(two.card_title_px >= 2 * base.card_title_px - 1);
        }
}

/* At the largest text, over random timelines and windows down to 800x600,
 * cards stay inside their rows and never overlap, badges neither. */
static void at_double_text_size_the_layout_stays_sound(void)
{
    rng_state = 41;
    Spec *specs = malloc(400 * sizeof *specs);
    Layout l = {0};
    int cards = 0;
    for (int iter = 0; iter < 120; iter++) {
        double from, to;
        int n = random_specs(specs, 400, &from, &to);
        Timeline tl;
        build_timeline(&tl, specs, n);
        for (int view = 0; view < 4; view++) {
            Frame f;
            float w = (float)rng_int(800, 3840), h = (float)rng_int(600, 2160);
            frame_setup(&f, w, h, LAYOUT_STYLE_DESKTOP, rng_int(0, 3), 0, false);
            f.m = layout_metrics_scaled(w, h, LAYOUT_STYLE_DESKTOP, LAYOUT_TEXT_SCALE_MAX, &MEASURE);
            float panel = rng_unit() < 0.35 ? view_panel_width(w, f.m.ui, &(ViewState){.selected = 0}) : 0;
            f.panel_w = panel;
            f.r = layout_regions(w, h, &f.m, f.lanes, panel, false);
            f.s.x0_px = f.r.timeline_x0;
            f.s.width_px = f.r.timeline_x1 - f.r.timeline_x0;
            double span = to - from;
            scale_set_center_width(&f.s, rng_range(from - 0.1 * span, to + 0.1 * span), rng_log(0.5, 1.3 * span));
            build(&l, &tl, &f);
            cards += l.card_count;
            if (!layout_is_sound(&l, &tl, &f)) {
                report("text scale 2", iter, &tl, &f, &l);
                CHECK(!"sound layout at text scale 2");
                iter = 1 << 20;
                break;
            }
        }
        timeline_free(&tl);
    }
    CHECK(cards > 200);
    layout_free(&l);
    free(specs);
}

int main(void)
{
    RUN(text_scale_is_clamped_to_its_steps_and_limits);
    RUN(text_scale_grows_every_type_and_box_and_never_goes_under_the_minimum);
    RUN(at_double_text_size_the_layout_stays_sound);
    RUN(large_style_keeps_text_at_20px_and_targets_at_60px_at_1080p);
    RUN(regions_stack_header_rows_axis_rows_overview);
    RUN(cards_and_clusters_are_sound_over_random_timelines_views_and_windows);
    RUN(a_burst_on_one_day_becomes_cards_then_one_cluster);
    RUN(an_empty_timeline_lays_out_nothing);
    RUN(clusters_take_a_colour_only_when_their_events_share_it);
    RUN(hidden_categories_are_left_out_of_cards_and_clusters);
    RUN(many_events_are_bucketed_and_every_visible_event_counted_once);
    RUN(panning_a_few_pixels_keeps_cards_in_their_rows);
    RUN(rank_puts_unverified_claims_below_every_confirmed_event);
    RUN(derived_importance_counts_tours_bodies_and_sources_below_a_curators_five);
    RUN(equal_events_are_spread_over_time_not_ranked_by_date);
    RUN(no_card_ranks_below_an_event_left_in_a_badge_that_could_fit);
    RUN(no_unverified_card_while_a_confirmed_event_is_in_a_badge);
    RUN(zooming_in_on_a_card_keeps_it_a_card);
    RUN(the_pinned_event_always_has_its_card);
    RUN(in_story_regions_the_pinned_event_is_the_story_anchor);
    RUN(with_thousands_of_events_the_most_important_get_cards);
    RUN(story_regions_have_no_card_rows_and_every_visible_event_clusters);
    return TEST_REPORT();
}
