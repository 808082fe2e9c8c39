/* test_replay.c: specifications of the replay script: parsing, expansion, errors, cursor. */
#define _POSIX_C_SOURCE 200809L /* mkstemp, fdopen for the file test */
#include "replay.h"
#include "gesture.h"
#include "runner.h"
#include "test.h"

#include <stdbool.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- helpers ------------------------------------------------------------------ */

static bool parse(Replay *r, const char *text, char *err, size_t err_cap)
{
    return replay_parse(r, "s.txt", text, strlen(text), err, err_cap);
}

/* Parses text that must fail and checks the whole message. */
static void check_error(const char *text, const char *expected)
{
    Replay r;
    char err[256];
    bool ok = parse(&r, text, err, sizeof err);
    CHECK(!ok);
    CHECK_STR(err, expected);
    CHECK_INT(r.count, 0);
    CHECK(r.items == NULL);
    replay_free(&r);
}

static int count_input(const Replay *r, InputType type)
{
    int n = 0;
    for (size_t i = 0; i < r->count; i++)
        n += r->items[i].kind == REPLAY_INPUT && r->items[i].input.type == type;
    return n;
}

static const ReplayItem *nth_input(const Replay *r, InputType type, int nth)
{
    for (size_t i = 0; i < r->count; i++)
        if (r->items[i].kind == REPLAY_INPUT && r->items[i].input.type == type && nth-- == 0)
            return &r->items[i];
    return NULL;
}

/* Feeds the whole replay to a recognizer, as the app would, updating at 60 Hz. */
typedef struct Played {
    Gesture g[4096];
    int count;
} Played;

static Played *play(Replay *r)
{
    Played *out = malloc(sizeof *out);
    if (!out)
        return NULL;
    GestureRecognizer rec;
    gesture_init(&rec, NULL);
    out->count = 0;
    for (double now = 0; !replay_done(r); now += 1000.0 / 60.0) {
        const ReplayItem *it;
        while ((it = replay_next_due(r, now)) != NULL)
            if (it->kind == REPLAY_INPUT)
                out->count += gesture_feed(&rec, &it->input, &out->g[out->count], 4096 - out->count);
        out->count += gesture_update(&rec, now, &out->g[out->count], 4096 - out->count);
    }
    return out;
}

static int played_count(const Played *p, GestureType type)
{
    int n = 0;
    for (int i = 0; i < p->count; i++)
        n += p->g[i].type == type;
    return n;
}

/* ---- commands ---------------------------------------------------------------------- */

static void tap_expands_to_a_finger_down_and_up_80_ms_apart(void)
{
    Replay r;
    CHECK(parse(&r, "1.5 tap 640 360\n", NULL, 0));
    CHECK_INT(r.count, 2);
    if (r.count == 2) {
        const InputEvent *d = &r.items[0].input, *u = &r.items[1].input;
        CHECK_INT(r.items[0].kind, REPLAY_INPUT);
        CHECK_INT(d->type, INPUT_POINTER_DOWN);
        CHECK_INT(u->type, INPUT_POINTER_UP);
        CHECK_NEAR(r.items[0].t_ms, 1500, 0);
        CHECK_NEAR(d->t_ms, 1500, 0);
        CHECK_NEAR(u->t_ms, 1580, 0);
        CHECK_NEAR(d->x, 640, 0);
        CHECK_NEAR(d->y, 360, 0);
        CHECK(d->is_touch && u->is_touch);
        CHECK_INT(d->pointer_id, REPLAY_FINGER);
        CHECK_INT(r.items[0].line, 1);
    }
    replay_free(&r);
}

static void doubletap_is_two_taps_inside_the_double_tap_window(void)
{
    Replay r;
    CHECK(parse(&r, "0.2 doubletap 10 20", NULL, 0));
    CHECK_INT(r.count, 4);
    const double times[] = {200, 280, 360, 440};
    const InputType types[] = {INPUT_POINTER_DOWN, INPUT_POINTER_UP, INPUT_POINTER_DOWN,
                               INPUT_POINTER_UP};
    for (size_t i = 0; i < r.count && i < 4; i++) {
        CHECK_NEAR(r.items[i].t_ms, times[i], 0);
        CHECK_INT(r.items[i].input.type, types[i]);
    }
    replay_free(&r);
}

static void longpress_holds_the_finger_down_800_ms(void)
{
    Replay r;
    CHECK(parse(&r, "0.5 longpress 1 2", NULL, 0));
    CHECK_INT(r.count, 2);
    if (r.count == 2)
        CHECK_NEAR(r.items[1].t_ms - r.items[0].t_ms, REPLAY_LONG_PRESS_MS, 0);
    replay_free(&r);
}

static void drag_moves_a_finger_every_16_ms_and_lifts_at_the_end(void)
{
    Replay r;
    CHECK(parse(&r, "1.5 drag 800 400 300 420 0.3", NULL, 0));
    CHECK_INT(count_input(&r, INPUT_POINTER_DOWN), 1);
    CHECK_INT(count_input(&r, INPUT_POINTER_UP), 1);
    CHECK_INT(count_input(&r, INPUT_POINTER_MOVE), 19); /* ceil(300 / 16) */
    const ReplayItem *up = nth_input(&r, INPUT_POINTER_UP, 0);
    const ReplayItem *last = nth_input(&r, INPUT_POINTER_MOVE, 18);
    CHECK(up && last);
    if (up && last) {
        CHECK_NEAR(up->t_ms, 1800, 1e-9);
        CHECK_NEAR(last->t_ms, 1800, 1e-9);
        CHECK_NEAR(last->input.x, 300, 0);
        CHECK_NEAR(last->input.y, 420, 0);
        CHECK(up->input.is_touch);
    }
    double prev = 1500;
    for (size_t i = 1; i < r.count; i++) {
        CHECK(r.items[i].t_ms - prev <= 16 + 1e-9);
        prev = r.items[i].t_ms;
    }
    replay_free(&r);
}

static void mousedrag_uses_the_mouse_left_button(void)
{
    Replay r;
    CHECK(parse(&r, "1.5 mousedrag 800 400 300 400 0.3", NULL, 0));
    for (size_t i = 0; i < r.count; i++) {
        CHECK(!r.items[i].input.is_touch);
        CHECK_INT(r.items[i].input.pointer_id, 0);
        CHECK_INT(r.items[i].input.button, 1);
    }
    CHECK_INT(count_input(&r, INPUT_POINTER_MOVE), 19);
    replay_free(&r);
}

static void pinch_spreads_two_fingers_around_the_centre(void)
{
    Replay r;
    CHECK(parse(&r, "2.0 pinch 960 540 1.8", NULL, 0));
    CHECK_INT(count_input(&r, INPUT_POINTER_DOWN), 2);
    CHECK_INT(count_input(&r, INPUT_POINTER_UP), 2);
    CHECK_INT(count_input(&r, INPUT_POINTER_MOVE), 2 * 19); /* default 0.3 s */
    const ReplayItem *a = nth_input(&r, INPUT_POINTER_DOWN, 0), *b = nth_input(&r, INPUT_POINTER_DOWN, 1);
    if (a && b) {
        CHECK_NEAR((a->input.x + b->input.x) / 2, 960, 0);
        CHECK_NEAR(fabs(b->input.x - a->input.x), 2 * REPLAY_PINCH_NEAR_PX, 1e-3);
        CHECK(a->input.pointer_id != b->input.pointer_id);
        CHECK(a->input.is_touch && b->input.is_touch);
    }
    const ReplayItem *la = nth_input(&r, INPUT_POINTER_MOVE, 36), *lb = nth_input(&r, INPUT_POINTER_MOVE, 37);
    if (la && lb) {
        CHECK_NEAR(fabs(lb->input.x - la->input.x), 2 * REPLAY_PINCH_NEAR_PX * 1.8, 1e-3);
        CHECK_NEAR(la->t_ms, lb->t_ms, 0); /* the fingers move together */
        CHECK_NEAR(la->t_ms, 2300, 1e-9);
        CHECK_NEAR(la->input.y, 540, 0);
    }
    replay_free(&r);
    CHECK(parse(&r, "0 pinch 500 500 0.5 1", NULL, 0));
    CHECK_INT(count_input(&r, INPUT_POINTER_MOVE), 2 * 63); /* ceil(1000 / 16) */
    const ReplayItem *u = nth_input(&r, INPUT_POINTER_UP, 0);
    if (u)
        CHECK_NEAR(u->t_ms, 1000, 1e-9);
    a = nth_input(&r, INPUT_POINTER_DOWN, 0);
    b = nth_input(&r, INPUT_POINTER_DOWN, 1);
    if (a && b) /* pinching in starts wide and ends REPLAY_PINCH_NEAR_PX apart (half) */
        CHECK_NEAR(fabs(b->input.x - a->input.x), 4 * REPLAY_PINCH_NEAR_PX, 1e-3);
    replay_free(&r);
}

static void wheel_move_and_click_are_mouse_events(void)
{
    Replay r;
    CHECK(parse(&r, "3.0 wheel 500 400 -3\n3.1 wheel 1 2 0.25 -1.5\n3.2 move 500 400\n3.5 click 640 360\n",
                NULL, 0));
    CHECK_INT(r.count, 5);
    if (r.count == 5) {
        const InputEvent *w = &r.items[0].input;
        CHECK_INT(w->type, INPUT_WHEEL);
        CHECK_NEAR(w->dy, -3, 0);
        CHECK_NEAR(w->dx, 0, 0);
        CHECK_NEAR(w->x, 500, 0);
        CHECK(!w->precise);
        const InputEvent *w2 = &r.items[1].input;
        CHECK_NEAR(w2->dy, 0.25, 0);
        CHECK_NEAR(w2->dx, -1.5, 0);
        CHECK(w2->precise);
        const InputEvent *m = &r.items[2].input;
        CHECK_INT(m->type, INPUT_POINTER_MOVE);
        CHECK_INT(m->pointer_id, 0);
        CHECK_INT(m->button, 0);
        CHECK(!m->is_touch);
        CHECK_INT(r.items[3].input.type, INPUT_POINTER_DOWN);
        CHECK_INT(r.items[3].input.button, 1);
        CHECK(!r.items[3].input.is_touch);
        CHECK_NEAR(r.items[4].t_ms, 3580, 1e-9);
    }
    replay_free(&r);
}

static void key_text_quit_and_resize_expand_to_one_event_each(void)
{
    Replay r;
    CHECK(parse(&r, "4.0 key PageDown\n4.1 key ctrl+f\n4.5 text hopital de l'ile # no comment  \n"
                    "5.0 quit\n6.0 resize 1920 1080\n",
                NULL, 0));
    CHECK_INT(r.count, 5);
    if (r.count == 5) {
        CHECK_INT(r.items[0].input.type, INPUT_KEY_DOWN);
        CHECK_INT(r.items[0].input.key, KEY_PAGEDOWN);
        CHECK_INT(r.items[0].input.mods, 0);
        CHECK_INT(r.items[1].input.key, 'f');
        CHECK_INT(r.items[1].input.mods, MOD_CTRL);
        CHECK_INT(r.items[2].input.type, INPUT_TEXT);
        CHECK_STR(r.items[2].input.text, "hopital de l'ile # no comment");
        CHECK_INT(r.items[3].input.type, INPUT_QUIT);
        CHECK_INT(r.items[4].input.type, INPUT_RESIZE);
        CHECK_NEAR(r.items[4].input.x, 1920, 0);
        CHECK_NEAR(r.items[4].input.y, 1080, 0);
    }
    replay_free(&r);
}

static void long_text_is_split_without_breaking_utf8(void)
{
    Replay r;
    /* 20 x "é" (2 bytes each): 40 bytes, more than one event holds */
    char script[128] = "0 text ";
    for (int i = 0; i < 20; i++)
        strcat(script, "\xC3\xA9");
    CHECK(parse(&r, script, NULL, 0));
    CHECK_INT(r.count, 2);
    if (r.count == 2) {
        CHECK_INT(strlen(r.items[0].input.text), 30); /* 31 would split an é */
        CHECK_INT(strlen(r.items[1].input.text), 10);
        CHECK_NEAR(r.items[1].t_ms, 0, 0);
    }
    replay_free(&r);
}

static void actions_carry_their_paths(void)
{
    Replay r;
    CHECK(parse(&r, "200 screenshot out.png\n200 dump-layout out.json\n300 end\n", NULL, 0));
    CHECK_INT(r.count, 3);
    if (r.count == 3) {
        CHECK_INT(r.items[0].kind, REPLAY_SCREENSHOT);
        CHECK_STR(r.items[0].path, "out.png");
        CHECK_NEAR(r.items[0].t_ms, 200000, 0);
        CHECK_INT(r.items[1].kind, REPLAY_DUMP_LAYOUT);
        CHECK_STR(r.items[1].path, "out.json");
        CHECK_INT(r.items[2].kind, REPLAY_END);
        CHECK(r.items[2].path == NULL);
    }
    replay_free(&r);
}

static void parses_every_command_of_the_documented_example(void)
{
    const char *script =
        "# every command once\n"
        "0.0 tap 640 360\n"
        "0.2 doubletap 640 360\n"
        "0.5 longpress 640 360\n"
        "1.5 drag 800 400 300 400 0.3\n"
        "1.5 mousedrag 800 400 300 400 0.3\n"
        "2.0 pinch 960 540 1.8\n"
        "3.0 wheel 500 400 -3\n"
        "3.2 move 500 400\n"
        "3.5 click 640 360\n"
        "4.0 key PageDown\n"
        "4.5 text hopital\n"
        "5.0 quit\n"
        "6.0 resize 1920 1080\n"
        "\n"
        "200 screenshot out.png\n"
        "200 dump-layout out.json\n"
        "300 end\n";
    Replay r;
    char err[256];
    bool ok = parse(&r, script, err, sizeof err);
    CHECK(ok);
    if (!ok)
        fprintf(stderr, "%s\n", err);
    CHECK_INT(count_input(&r, INPUT_POINTER_DOWN), 1 + 2 + 1 + 1 + 1 + 2 + 1);
    CHECK_INT(count_input(&r, INPUT_WHEEL), 1);
    CHECK_INT(count_input(&r, INPUT_KEY_DOWN), 1);
    CHECK_INT(count_input(&r, INPUT_TEXT), 1);
    CHECK_INT(count_input(&r, INPUT_QUIT), 1);
    CHECK_INT(count_input(&r, INPUT_RESIZE), 1);
    CHECK(r.count > 0 && r.items[r.count - 1].kind == REPLAY_END);
    replay_free(&r);
}

/* ---- order, comments, line endings ------------------------------------------------------- */

static void items_are_sorted_by_time_keeping_script_order_for_ties(void)
{
    Replay r;
    CHECK(parse(&r, "5 key a\n1 key b\n5 key c\n0.5 tap 1 1\n1 key d\n", NULL, 0));
    CHECK_INT(r.count, 6);
    double prev = -1;
    for (size_t i = 0; i < r.count; i++) {
        CHECK(r.items[i].t_ms >= prev);
        prev = r.items[i].t_ms;
    }
    if (r.count == 6) {
        CHECK_INT(r.items[0].input.type, INPUT_POINTER_DOWN);
        CHECK_INT(r.items[1].input.type, INPUT_POINTER_UP);
        CHECK_INT(r.items[2].input.key, 'b');
        CHECK_INT(r.items[3].input.key, 'd');
        CHECK_INT(r.items[4].input.key, 'a');
        CHECK_INT(r.items[5].input.key, 'c');
        CHECK_INT(r.items[4].line, 1);
        CHECK_INT(r.items[5].line, 3);
    }
    replay_free(&r);
}

static void a_big_shuffled_script_sorts_stably(void)
{
    /* many lines at a few times, out of order: keys carry their line number */
    size_t cap = 16 * 1000, n = 0;
    char *script = malloc(cap);
    if (!script)
        return;
    for (int i = 0; i < 1000; i++)
        n += (size_t)snprintf(script + n, cap - n, "%d key %c\n", (i * 7) % 5, 'a' + i % 26);
    Replay r;
    CHECK(replay_parse(&r, "big", script, n, NULL, 0));
    free(script);
    CHECK_INT(r.count, 1000);
    bool ordered = true;
    for (size_t i = 1; i < r.count; i++) {
        const ReplayItem *a = &r.items[i - 1], *b = &r.items[i];
        ordered = ordered && (a->t_ms < b->t_ms || (a->t_ms == b->t_ms && a->line < b->line));
    }
    CHECK(ordered);
    replay_free(&r);
}

static void comments_blank_lines_crlf_and_bom_are_ignored(void)
{
    Replay r;
    const char *script = "\xEF\xBB\xBF# a script\r\n\r\n   \t\n  # indented comment\n"
                         "1 tap 2 3 # trailing comment\r\n2 screenshot a#b.png\r\n";
    char err[256];
    bool ok = parse(&r, script, err, sizeof err);
    CHECK(ok);
    if (!ok)
        fprintf(stderr, "%s\n", err);
    CHECK_INT(r.count, 3);
    if (r.count == 3) {
        CHECK_INT(r.items[0].line, 5);
        CHECK_STR(r.items[2].path, "a#b.png"); /* '#' inside a token is not a comment */
    }
    replay_free(&r);
}

static void an_empty_script_is_done_at_once(void)
{
    Replay r;
    CHECK(replay_parse(&r, "e", NULL, 0, NULL, 0));
    CHECK(replay_done(&r));
    CHECK(isinf(replay_next_time(&r)));
    CHECK(replay_next_due(&r, 1e9) == NULL);
    replay_free(&r);
}

/* ---- errors --------------------------------------------------------------------------------- */

static void bad_lines_are_reported_with_file_line_and_token(void)
{
    check_error("0 tap 1 2\n\n0.5 jump 3 4\n", "s.txt:3: unknown command near 'jump'");
    check_error("0 tap 1\n", "s.txt:1: missing y near '1'");
    check_error("0 tap 1 2 3\n", "s.txt:1: unexpected extra argument near '3'");
    check_error("0 tap 1 zz\n", "s.txt:1: y is not a number near 'zz'");
    check_error("soon tap 1 2\n", "s.txt:1: expected a time in seconds near 'soon'");
    check_error("1.5\n", "s.txt:1: missing command after the time near '1.5'");
    check_error("# ok\n0 key Hyper\n", "s.txt:2: unknown key near 'Hyper'");
    check_error("0 key\n", "s.txt:1: missing key name near 'key'");
    check_error("0 text   \n", "s.txt:1: missing text to type near 'text'");
    check_error("0 screenshot\n", "s.txt:1: missing file name near 'screenshot'");
    check_error("0 resize 800.5 600\n", "s.txt:1: the size must be whole pixels near '600'");
    check_error("0 quit now\n", "s.txt:1: unexpected extra argument near 'now'");
}

static void hostile_numbers_are_rejected(void)
{
    check_error("-1 tap 1 2\n", "s.txt:1: time must be between 0 and 1e+06 seconds near '-1'");
    check_error("nan tap 1 2\n", "s.txt:1: expected a time in seconds near 'nan'");
    check_error("inf tap 1 2\n", "s.txt:1: expected a time in seconds near 'inf'");
    check_error("1e999 tap 1 2\n", "s.txt:1: expected a time in seconds near '1e999'");
    check_error("0x10 tap 1 2\n", "s.txt:1: expected a time in seconds near '0x10'");
    check_error("0 tap NaN 2\n", "s.txt:1: x is not a number near 'NaN'");
    check_error("0 tap 1e300 2\n", "s.txt:1: x must be between -1e+06 and 1e+06 near '1e300'");
    check_error("0 drag 0 0 1 1 1e9\n",
                "s.txt:1: duration must be between 0 and 3600 near '1e9'");
    check_error("0 pinch 1 1 0\n", "s.txt:1: factor must be between 0.01 and 100 near '0'");
    check_error("0 wheel 1 1 1e7\n", "s.txt:1: notches must be between -1000 and 1000 near '1e7'");
    check_error("0 resize 0 600\n", "s.txt:1: width must be between 1 and 32768 near '0'");
}

static void a_script_expanding_past_the_cap_is_rejected(void)
{
    /* each line is 225,002 events; the fifth crosses 1,000,000 */
    const char *line = "0 drag 0 0 100 100 3600\n";
    char script[256] = "";
    for (int i = 0; i < 5; i++)
        strcat(script, line);
    Replay r;
    char err[256];
    CHECK(!parse(&r, script, err, sizeof err));
    CHECK_STR(err, "s.txt:5: the script expands to more than 1000000 events near '3600'");
    CHECK_INT(r.count, 0);
    replay_free(&r);
}

static void very_long_lines_and_tokens_do_not_crash(void)
{
    size_t n = 1 << 20;
    char *script = malloc(n + 32);
    if (!script)
        return;
    memcpy(script, "0 text ", 7);
    memset(script + 7, 'a', n);
    script[7 + n] = '\0';
    Replay r;
    char err[256];
    CHECK(!parse(&r, script, err, sizeof err));
    CHECK_STR(err, "s.txt:1: text longer than 4096 bytes near 'text'");
    memset(script, '9', n); /* one huge number */
    script[n] = '\0';
    CHECK(!parse(&r, script, err, sizeof err));
    CHECK_STR(err, "s.txt:1: expected a time in seconds near '99999999999999999999999999999999...'");
    memcpy(script, "0 screenshot ", 13);
    memset(script + 13, 'p', n - 13);
    CHECK(!parse(&r, script, err, sizeof err));
    CHECK(strstr(err, "file name longer than 4096 bytes") != NULL);
    memset(script, ' ', n); /* a line of nothing */
    CHECK(parse(&r, script, err, sizeof err));
    CHECK_INT(r.count, 0);
    free(script);
    replay_free(&r);
}

static void nul_bytes_and_binary_garbage_are_reported(void)
{
    Replay r;
    char err[256];
    const char bin[] = "0 tap 1 2\n1 t\0p 3 4\n";
    CHECK(!replay_parse(&r, "s.txt", bin, sizeof bin - 1, err, sizeof err));
    CHECK_STR(err, "s.txt:2: NUL byte in the line near '1 t?p 3 4'");
    const char junk[] = "\x01\x02\xff\xfe tap\n";
    CHECK(!replay_parse(&r, "s.txt", junk, sizeof junk - 1, err, sizeof err));
    CHECK_STR(err, "s.txt:1: expected a time in seconds near '?\?\?\?'");
    replay_free(&r);
}

static void errors_fit_any_buffer(void)
{
    Replay r;
    char small[8];
    CHECK(!parse(&r, "0 jump\n", small, sizeof small));
    CHECK_STR(small, "s.txt:1");
    CHECK(!parse(&r, "0 jump\n", NULL, 0)); /* no buffer at all */
    replay_free(&r);
}

/* ---- keys ---------------------------------------------------------------------------------- */

static void key_names_map_to_input_codes(void)
{
    int mods = -1;
    CHECK_INT(replay_key_from_name("Return", &mods), KEY_RETURN);
    CHECK_INT(mods, 0);
    CHECK_INT(replay_key_from_name("Escape", NULL), KEY_ESCAPE);
    CHECK_INT(replay_key_from_name("PageDown", NULL), KEY_PAGEDOWN);
    CHECK_INT(replay_key_from_name("pageup", NULL), KEY_PAGEUP);
    CHECK_INT(replay_key_from_name("Home", NULL), KEY_HOME);
    CHECK_INT(replay_key_from_name("END", NULL), KEY_END);
    CHECK_INT(replay_key_from_name("Left", NULL), KEY_LEFT);
    CHECK_INT(replay_key_from_name("Right", NULL), KEY_RIGHT);
    CHECK_INT(replay_key_from_name("Up", NULL), KEY_UP);
    CHECK_INT(replay_key_from_name("Down", NULL), KEY_DOWN);
    CHECK_INT(replay_key_from_name("Tab", NULL), KEY_TAB);
    CHECK_INT(replay_key_from_name("Space", NULL), KEY_SPACE);
    CHECK_INT(replay_key_from_name("Backspace", NULL), KEY_BACKSPACE);
    CHECK_INT(replay_key_from_name("F1", NULL), KEY_F1);
    CHECK_INT(replay_key_from_name("f12", NULL), KEY_F12);
    CHECK_INT(replay_key_from_name("slash", NULL), '/');
    CHECK_INT(replay_key_from_name("period", NULL), '.');
    CHECK_INT(replay_key_from_name("comma", NULL), ',');
    CHECK_INT(replay_key_from_name("plus", NULL), '+');
    CHECK_INT(replay_key_from_name("minus", NULL), '-');
    CHECK_INT(replay_key_from_name("equals", NULL), '=');
    CHECK_INT(replay_key_from_name("question", NULL), '?');
    CHECK_INT(replay_key_from_name("b", NULL), 'b');
    CHECK_INT(replay_key_from_name("B", &mods), 'b');
    CHECK_INT(mods, 0); /* no implied shift */
    CHECK_INT(replay_key_from_name("7", NULL), '7');
    CHECK_INT(replay_key_from_name("/", NULL), '/');
}

static void modifiers_are_prefixes_in_any_case(void)
{
    int mods = 0;
    CHECK_INT(replay_key_from_name("ctrl+f", &mods), 'f');
    CHECK_INT(mods, MOD_CTRL);
    CHECK_INT(replay_key_from_name("shift+Tab", &mods), KEY_TAB);
    CHECK_INT(mods, MOD_SHIFT);
    CHECK_INT(replay_key_from_name("ctrl+alt+shift+q", &mods), 'q');
    CHECK_INT(mods, MOD_CTRL | MOD_ALT | MOD_SHIFT);
    CHECK_INT(replay_key_from_name("CTRL+Shift+PAGEDOWN", &mods), KEY_PAGEDOWN);
    CHECK_INT(mods, MOD_CTRL | MOD_SHIFT);
    CHECK_INT(replay_key_from_name("ctrl+plus", &mods), '+');
    CHECK_INT(mods, MOD_CTRL);
    CHECK_INT(replay_key_from_name("ctrl++", &mods), '+');
    CHECK_INT(mods, MOD_CTRL);
    CHECK_INT(replay_key_from_name("+", &mods), '+');
    CHECK_INT(mods, 0);
    CHECK_INT(replay_key_from_name("gui+q", &mods), 'q');
    CHECK_INT(mods, MOD_GUI);
}

static void unknown_key_names_give_key_none(void)
{
    int mods = 5;
    CHECK_INT(replay_key_from_name("Hyper", &mods), KEY_NONE);
    CHECK_INT(mods, 0);
    CHECK_INT(replay_key_from_name("", &mods), KEY_NONE);
    CHECK_INT(replay_key_from_name(NULL, &mods), KEY_NONE);
    CHECK_INT(replay_key_from_name("ctrl+", &mods), KEY_NONE);
    CHECK_INT(replay_key_from_name("ctrl++a", &mods), KEY_NONE);
    CHECK_INT(replay_key_from_name("hyper+a", &mods), KEY_NONE);
    CHECK_INT(mods, 0);
    CHECK_INT(replay_key_from_name("a+b", &mods), KEY_NONE);
    CHECK_INT(replay_key_from_name("averyveryverylongkeyname", &mods), KEY_NONE);
}

/* ---- cursor ---------------------------------------------------------------------------------- */

static void cursor_hands_out_items_when_due(void)
{
    Replay r;
    CHECK(parse(&r, "1 key a\n2 key b\n2 key c\n", NULL, 0));
    CHECK(!replay_done(&r));
    CHECK_NEAR(replay_next_time(&r), 1000, 0);
    CHECK(replay_next_due(&r, 999) == NULL);
    const ReplayItem *it = replay_next_due(&r, 1000);
    CHECK(it && it->input.key == 'a');
    CHECK(replay_next_due(&r, 1500) == NULL);
    CHECK_NEAR(replay_next_time(&r), 2000, 0);
    it = replay_next_due(&r, 5000);
    CHECK(it && it->input.key == 'b');
    it = replay_next_due(&r, 5000);
    CHECK(it && it->input.key == 'c');
    CHECK(replay_next_due(&r, 5000) == NULL);
    CHECK(replay_done(&r));
    CHECK(isinf(replay_next_time(&r)));
    replay_free(&r);
}

static void end_stops_the_replay_before_later_items(void)
{
    Replay r;
    CHECK(parse(&r, "1 end\n2 key a\n", NULL, 0));
    const ReplayItem *it = replay_next_due(&r, 10000);
    CHECK(it && it->kind == REPLAY_END);
    CHECK(replay_done(&r));
    CHECK(replay_next_due(&r, 10000) == NULL);
    replay_free(&r);
}

/* ---- files ------------------------------------------------------------------------------------- */

static void load_file_names_the_file_in_errors(void)
{
    Replay r;
    char err[512];
    CHECK(!replay_load_file(&r, "/nonexistent/frise/script.txt", err, sizeof err));
    CHECK(strncmp(err, "/nonexistent/frise/script.txt: cannot open: ", 44) == 0);

    char path[] = "/tmp/frise_replay_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    FILE *f = fdopen(fd, "w");
    fputs("0 tap 1 2\n1 tap 3 4 5\n", f);
    fclose(f);
    CHECK(!replay_load_file(&r, path, err, sizeof err));
    char expected[128];
    snprintf(expected, sizeof expected, "%s:2: unexpected extra argument near '5'", path);
    CHECK_STR(err, expected);
    f = fopen(path, "w");
    fputs("0 tap 1 2\n9 screenshot shot.png\n", f);
    fclose(f);
    CHECK(replay_load_file(&r, path, err, sizeof err));
    CHECK_INT(r.count, 3);
    replay_free(&r);
    replay_free(&r); /* twice is harmless */
    remove(path);
}

/* ---- end to end: the script drives the gesture recognizer ------------------------------------- */

static void replayed_gestures_are_recognised(void)
{
    Replay r;
    CHECK(parse(&r, "0 tap 100 100\n1 doubletap 300 300\n2 longpress 50 50\n4 click 10 10\n"
                    "5 move 20 20\n",
                NULL, 0));
    Played *pp = play(&r);
    if (!pp)
        return;
    const Played *p = pp;
    CHECK_INT(played_count(p, GESTURE_TAP), 4);
    CHECK_INT(played_count(p, GESTURE_DOUBLE_TAP), 1);
    CHECK_INT(played_count(p, GESTURE_LONG_PRESS), 1);
    CHECK_INT(played_count(p, GESTURE_HOVER), 1);
    free(pp);
    replay_free(&r);
}

static void replayed_drag_flings_with_its_own_speed(void)
{
    Replay r;
    CHECK(parse(&r, "1.5 drag 800 400 300 400 0.3\n", NULL, 0));
    Played *pp = play(&r);
    if (!pp)
        return;
    const Played *p = pp;
    double sum = 0;
    const Gesture *end = NULL;
    for (int i = 0; i < p->count; i++) {
        if (p->g[i].type == GESTURE_DRAG)
            sum += p->g[i].dx;
        if (p->g[i].type == GESTURE_DRAG_END)
            end = &p->g[i];
    }
    CHECK_NEAR(sum, -500, 1e-3);
    CHECK(end != NULL);
    if (end) {
        CHECK(end->fling);
        CHECK_NEAR(end->vx, -500 / 0.3, 1);
    }
    free(pp);
    replay_free(&r);
}

static void replayed_pinch_scales_by_its_factor_about_its_centre(void)
{
    Replay r;
    CHECK(parse(&r, "2.0 pinch 960 540 1.8\n", NULL, 0));
    Played *pp = play(&r);
    if (!pp)
        return;
    const Played *p = pp;
    double product = 1, sum_dx = 0;
    const Gesture *last_pinch = NULL;
    for (int i = 0; i < p->count; i++)
        if (p->g[i].type == GESTURE_PINCH) {
            product *= p->g[i].scale;
            sum_dx += p->g[i].dx;
            CHECK_NEAR(p->g[i].y, 540, 1e-3);
            last_pinch = &p->g[i];
        }
    CHECK_NEAR(product, 1.8, 1e-4);
    /* Fingers report one at a time, so the midpoint wobbles between the two
     * events of a step, but it comes back: no net pan. */
    CHECK_NEAR(sum_dx, 0, 1e-3);
    CHECK(last_pinch != NULL);
    if (last_pinch)
        CHECK_NEAR(last_pinch->x, 960, 1e-3);
    CHECK_INT(played_count(p, GESTURE_PINCH_END), 1);
    CHECK(p->count > 0);
    if (p->count > 0) {
        const Gesture *last = &p->g[p->count - 1];
        CHECK_INT(last->type, GESTURE_DRAG_END);
        CHECK(!last->fling); /* lifting the fingers does not throw the view */
    }
    free(pp);
    replay_free(&r);
}

/* ---- issue 13: a shared script cannot write anywhere --------------------------------------- */

static void output_names_must_stay_in_the_output_folder(void)
{
    check_error("0 screenshot /etc/cron.daily/x.png\n",
                "s.txt:1: an output file must be a relative path (it goes in the output folder) near '/etc/cron.daily/x.png'");
    check_error("0 dump-layout ../../x.json\n",
                "s.txt:1: an output file may not leave the output folder ('..') near '../../x.json'");
    check_error("0 dump-layout shots/../../x.json\n",
                "s.txt:1: an output file may not leave the output folder ('..') near 'shots/../../x.json'");
    check_error("0 screenshot .config/autostart/x.png\n",
                "s.txt:1: an output file may not be or be in a hidden file or folder near '.config/autostart/x.png'");
    check_error("0 dump-layout .bashrc\n",
                "s.txt:1: an output file may not be or be in a hidden file or folder near '.bashrc'");
    check_error("0 screenshot notes.txt\n", "s.txt:1: a screenshot's file name must end in .png near 'notes.txt'");
    check_error("0 dump-layout out.png\n", "s.txt:1: a layout dump's file name must end in .json near 'out.png'");
    Replay r;
    CHECK(parse(&r, "0 screenshot shots/a.PNG\n0 dump-layout ./d.json\n", NULL, 0));
    CHECK_INT(r.count, 2);
    replay_free(&r);
}

static void outputs_through_links_or_onto_devices_are_refused(void)
{
    char dir[] = "/tmp/frise-test-out-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char link[64], fifo[64], out[RUNNER_PATH_MAX], err[RUNNER_PATH_MAX + 128];
    snprintf(link, sizeof link, "%s/elsewhere", dir);
    snprintf(fifo, sizeof fifo, "%s/pipe.png", dir);
    CHECK(symlink("/tmp", link) == 0);
    CHECK(mkfifo(fifo, 0600) == 0);
    CHECK(runner_output_path(dir, "shot.png", out, sizeof out, err, sizeof err));
    char expected[128];
    snprintf(expected, sizeof expected, "%s/shot.png", dir);
    CHECK_STR(out, expected);
    CHECK(!runner_output_path(dir, "elsewhere/shot.png", out, sizeof out, err, sizeof err));
    CHECK(strstr(err, "symbolic link") != NULL);
    CHECK(!runner_output_path(dir, "elsewhere", out, sizeof out, err, sizeof err));
    CHECK(!runner_output_path(dir, "pipe.png", out, sizeof out, err, sizeof err));
    CHECK(strstr(err, "not a regular file") != NULL);
    CHECK(runner_output_path(NULL, "here.png", out, sizeof out, err, sizeof err));
    CHECK_STR(out, "here.png");
    unlink(link);
    unlink(fifo);
    rmdir(dir);
}

static void a_script_that_is_a_fifo_is_refused_without_blocking(void)
{
    char dir[] = "/tmp/frise-test-fifo-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char fifo[64], err[256];
    snprintf(fifo, sizeof fifo, "%s/s.txt", dir);
    CHECK(mkfifo(fifo, 0600) == 0);
    Replay r;
    alarm(10); /* was a hang */
    CHECK(!replay_load_file(&r, fifo, err, sizeof err));
    alarm(0);
    CHECK(strstr(err, "not a regular file") != NULL);
    unlink(fifo);
    rmdir(dir);
}

int main(void)
{
    RUN(tap_expands_to_a_finger_down_and_up_80_ms_apart);
    RUN(doubletap_is_two_taps_inside_the_double_tap_window);
    RUN(longpress_holds_the_finger_down_800_ms);
    RUN(drag_moves_a_finger_every_16_ms_and_lifts_at_the_end);
    RUN(mousedrag_uses_the_mouse_left_button);
    RUN(pinch_spreads_two_fingers_around_the_centre);
    RUN(wheel_move_and_click_are_mouse_events);
    RUN(key_text_quit_and_resize_expand_to_one_event_each);
    RUN(long_text_is_split_without_breaking_utf8);
    RUN(actions_carry_their_paths);
    RUN(parses_every_command_of_the_documented_example);
    RUN(items_are_sorted_by_time_keeping_script_order_for_ties);
    RUN(a_big_shuffled_script_sorts_stably);
    RUN(comments_blank_lines_crlf_and_bom_are_ignored);
    RUN(an_empty_script_is_done_at_once);
    RUN(bad_lines_are_reported_with_file_line_and_token);
    RUN(hostile_numbers_are_rejected);
    RUN(a_script_expanding_past_the_cap_is_rejected);
    RUN(very_long_lines_and_tokens_do_not_crash);
    RUN(nul_bytes_and_binary_garbage_are_reported);
    RUN(errors_fit_any_buffer);
    RUN(key_names_map_to_input_codes);
    RUN(modifiers_are_prefixes_in_any_case);
    RUN(unknown_key_names_give_key_none);
    RUN(cursor_hands_out_items_when_due);
    RUN(end_stops_the_replay_before_later_items);
    RUN(load_file_names_the_file_in_errors);
    RUN(replayed_gestures_are_recognised);
    RUN(replayed_drag_flings_with_its_own_speed);
    RUN(replayed_pinch_scales_by_its_factor_about_its_centre);
    RUN(output_names_must_stay_in_the_output_folder);
    RUN(outputs_through_links_or_onto_devices_are_refused);
    RUN(a_script_that_is_a_fifo_is_refused_without_blocking);
    return TEST_REPORT();
}
