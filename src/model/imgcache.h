/* imgcache.h: which decoded images to keep, decided without SDL: a least
 * recently used list under a byte budget, and a file stamp per entry so a
 * replaced or fixed image file is read again. It holds no pixels: the
 * caller's handle (the renderer's texture) rides along and is given back to
 * the caller's release function when an entry goes. */
#ifndef FRISE_IMGCACHE_H
#define FRISE_IMGCACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fileio.h"

/* 64 MiB of decoded images: sixteen photos at the 1024 px they are shown
 * at (4 bytes a pixel). A kiosk that tours a thousand photos stays there. */
enum { IMGCACHE_BUDGET_BYTES = 64 * 1024 * 1024 };

typedef struct ImgEntry {
    char *path;                /* as the draw list gives it, owned: the key */
    char *file;                /* the file it was read from (path resolved), owned */
    uint64_t hash;
    void *handle;              /* the caller's (a texture); NULL: the load failed */
    int w_px, h_px;
    size_t bytes;              /* what the handle costs, counted against the budget */
    FileStamp stamp;           /* the file's version when it was loaded */
    bool has_stamp;            /* false: the file could not be seen then */
    uint64_t used_tick;        /* imgcache_tick value when last used */
    uint64_t checked_tick;     /* ... when its stamp was last compared */
} ImgEntry;

typedef struct ImgCache {
    ImgEntry *entries;
    int count, cap;
    size_t bytes, budget_bytes;
    uint64_t tick;             /* one per frame: entries used this tick are never evicted */
    void (*release)(void *ctx, void *handle);
    void *ctx;
} ImgCache;

/* An empty cache with this budget (0: IMGCACHE_BUDGET_BYTES); release is
 * called for every non-NULL handle that leaves. Free with imgcache_free. */
void imgcache_init(ImgCache *c, size_t budget_bytes, void (*release)(void *ctx, void *handle), void *ctx);

/* Releases every handle and the entries; *c is empty and stays usable. */
void imgcache_clear(ImgCache *c);
/* imgcache_clear, then frees the cache's own memory. */
void imgcache_free(ImgCache *c);

/* Starts a frame: what is used from now on is "in use" until the next tick. */
void imgcache_tick(ImgCache *c);

/* The entry for path (len bytes, not NUL-terminated), marked used; NULL when
 * absent. When it was not yet checked this tick and the file's stamp now
 * differs from the one it was loaded with (or the file appeared or went),
 * the entry is dropped and NULL returned, so the caller loads it afresh.
 * The pointer is valid until the next insert, remove or clear. */
ImgEntry *imgcache_get(ImgCache *c, const char *path, size_t len);

/* Adds an entry for path (the key) read from file (whose stamp later reads
 * compare; handle may be NULL for a failed load, bytes 0) with the stamp the
 * file had when read (NULL: it could not be seen), then evicts the least
 * recently used entries not used this tick until the total fits the budget.
 * Returns the new entry, or NULL when memory ran out (the handle is then
 * released). */
ImgEntry *imgcache_insert(ImgCache *c, const char *path, size_t len, const char *file, void *handle, int w_px,
                          int h_px, size_t bytes, const FileStamp *stamp);

#endif
