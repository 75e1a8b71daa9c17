/* json: findings as one JSON document with stable field names, for programs. */
#include "oapgraph/common.h"
#include "oapgraph/report.h"
#include "util.h"
#include "load/json_util.h"

#include <jansson.h>

/* Adds value under key; steals value (jansson's _new), fails on NULL. */
static int put(json_t *obj, const char *key, json_t *value)
{
    return json_object_set_new(obj, key, value);
}

static json_t *finding(void *arg, size_t i)
{
    const oap_report_ctx *ctx = arg;
    const oap_diag *d = oap_diags_at(ctx->diags, i);
    json_t *f = json_object();
    if (!f)
        return NULL;
    if (put(f, "rule", oap_report__string(d->rule)) < 0 ||
        put(f, "severity", json_string(oap_severity_name(d->severity))) < 0 ||
        put(f, "message", oap_report__message(d->message)) < 0 ||
        put(f, "file", oap_report__string(oap_report__file(ctx, d->file))) < 0 ||
        put(f, "line", d->line ? json_integer(d->line) : json_null()) < 0 ||
        put(f, "column", d->line && d->col ? json_integer(d->col) : json_null()) < 0 ||
        put(f, "pointer", oap_report__string(d->pointer)) < 0 ||
        put(f, "plan", oap_report__string_or_null(d->plan)) < 0 ||
        put(f, "node", oap_report__string_or_null(d->node)) < 0 ||
        (*d->related && put(f, "related", oap_report__string(d->related)) < 0) ||
        (*d->related && put(f, "score", json_real(d->score)) < 0) ||
        put(f, "fingerprint", json_string(ctx->fps[i])) < 0) {
        json_decref(f);
        return NULL;
    }
    return f;
}

static json_t *summary(const oap_report_ctx *ctx)
{
    const oap_report_options *o = ctx->opts;
    json_t *s = json_object();
    if (!s)
        return NULL;
    json_t *files = json_array(), *counts = json_object(), *rules = json_object();
    /* Each put takes its value, even when another failed: all three run. */
    int bad = put(s, "files", files) < 0;
    bad = (put(s, "counts", counts) < 0) || bad;
    bad = (put(s, "rules", rules) < 0) || bad;
    for (size_t i = 0; !bad && o->files && i < o->nfiles; i++)
        bad = json_array_append_new(files, oap_report__string(oap_report__file(ctx, o->files[i])));
    if (!bad)
        bad = put(counts, "error", json_integer((json_int_t)ctx->counts[OAP_SEVERITY_ERROR])) ||
              put(counts, "warning", json_integer((json_int_t)ctx->counts[OAP_SEVERITY_WARNING])) ||
              put(counts, "info", json_integer((json_int_t)ctx->counts[OAP_SEVERITY_INFO]));
    for (size_t r = 0; !bad && r < ctx->nrules; r++)
        if (ctx->rule_counts[r])
            bad = put(rules, ctx->rule_ids[r], json_integer((json_int_t)ctx->rule_counts[r]));
    if (!bad)
        bad = put(s, "baselined", json_integer((json_int_t)o->baselined)) ||
              put(s, "stale_baseline", json_integer((json_int_t)ctx->stale)) ||
              put(s, "config", o->config ? oap_report__string(o->config) : json_null());
    if (bad) {
        json_decref(s);
        return NULL;
    }
    return s;
}

int oap_report_json(FILE *out, const oap_diags *diags, const oap_report_options *opts)
{
    int rc = 0;
    json_t *root = NULL, *tool, *findings;
    oap_report_ctx ctx;
    if ((rc = oap_report__prepare(&ctx, diags, opts, 1)) < 0)
        goto done;
    rc = OAP_ENOMEM;
    if (!(root = json_object()) || put(root, "version", json_integer(1)) < 0 ||
        put(root, "tool", tool = json_object()) < 0 ||
        put(tool, "name", json_string("oapgraph")) < 0 ||
        put(tool, "version", json_string(OAPGRAPH_VERSION)) < 0 ||
        put(root, "findings", findings = json_array()) < 0)
        goto done;
    if (put(root, "summary", summary(&ctx)) < 0)
        goto done;
    /* The findings are written one by one, never all in one tree. */
    (void)findings;
    rc = oap_json_write_streaming(out, root, "\"findings\": []", oap_diags_count(diags), finding,
                                  &ctx);
done:
    json_decref(root);
    oap_report__finish(&ctx);
    return rc;
}
