/* pictures.h: where a picture of the view (S) goes: the desktop's pictures
 * folder (XDG_PICTURES_DIR, set in the environment or in
 * ~/.config/user-dirs.dirs), else ~/Pictures when it exists, else the
 * current folder; under a new name, so no picture replaces another. */
#ifndef FRISE_PICTURES_H
#define FRISE_PICTURES_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* The folder pictures go in (no trailing slash); false when it is too long. */
bool pictures_folder(char *out, size_t cap);

/* A path in folder that does not exist yet: frise-YYYY-MM-DD-HHMMSS.png, or
 * with -2, -3... when that one does; false when none fits in cap. */
bool pictures_new_path(const char *folder, time_t when, char *out, size_t cap);

#endif
