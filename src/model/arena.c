/* arena.c: bump allocation in blocks that double in size. */
#include "arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

struct ArenaBlock {
    ArenaBlock *next;
    size_t used;
    size_t capacity;
    alignas(max_align_t) unsigned char data[];
};

enum { ARENA_FIRST_BLOCK = 16 * 1024 };

static size_t align_up(size_t n)
{
    size_t a = alignof(max_align_t);
    return (n + a - 1) / a * a;
}

static ArenaBlock *new_block(size_t capacity)
{
    ArenaBlock *b = malloc(sizeof(ArenaBlock) + capacity);
    if (!b) return NULL;
    b->next = NULL;
    b->used = 0;
    b->capacity = capacity;
    return b;
}

/* size bytes at a multiple of align (a power of two) in the current block,
 * or in a new one twice as large. */
static void *bump(Arena *arena, size_t size, size_t align)
{
    ArenaBlock *b = arena->head;
    size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || at > b->capacity || b->capacity - at < size) {
        size_t capacity = b ? b->capacity * 2 : ARENA_FIRST_BLOCK;
        if (capacity < size) capacity = size;
        ArenaBlock *fresh = new_block(capacity);
        if (!fresh) return NULL;
        fresh->next = b;
        arena->head = b = fresh;
        arena->total_bytes += capacity;
        at = 0;
    }
    void *p = b->data + at;
    b->used = at + size;
    return p;
}

void *arena_alloc(Arena *arena, size_t size)
{
    return bump(arena, align_up(size ? size : 1), alignof(max_align_t));
}

/* Text needs no alignment: a string padded to 16 bytes wasted 8 on average,
 * and a timeline's texts are most of its memory. */
/* Short texts stay in memory even when the arena spills: ids, names and
 * labels are read again and again (sorting, lookups, every frame's
 * lanes), where a story's words are read when it is shown. */
enum { ARENA_SPILL_MIN_TEXT = 40 };

char *arena_alloc_text(Arena *arena, size_t size)
{
    char *spilled = arena->spill && size >= ARENA_SPILL_MIN_TEXT ? spill_alloc(arena->spill, size) : NULL;
    return spilled ? spilled : bump(arena, size ? size : 1, 1);
}

bool arena_spill_texts(Arena *arena, const char *dir)
{
    if (!arena->spill) arena->spill = spill_open(dir);
    return arena->spill != NULL;
}

char *arena_strndup(Arena *arena, const char *s, size_t len)
{
    char *copy = arena_alloc_text(arena, len + 1);
    if (!copy) return NULL;
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

char *arena_strdup(Arena *arena, const char *s)
{
    return arena_strndup(arena, s, strlen(s));
}

void arena_free(Arena *arena)
{
    ArenaBlock *b = arena->head;
    while (b) {
        ArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    arena->head = NULL;
    arena->total_bytes = 0;
    spill_close(arena->spill);
    arena->spill = NULL;
}
