/* fuzz_load.c: libFuzzer target for the timeline loader (see README.md).
 * Any input must load or be rejected with a well-formed report, and every
 * byte it allocated must be freed; ASan and UBSan watch the rest. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "load_csv.h"

/* Checks what a report promises whatever the input; aborts so that the
 * fuzzer keeps the input as a crash. */
static void check_report(const LoadReport *r, const Timeline *tl, bool ok, bool sheet)
{
    if (r->count < 0 || r->count > LOAD_MAX_STORED_PROBLEMS || r->total < r->count) abort();
    if (ok == r->rejected) abort();
    if (r->rejected && tl->event_count != 0) abort();
    for (int i = 0; i < r->count; i++) {
        const LoadProblem *p = &r->problems[i];
        if (p->code <= LOAD_OK || p->code >= LOAD_CODE_COUNT || !p->message[0]) abort();
        if (p->line < 0 || p->col < 0 || (p->line == 0 && p->col != 0)) abort();
        if (!sheet && p->line > 0 && p->col < 1) abort(); /* only a sheet's whole row has no column */
        if (strchr(p->message, '\n')) abort();
    }
    for (int i = 1; i < tl->event_count; i++)
        if (tl->events[i - 1].start_days > tl->events[i].start_days) abort();
    for (int i = 0; i < tl->event_count; i++)
        if (tl->events[i].category < -1 || tl->events[i].category >= tl->category_count) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* 2024-06-15: a fixed today keeps runs reproducible. */
    LoadOptions opt = {.today_days = 19889.0};
    Timeline tl;
    LoadReport report;
    bool ok = load_timeline_memory("fuzz.json", (const char *)data, size, "/fuzz", &opt, &tl, &report);
    check_report(&report, &tl, ok, load_looks_like_csv((const char *)data, size));
    if (report.count > 0) {
        char line[1024];
        load_problem_format(&report, &report.problems[0], line, sizeof line);
    }
    for (int i = 0; i < tl.event_count; i++) {
        char text[256];
        const Event *e = &tl.events[i];
        date_format_span(&e->start, e->has_end ? &e->end : NULL, i % 2 ? "fr" : "en", text, sizeof text);
        date_format_iso(e->start_days, text, sizeof text);
    }
    timeline_free(&tl);
    load_report_free(&report);
    return 0;
}
