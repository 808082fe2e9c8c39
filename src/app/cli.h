/* cli.h: command-line arguments -> AppDesc (no SDL: parsed and tested alone). */
#ifndef FRISE_CLI_H
#define FRISE_CLI_H

#include <stdbool.h>

typedef enum CliAction { CLI_RUN, CLI_CHECK, CLI_HELP, CLI_VERSION, CLI_USAGE_ERROR } CliAction;

/* Zero means "default" for every field; app_resolve_desc fills them. */
typedef struct AppDesc {
    const char *file;            /* timeline file; NULL = the shipped one */
    const char *screenshot;      /* render one frame to this PNG and exit */
    bool dump_layout;            /* print the frame's layout as JSON */
    const char *replay;          /* input script on a virtual clock */
    const char *lang;            /* initial language code */
    const char *select;          /* event id to open */
    const char *view;            /* "FROM:TO" */
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
    const char *today;           /* override today's date (tests) */
} AppDesc;

/* Parses argv; on CLI_USAGE_ERROR writes a message into err. */
CliAction cli_parse(int argc, char **argv, AppDesc *desc, char *err, int err_cap);

/* The --help text. */
const char *cli_help_text(void);

#endif
