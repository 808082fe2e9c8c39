/* style.h: the few visual facts a timeline file states: colours and the
 * category marker shapes. The model knows them as data; only the view draws. */
#ifndef FRISE_STYLE_H
#define FRISE_STYLE_H

#include <stdint.h>

typedef struct Colour { uint8_t r, g, b, a; } Colour;

/* Small category shapes, so that colour is never the only cue. */
typedef enum Shape {
    SHAPE_CIRCLE, SHAPE_SQUARE, SHAPE_DIAMOND, SHAPE_TRIANGLE, SHAPE_HEXAGON, SHAPE_STAR, SHAPE_COUNT
} Shape;

#endif
