/* dump.c: the frame's layout as JSON, for tests and tools (docs/layout-dump.md). */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>

#include "dump.h"
#include "view_presenter.h"
#include "view_present.h"

static void add_iso(cJSON *obj, const char *key, double t_days)
{
    char buf[32];
    date_format_iso(t_days, buf, sizeof buf);
    cJSON_AddStringToObject(obj, key, buf);
}

/* A card's id and place, as the screen's and the poster's dumps give them. */
static cJSON *card_json(const Timeline *tl, const LayoutCard *k)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", tl->events[k->event].id);
    cJSON_AddNumberToObject(o, "x", k->x);
    cJSON_AddNumberToObject(o, "y", k->y);
    cJSON_AddNumberToObject(o, "w", k->w);
    cJSON_AddNumberToObject(o, "h", k->h);
    cJSON_AddNumberToObject(o, "anchor_x", k->anchor_x);
    cJSON_AddStringToObject(o, "side", k->above ? "above" : "below");
    return o;
}

static cJSON *dump_cards(const Controller *c)
{
    cJSON *cards = cJSON_CreateArray();
    for (int i = 0; i < c->frame.layout.card_count; i++) {
        const LayoutCard *k = &c->frame.layout.cards[i];
        cJSON *o = card_json(c->tl, k);
        ViewInput in = controller_view_input(c);
        cJSON_AddNumberToObject(o, "title_lines", view_card_title_lines(&in, k));
        cJSON_AddBoolToObject(o, "title_cut", view_card_title_cut(&in, k));
        cJSON_AddItemToArray(cards, o);
    }
    return cards;
}

static cJSON *dump_clusters(const Controller *c)
{
    cJSON *clusters = cJSON_CreateArray();
    for (int i = 0; i < c->frame.layout.cluster_count; i++) {
        const LayoutCluster *k = &c->frame.layout.clusters[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "x", k->x);
        cJSON_AddNumberToObject(o, "y", k->y);
        cJSON_AddNumberToObject(o, "count", k->count);
        char label[16];
        view_count_label(k->count, label, sizeof label);
        cJSON_AddStringToObject(o, "label", label);
        cJSON *ids = cJSON_AddArrayToObject(o, "ids");
        for (int m = 0; m < k->count; m++)
            cJSON_AddItemToArray(ids, cJSON_CreateString(c->tl->events[layout_cluster_member(&c->frame.layout, k, m)].id));
        cJSON_AddItemToArray(clusters, o);
    }
    return clusters;
}

static cJSON *dump_ticks(const Controller *c)
{
    static const char *const levels[] = {"major", "minor", "sub"};
    const Tick *ticks = c->frame.ticks;
    int n = c->frame.tick_count;
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; i < n; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "x", ticks[i].x_px);
        cJSON_AddStringToObject(o, "label", ticks[i].label);
        cJSON_AddStringToObject(o, "level", levels[ticks[i].level]);
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *dump_eras(const Controller *c)
{
    cJSON *arr = cJSON_CreateArray();
    const TimeScale *s = &c->frame.view.scale;
    for (int i = 0; i < c->tl->era_count; i++) {
        const Era *e = &c->tl->eras[i];
        double x0 = scale_time_to_px(s, e->start_days), x1 = scale_time_to_px(s, e->end_days);
        if (x1 < c->frame.regions.timeline_x0 || x0 > c->frame.regions.timeline_x1) continue;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", e->id);
        cJSON_AddStringToObject(o, "lane", c->tl->lanes[e->lane].id);
        cJSON_AddNumberToObject(o, "x0", x0);
        cJSON_AddNumberToObject(o, "x1", x1);
        cJSON_AddStringToObject(o, "label", timeline_text(c->tl, &e->label, c->frame.view.lang));
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *dump_spans(const Controller *c)
{
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; i < c->frame.layout.span_count; i++) {
        const LayoutSpan *sp = &c->frame.layout.spans[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", c->tl->events[sp->event].id);
        cJSON_AddNumberToObject(o, "x0", sp->x0);
        cJSON_AddNumberToObject(o, "x1", sp->x1);
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

/* The tooltip on screen: what it tells about, or null. */
static cJSON *dump_tooltip(const Controller *c)
{
    ViewInput in = controller_view_input(c);
    ViewTip tip = view_tooltip(&in);
    if (tip.kind == TIP_NONE) return cJSON_CreateNull();
    static const char *const kinds[] = {"none", "badge", "era", "title", "picture"};
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "kind", kinds[tip.kind]);
    if (tip.kind == TIP_ERA) {
        cJSON_AddStringToObject(o, "id", c->tl->eras[tip.index].id);
    } else if (tip.kind == TIP_TITLE) {
        cJSON_AddStringToObject(o, "id", c->tl->events[c->frame.layout.cards[tip.index].event].id);
    } else if (tip.kind == TIP_BADGE) {
        const LayoutCluster *k = &c->frame.layout.clusters[tip.index];
        cJSON_AddNumberToObject(o, "count", k->count);
        cJSON_AddStringToObject(o, "id", c->tl->events[layout_cluster_member(&c->frame.layout, k, 0)].id);
    }
    return o;
}

static cJSON *rect_json(Rect r)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "x", r.x);
    cJSON_AddNumberToObject(o, "y", r.y);
    cJSON_AddNumberToObject(o, "w", r.w);
    cJSON_AddNumberToObject(o, "h", r.h);
    return o;
}

static void add_rect(cJSON *obj, const char *key, Rect r)
{
    if (r.w > 0) cJSON_AddItemToObject(obj, key, rect_json(r));
}

/* The open story's links and image, where they are, and the image shown
 * large: what a script clicks to follow a source or enlarge a picture. */
static void dump_panel(const Controller *c, cJSON *root)
{
    cJSON *panel = cJSON_AddObjectToObject(root, "panel");
    ViewInput in = controller_view_input(c);
    PanelTargets t;
    view_panel_targets(&in, &t);
    cJSON *links = cJSON_AddArrayToObject(panel, "links");
    for (int i = 0; i < t.link_count; i++) {
        cJSON *link = rect_json(t.links[i].r);
        cJSON_AddStringToObject(link, "url", t.links[i].url);
        cJSON_AddNumberToObject(link, "source", t.links[i].source);
        cJSON_AddItemToArray(links, link);
    }
    if (t.image.w > 0) cJSON_AddItemToObject(panel, "image", rect_json(t.image));
    else cJSON_AddNullToObject(panel, "image");
    cJSON_AddBoolToObject(panel, "image_open", c->frame.view.image_open);
}

/* Where the on-screen controls are, so scripts can press them. */
static cJSON *dump_buttons(const Controller *c)
{
    const ViewChrome *ch = &c->frame.chrome;
    cJSON *b = cJSON_CreateObject();
    add_rect(b, "help", ch->help_button);
    add_rect(b, "picture", ch->picture_button);
    add_rect(b, "search", ch->search_button);
    add_rect(b, "themes", ch->themes_button);
    add_rect(b, "close", ch->panel_close);
    add_rect(b, "previous", ch->panel_prev);
    add_rect(b, "next", ch->panel_next);
    cJSON *langs = cJSON_AddArrayToObject(b, "languages");
    for (int i = 0; i < ch->lang_count; i++) cJSON_AddItemToArray(langs, rect_json(ch->lang_button[i]));
    cJSON *themes = cJSON_AddArrayToObject(b, "theme_rows");
    for (int i = 0; i < ch->theme_row_count && c->frame.view.themes_open; i++)
        cJSON_AddItemToArray(themes, rect_json(ch->theme_rows[i]));
    cJSON *badge_rows = cJSON_AddArrayToObject(b, "badge_rows");
    for (int i = 0; i < ch->badge_row_count; i++) cJSON_AddItemToArray(badge_rows, rect_json(ch->badge_rows[i]));
    add_rect(b, "badge_zoom", ch->badge_zoom);
    add_rect(b, "show_all", ch->show_all_button);
    cJSON *pin = cJSON_AddArrayToObject(b, "pin_keys");
    for (int i = 0; i < 12 && c->frame.view.pin_pad; i++) cJSON_AddItemToArray(pin, rect_json(ch->pin_keys[i]));
    add_rect(b, "home", view_home_button(&c->frame.view, &c->frame.regions, &c->frame.metrics));
    cJSON *rows = cJSON_AddArrayToObject(b, "chooser_rows");
    for (int i = 0; i < view_chooser_row_count(c->tl) && c->frame.view.chooser_open; i++)
        cJSON_AddItemToArray(rows, rect_json(view_chooser_row(c->tl, &c->frame.regions, &c->frame.metrics, i)));
    return b;
}

/* The Open list (Ctrl+O): its folder and rows, each with its place when shown. */
static void dump_files(const Controller *c, cJSON *root)
{
    const ViewState *v = &c->frame.view;
    const ViewChrome *ch = &c->frame.chrome;
    cJSON *files = cJSON_AddObjectToObject(root, "open_list");
    cJSON_AddBoolToObject(files, "open", v->files_open);
    cJSON_AddStringToObject(files, "folder", v->files_open && v->files_folder ? v->files_folder : "");
    cJSON_AddNumberToObject(files, "highlight", v->files_open ? v->file_highlight : -1);
    cJSON_AddNumberToObject(files, "first", v->files_open ? v->file_first : 0);
    cJSON *rows = cJSON_AddArrayToObject(files, "rows");
    for (int i = 0; v->files_open && i < v->file_count; i++) {
        const FileChoice *f = &v->files[i];
        int shown = i - v->file_first;
        cJSON *row = shown >= 0 && shown < ch->file_row_count ? rect_json(ch->file_rows[shown]) : cJSON_CreateObject();
        cJSON_AddStringToObject(row, "name", f->name);
        cJSON_AddStringToObject(row, "folder", f->folder);
        cJSON_AddBoolToObject(row, "recent", f->recent);
        cJSON_AddItemToArray(rows, row);
    }
}

static const char *mode_name(ViewMode m)
{
    return m == VIEW_PRESENT ? "present" : m == VIEW_KIOSK ? "kiosk" : "explore";
}

/* Presenting: the slide, the chooser, the expanded story, the quit question,
 * and the presented card's place and text scale. */
static void dump_presenting(const Controller *c, cJSON *root)
{
    static const char *const slides[] = {"none", "title", "end"};
    const ViewState *v = &c->frame.view;
    cJSON_AddStringToObject(root, "slide", slides[v->slide]);
    cJSON_AddBoolToObject(root, "story_expanded", v->story_expanded);
    cJSON_AddBoolToObject(root, "quit_confirm", v->quit_confirm);
    cJSON *chooser = cJSON_AddObjectToObject(root, "chooser");
    cJSON_AddBoolToObject(chooser, "open", v->chooser_open);
    cJSON_AddNumberToObject(chooser, "row", v->chooser_open ? v->chooser_row : -1);
    cJSON *rows = cJSON_AddArrayToObject(chooser, "rows");
    for (int i = 0; v->chooser_open && i < view_chooser_row_count(c->tl); i++)
        cJSON_AddItemToArray(rows, cJSON_CreateString(i < c->tl->tour_count ? c->tl->tours[i].id : "*"));
    ViewInput in = controller_view_input(c);
    PresentedCard card = view_presented_card(&in);
    if (card.box.w > 0) {
        cJSON *o = rect_json(card.box);
        cJSON_AddNumberToObject(o, "scale", card.scale);
        cJSON_AddItemToObject(root, "story_card", o);
    } else {
        cJSON_AddNullToObject(root, "story_card");
    }
    Rect slide = view_slide_card(&in);
    if (slide.w > 0) cJSON_AddItemToObject(root, "slide_card", rect_json(slide));
    else cJSON_AddNullToObject(root, "slide_card");
}

/* The kiosk's PIN pad: what it says, and the banner the screen shows (none in the kiosk). */
static void dump_kiosk(const Controller *c, cJSON *root)
{
    static const char *const states[] = {"entry", "wrong", "locked"};
    const ViewState *v = &c->frame.view;
    cJSON *pin = cJSON_AddObjectToObject(root, "pin");
    cJSON_AddStringToObject(pin, "state", v->mode == VIEW_KIOSK ? states[v->pin_state] : "entry");
    cJSON_AddNumberToObject(pin, "digits", v->pin_digits);
    cJSON_AddNumberToObject(pin, "wrong", c->kiosk.pin_wrong);
    cJSON_AddNumberToObject(pin, "locked_s", ceil(v->pin_locked_s));
    bool banner = v->banner && v->banner[0] && v->mode != VIEW_KIOSK;
    if (banner) cJSON_AddStringToObject(root, "banner", v->banner);
    else cJSON_AddNullToObject(root, "banner");
}

/* What the presenter's screen shows (view_presenter.h): the step and the
 * next, and the notes, in the session's language. */
static void dump_presenter(const Controller *c, cJSON *root)
{
    if (c->mode != VIEW_PRESENT) {
        cJSON_AddNullToObject(root, "presenter");
        return;
    }
    PresenterInfo info;
    present_presenter_info(c, 0, &info);
    cJSON *p = cJSON_AddObjectToObject(root, "presenter");
    cJSON_AddNumberToObject(p, "now_step", info.now.step);
    static const char *const slides[] = {"none", "title", "end"};
    cJSON_AddNumberToObject(p, "next_step", info.has_next ? info.next.step : -1);
    cJSON_AddStringToObject(p, "next_slide", info.has_next ? slides[info.next.slide] : "none");
    const Text *notes = info.step_notes ? info.step_notes : info.event_notes;
    const char *text = notes ? timeline_text(c->tl, notes, c->s.lang) : "";
    cJSON_AddStringToObject(p, "notes", text);
}

/* What the reader chose for reading comfort, and where the keyboard is. */
static void dump_comfort(const Controller *c, cJSON *root)
{
    static const char *const themes[] = {"light", "dark", "projector", "contrast"};
    static const char *const focus[] = {"event", "badge", "previous", "next", "close", "search", "themes",
                                        "language", "help", "show_all", "picture"};
    cJSON_AddStringToObject(root, "theme", themes[c->s.theme]);
    cJSON_AddNumberToObject(root, "text_scale", c->s.text_scale);
    cJSON_AddBoolToObject(root, "reduced_motion", c->s.camera.reduced_motion);
    const char *tag = session_only_tag(&c->s);
    if (tag) cJSON_AddStringToObject(root, "tag", tag);
    else cJSON_AddNullToObject(root, "tag");
    cJSON *f = cJSON_AddObjectToObject(root, "focus");
    cJSON_AddStringToObject(f, "kind", focus[c->s.sel.focus_kind]);
    cJSON_AddNumberToObject(f, "index", c->s.sel.focus_kind == FOCUS_EVENT ? c->s.sel.focused : c->s.sel.focus_index);
}

static cJSON *dump_state(const Controller *c)
{
    static const char *const kiosk[] = {"visitor", "countdown", "attract"};
    static const char *const blackout[] = {"none", "black", "white"};
    const ViewState *v = &c->frame.view;
    cJSON *root = cJSON_CreateObject();
    cJSON *view = cJSON_AddObjectToObject(root, "view");
    add_iso(view, "from", scale_left_days(&v->scale));
    add_iso(view, "to", scale_right_days(&v->scale));
    cJSON_AddNumberToObject(view, "px_per_day", v->scale.px_per_day);
    cJSON *size = cJSON_AddObjectToObject(root, "size");
    cJSON_AddNumberToObject(size, "w", c->win_w);
    cJSON_AddNumberToObject(size, "h", c->win_h);
    cJSON_AddStringToObject(root, "lang", c->tl->langs[v->lang]);
    cJSON_AddStringToObject(root, "mode", mode_name(v->mode));
    cJSON_AddStringToObject(root, "kiosk_state", v->mode == VIEW_KIOSK ? kiosk[v->kiosk_state] : "visitor");
    cJSON_AddNumberToObject(root, "step", v->step);
    cJSON_AddNumberToObject(root, "step_count", v->step_count);
    cJSON_AddStringToObject(root, "blackout", blackout[v->blackout]);
    cJSON_AddBoolToObject(root, "help", v->help_open);
    if (v->selected >= 0) cJSON_AddStringToObject(root, "selected", c->tl->events[v->selected].id);
    else cJSON_AddNullToObject(root, "selected");
    if (v->focused >= 0) cJSON_AddStringToObject(root, "focused", c->tl->events[v->focused].id);
    else cJSON_AddNullToObject(root, "focused");
    double today_x = scale_time_to_px(&v->scale, v->today_days);
    if (today_x >= c->frame.regions.timeline_x0 && today_x <= c->frame.regions.timeline_x1)
        cJSON_AddNumberToObject(root, "today_x", today_x);
    else
        cJSON_AddNullToObject(root, "today_x");
    cJSON_AddBoolToObject(root, "bucketed", c->frame.layout.bucketed);
    int anchor = c->frame.layout.story_pin;
    if (anchor >= 0) cJSON_AddStringToObject(root, "story_anchor", c->tl->events[anchor].id);
    else cJSON_AddNullToObject(root, "story_anchor");
    cJSON_AddBoolToObject(root, "pin_pad", v->pin_pad);
    const char *caption = v->caption ? timeline_text(c->tl, v->caption, v->lang) : "";
    if (caption[0]) cJSON_AddStringToObject(root, "caption", caption);
    else cJSON_AddNullToObject(root, "caption");
    cJSON *hidden = cJSON_AddArrayToObject(root, "hidden_categories");
    for (int i = 0; i < c->tl->category_count; i++)
        if (c->s.filter.category_hidden[i]) cJSON_AddItemToArray(hidden, cJSON_CreateString(c->tl->categories[i].id));
    cJSON *search = cJSON_AddObjectToObject(root, "search");
    cJSON_AddBoolToObject(search, "open", v->search_open);
    cJSON_AddStringToObject(search, "query", v->search_query);
    cJSON *results = cJSON_AddArrayToObject(search, "results");
    for (int i = 0; i < v->search_count; i++)
        cJSON_AddItemToArray(results, cJSON_CreateString(c->tl->events[v->search_results[i]].id));
    cJSON_AddNumberToObject(search, "count", v->search_count);
    cJSON_AddNumberToObject(search, "highlight", v->search_open ? v->search_highlight : -1);
    cJSON_AddNumberToObject(search, "first", c->frame.chrome.search_first);
    cJSON_AddNumberToObject(search, "shown", c->frame.chrome.search_shown);
    cJSON *snippets = cJSON_AddArrayToObject(search, "snippets");
    for (int k = 0; k < c->frame.chrome.search_shown; k++) {
        SearchSnippet snip;
        search_snippet(c->tl, v->lang, v->search_results[c->frame.chrome.search_first + k], v->search_query, 24, 110,
                       &snip);
        cJSON_AddItemToArray(snippets, cJSON_CreateString(snip.text));
    }
    cJSON_AddBoolToObject(root, "themes_open", v->themes_open);
    dump_panel(c, root);
    cJSON *badge = cJSON_AddObjectToObject(root, "badge_list");
    cJSON_AddBoolToObject(badge, "open", v->badge_open);
    cJSON *badge_ids = cJSON_AddArrayToObject(badge, "ids");
    for (int i = 0; v->badge_open && i < v->badge_count; i++)
        cJSON_AddItemToArray(badge_ids, cJSON_CreateString(c->tl->events[v->badge_events[i]].id));
    cJSON_AddNumberToObject(badge, "highlight", v->badge_open ? v->badge_highlight : -1);
    cJSON_AddNumberToObject(badge, "first", v->badge_open ? v->badge_first : 0);
    dump_files(c, root);
    dump_presenting(c, root);
    dump_presenter(c, root);
    dump_kiosk(c, root);
    dump_comfort(c, root);
    return root;
}

void dump_layout(Controller *c, FILE *out)
{
    controller_frame(c); /* layout and chrome as the frame shows them */
    cJSON *root = dump_state(c);
    cJSON *regions = cJSON_AddObjectToObject(root, "regions");
    cJSON_AddNumberToObject(regions, "axis_y", c->frame.regions.axis_y);
    cJSON_AddNumberToObject(regions, "timeline_x0", c->frame.regions.timeline_x0);
    cJSON_AddNumberToObject(regions, "timeline_x1", c->frame.regions.timeline_x1);
    cJSON_AddNumberToObject(regions, "content_y0", c->frame.regions.content_y0);
    cJSON_AddNumberToObject(regions, "content_y1", c->frame.regions.content_y1);
    cJSON_AddItemToObject(root, "cards", dump_cards(c));
    cJSON_AddItemToObject(root, "clusters", dump_clusters(c));
    cJSON_AddItemToObject(root, "ticks", dump_ticks(c));
    cJSON_AddItemToObject(root, "eras", dump_eras(c));
    cJSON_AddItemToObject(root, "spans", dump_spans(c));
    cJSON_AddItemToObject(root, "buttons", dump_buttons(c));
    cJSON_AddItemToObject(root, "tooltip", dump_tooltip(c));
    char *text = cJSON_Print(root);
    if (text) fprintf(out, "%s\n", text);
    free(text);
    cJSON_Delete(root);
}

/* ---- posters ------------------------------------------------------------------------------- */

static cJSON *poster_cards(const Poster *p, const Timeline *tl)
{
    cJSON *cards = cJSON_CreateArray();
    for (int i = 0; i < p->layout.card_count; i++) {
        const LayoutCard *k = &p->layout.cards[i];
        cJSON *o = card_json(tl, k);
        cJSON_AddNumberToObject(o, "row", k->row);
        cJSON_AddItemToArray(cards, o);
    }
    return cards;
}

static cJSON *poster_eras(const Poster *p, const Timeline *tl, int lang)
{
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; i < tl->era_count; i++) {
        const Era *e = &tl->eras[i];
        if (e->end_days < p->from_days || e->start_days > p->to_days) continue;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", e->id);
        cJSON_AddNumberToObject(o, "x0", scale_time_to_px(&p->scale, e->start_days));
        cJSON_AddNumberToObject(o, "x1", scale_time_to_px(&p->scale, e->end_days));
        cJSON_AddStringToObject(o, "label", timeline_text(tl, &e->label, lang));
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

void dump_poster(const Poster *p, const Timeline *tl, int lang, FILE *out)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddBoolToObject(root, "poster", true);
    cJSON *size = cJSON_AddObjectToObject(root, "size");
    cJSON_AddNumberToObject(size, "w", p->width_px);
    cJSON_AddNumberToObject(size, "h", p->height_px);
    cJSON *view = cJSON_AddObjectToObject(root, "view");
    add_iso(view, "from", p->from_days);
    add_iso(view, "to", p->to_days);
    cJSON_AddNumberToObject(view, "px_per_day", p->scale.px_per_day);
    cJSON_AddStringToObject(root, "lang", tl->langs[lang]);
    cJSON_AddNumberToObject(root, "ui", p->metrics.ui);
    cJSON_AddNumberToObject(root, "card_title_px", p->metrics.card_title_px);
    cJSON_AddNumberToObject(root, "events_shown", p->shown);
    cJSON_AddBoolToObject(root, "packed", p->packed);
    cJSON *regions = cJSON_AddObjectToObject(root, "regions");
    cJSON_AddNumberToObject(regions, "axis_y", p->regions.axis_y);
    cJSON_AddNumberToObject(regions, "rows_above", p->regions.rows_above);
    cJSON_AddNumberToObject(regions, "rows_below", p->regions.rows_below);
    cJSON_AddNumberToObject(regions, "timeline_x0", p->regions.timeline_x0);
    cJSON_AddNumberToObject(regions, "timeline_x1", p->regions.timeline_x1);
    cJSON_AddItemToObject(root, "cards", poster_cards(p, tl));
    cJSON *clusters = cJSON_AddArrayToObject(root, "clusters"); /* a poster's layout has none; said, not assumed */
    for (int i = 0; i < p->layout.cluster_count; i++)
        cJSON_AddItemToArray(clusters, cJSON_CreateNumber(p->layout.clusters[i].count));
    cJSON_AddItemToObject(root, "eras", poster_eras(p, tl, lang));
    char *text = cJSON_Print(root);
    if (text) fprintf(out, "%s\n", text);
    free(text);
    cJSON_Delete(root);
}
