/* colour.c: colours and shapes as files write them (see colour.h). */
#include "colour.h"

#include <stdint.h>
#include <string.h>

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool colour_parse_hex(const char *s, Colour *out)
{
    if (*s == '#') s++;
    size_t n = strlen(s);
    if (n != 6 && n != 3) return false;
    int v[6];
    for (size_t i = 0; i < n; i++)
        if ((v[i] = hex_digit(s[i])) < 0) return false;
    if (n == 3)
        *out = (Colour){(uint8_t)(v[0] * 17), (uint8_t)(v[1] * 17), (uint8_t)(v[2] * 17), 255};
    else
        *out = (Colour){(uint8_t)(v[0] * 16 + v[1]), (uint8_t)(v[2] * 16 + v[3]), (uint8_t)(v[4] * 16 + v[5]), 255};
    return true;
}

Colour colour_default_category(int index)
{
    static const Colour palette[] = {{0, 114, 178, 255},  {213, 94, 0, 255},   {0, 158, 115, 255},
                                     {204, 121, 167, 255}, {230, 159, 0, 255}, {86, 180, 233, 255}};
    int n = (int)(sizeof palette / sizeof palette[0]);
    return palette[((index % n) + n) % n];
}

Colour colour_default_era(void)
{
    return (Colour){200, 190, 170, 255};
}

bool colour_same(Colour a, Colour b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

static const char *const SHAPE_NAMES[SHAPE_COUNT] = {"circle", "square", "diamond", "triangle", "hexagon", "star"};

const char *shape_name(Shape s)
{
    return SHAPE_NAMES[(unsigned)s % SHAPE_COUNT];
}

Shape shape_from_name(const char *name)
{
    for (int i = 0; i < SHAPE_COUNT; i++) {
        const char *a = name, *b = SHAPE_NAMES[i];
        while (*a && *b && (*a | 0x20) == *b) a++, b++; /* the names are lower-case letters */
        if (!*a && !*b) return (Shape)i;
    }
    return SHAPE_COUNT;
}
