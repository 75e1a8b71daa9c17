/* graph: all loaded plans as one graph; node ids 0..n-1 and compact adjacency arrays. */
#include "graph.h"

#include "core/array.h"
#include "core/refs.h"
#include "load/planset.h"
#include "core/timing.h"
#include "oapgraph/common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Everything the graph allocates besides its arrays: normalised ids, external names. */
typedef struct graph_impl {
    oap_graph g;
    oap_arena arena;
    oap_strmap ext_map;
    size_t ext_cap;
    /* Per node: its window, read once from its timing text (several rules and the
     * overlap index ask for it); has_window[v] is 1 when it has one. */
    oap_window *windows;
    uint8_t *has_window;
} graph_impl;

int oap_edges_add(oap_edges *e, uint32_t from, uint32_t to, uint32_t link)
{
    if (OAP_ARRAY_RESERVE(e->items, e->cap, e->n + 1) < 0)
        return OAP_ENOMEM;
    e->items[e->n++] = (oap_edge){from, to, link};
    return 0;
}

static int cmp_edge(const void *pa, const void *pb)
{
    const oap_edge *a = pa, *b = pb;
    if (a->from != b->from)
        return a->from < b->from ? -1 : 1;
    if (a->to != b->to)
        return a->to < b->to ? -1 : 1;
    /* A written need sorts before the implied phase order, so it is the one kept. */
    return a->link < b->link ? -1 : a->link > b->link;
}

/* Rows sorted by target, repeats dropped. Counting sort by source keeps this linear but
 * for the sort within rows, which are short. */
int oap_csr_build(oap_csr *c, uint32_t n, const oap_edges *e)
{
    c->start = calloc((size_t)n + 1, sizeof *c->start);
    c->target = malloc((e->n ? e->n : 1) * sizeof *c->target);
    c->link = malloc((e->n ? e->n : 1) * sizeof *c->link);
    oap_edge *sorted = malloc((e->n ? e->n : 1) * sizeof *sorted);
    if (!c->start || !c->target || !c->link || !sorted) {
        free(sorted);
        return OAP_ENOMEM;
    }
    for (size_t i = 0; i < e->n; i++)
        c->start[e->items[i].from + 1]++;
    for (uint32_t v = 0; v < n; v++)
        c->start[v + 1] += c->start[v];
    uint32_t *fill = malloc(((size_t)n + 1) * sizeof *fill);
    if (!fill) {
        free(sorted);
        return OAP_ENOMEM;
    }
    memcpy(fill, c->start, ((size_t)n + 1) * sizeof *fill);
    for (size_t i = 0; i < e->n; i++)
        sorted[fill[e->items[i].from]++] = e->items[i];
    free(fill);
    uint32_t w = 0;
    for (uint32_t v = 0; v < n; v++) {
        uint32_t lo = c->start[v], hi = c->start[v + 1];
        if (hi - lo > 1)
            qsort(sorted + lo, hi - lo, sizeof *sorted, cmp_edge);
        c->start[v] = w;
        for (uint32_t i = lo; i < hi; i++) {
            if (i > lo && sorted[i].to == sorted[i - 1].to)
                continue;
            c->target[w] = sorted[i].to;
            c->link[w] = sorted[i].link;
            w++;
        }
    }
    c->start[n] = w;
    free(sorted);
    return 0;
}

void oap_csr_free(oap_csr *c)
{
    free(c->start);
    free(c->target);
    free(c->link);
}

/* Goal ids are compared as the reference grammar normalises them: "SG 1" is "SG1". */
static const char *goal_key(oap_arena *a, const char *id)
{
    oap_ref r;
    if (oap_ref_parse(id, &r, NULL) == 0 && r.kind == OAP_REF_NODE && !r.qualifier[0] &&
        !r.phase[0])
        return oap_arena_strdup(a, r.target);
    return id;
}

static uint32_t external_node(graph_impl *gi, const char *qualifier)
{
    oap_graph *g = &gi->g;
    uint32_t item;
    if (oap_strmap_get(&gi->ext_map, qualifier, &item))
        return g->nnodes - g->next + item;
    return OAP_NONE;
}

/* Adds a node for an external priority, once per qualifier. */
static int add_external(graph_impl *gi, const char *qualifier, uint32_t *node)
{
    oap_graph *g = &gi->g;
    uint32_t found = external_node(gi, qualifier);
    if (found != OAP_NONE) {
        *node = found;
        return 0;
    }
    if (g->next == gi->ext_cap) {
        /* The names grow with the externals' nodes, which come after every other node. */
        size_t cap = oap_array_next_cap(gi->ext_cap, (size_t)g->next + 1);
        size_t total = (size_t)g->nnodes + cap - g->next;
        char **names = oap_array_resize(g->ext_names, cap, sizeof *names);
        if (names)
            g->ext_names = names;
        oap_node *nodes = oap_array_resize(g->nodes, total, sizeof *nodes);
        if (nodes)
            g->nodes = nodes;
        uint32_t *first = oap_array_resize(g->first_phase, total, sizeof *first);
        if (first)
            g->first_phase = first;
        if (!names || !nodes || !first)
            return OAP_ENOMEM;
        gi->ext_cap = cap;
    }
    char *name = oap_arena_strdup(&gi->arena, qualifier);
    if (!name || oap_strmap_put(&gi->ext_map, name, g->next, NULL) < 0)
        return OAP_ENOMEM;
    g->ext_names[g->next] = name;
    *node = g->nnodes;
    g->first_phase[g->nnodes] = OAP_NONE;
    g->nodes[g->nnodes++] = (oap_node){OAP_NODE_PRIORITY, OAP_NONE, g->next, 0, OAP_NONE};
    g->next++;
    return 0;
}

/* Whether plan q of a priority is one a qualifier written in plan `plan` can mean. */
static int in_scope(const oap_graph *g, uint32_t plan, uint32_t q, oap_scope scope)
{
    if (plan == OAP_NONE || scope == OAP_SCOPE_ANY)
        return 1;
    const oap_plan *from = g->model->plans[plan], *to = g->model->plans[q];
    if (scope == OAP_SCOPE_YEARS)
        return oap_plan_years_overlap(from, to);
    if (q == plan)
        return 0;
    return !from->first_year || !to->first_year || to->last_year == from->first_year - 1;
}

size_t oap_graph_priority_plans(const oap_graph *g, uint32_t plan, const char *code,
                                oap_scope scope, uint32_t *out, size_t max)
{
    uint32_t q;
    size_t n = 0;
    if (!oap_strmap_get(&g->priorities, code, &q))
        return 0;
    for (; q != OAP_NONE; q = g->priority_next[q])
        if (in_scope(g, plan, q, scope)) {
            if (n < max)
                out[n] = q;
            n++;
        }
    return n;
}

uint32_t oap_graph_next_plan(const oap_graph *g, uint32_t plan)
{
    const oap_plan *p = g->model->plans[plan];
    uint32_t q;
    if (!p->first_year || !oap_strmap_get(&g->priorities, p->priority, &q))
        return OAP_NONE;
    for (; q != OAP_NONE; q = g->priority_next[q])
        if (g->model->plans[q]->first_year == p->last_year + 1)
            return q;
    return OAP_NONE;
}

/* Resolves a parsed reference; external priorities are looked up, not created. A
 * continuation without a qualifier means the plan of its own priority before it. */
static int resolve_ref(const oap_graph *g, uint32_t plan, const oap_ref *r, oap_scope scope,
                       const char **ext, uint32_t *node)
{
    *node = OAP_NONE;
    *ext = NULL;
    uint32_t target_plan = plan;
    const char *qualifier = r->qualifier;
    if (!qualifier[0] && scope == OAP_SCOPE_BEFORE && plan != OAP_NONE)
        qualifier = g->model->plans[plan]->priority;
    if (qualifier[0]) {
        uint32_t p;
        if (oap_strmap_get(&g->plan_ids, qualifier, &p)) {
            target_plan = p;
        } else if (oap_strmap_get(&g->priorities, qualifier, &p)) {
            size_t n = oap_graph_priority_plans(g, plan, qualifier, scope, &target_plan, 1);
            if (n > 1)
                return OAP_LINK_AMBIGUOUS;
            if (n == 0) {
                *ext = qualifier;
                return OAP_LINK_EXTERNAL;
            }
        } else {
            *ext = qualifier;
            return OAP_LINK_EXTERNAL;
        }
    }
    if (target_plan == OAP_NONE)
        return OAP_LINK_DANGLING;
    if (r->kind == OAP_REF_PRIORITY) {
        *node = g->plan_node[target_plan];
        return OAP_LINK_RESOLVED;
    }
    uint32_t idx;
    int goal_first = oap_ref_is_goal_id(r->target);
    if (goal_first && oap_strmap_get(&g->goal_ids[target_plan], r->target, &idx)) {
        *node = g->goal_base[target_plan] + idx;
        return OAP_LINK_RESOLVED;
    }
    if (oap_strmap_get(&g->action_ids[target_plan], r->target, &idx)) {
        uint32_t a = g->action_base[target_plan] + idx;
        if (!r->phase[0]) {
            *node = a;
            return OAP_LINK_RESOLVED;
        }
        const oap_action *act = &g->model->plans[target_plan]->actions[idx];
        for (uint32_t k = 0; k < act->nphases; k++)
            if (strcmp(act->phases[k].id, r->phase) == 0) {
                *node = g->first_phase[a] + k;
                return OAP_LINK_RESOLVED;
            }
        return OAP_LINK_DANGLING;
    }
    if (!goal_first && !r->phase[0] && oap_strmap_get(&g->goal_ids[target_plan], r->target, &idx)) {
        *node = g->goal_base[target_plan] + idx;
        return OAP_LINK_RESOLVED;
    }
    return OAP_LINK_DANGLING;
}

int oap_graph_resolve(const oap_graph *g, uint32_t plan, const char *text, uint32_t *node)
{
    oap_ref r;
    *node = OAP_NONE;
    if (oap_ref_parse(text, &r, NULL) < 0)
        return OAP_LINK_UNREADABLE;
    const char *ext;
    int status = resolve_ref(g, plan, &r, OAP_SCOPE_YEARS, &ext, node);
    if (status == OAP_LINK_EXTERNAL) {
        uint32_t item;
        const graph_impl *gi = (const graph_impl *)g;
        if (oap_strmap_get(&gi->ext_map, ext, &item))
            *node = g->nnodes - g->next + item;
    }
    return status;
}

uint32_t oap_graph_action_of(const oap_graph *g, uint32_t node)
{
    return g->nodes[node].kind == OAP_NODE_PHASE ? g->nodes[node].owner : node;
}

uint32_t oap_graph_unit_end(const oap_graph *g, uint32_t node)
{
    if (g->nodes[node].kind != OAP_NODE_ACTION || g->first_phase[node] == OAP_NONE)
        return node;
    return g->first_phase[node] + oap_graph_action(g, node)->nphases - 1;
}

uint32_t oap_graph_unit_start(const oap_graph *g, uint32_t node)
{
    if (g->nodes[node].kind != OAP_NODE_ACTION || g->first_phase[node] == OAP_NONE)
        return node;
    return g->first_phase[node];
}

const oap_plan *oap_graph_plan(const oap_graph *g, uint32_t node)
{
    uint32_t p = g->nodes[node].plan;
    return p == OAP_NONE ? NULL : g->model->plans[p];
}

const oap_action *oap_graph_action(const oap_graph *g, uint32_t node)
{
    node = oap_graph_action_of(g, node);
    if (g->nodes[node].kind != OAP_NODE_ACTION)
        return NULL;
    return &g->model->plans[g->nodes[node].plan]->actions[g->nodes[node].item];
}

const oap_goal *oap_graph_goal(const oap_graph *g, uint32_t node)
{
    if (g->nodes[node].kind != OAP_NODE_GOAL)
        return NULL;
    return &g->model->plans[g->nodes[node].plan]->goals[g->nodes[node].item];
}

const oap_phase *oap_graph_phase(const oap_graph *g, uint32_t node)
{
    if (g->nodes[node].kind != OAP_NODE_PHASE)
        return NULL;
    return &oap_graph_action(g, node)->phases[g->nodes[node].phase];
}

const char *oap_graph_node_pointer(const oap_graph *g, uint32_t node, const char *key, char *buf,
                                   size_t size)
{
    const char *slash = key && *key ? "/" : "";
    const char *k = key ? key : "";
    switch (g->nodes[node].kind) {
    case OAP_NODE_ACTION:
        snprintf(buf, size, "/actions/%u%s%s", oap_graph_action(g, node)->at, slash, k);
        break;
    case OAP_NODE_PHASE:
        snprintf(buf, size, "/actions/%u/phases/%u%s%s", oap_graph_action(g, node)->at,
                 oap_graph_phase(g, node)->at, slash, k);
        break;
    case OAP_NODE_GOAL:
        snprintf(buf, size, "/goals/%u%s%s", oap_graph_goal(g, node)->at, slash, k);
        break;
    default:
        snprintf(buf, size, "/plan%s%s", slash, k);
        break;
    }
    return buf;
}

const char *oap_graph_link_pointer(const oap_graph *g, const oap_link *l, char *buf, size_t size)
{
    const oap_action *a = oap_graph_action(g, l->action);
    if (l->list == OAP_LIST_CONTINUES) {
        snprintf(buf, size, "/actions/%u/continues", a->at);
    } else if (l->list == OAP_LIST_PHASE_NEEDS) {
        const oap_phase *ph = &a->phases[l->phase];
        snprintf(buf, size, "/actions/%u/phases/%u/needs/%u", a->at, ph->at,
                 oap_strv_at(&ph->needs, l->item));
    } else {
        const oap_strv *list = l->list == OAP_LIST_REFS ? &a->refs : &a->needs;
        snprintf(buf, size, "/actions/%u/%s/%u", a->at, l->list == OAP_LIST_REFS ? "refs" : "needs",
                 oap_strv_at(list, l->item));
    }
    return buf;
}

/* Months an action or phase runs: its "window", else what its timing reads as in its
 * plan's years; an action with phases and no timing of its own, from its first phase's
 * start to its last's end. */
/* The window of a unit as its timing reads (see oap_graph_window). */
static int read_window(const oap_graph *g, uint32_t unit, oap_window *w)
{
    const oap_plan *p = oap_graph_plan(g, unit);
    const oap_month_span *span;
    const char *timing;
    if (g->nodes[unit].kind == OAP_NODE_PHASE) {
        span = &oap_graph_phase(g, unit)->window;
        timing = oap_graph_phase(g, unit)->timing;
    } else if (g->nodes[unit].kind == OAP_NODE_ACTION) {
        span = &oap_graph_action(g, unit)->window;
        timing = oap_graph_action(g, unit)->timing;
    } else {
        return 0;
    }
    if (span->set) {
        *w = (oap_window){span->start, span->end};
        return 1;
    }
    if (timing && p->first_year > 0 &&
        oap_timing_read_years(timing, p->first_year, p->last_year, w, NULL))
        return 1;
    /* An action with phases and no timing of its own runs from its first to its last. */
    uint32_t first = g->first_phase[unit];
    if (g->nodes[unit].kind != OAP_NODE_ACTION || first == OAP_NONE)
        return 0;
    int found = 0;
    for (uint32_t k = 0; k < oap_graph_action(g, unit)->nphases; k++) {
        oap_window pw;
        if (!read_window(g, first + k, &pw))
            continue;
        if (!found || pw.start < w->start)
            w->start = pw.start;
        if (!found || pw.end > w->end)
            w->end = pw.end;
        found = 1;
    }
    return found;
}

int oap_graph_window(const oap_graph *g, uint32_t unit, oap_window *w)
{
    const graph_impl *gi = (const graph_impl *)g;
    if (unit >= g->nnodes || !gi->has_window[unit])
        return 0;
    *w = gi->windows[unit];
    return 1;
}

/* Reads every unit's window once. */
static int build_windows(graph_impl *gi)
{
    oap_graph *g = &gi->g;
    gi->windows = malloc(((size_t)g->nnodes + 1) * sizeof *gi->windows);
    gi->has_window = calloc((size_t)g->nnodes + 1, 1);
    if (!gi->windows || !gi->has_window)
        return OAP_ENOMEM;
    for (uint32_t v = 0; v < g->nnodes; v++)
        if (g->nodes[v].kind == OAP_NODE_ACTION || g->nodes[v].kind == OAP_NODE_PHASE)
            gi->has_window[v] = (uint8_t)read_window(g, v, &gi->windows[v]);
    return 0;
}

/* Appends at most max bytes of s to the text of logical length len in buf, cut at
 * size - 1 bytes as snprintf cuts; returns the new logical length. Names are made for
 * every finding: no printf. */
static size_t append(char *buf, size_t size, size_t len, const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    if (len + 1 < size)
        memcpy(buf + len, s, n < size - 1 - len ? n : size - 1 - len);
    return len + n;
}

const char *oap_graph_name(const oap_graph *g, uint32_t node, uint32_t from, char *buf, size_t size)
{
    const oap_node *n = &g->nodes[node];
    size_t len = 0;
    if (n->kind == OAP_NODE_PRIORITY) {
        len = append(buf, size, len, g->ext_names[n->item], SIZE_MAX);
        len = append(buf, size, len, ":*", 2);
    } else {
        const oap_plan *p = g->model->plans[n->plan];
        int prefix = from != OAP_NONE && n->plan != from;
        if (prefix) {
            len = append(buf, size, len, p->id, 70);
            len = append(buf, size, len, ":", 1);
        }
        switch (n->kind) {
        case OAP_NODE_PLAN:
            len = append(buf, size, len, prefix ? "*" : p->id, SIZE_MAX);
            break;
        case OAP_NODE_GOAL:
            len = append(buf, size, len, p->goals[n->item].id, SIZE_MAX);
            break;
        case OAP_NODE_ACTION:
            len = append(buf, size, len, p->actions[n->item].id, SIZE_MAX);
            break;
        case OAP_NODE_PHASE: {
            const oap_action *a = oap_graph_action(g, node);
            len = append(buf, size, len, a->id, SIZE_MAX);
            len = append(buf, size, len, "#", 1);
            len = append(buf, size, len, a->phases[n->phase].id, SIZE_MAX);
            break;
        }
        default:
            break;
        }
    }
    if (size > 0)
        buf[len < size ? len : size - 1] = '\0';
    return buf;
}

static int add_link(oap_graph *g, size_t *cap, oap_link link)
{
    if (OAP_ARRAY_RESERVE(g->links, *cap, (size_t)g->nlinks + 1) < 0)
        return OAP_ENOMEM;
    g->links[g->nlinks++] = link;
    return 0;
}

/* Reads text as a reference written in plan and resolves it under scope into l: its
 * status, target and, when it cannot be read, where. An external priority gets a node of
 * its own when external_node is set. A resolved target that is the action itself is
 * SELF. 0 or OAP_ENOMEM. */
static int resolve_text(graph_impl *gi, uint32_t plan, const char *text, oap_scope scope,
                        int external_node, oap_link *l)
{
    oap_graph *g = &gi->g;
    oap_ref r;
    oap_ref_error err;
    const char *ext;
    if (oap_ref_parse(text, &r, &err) < 0) {
        l->status = OAP_LINK_UNREADABLE;
        l->detail = (uint16_t)(err.offset > UINT16_MAX ? UINT16_MAX : err.offset);
        return 0;
    }
    l->status = (uint8_t)resolve_ref(g, plan, &r, scope, &ext, &l->to);
    if (l->status == OAP_LINK_EXTERNAL && external_node && add_external(gi, ext, &l->to) < 0)
        return OAP_ENOMEM;
    if (l->status != OAP_LINK_RESOLVED)
        return 0;
    int self = l->list == OAP_LIST_PHASE_NEEDS
                   ? oap_graph_unit_end(g, l->to) == g->first_phase[l->action] + l->phase
                   : oap_graph_action_of(g, l->to) == l->action;
    if (self)
        l->status = OAP_LINK_SELF;
    return 0;
}

/* Resolves one list of one action into links. */
static int link_list(graph_impl *gi, size_t *cap, uint32_t plan, uint32_t action,
                     const oap_strv *list, oap_list kind, uint32_t phase)
{
    oap_graph *g = &gi->g;
    for (uint32_t j = 0; j < list->n; j++) {
        oap_link l = {action, OAP_NONE, j, phase, (uint8_t)kind, OAP_LINK_RESOLVED, 0};
        if (resolve_text(gi, plan, list->items[j], OAP_SCOPE_YEARS, 1, &l) < 0 ||
            add_link(g, cap, l) < 0)
            return OAP_ENOMEM;
    }
    return 0;
}

/* Resolves "continues" of every action that has it: a priority qualifier (or none) means
 * the plan of that priority whose years end the year before this plan starts. */
static int build_continues(graph_impl *gi)
{
    oap_graph *g = &gi->g;
    const oap_model *m = g->model;
    size_t cap = 0;
    for (uint32_t p = 0; p < m->nplans; p++) {
        const oap_plan *plan = m->plans[p];
        for (uint32_t i = 0; i < plan->nactions; i++) {
            const char *text = plan->actions[i].continues;
            if (!text)
                continue;
            uint32_t an = g->action_base[p] + i;
            oap_link l = {an, OAP_NONE, 0, 0, OAP_LIST_CONTINUES, OAP_LINK_RESOLVED, 0};
            /* An earlier plan not loaded gets no node: its action is all that is named. */
            if (resolve_text(gi, p, text, OAP_SCOPE_BEFORE, 0, &l) < 0)
                return OAP_ENOMEM;
            if (OAP_ARRAY_RESERVE(g->continues, cap, g->ncontinues + 1) < 0)
                return OAP_ENOMEM;
            g->continues[g->ncontinues++] = l;
        }
    }
    return 0;
}

/* carries_on and carried_on_by, from the continuations that name an action. */
static int build_carry_over(oap_graph *g)
{
    oap_edges back = {0};
    int rc = OAP_ENOMEM;
    g->carries_on = malloc(((size_t)g->nnodes + 1) * sizeof *g->carries_on);
    if (!g->carries_on)
        goto done;
    for (uint32_t v = 0; v < g->nnodes; v++)
        g->carries_on[v] = OAP_NONE;
    for (size_t i = 0; i < g->ncontinues; i++) {
        const oap_link *l = &g->continues[i];
        if (l->status != OAP_LINK_RESOLVED || g->nodes[l->to].kind != OAP_NODE_ACTION)
            continue;
        g->carries_on[l->action] = l->to;
        if (oap_edges_add(&back, l->to, l->action, (uint32_t)i) < 0)
            goto done;
    }
    rc = oap_csr_build(&g->carried_on_by, g->nnodes, &back);
done:
    free(back.items);
    return rc;
}

/* Whether an id is blank: empty or spaces only. */
static int blank_id(const char *id)
{
    return id[strspn(id, " \t\r\n")] == '\0';
}

/* jad_ids, jad_index and jad_actions, from every action's "jads". */
static int build_jads(oap_graph *g)
{
    const oap_model *m = g->model;
    oap_edges named = {0};
    size_t cap = 0;
    int rc = OAP_ENOMEM;
    for (uint32_t p = 0; p < m->nplans; p++) {
        const oap_plan *plan = m->plans[p];
        for (uint32_t i = 0; i < plan->nactions; i++) {
            const oap_strv *jads = &plan->actions[i].jads;
            for (uint32_t j = 0; j < jads->n; j++) {
                const char *id = jads->items[j];
                uint32_t k;
                if (blank_id(id))
                    continue;
                int put = oap_strmap_put(&g->jad_index, id, g->njads, &k);
                if (put < 0)
                    goto done;
                if (put) {
                    if (OAP_ARRAY_RESERVE(g->jad_ids, cap, (size_t)g->njads + 1) < 0)
                        goto done;
                    k = g->njads;
                    g->jad_ids[g->njads++] = id;
                }
                if (oap_edges_add(&named, k, g->action_base[p] + i, j) < 0)
                    goto done;
            }
        }
    }
    rc = oap_csr_build(&g->jad_actions, g->njads, &named);
done:
    free(named.items);
    return rc;
}

/* cycle_priorities, cycle_goals and cycle_jads, from every loaded cycle file. */
static int build_cycles(oap_graph *g)
{
    const oap_model *m = g->model;
    size_t n = m->ncycles ? m->ncycles : 1;
    g->cycle_priorities = calloc(n, sizeof *g->cycle_priorities);
    g->cycle_goals = calloc(n, sizeof *g->cycle_goals);
    g->cycle_jads = calloc(n, sizeof *g->cycle_jads);
    if (!g->cycle_priorities || !g->cycle_goals || !g->cycle_jads)
        return OAP_ENOMEM;
    for (size_t c = 0; c < m->ncycles; c++) {
        const oap_cycle *cy = m->cycles[c];
        for (uint32_t i = 0; i < cy->npriorities; i++)
            if (oap_strmap_put(&g->cycle_priorities[c], cy->priorities[i].code, i, NULL) < 0)
                return OAP_ENOMEM;
        for (uint32_t i = 0; i < cy->ncommon_goals; i++)
            if (oap_strmap_put(&g->cycle_goals[c], cy->common_goals[i].id, i, NULL) < 0)
                return OAP_ENOMEM;
        for (uint32_t i = 0; i < cy->njads; i++)
            if (oap_strmap_put(&g->cycle_jads[c], cy->jads[i].id, i, NULL) < 0)
                return OAP_ENOMEM;
    }
    return 0;
}

static int count_nodes(oap_graph *g, const oap_model *m)
{
    size_t n = 0;
    for (size_t p = 0; p < m->nplans; p++) {
        const oap_plan *plan = m->plans[p];
        n += 1 + (size_t)plan->ngoals + plan->nactions;
        for (uint32_t i = 0; i < plan->nactions; i++)
            n += plan->actions[i].nphases;
    }
    if (n >= OAP_NONE / 2)
        return OAP_ELIMIT;
    g->nnodes = (uint32_t)n;
    return 0;
}

static int build_nodes(graph_impl *gi)
{
    oap_graph *g = &gi->g;
    const oap_model *m = g->model;
    size_t np = m->nplans ? m->nplans : 1;
    g->nodes = malloc(((size_t)g->nnodes + 16) * sizeof *g->nodes);
    gi->ext_cap = 16;
    g->first_phase = malloc(((size_t)g->nnodes + 16) * sizeof *g->first_phase);
    g->plan_node = malloc(np * sizeof *g->plan_node);
    g->goal_base = malloc(np * sizeof *g->goal_base);
    g->action_base = malloc(np * sizeof *g->action_base);
    g->priority_next = malloc(np * sizeof *g->priority_next);
    g->goal_ids = calloc(np, sizeof *g->goal_ids);
    g->action_ids = calloc(np, sizeof *g->action_ids);
    g->ext_names = malloc(16 * sizeof *g->ext_names);
    /* Scratch: the end so far of each priority's chain of plans, by its first plan. */
    uint32_t *last = malloc(np * sizeof *last);
    int rc = OAP_ENOMEM;
    if (!g->nodes || !g->first_phase || !g->plan_node || !g->goal_base || !g->action_base ||
        !g->priority_next || !g->goal_ids || !g->action_ids || !g->ext_names || !last)
        goto done;

    uint32_t v = 0;
    for (uint32_t p = 0; p < m->nplans; p++) {
        const oap_plan *plan = m->plans[p];
        uint32_t first;
        if (oap_strmap_put(&g->plan_ids, plan->id, p, NULL) < 0)
            goto done;
        int put = oap_strmap_put(&g->priorities, plan->priority, p, &first);
        if (put < 0)
            goto done;
        /* Plans of one priority are chained in load order. */
        g->priority_next[p] = OAP_NONE;
        if (put == 0)
            g->priority_next[last[first]] = p;
        last[put ? p : first] = p;
        g->plan_node[p] = v;
        g->first_phase[v] = OAP_NONE;
        g->nodes[v++] = (oap_node){OAP_NODE_PLAN, p, 0, 0, OAP_NONE};
        g->goal_base[p] = v;
        for (uint32_t i = 0; i < plan->ngoals; i++) {
            const char *key = goal_key(&gi->arena, plan->goals[i].id);
            if (!key || oap_strmap_put(&g->goal_ids[p], key, i, NULL) < 0)
                goto done;
            g->first_phase[v] = OAP_NONE;
            g->nodes[v++] = (oap_node){OAP_NODE_GOAL, p, i, 0, g->plan_node[p]};
        }
        g->action_base[p] = v;
        for (uint32_t i = 0; i < plan->nactions; i++) {
            const oap_action *a = &plan->actions[i];
            uint32_t goal = OAP_NONE;
            const char *key = goal_key(&gi->arena, a->goal);
            uint32_t gidx;
            if (!key || oap_strmap_put(&g->action_ids[p], a->id, i, NULL) < 0)
                goto done;
            if (oap_strmap_get(&g->goal_ids[p], key, &gidx))
                goal = g->goal_base[p] + gidx;
            g->nodes[v++] = (oap_node){OAP_NODE_ACTION, p, i, 0, goal};
        }
        for (uint32_t i = 0; i < plan->nactions; i++) {
            const oap_action *a = &plan->actions[i];
            uint32_t an = g->action_base[p] + i;
            g->first_phase[an] = a->nphases ? v : OAP_NONE;
            for (uint32_t k = 0; k < a->nphases; k++) {
                g->first_phase[v] = OAP_NONE;
                g->nodes[v++] = (oap_node){OAP_NODE_PHASE, p, i, k, an};
            }
        }
    }
    rc = 0;
done:
    free(last);
    return rc;
}

static int build_links(graph_impl *gi)
{
    oap_graph *g = &gi->g;
    const oap_model *m = g->model;
    size_t cap = 0;
    for (uint32_t p = 0; p < m->nplans; p++) {
        const oap_plan *plan = m->plans[p];
        for (uint32_t i = 0; i < plan->nactions; i++) {
            const oap_action *a = &plan->actions[i];
            uint32_t an = g->action_base[p] + i;
            if (link_list(gi, &cap, p, an, &a->refs, OAP_LIST_REFS, 0) < 0 ||
                link_list(gi, &cap, p, an, &a->needs, OAP_LIST_NEEDS, 0) < 0)
                return OAP_ENOMEM;
            for (uint32_t k = 0; k < a->nphases; k++)
                if (link_list(gi, &cap, p, an, &a->phases[k].needs, OAP_LIST_PHASE_NEEDS, k) < 0)
                    return OAP_ENOMEM;
        }
    }
    return 0;
}

/* needs between dependency units, and refs between actions and what they name. */
static int build_edges(oap_graph *g)
{
    oap_edges needs = {0}, refs = {0};
    int rc = OAP_ENOMEM;
    for (size_t i = 0; i < g->nlinks; i++) {
        const oap_link *l = &g->links[i];
        if (l->status != OAP_LINK_RESOLVED && l->status != OAP_LINK_EXTERNAL)
            continue;
        uint32_t target = oap_graph_action_of(g, l->to);
        if (oap_edges_add(&refs, l->action, target, (uint32_t)i) < 0)
            goto done;
        if (l->list == OAP_LIST_REFS || l->status != OAP_LINK_RESOLVED)
            continue;
        uint8_t kind = g->nodes[l->to].kind;
        if (kind != OAP_NODE_ACTION && kind != OAP_NODE_PHASE)
            continue; /* a need of a goal or plan is a finding, not a dependency */
        uint32_t from = l->list == OAP_LIST_NEEDS ? oap_graph_unit_start(g, l->action)
                                                  : g->first_phase[l->action] + l->phase;
        if (oap_edges_add(&needs, from, oap_graph_unit_end(g, l->to), (uint32_t)i) < 0)
            goto done;
    }
    for (uint32_t v = 0; v < g->nnodes; v++)
        if (g->nodes[v].kind == OAP_NODE_PHASE && g->nodes[v].phase > 0 &&
            oap_edges_add(&needs, v, v - 1, OAP_NONE) < 0)
            goto done;
    if (oap_csr_build(&g->needs, g->nnodes, &needs) < 0 ||
        oap_csr_build(&g->refs, g->nnodes, &refs) < 0)
        goto done;
    for (size_t i = 0; i < refs.n; i++) {
        uint32_t t = refs.items[i].from;
        refs.items[i].from = refs.items[i].to;
        refs.items[i].to = t;
    }
    if (oap_csr_build(&g->refs_in, g->nnodes, &refs) < 0)
        goto done;
    rc = 0;
done:
    free(needs.items);
    free(refs.items);
    return rc;
}

int oap_graph_build(oap_graph **out, const oap_model *model)
{
    *out = NULL;
    graph_impl *gi = calloc(1, sizeof *gi);
    if (!gi)
        return OAP_ENOMEM;
    oap_graph *g = &gi->g;
    g->model = model;
    int rc = count_nodes(g, model);
    if (rc == 0)
        rc = build_nodes(gi);
    if (rc == 0)
        rc = build_links(gi);
    if (rc == 0)
        rc = build_continues(gi);
    if (rc == 0)
        rc = build_edges(g);
    if (rc == 0)
        rc = build_carry_over(g);
    if (rc == 0)
        rc = build_jads(g);
    if (rc == 0)
        rc = build_cycles(g);
    if (rc == 0)
        rc = build_windows(gi);
    if (rc < 0) {
        oap_graph_free(g);
        return rc;
    }
    *out = g;
    return 0;
}

void oap_graph_free(oap_graph *g)
{
    if (!g)
        return;
    graph_impl *gi = (graph_impl *)g;
    free(gi->windows);
    free(gi->has_window);
    for (size_t p = 0; g->goal_ids && p < g->model->nplans; p++) {
        oap_strmap_free(&g->goal_ids[p]);
        oap_strmap_free(&g->action_ids[p]);
    }
    free(g->goal_ids);
    free(g->action_ids);
    oap_strmap_free(&g->plan_ids);
    oap_strmap_free(&g->priorities);
    oap_strmap_free(&gi->ext_map);
    free(g->priority_next);
    free(g->continues);
    free(g->carries_on);
    oap_csr_free(&g->carried_on_by);
    for (size_t c = 0; g->cycle_jads && c < g->model->ncycles; c++) {
        oap_strmap_free(&g->cycle_priorities[c]);
        oap_strmap_free(&g->cycle_goals[c]);
        oap_strmap_free(&g->cycle_jads[c]);
    }
    free(g->cycle_priorities);
    free(g->cycle_goals);
    free(g->cycle_jads);
    free(g->jad_ids);
    oap_csr_free(&g->jad_actions);
    oap_strmap_free(&g->jad_index);
    free(g->nodes);
    free(g->first_phase);
    free(g->plan_node);
    free(g->goal_base);
    free(g->action_base);
    free(g->ext_names);
    free(g->links);
    oap_csr_free(&g->needs);
    oap_csr_free(&g->refs);
    oap_csr_free(&g->refs_in);
    oap_arena_free(&gi->arena);
    free(gi);
}

int oap_planset_graph(oap_graph **out, const oap_planset *set)
{
    return oap_graph_build(out, oap_planset_model(set));
}

size_t oap_graph_node_count(const oap_graph *g)
{
    return g->nnodes;
}

const char *oap_graph_node_name(const oap_graph *g, uint32_t node, char *buf, size_t size)
{
    if (node >= g->nnodes) {
        if (size)
            buf[0] = '\0';
        return buf;
    }
    return oap_graph_name(g, node, OAP_NONE - 1, buf, size);
}
