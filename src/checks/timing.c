/* timing: timing texts that say no month, and needs whose windows cannot work. */
#include "rules.h"

#include "core/timing.h"
#include "core/utf8.h"
#include "oapgraph/common.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int has_text(const char *s)
{
    for (; s && *s; s++)
        if (!isspace((unsigned char)*s))
            return 1;
    return 0;
}

/* The n bytes at s on one line, for a message to quote: each run of spaces and line
 * breaks becomes one space ("2 nd\nquarter"); what does not fit in buf is cut off at a
 * character. Returns buf. */
static const char *one_line(const char *s, size_t n, char *buf, size_t size)
{
    size_t len = 0;

    for (size_t i = 0; i < n && len + 1 < size; i++) {
        if (!isspace((unsigned char)s[i]))
            buf[len++] = s[i];
        else if (len > 0 && buf[len - 1] != ' ')
            buf[len++] = ' ';
    }
    buf[len] = '\0';
    buf[oap_utf8_cut(buf, len)] = '\0';
    return buf;
}

/* Reports a timing read as no window, saying why: no month at all, months without the
 * year in a plan of several years (with how to write it), or a month misspelled (with
 * the month it is nearest to). The last two point at the words concerned. */
static int report_unparsed(oap_rule_ctx *ctx, uint32_t v, const char *timing,
                           const oap_timing_why *why)
{
    const oap_graph *g = ctx->graph;
    const oap_plan *p = oap_graph_plan(g, v);
    char pointer[96], name[160], years[16], phrase[64];
    const char *more = strlen(timing) > 60 ? "..." : "";

    oap_graph_node_pointer(g, v, "timing", pointer, sizeof pointer);
    oap_graph_name(g, v, g->nodes[v].plan, name, sizeof name);
    switch (why->miss) {
    case OAP_TIMING_NO_YEAR:
        return oap_rule_emit(
            ctx, v, pointer, why->at,
            "the timing of %s, \"%.60s%s\", names months without a year, and plan %s runs over "
            "%s: write the year, as in \"%s %d\"",
            name, timing, more, p->id, oap_plan_years_text(p, years, sizeof years),
            one_line(timing + why->at, why->len, phrase, sizeof phrase), p->last_year);
    case OAP_TIMING_MISSPELLED:
        return oap_rule_emit(ctx, v, pointer, why->at,
                             "the timing of %s, \"%.60s%s\", names \"%.*s\", which is no month; "
                             "did you mean \"%s\"?",
                             name, timing, more, (int)why->len, timing + why->at, why->month);
    default:
        return oap_rule_emit(ctx, v, pointer, 0,
                             "the timing of %s, \"%.60s%s\", names no month, quarter or "
                             "semester; add a \"window\" to say when it runs",
                             name, timing, more);
    }
}

int oap_check_timing_unparsed(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    for (uint32_t v = 0; v < g->nnodes; v++) {
        uint8_t kind = g->nodes[v].kind;
        if (kind != OAP_NODE_ACTION && kind != OAP_NODE_PHASE)
            continue;
        const char *timing =
            kind == OAP_NODE_PHASE ? oap_graph_phase(g, v)->timing : oap_graph_action(g, v)->timing;
        const oap_month_span *span = kind == OAP_NODE_PHASE ? &oap_graph_phase(g, v)->window
                                                            : &oap_graph_action(g, v)->window;
        const oap_plan *p = oap_graph_plan(g, v);
        oap_window w;
        oap_timing_why why;
        /* A plan without years (neither "year" nor "period") places nothing; the text of
         * a plan with years is read in them, as oap_graph_window reads it. */
        if (!has_text(timing) || span->set || p->first_year <= 0 ||
            oap_timing_read_years(timing, p->first_year, p->last_year, &w, &why))
            continue;
        int rc = report_unparsed(ctx, v, timing, &why);
        if (rc < 0)
            return rc;
    }
    return 0;
}

int oap_check_timing_order(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    for (uint32_t u = 0; u < g->nnodes; u++) {
        oap_window wu, wv;
        if (oap_csr_count(&g->needs, u) == 0 || !oap_graph_window(g, u, &wu))
            continue;
        for (uint32_t e = g->needs.start[u]; e < g->needs.start[u + 1]; e++) {
            uint32_t v = g->needs.target[e];
            if (!oap_graph_window(g, v, &wv) || wv.end <= wu.start)
                continue;
            char pointer[96], a[160], b[160], end[8], start[8];
            uint32_t plan = g->nodes[u].plan, at = oap_graph_action_of(g, u);
            if (g->needs.link[e] != OAP_NONE) {
                const oap_link *l = &g->links[g->needs.link[e]];
                oap_graph_link_pointer(g, l, pointer, sizeof pointer);
            } else {
                oap_graph_node_pointer(g, u, "", pointer, sizeof pointer);
            }
            oap_timing_format_month(wv.end, end);
            oap_timing_format_month(wu.start, start);
            int rc = oap_rule_emit(ctx, at, pointer, 0,
                                   "%s needs %s, but %s runs until %s and %s starts in %s",
                                   oap_graph_name(g, u, plan, a, sizeof a),
                                   oap_graph_name(g, v, plan, b, sizeof b), b, end, a, start);
            if (rc < 0)
                return rc;
        }
    }
    return 0;
}
