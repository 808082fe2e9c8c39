/* export.h: the whole timeline as a text to read: Markdown for handouts, or
 * an accessible HTML page (headings per era, one article per event, lang
 * attributes wherever a text falls back to another language) for screen
 * readers, which a drawn window cannot serve. */
#ifndef FRISE_EXPORT_H
#define FRISE_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "timeline.h"

typedef enum ExportFormat { EXPORT_MARKDOWN, EXPORT_HTML } ExportFormat;

/* HTML for a path ending in .html or .htm (any case), Markdown otherwise. */
ExportFormat export_format_for_path(const char *path);

/* Writes every event of tl in date order, grouped under the eras of its
 * first lane, in language lang (index into tl->langs; texts missing in it
 * fall back as on screen, and say so). Returns false when writing failed. */
bool export_timeline(const Timeline *tl, int lang, ExportFormat format, FILE *out);

#endif
