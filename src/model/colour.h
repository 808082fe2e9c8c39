/* colour.h: colours and shapes as files write them, and the defaults every
 * reader gives and every writer leaves out (one place, so that a round trip
 * recognises its own defaults). */
#ifndef FRISE_COLOUR_H
#define FRISE_COLOUR_H

#include <stdbool.h>

#include "style.h"

/* "#RRGGBB" or "#RGB", and the same without '#' (sheets and TimelineJS
 * files often drop it), opaque. False, *out untouched, for anything else. */
bool colour_parse_hex(const char *s, Colour *out);

/* The colour of the index-th category without one: Okabe-Ito's palette,
 * readable by colour-blind visitors, in order and round again. */
Colour colour_default_category(int index);
/* An era's colour when the file gives none. */
Colour colour_default_era(void);
/* Only red, green and blue count: a colour read from a file is opaque. */
bool colour_same(Colour a, Colour b);

/* A shape's name in files ("circle"...), and the shape of a name
 * (ASCII case ignored); SHAPE_COUNT for none. */
const char *shape_name(Shape s);
Shape shape_from_name(const char *name);

#endif
