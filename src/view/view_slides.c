/* view_slides.c: the title and end slides of a walk (presenting, and the
 * kiosk's attract loop), the chooser that F5 opens, the "quit?" question and
 * the kiosk's Home button (see view_present.h).
 *
 * Slides are read from the back of a room like the presented card: their
 * type is as large as their room allows, found on the same ladder of scales. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_text.h"
#include "view_present.h"

static const char *lang_code(const ViewInput *in)
{
    return in->tl->langs[in->state->lang];
}

static float max_f(float a, float b)
{
    return a > b ? a : b;
}

/* A block of wrapped text that measures only when dl is NULL; returns its height. */
static float block(DrawList *dl, const ViewInput *in, const char *s, FontFace face, int size, float x, float y,
                   float w, int lines, float spacing, Colour colour)
{
    if (!s[0]) return 0;
    float line_h = view_line_height(in, face, size) * spacing;
    return view_text_block(dl, in, s, face, size, x, y, w, lines, line_h, colour);
}

/* block for a text of the timeline in the reader's language, with its
 * bold and italic (a title or description read from TimelineJS); no link
 * is followed on a slide, so a link's address stays beside its words. */
static float styled_block(DrawList *dl, const ViewInput *in, const Text *t, FontFace face, int size, float x, float y,
                          float w, int lines, float spacing, Colour colour)
{
    const char *s = timeline_text(in->tl, t, in->state->lang);
    if (!s[0]) return 0;
    RichDraw rich = {timeline_rich(in->tl, t, in->state->lang), false, false, in->theme->accent, NULL};
    float line_h = view_line_height(in, face, size) * spacing;
    return view_rich_block(dl, in, s, &rich, face, size, x, y, w, lines, line_h, colour);
}

/* A line centred in [x, x + w]; returns its height. Measuring (dl NULL), a
 * line wider than w does not fit at all, so the slide's scale goes down
 * until it does. */
static float centred(DrawList *dl, const ViewInput *in, const char *s, FontFace face, int size, float x, float y,
                     float w, Colour colour)
{
    if (!s[0]) return 0;
    float tw = view_text_width(in, s, face, size);
    if (!dl && tw > w) return 1e6f;
    if (dl) view_text_line(dl, in, s, face, size, x + max_f(0, (w - tw) / 2), y, w, colour);
    return view_line_height(in, face, size);
}

/* ---- the title and end slides ----------------------------------------------------------------- */

static const Text *walk_title(const ViewInput *in)
{
    int tour = in->state->slide_tour;
    return tour >= 0 && tour < in->tl->tour_count ? &in->tl->tours[tour].title : NULL;
}

/* The kiosk's invitation, "Touch the screen to explore", one line in each
 * of the installation's languages, its own first; returns the height. */
static float invitation(DrawList *dl, const ViewInput *in, float x, float y, float w, int size)
{
    const char *seen[TIMELINE_MAX_LANGS + 1];
    int seen_n = 0;
    float y0 = y;
    for (int i = -1; i < in->tl->lang_count; i++) {
        const char *text = ui_text(UI_TOUCH_TO_EXPLORE, i < 0 ? lang_code(in) : in->tl->langs[i]);
        bool dup = false;
        for (int k = 0; k < seen_n; k++) dup |= seen[k] == text;
        if (dup) continue;
        seen[seen_n++] = text;
        y += block(dl, in, text, i < 0 ? FONT_BOLD : FONT_REGULAR, size, x, y, w, 2, 1.3f, in->theme->accent);
    }
    return y - y0;
}

/* The slide's content from y in a column of w; returns its height. */
static float slide_content(DrawList *dl, const ViewInput *in, float x, float y, float w)
{
    const ViewState *st = in->state;
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    const Text *tour = walk_title(in);
    const char *timeline_title = timeline_text(in->tl, &in->tl->title, st->lang);
    int big = (int)lroundf(m->panel_title_px * 1.5f), body = m->body_px + (int)(4 * m->ui), small = m->small_px + (int)(2 * m->ui);
    float y0 = y;
    if (st->slide == SLIDE_END) {
        y += centred(dl, in, ui_text(UI_END, lang_code(in)), FONT_BOLD, big, x, y, w, th->ink) + 16 * m->ui;
        y += centred(dl, in, tour ? timeline_text(in->tl, tour, st->lang) : timeline_title, FONT_REGULAR, body, x, y, w,
                     th->muted) + 40 * m->ui;
        if (st->mode == VIEW_PRESENT)
            y += centred(dl, in, ui_text(UI_END_HELP, lang_code(in)), FONT_REGULAR, small, x, y, w, th->muted);
        return y - y0;
    }
    /* The title slide: the tour's title, the timeline's, its description. */
    y += styled_block(dl, in, tour ? tour : &in->tl->title, FONT_BOLD, big, x, y, w, 3, 1.1f, th->ink) + 10 * m->ui;
    if (tour) y += styled_block(dl, in, &in->tl->title, FONT_REGULAR, body, x, y, w, 2, 1.2f, th->muted) + 10 * m->ui;
    if (dl) view_fill(dl, x, y + 8 * m->ui, 90 * m->ui, 5 * m->ui, 2 * m->ui, th->accent);
    y += 34 * m->ui;
    y += styled_block(dl, in, &in->tl->description, FONT_REGULAR, body, x, y, w, 12, 1.35f, th->ink);
    y += 30 * m->ui;
    char line[512];
    if (st->mode == VIEW_KIOSK) {
        y += invitation(dl, in, x, y, w, body);
    } else {
        snprintf(line, sizeof line, "%d %s  ·  %s", st->step_count, ui_text(UI_STEPS, lang_code(in)),
                 ui_text(UI_SLIDE_BEGIN, lang_code(in)));
        y += block(dl, in, line, FONT_BOLD, small, x, y, w, 2, 1.3f, th->muted);
    }
    return y - y0;
}

/* The slide's room: the content area, less margins. */
static Rect slide_room(const ViewInput *in)
{
    const Regions *r = in->regions;
    const LayoutMetrics *m = in->metrics;
    float top = r->header_y1 + 2 * m->margin, bottom = r->overview_y0 - 2 * m->margin;
    float w = fminf(r->w - 4 * m->margin, max_f(r->w * 0.7f, 900 * m->ui));
    return (Rect){(r->w - w) / 2, top, w, bottom - top};
}

enum { SLIDE_STEPS = 24 };

/* The card and the scale of its text: the largest that fits. */
static Rect fit_slide(const ViewInput *in, float *scale, float *pad)
{
    Rect room = slide_room(in);
    ViewScaled s;
    float k = VIEW_PRESENT_SCALE_MIN, h = 0;
    for (int i = SLIDE_STEPS - 1; i >= 0; i--) {
        k = VIEW_PRESENT_SCALE_MIN + (VIEW_PRESENT_SCALE_MAX - VIEW_PRESENT_SCALE_MIN) * (float)i / (SLIDE_STEPS - 1);
        view_scale_input(&s, in, k);
        *pad = max_f(48 * s.m.ui, 16);
        /* Lines of about 55 characters of the description. */
        float w = fminf(room.w - 2 * *pad, (s.m.body_px + 4 * s.m.ui) * 0.6f * 56);
        h = slide_content(NULL, &s.in, 0, 0, w) + 2 * *pad;
        if (h <= room.h || i == 0) {
            float card_w = w + 2 * *pad;
            *scale = k;
            return (Rect){room.x + (room.w - card_w) / 2, room.y + max_f(0, (room.h - h) / 2), card_w, fminf(h, room.h)};
        }
    }
    *scale = k;
    return room;
}

Rect view_slide_card(const ViewInput *in)
{
    if (in->state->slide == SLIDE_NONE) return (Rect){0, 0, 0, 0};
    float scale, pad;
    return fit_slide(in, &scale, &pad);
}

void view_draw_slide(DrawList *dl, const ViewInput *in)
{
    if (in->state->slide == SLIDE_NONE) return;
    const Theme *th = in->theme;
    const Regions *r = in->regions;
    float scale, pad;
    Rect card = fit_slide(in, &scale, &pad);
    ViewScaled s;
    view_scale_input(&s, in, scale);
    /* The timeline stays behind, faint: the slide belongs to it. */
    view_fill(dl, 0, r->header_y1, r->w, r->overview_y0 - r->header_y1, 0, view_alpha(th->paper, 215));
    DrawCmd *sh = drawlist_push(dl, DRAW_SHADOW, card.x, card.y, card.w, card.h, th->shadow);
    if (sh) sh->radius = 14 * in->metrics->ui;
    view_fill(dl, card.x, card.y, card.w, card.h, 14 * in->metrics->ui, th->panel);
    view_fill(dl, card.x, card.y, card.w, 8 * in->metrics->ui, 0, th->accent);
    drawlist_push(dl, DRAW_CLIP, card.x, card.y, card.w, card.h, th->ink);
    slide_content(dl, &s.in, card.x + pad, card.y + pad, card.w - 2 * pad);
    drawlist_push(dl, DRAW_UNCLIP, 0, 0, 0, 0, th->ink);
}

/* ---- the chooser ----------------------------------------------------------------------------- */

int view_chooser_row_count(const Timeline *tl)
{
    return tl->tour_count + 1;
}

/* The dialog: a heading, the rows, a line of help. */
typedef struct ChooserBox {
    Rect box;
    float head_h, row_h, gap, foot_h;
} ChooserBox;

static ChooserBox chooser_box(const Timeline *tl, const Regions *r, const LayoutMetrics *m)
{
    ChooserBox b;
    int rows = view_chooser_row_count(tl);
    b.head_h = 96 * m->ui;
    b.foot_h = 64 * m->ui;
    b.gap = 10 * m->ui;
    float room = r->h - 4 * m->margin - b.head_h - b.foot_h;
    b.row_h = fminf(max_f(76 * m->ui, 64), room / rows - b.gap); /* clicker-sized, and all on screen */
    b.row_h = max_f(b.row_h, 32);
    float w = fminf(r->w - 4 * m->margin, max_f(900 * m->ui, r->w * 0.5f));
    float h = b.head_h + rows * (b.row_h + b.gap) + b.foot_h;
    b.box = (Rect){(r->w - w) / 2, max_f(m->margin, (r->h - h) / 2), w, h};
    return b;
}

Rect view_chooser_row(const Timeline *tl, const Regions *r, const LayoutMetrics *m, int row)
{
    if (row < 0 || row >= view_chooser_row_count(tl)) return (Rect){0, 0, 0, 0};
    ChooserBox b = chooser_box(tl, r, m);
    float pad = 28 * m->ui;
    return (Rect){b.box.x + pad, b.box.y + b.head_h + row * (b.row_h + b.gap), b.box.w - 2 * pad, b.row_h};
}

/* "10 steps" and, for the walk in progress, where it is. */
static void row_detail(const ViewInput *in, int row, char *out, size_t cap)
{
    const ViewState *st = in->state;
    const Timeline *tl = in->tl;
    int n = row < tl->tour_count ? tl->tours[row].step_count : tl->event_count;
    const char *code = lang_code(in);
    int used = snprintf(out, cap, "%d %s", n, ui_text(UI_STEPS, code));
    if (row != st->chooser_resume_row || used < 0 || (size_t)used >= cap) return;
    int step = st->chooser_resume_step;
    if (step <= 0) snprintf(out + used, cap - (size_t)used, "  ·  %s", ui_text(UI_CHOOSER_AT_TITLE, code));
    else if (step > n) snprintf(out + used, cap - (size_t)used, "  ·  %s", ui_text(UI_CHOOSER_AT_END, code));
    else snprintf(out + used, cap - (size_t)used, "  ·  %s %d", ui_text(UI_CHOOSER_RESUME, code), step);
}

void view_draw_chooser(DrawList *dl, const ViewInput *in)
{
    const ViewState *st = in->state;
    if (!st->chooser_open) return;
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    const Timeline *tl = in->tl;
    ChooserBox b = chooser_box(tl, in->regions, m);
    view_fill(dl, 0, 0, in->regions->w, in->regions->h, 0, (Colour){10, 12, 18, 150});
    view_fill(dl, b.box.x, b.box.y, b.box.w, b.box.h, 14 * m->ui, th->panel);
    float pad = 28 * m->ui;
    view_text_line(dl, in, ui_text(UI_CHOOSER_TITLE, lang_code(in)), FONT_BOLD, m->panel_title_px, b.box.x + pad,
                   b.box.y + (b.head_h - view_line_height(in, FONT_BOLD, m->panel_title_px)) / 2, b.box.w - 2 * pad,
                   th->ink);
    int title_px = m->body_px, detail_px = m->small_px;
    for (int row = 0; row < view_chooser_row_count(tl); row++) {
        Rect r = view_chooser_row(tl, in->regions, m, row);
        bool lit = row == st->chooser_row;
        view_fill(dl, r.x, r.y, r.w, r.h, 10 * m->ui, lit ? th->accent : view_alpha(th->ink, 14));
        Colour ink = lit ? (Colour){255, 255, 255, 255} : th->ink;
        char number[16];
        snprintf(number, sizeof number, "%d", row + 1);
        float num_w = 44 * m->ui;
        float title_h = view_line_height(in, FONT_BOLD, title_px), detail_h = view_line_height(in, FONT_REGULAR, detail_px);
        bool two_lines = r.h >= title_h + detail_h + 8 * m->ui;
        float ty = r.y + (r.h - (two_lines ? title_h + detail_h : title_h)) / 2;
        if (row < 9)
            view_text_line(dl, in, number, FONT_BOLD, title_px, r.x + 18 * m->ui, ty, 0,
                           lit ? ink : view_alpha(th->muted, 255));
        const char *title = row < tl->tour_count ? timeline_text(tl, &tl->tours[row].title, st->lang)
                                                 : ui_text(UI_CHOOSER_ALL, lang_code(in));
        if (!title[0] && row < tl->tour_count) title = tl->tours[row].id;
        float tx = r.x + 18 * m->ui + num_w, tw = r.x + r.w - tx - 18 * m->ui;
        view_text_block(dl, in, title, FONT_BOLD, title_px, tx, ty, tw, 1, title_h, ink);
        if (two_lines) {
            char detail[160];
            row_detail(in, row, detail, sizeof detail);
            view_text_line(dl, in, detail, FONT_REGULAR, detail_px, tx, ty + title_h, tw,
                           lit ? view_alpha(ink, 220) : th->muted);
        }
    }
    const char *help = ui_text(UI_CHOOSER_HELP, lang_code(in));
    view_text_block(dl, in, help, FONT_REGULAR, m->small_px, b.box.x + pad,
                    b.box.y + b.box.h - b.foot_h + (b.foot_h - view_line_height(in, FONT_REGULAR, m->small_px)) / 2,
                    b.box.w - 2 * pad, 1, view_line_height(in, FONT_REGULAR, m->small_px), th->muted);
}

/* ---- "quit the presentation?" ------------------------------------------------------------------- */

void view_draw_quit_confirm(DrawList *dl, const ViewInput *in)
{
    if (!in->state->quit_confirm) return;
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    const Regions *r = in->regions;
    const char *q = ui_text(UI_QUIT_CONFIRM, lang_code(in)), *help = ui_text(UI_QUIT_CONFIRM_HELP, lang_code(in));
    int help_px = m->small_px + (int)(2 * m->ui);
    float pad = 36 * m->ui;
    float w = fminf(r->w - 4 * m->margin,
                    max_f(view_text_width(in, q, FONT_BOLD, m->panel_title_px), view_text_width(in, help, FONT_REGULAR, help_px)) +
                        2 * pad);
    float h = 2 * pad + view_line_height(in, FONT_BOLD, m->panel_title_px) + 20 * m->ui +
              view_line_height(in, FONT_REGULAR, help_px);
    float x = (r->w - w) / 2, y = (r->h - h) / 2;
    view_fill(dl, 0, 0, r->w, r->h, 0, (Colour){10, 12, 18, 140});
    view_fill(dl, x, y, w, h, 14 * m->ui, th->panel);
    y += pad;
    y += centred(dl, in, q, FONT_BOLD, m->panel_title_px, x, y, w, th->ink) + 20 * m->ui;
    centred(dl, in, help, FONT_REGULAR, help_px, x + pad, y, w - 2 * pad, th->muted);
}

/* ---- the kiosk's Home button -------------------------------------------------------------------- */

Rect view_home_button(const ViewState *s, const Regions *r, const LayoutMetrics *m)
{
    if (s->mode != VIEW_KIOSK) return (Rect){0, 0, 0, 0};
    /* A touch target of 72 px at 1080p, never under 64 px; low on the left,
     * where a hand reaches on a wall screen or a totem: over the overview
     * strip's left end (the first years, which a tap beside it still
     * reaches), so that it never hides a card. */
    float h = max_f(fminf(72 * m->ui, r->overview_y1 - r->overview_y0 - 6 * m->ui), 64), w = h * 3.0f;
    float y = fminf(r->overview_y0 + (r->overview_y1 - r->overview_y0 - h) / 2, r->h - h - 2);
    return (Rect){m->margin, y, w, h};
}

void view_draw_home_button(DrawList *dl, const ViewInput *in)
{
    Rect b = view_home_button(in->state, in->regions, in->metrics);
    if (b.w <= 0) return;
    const Theme *th = in->theme;
    const LayoutMetrics *m = in->metrics;
    DrawCmd *sh = drawlist_push(dl, DRAW_SHADOW, b.x, b.y, b.w, b.h, th->shadow);
    if (sh) sh->radius = b.h / 2;
    view_fill(dl, b.x, b.y, b.w, b.h, b.h / 2, th->ink);
    /* A house: a roof over a square, in paper on ink. */
    float icon = b.h * 0.42f, ix = b.x + b.h * 0.32f, iy = b.y + (b.h - icon) / 2;
    DrawCmd *roof = drawlist_push(dl, DRAW_SHAPE, ix - icon * 0.1f, iy - icon * 0.12f, icon * 1.2f, icon * 0.62f, th->paper);
    if (roof) roof->shape = SHAPE_TRIANGLE;
    view_fill(dl, ix + icon * 0.15f, iy + icon * 0.45f, icon * 0.7f, icon * 0.55f, 0, th->paper);
    int size = (int)lroundf(max_f(m->body_px, b.h * 0.34f));
    const char *label = ui_text(UI_HOME, lang_code(in));
    float lx = ix + icon * 1.3f, lw = b.x + b.w - lx - b.h * 0.25f;
    view_text_block(dl, in, label, FONT_BOLD, size, lx, b.y + (b.h - view_line_height(in, FONT_BOLD, size)) / 2, lw, 1,
                    view_line_height(in, FONT_BOLD, size), th->paper);
}
