/* test_csv.c: the spreadsheet (CSV) reader: both layouts, every quirk of the
 * fixtures in tests/data/csv/, problems located as FILE:ROW:COLUMN with the
 * column's name, hostile input made on the spot, and memory and file loads
 * agreeing. Runs under ASan and UBSan, so "does not crash or leak" is
 * checked by every test.
 *
 * `test_csv --time FILE` instead times load_csv_file on FILE and prints one
 * line (run it from a Release build, under /usr/bin/time -f %M for the peak
 * memory): how the million-row figure in docs/spreadsheets.md is measured. */
#define _POSIX_C_SOURCE 200809L

#include "load_csv.h"

#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "test.h"

#define CSV FRISE_TEST_DATA "/csv"

/* "Today" for every load: 2024-06-15. */
enum { TODAY_DAYS = 19889 };
static const LoadOptions TODAY = {.today_days = TODAY_DAYS};

/* ---- helpers -------------------------------------------------------------------- */

static bool load_fixture(const char *name, Timeline *tl, LoadReport *r)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", CSV, name);
    return load_csv_file(path, &TODAY, tl, r);
}

static bool load_text(const char *text, Timeline *tl, LoadReport *r)
{
    return load_csv_memory("mem.csv", text, strlen(text), NULL, &TODAY, tl, r);
}

static void done(Timeline *tl, LoadReport *r)
{
    timeline_free(tl);
    load_report_free(r);
}

/* The event with this first-language title, or NULL. */
static const Event *by_title(const Timeline *tl, const char *title)
{
    for (int i = 0; i < tl->event_count; i++)
        if (strcmp(timeline_text(tl, &tl->events[i].title, 0), title) == 0) return &tl->events[i];
    return NULL;
}

static const Event *by_id(const Timeline *tl, const char *id)
{
    int i = timeline_find_event(tl, id);
    return i >= 0 ? &tl->events[i] : NULL;
}

static const char *lang_text(const Timeline *tl, const Text *t, const char *code)
{
    int l = timeline_lang_index(tl, code);
    return l >= 0 && text_in(t, l) ? text_in(t, l) : "(none)";
}

/* The problem at row:col, or NULL. */
static const LoadProblem *problem_at(const LoadReport *r, int row, int col)
{
    for (int i = 0; i < r->count; i++)
        if (r->problems[i].line == row && r->problems[i].col == col) return &r->problems[i];
    return NULL;
}

static void check_date(const Date *d, int year, int month, int day, DatePrecision precision)
{
    CHECK_INT(d->year, year);
    CHECK_INT(d->precision, precision);
    if (precision >= DATE_PREC_MONTH) CHECK_INT(d->month, month);
    if (precision >= DATE_PREC_DAY) CHECK_INT(d->day, day);
}

/* ---- the TimelineJS layout --------------------------------------------------------- */

static void timelinejs_layout_should_read_title_eras_groups_and_events(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("timelinejs-libreoffice.csv", &tl, &r));
    CHECK_INT(tl.event_count, 4);
    CHECK_INT(tl.era_count, 1);
    CHECK_INT(tl.lane_count, 1);
    CHECK_STR(tl.langs[0], "en");
    CHECK_STR(text_in(&tl.title, 0), "The race to the Moon");
    CHECK_STR(text_in(&tl.description, 0), "From the first satellite to the first steps on the Moon, in twelve years.");
    CHECK_STR(text_in(&tl.eras[0].label, 0), "Space Race");
    CHECK_INT(tl.eras[0].colour.r, 0xD4);
    CHECK_INT(tl.eras[0].colour.b, 0x0D);
    /* Groups become categories in order of appearance, with the palette's colours and the shapes in order. */
    CHECK_INT(tl.category_count, 3);
    CHECK_STR(text_in(&tl.categories[0].label, 0), "Soviet Union");
    CHECK_STR(tl.categories[0].id, "soviet-union");
    CHECK_INT(tl.categories[0].colour.r, 0);
    CHECK_INT(tl.categories[0].colour.g, 114);
    CHECK_INT(tl.categories[0].colour.b, 178);
    CHECK_INT(tl.categories[1].shape, SHAPE_SQUARE);
    const Event *ev = by_title(&tl, "Apollo 11");
    CHECK(ev != NULL);
    if (ev) {
        CHECK(ev->has_end);
        check_date(&ev->start, 1969, 7, 20, DATE_PREC_MINUTE);
        CHECK_INT(ev->start.hour, 20);
        CHECK_INT(ev->start.minute, 17);
        check_date(&ev->end, 1969, 7, 21, DATE_PREC_DAY);
        CHECK_STR(text_in(&tl.categories[ev->category].label, 0), "United States");
    }
    /* Events are sorted by date: the Ides of March come first. */
    CHECK_STR(text_in(&tl.events[0].title, 0), "The Ides of March, 44 BC");
    /* Background on an event is reported once, at the first row that has one. */
    CHECK_INT(r.total, 1);
    CHECK(problem_at(&r, 5, 18) && problem_at(&r, 5, 18)->code == LOAD_UNKNOWN_FIELD);
    /* A Display Date is shown as written; one that only says "c." makes the date approximate. */
    const Event *sputnik = by_title(&tl, "Sputnik 1"), *ides = by_title(&tl, "The Ides of March, 44 BC");
    CHECK(sputnik && text_in(&sputnik->display_date, 0) && strcmp(text_in(&sputnik->display_date, 0), "Autumn 1957") == 0);
    CHECK(ides && ides->start.approximate && timeline_text_empty(&ides->display_date));
    char shown[96];
    if (sputnik) timeline_event_date(&tl, sputnik, 0, shown, sizeof shown);
    CHECK_STR(shown, "Autumn 1957");
    done(&tl, &r);
}

static void timelinejs_text_should_lose_its_html_but_keep_paragraphs_lists_and_link_addresses(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("timelinejs-libreoffice.csv", &tl, &r));
    const Event *sputnik = by_title(&tl, "Sputnik 1"), *gagarin = by_title(&tl, "Yuri Gagarin orbits the Earth"),
                *apollo = by_title(&tl, "Apollo 11");
    CHECK(sputnik && gagarin && apollo);
    if (sputnik && gagarin && apollo) {
        CHECK_STR(text_in(&sputnik->body, 0),
                  "The Soviet Union launches the first artificial satellite.\n\nIts \"beeps\" are heard worldwide.");
        CHECK_STR(text_in(&gagarin->body, 0),
                  "Aboard Vostok 1, Gagarin becomes the first human in space.\nThe flight lasts 108 minutes.");
        CHECK_STR(text_in(&apollo->body, 0), "\xE2\x80\xA2 Armstrong\n\xE2\x80\xA2 Aldrin\n\nSee NASA "
                                           "(https://www.nasa.gov/mission/apollo-11/).");
    }
    done(&tl, &r);
}

static void timelinejs_media_should_be_an_image_when_local_and_a_source_when_a_web_address(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("timelinejs-libreoffice.csv", &tl, &r));
    const Event *sputnik = by_title(&tl, "Sputnik 1"), *gagarin = by_title(&tl, "Yuri Gagarin orbits the Earth");
    CHECK(sputnik && gagarin);
    if (sputnik && gagarin) {
        CHECK_STR(sputnik->image.path, CSV "/images/sputnik-1.jpg");
        CHECK_STR(text_in(&sputnik->image.credit, 0), "NASA");
        CHECK_STR(text_in(&sputnik->image.alt, 0), "A metal sphere with four antennas");
        /* Never dropped silently: a web address is kept as a source with its link. */
        CHECK(gagarin->image.path == NULL);
        CHECK_INT(gagarin->source_count, 1);
        if (gagarin->source_count == 1) {
            CHECK_STR(gagarin->sources[0].url, "https://www.youtube.com/watch?v=example");
            CHECK_STR(text_in(&gagarin->sources[0].title, 0), "Gagarin before the flight");
            CHECK_STR(gagarin->sources[0].author, "Roscosmos");
        }
    }
    done(&tl, &r);
}

static void google_sheets_export_with_crlf_and_month_names_should_load(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("timelinejs-google-sheets.csv", &tl, &r));
    CHECK_INT(tl.event_count, 4);
    CHECK_INT(r.total, 0);
    const Event *curie = by_title(&tl, "Marie Curie shares the Nobel Prize in Physics");
    const Event *second = by_title(&tl, "Marie Curie's second Nobel Prize");
    CHECK(curie && second);
    if (curie && second) {
        check_date(&curie->start, 1903, 12, 10, DATE_PREC_DAY);
        check_date(&second->start, 1911, 12, 1, DATE_PREC_MONTH);
        CHECK_STR(text_in(&curie->body, 0), "With Pierre Curie and Henri Becquerel, for their work on radiation.");
    }
    /* A year formatted with a thousands separator, and a quote as Media, which joins the text. */
    const Event *ada = by_title(&tl, "Ada Lovelace's notes");
    CHECK(ada && ada->start.year == 1843);
    if (ada)
        CHECK_STR(text_in(&ada->body, 0), "Her notes on the Analytical Engine.\n\nThe Analytical Engine weaves algebraic "
                                        "patterns.\n\xE2\x80\x94 Ada Lovelace");
    done(&tl, &r);
}

static void french_semicolon_file_with_bom_should_load_with_commas_inside_cells(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("timelinejs-french-semicolon.csv", &tl, &r));
    CHECK_INT(tl.event_count, 3);
    CHECK_INT(r.total, 0);
    CHECK_STR(text_in(&tl.title, 0), "Le Cambodge et l'URSS");
    CHECK_STR(text_in(&tl.description, 0), "Une frise d'exemple, en français");
    const Event *ev = by_title(&tl, "La République khmère");
    CHECK(ev != NULL);
    if (ev) {
        check_date(&ev->start, 1970, 3, 18, DATE_PREC_DAY);
        check_date(&ev->end, 1975, 4, 17, DATE_PREC_DAY);
        CHECK_STR(text_in(&ev->body, 0), "Coup d'État; Lon Nol prend le pouvoir");
    }
    ev = by_title(&tl, "Réouverture, puis fermeture");
    CHECK(ev && ev->start.month == 8 && ev->start.precision == DATE_PREC_MONTH); /* "août" */
    done(&tl, &r);
}

static void excel_sep_line_should_set_the_delimiter_and_count_as_row_one(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("excel-sep-line-windows-1252.csv", &tl, &r));
    CHECK_INT(tl.event_count, 3);
    /* The header is row 2, so the first event is row 3. */
    CHECK(by_id(&tl, "row-3") != NULL);
    CHECK(by_id(&tl, "row-5") != NULL);
    done(&tl, &r);
}

static void windows_1252_cells_should_be_read_and_reported_once(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("excel-sep-line-windows-1252.csv", &tl, &r));
    const Event *ev = by_title(&tl, "Sacre de Napoléon");
    CHECK(ev != NULL);
    if (ev) CHECK_STR(text_in(&ev->body, 0), "À Notre-Dame – le « sacre »");
    CHECK_STR(text_in(&tl.categories[0].label, 0), "Révolution");
    CHECK_STR(tl.categories[0].id, "revolution");
    CHECK_INT(r.total, 1);
    CHECK(r.count == 1 && r.problems[0].code == LOAD_BAD_ENCODING && r.problems[0].severity == LOAD_WARNING &&
          r.problems[0].line == 3 && r.problems[0].col == 5);
    done(&tl, &r);
}

static void blank_rows_and_trailing_empty_columns_should_be_skipped_and_counted(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("blank-rows-trailing-columns.csv", &tl, &r));
    CHECK_INT(tl.event_count, 2);
    CHECK_INT(r.total, 0);
    /* Row numbers count the blank rows: "Second" is on row 7. */
    CHECK(by_id(&tl, "row-3") && by_id(&tl, "row-7"));
    done(&tl, &r);
}

static void quoted_cells_should_keep_commas_line_breaks_and_doubled_quotes(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("quoted-commas-newlines.csv", &tl, &r));
    CHECK_INT(tl.event_count, 3);
    CHECK_INT(r.total, 0);
    const Event *a = by_id(&tl, "a"), *b = by_id(&tl, "b"), *c = by_id(&tl, "c");
    CHECK(a && b && c);
    if (a && b && c) {
        CHECK_STR(text_in(&a->title, 0), "Paris, London, Rome");
        CHECK_STR(text_in(&a->body, 0), "First paragraph, with a comma.\n\nSecond paragraph,\nwith a line break.");
        CHECK_STR(text_in(&b->title, 0), "He said \"hello\"");
        CHECK_STR(text_in(&c->title, 0), "Plain");
    }
    done(&tl, &r);
}

static void utf8_with_bom_and_crlf_should_load_every_script(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("utf8-bom-crlf.csv", &tl, &r));
    CHECK_INT(tl.event_count, 2);
    CHECK_INT(r.total, 0);
    CHECK_INT(tl.lang_count, 3);
    CHECK_STR(tl.langs[0], "km");
    const Event *ev = by_id(&tl, "row-2");
    CHECK(ev != NULL);
    if (ev) {
        CHECK_STR(lang_text(&tl, &ev->title, "km"), "ឯករាជ្យ");
        CHECK_STR(lang_text(&tl, &ev->title, "ru"), "Независимость");
        CHECK_STR(lang_text(&tl, &ev->title, "en"), "Independence");
    }
    done(&tl, &r);
}

static void tab_separated_file_should_load(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("tab-separated.tsv", &tl, &r));
    CHECK_INT(tl.event_count, 2);
    const Event *ev = by_id(&tl, "row-2");
    CHECK(ev && strcmp(text_in(&ev->title, 0), "One, with a comma") == 0 &&
          strcmp(text_in(&ev->summary, 0), "A; semicolon") == 0);
    done(&tl, &r);
}

static void timelinejs_dates_should_take_numbers_names_iso_times_negative_years_and_bc(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("dates-year-month-day.csv", &tl, &r));
    CHECK_INT(tl.event_count, 7);
    CHECK_INT(r.total, 0);
    const Event *neg = by_title(&tl, "Negative years"), *charlemagne = by_title(&tl, "Charlemagne crowned"),
                *hastings = by_title(&tl, "Hastings"), *iso = by_title(&tl, "A whole ISO date in Year"),
                *time = by_title(&tl, "With a time"), *approx = by_title(&tl, "Approximate"),
                *bc = by_title(&tl, "Written BC");
    CHECK(neg && charlemagne && hastings && iso && time && approx && bc);
    if (!(neg && charlemagne && hastings && iso && time && approx && bc)) {
        done(&tl, &r);
        return;
    }
    check_date(&neg->start, -500, 1, 1, DATE_PREC_YEAR);
    check_date(&neg->end, -480, 1, 1, DATE_PREC_YEAR);
    check_date(&charlemagne->start, 800, 12, 25, DATE_PREC_DAY);
    check_date(&hastings->start, 1066, 10, 14, DATE_PREC_DAY);
    check_date(&iso->start, 1969, 7, 20, DATE_PREC_DAY);
    check_date(&time->start, 1945, 5, 8, DATE_PREC_MINUTE);
    CHECK_INT(time->start.hour, 23);
    CHECK_INT(time->start.minute, 1);
    CHECK(approx->start.approximate);
    check_date(&bc->start, -43, 3, 15, DATE_PREC_DAY); /* 44 BC is the year -43 */
    done(&tl, &r);
}

static void a_display_date_saying_circa_should_make_the_date_approximate(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("timelinejs-libreoffice.csv", &tl, &r));
    const Event *ides = by_title(&tl, "The Ides of March, 44 BC");
    CHECK(ides && ides->start.approximate);
    const Event *sputnik = by_title(&tl, "Sputnik 1");
    CHECK(sputnik && !sputnik->start.approximate);
    done(&tl, &r);
}

static void times_should_take_twelve_and_twenty_four_hour_clocks(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_text("Year,Month,Day,Time,Headline\n1961,4,12,6:07 AM,a\n1961,4,12,6:07 pm,b\n1961,4,12,12:30 AM,c\n"
                    "1961,4,12,18:45:10,d\n1961,4,12,25:00,e\n",
                    &tl, &r));
    int hours[] = {6, 18, 0, 18};
    const char *names[] = {"a", "b", "c", "d"};
    for (int i = 0; i < 4; i++) {
        const Event *ev = by_title(&tl, names[i]);
        CHECK(ev && ev->start.precision == DATE_PREC_MINUTE && ev->start.hour == hours[i]);
    }
    const Event *e = by_title(&tl, "e");
    CHECK(e && e->start.precision == DATE_PREC_DAY); /* kept without its time, with a warning */
    CHECK(problem_at(&r, 6, 4) && problem_at(&r, 6, 4)->severity == LOAD_WARNING);
    done(&tl, &r);
}

static void header_names_should_ignore_case_spaces_and_underscores(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_text("YEAR, end_year ,HeadLine,  Media   Caption\n1990,1995,Span,\n", &tl, &r));
    CHECK_INT(tl.event_count, 1);
    CHECK_INT(r.total, 0);
    CHECK(tl.event_count == 1 && tl.events[0].has_end && tl.events[0].end.year == 1995);
    done(&tl, &r);
}

/* ---- the plain layout ---------------------------------------------------------------- */

static void plain_layout_should_take_its_languages_from_the_column_suffixes(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("plain-bilingual.csv", &tl, &r));
    CHECK_INT(r.total, 0);
    CHECK_INT(tl.lang_count, 2);
    CHECK_STR(tl.langs[0], "fr");
    CHECK_STR(tl.langs[1], "en");
    CHECK_STR(lang_text(&tl, &tl.title, "fr"), "La conquête de l'espace");
    CHECK_STR(lang_text(&tl, &tl.title, "en"), "The conquest of space");
    CHECK_STR(lang_text(&tl, &tl.description, "en"), "From rockets to the station");
    done(&tl, &r);

    /* A plain "title" column is the first language, "en" when no column names one. */
    CHECK(load_text("start,title,title.de\n1990,Eins,One\n", &tl, &r));
    CHECK_INT(tl.lang_count, 1);
    CHECK_STR(tl.langs[0], "de");
    CHECK_INT(r.total, 1); /* "title" and "title.de" are the same column */
    done(&tl, &r);
    CHECK(load_text("start,title\n1990,One\n", &tl, &r));
    CHECK_STR(tl.langs[0], "en");
    done(&tl, &r);
}

static void plain_layout_should_read_every_column(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("plain-bilingual.csv", &tl, &r));
    CHECK_INT(tl.event_count, 4);
    const Event *s = by_id(&tl, "sputnik-1"), *lost = by_id(&tl, "lost-cosmonauts"),
                *telescope = by_id(&tl, "telescope-1608"), *hubble = by_id(&tl, "hubble");
    CHECK(s && lost && telescope && hubble);
    if (!(s && lost && telescope && hubble)) {
        done(&tl, &r);
        return;
    }
    check_date(&s->start, 1957, 10, 4, DATE_PREC_MINUTE);
    CHECK_STR(lang_text(&tl, &s->body, "fr"), "Une sphère de 58 cm.\n\nSes bips sont captés partout.");
    CHECK_STR(lang_text(&tl, &s->summary, "en"), "The USSR launches the first satellite.");
    CHECK_STR(tl.categories[s->category].id, "instruments");
    CHECK_INT(s->tag_count, 2);
    CHECK(s->tag_count == 2 && strcmp(s->tags[0], "satellite") == 0 && strcmp(s->tags[1], "USSR") == 0);
    CHECK_INT(s->importance, 5);
    CHECK_INT(s->source_count, 2);
    if (s->source_count == 2) {
        CHECK_STR(text_in(&s->sources[0].title, 0), "Sputnik and the Origins of the Space Age");
        CHECK_STR(s->sources[0].url, "https://history.nasa.gov/sputnik/sputorig.html");
        CHECK_STR(text_in(&s->sources[1].title, 0), "Le Monde, 5 octobre 1957");
        CHECK(s->sources[1].url == NULL);
    }
    CHECK_STR(s->image.path, CSV "/images/sputnik-1.jpg");
    CHECK_STR(lang_text(&tl, &s->image.credit, "fr"), "Photo : NASA");
    CHECK_STR(lang_text(&tl, &s->image.alt, "en"), "A shiny sphere");
    CHECK_INT(lost->certainty, CERTAINTY_UNVERIFIED);
    CHECK(lost->start.approximate && lost->end.approximate);
    CHECK(lost->tag_count == 2 && strcmp(lost->tags[0], "rumour") == 0);
    CHECK_STR(lang_text(&tl, &lost->title, "en"), "Rumours of \"lost cosmonauts\"");
    CHECK_STR(lang_text(&tl, &lost->note, "fr"), "Aucune preuve.");
    CHECK_INT(telescope->certainty, CERTAINTY_DISPUTED);
    check_date(&telescope->start, 1608, 10, 1, DATE_PREC_MONTH);
    CHECK(hubble->has_end && hubble->end.present);
    CHECK_NEAR(hubble->end_days, TODAY_DAYS, 0);
    /* Category rows: labels in both languages, colours and shapes. */
    CHECK_INT(tl.category_count, 2);
    CHECK_STR(lang_text(&tl, &tl.categories[0].label, "fr"), "Vols habités");
    CHECK_INT(tl.categories[0].colour.r, 0xC0);
    CHECK_INT(tl.categories[0].shape, SHAPE_STAR);
    CHECK_INT(tl.categories[1].shape, SHAPE_DIAMOND);
    /* Era rows: lanes by name, colours, "present". */
    CHECK_INT(tl.era_count, 2);
    CHECK_INT(tl.lane_count, 2);
    CHECK_STR(text_in(&tl.lanes[0].label, 0), "Contexte");
    CHECK_STR(tl.lanes[0].id, "contexte");
    CHECK_STR(tl.eras[0].id, "cold-war");
    CHECK_STR(lang_text(&tl, &tl.eras[0].label, "en"), "Cold War");
    CHECK_INT(tl.eras[0].colour.r, 0x7F);
    CHECK(tl.eras[1].end.present);
    done(&tl, &r);
}

static void plain_dates_should_take_iso_short_negative_bc_approximate_and_present(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("dates-iso-and-years.csv", &tl, &r));
    CHECK_INT(tl.event_count, 8);
    CHECK_INT(r.total, 0);
    const Event *ides = by_id(&tl, "ides"), *shrt = by_id(&tl, "short"), *bc = by_id(&tl, "bc"),
                *neg = by_id(&tl, "neg"), *approx = by_id(&tl, "approx"), *minute = by_id(&tl, "minute"),
                *space = by_id(&tl, "space"), *now = by_id(&tl, "now");
    CHECK(ides && shrt && bc && neg && approx && minute && space && now);
    if (!(ides && shrt && bc && neg && approx && minute && space && now)) {
        done(&tl, &r);
        return;
    }
    check_date(&ides->start, -43, 3, 15, DATE_PREC_DAY);
    check_date(&shrt->start, 800, 1, 1, DATE_PREC_YEAR);
    check_date(&bc->start, -43, 1, 1, DATE_PREC_YEAR);
    check_date(&neg->start, -500, 1, 1, DATE_PREC_YEAR);
    check_date(&neg->end, -480, 1, 1, DATE_PREC_YEAR);
    CHECK(approx->start.approximate);
    check_date(&minute->start, 1969, 7, 20, DATE_PREC_MINUTE);
    check_date(&space->start, 1969, 7, 20, DATE_PREC_MINUTE);
    CHECK(now->end.present);
    done(&tl, &r);
}

/* ---- problems, located ------------------------------------------------------------------ */

typedef struct Expected {
    int row, col;
    const char *path;
    LoadCode code;
    LoadSeverity severity;
} Expected;

static void check_problems(const LoadReport *r, const Expected *want, int n)
{
    CHECK_INT(r->count, n);
    for (int i = 0; i < n && i < r->count; i++) {
        const LoadProblem *p = &r->problems[i];
        if (p->line != want[i].row || p->col != want[i].col || strcmp(p->path, want[i].path) != 0 ||
            p->code != want[i].code || p->severity != want[i].severity) {
            char line[1024];
            load_problem_format(r, p, line, sizeof line);
            fprintf(stderr, "  problem %d: %s (%s), expected %d:%d %s %s\n", i, line, load_code_name(p->code),
                    want[i].row, want[i].col, want[i].path, load_code_name(want[i].code));
            test_current_failed = 1;
        }
    }
}

static void timelinejs_problems_should_be_located_by_row_column_and_name(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("problems-timelinejs.csv", &tl, &r));
    static const Expected want[] = {
        {1, 8, "Colour", LOAD_UNKNOWN_FIELD, LOAD_WARNING},  {3, 1, "Year", LOAD_BAD_DATE, LOAD_ERROR},
        {4, 3, "Day", LOAD_BAD_DATE, LOAD_ERROR},            {5, 1, "Year", LOAD_MISSING_FIELD, LOAD_ERROR},
        {6, 4, "Headline", LOAD_MISSING_FIELD, LOAD_ERROR},  {7, 2, "Month", LOAD_BAD_DATE, LOAD_WARNING},
        {8, 6, "Type", LOAD_BAD_VALUE, LOAD_WARNING},        {9, 9, "", LOAD_UNKNOWN_FIELD, LOAD_WARNING},
    };
    check_problems(&r, want, (int)(sizeof want / sizeof want[0]));
    CHECK_INT(tl.event_count, 4);
    CHECK_INT(r.dropped_events, 4);
    /* The bad month keeps the date at the year. */
    const Event *ev = by_title(&tl, "Bad month");
    CHECK(ev && ev->start.precision == DATE_PREC_YEAR);
    char line[1024];
    load_problem_format(&r, &r.problems[1], line, sizeof line);
    CHECK(strstr(line, "/csv/problems-timelinejs.csv:3:1: Year: ") != NULL);
    CHECK(strstr(line, "format the column as text") != NULL);
    done(&tl, &r);
}

static void plain_problems_should_be_located_by_row_column_and_name(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("problems-plain.csv", &tl, &r));
    static const Expected want[] = {
        {3, 4, "end", LOAD_DATE_ORDER, LOAD_ERROR},            {4, 6, "category", LOAD_UNKNOWN_REFERENCE, LOAD_WARNING},
        {5, 7, "certainty", LOAD_BAD_VALUE, LOAD_ERROR},       {6, 8, "importance", LOAD_BAD_VALUE, LOAD_ERROR},
        {7, 2, "id", LOAD_DUPLICATE_ID, LOAD_WARNING},         {8, 3, "start", LOAD_MISSING_FIELD, LOAD_ERROR},
        {9, 5, "title", LOAD_MISSING_FIELD, LOAD_ERROR},       {10, 3, "start", LOAD_BAD_DATE, LOAD_ERROR},
        {11, 2, "id", LOAD_BAD_VALUE, LOAD_WARNING},
    };
    check_problems(&r, want, (int)(sizeof want / sizeof want[0]));
    CHECK_INT(tl.event_count, 5);
    CHECK_INT(r.dropped_events, 4);
    /* A typo in certainty errs on the careful side; a bad importance is left out. */
    CHECK(by_id(&tl, "c") && by_id(&tl, "c")->certainty == CERTAINTY_UNVERIFIED);
    CHECK(by_id(&tl, "d") && by_id(&tl, "d")->importance == 0);
    CHECK(by_id(&tl, "row-7") && by_id(&tl, "row-11"));
    done(&tl, &r);
}

static void an_unclosed_quote_should_be_reported_where_its_cell_began(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("unclosed-quote.csv", &tl, &r));
    CHECK_INT(r.count, 1);
    CHECK(r.count == 1 && r.problems[0].code == LOAD_SYNTAX && r.problems[0].line == 2 && r.problems[0].col == 2);
    done(&tl, &r);
}

static void a_quote_left_open_over_a_megabyte_should_reject_the_file(void)
{
    size_t n = LOAD_CSV_MAX_CELL_BYTES + 100000;
    char *text = malloc(n + 64);
    int k = snprintf(text, 64, "start,title\n1990,\"open");
    memset(text + k, 'x', n - (size_t)k);
    Timeline tl;
    LoadReport r;
    CHECK(!load_csv_memory("big.csv", text, n, NULL, &TODAY, &tl, &r));
    CHECK(r.rejected && r.count == 1 && r.problems[0].code == LOAD_STRING_TOO_LONG && r.problems[0].line == 2);
    CHECK_INT(tl.event_count, 0);
    done(&tl, &r);
    free(text);
}

static void a_cell_over_the_string_limit_should_drop_its_row_only(void)
{
    size_t n = LOAD_MAX_STRING_BYTES + 10;
    char *text = malloc(n + 128);
    int k = snprintf(text, 128, "start,title\n1990,");
    memset(text + k, 'y', n);
    snprintf(text + k + n, 64, "\n1991,Short\n");
    Timeline tl;
    LoadReport r;
    CHECK(load_text(text, &tl, &r));
    CHECK_INT(tl.event_count, 1);
    CHECK(problem_at(&r, 2, 2) && problem_at(&r, 2, 2)->code == LOAD_STRING_TOO_LONG);
    CHECK_INT(r.dropped_events, 1);
    done(&tl, &r);
    free(text);
}

static void a_nul_byte_should_become_a_question_mark_and_be_reported(void)
{
    static const char text[] = "start,title\n1990,a\0b\n";
    Timeline tl;
    LoadReport r;
    CHECK(load_csv_memory("nul.csv", text, sizeof text - 1, NULL, &TODAY, &tl, &r));
    CHECK(tl.event_count == 1 && strcmp(text_in(&tl.events[0].title, 0), "a?b") == 0);
    CHECK(problem_at(&r, 2, 2) && problem_at(&r, 2, 2)->code == LOAD_BAD_ENCODING);
    done(&tl, &r);
}

static void an_image_leaving_the_folder_should_be_refused_where_it_is_named(void)
{
    Timeline tl;
    LoadReport r;
    static const char text[] = "start,title,image\n1990,a,../secret.png\n1991,b,/etc/passwd\n";
    CHECK(load_csv_memory("/tmp/x/pics.csv", text, sizeof text - 1, "/tmp/x", &TODAY, &tl, &r));
    CHECK_INT(tl.event_count, 2);
    CHECK(problem_at(&r, 2, 3) && problem_at(&r, 2, 3)->code == LOAD_IMAGE_REFUSED);
    CHECK(problem_at(&r, 3, 3) && strcmp(problem_at(&r, 3, 3)->path, "image") == 0);
    CHECK(tl.event_count == 2 && tl.events[0].image.path == NULL && tl.events[1].image.path == NULL);
    done(&tl, &r);
}

static void unknown_duplicate_and_unnamed_columns_should_be_warned_once(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_text("start,title,tittle,title,\n1990,a,x,y,z\n1991,b,x,y,z\n", &tl, &r));
    CHECK_INT(tl.event_count, 2);
    CHECK(problem_at(&r, 1, 3) && problem_at(&r, 1, 3)->code == LOAD_UNKNOWN_FIELD);
    CHECK(problem_at(&r, 1, 4) && problem_at(&r, 1, 4)->code == LOAD_DUPLICATE_ID);
    CHECK(problem_at(&r, 2, 5) && problem_at(&r, 2, 5)->code == LOAD_UNKNOWN_FIELD);
    CHECK_INT(r.total, 3);
    done(&tl, &r);
}

static void values_in_columns_a_row_does_not_use_should_be_warned_once(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_text("type,start,end,title,lane,shape\n,1990,,a,oops,\n,1991,,b,again,\ntitle,,,T,,star\n", &tl, &r));
    CHECK_INT(tl.event_count, 2);
    CHECK_INT(r.total, 2);
    CHECK(problem_at(&r, 2, 5) && strcmp(problem_at(&r, 2, 5)->path, "lane") == 0);
    CHECK(problem_at(&r, 4, 6) != NULL);
    CHECK_STR(text_in(&tl.title, 0), "T");
    done(&tl, &r);
}

static void many_bad_rows_should_be_counted_beyond_the_stored_problems(void)
{
    size_t cap = 2000 * 16 + 32, n = 0;
    char *text = malloc(cap);
    n += (size_t)snprintf(text, cap, "start,title\n");
    for (int i = 0; i < 2000; i++) n += (size_t)snprintf(text + n, cap - n, "bad,t%d\n", i);
    Timeline tl;
    LoadReport r;
    load_csv_memory("bad.csv", text, n, NULL, &TODAY, &tl, &r);
    CHECK_INT(r.count, LOAD_MAX_STORED_PROBLEMS);
    CHECK_INT(r.total, 2001); /* 2000 bad dates and "no event" */
    CHECK_INT(r.dropped_events, 2000);
    done(&tl, &r);
    free(text);
}

/* ---- files that cannot be a timeline ------------------------------------------------------ */

static void files_that_cannot_be_read_as_a_timeline_should_be_rejected(void)
{
    static const struct { const char *name; LoadCode code; } cases[] = {
        {"no-known-columns.csv", LOAD_BAD_FORMAT}, {"empty.csv", LOAD_FILE_EMPTY},
        {"utf16.csv", LOAD_BAD_ENCODING},         {"does-not-exist.csv", LOAD_FILE_UNREADABLE},
        {"images", LOAD_FILE_UNREADABLE}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Timeline tl;
        LoadReport r;
        bool ok = load_fixture(cases[i].name, &tl, &r);
        CHECK(!ok && r.rejected);
        CHECK(r.count == 1 && r.problems[0].code == cases[i].code);
        if (r.count != 1 || r.problems[0].code != cases[i].code) fprintf(stderr, "  for %s\n", cases[i].name);
        CHECK_INT(tl.event_count, 0);
        done(&tl, &r);
    }
}

static void a_sheet_with_no_event_row_should_say_so(void)
{
    Timeline tl;
    LoadReport r;
    load_text("start,title\n\n", &tl, &r);
    CHECK(r.count == 1 && r.problems[0].code == LOAD_NO_EVENTS);
    done(&tl, &r);
}

/* ---- streaming ------------------------------------------------------------------------------- */

static const char *const FIXTURES[] = {
    "timelinejs-libreoffice.csv", "timelinejs-google-sheets.csv", "timelinejs-french-semicolon.csv",
    "excel-sep-line-windows-1252.csv", "blank-rows-trailing-columns.csv", "quoted-commas-newlines.csv",
    "utf8-bom-crlf.csv", "plain-bilingual.csv", "dates-iso-and-years.csv", "dates-year-month-day.csv",
    "tab-separated.tsv", "problems-timelinejs.csv", "problems-plain.csv", "unclosed-quote.csv"};

static void memory_and_file_loads_should_agree_on_every_fixture(void)
{
    for (size_t i = 0; i < sizeof FIXTURES / sizeof FIXTURES[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", CSV, FIXTURES[i]);
        size_t len;
        char *data = test_read_file(path, &len);
        CHECK(data != NULL);
        if (!data) continue;
        Timeline a, b;
        LoadReport ra, rb;
        load_csv_file(path, &TODAY, &a, &ra);
        load_csv_memory(path, data, len, CSV, &TODAY, &b, &rb);
        CHECK_INT(a.event_count, b.event_count);
        CHECK_INT(ra.total, rb.total);
        for (int e = 0; e < a.event_count && e < b.event_count; e++) {
            CHECK_STR(a.events[e].id, b.events[e].id);
            CHECK_NEAR(a.events[e].start_days, b.events[e].start_days, 0);
        }
        for (int p = 0; p < ra.count && p < rb.count; p++) {
            CHECK_INT(ra.problems[p].line, rb.problems[p].line);
            CHECK_STR(ra.problems[p].message, rb.problems[p].message);
        }
        done(&a, &ra);
        done(&b, &rb);
        free(data);
    }
}

/* Rows whose cells hold line breaks and CRLFs, over several of the reader's
 * chunks: a cell, a quote or a CRLF cut between two chunks reads the same,
 * and a CRLF inside a cell becomes the LF that Frise's texts use. */
static void a_file_larger_than_a_chunk_should_read_across_chunk_boundaries(void)
{
    enum { ROWS = 20000 };
    size_t cap = (size_t)ROWS * 120 + 64, n = 0;
    char *text = malloc(cap);
    n += (size_t)snprintf(text, cap, "\xEF\xBB\xBFid,start,title,body\r\n");
    for (int i = 0; i < ROWS; i++)
        n += (size_t)snprintf(text + n, cap - n,
                              "e%d,%04d-%02d-%02d,\"Title, %d\",\"Line one\r\nline \"\"two\"\" of %d\"\r\n", i,
                              1000 + i % 1000, 1 + i % 12, 1 + i % 28, i, i);
    n += (size_t)snprintf(text + n, cap - n, "last,not-a-date,Last,x\r\n");
    CHECK(n > 3 * 256 * 1024);
    Timeline tl;
    LoadReport r;
    CHECK(load_csv_memory("big.csv", text, n, NULL, &TODAY, &tl, &r));
    CHECK_INT(tl.event_count, ROWS);
    const Event *ev = by_id(&tl, "e14321");
    CHECK(ev && strcmp(text_in(&ev->title, 0), "Title, 14321") == 0 &&
          strcmp(text_in(&ev->body, 0), "Line one\nline \"two\" of 14321") == 0);
    /* Row numbers stay right after thousands of multi-line cells: the last row is ROWS + 2. */
    CHECK_INT(r.total, 1);
    CHECK(problem_at(&r, ROWS + 2, 2) != NULL);
    done(&tl, &r);
    free(text);
}

/* Random damage to the fixtures: the reader reports, never crashes. */
static void damaged_fixtures_should_never_crash_the_reader(void)
{
    uint64_t state = 12345;
    for (size_t f = 0; f < sizeof FIXTURES / sizeof FIXTURES[0]; f++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", CSV, FIXTURES[f]);
        size_t len;
        char *data = test_read_file(path, &len);
        if (!data || len == 0) {
            free(data);
            continue;
        }
        static const char bytes[] = {'"', ',', ';', '\n', '\r', '\0', '<', '&', '\xC3', '\xFF', '-', '~', '\t'};
        for (int round = 0; round < 60; round++) {
            char *copy = malloc(len);
            memcpy(copy, data, len);
            for (int k = 0; k < 4; k++) {
                state = state * 6364136223846793005ull + 1442695040888963407ull;
                copy[(state >> 33) % len] = bytes[(state >> 13) % sizeof bytes];
            }
            size_t cut = round % 5 == 0 ? (size_t)((state >> 20) % len) : len;
            Timeline tl;
            LoadReport r;
            load_csv_memory("damaged.csv", copy, cut, NULL, &TODAY, &tl, &r);
            CHECK(r.rejected ? tl.event_count == 0 : true);
            done(&tl, &r);
            free(copy);
        }
        free(data);
    }
}

/* ---- telling CSV from JSON ------------------------------------------------------------------- */

static void csv_should_be_told_from_json_by_name_and_by_content(void)
{
    CHECK(load_csv_path_is_csv("a/b/Class.CSV"));
    CHECK(load_csv_path_is_csv("x.tsv"));
    CHECK(!load_csv_path_is_csv("x.json"));
    CHECK(!load_csv_path_is_csv("csv"));
    const char *yes[] = {"Year,Month,Day,Headline\n", ("\xEF\xBB\xBF" "start;title.fr;title.en\r\n"), "sep=;\r\n",
                         "\"id\",\"start\",\"title\"\n", "Headline\tYear\n"};
    const char *no[] = {"{\"format\": \"frise/1\"}", "  [1,2]", "", "hello world\n", "a,b,c\n1,2,3\n"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) CHECK(load_looks_like_csv(yes[i], strlen(yes[i])));
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) CHECK(!load_looks_like_csv(no[i], strlen(no[i])));
}

/* The limits documented for teachers are the ones in load_csv.h. */
static void documented_limits_should_match_the_reader(void)
{
    size_t len;
    char *doc = test_read_file(FRISE_SOURCE_DIR "/docs/spreadsheets.md", &len);
    CHECK(doc != NULL);
    if (!doc) return;
    CHECK(LOAD_CSV_MAX_FILE_BYTES == 1024 * 1024 * 1024 && strstr(doc, "| File size | 1 GiB |"));
    CHECK(LOAD_CSV_MAX_CELL_BYTES == 1024 * 1024 && strstr(doc, "1 MiB"));
    CHECK(LOAD_CSV_MAX_COLUMNS == 1024 && strstr(doc, "| Columns | 1,024 |"));
    CHECK(LOAD_MAX_EVENTS == 2000000 && strstr(doc, "| Rows (events) | 2,000,000 |"));
    free(doc);
}

/* ---- timing, by hand ---------------------------------------------------------------------------- */

static int time_file(const char *path)
{
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    Timeline tl;
    LoadReport r;
    bool ok = load_csv_file(path, &TODAY, &tl, &r);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double s = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    printf("%s: %s, %d events, %d eras, %d problems, %.2f s, arena %zu MiB (sizeof(Event) %zu bytes)\n", path,
           ok ? "loaded" : "rejected", tl.event_count, tl.era_count, r.total, s, tl.arena.total_bytes >> 20,
           sizeof(Event));
    done(&tl, &r);
    return ok ? 0 : 1;
}

/* Years in the millions and billions load from a Year cell, grouped or
 * not, and from a plain layout's start; a year beyond the limit is refused
 * at its cell. */
static void deep_time_years_should_load(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_text("Year,Headline\n-13800000000,Big Bang\n\"-5,000,000\",Five million\n-1000000000000,Too far\n"
                    "1969,Apollo 11\n",
                    &tl, &r));
    CHECK_INT(tl.event_count, 3);
    CHECK_INT(r.count, 1);
    if (r.count == 1) CHECK_INT(r.problems[0].line, 4);
    if (tl.event_count == 3) {
        CHECK_INT(tl.events[0].start.year, -13800000000LL);
        CHECK_INT(tl.events[1].start.year, -5000000);
    }
    timeline_free(&tl);
    load_report_free(&r);
    CHECK(load_text("start,title\n-4540000000,Earth\n-0066000000,Dinosaurs\n", &tl, &r));
    CHECK_INT(tl.event_count, 2);
    CHECK_INT(r.count, 0);
    if (tl.event_count == 2) CHECK_INT(tl.events[0].start.year, -4540000000LL);
    timeline_free(&tl);
    load_report_free(&r);
}

/* The universe as a TimelineJS sheet: eleven events, two eras, no problem. */
static void universe_sheet_should_load_whole(void)
{
    Timeline tl;
    LoadReport r;
    CHECK(load_fixture("timelinejs-universe.csv", &tl, &r));
    CHECK_INT(r.total, 0);
    CHECK_INT(tl.event_count, 11);
    CHECK_INT(tl.era_count, 2);
    if (tl.event_count == 11) {
        CHECK_INT(tl.events[0].start.year, -13800000000LL);
        CHECK_INT(tl.events[3].start.year, -4540000000LL); /* "-4,540,000,000" */
        CHECK_INT(tl.events[9].start.year, -2560);          /* "2561 BC" */
    }
    timeline_free(&tl);
    load_report_free(&r);
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--time") == 0) return time_file(argv[2]);
    RUN(timelinejs_layout_should_read_title_eras_groups_and_events);
    RUN(timelinejs_text_should_lose_its_html_but_keep_paragraphs_lists_and_link_addresses);
    RUN(timelinejs_media_should_be_an_image_when_local_and_a_source_when_a_web_address);
    RUN(google_sheets_export_with_crlf_and_month_names_should_load);
    RUN(french_semicolon_file_with_bom_should_load_with_commas_inside_cells);
    RUN(excel_sep_line_should_set_the_delimiter_and_count_as_row_one);
    RUN(windows_1252_cells_should_be_read_and_reported_once);
    RUN(blank_rows_and_trailing_empty_columns_should_be_skipped_and_counted);
    RUN(quoted_cells_should_keep_commas_line_breaks_and_doubled_quotes);
    RUN(utf8_with_bom_and_crlf_should_load_every_script);
    RUN(tab_separated_file_should_load);
    RUN(timelinejs_dates_should_take_numbers_names_iso_times_negative_years_and_bc);
    RUN(a_display_date_saying_circa_should_make_the_date_approximate);
    RUN(times_should_take_twelve_and_twenty_four_hour_clocks);
    RUN(header_names_should_ignore_case_spaces_and_underscores);
    RUN(plain_layout_should_take_its_languages_from_the_column_suffixes);
    RUN(plain_layout_should_read_every_column);
    RUN(plain_dates_should_take_iso_short_negative_bc_approximate_and_present);
    RUN(timelinejs_problems_should_be_located_by_row_column_and_name);
    RUN(plain_problems_should_be_located_by_row_column_and_name);
    RUN(an_unclosed_quote_should_be_reported_where_its_cell_began);
    RUN(a_quote_left_open_over_a_megabyte_should_reject_the_file);
    RUN(a_cell_over_the_string_limit_should_drop_its_row_only);
    RUN(a_nul_byte_should_become_a_question_mark_and_be_reported);
    RUN(an_image_leaving_the_folder_should_be_refused_where_it_is_named);
    RUN(unknown_duplicate_and_unnamed_columns_should_be_warned_once);
    RUN(values_in_columns_a_row_does_not_use_should_be_warned_once);
    RUN(many_bad_rows_should_be_counted_beyond_the_stored_problems);
    RUN(files_that_cannot_be_read_as_a_timeline_should_be_rejected);
    RUN(a_sheet_with_no_event_row_should_say_so);
    RUN(memory_and_file_loads_should_agree_on_every_fixture);
    RUN(a_file_larger_than_a_chunk_should_read_across_chunk_boundaries);
    RUN(damaged_fixtures_should_never_crash_the_reader);
    RUN(csv_should_be_told_from_json_by_name_and_by_content);
    RUN(documented_limits_should_match_the_reader);
    RUN(deep_time_years_should_load);
    RUN(universe_sheet_should_load_whole);
    return TEST_REPORT();
}
