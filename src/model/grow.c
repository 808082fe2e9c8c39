/* grow.c: doubling growth for arrays that are reused, with its overflow checks. */
#include "grow.h"

#include <assert.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>

/* grow_array with a bound on the capacity in items. */
static bool grow_bounded(void **items, size_t *cap, size_t need, size_t item_size, size_t max_items)
{
    assert(item_size > 0);
    if (need <= *cap) return true;
    if (SIZE_MAX / item_size < max_items) max_items = SIZE_MAX / item_size;
    if (need > max_items) return false;
    size_t n = *cap ? *cap : GROW_FIRST_ITEMS;
    if (n > max_items) n = max_items;
    while (n < need) n = n > max_items / 2 ? max_items : n * 2;
    void *grown = realloc(*items, n * item_size);
    if (!grown) return false;
    *items = grown;
    *cap = n;
    return true;
}

bool grow_array(void **items, size_t *cap, size_t need, size_t item_size)
{
    return grow_bounded(items, cap, need, item_size, SIZE_MAX);
}

bool grow_array_int(void **items, int *cap, int need, size_t item_size)
{
    assert(need >= 0 && *cap >= 0);
    size_t n = (size_t)*cap;
    if (!grow_bounded(items, &n, (size_t)need, item_size, INT_MAX)) return false;
    *cap = (int)n;
    return true;
}
