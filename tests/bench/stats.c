/* stats: the benchmark's look inside a check run, the graph and each rule timed by the library. */
/*
 * usage: oap_bench_stats PATH...
 *
 * Loads every PATH (a plan file, or a folder read for every *.oap.json below it) as
 * oapgraph check does, runs every rule at its default severity with
 * oap_check_options.stats, and prints one "key value" line each to standard output:
 *
 *   load_seconds S        oap_planset_load_path over every PATH
 *   graph_seconds S       references resolved, graph built, strongly connected components
 *   check_seconds S       the whole oap_check_run (graph, rules, locating, sorting)
 *   nodes N, needs_edges N, ref_edges N, overlap_candidates N, findings N
 *   rule ID S             one line per rule the registry runs, in registry order
 *
 * Exit 0, or 2 with a message when a path cannot be read or memory runs out.
 */
#define _POSIX_C_SOURCE 200809L

#include "oapgraph/oapgraph.h"

#include <stdio.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: oap_bench_stats PATH...\n", stderr);
        return 2;
    }
    int status = 2;
    oap_planset *set = NULL;
    oap_diags *diags = NULL;
    oap_check_stats stats = {0};
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
    opts.stats = &stats;
    int rc = oap_planset_new(&set);
    if (rc == 0)
        rc = oap_diags_new(&diags);
    if (rc != 0) {
        fprintf(stderr, "oap_bench_stats: %s\n", oap_strerror(rc));
        goto done;
    }
    double t0 = now();
    for (int i = 1; i < argc; i++) {
        rc = oap_planset_load_path(set, argv[i], diags);
        if (rc != 0) {
            fprintf(stderr, "oap_bench_stats: %s\n",
                    rc == OAP_EIO ? oap_planset_error(set) : oap_strerror(rc));
            goto done;
        }
    }
    double t1 = now();
    rc = oap_check_run(set, diags, &opts);
    double t2 = now();
    if (rc != 0) {
        fprintf(stderr, "oap_bench_stats: %s\n", oap_strerror(rc));
        goto done;
    }
    printf("load_seconds %.6f\n", t1 - t0);
    printf("graph_seconds %.6f\n", stats.graph_seconds);
    printf("check_seconds %.6f\n", t2 - t1);
    printf("nodes %zu\n", stats.nodes);
    printf("needs_edges %zu\n", stats.needs_edges);
    printf("ref_edges %zu\n", stats.ref_edges);
    printf("overlap_candidates %zu\n", stats.overlap_candidates);
    printf("findings %zu\n", oap_diags_count(diags));
    for (size_t i = 0; i < oap_rule_count() && i < OAP_CHECK_STATS_RULES; i++)
        printf("rule %s %.6f\n", oap_rule_at(i)->id, stats.rule_seconds[i]);
    status = fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2;
    if (status != 0)
        fputs("oap_bench_stats: cannot write to standard output\n", stderr);
done:
    oap_diags_free(diags);
    oap_planset_free(set);
    return status;
}
