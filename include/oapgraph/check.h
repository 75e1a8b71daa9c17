/* check.h: run the rules over a loaded plan set. */
#ifndef OAPGRAPH_CHECK_H
#define OAPGRAPH_CHECK_H

#include "oapgraph/export.h"
#include "oapgraph/diag.h"
#include "oapgraph/plan.h"
#include "oapgraph/rules.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Numbers about a run, for the curious and for the benchmark. */
#define OAP_CHECK_STATS_RULES 64

typedef struct oap_check_stats {
    size_t overlap_candidates; /* pairs of actions the overlap index let through to scoring */
    size_t nodes, needs_edges, ref_edges; /* the size of the graph */
    double graph_seconds;                 /* resolving references and building the graph */
    /* Seconds each rule took, by its index in the registry (oap_rule_at). */
    double rule_seconds[OAP_CHECK_STATS_RULES];
} oap_check_stats;

typedef struct oap_check_options {
    unsigned version; /* OAP_CHECK_OPTIONS_VERSION */
    /* Severity per rule id, overriding the default (OAP_SEVERITY_OFF: not run); NULL
     * entries end the list. */
    const char *const *rule_ids;
    const oap_severity *rule_severities;
    /* Actor codes to accept beside the built-in ones and those a plan declares (the
     * config file's "actors"); NULL-terminated, or NULL. */
    const char *const *extra_actors;
    /* possible-overlap's score threshold, 0 to 1; negative: the rule's default. */
    double overlap_threshold;
    /* Filled in when not NULL. */
    oap_check_stats *stats;
    /* The most findings a run reports, the loader's included (version 2 on); past it the
     * rules' findings are left out and one limit finding counts them. 0: 100 for each
     * node of the graph (plan, goal, action, phase) and 1,000 more, so that an honest run
     * is never cut and memory stays proportional to the input. */
    size_t max_findings;
} oap_check_options;

/* A rule reports at most this many findings on one node (an action, a goal, a phase, a
 * plan); one more finding says how many more were left out. */
#define OAP_CHECK_MAX_PER_NODE 100

#define OAP_CHECK_OPTIONS_VERSION 2
#define OAP_CHECK_OPTIONS_INIT                                                                     \
    {                                                                                              \
        OAP_CHECK_OPTIONS_VERSION, NULL, NULL, NULL, -1.0, NULL, 0                                 \
    }

/* Runs every rule over the plans of set, adds the findings to diags (which already
 * holds the loader's), applies the configured severities, locates and sorts them.
 * Returns 0 or OAP_ENOMEM. */
OAP_EXTERN int oap_check_run(oap_planset *set, oap_diags *diags, const oap_check_options *opts);

#ifdef __cplusplus
}
#endif
#endif
