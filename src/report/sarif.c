/* sarif: findings as SARIF 2.1.0, for code-scanning uploads and other SARIF viewers. */
#include "oapgraph/common.h"
#include "oapgraph/report.h"
#include "util.h"
#include "core/text.h"
#include "load/json_writer.h"

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

/* The URI of a file name: relative to the source root (*relative set; an absolute name
 * below it made relative), or "file:///..." for any other absolute one. A malloc'ed
 * string or NULL. */
static char *artifact_uri(const oap_report_ctx *ctx, const char *file, int *relative)
{
    const char *root = ctx->opts->srcroot;
    size_t lr = root ? strlen(root) : 0;
    while (lr > 1 && root[lr - 1] == '/')
        lr--;
    *relative = file[0] != '/';
    if (!*relative && lr > 0 && strncmp(file, root, lr) == 0 && file[lr] == '/') {
        file += lr + 1;
        *relative = 1;
    }
    while (*relative && file[0] == '.' && file[1] == '/')
        file += 2;
    return uri_encode(*relative ? "" : "file://", file, "");
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

/* One result, written as it goes (oap_json_write_streaming). */
static int result(void *arg, size_t i, oap_json_writer *w)
{
    const oap_report_ctx *ctx = arg;
    const oap_diag *d = oap_diags_at(ctx->diags, i);
    int relative = 0;
    char *uri = artifact_uri(ctx, oap_report__file(ctx, d->file), &relative);
    if (!uri)
        return OAP_ENOMEM;
    oap_json_writer_open(w, '{');
    oap_json_writer_key(w, "ruleId");
    oap_json_writer_string(w, d->rule);
    oap_json_writer_key(w, "ruleIndex");
    oap_json_writer_integer(w, (long long)ctx->rule_of[i]);
    oap_json_writer_key(w, "level");
    oap_json_writer_string(w, level(d->severity));
    oap_json_writer_key(w, "message");
    oap_json_writer_open(w, '{');
    oap_json_writer_key(w, "text");
    if (oap_report__write_message(w, d->message) < 0) {
        free(uri);
        return OAP_ENOMEM;
    }
    oap_json_writer_close(w, '}');
    oap_json_writer_key(w, "locations");
    oap_json_writer_open(w, '[');
    oap_json_writer_item(w);
    oap_json_writer_open(w, '{');
    oap_json_writer_key(w, "physicalLocation");
    oap_json_writer_open(w, '{');
    oap_json_writer_key(w, "artifactLocation");
    oap_json_writer_open(w, '{');
    oap_json_writer_key(w, "uri");
    oap_json_writer_string(w, uri);
    if (relative) {
        oap_json_writer_key(w, "uriBaseId");
        oap_json_writer_string(w, SRCROOT);
    }
    oap_json_writer_close(w, '}');
    if (d->line > 0) {
        oap_json_writer_key(w, "region");
        oap_json_writer_open(w, '{');
        oap_json_writer_key(w, "startLine");
        oap_json_writer_integer(w, d->line);
        if (d->col > 0) {
            oap_json_writer_key(w, "startColumn");
            oap_json_writer_integer(w, d->col);
        }
        oap_json_writer_close(w, '}');
    }
    oap_json_writer_close(w, '}');
    oap_json_writer_close(w, '}');
    oap_json_writer_close(w, ']');
    oap_json_writer_key(w, "partialFingerprints");
    oap_json_writer_open(w, '{');
    oap_json_writer_key(w, "oapgraph/v2");
    oap_json_writer_string(w, ctx->fps[i]);
    oap_json_writer_close(w, '}');
    oap_json_writer_key(w, "properties");
    oap_json_writer_open(w, '{');
    oap_json_writer_key(w, "pointer");
    oap_json_writer_string(w, d->pointer);
    if (*d->plan) {
        oap_json_writer_key(w, "plan");
        oap_json_writer_string(w, d->plan);
    }
    if (*d->node) {
        oap_json_writer_key(w, "node");
        oap_json_writer_string(w, d->node);
    }
    if (*d->related) {
        oap_json_writer_key(w, "related");
        oap_json_writer_string(w, d->related);
        oap_json_writer_key(w, "score");
        oap_json_writer_real(w, d->score);
    }
    oap_json_writer_close(w, '}');
    oap_json_writer_close(w, '}');
    free(uri);
    return 0;
}

int oap_report_sarif(FILE *out, const oap_diags *diags, const oap_report_options *opts)
{
    int rc = 0;
    char *root_uri = NULL;
    json_t *root = NULL, *runs, *run, *tool, *driver, *rules;
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
        put(run, "results", json_array()) < 0)
        goto done;
    /* The results are written one by one into the empty array, never all in one tree. */
    rc = oap_json_write_streaming(out, root, "\"results\": []", oap_diags_count(diags), result,
                                  &ctx);
done:
    free(root_uri);
    json_decref(root);
    oap_report__finish(&ctx);
    return rc;
}
