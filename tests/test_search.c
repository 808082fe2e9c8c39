/* test_search.c: folding for search (case, accents, ligatures; Khmer left
 * whole), finding events by folded words, and the UTF-8 decoder it reads
 * with. */
#include "search.h"

#include <stdbool.h>
#include <stdint.h>

#include "load.h"
#include "test.h"
#include "utf8.h"

/* ---- helpers ------------------------------------------------------------------ */

static const char *folded(const char *s)
{
    static char buf[256];
    search_fold(s, buf, sizeof buf);
    return buf;
}

static bool fold_alike(const char *a, const char *b)
{
    char fa[256];
    search_fold(a, fa, sizeof fa);
    return strcmp(fa, folded(b)) == 0;
}

/* Six events in three languages' scripts; titles, summaries and one body. */
static const char TIMELINE_JSON[] =
    "{\"format\": \"frise/1\", \"title\": \"Recherche\", \"languages\": [\"fr\"], \"events\": ["
    "{\"id\": \"hopital\", \"start\": \"1656\", \"title\": \"L’Hôpital général de Paris\", \"tags\": [\"Santé\"]},"
    "{\"id\": \"eltsine\", \"start\": \"1991\", \"title\": \"Boris Eltsine élu\", \"summary\": \"Борис Ельцин\"},"
    "{\"id\": \"yolka\", \"start\": \"1918\", \"title\": \"La fête du sapin\", \"summary\": \"Ёлка в Кремле\"},"
    "{\"id\": \"angkor\", \"start\": \"1113\", \"title\": \"អង្គរវត្ត\", \"body\": \"ប្រាសាទ ព្រះវិហារ\","
    " \"tags\": [\"Patrimoine mondial\", \"UNESCO\"]},"
    "{\"id\": \"athenes\", \"start\": \"-0508\", \"title\": \"Ἀθῆναι: la démocratie\"},"
    "{\"id\": \"paris-1900\", \"start\": \"1900\", \"title\": \"Exposition\", \"summary\": \"L'hôpital militaire\"}"
    "]}";

/* The ids of the events that query finds in TIMELINE_JSON, comma-separated
 * in the order search_events gives them. */
static const char *found(const char *query)
{
    static const LoadOptions options = {.today_days = 19889};
    static char ids[256];
    Timeline tl = {0};
    LoadReport report = {0};
    if (!load_timeline_memory("search.json", TIMELINE_JSON, sizeof TIMELINE_JSON - 1, NULL, &options, &tl, &report) ||
        report.count != 0) {
        fprintf(stderr, "the search fixture does not load cleanly\n");
        test_current_failed = 1;
    }
    SearchIndex index = {0};
    int results[SEARCH_MAX_RESULTS];
    int count = search_events(&tl, 0, query, &index, results, SEARCH_MAX_RESULTS);
    size_t n = 0;
    ids[0] = '\0';
    for (int i = 0; i < count; i++)
        n += (size_t)snprintf(ids + n, sizeof ids - n, "%s%s", i ? "," : "", tl.events[results[i]].id);
    search_free(&index);
    timeline_free(&tl);
    load_report_free(&report);
    return ids;
}

/* ---- folding: Latin --------------------------------------------------------------- */

static void fold_should_drop_french_accents_and_case(void)
{
    CHECK_STR(folded("Hôpital"), "hopital");
    CHECK_STR(folded("ÉLÈVE À NOËL"), "eleve a noel");
    CHECK_STR(folded("Ça déçoit"), "ca decoit");
}

static void fold_should_spell_out_ligatures_and_sharp_s(void)
{
    CHECK_STR(folded("Œuvre"), "oeuvre");
    CHECK_STR(folded("cœur"), "coeur");
    CHECK_STR(folded("Ægypten"), "aegypten");
    CHECK_STR(folded("Straße"), "strasse");
    CHECK_STR(folded("ﬁn"), "fin");
}

static void fold_should_read_stroked_letters_as_their_base(void)
{
    CHECK_STR(folded("Łódź"), "lodz");
    CHECK_STR(folded("Øresund"), "oresund");
    CHECK_STR(folded("Đorđe"), "dorde");
}

static void fold_should_drop_accents_typed_as_separate_marks(void)
{
    CHECK_STR(folded("e\xCC\x81te\xCC\x81"), "ete"); /* e + U+0301, twice */
    CHECK(fold_alike("Ve\xCC\x82pres", "Vêpres"));
}

static void fold_should_read_typographic_apostrophes_dashes_and_spaces_as_ascii(void)
{
    CHECK_STR(folded("L’homme"), "l'homme");
    CHECK_STR(folded("1914–1918"), "1914-1918");
    CHECK_STR(folded("1\xC2\xA0" "000"), "1 000"); /* a no-break space */
}

static void fold_should_drop_soft_hyphens(void)
{
    CHECK_STR(folded("Zeit\xC2\xADgeschichte"), "zeitgeschichte");
}

/* ---- folding: Cyrillic and Greek ------------------------------------------------------ */

static void fold_should_lower_cyrillic_capitals(void)
{
    CHECK_STR(folded("ЕЛЬЦИН"), "ельцин");
    CHECK_STR(folded("ЖУКОВ"), "жуков");
}

static void fold_should_read_yo_as_ye_in_either_case(void)
{
    CHECK_STR(folded("Ёлка"), "елка");
    CHECK_STR(folded("ёлка"), "елка");
    CHECK_STR(folded("ЁЛКА"), "елка");
}

static void fold_should_keep_short_i_and_other_cyrillic_letters_with_marks(void)
{
    CHECK_STR(folded("Йошкар-Ола"), "йошкар-ола");
    CHECK(!fold_alike("мой", "мои"));
    CHECK_STR(folded("Їжак"), "їжак");     /* Ukrainian ї is not і */
    CHECK_STR(folded("Ўзбекистон"), "ўзбекистон"); /* Belarusian, Uzbek ў is not у */
}

static void fold_should_drop_russian_stress_marks(void)
{
    CHECK_STR(folded("вода\xCC\x81"), "вода"); /* а + U+0301 */
}

static void fold_should_drop_greek_accents_and_breathings(void)
{
    CHECK_STR(folded("Ἀθῆναι"), "αθηναι");
    CHECK_STR(folded("Αθήνα"), "αθηνα");
    CHECK_STR(folded("ΐ"), "ι");
}

static void fold_should_read_greek_final_sigma_as_sigma(void)
{
    CHECK_STR(folded("ΟΔΟΣ"), "οδοσ");
    CHECK_STR(folded("οδός"), "οδοσ");
}

/* ---- folding: Khmer -------------------------------------------------------------------- */

static void fold_should_leave_khmer_text_as_it_is(void)
{
    CHECK_STR(folded("អង្គរវត្ត"), "អង្គរវត្ត"); /* the coeng (U+17D2) stacks consonants */
    CHECK_STR(folded("កម្ពុជា"), "កម្ពុជា");
    CHECK_STR(folded("ព្រះវិហារ"), "ព្រះវិហារ");
}

static void fold_should_keep_khmer_words_that_differ_by_a_vowel_sign_apart(void)
{
    CHECK(!fold_alike("កា", "កិ")); /* U+17B6 and U+17B7 are marks, not accents */
    CHECK(!fold_alike("ក", "កា"));
}

static void fold_should_drop_the_zero_width_spaces_between_khmer_words(void)
{
    CHECK_STR(folded("ព្រះ\xE2\x80\x8Bវិហារ"), "ព្រះវិហារ");
}

/* ---- folding: the buffer -------------------------------------------------------------- */

static void fold_should_return_the_whole_length_and_write_only_whole_characters(void)
{
    char out[4];
    CHECK_INT(search_fold("ЖЖЖ", out, sizeof out), 6); /* "жжж" is 6 bytes */
    CHECK_STR(out, "ж");
    CHECK_INT(search_fold("Straße", NULL, 0), 7);
}

static void fold_should_copy_malformed_bytes_as_they_are(void)
{
    CHECK_STR(folded("A\xFF" "B\xC3"), "a\xFF" "b\xC3");
}

/* ---- finding events -------------------------------------------------------------------- */

static void search_should_find_hopital_in_hopital_with_its_accent_titles_first(void)
{
    CHECK_STR(found("hopital"), "hopital,paris-1900");
}

static void search_should_find_a_name_typed_in_capitals(void)
{
    CHECK_STR(found("ELTSINE"), "eltsine");
}

static void search_should_find_yolka_spelt_with_ye_or_yo(void)
{
    CHECK_STR(found("елка"), "yolka");
    CHECK_STR(found("ЁЛКА"), "yolka");
}

static void search_should_find_cyrillic_in_a_summary(void)
{
    CHECK_STR(found("ельцин"), "eltsine");
}

static void search_should_find_a_khmer_query_in_khmer_titles_and_bodies(void)
{
    CHECK_STR(found("អង្គរ"), "angkor");
    CHECK_STR(found("ព្រះវិហារ"), "angkor");
    CHECK_STR(found("ព្រិះ"), ""); /* another vowel sign: another word */
}

static void search_should_find_greek_typed_without_accents(void)
{
    CHECK_STR(found("ΑΘΗΝΑΙ"), "athenes");
}

static void search_should_match_a_typographic_apostrophe_with_a_straight_one(void)
{
    CHECK_STR(found("l'hopital"), "hopital,paris-1900");
}

static void search_should_match_nothing_for_an_empty_or_invisible_query(void)
{
    CHECK_STR(found(""), "");
    CHECK_STR(found("\xE2\x80\x8B"), ""); /* a zero-width space folds to nothing */
}

/* ---- the UTF-8 decoder -------------------------------------------------------------------- */

static uint32_t decoded(const char *s, size_t *len)
{
    uint32_t cp;
    *len = utf8_decode(s, strlen(s), &cp);
    return cp;
}

static void utf8_should_decode_one_to_four_bytes(void)
{
    size_t n;
    CHECK_INT(decoded("A", &n), 'A');
    CHECK_INT(n, 1);
    CHECK_INT(decoded("é", &n), 0xE9);
    CHECK_INT(n, 2);
    CHECK_INT(decoded("ក", &n), 0x1780);
    CHECK_INT(n, 3);
    CHECK_INT(decoded("\xF0\x9F\x98\x80", &n), 0x1F600);
    CHECK_INT(n, 4);
}

static void utf8_should_reject_overlong_forms_surrogates_and_cut_sequences(void)
{
    const char *bad[] = {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
                         "\x80", "\xC3", "\xE2\x82"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t n;
        CHECK_INT(decoded(bad[i], &n), UTF8_REPLACEMENT);
        CHECK_INT(n, 0);
    }
}

static void utf8_next_should_step_over_a_malformed_byte_alone(void)
{
    const char s[] = "a\xE2\x82" "b";
    size_t i = 1;
    CHECK_INT(utf8_next(s, 4, &i), UTF8_REPLACEMENT);
    CHECK_INT(i, 2);
    CHECK_INT(utf8_next(s, 4, &i), UTF8_REPLACEMENT);
    CHECK_INT(utf8_next(s, 4, &i), 'b');
    CHECK_INT(i, 4);
}

static void utf8_encode_should_round_trip_and_replace_surrogates(void)
{
    const uint32_t cps[] = {0x24, 0xA2, 0x20AC, 0x10348, 0x10FFFF};
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        char out[UTF8_MAX_BYTES];
        uint32_t back;
        size_t n = utf8_encode(cps[i], out);
        CHECK_INT(utf8_decode(out, n, &back), n);
        CHECK_INT(back, cps[i]);
    }
    char out[UTF8_MAX_BYTES];
    CHECK_INT(utf8_encode(0xD800, out), 3);
    CHECK(memcmp(out, "\xEF\xBF\xBD", 3) == 0);
}

static void utf8_prev_should_find_the_start_of_the_last_character(void)
{
    CHECK_INT(utf8_prev("aé", 3), 1);
    CHECK_INT(utf8_prev("a€", 4), 1);
    CHECK_INT(utf8_prev("a", 1), 0);
    CHECK_INT(utf8_prev("", 0), 0);
    CHECK_INT(utf8_prev("a\x80\x80\x80\x80", 5), 4); /* stray continuation bytes go one by one */
}

static void utf8_cut_should_not_split_a_character(void)
{
    CHECK_INT(utf8_cut("a€", 1), 1);
    CHECK_INT(utf8_cut("a€", 2), 1);
    CHECK_INT(utf8_cut("a€", 3), 1);
    CHECK_INT(utf8_cut("a€", 4), 4);
    CHECK_INT(utf8_cut("\xC3", 1), 0);
    CHECK_INT(utf8_cut("\x80\x80", 2), 2); /* nothing there is a character to cut */
}

/* ---- tags ---------------------------------------------------------------------------------- */

static void search_should_find_events_by_their_tags_in_any_case_and_accent(void)
{
    CHECK_STR(found("unesco"), "angkor");
    CHECK_STR(found("patrimoine"), "angkor");
    CHECK_STR(found("SANTE"), "hopital");
}

static void timeline_tags_should_be_distinct_and_sorted_and_events_should_know_theirs(void)
{
    static const char json[] =
        "{\"format\": \"frise/1\", \"title\": \"T\", \"languages\": [\"fr\"], \"events\": ["
        "{\"id\": \"a\", \"start\": \"1900\", \"title\": \"A\", \"tags\": [\"Moon\", \"Apollo\"]},"
        "{\"id\": \"b\", \"start\": \"1901\", \"title\": \"B\", \"tags\": [\"moon\", \"Énergie\"]},"
        "{\"id\": \"c\", \"start\": \"1902\", \"title\": \"C\"}]}";
    static const LoadOptions options = {.today_days = 19889};
    Timeline tl = {0};
    LoadReport report = {0};
    CHECK(load_timeline_memory("tags.json", json, sizeof json - 1, NULL, &options, &tl, &report));
    const char *tags[8];
    int n = search_timeline_tags(&tl, tags, 8);
    CHECK_INT(n, 3);
    if (n == 3) {
        CHECK_STR(tags[0], "Apollo");
        CHECK_STR(tags[1], "Énergie"); /* folded, "energie" sorts before "moon" */
        CHECK_STR(tags[2], "Moon");    /* the first spelling kept */
    }
    CHECK_INT(search_timeline_tags(&tl, tags, 2), 2);
    CHECK(search_event_has_tag(&tl.events[0], "MOON"));
    CHECK(search_event_has_tag(&tl.events[1], "energie"));
    CHECK(!search_event_has_tag(&tl.events[2], "moon"));
    CHECK(!search_event_has_tag(&tl.events[0], ""));
    CHECK(!search_event_has_tag(&tl.events[0], NULL));
    CHECK(search_same_tag("Phnom Penh", "phnom penh"));
    timeline_free(&tl);
    load_report_free(&report);
}

/* ---- styled text ---------------------------------------------------------------------------- */

static void search_should_see_the_plain_words_of_a_styled_story(void)
{
    static const LoadOptions options = {.today_days = 19889};
    Timeline tl = {0};
    LoadReport report = {0};
    CHECK(load_timeline_file(FRISE_TEST_DATA "/good/timelinejs-styled.json", &options, &tl, &report));
    SearchIndex index = {0};
    int results[SEARCH_MAX_RESULTS];
    /* Across a bold run's edge and a link's words, as a reader reads them. */
    CHECK_INT(search_events(&tl, 0, "galilei turned", &index, results, SEARCH_MAX_RESULTS), 1);
    CHECK_INT(search_events(&tl, 0, "read the galilean moons", &index, results, SEARCH_MAX_RESULTS), 1);
    CHECK_INT(search_events(&tl, 0, "<b>", &index, results, SEARCH_MAX_RESULTS), 0);
    CHECK_INT(search_events(&tl, 0, "amp;", &index, results, SEARCH_MAX_RESULTS), 0);
    int e = timeline_find_event(&tl, "rich");
    SearchSnippet snip;
    CHECK(search_snippet(&tl, 0, e, "four", 20, 60, &snip));
    CHECK(strchr(snip.text, '<') == NULL);
    CHECK(strstr(snip.text, "were four, and") != NULL);
    search_free(&index);
    timeline_free(&tl);
    load_report_free(&report);
}

int main(void)
{
    RUN(search_should_find_events_by_their_tags_in_any_case_and_accent);
    RUN(search_should_see_the_plain_words_of_a_styled_story);
    RUN(timeline_tags_should_be_distinct_and_sorted_and_events_should_know_theirs);
    RUN(fold_should_drop_french_accents_and_case);
    RUN(fold_should_spell_out_ligatures_and_sharp_s);
    RUN(fold_should_read_stroked_letters_as_their_base);
    RUN(fold_should_drop_accents_typed_as_separate_marks);
    RUN(fold_should_read_typographic_apostrophes_dashes_and_spaces_as_ascii);
    RUN(fold_should_drop_soft_hyphens);
    RUN(fold_should_lower_cyrillic_capitals);
    RUN(fold_should_read_yo_as_ye_in_either_case);
    RUN(fold_should_keep_short_i_and_other_cyrillic_letters_with_marks);
    RUN(fold_should_drop_russian_stress_marks);
    RUN(fold_should_drop_greek_accents_and_breathings);
    RUN(fold_should_read_greek_final_sigma_as_sigma);
    RUN(fold_should_leave_khmer_text_as_it_is);
    RUN(fold_should_keep_khmer_words_that_differ_by_a_vowel_sign_apart);
    RUN(fold_should_drop_the_zero_width_spaces_between_khmer_words);
    RUN(fold_should_return_the_whole_length_and_write_only_whole_characters);
    RUN(fold_should_copy_malformed_bytes_as_they_are);
    RUN(search_should_find_hopital_in_hopital_with_its_accent_titles_first);
    RUN(search_should_find_a_name_typed_in_capitals);
    RUN(search_should_find_yolka_spelt_with_ye_or_yo);
    RUN(search_should_find_cyrillic_in_a_summary);
    RUN(search_should_find_a_khmer_query_in_khmer_titles_and_bodies);
    RUN(search_should_find_greek_typed_without_accents);
    RUN(search_should_match_a_typographic_apostrophe_with_a_straight_one);
    RUN(search_should_match_nothing_for_an_empty_or_invisible_query);
    RUN(utf8_should_decode_one_to_four_bytes);
    RUN(utf8_should_reject_overlong_forms_surrogates_and_cut_sequences);
    RUN(utf8_next_should_step_over_a_malformed_byte_alone);
    RUN(utf8_encode_should_round_trip_and_replace_surrogates);
    RUN(utf8_prev_should_find_the_start_of_the_last_character);
    RUN(utf8_cut_should_not_split_a_character);
    return TEST_REPORT();
}
