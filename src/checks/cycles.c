/* cycles: needs that run in a circle, one finding per strongly connected component. */
#include "rules.h"

#include "oapgraph/common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Appends "a -> b -> c" or "a, b, c" to buf, giving up with "..." past a sane length. */
static void append_name(char *buf, size_t size, size_t *used, const char *sep, const char *name)
{
    if (*used + strlen(sep) + strlen(name) + 8 >= size) {
        if (*used + 5 < size && strcmp(buf + *used - 3, "...") != 0)
            *used += (size_t)snprintf(buf + *used, size - *used, "%s...", sep);
        return;
    }
    *used += (size_t)snprintf(buf + *used, size - *used, "%s%s", *used ? sep : "", name);
}

static int report_component(oap_rule_ctx *ctx, oap_bfs *bfs, uint32_t start, uint32_t comp,
                            uint32_t *members, uint32_t size)
{
    const oap_graph *g = ctx->graph;
    const oap_scc *scc = ctx->needs_scc;
    uint32_t *path, len;
    int rc = oap_bfs_path(bfs, &path, &len, &g->needs, start, start, 0, scc->comp);
    if (rc <= 0)
        return rc;
    uint32_t from = g->nodes[start].plan;
    char cycle[1024] = "", names[2048] = "", name[160];
    size_t used = 0;
    for (uint32_t i = 0; i < len; i++)
        append_name(cycle, sizeof cycle, &used, " -> ",
                    oap_graph_name(g, path[i], from, name, sizeof name));
    used = 0;
    for (uint32_t i = 0; i < size; i++)
        append_name(names, sizeof names, &used, ", ",
                    oap_graph_name(g, members[i], from, name, sizeof name));
    /* Located at the first written need of the cycle (the implied phase order has no
     * place in the file). */
    char pointer[96] = "";
    uint32_t at = start;
    for (uint32_t i = 0; i + 1 < len && !pointer[0]; i++)
        for (uint32_t e = g->needs.start[path[i]]; e < g->needs.start[path[i] + 1]; e++)
            if (g->needs.target[e] == path[i + 1] && g->needs.link[e] != OAP_NONE) {
                oap_graph_link_pointer(g, &g->links[g->needs.link[e]], pointer, sizeof pointer);
                at = g->links[g->needs.link[e]].action;
                break;
            }
    /* Where it is reported follows the order of the files; what it is about does not: the
     * component, named by its first member by name. */
    char subject[160] = "", qualified[160];
    for (uint32_t i = 0; i < size; i++) {
        oap_graph_name(g, members[i], OAP_NONE - 1, qualified, sizeof qualified);
        if (!subject[0] || strcmp(qualified, subject) < 0)
            snprintf(subject, sizeof subject, "%s", qualified);
    }
    ctx->subject = subject;
    ctx->key = "";
    rc = oap_rule_emit(ctx, at, pointer, 0,
                       "needs run in a circle: %s; nothing in it can start first (%u in the "
                       "cycle: %s)",
                       cycle, size, names);
    ctx->subject = NULL;
    ctx->key = NULL;
    free(path);
    (void)comp;
    return rc;
}

int oap_check_dependency_cycle(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    const oap_scc *scc = ctx->needs_scc;
    /* Members of every component, grouped, in node order: one counting sort. */
    uint32_t *first = calloc((size_t)scc->ncomp + 2, sizeof *first);
    uint32_t *members = malloc(((size_t)g->nnodes + 1) * sizeof *members);
    oap_bfs bfs = {0};
    int rc = OAP_ENOMEM;
    if (!first || !members || oap_bfs_init(&bfs, g->nnodes) < 0)
        goto done;
    for (uint32_t v = 0; v < g->nnodes; v++)
        first[scc->comp[v] + 1]++;
    for (uint32_t c = 0; c < scc->ncomp; c++)
        first[c + 1] += first[c];
    for (uint32_t v = 0; v < g->nnodes; v++)
        members[first[scc->comp[v]]++] = v;
    for (uint32_t c = scc->ncomp; c > 0; c--)
        first[c] = first[c - 1];
    first[0] = 0;
    rc = 0;
    for (uint32_t c = 0; c < scc->ncomp && rc == 0; c++)
        if (scc->size[c] > 1)
            rc =
                report_component(ctx, &bfs, members[first[c]], c, members + first[c], scc->size[c]);
done:
    oap_bfs_free(&bfs);
    free(first);
    free(members);
    return rc;
}
