/* test_ui_text.c: specifications of the interface's words: every language
 * complete, French typography kept, unknown languages in English. */
#include <stdbool.h>

#include "test.h"
#include "ui_text.h"

static int pairs(const char *const *rows)
{
    int n = 0;
    while (rows[2 * n]) n++;
    return n;
}

static void every_language_has_every_word(void)
{
    for (int l = 0; l < ui_language_count(); l++) {
        const char *code = ui_language_code(l);
        for (int id = 0; id < UI_COUNT; id++) {
            if (!ui_has_text((UiString)id, code)) fprintf(stderr, "  %s: word %d is missing\n", code, id);
            CHECK(ui_has_text((UiString)id, code));
        }
    }
}

static void every_language_has_every_help_row(void)
{
    int keys = pairs(ui_help_rows("en", false)), touch = pairs(ui_help_rows("en", true));
    for (int l = 0; l < ui_language_count(); l++) {
        const char *code = ui_language_code(l);
        CHECK_INT(pairs(ui_help_rows(code, false)), keys);
        CHECK_INT(pairs(ui_help_rows(code, true)), touch);
        const char *const *rows = ui_help_rows(code, false);
        for (int i = 0; i < 2 * keys; i++) CHECK(rows[i] != NULL && rows[i][0] != '\0');
    }
}

static void french_words_keep_french_typography(void)
{
    static const char *const bad[] = {" :", " ;", " ?", " !", "« ", " »", "'"};
    for (int id = 0; id < UI_COUNT; id++) {
        const char *s = ui_text((UiString)id, "fr");
        for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
            if (strstr(s, bad[b])) fprintf(stderr, "  fr word %d has \"%s\": %s\n", id, bad[b], s);
            CHECK(strstr(s, bad[b]) == NULL);
        }
    }
}

static void an_unknown_language_reads_english_and_a_region_its_language(void)
{
    CHECK_STR(ui_text(UI_CLOSE, "de"), "Close");
    CHECK_STR(ui_text(UI_CLOSE, NULL), "Close");
    CHECK_STR(ui_text(UI_CLOSE, "fr-CA"), "Fermer");
    CHECK_STR(ui_text(UI_CLOSE, "ru"), "Закрыть");
    CHECK(!ui_speaks("de"));
    CHECK(ui_speaks("km") && ui_speaks("en") && ui_speaks("fr_FR"));
    CHECK_STR(ui_text(UI_COUNT, "fr"), "");
}

int main(void)
{
    RUN(every_language_has_every_word);
    RUN(every_language_has_every_help_row);
    RUN(french_words_keep_french_typography);
    RUN(an_unknown_language_reads_english_and_a_region_its_language);
    return TEST_REPORT();
}
