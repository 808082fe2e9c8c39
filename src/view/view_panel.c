/* view_panel.c: the detail of an event (side panel in the explorer, large
 * centred card when presenting or in the kiosk), the help overlay and the
 * modes' chrome: progress, captions, attract prompt, idle countdown, the
 * PIN pad and its feedback.
 *
 * A presented card is read from the back of a room: its type is as large as
 * the room it has allows, found by measuring the story at a few scales; the
 * text is scaled down before anything is left out, and only at the smallest
 * scale does a long summary end with an ellipsis. The story's drawing
 * functions take dl == NULL to measure without drawing. */
#include "view.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "qr.h"
#include "ui_text.h"
#include "view_present.h"

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

/* The story's smallest type: 12 px on any screen (a 1366x768 laptop scales
 * the 1080p sizes to 11). The panel reads its metrics through this. */
enum { PANEL_MIN_PX = 12 };

static void readable_input(ViewScaled *out, const ViewInput *in)
{
    out->m = *in->metrics;
    if (out->m.small_px < PANEL_MIN_PX) out->m.small_px = PANEL_MIN_PX;
    if (out->m.date_px < PANEL_MIN_PX) out->m.date_px = PANEL_MIN_PX;
    out->in = *in;
    out->in.metrics = &out->m;
}

/* ---- drawing that can also only measure (dl == NULL) ------------------------------------ */

static void text_line(DrawList *dl, const ViewInput *in, const char *s, FontFace face, int size, float x, float y,
                      float max_w, Colour colour)
{
    if (dl) view_text_line(dl, in, s, face, size, x, y, max_w, colour);
}

static void fill(DrawList *dl, float x, float y, float w, float h, float radius, Colour c)
{
    if (dl) view_fill(dl, x, y, w, h, radius, c);
}

static void shape(DrawList *dl, Shape s, float x, float y, float size, Colour c)
{
    DrawCmd *cmd = dl ? drawlist_push(dl, DRAW_SHAPE, x, y, size, size, c) : NULL;
    if (cmd) cmd->shape = s;
}

static void rule(DrawList *dl, float x, float y, float w, Colour c)
{
    DrawCmd *cmd = dl ? drawlist_push(dl, DRAW_LINE, x, y, w, 0, c) : NULL;
    if (cmd) cmd->stroke = 1;
}

/* ---- the story of one event --------------------------------------------------------- */

/* What of the story is shown: in the explorer's panel or the kiosk's card
 * (everything, scrolling), on a presented card (the summary, large), or
 * expanded while presenting (everything; the sources in a second column
 * when the screen is wide). */
typedef enum StoryStyle { STORY_PANEL, STORY_PRESENTED, STORY_WHOLE } StoryStyle;

typedef struct Column {
    float x, w, y;             /* y advances as content is added */
    float limit_y;             /* optional parts that would pass it are left out */
    PanelTargets *targets;     /* when not NULL, what can be clicked is recorded here */
} Column;

/* A text, wrapped; rich (may be NULL) gives its styled runs. */
static void add_paragraphs(DrawList *dl, const ViewInput *in, Column *col, const char *text, const RichDraw *rich,
                           FontFace face, int size, float line_h, Colour colour)
{
    if (!text[0]) return;
    /* A card that does not scroll ends its text with an ellipsis at its foot. */
    int lines = isfinite(col->limit_y) ? (int)((col->limit_y - col->y) / line_h) : 100000;
    if (lines <= 0) return;
    col->y += view_rich_block(dl, in, text, rich, face, size, col->x, col->y, col->w, lines, line_h, colour);
}

/* Whether a click follows a link here: in the explorer's panel only (the
 * kiosk never leaves its window; a presented story is read from afar). */
static bool links_followed(const ViewInput *in)
{
    return in->state->mode == VIEW_EXPLORE;
}

/* The story's text: its body, or its summary when it has no body. */
static const Text *story_text(const ViewInput *in, const Event *ev)
{
    return timeline_text(in->tl, &ev->body, in->state->lang)[0] ? &ev->body : &ev->summary;
}

/* The language a text is shown in: lang itself, or the one it falls back
 * to (timeline_text's rule), or -1 for an empty text. */
static int shown_lang(const Timeline *tl, const Text *t, int lang)
{
    const char *s = timeline_text(tl, t, lang);
    if (!s[0]) return -1;
    for (int i = 0; i < tl->lang_count && i < TIMELINE_MAX_LANGS; i++)
        if (text_in(t, i) == s) return i;
    return -1;
}

/* The code ("FR") of the language t falls back to when it is not in the
 * reader's language: false when it is (or is empty). */
static bool fallback_code(const ViewInput *in, const Text *t, char *code, size_t cap)
{
    int used = shown_lang(in->tl, t, in->state->lang);
    if (used < 0 || used == in->state->lang || cap == 0) return false;
    size_t n = 0;
    for (const char *p = in->tl->langs[used]; *p && *p != '-' && n + 1 < cap; p++)
        code[n++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
    code[n] = '\0';
    return true;
}

/* The code in a hairline pill at (x, y), muted; returns its width. */
static float code_pill(DrawList *dl, const ViewInput *in, const char *code, int size, float x, float y)
{
    const LayoutMetrics *m = in->metrics;
    float lh = view_line_height(in, FONT_REGULAR, size), pad = 5 * m->ui;
    float cw = view_text_width(in, code, FONT_BOLD, size);
    if (dl) view_stroke(dl, x, y, cw + 2 * pad, lh, lh / 2, 1, in->theme->muted);
    text_line(dl, in, code, FONT_BOLD, size, x + pad, y, 0, in->theme->muted);
    return cw + 2 * pad;
}

/* A subtle mark above a text that is not in the reader's language: "text
 * in [FR]", small and muted, the code in a hairline pill. */
static void add_fallback_mark(DrawList *dl, const ViewInput *in, Column *col, const Text *t)
{
    char code[8];
    if (!fallback_code(in, t, code, sizeof code)) return;
    const LayoutMetrics *m = in->metrics;
    int size = m->small_px;
    const char *words = ui_text(UI_FALLBACK_NOTE, lang_code(in));
    text_line(dl, in, words, FONT_REGULAR, size, col->x, col->y, col->w, in->theme->muted);
    code_pill(dl, in, code, size, col->x + view_text_width(in, words, FONT_REGULAR, size) + 6 * m->ui, col->y);
    col->y += view_line_height(in, FONT_REGULAR, size) + 4 * m->ui;
}

/* The event's tags, "Tags: # Moon  # Apollo", small, under its text. */
static void add_tags(DrawList *dl, const ViewInput *in, Column *col, const Event *ev)
{
    if (ev->tag_count == 0) return;
    const LayoutMetrics *m = in->metrics;
    char text[1024];
    int n = snprintf(text, sizeof text, "%s", ui_text(UI_TAGS, lang_code(in)));
    for (int i = 0; i < ev->tag_count && n > 0 && (size_t)n < sizeof text; i++)
        n += snprintf(text + n, sizeof text - (size_t)n, "%s#\u00A0%s", i == 0 ? "  " : "   ", ev->tags[i]);
    int size = m->small_px + (int)(2 * m->ui);
    col->y += 8 * m->ui;
    col->y += view_text_block(dl, in, text, FONT_REGULAR, size, col->x, col->y, col->w, 4,
                              view_line_height(in, FONT_REGULAR, size) * 1.3f, in->theme->muted);
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
    fill(dl, col->x, col->y, col->w, box_h, 6 * m->ui, view_alpha(tint, 28));
    fill(dl, col->x, col->y, 4 * m->ui, box_h, 2 * m->ui, tint);
    float y = col->y + 8 * m->ui;
    text_line(dl, in, ui_text(heading, lang_code(in)), FONT_BOLD, size, col->x + 14 * m->ui, y, 0, tint);
    char code[8];
    if (note[0] && fallback_code(in, &ev->note, code, sizeof code)) /* on the heading's line: no height added */
        code_pill(dl, in, code, m->small_px,
                  col->x + 14 * m->ui + view_text_width(in, ui_text(heading, lang_code(in)), FONT_BOLD, size) +
                      10 * m->ui,
                  y + (view_line_height(in, FONT_BOLD, size) - view_line_height(in, FONT_REGULAR, m->small_px)) / 2);
    y += view_line_height(in, FONT_BOLD, size) + 6 * m->ui;
    if (note[0])
        view_text_block(dl, in, note, FONT_REGULAR, size, col->x + 14 * m->ui, y, col->w - 24 * m->ui, 1000, line_h,
                        in->theme->ink);
    col->y += box_h + 14 * m->ui;
}

/* The bytes of url from start that fit in max_w: whole characters, and
 * after a "/", "-", "?", "&", "=", "#", "_" or "." when one is in the
 * line's second half, so that a line ends where a URL reads as cut. A URL
 * has no spaces to break at: without this it would be cut mid-word with
 * nothing after. At least one character, so that the loop always ends. */
static size_t url_line_len(const ViewInput *in, const char *url, int size, float max_w)
{
    size_t len = 0, best = 0, soft = 0;
    while (url[len]) {
        size_t next = len + 1;
        while (url[next] && ((unsigned char)url[next] & 0xC0) == 0x80) next++; /* a whole UTF-8 character */
        if (in->measure->width(in->measure->ctx, FONT_REGULAR, size, url, next) > max_w && best > 0) break;
        best = next;
        if (strchr("/-?&=#_.", url[len])) soft = next;
        len = next;
    }
    if (!url[best]) return best;             /* the rest fits */
    return soft * 2 > best ? soft : best;     /* a soft break in the second half, else any character */
}

/* A source's URL as a link: indented, in the accent colour, wrapped at any
 * character (every line shown), underlined where a click follows it (the
 * explorer's panel; never the kiosk, which does not leave its window, nor a
 * presented story). Each line is a target. */
static void add_url(DrawList *dl, const ViewInput *in, Column *col, const char *url, int source, int size,
                    float line_h)
{
    const LayoutMetrics *m = in->metrics;
    float x = col->x + 14 * m->ui, w = col->w - 14 * m->ui;
    int px = size - 1;
    bool link = links_followed(in);
    float text_h = view_line_height(in, FONT_REGULAR, px);
    for (const char *p = url; *p;) {
        size_t n = url_line_len(in, p, px, w);
        float lw = in->measure->width(in->measure->ctx, FONT_REGULAR, px, p, n);
        if (dl) drawlist_text(dl, p, n, FONT_REGULAR, px, x, col->y, 0, in->theme->accent);
        if (dl && link) {
            DrawCmd *u = drawlist_push(dl, DRAW_LINE, x, col->y + text_h - 1, lw, 0, view_alpha(in->theme->accent, 160));
            if (u) u->stroke = 1;
        }
        PanelTargets *t = col->targets;
        if (t && t->link_count < VIEW_MAX_PANEL_LINKS)
            t->links[t->link_count++] = (PanelLink){{x, col->y, lw, line_h}, source, url};
        col->y += line_h;
        p += n;
    }
}

/* In the kiosk, where no link can be followed, a source's web address as a
 * QR code a visitor's phone can open: whole modules of whole pixels on a
 * white square with its quiet zone (whatever the theme: readers need the
 * contrast), dark runs merged per row, a line of help beside it. */
static void add_qr(DrawList *dl, const ViewInput *in, Column *col, const char *url)
{
    QrCode own = {0};
    const QrCode *qr = !qr_worth_showing(url) ? NULL
                       : in->qr_codes         ? qr_cache_get(in->qr_codes, url)
                       : qr_encode(url, &own) ? &own
                                              : NULL;
    if (!qr) return;
    const LayoutMetrics *m = in->metrics;
    int sides = qr->width + 2 * QR_QUIET_MODULES;
    float module = fmaxf(3, floorf(170 * m->ui / (float)sides));
    float side = module * (float)sides;
    float x0 = floorf(col->x + 14 * m->ui), y0 = floorf(col->y + 4 * m->ui);
    fill(dl, x0, y0, side, side, 0, (Colour){255, 255, 255, 255});
    for (int r = 0; dl && r < qr->width; r++) {
        const unsigned char *row = qr->dark + (size_t)r * (size_t)qr->width;
        for (int c = 0; c < qr->width;) {
            if (!row[c]) {
                c++;
                continue;
            }
            int run = c;
            while (run < qr->width && row[run]) run++;
            fill(dl, x0 + module * (float)(QR_QUIET_MODULES + c), y0 + module * (float)(QR_QUIET_MODULES + r),
                 module * (float)(run - c), module, 0, (Colour){0, 0, 0, 255});
            c = run;
        }
    }
    qr_free(&own);
    float hint_x = x0 + side + 14 * m->ui, hint_w = col->x + col->w - hint_x;
    if (dl && hint_w > 80 * m->ui) {
        float lh = view_line_height(in, FONT_REGULAR, m->small_px);
        view_text_block(dl, in, ui_text(UI_QR_HINT, lang_code(in)), FONT_REGULAR, m->small_px, hint_x,
                        y0 + side / 2 - lh, hint_w, 3, lh, in->theme->muted);
    }
    col->y = y0 + side + 8 * m->ui;
}

/* Whether run i of the story's text is a link listed before it: as a
 * source, or as an earlier link of the text with the same address. */
static bool link_listed(const Event *ev, RichText rich, int i)
{
    const char *url = rich.runs[i].url;
    for (int k = 0; k < ev->source_count; k++)
        if (ev->sources[k].url && strcmp(ev->sources[k].url, url) == 0) return true;
    for (int k = 0; k < i; k++)
        if ((rich.runs[k].style & RICH_LINK) && strcmp(rich.runs[k].url, url) == 0) return true;
    return false;
}

/* The links of the story's text where they cannot be followed (the kiosk,
 * a presented story): none when links are followed in the text. */
static RichText unfollowed_links(const ViewInput *in, const Event *ev)
{
    if (links_followed(in)) return (RichText){NULL, 0};
    return timeline_rich(in->tl, story_text(in, ev), in->state->lang);
}

static bool has_unfollowed_link(const ViewInput *in, const Event *ev)
{
    RichText rich = unfollowed_links(in, ev);
    for (int i = 0; i < rich.count; i++)
        if ((rich.runs[i].style & RICH_LINK) && !link_listed(ev, rich, i)) return true;
    return false;
}

/* Where a link cannot be followed, each link of the story's text is listed
 * with the sources: its text, its address, and in the kiosk its QR code,
 * so that nothing the text points to is lost. */
static void add_text_links(DrawList *dl, const ViewInput *in, Column *col, const Event *ev, int size, float line_h)
{
    RichText rich = unfollowed_links(in, ev);
    const char *text = timeline_text(in->tl, story_text(in, ev), in->state->lang);
    for (int i = 0; i < rich.count; i++) {
        const RichRun *run = &rich.runs[i];
        if (!(run->style & RICH_LINK) || link_listed(ev, rich, i)) continue;
        uint32_t end = run->end; /* a link partly bold is several runs of one address */
        for (int j = i + 1; j < rich.count && rich.runs[j].url == run->url && (rich.runs[j].style & RICH_LINK); j++)
            end = rich.runs[j].end;
        char line[1024];
        snprintf(line, sizeof line, "• %.*s", (int)(end - run->start), text + run->start);
        col->y += view_text_block(dl, in, line, FONT_REGULAR, size, col->x, col->y, col->w, 8, line_h, in->theme->ink);
        add_url(dl, in, col, run->url, -1, size, line_h);
        if (in->state->mode == VIEW_KIOSK) add_qr(dl, in, col, run->url);
        col->y += 4 * in->metrics->ui;
    }
}

static void add_sources(DrawList *dl, const ViewInput *in, Column *col, const Event *ev)
{
    if (ev->source_count == 0 && !has_unfollowed_link(in, ev)) return;
    const LayoutMetrics *m = in->metrics;
    int size = m->small_px + (int)(2 * m->ui);
    float line_h = view_line_height(in, FONT_REGULAR, size) * 1.3f;
    col->y += 10 * m->ui;
    rule(dl, col->x, col->y, col->w, in->theme->hairline);
    col->y += 10 * m->ui;
    const char *heading = ui_text(UI_SOURCES, lang_code(in));
    text_line(dl, in, heading, FONT_BOLD, size, col->x, col->y, 0, in->theme->ink);
    if (in->state->mode == VIEW_EXPLORE && !in->state->touch_ui) {
        /* How to take the citation away, where the sources start, when it fits. */
        const char *hint = ui_text(UI_COPY_HINT, lang_code(in));
        float hw = view_text_width(in, hint, FONT_REGULAR, m->small_px);
        float gap = view_text_width(in, heading, FONT_BOLD, size) + 24 * m->ui;
        if (gap + hw <= col->w)
            text_line(dl, in, hint, FONT_REGULAR, m->small_px, col->x + col->w - hw,
                      col->y + view_line_height(in, FONT_BOLD, size) - view_line_height(in, FONT_REGULAR, m->small_px),
                      0, in->theme->muted);
    }
    col->y += view_line_height(in, FONT_BOLD, size) + 6 * m->ui;
    for (int i = 0; i < ev->source_count; i++) {
        const Source *s = &ev->sources[i];
        char text[1024];
        snprintf(text, sizeof text, "• %s%s%s%s%s%s%s%s%s", s->author ? s->author : "", s->author ? ", " : "",
                 timeline_text(in->tl, &s->title, in->state->lang), s->publication ? " — " : "",
                 s->publication ? s->publication : "", s->date ? ", " : "", s->date ? s->date : "",
                 s->pages ? ", " : "", s->pages ? s->pages : "");
        col->y += view_text_block(dl, in, text, FONT_REGULAR, size, col->x, col->y, col->w, 8, line_h, in->theme->ink);
        if (s->url) add_url(dl, in, col, s->url, i, size, line_h);
        if (s->url && in->state->mode == VIEW_KIOSK) add_qr(dl, in, col, s->url);
        col->y += 4 * m->ui;
    }
    add_text_links(dl, in, col, ev, size, line_h);
}

/* The image, as wide as the column; on a card read from afar it gives way
 * to the text: its height shrinks with the card's scale. */
static void add_image(DrawList *dl, const ViewInput *in, Column *col, const Event *ev, StoryStyle style)
{
    if (!ev->image.path) return;
    float h = col->w * 9 / 16;
    if (style != STORY_PANEL) h = fminf(h, 300 * in->metrics->ui);
    float w = style != STORY_PANEL ? h * 16 / 9 : col->w;
    /* Whole, never cropped (a portrait's face stays): letterboxed on a
     * faint ground that shows the box. */
    fill(dl, col->x, col->y, w, h, 4 * in->metrics->ui, view_alpha(in->theme->ink, 14));
    DrawCmd *img = dl ? drawlist_image(dl, ev->image.path, col->x, col->y, w, h) : NULL;
    if (img) img->filled = false;
    if (col->targets && style == STORY_PANEL) col->targets->image = (Rect){col->x, col->y, w, h};

    col->y += h + 4 * in->metrics->ui;
    const char *credit = timeline_text(in->tl, &ev->image.credit, in->state->lang);
    if (credit[0]) {
        int size = in->metrics->small_px;
        col->y += view_text_block(dl, in, credit, FONT_ITALIC, size, col->x, col->y, col->w, 2,
                                  view_line_height(in, FONT_ITALIC, size), in->theme->muted);
    }
    col->y += 10 * in->metrics->ui;
}

/* The category, the date (with the certainty warning on a presented card),
 * the title and the image. */
static void add_head(DrawList *dl, const ViewInput *in, Column *col, const Event *ev, StoryStyle style)
{
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    float x = col->x, w = col->w;
    Colour cat = ev->category >= 0 ? in->tl->categories[ev->category].colour : th->muted;
    int small = m->small_px + (int)(2 * m->ui);
    if (ev->category >= 0) {
        float icon = small * 0.8f;
        shape(dl, in->tl->categories[ev->category].shape, x, col->y + (view_line_height(in, FONT_BOLD, small) - icon) / 2,
              icon, cat);
        text_line(dl, in, timeline_text(in->tl, &in->tl->categories[ev->category].label, in->state->lang), FONT_BOLD,
                  small, x + icon + 8 * m->ui, col->y, 0, cat);
        col->y += view_line_height(in, FONT_BOLD, small) + 6 * m->ui;
    }
    char date[160];
    timeline_event_date(in->tl, ev, in->state->lang, date, sizeof date);
    text_line(dl, in, date, FONT_BOLD, small + 2, x, col->y, w, th->muted);
    if (style != STORY_PANEL && ev->certainty != CERTAINTY_CONFIRMED) {
        /* The note may not fit on a presented card: the warning always does. */
        bool disputed = ev->certainty == CERTAINTY_DISPUTED;
        char tag[96];
        snprintf(tag, sizeof tag, "?  %s", ui_text(disputed ? UI_DISPUTED : UI_UNVERIFIED, lang_code(in)));
        float dw = view_text_width(in, date, FONT_BOLD, small + 2);
        text_line(dl, in, tag, FONT_BOLD, small, x + dw + 16 * m->ui, col->y + 2 * m->ui, w - dw - 16 * m->ui,
                  disputed ? (Colour){213, 94, 0, 255} : th->muted);
    }
    col->y += view_line_height(in, FONT_BOLD, small + 2) + 4 * m->ui;
    add_fallback_mark(dl, in, col, &ev->title);
    /* A title's italic (a book's, a ship's name) stays; its links are not followed. */
    RichDraw rich = {timeline_rich(in->tl, &ev->title, in->state->lang), false, false, th->accent, NULL};
    add_paragraphs(dl, in, col, timeline_text(in->tl, &ev->title, in->state->lang), &rich, FONT_BOLD, m->panel_title_px,
                   view_line_height(in, FONT_BOLD, m->panel_title_px) * 1.1f, th->ink);
    col->y += 12 * m->ui;
    add_image(dl, in, col, ev, style);
}

static int summary_size(const LayoutMetrics *m)
{
    return m->body_px + (int)(6 * m->ui);
}

/* What a story shows besides its head and text: the note (always but on a
 * presented card too small for it) and the sources (unless a second column
 * shows them). */
enum { STORY_NOTE = 1, STORY_SOURCES = 2, STORY_ALL = 3 };

/* The story in one column from y; returns its height. */
static float draw_story(DrawList *dl, const ViewInput *in, const Event *ev, float x, float y, float w, float limit_y,
                        StoryStyle style, int parts, PanelTargets *targets)
{
    const LayoutMetrics *m = in->metrics;
    const Theme *th = in->theme;
    Column col = {x, w, y, limit_y, targets};
    add_head(dl, in, &col, ev, style);
    if (style == STORY_PRESENTED) { /* read from afar: the summary, large */
        const char *summary = timeline_text(in->tl, &ev->summary, in->state->lang);
        int size = summary_size(m);
        add_fallback_mark(dl, in, &col, &ev->summary);
        RichDraw rich = {timeline_rich(in->tl, &ev->summary, in->state->lang), false, false, th->accent, NULL};
        add_paragraphs(dl, in, &col, summary, &rich, FONT_REGULAR, size,
                       view_line_height(in, FONT_REGULAR, size) * 1.25f, th->ink);
        col.y += 14 * m->ui;
        if (parts & STORY_NOTE) add_note(dl, in, &col, ev);
        return col.y - y;
    }
    if (parts & STORY_NOTE) add_note(dl, in, &col, ev);
    const Text *body_text = story_text(in, ev);
    add_fallback_mark(dl, in, &col, body_text);
    /* The whole story shows its sources, where links that cannot be followed
     * are listed: the text does without their addresses. */
    RichDraw rich = {timeline_rich(in->tl, body_text, in->state->lang), links_followed(in), true, th->accent, targets};
    add_paragraphs(dl, in, &col, timeline_text(in->tl, body_text, in->state->lang), &rich, FONT_REGULAR, m->body_px,
                   view_line_height(in, FONT_REGULAR, m->body_px) * 1.2f, th->ink);
    add_tags(dl, in, &col, ev);
    if (parts & STORY_SOURCES) add_sources(dl, in, &col, ev);
    return col.y - y;
}

/* ---- the presented card, fitted ----------------------------------------------------------- */

static int scaled_px(int size, float k)
{
    int px = (int)lroundf((float)size * k);
    return px < 9 ? 9 : px;
}

void view_scale_input(ViewScaled *s, const ViewInput *in, float k)
{
    const LayoutMetrics *m = in->metrics;
    s->m = *m;
    s->m.ui = m->ui * k;
    s->m.margin = m->margin * k;
    s->m.title_px = scaled_px(m->title_px, k);
    s->m.card_title_px = scaled_px(m->card_title_px, k);
    s->m.summary_px = scaled_px(m->summary_px, k);
    s->m.date_px = scaled_px(m->date_px, k);
    s->m.axis_px = scaled_px(m->axis_px, k);
    s->m.body_px = scaled_px(m->body_px, k);
    s->m.panel_title_px = scaled_px(m->panel_title_px, k);
    s->m.small_px = scaled_px(m->small_px, k);
    s->in = *in;
    s->in.metrics = &s->m;
}

/* Scales come from a short ladder, so that a window being resized opens a
 * handful of font sizes, not one per pixel. */
enum { SCALE_STEPS = 30 };

static float ladder(int i)
{
    return VIEW_PRESENT_SCALE_MIN + (VIEW_PRESENT_SCALE_MAX - VIEW_PRESENT_SCALE_MIN) * (float)i / (SCALE_STEPS - 1);
}

/* The inside of a card at one scale: padding and the text column(s). */
typedef struct CardInside {
    float pad;
    float text_w;              /* the first column */
    float side_w;              /* the sources' column (STORY_WHOLE on a wide card), or 0 */
    float gap;
    float content_h;           /* the tallest column, with the caption band */
    float caption_h;
} CardInside;

static bool is_whole(const ViewState *s)
{
    return s->story_expanded;
}

/* Measures the presented or expanded story at a scale, for a room of room_w. */
static CardInside measure_card(const ViewInput *sin, const Event *ev, float room_w, bool whole, int parts)
{
    const LayoutMetrics *m = sin->metrics;
    CardInside c = {0};
    c.pad = fmaxf(28 * m->ui, 10);
    c.gap = 40 * m->ui;
    if (!whole) {
        /* About 45 characters a line at the summary's size: read from afar. */
        c.text_w = fminf(room_w - 2 * c.pad, summary_size(m) * 0.6f * 46);
        float story_h = draw_story(NULL, sin, ev, 0, 0, c.text_w, INFINITY, STORY_PRESENTED, parts, NULL);
        c.caption_h = view_caption_height(sin, c.text_w + 2 * c.pad - 32 * m->ui);
        c.content_h = story_h + (c.caption_h > 0 ? c.caption_h + 16 * m->ui : 0);
        return c;
    }
    /* Expanded: lines of about 70 characters; the sources beside the story
     * when there is room for both columns. */
    float line_w = m->body_px * 0.6f * 70;
    float inner = room_w - 2 * c.pad;
    bool two = ev->source_count > 0 && inner >= line_w * 1.45f + c.gap;
    c.text_w = two ? fminf(line_w, (inner - c.gap) * 0.62f) : fminf(line_w, inner);
    c.side_w = two ? fminf(inner - c.gap - c.text_w, line_w * 0.8f) : 0;
    float story_h = draw_story(NULL, sin, ev, 0, 0, c.text_w, INFINITY, STORY_WHOLE, two ? STORY_NOTE : STORY_ALL, NULL);
    float side_h = 0;
    if (two) {
        Column col = {0, c.side_w, 0, INFINITY, NULL};
        add_sources(NULL, sin, &col, ev);
        side_h = col.y;
    }
    c.content_h = fmaxf(story_h, side_h);
    return c;
}

static float card_height(const CardInside *c, float ui)
{
    return c->content_h + 2 * c->pad + 8 * ui;
}

static Rect room_of(const ViewInput *in, bool whole)
{
    if (!whole) return in->chrome->panel;
    const Regions *r = in->regions;
    const LayoutMetrics *m = in->metrics;
    return (Rect){m->margin * 2, r->header_y1 + m->margin, r->w - 4 * m->margin, r->h - r->header_y1 - 2 * m->margin};
}

static const Event *presented_event(const ViewInput *in)
{
    const ViewState *st = in->state;
    if (st->mode == VIEW_EXPLORE || st->slide != SLIDE_NONE) return NULL;
    if (!view_story_is_shown_not_explored(st) && !st->story_expanded) return NULL;
    if (st->selected < 0 || st->selected >= in->tl->event_count) return NULL;
    return &in->tl->events[st->selected];
}

/* The largest step of the ladder, from lowest up, at which the card fits
 * its room; lowest when none does. */
static int fit_step(const ViewInput *in, const Event *ev, Rect room, bool whole, int parts, int lowest)
{
    int lo = lowest, hi = SCALE_STEPS - 1;
    ViewScaled s;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        view_scale_input(&s, in, ladder(mid));
        CardInside c = measure_card(&s.in, ev, room.w, whole, parts);
        if (card_height(&c, s.m.ui) <= room.h) lo = mid;
        else hi = mid - 1;
    }
    return lo;
}

/* A presented card keeps its note while the note leaves the type at least
 * this scale; below it the note goes (the certainty warning by the date
 * stays) and the title and summary grow back. */
#define NOTE_MIN_SCALE 0.8f

PresentedCard view_presented_card(const ViewInput *in)
{
    PresentedCard out = {{0, 0, 0, 0}, 1, STORY_ALL, 0};
    const Event *ev = presented_event(in);
    bool whole = is_whole(in->state);
    Rect room = room_of(in, whole);
    if (!ev || room.w <= 0 || room.h <= 0) return out;
    int lowest = 0;
    while (whole && lowest < SCALE_STEPS - 1 && ladder(lowest) < VIEW_PRESENT_WHOLE_MIN_SCALE) lowest++;
    int step = fit_step(in, ev, room, whole, STORY_ALL, lowest);
    if (!whole && ladder(step) < NOTE_MIN_SCALE) {
        out.parts = STORY_ALL & ~STORY_NOTE;
        step = fit_step(in, ev, room, whole, out.parts, 0);
    }
    out.scale = ladder(step);
    ViewScaled s;
    view_scale_input(&s, in, out.scale);
    CardInside c = measure_card(&s.in, ev, room.w, whole, out.parts);
    float w = whole ? room.w : c.text_w + 2 * c.pad;
    float h = whole ? room.h : fminf(card_height(&c, s.m.ui), room.h);
    out.overflow_px = whole ? fmaxf(0, card_height(&c, s.m.ui) - room.h) : 0;
    /* Centred across; at the foot of the room, so the line to its date meets it. */
    out.box = (Rect){room.x + (room.w - w) / 2, room.y + room.h - h, w, h};
    return out;
}

/* The presented (or expanded) card: fitted, its text at the found scale. */
static float draw_presented(DrawList *dl, const ViewInput *in, const Event *ev)
{
    PresentedCard card = view_presented_card(in);
    if (card.box.w <= 0) return 0;
    const Theme *th = in->theme;
    bool whole = is_whole(in->state);
    ViewScaled s;
    view_scale_input(&s, in, card.scale);
    CardInside c = measure_card(&s.in, ev, room_of(in, whole).w, whole, card.parts);
    Rect b = card.box;
    float ui = s.m.ui, radius = 12 * in->metrics->ui;
    DrawCmd *sh = drawlist_push(dl, DRAW_SHADOW, b.x, b.y, b.w, b.h, th->shadow);
    if (sh) sh->radius = radius;
    view_fill(dl, b.x, b.y, b.w, b.h, radius, th->panel);
    view_fill(dl, b.x, b.y, b.w, 6 * in->metrics->ui, 0,
              ev->category >= 0 ? in->tl->categories[ev->category].colour : th->hairline);
    float body_h = b.h - (c.caption_h > 0 ? c.caption_h + 16 * ui : 0);
    float x = whole ? b.x + (b.w - c.text_w - (c.side_w > 0 ? c.gap + c.side_w : 0)) / 2 : b.x + c.pad;
    float scroll = whole ? fminf(fmaxf(in->state->story_scroll_px, 0), card.overflow_px) : 0;
    float y = b.y + c.pad + 8 * ui - scroll;
    /* At the smallest scale a card that still does not fit ends with an
     * ellipsis at its foot; the expanded story scrolls instead. */
    float limit = whole ? INFINITY : b.y + body_h - c.pad * 0.5f;
    float bar = 8 * in->metrics->ui; /* under the category's colour bar, scrolled text is hidden */
    drawlist_push(dl, DRAW_CLIP, b.x, b.y + bar, b.w, body_h - bar, th->ink);
    int parts = c.side_w > 0 ? card.parts & ~STORY_SOURCES : card.parts;
    draw_story(dl, &s.in, ev, x, y, c.text_w, limit, whole ? STORY_WHOLE : STORY_PRESENTED, parts, NULL);
    if (c.side_w > 0) {
        Column col = {x + c.text_w + c.gap, c.side_w, y - 20 * ui, limit, NULL};
        add_sources(dl, &s.in, &col, ev);
    }
    drawlist_push(dl, DRAW_UNCLIP, 0, 0, 0, 0, th->ink);
    if (card.overflow_px > 0) { /* a scroll bar says there is more */
        float bar_h = b.h * b.h / (b.h + card.overflow_px);
        float bar_y = b.y + (b.h - bar_h) * scroll / card.overflow_px;
        view_fill(dl, b.x + b.w - 10 * in->metrics->ui, bar_y, 5 * in->metrics->ui, bar_h, 2 * in->metrics->ui,
                  view_alpha(th->muted, 160));
    }
    /* How to go between the card and the whole story: small, at the card's
     * top right, or its foot when expanded (the sources' column is at the top). */
    const char *hint = ui_text(whole ? UI_COLLAPSE_HINT : UI_EXPAND_HINT, lang_code(in));
    int size = in->metrics->small_px;
    float hw = view_text_width(in, hint, FONT_REGULAR, size), hh = view_line_height(in, FONT_REGULAR, size);
    float hy = whole ? b.y + b.h - hh - 10 * in->metrics->ui : b.y + 14 * in->metrics->ui;
    if (hw < b.w * 0.5f) {
        if (whole) view_fill(dl, b.x + b.w - hw - 28 * in->metrics->ui, hy - 4, hw + 20 * in->metrics->ui, hh + 8,
                             hh / 2, th->panel);
        view_text_line(dl, in, hint, FONT_REGULAR, size, b.x + b.w - hw - 18 * in->metrics->ui, hy, 0,
                       view_alpha(th->muted, 220));
    }
    return c.content_h;
}

/* The story's column in the panel's scrolling part: one definition for
 * drawing it and for finding what is under the pointer. */
static void panel_column(const ViewInput *in, float *x, float *w, float *y)
{
    const LayoutMetrics *m = in->metrics;
    Rect body = in->chrome->panel_body;
    float pad = 28 * m->ui;
    /* Lines of about 65 characters: cap the text column. */
    *w = fminf(body.w - 2 * pad, m->body_px * 34.0f);
    /* In the side panel the column hugs the left; on a large card it is centred. */
    *x = in->state->mode == VIEW_EXPLORE ? body.x + pad : body.x + (body.w - *w) / 2;
    *y = body.y + 8 * m->ui - in->state->panel_scroll_px;
}

static bool rect_inside(Rect r, Rect clip)
{
    return r.w > 0 && r.y + r.h > clip.y && r.y < clip.y + clip.h;
}

void view_panel_targets(const ViewInput *in_, PanelTargets *out)
{
    memset(out, 0, sizeof *out);
    ViewScaled r;
    readable_input(&r, in_);
    const ViewInput *in = &r.in;
    const ViewState *st = in->state;
    if (st->selected < 0 || st->selected >= in->tl->event_count || presented_event(in)) return;
    Rect body = in->chrome->panel_body;
    if (in->chrome->panel.w <= 0 || body.w <= 0) return;
    PanelTargets all;
    memset(&all, 0, sizeof all);
    float x, w, y;
    panel_column(in, &x, &w, &y);
    draw_story(NULL, in, &in->tl->events[st->selected], x, y, w, INFINITY, STORY_PANEL, STORY_ALL, &all);
    /* Only what shows: a target scrolled under the panel's edges is not one. */
    for (int i = 0; i < all.link_count; i++)
        if (rect_inside(all.links[i].r, body)) out->links[out->link_count++] = all.links[i];
    if (rect_inside(all.image, body)) out->image = all.image;
}

float view_draw_panel(DrawList *dl, const ViewInput *in_)
{
    if (in_->state->selected < 0 || in_->state->selected >= in_->tl->event_count) return 0;
    /* A presented card keeps the metrics every other caller of
     * view_presented_card sees: its box is found from them. */
    if (presented_event(in_)) return draw_presented(dl, in_, &in_->tl->events[in_->state->selected]);
    ViewScaled r;
    readable_input(&r, in_);
    const ViewInput *in = &r.in;
    const ViewState *st = in->state;
    const ViewChrome *c = in->chrome;
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
    float text_x, text_w, text_y;
    panel_column(in, &text_x, &text_w, &text_y);
    drawlist_push(dl, DRAW_CLIP, body.x, body.y, body.w, body.h, th->ink);
    float content_h = draw_story(dl, in, ev, text_x, text_y, text_w, INFINITY, STORY_PANEL, STORY_ALL, NULL);
    drawlist_push(dl, DRAW_UNCLIP, 0, 0, 0, 0, th->ink);
    if (content_h > body.h) { /* a scroll bar says there is more */
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
    bool keyboard = !in->state->touch_ui;
    char motion[160];
    snprintf(motion, sizeof motion, "%s %s", ui_text(UI_REDUCED_MOTION, lang_code(in)),
             ui_text(in->state->reduced_motion ? UI_ON : UI_OFF, lang_code(in)));
    int n = 0;
    while (rows[2 * n]) n++;
    /* The sheet fits the window: at a large text size its type shrinks
     * (never under the floor) rather than run off the screen. */
    int size = m->small_px + (int)(3 * m->ui);
    float key_w, text_w, row_h, w, h, pad = 32 * m->ui, gap = 28 * m->ui;
    for (;;) {
        key_w = text_w = 0;
        for (int i = 0; i < n; i++) {
            key_w = fmaxf(key_w, view_text_width(in, rows[2 * i], FONT_BOLD, size));
            text_w = fmaxf(text_w, view_text_width(in, rows[2 * i + 1], FONT_REGULAR, size));
        }
        row_h = view_line_height(in, FONT_REGULAR, size) * 1.5f;
        w = fminf(in->regions->w - 2 * m->margin, 2 * pad + key_w + gap + text_w);
        h = (n + 3.5f + (keyboard ? 1 : 0)) * row_h + view_line_height(in, FONT_BOLD, m->panel_title_px);
        if (h <= in->regions->h - m->margin || size <= LAYOUT_MIN_TEXT_PX) break;
        size--;
    }
    float x = (in->regions->w - w) / 2, y = fmaxf(0, (in->regions->h - h) / 2);
    key_w = fminf(key_w, w * 0.45f);
    dim(dl, in, 140);
    view_fill(dl, x, y, w, h, 12 * m->ui, th->panel);
    if (th->dark) view_stroke(dl, x, y, w, h, 12 * m->ui, 1, th->hairline);
    float ty = y + row_h * 0.6f;
    view_text_line(dl, in, ui_text(UI_HELP_TITLE, lang_code(in)), FONT_BOLD, m->panel_title_px, x + pad, ty, 0, th->ink);
    ty += view_line_height(in, FONT_BOLD, m->panel_title_px) + row_h * 0.5f;
    float line_h = view_line_height(in, FONT_REGULAR, size);
    for (int i = 0; i < n; i++, ty += row_h) {
        view_text_block(dl, in, rows[2 * i], FONT_BOLD, size, x + pad, ty, key_w, 1, line_h, th->ink);
        view_text_block(dl, in, rows[2 * i + 1], FONT_REGULAR, size, x + pad + key_w + gap, ty,
                        w - 2 * pad - key_w - gap, 1, line_h, th->muted);
    }
    if (keyboard) /* the setting itself, which R changes while this sheet stays open */
        view_text_line(dl, in, motion, FONT_BOLD, size, x + pad, ty + row_h * 0.25f, w - 2 * pad, th->ink);
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
    if (!text[0] || st->story_expanded) return;
    /* On the presented card, at the card's scale: the card made room for it. */
    PresentedCard card = view_presented_card(in);
    bool on_card = card.box.w > 0;
    ViewScaled s;
    view_scale_input(&s, in, on_card ? card.scale : 1);
    const ViewInput *sin = &s.in;
    const LayoutMetrics *m = &s.m;
    int size = caption_size(sin);
    float w = on_card ? card.box.w - 32 * m->ui
                      : fminf(in->regions->w * 0.7f, view_text_width(sin, text, FONT_REGULAR, size) + 48 * m->ui);
    float h = view_caption_height(sin, w);
    float x = on_card ? card.box.x + 16 * m->ui : (in->regions->w - w) / 2;
    float y = on_card ? card.box.y + card.box.h - h - 16 * m->ui : in->regions->overview_y0 - h - 40 * m->ui;
    view_fill(dl, x, y, w, h, 10 * m->ui, view_alpha(in->theme->ink, 225));
    float line_h = view_line_height(sin, FONT_REGULAR, size) * 1.2f;
    view_text_block(dl, sin, text, FONT_REGULAR, size, x + 24 * m->ui, y + 12 * m->ui, w - 48 * m->ui, 3, line_h,
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
    /* White on the blues; black on high contrast's yellow. */
    Colour ink = in->theme->outlined ? in->theme->paper : (Colour){255, 255, 255, 255};
    view_text_line(dl, in, text, FONT_BOLD, size, x + 32 * m->ui, y + pad, 0, ink);
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

/* Load and reload problems, for whoever is at the keyboard. Never in the
 * kiosk: visitors see what loaded, and the problems go to the log. */
static void draw_banner(DrawList *dl, const ViewInput *in)
{
    const char *text = in->state->banner;
    if (!text || !text[0] || in->state->mode == VIEW_KIOSK) return;
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
    Rect box = {k[0].x - pad, k[0].y - 150 * m->ui, k[2].x + k[2].w - k[0].x + 2 * pad, 0};
    box.h = k[11].y + k[11].h + pad - box.y;
    view_fill(dl, box.x, box.y, box.w, box.h, 16 * m->ui, th->panel);
    const ViewState *st = in->state;
    view_text_line(dl, in, ui_text(UI_PIN_TITLE, lang_code(in)), FONT_BOLD, m->panel_title_px, box.x + pad,
                   box.y + 20 * m->ui, box.w - 2 * pad, th->ink);
    /* What happened to the last code, where the digits go. */
    float line_y = box.y + 74 * m->ui;
    int size = m->small_px;
    Colour warn = {213, 94, 0, 255};
    if (st->pin_state == PIN_LOCKED) {
        char text[160];
        snprintf(text, sizeof text, "%s %d s", ui_text(UI_PIN_LOCKED, lang_code(in)), (int)ceil(st->pin_locked_s));
        view_text_block(dl, in, text, FONT_BOLD, size, box.x + pad, line_y, box.w - 2 * pad, 2,
                        view_line_height(in, FONT_BOLD, size), warn);
    } else if (st->pin_state == PIN_WRONG && st->pin_digits == 0) {
        view_text_block(dl, in, ui_text(UI_PIN_WRONG, lang_code(in)), FONT_BOLD, size, box.x + pad, line_y,
                        box.w - 2 * pad, 2, view_line_height(in, FONT_BOLD, size), warn);
    }
    for (int i = 0; i < st->pin_digits && i < 12; i++) {
        DrawCmd *dot = drawlist_push(dl, DRAW_SHAPE, box.x + pad + i * 26 * m->ui, box.y + 92 * m->ui, 16 * m->ui,
                                     16 * m->ui, th->ink);
        if (dot) dot->shape = SHAPE_CIRCLE;
    }
    bool open = st->pin_state != PIN_LOCKED;
    for (int i = 0; i < 12; i++) button(dl, in, k[i], labels[i], open || i == 9);
}

/* The open story's image, large: over the whole window, whole (letterboxed,
 * never cropped), its credit under it, and how to close it. */
static void draw_image_large(DrawList *dl, const ViewInput *in_)
{
    ViewScaled readable;
    readable_input(&readable, in_);
    const ViewInput *in = &readable.in;
    const ViewState *st = in->state;
    if (!st->image_open || st->selected < 0 || st->selected >= in->tl->event_count) return;
    const Event *ev = &in->tl->events[st->selected];
    if (!ev->image.path) return;
    const LayoutMetrics *m = in->metrics;
    const Regions *r = in->regions;
    view_fill(dl, 0, 0, r->w, r->h, 0, (Colour){8, 10, 14, 235});
    int size = m->small_px + (int)(2 * m->ui);
    float line_h = view_line_height(in, FONT_ITALIC, size), pad = m->margin;
    const char *credit = timeline_text(in->tl, &ev->image.credit, st->lang);
    const char *alt = timeline_text(in->tl, &ev->image.alt, st->lang);
    float foot = 2 * line_h + 2 * pad;
    Rect box = {pad, pad, r->w - 2 * pad, r->h - foot - 2 * pad};
    DrawCmd *img = drawlist_image(dl, ev->image.path, box.x, box.y, box.w, box.h);
    if (img) img->filled = false;
    Colour light = {236, 234, 228, 255}, dimmed = {180, 186, 196, 255};
    float y = box.y + box.h + pad / 2;
    char text[1024];
    snprintf(text, sizeof text, "%s%s%s", alt, alt[0] && credit[0] ? "  ·  " : "", credit);
    if (text[0]) view_text_line(dl, in, text, FONT_ITALIC, size, pad, y, r->w - 2 * pad, light);
    const char *hint = ui_text(UI_IMAGE_CLOSE, lang_code(in));
    view_text_line(dl, in, hint, FONT_REGULAR, m->small_px, pad, y + line_h + 4 * m->ui, r->w - 2 * pad, dimmed);
}

void view_draw_overlays(DrawList *dl, const ViewInput *in)
{
    const ViewState *st = in->state;
    if (st->mode == VIEW_PRESENT && st->slide == SLIDE_NONE && !st->chooser_open) draw_progress(dl, in);
    view_draw_slide(dl, in);
    draw_caption(dl, in);
    bool attract = st->mode == VIEW_KIOSK && st->kiosk_state == KIOSK_ATTRACT;
    if (attract && st->slide == SLIDE_NONE) draw_attract(dl, in); /* the title slide says it in every language */
    view_draw_home_button(dl, in);
    draw_banner(dl, in);
    if (st->help_open) draw_help(dl, in);
    if (st->mode == VIEW_KIOSK && st->kiosk_state == KIOSK_COUNTDOWN) draw_countdown(dl, in);
    draw_image_large(dl, in);
    if (st->pin_pad) draw_pin_pad(dl, in);
    view_draw_chooser(dl, in);
    view_draw_quit_confirm(dl, in);
}
