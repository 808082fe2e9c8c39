/* fuzz_config.c: libFuzzer target for the kiosk settings file (see
 * README.md). Any bytes are accepted or refused with one line that names
 * the file; accepted settings hold only allowed values. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    KioskConfig cfg;
    char err[512];
    err[0] = '\0';
    bool ok = config_parse("fuzz.json", (const char *)data, size, "/fuzz", &cfg, err, sizeof err);
    if (!ok && (strncmp(err, "fuzz.json:", 10) != 0 || strchr(err, '\n'))) abort();
    if (ok) {
        if (cfg.idle_seconds != 0 && !(cfg.idle_seconds >= 1 && cfg.idle_seconds <= 86400)) abort();
        if (cfg.exit_pin[0] && !config_pin_valid(cfg.exit_pin)) abort();
        if (cfg.theme[0] && strcmp(cfg.theme, "light") && strcmp(cfg.theme, "dark") && strcmp(cfg.theme, "projector"))
            abort();
        AppDesc d;
        memset(&d, 0, sizeof d);
        config_apply(&cfg, &d);
    }
    return 0;
}
