/* rules: what every rule's run function shares: its binding to a registry id, and how it
reports a finding. */
#include "rules.h"

#include <stdarg.h>
#include <stdlib.h>
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
    {"unknown-common-goal", oap_check_unknown_common_goal},
    {"uncovered-common-goal", oap_check_uncovered_common_goal},
    {"unknown-priority", oap_check_unknown_priority},
    {"unknown-jad", oap_check_unknown_jad},
    {"jad-outside-window", oap_check_jad_outside_window},
    {"lone-jad", oap_check_lone_jad},
    {"kpi-without-target", oap_check_kpi_without_target},
    {"unknown-kpi-value", oap_check_unknown_kpi_value},
};

static int emit(oap_rule_ctx *ctx, uint32_t node, uint32_t related, double score,
                const char *pointer, size_t offset, const char *fmt, va_list ap)
    __attribute__((format(printf, 7, 0)));

/* A list of an action by its name in a pointer, or NULL. */
static const oap_strv *named_list(const oap_action *a, const char *name, size_t len)
{
    static const char *const names[] = {"refs",         "needs", "leaders", "coleaders",
                                        "participants", "kpis",  "notes",   "jads"};
    const oap_strv *lists[] = {&a->refs,         &a->needs, &a->leaders, &a->coleaders,
                               &a->participants, &a->kpis,  &a->notes,   &a->jads};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i]) == len && strncmp(names[i], name, len) == 0)
            return lists[i];
    return NULL;
}

/* When pointer names an item of a list of strings of the action (refs, needs, leaders,
 * coleaders, participants, kpis, notes, jads, or a phase's needs), that item as written, after the
 * list's name ("refs:B:*", "phases/1/needs:1.1"): what the finding concerns, whatever its place in
 * the list. NULL otherwise. */
static const char *list_item_key(const oap_graph *g, uint32_t node, const char *pointer, char *buf,
                                 size_t size)
{
    const oap_action *a = oap_graph_action(g, node);
    if (!a || !pointer || strncmp(pointer, "/actions/", 9) != 0)
        return NULL;
    const char *p = strchr(pointer + 9, '/');
    if (!p)
        return NULL;
    const char *list = p + 1;
    const oap_strv *items = NULL;
    const char *end;
    if (strncmp(list, "phases/", 7) == 0) {
        char *after;
        unsigned long k = strtoul(list + 7, &after, 10);
        if (strncmp(after, "/needs/", 7) != 0)
            return NULL;
        for (uint32_t i = 0; i < a->nphases && !items; i++)
            if (a->phases[i].at == k)
                items = &a->phases[i].needs;
        end = after + 6;
    } else {
        end = strchr(list, '/');
        if (end)
            items = named_list(a, list, (size_t)(end - list));
    }
    if (!items || !end || *end != '/')
        return NULL;
    char *after;
    unsigned long at = strtoul(end + 1, &after, 10);
    if (*after || after == end + 1)
        return NULL;
    for (uint32_t i = 0; i < items->n; i++)
        if (oap_strv_at(items, i) == at) {
            snprintf(buf, size, "%.*s:%s", (int)(end - list), list, items->items[i]);
            return buf;
        }
    return NULL;
}

int oap_rule_full(const oap_rule_ctx *ctx, uint32_t node)
{
    return (ctx->shown && ctx->shown[node] >= OAP_CHECK_MAX_PER_NODE) ||
           (ctx->max_findings && oap_diags_count(ctx->diags) >= ctx->max_findings);
}

void oap_rule_left_out(oap_rule_ctx *ctx, uint32_t node)
{
    if (ctx->shown && ctx->shown[node] >= OAP_CHECK_MAX_PER_NODE)
        ctx->left_out[node]++;
    else
        ctx->findings_left_out++;
}

static int emit(oap_rule_ctx *ctx, uint32_t node, uint32_t related, double score,
                const char *pointer, size_t offset, const char *fmt, va_list ap)
{
    /* Bounded, so that memory follows the input: 4,000,000 references in one action are
     * not 4,000,000 findings. */
    if (oap_rule_full(ctx, node)) {
        oap_rule_left_out(ctx, node);
        return 0;
    }
    if (ctx->shown)
        ctx->shown[node]++;
    char key[512];
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
                   .at_key = ctx->at_key,
                   .offset = offset,
                   .plan = p->id,
                   .node = name,
                   .related = other,
                   .key = ctx->key ? ctx->key : list_item_key(g, node, pointer, key, sizeof key),
                   .subject = ctx->subject,
                   .score = score};
    return oap_diags_addv(ctx->diags, ctx->rule->id, ctx->rule->severity, &w, fmt, ap);
}

static int emit_unbounded(oap_rule_ctx *ctx, uint32_t node, const char *pointer, const char *fmt,
                          ...) __attribute__((format(printf, 4, 5)));

static int emit_unbounded(oap_rule_ctx *ctx, uint32_t node, const char *pointer, const char *fmt,
                          ...)
{
    uint32_t *shown = ctx->shown;
    size_t max = ctx->max_findings;
    ctx->shown = NULL;
    ctx->max_findings = 0;
    va_list ap;
    va_start(ap, fmt);
    int rc = emit(ctx, node, OAP_NONE, 0, pointer, 0, fmt, ap);
    va_end(ap);
    ctx->shown = shown;
    ctx->max_findings = max;
    return rc;
}

int oap_rule_report_left_out(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    int rc = 0;
    if (!ctx->shown)
        return 0;
    for (uint32_t v = 0; v < g->nnodes && rc == 0; v++) {
        if (ctx->left_out[v]) {
            char name[160], pointer[96];
            rc = emit_unbounded(ctx, v, oap_graph_node_pointer(g, v, NULL, pointer, sizeof pointer),
                                "%u more %s findings on %s are left out; a rule reports at most "
                                "%d on one action, goal, phase or plan",
                                ctx->left_out[v], ctx->rule->id,
                                oap_graph_name(g, v, g->nodes[v].plan, name, sizeof name),
                                OAP_CHECK_MAX_PER_NODE);
        }
        ctx->shown[v] = ctx->left_out[v] = 0;
    }
    return rc;
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
