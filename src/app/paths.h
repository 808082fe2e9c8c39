/* paths.h: where Frise finds its data (fonts, the shipped timeline) at run
 * time, so that the same binary works from its build tree, installed under
 * any prefix, or moved elsewhere with its data. No SDL; caller-owned buffers.
 *
 * The data folder holds fonts/ (the Noto fonts and OFL.txt), timeline.json
 * and timeline.schema.json. It is, in this order:
 *   1. $FRISE_DATA_DIR when set and not empty, else the older $FRISE_ASSETS
 *      (which named the source tree's assets/ folder, holding fonts/ only);
 *   2. <folder of the executable>/../share/frise, the installed layout
 *      (FRISE_DATA_FROM_BINDIR below);
 *   3. <folder of the executable>/share/frise, the build tree's layout
 *      (cmake/install.cmake copies the data there at build time).
 * A folder counts only if it holds fonts/NotoSans-Regular.ttf. A variable
 * that names a folder without it is an error, not a hint: quietly using other
 * data would hide the typo. */
#ifndef FRISE_PATHS_H
#define FRISE_PATHS_H

#include <stddef.h>

/* The installed data folder relative to the installed executable's folder:
 * GNUInstallDirs' DATADIR/frise relative to BINDIR. cmake/install.cmake
 * defines it for frise_app and everything that links it. */
#ifndef FRISE_DATA_FROM_BINDIR
#define FRISE_DATA_FROM_BINDIR "../share/frise"
#endif

/* A buffer of PATHS_MAX chars holds any path these functions find. */
enum { PATHS_MAX = 4096 };

typedef enum PathsError {
    PATHS_OK = 0,
    PATHS_NOT_FOUND, /* no candidate folder (or file) is there; out still names the expected one */
    PATHS_TOO_LONG,  /* a path does not fit in the caller's buffer (or in PATHS_MAX) */
    PATHS_NO_EXE     /* exe_path was NULL and /proc/self/exe could not be read */
} PathsError;

/* Finds the data folder (see the top of this file) and writes it into out
 * (cap bytes, always terminated when cap > 0). exe_path is the executable's
 * path; NULL means this process's own, from /proc/self/exe. Candidates are
 * composed as given, not canonicalised ("/opt/frise/bin/../share/frise").
 *   PATHS_OK         out is the data folder.
 *   PATHS_NOT_FOUND  out is where it was expected: the variable's value when
 *                    one is set, else the installed layout's folder; for the
 *                    message "no data in OUT; set FRISE_DATA_DIR".
 *   PATHS_TOO_LONG, PATHS_NO_EXE  out holds nothing useful. */
PathsError paths_data_dir(const char *exe_path, char *out, size_t cap);

/* The fonts' folder: paths_data_dir's result followed by "/fonts", for
 * text_create. Returns what paths_data_dir returns (PATHS_TOO_LONG if the
 * suffix does not fit); on PATHS_NOT_FOUND out names the expected folder. */
PathsError paths_font_dir(const char *exe_path, char *out, size_t cap);

/* The shipped timeline: paths_data_dir's result followed by "/timeline.json",
 * for when no file is given. PATHS_NOT_FOUND also when the data folder is
 * found but holds no readable timeline.json (an $FRISE_ASSETS folder, say);
 * out names the expected file either way, so the viewer can open it and
 * show the usual "missing file" banner. */
PathsError paths_default_timeline(const char *exe_path, char *out, size_t cap);

/* A short English phrase for an error ("no data folder", ...), never NULL. */
const char *paths_error_text(PathsError error);

#endif
