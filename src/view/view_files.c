/* view_files.c: the Open list (Ctrl+O), a dialog over the dimmed timeline:
 * a heading with the folder listed, a row per timeline file (its name, and
 * under it "recent" and its folder), a line of help. Rows that do not fit
 * scroll, with a thin bar that says where the view is. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_text.h"
#include "utf8.h"
#include "view.h"
#include "view_files.h"

/* The dialog's parts, from the window and the row count alone, for the
 * chrome (hit-testing) and the drawing alike. */
typedef struct FilesBox {
    Rect box;
    float head_h, row_h, foot_h, pad;
    int rows;                   /* rows shown */
} FilesBox;

static FilesBox files_box(const ViewState *s, const Regions *r, const LayoutMetrics *m, float row_h)
{
    FilesBox b;
    b.pad = 24 * m->ui;
    b.head_h = 84 * m->ui;
    b.foot_h = 52 * m->ui;
    b.row_h = fmaxf(row_h * 1.4f, 56 * m->ui);
    float room = r->h - 2 * m->margin - b.head_h - b.foot_h;
    int fit = (int)floorf(room / b.row_h);
    b.rows = s->file_count < fit ? s->file_count : fit;
    if (b.rows > VIEW_MAX_FILE_ROWS) b.rows = VIEW_MAX_FILE_ROWS;
    if (b.rows < 1) b.rows = 1; /* an empty list still says so, on the row's line */
    float w = fminf(r->w - 2 * m->margin, fmaxf(720 * m->ui, r->w * 0.45f));
    float h = b.head_h + b.rows * b.row_h + b.foot_h;
    b.box = (Rect){(r->w - w) / 2, fmaxf(m->margin / 2, (r->h - h) / 2), w, h};
    return b;
}

void view_chrome_files(ViewChrome *c, const ViewState *s, const Regions *r, const LayoutMetrics *m)
{
    if (!s->files_open) return;
    FilesBox b = files_box(s, r, m, c->row_h);
    c->file_list = b.box;
    for (int i = 0; i < b.rows && s->file_first + i < s->file_count; i++)
        c->file_rows[c->file_row_count++] =
            (Rect){b.box.x + b.pad / 2, b.box.y + b.head_h + i * b.row_h, b.box.w - b.pad, b.row_h};
}

static void draw_heading(DrawList *dl, const ViewInput *in, const FilesBox *b, const char *lang)
{
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    float x = b->box.x + b->pad, w = b->box.w - 2 * b->pad;
    float title_h = view_line_height(in, FONT_BOLD, m->panel_title_px);
    float folder_h = view_line_height(in, FONT_REGULAR, m->small_px);
    float y = b->box.y + (b->head_h - title_h - folder_h) / 2;
    view_text_line(dl, in, ui_text(UI_OPEN_TITLE, lang), FONT_BOLD, m->panel_title_px, x, y, w, th->ink);
    const char *folder = in->state->files_folder ? in->state->files_folder : "";
    view_text_line(dl, in, folder, FONT_REGULAR, m->small_px, x, y + title_h, w, th->muted);
}

static void draw_row(DrawList *dl, const ViewInput *in, Rect r, const FileChoice *f, bool lit, const char *lang)
{
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    float pad = 14 * m->ui;
    if (lit) view_fill(dl, r.x, r.y + 2, r.w, r.h - 4, 8 * m->ui, view_alpha(th->accent, 40));
    int name_px = m->summary_px, detail_px = m->small_px;
    float name_h = view_line_height(in, FONT_BOLD, name_px), detail_h = view_line_height(in, FONT_REGULAR, detail_px);
    /* A file of the folder in the heading needs no second line; a recent one says where it is. */
    float y = r.y + (r.h - name_h - (f->recent ? detail_h : 0)) / 2;
    view_text_line(dl, in, f->name, FONT_BOLD, name_px, r.x + pad, y, r.w - 2 * pad, th->ink);
    if (!f->recent) return;
    char detail[600];
    snprintf(detail, sizeof detail, "%s  ·  %s", ui_text(UI_OPEN_RECENT, lang), f->folder);
    detail[utf8_cut(detail, strlen(detail))] = '\0'; /* a long folder is cut between characters */
    view_text_line(dl, in, detail, FONT_REGULAR, detail_px, r.x + pad, y + name_h, r.w - 2 * pad, th->muted);
}

static void draw_scroll_bar(DrawList *dl, const ViewInput *in)
{
    const ViewChrome *c = in->chrome;
    const ViewState *st = in->state;
    const LayoutMetrics *m = in->metrics;
    if (c->file_row_count >= st->file_count || c->file_row_count == 0) return;
    Rect top = c->file_rows[0];
    float span = c->file_row_count * top.h;
    float y0 = top.y + span * st->file_first / st->file_count;
    float y1 = top.y + span * (st->file_first + c->file_row_count) / st->file_count;
    view_fill(dl, top.x + top.w + 2 * m->ui, y0, 3 * m->ui, fmaxf(y1 - y0, 6 * m->ui), 1.5f * m->ui, in->theme->muted);
}

void view_draw_files(DrawList *dl, const ViewInput *in)
{
    const ViewState *st = in->state;
    const ViewChrome *c = in->chrome;
    if (!st->files_open || c->file_list.w <= 0) return;
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    const char *lang = in->tl->langs[st->lang];
    FilesBox b = files_box(st, in->regions, m, c->row_h);
    view_fill(dl, 0, 0, in->regions->w, in->regions->h, 0, (Colour){10, 12, 18, 150});
    view_fill(dl, b.box.x, b.box.y, b.box.w, b.box.h, 14 * m->ui, th->panel);
    if (th->outlined || th->dark) /* on a dark page the box needs its edge drawn */
        view_stroke(dl, b.box.x, b.box.y, b.box.w, b.box.h, 14 * m->ui, 2 * m->ui, th->ink);
    draw_heading(dl, in, &b, lang);
    for (int i = 0; i < c->file_row_count; i++) {
        int k = st->file_first + i;
        draw_row(dl, in, c->file_rows[i], &st->files[k], k == st->file_highlight, lang);
    }
    if (st->file_count == 0)
        view_text_block(dl, in, ui_text(UI_OPEN_NONE, lang), FONT_REGULAR, m->summary_px, b.box.x + b.pad,
                        b.box.y + b.head_h + (b.row_h - view_line_height(in, FONT_REGULAR, m->summary_px)) / 2,
                        b.box.w - 2 * b.pad, 2, view_line_height(in, FONT_REGULAR, m->summary_px), th->muted);
    draw_scroll_bar(dl, in);
    float help_h = view_line_height(in, FONT_REGULAR, m->small_px);
    view_text_block(dl, in, ui_text(UI_OPEN_HELP, lang), FONT_REGULAR, m->small_px, b.box.x + b.pad,
                    b.box.y + b.box.h - b.foot_h + (b.foot_h - help_h) / 2, b.box.w - 2 * b.pad, 1, help_h, th->muted);
}

Hit view_hit_files(const ViewChrome *c, const ViewState *s, float x, float y)
{
    Rect b = c->file_list;
    if (x < b.x || x >= b.x + b.w || y < b.y || y >= b.y + b.h) return (Hit){HIT_NONE, 0};
    for (int i = 0; i < c->file_row_count; i++) {
        Rect r = c->file_rows[i];
        if (x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h) return (Hit){HIT_FILE_ROW, s->file_first + i};
    }
    return (Hit){HIT_FILE_LIST, 0};
}
