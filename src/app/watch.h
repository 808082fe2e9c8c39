/* watch.h: notices when the open timeline file is saved again, so an author
 * who edits it sees the change within a second, without Ctrl+R.
 *
 * inotify watches the file's folder (editors often save by writing a new
 * file and renaming it over the old one, which a watch on the file itself
 * would lose); a stat of the file every WATCH_POLL_MS covers what inotify
 * cannot see (network folders, a watch limit reached). A change is reported
 * once the file has stayed the same for WATCH_SETTLE_MS, so a save written in
 * several steps is read whole. Time is an input: nothing here reads a clock. */
#ifndef FRISE_WATCH_H
#define FRISE_WATCH_H

#include <stdbool.h>
#include <sys/types.h>

enum { WATCH_POLL_MS = 500, WATCH_SETTLE_MS = 150, WATCH_PATH_MAX = 4096 };

/* What identifies one version of the file. */
typedef struct FileStamp {
    bool exists;
    dev_t device;
    ino_t inode;
    off_t size;
    long long mtime_ns;
} FileStamp;

typedef struct FileWatch {
    char path[WATCH_PATH_MAX];
    const char *name;            /* the file's name within its folder (points into path) */
    int inotify_fd;              /* -1: polling only */
    FileStamp seen;              /* the version last reported (or started with) */
    FileStamp pending;           /* a newer version, waiting to settle */
    bool changing;
    double pending_since_ms;
    double last_poll_ms;
} FileWatch;

/* Starts watching path (the version there now counts as seen). Returns
 * false only when the path is too long; without inotify it polls. */
bool watch_start(FileWatch *w, const char *path, double now_ms);
void watch_stop(FileWatch *w);

/* True once, when a new version of the file has settled. Call it from the
 * main loop; it never blocks. */
bool watch_poll(FileWatch *w, double now_ms);

/* Milliseconds until watch_poll has something to look at again (the next
 * poll, or the end of a settling change). */
double watch_next_ms(const FileWatch *w, double now_ms);

#endif
