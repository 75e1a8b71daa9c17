/* structure: goals, leaders, KPIs and timing that every action and goal must have. */
#include "rules.h"

#include "core/refs.h"
#include "oapgraph/common.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int blank(const char *s)
{
    for (; s && *s; s++)
        if (!isspace((unsigned char)*s))
            return 0;
    return 1;
}

static int all_blank(const oap_strv *v)
{
    for (uint32_t i = 0; i < v->n; i++)
        if (!blank(v->items[i]))
            return 0;
    return 1;
}

int oap_check_orphan_action(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    for (uint32_t a = 0; a < g->nnodes; a++) {
        if (g->nodes[a].kind != OAP_NODE_ACTION || g->nodes[a].owner != OAP_NONE)
            continue;
        const oap_action *act = oap_graph_action(g, a);
        char pointer[96];
        int rc =
            oap_rule_emit(ctx, a, oap_graph_node_pointer(g, a, "goal", pointer, sizeof pointer), 0,
                          "action %s serves goal \"%s\", which plan %s does not have", act->id,
                          act->goal, oap_graph_plan(g, a)->id);
        if (rc < 0)
            return rc;
    }
    return 0;
}

int oap_check_empty_goal(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    uint32_t *count = calloc((size_t)g->nnodes + 1, sizeof *count);
    if (!count)
        return OAP_ENOMEM;
    for (uint32_t a = 0; a < g->nnodes; a++)
        if (g->nodes[a].kind == OAP_NODE_ACTION && g->nodes[a].owner != OAP_NONE)
            count[g->nodes[a].owner]++;
    int rc = 0;
    for (uint32_t v = 0; v < g->nnodes && rc == 0; v++) {
        if (g->nodes[v].kind != OAP_NODE_GOAL || count[v] > 0)
            continue;
        /* A goal whose id repeats an earlier one is a duplicate-id; its actions count for
         * the first. */
        uint32_t p = g->nodes[v].plan, first;
        if (oap_graph_resolve(g, p, oap_graph_goal(g, v)->id, &first) == OAP_LINK_RESOLVED &&
            first != v)
            continue;
        char pointer[96];
        rc = oap_rule_emit(ctx, v, oap_graph_node_pointer(g, v, "id", pointer, sizeof pointer), 0,
                           "goal %s of plan %s has no action serving it", oap_graph_goal(g, v)->id,
                           oap_graph_plan(g, v)->id);
    }
    free(count);
    return rc;
}

/* An action is isolated when nothing links it to anything but its own goal: no link it
 * writes (whatever it resolves to, bar itself and its own goal), no link to it, no
 * continuation and no Joint Action Day it shares with another action. */
int oap_check_isolated_action(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    uint8_t *linked = calloc((size_t)g->nnodes + 1, 1);
    if (!linked)
        return OAP_ENOMEM;
    for (size_t i = 0; i < g->nlinks; i++) {
        const oap_link *l = &g->links[i];
        if (l->status == OAP_LINK_SELF ||
            (l->status == OAP_LINK_RESOLVED && l->to == g->nodes[l->action].owner))
            continue;
        linked[l->action] = 1;
        if (l->status == OAP_LINK_RESOLVED)
            linked[oap_graph_action_of(g, l->to)] = 1;
    }
    /* A continuation links the action with the one it carries on, both ways. */
    for (size_t i = 0; i < g->ncontinues; i++) {
        const oap_link *l = &g->continues[i];
        if (l->status == OAP_LINK_SELF)
            continue;
        linked[l->action] = 1;
        if (l->status == OAP_LINK_RESOLVED)
            linked[oap_graph_action_of(g, l->to)] = 1;
    }
    /* A JAD links the actions that take part in it, when there are two. */
    for (uint32_t k = 0; k < g->njads; k++)
        if (oap_csr_count(&g->jad_actions, k) >= 2)
            for (uint32_t e = g->jad_actions.start[k]; e < g->jad_actions.start[k + 1]; e++)
                linked[g->jad_actions.target[e]] = 1;
    int rc = 0;
    for (uint32_t a = 0; a < g->nnodes && rc == 0; a++) {
        if (g->nodes[a].kind != OAP_NODE_ACTION || linked[a])
            continue;
        char pointer[96];
        rc = oap_rule_emit(ctx, a, oap_graph_node_pointer(g, a, "id", pointer, sizeof pointer), 0,
                           "action %s has no reference or need to or from any other action, "
                           "goal or priority",
                           oap_graph_action(g, a)->id);
    }
    free(linked);
    return rc;
}

/* The goal number an action id is written under: "3.1" -> 3; 0 when not of that shape. */
static unsigned long id_goal_number(const char *id)
{
    char *end;
    if (!isdigit((unsigned char)id[0]))
        return 0;
    unsigned long n = strtoul(id, &end, 10);
    return *end == '.' ? n : 0;
}

int oap_check_action_goal_mismatch(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    for (uint32_t a = 0; a < g->nnodes; a++) {
        if (g->nodes[a].kind != OAP_NODE_ACTION || g->nodes[a].owner == OAP_NONE)
            continue;
        const oap_action *act = oap_graph_action(g, a);
        unsigned long n = id_goal_number(act->id);
        oap_ref r;
        if (n == 0 || oap_ref_parse(act->goal, &r, NULL) < 0 || !oap_ref_is_goal_id(r.target))
            continue;
        unsigned long goal = strtoul(r.target + 2, NULL, 10);
        if (goal == n)
            continue;
        char pointer[96];
        int rc = oap_rule_emit(
            ctx, a, oap_graph_node_pointer(g, a, "goal", pointer, sizeof pointer), 0,
            "action %s is numbered under goal %lu but serves %s", act->id, n, act->goal);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* Runs fn for every action, with its pointer. */
static int each_action(oap_rule_ctx *ctx,
                       int (*fn)(oap_rule_ctx *ctx, uint32_t a, const oap_action *act))
{
    const oap_graph *g = ctx->graph;
    for (uint32_t a = 0; a < g->nnodes; a++) {
        if (g->nodes[a].kind != OAP_NODE_ACTION)
            continue;
        int rc = fn(ctx, a, oap_graph_action(g, a));
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* An empty or absent "leaders" is a schema finding already; blank names are not. */
static int missing_leader(oap_rule_ctx *ctx, uint32_t a, const oap_action *act)
{
    if (act->leaders.n == 0 || !all_blank(&act->leaders))
        return 0;
    char pointer[96];
    return oap_rule_emit(ctx, a,
                         oap_graph_node_pointer(ctx->graph, a, "leaders", pointer, sizeof pointer),
                         0, "action %s has no leader: every name in \"leaders\" is blank", act->id);
}

int oap_check_missing_leader(oap_rule_ctx *ctx)
{
    return each_action(ctx, missing_leader);
}

static int missing_kpi(oap_rule_ctx *ctx, uint32_t a, const oap_action *act)
{
    if (!all_blank(&act->kpis))
        return 0;
    char pointer[96];
    return oap_rule_emit(ctx, a,
                         oap_graph_node_pointer(ctx->graph, a, "id", pointer, sizeof pointer), 0,
                         "action %s has no KPI, so its delivery cannot be measured", act->id);
}

int oap_check_missing_kpi(oap_rule_ctx *ctx)
{
    return each_action(ctx, missing_kpi);
}

static int missing_timing(oap_rule_ctx *ctx, uint32_t a, const oap_action *act)
{
    if (!blank(act->timing) || act->window.set)
        return 0;
    for (uint32_t k = 0; k < act->nphases; k++)
        if (!blank(act->phases[k].timing) || act->phases[k].window.set)
            return 0;
    char pointer[96];
    return oap_rule_emit(ctx, a,
                         oap_graph_node_pointer(ctx->graph, a, "id", pointer, sizeof pointer), 0,
                         "action %s has no timing and no window", act->id);
}

int oap_check_missing_timing(oap_rule_ctx *ctx)
{
    return each_action(ctx, missing_timing);
}
