/* richtext.c: looking up and cutting a text's styled runs (see richtext.h). */
#include "richtext.h"

#include <string.h>

int rich_first_after(RichText rich, size_t at)
{
    int lo = 0, hi = rich.count;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (rich.runs[mid].end <= at) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

const RichRun *rich_run_at(RichText rich, size_t at)
{
    int i = rich_first_after(rich, at);
    return i < rich.count && rich.runs[i].start <= at ? &rich.runs[i] : NULL;
}

RichText rich_prefix(Arena *arena, RichText rich, size_t len)
{
    int n = 0;
    while (n < rich.count && rich.runs[n].start < len) n++;
    if (n == 0) return (RichText){NULL, 0};
    RichRun *runs = arena_alloc(arena, (size_t)n * sizeof *runs);
    if (!runs) return (RichText){NULL, 0};
    memcpy(runs, rich.runs, (size_t)n * sizeof *runs);
    if (runs[n - 1].end > len) runs[n - 1].end = (uint32_t)len;
    return (RichText){runs, n};
}

bool rich_address_hideable(const RichRun *run)
{
    return (run->style & RICH_ADDRESS) && run->url &&
           (strncmp(run->url, "https://", 8) == 0 || strncmp(run->url, "http://", 7) == 0);
}
