/* pictures.c: where a picture of the view goes (see pictures.h). */
#define _POSIX_C_SOURCE 200809L
#include "pictures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool is_folder(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* XDG_PICTURES_DIR="$HOME/Pictures" from user-dirs.dirs, with $HOME expanded. */
static bool from_user_dirs(const char *home, char *out, size_t cap)
{
    char path[4096];
    const char *config = getenv("XDG_CONFIG_HOME");
    if (config && config[0]) snprintf(path, sizeof path, "%s/user-dirs.dirs", config);
    else snprintf(path, sizeof path, "%s/.config/user-dirs.dirs", home);
    FILE *f = fopen(path, "r");
    if (!f) return false;
    char line[4096];
    bool found = false;
    while (!found && fgets(line, sizeof line, f)) {
        const char *key = "XDG_PICTURES_DIR=\"";
        if (strncmp(line, key, strlen(key)) != 0) continue;
        char *value = line + strlen(key), *end = strchr(value, '"');
        if (!end) break;
        *end = '\0';
        bool in_home = strncmp(value, "$HOME", 5) == 0;
        found = snprintf(out, cap, "%s%s", in_home ? home : "", in_home ? value + 5 : value) < (int)cap;
    }
    fclose(f);
    return found && is_folder(out);
}

bool pictures_folder(char *out, size_t cap)
{
    const char *env = getenv("XDG_PICTURES_DIR");
    if (env && env[0] && is_folder(env)) return snprintf(out, cap, "%s", env) < (int)cap;
    const char *home = getenv("HOME");
    if (home && home[0]) {
        if (from_user_dirs(home, out, cap)) return true;
        if (snprintf(out, cap, "%s/Pictures", home) < (int)cap && is_folder(out)) return true;
    }
    return snprintf(out, cap, ".") < (int)cap;
}

bool pictures_new_path(const char *folder, time_t when, char *out, size_t cap)
{
    struct tm local;
    if (!localtime_r(&when, &local)) return false;
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y-%m-%d-%H%M%S", &local);
    for (int n = 1; n < 1000; n++) {
        int len = n == 1 ? snprintf(out, cap, "%s/frise-%s.png", folder, stamp)
                         : snprintf(out, cap, "%s/frise-%s-%d.png", folder, stamp, n);
        if (len < 0 || (size_t)len >= cap) return false;
        if (access(out, F_OK) != 0) return true;
    }
    return false;
}
