/* load_feed.c: a JSON file's events read one at a time. The rest of the
 * document becomes a small tree (its "events" array left out as "[]", the
 * shell); each event is parsed from the text when the walker asks for it and
 * freed when it asks for the next, after its problems were given their
 * places. So a large file never holds a tree of all its events (about 80
 * bytes a value) beside the timeline being built. The text has passed the
 * syntax check (load.c) before any of this runs. */
#define _DEFAULT_SOURCE /* madvise, MADV_DONTNEED */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "load_internal.h"

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

size_t json_skip_space(const char *t, size_t i, size_t len)
{
    while (i < len && is_space(t[i])) i++;
    return i;
}

/* From the opening quote to just past the closing one: the next quote
 * not escaped (an even number of backslashes before it), found with
 * memchr, since strings are most of a file's bytes. */
size_t json_skip_string(const char *t, size_t i, size_t len)
{
    size_t first = i + 1;
    for (size_t from = first; from < len;) {
        const char *q = memchr(t + from, '"', len - from);
        if (!q) return len;
        size_t at = (size_t)(q - t), slashes = 0;
        while (at - slashes > first && t[at - slashes - 1] == '\\') slashes++;
        if (slashes % 2 == 0) return at + 1;
        from = at + 1;
    }
    return len;
}

/* From a value's first byte to just past it. */
size_t json_skip_value(const char *t, size_t i, size_t len)
{
    if (t[i] == '"') return json_skip_string(t, i, len);
    if (t[i] != '{' && t[i] != '[') {
        while (i < len && !is_space(t[i]) && t[i] != ',' && t[i] != ']' && t[i] != '}') i++;
        return i;
    }
    int depth = 0;
    while (i < len) {
        char c = t[i];
        if (c == '"') {
            i = json_skip_string(t, i, len);
            continue;
        }
        if (c == '{' || c == '[') depth++;
        else if ((c == '}' || c == ']') && --depth == 0) return i + 1;
        i++;
    }
    return i;
}

/* From an array's '[' to just past its ']', counting its elements on the
 * way: one pass over what may be most of a large file. */
static size_t skip_array_counting(const char *t, size_t i, size_t len, int *count)
{
    int depth = 0, commas = 0;
    bool empty = true;
    while (i < len) {
        char c = t[i];
        if (c == '"') {
            i = json_skip_string(t, i, len);
            empty = false;
            continue;
        }
        if (c == '[' || c == '{') {
            if (depth++ == 1) empty = false;
        } else if (c == ']' || c == '}') {
            if (--depth == 0) break;
        } else if (c == ',' && depth == 1) {
            commas++;
        } else if (depth == 1 && !is_space(c)) {
            empty = false;
        }
        i++;
    }
    *count = empty ? 0 : commas + 1;
    return i < len ? i + 1 : i;
}

bool loader_find_events(const char *t, size_t len, size_t start, EventsSpan *out)
{
    memset(out, 0, sizeof *out);
    size_t i = json_skip_space(t, start, len);
    if (i >= len || t[i] != '{') return false;
    i = json_skip_space(t, i + 1, len);
    while (i < len && t[i] == '"') {
        size_t key = i, key_end = json_skip_string(t, i, len);
        i = json_skip_space(t, json_skip_space(t, key_end, len) + 1 /* past ':' */, len);
        if (i >= len) return false;
        /* A key written with escapes ("ev\u0065nts") may be the "events"
         * cJSON finds first: such a document is left whole to the tree. */
        if (memchr(t + key, '\\', key_end - key)) return false;
        if (key_end - key == 8 && memcmp(t + key, "\"events\"", 8) == 0) {
            if (t[i] != '[') return false;
            out->start = i;
            out->end = skip_array_counting(t, i, len, &out->count);
            out->streamed = true;
            return true;
        }
        i = json_skip_space(t, json_skip_value(t, i, len), len);
        if (i < len && t[i] == ',') i = json_skip_space(t, i + 1, len);
    }
    return false;
}

bool loader_build_shell(Loader *L)
{
    const EventsSpan *e = &L->events;
    size_t tail = L->len - e->end;
    L->shell_len = e->start + 2 + tail;
    L->shell = malloc(L->shell_len + 1);
    if (!L->shell) return false;
    memcpy(L->shell, L->text, e->start);
    memcpy(L->shell + e->start, "[]", 2);
    memcpy(L->shell + e->start + 2, L->text + e->end, tail);
    L->shell[L->shell_len] = '\0';
    return true;
}

void loader_events_begin(Loader *L, const cJSON *array, EventFeed *f)
{
    memset(f, 0, sizeof *f);
    f->array = array;
    if (L->events.streamed) {
        f->count = L->events.count;
        f->pos = json_skip_space(L->text, L->events.start + 1, L->events.end);
    } else {
        f->count = cJSON_GetArraySize(array);
        f->next = cJSON_IsArray(array) ? array->child : NULL;
    }
}

/* The event handed out last is done: its problems get their places, then it goes. */
static void finish_current(Loader *L, EventFeed *f)
{
    if (!f->current) return;
    loader_settle_subtree(L, f->current, f->current_at, f->pending_mark);
    cJSON_Delete(f->current);
    f->current = NULL;
}

/* Gives the pages of the events read so far back to the system: a large
 * file's text then never sits whole next to the timeline built from it.
 * What they held is never read again, but for counting lines to a problem
 * further on, which resumes at L->resume. Only the text the loader owns,
 * in steps of a few megabytes. */
enum { DISCARD_STEP_BYTES = 4 << 20 };

static void discard_read_events(Loader *L, size_t upto)
{
#ifdef MADV_DONTNEED
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    uintptr_t base = (uintptr_t)L->text;
    uintptr_t from = (base + (L->discarded_to ? L->discarded_to : L->events.start + 1) + page - 1) / page * page;
    uintptr_t to = (base + upto) / page * page;
    if (!L->may_discard || to <= from || to - from < DISCARD_STEP_BYTES) return;
    int line, col;
    loader_line_col(L, to - base, &line, &col); /* counted while the text is there */
    if (madvise((void *)from, to - from, MADV_DONTNEED) != 0) return;
    L->discarded_to = to - base;
    L->resume = (LineCursor){to - base, line, col};
#else
    (void)L;
    (void)upto;
#endif
}

const cJSON *loader_events_next(Loader *L, EventFeed *f)
{
    if (!L->events.streamed) {
        const cJSON *item = f->next;
        if (item) f->next = item->next;
        return item;
    }
    finish_current(L, f);
    discard_read_events(L, f->pos);
    const char *t = L->text;
    size_t end = L->events.end;
    if (f->pos >= end || t[f->pos] == ']') return NULL;
    const char *stop = NULL;
    f->current = cJSON_ParseWithLengthOpts(t + f->pos, end - f->pos, &stop, false);
    if (!f->current) { /* the text passed the syntax check: memory ran out */
        loader_problem(L, f->array, LOAD_OUT_OF_MEMORY, LOAD_FATAL, "events", "out of memory reading the events");
        f->pos = end;
        return NULL;
    }
    f->current_at = f->pos;
    f->pending_mark = L->pending_count;
    size_t next = json_skip_space(t, (size_t)(stop - t), end);
    f->pos = next < end && t[next] == ',' ? json_skip_space(t, next + 1, end) : end;
    return f->current;
}

void loader_events_end(Loader *L, EventFeed *f)
{
    if (L->events.streamed) finish_current(L, f);
}
