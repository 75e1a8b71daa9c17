/* check_load: the loader on inputs too large or too odd to keep as fixture files. */
#define _POSIX_C_SOURCE 200809L
#include "oapgraph/oapgraph.h"
#include "load/planset.h"
#include "load/read.h"

#include "check_main.h"

#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct run {
    oap_planset *set;
    oap_diags *diags;
} run;

static run load(const char *text, size_t len)
{
    run r;
    ck_assert_int_eq(oap_planset_new(&r.set), 0);
    ck_assert_int_eq(oap_diags_new(&r.diags), 0);
    ck_assert_int_eq(oap_planset_load_buffer(r.set, "t.oap.json", text, len, r.diags), 0);
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
    ck_assert_int_eq(oap_check_run(r.set, r.diags, &opts), 0);
    return r;
}

static void done(run *r)
{
    oap_diags_free(r->diags);
    oap_planset_free(r->set);
}

static void assert_one(const run *r, const char *rule, unsigned line, unsigned col,
                       const char *message)
{
    ck_assert_uint_eq(oap_diags_count(r->diags), 1);
    const oap_diag *d = oap_diags_at(r->diags, 0);
    ck_assert_str_eq(d->rule, rule);
    ck_assert_uint_eq(d->line, line);
    ck_assert_uint_eq(d->col, col);
    ck_assert_str_eq(d->message, message);
    ck_assert_str_eq(d->file, "t.oap.json");
}

static const char head[] = "{\"oapgraph\": 1, \"plan\": {\"id\": \"2012-C\", \"priority\": \"C\", "
                           "\"title\": \"";
static const char tail[] = "\"}, \"goals\": [], \"actions\": []}";

/* A 10,000-deep nested array: jansson stops at its depth limit; a finding, no crash. */
START_TEST(deep_nesting)
{
    size_t depth = 10000;
    char *text = malloc(2 * depth + 2);
    ck_assert_ptr_nonnull(text);
    memset(text, '[', depth);
    memset(text + depth, ']', depth);
    text[2 * depth] = '\0';
    run r = load(text, 2 * depth);
    assert_one(&r, "syntax", 1, 2049, "not valid JSON: maximum parsing depth reached near '['");
    ck_assert_uint_eq(oap_planset_plan_count(r.set), 0);
    done(&r);
    free(text);
}
END_TEST

/* A 10 MB title loads whole; a finding after it is located past it. */
START_TEST(ten_megabyte_string)
{
    size_t big = 10u * 1024 * 1024;
    size_t len = strlen(head) + big + strlen(tail) + strlen(", \"x\": 1}");
    char *text = malloc(len + 1);
    ck_assert_ptr_nonnull(text);
    char *p = text;
    memcpy(p, head, strlen(head));
    p += strlen(head);
    memset(p, 'a', big);
    p += big;
    strcpy(p, "\"}, \"goals\": [], \"actions\": [], \"x\": 1}");
    run r = load(text, strlen(text));
    unsigned col =
        (unsigned)(strlen(head) + big + strlen("\"}, \"goals\": [], \"actions\": [], ")) + 1;
    assert_one(&r, "unknown-key", 1, col,
               "unknown key \"x\" in the plan file (keys starting with \"x-\" are free for your "
               "own use)");
    const oap_model *m = oap_planset_model(r.set);
    ck_assert_uint_eq(m->nplans, 1);
    ck_assert_uint_eq(strlen(m->plans[0]->title), big);
    done(&r);
    free(text);
}
END_TEST

START_TEST(nul_escape_is_a_finding)
{
    const char text[] = "{\"oapgraph\": 1, \"plan\": {\"id\": \"a\\u0000b\"}}";
    run r = load(text, strlen(text));
    assert_one(
        &r, "syntax", 1, 41,
        "not valid JSON: \\u0000 is not allowed without JSON_ALLOW_NUL near '\"a\\u0000b\"'");
    done(&r);
}
END_TEST

/* A NUL byte in the file itself (not an escape) ends nothing early: the rest is read. */
START_TEST(raw_nul_byte)
{
    const char text[] = "{\"oapgraph\": 1,\0 \"plan\": {}}";
    run r = load(text, sizeof text - 1);
    ck_assert_uint_eq(oap_diags_count(r.diags), 1);
    ck_assert_str_eq(oap_diags_at(r.diags, 0)->rule, "syntax");
    ck_assert_uint_eq(oap_diags_at(r.diags, 0)->line, 1);
    done(&r);
}
END_TEST

/* Every key and value of the format reaches the model. */
START_TEST(reference_plan_kept_whole)
{
    oap_planset *set;
    oap_diags *diags;
    ck_assert_int_eq(oap_planset_new(&set), 0);
    ck_assert_int_eq(oap_diags_new(&diags), 0);
    ck_assert_int_eq(oap_planset_load_path(set, OAP_SOURCE_DIR "/fixtures/2012-C.oap.json", diags),
                     0);
    ck_assert_uint_eq(oap_diags_count(diags), 0);
    const oap_model *m = oap_planset_model(set);
    ck_assert_uint_eq(m->nplans, 1);
    const oap_plan *p = m->plans[0];
    ck_assert_str_eq(p->id, "2012-C");
    ck_assert_str_eq(p->priority, "C");
    ck_assert_int_eq(p->year, 2012);
    ck_assert_str_eq(p->document, "17793/2/11 REV 2");
    ck_assert_str_eq(p->classification, "RESTREINT UE/EU RESTRICTED");
    ck_assert_str_eq(p->driver, "IT");
    ck_assert_uint_eq(p->support.n, 4);
    ck_assert_uint_eq(p->noverlaps, 2);
    ck_assert_str_eq(p->overlaps[0].priority, "B");
    ck_assert_str_eq(p->overlaps[1].priority, "F");
    ck_assert_uint_eq(p->ngoals, 7);
    ck_assert_uint_eq(p->nactions, 16);
    const oap_action *a21 = NULL;
    for (uint32_t i = 0; i < p->nactions; i++)
        if (strcmp(p->actions[i].id, "2.1") == 0)
            a21 = &p->actions[i];
    ck_assert_ptr_nonnull(a21);
    ck_assert_str_eq(a21->goal, "SG2");
    ck_assert_uint_eq(a21->leaders.n, 1);
    ck_assert_str_eq(a21->leaders.items[0], "IT");
    ck_assert_uint_eq(a21->nphases, 2);
    ck_assert_str_eq(a21->phases[1].needs.items[0], "1.1");
    ck_assert_uint_eq(a21->notes.n, 1);
    ck_assert_uint_eq(a21->refs.n, 3);
    oap_diags_free(diags);
    oap_planset_free(set);
}
END_TEST

/* A file of a run, by name and text. */
typedef struct named {
    const char *name, *text;
} named;

/* Loads the n files into a new set (*set_out, the caller's), without running the checks,
 * and returns the loader's findings, located and sorted, one "file:line:col: rule:
 * message" a line (the caller frees it). */
static char *loaded(oap_planset **set_out, const named *files, size_t n)
{
    oap_planset *set;
    oap_diags *diags;
    ck_assert_int_eq(oap_planset_new(&set), 0);
    ck_assert_int_eq(oap_diags_new(&diags), 0);
    for (size_t i = 0; i < n; i++)
        ck_assert_int_eq(oap_planset_load_buffer(set, files[i].name, files[i].text,
                                                 strlen(files[i].text), diags),
                         0);
    ck_assert_int_eq(oap_planset_locate(set, diags), 0);
    oap_diags_sort(diags);
    char *out = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&out, &len);
    ck_assert_ptr_nonnull(m);
    for (size_t i = 0; i < oap_diags_count(diags); i++) {
        const oap_diag *d = oap_diags_at(diags, i);
        fprintf(m, "%s:%u:%u: %s: %s\n", d->file, d->line, d->col, d->rule, d->message);
    }
    fclose(m);
    oap_diags_free(diags);
    *set_out = set;
    return out;
}

static int cmp_line(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts the lines of text (each ending in a line break) in place. */
static void sort_lines(char *text)
{
    size_t n = 0, len = strlen(text);
    for (size_t i = 0; i < len; i++)
        n += text[i] == '\n';
    char **lines = calloc(n ? n : 1, sizeof *lines);
    char *copy = strdup(text);
    ck_assert(lines && copy);
    size_t k = 0;
    for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n"))
        lines[k++] = line;
    qsort(lines, k, sizeof *lines, cmp_line);
    char *w = text;
    for (size_t i = 0; i < k; i++)
        w += sprintf(w, "%s\n", lines[i]);
    free(lines);
    free(copy);
}

/* One plan file's loader findings, and its plan (NULL when none was made). */
static char *loaded_plan(oap_planset **set, const char *text, const oap_plan **plan)
{
    named file = {"t.oap.json", text};
    char *out = loaded(set, &file, 1);
    const oap_model *m = oap_planset_model(*set);
    *plan = m->nplans ? m->plans[0] : NULL;
    return out;
}

/* A plan of one goal and one action, the action's members after "leaders" given by
 * action (starting with a comma), on the third line. */
#define ONE_ACTION(plan_extra, goal_extra, action)                                                 \
    "{\"oapgraph\": 1, \"plan\": {\"id\": \"P\", \"priority\": \"A\", \"title\": \"T\"" plan_extra \
    "},\n"                                                                                         \
    " \"goals\": [{\"id\": \"SG1\", \"title\": \"G\"" goal_extra "}],\n"                           \
    " \"actions\": [{\"id\": \"1.1\", \"goal\": \"SG1\", \"title\": \"A\", \"leaders\": "          \
    "[\"FR\"]" action "}]}\n"

/* revision, status and validated_on are kept; a validated plan gives the day, and a
 * leap day is a day. */
START_TEST(plan_status_and_revision)
{
    oap_planset *set;
    const oap_plan *p;
    char *out = loaded_plan(&set,
                            ONE_ACTION(", \"revision\": \"REV 2\", \"status\": \"validated\", "
                                       "\"validated_on\": \"2024-02-29\"",
                                       "", ""),
                            &p);
    ck_assert_str_eq(out, "");
    ck_assert_str_eq(p->revision, "REV 2");
    ck_assert_str_eq(p->status, "validated");
    ck_assert_str_eq(p->validated_on, "2024-02-29");
    free(out);
    oap_planset_free(set);

    out = loaded_plan(&set, ONE_ACTION(", \"status\": \"draft\"", "", ""), &p);
    ck_assert_str_eq(out, "");
    ck_assert_str_eq(p->status, "draft");
    ck_assert_ptr_null(p->validated_on);
    ck_assert_ptr_null(p->revision);
    free(out);
    oap_planset_free(set);
}
END_TEST

/* A status not among the words (with the nearest, when one is close), a day not written
 * YYYY-MM-DD or that does not exist, and the day without a validated status or the
 * reverse: each a schema finding where it is written. */
START_TEST(plan_status_wrong_shapes)
{
    static const struct {
        const char *plan, *findings;
    } cases[] = {
        {", \"revision\": 2, \"status\": \"Validated\", \"validated_on\": \"5 Dec 2023\"",
         "t.oap.json:1:80: schema: \"revision\" of \"plan\" must be a string, not an integer\n"
         "t.oap.json:1:93: schema: \"status\" of \"plan\" must be one of draft, submitted, "
         "validated; not \"Validated\"; did you mean \"validated\"?\n"
         "t.oap.json:1:122: schema: \"validated_on\" of \"plan\" must be a day written "
         "YYYY-MM-DD, such as \"2023-12-05\"; not \"5 Dec 2023\"\n"},
        {", \"status\": \"approved\"",
         "t.oap.json:1:78: schema: \"status\" of \"plan\" must be one of draft, submitted, "
         "validated; not \"approved\"\n"},
        {", \"status\": \"validated\", \"validated_on\": \"2023-02-29\"",
         "t.oap.json:1:107: schema: \"validated_on\" of \"plan\" is 2023-02-29, a day that "
         "does not exist\n"},
        {", \"status\": \"validated\"",
         "t.oap.json:1:25: schema: \"plan\" is \"validated\" but gives no \"validated_on\", "
         "the day COSI validated it (\"YYYY-MM-DD\")\n"},
        {", \"status\": \"draft\", \"validated_on\": \"2023-12-05\"",
         "t.oap.json:1:103: schema: \"plan\" gives \"validated_on\" but its \"status\" is "
         "\"draft\"; only a validated plan has the day it was validated\n"},
        {", \"validated_on\": \"2023-12-05\"",
         "t.oap.json:1:84: schema: \"plan\" gives \"validated_on\" but no \"status\"; a plan "
         "COSI validated has \"status\": \"validated\"\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char text[1024];
        snprintf(text, sizeof text, ONE_ACTION("%s", "", ""), cases[i].plan);
        oap_planset *set;
        const oap_plan *p;
        char *out = loaded_plan(&set, text, &p);
        ck_assert_msg(strcmp(out, cases[i].findings) == 0, "case %zu:\n%s", i, out);
        ck_assert_ptr_nonnull(p); /* the plan is kept, for its other findings */
        free(out);
        oap_planset_free(set);
    }
}
END_TEST

/* Goals' common, actions' coleaders, jads, KPI objects, grant and reporting rounds reach
 * the model: KPI texts stay one list, their targets beside it; rounds in month order,
 * the last status the latest round's that gives one. */
START_TEST(action_keys_of_today)
{
    oap_planset *set;
    const oap_plan *p;
    char *out = loaded_plan(
        &set,
        ONE_ACTION("", ", \"common\": \"CHSG1\"",
                   ", \"coleaders\": [\"DE\", \"Europol\"], \"jads\": [\"JAD-1\"],\n"
                   "   \"kpis\": [\"plain\", {\"indicator\": \"arrests\", \"target\": 200, "
                   "\"unit\": \"per year\"}, {\"indicator\": \"seizures\"}],\n"
                   "   \"grant\": {\"amount\": 150000.5, \"beneficiary\": \"ES\", \"source\": "
                   "\"EMPACT\"},\n"
                   "   \"results\": [{\"round\": \"2025-06\", \"values\": {\"arrests\": 120}}, "
                   "{\"round\": \"2024-12\", \"status\": \"ongoing\", \"text\": \"half\", "
                   "\"values\": {\"arrests\": 50, \"seizures\": 2}}]"),
        &p);
    ck_assert_str_eq(out, "");
    ck_assert_str_eq(p->goals[0].common, "CHSG1");
    const oap_action *a = &p->actions[0];
    ck_assert_uint_eq(a->coleaders.n, 2);
    ck_assert_str_eq(a->coleaders.items[1], "Europol");
    ck_assert_uint_eq(a->jads.n, 1);
    ck_assert_str_eq(a->jads.items[0], "JAD-1");
    ck_assert_uint_eq(a->kpis.n, 3);
    ck_assert_str_eq(a->kpis.items[0], "plain");
    ck_assert_str_eq(a->kpis.items[1], "arrests");
    ck_assert_str_eq(a->kpis.items[2], "seizures");
    ck_assert_int_eq(oap_action_kpi_target_of(a, 0)->has_target, 0);
    ck_assert_int_eq(oap_action_kpi_target_of(a, 1)->has_target, 1);
    ck_assert_double_eq(oap_action_kpi_target_of(a, 1)->target, 200);
    ck_assert_str_eq(oap_action_kpi_target_of(a, 1)->unit, "per year");
    ck_assert_int_eq(oap_action_kpi_target_of(a, 2)->has_target, 0);
    ck_assert_ptr_null(oap_action_kpi_target_of(a, 2)->unit);
    ck_assert_ptr_nonnull(a->grant);
    ck_assert_double_eq(a->grant->amount, 150000.5);
    ck_assert_str_eq(a->grant->currency, "EUR");
    ck_assert_str_eq(a->grant->beneficiary, "ES");
    ck_assert_str_eq(a->grant->source, "EMPACT");
    ck_assert_int_eq(a->has_results, 0);
    ck_assert_uint_eq(a->nrounds, 2);
    ck_assert_int_eq(a->rounds[0].month, 2024 * 12 + 11);
    ck_assert_uint_eq(a->rounds[0].at, 1);
    ck_assert_str_eq(a->rounds[0].status, "ongoing");
    ck_assert_str_eq(a->rounds[0].text, "half");
    ck_assert_uint_eq(a->rounds[0].nvalues, 2);
    ck_assert_str_eq(a->rounds[0].values[1].indicator, "seizures");
    ck_assert_double_eq(a->rounds[0].values[1].value, 2);
    ck_assert_int_eq(a->rounds[1].month, 2025 * 12 + 5);
    ck_assert_ptr_null(a->rounds[1].status);
    ck_assert_double_eq(a->rounds[1].values[0].value, 120);
    /* The June round gives no status: the December one's stands. */
    ck_assert_str_eq(oap_action_last_status(a), "ongoing");
    free(out);
    oap_planset_free(set);

    /* String KPIs only: no targets at all, and the object form of results. */
    out = loaded_plan(&set,
                      ONE_ACTION("", "",
                                 ", \"kpis\": [\"k\"], \"grant\": {\"amount\": 0, \"currency\": "
                                 "\"USD\"}, \"results\": {\"status\": \"completed\"}"),
                      &p);
    ck_assert_str_eq(out, "");
    a = &p->actions[0];
    ck_assert_ptr_null(a->kpi_targets);
    ck_assert_int_eq(oap_action_kpi_target_of(a, 0)->has_target, 0);
    ck_assert_str_eq(a->grant->currency, "USD");
    ck_assert_ptr_null(a->grant->beneficiary);
    ck_assert_str_eq(oap_action_last_status(a), "completed");
    ck_assert_ptr_null(p->goals[0].common);
    free(out);
    oap_planset_free(set);
}
END_TEST

/* Each wrong shape of the keys of today's plans: its message, where it points, and what
 * is left out (a KPI without an indicator, a round without a month or of a month
 * already reported, a grant without a right amount or currency). */
START_TEST(action_keys_wrong_shapes)
{
    static const struct {
        const char *plan, *goal, *action, *findings;
    } cases[] = {
        {"", ", \"common\": \"\"", ", \"coleaders\": \"DE\", \"jads\": [1, \"J\"]",
         "t.oap.json:2:50: schema: \"common\" of goal SG1 must not be empty\n"
         "t.oap.json:3:89: schema: \"coleaders\" of action 1.1 must be an array of strings, not "
         "a string\n"
         "t.oap.json:3:104: schema: \"jads\" of action 1.1 must hold strings; item 1 is an "
         "integer\n"},
        {"", "",
         ",\n   \"kpis\": [5, {\"target\": \"x\"}, \"k\", {\"indicator\": \"a\", \"tagret\": 3, "
         "\"unit\": 1}, {\"indicator\": \"b\", \"target\": -2.5}, null]",
         "t.oap.json:4:13: schema: \"kpis\" of action 1.1 must hold strings or KPI objects "
         "{\"indicator\", \"target\", \"unit\"}; item 1 is an integer\n"
         "t.oap.json:4:16: schema: the 2nd KPI of action 1.1 has no \"indicator\", which is "
         "required\n"
         "t.oap.json:4:27: schema: \"target\" of the 2nd KPI of action 1.1 must be a number, not "
         "a string\n"
         "t.oap.json:4:57: unknown-key: unknown key \"tagret\" in the 4th KPI of action 1.1; did "
         "you mean \"target\"?\n"
         "t.oap.json:4:78: schema: \"unit\" of the 4th KPI of action 1.1 must be a string, not "
         "an integer\n"
         "t.oap.json:4:118: schema: \"kpis\" of action 1.1 must hold strings or KPI objects "
         "{\"indicator\", \"target\", \"unit\"}; item 6 is null\n"},
        {"", "", ", \"grant\": {\"amount\": -5, \"currency\": \"euro\", \"benefactor\": \"ES\"}",
         "t.oap.json:3:96: schema: \"amount\" of the grant of action 1.1 must be 0 or more, not "
         "-5\n"
         "t.oap.json:3:112: schema: \"currency\" of the grant of action 1.1 must be an ISO 4217 "
         "code of three capital letters, such as \"EUR\"; not \"euro\"\n"
         "t.oap.json:3:120: unknown-key: unknown key \"benefactor\" in the grant of action 1.1 "
         "(keys starting with \"x-\" are free for your own use)\n"},
        {"", "", ", \"grant\": {\"currency\": \"USD\"}",
         "t.oap.json:3:85: schema: the grant of action 1.1 has no \"amount\", which is "
         "required\n"},
        {"", "", ", \"grant\": [1]",
         "t.oap.json:3:85: schema: \"grant\" of action 1.1 must be an object, not an array\n"},
        {"", "",
         ",\n   \"results\": [{\"round\": \"2024-12\", \"status\": \"ongoing\", \"values\": "
         "{\"a\": \"many\", \"b\": 1}}, 3,\n    {\"round\": \"2024-12\", \"status\": "
         "\"completed\"}, {\"round\": \"June 2024\", \"stauts\": \"x\"}, {\"status\": "
         "\"done\"}]",
         "t.oap.json:4:74: schema: \"values\" of round 2024-12 of action 1.1 must hold numbers; "
         "\"a\" is a string\n"
         "t.oap.json:4:92: schema: item 2 of \"results\" must be an object, not an integer\n"
         "t.oap.json:5:15: schema: action 1.1 reports round 2024-12 twice, in its 1st and its "
         "3rd round; give each month one round\n"
         "t.oap.json:5:60: schema: \"round\" of the 4th round of action 1.1 must be a month "
         "written YYYY-MM, such as \"2025-06\"; not \"June 2024\"\n"
         "t.oap.json:5:73: unknown-key: unknown key \"stauts\" in the 4th round of action 1.1; "
         "did you mean \"status\"?\n"
         "t.oap.json:5:89: schema: the 5th round of action 1.1 has no \"round\", which is "
         "required\n"
         "t.oap.json:5:100: schema: \"status\" of the 5th round of action 1.1 must be one of "
         "planned, ongoing, completed, continue, not-completed, cancelled, unclear; not "
         "\"done\"\n"},
        {"", "", ", \"results\": \"done\"",
         "t.oap.json:3:87: schema: \"results\" of action 1.1 must be an object or an array of "
         "rounds, not a string\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char text[1024];
        snprintf(text, sizeof text, ONE_ACTION("%s", "%s", "%s"), cases[i].plan, cases[i].goal,
                 cases[i].action);
        oap_planset *set;
        const oap_plan *p;
        char *out = loaded_plan(&set, text, &p);
        ck_assert_msg(strcmp(out, cases[i].findings) == 0, "case %zu:\n%s", i, out);
        const oap_action *a = &p->actions[0];
        ck_assert_ptr_null(a->grant);
        if (i == 1) {
            /* "k", "a" and "b" are kept, at their places in the file, b with its target. */
            ck_assert_uint_eq(a->kpis.n, 3);
            ck_assert_str_eq(a->kpis.items[1], "a");
            ck_assert_uint_eq(oap_strv_at(&a->kpis, 0), 2);
            ck_assert_uint_eq(oap_strv_at(&a->kpis, 2), 4);
            ck_assert_int_eq(oap_action_kpi_target_of(a, 0)->has_target, 0);
            ck_assert_int_eq(oap_action_kpi_target_of(a, 1)->has_target, 0);
            ck_assert_ptr_null(oap_action_kpi_target_of(a, 1)->unit);
            ck_assert_double_eq(oap_action_kpi_target_of(a, 2)->target, -2.5);
        }
        if (i == 5) {
            /* The first round of 2024-12 stays, with the value that is a number. */
            ck_assert_uint_eq(a->nrounds, 1);
            ck_assert_uint_eq(a->rounds[0].at, 0);
            ck_assert_uint_eq(a->rounds[0].nvalues, 1);
            ck_assert_str_eq(a->rounds[0].values[0].indicator, "b");
            ck_assert_str_eq(oap_action_last_status(a), "ongoing");
        }
        free(out);
        oap_planset_free(set);
    }
}
END_TEST

/* A cycle file, told by its content whatever its name, reaches the model whole. A file
 * with "plan" is a plan file, "cycle" or not; one with neither is a cycle file when its
 * name says so. */
START_TEST(cycle_file_kept_whole)
{
    static const char text[] =
        "{\"$schema\": \"s\", \"oapgraph\": 1,\n"
        " \"cycle\": {\"id\": \"2022-2025\", \"years\": [2022, 2025], \"title\": \"EMPACT\", "
        "\"x-note\": 1},\n"
        " \"priorities\": [{\"code\": \"A\", \"title\": \"Networks\"}, {\"code\": \"B\"}],\n"
        " \"common_goals\": [{\"id\": \"CHSG1\", \"title\": \"Intelligence\"}, {\"id\": "
        "\"CHSG2\", \"title\": \"Investigations\"}],\n"
        " \"jads\": [{\"id\": \"JAD-1\", \"title\": \"Med\", \"window\": [\"2024-06\", "
        "\"2024-07\"]}, {\"id\": \"JAD-2\"}]}\n";
    const named files[] = {{"cycle.txt", text}};
    oap_planset *set;
    char *out = loaded(&set, files, 1);
    ck_assert_str_eq(out, "");
    const oap_model *m = oap_planset_model(set);
    ck_assert_uint_eq(m->nplans, 0);
    ck_assert_uint_eq(m->ncycles, 1);
    const oap_cycle *c = m->cycles[0];
    ck_assert_str_eq(c->file, "cycle.txt");
    ck_assert_uint_eq(c->file_index, 0);
    ck_assert_uint_eq(c->index, 0);
    ck_assert_str_eq(c->schema, "s");
    ck_assert_int_eq(c->version, 1);
    ck_assert_str_eq(c->id, "2022-2025");
    ck_assert_str_eq(c->title, "EMPACT");
    ck_assert_int_eq(c->first_year, 2022);
    ck_assert_int_eq(c->last_year, 2025);
    ck_assert_uint_eq(c->npriorities, 2);
    ck_assert_str_eq(c->priorities[0].title, "Networks");
    ck_assert_str_eq(c->priorities[1].code, "B");
    ck_assert_ptr_null(c->priorities[1].title);
    ck_assert_uint_eq(c->ncommon_goals, 2);
    ck_assert_str_eq(c->common_goals[1].id, "CHSG2");
    ck_assert_uint_eq(c->common_goals[1].at, 1);
    ck_assert_uint_eq(c->njads, 2);
    ck_assert_int_eq(c->jads[0].window.set, 1);
    ck_assert_int_eq(c->jads[0].window.start, 2024 * 12 + 5);
    ck_assert_int_eq(c->jads[1].window.set, 0);
    free(out);
    oap_planset_free(set);

    /* With "plan", a plan file: its "cycle" is an unknown key there. Neither: the name
     * decides. */
    const named more[] = {{"p.cycle.json",
                           "{\"oapgraph\": 1, \"cycle\": 1, \"plan\": {\"id\": \"P\", "
                           "\"priority\": \"A\", \"title\": \"T\"}, \"goals\": [], \"actions\": "
                           "[]}"},
                          {"n.cycle.json", "{\"oapgraph\": 1}"},
                          {"n.oap.json", "{\"oapgraph\": 1}"},
                          {"l.cycle.json", "[]"}};
    out = loaded(&set, more, 4);
    ck_assert_str_eq(out,
                     "p.cycle.json:1:17: unknown-key: unknown key \"cycle\" in the plan file (keys "
                     "starting with \"x-\" are free for your own use)\n"
                     "n.cycle.json:1:1: schema: the cycle file has no \"cycle\", which is "
                     "required\n"
                     "n.oap.json:1:1: schema: the plan file has no \"actions\", which is required\n"
                     "n.oap.json:1:1: schema: the plan file has no \"goals\", which is required\n"
                     "n.oap.json:1:1: schema: the plan file has no \"plan\", which is required\n"
                     "l.cycle.json:1:1: schema: a cycle file must be a JSON object with "
                     "\"oapgraph\" and \"cycle\", not an array\n");
    ck_assert_uint_eq(oap_planset_model(set)->nplans, 1);
    ck_assert_uint_eq(oap_planset_model(set)->ncycles, 0);
    free(out);
    oap_planset_free(set);
}
END_TEST

/* Each wrong shape of a cycle file: its message, where it points, and what is kept. */
START_TEST(cycle_file_wrong_shapes)
{
    static const struct {
        const char *text, *findings;
        uint32_t priorities, common_goals, jads; /* kept; UINT32_MAX: no cycle at all */
    } cases[] = {
        {"{\"oapgraph\": 1, \"cycle\": {\"id\": \"2022-2025\", \"years\": [2022, 2025], "
         "\"title\": 7, \"yeras\": 1}}\n",
         "c.json:1:78: schema: \"title\" of \"cycle\" must be a string, not an integer\n"
         "c.json:1:81: unknown-key: unknown key \"yeras\" in \"cycle\"; did you mean "
         "\"years\"?\n",
         0, 0, 0},
        {"{\"oapgraph\": 1, \"cycle\": {\"id\": \"2022-2025\", \"years\": [2022, 2025]},\n "
         "\"priorities\": [{\"code\": \"A\"}, {\"code\": 1}, {\"title\": \"B\"}, {\"code\": "
         "\"A\"}]}\n",
         "c.json:2:41: schema: \"code\" of the 2nd priority must be a string, not an integer\n"
         "c.json:2:45: schema: the 3rd priority has no \"code\", which is required\n"
         "c.json:2:70: duplicate-id: priority code \"A\" is used twice in cycle 2022-2025: by "
         "the 1st and the 4th priority\n",
         2, 0, 0},
        {"{\"oapgraph\": 1, \"cycle\": {\"id\": \"2022-2025\", \"years\": [2022, 2025]},\n "
         "\"common_goals\": [{\"id\": \"CHSG1\"}, {\"id\": \"CHSG 2\", \"title\": \"t\"}, "
         "{\"id\": \"CHSG1\", \"title\": \"t\", \"ttle\": 1}]}\n",
         "c.json:2:19: schema: common goal CHSG1 has no \"title\", which is required\n"
         "c.json:2:43: schema: common goal id \"CHSG 2\" may only contain letters, digits, "
         "\".\", \"_\" and \"-\"\n"
         "c.json:2:75: duplicate-id: common goal id \"CHSG1\" is used twice in cycle 2022-2025: "
         "by the 1st and the 3rd common goal\n"
         "c.json:2:98: unknown-key: unknown key \"ttle\" in common goal CHSG1; did you mean "
         "\"title\"?\n",
         0, 2, 0},
        {"{\"oapgraph\": 1, \"cycle\": {\"id\": \"2022-2025\", \"years\": [2022, 2025]},\n "
         "\"jads\": [{\"id\": \"J1\", \"window\": [\"2024-06\"]}, {\"id\": \"J2\", \"window\": "
         "[\"2024-07\", \"2024-06\"]}, {\"id\": \"J1\", \"title\": 5}], \"jad\": []}\n",
         "c.json:2:34: schema: \"window\" of JAD J1 must be two months [\"YYYY-MM\", "
         "\"YYYY-MM\"]\n"
         "c.json:2:71: schema: \"window\" of JAD J2 ends before it starts\n"
         "c.json:2:103: duplicate-id: JAD id \"J1\" is used twice in cycle 2022-2025: by the 1st "
         "and the 3rd JAD\n"
         "c.json:2:118: schema: \"title\" of JAD J1 must be a string, not an integer\n"
         "c.json:2:123: unknown-key: unknown key \"jad\" in the cycle file; did you mean "
         "\"jads\"?\n",
         0, 0, 3},
        {"{\"oapgraph\": 1, \"cycle\": {\"id\": \"2022-2025\", \"years\": [2022, 2025]},\n "
         "\"priorities\": {}, \"common_goals\": \"CHSG1\", \"jads\": [1]}\n",
         "c.json:2:16: schema: \"priorities\" must be an array of objects, not an object\n"
         "c.json:2:36: schema: \"common_goals\" must be an array of objects, not a string\n"
         "c.json:2:54: schema: item 1 of \"jads\" must be an object, not an integer\n",
         0, 0, 0},
        {"{\"oapgraph\": 1, \"cycle\": {\"id\": \"2022-2025\", \"years\": [2022]}}\n",
         "c.json:1:55: schema: \"years\" of \"cycle\" must be an array of two years such as "
         "[2026, 2029]\n",
         UINT32_MAX, 0, 0},
        {"{\"oapgraph\": 1, \"cycle\": {\"id\": \"2022-2025\", \"years\": [1800, 2025]}}\n",
         "c.json:1:55: schema: \"years\" of \"cycle\" must hold years between 1900 and 2200, not "
         "1800 and 2025\n",
         UINT32_MAX, 0, 0},
        {"{\"oapgraph\": 1, \"cycle\": {\"years\": \"2022-2025\"}}\n",
         "c.json:1:26: schema: \"cycle\" has no \"id\", which is required\n"
         "c.json:1:36: schema: \"years\" of \"cycle\" must be an array of two years such as "
         "[2026, 2029], not a string\n",
         UINT32_MAX, 0, 0},
        {"{\"oapgraph\": \"1\", \"cycle\": []}\n",
         "c.json:1:14: schema: \"oapgraph\" must be the format version, the integer 1, not a "
         "string\n"
         "c.json:1:28: schema: \"cycle\" must be an object, not an array\n",
         UINT32_MAX, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const named file = {"c.json", cases[i].text};
        oap_planset *set;
        char *out = loaded(&set, &file, 1);
        ck_assert_msg(strcmp(out, cases[i].findings) == 0, "case %zu:\n%s", i, out);
        const oap_model *m = oap_planset_model(set);
        if (cases[i].priorities == UINT32_MAX) {
            ck_assert_uint_eq(m->ncycles, 0);
        } else {
            ck_assert_uint_eq(m->ncycles, 1);
            ck_assert_uint_eq(m->cycles[0]->npriorities, cases[i].priorities);
            ck_assert_uint_eq(m->cycles[0]->ncommon_goals, cases[i].common_goals);
            ck_assert_uint_eq(m->cycles[0]->njads, cases[i].jads);
        }
        free(out);
        oap_planset_free(set);
    }
}
END_TEST

/* A plan belongs to the first loaded cycle whose years hold its own (one without years,
 * to the cycle its "cycle" names); the findings on a plan's "cycle", two cycle files
 * with one id and cycles whose years overlap are the same whether the plans or the
 * cycles are loaded first. */
START_TEST(plans_bound_to_their_cycle)
{
#define PLAN(id, prio, years, cycle)                                                               \
    "{\"oapgraph\": 1, \"plan\": {\"id\": \"" id "\", \"priority\": \"" prio                       \
    "\", \"title\": \"T\"" years cycle "}, \"goals\": [], \"actions\": []}\n"
#define CYCLE(id, first, last)                                                                     \
    "{\"oapgraph\": 1, \"cycle\": {\"id\": \"" id "\", \"years\": [" first ", " last "]}}\n"
    const named plans[] = {
        {"a.oap.json",
         PLAN("2024-2025-A", "A", ", \"period\": [2024, 2025]", ", \"cycle\": \"2022-2025\"")},
        {"b.oap.json", PLAN("2026-B", "B", ", \"year\": 2026", ", \"cycle\": \"2022-2025\"")},
        {"c.oap.json", PLAN("2023-C", "C", ", \"year\": 2023", ", \"cycle\": \"2023-2024\"")},
        {"d.oap.json", PLAN("D", "D", "", ", \"cycle\": \"2022-2025\"")},
        {"e.oap.json", PLAN("2021-E", "E", ", \"year\": 2021", "")},
        {"f.oap.json", PLAN("2030-F", "F", ", \"year\": 2030", "")},
    };
    const named cycles[] = {
        {"k.json", CYCLE("2022-2025", "2022", "2025")},
        {"l.json", CYCLE("2022-2025", "2026", "2029")},
        {"m.json", CYCLE("2018-2021", "2018", "2022")},
    };
#undef PLAN
#undef CYCLE
    static const char findings[] =
        "b.oap.json:1:96: schema: \"cycle\" of \"plan\" is \"2022-2025\", which runs from 2022 "
        "to 2025 (k.json) and does not hold the plan's year 2026\n"
        "c.oap.json:1:96: schema: \"cycle\" of \"plan\" is \"2023-2024\", but the plan's year "
        "2023 lies in cycle 2022-2025 (k.json); name that cycle, or correct the plan's year\n"
        "l.json:1:33: duplicate-id: cycle id \"2022-2025\" is also used by k.json; cycle ids "
        "must be unique across the files of a run\n"
        "m.json:1:55: schema: cycle 2018-2021 runs from 2018 to 2022, which overlaps cycle "
        "2022-2025 (2022 to 2025, k.json); a plan belongs to the one cycle whose years hold its "
        "own\n";
    /* The cycle each plan belongs to, by index in cycles[]; -1 for none. l.json has the
     * id of k.json, loaded before it: it is reported and meets no plan (2026-B). */
    static const int in[] = {0, -1, 0, 0, 2, -1};
    for (int cycles_first = 0; cycles_first < 2; cycles_first++) {
        named files[9];
        for (size_t i = 0; i < 9; i++)
            files[i] = cycles_first ? (i < 3 ? cycles[i] : plans[i - 3])
                                    : (i < 6 ? plans[i] : cycles[i - 6]);
        oap_planset *set;
        char *out = loaded(&set, files, 9);
        /* The same findings either way, each in the order of its file. */
        sort_lines(out);
        ck_assert_msg(strcmp(out, findings) == 0, "cycles first %d:\n%s", cycles_first, out);
        const oap_model *m = oap_planset_model(set);
        ck_assert_uint_eq(m->nplans, 6);
        ck_assert_uint_eq(m->ncycles, 3);
        for (size_t i = 0; i < 6; i++) {
            const oap_cycle *c = m->plans[i]->in_cycle;
            if (in[i] < 0)
                ck_assert_ptr_null(c);
            else
                ck_assert_msg(c && strcmp(c->file, cycles[in[i]].name) == 0, "plan %zu", i);
        }
        free(out);
        oap_planset_free(set);
    }
}
END_TEST

static run load_limited(const char *text, const oap_load_limits *limits)
{
    run r;
    ck_assert_int_eq(oap_planset_new(&r.set), 0);
    ck_assert_int_eq(oap_diags_new(&r.diags), 0);
    oap_planset_set_limits(r.set, limits);
    ck_assert_int_eq(oap_planset_load_buffer(r.set, "t.oap.json", text, strlen(text), r.diags), 0);
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
    ck_assert_int_eq(oap_check_run(r.set, r.diags, &opts), 0);
    return r;
}

static const char small_plan[] =
    "{\"oapgraph\": 1, \"plan\": {\"id\": \"2012-C\", \"priority\": \"C\", \"title\": \"T\"},\n"
    " \"goals\": [{\"id\": \"SG1\", \"title\": \"Intelligence picture\"}],\n"
    " \"actions\": [{\"id\": \"1.1\", \"goal\": \"SG1\", \"title\": \"Tailored risk assessment\",\n"
    "   \"leaders\": [\"Frontex\"], \"refs\": [\"1.2\"], \"timing\": \"May\", \"kpis\": [\"k\"]},\n"
    "  {\"id\": \"1.2\", \"goal\": \"SG1\", \"title\": \"Workshop on forged passports\",\n"
    "   \"leaders\": [\"Frontex\"], \"refs\": [\"1.1\"], \"timing\": \"May\", \"kpis\": "
    "[\"k\"]}]}\n";

/* Each limit gives one [limit] finding where it is crossed, and no crash. */
START_TEST(limits_are_findings)
{
    oap_load_limits limits = OAP_LOAD_LIMITS_DEFAULT;
    run r = load_limited(small_plan, &limits);
    ck_assert_uint_eq(oap_diags_count(r.diags), 0);
    done(&r);

    limits.max_file_bytes = 100;
    r = load_limited(small_plan, &limits);
    char expected[128];
    snprintf(expected, sizeof expected,
             "the file is %zu bytes; this run reads plan files of at most 100 bytes",
             strlen(small_plan));
    assert_one(&r, "limit", 1, 1, expected);
    done(&r);

    limits = (oap_load_limits)OAP_LOAD_LIMITS_DEFAULT;
    limits.max_actions = 1;
    r = load_limited(small_plan, &limits);
    assert_one(&r, "limit", 3, 13,
               "plan 2012-C has 2 actions; this run reads plans of at most 1 actions, so it is "
               "not checked");
    done(&r);

    limits = (oap_load_limits)OAP_LOAD_LIMITS_DEFAULT;
    limits.max_string_bytes = 20;
    r = load_limited(small_plan, &limits);
    /* "Intelligence picture" is exactly 20 bytes: allowed. The two titles are not. */
    ck_assert_uint_eq(oap_diags_count(r.diags), 2);
    ck_assert_str_eq(oap_diags_at(r.diags, 0)->rule, "limit");
    ck_assert_uint_eq(oap_diags_at(r.diags, 0)->line, 3);
    ck_assert_uint_eq(oap_diags_at(r.diags, 0)->col, 52);
    ck_assert_str_eq(oap_diags_at(r.diags, 0)->message,
                     "this string is 24 bytes; this run reads strings of at most 20 bytes, so it "
                     "is left out");
    ck_assert_uint_eq(oap_diags_at(r.diags, 1)->line, 5);
    ck_assert_uint_eq(oap_diags_at(r.diags, 1)->col, 41);
    done(&r);

    limits = (oap_load_limits)OAP_LOAD_LIMITS_DEFAULT;
    limits.max_depth = 2;
    r = load_limited(small_plan, &limits);
    assert_one(&r, "limit", 2, 12,
               "arrays and objects nest deeper than 2 here; this run reads no deeper");
    done(&r);
}
END_TEST

START_TEST(missing_file_is_trouble)
{
    oap_planset *set;
    oap_diags *diags;
    ck_assert_int_eq(oap_planset_new(&set), 0);
    ck_assert_int_eq(oap_diags_new(&diags), 0);
    ck_assert_int_eq(oap_planset_load_path(set, "/nonexistent/x.oap.json", diags), OAP_EIO);
    ck_assert_str_eq(oap_planset_error(set),
                     "cannot read '/nonexistent/x.oap.json': No such file or directory");
    ck_assert_uint_eq(oap_diags_count(diags), 0);
    oap_diags_free(diags);
    oap_planset_free(set);
}
END_TEST

/* A stream is read to its end, or to one byte past the limit and no further. */
START_TEST(read_stops_one_byte_past_the_limit)
{
    static const size_t sizes[] = {0, 1, 99, 100, 101, 70000};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        FILE *f = tmpfile();
        ck_assert_ptr_nonnull(f);
        for (size_t k = 0; k < sizes[i]; k++)
            fputc('a' + (int)(k % 26), f);
        static const size_t maxes[] = {99, 100000};
        for (size_t m = 0; m < 2; m++) {
            rewind(f);
            size_t len = 12345;
            char *text = oap_read_stream(f, maxes[m], &len);
            ck_assert_ptr_nonnull(text);
            size_t want = sizes[i] <= maxes[m] ? sizes[i] : maxes[m] + 1;
            ck_assert_uint_eq(len, want);
            ck_assert_int_eq(text[len], '\0');
            if (len)
                ck_assert_int_eq(text[len - 1], 'a' + (int)((len - 1) % 26));
            free(text);
        }
        fclose(f);
    }
    /* A pipe that does not end: /dev/zero. */
    FILE *zero = fopen("/dev/zero", "rb");
    ck_assert_ptr_nonnull(zero);
    size_t len;
    char *text = oap_read_stream(zero, 100000, &len);
    ck_assert_ptr_nonnull(text);
    ck_assert_uint_eq(len, 100001);
    free(text);
    fclose(zero);
}
END_TEST

/* A plan file with an unknown key on line 3, written to path. */
static void write_plan(const char *path, const char *key)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fprintf(f,
            "{\"oapgraph\": 1,\n \"plan\": {\"id\": \"2012-C\", \"priority\": \"C\", "
            "\"title\": \"T\"},\n \"%s\": 1,\n \"goals\": [], \"actions\": []}\n",
            key);
    ck_assert_int_eq(fclose(f), 0);
}

/* Where the loader's findings are, "line:col" each, after locating them. */
static void locate_and_expect(oap_planset *set, oap_diags *diags, const char *where)
{
    ck_assert_int_eq(oap_planset_locate(set, diags), 0);
    ck_assert_uint_eq(oap_diags_count(diags), 1);
    char got[32];
    snprintf(got, sizeof got, "%u:%u", oap_diags_at(diags, 0)->line, oap_diags_at(diags, 0)->col);
    ck_assert_str_eq(got, where);
}

/* Locating reads a regular file again only if it is the file that was checked (issue 20,
 * item 7): unchanged, its findings are where they are; rewritten meanwhile (another size,
 * or the same size and another time), they point at its start and a note says why. */
START_TEST(locate_rereads_only_an_unchanged_file)
{
    char dir[] = "/tmp/oap-locate-XXXXXX", path[64];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/p.oap.json", dir);
    static const char *const rewrites[] = {NULL, "y", "yaez"};
    for (size_t i = 0; i < 3; i++) {
        write_plan(path, "yaer");
        oap_planset *set;
        oap_diags *diags;
        ck_assert_int_eq(oap_planset_new(&set), 0);
        ck_assert_int_eq(oap_diags_new(&diags), 0);
        ck_assert_int_eq(oap_planset_load_path(set, path, diags), 0);
        if (rewrites[i]) {
            /* A time no write of this run can have. */
            write_plan(path, rewrites[i]);
            struct timespec times[2] = {{0, UTIME_OMIT}, {1000000000, 0}};
            ck_assert_int_eq(utimensat(AT_FDCWD, path, times, 0), 0);
        }
        locate_and_expect(set, diags, rewrites[i] ? "1:1" : "3:2");
        if (rewrites[i]) {
            char want[256];
            snprintf(want, sizeof want,
                     "'%s' changed while it was checked: where its findings are is not known, "
                     "they point at its start\n",
                     path);
            ck_assert_str_eq(oap_planset_notes(set), want);
        } else {
            ck_assert_str_eq(oap_planset_notes(set), "");
        }
        oap_diags_free(diags);
        oap_planset_free(set);
    }
    ck_assert_int_eq(remove(path), 0);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* jansson's allocator for the test below: fails once allowed allocations have been made,
 * while failing is set. */
static int failing;
static unsigned allowed;
static void *failing_malloc(size_t n)
{
    if (failing && allowed == 0)
        return NULL;
    if (failing)
        allowed--;
    return malloc(n);
}

/* Out of memory while jansson parses is trouble, OAP_ENOMEM ("out of memory", exit 2),
 * never a syntax finding with an empty message that a baseline could record (issue 20,
 * item 11). */
START_TEST(out_of_memory_while_parsing_is_trouble)
{
    /* The first allocation fails (jansson 2.14 then says nothing at all), then each later
     * one in turn, until the parse needs no more than allowed. */
    int parsed = 0;
    for (unsigned k = 0; !parsed; k++) {
        oap_planset *set;
        oap_diags *diags;
        ck_assert_int_eq(oap_planset_new(&set), 0);
        ck_assert_int_eq(oap_diags_new(&diags), 0);
        json_set_alloc_funcs(failing_malloc, free);
        allowed = k;
        failing = 1;
        int rc = oap_planset_load_buffer(set, "t.oap.json", small_plan, strlen(small_plan), diags);
        failing = 0;
        json_set_alloc_funcs(malloc, free);
        if (rc == 0) {
            parsed = 1;
        } else {
            ck_assert_int_eq(rc, OAP_ENOMEM);
            for (size_t i = 0; i < oap_diags_count(diags); i++)
                ck_assert_str_ne(oap_diags_at(diags, i)->rule, "syntax");
        }
        oap_diags_free(diags);
        oap_planset_free(set);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("load");
    TCase *tc = tcase_create("load");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, deep_nesting);
    tcase_add_test(tc, ten_megabyte_string);
    tcase_add_test(tc, nul_escape_is_a_finding);
    tcase_add_test(tc, raw_nul_byte);
    tcase_add_test(tc, reference_plan_kept_whole);
    tcase_add_test(tc, missing_file_is_trouble);
    tcase_add_test(tc, limits_are_findings);
    tcase_add_test(tc, read_stops_one_byte_past_the_limit);
    tcase_add_test(tc, locate_rereads_only_an_unchanged_file);
    tcase_add_test(tc, out_of_memory_while_parsing_is_trouble);
    tcase_add_test(tc, plan_status_and_revision);
    tcase_add_test(tc, plan_status_wrong_shapes);
    tcase_add_test(tc, action_keys_of_today);
    tcase_add_test(tc, action_keys_wrong_shapes);
    tcase_add_test(tc, cycle_file_kept_whole);
    tcase_add_test(tc, cycle_file_wrong_shapes);
    tcase_add_test(tc, plans_bound_to_their_cycle);
    suite_add_tcase(s, tc);
    return oap_test_run(s);
}
