/* algo: strongly connected components, cycles, paths and redundant edges, all iterative. */
#ifndef OAP_GRAPH_ALGO_H
#define OAP_GRAPH_ALGO_H

#include "graph.h"

/* Strongly connected components. Components are numbered in the order Tarjan's
 * algorithm completes them, so every edge between two components runs from a higher
 * number to a lower one (sinks first). */
typedef struct oap_scc {
    uint32_t *comp; /* per node */
    uint32_t *size; /* per component */
    uint32_t ncomp;
} oap_scc;

int oap_algo_scc(oap_scc *out, const oap_csr *g, uint32_t n);
void oap_algo_scc_free(oap_scc *scc);

/* Breadth-first search scratch for many path queries on one graph: reset in time
 * proportional to what the last search touched, not to the graph. */
typedef struct oap_bfs {
    uint32_t n;
    uint32_t *prev;  /* per node: predecessor on the search tree, OAP_NONE unseen */
    uint32_t *queue; /* nodes seen, in order */
    uint32_t *alt;   /* per node, after oap_bfs_explain: the first node other than the start
                      * searched from that has an edge to it, OAP_NONE when none */
    uint32_t seen;   /* nodes in queue after oap_bfs_explain, to reset */
} oap_bfs;

int oap_bfs_init(oap_bfs *b, uint32_t n);
void oap_bfs_free(oap_bfs *b);

/* A shortest path from `from` to `to` over the edges of g, skipping the direct edge
 * from -> to when skip_direct is set, and (when comp is not NULL) staying inside the
 * component comp[from]. On success *path (malloc'ed, caller frees) holds the nodes from
 * `from` to `to` and *len their number; returns 1, or 0 when there is no such path, or
 * OAP_ENOMEM. A path from a node to itself is a cycle: it has at least one edge. */
int oap_bfs_path(oap_bfs *b, uint32_t **path, uint32_t *len, const oap_csr *g, uint32_t from,
                 uint32_t to, int skip_direct, const uint32_t *comp);

/* One search from `from` that answers, for many targets at once, what oap_bfs_path(b,
 * path, len, g, from, to, 1, NULL) answers for each: a shortest path from `from` to `to`
 * that does not take the direct edge. It is the same path for every target that is alone
 * in its strongly connected component (comp) and does not hold `from`: the nodes that can
 * reach such a target are searched in the same order with or without its direct edge, so
 * the last step of its path is its first in-neighbour in search order. The search stops
 * once every one of the n targets has that neighbour. Follow with oap_bfs_explained for
 * each target and oap_bfs_explain_end. Returns 0 or OAP_ENOMEM. */
int oap_bfs_explain(oap_bfs *b, const oap_csr *g, uint32_t from, const uint32_t *targets, size_t n);
/* The path from `from` to `to` of the last oap_bfs_explain, as oap_bfs_path gives it: 1, 0
 * when there is none, or OAP_ENOMEM. */
int oap_bfs_explained(const oap_bfs *b, uint32_t **path, uint32_t *len, uint32_t from, uint32_t to);
/* Clears what the last oap_bfs_explain touched, in time proportional to it. */
void oap_bfs_explain_end(oap_bfs *b);

/* An edge u -> v (index `edge` in g) that is implied by a longer path u -> w -> ... -> v. */
typedef struct oap_redundant {
    uint32_t edge;
} oap_redundant;

/* Finds every edge of g between different components of scc that is implied by a longer
 * path, with reachability bitsets over the condensed graph, one weakly connected part at
 * a time (so memory follows the largest part, not the whole graph). Returns 0 with a
 * malloc'ed array, or OAP_ENOMEM. */
int oap_algo_redundant(oap_redundant **out, size_t *count, const oap_csr *g, uint32_t n,
                       const oap_scc *scc);

#endif
