/* arena: bump allocation in large blocks; everything is freed at once. */
#include "arena.h"

#include <stdarg.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct oap_arena_block {
    oap_arena_block *next;
    alignas(max_align_t) unsigned char data[];
};

enum { BLOCK_SIZE = 256 * 1024 };

/* Memory for size bytes at the given alignment (a power of two), not cleared. */
static void *alloc_raw(oap_arena *arena, size_t size, size_t align)
{
    size_t need = size;
    if (arena->head) /* pad the head block's fill up to the alignment */
        arena->used = (arena->used + align - 1) & ~(align - 1);
    if (arena->head && arena->used > arena->size)
        arena->used = arena->size;
    if (!arena->head || arena->size - arena->used < need) {
        /* Large requests get a block of their own so small ones keep filling the head. */
        size_t block = need > BLOCK_SIZE / 4 ? need : BLOCK_SIZE;
        if (block > SIZE_MAX - sizeof(oap_arena_block))
            return NULL;
        oap_arena_block *b = malloc(sizeof *b + block);
        if (!b)
            return NULL;
        if (block == need && arena->head) {
            /* Keep the current head for later small allocations. */
            b->next = arena->head->next;
            arena->head->next = b;
            return b->data;
        }
        b->next = arena->head;
        arena->head = b;
        arena->size = block;
        arena->used = 0;
    }
    void *p = arena->head->data + arena->used;
    arena->used += need;
    return p;
}

void *oap_arena_alloc(oap_arena *arena, size_t size)
{
    void *p = alloc_raw(arena, size, alignof(max_align_t));
    if (p)
        memset(p, 0, size);
    return p;
}

char *oap_arena_strndup(oap_arena *arena, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    /* Strings need no alignment and no clearing: they are copied over at once. */
    char *p = alloc_raw(arena, len + 1, 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *oap_arena_strdup(oap_arena *arena, const char *s)
{
    return oap_arena_strndup(arena, s, strlen(s));
}

char *oap_arena_printf(oap_arena *arena, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = oap_arena_alloc(arena, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void oap_arena_free(oap_arena *arena)
{
    oap_arena_block *b = arena->head;
    while (b) {
        oap_arena_block *next = b->next;
        free(b);
        b = next;
    }
    arena->head = NULL;
    arena->used = arena->size = 0;
}
