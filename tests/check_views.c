/* check_views: the tasking, impact and dependency views on the reference plan and a built set. */
#define _POSIX_C_SOURCE 200809L
#include "check_capture.h"
#include "check_main.h"

#include "views/deps.h"
#include "views/impact.h"
#include "views/status.h"
#include "views/jsonw.h"
#include "views/tasking.h"
#include "views/views.h"
#include "load/planset.h"

#include "oapgraph/common.h"

#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REFERENCE OAP_SOURCE_DIR "/fixtures/2012-C.oap.json"
#define VIEWS OAP_SOURCE_DIR "/fixtures/views"
#define CYCLES OAP_SOURCE_DIR "/fixtures/cycles"

static oap_views_input open_plans(const char *path)
{
    oap_views_input in;
    char *paths[] = {(char *)path};
    char err[256];
    ck_assert_int_eq(oap_views_open(&in, paths, 1, err, sizeof err), 0);
    ck_assert_uint_eq(oap_diags_count_at_least(in.diags, OAP_SEVERITY_ERROR), 0);
    return in;
}

static uint32_t node(const oap_graph *g, const char *ref)
{
    uint32_t v;
    char err[256];
    ck_assert_msg(oap_views_resolve(g, ref, &v, err, sizeof err) == 0, "%s: %s", ref, err);
    return v;
}

static json_t *parse(const char *text)
{
    json_error_t e;
    json_t *v = json_loads(text, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &e);
    ck_assert_msg(v != NULL, "not JSON (%d:%d: %s):\n%s", e.line, e.column, e.text, text);
    return v;
}

/* A sheet's entries as "1.1:participant:All MS,2.2:co-leader,...", actions only. */
static char *entries(const oap_tasking *t, const char *actor)
{
    static const char *const roles[] = {"leader", "co-leader", "participant", "driver", "support"};
    size_t s;
    char err[256], name[200];
    ck_assert_int_eq(oap_tasking_select((oap_tasking *)t, actor, &s, err, sizeof err), 0);
    const oap_tasking_sheet *sh = &t->sheets[s];
    capture c;
    FILE *f = capture_open(&c);
    for (size_t i = 0; i < sh->n; i++) {
        const oap_tasking_entry *e = &sh->entries[i];
        fprintf(f, "%s%s:%s%s%s", i ? "," : "",
                oap_views__name(t->g, e->node, OAP_VIEWS_QUALIFY, name, sizeof name),
                roles[e->role], e->via ? ":" : "", e->via ? e->via : "");
    }
    return capture_close(&c);
}

/* The reference plan. */

START_TEST(reference_hu_sheet)
{
    oap_views_input in = open_plans(REFERENCE);
    oap_tasking *t;
    ck_assert_int_eq(oap_tasking_build(&t, in.graph), 0);
    /* 2.2 and 5.2 as co-leader, and every All MS action of 2012 (HU joined in 2004). */
    char *got = entries(t, "HU");
    assert_text(got, "2012-C:1.1:participant:All MS,2012-C:1.2:participant:All MS,"
                     "2012-C:1.3:participant:All MS,2012-C:2.2:co-leader,"
                     "2012-C:2.3:participant:All MS,2012-C:3.1:participant:All MS,"
                     "2012-C:5.2:co-leader,2012-C:6.3:participant:All MS");
    free(got);
    /* Croatia joined in July 2013: not on the 2012 All MS actions. */
    got = entries(t, "HR");
    assert_text(got, "");
    free(got);
    oap_tasking_free(t);
    oap_views_close(&in);
}
END_TEST

START_TEST(reference_europol_sheet)
{
    oap_views_input in = open_plans(REFERENCE);
    oap_tasking *t;
    ck_assert_int_eq(oap_tasking_build(&t, in.graph), 0);
    /* Leads 2.3, co-leads 1.1 (where it is also a participant), 3.1 and 4.1; joins the
     * rest; gives the plan project support (section 4.2). */
    char *got = entries(t, "Europol");
    assert_text(got, "2012-C:*:support,2012-C:1.1:co-leader,2012-C:1.2:participant,"
                     "2012-C:2.2:participant,2012-C:2.3:leader,2012-C:3.1:co-leader,"
                     "2012-C:4.1:co-leader,2012-C:4.2:participant,2012-C:5.1:participant,"
                     "2012-C:5.2:participant,2012-C:7.1:participant");
    free(got);
    /* Cefpol is CEPOL; IT drives the plan; the groups have sheets of their own. */
    got = entries(t, "Cefpol");
    assert_text(got, "2012-C:*:support,2012-C:3.1:co-leader,2012-C:7.2:leader");
    free(got);
    got = entries(t, "IT");
    ck_assert_msg(strncmp(got, "2012-C:*:driver,", 16) == 0, "%s", got);
    free(got);
    got = entries(t, "Relevant MS");
    assert_text(got, "2012-C:2.1:participant,2012-C:4.1:participant,2012-C:4.2:participant,"
                     "2012-C:5.1:participant,2012-C:7.2:participant");
    free(got);
    got = entries(t, "MS concerned");
    assert_text(got, "2012-C:6.2:participant");
    free(got);
    /* Sheets in order: the 27 Member States of 2012 (protocol order), then bodies. */
    ck_assert_str_eq(t->sheets[t->order[0]].code, "BE");
    ck_assert_str_eq(t->sheets[t->order[26]].code, "UK");
    ck_assert_str_eq(t->sheets[t->order[27]].code, "Europol");
    ck_assert_str_eq(t->sheets[t->order[t->norder - 1]].code,
                     "Relevant international organisations");
    size_t s;
    char err[256];
    ck_assert_int_eq(oap_tasking_select(t, "All MS", &s, err, sizeof err), OAP_EINVAL);
    ck_assert_int_eq(oap_tasking_select(t, "Europool", &s, err, sizeof err), OAP_EINVAL);
    ck_assert_str_eq(err, "'Europool' is not a known actor, and no loaded plan names it; did you "
                          "mean 'Europol'?");
    oap_tasking_free(t);
    oap_views_close(&in);
}
END_TEST

static char *deps_text(const oap_graph *g, const char *ref, int reverse, int all_links)
{
    oap_deps *d;
    oap_deps_options o = {reverse, all_links};
    ck_assert_int_eq(oap_deps_run(&d, g, node(g, ref), &o), 0);
    capture c;
    ck_assert_int_eq(oap_deps_write_text(capture_open(&c), d), 0);
    oap_deps_free(d);
    return capture_close(&c);
}

START_TEST(reference_deps)
{
    oap_views_input in = open_plans(REFERENCE);
    /* 1.1 needs 2.1#1; 2.1#2 needs 1.1; phase 2 comes after phase 1. */
    char *got = deps_text(in.graph, "2.1", 0, 0);
    assert_text(got, "RESTREINT UE/EU RESTRICTED\n"
                     "what 2.1 needs, directly and through others, over needs:\n"
                     "0  2.1#1  needs nothing\n"
                     "0  2.1#2  needs 1.1; comes after 2.1#1\n"
                     "1  1.1    needs 2.1#1\n"
                     "1 node beyond 2.1, up to 1 step away.\n"
                     "RESTREINT UE/EU RESTRICTED\n");
    free(got);
    got = deps_text(in.graph, "1.1", 1, 0);
    assert_text(got, "RESTREINT UE/EU RESTRICTED\n"
                     "what needs 1.1, directly and through others, over needs:\n"
                     "0  1.1    needed by 2.1#2\n"
                     "1  2.1#2  needed by nothing\n"
                     "1 node beyond 1.1, up to 1 step away.\n"
                     "RESTREINT UE/EU RESTRICTED\n");
    free(got);
    got = deps_text(in.graph, "2.1#1", 1, 0);
    assert_text(got, "RESTREINT UE/EU RESTRICTED\n"
                     "what needs 2.1#1, directly and through others, over needs:\n"
                     "0  2.1#1  needed by 1.1; followed by 2.1#2\n"
                     "1  1.1    needed by 2.1#2\n"
                     "1  2.1#2  needed by nothing\n"
                     "2 nodes beyond 2.1#1, up to 1 step away.\n"
                     "RESTREINT UE/EU RESTRICTED\n");
    free(got);
    got = deps_text(in.graph, "1.2", 0, 0);
    assert_text(got, "RESTREINT UE/EU RESTRICTED\n"
                     "what 1.2 needs, directly and through others, over needs:\n"
                     "0  1.2  needs nothing\n"
                     "nothing beyond 1.2.\n"
                     "RESTREINT UE/EU RESTRICTED\n");
    free(got);
    /* Over all links 1.2's only link is SG4, which 1.1, 1.3, 2.1 and 5.2 also name. */
    got = deps_text(in.graph, "1.2", 0, 1);
    ck_assert_msg(strstr(got, "\n1  SG4    referred to by 1.1, 1.2, 1.3, 2.1, 5.2\n"), "%s", got);
    free(got);
    oap_views_close(&in);
}
END_TEST

static char *path_text(const oap_graph *g, const char *from, const char *to, int all_links,
                       int found)
{
    oap_path *p;
    oap_deps_options o = {0, all_links};
    ck_assert_int_eq(oap_path_find(&p, g, node(g, from), node(g, to), &o), found);
    capture c;
    ck_assert_int_eq(oap_path_write_text(capture_open(&c), p), 0);
    oap_path_free(p);
    return capture_close(&c);
}

START_TEST(reference_path)
{
    oap_views_input in = open_plans(REFERENCE);
    char *got = path_text(in.graph, "2.1", "1.1", 0, 1);
    assert_text(got, "RESTREINT UE/EU RESTRICTED\n"
                     "path from 2.1 to 1.1 over needs, 1 step:\n"
                     "2.1#2 needs 1.1\n"
                     "RESTREINT UE/EU RESTRICTED\n");
    free(got);
    got = path_text(in.graph, "1.2", "1.1", 0, 0);
    assert_text(got, "RESTREINT UE/EU RESTRICTED\n"
                     "no path from 1.2 to 1.1 over needs\n"
                     "needs run one way: 'oapgraph path 1.1 1.2' looks the other way, "
                     "--all-links also follows refs\n"
                     "RESTREINT UE/EU RESTRICTED\n");
    free(got);
    got = path_text(in.graph, "1.2", "2.2", 1, 1);
    assert_text(got, "RESTREINT UE/EU RESTRICTED\n"
                     "path from 1.2 to 2.2 over all links, 3 steps:\n"
                     "1.2 refers to SG4\n"
                     "SG4 referred to by 1.1\n"
                     "1.1 referred to by 2.2\n"
                     "RESTREINT UE/EU RESTRICTED\n");
    free(got);
    got = path_text(in.graph, "2.1", "2.1#1", 0, 1);
    assert_text(got, "RESTREINT UE/EU RESTRICTED\n"
                     "path from 2.1 to 2.1#1 over needs, 0 steps: 2.1#1 is part of both\n"
                     "RESTREINT UE/EU RESTRICTED\n");
    free(got);
    oap_views_close(&in);
}
END_TEST

static oap_impact *without(const oap_graph *g, const char *const *codes, size_t n)
{
    oap_impact_actor a[8];
    char err[256];
    for (size_t i = 0; i < n; i++)
        ck_assert_int_eq(oap_impact_actor_read(&a[i], g, codes[i], err, sizeof err), 0);
    oap_impact *im;
    ck_assert_int_eq(oap_impact_without(&im, g, a, n), 0);
    return im;
}

static char *impact_text(const oap_impact *im)
{
    capture c;
    ck_assert_int_eq(oap_impact_write_text(capture_open(&c), im), 0);
    return capture_close(&c);
}

START_TEST(reference_impact_without_hu)
{
    oap_views_input in = open_plans(REFERENCE);
    static const char *const hu[] = {"HU"};
    oap_impact *im = without(in.graph, hu, 1);
    char *got = impact_text(im);
    assert_text(got,
                "RESTREINT UE/EU RESTRICTED\n"
                "without HU:\n"
                "2.2  loses co-leader HU; AT, Frontex still lead it\n"
                "5.2  loses co-leader HU; UK still leads it\n"
                "1.1  loses HU as one of All MS; the other Member States still take part\n"
                "1.2  loses HU as one of All MS; the other Member States still take part\n"
                "1.3  loses HU as one of All MS; the other Member States still take part\n"
                "2.3  loses HU as one of All MS; the other Member States still take part\n"
                "3.1  loses HU as one of All MS; the other Member States still take part\n"
                "6.3  loses HU as one of All MS; the other Member States still take part\n"
                "downstream through needs: nothing needs 2.2 or 5.2\n"
                "actions at risk: 0 (0 without a leader); losing a co-leader: 2, every named "
                "participant: 0, a participant: 0, a Member State of All MS: 6; downstream: 0, 0 "
                "at risk\n"
                "RESTREINT UE/EU RESTRICTED\n");
    free(got);
    oap_impact_free(im);
    /* Without IT: 2.1 has no leader, and 1.1 needs its first phase. */
    static const char *const it[] = {"IT"};
    im = without(in.graph, it, 1);
    ck_assert_uint_eq(im->nplans, 1);
    ck_assert(im->plans[0].driver);
    ck_assert_uint_eq(im->nreach, 1);
    char name[200];
    ck_assert_str_eq(oap_views__name(in.graph, im->reach[0].unit, 0, name, sizeof name), "1.1");
    ck_assert_str_eq(oap_views__name(in.graph, im->reach[0].next, 0, name, sizeof name), "2.1#1");
    ck_assert_str_eq(oap_views__name(in.graph, im->reach[0].cause, 0, name, sizeof name), "2.1");
    ck_assert(im->reach[0].severe);
    oap_impact_free(im);
    oap_views_close(&in);
}
END_TEST

START_TEST(reference_impact_late)
{
    oap_views_input in = open_plans(REFERENCE);
    oap_impact *im;
    char err[256];
    /* 2.1#1 (April/May) six months late ends in November: 1.1 (September) must move two
     * months, and 2.1#2 (October/November) one. */
    ck_assert_int_eq(oap_impact_slip(&im, in.graph, node(in.graph, "2.1#1"), 6, err, sizeof err),
                     0);
    char *got = impact_text(im);
    assert_text(got, "RESTREINT UE/EU RESTRICTED\n"
                     "if 2.1#1 is 6 months late:\n"
                     "2.1#1  slips 6 months: 2012-04..2012-05 becomes 2012-10..2012-11\n"
                     "1.1    slips 2 months: 2012-09 becomes 2012-11; it needs 2.1#1, which now "
                     "ends 2012-11 (1.1 -> 2.1#1)\n"
                     "2.1#2  slips 1 month: 2012-10..2012-11 becomes 2012-11..2012-12; it needs "
                     "2.1#1, which now ends 2012-11 (2.1#2 -> 2.1#1)\n"
                     "2 dependants must move, 0 still fit, 0 cannot be told\n"
                     "RESTREINT UE/EU RESTRICTED\n");
    free(got);
    oap_impact_free(im);
    ck_assert_int_eq(oap_impact_slip(&im, in.graph, node(in.graph, "2.1#1"), 2, err, sizeof err),
                     0);
    ck_assert_uint_eq(im->nreach, 1);
    ck_assert_uint_eq(im->nholding, 2);
    oap_impact_free(im);
    ck_assert_int_eq(oap_impact_slip(&im, in.graph, node(in.graph, "SG1"), 2, err, sizeof err),
                     OAP_EINVAL);
    ck_assert_str_eq(err, "SG1 is not an action or a phase; only those have a timing to slip");
    oap_views_close(&in);
}
END_TEST

START_TEST(reference_json)
{
    oap_views_input in = open_plans(REFERENCE);
    oap_deps *d;
    oap_deps_options o = {0, 0};
    capture c;
    ck_assert_int_eq(oap_deps_run(&d, in.graph, node(in.graph, "2.1"), &o), 0);
    ck_assert_int_eq(oap_deps_write_json(capture_open(&c), d), 0);
    char *text = capture_close(&c);
    json_t *v = parse(text);
    ck_assert_str_eq(json_string_value(json_object_get(v, "node")), "2012-C:2.1");
    json_t *nodes = json_object_get(v, "nodes");
    ck_assert_uint_eq(json_array_size(nodes), 3);
    json_t *n1 = json_array_get(nodes, 2);
    ck_assert_str_eq(json_string_value(json_object_get(n1, "node")), "2012-C:1.1");
    ck_assert_int_eq(json_integer_value(json_object_get(n1, "depth")), 1);
    json_t *e = json_array_get(json_object_get(n1, "edges"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(e, "relation")), "needs");
    ck_assert_str_eq(json_string_value(json_object_get(e, "node")), "2012-C:2.1#1");
    json_decref(v);
    free(text);
    oap_deps_free(d);

    oap_tasking *t;
    ck_assert_int_eq(oap_tasking_build(&t, in.graph), 0);
    ck_assert_int_eq(oap_tasking_write(capture_open(&c), t, t->order, t->norder, OAP_TASKING_JSON),
                     0);
    text = capture_close(&c);
    v = parse(text);
    ck_assert_uint_eq(json_array_size(json_object_get(v, "sheets")), t->norder);
    json_decref(v);
    free(text);
    oap_tasking_free(t);

    static const char *const fx[] = {"Frontex"};
    oap_impact *im = without(in.graph, fx, 1);
    ck_assert_int_eq(oap_impact_write_json(capture_open(&c), im), 0);
    text = capture_close(&c);
    v = parse(text);
    /* 1.2, 1.3 and 7.1 are left without a leader; 3.1 keeps only groups, All MS among
     * them, so it is not at risk; 2.1#2 needs 1.1, which loses a co-leader. */
    json_t *acts = json_object_get(v, "actions");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(acts, 0), "node")),
                     "2012-C:1.2");
    ck_assert(json_is_true(json_object_get(json_array_get(acts, 0), "at_risk")));
    json_t *down = json_array_get(json_object_get(v, "downstream"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(down, "node")), "2012-C:2.1#2");
    ck_assert(json_is_false(json_object_get(down, "at_risk")));
    json_decref(v);
    free(text);
    oap_impact_free(im);
    oap_views_close(&in);
}
END_TEST

/* The plan set of fixtures/views: see fixtures/views/README.md for what is built in. */

START_TEST(views_deps_chain_and_diamond)
{
    oap_views_input in = open_plans(VIEWS);
    char *got = deps_text(in.graph, "1.4", 0, 0);
    assert_text(got, "TEST MARKING\n"
                     "what 2020-X:1.4 needs, directly and through others, over needs:\n"
                     "0  2020-X:1.4  needs 2020-X:1.3\n"
                     "1  2020-X:1.3  needs 2020-X:1.2\n"
                     "2  2020-X:1.2  needs 2020-X:1.1\n"
                     "3  2020-X:1.1  needs nothing\n"
                     "3 nodes beyond 2020-X:1.4, up to 3 steps away.\n"
                     "TEST MARKING\n");
    free(got);
    /* The diamond's bottom is reached once, at depth 2. */
    got = deps_text(in.graph, "2.1", 1, 0);
    assert_text(got, "TEST MARKING\n"
                     "what needs 2020-X:2.1, directly and through others, over needs:\n"
                     "0  2020-X:2.1  needed by 2020-X:2.2, 2020-X:2.3\n"
                     "1  2020-X:2.2  needed by 2020-X:2.4\n"
                     "1  2020-X:2.3  needed by 2020-X:2.4\n"
                     "2  2020-X:2.4  needed by nothing\n"
                     "3 nodes beyond 2020-X:2.1, up to 2 steps away.\n"
                     "TEST MARKING\n");
    free(got);
    /* Several plans are loaded: every name says its plan, the query's own included. */
    got = deps_text(in.graph, "2020-X:1.1", 1, 0);
    assert_text(got, "TEST MARKING\n"
                     "what needs 2020-X:1.1, directly and through others, over needs:\n"
                     "0  2020-X:1.1    needed by 2020-X:1.2, undated:9.1\n"
                     "1  2020-X:1.2    needed by 2020-X:1.3, 2020-X:3.1#2\n"
                     "1  undated:9.1   needed by nothing\n"
                     "2  2020-X:1.3    needed by 2020-X:1.4\n"
                     "2  2020-X:3.1#2  needed by nothing\n"
                     "3  2020-X:1.4    needed by 2021-Y:1.1\n"
                     "4  2021-Y:1.1    needed by nothing\n"
                     "6 nodes beyond 2020-X:1.1, up to 4 steps away.\n"
                     "TEST MARKING\n");
    free(got);
    got = path_text(in.graph, "2.4", "2.1", 0, 1);
    assert_text(got, "TEST MARKING\n"
                     "path from 2020-X:2.4 to 2020-X:2.1 over needs, 2 steps:\n"
                     "2020-X:2.4 needs 2020-X:2.2\n"
                     "2020-X:2.2 needs 2020-X:2.1\n"
                     "TEST MARKING\n");
    free(got);
    got = path_text(in.graph, "2021-Y:1.1", "2020-X:1.1", 0, 1);
    ck_assert_msg(strstr(got, "over needs, 4 steps:\n"), "%s", got);
    free(got);
    /* "1.1" is in two plans; "9.9" in none; "B:*" is not referred to. */
    uint32_t v;
    char err[256];
    ck_assert_int_eq(oap_views_resolve(in.graph, "1.1", &v, err, sizeof err), OAP_EINVAL);
    ck_assert_str_eq(err, "'1.1' is in several loaded plans (2020-X, 2021-Y); qualify it, as in "
                          "2020-X:1.1");
    ck_assert_int_eq(oap_views_resolve(in.graph, "9.9", &v, err, sizeof err), OAP_EINVAL);
    ck_assert_str_eq(err, "'9.9' is not an action, phase or goal of any loaded plan");
    ck_assert_int_eq(oap_views_resolve(in.graph, "B:*", &v, err, sizeof err), OAP_EINVAL);
    ck_assert_int_eq(oap_views_resolve(in.graph, "X:*", &v, err, sizeof err), 0);
    ck_assert_int_eq(oap_views_resolve(in.graph, "2.1 2", &v, err, sizeof err), OAP_EINVAL);
    oap_views_close(&in);
}
END_TEST

START_TEST(views_tasking)
{
    oap_views_input in = open_plans(VIEWS);
    oap_tasking *t;
    ck_assert_int_eq(oap_tasking_build(&t, in.graph), 0);
    /* DE: named in person on 1.1, 1.3, 2.1, 2.2 and 2.4 (All MS there too), through All
     * MS on 1.2 and on 2021-Y:1.1, and drives 2021-Y. */
    char *got = entries(t, "DE");
    assert_text(got, "2020-X:1.1:participant,2020-X:1.2:participant:All MS,"
                     "2020-X:1.3:co-leader,2020-X:2.1:co-leader,2020-X:2.2:participant,"
                     "2020-X:2.4:participant,2021-Y:*:driver,2021-Y:1.1:participant:All MS");
    free(got);
    /* The UK is a member in January 2020 and not in 2021. */
    got = entries(t, "UK");
    assert_text(got, "2020-X:1.2:participant:All MS,2020-X:2.4:participant:All MS,"
                     "2020-X:3.1:leader");
    free(got);
    /* HR leads the 2021 action that All MS also joins: one line, the stronger role. */
    got = entries(t, "HR");
    assert_text(got, "2020-X:1.2:participant:All MS,2020-X:2.4:participant:All MS,"
                     "2021-Y:1.1:leader");
    free(got);
    /* A declared actor by code and by name; an unknown one as written; All MS in a plan
     * with no year. */
    got = entries(t, "seahorse network");
    assert_text(got, "2020-X:1.1:leader,2020-X:3.1:participant");
    free(got);
    got = entries(t, "atlantis");
    assert_text(got, "2020-X:2.3:participant");
    free(got);
    got = entries(t, "All MS");
    assert_text(got, "undated:9.1:participant");
    free(got);

    /* The whole sheet of IOM: its one plan has no classification, so no banner. */
    size_t s;
    char err[256];
    capture c;
    ck_assert_int_eq(oap_tasking_select(t, "IOM", &s, err, sizeof err), 0);
    ck_assert_int_eq(oap_tasking_write(capture_open(&c), t, &s, 1, OAP_TASKING_MARKDOWN), 0);
    capture_expect(&c,
                   "# IOM: International Organization for Migration\n\n"
                   "International organisation. Takes part in 1 action.\n\n"
                   "| Plan | Goal | Action | Role | Activity | Timing | Window | Target | KPIs |\n"
                   "|---|---|---|---|---|---|---|---|---|\n"
                   "| 2021-Y | SG1 | 1.2 | participant | Members to be named |  | 2021-03 |  | "
                   "y1.2 |\n");
    ck_assert_int_eq(oap_tasking_select(t, "Cefpol", &s, err, sizeof err), 0);
    ck_assert_int_eq(oap_tasking_write(capture_open(&c), t, &s, 1, OAP_TASKING_MARKDOWN), 0);
    capture_expect(&c,
                   "**TEST MARKING**\n\n"
                   "# CEPOL: European Union Agency for Law Enforcement Training\n\n"
                   "EU body or agency. Project support for 2020-X. Leads 1 action.\n\n"
                   "| Plan | Goal | Action | Role | Activity | Timing | Window | Target | KPIs |\n"
                   "|---|---|---|---|---|---|---|---|---|\n"
                   "| 2020-X | SG2 | 2.4 | leader | Diamond bottom |  | 2020-06 | Both sides done "
                   "| k2.4a<br>k2.4b |\n\n"
                   "**TEST MARKING**\n");
    ck_assert_int_eq(oap_tasking_write(capture_open(&c), t, &s, 1, OAP_TASKING_CSV), 0);
    capture_expect(&c, "actor,name,kind,plan,goal,action,role,via,title,timing,window_start,"
                       "window_end,target,kpis,classification,leaders,coleaders,jads,"
                       "grant_amount,grant_currency,grant_beneficiary,grant_source\r\n"
                       "CEPOL,European Union Agency for Law Enforcement Training,agency,2020-X,,,"
                       "support,,\"Views test plan: a chain, a diamond and phases\",,,,,,TEST "
                       "MARKING,,,,,,,\r\n"
                       "CEPOL,European Union Agency for Law Enforcement Training,agency,2020-X,SG2,"
                       "2.4,leader,,Diamond bottom,,2020-06,2020-06,Both sides done,\"k2.4a\n"
                       "k2.4b\",TEST MARKING,Cefpol,,,,,,\r\n");
    /* An actor the registry knows that takes part in nothing has an empty sheet. */
    ck_assert_int_eq(oap_tasking_select(t, "Interpol", &s, err, sizeof err), 0);
    ck_assert_uint_eq(t->sheets[s].n, 0);
    oap_tasking_free(t);
    oap_views_close(&in);
}
END_TEST

/* The sheet of one actor written in a format. */
static char *sheet_text(oap_tasking *t, const char *actor, oap_tasking_format fmt)
{
    size_t s;
    char err[256];
    capture c;
    ck_assert_int_eq(oap_tasking_select(t, actor, &s, err, sizeof err), 0);
    ck_assert_int_eq(oap_tasking_write(capture_open(&c), t, &s, 1, fmt), 0);
    return capture_close(&c);
}

/* Today's plans: co-leaders, JADs, KPI targets and grants on the sheets (issue 16). Before,
 * an actor named only in "coleaders" had no line for the action. */
START_TEST(cycles_tasking)
{
    oap_views_input in;
    char *paths[] = {(char *)CYCLES}, err[256];
    ck_assert_int_eq(oap_views_open(&in, paths, 1, err, sizeof err), 0);
    oap_tasking *t;
    ck_assert_int_eq(oap_tasking_build(&t, in.graph), 0);
    /* NL co-leads A:2.2 (beside DE) and B:1.1 (beside Europol), leads A:4.1. */
    char *got = entries(t, "NL");
    assert_text(got, "2024-2025-A:2.2:co-leader,2024-2025-A:4.1:leader,"
                     "2024-2025-A:5.1:participant,2024-2025-B:*:driver,2024-2025-B:1.1:co-leader,"
                     "2024-2025-B:3.2:participant,2024-2025-B:4.1:participant");
    free(got);
    /* Europol leads B:1.1 and is in "coleaders" of A:2.1 and A:8.1: co-leader there. */
    got = entries(t, "Europol");
    ck_assert_msg(strstr(got, "2024-2025-A:2.1:co-leader,") != NULL, "%s", got);
    ck_assert_msg(strstr(got, "2024-2025-B:1.1:leader") != NULL, "%s", got);
    free(got);

    got = sheet_text(t, "NL", OAP_TASKING_MARKDOWN);
    /* The co-leader's line names the leader; the targets of what it leads or co-leads;
     * a KPI without a target as written; the JADs with their windows. */
    ck_assert_msg(strstr(got, "| 2024-2025-A | SG2 | 2.2 | co-leader (leader: DE) |") != NULL, "%s",
                  got);
    ck_assert_msg(strstr(got, "| assets frozen: target 2,000,000 EUR<br>Number of hawala bankers "
                              "identified |") != NULL,
                  "%s", got);
    ck_assert_msg(strstr(got, "| fraudulent documents detected |") != NULL, "%s", got);
    ck_assert_msg(strstr(got, "\n\nJoint Action Days:\n\n- JAD-2024-DANUBE, 2024-10: Joint "
                              "Action Days Danube 2024: facilitated secondary movements along "
                              "the Western Balkan route and the Danube; with 2024-2025-A 2.2, "
                              "2024-2025-A 5.1\n- JAD-2025-LABOUR, 2025-09: ") != NULL,
                  "%s", got);
    ck_assert_ptr_null(strstr(got, "Grants"));
    free(got);
    /* AT leads A:2.1, which has the grant; B:2.2 names a JAD no cycle declares. */
    got = sheet_text(t, "AT", OAP_TASKING_MARKDOWN);
    ck_assert_msg(strstr(got, "\n\nGrants of the actions it leads:\n\n- 2024-2025-A 2.1: "
                              "350,000 EUR to AT, EMPACT operational grant (ISF), call "
                              "2024-2025\n") != NULL,
                  "%s", got);
    free(got);
    got = sheet_text(t, "IT", OAP_TASKING_MARKDOWN);
    ck_assert_msg(strstr(got, "- JAD-2024-MDE (no loaded cycle file declares it); with "
                              "2024-2025-B 2.2\n") != NULL,
                  "%s", got);
    free(got);

    /* CSV: the targets in the KPI cell, the leaders, co-leaders, JADs and grant columns. */
    got = sheet_text(t, "AT", OAP_TASKING_CSV);
    ck_assert_msg(strstr(got, "\"facilitators arrested: target 200 per year\nhigh-value targets "
                              "arrested: target 10\nNumber of JITs set up\",RESTREINT UE/EU "
                              "RESTRICTED,AT,\"Europol\nEurojust\",,350000,EUR,AT,\"EMPACT "
                              "operational grant (ISF), call 2024-2025\"\r\n") != NULL,
                  "%s", got);
    free(got);

    /* JSON: the same as data. */
    got = sheet_text(t, "AT", OAP_TASKING_JSON);
    json_t *doc = parse(got);
    json_t *sheet = json_array_get(json_object_get(doc, "sheets"), 0);
    json_t *lead = NULL, *part = NULL;
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(sheet, "actions"), i, a)
    {
        const char *n = json_string_value(json_object_get(a, "node"));
        if (strcmp(n, "2024-2025-A:2.1") == 0)
            lead = a;
        if (strcmp(n, "2024-2025-A:2.2") == 0)
            part = a;
    }
    ck_assert_ptr_nonnull(lead);
    ck_assert_ptr_nonnull(part);
    json_t *kt = json_array_get(json_object_get(lead, "kpi_targets"), 0);
    ck_assert_int_eq(json_integer_value(json_object_get(kt, "target")), 200);
    ck_assert_str_eq(json_string_value(json_object_get(kt, "unit")), "per year");
    ck_assert(json_is_null(
        json_object_get(json_array_get(json_object_get(lead, "kpi_targets"), 2), "target")));
    json_t *grant = json_object_get(lead, "grant");
    ck_assert_int_eq(json_integer_value(json_object_get(grant, "amount")), 350000);
    ck_assert_str_eq(json_string_value(json_object_get(grant, "currency")), "EUR");
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(lead, "coleaders"), 1)),
                     "Eurojust");
    /* A participant's line has no targets and no grant. */
    ck_assert(json_is_null(json_object_get(part, "kpi_targets")));
    ck_assert(json_is_null(json_object_get(part, "grant")));
    json_t *jad = json_array_get(json_object_get(sheet, "jads"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(jad, "id")), "JAD-2024-DANUBE");
    ck_assert(json_is_true(json_object_get(jad, "declared")));
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(jad, "window"), 0)),
                     "2024-10");
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(jad, "actions"), 0)),
                     "2024-2025-A:2.2");
    json_decref(doc);
    free(got);
    oap_tasking_free(t);
    oap_views_close(&in);
}
END_TEST

START_TEST(views_impact)
{
    oap_views_input in = open_plans(VIEWS);
    char name[200];
    /* SEAHORSE alone leads the chain's head: the whole chain, the plan that needs its
     * tail and the undated action are at risk, each with the path to 1.1. 3.1, which
     * loses its only (named) participant, is at risk itself. */
    static const char *const sea[] = {"SEAHORSE"};
    oap_impact *im = without(in.graph, sea, 1);
    char *got = impact_text(im);
    assert_text(got, "TEST MARKING\n"
                     "without SEAHORSE:\n"
                     "2020-X:1.1   loses its only leader SEAHORSE: no one is left to lead it\n"
                     "2020-X:3.1   loses its only named participant Seahorse network; no one else "
                     "takes part\n"
                     "downstream through needs:\n"
                     "2020-X:1.2   at risk through 2020-X:1.2 -> 2020-X:1.1: 2020-X:1.1 is left "
                     "without a leader\n"
                     "undated:9.1  at risk through undated:9.1 -> 2020-X:1.1: 2020-X:1.1 is left "
                     "without a leader\n"
                     "2020-X:1.3   at risk through 2020-X:1.3 -> 2020-X:1.2 -> 2020-X:1.1: "
                     "2020-X:1.1 is left without a leader\n"
                     "2020-X:1.4   at risk through 2020-X:1.4 -> 2020-X:1.3 -> 2020-X:1.2 -> "
                     "2020-X:1.1: 2020-X:1.1 is left without a leader\n"
                     "2021-Y:1.1   at risk through 2021-Y:1.1 -> 2020-X:1.4 -> 2020-X:1.3 -> "
                     "2020-X:1.2 -> 2020-X:1.1: 2020-X:1.1 is left without a leader\n"
                     "actions at risk: 2 (1 without a leader); losing a co-leader: 0, every named "
                     "participant: 1, a participant: 0, a Member State of All MS: 0; downstream: "
                     "5, 5 at risk\n"
                     "TEST MARKING\n");
    free(got);
    oap_impact_free(im);
    /* DE co-leads the diamond's top: 2.2 loses its only participant (at risk), so 2.4
     * is at risk through it; 2.3 is affected through 2.1; DE drives 2021-Y. */
    static const char *const de[] = {"DE"};
    im = without(in.graph, de, 1);
    ck_assert_uint_eq(im->nplans, 1);
    ck_assert(im->plans[0].driver);
    ck_assert_str_eq(
        oap_views__name(in.graph, im->actions[0].action, OAP_VIEWS_QUALIFY, name, sizeof name),
        "2020-X:2.2");
    ck_assert(im->actions[0].at_risk);
    ck_assert_str_eq(
        oap_views__name(in.graph, im->reach[0].unit, OAP_VIEWS_QUALIFY, name, sizeof name),
        "2020-X:2.4");
    ck_assert(im->reach[0].severe);
    ck_assert_uint_eq(im->nreach, 7);
    for (size_t i = 1; i < im->nreach; i++)
        ck_assert(!im->reach[i].severe);
    oap_impact_free(im);
    /* Unknown actors are refused with a suggestion. */
    oap_impact_actor a;
    char err[256];
    ck_assert_int_eq(oap_impact_actor_read(&a, in.graph, "Seahorses", err, sizeof err), OAP_EINVAL);
    ck_assert_int_eq(oap_impact_actor_read(&a, in.graph, "Seahorse network", err, sizeof err), 0);
    ck_assert_str_eq(a.code, "SEAHORSE");
    ck_assert_int_eq(oap_impact_actor_read(&a, in.graph, "cefpol", err, sizeof err), 0);
    ck_assert_str_eq(a.code, "CEPOL");
    oap_views_close(&in);
}
END_TEST

START_TEST(views_late)
{
    oap_views_input in = open_plans(VIEWS);
    oap_impact *im;
    char err[256];
    /* 1.1 (January) five months late: 1.2 (March, two months of slack) moves three, 1.3
     * (May, two more) one, 1.4 (July) still fits, and so does 3.1#2 (September); 9.1 has
     * no window. */
    ck_assert_int_eq(
        oap_impact_slip(&im, in.graph, node(in.graph, "2020-X:1.1"), 5, err, sizeof err), 0);
    char *got = impact_text(im);
    assert_text(got, "TEST MARKING\n"
                     "if 2020-X:1.1 is 5 months late:\n"
                     "2020-X:1.1  slips 5 months: 2020-01 becomes 2020-06\n"
                     "2020-X:1.2  slips 3 months: 2020-03 becomes 2020-06; it needs 2020-X:1.1, "
                     "which now ends 2020-06 (2020-X:1.2 -> 2020-X:1.1)\n"
                     "2020-X:1.3  slips 1 month: 2020-05 becomes 2020-06; it needs 2020-X:1.2, "
                     "which now ends 2020-06 (2020-X:1.3 -> 2020-X:1.2 -> 2020-X:1.1)\n"
                     "still fit: 2020-X:1.4, 2020-X:3.1#2\n"
                     "no window to tell: undated:9.1\n"
                     "2 dependants must move, 2 still fit, 1 cannot be told\n"
                     "TEST MARKING\n");
    free(got);
    oap_impact_free(im);
    /* The diamond: 2.1 (February) three months late; 2.2 (April) moves one month, 2.3
     * (March) two; 2.4 (June) needs both, now ending in June: it fits. */
    ck_assert_int_eq(oap_impact_slip(&im, in.graph, node(in.graph, "2.1"), 3, err, sizeof err), 0);
    ck_assert_uint_eq(im->nreach, 3);
    ck_assert_int_eq(im->reach[1].slip, 2);
    ck_assert_int_eq(im->reach[2].slip, 1);
    ck_assert_uint_eq(im->nholding, 1);
    oap_impact_free(im);
    /* A whole action with phases moves all of them. */
    ck_assert_int_eq(oap_impact_slip(&im, in.graph, node(in.graph, "3.1"), 1, err, sizeof err), 0);
    ck_assert_uint_eq(im->nreach, 2);
    oap_impact_free(im);
    ck_assert_int_eq(oap_impact_slip(&im, in.graph, node(in.graph, "9.1"), 1, err, sizeof err),
                     OAP_EINVAL);
    ck_assert_str_eq(
        err, "undated:9.1 has no window to slip: its timing names no month (or its plan has "
             "no year) and it has no \"window\"");
    oap_views_close(&in);
}
END_TEST

/* Escaping and file names. */

START_TEST(json_strings)
{
    capture c;
    oap_jsonw_put_string(capture_open(&c), "a\"b\\c\n\t\x01\x7f\xe2\x80\xa8 \xff \xc3\xa9");
    char *got = capture_close(&c);
    assert_text(got, "\"a\\\"b\\\\c\\n\\t\\u0001\\u007f\\u2028 \\ufffd \xc3\xa9\"");
    json_t *v = parse(got);
    json_decref(v);
    free(got);
    oap_jsonw w;
    oap_jsonw_init(&w, capture_open(&c));
    oap_jsonw_object(&w);
    oap_jsonw_key(&w, "a");
    oap_jsonw_array(&w);
    oap_jsonw_end(&w);
    oap_jsonw_member(&w, "b", NULL);
    oap_jsonw_key(&w, "c");
    oap_jsonw_array(&w);
    oap_jsonw_int(&w, 1);
    oap_jsonw_bool(&w, 0);
    oap_jsonw_end(&w);
    oap_jsonw_end(&w);
    ck_assert_int_eq(oap_jsonw_finish(&w), 0);
    capture_expect(&c, "{\n  \"a\": [],\n  \"b\": null,\n  \"c\": [\n    1,\n    false\n  ]\n}\n");
}
END_TEST

START_TEST(markdown_csv_plain)
{
    capture c;
    oap_views__markdown(capture_open(&c), "a|b <i>&\n*x*", 1);
    char *got = capture_close(&c);
    assert_text(got, "a\\|b &lt;i&gt;&amp;<br>\\*x\\*");
    free(got);
    FILE *f = capture_open(&c);
    oap_views__csv(f, "plain", ',');
    fputc(',', f);
    oap_views__csv(f, "a,\"b\"", ',');
    fputc(',', f);
    oap_views__csv(f, "=cmd()", ',');
    fputc(',', f);
    oap_views__csv(f, NULL, ',');
    capture_expect(&c, "plain,\"a,\"\"b\"\"\",\"'=cmd()\",");
    /* With ';' between fields, a field holding ';' is quoted. */
    f = capture_open(&c);
    oap_views__csv(f, "a;b", ';');
    fputc(';', f);
    oap_views__csv(f, "c", ';');
    capture_expect(&c, "\"a;b\";c");
    oap_views__plain(capture_open(&c), "a\x1b[31mb\nc\xc2\x9b");
    capture_expect(&c, "a\xef\xbf\xbd[31mb c\xef\xbf\xbd");
}
END_TEST

START_TEST(file_names)
{
    oap_tasking_sheet s = {0};
    char buf[160];
    static const struct {
        const char *code, *name;
    } ok[] = {{"HU", "HU.md"},
              {"Relevant MS", "Relevant-MS.md"},
              {"Acting EU Presidency", "Acting-EU-Presidency.md"},
              {"../../etc/passwd", "etc-passwd.md"},
              {"-rf", "rf.md"},
              /* Not ASCII: never dropped, so that no two codes meet in one name. */
              {"Caf\xc3\xa9 net", "Cafe-net.md"},
              {"\xc3\x96sterreich \xc3\x86gir \xc5\x81\xc3\xb3"
               "d\xc5\xba",
               "Osterreich-AEgir-Lodz.md"},
              {"\xce\x95\xce\xbb", "u0395u03bb.md"},
              {"HU\xe2\x80\x8b", "HUu200b.md"},
              {"A\xff", "Aufffd.md"},
              {"\xc3\x97", "u00d7.md"},
              {"\xf0\x9f\x98\x80", "u1f600.md"}};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        s.code = ok[i].code;
        ck_assert_int_eq(oap_tasking_file_name(&s, OAP_TASKING_MARKDOWN, buf, sizeof buf), 0);
        ck_assert_str_eq(buf, ok[i].name);
    }
    s.code = "EMPACT SU";
    ck_assert_int_eq(oap_tasking_file_name(&s, OAP_TASKING_JSON, buf, sizeof buf), 0);
    ck_assert_str_eq(buf, "EMPACT-SU.json");
    /* Over 100 bytes: cut, with a hash of the whole code, so that long codes that
     * begin alike still get names of their own. */
    char code[300];
    memset(code, 'a', 250);
    code[250] = '\0';
    s.code = code;
    ck_assert_int_eq(oap_tasking_file_name(&s, OAP_TASKING_MARKDOWN, buf, sizeof buf), 0);
    ck_assert_uint_eq(strlen(buf), 100 + 3);
    ck_assert_int_eq(strncmp(buf, code, 83), 0);
    ck_assert_int_eq(buf[83], '-');
    char other[sizeof buf];
    strcpy(other, buf);
    code[249] = 'b';
    ck_assert_int_eq(oap_tasking_file_name(&s, OAP_TASKING_MARKDOWN, buf, sizeof buf), 0);
    ck_assert_uint_eq(strlen(buf), 100 + 3);
    ck_assert_str_ne(buf, other);
    /* Exactly 100 bytes is not cut; 20 Greek letters (5 bytes each) are. */
    memset(code, 'a', 100);
    code[100] = '\0';
    ck_assert_int_eq(oap_tasking_file_name(&s, OAP_TASKING_MARKDOWN, buf, sizeof buf), 0);
    ck_assert_str_eq(buf + 100, ".md");
    for (int i = 0; i < 21; i++)
        memcpy(code + 2 * i, "\xce\xbb", 2);
    code[42] = '\0';
    ck_assert_int_eq(oap_tasking_file_name(&s, OAP_TASKING_MARKDOWN, buf, sizeof buf), 0);
    ck_assert_uint_eq(strlen(buf), 100 + 3);
    ck_assert_int_eq(strncmp(buf, "u03bbu03bb", 10), 0);
    static const char *const bad[] = {"..", "", "/", "con", "NUL", "Com1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        s.code = bad[i];
        ck_assert_int_eq(oap_tasking_file_name(&s, OAP_TASKING_CSV, buf, sizeof buf), OAP_EINVAL);
    }
}
END_TEST

/* A chain of n actions, each needing the one before, loaded from memory. */
/* Status: the roll-up on two plans of one priority and a plan of the old form. */

static const char status_p[] =
    "{\"oapgraph\": 1, \"plan\": {\"id\": \"2024-2025-P\", \"priority\": \"Q\", \"title\": \"p\","
    " \"period\": [2024, 2025]}, \"goals\": [{\"id\": \"SG1\", \"title\": \"g\"}], \"actions\": ["
    /* Rounds newest first; a value only in the earlier round; a zero target; no target. */
    "{\"id\": \"1.1\", \"goal\": \"SG1\", \"title\": \"a\", \"leaders\": [\"HU\"],"
    " \"coleaders\": [\"AT\"], \"participants\": [\"DE\"],"
    " \"kpis\": [{\"indicator\": \"arrests\", \"target\": 200, \"unit\": \"per year\"},"
    " {\"indicator\": \"zero\", \"target\": 0}, \"seizures\"], \"results\": ["
    " {\"round\": \"2024-12\", \"status\": \"ongoing\", \"values\": {\"seizures\": 5}},"
    " {\"round\": \"2024-06\", \"status\": \"planned\","
    " \"values\": {\"arrests\": 97, \"zero\": 3, \"seizures\": 2, \"other\": 9}}]},"
    /* Two leaders, one of them a co-leader too; reports once, \"continue\". */
    "{\"id\": \"1.2\", \"goal\": \"SG1\", \"title\": \"b\", \"leaders\": [\"HU\", \"AT\"],"
    " \"coleaders\": [\"hu\"], \"kpis\": [\"k\"],"
    " \"results\": [{\"round\": \"2025-06\", \"status\": \"continue\"}]},"
    /* No report at all. */
    "{\"id\": \"1.3\", \"goal\": \"SG1\", \"title\": \"c\", \"leaders\": [\"Europol\"]}]}";

static const char status_next[] =
    "{\"oapgraph\": 1, \"plan\": {\"id\": \"2026-2027-P\", \"priority\": \"Q\", \"title\": \"n\","
    " \"period\": [2026, 2027]}, \"goals\": [{\"id\": \"SG1\", \"title\": \"g\"}], \"actions\": ["
    "{\"id\": \"1.1\", \"goal\": \"SG1\", \"title\": \"d\", \"leaders\": [\"HU\"],"
    " \"continues\": \"2024-2025-P:1.2\"}]}";

/* Results as an object, as the plans of 2012 write them: a status, no rounds. */
static const char status_old[] =
    "{\"oapgraph\": 1, \"plan\": {\"id\": \"O\", \"priority\": \"O\", \"title\": \"o\","
    " \"year\": 2012}, \"goals\": [{\"id\": \"SG1\", \"title\": \"g\"}], \"actions\": ["
    "{\"id\": \"1.1\", \"goal\": \"SG1\", \"title\": \"e\", \"leaders\": [\"FR\"], \"kpis\": "
    "[\"k\"],"
    " \"results\": {\"june\": \"half\", \"december\": \"done\", \"status\": \"completed\"}},"
    "{\"id\": \"1.2\", \"goal\": \"SG1\", \"title\": \"f\", \"leaders\": [\"FR\"]}]}";

static char *status_text(const oap_graph *g, oap_status_by by, oap_status_format fmt)
{
    oap_status *st;
    capture c;
    ck_assert_int_eq(oap_status_build(&st, g, by), 0);
    ck_assert_int_eq(oap_status_write(capture_open(&c), st, fmt), 0);
    oap_status_free(st);
    return capture_close(&c);
}

START_TEST(views_status)
{
    static const struct {
        const char *name, *text;
    } files[] = {{"p.oap.json", status_p}, {"n.oap.json", status_next}, {"o.oap.json", status_old}};
    oap_planset *set;
    oap_diags *diags;
    oap_graph *g;
    ck_assert_int_eq(oap_planset_new(&set), 0);
    ck_assert_int_eq(oap_diags_new(&diags), 0);
    for (size_t i = 0; i < 3; i++)
        ck_assert_int_eq(oap_planset_load_buffer(set, files[i].name, files[i].text,
                                                 strlen(files[i].text), diags),
                         0);
    ck_assert_uint_eq(oap_diags_count_at_least(diags, OAP_SEVERITY_ERROR), 0);
    ck_assert_int_eq(oap_graph_build(&g, oap_planset_model(set)), 0);

    oap_status *st;
    ck_assert_int_eq(oap_status_build(&st, g, OAP_STATUS_BY_PLAN), 0);
    ck_assert_uint_eq(oap_status_group_count(st), 3);
    ck_assert_str_eq(oap_status_group_id(st, 0), "2024-2025-P");
    /* The rounds of P: every month any of its actions reported, earliest first. */
    ck_assert_uint_eq(oap_status_round_count(st, 0), 3);
    ck_assert_int_eq(oap_status_round(st, 0, 0), 2024 * 12 + 5);
    ck_assert_int_eq(oap_status_round(st, 0, 2), 2025 * 12 + 5);
    ck_assert_int_eq(oap_status_round(st, 0, 3), -1);
    uint32_t a11 = node(g, "2024-2025-P:1.1"), a12 = node(g, "2024-2025-P:1.2"),
             a13 = node(g, "2024-2025-P:1.3");
    /* The last status is the latest round's by month, not the last of the array. */
    ck_assert_int_eq(oap_status_of(st, a11), OAP_STATUS_ONGOING);
    ck_assert_int_eq(oap_status_of(st, a13), OAP_STATUS_NO_REPORT);
    ck_assert_int_eq(oap_status_of(st, node(g, "2024-2025-P:SG1")), OAP_STATUS_NO_REPORT);
    /* Missing rounds: 1.1 misses 2025-06; 1.2 the two of 2024; 1.3 all three. */
    ck_assert_uint_eq(oap_status_missing_count(st, a11), 1);
    ck_assert_int_eq(oap_status_missing_round(st, a11, 0), 2025 * 12 + 5);
    ck_assert_uint_eq(oap_status_missing_count(st, a12), 2);
    ck_assert_uint_eq(oap_status_missing_count(st, a13), 3);
    ck_assert_int_eq(oap_status_missing_round(st, a13, 3), -1);
    /* KPIs: arrests from 2024-06 (the later round gives none), 97 / 200 = 48.5%; a zero
     * target and no target give no share; a KPI with no value, no value. */
    double v, share;
    int month;
    ck_assert_int_eq(oap_status_kpi_value(st, a11, 0, &v, &month), 1);
    ck_assert(v == 97 && month == 2024 * 12 + 5);
    ck_assert_int_eq(oap_status_kpi_share(st, a11, 0, &share), 1);
    ck_assert(share == 48.5);
    ck_assert_int_eq(oap_status_kpi_value(st, a11, 1, &v, &month), 1);
    ck_assert_int_eq(oap_status_kpi_share(st, a11, 1, &share), 0);
    ck_assert_int_eq(oap_status_kpi_value(st, a11, 2, &v, &month), 1);
    ck_assert(v == 5 && month == 2024 * 12 + 11);
    ck_assert_int_eq(oap_status_kpi_share(st, a11, 2, &share), 0);
    ck_assert_int_eq(oap_status_kpi_value(st, a11, 3, &v, &month), 0);
    ck_assert_int_eq(oap_status_kpi_value(st, a12, 0, &v, &month), 0);
    /* "continue", carried on by the next plan of Q. */
    const char *next;
    ck_assert_int_eq(oap_status_carried_on(st, a12, &next), 1);
    ck_assert_str_eq(next, "2026-2027-P");
    ck_assert_int_eq(oap_status_carried_on(st, a11, &next), OAP_EINVAL);
    ck_assert_uint_eq(oap_status_group_tally(st, 0, OAP_STATUS_CONTINUE), 1);
    ck_assert_uint_eq(oap_status_group_tally(st, 0, OAP_STATUS_NO_REPORT), 1);
    /* A plan of the old form: a status from the results object, no rounds, nothing
     * missing. */
    ck_assert_str_eq(oap_status_group_id(st, 2), "O");
    ck_assert_uint_eq(oap_status_round_count(st, 2), 0);
    ck_assert_int_eq(oap_status_of(st, node(g, "O:1.1")), OAP_STATUS_COMPLETED);
    ck_assert_int_eq(oap_status_of(st, node(g, "O:1.2")), OAP_STATUS_NO_REPORT);
    ck_assert_uint_eq(oap_status_missing_count(st, node(g, "O:1.2")), 0);
    oap_status_free(st);

    char *got = status_text(g, OAP_STATUS_BY_PLAN, OAP_STATUS_TEXT);
    assert_text(got,
                "2024-2025-P: p\n"
                "priority Q, 2024-2025; 3 actions; reporting rounds 2024-06, 2024-12, 2025-06\n"
                "by last status: ongoing 1 (1.1); continue 1 (1.2); no report 1 (1.3)\n"
                "no report for a round that other actions of its plan reported: 1.1 (2025-06); "
                "1.2 (2024-06, 2024-12); 1.3 (2024-06, 2024-12, 2025-06)\n"
                "reported continue: 1.2 (carried on by 2026-2027-P:1.1)\n"
                "action  last status  target  unit        last value  round    share  KPI\n"
                "1.1     ongoing         200  per year            97  2024-06    49%  arrests\n"
                "1.1     ongoing           0  -                    3  2024-06      -  zero\n"
                "1.1     ongoing           -  -                    5  2024-12      -  seizures\n"
                "1.2     continue          -  -         not reported  -            -  k\n"
                "\n"
                "2026-2027-P: n\n"
                "priority Q, 2026-2027; 1 action; no reporting rounds\n"
                "by last status: no report 1 (1.1)\n"
                "no report for a round that other actions of its plan reported: none\n"
                "reported continue: none\n"
                "KPIs: none\n"
                "\n"
                "O: o\n"
                "priority O, 2012; 2 actions; no reporting rounds\n"
                "by last status: completed 1 (1.1); no report 1 (1.2)\n"
                "no report for a round that other actions of its plan reported: none\n"
                "reported continue: none\n"
                "action  last status  target  unit    last value  round  share  KPI\n"
                "1.1     completed         -  -     not reported  -          -  k\n");
    free(got);
    /* By actor: leaders and co-leaders, not participants (DE); HU named as leader and
     * co-leader of 1.2 counts once, as one of its two leaders. */
    ck_assert_int_eq(oap_status_build(&st, g, OAP_STATUS_BY_ACTOR), 0);
    ck_assert_uint_eq(oap_status_group_count(st), 4);
    static const char *const want[] = {"FR", "HU", "AT", "Europol"};
    for (size_t k = 0; k < 4; k++)
        ck_assert_str_eq(oap_status_group_id(st, k), want[k]);
    ck_assert_uint_eq(oap_status_action_count(st, 1), 3);
    uint32_t n;
    oap_status_role role;
    ck_assert_int_eq(oap_status_action(st, 1, 0, &n, &role), 0);
    ck_assert(n == a11 && role == OAP_STATUS_LEADER);
    ck_assert_int_eq(oap_status_action(st, 1, 1, &n, &role), 0);
    ck_assert(n == a12 && role == OAP_STATUS_CO_LEADER);
    ck_assert_int_eq(oap_status_action(st, 1, 2, &n, &role), 0);
    ck_assert(n == node(g, "2026-2027-P:1.1") && role == OAP_STATUS_LEADER);
    ck_assert_int_eq(oap_status_action(st, 1, 3, &n, &role), OAP_EINVAL);
    ck_assert_uint_eq(oap_status_action_count(st, 2), 2);
    ck_assert_int_eq(oap_status_action(st, 2, 0, &n, &role), 0);
    ck_assert(n == a11 && role == OAP_STATUS_CO_LEADER);
    oap_status_free(st);
    got = status_text(g, OAP_STATUS_BY_ACTOR, OAP_STATUS_CSV);
    assert_text(got,
                "actor,name,role,plan,priority,years,action,title,last_status,missing_rounds,"
                "next_plan,carried_on_by,kpi,target,unit,last_value,value_round,share_percent,"
                "classification\r\n"
                "FR,France,leader,O,O,2012,1.1,e,completed,,,,k,,,,,,\r\n"
                "FR,France,leader,O,O,2012,1.2,f,no-report,,,,,,,,,,\r\n"
                "HU,Hungary,leader,2024-2025-P,Q,2024-2025,1.1,a,ongoing,2025-06,,,arrests,200,"
                "per year,97,2024-06,49,\r\n"
                "HU,Hungary,leader,2024-2025-P,Q,2024-2025,1.1,a,ongoing,2025-06,,,zero,0,,3,"
                "2024-06,,\r\n"
                "HU,Hungary,leader,2024-2025-P,Q,2024-2025,1.1,a,ongoing,2025-06,,,seizures,,,5,"
                "2024-12,,\r\n"
                "HU,Hungary,co-leader,2024-2025-P,Q,2024-2025,1.2,b,continue,2024-06 2024-12,"
                "2026-2027-P,2026-2027-P:1.1,k,,,,,,\r\n"
                "HU,Hungary,leader,2026-2027-P,Q,2026-2027,1.1,d,no-report,,,,,,,,,,\r\n"
                "AT,Austria,co-leader,2024-2025-P,Q,2024-2025,1.1,a,ongoing,2025-06,,,arrests,200,"
                "per year,97,2024-06,49,\r\n"
                "AT,Austria,co-leader,2024-2025-P,Q,2024-2025,1.1,a,ongoing,2025-06,,,zero,0,,3,"
                "2024-06,,\r\n"
                "AT,Austria,co-leader,2024-2025-P,Q,2024-2025,1.1,a,ongoing,2025-06,,,seizures,,,"
                "5,2024-12,,\r\n"
                "AT,Austria,co-leader,2024-2025-P,Q,2024-2025,1.2,b,continue,2024-06 2024-12,"
                "2026-2027-P,2026-2027-P:1.1,k,,,,,,\r\n"
                "Europol,European Union Agency for Law Enforcement Cooperation,leader,2024-2025-P,"
                "Q,2024-2025,1.3,c,no-report,2024-06 2024-12 2025-06,,,,,,,,,\r\n");
    free(got);
    oap_graph_free(g);
    oap_diags_free(diags);
    oap_planset_free(set);
}
END_TEST

START_TEST(views_numbers)
{
    char buf[48];
    ck_assert_str_eq(oap_views__number(2000000, 1, buf, sizeof buf), "2,000,000");
    ck_assert_str_eq(oap_views__number(2000000, 0, buf, sizeof buf), "2000000");
    ck_assert_str_eq(oap_views__number(-1234.5, 1, buf, sizeof buf), "-1,234.5");
    ck_assert_str_eq(oap_views__number(999, 1, buf, sizeof buf), "999");
    ck_assert_str_eq(oap_views__number(-0.0, 1, buf, sizeof buf), "0");
    ck_assert_str_eq(oap_views__number(0.1, 1, buf, sizeof buf), "0.1");
    ck_assert_str_eq(oap_views__number(1e20, 1, buf, sizeof buf), "1e+20");
    ck_assert_str_eq(oap_views__number(1.0 / 3, 0, buf, sizeof buf), "0.33333333333333331");
}
END_TEST

static char *chain_plan(int n)
{
    capture c;
    FILE *f = capture_open(&c);
    fprintf(f, "{\"oapgraph\": 1, \"plan\": {\"id\": \"L\", \"priority\": \"L\", \"title\": "
               "\"long\", \"year\": 2020}, \"goals\": [{\"id\": \"SG1\", \"title\": \"g\"}], "
               "\"actions\": [");
    for (int i = 1; i <= n; i++) {
        fprintf(f,
                "%s{\"id\": \"%d\", \"goal\": \"SG1\", \"title\": \"t\", \"leaders\": [\"%s\"], "
                "\"window\": [\"2020-01\", \"2020-01\"]",
                i > 1 ? "," : "", i, i == 1 ? "HU" : "AT");
        if (i > 1)
            fprintf(f, ", \"needs\": [\"%d\"]", i - 1);
        fputc('}', f);
    }
    fputs("]}", f);
    return capture_close(&c);
}

START_TEST(long_chain)
{
    /* Deeper than any C stack would survive recursion on; every walk is iterative. */
    enum { N = 20000 };
    char *text = chain_plan(N);
    oap_planset *set;
    oap_diags *diags;
    oap_graph *g;
    ck_assert_int_eq(oap_planset_new(&set), 0);
    ck_assert_int_eq(oap_diags_new(&diags), 0);
    ck_assert_int_eq(oap_planset_load_buffer(set, "long.oap.json", text, strlen(text), diags), 0);
    ck_assert_int_eq(oap_graph_build(&g, oap_planset_model(set)), 0);
    char last[16];
    snprintf(last, sizeof last, "%d", N);
    oap_deps *d;
    oap_deps_options o = {0, 0};
    ck_assert_int_eq(oap_deps_run(&d, g, node(g, last), &o), 0);
    ck_assert_uint_eq(d->n, N);
    ck_assert_uint_eq(d->depth[d->n - 1], N - 1);
    oap_deps_free(d);
    oap_path *p;
    ck_assert_int_eq(oap_path_find(&p, g, node(g, last), node(g, "1"), &o), 1);
    ck_assert_uint_eq(p->n, N);
    oap_path_free(p);
    static const char *const hu[] = {"HU"};
    oap_impact *im = without(g, hu, 1);
    ck_assert_uint_eq(im->nreach, N - 1);
    capture c;
    ck_assert_int_eq(oap_impact_write_text(capture_open(&c), im), 0);
    free(capture_close(&c));
    oap_impact_free(im);
    /* Every action is in January, with no slack: a month's slip moves all of them. */
    char err[256];
    ck_assert_int_eq(oap_impact_slip(&im, g, node(g, "1"), 1, err, sizeof err), 0);
    ck_assert_uint_eq(im->nreach, N);
    oap_impact_free(im);
    oap_graph_free(g);
    oap_diags_free(diags);
    oap_planset_free(set);
    free(text);
}
END_TEST

/* The graph's index of Joint Action Days over fixtures/cycles (its README): each id named
 * by an action, in order of first mention, with the actions that name it; declared JADs
 * that no action names are not in it. */
START_TEST(cycles_jad_index)
{
    oap_views_input in = open_plans(CYCLES);
    const oap_graph *g = in.graph;
    static const char *const ids[] = {"JAD-2024-DANUBE", "JAD-2024-MED", "JAD-2024-MDE",
                                      "JAD-2025-LABOUR"};
    static const char *const named[] = {"2024-2025-A:2.2 2024-2025-A:5.1",
                                        "2024-2025-A:3.1 2024-2025-B:3.1", "2024-2025-B:2.2",
                                        "2024-2025-B:3.2"};
    ck_assert_uint_eq(g->njads, 4);
    for (uint32_t k = 0; k < g->njads; k++) {
        char got[200] = "", name[100];
        size_t used = 0;
        ck_assert_str_eq(g->jad_ids[k], ids[k]);
        uint32_t found;
        ck_assert(oap_strmap_get(&g->jad_index, ids[k], &found) && found == k);
        for (uint32_t e = g->jad_actions.start[k]; e < g->jad_actions.start[k + 1]; e++) {
            uint32_t a = g->jad_actions.target[e];
            /* The link is where the action names it in its "jads". */
            ck_assert_str_eq(oap_graph_action(g, a)->jads.items[g->jad_actions.link[e]], ids[k]);
            used += (size_t)snprintf(got + used, sizeof got - used, "%s%s", used ? " " : "",
                                     oap_views__name(g, a, OAP_VIEWS_QUALIFY, name, sizeof name));
        }
        ck_assert_str_eq(got, named[k]);
    }
    uint32_t k;
    ck_assert(!oap_strmap_get(&g->jad_index, "JAD-2024-AIRPORT", &k));
    oap_views_close(&in);
}
END_TEST

static Suite *views_suite(void)
{
    Suite *s = suite_create("views");
    TCase *ref = tcase_create("reference");
    tcase_add_test(ref, reference_hu_sheet);
    tcase_add_test(ref, reference_europol_sheet);
    tcase_add_test(ref, reference_deps);
    tcase_add_test(ref, reference_path);
    tcase_add_test(ref, reference_impact_without_hu);
    tcase_add_test(ref, reference_impact_late);
    tcase_add_test(ref, reference_json);
    suite_add_tcase(s, ref);
    TCase *gen = tcase_create("constructed");
    tcase_add_test(gen, views_deps_chain_and_diamond);
    tcase_add_test(gen, views_tasking);
    tcase_add_test(gen, cycles_tasking);
    tcase_add_test(gen, views_impact);
    tcase_add_test(gen, views_late);
    tcase_add_test(gen, views_status);
    tcase_add_test(gen, views_numbers);
    tcase_add_test(gen, cycles_jad_index);
    suite_add_tcase(s, gen);
    TCase *esc = tcase_create("escaping");
    tcase_add_test(esc, json_strings);
    tcase_add_test(esc, markdown_csv_plain);
    tcase_add_test(esc, file_names);
    suite_add_tcase(s, esc);
    TCase *big = tcase_create("scale");
    tcase_set_timeout(big, 120);
    tcase_add_test(big, long_chain);
    suite_add_tcase(s, big);
    return s;
}

int main(void)
{
    return oap_test_run(views_suite());
}
