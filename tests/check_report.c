/* check_report: every report format on findings built in memory, read back and asserted. */
#define _POSIX_C_SOURCE 200809L
#include "oapgraph/oapgraph.h"
#include "core/diag.h"
#include "oapgraph/policy.h"

#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Adds a located finding. */
static void add(oap_diags *d, const char *rule, oap_severity sev, const char *file, unsigned line,
                unsigned col, const char *pointer, const char *plan, const char *node,
                const char *message)
{
    oap_where w = {
        .file = file, .pointer = pointer, .line = line, .col = col, .plan = plan, .node = node};
    ck_assert_int_eq(oap_diags_add(d, rule, sev, &w, "%s", message), 0);
}

/* Three findings in two files: an error and an info in a plan, a warning outside one. */
static oap_diags *sample(void)
{
    oap_diags *d;
    ck_assert_int_eq(oap_diags_new(&d), 0);
    add(d, "dangling-ref", OAP_SEVERITY_ERROR, "plans/2012-C.oap.json", 12, 7, "/actions/2/refs/0",
        "2012-C", "1.3", "action 1.3 refers to action 9.9, which is not there");
    add(d, "one-way-ref", OAP_SEVERITY_INFO, "plans/2012-C.oap.json", 20, 3, "/actions/4/refs/1",
        "2012-C", "2.1", "action 2.1 refers to action 1.1, which does not refer back");
    add(d, "syntax", OAP_SEVERITY_ERROR, "bad file.oap.json", 0, 0, "", "", "",
        "not valid JSON: '[' or '{' expected near end of file");
    return d;
}

typedef int (*writer)(FILE *, const oap_diags *, const oap_report_options *);

/* The output of w as a malloc'ed string. */
static char *render(writer w, const oap_diags *d, const oap_report_options *o)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(w(m, d, o), 0);
    fclose(m);
    return buf;
}

static json_t *parse(const char *text)
{
    json_error_t e;
    json_t *v = json_loads(text, JSON_REJECT_DUPLICATES, &e);
    ck_assert_msg(v != NULL, "not JSON (%d:%d: %s):\n%s", e.line, e.column, e.text, text);
    return v;
}

static const char *str(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    ck_assert_msg(json_is_string(v), "\"%s\" is not a string", key);
    return json_string_value(v);
}

static long long num(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    ck_assert_msg(json_is_integer(v), "\"%s\" is not an integer", key);
    return (long long)json_integer_value(v);
}

static const char *const files[] = {"plans/2012-C.oap.json", "bad file.oap.json"};

START_TEST(json_fields)
{
    oap_diags *d = sample();
    oap_report_options o = OAP_REPORT_OPTIONS_INIT;
    o.files = files;
    o.nfiles = 2;
    o.baselined = 4;
    o.baseline = 1;
    char *out = render(oap_report_json, d, &o);
    json_t *root = parse(out);
    ck_assert_int_eq(num(root, "version"), 1);
    json_t *tool = json_object_get(root, "tool");
    ck_assert_str_eq(str(tool, "name"), "oapgraph");
    ck_assert_str_eq(str(tool, "version"), OAPGRAPH_VERSION);

    json_t *findings = json_object_get(root, "findings");
    ck_assert_uint_eq(json_array_size(findings), 3);
    json_t *f = json_array_get(findings, 0);
    ck_assert_uint_eq(json_object_size(f), 10);
    ck_assert_str_eq(str(f, "rule"), "dangling-ref");
    ck_assert_str_eq(str(f, "severity"), "error");
    ck_assert_str_eq(str(f, "message"), "action 1.3 refers to action 9.9, which is not there");
    ck_assert_str_eq(str(f, "file"), "plans/2012-C.oap.json");
    ck_assert_int_eq(num(f, "line"), 12);
    ck_assert_int_eq(num(f, "column"), 7);
    ck_assert_str_eq(str(f, "pointer"), "/actions/2/refs/0");
    ck_assert_str_eq(str(f, "plan"), "2012-C");
    ck_assert_str_eq(str(f, "node"), "1.3");
    ck_assert_uint_eq(strlen(str(f, "fingerprint")), 16);
    ck_assert_str_eq(str(json_array_get(findings, 1), "severity"), "info");

    /* Unknown line, no plan, no node: null, not 0 or "". */
    f = json_array_get(findings, 2);
    ck_assert(json_is_null(json_object_get(f, "line")));
    ck_assert(json_is_null(json_object_get(f, "column")));
    ck_assert(json_is_null(json_object_get(f, "plan")));
    ck_assert(json_is_null(json_object_get(f, "node")));
    ck_assert_str_eq(str(f, "pointer"), "");

    json_t *s = json_object_get(root, "summary");
    json_t *fl = json_object_get(s, "files");
    ck_assert_uint_eq(json_array_size(fl), 2);
    ck_assert_str_eq(json_string_value(json_array_get(fl, 1)), "bad file.oap.json");
    json_t *counts = json_object_get(s, "counts");
    ck_assert_int_eq(num(counts, "error"), 2);
    ck_assert_int_eq(num(counts, "warning"), 0);
    ck_assert_int_eq(num(counts, "info"), 1);
    json_t *rules = json_object_get(s, "rules");
    ck_assert_uint_eq(json_object_size(rules), 3);
    ck_assert_int_eq(num(rules, "dangling-ref"), 1);
    ck_assert_int_eq(num(rules, "syntax"), 1);
    ck_assert_int_eq(num(rules, "one-way-ref"), 1);
    ck_assert_int_eq(num(s, "baselined"), 4);
    ck_assert_int_eq(num(s, "stale_baseline"), 0);
    json_decref(root);
    free(out);
    oap_diags_free(d);
}
END_TEST

START_TEST(json_empty)
{
    oap_diags *d;
    ck_assert_int_eq(oap_diags_new(&d), 0);
    char *out = render(oap_report_json, d, NULL);
    json_t *root = parse(out);
    ck_assert_uint_eq(json_array_size(json_object_get(root, "findings")), 0);
    json_t *s = json_object_get(root, "summary");
    ck_assert_uint_eq(json_array_size(json_object_get(s, "files")), 0);
    ck_assert_uint_eq(json_object_size(json_object_get(s, "rules")), 0);
    ck_assert_int_eq(num(json_object_get(s, "counts"), "error"), 0);
    json_decref(root);
    free(out);
    oap_diags_free(d);
}
END_TEST

/* Bytes that are not UTF-8 (a file name, a message cut mid-character) still give JSON:
 * U+FFFD in their place in data, \xNN in messages (which read as in the text format). */
START_TEST(json_invalid_utf8)
{
    oap_diags *d;
    ck_assert_int_eq(oap_diags_new(&d), 0);
    add(d, "schema", OAP_SEVERITY_ERROR, "caf\xe9.oap.json", 1, 1, "", "", "",
        "duplicate key \"Bogot\xc3\" in one object");
    add(d, "schema", OAP_SEVERITY_ERROR, "ok.oap.json", 2, 1, "", "", "",
        "overlong \xc0\xaf and surrogate \xed\xa0\x80 and good \xc3\xa9");
    char *out = render(oap_report_json, d, NULL);
    json_t *root = parse(out);
    json_t *f = json_array_get(json_object_get(root, "findings"), 0);
    ck_assert_str_eq(str(f, "file"), "caf\xef\xbf\xbd.oap.json");
    ck_assert_str_eq(str(f, "message"), "duplicate key \"Bogot\\xc3\" in one object");
    f = json_array_get(json_object_get(root, "findings"), 1);
    ck_assert_str_eq(str(f, "message"),
                     "overlong \\xc0\\xaf and surrogate \\xed\\xa0\\x80 and good \xc3\xa9");
    json_decref(root);
    free(out);

    /* SARIF and Markdown too. */
    out = render(oap_report_sarif, d, NULL);
    json_decref(parse(out));
    free(out);
    out = render(oap_report_markdown, d, NULL);
    ck_assert_ptr_nonnull(strstr(out, "Bogot\xef\xbf\xbd"));
    free(out);
    oap_diags_free(d);
}
END_TEST

/* Fingerprints leave out line and column, the folder, the node's place in its file and
 * the message, and number identical findings. */
START_TEST(fingerprints)
{
    oap_diags *d;
    ck_assert_int_eq(oap_diags_new(&d), 0);
    add(d, "missing-kpi", OAP_SEVERITY_WARNING, "a/p.oap.json", 3, 4, "/actions/0", "P", "1.1",
        "action 1.1 has no KPI");
    add(d, "missing-kpi", OAP_SEVERITY_WARNING, "b/c/p.oap.json", 90, 1, "/actions/7", "P", "1.1",
        "action 1.1 has no KPI");
    add(d, "missing-kpi", OAP_SEVERITY_ERROR, "p.oap.json", 7, 2, "/actions/5", "P", "1.1",
        "action 1.1 has no KPI at all");
    add(d, "missing-kpi", OAP_SEVERITY_WARNING, "p.oap.json", 3, 4, "/actions/0", "P", "1.2",
        "action 1.1 has no KPI");
    add(d, "duplicate-id", OAP_SEVERITY_ERROR, "x/q.oap.json", 3, 4, "", "P", "",
        "plan id \"P\" is also used by a/p.oap.json");
    oap_fingerprint *fps;
    ck_assert_int_eq(oap_diags_fingerprints(&fps, d), 0);
    ck_assert_uint_eq(strlen(fps[0].text), 16);
    char want[48];
    snprintf(want, sizeof want, "%s:2", fps[0].text);
    ck_assert_str_eq(fps[1].text, want);
    snprintf(want, sizeof want, "%s:3", fps[0].text);
    ck_assert_str_eq(fps[2].text, want);
    ck_assert_str_ne(fps[3].text, fps[0].text);
    ck_assert_uint_eq(strlen(fps[3].text), 16);

    /* The same finding in another run, from another folder, other lines: same print. */
    oap_diags *e;
    ck_assert_int_eq(oap_diags_new(&e), 0);
    add(e, "duplicate-id", OAP_SEVERITY_ERROR, "../plans/x/q.oap.json", 30, 1, "", "P", "",
        "plan id \"P\" is also used by ../plans/a/p.oap.json");
    add(e, "missing-kpi", OAP_SEVERITY_WARNING, "../plans/a/p.oap.json", 300, 4, "/actions/0", "P",
        "1.1", "action 1.1 has no KPI");
    oap_fingerprint *efps;
    ck_assert_int_eq(oap_diags_fingerprints(&efps, e), 0);
    ck_assert_str_eq(efps[0].text, fps[4].text);
    ck_assert_str_eq(efps[1].text, fps[0].text);

    /* The reports carry them. */
    char *out = render(oap_report_json, d, NULL);
    json_t *root = parse(out);
    json_t *f = json_array_get(json_object_get(root, "findings"), 2);
    ck_assert_str_eq(str(f, "fingerprint"), fps[2].text);
    json_decref(root);
    free(out);

    free(fps);
    free(efps);
    oap_diags_free(d);
    oap_diags_free(e);
}
END_TEST

static json_t *sarif_run(json_t *root)
{
    json_t *runs = json_object_get(root, "runs");
    ck_assert_uint_eq(json_array_size(runs), 1);
    return json_array_get(runs, 0);
}

START_TEST(sarif_fields)
{
    oap_diags *d = sample();
    add(d, "missing-kpi", OAP_SEVERITY_WARNING, "/srv/plans/sub dir/2013-F.oap.json", 5, 9, "",
        "2013-F", "2.1", "action 2.1 has no KPI");
    add(d, "missing-kpi", OAP_SEVERITY_WARNING, "/elsewhere/x.oap.json", 5, 9, "", "X", "1.1",
        "action 1.1 has no KPI");
    add(d, "made-up-rule", OAP_SEVERITY_WARNING, "./y.oap.json", 1, 2, "", "", "", "odd");
    oap_report_options o = OAP_REPORT_OPTIONS_INIT;
    o.srcroot = "/srv/plans";
    char *out = render(oap_report_sarif, d, &o);
    json_t *root = parse(out);
    ck_assert_str_eq(str(root, "$schema"), "https://json.schemastore.org/sarif-2.1.0.json");
    ck_assert_str_eq(str(root, "version"), "2.1.0");
    json_t *run = sarif_run(root);
    ck_assert_str_eq(str(run, "columnKind"), "unicodeCodePoints");
    json_t *base = json_object_get(json_object_get(run, "originalUriBaseIds"), "%SRCROOT%");
    ck_assert_str_eq(str(base, "uri"), "file:///srv/plans/");

    json_t *driver = json_object_get(json_object_get(run, "tool"), "driver");
    ck_assert_str_eq(str(driver, "name"), "oapgraph");
    ck_assert_str_eq(str(driver, "version"), OAPGRAPH_VERSION);
    ck_assert_str_eq(str(driver, "semanticVersion"), OAPGRAPH_VERSION);
    ck_assert_str_eq(str(driver, "informationUri"), OAP_DOC_URL);
    json_t *rules = json_object_get(driver, "rules");
    /* Every registered rule, then the one the registry lacks. */
    ck_assert_uint_eq(json_array_size(rules), oap_rule_count() + 1);
    for (size_t i = 0; i < oap_rule_count(); i++) {
        json_t *r = json_array_get(rules, i);
        const oap_rule_info *info = oap_rule_at(i);
        ck_assert_str_eq(str(r, "id"), info->id);
        ck_assert_str_eq(str(json_object_get(r, "shortDescription"), "text"), info->summary);
        /* The registry's explanation and fix, the rule's page of the reference. */
        ck_assert_str_eq(str(json_object_get(r, "fullDescription"), "text"), info->explanation);
        ck_assert_ptr_nonnull(strstr(str(json_object_get(r, "help"), "text"), info->id));
        ck_assert_ptr_nonnull(strstr(str(json_object_get(r, "help"), "text"), info->fix));
        char uri[256];
        snprintf(uri, sizeof uri, "%s/rules/%s", OAP_DOC_URL, info->id);
        ck_assert_str_eq(str(r, "helpUri"), uri);
        /* A name is not the id again, whatever the case (SARIF1001): "DanglingRef" for
         * "dangling-ref", none for "syntax". */
        if (strchr(info->id, '-'))
            ck_assert_ptr_null(strchr(str(r, "name"), '-'));
        else
            ck_assert_ptr_null(json_object_get(r, "name"));
        /* A rule off by default (kpi-without-target) is disabled, at level "none". */
        json_t *config = json_object_get(r, "defaultConfiguration");
        const char *lvl = str(config, "level");
        ck_assert_str_eq(lvl, info->severity == OAP_SEVERITY_ERROR     ? "error"
                              : info->severity == OAP_SEVERITY_WARNING ? "warning"
                              : info->severity == OAP_SEVERITY_OFF     ? "none"
                                                                       : "note");
        ck_assert(json_is_false(json_object_get(config, "enabled")) ==
                  (info->severity == OAP_SEVERITY_OFF));
    }
    ck_assert_str_eq(str(json_array_get(rules, oap_rule_count()), "id"), "made-up-rule");

    json_t *results = json_object_get(run, "results");
    ck_assert_uint_eq(json_array_size(results), 6);
    for (size_t i = 0; i < 6; i++) {
        json_t *r = json_array_get(results, i);
        long long index = num(r, "ruleIndex");
        ck_assert_str_eq(str(json_array_get(rules, (size_t)index), "id"), str(r, "ruleId"));
    }
    json_t *r = json_array_get(results, 0);
    ck_assert_str_eq(str(r, "ruleId"), "dangling-ref");
    ck_assert_str_eq(str(r, "level"), "error");
    ck_assert_str_eq(str(json_object_get(r, "message"), "text"),
                     "action 1.3 refers to action 9.9, which is not there");
    json_t *phys =
        json_object_get(json_array_get(json_object_get(r, "locations"), 0), "physicalLocation");
    json_t *art = json_object_get(phys, "artifactLocation");
    ck_assert_str_eq(str(art, "uri"), "plans/2012-C.oap.json");
    ck_assert_str_eq(str(art, "uriBaseId"), "%SRCROOT%");
    json_t *region = json_object_get(phys, "region");
    ck_assert_int_eq(num(region, "startLine"), 12);
    ck_assert_int_eq(num(region, "startColumn"), 7);
    oap_fingerprint *fps;
    ck_assert_int_eq(oap_diags_fingerprints(&fps, d), 0);
    ck_assert_str_eq(str(json_object_get(r, "partialFingerprints"), "oapgraph/v2"), fps[0].text);
    free(fps);

    ck_assert_str_eq(str(json_array_get(results, 1), "level"), "note");
    /* Line unknown: no region. A space is percent-encoded. */
    phys =
        json_object_get(json_array_get(json_object_get(json_array_get(results, 2), "locations"), 0),
                        "physicalLocation");
    ck_assert_ptr_null(json_object_get(phys, "region"));
    ck_assert_str_eq(str(json_object_get(phys, "artifactLocation"), "uri"), "bad%20file.oap.json");
    /* Absolute below the root: relative; elsewhere: a file URI; "./" dropped. */
    art = json_object_get(
        json_object_get(json_array_get(json_object_get(json_array_get(results, 3), "locations"), 0),
                        "physicalLocation"),
        "artifactLocation");
    ck_assert_str_eq(str(art, "uri"), "sub%20dir/2013-F.oap.json");
    ck_assert_str_eq(str(art, "uriBaseId"), "%SRCROOT%");
    art = json_object_get(
        json_object_get(json_array_get(json_object_get(json_array_get(results, 4), "locations"), 0),
                        "physicalLocation"),
        "artifactLocation");
    ck_assert_str_eq(str(art, "uri"), "file:///elsewhere/x.oap.json");
    ck_assert_ptr_null(json_object_get(art, "uriBaseId"));
    art = json_object_get(
        json_object_get(json_array_get(json_object_get(json_array_get(results, 5), "locations"), 0),
                        "physicalLocation"),
        "artifactLocation");
    ck_assert_str_eq(str(art, "uri"), "y.oap.json");
    json_decref(root);
    free(out);
    oap_diags_free(d);
}
END_TEST

/* Without a source root there is no originalUriBaseIds; no finding, still every rule. */
START_TEST(sarif_empty)
{
    oap_diags *d;
    ck_assert_int_eq(oap_diags_new(&d), 0);
    char *out = render(oap_report_sarif, d, NULL);
    json_t *root = parse(out);
    json_t *run = sarif_run(root);
    ck_assert_ptr_null(json_object_get(run, "originalUriBaseIds"));
    ck_assert_uint_eq(json_array_size(json_object_get(run, "results")), 0);
    json_t *driver = json_object_get(json_object_get(run, "tool"), "driver");
    ck_assert_uint_eq(json_array_size(json_object_get(driver, "rules")), oap_rule_count());
    json_decref(root);
    free(out);
    oap_diags_free(d);
}
END_TEST

START_TEST(markdown_tables)
{
    oap_diags *d = sample();
    oap_report_options o = OAP_REPORT_OPTIONS_INIT;
    o.files = files;
    o.nfiles = 2;
    o.baseline = 1;
    o.baselined = 2;
    char *out = render(oap_report_markdown, d, &o);
    const char *want =
        "## oapgraph findings\n\n"
        "### Plan 2012-C (plans/2012-C.oap.json)\n\n"
        "| Severity | Rule | Location | Message |\n|---|---|---|---|\n"
        "| error | dangling-ref | plans/2012-C.oap.json:12:7 | action 1.3 refers to action 9.9, "
        "which is not there |\n"
        "| info | one-way-ref | plans/2012-C.oap.json:20:3 | action 2.1 refers to action 1.1, "
        "which does not refer back |\n\n"
        "### bad file.oap.json\n\n"
        "| Severity | Rule | Location | Message |\n|---|---|---|---|\n"
        "| error | syntax | bad file.oap.json | not valid JSON: '\\[' or '{' expected near end of "
        "file |\n\n"
        "### Summary\n\n| | Findings |\n|---|---:|\n"
        "| error | 2 |\n| warning | 0 |\n| info | 1 |\n"
        "| known (baselined, not shown) | 2 |\n| stale baseline entries | 0 |\n"
        "| files read | 2 |\n\n"
        "| Rule | Findings |\n|---|---:|\n"
        "| syntax | 1 |\n| dangling-ref | 1 |\n| one-way-ref | 1 |\n";
    ck_assert_str_eq(out, want);
    free(out);
    oap_diags_free(d);
}
END_TEST

/* Plan text reaches messages: nothing in it may break the table or inject HTML. */
START_TEST(markdown_escaping)
{
    oap_diags *d;
    ck_assert_int_eq(oap_diags_new(&d), 0);
    add(d, "unknown-key", OAP_SEVERITY_WARNING, "a|b.oap.json", 1, 2, "", "", "",
        "key \"x|y\" with `code`, <script>alert(1)</script> & *stars* [link](u)\nsecond\r\tline");
    char *out = render(oap_report_markdown, d, NULL);
    ck_assert_ptr_nonnull(strstr(
        out, "| warning | unknown-key | a\\|b.oap.json:1:2 | key \"x\\|y\" with \\`code\\`, "
             "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\*stars\\* \\[link\\](u)<br>second<br> "
             "line |\n"));
    ck_assert_ptr_nonnull(strstr(out, "### a\\|b.oap.json\n"));
    ck_assert_ptr_null(strstr(out, "<script"));
    free(out);
    oap_diags_free(d);
}
END_TEST

START_TEST(markdown_empty)
{
    oap_diags *d;
    ck_assert_int_eq(oap_diags_new(&d), 0);
    char *out = render(oap_report_markdown, d, NULL);
    ck_assert_str_eq(out, "## oapgraph findings\n\nNo findings.\n\n### Summary\n\n| | Findings "
                          "|\n|---|---:|\n| error | 0 |\n| warning | 0 |\n| info | 0 |\n");
    free(out);
    oap_diags_free(d);
}
END_TEST

/* Fingerprints given by the caller (a run with a baseline) are the ones written. */
START_TEST(given_fingerprints)
{
    oap_diags *d = sample();
    const char *const fps[] = {"aaaa", "bbbb", "cccc:2"};
    oap_report_options o = OAP_REPORT_OPTIONS_INIT;
    o.fingerprints = fps;
    char *out = render(oap_report_json, d, &o);
    json_t *root = parse(out);
    json_t *findings = json_object_get(root, "findings");
    ck_assert_str_eq(str(json_array_get(findings, 2), "fingerprint"), "cccc:2");
    json_decref(root);
    free(out);
    out = render(oap_report_sarif, d, &o);
    root = parse(out);
    json_t *r = json_array_get(json_object_get(sarif_run(root), "results"), 1);
    ck_assert_str_eq(str(json_object_get(r, "partialFingerprints"), "oapgraph/v2"), "bbbb");
    json_decref(root);
    free(out);
    oap_diags_free(d);
}
END_TEST

/* A failed write is an error, in every format. */
START_TEST(write_error)
{
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        return;
    setvbuf(f, NULL, _IONBF, 0);
    oap_diags *d = sample();
    ck_assert_int_eq(oap_report_json(f, d, NULL), OAP_EIO);
    clearerr(f);
    ck_assert_int_eq(oap_report_sarif(f, d, NULL), OAP_EIO);
    clearerr(f);
    ck_assert_int_eq(oap_report_markdown(f, d, NULL), OAP_EIO);
    clearerr(f);
    ck_assert_int_eq(oap_report_text(f, d, NULL), OAP_EIO);
    fclose(f);
    oap_diags_free(d);
}
END_TEST

/* The text format is unchanged by the new options. */
START_TEST(text_format)
{
    oap_diags *d = sample();
    char *out = render(oap_report_text, d, NULL);
    ck_assert_str_eq(out, "plans/2012-C.oap.json:12:7: error: action 1.3 refers to action 9.9, "
                          "which is not there [dangling-ref]\n"
                          "plans/2012-C.oap.json:20:3: info: action 2.1 refers to action 1.1, "
                          "which does not refer back [one-way-ref]\n"
                          "bad file.oap.json:0:0: error: not valid JSON: '[' or '{' expected "
                          "near end of file [syntax]\n");
    free(out);
    oap_diags_free(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("formats");
    tcase_add_test(tc, json_fields);
    tcase_add_test(tc, json_empty);
    tcase_add_test(tc, json_invalid_utf8);
    tcase_add_test(tc, fingerprints);
    tcase_add_test(tc, sarif_fields);
    tcase_add_test(tc, sarif_empty);
    tcase_add_test(tc, markdown_tables);
    tcase_add_test(tc, markdown_escaping);
    tcase_add_test(tc, markdown_empty);
    tcase_add_test(tc, given_fingerprints);
    tcase_add_test(tc, write_error);
    tcase_add_test(tc, text_format);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
