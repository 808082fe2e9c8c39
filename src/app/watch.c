/* watch.c: the timeline file's watcher (see watch.h). */
#define _POSIX_C_SOURCE 200809L
#include "watch.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

static FileStamp stamp_of(const char *path)
{
    struct stat st;
    FileStamp s = {0};
    if (stat(path, &st) != 0) return s;
    s.exists = true;
    s.device = st.st_dev;
    s.inode = st.st_ino;
    s.size = st.st_size;
    s.mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
    return s;
}

static bool same_stamp(const FileStamp *a, const FileStamp *b)
{
    return a->exists == b->exists && a->device == b->device && a->inode == b->inode && a->size == b->size &&
           a->mtime_ns == b->mtime_ns;
}

/* The folder of path into out ("." when it has none). */
static void folder_of(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash) snprintf(out, cap, ".");
    else snprintf(out, cap, "%.*s", (int)(slash == path ? 1 : slash - path), path);
}

static int open_inotify(const char *path)
{
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) return -1;
    char folder[WATCH_PATH_MAX];
    folder_of(path, folder, sizeof folder);
    uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB;
    if (inotify_add_watch(fd, folder, mask) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

bool watch_start(FileWatch *w, const char *path, double now_ms)
{
    memset(w, 0, sizeof *w);
    w->inotify_fd = -1;
    if (snprintf(w->path, sizeof w->path, "%s", path) >= (int)sizeof w->path) return false;
    const char *slash = strrchr(w->path, '/');
    w->name = slash ? slash + 1 : w->path;
    w->inotify_fd = open_inotify(w->path);
    w->seen = stamp_of(w->path);
    w->last_poll_ms = now_ms;
    return true;
}

void watch_stop(FileWatch *w)
{
    if (w->inotify_fd >= 0) close(w->inotify_fd);
    w->inotify_fd = -1;
}

/* True when inotify said something happened to our file (the queue is
 * drained either way). */
static bool inotify_says_changed(FileWatch *w)
{
    if (w->inotify_fd < 0) return false;
    _Alignas(struct inotify_event) char buf[4096];
    bool ours = false;
    for (;;) {
        ssize_t n = read(w->inotify_fd, buf, sizeof buf);
        if (n <= 0) break;
        for (ssize_t off = 0; off < n;) {
            const struct inotify_event *ev = (const struct inotify_event *)(buf + off);
            if ((ev->mask & IN_Q_OVERFLOW) || (ev->len > 0 && strcmp(ev->name, w->name) == 0)) ours = true;
            off += (ssize_t)sizeof *ev + ev->len;
        }
    }
    return ours;
}

bool watch_poll(FileWatch *w, double now_ms)
{
    bool look = inotify_says_changed(w) || w->changing || now_ms - w->last_poll_ms >= WATCH_POLL_MS;
    if (!look) return false;
    w->last_poll_ms = now_ms;
    FileStamp now = stamp_of(w->path);
    if (same_stamp(&now, &w->seen)) {
        w->changing = false; /* back as it was: nothing to read */
        return false;
    }
    if (!w->changing || !same_stamp(&now, &w->pending)) { /* a new version: let it settle */
        w->pending = now;
        w->pending_since_ms = now_ms;
        w->changing = true;
        return false;
    }
    if (now_ms - w->pending_since_ms < WATCH_SETTLE_MS || !now.exists) return false;
    w->seen = now;
    w->changing = false;
    return true;
}

double watch_next_ms(const FileWatch *w, double now_ms)
{
    double next = w->last_poll_ms + WATCH_POLL_MS - now_ms;
    if (w->changing) {
        double settle = w->pending_since_ms + WATCH_SETTLE_MS - now_ms;
        if (settle < next) next = settle;
    }
    return next > 0 ? next : 0;
}
