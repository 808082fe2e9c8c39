/* paths.c: the data folder found at run time, from the environment and the
 * executable's own place, never from a path compiled in from the source tree. */
#define _POSIX_C_SOURCE 200809L
#include "paths.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

/* The one file every frame needs: a folder without it is not Frise's data. */
#define PATHS_MARKER "fonts/NotoSans-Regular.ttf"

/* ---- small helpers ------------------------------------------------------------ */

/* snprintf into out; false when the result does not fit (out is then cut). */
static bool format(char *out, size_t cap, const char *fmt, ...)
{
    if (cap == 0) return false;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out, cap, fmt, ap);
    va_end(ap);
    return n >= 0 && (size_t)n < cap;
}

/* Appends suffix to the string already in out. */
static bool append(char *out, size_t cap, const char *suffix)
{
    size_t len = strnlen(out, cap);
    return len < cap && format(out + len, cap - len, "%s", suffix);
}

static bool is_data_dir(const char *dir)
{
    char marker[PATHS_MAX];
    return format(marker, sizeof marker, "%s/" PATHS_MARKER, dir) && access(marker, R_OK) == 0;
}

/* The override's value, or NULL: an empty variable counts as unset, so that
 * `FRISE_DATA_DIR= frise` restores the default search. */
static const char *override(void)
{
    const char *names[] = {"FRISE_DATA_DIR", "FRISE_ASSETS"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *value = getenv(names[i]);
        if (value && value[0]) return value;
    }
    return NULL;
}

/* The folder of exe_path, or of this process's executable when NULL. The
 * kernel's link is absolute and free of symlinks, so an executable reached
 * through /usr/bin/frise -> /opt/frise/bin/frise finds /opt/frise/share. */
static PathsError exe_dir(const char *exe_path, char *out, size_t cap)
{
    char self[PATHS_MAX];
    if (!exe_path) {
        ssize_t n = readlink("/proc/self/exe", self, sizeof self);
        if (n < 0) return PATHS_NO_EXE;
        if ((size_t)n >= sizeof self) return PATHS_TOO_LONG;
        self[n] = '\0';
        exe_path = self;
    }
    const char *slash = strrchr(exe_path, '/');
    if (!slash) return format(out, cap, ".") ? PATHS_OK : PATHS_TOO_LONG;
    size_t len = slash == exe_path ? 1 : (size_t)(slash - exe_path);
    if (len >= cap) return PATHS_TOO_LONG;
    memcpy(out, exe_path, len);
    out[len] = '\0';
    return PATHS_OK;
}

/* path (PATHS_MAX chars) = dir/layout, and whether it holds the data. */
static PathsError candidate(const char *dir, const char *layout, char *path)
{
    if (!format(path, PATHS_MAX, "%s/%s", dir, layout)) return PATHS_TOO_LONG;
    return is_data_dir(path) ? PATHS_OK : PATHS_NOT_FOUND;
}

/* The search itself, into a PATHS_MAX buffer, so that only the answer has to
 * fit the caller's. When nothing is found, path is the place to name. */
static PathsError search(const char *exe_path, char *path)
{
    const char *env = override();
    if (env) {
        if (!format(path, PATHS_MAX, "%s", env)) return PATHS_TOO_LONG;
        return is_data_dir(path) ? PATHS_OK : PATHS_NOT_FOUND;
    }
    char dir[PATHS_MAX], build[PATHS_MAX];
    PathsError e = exe_dir(exe_path, dir, sizeof dir);
    if (e == PATHS_OK) e = candidate(dir, FRISE_DATA_FROM_BINDIR, path);
    /* Not installed: the build tree, else name the installed place, the one
     * a user can act on. */
    if (e == PATHS_NOT_FOUND && candidate(dir, "share/frise", build) == PATHS_OK) {
        memcpy(path, build, sizeof build);
        e = PATHS_OK;
    }
    return e;
}

/* ---- the data folder and what is in it -------------------------------------------- */

PathsError paths_data_dir(const char *exe_path, char *out, size_t cap)
{
    char path[PATHS_MAX];
    PathsError e = search(exe_path, path);
    if (e != PATHS_OK && e != PATHS_NOT_FOUND) return e;
    return format(out, cap, "%s", path) ? e : PATHS_TOO_LONG;
}

PathsError paths_font_dir(const char *exe_path, char *out, size_t cap)
{
    PathsError e = paths_data_dir(exe_path, out, cap);
    if (e != PATHS_OK && e != PATHS_NOT_FOUND) return e;
    return append(out, cap, "/fonts") ? e : PATHS_TOO_LONG;
}

PathsError paths_default_timeline(const char *exe_path, char *out, size_t cap)
{
    PathsError e = paths_data_dir(exe_path, out, cap);
    if (e != PATHS_OK && e != PATHS_NOT_FOUND) return e;
    if (!append(out, cap, "/timeline.json")) return PATHS_TOO_LONG;
    return e == PATHS_OK && access(out, R_OK) != 0 ? PATHS_NOT_FOUND : e;
}

const char *paths_error_text(PathsError error)
{
    switch (error) {
    case PATHS_OK: return "found";
    case PATHS_NOT_FOUND: return "no Frise data there (fonts/NotoSans-Regular.ttf); set FRISE_DATA_DIR";
    case PATHS_TOO_LONG: return "path too long";
    case PATHS_NO_EXE: return "cannot read /proc/self/exe; set FRISE_DATA_DIR";
    }
    return "unknown error";
}
