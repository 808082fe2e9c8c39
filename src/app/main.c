/* main.c: arguments -> AppDesc, then either check a file or run the app. */
#include <math.h>
#include <stdio.h>
#include <time.h>

#include "app.h"
#include "cli.h"
#include "config.h"
#include "load.h"

/* Today in t_days from the system clock (the one place that reads it for
 * dates; --today overrides it for reproducible output). */
static double today_days(const AppDesc *desc)
{
    Date d;
    if (desc->today && date_parse(desc->today, false, &d)) return date_start_days(&d);
    time_t now = time(NULL);
    return floor((double)now / 86400.0);
}

/* --check: every problem on stderr, a summary on stdout. */
static int check_file(const AppDesc *desc)
{
    LoadOptions opt = {.today_days = today_days(desc)};
    Timeline tl;
    LoadReport report;
    load_timeline_file(desc->file, &opt, &tl, &report);
    for (int i = 0; i < report.count; i++) {
        char line[1024];
        load_problem_format(&report, &report.problems[i], line, sizeof line);
        fprintf(stderr, "%s\n", line);
    }
    if (report.total > report.count)
        fprintf(stderr, "%s: ... and %d more problems\n", report.file, report.total - report.count);
    printf("%s: %d events, %d eras, %d problem%s%s\n", report.file, tl.event_count, tl.era_count, report.total,
           report.total == 1 ? "" : "s", report.rejected ? " (the file was rejected)" : "");
    int status = report.total > 0 ? 1 : 0;
    timeline_free(&tl);
    load_report_free(&report);
    return status;
}

int main(int argc, char **argv)
{
    AppDesc desc;
    char err[256];
    switch (cli_parse(argc, argv, &desc, err, sizeof err)) {
    case CLI_HELP: fputs(cli_help_text(), stdout); return 0;
    case CLI_VERSION: printf("frise %s\n", FRISE_VERSION); return 0;
    case CLI_USAGE_ERROR: fprintf(stderr, "frise: %s\n", err); return 2;
    case CLI_CHECK: return check_file(&desc);
    case CLI_RUN: break;
    }
    if (desc.exit_pin && !config_pin_valid(desc.exit_pin)) {
        fprintf(stderr, "frise: --exit-pin wants 1 to %d digits (typed on the on-screen pad)\n", CONFIG_PIN_MAX_DIGITS);
        return 2;
    }
    KioskConfig config;
    if (desc.config) {
        if (!config_load(desc.config, &config, err, sizeof err)) {
            fprintf(stderr, "frise: %s\n", err);
            return 2;
        }
        config_apply(&config, &desc);
    }
    return app_main(&desc, today_days(&desc));
}
