/* markdown: findings as GitHub-flavoured Markdown tables, for a job summary or an annex. */
#include "oapgraph/common.h"
#include "oapgraph/report.h"
#include "core/text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static void put_bytes(void *ctx, const char *b, size_t n)
{
    fwrite(b, 1, n, ctx);
}

/* Text in a table cell or a heading, shown as written (see oap_text_markdown). */
static void put_text(FILE *out, const char *s, int cell)
{
    oap_text_markdown(s, cell, put_bytes, out);
}

/* Findings are grouped by file, in the order of their first finding; a file holds one
 * plan, named by any of its findings (a finding about the plan's own keys may not). */
typedef struct group {
    const char *file, *plan;
} group;

static void put_location(FILE *out, const oap_report_ctx *ctx, const oap_diag *d)
{
    put_text(out, oap_report__file(ctx, d->file), 1);
    if (d->line)
        fprintf(out, ":%u:%u", d->line, d->col);
}

static void put_group(FILE *out, const oap_report_ctx *ctx, const group *g)
{
    fputs("### ", out);
    if (*g->plan) {
        fputs("Plan ", out);
        put_text(out, g->plan, 0);
        fputs(" (", out);
        put_text(out, oap_report__file(ctx, g->file), 0);
        fputs(")\n\n", out);
    } else {
        put_text(out, oap_report__file(ctx, g->file), 0);
        fputs("\n\n", out);
    }
    fputs("| Severity | Rule | Location | Message |\n|---|---|---|---|\n", out);
    for (size_t i = 0; i < oap_diags_count(ctx->diags); i++) {
        const oap_diag *d = oap_diags_at(ctx->diags, i);
        if (strcmp(d->file, g->file) != 0)
            continue;
        fprintf(out, "| %s | ", oap_severity_name(d->severity));
        put_text(out, d->rule, 1);
        fputs(" | ", out);
        put_location(out, ctx, d);
        fputs(" | ", out);
        put_text(out, d->message, 1);
        fputs(" |\n", out);
    }
    fputc('\n', out);
}

static void put_summary(FILE *out, const oap_report_ctx *ctx)
{
    const oap_report_options *o = ctx->opts;
    fputs("### Summary\n\n| | Findings |\n|---|---:|\n", out);
    fprintf(out, "| error | %zu |\n| warning | %zu |\n| info | %zu |\n",
            ctx->counts[OAP_SEVERITY_ERROR], ctx->counts[OAP_SEVERITY_WARNING],
            ctx->counts[OAP_SEVERITY_INFO]);
    if (o->baseline || o->baselined)
        fprintf(out, "| known (baselined, not shown) | %zu |\n| stale baseline entries | %zu |\n",
                o->baselined, ctx->stale);
    if (o->files && o->nfiles)
        fprintf(out, "| files read | %zu |\n", o->nfiles);
    size_t used = 0;
    for (size_t r = 0; r < ctx->nrules; r++)
        used += ctx->rule_counts[r] > 0;
    if (used) {
        fputs("\n| Rule | Findings |\n|---|---:|\n", out);
        for (size_t r = 0; r < ctx->nrules; r++) {
            if (!ctx->rule_counts[r])
                continue;
            fputs("| ", out);
            put_text(out, ctx->rule_ids[r], 1);
            fprintf(out, " | %zu |\n", ctx->rule_counts[r]);
        }
    }
}

int oap_report_markdown(FILE *out, const oap_diags *diags, const oap_report_options *opts)
{
    int rc = 0;
    size_t n = oap_diags_count(diags), ngroups = 0;
    group *groups = NULL;
    oap_report_ctx ctx;
    if ((rc = oap_report__prepare(&ctx, diags, opts, 0)) < 0)
        goto done;
    if (n && !(groups = malloc(n * sizeof *groups))) {
        rc = OAP_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        const oap_diag *d = oap_diags_at(diags, i);
        size_t g = 0;
        while (g < ngroups && strcmp(groups[g].file, d->file) != 0)
            g++;
        if (g == ngroups)
            groups[ngroups++] = (group){d->file, d->plan};
        else if (!*groups[g].plan)
            groups[g].plan = d->plan;
    }
    fputs("## oapgraph findings\n\n", out);
    if (n == 0)
        fputs("No findings.\n\n", out);
    for (size_t g = 0; g < ngroups; g++)
        put_group(out, &ctx, &groups[g]);
    put_summary(out, &ctx);
    if (ferror(out))
        rc = OAP_EIO;
done:
    free(groups);
    oap_report__finish(&ctx);
    return rc;
}
