/* spill.c: texts in a file (see spill.h). */
#define _GNU_SOURCE /* O_TMPFILE, MADV_DONTNEED */
#include "spill.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Address space only: nothing is committed until written. 64 GiB is far
 * beyond any file the loaders accept. */
#define SPILL_RESERVE ((size_t)64 << 30)

enum {
    SPILL_GROW_BYTES = 64 << 20,    /* the file grows (and is reserved on disk) by this much */
    SPILL_RELEASE_BYTES = 8 << 20   /* written pages are let go from the process by this much */
};

struct Spill {
    int fd;
    char *base;
    size_t size;      /* bytes reserved on disk */
    size_t used;      /* bytes handed out */
    size_t released;  /* pages before this were let go */
};

Spill *spill_open(const char *dir)
{
#if defined(O_TMPFILE) && defined(MADV_DONTNEED)
    int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0) return NULL;
    void *base = mmap(NULL, SPILL_RESERVE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_NORESERVE, fd, 0);
    Spill *s = base != MAP_FAILED ? calloc(1, sizeof *s) : NULL;
    if (!s) {
        if (base != MAP_FAILED) munmap(base, SPILL_RESERVE);
        close(fd);
        return NULL;
    }
    s->fd = fd;
    s->base = base;
    /* The view reads a text here and there: a fault maps its own page,
     * not the 64 KB around it (which would bring the whole file back). */
    madvise(base, SPILL_RESERVE, MADV_RANDOM);
    return s;
#else
    (void)dir;
    return NULL;
#endif
}

static bool grow(Spill *s, size_t need)
{
    size_t size = s->size + SPILL_GROW_BYTES;
    if (size < need) size = need;
    if (size > SPILL_RESERVE || posix_fallocate(s->fd, (off_t)s->size, (off_t)(size - s->size)) != 0) return false;
    s->size = size;
    return true;
}

/* The pages written so far leave the process; the page cache keeps them. */
static void release_written(Spill *s)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t upto = s->used / page * page;
    if (upto - s->released < SPILL_RELEASE_BYTES) return;
    if (madvise(s->base + s->released, upto - s->released, MADV_DONTNEED) == 0) s->released = upto;
}

char *spill_alloc(Spill *s, size_t size)
{
    if (size > SPILL_RESERVE - s->used) return NULL;
    if (s->used + size > s->size && !grow(s, s->used + size)) return NULL;
    char *p = s->base + s->used;
    s->used += size;
    release_written(s);
    return p;
}

void spill_release_all(Spill *s)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t upto = (s->used + page - 1) / page * page; /* within the space reserved: s->size is whole pages */
    if (upto > 0 && madvise(s->base, upto, MADV_DONTNEED) == 0) s->released = s->used / page * page;
}

size_t spill_bytes(const Spill *s)
{
    return s->used;
}

void spill_close(Spill *s)
{
    if (!s) return;
    munmap(s->base, SPILL_RESERVE);
    close(s->fd);
    free(s);
}

static bool is_folder(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool spill_default_dir(char *out, size_t cap)
{
    const char *cache = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    if (cache && cache[0] == '/' && is_folder(cache)) return snprintf(out, cap, "%s", cache) < (int)cap;
    if (home && home[0] == '/' && snprintf(out, cap, "%s/.cache", home) < (int)cap && is_folder(out)) return true;
    return is_folder("/var/tmp") && snprintf(out, cap, "/var/tmp") < (int)cap;
}
