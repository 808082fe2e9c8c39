/* test_pictures.c: specifications of where a picture of the view (S) goes:
 * the desktop's pictures folder, under a name that never replaces a file. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pictures.h"
#include "test.h"

static char dir[] = "/tmp/frise-pictures-XXXXXX";

static void the_environment_names_the_folder(void)
{
    setenv("XDG_PICTURES_DIR", dir, 1);
    char out[4096];
    CHECK(pictures_folder(out, sizeof out));
    CHECK_STR(out, dir);
    setenv("XDG_PICTURES_DIR", "/no/such/folder", 1);
    setenv("HOME", "/no/such/home", 1);
    CHECK(pictures_folder(out, sizeof out));
    CHECK_STR(out, "."); /* nowhere else: the current folder */
    unsetenv("XDG_PICTURES_DIR");
}

static void user_dirs_name_the_folder_relative_to_home(void)
{
    char config[4200], pictures[4200];
    snprintf(config, sizeof config, "%s/config", dir);
    snprintf(pictures, sizeof pictures, "%s/Images", dir);
    mkdir(config, 0700);
    mkdir(pictures, 0700);
    char dirs[4300];
    snprintf(dirs, sizeof dirs, "%s/user-dirs.dirs", config);
    FILE *f = fopen(dirs, "w");
    if (f) {
        fputs("# written by xdg-user-dirs-update\nXDG_PICTURES_DIR=\"$HOME/Images\"\n", f);
        fclose(f);
    }
    setenv("HOME", dir, 1);
    setenv("XDG_CONFIG_HOME", config, 1);
    char out[4096];
    CHECK(pictures_folder(out, sizeof out));
    CHECK_STR(out, pictures);
    unsetenv("XDG_CONFIG_HOME");
    remove(dirs);
    rmdir(config);
    rmdir(pictures);
}

static void a_new_name_never_replaces_a_picture(void)
{
    char first[4300], second[4300];
    time_t when = 1780000000;
    CHECK(pictures_new_path(dir, when, first, sizeof first));
    FILE *f = fopen(first, "w");
    if (f) fclose(f);
    CHECK(pictures_new_path(dir, when, second, sizeof second));
    CHECK(strcmp(first, second) != 0);
    CHECK(strstr(second, "-2.png") != NULL);
    CHECK(access(second, F_OK) != 0);
    remove(first);
    char tiny[8];
    CHECK(!pictures_new_path(dir, when, tiny, sizeof tiny));
}

int main(void)
{
    if (!mkdtemp(dir)) return 1;
    RUN(the_environment_names_the_folder);
    RUN(user_dirs_name_the_folder_relative_to_home);
    RUN(a_new_name_never_replaces_a_picture);
    rmdir(dir);
    return TEST_REPORT();
}
