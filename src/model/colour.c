/* colour.c: colours as files write them (see colour.h). */
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
