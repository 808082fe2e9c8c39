/* commands.c: the commands that need no window (see commands.h). */
#define _POSIX_C_SOURCE 200809L /* link */
#include "commands.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "export.h"
#include "load.h"
#include "write.h"

static void print_problems(const LoadReport *report)
{
    for (int i = 0; i < report->count; i++) {
        char line[1024];
        load_problem_format(report, &report->problems[i], line, sizeof line);
        fprintf(stderr, "%s\n", line);
    }
    if (report->total > report->count)
        fprintf(stderr, "%s: ... and %d more problems\n", report->file, report->total - report->count);
}

int commands_check(const AppDesc *desc, double today_days)
{
    LoadOptions opt = {.today_days = today_days};
    Timeline tl;
    LoadReport report;
    load_timeline_file(desc->file, &opt, &tl, &report);
    print_problems(&report);
    printf("%s: %d events, %d eras, %d problem%s%s\n", report.file, tl.event_count, tl.era_count, report.total,
           report.total == 1 ? "" : "s", report.rejected ? " (the file was rejected)" : "");
    for (int i = 0; i < tl.lang_count; i++) /* what a museum must still have checked */
        if (text_in(&tl.translation_status, i))
            printf("%s: translation %s: %s\n", report.file, tl.langs[i], text_in(&tl.translation_status, i));
    int status = report.total > 0 ? 1 : 0;
    timeline_free(&tl);
    load_report_free(&report);
    return status;
}

/* ---- writing a new file, never over one ------------------------------------------------- */

typedef bool (*WriteFn)(FILE *out, void *ctx);

/* Writes through write_fn into OUT.part, then links it to OUT, which fails
 * when OUT exists: the user's file is never replaced, and a failed write
 * never leaves half a file under OUT's name. */
static bool write_new_file(const char *path, WriteFn write_fn, void *ctx)
{
    if (access(path, F_OK) == 0) {
        fprintf(stderr, "frise: %s exists already; give a new name (nothing was written)\n", path);
        return false;
    }
    char part[4096];
    if (snprintf(part, sizeof part, "%s.part", path) >= (int)sizeof part) {
        fprintf(stderr, "frise: the name %s is too long\n", path);
        return false;
    }
    FILE *f = fopen(part, "wbx");
    bool ok = f && write_fn(f, ctx);
    if (f && fclose(f) != 0) ok = false;
    if (ok && link(part, path) != 0) ok = false;
    if (!ok) fprintf(stderr, "frise: cannot write %s: %s\n", path, errno ? strerror(errno) : "write failed");
    if (f) remove(part);
    return ok;
}

/* Loads desc->file; false (problems printed) when it was rejected. */
static bool load_input(const AppDesc *desc, double today_days, Timeline *tl)
{
    LoadOptions opt = {.today_days = today_days};
    LoadReport report;
    load_timeline_file(desc->file, &opt, tl, &report);
    print_problems(&report);
    bool ok = !report.rejected;
    load_report_free(&report);
    if (!ok) timeline_free(tl);
    return ok;
}

/* ---- convert ------------------------------------------------------------------------------ */

typedef struct ConvertJob {
    const Timeline *tl;
    WriteFormat format;
    WriteOptions options;
    WriteLosses losses;
} ConvertJob;

static bool write_converted(FILE *out, void *ctx)
{
    ConvertJob *job = ctx;
    return write_timeline(job->format, job->tl, out, &job->options, &job->losses);
}

/* The folder of path, as the loader resolves image paths against it. */
static void folder_of(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash) snprintf(out, cap, ".");
    else snprintf(out, cap, "%.*s", (int)(slash == path ? 1 : slash - path), path);
}

static void report_losses(const ConvertJob *job, const char *out)
{
    for (int i = 0; i < WRITE_LOSS_COUNT; i++) {
        if (!job->losses.count[i]) continue;
        char line[512];
        write_loss_format((WriteLoss)i, job->losses.count[i], job->format, line, sizeof line);
        fprintf(stderr, "%s: %s\n", out, line);
    }
}

int commands_convert(const AppDesc *desc, double today_days)
{
    Timeline tl;
    if (!load_input(desc, today_days, &tl)) return 1;
    char folder[1024];
    folder_of(desc->file, folder, sizeof folder);
    ConvertJob job = {&tl, write_format_for_path(desc->convert_out), {.image_base_dir = folder, .today_days = today_days},
                      {{0}}};
    if (desc->convert_to) write_format_from_name(desc->convert_to, &job.format); /* cli_parse checked the name */
    bool ok = write_new_file(desc->convert_out, write_converted, &job);
    if (ok) {
        report_losses(&job, desc->convert_out);
        printf("%s: %d events, %d eras written\n", desc->convert_out, tl.event_count, tl.era_count);
    }
    timeline_free(&tl);
    return ok ? 0 : 1;
}

/* ---- the text version ------------------------------------------------------------------- */

typedef struct ExportJob {
    const Timeline *tl;
    int lang;
    ExportFormat format;
} ExportJob;

static bool write_export(FILE *out, void *ctx)
{
    ExportJob *job = ctx;
    return export_timeline(job->tl, job->lang, job->format, out);
}

int commands_export_text(const AppDesc *desc, double today_days)
{
    Timeline tl;
    if (!load_input(desc, today_days, &tl)) return 1;
    int lang = desc->lang ? timeline_lang_index(&tl, desc->lang) : 0;
    if (lang < 0) {
        fprintf(stderr, "frise: the timeline has no language \"%s\"\n", desc->lang);
        timeline_free(&tl);
        return 2;
    }
    ExportJob job = {&tl, lang, export_format_for_path(desc->export_text)};
    bool ok = write_new_file(desc->export_text, write_export, &job);
    if (ok) printf("%s: %d events written\n", desc->export_text, tl.event_count);
    timeline_free(&tl);
    return ok ? 0 : 1;
}
