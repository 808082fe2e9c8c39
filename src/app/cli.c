/* cli.c: the command line. Every value is checked here, so that a mistake
 * is one line and status 2 before anything opens (see cli.h). */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "poster.h"

const char *cli_help_text(void)
{
    return "Usage: frise [FILE] [OPTIONS]\n"
           "       frise convert IN OUT [--to frise|timelinejs|csv|csv-timelinejs]\n"
           "       frise --stats DIR\n"
           "Frise shows a timeline (frise/1 JSON, TimelineJS JSON, or a spreadsheet saved as CSV) as a zoomable\n"
           "timeline with event cards.\n"
           "\n"
           "  --check FILE          check a timeline file: print every problem, exit 0 if valid, 1 if not\n"
           "  --screenshot OUT.png  render one frame without a window and write it as PNG\n"
           "  --dump-layout         print the frame's layout as JSON on stdout (with --poster: the poster's)\n"
           "  --poster OUT.png      the whole timeline (or --view FROM:TO) for print: every event a card,\n"
           "                        as tall as its rows need; no window needed\n"
           "  --width PX            with --poster: its width in pixels, 2000 to 30000 (default 7016,\n"
           "                        A0 at 150 dpi; 14043 is A0 at 300 dpi)\n"
           "  --size WxH            window or image size (default 1280x720)\n"
           "  --view FROM:TO        initial view: years or ISO dates, with an optional time\n"
           "                        (1968:1981, 1970-03-01:1970-04-01, 1970-03-18T10:00:1970-03-18T12:00)\n"
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
           "  --out DIR             where a replay's screenshots and dumps go (default: the current folder)\n"
           "  --draw-every-frame    a replay draws every frame, not only its screenshots (soak tests)\n"
           "  --export-text OUT     write the timeline as a text to read: OUT.md (Markdown) or OUT.html\n"
           "  --presenter           presenting: the presenter's screen (notes, next step, time) in a second window\n"
           "  --no-presenter        not even when two displays are connected\n"
           "  --stats DIR           kiosk: count visits in DIR (default: the state folder); alone: print them\n"
           "  --theme NAME          light, dark or contrast (T cycles them)\n"
           "  --text-scale X        text size from 0.75 to 2 (Ctrl+plus, Ctrl+minus, Ctrl+0)\n"
           "  --category ID[,ID]    show only these themes\n"
           "  --tag TAG             show only events with this tag\n"
           "  --dark                dark theme\n"
           "  --projector           projector theme: larger type, higher contrast\n"
           "  --reduced-motion      jump instead of animating\n"
           "  --today YYYY-MM-DD    what \"present\" and the today marker mean (default: the clock)\n"
           "  -h, --help            this text\n"
           "  -V, --version         the version\n"
           "\n"
           "Exit status: 0 fine, 1 a problem (a timeline that cannot be read, a failed screenshot),\n"
           "2 a usage error.\n";
}

/* ---- values -------------------------------------------------------------------- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool cli_parse_decimal(const char *s, double *out)
{
    const char *p = s;
    int digits = 0, fraction = 0;
    while (is_digit(*p)) p++, digits++;
    if (*p == '.') {
        p++;
        while (is_digit(*p)) p++, fraction++;
        if (fraction == 0) return false;
    }
    if (*p || digits == 0 || digits > 9) return false;
    *out = strtod(s, NULL);
    return true;
}

/* WIDTHxHEIGHT, digits only, 800x600 .. 8192x8192. */
static bool parse_size(const char *s, int *w, int *h)
{
    const char *x = strpbrk(s, "xX");
    if (!x || x == s || x - s > 5 || !x[1] || strlen(x + 1) > 5) return false;
    for (const char *p = s; *p; p++)
        if (p != x && !is_digit(*p)) return false;
    long a = strtol(s, NULL, 10), b = strtol(x + 1, NULL, 10);
    if (a < 800 || b < 600 || a > 8192 || b > 8192) return false;
    *w = (int)a;
    *h = (int)b;
    return true;
}

/* A poster's width: digits only, POSTER_MIN_W .. POSTER_MAX_W. */
static bool parse_width(const char *s, int *w)
{
    if (!s[0] || strlen(s) > 5) return false;
    for (const char *p = s; *p; p++)
        if (!is_digit(*p)) return false;
    long v = strtol(s, NULL, 10);
    if (v < POSTER_MIN_W || v > POSTER_MAX_W) return false;
    *w = (int)v;
    return true;
}

/* One side of --view: a date as in a timeline file, with its time. */
static bool view_side(const char *text, size_t len, Date *out)
{
    char buf[64];
    if (len == 0 || len >= sizeof buf) return false;
    memcpy(buf, text, len);
    buf[len] = '\0';
    return date_parse(buf, false, out);
}

/* Times hold colons too ("T10:00"), so every colon is tried as the one
 * between FROM and TO. */
bool cli_parse_view(const char *text, double *from_days, double *to_days)
{
    for (const char *colon = strchr(text, ':'); colon; colon = strchr(colon + 1, ':')) {
        Date a, b;
        if (!view_side(text, (size_t)(colon - text), &a) || !view_side(colon + 1, strlen(colon + 1), &b)) continue;
        double from = date_start_days(&a), to = date_end_days(&b);
        if (!(to > from)) return false;
        *from_days = from;
        *to_days = to;
        return true;
    }
    return false;
}

/* ---- options ----------------------------------------------------------------------- */

/* Options that take a value: name and where the value goes. */
static const char **string_option(AppDesc *d, const char *name)
{
    struct { const char *name; const char **slot; } table[] = {
        {"--screenshot", &d->screenshot}, {"--replay", &d->replay}, {"--lang", &d->lang},
        {"--select", &d->select},         {"--view", &d->view},     {"--tour", &d->tour},
        {"--config", &d->config},         {"--exit-pin", &d->exit_pin}, {"--today", &d->today},
        {"--out", &d->out_dir},           {"--check", &d->file},    {"--export-text", &d->export_text},
        {"--stats", &d->stats_dir},       {"--theme", &d->theme},   {"--category", &d->category},
        {"--tag", &d->tag},               {"--to", &d->convert_to}, {"--poster", &d->poster}};
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(name, table[i].name) == 0) return table[i].slot;
    return NULL;
}

static bool *flag_option(AppDesc *d, const char *name)
{
    struct { const char *name; bool *slot; } table[] = {
        {"--dump-layout", &d->dump_layout}, {"--fullscreen", &d->fullscreen}, {"--present", &d->present},
        {"--kiosk", &d->kiosk},             {"--dark", &d->dark},             {"--projector", &d->projector},
        {"--reduced-motion", &d->reduced_motion}, {"--draw-every-frame", &d->draw_every_frame},
        {"--presenter", &d->presenter},     {"--no-presenter", &d->no_presenter}};
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(name, table[i].name) == 0) return table[i].slot;
    return NULL;
}

static CliAction usage(char *err, int cap, const char *fmt, const char *arg)
{
    /* One line: a value with a line break in it must not start a second. */
    char shown[80];
    snprintf(shown, sizeof shown, "%s", arg ? arg : "");
    for (char *p = shown; *p; p++)
        if ((unsigned char)*p < 0x20) *p = '?';
    snprintf(err, (size_t)cap, fmt, shown);
    return CLI_USAGE_ERROR;
}

/* The timeline file, from FILE or --check: one at most. */
static CliAction set_file(AppDesc *d, const char *file, char *err, int cap)
{
    if (d->file) return usage(err, cap, "more than one timeline file given ('%s'); give one", file);
    d->file = file;
    return CLI_RUN;
}

/* Checks a value that has a grammar; CLI_RUN when it is fine. */
static CliAction check_value(AppDesc *d, const char *a, const char *v, char *err, int cap)
{
    Date day;
    if (strcmp(a, "--size") == 0 && !parse_size(v, &d->width, &d->height))
        return usage(err, cap, "--size wants WIDTHxHEIGHT from 800x600 to 8192x8192, such as 1920x1080; found '%s'", v);
    if (strcmp(a, "--width") == 0 && !parse_width(v, &d->poster_width))
        return usage(err, cap, "--width wants a poster width in pixels from 2000 to 30000, such as 14043; found '%s'", v);
    if (strcmp(a, "--idle-seconds") == 0 &&
        (!cli_parse_decimal(v, &d->idle_seconds) || !(d->idle_seconds >= 1 && d->idle_seconds <= 86400)))
        return usage(err, cap, "--idle-seconds wants a number of seconds from 1 to 86400, such as 90; found '%s'", v);
    if (strcmp(a, "--view") == 0 && !cli_parse_view(v, &d->view_from_days, &d->view_to_days))
        return usage(err, cap, "--view wants FROM:TO, years or ISO dates with FROM before TO "
                               "(1968:1981, 1970-03-01:1970-04-01); found '%s'", v);
    if (strcmp(a, "--text-scale") == 0 &&
        (!cli_parse_decimal(v, &d->text_scale) || !(d->text_scale >= 0.75 && d->text_scale <= 2)))
        return usage(err, cap, "--text-scale wants a number from 0.75 to 2, such as 1.5; found '%s'", v);
    if (strcmp(a, "--theme") == 0 && strcmp(v, "light") && strcmp(v, "dark") && strcmp(v, "contrast"))
        return usage(err, cap, "--theme wants light, dark or contrast; found '%s'", v);
    if (strcmp(a, "--to") == 0 && strcmp(v, "frise") && strcmp(v, "timelinejs") && strcmp(v, "csv") &&
        strcmp(v, "csv-timelinejs"))
        return usage(err, cap, "--to wants frise, timelinejs, csv or csv-timelinejs; found '%s'", v);
    if (strcmp(a, "--today") == 0 && !date_parse(v, false, &day))
        return usage(err, cap, "--today wants a date such as 2024-06-15; found '%s'", v);
    if (!v[0]) return usage(err, cap, "option '%s' needs a value that is not empty", a);
    return CLI_RUN;
}

/* Handles one option at argv[*i]; advances *i past its value. */
static CliAction parse_option(int argc, char **argv, int *i, AppDesc *d, bool *check, char *err, int cap)
{
    const char *a = argv[*i];
    bool *flag = flag_option(d, a);
    if (flag) {
        *flag = true;
        return CLI_RUN;
    }
    bool numeric = !strcmp(a, "--size") || !strcmp(a, "--idle-seconds") || !strcmp(a, "--text-scale") ||
                   !strcmp(a, "--width");
    if (!string_option(d, a) && !numeric) return usage(err, cap, "unknown option '%s' (see --help)", a);
    if (*i + 1 >= argc) return usage(err, cap, "option '%s' needs a value (see --help)", a);
    const char *v = argv[++*i];
    if (check_value(d, a, v, err, cap) != CLI_RUN) return CLI_USAGE_ERROR;
    if (numeric) return CLI_RUN;
    if (strcmp(a, "--check") == 0) {
        *check = true;
        return set_file(d, v, err, cap);
    }
    const char **slot = string_option(d, a);
    if (*slot) return usage(err, cap, "option '%s' given twice", a);
    *slot = v;
    return CLI_RUN;
}

/* -h, --help, -V, --version: anywhere on the line. */
static CliAction help_or_version(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) return CLI_HELP;
        if (!strcmp(argv[i], "-V") || !strcmp(argv[i], "--version")) return CLI_VERSION;
    }
    return CLI_RUN;
}

/* frise convert IN OUT [--to FORMAT] [--today DATE]: the same options table,
 * two files. */
static CliAction parse_convert(int argc, char **argv, AppDesc *d, char *err, int cap)
{
    const char *files[2] = {NULL, NULL};
    int n = 0;
    bool check = false;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] == '-' && a[1]) {
            if (strcmp(a, "--to") && strcmp(a, "--today"))
                return usage(err, cap, "convert takes IN OUT and --to or --today, not '%s'", a);
            if (parse_option(argc, argv, &i, d, &check, err, cap) != CLI_RUN) return CLI_USAGE_ERROR;
        } else if (n < 2) {
            files[n++] = a;
        } else {
            return usage(err, cap, "convert takes two files, IN and OUT; '%s' is one too many", a);
        }
    }
    if (n < 2) return usage(err, cap, "convert wants IN and OUT: frise convert sheet.csv timeline.json%s", "");
    d->file = files[0];
    d->convert_out = files[1];
    return CLI_CONVERT;
}

CliAction cli_parse(int argc, char **argv, AppDesc *d, char *err, int cap)
{
    memset(d, 0, sizeof *d);
    err[0] = '\0';
    CliAction early = help_or_version(argc, argv);
    if (early != CLI_RUN) return early;
    if (argc >= 2 && strcmp(argv[1], "convert") == 0) return parse_convert(argc, argv, d, err, cap);
    bool check = false, options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        CliAction action = CLI_RUN;
        if (!options_done && strcmp(a, "--") == 0) options_done = true;
        else if (!options_done && a[0] == '-' && a[1]) action = parse_option(argc, argv, &i, d, &check, err, cap);
        else action = set_file(d, a, err, cap);
        if (action != CLI_RUN) return action;
    }
    if (check && (d->screenshot || d->dump_layout || d->replay))
        return usage(err, cap, "--check reads a file and prints its problems; it does not go with%s",
                     d->screenshot ? " --screenshot" : d->dump_layout ? " --dump-layout" : " --replay");
    if (d->convert_to) return usage(err, cap, "--to goes with convert: frise convert IN OUT --to %s", d->convert_to);
    if (d->poster_width && !d->poster) return usage(err, cap, "--width goes with --poster OUT.png%s", "");
    if (d->poster && (check || d->screenshot || d->replay || d->width))
        return usage(err, cap, "--poster draws the whole timeline at --width; it does not go with%s",
                     check ? " --check" : d->screenshot ? " --screenshot" : d->replay ? " --replay" : " --size");
    if (check) return CLI_CHECK;
    if (d->export_text) return CLI_EXPORT_TEXT;
    if (d->stats_dir && !d->file && !d->kiosk) return CLI_STATS;
    return CLI_RUN;
}

