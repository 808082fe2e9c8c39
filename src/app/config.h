/* config.h: kiosk settings from a small JSON file (--config), so a museum
 * installation is one file beside the timeline. Flags given on the command
 * line win over the file. */
#ifndef FRISE_CONFIG_H
#define FRISE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

/* A settings file is a few hundred bytes; a megabyte leaves room for any
 * comment-like padding without letting a huge file in. */
enum { CONFIG_TEXT_MAX = 512, CONFIG_PIN_MAX_DIGITS = 12, CONFIG_MAX_FILE_BYTES = 1024 * 1024 };

/* Owns the strings that AppDesc fields will point to. */
typedef struct KioskConfig {
    char timeline[CONFIG_TEXT_MAX];     /* a relative one resolved against the settings file's folder */
    char lang[16];
    char tour[128];
    char exit_pin[32];
    char theme[16];
    double idle_seconds;
    int has_fullscreen, fullscreen;       /* has_*: the key was present */
    int has_kiosk, kiosk;
    int has_reduced_motion, reduced_motion;
} KioskConfig;

/* Reads path (a regular file of at most CONFIG_MAX_FILE_BYTES, opened
 * without blocking) and parses it as config_parse does, with base_dir the
 * file's folder. On failure writes one line into err: "FILE: reason", or
 * "FILE:LINE:COL: "setting": message". */
bool config_load(const char *path, KioskConfig *out, char *err, size_t err_cap);

/* Parses len bytes of settings named name (in messages). Rejects unknown
 * settings, wrong types, values outside their set ("theme") or range, and
 * any text after the object. A relative "timeline" is joined to base_dir
 * (NULL: left as written). On failure *out is zeroed. */
bool config_parse(const char *name, const char *text, size_t len, const char *base_dir, KioskConfig *out, char *err,
                  size_t err_cap);

/* An exit PIN can be typed on the kiosk's pad: 1 to 12 digits. */
bool config_pin_valid(const char *pin);

/* Fills the fields of desc that the command line left unset. */
void config_apply(const KioskConfig *cfg, AppDesc *desc);

#endif
