/* refs: the reference rules: unreadable, dangling, external, ambiguous, self, duplicate,
 * one-way, undeclared mentions and undeclared overlaps. */
#include "rules.h"

#include "core/refs.h"
#include "core/strmap.h"
#include "oapgraph/common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The text of a link as written in the plan. */
static const char *link_text(const oap_graph *g, const oap_link *l)
{
    const oap_action *a = oap_graph_action(g, l->action);
    if (l->list == OAP_LIST_CONTINUES)
        return a->continues;
    const oap_strv *list = l->list == OAP_LIST_REFS    ? &a->refs
                           : l->list == OAP_LIST_NEEDS ? &a->needs
                                                       : &a->phases[l->phase].needs;
    return list->items[l->item];
}

/* "action 2.1" or "phase 1 of action 2.1": who wrote the list. */
static const char *list_owner(const oap_graph *g, const oap_link *l, char *buf, size_t size)
{
    const oap_action *a = oap_graph_action(g, l->action);
    if (l->list == OAP_LIST_PHASE_NEEDS)
        snprintf(buf, size, "phase %s of action %s", a->phases[l->phase].id, a->id);
    else
        snprintf(buf, size, "action %s", a->id);
    return buf;
}

static const char *verb(const oap_link *l)
{
    return l->list == OAP_LIST_REFS        ? "refers to"
           : l->list == OAP_LIST_CONTINUES ? "continues"
                                           : "needs";
}

/* Runs fn on every link with the given status (in refs and needs; with continuations,
 * on those of "continues" too). */
static int each_link_of(oap_rule_ctx *ctx, int status, int continuations,
                        int (*fn)(oap_rule_ctx *ctx, const oap_link *l, const char *pointer))
{
    const oap_graph *g = ctx->graph;
    char pointer[96];
    for (size_t i = 0; i < g->nlinks + (continuations ? g->ncontinues : 0); i++) {
        const oap_link *l = i < g->nlinks ? &g->links[i] : &g->continues[i - g->nlinks];
        if (l->status != status)
            continue;
        int rc = fn(ctx, l, oap_graph_link_pointer(g, l, pointer, sizeof pointer));
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int each_link(oap_rule_ctx *ctx, int status,
                     int (*fn)(oap_rule_ctx *ctx, const oap_link *l, const char *pointer))
{
    return each_link_of(ctx, status, 0, fn);
}

/* What a priority qualifier of a link can mean: its scope. */
static oap_scope scope_of(const oap_link *l)
{
    return l->list == OAP_LIST_CONTINUES ? OAP_SCOPE_BEFORE : OAP_SCOPE_YEARS;
}

/* "2012-B and 2013-B" (the plans, in load order), into buf; returns buf. */
static const char *plan_list(const oap_graph *g, const uint32_t *plans, size_t n, char *buf,
                             size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && used + 80 < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s%.60s",
                                 i == 0       ? ""
                                 : i + 1 == n ? " and "
                                              : ", ",
                                 g->model->plans[plans[i]]->id);
    return buf;
}

static int bad_ref(oap_rule_ctx *ctx, const oap_link *l, const char *pointer)
{
    const char *text = link_text(ctx->graph, l);
    oap_ref r;
    oap_ref_error err = {0, ""};
    oap_ref_parse(text, &r, &err);
    return oap_rule_emit(
        ctx, l->action, pointer, err.offset,
        "cannot read \"%.80s\" as a reference: %s (at character %zu); write "
        "one reference per item, such as \"SG2\", \"2.1\", \"2.1#1\", \"F:3.1\" or "
        "\"B:*\"",
        text, err.message, err.offset + 1);
}

int oap_check_bad_ref(oap_rule_ctx *ctx)
{
    return each_link(ctx, OAP_LINK_UNREADABLE, bad_ref);
}

/* The plan a reference points into, for messages: its qualifier or the own plan. */
static int dangling(oap_rule_ctx *ctx, const oap_link *l, const char *pointer)
{
    const oap_graph *g = ctx->graph;
    const char *text = link_text(g, l);
    char owner[160];
    oap_ref r = {0};
    uint32_t plan = g->nodes[l->action].plan;
    if (oap_ref_parse(text, &r, NULL) == 0 && r.qualifier[0]) {
        uint32_t p;
        if (oap_strmap_get(&g->plan_ids, r.qualifier, &p) ||
            oap_graph_priority_plans(g, plan, r.qualifier, scope_of(l), &p, 1) == 1)
            plan = p;
    }
    const oap_plan *target = g->model->plans[plan];
    if (r.phase[0]) {
        uint32_t idx;
        if (oap_strmap_get(&g->action_ids[plan], r.target, &idx))
            return oap_rule_emit(ctx, l->action, pointer, 0,
                                 "%s %s %s, but action %s of plan %s has no phase \"%s\"",
                                 list_owner(g, l, owner, sizeof owner), verb(l), text, r.target,
                                 target->id, r.phase);
    }
    return oap_rule_emit(ctx, l->action, pointer, 0, "%s %s %s, which plan %s does not have",
                         list_owner(g, l, owner, sizeof owner), verb(l), text, target->id);
}

int oap_check_dangling_ref(oap_rule_ctx *ctx)
{
    return each_link(ctx, OAP_LINK_DANGLING, dangling);
}

/* A priority no loaded plan carries; or, when plans of it for other years are loaded,
 * none for the years the reference means, which the message names. */
static int external(oap_rule_ctx *ctx, const oap_link *l, const char *pointer)
{
    const oap_graph *g = ctx->graph;
    oap_ref r;
    const char *priority;
    if (l->list != OAP_LIST_CONTINUES) {
        priority = g->ext_names[g->nodes[l->to].item];
    } else {
        /* A continuation names no node: its qualifier, or the plan's own priority. */
        oap_ref_parse(link_text(g, l), &r, NULL);
        priority = r.qualifier[0] ? r.qualifier : oap_graph_plan(g, l->action)->priority;
    }
    char owner[160], plans[256], years[24];
    uint32_t loaded[8];
    size_t n = oap_graph_priority_plans(g, OAP_NONE, priority, OAP_SCOPE_ANY, loaded, 8);
    if (n == 0 && l->list == OAP_LIST_CONTINUES)
        return oap_rule_emit(ctx, l->action, pointer, 0,
                             "%s %s %s: no loaded plan has the id or priority %s; load that plan "
                             "to check what is carried on",
                             list_owner(g, l, owner, sizeof owner), verb(l), link_text(g, l),
                             priority);
    if (n == 0)
        return oap_rule_emit(ctx, l->action, pointer, 0,
                             "%s %s %s: no loaded plan carries priority %s; load its plan to "
                             "check this reference",
                             list_owner(g, l, owner, sizeof owner), verb(l), link_text(g, l),
                             priority);
    const oap_plan *own = oap_graph_plan(g, l->action);
    if (l->list == OAP_LIST_CONTINUES) {
        snprintf(years, sizeof years, "%d", own->first_year - 1);
        return oap_rule_emit(ctx, l->action, pointer, 0,
                             "%s %s %s: priority %s: %s %s loaded, but no plan of %s ending in "
                             "%s; load it, or name the plan by its id",
                             list_owner(g, l, owner, sizeof owner), verb(l), link_text(g, l),
                             priority, plan_list(g, loaded, n < 8 ? n : 8, plans, sizeof plans),
                             n == 1 ? "is" : "are", priority, years);
    }
    return oap_rule_emit(ctx, l->action, pointer, 0,
                         "%s %s %s: priority %s: %s %s loaded, but no plan of %s for %s; load "
                         "it to check this reference",
                         list_owner(g, l, owner, sizeof owner), verb(l), link_text(g, l), priority,
                         plan_list(g, loaded, n < 8 ? n : 8, plans, sizeof plans),
                         n == 1 ? "is" : "are", priority,
                         oap_plan_years_text(own, years, sizeof years));
}

int oap_check_external_ref(oap_rule_ctx *ctx)
{
    return each_link_of(ctx, OAP_LINK_EXTERNAL, 1, external);
}

static int ambiguous(oap_rule_ctx *ctx, const oap_link *l, const char *pointer)
{
    const oap_graph *g = ctx->graph;
    const char *text = link_text(g, l);
    oap_ref r;
    char plans[256] = "";
    uint32_t found[8];
    if (oap_ref_parse(text, &r, NULL) == 0) {
        const char *priority =
            r.qualifier[0] ? r.qualifier : oap_graph_plan(g, l->action)->priority;
        size_t n =
            oap_graph_priority_plans(g, g->nodes[l->action].plan, priority, scope_of(l), found, 8);
        plan_list(g, found, n < 8 ? n : 8, plans, sizeof plans);
        if (!r.qualifier[0])
            snprintf(r.qualifier, sizeof r.qualifier, "%s", priority);
    }
    char owner[160];
    return oap_rule_emit(ctx, l->action, pointer, 0,
                         "%s %s %s, but priority %s is carried by %s; qualify it with a plan id",
                         list_owner(g, l, owner, sizeof owner), verb(l), text, r.qualifier, plans);
}

int oap_check_ambiguous_ref(oap_rule_ctx *ctx)
{
    return each_link_of(ctx, OAP_LINK_AMBIGUOUS, 1, ambiguous);
}

static int self(oap_rule_ctx *ctx, const oap_link *l, const char *pointer)
{
    const oap_graph *g = ctx->graph;
    char owner[160];
    if (l->list == OAP_LIST_PHASE_NEEDS)
        return oap_rule_emit(ctx, l->action, pointer, 0, "%s needs itself (%s)",
                             list_owner(g, l, owner, sizeof owner), link_text(g, l));
    return oap_rule_emit(ctx, l->action, pointer, 0, "%s lists itself (%s) in its %s",
                         list_owner(g, l, owner, sizeof owner), link_text(g, l),
                         l->list == OAP_LIST_REFS ? "refs" : "needs");
}

int oap_check_self_ref(oap_rule_ctx *ctx)
{
    return each_link(ctx, OAP_LINK_SELF, self);
}

/* The same target twice in one list: a reference that resolves is compared by what it
 * names ("2.1", "C:2.1" and "2012-C:2.1" in plan 2012-C are one target), any other in
 * normal form ("SG 2" is "SG2"). */
int oap_check_duplicate_ref(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    oap_arena scratch = OAP_ARENA_INIT;
    int rc = 0;
    size_t i = 0;
    while (i < g->nlinks && rc == 0) {
        size_t end = i;
        const oap_link *first = &g->links[i];
        while (end < g->nlinks && g->links[end].action == first->action &&
               g->links[end].list == first->list && g->links[end].phase == first->phase)
            end++;
        oap_strmap seen = OAP_STRMAP_INIT;
        for (size_t k = i; k < end && rc == 0; k++) {
            const oap_link *l = &g->links[k];
            oap_ref r;
            char norm[3 * OAP_REF_ID_MAX + 8], key_text[3 * OAP_REF_ID_MAX + 24];
            if (oap_ref_parse(link_text(g, l), &r, NULL) < 0)
                continue;
            oap_ref_format(&r, norm, sizeof norm);
            if (l->status == OAP_LINK_RESOLVED || l->status == OAP_LINK_SELF)
                snprintf(key_text, sizeof key_text, "#node %u", l->to);
            else
                snprintf(key_text, sizeof key_text, "%s", norm);
            const char *key = oap_arena_strdup(&scratch, key_text);
            uint32_t before;
            int put = key ? oap_strmap_put(&seen, key, (uint32_t)(k - i), &before) : OAP_ENOMEM;
            if (put < 0) {
                rc = put;
            } else if (put == 0) {
                char owner[160], pointer[96];
                rc = oap_rule_emit(
                    ctx, l->action, oap_graph_link_pointer(g, l, pointer, sizeof pointer), 0,
                    "%s lists %s twice in its %s (items %u and %u)",
                    list_owner(g, l, owner, sizeof owner), norm,
                    l->list == OAP_LIST_REFS ? "refs" : "needs", before + 1, l->item + 1);
            }
        }
        oap_strmap_free(&seen);
        i = end;
    }
    oap_arena_free(&scratch);
    return rc;
}

/* Binary search in a sorted CSR row. */
static int row_has(const oap_csr *c, uint32_t v, uint32_t target)
{
    uint32_t lo = c->start[v], hi = c->start[v + 1];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c->target[mid] == target)
            return 1;
        if (c->target[mid] < target)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

int oap_check_one_way_ref(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    for (uint32_t a = 0; a < g->nnodes; a++) {
        if (g->nodes[a].kind != OAP_NODE_ACTION)
            continue;
        for (uint32_t e = g->refs.start[a]; e < g->refs.start[a + 1]; e++) {
            uint32_t b = g->refs.target[e];
            if (g->nodes[b].kind != OAP_NODE_ACTION || b == a || row_has(&g->refs, b, a))
                continue;
            const oap_link *l = &g->links[g->refs.link[e]];
            /* A need runs one way by nature: it asks for no reference back. (A row keeps
             * the first link that made it: refs come before needs, so a target both
             * referred to and needed is still a reference.) */
            if (l->list != OAP_LIST_REFS)
                continue;
            char pointer[96], an[160], bn[160], back[160];
            oap_graph_name(g, a, g->nodes[a].plan, an, sizeof an);
            oap_graph_name(g, b, g->nodes[a].plan, bn, sizeof bn);
            oap_graph_name(g, a, g->nodes[b].plan, back, sizeof back);
            int rc = oap_rule_emit(ctx, a, oap_graph_link_pointer(g, l, pointer, sizeof pointer), 0,
                                   "action %s %s action %s, but %s does not refer back to %s", an,
                                   verb(l), bn, bn, back);
            if (rc < 0)
                return rc;
        }
    }
    return 0;
}

typedef struct mention_ctx {
    oap_rule_ctx *rule;
    uint32_t action;
    const char *field;
    char seen[8][OAP_REF_ID_MAX + 1]; /* mentions already reported for this action */
    int nseen;
    int rc;
} mention_ctx;

static void on_mention(void *vctx, const char *id, size_t offset)
{
    mention_ctx *m = vctx;
    const oap_graph *g = m->rule->graph;
    uint32_t plan = g->nodes[m->action].plan, idx;
    if (m->rc < 0 || !oap_strmap_get(&g->action_ids[plan], id, &idx))
        return;
    uint32_t b = g->action_base[plan] + idx;
    if (b == m->action || row_has(&g->refs, m->action, b))
        return;
    for (int i = 0; i < m->nseen; i++)
        if (strcmp(m->seen[i], id) == 0)
            return;
    if (m->nseen < 8)
        snprintf(m->seen[m->nseen++], sizeof m->seen[0], "%s", id);
    char pointer[96];
    const oap_action *a = oap_graph_action(g, m->action);
    char key[96];
    snprintf(key, sizeof key, "%s:%s", m->field, id);
    m->rule->key = key;
    m->rc = oap_rule_emit(m->rule, m->action,
                          oap_graph_node_pointer(g, m->action, m->field, pointer, sizeof pointer),
                          offset,
                          "action %s mentions Action %s in its %s, but neither its refs nor its "
                          "needs list %s",
                          a->id, id, m->field, id);
    m->rule->key = NULL;
}

int oap_check_undeclared_mention(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    for (uint32_t a = 0; a < g->nnodes; a++) {
        if (g->nodes[a].kind != OAP_NODE_ACTION)
            continue;
        const oap_action *act = oap_graph_action(g, a);
        mention_ctx m = {.rule = ctx, .action = a};
        const char *fields[] = {"title", "description", "timing"};
        const char *texts[] = {act->title, act->description, act->timing};
        for (int f = 0; f < 3 && m.rc == 0; f++) {
            if (!texts[f])
                continue;
            m.field = fields[f];
            oap_refs_find_mentions(texts[f], on_mention, &m);
        }
        if (m.rc < 0)
            return m.rc;
    }
    return 0;
}

/* The priority code a resolved or external link points into, or NULL for its own. */
static const char *link_priority(const oap_graph *g, const oap_link *l)
{
    if (l->status == OAP_LINK_EXTERNAL)
        return g->ext_names[g->nodes[l->to].item];
    const oap_plan *own = oap_graph_plan(g, l->action);
    const oap_plan *target = oap_graph_plan(g, l->to);
    if (!target || strcmp(target->priority, own->priority) == 0)
        return NULL;
    return target->priority;
}

int oap_check_undeclared_overlap(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    /* One finding per action and priority: the first link that names it. */
    const char *reported[32];
    size_t nreported = 0;
    uint32_t current = OAP_NONE;
    for (size_t i = 0; i < g->nlinks; i++) {
        const oap_link *l = &g->links[i];
        if (l->action != current) {
            current = l->action;
            nreported = 0;
        }
        if (l->status != OAP_LINK_RESOLVED && l->status != OAP_LINK_EXTERNAL)
            continue;
        const char *priority = link_priority(g, l);
        if (!priority)
            continue;
        const oap_plan *own = oap_graph_plan(g, l->action);
        int known = 0;
        for (uint32_t k = 0; k < own->noverlaps && !known; k++)
            known = strcmp(own->overlaps[k].priority, priority) == 0;
        for (size_t k = 0; k < nreported && !known; k++)
            known = strcmp(reported[k], priority) == 0;
        if (known)
            continue;
        if (nreported < sizeof reported / sizeof reported[0])
            reported[nreported++] = priority;
        char owner[160], pointer[96];
        int rc = oap_rule_emit(
            ctx, l->action, oap_graph_link_pointer(g, l, pointer, sizeof pointer), 0,
            "%s %s %s in priority %s, which plan %s does not declare in its "
            "\"overlaps\"",
            list_owner(g, l, owner, sizeof owner), verb(l), link_text(g, l), priority, own->id);
        if (rc < 0)
            return rc;
    }
    return 0;
}

int oap_check_need_target(oap_rule_ctx *ctx)
{
    const oap_graph *g = ctx->graph;
    for (size_t i = 0; i < g->nlinks; i++) {
        const oap_link *l = &g->links[i];
        if (l->list == OAP_LIST_REFS ||
            (l->status != OAP_LINK_RESOLVED && l->status != OAP_LINK_EXTERNAL))
            continue;
        const char *what = NULL;
        if (l->status == OAP_LINK_EXTERNAL) {
            oap_ref r;
            if (oap_ref_parse(link_text(g, l), &r, NULL) == 0 && r.kind == OAP_REF_PRIORITY)
                what = "a whole priority";
        } else if (g->nodes[l->to].kind == OAP_NODE_GOAL) {
            what = "a strategic goal";
        } else if (g->nodes[l->to].kind == OAP_NODE_PLAN) {
            what = "a whole plan";
        }
        if (!what)
            continue;
        char owner[160], pointer[96];
        int rc =
            oap_rule_emit(ctx, l->action, oap_graph_link_pointer(g, l, pointer, sizeof pointer), 0,
                          "%s needs %s, %s; needs name the actions or phases whose outcome "
                          "is used (list goals and priorities in refs)",
                          list_owner(g, l, owner, sizeof owner), link_text(g, l), what);
        if (rc < 0)
            return rc;
    }
    return 0;
}
