/* test_spill.c: texts written to a spill file stay readable after their
 * pages leave the process, and a large timeline's texts go there. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "load.h"
#include "search.h"
#include "spill.h"
#include "test.h"
#include "timeline.h"

static char scratch[64];

/* The pages of this process that are resident, in kB (VmRSS). */
static long resident_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0) kb = strtol(line + 6, NULL, 10);
    if (f) fclose(f);
    return kb;
}

static void texts_should_read_back_after_their_pages_are_let_go(void)
{
    Spill *s = spill_open(scratch);
    if (!s) {
        printf("no O_TMPFILE in %s: skipped\n", scratch);
        return;
    }
    enum { COUNT = 200000, LEN = 200 }; /* 40 MB: several release steps */
    char **texts = malloc(COUNT * sizeof *texts);
    long before = resident_kb();
    for (int i = 0; texts && i < COUNT; i++) {
        texts[i] = spill_alloc(s, LEN);
        if (!texts[i]) break;
        snprintf(texts[i], LEN, "text number %d, long enough to fill its two hundred bytes", i);
    }
    long after = resident_kb();
    CHECK(after - before < 24 * 1024); /* far less than the 40 MB written */
    bool intact = texts != NULL;
    for (int i = 0; intact && i < COUNT; i += 997) {
        char want[LEN];
        snprintf(want, sizeof want, "text number %d, long enough to fill its two hundred bytes", i);
        intact = texts[i] && strcmp(texts[i], want) == 0;
    }
    CHECK(intact);
    CHECK(spill_bytes(s) == (size_t)COUNT * LEN);
    free(texts);
    spill_close(s);
}

static void an_arena_keeps_short_texts_in_memory_and_spills_long_ones(void)
{
    Arena a = {0};
    if (!arena_spill_texts(&a, scratch)) return;
    char *id = arena_strdup(&a, "row-12");
    char *story = arena_strdup(&a, "A story long enough to be worth keeping on disk rather than in memory.");
    CHECK(id && story && strcmp(story, "A story long enough to be worth keeping on disk rather than in memory.") == 0);
    CHECK_INT((int)spill_bytes(a.spill), (int)strlen(story) + 1);
    arena_free(&a);
    CHECK(a.spill == NULL);
}

/* A sheet past LOAD_SPILL_MIN_BYTES loads with every text intact. */
static void a_large_sheet_keeps_its_texts_on_disk_and_intact(void)
{
    char cache[512];
    Spill *probe = spill_default_dir(cache, sizeof cache) ? spill_open(cache) : NULL;
    if (!probe) { /* no folder, or a filesystem without O_TMPFILE: texts stay in memory, as tested elsewhere */
        printf("no spill file possible in the cache folder: skipped\n");
        return;
    }
    spill_close(probe);
    char path[128];
    snprintf(path, sizeof path, "%s/big.csv", scratch);
    FILE *f = fopen(path, "w");
    if (!f) return;
    fputs("start,title,summary\n", f);
    enum { ROWS = 120000 };
    for (int i = 0; i < ROWS; i++)
        fprintf(f, "%d-01-01,\"Event number %d with a title of ordinary length\",\"A summary that tells what happened "
                   "in event %d, long enough to be like a card's summary in a real sheet.\"\n",
                1000 + i % 1000, i, i);
    fclose(f);
    struct stat st;
    CHECK(stat(path, &st) == 0 && st.st_size > LOAD_SPILL_MIN_BYTES);
    Timeline tl;
    LoadReport r;
    LoadOptions opt = {0};
    CHECK(load_timeline_file(path, &opt, &tl, &r));
    CHECK_INT(tl.event_count, ROWS);
    CHECK(tl.arena.spill != NULL && spill_bytes(tl.arena.spill) > (size_t)ROWS * 100);
    int checked = 0;
    for (int e = 0; e < tl.event_count; e += 4999) {
        int n = -1;
        sscanf(text_in(&tl.events[e].title, 0), "Event number %d", &n);
        char want[200];
        snprintf(want, sizeof want, "A summary that tells what happened in event %d, long enough to be like a card's "
                                    "summary in a real sheet.", n);
        checked += n >= 0 && strcmp(text_in(&tl.events[e].summary, 0), want) == 0;
    }
    CHECK_INT(checked, (ROWS + 4998) / 4999);
    /* A search reads every text and folds them all: the index goes to disk
     * too, and neither stays resident once the search is done. */
    SearchIndex index = {0};
    int found[8];
    long before = resident_kb();
    CHECK_INT(search_events(&tl, 0, "event 4242,", &index, found, 8), 1);
    CHECK(index.arena.spill != NULL);
    CHECK(resident_kb() - before < 12 * 1024); /* the texts and the index are some 40 MB */
    CHECK_INT(search_events(&tl, 0, "event 119999,", &index, found, 8), 1);
    search_free(&index);
    timeline_free(&tl);
    load_report_free(&r);
    unlink(path);
}

int main(void)
{
    /* Beside the build, on the disk the tests run on (not a tmpfs /tmp). */
    snprintf(scratch, sizeof scratch, "frise-test-spill-XXXXXX");
    if (!mkdtemp(scratch)) return 1;
    RUN(texts_should_read_back_after_their_pages_are_let_go);
    RUN(an_arena_keeps_short_texts_in_memory_and_spills_long_ones);
    RUN(a_large_sheet_keeps_its_texts_on_disk_and_intact);
    rmdir(scratch);
    return TEST_REPORT();
}
