/* kpis: an action's KPIs against their targets and against what its rounds report. */
#include "rules.h"

#include "core/timing.h"
#include "load/srcmap.h"
#include "oapgraph/common.h"

#include <stdio.h>
#include <string.h>

/* Off by default: many plans give KPIs as words; a config turns it on for plans that
 * must have targets. */
int oap_check_kpi_without_target(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    int rc = 0;
    for (uint32_t v = 0; v < g->nnodes && rc == 0; v++) {
        const oap_action *a = g->nodes[v].kind == OAP_NODE_ACTION ? oap_graph_action(g, v) : NULL;
        for (uint32_t k = 0; a && k < a->kpis.n && rc == 0; k++) {
            if (oap_action_kpi_target_of(a, k)->has_target)
                continue;
            char key[32], pointer[96];
            snprintf(key, sizeof key, "kpis/%u", oap_strv_at(&a->kpis, k));
            rc =
                oap_rule_emit(ctx, v, oap_graph_node_pointer(g, v, key, pointer, sizeof pointer), 0,
                              "KPI \"%.80s\" of action %s has no numeric target to measure its "
                              "results against; give it one: {\"indicator\": ..., \"target\": N}",
                              a->kpis.items[k], a->id);
        }
    }
    return rc;
}

static int is_kpi(const oap_action *a, const char *indicator)
{
    for (uint32_t k = 0; k < a->kpis.n; k++)
        if (strcmp(a->kpis.items[k], indicator) == 0)
            return 1;
    return 0;
}

/* Values are matched to KPIs by their whole text, as written: the roll-up of status does
 * the same, so a value this rule reports is one status leaves out. */
/* The value of round r of action node v for an indicator that is not its KPI. */
static int unknown_value(oap_rule_ctx *ctx, uint32_t v, const oap_round *round,
                         const char *indicator)
{
    const oap_action *a = oap_graph_action(ctx->graph, v);
    char month[8], pointer[1024], key[160];
    size_t len;
    oap_timing_format_month(round->month, month);
    snprintf(key, sizeof key, "results/%u/values", round->at);
    oap_graph_node_pointer(ctx->graph, v, key, pointer, sizeof pointer);
    len = strlen(pointer);
    /* An indicator too long for a pointer is located at its round's values. */
    oap_pointer_push(pointer, sizeof pointer, &len, indicator);
    /* The round and the indicator identify it, wherever they are written. */
    snprintf(key, sizeof key, "values:%s:%.120s", month, indicator);
    ctx->key = key;
    ctx->at_key = 1;
    int rc =
        oap_rule_emit(ctx, v, pointer, 0,
                      "round %s of action %s gives a value for \"%.80s\", which is not one "
                      "of its KPIs; name the KPI as the action's kpis write it, or add the KPI",
                      month, a->id, indicator);
    ctx->key = NULL;
    ctx->at_key = 0;
    return rc;
}

/* Values are matched to KPIs by their whole text, as written: the roll-up of status does
 * the same, so a value this rule reports is one status leaves out. */
int oap_check_unknown_kpi_value(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    int rc = 0;
    for (uint32_t v = 0; v < g->nnodes && rc == 0; v++) {
        const oap_action *a = g->nodes[v].kind == OAP_NODE_ACTION ? oap_graph_action(g, v) : NULL;
        for (uint32_t r = 0; a && r < a->nrounds && rc == 0; r++)
            for (uint32_t i = 0; i < a->rounds[r].nvalues && rc == 0; i++)
                if (!is_kpi(a, a->rounds[r].values[i].indicator))
                    rc = unknown_value(ctx, v, &a->rounds[r], a->rounds[r].values[i].indicator);
    }
    return rc;
}
