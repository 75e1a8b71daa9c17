/* adjacency: the edges a view walks (needs either way, or every link) and what each means. */
#include "adjacency.h"

#include "core/array.h"
#include "oapgraph/common.h"

#include <stdlib.h>
#include <string.h>

typedef struct edge {
    uint32_t from, to;
    uint8_t rel;
} edge;

typedef struct edge_list {
    edge *items;
    size_t n, cap;
} edge_list;

static int add(edge_list *e, uint32_t from, uint32_t to, oap_relation rel)
{
    if (OAP_ARRAY_RESERVE(e->items, e->cap, e->n + 1) < 0)
        return OAP_ENOMEM;
    e->items[e->n++] = (edge){from, to, (uint8_t)rel};
    return 0;
}

static int cmp_edge(const void *pa, const void *pb)
{
    const edge *a = pa, *b = pb;
    if (a->to != b->to)
        return a->to < b->to ? -1 : 1;
    return (int)a->rel - (int)b->rel;
}

static int collect(edge_list *e, const oap_graph *g, int flags)
{
    int reverse = flags & OAP_ADJ_REVERSE;
    for (uint32_t v = 0; v < g->nnodes; v++)
        for (uint32_t i = g->needs.start[v]; i < g->needs.start[v + 1]; i++) {
            uint32_t w = g->needs.target[i];
            int implied = g->needs.link[i] == OAP_NONE;
            int rc = reverse ? add(e, w, v, implied ? OAP_REL_FOLLOWED_BY : OAP_REL_NEEDED_BY)
                             : add(e, v, w, implied ? OAP_REL_AFTER : OAP_REL_NEEDS);
            if (rc < 0)
                return rc;
        }
    if (!(flags & OAP_ADJ_ALL_LINKS))
        return 0;
    for (size_t i = 0; i < g->nlinks; i++) {
        const oap_link *l = &g->links[i];
        if ((l->status != OAP_LINK_RESOLVED && l->status != OAP_LINK_EXTERNAL) || l->to == OAP_NONE)
            continue;
        uint8_t kind = g->nodes[l->to].kind;
        /* A resolved need of an action or phase is an edge of needs already. */
        if (l->list != OAP_LIST_REFS && l->status == OAP_LINK_RESOLVED &&
            (kind == OAP_NODE_ACTION || kind == OAP_NODE_PHASE))
            continue;
        if (add(e, l->action, l->to, OAP_REL_REFERS_TO) < 0 ||
            add(e, l->to, l->action, OAP_REL_REFERRED_BY) < 0)
            return OAP_ENOMEM;
    }
    for (uint32_t v = 0; v < g->nnodes; v++)
        if (g->nodes[v].kind == OAP_NODE_PHASE &&
            (add(e, v, g->nodes[v].owner, OAP_REL_PHASE_OF) < 0 ||
             add(e, g->nodes[v].owner, v, OAP_REL_HAS_PHASE) < 0))
            return OAP_ENOMEM;
    return 0;
}

int oap_adjacency_build(oap_adjacency *a, const oap_graph *g, int flags)
{
    edge_list e = {0};
    edge *sorted = NULL;
    uint32_t n = g->nnodes;
    int rc = OAP_ENOMEM;
    memset(a, 0, sizeof *a);
    a->n = n;
    if (collect(&e, g, flags) < 0)
        goto done;
    a->start = calloc((size_t)n + 1, sizeof *a->start);
    a->target = malloc((e.n ? e.n : 1) * sizeof *a->target);
    a->rel = malloc(e.n ? e.n : 1);
    sorted = malloc((e.n ? e.n : 1) * sizeof *sorted);
    if (!a->start || !a->target || !a->rel || !sorted)
        goto done;
    /* Counting sort by source, then each (short) row by target and relation. */
    for (size_t i = 0; i < e.n; i++)
        a->start[e.items[i].from + 1]++;
    for (uint32_t v = 0; v < n; v++)
        a->start[v + 1] += a->start[v];
    for (size_t i = 0; i < e.n; i++)
        sorted[a->start[e.items[i].from]++] = e.items[i];
    /* start[v] now holds the end of row v: shift back. */
    memmove(a->start + 1, a->start, (size_t)n * sizeof *a->start);
    a->start[0] = 0;
    uint32_t w = 0;
    for (uint32_t v = 0; v < n; v++) {
        uint32_t lo = a->start[v], hi = a->start[v + 1];
        if (hi - lo > 1)
            qsort(sorted + lo, hi - lo, sizeof *sorted, cmp_edge);
        a->start[v] = w;
        for (uint32_t i = lo; i < hi; i++) {
            if (i > lo && sorted[i].to == sorted[i - 1].to && sorted[i].rel == sorted[i - 1].rel)
                continue;
            a->target[w] = sorted[i].to;
            a->rel[w] = sorted[i].rel;
            w++;
        }
    }
    a->start[n] = w;
    rc = 0;
done:
    free(e.items);
    free(sorted);
    if (rc < 0)
        oap_adjacency_free(a);
    return rc;
}

void oap_adjacency_free(oap_adjacency *a)
{
    free(a->start);
    free(a->target);
    free(a->rel);
    memset(a, 0, sizeof *a);
}

const char *oap_relation_text(oap_relation r)
{
    static const char *const text[OAP_REL_COUNT] = {"needs",       "comes after", "needed by",
                                                    "followed by", "refers to",   "referred to by",
                                                    "phase of",    "has phases"};
    return (unsigned)r < OAP_REL_COUNT ? text[r] : "?";
}

const char *oap_relation_id(oap_relation r)
{
    static const char *const id[OAP_REL_COUNT] = {"needs",       "comes-after", "needed-by",
                                                  "followed-by", "refers-to",   "referred-to-by",
                                                  "phase-of",    "has-phase"};
    return (unsigned)r < OAP_REL_COUNT ? id[r] : "?";
}
