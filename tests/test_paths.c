/* test_paths.c: specifications of the run-time search for Frise's data folder
 * (environment override, installed layout, build tree), on throwaway folder
 * trees under /tmp. */
#define _XOPEN_SOURCE 700
#include "paths.h"
#include "test.h"

#include <ftw.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *argv0;   /* this test's executable, for the NULL exe_path case */

/* ---- throwaway folder trees ----------------------------------------------------- */

typedef struct Tree {
    char root[256];
} Tree;

/* The executable's folders in the trees: deep enough that the installed
 * layout, BIN/FRISE_DATA_FROM_BINDIR ("../share/frise" unless GNUInstallDirs
 * was told otherwise), stays inside the tree. */
#define BIN "p/q/r/s/bin"
#define BUILD "p/q/r/s/build"

/* Whether rel, with its "..", stays below the tree's root. */
static bool inside(const char *rel)
{
    int depth = 0;
    for (const char *p = rel; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.') depth--;
        else if (n > 0 && !(n == 1 && p[0] == '.')) depth++;
        if (depth < 0) return false;
        p += n + (p[n] == '/');
    }
    return true;
}

/* Creates root/rel as an empty file, with its parent folders. */
static void tree_file(const Tree *t, const char *rel)
{
    CHECK(inside(rel));
    if (!inside(rel)) return;
    char path[PATHS_MAX];
    snprintf(path, sizeof path, "%s/%s", t->root, rel);
    for (char *p = path + strlen(t->root) + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        mkdir(path, 0700);
        *p = '/';
    }
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) fclose(f);
}

/* root/rel into out. */
static const char *tree_path(const Tree *t, const char *rel, char *out, size_t cap)
{
    snprintf(out, cap, "%s/%s", t->root, rel);
    return out;
}

/* Creates root/rel as the executable (an empty file: its place is what counts,
 * and ".." only resolves through a folder that exists); its path into out. */
static const char *tree_exe(const Tree *t, const char *rel, char *out, size_t cap)
{
    tree_file(t, rel);
    return tree_path(t, rel, out, cap);
}

/* A fresh tree, and no override left in the environment by the caller or
 * by the previous test. */
static void tree_init(Tree *t)
{
    unsetenv("FRISE_DATA_DIR");
    unsetenv("FRISE_ASSETS");
    snprintf(t->root, sizeof t->root, "/tmp/frise-test-paths-XXXXXX");
    CHECK(mkdtemp(t->root) != NULL);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static void tree_free(Tree *t)
{
    nftw(t->root, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    unsetenv("FRISE_DATA_DIR");
    unsetenv("FRISE_ASSETS");
}

/* A complete data folder at root/rel: the marker font and the timeline. */
static void tree_data(const Tree *t, const char *rel)
{
    char path[PATHS_MAX];
    snprintf(path, sizeof path, "%s/fonts/NotoSans-Regular.ttf", rel);
    tree_file(t, path);
    snprintf(path, sizeof path, "%s/timeline.json", rel);
    tree_file(t, path);
}

/* ---- the environment override ---------------------------------------------------- */

static void data_dir_is_FRISE_DATA_DIR_when_it_holds_the_fonts(void)
{
    Tree t;
    tree_init(&t);
    tree_data(&t, "elsewhere");
    tree_data(&t, BIN "/" FRISE_DATA_FROM_BINDIR);
    char want[PATHS_MAX], exe[PATHS_MAX], out[PATHS_MAX];
    setenv("FRISE_DATA_DIR", tree_path(&t, "elsewhere", want, sizeof want), 1);
    CHECK_INT(paths_data_dir(tree_exe(&t, BIN "/frise", exe, sizeof exe), out, sizeof out), PATHS_OK);
    CHECK_STR(out, want);
    tree_free(&t);
}

static void data_dir_accepts_the_older_FRISE_ASSETS_but_FRISE_DATA_DIR_wins(void)
{
    Tree t;
    tree_init(&t);
    tree_data(&t, "assets");
    tree_data(&t, "data");
    char assets[PATHS_MAX], data[PATHS_MAX], out[PATHS_MAX];
    setenv("FRISE_ASSETS", tree_path(&t, "assets", assets, sizeof assets), 1);
    CHECK_INT(paths_data_dir("/nowhere/bin/frise", out, sizeof out), PATHS_OK);
    CHECK_STR(out, assets);
    setenv("FRISE_DATA_DIR", tree_path(&t, "data", data, sizeof data), 1);
    CHECK_INT(paths_data_dir("/nowhere/bin/frise", out, sizeof out), PATHS_OK);
    CHECK_STR(out, data);
    tree_free(&t);
}

static void data_dir_rejects_an_override_without_the_fonts_and_names_it(void)
{
    Tree t;
    tree_init(&t);
    tree_data(&t, BIN "/" FRISE_DATA_FROM_BINDIR);
    tree_file(&t, "typo/timeline.json");
    char typo[PATHS_MAX], exe[PATHS_MAX], out[PATHS_MAX];
    setenv("FRISE_DATA_DIR", tree_path(&t, "typo", typo, sizeof typo), 1);
    CHECK_INT(paths_data_dir(tree_exe(&t, BIN "/frise", exe, sizeof exe), out, sizeof out), PATHS_NOT_FOUND);
    CHECK_STR(out, typo);
    tree_free(&t);
}

static void data_dir_ignores_an_empty_override(void)
{
    Tree t;
    tree_init(&t);
    tree_data(&t, BIN "/" FRISE_DATA_FROM_BINDIR);
    char want[PATHS_MAX], exe[PATHS_MAX], out[PATHS_MAX];
    setenv("FRISE_DATA_DIR", "", 1);
    CHECK_INT(paths_data_dir(tree_exe(&t, BIN "/frise", exe, sizeof exe), out, sizeof out), PATHS_OK);
    CHECK_STR(out, tree_path(&t, BIN "/" FRISE_DATA_FROM_BINDIR, want, sizeof want));
    tree_free(&t);
}

/* ---- the executable's place ------------------------------------------------------- */

static void data_dir_finds_the_installed_layout_from_bin(void)
{
    Tree t;
    tree_init(&t);
    tree_data(&t, BIN "/" FRISE_DATA_FROM_BINDIR);
    char want[PATHS_MAX], exe[PATHS_MAX], out[PATHS_MAX];
    CHECK_INT(paths_data_dir(tree_exe(&t, BIN "/frise", exe, sizeof exe), out, sizeof out), PATHS_OK);
    CHECK_STR(out, tree_path(&t, BIN "/" FRISE_DATA_FROM_BINDIR, want, sizeof want));
    tree_free(&t);
}

static void data_dir_finds_the_build_tree_layout_next_to_the_executable(void)
{
    Tree t;
    tree_init(&t);
    tree_data(&t, BUILD "/share/frise");
    char want[PATHS_MAX], exe[PATHS_MAX], out[PATHS_MAX];
    CHECK_INT(paths_data_dir(tree_exe(&t, BUILD "/frise", exe, sizeof exe), out, sizeof out), PATHS_OK);
    CHECK_STR(out, tree_path(&t, BUILD "/share/frise", want, sizeof want));
    tree_free(&t);
}

static void data_dir_prefers_the_installed_layout_to_the_build_layout(void)
{
    Tree t;
    tree_init(&t);
    tree_data(&t, BIN "/" FRISE_DATA_FROM_BINDIR);
    tree_data(&t, BIN "/share/frise");
    char want[PATHS_MAX], exe[PATHS_MAX], out[PATHS_MAX];
    CHECK_INT(paths_data_dir(tree_exe(&t, BIN "/frise", exe, sizeof exe), out, sizeof out), PATHS_OK);
    CHECK_STR(out, tree_path(&t, BIN "/" FRISE_DATA_FROM_BINDIR, want, sizeof want));
    tree_free(&t);
}

static void data_dir_needs_the_regular_font_not_just_a_folder_named_frise(void)
{
    Tree t;
    tree_init(&t);
    tree_file(&t, BIN "/" FRISE_DATA_FROM_BINDIR "/timeline.json");
    tree_file(&t, BIN "/" FRISE_DATA_FROM_BINDIR "/fonts/OFL.txt");
    char exe[PATHS_MAX], out[PATHS_MAX];
    CHECK_INT(paths_data_dir(tree_exe(&t, BIN "/frise", exe, sizeof exe), out, sizeof out), PATHS_NOT_FOUND);
    tree_free(&t);
}

static void data_dir_reports_missing_data_and_names_the_installed_place(void)
{
    Tree t;
    tree_init(&t);
    char want[PATHS_MAX], exe[PATHS_MAX], out[PATHS_MAX];
    CHECK_INT(paths_data_dir(tree_exe(&t, BIN "/frise", exe, sizeof exe), out, sizeof out), PATHS_NOT_FOUND);
    CHECK_STR(out, tree_path(&t, BIN "/" FRISE_DATA_FROM_BINDIR, want, sizeof want));
    tree_free(&t);
}

static void data_dir_of_a_bare_name_looks_from_the_working_folder(void)
{
    Tree t;
    tree_init(&t);
    tree_data(&t, BIN "/" FRISE_DATA_FROM_BINDIR);
    char cwd[PATHS_MAX], bin[PATHS_MAX], out[PATHS_MAX];
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    CHECK_INT(chdir(tree_path(&t, BIN, bin, sizeof bin)), 0);
    CHECK_INT(paths_data_dir("frise", out, sizeof out), PATHS_OK);
    CHECK_STR(out, "./" FRISE_DATA_FROM_BINDIR);
    CHECK_INT(chdir(cwd), 0);
    tree_free(&t);
}

static void data_dir_of_NULL_is_the_running_executables(void)
{
    Tree t;
    tree_init(&t);
    char self[PATH_MAX], a[PATHS_MAX], b[PATHS_MAX];
    CHECK(realpath(argv0, self) != NULL);
    PathsError by_name = paths_data_dir(self, a, sizeof a);
    CHECK_INT(paths_data_dir(NULL, b, sizeof b), by_name);
    CHECK_STR(b, a);
    tree_free(&t);
}

/* ---- paths that do not fit ---------------------------------------------------------- */

static void data_dir_reports_a_buffer_one_byte_short_as_too_long(void)
{
    Tree t;
    tree_init(&t);
    tree_data(&t, BUILD "/share/frise");
    char want[PATHS_MAX], exe[PATHS_MAX], out[PATHS_MAX];
    tree_path(&t, BUILD "/share/frise", want, sizeof want);
    tree_exe(&t, BUILD "/frise", exe, sizeof exe);
    size_t fits = strlen(want) + 1;
    CHECK_INT(paths_data_dir(exe, out, fits), PATHS_OK);
    CHECK_STR(out, want);
    CHECK_INT(paths_data_dir(exe, out, fits - 1), PATHS_TOO_LONG);
    CHECK_INT(paths_data_dir(exe, out, 0), PATHS_TOO_LONG);
    setenv("FRISE_DATA_DIR", want, 1);
    CHECK_INT(paths_data_dir(exe, out, fits - 1), PATHS_TOO_LONG);
    tree_free(&t);
}

static void data_dir_reports_paths_longer_than_PATHS_MAX_as_too_long(void)
{
    Tree t;
    tree_init(&t);
    static char huge[PATHS_MAX + 64], out[PATHS_MAX];
    memset(huge, 'a', sizeof huge - 1);
    huge[sizeof huge - 1] = '\0';
    huge[0] = '/';
    memcpy(huge + sizeof huge - 7, "/frise", 7);    /* a folder longer than PATHS_MAX */
    CHECK_INT(paths_data_dir(huge, out, sizeof out), PATHS_TOO_LONG);
    setenv("FRISE_DATA_DIR", huge, 1);
    CHECK_INT(paths_data_dir(NULL, out, sizeof out), PATHS_TOO_LONG);
    tree_free(&t);
}

/* ---- the fonts and the shipped timeline ------------------------------------------------ */

static void font_dir_and_default_timeline_are_inside_the_data_dir(void)
{
    Tree t;
    tree_init(&t);
    tree_data(&t, BIN "/" FRISE_DATA_FROM_BINDIR);
    char want[PATHS_MAX], exe[PATHS_MAX], out[PATHS_MAX];
    tree_exe(&t, BIN "/frise", exe, sizeof exe);
    CHECK_INT(paths_font_dir(exe, out, sizeof out), PATHS_OK);
    CHECK_STR(out, tree_path(&t, BIN "/" FRISE_DATA_FROM_BINDIR "/fonts", want, sizeof want));
    CHECK_INT(paths_default_timeline(exe, out, sizeof out), PATHS_OK);
    CHECK_STR(out, tree_path(&t, BIN "/" FRISE_DATA_FROM_BINDIR "/timeline.json", want, sizeof want));
    tree_free(&t);
}

static void default_timeline_is_not_found_in_data_without_one_but_is_named(void)
{
    Tree t;
    tree_init(&t);
    tree_file(&t, "assets/fonts/NotoSans-Regular.ttf");
    char dir[PATHS_MAX], want[PATHS_MAX], out[PATHS_MAX];
    setenv("FRISE_ASSETS", tree_path(&t, "assets", dir, sizeof dir), 1);
    CHECK_INT(paths_font_dir("/nowhere/frise", out, sizeof out), PATHS_OK);
    CHECK_STR(out, tree_path(&t, "assets/fonts", want, sizeof want));
    CHECK_INT(paths_default_timeline("/nowhere/frise", out, sizeof out), PATHS_NOT_FOUND);
    CHECK_STR(out, tree_path(&t, "assets/timeline.json", want, sizeof want));
    tree_free(&t);
}

static void font_dir_reports_too_long_when_only_the_suffix_does_not_fit(void)
{
    Tree t;
    tree_init(&t);
    tree_data(&t, "share/frise");
    char dir[PATHS_MAX], out[PATHS_MAX];
    setenv("FRISE_DATA_DIR", tree_path(&t, "share/frise", dir, sizeof dir), 1);
    size_t cap = strlen(dir) + strlen("/fonts");
    CHECK_INT(paths_font_dir(NULL, out, cap), PATHS_TOO_LONG);
    CHECK_INT(paths_font_dir(NULL, out, cap + 1), PATHS_OK);
    CHECK_INT(paths_default_timeline(NULL, out, cap), PATHS_TOO_LONG);
    tree_free(&t);
}

static void every_error_has_a_text(void)
{
    PathsError all[] = {PATHS_OK, PATHS_NOT_FOUND, PATHS_TOO_LONG, PATHS_NO_EXE};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        CHECK(paths_error_text(all[i]) != NULL);
        CHECK(strlen(paths_error_text(all[i])) > 0);
    }
    CHECK(strstr(paths_error_text(PATHS_NOT_FOUND), "FRISE_DATA_DIR") != NULL);
}

int main(int argc, char **argv)
{
    (void)argc;
    argv0 = argv[0];
    RUN(data_dir_is_FRISE_DATA_DIR_when_it_holds_the_fonts);
    RUN(data_dir_accepts_the_older_FRISE_ASSETS_but_FRISE_DATA_DIR_wins);
    RUN(data_dir_rejects_an_override_without_the_fonts_and_names_it);
    RUN(data_dir_ignores_an_empty_override);
    RUN(data_dir_finds_the_installed_layout_from_bin);
    RUN(data_dir_finds_the_build_tree_layout_next_to_the_executable);
    RUN(data_dir_prefers_the_installed_layout_to_the_build_layout);
    RUN(data_dir_needs_the_regular_font_not_just_a_folder_named_frise);
    RUN(data_dir_reports_missing_data_and_names_the_installed_place);
    RUN(data_dir_of_a_bare_name_looks_from_the_working_folder);
    RUN(data_dir_of_NULL_is_the_running_executables);
    RUN(data_dir_reports_a_buffer_one_byte_short_as_too_long);
    RUN(data_dir_reports_paths_longer_than_PATHS_MAX_as_too_long);
    RUN(font_dir_and_default_timeline_are_inside_the_data_dir);
    RUN(default_timeline_is_not_found_in_data_without_one_but_is_named);
    RUN(font_dir_reports_too_long_when_only_the_suffix_does_not_fit);
    RUN(every_error_has_a_text);
    return TEST_REPORT();
}
