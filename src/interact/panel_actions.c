/* panel_actions.c: the open story's links, citation and enlarged image.
 *
 * The panel's layout is measured by the view (view_panel_targets) with the
 * same code that draws it, so what is hit is what is drawn. Opening a URL
 * and filling the clipboard are the app's business: the controller only
 * asks, through its Requests, which keeps this file testable without SDL. */
#include "panel_actions.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui_text.h"

/* ---- the citation ------------------------------------------------------------------------ */

/* Appends with snprintf's rules, never past cap; n is the length so far. */
static size_t append(char *out, size_t cap, size_t n, const char *text)
{
    if (n + 1 >= cap) return n;
    int k = snprintf(out + n, cap - n, "%s", text);
    if (k < 0) return n;
    return n + (size_t)k < cap ? n + (size_t)k : cap - 1;
}

size_t panel_citation(const Timeline *tl, int event, int lang, char *out, size_t cap)
{
    if (cap == 0) return 0;
    out[0] = '\0';
    if (event < 0 || event >= tl->event_count) return 0;
    const Event *ev = &tl->events[event];
    const char *code = tl->langs[lang];
    char date[160];
    timeline_event_date(tl, ev, lang, date, sizeof date);
    size_t n = 0;
    n = append(out, cap, n, timeline_text(tl, &ev->title, lang));
    n = append(out, cap, n, "\n");
    n = append(out, cap, n, date);
    n = append(out, cap, n, "\n");
    if (ev->source_count > 0) {
        n = append(out, cap, n, ui_text(UI_SOURCES, code));
        n = append(out, cap, n, strncmp(code, "fr", 2) == 0 ? "\u00A0:\n" : ":\n"); /* French: "Sources :" */
    }
    for (int i = 0; i < ev->source_count; i++) {
        const Source *s = &ev->sources[i];
        char line[1024];
        snprintf(line, sizeof line, "- %s%s%s%s%s%s%s%s%s\n", s->author ? s->author : "", s->author ? ", " : "",
                 timeline_text(tl, &s->title, lang), s->publication ? " — " : "", s->publication ? s->publication : "",
                 s->date ? ", " : "", s->date ? s->date : "", s->pages ? ", " : "", s->pages ? s->pages : "");
        n = append(out, cap, n, line);
        if (s->url) {
            n = append(out, cap, n, "  ");
            n = append(out, cap, n, s->url);
            n = append(out, cap, n, "\n");
        }
    }
    return n;
}

bool panel_url_is_openable(const char *url)
{
    if (!url) return false;
    if (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0) return false;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p < 0x20 || *p == 0x7F) return false;
    return true;
}

/* ---- the image, large ---------------------------------------------------------------------------- */

static bool image_shown(const Controller *c)
{
    return c->image_open && c->image_event == c->s.sel.selected && c->s.sel.selected >= 0;
}

static bool has_image(const Controller *c)
{
    int e = c->s.sel.selected;
    return e >= 0 && e < c->tl->event_count && c->tl->events[e].image.path != NULL;
}

static void show_image(Controller *c)
{
    c->image_open = true;
    c->image_event = c->s.sel.selected;
}

/* While the image is large it owns the screen: Esc, any key or a tap
 * closes it, and nothing under it moves. */
static bool handle_image_shown(Controller *c, const Gesture *g)
{
    switch (g->type) {
    case GESTURE_KEY: case GESTURE_TAP: case GESTURE_DOUBLE_TAP: case GESTURE_LONG_PRESS:
        c->image_open = false;
        return true;
    case GESTURE_QUIT: case GESTURE_RESIZE: return false;
    default: return true;
    }
}

/* ---- taps on the panel ------------------------------------------------------------------------------ */

static bool inside(Rect r, float x, float y)
{
    return r.w > 0 && x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

/* A menu or sheet over the panel sees its taps first. */
static bool something_over_panel(const Controller *c)
{
    return c->s.search.open || c->s.themes_open || c->s.badge.open || c->s.help_open;
}

static bool handle_tap(Controller *c, const Gesture *g)
{
    if (something_over_panel(c)) return false;
    if (controller_hit(c, g->x, g->y).kind != HIT_PANEL) return false;
    ViewInput in = controller_view_input(c);
    PanelTargets t;
    view_panel_targets(&in, &t);
    if (inside(t.image, g->x, g->y)) {
        show_image(c);
        return true;
    }
    if (c->mode == VIEW_KIOSK) return false; /* the kiosk never leaves its window */
    for (int i = 0; i < t.link_count; i++) {
        if (!inside(t.links[i].r, g->x, g->y)) continue;
        const char *url = t.links[i].url; /* a source's, or a link's in the story's text */
        if (!panel_url_is_openable(url)) return false;
        snprintf(c->requests.open_url, sizeof c->requests.open_url, "%s", url);
        return true;
    }
    return false;
}

/* ---- the search results' list ------------------------------------------------------------------------ */

/* The list holds every match and scrolls with its keyboard row: a wheel
 * over it walks that row, and a tap on its count (not a row) keeps it open. */
static bool handle_result_list(Controller *c, const Gesture *g)
{
    SearchBox *b = &c->s.search;
    if (!b->open || b->count <= 0) return false;
    const ViewChrome *ch = &controller_frame(c)->chrome;
    if (!inside(ch->search_list, g->x, g->y)) return false;
    if (g->type == GESTURE_WHEEL) {
        /* a row a notch (SDL's sign: positive is up); a touchpad's fraction still moves one */
        int step = (int)lroundf(-g->dy);
        if (step == 0) step = g->dy > 0 ? -1 : g->dy < 0 ? 1 : 0;
        int h = b->highlight + step;
        b->highlight = h < 0 ? 0 : h >= b->count ? b->count - 1 : h;
        return true;
    }
    if (g->type == GESTURE_TAP) return controller_hit(c, g->x, g->y).kind != HIT_SEARCH_RESULT;
    return g->type == GESTURE_DRAG_START || g->type == GESTURE_DRAG || g->type == GESTURE_DRAG_END;
}

/* ---- the entry point ---------------------------------------------------------------------------------- */

bool panel_handle(Controller *c, const Gesture *g)
{
    if (image_shown(c)) return handle_image_shown(c, g);
    if ((g->type == GESTURE_WHEEL || g->type == GESTURE_TAP) && handle_result_list(c, g)) return true;
    c->image_open = false; /* the story it belonged to has closed */
    if (c->s.sel.selected < 0 || c->s.sel.selected >= c->tl->event_count) return false;
    if (g->type == GESTURE_KEY && g->key == 'c' && (g->mods & MOD_CTRL) && !(g->mods & MOD_ALT)) {
        panel_citation(c->tl, c->s.sel.selected, c->s.lang, c->requests.clipboard, sizeof c->requests.clipboard);
        return true;
    }
    if (g->type == GESTURE_KEY && (g->key == KEY_RETURN || g->key == ' ') && !something_over_panel(c) &&
        c->s.sel.focus_kind == FOCUS_EVENT && c->s.sel.focused == c->s.sel.selected && has_image(c) &&
        c->mode != VIEW_PRESENT) {
        show_image(c); /* Enter on the open story's card: the story is open, so its image */
        return true;
    }
    if (g->type == GESTURE_TAP) return handle_tap(c, g);
    return false;
}
