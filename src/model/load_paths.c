/* load_paths.c: image paths in a timeline, confined to the timeline's folder.
 *
 * A timeline is shared like a document, so a path in it must not reach
 * what the author did not ship with it: "../../etc/passwd", "/etc/passwd",
 * a symbolic link pointing out, a FIFO (which would block the frame that
 * opens it) or a device. Each is refused here with a located problem, so
 * --check and the on-screen list say so, and the renderer never sees the
 * path. The lexical rules hold for every load; the rules that need the
 * disk (links, file type, size, pixels) hold when the file came from disk. */
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "imagehdr.h"
#include "load_internal.h"

void loader_paths_free(Loader *L)
{
    free(L->base_real);
    L->base_real = NULL;
    L->base_real_tried = false;
}

static bool is_absolute(const char *p)
{
    bool drive = ((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z')) && p[1] == ':';
    return p[0] == '/' || p[0] == '\\' || drive;
}

/* A ".." between separators ('/' or '\\': a Windows author's habit). */
static bool climbs(const char *p)
{
    while (*p) {
        size_t n = strcspn(p, "/\\");
        if (n == 2 && p[0] == '.' && p[1] == '.') return true;
        p += n;
        if (*p) p++;
    }
    return false;
}

static bool refuse(Loader *L, const cJSON *node, const char *path, const char *raw, const char *why)
{
    loader_problem(L, node, LOAD_IMAGE_REFUSED, LOAD_ERROR, path, "the image \"%.60s\" %s; no image is shown",
                   raw, why);
    return false;
}

/* The rules that need no disk. */
static bool lexically_allowed(Loader *L, const cJSON *node, const char *path, const char *raw)
{
    if (!raw[0]) return refuse(L, node, path, raw, "is an empty path");
    if (strstr(raw, "://"))
        return refuse(L, node, path, raw, "is a web address; only image files stored with the timeline are shown");
    if (is_absolute(raw))
        return refuse(L, node, path, raw, "is an absolute path; write it relative to the timeline's folder");
    if (climbs(raw)) return refuse(L, node, path, raw, "leaves the timeline's folder (\"..\")");
    return true;
}

static const char *base_real(Loader *L)
{
    if (!L->base_real_tried) {
        L->base_real_tried = true;
        L->base_real = realpath(L->base_dir, NULL);
    }
    return L->base_real;
}

/* True when real (links resolved) lies inside the folder base (resolved too). */
static bool inside(const char *base, const char *real)
{
    size_t n = strlen(base);
    if (n == 1 && base[0] == '/') return true;
    return strncmp(real, base, n) == 0 && real[n] == '/';
}

static void warn_missing(Loader *L, const cJSON *node, const char *path, const char *raw, const char *why)
{
    loader_problem(L, node, LOAD_IMAGE_MISSING, LOAD_WARNING, path,
                   "the image \"%.60s\" cannot be read (%s); a placeholder is shown until it is there", raw, why);
}

/* The format and size from the file's first bytes; false when refused. */
static bool header_allowed(Loader *L, const cJSON *node, const char *path, const char *raw, const FileData *d)
{
    ImageInfo info;
    ImageHeaderResult h = image_header_read((const unsigned char *)d->bytes, d->len, &info);
    char why[160];
    if (h == IMAGE_HEADER_NOT_IMAGE) return refuse(L, node, path, raw, "is not a PNG or JPEG image");
    if (h == IMAGE_HEADER_OK && !image_size_allowed(info.w_px, info.h_px)) {
        snprintf(why, sizeof why, "is %d x %d pixels; the limit is %d pixels a side and %d in all", info.w_px,
                 info.h_px, IMAGE_MAX_SIDE_PX, IMAGE_MAX_PIXELS);
        return refuse(L, node, path, raw, why);
    }
    return true; /* a size past the first bytes is checked again before decoding */
}

/* The rules that need the disk, on the joined path. */
static bool file_allowed(Loader *L, const cJSON *node, const char *path, const char *raw, const char *joined)
{
    const char *base = base_real(L);
    char *real = base ? realpath(joined, NULL) : NULL;
    if (!real) {
        warn_missing(L, node, path, raw, base ? strerror(errno) : "the timeline's folder cannot be read");
        return true;
    }
    bool ok = inside(base, real);
    if (!ok) refuse(L, node, path, raw, "leads outside the timeline's folder (a symbolic link?)");
    FileData d = {0};
    FileioError e = ok ? fileio_read_head(real, IMAGE_MAX_FILE_BYTES, IMAGE_HEAD_BYTES, &d) : FILEIO_OK;
    free(real);
    if (!ok) return false;
    char why[160];
    if (e == FILEIO_DIRECTORY) ok = refuse(L, node, path, raw, "is a folder, not a file");
    else if (e == FILEIO_NOT_REGULAR)
        ok = refuse(L, node, path, raw, "is not a regular file (a FIFO, a socket or a device); it was not opened");
    else if (e == FILEIO_TOO_LARGE) {
        snprintf(why, sizeof why, "is %lld bytes; the limit is %d bytes", (long long)d.file_bytes,
                 IMAGE_MAX_FILE_BYTES);
        ok = refuse(L, node, path, raw, why);
    } else if (e != FILEIO_OK) warn_missing(L, node, path, raw, fileio_error_text(e, d.sys_errno));
    else ok = header_allowed(L, node, path, raw, &d);
    fileio_data_free(&d);
    return ok;
}

bool loader_image_path(Loader *L, const cJSON *node, const char *path, const char *raw, const char **out)
{
    *out = NULL;
    if (!lexically_allowed(L, node, path, raw)) return false;
    if (!L->base_dir) {
        *out = arena_strdup(&L->tl->arena, raw);
        return *out != NULL;
    }
    size_t n = strlen(L->base_dir) + strlen(raw) + 2;
    char *joined = arena_alloc_text(&L->tl->arena, n);
    if (!joined) return false;
    snprintf(joined, n, "%s/%s", L->base_dir, raw);
    if (!file_allowed(L, node, path, raw, joined)) return false;
    *out = joined;
    return true;
}
