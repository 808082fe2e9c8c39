/* test_watch.c: specifications of the timeline file's watcher: a save is
 * reported once, after it settles; saves by rename and folders without
 * inotify are seen; a file being replaced is waited for. Time is virtual:
 * the watcher never reads a clock. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "test.h"
#include "watch.h"

static char dir[] = "/tmp/frise-watch-XXXXXX";
static char path[256];

static void write_text(const char *file, const char *text)
{
    FILE *f = fopen(file, "w");
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

static void a_save_is_reported_once_after_it_settles(void)
{
    write_text(path, "{\"v\": 1}");
    FileWatch w;
    CHECK(watch_start(&w, path, 0));
    CHECK(!watch_poll(&w, 10));
    write_text(path, "{\"v\": 2, \"longer\": true}");
    CHECK(!watch_poll(&w, 20));  /* seen, settling */
    CHECK(!watch_poll(&w, 100)); /* not settled yet */
    CHECK(watch_poll(&w, 200));
    CHECK(!watch_poll(&w, 300)); /* once */
    CHECK(!watch_poll(&w, 900));
    watch_stop(&w);
}

static void a_save_by_rename_is_seen(void)
{
    write_text(path, "{\"v\": 1}");
    FileWatch w;
    watch_start(&w, path, 0);
    char tmp[300];
    snprintf(tmp, sizeof tmp, "%s/.t.json.swp", dir);
    write_text(tmp, "{\"v\": \"renamed over\"}");
    CHECK(rename(tmp, path) == 0);
    CHECK(!watch_poll(&w, 10));
    CHECK(watch_poll(&w, 200));
    watch_stop(&w);
}

static void without_inotify_polling_sees_a_save_within_a_second(void)
{
    write_text(path, "{\"v\": 1}");
    FileWatch w;
    watch_start(&w, path, 0);
    watch_stop(&w); /* as where inotify is not to be had */
    write_text(path, "{\"v\": \"polled\"}");
    CHECK(!watch_poll(&w, 100)); /* before the next poll */
    CHECK(!watch_poll(&w, WATCH_POLL_MS));
    CHECK(watch_poll(&w, WATCH_POLL_MS + WATCH_SETTLE_MS));
    CHECK(WATCH_POLL_MS + WATCH_SETTLE_MS < 1000);
}

static void a_file_being_replaced_is_waited_for(void)
{
    write_text(path, "{\"v\": 1}");
    FileWatch w;
    watch_start(&w, path, 0);
    unlink(path);
    CHECK(!watch_poll(&w, 10));
    CHECK(!watch_poll(&w, 400)); /* gone: nothing to read yet */
    write_text(path, "{\"v\": \"back\"}");
    CHECK(!watch_poll(&w, 410));
    CHECK(watch_poll(&w, 600));
    watch_stop(&w);
}

static void the_next_look_is_due_by_the_poll_or_the_settling(void)
{
    write_text(path, "{\"v\": 1}");
    FileWatch w;
    watch_start(&w, path, 0);
    CHECK_NEAR(watch_next_ms(&w, 100), WATCH_POLL_MS - 100, 1e-9);
    write_text(path, "{\"v\": \"settling\"}");
    watch_poll(&w, 120);
    CHECK_NEAR(watch_next_ms(&w, 120), WATCH_SETTLE_MS, 1e-9);
    watch_stop(&w);
}

int main(void)
{
    if (!mkdtemp(dir)) return 1;
    snprintf(path, sizeof path, "%s/t.json", dir);
    RUN(a_save_is_reported_once_after_it_settles);
    RUN(a_save_by_rename_is_seen);
    RUN(without_inotify_polling_sees_a_save_within_a_second);
    RUN(a_file_being_replaced_is_waited_for);
    RUN(the_next_look_is_due_by_the_poll_or_the_settling);
    unlink(path);
    rmdir(dir);
    return TEST_REPORT();
}
