/* ascii.c: ASCII comparisons in any case (see ascii.h). */
#include "ascii.h"

char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

bool ascii_starts_nocase(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++)
        if (ascii_lower(*s) != ascii_lower(*prefix)) return false;
    return true;
}

bool ascii_same_nocase(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (ascii_lower(*a) != ascii_lower(*b)) return false;
    return *a == *b;
}

bool ascii_same_nocase_n(const char *a, size_t a_len, const char *b, size_t b_len)
{
    if (a_len != b_len) return false;
    for (size_t i = 0; i < a_len; i++)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

const char *ascii_find_nocase(const char *s, const char *word)
{
    for (; *s; s++)
        if (ascii_starts_nocase(s, word)) return s;
    return NULL;
}
