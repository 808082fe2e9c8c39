/* interact_harness.h: driving a Controller with plain input events on a
 * virtual clock, for the tests of the modes (test_present.c, test_kiosk.c,
 * test_stats.c): the fixture, taps, keys, waiting, and the layout dump parsed. */
#ifndef FRISE_INTERACT_HARNESS_H
#define FRISE_INTERACT_HARNESS_H

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "controller.h"
#include "dump.h"
#include "test_support.h"

static Timeline tl;
static double clock_ms;

static inline void load_fixture_file(const char *path)
{
    LoadOptions opt = {.today_days = 20000};
    LoadReport report;
    bool ok = load_timeline_file(path, &opt, &tl, &report);
    load_report_free(&report);
    if (!ok) {
        fprintf(stderr, "cannot load the fixture %s\n", path);
        exit(1);
    }
}

static inline void start_at(Controller *c, ViewMode mode, int tour, const char *pin, float w, float h)
{
    ControllerDesc d = {.mode = mode, .tour = tour, .idle_ms = 60000, .countdown_ms = 10000, .exit_pin = pin,
                        .today_days = 20000};
    clock_ms = 0;
    controller_init(c, &tl, &d, MEASURE, w, h, 0);
}

static inline void feed(Controller *c, InputEvent ev)
{
    clock_ms += 20;
    ev.t_ms = clock_ms;
    controller_input(c, &ev);
    controller_update(c, clock_ms);
}

static inline void tap(Controller *c, float x, float y)
{
    feed(c, (InputEvent){.type = INPUT_POINTER_DOWN, .x = x, .y = y, .button = 1, .pointer_id = 1, .is_touch = true});
    feed(c, (InputEvent){.type = INPUT_POINTER_UP, .x = x, .y = y, .button = 1, .pointer_id = 1, .is_touch = true});
    clock_ms += 400; /* no double tap with the next one */
    controller_update(c, clock_ms);
}

static inline void tap_rect(Controller *c, Rect r)
{
    tap(c, r.x + r.w / 2, r.y + r.h / 2);
}

static inline void key(Controller *c, int k, int mods)
{
    feed(c, (InputEvent){.type = INPUT_KEY_DOWN, .key = k, .mods = mods});
}

static inline void wait_ms(Controller *c, double ms)
{
    clock_ms += ms;
    controller_update(c, clock_ms);
}

/* Lets time pass until the camera has landed. */
static inline void settle(Controller *c)
{
    for (int i = 0; i < 400 && controller_update(c, clock_ms); i++) clock_ms += 16;
}

static inline const char *id_of(int event)
{
    return event >= 0 ? tl.events[event].id : "(none)";
}

/* The layout dump, parsed (the caller deletes it). */
static inline cJSON *dump(Controller *c)
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

static inline const char *dump_string(const cJSON *root, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(root, key);
    return cJSON_IsString(item) ? item->valuestring : "(not a string)";
}

static inline double dump_number(const cJSON *root, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(root, key);
    return cJSON_IsNumber(item) ? item->valuedouble : -999;
}

static inline ViewInput frame_input(Controller *c)
{
    controller_frame(c);
    return controller_view_input(c);
}

#endif
