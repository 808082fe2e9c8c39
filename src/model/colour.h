/* colour.h: colours as files write them. */
#ifndef FRISE_COLOUR_H
#define FRISE_COLOUR_H

#include <stdbool.h>

#include "style.h"

/* "#RRGGBB" or "#RGB", and the same without '#' (sheets and TimelineJS
 * files often drop it), opaque. False, *out untouched, for anything else. */
bool colour_parse_hex(const char *s, Colour *out);

#endif
