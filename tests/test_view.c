/* test_view.c: specifications of the screen as a draw list: what a card
 * shows at every UI scale, drawn from the same geometry that sized it. */
#include "layout.h"
#include "test.h"
#include "test_support.h"
#include "ui_text.h"
#include "view.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

/* One event whose title wraps to exactly two lines on a card (at any UI
 * scale: the fake measurer's widths scale with the type) and whose summary
 * has text for many more lines than a card holds. */
static void one_event_timeline(Timeline *tl)
{
    memset(tl, 0, sizeof *tl);
    strcpy(tl->langs[0], "en");
    tl->lang_count = 1;
    tl->events = arena_alloc(&tl->arena, sizeof *tl->events);
    tl->event_count = 1;
    Event *ev = &tl->events[0];
    memset(ev, 0, sizeof *ev);
    ev->id = "e0";
    ev->start = date_from_days(0);
    ev->end = ev->start;
    ev->start_days = 0;
    ev->end_days = 1;
    ev->category = -1;
    text_set(tl, &ev->title, 0, "Alpha beta gamma delta epsilon zeta eta theta");
    text_set(tl, &ev->summary, 0, "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                             "fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three "
                             "twenty-four twenty-five twenty-six twenty-seven twenty-eight twenty-nine thirty");
    tl->min_days = -400;
    tl->max_days = 400;
}

typedef struct Drawn {
    DrawList dl;
    LayoutMetrics m;
    Layout layout;
} Drawn;

/* The explorer's frame of tl at w x h, centred on day 0. */
static void draw_frame(Drawn *d, const Timeline *tl, float w, float h)
{
    memset(d, 0, sizeof *d);
    d->m = layout_metrics(w, h, LAYOUT_STYLE_DESKTOP, &MEASURE);
    Regions r = layout_regions(w, h, &d->m, 0, 0, false);
    ViewState st = {.lang = 0, .selected = -1, .focused = -1, .hovered = -1, .mode = VIEW_EXPLORE};
    st.scale = (TimeScale){0, 1, r.timeline_x0, r.timeline_x1 - r.timeline_x0};
    scale_fit(&st.scale, -400, 400);
    LayoutInput li = {tl, &st.scale, &d->m, &r, NULL, NULL, NULL, false, -1};
    layout_build(&d->layout, &li);
    Theme theme = view_theme(THEME_LIGHT);
    ViewChrome chrome = view_chrome(tl, &st, &r, &d->m, &MEASURE);
    Tick ticks[SCALE_MAX_TICKS];
    int tick_count = view_ticks(tl, &st, &d->m, &MEASURE, ticks);
    ViewInput in = {tl, &st, &d->layout, &r, &d->m, &MEASURE, &theme, &chrome, ticks, tick_count, NULL, NULL};
    view_build(&d->dl, &in);
}

/* Text lines of size_px drawn inside the first card. */
static int lines_in_card(const Drawn *d, int size_px)
{
    const LayoutCard *c = &d->layout.cards[0];
    int n = 0;
    for (int i = 0; i < d->dl.count; i++) {
        const DrawCmd *cmd = &d->dl.cmds[i];
        bool inside = cmd->x >= c->x && cmd->x < c->x + c->w && cmd->y >= c->y - 4 && cmd->y < c->y + c->h;
        if (cmd->kind == DRAW_TEXT && cmd->size_px == size_px && inside) n++;
    }
    return n;
}

static void a_card_with_a_two_line_title_shows_every_summary_line_at_every_ui_scale(void)
{
    static const float sizes[][2] = {{1280, 720}, {1920, 1080}, {2560, 1440}, {3840, 2160}, {1080, 1920}};
    Timeline tl;
    one_event_timeline(&tl);
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        Drawn d;
        draw_frame(&d, &tl, sizes[i][0], sizes[i][1]);
        CHECK_INT(d.layout.card_count, 1);
        if (d.layout.card_count == 1) {
            CHECK_INT(lines_in_card(&d, d.m.card_title_px), 2);
            CHECK_INT(lines_in_card(&d, d.m.summary_px), d.m.card_summary_lines);
            if (lines_in_card(&d, d.m.summary_px) != d.m.card_summary_lines)
                fprintf(stderr, "  at %gx%g (ui %.2f)\n", sizes[i][0], sizes[i][1], d.m.ui);
        }
        drawlist_free(&d.dl);
        layout_free(&d.layout);
    }
    timeline_free(&tl);
}

static void a_card_is_as_tall_as_its_parts(void)
{
    LayoutMetrics m = layout_metrics(2560, 1440, LAYOUT_STYLE_DESKTOP, &MEASURE);
    const CardBox *b = &m.card;
    CHECK(b->bar_h > 0 && b->date_y >= b->bar_h + m.card_pad);
    CHECK(b->title_y >= b->date_y + b->date_line_h);
    float summary_end = b->title_y + m.card_title_lines * b->title_line_h + b->summary_gap +
                        m.card_summary_lines * b->summary_line_h;
    CHECK_NEAR(m.card_h, summary_end + m.card_pad, 1e-3);
}

/* A badge's count fits its circle: at most five characters, rounded down. */
static void badge_counts_fit_their_badge(void)
{
    char s[16];
    view_count_label(7, s, sizeof s);
    CHECK_STR(s, "+7");
    view_count_label(999, s, sizeof s);
    CHECK_STR(s, "+999");
    view_count_label(1639, s, sizeof s);
    CHECK_STR(s, "1.6k");
    view_count_label(9999, s, sizeof s);
    CHECK_STR(s, "9.9k");
    view_count_label(16390, s, sizeof s);
    CHECK_STR(s, "16k");
    view_count_label(999999, s, sizeof s);
    CHECK_STR(s, "999k");
    view_count_label(1250000, s, sizeof s);
    CHECK_STR(s, "1.2M");
}

/* An open badge's list stands above the badges, inside the timeline area,
 * at any window size, with rows for as many events as fit and "zoom in". */
static void a_badge_list_stays_inside_the_timeline_above_the_badges(void)
{
    static const float sizes[][2] = {{800, 600}, {1280, 720}, {1366, 768}, {1920, 1080}, {3840, 2160}};
    int events[40];
    for (int i = 0; i < 40; i++) events[i] = i;
    Timeline tl;
    memset(&tl, 0, sizeof tl);
    strcpy(tl.langs[0], "en");
    tl.lang_count = 1;
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        for (int count = 2; count <= 40; count += 19) {
            float w = sizes[k][0], h = sizes[k][1];
            LayoutMetrics m = layout_metrics(w, h, LAYOUT_STYLE_DESKTOP, &MEASURE);
            Regions r = layout_regions(w, h, &m, 2, 0, false);
            for (float bx = 0; bx <= w; bx += w / 4) {
                ViewState st = {.selected = -1, .focused = -1, .hovered = -1, .mode = VIEW_EXPLORE, .badge_open = true,
                                .badge_events = events, .badge_count = count, .badge_x = bx};
                ViewChrome c = view_chrome(&tl, &st, &r, &m, &MEASURE);
                Rect b = c.badge_list;
                CHECK(b.w > 0 && b.x >= r.timeline_x0 && b.x + b.w <= r.timeline_x1);
                CHECK(b.y >= r.content_y0 && b.y + b.h <= r.cluster_y - m.badge_d / 2);
                CHECK(c.badge_row_count >= 1 && c.badge_row_count <= count);
                CHECK(c.badge_zoom.w > 0 && c.badge_zoom.y >= c.badge_rows[c.badge_row_count - 1].y);
                if (count <= 3 && h >= 720) CHECK_INT(c.badge_row_count, count);
            }
        }
    }
}

/* ---- the story panel: tags and the mark of a text in another language ------------------------ */

/* How many text commands of dl say exactly s (or contain it, when part). */
static int drawn_count(const DrawList *dl, const char *s, bool part)
{
    int count = 0;
    for (int i = 0; i < dl->count; i++) {
        const DrawCmd *c = &dl->cmds[i];
        if (c->kind != DRAW_TEXT) continue;
        char buf[512];
        size_t n = c->text_len < sizeof buf - 1 ? c->text_len : sizeof buf - 1;
        memcpy(buf, dl->text + c->text_offset, n);
        buf[n] = '\0';
        count += part ? strstr(buf, s) != NULL : strcmp(buf, s) == 0;
    }
    return count;
}

static bool drawn_text(const DrawList *dl, const char *s, bool part)
{
    return drawn_count(dl, s, part) > 0;
}

static void story_frame(DrawList *dl, const Timeline *tl, int lang)
{
    float w = 1920, h = 1080;
    LayoutMetrics m = layout_metrics(w, h, LAYOUT_STYLE_DESKTOP, &MEASURE);
    ViewState st = {.lang = lang, .selected = 0, .focused = 0, .hovered = -1, .mode = VIEW_EXPLORE, .only_tag = -1};
    Regions r = layout_regions(w, h, &m, 0, view_panel_width(w, m.ui, &st), false);
    st.scale = (TimeScale){0, 1, r.timeline_x0, r.timeline_x1 - r.timeline_x0};
    scale_fit(&st.scale, -400, 400);
    Layout layout = {0};
    LayoutInput li = {tl, &st.scale, &m, &r, NULL, NULL, NULL, true, 0};
    layout_build(&layout, &li);
    Theme theme = view_theme(THEME_LIGHT);
    ViewChrome chrome = view_chrome(tl, &st, &r, &m, &MEASURE);
    ViewInput in = {tl, &st, &layout, &r, &m, &MEASURE, &theme, &chrome, NULL, 0, NULL, NULL};
    view_build(dl, &in);
    layout_free(&layout);
}

static void a_story_shows_its_tags_and_marks_a_text_in_another_language(void)
{
    Timeline tl;
    one_event_timeline(&tl);
    strcpy(tl.langs[1], "fr");
    tl.lang_count = 2;
    Event *ev = &tl.events[0];
    text_set(&tl, &ev->title, 1, "Alpha en français");
    text_set(&tl, &ev->summary, 1, "Résumé");
    text_set(&tl, &ev->body, 0, "The whole story, only in English.");
    static const char *tags[] = {"Moon", "Apollo"};
    ev->tags = tags;
    ev->tag_count = 2;
    DrawList dl = {0};
    story_frame(&dl, &tl, 1); /* French: the body falls back to English */
    CHECK_INT(drawn_count(&dl, "EN", false), 2); /* the header's button and the mark */
    CHECK(drawn_text(&dl, "texte en", false));
    CHECK(drawn_text(&dl, "Moon", true));
    CHECK(drawn_text(&dl, "Apollo", true));
    CHECK(drawn_text(&dl, "Mots-clés", true));
    drawlist_clear(&dl);
    story_frame(&dl, &tl, 0); /* English: everything is English, no mark */
    CHECK_INT(drawn_count(&dl, "EN", false), 1); /* the header's button only */
    CHECK_INT(drawn_count(&dl, "FR", false), 1);
    CHECK(!drawn_text(&dl, "text in", false));
    CHECK(drawn_text(&dl, "Tags", true));
    drawlist_free(&dl);
    timeline_free(&tl);
}

/* A date in the file's own words shows on the card and in the story; a
 * long date Frise words shortens to its years on the card, whole in the story. */
static void a_card_shows_the_files_own_date_and_a_long_date_shortens_to_years(void)
{
    Timeline tl;
    one_event_timeline(&tl);
    Event *ev = &tl.events[0];
    text_set(&tl, &ev->display_date, 0, "Spring of that year");
    DrawList dl = {0};
    story_frame(&dl, &tl, 0);
    CHECK_INT(drawn_count(&dl, "Spring of that year", false), 2); /* the card and the story */
    drawlist_clear(&dl);
    text_set(&tl, &ev->display_date, 0, NULL);
    ev->start = (Date){.year = 1815, .month = 12, .day = 10, .precision = DATE_PREC_DAY};
    ev->end = (Date){.year = 1852, .month = 11, .day = 27, .precision = DATE_PREC_DAY};
    ev->has_end = true;
    story_frame(&dl, &tl, 0);
    CHECK(drawn_text(&dl, "1815–1852", false));                      /* the card */
    CHECK(drawn_text(&dl, "10 December 1815 – 27 November 1852", false)); /* the story */
    drawlist_free(&dl);
    timeline_free(&tl);
}

/* ---- the timeline area (issue 8) ---------------------------------------------------------- */

/* A frame whose view state the test sets up, kept whole for view_* calls. */
typedef struct Framed {
    DrawList dl;
    LayoutMetrics m;
    Regions r;
    Layout layout;
    ViewState st;
    Theme theme;
    ViewChrome chrome;
    Tick ticks[SCALE_MAX_TICKS];
    ViewInput in;
} Framed;

static void frame_view(Framed *f, const Timeline *tl, float w, float h, ViewState st, double from, double to)
{
    memset(f, 0, sizeof *f);
    f->m = layout_metrics(w, h, LAYOUT_STYLE_DESKTOP, &MEASURE);
    f->r = layout_regions(w, h, &f->m, tl->lane_count, 0, false);
    f->st = st;
    f->st.scale = (TimeScale){0, 1, f->r.timeline_x0, f->r.timeline_x1 - f->r.timeline_x0};
    scale_fit(&f->st.scale, from, to);
    LayoutInput li = {tl, &f->st.scale, &f->m, &f->r, st.category_hidden, NULL, NULL, false, -1};
    layout_build(&f->layout, &li);
    f->theme = view_theme(THEME_LIGHT);
    f->chrome = view_chrome(tl, &f->st, &f->r, &f->m, &MEASURE);
    int n = view_ticks(tl, &f->st, &f->m, &MEASURE, f->ticks);
    f->in = (ViewInput){tl, &f->st, &f->layout, &f->r, &f->m, &MEASURE, &f->theme, &f->chrome, f->ticks, n, NULL, NULL};
    view_build(&f->dl, &f->in);
}

static void frame_free(Framed *f)
{
    drawlist_free(&f->dl);
    layout_free(&f->layout);
}

static ViewState explore_state(void)
{
    return (ViewState){.selected = -1, .focused = -1, .hovered = -1, .mode = VIEW_EXPLORE, .only_tag = -1};
}

static int title_lines_drawn(const Framed *f)
{
    const LayoutCard *c = &f->layout.cards[0];
    int n = 0;
    for (int i = 0; i < f->dl.count; i++) {
        const DrawCmd *cmd = &f->dl.cmds[i];
        bool inside = cmd->x >= c->x && cmd->x < c->x + c->w && cmd->y >= c->y - 4 && cmd->y < c->y + c->h;
        if (cmd->kind == DRAW_TEXT && cmd->size_px == f->m.card_title_px && inside) n++;
    }
    return n;
}

static void a_title_takes_up_to_three_lines_then_ends_with_an_ellipsis_and_shows_whole_on_hover_or_focus(void)
{
    static const char *const titles[] = {
        "Alpha beta gamma delta epsilon zeta eta theta",
        "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda",
        "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon "
        "phi chi psi omega"};
    static const float sizes[][2] = {{1280, 720}, {1366, 768}, {1920, 1080}, {3840, 2160}};
    Timeline tl;
    one_event_timeline(&tl);
    for (size_t t = 0; t < sizeof titles / sizeof titles[0]; t++) {
        text_set(&tl, &tl.events[0].title, 0, titles[t]);
        for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
            Framed f;
            frame_view(&f, &tl, sizes[k][0], sizes[k][1], explore_state(), -400, 400);
            CHECK_INT(f.layout.card_count, 1);
            if (f.layout.card_count != 1) {
                frame_free(&f);
                continue;
            }
            const LayoutCard *c = &f.layout.cards[0];
            float text_w = c->w - 2 * f.m.card_pad;
            float lh = f.m.card.title_line_h;
            int needed = (int)(view_text_height(&f.in, titles[t], FONT_BOLD, f.m.card_title_px, text_w, 20, lh) / lh + 0.5f);
            int want = needed < 3 ? needed : 3;
            CHECK_INT(view_card_title_lines(&f.in, c), 3);
            CHECK_INT(title_lines_drawn(&f), want);
            CHECK(view_card_title_cut(&f.in, c) == (needed > 3));
            CHECK(drawn_text(&f.dl, "…", true) == (needed > 3) || needed <= 3);
            CHECK_INT(view_tooltip(&f.in).kind, TIP_NONE); /* nothing hovered or focused */
            ViewState hovered = explore_state(), focused = explore_state();
            hovered.hovered = 0;
            focused.focused = 0;
            Framed g;
            frame_view(&g, &tl, sizes[k][0], sizes[k][1], hovered, -400, 400);
            CHECK_INT(view_tooltip(&g.in).kind, needed > 3 ? TIP_TITLE : TIP_NONE);
            if (needed > 3) CHECK(drawn_text(&g.dl, "upsilon", true)); /* the whole title, in the tooltip */
            frame_free(&g);
            frame_view(&g, &tl, sizes[k][0], sizes[k][1], focused, -400, 400);
            CHECK_INT(view_tooltip(&g.in).kind, needed > 3 ? TIP_TITLE : TIP_NONE);
            frame_free(&g);
            if (t == 1) CHECK(needed == 3);
            frame_free(&f);
        }
    }
    timeline_free(&tl);
}

/* The explorer's header has a camera (a picture of the view): a 32 px
 * target that a click hits, between the languages and the help button; the
 * kiosk and a presentation have none. */
static void only_the_explorer_has_the_picture_button(void)
{
    Timeline tl;
    one_event_timeline(&tl);
    tl.lang_count = 2;
    strcpy(tl.langs[1], "fr");
    Framed f;
    frame_view(&f, &tl, 1366, 768, explore_state(), -400, 400);
    Rect b = f.chrome.picture_button;
    CHECK(b.w >= 32 && b.h >= 32);
    CHECK(b.x > f.chrome.lang_button[1].x + f.chrome.lang_button[1].w && b.x + b.w < f.chrome.help_button.x);
    Hit hit = view_hit(&f.in, b.x + b.w / 2, b.y + b.h / 2);
    CHECK_INT(hit.kind, HIT_PICTURE);
    frame_free(&f);
    ViewState others[] = {explore_state(), explore_state()};
    others[0].mode = VIEW_KIOSK;
    others[1].mode = VIEW_PRESENT;
    for (int i = 0; i < 2; i++) {
        frame_view(&f, &tl, 1366, 768, others[i], -400, 400);
        CHECK(f.chrome.picture_button.w == 0);
        frame_free(&f);
    }
    timeline_free(&tl);
}

/* At the commonest laptop sizes, nothing on the timeline is under 12 px
 * and no header button under 32 px. */
static void small_screens_keep_text_at_12_px_and_buttons_at_32_px(void)
{
    static const float sizes[][2] = {{1280, 720}, {1366, 768}, {800, 600}, {1920, 1080}};
    Timeline tl;
    one_event_timeline(&tl);
    tl.lang_count = 2;
    strcpy(tl.langs[1], "fr");
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        Framed f;
        frame_view(&f, &tl, sizes[k][0], sizes[k][1], explore_state(), -400, 400);
        for (int i = 0; i < f.dl.count; i++)
            if (f.dl.cmds[i].kind == DRAW_TEXT) CHECK(f.dl.cmds[i].size_px >= LAYOUT_MIN_READABLE_PX);
        CHECK(f.m.date_px >= 12 && f.m.axis_px >= 12 && f.m.small_px >= 12);
        CHECK(f.chrome.button_h >= LAYOUT_MIN_BUTTON_PX);
        CHECK(f.chrome.help_button.h >= 32 && f.chrome.help_button.w >= 32);
        for (int i = 0; i < f.chrome.lang_count; i++) CHECK(f.chrome.lang_button[i].h >= 32);
        frame_free(&f);
    }
    /* a badge of hundreds: its count stays at 12 px too */
    Timeline many;
    one_event_timeline(&many);
    Event *evs = arena_alloc(&many.arena, 300 * sizeof *evs);
    for (int i = 0; i < 300; i++) evs[i] = many.events[0];
    many.events = evs;
    many.event_count = 300;
    for (size_t k = 0; k < 2; k++) {
        Framed f;
        frame_view(&f, &many, sizes[k][0], sizes[k][1], explore_state(), -400, 400);
        CHECK(f.layout.cluster_count > 0);
        for (int i = 0; i < f.dl.count; i++)
            if (f.dl.cmds[i].kind == DRAW_TEXT) CHECK(f.dl.cmds[i].size_px >= LAYOUT_MIN_READABLE_PX);
        frame_free(&f);
    }
    timeline_free(&many);
    /* a reader who asks for small type gets it */
    LayoutMetrics small = layout_metrics_scaled(1280, 720, LAYOUT_STYLE_DESKTOP, 0.75, &MEASURE);
    CHECK(small.date_px < 12 && small.date_px >= LAYOUT_MIN_TEXT_PX);
    timeline_free(&tl);
}

/* Zoomed below a day, the axis says the day at its left end, and a day's
 * event covers its day with a bar. */
static void a_sub_day_axis_dates_its_left_end_and_a_day_event_covers_its_day(void)
{
    Timeline tl;
    one_event_timeline(&tl);
    tl.events[0].start = date_from_days(0);
    tl.events[0].start.precision = DATE_PREC_DAY;
    for (int v = 0; v < 3; v++) {
        double from = -0.6 + 0.3 * v, to = from + 1.8; /* the left end is in the day before, hours on the ticks */
        Framed f;
        frame_view(&f, &tl, 1280, 720, explore_state(), from, to);
        Date left = date_from_days(floor(scale_left_days(&f.st.scale)));
        left.precision = DATE_PREC_DAY;
        char label[64];
        date_format(&left, "en", label, sizeof label);
        bool at_left = false;
        for (int i = 0; i < f.dl.count; i++) {
            const DrawCmd *c = &f.dl.cmds[i];
            if (c->kind != DRAW_TEXT || c->x > f.r.timeline_x0 + 20 || c->y < f.r.axis_y) continue;
            at_left |= c->text_len == strlen(label) && memcmp(f.dl.text + c->text_offset, label, c->text_len) == 0;
        }
        CHECK(at_left);
        if (!at_left) fprintf(stderr, "  no \"%s\" at the left end of %g..%g\n", label, from, to);
        /* the day's bar: from its anchor to the end of the day */
        float x0 = (float)scale_time_to_px(&f.st.scale, 0), x1 = (float)scale_time_to_px(&f.st.scale, 1);
        bool bar = false;
        for (int i = 0; i < f.dl.count; i++) {
            const DrawCmd *c = &f.dl.cmds[i];
            bar |= c->kind == DRAW_RECT && c->filled && fabsf(c->x - x0) < 1 &&
                   fabsf(c->x + c->w - fminf(x1, f.r.timeline_x1)) < 1 && c->y < f.r.axis_y && c->y > f.r.axis_y - 20;
        }
        CHECK(bar);
        frame_free(&f);
    }
    timeline_free(&tl);
}

/* Every theme hidden: a message and a "Show all" button, no blank screen;
 * and the overview strip counts only what shows. */
static void hiding_every_theme_shows_a_message_and_a_show_all_button(void)
{
    Timeline tl;
    one_event_timeline(&tl);
    tl.categories = arena_alloc(&tl.arena, sizeof *tl.categories);
    memset(tl.categories, 0, sizeof *tl.categories);
    tl.categories[0].id = "c0";
    tl.category_count = 1;
    tl.events[0].category = 0;
    bool hidden[1] = {true};
    ViewState st = explore_state();
    st.category_hidden = hidden;
    Framed f;
    frame_view(&f, &tl, 1366, 768, st, -400, 400);
    CHECK(view_all_themes_hidden(&tl, &f.st));
    CHECK_INT(f.layout.card_count + f.layout.cluster_count, 0);
    Rect b = f.chrome.show_all_button;
    CHECK(b.w > 0 && b.h >= LAYOUT_MIN_BUTTON_PX);
    CHECK(b.x >= f.r.timeline_x0 && b.x + b.w <= f.r.timeline_x1 && b.y >= f.r.content_y0 && b.y + b.h <= f.r.axis_y);
    CHECK(drawn_text(&f.dl, ui_text(UI_ALL_THEMES_HIDDEN, "en"), false));
    CHECK(drawn_text(&f.dl, ui_text(UI_SHOW_ALL, "en"), false));
    CHECK_INT(view_hit(&f.in, b.x + b.w / 2, b.y + b.h / 2).kind, HIT_SHOW_ALL);
    /* the overview: no event tick while the only event is hidden */
    Rect o = f.chrome.overview;
    int ticks_hidden = 0, ticks_shown = 0;
    for (int i = 0; i < f.dl.count; i++) {
        const DrawCmd *c = &f.dl.cmds[i];
        ticks_hidden += c->kind == DRAW_RECT && c->y > o.y + o.h * 0.5f && c->y + c->h <= o.y + o.h + 1 &&
                        memcmp(&c->colour, &f.theme.muted, sizeof c->colour) == 0;
    }
    frame_free(&f);
    hidden[0] = false;
    frame_view(&f, &tl, 1366, 768, st, -400, 400);
    CHECK(!view_all_themes_hidden(&tl, &f.st));
    CHECK_INT((int)f.chrome.show_all_button.w, 0);
    CHECK(!drawn_text(&f.dl, ui_text(UI_ALL_THEMES_HIDDEN, "en"), false));
    for (int i = 0; i < f.dl.count; i++) {
        const DrawCmd *c = &f.dl.cmds[i];
        ticks_shown += c->kind == DRAW_RECT && c->y > o.y + o.h * 0.5f && c->y + c->h <= o.y + o.h + 1 &&
                       memcmp(&c->colour, &f.theme.muted, sizeof c->colour) == 0;
    }
    CHECK_INT(ticks_hidden, 0);
    CHECK(ticks_shown > 0);
    frame_free(&f);
    timeline_free(&tl);
}

int main(void)
{
    RUN(a_card_shows_the_files_own_date_and_a_long_date_shortens_to_years);
    RUN(a_card_with_a_two_line_title_shows_every_summary_line_at_every_ui_scale);
    RUN(a_card_is_as_tall_as_its_parts);
    RUN(badge_counts_fit_their_badge);
    RUN(a_badge_list_stays_inside_the_timeline_above_the_badges);
    RUN(a_story_shows_its_tags_and_marks_a_text_in_another_language);
    RUN(a_title_takes_up_to_three_lines_then_ends_with_an_ellipsis_and_shows_whole_on_hover_or_focus);
    RUN(small_screens_keep_text_at_12_px_and_buttons_at_32_px);
    RUN(a_sub_day_axis_dates_its_left_end_and_a_day_event_covers_its_day);
    RUN(hiding_every_theme_shows_a_message_and_a_show_all_button);
    RUN(only_the_explorer_has_the_picture_button);
    return TEST_REPORT();
}
