/* test_load.c: the timeline loader: good files, every fixture of
 * tests/data/bad/ against its manifest, TimelineJS, hostile input made on
 * the spot, random mutations, and the shipped timeline. Runs under ASan and
 * UBSan, so "does not crash or leak" is checked by every test. */
#define _POSIX_C_SOURCE 200809L

#include "load.h"
#include "imagehdr.h"

#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "test.h"

#define DATA FRISE_TEST_DATA
#define BAD DATA "/bad"

/* "Today" for every load: 2024-06-15. */
enum { TODAY_DAYS = 19889 };
static const LoadOptions TODAY = {.today_days = TODAY_DAYS};

/* ---- helpers -------------------------------------------------------------------- */

/* A growing string for building JSON in memory. */
typedef struct Buf {
    char *data;
    size_t len, cap;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        while (b->len + n + 1 > b->cap) b->cap = b->cap ? b->cap * 2 : 4096;
        b->data = realloc(b->data, b->cap);
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_puts(Buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static void buf_repeat(Buf *b, char c, size_t n)
{
    for (size_t i = 0; i < n; i++) buf_add(b, &c, 1);
}

static bool load_mem(const char *text, size_t len, Timeline *tl, LoadReport *r)
{
    return load_timeline_memory("mem.json", text, len, NULL, &TODAY, tl, r);
}

static bool load_str(const char *text, Timeline *tl, LoadReport *r)
{
    return load_mem(text, strlen(text), tl, r);
}

/* Valid UTF-8 without control characters: a message prints on one line. */
static bool printable_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if (*p < 0x20 || *p == 0x7F) return false;
        size_t n = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC2 ? 2 : 0;
        if (n == 0 || *p > 0xF4) return false;
        for (size_t i = 1; i < n; i++)
            if ((p[i] & 0xC0) != 0x80) return false;
        p += n;
    }
    return true;
}

/* Everything a report promises, whatever the input. Returns a reason or NULL. */
static const char *report_fault(const LoadReport *r)
{
    if (r->count < 0 || r->count > LOAD_MAX_STORED_PROBLEMS || r->total < r->count) return "bad counts";
    if (r->count > 0 && !r->problems) return "no problem array";
    int previous_line = 0;
    for (int i = 0; i < r->count; i++) {
        const LoadProblem *p = &r->problems[i];
        if (p->code <= LOAD_OK || p->code >= LOAD_CODE_COUNT) return "code out of range";
        if (p->severity < LOAD_WARNING || p->severity > LOAD_FATAL) return "severity out of range";
        if (!p->message[0]) return "empty message";
        if (!printable_utf8(p->message)) return "message not printable UTF-8";
        if (!printable_utf8(p->path)) return "path not printable UTF-8";
        if (p->line != 0 && (p->line < 1 || p->col < 1)) return "line given without a column";
        if (p->line == 0 && p->col != 0) return "column without a line";
        if (p->line != 0 && p->line < previous_line) return "problems not in file order";
        if (p->line != 0) previous_line = p->line;
        if (p->severity == LOAD_FATAL && !r->rejected) return "fatal problem without rejection";
    }
    return NULL;
}

/* Everything a timeline promises: sorted events, indices in range. */
static const char *timeline_fault(const Timeline *tl)
{
    if (tl->lang_count < 0 || tl->lang_count > TIMELINE_MAX_LANGS) return "lang_count";
    for (int i = 0; i < tl->event_count; i++) {
        const Event *e = &tl->events[i];
        if (!e->id || !e->id[0]) return "event without id";
        if (!(e->end_days >= e->start_days)) return "event ends before it starts";
        if (e->category < -1 || e->category >= tl->category_count) return "category index";
        if (i > 0) {
            const Event *p = &tl->events[i - 1];
            if (p->start_days > e->start_days) return "events not sorted by start";
            if (p->start_days == e->start_days && p->end_days > e->end_days) return "ties not sorted by end";
        }
        if (e->start_days < tl->min_days || e->end_days > tl->max_days) return "event outside the extent";
        for (int t = 0; t < e->tag_count; t++)
            if (!e->tags[t]) return "NULL tag";
    }
    for (int i = 0; i < tl->era_count; i++)
        if (tl->eras[i].lane < 0 || tl->eras[i].lane >= tl->lane_count) return "era lane index";
    for (int t = 0; t < tl->tour_count; t++)
        for (int s = 0; s < tl->tours[t].step_count; s++) {
            const TourStep *st = &tl->tours[t].steps[s];
            if (st->event < -1 || st->event >= tl->event_count) return "tour step event index";
            if (!(st->duration_s > 0)) return "tour step duration";
        }
    return NULL;
}

#define CHECK_SANE(tl, r)                                                            \
    do {                                                                             \
        const char *fault_ = report_fault(&(r));                                     \
        if (!fault_) fault_ = timeline_fault(&(tl));                                 \
        if (fault_) {                                                                \
            fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, fault_);              \
            test_current_failed = 1;                                                 \
        }                                                                            \
    } while (0)

static const Event *event_by_id(const Timeline *tl, const char *id)
{
    int i = timeline_find_event(tl, id);
    return i >= 0 ? &tl->events[i] : NULL;
}

/* The first problem with this code, or NULL. */
static const LoadProblem *find_problem(const LoadReport *r, LoadCode code)
{
    for (int i = 0; i < r->count; i++)
        if (r->problems[i].code == code) return &r->problems[i];
    return NULL;
}

/* ---- the manifest of bad fixtures -------------------------------------------------- */

enum { MAX_EXPECT = 1024, MAX_FILES = 256 };

typedef struct Expect {
    char file[128];
    char code[32];
    int line, col;
    char path[LOAD_PATH_MAX];
} Expect;

typedef struct Manifest {
    Expect problems[MAX_EXPECT];
    int problem_count;
    char files[MAX_FILES][128];
    int kept[MAX_FILES];       /* -1 when not given */
    int file_count;
} Manifest;

static int manifest_file(Manifest *m, const char *file)
{
    for (int i = 0; i < m->file_count; i++)
        if (strcmp(m->files[i], file) == 0) return i;
    if (m->file_count == MAX_FILES) return -1;
    snprintf(m->files[m->file_count], sizeof m->files[0], "%s", file);
    m->kept[m->file_count] = -1;
    return m->file_count++;
}

/* Reads tests/data/bad/EXPECTED; false (with a message) when malformed. */
static bool manifest_read(Manifest *m)
{
    memset(m, 0, sizeof *m);
    FILE *f = fopen(BAD "/EXPECTED", "r");
    if (!f) {
        fprintf(stderr, "cannot open " BAD "/EXPECTED\n");
        return false;
    }
    char line[512];
    int number = 0;
    bool ok = true;
    while (fgets(line, sizeof line, f)) {
        number++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '\0' || line[0] == '#') continue;
        char file[128], word[32], path[LOAD_PATH_MAX] = "";
        int a = 0, b = 0;
        int n = sscanf(line, "%127s %31s %d %d %127s", file, word, &a, &b, path);
        int index = manifest_file(m, file);
        if (index >= 0 && n == 3 && strcmp(word, "kept") == 0) {
            m->kept[index] = a;
        } else if (index >= 0 && n == 5 && m->problem_count < MAX_EXPECT) {
            Expect *e = &m->problems[m->problem_count++];
            snprintf(e->file, sizeof e->file, "%s", file);
            snprintf(e->code, sizeof e->code, "%s", word);
            e->line = a;
            e->col = b;
            snprintf(e->path, sizeof e->path, "%s", strcmp(path, "-") == 0 ? "" : path);
        } else {
            fprintf(stderr, BAD "/EXPECTED:%d: cannot read \"%s\"\n", number, line);
            ok = false;
        }
    }
    fclose(f);
    return ok;
}

static void bad_manifest_should_be_readable_and_name_existing_files(void)
{
    static Manifest m;
    CHECK(manifest_read(&m));
    CHECK(m.file_count >= 30);
    for (int i = 0; i < m.file_count; i++) {
        char path[512];
        snprintf(path, sizeof path, BAD "/%s", m.files[i]);
        struct stat st;
        if (stat(path, &st) != 0) {
            fprintf(stderr, "  EXPECTED names %s, which does not exist\n", m.files[i]);
            test_current_failed = 1;
        }
        if (m.kept[i] < 0) {
            fprintf(stderr, "  EXPECTED has no \"%s kept N\" line\n", m.files[i]);
            test_current_failed = 1;
        }
    }
}

static void every_bad_fixture_should_be_listed_in_the_manifest(void)
{
    static Manifest m;
    CHECK(manifest_read(&m));
    DIR *dir = opendir(BAD);
    CHECK(dir != NULL);
    if (!dir) return;
    int files = 0;
    for (struct dirent *d; (d = readdir(dir));) {
        if (d->d_name[0] == '.' || strcmp(d->d_name, "EXPECTED") == 0) continue;
        char full[512];
        struct stat st;
        snprintf(full, sizeof full, BAD "/%s", d->d_name);
        if (stat(full, &st) == 0 && S_ISDIR(st.st_mode)) continue; /* images/: what fixtures point at */
        files++;
        bool listed = false;
        for (int i = 0; i < m.file_count && !listed; i++) listed = strcmp(m.files[i], d->d_name) == 0;
        if (!listed) {
            fprintf(stderr, "  tests/data/bad/%s is not in EXPECTED\n", d->d_name);
            test_current_failed = 1;
        }
    }
    closedir(dir);
    CHECK(files >= 30);
    CHECK_INT(files, m.file_count);
}

static void bad_fixtures_should_cover_every_code_a_file_can_cause(void)
{
    static Manifest m;
    CHECK(manifest_read(&m));
    for (int code = LOAD_OK + 1; code < LOAD_CODE_COUNT; code++) {
        /* These come from the file system or the allocator, not from a file's
         * content; the hostile tests below make the first two. */
        if (code == LOAD_FILE_UNREADABLE || code == LOAD_FILE_TOO_LARGE || code == LOAD_OUT_OF_MEMORY) continue;
        bool seen = false;
        for (int i = 0; i < m.problem_count && !seen; i++) seen = strcmp(m.problems[i].code, load_code_name(code)) == 0;
        if (!seen) {
            fprintf(stderr, "  no fixture produces %s\n", load_code_name(code));
            test_current_failed = 1;
        }
    }
}

/* Loads one fixture and compares its report with the manifest's lines. */
static void check_bad_fixture(const Manifest *m, int index)
{
    const char *file = m->files[index];
    char path[512];
    snprintf(path, sizeof path, BAD "/%s", file);
    Timeline tl;
    LoadReport r;
    bool ok = load_timeline_file(path, &TODAY, &tl, &r);

    int expected = 0;
    for (int i = 0; i < m->problem_count; i++) {
        const Expect *e = &m->problems[i];
        if (strcmp(e->file, file) != 0) continue;
        if (expected >= r.count) {
            fprintf(stderr, "  %s: expected problem %d (%s) is missing\n", file, expected + 1, e->code);
            test_current_failed = 1;
        } else {
            const LoadProblem *p = &r.problems[expected];
            if (strcmp(load_code_name(p->code), e->code) != 0 || p->line != e->line || p->col != e->col ||
                strcmp(p->path, e->path) != 0) {
                fprintf(stderr, "  %s: problem %d is %s %d:%d \"%s\" (%s), expected %s %d:%d \"%s\"\n", file,
                        expected + 1, load_code_name(p->code), p->line, p->col, p->path, p->message, e->code, e->line,
                        e->col, e->path);
                test_current_failed = 1;
            }
        }
        expected++;
    }
    if (r.count != expected || r.total != expected) {
        fprintf(stderr, "  %s: %d problems (%d in all), expected %d:\n", file, r.count, r.total, expected);
        for (int i = 0; i < r.count; i++) {
            char line[512];
            load_problem_format(&r, &r.problems[i], line, sizeof line);
            fprintf(stderr, "    %s [%s]\n", line, load_code_name(r.problems[i].code));
        }
        test_current_failed = 1;
    }
    if (expected == 0) {
        fprintf(stderr, "  %s: a bad fixture must expect at least one problem\n", file);
        test_current_failed = 1;
    }
    if (m->kept[index] >= 0 && tl.event_count != m->kept[index]) {
        fprintf(stderr, "  %s: %d events kept, expected %d\n", file, tl.event_count, m->kept[index]);
        test_current_failed = 1;
    }
    if (ok == r.rejected || (r.rejected && tl.event_count != 0)) {
        fprintf(stderr, "  %s: returned %d, rejected %d, %d events\n", file, ok, r.rejected, tl.event_count);
        test_current_failed = 1;
    }
    if (strcmp(r.file, path) != 0) {
        fprintf(stderr, "  %s: report names \"%s\"\n", file, r.file);
        test_current_failed = 1;
    }
    const char *fault = report_fault(&r);
    if (!fault) fault = timeline_fault(&tl);
    if (fault) {
        fprintf(stderr, "  %s: %s\n", file, fault);
        test_current_failed = 1;
    }
    timeline_free(&tl);
    load_report_free(&r);
}

static void bad_fixtures_should_report_exactly_the_expected_problems(void)
{
    static Manifest m;
    CHECK(manifest_read(&m));
    for (int i = 0; i < m.file_count; i++) check_bad_fixture(&m, i);
}

static void bad_fixtures_should_keep_the_good_events(void)
{
    /* The manifest says how many survive; here, which ones. */
    Timeline tl;
    LoadReport r;
    load_timeline_file(BAD "/date-slashes.json", &TODAY, &tl, &r);
    CHECK_INT(tl.event_count, 2);
    CHECK(event_by_id(&tl, "kinetoscope") != NULL);
    CHECK(event_by_id(&tl, "trip-to-the-moon") != NULL);
    CHECK(event_by_id(&tl, "lumiere-screening") == NULL);
    CHECK_INT(r.dropped_events, 1);
    timeline_free(&tl);
    load_report_free(&r);

    load_timeline_file(BAD "/colour-bad.json", &TODAY, &tl, &r);
    CHECK_INT(tl.category_count, 2); /* the category stays, with a default colour */
    CHECK_INT(tl.event_count, 3);
    timeline_free(&tl);
    load_report_free(&r);

    load_timeline_file(BAD "/many-mistakes.json", &TODAY, &tl, &r);
    CHECK(event_by_id(&tl, "great-train-robbery") != NULL);
    CHECK(event_by_id(&tl, "cabiria") != NULL);
    CHECK_INT(r.dropped_events, 4);
    timeline_free(&tl);
    load_report_free(&r);
}

static void bad_encoding_should_replace_bytes_and_keep_the_event(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_timeline_file(BAD "/encoding-invalid-utf8.json", &TODAY, &tl, &r));
    const Event *e = event_by_id(&tl, "lumiere-screening");
    CHECK(e != NULL);
    if (e) CHECK(strncmp(text_in(&e->title, 0), "Premi?re", 8) == 0);
    CHECK(load_report_has(&r, LOAD_ERROR));
    CHECK(!load_report_has(&r, LOAD_FATAL));
    timeline_free(&tl);
    load_report_free(&r);
}

static void problems_should_print_as_file_line_col_path_message(void)
{
    Timeline tl;
    LoadReport r;
    load_timeline_file(BAD "/date-slashes.json", &TODAY, &tl, &r);
    char line[512];
    CHECK(r.count == 1);
    if (r.count == 1) {
        load_problem_format(&r, &r.problems[0], line, sizeof line);
        CHECK(strncmp(line, BAD "/date-slashes.json:19:16: events[1].start: expected an ISO date", 
                      strlen(BAD "/date-slashes.json:19:16: events[1].start: expected an ISO date")) == 0);
        CHECK(strstr(line, "\"28/12/1895\"") != NULL);
        char small[16];
        size_t n = load_problem_format(&r, &r.problems[0], small, sizeof small);
        CHECK(n < sizeof small);
        CHECK_INT(strlen(small), n);
        CHECK_INT(load_problem_format(&r, &r.problems[0], small, 0), 0);
    }
    timeline_free(&tl);
    load_report_free(&r);

    load_timeline_file(BAD "/empty.json", &TODAY, &tl, &r);
    CHECK(r.count == 1);
    if (r.count == 1) {
        load_problem_format(&r, &r.problems[0], line, sizeof line);
        CHECK_STR(line, BAD "/empty.json: the file is empty; expected a JSON timeline");
    }
    timeline_free(&tl);
    load_report_free(&r);
}

static void code_names_should_be_stable_and_distinct(void)
{
    CHECK_STR(load_code_name(LOAD_BAD_DATE), "bad-date");
    CHECK_STR(load_code_name(LOAD_SYNTAX), "syntax");
    CHECK_STR(load_code_name(LOAD_UNKNOWN_FIELD), "unknown-field");
    CHECK_STR(load_code_name(LOAD_CODE_COUNT), "unknown");
    CHECK_STR(load_code_name((LoadCode)-1), "unknown");
    for (int a = 0; a < LOAD_CODE_COUNT; a++) {
        CHECK(load_code_name(a)[0] != '\0');
        for (int b = a + 1; b < LOAD_CODE_COUNT; b++) CHECK(strcmp(load_code_name(a), load_code_name(b)) != 0);
    }
}

/* ---- good files --------------------------------------------------------------------- */

static void minimal_file_should_load_without_problems(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_timeline_file(DATA "/good/minimal.json", &TODAY, &tl, &r));
    CHECK_INT(r.count, 0);
    CHECK_INT(r.total, 0);
    CHECK_INT(tl.event_count, 1);
    CHECK_INT(tl.lang_count, 1);
    CHECK_STR(tl.langs[0], "en");
    CHECK_STR(timeline_text(&tl, &tl.title, 0), "Minimal timeline");
    if (tl.event_count == 1) {
        const Event *e = &tl.events[0];
        CHECK_STR(e->id, "moon-landing");
        CHECK_INT(e->start.precision, DATE_PREC_DAY);
        CHECK_NEAR(e->start_days, -165.0, 0.0);
        CHECK_NEAR(e->end_days, -164.0, 0.0); /* no end: the end of its day */
        CHECK(!e->has_end);
        CHECK_INT(e->category, -1);
        CHECK_INT(e->certainty, CERTAINTY_CONFIRMED);
        CHECK(e->image.path == NULL);
    }
    CHECK(!tl.has_home);
    CHECK_SANE(tl, r);
    timeline_free(&tl);
    load_report_free(&r);
}

static void full_file_should_load_every_part_without_problems(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_timeline_file(DATA "/good/full.json", &TODAY, &tl, &r));
    for (int i = 0; i < r.count; i++) {
        char line[512];
        load_problem_format(&r, &r.problems[i], line, sizeof line);
        fprintf(stderr, "  unexpected: %s\n", line);
    }
    CHECK_INT(r.count, 0);
    CHECK_INT(tl.event_count, 10);
    CHECK_INT(tl.era_count, 4);
    CHECK_INT(tl.category_count, 3);
    CHECK_INT(tl.lane_count, 2);
    CHECK_INT(tl.tour_count, 1);
    CHECK_INT(tl.lang_count, 2);
    CHECK_STR(tl.langs[0], "fr");
    CHECK_STR(tl.langs[1], "en");
    CHECK_SANE(tl, r);
    timeline_free(&tl);
    load_report_free(&r);
}

static void full_file_events_should_be_sorted_by_start(void)
{
    static const char *const order[] = {"halley-240bc", "kaifeng-fire-arrows", "telescope-1608", "sputnik-1",
                                        "lost-cosmonauts", "gagarin", "apollo-11", "space-shuttle", "hubble",
                                        "iss-crew"};
    Timeline tl;
    LoadReport r;
    load_timeline_file(DATA "/good/full.json", &TODAY, &tl, &r);
    CHECK_INT(tl.event_count, 10);
    for (int i = 0; i < tl.event_count && i < 10; i++) CHECK_STR(tl.events[i].id, order[i]);
    for (int i = 1; i < tl.event_count; i++) CHECK(tl.events[i - 1].start_days <= tl.events[i].start_days);
    CHECK_NEAR(tl.min_days, tl.events[0].start_days, 0.0);
    CHECK_INT(tl.events[0].start.year, -239);
    timeline_free(&tl);
    load_report_free(&r);
}

static void full_file_texts_should_come_in_both_languages(void)
{
    Timeline tl;
    LoadReport r;
    load_timeline_file(DATA "/good/full.json", &TODAY, &tl, &r);
    int fr = timeline_lang_index(&tl, "fr"), en = timeline_lang_index(&tl, "en");
    CHECK_INT(fr, 0);
    CHECK_INT(en, 1);
    CHECK_STR(timeline_text(&tl, &tl.title, fr), "La conquête de l’espace");
    CHECK_STR(timeline_text(&tl, &tl.title, en), "The conquest of space");
    const Event *g = event_by_id(&tl, "gagarin");
    CHECK(g != NULL);
    if (g) {
        CHECK_STR(text_in(&g->title, fr), "Youri Gagarine, premier homme dans l’espace");
        CHECK_STR(text_in(&g->title, en), "Yuri Gagarin, first human in space");
        CHECK_INT(g->start.precision, DATE_PREC_MINUTE);
        CHECK_INT(g->start.hour, 6);
        CHECK_INT(g->source_count, 1);
        if (g->source_count == 1) {
            CHECK_STR(g->sources[0].publication, "NASA");
            CHECK_STR(g->sources[0].date, "2011-04-13");
            CHECK_STR(timeline_text(&tl, &g->sources[0].title, en), "Yuri Gagarin: First Man in Space");
        }
        CHECK_INT(g->tag_count, 2);
        if (g->tag_count == 2) CHECK_STR(g->tags[1], "Vostok");
    }
    const Event *a = event_by_id(&tl, "apollo-11");
    CHECK(a && strstr(text_in(&a->body, en), "\n\n") != NULL); /* paragraphs kept */
    timeline_free(&tl);
    load_report_free(&r);
}

static void missing_translations_should_fall_back_to_the_default_language(void)
{
    Timeline tl;
    LoadReport r;
    load_timeline_file(DATA "/good/full.json", &TODAY, &tl, &r);
    const Event *s = event_by_id(&tl, "sputnik-1");
    CHECK(s != NULL);
    if (s) {
        /* A plain string is the default language's text, shown for all. */
        CHECK_STR(text_in(&s->title, 0), "Spoutnik 1");
        CHECK(text_in(&s->title, 1) == NULL);
        CHECK_STR(timeline_text(&tl, &s->title, 1), "Spoutnik 1");
    }
    const Event *c = event_by_id(&tl, "lost-cosmonauts");
    CHECK(c != NULL);
    if (c) {
        CHECK(text_in(&c->summary, 1) == NULL); /* only French was written */
        CHECK(strncmp(timeline_text(&tl, &c->summary, 1), "Des rumeurs", 11) == 0);
        CHECK_STR(timeline_text(&tl, &c->body, 1), ""); /* no body at all */
    }
    const Era *apollo = NULL;
    for (int i = 0; i < tl.era_count; i++)
        if (strcmp(tl.eras[i].id, "apollo") == 0) apollo = &tl.eras[i];
    CHECK(apollo && strcmp(timeline_text(&tl, &apollo->label, 1), "Apollo") == 0);
    timeline_free(&tl);
    load_report_free(&r);
}

static void present_should_resolve_to_the_given_today(void)
{
    Timeline tl;
    LoadReport r;
    load_timeline_file(DATA "/good/full.json", &TODAY, &tl, &r);
    const Event *h = event_by_id(&tl, "hubble");
    CHECK(h != NULL);
    if (h) {
        CHECK(h->has_end);
        CHECK(h->end.present);
        CHECK_NEAR(h->end_days, TODAY_DAYS, 0.0);
        CHECK_NEAR(h->start_days, 7418.0, 0.0);
    }
    for (int i = 0; i < tl.era_count; i++)
        if (strcmp(tl.eras[i].id, "iss") == 0) CHECK_NEAR(tl.eras[i].end_days, TODAY_DAYS, 0.0);
    CHECK(tl.has_home);
    CHECK_NEAR(tl.home_from_days, -25567.0, 0.0); /* 1900-01-01 */
    CHECK_NEAR(tl.home_to_days, TODAY_DAYS, 0.0);
    /* The extent reaches today, and the tours' view steps where they go further. */
    double extent_end = TODAY_DAYS;
    for (int t = 0; t < tl.tour_count; t++)
        for (int k = 0; k < tl.tours[t].step_count; k++)
            if (tl.tours[t].steps[k].event < 0) extent_end = fmax(extent_end, tl.tours[t].steps[k].to_days);
    CHECK_NEAR(tl.max_days, extent_end, 0.0);
    timeline_free(&tl);

    /* Another today moves every "present" with it. */
    LoadOptions later = {.today_days = TODAY_DAYS + 365.0};
    load_report_free(&r);
    load_timeline_file(DATA "/good/full.json", &later, &tl, &r);
    h = event_by_id(&tl, "hubble");
    CHECK(h && h->end_days == TODAY_DAYS + 365.0);
    timeline_free(&tl);
    load_report_free(&r);
}

static void image_paths_should_resolve_against_the_files_folder(void)
{
    Timeline tl;
    LoadReport r;
    load_timeline_file(DATA "/good/full.json", &TODAY, &tl, &r);
    const Event *s = event_by_id(&tl, "sputnik-1");
    CHECK(s && s->image.path);
    if (s && s->image.path) {
        CHECK_STR(s->image.path, DATA "/good/images/sputnik-1.jpg");
        CHECK_STR(timeline_text(&tl, &s->image.credit, 1), "Photo: NASA");
        CHECK(strncmp(timeline_text(&tl, &s->image.alt, 0), "Une sphère", 11) == 0);
    }
    const Event *g = event_by_id(&tl, "gagarin");
    CHECK(g && g->image.path == NULL);
    timeline_free(&tl);
    load_report_free(&r);

    /* From memory without a folder, the path stays as written; an absolute
     * one is refused (it would reach outside the timeline's folder). */
    const char *text = "{\"format\": \"frise/1\", \"title\": \"T\", \"languages\": [\"en\"], \"events\": ["
                       "{\"id\": \"a\", \"start\": \"1970\", \"title\": \"A\", \"image\": {\"path\": \"img/a.png\"}},"
                       "{\"id\": \"b\", \"start\": \"1971\", \"title\": \"B\", \"image\": {\"path\": \"/srv/b.png\"}}]}";
    load_str(text, &tl, &r);
    CHECK_INT(tl.event_count, 2);
    if (tl.event_count == 2) {
        CHECK_STR(tl.events[0].image.path, "img/a.png");
        CHECK(tl.events[1].image.path == NULL);
        CHECK(find_problem(&r, LOAD_IMAGE_REFUSED) != NULL);
    }
    timeline_free(&tl);
    load_report_free(&r);
    load_timeline_memory("x.json", text, strlen(text), "/museum/data", &TODAY, &tl, &r);
    if (tl.event_count == 2) {
        CHECK_STR(tl.events[0].image.path, "/museum/data/img/a.png");
        CHECK(tl.events[1].image.path == NULL);
    }
    timeline_free(&tl);
    load_report_free(&r);
}

static void full_file_categories_eras_and_flags_should_be_read(void)
{
    Timeline tl;
    LoadReport r;
    load_timeline_file(DATA "/good/full.json", &TODAY, &tl, &r);
    if (tl.category_count == 3) {
        CHECK_STR(tl.categories[0].id, "discovery");
        CHECK_INT(tl.categories[0].colour.r, 0x2E);
        CHECK_INT(tl.categories[0].colour.g, 0x86);
        CHECK_INT(tl.categories[0].colour.b, 0xC1);
        CHECK_INT(tl.categories[0].colour.a, 255);
        CHECK_INT(tl.categories[0].shape, SHAPE_CIRCLE);
        CHECK_INT(tl.categories[1].shape, SHAPE_STAR);
        CHECK_INT(tl.categories[2].shape, SHAPE_DIAMOND);
    }
    const Event *t = event_by_id(&tl, "telescope-1608");
    CHECK(t && t->certainty == CERTAINTY_DISPUTED && text_in(&t->note, 1) != NULL);
    CHECK(t && t->start.precision == DATE_PREC_MONTH);
    const Event *c = event_by_id(&tl, "lost-cosmonauts");
    CHECK(c && c->certainty == CERTAINTY_UNVERIFIED && c->start.approximate && c->end.approximate);
    CHECK(c && c->category == -1);
    const Event *k = event_by_id(&tl, "kaifeng-fire-arrows");
    CHECK(k && k->start.approximate); /* "approximate": true */
    CHECK(k && k->category >= 0 && strcmp(tl.categories[k->category].id, "instruments") == 0);
    const Event *s = event_by_id(&tl, "space-shuttle");
    CHECK(s && s->has_end && s->end_days == (double)date_days_from_civil(2012, 1, 1));
    for (int i = 0; i < tl.era_count; i++) {
        const Era *e = &tl.eras[i];
        CHECK_STR(tl.lanes[e->lane].id, i < 2 ? "context" : "programmes");
    }
    if (tl.era_count == 4) {
        CHECK(tl.eras[1].start.approximate); /* "~1955" */
        CHECK_NEAR(tl.eras[2].end_days, (double)date_days_from_civil(1973, 1, 1), 0.0); /* "1972-12" */
        CHECK_INT(tl.eras[2].colour.r, 0xD4);
    }
    timeline_free(&tl);
    load_report_free(&r);
}

static void full_file_tour_should_name_events_by_index(void)
{
    Timeline tl;
    LoadReport r;
    load_timeline_file(DATA "/good/full.json", &TODAY, &tl, &r);
    CHECK_INT(tl.tour_count, 1);
    if (tl.tour_count == 1) {
        const Tour *t = &tl.tours[0];
        CHECK_STR(t->id, "space-age");
        CHECK_INT(t->step_count, 5);
        if (t->step_count == 5) {
            CHECK_INT(t->steps[0].event, -1);
            CHECK_NEAR(t->steps[0].from_days, (double)date_days_from_civil(1945, 1, 1), 0.0);
            CHECK_NEAR(t->steps[0].to_days, (double)date_days_from_civil(1981, 1, 1), 0.0);
            CHECK_NEAR(t->steps[0].duration_s, 10.0, 0.0);
            CHECK_INT(t->steps[1].event, timeline_find_event(&tl, "sputnik-1"));
            CHECK_NEAR(t->steps[1].duration_s, 8.0, 0.0); /* the default */
            CHECK_INT(t->steps[2].event, timeline_find_event(&tl, "gagarin"));
            CHECK_STR(timeline_text(&tl, &t->steps[2].caption, 1), "108 minutes that change everything.");
            CHECK_INT(t->steps[3].event, timeline_find_event(&tl, "apollo-11"));
            CHECK_NEAR(t->steps[3].duration_s, 12.5, 0.0);
            CHECK_INT(t->steps[4].event, -1);
        }
    }
    timeline_free(&tl);
    load_report_free(&r);
}

static void every_good_file_should_load_without_problems(void)
{
    DIR *dir = opendir(DATA "/good");
    CHECK(dir != NULL);
    if (!dir) return;
    int files = 0;
    for (struct dirent *d; (d = readdir(dir));) {
        size_t n = strlen(d->d_name);
        if (n < 5 || strcmp(d->d_name + n - 5, ".json") != 0) continue;
        char path[512];
        snprintf(path, sizeof path, DATA "/good/%s", d->d_name);
        Timeline tl;
        LoadReport r;
        bool ok = load_timeline_file(path, &TODAY, &tl, &r);
        if (!ok || r.total != 0 || tl.event_count == 0) {
            fprintf(stderr, "  %s: %d problems, %d events\n", d->d_name, r.total, tl.event_count);
            test_current_failed = 1;
        }
        CHECK_SANE(tl, r);
        timeline_free(&tl);
        load_report_free(&r);
        files++;
    }
    closedir(dir);
    CHECK(files >= 3);
}

/* ---- TimelineJS ---------------------------------------------------------------------- */

static void timelinejs_file_should_load_its_events_and_eras(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_timeline_file(DATA "/good/timelinejs.json", &TODAY, &tl, &r));
    CHECK_INT(r.total, 0);
    CHECK_INT(tl.event_count, 6);
    CHECK_INT(tl.era_count, 2);
    CHECK_INT(tl.lane_count, 1);
    CHECK_STR(timeline_text(&tl, &tl.title, 0), "The race to the Moon");
    CHECK_STR(timeline_text(&tl, &tl.description, 0),
              "From the first satellite to the first steps on the Moon, in twelve years.");
    /* sorted by start: Sputnik (1957) comes first although listed second */
    if (tl.event_count == 6) {
        CHECK_STR(tl.events[0].id, "sputnik-1");
        CHECK_STR(tl.events[1].id, "gagarin");
        CHECK_STR(tl.events[2].id, "kennedy-speech");
        CHECK_STR(tl.events[3].id, "event-4"); /* no unique_id: the 4th slide */
    }
    if (tl.era_count == 2) {
        CHECK_STR(timeline_text(&tl, &tl.eras[1].label, 0), "Apollo programme");
        CHECK_NEAR(tl.eras[0].end_days, (double)date_days_from_civil(1976, 1, 1), 0.0);
        Colour apollo = tl.eras[1].colour; /* its background.color, "#5b8" */
        CHECK(apollo.r == 0x55 && apollo.g == 0xBB && apollo.b == 0x88 && apollo.a == 255);
    }
    CHECK_SANE(tl, r);
    timeline_free(&tl);
    load_report_free(&r);
}

/* An era's background.color that is not a colour: a located warning, and
 * the era keeps the default colour. */
static void timelinejs_era_with_a_bad_background_colour_is_warned_and_kept(void)
{
    static const char doc[] =
        "{\"events\": [{\"start_date\": {\"year\": 1960}, \"text\": {\"headline\": \"A\"}}],\n"
        " \"eras\": [{\"start_date\": {\"year\": 1950}, \"end_date\": {\"year\": 1970},\n"
        "            \"text\": {\"headline\": \"E\"}, \"background\": {\"color\": \"teal-ish\"}}]}";
    Timeline tl;
    LoadReport r;
    CHECK(load_timeline_memory("bg.json", doc, sizeof doc - 1, NULL, &TODAY, &tl, &r));
    CHECK_INT(tl.era_count, 1);
    CHECK_INT(r.count, 1);
    if (r.count == 1) {
        CHECK_INT(r.problems[0].code, LOAD_BAD_COLOUR);
        CHECK_STR(r.problems[0].path, "eras[0].background.color");
        CHECK_INT(r.problems[0].line, 3);
    }
    if (tl.era_count == 1) CHECK(tl.eras[0].colour.r == 200 && tl.eras[0].colour.g == 190);
    timeline_free(&tl);
    load_report_free(&r);
}

/* A TimelineJS year in the millions or billions (deep time), as a number
 * or a string, is placed like any other; one beyond the age of the
 * universe many times over is refused, located, and the rest loads. */
static void timelinejs_deep_time_should_load(void)
{
    static const char doc[] =
        "{\"events\": [\n"
        " {\"start_date\": {\"year\": \"-13800000000\"}, \"text\": {\"headline\": \"Big Bang\"}},\n"
        " {\"start_date\": {\"year\": -5000000}, \"text\": {\"headline\": \"Five million\"}},\n"
        " {\"start_date\": {\"year\": -300000}, \"text\": {\"headline\": \"Homo sapiens\"}},\n"
        " {\"start_date\": {\"year\": -1e15}, \"text\": {\"headline\": \"Too far\"}},\n"
        " {\"start_date\": {\"year\": 1969}, \"text\": {\"headline\": \"Apollo 11\"}}]}";
    Timeline tl;
    LoadReport r;
    CHECK(load_timeline_memory("universe.json", doc, sizeof doc - 1, NULL, &TODAY, &tl, &r));
    CHECK_INT(tl.event_count, 4);
    CHECK_INT(r.count, 1);
    if (r.count == 1) {
        CHECK_INT(r.problems[0].line, 5);
        CHECK_STR(r.problems[0].path, "events[3].start_date");
        CHECK(strstr(r.problems[0].message, "outside -100000000000 to 9999") != NULL);
    }
    const Event *bang = tl.event_count > 0 ? &tl.events[0] : NULL; /* sorted by date */
    CHECK(bang != NULL);
    if (bang) {
        CHECK_STR(timeline_text(&tl, &bang->title, 0), "Big Bang");
        CHECK_INT(bang->start.year, -13800000000LL);
        CHECK(bang->start_days < -5.0e12);
    }
    timeline_free(&tl);
    load_report_free(&r);
    static const char eras[] = "{\"events\": [{\"start_date\": {\"year\": 1960}, \"text\": {\"headline\": \"A\"}}],"
                               " \"eras\": [{\"start_date\": {\"year\": -4600000000}, \"end_date\": {\"year\": 1970}}]}";
    CHECK(load_timeline_memory("eras.json", eras, sizeof eras - 1, NULL, &TODAY, &tl, &r));
    CHECK_INT(tl.era_count, 1);
    CHECK_INT(r.count, 0);
    timeline_free(&tl);
    load_report_free(&r);
}

/* The universe from the Big Bang to Apollo 11, a TimelineJS file with
 * "scale": "cosmological": every event and era is placed, in date order. */
static void timelinejs_universe_should_load_whole(void)
{
    Timeline tl;
    LoadReport r;
    load_timeline_file(DATA "/good/timelinejs-universe.json", &TODAY, &tl, &r);
    CHECK_INT(r.total, 0);
    CHECK_INT(tl.event_count, 11);
    CHECK_INT(tl.era_count, 2);
    const Event *bang = event_by_id(&tl, "big-bang"), *apollo = event_by_id(&tl, "apollo-11");
    const Event *cambrian = event_by_id(&tl, "cambrian");
    CHECK(bang && apollo && cambrian);
    if (bang && apollo && cambrian) {
        CHECK_INT(bang->start.year, -13800000000LL);
        CHECK_INT(cambrian->end.year, -485400000);
        CHECK(bang->start_days < cambrian->start_days && cambrian->start_days < apollo->start_days);
    }
    timeline_free(&tl);
    load_report_free(&r);
}

static void timelinejs_texts_should_keep_their_paragraphs_and_lose_their_html(void)
{
    Timeline tl;
    LoadReport r;
    load_timeline_file(DATA "/good/timelinejs.json", &TODAY, &tl, &r);
    const Event *s = event_by_id(&tl, "sputnik-1");
    CHECK(s && strcmp(text_in(&s->title, 0), "Sputnik\u00a01") == 0); /* &nbsp; kept */
    CHECK(s && strcmp(text_in(&s->body, 0),
                      "The Soviet Union launches the first artificial satellite.\nIts beeps are heard worldwide.") == 0);
    const Event *g = event_by_id(&tl, "gagarin");
    CHECK(g && strcmp(text_in(&g->body, 0),
                      "Aboard Vostok 1, Gagarin becomes the first human in space.\n\nThe flight lasts 108 minutes.") == 0);
    CHECK(g && strcmp(text_in(&g->summary, 0), "Aboard Vostok 1, Gagarin becomes the first human in space.") == 0);
    const Event *a = event_by_id(&tl, "apollo-11");
    CHECK(a && strcmp(text_in(&a->title, 0), "Apollo\u00a011 & the “Eagle”") == 0);
    const Event *k = event_by_id(&tl, "kennedy-speech");
    CHECK(k && strcmp(text_in(&k->title, 0), "Kennedy’s Moon speech") == 0);
    CHECK(k && strcmp(text_in(&k->body, 0), "“Before this decade is out” — the goal is set.") == 0);
    for (int i = 0; i < tl.event_count; i++) {
        CHECK(strchr(text_in(&tl.events[i].title, 0), '<') == NULL);
        CHECK(strchr(text_in(&tl.events[i].title, 0), '&') == NULL || strstr(text_in(&tl.events[i].title, 0), " & "));
    }
    timeline_free(&tl);
    load_report_free(&r);
}

static void timelinejs_groups_should_become_categories(void)
{
    Timeline tl;
    LoadReport r;
    load_timeline_file(DATA "/good/timelinejs.json", &TODAY, &tl, &r);
    CHECK_INT(tl.category_count, 2);
    if (tl.category_count == 2) {
        CHECK_STR(tl.categories[0].id, "Soviet Union");
        CHECK_STR(tl.categories[1].id, "United States");
        CHECK_STR(timeline_text(&tl, &tl.categories[1].label, 0), "United States");
    }
    const Event *a = event_by_id(&tl, "apollo-11"), *k = event_by_id(&tl, "kennedy-speech");
    CHECK(a && a->category == 1);
    CHECK(k && k->category == -1);
    timeline_free(&tl);
    load_report_free(&r);
}

static void timelinejs_dates_should_keep_precision_and_spans(void)
{
    Timeline tl;
    LoadReport r;
    load_timeline_file(DATA "/good/timelinejs.json", &TODAY, &tl, &r);
    const Event *a = event_by_id(&tl, "apollo-11");
    CHECK(a && a->has_end);
    CHECK(a && a->start_days == -169.0 && a->end_days == -160.0); /* 16 to 24 July 1969, inclusive */
    const Event *m = event_by_id(&tl, "gemini");
    CHECK(m && m->start.precision == DATE_PREC_MONTH && m->end.precision == DATE_PREC_MONTH);
    CHECK(m && m->end_days == (double)date_days_from_civil(1966, 12, 1));
    const Event *g = event_by_id(&tl, "gagarin");
    CHECK(g && g->start.precision == DATE_PREC_MINUTE && g->start.hour == 6 && g->start.minute == 7);
    CHECK(g && !g->has_end);
    const Event *s = event_by_id(&tl, "sputnik-1");
    CHECK(s && s->start_days == -4472.0);
    timeline_free(&tl);
    load_report_free(&r);
}

static void timelinejs_media_should_become_local_images_only(void)
{
    Timeline tl;
    LoadReport r;
    load_timeline_file(DATA "/good/timelinejs.json", &TODAY, &tl, &r);
    const Event *a = event_by_id(&tl, "apollo-11");
    CHECK(a && a->image.path && strcmp(a->image.path, DATA "/good/images/apollo-11.jpg") == 0);
    CHECK(a && strcmp(timeline_text(&tl, &a->image.credit, 0), "NASA / Neil Armstrong") == 0);
    CHECK(a && strcmp(timeline_text(&tl, &a->image.alt, 0), "Buzz Aldrin on the Moon") == 0);
    const Event *s = event_by_id(&tl, "sputnik-1");
    CHECK(s && s->image.path == NULL); /* a web address: not fetched */
    timeline_free(&tl);
    load_report_free(&r);
}

static void timelinejs_should_survive_huge_numbers_in_date_strings(void)
{
    /* strtol gives LONG_MIN for this; labs() of it used to overflow. */
    const char *text = "{\"events\": [{\"start_date\": {\"year\": \"-99999999999999999999999\"}},"
                       "{\"start_date\": {\"year\": 1e300}}, {\"start_date\": {\"year\": \"1970\", \"month\": \"x\"}}]}";
    Timeline tl;
    LoadReport r;
    load_str(text, &tl, &r);
    CHECK_INT(tl.event_count, 1);
    CHECK(find_problem(&r, LOAD_BAD_DATE) != NULL);
    CHECK_SANE(tl, r);
    timeline_free(&tl);
    load_report_free(&r);
}

/* ---- hostile input -------------------------------------------------------------------- */

static void a_100_mb_file_should_be_rejected_without_being_read(void)
{
    char path[] = "/tmp/frise-test-large-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) return;
    CHECK(ftruncate(fd, (off_t)100 * 1024 * 1024) == 0); /* sparse: no disk used */
    close(fd);
    Timeline tl;
    LoadReport r;
    clock_t t0 = clock();
    CHECK(!load_timeline_file(path, &TODAY, &tl, &r));
    double cpu_s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK(cpu_s < 0.1); /* reading and scanning 100 MB would take far longer */
    CHECK_INT(r.count, 1);
    if (r.count == 1) {
        CHECK_INT(r.problems[0].code, LOAD_FILE_TOO_LARGE);
        CHECK_INT(r.problems[0].severity, LOAD_FATAL);
        CHECK(strstr(r.problems[0].message, "104857600") != NULL);
    }
    CHECK(r.rejected);
    CHECK_INT(tl.event_count, 0);
    timeline_free(&tl);
    load_report_free(&r);
    unlink(path);
}

static void a_directory_should_be_unreadable(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(!load_timeline_file(DATA "/good", &TODAY, &tl, &r));
    CHECK_INT(r.count, 1);
    if (r.count == 1) {
        CHECK_INT(r.problems[0].code, LOAD_FILE_UNREADABLE);
        CHECK(strstr(r.problems[0].message, "folder") != NULL);
        CHECK_INT(r.problems[0].line, 0);
    }
    CHECK_STR(r.file, DATA "/good");
    timeline_free(&tl);
    load_report_free(&r);
}

static void a_missing_file_should_be_unreadable(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(!load_timeline_file(DATA "/good/no-such-timeline.json", &TODAY, &tl, &r));
    CHECK(r.rejected);
    CHECK_INT(r.count, 1);
    if (r.count == 1) {
        CHECK_INT(r.problems[0].code, LOAD_FILE_UNREADABLE);
        CHECK(strstr(r.problems[0].message, "No such file") != NULL);
    }
    timeline_free(&tl);
    load_report_free(&r);
}

static void empty_memory_should_be_an_empty_file(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(!load_timeline_memory("nothing.json", NULL, 0, NULL, &TODAY, &tl, &r));
    CHECK_INT(r.count, 1);
    CHECK(r.count == 1 && r.problems[0].code == LOAD_FILE_EMPTY);
    timeline_free(&tl);
    load_report_free(&r);
    CHECK(!load_str("\xEF\xBB\xBF \n", &tl, &r)); /* a byte order mark and spaces */
    CHECK(r.count == 1 && r.problems[0].code == LOAD_FILE_EMPTY);
    timeline_free(&tl);
    load_report_free(&r);
}

static void memory_need_not_be_nul_terminated(void)
{
    size_t len;
    char *text = test_read_file(DATA "/good/minimal.json", &len);
    CHECK(text != NULL);
    if (!text) return;
    char *exact = malloc(len); /* ASan catches a read past the end */
    memcpy(exact, text, len);
    Timeline tl;
    LoadReport r;
    CHECK(load_timeline_memory("minimal.json", exact, len, NULL, NULL, &tl, &r));
    CHECK_INT(r.total, 0);
    CHECK_INT(tl.event_count, 1);
    timeline_free(&tl);
    load_report_free(&r);
    free(exact);
    free(text);
}

static void nul_bytes_should_be_replaced_and_reported_where_they_are(void)
{
    const char text[] = "{\"format\": \"frise/1\", \"title\": \"T\", \"languages\": [\"en\"],\n"
                        "\"events\": [\n"
                        "  {\"id\": \"a\", \"start\": \"1970\", \"title\": \"Nul\0here\"},\n"
                        "  {\"id\": \"b\", \"start\": \"1971\", \"title\": \"Nul\0again\"}\n"
                        "]}";
    Timeline tl;
    LoadReport r;
    CHECK(load_mem(text, sizeof text - 1, &tl, &r));
    CHECK_INT(r.count, 1); /* the first of a kind is enough */
    if (r.count == 1) {
        CHECK_INT(r.problems[0].code, LOAD_BAD_ENCODING);
        CHECK_INT(r.problems[0].severity, LOAD_ERROR);
        CHECK_INT(r.problems[0].line, 3);
        CHECK_INT(r.problems[0].col, 45);
    }
    CHECK_INT(tl.event_count, 2);
    if (tl.event_count == 2) CHECK_STR(text_in(&tl.events[0].title, 0), "Nul?here");
    timeline_free(&tl);
    load_report_free(&r);
}

static void invalid_utf8_in_a_title_should_keep_the_event_and_say_where(void)
{
    const char *text = "{\"format\": \"frise/1\", \"title\": \"T\", \"languages\": [\"en\"],\n"
                       "\"events\": [\n"
                       "  {\"id\": \"cafe\", \"start\": \"1970\", \"title\": \"Caf\xE9 cr\xE8me \xC3\xA0 Paris\"}\n"
                       "]}";
    Timeline tl;
    LoadReport r;
    CHECK(load_str(text, &tl, &r));
    CHECK_INT(r.count, 1);
    if (r.count == 1) {
        CHECK_INT(r.problems[0].code, LOAD_BAD_ENCODING);
        CHECK_INT(r.problems[0].line, 3);
        CHECK_INT(r.problems[0].col, 48);
        CHECK_STR(r.problems[0].path, "");
    }
    CHECK_INT(tl.event_count, 1);
    if (tl.event_count == 1) CHECK_STR(text_in(&tl.events[0].title, 0), "Caf? cr?me à Paris");
    timeline_free(&tl);
    load_report_free(&r);
}

static void columns_should_count_characters_not_bytes_or_carriage_returns(void)
{
    const char *text = "{\r\n"
                       "  \"format\": \"frise/1\", \"title\": \"Époque\", \"languages\": [\"en\"],\r\n"
                       "\t\"events\": [{\"title\": \"Été\", \"id\": \"e\", \"start\": \"1970-3\"}]\r\n"
                       "}\r\n";
    Timeline tl;
    LoadReport r;
    load_str(text, &tl, &r);
    const LoadProblem *p = find_problem(&r, LOAD_BAD_DATE);
    CHECK(p != NULL);
    if (p) {
        CHECK_INT(p->line, 3);
        CHECK_INT(p->col, 50); /* a tab and "Été" count one column per character */
        CHECK_STR(p->path, "events[0].start");
    }
    timeline_free(&tl);
    load_report_free(&r);
}

static void deep_nesting_should_be_rejected_without_recursion(void)
{
    Buf b = {0};
    buf_repeat(&b, '[', 10000);
    buf_repeat(&b, ']', 10000);
    Timeline tl;
    LoadReport r;
    CHECK(!load_mem(b.data, b.len, &tl, &r));
    CHECK_INT(r.count, 1);
    if (r.count == 1) {
        CHECK_INT(r.problems[0].code, LOAD_TOO_DEEP);
        CHECK_INT(r.problems[0].line, 1);
        CHECK_INT(r.problems[0].col, LOAD_MAX_DEPTH + 1);
    }
    timeline_free(&tl);
    load_report_free(&r);

    /* Objects inside a real file, and brackets inside strings do not count. */
    b.len = 0;
    buf_puts(&b, "{\"format\": \"frise/1\", \"title\": \"[[[[{{{{\", \"languages\": [\"en\"], \"events\": [], \"x\": ");
    for (int i = 0; i < 10000; i++) buf_puts(&b, "{\"a\": ");
    buf_puts(&b, "1");
    buf_repeat(&b, '}', 10001);
    load_mem(b.data, b.len, &tl, &r);
    CHECK(r.count == 1 && r.problems[0].code == LOAD_TOO_DEEP);
    timeline_free(&tl);
    load_report_free(&r);

    /* Exactly at the limit is fine. */
    b.len = 0;
    buf_puts(&b, "{\"format\": \"frise/1\", \"title\": \"T\", \"languages\": [\"en\"], \"events\": "
                 "[{\"id\": \"a\", \"start\": \"1970\", \"title\": \"A\"}], \"note\": ");
    buf_repeat(&b, '[', LOAD_MAX_DEPTH - 1);
    buf_repeat(&b, ']', LOAD_MAX_DEPTH - 1);
    buf_puts(&b, "}");
    load_mem(b.data, b.len, &tl, &r);
    CHECK(!find_problem(&r, LOAD_TOO_DEEP));
    CHECK(find_problem(&r, LOAD_UNKNOWN_FIELD) != NULL);
    CHECK_INT(tl.event_count, 1);
    timeline_free(&tl);
    load_report_free(&r);
    free(b.data);
}

static void a_1_mb_string_should_be_too_long_and_cost_only_its_event(void)
{
    Buf b = {0};
    buf_puts(&b, "{\"format\": \"frise/1\", \"title\": \"T\", \"languages\": [\"en\"], \"description\": \"");
    buf_repeat(&b, 'd', 1024 * 1024);
    buf_puts(&b, "\", \"events\": [\n{\"id\": \"a\", \"start\": \"1970\", \"title\": \"");
    buf_repeat(&b, 'x', 1024 * 1024);
    buf_puts(&b, "\"},\n{\"id\": \"b\", \"start\": \"1971\", \"title\": \"Short\"}]}");
    Timeline tl;
    LoadReport r;
    CHECK(load_mem(b.data, b.len, &tl, &r));
    CHECK_INT(r.count, 2);
    if (r.count == 2) {
        CHECK_INT(r.problems[0].code, LOAD_STRING_TOO_LONG);
        CHECK_INT(r.problems[0].severity, LOAD_WARNING); /* the description: kept empty */
        CHECK_STR(r.problems[0].path, "description");
        CHECK_INT(r.problems[1].code, LOAD_STRING_TOO_LONG);
        CHECK_STR(r.problems[1].path, "events[0].title");
        CHECK_INT(r.problems[1].line, 2);
    }
    CHECK_INT(tl.event_count, 1);
    if (tl.event_count == 1) CHECK_STR(tl.events[0].id, "b");
    CHECK_STR(timeline_text(&tl, &tl.description, 0), "");
    timeline_free(&tl);
    load_report_free(&r);
    free(b.data);
}

/* A small deterministic generator (a 64-bit LCG) for the large and mutated inputs. */
static uint64_t rng_state;

static uint32_t rng_next(void)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(rng_state >> 33);
}

static void fifty_thousand_events_should_load_sorted(void)
{
    enum { N = 50000 };
    Buf b = {0};
    buf_puts(&b, "{\"format\": \"frise/1\", \"title\": \"Many\", \"languages\": [\"en\", \"fr\"],\n\"events\": [\n");
    rng_state = 1;
    for (int i = 0; i < N; i++) {
        char item[256];
        int y = 1800 + (int)(rng_next() % 300), m = 1 + (int)(rng_next() % 12), d = 1 + (int)(rng_next() % 28);
        snprintf(item, sizeof item,
                 "%s{\"id\": \"e%05d\", \"start\": \"%04d-%02d-%02d\", \"title\": {\"en\": \"Event %d\", \"fr\": "
                 "\"Événement %d\"}, \"tags\": [\"t%d\"]}\n",
                 i ? "," : "", i, y, m, d, i, i, i % 7);
        buf_puts(&b, item);
    }
    buf_puts(&b, "],\n\"tours\": [{\"id\": \"all\", \"title\": \"All\", \"steps\": [");
    for (int i = 0; i < LOAD_MAX_LIST; i++) {
        char step[64];
        snprintf(step, sizeof step, "%s{\"event\": \"e%05d\"}", i ? "," : "", i * 150);
        buf_puts(&b, step);
    }
    buf_puts(&b, "]}]}\n");
    Timeline tl;
    LoadReport r;
    clock_t t0 = clock();
    CHECK(load_mem(b.data, b.len, &tl, &r));
    double cpu_s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK(cpu_s < 10.0); /* generous for sanitizers; about 0.1 s without them */
    CHECK_INT(r.total, 0);
    CHECK_INT(tl.event_count, N);
    CHECK_SANE(tl, r);
    int out_of_order = 0;
    for (int i = 1; i < tl.event_count; i++) {
        const Event *p = &tl.events[i - 1], *e = &tl.events[i];
        if (p->start_days > e->start_days ||
            (p->start_days == e->start_days && p->end_days == e->end_days && strcmp(p->id, e->id) >= 0))
            out_of_order++;
    }
    CHECK_INT(out_of_order, 0);
    CHECK_INT(tl.tour_count, 1);
    if (tl.tour_count == 1) {
        CHECK_INT(tl.tours[0].step_count, LOAD_MAX_LIST);
        int wrong = 0;
        for (int i = 0; i < tl.tours[0].step_count; i++) {
            char id[16];
            snprintf(id, sizeof id, "e%05d", i * 150);
            if (strcmp(tl.events[tl.tours[0].steps[i].event].id, id) != 0) wrong++;
        }
        CHECK_INT(wrong, 0);
    }
    timeline_free(&tl);
    load_report_free(&r);
    free(b.data);
}

static void the_report_should_count_problems_beyond_the_stored_ones(void)
{
    enum { BAD_EVENTS = 1200 };
    Buf b = {0};
    buf_puts(&b, "{\"format\": \"frise/1\", \"title\": \"T\", \"languages\": [\"en\"], \"events\": [\n"
                 "{\"id\": \"good\", \"start\": \"1970\", \"title\": \"Good\"}");
    for (int i = 0; i < BAD_EVENTS; i++) {
        char item[96];
        snprintf(item, sizeof item, ",\n{\"id\": \"b%d\", \"start\": \"18/03/1970\", \"title\": \"Bad\"}", i);
        buf_puts(&b, item);
    }
    buf_puts(&b, "]}");
    Timeline tl;
    LoadReport r;
    CHECK(load_mem(b.data, b.len, &tl, &r));
    CHECK_INT(r.count, LOAD_MAX_STORED_PROBLEMS);
    CHECK_INT(r.total, BAD_EVENTS);
    CHECK_INT(r.dropped_events, BAD_EVENTS);
    CHECK_INT(tl.event_count, 1);
    CHECK_SANE(tl, r);
    timeline_free(&tl);
    load_report_free(&r);
    free(b.data);
}

/* Mutates buf in place (keeping it within cap); a few kinds of damage that
 * editors and transfers really do. */
static size_t mutate(char *buf, size_t len, size_t cap)
{
    static const char structural[] = "{}[]\",:\\ \n0-~";
    int edits = 1 + (int)(rng_next() % 8);
    for (int k = 0; k < edits && len > 0; k++) {
        size_t at = rng_next() % len;
        switch (rng_next() % 7) {
        case 0: buf[at] = (char)(rng_next() & 0xFF); break;                   /* any byte */
        case 1: buf[at] = structural[rng_next() % (sizeof structural - 1)]; break;
        case 2: memmove(buf + at, buf + at + 1, len - at - 1); len--; break;  /* delete */
        case 3:                                                                /* insert */
            if (len < cap) {
                memmove(buf + at + 1, buf + at, len - at);
                buf[at] = structural[rng_next() % (sizeof structural - 1)];
                len++;
            }
            break;
        case 4: len = at; break;                                               /* truncate */
        case 5: {                                                              /* duplicate a chunk */
            size_t n = 1 + rng_next() % 64;
            if (at + n > len) n = len - at;
            if (len + n <= cap) {
                memmove(buf + at + n, buf + at, len - at);
                len += n;
            }
            break;
        }
        default: buf[at] ^= (char)(1u << (rng_next() % 8)); break;            /* a bit flip */
        }
    }
    return len;
}

static void random_mutations_of_a_good_file_should_never_break_the_report(void)
{
    size_t len;
    char *original = test_read_file(DATA "/good/full.json", &len);
    CHECK(original != NULL);
    if (!original) return;
    size_t cap = len * 2;
    char *buf = malloc(cap);
    rng_state = 20240615;
    int faults = 0, loaded = 0, rejected = 0;
    for (int round = 0; round < 400; round++) {
        memcpy(buf, original, len);
        size_t n = mutate(buf, len, cap);
        Timeline tl;
        LoadReport r;
        bool ok = load_timeline_memory("mutant.json", buf, n, DATA "/good", &TODAY, &tl, &r);
        const char *fault = report_fault(&r);
        if (!fault) fault = timeline_fault(&tl);
        if (!fault && ok == r.rejected) fault = "return value disagrees with rejected";
        if (!fault && r.rejected && tl.event_count != 0) fault = "a rejected file kept events";
        if (fault) {
            if (faults++ < 5) fprintf(stderr, "  mutation %d: %s\n", round, fault);
        }
        if (ok) loaded++;
        else rejected++;
        timeline_free(&tl);
        load_report_free(&r);
    }
    CHECK_INT(faults, 0);
    CHECK(loaded > 0 && rejected > 0); /* both paths were exercised */
    free(buf);
    free(original);
}

/* ---- small rules -------------------------------------------------------------------------- */

static void an_end_on_the_day_before_the_start_should_be_rejected(void)
{
    const char *text = "{\"format\": \"frise/1\", \"title\": \"T\", \"languages\": [\"en\"], \"events\": ["
                       "{\"id\": \"a\", \"start\": \"1970-03-18\", \"end\": \"1970-03-17\", \"title\": \"A\"},"
                       "{\"id\": \"b\", \"start\": \"1970-03-18\", \"end\": \"1970-03-18\", \"title\": \"B\"},"
                       "{\"id\": \"c\", \"start\": \"1970-03-18\", \"end\": \"1970-03\", \"title\": \"C\"},"
                       "{\"id\": \"d\", \"start\": \"1970-03-18T10:00\", \"end\": \"1970-03-18T09:59\", \"title\": \"D\"},"
                       "{\"id\": \"e\", \"start\": \"2024-06-15\", \"end\": \"present\", \"title\": \"E\"}]}";
    Timeline tl;
    LoadReport r;
    load_str(text, &tl, &r);
    CHECK_INT(r.count, 2);
    if (r.count == 2) {
        CHECK_STR(r.problems[0].path, "events[0].end");
        CHECK_INT(r.problems[0].code, LOAD_DATE_ORDER);
        CHECK_STR(r.problems[1].path, "events[3].end");
    }
    CHECK(event_by_id(&tl, "b") && event_by_id(&tl, "c") && event_by_id(&tl, "e"));
    const Event *e = event_by_id(&tl, "e"); /* starts today, ends "present": an instant */
    CHECK(e && e->end_days == e->start_days);
    timeline_free(&tl);
    load_report_free(&r);
}

static void ties_should_sort_by_end_then_id(void)
{
    const char *text = "{\"format\": \"frise/1\", \"title\": \"T\", \"languages\": [\"en\"], \"events\": ["
                       "{\"id\": \"z\", \"start\": \"1970\", \"title\": \"Z\"},"
                       "{\"id\": \"long\", \"start\": \"1970\", \"end\": \"1980\", \"title\": \"L\"},"
                       "{\"id\": \"a\", \"start\": \"1970\", \"title\": \"A\"}]}";
    Timeline tl;
    LoadReport r;
    load_str(text, &tl, &r);
    CHECK_INT(tl.event_count, 3);
    if (tl.event_count == 3) {
        CHECK_STR(tl.events[0].id, "a");
        CHECK_STR(tl.events[1].id, "z");
        CHECK_STR(tl.events[2].id, "long");
    }
    timeline_free(&tl);
    load_report_free(&r);
}

static void report_has_should_compare_severities(void)
{
    Timeline tl;
    LoadReport r;
    load_timeline_file(BAD "/field-unknown.json", &TODAY, &tl, &r);
    CHECK(load_report_has(&r, LOAD_WARNING));
    CHECK(!load_report_has(&r, LOAD_ERROR));
    timeline_free(&tl);
    load_report_free(&r);
    load_timeline_file(BAD "/format-frise2.json", &TODAY, &tl, &r);
    CHECK(load_report_has(&r, LOAD_ERROR));
    CHECK(load_report_has(&r, LOAD_FATAL));
    timeline_free(&tl);
    load_report_free(&r);
    load_timeline_file(DATA "/good/minimal.json", &TODAY, &tl, &r);
    CHECK(!load_report_has(&r, LOAD_WARNING));
    timeline_free(&tl);
    load_report_free(&r);
}

static void freeing_should_be_safe_on_zeroed_and_freed_structs(void)
{
    Timeline tl = {0};
    LoadReport r = {0};
    timeline_free(&tl);
    load_report_free(&r);
    CHECK(load_timeline_file(DATA "/good/full.json", &TODAY, &tl, &r));
    timeline_free(&tl);
    load_report_free(&r);
    timeline_free(&tl);
    load_report_free(&r);
    CHECK_INT(tl.event_count, 0);
    CHECK(r.problems == NULL);
    CHECK(load_timeline_file(DATA "/good/full.json", &TODAY, &tl, &r)); /* reused */
    CHECK_INT(tl.event_count, 10);
    timeline_free(&tl);
    load_report_free(&r);
}

/* ---- the shipped timeline ------------------------------------------------------------------ */

static void shipped_timeline_should_be_complete_in_french_and_english(void)
{
    const char *path = FRISE_SOURCE_DIR "/data/timeline.json";
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "  %s is missing: the shipped timeline must exist\n", path);
        test_current_failed = 1;
        return;
    }
    Timeline tl;
    LoadReport r;
    CHECK(load_timeline_file(path, &TODAY, &tl, &r));
    for (int i = 0; i < r.count; i++) {
        char line[600];
        load_problem_format(&r, &r.problems[i], line, sizeof line);
        fprintf(stderr, "  %s\n", line);
    }
    CHECK_INT(r.total, 0);
    CHECK(tl.event_count >= 40);
    CHECK(tl.era_count >= 9);
    CHECK(tl.lang_count >= 2); /* French and English at least; more may come */
    int fr = timeline_lang_index(&tl, "fr"), en = timeline_lang_index(&tl, "en");
    CHECK(fr >= 0 && en >= 0);
    if (fr < 0 || en < 0) fr = 0, en = 1;
    int untranslated = 0, unsourced = 0;
    for (int i = 0; i < tl.event_count; i++) {
        const Event *e = &tl.events[i];
        const Text *texts[] = {&e->title, &e->summary, &e->body};
        for (int t = 0; t < 3; t++) {
            const char *a = text_in(texts[t], fr), *b = text_in(texts[t], en);
            if (!a || !a[0] || !b || !b[0]) {
                if (untranslated++ < 10) fprintf(stderr, "  %s: %s missing in fr or en\n", e->id,
                                                  t == 0 ? "title" : t == 1 ? "summary" : "body");
            }
        }
        if (e->source_count < 1) {
            if (unsourced++ < 10) fprintf(stderr, "  %s: no source\n", e->id);
        }
    }
    CHECK_INT(untranslated, 0);
    CHECK_INT(unsourced, 0);
    const Tour *ten = NULL;
    for (int i = 0; i < tl.tour_count; i++)
        if (strcmp(tl.tours[i].id, "ten-steps") == 0) ten = &tl.tours[i];
    CHECK(ten != NULL);
    if (ten) CHECK_INT(ten->step_count, 10);
    CHECK_SANE(tl, r);
    timeline_free(&tl);
    load_report_free(&r);
}

/* ---- issue 13: nothing a file can do freezes or floods Frise ---------------------------- */

/* A scratch folder with a timeline naming one image, for the disk rules. */
typedef struct Scratch {
    char dir[64];
    char file[128];
} Scratch;

static void scratch_make(Scratch *s, const char *image_path)
{
    snprintf(s->dir, sizeof s->dir, "/tmp/frise-test-img-XXXXXX");
    CHECK(mkdtemp(s->dir) != NULL);
    snprintf(s->file, sizeof s->file, "%s/t.json", s->dir);
    FILE *f = fopen(s->file, "w");
    CHECK(f != NULL);
    if (!f) return;
    fprintf(f, "{\"format\": \"frise/1\", \"title\": \"T\", \"languages\": [\"en\"], \"events\": [{\"id\": \"a\", "
               "\"start\": \"1970\", \"title\": \"A\", \"image\": {\"path\": \"%s\"}}]}", image_path);
    fclose(f);
}

static void scratch_path(const Scratch *s, const char *name, char *out, size_t cap)
{
    snprintf(out, cap, "%s/%s", s->dir, name);
}

/* Loads the scratch timeline; the one image problem's code, or LOAD_OK. */
static LoadCode scratch_image_code(const Scratch *s, const char **image_path_out)
{
    Timeline tl;
    LoadReport r;
    alarm(10); /* a blocking open() would hang the test: make it fail instead */
    load_timeline_file(s->file, &TODAY, &tl, &r);
    alarm(0);
    CHECK_INT(tl.event_count, 1);
    LoadCode code = r.count > 0 ? r.problems[0].code : LOAD_OK;
    if (image_path_out) *image_path_out = tl.event_count == 1 && tl.events[0].image.path ? "set" : NULL;
    CHECK_SANE(tl, r);
    timeline_free(&tl);
    load_report_free(&r);
    return code;
}

static void scratch_remove(const Scratch *s, const char *const *names)
{
    char path[256];
    for (int i = 0; names[i]; i++) {
        scratch_path(s, names[i], path, sizeof path);
        unlink(path);
    }
    unlink(s->file);
    rmdir(s->dir);
}

static void an_image_link_pointing_out_of_the_folder_should_be_refused(void)
{
    Scratch s;
    scratch_make(&s, "out.png");
    char link[256];
    scratch_path(&s, "out.png", link, sizeof link);
    CHECK(symlink("/etc/passwd", link) == 0);
    const char *kept = "";
    CHECK_INT(scratch_image_code(&s, &kept), LOAD_IMAGE_REFUSED);
    CHECK(kept == NULL);
    scratch_remove(&s, (const char *const[]){"out.png", NULL});
}

static void an_image_that_is_a_fifo_should_be_refused_without_blocking(void)
{
    Scratch s;
    scratch_make(&s, "pipe.png");
    char fifo[256];
    scratch_path(&s, "pipe.png", fifo, sizeof fifo);
    CHECK(mkfifo(fifo, 0600) == 0);
    const char *kept = "";
    CHECK_INT(scratch_image_code(&s, &kept), LOAD_IMAGE_REFUSED);
    CHECK(kept == NULL);
    scratch_remove(&s, (const char *const[]){"pipe.png", NULL});
}

static void a_missing_image_should_be_a_located_warning_that_keeps_the_path(void)
{
    Scratch s;
    scratch_make(&s, "later.png");
    const char *kept = NULL;
    CHECK_INT(scratch_image_code(&s, &kept), LOAD_IMAGE_MISSING);
    CHECK(kept != NULL); /* the placeholder shows, and the picture once the file is there */
    scratch_remove(&s, (const char *const[]){NULL});
}

static void a_link_to_an_image_inside_the_folder_should_be_fine(void)
{
    Scratch s;
    scratch_make(&s, "alias.jpg");
    char link[256];
    scratch_path(&s, "alias.jpg", link, sizeof link);
    CHECK(symlink(DATA "/good/images/sputnik-1.jpg", link) == 0); /* outside: refused */
    CHECK_INT(scratch_image_code(&s, NULL), LOAD_IMAGE_REFUSED);
    unlink(link);
    FILE *in = fopen(DATA "/good/images/sputnik-1.jpg", "rb");
    char real[256];
    scratch_path(&s, "real.jpg", real, sizeof real);
    FILE *out = fopen(real, "wb");
    CHECK(in && out);
    for (int c; in && out && (c = fgetc(in)) != EOF;) fputc(c, out);
    if (in) fclose(in);
    if (out) fclose(out);
    CHECK(symlink("real.jpg", link) == 0); /* inside: fine */
    CHECK_INT(scratch_image_code(&s, NULL), LOAD_OK);
    scratch_remove(&s, (const char *const[]){"alias.jpg", "real.jpg", NULL});
}

static void a_fifo_as_the_timeline_should_be_unreadable_without_blocking(void)
{
    char dir[] = "/tmp/frise-test-fifo-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char fifo[64];
    snprintf(fifo, sizeof fifo, "%s/t.json", dir);
    CHECK(mkfifo(fifo, 0600) == 0);
    Timeline tl;
    LoadReport r;
    alarm(10);
    CHECK(!load_timeline_file(fifo, &TODAY, &tl, &r));
    alarm(0);
    CHECK(r.count == 1 && r.problems[0].code == LOAD_FILE_UNREADABLE);
    timeline_free(&tl);
    load_report_free(&r);
    unlink(fifo);
    rmdir(dir);
}

static void millions_of_tiny_values_should_be_rejected_before_building_the_tree(void)
{
    /* 2 bytes a value would cost 80 bytes of tree each: refused unbuilt. */
    Buf b = {0};
    buf_puts(&b, "{\"format\": \"frise/1\", \"title\": \"T\", \"languages\": [\"en\"], \"events\": [], \"x\": [");
    for (int i = 0; i < LOAD_MAX_JSON_VALUES; i++) buf_add(&b, "0,", 2);
    buf_puts(&b, "0]}");
    Timeline tl;
    LoadReport r;
    clock_t t0 = clock();
    CHECK(!load_mem(b.data, b.len, &tl, &r));
    CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
    CHECK(r.count == 1 && r.problems[0].code == LOAD_TOO_MANY && r.problems[0].severity == LOAD_FATAL);
    CHECK(r.count == 1 && r.problems[0].line == 1);
    timeline_free(&tl);
    load_report_free(&r);
    free(b.data);
}

/* A report with n problems of severity sev (and dropped events when errors). */
static LoadReport report_with(int n, LoadSeverity sev, bool rejected)
{
    static LoadProblem problems[4];
    LoadReport r = {.problems = problems, .count = n, .cap = 4, .total = n, .rejected = rejected};
    for (int i = 0; i < n; i++) problems[i] = (LoadProblem){.code = LOAD_BAD_DATE, .severity = sev};
    r.dropped_events = sev >= LOAD_ERROR ? n : 0;
    return r;
}

static void reload_should_keep_the_last_good_timeline_when_the_new_file_is_broken(void)
{
    LoadReport clean = report_with(0, LOAD_WARNING, false);
    LoadReport warned = report_with(2, LOAD_WARNING, false);
    LoadReport errors = report_with(3, LOAD_ERROR, false);
    LoadReport fatal = report_with(1, LOAD_FATAL, true);
    CHECK(!load_reload_acceptable(&fatal, 0, 63));       /* rejected: syntax, missing file */
    CHECK(!load_reload_acceptable(&clean, 0, 63));       /* "events": [] */
    CHECK(!load_reload_acceptable(&errors, 0, 63));      /* every event invalid */
    CHECK(!load_reload_acceptable(&errors, 31, 63));     /* problems, and under half left */
    CHECK(load_reload_acceptable(&errors, 32, 63));      /* problems, but half or more */
    CHECK(load_reload_acceptable(&clean, 5, 63));        /* shorter on purpose, no problem */
    CHECK(load_reload_acceptable(&warned, 63, 63));      /* warnings only */
    CHECK(load_reload_acceptable(&clean, 1, 0));         /* the first good file after a bad one */

    /* The same verdict from real files: all-events-bad.json and events-empty.json. */
    Timeline tl;
    LoadReport r;
    load_timeline_file(BAD "/all-events-bad.json", &TODAY, &tl, &r);
    CHECK(!load_reload_acceptable(&r, tl.event_count, 10));
    timeline_free(&tl);
    load_report_free(&r);
    load_timeline_file(BAD "/events-empty.json", &TODAY, &tl, &r);
    CHECK(!load_reload_acceptable(&r, tl.event_count, 10));
    timeline_free(&tl);
    load_report_free(&r);
}

static void timelinejs_month_names_should_be_read_and_words_reported(void)
{
    Timeline tl;
    LoadReport r;
    load_timeline_file(BAD "/timelinejs-month-names.json", &TODAY, &tl, &r);
    for (int i = 0; i < tl.event_count; i++) {
        const Event *e = &tl.events[i];
        const char *title = timeline_text(&tl, &e->title, 0);
        if (strcmp(title, "Apollo 11") == 0) {
            CHECK_INT(e->start.month, 7);
            CHECK_INT(e->start.day, 20);
            CHECK_INT(e->start.precision, DATE_PREC_DAY);
        } else if (strcmp(title, "Sputnik 1") == 0) {
            CHECK_INT(e->start.month, 10);
            CHECK_INT(e->start.precision, DATE_PREC_MONTH);
        } else if (strcmp(title, "Empty parts") == 0 || strcmp(title, "No such month") == 0) {
            CHECK_INT(e->start.precision, DATE_PREC_YEAR);
        } else if (strcmp(title, "A day in words") == 0) {
            CHECK_INT(e->start.precision, DATE_PREC_MONTH);
        }
    }
    CHECK_INT(tl.event_count, 5);
    timeline_free(&tl);
    load_report_free(&r);
}

/* ---- the limits table of docs/timeline-format.md against the code ------------------------ */

/* The numbers of a table cell, commas ignored: "from -999999 to 9999" -> two. */
static int cell_numbers(const char *cell, long long *out, int cap)
{
    int n = 0;
    for (const char *p = cell; *p && n < cap;) {
        bool neg = *p == '-' && p[1] >= '0' && p[1] <= '9';
        if (!neg && !(*p >= '0' && *p <= '9')) {
            p++;
            continue;
        }
        if (neg) p++;
        long long v = 0;
        while ((*p >= '0' && *p <= '9') || (*p == ',' && p[1] >= '0' && p[1] <= '9')) {
            if (*p != ',') v = v * 10 + (*p - '0');
            p++;
        }
        if (strncmp(p, " MiB", 4) == 0) v *= 1024 * 1024;
        out[n++] = neg ? -v : v;
    }
    return n;
}

typedef struct Limit {
    const char *what;          /* the start of the row's first cell */
    long long values[3];
    int count;
} Limit;

static void the_limits_table_should_match_the_code(void)
{
    static const Limit limits[] = {
        {"File size", {LOAD_MAX_FILE_BYTES}, 1},
        {"JSON values", {LOAD_MAX_JSON_VALUES}, 1},
        {"Nesting depth", {LOAD_MAX_DEPTH}, 1},
        {"Any single string", {LOAD_MAX_STRING_BYTES, 2, 3}, 3},
        {"Number of events", {LOAD_MAX_EVENTS}, 1},
        {"Items of any other list", {LOAD_MAX_LIST}, 1},
        {"Number of languages", {TIMELINE_MAX_LANGS}, 1},
        {"Years", {DATE_MIN_YEAR, DATE_MAX_WRITTEN_YEAR, 4}, 3},
        {"Image file size", {IMAGE_MAX_FILE_BYTES}, 1},
        {"Image size", {IMAGE_MAX_SIDE_PX, IMAGE_MAX_PIXELS}, 2},
        {"Image shown", {IMAGE_SHOWN_MAX_PX}, 1},
        {"Reload", {LOAD_RELOAD_MIN_SHARE_PERCENT}, 1},
    };
    enum { N = sizeof limits / sizeof limits[0] };
    FILE *f = fopen(FRISE_SOURCE_DIR "/docs/timeline-format.md", "r");
    CHECK(f != NULL);
    if (!f) return;
    char line[512];
    bool in_section = false, seen[N] = {false};
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "## ", 3) == 0) in_section = strstr(line, "Limits") != NULL;
        if (!in_section || line[0] != '|' || strncmp(line, "| What", 6) == 0 || strncmp(line, "|---", 4) == 0) continue;
        int k = 0;
        while (k < N && strncmp(line + 2, limits[k].what, strlen(limits[k].what)) != 0) k++;
        if (k == N) {
            fprintf(stderr, "  the limits table has a row the test does not know: %s", line);
            test_current_failed = 1;
            continue;
        }
        seen[k] = true;
        long long got[8];
        int n = cell_numbers(strchr(line + 1, '|'), got, 8);
        for (int i = 0; i < limits[k].count; i++)
            if (i >= n || got[i] != limits[k].values[i]) {
                fprintf(stderr, "  limits table, \"%s\": number %d is %lld, the code says %lld\n", limits[k].what, i + 1,
                        i < n ? got[i] : -1LL, limits[k].values[i]);
                test_current_failed = 1;
            }
    }
    fclose(f);
    for (int k = 0; k < N; k++)
        if (!seen[k]) {
            fprintf(stderr, "  the limits table has no row \"%s\"\n", limits[k].what);
            test_current_failed = 1;
        }
}

static void timelinejs_lists_links_and_remote_media_should_be_kept(void)
{
    Timeline tl;
    LoadReport r;
    load_timeline_file(DATA "/good/timelinejs-rich.json", &TODAY, &tl, &r);
    CHECK_INT(r.total, 0);
    const Event *j = event_by_id(&tl, "jupiter");
    CHECK(j != NULL);
    if (j) {
        CHECK_STR(text_in(&j->title, 0), "Galileo sees Jupiter’s moons");
        CHECK_STR(text_in(&j->summary, 0), "Four moons:");
        CHECK(strstr(text_in(&j->body, 0), "\xE2\x80\xA2 Io\n\xE2\x80\xA2 Europa") != NULL); /* a list as bullets */
        CHECK(strstr(text_in(&j->body, 0), "the Galilean moons (https://en.wikipedia.org/wiki/Galilean_moons)") != NULL);
        CHECK_INT(j->source_count, 1); /* the video: listed, never dropped */
        if (j->source_count == 1) {
            CHECK_STR(j->sources[0].url, "https://www.youtube.com/watch?v=example");
            CHECK_STR(text_in(&j->sources[0].title, 0), "A film about Jupiter");
            CHECK_STR(j->sources[0].publication, "NASA");
        }
    }
    timeline_free(&tl);
    load_report_free(&r);
}

/* The events are parsed one at a time, the rest of the file without them:
 * problems inside an event, before the events and after them (where the
 * rest's text is shorter than the file's) are all placed in the file. */
static void problems_before_inside_and_after_the_events_should_be_placed_in_the_file(void)
{
    const char *text =
        "{\"format\": \"frise/1\", \"title\": {\"en\": \"T\"}, \"languages\": [\"en\"],\n"
        " \"titel\": 1,\n"
        " \"events\": [\n"
        "  {\"id\": \"a\", \"start\": \"1956-05-13\", \"title\": {\"en\": \"A\"}},\n"
        "  {\"id\": \"b\", \"start\": \"1970-02-30\", \"title\": {\"en\": \"B\"}},\n"
        "  {\"id\": \"c\", \"start\": \"1975-04-17\", \"title\": {\"en\": \"C\"}, \"colour\": 1}\n"
        " ],\n"
        " \"tours\": [{\"id\": \"t\", \"title\": {\"en\": \"W\"}, \"steps\": [{\"event\": \"zz\"}]}]\n"
        "}\n";
    Timeline tl;
    LoadReport r;
    load_str(text, &tl, &r);
    CHECK_INT(tl.event_count, 2);
    const LoadProblem *date = find_problem(&r, LOAD_BAD_DATE), *ref = find_problem(&r, LOAD_UNKNOWN_REFERENCE);
    const LoadProblem *unknown[2] = {NULL, NULL};
    int n = 0;
    for (int i = 0; i < r.count; i++)
        if (r.problems[i].code == LOAD_UNKNOWN_FIELD && n < 2) unknown[n++] = &r.problems[i];
    CHECK_INT(n, 2);
    CHECK(unknown[0] && unknown[0]->line == 2 && unknown[0]->col == 11);  /* before the events */
    CHECK(unknown[1] && unknown[1]->line == 6 && unknown[1]->col == 70);  /* in the last event */
    CHECK(date && date->line == 5 && date->col == 24);
    CHECK(ref && ref->line == 8 && ref->col == 66);
    timeline_free(&tl);
    load_report_free(&r);
}

/* A file large enough that the events read are given back to the system
 * as the load goes (load_feed.c): problems in a late event and after the
 * events are still placed by counting lines the loader no longer holds. */
static void problems_after_discarded_events_should_still_be_placed(void)
{
    enum { EVENT_COUNT = 60000, BAD_EVENT = EVENT_COUNT - 2 };
    size_t cap = (size_t)EVENT_COUNT * 320 + 4096, n = 0;
    char *text = malloc(cap);
    if (!text) return;
    n += (size_t)snprintf(text + n, cap - n, "{\"format\": \"frise/1\", \"titel\": 1, \"title\": \"Big\", \"languages\": [\"en\"],\n"
                                             " \"events\": [\n");
    for (int i = 0; i < EVENT_COUNT; i++) /* one event a line: event i is on line i + 3 */
        n += (size_t)snprintf(text + n, cap - n,
                              "  {\"id\": \"e%d\", \"start\": \"%s\", \"title\": \"An event of ordinary length, %d\", "
                              "\"summary\": \"A sentence or two that a card would show, padded to be long enough.\"}%s\n",
                              i, i == BAD_EVENT ? "1970-02-30" : "1970-01-01", i, i + 1 < EVENT_COUNT ? "," : "");
    n += (size_t)snprintf(text + n, cap - n,
                          " ],\n \"tours\": [{\"id\": \"t\", \"title\": \"W\", \"steps\": [{\"event\": \"zz\"}]}]\n}\n");
    CHECK(n > (size_t)8 << 20); /* past the loader's discard step, twice */
    Timeline tl;
    LoadReport r;
    load_mem(text, n, &tl, &r);
    CHECK_INT(tl.event_count, EVENT_COUNT - 1);
    const LoadProblem *date = find_problem(&r, LOAD_BAD_DATE), *ref = find_problem(&r, LOAD_UNKNOWN_REFERENCE);
    CHECK(date && date->line == BAD_EVENT + 3 && date->col == 29);
    CHECK(ref && ref->line == EVENT_COUNT + 4 && ref->col == 58);
    const LoadProblem *typo = find_problem(&r, LOAD_UNKNOWN_FIELD); /* before the events: counted again from the top */
    CHECK(typo && typo->line == 1 && typo->col == 32);
    timeline_free(&tl);
    load_report_free(&r);
    free(text);
}

/* cJSON finds the first key that decodes to "events"; the streamed
 * reader must not take a later one spelled plainly. */
static void an_escaped_events_key_is_the_one_read(void)
{
    const char *text = "{\"format\": \"frise/1\", \"title\": \"T\", \"languages\": [\"en\"],"
                       " \"ev\\u0065nts\": [{\"id\": \"a\", \"start\": \"1970\", \"title\": \"A\"}],"
                       " \"events\": [{\"id\": \"b\", \"start\": \"1971\", \"title\": \"B\"}]}";
    Timeline tl;
    LoadReport r;
    load_str(text, &tl, &r);
    CHECK_INT(tl.event_count, 1);
    CHECK(tl.event_count == 1 && strcmp(tl.events[0].id, "a") == 0);
    timeline_free(&tl);
    load_report_free(&r);
}

/* What TimelineJS's own sheets and examples write: display dates, an
 * end_date of empty strings, a quotation or a non-web address as media,
 * an empty media url; and a file of slides dated "date" rather than
 * "start_date" is told in TimelineJS's terms. */
static void timelinejs_quirks_should_load_as_timelinejs_shows_them(void)
{
    Timeline tl;
    LoadReport r;
    load_timeline_file(DATA "/good/timelinejs-quirks.json", &TODAY, &tl, &r);
    CHECK_INT(tl.event_count, 7);
    CHECK_INT(r.total, 0);
    char shown[128];
    const Event *spring = event_by_id(&tl, "spring"), *words = event_by_id(&tl, "dates-in-words");
    const Event *circa = event_by_id(&tl, "circa"), *end = event_by_id(&tl, "empty-end");
    const Event *quote = event_by_id(&tl, "quote"), *song = event_by_id(&tl, "spotify");
    if (spring) timeline_event_date(&tl, spring, 0, shown, sizeof shown);
    CHECK(spring && strcmp(shown, "Spring 1956") == 0);
    if (words) timeline_event_date(&tl, words, 0, shown, sizeof shown);
    CHECK(words && strcmp(shown, "The early sixties – 1964") == 0);
    CHECK(circa && circa->start.approximate && timeline_text_empty(&circa->display_date));
    CHECK(end && !end->has_end);
    CHECK(quote && text_in(&quote->body, 0) &&
          strcmp(text_in(&quote->body, 0), "Before the quotation.\n\nWords worth keeping.") == 0);
    CHECK(song && song->source_count == 1 && strcmp(song->sources[0].url, "spotify:track:0123456789abcdef") == 0);
    CHECK(!event_by_id(&tl, "no-media")->image.path);
    timeline_free(&tl);
    load_report_free(&r);
    const char *dated = "{\"events\": [{\"date\": \"1970\", \"text\": {\"headline\": \"A\"}}]}";
    load_str(dated, &tl, &r);
    const LoadProblem *p = find_problem(&r, LOAD_MISSING_FIELD);
    CHECK(p && strstr(p->message, "\"start_date\", not \"date\"") != NULL);
    CHECK(!find_problem(&r, LOAD_UNKNOWN_FIELD)); /* not read as frise/1 */
    timeline_free(&tl);
    load_report_free(&r);
}

int main(void)
{
    RUN(timelinejs_quirks_should_load_as_timelinejs_shows_them);
    RUN(an_escaped_events_key_is_the_one_read);
    RUN(problems_after_discarded_events_should_still_be_placed);
    RUN(problems_before_inside_and_after_the_events_should_be_placed_in_the_file);
    RUN(bad_manifest_should_be_readable_and_name_existing_files);
    RUN(every_bad_fixture_should_be_listed_in_the_manifest);
    RUN(bad_fixtures_should_cover_every_code_a_file_can_cause);
    RUN(bad_fixtures_should_report_exactly_the_expected_problems);
    RUN(bad_fixtures_should_keep_the_good_events);
    RUN(bad_encoding_should_replace_bytes_and_keep_the_event);
    RUN(problems_should_print_as_file_line_col_path_message);
    RUN(code_names_should_be_stable_and_distinct);
    RUN(minimal_file_should_load_without_problems);
    RUN(full_file_should_load_every_part_without_problems);
    RUN(full_file_events_should_be_sorted_by_start);
    RUN(full_file_texts_should_come_in_both_languages);
    RUN(missing_translations_should_fall_back_to_the_default_language);
    RUN(present_should_resolve_to_the_given_today);
    RUN(image_paths_should_resolve_against_the_files_folder);
    RUN(full_file_categories_eras_and_flags_should_be_read);
    RUN(full_file_tour_should_name_events_by_index);
    RUN(every_good_file_should_load_without_problems);
    RUN(timelinejs_file_should_load_its_events_and_eras);
    RUN(timelinejs_era_with_a_bad_background_colour_is_warned_and_kept);
    RUN(timelinejs_deep_time_should_load);
    RUN(timelinejs_universe_should_load_whole);
    RUN(timelinejs_texts_should_keep_their_paragraphs_and_lose_their_html);
    RUN(timelinejs_lists_links_and_remote_media_should_be_kept);
    RUN(timelinejs_groups_should_become_categories);
    RUN(timelinejs_dates_should_keep_precision_and_spans);
    RUN(timelinejs_media_should_become_local_images_only);
    RUN(timelinejs_should_survive_huge_numbers_in_date_strings);
    RUN(a_100_mb_file_should_be_rejected_without_being_read);
    RUN(a_directory_should_be_unreadable);
    RUN(a_missing_file_should_be_unreadable);
    RUN(empty_memory_should_be_an_empty_file);
    RUN(memory_need_not_be_nul_terminated);
    RUN(nul_bytes_should_be_replaced_and_reported_where_they_are);
    RUN(invalid_utf8_in_a_title_should_keep_the_event_and_say_where);
    RUN(columns_should_count_characters_not_bytes_or_carriage_returns);
    RUN(deep_nesting_should_be_rejected_without_recursion);
    RUN(a_1_mb_string_should_be_too_long_and_cost_only_its_event);
    RUN(fifty_thousand_events_should_load_sorted);
    RUN(the_report_should_count_problems_beyond_the_stored_ones);
    RUN(random_mutations_of_a_good_file_should_never_break_the_report);
    RUN(an_end_on_the_day_before_the_start_should_be_rejected);
    RUN(ties_should_sort_by_end_then_id);
    RUN(report_has_should_compare_severities);
    RUN(freeing_should_be_safe_on_zeroed_and_freed_structs);
    RUN(shipped_timeline_should_be_complete_in_french_and_english);
    RUN(an_image_link_pointing_out_of_the_folder_should_be_refused);
    RUN(an_image_that_is_a_fifo_should_be_refused_without_blocking);
    RUN(a_missing_image_should_be_a_located_warning_that_keeps_the_path);
    RUN(a_link_to_an_image_inside_the_folder_should_be_fine);
    RUN(a_fifo_as_the_timeline_should_be_unreadable_without_blocking);
    RUN(millions_of_tiny_values_should_be_rejected_before_building_the_tree);
    RUN(reload_should_keep_the_last_good_timeline_when_the_new_file_is_broken);
    RUN(timelinejs_month_names_should_be_read_and_words_reported);
    RUN(the_limits_table_should_match_the_code);
    return TEST_REPORT();
}
