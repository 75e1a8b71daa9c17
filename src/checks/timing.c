/* timing: timing texts that say no month, and needs whose windows cannot work. */
#include "rules.h"

#include "core/timing.h"
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
        oap_window w;
        int year = oap_graph_plan(g, v)->year;
        if (!has_text(timing) || span->set || year <= 0 || oap_timing_read(timing, year, &w))
            continue;
        char pointer[96], name[160];
        int rc = oap_rule_emit(
            ctx, v, oap_graph_node_pointer(g, v, "timing", pointer, sizeof pointer), 0,
            "the timing of %s, \"%.60s%s\", names no month, quarter or semester; add a "
            "\"window\" to say when it runs",
            oap_graph_name(g, v, g->nodes[v].plan, name, sizeof name), timing,
            strlen(timing) > 60 ? "..." : "");
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
