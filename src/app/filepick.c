/* filepick.c: the desktop's file chooser and the app's own list (see filepick.h). */
#define _XOPEN_SOURCE 700
#include "filepick.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "grow.h"
#include "load_csv.h"

extern char **environ;

/* ---- the app's own list -------------------------------------------------------------- */

void filepick_offer_free(FileOffer *o)
{
    for (int i = 0; i < o->count; i++) {
        free(o->paths[i]);
        free(o->folders[i]);
    }
    memset(o, 0, sizeof *o);
}

static bool is_regular(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static bool offered(const FileOffer *o, const char *path)
{
    for (int i = 0; i < o->count; i++)
        if (same_file(o->paths[i], path)) return true;
    return false;
}

void filepick_folder_of(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash) snprintf(out, cap, ".");
    else snprintf(out, cap, "%.*s", (int)(slash == path ? 1 : slash - path), path);
}

/* A folder as a person reads it: absolute, the home folder as "~". */
static void readable_folder(const char *folder, char *out, size_t cap)
{
    char *real = realpath(folder, NULL);
    const char *shown = real ? real : folder, *home = getenv("HOME");
    size_t h = home ? strlen(home) : 0;
    if (h > 1 && strncmp(shown, home, h) == 0 && (shown[h] == '/' || shown[h] == '\0'))
        snprintf(out, cap, "~%s", shown + h);
    else
        snprintf(out, cap, "%s", shown);
    free(real);
}

/* Adds a row for path unless it is the current file, missing, or there already. */
static void offer(FileOffer *o, const char *path, const char *current, bool recent)
{
    if (o->count >= FILEPICK_MAX || !is_regular(path) || (current && same_file(path, current)) || offered(o, path))
        return;
    char folder[PATHS_MAX], shown[PATHS_MAX];
    filepick_folder_of(path, folder, sizeof folder);
    readable_folder(folder, shown, sizeof shown);
    char *p = strdup(path), *f = strdup(shown);
    if (!p || !f) {
        free(p);
        free(f);
        return;
    }
    const char *slash = strrchr(p, '/');
    o->paths[o->count] = p;
    o->folders[o->count] = f;
    o->rows[o->count] = (FileChoice){slash ? slash + 1 : p, f, recent};
    o->count++;
}

static bool is_timeline_name(const char *name)
{
    size_t n = strlen(name);
    if (name[0] == '.') return false; /* hidden, and editors' lock and swap files */
    return load_csv_path_is_csv(name) || (n > 5 && strcasecmp(name + n - 5, ".json") == 0);
}

static int by_name(const void *a, const void *b)
{
    return strcoll(*(const char *const *)a, *(const char *const *)b);
}

/* The timeline files' names of folder, sorted: all are read before the
 * first ones are kept, so a large folder shows its first names, not the
 * ones the disk happened to give first. *names is malloc'd, each name too. */
static int list_folder(const char *folder, char ***names)
{
    *names = NULL;
    DIR *d = opendir(folder);
    if (!d) return 0;
    int n = 0, cap = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (!is_timeline_name(e->d_name)) continue;
        if (!grow_array_int((void **)names, &cap, n + 1, sizeof **names)) break;
        if (((*names)[n] = strdup(e->d_name)) != NULL) n++;
    }
    closedir(d);
    if (n) qsort(*names, (size_t)n, sizeof **names, by_name);
    return n;
}

void filepick_offer(FileOffer *o, const char *current_path, const RecentFiles *recent)
{
    filepick_offer_free(o);
    char folder[PATHS_MAX];
    filepick_folder_of(current_path ? current_path : ".", folder, sizeof folder);
    readable_folder(folder, o->folder, sizeof o->folder);
    for (int i = 0; recent && i < recent->count; i++) offer(o, recent->paths[i], current_path, true);
    char **names;
    int n = list_folder(folder, &names);
    for (int i = 0; i < n; i++) {
        char path[PATHS_MAX];
        if (snprintf(path, sizeof path, "%s/%s", folder, names[i]) < (int)sizeof path)
            offer(o, path, current_path, false);
        free(names[i]);
    }
    free(names);
}

/* ---- the desktop's chooser ----------------------------------------------------------- */

static bool on_path(const char *program)
{
    const char *path = getenv("PATH");
    if (!path || !path[0]) return false;
    for (const char *p = path; *p;) {
        const char *colon = strchr(p, ':');
        size_t len = colon ? (size_t)(colon - p) : strlen(p);
        char full[PATHS_MAX];
        if (len && snprintf(full, sizeof full, "%.*s/%s", (int)len, p, program) < (int)sizeof full &&
            access(full, X_OK) == 0 && is_regular(full))
            return true;
        p += len + (colon ? 1 : 0);
    }
    return false;
}

bool filepick_external_program(char *out, size_t cap)
{
    const char *display = getenv("DISPLAY"), *wayland = getenv("WAYLAND_DISPLAY");
    if (!(display && display[0]) && !(wayland && wayland[0])) return false;
    const char *asked = getenv("FRISE_FILE_CHOOSER");
    if (asked && asked[0]) {
        bool known = strcmp(asked, "zenity") == 0 || strcmp(asked, "kdialog") == 0;
        return known && on_path(asked) && snprintf(out, cap, "%s", asked) < (int)cap;
    }
    const char *programs[] = {"zenity", "kdialog"};
    for (size_t i = 0; i < sizeof programs / sizeof programs[0]; i++)
        if (on_path(programs[i])) return snprintf(out, cap, "%s", programs[i]) < (int)cap;
    return false;
}

/* The chooser's command line, into argv (pointing into buf). */
static void chooser_argv(const char *program, const char *folder, const char *title, char *buf, size_t cap,
                         char **argv)
{
    int n = 0;
    argv[n++] = (char *)program;
    if (strcmp(program, "zenity") == 0) {
        /* The trailing slash makes zenity open the folder rather than pick a file named like it. */
        snprintf(buf, cap, "%s/", folder);
        argv[n++] = "--file-selection";
        argv[n++] = "--title";
        argv[n++] = (char *)title;
        argv[n++] = "--filename";
        argv[n++] = buf;
        argv[n++] = "--file-filter=*.json *.csv *.tsv *.JSON *.CSV *.TSV";
        argv[n++] = "--file-filter=*";
    } else {
        argv[n++] = "--title";
        argv[n++] = (char *)title;
        argv[n++] = "--getopenfilename";
        argv[n++] = (char *)folder;
        argv[n++] = "*.json *.csv *.tsv|Timelines\n*|*";
    }
    argv[n] = NULL;
}

static bool spawn(ExternalPick *p, char **argv, const int out_fds[2], const int err_fds[2])
{
    posix_spawn_file_actions_t actions;
    if (posix_spawn_file_actions_init(&actions) != 0) return false;
    /* Its standard output and error are the pipes (dup2 leaves them open
     * across exec); every other copy of them closes on exec. */
    bool ok = posix_spawn_file_actions_adddup2(&actions, out_fds[1], STDOUT_FILENO) == 0 &&
              posix_spawn_file_actions_adddup2(&actions, err_fds[1], STDERR_FILENO) == 0 &&
              posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0) == 0 &&
              posix_spawnp(&p->pid, argv[0], &actions, NULL, argv, environ) == 0;
    posix_spawn_file_actions_destroy(&actions);
    return ok;
}

/* A pipe whose ends close on exec and whose reading end never blocks. */
static bool make_pipe(int fds[2])
{
    if (pipe(fds) != 0) return false;
    bool ok = fcntl(fds[0], F_SETFD, FD_CLOEXEC) == 0 && fcntl(fds[1], F_SETFD, FD_CLOEXEC) == 0 &&
              fcntl(fds[0], F_SETFL, O_NONBLOCK | fcntl(fds[0], F_GETFL)) == 0;
    if (!ok) {
        close(fds[0]);
        close(fds[1]);
    }
    return ok;
}

bool filepick_external_start(ExternalPick *p, const char *folder, const char *title)
{
    char program[32], folder_arg[PATHS_MAX + 2];
    char *argv[12];
    if (p->running || !filepick_external_program(program, sizeof program)) return false;
    chooser_argv(program, folder, title, folder_arg, sizeof folder_arg, argv);
    int out[2], err[2];
    if (!make_pipe(out)) return false;
    if (!make_pipe(err)) {
        close(out[0]);
        close(out[1]);
        return false;
    }
    bool started = spawn(p, argv, out, err);
    close(out[1]);
    close(err[1]);
    if (!started) {
        close(out[0]);
        close(err[0]);
        return false;
    }
    *p = (ExternalPick){.pid = p->pid, .fd = out[0], .err_fd = err[0], .running = true};
    return true;
}

/* Reads what is there into buf (len so far, cap with its NUL); true at the end. */
static bool read_some(int fd, char *buf, size_t *len, size_t cap)
{
    for (;;) {
        char chunk[512];
        ssize_t got = read(fd, chunk, sizeof chunk);
        if (got == 0) return true;
        if (got < 0) return errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR;
        size_t room = cap - 1 - *len, take = (size_t)got < room ? (size_t)got : room;
        memcpy(buf + *len, chunk, take);
        *len += take;
    }
}

/* GTK and Qt say so on their standard error when there is no display to
 * show a window on, and exit as a cancel would (1): the app's own list
 * must then show instead. */
static bool could_not_show(const ExternalPick *p)
{
    for (size_t i = 0; i + 7 <= p->err_len; i++)
        if (strncasecmp(p->err + i, "display", 7) == 0) return true;
    return false;
}

static void finish(ExternalPick *p)
{
    close(p->fd);
    close(p->err_fd);
    p->running = false;
}

PickState filepick_external_poll(ExternalPick *p, char *path, size_t cap)
{
    if (!p->running) return PICK_IDLE;
    read_some(p->err_fd, p->err, &p->err_len, sizeof p->err);
    if (!p->out_done) p->out_done = read_some(p->fd, p->out, &p->len, sizeof p->out);
    int status = 0;
    pid_t done = p->out_done ? waitpid(p->pid, &status, WNOHANG) : 0;
    if (done == 0 || (done < 0 && errno == EINTR)) return PICK_RUNNING; /* looked at again in a moment */
    read_some(p->err_fd, p->err, &p->err_len, sizeof p->err);
    finish(p);
    p->out[p->len] = '\0';
    p->out[strcspn(p->out, "\r\n")] = '\0';
    int code = done > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code == 0 && p->out[0] && snprintf(path, cap, "%s", p->out) < (int)cap) return PICK_CHOSEN;
    if (code == 1 && !p->out[0] && could_not_show(p)) return PICK_FAILED;
    return code == 0 || code == 1 ? PICK_CANCELLED : PICK_FAILED;
}

/* A chooser that ignores SIGTERM gets SIGKILL after a second: quitting
 * never waits on it. */
enum { STOP_GRACE_MS = 1000, STOP_LOOK_MS = 20 };

void filepick_external_stop(ExternalPick *p)
{
    if (!p->running) return;
    kill(p->pid, SIGTERM);
    bool gone = false;
    for (int waited = 0; !gone && waited < STOP_GRACE_MS; waited += STOP_LOOK_MS) {
        gone = waitpid(p->pid, NULL, WNOHANG) == p->pid;
        if (!gone) nanosleep(&(struct timespec){0, STOP_LOOK_MS * 1000000L}, NULL);
    }
    if (!gone) {
        kill(p->pid, SIGKILL);
        while (waitpid(p->pid, NULL, 0) < 0 && errno == EINTR) {}
    }
    finish(p);
}
