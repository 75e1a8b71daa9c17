/* carryover: actions carried on from one plan to the next (continues): dangling, dropped,
 * and carried on although finished. */
#include "rules.h"

#include "core/refs.h"
#include "oapgraph/common.h"

#include <stdio.h>
#include <string.h>

static int dangling(oap_rule_ctx *ctx, const oap_link *l)
{
    const oap_graph *g = ctx->graph;
    const oap_action *a = oap_graph_action(g, l->action);
    char pointer[96], target[160];
    oap_graph_link_pointer(g, l, pointer, sizeof pointer);
    if (l->status == OAP_LINK_UNREADABLE) {
        oap_ref r;
        oap_ref_error err = {0, ""};
        oap_ref_parse(a->continues, &r, &err);
        return oap_rule_emit(
            ctx, l->action, pointer, err.offset,
            "cannot read \"%.80s\", what action %s continues, as a reference: %s (at "
            "character %zu); write it as \"2012-C:2.1\" or \"C:2.1\"",
            a->continues, a->id, err.message, err.offset + 1);
    }
    if (l->status == OAP_LINK_SELF)
        return oap_rule_emit(ctx, l->action, pointer, 0,
                             "action %s continues itself (%.80s); continues names the action of "
                             "an earlier plan that this one carries on",
                             a->id, a->continues);
    if (l->status == OAP_LINK_DANGLING) {
        /* The plan it names: by id, else the one plan of the priority before it. */
        oap_ref r;
        uint32_t p = OAP_NONE;
        if (oap_ref_parse(a->continues, &r, NULL) == 0) {
            const char *q = r.qualifier[0] ? r.qualifier : oap_graph_plan(g, l->action)->priority;
            if (!oap_strmap_get(&g->plan_ids, q, &p) &&
                oap_graph_priority_plans(g, g->nodes[l->action].plan, q, OAP_SCOPE_BEFORE, &p, 1) !=
                    1)
                p = OAP_NONE;
        }
        return oap_rule_emit(ctx, l->action, pointer, 0,
                             "action %s continues %.80s, which plan %s does not have", a->id,
                             a->continues, p == OAP_NONE ? "?" : g->model->plans[p]->id);
    }
    /* Resolved, but to a goal, a phase or a whole plan. */
    const char *what = g->nodes[l->to].kind == OAP_NODE_GOAL    ? "a strategic goal"
                       : g->nodes[l->to].kind == OAP_NODE_PHASE ? "a phase"
                                                                : "a whole plan";
    return oap_rule_emit(ctx, l->action, pointer, 0,
                         "action %s continues %.80s (%s), %s; continues names the action this "
                         "one carries on",
                         a->id, a->continues,
                         oap_graph_name(g, l->to, OAP_NONE - 1, target, sizeof target), what);
}

int oap_check_dangling_continuation(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    for (size_t i = 0; i < g->ncontinues; i++) {
        const oap_link *l = &g->continues[i];
        int bad = l->status == OAP_LINK_UNREADABLE || l->status == OAP_LINK_SELF ||
                  l->status == OAP_LINK_DANGLING ||
                  (l->status == OAP_LINK_RESOLVED && g->nodes[l->to].kind != OAP_NODE_ACTION);
        int rc = bad ? dangling(ctx, l) : 0;
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* Whether an action is left to be carried on: reported "continue", or "ongoing" (the last
 * report of a plan is at the end of its years). */
static int to_be_continued(const oap_action *a)
{
    const char *s = oap_action_last_status(a);
    return s && (strcmp(s, "continue") == 0 || strcmp(s, "ongoing") == 0);
}

int oap_check_dropped_continuation(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    const oap_model *m = g->model;
    for (uint32_t p = 0; p < m->nplans; p++) {
        const oap_plan *plan = m->plans[p];
        uint32_t next = oap_graph_next_plan(g, p);
        if (next == OAP_NONE)
            continue;
        for (uint32_t i = 0; i < plan->nactions; i++) {
            uint32_t an = g->action_base[p] + i;
            if (!to_be_continued(&plan->actions[i]))
                continue;
            int carried = 0;
            for (uint32_t e = g->carried_on_by.start[an]; e < g->carried_on_by.start[an + 1]; e++)
                carried |= g->nodes[g->carried_on_by.target[e]].plan == next;
            if (carried)
                continue;
            char pointer[96];
            int rc = oap_rule_emit(
                ctx, an, oap_graph_node_pointer(g, an, "results/status", pointer, sizeof pointer),
                0,
                "action %s was last reported as \"%s\", but no action of %s, the next plan of "
                "priority %s, continues it; add \"continues\": \"%s:%s\" to the action that "
                "carries it on, or report it completed or cancelled",
                plan->actions[i].id, oap_action_last_status(&plan->actions[i]), m->plans[next]->id,
                plan->priority, plan->id, plan->actions[i].id);
            if (rc < 0)
                return rc;
        }
    }
    return 0;
}

int oap_check_continues_finished(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    for (size_t i = 0; i < g->ncontinues; i++) {
        const oap_link *l = &g->continues[i];
        if (l->status != OAP_LINK_RESOLVED || g->nodes[l->to].kind != OAP_NODE_ACTION)
            continue;
        const char *s = oap_action_last_status(oap_graph_action(g, l->to));
        if (!s || (strcmp(s, "completed") != 0 && strcmp(s, "cancelled") != 0))
            continue;
        char pointer[96], target[160];
        int rc =
            oap_rule_emit(ctx, l->action, oap_graph_link_pointer(g, l, pointer, sizeof pointer), 0,
                          "action %s continues %s, which was last reported as \"%s\"; if "
                          "the work goes on, its report should say \"continue\"",
                          oap_graph_action(g, l->action)->id,
                          oap_graph_name(g, l->to, OAP_NONE - 1, target, sizeof target), s);
        if (rc < 0)
            return rc;
    }
    return 0;
}
