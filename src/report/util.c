/* util: what the report writers share: safe JSON strings, file names, fingerprints, counts. */
#include "util.h"

#include "oapgraph/common.h"
#include "core/text.h"
#include "load/json_util.h"

#include <stdlib.h>
#include <string.h>

int oap_report__prepare(oap_report_ctx *ctx, const oap_diags *diags, const oap_report_options *opts,
                        int want_fingerprints)
{
    static const oap_report_options defaults = OAP_REPORT_OPTIONS_INIT;
    size_t n = oap_diags_count(diags), nreg = oap_rule_count();
    memset(ctx, 0, sizeof *ctx);
    ctx->diags = diags;
    ctx->opts = opts ? opts : &defaults;
    ctx->fps = calloc(n + 1, sizeof *ctx->fps);
    ctx->rule_ids = calloc(nreg + n + 1, sizeof *ctx->rule_ids);
    ctx->rules = calloc(nreg + n + 1, sizeof *ctx->rules);
    ctx->rule_counts = calloc(nreg + n + 1, sizeof *ctx->rule_counts);
    ctx->rule_of = calloc(n + 1, sizeof *ctx->rule_of);
    if (!ctx->fps || !ctx->rule_ids || !ctx->rules || !ctx->rule_counts || !ctx->rule_of)
        return OAP_ENOMEM;
    if (!want_fingerprints) {
        /* fps stays NULL for each finding */
    } else if (ctx->opts->fingerprints) {
        for (size_t i = 0; i < n; i++)
            ctx->fps[i] = ctx->opts->fingerprints[i];
    } else {
        if (oap_diags_fingerprints(&ctx->owned, diags) < 0)
            return OAP_ENOMEM;
        for (size_t i = 0; i < n; i++)
            ctx->fps[i] = ctx->owned[i].text;
    }
    for (size_t i = 0; i < nreg; i++) {
        ctx->rules[i] = oap_rule_at(i);
        ctx->rule_ids[i] = ctx->rules[i]->id;
    }
    ctx->nrules = nreg;
    for (size_t i = 0; i < n; i++) {
        const oap_diag *d = oap_diags_at(diags, i);
        size_t r = 0;
        while (r < ctx->nrules && strcmp(ctx->rule_ids[r], d->rule) != 0)
            r++;
        if (r == ctx->nrules)
            ctx->rule_ids[ctx->nrules++] = d->rule;
        ctx->rule_of[i] = r;
        ctx->rule_counts[r]++;
        if (d->severity <= OAP_SEVERITY_ERROR)
            ctx->counts[d->severity]++;
        if (strcmp(d->rule, OAP_BASELINE_RULE) == 0)
            ctx->stale++;
    }
    return 0;
}

void oap_report__finish(oap_report_ctx *ctx)
{
    free(ctx->fps);
    free(ctx->owned);
    free(ctx->rule_ids);
    free(ctx->rules);
    free(ctx->rule_counts);
    free(ctx->rule_of);
    memset(ctx, 0, sizeof *ctx);
}

const char *oap_report__file(const oap_report_ctx *ctx, const char *file)
{
    const char *strip = ctx->opts->strip;
    size_t len = strip ? strlen(strip) : 0;
    if (len && strncmp(file, strip, len) == 0)
        return file + len;
    return file;
}

json_t *oap_report__string(const char *s)
{
    return oap_json_string_safe(s);
}

int oap_report__write_message(oap_json_writer *w, const char *message)
{
    char *text = oap_text_escaped(message, 0);
    if (!text)
        return OAP_ENOMEM;
    oap_json_writer_string(w, text);
    free(text);
    return 0;
}

const char *oap_report__rule_summary(const oap_report_ctx *ctx, size_t rule)
{
    if (ctx->rules[rule])
        return ctx->rules[rule]->summary;
    if (strcmp(ctx->rule_ids[rule], OAP_BASELINE_RULE) == 0)
        return "a baseline entry matches no current finding; remove it so the baseline shrinks";
    return "a rule of this oapgraph that its registry does not describe";
}
