/* app.c: the application: load, then a window, a headless picture or a
 * replay, all through the platform's small interface (platform.h), so this
 * file needs no SDL.
 *
 * Concepts, in the order data flows:
 *  - The timeline (model/timeline.h) is loaded once by model/load.c, which
 *    reports every problem with its place in the file; a file that cannot be
 *    used at all still opens the window and shows why.
 *  - The time scale (view/scale.h) maps days to pixels; the camera
 *    (interact/camera.h) is the one owner of it: zoom, pan, flights and
 *    inertia only ever change that one struct.
 *  - Layout (view/layout.h) places cards in rows above and below the axis and
 *    groups what does not fit into cluster badges, from what is on screen only.
 *  - The view (view/view.h) turns layout and state into a draw list of plain
 *    commands; platform/render.c is the only code that draws them with SDL.
 *  - The session (interact/session.h) is what one person is doing: camera,
 *    open story, filter, search, language. Modes (interact/mode_*.c) are
 *    policies over it, of one shape: explore, present (clicker, steps,
 *    blackout) and kiosk (touch, idle, attract, lock-down). The controller
 *    derives each frame's view from the session in one geometry pass.
 *  - Time is an input: the controller never reads a clock. Live, the clock is
 *    the platform's; under --replay (app/runner.c) it is a virtual clock
 *    advanced frame by frame, so a replay is deterministic and runs as fast
 *    as the machine can.
 *
 * When nothing moves, the loop sleeps in platform_wait until input or the
 * next timer (kiosk idle, long press), so a kiosk at rest costs no CPU. */
#define _POSIX_C_SOURCE 200809L /* localtime_r */
#include "app.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "controller.h"
#include "filepick.h"
#include "dump.h"
#include "load.h"
#include "paths.h"
#include "pictures.h"
#include "platform.h"
#include "poster.h"
#include "recent.h"
#include "replay.h"
#include "runner.h"
#include "stats.h"
#include "ui_text.h"
#include "watch.h"
#include "view_presenter.h"

enum { APP_BANNER_MAX = 4096 };

typedef struct App {
    AppDesc desc;
    double today_days;
    const char *path;
    Timeline tl;
    bool unreadable;             /* the timeline was rejected: headless pictures exit 1 */
    char banner[APP_BANNER_MAX];
    Platform *platform;
    Controller ctl;
    bool ctl_ready;
    char font_dir[PATHS_MAX];
    char default_file[PATHS_MAX];
    DrawList dl;
    Stats stats;                 /* visitor statistics (kiosk) */
    bool counting;               /* stats is open */
    char state_dir[STATS_PATH_MAX]; /* where the kiosk logs its problems ("": nowhere) */
    DrawList presenter_dl;       /* the presenter's screen, when its window is open */
    FileWatch watch;             /* the timeline file, read again when it is saved (live only) */
    bool watching;
    char opened[PATHS_MAX];      /* a file dropped on the window or chosen: app->path then points here */
    bool live;                   /* a window for a person (not a picture, a dump or a replay) */
    RecentFiles recent;          /* the timelines opened lately (Ctrl+O lists them first) */
    FileOffer offer;             /* the Open list's rows, while the controller shows them */
    ExternalPick pick;           /* the desktop's file chooser, while it runs */
} App;

static void set_window_title(App *app);

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

/* A short text of the problems for the on-screen banner; kept_old: a
 * reload was refused and the last good timeline stays. */
static void describe_problems(const LoadReport *r, bool kept_old, char *out, size_t cap)
{
    const char *outcome = kept_old ? "; the last good version stays on screen"
                          : r->rejected ? "; the file could not be shown" : "";
    int n = snprintf(out, cap, "%s: %d problem%s%s. Run frise --check for the full list.\n", r->file, r->total,
                     r->total == 1 ? "" : "s", outcome);
    for (int i = 0; i < r->count && i < 6 && n > 0 && (size_t)n < cap; i++) {
        char line[600];
        load_problem_format(r, &r->problems[i], line, sizeof line);
        n += snprintf(out + n, cap - (size_t)n, "\n%s", line);
    }
}

/* Problems go to stderr (the journal), and in a kiosk also to the state
 * folder's log for the curator: visitors never see them. */
static void print_problems(const App *app, const LoadReport *r)
{
    for (int i = 0; i < r->count; i++) {
        char line[1024];
        load_problem_format(r, &r->problems[i], line, sizeof line);
        fprintf(stderr, "%s\n", line);
        if (app->state_dir[0]) stats_log(app->state_dir, line);
    }
}

/* Loads into app->tl; on problems, prints them and prepares the banner. */
static void load_timeline(App *app)
{
    LoadOptions opt = {.today_days = app->today_days};
    LoadReport report;
    app->unreadable = !load_timeline_file(app->path, &opt, &app->tl, &report);
    app->banner[0] = '\0';
    if (report.total > 0) {
        print_problems(app, &report);
        describe_problems(&report, false, app->banner, sizeof app->banner);
    }
    if (app->tl.lang_count == 0) { /* rejected: an empty timeline to show the errors on */
        snprintf(app->tl.langs[0], TIMELINE_LANG_CODE_MAX, "en");
        app->tl.lang_count = 1;
        text_set(&app->tl, &app->tl.title, 0, "Frise");
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
    char tag[128];               /* the tag shown alone, "" for none */
} ReloadState;

static void remember_state(const App *app, ReloadState *k)
{
    const Controller *c = &app->ctl;
    memset(k, 0, sizeof *k);
    k->desc = c->desc;
    k->desc.lang = c->s.lang;
    k->desc.theme = c->s.theme;             /* what the reader chose stays chosen */
    k->desc.text_scale = c->s.text_scale;
    k->desc.reduced_motion = c->s.camera.reduced_motion;
    const char *tag = session_only_tag(&c->s); /* copied: the old timeline goes */
    snprintf(k->tag, sizeof k->tag, "%s", tag ? tag : "");
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
    controller_init(c, &app->tl, &d, platform_measurer(app->platform), (float)app->ctl.win_w, (float)app->ctl.win_h, c->now_ms);
    if (k->tag[0]) controller_show_only(c, NULL, k->tag); /* first: it shows every category again */
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

/* Reads path; when accept says the result may replace what is shown, the
 * fresh timeline becomes app->tl (the old one and its controller are freed,
 * *kept says what the person was looking at) and true is returned. Else the
 * timeline on screen stays, with the problems listed. */
typedef bool (*AcceptFn)(const App *app, const LoadReport *report, int event_count);

static bool adopt_file(App *app, const char *path, AcceptFn accept, ReloadState *kept)
{
    LoadOptions opt = {.today_days = app->today_days};
    Timeline fresh;
    LoadReport report;
    load_timeline_file(path, &opt, &fresh, &report);
    if (!accept(app, &report, fresh.event_count)) {
        print_problems(app, &report);
        describe_problems(&report, !app->unreadable, app->banner, sizeof app->banner);
        controller_set_banner(&app->ctl, app->banner);
        timeline_free(&fresh);
        load_report_free(&report);
        return false;
    }
    app->banner[0] = '\0';
    if (report.total > 0) describe_problems(&report, false, app->banner, sizeof app->banner);
    load_report_free(&report);
    remember_state(app, kept);
    controller_free(&app->ctl);
    timeline_free(&app->tl);
    app->tl = fresh;
    app->unreadable = false;
    return true;
}

/* The same file again: it must not lose most of what was shown (load.h). */
static bool accept_reload(const App *app, const LoadReport *report, int event_count)
{
    return load_reload_acceptable(report, event_count, app->unreadable ? 0 : app->tl.event_count);
}

/* Another file: anything it can show. */
static bool accept_other(const App *app, const LoadReport *report, int event_count)
{
    (void)app;
    return !report->rejected && event_count > 0;
}

/* Ctrl+R: reads the file again. A file that is broken (rejected, no event,
 * or problems that cost more than half the events: load_reload_acceptable)
 * keeps the timeline on screen, with the problems listed. The images are
 * read again as they are drawn: the renderer's cache notices changed files. */
static void reload_timeline(App *app)
{
    ReloadState keep;
    if (!adopt_file(app, app->path, accept_reload, &keep)) return;
    restore_state(app, &keep);
    controller_set_banner(&app->ctl, app->banner);
}

/* A live window remembers what it opened for the Open list (never the
 * kiosk: it opens one file, and visitors leave no trace). */
static void remember_opened(App *app)
{
    char file[PATHS_MAX];
    if (!app->live || app->desc.kiosk || app->unreadable || !recent_file_path(file, sizeof file)) return;
    recent_load(&app->recent, file); /* another window may have added to it */
    if (recent_add(&app->recent, app->path) && !recent_save(&app->recent, file))
        fprintf(stderr, "frise: cannot write the recent files' list %s\n", file);
}

/* A file dropped on the window or chosen with Ctrl+O: opened in place of
 * the timeline, in the same mode, from its home view; one that cannot be
 * shown leaves the current timeline on screen with its problems. */
static void open_other(App *app, const char *path)
{
    char copy[PATHS_MAX]; /* path may be the platform's buffer; app->opened is about to change */
    snprintf(copy, sizeof copy, "%s", path);
    ReloadState keep;
    if (!adopt_file(app, copy, accept_other, &keep)) return;
    snprintf(app->opened, sizeof app->opened, "%s", copy);
    app->path = app->opened;
    ControllerDesc d = keep.desc;
    d.mode = keep.mode;
    d.lang = 0;
    controller_init(&app->ctl, &app->tl, &d, platform_measurer(app->platform), app->ctl.win_w, app->ctl.win_h,
                    app->ctl.now_ms);
    controller_set_banner(&app->ctl, app->banner);
    if (app->watching) {
        watch_stop(&app->watch);
        watch_start(&app->watch, app->path, platform_now_ms());
    }
    remember_opened(app);
    set_window_title(app);
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

/* ---- the controller's setup from the command line ----------------------------------- */

static int find_tour(const Timeline *tl, const char *id)
{
    for (int i = 0; id && i < tl->tour_count; i++)
        if (strcmp(tl->tours[i].id, id) == 0) return i;
    return -1;
}

/* The reader's own language when the timeline offers it (LC_ALL, then
 * LC_MESSAGES, then LANG, as POSIX orders them: "ru_RU.UTF-8" is "ru"),
 * else the timeline's first. A kiosk speaks its installation's language. */
static int system_language(const Timeline *tl)
{
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *value = getenv(vars[i]);
        if (!value || !value[0]) continue;
        char code[TIMELINE_LANG_CODE_MAX];
        size_t n = strcspn(value, "_.@");
        if (n == 0 || n >= sizeof code) return 0;
        snprintf(code, sizeof code, "%.*s", (int)n, value);
        int lang = timeline_lang_index(tl, code);
        return lang >= 0 ? lang : 0;
    }
    return 0;
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
    if (d->theme) view_theme_from_name(d->theme, &cd.theme); /* cli_parse checked the name */
    cd.text_scale = d->text_scale;
    cd.large = d->projector;
    cd.lang = d->lang ? timeline_lang_index(&app->tl, d->lang) : d->kiosk ? 0 : system_language(&app->tl);
    if (d->lang && cd.lang < 0) fprintf(stderr, "frise: the timeline has no language \"%s\"\n", d->lang);
    cd.today_days = app->today_days;
    controller_init(&app->ctl, &app->tl, &cd, platform_measurer(app->platform), app->ctl.win_w, app->ctl.win_h, 0);
    app->ctl_ready = true;
    controller_set_banner(&app->ctl, app->banner);
    char why[256];
    if ((d->category || d->tag) && !controller_filter_problem(&app->ctl, d->category, d->tag, why, sizeof why))
        fprintf(stderr, "frise: %s\n", why);
    if (d->category || d->tag) controller_show_only(&app->ctl, d->category, d->tag);
    /* The story first: its panel narrows the timeline, and --view must fit what is left. */
    if (d->select) {
        int event = timeline_find_event(&app->tl, d->select);
        if (event < 0) fprintf(stderr, "frise: no event has the id \"%s\"\n", d->select);
        else if (app->ctl.mode == VIEW_PRESENT) present_go_to_event(&app->ctl, event);
        else controller_open(&app->ctl, event, false);
    }
    if (d->view) controller_set_view(&app->ctl, d->view_from_days, d->view_to_days); /* checked by cli_parse */
    return true;
}

/* ---- frames ---------------------------------------------------------------------------- */

static void draw_frame(App *app)
{
    controller_build(&app->ctl, &app->dl);
    platform_draw(app->platform, &app->dl, app->ctl.frame.theme.paper);
}

static bool save_screenshot(App *app, const char *path)
{
    draw_frame(app);
    return platform_save_png(app->platform, path);
}

/* ---- the presenter's window ------------------------------------------------------------- */

/* Seconds since local midnight, for the presenter's clock. */
static double local_clock_s(void)
{
    time_t now = time(NULL);
    struct tm local;
    if (!localtime_r(&now, &local)) return 0;
    return local.tm_hour * 3600.0 + local.tm_min * 60.0 + local.tm_sec;
}

/* Draws the presenter's screen in the second window, when it is open. */
static void draw_presenter(App *app)
{
    if (!platform_has_second(app->platform)) return;
    PresenterInfo info;
    present_presenter_info(&app->ctl, local_clock_s(), &info);
    int w, h;
    platform_second_size(app->platform, &w, &h);
    TextMeasurer measure = platform_second_measurer(app->platform);
    Theme theme = view_theme(THEME_DARK);
    PresenterInput in = {&app->tl, &info, &measure, &theme, (float)w, (float)h};
    presenter_build(&app->presenter_dl, &in);
    platform_draw_second(app->platform, &app->presenter_dl, theme.paper);
}

/* --presenter, or two displays while presenting (unless --no-presenter). */
static void open_presenter(App *app, bool headless)
{
    const AppDesc *d = &app->desc;
    bool two_displays = !headless && platform_display_count(app->platform) > 1 && app->ctl.mode == VIEW_PRESENT;
    if (d->no_presenter || !(d->presenter || two_displays)) return;
    if (!platform_open_second(app->platform, 1280, 800, "Frise — presenter"))
        fprintf(stderr, "frise: the presenter's window could not be opened; presenting without it\n");
}

static bool save_presenter_screenshot(App *app, const char *path)
{
    if (!platform_has_second(app->platform)) {
        fprintf(stderr, "frise: screenshot-presenter needs --presenter\n");
        return false;
    }
    draw_presenter(app);
    return platform_save_second_png(app->platform, path);
}

/* ---- visitor statistics ------------------------------------------------------------------ */

/* Where the kiosk counts visits and logs problems: --stats DIR, else, for a
 * live kiosk, the state folder (XDG_STATE_HOME); headless runs only when
 * asked, so tests never write into a home folder. */
static void choose_state_dir(App *app, bool headless)
{
    const AppDesc *d = &app->desc;
    if (d->stats_dir) snprintf(app->state_dir, sizeof app->state_dir, "%s", d->stats_dir);
    else if (d->kiosk && !headless && !stats_default_dir(app->state_dir, sizeof app->state_dir))
        app->state_dir[0] = '\0';
}

static void start_counting(App *app)
{
    if (app->state_dir[0] && (app->desc.kiosk || app->desc.stats_dir))
        app->counting = stats_open(&app->stats, app->state_dir);
}

static void count(App *app, double wall_s)
{
    if (app->counting) stats_observe(&app->stats, &app->ctl, wall_s);
}

static void set_window_title(App *app)
{
    char title[512];
    snprintf(title, sizeof title, "%s — Frise", timeline_text(&app->tl, &app->tl.title, app->ctl.s.lang));
    platform_set_title(app->platform, title);
}

/* S: the view as it is, in the pictures folder under a new name; the banner
 * says where (the next key or touch dismisses it). */
static void save_picture(App *app)
{
    const char *lang = app->tl.langs[app->ctl.s.lang];
    char folder[PATHS_MAX], path[PATHS_MAX + 64];
    if (!pictures_folder(folder, sizeof folder) || !pictures_new_path(folder, time(NULL), path, sizeof path)) {
        snprintf(app->banner, sizeof app->banner, "%s", ui_text(UI_PICTURE_NO_FOLDER, lang));
    } else {
        controller_picture_only(&app->ctl, true);
        draw_frame(app);
        controller_picture_only(&app->ctl, false);
        bool ok = platform_save_png(app->platform, path);
        snprintf(app->banner, sizeof app->banner, "%s %.3000s",
                 ui_text(ok ? UI_PICTURE_SAVED : UI_PICTURE_NOT_SAVED, lang), path);
        if (ok) printf("frise: picture saved: %s\n", path);
    }
    controller_set_banner(&app->ctl, app->banner);
}

/* The app's own Open list: the recent timelines, then the folder's. */
static void show_own_list(App *app)
{
    char file[PATHS_MAX];
    if (recent_file_path(file, sizeof file)) recent_load(&app->recent, file);
    filepick_offer(&app->offer, app->path, &app->recent);
    controller_show_files(&app->ctl, app->offer.rows, app->offer.count, app->offer.folder);
}

/* Ctrl+O: the desktop's chooser in a live window when there is one (the
 * window goes on drawing while it is open), else the app's own list. */
static void offer_files(App *app)
{
    if (app->pick.running) return; /* it is open already, perhaps behind the window */
    char folder[PATHS_MAX];
    filepick_folder_of(app->path, folder, sizeof folder);
    const char *title = ui_text(UI_OPEN_TITLE, app->tl.langs[app->ctl.s.lang]);
    if (!(app->live && filepick_external_start(&app->pick, folder, title))) show_own_list(app);
}

/* The desktop's chooser, looked at once a loop: a chosen file opens; a
 * chooser that could not show gives way to the app's own list. */
static void follow_pick(App *app)
{
    char path[PATHS_MAX];
    PickState state = filepick_external_poll(&app->pick, path, sizeof path);
    if (state == PICK_CHOSEN) open_other(app, path);
    else if (state == PICK_FAILED) show_own_list(app);
}

/* What the controller asked for: a reload (Ctrl+R), full screen, a link
 * to open (never from the kiosk), a citation to copy (Ctrl+C), files to
 * choose from (Ctrl+O) and the one chosen. */
static void apply_requests(App *app)
{
    Requests *r = &app->ctl.requests;
    if (r->offer_files) {
        r->offer_files = false;
        offer_files(app);
    }
    if (r->file_chosen) {
        r->file_chosen = false;
        if (r->chosen_file >= 0 && r->chosen_file < app->offer.count) open_other(app, app->offer.paths[r->chosen_file]);
    }
    if (r->open_url[0]) {
        if (!app->desc.kiosk) platform_open_url(app->platform, r->open_url);
        r->open_url[0] = '\0';
    }
    if (r->clipboard[0]) {
        platform_set_clipboard(app->platform, r->clipboard);
        r->clipboard[0] = '\0';
    }
    if (r->reload) {
        r->reload = false;
        reload_timeline(app);
        set_window_title(app);
    }
    if (r->toggle_fullscreen) platform_toggle_fullscreen(app->platform);
    r->toggle_fullscreen = false;
    if (r->save_picture && !app->desc.kiosk) save_picture(app);
    r->save_picture = false;
}

/* ---- replay: a virtual clock ------------------------------------------------------------ */

static bool replay_screenshot(void *ctx, const char *path)
{
    return save_screenshot(ctx, path);
}

/* A replayed "resize": the headless surface is made again at the new size,
 * with the text and image caches that belong to it. */
static bool replay_resize(void *ctx, int w, int h)
{
    App *app = ctx;
    if (!platform_resize_headless(app->platform, w, h)) return false;
    app->ctl.measure = platform_measurer(app->platform);
    return true;
}

static void replay_requests(void *ctx)
{
    apply_requests(ctx);
}

/* --draw-every-frame: pixels for every virtual frame, as a live window
 * would draw them, so a soak exercises the text and image caches. */
static void replay_draw(void *ctx)
{
    draw_frame(ctx);
}

static bool replay_screenshot_presenter(void *ctx, const char *path)
{
    return save_presenter_screenshot(ctx, path);
}

/* A replayed day: 09:00 on --today (UTC days) plus the virtual clock, so
 * the statistics a script makes are the same every run. */
static void replay_observe(void *ctx, double now_ms)
{
    App *app = ctx;
    count(app, app->today_days * 86400.0 + 9 * 3600.0 + now_ms / 1000.0);
}

static void replay_drop(void *ctx, const char *path)
{
    open_other(ctx, path);
}

static int run_replay(App *app)
{
    Replay replay = {0};
    char err[512];
    if (!replay_load_file(&replay, app->desc.replay, err, sizeof err)) {
        fprintf(stderr, "frise: %s\n", err);
        return 2;
    }
    RunnerHooks hooks = {app, replay_screenshot, replay_resize, replay_requests, app->desc.out_dir, NULL,
                         replay_screenshot_presenter, replay_observe, replay_drop};
    if (app->desc.draw_every_frame) hooks.draw = replay_draw;
    int status = runner_replay(&app->ctl, &replay, &hooks);
    replay_free(&replay);
    return status;
}

/* ---- headless ------------------------------------------------------------------------------- */

/* A picture of a timeline that could not be read is still written (it
 * shows why), but the status says it failed: scripts that make pictures
 * must not mistake it for the timeline. */
static int run_headless(App *app)
{
    runner_settle(&app->ctl);
    int status = app->unreadable ? 1 : 0;
    if (app->unreadable) fprintf(stderr, "frise: %s could not be read; the picture shows why\n", app->path);
    if (app->desc.screenshot && !save_screenshot(app, app->desc.screenshot)) status = 1;
    if (app->desc.dump_layout) dump_layout(&app->ctl, stdout);
    return status;
}

/* ---- poster ----------------------------------------------------------------------------------- */

/* --poster: the whole timeline (or --view) for print, in the session's
 * language, theme, text size and filter, laid out by the view (poster.h)
 * and written by the platform strip by strip. With --dump-layout its
 * layout goes to stdout, and the message to stderr. */
static int run_poster(App *app)
{
    const AppDesc *d = &app->desc;
    const Session *s = &app->ctl.s;
    if (app->unreadable) { /* its problems are on stderr already; a sheet of nothing helps nobody */
        fprintf(stderr, "frise: %s could not be read; no poster written\n", app->path);
        return 1;
    }
    TextMeasurer measure = platform_measurer(app->platform);
    PosterDesc pd = {&app->tl, d->poster_width, d->view ? d->view_from_days : 0, d->view ? d->view_to_days : 0,
                     s->text_scale, s->lang, s->filter.category_hidden, session_only_tag(s), &measure};
    Poster poster;
    PosterError err = poster_build(&poster, &pd);
    int status = 0;
    if (err == POSTER_TOO_TALL)
        fprintf(stderr, "frise: a poster of every event here needs %d rows of cards or more, a sheet %d times as "
                        "tall as wide; at most %d rows are drawn. Show less with --view FROM:TO, --category or --tag.\n",
                poster.rows_needed, poster.rows_needed / 20, POSTER_MAX_ROWS);
    if (err == POSTER_OUT_OF_MEMORY) fprintf(stderr, "frise: out of memory laying out the poster\n");
    if (err == POSTER_OK) {
        Theme theme = view_theme(s->theme);
        PosterLook look = {&app->tl, s->lang, &theme, &measure};
        poster_draw(&app->dl, &poster, &look);
        bool ok = !app->dl.out_of_memory &&
                  platform_write_poster_png(app->platform, &app->dl, theme.paper, poster.width_px, poster.height_px,
                                            d->poster);
        if (ok)
            fprintf(d->dump_layout ? stderr : stdout, "frise: poster written: %s (%d x %d px, %d events%s)\n",
                    d->poster, poster.width_px, poster.height_px, poster.shown,
                    poster.packed ? "; some cards moved right of their dates" : "");
        else if (app->dl.out_of_memory) fprintf(stderr, "frise: out of memory drawing the poster\n");
        if (d->dump_layout) dump_poster(&poster, &app->tl, s->lang, stdout);
        if (!ok) status = 1;
    } else {
        status = 1;
    }
    poster_free(&poster);
    return status;
}

/* ---- live loop ------------------------------------------------------------------------------ */

/* Feeds what one wait brought; returns whether the frame must be drawn again. */
static bool take_input(App *app, const PlatformInput *in)
{
    Controller *c = &app->ctl;
    bool dirty = in->redraw;
    if (in->focus_lost) controller_reset_pointers(c);
    for (int i = 0; i < in->count; i++) {
        const InputEvent *ev = &in->events[i];
        bool hover = ev->type == INPUT_POINTER_MOVE && ev->pointer_id == 0 && ev->button == 0;
        int hovered = c->s.sel.hovered;
        ViewTip tip = c->frame.view.tip; /* as the last frame found it */
        controller_input(c, ev);
        if (!hover) {
            dirty = true;
            continue;
        }
        /* A hover redraws only when what it shows changed: the hovered card or a tooltip. */
        ViewTip now = controller_frame(c)->view.tip;
        dirty |= hovered != c->s.sel.hovered || now.kind != tip.kind || now.index != tip.index;
    }
    if (in->terminate) c->requests.quit = true;
    return dirty;
}

/* A saved timeline is read again (a broken save keeps the last good one on
 * screen, its problems listed); a dropped file replaces it. True when the
 * frame must be drawn again. */
static bool follow_files(App *app, const PlatformInput *in)
{
    if (in->dropped[0]) {
        open_other(app, in->dropped); /* which titles the window */
        return true;
    }
    if (!(app->watching && watch_poll(&app->watch, platform_now_ms()))) return false;
    reload_timeline(app);
    set_window_title(app);
    return true;
}

/* How often the loop looks at the desktop's chooser while it is open. */
enum { PICK_LOOK_MS = 100 };

/* How long the loop may sleep: until input, the controller's next timer,
 * or the watcher's next look, whichever comes first (-1: until input). */
static int wait_ms(App *app, bool moving, double timer)
{
    if (moving) return 0;
    double wait = timer >= 0 ? ceil(timer) + 1 : -1;
    if (app->watching) {
        double look = ceil(watch_next_ms(&app->watch, platform_now_ms())) + 1;
        wait = wait < 0 ? look : fmin(wait, look);
    }
    if (app->pick.running) wait = wait < 0 ? PICK_LOOK_MS : fmin(wait, PICK_LOOK_MS);
    return (int)wait;
}

static int run_live(App *app)
{
    Controller *c = &app->ctl;
    bool moving = true, dirty = true;
    app->watching = watch_start(&app->watch, app->path, platform_now_ms());
    while (!c->requests.quit) {
        double timer = controller_next_timer_ms(c);
        PlatformInput in;
        platform_wait(app->platform, wait_ms(app, moving, timer), &in);
        dirty |= take_input(app, &in);
        dirty |= follow_files(app, &in);
        if (app->pick.running) {
            follow_pick(app);
            dirty |= !app->pick.running;
        }
        count(app, (double)time(NULL));
        int lang = c->s.lang;
        moving = controller_update(c, platform_now_ms());
        count(app, (double)time(NULL));
        if (lang != c->s.lang) set_window_title(app);
        apply_requests(app);
        if (moving || dirty || timer >= 0) {
            draw_frame(app);
            draw_presenter(app);
            dirty = false;
        }
    }
    return 0;
}

/* ---- lifecycle -------------------------------------------------------------------------------- */

static void shutdown_app(App *app)
{
    filepick_external_stop(&app->pick);
    filepick_offer_free(&app->offer);
    if (app->watching) watch_stop(&app->watch);
    if (app->counting) stats_close(&app->stats, &app->ctl);
    if (app->ctl_ready) controller_free(&app->ctl);
    drawlist_free(&app->dl);
    drawlist_free(&app->presenter_dl);
    platform_destroy(app->platform);
    timeline_free(&app->tl);
}

static bool open_platform(App *app, bool headless)
{
    const AppDesc *d = &app->desc;
    PlatformDesc pd = {.w = d->width ? d->width : 1280, .h = d->height ? d->height : 720, .headless = headless,
                       .fullscreen = d->fullscreen, .kiosk = d->kiosk, .font_dir = font_dir(app), .title = "Frise"};
    app->platform = platform_create(&pd);
    if (!app->platform) return false;
    int w, h;
    platform_size(app->platform, &w, &h);
    app->ctl.win_w = (float)w; /* setup_controller starts the controller at this size */
    app->ctl.win_h = (float)h;
    return true;
}

int app_main(const AppDesc *desc, double today_days)
{
    App *app = calloc(1, sizeof *app);
    if (!app) return 1;
    app->desc = *desc;
    app->today_days = today_days;
    app->path = desc->file ? desc->file : default_timeline(app);
    bool headless = desc->screenshot || desc->replay || desc->dump_layout || desc->poster;
    choose_state_dir(app, headless);
    load_timeline(app);
    bool ok = open_platform(app, headless) && setup_controller(app);
    if (ok) open_presenter(app, headless);
    if (ok) start_counting(app);
    int status = ok ? 0 : 1;
    if (ok && desc->poster) status = run_poster(app);
    else if (ok && desc->replay) status = run_replay(app);
    else if (ok && headless) status = run_headless(app);
    else if (ok) {
        app->live = true;
        remember_opened(app);
        set_window_title(app);
        status = run_live(app);
    }
    shutdown_app(app);
    free(app);
    return status;
}
