/* bench_render.c: whole frames as the user sees them: layout, draw list, text
 * cache and software rasterising at 1920x1080, headless. Run by hand:
 *   build/release/bench_render data/timeline.json [MORE.json...]
 * Prints the median ms per frame for several views, the empty-frame cost
 * measured in the same run as a baseline, and the ratio to it. */
#define _POSIX_C_SOURCE 199309L
#include <SDL.h>
#include <stdio.h>
#include <string.h>

#include "bench_common.h"
#include "controller.h"
#include "load.h"
#include "paths.h"
#include "render.h"
#include "text.h"

enum { W = 1920, H = 1080, FRAMES = 31 };

typedef struct Bench {
    SDL_Surface *surface;
    SDL_Renderer *sdl;
    TextSystem *text;
    Renderer *render;
    DrawList dl;
} Bench;

static double empty_frame_ms(Bench *b)
{
    double s[FRAMES];
    DrawList empty = {0};
    for (int i = 0; i < FRAMES; i++) {
        double t0 = bench_now_ms();
        render_draw(b->render, &empty, (Colour){247, 244, 238, 255});
        s[i] = bench_now_ms() - t0;
    }
    return bench_median(s, FRAMES);
}

/* Median frame ms while panning at a view of width_fraction of the home range. */
static double view_ms(Bench *b, Controller *c, double fraction, bool open_card)
{
    double from, to;
    session_home_range(&c->s, &from, &to);
    double width = (to - from) * fraction, centre = from + (to - from) * 0.2;
    controller_select(c, open_card && c->tl->event_count > 0 ? c->tl->event_count / 3 : -1);
    double s[FRAMES];
    for (int i = 0; i < FRAMES; i++) {
        double shift = width * 0.004 * i;
        controller_set_view(c, centre - width / 2 + shift, centre + width / 2 + shift);
        double t0 = bench_now_ms();
        text_frame_begin(b->text);
        controller_build(c, &b->dl);
        render_draw(b->render, &b->dl, c->frame.theme.paper);
        s[i] = bench_now_ms() - t0;
    }
    return bench_median(s, FRAMES);
}

static bool bench_init(Bench *b)
{
    b->surface = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    b->sdl = b->surface ? SDL_CreateSoftwareRenderer(b->surface) : NULL;
    char fonts[PATHS_MAX];
    PathsError e = paths_font_dir(NULL, fonts, sizeof fonts);
    if (e != PATHS_OK) fprintf(stderr, "bench_render: fonts: %s: %s\n", fonts, paths_error_text(e));
    b->text = b->sdl && e == PATHS_OK ? text_create(b->sdl, fonts, 0) : NULL;
    b->render = b->text ? render_create(b->sdl, b->text, NULL) : NULL;
    return b->render != NULL;
}

static void bench_free(Bench *b)
{
    drawlist_free(&b->dl);
    if (b->render) render_destroy(b->render);
    if (b->text) text_destroy(b->text);
    if (b->sdl) SDL_DestroyRenderer(b->sdl);
    if (b->surface) SDL_FreeSurface(b->surface);
    SDL_Quit();
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_render TIMELINE.json...\n");
        return 2;
    }
    Bench b = {0};
    if (!bench_init(&b)) return 1;
    double empty = empty_frame_ms(&b);
    printf("empty 1920x1080 frame (baseline): %.2f ms median of %d\n", empty, FRAMES);
    static const struct { const char *name; double fraction; bool card; } views[] = {
        {"whole", 1.0, false}, {"decade", 0.14, false}, {"year", 0.014, false},
        {"month", 0.0012, false}, {"whole + open card", 1.0, true}};
    for (int f = 1; f < argc; f++) {
        Timeline tl;
        LoadReport rep;
        LoadOptions opt = {.today_days = 20785};
        load_timeline_file(argv[f], &opt, &tl, &rep);
        Controller c;
        ControllerDesc desc = {.tour = -1, .today_days = 20785};
        controller_init(&c, &tl, &desc, text_measurer(b.text), W, H, 0);
        printf("%s (%d events):\n", argv[f], tl.event_count);
        for (size_t v = 0; v < sizeof views / sizeof views[0]; v++) {
            double ms = view_ms(&b, &c, views[v].fraction, views[v].card);
            printf("  %-18s %7.2f ms/frame  x%.1f baseline  (%zu KiB text cache)\n", views[v].name, ms, ms / empty,
                   text_cache_bytes(b.text) / 1024);
        }
        controller_free(&c);
        timeline_free(&tl);
        load_report_free(&rep);
    }
    bench_free(&b);
    return 0;
}
