/* check: run every rule, apply configured severities, locate and sort the findings. */
#define _POSIX_C_SOURCE 200809L
#include "oapgraph/check.h"
#include "oapgraph/common.h"

#include "load/planset.h"
#include "rules.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The severity a rule runs at: configured, else its default; a rule that is always
 * reported never below warning, whatever the options say. */
static oap_severity severity_of(const oap_check_options *opts, const oap_rule_info *rule)
{
    if (opts && opts->rule_ids)
        for (size_t i = 0; opts->rule_ids[i]; i++)
            if (strcmp(opts->rule_ids[i], rule->id) == 0)
                return oap_rule_clamp_severity(rule, opts->rule_severities[i]);
    return rule->severity;
}

/* A finding's rule and its severity in this run. Findings of one rule come together, so
 * the last rule looked up is remembered: one search per rule, not per finding. */
typedef struct severity_map {
    const oap_check_options *opts;
    const char *id;
    const oap_rule_info *rule;
    oap_severity severity;
} severity_map;

static const oap_rule_info *rule_of(severity_map *m, const char *id)
{
    if (!m->id || (id != m->id && strcmp(id, m->id) != 0)) {
        m->id = id;
        m->rule = oap_rule_find(id);
        m->severity = m->rule ? severity_of(m->opts, m->rule) : OAP_SEVERITY_OFF;
    }
    return m->rule;
}

static int keep_enabled(const oap_diag *d, void *ctx)
{
    severity_map *m = ctx;
    return !rule_of(m, d->rule) || m->severity != OAP_SEVERITY_OFF;
}

/* The run reached its most findings: one limit finding (an error, which nothing turns off)
 * at the start of the first file says how many more were left out. */
static int report_run_cut(const oap_planset *set, oap_diags *diags, size_t max, size_t left_out)
{
    oap_where w = {.file = oap_planset_file(set, 0), .line = 1, .col = 1};
    return oap_diags_add(diags, "limit", oap_rule_default_severity("limit"), &w,
                         "this run reports at most %zu findings (--max-findings); %zu more were "
                         "left out",
                         max, left_out);
}

int oap_check_run(oap_planset *set, oap_diags *diags, const oap_check_options *opts)
{
    size_t n = oap_rule_count();
    oap_graph *graph = NULL;
    oap_scc scc = {0};
    oap_check_stats *stats = opts ? opts->stats : NULL;
    double t0 = now();
    int rc = oap_graph_build(&graph, oap_planset_model(set));
    if (rc == 0)
        rc = oap_algo_scc(&scc, &graph->needs, graph->nnodes);
    if (stats && rc == 0) {
        stats->graph_seconds = now() - t0;
        stats->nodes = graph->nnodes;
        stats->needs_edges = graph->needs.start[graph->nnodes];
        stats->ref_edges = graph->refs.start[graph->nnodes];
    }
    oap_rule_ctx ctx = {.model = oap_planset_model(set),
                        .graph = graph,
                        .needs_scc = &scc,
                        .opts = opts,
                        .diags = diags,
                        .possible_overlap_on =
                            severity_of(opts, oap_rule_find("possible-overlap")) !=
                            OAP_SEVERITY_OFF,
                        .linked_overlap_on =
                            severity_of(opts, oap_rule_find("linked-overlap")) != OAP_SEVERITY_OFF};
    if (rc == 0) {
        ctx.shown = calloc((size_t)graph->nnodes + 1, sizeof *ctx.shown);
        ctx.left_out = calloc((size_t)graph->nnodes + 1, sizeof *ctx.left_out);
        if (!ctx.shown || !ctx.left_out)
            rc = OAP_ENOMEM;
        size_t max = opts && opts->version >= 2 ? opts->max_findings : 0;
        ctx.max_findings = max ? max : 1000 + (size_t)100 * graph->nnodes;
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        const oap_rule_info *rule = oap_rule_at(i);
        oap_rule_fn run = oap_rule_run_of(rule->id);
        if (!run || severity_of(opts, rule) == OAP_SEVERITY_OFF)
            continue;
        ctx.rule = rule;
        double t = now();
        rc = run(&ctx);
        if (rc == 0)
            rc = oap_rule_report_left_out(&ctx);
        if (stats && i < OAP_CHECK_STATS_RULES)
            stats->rule_seconds[i] = now() - t;
    }
    if (rc == 0 && ctx.findings_left_out)
        rc = report_run_cut(set, diags, ctx.max_findings, ctx.findings_left_out);
    free(ctx.shown);
    free(ctx.left_out);
    oap_algo_scc_free(&scc);
    oap_graph_free(graph);
    if (rc < 0)
        return rc;
    /* Severities: the loader and the rules report at the defaults; configuration wins. */
    severity_map m = {.opts = opts};
    oap_diags_filter(diags, keep_enabled, &m);
    for (size_t i = 0; i < oap_diags_count(diags); i++)
        if (rule_of(&m, oap_diags_at(diags, i)->rule))
            oap_diags_set_severity(diags, i, m.severity);
    const oap_rule_info *unused = oap_rule_find("unused-ignore");
    rc = oap_check__apply_ignores(oap_planset_model(set), diags,
                                  unused ? severity_of(opts, unused) : OAP_SEVERITY_OFF);
    if (rc < 0)
        return rc;
    rc = oap_planset_locate(set, diags);
    if (rc < 0)
        return rc;
    oap_diags_sort(diags);
    return 0;
}
