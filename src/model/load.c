/* load.c: reading, encoding repair, JSON parsing, problem locations, reports.
 *
 * cJSON keeps no positions, so a problem remembers the node it is about and,
 * once the walk is done, one pass over the text in step with the tree finds
 * the offset of every such node. Offsets become line:col at the very end. */
#include "load_internal.h"
#include "load_csv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "grow.h"
#include "utf8.h"

/* ---- the report ----------------------------------------------------------- */

static const char *const CODE_NAMES[LOAD_CODE_COUNT] = {
    "ok", "file-unreadable", "file-too-large", "file-empty", "bad-encoding", "syntax",
    "too-deep", "not-object", "bad-format", "missing-field", "wrong-type", "bad-date",
    "date-order", "bad-colour", "bad-value", "duplicate-id", "unknown-reference",
    "string-too-long", "too-many", "unknown-field", "missing-translation", "no-events",
    "out-of-memory", "image-refused", "image-missing", "typography"};

const char *load_code_name(LoadCode code)
{
    return code >= 0 && code < LOAD_CODE_COUNT ? CODE_NAMES[code] : "unknown";
}

void load_report_free(LoadReport *report)
{
    free(report->problems);
    memset(report, 0, sizeof *report);
}

bool load_report_has(const LoadReport *report, LoadSeverity at_least)
{
    for (int i = 0; i < report->count; i++)
        if (report->problems[i].severity >= at_least) return true;
    return false;
}

bool load_reload_acceptable(const LoadReport *fresh, int fresh_events, int previous_events)
{
    if (fresh->rejected || fresh_events <= 0) return false;
    bool damaged = fresh->dropped_events > 0 || load_report_has(fresh, LOAD_ERROR);
    return !damaged || (long long)fresh_events * 100 >= (long long)previous_events * LOAD_RELOAD_MIN_SHARE_PERCENT;
}

size_t load_problem_format(const LoadReport *report, const LoadProblem *p, char *buf, size_t cap)
{
    if (cap == 0) return 0;
    int n;
    if (p->line > 0 && p->col > 0)
        n = snprintf(buf, cap, "%s:%d:%d: %s%s%s", report->file, p->line, p->col, p->path,
                     p->path[0] ? ": " : "", p->message);
    else if (p->line > 0) /* a whole row of a sheet */
        n = snprintf(buf, cap, "%s:%d: %s%s%s", report->file, p->line, p->path, p->path[0] ? ": " : "",
                     p->message);
    else
        n = snprintf(buf, cap, "%s: %s%s%s", report->file, p->path, p->path[0] ? ": " : "", p->message);
    if (n < 0) return 0;
    return (size_t)n < cap ? (size_t)n : cap - 1;
}

/* Makes a stored text printable on one line: snprintf may cut a UTF-8
 * sequence, and quoted values may hold line breaks or invalid bytes. */
static void make_printable(char *s)
{
    size_t len = utf8_cut(s, strlen(s));
    s[len] = '\0';
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t n = utf8_decode(s + i, len - i, &c);
        if (c < 0x20 || c == 0x7F) s[i] = ' ';
        else if (n == 0) s[i] = '?';
        i += n ? n : 1;
    }
}

/* Adds a problem; returns its index, or -1 when only counted. */
static int report_add(LoadReport *r, LoadCode code, LoadSeverity sev, const char *path, const char *message)
{
    r->total++;
    if (sev == LOAD_FATAL) r->rejected = true;
    if (r->count >= LOAD_MAX_STORED_PROBLEMS) return -1;
    if (!grow_array_int((void **)&r->problems, &r->cap, r->count + 1, sizeof *r->problems)) return -1;
    LoadProblem *p = &r->problems[r->count];
    memset(p, 0, sizeof *p);
    p->code = code;
    p->severity = sev;
    snprintf(p->path, sizeof p->path, "%s", path ? path : "");
    snprintf(p->message, sizeof p->message, "%s", message);
    make_printable(p->path);
    make_printable(p->message);
    return r->count++;
}

static void remember_location(Loader *L, const cJSON *node, int problem)
{
    if (!node || problem < 0) return;
    if (!grow_array_int((void **)&L->pending, &L->pending_cap, L->pending_count + 1, sizeof *L->pending)) return;
    L->pending[L->pending_count++] = (PendingLocation){node, problem};
}

void loader_problem(Loader *L, const cJSON *node, LoadCode code, LoadSeverity sev, const char *path,
                    const char *fmt, ...)
{
    char message[LOAD_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    remember_location(L, node, report_add(L->report, code, sev, path, message));
}

/* A problem at a byte offset of the text (encoding and syntax errors). */
static void problem_at_offset(Loader *L, size_t offset, LoadCode code, LoadSeverity sev, const char *message);

/* ---- small helpers shared by the format walkers ------------------------------ */

/* Paths are built for every field read, problem or not, so they are
 * joined by hand: snprintf's format machinery was a sixth of a large load. */
static size_t append(char *out, size_t cap, size_t at, const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n]) n++;
    if (at + n >= cap) n = at < cap ? cap - 1 - at : 0;
    memcpy(out + at, s, n);
    out[at + n] = '\0';
    return at + n;
}

void loader_path_key(char *out, size_t cap, const char *path, const char *key)
{
    if (cap == 0) return;
    size_t at = append(out, cap, 0, path, cap);
    if (path[0]) at = append(out, cap, at, ".", 1);
    append(out, cap, at, key, 40);
}

void loader_path_index(char *out, size_t cap, const char *path, int index)
{
    if (cap == 0) return;
    char digits[16];
    int n = 0;
    unsigned v = index < 0 ? 0u - (unsigned)index : (unsigned)index;
    do digits[n++] = (char)('0' + v % 10); while ((v /= 10) && n < 12);
    if (index < 0) digits[n++] = '-';
    char number[18] = "[";
    for (int i = 0; i < n; i++) number[1 + i] = digits[n - 1 - i];
    number[1 + n] = ']';
    number[2 + n] = '\0';
    size_t at = append(out, cap, 0, path, cap);
    append(out, cap, at, number, sizeof number);
}

void loader_describe(const cJSON *node, char *buf, size_t cap)
{
    if (!node) snprintf(buf, cap, "nothing");
    else if (cJSON_IsString(node)) {
        const char *s = node->valuestring;
        snprintf(buf, cap, strlen(s) > 40 ? "\"%.40s...\"" : "\"%s\"", s);
    } else if (cJSON_IsNumber(node)) snprintf(buf, cap, "the number %g", node->valuedouble);
    else if (cJSON_IsBool(node)) snprintf(buf, cap, cJSON_IsTrue(node) ? "true" : "false");
    else if (cJSON_IsNull(node)) snprintf(buf, cap, "null");
    else if (cJSON_IsArray(node)) snprintf(buf, cap, "an array");
    else snprintf(buf, cap, "an object");
}

/* ---- line and column ---------------------------------------------------------- */

/* Length of the UTF-8 byte order mark at the start of text, or 0. cJSON
 * skips it, so the scanner and the line counter do too. */
static size_t bom_length(const char *text, size_t len)
{
    return len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* Line and column (in characters, not bytes) of a byte offset. Locations are
 * asked for in increasing order, so the cursor moves forward from the last
 * answer and the whole load counts each byte about once. */
static void line_col(Loader *L, size_t offset, int *line, int *col)
{
    LineCursor *c = &L->cursor;
    if (offset > L->len) offset = L->len;
    if (offset < c->offset || c->line == 0) {
        /* Editors do not show a byte order mark: column 1 comes after it. */
        size_t bom = bom_length(L->text, L->len);
        *c = (LineCursor){offset < bom ? 0 : bom, 1, 1};
    }
    /* Events already read may have been given back (load_feed.c): what
     * lies past them is counted from where they ended. */
    if (L->resume.line && offset >= L->resume.offset && c->offset < L->resume.offset) *c = L->resume;
    for (size_t i = c->offset; i < offset; i++) {
        unsigned char ch = (unsigned char)L->text[i];
        if (ch == '\n') {
            c->line++;
            c->col = 1;
        } else if ((ch & 0xC0) != 0x80) {
            c->col++;
        }
    }
    c->offset = offset;
    *line = c->line;
    *col = c->col;
}

void loader_line_col(Loader *L, size_t offset, int *line, int *col)
{
    line_col(L, offset, line, col);
}

static void problem_at_offset(Loader *L, size_t offset, LoadCode code, LoadSeverity sev, const char *message)
{
    int index = report_add(L->report, code, sev, "", message);
    if (index < 0) return;
    line_col(L, offset, &L->report->problems[index].line, &L->report->problems[index].col);
}

/* ---- finding nodes in the text -------------------------------------------------- */

/* Walks a text in step with a tree. The text may be the shell of a
 * streamed file (the "events" array left out as "[]"): an offset past the
 * array then lies gap bytes further in the file. Only the pending problems
 * in [from, to) are looked at (sorted by node). */
typedef struct Scanner {
    const char *text;
    size_t len, pos;
    size_t gap_at, gap;        /* offsets >= gap_at are gap bytes further in the file */
    int from, to;
    Loader *L;
} Scanner;

static void skip_space(Scanner *s)
{
    s->pos = json_skip_space(s->text, s->pos, s->len);
}

static void skip_value(Scanner *s)
{
    s->pos = json_skip_value(s->text, s->pos, s->len);
}

static int by_node(const void *a, const void *b)
{
    const PendingLocation *p = a, *q = b;
    if (p->node != q->node) return (uintptr_t)p->node < (uintptr_t)q->node ? -1 : 1;
    return p->problem - q->problem;
}

/* Gives every pending problem about this node the node's offset. The
 * pending list is sorted by node, so this costs log(problems) per node. */
static void settle_node(Scanner *s, const cJSON *node)
{
    Loader *L = s->L;
    int lo = s->from, hi = s->to;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if ((uintptr_t)L->pending[mid].node < (uintptr_t)node) lo = mid + 1;
        else hi = mid;
    }
    size_t offset = s->pos >= s->gap_at ? s->pos + s->gap : s->pos;
    for (int i = lo; i < s->to && L->pending[i].node == node; i++) {
        LoadProblem *p = &L->report->problems[L->pending[i].problem];
        line_col(L, offset, &p->line, &p->col);
    }
}

/* Walks the text in step with the tree (cJSON keeps document order). Depth
 * is bounded by LOAD_MAX_DEPTH, checked before parsing. */
static void scan_value(Scanner *s, const cJSON *node)
{
    skip_space(s);
    settle_node(s, node);
    if (cJSON_IsObject(node) || cJSON_IsArray(node)) {
        s->pos++; /* '{' or '[' */
        for (const cJSON *child = node->child; child; child = child->next) {
            skip_space(s);
            if (cJSON_IsObject(node)) {
                skip_value(s); /* the key */
                skip_space(s);
                s->pos++; /* ':' */
            }
            scan_value(s, child);
            skip_space(s);
            if (s->pos < s->len && s->text[s->pos] == ',') s->pos++;
        }
        skip_space(s);
        s->pos++; /* '}' or ']' */
    } else {
        skip_value(s);
    }
}

/* The root's problems, once the walk is done: the tree was parsed from the
 * shell when the events were streamed. */
static void settle_locations(Loader *L, const cJSON *root, const char *text, size_t len)
{
    if (L->pending_count == 0) return;
    qsort(L->pending, (size_t)L->pending_count, sizeof *L->pending, by_node);
    Scanner s = {text, len, bom_length(text, len), SIZE_MAX, 0, 0, L->pending_count, L};
    if (L->events.streamed) {
        s.gap_at = L->events.start + 2;
        s.gap = L->events.end - L->events.start - 2;
    }
    scan_value(&s, root);
}

void loader_settle_subtree(Loader *L, const cJSON *node, size_t offset, int from)
{
    if (L->pending_count > from) {
        qsort(L->pending + from, (size_t)(L->pending_count - from), sizeof *L->pending, by_node);
        Scanner s = {L->text, L->len, offset, SIZE_MAX, 0, from, L->pending_count, L};
        scan_value(&s, node);
    }
    L->pending_count = from;
}

/* ---- encoding, depth and syntax ------------------------------------------------- */

/* Replaces invalid UTF-8 and NUL bytes with '?' in place (keeping every
 * offset) and reports the first of each kind. */
static void repair_encoding(Loader *L, char *text, size_t len)
{
    bool reported_utf8 = false, reported_nul = false;
    size_t i = 0;
    while (i < len) {
        unsigned char *p = (unsigned char *)text + i;
        if (*p >= 0x01 && *p < 0x80) { /* ASCII, most of a file: no decoding */
            i++;
            continue;
        }
        uint32_t c;
        size_t n = *p == 0 ? 0 : utf8_decode(text + i, len - i, &c);
        if (n > 0) {
            i += n;
            continue;
        }
        bool nul = *p == 0;
        if (nul ? !reported_nul : !reported_utf8) {
            problem_at_offset(L, i, LOAD_BAD_ENCODING, LOAD_ERROR,
                              nul ? "a NUL byte is not allowed in a JSON file; it was replaced by '?'"
                                  : "invalid UTF-8 (the file must be saved as UTF-8); bad bytes were replaced by '?'");
            if (nul) reported_nul = true;
            else reported_utf8 = true;
        }
        *p = '?';
        i++;
    }
}

/* ---- strict JSON: depth and syntax, located to the character ------------------- */

/* cJSON is lenient (control characters count as spaces, raw line breaks
 * may sit inside strings) and, when it fails, its position is often one
 * character late or just "the last byte". So a strict RFC 8259 pass comes
 * first: it finds the first thing wrong, exactly where it is, and says what
 * it is. Only text that passes reaches cJSON, and nesting is bounded by
 * LOAD_MAX_DEPTH before anything recurses. */

typedef struct JsonCheck {
    const char *t;
    size_t len, pos;
    size_t err_pos;
    LoadCode err_code;
    char msg[LOAD_MESSAGE_MAX];
    bool has_nul_escape;       /* a "\u0000": cJSON cuts the string there */
    size_t nul_escape;
    size_t values;             /* every value so far: the cJSON nodes the tree will need */
} JsonCheck;

static bool is_json_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void check_skip_space(JsonCheck *j)
{
    while (j->pos < j->len && is_json_space(j->t[j->pos])) j->pos++;
}

static bool check_fail(JsonCheck *j, size_t pos, LoadCode code, const char *msg)
{
    j->err_pos = pos;
    j->err_code = code;
    snprintf(j->msg, sizeof j->msg, "%s", msg);
    return false;
}

/* The end of the file, placed just after its last non-space character so
 * the location names a line the author can see. */
static bool check_fail_end(JsonCheck *j)
{
    size_t pos = j->len;
    while (pos > 0 && is_json_space(j->t[pos - 1])) pos--;
    return check_fail(j, pos, LOAD_SYNTAX,
                      "invalid JSON: the file ends too early (a missing '}', ']' or '\"'?)");
}

/* "word" at the position, for messages: a run of letters and digits, or one
 * character (a whole UTF-8 sequence). */
static void check_near(const JsonCheck *j, size_t pos, char *out, size_t cap)
{
    size_t n = 0;
    while (pos + n < j->len && n < 24 &&
           (((unsigned char)j->t[pos + n] >= 0x80) || (j->t[pos + n] >= 'a' && j->t[pos + n] <= 'z') ||
            (j->t[pos + n] >= 'A' && j->t[pos + n] <= 'Z') || (j->t[pos + n] >= '0' && j->t[pos + n] <= '9') ||
            j->t[pos + n] == '_'))
        n++;
    if (n == 0) n = 1;
    while (n > 0 && pos + n < j->len && ((unsigned char)j->t[pos + n] & 0xC0) == 0x80) n++; /* whole characters */
    if (n > cap - 1) n = cap - 1;
    while (n > 0 && ((unsigned char)j->t[pos + n] & 0xC0) == 0x80) n--;
    memcpy(out, j->t + pos, n);
    out[n] = '\0';
}

/* Says what is wrong with the character found where a value (or a key) was
 * expected. */
static bool check_fail_unexpected(JsonCheck *j, bool want_key)
{
    char c = j->t[j->pos];
    if (c == '\'')
        return check_fail(j, j->pos, LOAD_SYNTAX, "invalid JSON: strings and keys need double quotes, found a single quote");
    if (c == '/')
        return check_fail(j, j->pos, LOAD_SYNTAX, "invalid JSON: comments are not allowed in JSON");
    if ((unsigned char)c < 0x20)
        return check_fail(j, j->pos, LOAD_SYNTAX, "invalid JSON: a control character outside a string");
    if (!want_key && (c == '}' || c == ']' || c == ',')) {
        char message[80];
        snprintf(message, sizeof message, "invalid JSON: expected a value before '%c'", c);
        return check_fail(j, j->pos, LOAD_SYNTAX, message);
    }
    char near[32], message[LOAD_MESSAGE_MAX];
    check_near(j, j->pos, near, sizeof near);
    if (want_key)
        snprintf(message, sizeof message, "invalid JSON: expected a key in double quotes, found '%s'", near);
    else
        snprintf(message, sizeof message,
                 "invalid JSON: expected a value (a \"string\", a number, {...}, [...], true, false or null), found '%s'",
                 near);
    return check_fail(j, j->pos, LOAD_SYNTAX, message);
}

static int hex4(const char *s)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

/* A string at j->pos (on its opening quote). */
static bool check_string(JsonCheck *j)
{
    size_t start = j->pos++;
    while (j->pos < j->len) {
        unsigned char ch = (unsigned char)j->t[j->pos];
        if (ch == '"') {
            j->pos++;
            return true;
        }
        if (ch == '\n' || ch == '\r')
            return check_fail(j, j->pos, LOAD_SYNTAX,
                              "invalid JSON: a line break inside a string (a missing '\"'? write a line break as \\n)");
        if (ch < 0x20)
            return check_fail(j, j->pos, LOAD_SYNTAX,
                              "invalid JSON: a control character (such as a tab) inside a string; write it as \\t or \\uXXXX");
        if (ch != '\\') {
            j->pos++;
            continue;
        }
        if (j->pos + 1 >= j->len) break;
        char esc = j->t[j->pos + 1];
        if (esc && strchr("\"\\/bfnrt", esc)) {
            j->pos += 2;
            continue;
        }
        int u = esc == 'u' && j->pos + 6 <= j->len ? hex4(j->t + j->pos + 2) : -1;
        if (u < 0)
            return check_fail(j, j->pos, LOAD_SYNTAX,
                              "invalid JSON: an unknown escape in a string (write a backslash as \\\\)");
        if (u >= 0xDC00 && u <= 0xDFFF)
            return check_fail(j, j->pos, LOAD_SYNTAX, "invalid JSON: a \\u escape holds half a character (a lone surrogate)");
        if (u >= 0xD800 && u <= 0xDBFF) {
            int low = j->pos + 12 <= j->len && j->t[j->pos + 6] == '\\' && j->t[j->pos + 7] == 'u'
                          ? hex4(j->t + j->pos + 8) : -1;
            if (low < 0xDC00 || low > 0xDFFF)
                return check_fail(j, j->pos, LOAD_SYNTAX,
                                  "invalid JSON: a \\u escape holds half a character (a lone surrogate)");
            j->pos += 6;
        }
        if (u == 0 && !j->has_nul_escape) {
            j->has_nul_escape = true;
            j->nul_escape = j->pos;
        }
        j->pos += 6;
    }
    return check_fail(j, start, LOAD_SYNTAX, "invalid JSON: this string never ends (a missing '\"')");
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool check_number(JsonCheck *j)
{
    size_t start = j->pos, p = j->pos;
    const char *t = j->t;
    if (p < j->len && t[p] == '-') p++;
    if (p < j->len && t[p] == '0') p++;
    else if (p < j->len && is_digit(t[p])) while (p < j->len && is_digit(t[p])) p++;
    else goto bad;
    if (p < j->len && t[p] == '.') {
        p++;
        if (!(p < j->len && is_digit(t[p]))) goto bad;
        while (p < j->len && is_digit(t[p])) p++;
    }
    if (p < j->len && (t[p] == 'e' || t[p] == 'E')) {
        p++;
        if (p < j->len && (t[p] == '+' || t[p] == '-')) p++;
        if (!(p < j->len && is_digit(t[p]))) goto bad;
        while (p < j->len && is_digit(t[p])) p++;
    }
    if (p < j->len && is_digit(t[p])) goto bad; /* a leading zero: 012 */
    j->pos = p;
    return true;
bad:
    return check_fail(j, start, LOAD_SYNTAX, "invalid JSON: a malformed number (such as 012, 1. or .5)");
}

static bool check_literal(JsonCheck *j, const char *word)
{
    size_t n = strlen(word);
    if (j->len - j->pos >= n && memcmp(j->t + j->pos, word, n) == 0) {
        j->pos += n;
        return true;
    }
    return check_fail_unexpected(j, false);
}

typedef enum CheckState { WANT_VALUE, WANT_KEY, AFTER_VALUE } CheckState;

/* The open objects and arrays, innermost last. */
typedef struct Nesting {
    char open[LOAD_MAX_DEPTH];
    int depth;
} Nesting;

/* A key and its ':' inside an object. */
static bool check_key(JsonCheck *j, CheckState *state)
{
    if (j->t[j->pos] != '"') return check_fail_unexpected(j, true);
    if (!check_string(j)) return false;
    check_skip_space(j);
    if (j->pos >= j->len) return check_fail_end(j);
    if (j->t[j->pos] != ':') return check_fail(j, j->pos, LOAD_SYNTAX, "invalid JSON: expected ':' after the key");
    j->pos++;
    *state = WANT_VALUE;
    return true;
}

/* '{' or '[' (an empty one closes at once). */
static bool check_open(JsonCheck *j, Nesting *n, CheckState *state)
{
    char c = j->t[j->pos];
    if (n->depth == LOAD_MAX_DEPTH) {
        char message[96];
        snprintf(message, sizeof message, "nesting deeper than %d levels; the file was rejected", LOAD_MAX_DEPTH);
        return check_fail(j, j->pos, LOAD_TOO_DEEP, message);
    }
    n->open[n->depth++] = c;
    j->pos++;
    check_skip_space(j);
    if (j->pos < j->len && j->t[j->pos] == (c == '{' ? '}' : ']')) {
        j->pos++;
        n->depth--;
        *state = AFTER_VALUE;
    } else {
        *state = c == '{' ? WANT_KEY : WANT_VALUE;
    }
    return true;
}

/* The tree costs about 80 bytes a value whatever the value's size, so a
 * file of "0," (2 bytes a value) would need 40 times its size. The count is
 * bounded here, before cJSON builds anything. */
static bool check_value_count(JsonCheck *j)
{
    if (++j->values <= LOAD_MAX_JSON_VALUES) return true;
    char message[LOAD_MESSAGE_MAX];
    snprintf(message, sizeof message,
             "more than %d JSON values (strings, numbers, objects, lists); the file was rejected before "
             "building it in memory", LOAD_MAX_JSON_VALUES);
    return check_fail(j, j->pos, LOAD_TOO_MANY, message);
}

static bool check_value(JsonCheck *j, Nesting *n, CheckState *state)
{
    if (!check_value_count(j)) return false;
    char c = j->t[j->pos];
    if (c == '{' || c == '[') return check_open(j, n, state);
    bool ok = c == '"'                 ? check_string(j)
              : c == '-' || is_digit(c) ? check_number(j)
              : c == 't'                ? check_literal(j, "true")
              : c == 'f'                ? check_literal(j, "false")
              : c == 'n'                ? check_literal(j, "null")
                                        : check_fail_unexpected(j, false);
    *state = AFTER_VALUE;
    return ok;
}

/* After a value inside an object or array: ',' or the closing bracket. */
static bool check_after_value(JsonCheck *j, Nesting *n, CheckState *state)
{
    char c = j->t[j->pos];
    char close = n->open[n->depth - 1] == '{' ? '}' : ']';
    char message[96];
    if (c == close) {
        j->pos++;
        n->depth--;
        return true;
    }
    if (c != ',') {
        snprintf(message, sizeof message, "invalid JSON: expected ',' or '%c' here (a missing comma?)", close);
        return check_fail(j, j->pos, LOAD_SYNTAX, message);
    }
    size_t comma = j->pos++;
    check_skip_space(j);
    if (j->pos < j->len && (j->t[j->pos] == '}' || j->t[j->pos] == ']')) {
        snprintf(message, sizeof message, "invalid JSON: a comma before '%c' (remove the trailing comma)", j->t[j->pos]);
        return check_fail(j, comma, LOAD_SYNTAX, message);
    }
    *state = close == '}' ? WANT_KEY : WANT_VALUE;
    return true;
}

/* Checks the whole text from start; false with j->err_* set on the first
 * problem. Iterative, with an explicit stack as deep as the limit. */
static bool check_json(JsonCheck *j, size_t start)
{
    Nesting n = {.depth = 0};
    CheckState state = WANT_VALUE;
    j->pos = start;
    for (;;) {
        check_skip_space(j);
        if (state == AFTER_VALUE && n.depth == 0) {
            if (j->pos < j->len)
                return check_fail(j, j->pos, LOAD_SYNTAX, "invalid JSON: more text after the end of the top-level value");
            return true;
        }
        if (j->pos >= j->len) return check_fail_end(j);
        bool ok = state == WANT_KEY     ? check_key(j, &state)
                  : state == WANT_VALUE ? check_value(j, &n, &state)
                                        : check_after_value(j, &n, &state);
        if (!ok) return false;
    }
}

static cJSON *parse_json(Loader *L)
{
    JsonCheck j = {.t = L->text, .len = L->len};
    if (!check_json(&j, bom_length(L->text, L->len))) {
        problem_at_offset(L, j.err_pos, j.err_code, LOAD_FATAL, j.msg);
        return NULL;
    }
    if (j.has_nul_escape)
        problem_at_offset(L, j.nul_escape, LOAD_BAD_ENCODING, LOAD_ERROR,
                          "a \\u0000 escape (a NUL character) is not allowed; the text was cut there");
    /* A tree of every event would cost about 80 bytes a value next to the
     * timeline being built: the events are parsed one at a time instead
     * (load_feed.c), and the tree here is the rest of the document. */
    cJSON *root = NULL;
    if (loader_find_events(L->text, L->len, bom_length(L->text, L->len), &L->events)) {
        if (loader_build_shell(L))
            root = cJSON_ParseWithLength(L->shell, L->shell_len);
    } else {
        root = cJSON_ParseWithLength(L->text, L->len);
    }
    if (!root) /* the text is valid JSON, so only memory can be short */
        problem_at_offset(L, 0, LOAD_OUT_OF_MEMORY, LOAD_FATAL, "could not build the JSON tree (out of memory?)");
    return root;
}

/* ---- the whole load -------------------------------------------------------------- */

static bool is_blank(const char *text, size_t len)
{
    for (size_t i = bom_length(text, len); i < len; i++)
        if (!strchr(" \t\r\n", text[i]) || text[i] == '\0') return false;
    return true;
}

static void walk_document(Loader *L, const cJSON *root)
{
    if (!cJSON_IsObject(root)) {
        char found[64];
        loader_describe(root, found, sizeof found);
        loader_problem(L, root, LOAD_NOT_OBJECT, LOAD_FATAL, "",
                       "expected a JSON object with \"format\", \"title\" and \"events\", found %s", found);
        return;
    }
    if (load_is_timelinejs(L, root)) load_timelinejs(L, root);
    else load_frise(L, root);
}

static bool load_text(Loader *L, char *text, size_t len)
{
    L->text = text;
    L->len = len;
    if (is_blank(text, len)) {
        loader_problem(L, NULL, LOAD_FILE_EMPTY, LOAD_FATAL, "", "the file is empty; expected a JSON timeline");
        return false;
    }
    if (len >= 2 && (((unsigned char)text[0] == 0xFF && (unsigned char)text[1] == 0xFE) ||
                     ((unsigned char)text[0] == 0xFE && (unsigned char)text[1] == 0xFF))) {
        /* Repairing it byte by byte would bury the one useful message. */
        problem_at_offset(L, 0, LOAD_BAD_ENCODING, LOAD_FATAL,
                          "the file is UTF-16 (\"Unicode\" in some editors); save it as UTF-8");
        return false;
    }
    repair_encoding(L, text, len);
    cJSON *root = parse_json(L);
    if (!root) {
        free(L->shell);
        L->shell = NULL;
        return false;
    }
    walk_document(L, root);
    if (L->events.streamed) settle_locations(L, root, L->shell, L->shell_len);
    else settle_locations(L, root, L->text, L->len);
    cJSON_Delete(root);
    free(L->shell);
    L->shell = NULL;
    return !L->report->rejected;
}

/* Orders problems by position, keeping the walk's order for equal ones. */
static int by_position(const void *a, const void *b)
{
    const LoadProblem *p = a, *q = b;
    if (p->line != q->line) return p->line < q->line ? -1 : 1;
    if (p->col != q->col) return p->col < q->col ? -1 : 1;
    return 0;
}

static void finish_report(Loader *L)
{
    LoadReport *r = L->report;
    /* A stable insertion sort: problems at one place keep the walk's order,
     * and the list is short (at most LOAD_MAX_STORED_PROBLEMS). */
    for (int i = 1; i < r->count; i++) {
        LoadProblem key = r->problems[i];
        int j = i - 1;
        while (j >= 0 && by_position(&r->problems[j], &key) > 0) {
            r->problems[j + 1] = r->problems[j];
            j--;
        }
        r->problems[j + 1] = key;
    }
    free(L->pending);
    L->pending = NULL;
    loader_paths_free(L);
    if (r->rejected) timeline_free(L->tl);
}

/* Loads text that the loader may change in place (encoding repair) and
 * whose read events it may give back to the system (load_feed.c): the
 * caller keeps ownership, and frees it unread. */
static bool load_buffer(const char *name, char *text, size_t len, const char *base_dir, const LoadOptions *opt,
                        Timeline *out, LoadReport *report)
{
    Loader L = {.name = name, .base_dir = base_dir, .tl = out, .report = report, .may_discard = true};
    if (opt) L.opt = *opt;
    bool ok = load_text(&L, text, len);
    finish_report(&L);
    return ok;
}

bool load_timeline_memory(const char *name, const char *data, size_t len, const char *base_dir,
                          const LoadOptions *opt, Timeline *out, LoadReport *report)
{
    if (load_looks_like_csv(data, len)) return load_csv_memory(name, data, len, base_dir, opt, out, report);
    memset(out, 0, sizeof *out);
    memset(report, 0, sizeof *report);
    snprintf(report->file, sizeof report->file, "%s", name);
    char *copy = malloc(len + 1);
    if (!copy) {
        Loader L = {.name = name, .tl = out, .report = report};
        loader_problem(&L, NULL, LOAD_OUT_OF_MEMORY, LOAD_FATAL, "", "out of memory reading %zu bytes", len);
        return false;
    }
    if (len) memcpy(copy, data, len);
    copy[len] = '\0';
    bool ok = load_buffer(name, copy, len, base_dir, opt, out, report);
    free(copy);
    return ok;
}

/* ---- files --------------------------------------------------------------------- */

static void dir_of(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash) snprintf(out, cap, ".");
    else snprintf(out, cap, "%.*s", (int)(slash - path == 0 ? 1 : slash - path), path);
}

/* Reads a whole regular file through fileio (no waiting on a FIFO, no
 * device, the size bound checked before reading); reports and returns false
 * on failure. */
static bool read_file(const char *path, FileData *data, LoadReport *report)
{
    Loader L = {.name = path, .report = report};
    FileioError e = fileio_read(path, LOAD_MAX_FILE_BYTES, data);
    if (e == FILEIO_OK) return true;
    if (e == FILEIO_TOO_LARGE)
        loader_problem(&L, NULL, LOAD_FILE_TOO_LARGE, LOAD_FATAL, "",
                       "the file is %lld bytes; the limit is %d bytes (64 MiB)", (long long)data->file_bytes,
                       LOAD_MAX_FILE_BYTES);
    else if (e == FILEIO_DIRECTORY)
        loader_problem(&L, NULL, LOAD_FILE_UNREADABLE, LOAD_FATAL, "", "this is a folder, not a timeline file");
    else if (e == FILEIO_NO_MEMORY)
        loader_problem(&L, NULL, LOAD_OUT_OF_MEMORY, LOAD_FATAL, "", "out of memory reading the file");
    else
        loader_problem(&L, NULL, LOAD_FILE_UNREADABLE, LOAD_FATAL, "", "cannot open the file: %s",
                       fileio_error_text(e, data->sys_errno));
    return false;
}

void loader_spill_large_texts(Timeline *tl, long long file_bytes)
{
    char dir[512];
    if (file_bytes >= LOAD_SPILL_MIN_BYTES && spill_default_dir(dir, sizeof dir)) arena_spill_texts(&tl->arena, dir);
}

bool load_timeline_file(const char *path, const LoadOptions *opt, Timeline *out, LoadReport *report)
{
    /* A spreadsheet is streamed, so it may pass the JSON size limit. */
    if (load_csv_path_is_csv(path)) return load_csv_file(path, opt, out, report);
    memset(out, 0, sizeof *out);
    memset(report, 0, sizeof *report);
    snprintf(report->file, sizeof report->file, "%s", path);
    FileData data;
    if (!read_file(path, &data, report)) return false;
    char base_dir[512];
    dir_of(path, base_dir, sizeof base_dir);
    loader_spill_large_texts(out, (long long)data.len);
    /* The file's own buffer is loaded in place: a second copy of a 64 MiB
     * file would be 64 MiB more at the peak. */
    bool ok = load_looks_like_csv(data.bytes, data.len) /* a spreadsheet named .txt, or without an extension */
                  ? load_csv_memory(path, data.bytes, data.len, base_dir, opt, out, report)
                  : load_buffer(path, data.bytes, data.len, base_dir, opt, out, report);
    fileio_data_free(&data);
    return ok;
}
