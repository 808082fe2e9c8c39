/* bench_core.c: the core's per-frame cost (layout + draw list) and load time
 * for timeline files, with a fixed-width text measurer so that only core
 * work is timed. Run by hand:
 *   bench/gen_timeline.py 100000 /tmp/t100k.json
 *   build/release/bench_core data/timeline.json /tmp/t100k.json synthetic:1000000
 * "synthetic:N" builds N events in memory (a million events as JSON is over
 * the loader's 64 MiB file limit). Prints medians and ratios against the
 * first argument, measured in the same run. */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bench_common.h"
#include "controller.h"
#include "load.h"

static float fake_width(void *ctx, FontFace face, int size, const char *s, size_t len)
{
    (void)ctx;
    (void)face;
    size_t chars = 0;
    for (size_t i = 0; i < len; i++) chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    return 0.55f * size * (float)chars;
}

static float fake_line_height(void *ctx, FontFace face, int size)
{
    (void)ctx;
    (void)face;
    return 1.35f * size;
}

enum { FRAMES = 41 };

static uint64_t next_random(uint64_t *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    return *state;
}

/* n events over 1900-2030, a third in a three-year burst, sorted by time. */
static void synthetic_timeline(Timeline *tl, int n)
{
    memset(tl, 0, sizeof *tl);
    snprintf(tl->langs[0], sizeof tl->langs[0], "en");
    tl->lang_count = 1;
    text_set(tl, &tl->title, 0, "synthetic");
    tl->events = arena_alloc(&tl->arena, (size_t)n * sizeof *tl->events);
    uint64_t rng = 88172645463325252ull;
    double t = (double)date_days_from_civil(1900, 1, 1), end = (double)date_days_from_civil(2030, 1, 1);
    for (int i = 0; i < n; i++) {
        Event *ev = &tl->events[i];
        memset(ev, 0, sizeof *ev);
        t += (end - t) / (n - i) * (double)(next_random(&rng) % 2000) / 1000.0;
        ev->start = date_from_days(t);
        ev->start_days = floor(t);
        ev->end_days = ev->start_days + 1;
        char id[32];
        snprintf(id, sizeof id, "e%d", i);
        ev->id = arena_strdup(&tl->arena, id);
        text_set(tl, &ev->title, 0, "A synthetic event with a title of ordinary length");
        text_set(tl, &ev->summary, 0, "One or two sentences that tell what happened, as a card summary would.");
        ev->category = -1;
    }
    tl->event_count = n;
    tl->min_days = tl->events[0].start_days;
    tl->max_days = tl->events[n - 1].end_days;
}

/* Loads a file, or builds "synthetic:N"; returns the load time in ms. */
static double open_timeline(const char *arg, Timeline *tl)
{
    LoadOptions opt = {.today_days = 20785};
    LoadReport rep;
    double t0 = bench_now_ms();
    if (strncmp(arg, "synthetic:", 10) == 0) synthetic_timeline(tl, atoi(arg + 10) > 0 ? atoi(arg + 10) : 1);
    else load_timeline_file(arg, &opt, tl, &rep), load_report_free(&rep);
    return bench_now_ms() - t0;
}

/* Median ms per frame of layout + draw list at a view of width_fraction of
 * the whole timeline, panning a little each frame so nothing is reused. */
static double frame_ms(Controller *c, DrawList *dl, double width_fraction)
{
    double from, to;
    session_home_range(&c->s, &from, &to);
    double width = (to - from) * width_fraction, centre = from + (to - from) * 0.55;
    double samples[FRAMES];
    for (int i = 0; i < FRAMES; i++) {
        double shift = width * 0.01 * i;
        controller_set_view(c, centre - width / 2 + shift, centre + width / 2 + shift);
        double t0 = bench_now_ms();
        controller_build(c, dl);
        samples[i] = bench_now_ms() - t0;
    }
    return bench_median(samples, FRAMES);
}

static const double FRACTIONS[] = {1.0, 0.1, 0.01, 0.001, 0.0001};
enum { VIEWS = sizeof FRACTIONS / sizeof FRACTIONS[0] };

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_core TIMELINE.json...\n");
        return 2;
    }
    TextMeasurer m = {NULL, fake_width, fake_line_height};
    double baseline[VIEWS + 1] = {0};
    printf("%-28s %9s %8s", "file", "events", "load ms");
    for (int v = 0; v < VIEWS; v++) printf("  view %-6g", FRACTIONS[v]);
    printf("   (ms per frame, median of %d; xN = ratio to the first file)\n", FRAMES);
    for (int f = 1; f < argc; f++) {
        Timeline tl;
        double load_ms = open_timeline(argv[f], &tl);
        Controller c;
        ControllerDesc desc = {.tour = -1, .today_days = 20785};
        controller_init(&c, &tl, &desc, m, 1920, 1080, 0);
        DrawList dl = {0};
        const char *name = strrchr(argv[f], '/') ? strrchr(argv[f], '/') + 1 : argv[f];
        printf("%-28.28s %9d %8.1f", name, tl.event_count, load_ms);
        for (int v = 0; v < VIEWS; v++) {
            double ms = frame_ms(&c, &dl, FRACTIONS[v]);
            if (f == 1) baseline[v] = ms;
            printf("  %6.3f x%-4.1f", ms, baseline[v] > 0 ? ms / baseline[v] : 0);
        }
        printf("\n");
        drawlist_free(&dl);
        controller_free(&c);
        timeline_free(&tl);
    }
    return 0;
}
