/* grow.h: the one way Frise grows an array it reuses: by doubling. */
#ifndef FRISE_GROW_H
#define FRISE_GROW_H

#include <stdbool.h>
#include <stddef.h>

/* The room an empty array gets first, in items. */
enum { GROW_FIRST_ITEMS = 16 };

/* Makes the array *items (NULL, or malloc'd room for *cap items of
 * item_size bytes each) hold at least need items. When it must grow, *cap
 * doubles, from GROW_FIRST_ITEMS for an empty array, until need fits (so
 * an array grown only here has a power of two items, short of the bound):
 * appending n items costs O(n) copies, and a buffer reused frame to frame
 * stops allocating once it has the largest frame's size. Returns false,
 * with *items and *cap untouched, when memory runs out or the size in bytes
 * would overflow. Items past the old *cap are uninitialised. The caller
 * owns *items and frees it with free(). Call it as
 * grow_array((void **)&list->items, &list->cap, list->count + 1, sizeof *list->items). */
bool grow_array(void **items, size_t *cap, size_t need, size_t item_size);

/* grow_array for the arrays whose capacity is an int; need must not be
 * negative. It also fails when need exceeds INT_MAX, and a doubled *cap
 * stops at INT_MAX. */
bool grow_array_int(void **items, int *cap, int need, size_t item_size);

#endif
