/* redundancy: a need that a longer chain of needs already implies. */
#include "rules.h"

#include "oapgraph/common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int oap_check_redundant_need(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    oap_redundant *found;
    size_t n;
    int rc = oap_algo_redundant(&found, &n, &g->needs, g->nnodes, ctx->needs_scc);
    if (rc < 0)
        return rc;
    oap_bfs bfs = {0};
    if (n > 0 && oap_bfs_init(&bfs, g->nnodes) < 0) {
        free(found);
        return OAP_ENOMEM;
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        uint32_t e = found[i].edge;
        if (g->needs.link[e] == OAP_NONE)
            continue; /* the order of phases is implied, not written */
        const oap_link *l = &g->links[g->needs.link[e]];
        uint32_t from = l->list == OAP_LIST_NEEDS ? oap_graph_unit_start(g, l->action)
                                                  : g->first_phase[l->action] + l->phase;
        uint32_t to = g->needs.target[e];
        uint32_t *path, len;
        rc = oap_bfs_path(&bfs, &path, &len, &g->needs, from, to, 1, NULL);
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
    free(found);
    return rc < 0 ? rc : 0;
}
