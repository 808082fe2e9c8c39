/* test_cli.c: specifications of the command line and the kiosk settings file. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "config.h"
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

int main(void)
{
    RUN(cli_reads_a_file_and_flags);
    RUN(cli_check_takes_its_file);
    RUN(cli_rejects_unknown_options_sizes_and_missing_values);
    RUN(cli_help_and_version_win);
    RUN(config_reads_every_setting);
    RUN(config_flags_given_on_the_command_line_win);
    RUN(config_errors_name_the_file_and_the_setting);
    RUN(config_exit_pins_are_digits_that_fit_the_pad);
    return TEST_REPORT();
}
