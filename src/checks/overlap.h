/* overlap: whether two actions look like the same work: an index of their words, a score. */
#ifndef OAP_CHECKS_OVERLAP_H
#define OAP_CHECKS_OVERLAP_H

#include "graph/graph.h"

#include <stddef.h>
#include <stdint.h>

/* The score from which possible-overlap reports two actions unless the config says
 * otherwise: what "the same work" means (fixtures/2012-BCF.README.md measures it). */
#define OAP_OVERLAP_THRESHOLD 0.50

/* The words of actions, weighted by how rare they are among the actions indexed, with
 * what else the score compares (leaders, participants, goals' wording, months). An item
 * is one indexed action: those of the first graph in node order, then those of the next. */
typedef struct oap_overlap_index oap_overlap_index;

/* Indexes every action of the n graphs together: a word's rarity is counted over all
 * of them. Returns 0 or OAP_ENOMEM; *out is the caller's (oap_overlap_index_free). */
int oap_overlap_index_build(oap_overlap_index **out, const oap_graph *const *graphs, size_t n);
void oap_overlap_index_free(oap_overlap_index *ix);

/* How many actions are indexed; the graph and node of item i; the item of an action node
 * of graph k (OAP_NONE when node is not an action). */
uint32_t oap_overlap_count(const oap_overlap_index *ix);
void oap_overlap_item_node(const oap_overlap_index *ix, uint32_t i, size_t *graph, uint32_t *node);
uint32_t oap_overlap_item(const oap_overlap_index *ix, size_t graph, uint32_t node);

/* Calls visit(ctx, i, j) once for each pair of items i < j that share at least two rare
 * words (used by at most sqrt(N) actions, capped at 32), never for any other: the pairs
 * worth scoring, found without comparing all pairs. Stops at, and returns, the first
 * non-zero visit; else 0, or OAP_ENOMEM. */
int oap_overlap_candidates(const oap_overlap_index *ix,
                           int (*visit)(void *ctx, uint32_t i, uint32_t j), void *ctx);

/* The score of a pair and what drives it. */
typedef struct oap_overlap_score {
    double score; /* the weighted sum of the parts below, 0 to 1 */
    double text, rare, leaders, participants, goal, window;
    uint32_t shared; /* words both use */
    /* The shared words that weigh most, heaviest first (valid as long as the index). */
    const char *terms[5];
    int nterms;
    char shared_leaders[160]; /* "EC, CEPOL": canonical codes, the first ones that fit */
    int both_start, both_end; /* the months both run, when window > 0 */
} oap_overlap_score;

/* Scores items i and j, any two (candidates or not). */
void oap_overlap_score_pair(const oap_overlap_index *ix, uint32_t i, uint32_t j,
                            oap_overlap_score *out);

#endif
