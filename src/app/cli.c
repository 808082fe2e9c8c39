/* cli.c: the command line. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *cli_help_text(void)
{
    return "Usage: frise [FILE] [OPTIONS]\n"
           "Frise shows a JSON timeline (frise/1 or TimelineJS) as a zoomable timeline with event cards.\n"
           "\n"
           "  --check FILE          check a timeline file: print every problem, exit 0 if valid, 1 if not\n"
           "  --screenshot OUT.png  render one frame without a window and write it as PNG\n"
           "  --dump-layout         print the frame's layout as JSON on stdout\n"
           "  --size WxH            window or image size (default 1280x720)\n"
           "  --view FROM:TO        initial view: years or ISO dates (1968:1981, 1970-03-01:1970-04-01)\n"
           "  --select ID           open the event with this id\n"
           "  --lang CODE           language (default: the timeline's first)\n"
           "  --fullscreen          start fullscreen (F11 toggles)\n"
           "  --present             presentation mode (F5 from the explorer)\n"
           "  --tour ID             with --present: present this tour\n"
           "  --kiosk               museum kiosk mode: fullscreen, touch, idle attract loop, locked\n"
           "  --idle-seconds N      kiosk: seconds without input before the reset (default 90)\n"
           "  --exit-pin PIN        kiosk: PIN asked after a 5-second press in the top-left corner\n"
           "  --config FILE         kiosk settings from a JSON file\n"
           "  --replay SCRIPT       feed a timed input script on a virtual clock (headless)\n"
           "  --dark                dark theme\n"
           "  --projector           projector theme: larger type, higher contrast\n"
           "  --reduced-motion      jump instead of animating\n"
           "  --today YYYY-MM-DD    what \"present\" and the today marker mean (default: the clock)\n"
           "  --help, --version\n";
}

static bool parse_size(const char *s, int *w, int *h)
{
    char *end;
    long a = strtol(s, &end, 10);
    if (*end != 'x' && *end != 'X') return false;
    long b = strtol(end + 1, &end, 10);
    if (*end || a < 800 || b < 600 || a > 8192 || b > 8192) return false; /* 800x600 .. 8K */
    *w = (int)a;
    *h = (int)b;
    return true;
}

/* Options that take a value: name and where the value goes. */
static const char **string_option(AppDesc *d, const char *name)
{
    struct { const char *name; const char **slot; } table[] = {
        {"--screenshot", &d->screenshot}, {"--replay", &d->replay}, {"--lang", &d->lang},
        {"--select", &d->select},         {"--view", &d->view},     {"--tour", &d->tour},
        {"--config", &d->config},         {"--exit-pin", &d->exit_pin}, {"--today", &d->today},
        {"--check", &d->file}};
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(name, table[i].name) == 0) return table[i].slot;
    return NULL;
}

static bool *flag_option(AppDesc *d, const char *name)
{
    struct { const char *name; bool *slot; } table[] = {
        {"--dump-layout", &d->dump_layout}, {"--fullscreen", &d->fullscreen}, {"--present", &d->present},
        {"--kiosk", &d->kiosk},             {"--dark", &d->dark},             {"--projector", &d->projector},
        {"--reduced-motion", &d->reduced_motion}};
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(name, table[i].name) == 0) return table[i].slot;
    return NULL;
}

static CliAction usage(char *err, int cap, const char *fmt, const char *arg)
{
    snprintf(err, (size_t)cap, fmt, arg);
    return CLI_USAGE_ERROR;
}

/* Handles one option at argv[*i]; advances *i past its value. */
static CliAction parse_option(int argc, char **argv, int *i, AppDesc *d, bool *check, char *err, int cap)
{
    const char *a = argv[*i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) return CLI_HELP;
    if (strcmp(a, "--version") == 0) return CLI_VERSION;
    bool *flag = flag_option(d, a);
    if (flag) {
        *flag = true;
        return CLI_RUN;
    }
    bool takes_value = string_option(d, a) || !strcmp(a, "--size") || !strcmp(a, "--idle-seconds");
    if (!takes_value) return usage(err, cap, "unknown option '%s' (see --help)", a);
    if (*i + 1 >= argc) return usage(err, cap, "option '%s' needs a value", a);
    const char *v = argv[++*i];
    if (strcmp(a, "--size") == 0) {
        if (!parse_size(v, &d->width, &d->height)) return usage(err, cap, "--size wants WIDTHxHEIGHT from 800x600 to 8192x8192, such as 1920x1080; found '%s'", v);
    } else if (strcmp(a, "--idle-seconds") == 0) {
        char *end;
        d->idle_seconds = strtod(v, &end);
        if (*end || !(d->idle_seconds >= 1 && d->idle_seconds <= 86400))
            return usage(err, cap, "--idle-seconds wants a number of seconds from 1 to 86400, found '%s'", v);
    } else {
        if (strcmp(a, "--check") == 0) *check = true;
        *string_option(d, a) = v;
    }
    return CLI_RUN;
}

CliAction cli_parse(int argc, char **argv, AppDesc *d, char *err, int cap)
{
    memset(d, 0, sizeof *d);
    err[0] = '\0';
    bool check = false;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1] == '-') {
            CliAction action = parse_option(argc, argv, &i, d, &check, err, cap);
            if (action != CLI_RUN) return action;
        } else if (!d->file) {
            d->file = argv[i];
        } else {
            return usage(err, cap, "more than one timeline file given ('%s')", argv[i]);
        }
    }
    if (check) return CLI_CHECK;
    return CLI_RUN;
}
