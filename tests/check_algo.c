/* check_algo: the graph algorithms at a million nodes, and a whole check on a stack too
 * small for any traversal that recurses as deep as the plan is long.
 *
 * Graphviz's own sccmap overflows the stack on a 1,000,000-node graph; ours must not.
 * A recursive Tarjan or search needs at least one frame (tens of bytes) per node on the
 * path: a million deep is far past the default 8 MiB stack, so these tests crash on
 * such code. */
#define _POSIX_C_SOURCE 200809L
#include "check_main.h"

#include "graph/algo.h"
#include "graph/graph.h"

#include "oapgraph/check.h"
#include "oapgraph/common.h"
#include "oapgraph/diag.h"
#include "oapgraph/plan.h"

#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MILLION = 1000000 };

/* A graph of n nodes with the edges i -> i + 1 (and n - 1 -> 0 when closed), plus the
 * extra edges given as pairs. */
static void chain(oap_csr *g, uint32_t n, int closed, const uint32_t *extra, size_t nextra)
{
    /* One assertion at the end: Check records every assertion, a million cost seconds. */
    oap_edges e = {0};
    int rc = 0;
    for (uint32_t i = 0; i + 1 < n; i++)
        rc |= oap_edges_add(&e, i, i + 1, i);
    if (closed)
        rc |= oap_edges_add(&e, n - 1, 0, n - 1);
    for (size_t k = 0; k < nextra; k++)
        rc |= oap_edges_add(&e, extra[2 * k], extra[2 * k + 1], n + (uint32_t)k);
    ck_assert_int_eq(rc, 0);
    ck_assert_int_eq(oap_csr_build(g, n, &e), 0);
    free(e.items);
}

START_TEST(scc_of_a_million_node_cycle_is_one_component)
{
    oap_csr g;
    chain(&g, MILLION, 1, NULL, 0);
    oap_scc scc;
    ck_assert_int_eq(oap_algo_scc(&scc, &g, MILLION), 0);
    ck_assert_uint_eq(scc.ncomp, 1);
    ck_assert_uint_eq(scc.size[0], MILLION);
    ck_assert_uint_eq(scc.comp[0], 0);
    ck_assert_uint_eq(scc.comp[MILLION - 1], 0);
    oap_algo_scc_free(&scc);
    oap_csr_free(&g);
}
END_TEST

START_TEST(scc_of_a_million_node_chain_numbers_sinks_first)
{
    oap_csr g;
    chain(&g, MILLION, 0, NULL, 0);
    oap_scc scc;
    ck_assert_int_eq(oap_algo_scc(&scc, &g, MILLION), 0);
    ck_assert_uint_eq(scc.ncomp, MILLION);
    /* The sink completes first; every edge runs from a higher number to a lower one. */
    ck_assert_uint_eq(scc.comp[MILLION - 1], 0);
    ck_assert_uint_eq(scc.comp[0], MILLION - 1);
    for (uint32_t i = 0; i + 1 < MILLION; i++)
        if (scc.comp[i] != scc.comp[i + 1] + 1)
            ck_abort_msg("node %u: component %u, its successor's %u", i, scc.comp[i],
                         scc.comp[i + 1]);
    oap_algo_scc_free(&scc);
    oap_csr_free(&g);
}
END_TEST

START_TEST(bfs_walks_a_million_node_cycle)
{
    oap_csr g;
    chain(&g, MILLION, 1, NULL, 0);
    oap_scc scc;
    ck_assert_int_eq(oap_algo_scc(&scc, &g, MILLION), 0);
    oap_bfs b;
    ck_assert_int_eq(oap_bfs_init(&b, MILLION), 0);
    uint32_t *path, len;
    /* From node 0 back to itself: the whole cycle, every node once, then 0 again. */
    ck_assert_int_eq(oap_bfs_path(&b, &path, &len, &g, 0, 0, 0, scc.comp), 1);
    ck_assert_uint_eq(len, MILLION + 1);
    ck_assert_uint_eq(path[0], 0);
    ck_assert_uint_eq(path[MILLION / 2], MILLION / 2);
    ck_assert_uint_eq(path[MILLION], 0);
    free(path);
    /* Without the direct edge 999999 -> 0 there is no other way round. */
    ck_assert_int_eq(oap_bfs_path(&b, &path, &len, &g, MILLION - 1, 0, 1, scc.comp), 0);
    oap_bfs_free(&b);
    oap_algo_scc_free(&scc);
    oap_csr_free(&g);
}
END_TEST

START_TEST(redundant_shortcut_over_a_million_node_chain)
{
    /* 0 -> 999999 is implied by the chain; 5 -> 6 repeats an edge and is dropped by the
     * rows, so it is not a second finding. */
    const uint32_t extra[] = {0, MILLION - 1, 5, 6};
    oap_csr g;
    chain(&g, MILLION, 0, extra, 2);
    oap_scc scc;
    ck_assert_int_eq(oap_algo_scc(&scc, &g, MILLION), 0);
    oap_redundant *red;
    size_t count;
    ck_assert_int_eq(oap_algo_redundant(&red, &count, &g, MILLION, &scc), 0);
    ck_assert_uint_eq(count, 1);
    ck_assert_uint_eq(g.link[red[0].edge], MILLION);
    ck_assert_uint_eq(g.target[red[0].edge], MILLION - 1);
    free(red);
    oap_algo_scc_free(&scc);
    oap_csr_free(&g);
}
END_TEST

START_TEST(redundant_shortcuts_in_every_band_of_the_bitsets)
{
    /* A chain of 40,000 nodes is one part too large for one band of bitsets (40,000 rows
     * of 625 words are 200 MB, bands are 32 MB): shortcuts i -> i + 2 whose targets fall
     * in every band are each found once, and nothing else is. */
    enum { N = 40000, SHORTCUTS = 8 };
    uint32_t extra[2 * SHORTCUTS];
    for (uint32_t k = 0; k < SHORTCUTS; k++) {
        extra[2 * k] = k * (N / SHORTCUTS) + 1;
        extra[2 * k + 1] = k * (N / SHORTCUTS) + 3;
    }
    oap_csr g;
    chain(&g, N, 0, extra, SHORTCUTS);
    oap_scc scc;
    ck_assert_int_eq(oap_algo_scc(&scc, &g, N), 0);
    oap_redundant *red;
    size_t count;
    ck_assert_int_eq(oap_algo_redundant(&red, &count, &g, N, &scc), 0);
    ck_assert_uint_eq(count, SHORTCUTS);
    for (size_t k = 0; k < count; k++) {
        /* The extra edges' links are N + k, in order of their sources. */
        ck_assert_uint_eq(g.link[red[k].edge], N + k);
        ck_assert_uint_eq(g.target[red[k].edge], extra[2 * k + 1]);
    }
    free(red);
    oap_algo_scc_free(&scc);
    oap_csr_free(&g);
}
END_TEST

/* A whole check of a plan whose actions form one cycle of needs (each action needs the
 * one before, the first needs the last), run in a thread with a 512 KiB stack. */
enum { CYCLE_ACTIONS = 100000, SMALL_STACK = 512 * 1024 };

typedef struct cycle_run {
    oap_planset *set;
    oap_diags *diags;
    int rc;
} cycle_run;

static void *run_check(void *arg)
{
    cycle_run *r = arg;
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
    r->rc = oap_check_run(r->set, r->diags, &opts);
    return NULL;
}

static char *cycle_plan(size_t *len)
{
    char *text = NULL;
    FILE *f = open_memstream(&text, len);
    ck_assert_ptr_nonnull(f);
    fputs("{\"oapgraph\": 1, \"plan\": {\"id\": \"2099-Q\", \"priority\": \"Q\", \"title\": "
          "\"one cycle\", \"year\": 2099}, \"goals\": [{\"id\": \"SG1\", \"title\": \"g\"}], "
          "\"actions\": [\n",
          f);
    for (unsigned i = 1; i <= CYCLE_ACTIONS; i++)
        fprintf(f,
                "%s{\"id\": \"1.%u\", \"goal\": \"SG1\", \"title\": \"step %u\", \"leaders\": "
                "[\"HU\"], \"needs\": [\"1.%u\"], \"timing\": \"May\", \"kpis\": [\"k\"]}\n",
                i > 1 ? "," : "", i, i, i > 1 ? i - 1 : CYCLE_ACTIONS);
    fputs("]}\n", f);
    ck_assert_int_eq(fclose(f), 0);
    return text;
}

START_TEST(check_of_a_long_cycle_on_a_small_stack)
{
    size_t len;
    char *text = cycle_plan(&len);
    cycle_run r = {0};
    ck_assert_int_eq(oap_planset_new(&r.set), 0);
    ck_assert_int_eq(oap_diags_new(&r.diags), 0);
    ck_assert_int_eq(oap_planset_load_buffer(r.set, "cycle.oap.json", text, len, r.diags), 0);
    free(text);
    ck_assert_uint_eq(oap_diags_count(r.diags), 0);

    pthread_attr_t attr;
    pthread_t thread;
    ck_assert_int_eq(pthread_attr_init(&attr), 0);
    ck_assert_int_eq(pthread_attr_setstacksize(&attr, SMALL_STACK), 0);
    ck_assert_int_eq(pthread_create(&thread, &attr, run_check, &r), 0);
    ck_assert_int_eq(pthread_join(thread, NULL), 0);
    pthread_attr_destroy(&attr);
    ck_assert_int_eq(r.rc, 0);

    /* One error, the cycle through every action, and nothing else: a need asks for no
     * reference back (one-way-ref is about refs). */
    ck_assert_uint_eq(oap_diags_count_at_least(r.diags, OAP_SEVERITY_WARNING), 1);
    const oap_diag *cycle = NULL;
    for (size_t i = 0; i < oap_diags_count(r.diags); i++) {
        const oap_diag *d = oap_diags_at(r.diags, i);
        if (strcmp(d->rule, "dependency-cycle") == 0)
            cycle = d;
        else
            ck_abort_msg("unexpected finding [%s] %s", d->rule, d->message);
    }
    ck_assert_ptr_nonnull(cycle);
    ck_assert_int_eq(cycle->severity, OAP_SEVERITY_ERROR);
    char want[64];
    snprintf(want, sizeof want, "(%u in the cycle", CYCLE_ACTIONS);
    ck_assert_msg(strstr(cycle->message, want), "message: %.200s", cycle->message);
    oap_diags_free(r.diags);
    oap_planset_free(r.set);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("algo");
    TCase *tc = tcase_create("algo");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, scc_of_a_million_node_cycle_is_one_component);
    tcase_add_test(tc, scc_of_a_million_node_chain_numbers_sinks_first);
    tcase_add_test(tc, bfs_walks_a_million_node_cycle);
    tcase_add_test(tc, redundant_shortcut_over_a_million_node_chain);
    tcase_add_test(tc, redundant_shortcuts_in_every_band_of_the_bitsets);
    tcase_add_test(tc, check_of_a_long_cycle_on_a_small_stack);
    suite_add_tcase(s, tc);
    return oap_test_run(s);
}
