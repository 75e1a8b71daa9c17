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

int oap_check_unknown_jad(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    const oap_model *m = g->model;
    int rc = 0;
    for (uint32_t p = 0; p < m->nplans && rc == 0; p++) {
        const oap_plan *plan = m->plans[p];
        const oap_cycle *c = plan->in_cycle;
        /* A cycle file that declares no JADs leaves them unchecked, as its other lists. */
        if (!c || !c->njads)
            continue;
        const char **ids = malloc(c->njads * sizeof *ids);
        if (!ids)
            return OAP_ENOMEM;
        for (uint32_t i = 0; i < c->njads; i++)
            ids[i] = c->jads[i].id;
        for (uint32_t i = 0; i < plan->nactions && rc == 0; i++) {
            const oap_strv *jads = &plan->actions[i].jads;
            uint32_t an = g->action_base[p] + i;
            for (uint32_t j = 0; j < jads->n && rc == 0; j++) {
                const char *id = jads->items[j];
                uint32_t at;
                if (blank(id) || named_before(jads, j) ||
                    oap_strmap_get(&g->cycle_jads[c->index], id, &at))
                    continue;
                const char *near = oap_suggest_unique(id, ids, c->njads);
                char pointer[96], hint[128] = "";
                if (near)
                    snprintf(hint, sizeof hint, "; did you mean \"%.80s\"?", near);
                rc = oap_rule_emit(ctx, an, jad_pointer(g, an, j, pointer, sizeof pointer), 0,
                                   "action %s takes part in Joint Action Day \"%.80s\", which "
                                   "cycle %s does not declare%s",
                                   plan->actions[i].id, id, c->id, hint);
            }
        }
        free(ids);
    }
    return rc;
}

/* A JAD is outside the action's window when they have no month in common: the action
 * cannot take part in days held while it does not run. */
int oap_check_jad_outside_window(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    const oap_model *m = g->model;
    int rc = 0;
    for (uint32_t p = 0; p < m->nplans && rc == 0; p++) {
        const oap_plan *plan = m->plans[p];
        const oap_cycle *c = plan->in_cycle;
        if (!c || !c->njads)
            continue;
        for (uint32_t i = 0; i < plan->nactions && rc == 0; i++) {
            const oap_strv *jads = &plan->actions[i].jads;
            uint32_t an = g->action_base[p] + i;
            oap_window w;
            if (!jads->n || !oap_graph_window(g, an, &w))
                continue;
            for (uint32_t j = 0; j < jads->n && rc == 0; j++) {
                uint32_t at;
                if (named_before(jads, j) ||
                    !oap_strmap_get(&g->cycle_jads[c->index], jads->items[j], &at))
                    continue;
                const oap_jad *jad = &c->jads[at];
                if (!jad->window.set || (jad->window.start <= w.end && w.start <= jad->window.end))
                    continue;
                char pointer[96], js[8], je[8], as[8], ae[8], held[32], runs[32];
                oap_timing_format_month(jad->window.start, js);
                oap_timing_format_month(jad->window.end, je);
                oap_timing_format_month(w.start, as);
                oap_timing_format_month(w.end, ae);
                if (jad->window.start == jad->window.end)
                    snprintf(held, sizeof held, "in %s", js);
                else
                    snprintf(held, sizeof held, "from %s to %s", js, je);
                if (w.start == w.end)
                    snprintf(runs, sizeof runs, "in %s", as);
                else
                    snprintf(runs, sizeof runs, "from %s to %s", as, ae);
                rc = oap_rule_emit(ctx, an, jad_pointer(g, an, j, pointer, sizeof pointer), 0,
                                   "action %s takes part in Joint Action Day %s, held %s, but "
                                   "the action runs %s",
                                   plan->actions[i].id, jad->id, held, runs);
            }
        }
    }
    return rc;
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
        rc = oap_rule_emit(ctx, an,
                           jad_pointer(g, an, g->jad_actions.link[e], pointer, sizeof pointer), 0,
                           "Joint Action Day \"%.80s\" is named by action %s alone of the "
                           "loaded plans; if other actions take part in it, they spell it "
                           "differently",
                           g->jad_ids[k], oap_graph_action(g, an)->id);
    }
    return rc;
}
