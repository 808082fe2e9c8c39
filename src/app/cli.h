/* cli.h: command-line arguments -> AppDesc (no SDL: parsed and tested alone). */
#ifndef FRISE_CLI_H
#define FRISE_CLI_H

#include <stdbool.h>

typedef enum CliAction {
    CLI_RUN, CLI_CHECK, CLI_HELP, CLI_VERSION, CLI_USAGE_ERROR,
    CLI_CONVERT,                 /* frise convert IN OUT [--to FORMAT] */
    CLI_STATS,                   /* frise --stats DIR alone: print the visitor statistics */
    CLI_EXPORT_TEXT              /* frise FILE --export-text OUT.md|OUT.html */
} CliAction;

/* Zero means "default" for every field; app_resolve_desc fills them. */
typedef struct AppDesc {
    const char *file;            /* timeline file; NULL = the shipped one */
    const char *screenshot;      /* render one frame to this PNG and exit */
    bool dump_layout;            /* print the frame's layout as JSON */
    const char *replay;          /* input script on a virtual clock */
    const char *lang;            /* initial language code */
    const char *select;          /* event id to open */
    const char *view;            /* "FROM:TO" as given; cli_parse checked it */
    double view_from_days, view_to_days; /* --view, parsed (when view is set) */
    const char *tour;            /* with present */
    const char *config;          /* kiosk JSON config */
    const char *exit_pin;
    int width, height;
    bool fullscreen;
    bool present;
    bool kiosk;
    bool dark;
    bool projector;
    bool reduced_motion;
    double idle_seconds;
    const char *today;           /* override today's date (tests); cli_parse checked it */
    const char *out_dir;         /* --out: where replay screenshots and dumps go (default: the current folder) */
    bool draw_every_frame;       /* --draw-every-frame: a replay draws each frame (soak tests) */
    const char *export_text;     /* --export-text OUT: the timeline as Markdown or HTML */
    const char *stats_dir;       /* --stats DIR: where the kiosk counts visits (alone: print them) */
    const char *theme;           /* --theme light|dark|contrast (cli_parse checked it) */
    double text_scale;           /* --text-scale 0.75..2 (0: not given) */
    const char *category;        /* --category ID[,ID]: show only these themes */
    const char *tag;             /* --tag T: show only events with this tag */
    bool presenter;              /* --presenter: the presenter's screen in a second window */
    bool no_presenter;           /* --no-presenter: not even with two displays */
    const char *convert_out;     /* convert: the file to write (file is IN) */
    const char *convert_to;      /* convert --to: frise, timelinejs, csv, csv-timelinejs */
    const char *poster;          /* --poster OUT.png: the whole timeline (or --view) for print, and exit */
    int poster_width;            /* --width PX with --poster (0: POSTER_DEFAULT_W) */
} AppDesc;

/* Parses argv. -h, --help, -V and --version win wherever they are (after a
 * usage error before them, the error wins). On CLI_USAGE_ERROR writes one
 * line, without a newline, into err; the caller exits with status 2. Every
 * value is checked here: numbers are plain decimals (no "0x10", no "1e3"),
 * --view and --today must be dates, one timeline file at most (also with
 * --check). "--" ends the options (a file named "-x"). */
CliAction cli_parse(int argc, char **argv, AppDesc *desc, char *err, int err_cap);

/* "FROM:TO" with FROM before TO, each a date as in a timeline file with an
 * optional time of day: "1968:1981", "1970-03-01:1970-04-01",
 * "1970-03-18T10:00:1970-03-18T12:30". false when malformed. */
bool cli_parse_view(const char *text, double *from_days, double *to_days);

/* A plain decimal, "90" or "2.5": digits, at most one '.', nothing else. */
bool cli_parse_decimal(const char *text, double *out);

/* The --help text. */
const char *cli_help_text(void);

#endif
