/* test_write.c: the writers of `frise convert`: round trips (load, write,
 * load again) that keep every event, date (with its precision) and text the
 * target can hold, the losses each target reports, ids rewritten where the
 * target needs it, and the CSV's quoting and options. */
#define _POSIX_C_SOURCE 200809L

#include "write.h"

#include <stdlib.h>

#include "load.h"
#include "load_csv.h"
#include "test.h"

#define DATA FRISE_TEST_DATA
#define FULL DATA "/good/full.json"
#define SHIPPED FRISE_SOURCE_DIR "/data/timeline.json"

/* "Today" for every load: 2024-06-15. */
enum { TODAY_DAYS = 19889 };
static const LoadOptions TODAY = {.today_days = TODAY_DAYS};

/* ---- helpers -------------------------------------------------------------------------- */

/* Writes tl in a format into a malloc'd, NUL-terminated string. */
static char *write_string(WriteFormat format, const Timeline *tl, const WriteOptions *opt, WriteLosses *losses,
                          size_t *len, bool *ok)
{
    char *text = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&text, &n);
    *ok = write_timeline(format, tl, f, opt, losses);
    fclose(f);
    *len = n;
    return text;
}

static bool load_any(const char *path, Timeline *tl, LoadReport *r)
{
    return load_csv_path_is_csv(path) ? load_csv_file(path, &TODAY, tl, r) : load_timeline_file(path, &TODAY, tl, r);
}

/* Loads what a writer wrote, as `frise` would open it. */
static bool load_written(WriteFormat format, const char *text, size_t len, Timeline *tl, LoadReport *r)
{
    if (format == WRITE_CSV || format == WRITE_CSV_TIMELINEJS)
        return load_csv_memory("written.csv", text, len, NULL, &TODAY, tl, r);
    return load_timeline_memory("written.json", text, len, NULL, &TODAY, tl, r);
}

static void print_problems(const LoadReport *r)
{
    for (int i = 0; i < r->count; i++) {
        char line[1024];
        load_problem_format(r, &r->problems[i], line, sizeof line);
        fprintf(stderr, "  %s\n", line);
    }
}

static void done(Timeline *tl, LoadReport *r)
{
    timeline_free(tl);
    load_report_free(r);
}

/* Round trip: loads path, writes it in a format, loads the result again. */
typedef struct Trip {
    Timeline in, out;
    LoadReport in_report, out_report;
    WriteLosses losses;
    char *text;
    size_t len;
    bool written, reloaded;
} Trip;

static void trip(Trip *t, const char *path, WriteFormat format, const WriteOptions *opt)
{
    memset(t, 0, sizeof *t);
    CHECK(load_any(path, &t->in, &t->in_report));
    t->text = write_string(format, &t->in, opt, &t->losses, &t->len, &t->written);
    CHECK(t->written);
    t->reloaded = load_written(format, t->text, t->len, &t->out, &t->out_report);
    CHECK(t->reloaded);
    /* What a writer writes, its reader reads without a word (images aside:
     * the written file is loaded from memory, away from its pictures). */
    bool clean = true;
    for (int i = 0; i < t->out_report.count; i++)
        clean &= t->out_report.problems[i].code == LOAD_IMAGE_MISSING;
    CHECK(clean);
    if (!clean) print_problems(&t->out_report);
}

static void trip_free(Trip *t)
{
    done(&t->in, &t->in_report);
    done(&t->out, &t->out_report);
    free(t->text);
}

/* NULL and "" say the same: no text. */
static bool same_string(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

/* A Text the same in every language of a (all_langs), or in its first. */
static bool same_text(const Timeline *a, const Text *ta, const Timeline *b, const Text *tb, bool all_langs)
{
    if (!all_langs) return same_string(timeline_text(a, ta, 0), timeline_text(b, tb, 0));
    for (int l = 0; l < a->lang_count; l++) {
        int k = timeline_lang_index(b, a->langs[l]);
        const char *x = text_in(ta, l), *y = k >= 0 ? text_in(tb, k) : NULL;
        if (!same_string(x, y)) {
            fprintf(stderr, "  [%s] \"%s\" became \"%s\"\n", a->langs[l], x ? x : "", y ? y : "");
            return false;
        }
    }
    return true;
}

static bool same_date(const Date *a, const Date *b, bool approximate_kept)
{
    if (a->present != b->present) return false;
    if (a->present) return true;
    bool same = a->year == b->year && a->precision == b->precision &&
                (!approximate_kept || a->approximate == b->approximate);
    if (same && a->precision >= DATE_PREC_MONTH) same = a->month == b->month;
    if (same && a->precision >= DATE_PREC_DAY) same = a->day == b->day;
    if (same && a->precision >= DATE_PREC_MINUTE) same = a->hour == b->hour && a->minute == b->minute;
    return same;
}

/* What a target keeps of an event. */
typedef struct Keeps {
    bool ids, all_langs, summary_apart, note, tags, certainty, importance, source_details, approximate, categories_style;
} Keeps;

static void check_same_event(const Timeline *a, const Event *x, const Timeline *b, const Event *y, Keeps k)
{
    if (k.ids) CHECK_STR(x->id, y->id);
    CHECK(same_date(&x->start, &y->start, k.approximate));
    CHECK(x->has_end == y->has_end);
    if (x->has_end && y->has_end) CHECK(same_date(&x->end, &y->end, k.approximate));
    CHECK_NEAR(x->start_days, y->start_days, 1e-9);
    CHECK_NEAR(x->end_days, y->end_days, 1e-9);
    CHECK(same_text(a, &x->title, b, &y->title, k.all_langs));
    if (k.summary_apart) {
        CHECK(same_text(a, &x->summary, b, &y->summary, k.all_langs));
        CHECK(same_text(a, &x->body, b, &y->body, k.all_langs));
    } else { /* one text: the summary and the body in it, in that order */
        const char *body = timeline_text(b, &y->body, 0), *summary = timeline_text(a, &x->summary, 0);
        CHECK(strncmp(body, summary, strlen(summary)) == 0);
        CHECK(strstr(body, timeline_text(a, &x->body, 0)) != NULL);
    }
    if (k.note) CHECK(same_text(a, &x->note, b, &y->note, k.all_langs));
    CHECK(same_text(a, &x->display_date, b, &y->display_date, k.all_langs));
    CHECK((x->category < 0) == (y->category < 0));
    if (x->category >= 0 && y->category >= 0)
        CHECK(same_text(a, &a->categories[x->category].label, b, &b->categories[y->category].label, k.all_langs));
    if (k.tags) {
        CHECK_INT(x->tag_count, y->tag_count);
        for (int i = 0; i < x->tag_count && i < y->tag_count; i++) CHECK_STR(x->tags[i], y->tags[i]);
    }
    if (k.certainty) CHECK_INT(x->certainty, y->certainty);
    if (k.importance) CHECK_INT(x->importance, y->importance);
    if (k.source_details) {
        CHECK_INT(x->source_count, y->source_count);
        for (int i = 0; i < x->source_count && i < y->source_count; i++) {
            const Source *s = &x->sources[i], *t = &y->sources[i];
            CHECK(same_text(a, &s->title, b, &t->title, k.all_langs));
            CHECK(same_string(s->url, t->url) && same_string(s->author, t->author) &&
                  same_string(s->publication, t->publication) && same_string(s->date, t->date) &&
                  same_string(s->pages, t->pages));
        }
    }
    CHECK((x->image.path == NULL) == (y->image.path == NULL));
    if (x->image.path && y->image.path) {
        CHECK(same_text(a, &x->image.credit, b, &y->image.credit, k.all_langs));
        CHECK(same_text(a, &x->image.alt, b, &y->image.alt, k.all_langs));
    }
}

static const Event *find_by_title(const Timeline *tl, const char *title)
{
    for (int i = 0; i < tl->event_count; i++)
        if (strcmp(timeline_text(tl, &tl->events[i].title, 0), title) == 0) return &tl->events[i];
    return NULL;
}

/* Every event of a in b: by id when the target keeps ids, else by title. */
static void check_same_events(const Timeline *a, const Timeline *b, Keeps k)
{
    CHECK_INT(a->event_count, b->event_count);
    for (int i = 0; i < a->event_count; i++) {
        const Event *x = &a->events[i];
        int j = k.ids ? timeline_find_event(b, x->id) : -1;
        const Event *y = k.ids ? (j >= 0 ? &b->events[j] : NULL) : find_by_title(b, timeline_text(a, &x->title, 0));
        CHECK(y != NULL);
        if (!y) {
            fprintf(stderr, "  event %s is missing\n", x->id);
            continue;
        }
        int before = test_current_failed;
        test_current_failed = 0;
        check_same_event(a, x, b, y, k);
        if (test_current_failed) fprintf(stderr, "  ... in event %s\n", x->id);
        test_current_failed |= before;
    }
}

/* Eras by name. exact: each date as written (approximate, "present");
 * otherwise the days they cover, "present" and approximate aside. */
static void check_same_eras(const Timeline *a, const Timeline *b, bool all_langs, bool colours, bool exact)
{
    CHECK_INT(a->era_count, b->era_count);
    for (int i = 0; i < a->era_count && i < b->era_count; i++) {
        const Era *x = &a->eras[i], *y = NULL;
        for (int j = 0; j < b->era_count && !y; j++)
            if (same_text(a, &x->label, b, &b->eras[j].label, false)) y = &b->eras[j];
        CHECK(y != NULL);
        if (!y) continue;
        if (exact) CHECK(same_date(&x->start, &y->start, true) && same_date(&x->end, &y->end, true));
        CHECK_NEAR(x->start_days, y->start_days, 1e-9);
        if (!x->end.present) CHECK_NEAR(x->end_days, y->end_days, 1e-9);
        CHECK(same_text(a, &x->label, b, &y->label, all_langs));
        if (colours) CHECK(x->colour.r == y->colour.r && x->colour.g == y->colour.g && x->colour.b == y->colour.b);
    }
}

static const Keeps KEEPS_ALL = {true, true, true, true, true, true, true, true, true, true};

/* ---- frise/1 JSON ----------------------------------------------------------------------- */

static void check_same_tours(const Timeline *a, const Timeline *b)
{
    CHECK_INT(a->tour_count, b->tour_count);
    for (int t = 0; t < a->tour_count && t < b->tour_count; t++) {
        const Tour *x = &a->tours[t], *y = &b->tours[t];
        CHECK_STR(x->id, y->id);
        CHECK(same_text(a, &x->title, b, &y->title, true));
        CHECK_INT(x->step_count, y->step_count);
        for (int i = 0; i < x->step_count && i < y->step_count; i++) {
            const TourStep *s = &x->steps[i], *u = &y->steps[i];
            CHECK((s->event < 0) == (u->event < 0));
            if (s->event >= 0 && u->event >= 0) CHECK_STR(a->events[s->event].id, b->events[u->event].id);
            else {
                CHECK_NEAR(s->from_days, u->from_days, 1e-9);
                CHECK_NEAR(s->to_days, u->to_days, 1e-9);
            }
            CHECK(same_text(a, &s->caption, b, &u->caption, true));
            CHECK_NEAR(s->duration_s, u->duration_s, 1e-9);
        }
    }
}

static void frise_json_should_keep_every_field_of_the_full_example(void)
{
    Trip t;
    WriteOptions opt = {.image_base_dir = DATA "/good", .today_days = TODAY_DAYS};
    trip(&t, FULL, WRITE_FRISE_JSON, &opt);
    const Timeline *a = &t.in, *b = &t.out;
    CHECK(write_losses_none(&t.losses));
    CHECK(same_text(a, &a->title, b, &b->title, true));
    CHECK(same_text(a, &a->description, b, &b->description, true));
    CHECK_INT(a->lang_count, b->lang_count);
    for (int l = 0; l < a->lang_count && l < b->lang_count; l++) CHECK_STR(a->langs[l], b->langs[l]);
    CHECK(a->has_home == b->has_home);
    CHECK_NEAR(a->home_from_days, b->home_from_days, 1e-9);
    CHECK_NEAR(a->home_to_days, b->home_to_days, 1e-9);
    CHECK(strstr(t.text, "\"home\": {\"from\": \"1900\", \"to\": \"present\"}") != NULL);
    CHECK_INT(a->category_count, b->category_count);
    for (int i = 0; i < a->category_count && i < b->category_count; i++) {
        CHECK_STR(a->categories[i].id, b->categories[i].id);
        CHECK(same_text(a, &a->categories[i].label, b, &b->categories[i].label, true));
        CHECK_INT(a->categories[i].shape, b->categories[i].shape);
        CHECK_INT(a->categories[i].colour.g, b->categories[i].colour.g);
    }
    CHECK_INT(a->lane_count, b->lane_count);
    for (int i = 0; i < a->lane_count && i < b->lane_count; i++) CHECK_STR(a->lanes[i].id, b->lanes[i].id);
    check_same_eras(a, b, true, true, true);
    check_same_events(a, b, KEEPS_ALL);
    check_same_tours(a, b);
    /* Image paths are written as the file holds them, relative to its folder. */
    CHECK(strstr(t.text, "\"path\": \"images/sputnik-1.jpg\"") != NULL);
    trip_free(&t);
}

static void frise_json_should_keep_the_shipped_timeline_and_write_it_the_same_twice(void)
{
    Trip t;
    WriteOptions opt = {.image_base_dir = FRISE_SOURCE_DIR "/data", .today_days = TODAY_DAYS};
    trip(&t, SHIPPED, WRITE_FRISE_JSON, &opt);
    CHECK(t.in.event_count > 50);
    check_same_events(&t.in, &t.out, KEEPS_ALL);
    check_same_eras(&t.in, &t.out, true, true, true);
    check_same_tours(&t.in, &t.out);
    CHECK(write_losses_none(&t.losses));
    /* Written again, the result is the same bytes: a fixed point. */
    size_t len;
    bool ok;
    WriteLosses losses = {0};
    char *again = write_string(WRITE_FRISE_JSON, &t.out, &opt, &losses, &len, &ok);
    CHECK(ok && len == t.len && memcmp(again, t.text, len) == 0);
    free(again);
    trip_free(&t);
}

static void frise_json_should_rewrite_the_ids_frise_does_not_allow(void)
{
    static const char tljs[] =
        "{\"events\": ["
        "{\"unique_id\": \"Apollo 11\", \"start_date\": {\"year\": 1969}, \"text\": {\"headline\": \"A\"},"
        " \"group\": \"Space Race\"},"
        "{\"unique_id\": \"Apollo-11\", \"start_date\": {\"year\": 1970}, \"text\": {\"headline\": \"B\"},"
        " \"group\": \"Space Race\"}],"
        "\"eras\": [{\"start_date\": {\"year\": 1950}, \"end_date\": {\"year\": 1960}, \"text\": {\"headline\": \"X\"}},"
        "{\"start_date\": {\"year\": 1960}, \"end_date\": {\"year\": 1970}, \"text\": {\"headline\": \"Y\"}}]}";
    Timeline in, out;
    LoadReport r, r2;
    CHECK(load_timeline_memory("t.json", tljs, sizeof tljs - 1, NULL, &TODAY, &in, &r));
    size_t len;
    bool ok;
    WriteLosses losses = {0};
    char *text = write_string(WRITE_FRISE_JSON, &in, NULL, &losses, &len, &ok);
    CHECK(ok);
    CHECK(load_timeline_memory("w.json", text, len, NULL, &TODAY, &out, &r2));
    CHECK_INT(r2.total, 0);
    print_problems(&r2);
    CHECK_INT(out.event_count, 2);
    CHECK_INT(out.era_count, 2);
    /* "Apollo 11" becomes "Apollo-11", which the other event holds: "Apollo-11-2". */
    CHECK(timeline_find_event(&out, "Apollo-11") >= 0 && timeline_find_event(&out, "Apollo-11-2") >= 0);
    CHECK(out.category_count == 1 && strcmp(out.categories[0].id, "Space-Race") == 0);
    CHECK(out.category_count == 1 && strcmp(text_in(&out.categories[0].label, 0), "Space Race") == 0);
    /* One event id, one category id and the second era's id. */
    CHECK_INT(losses.count[WRITE_LOSS_IDS_CHANGED], 3);
    free(text);
    done(&in, &r);
    done(&out, &r2);
}

/* ---- the plain CSV ------------------------------------------------------------------------ */

/* Deep time survives every writer: the universe, read from TimelineJS
 * JSON, its sheet and our own format, written to each format and read back,
 * keeps each of its years, the Big Bang's -13800000000 included. */
static void deep_years_should_survive_every_round_trip(void)
{
    static const char *const inputs[] = {DATA "/good/timelinejs-universe.json", DATA "/csv/timelinejs-universe.csv",
                                         DATA "/good/universe.json"};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++)
        for (int f = 0; f < WRITE_FORMAT_COUNT; f++) {
            Trip t;
            WriteOptions opt = {.image_base_dir = DATA "/good"};
            trip(&t, inputs[i], (WriteFormat)f, &opt);
            const Timeline *a = &t.in, *b = &t.out;
            CHECK_INT(a->event_count, 11);
            CHECK_INT(b->event_count, a->event_count);
            CHECK_INT(b->era_count, a->era_count);
            for (int e = 0; e < a->event_count && e < b->event_count; e++) {
                const Event *x = &a->events[e], *y = &b->events[e]; /* both in date order */
                CHECK(same_date(&x->start, &y->start, false));
                CHECK_INT(x->has_end, y->has_end);
                if (x->has_end) CHECK(same_date(&x->end, &y->end, false));
            }
            for (int e = 0; e < a->era_count && e < b->era_count; e++)
                CHECK(same_date(&a->eras[e].start, &b->eras[e].start, false));
            if (b->event_count > 0) CHECK_INT(b->events[0].start.year, -13800000000LL);
            if (test_current_failed) {
                fprintf(stderr, "  from %s to format %d\n", inputs[i], f);
                trip_free(&t);
                return;
            }
            trip_free(&t);
        }
}

static const Keeps KEEPS_PLAIN = {.ids = true, .all_langs = true, .summary_apart = true, .note = true, .tags = true,
                                  .certainty = true, .importance = true, .approximate = true, .categories_style = true};

static void plain_csv_should_keep_events_dates_and_every_language(void)
{
    Trip t;
    WriteOptions opt = {.image_base_dir = DATA "/good"};
    trip(&t, FULL, WRITE_CSV, &opt);
    const Timeline *a = &t.in, *b = &t.out;
    CHECK(same_text(a, &a->title, b, &b->title, true));
    CHECK(same_text(a, &a->description, b, &b->description, true));
    CHECK_INT(b->lang_count, a->lang_count);
    check_same_events(a, b, KEEPS_PLAIN);
    check_same_eras(a, b, true, true, true);
    CHECK_INT(b->lane_count, a->lane_count);
    /* Categories keep their ids, names in every language, colours and shapes. */
    CHECK_INT(b->category_count, a->category_count);
    for (int i = 0; i < a->category_count; i++) {
        int j = -1;
        for (int k = 0; k < b->category_count; k++)
            if (strcmp(a->categories[i].id, b->categories[k].id) == 0) j = k;
        CHECK(j >= 0);
        if (j < 0) continue;
        CHECK(same_text(a, &a->categories[i].label, b, &b->categories[j].label, true));
        CHECK_INT(a->categories[i].shape, b->categories[j].shape);
        CHECK_INT(a->categories[i].colour.r, b->categories[j].colour.r);
    }
    /* Sources keep their titles and addresses, in order. */
    for (int i = 0; i < a->event_count; i++) {
        const Event *x = &a->events[i], *y = &b->events[timeline_find_event(b, x->id)];
        CHECK_INT(x->source_count, y->source_count);
        for (int s = 0; s < x->source_count && s < y->source_count; s++) {
            CHECK(same_string(timeline_text(a, &x->sources[s].title, 0), text_in(&y->sources[s].title, 0)));
            CHECK(same_string(x->sources[s].url, y->sources[s].url));
        }
    }
    CHECK_INT(t.losses.count[WRITE_LOSS_TOURS], 1);
    CHECK_INT(t.losses.count[WRITE_LOSS_HOME], 1);
    CHECK(t.losses.count[WRITE_LOSS_SOURCE_DETAILS] > 0);
    CHECK_INT(t.losses.count[WRITE_LOSS_CERTAINTY], 0);
    trip_free(&t);
}

static void plain_csv_should_keep_the_shipped_timeline(void)
{
    Trip t;
    WriteOptions opt = {.image_base_dir = FRISE_SOURCE_DIR "/data"}; /* its pictures stay "images/..." */
    trip(&t, SHIPPED, WRITE_CSV, &opt);
    check_same_events(&t.in, &t.out, KEEPS_PLAIN);
    check_same_eras(&t.in, &t.out, true, true, true);
    trip_free(&t);
}

static void plain_csv_of_a_plain_sheet_should_be_a_fixed_point(void)
{
    Trip t;
    WriteOptions opt = {.image_base_dir = DATA "/csv", .csv_no_bom = true};
    trip(&t, DATA "/csv/plain-bilingual.csv", WRITE_CSV, &opt);
    check_same_events(&t.in, &t.out, KEEPS_PLAIN);
    CHECK(write_losses_none(&t.losses));
    size_t len;
    bool ok;
    WriteLosses losses = {0};
    char *again = write_string(WRITE_CSV, &t.out, &opt, &losses, &len, &ok);
    CHECK(ok && len == t.len && memcmp(again, t.text, len) == 0);
    free(again);
    trip_free(&t);
}

/* ---- TimelineJS's targets ------------------------------------------------------------------ */

static void timelinejs_csv_of_a_timelinejs_sheet_should_keep_events_dates_texts_and_eras(void)
{
    Trip t;
    WriteOptions opt = {.image_base_dir = DATA "/csv"};
    trip(&t, DATA "/csv/timelinejs-libreoffice.csv", WRITE_CSV_TIMELINEJS, &opt);
    const Timeline *a = &t.in, *b = &t.out;
    /* The text comes back with the Media's link in it (see below). */
    Keeps k = {.approximate = true};
    check_same_events(a, b, k);
    check_same_eras(a, b, false, true, true);
    CHECK(same_text(a, &a->title, b, &b->title, false));
    CHECK(same_text(a, &a->description, b, &b->description, false));
    /* The web address in Media came back as a source: it goes out in the text, as a link. */
    const Event *gagarin = find_by_title(b, "Yuri Gagarin orbits the Earth");
    CHECK(gagarin && strstr(text_in(&gagarin->body, 0), "https://www.youtube.com/watch?v=example") != NULL);
    trip_free(&t);
}

static void timelinejs_csv_of_a_frise_timeline_should_keep_dates_and_the_first_language(void)
{
    Trip t;
    WriteOptions opt = {.image_base_dir = DATA "/good", .today_days = TODAY_DAYS};
    trip(&t, FULL, WRITE_CSV_TIMELINEJS, &opt);
    const Timeline *a = &t.in, *b = &t.out;
    CHECK_INT(b->event_count, a->event_count);
    for (int i = 0; i < a->event_count; i++) {
        const Event *x = &a->events[i], *y = find_by_title(b, timeline_text(a, &x->title, 0));
        CHECK(y != NULL);
        if (!y) continue;
        CHECK(same_date(&x->start, &y->start, true)); /* approximate comes back through Display Date */
        if (x->has_end && !x->end.present) CHECK(same_date(&x->end, &y->end, true));
        if (x->end.present) CHECK_NEAR(y->end_days, TODAY_DAYS, 0);
        const char *body = timeline_text(b, &y->body, 0);
        CHECK(strstr(body, timeline_text(a, &x->summary, 0)) != NULL);
        for (int s = 0; s < x->source_count; s++) CHECK(strstr(body, timeline_text(a, &x->sources[s].title, 0)));
    }
    check_same_eras(a, b, false, true, false);
    CHECK_INT(b->lane_count, 1);
    CHECK_INT(t.losses.count[WRITE_LOSS_IDS], a->event_count);
    CHECK_INT(t.losses.count[WRITE_LOSS_LANES], 2);
    CHECK_INT(t.losses.count[WRITE_LOSS_TOURS], 1);
    CHECK_INT(t.losses.count[WRITE_LOSS_CERTAINTY], 2);
    CHECK(t.losses.count[WRITE_LOSS_TRANSLATIONS] > 0);
    CHECK_INT(t.losses.count[WRITE_LOSS_APPROXIMATE], 1); /* the era: events keep theirs through Display Date */
    trip_free(&t);
}

static void timelinejs_json_should_keep_ids_dates_and_titles(void)
{
    Trip t;
    WriteOptions opt = {.image_base_dir = DATA "/good"};
    trip(&t, FULL, WRITE_TIMELINEJS_JSON, &opt);
    const Timeline *a = &t.in, *b = &t.out;
    CHECK_INT(b->event_count, a->event_count);
    for (int i = 0; i < a->event_count; i++) {
        const Event *x = &a->events[i];
        int j = timeline_find_event(b, x->id);
        CHECK(j >= 0);
        if (j < 0) continue;
        const Event *y = &b->events[j];
        CHECK(same_date(&x->start, &y->start, false));
        if (x->has_end && !x->end.present) CHECK(same_date(&x->end, &y->end, false));
        CHECK(same_text(a, &x->title, b, &y->title, false));
        CHECK((x->category < 0) == (y->category < 0));
    }
    CHECK_INT(b->era_count, a->era_count);
    for (int i = 0; i < a->era_count && i < b->era_count; i++) /* as background.color */
        CHECK(memcmp(&a->eras[i].colour, &b->eras[i].colour, sizeof(Colour)) == 0);
    CHECK_INT(t.losses.count[WRITE_LOSS_APPROXIMATE], 3); /* two events and an era */
    CHECK_INT(t.losses.count[WRITE_LOSS_ERA_COLOURS], 0);
    CHECK_INT(t.losses.count[WRITE_LOSS_IDS], 0);
    trip_free(&t);
}

/* ---- styled text -------------------------------------------------------------------------- */

#define STYLED DATA "/good/timelinejs-styled.json"

static bool runs_equal(RichText a, RichText b)
{
    if (a.count != b.count) return false;
    for (int i = 0; i < a.count; i++) {
        const RichRun *x = &a.runs[i], *y = &b.runs[i];
        if (x->start != y->start || x->end != y->end || x->style != y->style) return false;
        if ((x->url == NULL) != (y->url == NULL) || (x->url && strcmp(x->url, y->url) != 0)) return false;
    }
    return true;
}

static void timelinejs_should_write_bold_italic_and_links_back_as_html_and_read_them_again(void)
{
    Trip t;
    trip(&t, STYLED, WRITE_TIMELINEJS_JSON, NULL);
    CHECK(strstr(t.text, "<b>Galileo Galilei</b>") != NULL);
    CHECK(strstr(t.text, "<b><i>four</i></b>") != NULL);
    CHECK(strstr(t.text, "<i>Jupiter</i>") != NULL); /* the headline too */
    CHECK(strstr(t.text, "<a href=\\\"https://www.gutenberg.org/ebooks/46036?a=1&amp;b=2\\\"><i>Sidereus Nuncius</i></a>"));
    CHECK(strstr(t.text, "(https://") == NULL); /* the address is in the <a>, not after it */
    int a = timeline_find_event(&t.in, "rich"), b = timeline_find_event(&t.out, "rich");
    CHECK(a >= 0 && b >= 0);
    if (a >= 0 && b >= 0) {
        const Event *x = &t.in.events[a], *y = &t.out.events[b];
        CHECK_STR(timeline_text(&t.out, &y->body, 0), timeline_text(&t.in, &x->body, 0));
        CHECK(runs_equal(timeline_rich(&t.in, &x->body, 0), timeline_rich(&t.out, &y->body, 0)));
        CHECK(runs_equal(timeline_rich(&t.in, &x->title, 0), timeline_rich(&t.out, &y->title, 0)));
        CHECK(timeline_rich(&t.in, &x->body, 0).count >= 8);
    }
    CHECK_INT(t.losses.count[WRITE_LOSS_SUMMARIES], 0); /* the summary is the story's first paragraph */
    trip_free(&t);
}

static void timelinejs_sheet_should_keep_the_styles_too(void)
{
    Trip t;
    trip(&t, STYLED, WRITE_CSV_TIMELINEJS, NULL);
    CHECK(strstr(t.text, "<b>Galileo Galilei</b>") != NULL);
    int a = timeline_find_event(&t.in, "rich");
    CHECK(a >= 0 && t.out.event_count == t.in.event_count);
    if (a >= 0 && t.out.event_count == t.in.event_count) {
        const Event *x = &t.in.events[a], *y = &t.out.events[a]; /* same order: same dates */
        CHECK_STR(timeline_text(&t.out, &y->body, 0), timeline_text(&t.in, &x->body, 0));
        CHECK(runs_equal(timeline_rich(&t.in, &x->body, 0), timeline_rich(&t.out, &y->body, 0)));
    }
    trip_free(&t);
}

static void frise_json_and_plain_csv_should_write_the_plain_words_without_markup(void)
{
    WriteFormat formats[] = {WRITE_FRISE_JSON, WRITE_CSV};
    for (int f = 0; f < 2; f++) {
        Trip t;
        trip(&t, STYLED, formats[f], NULL);
        CHECK(strstr(t.text, "Galileo Galilei turned") != NULL);
        CHECK(strstr(t.text, "<b>") == NULL && strstr(t.text, "<a ") == NULL && strstr(t.text, "&amp;") == NULL);
        /* The link's address stays beside its words: nothing lost. */
        CHECK(strstr(t.text, "the Galilean moons (https://en.wikipedia.org/wiki/Galilean_moons)") != NULL);
        trip_free(&t);
    }
}

/* ---- what the writers say and do ------------------------------------------------------------- */

static void every_target_should_say_what_it_cannot_hold(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_timeline_file(FULL, &TODAY, &tl, &r));
    static const struct { WriteFormat format; WriteLoss loss; bool lost; } cases[] = {
        {WRITE_FRISE_JSON, WRITE_LOSS_TOURS, false},        {WRITE_CSV, WRITE_LOSS_TOURS, true},
        {WRITE_CSV, WRITE_LOSS_TAGS, false},                {WRITE_CSV, WRITE_LOSS_CERTAINTY, false},
        {WRITE_CSV_TIMELINEJS, WRITE_LOSS_TAGS, true},      {WRITE_CSV_TIMELINEJS, WRITE_LOSS_SUMMARIES, true},
        {WRITE_CSV_TIMELINEJS, WRITE_LOSS_NOTES, true},     {WRITE_CSV_TIMELINEJS, WRITE_LOSS_SOURCES, true},
        {WRITE_CSV_TIMELINEJS, WRITE_LOSS_PRESENT, true},   {WRITE_CSV_TIMELINEJS, WRITE_LOSS_ERA_COLOURS, false},
        {WRITE_TIMELINEJS_JSON, WRITE_LOSS_HOME, true},     {WRITE_TIMELINEJS_JSON, WRITE_LOSS_CATEGORY_STYLE, true},
        {WRITE_TIMELINEJS_JSON, WRITE_LOSS_IMPORTANCE, false}, {WRITE_TIMELINEJS_JSON, WRITE_LOSS_ERA_COLOURS, false}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len;
        bool ok;
        WriteLosses losses = {0};
        free(write_string(cases[i].format, &tl, NULL, &losses, &len, &ok));
        CHECK(ok);
        if ((losses.count[cases[i].loss] > 0) != cases[i].lost) {
            fprintf(stderr, "  format %d, loss %d: %d\n", cases[i].format, cases[i].loss, losses.count[cases[i].loss]);
            test_current_failed = 1;
        }
    }
    done(&tl, &r);
}

static void loss_messages_should_give_the_count_and_the_target(void)
{
    char buf[256];
    write_loss_format(WRITE_LOSS_TOURS, 3, WRITE_CSV, buf, sizeof buf);
    CHECK_STR(buf, "tours: 3, left out (the plain CSV has no tours)");
    write_loss_format(WRITE_LOSS_TRANSLATIONS, 12, WRITE_TIMELINEJS_JSON, buf, sizeof buf);
    CHECK_STR(buf, "texts in other languages than the first: 12, left out (TimelineJS holds one language)");
    for (int loss = 0; loss < WRITE_LOSS_COUNT; loss++)
        for (int f = 0; f < WRITE_FORMAT_COUNT; f++)
            CHECK(write_loss_format((WriteLoss)loss, 1, (WriteFormat)f, buf, sizeof buf) > 10);
    CHECK(write_loss_format(WRITE_LOSS_TOURS, 3, WRITE_CSV, buf, 8) == 7 && strlen(buf) == 7);
}

static void csv_cells_should_be_quoted_when_they_must_and_the_options_honoured(void)
{
    static const char sheet[] = "id,start,title,summary\nq,1990,\"Semi; colon, comma\",\"He said \"\"hi\"\"\nnext line\"\n"
                                "p,1991, lead space ,plain\n";
    Timeline tl, back;
    LoadReport r, r2;
    CHECK(load_csv_memory("s.csv", sheet, sizeof sheet - 1, NULL, &TODAY, &tl, &r));
    WriteOptions opt = {.csv_delimiter = ';', .csv_no_bom = true};
    size_t len;
    bool ok;
    WriteLosses losses = {0};
    char *text = write_string(WRITE_CSV, &tl, &opt, &losses, &len, &ok);
    CHECK(ok);
    CHECK(strncmp(text, "type;id;start;title.en;summary.en\r\n", 35) == 0);
    CHECK(strstr(text, ";\"Semi; colon, comma\";\"He said \"\"hi\"\"\nnext line\"\r\n") != NULL);
    CHECK(strstr(text, ";lead space;plain\r\n") != NULL); /* the reader trimmed it */
    CHECK(load_csv_memory("s2.csv", text, len, NULL, &TODAY, &back, &r2));
    check_same_events(&tl, &back, KEEPS_PLAIN);
    free(text);
    /* The default: a byte order mark for Excel, and commas. */
    text = write_string(WRITE_CSV, &tl, NULL, &losses, &len, &ok);
    CHECK(strncmp(text, "\xEF\xBB\xBFtype,id,start,", 17) == 0);
    free(text);
    done(&tl, &r);
    done(&back, &r2);
}

static void sources_without_an_address_should_keep_their_rank_in_the_plain_csv(void)
{
    static const char sheet[] = "start,title,source,source_url\n"
                                "1990,a,\"First\nSecond\nThird\",\"-\nhttps://two.example\n\"\n";
    Timeline tl, back;
    LoadReport r, r2;
    CHECK(load_csv_memory("s.csv", sheet, sizeof sheet - 1, NULL, &TODAY, &tl, &r));
    CHECK(tl.event_count == 1 && tl.events[0].source_count == 3);
    if (tl.event_count == 1 && tl.events[0].source_count == 3) {
        CHECK(tl.events[0].sources[0].url == NULL);
        CHECK_STR(tl.events[0].sources[1].url, "https://two.example");
        CHECK(tl.events[0].sources[2].url == NULL);
    }
    size_t len;
    bool ok;
    WriteLosses losses = {0};
    char *text = write_string(WRITE_CSV, &tl, NULL, &losses, &len, &ok);
    CHECK(strstr(text, "\"First\nSecond\nThird\",\"-\nhttps://two.example\n-\"") != NULL);
    CHECK(load_csv_memory("s2.csv", text, len, NULL, &TODAY, &back, &r2));
    CHECK(back.event_count == 1 && back.events[0].source_count == 3 && back.events[0].sources[0].url == NULL &&
          back.events[0].sources[1].url && strcmp(back.events[0].sources[1].url, "https://two.example") == 0);
    free(text);
    done(&tl, &r);
    done(&back, &r2);
}

static void image_paths_outside_the_input_folder_should_be_counted(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_csv_file(DATA "/csv/plain-bilingual.csv", &TODAY, &tl, &r));
    size_t len;
    bool ok;
    WriteLosses losses = {0};
    WriteOptions inside = {.image_base_dir = DATA "/csv"};
    char *text = write_string(WRITE_FRISE_JSON, &tl, &inside, &losses, &len, &ok);
    CHECK(strstr(text, "\"path\": \"images/sputnik-1.jpg\"") != NULL);
    CHECK_INT(losses.count[WRITE_LOSS_IMAGE_PATHS], 0);
    free(text);
    text = write_string(WRITE_FRISE_JSON, &tl, NULL, &losses, &len, &ok);
    CHECK(strstr(text, "\"path\": \"" DATA "/csv/images/sputnik-1.jpg\"") != NULL);
    CHECK_INT(losses.count[WRITE_LOSS_IMAGE_PATHS], 1);
    free(text);
    done(&tl, &r);
}

static void a_write_that_fails_should_return_false(void)
{
    FILE *full = fopen("/dev/full", "w");
    if (!full) return; /* not on this system */
    Timeline tl;
    LoadReport r;
    CHECK(load_timeline_file(FULL, &TODAY, &tl, &r));
    for (int f = 0; f < WRITE_FORMAT_COUNT; f++) CHECK(!write_timeline((WriteFormat)f, &tl, full, NULL, NULL));
    fclose(full);
    done(&tl, &r);
}

static void formats_should_be_chosen_by_extension_and_by_name(void)
{
    CHECK_INT(write_format_for_path("out/Class.CSV"), WRITE_CSV);
    CHECK_INT(write_format_for_path("class.json"), WRITE_FRISE_JSON);
    CHECK_INT(write_format_for_path("class"), WRITE_FRISE_JSON);
    WriteFormat f;
    CHECK(write_format_from_name("timelinejs", &f) && f == WRITE_TIMELINEJS_JSON);
    CHECK(write_format_from_name("csv-timelinejs", &f) && f == WRITE_CSV_TIMELINEJS);
    CHECK(write_format_from_name("frise", &f) && f == WRITE_FRISE_JSON);
    CHECK(!write_format_from_name("xlsx", &f));
}

int main(void)
{
    RUN(frise_json_should_keep_every_field_of_the_full_example);
    RUN(deep_years_should_survive_every_round_trip);
    RUN(frise_json_should_keep_the_shipped_timeline_and_write_it_the_same_twice);
    RUN(frise_json_should_rewrite_the_ids_frise_does_not_allow);
    RUN(plain_csv_should_keep_events_dates_and_every_language);
    RUN(plain_csv_should_keep_the_shipped_timeline);
    RUN(plain_csv_of_a_plain_sheet_should_be_a_fixed_point);
    RUN(timelinejs_csv_of_a_timelinejs_sheet_should_keep_events_dates_texts_and_eras);
    RUN(timelinejs_csv_of_a_frise_timeline_should_keep_dates_and_the_first_language);
    RUN(timelinejs_json_should_keep_ids_dates_and_titles);
    RUN(every_target_should_say_what_it_cannot_hold);
    RUN(loss_messages_should_give_the_count_and_the_target);
    RUN(csv_cells_should_be_quoted_when_they_must_and_the_options_honoured);
    RUN(sources_without_an_address_should_keep_their_rank_in_the_plain_csv);
    RUN(image_paths_outside_the_input_folder_should_be_counted);
    RUN(a_write_that_fails_should_return_false);
    RUN(formats_should_be_chosen_by_extension_and_by_name);
    RUN(timelinejs_should_write_bold_italic_and_links_back_as_html_and_read_them_again);
    RUN(timelinejs_sheet_should_keep_the_styles_too);
    RUN(frise_json_and_plain_csv_should_write_the_plain_words_without_markup);
    return TEST_REPORT();
}
