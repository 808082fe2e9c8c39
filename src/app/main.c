/* main.c: arguments -> AppDesc, then a command without a window or the app. */
#include <math.h>
#include <stdio.h>
#include <time.h>

#include "app.h"
#include "commands.h"
#include "stats.h"
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

int main(int argc, char **argv)
{
    AppDesc desc;
    char err[256];
    switch (cli_parse(argc, argv, &desc, err, sizeof err)) {
    case CLI_HELP: fputs(cli_help_text(), stdout); return 0;
    case CLI_VERSION: printf("frise %s\n", FRISE_VERSION); return 0;
    case CLI_USAGE_ERROR: fprintf(stderr, "frise: %s\n", err); return 2;
    case CLI_CHECK: return commands_check(&desc, today_days(&desc));
    case CLI_CONVERT: return commands_convert(&desc, today_days(&desc));
    case CLI_EXPORT_TEXT: return commands_export_text(&desc, today_days(&desc));
    case CLI_STATS: return stats_print_summary(desc.stats_dir, stdout, stderr);
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
