/* test_filepick.c: the recent timelines' list and what Ctrl+O offers: the
 * app's own list (recent files, then the folder's timelines) and the
 * desktop's chooser run as a child process (a fake zenity here). */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "filepick.h"
#include "recent.h"
#include "test.h"

static char scratch[64];

static void path_in(const char *name, char *out, size_t cap)
{
    snprintf(out, cap, "%s/%s", scratch, name);
}

static void write_file(const char *name, const char *text, mode_t mode)
{
    char path[256];
    path_in(name, path, sizeof path);
    FILE *f = fopen(path, "w");
    if (!f) return;
    fputs(text, f);
    fclose(f);
    chmod(path, mode);
}

static void recent_files_should_come_newest_first_once_each_and_at_most_ten(void)
{
    RecentFiles r = {0};
    char a[256], b[256];
    write_file("a.json", "{}", 0644);
    write_file("b.json", "{}", 0644);
    path_in("a.json", a, sizeof a);
    path_in("b.json", b, sizeof b);
    CHECK(recent_add(&r, a));
    CHECK(recent_add(&r, b));
    CHECK(recent_add(&r, a)); /* again: back to the top, not twice */
    CHECK_INT(r.count, 2);
    CHECK(strstr(r.paths[0], "/a.json") != NULL);
    CHECK(strstr(r.paths[1], "/b.json") != NULL);
    CHECK(!recent_add(&r, "/nonexistent/gone.json"));
    CHECK_INT(r.count, 2);
    for (int i = 0; i < 12; i++) {
        char name[32];
        snprintf(name, sizeof name, "n%d.csv", i);
        write_file(name, "Year,Headline\n", 0644);
        char p[256];
        path_in(name, p, sizeof p);
        CHECK(recent_add(&r, p));
    }
    CHECK_INT(r.count, RECENT_MAX);
    CHECK(strstr(r.paths[0], "/n11.csv") != NULL);
    CHECK(strstr(r.paths[RECENT_MAX - 1], "/n2.csv") != NULL);
}

static void the_list_should_survive_a_save_and_skip_lines_it_did_not_write(void)
{
    char file[256], dir[256];
    path_in("config/frise/recent", file, sizeof file);
    RecentFiles r = {0}, back = {0};
    snprintf(r.paths[0], sizeof r.paths[0], "/x/one.json");
    snprintf(r.paths[1], sizeof r.paths[1], "/y/two.csv");
    r.count = 2;
    CHECK(recent_save(&r, file)); /* makes config/frise */
    recent_load(&back, file);
    CHECK_INT(back.count, 2);
    CHECK_STR(back.paths[1], "/y/two.csv");
    FILE *f = fopen(file, "w");
    if (f) {
        fputs("relative/path.json\r\n/z/three.json\r\n/z/three.json\n\n", f);
        fclose(f);
    }
    recent_load(&back, file);
    CHECK_INT(back.count, 1);
    CHECK_STR(back.paths[0], "/z/three.json");
    path_in("missing/recent", file, sizeof file);
    recent_load(&back, file);
    CHECK_INT(back.count, 0);
    unlink(file);
    path_in("config/frise/recent", file, sizeof file);
    unlink(file);
    path_in("config/frise", dir, sizeof dir);
    rmdir(dir);
    path_in("config", dir, sizeof dir);
    rmdir(dir);
}

static void the_recent_file_should_live_in_the_xdg_config_folder(void)
{
    char out[256];
    setenv("XDG_CONFIG_HOME", "/cfg", 1);
    CHECK(recent_file_path(out, sizeof out));
    CHECK_STR(out, "/cfg/frise/recent");
    unsetenv("XDG_CONFIG_HOME");
    setenv("HOME", "/home/ana", 1);
    CHECK(recent_file_path(out, sizeof out));
    CHECK_STR(out, "/home/ana/.config/frise/recent");
    unsetenv("HOME");
    CHECK(!recent_file_path(out, sizeof out));
}

static void the_offer_should_list_recent_files_then_the_folders_timelines(void)
{
    char folder[256], current[256], elsewhere[256];
    path_in("offer", folder, sizeof folder);
    mkdir(folder, 0755);
    write_file("offer/b.CSV", "Year,Headline\n", 0644);
    write_file("offer/a.json", "{}", 0644);
    write_file("offer/c.tsv", "Year\tHeadline\n", 0644);
    write_file("offer/.lock.json", "{}", 0644);
    write_file("offer/notes.txt", "", 0644);
    write_file("offer/current.json", "{}", 0644);
    write_file("elsewhere.json", "{}", 0644);
    path_in("offer/current.json", current, sizeof current);
    path_in("elsewhere.json", elsewhere, sizeof elsewhere);
    RecentFiles r = {0};
    CHECK(recent_add(&r, elsewhere));
    CHECK(recent_add(&r, current)); /* the open one: not offered */
    snprintf(r.paths[r.count++], sizeof r.paths[0], "/nonexistent/gone.json");
    FileOffer o = {0};
    filepick_offer(&o, current, &r);
    CHECK_INT(o.count, 4);
    if (o.count == 4) {
        CHECK_STR(o.rows[0].name, "elsewhere.json");
        CHECK(o.rows[0].recent);
        CHECK_STR(o.rows[1].name, "a.json");
        CHECK(!o.rows[1].recent);
        CHECK_STR(o.rows[2].name, "b.CSV");
        CHECK_STR(o.rows[3].name, "c.tsv");
        CHECK(strstr(o.paths[3], "/offer/c.tsv") != NULL);
    }
    CHECK(o.folder[0] == '/' && strstr(o.folder, "/offer") != NULL);
    filepick_offer_free(&o);
    CHECK_INT(o.count, 0);
}

/* A folder of more timelines than the list holds shows its first names in order. */
static void a_large_folder_should_offer_its_first_names(void)
{
    char folder[256], current[256];
    path_in("many", folder, sizeof folder);
    mkdir(folder, 0755);
    for (int i = 99; i >= 0; i--) { /* made backwards: the disk's order is not the names' */
        char name[32];
        snprintf(name, sizeof name, "many/t%02d.json", i);
        write_file(name, "{}", 0644);
    }
    path_in("many/t00.json", current, sizeof current);
    FileOffer o = {0};
    filepick_offer(&o, current, NULL);
    CHECK_INT(o.count, FILEPICK_MAX);
    bool in_order = o.count == FILEPICK_MAX;
    for (int i = 0; in_order && i < o.count; i++) {
        char want[32];
        snprintf(want, sizeof want, "t%02d.json", i + 1);
        in_order = strcmp(o.rows[i].name, want) == 0;
    }
    CHECK(in_order);
    filepick_offer_free(&o);
}

/* A fake chooser: a script named zenity that prints what it is given, or fails. */
static void fake_zenity(const char *body)
{
    char text[512];
    snprintf(text, sizeof text, "#!/bin/sh\n%s\n", body);
    write_file("bin/zenity", text, 0755);
}

static PickState pick_until_done(ExternalPick *p, char *out, size_t cap)
{
    PickState s = PICK_RUNNING;
    for (int i = 0; i < 500 && s == PICK_RUNNING; i++) {
        s = filepick_external_poll(p, out, cap);
        if (s == PICK_RUNNING) nanosleep(&(struct timespec){0, 10000000}, NULL);
    }
    return s;
}

static void the_desktops_chooser_should_run_beside_the_app_and_say_what_was_chosen(void)
{
    char bin[256], out[256] = "", *saved_path = getenv("PATH") ? strdup(getenv("PATH")) : NULL;
    path_in("bin", bin, sizeof bin);
    mkdir(bin, 0755);
    setenv("PATH", bin, 1);
    setenv("DISPLAY", ":99", 1);
    unsetenv("FRISE_FILE_CHOOSER");
    ExternalPick p = {0};
    fake_zenity("echo \"/chosen/$5\"; echo 'Gtk-Message: GtkDialog mapped without a transient parent' >&2; exit 0");
    CHECK(filepick_external_start(&p, "/some/folder", "Open a timeline"));
    CHECK_INT(pick_until_done(&p, out, sizeof out), PICK_CHOSEN);
    CHECK_STR(out, "/chosen//some/folder/");
    fake_zenity("exit 1");
    CHECK(filepick_external_start(&p, "/f", "t"));
    CHECK_INT(pick_until_done(&p, out, sizeof out), PICK_CANCELLED);
    fake_zenity("exit 255");
    CHECK(filepick_external_start(&p, "/f", "t"));
    CHECK_INT(pick_until_done(&p, out, sizeof out), PICK_FAILED);
    /* GTK without a display says so and exits as a cancel would. */
    fake_zenity("echo '(zenity:1): Gtk-WARNING **: cannot open display: :99' >&2; exit 1");
    CHECK(filepick_external_start(&p, "/f", "t"));
    CHECK_INT(pick_until_done(&p, out, sizeof out), PICK_FAILED);
    CHECK_INT(filepick_external_poll(&p, out, sizeof out), PICK_IDLE);
    fake_zenity("PATH=/usr/bin:/bin; exec sleep 30"); /* the test put only the fake on PATH */
    CHECK(filepick_external_start(&p, "/f", "t"));
    CHECK(!filepick_external_start(&p, "/f", "t")); /* one at a time */
    CHECK_INT(filepick_external_poll(&p, out, sizeof out), PICK_RUNNING);
    filepick_external_stop(&p); /* the app quits: it does not wait 30 s */
    CHECK(!p.running);
    /* One that ignores SIGTERM is killed after a grace second. */
    fake_zenity("PATH=/usr/bin:/bin; trap '' TERM; exec sleep 30");
    CHECK(filepick_external_start(&p, "/f", "t"));
    nanosleep(&(struct timespec){0, 100000000}, NULL); /* its trap is set */
    time_t before = time(NULL);
    filepick_external_stop(&p);
    CHECK(!p.running);
    CHECK(time(NULL) - before <= 3);
    if (saved_path) setenv("PATH", saved_path, 1);
    free(saved_path);
}

static void no_chooser_should_run_without_a_display_or_when_builtin_is_asked(void)
{
    char name[32], bin[256], *saved_path = getenv("PATH") ? strdup(getenv("PATH")) : NULL;
    path_in("bin", bin, sizeof bin);
    setenv("PATH", bin, 1); /* the fake zenity of the test before */
    setenv("DISPLAY", ":99", 1);
    CHECK(filepick_external_program(name, sizeof name));
    CHECK_STR(name, "zenity");
    setenv("FRISE_FILE_CHOOSER", "builtin", 1);
    CHECK(!filepick_external_program(name, sizeof name));
    setenv("FRISE_FILE_CHOOSER", "kdialog", 1); /* asked for, but not there */
    CHECK(!filepick_external_program(name, sizeof name));
    unsetenv("FRISE_FILE_CHOOSER");
    unsetenv("DISPLAY");
    unsetenv("WAYLAND_DISPLAY");
    CHECK(!filepick_external_program(name, sizeof name));
    if (saved_path) setenv("PATH", saved_path, 1);
    free(saved_path);
}

int main(void)
{
    snprintf(scratch, sizeof scratch, "/tmp/frise-test-filepick-XXXXXX");
    if (!mkdtemp(scratch)) return 1;
    RUN(recent_files_should_come_newest_first_once_each_and_at_most_ten);
    RUN(the_list_should_survive_a_save_and_skip_lines_it_did_not_write);
    RUN(the_recent_file_should_live_in_the_xdg_config_folder);
    RUN(the_offer_should_list_recent_files_then_the_folders_timelines);
    RUN(a_large_folder_should_offer_its_first_names);
    RUN(the_desktops_chooser_should_run_beside_the_app_and_say_what_was_chosen);
    RUN(no_chooser_should_run_without_a_display_or_when_builtin_is_asked);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
    if (system(cmd) != 0) return 1;
    return TEST_REPORT();
}
