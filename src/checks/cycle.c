/* cycle: each plan against the cycle file it belongs to: its priority, and the common
 * goals its goals implement and its actions serve. Silent for a plan whose cycle is not
 * loaded. */
#include "rules.h"

#include "core/strbuf.h"
#include "core/suggest.h"
#include "oapgraph/common.h"

#include <stdlib.h>
#include <string.h>

/* At most this many ids are listed in a message; the rest are counted. */
#define LISTED 24

/* Appends the n ids id(c, i) as "A, B, C", each once (map: id -> its first index): the
 * first LISTED of them, and "and N more". */
static void put_ids(oap_strbuf *b, uint32_t n, const char *(*id)(const oap_cycle *c, uint32_t i),
                    const oap_cycle *c, const oap_strmap *map)
{
    uint32_t listed = 0, first;
    for (uint32_t i = 0; i < n; i++) {
        if (oap_strmap_get(map, id(c, i), &first) && first != i)
            continue;
        if (listed < LISTED)
            oap_strbuf_printf(b, "%s%s", listed ? ", " : "", id(c, i));
        listed++;
    }
    if (listed > LISTED)
        oap_strbuf_printf(b, " and %u more", listed - LISTED);
}

static const char *priority_code(const oap_cycle *c, uint32_t i)
{
    return c->priorities[i].code;
}

static const char *goal_id(const oap_cycle *c, uint32_t i)
{
    return c->common_goals[i].id;
}

int oap_check_unknown_priority(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    const oap_model *m = g->model;
    int rc = 0;
    for (uint32_t p = 0; p < m->nplans && rc == 0; p++) {
        const oap_plan *plan = m->plans[p];
        const oap_cycle *c = plan->in_cycle;
        uint32_t at;
        /* A cycle file that declares no priorities leaves them unchecked. */
        if (!c || !c->npriorities ||
            oap_strmap_get(&g->cycle_priorities[c->index], plan->priority, &at))
            continue;
        const char **codes = malloc(c->npriorities * sizeof *codes);
        if (!codes)
            return OAP_ENOMEM;
        for (uint32_t i = 0; i < c->npriorities; i++)
            codes[i] = c->priorities[i].code;
        const char *near = oap_suggest_unique(plan->priority, codes, c->npriorities);
        free(codes);
        oap_strbuf list = OAP_STRBUF_INIT;
        if (near)
            oap_strbuf_printf(&list, "did you mean \"%s\"?", near);
        else {
            oap_strbuf_puts(&list, "its priorities are ");
            put_ids(&list, c->npriorities, priority_code, c, &g->cycle_priorities[c->index]);
        }
        rc = list.oom ? OAP_ENOMEM
                      : oap_rule_emit(ctx, g->plan_node[p], "/plan/priority", 0,
                                      "plan %s has priority \"%.80s\", which cycle %s does not "
                                      "declare; %s",
                                      plan->id, plan->priority, c->id, oap_strbuf_str(&list));
        oap_strbuf_free(&list);
    }
    return rc;
}

/* A did-you-mean by edit distance would mislead here: common goals are numbered, so
 * "CHSG9" is one edit from each of CHSG1 to CHSG8. The message lists them instead. */
int oap_check_unknown_common_goal(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    const oap_model *m = g->model;
    int rc = 0;
    for (uint32_t p = 0; p < m->nplans && rc == 0; p++) {
        const oap_plan *plan = m->plans[p];
        const oap_cycle *c = plan->in_cycle;
        if (!c || !c->ncommon_goals)
            continue;
        for (uint32_t i = 0; i < plan->ngoals && rc == 0; i++) {
            const char *common = plan->goals[i].common;
            uint32_t at;
            if (!common || oap_strmap_get(&g->cycle_goals[c->index], common, &at))
                continue;
            uint32_t v = g->goal_base[p] + i;
            char pointer[64];
            oap_strbuf list = OAP_STRBUF_INIT;
            put_ids(&list, c->ncommon_goals, goal_id, c, &g->cycle_goals[c->index]);
            rc = list.oom ? OAP_ENOMEM
                          : oap_rule_emit(
                                ctx, v,
                                oap_graph_node_pointer(g, v, "common", pointer, sizeof pointer), 0,
                                "goal %s implements common goal \"%.80s\", which cycle %s does not "
                                "declare; its common goals are %s",
                                plan->goals[i].id, common, c->id, oap_strbuf_str(&list));
            oap_strbuf_free(&list);
        }
    }
    return rc;
}

/* A common goal is served when an action serves a goal of the plan that implements it. */
int oap_check_uncovered_common_goal(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    const oap_model *m = g->model;
    int rc = 0;
    for (uint32_t p = 0; p < m->nplans && rc == 0; p++) {
        const oap_plan *plan = m->plans[p];
        const oap_cycle *c = plan->in_cycle;
        if (!c || !c->ncommon_goals)
            continue;
        uint8_t *served = calloc(c->ncommon_goals, 1);
        if (!served)
            return OAP_ENOMEM;
        for (uint32_t i = 0; i < plan->nactions; i++) {
            uint32_t goal = g->nodes[g->action_base[p] + i].owner, at;
            const char *common = goal == OAP_NONE ? NULL : oap_graph_goal(g, goal)->common;
            if (common && oap_strmap_get(&g->cycle_goals[c->index], common, &at))
                served[at] = 1;
        }
        uint32_t left = 0, declared = 0;
        oap_strbuf list = OAP_STRBUF_INIT;
        for (uint32_t i = 0; i < c->ncommon_goals; i++) {
            uint32_t first;
            /* A common goal declared twice counts once, as its first declaration. */
            oap_strmap_get(&g->cycle_goals[c->index], c->common_goals[i].id, &first);
            declared += first == i;
            if (served[i] || first != i)
                continue;
            if (left < LISTED)
                oap_strbuf_printf(&list, "%s%s", left ? ", " : "", c->common_goals[i].id);
            left++;
        }
        free(served);
        if (left > LISTED)
            oap_strbuf_printf(&list, " and %u more", left - LISTED);
        if (left && !list.oom) {
            /* Where the plan names its cycle, else the plan; the fingerprint's key stays the
             * same whether or not it names one. */
            ctx->key = "common_goals";
            rc = oap_rule_emit(ctx, g->plan_node[p], plan->cycle ? "/plan/cycle" : "/plan", 0,
                               "plan %s leaves %u of the %u common goals of cycle %s unserved: "
                               "%s (no action serves a goal whose \"common\" names %s)",
                               plan->id, left, declared, c->id, oap_strbuf_str(&list),
                               left == 1 ? "it" : "them");
            ctx->key = NULL;
        } else if (list.oom) {
            rc = OAP_ENOMEM;
        }
        oap_strbuf_free(&list);
    }
    return rc;
}
