/* rules: the registry of every rule, its default severity and what it is for. */
#include "rules.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* In the order of RULES.md. Loader rules have no run function: the loader reports them. */
static const oap_rule rules[] = {
    {{"syntax", OAP_SEVERITY_ERROR, "loading", "the file is not JSON"}, NULL},
    {{"schema", OAP_SEVERITY_ERROR, "loading",
      "a required key is missing, or a value has the wrong type or shape"},
     NULL},
    {{"unknown-key", OAP_SEVERITY_WARNING, "loading",
      "a key the format does not define (and not x-...); the nearest known key is suggested"},
     NULL},
    {{"duplicate-id", OAP_SEVERITY_ERROR, "loading",
      "two goals, actions or phases of one plan, or two loaded plans, share an id"},
     NULL},
    {{"limit", OAP_SEVERITY_ERROR, "loading",
      "an input exceeds a limit of the run (file size, nesting, string length, actions per "
      "plan); the defaults are far above any real plan"},
     NULL},
    {{"bad-ref", OAP_SEVERITY_ERROR, "references",
      "a reference is not in the grammar of FORMAT.md; the text and the position are quoted"},
     oap_check_bad_ref},
    {{"dangling-ref", OAP_SEVERITY_ERROR, "references",
      "a reference names a goal, action, phase or plan that is not there"},
     oap_check_dangling_ref},
    {{"external-ref", OAP_SEVERITY_INFO, "references",
      "a reference names a priority no loaded plan carries"},
     oap_check_external_ref},
    {{"ambiguous-ref", OAP_SEVERITY_ERROR, "references",
      "a qualifier matches more than one loaded plan"},
     oap_check_ambiguous_ref},
    {{"self-ref", OAP_SEVERITY_WARNING, "references", "an action refers to itself"},
     oap_check_self_ref},
    {{"duplicate-ref", OAP_SEVERITY_WARNING, "references",
      "the same target is listed twice in one list"},
     oap_check_duplicate_ref},
    {{"one-way-ref", OAP_SEVERITY_INFO, "references",
      "action A refers to action B, B does not refer back to A"},
     oap_check_one_way_ref},
    {{"undeclared-mention", OAP_SEVERITY_WARNING, "references",
      "the title, description or timing mentions another action that neither refs nor needs "
      "lists"},
     oap_check_undeclared_mention},
    {{"undeclared-overlap", OAP_SEVERITY_WARNING, "references",
      "an action refers to a priority that the plan's overlaps does not declare"},
     oap_check_undeclared_overlap},
    {{"need-target", OAP_SEVERITY_ERROR, "references",
      "a need names a goal or a whole priority; needs name actions or phases"},
     oap_check_need_target},
    {{"orphan-action", OAP_SEVERITY_ERROR, "structure",
      "an action's goal is missing or not a goal of its plan"},
     oap_check_orphan_action},
    {{"empty-goal", OAP_SEVERITY_WARNING, "structure", "a strategic goal has no action"},
     oap_check_empty_goal},
    {{"isolated-action", OAP_SEVERITY_INFO, "structure",
      "an action has no reference or need, in or out, beyond its own goal"},
     oap_check_isolated_action},
    {{"action-goal-mismatch", OAP_SEVERITY_INFO, "structure",
      "an action numbered 3.x serves a goal other than SG3"},
     oap_check_action_goal_mismatch},
    {{"missing-leader", OAP_SEVERITY_ERROR, "structure", "an action's leaders are all blank"},
     oap_check_missing_leader},
    {{"missing-kpi", OAP_SEVERITY_WARNING, "structure", "an action has no KPI"},
     oap_check_missing_kpi},
    {{"missing-timing", OAP_SEVERITY_WARNING, "structure", "an action has no timing and no window"},
     oap_check_missing_timing},
    {{"unknown-actor", OAP_SEVERITY_WARNING, "structure",
      "an actor neither built in nor declared, or a Member State outside its membership; the "
      "nearest known actor is suggested"},
     oap_check_unknown_actor},
    {{"dependency-cycle", OAP_SEVERITY_ERROR, "dependencies",
      "the needs graph has a cycle; one cycle is given as a path and every member is named"},
     oap_check_dependency_cycle},
    {{"redundant-need", OAP_SEVERITY_WARNING, "dependencies",
      "A needs C while A already needs C through other needs; the implying path is named"},
     oap_check_redundant_need},
    {{"timing-order", OAP_SEVERITY_WARNING, "dependencies",
      "A needs B, but B's window ends after A's window starts"},
     oap_check_timing_order},
    {{"timing-unparsed", OAP_SEVERITY_INFO, "dependencies",
      "a timing text has no month, quarter or semester the tool can read"},
     oap_check_timing_unparsed},
    {{"possible-overlap", OAP_SEVERITY_WARNING, "overlap",
      "two actions, in one plan or across plans, look like the same work: similar title and "
      "description, shared leaders, overlapping participants and windows; the score and what "
      "they share are given"},
     oap_check_possible_overlap},
    {{"linked-overlap", OAP_SEVERITY_INFO, "overlap",
      "two actions that already refer to each other look like the same work: the planners "
      "know of the link, but should confirm the work is not done twice"},
     oap_check_linked_overlap},
    {{"stale-baseline", OAP_SEVERITY_INFO, "reports",
      "a baseline entry matches no current finding; remove it so the baseline shrinks"},
     NULL},
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

size_t oap_rule_count(void)
{
    return sizeof rules / sizeof rules[0];
}

const oap_rule_info *oap_rule_at(size_t i)
{
    return i < oap_rule_count() ? &rules[i].info : NULL;
}

const oap_rule_info *oap_rule_find(const char *id)
{
    for (size_t i = 0; i < oap_rule_count(); i++)
        if (strcmp(rules[i].info.id, id) == 0)
            return &rules[i].info;
    return NULL;
}

const oap_rule *oap_rules__table(size_t *n)
{
    *n = oap_rule_count();
    return rules;
}
