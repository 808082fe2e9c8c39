/* load_csv.c: spreadsheets saved as CSV, streamed through libcsv into a Timeline.
 *
 * A teacher's timeline often lives in a spreadsheet: TimelineJS made that
 * the way to write one. This reader takes the sheet as the spreadsheet
 * saved it, quirks included: a byte order mark or none, CRLF, quoted cells
 * holding commas and line breaks, ';' between cells from a French-locale
 * spreadsheet, Excel's "sep=;" first line, blank rows, empty columns at the
 * end, and even Excel's Windows-1252 "CSV" instead of UTF-8.
 *
 * The sheet is never held whole. libcsv hands over one cell at a time; the
 * cells of the row being read wait in one buffer reused from row to row,
 * and when the row ends it becomes an event (or the title, an era, a
 * category) whose strings are copied into the timeline's arena. The event
 * array is sized once from a count of the file's lines, made before
 * parsing, so it never moves and its unused tail is never touched.
 *
 * A spreadsheet user thinks in rows and columns, so every problem is located
 * as FILE:ROW:COLUMN, the row as the spreadsheet numbers it (a cell with line
 * breaks is still one row) and the column counted from 1, with the column's
 * name as written in the header as the problem's path.
 *
 * Contents: limits and columns; problems; cell text (encoding, HTML); the
 * header; dates; rows (title, era, category, event) in both layouts; libcsv
 * callbacks; finishing; the entry points. */
#define _POSIX_C_SOURCE 200809L

#include "load_csv.h"

#include "ascii.h"
#include "colour.h"
#include "html.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "grow.h"
#include "load_fields.h"
#include "utf8.h"

/* ---- columns ------------------------------------------------------------------ */

typedef enum Layout { LAYOUT_NONE = 0, LAYOUT_TIMELINEJS = 1, LAYOUT_PLAIN = 2, LAYOUT_BOTH = 3 } Layout;

typedef enum Col {
    COL_NONE, /* unnamed or unknown: its cells are not kept */
    COL_TYPE, /* both layouts */
    /* TimelineJS */
    COL_YEAR, COL_MONTH, COL_DAY, COL_TIME, COL_END_YEAR, COL_END_MONTH, COL_END_DAY, COL_END_TIME,
    COL_DISPLAY_DATE, COL_HEADLINE, COL_TEXT, COL_MEDIA, COL_MEDIA_CREDIT, COL_MEDIA_CAPTION, COL_MEDIA_THUMBNAIL,
    COL_GROUP, COL_BACKGROUND,
    /* plain */
    COL_ID, COL_START, COL_END, COL_TITLE, COL_SUMMARY, COL_BODY, COL_NOTE, COL_CATEGORY, COL_TAGS, COL_CERTAINTY,
    COL_IMPORTANCE, COL_SOURCE, COL_SOURCE_URL, COL_IMAGE, COL_IMAGE_CREDIT, COL_IMAGE_ALT, COL_LANE, COL_COLOUR,
    COL_SHAPE,
    COL_COUNT
} Col;

/* What a row is, from its Type cell. */
typedef enum RowKind { ROW_EVENT, ROW_TITLE, ROW_ERA, ROW_CATEGORY, ROW_KIND_COUNT } RowKind;

enum { ON_EVENT = 1 << ROW_EVENT, ON_TITLE = 1 << ROW_TITLE, ON_ERA = 1 << ROW_ERA, ON_CATEGORY = 1 << ROW_CATEGORY };

static const char *const ROW_KIND_NAMES[ROW_KIND_COUNT] = {"event", "title", "era", "category"};

/* Every column either layout knows. Names are compared in lower case with
 * '_' read as a space and runs of spaces as one, so "End Year", "end_year"
 * and "END  YEAR" are one column. A value in a column that is not used on
 * its kind of row is reported once (with `why`, when there is more to say)
 * and ignored. */
typedef struct ColumnSpec {
    const char *name;
    Col col;
    Layout layouts;
    bool translatable;   /* plain layout: may carry a language suffix, "title.fr" */
    unsigned used_on;    /* ON_* */
    const char *why;     /* why it is not used, for the message */
} ColumnSpec;

static const ColumnSpec COLUMNS[] = {
    {"type", COL_TYPE, LAYOUT_BOTH, false, ON_EVENT | ON_TITLE | ON_ERA | ON_CATEGORY, NULL},
    {"year", COL_YEAR, LAYOUT_TIMELINEJS, false, ON_EVENT | ON_ERA, NULL},
    {"month", COL_MONTH, LAYOUT_TIMELINEJS, false, ON_EVENT | ON_ERA, NULL},
    {"day", COL_DAY, LAYOUT_TIMELINEJS, false, ON_EVENT | ON_ERA, NULL},
    {"time", COL_TIME, LAYOUT_TIMELINEJS, false, ON_EVENT | ON_ERA, NULL},
    {"end year", COL_END_YEAR, LAYOUT_TIMELINEJS, false, ON_EVENT | ON_ERA, NULL},
    {"end month", COL_END_MONTH, LAYOUT_TIMELINEJS, false, ON_EVENT | ON_ERA, NULL},
    {"end day", COL_END_DAY, LAYOUT_TIMELINEJS, false, ON_EVENT | ON_ERA, NULL},
    {"end time", COL_END_TIME, LAYOUT_TIMELINEJS, false, ON_EVENT | ON_ERA, NULL},
    {"display date", COL_DISPLAY_DATE, LAYOUT_BOTH, true, ON_EVENT, NULL},
    {"headline", COL_HEADLINE, LAYOUT_TIMELINEJS, false, ON_EVENT | ON_TITLE | ON_ERA, NULL},
    {"text", COL_TEXT, LAYOUT_TIMELINEJS, false, ON_EVENT | ON_TITLE, "an era shows its Headline only"},
    {"media", COL_MEDIA, LAYOUT_TIMELINEJS, false, ON_EVENT, NULL},
    {"media credit", COL_MEDIA_CREDIT, LAYOUT_TIMELINEJS, false, ON_EVENT, NULL},
    {"media caption", COL_MEDIA_CAPTION, LAYOUT_TIMELINEJS, false, ON_EVENT, NULL},
    {"media thumbnail", COL_MEDIA_THUMBNAIL, LAYOUT_TIMELINEJS, false, 0, "Frise shows the Media itself"},
    {"group", COL_GROUP, LAYOUT_TIMELINEJS, false, ON_EVENT, NULL},
    {"background", COL_BACKGROUND, LAYOUT_TIMELINEJS, false, ON_ERA,
     "an event takes the colour of its Group; an era's Background is its colour"},
    {"id", COL_ID, LAYOUT_PLAIN, false, ON_EVENT | ON_ERA | ON_CATEGORY, NULL},
    {"start", COL_START, LAYOUT_PLAIN, false, ON_EVENT | ON_ERA, NULL},
    {"end", COL_END, LAYOUT_PLAIN, false, ON_EVENT | ON_ERA, NULL},
    {"title", COL_TITLE, LAYOUT_PLAIN, true, ON_EVENT | ON_TITLE | ON_ERA | ON_CATEGORY, NULL},
    {"summary", COL_SUMMARY, LAYOUT_PLAIN, true, ON_EVENT | ON_TITLE, NULL},
    {"body", COL_BODY, LAYOUT_PLAIN, true, ON_EVENT, NULL},
    {"note", COL_NOTE, LAYOUT_PLAIN, true, ON_EVENT, NULL},
    {"category", COL_CATEGORY, LAYOUT_PLAIN, false, ON_EVENT, NULL},
    {"tags", COL_TAGS, LAYOUT_PLAIN, false, ON_EVENT, NULL},
    {"certainty", COL_CERTAINTY, LAYOUT_PLAIN, false, ON_EVENT, NULL},
    {"importance", COL_IMPORTANCE, LAYOUT_PLAIN, false, ON_EVENT, NULL},
    {"source", COL_SOURCE, LAYOUT_PLAIN, false, ON_EVENT, NULL},
    {"source url", COL_SOURCE_URL, LAYOUT_PLAIN, false, ON_EVENT, NULL},
    {"image", COL_IMAGE, LAYOUT_PLAIN, false, ON_EVENT, NULL},
    {"image credit", COL_IMAGE_CREDIT, LAYOUT_PLAIN, true, ON_EVENT, NULL},
    {"image alt", COL_IMAGE_ALT, LAYOUT_PLAIN, true, ON_EVENT, NULL},
    {"lane", COL_LANE, LAYOUT_PLAIN, false, ON_ERA, NULL},
    {"colour", COL_COLOUR, LAYOUT_PLAIN, false, ON_ERA | ON_CATEGORY, NULL},
    {"color", COL_COLOUR, LAYOUT_PLAIN, false, ON_ERA | ON_CATEGORY, NULL},
    {"shape", COL_SHAPE, LAYOUT_PLAIN, false, ON_CATEGORY, NULL},
};
enum { COLUMN_SPEC_COUNT = sizeof COLUMNS / sizeof COLUMNS[0] };

enum {
    COLUMN_NAME_MAX = 48,           /* bytes of a column's name kept for messages */
    CHUNK_BYTES = 256 * 1024,       /* how much is read and parsed at a time */
    ID_MAX = 128
};

/* One column of the header. */
typedef struct Column {
    Col col;
    const ColumnSpec *spec;         /* NULL for an unnamed or unknown column */
    int lang;                       /* index into Timeline.langs (translatable plain columns) */
    char name[COLUMN_NAME_MAX];     /* as written, for messages */
    unsigned warned_on;             /* ON_* kinds where an unused value was reported */
} Column;

/* A cell of the row being read: where its text sits in the row buffer. */
typedef struct Cell {
    size_t off;
    bool present;
} Cell;

/* A category as it is collected. Categories, lanes and eras wait in
 * malloc'd arrays while the sheet is read, and are copied into the arena
 * at the end, when their number is known. */
typedef struct CategorySeen {
    Category category;
    bool defined;                   /* by a category row (plain layout), not only named by an event */
    int first_row, first_col;       /* where an event first named it */
} CategorySeen;

typedef struct CsvReader {
    Loader L;                       /* what the shared loader helpers need */
    struct csv_parser parser;
    bool parser_ready;
    char delimiter;
    Layout layout;
    bool stopped;                   /* a fatal problem: nothing more is read */

    Column *columns;                /* the header's, LOAD_CSV_MAX_COLUMNS of room */
    int column_count;
    bool header_done;
    int column_at[COL_COUNT][TIMELINE_MAX_LANGS]; /* the header column of a kind and language, or -1 */

    /* The row being read. */
    char *row_bytes;                /* its cells, each NUL-terminated */
    size_t row_len, row_cap;
    Cell *cells;                    /* LOAD_CSV_MAX_COLUMNS of room */
    int field_count;                /* cells seen in this row, also beyond the columns */
    bool row_has_text;
    bool row_bad;                   /* a cell was refused: the row is dropped */
    int rows_done;                  /* rows finished, blank ones included */
    bool after_cr;                  /* the last row ended on a CR: a LF now is its CRLF */

    /* What the sheet holds so far. */
    int event_cap;                  /* room in Timeline.events: the file's lines, at most LOAD_MAX_EVENTS */
    IdSet event_ids;                /* only for a sheet with an id column */
    CategorySeen *categories;
    int category_count, category_cap;
    Lane *lanes;
    int lane_count, lane_cap;
    Era *eras;
    int era_count, era_cap;
    IdSet era_ids;                  /* made at the first era */
    bool has_title_row;
    bool warned_encoding, warned_nul, warned_extra_columns;
} CsvReader;

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* ---- problems -------------------------------------------------------------------- */

/* Records a problem at a row and column (1-based; 0 when unknown) with a
 * path, usually the column's name. The shared report keeps its limits
 * (LOAD_MAX_STORED_PROBLEMS stored, every one counted in total). */
static void vproblem(CsvReader *R, int row, int col, const char *path, LoadCode code, LoadSeverity sev,
                     const char *fmt, va_list ap)
{
    char message[LOAD_MESSAGE_MAX];
    vsnprintf(message, sizeof message, fmt, ap);
    LoadReport *r = R->L.report;
    int before = r->count;
    loader_problem(&R->L, NULL, code, sev, path, "%s", message);
    if (r->count > before) {
        r->problems[before].line = row;
        r->problems[before].col = col;
    }
    if (r->rejected) R->stopped = true;
}

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

static void problem_at(CsvReader *R, int row, int col, const char *path, LoadCode code, LoadSeverity sev,
                       const char *fmt, ...) PRINTF_LIKE(7, 8);
static void problem_at(CsvReader *R, int row, int col, const char *path, LoadCode code, LoadSeverity sev,
                       const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vproblem(R, row, col, path, code, sev, fmt, ap);
    va_end(ap);
}

/* The row being read, as the spreadsheet numbers it. */
static int current_row(const CsvReader *R)
{
    return R->rows_done + 1;
}

static int column_index(const CsvReader *R, Col c, int lang)
{
    return c == COL_NONE ? -1 : R->column_at[c][lang];
}

/* A problem about the current row's cell of a kind of column. */
static void cell_problem(CsvReader *R, Col c, int lang, LoadCode code, LoadSeverity sev, const char *fmt, ...)
    PRINTF_LIKE(6, 7);
static void cell_problem(CsvReader *R, Col c, int lang, LoadCode code, LoadSeverity sev, const char *fmt, ...)
{
    int i = column_index(R, c, lang);
    va_list ap;
    va_start(ap, fmt);
    vproblem(R, current_row(R), i >= 0 ? i + 1 : 0, i >= 0 ? R->columns[i].name : "", code, sev, fmt, ap);
    va_end(ap);
}

/* Gives the problems added since `before` (by a shared helper that knows
 * no rows) the location of a cell. */
static void locate_since(CsvReader *R, int before, Col c, int lang)
{
    int i = column_index(R, c, lang);
    for (int k = before; k < R->L.report->count; k++) {
        R->L.report->problems[k].line = current_row(R);
        R->L.report->problems[k].col = i >= 0 ? i + 1 : 0;
    }
}

static void out_of_memory(CsvReader *R)
{
    problem_at(R, current_row(R), 0, "", LOAD_OUT_OF_MEMORY, LOAD_FATAL, "out of memory; the file was rejected");
}

/* ---- cell text: encoding -------------------------------------------------------- */

/* Windows-1252's 0x80..0x9F (Latin-1 gives the rest of 0x80..0xFF). Excel's
 * "CSV" (not "CSV UTF-8") is saved in it on Western European systems. */
static const uint16_t CP1252_HIGH[32] = {
    0x20AC, '?',    0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, '?',    0x017D, '?',    '?',    0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, '?',    0x017E, 0x0178};

static bool valid_utf8(const char *s, size_t n, bool *has_nul)
{
    *has_nul = false;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c == 0) *has_nul = true;
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (k == 0) return false;
        i += k;
    }
    return true;
}

static bool row_reserve(CsvReader *R, size_t more)
{
    if (R->row_len + more <= R->row_cap) return true;
    return grow_array((void **)&R->row_bytes, &R->row_cap, R->row_len + more, 1);
}

/* Appends a cell's bytes to the row buffer, trimmed, as UTF-8 with LF line
 * breaks: a cell that is not UTF-8 is read as Windows-1252, a NUL byte
 * becomes '?'. Each is
 * reported once for the file. Returns the cell's offset, or (size_t)-1 when
 * memory runs out. */
static size_t store_cell(CsvReader *R, const char *s, size_t n, int col)
{
    while (n > 0 && is_space(*s)) s++, n--;
    while (n > 0 && is_space(s[n - 1])) n--;
    bool has_nul;
    bool utf8 = valid_utf8(s, n, &has_nul);
    if (!row_reserve(R, (utf8 ? n : 3 * n) + 1)) return (size_t)-1;
    size_t off = R->row_len;
    char *out = R->row_bytes + off;
    size_t o = 0;
    if (utf8) {
        memcpy(out, s, n);
        for (size_t i = 0; has_nul && i < n; i++)
            if (out[i] == '\0') out[i] = '?';
        o = n;
    } else {
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            uint32_t cp = c < 0x80 ? c : c < 0xA0 ? CP1252_HIGH[c - 0x80] : c;
            o += utf8_encode(cp ? cp : '?', out + o);
        }
    }
    /* Line breaks inside a cell as Frise writes them: CRLF and CR become LF. */
    size_t w = 0;
    for (size_t i = 0; i < o; i++) {
        if (out[i] == '\r') {
            out[w++] = '\n';
            if (i + 1 < o && out[i + 1] == '\n') i++;
        } else {
            out[w++] = out[i];
        }
    }
    o = w;
    out[o] = '\0';
    R->row_len += o + 1;
    const char *name = col < R->column_count ? R->columns[col].name : "";
    if (!utf8 && !R->warned_encoding) {
        R->warned_encoding = true;
        problem_at(R, current_row(R), col + 1, name, LOAD_BAD_ENCODING, LOAD_WARNING,
                   "this cell is not UTF-8, so it was read as Windows-1252 (Excel's \"CSV\"); save the sheet as "
                   "\"CSV UTF-8\" to be sure of every character (reported once)");
    }
    if (has_nul && !R->warned_nul) {
        R->warned_nul = true;
        problem_at(R, current_row(R), col + 1, name, LOAD_BAD_ENCODING, LOAD_ERROR,
                   "a NUL byte is not allowed in a CSV file; it was replaced by '?' (reported once)");
    }
    return off;
}

/* ---- cell text: HTML ------------------------------------------------------------- */

/* ---- keeping text ------------------------------------------------------------------ */

/* A copy of s in the timeline's arena; NULL for an empty s (no text), and
 * NULL with the file rejected when memory runs out. */
static const char *keep(CsvReader *R, const char *s)
{
    if (!s[0]) return NULL;
    const char *copy = arena_strdup(&R->L.tl->arena, s);
    if (!copy) out_of_memory(R);
    return copy;
}

/* The plain text of an HTML cell (TimelineJS's layout) in the arena; NULL
 * when it holds no text, and NULL with the file rejected when memory runs
 * out. */
static const char *keep_html(CsvReader *R, const char *s)
{
    if (!s[0]) return NULL;
    const char *copy = html_to_text(&R->L.tl->arena, s);
    if (!copy) out_of_memory(R);
    return copy && copy[0] ? copy : NULL;
}

/* keep_html into the default language of t, with the text's bold, italic
 * and link runs (richtext.h): a story keeps its styles. */
static void keep_html_rich(CsvReader *R, const char *s, Text *t)
{
    text_set(R->L.tl, t, 0, NULL);
    if (!s[0]) return;
    RichText rich;
    const char *copy = html_to_rich(&R->L.tl->arena, s, &rich);
    if (!copy) out_of_memory(R);
    if (!copy || !copy[0]) return;
    text_set(R->L.tl, t, 0, copy);
    timeline_set_rich(R->L.tl, t, 0, rich); /* out of memory: the words stay, plain */
}

/* ---- the current row's cells ----------------------------------------------------------- */

/* The trimmed text of the current row's cell of a kind of column (and
 * language): "" when the sheet has no such column or the cell is empty. */
static const char *cell(const CsvReader *R, Col c, int lang)
{
    int i = column_index(R, c, lang);
    if (i < 0 || i >= R->field_count || !R->cells[i].present) return "";
    return R->row_bytes + R->cells[i].off;
}

static bool has_column(const CsvReader *R, Col c, int lang)
{
    return column_index(R, c, lang) >= 0;
}

/* The text in every language of a translatable plain column. */
static bool text_of(CsvReader *R, Col c, Text *out)
{
    memset(out, 0, sizeof *out);
    for (int l = 0; l < R->L.tl->lang_count; l++) {
        const char *s = cell(R, c, l);
        const char *kept = s[0] ? keep(R, s) : NULL;
        if (s[0] && (!kept || !text_set(R->L.tl, out, l, kept))) return false;
    }
    return true;
}

/* The first language that has a column of this kind, for locating a
 * problem about a text missing in every language. */
static int first_lang_of(const CsvReader *R, Col c)
{
    for (int l = 0; l < R->L.tl->lang_count; l++)
        if (has_column(R, c, l)) return l;
    return 0;
}

/* Reports values in columns that this kind of row does not use (once per
 * column and kind), so nothing typed in the sheet is dropped silently. */
static void check_unused(CsvReader *R, RowKind kind)
{
    for (int i = 0; i < R->column_count && i < R->field_count; i++) {
        Column *col = &R->columns[i];
        const ColumnSpec *spec = col->spec;
        if (!spec || !R->cells[i].present || !R->row_bytes[R->cells[i].off]) continue;
        /* A Display Date that only says "c." is used: it makes the date approximate. */
        if (spec->col == COL_DISPLAY_DATE && fields_display_date_approximate(R->row_bytes + R->cells[i].off)) continue;
        unsigned bit = 1u << kind;
        if ((spec->used_on & bit) || (col->warned_on & bit)) continue;
        col->warned_on |= bit;
        problem_at(R, current_row(R), i + 1, col->name, LOAD_UNKNOWN_FIELD, LOAD_WARNING,
                   "\"%s\" is not used on %s rows%s%s; ignored (reported once for the column)",
                   col->name, ROW_KIND_NAMES[kind], spec->why ? ": " : "", spec->why ? spec->why : "");
    }
}

/* ---- the header ------------------------------------------------------------------------ */

/* A header name in the form the column table uses: lower case, '_' as a
 * space, one space between words, no spaces around. */
static void normalise_name(const char *s, char *out, size_t cap)
{
    size_t o = 0;
    bool space = false;
    for (; *s && o + 1 < cap; s++) {
        char c = *s == '_' ? ' ' : ascii_lower(*s);
        if (is_space(c)) {
            space = o > 0;
            continue;
        }
        if (space && o + 2 < cap) out[o++] = ' ';
        space = false;
        out[o++] = c;
    }
    out[o] = '\0';
}

static const ColumnSpec *find_spec(const char *normalised, Layout layout)
{
    for (int k = 0; k < COLUMN_SPEC_COUNT; k++)
        if ((COLUMNS[k].layouts & layout) && strcmp(COLUMNS[k].name, normalised) == 0) return &COLUMNS[k];
    return NULL;
}

/* A BCP 47 language code as Frise takes them: 2 or 3 letters, then
 * optionally '-' and a region or script of 2 to 8 letters or digits. */
static bool valid_lang(const char *s)
{
    size_t n = 0;
    while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z')) n++;
    if (n < 2 || n > 3) return false;
    if (s[n] == '\0') return true;
    if (s[n] != '-') return false;
    size_t m = 0;
    const char *r = s + n + 1;
    while ((r[m] >= 'a' && r[m] <= 'z') || (r[m] >= 'A' && r[m] <= 'Z') || (r[m] >= '0' && r[m] <= '9')) m++;
    return m >= 2 && m <= 8 && r[m] == '\0';
}

/* Splits a plain column's name at its last '.' into the field and the
 * language: "title.fr" -> "title", "fr". *lang is "" without a suffix. */
static void split_suffix(const char *name, char *base, size_t base_cap, char *lang, size_t lang_cap)
{
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name) {
        snprintf(base, base_cap, "%s", name);
        lang[0] = '\0';
        return;
    }
    snprintf(base, base_cap, "%.*s", (int)(dot - name), name);
    snprintf(lang, lang_cap, "%s", dot + 1);
    while (lang[0] && is_space(lang[strlen(lang) - 1])) lang[strlen(lang) - 1] = '\0';
}

/* Which layout the header names more columns of; LAYOUT_NONE when none. */
static Layout choose_layout(const CsvReader *R, int count)
{
    int tljs = 0, plain = 0;
    for (int i = 0; i < count; i++) {
        if (!R->cells[i].present) continue;
        char norm[COLUMN_NAME_MAX], base[COLUMN_NAME_MAX], lang[COLUMN_NAME_MAX];
        normalise_name(R->row_bytes + R->cells[i].off, norm, sizeof norm);
        split_suffix(norm, base, sizeof base, lang, sizeof lang);
        const ColumnSpec *t = find_spec(norm, LAYOUT_TIMELINEJS), *p = find_spec(base, LAYOUT_PLAIN);
        if (t && t->layouts == LAYOUT_TIMELINEJS) tljs++;
        if (p && p->layouts == LAYOUT_PLAIN) plain++;
    }
    if (tljs == 0 && plain == 0) return LAYOUT_NONE;
    return tljs >= plain ? LAYOUT_TIMELINEJS : LAYOUT_PLAIN;
}

static int add_language(CsvReader *R, const char *code, int col)
{
    Timeline *tl = R->L.tl;
    for (int l = 0; l < tl->lang_count; l++)
        if (ascii_same_nocase(tl->langs[l], code)) return l;
    if (tl->lang_count >= TIMELINE_MAX_LANGS) {
        problem_at(R, current_row(R), col + 1, R->columns[col].name, LOAD_TOO_MANY, LOAD_WARNING,
                   "more than %d languages; the column \"%s\" was ignored", TIMELINE_MAX_LANGS, R->columns[col].name);
        return -1;
    }
    snprintf(tl->langs[tl->lang_count], TIMELINE_LANG_CODE_MAX, "%s", code);
    for (char *p = tl->langs[tl->lang_count]; *p && *p != '-'; p++) *p = ascii_lower(*p);
    return tl->lang_count++;
}

/* The languages of a plain sheet, in the order their suffixes first appear;
 * "en" when no column has one (as for TimelineJS, which has one language). */
static void read_languages(CsvReader *R)
{
    for (int i = 0; i < R->column_count; i++) {
        char norm[COLUMN_NAME_MAX], base[COLUMN_NAME_MAX], lang[COLUMN_NAME_MAX];
        normalise_name(R->columns[i].name, norm, sizeof norm);
        split_suffix(norm, base, sizeof base, lang, sizeof lang);
        const ColumnSpec *spec = find_spec(base, LAYOUT_PLAIN);
        if (lang[0] && spec && spec->translatable && valid_lang(lang)) add_language(R, lang, i);
    }
    if (R->L.tl->lang_count == 0) {
        snprintf(R->L.tl->langs[0], TIMELINE_LANG_CODE_MAX, "en");
        R->L.tl->lang_count = 1;
    }
}

/* Gives column i its kind and language, or reports why it is ignored. */
static void assign_column(CsvReader *R, int i)
{
    Column *col = &R->columns[i];
    char norm[COLUMN_NAME_MAX], base[COLUMN_NAME_MAX], lang[COLUMN_NAME_MAX];
    normalise_name(col->name, norm, sizeof norm);
    col->col = COL_NONE;
    if (!norm[0]) return; /* an unnamed column: its values are reported if there are any */
    const ColumnSpec *spec = find_spec(norm, R->layout);
    int l = 0;
    if (!spec && R->layout == LAYOUT_PLAIN) {
        split_suffix(norm, base, sizeof base, lang, sizeof lang);
        spec = find_spec(base, LAYOUT_PLAIN);
        if (spec && (!spec->translatable || !valid_lang(lang))) {
            problem_at(R, current_row(R), i + 1, col->name, LOAD_UNKNOWN_FIELD, LOAD_WARNING,
                       spec->translatable
                           ? "\"%s\" is not a language code such as \"fr\" or \"pt-BR\"; the column was ignored"
                           : "the column \"%s\" has no translations; the column was ignored",
                       spec->translatable ? lang : base);
            return;
        }
        if (spec && (l = add_language(R, lang, i)) < 0) return;
    }
    if (!spec) {
        problem_at(R, current_row(R), i + 1, col->name, LOAD_UNKNOWN_FIELD, LOAD_WARNING,
                   "unknown column \"%s\" was ignored (a typo? see docs/spreadsheets.md for the %s columns)", col->name,
                   R->layout == LAYOUT_TIMELINEJS ? "TimelineJS" : "Frise");
        return;
    }
    if (R->column_at[spec->col][l] >= 0) {
        problem_at(R, current_row(R), i + 1, col->name, LOAD_DUPLICATE_ID, LOAD_WARNING,
                   "a second \"%s\" column (the first is column %d); this one was ignored", col->name,
                   R->column_at[spec->col][l] + 1);
        return;
    }
    col->col = spec->col;
    col->spec = spec;
    col->lang = l;
    R->column_at[spec->col][l] = i;
}

static void require_column(CsvReader *R, Col c, const char *message)
{
    bool found = false;
    for (int l = 0; l < R->L.tl->lang_count && !found; l++) found = has_column(R, c, l);
    if (!found) problem_at(R, current_row(R), 0, "", LOAD_MISSING_FIELD, LOAD_FATAL, "%s", message);
}

/* The first row that is not blank names the columns. */
static void read_header(CsvReader *R)
{
    int count = R->field_count < LOAD_CSV_MAX_COLUMNS ? R->field_count : LOAD_CSV_MAX_COLUMNS;
    R->header_done = true;
    R->layout = choose_layout(R, count);
    if (R->layout == LAYOUT_NONE) {
        problem_at(R, current_row(R), 1, "", LOAD_BAD_FORMAT, LOAD_FATAL,
                   "the first row must name the columns: TimelineJS's (Year, Month, Day, ..., Headline, Text, ...) or "
                   "Frise's (start, end, title, summary, ...); see docs/spreadsheets.md");
        return;
    }
    if (R->field_count > LOAD_CSV_MAX_COLUMNS)
        problem_at(R, current_row(R), LOAD_CSV_MAX_COLUMNS + 1, "", LOAD_TOO_MANY, LOAD_WARNING,
                   "more than %d columns; the rest were ignored", LOAD_CSV_MAX_COLUMNS);
    R->column_count = count;
    for (int i = 0; i < count; i++) {
        const char *name = R->cells[i].present ? R->row_bytes + R->cells[i].off : "";
        size_t n = strlen(name);
        n = n < COLUMN_NAME_MAX ? n : utf8_cut(name, COLUMN_NAME_MAX - 1);
        memcpy(R->columns[i].name, name, n);
        R->columns[i].name[n] = '\0';
    }
    if (R->layout == LAYOUT_PLAIN) {
        read_languages(R);
    } else {
        snprintf(R->L.tl->langs[0], TIMELINE_LANG_CODE_MAX, "en");
        R->L.tl->lang_count = 1;
    }
    for (int i = 0; i < count; i++) assign_column(R, i);
    if (has_column(R, COL_ID, 0) && !idset_init(&R->event_ids, (size_t)R->event_cap)) out_of_memory(R);
    if (R->layout == LAYOUT_TIMELINEJS) {
        require_column(R, COL_YEAR, "no Year column: a TimelineJS sheet dates its rows with Year (and Month, Day, ...)");
        require_column(R, COL_HEADLINE, "no Headline column: a TimelineJS sheet names its events in Headline");
    } else {
        require_column(R, COL_START, "no \"start\" column: each row needs a start date such as 1970-03-18");
        require_column(R, COL_TITLE, "no \"title\" column (or \"title.fr\", \"title.en\", ...): each row needs a title");
    }
}

/* ---- dates ---------------------------------------------------------------------------- */

typedef enum Got { GOT_NONE, GOT_OK, GOT_BAD } Got;

/* A whole number of at most max_digits digits; *s moves past it. */
static bool read_number(const char **s, int max_digits, long long *out)
{
    const char *p = *s;
    long long v = 0;
    int n = 0;
    while (*p >= '0' && *p <= '9' && n < max_digits) v = v * 10 + (*p++ - '0'), n++;
    if (n == 0 || (*p >= '0' && *p <= '9')) return false;
    *s = p;
    *out = v;
    return true;
}

static const char *skip_spaces(const char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    return s;
}

/* A year as a sheet holds it: "1969", "1,969", "800", "-43", "~1960",
 * "+1969", "44 BC", "44 BCE", "44 av. J.-C." (BC years count back from 1:
 * 44 BC is the year -43, as in ISO 8601). */
/* Copies s without the thousands separators a spreadsheet may put in a
 * number formatted as one ("1,969", "1 969", with a no-break space in a
 * French locale): a ',' or a space between two digits. */
static void without_group_separators(const char *s, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; s[i] && o + 1 < cap;) {
        size_t sep = s[i] == ',' || s[i] == ' '                       ? 1
                     : strncmp(s + i, "\xC2\xA0", 2) == 0           ? 2  /* no-break space */
                     : strncmp(s + i, "\xE2\x80\xAF", 3) == 0      ? 3  /* narrow no-break space */
                                                                      : 0;
        bool between_digits = sep && o > 0 && out[o - 1] >= '0' && out[o - 1] <= '9' && s[i + sep] >= '0' &&
                              s[i + sep] <= '9';
        if (between_digits) {
            i += sep;
            continue;
        }
        out[o++] = s[i++];
    }
    out[o] = '\0';
}

static bool parse_year(const char *text, long long *year, bool *approximate)
{
    char cleaned[64];
    without_group_separators(text, cleaned, sizeof cleaned);
    const char *s = cleaned;
    *approximate = *s == '~';
    if (*approximate) s++;
    bool negative = *s == '-';
    if (*s == '-' || *s == '+') s++;
    long long v;
    if (!read_number(&s, 12, &v)) return false; /* deep time too: "-13800000000" */
    s = skip_spaces(s);
    static const char *const bc[] = {"bc", "bce", "b.c.", "b.c.e.", "av. j.-c.", "av. j-c", "av j.-c.", "av jc", NULL};
    static const char *const ad[] = {"ad", "ce", "a.d.", "c.e.", "ap. j.-c.", NULL};
    bool before = false, after = false;
    for (int i = 0; bc[i] && !before; i++) before = ascii_same_nocase(s, bc[i]);
    for (int i = 0; ad[i] && !after; i++) after = ascii_same_nocase(s, ad[i]);
    if (*s && !before && !after) return false;
    if (before && (negative || v == 0)) return false;
    *year = before ? 1 - v : negative ? -v : v;
    return true;
}

static bool year_in_range(long long year)
{
    return year >= DATE_MIN_YEAR && year <= DATE_MAX_WRITTEN_YEAR;
}

/* "20:17", "20:17:05", "8:17 PM", "8 pm", "8 a.m.". */
static bool parse_time(const char *s, int *hour, int *minute)
{
    long long h, m = 0, sec = 0;
    if (!read_number(&s, 2, &h)) return false;
    if (*s == ':' || *s == 'h' || *s == 'H') {
        s++;
        if (*s && !read_number(&s, 2, &m)) return false;
        if (*s == ':') {
            s++;
            if (!read_number(&s, 2, &sec)) return false;
        }
    }
    s = skip_spaces(s);
    bool am = ascii_same_nocase(s, "am") || ascii_same_nocase(s, "a.m."),
         pm = ascii_same_nocase(s, "pm") || ascii_same_nocase(s, "p.m.");
    if (*s && !am && !pm) return false;
    if ((am || pm) && (h < 1 || h > 12)) return false;
    if (am || pm) h = h % 12 + (pm ? 12 : 0);
    if (h > 23 || m > 59 || sec > 59) return false;
    *hour = (int)h;
    *minute = (int)m;
    return true;
}

static const char *BAD_DATE_HINT =
    " (a spreadsheet may have turned it into its own date format: format the column as text)";

/* The date of a plain layout's start or end cell: "1970-03-18", "1970-03",
 * "1970", "~1960", "-0043-03-15", a short year "800" or "44 BC", and
 * "present" for an end. */
static Got plain_date(CsvReader *R, Col c, bool allow_present, Date *out)
{
    const char *s = cell(R, c, 0);
    if (!s[0]) return GOT_NONE;
    long long year;
    bool approximate;
    if (ascii_same_nocase(s, "present") && allow_present) return date_parse("present", true, out) ? GOT_OK : GOT_BAD;
    if (parse_year(s, &year, &approximate) && year_in_range(year)) {
        *out = (Date){.year = year, .month = 1, .day = 1, .precision = DATE_PREC_YEAR, .approximate = approximate};
        return GOT_OK;
    }
    if (date_parse(s, false, out)) return GOT_OK;
    if (ascii_same_nocase(s, "present"))
        cell_problem(R, c, 0, LOAD_BAD_DATE, LOAD_ERROR, "\"present\" is only allowed as an end date");
    else if (parse_year(s, &year, &approximate))
        cell_problem(R, c, 0, LOAD_BAD_DATE, LOAD_ERROR, "the year %lld is outside %lld to %d", year,
                     (long long)DATE_MIN_YEAR, DATE_MAX_WRITTEN_YEAR);
    else
        cell_problem(R, c, 0, LOAD_BAD_DATE, LOAD_ERROR,
                     "expected a date such as 1970-03-18, 1970-03, 1970 or -0043 (44 BC), found \"%.40s\"%s", s,
                     strchr(s, '/') || strchr(s, '.') ? BAD_DATE_HINT : "");
    return GOT_BAD;
}

/* The four columns of a TimelineJS date. */
typedef struct DateColumns {
    Col year, month, day, time;
} DateColumns;

static const DateColumns START_COLUMNS = {COL_YEAR, COL_MONTH, COL_DAY, COL_TIME};
static const DateColumns END_COLUMNS = {COL_END_YEAR, COL_END_MONTH, COL_END_DAY, COL_END_TIME};

/* A month cell: 1..12 or a name in English or French ("July", "Jul", "juillet"). */
static int parse_month(const char *s)
{
    long long m;
    const char *p = s;
    if (read_number(&p, 2, &m) && *p == '\0') return m >= 1 && m <= 12 ? (int)m : 0;
    return date_month_from_name(s);
}

/* The finer parts of a TimelineJS date (Month, Day, Time). A part that is
 * there but unreadable is a warning, and the date keeps what comes before
 * it (as the TimelineJS JSON reader does). */
static void tljs_date_parts(CsvReader *R, DateColumns cols, Date *d)
{
    const char *month = cell(R, cols.month, 0), *day = cell(R, cols.day, 0), *time = cell(R, cols.time, 0);
    if (!month[0]) {
        if (day[0] || time[0])
            cell_problem(R, day[0] ? cols.day : cols.time, 0, LOAD_BAD_DATE, LOAD_WARNING,
                         "a %s without a Month was ignored", day[0] ? "Day" : "Time");
        return;
    }
    int m = parse_month(month);
    if (m == 0) {
        cell_problem(R, cols.month, 0, LOAD_BAD_DATE, LOAD_WARNING,
                     "expected a month: 1 to 12 or a name such as \"July\", found \"%.40s\"; the date was kept without it",
                     month);
        return;
    }
    d->month = (uint8_t)m;
    d->precision = DATE_PREC_MONTH;
    long long dd;
    const char *p = day;
    if (!day[0]) {
        if (time[0]) cell_problem(R, cols.time, 0, LOAD_BAD_DATE, LOAD_WARNING, "a Time without a Day was ignored");
        return;
    }
    if (!read_number(&p, 2, &dd) || *p) {
        cell_problem(R, cols.day, 0, LOAD_BAD_DATE, LOAD_WARNING,
                     "expected a day of the month as a number, found \"%.40s\"; the date was kept without it", day);
        return;
    }
    d->day = (uint8_t)(dd > 0 && dd < 100 ? dd : 0);
    d->precision = DATE_PREC_DAY;
    int hour, minute;
    if (!time[0]) return;
    if (date_is_deep(d)) { /* counted to a few minutes only, that far back */
        cell_problem(R, cols.time, 0, LOAD_BAD_DATE, LOAD_WARNING,
                     "a time of day cannot be placed in deep time; the date was kept without it");
        return;
    }
    if (!parse_time(time, &hour, &minute)) {
        cell_problem(R, cols.time, 0, LOAD_BAD_DATE, LOAD_WARNING,
                     "expected a time such as 14:30 or 2:30 PM, found \"%.40s\"; the date was kept without it", time);
        return;
    }
    d->hour = (uint8_t)hour;
    d->minute = (uint8_t)minute;
    d->precision = DATE_PREC_MINUTE;
}

/* A TimelineJS date from Year, Month, Day and Time. The Year cell may also
 * hold a whole ISO date ("1969-07-20"). */
static Got tljs_date(CsvReader *R, DateColumns cols, Date *out)
{
    const char *year = cell(R, cols.year, 0);
    bool finer = cell(R, cols.month, 0)[0] || cell(R, cols.day, 0)[0] || cell(R, cols.time, 0)[0];
    const char *which = cols.year == COL_YEAR ? "Year" : "End Year";
    if (!year[0]) {
        if (!finer) return GOT_NONE;
        Col c = cell(R, cols.month, 0)[0] ? cols.month : cell(R, cols.day, 0)[0] ? cols.day : cols.time;
        cell_problem(R, c, 0, LOAD_BAD_DATE, LOAD_ERROR, "a date needs a %s; this one has none", which);
        return GOT_BAD;
    }
    long long y;
    bool approximate;
    Date d = {.month = 1, .day = 1, .precision = DATE_PREC_YEAR};
    if (parse_year(year, &y, &approximate)) {
        if (!year_in_range(y)) {
            cell_problem(R, cols.year, 0, LOAD_BAD_DATE, LOAD_ERROR, "the year %lld is outside %lld to %d", y,
                         (long long)DATE_MIN_YEAR, DATE_MAX_WRITTEN_YEAR);
            return GOT_BAD;
        }
        d.year = y;
        d.approximate = approximate;
        tljs_date_parts(R, cols, &d);
    } else if (date_parse(year, false, &d)) {
        if (finer)
            cell_problem(R, cols.year, 0, LOAD_BAD_DATE, LOAD_WARNING,
                         "%s holds a whole date, so the Month, Day and Time beside it were ignored", which);
    } else {
        cell_problem(R, cols.year, 0, LOAD_BAD_DATE, LOAD_ERROR,
                     "expected a year such as 1969, -43 or 44 BC (or a date such as 1969-07-20), found \"%.40s\"%s",
                     year, strchr(year, '/') ? BAD_DATE_HINT : "");
        return GOT_BAD;
    }
    if (d.precision >= DATE_PREC_DAY && (d.day < 1 || d.day > date_days_in_month(d.year, d.month))) {
        cell_problem(R, cols.day, 0, LOAD_BAD_DATE, LOAD_ERROR, "day %d does not exist in %s %lld", d.day,
                     date_month_name(d.month, "en", false), (long long)d.year);
        return GOT_BAD;
    }
    *out = d;
    return GOT_OK;
}


/* Start and end of an event or era, checked in order. end_col locates an
 * end before its start. */
static bool finish_span(CsvReader *R, Date *start, Date *end, bool has_end, Col end_col, double *start_days,
                        double *end_days)
{
    *start_days = fields_start_days(&R->L, start);
    *end_days = has_end ? fields_end_days(&R->L, end) : fields_end_days(&R->L, start);
    if (has_end && *end_days <= *start_days) { /* the end's whole period before the start */
        cell_problem(R, end_col, 0, LOAD_DATE_ORDER, LOAD_ERROR, "the end comes before the start; the row was dropped");
        return false;
    }
    return true;
}

/* ---- ids ----------------------------------------------------------------------------------- */

/* ---- categories, lanes, eras ----------------------------------------------------------- */

/* An id made from a name: ASCII letters and digits in lower case, accented
 * Latin letters without their accents, '-' for anything else ("Révolution
 * française" -> "revolution-francaise"); "item" when nothing is left. */
static void slug(const char *name, char *out, size_t cap)
{
    /* U+00C0..U+00FF without accents ('-' where there is no letter). */
    static const char LATIN1[] = "aaaaaaaceeeeiiiidnooooo-ouuuuytsaaaaaaaceeeeiiiidnooooo-ouuuuyty";
    size_t o = 0, n = strlen(name);
    bool dash = false;
    for (size_t i = 0; i < n && o + 2 < cap;) {
        uint32_t cp = utf8_next(name, n, &i);
        char c = cp < 0x80 ? ascii_lower((char)cp) : cp >= 0xC0 && cp <= 0xFF ? LATIN1[cp - 0xC0] : '-';
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
            if (dash && o > 0) out[o++] = '-';
            out[o++] = c;
            dash = false;
        } else {
            dash = true;
        }
    }
    out[o] = '\0';
    if (o == 0) snprintf(out, cap, "item");
}

static bool category_matches(const Timeline *tl, const Category *c, const char *name)
{
    if (ascii_same_nocase(c->id, name)) return true;
    for (int l = 0; l < tl->lang_count; l++)
        if (text_in(&c->label, l) && ascii_same_nocase(text_in(&c->label, l), name)) return true;
    return false;
}

static int find_category(const CsvReader *R, const char *name)
{
    for (int i = 0; i < R->category_count; i++)
        if (category_matches(R->L.tl, &R->categories[i].category, name)) return i;
    return -1;
}

/* A fresh category: the next colour and shape, and an id made unique
 * among the categories: id_from itself when it is a given id that frise/1
 * takes (a category row's id), else made from the name. -1 when the limit
 * is reached (reported by the caller). */
static int new_category(CsvReader *R, const char *id_from, bool given_id, Col where)
{
    if (R->category_count >= LOAD_MAX_LIST) return -1;
    if (!grow_array_int((void **)&R->categories, &R->category_cap, R->category_count + 1, sizeof *R->categories)) {
        out_of_memory(R);
        return -1;
    }
    char id[ID_MAX + 1], candidate[ID_MAX + 16];
    if (given_id && timeline_id_valid(id_from)) snprintf(id, sizeof id, "%s", id_from);
    else slug(id_from, id, sizeof id);
    snprintf(candidate, sizeof candidate, "%s", id);
    for (int k = 2; find_category(R, candidate) >= 0; k++) snprintf(candidate, sizeof candidate, "%s-%d", id, k);
    int n = R->category_count;
    CategorySeen *c = &R->categories[n];
    memset(c, 0, sizeof *c);
    c->category.id = keep(R, candidate);
    c->category.colour = colour_default_category(n);
    c->category.shape = (Shape)(n % SHAPE_COUNT);
    c->first_row = current_row(R);
    int i = column_index(R, where, 0);
    c->first_col = i >= 0 ? i + 1 : 0;
    if (!c->category.id) return -1;
    return R->category_count++;
}

/* The category an event's Group or category cell names, made when first
 * met; -1 for none. */
static int event_category(CsvReader *R, Col c)
{
    const char *name = cell(R, c, 0);
    if (!name[0]) return -1;
    int i = find_category(R, name);
    if (i >= 0) return i;
    if (R->category_count >= LOAD_MAX_LIST) {
        cell_problem(R, c, 0, LOAD_TOO_MANY, LOAD_WARNING,
                     "more than %d categories; \"%.40s\" was not made one, and this event has none", LOAD_MAX_LIST, name);
        return -1;
    }
    i = new_category(R, name, false, c);
    if (i >= 0) text_set(R->L.tl, &R->categories[i].category.label, 0, keep(R, name));
    return i;
}

static int find_lane(const CsvReader *R, const char *name)
{
    for (int i = 0; i < R->lane_count; i++)
        if (ascii_same_nocase(R->lanes[i].id, name) ||
            (text_in(&R->lanes[i].label, 0) && ascii_same_nocase(text_in(&R->lanes[i].label, 0), name)))
            return i;
    return -1;
}

/* The lane an era row names (plain layout's "lane"; one lane, "eras", for
 * TimelineJS and for rows without one), made when first met. */
static int era_lane(CsvReader *R)
{
    const char *name = R->layout == LAYOUT_PLAIN ? cell(R, COL_LANE, 0) : "";
    const char *key = name[0] ? name : "eras";
    int i = find_lane(R, key);
    if (i >= 0) return i;
    if (R->lane_count >= LOAD_MAX_LIST) {
        cell_problem(R, COL_LANE, 0, LOAD_TOO_MANY, LOAD_ERROR, "more than %d lanes; the era was dropped", LOAD_MAX_LIST);
        return -1;
    }
    if (!grow_array_int((void **)&R->lanes, &R->lane_cap, R->lane_count + 1, sizeof *R->lanes)) {
        out_of_memory(R);
        return -1;
    }
    char id[ID_MAX];
    slug(key, id, sizeof id);
    Lane *lane = &R->lanes[R->lane_count];
    memset(lane, 0, sizeof *lane);
    lane->id = keep(R, name[0] ? id : "eras");
    text_set(R->L.tl, &lane->label, 0, name[0] ? keep(R, name) : "");
    if (!lane->id) return -1;
    return R->lane_count++;
}

/* A colour cell; a bad one is a warning and leaves *out (the default). */
static void read_colour(CsvReader *R, Col c, Colour *out)
{
    const char *s = cell(R, c, 0);
    if (s[0] && !colour_parse_hex(s, out))
        cell_problem(R, c, 0, LOAD_BAD_COLOUR, LOAD_WARNING,
                     "expected a colour such as #0072B2, found \"%.40s\"; the default colour is used", s);
}

/* An era row: both layouts. */
static void read_era(CsvReader *R)
{
    Era era = {.colour = colour_default_era()};
    bool plain = R->layout == LAYOUT_PLAIN;
    Col end_col = plain ? COL_END : COL_END_YEAR;
    Got start = plain ? plain_date(R, COL_START, false, &era.start) : tljs_date(R, START_COLUMNS, &era.start);
    Got end = plain ? plain_date(R, COL_END, true, &era.end) : tljs_date(R, END_COLUMNS, &era.end);
    if (start == GOT_NONE)
        cell_problem(R, plain ? COL_START : COL_YEAR, 0, LOAD_MISSING_FIELD, LOAD_ERROR,
                     "an era needs a start; the row was dropped");
    if (end == GOT_NONE)
        cell_problem(R, end_col, 0, LOAD_MISSING_FIELD, LOAD_ERROR, "an era needs an end; the row was dropped");
    if (start != GOT_OK || end != GOT_OK) return;
    if (!finish_span(R, &era.start, &era.end, true, end_col, &era.start_days, &era.end_days)) return;
    if (plain) {
        if (!text_of(R, COL_TITLE, &era.label)) return;
    } else {
        text_set(R->L.tl, &era.label, 0, keep_html(R, cell(R, COL_HEADLINE, 0)));
    }
    if (timeline_text_empty(&era.label)) {
        Col c = plain ? COL_TITLE : COL_HEADLINE;
        cell_problem(R, c, plain ? first_lang_of(R, c) : 0, LOAD_MISSING_FIELD, LOAD_WARNING,
                     "an era without a name; its band is drawn unlabelled");
        text_set(R->L.tl, &era.label, 0, "");
    }
    read_colour(R, plain ? COL_COLOUR : COL_BACKGROUND, &era.colour);
    if ((era.lane = era_lane(R)) < 0) return;
    const char *id = plain ? cell(R, COL_ID, 0) : "";
    char generated[32];
    snprintf(generated, sizeof generated, "era-row-%d", current_row(R));
    if (id[0] && !timeline_id_valid(id)) {
        cell_problem(R, COL_ID, 0, LOAD_BAD_VALUE, LOAD_WARNING,
                     "an id is made of letters, digits, '-', '_' or '.' (at most 128), found \"%.40s\"; this era is "
                     "called \"%s\"", id, generated);
        id = "";
    } else if (id[0] && R->era_ids.slots && idset_contains(&R->era_ids, id)) {
        cell_problem(R, COL_ID, 0, LOAD_DUPLICATE_ID, LOAD_WARNING,
                     "another era already has the id \"%.40s\"; this one is called \"%s\"", id, generated);
        id = "";
    }
    if (!(era.id = keep(R, id[0] ? id : generated))) return;
    /* Sized like the events, but only for a sheet that has eras. */
    if ((!R->era_ids.slots && !idset_init(&R->era_ids, (size_t)R->event_cap)) ||
        !grow_array_int((void **)&R->eras, &R->era_cap, R->era_count + 1, sizeof *R->eras) ||
        !idset_insert(&R->era_ids, era.id)) {
        out_of_memory(R);
        return;
    }
    R->eras[R->era_count++] = era;
}

/* A category row (plain layout): defines, or completes, a category. */
static void read_category_row(CsvReader *R)
{
    const char *id = cell(R, COL_ID, 0);
    Text label;
    if (!text_of(R, COL_TITLE, &label)) return;
    const char *name = id[0] ? id : text_in(&label, 0) ? text_in(&label, 0) : "";
    for (int l = 0; !name[0] && l < R->L.tl->lang_count; l++) name = text_in(&label, l) ? text_in(&label, l) : "";
    if (!name[0]) {
        cell_problem(R, COL_ID, 0, LOAD_MISSING_FIELD, LOAD_ERROR, "a category row needs an id or a title; it was dropped");
        return;
    }
    int i = find_category(R, name);
    if (i >= 0 && R->categories[i].defined) {
        cell_problem(R, id[0] ? COL_ID : COL_TITLE, 0, LOAD_DUPLICATE_ID, LOAD_WARNING,
                     "the category \"%.40s\" is defined twice; this row was ignored", name);
        return;
    }
    if (i < 0 && (i = new_category(R, name, id[0] != '\0', COL_ID)) < 0) {
        if (!R->stopped)
            cell_problem(R, COL_ID, 0, LOAD_TOO_MANY, LOAD_ERROR, "more than %d categories; this one was dropped",
                         LOAD_MAX_LIST);
        return;
    }
    Category *c = &R->categories[i].category;
    R->categories[i].defined = true;
    if (!timeline_text_empty(&label)) c->label = label;
    if (!text_in(&c->label, 0) && timeline_text_empty(&c->label)) text_set(R->L.tl, &c->label, 0, c->id);
    read_colour(R, COL_COLOUR, &c->colour);
    const char *shape = cell(R, COL_SHAPE, 0);
    if (!shape[0]) return;
    Shape named = shape_from_name(shape);
    if (named != SHAPE_COUNT) {
        c->shape = named;
        return;
    }
    cell_problem(R, COL_SHAPE, 0, LOAD_BAD_VALUE, LOAD_WARNING,
                 "expected circle, square, diamond, triangle, hexagon or star, found \"%.40s\"; the next shape is used",
                 shape);
}

/* The title row: the timeline's title and description. */
static void read_title_row(CsvReader *R)
{
    Timeline *tl = R->L.tl;
    if (R->has_title_row) {
        cell_problem(R, COL_TYPE, 0, LOAD_DUPLICATE_ID, LOAD_WARNING, "a second title row was ignored");
        return;
    }
    R->has_title_row = true;
    if (R->layout == LAYOUT_PLAIN) {
        Text title, description;
        if (!text_of(R, COL_TITLE, &title) || !text_of(R, COL_SUMMARY, &description)) return;
        if (!timeline_text_empty(&title)) tl->title = title;
        tl->description = description;
    } else {
        Text title = {NULL};
        keep_html_rich(R, cell(R, COL_HEADLINE, 0), &title);
        if (text_in(&title, 0)) tl->title = title;
        keep_html_rich(R, cell(R, COL_TEXT, 0), &tl->description);
    }
}

/* ---- events ------------------------------------------------------------------------------ */

/* The event's id: its id cell (plain layout) when it is a good, unused id;
 * otherwise "row-N", N its row, which says where it came from. Without an
 * id column every id is a "row-N" of its own row, so no set of the ids
 * taken is kept (R->event_ids is only made for a sheet with an id column). */
static bool event_id(CsvReader *R, Event *ev)
{
    char generated[32];
    snprintf(generated, sizeof generated, "row-%d", current_row(R));
    if (!R->event_ids.slots) return (ev->id = keep(R, generated)) != NULL;
    const char *id = cell(R, COL_ID, 0);
    if (id[0] && !timeline_id_valid(id)) {
        cell_problem(R, COL_ID, 0, LOAD_BAD_VALUE, LOAD_WARNING,
                     "an id is made of letters, digits, '-', '_' or '.' (at most 128), found \"%.40s\"; this event is "
                     "called \"%s\"", id, generated);
        id = "";
    } else if (id[0] && idset_contains(&R->event_ids, id)) {
        cell_problem(R, COL_ID, 0, LOAD_DUPLICATE_ID, LOAD_WARNING,
                     "another event already has the id \"%.40s\"; this one is called \"%s\"", id, generated);
        id = "";
    }
    if (!id[0] && idset_contains(&R->event_ids, generated)) /* a sheet that names an event "row-7" itself */
        snprintf(generated, sizeof generated, "row-%d-%d", current_row(R), R->L.tl->event_count);
    if (!(ev->id = keep(R, id[0] ? id : generated))) return false;
    if (!idset_insert(&R->event_ids, ev->id)) {
        out_of_memory(R);
        return false;
    }
    return true;
}

/* An image cell: a path relative to the sheet's folder, checked by the
 * loader's shared rules (never leaving the folder, PNG or JPEG). */
static void read_image(CsvReader *R, Col c, const char *raw, Event *ev)
{
    int before = R->L.report->count;
    int i = column_index(R, c, 0);
    loader_image_path(&R->L, NULL, i >= 0 ? R->columns[i].name : "", raw, &ev->image.path);
    locate_since(R, before, c, 0);
}

/* Media written as HTML (TimelineJS shows a <blockquote> as a quote):
 * its text, and its credit after a dash, become a paragraph of the body. */
static bool media_html_to_body(CsvReader *R, const char *media, const char *credit, Event *ev)
{
    Arena *arena = &R->L.tl->arena;
    const char *quote = html_to_text(arena, media), *by = credit[0] ? html_to_text(arena, credit) : "";
    if (!quote || !by) {
        out_of_memory(R);
        return false;
    }
    if (!quote[0]) return true;
    const char *body = text_in(&ev->body, 0) ? text_in(&ev->body, 0) : "";
    size_t n = strlen(body) + strlen(quote) + strlen(by) + 16;
    char *joined = arena_alloc_text(arena, n);
    if (!joined) {
        out_of_memory(R);
        return false;
    }
    snprintf(joined, n, "%s%s%s%s%s", body, body[0] ? "\n\n" : "", quote, by[0] ? "\n\xE2\x80\x94 " : "", by);
    text_set(R->L.tl, &ev->body, 0, joined);
    return true;
}

/* TimelineJS Media: a local image; a web address (a video, a tweet, a
 * page), which Frise does not fetch and keeps as a source with its link;
 * or HTML such as a quote, which joins the text. Never dropped silently. */
static bool read_media(CsvReader *R, Event *ev)
{
    const char *media = cell(R, COL_MEDIA, 0);
    const char *credit = cell(R, COL_MEDIA_CREDIT, 0), *caption = cell(R, COL_MEDIA_CAPTION, 0);
    if (!media[0]) return true;
    if (media[0] == '<') return media_html_to_body(R, media, credit, ev);
    if (strstr(media, "://") || ascii_starts_nocase(media, "www.")) {
        Source *s = arena_alloc(&R->L.tl->arena, sizeof *s);
        if (!s) {
            out_of_memory(R);
            return false;
        }
        memset(s, 0, sizeof *s);
        s->url = keep(R, media);
        text_set(R->L.tl, &s->title, 0, caption[0] ? keep_html(R, caption) : NULL);
        if (!text_in(&s->title, 0)) text_set(R->L.tl, &s->title, 0, s->url);
        s->author = credit[0] ? keep_html(R, credit) : NULL;
        ev->sources = s;
        ev->source_count = 1;
        return !R->stopped;
    }
    read_image(R, COL_MEDIA, media, ev);
    if (ev->image.path) {
        text_set(R->L.tl, &ev->image.credit, 0, keep_html(R, credit));
        text_set(R->L.tl, &ev->image.alt, 0, keep_html(R, caption));
    }
    return !R->stopped;
}

/* The next line of a multi-line cell: its start and length; *s moves on. */
static size_t next_line(const char **s, const char **line)
{
    const char *p = *s;
    size_t n = strcspn(p, "\r\n");
    *line = p;
    p += n;
    if (*p == '\r') p++;
    if (*p == '\n') p++;
    *s = p;
    return n;
}

/* A line without its surrounding spaces; "-" stands for nothing. */
static size_t trim_line(const char **line, size_t len)
{
    while (len > 0 && is_space(**line)) (*line)++, len--;
    while (len > 0 && is_space((*line)[len - 1])) len--;
    return len == 1 && (*line)[0] == '-' ? 0 : len;
}

/* The lines of a cell up to its last one that says something. */
static size_t count_lines(const char *s)
{
    size_t n = 0, last = 0;
    const char *line;
    while (*s) {
        size_t len = next_line(&s, &line);
        n++;
        if (trim_line(&line, len) > 0) last = n;
    }
    return last;
}

/* The next line of a cell, trimmed, copied into the arena; NULL when it
 * is blank or "-" (or the cell has no more lines). */
static const char *take_line(CsvReader *R, const char **cursor)
{
    const char *line;
    if (!**cursor) return NULL;
    size_t len = trim_line(&line, next_line(cursor, &line));
    if (len == 0) return NULL;
    const char *copy = arena_strndup(&R->L.tl->arena, line, len);
    if (!copy) out_of_memory(R);
    return copy;
}

/* Sources (plain layout): one per line of the "source" cell, paired by
 * rank with the lines of "source_url" (a blank line or "-" where a source
 * has no address, or no title); an address alone is its own title. */
static bool read_sources(CsvReader *R, Event *ev)
{
    const char *titles = cell(R, COL_SOURCE, 0), *urls = cell(R, COL_SOURCE_URL, 0);
    size_t nt = count_lines(titles), nu = count_lines(urls), n = nt > nu ? nt : nu;
    if (n == 0) return true;
    if (n > LOAD_MAX_LIST) {
        cell_problem(R, COL_SOURCE, 0, LOAD_TOO_MANY, LOAD_ERROR, "%zu sources; the limit is %d", n, LOAD_MAX_LIST);
        return false;
    }
    ev->sources = arena_alloc(&R->L.tl->arena, n * sizeof *ev->sources);
    if (!ev->sources) {
        out_of_memory(R);
        return false;
    }
    for (size_t i = 0; i < n && !R->stopped; i++) {
        Source *s = &ev->sources[ev->source_count];
        memset(s, 0, sizeof *s);
        text_set(R->L.tl, &s->title, 0, take_line(R, &titles));
        s->url = take_line(R, &urls);
        if (!text_in(&s->title, 0)) text_set(R->L.tl, &s->title, 0, s->url);
        if (text_in(&s->title, 0)) ev->source_count++;
    }
    return !R->stopped;
}

/* len bytes of line, without surrounding spaces, copied into the arena. */
static const char *keep_line(CsvReader *R, const char *line, size_t len)
{
    while (len > 0 && is_space(*line)) line++, len--;
    while (len > 0 && is_space(line[len - 1])) len--;
    const char *copy = arena_strndup(&R->L.tl->arena, line, len);
    if (!copy) out_of_memory(R);
    return copy;
}

/* Tags separated by ';' or '|'. */
static bool read_tags(CsvReader *R, Event *ev)
{
    const char *s = cell(R, COL_TAGS, 0);
    if (!s[0]) return true;
    int n = 1;
    for (const char *p = s; *p; p++) n += *p == ';' || *p == '|';
    if (n > LOAD_MAX_LIST) {
        cell_problem(R, COL_TAGS, 0, LOAD_TOO_MANY, LOAD_ERROR, "%d tags; the limit is %d", n, LOAD_MAX_LIST);
        return false;
    }
    ev->tags = arena_alloc(&R->L.tl->arena, (size_t)n * sizeof *ev->tags);
    if (!ev->tags) {
        out_of_memory(R);
        return false;
    }
    while (*s) {
        size_t len = strcspn(s, ";|");
        const char *tag = keep_line(R, s, len);
        if (!tag) return false;
        if (tag[0]) ev->tags[ev->tag_count++] = tag;
        s += len;
        if (*s) s++;
    }
    return true;
}

/* certainty and importance (plain layout). A bad value is an error that
 * keeps the event: as unverified (the careful reading of a typo such as
 * "dispued"), or without an importance. */
static void read_certainty_importance(CsvReader *R, Event *ev)
{
    static const char *const names[] = {"confirmed", "disputed", "unverified"};
    const char *c = cell(R, COL_CERTAINTY, 0);
    if (c[0]) {
        int found = -1;
        for (int i = 0; i < 3 && found < 0; i++)
            if (ascii_same_nocase(c, names[i])) found = i;
        ev->certainty = found >= 0 ? (Certainty)found : CERTAINTY_UNVERIFIED;
        if (found < 0)
            cell_problem(R, COL_CERTAINTY, 0, LOAD_BAD_VALUE, LOAD_ERROR,
                         "expected confirmed, disputed or unverified, found \"%.40s\"; the event is shown as unverified",
                         c);
    }
    const char *imp = cell(R, COL_IMPORTANCE, 0), *p = imp;
    long long v;
    if (!imp[0]) return;
    if (read_number(&p, 1, &v) && *p == '\0' && v >= EVENT_IMPORTANCE_MIN && v <= EVENT_IMPORTANCE_MAX)
        ev->importance = (int)v;
    else
        cell_problem(R, COL_IMPORTANCE, 0, LOAD_BAD_VALUE, LOAD_ERROR,
                     "expected a whole number from 1 (a detail) to 5 (a turning point), found \"%.40s\"; ignored", imp);
}

/* The texts and extras of a plain layout's event row. */
static bool read_plain_event_fields(CsvReader *R, Event *ev)
{
    if (!text_of(R, COL_TITLE, &ev->title) || !text_of(R, COL_SUMMARY, &ev->summary) ||
        !text_of(R, COL_BODY, &ev->body) || !text_of(R, COL_NOTE, &ev->note) ||
        !text_of(R, COL_DISPLAY_DATE, &ev->display_date))
        return false;
    if (timeline_text_empty(&ev->title)) {
        cell_problem(R, COL_TITLE, first_lang_of(R, COL_TITLE), LOAD_MISSING_FIELD, LOAD_ERROR,
                     "the event has no title; the row was dropped");
        return false;
    }
    ev->category = event_category(R, COL_CATEGORY);
    read_certainty_importance(R, ev);
    if (!read_tags(R, ev) || !read_sources(R, ev)) return false;
    const char *image = cell(R, COL_IMAGE, 0);
    if (image[0]) {
        read_image(R, COL_IMAGE, image, ev);
        if (!text_of(R, COL_IMAGE_CREDIT, &ev->image.credit) || !text_of(R, COL_IMAGE_ALT, &ev->image.alt)) return false;
    }
    return !R->stopped;
}

/* The texts and extras of a TimelineJS event row. */
static bool read_tljs_event_fields(CsvReader *R, Event *ev)
{
    const char *headline = cell(R, COL_HEADLINE, 0), *text = cell(R, COL_TEXT, 0), *media = cell(R, COL_MEDIA, 0);
    keep_html_rich(R, headline, &ev->title);
    keep_html_rich(R, text, &ev->body);
    if (R->stopped) return false;
    if (!text_in(&ev->title, 0)) {
        if (!text[0] && !media[0]) {
            cell_problem(R, COL_HEADLINE, 0, LOAD_MISSING_FIELD, LOAD_ERROR,
                         "the row has a date but no Headline, Text or Media; it was dropped");
            return false;
        }
        cell_problem(R, COL_HEADLINE, 0, LOAD_MISSING_FIELD, LOAD_WARNING, "no Headline: the card has no title");
        text_set(R->L.tl, &ev->title, 0, "");
    }
    /* A Display Date that only says "c. 1960" makes the date approximate
     * (Frise words it in the reader's language); any other is shown as written. */
    const char *display = cell(R, COL_DISPLAY_DATE, 0);
    if (fields_display_date_approximate(display)) ev->start.approximate = ev->end.approximate = true;
    else if (display[0] && !text_set(R->L.tl, &ev->display_date, 0, keep(R, display))) return false;
    ev->category = event_category(R, COL_GROUP);
    return read_media(R, ev);
}

/* An event row, either layout. */
static void read_event(CsvReader *R)
{
    Timeline *tl = R->L.tl;
    if (tl->event_count >= R->event_cap) {
        problem_at(R, current_row(R), 0, "", LOAD_TOO_MANY, LOAD_FATAL, "more than %d events; the file was rejected",
                   R->event_cap);
        return;
    }
    Event *ev = &tl->events[tl->event_count];
    memset(ev, 0, sizeof *ev);
    bool plain = R->layout == LAYOUT_PLAIN;
    Col start_col = plain ? COL_START : COL_YEAR, end_col = plain ? COL_END : COL_END_YEAR;
    Got start = plain ? plain_date(R, COL_START, false, &ev->start) : tljs_date(R, START_COLUMNS, &ev->start);
    Got end = plain ? plain_date(R, COL_END, true, &ev->end) : tljs_date(R, END_COLUMNS, &ev->end);
    bool ok = start == GOT_OK && end != GOT_BAD;
    if (start == GOT_NONE)
        cell_problem(R, start_col, 0, LOAD_MISSING_FIELD, LOAD_ERROR, "the event has no %s; the row was dropped",
                     plain ? "start date" : "Year");
    ev->has_end = end == GOT_OK;
    ok = ok && (plain ? read_plain_event_fields(R, ev) : read_tljs_event_fields(R, ev));
    ok = ok && finish_span(R, &ev->start, &ev->end, ev->has_end, end_col, &ev->start_days, &ev->end_days);
    ok = ok && event_id(R, ev);
    if (ok) tl->event_count++;
    else R->L.report->dropped_events++;
}

/* ---- rows ---------------------------------------------------------------------------------- */

static RowKind row_kind(CsvReader *R)
{
    const char *type = cell(R, COL_TYPE, 0);
    if (!type[0] || ascii_same_nocase(type, "event")) return ROW_EVENT;
    if (ascii_same_nocase(type, "title")) return ROW_TITLE;
    if (ascii_same_nocase(type, "era")) return ROW_ERA;
    if (ascii_same_nocase(type, "category") && R->layout == LAYOUT_PLAIN) return ROW_CATEGORY;
    cell_problem(R, COL_TYPE, 0, LOAD_BAD_VALUE, LOAD_WARNING, "expected %s, found \"%.40s\"; the row is read as an event",
                 R->layout == LAYOUT_PLAIN ? "event, title, era, category or nothing" : "title, era or nothing", type);
    return ROW_EVENT;
}

static void read_row(CsvReader *R)
{
    RowKind kind = row_kind(R);
    check_unused(R, kind);
    if (R->row_bad) {
        if (kind == ROW_EVENT) R->L.report->dropped_events++;
        return;
    }
    switch (kind) {
    case ROW_EVENT: read_event(R); break;
    case ROW_TITLE: read_title_row(R); break;
    case ROW_ERA: read_era(R); break;
    case ROW_CATEGORY: read_category_row(R); break;
    case ROW_KIND_COUNT: break;
    }
}

/* ---- libcsv callbacks ----------------------------------------------------------------------- */

/* A cell is complete. Before the header every cell is kept (they are the
 * names); after it only the cells of known columns, and a value in an
 * unnamed column is reported once. */
static void on_cell(void *data, size_t n, void *ctx)
{
    CsvReader *R = ctx;
    if (R->stopped) return;
    int i = R->field_count++;
    if (!R->header_done) {
        if (i >= LOAD_CSV_MAX_COLUMNS) return;
    } else if (i >= R->column_count || R->columns[i].col == COL_NONE) {
        bool blank = true;
        for (size_t k = 0; k < n && blank; k++) blank = is_space(((const char *)data)[k]);
        if (blank) return;
        R->row_has_text = true;
        bool unnamed = i >= R->column_count || !R->columns[i].name[0];
        if (unnamed && !(i < R->column_count ? R->columns[i].warned_on : R->warned_extra_columns)) {
            if (i < R->column_count) R->columns[i].warned_on = ~0u;
            else R->warned_extra_columns = true;
            problem_at(R, current_row(R), i + 1, "", LOAD_UNKNOWN_FIELD, LOAD_WARNING,
                       "a value in column %d, which has no name in the first row, was ignored (reported once)", i + 1);
        }
        return;
    }
    if (n > LOAD_MAX_STRING_BYTES) {
        problem_at(R, current_row(R), i + 1, R->header_done ? R->columns[i].name : "", LOAD_STRING_TOO_LONG,
                   LOAD_ERROR, "a cell of %zu bytes; the limit is %d bytes; the row was dropped", n,
                   LOAD_MAX_STRING_BYTES);
        R->row_bad = true;
        R->row_has_text = true;
        return;
    }
    size_t off = store_cell(R, data, n, i);
    if (off == (size_t)-1) {
        out_of_memory(R);
        return;
    }
    R->cells[i] = (Cell){off, true};
    if (R->row_bytes[off]) R->row_has_text = true;
}

static void reset_row(CsvReader *R)
{
    int n = R->field_count < LOAD_CSV_MAX_COLUMNS ? R->field_count : LOAD_CSV_MAX_COLUMNS;
    for (int i = 0; i < n; i++) R->cells[i].present = false;
    R->field_count = 0;
    R->row_len = 0;
    R->row_has_text = false;
    R->row_bad = false;
}

/* A row ended (c is the CR or LF that ended it, -1 at the end of the file).
 * With CSV_REPALL_NL libcsv also reports each line break outside a row, so
 * blank lines count as rows, and a CRLF's LF is told from a blank line by
 * the CR before it. */
static void on_row(int c, void *ctx)
{
    CsvReader *R = ctx;
    if (R->field_count == 0) {
        if (c == '\n' && R->after_cr) {
            R->after_cr = false;
        } else {
            R->rows_done++;
            R->after_cr = c == '\r';
        }
        return;
    }
    if (!R->stopped && R->row_has_text) {
        if (!R->header_done) read_header(R);
        else read_row(R);
    }
    reset_row(R);
    R->rows_done++;
    R->after_cr = c == '\r';
}

/* ---- the reader's life -------------------------------------------------------------------- */

/* libcsv grows one buffer for the cell being read; refusing to grow it
 * past LOAD_CSV_MAX_CELL_BYTES bounds what an unclosed quote can take. */
static void *bounded_realloc(void *p, size_t size)
{
    return size > (size_t)LOAD_CSV_MAX_CELL_BYTES + 4096 ? NULL : realloc(p, size);
}

static int space_no_tab(unsigned char c)
{
    return c == ' ';
}

static int space_or_tab(unsigned char c)
{
    return c == ' ' || c == '\t';
}

/* An upper bound on the line breaks in data: every LF, and every CR not
 * followed by a LF within data (a CRLF split between two chunks may count
 * twice, which a bound allows). memchr keeps this pass cheap: it runs over
 * the whole file before parsing. */
static size_t count_line_breaks(const char *data, size_t len)
{
    size_t n = 0;
    const char *end = data + len;
    for (const char *p = data; p < end && (p = memchr(p, '\n', (size_t)(end - p))); p++) n++;
    for (const char *p = data; p < end && (p = memchr(p, '\r', (size_t)(end - p))); p++) n += p + 1 == end || p[1] != '\n';
    return n;
}

static bool reader_init(CsvReader *R, const char *name, const char *base_dir, const LoadOptions *opt, Timeline *out,
                        LoadReport *report, size_t line_breaks)
{
    memset(R, 0, sizeof *R);
    R->L = (Loader){.name = name, .base_dir = base_dir, .tl = out, .report = report};
    if (opt) R->L.opt = *opt;
    memset(R->column_at, -1, sizeof R->column_at);
    size_t rows = line_breaks + 1 < (size_t)LOAD_MAX_EVENTS ? line_breaks + 1 : (size_t)LOAD_MAX_EVENTS;
    R->event_cap = (int)rows;
    /* The event array comes first in the arena, sized for every line, so it
     * never moves; pages past the last event are never touched. */
    out->events = arena_alloc(&out->arena, rows * sizeof *out->events);
    R->columns = calloc(LOAD_CSV_MAX_COLUMNS, sizeof *R->columns);
    R->cells = calloc(LOAD_CSV_MAX_COLUMNS, sizeof *R->cells);
    bool ok = out->events && R->columns && R->cells &&
              csv_init(&R->parser, CSV_APPEND_NULL | CSV_REPALL_NL) == 0;
    R->parser_ready = ok;
    if (!ok) {
        problem_at(R, 0, 0, "", LOAD_OUT_OF_MEMORY, LOAD_FATAL, "out of memory for %zu rows; the file was rejected", rows);
        return false;
    }
    csv_set_realloc_func(&R->parser, bounded_realloc);
    return true;
}

static void reader_free(CsvReader *R)
{
    if (R->parser_ready) csv_free(&R->parser);
    free(R->columns);
    free(R->cells);
    free(R->row_bytes);
    free(R->categories);
    free(R->lanes);
    free(R->eras);
    if (R->event_ids.slots) idset_free(&R->event_ids);
    if (R->era_ids.slots) idset_free(&R->era_ids);
    free(R->L.pending);
    loader_paths_free(&R->L);
}

/* Looks at the start of the file: skips a UTF-8 byte order mark and Excel's
 * "sep=;" line, and chooses the delimiter (the sep line's, or the one the
 * first line has most of, outside quotes: ';' for French-locale
 * spreadsheets, a tab for .tsv). Returns the bytes to skip. */
static size_t reader_begin(CsvReader *R, const char *data, size_t len)
{
    size_t skip = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (len >= 2 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
                     ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF))) {
        problem_at(R, 1, 1, "", LOAD_BAD_ENCODING, LOAD_FATAL,
                   "the file is UTF-16 (\"Unicode text\" in Excel); save it as \"CSV UTF-8\"");
        return len;
    }
    const char *p = data + skip;
    size_t n = len - skip;
    size_t q = n > 0 && *p == '"' ? 1 : 0;
    if (n >= q + 5 && ascii_starts_nocase(p + q, "sep=") && p[q + 4] != '\r' && p[q + 4] != '\n') {
        R->delimiter = p[q + 4];
        const char *nl = memchr(p, '\n', n);
        skip += nl ? (size_t)(nl - p) + 1 : n;
        R->rows_done = 1;
    } else {
        size_t commas = 0, semicolons = 0, tabs = 0;
        bool quoted = false;
        for (size_t i = 0; i < n && (quoted || (p[i] != '\n' && p[i] != '\r')); i++) {
            if (p[i] == '"') quoted = !quoted;
            else if (!quoted) {
                commas += p[i] == ',';
                semicolons += p[i] == ';';
                tabs += p[i] == '\t';
            }
        }
        R->delimiter = semicolons > commas && semicolons >= tabs ? ';' : tabs > commas && tabs > semicolons ? '\t' : ',';
    }
    csv_set_delim(&R->parser, (unsigned char)R->delimiter);
    csv_set_space_func(&R->parser, R->delimiter == '\t' ? space_no_tab : space_or_tab);
    return skip;
}

static void reader_feed(CsvReader *R, const char *data, size_t len)
{
    if (R->stopped || len == 0) return;
    if (csv_parse(&R->parser, data, len, on_cell, on_row, R) == len) return;
    if (R->stopped) return;
    if (csv_error(&R->parser) == CSV_ENOMEM)
        problem_at(R, current_row(R), R->field_count + 1, "", LOAD_STRING_TOO_LONG, LOAD_FATAL,
                   "a cell longer than %d bytes (a quote that is never closed?); the file was rejected",
                   LOAD_CSV_MAX_CELL_BYTES);
    else
        problem_at(R, current_row(R), 0, "", LOAD_SYNTAX, LOAD_FATAL, "the CSV could not be read: %s",
                   csv_strerror(csv_error(&R->parser)));
}

/* libcsv's state after the last byte: inside a quoted cell (its pstate 2,
 * FIELD_BEGUN, with quoted set) means a quote was never closed. */
static bool quote_left_open(const struct csv_parser *p)
{
    return p->quoted && p->pstate == 2;
}

/* Sorts problems by row then column, keeping the reading order of equal
 * ones (a stable insertion sort over at most LOAD_MAX_STORED_PROBLEMS). */
static void sort_problems(LoadReport *r)
{
    for (int i = 1; i < r->count; i++) {
        LoadProblem key = r->problems[i];
        int j = i - 1;
        while (j >= 0 && (r->problems[j].line > key.line ||
                          (r->problems[j].line == key.line && r->problems[j].col > key.col))) {
            r->problems[j + 1] = r->problems[j];
            j--;
        }
        r->problems[j + 1] = key;
    }
}

/* Copies n items of size bytes into the arena (NULL for none). */
static void *arena_copy(CsvReader *R, const void *items, int n, size_t size)
{
    if (n == 0) return NULL;
    void *copy = arena_alloc(&R->L.tl->arena, (size_t)n * size);
    if (copy) memcpy(copy, items, (size_t)n * size);
    else out_of_memory(R);
    return copy;
}

/* A sheet that defines categories in rows should define each it uses: one
 * named only by an event is most likely a typo. */
static void check_categories(CsvReader *R)
{
    bool any_defined = false;
    for (int i = 0; i < R->category_count; i++) any_defined |= R->categories[i].defined;
    for (int i = 0; any_defined && i < R->category_count; i++) {
        const CategorySeen *c = &R->categories[i];
        if (c->defined) continue;
        int col = c->first_col;
        problem_at(R, c->first_row, col, col > 0 ? R->columns[col - 1].name : "", LOAD_UNKNOWN_REFERENCE,
                   LOAD_WARNING,
                   "no category row defines \"%.40s\"; it was made a category of its own, with the next colour",
                   text_in(&c->category.label, 0) ? text_in(&c->category.label, 0) : c->category.id);
    }
}

/* The file's name without its folder and extension: the title of a sheet
 * without a title row. */
static const char *default_title(CsvReader *R)
{
    const char *name = R->L.name ? R->L.name : "";
    const char *slash = strrchr(name, '/');
    const char *base = slash ? slash + 1 : name;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    const char *copy = arena_strndup(&R->L.tl->arena, base, n);
    return copy ? copy : "";
}

static bool reader_finish(CsvReader *R)
{
    Timeline *tl = R->L.tl;
    if (!R->stopped) {
        if (quote_left_open(&R->parser))
            problem_at(R, current_row(R), R->field_count + 1, "", LOAD_SYNTAX, LOAD_ERROR,
                       "a quoted cell is never closed (a missing '\"'?); the rest of the file was read as one cell");
        csv_fini(&R->parser, on_cell, on_row, R);
    }
    if (!R->stopped && !R->header_done)
        problem_at(R, 0, 0, "", LOAD_FILE_EMPTY, LOAD_FATAL,
                   "the file is empty; expected a first row naming the columns, then one row per event");
    if (!R->stopped) {
        check_categories(R);
        tl->categories = arena_copy(R, R->categories, R->category_count, sizeof *R->categories);
        for (int i = 0; tl->categories && i < R->category_count; i++) tl->categories[i] = R->categories[i].category;
        tl->category_count = R->category_count;
        tl->lanes = arena_copy(R, R->lanes, R->lane_count, sizeof *R->lanes);
        tl->lane_count = R->lane_count;
        tl->eras = arena_copy(R, R->eras, R->era_count, sizeof *R->eras);
        tl->era_count = R->era_count;
        if (timeline_text_empty(&tl->title)) text_set(R->L.tl, &tl->title, 0, default_title(R));
        if (tl->event_count == 0)
            problem_at(R, 0, 0, "", LOAD_NO_EVENTS, LOAD_ERROR,
                       "no row could be read as an event; the timeline shows nothing");
    }
    if (!R->stopped) load_finish_timeline(&R->L);
    sort_problems(R->L.report);
    bool ok = !R->L.report->rejected;
    if (!ok) timeline_free(tl);
    return ok;
}

/* ---- entry points ------------------------------------------------------------------------- */

static void start_report(const char *name, Timeline *out, LoadReport *report)
{
    memset(out, 0, sizeof *out);
    memset(report, 0, sizeof *report);
    snprintf(report->file, sizeof report->file, "%s", name);
}

bool load_csv_memory(const char *name, const char *data, size_t len, const char *base_dir, const LoadOptions *opt,
                     Timeline *out, LoadReport *report)
{
    start_report(name, out, report);
    CsvReader R;
    bool ok = false;
    if (reader_init(&R, name, base_dir, opt, out, report, count_line_breaks(data, len))) {
        size_t skip = reader_begin(&R, data, len);
        /* Fed in chunks like a file, so both take the same path. */
        for (size_t at = skip; at < len && !R.stopped; at += CHUNK_BYTES)
            reader_feed(&R, data + at, len - at < CHUNK_BYTES ? len - at : CHUNK_BYTES);
        ok = reader_finish(&R);
    } else {
        timeline_free(out);
    }
    reader_free(&R);
    return ok;
}

static FileioError errno_to_fileio(int e)
{
    if (e == ENOENT || e == ENOTDIR) return FILEIO_NOT_FOUND;
    return e == EACCES || e == EPERM ? FILEIO_NO_ACCESS : FILEIO_READ_ERROR;
}

/* Opens path for reading as fileio does (never waiting on a FIFO, only a
 * regular file, the size bound checked first); reports and returns -1 on
 * failure. */
static int open_csv(const char *path, LoadReport *report)
{
    Loader L = {.name = path, .report = report};
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    int e = errno;
    if (fd >= 0 && fstat(fd, &st) != 0) {
        e = errno;
        close(fd);
        fd = -1;
    }
    if (fd < 0) {
        loader_problem(&L, NULL, LOAD_FILE_UNREADABLE, LOAD_FATAL, "", "cannot open the file: %s",
                       fileio_error_text(errno_to_fileio(e), e));
        return -1;
    }
    const char *why = S_ISDIR(st.st_mode) ? "this is a folder, not a timeline file"
                      : !S_ISREG(st.st_mode) ? fileio_error_text(FILEIO_NOT_REGULAR, 0)
                                             : NULL;
    if (why) loader_problem(&L, NULL, LOAD_FILE_UNREADABLE, LOAD_FATAL, "", "%s", why);
    else if (st.st_size > LOAD_CSV_MAX_FILE_BYTES)
        loader_problem(&L, NULL, LOAD_FILE_TOO_LARGE, LOAD_FATAL, "",
                       "the file is %lld bytes; the limit for a CSV file is %d bytes (1 GiB)", (long long)st.st_size,
                       LOAD_CSV_MAX_FILE_BYTES);
    if (why || st.st_size > LOAD_CSV_MAX_FILE_BYTES) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Reads up to cap bytes, retrying short reads; -1 on an error. */
static ssize_t read_chunk(int fd, char *buf, size_t cap)
{
    size_t got = 0;
    while (got < cap) {
        ssize_t n = read(fd, buf + got, cap - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return -1;
        if (n == 0) break;
        got += (size_t)n;
    }
    return (ssize_t)got;
}

static void dir_of(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash) snprintf(out, cap, ".");
    else snprintf(out, cap, "%.*s", (int)(slash - path == 0 ? 1 : slash - path), path);
}

/* The first pass: counts the line breaks, which bound the rows. */
static bool count_file_lines(int fd, char *buf, size_t *breaks)
{
    ssize_t n;
    *breaks = 0;
    while ((n = read_chunk(fd, buf, CHUNK_BYTES)) > 0) *breaks += count_line_breaks(buf, (size_t)n);
    return n == 0 && lseek(fd, 0, SEEK_SET) == 0;
}

bool load_csv_file(const char *path, const LoadOptions *opt, Timeline *out, LoadReport *report)
{
    start_report(path, out, report);
    int fd = open_csv(path, report);
    if (fd < 0) return false;
    char *buf = malloc(CHUNK_BYTES);
    size_t breaks = 0;
    Loader L = {.name = path, .report = report};
    if (!buf) loader_problem(&L, NULL, LOAD_OUT_OF_MEMORY, LOAD_FATAL, "", "out of memory reading the file");
    else if (!count_file_lines(fd, buf, &breaks))
        loader_problem(&L, NULL, LOAD_FILE_UNREADABLE, LOAD_FATAL, "", "cannot read the file: %s", strerror(errno));
    if (report->rejected) {
        free(buf);
        close(fd);
        return false;
    }
    char base_dir[512];
    dir_of(path, base_dir, sizeof base_dir);
    struct stat st;
    if (fstat(fd, &st) == 0) loader_spill_large_texts(out, (long long)st.st_size);
    CsvReader R;
    bool ok = false;
    if (reader_init(&R, path, base_dir, opt, out, report, breaks)) {
        ssize_t n = read_chunk(fd, buf, CHUNK_BYTES);
        size_t skip = n > 0 ? reader_begin(&R, buf, (size_t)n) : 0;
        size_t total = 0;
        while (n > 0 && !R.stopped) {
            reader_feed(&R, buf + skip, (size_t)n - skip);
            total += (size_t)n;
            skip = 0;
            /* A file that grows while it is read is cut at the limit. */
            n = total < (size_t)LOAD_CSV_MAX_FILE_BYTES ? read_chunk(fd, buf, CHUNK_BYTES) : 0;
        }
        if (n < 0) problem_at(&R, 0, 0, "", LOAD_FILE_UNREADABLE, LOAD_FATAL, "cannot read the file: %s", strerror(errno));
        ok = reader_finish(&R);
    } else {
        timeline_free(out);
    }
    reader_free(&R);
    free(buf);
    close(fd);
    return ok;
}

bool load_csv_path_is_csv(const char *path)
{
    size_t n = strlen(path);
    return n >= 4 && (ascii_same_nocase(path + n - 4, ".csv") || ascii_same_nocase(path + n - 4, ".tsv"));
}

bool load_looks_like_csv(const char *data, size_t len)
{
    size_t i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && is_space(data[i])) i++;
    if (i >= len || data[i] == '{' || data[i] == '[') return false;
    size_t end = i;
    while (end < len && end - i < 4096 && data[end] != '\n' && data[end] != '\r') end++;
    char line[4097];
    memcpy(line, data + i, end - i);
    line[end - i] = '\0';
    if (ascii_starts_nocase(line, "sep=") || ascii_starts_nocase(line, "\"sep=")) return true;
    if (!strpbrk(line, ",;\t")) return false;
    /* One known column name between delimiters is enough. */
    for (const char *p = line; *p;) {
        size_t n = strcspn(p, ",;\t");
        char name[COLUMN_NAME_MAX], norm[COLUMN_NAME_MAX], base[COLUMN_NAME_MAX], lang[COLUMN_NAME_MAX];
        const char *from = p, *to = p + n;
        if (from < to && *from == '"') from++;
        if (to > from && to[-1] == '"') to--;
        snprintf(name, sizeof name, "%.*s", (int)(to - from), from);
        normalise_name(name, norm, sizeof norm);
        split_suffix(norm, base, sizeof base, lang, sizeof lang);
        if (find_spec(norm, LAYOUT_BOTH) || find_spec(base, LAYOUT_PLAIN)) return true;
        p += n;
        if (*p) p++;
    }
    return false;
}
