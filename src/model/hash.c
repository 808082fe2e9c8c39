/* hash.c: 64-bit FNV-1a (Fowler, Noll and Vo's parameters). */
#include "hash.h"

#include <string.h>

#define FNV1A_OFFSET_BASIS 14695981039346656037ull
#define FNV1A_PRIME 1099511628211ull

uint64_t hash_fnv1a_more(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) h = (h ^ p[i]) * FNV1A_PRIME;
    return h;
}

uint64_t hash_fnv1a(const void *data, size_t len)
{
    return hash_fnv1a_more(FNV1A_OFFSET_BASIS, data, len);
}

uint64_t hash_fnv1a_str(const char *s)
{
    return hash_fnv1a(s, strlen(s));
}
