/* test_interact.c: specifications of the interaction layer without SDL:
 * explore, present and kiosk driven by plain input events on a virtual clock,
 * measured with the fake fixed-width measurer, checked on the session and on
 * the layout dump. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp for the runner test */
#include <cjson/cJSON.h>
#include <math.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "controller.h"
#include "dump.h"
#include "runner.h"
#include "test.h"
#include "test_support.h"
#include "ui_text.h"

static Timeline tl;

static void load_fixture(void)
{
    LoadOptions opt = {.today_days = 20000};
    LoadReport report;
    bool ok = load_timeline_file(FRISE_TEST_DATA "/good/full.json", &opt, &tl, &report);
    load_report_free(&report);
    if (!ok) {
        fprintf(stderr, "cannot load the fixture\n");
        exit(1);
    }
}

static void start(Controller *c, ViewMode mode, const char *pin)
{
    ControllerDesc d = {.mode = mode, .tour = -1, .idle_ms = 60000, .countdown_ms = 10000, .exit_pin = pin,
                        .today_days = 20000};
    controller_init(c, &tl, &d, MEASURE, 1920, 1080, 0);
}

/* ---- input on a virtual clock ------------------------------------------------------ */

static double clock_ms;

static void feed(Controller *c, InputEvent ev)
{
    clock_ms += 20;
    ev.t_ms = clock_ms;
    controller_input(c, &ev);
    controller_update(c, clock_ms);
}

static void tap(Controller *c, float x, float y)
{
    feed(c, (InputEvent){.type = INPUT_POINTER_DOWN, .x = x, .y = y, .button = 1});
    feed(c, (InputEvent){.type = INPUT_POINTER_UP, .x = x, .y = y, .button = 1});
    clock_ms += 400; /* no double tap with the next one */
    controller_update(c, clock_ms);
}

static void tap_rect(Controller *c, Rect r)
{
    tap(c, r.x + r.w / 2, r.y + r.h / 2);
}

static void key(Controller *c, int k, int mods)
{
    feed(c, (InputEvent){.type = INPUT_KEY_DOWN, .key = k, .mods = mods});
}

static void type(Controller *c, const char *text)
{
    InputEvent ev = {.type = INPUT_TEXT};
    snprintf(ev.text, sizeof ev.text, "%s", text);
    feed(c, ev);
}

/* Lets time pass until the camera has landed. */
static void settle(Controller *c)
{
    for (int i = 0; i < 400 && controller_update(c, clock_ms); i++) clock_ms += 16;
}

static void wait_ms(Controller *c, double ms)
{
    clock_ms += ms;
    controller_update(c, clock_ms);
}

static const char *id_of(int event)
{
    return event >= 0 ? tl.events[event].id : "(none)";
}

/* The layout dump, parsed. */
static cJSON *dump(Controller *c)
{
    FILE *f = tmpfile();
    if (!f) return NULL;
    dump_layout(c, f);
    long n = ftell(f);
    rewind(f);
    char *text = malloc((size_t)n + 1);
    size_t got = text ? fread(text, 1, (size_t)n, f) : 0;
    fclose(f);
    if (!text) return NULL;
    text[got] = '\0';
    cJSON *root = cJSON_Parse(text);
    free(text);
    return root;
}

static const char *dump_string(const cJSON *root, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(root, key);
    return cJSON_IsString(item) ? item->valuestring : "(not a string)";
}

static double dump_number(const cJSON *root, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(root, key);
    return cJSON_IsNumber(item) ? item->valuedouble : -999;
}

/* ---- explore ---------------------------------------------------------------------------- */

static void explore_a_tap_on_a_card_opens_its_story_and_escape_closes_it(void)
{
    Controller c;
    start(&c, VIEW_EXPLORE, NULL);
    const Frame *f = controller_frame(&c);
    CHECK(f->layout.card_count > 0);
    if (f->layout.card_count > 0) {
        const LayoutCard *card = &f->layout.cards[0];
        int event = card->event;
        tap(&c, card->x + card->w / 2, card->y + card->h / 2);
        CHECK_STR(id_of(c.s.sel.selected), id_of(event));
        CHECK(controller_frame(&c)->chrome.panel.w > 0);
        key(&c, KEY_ESCAPE, 0);
        CHECK_INT(c.s.sel.selected, -1);
        CHECK(controller_frame(&c)->chrome.panel.w == 0);
    }
    controller_free(&c);
}

static void explore_search_finds_what_is_typed_and_return_opens_the_first_result(void)
{
    Controller c;
    start(&c, VIEW_EXPLORE, NULL);
    key(&c, '/', 0);
    type(&c, "/"); /* the slash that opened the field also arrives as text */
    type(&c, "apollo");
    CHECK(c.s.search.open);
    CHECK_STR(c.s.search.query, "apollo");
    CHECK(c.s.search.count >= 1);
    key(&c, KEY_RETURN, 0);
    CHECK(!c.s.search.open);
    CHECK_STR(id_of(c.s.sel.selected), "apollo-11");
    cJSON *d = dump(&c);
    CHECK_STR(dump_string(d, "selected"), "apollo-11");
    cJSON_Delete(d);
    controller_free(&c);
}

static void explore_a_theme_row_hides_its_category_from_the_layout(void)
{
    Controller c;
    start(&c, VIEW_EXPLORE, NULL);
    tap_rect(&c, controller_frame(&c)->chrome.themes_button);
    CHECK(c.s.themes_open);
    tap_rect(&c, controller_frame(&c)->chrome.theme_rows[0]);
    CHECK(c.s.filter.category_hidden[0]);
    const Layout *l = &controller_frame(&c)->layout;
    for (int i = 0; i < l->card_count; i++) CHECK(tl.events[l->cards[i].event].category != 0);
    for (int i = 0; i < l->cluster_count; i++)
        for (int k = 0; k < l->clusters[i].count; k++)
            CHECK(tl.events[layout_cluster_member(l, &l->clusters[i], k)].category != 0);
    cJSON *d = dump(&c);
    const cJSON *hidden = cJSON_GetObjectItemCaseSensitive(d, "hidden_categories");
    CHECK_INT(cJSON_GetArraySize(hidden), 1);
    cJSON_Delete(d);
    controller_free(&c);
}

static void explore_ctrl_r_asks_for_a_reload_and_ctrl_q_for_quitting(void)
{
    Controller c;
    start(&c, VIEW_EXPLORE, NULL);
    key(&c, 'r', MOD_CTRL);
    CHECK(c.requests.reload);
    CHECK(!c.requests.quit);
    key(&c, 'q', MOD_CTRL);
    CHECK(c.requests.quit);
    controller_free(&c);
}

static void explore_ctrl_o_asks_for_files_and_the_list_hands_back_the_row_chosen(void)
{
    Controller c;
    start(&c, VIEW_EXPLORE, NULL);
    key(&c, 'o', MOD_CTRL);
    CHECK(c.requests.offer_files);
    FileChoice rows[3] = {{"a.json", "/t", true}, {"b.csv", "/t", false}, {"c.json", "/t", false}};
    controller_show_files(&c, rows, 3, "/t");
    controller_frame(&c);
    CHECK(c.frame.view.files_open);
    CHECK(c.frame.chrome.file_row_count == 3);
    Hit inside = controller_hit(&c, c.frame.chrome.file_rows[2].x + 5, c.frame.chrome.file_rows[2].y + 5);
    CHECK_INT(inside.kind, HIT_FILE_ROW);
    CHECK_INT(inside.index, 2);
    key(&c, KEY_RIGHT, 0); /* the dialog takes every key: the view stays */
    key(&c, KEY_UP, 0);    /* from the first row up: the last */
    key(&c, KEY_RETURN, 0);
    CHECK(c.requests.file_chosen);
    CHECK_INT(c.requests.chosen_file, 2);
    CHECK(!c.s.files.open);
    c.requests.file_chosen = false;
    controller_show_files(&c, rows, 3, "/t");
    tap_rect(&c, c.frame.chrome.file_rows[1]);
    CHECK(c.requests.file_chosen);
    CHECK_INT(c.requests.chosen_file, 1);
    controller_show_files(&c, rows, 3, "/t");
    key(&c, KEY_ESCAPE, 0);
    CHECK(!c.s.files.open);
    controller_free(&c);
    start(&c, VIEW_PRESENT, NULL);
    c.requests.offer_files = false;
    key(&c, 'o', MOD_CTRL);
    controller_show_files(&c, rows, 3, "/t");
    CHECK(!c.requests.offer_files); /* files open in the explorer only */
    CHECK(!c.s.files.open);
    controller_free(&c);
}

static void explore_a_banner_goes_at_the_next_key(void)
{
    Controller c;
    start(&c, VIEW_EXPLORE, NULL);
    controller_set_banner(&c, "x.json: 2 problems");
    CHECK_STR(controller_frame(&c)->view.banner, "x.json: 2 problems");
    key(&c, KEY_RIGHT, 0);
    CHECK(controller_frame(&c)->view.banner == NULL);
    controller_free(&c);
}

/* ---- present --------------------------------------------------------------------------- */

static void present_f5_opens_the_chooser_and_escape_returns_to_exploring(void)
{
    Controller c;
    start(&c, VIEW_EXPLORE, NULL);
    key(&c, KEY_F5, 0);
    CHECK_INT(c.mode, VIEW_PRESENT);
    CHECK(c.present.chooser);
    key(&c, KEY_END, 0); /* the last row: every event */
    key(&c, KEY_RETURN, 0);
    CHECK(!c.present.chooser);
    key(&c, KEY_PAGEDOWN, 0); /* from the title slide to the first step */
    CHECK_STR(id_of(c.s.sel.selected), id_of(0));
    cJSON *d = dump(&c);
    CHECK_STR(dump_string(d, "mode"), "present");
    CHECK_INT(dump_number(d, "step"), 1);
    CHECK_INT(dump_number(d, "step_count"), tl.event_count);
    cJSON_Delete(d);
    key(&c, KEY_ESCAPE, 0);
    CHECK_INT(c.mode, VIEW_EXPLORE);
    controller_free(&c);
}

static void present_clicker_keys_step_through_the_tour_and_land_on_each_event(void)
{
    Controller c;
    ControllerDesc d = {.mode = VIEW_PRESENT, .tour = 0, .today_days = 20000};
    controller_init(&c, &tl, &d, MEASURE, 1280, 720, 0);
    int n = steps_count(&tl, 0);
    CHECK(n > 2);
    key(&c, KEY_PAGEDOWN, 0);
    key(&c, KEY_SPACE, 0);
    CHECK_INT(c.present.steps.current, 2);
    settle(&c);
    int event = steps_event(&tl, 0, 2);
    if (event >= 0) {
        CHECK_STR(id_of(c.s.sel.selected), id_of(event));
        double x = scale_time_to_px(&c.s.camera.scale, tl.events[event].start_days);
        const Regions *r = &controller_frame(&c)->regions;
        CHECK(x >= r->timeline_x0 && x <= r->timeline_x1);
    }
    key(&c, KEY_PAGEUP, 0);
    CHECK_INT(c.present.steps.current, 1);
    key(&c, KEY_END, 0);
    CHECK_INT(c.present.steps.current, n - 1);
    key(&c, KEY_HOME, 0);
    CHECK_INT(c.present.steps.current, 0);
    key(&c, '3', 0);
    key(&c, KEY_RETURN, 0);
    CHECK_INT(c.present.steps.current, 2);
    controller_free(&c);
}

static void present_b_blacks_the_screen_and_any_key_brings_it_back_without_stepping(void)
{
    Controller c;
    start(&c, VIEW_PRESENT, NULL);
    key(&c, 'b', 0);
    CHECK_INT(controller_frame(&c)->view.blackout, BLACKOUT_BLACK);
    DrawList dl = {0};
    controller_build(&c, &dl);
    CHECK_INT(dl.count, 1); /* one black rectangle */
    drawlist_free(&dl);
    key(&c, KEY_PAGEDOWN, 0);
    CHECK_INT(controller_frame(&c)->view.blackout, BLACKOUT_NONE);
    CHECK_INT(c.present.steps.current, 0);
    controller_free(&c);
}

/* ---- kiosk ------------------------------------------------------------------------------- */

static void kiosk_starts_in_the_attract_loop_and_steps_on_by_itself(void)
{
    Controller c;
    start(&c, VIEW_KIOSK, NULL);
    CHECK_INT(c.kiosk.phase, KIOSK_ATTRACT);
    CHECK_INT(c.kiosk.attract.current, -1); /* the title slide */
    double due = controller_next_timer_ms(&c);
    CHECK(due > 0);
    wait_ms(&c, due + 1);
    CHECK_INT(c.kiosk.attract.current, 0);
    wait_ms(&c, controller_next_timer_ms(&c) + 1);
    CHECK_INT(c.kiosk.attract.current, 1);
    cJSON *d = dump(&c);
    CHECK_STR(dump_string(d, "kiosk_state"), "attract");
    CHECK_INT(dump_number(d, "step"), 2);
    cJSON_Delete(d);
    controller_free(&c);
}

static void kiosk_a_touch_hands_over_and_idleness_counts_down_then_resets(void)
{
    Controller c;
    start(&c, VIEW_KIOSK, NULL);
    tap(&c, 960, 540);
    CHECK_INT(c.kiosk.phase, KIOSK_VISITOR);
    CHECK_INT(c.s.sel.selected, -1);
    const Frame *f = controller_frame(&c);
    CHECK(f->layout.card_count > 0);
    if (f->layout.card_count > 0) tap_rect(&c, (Rect){f->layout.cards[0].x, f->layout.cards[0].y,
                                                     f->layout.cards[0].w, f->layout.cards[0].h});
    CHECK(c.s.sel.selected >= 0);
    key(&c, 'l', 0); /* a visitor switches language */
    wait_ms(&c, 60001);
    CHECK_INT(c.kiosk.phase, KIOSK_COUNTDOWN);
    wait_ms(&c, 10001);
    CHECK_INT(c.kiosk.phase, KIOSK_ATTRACT);
    CHECK_INT(c.s.lang, 0); /* the installation's language again */
    CHECK_INT(c.kiosk.attract.current, -1); /* the loop starts again at its title slide */
    controller_free(&c);
}

static void kiosk_swallows_quit_reload_fullscreen_and_present_keys(void)
{
    Controller c;
    start(&c, VIEW_KIOSK, NULL);
    tap(&c, 960, 540); /* out of the attract loop: keys reach the visitor's kiosk */
    key(&c, 'q', 0);
    key(&c, 'q', MOD_CTRL);
    key(&c, 'r', MOD_CTRL);
    key(&c, KEY_F11, 0);
    key(&c, KEY_F5, 0);
    feed(&c, (InputEvent){.type = INPUT_QUIT});
    CHECK(!c.requests.quit);
    CHECK(!c.requests.reload);
    CHECK(!c.requests.toggle_fullscreen);
    CHECK_INT(c.mode, VIEW_KIOSK);
    key(&c, 'q', MOD_CTRL | MOD_ALT | MOD_SHIFT);
    CHECK(c.requests.quit);
    controller_free(&c);
}

static void kiosk_a_long_corner_press_opens_the_pin_pad_and_only_the_right_pin_quits(void)
{
    Controller c;
    start(&c, VIEW_KIOSK, "2468");
    feed(&c, (InputEvent){.type = INPUT_POINTER_DOWN, .x = 10, .y = 10, .pointer_id = 1, .is_touch = true});
    wait_ms(&c, 5001);
    CHECK(c.kiosk.pin_pad);
    feed(&c, (InputEvent){.type = INPUT_POINTER_UP, .x = 10, .y = 10, .pointer_id = 1, .is_touch = true});
    const char *wrong = "1357", *right = "2468";
    for (const char *p = wrong; *p; p++) key(&c, *p, 0);
    key(&c, KEY_RETURN, 0);
    CHECK(!c.requests.quit);
    CHECK(c.kiosk.pin_pad); /* a wrong code says so and leaves the pad open */
    CHECK_INT(c.kiosk.pin_state, PIN_WRONG);
    key(&c, KEY_ESCAPE, 0);
    CHECK(!c.kiosk.pin_pad);
    feed(&c, (InputEvent){.type = INPUT_POINTER_DOWN, .x = 10, .y = 10, .pointer_id = 1, .is_touch = true});
    wait_ms(&c, 5001);
    feed(&c, (InputEvent){.type = INPUT_POINTER_UP, .x = 10, .y = 10, .pointer_id = 1, .is_touch = true});
    const Frame *f = controller_frame(&c);
    static const int keys_of_digit[10] = {10, 0, 1, 2, 3, 4, 5, 6, 7, 8}; /* the pad: 1-9, cancel, 0, enter */
    for (const char *p = right; *p; p++) tap_rect(&c, f->chrome.pin_keys[keys_of_digit[*p - '0']]);
    tap_rect(&c, controller_frame(&c)->chrome.pin_keys[11]);
    CHECK(c.requests.quit);
    controller_free(&c);
}


/* ---- the replay runner, without SDL ------------------------------------------------------- */

static void runner_replays_a_script_on_a_virtual_clock_and_dumps_without_sdl(void)
{
    Controller c;
    start(&c, VIEW_KIOSK, NULL);
    char dir[] = "/tmp/frise-runner-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char script[512];
    snprintf(script, sizeof script,
             "0 tap 960 540\n"          /* the visitor takes over */
             "1 key ctrl+r\n"           /* locked in the kiosk */
             "100 dump-layout idle.json\n"
             "200 end\n");
    Replay r = {0};
    char err[256];
    CHECK(replay_parse(&r, "script", script, strlen(script), err, sizeof err));
    RunnerHooks hooks = {.out_dir = dir};
    CHECK_INT(runner_replay(&c, &r, &hooks), 0);
    replay_free(&r);
    char path[600];
    snprintf(path, sizeof path, "%s/idle.json", dir);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (f) {
        char text[65536];
        size_t n = fread(text, 1, sizeof text - 1, f);
        text[n] = '\0';
        fclose(f);
        cJSON *d = cJSON_Parse(text);
        CHECK_STR(dump_string(d, "mode"), "kiosk");
        CHECK_STR(dump_string(d, "kiosk_state"), "attract"); /* 90 s idle: back to the loop */
        cJSON_Delete(d);
        remove(path);
    }
    remove(dir);
    CHECK(!c.requests.reload);
    controller_free(&c);
}

/* ---- every reader: themes, text size, tags, keyboard ------------------------------------- */

static void explore_t_cycles_light_dark_and_high_contrast(void)
{
    Controller c;
    start(&c, VIEW_EXPLORE, NULL);
    CHECK_INT(c.s.theme, THEME_LIGHT);
    key(&c, 't', 0);
    CHECK_INT(c.s.theme, THEME_DARK);
    key(&c, 't', 0);
    CHECK_INT(c.s.theme, THEME_HIGH_CONTRAST);
    CHECK(controller_frame(&c)->theme.outlined);
    key(&c, 't', 0);
    CHECK_INT(c.s.theme, THEME_LIGHT);
    ThemeKind k = THEME_LIGHT;
    CHECK(view_theme_from_name("contrast", &k) && k == THEME_HIGH_CONTRAST);
    CHECK(view_theme_from_name("dark", &k) && k == THEME_DARK);
    CHECK(view_theme_from_name("light", &k) && k == THEME_LIGHT);
    CHECK(!view_theme_from_name("sepia", &k) && k == THEME_LIGHT);
    controller_free(&c);
}

/* WCAG's relative luminance and contrast ratio. */
static double channel(uint8_t v)
{
    double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double contrast(Colour a, Colour b)
{
    double la = 0.2126 * channel(a.r) + 0.7152 * channel(a.g) + 0.0722 * channel(a.b);
    double lb = 0.2126 * channel(b.r) + 0.7152 * channel(b.g) + 0.0722 * channel(b.b);
    return (fmax(la, lb) + 0.05) / (fmin(la, lb) + 0.05);
}

static void high_contrast_text_reaches_aaa_on_every_surface(void)
{
    Theme t = view_theme(THEME_HIGH_CONTRAST);
    Colour surfaces[] = {t.paper, t.card, t.header, t.panel, t.overview};
    for (size_t i = 0; i < sizeof surfaces / sizeof surfaces[0]; i++) {
        CHECK(contrast(t.ink, surfaces[i]) >= 7);
        CHECK(contrast(t.muted, surfaces[i]) >= 7);
        CHECK(contrast(t.focus, surfaces[i]) >= 7);
        CHECK(contrast(t.accent, surfaces[i]) >= 7);
    }
    /* the focus ring is never the selection's ink, in any theme */
    ThemeKind kinds[] = {THEME_LIGHT, THEME_DARK, THEME_PROJECTOR, THEME_HIGH_CONTRAST};
    for (size_t i = 0; i < 4; i++) {
        Theme k = view_theme(kinds[i]);
        CHECK(memcmp(&k.focus, &k.ink, sizeof k.ink) != 0);
    }
}

static void explore_ctrl_plus_minus_and_zero_change_the_text_size_the_layout_follows(void)
{
    Controller c;
    start(&c, VIEW_EXPLORE, NULL);
    int title = controller_frame(&c)->metrics.card_title_px;
    float card_w = controller_frame(&c)->metrics.card_w;
    for (int i = 0; i < 20; i++) key(&c, '+', MOD_CTRL);
    CHECK(c.s.text_scale == LAYOUT_TEXT_SCALE_MAX);
    const Frame *f = controller_frame(&c);
    CHECK(f->metrics.card_title_px >= 2 * title - 1);
    CHECK(f->metrics.card_w > 1.9f * card_w);
    for (int i = 0; i < f->layout.card_count; i++) {
        CHECK(f->layout.cards[i].w == f->metrics.card_w);
        for (int j = 0; j < i; j++) {
            const LayoutCard *a = &f->layout.cards[i], *b = &f->layout.cards[j];
            CHECK(!(a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h));
        }
    }
    key(&c, '-', MOD_CTRL);
    CHECK(c.s.text_scale == LAYOUT_TEXT_SCALE_MAX - LAYOUT_TEXT_SCALE_STEP);
    for (int i = 0; i < 20; i++) key(&c, '-', MOD_CTRL);
    CHECK(c.s.text_scale == LAYOUT_TEXT_SCALE_MIN);
    CHECK(controller_frame(&c)->metrics.small_px >= LAYOUT_MIN_TEXT_PX);
    key(&c, '0', MOD_CTRL);
    CHECK(c.s.text_scale == 1.0);
    CHECK_INT(controller_frame(&c)->metrics.card_title_px, title);
    /* plain + still zooms the timeline, not the text */
    key(&c, '+', 0);
    CHECK(c.s.text_scale == 1.0);
    controller_free(&c);
    ControllerDesc d = {.tour = -1, .today_days = 20000, .text_scale = 1.5};
    controller_init(&c, &tl, &d, MEASURE, 1920, 1080, 0);
    CHECK(c.s.text_scale == 1.5);
    controller_free(&c);
}

static void explore_a_tag_row_and_show_only_filter_by_tag_and_category(void)
{
    Controller c;
    start(&c, VIEW_EXPLORE, NULL);
    CHECK(c.s.tag_count > 2);
    /* the Themes menu lists the tags after the categories */
    tap_rect(&c, controller_frame(&c)->chrome.themes_button);
    const ViewChrome *ch = &controller_frame(&c)->chrome;
    CHECK_INT(ch->theme_row_count, tl.category_count);
    CHECK_INT(ch->tag_row_count, c.s.tag_count);
    int usa = -1;
    for (int t = 0; t < c.s.tag_count; t++)
        if (strcmp(c.s.tags[t], "USA") == 0) usa = t;
    CHECK(usa >= 0);
    if (usa >= 0 && usa < ch->tag_row_count) {
        tap_rect(&c, ch->tag_rows[usa]);
        CHECK_INT(c.s.filter.tag, usa);
        const Layout *l = &controller_frame(&c)->layout;
        CHECK(l->card_count > 0);
        for (int i = 0; i < l->card_count; i++) CHECK(search_event_has_tag(&tl.events[l->cards[i].event], "USA"));
        tap_rect(&c, controller_frame(&c)->chrome.tag_rows[usa]);
        CHECK_INT(c.s.filter.tag, -1);
    }
    /* --category and --tag */
    char why[160];
    CHECK(controller_filter_problem(&c, tl.categories[0].id, "usa", why, sizeof why));
    CHECK(!controller_filter_problem(&c, "no-such-theme", NULL, why, sizeof why) && strstr(why, "no-such-theme"));
    CHECK(!controller_filter_problem(&c, NULL, "no-such-tag", why, sizeof why) && strstr(why, "no-such-tag"));
    controller_show_only(&c, tl.categories[0].id, NULL);
    CHECK(!c.s.filter.category_hidden[0]);
    for (int i = 1; i < tl.category_count; i++) CHECK(c.s.filter.category_hidden[i]);
    controller_show_only(&c, NULL, "china");
    for (int i = 0; i < tl.category_count; i++) CHECK(!c.s.filter.category_hidden[i]);
    CHECK(c.s.filter.tag >= 0 && strcmp(c.s.tags[c.s.filter.tag], "China") == 0);
    const Layout *l = &controller_frame(&c)->layout;
    for (int i = 0; i < l->card_count; i++) CHECK(search_event_has_tag(&tl.events[l->cards[i].event], "China"));
    controller_show_only(&c, NULL, NULL);
    CHECK_INT(c.s.filter.tag, -1);
    controller_free(&c);
}

/* Tabs until the focus is of kind (and index, for languages), at most n times. */
static bool tab_to(Controller *c, FocusKind kind, int index, int n)
{
    for (int i = 0; i < n; i++) {
        key(c, KEY_TAB, 0);
        if (c->s.sel.focus_kind == kind && (kind != FOCUS_LANG || c->s.sel.focus_index == index)) return true;
    }
    return false;
}

static void keyboard_tab_reaches_badges_the_story_buttons_and_the_header_and_enter_uses_them(void)
{
    Controller c;
    start(&c, VIEW_EXPLORE, NULL);
    /* from nowhere: the first card, as before */
    key(&c, KEY_TAB, 0);
    CHECK_INT(c.s.sel.focus_kind, FOCUS_EVENT);
    CHECK(c.s.sel.focused >= 0);
    int n = controller_frame(&c)->layout.card_count + controller_frame(&c)->layout.cluster_count + 20;
    /* a badge: Enter opens its list (or its one story) */
    if (controller_frame(&c)->layout.cluster_count > 0) {
        CHECK(tab_to(&c, FOCUS_BADGE, 0, n));
        key(&c, KEY_RETURN, 0);
        CHECK(c.s.badge.open || c.s.sel.selected >= 0);
        key(&c, KEY_ESCAPE, 0);
        key(&c, KEY_ESCAPE, 0);
    }
    /* the header: the second language, then help */
    CHECK(tab_to(&c, FOCUS_LANG, 1, n));
    key(&c, KEY_RETURN, 0);
    CHECK_INT(c.s.lang, 1);
    CHECK(tab_to(&c, FOCUS_HELP, 0, n));
    key(&c, KEY_RETURN, 0);
    CHECK(c.s.help_open);
    /* R in the help: reduced motion changes and the help stays */
    bool motion = c.s.camera.reduced_motion;
    key(&c, 'r', 0);
    CHECK(c.s.camera.reduced_motion != motion);
    CHECK(c.s.help_open);
    CHECK(controller_frame(&c)->view.reduced_motion == c.s.camera.reduced_motion);
    key(&c, KEY_ESCAPE, 0);
    CHECK(!c.s.help_open);
    /* search */
    CHECK(tab_to(&c, FOCUS_SEARCH, 0, n));
    key(&c, KEY_RETURN, 0);
    CHECK(c.s.search.open);
    key(&c, KEY_ESCAPE, 0);
    CHECK(!c.s.search.open);
    /* themes: Enter opens the menu, Down and Enter hide the first category, Tab walks down to the tags */
    CHECK(tab_to(&c, FOCUS_THEMES, 0, n));
    key(&c, KEY_RETURN, 0);
    CHECK(c.s.themes_open);
    key(&c, KEY_RETURN, 0);
    CHECK(c.s.filter.category_hidden[0]);
    key(&c, ' ', 0);
    CHECK(!c.s.filter.category_hidden[0]);
    for (int i = 0; i < tl.category_count; i++) key(&c, KEY_DOWN, 0);
    key(&c, KEY_RETURN, 0);
    CHECK_INT(c.s.filter.tag, 0);
    key(&c, KEY_RETURN, 0);
    CHECK_INT(c.s.filter.tag, -1);
    key(&c, KEY_ESCAPE, 0);
    CHECK(!c.s.themes_open);
    /* the story's buttons: next, previous, close */
    key(&c, KEY_HOME, 0);
    settle(&c);
    CHECK(tab_to(&c, FOCUS_EVENT, 0, n));
    key(&c, KEY_RETURN, 0);
    int opened = c.s.sel.selected;
    CHECK(opened >= 0);
    CHECK(tab_to(&c, FOCUS_PANEL_NEXT, 0, n));
    key(&c, KEY_RETURN, 0);
    CHECK(c.s.sel.selected > opened);
    CHECK_INT(c.s.sel.focus_kind, FOCUS_PANEL_NEXT); /* the focus stays on the button for the next press */
    key(&c, KEY_TAB, 0);
    CHECK_INT(c.s.sel.focus_kind, FOCUS_PANEL_CLOSE);
    key(&c, KEY_RETURN, 0);
    CHECK_INT(c.s.sel.selected, -1);
    CHECK_INT(c.s.sel.focus_kind, FOCUS_EVENT);
    /* Shift+Tab from nowhere goes backwards: the help button is last */
    controller_free(&c);
    start(&c, VIEW_EXPLORE, NULL);
    key(&c, KEY_TAB, MOD_SHIFT);
    CHECK_INT(c.s.sel.focus_kind, FOCUS_HELP);
    controller_free(&c);
}

static void keyboard_focus_ring_is_drawn_apart_from_the_selection(void)
{
    Controller c;
    start(&c, VIEW_EXPLORE, NULL);
    key(&c, KEY_TAB, MOD_SHIFT); /* the help button */
    DrawList dl = {0};
    controller_build(&c, &dl);
    Rect h = controller_frame(&c)->chrome.help_button;
    Colour focus = controller_frame(&c)->theme.focus;
    bool ringed = false;
    for (int i = 0; i < dl.count; i++) {
        const DrawCmd *d = &dl.cmds[i];
        if (d->kind == DRAW_RECT && !d->filled && memcmp(&d->colour, &focus, sizeof focus) == 0 && d->x < h.x &&
            d->y < h.y && d->x + d->w > h.x + h.w && d->y + d->h > h.y + h.h)
            ringed = true;
    }
    CHECK(ringed);
    drawlist_free(&dl);
    controller_free(&c);
}


/* ---- the timeline area (issue 8) --------------------------------------------------------- */

static void hover(Controller *c, float x, float y)
{
    feed(c, (InputEvent){.type = INPUT_POINTER_MOVE, .x = x, .y = y});
}

static void touch_tap(Controller *c, float x, float y)
{
    feed(c, (InputEvent){.type = INPUT_POINTER_DOWN, .x = x, .y = y, .is_touch = true});
    feed(c, (InputEvent){.type = INPUT_POINTER_UP, .x = x, .y = y, .is_touch = true});
    clock_ms += 400; /* no double tap with the next one */
    controller_update(c, clock_ms);
}

/* The tooltip of the frame as it is now. */
static ViewTip tooltip(Controller *c)
{
    controller_frame(c);
    ViewInput in = controller_view_input(c);
    return view_tooltip(&in);
}

static bool drawn_text(Controller *c, const char *text)
{
    DrawList dl = {0};
    controller_build(c, &dl);
    bool found = false;
    for (int i = 0; i < dl.count && !found; i++)
        found = dl.cmds[i].kind == DRAW_TEXT && dl.cmds[i].text_len == strlen(text) &&
                memcmp(drawlist_cmd_text(&dl, &dl.cmds[i]), text, strlen(text)) == 0;
    drawlist_free(&dl);
    return found;
}

static void hide_every_theme(Controller *c)
{
    tap_rect(c, controller_frame(c)->chrome.themes_button);
    for (int i = 0; i < tl.category_count; i++) tap_rect(c, controller_frame(c)->chrome.theme_rows[i]);
    key(c, KEY_ESCAPE, 0);
}

static void explore_hiding_every_theme_says_so_and_show_all_brings_them_back(void)
{
    Controller c;
    start(&c, VIEW_EXPLORE, NULL);
    CHECK_INT((int)controller_frame(&c)->chrome.show_all_button.w, 0);
    hide_every_theme(&c);
    CHECK(!c.s.themes_open);
    for (int i = 0; i < tl.category_count; i++) CHECK(c.s.filter.category_hidden[i]);
    Rect b = controller_frame(&c)->chrome.show_all_button;
    CHECK(b.w > 0 && b.h >= LAYOUT_MIN_BUTTON_PX);
    const char *lang = tl.langs[c.s.lang];
    CHECK(drawn_text(&c, ui_text(UI_ALL_THEMES_HIDDEN, lang)));
    CHECK(drawn_text(&c, ui_text(UI_SHOW_ALL, lang)));
    cJSON *d = dump(&c);
    CHECK(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(d, "buttons"), "show_all") != NULL);
    cJSON_Delete(d);
    tap_rect(&c, b); /* the mouse or a finger */
    for (int i = 0; i < tl.category_count; i++) CHECK(!c.s.filter.category_hidden[i]);
    CHECK_INT((int)controller_frame(&c)->chrome.show_all_button.w, 0);
    CHECK(controller_frame(&c)->layout.card_count > 0);
    hide_every_theme(&c); /* the keyboard: the button is the first stop */
    key(&c, KEY_TAB, 0);
    CHECK_INT(c.s.sel.focus_kind, FOCUS_SHOW_ALL);
    key(&c, KEY_RETURN, 0);
    for (int i = 0; i < tl.category_count; i++) CHECK(!c.s.filter.category_hidden[i]);
    controller_free(&c);
}

/* The overview strip's ticks count what the filter shows. */
static float overview_ink(Controller *c)
{
    DrawList dl = {0};
    controller_build(c, &dl);
    const Frame *f = controller_frame(c);
    Rect o = f->chrome.overview;
    float area = 0;
    for (int i = 0; i < dl.count; i++) {
        const DrawCmd *d = &dl.cmds[i];
        if (d->kind == DRAW_RECT && d->filled && d->y >= o.y + o.h * 0.5f - 1 && d->y + d->h <= o.y + o.h + 1 &&
            d->w < 6 * f->metrics.ui && memcmp(&d->colour, &f->theme.muted, sizeof d->colour) == 0)
            area += d->w * d->h;
    }
    drawlist_free(&dl);
    return area;
}

static void explore_the_overview_strip_follows_the_themes_filter(void)
{
    Controller c;
    start(&c, VIEW_EXPLORE, NULL);
    float all = overview_ink(&c);
    CHECK(all > 0);
    tap_rect(&c, controller_frame(&c)->chrome.themes_button);
    tap_rect(&c, controller_frame(&c)->chrome.theme_rows[0]);
    key(&c, KEY_ESCAPE, 0);
    float some = overview_ink(&c);
    CHECK(some < all && some > 0);
    hide_every_theme(&c);
    CHECK(overview_ink(&c) < some);
    controller_free(&c);
}

static void explore_hovering_a_badge_shows_its_tooltip_and_a_click_opens_its_list_instead(void)
{
    Controller c;
    start(&c, VIEW_EXPLORE, NULL);
    const Layout *l = &controller_frame(&c)->layout;
    int k = -1;
    for (int i = 0; i < l->cluster_count && k < 0; i++) if (l->clusters[i].count > 1) k = i;
    if (k < 0) { /* zoom out until there is a badge */
        for (int n = 0; n < 6 && k < 0; n++) {
            key(&c, '-', 0);
            settle(&c);
            l = &controller_frame(&c)->layout;
            for (int i = 0; i < l->cluster_count && k < 0; i++) if (l->clusters[i].count > 1) k = i;
        }
    }
    CHECK(k >= 0);
    if (k < 0) {
        controller_free(&c);
        return;
    }
    LayoutCluster b = l->clusters[k];
    hover(&c, b.x, b.y);
    ViewTip tip = tooltip(&c);
    CHECK_INT(tip.kind, TIP_BADGE);
    CHECK_INT(tip.index, k);
    cJSON *d = dump(&c);
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(d, "tooltip");
    CHECK_STR(dump_string(t, "kind"), "badge");
    CHECK_INT((int)dump_number(t, "count"), b.count);
    cJSON_Delete(d);
    /* the tooltip says the count and the first title */
    char count[64];
    snprintf(count, sizeof count, "%d %s", b.count, ui_text(UI_BADGE_EVENTS, tl.langs[c.s.lang]));
    CHECK(drawn_text(&c, count));
    tap(&c, b.x, b.y); /* the list replaces the tooltip */
    CHECK(c.s.badge.open);
    CHECK(tooltip(&c).kind != TIP_BADGE);
    key(&c, KEY_ESCAPE, 0);
    hover(&c, b.x, controller_frame(&c)->regions.overview_y0 + 2); /* away: no tooltip */
    CHECK_INT(tooltip(&c).kind, TIP_NONE);
    hover(&c, b.x, b.y);
    CHECK_INT(tooltip(&c).kind, TIP_BADGE);
    feed(&c, (InputEvent){.type = INPUT_POINTER_LEAVE, .t_ms = clock_ms}); /* out of the window: gone */
    CHECK_INT(tooltip(&c).kind, TIP_NONE);
    CHECK_INT(c.s.sel.hovered, -1);
    controller_free(&c);
}

/* An era whose label is cut: its whole name on hover and on a tap. */
static void explore_a_cut_era_name_shows_whole_on_hover_and_on_tap(void)
{
    Controller c;
    start(&c, VIEW_EXPLORE, NULL);
    const Frame *f = controller_frame(&c);
    int cut = -1, whole = -1;
    float cut_x = 0, whole_x = 0, lane_y = 0;
    for (int n = 0; n < 8 && cut < 0; n++) {
        f = controller_frame(&c);
        for (int i = 0; i < tl.era_count; i++) {
            const Era *e = &tl.eras[i];
            float x0 = fmaxf((float)scale_time_to_px(&f->view.scale, e->start_days), f->regions.timeline_x0);
            float x1 = fminf((float)scale_time_to_px(&f->view.scale, e->end_days), f->regions.timeline_x1);
            if (x1 - x0 < 8) continue;
            const char *label = timeline_text(&tl, &e->label, c.s.lang);
            float w = MEASURE.width(NULL, FONT_REGULAR, f->metrics.small_px, label, strlen(label));
            bool is_cut = w > x1 - x0 - 12 * f->metrics.ui || x1 - x0 - 12 * f->metrics.ui <= 40 * f->metrics.ui;
            float y = f->regions.lanes_y0 + (e->lane + 0.5f) * f->metrics.lane_h;
            for (float x = x0 + 2; is_cut && cut < 0 && x < x1 - 2; x += 2) /* a spot no badge covers */
                if (layout_cluster_at(&f->layout, x, y) < 0 && layout_card_at(&f->layout, x, y) < 0 &&
                    view_era_at(&tl, e->lane, scale_px_to_time(&f->view.scale, x)) == i)
                    cut = i, cut_x = x, lane_y = y;
            if (!is_cut && whole < 0 && e->lane == 0) whole = i, whole_x = (x0 + x1) / 2;
        }
        if (cut < 0) { /* zoom out until one is cut */
            key(&c, '-', 0);
            settle(&c);
        }
    }
    CHECK(cut >= 0);
    if (cut < 0) {
        controller_free(&c);
        return;
    }
    bool clear = view_era_at(&tl, tl.eras[cut].lane, scale_px_to_time(&controller_frame(&c)->view.scale, cut_x)) == cut &&
                 layout_card_at(&controller_frame(&c)->layout, cut_x, lane_y) < 0 &&
                 layout_cluster_at(&controller_frame(&c)->layout, cut_x, lane_y) < 0;
    CHECK(clear); /* the fixture's cut era has a free spot in its lane */
    if (clear) {
        hover(&c, cut_x, lane_y);
        ViewTip tip = tooltip(&c);
        CHECK_INT(tip.kind, TIP_ERA);
        CHECK_INT(tip.index, cut);
        CHECK(drawn_text(&c, timeline_text(&tl, &tl.eras[cut].label, c.s.lang)));
        c.s.sel.pointer_rests = false; /* a touch screen: no hover, a tap */
        touch_tap(&c, cut_x, lane_y);
        CHECK_INT(tooltip(&c).kind, TIP_ERA);
        CHECK(c.s.sel.era_tapped);
        touch_tap(&c, controller_frame(&c)->regions.timeline_x0 + 4, controller_frame(&c)->regions.content_y0 + 4);
        CHECK(!c.s.sel.era_tapped);
        CHECK_INT(tooltip(&c).kind, TIP_NONE);
    }
    if (whole >= 0) { /* a label shown whole needs no tooltip */
        f = controller_frame(&c);
        float y = f->regions.lanes_y0 + 0.5f * f->metrics.lane_h;
        if (layout_cluster_at(&f->layout, whole_x, y) < 0 && layout_card_at(&f->layout, whole_x, y) < 0) {
            hover(&c, whole_x, y);
            CHECK_INT(tooltip(&c).kind, TIP_NONE);
        }
    }
    controller_free(&c);
}

int main(void)
{
    load_fixture();
    RUN(explore_ctrl_o_asks_for_files_and_the_list_hands_back_the_row_chosen);
    RUN(explore_t_cycles_light_dark_and_high_contrast);
    RUN(high_contrast_text_reaches_aaa_on_every_surface);
    RUN(explore_ctrl_plus_minus_and_zero_change_the_text_size_the_layout_follows);
    RUN(explore_a_tag_row_and_show_only_filter_by_tag_and_category);
    RUN(keyboard_tab_reaches_badges_the_story_buttons_and_the_header_and_enter_uses_them);
    RUN(keyboard_focus_ring_is_drawn_apart_from_the_selection);
    RUN(explore_hiding_every_theme_says_so_and_show_all_brings_them_back);
    RUN(explore_the_overview_strip_follows_the_themes_filter);
    RUN(explore_hovering_a_badge_shows_its_tooltip_and_a_click_opens_its_list_instead);
    RUN(explore_a_cut_era_name_shows_whole_on_hover_and_on_tap);
    RUN(explore_a_tap_on_a_card_opens_its_story_and_escape_closes_it);
    RUN(explore_search_finds_what_is_typed_and_return_opens_the_first_result);
    RUN(explore_a_theme_row_hides_its_category_from_the_layout);
    RUN(explore_ctrl_r_asks_for_a_reload_and_ctrl_q_for_quitting);
    RUN(explore_a_banner_goes_at_the_next_key);
    RUN(present_f5_opens_the_chooser_and_escape_returns_to_exploring);
    RUN(present_clicker_keys_step_through_the_tour_and_land_on_each_event);
    RUN(present_b_blacks_the_screen_and_any_key_brings_it_back_without_stepping);
    RUN(kiosk_starts_in_the_attract_loop_and_steps_on_by_itself);
    RUN(kiosk_a_touch_hands_over_and_idleness_counts_down_then_resets);
    RUN(kiosk_swallows_quit_reload_fullscreen_and_present_keys);
    RUN(kiosk_a_long_corner_press_opens_the_pin_pad_and_only_the_right_pin_quits);
    RUN(runner_replays_a_script_on_a_virtual_clock_and_dumps_without_sdl);
    timeline_free(&tl);
    return TEST_REPORT();
}
