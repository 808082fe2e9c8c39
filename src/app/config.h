/* config.h: kiosk settings from a small JSON file (--config), so a museum
 * installation is one file beside the timeline. Flags given on the command
 * line win over the file. */
#ifndef FRISE_CONFIG_H
#define FRISE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

enum { CONFIG_TEXT_MAX = 512, CONFIG_PIN_MAX_DIGITS = 12 };

/* Owns the strings that AppDesc fields will point to. */
typedef struct KioskConfig {
    char timeline[CONFIG_TEXT_MAX];
    char lang[16];
    char tour[128];
    char exit_pin[32];
    char theme[16];
    double idle_seconds;
    int has_fullscreen, fullscreen;       /* has_*: the key was present */
    int has_kiosk, kiosk;
    int has_reduced_motion, reduced_motion;
} KioskConfig;

/* Reads path; on failure writes "FILE:LINE:COL: message" into err. */
bool config_load(const char *path, KioskConfig *out, char *err, size_t err_cap);

/* An exit PIN can be typed on the kiosk's pad: 1 to 12 digits. */
bool config_pin_valid(const char *pin);

/* Fills the fields of desc that the command line left unset. */
void config_apply(const KioskConfig *cfg, AppDesc *desc);

#endif
