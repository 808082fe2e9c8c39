/* test_poster.c: specifications of the poster's layout (every shown event a
 * card, no two cards overlapping, the height following from the rows, the
 * refusal of an absurd height) and of its draw list, over random timelines
 * measured with a fixed-width fake measurer. */
#include "poster.h"
#include "test.h"
#include "test_support.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

/* ---- timelines built in memory ------------------------------------------------------- */

static int by_start(const void *a, const void *b)
{
    const double *p = a, *q = b;
    return (*p > *q) - (*p < *q);
}

/* n events at the given start days (sorted here), ids "e0".. in time order;
 * every fifth a span of a year; categories 0..2 in turn. */
static void build_timeline(Timeline *tl, double *starts, int n)
{
    memset(tl, 0, sizeof *tl);
    strcpy(tl->langs[0], "en");
    tl->lang_count = 1;
    tl->category_count = 3;
    tl->categories = arena_alloc(&tl->arena, 3 * sizeof *tl->categories);
    memset(tl->categories, 0, 3 * sizeof *tl->categories);
    for (int c = 0; c < 3; c++) tl->categories[c].colour = (Colour){(uint8_t)(80 * c), 120, 200, 255};
    text_set(tl, &tl->title, 0, "A poster");
    qsort(starts, (size_t)n, sizeof *starts, by_start);
    tl->events = arena_alloc(&tl->arena, (size_t)(n > 0 ? n : 1) * sizeof *tl->events);
    tl->event_count = n;
    tl->min_days = n ? starts[0] : 0;
    tl->max_days = n ? starts[n - 1] + 1 : 1;
    for (int i = 0; i < n; i++) {
        Event *ev = &tl->events[i];
        memset(ev, 0, sizeof *ev);
        char id[16];
        snprintf(id, sizeof id, "e%d", i);
        ev->id = arena_strdup(&tl->arena, id);
        ev->has_end = i % 5 == 4;
        ev->start_days = starts[i];
        ev->end_days = starts[i] + (ev->has_end ? 365 : 1);
        ev->start = date_from_days(ev->start_days);
        ev->end = date_from_days(ev->end_days);
        ev->category = i % 3;
        text_set(tl, &ev->title, 0, ev->id);
        text_set(tl, &ev->summary, 0, "a summary of a few words that wraps over a line or two of the card");
        if (ev->end_days > tl->max_days) tl->max_days = ev->end_days;
    }
}

/* n events over 1..120 years from 1900, some in bursts on one day. */
static void random_timeline(Timeline *tl, int n)
{
    double *starts = malloc((size_t)(n > 0 ? n : 1) * sizeof *starts);
    double base = (double)date_days_from_civil(1900, 1, 1), span = rng_range(1, 120) * 365.2425;
    for (int i = 0; i < n;) {
        double day = floor(base + rng_unit() * span);
        int burst = rng_unit() < 0.05 ? rng_int(5, 200) : 1;
        for (int k = 0; k < burst && i < n; k++) starts[i++] = day;
    }
    build_timeline(tl, starts, n);
    free(starts);
}

static PosterDesc desc_for(const Timeline *tl, int width)
{
    PosterDesc d = {0};
    d.tl = tl;
    d.width_px = width;
    d.measure = &MEASURE;
    return d;
}

/* ---- properties ---------------------------------------------------------------------- */

static char why[256];

/* Every shown event in range has exactly one card; cards in one row do not
 * overlap; every card lies on the sheet, inside the timeline area; rows
 * are where layout_row_y puts them. */
static bool poster_is_sound(const Poster *p, const Timeline *tl, const PosterDesc *d)
{
    int *seen = calloc((size_t)(tl->event_count > 0 ? tl->event_count : 1), sizeof *seen);
    const Layout *l = &p->layout;
    bool ok = l->cluster_count == 0;
    if (!ok) snprintf(why, sizeof why, "%d clusters", l->cluster_count);
    for (int i = 0; ok && i < l->card_count; i++) {
        const LayoutCard *c = &l->cards[i];
        seen[c->event]++;
        if (c->x < p->regions.timeline_x0 - 0.01f || c->x + c->w > p->regions.timeline_x1 + 0.01f || c->y < 0 ||
            c->y + c->h > p->height_px) {
            snprintf(why, sizeof why, "card %d (%g, %g) off the %dx%d sheet", i, c->x, c->y, p->width_px, p->height_px);
            ok = false;
        }
        if (ok && c->y != layout_row_y(&p->regions, &p->metrics, c->above, c->row)) {
            snprintf(why, sizeof why, "card %d not on its row", i);
            ok = false;
        }
        if (ok && c->row >= (c->above ? p->regions.rows_above : p->regions.rows_below)) {
            snprintf(why, sizeof why, "card %d in row %d beyond the regions' rows", i, c->row);
            ok = false;
        }
        for (int j = i + 1; ok && j < l->card_count; j++) {
            const LayoutCard *o = &l->cards[j];
            if (o->above != c->above || o->row != c->row) continue;
            if (o->x < c->x + c->w - 0.02f && c->x < o->x + o->w - 0.02f) {
                snprintf(why, sizeof why, "cards %d and %d overlap in row %d", i, j, c->row);
                ok = false;
            }
        }
    }
    int shown = 0;
    for (int e = 0; ok && e < tl->event_count; e++) {
        const Event *ev = &tl->events[e];
        bool hidden = d->category_hidden && ev->category >= 0 && d->category_hidden[ev->category];
        bool in_range = ev->start_days >= p->from_days && ev->start_days <= p->to_days;
        int want = in_range && !hidden ? 1 : 0;
        shown += want;
        if (seen[e] != want) {
            snprintf(why, sizeof why, "event %d has %d cards, expected %d", e, seen[e], want);
            ok = false;
        }
    }
    if (ok && shown != p->shown) {
        snprintf(why, sizeof why, "shown says %d, %d are", p->shown, shown);
        ok = false;
    }
    free(seen);
    return ok;
}

static void every_event_is_one_card_and_no_cards_overlap_over_random_timelines(void)
{
    rng_state = 11;
    for (int iter = 0; iter < 60; iter++) {
        Timeline tl;
        random_timeline(&tl, rng_int(0, 600));
        PosterDesc d = desc_for(&tl, rng_int(POSTER_MIN_W, 16000));
        Poster p;
        PosterError err = poster_build(&p, &d);
        CHECK_INT(err, POSTER_OK);
        bool sound = err == POSTER_OK && poster_is_sound(&p, &tl, &d);
        if (!sound) fprintf(stderr, "iteration %d, %d events, %d px: %s\n", iter, tl.event_count, d.width_px, why);
        CHECK(sound);
        poster_free(&p);
        timeline_free(&tl);
        if (!sound) return;
    }
}

static void a_sparse_timeline_keeps_every_card_beside_its_leader(void)
{
    double starts[40];
    for (int i = 0; i < 40; i++) starts[i] = (double)date_days_from_civil(1956 + i * 7 / 4, 1 + i % 12, 1);
    Timeline tl;
    build_timeline(&tl, starts, 40);
    PosterDesc d = desc_for(&tl, 7016);
    Poster p;
    CHECK_INT(poster_build(&p, &d), POSTER_OK);
    CHECK(poster_is_sound(&p, &tl, &d));
    CHECK(!p.packed);
    for (int i = 0; i < p.layout.card_count; i++) {
        const LayoutCard *c = &p.layout.cards[i];
        CHECK(c->anchor_x >= c->x + p.metrics.leader_inset - 0.02f);
        CHECK(c->anchor_x <= c->x + c->w - p.metrics.leader_inset + 0.02f);
    }
    poster_free(&p);
    timeline_free(&tl);
}

/* 1,000 events on one day and 2,000 over a century: strict rows would be a
 * tower of a thousand; packed, about what the cards fill. */
static void a_burst_is_packed_into_about_the_rows_its_cards_fill(void)
{
    rng_state = 5;
    enum { N = 3000 };
    static double starts[N];
    double base = (double)date_days_from_civil(1900, 1, 1);
    for (int i = 0; i < N; i++)
        starts[i] = i % 3 == 0 ? (double)date_days_from_civil(1972, 5, 2) : floor(base + rng_unit() * 130 * 365.2425);
    Timeline tl;
    build_timeline(&tl, starts, N);
    PosterDesc d = desc_for(&tl, 14043);
    Poster p;
    CHECK_INT(poster_build(&p, &d), POSTER_OK);
    CHECK(poster_is_sound(&p, &tl, &d));
    CHECK(p.packed);
    int rows = p.regions.rows_above + p.regions.rows_below;
    float area = p.regions.timeline_x1 - p.regions.timeline_x0;
    int per_row = (int)((area + p.metrics.card_gap) / (p.metrics.card_w + p.metrics.card_gap));
    CHECK(rows >= (N + per_row - 1) / per_row);
    CHECK(rows <= 2 * ((N + per_row - 1) / per_row) + 2);
    poster_free(&p);
    timeline_free(&tl);
}

static void the_height_follows_from_the_rows(void)
{
    rng_state = 3;
    Timeline tl;
    random_timeline(&tl, 300);
    PosterDesc d = desc_for(&tl, 5000);
    Poster p;
    CHECK_INT(poster_build(&p, &d), POSTER_OK);
    const Regions *r = &p.regions;
    float row_h = p.metrics.card_h + p.metrics.row_gap;
    CHECK(r->rows_above + r->rows_below >= 1);
    CHECK(fabsf(r->above_y1 - r->above_y0 - r->rows_above * row_h) < 0.5f);
    CHECK(fabsf(r->below_y1 - r->below_y0 - r->rows_below * row_h) < 0.5f);
    CHECK_INT(p.height_px, (int)ceilf(r->h));
    CHECK(r->h > r->below_y1 && r->h - r->below_y1 < 4 * p.metrics.margin);
    /* Each extra row below makes the sheet one row taller, no more. */
    int rows = r->rows_above + r->rows_below;
    int max_row = 0;
    for (int i = 0; i < p.layout.card_count; i++) {
        const LayoutCard *c = &p.layout.cards[i];
        int k = 2 * c->row + (c->above ? 0 : 1);
        if (k + 1 > max_row) max_row = k + 1;
    }
    CHECK_INT(rows, max_row);
    poster_free(&p);
    timeline_free(&tl);
}

static void ui_follows_the_width_so_a_card_title_is_a_fixed_part_of_the_sheet(void)
{
    double starts[1] = {0};
    Timeline tl;
    build_timeline(&tl, starts, 1);
    int widths[] = {3600, 7016, 14043, 28086};
    for (int i = 0; i < 4; i++) {
        PosterDesc d = desc_for(&tl, widths[i]);
        Poster p;
        CHECK_INT(poster_build(&p, &d), POSTER_OK);
        CHECK(fabsf(p.metrics.ui - widths[i] / POSTER_DESIGN_W) < 1e-3f);
        /* On A0 (1189 mm across) a card title is about 6 mm: readable from a metre. */
        float title_mm = (float)p.metrics.card_title_px / (float)widths[i] * 1189.0f;
        CHECK(title_mm > 5.5f && title_mm < 6.5f);
        CHECK_INT(p.width_px, widths[i]);
        poster_free(&p);
    }
    PosterDesc d = desc_for(&tl, 0);
    Poster p;
    CHECK_INT(poster_build(&p, &d), POSTER_OK);
    CHECK_INT(p.width_px, POSTER_DEFAULT_W);
    poster_free(&p);
    timeline_free(&tl);
}

static void an_absurd_height_is_refused_with_the_rows_it_would_need(void)
{
    enum { N = 100000 };
    double *starts = malloc(N * sizeof *starts);
    for (int i = 0; i < N; i++) starts[i] = 20000 + i % 5000;
    Timeline tl;
    build_timeline(&tl, starts, N);
    free(starts);
    PosterDesc d = desc_for(&tl, 14043);
    Poster p;
    CHECK_INT(poster_build(&p, &d), POSTER_TOO_TALL);
    CHECK(p.rows_needed > POSTER_MAX_ROWS);
    CHECK_INT(p.layout.card_count, 0);
    poster_free(&p);
    timeline_free(&tl);
}

static void a_range_and_hidden_categories_leave_their_events_out(void)
{
    rng_state = 9;
    Timeline tl;
    random_timeline(&tl, 400);
    PosterDesc d = desc_for(&tl, 4000);
    d.from_days = tl.events[100].start_days;
    d.to_days = tl.events[300].start_days + 0.5;
    bool hidden[3] = {false, true, false};
    d.category_hidden = hidden;
    Poster p;
    CHECK_INT(poster_build(&p, &d), POSTER_OK);
    CHECK(p.from_days == d.from_days && p.to_days == d.to_days);
    CHECK(poster_is_sound(&p, &tl, &d));
    CHECK(p.shown > 0 && p.shown < 201);
    poster_free(&p);
    timeline_free(&tl);
}

/* The draw list: inside the sheet, and no badge (no circle the size of one). */
static void the_draw_list_stays_on_the_sheet(void)
{
    rng_state = 21;
    Timeline tl;
    random_timeline(&tl, 200);
    PosterDesc d = desc_for(&tl, 6000);
    Poster p;
    CHECK_INT(poster_build(&p, &d), POSTER_OK);
    Theme theme = view_theme(THEME_LIGHT);
    PosterLook look = {&tl, 0, &theme, &MEASURE};
    DrawList dl = {0};
    poster_draw(&dl, &p, &look);
    CHECK(!dl.out_of_memory);
    CHECK(dl.count > p.layout.card_count * 4);
    int outside = 0, badges = 0;
    for (int i = 0; i < dl.count; i++) {
        const DrawCmd *c = &dl.cmds[i];
        if (c->kind == DRAW_CLIP || c->kind == DRAW_UNCLIP) continue;
        float y0 = fminf(c->y, c->y + c->h), y1 = fmaxf(c->y, c->y + c->h);
        if (y0 < -1 || y1 > p.height_px + 1 || c->x < -1 || c->x > p.width_px + 1) outside++;
        if (c->kind == DRAW_SHAPE && c->shape == SHAPE_CIRCLE && c->w >= p.metrics.badge_d * 0.9f) badges++;
    }
    CHECK_INT(outside, 0);
    CHECK_INT(badges, 0);
    drawlist_free(&dl);
    poster_free(&p);
    timeline_free(&tl);
}

int main(void)
{
    RUN(every_event_is_one_card_and_no_cards_overlap_over_random_timelines);
    RUN(a_sparse_timeline_keeps_every_card_beside_its_leader);
    RUN(a_burst_is_packed_into_about_the_rows_its_cards_fill);
    RUN(the_height_follows_from_the_rows);
    RUN(ui_follows_the_width_so_a_card_title_is_a_fixed_part_of_the_sheet);
    RUN(an_absurd_height_is_refused_with_the_rows_it_would_need);
    RUN(a_range_and_hidden_categories_leave_their_events_out);
    RUN(the_draw_list_stays_on_the_sheet);
    return TEST_REPORT();
}
