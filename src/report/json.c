/* json: findings as one JSON document with stable field names, for programs. */
#include "oapgraph/common.h"
#include "oapgraph/report.h"
#include "util.h"
#include "core/text.h"
#include "load/json_writer.h"

#include <stdlib.h>

#include <jansson.h>

/* Adds value under key; steals value (jansson's _new), fails on NULL. */
static int put(json_t *obj, const char *key, json_t *value)
{
    return json_object_set_new(obj, key, value);
}

/* s, or JSON null for "". */
static void string_or_null(oap_json_writer *w, const char *s)
{
    if (*s)
        oap_json_writer_string(w, s);
    else
        oap_json_writer_null(w);
}

/* One finding, written as it goes (oap_json_write_streaming). */
static int finding(void *arg, size_t i, oap_json_writer *w)
{
    const oap_report_ctx *ctx = arg;
    const oap_diag *d = oap_diags_at(ctx->diags, i);
    oap_json_writer_open(w, '{');
    oap_json_writer_key(w, "rule");
    oap_json_writer_string(w, d->rule);
    oap_json_writer_key(w, "severity");
    oap_json_writer_string(w, oap_severity_name(d->severity));
    oap_json_writer_key(w, "message");
    if (oap_report__write_message(w, d->message) < 0)
        return OAP_ENOMEM;
    oap_json_writer_key(w, "file");
    oap_json_writer_string(w, oap_report__file(ctx, d->file));
    oap_json_writer_key(w, "line");
    if (d->line)
        oap_json_writer_integer(w, d->line);
    else
        oap_json_writer_null(w);
    oap_json_writer_key(w, "column");
    if (d->line && d->col)
        oap_json_writer_integer(w, d->col);
    else
        oap_json_writer_null(w);
    oap_json_writer_key(w, "pointer");
    oap_json_writer_string(w, d->pointer);
    oap_json_writer_key(w, "plan");
    string_or_null(w, d->plan);
    oap_json_writer_key(w, "node");
    string_or_null(w, d->node);
    if (*d->related) {
        oap_json_writer_key(w, "related");
        oap_json_writer_string(w, d->related);
        oap_json_writer_key(w, "score");
        oap_json_writer_real(w, d->score);
    }
    oap_json_writer_key(w, "fingerprint");
    oap_json_writer_string(w, ctx->fps[i]);
    oap_json_writer_close(w, '}');
    return 0;
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
    json_t *root = NULL, *tool;
    oap_report_ctx ctx;
    if ((rc = oap_report__prepare(&ctx, diags, opts, 1)) < 0)
        goto done;
    rc = OAP_ENOMEM;
    if (!(root = json_object()) || put(root, "version", json_integer(1)) < 0 ||
        put(root, "tool", tool = json_object()) < 0 ||
        put(tool, "name", json_string("oapgraph")) < 0 ||
        put(tool, "version", json_string(OAPGRAPH_VERSION)) < 0 ||
        put(root, "findings", json_array()) < 0)
        goto done;
    if (put(root, "summary", summary(&ctx)) < 0)
        goto done;
    /* The findings are written one by one into the empty array, never all in one tree. */
    rc = oap_json_write_streaming(out, root, "\"findings\": []", oap_diags_count(diags), finding,
                                  &ctx);
done:
    json_decref(root);
    oap_report__finish(&ctx);
    return rc;
}
