/* rules: what every rule's run function gets, and how it reports a finding. */
#ifndef OAP_CHECKS_RULES_H
#define OAP_CHECKS_RULES_H

#include "oapgraph/check.h"
#include "core/diag.h"
#include "core/model.h"
#include "graph/algo.h"
#include "graph/graph.h"

/* What a rule's run function gets: the plans, their graph, and where findings go. */
typedef struct oap_rule_ctx {
    const oap_model *model;
    const oap_graph *graph;
    const oap_scc *needs_scc; /* strongly connected components of graph->needs */
    const oap_check_options *opts;
    oap_diags *diags;
    const oap_rule_info *rule;
    /* What the next finding concerns, when its place does not say it (a mention in a
     * title); NULL: the item of a list its pointer names, as written (see rules.c). */
    const char *key;
    /* What identifies the next finding in place of its node (oap_where.subject), or NULL. */
    const char *subject;
    /* Whether the next finding is located at the member name its pointer ends in (a value
     * reported for an indicator) rather than at its value. */
    int at_key;
    /* The two overlap rules share one index; each knows whether the other runs. */
    int possible_overlap_on, linked_overlap_on;
    /* Per node: the running rule's findings on it, and those left out past
     * OAP_CHECK_MAX_PER_NODE (check.c reports them, one finding a node). */
    uint32_t *shown, *left_out;
    /* The most findings of the run, and how many were left out past it. */
    size_t max_findings, findings_left_out;
} oap_rule_ctx;

typedef int (*oap_rule_fn)(oap_rule_ctx *ctx);

typedef struct oap_rule_run {
    const char *id; /* the rule's id in the registry (core/rules.c) */
    oap_rule_fn run;
} oap_rule_run;

/* The run function bound to a registry id; NULL for the rules that others report (the
 * loader's, stale-baseline). */
oap_rule_fn oap_rule_run_of(const char *id);

/* Adds a finding of the running rule about node (which gives file, plan and node id),
 * located at the JSON pointer (offset: a byte offset into the string value there). */
int oap_rule_emit(oap_rule_ctx *ctx, uint32_t node, const char *pointer, size_t offset,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* 1 when the next finding on node would be left out (the rule's findings on node, or the
 * run's, are at their most): a rule that pays for each finding (a path to find) asks
 * first, and counts it with oap_rule_left_out instead. */
int oap_rule_full(const oap_rule_ctx *ctx, uint32_t node);
void oap_rule_left_out(oap_rule_ctx *ctx, uint32_t node);
/* After a rule has run: one finding of it on each node where some were left out, saying
 * how many, and the counts cleared for the next rule. Returns 0 or OAP_ENOMEM. */
int oap_rule_report_left_out(oap_rule_ctx *ctx);

/* The same for a finding about a pair of nodes: related is the other one, score what the
 * finding measured. */
int oap_rule_emit_pair(oap_rule_ctx *ctx, uint32_t node, uint32_t related, double score,
                       const char *pointer, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* x-oapgraph-ignore (ignore.c): drops the findings of diags that a node's list names (not
 * those of the rules that are always reported), and reports each entry of a list that
 * dropped nothing as unused-ignore at severity unused (none when OAP_SEVERITY_OFF).
 * Returns 0 or OAP_ENOMEM. */
int oap_check__apply_ignores(const oap_model *m, oap_diags *diags, oap_severity unused);

/* The run functions, one file per family. */
int oap_check_bad_ref(oap_rule_ctx *ctx);
int oap_check_dangling_ref(oap_rule_ctx *ctx);
int oap_check_external_ref(oap_rule_ctx *ctx);
int oap_check_ambiguous_ref(oap_rule_ctx *ctx);
int oap_check_self_ref(oap_rule_ctx *ctx);
int oap_check_duplicate_ref(oap_rule_ctx *ctx);
int oap_check_one_way_ref(oap_rule_ctx *ctx);
int oap_check_undeclared_mention(oap_rule_ctx *ctx);
int oap_check_undeclared_overlap(oap_rule_ctx *ctx);
int oap_check_need_target(oap_rule_ctx *ctx);
int oap_check_orphan_action(oap_rule_ctx *ctx);
int oap_check_empty_goal(oap_rule_ctx *ctx);
int oap_check_isolated_action(oap_rule_ctx *ctx);
int oap_check_action_goal_mismatch(oap_rule_ctx *ctx);
int oap_check_missing_leader(oap_rule_ctx *ctx);
int oap_check_missing_kpi(oap_rule_ctx *ctx);
int oap_check_missing_timing(oap_rule_ctx *ctx);
int oap_check_unknown_actor(oap_rule_ctx *ctx);
int oap_check_dependency_cycle(oap_rule_ctx *ctx);
int oap_check_redundant_need(oap_rule_ctx *ctx);
int oap_check_timing_order(oap_rule_ctx *ctx);
int oap_check_timing_unparsed(oap_rule_ctx *ctx);
int oap_check_possible_overlap(oap_rule_ctx *ctx);
int oap_check_linked_overlap(oap_rule_ctx *ctx);
int oap_check_dangling_continuation(oap_rule_ctx *ctx);
int oap_check_dropped_continuation(oap_rule_ctx *ctx);
int oap_check_continues_finished(oap_rule_ctx *ctx);
int oap_check_unknown_common_goal(oap_rule_ctx *ctx);
int oap_check_uncovered_common_goal(oap_rule_ctx *ctx);
int oap_check_unknown_priority(oap_rule_ctx *ctx);
int oap_check_unknown_jad(oap_rule_ctx *ctx);
int oap_check_jad_outside_window(oap_rule_ctx *ctx);
int oap_check_lone_jad(oap_rule_ctx *ctx);
int oap_check_kpi_without_target(oap_rule_ctx *ctx);
int oap_check_unknown_kpi_value(oap_rule_ctx *ctx);

#endif
