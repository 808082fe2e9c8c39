/* test_panel.c: the open story's panel beyond reading: its sources' URLs
 * wrapped whole and followed, its citation copied, its image fitted and
 * shown large; and search's results, all of them, counted, with snippets.
 * Driven without SDL: gestures into panel_handle, what the app is asked
 * read from the controller's Requests, what shows read from the draw list. */
#include <math.h>
#include <string.h>

#include "interact_harness.h"
#include "panel_actions.h"
#include "test.h"

/* ---- helpers ------------------------------------------------------------------------------ */

static int event_id(const char *id)
{
    int e = timeline_find_event(&tl, id);
    if (e < 0) {
        fprintf(stderr, "no event %s in the shipped timeline\n", id);
        exit(1);
    }
    return e;
}

static void open_story(Controller *c, const char *id)
{
    controller_select(c, event_id(id));
    controller_frame(c);
}

static Gesture tap_at(float x, float y)
{
    return (Gesture){.type = GESTURE_TAP, .x = x, .y = y, .is_touch = false};
}

static Gesture key_gesture(int k, int mods)
{
    return (Gesture){.type = GESTURE_KEY, .key = k, .mods = mods};
}

static PanelTargets targets_of(Controller *c)
{
    ViewInput in = frame_input(c);
    PanelTargets t;
    view_panel_targets(&in, &t);
    return t;
}

/* Scrolls the story to its end (the frame keeps the scroll inside it). */
static void scroll_to_end(Controller *c)
{
    c->s.sel.panel_scroll_px = 100000;
    controller_frame(c);
}

/* The event whose sources hold the longest URL: it wraps on any screen. */
static int longest_url_event(int *source)
{
    int best = -1;
    size_t best_len = 0;
    for (int e = 0; e < tl.event_count; e++)
        for (int s = 0; s < tl.events[e].source_count; s++) {
            const char *url = tl.events[e].sources[s].url;
            if (url && strlen(url) > best_len) {
                best = e;
                *source = s;
                best_len = strlen(url);
            }
        }
    return best;
}

/* A text command's bytes as a string (the pool is not terminated). */
static const char *cmd_string(const DrawList *dl, const DrawCmd *cmd)
{
    static char buf[2048];
    size_t n = cmd->text_len < sizeof buf - 1 ? cmd->text_len : sizeof buf - 1;
    memcpy(buf, drawlist_cmd_text(dl, cmd), n);
    buf[n] = '\0';
    return buf;
}

static void build(Controller *c, DrawList *dl)
{
    controller_frame(c);
    controller_build(c, dl);
}

/* ---- source URLs ------------------------------------------------------------------------------ */

static void a_long_url_wraps_into_lines_that_each_fit_and_together_spell_it(void)
{
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1366, 768);
    int source = 0, e = longest_url_event(&source);
    CHECK(e >= 0);
    controller_select(&c, e);
    scroll_to_end(&c);
    PanelTargets t = targets_of(&c);
    const char *url = tl.events[e].sources[source].url;
    int lines = 0;
    DrawList dl = {0};
    build(&c, &dl);
    char joined[4096] = "";
    for (int i = 0; i < t.link_count; i++) {
        if (t.links[i].source != source) continue;
        lines++;
        CHECK(t.links[i].r.x + t.links[i].r.w <= c.frame.chrome.panel.x + c.frame.chrome.panel.w);
        /* the text drawn at the line's place: one piece of the URL */
        for (int k = 0; k < dl.count; k++) {
            const DrawCmd *cmd = &dl.cmds[k];
            if (cmd->kind == DRAW_TEXT && cmd->x == t.links[i].r.x && cmd->y == t.links[i].r.y)
                strncat(joined, cmd_string(&dl, cmd), sizeof joined - strlen(joined) - 1);
        }
    }
    CHECK(lines >= 2);
    CHECK_STR(joined, url); /* whole: nothing cut, nothing left out */
    drawlist_free(&dl);
    controller_free(&c);
}

static void a_tap_on_a_url_asks_the_app_to_open_it(void)
{
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1366, 768);
    int source = 0, e = longest_url_event(&source);
    controller_select(&c, e);
    scroll_to_end(&c);
    PanelTargets t = targets_of(&c);
    CHECK(t.link_count > 0);
    PanelLink last = t.links[t.link_count - 1]; /* any line of it */
    Gesture g = tap_at(last.r.x + last.r.w / 2, last.r.y + last.r.h / 2);
    CHECK(panel_handle(&c, &g));
    CHECK_STR(c.requests.open_url, tl.events[e].sources[last.source].url);
    controller_free(&c);
}

static void a_tap_beside_the_urls_opens_nothing(void)
{
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1366, 768);
    open_story(&c, "relations-1956");
    Rect body = c.frame.chrome.panel_body;
    Gesture g = tap_at(body.x + 4, body.y + 4);
    CHECK(!panel_handle(&c, &g));
    CHECK_STR(c.requests.open_url, "");
    controller_free(&c);
}

static void the_kiosk_never_opens_a_url(void)
{
    Controller c;
    start_at(&c, VIEW_KIOSK, -1, NULL, 1920, 1080);
    int source = 0, e = longest_url_event(&source);
    controller_select(&c, e);
    scroll_to_end(&c);
    PanelTargets t = targets_of(&c);
    CHECK(t.link_count > 0); /* the URLs show, to be read or copied by hand */
    for (int i = 0; i < t.link_count; i++) {
        Gesture g = tap_at(t.links[i].r.x + 2, t.links[i].r.y + 2);
        panel_handle(&c, &g);
    }
    CHECK_STR(c.requests.open_url, "");
    controller_free(&c);
}

static void only_web_addresses_are_handed_to_the_browser(void)
{
    CHECK(panel_url_is_openable("https://example.org/a?b=c"));
    CHECK(panel_url_is_openable("http://example.org/"));
    CHECK(!panel_url_is_openable("file:///etc/passwd"));
    CHECK(!panel_url_is_openable("javascript:alert(1)"));
    CHECK(!panel_url_is_openable("steam://run/1"));
    CHECK(!panel_url_is_openable("https://example.org/\n--flag"));
    CHECK(!panel_url_is_openable(NULL));
}

/* ---- the citation ------------------------------------------------------------------------------- */

static void ctrl_c_copies_the_open_story_citation_with_its_sources(void)
{
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1366, 768);
    c.s.lang = timeline_lang_index(&tl, "en");
    open_story(&c, "relations-1956");
    Gesture g = key_gesture('c', MOD_CTRL);
    CHECK(panel_handle(&c, &g));
    const Event *ev = &tl.events[event_id("relations-1956")];
    const char *clip = c.requests.clipboard;
    CHECK(strstr(clip, timeline_text(&tl, &ev->title, c.s.lang)) == clip); /* the title first */
    CHECK(strstr(clip, "1956") != NULL);                                   /* its date */
    CHECK(strstr(clip, "Sources:") != NULL);
    for (int s = 0; s < ev->source_count; s++) {
        CHECK(strstr(clip, timeline_text(&tl, &ev->sources[s].title, c.s.lang)) != NULL);
        if (ev->sources[s].url) CHECK(strstr(clip, ev->sources[s].url) != NULL);
    }
    controller_free(&c);
}

static void the_french_citation_keeps_french_typography(void)
{
    char text[4096];
    int fr = timeline_lang_index(&tl, "fr");
    panel_citation(&tl, event_id("relations-1956"), fr, text, sizeof text);
    CHECK(strstr(text, "Sources\u00A0:\n") != NULL);
}

static void ctrl_c_with_no_story_open_copies_nothing(void)
{
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1366, 768);
    Gesture g = key_gesture('c', MOD_CTRL);
    CHECK(!panel_handle(&c, &g));
    CHECK_STR(c.requests.clipboard, "");
    controller_free(&c);
}

static void a_citation_never_overflows_its_buffer(void)
{
    char small[40];
    size_t n = panel_citation(&tl, event_id("relations-1956"), 0, small, sizeof small);
    CHECK(n < sizeof small);
    CHECK_INT((int)strlen(small), (int)n);
}

/* ---- the image ---------------------------------------------------------------------------------- */

static const DrawCmd *find_image(const DrawList *dl, int nth)
{
    for (int k = 0; k < dl->count; k++)
        if (dl->cmds[k].kind == DRAW_IMAGE && nth-- == 0) return &dl->cmds[k];
    return NULL;
}

static void the_panel_image_is_fitted_whole_never_cropped(void)
{
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1366, 768);
    open_story(&c, "relations-1956");
    PanelTargets t = targets_of(&c);
    CHECK(t.image.w > 0);
    DrawList dl = {0};
    build(&c, &dl);
    bool found = false;
    for (int k = 0; k < dl.count; k++) {
        const DrawCmd *cmd = &dl.cmds[k];
        if (cmd->kind == DRAW_IMAGE && cmd->x == t.image.x && cmd->y == t.image.y) {
            found = true;
            CHECK(!cmd->filled); /* letterboxed inside its box */
        }
    }
    CHECK(found);
    drawlist_free(&dl);
    controller_free(&c);
}

static void a_tap_on_the_image_shows_it_large_and_a_key_or_tap_closes_it(void)
{
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1366, 768);
    open_story(&c, "relations-1956");
    PanelTargets t = targets_of(&c);
    Gesture g = tap_at(t.image.x + t.image.w / 2, t.image.y + t.image.h / 2);
    CHECK(panel_handle(&c, &g));
    CHECK(c.image_open);
    /* while it is large, nothing under it moves */
    Gesture wheel = {.type = GESTURE_WHEEL, .x = 100, .y = 300, .dy = 1};
    CHECK(panel_handle(&c, &wheel));
    Gesture esc = key_gesture(KEY_ESCAPE, 0);
    CHECK(panel_handle(&c, &esc));
    CHECK(!c.image_open);
    CHECK_INT(c.s.sel.selected, event_id("relations-1956")); /* Esc closed the image, not the story */
    CHECK(panel_handle(&c, &g));
    CHECK(c.image_open);
    Gesture anywhere = tap_at(10, 10);
    CHECK(panel_handle(&c, &anywhere));
    CHECK(!c.image_open);
    Gesture any_key = key_gesture('x', 0);
    CHECK(panel_handle(&c, &g));
    CHECK(panel_handle(&c, &any_key));
    CHECK(!c.image_open);
    controller_free(&c);
}

static void enter_on_the_open_story_card_shows_its_image_large(void)
{
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1366, 768);
    open_story(&c, "relations-1956");
    c.s.sel.focus_kind = FOCUS_EVENT;
    c.s.sel.focused = c.s.sel.selected;
    Gesture enter = key_gesture(KEY_RETURN, 0);
    CHECK(panel_handle(&c, &enter));
    CHECK(c.image_open);
    controller_free(&c);
}

static void the_large_image_fills_the_window_whole_with_its_credit(void)
{
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1366, 768);
    open_story(&c, "relations-1956");
    ViewInput in = frame_input(&c);
    ViewState v = *in.state;
    v.image_open = true; /* as the controller derives it from c.image_open */
    in.state = &v;
    DrawList dl = {0};
    view_draw_overlays(&dl, &in);
    const DrawCmd *img = find_image(&dl, 0);
    CHECK(img != NULL);
    if (img) {
        CHECK(!img->filled);
        CHECK(img->w > 1366 * 0.9f);
        CHECK(img->h > 768 * 0.75f);
    }
    const Event *ev = &tl.events[v.selected];
    const char *credit = timeline_text(&tl, &ev->image.credit, v.lang);
    bool credited = false;
    for (int k = 0; k < dl.count; k++)
        if (dl.cmds[k].kind == DRAW_TEXT && credit[0] &&
            strstr(cmd_string(&dl, &dl.cmds[k]), credit) != NULL)
            credited = true;
    CHECK(credited);
    drawlist_free(&dl);
    controller_free(&c);
}

static void closing_the_story_forgets_the_large_image(void)
{
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1366, 768);
    open_story(&c, "relations-1956");
    PanelTargets t = targets_of(&c);
    Gesture g = tap_at(t.image.x + 5, t.image.y + 5);
    panel_handle(&c, &g);
    controller_select(&c, -1);
    Gesture k = key_gesture(KEY_LEFT, 0);
    CHECK(!panel_handle(&c, &k)); /* the key goes to the timeline */
    CHECK(!c.image_open);
    controller_free(&c);
}

/* ---- search --------------------------------------------------------------------------------------- */

static void type_query(Controller *c, const char *q)
{
    session_open_search(&c->s, false);
    session_search_append(&c->s, q);
    controller_frame(c);
}

static void search_keeps_every_match_and_shows_their_count(void)
{
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1366, 768);
    type_query(&c, "sovi");
    CHECK(c.s.search.count > 8); /* not the old eight */
    const ViewChrome *ch = &c.frame.chrome;
    CHECK(ch->search_shown >= 1 && ch->search_shown <= c.s.search.count);
    CHECK(ch->search_list.w > 0);
    DrawList dl = {0};
    build(&c, &dl);
    char count[32];
    snprintf(count, sizeof count, "%d ", c.s.search.count);
    bool counted = false;
    for (int k = 0; k < dl.count; k++)
        if (dl.cmds[k].kind == DRAW_TEXT && strncmp(cmd_string(&dl, &dl.cmds[k]), count, strlen(count)) == 0)
            counted = true;
    CHECK(counted);
    drawlist_free(&dl);
    controller_free(&c);
}

static void the_result_list_scrolls_to_keep_the_keyboard_row_shown(void)
{
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1280, 720);
    type_query(&c, "sovi");
    int n = c.s.search.count;
    for (int h = 0; h < n; h++) {
        c.s.search.highlight = h;
        const ViewChrome *ch = &controller_frame(&c)->chrome;
        CHECK(h >= ch->search_first && h < ch->search_first + ch->search_shown);
        CHECK(ch->search_rows[h].w > 0);
        for (int i = 0; i < n; i++) /* rows out of the list are not there to tap */
            if (i < ch->search_first || i >= ch->search_first + ch->search_shown) CHECK(ch->search_rows[i].w == 0);
        Rect last = ch->search_rows[ch->search_first + ch->search_shown - 1];
        CHECK(last.y + last.h <= c.frame.regions.content_y1);
    }
    controller_free(&c);
}

static void a_wheel_over_the_results_walks_them_and_the_list_follows(void)
{
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1280, 720);
    type_query(&c, "sovi");
    Rect list = c.frame.chrome.search_list;
    Gesture down = {.type = GESTURE_WHEEL, .x = list.x + 20, .y = list.y + list.h / 2, .dy = -1};
    for (int i = 0; i < c.s.search.count + 3; i++) CHECK(panel_handle(&c, &down));
    CHECK_INT(c.s.search.highlight, c.s.search.count - 1); /* stops at the last */
    const ViewChrome *ch = &controller_frame(&c)->chrome;
    CHECK_INT(ch->search_first + ch->search_shown, c.s.search.count);
    Gesture up = down;
    up.dy = 1;
    CHECK(panel_handle(&c, &up));
    CHECK_INT(c.s.search.highlight, c.s.search.count - 2);
    Gesture on_count = tap_at(list.x + 20, list.y + 4);
    CHECK(panel_handle(&c, &on_count)); /* kept open */
    CHECK(c.s.search.open);
    Gesture elsewhere = {.type = GESTURE_WHEEL, .x = 10, .y = 400, .dy = -1};
    CHECK(!panel_handle(&c, &elsewhere)); /* the timeline's */
    controller_free(&c);
}

static void a_snippet_shows_the_match_as_written_with_words_around_it(void)
{
    int fr = timeline_lang_index(&tl, "fr");
    SearchSnippet s;
    /* "hopital" finds "hôpital": the snippet shows it as written */
    bool found = false;
    for (int e = 0; e < tl.event_count && !found; e++) {
        if (!search_snippet(&tl, fr, e, "hopital", 24, 110, &s) || s.field == SEARCH_IN_TITLE) continue;
        found = true;
        char match[64];
        size_t n = s.match_len < sizeof match - 1 ? s.match_len : sizeof match - 1;
        memcpy(match, s.text + s.match_at, n);
        match[n] = '\0';
        char folded[64];
        search_fold(match, folded, sizeof folded);
        CHECK_STR(folded, "hopital");
        CHECK(strlen(s.text) < SEARCH_SNIPPET_MAX);
    }
    CHECK(found);
    CHECK(!search_snippet(&tl, fr, 0, "zzzzqqq", 24, 110, &s));
    CHECK_INT(s.field, SEARCH_IN_NONE);
}

static void a_title_match_shows_the_whole_title(void)
{
    int en = timeline_lang_index(&tl, "en");
    int e = event_id("relations-1956");
    const char *title = timeline_text(&tl, &tl.events[e].title, en);
    SearchSnippet s;
    const char *last_word = strrchr(title, ' ');
    CHECK(last_word != NULL);
    CHECK(search_snippet(&tl, en, e, last_word + 1, 4, 10, &s));
    CHECK_INT(s.field, SEARCH_IN_TITLE);
    CHECK_STR(s.text, title);
}

/* ---- readable sizes ------------------------------------------------------------------------------ */

static bool inside_rect(Rect r, float x, float y)
{
    return r.w > 0 && x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

static void on_laptop_screens_panel_and_menu_text_is_12_px_or_more(void)
{
    static const float sizes[][2] = {{1280, 720}, {1366, 768}};
    for (int s = 0; s < 2; s++) {
        Controller c;
        start_at(&c, VIEW_EXPLORE, -1, NULL, sizes[s][0], sizes[s][1]);
        open_story(&c, "relations-1956");
        type_query(&c, "sovi");
        DrawList dl = {0};
        build(&c, &dl);
        const ViewChrome *ch = &c.frame.chrome;
        int checked = 0;
        for (int k = 0; k < dl.count; k++) {
            const DrawCmd *cmd = &dl.cmds[k];
            if (cmd->kind != DRAW_TEXT) continue;
            if (!inside_rect(ch->panel, cmd->x, cmd->y) && !inside_rect(ch->search_list, cmd->x, cmd->y)) continue;
            checked++;
            if (cmd->size_px < 12)
                fprintf(stderr, "  %gx%g: %d px at (%g, %g): %.*s\n", sizes[s][0], sizes[s][1], cmd->size_px, cmd->x,
                        cmd->y, (int)cmd->text_len, drawlist_cmd_text(&dl, cmd));
            CHECK(cmd->size_px >= 12);
        }
        CHECK(checked > 10);
        drawlist_free(&dl);
        controller_free(&c);
    }
}

static void on_laptop_screens_panel_and_menu_buttons_are_32_px_or_more(void)
{
    static const float sizes[][2] = {{1280, 720}, {1366, 768}};
    for (int s = 0; s < 2; s++) {
        Controller c;
        start_at(&c, VIEW_EXPLORE, -1, NULL, sizes[s][0], sizes[s][1]);
        open_story(&c, "relations-1956");
        type_query(&c, "sovi");
        const ViewChrome *ch = &c.frame.chrome;
        CHECK(ch->panel_close.h >= 32 && ch->panel_close.w >= 32);
        CHECK(ch->panel_prev.h >= 32 && ch->panel_next.h >= 32);
        CHECK(ch->search_field.h >= 32);
        for (int i = 0; i < ch->search_shown; i++) CHECK(ch->search_rows[ch->search_first + i].h >= 32);
        session_close_search(&c.s);
        c.s.themes_open = true;
        ch = &controller_frame(&c)->chrome;
        CHECK(ch->themes_button.h >= 32);
        for (int i = 0; i < ch->theme_row_count; i++) CHECK(ch->theme_rows[i].h >= 32);
        for (int i = 0; i < ch->tag_row_count; i++) CHECK(ch->tag_rows[i].h >= 32);
        controller_free(&c);
    }
}

/* ---- a styled story (TimelineJS HTML) ---------------------------------------------------------- */

/* Runs fn with the styled fixture as the timeline (the shipped one is put
 * back after). */
static void with_styled_story(void (*fn)(void))
{
    Timeline shipped = tl;
    load_fixture_file(FRISE_TEST_DATA "/good/timelinejs-styled.json");
    fn();
    timeline_free(&tl);
    tl = shipped;
}

/* The first text command drawing exactly s, or NULL. */
static const DrawCmd *text_cmd(const DrawList *dl, const char *s)
{
    for (int i = 0; i < dl->count; i++)
        if (dl->cmds[i].kind == DRAW_TEXT && strcmp(cmd_string(dl, &dl->cmds[i]), s) == 0) return &dl->cmds[i];
    return NULL;
}

static bool any_text_holds(const DrawList *dl, const char *s)
{
    for (int i = 0; i < dl->count; i++)
        if (dl->cmds[i].kind == DRAW_TEXT && strstr(cmd_string(dl, &dl->cmds[i]), s)) return true;
    return false;
}

/* Whether a line is drawn under the text command (an underline). */
static bool underlined(const DrawList *dl, const DrawCmd *t)
{
    for (int i = 0; i < dl->count; i++) {
        const DrawCmd *l = &dl->cmds[i];
        if (l->kind == DRAW_LINE && l->h == 0 && fabsf(l->x - t->x) < 0.5f && l->y > t->y && l->y < t->y + 40 &&
            l->w > 10)
            return true;
    }
    return false;
}

static bool same_colour(Colour a, Colour b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

static void styled_story_in_the_explorer(void)
{
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1920, 1080);
    open_story(&c, "rich");
    DrawList dl = {0};
    build(&c, &dl);
    ViewInput in = frame_input(&c);
    const DrawCmd *bold = text_cmd(&dl, "Galileo Galilei");
    CHECK(bold && bold->face == FONT_BOLD);
    const DrawCmd *italic = text_cmd(&dl, "three small stars");
    CHECK(italic && italic->face == FONT_ITALIC);
    const DrawCmd *both = text_cmd(&dl, "four");
    CHECK(both && both->face == FONT_BOLD_ITALIC);
    const DrawCmd *link = text_cmd(&dl, "the Galilean moons");
    CHECK(link && link->face == FONT_REGULAR && same_colour(link->colour, in.theme->accent));
    CHECK(link && underlined(&dl, link));
    const DrawCmd *after = text_cmd(&dl, " or the ");
    CHECK(after && same_colour(after->colour, in.theme->ink) && link && after->x > link->x);
    CHECK(!any_text_holds(&dl, "(https://")); /* the link opens: its address is not repeated */
    CHECK(!any_text_holds(&dl, "<b>") && !any_text_holds(&dl, "&amp;"));
    /* A tap on the link's words asks the app to open its address. */
    PanelTargets t = targets_of(&c);
    int found = -1;
    for (int i = 0; i < t.link_count; i++)
        if (t.links[i].source == -1 && strcmp(t.links[i].url, "https://en.wikipedia.org/wiki/Galilean_moons") == 0)
            found = i;
    CHECK(found >= 0);
    if (found >= 0) {
        Gesture g = tap_at(t.links[found].r.x + 4, t.links[found].r.y + 4);
        CHECK(panel_handle(&c, &g));
        CHECK_STR(c.requests.open_url, "https://en.wikipedia.org/wiki/Galilean_moons");
        CHECK(link && fabsf(t.links[found].r.x - link->x) < 0.5f && fabsf(t.links[found].r.y - link->y) < 0.5f);
    }
    drawlist_free(&dl);
    controller_free(&c);
}

static void the_story_draws_bold_italic_and_links_styled_and_a_click_follows_a_link(void)
{
    with_styled_story(styled_story_in_the_explorer);
}

static void styled_story_in_the_kiosk(void)
{
    Controller c;
    start_at(&c, VIEW_KIOSK, -1, NULL, 1920, 1080);
    open_story(&c, "rich");
    scroll_to_end(&c);
    DrawList dl = {0};
    build(&c, &dl);
    const DrawCmd *link = text_cmd(&dl, "the Galilean moons");
    CHECK(link && !underlined(&dl, link)); /* styled, but nothing to click */
    /* Listed with the sources, address in full (and a QR code: kiosk_qr.sh). */
    CHECK(text_cmd(&dl, "https://en.wikipedia.org/wiki/Galilean_moons") != NULL);
    CHECK(text_cmd(&dl, "https://www.gutenberg.org/ebooks/46036?a=1&b=2") != NULL);
    CHECK(text_cmd(&dl, "Sources") != NULL);
    PanelTargets t = targets_of(&c);
    for (int i = 0; i < t.link_count; i++) {
        Gesture g = tap_at(t.links[i].r.x + 2, t.links[i].r.y + 2);
        panel_handle(&c, &g);
    }
    CHECK_STR(c.requests.open_url, "");
    drawlist_free(&dl);
    controller_free(&c);
}

static void in_the_kiosk_a_link_is_never_opened_and_its_address_is_listed_with_the_sources(void)
{
    with_styled_story(styled_story_in_the_kiosk);
}

static void plain_story_unchanged(void)
{
    Controller c;
    start_at(&c, VIEW_EXPLORE, -1, NULL, 1920, 1080);
    open_story(&c, "other");
    DrawList dl = {0};
    build(&c, &dl);
    const DrawCmd *line = text_cmd(&dl, "Plain text, no tags.");
    CHECK(line && line->face == FONT_REGULAR);
    drawlist_free(&dl);
    controller_free(&c);
}

static void a_plain_story_is_one_regular_piece_a_line(void)
{
    with_styled_story(plain_story_unchanged);
}

int main(void)
{
    load_fixture_file(FRISE_SOURCE_DIR "/data/timeline.json");
    RUN(a_long_url_wraps_into_lines_that_each_fit_and_together_spell_it);
    RUN(a_tap_on_a_url_asks_the_app_to_open_it);
    RUN(a_tap_beside_the_urls_opens_nothing);
    RUN(the_kiosk_never_opens_a_url);
    RUN(only_web_addresses_are_handed_to_the_browser);
    RUN(ctrl_c_copies_the_open_story_citation_with_its_sources);
    RUN(the_french_citation_keeps_french_typography);
    RUN(ctrl_c_with_no_story_open_copies_nothing);
    RUN(a_citation_never_overflows_its_buffer);
    RUN(the_panel_image_is_fitted_whole_never_cropped);
    RUN(a_tap_on_the_image_shows_it_large_and_a_key_or_tap_closes_it);
    RUN(enter_on_the_open_story_card_shows_its_image_large);
    RUN(the_large_image_fills_the_window_whole_with_its_credit);
    RUN(closing_the_story_forgets_the_large_image);
    RUN(search_keeps_every_match_and_shows_their_count);
    RUN(the_result_list_scrolls_to_keep_the_keyboard_row_shown);
    RUN(a_wheel_over_the_results_walks_them_and_the_list_follows);
    RUN(a_snippet_shows_the_match_as_written_with_words_around_it);
    RUN(a_title_match_shows_the_whole_title);
    RUN(on_laptop_screens_panel_and_menu_text_is_12_px_or_more);
    RUN(on_laptop_screens_panel_and_menu_buttons_are_32_px_or_more);
    RUN(the_story_draws_bold_italic_and_links_styled_and_a_click_follows_a_link);
    RUN(in_the_kiosk_a_link_is_never_opened_and_its_address_is_listed_with_the_sources);
    RUN(a_plain_story_is_one_regular_piece_a_line);
    timeline_free(&tl);
    return TEST_REPORT();
}
