/* rules: what every rule's run function shares: its binding to a registry id, and how it
reports a finding. */
#include "rules.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The run function of each rule the checks report, by registry id. */
static const oap_rule_run runs[] = {
    {"bad-ref", oap_check_bad_ref},
    {"dangling-ref", oap_check_dangling_ref},
    {"external-ref", oap_check_external_ref},
    {"ambiguous-ref", oap_check_ambiguous_ref},
    {"self-ref", oap_check_self_ref},
    {"duplicate-ref", oap_check_duplicate_ref},
    {"one-way-ref", oap_check_one_way_ref},
    {"undeclared-mention", oap_check_undeclared_mention},
    {"undeclared-overlap", oap_check_undeclared_overlap},
    {"need-target", oap_check_need_target},
    {"orphan-action", oap_check_orphan_action},
    {"empty-goal", oap_check_empty_goal},
    {"isolated-action", oap_check_isolated_action},
    {"action-goal-mismatch", oap_check_action_goal_mismatch},
    {"missing-leader", oap_check_missing_leader},
    {"missing-kpi", oap_check_missing_kpi},
    {"missing-timing", oap_check_missing_timing},
    {"unknown-actor", oap_check_unknown_actor},
    {"dependency-cycle", oap_check_dependency_cycle},
    {"redundant-need", oap_check_redundant_need},
    {"timing-order", oap_check_timing_order},
    {"timing-unparsed", oap_check_timing_unparsed},
    {"possible-overlap", oap_check_possible_overlap},
    {"linked-overlap", oap_check_linked_overlap},
    {"dangling-continuation", oap_check_dangling_continuation},
    {"dropped-continuation", oap_check_dropped_continuation},
    {"continues-finished", oap_check_continues_finished},
};

static int emit(oap_rule_ctx *ctx, uint32_t node, uint32_t related, double score,
                const char *pointer, size_t offset, const char *fmt, va_list ap)
    __attribute__((format(printf, 7, 0)));

static int emit(oap_rule_ctx *ctx, uint32_t node, uint32_t related, double score,
                const char *pointer, size_t offset, const char *fmt, va_list ap)
{
    const oap_graph *g = ctx->graph;
    const oap_plan *p = oap_graph_plan(g, node);
    char name[160] = "", other[160] = "";
    if (g->nodes[node].kind != OAP_NODE_PLAN)
        oap_graph_name(g, node, g->nodes[node].plan, name, sizeof name);
    /* The other node is always qualified: a reader of the finding has no plan context. */
    if (related != OAP_NONE)
        oap_graph_name(g, related, OAP_NONE - 1, other, sizeof other);
    oap_where w = {.file = p->file,
                   .file_index = p->file_index,
                   .pointer = pointer,
                   .offset = offset,
                   .plan = p->id,
                   .node = name,
                   .related = other,
                   .score = score};
    return oap_diags_addv(ctx->diags, ctx->rule->id, ctx->rule->severity, &w, fmt, ap);
}

int oap_rule_emit(oap_rule_ctx *ctx, uint32_t node, const char *pointer, size_t offset,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = emit(ctx, node, OAP_NONE, 0, pointer, offset, fmt, ap);
    va_end(ap);
    return rc;
}

int oap_rule_emit_pair(oap_rule_ctx *ctx, uint32_t node, uint32_t related, double score,
                       const char *pointer, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = emit(ctx, node, related, score, pointer, 0, fmt, ap);
    va_end(ap);
    return rc;
}

oap_rule_fn oap_rule_run_of(const char *id)
{
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++)
        if (strcmp(runs[i].id, id) == 0)
            return runs[i].run;
    return NULL;
}
