/* frise_bench.c: whole frames as a person sees them, through the app's own
 * code path (the loader, the controller, the view, SDL's software renderer
 * headless), over one fixed sequence, printed as one JSON object:
 *   frise-bench FILE [--size WxH] [--frames N]
 * The sequence: the whole view, zooms in and out (eased, as the wheel does),
 * a deep zoom into the densest month, pans at every level, a story opened.
 * Time is virtual (16 ms a frame) so the same file always plays the same
 * frames; only the work of each frame is timed. Run it three times and quote
 * the medians: the machines are shared and noisy (bench/README.md). */
#define _POSIX_C_SOURCE 200809L
#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "bench_common.h"
#include "controller.h"
#include "load.h"
#include "paths.h"
#include "render.h"
#include "text.h"

enum { FRAME_MS = 16, MAX_SAMPLES = 8192 };

typedef struct Bench {
    SDL_Surface *surface;
    SDL_Renderer *sdl;
    TextSystem *text;
    Renderer *render;
    DrawList dl;
    Controller ctl;
    double now_ms;
    double samples[MAX_SAMPLES];
    int count, frames_per_level;
    double worst_ms, worst_from, worst_to;
    const char *worst_phase;
} Bench;

static bool open_surface(Bench *b, int w, int h)
{
    b->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    b->sdl = b->surface ? SDL_CreateSoftwareRenderer(b->surface) : NULL;
    char fonts[PATHS_MAX];
    if (paths_font_dir(NULL, fonts, sizeof fonts) != PATHS_OK) {
        fprintf(stderr, "frise-bench: no fonts at %s\n", fonts);
        return false;
    }
    b->text = b->sdl ? text_create(b->sdl, fonts, 0) : NULL;
    b->render = b->text ? render_create(b->sdl, b->text, NULL) : NULL;
    return b->render != NULL;
}

/* One frame: advance the clock, update, lay out, rasterise; timed. */
static double frame(Bench *b, const char *phase)
{
    b->now_ms += FRAME_MS;
    double t0 = bench_now_ms();
    controller_update(&b->ctl, b->now_ms);
    controller_build(&b->ctl, &b->dl);
    render_draw(b->render, &b->dl, b->ctl.frame.theme.paper);
    double ms = bench_now_ms() - t0;
    if (b->count < MAX_SAMPLES) b->samples[b->count++] = ms;
    if (ms > b->worst_ms) {
        const TimeScale *s = &b->ctl.s.camera.scale;
        b->worst_ms = ms;
        b->worst_from = scale_left_days(s);
        b->worst_to = scale_right_days(s);
        b->worst_phase = phase;
    }
    return ms;
}

/* Pans across a view of width_days centred on centre_days, frame by frame. */
static void pan_level(Bench *b, double centre_days, double width_days, const char *phase)
{
    for (int i = 0; i < b->frames_per_level; i++) {
        double shift = width_days * 0.01 * i;
        controller_set_view(&b->ctl, centre_days - width_days / 2 + shift, centre_days + width_days / 2 + shift);
        frame(b, phase);
    }
}

/* An eased zoom (as a wheel notch or a key starts) played to its end. */
static void zoom(Bench *b, double factor, const char *phase)
{
    Camera *cam = &b->ctl.s.camera;
    camera_zoom_by(cam, factor, cam->scale.x0_px + cam->scale.width_px / 2, b->now_ms);
    for (int i = 0; i < 40 && cam->motion != CAMERA_STILL; i++) frame(b, phase);
}

/* The start of the month holding the most events: where a deep zoom hurts. */
static double densest_month(const Timeline *tl)
{
    double best_start = tl->event_count ? tl->events[0].start_days : 0;
    int best = 0;
    for (int i = 0, j = 0; i < tl->event_count; i++) {
        while (tl->events[j].start_days < tl->events[i].start_days - 30) j++;
        if (i - j + 1 > best) {
            best = i - j + 1;
            best_start = tl->events[j].start_days;
        }
    }
    return best_start;
}

static void play_sequence(Bench *b)
{
    const Timeline *tl = b->ctl.tl;
    double from, to;
    session_home_range(&b->ctl.s, &from, &to);
    double whole = to - from, centre = from + whole / 2, month = densest_month(tl) + 15;
    static const struct { const char *name; double width_days; } levels[] = {
        {"decade", 3652}, {"year", 365}, {"month", 31}, {"day", 1.5}};
    pan_level(b, centre, whole, "whole view");
    for (int i = 0; i < 3; i++) zoom(b, 2.0, "zooming in");
    for (int i = 0; i < 3; i++) zoom(b, 0.5, "zooming out");
    for (size_t l = 0; l < sizeof levels / sizeof levels[0]; l++)
        pan_level(b, month, levels[l].width_days, levels[l].name);
    for (size_t l = 0; l < sizeof levels / sizeof levels[0]; l++)
        pan_level(b, centre, levels[l].width_days, levels[l].name);
    controller_select(&b->ctl, tl->event_count / 3 < tl->event_count ? tl->event_count / 3 : -1);
    pan_level(b, centre, whole, "whole view, story open");
    pan_level(b, month, 365, "year, story open");
}

/* Frames the live loop would draw in five idle seconds (none is the aim). */
static int idle_frames(Bench *b)
{
    controller_select(&b->ctl, -1);
    for (int i = 0; i < 200 && controller_update(&b->ctl, b->now_ms); i++) b->now_ms += FRAME_MS;
    int frames = 0;
    for (double t = 0; t < 5000; t += FRAME_MS) {
        bool moving = controller_update(&b->ctl, b->now_ms + t);
        double timer = controller_next_timer_ms(&b->ctl);
        if (moving || (timer >= 0 && timer < FRAME_MS)) frames++;
    }
    return frames;
}

static double percentile(double *sorted, int n, double p)
{
    if (n == 0) return 0;
    int i = (int)ceil(p * n) - 1;
    return sorted[i < 0 ? 0 : i >= n ? n - 1 : i];
}

static void print_result(Bench *b, int events, double load_ms, double first_ms, int idle)
{
    qsort(b->samples, (size_t)b->count, sizeof b->samples[0], bench_cmp);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    char from[32], to[32];
    date_format_iso(b->worst_from, from, sizeof from);
    date_format_iso(b->worst_to, to, sizeof to);
    printf("{\"events\": %d, \"load_ms\": %.1f, \"first_frame_ms\": %.2f, \"frames\": %d, "
           "\"frame_ms_p50\": %.2f, \"frame_ms_p99\": %.2f, \"frame_ms_max\": %.2f, "
           "\"worst_frame\": {\"phase\": \"%s\", \"from\": \"%s\", \"to\": \"%s\"}, "
           "\"peak_rss_mb\": %.1f, \"text_cache_mb\": %.2f, \"idle_frames_5s\": %d}\n",
           events, load_ms, first_ms, b->count, percentile(b->samples, b->count, 0.5),
           percentile(b->samples, b->count, 0.99), b->count ? b->samples[b->count - 1] : 0,
           b->worst_phase ? b->worst_phase : "", from, to, ru.ru_maxrss / 1024.0,
           text_cache_bytes(b->text) / (1024.0 * 1024.0), idle);
}

static bool parse_args(int argc, char **argv, const char **file, int *w, int *h, int *frames)
{
    *file = NULL;
    *w = 1920;
    *h = 1080;
    *frames = 30;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--size") == 0 && i + 1 < argc) {
            if (sscanf(argv[++i], "%dx%d", w, h) != 2 || *w < 320 || *h < 240 || *w > 8192 || *h > 8192) return false;
        } else if (strcmp(argv[i], "--frames") == 0 && i + 1 < argc) {
            *frames = atoi(argv[++i]);
            if (*frames < 1 || *frames > 400) return false;
        } else if (!*file) {
            *file = argv[i];
        } else {
            return false;
        }
    }
    return *file != NULL;
}

int main(int argc, char **argv)
{
    const char *file;
    int w, h, frames;
    if (!parse_args(argc, argv, &file, &w, &h, &frames)) {
        fprintf(stderr, "usage: frise-bench FILE [--size WxH] [--frames N]   (N frames per pan, 1..400)\n");
        return 2;
    }
    static Bench b; /* large: its samples */
    b.frames_per_level = frames;
    if (!open_surface(&b, w, h)) return 1;
    LoadOptions opt = {.today_days = 20785};
    Timeline tl;
    LoadReport report;
    double t0 = bench_now_ms();
    bool ok = load_timeline_file(file, &opt, &tl, &report);
    double load_ms = bench_now_ms() - t0;
    load_report_free(&report);
    if (!ok) fprintf(stderr, "frise-bench: %s could not be loaded\n", file);
    t0 = bench_now_ms();
    ControllerDesc desc = {.tour = -1, .today_days = 20785};
    controller_init(&b.ctl, &tl, &desc, text_measurer(b.text), (float)w, (float)h, 0);
    controller_build(&b.ctl, &b.dl);
    render_draw(b.render, &b.dl, b.ctl.frame.theme.paper);
    double first_ms = bench_now_ms() - t0;
    play_sequence(&b);
    int idle = idle_frames(&b);
    print_result(&b, tl.event_count, load_ms, first_ms, idle);
    controller_free(&b.ctl);
    drawlist_free(&b.dl);
    render_destroy(b.render);
    text_destroy(b.text);
    SDL_DestroyRenderer(b.sdl);
    SDL_FreeSurface(b.surface);
    timeline_free(&tl);
    SDL_Quit();
    return ok ? 0 : 1;
}
