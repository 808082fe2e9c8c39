/* dump.h: the frame's layout and the session's state as JSON, for tests and
 * tools (docs/layout-dump.md). */
#ifndef FRISE_DUMP_H
#define FRISE_DUMP_H

#include <stdio.h>

#include "controller.h"
#include "poster.h"

/* Writes the current frame (brought up to date first) to out. */
void dump_layout(Controller *c, FILE *out);

/* Writes a poster's layout (docs/layout-dump.md, "Posters") to out: its
 * size, range and rows, every card, and its clusters (always none). */
void dump_poster(const Poster *p, const Timeline *tl, int lang, FILE *out);

#endif
