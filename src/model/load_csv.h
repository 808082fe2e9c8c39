/* load_csv.h: spreadsheets saved as CSV -> Timeline + LoadReport.
 *
 * Two layouts, told apart by the header row (docs/spreadsheets.md):
 * TimelineJS's published Google Sheets columns (Year, Month, Day, ...,
 * Headline, Text, Media, ..., Type, Group, Background), and Frise's plain
 * layout naming its own fields (id, start, end, title, title.fr, ...). The
 * contract is load_timeline_memory's: every problem is reported, located as
 * FILE:ROW:COLUMN with the column's name in the path, what a problem spoils
 * is dropped, the rest is kept. The input is streamed through libcsv, so a
 * file is never held whole in memory: only the events and their strings
 * (in the timeline's arena) and one row at a time. */
#ifndef FRISE_LOAD_CSV_H
#define FRISE_LOAD_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "load.h"

/* The CSV reader's own limits (docs/spreadsheets.md, "Limits"). A CSV file
 * is streamed, so it may be far larger than a JSON file (LOAD_MAX_FILE_BYTES):
 * what bounds memory is the number of events, LOAD_MAX_EVENTS, as for JSON.
 * A cell is cut off at LOAD_CSV_MAX_CELL_BYTES while it is read (an unclosed
 * quote would otherwise swallow the rest of the file into one cell); a text
 * longer than LOAD_MAX_STRING_BYTES is an error, as in JSON. */
enum {
    LOAD_CSV_MAX_FILE_BYTES = 1024 * 1024 * 1024, /* 1 GiB */
    LOAD_CSV_MAX_CELL_BYTES = 1024 * 1024,
    LOAD_CSV_MAX_COLUMNS = 1024
};

/* Loads a CSV file, reading it in chunks (it is read twice: once to count
 * its lines, which sizes the event array, once to parse it). Same contract
 * as load_timeline_file: *out and *report are overwritten, both are the
 * caller's to free with timeline_free and load_report_free, and the result
 * is false when the file was rejected. Images named in the file are
 * resolved against the file's folder. */
bool load_csv_file(const char *path, const LoadOptions *opt, Timeline *out, LoadReport *report);

/* The same from memory: name is used in messages, base_dir resolves images
 * (may be NULL: the paths are kept as written), data need not be
 * NUL-terminated and is not changed. */
bool load_csv_memory(const char *name, const char *data, size_t len, const char *base_dir, const LoadOptions *opt,
                     Timeline *out, LoadReport *report);

/* True when data (the start of a file is enough) reads as a CSV timeline
 * rather than JSON: it does not open with '{' or '[', and its first line is
 * Excel's "sep=" line or names at least one column of either layout with a
 * ',', ';' or tab between names. For the dispatcher, when the file's name
 * does not end in ".csv". */
bool load_looks_like_csv(const char *data, size_t len);

/* True when path ends in ".csv" or ".tsv" (in any case). */
bool load_csv_path_is_csv(const char *path);

#endif
