/* pngwrite.h: a PNG written row by row with libpng, so that an image far
 * larger than memory (a poster) never has to be held whole. */
#ifndef FRISE_PNGWRITE_H
#define FRISE_PNGWRITE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct PngWriter PngWriter;

/* Opens path for a w x h 8-bit RGB PNG (Adam7 off, the rows must come in
 * order). NULL (logged with the reason) on failure. */
PngWriter *pngwrite_open(const char *path, int w, int h);
/* Appends the next row: w pixels of 3 bytes (R, G, B). False (logged) on
 * failure; the writer is then only good for pngwrite_abort. */
bool pngwrite_row(PngWriter *pw, const uint8_t *rgb);
/* Writes the end of the file after the h-th row and closes it; false
 * (logged) on failure, the partial file removed. Frees pw either way. */
bool pngwrite_close(PngWriter *pw);
/* Closes and removes the partial file, frees pw. NULL is allowed. */
void pngwrite_abort(PngWriter *pw);

#endif
