/* frise_gen.c: writes a synthetic timeline of N events to standard output,
 * for the benchmarks: frise-gen N [--seed S] [--csv].
 *
 * Realistic in the ways that cost: titles and summaries of the lengths real
 * cards have, in two languages; a tenth of the events are spans of up to a
 * few years; a third fall in bursts of many events within a few days (the
 * densest month is what a deep zoom meets); eras in two lanes; five
 * categories. The same N and seed always give the same file. As JSON it is
 * frise/1; with --csv it is the plain column layout (start, end, title.fr,
 * title.en, summary.fr, summary.en, category). */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Rng { uint64_t state; } Rng;

static uint64_t rng_next(Rng *r) /* splitmix64 */
{
    uint64_t z = (r->state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static int rng_int(Rng *r, int lo, int hi) /* lo..hi inclusive */
{
    return lo + (int)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

static const char *const WORDS_FR[] = {"accord", "traité", "visite", "ambassade", "aide", "commerce", "conflit",
                                       "culture", "école", "hôpital", "délégation", "frontière", "barrage",
                                       "université", "port", "ministre", "sommet", "coopération"};
static const char *const WORDS_EN[] = {"agreement", "treaty", "visit", "embassy", "aid", "trade", "conflict",
                                       "culture", "school", "hospital", "delegation", "border", "dam",
                                       "university", "port", "minister", "summit", "cooperation"};
enum { WORD_COUNT = sizeof WORDS_FR / sizeof WORDS_FR[0] };
static const char *const CATEGORIES[] = {"diplomacy", "conflict", "aid", "security", "culture"};

/* count words drawn with the same seed in both languages, so they match. */
static void words(Rng *r, int count, const char *const *table, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    for (int i = 0; i < count && n + 20 < cap; i++)
        n += (size_t)snprintf(out + n, cap - n, "%s%s", i ? " " : "", table[rng_next(r) % WORD_COUNT]);
}

typedef struct Event {
    int year, month, day;
    int end_year;                /* 0: not a span */
    char title_fr[160], title_en[160], summary_fr[400], summary_en[400];
    const char *category;
} Event;

static void make_event(Rng *r, Event *ev)
{
    if (rng_int(r, 0, 2) == 0) { /* a burst: many events in a few days of 1972 */
        ev->year = 1972;
        ev->month = 5;
        ev->day = rng_int(r, 1, 4);
    } else {
        ev->year = rng_int(r, 1900, 2029);
        ev->month = rng_int(r, 1, 12);
        ev->day = rng_int(r, 1, 28);
    }
    ev->end_year = rng_int(r, 0, 9) == 0 ? ev->year + rng_int(r, 1, 4) : 0;
    uint64_t text_seed = rng_next(r);
    int title_words = rng_int(r, 2, 7), summary_words = rng_int(r, 12, 32);
    Rng fr = {text_seed}, en = {text_seed};
    words(&fr, title_words, WORDS_FR, ev->title_fr, sizeof ev->title_fr);
    words(&en, title_words, WORDS_EN, ev->title_en, sizeof ev->title_en);
    words(&fr, summary_words, WORDS_FR, ev->summary_fr, sizeof ev->summary_fr);
    words(&en, summary_words, WORDS_EN, ev->summary_en, sizeof ev->summary_en);
    ev->category = CATEGORIES[rng_next(r) % 5];
}

static void json_head(long n)
{
    printf("{\"format\":\"frise/1\",\"title\":{\"fr\":\"%ld événements\",\"en\":\"%ld events\"},"
           "\"languages\":[\"fr\",\"en\"],\"categories\":[",
           n, n);
    static const char *const colours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00"};
    for (int i = 0; i < 5; i++)
        printf("%s{\"id\":\"%s\",\"label\":\"%s\",\"colour\":\"%s\"}", i ? "," : "", CATEGORIES[i], CATEGORIES[i],
               colours[i]);
    printf("],\"lanes\":[{\"id\":\"a\",\"label\":\"A\"},{\"id\":\"b\",\"label\":\"B\"}],"
           "\"eras\":[{\"id\":\"a1\",\"lane\":\"a\",\"start\":\"1900\",\"end\":\"1960\",\"label\":\"First\"},"
           "{\"id\":\"a2\",\"lane\":\"a\",\"start\":\"1960\",\"end\":\"2034\",\"label\":\"Second\"},"
           "{\"id\":\"b1\",\"lane\":\"b\",\"start\":\"1920\",\"end\":\"1991-12-26\",\"label\":\"Third\"}],"
           "\"events\":[\n");
}

static void json_event(long i, const Event *ev)
{
    printf("%s{\"id\":\"e%ld\",\"start\":\"%04d-%02d-%02d\"", i ? ",\n" : "", i, ev->year, ev->month, ev->day);
    if (ev->end_year) printf(",\"end\":\"%04d\"", ev->end_year);
    printf(",\"title\":{\"fr\":\"%s\",\"en\":\"%s\"},\"summary\":{\"fr\":\"%s.\",\"en\":\"%s.\"},"
           "\"category\":\"%s\",\"sources\":[{\"title\":\"Synthetic\",\"publication\":\"frise-gen\"}]}",
           ev->title_fr, ev->title_en, ev->summary_fr, ev->summary_en, ev->category);
}

static void csv_event(const Event *ev)
{
    printf("%04d-%02d-%02d,", ev->year, ev->month, ev->day);
    if (ev->end_year) printf("%04d", ev->end_year);
    printf(",\"%s\",\"%s\",\"%s.\",\"%s.\",%s\r\n", ev->title_fr, ev->title_en, ev->summary_fr, ev->summary_en,
           ev->category);
}

static bool parse_args(int argc, char **argv, long *n, uint64_t *seed, bool *csv)
{
    *n = -1;
    *seed = 1;
    *csv = false;
    for (int i = 1; i < argc; i++) {
        char *end;
        if (strcmp(argv[i], "--csv") == 0) *csv = true;
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) *seed = strtoull(argv[++i], &end, 10);
        else if (*n < 0 && (*n = strtol(argv[i], &end, 10)) >= 0 && *end == '\0') continue;
        else return false;
    }
    return *n >= 0 && *n <= 10000000;
}

int main(int argc, char **argv)
{
    long n;
    uint64_t seed;
    bool csv;
    if (!parse_args(argc, argv, &n, &seed, &csv)) {
        fprintf(stderr, "usage: frise-gen N [--seed S] [--csv]   (N up to 10,000,000; writes to standard output)\n");
        return 2;
    }
    Rng r = {seed};
    Event ev;
    if (csv) printf("start,end,title.fr,title.en,summary.fr,summary.en,category\r\n");
    else json_head(n);
    for (long i = 0; i < n; i++) {
        make_event(&r, &ev);
        if (csv) csv_event(&ev);
        else json_event(i, &ev);
    }
    if (!csv) printf("\n]}\n");
    return ferror(stdout) ? 1 : 0;
}
