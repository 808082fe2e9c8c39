/* config.c: the kiosk JSON settings file. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static void line_col(const char *text, size_t offset, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < offset && text[i];) {
        if (text[i] == '\n') {
            ++*line;
            *col = 1;
            i++;
        } else {
            utf8_next(text, offset, &i); /* a column per character, as editors count */
            ++*col;
        }
    }
}

bool config_pin_valid(const char *pin)
{
    size_t n = strlen(pin);
    if (n == 0 || n > CONFIG_PIN_MAX_DIGITS) return false;
    for (size_t i = 0; i < n; i++)
        if (pin[i] < '0' || pin[i] > '9') return false;
    return true;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = malloc(65536 + 1);
    *len = buf ? fread(buf, 1, 65536, f) : 0;
    fclose(f);
    if (buf) buf[*len] = '\0';
    return buf;
}

static bool copy_string(const cJSON *root, const char *key, char *out, size_t cap, const char *path, char *err,
                        size_t err_cap)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, key);
    if (!v) return true;
    if (!cJSON_IsString(v) || strlen(v->valuestring) >= cap) {
        snprintf(err, err_cap, "%s: \"%s\": expected a string of at most %zu characters", path, key, cap - 1);
        return false;
    }
    snprintf(out, cap, "%s", v->valuestring);
    return true;
}

static bool copy_bool(const cJSON *root, const char *key, int *has, int *out, const char *path, char *err,
                      size_t err_cap)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, key);
    if (!v) return true;
    if (!cJSON_IsBool(v)) {
        snprintf(err, err_cap, "%s: \"%s\": expected true or false", path, key);
        return false;
    }
    *has = 1;
    *out = cJSON_IsTrue(v);
    return true;
}

static bool check_keys(const cJSON *root, const char *path, char *err, size_t err_cap)
{
    static const char *const known[] = {"timeline", "lang", "tour", "exit_pin", "theme", "idle_seconds",
                                        "fullscreen", "kiosk", "reduced_motion", NULL};
    for (const cJSON *c = root->child; c; c = c->next) {
        bool ok = false;
        for (int i = 0; known[i] && !ok; i++) ok = strcmp(c->string, known[i]) == 0;
        if (!ok) {
            snprintf(err, err_cap, "%s: unknown setting \"%.40s\" (known: timeline, lang, tour, exit_pin, theme, "
                     "idle_seconds, fullscreen, kiosk, reduced_motion)", path, c->string);
            return false;
        }
    }
    return true;
}

static bool read_settings(const cJSON *root, KioskConfig *out, const char *path, char *err, size_t cap)
{
    if (!check_keys(root, path, err, cap)) return false;
    const cJSON *idle = cJSON_GetObjectItemCaseSensitive(root, "idle_seconds");
    if (idle && (!cJSON_IsNumber(idle) || idle->valuedouble < 1 || idle->valuedouble > 86400)) {
        snprintf(err, cap, "%s: \"idle_seconds\": expected a number of seconds from 1 to 86400", path);
        return false;
    }
    if (idle) out->idle_seconds = idle->valuedouble;
    const cJSON *pin = cJSON_GetObjectItemCaseSensitive(root, "exit_pin");
    if (pin && !config_pin_valid(cJSON_IsString(pin) ? pin->valuestring : "")) {
        snprintf(err, cap, "%s: \"exit_pin\": expected 1 to %d digits, typed on the on-screen pad", path,
                 CONFIG_PIN_MAX_DIGITS);
        return false;
    }
    return copy_string(root, "timeline", out->timeline, sizeof out->timeline, path, err, cap) &&
           copy_string(root, "lang", out->lang, sizeof out->lang, path, err, cap) &&
           copy_string(root, "tour", out->tour, sizeof out->tour, path, err, cap) &&
           copy_string(root, "exit_pin", out->exit_pin, sizeof out->exit_pin, path, err, cap) &&
           copy_string(root, "theme", out->theme, sizeof out->theme, path, err, cap) &&
           copy_bool(root, "fullscreen", &out->has_fullscreen, &out->fullscreen, path, err, cap) &&
           copy_bool(root, "kiosk", &out->has_kiosk, &out->kiosk, path, err, cap) &&
           copy_bool(root, "reduced_motion", &out->has_reduced_motion, &out->reduced_motion, path, err, cap);
}

bool config_load(const char *path, KioskConfig *out, char *err, size_t err_cap)
{
    memset(out, 0, sizeof *out);
    size_t len = 0;
    char *text = read_all(path, &len);
    if (!text) {
        snprintf(err, err_cap, "%s: cannot read the settings file", path);
        return false;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, false);
    bool ok = false;
    if (!root) {
        int line, col;
        line_col(text, end ? (size_t)(end - text) : 0, &line, &col);
        snprintf(err, err_cap, "%s:%d:%d: invalid JSON", path, line, col);
    } else if (!cJSON_IsObject(root)) {
        snprintf(err, err_cap, "%s:1:1: expected an object of settings", path);
    } else {
        ok = read_settings(root, out, path, err, err_cap);
    }
    cJSON_Delete(root);
    free(text);
    return ok;
}

void config_apply(const KioskConfig *cfg, AppDesc *d)
{
    if (!d->file && cfg->timeline[0]) d->file = cfg->timeline;
    if (!d->lang && cfg->lang[0]) d->lang = cfg->lang;
    if (!d->tour && cfg->tour[0]) d->tour = cfg->tour;
    if (!d->exit_pin && cfg->exit_pin[0]) d->exit_pin = cfg->exit_pin;
    if (!d->idle_seconds && cfg->idle_seconds > 0) d->idle_seconds = cfg->idle_seconds;
    if (cfg->has_fullscreen && cfg->fullscreen) d->fullscreen = true;
    if (cfg->has_kiosk && cfg->kiosk) d->kiosk = true;
    if (cfg->has_reduced_motion && cfg->reduced_motion) d->reduced_motion = true;
    if (strcmp(cfg->theme, "dark") == 0) d->dark = true;
    if (strcmp(cfg->theme, "projector") == 0) d->projector = true;
}
