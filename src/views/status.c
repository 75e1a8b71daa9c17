/* status: the monitoring roll-up: actions by last status, KPIs against targets, missing reports. */
#include "status.h"

#include "jsonw.h"
#include "views.h"

#include "core/array.h"
#include "core/strbuf.h"
#include "core/strmap.h"
#include "core/text.h"
#include "core/timing.h"
#include "oapgraph/common.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const state_ids[OAP_STATUS_STATES] = {"planned",  "ongoing",       "completed",
                                                         "continue", "not-completed", "cancelled",
                                                         "unclear",  "no-report"};

static const char *const role_ids[] = {"", "leader", "co-leader"};

const char *oap_status_state_id(oap_status_state state)
{
    return (unsigned)state < OAP_STATUS_STATES ? state_ids[state] : NULL;
}

/* A state as text and Markdown say it. */
static const char *state_words(unsigned state)
{
    return state == OAP_STATUS_NO_REPORT ? "no report" : state_ids[state];
}

static uint8_t state_of(const char *status)
{
    if (!status)
        return OAP_STATUS_NO_REPORT;
    for (uint8_t i = 0; i < OAP_STATUS_NO_REPORT; i++)
        if (strcmp(status, state_ids[i]) == 0)
            return i;
    return OAP_STATUS_UNCLEAR; /* the loader keeps no other word */
}

/* "2024-06" into buf; returns buf. */
static const char *month_text(int month, char buf[8])
{
    oap_timing_format_month(month, buf);
    return buf;
}

static int cmp_int(const void *pa, const void *pb)
{
    int a = *(const int *)pa, b = *(const int *)pb;
    return a < b ? -1 : a > b;
}

/* Appends the months any action of plan p reported, earliest first. seen has a byte per
 * month from base on, all 0 before and after. */
static int plan_rounds(oap_status *st, uint32_t p, unsigned char *seen, int base)
{
    const oap_plan *plan = st->g->model->plans[p];
    size_t first = st->nrounds;
    for (uint32_t i = 0; i < plan->nactions; i++) {
        const oap_action *a = &plan->actions[i];
        for (uint32_t r = 0; r < a->nrounds; r++) {
            int m = a->rounds[r].month;
            if (seen[m - base])
                continue;
            if (OAP_ARRAY_RESERVE(st->rounds, st->rounds_cap, st->nrounds + 1) < 0)
                return OAP_ENOMEM;
            seen[m - base] = 1;
            st->rounds[st->nrounds++] = m;
        }
    }
    for (size_t k = first; k < st->nrounds; k++)
        seen[st->rounds[k] - base] = 0;
    if (st->nrounds - first > 1) /* st->rounds is still NULL when no plan has rounds */
        qsort(st->rounds + first, st->nrounds - first, sizeof *st->rounds, cmp_int);
    st->round_at[p + 1] = (uint32_t)st->nrounds;
    return 0;
}

/* The rounds of its plan that action a has none for: a merge of two sorted lists. */
static int missing_rounds(oap_status *st, uint32_t p, const oap_action *a, oap_status_facts *f)
{
    uint32_t j = 0;
    f->missing = (uint32_t)st->nmissing;
    for (uint32_t k = st->round_at[p]; k < st->round_at[p + 1]; k++) {
        int m = st->rounds[k];
        while (j < a->nrounds && a->rounds[j].month < m)
            j++;
        if (j < a->nrounds && a->rounds[j].month == m)
            continue;
        if (OAP_ARRAY_RESERVE(st->missing, st->missing_cap, st->nmissing + 1) < 0)
            return OAP_ENOMEM;
        st->missing[st->nmissing++] = m;
    }
    f->nmissing = (uint32_t)st->nmissing - f->missing;
    return 0;
}

/* The last value of each KPI of a: rounds are walked from the latest, so the first value
 * met for an indicator is its last; a map from indicator to KPI keeps the walk linear. */
static int kpi_values(oap_status *st, const oap_action *a, oap_status_facts *f)
{
    uint32_t n = a->kpis.n;
    if (OAP_ARRAY_RESERVE(st->values, st->values_cap, st->nvalues + n) < 0)
        return OAP_ENOMEM;
    oap_status_value *v = st->values + st->nvalues;
    f->values = (uint32_t)st->nvalues;
    st->nvalues += n;
    for (uint32_t i = 0; i < n; i++)
        v[i] = (oap_status_value){0, -1};
    if (n == 0 || a->nrounds == 0)
        return 0;
    oap_strmap map = OAP_STRMAP_INIT;
    int rc = OAP_ENOMEM;
    for (uint32_t i = 0; i < n; i++)
        if (oap_strmap_put(&map, a->kpis.items[i], i, NULL) < 0)
            goto done;
    for (uint32_t r = a->nrounds; r-- > 0;) {
        const oap_round *round = &a->rounds[r];
        for (uint32_t k = 0; k < round->nvalues; k++) {
            uint32_t i;
            if (oap_strmap_get(&map, round->values[k].indicator, &i) && v[i].month < 0)
                v[i] = (oap_status_value){round->values[k].value, round->month};
        }
    }
    /* A KPI written twice is measured by the one indicator. */
    for (uint32_t i = 0; i < n; i++) {
        uint32_t first;
        if (oap_strmap_get(&map, a->kpis.items[i], &first) && first != i)
            v[i] = v[first];
    }
    rc = 0;
done:
    oap_strmap_free(&map);
    return rc;
}

static int add_entry(oap_status_group *grp, uint32_t node, oap_status_role role)
{
    if (OAP_ARRAY_RESERVE(grp->entries, grp->cap, grp->n + 1) < 0)
        return OAP_ENOMEM;
    grp->stamp = node;
    grp->entries[grp->n++] = (oap_status_entry){node, (uint8_t)role};
    return 0;
}

/* The group of every sheet the actors have so far. */
static int grow_groups(oap_status *st)
{
    size_t n = st->actors->n;
    if (OAP_ARRAY_RESERVE(st->groups, st->groups_cap, n) < 0)
        return OAP_ENOMEM;
    for (; st->ngroups < n; st->ngroups++) {
        memset(&st->groups[st->ngroups], 0, sizeof *st->groups);
        st->groups[st->ngroups].plan = OAP_NONE;
        st->groups[st->ngroups].sheet = st->ngroups;
        st->groups[st->ngroups].stamp = OAP_NONE;
    }
    return 0;
}

/* The group of one actor text of plan p, or NULL (*rc set) when it is blank or an
 * allocation fails; NULL too when it has an entry for action already. */
static oap_status_group *actor_group(oap_status *st, uint32_t p, const char *text, uint32_t action,
                                     int *rc)
{
    size_t sheet;
    if ((*rc = oap_tasking__actor(st->actors, p, text, &sheet)) < 0 || sheet == SIZE_MAX ||
        (*rc = grow_groups(st)) < 0)
        return NULL;
    oap_status_group *grp = &st->groups[sheet];
    return grp->stamp == action ? NULL : grp;
}

/* Files an action under its leaders (the only one: leader; several: co-leaders) and
 * co-leaders; an actor named twice counts once, in its strongest role. */
static int file_action(oap_status *st, uint32_t p, uint32_t node, size_t **lead, size_t *cap)
{
    const oap_action *a = oap_graph_action(st->g, node);
    size_t nl = 0;
    int rc = 0;
    if (OAP_ARRAY_RESERVE(*lead, *cap, a->leaders.n) < 0)
        return OAP_ENOMEM;
    for (uint32_t i = 0; i < a->leaders.n; i++) {
        oap_status_group *grp = actor_group(st, p, a->leaders.items[i], node, &rc);
        if (rc < 0)
            return rc;
        if (grp) {
            grp->stamp = node;
            (*lead)[nl++] = (size_t)(grp - st->groups);
        }
    }
    for (size_t i = 0; i < nl; i++)
        if ((rc = add_entry(&st->groups[(*lead)[i]], node,
                            nl > 1 ? OAP_STATUS_CO_LEADER : OAP_STATUS_LEADER)) < 0)
            return rc;
    for (uint32_t i = 0; i < a->coleaders.n; i++) {
        oap_status_group *grp = actor_group(st, p, a->coleaders.items[i], node, &rc);
        if (rc < 0 || (grp && (rc = add_entry(grp, node, OAP_STATUS_CO_LEADER)) < 0))
            return rc;
    }
    return 0;
}

static int plan_groups(oap_status *st)
{
    const oap_model *m = st->g->model;
    st->groups = calloc(m->nplans + 1, sizeof *st->groups);
    st->order = malloc((m->nplans + 1) * sizeof *st->order);
    if (!st->groups || !st->order)
        return OAP_ENOMEM;
    st->ngroups = st->norder = m->nplans;
    for (uint32_t p = 0; p < m->nplans; p++) {
        oap_status_group *grp = &st->groups[p];
        grp->plan = p;
        grp->sheet = SIZE_MAX;
        st->order[p] = p;
        if (!(grp->entries = malloc((m->plans[p]->nactions + 1) * sizeof *grp->entries)))
            return OAP_ENOMEM;
        grp->cap = m->plans[p]->nactions + 1;
        for (uint32_t i = 0; i < m->plans[p]->nactions; i++)
            add_entry(grp, st->g->action_base[p] + i, OAP_STATUS_IN_PLAN);
    }
    return 0;
}

static int actor_groups(oap_status *st)
{
    const oap_model *m = st->g->model;
    size_t *lead = NULL, cap = 0;
    int rc = oap_tasking__new(&st->actors, st->g);
    for (uint32_t p = 0; rc == 0 && p < m->nplans; p++)
        for (uint32_t i = 0; rc == 0 && i < m->plans[p]->nactions; i++)
            rc = file_action(st, p, st->g->action_base[p] + i, &lead, &cap);
    free(lead);
    if (rc < 0 || (rc = oap_tasking__order(st->actors)) < 0)
        return rc;
    if (!(st->order = malloc((st->actors->norder + 1) * sizeof *st->order)))
        return OAP_ENOMEM;
    for (size_t i = 0; i < st->actors->norder; i++)
        if (st->actors->order[i] < st->ngroups && st->groups[st->actors->order[i]].n)
            st->order[st->norder++] = st->actors->order[i];
    return 0;
}

/* The months the rounds of the set span: [*base, *base + *span). */
static void round_span(const oap_model *m, int *base, size_t *span)
{
    int lo = 0, hi = -1;
    for (size_t p = 0; p < m->nplans; p++)
        for (uint32_t i = 0; i < m->plans[p]->nactions; i++) {
            const oap_action *a = &m->plans[p]->actions[i];
            if (a->nrounds == 0)
                continue;
            /* Rounds are sorted by month. */
            if (hi < lo || a->rounds[0].month < lo)
                lo = a->rounds[0].month;
            if (a->rounds[a->nrounds - 1].month > hi)
                hi = a->rounds[a->nrounds - 1].month;
        }
    *base = lo;
    *span = hi < lo ? 0 : (size_t)((long long)hi - lo + 1);
}

int oap_status_build(oap_status **out, const oap_graph *g, oap_status_by by)
{
    const oap_model *m = g->model;
    unsigned char *seen = NULL;
    int base, rc = OAP_ENOMEM;
    size_t span;
    oap_status *st = calloc(1, sizeof *st);
    *out = NULL;
    if (!st)
        return OAP_ENOMEM;
    st->g = g;
    st->by = by;
    round_span(m, &base, &span);
    st->facts = calloc((size_t)g->nnodes + 1, sizeof *st->facts);
    st->round_at = calloc(m->nplans + 1, sizeof *st->round_at);
    st->next_plan = malloc((m->nplans + 1) * sizeof *st->next_plan);
    seen = calloc(span + 1, 1);
    if (!st->facts || !st->round_at || !st->next_plan || !seen)
        goto done;
    for (uint32_t p = 0; p < m->nplans; p++) {
        const oap_plan *plan = m->plans[p];
        st->round_at[p] = (uint32_t)st->nrounds;
        st->next_plan[p] = oap_graph_next_plan(g, p);
        if ((rc = plan_rounds(st, p, seen, base)) < 0)
            goto done;
        for (uint32_t i = 0; i < plan->nactions; i++) {
            const oap_action *a = &plan->actions[i];
            oap_status_facts *f = &st->facts[g->action_base[p] + i];
            f->state = state_of(oap_action_last_status(a));
            if ((rc = missing_rounds(st, p, a, f)) < 0 || (rc = kpi_values(st, a, f)) < 0)
                goto done;
        }
    }
    rc = by == OAP_STATUS_BY_ACTOR ? actor_groups(st) : plan_groups(st);
    for (size_t k = 0; rc == 0 && k < st->ngroups; k++)
        for (size_t i = 0; i < st->groups[k].n; i++)
            st->groups[k].tally[st->facts[st->groups[k].entries[i].node].state]++;
done:
    free(seen);
    if (rc < 0)
        oap_status_free(st);
    else
        *out = st;
    return rc;
}

void oap_status_free(oap_status *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < st->ngroups; i++)
        free(st->groups[i].entries);
    free(st->groups);
    free(st->order);
    free(st->facts);
    free(st->missing);
    free(st->values);
    free(st->round_at);
    free(st->rounds);
    free(st->next_plan);
    oap_tasking_free(st->actors);
    free(st);
}

/* Accessors. */

static const oap_status_group *group_at(const oap_status *st, size_t k)
{
    return k < st->norder ? &st->groups[st->order[k]] : NULL;
}

static int is_action(const oap_status *st, uint32_t node)
{
    return node < st->g->nnodes && st->g->nodes[node].kind == OAP_NODE_ACTION;
}

size_t oap_status_group_count(const oap_status *st)
{
    return st->norder;
}

const char *oap_status_group_id(const oap_status *st, size_t group)
{
    const oap_status_group *grp = group_at(st, group);
    if (!grp)
        return NULL;
    return grp->plan != OAP_NONE ? st->g->model->plans[grp->plan]->id
                                 : st->actors->sheets[grp->sheet].code;
}

const char *oap_status_group_name(const oap_status *st, size_t group)
{
    const oap_status_group *grp = group_at(st, group);
    if (!grp)
        return NULL;
    return grp->plan != OAP_NONE ? st->g->model->plans[grp->plan]->title
                                 : st->actors->sheets[grp->sheet].name;
}

size_t oap_status_group_tally(const oap_status *st, size_t group, oap_status_state state)
{
    const oap_status_group *grp = group_at(st, group);
    return grp && (unsigned)state < OAP_STATUS_STATES ? grp->tally[state] : 0;
}

size_t oap_status_action_count(const oap_status *st, size_t group)
{
    const oap_status_group *grp = group_at(st, group);
    return grp ? grp->n : 0;
}

int oap_status_action(const oap_status *st, size_t group, size_t k, uint32_t *node,
                      oap_status_role *role)
{
    const oap_status_group *grp = group_at(st, group);
    if (!grp || k >= grp->n)
        return OAP_EINVAL;
    *node = grp->entries[k].node;
    *role = (oap_status_role)grp->entries[k].role;
    return 0;
}

oap_status_state oap_status_of(const oap_status *st, uint32_t node)
{
    return is_action(st, node) ? (oap_status_state)st->facts[node].state : OAP_STATUS_NO_REPORT;
}

size_t oap_status_missing_count(const oap_status *st, uint32_t node)
{
    return is_action(st, node) ? st->facts[node].nmissing : 0;
}

int oap_status_missing_round(const oap_status *st, uint32_t node, size_t i)
{
    if (i >= oap_status_missing_count(st, node))
        return -1;
    return st->missing[st->facts[node].missing + i];
}

/* The last value of KPI i of action node, or NULL when there is no such KPI. */
static const oap_status_value *value_of(const oap_status *st, uint32_t node, size_t i)
{
    if (!is_action(st, node) || i >= oap_graph_action(st->g, node)->kpis.n)
        return NULL;
    return &st->values[st->facts[node].values + i];
}

int oap_status_kpi_value(const oap_status *st, uint32_t node, size_t i, double *value, int *month)
{
    const oap_status_value *v = value_of(st, node, i);
    if (!v || v->month < 0)
        return 0;
    *value = v->value;
    *month = v->month;
    return 1;
}

int oap_status_kpi_share(const oap_status *st, uint32_t node, size_t i, double *percent)
{
    const oap_status_value *v = value_of(st, node, i);
    if (!v || v->month < 0)
        return 0;
    const oap_kpi_target *t = oap_action_kpi_target_of(oap_graph_action(st->g, node), (uint32_t)i);
    if (!t->has_target || t->target == 0)
        return 0;
    *percent = v->value / t->target * 100;
    return 1;
}

/* The next plan of action node's priority, or OAP_NONE. */
static uint32_t next_of(const oap_status *st, uint32_t node)
{
    return st->next_plan[st->g->nodes[node].plan];
}

/* Whether edge e of carried_on_by from node leads into the next plan of its priority, the
 * only plan whose actions carry on what node leaves to be continued. */
static int carried_by(const oap_status *st, uint32_t node, uint32_t e)
{
    uint32_t next = next_of(st, node);
    return next != OAP_NONE && st->g->nodes[st->g->carried_on_by.target[e]].plan == next;
}

int oap_status_carried_on(const oap_status *st, uint32_t node, const char **next_plan)
{
    if (oap_status_of(st, node) != OAP_STATUS_CONTINUE)
        return OAP_EINVAL;
    uint32_t next = next_of(st, node);
    *next_plan = next == OAP_NONE ? NULL : st->g->model->plans[next]->id;
    for (uint32_t e = st->g->carried_on_by.start[node]; e < st->g->carried_on_by.start[node + 1];
         e++)
        if (carried_by(st, node, e))
            return 1;
    return 0;
}

size_t oap_status_round_count(const oap_status *st, size_t plan)
{
    return plan < st->g->model->nplans ? st->round_at[plan + 1] - st->round_at[plan] : 0;
}

int oap_status_round(const oap_status *st, size_t plan, size_t i)
{
    return i < oap_status_round_count(st, plan) ? st->rounds[st->round_at[plan] + i] : -1;
}

/* Writing. Text and Markdown say the same sentences; put writes plan text the way of the
 * format. */

typedef void (*put_fn)(FILE *out, const char *s);

static void put_md(FILE *out, const char *s)
{
    oap_views__markdown(out, s, 0);
}

/* Names are relative to the group's plan, or qualified when the actions of an actor may
 * come from several plans. */
static const char *action_name(const oap_status *st, const oap_status_group *grp, uint32_t node,
                               char *buf, size_t size)
{
    uint32_t from = grp->plan != OAP_NONE       ? grp->plan
                    : st->g->model->nplans == 1 ? 0
                                                : OAP_VIEWS_QUALIFY;
    return oap_views__name(st->g, node, from, buf, size);
}

static const char *plural(size_t n, const char *s)
{
    return n == 1 ? "" : s;
}

/* "planned 2 (4.1, 7.1); ongoing 3 (1.1, 2.1, 8.1)", states with no action left out;
 * "none" for a group without actions. Linear: one pass over the entries per state. */
static void put_tally(FILE *out, const oap_status *st, const oap_status_group *grp, put_fn put)
{
    char name[200];
    size_t k = 0;
    for (unsigned s = 0; s < OAP_STATUS_STATES; s++) {
        if (!grp->tally[s])
            continue;
        fprintf(out, "%s%s %zu (", k++ ? "; " : "", state_words(s), grp->tally[s]);
        size_t j = 0;
        for (size_t i = 0; i < grp->n; i++) {
            uint32_t v = grp->entries[i].node;
            if (st->facts[v].state != s)
                continue;
            fputs(j++ ? ", " : "", out);
            put(out, action_name(st, grp, v, name, sizeof name));
        }
        fputc(')', out);
    }
    if (!k)
        fputs("none", out);
}

/* "7.1 (2024-06); 9.2 (2024-06, 2024-12)", or "none". */
static void put_missing(FILE *out, const oap_status *st, const oap_status_group *grp, put_fn put)
{
    char name[200], month[8];
    size_t k = 0;
    for (size_t i = 0; i < grp->n; i++) {
        uint32_t v = grp->entries[i].node;
        const oap_status_facts *f = &st->facts[v];
        if (!f->nmissing)
            continue;
        fputs(k++ ? "; " : "", out);
        put(out, action_name(st, grp, v, name, sizeof name));
        for (uint32_t j = 0; j < f->nmissing; j++)
            fprintf(out, "%s%s", j ? ", " : " (", month_text(st->missing[f->missing + j], month));
        fputc(')', out);
    }
    if (!k)
        fputs("none", out);
}

/* What became of an action reported "continue": carried on, not carried on, or no next
 * plan to tell. */
static void put_carried(FILE *out, const oap_status *st, const oap_status_group *grp, uint32_t v,
                        put_fn put)
{
    const oap_graph *g = st->g;
    const oap_plan *plan = oap_graph_plan(g, v);
    uint32_t next = next_of(st, v);
    char name[200];
    if (!plan->first_year) {
        fputs("its plan has no years, so which plan comes next cannot be told", out);
        return;
    }
    if (next == OAP_NONE) {
        fputs("no plan of ", out);
        put(out, plan->priority);
        fprintf(out, " for %d is loaded", plan->last_year + 1);
        return;
    }
    size_t k = 0;
    for (uint32_t e = g->carried_on_by.start[v]; e < g->carried_on_by.start[v + 1]; e++) {
        if (!carried_by(st, v, e))
            continue;
        fputs(k++ ? ", " : "carried on by ", out);
        put(out, oap_views__name(g, g->carried_on_by.target[e],
                                 grp->plan == OAP_NONE ? OAP_VIEWS_QUALIFY : grp->plan, name,
                                 sizeof name));
    }
    if (k)
        return;
    put(out, g->model->plans[next]->id);
    fputs(", the next plan of ", out);
    put(out, plan->priority);
    fputs(", does not carry it on", out);
}

/* "6.1 (no plan of MS for 2026 is loaded)", or "none". */
static void put_continue(FILE *out, const oap_status *st, const oap_status_group *grp, put_fn put)
{
    char name[200];
    size_t k = 0;
    for (size_t i = 0; i < grp->n; i++) {
        uint32_t v = grp->entries[i].node;
        if (st->facts[v].state != OAP_STATUS_CONTINUE)
            continue;
        fputs(k++ ? "; " : "", out);
        put(out, action_name(st, grp, v, name, sizeof name));
        fputs(" (", out);
        put_carried(out, st, grp, v, put);
        fputc(')', out);
    }
    if (!k)
        fputs("none", out);
}

/* The second line of a group: what the plan is, or what the actor does; upper starts it
 * with a capital, as a Markdown sentence. */
static void put_about(FILE *out, const oap_status *st, const oap_status_group *grp, put_fn put,
                      int upper)
{
    char name[200], month[8];
    if (grp->plan != OAP_NONE) {
        const oap_plan *p = st->g->model->plans[grp->plan];
        uint32_t r0 = st->round_at[grp->plan], r1 = st->round_at[grp->plan + 1];
        fputs(upper ? "Priority " : "priority ", out);
        put(out, p->priority);
        if (p->first_year)
            fprintf(out, ", %s", oap_plan_years_text(p, name, sizeof name));
        fprintf(out, "; %zu action%s; ", grp->n, plural(grp->n, "s"));
        if (r0 == r1)
            fputs("no reporting rounds", out);
        for (uint32_t r = r0; r < r1; r++)
            fprintf(out, "%s%s", r == r0 ? "reporting rounds " : ", ",
                    month_text(st->rounds[r], month));
        return;
    }
    size_t k = 0;
    for (uint8_t role = OAP_STATUS_LEADER; role <= OAP_STATUS_CO_LEADER; role++) {
        size_t n = 0, j = 0;
        for (size_t i = 0; i < grp->n; i++)
            n += grp->entries[i].role == role;
        if (!n)
            continue;
        const char *verb = role == OAP_STATUS_LEADER ? (upper ? "Leads" : "leads")
                           : k == 0 && upper         ? "Co-leads"
                                                     : "co-leads";
        /* "leads 1 action: 2.1; co-leads 2: 3.1, 4.1" */
        fprintf(out, "%s%s %zu%s: ", k ? "; " : "", verb, n,
                k        ? ""
                : n == 1 ? " action"
                         : " actions");
        k++;
        for (size_t i = 0; i < grp->n; i++)
            if (grp->entries[i].role == role) {
                fputs(j++ ? ", " : "", out);
                put(out, action_name(st, grp, grp->entries[i].node, name, sizeof name));
            }
    }
}

/* What a group is, its actions by last status, the missing reports and the actions to
 * continue: lines of text, or Markdown paragraphs (sentences that start with a
 * capital). */
static void put_summary(FILE *out, const oap_status *st, const oap_status_group *grp, put_fn put,
                        int markdown)
{
    static const char *const heads[2][4] = {
        {"\nby last status: ", "\nno report for a round that other actions of its plan reported: ",
         "\nreported continue: ", "\n"},
        {".\n\nBy last status: ",
         ".\n\nNo report for a round that other actions of its plan reported: ",
         ".\n\nReported continue: ", ".\n\n"}};
    const char *const *head = heads[markdown != 0];
    put_about(out, st, grp, put, markdown);
    fputs(head[0], out);
    put_tally(out, st, grp, put);
    fputs(head[1], out);
    put_missing(out, st, grp, put);
    fputs(head[2], out);
    put_continue(out, st, grp, put);
    fputs(head[3], out);
}

/* A share as every format shows it: in whole percents, halves away from zero (48.75 is
 * 49), which also hides the last bit a division leaves (1150 / 1000 * 100 is not 115). */
static double whole_percent(double share)
{
    return share < 0 ? -floor(-share + 0.5) : floor(share + 0.5);
}

/* One KPI of an action as the tables show it: target, unit, last value, its round and
 * the share, each "-" when there is none ("not reported" for the value). */
typedef struct kpi_cells {
    char target[48], value[48], round[8], share[24];
    const char *unit;
} kpi_cells;

static void kpi_cells_of(const oap_status *st, uint32_t v, uint32_t i, int group, kpi_cells *c)
{
    const oap_action *a = oap_graph_action(st->g, v);
    const oap_kpi_target *t = oap_action_kpi_target_of(a, i);
    double value, share;
    int month;
    snprintf(c->target, sizeof c->target, "-");
    snprintf(c->value, sizeof c->value, "%s", group ? "not reported" : "");
    snprintf(c->round, sizeof c->round, "%s", group ? "-" : "");
    snprintf(c->share, sizeof c->share, "%s", group ? "-" : "");
    c->unit = t->unit ? t->unit : group ? "-" : NULL;
    if (t->has_target)
        oap_views__number(t->target, group, c->target, sizeof c->target);
    else if (!group)
        c->target[0] = '\0';
    if (oap_status_kpi_value(st, v, i, &value, &month)) {
        oap_views__number(value, group, c->value, sizeof c->value);
        oap_timing_format_month(month, c->round);
    }
    if (oap_status_kpi_share(st, v, i, &share)) {
        char n[48];
        oap_views__number(whole_percent(share), group, n, sizeof n);
        snprintf(c->share, sizeof c->share, "%.20s%s", n, group ? "%" : "");
    }
}

/* How many characters s shows as: oap_views__plain writes one for each. */
static size_t plain_width(const char *s)
{
    size_t n = 0;
    for (oap_text_walker c = OAP_TEXT_WALK(s, strlen(s)); oap_text_walk(&c);)
        n++;
    return n;
}

static void put_padded(FILE *out, const char *s, size_t width, int right)
{
    size_t w = plain_width(s);
    if (right)
        fprintf(out, "%*s", (int)(width > w ? width - w : 0), "");
    oap_views__plain(out, s);
    if (!right)
        fprintf(out, "%*s", (int)(width > w ? width - w : 0), "");
}

enum { COL_ACTION, COL_STATUS, COL_TARGET, COL_UNIT, COL_VALUE, COL_ROUND, COL_SHARE, COLS };

/* The cells of a row of the text table but the KPI itself. */
static void text_row(const oap_status *st, const oap_status_group *grp, uint32_t v, uint32_t i,
                     kpi_cells *c, const char *cells[COLS], char *name, size_t size)
{
    kpi_cells_of(st, v, i, 1, c);
    cells[COL_ACTION] = action_name(st, grp, v, name, size);
    cells[COL_STATUS] = state_words(st->facts[v].state);
    cells[COL_TARGET] = c->target;
    cells[COL_UNIT] = c->unit;
    cells[COL_VALUE] = c->value;
    cells[COL_ROUND] = c->round;
    cells[COL_SHARE] = c->share;
}

/* The KPIs of a group's actions as a table, columns as wide as their widest cell and
 * numbers to the right; the KPI last, as it is long. */
static void text_kpis(FILE *out, const oap_status *st, const oap_status_group *grp)
{
    static const char *const head[COLS] = {"action",     "last status", "target", "unit",
                                           "last value", "round",       "share"};
    static const int right[COLS] = {0, 0, 1, 0, 1, 0, 1};
    size_t width[COLS], rows = 0;
    const char *cells[COLS];
    char name[200];
    kpi_cells c;
    for (int k = 0; k < COLS; k++)
        width[k] = strlen(head[k]);
    for (size_t e = 0; e < grp->n; e++) {
        uint32_t v = grp->entries[e].node;
        for (uint32_t i = 0; i < oap_graph_action(st->g, v)->kpis.n; i++, rows++) {
            text_row(st, grp, v, i, &c, cells, name, sizeof name);
            for (int k = 0; k < COLS; k++) {
                size_t w = plain_width(cells[k]);
                width[k] = w > width[k] ? w : width[k];
            }
        }
    }
    if (!rows) {
        fputs("KPIs: none\n", out);
        return;
    }
    for (int k = 0; k < COLS; k++) {
        put_padded(out, head[k], width[k], right[k]);
        fputs("  ", out);
    }
    fputs("KPI\n", out);
    for (size_t e = 0; e < grp->n; e++) {
        uint32_t v = grp->entries[e].node;
        const oap_action *a = oap_graph_action(st->g, v);
        for (uint32_t i = 0; i < a->kpis.n; i++) {
            text_row(st, grp, v, i, &c, cells, name, sizeof name);
            for (int k = 0; k < COLS; k++) {
                put_padded(out, cells[k], width[k], right[k]);
                fputs("  ", out);
            }
            oap_views__plain(out, a->kpis.items[i]);
            fputc('\n', out);
        }
    }
}

/* The group's id and name: "2024-2025-A: Migrant smuggling". */
static void put_title(FILE *out, const oap_status *st, size_t k, put_fn put)
{
    const char *name = oap_status_group_name(st, k);
    put(out, oap_status_group_id(st, k));
    if (name) {
        fputs(": ", out);
        put(out, name);
    }
}

static int write_text(FILE *out, const oap_status *st)
{
    oap_views__banners(out, st->g, NULL);
    for (size_t k = 0; k < st->norder; k++) {
        const oap_status_group *grp = group_at(st, k);
        if (k)
            fputc('\n', out);
        put_title(out, st, k, oap_views__plain);
        fputc('\n', out);
        put_summary(out, st, grp, oap_views__plain, 0);
        text_kpis(out, st, grp);
    }
    oap_views__banners(out, st->g, NULL);
    return 0;
}

/* The plans a group draws on, marked in mask (one byte per plan, all 0 before), for its
 * classification; unmark clears them again. */
static void mark_plans(const oap_status *st, const oap_status_group *grp, unsigned char *mask,
                       unsigned char on)
{
    if (grp->plan != OAP_NONE)
        mask[grp->plan] = on;
    for (size_t i = 0; i < grp->n; i++)
        mask[st->g->nodes[grp->entries[i].node].plan] = on;
}

static void md_kpis(FILE *out, const oap_status *st, const oap_status_group *grp)
{
    char name[200];
    kpi_cells c;
    int table = 0;
    for (size_t e = 0; e < grp->n; e++) {
        uint32_t v = grp->entries[e].node;
        const oap_action *a = oap_graph_action(st->g, v);
        for (uint32_t i = 0; i < a->kpis.n; i++) {
            if (!table++)
                fputs(
                    "| Action | Last status | KPI | Target | Unit | Last value | Round | Share |\n"
                    "|---|---|---|---:|---|---:|---|---:|\n",
                    out);
            kpi_cells_of(st, v, i, 1, &c);
            fputc('|', out);
            oap_views__md_cell(out, action_name(st, grp, v, name, sizeof name));
            oap_views__md_cell(out, state_words(st->facts[v].state));
            oap_views__md_cell(out, a->kpis.items[i]);
            oap_views__md_cell(out, c.target);
            oap_views__md_cell(out, c.unit);
            oap_views__md_cell(out, c.value);
            oap_views__md_cell(out, c.round);
            oap_views__md_cell(out, c.share);
            fputc('\n', out);
        }
    }
    if (!table)
        fputs("KPIs: none.\n", out);
}

static int write_markdown(FILE *out, const oap_status *st)
{
    unsigned char *mask = calloc(st->g->model->nplans + 1, 1);
    if (!mask)
        return OAP_ENOMEM;
    for (size_t k = 0; k < st->norder; k++) {
        const oap_status_group *grp = group_at(st, k);
        size_t i = 0;
        if (k)
            fputc('\n', out);
        mark_plans(st, grp, mask, 1);
        oap_views__md_banner(out, st->g, mask, 0);
        fputs("# ", out);
        put_title(out, st, k, put_md);
        fputs("\n\n", out);
        put_summary(out, st, grp, put_md, 1);
        md_kpis(out, st, grp);
        if (oap_views__classification(st->g, mask, &i))
            fputc('\n', out);
        oap_views__md_banner(out, st->g, mask, 1);
        mark_plans(st, grp, mask, 0);
    }
    free(mask);
    return 0;
}

/* The cells a CSV row has for an action beyond its KPI. */
typedef struct csv_action {
    char *missing;    /* its missing rounds, "2024-06 2024-12" */
    char *carried;    /* for "continue": the actions that carry it on, qualified */
    const char *next; /* for "continue": the next plan of its priority, when loaded */
} csv_action;

static int csv_action_of(const oap_status *st, uint32_t v, csv_action *c)
{
    const oap_graph *g = st->g;
    const oap_status_facts *f = &st->facts[v];
    oap_strbuf missing = OAP_STRBUF_INIT, carried = OAP_STRBUF_INIT;
    char month[8], name[200];
    for (uint32_t j = 0; j < f->nmissing; j++)
        oap_strbuf_printf(&missing, "%s%s", j ? " " : "",
                          month_text(st->missing[f->missing + j], month));
    c->next = NULL;
    if (f->state == OAP_STATUS_CONTINUE && next_of(st, v) != OAP_NONE) {
        c->next = g->model->plans[next_of(st, v)]->id;
        for (uint32_t e = g->carried_on_by.start[v]; e < g->carried_on_by.start[v + 1]; e++)
            if (carried_by(st, v, e))
                oap_strbuf_printf(&carried, "%s%s", carried.len ? " " : "",
                                  oap_views__name(g, g->carried_on_by.target[e], OAP_VIEWS_QUALIFY,
                                                  name, sizeof name));
    }
    c->missing = oap_strbuf_take(&missing);
    c->carried = oap_strbuf_take(&carried);
    if (!c->missing || !c->carried) {
        free(c->missing);
        free(c->carried);
        return OAP_ENOMEM;
    }
    return 0;
}

enum { CSV_ACTOR = 3, CSV_FIELDS = CSV_ACTOR + 16 };

/* One row per KPI of each action of a group, or one with the KPI cells empty for an
 * action without KPIs. By plan, the actor's three cells are left out. */
static int csv_group(FILE *out, const oap_status *st, const oap_status_group *grp)
{
    const oap_graph *g = st->g;
    char years[24];
    for (size_t e = 0; e < grp->n; e++) {
        uint32_t v = grp->entries[e].node;
        const oap_action *a = oap_graph_action(g, v);
        const oap_plan *p = oap_graph_plan(g, v);
        const oap_tasking_sheet *sheet =
            grp->sheet != SIZE_MAX ? &st->actors->sheets[grp->sheet] : NULL;
        csv_action c;
        if (csv_action_of(st, v, &c) < 0)
            return OAP_ENOMEM;
        for (uint32_t i = 0; i == 0 || i < a->kpis.n; i++) {
            kpi_cells k;
            int has = i < a->kpis.n;
            if (has)
                kpi_cells_of(st, v, i, 0, &k);
            const char *fields[CSV_FIELDS] = {sheet ? sheet->code : NULL,
                                              sheet ? sheet->name : NULL,
                                              role_ids[grp->entries[e].role],
                                              p->id,
                                              p->priority,
                                              oap_plan_years_text(p, years, sizeof years),
                                              a->id,
                                              a->title,
                                              state_ids[st->facts[v].state],
                                              c.missing,
                                              c.next,
                                              c.carried,
                                              has ? a->kpis.items[i] : NULL,
                                              has ? k.target : NULL,
                                              has ? k.unit : NULL,
                                              has ? k.value : NULL,
                                              has ? k.round : NULL,
                                              has ? k.share : NULL,
                                              p->classification};
            size_t skip = sheet ? 0 : CSV_ACTOR;
            oap_views__csv_line(out, fields + skip, CSV_FIELDS - skip, ',');
        }
        free(c.missing);
        free(c.carried);
    }
    return 0;
}

static int write_csv(FILE *out, const oap_status *st)
{
    static const char *const header[CSV_FIELDS] = {
        "actor",      "name",          "role",          "plan",          "priority",
        "years",      "action",        "title",         "last_status",   "missing_rounds",
        "next_plan",  "carried_on_by", "kpi",           "target",        "unit",
        "last_value", "value_round",   "share_percent", "classification"};
    size_t skip = st->by == OAP_STATUS_BY_ACTOR ? 0 : CSV_ACTOR;
    int rc = 0;
    oap_views__csv_line(out, header + skip, CSV_FIELDS - skip, ',');
    for (size_t k = 0; k < st->norder && rc == 0; k++)
        rc = csv_group(out, st, group_at(st, k));
    return rc;
}

static void json_month(oap_jsonw *w, int month)
{
    char buf[8];
    oap_jsonw_string(w, month_text(month, buf));
}

static void json_kpi(oap_jsonw *w, const oap_status *st, uint32_t v, uint32_t i)
{
    const oap_action *a = oap_graph_action(st->g, v);
    const oap_kpi_target *t = oap_action_kpi_target_of(a, i);
    double value, share;
    int month, has = oap_status_kpi_value(st, v, i, &value, &month);
    oap_jsonw_object(w);
    oap_jsonw_member(w, "kpi", a->kpis.items[i]);
    oap_jsonw_key(w, "target");
    if (t->has_target)
        oap_jsonw_number(w, t->target);
    else
        oap_jsonw_null(w);
    oap_jsonw_member(w, "unit", t->unit);
    oap_jsonw_key(w, "value");
    if (has)
        oap_jsonw_number(w, value);
    else
        oap_jsonw_null(w);
    oap_jsonw_key(w, "round");
    if (has)
        json_month(w, month);
    else
        oap_jsonw_null(w);
    oap_jsonw_key(w, "share_percent");
    if (oap_status_kpi_share(st, v, i, &share))
        oap_jsonw_number(w, whole_percent(share));
    else
        oap_jsonw_null(w);
    oap_jsonw_end(w);
}

static void json_action(oap_jsonw *w, const oap_status *st, const oap_status_entry *e)
{
    const oap_graph *g = st->g;
    uint32_t v = e->node;
    const oap_action *a = oap_graph_action(g, v);
    const oap_status_facts *f = &st->facts[v];
    char name[200];
    oap_jsonw_object(w);
    oap_jsonw_member(w, "node", oap_views__name(g, v, OAP_VIEWS_QUALIFY, name, sizeof name));
    oap_jsonw_member(w, "plan", oap_graph_plan(g, v)->id);
    oap_jsonw_member(w, "action", a->id);
    if (st->by == OAP_STATUS_BY_ACTOR)
        oap_jsonw_member(w, "role", role_ids[e->role]);
    oap_jsonw_member(w, "status", state_ids[f->state]);
    oap_jsonw_key(w, "missing_rounds");
    oap_jsonw_array(w);
    for (uint32_t j = 0; j < f->nmissing; j++)
        json_month(w, st->missing[f->missing + j]);
    oap_jsonw_end(w);
    oap_jsonw_key(w, "continue");
    if (f->state != OAP_STATUS_CONTINUE) {
        oap_jsonw_null(w);
    } else {
        uint32_t next = next_of(st, v);
        oap_jsonw_object(w);
        oap_jsonw_member(w, "next_plan", next == OAP_NONE ? NULL : g->model->plans[next]->id);
        oap_jsonw_key(w, "carried_on_by");
        oap_jsonw_array(w);
        for (uint32_t k = g->carried_on_by.start[v]; k < g->carried_on_by.start[v + 1]; k++)
            if (carried_by(st, v, k))
                oap_jsonw_string(w, oap_views__name(g, g->carried_on_by.target[k],
                                                    OAP_VIEWS_QUALIFY, name, sizeof name));
        oap_jsonw_end(w);
        oap_jsonw_end(w);
    }
    oap_jsonw_key(w, "kpis");
    oap_jsonw_array(w);
    for (uint32_t i = 0; i < a->kpis.n; i++)
        json_kpi(w, st, v, i);
    oap_jsonw_end(w);
    oap_jsonw_end(w);
}

static void json_group(oap_jsonw *w, const oap_status *st, size_t k, unsigned char *mask)
{
    const oap_status_group *grp = group_at(st, k);
    oap_jsonw_object(w);
    if (grp->plan != OAP_NONE) {
        const oap_plan *p = st->g->model->plans[grp->plan];
        oap_jsonw_member(w, "plan", p->id);
        oap_jsonw_member(w, "priority", p->priority);
        oap_jsonw_member(w, "title", p->title);
        oap_jsonw_key(w, "years");
        if (p->first_year) {
            oap_jsonw_array(w);
            oap_jsonw_int(w, p->first_year);
            oap_jsonw_int(w, p->last_year);
            oap_jsonw_end(w);
        } else {
            oap_jsonw_null(w);
        }
    } else {
        oap_jsonw_member(w, "actor", st->actors->sheets[grp->sheet].code);
        oap_jsonw_member(w, "name", st->actors->sheets[grp->sheet].name);
    }
    mark_plans(st, grp, mask, 1);
    oap_views__json_classification(w, st->g, mask);
    mark_plans(st, grp, mask, 0);
    if (grp->plan != OAP_NONE) {
        oap_jsonw_key(w, "rounds");
        oap_jsonw_array(w);
        for (size_t r = st->round_at[grp->plan]; r < st->round_at[grp->plan + 1]; r++)
            json_month(w, st->rounds[r]);
        oap_jsonw_end(w);
    }
    oap_jsonw_key(w, "counts");
    oap_jsonw_object(w);
    for (unsigned s = 0; s < OAP_STATUS_STATES; s++) {
        oap_jsonw_key(w, state_ids[s]);
        oap_jsonw_int(w, (long long)grp->tally[s]);
    }
    oap_jsonw_end(w);
    oap_jsonw_key(w, "actions");
    oap_jsonw_array(w);
    for (size_t i = 0; i < grp->n; i++)
        json_action(w, st, &grp->entries[i]);
    oap_jsonw_end(w);
    oap_jsonw_end(w);
}

static int write_json(FILE *out, const oap_status *st)
{
    unsigned char *mask = calloc(st->g->model->nplans + 1, 1);
    if (!mask)
        return OAP_ENOMEM;
    oap_jsonw w;
    oap_jsonw_init(&w, out);
    oap_jsonw_object(&w);
    oap_jsonw_key(&w, "version");
    oap_jsonw_int(&w, 1);
    oap_jsonw_member(&w, "by", st->by == OAP_STATUS_BY_ACTOR ? "actor" : "plan");
    oap_views__json_classification(&w, st->g, NULL);
    oap_jsonw_key(&w, st->by == OAP_STATUS_BY_ACTOR ? "actors" : "plans");
    oap_jsonw_array(&w);
    for (size_t k = 0; k < st->norder; k++)
        json_group(&w, st, k, mask);
    oap_jsonw_end(&w);
    oap_jsonw_end(&w);
    free(mask);
    return oap_jsonw_finish(&w);
}

int oap_status_write(FILE *out, const oap_status *st, oap_status_format fmt)
{
    int rc;
    switch (fmt) {
    case OAP_STATUS_MARKDOWN:
        rc = write_markdown(out, st);
        break;
    case OAP_STATUS_CSV:
        rc = write_csv(out, st);
        break;
    case OAP_STATUS_JSON:
        rc = write_json(out, st);
        break;
    default:
        rc = write_text(out, st);
    }
    if (rc == 0 && ferror(out))
        rc = OAP_EIO;
    return rc;
}
