/* view_menus.c: the header's search field with its results, the themes
 * menu that shows or hides categories, and a badge opened as the list of
 * its events. */
#include "view.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_text.h"

/* The menus' smallest type: 12 px, whatever the screen (a 1366x768 laptop
 * scales the 1080p sizes to 11). Their metrics are read through
 * readable_metrics, for placing and for drawing alike. */
enum { MENU_MIN_PX = 12 };

static int readable(int px)
{
    return px < MENU_MIN_PX ? MENU_MIN_PX : px;
}

static LayoutMetrics readable_metrics(const LayoutMetrics *m)
{
    LayoutMetrics out = *m;
    out.small_px = readable(m->small_px);
    out.date_px = readable(m->date_px);
    return out;
}

static float text_w(const TextMeasurer *tm, const char *s, FontFace face, int size)
{
    return tm->width(tm->ctx, face, size, s, strlen(s));
}

static DrawCmd *fill_rect(DrawList *dl, Rect r, float radius, Colour c)
{
    return view_fill(dl, r.x, r.y, r.w, r.h, radius, c);
}

static void stroke_rect(DrawList *dl, Rect r, float radius, float px, Colour c)
{
    view_stroke(dl, r.x, r.y, r.w, r.h, radius, px, c);
}

/* ---- where things go --------------------------------------------------------- */

static void themes_chrome(ViewChrome *c, const Timeline *tl, const ViewState *s, const LayoutMetrics *m,
                          const Regions *r)
{
    if (!s->themes_open) return;
    float row_h = c->row_h;
    float w = fmaxf(c->themes_button.w, 340 * m->ui);
    float x = fminf(c->themes_button.x, r->w - w - m->margin);
    c->theme_row_count = tl->category_count < VIEW_MAX_THEME_ROWS ? tl->category_count : VIEW_MAX_THEME_ROWS;
    for (int i = 0; i < c->theme_row_count; i++)
        c->theme_rows[i] = (Rect){x, r->header_y1 + 6 * m->ui + i * row_h, w, row_h};
    /* The tags follow the categories, as many as the menu holds and the
     * space below the header allows. */
    int room = (int)floorf((r->content_y1 - r->header_y1 - 12 * m->ui) / row_h) - c->theme_row_count;
    for (int t = 0; t < s->tag_count && t < VIEW_MAX_TAG_ROWS && t < room; t++)
        c->tag_rows[c->tag_row_count++] =
            (Rect){x, r->header_y1 + 6 * m->ui + (c->theme_row_count + t) * row_h, w, row_h};
}


/* A result's row: its date, its title, and the words around the match. */
static float result_row_h(const LayoutMetrics *m, const TextMeasurer *tm)
{
    int date_px = readable(m->date_px), title_px = readable(m->small_px + (int)(2 * m->ui));
    int snip_px = readable(m->small_px + (int)(1 * m->ui));
    return tm->line_height(tm->ctx, FONT_BOLD, date_px) + tm->line_height(tm->ctx, FONT_BOLD, title_px) +
           tm->line_height(tm->ctx, FONT_REGULAR, snip_px) + 16 * m->ui;
}

/* The results under the field: a count on top, then as many rows as fit
 * down to the timeline's foot; the list scrolls to keep the keyboard's row
 * in its middle (so Up and Down always show what comes next). */
static void search_chrome(ViewChrome *c, const ViewState *s, const LayoutMetrics *m, const Regions *r,
                          const TextMeasurer *tm, float right, float bh, float by)
{
    float field_w = fminf(420 * m->ui, right - r->w * 0.25f);
    if (!s->search_open || field_w < 160 * m->ui) {
        c->search_button = (Rect){right - bh, by, bh, bh};
        return;
    }
    c->search_field = (Rect){right - field_w, by, field_w, bh};
    if (s->search_count <= 0) return;
    float row_h = result_row_h(m, tm), head_h = fmaxf(36 * m->ui, LAYOUT_MIN_BUTTON_PX);
    float rows_w = fminf(fmaxf(field_w, 560 * m->ui), r->w - 2 * m->margin);
    float x = fminf(c->search_field.x, r->w - rows_w - m->margin);
    float top = r->header_y1 + 6 * m->ui, bottom = r->content_y1 - m->margin / 2;
    int fit = (int)floorf((bottom - top - head_h) / row_h);
    int shown = fit < 1 ? 1 : fit > s->search_count ? s->search_count : fit;
    int first = s->search_highlight - (shown - 1) / 2;
    if (first > s->search_count - shown) first = s->search_count - shown;
    if (first < 0) first = 0;
    c->search_first = first;
    c->search_shown = shown;
    c->search_list = (Rect){x, top, rows_w, head_h + shown * row_h};
    for (int i = 0; i < shown; i++)
        c->search_rows[first + i] = (Rect){x, top + head_h + i * row_h, rows_w, row_h};
}

/* A badge's list stands above its badge, inside the timeline area: a
 * heading row, as many event rows as fit (scrolling through the rest), and
 * a "zoom in" row. */
static void badge_chrome(ViewChrome *c, const ViewState *s, const LayoutMetrics *m, const Regions *r)
{
    if (!s->badge_open || s->badge_count <= 0) return;
    float row_h = c->row_h;
    float area_w = r->timeline_x1 - r->timeline_x0;
    float w = fminf(460 * m->ui, area_w - 2 * m->margin);
    float bottom = r->cluster_y - m->badge_d / 2 - 8 * m->ui;
    float room = bottom - (r->content_y0 + m->margin / 2) - 2 * row_h;
    int rows = (int)floorf(room / row_h);
    if (rows > s->badge_count) rows = s->badge_count;
    if (rows > VIEW_MAX_BADGE_ROWS) rows = VIEW_MAX_BADGE_ROWS;
    if (rows < 1) rows = 1;
    float h = (rows + 2) * row_h;
    float x = fminf(fmaxf(s->badge_x - w / 2, r->timeline_x0 + m->margin / 2), r->timeline_x1 - m->margin / 2 - w);
    c->badge_list = (Rect){x, bottom - h, w, h};
    for (int i = 0; i < rows && s->badge_first + i < s->badge_count; i++)
        c->badge_rows[c->badge_row_count++] = (Rect){x, bottom - h + (i + 1) * row_h, w, row_h};
    c->badge_zoom = (Rect){x, bottom - row_h, w, row_h};
}

void view_chrome_menus(ViewChrome *c, const Timeline *tl, const ViewState *s, const Regions *r,
                       const LayoutMetrics *m_, const TextMeasurer *tm, float right)
{
    LayoutMetrics readable_m = readable_metrics(m_);
    const LayoutMetrics *m = &readable_m;
    float bh = c->button_h;
    float by = (r->header_y1 - bh) / 2;
    if (s->mode == VIEW_PRESENT) return;
    badge_chrome(c, s, m, r);
    if (tl->category_count > 1 || s->tag_count > 0) {
        float w = text_w(tm, ui_text(UI_THEMES, tl->langs[s->lang]), FONT_BOLD, m->small_px) + bh + 12 * m->ui;
        c->themes_button = (Rect){right - w, by, w, bh};
        right -= w + m->margin / 2;
        themes_chrome(c, tl, s, m, r);
    }
    if (s->mode == VIEW_EXPLORE) search_chrome(c, s, m, r, tm, right, bh, by); /* the kiosk has no keyboard */
}

/* ---- drawing ------------------------------------------------------------------- */

/* A magnifying glass drawn from a ring and a handle. */
static void magnifier(DrawList *dl, Rect b, float ui, Colour ink)
{
    float d = b.h * 0.42f, cx = b.x + b.w / 2 - 2 * ui, cy = b.y + b.h / 2 - 2 * ui;
    DrawCmd *ring = drawlist_push(dl, DRAW_SHAPE, cx - d / 2, cy - d / 2, d, d, ink);
    if (ring) {
        ring->filled = false;
        ring->stroke = 2 * ui;
    }
    float k = d * 0.35f;
    DrawCmd *handle = drawlist_push(dl, DRAW_LINE, cx + k, cy + k, d * 0.4f, d * 0.4f, ink);
    if (handle) handle->stroke = 2.5f * ui;
}

static void draw_search_field(DrawList *dl, const ViewInput *in)
{
    const ViewChrome *c = in->chrome;
    const Theme *th = in->theme;
    const LayoutMetrics *m = in->metrics;
    const ViewState *st = in->state;
    if (c->search_button.w > 0) {
        stroke_rect(dl, c->search_button, c->search_button.h / 2, 1.5f, th->ink);
        magnifier(dl, c->search_button, m->ui, th->ink);
    }
    if (c->search_field.w <= 0) return;
    Rect f = c->search_field;
    fill_rect(dl, f, f.h / 2, th->card);
    stroke_rect(dl, f, f.h / 2, 2, th->accent);
    magnifier(dl, (Rect){f.x + 4 * m->ui, f.y, f.h, f.h}, m->ui, th->muted);
    int size = m->small_px + (int)(2 * m->ui);
    float ty = f.y + (f.h - view_line_height(in, FONT_REGULAR, size)) / 2, tx = f.x + f.h + 4 * m->ui;
    const char *lang = in->tl->langs[st->lang];
    bool empty = !st->search_query || !st->search_query[0];
    const char *shown = empty ? ui_text(UI_SEARCH_PLACEHOLDER, lang) : st->search_query;
    float room = f.w - f.h - 24 * m->ui;
    view_text_line(dl, in, shown, FONT_REGULAR, size, tx, ty, room, empty ? th->muted : th->ink);
    float caret = tx + (empty ? 0 : fminf(text_w(in->measure, st->search_query, FONT_REGULAR, size), room));
    DrawCmd *bar = drawlist_push(dl, DRAW_LINE, caret + 1, ty + 2, 0, view_line_height(in, FONT_REGULAR, size) - 4, th->ink);
    if (bar) bar->stroke = 1.5f;
}

/* "12 results", in the interface's language (Russian has three forms). */
static void count_label(const ViewInput *in, int n, char *out, size_t cap)
{
    const char *lang = in->tl->langs[in->state->lang];
    UiString word = n == 1 ? UI_RESULT_ONE : UI_RESULTS;
    if (strncmp(lang, "ru", 2) == 0) {
        int d = n % 10, h = n % 100;
        word = d == 1 && h != 11 ? UI_RESULT_ONE : d >= 2 && d <= 4 && (h < 12 || h > 14) ? UI_RESULTS_FEW : UI_RESULTS;
    } else if (strncmp(lang, "fr", 2) == 0 && n == 0) {
        word = UI_RESULT_ONE; /* "0 résultat" */
    }
    snprintf(out, cap, "%d %s", n, ui_text(word, lang));
}

/* One line with the bytes [at, at + len) set off: bold, in ink, on a soft
 * mark; the rest in colour. Clipped to max_w. */
static void marked_line(DrawList *dl, const ViewInput *in, const char *text, size_t at, size_t len, FontFace face,
                        int size, float x, float y, float max_w, Colour colour)
{
    const Theme *th = in->theme;
    const TextMeasurer *tm = in->measure;
    float pre_w = tm->width(tm->ctx, face, size, text, at);
    float match_w = tm->width(tm->ctx, FONT_BOLD, size, text + at, len);
    float lh = view_line_height(in, face, size);
    if (pre_w < max_w) view_fill(dl, x + pre_w - 1, y, fminf(match_w + 2, max_w - pre_w), lh, 3, view_alpha(th->accent, 46));
    drawlist_text(dl, text, at, face, size, x, y, max_w, colour);
    if (pre_w >= max_w) return;
    drawlist_text(dl, text + at, len, FONT_BOLD, size, x + pre_w, y, max_w - pre_w, th->ink);
    if (pre_w + match_w >= max_w) return;
    /* what follows ends at a word, with an ellipsis, where the row does */
    view_text_block(dl, in, text + at + len, face, size, x + pre_w + match_w, y, max_w - pre_w - match_w, 1, lh,
                    colour);
}

static void draw_search_results(DrawList *dl, const ViewInput *in)
{
    const ViewState *st = in->state;
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    const ViewChrome *c = in->chrome;
    if (!st->search_open || !st->search_query || !st->search_query[0] || c->search_field.w <= 0) return;
    if (st->search_count == 0) {
        Rect f = c->search_field;
        Rect box = {f.x, in->regions->header_y1 + 6 * m->ui, f.w, fmaxf(48 * m->ui, LAYOUT_MIN_BUTTON_PX)};
        drawlist_push(dl, DRAW_SHADOW, box.x, box.y, box.w, box.h, th->shadow);
        fill_rect(dl, box, 8 * m->ui, th->card);
        int px = readable(m->small_px);
        view_text_line(dl, in, ui_text(UI_NO_RESULTS, in->tl->langs[st->lang]), FONT_ITALIC, px, box.x + 16 * m->ui,
                       box.y + (box.h - view_line_height(in, FONT_ITALIC, px)) / 2, box.w - 32 * m->ui, th->muted);
        return;
    }
    Rect all = c->search_list;
    if (all.w <= 0) return;
    DrawCmd *sh = drawlist_push(dl, DRAW_SHADOW, all.x, all.y, all.w, all.h, th->shadow);
    if (sh) sh->radius = 8 * m->ui;
    fill_rect(dl, all, 8 * m->ui, th->card);
    float pad = 14 * m->ui;
    /* the count, and where the list is when it scrolls */
    char count[64];
    count_label(in, st->search_count, count, sizeof count);
    int head_px = readable(m->small_px);
    float head_h = c->search_shown > 0 ? c->search_rows[c->search_first].y - all.y : all.h;
    view_text_line(dl, in, count, FONT_BOLD, head_px, all.x + pad,
                   all.y + (head_h - view_line_height(in, FONT_BOLD, head_px)) / 2, all.w - 2 * pad, th->muted);
    if (c->search_shown < st->search_count) {
        char where[64];
        snprintf(where, sizeof where, "%d\u2013%d", c->search_first + 1, c->search_first + c->search_shown);
        float ww = text_w(in->measure, where, FONT_REGULAR, head_px);
        view_text_line(dl, in, where, FONT_REGULAR, head_px, all.x + all.w - pad - ww,
                       all.y + (head_h - view_line_height(in, FONT_REGULAR, head_px)) / 2, 0, th->muted);
    }
    DrawCmd *rule = drawlist_push(dl, DRAW_LINE, all.x, all.y + head_h, all.w, 0, th->hairline);
    if (rule) rule->stroke = 1;
    int date_px = readable(m->date_px), title_px = readable(m->small_px + (int)(2 * m->ui));
    int snip_px = readable(m->small_px + (int)(1 * m->ui));
    for (int k = 0; k < c->search_shown; k++) {
        int i = c->search_first + k;
        Rect row = c->search_rows[i];
        int e = st->search_results[i];
        const Event *ev = &in->tl->events[e];
        if (i == st->search_highlight) fill_rect(dl, row, 6 * m->ui, view_alpha(th->accent, 40));
        char date[96];
        timeline_event_date(in->tl, ev, st->lang, date, sizeof date);
        float y = row.y + 8 * m->ui, w = row.w - 2 * pad - 24 * m->ui;
        view_text_line(dl, in, date, FONT_BOLD, date_px, row.x + pad, y, w, th->muted);
        view_certainty_mark(dl, in, ev, row.x + row.w - pad, y);
        y += view_line_height(in, FONT_BOLD, date_px);
        const char *title = timeline_text(in->tl, &ev->title, st->lang);
        SearchSnippet snip;
        bool found = search_snippet(in->tl, st->lang, e, st->search_query, 24, 110, &snip);
        if (found && snip.field == SEARCH_IN_TITLE) {
            /* the title itself matched: set off in it, and the summary's start below */
            marked_line(dl, in, snip.text, snip.match_at, snip.match_len, FONT_BOLD, title_px, row.x + pad, y, w, th->ink);
            y += view_line_height(in, FONT_BOLD, title_px);
            view_text_block(dl, in, timeline_text(in->tl, &ev->summary, st->lang), FONT_REGULAR, snip_px, row.x + pad,
                            y, w, 1, view_line_height(in, FONT_REGULAR, snip_px), th->muted);
            continue;
        }
        view_text_block(dl, in, title, FONT_BOLD, title_px, row.x + pad, y, w, 1,
                        view_line_height(in, FONT_BOLD, title_px), th->ink);
        y += view_line_height(in, FONT_BOLD, title_px);
        if (found)
            marked_line(dl, in, snip.text, snip.match_at, snip.match_len, FONT_REGULAR, snip_px, row.x + pad, y, w,
                        th->muted);
    }
    if (c->search_shown < st->search_count && c->search_shown > 0) { /* a thin bar says where the view is */
        float top = c->search_rows[c->search_first].y, span = all.y + all.h - top;
        float y0 = top + span * c->search_first / st->search_count;
        float y1 = top + span * (c->search_first + c->search_shown) / st->search_count;
        view_fill(dl, all.x + all.w - 5 * m->ui, y0, 3 * m->ui, fmaxf(y1 - y0, 6 * m->ui), 1.5f * m->ui, th->muted);
    }
}

static void draw_themes(DrawList *dl, const ViewInput *in)
{
    const ViewChrome *c = in->chrome;
    const Theme *th = in->theme;
    const LayoutMetrics *m = in->metrics;
    const ViewState *st = in->state;
    if (c->themes_button.w <= 0) return;
    Rect b = c->themes_button;
    bool filtering = st->only_tag >= 0;
    for (int i = 0; st->category_hidden && i < in->tl->category_count; i++) filtering |= st->category_hidden[i];
    fill_rect(dl, b, b.h / 2, filtering ? th->ink : view_alpha(th->ink, 0));
    stroke_rect(dl, b, b.h / 2, 1, th->hairline);
    int size = m->small_px;
    const char *label = ui_text(UI_THEMES, in->tl->langs[st->lang]);
    Colour ink = filtering ? th->paper : th->ink;
    for (int i = 0; i < 3 && i < in->tl->category_count; i++) { /* three little shapes as an icon */
        DrawCmd *s = drawlist_push(dl, DRAW_SHAPE, b.x + b.h * 0.3f + i * 6 * m->ui, b.y + b.h / 2 - 4 * m->ui + (i % 2) * 3 * m->ui,
                                   7 * m->ui, 7 * m->ui, in->tl->categories[i].colour);
        if (s) s->shape = in->tl->categories[i].shape;
    }
    view_text_line(dl, in, label, FONT_BOLD, size, b.x + b.h * 0.3f + 26 * m->ui, b.y + (b.h - view_line_height(in, FONT_BOLD, size)) / 2,
                   0, ink);
    if (!st->themes_open || c->theme_row_count + c->tag_row_count == 0) return;
    Rect first = c->theme_row_count ? c->theme_rows[0] : c->tag_rows[0];
    Rect all = {first.x, first.y, first.w, first.h * (c->theme_row_count + c->tag_row_count)};
    DrawCmd *sh = drawlist_push(dl, DRAW_SHADOW, all.x, all.y, all.w, all.h, th->shadow);
    if (sh) sh->radius = 8 * m->ui;
    fill_rect(dl, all, 8 * m->ui, th->card);
    int hl = st->themes_highlight;
    if (hl >= 0 && hl < c->theme_row_count) fill_rect(dl, c->theme_rows[hl], 6 * m->ui, view_alpha(th->accent, 40));
    if (hl >= c->theme_row_count && hl < c->theme_row_count + c->tag_row_count)
        fill_rect(dl, c->tag_rows[hl - c->theme_row_count], 6 * m->ui, view_alpha(th->accent, 40));
    for (int t = 0; t < c->tag_row_count; t++) { /* tags: "# tag", one at a time */
        Rect row = c->tag_rows[t];
        bool on = st->only_tag == t;
        float box = row.h * 0.42f, pad = 16 * m->ui;
        if (t == 0 && c->theme_row_count > 0) {
            DrawCmd *rl = drawlist_push(dl, DRAW_LINE, row.x + pad, row.y, row.w - 2 * pad, 0, th->hairline);
            if (rl) rl->stroke = 1;
        }
        Rect radio = {row.x + pad, row.y + (row.h - box) / 2, box, box};
        if (on) fill_rect(dl, radio, box / 2, th->ink);
        stroke_rect(dl, radio, box / 2, 2, th->ink);
        int ts = m->small_px + (int)(2 * m->ui);
        char hash[160];
        snprintf(hash, sizeof hash, "# %s", st->tags[t]);
        view_text_line(dl, in, hash, on ? FONT_BOLD : FONT_REGULAR, ts, radio.x + 2 * box + 2 * pad,
                       row.y + (row.h - view_line_height(in, FONT_REGULAR, ts)) / 2, row.w - 2 * box - 4 * pad,
                       on || st->only_tag < 0 ? th->ink : th->muted);
    }
    for (int i = 0; i < c->theme_row_count; i++) {
        Rect row = c->theme_rows[i];
        const Category *cat = &in->tl->categories[i];
        bool shown = !st->category_hidden || !st->category_hidden[i];
        float box = row.h * 0.42f, pad = 16 * m->ui;
        Rect check = {row.x + pad, row.y + (row.h - box) / 2, box, box};
        if (shown) fill_rect(dl, check, 4 * m->ui, cat->colour);
        stroke_rect(dl, check, 4 * m->ui, 2, cat->colour);
        DrawCmd *s = drawlist_push(dl, DRAW_SHAPE, check.x + box + pad, row.y + (row.h - box * 0.8f) / 2, box * 0.8f,
                                   box * 0.8f, cat->colour);
        if (s) s->shape = cat->shape;
        int ts = m->small_px + (int)(2 * m->ui);
        view_text_line(dl, in, timeline_text(in->tl, &cat->label, st->lang), FONT_REGULAR, ts,
                       check.x + 2 * box + 2 * pad, row.y + (row.h - view_line_height(in, FONT_REGULAR, ts)) / 2,
                       row.w - 2 * box - 4 * pad, shown ? th->ink : th->muted);
    }
}

/* The open badge's list: "12 events · 1970 – 1975", then a row per event
 * (its date, its title on one line, its certainty mark), the keyboard's row
 * highlighted, then "zoom in". */
static void draw_badge_list(DrawList *dl, const ViewInput *in)
{
    const ViewChrome *c = in->chrome;
    const ViewState *st = in->state;
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    const Timeline *tl = in->tl;
    if (c->badge_list.w <= 0) return;
    Rect b = c->badge_list;
    const char *lang = tl->langs[st->lang];
    DrawCmd *sh = drawlist_push(dl, DRAW_SHADOW, b.x, b.y, b.w, b.h, th->shadow);
    if (sh) sh->radius = 8 * m->ui;
    fill_rect(dl, b, 8 * m->ui, th->card);
    stroke_rect(dl, b, 8 * m->ui, 1, th->hairline);
    /* a notch down to the badge */
    float nx = fminf(fmaxf(st->badge_x, b.x + 16 * m->ui), b.x + b.w - 16 * m->ui);
    DrawCmd *notch = drawlist_push(dl, DRAW_LINE, nx, b.y + b.h, 0, 8 * m->ui, th->hairline);
    if (notch) notch->stroke = 2;
    float pad = 14 * m->ui, row_h = c->row_h;
    const Event *first = &tl->events[st->badge_events[0]], *last = &tl->events[st->badge_events[st->badge_count - 1]];
    char dates[96], head[160];
    date_format_span(&first->start, last->start_days > first->start_days ? &last->start : NULL, lang, dates,
                     sizeof dates);
    char count[16];
    snprintf(count, sizeof count, "%d", st->badge_count);
    snprintf(head, sizeof head, "%s %s  ·  %s", count, ui_text(UI_BADGE_EVENTS, lang), dates);
    float lh = view_line_height(in, FONT_BOLD, m->small_px);
    view_text_line(dl, in, head, FONT_BOLD, m->small_px, b.x + pad, b.y + (row_h - lh) / 2, b.w - 2 * pad, th->muted);
    DrawCmd *rule = drawlist_push(dl, DRAW_LINE, b.x, b.y + row_h, b.w, 0, th->hairline);
    if (rule) rule->stroke = 1;
    int date_px = m->date_px, title_px = m->summary_px;
    float date_h = view_line_height(in, FONT_BOLD, date_px), title_h = view_line_height(in, FONT_BOLD, title_px);
    for (int i = 0; i < c->badge_row_count; i++) {
        Rect r = c->badge_rows[i];
        int k = st->badge_first + i;
        const Event *ev = &tl->events[st->badge_events[k]];
        if (k == st->badge_highlight) fill_rect(dl, r, 0, view_alpha(th->accent, 36));
        float y = r.y + (r.h - date_h - title_h) / 2;
        char date[96];
        timeline_event_date(tl, ev, st->lang, date, sizeof date);
        Colour cat = ev->category >= 0 && ev->category < tl->category_count ? tl->categories[ev->category].colour
                                                                            : th->muted;
        view_fill(dl, r.x + pad - 8 * m->ui, y + 2 * m->ui, 3 * m->ui, date_h + title_h - 4 * m->ui, 1, cat);
        view_text_line(dl, in, date, FONT_BOLD, date_px, r.x + pad, y, r.w - 2 * pad - 24 * m->ui, th->muted);
        view_text_block(dl, in, timeline_text(tl, &ev->title, st->lang), FONT_BOLD, title_px, r.x + pad, y + date_h,
                        r.w - 2 * pad - 24 * m->ui, 1, title_h, th->ink);
        view_certainty_mark(dl, in, ev, r.x + r.w - pad, y);
    }
    /* more rows above or below: a thin bar on the right says where the view is */
    if (c->badge_row_count < st->badge_count && c->badge_row_count > 0) {
        float top = c->badge_rows[0].y, span = c->badge_row_count * row_h;
        float y0 = top + span * st->badge_first / st->badge_count;
        float y1 = top + span * (st->badge_first + c->badge_row_count) / st->badge_count;
        view_fill(dl, b.x + b.w - 5 * m->ui, y0, 3 * m->ui, fmaxf(y1 - y0, 6 * m->ui), 1.5f * m->ui, th->muted);
    }
    Rect z = c->badge_zoom;
    DrawCmd *zr = drawlist_push(dl, DRAW_LINE, z.x, z.y, z.w, 0, th->hairline);
    if (zr) zr->stroke = 1;
    const char *zoom = ui_text(UI_BADGE_ZOOM, lang);
    float zw = text_w(in->measure, zoom, FONT_BOLD, m->small_px);
    view_text_line(dl, in, zoom, FONT_BOLD, m->small_px, z.x + (z.w - zw) / 2, z.y + (z.h - lh) / 2, z.w, th->accent);
}

void view_draw_menus(DrawList *dl, const ViewInput *in_)
{
    LayoutMetrics m = readable_metrics(in_->metrics);
    ViewInput readable_in = *in_;
    readable_in.metrics = &m;
    const ViewInput *in = &readable_in;
    draw_search_field(dl, in);
    draw_themes(dl, in);
    draw_search_results(dl, in);
    draw_badge_list(dl, in);
}
