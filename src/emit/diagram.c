/* diagram: what one diagram shows, chosen from the graph: nodes, edges, focus, findings. */
#include "diagram.h"

#include "core/actors.h"
#include "core/array.h"
#include "core/refs.h"
#include "core/strmap.h"
#include "oapgraph/common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An edge before repeats are merged: the same two ends and kind, one source each. */
typedef struct pending {
    uint32_t a, b, aport, bport, src;
    uint8_t kind;
} pending;

typedef struct pendings {
    pending *items;
    size_t n, cap;
} pendings;

static int pend(pendings *p, uint8_t kind, uint32_t a, uint32_t aport, uint32_t b, uint32_t bport,
                uint32_t src)
{
    if (a == OAP_NONE || b == OAP_NONE)
        return 0;
    if (OAP_ARRAY_RESERVE(p->items, p->cap, p->n + 1) < 0)
        return OAP_ENOMEM;
    /* A cross-reference has no direction: one order for both. */
    if ((kind == OAP_DE_REF || kind == OAP_DE_POSSIBLE_OVERLAP) && a > b) {
        uint32_t t = a;
        a = b;
        b = t;
    }
    p->items[p->n++] = (pending){a, b, aport, bport, src, kind};
    return 0;
}

static int cmp_pending(const void *pa, const void *pb)
{
    const pending *x = pa, *y = pb;
    const uint32_t kx[6] = {x->kind, x->a, x->b, x->aport, x->bport, x->src};
    const uint32_t ky[6] = {y->kind, y->a, y->b, y->aport, y->bport, y->src};
    for (int i = 0; i < 6; i++)
        if (kx[i] != ky[i])
            return kx[i] < ky[i] ? -1 : 1;
    return 0;
}

static int same_edge(const pending *x, const pending *y)
{
    return x->kind == y->kind && x->a == y->a && x->b == y->b && x->aport == y->aport &&
           x->bport == y->bport;
}

/* Adds a view node; returns its index or OAP_NONE when out of memory. */
static uint32_t add_node(oap_diagram *d, uint32_t gnode, uint8_t kind, const char *code)
{
    if (OAP_ARRAY_RESERVE(d->nodes, d->cap, (size_t)d->nnodes + 1) < 0)
        return OAP_NONE;
    uint32_t id = d->nnodes++;
    d->nodes[id] = (oap_dnode){gnode, code, kind, OAP_ROLE_NONE, 1, -1, 0, OAP_NONE};
    if (gnode != OAP_NONE)
        d->of_gnode[gnode] = id;
    return id;
}

static uint8_t node_kind(const oap_graph *g, uint32_t v)
{
    switch (g->nodes[v].kind) {
    case OAP_NODE_PLAN:
        return OAP_DN_PLAN;
    case OAP_NODE_GOAL:
        return OAP_DN_GOAL;
    case OAP_NODE_PRIORITY:
        return OAP_DN_PRIORITY;
    default:
        return OAP_DN_ACTION;
    }
}

/* Adds the graph nodes marked in want, in graph order, phases as their actions. */
static int add_wanted(oap_diagram *d, const uint8_t *want)
{
    const oap_graph *g = d->g;
    for (uint32_t v = 0; v < g->nnodes; v++)
        if (want[v] && g->nodes[v].kind != OAP_NODE_PHASE &&
            add_node(d, v, node_kind(g, v), NULL) == OAP_NONE)
            return OAP_ENOMEM;
    for (uint32_t v = 0; v < g->nnodes; v++)
        if (g->nodes[v].kind == OAP_NODE_PHASE)
            d->of_gnode[v] = d->of_gnode[g->nodes[v].owner];
    return 0;
}

/* The view node and port of a dependency unit (an action, or a phase of one). */
static void unit_end(const oap_diagram *d, uint32_t unit, uint32_t *node, uint32_t *port)
{
    const oap_graph *g = d->g;
    *node = d->of_gnode[unit];
    *port = g->nodes[unit].kind == OAP_NODE_PHASE ? g->nodes[unit].phase + 1 : 0;
}

/* Which plan a graph node belongs to (OAP_NONE: an external priority). */
static uint32_t plan_of(const oap_graph *g, uint32_t v)
{
    return g->nodes[v].plan;
}

/* The edges one link makes, if both ends are in the view. */
static int pend_link(oap_diagram *d, pendings *p, uint32_t li)
{
    const oap_graph *g = d->g;
    const oap_link *l = &g->links[li];
    if ((l->status != OAP_LINK_RESOLVED && l->status != OAP_LINK_EXTERNAL) || l->to == OAP_NONE)
        return 0;
    uint32_t a = d->of_gnode[l->action], t = l->to;
    if (a == OAP_NONE || d->of_gnode[t] == OAP_NONE)
        return 0;
    int across = plan_of(g, t) != plan_of(g, l->action);
    if (d->kind == OAP_EMIT_VIEW_OVERLAP && !across)
        return 0;
    switch (g->nodes[t].kind) {
    case OAP_NODE_ACTION:
    case OAP_NODE_PHASE:
        if (l->list == OAP_LIST_REFS || l->status != OAP_LINK_RESOLVED)
            return pend(p, OAP_DE_REF, a, 0, d->of_gnode[t], 0, li);
        uint32_t from, fport, to, tport;
        unit_end(d, oap_graph_unit_end(g, t), &from, &fport);
        uint32_t needer = l->list == OAP_LIST_NEEDS ? oap_graph_unit_start(g, l->action)
                                                    : g->first_phase[l->action] + l->phase;
        unit_end(d, needer, &to, &tport);
        return pend(p, OAP_DE_NEED, from, fport, to, tport, li);
    case OAP_NODE_GOAL:
        if (!across || d->kind == OAP_EMIT_VIEW_OVERLAP)
            return pend(p, OAP_DE_GOALREF, a, 0, d->of_gnode[t], 0, li);
        /* Another plan's goal: in the plan view, the node of that priority. */
        return pend(p, OAP_DE_PRIORITY, a, 0, d->of_gnode[g->plan_node[plan_of(g, t)]], 0, li);
    default:
        return pend(p, OAP_DE_PRIORITY, a, 0, d->of_gnode[t], 0, li);
    }
}

/* Edges from each plan to the priorities its overlaps declare; a priority no plan
 * carries and no action links to gets a node of its own. */
static int pend_overlaps(oap_diagram *d, pendings *p)
{
    const oap_graph *g = d->g;
    const oap_model *m = g->model;
    for (uint32_t pi = 0; pi < m->nplans; pi++) {
        const oap_plan *plan = m->plans[pi];
        uint32_t from = d->of_gnode[g->plan_node[pi]];
        for (uint32_t o = 0; o < plan->noverlaps && from != OAP_NONE; o++) {
            const char *code = plan->overlaps[o].priority;
            if (!code || !*code)
                continue;
            char text[2 * OAP_REF_ID_MAX];
            uint32_t node = OAP_NONE;
            int status = OAP_LINK_UNREADABLE;
            if (strlen(code) <= OAP_REF_ID_MAX) {
                snprintf(text, sizeof text, "%s:*", code);
                status = oap_graph_resolve(g, pi, text, &node);
            }
            /* Several plans of the priority for this plan's years: an edge to each. */
            if (status == OAP_LINK_AMBIGUOUS) {
                uint32_t q;
                oap_strmap_get(&g->priorities, code, &q);
                for (; q != OAP_NONE; q = g->priority_next[q])
                    if (oap_plan_years_overlap(plan, m->plans[q]) &&
                        pend(p, OAP_DE_OVERLAP, from, 0, d->of_gnode[g->plan_node[q]], 0, o) < 0)
                        return OAP_ENOMEM;
                continue;
            }
            uint32_t to = node != OAP_NONE ? d->of_gnode[node] : OAP_NONE;
            if (to == OAP_NONE && node == OAP_NONE) {
                for (uint32_t k = 0; k < d->nnodes && to == OAP_NONE; k++)
                    if (d->nodes[k].gnode == OAP_NONE && strcmp(d->nodes[k].code, code) == 0)
                        to = k;
                if (to == OAP_NONE &&
                    (to = add_node(d, OAP_NONE, OAP_DN_PRIORITY, code)) == OAP_NONE)
                    return OAP_ENOMEM;
            }
            if (pend(p, OAP_DE_OVERLAP, from, 0, to, 0, o) < 0)
                return OAP_ENOMEM;
        }
    }
    return 0;
}

/* The two graph nodes of a pair finding (possible-overlap, linked-overlap), or 0. */
static int overlap_pair(const oap_graph *g, const oap_diag *f, uint32_t *a, uint32_t *b)
{
    uint32_t plan;
    if ((strcmp(f->rule, "possible-overlap") != 0 && strcmp(f->rule, "linked-overlap") != 0) ||
        !*f->related || !oap_strmap_get(&g->plan_ids, f->plan, &plan))
        return 0;
    return oap_graph_resolve(g, plan, f->node, a) == OAP_LINK_RESOLVED &&
           oap_graph_resolve(g, plan, f->related, b) == OAP_LINK_RESOLVED;
}

/* An edge from what each action continues to the action, when both are in the view. */
static int pend_continuations(oap_diagram *d, pendings *p)
{
    const oap_graph *g = d->g;
    for (size_t i = 0; i < g->ncontinues; i++) {
        const oap_link *l = &g->continues[i];
        int to_action = l->status == OAP_LINK_RESOLVED && g->nodes[l->to].kind == OAP_NODE_ACTION;
        if (!to_action && l->status != OAP_LINK_EXTERNAL)
            continue;
        uint32_t a = to_action ? d->of_gnode[l->to] : OAP_NONE, b = d->of_gnode[l->action];
        if (b == OAP_NONE)
            continue;
        /* An action of a plan not loaded: a small node of its own, shared by the actions
         * that continue it. */
        if (!to_action) {
            const char *code = oap_graph_action(g, l->action)->continues;
            a = OAP_NONE;
            for (uint32_t k = 0; k < d->nnodes && a == OAP_NONE; k++)
                if (d->nodes[k].kind == OAP_DN_EARLIER && strcmp(d->nodes[k].code, code) == 0)
                    a = k;
            if (a == OAP_NONE && (a = add_node(d, OAP_NONE, OAP_DN_EARLIER, code)) == OAP_NONE)
                return OAP_ENOMEM;
        }
        if (a != OAP_NONE && pend(p, OAP_DE_CONTINUES, a, 0, b, 0, (uint32_t)i) < 0)
            return OAP_ENOMEM;
    }
    return 0;
}

/* Overlap view: an edge for each pair finding, between the two actions. */
static int pend_possible_overlaps(oap_diagram *d, pendings *p, const oap_diags *findings)
{
    for (size_t i = 0; findings && i < oap_diags_count(findings); i++) {
        uint32_t a, b;
        if (overlap_pair(d->g, oap_diags_at(findings, i), &a, &b) &&
            pend(p, OAP_DE_POSSIBLE_OVERLAP, d->of_gnode[a], 0, d->of_gnode[b], 0, (uint32_t)i) < 0)
            return OAP_ENOMEM;
    }
    return 0;
}

/* The Joint Action Days the actions of the loaded plans name, as the graph indexes them
 * (oap_graph.jad_ids, jad_actions): JAD k has the id ids[k] and is named by the action
 * nodes actions[start[k] .. start[k + 1]), ascending, each once. */
typedef struct jad_index {
    const char *const *ids;
    uint32_t n;
    const uint32_t *start, *actions;
} jad_index;

static jad_index jad_index_of(const oap_graph *g)
{
    return (jad_index){g->jad_ids, g->njads, g->jad_actions.start, g->jad_actions.target};
}

/* Overlap view: whether the actions that name JAD k are of more than one plan. */
static int jad_across_plans(const jad_index *j, const oap_graph *g, uint32_t k)
{
    for (uint32_t i = j->start[k] + 1; i < j->start[k + 1]; i++)
        if (g->nodes[j->actions[i]].plan != g->nodes[j->actions[j->start[k]]].plan)
            return 1;
    return 0;
}

/* A node for each JAD that an action of the view names (in the overlap view, only those
 * that join actions of several plans), and an edge from it to each such action. */
static int pend_jads(oap_diagram *d, pendings *p, const jad_index *j)
{
    const oap_graph *g = d->g;
    for (uint32_t k = 0; k < j->n; k++) {
        if (d->kind == OAP_EMIT_VIEW_OVERLAP && !jad_across_plans(j, g, k))
            continue;
        uint32_t node = OAP_NONE;
        for (uint32_t i = j->start[k]; i < j->start[k + 1]; i++) {
            uint32_t action = d->of_gnode[j->actions[i]];
            if (action == OAP_NONE)
                continue;
            if (node == OAP_NONE &&
                (node = add_node(d, OAP_NONE, OAP_DN_JAD, j->ids[k])) == OAP_NONE)
                return OAP_ENOMEM;
            if (pend(p, OAP_DE_JAD, node, 0, action, 0, j->actions[i]) < 0)
                return OAP_ENOMEM;
        }
    }
    return 0;
}

/* Actor view: canonical code of the actor, and whether text names it. */
static const char *canonical(const char *text)
{
    const oap_actor_info *info = oap_actors_find(text);
    return info ? info->code : text;
}

static int names_actor(const oap_strv *list, const char *code)
{
    for (uint32_t i = 0; i < list->n; i++)
        if (strcmp(canonical(list->items[i]), code) == 0)
            return 1;
    return 0;
}

/* A Member State that is a member in the plan's year takes part where "All MS" does. */
static int in_all_ms(const oap_strv *list, const oap_actor_info *actor, int year)
{
    if (!actor || actor->kind != OAP_ACTOR_MEMBER_STATE || year <= 0 ||
        !oap_actor_is_member(actor, year * 12))
        return 0;
    for (uint32_t i = 0; i < list->n; i++) {
        const oap_actor_info *a = oap_actors_find(list->items[i]);
        if (a && a->kind == OAP_ACTOR_GROUP && a->group == OAP_GROUP_ALL_MS)
            return 1;
    }
    return 0;
}

static int choose_nodes(oap_diagram *d, const oap_emit_options *opts, const jad_index *jads,
                        uint8_t *want, uint8_t *role)
{
    const oap_graph *g = d->g;
    switch (d->kind) {
    case OAP_EMIT_VIEW_PLAN:
    case OAP_EMIT_VIEW_TIMELINE:
        memset(want, 1, g->nnodes);
        return 0;
    case OAP_EMIT_VIEW_OVERLAP:
        for (uint32_t pi = 0; pi < g->model->nplans; pi++)
            want[g->plan_node[pi]] = 1;
        for (size_t i = 0; opts->overlaps && i < oap_diags_count(opts->overlaps); i++) {
            uint32_t a, b;
            if (overlap_pair(g, oap_diags_at(opts->overlaps, i), &a, &b))
                want[a] = want[b] = 1;
        }
        for (size_t i = 0; i < g->nlinks; i++) {
            const oap_link *l = &g->links[i];
            if ((l->status != OAP_LINK_RESOLVED && l->status != OAP_LINK_EXTERNAL) ||
                l->to == OAP_NONE || plan_of(g, l->to) == plan_of(g, l->action))
                continue;
            want[l->action] = 1;
            want[oap_graph_action_of(g, l->to)] = 1;
        }
        /* Work carried on from one plan to the next links the two plans too, and so
         * does a Joint Action Day that actions of several plans take part in. */
        for (uint32_t v = 0; v < g->nnodes; v++)
            if (g->carries_on[v] != OAP_NONE)
                want[v] = want[g->carries_on[v]] = 1;
        for (uint32_t k = 0; k < jads->n; k++)
            if (jad_across_plans(jads, g, k))
                for (uint32_t i = jads->start[k]; i < jads->start[k + 1]; i++)
                    want[jads->actions[i]] = 1;
        return 0;
    case OAP_EMIT_VIEW_ACTOR: {
        const char *actor = opts->actor ? opts->actor : "";
        const oap_actor_info *info = oap_actors_find(actor);
        d->actor = info ? info->code : actor;
        for (uint32_t v = 0; v < g->nnodes; v++) {
            if (g->nodes[v].kind != OAP_NODE_ACTION)
                continue;
            const oap_action *a = oap_graph_action(g, v);
            int year = oap_graph_plan(g, v)->year;
            /* Its co-leaders lead it too, as on the tasking sheets. */
            if (names_actor(&a->leaders, d->actor) || names_actor(&a->coleaders, d->actor))
                role[v] = OAP_ROLE_LEADS, d->leads++;
            else if (names_actor(&a->participants, d->actor))
                role[v] = OAP_ROLE_JOINS, d->joins++;
            else if (in_all_ms(&a->participants, info, year) || in_all_ms(&a->leaders, info, year))
                role[v] = OAP_ROLE_GROUP, d->joins++;
            if (role[v]) {
                want[v] = 1;
                if (g->nodes[v].owner != OAP_NONE)
                    want[g->nodes[v].owner] = 1;
            }
        }
        if (!info && d->leads + d->joins == 0) {
            snprintf(d->message, sizeof d->message,
                     "no actor '%.100s': it is not a known actor and no action names it", actor);
            return OAP_EINVAL;
        }
        return 0;
    }
    }
    return 0;
}

/* Merges the pending edges into d->edges; srcs keeps every source in order. */
static int merge_edges(oap_diagram *d, pendings *p, uint32_t *edge_of_link)
{
    if (p->n)
        qsort(p->items, p->n, sizeof *p->items, cmp_pending);
    d->edges = malloc((p->n ? p->n : 1) * sizeof *d->edges);
    d->srcs = malloc((p->n ? p->n : 1) * sizeof *d->srcs);
    if (!d->edges || !d->srcs)
        return OAP_ENOMEM;
    const oap_graph *g = d->g;
    for (size_t i = 0; i < p->n; i++) {
        const pending *x = &p->items[i];
        oap_dedge *e;
        if (i > 0 && same_edge(x, &p->items[i - 1])) {
            e = &d->edges[d->nedges - 1];
        } else {
            e = &d->edges[d->nedges++];
            uint8_t drawn = x->kind != OAP_DE_MEMBER &&
                            (x->kind != OAP_DE_GOALREF || d->kind == OAP_EMIT_VIEW_OVERLAP);
            *e = (oap_dedge){x->a, x->b, x->aport, x->bport,    x->kind, drawn,
                             1,    0,    -1,       (uint32_t)i, 0,       OAP_NONE};
        }
        d->srcs[e->src + e->nsrc++] = x->src;
        if (x->kind == OAP_DE_OVERLAP || x->kind == OAP_DE_MEMBER ||
            x->kind == OAP_DE_POSSIBLE_OVERLAP || x->kind == OAP_DE_CONTINUES ||
            x->kind == OAP_DE_JAD)
            continue;
        edge_of_link[x->src] = (uint32_t)(e - d->edges);
        if (x->kind == OAP_DE_REF) {
            /* Listed by both ends? a is the smaller view node: compare the lister. */
            uint32_t lister = d->of_gnode[g->links[x->src].action];
            uint32_t first = d->of_gnode[g->links[d->srcs[e->src]].action];
            if (lister != first)
                e->both_ways = 1;
        }
    }
    return 0;
}

/* The nodes the focus starts from: the node the reference names; for a goal also its
 * actions, for a plan everything of that plan. */
static int focus_seeds(oap_diagram *d, const char *text, uint32_t *queue, uint32_t *nqueue)
{
    const oap_graph *g = d->g;
    uint32_t found = OAP_NONE, nfound = 0, seen[32];
    char a[160], b[160], all[320] = "";
    size_t used = 0;
    /* Unqualified (or with a priority code, over plans of several years), it may name
     * something in each plan: it must name one thing; every match is listed. */
    for (uint32_t pi = 0; pi < g->model->nplans; pi++) {
        uint32_t node;
        int status = oap_graph_resolve(g, pi, text, &node);
        if ((status != OAP_LINK_RESOLVED && status != OAP_LINK_EXTERNAL) || node == OAP_NONE)
            continue;
        /* The same node from several plans (a plan id, or "C:4.1" from 2013-B and 2013-C)
         * counts once; matches are few, so a short list of them will do. */
        uint32_t k = 0;
        while (k < nfound && k < 32 && seen[k] != node)
            k++;
        if (k < nfound)
            continue;
        if (nfound < 32)
            seen[nfound] = node;
        if (nfound++ == 0)
            found = node;
        oap_graph_name(g, node, OAP_EMIT_QUALIFIED, b, sizeof b);
        if (used + strlen(b) + 16 < sizeof all)
            used += (size_t)snprintf(all + used, sizeof all - used, "%s%s", used ? ", " : "", b);
        else if (used + 6 < sizeof all && strcmp(all + used - 3, "...") != 0)
            used += (size_t)snprintf(all + used, sizeof all - used, ", ...");
    }
    if (nfound > 1) {
        snprintf(d->message, sizeof d->message,
                 "focus '%.60s' is in %u plans (%s): qualify it, as in '%s'", text, nfound, all,
                 oap_graph_name(g, found, OAP_EMIT_QUALIFIED, a, sizeof a));
        return OAP_EINVAL;
    }
    /* A plan id or priority code alone stands for the whole plan ("2012-C" as "2012-C:*"). */
    if (found == OAP_NONE && strlen(text) <= OAP_REF_ID_MAX && !strchr(text, ':')) {
        char whole[OAP_REF_ID_MAX + 3];
        snprintf(whole, sizeof whole, "%s:*", text);
        int status = oap_graph_resolve(g, OAP_NONE, whole, &found);
        if (status != OAP_LINK_RESOLVED)
            found = OAP_NONE;
    }
    uint32_t seed = OAP_NONE;
    if (found == OAP_NONE) {
        /* A priority only a declared overlap names. */
        size_t len = strlen(text);
        for (uint32_t k = 0; k < d->nnodes; k++)
            if (d->nodes[k].kind == OAP_DN_JAD && strcmp(d->nodes[k].code, text) == 0)
                seed = k; /* a Joint Action Day, by its id */
            else if (d->nodes[k].kind == OAP_DN_PRIORITY && len > 2 &&
                     strcmp(text + len - 2, ":*") == 0 && strlen(d->nodes[k].code) == len - 2 &&
                     strncmp(d->nodes[k].code, text, len - 2) == 0)
                seed = k;
        if (seed == OAP_NONE) {
            snprintf(d->message, sizeof d->message,
                     "focus '%.100s' names no action, goal, plan or priority of the loaded plans",
                     text);
            return OAP_EINVAL;
        }
    } else {
        seed = d->of_gnode[found];
    }
    d->focus = seed;
    if (seed != OAP_NONE) {
        queue[(*nqueue)++] = seed;
        d->nodes[seed].dist = 0;
    }
    /* A goal also starts from its actions, a plan from everything of it, even where the
     * view has no node for the goal or plan itself (the actor view has no plan nodes). */
    uint8_t kind = found == OAP_NONE ? OAP_NODE_PRIORITY : g->nodes[found].kind;
    for (uint32_t k = 0; k < d->nnodes; k++) {
        uint32_t v = d->nodes[k].gnode;
        if (k == seed || v == OAP_NONE || d->nodes[k].dist == 0)
            continue;
        int in = kind == OAP_NODE_GOAL
                     ? g->nodes[v].kind == OAP_NODE_ACTION && g->nodes[v].owner == found
                 : kind == OAP_NODE_PLAN ? g->nodes[v].plan == g->nodes[found].plan
                                         : 0;
        if (in) {
            d->nodes[k].dist = 0;
            queue[(*nqueue)++] = k;
        }
    }
    if (*nqueue == 0) {
        snprintf(d->message, sizeof d->message, "focus %s is not in this view%s",
                 oap_graph_name(g, found, OAP_NONE, a, sizeof a),
                 d->kind == OAP_EMIT_VIEW_OVERLAP ? ": it has no link across plans"
                 : d->kind == OAP_EMIT_VIEW_ACTOR ? ": the actor has no part in it"
                                                  : "");
        return OAP_EINVAL;
    }
    return 0;
}

/* Breadth-first from the seeds over every edge of the view, both ways; iterative. */
static int apply_focus(oap_diagram *d, const char *text, unsigned depth)
{
    int rc = OAP_ENOMEM;
    uint32_t n = d->nnodes;
    uint32_t *start = calloc((size_t)n + 1, sizeof *start);
    uint32_t *adj = malloc(((size_t)d->nedges * 2 + 1) * sizeof *adj);
    uint32_t *queue = malloc(((size_t)n + 1) * sizeof *queue);
    if (!start || !adj || !queue)
        goto done;
    for (uint32_t i = 0; i < d->nedges; i++) {
        start[d->edges[i].a + 1]++;
        start[d->edges[i].b + 1]++;
    }
    for (uint32_t v = 0; v < n; v++)
        start[v + 1] += start[v];
    uint32_t *fill = queue; /* reused before the search */
    memcpy(fill, start, (size_t)n * sizeof *fill);
    for (uint32_t i = 0; i < d->nedges; i++) {
        adj[fill[d->edges[i].a]++] = d->edges[i].b;
        adj[fill[d->edges[i].b]++] = d->edges[i].a;
    }
    for (uint32_t v = 0; v < n; v++)
        d->nodes[v].dist = UINT32_MAX;
    uint32_t head = 0, tail = 0;
    if ((rc = focus_seeds(d, text, queue, &tail)) < 0)
        goto done;
    while (head < tail) {
        uint32_t v = queue[head++];
        if (d->nodes[v].dist >= depth)
            continue;
        for (uint32_t i = start[v]; i < start[v + 1]; i++)
            if (d->nodes[adj[i]].dist == UINT32_MAX) {
                d->nodes[adj[i]].dist = d->nodes[v].dist + 1;
                queue[tail++] = adj[i];
            }
    }
    for (uint32_t v = 0; v < n; v++)
        d->nodes[v].shown = d->nodes[v].dist <= depth;
    /* A goal whose actions are shown is shown: it is their cluster. */
    const oap_graph *g = d->g;
    for (uint32_t v = 0; v < n; v++) {
        uint32_t gv = d->nodes[v].gnode;
        if (d->nodes[v].shown && gv != OAP_NONE && g->nodes[gv].kind == OAP_NODE_ACTION &&
            g->nodes[gv].owner != OAP_NONE && d->of_gnode[g->nodes[gv].owner] != OAP_NONE)
            d->nodes[d->of_gnode[g->nodes[gv].owner]].shown = 1;
    }
    for (uint32_t i = 0; i < d->nedges; i++)
        d->edges[i].shown = d->nodes[d->edges[i].a].shown && d->nodes[d->edges[i].b].shown;
    rc = 0;
done:
    free(start);
    free(adj);
    free(queue);
    return rc;
}

/* Places each finding on the edge of the link its pointer names, else on the node it is
 * about, else on its plan's node; findings about what the view does not show are left. */
static int place_findings(oap_diagram *d, const oap_diags *diags, const uint32_t *edge_of_link)
{
    const oap_graph *g = d->g;
    size_t n = oap_diags_count(diags);
    uint32_t *first_link = malloc(((size_t)g->nnodes + 1) * sizeof *first_link);
    d->findings = malloc((n ? n : 1) * sizeof *d->findings);
    if (!first_link || !d->findings) {
        free(first_link);
        return OAP_ENOMEM;
    }
    for (uint32_t v = 0; v <= g->nnodes; v++)
        first_link[v] = OAP_NONE;
    for (size_t i = g->nlinks; i-- > 0;)
        first_link[g->links[i].action] = (uint32_t)i;
    for (size_t i = 0; i < n; i++) {
        const oap_diag *diag = oap_diags_at(diags, i);
        uint32_t plan, node = OAP_NONE, target = OAP_NONE;
        if (!diag->plan || !oap_strmap_get(&g->plan_ids, diag->plan, &plan))
            continue;
        int8_t *sev = NULL;
        uint32_t *head = NULL;
        if (diag->node && *diag->node)
            oap_graph_resolve(g, plan, diag->node, &node);
        /* A finding about one item of a refs or needs list: the link whose pointer it is. */
        if (node != OAP_NONE && diag->pointer && strncmp(diag->pointer, "/actions/", 9) == 0) {
            uint32_t an = oap_graph_action_of(g, node);
            char pointer[96];
            for (uint32_t li = first_link[an];
                 li != OAP_NONE && li < g->nlinks && g->links[li].action == an; li++)
                if (strcmp(oap_graph_link_pointer(g, &g->links[li], pointer, sizeof pointer),
                           diag->pointer) == 0)
                    target = edge_of_link[li];
            if (target != OAP_NONE && d->edges[target].drawn && d->edges[target].shown) {
                sev = &d->edges[target].severity;
                head = &d->edges[target].finding;
            }
        }
        if (!head) {
            if (node == OAP_NONE || d->of_gnode[node] == OAP_NONE)
                node = g->plan_node[plan];
            uint32_t k = d->of_gnode[node];
            if (k == OAP_NONE || !d->nodes[k].shown)
                continue;
            sev = &d->nodes[k].severity;
            head = &d->nodes[k].finding;
        }
        if ((int)diag->severity > *sev && diag->severity != OAP_SEVERITY_OFF)
            *sev = (int8_t)diag->severity;
        /* Appended, so tooltips list findings in the order held (sorted by location). */
        uint32_t f = d->nfindings++;
        d->findings[f] = (oap_dfinding){diag, OAP_NONE};
        uint32_t *at = head;
        while (*at != OAP_NONE)
            at = &d->findings[*at].next;
        *at = f;
    }
    free(first_link);
    return 0;
}

int oap_emit__diagram_build(oap_diagram *d, const oap_graph *g, const oap_emit_options *opts)
{
    memset(d, 0, sizeof *d);
    d->g = g;
    d->kind = opts->view;
    d->focus = OAP_NONE;
    pendings p = {0};
    jad_index jads = jad_index_of(g);
    uint8_t *want = calloc((size_t)g->nnodes + 1, 1);
    uint8_t *role = calloc((size_t)g->nnodes + 1, 1);
    uint32_t *edge_of_link = malloc((g->nlinks + 1) * sizeof *edge_of_link);
    d->of_gnode = malloc(((size_t)g->nnodes + 1) * sizeof *d->of_gnode);
    int rc = OAP_ENOMEM;
    if (!want || !role || !edge_of_link || !d->of_gnode)
        goto done;
    for (uint32_t v = 0; v < g->nnodes; v++)
        d->of_gnode[v] = OAP_NONE;
    for (size_t i = 0; i < g->nlinks; i++)
        edge_of_link[i] = OAP_NONE;
    if ((rc = choose_nodes(d, opts, &jads, want, role)) < 0 || (rc = add_wanted(d, want)) < 0)
        goto done;
    for (uint32_t k = 0; k < d->nnodes; k++)
        if (d->nodes[k].gnode != OAP_NONE)
            d->nodes[k].role = role[d->nodes[k].gnode];
    rc = OAP_ENOMEM;
    for (size_t i = 0; i < g->nlinks; i++)
        if (pend_link(d, &p, (uint32_t)i) < 0)
            goto done;
    if (d->kind != OAP_EMIT_VIEW_ACTOR && pend_overlaps(d, &p) < 0)
        goto done;
    if (pend_continuations(d, &p) < 0 || pend_jads(d, &p, &jads) < 0)
        goto done;
    d->overlaps = opts->overlaps;
    if (d->kind == OAP_EMIT_VIEW_OVERLAP && pend_possible_overlaps(d, &p, opts->overlaps) < 0)
        goto done;
    if (d->kind != OAP_EMIT_VIEW_OVERLAP)
        for (uint32_t v = 0; v < g->nnodes; v++)
            if (g->nodes[v].kind == OAP_NODE_ACTION && g->nodes[v].owner != OAP_NONE &&
                pend(&p, OAP_DE_MEMBER, d->of_gnode[g->nodes[v].owner], 0, d->of_gnode[v], 0,
                     OAP_NONE) < 0)
                goto done;
    if ((rc = merge_edges(d, &p, edge_of_link)) < 0)
        goto done;
    if (opts->focus && (rc = apply_focus(d, opts->focus, opts->depth)) < 0)
        goto done;
    if (opts->findings && (rc = place_findings(d, opts->findings, edge_of_link)) < 0)
        goto done;
    rc = 0;
done:
    free(p.items);
    free(want);
    free(role);
    free(edge_of_link);
    return rc;
}

void oap_emit__diagram_free(oap_diagram *d)
{
    free(d->nodes);
    free(d->of_gnode);
    free(d->edges);
    free(d->srcs);
    free(d->findings);
    memset(d, 0, sizeof *d);
}

const char *oap_emit__diagram_name(const oap_diagram *d, uint32_t node, uint32_t from_plan,
                                   char *buf, size_t size)
{
    const oap_dnode *n = &d->nodes[node];
    if (n->gnode != OAP_NONE)
        return oap_graph_name(d->g, n->gnode, from_plan, buf, size);
    snprintf(buf, size, n->kind == OAP_DN_PRIORITY ? "%.100s:*" : "%.100s", n->code);
    return buf;
}
