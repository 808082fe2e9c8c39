/* runner.c: the replay's virtual clock (see runner.h).
 *
 * Each turn hands the controller every item due by now, then advances its
 * animations and lays out the frame, as the live loop would draw it, so the
 * next input is hit-tested against what a person would have seen. The clock
 * then jumps to the next item, or one frame on while something moves, or to
 * the next timer (idle, long press, auto-advance). */
#include "runner.h"

#include <math.h>
#include <stdio.h>

#include "dump.h"

static void apply_requests(Controller *c, const RunnerHooks *h)
{
    if (h->requests) h->requests(h->ctx);
    c->requests.reload = c->requests.toggle_fullscreen = false;
}

static bool dump_to(Controller *c, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "frise: cannot write %s\n", path);
        return false;
    }
    dump_layout(c, f);
    return fclose(f) == 0;
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
    switch (item->kind) {
    case REPLAY_INPUT:
        if (item->input.type == INPUT_RESIZE) return resize(c, h, (int)item->input.x, (int)item->input.y);
        controller_input(c, &item->input);
        return true;
    case REPLAY_SCREENSHOT:
        controller_update(c, now);
        return h->screenshot && h->screenshot(h->ctx, item->path);
    case REPLAY_DUMP_LAYOUT:
        controller_update(c, now);
        return dump_to(c, item->path);
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
            apply_requests(c, h);
            if (c->requests.quit) return 0;
        }
        bool moving = controller_update(c, now);
        apply_requests(c, h);
        controller_frame(c);
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
