/* filepick.h: what Ctrl+O offers. On a desktop, the desktop's own file
 * chooser (zenity, or kdialog) runs beside the app, which goes on drawing
 * while it waits; otherwise, or when that fails, the app shows its own list
 * (FileOffer): the recent timelines, then those of the open timeline's
 * folder. No SDL. */
#ifndef FRISE_FILEPICK_H
#define FRISE_FILEPICK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "paths.h"
#include "recent.h"
#include "view.h"

enum { FILEPICK_MAX = 64 };

/* The rows of the app's own list, for the view (their folders as shown:
 * absolute, "~" for the home folder); paths[i] is row i's file.
 * Owns its strings; zero-initialised is an empty offer. */
typedef struct FileOffer {
    FileChoice rows[FILEPICK_MAX];
    char *paths[FILEPICK_MAX];
    char *folders[FILEPICK_MAX];
    int count;
    char folder[PATHS_MAX];      /* the folder listed, as shown: absolute, "~" for the home folder */
} FileOffer;

/* Fills o (freed first): the recent files that still exist, then the
 * timeline files (.json, .csv, .tsv; regular files, by name) of
 * current_path's folder, each once, the current file left out. */
void filepick_offer(FileOffer *o, const char *current_path, const RecentFiles *recent);
void filepick_offer_free(FileOffer *o);

/* The folder of path ("." for a bare name). */
void filepick_folder_of(const char *path, char *out, size_t cap);

/* The desktop's chooser, run as a child process. */
typedef enum PickState { PICK_IDLE, PICK_RUNNING, PICK_CHOSEN, PICK_CANCELLED, PICK_FAILED } PickState;
typedef struct ExternalPick {
    pid_t pid;
    int fd;                      /* its standard output, read without blocking */
    int err_fd;                  /* its standard error: why it could not show */
    char out[PATHS_MAX];
    size_t len;
    bool out_done;               /* its output ended: it is exiting */
    char err[512];
    size_t err_len;
    bool running;
} ExternalPick;

/* The chooser to run: $FRISE_FILE_CHOOSER when set ("zenity", "kdialog",
 * or "builtin" for none), else zenity, else kdialog, found on $PATH; none
 * without DISPLAY or WAYLAND_DISPLAY. Writes its name; false for none. */
bool filepick_external_program(char *out, size_t cap);

/* Starts the chooser in folder, titled title, showing timeline files first;
 * false when there is none or it cannot start (the app's list then shows). */
bool filepick_external_start(ExternalPick *p, const char *folder, const char *title);

/* Looks without waiting: PICK_RUNNING while the person chooses; then
 * PICK_CHOSEN with the path in path, PICK_CANCELLED, or PICK_FAILED when
 * the chooser could not show (a broken display: the app's list then
 * shows). PICK_IDLE when none runs. */
PickState filepick_external_poll(ExternalPick *p, char *path, size_t cap);

/* Ends a chooser still running (the app quits). */
void filepick_external_stop(ExternalPick *p);

#endif
