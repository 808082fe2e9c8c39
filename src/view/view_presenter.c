/* view_presenter.c: the presenter's screen (see view_presenter.h): what the
 * class sees now, what comes next, the notes, the elapsed time and the clock,
 * large enough to read at a glance from a lectern. */
#include "view_presenter.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_text.h"

typedef struct Pen {
    ViewInput in;              /* only tl and measure are used by the text helpers */
    const PresenterInput *p;
    float ui;
    const char *lang;
} Pen;

static float fmax_f(float a, float b)
{
    return a > b ? a : b;
}

static int px(Pen *pen, float size)
{
    return (int)lroundf(size * pen->ui);
}

static float lh(Pen *pen, FontFace face, int size)
{
    return view_line_height(&pen->in, face, size);
}

static void line(DrawList *dl, Pen *pen, const char *s, FontFace face, int size, float x, float y, float w, Colour c)
{
    view_text_line(dl, &pen->in, s, face, size, x, y, w, c);
}

static float block(DrawList *dl, Pen *pen, const char *s, FontFace face, int size, float x, float y, float w,
                   int lines, Colour c)
{
    if (!s || !s[0]) return 0;
    return view_text_block(dl, &pen->in, s, face, size, x, y, w, lines, lh(pen, face, size) * 1.2f, c);
}

static void format_duration(double s, char *out, size_t cap)
{
    int t = (int)fmax(0, floor(s));
    if (t >= 3600) snprintf(out, cap, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60);
    else snprintf(out, cap, "%02d:%02d", t / 60, t % 60);
}

/* "Step 3 / 10", "Title slide" or "The end". */
static void step_label(Pen *pen, const PresenterStep *s, int count, char *out, size_t cap)
{
    if (s->slide == SLIDE_TITLE) snprintf(out, cap, "%s", timeline_text(pen->p->tl, &pen->p->tl->title, pen->p->info->lang));
    else if (s->slide == SLIDE_END) snprintf(out, cap, "%s", ui_text(UI_END, pen->lang));
    else snprintf(out, cap, "%s %d / %d", ui_text(UI_STEP, pen->lang), s->step, count);
}

/* One side: the step's label, its event's date and title, its caption. */
static float draw_step(DrawList *dl, Pen *pen, const PresenterStep *s, float x, float y, float w, bool large)
{
    const Timeline *tl = pen->p->tl;
    const Theme *th = pen->p->theme;
    int lang = pen->p->info->lang;
    float y0 = y;
    char label[256];
    step_label(pen, s, pen->p->info->step_count, label, sizeof label);
    int label_px = px(pen, 22), title_px = px(pen, large ? 40 : 30), text_px = px(pen, large ? 26 : 22);
    line(dl, pen, label, FONT_BOLD, label_px, x, y, w, th->accent);
    y += lh(pen, FONT_BOLD, label_px) + 8 * pen->ui;
    if (s->event >= 0 && s->event < tl->event_count) {
        const Event *ev = &tl->events[s->event];
        char date[160];
        timeline_event_date(tl, ev, lang, date, sizeof date);
        line(dl, pen, date, FONT_BOLD, text_px, x, y, w, th->muted);
        y += lh(pen, FONT_BOLD, text_px) + 4 * pen->ui;
        y += block(dl, pen, timeline_text(tl, &ev->title, lang), FONT_BOLD, title_px, x, y, w, 3, th->ink);
    } else if (s->slide == SLIDE_NONE) {
        y += block(dl, pen, "—", FONT_BOLD, title_px, x, y, w, 1, th->ink);
    }
    const char *caption = s->caption ? timeline_text(tl, s->caption, lang) : "";
    if (caption[0]) y += 8 * pen->ui + block(dl, pen, caption, FONT_ITALIC, text_px, x, y, w, 4, th->muted);
    return y - y0;
}

void presenter_build(DrawList *dl, const PresenterInput *p)
{
    drawlist_clear(dl);
    const PresenterInfo *info = p->info;
    const Theme *th = p->theme;
    Pen pen;
    memset(&pen, 0, sizeof pen);
    pen.in.tl = p->tl;
    pen.in.measure = p->measure;
    pen.in.theme = th;
    pen.p = p;
    pen.ui = fmax_f(0.6f, fminf(p->w / 1600.0f, p->h / 1000.0f));
    pen.lang = p->tl->langs[info->lang >= 0 && info->lang < p->tl->lang_count ? info->lang : 0];
    float margin = 32 * pen.ui;
    view_fill(dl, 0, 0, p->w, p->h, 0, th->paper);

    /* The top bar: where the walk is, the elapsed time, the clock. */
    float bar_h = 96 * pen.ui;
    view_fill(dl, 0, 0, p->w, bar_h, 0, th->header);
    char text[128];
    int big = px(&pen, 48), small = px(&pen, 20);
    format_duration(info->elapsed_s, text, sizeof text);
    float tw = view_text_width(&pen.in, text, FONT_BOLD, big);
    line(dl, &pen, ui_text(UI_PRESENTER_ELAPSED, pen.lang), FONT_REGULAR, small, margin, 10 * pen.ui, 0, th->muted);
    line(dl, &pen, text, FONT_BOLD, big, margin, bar_h - lh(&pen, FONT_BOLD, big) - 6 * pen.ui, 0, th->ink);
    double clock = fmod(fmax(0, info->clock_s), 86400.0);
    snprintf(text, sizeof text, "%02d:%02d", (int)(clock / 3600), (int)fmod(clock / 60, 60));
    tw = view_text_width(&pen.in, text, FONT_BOLD, big);
    line(dl, &pen, text, FONT_BOLD, big, p->w - margin - tw, (bar_h - lh(&pen, FONT_BOLD, big)) / 2, 0, th->ink);
    const char *state = info->chooser_open ? ui_text(UI_CHOOSER_TITLE, pen.lang)
                        : info->blackout == BLACKOUT_BLACK ? "■ B"
                        : info->blackout == BLACKOUT_WHITE ? "□ W" : "";
    if (state[0]) {
        float sw = view_text_width(&pen.in, state, FONT_BOLD, px(&pen, 28));
        line(dl, &pen, state, FONT_BOLD, px(&pen, 28), (p->w - sw) / 2, (bar_h - lh(&pen, FONT_BOLD, px(&pen, 28))) / 2,
             0, th->today);
    }
    view_fill(dl, 0, bar_h, p->w, 2, 0, th->hairline);

    /* Now, large, with the notes under it; next, on the right. */
    float top = bar_h + margin, left_w = (p->w - 3 * margin) * 0.62f, right_x = 2 * margin + left_w;
    float right_w = p->w - right_x - margin;
    line(dl, &pen, ui_text(UI_PRESENTER_NOW, pen.lang), FONT_BOLD, small, margin, top, 0, th->muted);
    float y = top + lh(&pen, FONT_BOLD, small) + 6 * pen.ui;
    y += draw_step(dl, &pen, &info->now, margin, y, left_w, true) + 24 * pen.ui;
    view_fill(dl, margin, y, left_w, 1, 0, th->hairline);
    y += 16 * pen.ui;
    line(dl, &pen, ui_text(UI_PRESENTER_NOTES, pen.lang), FONT_BOLD, small, margin, y, 0, th->muted);
    y += lh(&pen, FONT_BOLD, small) + 6 * pen.ui;
    int notes_px = px(&pen, 28);
    const char *step_notes = info->step_notes ? timeline_text(p->tl, info->step_notes, info->lang) : "";
    const char *event_notes = info->event_notes ? timeline_text(p->tl, info->event_notes, info->lang) : "";
    int lines = (int)fmax_f(1, (p->h - margin - y) / (lh(&pen, FONT_REGULAR, notes_px) * 1.2f));
    if (step_notes[0]) {
        float used = block(dl, &pen, step_notes, FONT_REGULAR, notes_px, margin, y, left_w, lines, th->ink);
        y += used + 12 * pen.ui;
        lines -= (int)(used / (lh(&pen, FONT_REGULAR, notes_px) * 1.2f)) + 1;
    }
    if (event_notes[0] && lines > 0) block(dl, &pen, event_notes, FONT_REGULAR, notes_px, margin, y, left_w, lines, th->ink);
    if (!step_notes[0] && !event_notes[0])
        block(dl, &pen, ui_text(UI_PRESENTER_NO_NOTES, pen.lang), FONT_ITALIC, px(&pen, 22), margin, y, left_w, 2,
              th->muted);

    view_fill(dl, right_x - margin / 2, top, 1, p->h - top - margin, 0, th->hairline);
    line(dl, &pen, ui_text(UI_PRESENTER_NEXT, pen.lang), FONT_BOLD, small, right_x, top, 0, th->muted);
    if (info->has_next)
        draw_step(dl, &pen, &info->next, right_x, top + lh(&pen, FONT_BOLD, small) + 6 * pen.ui, right_w, false);
}
