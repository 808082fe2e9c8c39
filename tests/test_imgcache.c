/* test_imgcache.c: the image cache's policy without SDL: a byte budget with
 * least-recently-used eviction that never drops what the current frame
 * shows, and entries read again when their file changes (a fixed image
 * appears without a restart, and Ctrl+R sees new pictures). */
#define _POSIX_C_SOURCE 200809L

#include "imgcache.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "test.h"

static int released;

static void count_release(void *ctx, void *handle)
{
    (void)ctx;
    (void)handle;
    released++;
}

static char dir[64];

static void file_path(int i, char *out, size_t cap)
{
    snprintf(out, cap, "%s/img%03d.png", dir, i);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* Inserts image i as its renderer would: stamp, then a 1 MiB "texture". */
static ImgEntry *insert(ImgCache *c, int i)
{
    char path[128];
    file_path(i, path, sizeof path);
    FileStamp st;
    bool seen = fileio_stamp(path, &st);
    static char handle;
    return imgcache_insert(c, path, strlen(path), path, &handle, 512, 512, 1 << 20, seen ? &st : NULL);
}

static ImgEntry *get(ImgCache *c, int i)
{
    char path[128];
    file_path(i, path, sizeof path);
    return imgcache_get(c, path, strlen(path));
}

static void a_tour_of_a_thousand_photos_should_stay_within_the_budget(void)
{
    ImgCache c;
    released = 0;
    imgcache_init(&c, 16u << 20, count_release, NULL);
    for (int i = 0; i < 1000; i++) {
        imgcache_tick(&c);
        if (!get(&c, i)) CHECK(insert(&c, i) != NULL);
        CHECK(c.bytes <= c.budget_bytes);
    }
    CHECK_INT(c.count, 16);
    CHECK_INT(released, 1000 - 16);
    imgcache_free(&c);
    CHECK_INT(released, 1000);
}

static void eviction_should_take_the_least_recently_used_first(void)
{
    ImgCache c;
    imgcache_init(&c, 3u << 20, count_release, NULL);
    for (int i = 0; i < 3; i++) {
        imgcache_tick(&c);
        insert(&c, i);
    }
    imgcache_tick(&c);
    CHECK(get(&c, 0) != NULL); /* 0 used again: 1 is now the oldest */
    imgcache_tick(&c);
    insert(&c, 3);
    CHECK(get(&c, 0) != NULL);
    CHECK(get(&c, 1) == NULL);
    CHECK(get(&c, 2) != NULL);
    imgcache_free(&c);
}

static void what_the_frame_shows_should_never_be_evicted(void)
{
    ImgCache c;
    imgcache_init(&c, 2u << 20, count_release, NULL);
    imgcache_tick(&c);
    for (int i = 0; i < 5; i++) CHECK(insert(&c, i) != NULL); /* one frame shows five */
    CHECK_INT(c.count, 5);                                    /* over budget, for this frame only */
    imgcache_tick(&c);
    insert(&c, 5);
    CHECK(c.bytes <= c.budget_bytes);
    imgcache_free(&c);
}

static void a_fixed_or_replaced_image_should_be_read_again(void)
{
    ImgCache c;
    imgcache_init(&c, 0, count_release, NULL);
    char path[128];
    file_path(900, path, sizeof path);
    unlink(path);
    imgcache_tick(&c);
    CHECK(insert(&c, 900) != NULL); /* a failed load of a missing file is cached... */
    imgcache_tick(&c);
    CHECK(get(&c, 900) != NULL);   /* ...while the file stays missing */
    write_file(path, "fixed");
    imgcache_tick(&c);
    CHECK(get(&c, 900) == NULL);   /* the file is there now: load it */
    insert(&c, 900);
    imgcache_tick(&c);
    CHECK(get(&c, 900) != NULL);
    char other[160];
    snprintf(other, sizeof other, "%s.new", path);
    write_file(other, "a new photo");
    CHECK(rename(other, path) == 0);
    imgcache_tick(&c);
    CHECK(get(&c, 900) == NULL);   /* replaced: load it again */
    unlink(path);
    imgcache_free(&c);
}

static void clearing_should_release_every_handle(void)
{
    ImgCache c;
    released = 0;
    imgcache_init(&c, 0, count_release, NULL);
    imgcache_tick(&c);
    for (int i = 0; i < 4; i++) insert(&c, i);
    imgcache_insert(&c, "x", 1, "x", NULL, 0, 0, 0, NULL); /* a failure: nothing to release */
    imgcache_clear(&c);
    CHECK_INT(released, 4);
    CHECK_INT(c.count, 0);
    CHECK_INT(c.bytes, 0);
    imgcache_free(&c);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/frise-test-imgcache-XXXXXX");
    if (!mkdtemp(dir)) return 1;
    for (int i = 0; i < 1000; i++) {
        char path[128];
        file_path(i, path, sizeof path);
        write_file(path, "png");
    }
    RUN(a_tour_of_a_thousand_photos_should_stay_within_the_budget);
    RUN(eviction_should_take_the_least_recently_used_first);
    RUN(what_the_frame_shows_should_never_be_evicted);
    RUN(a_fixed_or_replaced_image_should_be_read_again);
    RUN(clearing_should_release_every_handle);
    for (int i = 0; i < 1000; i++) {
        char path[128];
        file_path(i, path, sizeof path);
        unlink(path);
    }
    rmdir(dir);
    return TEST_REPORT();
}
