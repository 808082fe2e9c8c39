/* config.c: the kiosk JSON settings file (see config.h). Strict, because it
 * is written once by an installer and then read unattended for months: a
 * typo must stop the start with a located message, not be half-understood. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "utf8.h"

/* ---- locations ------------------------------------------------------------------ */

static void line_col(const char *text, size_t len, size_t offset, int *line, int *col)
{
    *line = 1;
    *col = 1;
    if (offset > len) offset = len;
    for (size_t i = 0; i < offset;) {
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

/* The settings being read, for messages that say where. */
typedef struct Source {
    const char *name;
    const char *text;
    size_t len;
    char *err;
    size_t err_cap;
} Source;

/* The offset of "key" in the text (settings are flat, so the first one is
 * the one), or 0. */
static size_t key_offset(const Source *src, const char *key)
{
    char quoted[64];
    snprintf(quoted, sizeof quoted, "\"%s\"", key);
    size_t n = strlen(quoted);
    for (size_t i = 0; i + n <= src->len; i++)
        if (memcmp(src->text + i, quoted, n) == 0) return i;
    return 0;
}

/* At most 40 bytes of s with control characters as '?': cJSON lets a raw
 * line break into a string, and a message must stay on one line (found by
 * fuzz_config). */
static const char *shown(const char *s, char *buf, size_t cap)
{
    snprintf(buf, cap, "%.40s", s);
    for (char *p = buf; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7F) *p = '?';
    return buf;
}

/* "FILE:LINE:COL: "key": message"; returns false for the callers. */
static bool fail_at_key(const Source *src, const char *key, const char *message, const char *found)
{
    int line, col;
    char key_buf[48], found_buf[48];
    line_col(src->text, src->len, key_offset(src, key), &line, &col);
    snprintf(src->err, src->err_cap, "%s:%d:%d: \"%s\": %s%s%s%s", src->name, line, col,
             shown(key, key_buf, sizeof key_buf), message, found ? ", found \"" : "",
             found ? shown(found, found_buf, sizeof found_buf) : "", found ? "\"" : "");
    return false;
}

static bool fail_at(const Source *src, size_t offset, const char *message)
{
    int line, col;
    line_col(src->text, src->len, offset, &line, &col);
    snprintf(src->err, src->err_cap, "%s:%d:%d: %s", src->name, line, col, message);
    return false;
}

/* ---- settings ----------------------------------------------------------------------- */

bool config_pin_valid(const char *pin)
{
    size_t n = strlen(pin);
    if (n == 0 || n > CONFIG_PIN_MAX_DIGITS) return false;
    for (size_t i = 0; i < n; i++)
        if (pin[i] < '0' || pin[i] > '9') return false;
    return true;
}

static bool copy_string(const Source *src, const cJSON *root, const char *key, char *out, size_t cap)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, key);
    if (!v) return true;
    if (!cJSON_IsString(v) || strlen(v->valuestring) >= cap || !v->valuestring[0]) {
        char message[96];
        snprintf(message, sizeof message, "expected a string of 1 to %zu characters", cap - 1);
        return fail_at_key(src, key, message, NULL);
    }
    snprintf(out, cap, "%s", v->valuestring);
    return true;
}

static bool copy_bool(const Source *src, const cJSON *root, const char *key, int *has, int *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, key);
    if (!v) return true;
    if (!cJSON_IsBool(v)) return fail_at_key(src, key, "expected true or false", NULL);
    *has = 1;
    *out = cJSON_IsTrue(v);
    return true;
}

static bool check_keys(const Source *src, const cJSON *root)
{
    static const char *const known[] = {"timeline", "lang", "tour", "exit_pin", "theme", "idle_seconds",
                                        "fullscreen", "kiosk", "reduced_motion", NULL};
    for (const cJSON *c = root->child; c; c = c->next) {
        bool ok = false;
        for (int i = 0; known[i] && !ok; i++) ok = strcmp(c->string, known[i]) == 0;
        if (!ok)
            return fail_at_key(src, c->string,
                               "unknown setting (known: timeline, lang, tour, exit_pin, theme, idle_seconds, "
                               "fullscreen, kiosk, reduced_motion)", NULL);
    }
    return true;
}

static bool read_numbers_and_enums(const Source *src, const cJSON *root, KioskConfig *out)
{
    const cJSON *idle = cJSON_GetObjectItemCaseSensitive(root, "idle_seconds");
    if (idle && (!cJSON_IsNumber(idle) || !(idle->valuedouble >= 1 && idle->valuedouble <= 86400)))
        return fail_at_key(src, "idle_seconds", "expected a number of seconds from 1 to 86400", NULL);
    if (idle) out->idle_seconds = idle->valuedouble;
    const cJSON *pin = cJSON_GetObjectItemCaseSensitive(root, "exit_pin");
    if (pin && !config_pin_valid(cJSON_IsString(pin) ? pin->valuestring : "")) {
        char message[96];
        snprintf(message, sizeof message, "expected 1 to %d digits, typed on the on-screen pad", CONFIG_PIN_MAX_DIGITS);
        return fail_at_key(src, "exit_pin", message, NULL);
    }
    const cJSON *theme = cJSON_GetObjectItemCaseSensitive(root, "theme");
    if (cJSON_IsString(theme) && strcmp(theme->valuestring, "light") != 0 && strcmp(theme->valuestring, "dark") != 0 &&
        strcmp(theme->valuestring, "projector") != 0)
        return fail_at_key(src, "theme", "expected \"light\", \"dark\" or \"projector\"", theme->valuestring);
    return true;
}

/* A relative "timeline" names a file beside the settings: joined with
 * base_dir, so the service's working folder does not matter. */
static bool resolve_timeline(const Source *src, const char *base_dir, KioskConfig *out)
{
    if (!out->timeline[0] || out->timeline[0] == '/' || !base_dir || !base_dir[0]) return true;
    char joined[CONFIG_TEXT_MAX];
    int n = snprintf(joined, sizeof joined, "%s/%s", base_dir, out->timeline);
    if (n < 0 || (size_t)n >= sizeof joined)
        return fail_at_key(src, "timeline", "the path, joined to the settings file's folder, is too long", NULL);
    memcpy(out->timeline, joined, (size_t)n + 1);
    return true;
}

static bool read_settings(const Source *src, const cJSON *root, const char *base_dir, KioskConfig *out)
{
    return check_keys(src, root) && read_numbers_and_enums(src, root, out) &&
           copy_string(src, root, "timeline", out->timeline, sizeof out->timeline) &&
           copy_string(src, root, "lang", out->lang, sizeof out->lang) &&
           copy_string(src, root, "tour", out->tour, sizeof out->tour) &&
           copy_string(src, root, "exit_pin", out->exit_pin, sizeof out->exit_pin) &&
           copy_string(src, root, "theme", out->theme, sizeof out->theme) &&
           copy_bool(src, root, "fullscreen", &out->has_fullscreen, &out->fullscreen) &&
           copy_bool(src, root, "kiosk", &out->has_kiosk, &out->kiosk) &&
           copy_bool(src, root, "reduced_motion", &out->has_reduced_motion, &out->reduced_motion) &&
           resolve_timeline(src, base_dir, out);
}

/* Only spaces may follow the object: text after it is a mistake (two
 * objects pasted together, a stray brace) that must not be ignored. */
static bool only_space_after(const Source *src, size_t offset)
{
    for (size_t i = offset; i < src->len; i++)
        if (!strchr(" \t\r\n", src->text[i]) || src->text[i] == '\0')
            return fail_at(src, i, "text after the end of the settings object");
    return true;
}

bool config_parse(const char *name, const char *text, size_t len, const char *base_dir, KioskConfig *out, char *err,
                  size_t err_cap)
{
    memset(out, 0, sizeof *out);
    Source src = {name, text, len, err, err_cap};
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, false);
    bool ok = false;
    if (!root) fail_at(&src, end ? (size_t)(end - text) : 0, "invalid JSON");
    else if (!cJSON_IsObject(root)) fail_at(&src, 0, "expected an object of settings, {\"kiosk\": true, ...}");
    else ok = only_space_after(&src, (size_t)(end - text)) && read_settings(&src, root, base_dir, out);
    cJSON_Delete(root);
    if (!ok) memset(out, 0, sizeof *out);
    return ok;
}

static void dir_of(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash) snprintf(out, cap, ".");
    else snprintf(out, cap, "%.*s", (int)(slash - path == 0 ? 1 : slash - path), path);
}

bool config_load(const char *path, KioskConfig *out, char *err, size_t err_cap)
{
    memset(out, 0, sizeof *out);
    FileData d;
    FileioError e = fileio_read(path, CONFIG_MAX_FILE_BYTES, &d);
    if (e != FILEIO_OK) {
        if (e == FILEIO_TOO_LARGE)
            snprintf(err, err_cap, "%s: the settings file is %lld bytes; the limit is %d", path,
                     (long long)d.file_bytes, CONFIG_MAX_FILE_BYTES);
        else
            snprintf(err, err_cap, "%s: cannot read the settings file: %s", path, fileio_error_text(e, d.sys_errno));
        return false;
    }
    char base_dir[CONFIG_TEXT_MAX];
    dir_of(path, base_dir, sizeof base_dir);
    bool ok = config_parse(path, d.bytes, d.len, base_dir, out, err, err_cap);
    fileio_data_free(&d);
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
