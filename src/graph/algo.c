/* algo: strongly connected components, cycles, paths and redundant edges, all iterative. */
#include "algo.h"

#include "core/array.h"
#include "oapgraph/common.h"

#include <stdlib.h>
#include <string.h>

void oap_algo_scc_free(oap_scc *scc)
{
    free(scc->comp);
    free(scc->size);
    scc->comp = scc->size = NULL;
    scc->ncomp = 0;
}

/* Tarjan's algorithm with an explicit call stack: depth is bounded by memory, not by the
 * C stack, so a million-node chain is fine. */
int oap_algo_scc(oap_scc *out, const oap_csr *g, uint32_t n)
{
    uint32_t *index = malloc(((size_t)n + 1) * sizeof *index);
    uint32_t *low = malloc(((size_t)n + 1) * sizeof *low);
    uint32_t *stack = malloc(((size_t)n + 1) * sizeof *stack);
    uint32_t *call = malloc(((size_t)n + 1) * sizeof *call);
    uint32_t *pos = malloc(((size_t)n + 1) * sizeof *pos);
    out->comp = malloc(((size_t)n + 1) * sizeof *out->comp);
    out->size = malloc(((size_t)n + 1) * sizeof *out->size);
    out->ncomp = 0;
    int rc = OAP_ENOMEM;
    if (!index || !low || !stack || !call || !pos || !out->comp || !out->size)
        goto done;
    for (uint32_t v = 0; v < n; v++)
        index[v] = out->comp[v] = OAP_NONE;
    uint32_t counter = 0, sp = 0;
    for (uint32_t s = 0; s < n; s++) {
        if (index[s] != OAP_NONE)
            continue;
        uint32_t cp = 0;
        index[s] = low[s] = counter++;
        stack[sp++] = s;
        call[cp] = s;
        pos[cp++] = g->start[s];
        while (cp > 0) {
            uint32_t v = call[cp - 1];
            if (pos[cp - 1] < g->start[v + 1]) {
                uint32_t w = g->target[pos[cp - 1]++];
                if (index[w] == OAP_NONE) {
                    index[w] = low[w] = counter++;
                    stack[sp++] = w;
                    call[cp] = w;
                    pos[cp++] = g->start[w];
                } else if (out->comp[w] == OAP_NONE && index[w] < low[v]) {
                    low[v] = index[w]; /* w is still on the stack */
                }
                continue;
            }
            cp--;
            if (low[v] == index[v]) {
                uint32_t c = out->ncomp++, size = 0, w;
                do {
                    w = stack[--sp];
                    out->comp[w] = c;
                    size++;
                } while (w != v);
                out->size[c] = size;
            }
            if (cp > 0 && low[v] < low[call[cp - 1]])
                low[call[cp - 1]] = low[v];
        }
    }
    rc = 0;
done:
    free(index);
    free(low);
    free(stack);
    free(call);
    free(pos);
    if (rc < 0)
        oap_algo_scc_free(out);
    return rc;
}

int oap_bfs_init(oap_bfs *b, uint32_t n)
{
    b->n = n;
    b->seen = 0;
    b->prev = malloc(((size_t)n + 1) * sizeof *b->prev);
    b->queue = malloc(((size_t)n + 1) * sizeof *b->queue);
    b->alt = malloc(((size_t)n + 1) * sizeof *b->alt);
    if (!b->prev || !b->queue || !b->alt) {
        oap_bfs_free(b);
        return OAP_ENOMEM;
    }
    for (uint32_t v = 0; v < n; v++)
        b->prev[v] = b->alt[v] = OAP_NONE;
    return 0;
}

void oap_bfs_free(oap_bfs *b)
{
    free(b->prev);
    free(b->queue);
    free(b->alt);
    b->prev = b->queue = b->alt = NULL;
}

/* The nodes from `from` to `last` on the search tree, then `to`: a malloc'ed array in
 * *path, its length in *len. Returns 1 or OAP_ENOMEM. */
static int tree_path(const oap_bfs *b, uint32_t **path, uint32_t *len, uint32_t from, uint32_t last,
                     uint32_t to)
{
    uint32_t count = 2;
    for (uint32_t v = last; v != from; v = b->prev[v])
        count++;
    uint32_t *p = malloc((size_t)count * sizeof *p);
    if (!p)
        return OAP_ENOMEM;
    uint32_t i = count;
    p[--i] = to;
    for (uint32_t v = last; v != from; v = b->prev[v])
        p[--i] = v;
    p[--i] = from;
    *path = p;
    *len = count;
    return 1;
}

int oap_bfs_explain(oap_bfs *b, const oap_csr *g, uint32_t from, const uint32_t *targets, size_t n)
{
    uint32_t head = 0, tail = 0;
    size_t left = n; /* targets without their last step yet */
    b->queue[tail++] = from;
    /* The start is not marked seen: nothing is reached through a path back to it, as in
     * oap_bfs_path. Every node whose alt is set is in the queue, so the reset finds it. */
    while (head < tail && left > 0) {
        uint32_t v = b->queue[head++];
        for (uint32_t e = g->start[v]; e < g->start[v + 1]; e++) {
            uint32_t w = g->target[e];
            if (w == from)
                continue;
            if (v != from && b->alt[w] == OAP_NONE && w != v)
                b->alt[w] = v;
            if (b->prev[w] != OAP_NONE)
                continue;
            b->prev[w] = v;
            b->queue[tail++] = w;
        }
        /* Counted after each node, not each edge: cheap, and only the stop depends on it. */
        if (v != from)
            for (; left > 0 && b->alt[targets[n - left]] != OAP_NONE; left--)
                ;
    }
    b->seen = tail;
    return 0;
}

int oap_bfs_explained(const oap_bfs *b, uint32_t **path, uint32_t *len, uint32_t from, uint32_t to)
{
    *path = NULL;
    *len = 0;
    if (b->alt[to] == OAP_NONE)
        return 0;
    return tree_path(b, path, len, from, b->alt[to], to);
}

void oap_bfs_explain_end(oap_bfs *b)
{
    for (uint32_t i = 0; i < b->seen; i++) {
        b->prev[b->queue[i]] = OAP_NONE;
        b->alt[b->queue[i]] = OAP_NONE;
    }
    b->seen = 0;
}

int oap_bfs_path(oap_bfs *b, uint32_t **path, uint32_t *len, const oap_csr *g, uint32_t from,
                 uint32_t to, int skip_direct, const uint32_t *comp)
{
    uint32_t head = 0, tail = 0;
    int found = 0;
    *path = NULL;
    *len = 0;
    /* The start is not marked seen, so that a path back to it (a cycle) can be found. */
    b->queue[tail++] = from;
    while (head < tail && !found) {
        uint32_t v = b->queue[head++];
        for (uint32_t e = g->start[v]; e < g->start[v + 1]; e++) {
            uint32_t w = g->target[e];
            if (skip_direct && v == from && w == to)
                continue;
            if (comp && comp[w] != comp[from])
                continue;
            if (b->prev[w] != OAP_NONE || (w == from && w != to))
                continue;
            b->prev[w] = v;
            b->queue[tail++] = w;
            if (w == to) {
                found = 1;
                break;
            }
        }
    }
    int rc = 0;
    if (found) {
        /* Walk back from `to`; for a cycle (from == to) at least one step is taken. */
        uint32_t count = 1, v = to;
        do {
            v = b->prev[v];
            count++;
        } while (v != from);
        uint32_t *p = malloc((size_t)count * sizeof *p);
        if (!p) {
            rc = OAP_ENOMEM;
        } else {
            uint32_t i = count;
            v = to;
            p[--i] = v;
            do {
                v = b->prev[v];
                p[--i] = v;
            } while (v != from);
            *path = p;
            *len = count;
            rc = 1;
        }
    }
    for (uint32_t i = 0; i < tail; i++)
        b->prev[b->queue[i]] = OAP_NONE;
    return rc;
}

/* Union-find over the condensed graph, for its weakly connected parts. */
static uint32_t find_root(uint32_t *parent, uint32_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

/* Bitsets for a part whose whole table (a bit per pair of its components) would take at
 * most BITSET_WORK bytes: the work is that many bytes' ORs, near nothing. A larger part
 * is searched node by node. The table is made BITSET_BAND bytes at a time: bands of
 * columns (target components), one a pass, so memory stays low for the same work. */
enum { BITSET_WORK = 256u * 1024 * 1024, BITSET_BAND = 32u * 1024 * 1024 };

/* Marks the condensed edges of one part that longer paths imply, with bitsets: comps
 * are processed sinks first, reach[c] = union over successors d of reach[d] + {d}, each
 * pass over the words [lo, hi) of every row only. */
static int part_bitsets(const oap_csr *cg, const uint32_t *members, uint32_t k, uint32_t *loc,
                        uint8_t *redundant)
{
    size_t words = ((size_t)k + 63) / 64;
    size_t band = BITSET_BAND / 8 / k;
    if (band == 0)
        band = 1;
    if (band > words)
        band = words;
    uint64_t *reach = malloc((size_t)k * band * sizeof *reach);
    uint64_t *implied = malloc(band * sizeof *implied);
    if (!reach || !implied) {
        free(reach);
        free(implied);
        return OAP_ENOMEM;
    }
    for (uint32_t i = 0; i < k; i++)
        loc[members[i]] = i;
    for (size_t lo = 0; lo < words; lo += band) {
        size_t hi = lo + band < words ? lo + band : words, nw = hi - lo;
        for (uint32_t i = 0; i < k; i++) {
            uint32_t c = members[i];
            uint64_t *rc = reach + (size_t)i * band;
            memset(implied, 0, nw * sizeof *implied);
            for (uint32_t e = cg->start[c]; e < cg->start[c + 1]; e++) {
                const uint64_t *rd = reach + (size_t)loc[cg->target[e]] * band;
                for (size_t w = 0; w < nw; w++)
                    implied[w] |= rd[w];
            }
            memcpy(rc, implied, nw * sizeof *rc);
            for (uint32_t e = cg->start[c]; e < cg->start[c + 1]; e++) {
                uint32_t d = loc[cg->target[e]];
                if (d / 64 < lo || d / 64 >= hi)
                    continue;
                if (implied[d / 64 - lo] >> (d % 64) & 1)
                    redundant[e] = 1;
                rc[d / 64 - lo] |= (uint64_t)1 << (d % 64);
            }
        }
    }
    free(reach);
    free(implied);
    return 0;
}

/* The same for a part too large for bitsets: from each node with two or more successors,
 * a search from its successors; a successor reached again is implied. */
static int part_search(const oap_csr *cg, const uint32_t *members, uint32_t k, uint32_t *stamp,
                       uint32_t *queue, uint8_t *redundant)
{
    for (uint32_t i = 0; i < k; i++) {
        uint32_t c = members[i];
        if (oap_csr_count(cg, c) < 2)
            continue;
        uint32_t mark = c + 1, head = 0, tail = 0;
        for (uint32_t e = cg->start[c]; e < cg->start[c + 1]; e++) {
            uint32_t d = cg->target[e];
            for (uint32_t f = cg->start[d]; f < cg->start[d + 1]; f++)
                if (stamp[cg->target[f]] != mark) {
                    stamp[cg->target[f]] = mark;
                    queue[tail++] = cg->target[f];
                }
        }
        while (head < tail) {
            uint32_t v = queue[head++];
            for (uint32_t f = cg->start[v]; f < cg->start[v + 1]; f++)
                if (stamp[cg->target[f]] != mark) {
                    stamp[cg->target[f]] = mark;
                    queue[tail++] = cg->target[f];
                }
        }
        for (uint32_t e = cg->start[c]; e < cg->start[c + 1]; e++)
            if (stamp[cg->target[e]] == mark)
                redundant[e] = 1;
    }
    return 0;
}

int oap_algo_redundant(oap_redundant **out, size_t *count, const oap_csr *g, uint32_t n,
                       const oap_scc *scc)
{
    uint32_t nc = scc->ncomp;
    oap_edges ce = {0};
    oap_csr cg = {0};
    uint32_t *parent = NULL, *order = NULL, *first = NULL, *loc = NULL, *queue = NULL;
    uint8_t *redundant = NULL;
    int rc = OAP_ENOMEM;
    *out = NULL;
    *count = 0;

    for (uint32_t u = 0; u < n; u++)
        for (uint32_t e = g->start[u]; e < g->start[u + 1]; e++) {
            uint32_t cu = scc->comp[u], cv = scc->comp[g->target[e]];
            if (cu != cv && oap_edges_add(&ce, cu, cv, 0) < 0)
                goto done;
        }
    if (oap_csr_build(&cg, nc, &ce) < 0)
        goto done;
    parent = malloc(((size_t)nc + 1) * sizeof *parent);
    order = malloc(((size_t)nc + 1) * sizeof *order);
    first = calloc((size_t)nc + 2, sizeof *first);
    loc = malloc(((size_t)nc + 1) * sizeof *loc);
    queue = malloc(((size_t)nc + 1) * sizeof *queue);
    redundant = calloc(cg.start[nc] + 1, 1);
    if (!parent || !order || !first || !loc || !queue || !redundant)
        goto done;
    for (uint32_t c = 0; c < nc; c++)
        parent[c] = c;
    for (uint32_t c = 0; c < nc; c++)
        for (uint32_t e = cg.start[c]; e < cg.start[c + 1]; e++) {
            uint32_t a = find_root(parent, c), b = find_root(parent, cg.target[e]);
            if (a != b)
                parent[a < b ? b : a] = a < b ? a : b;
        }
    /* Group components by part, each part in increasing component number (sinks first),
     * with a stable counting sort. */
    for (uint32_t c = 0; c < nc; c++)
        first[find_root(parent, c) + 1]++;
    for (uint32_t c = 0; c < nc; c++)
        first[c + 1] += first[c];
    for (uint32_t c = 0; c < nc; c++)
        order[first[find_root(parent, c)]++] = c;
    for (uint32_t c = nc; c > 0; c--)
        first[c] = first[c - 1];
    first[0] = 0;
    for (uint32_t r = 0; r < nc; r++) {
        uint32_t k = first[r + 1] - first[r];
        if (k < 3)
            continue; /* an implied edge needs at least three components */
        const uint32_t *members = order + first[r];
        if ((size_t)k * (((size_t)k + 63) / 64) * 8 <= BITSET_WORK) {
            if (part_bitsets(&cg, members, k, loc, redundant) < 0)
                goto done;
        } else {
            for (uint32_t i = 0; i < k; i++)
                loc[members[i]] = OAP_NONE;
            part_search(&cg, members, k, loc, queue, redundant);
        }
    }
    /* Back to the edges of g: an edge is implied when its condensed edge is. */
    size_t cap = 0;
    for (uint32_t u = 0; u < n; u++)
        for (uint32_t e = g->start[u]; e < g->start[u + 1]; e++) {
            uint32_t cu = scc->comp[u], cv = scc->comp[g->target[e]];
            if (cu == cv)
                continue;
            uint32_t lo = cg.start[cu], hi = cg.start[cu + 1];
            while (lo < hi) {
                uint32_t mid = lo + (hi - lo) / 2;
                if (cg.target[mid] < cv)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (!redundant[lo])
                continue;
            if (OAP_ARRAY_RESERVE(*out, cap, *count + 1) < 0)
                goto done;
            (*out)[(*count)++] = (oap_redundant){e};
        }
    rc = 0;
done:
    if (rc < 0) {
        free(*out);
        *out = NULL;
        *count = 0;
    }
    free(ce.items);
    oap_csr_free(&cg);
    free(parent);
    free(order);
    free(first);
    free(loc);
    free(queue);
    free(redundant);
    return rc;
}
