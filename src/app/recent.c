/* recent.c: the recent timelines (see recent.h). */
#define _XOPEN_SOURCE 700
#include "recent.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"

/* A list longer than this is not one Frise wrote. */
enum { RECENT_FILE_MAX_BYTES = RECENT_MAX * PATHS_MAX + 1024 };

bool recent_file_path(char *out, size_t cap)
{
    const char *config = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    int n = config && config[0] == '/' ? snprintf(out, cap, "%s/frise/recent", config)
            : home && home[0]          ? snprintf(out, cap, "%s/.config/frise/recent", home)
                                       : -1;
    return n > 0 && (size_t)n < cap;
}

static int find(const RecentFiles *r, const char *path)
{
    for (int i = 0; i < r->count; i++)
        if (strcmp(r->paths[i], path) == 0) return i;
    return -1;
}

/* Appends (oldest end) a line read from the file when it is a new absolute path. */
static void take_line(RecentFiles *r, const char *line, size_t len)
{
    if (r->count >= RECENT_MAX || len == 0 || len >= PATHS_MAX || line[0] != '/') return;
    char path[PATHS_MAX];
    memcpy(path, line, len);
    path[len] = '\0';
    if (strlen(path) != len || find(r, path) >= 0) return; /* a NUL inside: not a line Frise wrote */
    memcpy(r->paths[r->count++], path, len + 1);
}

void recent_load(RecentFiles *r, const char *file)
{
    r->count = 0;
    FileData d;
    if (fileio_read(file, RECENT_FILE_MAX_BYTES, &d) != FILEIO_OK) return;
    const char *p = d.bytes, *end = d.bytes + d.len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        size_t len = (size_t)(stop - p);
        if (len && p[len - 1] == '\r') len--;
        take_line(r, p, len);
        p = stop + 1;
    }
    fileio_data_free(&d);
}

bool recent_add(RecentFiles *r, const char *path)
{
    char *real = realpath(path, NULL);
    if (!real) return false;
    size_t len = strlen(real);
    if (len >= PATHS_MAX || strchr(real, '\n')) { /* a newline would split the line */
        free(real);
        return false;
    }
    int at = find(r, real);
    int last = at >= 0 ? at : r->count < RECENT_MAX ? r->count++ : RECENT_MAX - 1;
    memmove(r->paths[1], r->paths[0], (size_t)last * sizeof r->paths[0]);
    memcpy(r->paths[0], real, len + 1);
    free(real);
    return true;
}

/* Makes every folder on the way to file (mode 0700, as XDG asks). */
static bool make_parents(const char *file)
{
    char dir[PATHS_MAX];
    if (snprintf(dir, sizeof dir, "%s", file) >= (int)sizeof dir) return false;
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST) return false;
        *p = '/';
    }
    return true;
}

bool recent_save(const RecentFiles *r, const char *file)
{
    char tmp[PATHS_MAX + 16];
    if (!make_parents(file) || snprintf(tmp, sizeof tmp, "%s.%ld.tmp", file, (long)getpid()) >= (int)sizeof tmp)
        return false;
    FILE *f = fopen(tmp, "w");
    if (!f) return false;
    for (int i = 0; i < r->count; i++) fprintf(f, "%s\n", r->paths[i]);
    bool ok = fflush(f) == 0 && fsync(fileno(f)) == 0;
    ok &= fclose(f) == 0;
    ok = ok && rename(tmp, file) == 0;
    if (!ok) unlink(tmp);
    return ok;
}
