/* app.c: the application shell around the pure core.
 *
 * Concepts, in the order data flows:
 *  - The timeline (core/timeline.h) is loaded once by core/load.c, which
 *    reports every problem with its place in the file; a file that cannot be
 *    used at all still opens the window and shows why.
 *  - The time scale (core/scale.h) maps days to pixels. Zoom, pan, flights
 *    and inertia all only ever change this one struct.
 *  - Layout (core/layout.h) places cards in rows above and below the axis and
 *    groups what does not fit into cluster badges, from what is on screen only.
 *  - The view (core/view.h) turns layout and state into a draw list of plain
 *    commands; platform/render.c is the only code that draws them with SDL.
 *  - Modes (core/mode_*.c) are policies over the same view: explore, present
 *    (clicker, steps, blackout) and kiosk (touch, idle, attract, lock-down).
 *  - Time is an input: the controller never reads a clock. Live, the clock is
 *    SDL_GetTicks64; under --replay it is a virtual clock advanced frame by
 *    frame, so a replay is deterministic and runs as fast as the machine can.
 *
 * When nothing moves, the loop sleeps in SDL_WaitEventTimeout until input or
 * the next timer (kiosk idle, long press), so a kiosk at rest costs no CPU. */
#include "app.h"

#include <SDL.h>
#include <SDL_image.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "controller.h"
#include "dump.h"
#include "input_sdl.h"
#include "load.h"
#include "paths.h"
#include "render.h"
#include "replay.h"
#include "text.h"

enum { APP_BANNER_MAX = 4096, APP_FRAME_MS = 16 };
/* Window sizes: the smallest the layout is designed for, and a side that
 * keeps a 32-bit software surface within SDL's int pixel offsets. */
enum { APP_MIN_W = 800, APP_MIN_H = 600, APP_MAX_SIDE = 8192 };

typedef struct App {
    AppDesc desc;
    double today_days;
    const char *path;
    Timeline tl;
    char banner[APP_BANNER_MAX];
    SDL_Window *window;
    SDL_Surface *surface;        /* headless target */
    SDL_Renderer *sdl;
    TextSystem *text;
    Renderer *render;
    InputMapper input;
    Controller ctl;
    bool ctl_ready;
    bool close_requested;        /* a window close event came before SDL_QUIT */
    char font_dir[PATHS_MAX];
    char default_file[PATHS_MAX];
    DrawList dl;
    int w, h;
} App;

/* ---- loading ------------------------------------------------------------------ */

/* The shipped timeline, found at run time (paths.h). When it is missing the
 * path still names where it was expected, and loading it shows the usual
 * "missing file" banner. */
static const char *default_timeline(App *app)
{
    PathsError e = paths_default_timeline(NULL, app->default_file, sizeof app->default_file);
    if (e != PATHS_OK && e != PATHS_NOT_FOUND) {
        fprintf(stderr, "frise: the shipped timeline: %s\n", paths_error_text(e));
        app->default_file[0] = '\0';
    }
    return app->default_file;
}

/* A short text of the problems for the on-screen banner. */
static void describe_problems(const LoadReport *r, bool reloading, char *out, size_t cap)
{
    const char *outcome = !r->rejected ? "" : reloading ? "; the last good version stays on screen"
                                                        : "; the file could not be shown";
    int n = snprintf(out, cap, "%s: %d problem%s%s. Run frise --check for the full list.\n", r->file, r->total,
                     r->total == 1 ? "" : "s", outcome);
    for (int i = 0; i < r->count && i < 6 && n > 0 && (size_t)n < cap; i++) {
        char line[600];
        load_problem_format(r, &r->problems[i], line, sizeof line);
        n += snprintf(out + n, cap - (size_t)n, "\n%s", line);
    }
}

static void print_problems(const LoadReport *r)
{
    for (int i = 0; i < r->count; i++) {
        char line[1024];
        load_problem_format(r, &r->problems[i], line, sizeof line);
        fprintf(stderr, "%s\n", line);
    }
}

/* Loads into app->tl; on problems, prints them and prepares the banner. */
static void load_timeline(App *app)
{
    LoadOptions opt = {.today_days = app->today_days};
    LoadReport report;
    load_timeline_file(app->path, &opt, &app->tl, &report);
    app->banner[0] = '\0';
    if (report.total > 0) {
        print_problems(&report);
        describe_problems(&report, false, app->banner, sizeof app->banner);
    }
    if (app->tl.lang_count == 0) { /* rejected: an empty timeline to show the errors on */
        snprintf(app->tl.langs[0], TIMELINE_LANG_CODE_MAX, "en");
        app->tl.lang_count = 1;
        app->tl.title.by_lang[0] = "Frise";
        app->tl.min_days = app->today_days - 365;
        app->tl.max_days = app->today_days + 365;
    }
    load_report_free(&report);
}

/* What the person was looking at, by ids, so that a reloaded file (whose
 * events may have moved or gone) shows the same place. */
typedef struct ReloadState {
    ControllerDesc desc;
    ViewMode mode;
    int step;
    TimeScale scale;
    char selected[160], focused[160];
    char hidden[LOAD_MAX_LIST][64];
    int hidden_count;
} ReloadState;

static void remember_state(const App *app, ReloadState *k)
{
    const Controller *c = &app->ctl;
    memset(k, 0, sizeof *k);
    k->desc = c->desc;
    k->desc.lang = c->s.lang;
    k->mode = c->mode;
    k->step = c->present.steps.current;
    k->scale = c->s.camera.scale;
    if (c->s.sel.selected >= 0) snprintf(k->selected, sizeof k->selected, "%s", app->tl.events[c->s.sel.selected].id);
    if (c->s.sel.focused >= 0) snprintf(k->focused, sizeof k->focused, "%s", app->tl.events[c->s.sel.focused].id);
    for (int i = 0; i < app->tl.category_count && k->hidden_count < LOAD_MAX_LIST; i++)
        if (c->s.filter.category_hidden[i]) snprintf(k->hidden[k->hidden_count++], sizeof k->hidden[0], "%s", app->tl.categories[i].id);
}

static void restore_state(App *app, const ReloadState *k)
{
    Controller *c = &app->ctl;
    ControllerDesc d = k->desc;
    d.mode = k->mode;
    controller_init(c, &app->tl, &d, text_measurer(app->text), (float)app->w, (float)app->h, c->now_ms);
    for (int h = 0; h < k->hidden_count; h++)
        for (int i = 0; i < app->tl.category_count; i++)
            if (strcmp(app->tl.categories[i].id, k->hidden[h]) == 0) filter_toggle(&c->s.filter, i);
    if (k->mode == VIEW_PRESENT) {
        present_go(c, k->step > 0 ? k->step : 0);
        return;
    }
    /* The story first: its panel narrows the area the view must fill. */
    if (k->selected[0]) controller_select(c, timeline_find_event(&app->tl, k->selected));
    controller_set_view(c, scale_left_days(&k->scale), scale_right_days(&k->scale));
    if (k->focused[0]) c->s.sel.focused = timeline_find_event(&app->tl, k->focused);
}

/* Ctrl+R: reads the file again; a bad file keeps the timeline on screen. */
static void reload_timeline(App *app)
{
    LoadOptions opt = {.today_days = app->today_days};
    Timeline fresh;
    LoadReport report;
    bool ok = load_timeline_file(app->path, &opt, &fresh, &report);
    if (!ok) {
        print_problems(&report);
        describe_problems(&report, true, app->banner, sizeof app->banner);
        controller_set_banner(&app->ctl, app->banner);
        timeline_free(&fresh);
        load_report_free(&report);
        return;
    }
    app->banner[0] = '\0';
    if (report.total > 0) describe_problems(&report, true, app->banner, sizeof app->banner);
    load_report_free(&report);
    ReloadState keep;
    remember_state(app, &keep);
    controller_free(&app->ctl);
    timeline_free(&app->tl);
    app->tl = fresh;
    restore_state(app, &keep);
    controller_set_banner(&app->ctl, app->banner);
}

/* The fonts' folder, found at run time (paths.h): $FRISE_DATA_DIR/fonts, else
 * beside the executable, installed or in the build tree. */
static const char *font_dir(App *app)
{
    if (!app->font_dir[0]) {
        PathsError e = paths_font_dir(NULL, app->font_dir, sizeof app->font_dir);
        if (e != PATHS_OK)
            fprintf(stderr, "frise: fonts: %s%s%s\n", e == PATHS_NOT_FOUND ? app->font_dir : "",
                    e == PATHS_NOT_FOUND ? ": " : "", paths_error_text(e));
    }
    return app->font_dir;
}

/* ---- SDL setup ------------------------------------------------------------------- */

static bool create_headless(App *app)
{
    app->surface = SDL_CreateRGBSurfaceWithFormat(0, app->w, app->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!app->surface) {
        SDL_Log("SDL_CreateRGBSurfaceWithFormat failed: %s", SDL_GetError());
        return false;
    }
    app->sdl = SDL_CreateSoftwareRenderer(app->surface);
    if (!app->sdl) SDL_Log("SDL_CreateSoftwareRenderer failed: %s", SDL_GetError());
    return app->sdl != NULL;
}

static Uint32 window_flags(const AppDesc *d)
{
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (d->fullscreen || d->kiosk) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    return flags;
}

static bool create_window(App *app)
{
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        SDL_Log("SDL_Init failed: %s", SDL_GetError());
        return false;
    }
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    app->window = SDL_CreateWindow("Frise", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, app->w, app->h,
                                   window_flags(&app->desc));
    if (!app->window) {
        SDL_Log("SDL_CreateWindow failed: %s", SDL_GetError());
        return false;
    }
    SDL_SetWindowMinimumSize(app->window, 800, 600);
    app->sdl = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!app->sdl) app->sdl = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_SOFTWARE);
    if (!app->sdl) {
        SDL_Log("SDL_CreateRenderer failed: %s", SDL_GetError());
        return false;
    }
    if (app->desc.kiosk) SDL_ShowCursor(SDL_DISABLE);
    SDL_StartTextInput();
    return true;
}

/* Drawable pixels vs window points (HiDPI), for layout and pointer input. */
static void update_size(App *app)
{
    int pw = app->w, ph = app->h;
    if (app->window) {
        int ww, wh;
        SDL_GetWindowSize(app->window, &ww, &wh);
        SDL_GetRendererOutputSize(app->sdl, &pw, &ph);
        app->input.scale_x = ww > 0 ? (float)pw / ww : 1;
        app->input.scale_y = wh > 0 ? (float)ph / wh : 1;
    } else {
        app->input.scale_x = app->input.scale_y = 1;
    }
    app->w = pw;
    app->h = ph;
    app->input.window_w = (float)pw;
    app->input.window_h = (float)ph;
}

static void set_window_title(App *app)
{
    if (!app->window) return;
    char title[512];
    snprintf(title, sizeof title, "%s — Frise", timeline_text(&app->tl, &app->tl.title, app->ctl.s.lang));
    SDL_SetWindowTitle(app->window, title);
}

/* ---- the controller's setup from the command line ----------------------------------- */

static int find_tour(const Timeline *tl, const char *id)
{
    for (int i = 0; id && i < tl->tour_count; i++)
        if (strcmp(tl->tours[i].id, id) == 0) return i;
    return -1;
}

/* "1968:1981" or "1970-03-01:1970-04-01" -> a range; false when malformed. */
static bool parse_view(const char *text, double *from, double *to)
{
    char a[64], b[64];
    const char *colon = strchr(text, ':');
    if (!colon || (size_t)(colon - text) >= sizeof a || strlen(colon + 1) >= sizeof b) return false;
    snprintf(a, sizeof a, "%.*s", (int)(colon - text), text);
    snprintf(b, sizeof b, "%s", colon + 1);
    Date da, db;
    if (!date_parse(a, false, &da) || !date_parse(b, false, &db)) return false;
    *from = date_start_days(&da);
    *to = date_end_days(&db);
    return *to > *from;
}

static bool setup_controller(App *app)
{
    const AppDesc *d = &app->desc;
    ControllerDesc cd = {0};
    cd.mode = d->kiosk ? VIEW_KIOSK : d->present ? VIEW_PRESENT : VIEW_EXPLORE;
    cd.tour = find_tour(&app->tl, d->tour);
    if (d->tour && cd.tour < 0) fprintf(stderr, "frise: no tour has the id \"%s\"; presenting every event\n", d->tour);
    cd.idle_ms = d->idle_seconds * 1000.0;
    cd.exit_pin = d->exit_pin;
    cd.reduced_motion = d->reduced_motion;
    cd.theme = d->projector ? THEME_PROJECTOR : d->dark ? THEME_DARK : THEME_LIGHT;
    cd.large = d->projector;
    cd.lang = d->lang ? timeline_lang_index(&app->tl, d->lang) : 0;
    if (d->lang && cd.lang < 0) fprintf(stderr, "frise: the timeline has no language \"%s\"\n", d->lang);
    cd.today_days = app->today_days;
    controller_init(&app->ctl, &app->tl, &cd, text_measurer(app->text), (float)app->w, (float)app->h, 0);
    app->ctl_ready = true;
    controller_set_banner(&app->ctl, app->banner);
    /* The story first: its panel narrows the timeline, and --view must fit what is left. */
    if (d->select) {
        int event = timeline_find_event(&app->tl, d->select);
        if (event < 0) fprintf(stderr, "frise: no event has the id \"%s\"\n", d->select);
        else if (app->ctl.mode == VIEW_PRESENT) present_go_to_event(&app->ctl, event);
        else controller_open(&app->ctl, event, false);
    }
    double from, to;
    if (d->view) {
        if (!parse_view(d->view, &from, &to)) {
            fprintf(stderr, "frise: --view wants FROM:TO, years or ISO dates with FROM before TO "
                            "(1968:1981, 1970-03-01:1970-04-01), found '%s'\n", d->view);
            return false;
        }
        controller_set_view(&app->ctl, from, to);
    }
    return true;
}

/* ---- frames ---------------------------------------------------------------------------- */

static void draw_frame(App *app)
{
    text_frame_begin(app->text);
    controller_build(&app->ctl, &app->dl);
    render_draw(app->render, &app->dl, app->ctl.frame.theme.paper);
}

static bool save_screenshot(App *app, const char *path)
{
    draw_frame(app);
    if (!render_save_png(app->sdl, path)) {
        fprintf(stderr, "frise: could not write the screenshot %s\n", path);
        return false;
    }
    return true;
}

static bool dump_layout_to(App *app, const char *path)
{
    FILE *f = path ? fopen(path, "w") : stdout;
    if (!f) {
        fprintf(stderr, "frise: cannot write %s\n", path ? path : "stdout");
        return false;
    }
    dump_layout(&app->ctl, f);
    if (path) fclose(f);
    return true;
}

/* Runs flights to their end on a virtual clock (at most ten seconds), so a
 * one-frame screenshot of a presentation shows where its first step lands. */
static void settle(App *app)
{
    double now = 0;
    while (controller_update(&app->ctl, now) && now < 10000) now += APP_FRAME_MS;
}

/* What the controller asked for: a reload (Ctrl+R) and full screen. */
static void apply_requests(App *app)
{
    Requests *r = &app->ctl.requests;
    if (r->reload) {
        r->reload = false;
        reload_timeline(app);
        set_window_title(app);
    }
    if (r->toggle_fullscreen && app->window) {
        bool full = SDL_GetWindowFlags(app->window) & SDL_WINDOW_FULLSCREEN_DESKTOP;
        SDL_SetWindowFullscreen(app->window, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
    }
    r->toggle_fullscreen = false;
}

/* ---- replay: a virtual clock ------------------------------------------------------------ */

/* A replayed "resize": the headless target is made again at the new size,
 * with the text and image caches that belong to its renderer. */
static bool resize_headless(App *app, int w, int h)
{
    if (w < APP_MIN_W || h < APP_MIN_H || w > APP_MAX_SIDE || h > APP_MAX_SIDE) {
        fprintf(stderr, "frise: replay resize %dx%d is outside %dx%d .. %dx%d\n", w, h, APP_MIN_W, APP_MIN_H,
                APP_MAX_SIDE, APP_MAX_SIDE);
        return false;
    }
    render_destroy(app->render);
    app->render = NULL;
    text_destroy(app->text);
    app->text = NULL;
    SDL_DestroyRenderer(app->sdl);
    app->sdl = NULL;
    SDL_FreeSurface(app->surface);
    app->surface = NULL;
    app->w = w;
    app->h = h;
    if (!create_headless(app)) return false;
    update_size(app);
    app->text = text_create(app->sdl, font_dir(app), 0);
    app->render = app->text ? render_create(app->sdl, app->text, NULL) : NULL;
    if (!app->render) return false;
    app->ctl.measure = text_measurer(app->text);
    controller_resize(&app->ctl, (float)w, (float)h);
    return true;
}

static int run_replay(App *app)
{
    Replay replay = {0};
    char err[512];
    if (!replay_load_file(&replay, app->desc.replay, err, sizeof err)) {
        fprintf(stderr, "frise: %s\n", err);
        return 2;
    }
    int status = 0;
    double now = 0;
    bool moving = controller_update(&app->ctl, now);
    while (!app->ctl.requests.quit && status == 0) {
        const ReplayItem *item;
        while ((item = replay_next_due(&replay, now)) != NULL) {
            if (item->kind == REPLAY_INPUT) {
                if (item->input.type == INPUT_RESIZE) {
                    if (!resize_headless(app, (int)item->input.x, (int)item->input.y)) status = 1;
                } else {
                    controller_input(&app->ctl, &item->input);
                }
            } else if (item->kind == REPLAY_SCREENSHOT) {
                controller_update(&app->ctl, now);
                if (!save_screenshot(app, item->path)) status = 1;
            } else if (item->kind == REPLAY_DUMP_LAYOUT) {
                controller_update(&app->ctl, now);
                if (!dump_layout_to(app, item->path)) status = 1;
            }
            apply_requests(app);
            if (app->ctl.requests.quit) break;
        }
        moving = controller_update(&app->ctl, now);
        apply_requests(app);
        /* What the live loop would draw now: layout, chrome and panel height
         * that the next input is checked against (nothing is rasterised). */
        controller_build(&app->ctl, &app->dl);
        if (replay_done(&replay) || app->ctl.requests.quit) break;
        double next = replay_next_time(&replay);
        if (moving) next = fmin(next, now + APP_FRAME_MS);
        double timer = controller_next_timer_ms(&app->ctl);
        if (timer >= 0) next = fmin(next, now + fmax(timer, 1));
        now = fmax(next, now);
    }
    replay_free(&replay);
    return status;
}

/* ---- live loop ------------------------------------------------------------------------------ */

static void handle_window_event(App *app, const SDL_Event *ev)
{
    if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
        update_size(app);
        controller_resize(&app->ctl, (float)app->w, (float)app->h);
    } else if (ev->window.event == SDL_WINDOWEVENT_CLOSE) {
        app->close_requested = true;
    } else if (ev->window.event == SDL_WINDOWEVENT_FOCUS_LOST) {
        /* Fingers lifted while another window had the focus never report it. */
        memset(&app->input.used, 0, sizeof app->input.used);
        controller_reset_pointers(&app->ctl);
    }
}

/* SDL_QUIT comes after a window close request (Alt+F4, the close button),
 * which the kiosk ignores, or alone from SIGTERM/SIGINT, which always quits:
 * systemd stops and restarts the kiosk that way. */
static void handle_quit(App *app)
{
    if (app->close_requested) {
        app->close_requested = false;
        InputEvent in = {.type = INPUT_QUIT, .t_ms = (double)SDL_GetTicks64()};
        controller_input(&app->ctl, &in);
    } else {
        app->ctl.requests.quit = true;
    }
}

/* Handles one event; returns whether the frame must be drawn again. */
static bool handle_event(App *app, const SDL_Event *ev)
{
    if (ev->type == SDL_WINDOWEVENT) {
        handle_window_event(app, ev);
        return true;
    }
    if (ev->type == SDL_QUIT) {
        handle_quit(app);
        return true;
    }
    if (ev->type == SDL_MOUSEMOTION && !ev->motion.state) { /* hover: redraw only if it changed */
        int hovered = app->ctl.s.sel.hovered;
        InputEvent in;
        if (input_from_sdl(&app->input, ev, (double)SDL_GetTicks64(), &in)) controller_input(&app->ctl, &in);
        return hovered != app->ctl.s.sel.hovered;
    }
    InputEvent in;
    if (!input_from_sdl(&app->input, ev, (double)SDL_GetTicks64(), &in)) return false;
    controller_input(&app->ctl, &in);
    return true;
}



static int run_live(App *app)
{
    bool moving = true, dirty = true;
    while (!app->ctl.requests.quit) {
        double timer = controller_next_timer_ms(&app->ctl);
        int wait = moving ? 0 : timer >= 0 ? (int)ceil(timer) + 1 : -1;
        SDL_Event ev;
        bool got = wait < 0 ? SDL_WaitEvent(&ev) : SDL_WaitEventTimeout(&ev, wait);
        while (got) {
            dirty |= handle_event(app, &ev);
            got = SDL_PollEvent(&ev);
        }
        int lang = app->ctl.s.lang;
        moving = controller_update(&app->ctl, (double)SDL_GetTicks64());
        if (lang != app->ctl.s.lang) set_window_title(app);
        apply_requests(app);
        if (moving || dirty || timer >= 0) {
            draw_frame(app);
            SDL_RenderPresent(app->sdl);
            dirty = false;
        }
    }
    return 0;
}

/* ---- lifecycle -------------------------------------------------------------------------------- */

static void shutdown_app(App *app)
{
    if (app->ctl_ready) controller_free(&app->ctl);
    drawlist_free(&app->dl);
    if (app->render) render_destroy(app->render);
    if (app->text) text_destroy(app->text);
    if (app->sdl) SDL_DestroyRenderer(app->sdl);
    if (app->surface) SDL_FreeSurface(app->surface);
    if (app->window) SDL_DestroyWindow(app->window);
    timeline_free(&app->tl);
    IMG_Quit();
    SDL_Quit();
}

int app_main(const AppDesc *desc, double today_days)
{
    App app;
    memset(&app, 0, sizeof app);
    app.desc = *desc;
    app.today_days = today_days;
    app.path = desc->file ? desc->file : default_timeline(&app);
    app.w = desc->width ? desc->width : 1280;
    app.h = desc->height ? desc->height : 720;
    bool headless = desc->screenshot || desc->replay || desc->dump_layout;
    load_timeline(&app);
    bool ok = headless ? create_headless(&app) : create_window(&app);
    if (ok) update_size(&app);
    if (ok) IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
    if (ok) ok = (app.text = text_create(app.sdl, font_dir(&app), 0)) != NULL;
    if (ok) ok = (app.render = render_create(app.sdl, app.text, NULL)) != NULL;
    if (ok) ok = setup_controller(&app);
    int status = ok ? 0 : 1;
    if (ok && desc->replay) status = run_replay(&app);
    else if (ok && headless) {
        settle(&app);
        if (desc->screenshot && !save_screenshot(&app, desc->screenshot)) status = 1;
        if (desc->dump_layout && !dump_layout_to(&app, NULL)) status = 1;
    } else if (ok) {
        set_window_title(&app);
        status = run_live(&app);
    }
    shutdown_app(&app);
    return status;
}
