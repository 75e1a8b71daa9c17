/* check_load: the loader on inputs too large or too odd to keep as fixture files. */
#include "oapgraph/oapgraph.h"
#include "load/planset.h"
#include "load/read.h"

#include "check_main.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    suite_add_tcase(s, tc);
    return oap_test_run(s);
}
