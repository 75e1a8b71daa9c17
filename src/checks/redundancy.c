/* redundancy: a need that a longer chain of needs already implies. */
#include "rules.h"

#include "core/array.h"
#include "oapgraph/common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The node a need starts from: the action's first unit for its own needs, else the phase. */
static uint32_t need_source(const oap_graph *g, const oap_link *l)
{
    return l->list == OAP_LIST_NEEDS ? oap_graph_unit_start(g, l->action)
                                     : g->first_phase[l->action] + l->phase;
}

/* found[i] and the ones after it with the same source, as written needs (the order of
 * phases is implied, not written): their targets that are alone in their component, which
 * one search from the source explains at once (oap_bfs_explain), as many as the rule may
 * still report on the source's action (the others are only counted: the search stops
 * sooner). Returns their number in *n, or OAP_ENOMEM. */
static int group_targets(const oap_rule_ctx *ctx, const oap_redundant *found, size_t nfound,
                         size_t i, uint32_t from, uint32_t **targets, size_t *cap, size_t *n)
{
    const oap_graph *g = ctx->graph;
    const oap_scc *scc = ctx->needs_scc;
    *n = 0;
    uint32_t room = OAP_CHECK_MAX_PER_NODE;
    for (; i < nfound && room > 0; i++) {
        uint32_t e = found[i].edge;
        if (g->needs.link[e] == OAP_NONE)
            continue;
        const oap_link *l = &g->links[g->needs.link[e]];
        if (need_source(g, l) != from)
            break;
        if (room == OAP_CHECK_MAX_PER_NODE && ctx->shown)
            room -= ctx->shown[l->action] < room ? ctx->shown[l->action] : room;
        uint32_t to = g->needs.target[e];
        if (scc->size[scc->comp[to]] != 1)
            continue;
        if (OAP_ARRAY_RESERVE(*targets, *cap, *n + 1) < 0)
            return OAP_ENOMEM;
        (*targets)[(*n)++] = to;
        room--;
    }
    return 0;
}

/* One finding per need that a longer chain implies, with the chain: the shortest path
 * that does not take the need itself, as one breadth-first search per need would find
 * it, but from one search per source for all its needs (a plan of n actions each needing
 * every earlier one has n^2/2 such needs). A target in a cycle of needs is searched for
 * alone, as the shared search's order could differ for it. */
int oap_check_redundant_need(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    const oap_scc *scc = ctx->needs_scc;
    oap_redundant *found;
    size_t n;
    int rc = oap_algo_redundant(&found, &n, &g->needs, g->nnodes, scc);
    if (rc < 0)
        return rc;
    oap_bfs bfs = {0};
    uint32_t *targets = NULL, explained = OAP_NONE;
    size_t cap = 0, ntargets;
    if (n > 0 && oap_bfs_init(&bfs, g->nnodes) < 0) {
        free(found);
        return OAP_ENOMEM;
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        uint32_t e = found[i].edge;
        if (g->needs.link[e] == OAP_NONE)
            continue; /* the order of phases is implied, not written */
        const oap_link *l = &g->links[g->needs.link[e]];
        uint32_t from = need_source(g, l);
        uint32_t to = g->needs.target[e];
        uint32_t *path, len;
        if (oap_rule_full(ctx, l->action)) {
            oap_rule_left_out(ctx, l->action);
            continue;
        }
        if (scc->size[scc->comp[to]] != 1) {
            rc = oap_bfs_path(&bfs, &path, &len, &g->needs, from, to, 1, NULL);
        } else {
            if (from != explained) {
                oap_bfs_explain_end(&bfs);
                if ((rc = group_targets(ctx, found, n, i, from, &targets, &cap, &ntargets)) < 0 ||
                    (rc = oap_bfs_explain(&bfs, &g->needs, from, targets, ntargets)) < 0)
                    break;
                explained = from;
            }
            rc = oap_bfs_explained(&bfs, &path, &len, from, to);
        }
        if (rc <= 0)
            break;
        uint32_t plan = g->nodes[from].plan;
        char chain[1024] = "", name[160], pointer[96];
        size_t used = 0;
        for (uint32_t k = 0; k < len && used + 200 < sizeof chain; k++)
            used += (size_t)snprintf(chain + used, sizeof chain - used, "%s%s", k ? " -> " : "",
                                     oap_graph_name(g, path[k], plan, name, sizeof name));
        char a[160], b[160];
        rc = oap_rule_emit(ctx, l->action, oap_graph_link_pointer(g, l, pointer, sizeof pointer), 0,
                           "%s needs %s, which it already needs through %s",
                           oap_graph_name(g, from, plan, a, sizeof a),
                           oap_graph_name(g, to, plan, b, sizeof b), chain);
        free(path);
    }
    oap_bfs_free(&bfs);
    free(targets);
    free(found);
    return rc < 0 ? rc : 0;
}
