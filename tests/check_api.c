/* check_api: the library as a program embedding it sees it: only the public headers. */
#include "oapgraph/oapgraph.h"

#include "check_main.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(text);
    ck_assert_uint_eq(fread(text, 1, (size_t)n, f), (size_t)n);
    text[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return text;
}

/* The reference plan, loaded from memory under the name "ref.oap.json". */
static oap_planset *reference(oap_diags **diags)
{
    size_t len;
    char *text = slurp(OAP_SOURCE_DIR "/fixtures/2012-C.oap.json", &len);
    oap_planset *set;
    ck_assert_int_eq(oap_planset_new(&set), 0);
    ck_assert_int_eq(oap_diags_new(diags), 0);
    ck_assert_int_eq(oap_planset_load_buffer(set, "ref.oap.json", text, len, *diags), 0);
    free(text);
    return set;
}

START_TEST(iterate_the_reference_plan)
{
    oap_diags *diags;
    oap_planset *set = reference(&diags);
    ck_assert_uint_eq(oap_planset_plan_count(set), 1);
    const oap_plan *p = oap_planset_plan(set, 0);
    ck_assert_ptr_null(oap_planset_plan(set, 1));
    ck_assert_str_eq(oap_plan_file(p), "ref.oap.json");
    ck_assert_str_eq(oap_plan_id(p), "2012-C");
    ck_assert_str_eq(oap_plan_priority(p), "C");
    ck_assert_str_eq(oap_plan_title(p), "Illegal immigration");
    ck_assert_str_eq(oap_plan_document(p), "17793/2/11 REV 2");
    ck_assert_str_eq(oap_plan_classification(p), "RESTREINT UE/EU RESTRICTED");
    ck_assert_str_eq(oap_plan_driver(p), "IT");
    ck_assert_str_eq(oap_plan_cycle(p), "2012-2013");
    ck_assert_int_eq(oap_plan_year(p), 2012);
    ck_assert_uint_eq(oap_plan_support_count(p), 4);
    ck_assert_str_eq(oap_plan_support(p, 3), "CEPOL");
    ck_assert_ptr_null(oap_plan_support(p, 4));

    ck_assert_uint_eq(oap_plan_goal_count(p), 7);
    ck_assert_str_eq(oap_goal_id(oap_plan_goal(p, 0)), "SG1");
    ck_assert_str_eq(oap_goal_id(oap_plan_goal(p, 6)), "SG7");
    ck_assert_ptr_null(oap_plan_goal(p, 7));

    /* Every action, in the order of the file. */
    static const char *const ids[] = {"1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "4.1",
                                      "4.2", "5.1", "5.2", "6.1", "6.2", "6.3", "7.1", "7.2"};
    ck_assert_uint_eq(oap_plan_action_count(p), 16);
    for (size_t i = 0; i < 16; i++)
        ck_assert_str_eq(oap_action_id(oap_plan_action(p, i)), ids[i]);
    ck_assert_ptr_null(oap_plan_action(p, 16));

    const oap_action *a = oap_plan_action(p, 4); /* 2.2, Operation FIMATHU */
    ck_assert_str_eq(oap_action_goal(a), "SG2");
    ck_assert_uint_eq(oap_action_list_count(a, OAP_ACTION_LEADERS), 3);
    ck_assert_str_eq(oap_action_list_item(a, OAP_ACTION_LEADERS, 0), "HU");
    ck_assert_str_eq(oap_action_list_item(a, OAP_ACTION_LEADERS, 2), "Frontex");
    ck_assert_ptr_null(oap_action_list_item(a, OAP_ACTION_LEADERS, 3));
    ck_assert_uint_eq(oap_action_list_count(a, OAP_ACTION_PARTICIPANTS), 4);
    ck_assert_uint_eq(oap_action_list_count(a, OAP_ACTION_REFS), 5);
    ck_assert_str_eq(oap_action_list_item(a, OAP_ACTION_REFS, 1), "B:*");
    ck_assert_uint_eq(oap_action_list_count(a, OAP_ACTION_NEEDS), 0);
    ck_assert_str_eq(oap_action_list_item(a, OAP_ACTION_KPIS, 0),
                     "Number of arrests / detected illegal immigrants");
    ck_assert_ptr_null(oap_action_link(a));
    int first, last;
    ck_assert_int_eq(oap_action_window(a, &first, &last), 0);

    const oap_action *phased = oap_plan_action(p, 3); /* 2.1: two phases */
    ck_assert_uint_eq(oap_action_phase_count(phased), 2);
    const oap_phase *ph = oap_action_phase(phased, 1);
    ck_assert_str_eq(oap_phase_id(ph), "2");
    ck_assert_uint_eq(oap_phase_need_count(ph), 1);
    ck_assert_str_eq(oap_phase_need(ph, 0), "1.1");
    ck_assert_ptr_null(oap_phase_need(ph, 1));
    ck_assert_ptr_null(oap_action_phase(phased, 2));

    oap_planset_free(set);
    oap_diags_free(diags);
}
END_TEST

/* A check leaves the set as it found it: run twice on a plan loaded from memory, the
 * findings are the same, with the same lines and columns (the text is not let go after
 * the first run, and nothing is read from a file of the buffer's name). */
START_TEST(check_twice_on_one_set)
{
    oap_diags *load;
    oap_planset *set = reference(&load);
    ck_assert_uint_eq(oap_diags_count(load), 0);
    oap_diags *runs[2];
    for (int r = 0; r < 2; r++) {
        ck_assert_int_eq(oap_diags_new(&runs[r]), 0);
        ck_assert_int_eq(oap_check_run(set, runs[r], NULL), 0);
    }
    ck_assert_uint_eq(oap_diags_count(runs[0]), 16);
    ck_assert_uint_eq(oap_diags_count(runs[1]), 16);
    for (size_t i = 0; i < 16; i++) {
        const oap_diag *a = oap_diags_at(runs[0], i), *b = oap_diags_at(runs[1], i);
        ck_assert_str_eq(a->rule, b->rule);
        ck_assert_str_eq(a->message, b->message);
        ck_assert_uint_eq(a->line, b->line);
        ck_assert_uint_eq(a->col, b->col);
        ck_assert_uint_gt(a->line, 1);
    }
    const oap_diag *first = oap_diags_at(runs[1], 0);
    ck_assert_str_eq(first->file, "ref.oap.json");
    ck_assert_str_eq(first->rule, "one-way-ref");
    ck_assert_uint_eq(first->line, 123);
    ck_assert_uint_eq(first->col, 9);
    for (int r = 0; r < 2; r++)
        oap_diags_free(runs[r]);
    oap_diags_free(load);
    oap_planset_free(set);
}
END_TEST

/* The views as data: the graph, tasking sheets, an actor's drop-out, what a node needs. */
START_TEST(views_as_data)
{
    oap_views_input in;
    char path[] = OAP_SOURCE_DIR "/fixtures/2012-C.oap.json";
    char *paths[] = {path};
    char err[512], name[160];
    ck_assert_int_eq(oap_views_open(&in, paths, 1, err, sizeof err), 0);
    const oap_graph *g = in.graph;
    uint32_t node;
    ck_assert_int_eq(oap_views_resolve(g, "2.1", &node, err, sizeof err), 0);
    ck_assert_str_eq(oap_graph_node_name(g, node, name, sizeof name), "2012-C:2.1");
    ck_assert_int_eq(oap_views_resolve(g, "9.9", &node, err, sizeof err), OAP_EINVAL);
    ck_assert_str_eq(err, "'9.9' is not an action, phase or goal of plan 2012-C");

    /* HU co-leads 2.2 and 5.2 and takes part in six actions as one of All MS. */
    oap_tasking *t;
    size_t sheet, n;
    ck_assert_int_eq(oap_tasking_build(&t, g), 0);
    ck_assert_int_eq(oap_tasking_select(t, "HU", &sheet, err, sizeof err), 0);
    ck_assert_str_eq(oap_tasking_sheet_code(t, sheet), "HU");
    ck_assert_str_eq(oap_tasking_sheet_name(t, sheet), "Hungary");
    ck_assert_uint_eq(oap_tasking_line_count(t, sheet), 8);
    size_t coleads = 0, via_all_ms = 0;
    for (size_t k = 0; k < 8; k++) {
        oap_tasking_role role;
        const char *via;
        ck_assert_int_eq(oap_tasking_line(t, sheet, k, &node, &role, &via), 0);
        if (role == OAP_TASKING_CO_LEADER)
            coleads++;
        if (via && strcmp(via, "All MS") == 0)
            via_all_ms++;
    }
    ck_assert_uint_eq(coleads, 2);
    ck_assert_uint_eq(via_all_ms, 6);
    const size_t *order = oap_tasking_sheets(t, &n);
    ck_assert_uint_gt(n, 20);
    ck_assert_int_eq(oap_tasking_sheet_file_name(t, order[0], OAP_TASKING_CSV, name, sizeof name),
                     0);
    oap_tasking_free(t);

    /* Without HU, no action is at risk: 2.2 and 5.2 keep other leaders. */
    oap_impact *im;
    const char *const without[] = {"HU"};
    ck_assert_int_eq(oap_impact_of_dropping(&im, g, without, 1, err, sizeof err), 0);
    ck_assert_uint_eq(oap_impact_action_count(im), 8);
    int at_risk;
    ck_assert_int_eq(oap_impact_action_at(im, 0, &node, &at_risk), 0);
    ck_assert_str_eq(oap_graph_node_name(g, node, name, sizeof name), "2012-C:2.2");
    ck_assert_int_eq(at_risk, 0);
    ck_assert_uint_eq(oap_impact_reach_count(im), 0);
    oap_impact_free(im);
    const char *const nobody[] = {"Atlantis"};
    ck_assert_int_eq(oap_impact_of_dropping(&im, g, nobody, 1, err, sizeof err), OAP_EINVAL);
    ck_assert_ptr_null(im);

    /* 2.1 stands for its two phases; its second phase needs 1.1. */
    oap_deps *d;
    oap_deps_options opts = {0, 0};
    ck_assert_int_eq(oap_views_resolve(g, "2.1", &node, err, sizeof err), 0);
    ck_assert_int_eq(oap_deps_run(&d, g, node, &opts), 0);
    ck_assert_uint_eq(oap_deps_count(d), 3);
    unsigned depth;
    ck_assert_str_eq(oap_graph_node_name(g, oap_deps_node(d, 2, &depth), name, sizeof name),
                     "2012-C:1.1");
    ck_assert_uint_eq(depth, 1);
    ck_assert_uint_eq(oap_deps_node(d, 3, NULL), OAP_NODE_NONE);
    oap_deps_free(d);

    uint32_t to;
    oap_path *p;
    ck_assert_int_eq(oap_views_resolve(g, "1.1", &to, err, sizeof err), 0);
    ck_assert_int_eq(oap_path_find(&p, g, node, to, &opts), 1);
    ck_assert_uint_eq(oap_path_length(p), 2);
    ck_assert_str_eq(oap_graph_node_name(g, oap_path_node(p, 0), name, sizeof name),
                     "2012-C:2.1#2");
    oap_path_free(p);
    oap_views_close(&in);
}
END_TEST

/* A chain of continuations over three years, found from its middle. */
START_TEST(history_of_a_continued_action)
{
    oap_views_input in;
    char path[] = OAP_SOURCE_DIR "/fixtures/years";
    char *paths[] = {path};
    char err[512], name[160];
    ck_assert_int_eq(oap_views_open(&in, paths, 1, err, sizeof err), 0);
    uint32_t node;
    ck_assert_int_eq(oap_views_resolve(in.graph, "2013-C:2.2", &node, err, sizeof err), 0);
    oap_history *h;
    ck_assert_int_eq(oap_history_run(&h, in.graph, node), 0);
    static const char *const chain[] = {"2012-C:2.3", "2013-C:2.2", "2024-2025-C:1.1"};
    ck_assert_uint_eq(oap_history_count(h), 3);
    for (size_t i = 0; i < 3; i++)
        ck_assert_str_eq(oap_graph_node_name(in.graph, oap_history_node(h, i), name, sizeof name),
                         chain[i]);
    oap_history_free(h);
    /* From either end, the same chain. */
    ck_assert_int_eq(oap_views_resolve(in.graph, "2024-2025-C:1.1", &node, err, sizeof err), 0);
    ck_assert_int_eq(oap_history_run(&h, in.graph, node), 0);
    ck_assert_uint_eq(oap_history_count(h), 3);
    ck_assert_str_eq(oap_graph_node_name(in.graph, oap_history_node(h, 0), name, sizeof name),
                     "2012-C:2.3");
    oap_history_free(h);
    /* A goal has no history. */
    ck_assert_int_eq(oap_views_resolve(in.graph, "2013-C:SG1", &node, err, sizeof err), 0);
    ck_assert_int_eq(oap_history_run(&h, in.graph, node), OAP_EINVAL);
    oap_views_close(&in);
}
END_TEST

/* A program cannot turn off what reports a broken file: syntax asked off runs as warning. */
START_TEST(syntax_never_off)
{
    oap_planset *set;
    oap_diags *diags;
    ck_assert_int_eq(oap_planset_new(&set), 0);
    ck_assert_int_eq(oap_diags_new(&diags), 0);
    ck_assert_int_eq(
        oap_planset_load_buffer(set, "broken.oap.json", "{\"oapgraph\": 1,", 14, diags), 0);
    static const char *const ids[] = {"syntax", NULL};
    static const oap_severity sev[] = {OAP_SEVERITY_OFF};
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
    opts.rule_ids = ids;
    opts.rule_severities = sev;
    ck_assert_int_eq(oap_check_run(set, diags, &opts), 0);
    ck_assert_uint_eq(oap_diags_count(diags), 1);
    ck_assert_str_eq(oap_diags_at(diags, 0)->rule, "syntax");
    ck_assert_int_eq(oap_diags_at(diags, 0)->severity, OAP_SEVERITY_WARNING);
    ck_assert(oap_rule_find("schema")->always && oap_rule_find("limit")->always);
    ck_assert(!oap_rule_find("missing-kpi")->always);
    oap_diags_free(diags);
    oap_planset_free(set);
}
END_TEST

/* Plans of today's cycle: a cycle file (told by its content, whatever its name) and a
 * two-year plan, read through the accessors, KPI targets, rounds and the grant too. */
static const char cycle_text[] =
    "{\"oapgraph\": 1, \"cycle\": {\"id\": \"2022-2025\", \"years\": [2022, 2025], \"title\": "
    "\"EMPACT 2022-2025\"},\n"
    " \"priorities\": [{\"code\": \"A\", \"title\": \"High-risk criminal networks\"}, "
    "{\"code\": \"B\"}],\n"
    " \"common_goals\": [{\"id\": \"CHSG1\", \"title\": \"Criminal intelligence picture\"}],\n"
    " \"jads\": [{\"id\": \"JAD-2024-MED\", \"title\": \"Mediterranean\", \"window\": "
    "[\"2024-06\", \"2024-07\"]}, {\"id\": \"JAD-X\"}]}\n";

static const char today_plan[] =
    "{\"oapgraph\": 1, \"plan\": {\"id\": \"2024-2025-A\", \"priority\": \"A\", \"title\": "
    "\"High-risk criminal networks\", \"period\": [2024, 2025], \"cycle\": \"2022-2025\",\n"
    "  \"revision\": \"REV 1\", \"status\": \"validated\", \"validated_on\": \"2023-12-05\"},\n"
    " \"goals\": [{\"id\": \"SG1\", \"title\": \"Intelligence picture\", \"common\": "
    "\"CHSG1\"}],\n"
    " \"actions\": [{\"id\": \"1.1\", \"goal\": \"SG1\", \"title\": \"Joint action day\", "
    "\"leaders\": [\"ES\"], \"coleaders\": [\"IT\", \"Europol\"], \"jads\": [\"JAD-2024-MED\"],\n"
    "  \"kpis\": [\"Report\", {\"indicator\": \"arrests\", \"target\": 200, \"unit\": \"per "
    "year\"}],\n"
    "  \"grant\": {\"amount\": 150000, \"beneficiary\": \"ES\", \"source\": \"EMPACT\"},\n"
    "  \"results\": [{\"round\": \"2024-12\", \"status\": \"ongoing\", \"values\": "
    "{\"arrests\": 80}},\n"
    "              {\"round\": \"2024-06\", \"status\": \"planned\", \"text\": \"Prepared\"}]}]}\n";

START_TEST(todays_cycle_through_the_accessors)
{
    oap_planset *set;
    oap_diags *diags;
    ck_assert_int_eq(oap_planset_new(&set), 0);
    ck_assert_int_eq(oap_diags_new(&diags), 0);
    ck_assert_int_eq(
        oap_planset_load_buffer(set, "a.oap.json", today_plan, strlen(today_plan), diags), 0);
    ck_assert_int_eq(
        oap_planset_load_buffer(set, "cycle.json", cycle_text, strlen(cycle_text), diags), 0);
    ck_assert_uint_eq(oap_diags_count(diags), 0);
    ck_assert_uint_eq(oap_planset_file_count(set), 2);
    ck_assert_uint_eq(oap_planset_plan_count(set), 1);
    ck_assert_ptr_nonnull(oap_cycle_schema());
    ck_assert_ptr_nonnull(strstr(oap_cycle_schema(), "\"common_goals\""));

    ck_assert_uint_eq(oap_planset_cycle_count(set), 1);
    ck_assert_ptr_null(oap_planset_cycle(set, 1));
    const oap_cycle *c = oap_planset_cycle(set, 0);
    ck_assert_str_eq(oap_cycle_file(c), "cycle.json");
    ck_assert_str_eq(oap_cycle_id(c), "2022-2025");
    ck_assert_str_eq(oap_cycle_title(c), "EMPACT 2022-2025");
    int first, last;
    oap_cycle_years(c, &first, &last);
    ck_assert_int_eq(first, 2022);
    ck_assert_int_eq(last, 2025);
    ck_assert_uint_eq(oap_cycle_priority_count(c), 2);
    ck_assert_str_eq(oap_cycle_priority_code(c, 1), "B");
    ck_assert_str_eq(oap_cycle_priority_title(c, 0), "High-risk criminal networks");
    ck_assert_ptr_null(oap_cycle_priority_title(c, 1));
    ck_assert_ptr_null(oap_cycle_priority_code(c, 2));
    ck_assert_uint_eq(oap_cycle_common_goal_count(c), 1);
    ck_assert_str_eq(oap_cycle_common_goal_id(c, 0), "CHSG1");
    ck_assert_str_eq(oap_cycle_common_goal_title(c, 0), "Criminal intelligence picture");
    ck_assert_ptr_null(oap_cycle_common_goal_id(c, 1));
    ck_assert_uint_eq(oap_cycle_jad_count(c), 2);
    ck_assert_str_eq(oap_cycle_jad_id(c, 0), "JAD-2024-MED");
    ck_assert_str_eq(oap_cycle_jad_title(c, 0), "Mediterranean");
    ck_assert_int_eq(oap_cycle_jad_window(c, 0, &first, &last), 1);
    ck_assert_int_eq(first, 2024 * 12 + 5);
    ck_assert_int_eq(last, 2024 * 12 + 6);
    ck_assert_int_eq(oap_cycle_jad_window(c, 1, &first, &last), 0);
    ck_assert_ptr_null(oap_cycle_jad_title(c, 1));

    const oap_plan *p = oap_planset_plan(set, 0);
    ck_assert_ptr_eq(oap_plan_in_cycle(p), c); /* loaded before its cycle, bound after */
    ck_assert_int_eq(oap_plan_years(p, &first, &last), 1);
    ck_assert_int_eq(first, 2024);
    ck_assert_int_eq(last, 2025);
    ck_assert_int_eq(oap_plan_year(p), 0);
    ck_assert_str_eq(oap_plan_revision(p), "REV 1");
    ck_assert_str_eq(oap_plan_status(p), "validated");
    ck_assert_str_eq(oap_plan_validated_on(p), "2023-12-05");
    ck_assert_str_eq(oap_goal_common(oap_plan_goal(p, 0)), "CHSG1");

    const oap_action *a = oap_plan_action(p, 0);
    ck_assert_uint_eq(oap_action_list_count(a, OAP_ACTION_COLEADERS), 2);
    ck_assert_str_eq(oap_action_list_item(a, OAP_ACTION_COLEADERS, 1), "Europol");
    ck_assert_uint_eq(oap_action_list_count(a, OAP_ACTION_JADS), 1);
    ck_assert_str_eq(oap_action_list_item(a, OAP_ACTION_JADS, 0), "JAD-2024-MED");
    ck_assert_uint_eq(oap_action_list_count(a, OAP_ACTION_KPIS), 2);
    ck_assert_str_eq(oap_action_list_item(a, OAP_ACTION_KPIS, 1), "arrests");
    double target = -1;
    ck_assert_int_eq(oap_action_kpi_target(a, 0, &target), 0);
    ck_assert_ptr_null(oap_action_kpi_unit(a, 0));
    ck_assert_int_eq(oap_action_kpi_target(a, 1, &target), 1);
    ck_assert_double_eq(target, 200);
    ck_assert_str_eq(oap_action_kpi_unit(a, 1), "per year");
    ck_assert_int_eq(oap_action_kpi_target(a, 2, &target), 0);
    double amount;
    ck_assert_int_eq(oap_action_grant(a, &amount), 1);
    ck_assert_double_eq(amount, 150000);
    ck_assert_str_eq(oap_action_grant_currency(a), "EUR");
    ck_assert_str_eq(oap_action_grant_beneficiary(a), "ES");
    ck_assert_str_eq(oap_action_grant_source(a), "EMPACT");
    ck_assert_uint_eq(oap_action_round_count(a), 2);
    const oap_round *r = oap_action_round(a, 0); /* by month: June first */
    ck_assert_int_eq(oap_round_month(r), 2024 * 12 + 5);
    ck_assert_str_eq(oap_round_status(r), "planned");
    ck_assert_str_eq(oap_round_text(r), "Prepared");
    ck_assert_uint_eq(oap_round_value_count(r), 0);
    r = oap_action_round(a, 1);
    ck_assert_ptr_null(oap_round_text(r));
    ck_assert_uint_eq(oap_round_value_count(r), 1);
    ck_assert_str_eq(oap_round_value_indicator(r, 0), "arrests");
    ck_assert_double_eq(oap_round_value(r, 0), 80);
    ck_assert_ptr_null(oap_round_value_indicator(r, 1));
    ck_assert_ptr_null(oap_action_round(a, 2));
    ck_assert_str_eq(oap_action_status(a), "ongoing");

    /* The reference plan has none of it. */
    oap_diags *ref_diags;
    oap_planset *ref = reference(&ref_diags);
    p = oap_planset_plan(ref, 0);
    ck_assert_ptr_null(oap_plan_in_cycle(p));
    ck_assert_ptr_null(oap_plan_status(p));
    ck_assert_uint_eq(oap_planset_cycle_count(ref), 0);
    a = oap_plan_action(p, 0);
    ck_assert_int_eq(oap_action_grant(a, &amount), 0);
    ck_assert_ptr_null(oap_action_grant_currency(a));
    ck_assert_uint_eq(oap_action_round_count(a), 0);
    ck_assert_uint_eq(oap_action_list_count(a, OAP_ACTION_COLEADERS), 0);
    ck_assert_ptr_null(oap_goal_common(oap_plan_goal(p, 0)));
    oap_planset_free(ref);
    oap_diags_free(ref_diags);

    oap_planset_free(set);
    oap_diags_free(diags);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("plans");
    tcase_add_test(tc, iterate_the_reference_plan);
    tcase_add_test(tc, check_twice_on_one_set);
    tcase_add_test(tc, views_as_data);
    tcase_add_test(tc, history_of_a_continued_action);
    tcase_add_test(tc, syntax_never_off);
    tcase_add_test(tc, todays_cycle_through_the_accessors);
    suite_add_tcase(s, tc);
    return oap_test_run(s);
}
