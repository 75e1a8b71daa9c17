/* ignore: x-oapgraph-ignore, the rules whose findings a plan says not to report on a node. */
#include "rules.h"

#include "core/arena.h"
#include "core/strbuf.h"
#include "core/strmap.h"
#include "oapgraph/common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IGNORE_KEY "x-oapgraph-ignore"

/* A node with an x-oapgraph-ignore list: an action or a goal of a plan. */
typedef struct ignoring {
    const oap_plan *plan;
    const char *kind; /* "action", "goal" */
    const char *id;
    const char *list; /* "actions" or "goals": where the node stands in its file */
    uint32_t at;
    const oap_strv *ignore;
    unsigned char *used; /* one a rule of the list */
} ignoring;

typedef struct ignores {
    ignoring *nodes;
    size_t n;
    oap_strmap by_key; /* "file\x1fplan\x1fnode" -> index in nodes */
    oap_arena keys;
    oap_strbuf key;
} ignores;

static const char *key_of(oap_strbuf *b, const char *file, const char *plan, const char *node,
                          size_t node_len)
{
    oap_strbuf_reset(b);
    oap_strbuf_printf(b, "%s\x1f%s\x1f", file, plan);
    oap_strbuf_putn(b, node, node_len);
    return b->oom ? NULL : oap_strbuf_str(b);
}

static int add_node(ignores *g, const oap_plan *p, const char *kind, const char *list, uint32_t at,
                    const char *id, const oap_strv *ignore)
{
    if (!ignore->n)
        return 0;
    const char *k = key_of(&g->key, p->file, p->id, id, strlen(id));
    char *kept = k ? oap_arena_strdup(&g->keys, k) : NULL;
    unsigned char *used = oap_arena_alloc(&g->keys, ignore->n);
    if (!kept || !used)
        return OAP_ENOMEM;
    memset(used, 0, ignore->n);
    int rc = oap_strmap_put(&g->by_key, kept, (uint32_t)g->n, NULL);
    if (rc < 0)
        return rc;
    if (rc == 0) /* a duplicate id: duplicate-id says so; the first node's list counts */
        return 0;
    g->nodes[g->n++] = (ignoring){p, kind, id, list, at, ignore, used};
    return 0;
}

/* Whether finding d is one that node list of g says not to report; marks the entry used. */
static int ignored(ignores *g, const oap_diag *d)
{
    if (!d->node[0])
        return 0;
    const oap_rule_info *rule = oap_rule_find(d->rule);
    if (!rule || rule->always)
        return 0;
    /* A phase's finding ("2.1#1") is on its action. */
    const char *k = key_of(&g->key, d->file, d->plan, d->node, strcspn(d->node, "#"));
    uint32_t i;
    if (!k || !oap_strmap_get(&g->by_key, k, &i))
        return 0;
    ignoring *n = &g->nodes[i];
    int hit = 0;
    for (uint32_t r = 0; r < n->ignore->n; r++)
        if (strcmp(n->ignore->items[r], d->rule) == 0) {
            n->used[r] = 1;
            hit = 1;
        }
    return hit;
}

static int keep_finding(const oap_diag *d, void *ctx)
{
    return !ignored(ctx, d);
}

/* The ids a list may name: every rule of the registry. */
static const char *nearest_rule(const char *id)
{
    const oap_rule_info *near = oap_rule_nearest(id);
    return near ? near->id : NULL;
}

/* An entry of n's list that suppressed nothing: unused-ignore, at the entry. */
static int report_unused(oap_diags *diags, const ignoring *n, uint32_t r, oap_severity sev)
{
    char pointer[96];
    snprintf(pointer, sizeof pointer, "/%s/%u/" IGNORE_KEY "/%u", n->list, n->at,
             oap_strv_at(n->ignore, r));
    const char *id = n->ignore->items[r];
    oap_where w = {.file = n->plan->file,
                   .file_index = n->plan->file_index,
                   .pointer = pointer,
                   .plan = n->plan->id,
                   .node = n->id,
                   .key = id};
    const oap_rule_info *rule = oap_rule_find(id);
    if (!rule) {
        const char *near = nearest_rule(id);
        return oap_diags_add(diags, "unused-ignore", sev, &w,
                             IGNORE_KEY " of %s %s lists \"%s\", which is no rule%s%s%s", n->kind,
                             n->id, id, near ? "; did you mean \"" : "", near ? near : "",
                             near ? "\"?" : "");
    }
    if (rule->always)
        return oap_diags_add(diags, "unused-ignore", sev, &w,
                             IGNORE_KEY " of %s %s lists \"%s\", which cannot be ignored: what "
                                        "cannot be read as a plan is always reported",
                             n->kind, n->id, id);
    return oap_diags_add(diags, "unused-ignore", sev, &w,
                         IGNORE_KEY " of %s %s lists \"%s\", but %s has no %s finding to leave "
                                    "out; remove it",
                         n->kind, n->id, id, n->id, id);
}

int oap_check__apply_ignores(const oap_model *m, oap_diags *diags, oap_severity unused)
{
    size_t total = 0;
    for (size_t p = 0; p < m->nplans; p++)
        total += m->plans[p]->nactions + m->plans[p]->ngoals;
    ignores g = {.by_key = OAP_STRMAP_INIT, .keys = OAP_ARENA_INIT, .key = OAP_STRBUF_INIT};
    int rc = 0;
    if (!(g.nodes = malloc((total ? total : 1) * sizeof *g.nodes)))
        return OAP_ENOMEM;
    for (size_t p = 0; p < m->nplans && rc == 0; p++) {
        const oap_plan *plan = m->plans[p];
        for (uint32_t i = 0; i < plan->ngoals && rc == 0; i++)
            rc = add_node(&g, plan, "goal", "goals", plan->goals[i].at, plan->goals[i].id,
                          &plan->goals[i].ignore);
        for (uint32_t i = 0; i < plan->nactions && rc == 0; i++)
            rc = add_node(&g, plan, "action", "actions", plan->actions[i].at, plan->actions[i].id,
                          &plan->actions[i].ignore);
    }
    if (rc == 0 && g.n) {
        oap_diags_filter(diags, keep_finding, &g);
        if (g.key.oom)
            rc = OAP_ENOMEM;
    }
    for (size_t i = 0; i < g.n && rc == 0 && unused != OAP_SEVERITY_OFF; i++)
        for (uint32_t r = 0; r < g.nodes[i].ignore->n && rc == 0; r++)
            if (!g.nodes[i].used[r])
                rc = report_unused(diags, &g.nodes[i], r, unused);
    free(g.nodes);
    oap_strmap_free(&g.by_key);
    oap_arena_free(&g.keys);
    oap_strbuf_free(&g.key);
    return rc;
}
