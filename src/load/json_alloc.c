/* json_alloc: jansson's memory in large blocks, for a program that asks for it. */
/*
 * A plan's tree is tens of MB of small values, read whole and dropped whole: from blocks,
 * a value costs a pointer bump and its free a count, and a block is reused once none of
 * its values is left. jansson's allocator is process-wide (json_set_alloc_funcs), so the
 * library never sets it; a program that owns its process asks (oapgraph's main does).
 * Off in sanitizer builds, where each value stays its own allocation so that a use after
 * free inside a tree is still seen.
 */
#include "oapgraph/plan.h"

#include <jansson.h>

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#if defined(__SANITIZE_ADDRESS__)
#define OAP_JSON_ALLOC_OFF 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OAP_JSON_ALLOC_OFF 1
#endif
#endif

/* A block: its values, each after a header naming the block, so that a free finds the
 * count to lower. */
#define BLOCK_SIZE ((size_t)4 << 20)
#define ALIGN 16

typedef struct block {
    struct block *next; /* in the list of empty blocks */
    size_t live;        /* values allocated in it and not yet freed */
    size_t used, size;  /* bytes of data */
    _Alignas(ALIGN) unsigned char data[];
} block;

typedef union header {
    block *owner;
    _Alignas(ALIGN) unsigned char pad[ALIGN];
} header;

static block *current; /* where values are allocated */
static block *empty;   /* blocks of BLOCK_SIZE with no value left, for reuse */

static block *new_block(size_t need)
{
    block *b;
    if (need <= BLOCK_SIZE && empty) {
        b = empty;
        empty = b->next;
    } else {
        size_t size = need > BLOCK_SIZE ? need : BLOCK_SIZE;
        if (!(b = malloc(sizeof *b + size)))
            return NULL;
        b->size = size;
    }
    b->next = NULL;
    b->live = 0;
    b->used = 0;
    return b;
}

/* Gives a block with no value left back: the current one is rewound, another is kept for
 * reuse (all of them together once held a tree) or, when oversized, freed. */
static void release(block *b)
{
    if (b == current) {
        b->used = 0;
    } else if (b->size == BLOCK_SIZE) {
        b->next = empty;
        empty = b;
    } else {
        free(b);
    }
}

static void *json_alloc(size_t size)
{
    if (size > SIZE_MAX - 2 * ALIGN - sizeof(block))
        return NULL;
    size_t need = sizeof(header) + ((size + ALIGN - 1) & ~(size_t)(ALIGN - 1));
    if (!current || current->size - current->used < need) {
        block *b = new_block(need);
        if (!b)
            return NULL;
        block *old = current;
        current = b;
        if (old && old->live == 0)
            release(old);
    }
    header *h = (header *)(current->data + current->used);
    current->used += need;
    current->live++;
    h->owner = current;
    return h + 1;
}

static void json_free(void *p)
{
    if (!p)
        return;
    block *b = ((header *)p - 1)->owner;
    if (--b->live == 0)
        release(b);
}

void oap_json_use_block_allocator(void)
{
#ifndef OAP_JSON_ALLOC_OFF
    json_set_alloc_funcs(json_alloc, json_free);
#else
    (void)json_alloc; /* compiled all the same, so that it keeps building */
    (void)json_free;
#endif
}

void oap_json_block_allocator_end(void)
{
    while (empty) {
        block *b = empty;
        empty = b->next;
        free(b);
    }
    if (current && current->live == 0) {
        free(current);
        current = NULL;
    }
}
