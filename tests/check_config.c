/* check_config: the config file (.oapgraph.json) and baseline files, read and applied. */
#define _POSIX_C_SOURCE 200809L
#include "oapgraph/oapgraph.h"
#include "core/actors.h"
#include "core/diag.h"
#include "oapgraph/policy.h"

#include <check.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char err[1024];

static oap_config *parse_ok(const char *text)
{
    oap_config *cfg = NULL;
    int rc = oap_config_parse(&cfg, ".oapgraph.json", text, strlen(text), err, sizeof err);
    ck_assert_msg(rc == 0, "config refused: %s", err);
    ck_assert_ptr_nonnull(cfg);
    return cfg;
}

/* The config is refused with exactly this message. */
static void parse_bad(const char *text, const char *message)
{
    oap_config *cfg = (oap_config *)1;
    err[0] = '\0';
    int rc = oap_config_parse(&cfg, ".oapgraph.json", text, strlen(text), err, sizeof err);
    ck_assert_int_eq(rc, OAP_EINVAL);
    ck_assert_ptr_null(cfg);
    ck_assert_str_eq(err, message);
}

/* A plan with two unknown keys and an action with no KPI. */
static const char plan[] = "{\"oapgraph\": 1,\n"
                           " \"plan\": {\"id\": \"P\", \"priority\": \"C\", \"title\": \"T\"},\n"
                           " \"goals\": [{\"id\": \"SG1\", \"title\": \"G\"}],\n"
                           " \"actions\": [{\"id\": \"1.1\", \"goal\": \"SG1\", \"title\": "
                           "\"A\", \"leaders\": [\"IT\"], \"timing\": \"April\",\n"
                           "   \"kpi\": \"x\", \"x-ok\": 1, \"nots\": \"\"}]}\n";

/* Runs the checks on plan with opts; counts findings of rule and their severity. */
static size_t run_plan(const oap_check_options *opts, const char *rule, oap_severity *sev)
{
    oap_planset *set;
    oap_diags *diags;
    ck_assert_int_eq(oap_planset_new(&set), 0);
    ck_assert_int_eq(oap_diags_new(&diags), 0);
    ck_assert_int_eq(oap_planset_load_buffer(set, "p.oap.json", plan, strlen(plan), diags), 0);
    ck_assert_int_eq(oap_check_run(set, diags, opts), 0);
    size_t n = 0;
    for (size_t i = 0; i < oap_diags_count(diags); i++) {
        const oap_diag *d = oap_diags_at(diags, i);
        if (strcmp(d->rule, rule) == 0) {
            n++;
            *sev = d->severity;
        }
    }
    oap_diags_free(diags);
    oap_planset_free(set);
    return n;
}

START_TEST(severity_change)
{
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
    oap_severity sev = OAP_SEVERITY_OFF;
    ck_assert_uint_eq(run_plan(&opts, "unknown-key", &sev), 2);
    ck_assert_int_eq(sev, OAP_SEVERITY_WARNING);

    oap_config *cfg = parse_ok("{\"rules\": {\"unknown-key\": \"error\", \"missing-kpi\": "
                               "\"info\"}}");
    oap_config_apply(cfg, &opts);
    ck_assert_str_eq(opts.rule_ids[0], "unknown-key");
    ck_assert_int_eq(opts.rule_severities[0], OAP_SEVERITY_ERROR);
    ck_assert_str_eq(opts.rule_ids[1], "missing-kpi");
    ck_assert_int_eq(opts.rule_severities[1], OAP_SEVERITY_INFO);
    ck_assert_ptr_null(opts.rule_ids[2]);
    ck_assert_ptr_null(opts.extra_actors);
    ck_assert(opts.overlap_threshold < 0);
    ck_assert_uint_eq(run_plan(&opts, "unknown-key", &sev), 2);
    ck_assert_int_eq(sev, OAP_SEVERITY_ERROR);
    oap_config_free(cfg);
}
END_TEST

/* "warn" is "warning", as eslint writes it; no other shortening is read. */
START_TEST(warn_is_warning)
{
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
    oap_config *cfg = parse_ok("{\"rules\": {\"missing-kpi\": \"warn\"}}");
    oap_config_apply(cfg, &opts);
    ck_assert_str_eq(opts.rule_ids[0], "missing-kpi");
    ck_assert_int_eq(opts.rule_severities[0], OAP_SEVERITY_WARNING);
    ck_assert_ptr_null(opts.rule_ids[1]);
    oap_config_free(cfg);
    parse_bad("{\"rules\": {\"unknown-key\": \"err\"}}",
              ".oapgraph.json:1:27: rule \"unknown-key\" in \"rules\" has severity \"err\"; "
              "expected \"error\", \"warning\", \"info\" or \"off\"");
}
END_TEST

START_TEST(rule_off)
{
    oap_config *cfg = parse_ok("{\"rules\": {\"unknown-key\": \"off\"}}");
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
    oap_config_apply(cfg, &opts);
    oap_severity sev;
    ck_assert_uint_eq(run_plan(&opts, "unknown-key", &sev), 0);
    oap_config_free(cfg);
}
END_TEST

/* kpi-without-target is off by default: fixtures/cycles gives none of it until a config
 * turns it on, and then one per KPI without a numeric target (its README, item 11). */
START_TEST(rule_on)
{
    static const char *const want[] = {
        "2024-2025-A.oap.json 1.1 kpis:Number of persons flagged for investigation",
        "2024-2025-A.oap.json 2.1 kpis:Number of JITs set up",
        "2024-2025-A.oap.json 4.1 kpis:Number of hawala bankers identified",
        "2024-2025-A.oap.json 7.1 kpis:Number of reception centres reached",
        "2024-2025-A.oap.json 7.1 kpis:reports on smugglers received",
        "2024-2025-A.oap.json 8.1 kpis:Number of organisers identified",
        "2024-2025-B.oap.json 2.1 kpis:victims identified",
        "2024-2025-B.oap.json 2.1 kpis:Number of JITs set up",
        "2024-2025-B.oap.json 2.2 kpis:Number of victims referred to assistance",
        "2024-2025-B.oap.json 3.2 kpis:Number of workplaces inspected",
        "2024-2025-B.oap.json 5.1 kpis:Number of people reached by the campaign"};
    oap_config *cfg = parse_ok("{\"rules\": {\"kpi-without-target\": \"warning\"}}");
    for (int on = 0; on < 2; on++) {
        oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
        if (on)
            oap_config_apply(cfg, &opts);
        oap_planset *set;
        oap_diags *diags;
        ck_assert_int_eq(oap_planset_new(&set), 0);
        ck_assert_int_eq(oap_diags_new(&diags), 0);
        ck_assert_int_eq(oap_planset_load_path(set, OAP_SOURCE_DIR "/fixtures/cycles", diags), 0);
        ck_assert_int_eq(oap_check_run(set, diags, &opts), 0);
        size_t n = 0;
        for (size_t i = 0; i < oap_diags_count(diags); i++) {
            const oap_diag *d = oap_diags_at(diags, i);
            if (strcmp(d->rule, "kpi-without-target") != 0)
                continue;
            char got[200];
            const char *base = strrchr(d->file, '/');
            snprintf(got, sizeof got, "%s %s %s", base ? base + 1 : d->file, d->node, d->key);
            ck_assert_uint_lt(n, sizeof want / sizeof want[0]);
            ck_assert_str_eq(got, want[n]);
            ck_assert_int_eq(d->severity, OAP_SEVERITY_WARNING);
            n++;
        }
        ck_assert_uint_eq(n, on ? sizeof want / sizeof want[0] : 0);
        oap_diags_free(diags);
        oap_planset_free(set);
    }
    oap_config_free(cfg);
}
END_TEST

START_TEST(actors_and_threshold)
{
    oap_config *cfg = parse_ok("\xef\xbb\xbf{\"$schema\": \"x\", \"x-team\": \"ops\",\n"
                               " \"actors\": [\"SEAHORSE\", {\"code\": \"EMPACT-NET\", \"name\": "
                               "\"n\", \"kind\": \"network\", \"x-a\": 1}],\n"
                               " \"overlap\": {\"threshold\": 0.35, \"x-b\": true}}");
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
    oap_config_apply(cfg, &opts);
    ck_assert_str_eq(opts.extra_actors[0], "SEAHORSE");
    ck_assert_str_eq(opts.extra_actors[1], "EMPACT-NET");
    ck_assert_ptr_null(opts.extra_actors[2]);
    ck_assert(opts.overlap_threshold > 0.349 && opts.overlap_threshold < 0.351);
    ck_assert_ptr_null(opts.rule_ids);
    oap_config_free(cfg);

    cfg = parse_ok("{\"overlap\": {\"threshold\": 0}}");
    opts.overlap_threshold = -1;
    oap_config_apply(cfg, &opts);
    ck_assert(opts.overlap_threshold == 0.0);
    oap_config_free(cfg);
}
END_TEST

START_TEST(bad_keys)
{
    parse_bad("{\n  \"rule\": {}\n}",
              ".oapgraph.json:2:3: unknown key \"rule\" in the config file; did you mean "
              "\"rules\"?");
    parse_bad("{\"overlap\": {\"treshold\": 0.5}}",
              ".oapgraph.json:1:14: unknown key \"treshold\" in \"overlap\"; did you mean "
              "\"threshold\"?");
    parse_bad("{\"colour\": true}",
              ".oapgraph.json:1:2: unknown key \"colour\" in the config file (keys starting "
              "with \"x-\" are free for your own use)");
    parse_bad("{\"actors\": [{\"code\": \"A\", \"nmae\": \"x\"}]}",
              ".oapgraph.json:1:27: unknown key \"nmae\" in an actor of \"actors\"; did you "
              "mean \"name\"?");
}
END_TEST

START_TEST(bad_rules)
{
    parse_bad("{\n  \"rules\": {\n    \"unknown-key\": \"warning\",\n"
              "    \"dangling-refs\": \"off\"\n  }\n}",
              ".oapgraph.json:4:5: unknown rule \"dangling-refs\" in \"rules\"; did you mean "
              "\"dangling-ref\"?");
    parse_bad("{\"rules\": {\"frobnicate\": \"off\"}}",
              ".oapgraph.json:1:12: unknown rule \"frobnicate\" in \"rules\"");
    parse_bad("{\"rules\": [\"unknown-key\"]}",
              ".oapgraph.json:1:11: \"rules\" must be an object of rule ids and severities, not "
              "an array");
    /* stale-baseline may be configured whether or not the registry lists it yet. */
    oap_config_free(parse_ok("{\"rules\": {\"stale-baseline\": \"warning\"}}"));
}
END_TEST

START_TEST(bad_values)
{
    parse_bad("{\"rules\": {\"unknown-key\": \"fatal\"}}",
              ".oapgraph.json:1:27: rule \"unknown-key\" in \"rules\" has severity \"fatal\"; "
              "expected \"error\", \"warning\", \"info\" or \"off\"");
    parse_bad("{\"rules\": {\"unknown-key\": \"eror\"}}",
              ".oapgraph.json:1:27: rule \"unknown-key\" in \"rules\" has severity \"eror\"; did "
              "you mean \"error\"?");
    parse_bad("{\"rules\": {\"unknown-key\": 2}}",
              ".oapgraph.json:1:27: the severity of \"unknown-key\" in \"rules\" must be "
              "\"error\", \"warning\", \"info\" or \"off\", not an integer");
    parse_bad("{\"overlap\": {\"threshold\": 1.5}}",
              ".oapgraph.json:1:27: \"threshold\" in \"overlap\" must be from 0 to 1, not 1.5");
    parse_bad("{\"overlap\": {\"threshold\": \"high\"}}",
              ".oapgraph.json:1:27: \"threshold\" in \"overlap\" must be a number from 0 to 1, "
              "not a string");
    parse_bad("{\"actors\": \"IT\"}",
              ".oapgraph.json:1:12: \"actors\" must be an array of actor codes, not a string");
    parse_bad("{\"actors\": [\"A\", 3]}",
              ".oapgraph.json:1:18: an actor in \"actors\" must be a code or an object with "
              "\"code\", not an integer");
    parse_bad("{\"actors\": [{\"name\": \"x\"}]}",
              ".oapgraph.json:1:13: an actor in \"actors\" has no \"code\", which is required");
    parse_bad("{\"actors\": [{\"code\": \"X\", \"kind\": \"networ\"}]}",
              ".oapgraph.json:1:35: actor \"X\" has kind \"networ\"; did you mean \"network\"?");
    parse_bad("{\"actors\": [{\"code\": \"X\", \"kind\": \"ship\"}]}",
              ".oapgraph.json:1:35: actor \"X\" has kind \"ship\"; expected member-state, agency, "
              "international, third-country, group, network or other");
    parse_bad("{\"$schema\": 1}", ".oapgraph.json:1:13: \"$schema\" must be a string, not an "
                                  "integer");
    parse_bad("[]", ".oapgraph.json:1:1: a config file must be a JSON object, not an array");
}
END_TEST

START_TEST(not_json)
{
    parse_bad(
        "{\n  \"rules\": {},\n}",
        ".oapgraph.json:2:14: not valid JSON: a comma before '}'; JSON allows none after the last "
        "item");
    parse_bad("", ".oapgraph.json:1:1: not valid JSON: '[' or '{' expected near end of file");
    /* Worded as for a plan file (it said: duplicate key "rules"; JSON readers ...). */
    parse_bad("{\"rules\": {},\n \"rules\": {}}",
              ".oapgraph.json:2:2: duplicate key \"rules\" in one object; JSON readers silently "
              "keep only the last value");
    /* A byte that is not UTF-8 is placed where it is, not one column before. */
    parse_bad("{\"x-a\": \"caf\xe9\"}",
              ".oapgraph.json:1:13: not valid JSON: unable to decode byte 0xe9 near '\"caf'");
}
END_TEST

/* Every problem of a config in one run, one a line in the order read; the first line is
 * the one a reader stopping at the first problem gave. */
START_TEST(every_problem)
{
    parse_bad("{\n"
              "  \"rule\": {},\n"
              "  \"rules\": {\"dangling-refs\": \"off\", \"missing-kpi\": \"high\",\n"
              "            \"unknown-key\": 2, \"self-ref\": \"info\"},\n"
              "  \"actors\": [\"\", {\"nmae\": \"x\"}, {\"code\": \"X\", \"kind\": \"ship\"}],\n"
              "  \"overlap\": {\"threshold\": 2}\n"
              "}",
              ".oapgraph.json:2:3: unknown key \"rule\" in the config file; did you mean "
              "\"rules\"?\n"
              ".oapgraph.json:3:13: unknown rule \"dangling-refs\" in \"rules\"; did you mean "
              "\"dangling-ref\"?\n"
              ".oapgraph.json:3:52: rule \"missing-kpi\" in \"rules\" has severity \"high\"; "
              "expected \"error\", \"warning\", \"info\" or \"off\"\n"
              ".oapgraph.json:4:28: the severity of \"unknown-key\" in \"rules\" must be "
              "\"error\", \"warning\", \"info\" or \"off\", not an integer\n"
              ".oapgraph.json:5:14: an actor in \"actors\" must not be an empty string\n"
              ".oapgraph.json:5:19: unknown key \"nmae\" in an actor of \"actors\"; did you mean "
              "\"name\"?\n"
              ".oapgraph.json:5:18: an actor in \"actors\" has no \"code\", which is required\n"
              ".oapgraph.json:5:55: actor \"X\" has kind \"ship\"; expected member-state, agency, "
              "international, third-country, group, network or other\n"
              ".oapgraph.json:6:28: \"threshold\" in \"overlap\" must be from 0 to 1, not 2");

    /* Lines that do not fit whole are left out; the first is cut rather than lost. */
    char small[80];
    oap_config *cfg = (oap_config *)1;
    const char *two = "{\"colour\": 1, \"overlap\": 3}";
    ck_assert_int_eq(oap_config_parse(&cfg, "c.json", two, strlen(two), small, sizeof small),
                     OAP_EINVAL);
    ck_assert_ptr_null(cfg);
    ck_assert_str_eq(small, "c.json:1:2: unknown key \"colour\" in the config file (keys starting "
                            "with \"x-\" ar");
    char big[200];
    ck_assert_int_eq(oap_config_parse(&cfg, "c.json", two, strlen(two), big, sizeof big),
                     OAP_EINVAL);
    ck_assert_str_eq(big, "c.json:1:2: unknown key \"colour\" in the config file (keys starting "
                          "with \"x-\" are free for your own use)\n"
                          "c.json:1:26: \"overlap\" must be an object, not an integer");
}
END_TEST

/* An unknown key is quoted up to 200 bytes, as in a plan file (it was quoted whole). */
START_TEST(long_key)
{
    char key[301], text[400], want[600];
    memset(key, 'k', 300);
    key[300] = '\0';
    snprintf(text, sizeof text, "{\"%s\": 1}", key);
    snprintf(want, sizeof want,
             ".oapgraph.json:1:2: unknown key \"%.200s\" in the config file (keys starting with "
             "\"x-\" are free for your own use)",
             key);
    parse_bad(text, want);
}
END_TEST

START_TEST(read_file)
{
    oap_config *cfg = (oap_config *)1;
    ck_assert_int_eq(oap_config_read(&cfg, "/nonexistent/.oapgraph.json", 0, err, sizeof err),
                     OAP_EIO);
    ck_assert_ptr_null(cfg);
    ck_assert_str_eq(err, "cannot read '/nonexistent/.oapgraph.json': No such file or directory");
}
END_TEST

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
}

/* Found in the current folder, else in the nearest folder above. */
START_TEST(upward_search)
{
    char old[PATH_MAX], root[] = "/tmp/oapgraph-config-XXXXXX", path[PATH_MAX];
    ck_assert_ptr_nonnull(getcwd(old, sizeof old));
    ck_assert_ptr_nonnull(mkdtemp(root));
    snprintf(path, sizeof path, "%s/a", root);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/a/b", root);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/a/b/c", root);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/a/.oapgraph.json", root);
    write_file(path, "{\"rules\": {\"missing-kpi\": \"off\"}}\n");

    char *found = NULL;
    snprintf(path, sizeof path, "%s/a/b/c", root);
    ck_assert_int_eq(chdir(path), 0);
    ck_assert_int_eq(oap_config_find(&found), 0);
    ck_assert_str_eq(found, "../../.oapgraph.json");
    oap_config *cfg;
    ck_assert_int_eq(oap_config_read(&cfg, found, 0, err, sizeof err), 0);
    oap_config_free(cfg);
    free(found);

    /* One in the current folder wins over the one above. */
    write_file(".oapgraph.json", "{}");
    ck_assert_int_eq(oap_config_find(&found), 0);
    ck_assert_str_eq(found, ".oapgraph.json");
    free(found);
    unlink(".oapgraph.json");

    /* A folder of that name is not a config. */
    ck_assert_int_eq(chdir(".."), 0);
    ck_assert_int_eq(mkdir(".oapgraph.json", 0700), 0);
    ck_assert_int_eq(oap_config_find(&found), 0);
    ck_assert_str_eq(found, "../.oapgraph.json");
    free(found);
    rmdir(".oapgraph.json");

    /* Above the temporary folder there is normally none: the search ends at the root. */
    struct stat st;
    if (stat("/tmp/.oapgraph.json", &st) != 0 && stat("/.oapgraph.json", &st) != 0) {
        ck_assert_int_eq(chdir(root), 0);
        ck_assert_int_eq(oap_config_find(&found), 0);
        ck_assert_ptr_null(found);
    }

    ck_assert_int_eq(chdir(old), 0);
    snprintf(path, sizeof path, "%s/a/.oapgraph.json", root);
    unlink(path);
    snprintf(path, sizeof path, "%s/a/b/c", root);
    rmdir(path);
    snprintf(path, sizeof path, "%s/a/b", root);
    rmdir(path);
    snprintf(path, sizeof path, "%s/a", root);
    rmdir(path);
    rmdir(root);
}
END_TEST

/* The compiled-in schema is the draft-07 JSON Schema of the source tree. */
START_TEST(schema_text)
{
    json_error_t e;
    json_t *s = json_loads(oap_config_schema(), 0, &e);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(json_string_value(json_object_get(s, "$schema")),
                     "http://json-schema.org/draft-07/schema#");
    json_t *props = json_object_get(s, "properties");
    ck_assert_ptr_nonnull(json_object_get(props, "rules"));
    ck_assert_ptr_nonnull(json_object_get(props, "actors"));
    ck_assert_ptr_nonnull(json_object_get(props, "overlap"));
    json_decref(s);
}
END_TEST

/* Every "enum" of a schema that lists an actor kind lists exactly the registry's kinds, in
 * their order; returns how many such lists there are. */
static size_t check_kind_enums(json_t *v)
{
    size_t found = 0, n;
    const char *const *kinds = oap_actor_kinds(&n);
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++)
            found += check_kind_enums(json_array_get(v, i));
        return found;
    }
    if (!json_is_object(v))
        return 0;
    json_t *list = json_object_get(v, "enum");
    if (json_is_array(list) && json_string_value(json_array_get(list, 0)) &&
        oap_actor_kind_parse(json_string_value(json_array_get(list, 0))) >= 0) {
        ck_assert_uint_eq(json_array_size(list), n);
        for (size_t i = 0; i < n; i++)
            ck_assert_str_eq(json_string_value(json_array_get(list, i)), kinds[i]);
        found++;
    }
    const char *key;
    json_t *member;
    json_object_foreach(v, key, member)
    {
        (void)key;
        found += check_kind_enums(member);
    }
    return found;
}

/* The schemas for editors list the actor kinds the readers accept (src/core/actors.c). */
START_TEST(schema_actor_kinds)
{
    const char *schemas[] = {oap_config_schema(), oap_plan_schema()};
    for (size_t i = 0; i < 2; i++) {
        json_t *s = json_loads(schemas[i], 0, NULL);
        ck_assert_ptr_nonnull(s);
        ck_assert_uint_eq(check_kind_enums(s), 1);
        json_decref(s);
    }
}
END_TEST

/* Baselines. */

static void add(oap_diags *d, const char *rule, const char *file, unsigned line, const char *node,
                const char *message)
{
    oap_where w = {.file = file, .pointer = "", .line = line, .col = 1, .plan = "P", .node = node};
    ck_assert_int_eq(oap_diags_add(d, rule, OAP_SEVERITY_WARNING, &w, "%s", message), 0);
}

static oap_baseline *baseline_ok(const char *text)
{
    oap_baseline *b = NULL;
    int rc = oap_baseline_parse(&b, "base.json", text, strlen(text), err, sizeof err);
    ck_assert_msg(rc == 0, "baseline refused: %s", err);
    return b;
}

static void baseline_bad(const char *text, const char *message)
{
    oap_baseline *b = NULL;
    ck_assert_int_eq(oap_baseline_parse(&b, "base.json", text, strlen(text), err, sizeof err),
                     OAP_EINVAL);
    ck_assert_ptr_null(b);
    ck_assert_str_eq(err, message);
}

START_TEST(baseline_refused)
{
    baseline_bad("{", "base.json:1:1: not valid JSON: string or '}' expected near end of file");
    /* Placed and worded as in plans and configs (it said 2:27: not valid JSON: duplicate
     * object key near '"findings"', and put the byte below one column early). */
    baseline_bad("{\"oapgraph-baseline\": 2,\n \"findings\": [], \"findings\": []}",
                 "base.json:2:18: duplicate key \"findings\" in one object; JSON readers silently "
                 "keep only the last value");
    baseline_bad("{\"oapgraph-baseline\": 2, \"findings\": [\"caf\xe9\"]}",
                 "base.json:1:43: not valid JSON: unable to decode byte 0xe9 near '\"caf'");
    baseline_bad("{\"findings\": []}",
                 "base.json:1:1: not an oapgraph baseline: a baseline is an object with "
                 "\"oapgraph-baseline\": 2 and \"findings\"");
    baseline_bad("{\"oapgraph-baseline\": 3, \"findings\": []}",
                 "base.json:1:23: baseline version 3 is not known; this oapgraph reads version 2");
    /* Version 1 hashed messages; its entries cannot be matched, and saying how to
     * rewrite it beats reporting every finding as new and every entry as stale. */
    baseline_bad("{\"oapgraph-baseline\": 1, \"findings\": []}",
                 "base.json:1:23: this baseline was written by an older oapgraph (version 1, "
                 "whose fingerprints changed with unrelated edits); write it again with "
                 "'oapgraph check --write-baseline base.json PLAN...' and review the findings "
                 "it records");
    baseline_bad("{\"oapgraph-baseline\": 2, \"findings\": {}}",
                 "base.json:1:38: \"findings\" of a baseline must be an array");
    baseline_bad("{\"oapgraph-baseline\": 2,\n \"findings\": [\n  {\"fingerprint\": \"a\"},\n"
                 "  {\"rule\": \"x\"}]}",
                 "base.json:4:3: a baseline entry must be an object with a \"fingerprint\" "
                 "string");
}
END_TEST

/* Written, read back and applied to the same findings: all known, nothing stale. */
START_TEST(baseline_round_trip)
{
    oap_diags *d;
    ck_assert_int_eq(oap_diags_new(&d), 0);
    add(d, "missing-kpi", "p.oap.json", 5, "1.1", "action 1.1 has no KPI");
    add(d, "missing-kpi", "p.oap.json", 9, "1.1", "action 1.1 has no KPI");
    add(d, "unknown-key", "p.oap.json", 2, "", "unknown key \"caf\xc3\" in \"plan\"");
    oap_fingerprint *fps;
    ck_assert_int_eq(oap_diags_fingerprints(&fps, d), 0);
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    ck_assert_int_eq(oap_baseline_write(m, d, fps), 0);
    fclose(m);

    json_t *root = json_loads(text, 0, NULL);
    ck_assert_ptr_nonnull(root);
    ck_assert_int_eq(json_integer_value(json_object_get(root, "oapgraph-baseline")), 2);
    /* In the order of file, plan, node, rule, message: the plan's own key first. */
    json_t *first = json_array_get(json_object_get(root, "findings"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(first, "rule")), "unknown-key");
    ck_assert(json_is_null(json_object_get(first, "node")));
    ck_assert_str_eq(json_string_value(json_object_get(first, "message")),
                     "unknown key \"caf\xef\xbf\xbd\" in \"plan\"");
    first = json_array_get(json_object_get(root, "findings"), 1);
    ck_assert_str_eq(json_string_value(json_object_get(first, "rule")), "missing-kpi");
    ck_assert_str_eq(json_string_value(json_object_get(first, "plan")), "P");
    ck_assert_str_eq(json_string_value(json_object_get(first, "node")), "1.1");
    ck_assert_str_eq(json_string_value(json_object_get(first, "file")), "p.oap.json");
    ck_assert_str_eq(json_string_value(json_object_get(first, "fingerprint")), fps[0].text);
    ck_assert_ptr_null(json_object_get(first, "line"));
    json_decref(root);

    oap_baseline *b = baseline_ok(text);
    ck_assert_uint_eq(oap_baseline_count(b), 3);
    oap_diags *shown;
    ck_assert_int_eq(oap_diags_new(&shown), 0);
    oap_fingerprint *sfps;
    size_t known;
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
    ck_assert_int_eq(oap_baseline_apply(b, d, fps, &opts, shown, &sfps, &known), 0);
    ck_assert_uint_eq(known, 3);
    ck_assert_uint_eq(oap_diags_count(shown), 0);
    free(sfps);
    oap_diags_free(shown);
    oap_baseline_free(b);
    free(text);
    free(fps);
    oap_diags_free(d);
}
END_TEST

/* New findings are shown with their fingerprints; entries that match nothing are
 * stale-baseline findings at their line, unless their rule is off. */
START_TEST(baseline_new_and_stale)
{
    oap_diags *d;
    ck_assert_int_eq(oap_diags_new(&d), 0);
    add(d, "missing-kpi", "p.oap.json", 5, "1.1", "action 1.1 has no KPI");
    add(d, "missing-kpi", "p.oap.json", 7, "1.2", "action 1.2 has no KPI");
    oap_fingerprint *fps;
    ck_assert_int_eq(oap_diags_fingerprints(&fps, d), 0);
    char text[1024];
    snprintf(text, sizeof text,
             "{\"oapgraph-baseline\": 2, \"findings\": [\n"
             "  {\"rule\": \"missing-kpi\", \"plan\": \"P\", \"node\": \"1.1\", \"message\": "
             "\"x\", \"fingerprint\": \"%s\"},\n"
             "  {\"rule\": \"missing-timing\", \"plan\": \"P\", \"node\": \"1.9\", \"message\": "
             "\"action 1.9 has no timing\", \"fingerprint\": \"0123456789abcdef\"},\n"
             "  {\"rule\": \"unknown-key\", \"plan\": null, \"message\": \"gone\", "
             "\"fingerprint\": \"fedcba9876543210\"}\n]}\n",
             fps[0].text);
    oap_baseline *b = baseline_ok(text);
    oap_diags *shown;
    ck_assert_int_eq(oap_diags_new(&shown), 0);
    oap_fingerprint *sfps;
    size_t known;
    oap_check_options opts = OAP_CHECK_OPTIONS_INIT;
    ck_assert_int_eq(oap_baseline_apply(b, d, fps, &opts, shown, &sfps, &known), 0);
    ck_assert_uint_eq(known, 1);
    ck_assert_uint_eq(oap_diags_count(shown), 3);
    const oap_diag *x = oap_diags_at(shown, 0);
    ck_assert_str_eq(x->node, "1.2");
    ck_assert_uint_eq(x->line, 7);
    ck_assert_str_eq(sfps[0].text, fps[1].text);
    x = oap_diags_at(shown, 1);
    ck_assert_str_eq(x->rule, OAP_BASELINE_RULE);
    ck_assert_int_eq(x->severity, OAP_SEVERITY_INFO);
    ck_assert_str_eq(x->file, "base.json");
    ck_assert_uint_eq(x->line, 3);
    ck_assert_uint_eq(x->col, 3);
    ck_assert_str_eq(x->pointer, "/findings/1");
    ck_assert_str_eq(x->plan, "P");
    ck_assert_str_eq(x->node, "1.9");
    ck_assert_str_eq(x->message, "no current finding matches this baseline entry; remove it so "
                                 "the baseline shrinks (it recorded: action 1.9 has no timing "
                                 "[missing-timing])");
    ck_assert_uint_eq(strlen(sfps[1].text), 16);
    x = oap_diags_at(shown, 2);
    ck_assert_uint_eq(x->line, 4);
    ck_assert_str_eq(x->plan, "");
    ck_assert_str_ne(sfps[1].text, sfps[2].text);
    free(sfps);
    oap_diags_free(shown);

    /* missing-timing off: its entry is not stale, it is just not checked. */
    static const char *const ids[] = {"missing-timing", NULL};
    static const oap_severity sevs[] = {OAP_SEVERITY_OFF};
    opts.rule_ids = ids;
    opts.rule_severities = sevs;
    ck_assert_int_eq(oap_diags_new(&shown), 0);
    ck_assert_int_eq(oap_baseline_apply(b, d, fps, &opts, shown, &sfps, &known), 0);
    ck_assert_uint_eq(oap_diags_count(shown), 2);
    ck_assert_str_eq(oap_diags_at(shown, 1)->message,
                     "no current finding matches this baseline entry; remove it so the baseline "
                     "shrinks (it recorded: gone [unknown-key])");
    free(sfps);
    oap_diags_free(shown);

    /* stale-baseline itself can be configured, or turned off. */
    static const char *const ids2[] = {"stale-baseline", NULL};
    static const oap_severity warn[] = {OAP_SEVERITY_WARNING}, off[] = {OAP_SEVERITY_OFF};
    opts.rule_ids = ids2;
    opts.rule_severities = warn;
    ck_assert_int_eq(oap_baseline_stale_severity(&opts), OAP_SEVERITY_WARNING);
    opts.rule_severities = off;
    ck_assert_int_eq(oap_diags_new(&shown), 0);
    ck_assert_int_eq(oap_baseline_apply(b, d, fps, &opts, shown, &sfps, &known), 0);
    ck_assert_uint_eq(oap_diags_count(shown), 1);
    free(sfps);
    oap_diags_free(shown);

    oap_baseline_free(b);
    free(fps);
    oap_diags_free(d);
}
END_TEST

/* Two identical findings, one known: the other stays shown with its own ":2" print. */
START_TEST(baseline_identical_findings)
{
    oap_diags *d;
    ck_assert_int_eq(oap_diags_new(&d), 0);
    add(d, "self-ref", "p.oap.json", 5, "1.1", "action 1.1 refers to itself");
    add(d, "self-ref", "p.oap.json", 6, "1.1", "action 1.1 refers to itself");
    oap_fingerprint *fps;
    ck_assert_int_eq(oap_diags_fingerprints(&fps, d), 0);
    char text[512];
    snprintf(text, sizeof text,
             "{\"oapgraph-baseline\": 2, \"findings\": [{\"fingerprint\": \"%s\"}]}", fps[0].text);
    oap_baseline *b = baseline_ok(text);
    oap_diags *shown;
    ck_assert_int_eq(oap_diags_new(&shown), 0);
    oap_fingerprint *sfps;
    size_t known;
    ck_assert_int_eq(oap_baseline_apply(b, d, fps, NULL, shown, &sfps, &known), 0);
    ck_assert_uint_eq(known, 1);
    ck_assert_uint_eq(oap_diags_count(shown), 1);
    ck_assert_uint_eq(oap_diags_at(shown, 0)->line, 6);
    ck_assert_str_eq(sfps[0].text, fps[1].text);
    ck_assert_ptr_nonnull(strstr(sfps[0].text, ":2"));
    free(sfps);
    oap_diags_free(shown);
    oap_baseline_free(b);
    free(fps);
    oap_diags_free(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("config");
    TCase *tc = tcase_create("config");
    tcase_add_test(tc, severity_change);
    tcase_add_test(tc, warn_is_warning);
    tcase_add_test(tc, rule_off);
    tcase_add_test(tc, rule_on);
    tcase_add_test(tc, actors_and_threshold);
    tcase_add_test(tc, bad_keys);
    tcase_add_test(tc, bad_rules);
    tcase_add_test(tc, bad_values);
    tcase_add_test(tc, not_json);
    tcase_add_test(tc, every_problem);
    tcase_add_test(tc, long_key);
    tcase_add_test(tc, read_file);
    tcase_add_test(tc, upward_search);
    tcase_add_test(tc, schema_text);
    tcase_add_test(tc, schema_actor_kinds);
    suite_add_tcase(s, tc);
    TCase *tb = tcase_create("baseline");
    tcase_add_test(tb, baseline_refused);
    tcase_add_test(tb, baseline_round_trip);
    tcase_add_test(tb, baseline_new_and_stale);
    tcase_add_test(tb, baseline_identical_findings);
    suite_add_tcase(s, tb);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
