/* stats.c: visitor statistics (see stats.h): the recorder, the safe append,
 * and the summary. */
#define _POSIX_C_SOURCE 200809L /* open, fsync, pread, localtime_r */
#include "stats.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- the state directory ------------------------------------------------------------------ */

bool stats_default_dir(char *out, size_t cap)
{
    const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
    int n;
    if (state && state[0] == '/') n = snprintf(out, cap, "%s/frise", state);
    else if (home && home[0]) n = snprintf(out, cap, "%s/.local/state/frise", home);
    else return false;
    return n > 0 && (size_t)n < cap;
}

/* mkdir -p: each parent in turn; an existing folder is fine. */
static bool make_dirs(const char *dir)
{
    char path[STATS_PATH_MAX];
    int n = snprintf(path, sizeof path, "%s", dir);
    if (n <= 0 || (size_t)n >= sizeof path) return false;
    for (char *p = path + 1; ; p++) {
        if (*p != '/' && *p != '\0') continue;
        char keep = *p;
        *p = '\0';
        if (mkdir(path, 0755) != 0 && errno != EEXIST) return false;
        *p = keep;
        if (!keep) break;
    }
    struct stat st;
    return stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
}

bool stats_open(Stats *s, const char *dir)
{
    memset(s, 0, sizeof *s);
    int n = snprintf(s->path, sizeof s->path, "%s/%s", dir, STATS_FILE);
    if (n <= 0 || (size_t)n >= sizeof s->path || !make_dirs(dir)) {
        fprintf(stderr, "frise: statistics: cannot make the folder %s: %s\n", dir, strerror(errno));
        s->path[0] = '\0';
        return false;
    }
    return true;
}

/* ---- appending whole lines ------------------------------------------------------------------- */

static bool write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, buf, len);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        buf += w;
        len -= (size_t)w;
    }
    return true;
}

/* Appends text (whole lines) to path in one write, then fsync. A new file
 * gets header first; a file whose last line was cut (a power cut in the
 * middle of a write) gets a newline first, so the cut line stays alone. */
static bool append_lines(const char *path, const char *header, const char *text, bool *tail_checked)
{
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    struct stat st;
    char buf[8192];
    size_t used = 0;
    if (fstat(fd, &st) == 0 && st.st_size == 0 && header) {
        used = (size_t)snprintf(buf, sizeof buf, "%s\n", header);
    } else if (!*tail_checked && fstat(fd, &st) == 0 && st.st_size > 0) {
        int rd = open(path, O_RDONLY | O_CLOEXEC);
        char last = '\n';
        if (rd >= 0) {
            if (pread(rd, &last, 1, st.st_size - 1) != 1) last = '\n';
            close(rd);
        }
        if (last != '\n') buf[used++] = '\n';
    }
    *tail_checked = true;
    size_t len = strlen(text);
    bool ok;
    if (used + len <= sizeof buf) { /* one write: the row lands whole or not at all, in practice */
        memcpy(buf + used, text, len);
        ok = write_all(fd, buf, used + len);
    } else {
        ok = write_all(fd, buf, used) && write_all(fd, text, len);
    }
    ok = fsync(fd) == 0 && ok;
    return close(fd) == 0 && ok;
}

bool stats_log(const char *dir, const char *line)
{
    char path[STATS_PATH_MAX];
    int n = snprintf(path, sizeof path, "%s/frise.log", dir);
    if (n <= 0 || (size_t)n >= sizeof path || !make_dirs(dir)) return false;
    char text[2048];
    time_t now = time(NULL);
    struct tm tm;
    char stamp[32] = "";
    if (localtime_r(&now, &tm)) strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm);
    snprintf(text, sizeof text, "%s %s\n", stamp, line);
    bool checked = false;
    return append_lines(path, NULL, text, &checked);
}

/* ---- rows ----------------------------------------------------------------------------------------- */

/* Ids and language codes as they go into the file: no commas, spaces or
 * quotes can break a row. */
static void clean_word(char *out, size_t cap, const char *in)
{
    size_t n = 0;
    for (const char *p = in; *p && n + 1 < cap; p++) {
        char c = *p;
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                     c == '.' || c == ':' || c == '*';
        out[n++] = plain ? c : '_';
    }
    out[n] = '\0';
}

static void date_time(double wall_s, char *date, size_t dcap, char *clock, size_t ccap)
{
    time_t t = (time_t)wall_s;
    struct tm tm;
    if (!localtime_r(&t, &tm)) memset(&tm, 0, sizeof tm);
    strftime(date, dcap, "%Y-%m-%d", &tm);
    strftime(clock, ccap, "%H:%M:%S", &tm);
}

static void write_row(Stats *s, double wall_s, const char *kind, double seconds, const char *lang, const char *detail)
{
    if (!s->path[0]) return;
    char date[16], clock[16], code[32], row[8192];
    date_time(wall_s, date, sizeof date, clock, sizeof clock);
    clean_word(code, sizeof code, lang);
    snprintf(row, sizeof row, "%s,%s,%s,%.0f,%s,%s\n", date, clock, kind, seconds < 0 ? 0 : seconds, code, detail);
    if (append_lines(s->path, STATS_HEADER, row, &s->tail_checked)) {
        s->rows_written++;
    } else {
        s->rows_failed++;
        fprintf(stderr, "frise: statistics: cannot append to %s: %s\n", s->path, strerror(errno));
    }
}

static void end_session(Stats *s, const Controller *c)
{
    StatsSession *v = &s->session;
    if (!v->open) return;
    v->open = false;
    char detail[6000];
    size_t used = 0;
    detail[0] = '\0';
    for (int i = 0; i < v->opened_count; i++) {
        char id[160];
        clean_word(id, sizeof id, c->tl->events[v->opened[i]].id);
        int n = snprintf(detail + used, sizeof detail - used, "%s%s", used ? " " : "", id);
        if (n < 0 || (size_t)n >= sizeof detail - used) break;
        used += (size_t)n;
    }
    /* Its length: from the waking touch to the last touch, not the idle wait after it. */
    double seconds = (c->last_input_ms - v->start_ms) / 1000.0;
    const char *lang = v->lang >= 0 && v->lang < c->tl->lang_count ? c->tl->langs[v->lang] : "";
    write_row(s, v->start_wall_s, "session", seconds, lang, detail);
}

/* ---- watching the controller ------------------------------------------------------------------- */

void stats_observe(Stats *s, const Controller *c, double wall_s)
{
    StatsSession *v = &s->session;
    bool kiosk = c->mode == VIEW_KIOSK;
    KioskState phase = kiosk ? c->kiosk.phase : KIOSK_VISITOR;
    int selected = c->s.sel.selected;
    if (s->seen && kiosk) {
        if (!v->open && phase != KIOSK_ATTRACT && s->phase == KIOSK_ATTRACT) { /* a visitor */
            memset(v, 0, sizeof *v);
            v->open = true;
            v->start_ms = c->last_input_ms;
            v->start_wall_s = wall_s;
        }
        if (v->open && phase != KIOSK_ATTRACT) {
            v->lang = c->s.lang;
            if (selected >= 0 && selected != s->selected && v->opened_count < STATS_MAX_OPENED)
                v->opened[v->opened_count++] = selected;
        }
        if (v->open && phase == KIOSK_ATTRACT) end_session(s, c); /* the kiosk reset: the visitor left */
    }
    if (c->present.starts > s->present_starts) { /* also the walk --present began with */
        int tour = c->present.steps.tour;
        char id[160];
        clean_word(id, sizeof id, tour >= 0 && tour < c->tl->tour_count ? c->tl->tours[tour].id : "*");
        write_row(s, wall_s, "tour", 0, c->tl->langs[c->s.lang], id);
    }
    s->seen = true;
    s->phase = phase;
    s->selected = selected;
    s->present_starts = c->present.starts;
}

void stats_close(Stats *s, const Controller *c)
{
    end_session(s, c);
}

/* ---- the summary ---------------------------------------------------------------------------------- */

typedef struct Count {
    char key[96];
    int n;
    double seconds, longest;
} Count;

typedef struct Counts {
    Count *items;
    int count, cap;
} Counts;

static Count *count_of(Counts *t, const char *key)
{
    for (int i = 0; i < t->count; i++)
        if (strcmp(t->items[i].key, key) == 0) return &t->items[i];
    if (t->count == t->cap) {
        int cap = t->cap ? t->cap * 2 : 32;
        Count *grown = realloc(t->items, (size_t)cap * sizeof *grown);
        if (!grown) return NULL;
        t->items = grown;
        t->cap = cap;
    }
    Count *c = &t->items[t->count++];
    memset(c, 0, sizeof *c);
    snprintf(c->key, sizeof c->key, "%s", key);
    return c;
}

static int by_count(const void *a, const void *b)
{
    const Count *x = a, *y = b;
    return x->n != y->n ? y->n - x->n : strcmp(x->key, y->key);
}

static int by_key(const void *a, const void *b)
{
    return strcmp(((const Count *)a)->key, ((const Count *)b)->key);
}

static int by_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void sort_counts(Counts *t, int (*order)(const void *, const void *))
{
    if (t->count > 0) qsort(t->items, (size_t)t->count, sizeof *t->items, order);
}

static void format_length(double s, char *out, size_t cap)
{
    int t = (int)(s + 0.5);
    if (t >= 3600) snprintf(out, cap, "%dh%02d", t / 3600, t / 60 % 60);
    else snprintf(out, cap, "%d:%02d", t / 60, t % 60);
}

/* Splits a row into its six fields (in place); false for a damaged row. */
static bool split_row(char *line, char *field[6])
{
    int n = 0;
    field[n++] = line;
    for (char *p = line; *p; p++)
        if (*p == ',') {
            if (n == 6) return false;
            *p = '\0';
            field[n++] = p + 1;
        }
    if (n != 6) return false;
    const char *d = field[0];
    bool date = strlen(d) == 10 && d[4] == '-' && d[7] == '-';
    char *end;
    strtod(field[3], &end);
    return date && end != field[3] && *end == '\0' && (strcmp(field[2], "session") == 0 || strcmp(field[2], "tour") == 0);
}

typedef struct Summary {
    Counts days, stories, langs, tours;
    double *lengths;
    int length_count, length_cap;
    int sessions, damaged;
} Summary;

static void add_length(Summary *sum, double s)
{
    if (sum->length_count == sum->length_cap) {
        int cap = sum->length_cap ? sum->length_cap * 2 : 64;
        double *grown = realloc(sum->lengths, (size_t)cap * sizeof *grown);
        if (!grown) return;
        sum->lengths = grown;
        sum->length_cap = cap;
    }
    sum->lengths[sum->length_count++] = s;
}

static void take_row(Summary *sum, char *field[6])
{
    double seconds = strtod(field[3], NULL);
    if (strcmp(field[2], "tour") == 0) {
        Count *t = count_of(&sum->tours, field[5]);
        if (t) t->n++;
        return;
    }
    sum->sessions++;
    add_length(sum, seconds);
    Count *day = count_of(&sum->days, field[0]);
    if (day) {
        day->n++;
        day->seconds += seconds;
        if (seconds > day->longest) day->longest = seconds;
    }
    Count *lang = count_of(&sum->langs, field[4][0] ? field[4] : "?");
    if (lang) lang->n++;
    for (char *id = strtok(field[5], " "); id; id = strtok(NULL, " ")) {
        Count *story = count_of(&sum->stories, id);
        if (story) story->n++;
    }
}

static void print_summary(const Summary *sum, const char *path, FILE *out)
{
    char a[32], b[32];
    fprintf(out, "Frise visitor statistics: %s\n", path);
    double median = 0;
    if (sum->length_count > 0) median = sum->lengths[sum->length_count / 2];
    format_length(median, a, sizeof a);
    fprintf(out, "%d visitor session%s over %d day%s; median length %s\n\n", sum->sessions, sum->sessions == 1 ? "" : "s",
            sum->days.count, sum->days.count == 1 ? "" : "s", a);
    fprintf(out, "Sessions per day\n");
    for (int i = 0; i < sum->days.count; i++) {
        const Count *d = &sum->days.items[i];
        format_length(d->n ? d->seconds / d->n : 0, a, sizeof a);
        format_length(d->longest, b, sizeof b);
        fprintf(out, "  %s  %5d session%s  average %s  longest %s\n", d->key, d->n, d->n == 1 ? " " : "s", a, b);
    }
    fprintf(out, "\nStories opened (top %d)\n", sum->stories.count < 10 ? sum->stories.count : 10);
    for (int i = 0; i < sum->stories.count && i < 10; i++)
        fprintf(out, "  %5d  %s\n", sum->stories.items[i].n, sum->stories.items[i].key);
    if (sum->stories.count == 0) fprintf(out, "  none\n");
    fprintf(out, "\nLanguages (sessions)\n");
    for (int i = 0; i < sum->langs.count; i++)
        fprintf(out, "  %5d  %s (%.0f%%)\n", sum->langs.items[i].n, sum->langs.items[i].key,
                100.0 * sum->langs.items[i].n / (sum->sessions ? sum->sessions : 1));
    fprintf(out, "\nTours begun\n");
    for (int i = 0; i < sum->tours.count; i++)
        fprintf(out, "  %5d  %s\n", sum->tours.items[i].n,
                strcmp(sum->tours.items[i].key, "*") == 0 ? "every event" : sum->tours.items[i].key);
    if (sum->tours.count == 0) fprintf(out, "  none\n");
    if (sum->damaged > 0)
        fprintf(out, "\n%d damaged line%s skipped (a power cut while writing)\n", sum->damaged, sum->damaged == 1 ? "" : "s");
}

int stats_print_summary(const char *dir, FILE *out, FILE *err)
{
    char path[STATS_PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, STATS_FILE);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(err, "frise: no statistics in %s: %s\n", dir, strerror(errno));
        return 1;
    }
    Summary sum;
    memset(&sum, 0, sizeof sum);
    char line[8192];
    bool first = true;
    while (fgets(line, sizeof line, f)) {
        size_t len = strlen(line);
        bool whole = len > 0 && line[len - 1] == '\n';
        if (whole) line[--len] = '\0';
        if (first && strcmp(line, STATS_HEADER) == 0) {
            first = false;
            continue;
        }
        first = false;
        if (len == 0) continue; /* the newline after a cut row */
        char *field[6];
        if (!whole || !split_row(line, field)) {
            sum.damaged++;
            if (!whole) /* a line longer than the buffer: skip the rest of it */
                while (len == sizeof line - 1 && fgets(line, sizeof line, f) && (len = strlen(line)) && line[len - 1] != '\n') {}
            continue;
        }
        take_row(&sum, field);
    }
    fclose(f);
    sort_counts(&sum.days, by_key);
    sort_counts(&sum.stories, by_count);
    sort_counts(&sum.langs, by_count);
    sort_counts(&sum.tours, by_count);
    if (sum.length_count > 0) qsort(sum.lengths, (size_t)sum.length_count, sizeof(double), by_double);
    print_summary(&sum, path, out);
    free(sum.days.items);
    free(sum.stories.items);
    free(sum.langs.items);
    free(sum.tours.items);
    free(sum.lengths);
    return 0;
}
