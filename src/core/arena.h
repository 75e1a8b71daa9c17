/* arena: bump allocation in large blocks; everything is freed at once. */
#ifndef OAP_CORE_ARENA_H
#define OAP_CORE_ARENA_H

#include <stddef.h>

typedef struct oap_arena_block oap_arena_block;

typedef struct oap_arena {
    oap_arena_block *head;
    size_t used, size; /* of the head block */
} oap_arena;

#define OAP_ARENA_INIT                                                                             \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

/* Returns zeroed memory aligned for any type, or NULL when out of memory. */
void *oap_arena_alloc(oap_arena *arena, size_t size);
/* Copies len bytes and a terminating NUL; NULL when out of memory. */
char *oap_arena_strndup(oap_arena *arena, const char *s, size_t len);
char *oap_arena_strdup(oap_arena *arena, const char *s);
/* printf into the arena; NULL when out of memory. */
char *oap_arena_printf(oap_arena *arena, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void oap_arena_free(oap_arena *arena);

#endif
