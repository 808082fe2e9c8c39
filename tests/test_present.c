/* test_present.c: specifications of presenting (issue 9): a walk bounded by
 * its title and end slides, the F5 chooser and resuming, quitting only on
 * purpose, the presented card fitted to its room at every size, the whole
 * story on demand, and the presenter's screen. Driven by plain input events
 * on a virtual clock, measured with the fake fixed-width measurer. */
#include "interact_harness.h"
#include "test.h"
#include "view_present.h"
#include "view_presenter.h"

static const int CLICKER_KEYS[] = {KEY_PAGEDOWN, KEY_PAGEUP, KEY_F5, KEY_ESCAPE, 'b', '.', KEY_RETURN, KEY_SPACE,
                                   KEY_RIGHT, KEY_LEFT, KEY_UP, KEY_DOWN};

/* ---- the walk and its slides ------------------------------------------------------------- */

static void present_page_down_past_the_last_step_shows_the_end_slide_and_stays_there(void)
{
    Controller c;
    start_at(&c, VIEW_PRESENT, 0, NULL, 1280, 720);
    int n = steps_count(&tl, 0);
    key(&c, KEY_END, 0);
    CHECK_INT(c.present.steps.current, n - 1);
    for (int i = 0; i < 3; i++) key(&c, KEY_PAGEDOWN, 0); /* a clicker's overshoot */
    CHECK_INT(present_slide(&c), SLIDE_END);
    CHECK_INT(c.present.steps.current, n);
    CHECK_INT(c.s.sel.selected, -1);
    cJSON *d = dump(&c);
    CHECK_STR(dump_string(d, "slide"), "end");
    CHECK_STR(dump_string(d, "mode"), "present");
    CHECK_INT(dump_number(d, "step"), n);
    cJSON_Delete(d);
    key(&c, KEY_PAGEUP, 0); /* one back: the last step again, never the first */
    CHECK_INT(c.present.steps.current, n - 1);
    CHECK_STR(id_of(c.s.sel.selected), id_of(steps_event(&tl, 0, n - 1)));
    controller_free(&c);
}

static void present_page_up_from_the_first_step_shows_the_title_slide_and_never_the_end(void)
{
    Controller c;
    start_at(&c, VIEW_PRESENT, 0, NULL, 1280, 720);
    CHECK_INT(c.present.steps.current, 0); /* --present starts on the first step, as before */
    for (int i = 0; i < 4; i++) key(&c, KEY_PAGEUP, 0);
    CHECK_INT(present_slide(&c), SLIDE_TITLE);
    CHECK_INT(c.present.steps.current, -1);
    cJSON *d = dump(&c);
    CHECK_STR(dump_string(d, "slide"), "title");
    CHECK_INT(dump_number(d, "step"), 0);
    CHECK(cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(d, "slide_card")));
    cJSON_Delete(d);
    key(&c, KEY_PAGEDOWN, 0);
    CHECK_INT(c.present.steps.current, 0);
    controller_free(&c);
}

static void present_home_and_end_jump_to_the_first_and_last_steps_even_from_a_slide(void)
{
    Controller c;
    start_at(&c, VIEW_PRESENT, -1, NULL, 1280, 720);
    key(&c, KEY_PAGEUP, 0);
    CHECK_INT(present_slide(&c), SLIDE_TITLE);
    key(&c, KEY_END, 0);
    CHECK_INT(c.present.steps.current, tl.event_count - 1);
    key(&c, KEY_PAGEDOWN, 0);
    CHECK_INT(present_slide(&c), SLIDE_END);
    key(&c, KEY_HOME, 0);
    CHECK_INT(c.present.steps.current, 0);
    CHECK_STR(id_of(c.s.sel.selected), id_of(0));
    controller_free(&c);
}

static void present_a_click_on_the_end_slide_stays_on_it(void)
{
    Controller c;
    start_at(&c, VIEW_PRESENT, 0, NULL, 1280, 720);
    key(&c, KEY_END, 0);
    key(&c, KEY_PAGEDOWN, 0);
    tap(&c, 20, 700);
    tap(&c, 20, 700);
    CHECK_INT(present_slide(&c), SLIDE_END);
    controller_free(&c);
}

/* ---- the chooser and resuming --------------------------------------------------------------- */

static void present_f5_from_the_explorer_opens_the_chooser_on_the_first_tour(void)
{
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1280, 720);
    key(&c, KEY_F5, 0);
    CHECK(c.present.chooser);
    cJSON *d = dump(&c);
    const cJSON *chooser = cJSON_GetObjectItemCaseSensitive(d, "chooser");
    CHECK(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(chooser, "open")));
    CHECK_INT(dump_number(chooser, "row"), 0);
    const cJSON *rows = cJSON_GetObjectItemCaseSensitive(chooser, "rows");
    CHECK_INT(cJSON_GetArraySize(rows), tl.tour_count + 1);
    CHECK_STR(cJSON_GetArrayItem(rows, 0)->valuestring, tl.tours[0].id);
    CHECK_STR(cJSON_GetArrayItem(rows, tl.tour_count)->valuestring, "*");
    const cJSON *buttons = cJSON_GetObjectItemCaseSensitive(d, "buttons");
    CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(buttons, "chooser_rows")), tl.tour_count + 1);
    cJSON_Delete(d);
    /* A clicker's "present" button again starts the highlighted tour, at its title slide. */
    key(&c, KEY_F5, 0);
    CHECK(!c.present.chooser);
    CHECK_INT(c.present.steps.tour, 0);
    CHECK_INT(present_slide(&c), SLIDE_TITLE);
    key(&c, KEY_PAGEDOWN, 0);
    CHECK_STR(id_of(c.s.sel.selected), id_of(steps_event(&tl, 0, 0)));
    controller_free(&c);
}

static void present_chooser_rows_move_with_the_clicker_and_enter_starts_every_event(void)
{
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1280, 720);
    key(&c, KEY_F5, 0);
    for (int i = 0; i < 5; i++) key(&c, KEY_PAGEDOWN, 0); /* clamped at the last row */
    CHECK_INT(c.present.chooser_row, tl.tour_count);
    key(&c, KEY_PAGEUP, 0);
    CHECK_INT(c.present.chooser_row, tl.tour_count - 1);
    key(&c, KEY_PAGEDOWN, 0);
    key(&c, KEY_RETURN, 0);
    CHECK_INT(c.present.steps.tour, -1);
    CHECK_INT(steps_count(&tl, c.present.steps.tour), tl.event_count);
    controller_free(&c);
}

static void present_a_tap_on_a_chooser_row_starts_it_and_a_tap_beside_goes_back(void)
{
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1280, 720);
    key(&c, KEY_F5, 0);
    const Frame *f = controller_frame(&c);
    Rect all = view_chooser_row(&tl, &f->regions, &f->metrics, tl.tour_count);
    CHECK(all.w > 0 && all.h >= 60);
    tap_rect(&c, all);
    CHECK(!c.present.chooser);
    CHECK_INT(c.present.steps.tour, -1);
    key(&c, KEY_ESCAPE, 0);
    key(&c, KEY_F5, 0);
    CHECK(c.present.chooser);
    tap(&c, 5, 5);
    CHECK_INT(c.mode, VIEW_EXPLORE);
    controller_free(&c);
}

static void present_leaving_and_coming_back_resumes_at_the_same_step(void)
{
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1280, 720);
    key(&c, KEY_F5, 0);
    key(&c, KEY_F5, 0); /* the first tour */
    for (int i = 0; i < 3; i++) key(&c, KEY_PAGEDOWN, 0);
    CHECK_INT(c.present.steps.current, 2);
    key(&c, KEY_ESCAPE, 0);
    CHECK_INT(c.mode, VIEW_EXPLORE);
    key(&c, KEY_F5, 0);
    CHECK(c.present.chooser);
    CHECK_INT(c.present.chooser_row, 0); /* the walk in progress */
    cJSON *d = dump(&c);
    CHECK_INT(dump_number(cJSON_GetObjectItemCaseSensitive(d, "chooser"), "row"), 0);
    cJSON_Delete(d);
    key(&c, KEY_F5, 0);
    CHECK_INT(c.present.steps.current, 2);
    CHECK_STR(id_of(c.s.sel.selected), id_of(steps_event(&tl, 0, 2)));
    CHECK_INT(c.present.starts, 1); /* resumed, not begun again */
    controller_free(&c);
}

/* ---- quitting ---------------------------------------------------------------------------------- */

static void present_clicker_keys_never_quit(void)
{
    Controller c;
    start_at(&c, VIEW_PRESENT, 0, NULL, 1280, 720);
    for (int round = 0; round < 3; round++)
        for (size_t i = 0; i < sizeof CLICKER_KEYS / sizeof CLICKER_KEYS[0]; i++) {
            key(&c, CLICKER_KEYS[i], 0);
            CHECK(!c.requests.quit);
        }
    controller_free(&c);
}

static void present_q_asks_first_and_q_again_quits(void)
{
    Controller c;
    start_at(&c, VIEW_PRESENT, 0, NULL, 1280, 720);
    key(&c, 'q', 0);
    CHECK(!c.requests.quit);
    CHECK(c.present.quit_confirm);
    cJSON *d = dump(&c);
    CHECK(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(d, "quit_confirm")));
    cJSON_Delete(d);
    key(&c, 'q', 0);
    CHECK(c.requests.quit);
    controller_free(&c);
}

static void present_any_other_key_after_q_carries_on_without_stepping(void)
{
    Controller c;
    start_at(&c, VIEW_PRESENT, 0, NULL, 1280, 720);
    key(&c, 'q', 0);
    key(&c, KEY_PAGEDOWN, 0);
    CHECK(!c.requests.quit);
    CHECK(!c.present.quit_confirm);
    CHECK_INT(c.present.steps.current, 0);
    controller_free(&c);
}

static void present_ctrl_q_quits_at_once_and_a_window_close_asks_first(void)
{
    Controller c;
    start_at(&c, VIEW_PRESENT, 0, NULL, 1280, 720);
    feed(&c, (InputEvent){.type = INPUT_QUIT});
    CHECK(!c.requests.quit);
    CHECK(c.present.quit_confirm);
    feed(&c, (InputEvent){.type = INPUT_QUIT});
    CHECK(c.requests.quit);
    controller_free(&c);
    start_at(&c, VIEW_PRESENT, 0, NULL, 1280, 720);
    key(&c, 'q', MOD_CTRL);
    CHECK(c.requests.quit);
    controller_free(&c);
}

/* ---- the presented card ------------------------------------------------------------------------ */

static bool inside_rect(Rect outer, Rect inner)
{
    return inner.x >= outer.x - 0.5f && inner.y >= outer.y - 0.5f && inner.x + inner.w <= outer.x + outer.w + 0.5f &&
           inner.y + inner.h <= outer.y + outer.h + 0.5f;
}

static void presented_card_fits_its_room_from_800x600_to_4k_and_grows_with_the_screen(void)
{
    static const float sizes[][2] = {{800, 600}, {1280, 720}, {1920, 1080}, {2560, 1440}, {3840, 2160}, {1080, 1920}};
    float last_px = 0;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        Controller c;
        start_at(&c, VIEW_PRESENT, -1, NULL, sizes[i][0], sizes[i][1]);
        c.desc.large = true; /* the projector's style */
        settle(&c);
        ViewInput in = frame_input(&c);
        PresentedCard card = view_presented_card(&in);
        CHECK(card.box.w > 0);
        CHECK(inside_rect(controller_frame(&c)->chrome.panel, card.box));
        CHECK(card.scale >= VIEW_PRESENT_SCALE_MIN - 1e-4f && card.scale <= VIEW_PRESENT_SCALE_MAX + 1e-4f);
        float title_px = controller_frame(&c)->metrics.panel_title_px * card.scale;
        if (sizes[i][0] > sizes[i][1] && i > 0) CHECK(title_px >= last_px * 0.95f); /* landscape: never smaller */
        if (sizes[i][0] > sizes[i][1]) last_px = title_px;
        /* Nothing is drawn outside the window. */
        DrawList dl = {0};
        controller_build(&c, &dl);
        for (int k = 0; k < dl.count; k++)
            if (dl.cmds[k].kind == DRAW_TEXT) CHECK(dl.cmds[k].x >= 0 && dl.cmds[k].x < sizes[i][0]);
        drawlist_free(&dl);
        controller_free(&c);
    }
}

static void presented_card_keeps_the_whole_title_and_summary_at_800x600(void)
{
    Controller c;
    start_at(&c, VIEW_PRESENT, -1, NULL, 800, 600);
    for (int step = 0; step < tl.event_count; step++) {
        present_go(&c, step);
        DrawList dl = {0};
        controller_build(&c, &dl);
        /* The summary's last word is on screen: nothing was cut. */
        const char *summary = timeline_text(&tl, &tl.events[step].summary, c.s.lang);
        const char *last = strrchr(summary, ' ');
        last = last ? last + 1 : summary;
        bool found = false;
        for (int k = 0; k < dl.count && !found; k++)
            if (dl.cmds[k].kind == DRAW_TEXT) {
                const char *t = drawlist_cmd_text(&dl, &dl.cmds[k]);
                size_t n = strlen(last);
                found = dl.cmds[k].text_len >= n && memcmp(t + dl.cmds[k].text_len - n, last, n) == 0;
            }
        CHECK(found);
        if (!found) fprintf(stderr, "  step %d (%s): the summary's end \"%s\" is not drawn\n", step, id_of(step), last);
        drawlist_free(&dl);
    }
    controller_free(&c);
}

static void present_e_expands_the_story_with_its_sources_and_back(void)
{
    Controller c;
    start_at(&c, VIEW_PRESENT, -1, NULL, 1920, 1080);
    int event = -1;
    for (int e = 0; e < tl.event_count && event < 0; e++)
        if (tl.events[e].source_count > 0) event = e;
    CHECK(event >= 0);
    present_go(&c, event);
    key(&c, 'e', 0);
    CHECK(c.present.expanded);
    cJSON *d = dump(&c);
    CHECK(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(d, "story_expanded")));
    cJSON_Delete(d);
    DrawList dl = {0};
    controller_build(&c, &dl);
    bool sources = false;
    for (int k = 0; k < dl.count; k++)
        if (dl.cmds[k].kind == DRAW_TEXT && dl.cmds[k].text_len == strlen("Sources") &&
            memcmp(drawlist_cmd_text(&dl, &dl.cmds[k]), "Sources", 7) == 0)
            sources = true;
    CHECK(sources);
    drawlist_free(&dl);
    key(&c, KEY_ESCAPE, 0); /* back to the card, still presenting */
    CHECK(!c.present.expanded);
    CHECK_INT(c.mode, VIEW_PRESENT);
    controller_free(&c);
}

static void present_a_click_on_the_card_expands_it_and_a_click_elsewhere_steps_on(void)
{
    Controller c;
    start_at(&c, VIEW_PRESENT, 0, NULL, 1280, 720);
    present_go(&c, 1); /* step 1 of the fixture's tour is a view: nothing to expand */
    settle(&c);
    ViewInput in = frame_input(&c);
    Rect card = view_presented_card(&in).box;
    tap_rect(&c, card);
    CHECK(c.present.expanded);
    tap(&c, 640, 360);
    CHECK(!c.present.expanded);
    CHECK_INT(c.present.steps.current, 1);
    tap(&c, 5, 700); /* not on the card */
    CHECK_INT(c.present.steps.current, 2);
    controller_free(&c);
}

/* ---- the presenter's screen ---------------------------------------------------------------------- */

static void presenter_info_shows_the_step_the_next_one_and_the_time_since_the_start(void)
{
    Controller c;
    start_at(&c, VIEW_PRESENT, 0, NULL, 1280, 720);
    wait_ms(&c, 65000);
    key(&c, KEY_PAGEDOWN, 0);
    PresenterInfo info;
    present_presenter_info(&c, 14 * 3600 + 5 * 60, &info);
    CHECK_INT(info.now.step, 2);
    CHECK_INT(info.now.event, steps_event(&tl, 0, 1));
    CHECK(info.has_next);
    CHECK_INT(info.next.step, 3);
    CHECK_NEAR(info.elapsed_s, 65.04, 0.1);
    key(&c, KEY_END, 0);
    present_presenter_info(&c, 0, &info);
    CHECK_INT(info.next.slide, SLIDE_END);
    key(&c, KEY_PAGEDOWN, 0);
    present_presenter_info(&c, 0, &info);
    CHECK_INT(info.now.slide, SLIDE_END);
    CHECK(!info.has_next);
    /* Its screen: the clock and the next step's title are drawn. */
    key(&c, KEY_HOME, 0);
    present_presenter_info(&c, 14 * 3600 + 5 * 60, &info);
    Theme th = view_theme(THEME_DARK);
    PresenterInput pin = {&tl, &info, &MEASURE, &th, 1280, 800};
    DrawList dl = {0};
    presenter_build(&dl, &pin);
    bool clock = false, next = false;
    const char *next_title = timeline_text(&tl, &tl.events[info.next.event].title, info.lang);
    for (int k = 0; k < dl.count; k++) {
        if (dl.cmds[k].kind != DRAW_TEXT) continue;
        const char *t = drawlist_cmd_text(&dl, &dl.cmds[k]);
        clock |= dl.cmds[k].text_len == 5 && memcmp(t, "14:05", 5) == 0;
        next |= memcmp(t, next_title, dl.cmds[k].text_len < strlen(next_title) ? dl.cmds[k].text_len : strlen(next_title)) == 0;
    }
    CHECK(clock);
    CHECK(next);
    drawlist_free(&dl);
    controller_free(&c);
}

int main(void)
{
    load_fixture_file(FRISE_TEST_DATA "/good/full.json");
    RUN(present_page_down_past_the_last_step_shows_the_end_slide_and_stays_there);
    RUN(present_page_up_from_the_first_step_shows_the_title_slide_and_never_the_end);
    RUN(present_home_and_end_jump_to_the_first_and_last_steps_even_from_a_slide);
    RUN(present_a_click_on_the_end_slide_stays_on_it);
    RUN(present_f5_from_the_explorer_opens_the_chooser_on_the_first_tour);
    RUN(present_chooser_rows_move_with_the_clicker_and_enter_starts_every_event);
    RUN(present_a_tap_on_a_chooser_row_starts_it_and_a_tap_beside_goes_back);
    RUN(present_leaving_and_coming_back_resumes_at_the_same_step);
    RUN(present_clicker_keys_never_quit);
    RUN(present_q_asks_first_and_q_again_quits);
    RUN(present_any_other_key_after_q_carries_on_without_stepping);
    RUN(present_ctrl_q_quits_at_once_and_a_window_close_asks_first);
    RUN(presented_card_fits_its_room_from_800x600_to_4k_and_grows_with_the_screen);
    RUN(presented_card_keeps_the_whole_title_and_summary_at_800x600);
    RUN(present_e_expands_the_story_with_its_sources_and_back);
    RUN(present_a_click_on_the_card_expands_it_and_a_click_elsewhere_steps_on);
    RUN(presenter_info_shows_the_step_the_next_one_and_the_time_since_the_start);
    timeline_free(&tl);
    return TEST_REPORT();
}
