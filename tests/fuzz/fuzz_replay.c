/* fuzz_replay.c: libFuzzer target for the replay script parser (see
 * README.md). Any bytes parse or fail with one located line; a parsed
 * script hands out its items in time order, and its output names stay
 * relative and free of "..". */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "replay.h"

static void check_output(const char *path)
{
    if (!path || path[0] == '/' || strstr(path, "..") == path) abort();
    for (const char *p = path; (p = strstr(p, "/..")) != NULL; p++)
        if (p[3] == '/' || p[3] == '\0') abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Replay r;
    char err[256];
    if (!replay_parse(&r, "fuzz.txt", (const char *)data, size, err, sizeof err)) {
        if (strncmp(err, "fuzz.txt", 8) != 0 || strchr(err, '\n') || r.count != 0) abort();
        return 0;
    }
    double last = -1;
    for (const ReplayItem *it; (it = replay_next_due(&r, INFINITY)) != NULL;) {
        if (!(it->t_ms >= last)) abort();
        last = it->t_ms;
        if (it->kind == REPLAY_SCREENSHOT || it->kind == REPLAY_DUMP_LAYOUT) check_output(it->path);
    }
    if (!replay_done(&r)) abort();
    replay_free(&r);
    return 0;
}
