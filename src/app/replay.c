/* replay.c: parses replay scripts into a time-sorted list of InputEvents and actions. */
#include "replay.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "grow.h"
#include "utf8.h"

/* Files larger than this are not scripts; refuse them before reading. */
#define REPLAY_MAX_FILE_BYTES (64u * 1024u * 1024u)
#define MAX_COORD_PX 1e6
#define MAX_TEXT_BYTES 4096
#define MAX_PATH_BYTES 4096
#define NEAR_SHOWN 32 /* bytes of the offending token quoted in a message */

/* ---- the parser and its errors ------------------------------------------------ */

typedef struct Slice {
    const char *s;
    size_t len;
} Slice;

typedef struct Parser {
    Replay *r;
    const char *name;
    int line;
    char *err;
    size_t err_cap;
    Slice near;            /* the token a message points at */
    const char *pos, *end; /* what is left of the current line */
} Parser;

/* Writes "NAME:LINE: message near 'TOKEN'" and returns false, so that callers
 * can `return fail(...)`. The token is quoted printable and shortened, since
 * it may be any bytes at all. */
static bool fail(Parser *p, const char *fmt, ...)
{
    if (!p->err || p->err_cap == 0)
        return false;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char near[NEAR_SHOWN + 4];
    size_t n = p->near.len < NEAR_SHOWN ? p->near.len : NEAR_SHOWN;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p->near.s[i];
        near[i] = c >= 0x20 && c < 0x7f ? (char)c : '?';
    }
    strcpy(near + n, p->near.len > n ? "..." : "");
    snprintf(p->err, p->err_cap, "%s:%d: %s near '%s'", p->name, p->line, msg, near);
    return false;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* The next whitespace-separated token of the line; false at the end of the
 * line or at a '#' that starts a token (a comment). */
static bool next_token(Parser *p, Slice *t)
{
    while (p->pos < p->end && is_space(*p->pos))
        p->pos++;
    if (p->pos == p->end || *p->pos == '#')
        return false;
    t->s = p->pos;
    while (p->pos < p->end && !is_space(*p->pos))
        p->pos++;
    t->len = (size_t)(p->pos - t->s);
    p->near = *t;
    return true;
}

static bool slice_is(Slice t, const char *word)
{
    size_t n = strlen(word);
    if (t.len != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = t.s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != word[i])
            return false;
    }
    return true;
}

/* ---- numbers --------------------------------------------------------------------- */

static size_t skip_digits(const char *s, size_t i, size_t n, size_t *count)
{
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        i++;
        (*count)++;
    }
    return i;
}

/* A plain decimal ("12", "-0.5", "1e3"). The syntax is checked by hand first
 * so that strtod's extras (nan, inf, hex) are refused; strtod then rounds
 * correctly. It assumes the C locale's '.', which the app never changes. */
static bool parse_decimal(Slice t, double *v)
{
    char buf[64];
    if (t.len == 0 || t.len >= sizeof buf)
        return false;
    const char *s = t.s;
    size_t n = t.len, i = 0, digits = 0, exp_digits = 0;
    if (s[i] == '+' || s[i] == '-')
        i++;
    i = skip_digits(s, i, n, &digits);
    if (i < n && s[i] == '.')
        i = skip_digits(s, i + 1, n, &digits);
    if (digits == 0)
        return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        i = skip_digits(s, i, n, &exp_digits);
        if (exp_digits == 0)
            return false;
    }
    if (i != n)
        return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    *v = strtod(buf, NULL);
    return isfinite(*v);
}

/* Reads the next token as a number in [lo, hi]; what names it in messages. */
static bool read_number(Parser *p, const char *what, double lo, double hi, double *v)
{
    Slice t;
    if (!next_token(p, &t))
        return fail(p, "missing %s", what);
    if (!parse_decimal(t, v))
        return fail(p, "%s is not a number", what);
    if (!(*v >= lo && *v <= hi))
        return fail(p, "%s must be between %g and %g", what, lo, hi);
    return true;
}

/* Like read_number, but absence is fine (*present says which). */
static bool read_optional_number(Parser *p, const char *what, double lo, double hi, double *v,
                                 bool *present)
{
    const char *save = p->pos;
    Slice t;
    *present = next_token(p, &t);
    if (!*present)
        return true;
    p->pos = save;
    return read_number(p, what, lo, hi, v);
}

static bool read_xy(Parser *p, double *x, double *y)
{
    return read_number(p, "x", -MAX_COORD_PX, MAX_COORD_PX, x) &&
           read_number(p, "y", -MAX_COORD_PX, MAX_COORD_PX, y);
}

static bool expect_end(Parser *p)
{
    Slice t;
    if (next_token(p, &t))
        return fail(p, "unexpected extra argument");
    return true;
}

/* ---- emitting items ------------------------------------------------------------------ */

static ReplayItem *push(Parser *p, double t_ms, ReplayKind kind)
{
    Replay *r = p->r;
    if (r->count >= REPLAY_MAX_ITEMS) {
        fail(p, "the script expands to more than %d events", REPLAY_MAX_ITEMS);
        return NULL;
    }
    if (!grow_array((void **)&r->items, &r->cap, r->count + 1, sizeof *r->items)) {
        fail(p, "out of memory");
        return NULL;
    }
    ReplayItem *it = &r->items[r->count++];
    memset(it, 0, sizeof *it);
    it->t_ms = t_ms;
    it->kind = kind;
    it->line = p->line;
    it->input.t_ms = t_ms;
    return it;
}

static InputEvent *push_input(Parser *p, double t_ms, InputType type)
{
    ReplayItem *it = push(p, t_ms, REPLAY_INPUT);
    if (!it)
        return NULL;
    it->input.type = type;
    return &it->input;
}

/* A pointer event: id 0 is the mouse (button 1 = left, 0 = none), others fingers. */
static bool push_pointer(Parser *p, double t_ms, InputType type, int id, int button, double x,
                         double y)
{
    InputEvent *ev = push_input(p, t_ms, type);
    if (!ev)
        return false;
    ev->pointer_id = id;
    ev->is_touch = id != 0;
    ev->button = button;
    ev->x = (float)x;
    ev->y = (float)y;
    return true;
}

/* Down, then up hold_ms later, in place: a tap, a click or a long press. */
static bool push_press(Parser *p, double t_ms, int id, double x, double y, double hold_ms)
{
    int button = id == 0 ? 1 : 0;
    return push_pointer(p, t_ms, INPUT_POINTER_DOWN, id, button, x, y) &&
           push_pointer(p, t_ms + hold_ms, INPUT_POINTER_UP, id, button, x, y);
}

/* Evenly spaced moves at most REPLAY_STEP_MS apart, the last exactly at the end. */
static int steps_for(double dur_ms)
{
    int n = (int)ceil(dur_ms / REPLAY_STEP_MS);
    return n > 0 ? n : 1;
}

/* ---- commands -------------------------------------------------------------------------- */

typedef bool (*CommandFn)(Parser *p, double t_ms);

static bool cmd_tap(Parser *p, double t_ms)
{
    double x, y;
    return read_xy(p, &x, &y) && expect_end(p) &&
           push_press(p, t_ms, REPLAY_FINGER, x, y, REPLAY_TAP_MS);
}

static bool cmd_doubletap(Parser *p, double t_ms)
{
    double x, y;
    return read_xy(p, &x, &y) && expect_end(p) &&
           push_press(p, t_ms, REPLAY_FINGER, x, y, REPLAY_TAP_MS) &&
           push_press(p, t_ms + 2 * REPLAY_TAP_MS, REPLAY_FINGER, x, y, REPLAY_TAP_MS);
}

static bool cmd_longpress(Parser *p, double t_ms)
{
    double x, y;
    return read_xy(p, &x, &y) && expect_end(p) &&
           push_press(p, t_ms, REPLAY_FINGER, x, y, REPLAY_LONG_PRESS_MS);
}

static bool cmd_click(Parser *p, double t_ms)
{
    double x, y;
    return read_xy(p, &x, &y) && expect_end(p) && push_press(p, t_ms, 0, x, y, REPLAY_TAP_MS);
}

static bool cmd_move(Parser *p, double t_ms)
{
    double x, y;
    return read_xy(p, &x, &y) && expect_end(p) &&
           push_pointer(p, t_ms, INPUT_POINTER_MOVE, 0, 0, x, y);
}

/* drag and mousedrag: down, steady moves, and an up at the same instant as
 * the last move, so the release velocity is the drag's own and it flings. */
static bool stroke(Parser *p, double t_ms, int id)
{
    double x0, y0, x1, y1, dur_s;
    if (!read_xy(p, &x0, &y0) || !read_xy(p, &x1, &y1) ||
        !read_number(p, "duration", 0, REPLAY_MAX_DURATION_S, &dur_s) || !expect_end(p))
        return false;
    int button = id == 0 ? 1 : 0;
    double dur_ms = dur_s * 1000.0;
    int n = steps_for(dur_ms);
    if (!push_pointer(p, t_ms, INPUT_POINTER_DOWN, id, button, x0, y0))
        return false;
    for (int k = 1; k <= n; k++) {
        double f = (double)k / n;
        if (!push_pointer(p, t_ms + dur_ms * f, INPUT_POINTER_MOVE, id, button, x0 + (x1 - x0) * f,
                          y0 + (y1 - y0) * f))
            return false;
    }
    return push_pointer(p, t_ms + dur_ms, INPUT_POINTER_UP, id, button, x1, y1);
}

static bool cmd_drag(Parser *p, double t_ms)
{
    return stroke(p, t_ms, REPLAY_FINGER);
}

static bool cmd_mousedrag(Parser *p, double t_ms)
{
    return stroke(p, t_ms, 0);
}

/* Both fingers at half-distance d around (cx, cy), on a horizontal line. */
static bool pinch_fingers(Parser *p, double t_ms, InputType type, double cx, double cy, double d)
{
    return push_pointer(p, t_ms, type, REPLAY_FINGER, 0, cx - d, cy) &&
           push_pointer(p, t_ms, type, REPLAY_FINGER2, 0, cx + d, cy);
}

static bool cmd_pinch(Parser *p, double t_ms)
{
    double cx, cy, factor, dur_s = 0.3; /* the default duration */
    bool has_dur;
    if (!read_xy(p, &cx, &cy) || !read_number(p, "factor", 0.01, 100, &factor) ||
        !read_optional_number(p, "duration", 0, REPLAY_MAX_DURATION_S, &dur_s, &has_dur) ||
        !expect_end(p))
        return false;
    /* The fingers are REPLAY_PINCH_NEAR_PX apart (half) where they are closest. */
    double d0 = factor >= 1 ? REPLAY_PINCH_NEAR_PX : REPLAY_PINCH_NEAR_PX / factor;
    double d1 = d0 * factor, dur_ms = dur_s * 1000.0;
    int n = steps_for(dur_ms);
    if (!pinch_fingers(p, t_ms, INPUT_POINTER_DOWN, cx, cy, d0))
        return false;
    for (int k = 1; k <= n; k++) {
        double f = (double)k / n;
        if (!pinch_fingers(p, t_ms + dur_ms * f, INPUT_POINTER_MOVE, cx, cy, d0 + (d1 - d0) * f))
            return false;
    }
    return push_pointer(p, t_ms + dur_ms, INPUT_POINTER_UP, REPLAY_FINGER2, 0, cx + d1, cy) &&
           push_pointer(p, t_ms + dur_ms, INPUT_POINTER_UP, REPLAY_FINGER, 0, cx - d1, cy);
}

static bool cmd_wheel(Parser *p, double t_ms)
{
    double x, y, dy, dx = 0;
    bool has_dx;
    if (!read_xy(p, &x, &y) || !read_number(p, "notches", -1000, 1000, &dy) ||
        !read_optional_number(p, "dx", -1000, 1000, &dx, &has_dx) || !expect_end(p))
        return false;
    InputEvent *ev = push_input(p, t_ms, INPUT_WHEEL);
    if (!ev)
        return false;
    ev->x = (float)x;
    ev->y = (float)y;
    ev->dx = (float)dx;
    ev->dy = (float)dy;
    ev->precise = dx != floor(dx) || dy != floor(dy); /* fractions come from touchpads */
    return true;
}

static bool cmd_key(Parser *p, double t_ms)
{
    Slice t;
    if (!next_token(p, &t))
        return fail(p, "missing key name");
    char name[64];
    int key = KEY_NONE, mods = 0;
    if (t.len < sizeof name) {
        memcpy(name, t.s, t.len);
        name[t.len] = '\0';
        key = replay_key_from_name(name, &mods);
    }
    if (key == KEY_NONE)
        return fail(p, "unknown key");
    if (!expect_end(p))
        return false;
    InputEvent *ev = push_input(p, t_ms, INPUT_KEY_DOWN);
    if (!ev)
        return false;
    ev->key = key;
    ev->mods = mods;
    return true;
}

/* The rest of the line, verbatim ('#' included), in as many INPUT_TEXT events
 * as the fixed-size text field needs. */
static bool cmd_text(Parser *p, double t_ms)
{
    const char *s = p->pos, *e = p->end;
    while (s < e && is_space(*s))
        s++;
    while (e > s && is_space(e[-1]))
        e--;
    size_t len = (size_t)(e - s);
    if (len == 0)
        return fail(p, "missing text to type");
    if (len > MAX_TEXT_BYTES)
        return fail(p, "text longer than %d bytes", MAX_TEXT_BYTES);
    const size_t room = INPUT_TEXT_MAX - 1; /* and the NUL */
    while (len > 0) {
        /* Whole characters; never 0, as a cut drops at most 3 bytes of the room. */
        size_t n = len <= room ? len : utf8_cut(s, room);
        InputEvent *ev = push_input(p, t_ms, INPUT_TEXT);
        if (!ev)
            return false;
        memcpy(ev->text, s, n);
        s += n;
        len -= n;
    }
    return true;
}

static bool cmd_quit(Parser *p, double t_ms)
{
    return expect_end(p) && push_input(p, t_ms, INPUT_QUIT) != NULL;
}

static bool cmd_leave(Parser *p, double t_ms)
{
    return expect_end(p) && push_input(p, t_ms, INPUT_POINTER_LEAVE) != NULL;
}

static bool cmd_resize(Parser *p, double t_ms)
{
    double w, h;
    if (!read_number(p, "width", 1, 32768, &w) || !read_number(p, "height", 1, 32768, &h))
        return false;
    if (w != floor(w) || h != floor(h))
        return fail(p, "the size must be whole pixels");
    if (!expect_end(p))
        return false;
    InputEvent *ev = push_input(p, t_ms, INPUT_RESIZE);
    if (!ev)
        return false;
    ev->x = (float)w;
    ev->y = (float)h;
    return true;
}

/* Scripts are shared (in bug reports, between museums), so an output name
 * may only create a picture or a dump inside the output folder: relative,
 * no "..", no hidden file or folder (".bashrc", ".config/"), and the
 * extension of what is written. NULL when fine, else the reason. */
static const char *output_name_problem(Slice t, const char *ext)
{
    if (t.s[0] == '/' || t.s[0] == '\\' || (t.len > 1 && t.s[1] == ':'))
        return "an output file must be a relative path (it goes in the output folder)";
    for (size_t i = 0; i < t.len;) {
        size_t n = 0;
        while (i + n < t.len && t.s[i + n] != '/' && t.s[i + n] != '\\')
            n++;
        if (n == 2 && t.s[i] == '.' && t.s[i + 1] == '.')
            return "an output file may not leave the output folder ('..')";
        if (n > 1 && t.s[i] == '.')
            return "an output file may not be or be in a hidden file or folder";
        i += n + 1;
    }
    size_t e = strlen(ext);
    bool ends = t.len > e;
    for (size_t i = 0; ends && i < e; i++) {
        char c = t.s[t.len - e + i];
        ends = (c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c) == ext[i];
    }
    return ends ? NULL : strcmp(ext, ".png") == 0 ? "a screenshot's file name must end in .png"
                                                  : "a layout dump's file name must end in .json";
}

static bool push_path(Parser *p, double t_ms, ReplayKind kind)
{
    Slice t;
    if (!next_token(p, &t))
        return fail(p, "missing file name");
    if (t.len > MAX_PATH_BYTES)
        return fail(p, "file name longer than %d bytes", MAX_PATH_BYTES);
    /* A dropped file is read, never written: any name will do. */
    const char *problem = kind == REPLAY_DROP ? NULL : output_name_problem(t, kind == REPLAY_DUMP_LAYOUT ? ".json" : ".png");
    if (problem)
        return fail(p, "%s", problem);
    if (!expect_end(p))
        return false;
    char *path = malloc(t.len + 1);
    if (!path)
        return fail(p, "out of memory");
    memcpy(path, t.s, t.len);
    path[t.len] = '\0';
    ReplayItem *it = push(p, t_ms, kind);
    if (!it) {
        free(path);
        return false;
    }
    it->path = path;
    return true;
}

static bool cmd_screenshot(Parser *p, double t_ms)
{
    return push_path(p, t_ms, REPLAY_SCREENSHOT);
}

static bool cmd_screenshot_presenter(Parser *p, double t_ms)
{
    return push_path(p, t_ms, REPLAY_SCREENSHOT_PRESENTER);
}

static bool cmd_dump_layout(Parser *p, double t_ms)
{
    return push_path(p, t_ms, REPLAY_DUMP_LAYOUT);
}

static bool cmd_drop(Parser *p, double t_ms)
{
    return push_path(p, t_ms, REPLAY_DROP);
}

static bool cmd_end(Parser *p, double t_ms)
{
    return expect_end(p) && push(p, t_ms, REPLAY_END) != NULL;
}

static CommandFn find_command(Slice name)
{
    static const struct {
        const char *name;
        CommandFn fn;
    } commands[] = {
        {"tap", cmd_tap},       {"doubletap", cmd_doubletap},   {"longpress", cmd_longpress},
        {"drag", cmd_drag},     {"mousedrag", cmd_mousedrag},   {"pinch", cmd_pinch},
        {"wheel", cmd_wheel},   {"move", cmd_move},             {"click", cmd_click},
        {"key", cmd_key},       {"text", cmd_text},             {"quit", cmd_quit},
        {"resize", cmd_resize}, {"screenshot", cmd_screenshot}, {"dump-layout", cmd_dump_layout},
        {"screenshot-presenter", cmd_screenshot_presenter},
        {"leave", cmd_leave},   {"end", cmd_end},           {"drop", cmd_drop},
    };
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (slice_is(name, commands[i].name))
            return commands[i].fn;
    return NULL;
}

/* ---- lines and the whole script ---------------------------------------------------------- */

static bool parse_line(Parser *p, const char *s, const char *e)
{
    p->pos = s;
    p->end = e;
    p->near = (Slice){s, (size_t)(e - s)};
    if (memchr(s, '\0', (size_t)(e - s)))
        return fail(p, "NUL byte in the line");
    Slice t;
    if (!next_token(p, &t))
        return true; /* blank or comment */
    double seconds;
    if (!parse_decimal(t, &seconds))
        return fail(p, "expected a time in seconds");
    if (!(seconds >= 0 && seconds <= REPLAY_MAX_SECONDS))
        return fail(p, "time must be between 0 and %g seconds", REPLAY_MAX_SECONDS);
    Slice cmd;
    if (!next_token(p, &cmd))
        return fail(p, "missing command after the time");
    CommandFn fn = find_command(cmd);
    if (!fn)
        return fail(p, "unknown command");
    return fn(p, seconds * 1000.0);
}

typedef struct SortKey {
    double t_ms;
    size_t index;
} SortKey;

/* By time, then by script order: qsort is not stable, the index makes it so. */
static int sort_key_cmp(const void *a, const void *b)
{
    const SortKey *x = a, *y = b;
    if (x->t_ms != y->t_ms)
        return x->t_ms < y->t_ms ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Moves items into key order in place, one permutation cycle at a time, so
 * that a million-item script is not copied whole. */
static void permute(ReplayItem *items, SortKey *keys, size_t n)
{
    const size_t done = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        if (keys[i].index == done || keys[i].index == i)
            continue;
        ReplayItem first = items[i];
        size_t j = i;
        for (;;) {
            size_t src = keys[j].index;
            keys[j].index = done;
            if (src == i) {
                items[j] = first;
                break;
            }
            items[j] = items[src];
            j = src;
        }
    }
}

static bool sort_items(Parser *p)
{
    Replay *r = p->r;
    size_t n = r->count, i = 1;
    while (i < n && r->items[i - 1].t_ms <= r->items[i].t_ms)
        i++;
    if (i >= n)
        return true; /* scripts are usually written in order */
    SortKey *keys = malloc(n * sizeof *keys);
    if (!keys)
        return fail(p, "out of memory");
    for (i = 0; i < n; i++)
        keys[i] = (SortKey){r->items[i].t_ms, i};
    qsort(keys, n, sizeof *keys, sort_key_cmp);
    permute(r->items, keys, n);
    free(keys);
    return true;
}

bool replay_parse(Replay *r, const char *name, const char *text, size_t len, char *err,
                  size_t err_cap)
{
    memset(r, 0, sizeof *r);
    if (err && err_cap > 0)
        err[0] = '\0';
    Parser p = {.r = r, .name = name ? name : "replay", .err = err, .err_cap = err_cap};
    const char *s = text ? text : "", *end = text ? text + len : s;
    if (end - s >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3; /* a UTF-8 byte-order mark from a Windows editor */
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *line_end = nl ? nl : end;
        p.line++;
        if (!parse_line(&p, s, line_end)) {
            replay_free(r);
            return false;
        }
        s = nl ? nl + 1 : end;
    }
    if (!sort_items(&p)) {
        replay_free(r);
        return false;
    }
    return true;
}

/* ---- files ------------------------------------------------------------------------------- */

bool replay_load_file(Replay *r, const char *path, char *err, size_t err_cap)
{
    char scratch[1];
    if (!err || err_cap == 0) { /* messages still need somewhere to go */
        err = scratch;
        err_cap = sizeof scratch;
    }
    memset(r, 0, sizeof *r);
    /* Through fileio: a FIFO or a device named as the script is refused at
     * once instead of blocking the start. */
    FileData d;
    FileioError e = fileio_read(path, REPLAY_MAX_FILE_BYTES, &d);
    if (e != FILEIO_OK) {
        snprintf(err, err_cap, "%s: %s", path,
                 e == FILEIO_TOO_LARGE ? "too large for a replay script" : "cannot open: ");
        if (e != FILEIO_TOO_LARGE) {
            size_t n = strlen(err);
            snprintf(err + n, err_cap - n, "%s", fileio_error_text(e, d.sys_errno));
        }
        return false;
    }
    bool ok = replay_parse(r, path, d.bytes, d.len, err, err_cap);
    fileio_data_free(&d);
    return ok;
}

void replay_free(Replay *r)
{
    for (size_t i = 0; i < r->count; i++)
        free(r->items[i].path);
    free(r->items);
    memset(r, 0, sizeof *r);
}

/* ---- the cursor ------------------------------------------------------------------------------- */

const ReplayItem *replay_next_due(Replay *r, double now_ms)
{
    if (replay_done(r) || !(r->items[r->cursor].t_ms <= now_ms))
        return NULL;
    const ReplayItem *it = &r->items[r->cursor++];
    if (it->kind == REPLAY_END)
        r->cursor = r->count; /* nothing after an end is performed */
    return it;
}

double replay_next_time(const Replay *r)
{
    return replay_done(r) ? INFINITY : r->items[r->cursor].t_ms;
}

bool replay_done(const Replay *r)
{
    return r->cursor >= r->count;
}

/* ---- key names ---------------------------------------------------------------------------- */

static int key_by_name(const char *lower)
{
    static const struct {
        const char *name;
        int key;
    } keys[] = {
        {"return", KEY_RETURN},     {"enter", KEY_RETURN},      {"escape", KEY_ESCAPE},
        {"esc", KEY_ESCAPE},        {"pagedown", KEY_PAGEDOWN}, {"pageup", KEY_PAGEUP},
        {"home", KEY_HOME},         {"end", KEY_END},           {"left", KEY_LEFT},
        {"right", KEY_RIGHT},       {"up", KEY_UP},             {"down", KEY_DOWN},
        {"tab", KEY_TAB},           {"space", KEY_SPACE},       {"backspace", KEY_BACKSPACE},
        {"delete", KEY_DELETE},     {"slash", '/'},             {"period", '.'},
        {"comma", ','},             {"plus", '+'},              {"minus", '-'},
        {"equals", '='},            {"question", '?'},          {"f1", KEY_F1},
        {"f2", KEY_F2},             {"f3", KEY_F3},             {"f4", KEY_F4},
        {"f5", KEY_F5},             {"f6", KEY_F6},             {"f7", KEY_F7},
        {"f8", KEY_F8},             {"f9", KEY_F9},             {"f10", KEY_F10},
        {"f11", KEY_F11},           {"f12", KEY_F12},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(lower, keys[i].name) == 0)
            return keys[i].key;
    /* a single printable character is itself: letters, digits, "/", "?" ... */
    if (lower[0] > ' ' && lower[0] < 0x7f && lower[1] == '\0')
        return lower[0];
    return KEY_NONE;
}

static int mod_by_name(Slice s)
{
    if (slice_is(s, "ctrl") || slice_is(s, "control"))
        return MOD_CTRL;
    if (slice_is(s, "shift"))
        return MOD_SHIFT;
    if (slice_is(s, "alt") || slice_is(s, "option"))
        return MOD_ALT;
    if (slice_is(s, "gui") || slice_is(s, "cmd") || slice_is(s, "super") || slice_is(s, "meta"))
        return MOD_GUI;
    return 0;
}

/* Reads "mod+mod+" (every modifier followed by '+') from s[0..n). */
static bool parse_mods(const char *s, size_t n, int *mods)
{
    size_t i = 0;
    while (i < n) {
        const char *plus = memchr(s + i, '+', n - i);
        if (!plus)
            return false;
        int m = mod_by_name((Slice){s + i, (size_t)(plus - (s + i))});
        if (!m)
            return false;
        *mods |= m;
        i = (size_t)(plus - s) + 1;
    }
    return true;
}

int replay_key_from_name(const char *name, int *mods)
{
    int scratch;
    if (!mods)
        mods = &scratch;
    *mods = 0;
    size_t n = name ? strlen(name) : 0;
    if (n == 0)
        return KEY_NONE;
    /* The key is after the last '+', unless the name ends in '+': "ctrl++". */
    size_t key_at = n - 1;
    if (name[n - 1] != '+') {
        const char *plus = strrchr(name, '+');
        key_at = plus ? (size_t)(plus - name) + 1 : 0;
    }
    char lower[16];
    size_t key_len = n - key_at;
    if (key_len >= sizeof lower)
        return KEY_NONE;
    for (size_t i = 0; i <= key_len; i++) {
        char c = name[key_at + i];
        lower[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    int key = key_by_name(lower);
    if (key == KEY_NONE || !parse_mods(name, key_at, mods)) {
        *mods = 0;
        return KEY_NONE;
    }
    /* As the SDL shell reads a US keyboard: Shift+/ is '?', Shift+= is '+'. */
    if ((*mods & MOD_SHIFT) && key == '/') key = '?';
    if ((*mods & MOD_SHIFT) && key == '=') key = '+';
    return key;
}
