/* arena.h: a growing bump allocator that owns every string of a timeline. */
#ifndef FRISE_ARENA_H
#define FRISE_ARENA_H

#include <stdbool.h>
#include <stddef.h>

#include "spill.h"

typedef struct ArenaBlock ArenaBlock;

/* Zero-initialised Arena is ready to use. Everything allocated from it is
 * freed at once by arena_free; nothing is freed individually. */
typedef struct Arena {
    ArenaBlock *head;
    size_t total_bytes;
    Spill *spill;         /* where texts go when not NULL (arena_spill_texts) */
} Arena;

/* Returns size bytes aligned for any type, or NULL when memory runs out. */
void *arena_alloc(Arena *arena, size_t size);

/* Copies len bytes of s and a terminating NUL; NULL when memory runs out. */
/* size bytes for text, with no alignment (strings are most of a timeline). */
char *arena_alloc_text(Arena *arena, size_t size);
char *arena_strndup(Arena *arena, const char *s, size_t len);
char *arena_strdup(Arena *arena, const char *s);

/* From now on the arena's texts (arena_alloc_text, arena_strndup) are
 * written to a spill file in dir (spill.h) rather than kept in memory, as
 * long as the file can grow; false (nothing changes) when it cannot be
 * made. For the largest timelines, whose texts are most of their size. */
bool arena_spill_texts(Arena *arena, const char *dir);

/* Frees every block; the arena is empty and reusable afterwards. */
void arena_free(Arena *arena);

#endif
