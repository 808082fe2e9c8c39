/* imgcache.c: the image cache's bookkeeping (see imgcache.h).
 *
 * A linear list: a frame shows a few dozen images at most and the budget
 * holds about sixteen, so a scan costs less than a hash table's upkeep.
 * Why stamps and not a "reload" call: a fixed image must appear without a
 * restart (issue 13), and comparing the file's stamp once per frame that
 * shows it costs one stat() per visible image, which also covers Ctrl+R. */
#include "imgcache.h"

#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "hash.h"

void imgcache_init(ImgCache *c, size_t budget_bytes, void (*release)(void *ctx, void *handle), void *ctx)
{
    memset(c, 0, sizeof *c);
    c->budget_bytes = budget_bytes ? budget_bytes : IMGCACHE_BUDGET_BYTES;
    c->release = release;
    c->ctx = ctx;
}

static void drop_entry(ImgCache *c, int i)
{
    ImgEntry *e = &c->entries[i];
    if (e->handle && c->release) c->release(c->ctx, e->handle);
    c->bytes -= e->bytes;
    free(e->path);
    free(e->file);
    c->entries[i] = c->entries[--c->count];
}

void imgcache_clear(ImgCache *c)
{
    while (c->count > 0) drop_entry(c, c->count - 1);
    c->bytes = 0;
}

void imgcache_free(ImgCache *c)
{
    imgcache_clear(c);
    free(c->entries);
    c->entries = NULL;
    c->cap = 0;
}

void imgcache_tick(ImgCache *c)
{
    c->tick++;
}

static int find(const ImgCache *c, const char *path, size_t len, uint64_t hash)
{
    for (int i = 0; i < c->count; i++) {
        const ImgEntry *e = &c->entries[i];
        if (e->hash == hash && strlen(e->path) == len && memcmp(e->path, path, len) == 0) return i;
    }
    return -1;
}

/* Whether the file changed since the entry was read: another version, or
 * a file that appeared or went. */
static bool stale(const ImgEntry *e)
{
    FileStamp now;
    bool seen = fileio_stamp(e->file, &now);
    if (seen != e->has_stamp) return true;
    return seen && !fileio_stamp_equal(&now, &e->stamp);
}

ImgEntry *imgcache_get(ImgCache *c, const char *path, size_t len)
{
    int i = find(c, path, len, hash_fnv1a(path, len));
    if (i < 0) return NULL;
    ImgEntry *e = &c->entries[i];
    if (e->checked_tick != c->tick) {
        e->checked_tick = c->tick;
        if (stale(e)) {
            drop_entry(c, i);
            return NULL;
        }
    }
    e->used_tick = c->tick;
    return e;
}

/* The least recently used entry not used this tick, or -1. */
static int oldest_idle(const ImgCache *c)
{
    int best = -1;
    for (int i = 0; i < c->count; i++) {
        const ImgEntry *e = &c->entries[i];
        if (e->used_tick == c->tick) continue;
        if (best < 0 || e->used_tick < c->entries[best].used_tick) best = i;
    }
    return best;
}

static void evict_to_budget(ImgCache *c)
{
    while (c->bytes > c->budget_bytes) {
        int i = oldest_idle(c);
        if (i < 0) return; /* everything left is on screen now: over budget for this frame only */
        drop_entry(c, i);
    }
}

static char *copy_text(const char *s, size_t len)
{
    char *out = malloc(len + 1);
    if (out) {
        memcpy(out, s, len);
        out[len] = '\0';
    }
    return out;
}

ImgEntry *imgcache_insert(ImgCache *c, const char *path, size_t len, const char *file, void *handle, int w_px,
                          int h_px, size_t bytes, const FileStamp *stamp)
{
    char *key = copy_text(path, len), *where = copy_text(file, strlen(file));
    if (!key || !where || !grow_array_int((void **)&c->entries, &c->cap, c->count + 1, sizeof *c->entries)) {
        free(key);
        free(where);
        if (handle && c->release) c->release(c->ctx, handle);
        return NULL;
    }
    uint64_t hash = hash_fnv1a(path, len);
    ImgEntry *e = &c->entries[c->count++];
    *e = (ImgEntry){.path = key, .file = where, .hash = hash, .handle = handle, .w_px = w_px,
                    .h_px = h_px, .bytes = handle ? bytes : 0, .has_stamp = stamp != NULL,
                    .used_tick = c->tick, .checked_tick = c->tick};
    if (stamp) e->stamp = *stamp;
    c->bytes += e->bytes;
    evict_to_budget(c);
    /* Eviction moves entries (the last takes a dropped one's place); the new
     * one was used this tick, so it is still there: find it again. */
    return &c->entries[find(c, path, len, hash)];
}
