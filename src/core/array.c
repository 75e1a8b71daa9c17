/* array: the one growable array: room for more items, by doubling, typed at the call site. */
#include "array.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

size_t oap_array_next_cap(size_t cap, size_t need)
{
    size_t c = cap ? cap : OAP_ARRAY_MIN;
    while (c < need) {
        if (c > SIZE_MAX / 2)
            return need;
        c *= 2;
    }
    return c;
}

void *oap_array_resize(void *items, size_t n, size_t size)
{
    /* No object may be larger than PTRDIFF_MAX: pointer differences inside it must fit. */
    if (size && n > PTRDIFF_MAX / size)
        return NULL;
    size_t bytes = n * size;
    /* realloc of 0 bytes may free items and return NULL, which reads as failure. */
    return realloc(items, bytes ? bytes : 1);
}

void *oap_array_grow(void *items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return items;
    size_t max = size ? PTRDIFF_MAX / size : PTRDIFF_MAX;
    if (need > max)
        return items;
    /* Doubling may pass what a size_t can count in bytes while need itself does not. */
    size_t next = oap_array_next_cap(*cap, need);
    if (next > max)
        next = max;
    void *grown = oap_array_resize(items, next, size);
    if (!grown)
        return items;
    *cap = next;
    return grown;
}
