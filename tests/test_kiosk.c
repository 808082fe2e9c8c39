/* test_kiosk.c: specifications of the kiosk (issue 9): the attract loop's
 * title slide, a Home button always in reach, no developer message on
 * screen, touch targets on portrait screens, and a PIN pad that says when a
 * code is wrong, stays open, and locks for a minute after five wrong codes. */
#include "interact_harness.h"
#include "test.h"
#include "view_present.h"

static bool draws_text(Controller *c, const char *needle)
{
    DrawList dl = {0};
    controller_build(c, &dl);
    bool found = false;
    for (int k = 0; k < dl.count && !found; k++)
        if (dl.cmds[k].kind == DRAW_TEXT && dl.cmds[k].text_len >= strlen(needle))
            for (uint32_t i = 0; i + strlen(needle) <= dl.cmds[k].text_len && !found; i++)
                found = memcmp(drawlist_cmd_text(&dl, &dl.cmds[k]) + i, needle, strlen(needle)) == 0;
    drawlist_free(&dl);
    return found;
}

static Rect home_button(Controller *c)
{
    const Frame *f = controller_frame(c);
    return view_home_button(&f->view, &f->regions, &f->metrics);
}

/* ---- the attract loop ------------------------------------------------------------------------ */

static void kiosk_attract_loop_opens_on_its_title_slide_then_walks_the_tour_and_comes_round(void)
{
    Controller c;
    start_at(&c, VIEW_KIOSK, 0, NULL, 1920, 1080);
    cJSON *d = dump(&c);
    CHECK_STR(dump_string(d, "slide"), "title");
    CHECK_STR(dump_string(d, "kiosk_state"), "attract");
    cJSON_Delete(d);
    CHECK(draws_text(&c, "Touchez l’écran pour explorer"));
    CHECK(draws_text(&c, "Touch the screen to explore")); /* in each of the installation's languages */
    CHECK(draws_text(&c, timeline_text(&tl, &tl.title, 0)));
    wait_ms(&c, KIOSK_TITLE_SLIDE_MS + 1);
    CHECK_INT(c.kiosk.attract.current, 0);
    int n = steps_count(&tl, 0);
    for (int i = 0; i < n; i++) wait_ms(&c, controller_next_timer_ms(&c) + 1);
    CHECK_INT(c.kiosk.attract.current, -1); /* round again: the title slide */
    controller_free(&c);
}

/* ---- Home ------------------------------------------------------------------------------------------ */

static void kiosk_home_button_is_always_on_screen_and_at_least_64_px(void)
{
    static const float sizes[][2] = {{800, 600}, {1280, 720}, {1920, 1080}, {1080, 1920}, {3840, 2160}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        Controller c;
        start_at(&c, VIEW_KIOSK, 0, NULL, sizes[i][0], sizes[i][1]);
        for (int phase = 0; phase < 2; phase++) {
            Rect r = home_button(&c);
            CHECK(r.h >= 64 && r.w >= 64);
            CHECK(r.x >= 0 && r.y >= 0 && r.x + r.w <= sizes[i][0] && r.y + r.h <= sizes[i][1]);
            CHECK(r.y > sizes[i][1] / 2); /* low: in a visitor's reach */
            cJSON *d = dump(&c);
            const cJSON *home = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(d, "buttons"), "home");
            CHECK(cJSON_IsObject(home));
            cJSON_Delete(d);
            tap(&c, sizes[i][0] / 2, sizes[i][1] / 2); /* the visitor's kiosk: still there */
        }
        controller_free(&c);
    }
}

static void kiosk_home_after_the_hand_over_flies_back_to_the_whole_timeline(void)
{
    Controller c;
    start_at(&c, VIEW_KIOSK, 0, NULL, 1920, 1080);
    wait_ms(&c, KIOSK_TITLE_SLIDE_MS + 1);
    wait_ms(&c, 1);
    settle(&c);
    tap(&c, 960, 300); /* hands over wherever the loop was */
    CHECK_INT(c.kiosk.phase, KIOSK_VISITOR);
    double from, to;
    session_home_range(&c.s, &from, &to);
    CHECK(fabs(scale_left_days(&c.s.camera.scale) - from) > 30); /* not home yet */
    tap_rect(&c, home_button(&c));
    settle(&c);
    CHECK_NEAR(scale_left_days(&c.s.camera.scale), from, 2);
    CHECK_NEAR(scale_right_days(&c.s.camera.scale), to, 2);
    CHECK_INT(c.s.sel.selected, -1);
    CHECK_INT(c.kiosk.phase, KIOSK_VISITOR);
    controller_free(&c);
}

static void kiosk_home_in_the_attract_loop_hands_over_at_home(void)
{
    Controller c;
    start_at(&c, VIEW_KIOSK, 0, NULL, 1920, 1080);
    wait_ms(&c, KIOSK_TITLE_SLIDE_MS + 1);
    tap_rect(&c, home_button(&c));
    CHECK_INT(c.kiosk.phase, KIOSK_VISITOR);
    CHECK_INT(c.s.sel.selected, -1);
    settle(&c);
    double from, to;
    session_home_range(&c.s, &from, &to);
    CHECK_NEAR(scale_left_days(&c.s.camera.scale), from, 2);
    controller_free(&c);
}

static void kiosk_a_tap_on_the_title_goes_home(void)
{
    Controller c;
    start_at(&c, VIEW_KIOSK, 0, NULL, 1920, 1080);
    tap(&c, 960, 600);
    camera_zoom_by(&c.s.camera, 8, 960, clock_ms);
    settle(&c);
    tap(&c, 60, controller_frame(&c)->regions.header_y1 / 2 + 10); /* below the exit corner's reach in time */
    settle(&c);
    double from, to;
    session_home_range(&c.s, &from, &to);
    CHECK_NEAR(scale_left_days(&c.s.camera.scale), from, 2);
    controller_free(&c);
}

/* ---- no developer messages ----------------------------------------------------------------------- */

static void kiosk_never_shows_the_load_banner(void)
{
    Controller c;
    start_at(&c, VIEW_KIOSK, 0, NULL, 1280, 720);
    controller_set_banner(&c, "broken.json: 4 problems. Run frise --check for the full list.");
    CHECK(!draws_text(&c, "frise --check"));
    cJSON *d = dump(&c);
    CHECK(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(d, "banner")));
    cJSON_Delete(d);
    controller_free(&c);
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1280, 720); /* the explorer still shows it */
    controller_set_banner(&c, "broken.json: 4 problems. Run frise --check for the full list.");
    CHECK(draws_text(&c, "frise --check"));
    controller_free(&c);
}

/* ---- the PIN pad ------------------------------------------------------------------------------------ */

static void open_pad(Controller *c)
{
    feed(c, (InputEvent){.type = INPUT_POINTER_DOWN, .x = 10, .y = 10, .pointer_id = 1, .is_touch = true});
    wait_ms(c, 5001);
    feed(c, (InputEvent){.type = INPUT_POINTER_UP, .x = 10, .y = 10, .pointer_id = 1, .is_touch = true});
}

static void type_pin(Controller *c, const char *pin)
{
    for (const char *p = pin; *p; p++) key(c, *p, 0);
    key(c, KEY_RETURN, 0);
}

static void kiosk_a_wrong_pin_says_so_and_the_pad_stays_open_for_another_try(void)
{
    Controller c;
    start_at(&c, VIEW_KIOSK, 0, "2468", 1280, 720);
    open_pad(&c);
    type_pin(&c, "1111");
    CHECK(c.kiosk.pin_pad);
    CHECK(!c.requests.quit);
    cJSON *d = dump(&c);
    const cJSON *pin = cJSON_GetObjectItemCaseSensitive(d, "pin");
    CHECK_STR(dump_string(pin, "state"), "wrong");
    CHECK_INT(dump_number(pin, "wrong"), 1);
    cJSON_Delete(d);
    CHECK(draws_text(&c, "Code incorrect"));
    key(&c, '2', 0); /* typing again clears the message */
    CHECK_INT(c.kiosk.pin_state, PIN_ENTRY);
    key(&c, KEY_BACKSPACE, 0);
    type_pin(&c, "2468");
    CHECK(c.requests.quit);
    controller_free(&c);
}

static void kiosk_five_wrong_pins_lock_the_pad_for_a_minute_even_when_closed_and_opened(void)
{
    Controller c;
    start_at(&c, VIEW_KIOSK, 0, "2468", 1280, 720);
    open_pad(&c);
    for (int i = 0; i < 4; i++) type_pin(&c, "0000");
    key(&c, KEY_ESCAPE, 0); /* closing does not forget the tries */
    open_pad(&c);
    type_pin(&c, "0000");
    CHECK_INT(c.kiosk.pin_state, PIN_LOCKED);
    cJSON *d = dump(&c);
    const cJSON *pin = cJSON_GetObjectItemCaseSensitive(d, "pin");
    CHECK_STR(dump_string(pin, "state"), "locked");
    CHECK(dump_number(pin, "locked_s") > 50);
    cJSON_Delete(d);
    CHECK(draws_text(&c, "Trop d’essais"));
    type_pin(&c, "2468"); /* the right code, but locked: nothing */
    CHECK(!c.requests.quit);
    CHECK(controller_next_timer_ms(&c) <= 1000); /* the seconds tick down on the pad */
    wait_ms(&c, 30000);
    type_pin(&c, "2468");
    CHECK(!c.requests.quit);
    wait_ms(&c, 30100);
    CHECK_INT(c.kiosk.pin_state, PIN_ENTRY);
    CHECK(c.kiosk.pin_pad);
    type_pin(&c, "2468");
    CHECK(c.requests.quit);
    controller_free(&c);
}

/* ---- portrait ------------------------------------------------------------------------------------------ */

static void kiosk_portrait_1080x1920_keeps_its_own_touch_targets_at_least_64_px(void)
{
    Controller c;
    start_at(&c, VIEW_KIOSK, 0, "2468", 1080, 1920);
    tap(&c, 540, 900);
    Rect home = home_button(&c);
    CHECK(home.h >= 64);
    open_pad(&c);
    const Frame *f = controller_frame(&c);
    for (int i = 0; i < 12; i++) CHECK(f->chrome.pin_keys[i].h >= 60);
    controller_free(&c);
}

int main(void)
{
    load_fixture_file(FRISE_TEST_DATA "/good/full.json");
    RUN(kiosk_attract_loop_opens_on_its_title_slide_then_walks_the_tour_and_comes_round);
    RUN(kiosk_home_button_is_always_on_screen_and_at_least_64_px);
    RUN(kiosk_home_after_the_hand_over_flies_back_to_the_whole_timeline);
    RUN(kiosk_home_in_the_attract_loop_hands_over_at_home);
    RUN(kiosk_a_tap_on_the_title_goes_home);
    RUN(kiosk_never_shows_the_load_banner);
    RUN(kiosk_a_wrong_pin_says_so_and_the_pad_stays_open_for_another_try);
    RUN(kiosk_five_wrong_pins_lock_the_pad_for_a_minute_even_when_closed_and_opened);
    RUN(kiosk_portrait_1080x1920_keeps_its_own_touch_targets_at_least_64_px);
    timeline_free(&tl);
    return TEST_REPORT();
}
