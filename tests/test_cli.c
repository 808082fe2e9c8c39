/* test_cli.c: specifications of the command line and the kiosk settings file. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "config.h"
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


static CliAction parse_args(AppDesc *d, char *err, int argc, const char **args)
{
    char *argv[16];
    argv[0] = "frise";
    for (int i = 0; i < argc && i < 15; i++) argv[i + 1] = (char *)args[i];
    return cli_parse(argc + 1, argv, d, err, 256);
}

/* Writes text to a temporary file; returns its path in out. */
static void temp_file(const char *text, char *out, size_t cap)
{
    snprintf(out, cap, "/tmp/frise-test-cli-XXXXXX");
    int fd = mkstemp(out);
    if (fd < 0) return;
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
}

static void cli_reads_a_file_and_flags(void)
{
    AppDesc d;
    char err[256];
    const char *args[] = {"t.json", "--kiosk", "--size", "1920x1080", "--lang", "en", "--idle-seconds", "45"};
    CHECK_INT(parse_args(&d, err, 8, args), CLI_RUN);
    CHECK_STR(d.file, "t.json");
    CHECK(d.kiosk);
    CHECK_INT(d.width, 1920);
    CHECK_INT(d.height, 1080);
    CHECK_STR(d.lang, "en");
    CHECK_NEAR(d.idle_seconds, 45, 0);
}

static void cli_check_takes_its_file(void)
{
    AppDesc d;
    char err[256];
    const char *args[] = {"--check", "x.json"};
    CHECK_INT(parse_args(&d, err, 2, args), CLI_CHECK);
    CHECK_STR(d.file, "x.json");
}

static void cli_rejects_unknown_options_sizes_and_missing_values(void)
{
    AppDesc d;
    char err[256];
    const char *unknown[] = {"--frobnicate"};
    CHECK_INT(parse_args(&d, err, 1, unknown), CLI_USAGE_ERROR);
    CHECK(strstr(err, "--frobnicate") != NULL);
    const char *small[] = {"--size", "640x480"};
    CHECK_INT(parse_args(&d, err, 2, small), CLI_USAGE_ERROR);
    CHECK(strstr(err, "800x600") != NULL);
    const char *missing[] = {"--lang"};
    CHECK_INT(parse_args(&d, err, 1, missing), CLI_USAGE_ERROR);
    const char *two_files[] = {"a.json", "b.json"};
    CHECK_INT(parse_args(&d, err, 2, two_files), CLI_USAGE_ERROR);
    const char *idle[] = {"--idle-seconds", "0"};
    CHECK_INT(parse_args(&d, err, 2, idle), CLI_USAGE_ERROR);
}

static void cli_help_and_version_win(void)
{
    AppDesc d;
    char err[256];
    const char *help[] = {"t.json", "--help"};
    CHECK_INT(parse_args(&d, err, 2, help), CLI_HELP);
    const char *version[] = {"--version"};
    CHECK_INT(parse_args(&d, err, 1, version), CLI_VERSION);
    CHECK(strstr(cli_help_text(), "--kiosk") != NULL);
}

static void config_reads_every_setting(void)
{
    char path[64], err[256];
    temp_file("{\"timeline\": \"/opt/t.json\", \"kiosk\": true, \"idle_seconds\": 30, \"tour\": \"ten-steps\","
              " \"lang\": \"en\", \"exit_pin\": \"2468\", \"theme\": \"dark\", \"reduced_motion\": true,"
              " \"fullscreen\": true}",
              path, sizeof path);
    KioskConfig cfg;
    CHECK(config_load(path, &cfg, err, sizeof err));
    AppDesc d;
    memset(&d, 0, sizeof d);
    config_apply(&cfg, &d);
    CHECK_STR(d.file, "/opt/t.json");
    CHECK(d.kiosk && d.dark && d.reduced_motion && d.fullscreen);
    CHECK_NEAR(d.idle_seconds, 30, 0);
    CHECK_STR(d.tour, "ten-steps");
    CHECK_STR(d.lang, "en");
    CHECK_STR(d.exit_pin, "2468");
    unlink(path);
}

static void config_flags_given_on_the_command_line_win(void)
{
    char path[64], err[256];
    temp_file("{\"lang\": \"en\", \"idle_seconds\": 30, \"timeline\": \"/opt/t.json\"}", path, sizeof path);
    KioskConfig cfg;
    CHECK(config_load(path, &cfg, err, sizeof err));
    AppDesc d;
    memset(&d, 0, sizeof d);
    d.lang = "fr";
    d.idle_seconds = 120;
    d.file = "mine.json";
    config_apply(&cfg, &d);
    CHECK_STR(d.lang, "fr");
    CHECK_NEAR(d.idle_seconds, 120, 0);
    CHECK_STR(d.file, "mine.json");
    unlink(path);
}

static void config_errors_name_the_file_and_the_setting(void)
{
    char path[64], err[256];
    KioskConfig cfg;
    temp_file("{\"idle_secnds\": 30}", path, sizeof path);
    CHECK(!config_load(path, &cfg, err, sizeof err));
    CHECK(strstr(err, path) != NULL && strstr(err, "idle_secnds") != NULL);
    unlink(path);
    temp_file("{\"kiosk\": 1}", path, sizeof path);
    CHECK(!config_load(path, &cfg, err, sizeof err));
    CHECK(strstr(err, "\"kiosk\"") != NULL);
    unlink(path);
    temp_file("{\n  \"kiosk\": true,,\n}", path, sizeof path);
    CHECK(!config_load(path, &cfg, err, sizeof err));
    CHECK(strstr(err, ":2:") != NULL); /* the line of the syntax error */
    unlink(path);
    CHECK(!config_load("/nonexistent/kiosk.json", &cfg, err, sizeof err));
    CHECK(strstr(err, "/nonexistent/kiosk.json") != NULL);
}

static void config_exit_pins_are_digits_that_fit_the_pad(void)
{
    CHECK(config_pin_valid("2468"));
    CHECK(config_pin_valid("1"));
    CHECK(config_pin_valid("123456789012"));
    CHECK(!config_pin_valid(""));
    CHECK(!config_pin_valid("1234567890123"));
    CHECK(!config_pin_valid("12a4"));
    char path[64], err[256];
    KioskConfig cfg;
    temp_file("{\"exit_pin\": \"abcd\"}", path, sizeof path);
    CHECK(!config_load(path, &cfg, err, sizeof err));
    CHECK(strstr(err, "exit_pin") != NULL);
    unlink(path);
}

/* ---- issue 13: strict arguments and settings --------------------------------------------- */

static void cli_short_help_and_version_work_anywhere(void)
{
    AppDesc d;
    char err[256];
    CHECK_INT(parse_args(&d, err, 1, (const char *[]){"-h"}), CLI_HELP); /* was opened as a file */
    CHECK_INT(parse_args(&d, err, 2, (const char *[]){"t.json", "-V"}), CLI_VERSION);
    CHECK_INT(parse_args(&d, err, 3, (const char *[]){"--kiosk", "--size", "-h"}), CLI_HELP);
    CHECK(strstr(cli_help_text(), "-V, --version") != NULL);
}

static void cli_words_starting_with_a_dash_are_options_unless_after_double_dash(void)
{
    AppDesc d;
    char err[256];
    CHECK_INT(parse_args(&d, err, 1, (const char *[]){"-x"}), CLI_USAGE_ERROR);
    CHECK(strstr(err, "'-x'") != NULL);
    CHECK_INT(parse_args(&d, err, 2, (const char *[]){"--", "-x"}), CLI_RUN);
    CHECK_STR(d.file, "-x");
}

static void cli_numbers_are_plain_decimals(void)
{
    AppDesc d;
    char err[256];
    const char *bad_idle[] = {"0x10", "1e3", " 5", "5 ", "+5", "5.", ".5", "nan", "inf", "", "1234567890"};
    for (size_t i = 0; i < sizeof bad_idle / sizeof bad_idle[0]; i++) {
        CHECK_INT(parse_args(&d, err, 2, (const char *[]){"--idle-seconds", bad_idle[i]}), CLI_USAGE_ERROR);
        CHECK(strstr(err, "--idle-seconds") != NULL);
    }
    CHECK_INT(parse_args(&d, err, 2, (const char *[]){"--idle-seconds", "2.5"}), CLI_RUN);
    CHECK_NEAR(d.idle_seconds, 2.5, 0);
    const char *bad_size[] = {"1920x1080x", "+1920x1080", "1920 x1080", "0x800x600", "1920x", "x1080", "1e3x900"};
    for (size_t i = 0; i < sizeof bad_size / sizeof bad_size[0]; i++)
        CHECK_INT(parse_args(&d, err, 2, (const char *[]){"--size", bad_size[i]}), CLI_USAGE_ERROR);
}

static void cli_view_and_today_are_checked_as_dates(void)
{
    AppDesc d;
    char err[256];
    CHECK_INT(parse_args(&d, err, 2, (const char *[]){"--view", "1981:1968"}), CLI_USAGE_ERROR); /* was status 1 */
    CHECK(strstr(err, "--view") != NULL);
    CHECK_INT(parse_args(&d, err, 2, (const char *[]){"--view", "whenever"}), CLI_USAGE_ERROR);
    CHECK_INT(parse_args(&d, err, 2, (const char *[]){"--view", "1968:1981"}), CLI_RUN);
    CHECK(d.view_to_days > d.view_from_days);
    CHECK_INT(parse_args(&d, err, 2, (const char *[]){"--view", "1970-03-18T10:00:1970-03-18T12:30"}), CLI_RUN);
    CHECK_NEAR((d.view_to_days - d.view_from_days) * 24 * 60, 151, 1e-6); /* to the end of 12:30 */
    /* deep time: from before the Big Bang to the first stars */
    CHECK_INT(parse_args(&d, err, 2, (const char *[]){"--view", "-14000000000:-13600000000"}), CLI_RUN);
    CHECK_NEAR((d.view_to_days - d.view_from_days) / 365.2425, 400000001, 0.01); /* to the end of the year */
    CHECK(d.view_from_days < -5.1e12);
    CHECK_INT(parse_args(&d, err, 2, (const char *[]){"--today", "garbage"}), CLI_USAGE_ERROR); /* was ignored */
    CHECK(strstr(err, "--today") != NULL);
    CHECK_INT(parse_args(&d, err, 2, (const char *[]){"--today", "2024-06-15"}), CLI_RUN);
}

static void cli_takes_one_timeline_also_with_check(void)
{
    AppDesc d;
    char err[256];
    CHECK_INT(parse_args(&d, err, 3, (const char *[]){"x.json", "--check", "y.json"}), CLI_USAGE_ERROR);
    CHECK(strstr(err, "y.json") != NULL);
    CHECK_INT(parse_args(&d, err, 4, (const char *[]){"--check", "a.json", "--check", "b.json"}), CLI_USAGE_ERROR);
    CHECK_INT(parse_args(&d, err, 4, (const char *[]){"--check", "a.json", "--screenshot", "o.png"}), CLI_USAGE_ERROR);
}

static void cli_usage_errors_are_one_line(void)
{
    AppDesc d;
    char err[256];
    const char *cases[][2] = {{"--size", "1x1\nsecond line"}, {"--view", "a\nb"}, {"--frob\nnicate", NULL}};
    for (int i = 0; i < 3; i++) {
        int n = cases[i][1] ? 2 : 1;
        CHECK_INT(parse_args(&d, err, n, cases[i]), CLI_USAGE_ERROR);
        CHECK(strchr(err, '\n') == NULL && err[0]);
    }
}

static void config_rejects_unknown_themes_naming_the_setting_and_its_place(void)
{
    char path[64], err[256];
    KioskConfig cfg;
    temp_file("{\n  \"kiosk\": true,\n  \"theme\": \"midnight\"\n}", path, sizeof path);
    CHECK(!config_load(path, &cfg, err, sizeof err)); /* was accepted silently */
    CHECK(strstr(err, "\"theme\"") != NULL && strstr(err, "midnight") != NULL);
    CHECK(strstr(err, ":3:3:") != NULL);
    unlink(path);
}

static void config_rejects_text_after_the_object(void)
{
    char path[64], err[256];
    KioskConfig cfg;
    temp_file("{\"kiosk\": true}\n{\"kiosk\": false}\n", path, sizeof path);
    CHECK(!config_load(path, &cfg, err, sizeof err)); /* was accepted */
    CHECK(strstr(err, ":2:1:") != NULL);
    unlink(path);
    temp_file("{\"kiosk\": true}\n\n  \n", path, sizeof path);
    CHECK(config_load(path, &cfg, err, sizeof err));
    unlink(path);
}

static void config_reads_a_valid_file_past_64_kib(void)
{
    char *text = malloc(80000);
    strcpy(text, "{\"kiosk\": true,");
    size_t n = strlen(text);
    memset(text + n, ' ', 70000); /* an installer's padding, or long comments turned to spaces */
    strcpy(text + n + 70000, "\"lang\": \"fr\"}");
    char path[64], err[256];
    temp_file(text, path, sizeof path);
    KioskConfig cfg;
    CHECK(config_load(path, &cfg, err, sizeof err)); /* was cut at 64 KiB and called invalid */
    CHECK_STR(cfg.lang, "fr");
    unlink(path);
    free(text);
}

static void config_relative_timeline_is_beside_the_settings_file(void)
{
    char err[256];
    KioskConfig cfg;
    const char *text = "{\"timeline\": \"data/t.json\"}";
    CHECK(config_parse("/opt/museum/kiosk.json", text, strlen(text), "/opt/museum", &cfg, err, sizeof err));
    CHECK_STR(cfg.timeline, "/opt/museum/data/t.json");
    const char *absolute = "{\"timeline\": \"/srv/t.json\"}";
    CHECK(config_parse("k.json", absolute, strlen(absolute), "/opt/museum", &cfg, err, sizeof err));
    CHECK_STR(cfg.timeline, "/srv/t.json");
    char path[64];
    temp_file(text, path, sizeof path);
    CHECK(config_load(path, &cfg, err, sizeof err));
    CHECK_STR(cfg.timeline, "/tmp/data/t.json");
    unlink(path);
}

static void config_messages_stay_on_one_line_whatever_the_key(void)
{
    /* Found by fuzz_config: cJSON takes a raw line break inside a key. */
    const char text[] = "{\"\x97iosk\x02: true}\n{\": 1}\n";
    KioskConfig cfg;
    char err[256];
    CHECK(!config_parse("k.json", text, sizeof text - 1, NULL, &cfg, err, sizeof err));
    CHECK(strchr(err, '\n') == NULL);
    CHECK(strncmp(err, "k.json:1:2: ", 12) == 0);
}

static void config_that_is_a_fifo_is_refused_without_blocking(void)
{
    char dir[] = "/tmp/frise-test-cfg-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char fifo[64], err[256];
    snprintf(fifo, sizeof fifo, "%s/kiosk.json", dir);
    CHECK(mkfifo(fifo, 0600) == 0);
    KioskConfig cfg;
    alarm(10); /* was a hang */
    CHECK(!config_load(fifo, &cfg, err, sizeof err));
    alarm(0);
    CHECK(strstr(err, "not a regular file") != NULL);
    unlink(fifo);
    rmdir(dir);
}


static void cli_convert_takes_in_out_and_a_target_format(void)
{
    AppDesc d;
    char err[256];
    const char *args[] = {"convert", "sheet.csv", "out.json", "--to", "timelinejs"};
    CHECK_INT(parse_args(&d, err, 5, args), CLI_CONVERT);
    CHECK_STR(d.file, "sheet.csv");
    CHECK_STR(d.convert_out, "out.json");
    CHECK_STR(d.convert_to, "timelinejs");
    const char *one[] = {"convert", "sheet.csv"};
    CHECK_INT(parse_args(&d, err, 2, one), CLI_USAGE_ERROR);
    const char *bad_to[] = {"convert", "a.csv", "b.json", "--to", "pdf"};
    CHECK_INT(parse_args(&d, err, 5, bad_to), CLI_USAGE_ERROR);
    CHECK(strstr(err, "--to wants") != NULL);
    const char *to_alone[] = {"a.json", "--to", "csv"};
    CHECK_INT(parse_args(&d, err, 3, to_alone), CLI_USAGE_ERROR);
}

static void cli_export_stats_theme_text_scale_and_filters_are_read(void)
{
    AppDesc d;
    char err[256];
    const char *exp[] = {"t.json", "--export-text", "t.html", "--lang", "ru"};
    CHECK_INT(parse_args(&d, err, 5, exp), CLI_EXPORT_TEXT);
    CHECK_STR(d.export_text, "t.html");
    const char *stats[] = {"--stats", "/var/lib/frise"};
    CHECK_INT(parse_args(&d, err, 2, stats), CLI_STATS);
    const char *kiosk[] = {"t.json", "--kiosk", "--stats", "/var/lib/frise"};
    CHECK_INT(parse_args(&d, err, 4, kiosk), CLI_RUN); /* the kiosk counts visits there */
    const char *look[] = {"t.json", "--theme", "contrast", "--text-scale", "1.5", "--category", "a,b", "--tag", "x",
                          "--presenter"};
    CHECK_INT(parse_args(&d, err, 10, look), CLI_RUN);
    CHECK_STR(d.theme, "contrast");
    CHECK_NEAR(d.text_scale, 1.5, 0);
    CHECK_STR(d.category, "a,b");
    CHECK_STR(d.tag, "x");
    CHECK(d.presenter);
    const char *bad_theme[] = {"--theme", "sepia"};
    CHECK_INT(parse_args(&d, err, 2, bad_theme), CLI_USAGE_ERROR);
    const char *big[] = {"--text-scale", "3"};
    CHECK_INT(parse_args(&d, err, 2, big), CLI_USAGE_ERROR);
}

int main(void)
{
    RUN(cli_reads_a_file_and_flags);
    RUN(cli_convert_takes_in_out_and_a_target_format);
    RUN(cli_export_stats_theme_text_scale_and_filters_are_read);
    RUN(cli_check_takes_its_file);
    RUN(cli_rejects_unknown_options_sizes_and_missing_values);
    RUN(cli_help_and_version_win);
    RUN(config_reads_every_setting);
    RUN(config_flags_given_on_the_command_line_win);
    RUN(config_errors_name_the_file_and_the_setting);
    RUN(config_exit_pins_are_digits_that_fit_the_pad);
    RUN(cli_short_help_and_version_work_anywhere);
    RUN(cli_words_starting_with_a_dash_are_options_unless_after_double_dash);
    RUN(cli_numbers_are_plain_decimals);
    RUN(cli_view_and_today_are_checked_as_dates);
    RUN(cli_takes_one_timeline_also_with_check);
    RUN(cli_usage_errors_are_one_line);
    RUN(config_rejects_unknown_themes_naming_the_setting_and_its_place);
    RUN(config_rejects_text_after_the_object);
    RUN(config_reads_a_valid_file_past_64_kib);
    RUN(config_relative_timeline_is_beside_the_settings_file);
    RUN(config_messages_stay_on_one_line_whatever_the_key);
    RUN(config_that_is_a_fifo_is_refused_without_blocking);
    return TEST_REPORT();
}
