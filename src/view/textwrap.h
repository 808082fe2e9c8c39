/* textwrap.h: greedy word wrapping measured through a TextMeasurer. */
#ifndef FRISE_TEXTWRAP_H
#define FRISE_TEXTWRAP_H

#include <stdbool.h>
#include <stddef.h>

#include "drawlist.h"

typedef struct WrapLine {
    size_t offset, len;            /* bytes of the source text */
    bool ellipsis;                 /* the text goes on: draw "…" after it */
    bool paragraph_end;            /* the last line of a paragraph */
} WrapLine;

/* Splits text into lines no wider than max_w. Newlines end paragraphs
 * ("\n\n" leaves an empty line). At most max_lines lines are written; when
 * the text does not fit, the last line is shortened so that it and an
 * ellipsis fit, and gets ellipsis = true. A word wider than a line is broken
 * between characters. Returns the number of lines. */
int wrap_text(const TextMeasurer *m, FontFace face, int size_px, const char *text, float max_w, WrapLine *lines,
              int max_lines);

/* The width of "…" in that font. */
float wrap_ellipsis_width(const TextMeasurer *m, FontFace face, int size_px);

#define WRAP_ELLIPSIS "\xE2\x80\xA6"

#endif
