/* actors: every leader, co-leader, participant, driver and supporter must be an actor we
 * know. */
#include "rules.h"

#include "core/actors.h"
#include "core/suggest.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Known: built in, declared by the plan, or given in the configuration. Membership by
 * year is not judged here: a Member State before it joined (HR in 2012) or after it left
 * (UK in 2021) may still take part as a third country. */
static int known(const oap_check_options *opts, const oap_plan *p, const char *text)
{
    if (oap_actors_find(text))
        return 1;
    for (uint32_t i = 0; i < p->nactors; i++)
        if (strcasecmp(p->actors[i].code, text) == 0 ||
            (p->actors[i].name && strcasecmp(p->actors[i].name, text) == 0))
            return 1;
    for (size_t i = 0; opts && opts->extra_actors && opts->extra_actors[i]; i++)
        if (strcasecmp(opts->extra_actors[i], text) == 0)
            return 1;
    return 0;
}

static int report(oap_rule_ctx *ctx, uint32_t node, const char *pointer, const oap_plan *p,
                  const char *text)
{
    const char *near = oap_actors_suggest(text);
    if (!near && p->nactors > 0) {
        const char *codes[64];
        uint32_t n = p->nactors < 64 ? p->nactors : 64;
        for (uint32_t i = 0; i < n; i++)
            codes[i] = p->actors[i].code;
        near = oap_suggest_nearest(text, codes, n);
    }
    if (near)
        return oap_rule_emit(ctx, node, pointer, 0,
                             "\"%.80s\" is not a known actor; did you mean \"%s\"?", text, near);
    return oap_rule_emit(ctx, node, pointer, 0,
                         "\"%.80s\" is not a known actor; declare it in the plan's \"actors\" "
                         "if it is right",
                         text);
}

static int check_list(oap_rule_ctx *ctx, uint32_t node, const oap_plan *p, const oap_strv *list,
                      const char *key)
{
    char base[96], pointer[128];
    if (ctx->graph->nodes[node].kind == OAP_NODE_PLAN)
        snprintf(base, sizeof base, "/plan/%s", key);
    else
        oap_graph_node_pointer(ctx->graph, node, key, base, sizeof base);
    for (uint32_t i = 0; i < list->n; i++) {
        /* Blank names are missing-leader's business, not an unknown actor. */
        if (!list->items[i][strspn(list->items[i], " \t")] || known(ctx->opts, p, list->items[i]))
            continue;
        snprintf(pointer, sizeof pointer, "%s/%u", base, oap_strv_at(list, i));
        int rc = report(ctx, node, pointer, p, list->items[i]);
        if (rc < 0)
            return rc;
    }
    return 0;
}

int oap_check_unknown_actor(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    int rc = 0;
    for (uint32_t v = 0; v < g->nnodes && rc == 0; v++) {
        const oap_node *n = &g->nodes[v];
        if (n->kind == OAP_NODE_PLAN) {
            const oap_plan *p = oap_graph_plan(g, v);
            if (p->driver && !known(ctx->opts, p, p->driver))
                rc = report(ctx, v, "/plan/driver", p, p->driver);
            if (rc == 0)
                rc = check_list(ctx, v, p, &p->support, "support");
        } else if (n->kind == OAP_NODE_ACTION) {
            const oap_plan *p = oap_graph_plan(g, v);
            const oap_action *a = oap_graph_action(g, v);
            rc = check_list(ctx, v, p, &a->leaders, "leaders");
            if (rc == 0)
                rc = check_list(ctx, v, p, &a->coleaders, "coleaders");
            if (rc == 0)
                rc = check_list(ctx, v, p, &a->participants, "participants");
        }
    }
    return rc;
}
