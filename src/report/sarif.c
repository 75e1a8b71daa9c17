/* sarif: findings as SARIF 2.1.0, for code-scanning uploads and other SARIF viewers. */
#include "oapgraph/common.h"
#include "oapgraph/report.h"
#include "util.h"
#include "load/json_util.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SRCROOT "%SRCROOT%"

/* The user's reference online: rules at OAP_DOC_URL/rules/ID (CMake cache variable). */
#ifndef OAP_DOC_URL
#error "OAP_DOC_URL is set by CMakeLists.txt"
#endif

static int put(json_t *obj, const char *key, json_t *value)
{
    return json_object_set_new(obj, key, value);
}

/* {"text": text}; takes text (NULL fails). */
static json_t *text_object(json_t *text)
{
    json_t *o = json_object();
    if (!o)
        json_decref(text);
    if (o && put(o, "text", text) < 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static const char *level(oap_severity s)
{
    switch (s) {
    case OAP_SEVERITY_ERROR:
        return "error";
    case OAP_SEVERITY_WARNING:
        return "warning";
    default:
        return "note";
    }
}

/* A path as a URI reference: every byte but letters, digits, "-._~" and "/" is
 * percent-encoded. Returns a malloc'ed string or NULL. */
static char *uri_encode(const char *prefix, const char *path, const char *suffix)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t lp = strlen(prefix), ls = strlen(suffix);
    char *out = malloc(lp + strlen(path) * 3 + ls + 1);
    if (!out)
        return NULL;
    memcpy(out, prefix, lp);
    size_t w = lp;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            out[w++] = (char)c;
        } else {
            out[w++] = '%';
            out[w++] = hex[c >> 4];
            out[w++] = hex[c & 15];
        }
    }
    memcpy(out + w, suffix, ls + 1);
    return out;
}

/* {"uri": ..., "uriBaseId": "%SRCROOT%"} for a file name relative to the source root
 * (an absolute one below it made relative), {"uri": "file:///..."} for any other
 * absolute one. */
static json_t *artifact_location(const oap_report_ctx *ctx, const char *file)
{
    const char *root = ctx->opts->srcroot;
    size_t lr = root ? strlen(root) : 0;
    while (lr > 1 && root[lr - 1] == '/')
        lr--;
    int relative = file[0] != '/';
    if (!relative && lr > 0 && strncmp(file, root, lr) == 0 && file[lr] == '/') {
        file += lr + 1;
        relative = 1;
    }
    while (relative && file[0] == '.' && file[1] == '/')
        file += 2;
    char *uri = uri_encode(relative ? "" : "file://", file, "");
    json_t *loc = json_object();
    int bad = !uri || !loc || put(loc, "uri", json_string(uri)) < 0 ||
              (relative && put(loc, "uriBaseId", json_string(SRCROOT)) < 0);
    free(uri);
    if (bad) {
        json_decref(loc);
        return NULL;
    }
    return loc;
}

/* "dangling-ref" -> "DanglingRef", SARIF's friendly name of a rule; NULL when that is the
 * id but for case ("syntax" -> "Syntax"): validators compare the two ignoring case and
 * want them to differ (SARIF1001), so such a rule has no name. */
static json_t *rule_name(const char *id)
{
    char name[128];
    size_t w = 0;
    int upper = 1, words = 1;
    for (const char *p = id; *p && w + 1 < sizeof name; p++) {
        if (*p == '-' || *p == '_') {
            upper = 1;
            words++;
            continue;
        }
        name[w++] = upper && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
        upper = 0;
    }
    name[w] = '\0';
    return words > 1 ? oap_report__string(name) : NULL;
}

/* Where the reference documents a rule: the base URL the build was configured with
 * (OAP_DOC_URL), then "/rules/" and the id. A malloc'ed string or NULL. */
static char *help_uri(const char *id)
{
    return uri_encode(OAP_DOC_URL "/rules/", id, "");
}

static json_t *rule_descriptor(const oap_report_ctx *ctx, size_t r)
{
    const char *id = ctx->rule_ids[r];
    const oap_rule_info *info = ctx->rules[r];
    const char *summary = oap_report__rule_summary(ctx, r);
    const char *family = info ? info->family : "reports";
    oap_severity sev = info                                 ? info->severity
                       : strcmp(id, OAP_BASELINE_RULE) == 0 ? OAP_SEVERITY_INFO
                                                            : OAP_SEVERITY_WARNING;
    char full[1024], help[2048];
    snprintf(full, sizeof full, "Fires when %s. Rule family: %s; default severity: %s.", summary,
             family, oap_severity_name(sev));
    /* A rule off by default is one a config turns on. */
    int off = sev == OAP_SEVERITY_OFF;
    snprintf(help, sizeof help,
             "oapgraph rule %s (%s), %s by default: fires when %s.%s%s 'oapgraph rules %s' and "
             "oapgraph-rules(7) explain it. %s in .oapgraph.json: {\"rules\": {\"%s\": "
             "\"%s\"}}.",
             id, family, oap_severity_name(sev), summary, info ? " How to fix it: " : "",
             info ? info->fix : "", id, off ? "Turn it on" : "Change its severity or turn it off",
             id, off ? "warning" : "off");
    char *uri = help_uri(id);
    json_t *d = json_object(), *name, *config, *props, *tags;
    /* The registry explains its rules; one it lacks gets what is known of it. */
    if (!uri || !d || put(d, "id", oap_report__string(id)) < 0 ||
        ((name = rule_name(id)) && put(d, "name", name) < 0) ||
        put(d, "shortDescription", text_object(oap_report__string(summary))) < 0 ||
        put(d, "fullDescription",
            text_object(oap_report__string(info ? info->explanation : full))) < 0 ||
        put(d, "help", text_object(oap_report__string(help))) < 0 ||
        put(d, "helpUri", json_string(uri)) < 0 ||
        put(d, "defaultConfiguration", config = json_object()) < 0 ||
        put(config, "level", json_string(off ? "none" : level(sev))) < 0 ||
        (off && put(config, "enabled", json_false()) < 0) ||
        put(d, "properties", props = json_object()) < 0 ||
        put(props, "tags", tags = json_array()) < 0 ||
        json_array_append_new(tags, oap_report__string(family)) < 0) {
        free(uri);
        json_decref(d);
        return NULL;
    }
    free(uri);
    return d;
}

static json_t *result(void *arg, size_t i)
{
    const oap_report_ctx *ctx = arg;
    const oap_diag *d = oap_diags_at(ctx->diags, i);
    json_t *r = json_object(), *message, *locations, *location, *physical, *fingerprints, *props;
    if (!r || put(r, "ruleId", oap_report__string(d->rule)) < 0 ||
        put(r, "ruleIndex", json_integer((json_int_t)ctx->rule_of[i])) < 0 ||
        put(r, "level", json_string(level(d->severity))) < 0 ||
        put(r, "message", message = text_object(oap_report__message(d->message))) < 0 ||
        put(r, "locations", locations = json_array()) < 0 ||
        json_array_append_new(locations, location = json_object()) < 0 ||
        put(location, "physicalLocation", physical = json_object()) < 0 ||
        put(physical, "artifactLocation", artifact_location(ctx, oap_report__file(ctx, d->file))) <
            0)
        goto fail;
    if (d->line > 0) {
        json_t *region = json_object();
        if (put(physical, "region", region) < 0 ||
            put(region, "startLine", json_integer(d->line)) < 0 ||
            (d->col > 0 && put(region, "startColumn", json_integer(d->col)) < 0))
            goto fail;
    }
    if (put(r, "partialFingerprints", fingerprints = json_object()) < 0 ||
        put(fingerprints, "oapgraph/v2", json_string(ctx->fps[i])) < 0 ||
        put(r, "properties", props = json_object()) < 0 ||
        put(props, "pointer", oap_report__string(d->pointer)) < 0 ||
        (*d->plan && put(props, "plan", oap_report__string(d->plan)) < 0) ||
        (*d->node && put(props, "node", oap_report__string(d->node)) < 0) ||
        (*d->related && put(props, "related", oap_report__string(d->related)) < 0) ||
        (*d->related && put(props, "score", json_real(d->score)) < 0))
        goto fail;
    (void)message;
    return r;
fail:
    json_decref(r);
    return NULL;
}

int oap_report_sarif(FILE *out, const oap_diags *diags, const oap_report_options *opts)
{
    int rc = 0;
    char *root_uri = NULL;
    json_t *root = NULL, *runs, *run, *tool, *driver, *rules, *results;
    oap_report_ctx ctx;
    if ((rc = oap_report__prepare(&ctx, diags, opts, 1)) < 0)
        goto done;
    rc = OAP_ENOMEM;
    if (!(root = json_object()) ||
        put(root, "$schema", json_string("https://json.schemastore.org/sarif-2.1.0.json")) < 0 ||
        put(root, "version", json_string("2.1.0")) < 0 ||
        put(root, "runs", runs = json_array()) < 0 ||
        json_array_append_new(runs, run = json_object()) < 0 ||
        put(run, "tool", tool = json_object()) < 0 ||
        put(tool, "driver", driver = json_object()) < 0 ||
        put(driver, "name", json_string("oapgraph")) < 0 ||
        put(driver, "version", json_string(OAPGRAPH_VERSION)) < 0 ||
        put(driver, "semanticVersion", json_string(OAPGRAPH_VERSION)) < 0 ||
        put(driver, "informationUri", json_string(OAP_DOC_URL)) < 0 ||
        put(driver, "rules", rules = json_array()) < 0)
        goto done;
    for (size_t r = 0; r < ctx.nrules; r++)
        if (json_array_append_new(rules, rule_descriptor(&ctx, r)) < 0)
            goto done;
    if (ctx.opts->srcroot && ctx.opts->srcroot[0] == '/') {
        size_t len = strlen(ctx.opts->srcroot);
        int slash = ctx.opts->srcroot[len - 1] == '/';
        json_t *bases, *base;
        if (!(root_uri = uri_encode("file://", ctx.opts->srcroot, slash ? "" : "/")) ||
            put(run, "originalUriBaseIds", bases = json_object()) < 0 ||
            put(bases, SRCROOT, base = json_object()) < 0 ||
            put(base, "uri", json_string(root_uri)) < 0)
            goto done;
    }
    /* The invocation: which config file the run used, so a rule it silenced is traced. */
    json_t *invocations, *invocation, *props;
    if (put(run, "invocations", invocations = json_array()) < 0 ||
        json_array_append_new(invocations, invocation = json_object()) < 0 ||
        put(invocation, "executionSuccessful", json_true()) < 0 ||
        (ctx.opts->config && (put(invocation, "properties", props = json_object()) < 0 ||
                              put(props, "configFile", oap_report__string(ctx.opts->config)) < 0)))
        goto done;
    if (put(run, "columnKind", json_string("unicodeCodePoints")) < 0 ||
        put(run, "results", results = json_array()) < 0)
        goto done;
    /* The results are written one by one, never all in one tree. */
    (void)results;
    rc = oap_json_write_streaming(out, root, "\"results\": []", oap_diags_count(diags), result,
                                  &ctx);
done:
    free(root_uri);
    json_decref(root);
    oap_report__finish(&ctx);
    return rc;
}
