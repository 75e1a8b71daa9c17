/* jads: the Joint Action Days actions name in "jads": declared by their cycle, held while
 * the action runs, and named by more than one action. */
#include "rules.h"

#include "core/suggest.h"
#include "core/timing.h"
#include "oapgraph/common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether item j of a list repeats an earlier item: a JAD named twice is reported once. */
static int named_before(const oap_strv *list, uint32_t j)
{
    for (uint32_t i = 0; i < j; i++)
        if (strcmp(list->items[i], list->items[j]) == 0)
            return 1;
    return 0;
}

/* Whether an id is blank, as the graph's JAD index leaves it out (the schema's concern). */
static int blank(const char *id)
{
    return id[strspn(id, " \t\r\n")] == '\0';
}

static const char *jad_pointer(const oap_graph *g, uint32_t action, uint32_t j, char *buf,
                               size_t size)
{
    char key[32];
    snprintf(key, sizeof key, "jads/%u", oap_strv_at(&oap_graph_action(g, action)->jads, j));
    return oap_graph_node_pointer(g, action, key, buf, size);
}

/* One JAD an action names, for a cycle rule: item j of the action's jads, and where its
 * cycle declares it (OAP_NONE: it does not). */
typedef struct jad_item {
    const oap_cycle *cycle;
    uint32_t action, j, declared;
} jad_item;

typedef int (*jad_visit)(oap_rule_ctx *ctx, const jad_item *item, void *data);

/* Calls visit for each JAD each action names, once per id and action, in the plans whose
 * cycle file is loaded and declares JADs (else their JADs are not checked, as the cycle's
 * other lists). */
static int each_jad(oap_rule_ctx *ctx, jad_visit visit, void *data)
{
    const oap_graph *g = ctx->graph;
    int rc = 0;
    for (uint32_t v = 0; v < g->nnodes && rc == 0; v++) {
        const oap_plan *plan = g->nodes[v].kind == OAP_NODE_ACTION ? oap_graph_plan(g, v) : NULL;
        const oap_cycle *c = plan ? plan->in_cycle : NULL;
        if (!c || !c->njads)
            continue;
        const oap_strv *jads = &oap_graph_action(g, v)->jads;
        for (uint32_t j = 0; j < jads->n && rc == 0; j++) {
            jad_item item = {c, v, j, OAP_NONE};
            if (blank(jads->items[j]) || named_before(jads, j))
                continue;
            oap_strmap_get(&g->cycle_jads[c->index], jads->items[j], &item.declared);
            rc = visit(ctx, &item, data);
        }
    }
    return rc;
}

static int unknown(oap_rule_ctx *ctx, const jad_item *item, void *data)
{
    (void)data;
    if (item->declared != OAP_NONE)
        return 0;
    const oap_cycle *c = item->cycle;
    const oap_action *a = oap_graph_action(ctx->graph, item->action);
    const char *id = a->jads.items[item->j];
    const char **ids = malloc(c->njads * sizeof *ids);
    if (!ids)
        return OAP_ENOMEM;
    for (uint32_t i = 0; i < c->njads; i++)
        ids[i] = c->jads[i].id;
    const char *near = oap_suggest_unique(id, ids, c->njads);
    char pointer[96], hint[128] = "";
    if (near)
        snprintf(hint, sizeof hint, "; did you mean \"%.80s\"?", near);
    free(ids);
    return oap_rule_emit(ctx, item->action,
                         jad_pointer(ctx->graph, item->action, item->j, pointer, sizeof pointer), 0,
                         "action %s takes part in Joint Action Day \"%.80s\", which cycle %s does "
                         "not declare%s",
                         a->id, id, c->id, hint);
}

int oap_check_unknown_jad(oap_rule_ctx *ctx)
{
    return each_jad(ctx, unknown, NULL);
}

/* "in 2024-10", or "from 2024-07 to 2024-09". */
static const char *months_text(int start, int end, char *buf, size_t size)
{
    char s[8], e[8];
    oap_timing_format_month(start, s);
    oap_timing_format_month(end, e);
    if (start == end)
        snprintf(buf, size, "in %s", s);
    else
        snprintf(buf, size, "from %s to %s", s, e);
    return buf;
}

/* A JAD is outside the action's window when they have no month in common: the action
 * cannot take part in days held while it does not run. */
static int outside(oap_rule_ctx *ctx, const jad_item *item, void *data)
{
    (void)data;
    oap_window w;
    if (item->declared == OAP_NONE || !oap_graph_window(ctx->graph, item->action, &w))
        return 0;
    const oap_jad *jad = &item->cycle->jads[item->declared];
    if (!jad->window.set || (jad->window.start <= w.end && w.start <= jad->window.end))
        return 0;
    char pointer[96], held[32], runs[32];
    return oap_rule_emit(
        ctx, item->action, jad_pointer(ctx->graph, item->action, item->j, pointer, sizeof pointer),
        0, "action %s takes part in Joint Action Day %s, held %s, but the action runs %s",
        oap_graph_action(ctx->graph, item->action)->id, jad->id,
        months_text(jad->window.start, jad->window.end, held, sizeof held),
        months_text(w.start, w.end, runs, sizeof runs));
}

int oap_check_jad_outside_window(oap_rule_ctx *ctx)
{
    return each_jad(ctx, outside, NULL);
}

/* Over the graph's JAD index, so across every loaded plan, with or without a cycle. */
int oap_check_lone_jad(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    int rc = 0;
    for (uint32_t k = 0; k < g->njads && rc == 0; k++) {
        if (oap_csr_count(&g->jad_actions, k) != 1)
            continue;
        uint32_t e = g->jad_actions.start[k], an = g->jad_actions.target[e];
        char pointer[96];
        rc = oap_rule_emit(
            ctx, an, jad_pointer(g, an, g->jad_actions.link[e], pointer, sizeof pointer), 0,
            "Joint Action Day \"%.80s\" is named by action %s alone of the loaded plans; if "
            "other actions take part in it, they spell it differently",
            g->jad_ids[k], oap_graph_action(g, an)->id);
    }
    return rc;
}
