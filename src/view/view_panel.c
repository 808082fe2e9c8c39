/* view_panel.c: the detail of an event (side panel in the explorer, large
 * centred card when presenting or in the kiosk), the help overlay and the
 * modes' chrome: progress, captions, attract prompt, idle countdown. */
#include "view.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_text.h"

static const char *lang_code(const ViewInput *in)
{
    return in->tl->langs[in->state->lang];
}

static void button(DrawList *dl, const ViewInput *in, Rect r, const char *label, bool enabled)
{
    const Theme *th = in->theme;
    int size = in->metrics->small_px + (int)(2 * in->metrics->ui);
    view_fill(dl, r.x, r.y, r.w, r.h, 8 * in->metrics->ui, enabled ? th->paper : view_alpha(th->paper, 120));
    view_stroke(dl, r.x, r.y, r.w, r.h, 8 * in->metrics->ui, 1.5f, enabled ? th->ink : th->hairline);
    float w = view_text_width(in, label, FONT_BOLD, size);
    view_text_line(dl, in, label, FONT_BOLD, size, r.x + (r.w - w) / 2, r.y + (r.h - view_line_height(in, FONT_BOLD, size)) / 2,
                   r.w - 8, enabled ? th->ink : th->muted);
}

static void close_button(DrawList *dl, const ViewInput *in, Rect r)
{
    const Theme *th = in->theme;
    DrawCmd *c = drawlist_push(dl, DRAW_SHAPE, r.x, r.y, r.w, r.h, view_alpha(th->ink, 20));
    if (c) c->shape = SHAPE_CIRCLE;
    float cx = r.x + r.w / 2, cy = r.y + r.h / 2, k = r.w * 0.18f;
    /* Each command is finished before the next push: a push may move the list. */
    DrawCmd *a = drawlist_push(dl, DRAW_LINE, cx - k, cy - k, 2 * k, 2 * k, th->ink);
    if (a) a->stroke = 2.5f;
    DrawCmd *b = drawlist_push(dl, DRAW_LINE, cx - k, cy + k, 2 * k, -2 * k, th->ink);
    if (b) b->stroke = 2.5f;
}

/* ---- the story of one event --------------------------------------------------------- */

typedef struct Column {
    float x, w, y;             /* y advances as content is added */
    float limit_y;             /* optional parts that would pass it are left out */
} Column;

static void add_paragraphs(DrawList *dl, const ViewInput *in, Column *col, const char *text, FontFace face, int size,
                           float line_h, Colour colour)
{
    if (!text[0]) return;
    /* A card that does not scroll ends its text with an ellipsis at its foot. */
    int lines = isfinite(col->limit_y) ? (int)((col->limit_y - col->y) / line_h) : 100000;
    if (lines <= 0) return;
    col->y += view_text_block(dl, in, text, face, size, col->x, col->y, col->w, lines, line_h, colour);
}

static void add_note(DrawList *dl, const ViewInput *in, Column *col, const Event *ev)
{
    const char *note = timeline_text(in->tl, &ev->note, in->state->lang);
    if (ev->certainty == CERTAINTY_CONFIRMED && !note[0]) return;
    const LayoutMetrics *m = in->metrics;
    UiString heading = ev->certainty == CERTAINTY_DISPUTED ? UI_DISPUTED
                       : ev->certainty == CERTAINTY_UNVERIFIED ? UI_UNVERIFIED : UI_NOTE;
    Colour tint = ev->certainty == CERTAINTY_DISPUTED ? (Colour){213, 94, 0, 255} : in->theme->muted;
    int size = m->small_px + (int)(2 * m->ui);
    float line_h = view_line_height(in, FONT_REGULAR, size) * 1.25f;
    /* Measured first: the box goes under the text. */
    float text_h = view_text_height(in, note, FONT_REGULAR, size, col->w - 24 * m->ui, 1000, line_h);
    float box_h = 16 * m->ui + view_line_height(in, FONT_BOLD, size) + (note[0] ? 6 * m->ui + text_h : 0);
    if (col->y + box_h > col->limit_y) return; /* a presented card does not scroll */
    view_fill(dl, col->x, col->y, col->w, box_h, 6 * m->ui, view_alpha(tint, 28));
    view_fill(dl, col->x, col->y, 4 * m->ui, box_h, 2 * m->ui, tint);
    float y = col->y + 8 * m->ui;
    view_text_line(dl, in, ui_text(heading, lang_code(in)), FONT_BOLD, size, col->x + 14 * m->ui, y, 0, tint);
    y += view_line_height(in, FONT_BOLD, size) + 6 * m->ui;
    if (note[0])
        view_text_block(dl, in, note, FONT_REGULAR, size, col->x + 14 * m->ui, y, col->w - 24 * m->ui, 1000, line_h,
                        in->theme->ink);
    col->y += box_h + 14 * m->ui;
}

static void add_sources(DrawList *dl, const ViewInput *in, Column *col, const Event *ev)
{
    if (ev->source_count == 0) return;
    const LayoutMetrics *m = in->metrics;
    int size = m->small_px + (int)(2 * m->ui);
    float line_h = view_line_height(in, FONT_REGULAR, size) * 1.3f;
    col->y += 10 * m->ui;
    DrawCmd *rule = drawlist_push(dl, DRAW_LINE, col->x, col->y, col->w, 0, in->theme->hairline);
    if (rule) rule->stroke = 1;
    col->y += 10 * m->ui;
    view_text_line(dl, in, ui_text(UI_SOURCES, lang_code(in)), FONT_BOLD, size, col->x, col->y, 0, in->theme->ink);
    col->y += view_line_height(in, FONT_BOLD, size) + 6 * m->ui;
    for (int i = 0; i < ev->source_count; i++) {
        const Source *s = &ev->sources[i];
        char text[1024];
        snprintf(text, sizeof text, "• %s%s%s%s%s%s%s%s%s", s->author ? s->author : "", s->author ? ", " : "",
                 timeline_text(in->tl, &s->title, in->state->lang), s->publication ? " — " : "",
                 s->publication ? s->publication : "", s->date ? ", " : "", s->date ? s->date : "",
                 s->pages ? ", " : "", s->pages ? s->pages : "");
        col->y += view_text_block(dl, in, text, FONT_REGULAR, size, col->x, col->y, col->w, 8, line_h, in->theme->ink);
        if (s->url)
            col->y += view_text_block(dl, in, s->url, FONT_REGULAR, size - 1, col->x + 14 * m->ui, col->y,
                                      col->w - 14 * m->ui, 3, line_h, in->theme->accent);
        col->y += 4 * m->ui;
    }
}

static void add_image(DrawList *dl, const ViewInput *in, Column *col, const Event *ev)
{
    if (!ev->image.path) return;
    float h = col->w * 9 / 16;
    drawlist_image(dl, ev->image.path, col->x, col->y, col->w, h);
    col->y += h + 4 * in->metrics->ui;
    const char *credit = timeline_text(in->tl, &ev->image.credit, in->state->lang);
    if (credit[0]) {
        int size = in->metrics->small_px;
        col->y += view_text_block(dl, in, credit, FONT_ITALIC, size, col->x, col->y, col->w, 2,
                                  view_line_height(in, FONT_ITALIC, size), in->theme->muted);
    }
    col->y += 10 * in->metrics->ui;
}

/* The whole story, top to bottom; returns its height. */
static float draw_story(DrawList *dl, const ViewInput *in, const Event *ev, float x, float y, float w, float limit_y)
{
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    Column col = {x, w, y, limit_y};
    Colour cat = ev->category >= 0 ? in->tl->categories[ev->category].colour : th->muted;
    int small = m->small_px + (int)(2 * m->ui);
    if (ev->category >= 0) {
        float icon = small * 0.8f;
        DrawCmd *s = drawlist_push(dl, DRAW_SHAPE, x, col.y + (view_line_height(in, FONT_BOLD, small) - icon) / 2, icon, icon, cat);
        if (s) s->shape = in->tl->categories[ev->category].shape;
        view_text_line(dl, in, timeline_text(in->tl, &in->tl->categories[ev->category].label, in->state->lang),
                       FONT_BOLD, small, x + icon + 8 * m->ui, col.y, 0, cat);
        col.y += view_line_height(in, FONT_BOLD, small) + 6 * m->ui;
    }
    char date[160];
    date_format_span(&ev->start, ev->has_end ? &ev->end : NULL, lang_code(in), date, sizeof date);
    view_text_line(dl, in, date, FONT_BOLD, small + 2, x, col.y, w, th->muted);
    if (view_story_is_shown_not_explored(in->state) && ev->certainty != CERTAINTY_CONFIRMED) {
        /* The note may not fit on a presented card: the warning always does. */
        bool disputed = ev->certainty == CERTAINTY_DISPUTED;
        char tag[96];
        snprintf(tag, sizeof tag, "?  %s", ui_text(disputed ? UI_DISPUTED : UI_UNVERIFIED, lang_code(in)));
        float dw = view_text_width(in, date, FONT_BOLD, small + 2);
        view_text_line(dl, in, tag, FONT_BOLD, small, x + dw + 16 * m->ui, col.y + 2 * m->ui, w - dw - 16 * m->ui,
                       disputed ? (Colour){213, 94, 0, 255} : th->muted);
    }
    col.y += view_line_height(in, FONT_BOLD, small + 2) + 4 * m->ui;
    add_paragraphs(dl, in, &col, timeline_text(in->tl, &ev->title, in->state->lang), FONT_BOLD, m->panel_title_px,
                   view_line_height(in, FONT_BOLD, m->panel_title_px) * 1.1f, th->ink);
    col.y += 12 * m->ui;
    add_image(dl, in, &col, ev);
    if (view_story_is_shown_not_explored(in->state)) { /* read from afar: the summary, large */
        const char *summary = timeline_text(in->tl, &ev->summary, in->state->lang);
        int size = m->body_px + (int)(6 * m->ui);
        add_paragraphs(dl, in, &col, summary, FONT_REGULAR, size, view_line_height(in, FONT_REGULAR, size) * 1.25f, th->ink);
        col.y += 14 * m->ui;
        add_note(dl, in, &col, ev);
        return col.y - y;
    }
    add_note(dl, in, &col, ev);
    const char *body = timeline_text(in->tl, &ev->body, in->state->lang);
    if (!body[0]) body = timeline_text(in->tl, &ev->summary, in->state->lang);
    add_paragraphs(dl, in, &col, body, FONT_REGULAR, m->body_px, view_line_height(in, FONT_REGULAR, m->body_px) * 1.2f, th->ink);
    add_sources(dl, in, &col, ev);
    return col.y - y;
}

float view_draw_panel(DrawList *dl, const ViewInput *in)
{
    const ViewState *st = in->state;
    const ViewChrome *c = in->chrome;
    if (st->selected < 0 || st->selected >= in->tl->event_count) return 0;
    const Event *ev = &in->tl->events[st->selected];
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    Rect box = c->panel, body = c->panel_body;
    if (box.w <= 0) return 0;
    DrawCmd *sh = drawlist_push(dl, DRAW_SHADOW, box.x, box.y, box.w, box.h, th->shadow);
    if (sh) sh->radius = st->mode != VIEW_EXPLORE ? 12 * m->ui : 0;
    view_fill(dl, box.x, box.y, box.w, box.h, st->mode != VIEW_EXPLORE ? 12 * m->ui : 0, th->panel);
    view_fill(dl, box.x, box.y, box.w, 6 * m->ui, 0,
         ev->category >= 0 ? in->tl->categories[ev->category].colour : th->hairline);
    float pad = 28 * m->ui;
    /* Lines of about 65 characters: cap the text column. */
    float text_w = fminf(body.w - 2 * pad, m->body_px * 34.0f);
    /* In the side panel the column hugs the left; on a large card it is centred. */
    float text_x = st->mode == VIEW_EXPLORE ? body.x + pad : body.x + (body.w - text_w) / 2;
    float caption_h = st->mode != VIEW_EXPLORE ? view_caption_height(in, box.w - 32 * m->ui) : 0;
    if (caption_h > 0) body.h -= caption_h + 16 * m->ui;
    drawlist_push(dl, DRAW_CLIP, body.x, body.y, body.w, body.h, th->ink);
    float limit = view_story_is_shown_not_explored(st) ? body.y + body.h : INFINITY;
    float content_h = draw_story(dl, in, ev, text_x, body.y + 8 * m->ui - st->panel_scroll_px, text_w, limit);
    drawlist_push(dl, DRAW_UNCLIP, 0, 0, 0, 0, th->ink);
    if (content_h > body.h && !view_story_is_shown_not_explored(st)) { /* a scroll bar says there is more */
        float bar_h = body.h * body.h / content_h;
        float bar_y = body.y + (body.h - bar_h) * st->panel_scroll_px / (content_h - body.h);
        view_fill(dl, body.x + body.w - 8 * m->ui, bar_y, 4 * m->ui, bar_h, 2 * m->ui, view_alpha(th->muted, 140));
    }
    if (c->panel_close.w > 0) {
        close_button(dl, in, c->panel_close);
        button(dl, in, c->panel_prev, ui_text(UI_PREVIOUS, lang_code(in)), view_neighbour(in->tl, st, -1) >= 0);
        button(dl, in, c->panel_next, ui_text(UI_NEXT, lang_code(in)), view_neighbour(in->tl, st, 1) >= 0);
    }
    return content_h + 16 * m->ui;
}

/* ---- overlays ------------------------------------------------------------------------ */

static void dim(DrawList *dl, const ViewInput *in, uint8_t alpha)
{
    view_fill(dl, 0, 0, in->regions->w, in->regions->h, 0, (Colour){10, 12, 18, alpha});
}

/* The help sheet is as wide as its longest rows, within the window; a row
 * that still does not fit ends with an ellipsis. */
static void draw_help(DrawList *dl, const ViewInput *in)
{
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    const char *const *rows = ui_help_rows(lang_code(in), in->state->touch_ui);
    int size = m->small_px + (int)(3 * m->ui);
    float key_w = 0, text_w = 0, pad = 32 * m->ui, gap = 28 * m->ui;
    int n = 0;
    for (; rows[2 * n]; n++) {
        key_w = fmaxf(key_w, view_text_width(in, rows[2 * n], FONT_BOLD, size));
        text_w = fmaxf(text_w, view_text_width(in, rows[2 * n + 1], FONT_REGULAR, size));
    }
    float row_h = view_line_height(in, FONT_REGULAR, size) * 1.5f;
    float w = fminf(in->regions->w - 2 * m->margin, 2 * pad + key_w + gap + text_w);
    float h = (n + 3.5f) * row_h;
    float x = (in->regions->w - w) / 2, y = (in->regions->h - h) / 2;
    key_w = fminf(key_w, w * 0.45f);
    dim(dl, in, 140);
    view_fill(dl, x, y, w, h, 12 * m->ui, th->panel);
    float ty = y + row_h * 0.6f;
    view_text_line(dl, in, ui_text(UI_HELP_TITLE, lang_code(in)), FONT_BOLD, m->panel_title_px, x + pad, ty, 0, th->ink);
    ty += row_h * 1.5f;
    float line_h = view_line_height(in, FONT_REGULAR, size);
    for (int i = 0; i < n; i++, ty += row_h) {
        view_text_block(dl, in, rows[2 * i], FONT_BOLD, size, x + pad, ty, key_w, 1, line_h, th->ink);
        view_text_block(dl, in, rows[2 * i + 1], FONT_REGULAR, size, x + pad + key_w + gap, ty,
                        w - 2 * pad - key_w - gap, 1, line_h, th->muted);
    }
    view_text_line(dl, in, ui_text(UI_HELP_CLOSE, lang_code(in)), FONT_ITALIC, m->small_px, x + pad, y + h - row_h, 0,
                   th->muted);
}

static void draw_progress(DrawList *dl, const ViewInput *in)
{
    const ViewState *st = in->state;
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    const Regions *r = in->regions;
    if (st->step_count <= 0) return;
    float y = r->header_y1 - 4 * m->ui;
    view_fill(dl, 0, y, r->w, 4 * m->ui, 0, view_alpha(th->hairline, 255));
    view_fill(dl, 0, y, r->w * st->step / st->step_count, 4 * m->ui, 0, th->accent);
    char text[96];
    int n = snprintf(text, sizeof text, "%s %d / %d", ui_text(UI_STEP, lang_code(in)), st->step, st->step_count);
    if (st->step_entry && st->step_entry[0] && n > 0) snprintf(text + n, sizeof text - (size_t)n, "   » %s", st->step_entry);
    int size = m->small_px + (int)(4 * m->ui);
    float w = view_text_width(in, text, FONT_BOLD, size);
    view_text_line(dl, in, text, FONT_BOLD, size, r->w - w - m->margin * 1.5f, (r->header_y1 - view_line_height(in, FONT_BOLD, size)) / 2,
                   0, th->ink);
    /* The current era of each lane, centred under the header. */
    double centre = scale_center_days(&st->scale);
    char eras[256] = "";
    for (int lane = 0; lane < in->tl->lane_count; lane++) {
        int e = view_era_at(in->tl, lane, centre);
        if (e < 0) continue;
        size_t used = strlen(eras);
        snprintf(eras + used, sizeof eras - used, "%s%s", used ? "  ·  " : "",
                 timeline_text(in->tl, &in->tl->eras[e].label, st->lang));
    }
    /* In the header's middle, when the title and the progress leave room. */
    const char *title = timeline_text(in->tl, &in->tl->title, st->lang);
    float left = m->margin * 1.5f + view_text_width(in, title, FONT_BOLD, m->title_px) + 2 * m->margin;
    float right = r->w - w - m->margin * 3.5f;
    float ew = view_text_width(in, eras, FONT_REGULAR, m->small_px + (int)(2 * m->ui));
    if (eras[0] && ew <= right - left) {
        float ex = fminf(fmaxf((r->w - ew) / 2, left), right - ew);
        view_text_line(dl, in, eras, FONT_REGULAR, m->small_px + (int)(2 * m->ui), ex,
                       (r->header_y1 - view_line_height(in, FONT_REGULAR, m->small_px + (int)(2 * m->ui))) / 2, 0, th->muted);
    }
}

static int caption_size(const ViewInput *in)
{
    return in->metrics->body_px + (int)(2 * in->metrics->ui);
}

float view_caption_height(const ViewInput *in, float w)
{
    const ViewState *st = in->state;
    const char *text = st->caption ? timeline_text(in->tl, st->caption, st->lang) : "";
    if (!text[0]) return 0;
    int size = caption_size(in);
    float line_h = view_line_height(in, FONT_REGULAR, size) * 1.2f;
    return view_text_height(in, text, FONT_REGULAR, size, w - 48 * in->metrics->ui, 3, line_h) + 24 * in->metrics->ui;
}

/* A tour step's caption: a band at the foot of the story card, or above the
 * overview strip when the step shows a view rather than an event. */
static void draw_caption(DrawList *dl, const ViewInput *in)
{
    const ViewState *st = in->state;
    const char *text = st->caption ? timeline_text(in->tl, st->caption, st->lang) : "";
    if (!text[0]) return;
    const LayoutMetrics *m = in->metrics;
    int size = caption_size(in);
    Rect card = in->chrome->panel;
    bool on_card = card.w > 0 && st->mode != VIEW_EXPLORE;
    float w = on_card ? card.w - 32 * m->ui
                      : fminf(in->regions->w * 0.7f, view_text_width(in, text, FONT_REGULAR, size) + 48 * m->ui);
    float h = view_caption_height(in, w);
    float x = on_card ? card.x + 16 * m->ui : (in->regions->w - w) / 2;
    float y = on_card ? card.y + card.h - h - 16 * m->ui : in->regions->overview_y0 - h - 40 * m->ui;
    view_fill(dl, x, y, w, h, 10 * m->ui, view_alpha(in->theme->ink, 225));
    float line_h = view_line_height(in, FONT_REGULAR, size) * 1.2f;
    view_text_block(dl, in, text, FONT_REGULAR, size, x + 24 * m->ui, y + 12 * m->ui, w - 48 * m->ui, 3, line_h,
                    in->theme->paper);
}

static void draw_attract(DrawList *dl, const ViewInput *in)
{
    const LayoutMetrics *m = in->metrics;
    const char *text = ui_text(UI_TOUCH_TO_EXPLORE, lang_code(in));
    /* Over the overview strip, which nobody uses while the loop runs, so the
     * axis and its dates stay readable. */
    int size = m->body_px;
    float pad = 10 * m->ui;
    float w = view_text_width(in, text, FONT_BOLD, size) + 64 * m->ui, h = view_line_height(in, FONT_BOLD, size) + 2 * pad;
    float x = (in->regions->w - w) / 2;
    float y = in->regions->overview_y0 + (in->regions->overview_y1 - in->regions->overview_y0 - h) / 2;
    view_fill(dl, x, y, w, h, h / 2, view_alpha(in->theme->accent, 240));
    view_text_line(dl, in, text, FONT_BOLD, size, x + 32 * m->ui, y + pad, 0, (Colour){255, 255, 255, 255});
}

static void draw_countdown(DrawList *dl, const ViewInput *in)
{
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    dim(dl, in, 150);
    Rect box = in->chrome->countdown_dialog;
    float x = box.x, y = box.y, w = box.w, h = box.h;
    view_fill(dl, x, y, w, h, 16 * m->ui, th->panel);
    const char *q = ui_text(UI_STILL_THERE, lang_code(in));
    float qw = view_text_width(in, q, FONT_BOLD, m->panel_title_px);
    view_text_line(dl, in, q, FONT_BOLD, m->panel_title_px, x + (w - qw) / 2, y + 40 * m->ui, 0, th->ink);
    char seconds[16];
    snprintf(seconds, sizeof seconds, "%d", (int)ceil(in->state->countdown_s));
    int big = m->panel_title_px * 2;
    float sw = view_text_width(in, seconds, FONT_BOLD, big);
    view_text_line(dl, in, seconds, FONT_BOLD, big, x + (w - sw) / 2, y + 90 * m->ui, 0, th->accent);
    button(dl, in, in->chrome->countdown_button, ui_text(UI_STILL_THERE_BUTTON, lang_code(in)), true);
}

static void draw_banner(DrawList *dl, const ViewInput *in)
{
    const char *text = in->state->banner;
    if (!text || !text[0]) return;
    const LayoutMetrics *m = in->metrics;
    int size = m->small_px + (int)(1 * m->ui);
    float line_h = view_line_height(in, FONT_REGULAR, size) * 1.3f;
    float w = fminf(in->regions->w - 2 * m->margin, 1200 * m->ui);
    float h = view_text_height(in, text, FONT_REGULAR, size, w - 32 * m->ui, 24, line_h);
    float x = (in->regions->w - w) / 2, y = in->regions->header_y1 + m->margin;
    view_fill(dl, x, y, w, h + 24 * m->ui, 8 * m->ui, (Colour){255, 244, 229, 250});
    view_fill(dl, x, y, 5 * m->ui, h + 24 * m->ui, 2, (Colour){213, 94, 0, 255});
    view_text_block(dl, in, text, FONT_REGULAR, size, x + 20 * m->ui, y + 12 * m->ui, w - 32 * m->ui, 24, line_h,
                    (Colour){31, 36, 48, 255});
}

static void draw_pin_pad(DrawList *dl, const ViewInput *in)
{
    static const char *const labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "\xC3\x97", "0", "OK"};
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    const Rect *k = in->chrome->pin_keys;
    dim(dl, in, 170);
    float pad = 28 * m->ui;
    Rect box = {k[0].x - pad, k[0].y - 110 * m->ui, k[2].x + k[2].w - k[0].x + 2 * pad, 0};
    box.h = k[11].y + k[11].h + pad - box.y;
    view_fill(dl, box.x, box.y, box.w, box.h, 16 * m->ui, th->panel);
    view_text_line(dl, in, "PIN", FONT_BOLD, m->panel_title_px, box.x + pad, box.y + 20 * m->ui, 0, th->ink);
    for (int i = 0; i < in->state->pin_digits && i < 12; i++) {
        DrawCmd *dot = drawlist_push(dl, DRAW_SHAPE, box.x + pad + i * 26 * m->ui, box.y + 72 * m->ui, 16 * m->ui,
                                     16 * m->ui, th->ink);
        if (dot) dot->shape = SHAPE_CIRCLE;
    }
    for (int i = 0; i < 12; i++) button(dl, in, k[i], labels[i], true);
}

void view_draw_overlays(DrawList *dl, const ViewInput *in)
{
    const ViewState *st = in->state;
    if (st->mode == VIEW_PRESENT) draw_progress(dl, in);
    draw_caption(dl, in);
    if (st->mode == VIEW_KIOSK && st->kiosk_state == KIOSK_ATTRACT) draw_attract(dl, in);
    draw_banner(dl, in);
    if (st->help_open) draw_help(dl, in);
    if (st->mode == VIEW_KIOSK && st->kiosk_state == KIOSK_COUNTDOWN) draw_countdown(dl, in);
    if (st->pin_pad) draw_pin_pad(dl, in);
}
