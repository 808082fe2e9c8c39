/* test_stats.c: specifications of the visitor statistics (issue 9): a
 * scripted day of kiosk visitors gives one CSV row per visitor, with its
 * length, language and the stories opened; the summary counts them; a kill
 * in the middle of a session loses only that session; a row cut by a power
 * cut is skipped and the next one starts on its own line. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, fork, setenv */
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "interact_harness.h"
#include "stats.h"
#include "test.h"

/* 2026-11-28 09:00:00 UTC: the day's first visitor. */
static const double DAY_START_S = 1795856400.0;

static double wall(void)
{
    return DAY_START_S + clock_ms / 1000.0;
}

/* The recorder sees the controller after every input and timer, as the app's loop would show it. */
static void observe_key(Controller *c, Stats *s, int k)
{
    key(c, k, 0);
    stats_observe(s, c, wall());
}

static void observe_tap(Controller *c, Stats *s, float x, float y)
{
    feed(c, (InputEvent){.type = INPUT_POINTER_DOWN, .x = x, .y = y, .pointer_id = 1, .is_touch = true});
    stats_observe(s, c, wall());
    feed(c, (InputEvent){.type = INPUT_POINTER_UP, .x = x, .y = y, .pointer_id = 1, .is_touch = true});
    stats_observe(s, c, wall());
    wait_ms(c, 400);
    stats_observe(s, c, wall());
}

static void observe_wait(Controller *c, Stats *s, double ms)
{
    for (double left = ms; left > 0; left -= 500) { /* the live loop wakes on each timer */
        wait_ms(c, left < 500 ? left : 500);
        stats_observe(s, c, wall());
    }
}

/* A visitor: wakes the kiosk, opens the stories of the first cards on
 * screen, maybe switches language, then walks away until the reset. */
static void visitor(Controller *c, Stats *s, int stories, bool english)
{
    observe_tap(c, s, 960, 540);
    if (english) observe_key(c, s, 'l');
    for (int i = 0; i < stories; i++) {
        const Frame *f = controller_frame(c);
        if (f->layout.card_count <= i) break;
        const LayoutCard *card = &f->layout.cards[i];
        float x = card->x + card->w / 2, y = card->y + card->h / 2;
        observe_tap(c, s, x, y);
        observe_wait(c, s, 5000); /* reads */
        observe_key(c, s, KEY_ESCAPE);
    }
    observe_wait(c, s, 61000 + 11000); /* idle, the countdown, the reset */
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) return NULL;
    static char text[65536];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    return text;
}

static int count_lines(const char *text, const char *needle)
{
    int n = 0;
    for (const char *p = text; p && (p = strstr(p, needle)); p++) n++;
    return n;
}

static void make_dir(char *dir, size_t cap)
{
    snprintf(dir, cap, "/tmp/frise-stats-XXXXXX");
    if (!mkdtemp(dir)) dir[0] = '\0';
}

static void remove_dir(const char *dir)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, STATS_FILE);
    remove(path);
    snprintf(path, sizeof path, "%s/frise.log", dir);
    remove(path);
    snprintf(path, sizeof path, "%s/sub/deeper/%s", dir, STATS_FILE);
    remove(path);
    snprintf(path, sizeof path, "%s/sub/deeper", dir);
    remove(path);
    snprintf(path, sizeof path, "%s/sub", dir);
    remove(path);
    remove(dir);
}

/* ---- a day of visitors ------------------------------------------------------------------------ */

static void stats_a_scripted_day_of_visitors_gives_one_row_per_session(void)
{
    char dir[64];
    make_dir(dir, sizeof dir);
    Stats s;
    CHECK(stats_open(&s, dir));
    Controller c;
    start_at(&c, VIEW_KIOSK, 0, NULL, 1920, 1080);
    stats_observe(&s, &c, wall());
    observe_wait(&c, &s, 30000); /* the attract loop alone: nobody */
    visitor(&c, &s, 2, false);
    visitor(&c, &s, 0, true);  /* only looked, in English */
    visitor(&c, &s, 3, true);
    CHECK_INT(s.rows_written, 3);
    CHECK_INT(s.rows_failed, 0);
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, STATS_FILE);
    const char *text = read_file(path);
    CHECK(text != NULL);
    if (text) {
        CHECK(strncmp(text, STATS_HEADER "\n", strlen(STATS_HEADER) + 1) == 0);
        CHECK_INT(count_lines(text, ",session,"), 3);
        CHECK_INT(count_lines(text, "2026-11-28,"), 3);
        CHECK_INT(count_lines(text, ",en,"), 2);
        CHECK_INT(count_lines(text, ",fr,"), 1);
        CHECK(strstr(text, "2026-11-28,09:00:30,session,") != NULL); /* the first visitor's touch, its time */
    }
    /* The summary: three sessions on one day, the stories counted. */
    char out[8192] = "";
    FILE *f = fmemopen(out, sizeof out - 1, "w");
    CHECK_INT(stats_print_summary(dir, f, stderr), 0);
    fclose(f);
    CHECK(strstr(out, "3 visitor sessions over 1 day") != NULL);
    CHECK(strstr(out, "2026-11-28      3 sessions") != NULL);
    CHECK(strstr(out, "Stories opened (top 3)") != NULL); /* the same first cards: 2 + 3 opened, 3 stories */
    CHECK(strstr(out, "\n      2  ") != NULL);
    CHECK(strstr(out, "     2  en (67%)") != NULL);
    if (!strstr(out, "3 visitor sessions")) fprintf(stderr, "%s", out);
    stats_close(&s, &c);
    CHECK_INT(s.rows_written, 3); /* nothing was in progress */
    controller_free(&c);
    remove_dir(dir);
}

static void stats_a_session_lasts_from_the_first_touch_to_the_last_not_the_idle_wait(void)
{
    char dir[64];
    make_dir(dir, sizeof dir);
    Stats s;
    stats_open(&s, dir);
    Controller c;
    start_at(&c, VIEW_KIOSK, 0, NULL, 1920, 1080);
    stats_observe(&s, &c, wall());
    observe_tap(&c, &s, 960, 540);        /* 0.02 s after the start */
    observe_wait(&c, &s, 40000);
    observe_key(&c, &s, 'l');             /* 40.4 s later, the last touch */
    observe_wait(&c, &s, 61000);          /* the reset */
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, STATS_FILE);
    const char *text = read_file(path);
    CHECK(text && strstr(text, ",session,40,en,\n") != NULL);
    if (text && !strstr(text, ",session,40,en,\n")) fprintf(stderr, "%s", text);
    controller_free(&c);
    remove_dir(dir);
}

/* ---- crashes and power cuts ------------------------------------------------------------------------ */

static void stats_a_kill_in_the_middle_of_a_session_loses_only_that_session(void)
{
    char dir[64];
    make_dir(dir, sizeof dir);
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) { /* the kiosk: two visitors, a third one when the power goes */
        Stats s;
        stats_open(&s, dir);
        Controller c;
        start_at(&c, VIEW_KIOSK, 0, NULL, 1920, 1080);
        stats_observe(&s, &c, wall());
        visitor(&c, &s, 1, false);
        visitor(&c, &s, 2, true);
        observe_tap(&c, &s, 960, 540);
        const Frame *f = controller_frame(&c);
        if (f->layout.card_count > 0)
            observe_tap(&c, &s, f->layout.cards[0].x + 10, f->layout.cards[0].y + 10);
        raise(SIGKILL);
        _exit(3);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, STATS_FILE);
    const char *text = read_file(path);
    CHECK(text != NULL);
    CHECK_INT(count_lines(text, ",session,"), 2);
    /* The next start appends after them; the summary reads all of it. */
    Stats s;
    stats_open(&s, dir);
    Controller c;
    start_at(&c, VIEW_KIOSK, 0, NULL, 1920, 1080);
    stats_observe(&s, &c, wall());
    visitor(&c, &s, 1, false);
    text = read_file(path);
    CHECK_INT(count_lines(text, ",session,"), 3);
    CHECK_INT(count_lines(text, STATS_HEADER), 1);
    controller_free(&c);
    remove_dir(dir);
}

static void stats_a_row_cut_by_a_power_cut_is_skipped_and_the_next_starts_on_its_own_line(void)
{
    char dir[64];
    make_dir(dir, sizeof dir);
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, STATS_FILE);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(STATS_HEADER "\n2026-11-27,10:00:00,session,61,fr,a b\n2026-11-27,11:0", f); /* cut mid-row */
        fclose(f);
    }
    Stats s;
    stats_open(&s, dir);
    Controller c;
    start_at(&c, VIEW_KIOSK, 0, NULL, 1920, 1080);
    stats_observe(&s, &c, wall());
    visitor(&c, &s, 1, false);
    const char *text = read_file(path);
    CHECK(text && strstr(text, "11:0\n2026-11-28,") != NULL);
    char out[8192] = "";
    FILE *o = fmemopen(out, sizeof out - 1, "w");
    CHECK_INT(stats_print_summary(dir, o, stderr), 0);
    fclose(o);
    CHECK(strstr(out, "2 visitor sessions over 2 days") != NULL);
    CHECK(strstr(out, "1 damaged line skipped") != NULL);
    if (!strstr(out, "1 damaged line")) fprintf(stderr, "%s", out);
    controller_free(&c);
    remove_dir(dir);
}

/* ---- presentations, places, the summary's errors ---------------------------------------------------- */

static void stats_count_the_tours_presentations_begin(void)
{
    char dir[64];
    make_dir(dir, sizeof dir);
    Stats s;
    stats_open(&s, dir);
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1280, 720);
    stats_observe(&s, &c, wall());
    observe_key(&c, &s, KEY_F5);
    observe_key(&c, &s, KEY_F5); /* the first tour */
    observe_key(&c, &s, KEY_ESCAPE);
    observe_key(&c, &s, KEY_F5);
    observe_key(&c, &s, KEY_RETURN); /* resumed: not counted again */
    observe_key(&c, &s, KEY_ESCAPE);
    observe_key(&c, &s, KEY_F5);
    observe_key(&c, &s, KEY_END);
    observe_key(&c, &s, KEY_RETURN); /* every event */
    char out[8192] = "";
    FILE *o = fmemopen(out, sizeof out - 1, "w");
    CHECK_INT(stats_print_summary(dir, o, stderr), 0);
    fclose(o);
    char want[128];
    snprintf(want, sizeof want, "      1  %s\n", tl.tours[0].id);
    CHECK(strstr(out, want) != NULL);
    CHECK(strstr(out, "      1  every event\n") != NULL);
    if (!strstr(out, want)) fprintf(stderr, "%s", out);
    controller_free(&c);
    remove_dir(dir);
}

static void stats_make_their_folder_and_follow_xdg_state_home(void)
{
    char dir[64], deep[200], got[512];
    make_dir(dir, sizeof dir);
    snprintf(deep, sizeof deep, "%s/sub/deeper", dir);
    Stats s;
    CHECK(stats_open(&s, deep));
    setenv("XDG_STATE_HOME", "/var/lib/kiosk/state", 1);
    CHECK(stats_default_dir(got, sizeof got));
    CHECK_STR(got, "/var/lib/kiosk/state/frise");
    unsetenv("XDG_STATE_HOME");
    setenv("HOME", "/home/kiosk", 1);
    CHECK(stats_default_dir(got, sizeof got));
    CHECK_STR(got, "/home/kiosk/.local/state/frise");
    CHECK(stats_log(dir, "timeline.json:3:4: a problem"));
    char path[600];
    snprintf(path, sizeof path, "%s/frise.log", dir);
    const char *text = read_file(path);
    CHECK(text && strstr(text, " timeline.json:3:4: a problem\n") != NULL);
    char out[256] = "", err[256] = "";
    FILE *o = fmemopen(out, sizeof out - 1, "w"), *e = fmemopen(err, sizeof err - 1, "w");
    CHECK_INT(stats_print_summary(deep, o, e), 1); /* no visits yet: says so */
    fclose(o);
    fclose(e);
    CHECK(strstr(err, "no statistics in") != NULL);
    remove_dir(dir);
}

int main(void)
{
    setenv("TZ", "UTC", 1);
    tzset();
    load_fixture_file(FRISE_TEST_DATA "/good/full.json");
    RUN(stats_a_scripted_day_of_visitors_gives_one_row_per_session);
    RUN(stats_a_session_lasts_from_the_first_touch_to_the_last_not_the_idle_wait);
    RUN(stats_a_kill_in_the_middle_of_a_session_loses_only_that_session);
    RUN(stats_a_row_cut_by_a_power_cut_is_skipped_and_the_next_starts_on_its_own_line);
    RUN(stats_count_the_tours_presentations_begin);
    RUN(stats_make_their_folder_and_follow_xdg_state_home);
    timeline_free(&tl);
    return TEST_REPORT();
}
