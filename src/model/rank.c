/* rank.c: the rank of every event, by the rule in rank.h: one sort per
 * timeline, then constant-time comparisons for layout. */
#include "rank.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"

int rank_importance(const Event *ev, bool in_tour)
{
    if (ev->importance >= EVENT_IMPORTANCE_MIN && ev->importance <= EVENT_IMPORTANCE_MAX) return ev->importance;
    bool has_body = false;
    for (int i = 0; i < TIMELINE_MAX_LANGS && !has_body; i++) has_body = text_in(&ev->body, i) && text_in(&ev->body, i)[0];
    int d = 2 + (in_tour ? 1 : 0) + (has_body && ev->source_count >= 2 ? 1 : 0) -
            (ev->certainty == CERTAINTY_DISPUTED ? 1 : 0);
    return d < 1 ? 1 : d > 4 ? 4 : d;
}

/* One event's sort key: larger fields first, compared in order. */
typedef struct RankKey {
    int event;
    int certain;                  /* 0 for unverified */
    int importance;
    int evidence;
    int span_class;
    uint32_t spread;
} RankKey;

static int compare_keys(const void *pa, const void *pb)
{
    const RankKey *a = pa, *b = pb;
    if (a->certain != b->certain) return b->certain - a->certain;
    if (a->importance != b->importance) return b->importance - a->importance;
    if (a->evidence != b->evidence) return b->evidence - a->evidence;
    if (a->span_class != b->span_class) return b->span_class - a->span_class;
    if (a->spread != b->spread) return a->spread > b->spread ? -1 : 1;
    return a->event - b->event;
}

/* A well-mixed hash of an id: FNV-1a alone leaves its high bits tied to the
 * id's length, so "e7" and "e700" would not mix (MurmurHash3's finaliser). */
static uint32_t spread(const char *id)
{
    uint64_t x = hash_fnv1a_str(id);
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return (uint32_t)(x >> 32);
}

static bool has_text(const Text *t)
{
    for (int i = 0; i < TIMELINE_MAX_LANGS; i++)
        if (text_in(t, i) && text_in(t, i)[0]) return true;
    return false;
}

bool rank_build(Rank *r, const Timeline *tl)
{
    memset(r, 0, sizeof *r);
    int n = tl->event_count;
    if (n <= 0) return true;
    RankKey *keys = malloc((size_t)n * sizeof *keys);
    bool *in_tour = calloc((size_t)n, sizeof *in_tour);
    r->order = malloc((size_t)n * sizeof *r->order);
    r->position = malloc((size_t)n * sizeof *r->position);
    if (!keys || !in_tour || !r->order || !r->position) {
        free(keys);
        free(in_tour);
        rank_free(r);
        return false;
    }
    for (int t = 0; t < tl->tour_count; t++)
        for (int s = 0; s < tl->tours[t].step_count; s++) {
            int e = tl->tours[t].steps[s].event;
            if (e >= 0 && e < n) in_tour[e] = true;
        }
    for (int e = 0; e < n; e++) {
        const Event *ev = &tl->events[e];
        RankKey *k = &keys[e];
        k->event = e;
        k->certain = ev->certainty != CERTAINTY_UNVERIFIED;
        k->importance = rank_importance(ev, in_tour[e]);
        k->evidence = (in_tour[e] ? 8 : 0) + (has_text(&ev->body) ? 4 : 0) + (ev->source_count < 3 ? ev->source_count : 3);
        double span = ev->has_end ? ev->end_days - ev->start_days : 0;
        k->span_class = span > 30 ? (int)floor(log2(span / 30)) + 1 : 0;
        k->spread = spread(ev->id ? ev->id : "");
    }
    qsort(keys, (size_t)n, sizeof *keys, compare_keys);
    for (int i = 0; i < n; i++) {
        r->order[i] = keys[i].event;
        r->position[keys[i].event] = i;
    }
    r->count = n;
    free(keys);
    free(in_tour);
    return true;
}

void rank_free(Rank *r)
{
    free(r->order);
    free(r->position);
    memset(r, 0, sizeof *r);
}

bool rank_above(const Rank *r, int a, int b)
{
    if (!r || r->count == 0 || a >= r->count || b >= r->count) return a < b;
    return r->position[a] < r->position[b];
}
