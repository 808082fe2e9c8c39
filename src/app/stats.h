/* stats.h: visitor statistics for a museum kiosk, privacy-first: counts only,
 * no personal data, no network. For each visitor session (from the touch
 * that ends the attract loop to the reset that starts it again) one CSV row
 * is appended to DIR/visits.csv: the day and time it began, its length, the
 * language it ended in and the stories opened; and one row per presentation
 * begun (the tour's id). `frise --stats DIR` prints a summary.
 *
 * The file is safe against crashes and power cuts: a row is written whole,
 * by one write() on a file opened for appending, then fsync'ed; a session
 * still going when the program dies is simply not written, and a row cut by
 * a power cut is skipped by the summary (and the next row starts on a new
 * line). Nothing else is ever rewritten.
 *
 * The recorder watches the controller from outside (stats_observe after each
 * input and update), so the modes know nothing about it. */
#ifndef FRISE_STATS_H
#define FRISE_STATS_H

#include <stdbool.h>
#include <stdio.h>

#include "controller.h"

enum { STATS_PATH_MAX = 4096, STATS_MAX_OPENED = 128 };

/* The file's name in the state directory, and its first line. */
#define STATS_FILE "visits.csv"
#define STATS_HEADER "date,time,kind,seconds,language,detail"

typedef struct StatsSession {
    bool open;
    double start_ms;             /* on the controller's clock: the waking touch */
    double start_wall_s;         /* seconds since 1970, for its date and time */
    int lang;                    /* the language it was last seen in */
    int opened[STATS_MAX_OPENED];/* events opened, in order (repeats count) */
    int opened_count;
} StatsSession;

typedef struct Stats {
    char path[STATS_PATH_MAX];   /* DIR/visits.csv */
    bool tail_checked;           /* the file's last line was made whole this run */
    bool seen;                   /* what follows was read from the controller */
    KioskState phase;
    int selected;
    int present_starts;
    StatsSession session;
    int rows_written, rows_failed;
} Stats;

/* Starts recording into dir (made with its parents when missing); false,
 * with the reason on stderr, when it cannot be made. */
bool stats_open(Stats *s, const char *dir);

/* Looks at the controller after an input or an update; wall_s is the time
 * of day as seconds since 1970 (the replay passes its own). */
void stats_observe(Stats *s, const Controller *c, double wall_s);

/* A clean exit: the session in progress is written. (A crash writes nothing.) */
void stats_close(Stats *s, const Controller *c);

/* The state directory: $XDG_STATE_HOME/frise, else $HOME/.local/state/frise;
 * false when neither variable is set. */
bool stats_default_dir(char *out, size_t cap);

/* Appends one line to DIR/frise.log (the kiosk's problems, for the curator);
 * false when it cannot. */
bool stats_log(const char *dir, const char *line);

/* Prints a readable summary of DIR/visits.csv: sessions per day with their
 * lengths, the stories most opened, languages, tours begun, and how many
 * damaged lines were skipped. Returns 0, or 1 (with a message on err) when
 * there is no file to read. */
int stats_print_summary(const char *dir, FILE *out, FILE *err);

#endif
