/* session.c: the parts of a session and the few rules that join them. */
#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "utf8.h"

void session_init(Session *s, const Timeline *tl, int lang, ThemeKind theme, double today_days, bool reduced_motion,
                  double width_px)
{
    memset(s, 0, sizeof *s);
    s->tl = tl;
    s->lang = lang >= 0 && lang < tl->lang_count ? lang : 0;
    s->theme = theme;
    s->today_days = today_days;
    s->text_scale = 1.0;
    s->filter.tag = -1;
    s->tag_count = search_timeline_tags(tl, s->tags, SESSION_MAX_TAGS);
    s->sel = (Selection){.selected = -1, .focused = -1, .hovered = -1, .focus_kind = FOCUS_EVENT};
    s->themes_highlight = -1;
    camera_init(&s->camera, tl->min_days, tl->max_days, 0, width_px, reduced_motion);
}

void session_step_text_scale(Session *s, int steps)
{
    s->text_scale = steps == 0 ? 1.0 : layout_text_scale_clamp(s->text_scale + steps * LAYOUT_TEXT_SCALE_STEP);
}

void session_free(Session *s)
{
    search_free(&s->search.index);
    free(s->badge.events);
}

void session_home_range(const Session *s, double *from, double *to)
{
    const Timeline *tl = s->tl;
    if (tl->has_home) {
        *from = tl->home_from_days;
        *to = tl->home_to_days;
        return;
    }
    double lo = tl->min_days, hi = tl->max_days;
    if (!(hi - lo >= SCALE_MIN_EXTENT_DAYS)) { /* one event, one day: framed by a day either side */
        double centre = (lo + hi) / 2;
        lo = centre - SCALE_MIN_EXTENT_DAYS / 2;
        hi = centre + SCALE_MIN_EXTENT_DAYS / 2;
    }
    double span = hi - lo;
    *from = lo - 0.04 * span;
    *to = hi + 0.04 * span;
}

void session_select(Session *s, int event)
{
    if (event >= s->tl->event_count) event = -1;
    s->sel.selected = event;
    s->sel.panel_scroll_px = 0;
    if (event >= 0) {
        s->sel.focused = event;
        s->sel.focus_kind = FOCUS_EVENT;
    }
}

void session_set_language(Session *s, int lang)
{
    s->lang = lang;
    if (s->search.open) session_run_search(s); /* results and titles in the new language */
}

void session_next_language(Session *s)
{
    session_set_language(s, (s->lang + 1) % (s->tl->lang_count ? s->tl->lang_count : 1));
}

void filter_toggle(Filter *f, int category)
{
    if (category < 0 || category >= LOAD_MAX_LIST) return;
    f->category_hidden[category] = !f->category_hidden[category];
    f->revision++;
}

void filter_show_all(Filter *f)
{
    memset(f->category_hidden, 0, sizeof f->category_hidden);
    f->tag = -1;
    f->revision++;
}

void filter_toggle_tag(Filter *f, int tag)
{
    f->tag = tag < 0 || tag >= SESSION_MAX_TAGS || tag == f->tag ? -1 : tag;
    f->revision++;
}

const char *session_only_tag(const Session *s)
{
    return s->filter.tag >= 0 && s->filter.tag < s->tag_count ? s->tags[s->filter.tag] : NULL;
}

void session_run_search(Session *s)
{
    SearchBox *b = &s->search;
    b->count = search_events(s->tl, s->lang, b->query, &b->index, b->results, SEARCH_MAX_RESULTS);
    b->highlight = 0;
}

void session_open_search(Session *s, bool by_slash)
{
    s->search.open = true;
    s->search.swallow_slash = by_slash;
    s->themes_open = false;
}

void session_close_search(Session *s)
{
    s->search.open = false;
    s->search.query[0] = '\0';
    s->search.count = 0;
}

void session_close_menus(Session *s)
{
    session_close_search(s);
    session_close_badge(s);
    session_close_files(s);
    s->themes_open = false;
    s->sel.focus_kind = FOCUS_EVENT; /* a new mode or visitor: the focus is back on the cards */
}

int *session_open_badge(Session *s, int count, float x, double from_days, double to_days)
{
    BadgeList *b = &s->badge;
    if (count <= 0 || !grow_array_int((void **)&b->events, &b->cap, count, sizeof *b->events)) return NULL;
    b->count = count;
    b->open = true;
    b->highlight = b->first = 0;
    b->anchor_x = x;
    b->from_days = from_days;
    b->to_days = to_days;
    session_close_search(s);
    s->themes_open = false;
    return b->events;
}

void session_close_badge(Session *s)
{
    s->badge.open = false;
}

/* Moves a list's highlight by delta rows (wrapping) and scrolls it into
 * the visible rows shown from *first. */
static void list_move(int *highlight, int *first, int count, int delta, int visible)
{
    if (count == 0) return;
    *highlight = ((*highlight + delta) % count + count) % count;
    if (visible < 1) visible = 1;
    if (*highlight < *first) *first = *highlight;
    if (*highlight >= *first + visible) *first = *highlight - visible + 1;
}

void session_badge_move(Session *s, int delta, int visible)
{
    BadgeList *b = &s->badge;
    if (b->open) list_move(&b->highlight, &b->first, b->count, delta, visible);
}

void session_open_files(Session *s, const FileChoice *rows, int count, const char *folder)
{
    session_close_menus(s);
    s->help_open = false;
    s->files = (FileList){.open = true, .rows = rows, .count = count, .folder = folder};
}

void session_close_files(Session *s)
{
    s->files.open = false;
}

void session_files_move(Session *s, int delta, int visible)
{
    FileList *f = &s->files;
    if (f->open) list_move(&f->highlight, &f->first, f->count, delta, visible);
}

void session_search_append(Session *s, const char *text)
{
    char *q = s->search.query;
    size_t len = strlen(q), add = strlen(text);
    if (len + add >= SEARCH_QUERY_MAX) return;
    memcpy(q + len, text, add + 1);
    session_run_search(s);
}

void session_search_backspace(Session *s)
{
    char *q = s->search.query;
    size_t len = strlen(q);
    q[utf8_prev(q, len)] = '\0'; /* the whole last character */
    session_run_search(s);
}
