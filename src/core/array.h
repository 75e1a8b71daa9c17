/* array: the one growable array: room for more items, by doubling, typed at the call site. */
#ifndef OAP_CORE_ARRAY_H
#define OAP_CORE_ARRAY_H

#include "oapgraph/common.h"

#include <stddef.h>

/* The capacity an empty array grows to first. Every capacity is this doubled, so an
 * array of n items ends at the power of two that holds n, whatever it started at. */
#define OAP_ARRAY_MIN 8

/* Makes room for need items in the array ptr (a T * lvalue, NULL while empty) whose
 * capacity is cap (a size_t lvalue): 0, or OAP_ENOMEM with ptr and cap as they were,
 * also when need * sizeof(T) does not fit in a size_t. The items stay where they are
 * in the array; only the pointer may move.
 *
 *     if (OAP_ARRAY_RESERVE(set->files, set->cap, set->nfiles + 1) < 0)
 *         return OAP_ENOMEM;
 *
 * Why a macro around a function returning void *: the function cannot be handed the
 * address of ptr as a void **, because reading a T * object through a void * lvalue
 * breaks strict aliasing and C does not promise that T * and void * look alike in
 * memory. It gets ptr's value instead and returns the block, which the macro assigns
 * back to ptr, converting void * to T * as the language defines. On failure that block
 * is ptr's own value, so ptr is unchanged, and cap, still below need, tells failure
 * from success. The fast path (room already) is inline and calls nothing.
 *
 * ptr, cap and need are evaluated more than once: pass no side effects. */
#define OAP_ARRAY_RESERVE(ptr, cap, need)                                                          \
    ((size_t)(need) <= (cap)                                                                       \
         ? 0                                                                                       \
         : ((ptr) = oap_array_grow((ptr), &(cap), (size_t)(need), sizeof *(ptr)),                  \
            (size_t)(need) <= (cap) ? 0 : OAP_ENOMEM))

/* What OAP_ARRAY_RESERVE calls: items (*cap items of size bytes) grown to hold need.
 * Returns the block to use: a new one with *cap raised, or items itself with *cap
 * unchanged when there was room already or it cannot grow (out of memory, or the bytes
 * would overflow a size_t). */
void *oap_array_grow(void *items, size_t *cap, size_t need, size_t size);

/* For arrays that share one capacity (parallel arrays): the capacity that holds need,
 * grown from cap (or from OAP_ARRAY_MIN when cap is 0) by doubling; need itself when
 * doubling would pass SIZE_MAX. Never fails: oap_array_resize refuses what cannot be. */
size_t oap_array_next_cap(size_t cap, size_t need);

/* items resized to exactly n items of size bytes (n of 0 keeps room for one, so NULL
 * only ever means failure). Returns the block, or NULL with items untouched when out
 * of memory or when n * size does not fit in a size_t. Assign the result to a typed
 * pointer first and store it once it is not NULL. */
void *oap_array_resize(void *items, size_t n, size_t size);

#endif
