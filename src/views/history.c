/* history: an action's chain of continuations, from its first year to its last. */
#include "history.h"

#include "jsonw.h"
#include "views.h"

#include "oapgraph/common.h"

#include <stdlib.h>
#include <string.h>

/* The chain: back through what each action continues to the first, then forward through
 * what continues each, breadth first (an action may be carried on in more than one plan).
 * A loop of continuations (a plan continuing a later one) is walked once. */
int oap_history_run(oap_history **out, const oap_graph *g, uint32_t node)
{
    *out = NULL;
    node = oap_graph_action_of(g, node);
    if (g->nodes[node].kind != OAP_NODE_ACTION)
        return OAP_EINVAL;
    oap_history *h = calloc(1, sizeof *h);
    uint8_t *seen = calloc((size_t)g->nnodes + 1, 1);
    if (h)
        h->nodes = malloc(((size_t)g->nnodes + 1) * sizeof *h->nodes);
    if (!h || !seen || !h->nodes) {
        free(seen);
        oap_history_free(h);
        return OAP_ENOMEM;
    }
    h->g = g;
    h->query = node;
    uint32_t first = node;
    seen[node] = 1;
    while (g->carries_on[first] != OAP_NONE && !seen[g->carries_on[first]]) {
        first = g->carries_on[first];
        seen[first] = 1;
    }
    memset(seen, 0, (size_t)g->nnodes + 1);
    seen[first] = 1;
    h->nodes[h->n++] = first;
    for (uint32_t head = 0; head < h->n; head++) {
        uint32_t v = h->nodes[head];
        for (uint32_t e = g->carried_on_by.start[v]; e < g->carried_on_by.start[v + 1]; e++) {
            uint32_t w = g->carried_on_by.target[e];
            if (!seen[w]) {
                seen[w] = 1;
                h->nodes[h->n++] = w;
            }
        }
    }
    free(seen);
    *out = h;
    return 0;
}

void oap_history_free(oap_history *h)
{
    if (!h)
        return;
    free(h->nodes);
    free(h);
}

size_t oap_history_count(const oap_history *h)
{
    return h->n;
}

uint32_t oap_history_node(const oap_history *h, size_t i)
{
    return i < h->n ? h->nodes[i] : OAP_NODE_NONE;
}

int oap_history_write_text(FILE *out, const oap_history *h)
{
    const oap_graph *g = h->g;
    char name[200], years[24], prev[200];
    oap_views__banners(out, g, NULL);
    fprintf(out, "the history of %s, from its first year to its last:\n",
            oap_views__name(g, h->query, OAP_VIEWS_QUALIFY, name, sizeof name));
    int yw = 4, nw = 1;
    for (uint32_t i = 0; i < h->n; i++) {
        int len =
            (int)strlen(oap_views__name(g, h->nodes[i], OAP_VIEWS_QUALIFY, name, sizeof name));
        nw = len > nw ? len : nw;
        len = (int)strlen(oap_plan_years_text(oap_graph_plan(g, h->nodes[i]), years, sizeof years));
        yw = len > yw ? len : yw;
    }
    for (uint32_t i = 0; i < h->n; i++) {
        uint32_t v = h->nodes[i];
        const oap_plan *p = oap_graph_plan(g, v);
        oap_plan_years_text(p, years, sizeof years);
        fprintf(out, "%-*s  %-*s  ", yw, *years ? years : "-", nw,
                oap_views__name(g, v, OAP_VIEWS_QUALIFY, name, sizeof name));
        if (g->carries_on[v] != OAP_NONE)
            fprintf(out, "continues %s: ",
                    oap_views__name(g, g->carries_on[v], OAP_VIEWS_QUALIFY, prev, sizeof prev));
        oap_views__plain(out, oap_graph_action(g, v)->title);
        fputc('\n', out);
    }
    if (h->n == 1)
        fprintf(out, "%s continues nothing, and nothing loaded continues it.\n",
                oap_views__name(g, h->query, OAP_VIEWS_QUALIFY, name, sizeof name));
    else
        fprintf(out, "%u actions in %u steps.\n", h->n, h->n - 1);
    oap_views__banners(out, g, NULL);
    return ferror(out) ? OAP_EIO : 0;
}

int oap_history_write_json(FILE *out, const oap_history *h)
{
    const oap_graph *g = h->g;
    char name[200], years[24];
    oap_jsonw w;
    oap_jsonw_init(&w, out);
    oap_jsonw_object(&w);
    oap_jsonw_key(&w, "version");
    oap_jsonw_int(&w, 1);
    oap_jsonw_member(&w, "query", "history");
    oap_jsonw_member(&w, "node",
                     oap_views__name(g, h->query, OAP_VIEWS_QUALIFY, name, sizeof name));
    oap_views__json_classification(&w, g, NULL);
    oap_jsonw_key(&w, "nodes");
    oap_jsonw_array(&w);
    for (uint32_t i = 0; i < h->n; i++) {
        uint32_t v = h->nodes[i];
        const oap_plan *p = oap_graph_plan(g, v);
        oap_jsonw_object(&w);
        oap_jsonw_member(&w, "node", oap_views__name(g, v, OAP_VIEWS_QUALIFY, name, sizeof name));
        oap_jsonw_member(&w, "plan", p->id);
        oap_jsonw_member(&w, "years", *oap_plan_years_text(p, years, sizeof years) ? years : NULL);
        oap_jsonw_member(&w, "title", oap_graph_action(g, v)->title);
        oap_jsonw_member(
            &w, "continues",
            g->carries_on[v] == OAP_NONE
                ? NULL
                : oap_views__name(g, g->carries_on[v], OAP_VIEWS_QUALIFY, name, sizeof name));
        oap_jsonw_end(&w);
    }
    oap_jsonw_end(&w);
    oap_jsonw_end(&w);
    return oap_jsonw_finish(&w);
}
