/* view.c: the timeline part of the screen: header, era lanes, axis and
 * ticks, today marker, cards, clusters and the overview strip. */
#include "view.h"
#include "view_files.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_text.h"
#include "textwrap.h"

/* ---- theme and colour helpers ---------------------------------------------- */

static Colour hex(uint32_t rgb)
{
    return (Colour){(uint8_t)(rgb >> 16), (uint8_t)(rgb >> 8), (uint8_t)rgb, 255};
}

Theme view_theme(ThemeKind kind)
{
    Theme t;
    memset(&t, 0, sizeof t);
    if (kind == THEME_DARK) {
        t = (Theme){hex(0x141821), hex(0xECEAE4), hex(0x9AA3B2), hex(0x343B4A), hex(0x1E2430), hex(0x1A1F2A),
                    hex(0x1A1F2A), hex(0x1E2430), (Colour){0, 0, 0, 120}, hex(0x56B4E9), hex(0xD55E00),
                    hex(0x56B4E9), true, false};
    } else if (kind == THEME_HIGH_CONTRAST) {
        /* Pure black and white: ink 21:1 on paper, muted text (#E6E6E6)
         * 16:1, on cards (#000) the same; hairlines are light enough to
         * outline a card (#BDBDBD, 11:1) and the focus ring is yellow, so
         * that focus never reads as the white selection outline. */
        t = (Theme){hex(0x000000), hex(0xFFFFFF), hex(0xE6E6E6), hex(0xBDBDBD), hex(0x000000), hex(0x000000),
                    hex(0x0A0A0A), hex(0x000000), (Colour){0, 0, 0, 0}, hex(0xFFE600), hex(0xFF9E4D),
                    hex(0xFFE600), true, true};
    } else {
        t = (Theme){hex(0xF7F4EE), hex(0x1F2430), hex(0x6B7280), hex(0xD9D4CA), hex(0xFFFFFF), hex(0xEFEAE0),
                    hex(0xEFEAE0), hex(0xFFFFFF), (Colour){60, 50, 30, 60}, hex(0x0072B2), hex(0xD55E00),
                    hex(0x0072B2), false, false};
        if (kind == THEME_PROJECTOR) { /* higher contrast for washed-out projectors */
            t.paper = hex(0xFFFFFF);
            t.ink = hex(0x000000);
            t.muted = hex(0x3A3F4A);
            t.hairline = hex(0xA8A29A);
        }
    }
    return t;
}

bool view_theme_from_name(const char *name, ThemeKind *out)
{
    static const struct { const char *name; ThemeKind kind; } names[] = {
        {"light", THEME_LIGHT}, {"dark", THEME_DARK}, {"contrast", THEME_HIGH_CONTRAST},
        {"high-contrast", THEME_HIGH_CONTRAST}, {"projector", THEME_PROJECTOR}};
    if (!name) return false;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i].name) == 0) {
            *out = names[i].kind;
            return true;
        }
    return false;
}

ThemeKind view_theme_next(ThemeKind kind)
{
    switch (kind) {
    case THEME_LIGHT: case THEME_PROJECTOR: return THEME_DARK;
    case THEME_DARK: return THEME_HIGH_CONTRAST;
    default: return THEME_LIGHT;
    }
}

void view_focus_ring(DrawList *dl, const ViewInput *in, float x, float y, float w, float h, float radius)
{
    float gap = 5 * in->metrics->ui, width = fmaxf(3, 3 * in->metrics->ui);
    view_stroke(dl, x - gap, y - gap, w + 2 * gap, h + 2 * gap, radius + gap, width, in->theme->focus);
}

Colour view_mix(Colour a, Colour b, float t)
{
    return (Colour){(uint8_t)(a.r + (b.r - a.r) * t), (uint8_t)(a.g + (b.g - a.g) * t),
                    (uint8_t)(a.b + (b.b - a.b) * t), (uint8_t)(a.a + (b.a - a.a) * t)};
}

Colour view_alpha(Colour c, uint8_t a)
{
    c.a = a;
    return c;
}

static Colour category_colour(const ViewInput *in, int category)
{
    if (category < 0 || category >= in->tl->category_count) return in->theme->muted;
    return in->tl->categories[category].colour;
}

/* ---- text helpers ------------------------------------------------------------- */

void view_text_line(DrawList *dl, const ViewInput *in, const char *s, FontFace face, int size, float x, float y,
                    float max_w, Colour colour)
{
    (void)in;
    drawlist_text(dl, s, strlen(s), face, size, x, y, max_w, colour);
}

/* One wrapped line of plain text, with its hyphen or ellipsis. */
static void draw_plain_line(DrawList *dl, const char *line, const WrapLine *w, FontFace face, int size, float x,
                            float y, Colour colour)
{
    char buf[1024];
    size_t len = w->len < sizeof buf - 4 ? w->len : sizeof buf - 4;
    memcpy(buf, line, len);
    if (w->ellipsis) {
        memcpy(buf + len, WRAP_ELLIPSIS, 3);
        len += 3;
    } else if (w->hyphen) {
        buf[len++] = '-';
    }
    drawlist_text(dl, buf, len, face, size, x, y, 0, colour);
}

/* One piece of a styled line: text[from, to) in one style, at x; returns
 * its width. The text pass draws it; the link pass underlines a link where
 * a click follows it and records its target (dl NULL: only that). Lines
 * come after every piece's text: a text is drawn on an opaque box of
 * paper, which would hide the end of the underline before it. */
static float draw_piece(DrawList *dl, const ViewInput *in, const char *text, size_t from, size_t to, unsigned style,
                        const char *url, const RichDraw *rich, bool link_pass, FontFace face, int size, float x,
                        float y, float line_h, Colour colour)
{
    FontFace f = wrap_face(face, style);
    float w = in->measure->width(in->measure->ctx, f, size, text + from, to - from);
    if (!link_pass) {
        bool link = (style & (RICH_LINK | RICH_ADDRESS)) != 0;
        if (dl) drawlist_text(dl, text + from, to - from, f, size, x, y, 0, link ? rich->link_colour : colour);
        return w;
    }
    if (!(style & RICH_LINK) || !rich->links_followed) return w;
    if (dl) {
        DrawCmd *u = drawlist_push(dl, DRAW_LINE, x, y + view_line_height(in, f, size) - 1, w, 0,
                                   view_alpha(rich->link_colour, 160));
        if (u) u->stroke = 1;
    }
    PanelTargets *t = rich->targets;
    if (t && t->link_count < VIEW_MAX_PANEL_LINKS) t->links[t->link_count++] = (PanelLink){{x, y, w, line_h}, -1, url};
    return w;
}

/* One pass over a wrapped line of styled text: a piece per run (and per
 * stretch of plain text between runs), side by side; the text pass ends
 * with the hyphen or ellipsis in the face of the last piece. base is where
 * the wrapped text starts in the runs' text. */
static void styled_line_pass(DrawList *dl, const ViewInput *in, const char *text, size_t base, const WrapLine *w,
                             const RichDraw *rich, bool link_pass, FontFace face, int size, float x, float y,
                             float line_h, Colour colour)
{
    size_t pos = base + w->offset, end = pos + w->len;
    unsigned last_style = 0;
    for (int i = rich_first_after(rich->rich, pos); i < rich->rich.count && pos < end; i++) {
        const RichRun *run = &rich->rich.runs[i];
        if (run->start >= end) break;
        size_t start = run->start > pos ? run->start : pos, stop = run->end < end ? run->end : end;
        if (start > pos)
            x += draw_piece(dl, in, text, pos, start, 0, NULL, rich, link_pass, face, size, x, y, line_h, colour);
        if (!(rich->hide_addresses && rich_address_hideable(run))) {
            x += draw_piece(dl, in, text, start, stop, run->style, run->url, rich, link_pass, face, size, x, y, line_h,
                            colour);
            last_style = run->style;
        }
        pos = stop;
    }
    if (pos < end) {
        x += draw_piece(dl, in, text, pos, end, 0, NULL, rich, link_pass, face, size, x, y, line_h, colour);
        last_style = 0;
    }
    const char *tail = w->ellipsis ? WRAP_ELLIPSIS : w->hyphen ? "-" : NULL;
    if (dl && tail && !link_pass)
        drawlist_text(dl, tail, strlen(tail), wrap_face(face, last_style), size, x, y, 0,
                      last_style & (RICH_LINK | RICH_ADDRESS) ? rich->link_colour : colour);
}

/* Wraps s in batches of lines, drawing each line (dl may be NULL to
 * measure only, or to record a styled text's link targets); returns the
 * number of lines. A text longer than one batch continues from the start
 * of the batch's last line, which wrap_text cut with an ellipsis only
 * because the batch ran out. rich NULL: plain text. */
static int wrap_lines(DrawList *dl, const ViewInput *in, const char *s, const RichDraw *rich, FontFace face, int size,
                      float x, float y, float max_w, int max_lines, float line_h, Colour colour)
{
    enum { BATCH = 64 };
    WrapLine lines[BATCH];
    WrapBreaker temporary = {0};
    WrapBreaker *breaker = in->breaker ? in->breaker : &temporary;
    const char *locale = in->state && in->tl->lang_count > 0 ? in->tl->langs[in->state->lang] : "";
    if (rich && rich->rich.count == 0) rich = NULL;
    WrapRuns runs = {rich ? rich->rich : (RichText){NULL, 0}, 0, rich && rich->hide_addresses};
    bool walk = dl || (rich && rich->targets);
    size_t pos = 0;
    int total = 0;
    while (total < max_lines && s[pos]) {
        int want = max_lines - total < BATCH ? max_lines - total : BATCH;
        runs.base = pos;
        int n = wrap_runs_with(breaker, locale, in->measure, face, size, s + pos, rich ? &runs : NULL, max_w, lines,
                               want);
        bool more = n == BATCH && want == BATCH && lines[n - 1].ellipsis && total + n < max_lines;
        int keep = more ? n - 1 : n;
        for (int i = 0; walk && i < keep; i++) {
            float line_y = y + (total + i) * line_h;
            if (!rich) {
                draw_plain_line(dl, s + pos + lines[i].offset, &lines[i], face, size, x, line_y, colour);
                continue;
            }
            for (int pass = dl ? 0 : 1; pass < 2; pass++) /* the text (when drawn), then the links */
                styled_line_pass(dl, in, s, pos, &lines[i], rich, pass == 1, face, size, x, line_y, line_h, colour);
        }
        total += keep;
        if (!more || keep == 0) break;
        pos += lines[n - 1].offset;
    }
    wrap_breaker_free(&temporary);
    return total;
}

float view_rich_block(DrawList *dl, const ViewInput *in, const char *s, const RichDraw *rich, FontFace face, int size,
                      float x, float y, float max_w, int max_lines, float line_h, Colour colour)
{
    return wrap_lines(dl, in, s, rich, face, size, x, y, max_w, max_lines, line_h, colour) * line_h;
}

float view_text_block(DrawList *dl, const ViewInput *in, const char *s, FontFace face, int size, float x, float y,
                      float max_w, int max_lines, float line_h, Colour colour)
{
    return wrap_lines(dl, in, s, NULL, face, size, x, y, max_w, max_lines, line_h, colour) * line_h;
}

float view_text_height(const ViewInput *in, const char *s, FontFace face, int size, float max_w, int max_lines,
                       float line_h)
{
    return wrap_lines(NULL, in, s, NULL, face, size, 0, 0, max_w, max_lines, line_h, (Colour){0, 0, 0, 0}) * line_h;
}

float view_line_height(const ViewInput *in, FontFace face, int size)
{
    return in->measure->line_height(in->measure->ctx, face, size);
}

float view_text_width(const ViewInput *in, const char *s, FontFace face, int size)
{
    return in->measure->width(in->measure->ctx, face, size, s, strlen(s));
}

/* ---- geometry helpers ----------------------------------------------------------- */

DrawCmd *view_fill(DrawList *dl, float x, float y, float w, float h, float radius, Colour c)
{
    DrawCmd *cmd = drawlist_push(dl, DRAW_RECT, x, y, w, h, c);
    if (cmd) cmd->radius = radius;
    return cmd;
}

DrawCmd *view_stroke(DrawList *dl, float x, float y, float w, float h, float radius, float px, Colour c)
{
    DrawCmd *cmd = view_fill(dl, x, y, w, h, radius, c);
    if (cmd) {
        cmd->filled = false;
        cmd->stroke = px;
    }
    return cmd;
}

static DrawCmd *line(DrawList *dl, float x0, float y0, float x1, float y1, float stroke, Colour c)
{
    DrawCmd *cmd = drawlist_push(dl, DRAW_LINE, x0, y0, x1 - x0, y1 - y0, c);
    if (cmd) cmd->stroke = stroke;
    return cmd;
}

static void shape(DrawList *dl, Shape s, float cx, float cy, float size, Colour c)
{
    DrawCmd *cmd = drawlist_push(dl, DRAW_SHAPE, cx - size / 2, cy - size / 2, size, size, c);
    if (cmd) cmd->shape = s;
}

static Shape category_shape(const ViewInput *in, int category)
{
    if (category < 0 || category >= in->tl->category_count) return SHAPE_CIRCLE;
    return in->tl->categories[category].shape;
}

bool view_event_shown(const Timeline *tl, const ViewState *s, int e)
{
    int cat = tl->events[e].category;
    if (s->only_tag >= 0 && s->only_tag < s->tag_count && !search_event_has_tag(&tl->events[e], s->tags[s->only_tag]))
        return false;
    return cat < 0 || !s->category_hidden || !s->category_hidden[cat];
}

bool view_all_themes_hidden(const Timeline *tl, const ViewState *s)
{
    if (!s->category_hidden || tl->category_count == 0) return false;
    for (int i = 0; i < tl->category_count; i++)
        if (!s->category_hidden[i]) return false;
    return true;
}

/* Whether the filter hides anything at all. */
static bool filter_active(const Timeline *tl, const ViewState *s)
{
    if (s->only_tag >= 0 && s->only_tag < s->tag_count) return true;
    for (int i = 0; s->category_hidden && i < tl->category_count; i++)
        if (s->category_hidden[i]) return true;
    return false;
}

int view_neighbour(const Timeline *tl, const ViewState *s, int delta)
{
    for (int e = s->selected + delta; e >= 0 && e < tl->event_count; e += delta)
        if (view_event_shown(tl, s, e)) return e;
    return -1;
}

int view_era_at(const Timeline *tl, int lane, double t)
{
    for (int i = 0; i < tl->era_count; i++)
        if (tl->eras[i].lane == lane && t >= tl->eras[i].start_days && t < tl->eras[i].end_days) return i;
    return -1;
}

/* ---- header ---------------------------------------------------------------------- */

/* Where the leftmost header control begins: the title must end before it. */
static float header_left_edge(const ViewChrome *c, float w)
{
    float x = w;
    const Rect *rects[] = {&c->help_button, &c->picture_button, &c->themes_button, &c->search_button,
                           &c->search_field};
    for (size_t i = 0; i < sizeof rects / sizeof rects[0]; i++)
        if (rects[i]->w > 0) x = fminf(x, rects[i]->x);
    for (int i = 0; i < c->lang_count; i++) x = fminf(x, c->lang_button[i].x);
    return x;
}

/* A camera drawn in strokes (no icon font to depend on): a body, a lens,
 * the viewfinder's bump on top. */
static void draw_picture_button(DrawList *dl, const ViewInput *in, Rect b)
{
    const Theme *th = in->theme;
    float stroke = fmaxf(1.5f, b.h / 22);
    view_stroke(dl, b.x, b.y, b.w, b.h, b.h / 2, 1, th->hairline);
    float bw = b.w * 0.50f, bh = b.h * 0.34f;
    float bx = b.x + (b.w - bw) / 2, by = b.y + b.h * 0.36f;
    view_fill(dl, bx + bw * 0.30f, by - bh * 0.28f, bw * 0.40f, bh * 0.34f, bh * 0.10f, th->ink);
    view_stroke(dl, bx, by, bw, bh, bh * 0.18f, stroke, th->ink);
    float d = bh * 0.62f;
    view_stroke(dl, bx + (bw - d) / 2, by + (bh - d) / 2, d, d, d / 2, stroke, th->ink);
}

static void draw_header(DrawList *dl, const ViewInput *in)
{
    const Regions *r = in->regions;
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    view_fill(dl, 0, 0, r->w, r->header_y1, 0, th->header);
    line(dl, 0, r->header_y1, r->w, r->header_y1, 1, th->hairline);
    const char *title = timeline_text(in->tl, &in->tl->title, in->state->lang);
    float lh = view_line_height(in, FONT_BOLD, m->title_px);
    float right_limit = header_left_edge(in->chrome, r->w);
    view_text_block(dl, in, title, FONT_BOLD, m->title_px, m->margin * 1.5f, (r->header_y1 - lh) / 2,
                    right_limit - m->margin * 3, 1, lh, th->ink);
    for (int i = 0; i < in->chrome->lang_count; i++) {
        Rect b = in->chrome->lang_button[i];
        bool active = i == in->state->lang;
        view_fill(dl, b.x, b.y, b.w, b.h, b.h / 2, active ? th->ink : view_alpha(th->ink, 0));
        view_stroke(dl, b.x, b.y, b.w, b.h, b.h / 2, 1, th->hairline);
        char code[TIMELINE_LANG_CODE_MAX];
        snprintf(code, sizeof code, "%s", in->tl->langs[i]);
        for (char *c = code; *c; c++) *c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
        float tw = view_text_width(in, code, FONT_BOLD, m->small_px);
        float th_ = view_line_height(in, FONT_BOLD, m->small_px);
        view_text_line(dl, in, code, FONT_BOLD, m->small_px, b.x + (b.w - tw) / 2, b.y + (b.h - th_) / 2, 0,
                       active ? th->paper : th->ink);
    }
    if (in->chrome->picture_button.w > 0) draw_picture_button(dl, in, in->chrome->picture_button);
    Rect h = in->chrome->help_button;
    if (h.w > 0) {
        view_stroke(dl, h.x, h.y, h.w, h.h, h.h / 2, 1.5f, th->ink);
        float tw = view_text_width(in, "?", FONT_BOLD, m->small_px + 2);
        view_text_line(dl, in, "?", FONT_BOLD, m->small_px + 2, h.x + (h.w - tw) / 2,
                       h.y + (h.h - view_line_height(in, FONT_BOLD, m->small_px + 2)) / 2, 0, th->ink);
    }
}

/* ---- eras, axis, ticks, today ------------------------------------------------------ */

static float era_label_room(const ViewInput *in, const Era *e, float *x0_out);

static void draw_eras(DrawList *dl, const ViewInput *in)
{
    const Regions *r = in->regions;
    const LayoutMetrics *m = in->metrics;
    const TimeScale *s = &in->state->scale;
    for (int i = 0; i < in->tl->era_count; i++) {
        const Era *e = &in->tl->eras[i];
        float x0 = (float)scale_time_to_px(s, e->start_days), x1 = (float)scale_time_to_px(s, e->end_days);
        x0 = fmaxf(x0, r->timeline_x0);
        x1 = fminf(x1, r->timeline_x1);
        if (x1 <= x0) continue;
        float y = r->lanes_y0 + e->lane * m->lane_h;
        view_fill(dl, x0, y + 1, x1 - x0, m->lane_h - 2, 0, view_alpha(e->colour, in->theme->dark ? 90 : 70));
        line(dl, x0, y + 1, x0, y + m->lane_h - 1, 1, view_alpha(e->colour, 200));
        /* The label sticks to the left edge of the screen while its band shows. */
        const char *label = timeline_text(in->tl, &e->label, in->state->lang);
        float lh = view_line_height(in, FONT_REGULAR, m->small_px);
        float room = era_label_room(in, e, &x0);
        if (room > 0) /* shortened with an ellipsis rather than cut mid-letter (its tooltip tells it whole) */
            view_text_block(dl, in, label, FONT_REGULAR, m->small_px, x0 + 6 * m->ui, y + (m->lane_h - lh) / 2, room,
                            1, lh, in->theme->ink);
    }
}

/* When zoomed in so far that no bold (major) label is on screen, the axis
 * says which year, month or day it shows, at its left end; returns where
 * that label ends (timeline_x0 when there is none). */
static float draw_axis_context(DrawList *dl, const ViewInput *in, const Tick *ticks, int n)
{
    const Regions *r = in->regions;
    double width = scale_width_days(&in->state->scale);
    /* When hours label the ticks, the day at the left end is always said
     * there, even when a midnight's bold label is further right: the hours
     * left of that midnight would have no date. */
    bool hours = false;
    for (int i = 0; i < n && !hours; i++) {
        double t = ticks[i].t_days;
        hours = ticks[i].level != TICK_MAJOR && fabs(t - round(t)) > 1.0 / 48;
    }
    for (int i = 0; i < n && !hours; i++)
        if (ticks[i].level == TICK_MAJOR && ticks[i].label[0] && ticks[i].x_px > r->timeline_x0 &&
            ticks[i].x_px < r->timeline_x1)
            return r->timeline_x0;
    if (width > 800) return r->timeline_x0;
    Date d = date_from_days(scale_left_days(&in->state->scale));
    d.precision = width < 3 || hours ? DATE_PREC_DAY : width < 120 ? DATE_PREC_MONTH : DATE_PREC_YEAR;
    char label[64];
    date_format(&d, in->tl->langs[in->state->lang], label, sizeof label);
    const LayoutMetrics *m = in->metrics;
    float x = r->timeline_x0 + 6 * m->ui;
    view_text_line(dl, in, label, FONT_BOLD, m->axis_px, x, r->ticks_y + 4 * m->ui, 0, in->theme->ink);
    return x + view_text_width(in, label, FONT_BOLD, m->axis_px) + 12 * m->ui;
}

static void draw_axis(DrawList *dl, const ViewInput *in, const Tick *ticks, int n)
{
    const Regions *r = in->regions;
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    line(dl, r->timeline_x0, r->axis_y, r->timeline_x1, r->axis_y, 2, th->ink);
    float context_end = draw_axis_context(dl, in, ticks, n);
    for (int i = 0; i < n; i++) {
        const Tick *t = &ticks[i];
        if (t->x_px < r->timeline_x0 || t->x_px > r->timeline_x1) continue;
        float len = (t->level == TICK_MAJOR ? 10 : t->level == TICK_MINOR ? 7 : 4) * m->ui;
        line(dl, t->x_px, r->axis_y, t->x_px, r->axis_y + len, t->level == TICK_MAJOR ? 2 : 1,
             t->level == TICK_SUB ? th->hairline : th->ink);
        if (!t->label[0]) continue;
        FontFace face = t->level == TICK_MAJOR ? FONT_BOLD : FONT_REGULAR;
        /* Centred under the tick or not at all: pushing a label in from the
         * edge would run it into its neighbour. */
        float w = view_text_width(in, t->label, face, m->axis_px);
        float x = t->x_px - w / 2;
        if (x < fmaxf(r->timeline_x0 + 2, context_end) || x + w > r->timeline_x1 - 2) continue;
        view_text_line(dl, in, t->label, face, m->axis_px, x, r->ticks_y + 4 * m->ui, 0,
                       t->level == TICK_MAJOR ? th->ink : th->muted);
    }
}

static void draw_today(DrawList *dl, const ViewInput *in)
{
    const Regions *r = in->regions;
    float x = (float)scale_time_to_px(&in->state->scale, in->state->today_days);
    if (x < r->timeline_x0 || x > r->timeline_x1) return;
    DrawCmd *c = line(dl, x, r->content_y0 + 4, x, r->content_y1 - 4, 2, view_alpha(in->theme->today, 200));
    if (c) c->dashed = true;
    const char *label = ui_text(UI_TODAY, in->tl->langs[in->state->lang]);
    float w = view_text_width(in, label, FONT_BOLD, in->metrics->small_px);
    float lh = view_line_height(in, FONT_BOLD, in->metrics->small_px);
    float lx = x + w + 8 > r->timeline_x1 ? x - w - 6 : x + 6;
    view_fill(dl, lx - 4, r->content_y0 + 6, w + 8, lh + 2, 4, view_alpha(in->theme->paper, 230));
    view_text_line(dl, in, label, FONT_BOLD, in->metrics->small_px, lx, r->content_y0 + 7, 0, in->theme->today);
}

/* ---- cards and clusters --------------------------------------------------------------- */

static void draw_leader(DrawList *dl, const ViewInput *in, const LayoutCard *c, Colour colour)
{
    const Regions *r = in->regions;
    float y0 = c->above ? c->y + c->h : r->axis_y;
    float y1 = c->above ? r->axis_y : c->y;
    /* A card that a poster's dense burst moved right of its date is
     * reached by an elbow in the gap beside its row (on screen a card always
     * spans its date). Square, not slanting: long diagonals cost the
     * software renderer their whole bounding box. */
    Colour ink = view_alpha(colour, 160);
    if (c->anchor_x < c->x || c->anchor_x > c->x + c->w) {
        float card_x = fminf(fmaxf(c->anchor_x, c->x + in->metrics->leader_inset), c->x + c->w);
        float elbow_y = c->above ? y0 + in->metrics->row_gap / 2 : y1 - in->metrics->row_gap / 2;
        float card_y = c->above ? y0 : y1, axis_y = c->above ? y1 : y0;
        line(dl, card_x, card_y, card_x, elbow_y, 1, ink);
        line(dl, card_x, elbow_y, c->anchor_x, elbow_y, 1, ink);
        line(dl, c->anchor_x, elbow_y, c->anchor_x, axis_y, 1, ink);
    } else {
        line(dl, c->anchor_x, y0, c->anchor_x, y1, 1, ink);
    }
    shape(dl, category_shape(in, in->tl->events[c->event].category), c->anchor_x, r->axis_y, 11 * in->metrics->ui,
          colour);
}

/* "13 mai 1956", a span, or the file's own words, in the view's language. */
static void event_date_text(const ViewInput *in, const Event *ev, char *buf, size_t cap)
{
    timeline_event_date(in->tl, ev, in->state->lang, buf, cap);
}

/* A card's date in width w: as event_date_text words it, else shorter when
 * Frise words it: deep time's "13.8B years ago", then the years alone
 * ("1815–1852" for "10 December 1815 – 27 November 1852"); the story says
 * it whole. False when even that does not fit (the file's own words are
 * never shortened): the line is then cut with an ellipsis. */
static bool fit_card_date(const ViewInput *in, const Event *ev, char *buf, size_t cap, float w)
{
    const LayoutMetrics *m = in->metrics;
    const char *lang = in->tl->langs[in->state->lang];
    event_date_text(in, ev, buf, cap);
    if (view_text_width(in, buf, FONT_BOLD, m->date_px) <= w) return true;
    if (!timeline_text_empty(&ev->display_date)) return false;
    date_format_span_brief(&ev->start, ev->has_end ? &ev->end : NULL, lang, buf, cap);
    if (view_text_width(in, buf, FONT_BOLD, m->date_px) <= w) return true;
    if (date_is_deep(&ev->start)) return false;
    Date from = ev->start, to = ev->end;
    from.precision = to.precision = DATE_PREC_YEAR;
    date_format_span(&from, ev->has_end && to.year != from.year ? &to : NULL, lang, buf, cap);
    return view_text_width(in, buf, FONT_BOLD, m->date_px) <= w;
}

void view_certainty_mark(DrawList *dl, const ViewInput *in, const Event *ev, float right_x, float y)
{
    if (ev->certainty == CERTAINTY_CONFIRMED) return;
    const LayoutMetrics *m = in->metrics;
    float d = m->date_px * 1.5f;
    Colour c = ev->certainty == CERTAINTY_DISPUTED ? (Colour){213, 94, 0, 255} : in->theme->muted;
    shape(dl, SHAPE_CIRCLE, right_x - d / 2, y + d / 2, d, c);
    float w = view_text_width(in, "?", FONT_BOLD, m->date_px);
    view_text_line(dl, in, "?", FONT_BOLD, m->date_px, right_x - d / 2 - w / 2,
                   y + (d - view_line_height(in, FONT_BOLD, m->date_px)) / 2, 0, (Colour){255, 255, 255, 255});
}

/* Where a card's title goes: its left edge, width and the line count it
 * may take (the one definition for drawing it and for its tooltip). */
static float card_title_width(const ViewInput *in, const LayoutCard *c)
{
    const LayoutMetrics *m = in->metrics;
    float w = c->w - 2 * m->card_pad;
    if (in->tl->events[c->event].image.path) {
        float thumb = fminf(c->h - m->card.title_y - m->card_pad, m->card.thumb_max);
        w -= thumb + 10 * m->ui;
    }
    return w;
}

int view_card_title_lines(const ViewInput *in, const LayoutCard *c)
{
    const LayoutMetrics *m = in->metrics;
    const CardBox *box = &m->card;
    /* A long title takes the summary's room, one line at most past the
     * card's design, as long as it still fits inside the card. */
    int room = (int)((c->h - box->title_y - m->card_pad) / box->title_line_h + 0.01f);
    int most = m->card_title_max_lines > m->card_title_lines ? m->card_title_max_lines : m->card_title_lines;
    return room < most ? (room < 1 ? 1 : room) : most;
}

bool view_card_title_cut(const ViewInput *in, const LayoutCard *c)
{
    const LayoutMetrics *m = in->metrics;
    const char *title = timeline_text(in->tl, &in->tl->events[c->event].title, in->state->lang);
    int lines = view_card_title_lines(in, c);
    float h = view_text_height(in, title, FONT_BOLD, m->card_title_px, card_title_width(in, c), lines + 1,
                               m->card.title_line_h);
    return h > (lines + 0.5f) * m->card.title_line_h;
}

static void draw_card(DrawList *dl, const ViewInput *in, const LayoutCard *c)
{
    const Event *ev = &in->tl->events[c->event];
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    const ViewState *st = in->state;
    Colour cat = category_colour(in, ev->category);
    bool hovered = c->event == st->hovered && !st->touch_ui;
    float lift = hovered ? 2 * m->ui : 0;
    float y = c->y - lift;
    DrawCmd *sh = drawlist_push(dl, DRAW_SHADOW, c->x, y, c->w, c->h, th->shadow);
    if (sh) sh->radius = 8 * m->ui;
    view_fill(dl, c->x, y, c->w, c->h, 8 * m->ui, th->card);
    const CardBox *box = &m->card;
    view_fill(dl, c->x, y, c->w, box->bar_h, box->bar_h / 2, cat);
    if (ev->certainty == CERTAINTY_UNVERIFIED) {
        DrawCmd *o = view_stroke(dl, c->x, y, c->w, c->h, 8 * m->ui, 1.5f, th->muted);
        if (o) o->dashed = true;
    }
    if (th->outlined) view_stroke(dl, c->x, y, c->w, c->h, 8 * m->ui, 1, th->hairline);
    /* The open story's card has an ink outline; the keyboard's focus is a
     * thicker ring further out in the focus colour, so that the two never
     * read as one (both can show, on one card or on two). */
    if (c->event == st->selected) view_stroke(dl, c->x - 2, y - 2, c->w + 4, c->h + 4, 9 * m->ui, 2, th->ink);
    if (c->event == st->focused && st->focus_kind == FOCUS_EVENT) view_focus_ring(dl, in, c->x, y, c->w, c->h, 8 * m->ui);

    float x = c->x + m->card_pad, w = c->w - 2 * m->card_pad;
    float date_y = y + box->date_y;
    char date[128];
    event_date_text(in, ev, date, sizeof date);
    float icon = m->date_px * 0.8f;
    float date_w = w - icon - 30 * m->ui;
    bool fits = fit_card_date(in, ev, date, sizeof date, date_w);
    shape(dl, category_shape(in, ev->category), x + icon / 2, date_y + box->date_line_h / 2, icon, cat);
    if (fits)
        view_text_line(dl, in, date, FONT_BOLD, m->date_px, x + icon + 6 * m->ui, date_y, date_w, th->muted);
    else /* wrapped to one line only to end it with an ellipsis */
        view_text_block(dl, in, date, FONT_BOLD, m->date_px, x + icon + 6 * m->ui, date_y, date_w, 1,
                        box->date_line_h, th->muted);
    view_certainty_mark(dl, in, ev, c->x + c->w - m->card_pad, date_y - 2);
    float cy = y + box->title_y;
    float text_w = card_title_width(in, c);
    if (ev->image.path) { /* a thumbnail on the right; the text wraps beside it */
        float thumb = fminf(c->h - box->title_y - m->card_pad, box->thumb_max);
        drawlist_image(dl, ev->image.path, c->x + c->w - m->card_pad - thumb, cy, thumb, thumb);
    }
    cy += view_text_block(dl, in, timeline_text(in->tl, &ev->title, st->lang), FONT_BOLD, m->card_title_px, x, cy,
                          text_w, view_card_title_lines(in, c), box->title_line_h, th->ink);
    cy += box->summary_gap;
    int lines_left = (int)((y + c->h - m->card_pad - cy) / box->summary_line_h + 0.01f);
    /* Its styles show; a link's address does not (a tap opens the story,
     * whose links can be followed or are listed with the sources). */
    RichDraw styled = {timeline_rich(in->tl, &ev->summary, st->lang), false, true, th->muted, NULL};
    if (lines_left > 0)
        view_rich_block(dl, in, timeline_text(in->tl, &ev->summary, st->lang), &styled, FONT_REGULAR, m->summary_px, x,
                        cy, text_w, lines_left, box->summary_line_h, th->muted);
}

void view_count_label(int count, char *out, size_t cap)
{
    if (count < 1000) snprintf(out, cap, "+%d", count);
    else if (count < 10000) snprintf(out, cap, "%d.%dk", count / 1000, count / 100 % 10);
    else if (count < 1000000) snprintf(out, cap, "%dk", count / 1000);
    else snprintf(out, cap, "%d.%dM", count / 1000000, count / 100000 % 10);
}

static void draw_cluster(DrawList *dl, const ViewInput *in, const LayoutCluster *c)
{
    const Theme *th = in->theme;
    Colour fill = c->category >= 0 ? category_colour(in, c->category) : th->muted;
    if (c->count == 1) { /* a lone event: its marker, in a ring that can be tapped */
        const Event *ev = &in->tl->events[layout_cluster_member(in->layout, c, 0)];
        shape(dl, SHAPE_CIRCLE, c->x, c->y, c->d * 0.7f, th->card);
        DrawCmd *ring = drawlist_push(dl, DRAW_SHAPE, c->x - c->d * 0.35f, c->y - c->d * 0.35f, c->d * 0.7f,
                                      c->d * 0.7f, fill);
        if (ring) {
            ring->filled = false;
            ring->stroke = 2;
        }
        shape(dl, category_shape(in, ev->category), c->x, c->y, c->d * 0.32f, fill);
        line(dl, c->x, c->y + c->d * 0.35f, c->x, in->regions->axis_y, 1, view_alpha(fill, 120));
        return;
    }
    /* A badge is neutral, never a highlight: its grey deepens with the
     * number of events it holds (1 to 1,000 and more, on a log scale). */
    float density = fminf(1.0f, log10f((float)c->count) / 3.0f);
    fill = view_mix(th->muted, th->ink, 0.15f + 0.45f * density);
    shape(dl, SHAPE_CIRCLE, c->x, c->y + 2, c->d + 2, view_alpha(th->shadow, 50));
    shape(dl, SHAPE_CIRCLE, c->x, c->y, c->d, fill);
    char label[16];
    view_count_label(c->count, label, sizeof label);
    int size = in->metrics->small_px + (int)(2 * in->metrics->ui);
    float w = view_text_width(in, label, FONT_BOLD, size);
    /* The count fits its circle, but never under the readable floor: four
     * characters at 12 px still fit inside the smallest badge (34 px). */
    while (w > c->d * 0.84f && size > LAYOUT_MIN_READABLE_PX)
        w = view_text_width(in, label, FONT_BOLD, --size);
    Colour digits = th->dark ? th->paper : (Colour){255, 255, 255, 255};
    view_text_line(dl, in, label, FONT_BOLD, size, c->x - w / 2, c->y - view_line_height(in, FONT_BOLD, size) / 2, 0,
                   digits);
    line(dl, c->x, c->y + c->d / 2, c->x, in->regions->axis_y, 1, view_alpha(fill, 120));
}

/* In story mode, a line from the large card down to its event on the axis. */
static void draw_story_anchor(DrawList *dl, const ViewInput *in)
{
    const ViewState *st = in->state;
    Rect p = in->chrome->panel;
    if (st->mode == VIEW_EXPLORE || st->selected < 0 || p.w <= 0) return;
    const Event *ev = &in->tl->events[st->selected];
    float x = (float)scale_time_to_px(&st->scale, ev->start_days);
    if (x < in->regions->timeline_x0 || x > in->regions->timeline_x1) return;
    Colour colour = category_colour(in, ev->category);
    float y0 = fminf(p.y + p.h, in->regions->axis_y);
    line(dl, x, y0, x, in->regions->axis_y, 3 * in->metrics->ui, colour);
    if (ev->has_end) {
        float x1 = (float)scale_time_to_px(&st->scale, ev->end_days);
        view_fill(dl, x, in->regions->axis_y - 4 * in->metrics->ui, fmaxf(x1 - x, 2), 8 * in->metrics->ui,
             4 * in->metrics->ui, colour);
    }
    shape(dl, SHAPE_CIRCLE, x, in->regions->axis_y, 22 * in->metrics->ui, in->theme->card);
    shape(dl, category_shape(in, ev->category), x, in->regions->axis_y, 16 * in->metrics->ui, colour);
}

/* A span's bar along the axis. One that began before the screen has no card
 * to say what it is, so a wide enough bar carries its dates and title. */
static void draw_span(DrawList *dl, const ViewInput *in, const LayoutSpan *sp)
{
    const LayoutMetrics *m = in->metrics;
    const Event *ev = &in->tl->events[sp->event];
    Colour colour = category_colour(in, ev->category);
    view_fill(dl, sp->x0, in->regions->axis_y - 3 * m->ui, fmaxf(sp->x1 - sp->x0, 2), 6 * m->ui, 3 * m->ui,
              view_alpha(colour, 150));
}

/* A span that began before the screen has no card to say what it is, so a
 * wide enough bar carries its dates and title on the badges' line, where no
 * badge and no other such label is (the first, the longest-running, wins). */
static void draw_span_labels(DrawList *dl, const ViewInput *in)
{
    const LayoutMetrics *m = in->metrics;
    const Layout *l = in->layout;
    float taken_right = -INFINITY;
    for (int i = 0; i < l->span_count; i++) {
        const LayoutSpan *sp = &l->spans[i];
        const Event *ev = &in->tl->events[sp->event];
        float width = sp->x1 - sp->x0;
        bool began_before = scale_time_to_px(&in->state->scale, ev->start_days) < in->regions->timeline_x0;
        if (!began_before || width < 160 * m->ui || sp->x0 < taken_right) continue; /* its card or badge tells */
        char text[512], dates[96];
        date_format_span(&ev->start, &ev->end, in->tl->langs[in->state->lang], dates, sizeof dates);
        snprintf(text, sizeof text, "%s  %s", dates, timeline_text(in->tl, &ev->title, in->state->lang));
        float x = sp->x0 + 8 * m->ui, room = width - 16 * m->ui;
        for (int k = 0; k < l->cluster_count; k++) { /* stop before the first badge */
            float left = l->clusters[k].x - l->clusters[k].d / 2 - 6 * m->ui;
            if (left > x && left - x < room) room = left - x;
        }
        if (room < 120 * m->ui) continue;
        float line_h = view_line_height(in, FONT_BOLD, m->small_px);
        view_text_block(dl, in, text, FONT_BOLD, m->small_px, x, in->regions->cluster_y - line_h / 2, room, 1, line_h,
                        view_mix(category_colour(in, ev->category), in->theme->ink, 0.4f));
        taken_right = x + fminf(room, view_text_width(in, text, FONT_BOLD, m->small_px)) + 16 * m->ui;
    }
}

/* Days are days: zoomed in so far that a day (or the month, or the year an
 * event is dated to) is wide, a point event's bar covers its whole period,
 * not just its first instant. */
static void draw_day(DrawList *dl, const ViewInput *in, int event, float anchor_x)
{
    const Event *ev = &in->tl->events[event];
    const LayoutMetrics *m = in->metrics;
    if (ev->has_end) return; /* spans have their own bars */
    float x1 = (float)scale_time_to_px(&in->state->scale, ev->end_days);
    if (!(x1 - anchor_x >= 12 * m->ui)) return;
    x1 = fminf(x1, in->regions->timeline_x1);
    view_fill(dl, anchor_x, in->regions->axis_y - 8 * m->ui, x1 - anchor_x, 4 * m->ui, 2 * m->ui,
              view_alpha(category_colour(in, ev->category), 170)); /* just above the span bars */
}

static void draw_cards(DrawList *dl, const ViewInput *in)
{
    const Layout *l = in->layout;
    const Regions *r = in->regions;
    drawlist_push(dl, DRAW_CLIP, r->timeline_x0, r->content_y0, r->timeline_x1 - r->timeline_x0,
                  r->content_y1 - r->content_y0, in->theme->ink);
    for (int i = 0; i < l->span_count; i++) draw_span(dl, in, &l->spans[i]);
    draw_span_labels(dl, in);
    draw_story_anchor(dl, in); /* under the badges, so "+3" stays readable */
    for (int i = 0; i < l->cluster_count; i++) draw_cluster(dl, in, &l->clusters[i]);
    for (int i = 0; i < l->card_count; i++) draw_day(dl, in, l->cards[i].event, l->cards[i].anchor_x);
    for (int i = 0; i < l->cluster_count; i++) /* a lone marker's day too */
        if (l->clusters[i].count == 1)
            draw_day(dl, in, layout_cluster_member(l, &l->clusters[i], 0),
                     (float)scale_time_to_px(&in->state->scale,
                                             in->tl->events[layout_cluster_member(l, &l->clusters[i], 0)].start_days));
    for (int i = 0; i < l->card_count; i++)
        draw_leader(dl, in, &l->cards[i], category_colour(in, in->tl->events[l->cards[i].event].category));
    for (int i = 0; i < l->card_count; i++) draw_card(dl, in, &l->cards[i]);
    drawlist_push(dl, DRAW_UNCLIP, 0, 0, 0, 0, in->theme->ink);
}

/* ---- an empty filter ------------------------------------------------------------------ */

/* Every theme hidden: rather than a blank timeline, say so, with the way
 * back (the button's place is view_chrome's). */
static void draw_all_hidden(DrawList *dl, const ViewInput *in)
{
    Rect b = in->chrome->show_all_button;
    if (b.w <= 0) return;
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    const char *lang = in->tl->langs[in->state->lang];
    const char *message = ui_text(UI_ALL_THEMES_HIDDEN, lang);
    float lh = view_line_height(in, FONT_BOLD, m->card_title_px);
    float w = view_text_width(in, message, FONT_BOLD, m->card_title_px);
    float cx = b.x + b.w / 2;
    view_text_line(dl, in, message, FONT_BOLD, m->card_title_px, cx - w / 2, b.y - lh - 12 * m->ui,
                   in->regions->timeline_x1 - in->regions->timeline_x0, th->ink);
    view_fill(dl, b.x, b.y, b.w, b.h, b.h / 2, th->ink);
    const char *label = ui_text(UI_SHOW_ALL, lang);
    float tw = view_text_width(in, label, FONT_BOLD, m->small_px);
    view_text_line(dl, in, label, FONT_BOLD, m->small_px, cx - tw / 2,
                   b.y + (b.h - view_line_height(in, FONT_BOLD, m->small_px)) / 2, 0, th->paper);
}

/* ---- tooltips ------------------------------------------------------------------------- */

enum { TIP_MAX_ROWS = 6 };

/* A dark box of rows (the first bold), each wrapped to three lines at
 * most, centred on x above top (or below bottom when there is no room
 * above), inside the timeline area. */
static void draw_tooltip(DrawList *dl, const ViewInput *in, const char *const *rows, int n, float x, float top,
                         float bottom)
{
    const LayoutMetrics *m = in->metrics;
    const Regions *r = in->regions;
    int size = m->summary_px;
    float pad = 8 * m->ui, max_w = fminf(420 * m->ui, r->timeline_x1 - r->timeline_x0 - 2 * pad - 8);
    float lh = view_line_height(in, FONT_BOLD, size), text_w = 0, h = 0;
    for (int i = 0; i < n; i++) {
        FontFace face = i == 0 ? FONT_BOLD : FONT_REGULAR;
        text_w = fmaxf(text_w, fminf(max_w, view_text_width(in, rows[i], face, size)));
        h += view_text_height(in, rows[i], face, size, max_w, 3, lh);
    }
    float w = text_w + 2 * pad;
    h += 2 * pad;
    float bx = fminf(fmaxf(x - w / 2, r->timeline_x0 + 4), r->timeline_x1 - w - 4);
    float by = top - h - 6 * m->ui;
    if (by < r->content_y0 + 4) by = fminf(bottom + 6 * m->ui, r->content_y1 - h - 4);
    const Theme *th = in->theme;
    DrawCmd *sh = drawlist_push(dl, DRAW_SHADOW, bx, by, w, h, th->shadow);
    if (sh) sh->radius = 6 * m->ui;
    view_fill(dl, bx, by, w, h, 6 * m->ui, th->ink);
    float y = by + pad;
    for (int i = 0; i < n; i++) {
        FontFace face = i == 0 ? FONT_BOLD : FONT_REGULAR;
        y += view_text_block(dl, in, rows[i], face, size, bx + pad, y, text_w + 1, 3, lh, th->paper);
    }
}

/* The event whose card's title shows whole in a tooltip: the card under
 * the mouse, else the one with the keyboard's focus; -1 when the title is
 * not cut or the open story already shows it. */
static int title_tip_card(const ViewInput *in)
{
    const ViewState *st = in->state;
    if (st->mode == VIEW_PRESENT || st->badge_open) return -1;
    int event = !st->touch_ui && st->hovered >= 0 ? st->hovered
                : st->focus_kind == FOCUS_EVENT ? st->focused : -1;
    if (event < 0 || event == st->selected) return -1;
    int card = layout_card_of_event(in->layout, event);
    return card >= 0 && view_card_title_cut(in, &in->layout->cards[card]) ? card : -1;
}

/* An era's label as drawn: where it starts and the room it has (0: none). */
static float era_label_room(const ViewInput *in, const Era *e, float *x0_out)
{
    const Regions *r = in->regions;
    const TimeScale *s = &in->state->scale;
    float x0 = fmaxf((float)scale_time_to_px(s, e->start_days), r->timeline_x0);
    float x1 = fminf((float)scale_time_to_px(s, e->end_days), r->timeline_x1);
    *x0_out = x0;
    float room = x1 - x0 - 12 * in->metrics->ui;
    return room > 40 * in->metrics->ui ? room : 0;
}

static bool era_label_cut(const ViewInput *in, int era)
{
    const Era *e = &in->tl->eras[era];
    float x0;
    float room = era_label_room(in, e, &x0);
    const char *label = timeline_text(in->tl, &e->label, in->state->lang);
    return view_text_width(in, label, FONT_REGULAR, in->metrics->small_px) > room;
}

static void draw_badge_tip(DrawList *dl, const ViewInput *in, const LayoutCluster *k)
{
    const Timeline *tl = in->tl;
    const char *lang = tl->langs[in->state->lang];
    const Event *first = &tl->events[layout_cluster_member(in->layout, k, 0)];
    const Event *last = &tl->events[layout_cluster_member(in->layout, k, k->count - 1)];
    const Date *end = last->has_end ? &last->end : &last->start;
    bool one_date = k->count == 1 ? !first->has_end : (!last->has_end && first->start_days == last->start_days);
    char dates[128], count[64], titles[3][300];
    date_format_span(&first->start, one_date ? NULL : end, lang, dates, sizeof dates);
    const char *rows[TIP_MAX_ROWS];
    int n = 0;
    rows[n++] = dates;
    if (k->count > 1) {
        snprintf(count, sizeof count, "%d %s", k->count, ui_text(UI_BADGE_EVENTS, lang));
        rows[n++] = count;
    }
    int shown = k->count < 3 ? k->count : 3;
    for (int i = 0; i < shown; i++) {
        const Event *ev = &tl->events[layout_cluster_member(in->layout, k, i)];
        snprintf(titles[i], sizeof titles[i], "%s%s", k->count > 1 ? "· " : "", timeline_text(tl, &ev->title, in->state->lang));
        rows[n++] = titles[i];
    }
    if (k->count > shown) rows[n++] = "…";
    draw_tooltip(dl, in, rows, n, k->x, k->y - k->d / 2, k->y + k->d / 2);
}

ViewTip view_tooltip(const ViewInput *in)
{
    const ViewState *st = in->state;
    ViewTip tip = st->tip;
    if (tip.kind == TIP_BADGE && !st->badge_open && tip.index >= 0 && tip.index < in->layout->cluster_count)
        return tip;
    if (tip.kind == TIP_ERA && tip.index >= 0 && tip.index < in->tl->era_count && era_label_cut(in, tip.index))
        return tip;
    if (tip.kind == TIP_PICTURE && in->chrome->picture_button.w > 0) return tip;
    int card = title_tip_card(in);
    return (ViewTip){card >= 0 ? TIP_TITLE : TIP_NONE, card, tip.x, tip.y};
}

/* At most one tooltip: a badge's, an era's or the picture button's under
 * the pointer, else a card's cut title (hovered or focused). */
static void draw_tooltips(DrawList *dl, const ViewInput *in)
{
    const ViewState *st = in->state;
    ViewTip tip = view_tooltip(in);
    if (tip.kind == TIP_BADGE) {
        draw_badge_tip(dl, in, &in->layout->clusters[tip.index]);
        return;
    }
    if (tip.kind == TIP_ERA) {
        const Era *e = &in->tl->eras[tip.index];
        const char *label = timeline_text(in->tl, &e->label, st->lang);
        float y = in->regions->lanes_y0 + e->lane * in->metrics->lane_h;
        draw_tooltip(dl, in, &label, 1, tip.x, y, y + in->metrics->lane_h);
        return;
    }
    if (tip.kind == TIP_PICTURE) {
        const char *label = ui_text(UI_SAVE_PICTURE, in->tl->langs[st->lang]);
        Rect b = in->chrome->picture_button;
        draw_tooltip(dl, in, &label, 1, b.x + b.w / 2, b.y, b.y + b.h);
        return;
    }
    if (tip.kind != TIP_TITLE) return;
    const LayoutCard *c = &in->layout->cards[tip.index];
    const char *title = timeline_text(in->tl, &in->tl->events[c->event].title, st->lang);
    draw_tooltip(dl, in, &title, 1, c->x + c->w / 2, c->y, c->y + c->h);
}

/* ---- overview strip ------------------------------------------------------------------ */

static float overview_x(const ViewInput *in, double t)
{
    Rect o = in->chrome->overview;
    const Timeline *tl = in->tl;
    double span = tl->max_days - tl->min_days;
    if (!(span > 0)) span = 1;
    return o.x + (float)((t - tl->min_days) / span) * o.w;
}

static void draw_overview(DrawList *dl, const ViewInput *in)
{
    const Regions *r = in->regions;
    const Theme *th = in->theme;
    const LayoutMetrics *m = in->metrics;
    const Timeline *tl = in->tl;
    Rect o = in->chrome->overview;
    view_fill(dl, 0, r->overview_y0, r->w, r->overview_y1 - r->overview_y0, 0, th->overview);
    line(dl, 0, r->overview_y0, r->w, r->overview_y0, 1, th->hairline);
    float lane_h = tl->lane_count ? (o.h * 0.45f) / tl->lane_count : 0;
    for (int i = 0; i < tl->era_count; i++) {
        const Era *e = &tl->eras[i];
        float x0 = fmaxf(overview_x(in, e->start_days), o.x), x1 = fminf(overview_x(in, e->end_days), o.x + o.w);
        if (x1 <= x0) continue;
        view_fill(dl, x0, o.y + e->lane * lane_h, fmaxf(x1 - x0, 1), lane_h - 1, 0, view_alpha(e->colour, 150));
    }
    /* Event density: one bar per pixel column group, counted by binary
     * search; with a themes filter on, only the events it shows count (one
     * pass over the events, only then). */
    float ticks_y = o.y + o.h * 0.5f, ticks_h = o.h * 0.5f;
    double span = tl->max_days - tl->min_days;
    int columns = (int)(o.w / (3 * m->ui));
    bool filtered = filter_active(tl, in->state);
    for (int c = 0; c < columns && span > 0; c++) {
        double t0 = tl->min_days + span * c / columns, t1 = tl->min_days + span * (c + 1) / columns;
        int first = timeline_lower_bound(tl, t0), end = timeline_lower_bound(tl, t1);
        int n = end - first;
        for (int e = first; filtered && e < end; e++) n -= !view_event_shown(tl, in->state, e);
        if (n == 0) continue;
        float hgt = fminf(ticks_h, ticks_h * (0.35f + 0.2f * logf((float)n + 1)));
        view_fill(dl, o.x + o.w * c / columns, ticks_y + ticks_h - hgt, fmaxf(1.5f * m->ui, 1), hgt, 0, th->muted);
    }
    float vx0 = overview_x(in, scale_left_days(&in->state->scale));
    float vx1 = overview_x(in, scale_right_days(&in->state->scale));
    vx0 = fmaxf(vx0, o.x - 2);
    vx1 = fminf(vx1, o.x + o.w + 2);
    if (vx1 - vx0 < 4) vx1 = vx0 + 4;
    view_fill(dl, vx0, o.y - 3, vx1 - vx0, o.h + 6, 4 * m->ui, view_alpha(th->accent, 40));
    view_stroke(dl, vx0, o.y - 3, vx1 - vx0, o.h + 6, 4 * m->ui, 2, th->accent);
}

/* ---- chrome and hit testing --------------------------------------------------------------- */

bool view_story_is_shown_not_explored(const ViewState *s)
{
    return s->mode == VIEW_PRESENT || (s->mode == VIEW_KIOSK && s->kiosk_state == KIOSK_ATTRACT);
}

float view_panel_width(float window_w, float ui, const ViewState *s)
{
    if (s->selected < 0 || s->mode != VIEW_EXPLORE) return 0;
    /* About 40% of the window, for lines of 60-75 characters at any scale. */
    return fmaxf(fminf(window_w * 0.4f, 900 * ui), fminf(window_w * 0.6f, 380 * ui));
}

ViewChrome view_chrome(const Timeline *tl, const ViewState *s, const Regions *r, const LayoutMetrics *m,
                       const TextMeasurer *tm)
{
    ViewChrome c;
    memset(&c, 0, sizeof c);
    /* Touch targets of 60 px at 1080p; a mouse's never under 32 px, even
     * on a small laptop screen (ui 0.85 would make them 29 px). */
    c.button_h = s->touch_ui ? 60 * m->ui : fmaxf(34 * m->ui, LAYOUT_MIN_BUTTON_PX);
    c.row_h = s->touch_ui ? 64 * m->ui : 44 * m->ui;
    float bh = c.button_h;
    float by = (r->header_y1 - bh) / 2;
    float x = r->w - m->margin * 1.5f;
    if (s->mode == VIEW_EXPLORE || s->mode == VIEW_KIOSK) {
        x -= bh;
        c.help_button = (Rect){x, by, bh, bh};
        x -= m->margin;
    }
    if (s->mode == VIEW_EXPLORE) { /* never in the kiosk: visitors leave no files behind */
        x -= bh;
        c.picture_button = (Rect){x, by, bh, bh};
        x -= m->margin;
    }
    c.lang_count = tl->lang_count > 1 && s->mode != VIEW_PRESENT ? tl->lang_count : 0;
    float lw = bh * 1.5f;
    for (int i = c.lang_count - 1; i >= 0; i--) {
        x -= lw;
        c.lang_button[i] = (Rect){x, by, lw, bh};
        x -= 6 * m->ui;
    }
    view_chrome_menus(&c, tl, s, r, m, tm, x - m->margin);
    view_chrome_files(&c, s, r, m);
    if (s->mode != VIEW_PRESENT && view_all_themes_hidden(tl, s)) { /* the way back from an empty filter */
        const char *label = ui_text(UI_SHOW_ALL, tl->langs[s->lang]);
        float w = tm->width(tm->ctx, FONT_BOLD, m->small_px, label, strlen(label)) + 48 * m->ui;
        float h = fmaxf(c.row_h, LAYOUT_MIN_BUTTON_PX);
        float cx = (r->timeline_x0 + r->timeline_x1) / 2, cy = (r->above_y0 + r->above_y1) / 2;
        c.show_all_button = (Rect){cx - w / 2, cy, w, h};
    }
    c.overview = (Rect){m->margin * 1.5f, r->overview_y0 + 10 * m->ui, r->w - 3 * m->margin,
                        r->overview_y1 - r->overview_y0 - 20 * m->ui};
    if (r->panel_x0 < r->w) { /* the explorer's side panel */
        c.panel = (Rect){r->panel_x0, r->content_y0, r->w - r->panel_x0, r->content_y1 - r->content_y0};
    } else if (s->selected >= 0 && s->mode != VIEW_EXPLORE) { /* a large story card */
        float w = fminf(r->w - 2 * m->margin, fmaxf(r->w * 0.66f, 900 * m->ui));
        c.panel = (Rect){(r->w - w) / 2, r->above_y0, w, r->above_y1 - r->above_y0};
    }
    if (c.panel.w > 0) {
        bool buttons = !view_story_is_shown_not_explored(s);
        float close = buttons ? (s->touch_ui ? c.row_h : c.button_h + 6 * m->ui) : 0;
        c.panel_close = (Rect){c.panel.x + c.panel.w - close - m->margin / 2, c.panel.y + m->margin / 2, close, close};
        float nav_h = buttons ? c.row_h : 0;
        float nav_y = c.panel.y + c.panel.h - nav_h - (buttons ? m->margin : 0);
        float half = (c.panel.w - 3 * m->margin) / 2;
        if (buttons) {
            c.panel_prev = (Rect){c.panel.x + m->margin, nav_y, half, nav_h};
            c.panel_next = (Rect){c.panel.x + 2 * m->margin + half, nav_y, half, nav_h};
        }
        float top = c.panel.y + fmaxf(close, 8 * m->ui) + m->margin / 2;
        c.panel_body = (Rect){c.panel.x, top, c.panel.w - close * 0.0f, nav_y - m->margin / 2 - top};
    }
    float dw = 720 * m->ui, dh = 300 * m->ui;
    c.countdown_dialog = (Rect){(r->w - dw) / 2, (r->h - dh) / 2, dw, dh};
    float bw = 320 * m->ui, bh2 = 68 * m->ui;
    c.countdown_button = (Rect){(r->w - bw) / 2, c.countdown_dialog.y + dh - bh2 - 28 * m->ui, bw, bh2};
    if (s->pin_pad) { /* a 3 x 4 pad of 80 px keys in the middle */
        float key = 84 * m->ui, gap = 14 * m->ui;
        float x0 = (r->w - (3 * key + 2 * gap)) / 2, y0 = r->h / 2 - 2 * key - 1.5f * gap + 40 * m->ui;
        for (int i = 0; i < 12; i++)
            c.pin_keys[i] = (Rect){x0 + (i % 3) * (key + gap), y0 + (i / 3) * (key + gap), key, key};
    }
    return c;
}

static bool inside(Rect r, float x, float y)
{
    return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

Hit view_hit(const ViewInput *in, float x, float y)
{
    const ViewChrome *c = in->chrome;
    const Regions *r = in->regions;
    for (int i = 0; i < 12 && in->state->pin_pad; i++)
        if (inside(c->pin_keys[i], x, y)) return (Hit){HIT_PIN_KEY, i};
    if (in->state->pin_pad) return (Hit){HIT_NONE, 0};
    if (in->state->files_open) return view_hit_files(c, in->state, x, y); /* a dialog: nothing behind it */
    if (c->badge_list.w > 0 && inside(c->badge_list, x, y)) {
        for (int i = 0; i < c->badge_row_count; i++)
            if (inside(c->badge_rows[i], x, y)) return (Hit){HIT_BADGE_ROW, in->state->badge_first + i};
        if (inside(c->badge_zoom, x, y)) return (Hit){HIT_BADGE_ZOOM, 0};
        return (Hit){HIT_BADGE_LIST, 0};
    }
    if (in->state->search_open) {
        for (int i = 0; i < in->state->search_count; i++)
            if (inside(c->search_rows[i], x, y)) return (Hit){HIT_SEARCH_RESULT, i};
        if (inside(c->search_field, x, y)) return (Hit){HIT_SEARCH_FIELD, 0};
    }
    if (in->state->themes_open) {
        for (int i = 0; i < c->theme_row_count; i++)
            if (inside(c->theme_rows[i], x, y)) return (Hit){HIT_THEME_ROW, i};
        for (int i = 0; i < c->tag_row_count; i++)
            if (inside(c->tag_rows[i], x, y)) return (Hit){HIT_TAG_ROW, i};
    }
    if (c->search_button.w > 0 && inside(c->search_button, x, y)) return (Hit){HIT_SEARCH_BUTTON, 0};
    if (c->themes_button.w > 0 && inside(c->themes_button, x, y)) return (Hit){HIT_THEMES_BUTTON, 0};
    for (int i = 0; i < c->lang_count; i++)
        if (inside(c->lang_button[i], x, y)) return (Hit){HIT_LANG, i};
    if (c->help_button.w > 0 && inside(c->help_button, x, y)) return (Hit){HIT_HELP, 0};
    if (c->picture_button.w > 0 && inside(c->picture_button, x, y)) return (Hit){HIT_PICTURE, 0};
    if (y < r->header_y1) return (Hit){HIT_HEADER, 0};
    if (c->panel.w > 0 && inside(c->panel, x, y)) {
        if (inside(c->panel_close, x, y)) return (Hit){HIT_PANEL_CLOSE, 0};
        if (inside(c->panel_prev, x, y)) return (Hit){HIT_PANEL_PREV, 0};
        if (inside(c->panel_next, x, y)) return (Hit){HIT_PANEL_NEXT, 0};
        return (Hit){HIT_PANEL, 0};
    }
    if (y >= r->overview_y0) return (Hit){HIT_OVERVIEW, 0};
    if (c->show_all_button.w > 0 && inside(c->show_all_button, x, y)) return (Hit){HIT_SHOW_ALL, 0};
    int card = layout_card_at(in->layout, x, y);
    if (card >= 0) return (Hit){HIT_CARD, card};
    int cluster = layout_cluster_at(in->layout, x, y);
    if (cluster >= 0) return (Hit){HIT_CLUSTER, cluster};
    return (Hit){HIT_TIMELINE, 0};
}

/* ---- the frame --------------------------------------------------------------------------------- */

int view_ticks(const Timeline *tl, const ViewState *s, const LayoutMetrics *m, const TextMeasurer *tm, Tick *ticks)
{
    return scale_ticks(&s->scale, tl->langs[s->lang], tm, FONT_BOLD, m->axis_px, 14 * m->ui, ticks, SCALE_MAX_TICKS);
}

/* The focus ring on a control (a card's is drawn with the card). */
static void draw_control_focus(DrawList *dl, const ViewInput *in)
{
    const ViewState *st = in->state;
    const ViewChrome *c = in->chrome;
    Rect r = {0, 0, 0, 0};
    switch (st->focus_kind) {
    case FOCUS_BADGE:
        if (st->focus_index >= 0 && st->focus_index < in->layout->cluster_count) {
            const LayoutCluster *k = &in->layout->clusters[st->focus_index];
            r = (Rect){k->x - k->d / 2, k->y - k->d / 2, k->d, k->d};
        }
        break;
    case FOCUS_PANEL_PREV: r = c->panel_prev; break;
    case FOCUS_PANEL_NEXT: r = c->panel_next; break;
    case FOCUS_PANEL_CLOSE: r = c->panel_close; break;
    case FOCUS_SEARCH: r = c->search_button.w > 0 ? c->search_button : c->search_field; break;
    case FOCUS_THEMES: r = c->themes_button; break;
    case FOCUS_LANG: if (st->focus_index >= 0 && st->focus_index < c->lang_count) r = c->lang_button[st->focus_index]; break;
    case FOCUS_HELP: r = c->help_button; break;
    case FOCUS_SHOW_ALL: r = c->show_all_button; break;
    case FOCUS_PICTURE: r = c->picture_button; break;
    default: break;
    }
    if (r.w <= 0) return;
    bool round = st->focus_kind != FOCUS_PANEL_PREV && st->focus_kind != FOCUS_PANEL_NEXT;
    view_focus_ring(dl, in, r.x, r.y, r.w, r.h, round ? r.h / 2 : 8 * in->metrics->ui);
}

void view_draw_poster_timeline(DrawList *dl, const ViewInput *in)
{
    const Regions *r = in->regions;
    drawlist_push(dl, DRAW_CLIP, r->timeline_x0, r->content_y0, r->timeline_x1 - r->timeline_x0,
                  r->content_y1 - r->content_y0, in->theme->ink);
    draw_eras(dl, in);
    draw_axis(dl, in, in->ticks, in->tick_count);
    drawlist_push(dl, DRAW_UNCLIP, 0, 0, 0, 0, in->theme->ink);
    draw_cards(dl, in);
}

void view_build(DrawList *dl, const ViewInput *in)
{
    drawlist_clear(dl);
    const ViewState *st = in->state;
    if (st->blackout != BLACKOUT_NONE) {
        Colour c = st->blackout == BLACKOUT_BLACK ? (Colour){0, 0, 0, 255} : (Colour){255, 255, 255, 255};
        view_fill(dl, 0, 0, in->regions->w, in->regions->h, 0, c);
        return;
    }
    drawlist_push(dl, DRAW_CLIP, in->regions->timeline_x0, in->regions->content_y0,
                  in->regions->timeline_x1 - in->regions->timeline_x0,
                  in->regions->content_y1 - in->regions->content_y0, in->theme->ink);
    draw_eras(dl, in);
    draw_today(dl, in);
    draw_axis(dl, in, in->ticks, in->tick_count);
    drawlist_push(dl, DRAW_UNCLIP, 0, 0, 0, 0, in->theme->ink);
    draw_cards(dl, in);
    draw_all_hidden(dl, in);
    draw_overview(dl, in);
    draw_tooltips(dl, in);
    view_draw_panel(dl, in);
    draw_header(dl, in);
    view_draw_menus(dl, in);
    draw_control_focus(dl, in);
    view_draw_overlays(dl, in);
    view_draw_files(dl, in);
}
