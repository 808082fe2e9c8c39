/* runner.c: the replay's virtual clock (see runner.h).
 *
 * Each turn hands the controller every item due by now, then advances its
 * animations and lays out the frame, as the live loop would draw it, so the
 * next input is hit-tested against what a person would have seen. The clock
 * then jumps to the next item, or one frame on while something moves, or to
 * the next timer (idle, long press, auto-advance). */
#define _POSIX_C_SOURCE 200809L

#include "runner.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dump.h"

static void apply_requests(Controller *c, const RunnerHooks *h)
{
    if (h->requests) h->requests(h->ctx);
    c->requests.reload = c->requests.toggle_fullscreen = c->requests.save_picture = false;
    c->requests.offer_files = c->requests.file_chosen = false;
    c->requests.open_url[0] = c->requests.clipboard[0] = '\0';
}

/* Every part of name below out_dir, then the file: no link, and no file
 * that is not a regular one. */
static bool check_parts(const char *joined, size_t base_len, char *err, size_t err_cap)
{
    char part[RUNNER_PATH_MAX];
    for (size_t i = base_len; joined[i]; i++) {
        bool end = joined[i + 1] == '\0';
        if (joined[i] != '/' && !end) continue;
        size_t n = end ? i + 1 : i;
        if (n == 0) continue;
        snprintf(part, sizeof part, "%.*s", (int)n, joined);
        struct stat st;
        if (lstat(part, &st) != 0) continue; /* not there yet: written as a new file */
        if (S_ISLNK(st.st_mode)) {
            snprintf(err, err_cap, "%s is a symbolic link; a replay does not write through links", part);
            return false;
        }
        if (end && !S_ISREG(st.st_mode)) {
            snprintf(err, err_cap, "%s exists and is not a regular file", part);
            return false;
        }
    }
    return true;
}

bool runner_output_path(const char *out_dir, const char *name, char *out, size_t cap, char *err, size_t err_cap)
{
    bool here = !out_dir || !out_dir[0];
    int n = here ? snprintf(out, cap, "%s", name) : snprintf(out, cap, "%s/%s", out_dir, name);
    if (n < 0 || (size_t)n >= cap) {
        snprintf(err, err_cap, "the output path is too long");
        return false;
    }
    return check_parts(out, here ? 0 : strlen(out_dir) + 1, err, err_cap);
}

/* O_NOFOLLOW: a link put in place after the check is not followed either. */
static bool dump_to(Controller *c, const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        fprintf(stderr, "frise: cannot write %s: %s\n", path, strerror(errno));
        if (fd >= 0) close(fd);
        return false;
    }
    dump_layout(c, f);
    return fclose(f) == 0;
}

/* The file for an output line; false (with a message) when refused. */
static bool output_file(const RunnerHooks *h, const ReplayItem *item, char *out, size_t cap)
{
    char err[RUNNER_PATH_MAX + 128];
    if (runner_output_path(h->out_dir, item->path, out, cap, err, sizeof err)) return true;
    fprintf(stderr, "frise: replay line %d: %s\n", item->line, err);
    return false;
}

static bool resize(Controller *c, const RunnerHooks *h, int w, int h_px)
{
    if (h->resize && !h->resize(h->ctx, w, h_px)) return false;
    controller_resize(c, (float)w, (float)h_px);
    return true;
}

/* One due item; false when it failed. */
static bool play_item(Controller *c, const ReplayItem *item, const RunnerHooks *h, double now)
{
    char file[RUNNER_PATH_MAX];
    switch (item->kind) {
    case REPLAY_INPUT:
        if (item->input.type == INPUT_RESIZE) return resize(c, h, (int)item->input.x, (int)item->input.y);
        controller_input(c, &item->input);
        return true;
    case REPLAY_SCREENSHOT:
        controller_update(c, now);
        return output_file(h, item, file, sizeof file) && h->screenshot && h->screenshot(h->ctx, file);
    case REPLAY_DUMP_LAYOUT:
        controller_update(c, now);
        return output_file(h, item, file, sizeof file) && dump_to(c, file);
    case REPLAY_SCREENSHOT_PRESENTER:
        controller_update(c, now);
        return output_file(h, item, file, sizeof file) && h->screenshot_presenter &&
               h->screenshot_presenter(h->ctx, file);
    case REPLAY_DROP:
        if (!h->drop) return false;
        h->drop(h->ctx, item->path);
        return true;
    case REPLAY_END: return true;
    }
    return true;
}

int runner_replay(Controller *c, Replay *r, const RunnerHooks *hooks)
{
    RunnerHooks none = {0};
    const RunnerHooks *h = hooks ? hooks : &none;
    double now = 0;
    controller_update(c, now);
    for (;;) {
        const ReplayItem *item;
        while ((item = replay_next_due(r, now)) != NULL) {
            if (!play_item(c, item, h, now)) return 1;
            if (h->observe) h->observe(h->ctx, now);
            apply_requests(c, h);
            if (c->requests.quit) return 0;
        }
        bool moving = controller_update(c, now);
        if (h->observe) h->observe(h->ctx, now);
        apply_requests(c, h);
        controller_frame(c);
        if (h->draw) h->draw(h->ctx);
        if (replay_done(r) || c->requests.quit) return 0;
        double next = replay_next_time(r);
        if (moving) next = fmin(next, now + RUNNER_FRAME_MS);
        double timer = controller_next_timer_ms(c);
        if (timer >= 0) next = fmin(next, now + fmax(timer, 1));
        now = fmax(next, now);
    }
}

void runner_settle(Controller *c)
{
    double now = 0;
    while (controller_update(c, now) && now < 10000) now += RUNNER_FRAME_MS;
}
