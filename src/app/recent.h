/* recent.h: the timelines a person opened lately, newest first, kept in the
 * XDG config folder ($XDG_CONFIG_HOME/frise/recent, else
 * ~/.config/frise/recent) as one absolute path per line. No SDL. */
#ifndef FRISE_RECENT_H
#define FRISE_RECENT_H

#include <stdbool.h>
#include <stddef.h>

#include "paths.h"

enum { RECENT_MAX = 10 };

typedef struct RecentFiles {
    char paths[RECENT_MAX][PATHS_MAX];
    int count;
} RecentFiles;

/* Where the list is kept; false when neither XDG_CONFIG_HOME nor HOME is
 * set (the list is then neither read nor written). */
bool recent_file_path(char *out, size_t cap);

/* Reads the list from file (a missing or unreadable file: an empty list).
 * Lines that are not absolute paths are skipped; so are repeats. */
void recent_load(RecentFiles *r, const char *file);

/* Puts path first (made absolute with its links resolved), dropping an
 * older copy of it and the oldest one past RECENT_MAX. False, the list
 * unchanged, when the path cannot be resolved (the file is gone). */
bool recent_add(RecentFiles *r, const char *path);

/* Writes the list to file through a temporary file and a rename, making
 * the folder when missing, so a crash never leaves half a list. */
bool recent_save(const RecentFiles *r, const char *file);

#endif
