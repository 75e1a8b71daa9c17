/* diff: what changed between two revisions of plans, what it affects, which findings. */
#include "views.h"

#include "adjacency.h"
#include "checks/overlap.h"
#include "core/arena.h"
#include "core/array.h"
#include "core/diag.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/wdiff.h"
#include "oapgraph/common.h"
#include "oapgraph/refs.h"

#include <stdlib.h>
#include <string.h>

enum { WHAT_PLAN, WHAT_GOAL, WHAT_ACTION };

static const char *const what_names[] = {"plan", "goal", "action"};

/* One field of a plan, goal or action that differs: two texts, or two lists of texts
 * (who joined and who left, refs added and removed). */
typedef struct dfield {
    const char *name;
    int list;                    /* the values are lists */
    int words;                   /* shown as a word-level difference */
    const char *old_s, *new_s;   /* !list; NULL when absent */
    const char **old_l, **new_l; /* list: the items, in the arena */
    uint32_t nold, nnew;
    const char *note; /* "2 months later", or NULL */
} dfield;

typedef struct dentry {
    uint8_t kind, what;
    uint32_t slot; /* the plan pair */
    uint32_t old_node, new_node;
    size_t field, nfields; /* into fields */
    uint64_t order;        /* in the plan: sections, then where it stands in NEW (or OLD) */
} dentry;

typedef struct daffected {
    uint32_t slot, node; /* an action of NEW */
    size_t cause;        /* the entry */
    const char *why;
} daffected;

typedef struct dstale {
    uint32_t slot, node; /* the action of NEW whose list still names the old number */
    const char *message;
} dstale;

typedef struct dplan {
    const char *id;
    uint32_t old_plan, new_plan; /* model indices, or OAP_NONE */
} dplan;

struct oap_diff {
    const oap_graph *old_g, *new_g;
    const oap_diags *old_f, *new_f;
    unsigned depth;
    oap_arena arena;
    dplan *plans;
    size_t nplans, plans_cap;
    dentry *entries;
    size_t n, cap;
    dfield *fields;
    size_t nfields, fields_cap;
    daffected *affected;
    size_t naffected, affected_cap;
    dstale *stale;
    size_t nstale, stale_cap;
    uint32_t *old_to_new; /* per OLD node: the NEW action an action is matched with */
    uint32_t *new_to_old;
    size_t *added_findings, nadded;     /* indices into new_f */
    size_t *fixed_findings, nfixed;     /* indices into old_f */
    oap_fingerprint *old_fps, *new_fps; /* OLD's as NEW numbers its actions */
    oap_fingerprint *old_own_fps;       /* OLD's as check gives them, for the output */
    int oom;
};

/* --- Building ------------------------------------------------------------------- */

static const char *save(oap_diff *d, const char *s)
{
    if (!s)
        return NULL;
    char *c = oap_arena_strdup(&d->arena, s);
    if (!c)
        d->oom = 1;
    return c;
}

static dfield *add_field(oap_diff *d, const char *name)
{
    if (OAP_ARRAY_RESERVE(d->fields, d->fields_cap, d->nfields + 1) < 0) {
        d->oom = 1;
        return NULL;
    }
    dfield *f = &d->fields[d->nfields++];
    memset(f, 0, sizeof *f);
    f->name = name;
    return f;
}

static size_t add_entry(oap_diff *d, int kind, int what, uint32_t slot, uint32_t old_node,
                        uint32_t new_node, size_t field, uint64_t order)
{
    if (OAP_ARRAY_RESERVE(d->entries, d->cap, d->n + 1) < 0) {
        d->oom = 1;
        return (size_t)-1;
    }
    d->entries[d->n] = (dentry){(uint8_t)kind, (uint8_t)what,      slot, old_node, new_node,
                                field,         d->nfields - field, order};
    return d->n++;
}

/* The node of action id of plan p, or OAP_NONE. */
static uint32_t find_action(const oap_graph *g, uint32_t p, const char *id)
{
    uint32_t i;
    return oap_strmap_get(&g->action_ids[p], id, &i) ? g->action_base[p] + i : OAP_NONE;
}

/* The node of the goal of plan p that is the nth (from 0) with id, or OAP_NONE: goals
 * are few, and matched as written; a duplicate id (a finding) pairs in order. */
static uint32_t find_goal(const oap_graph *g, uint32_t p, const char *id, uint32_t nth)
{
    const oap_plan *plan = g->model->plans[p];
    for (uint32_t i = 0; i < plan->ngoals; i++)
        if (strcmp(plan->goals[i].id, id) == 0 && nth-- == 0)
            return g->goal_base[p] + i;
    return OAP_NONE;
}

/* How many goals of plan before the kth have its id. */
static uint32_t goal_rank(const oap_plan *plan, uint32_t k)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < k; i++)
        n += strcmp(plan->goals[i].id, plan->goals[k].id) == 0;
    return n;
}

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static void text_field(oap_diff *d, const char *name, const char *a, const char *b, int words)
{
    if (same(a, b))
        return;
    dfield *f = add_field(d, name);
    if (f) {
        f->old_s = a;
        f->new_s = b;
        f->words = words && a && b;
    }
}

static const char **strv_items(oap_diff *d, const oap_strv *v, uint32_t *n)
{
    *n = v->n;
    const char **items = oap_arena_alloc(&d->arena, ((size_t)v->n + 1) * sizeof *items);
    if (!items) {
        d->oom = 1;
        *n = 0;
        return NULL;
    }
    for (uint32_t i = 0; i < v->n; i++)
        items[i] = v->items[i];
    return items;
}

/* Whether items holds s. Lists of one action are short: a scan. */
static int contains(const char **items, uint32_t n, const char *s)
{
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(items[i], s) == 0)
            return 1;
    return 0;
}

/* Whether items holds a text other does not. */
static int has_other(const char **items, uint32_t n, const char **other, uint32_t nother)
{
    for (uint32_t i = 0; i < n; i++)
        if (!contains(other, nother, items[i]))
            return 1;
    return 0;
}

/* Whether the item lists differ as sets of texts (order does not count). */
static int lists_differ(const char **a, uint32_t na, const char **b, uint32_t nb)
{
    return has_other(a, na, b, nb) || has_other(b, nb, a, na);
}

static void list_field(oap_diff *d, const char *name, const char **a, uint32_t na, const char **b,
                       uint32_t nb)
{
    if (!lists_differ(a, na, b, nb))
        return;
    dfield *f = add_field(d, name);
    if (f) {
        f->list = 1;
        f->old_l = a;
        f->nold = na;
        f->new_l = b;
        f->nnew = nb;
    }
}

static void strv_field(oap_diff *d, const char *name, const oap_strv *a, const oap_strv *b)
{
    uint32_t na, nb;
    const char **x = strv_items(d, a, &na), **y = strv_items(d, b, &nb);
    list_field(d, name, x, na, y, nb);
}

/* The new number of an OLD reference to an action of plan `plan` that was renumbered
 * ("2.3" -> "2.4", "2.3#1" -> "2.4#1"), or text itself. */
static const char *renumbered_ref(oap_diff *d, uint32_t plan, const char *text)
{
    const oap_graph *g = d->old_g;
    oap_ref r;
    oap_ref_error e;
    uint32_t node;
    if (oap_ref_parse(text, &r, &e) < 0 || r.qualifier[0] ||
        oap_graph_resolve(g, plan, text, &node) != OAP_LINK_RESOLVED)
        return text;
    uint32_t a = oap_graph_action_of(g, node);
    if (g->nodes[a].kind != OAP_NODE_ACTION || d->old_to_new[a] == OAP_NONE)
        return text;
    const char *now = oap_graph_action(d->new_g, d->old_to_new[a])->id;
    if (strcmp(now, oap_graph_action(g, a)->id) == 0)
        return text;
    char *s = r.phase[0] ? oap_arena_printf(&d->arena, "%s#%s", now, r.phase)
                         : oap_arena_strdup(&d->arena, now);
    if (!s)
        d->oom = 1;
    return s ? s : text;
}

static void refs_field(oap_diff *d, const char *name, uint32_t plan, const oap_strv *a,
                       const oap_strv *b)
{
    uint32_t na, nb;
    const char **x = strv_items(d, a, &na), **y = strv_items(d, b, &nb);
    for (uint32_t i = 0; x && i < na; i++)
        x[i] = renumbered_ref(d, plan, x[i]);
    list_field(d, name, x, na, y, nb);
}

static const char *num(oap_diff *d, double v)
{
    const char *s = oap_arena_printf(&d->arena, "%.15g", v);
    if (!s)
        d->oom = 1;
    return s ? s : "";
}

/* Each phase as one text: "1: 1-2 weeks in April/May; needs 1.1". */
static const char **phase_items(oap_diff *d, const oap_action *a, uint32_t plan, int old,
                                uint32_t *n)
{
    *n = a->nphases;
    const char **items = oap_arena_alloc(&d->arena, ((size_t)a->nphases + 1) * sizeof *items);
    if (!items) {
        d->oom = 1;
        *n = 0;
        return NULL;
    }
    for (uint32_t k = 0; k < a->nphases; k++) {
        const oap_phase *p = &a->phases[k];
        oap_strbuf b = OAP_STRBUF_INIT;
        oap_strbuf_printf(&b, "%s: %s", p->id, p->timing ? p->timing : "(no timing)");
        for (uint32_t j = 0; j < p->needs.n; j++)
            oap_strbuf_printf(&b, "%s%s", j ? ", " : "; needs ",
                              old ? renumbered_ref(d, plan, p->needs.items[j]) : p->needs.items[j]);
        items[k] = save(d, oap_strbuf_str(&b));
        if (!items[k])
            items[k] = "";
        oap_strbuf_free(&b);
    }
    return items;
}

static const char **kpi_items(oap_diff *d, const oap_action *a, uint32_t *n)
{
    *n = a->kpis.n;
    const char **items = oap_arena_alloc(&d->arena, ((size_t)a->kpis.n + 1) * sizeof *items);
    if (!items) {
        d->oom = 1;
        *n = 0;
        return NULL;
    }
    for (uint32_t k = 0; k < a->kpis.n; k++) {
        const oap_kpi_target *t = oap_action_kpi_target_of(a, k);
        items[k] = a->kpis.items[k];
        if (t->has_target) {
            const char *s =
                oap_arena_printf(&d->arena, "%s (target %s%s%s)", a->kpis.items[k],
                                 num(d, t->target), t->unit ? " " : "", t->unit ? t->unit : "");
            items[k] = s ? s : items[k];
        }
    }
    return items;
}

/* The results object, or each round: "2012-06: ongoing: text". */
static const char **result_items(oap_diff *d, const oap_action *a, uint32_t *n)
{
    const char **items = oap_arena_alloc(&d->arena, ((size_t)a->nrounds + 4) * sizeof *items);
    *n = 0;
    if (!items) {
        d->oom = 1;
        return NULL;
    }
    if (a->has_results) {
        const char *names[3] = {"june", "december", "status"};
        const char *v[3] = {a->results.june, a->results.december, a->results.status};
        for (int k = 0; k < 3; k++)
            if (v[k]) {
                const char *s = oap_arena_printf(&d->arena, "%s: %s", names[k], v[k]);
                items[(*n)++] = s ? s : v[k];
            }
    }
    for (uint32_t k = 0; k < a->nrounds; k++) {
        const oap_round *r = &a->rounds[k];
        oap_strbuf b = OAP_STRBUF_INIT;
        char m[8];
        oap_timing_format_month(r->month, m);
        oap_strbuf_puts(&b, m);
        if (r->status)
            oap_strbuf_printf(&b, ": %s", r->status);
        if (r->text)
            oap_strbuf_printf(&b, ": %s", r->text);
        for (uint32_t j = 0; j < r->nvalues; j++)
            oap_strbuf_printf(&b, "; %s = %s", r->values[j].indicator, num(d, r->values[j].value));
        items[*n] = save(d, oap_strbuf_str(&b));
        *n += items[*n] != NULL;
        oap_strbuf_free(&b);
    }
    return items;
}

static const char *grant_text(oap_diff *d, const oap_grant *g)
{
    if (!g)
        return NULL;
    const char *s =
        oap_arena_printf(&d->arena, "%s %s%s%s%s%s", num(d, g->amount), g->currency,
                         g->beneficiary ? ", to " : "", g->beneficiary ? g->beneficiary : "",
                         g->source ? ", from " : "", g->source ? g->source : "");
    if (!s)
        d->oom = 1;
    return s;
}

static const char *window_text(oap_diff *d, const oap_graph *g, uint32_t node, oap_window *w,
                               int *known)
{
    char buf[40];
    *known = oap_views__window(g, node, w);
    if (!*known)
        return NULL;
    return save(d, oap_views__format_window(w, buf, sizeof buf));
}

/* The fields of two actions matched with each other, in the order of the issue. */
static void compare_actions(oap_diff *d, uint32_t o, uint32_t n)
{
    const oap_graph *og = d->old_g, *ng = d->new_g;
    const oap_action *a = oap_graph_action(og, o), *b = oap_graph_action(ng, n);
    uint32_t plan = og->nodes[o].plan;
    uint32_t na, nb;
    text_field(d, "goal", a->goal, b->goal, 0);
    text_field(d, "title", a->title, b->title, 1);
    text_field(d, "description", a->description, b->description, 1);
    strv_field(d, "leaders", &a->leaders, &b->leaders);
    strv_field(d, "coleaders", &a->coleaders, &b->coleaders);
    strv_field(d, "participants", &a->participants, &b->participants);

    /* Timing as written, and the months it reads as: moved by how many. */
    oap_window wa, wb;
    int ka, kb;
    const char *ta = window_text(d, og, o, &wa, &ka), *tb = window_text(d, ng, n, &wb, &kb);
    int moved = ka && kb && (wa.start != wb.start || wa.end != wb.end);
    if (!same(a->timing, b->timing) || moved || ka != kb) {
        dfield *f = add_field(d, "timing");
        if (f) {
            f->old_s = a->timing;
            f->new_s = b->timing;
            if (moved && wa.start != wb.start) {
                int by = wb.start - wa.start;
                f->note = oap_arena_printf(&d->arena, "%s to %s: %d month%s %s", ta, tb,
                                           by < 0 ? -by : by, by == 1 || by == -1 ? "" : "s",
                                           by < 0 ? "earlier" : "later");
            } else if (moved || ka != kb) {
                f->note = oap_arena_printf(&d->arena, "%s to %s", ta ? ta : "unknown",
                                           tb ? tb : "unknown");
            }
        }
    }
    refs_field(d, "refs", plan, &a->refs, &b->refs);
    refs_field(d, "needs", plan, &a->needs, &b->needs);
    const char **pa = phase_items(d, a, plan, 1, &na), **pb = phase_items(d, b, plan, 0, &nb);
    list_field(d, "phases", pa, na, pb, nb);
    pa = kpi_items(d, a, &na);
    pb = kpi_items(d, b, &nb);
    list_field(d, "kpis", pa, na, pb, nb);
    pa = result_items(d, a, &na);
    pb = result_items(d, b, &nb);
    list_field(d, "results", pa, na, pb, nb);
    strv_field(d, "jads", &a->jads, &b->jads);
    text_field(d, "grant", grant_text(d, a->grant), grant_text(d, b->grant), 0);
}

static void compare_plans(oap_diff *d, const oap_plan *a, const oap_plan *b)
{
    char ya[24], yb[24];
    text_field(d, "title", a->title, b->title, 1);
    text_field(d, "document", a->document, b->document, 0);
    text_field(d, "revision", a->revision, b->revision, 0);
    text_field(d, "classification", a->classification, b->classification, 0);
    text_field(d, "driver", a->driver, b->driver, 0);
    text_field(d, "status", a->status, b->status, 0);
    text_field(d, "period", save(d, oap_plan_years_text(a, ya, sizeof ya)),
               save(d, oap_plan_years_text(b, yb, sizeof yb)), 0);
}

/* The plans of both sides, paired by id: NEW's in order, then those only OLD has. */
static int pair_plans(oap_diff *d)
{
    const oap_model *om = d->old_g->model, *nm = d->new_g->model;
    for (size_t k = 0; k < nm->nplans + om->nplans; k++) {
        int is_new = k < nm->nplans;
        const oap_plan *p = is_new ? nm->plans[k] : om->plans[k - nm->nplans];
        uint32_t other = OAP_NONE;
        const oap_model *m = is_new ? om : nm;
        for (size_t j = 0; j < m->nplans && other == OAP_NONE; j++)
            if (strcmp(m->plans[j]->id, p->id) == 0)
                other = (uint32_t)j;
        if (!is_new && other != OAP_NONE)
            continue;
        /* A plan id given twice in one side is a duplicate-id finding: the first counts. */
        int seen = 0;
        for (size_t s = 0; s < d->nplans && !seen; s++)
            seen = strcmp(d->plans[s].id, p->id) == 0;
        if (seen)
            continue;
        if (OAP_ARRAY_RESERVE(d->plans, d->plans_cap, d->nplans + 1) < 0)
            return OAP_ENOMEM;
        d->plans[d->nplans++] = is_new ? (dplan){p->id, other, (uint32_t)k}
                                       : (dplan){p->id, (uint32_t)(k - nm->nplans), OAP_NONE};
    }
    return 0;
}

/* A pair of actions that may be the same work, and its score. */
typedef struct cand {
    uint32_t o, n; /* nodes */
    double score;
    int same_id;
} cand;

typedef struct match_ctx {
    oap_diff *d;
    const oap_overlap_index *ix;
    uint32_t nold; /* items below are OLD's */
    cand *c;
    size_t n, cap;
} match_ctx;

static uint32_t plan_slot_of(const oap_diff *d, int old, uint32_t plan)
{
    for (size_t s = 0; s < d->nplans; s++)
        if ((old ? d->plans[s].old_plan : d->plans[s].new_plan) == plan)
            return (uint32_t)s;
    return OAP_NONE;
}

static int add_cand(match_ctx *m, uint32_t i, uint32_t j, int must)
{
    oap_diff *d = m->d;
    size_t gi, gj;
    uint32_t o, n;
    oap_overlap_item_node(m->ix, i, &gi, &o);
    oap_overlap_item_node(m->ix, j, &gj, &n);
    const oap_action *a = oap_graph_action(d->old_g, o), *b = oap_graph_action(d->new_g, n);
    if (plan_slot_of(d, 1, d->old_g->nodes[o].plan) != plan_slot_of(d, 0, d->new_g->nodes[n].plan))
        return 0;
    oap_overlap_score s;
    oap_overlap_score_pair(m->ix, i, j, &s);
    int same_id = strcmp(a->id, b->id) == 0;
    /* Another id is the same work when it scores as an overlap would, keeps a leader
     * and stays under its goal. */
    if (!must && (s.score < OAP_OVERLAP_THRESHOLD || s.leaders <= 0 || !same(a->goal, b->goal)))
        return 0;
    if (must && s.score < OAP_OVERLAP_THRESHOLD)
        return 0;
    if (OAP_ARRAY_RESERVE(m->c, m->cap, m->n + 1) < 0)
        return OAP_ENOMEM;
    m->c[m->n++] = (cand){o, n, s.score, same_id};
    return 0;
}

static int visit_cand(void *ctx, uint32_t i, uint32_t j)
{
    match_ctx *m = ctx;
    /* OLD's items come first: a pair across the sides has i in OLD, j in NEW. */
    if (i >= m->nold || j < m->nold)
        return 0;
    return add_cand(m, i, j, 0);
}

static int by_score(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    if (a->same_id != b->same_id)
        return b->same_id - a->same_id;
    if (a->o != b->o)
        return a->o < b->o ? -1 : 1;
    return a->n < b->n ? -1 : a->n > b->n;
}

static void link_pair(oap_diff *d, uint32_t o, uint32_t n)
{
    if (d->old_to_new[o] == OAP_NONE && d->new_to_old[n] == OAP_NONE) {
        d->old_to_new[o] = n;
        d->new_to_old[n] = o;
    }
}

/* The actions of one id in both sides of a plan: with m, linked when their titles are
 * the same and else made candidates of the match (their score decides); without, linked
 * when both are still free. 0 or OAP_ENOMEM. */
static int same_ids(oap_diff *d, match_ctx *m)
{
    const oap_graph *og = d->old_g, *ng = d->new_g;
    for (size_t s = 0; s < d->nplans; s++) {
        const dplan *p = &d->plans[s];
        if (p->old_plan == OAP_NONE || p->new_plan == OAP_NONE)
            continue;
        const oap_plan *op = og->model->plans[p->old_plan];
        for (uint32_t k = 0; k < op->nactions; k++) {
            uint32_t o = og->action_base[p->old_plan] + k;
            uint32_t n = find_action(ng, p->new_plan, op->actions[k].id);
            if (n == OAP_NONE)
                continue;
            if (!m || same(op->actions[k].title, oap_graph_action(ng, n)->title)) {
                link_pair(d, o, n);
                continue;
            }
            uint32_t i = oap_overlap_item(m->ix, 0, o), j = oap_overlap_item(m->ix, 1, n);
            int rc = i != OAP_NONE && j != OAP_NONE ? add_cand(m, i, j, 1) : 0;
            if (rc < 0)
                return rc;
        }
    }
    return 0;
}

/* Matches the actions of the two sides: same id and title first; then the pairs that
 * are the same work, best score first (a pair under one id among them); then what is
 * left under one id. */
static int match_actions(oap_diff *d)
{
    const oap_graph *og = d->old_g, *ng = d->new_g;
    const oap_graph *both[2] = {og, ng};
    oap_overlap_index *ix = NULL;
    match_ctx m = {.d = d};
    int rc;
    if ((rc = oap_overlap_index_build(&ix, both, 2)) < 0)
        return rc;
    m.ix = ix;
    for (uint32_t i = 0; i < oap_overlap_count(ix); i++) {
        size_t g;
        uint32_t v;
        oap_overlap_item_node(ix, i, &g, &v);
        m.nold += g == 0;
    }
    /* The same id in a plan of the same id, with the same title: the same action. */
    if ((rc = same_ids(d, &m)) < 0)
        goto done;
    if ((rc = oap_overlap_candidates(ix, visit_cand, &m)) < 0)
        goto done;
    if (m.n)
        qsort(m.c, m.n, sizeof *m.c, by_score);
    for (size_t k = 0; k < m.n; k++)
        link_pair(d, m.c[k].o, m.c[k].n);
    /* An id both sides still have unmatched: the same action, rewritten. */
    same_ids(d, NULL);
    rc = 0;
done:
    free(m.c);
    oap_overlap_index_free(ix);
    return rc;
}

/* Where an item stands: plan fields first, then goals, then actions; in NEW's order,
 * a removed one where it stood in OLD (before what NEW has at that place). */
static uint64_t order_of(int what, uint32_t at, int removed)
{
    return ((uint64_t)what << 40) | ((uint64_t)at << 1) | (uint64_t)!removed;
}

static void diff_goals(oap_diff *d, uint32_t s)
{
    const dplan *p = &d->plans[s];
    const oap_plan *op = d->old_g->model->plans[p->old_plan];
    const oap_plan *np = d->new_g->model->plans[p->new_plan];
    for (uint32_t k = 0; k < np->ngoals; k++) {
        uint32_t n = d->new_g->goal_base[p->new_plan] + k;
        uint32_t o = find_goal(d->old_g, p->old_plan, np->goals[k].id, goal_rank(np, k));
        size_t first = d->nfields;
        if (o == OAP_NONE) {
            add_entry(d, OAP_DIFF_ADDED, WHAT_GOAL, s, OAP_NONE, n, first,
                      order_of(WHAT_GOAL, k, 0));
            continue;
        }
        const oap_goal *a = oap_graph_goal(d->old_g, o), *b = &np->goals[k];
        text_field(d, "title", a->title, b->title, 1);
        text_field(d, "common", a->common, b->common, 0);
        if (d->nfields > first)
            add_entry(d, OAP_DIFF_CHANGED, WHAT_GOAL, s, o, n, first, order_of(WHAT_GOAL, k, 0));
    }
    for (uint32_t k = 0; k < op->ngoals; k++) {
        uint32_t o = d->old_g->goal_base[p->old_plan] + k;
        if (find_goal(d->new_g, p->new_plan, op->goals[k].id, goal_rank(op, k)) == OAP_NONE)
            add_entry(d, OAP_DIFF_REMOVED, WHAT_GOAL, s, o, OAP_NONE, d->nfields,
                      order_of(WHAT_GOAL, k, 1));
    }
}

static void diff_actions(oap_diff *d, uint32_t s)
{
    const dplan *p = &d->plans[s];
    const oap_plan *op = d->old_g->model->plans[p->old_plan];
    const oap_plan *np = d->new_g->model->plans[p->new_plan];
    for (uint32_t k = 0; k < np->nactions; k++) {
        uint32_t n = d->new_g->action_base[p->new_plan] + k, o = d->new_to_old[n];
        size_t first = d->nfields;
        if (o == OAP_NONE) {
            add_entry(d, OAP_DIFF_ADDED, WHAT_ACTION, s, OAP_NONE, n, first,
                      order_of(WHAT_ACTION, k, 0));
            continue;
        }
        compare_actions(d, o, n);
        const oap_action *a = oap_graph_action(d->old_g, o);
        if (strcmp(a->id, np->actions[k].id) != 0)
            add_entry(d, OAP_DIFF_RENUMBERED, WHAT_ACTION, s, o, n, first,
                      order_of(WHAT_ACTION, k, 0));
        else if (d->nfields > first)
            add_entry(d, OAP_DIFF_CHANGED, WHAT_ACTION, s, o, n, first,
                      order_of(WHAT_ACTION, k, 0));
    }
    for (uint32_t k = 0; k < op->nactions; k++) {
        uint32_t o = d->old_g->action_base[p->old_plan] + k;
        if (d->old_to_new[o] != OAP_NONE)
            continue;
        /* Where it stood: before the NEW action that follows it in OLD. */
        uint32_t at = np->nactions;
        for (uint32_t j = k + 1; j < op->nactions && at == np->nactions; j++) {
            uint32_t next = d->old_to_new[d->old_g->action_base[p->old_plan] + j];
            if (next != OAP_NONE)
                at = d->new_g->nodes[next].item;
        }
        add_entry(d, OAP_DIFF_REMOVED, WHAT_ACTION, s, o, OAP_NONE, d->nfields,
                  order_of(WHAT_ACTION, at, 1));
    }
}

/* --- Affected actions ------------------------------------------------------------- */

static const char *name(const oap_graph *g, uint32_t node, char *buf, size_t size)
{
    return oap_graph_name(g, node, g->nodes[node].plan, buf, size);
}

/* What changed in an entry, after its name in "why": ", whose timing moved (2012-09 to
 * 2012-11: 2 months later)", ", which was removed", " (renumbered from 2.3)". */
static void cause_text(const oap_diff *d, const dentry *e, oap_strbuf *b)
{
    char on[160];
    if (e->kind == OAP_DIFF_REMOVED) {
        oap_strbuf_puts(b, ", which was removed");
        return;
    }
    if (e->kind == OAP_DIFF_RENUMBERED)
        oap_strbuf_printf(b, " (renumbered from %s)", name(d->old_g, e->old_node, on, sizeof on));
    for (size_t k = 0; k < e->nfields; k++) {
        const dfield *f = &d->fields[e->field + k];
        oap_strbuf_printf(b, k ? ", %s" : ", whose %s", f->name);
        if (f->note)
            oap_strbuf_printf(b, " moved (%s)", f->note);
        else if (k + 1 == e->nfields)
            oap_strbuf_puts(b, " changed");
    }
}

/* What the search for affected actions keeps, per node of NEW (and of OLD for removed
 * actions), stamped with the entry it is for, so that nothing is cleared between entries:
 * the whole search is linear in the graphs and the entries. */
typedef struct walk {
    oap_adjacency new_adj, old_adj; /* what needs or lists each node */
    uint32_t *seen;                 /* NEW unit reached for this entry */
    uint32_t *told;                 /* NEW action reported for this entry */
    uint32_t *queue;
    unsigned *depth;
} walk;

static int add_affected(oap_diff *d, walk *k, uint32_t slot, uint32_t node, size_t cause,
                        const oap_strbuf *why)
{
    if (k->told[node] == (uint32_t)cause)
        return 0;
    k->told[node] = (uint32_t)cause;
    const char *text = why->oom ? NULL : save(d, oap_strbuf_str(why));
    if (!text || OAP_ARRAY_RESERVE(d->affected, d->affected_cap, d->naffected + 1) < 0)
        return OAP_ENOMEM;
    d->affected[d->naffected++] = (daffected){slot, node, cause, text};
    return 0;
}

/* An action and its phases (nodes that follow its first phase): the units a need or a
 * reference on the action can land on. Returns how many are in out. */
static uint32_t units_of(const oap_graph *g, uint32_t action, uint32_t *out)
{
    uint32_t n = 0, nphases = oap_graph_action(g, action)->nphases;
    out[n++] = action;
    for (uint32_t i = 0; i < nphases; i++)
        out[n++] = g->first_phase[action] + i;
    return n;
}

/* For a changed or renumbered action, the actions of NEW that refer to it or need it,
 * and those that need them, up to depth. */
static int affected_by_change(oap_diff *d, walk *k, size_t cause)
{
    const oap_graph *g = d->new_g;
    const dentry *e = &d->entries[cause];
    const oap_adjacency *adj = &k->new_adj;
    uint32_t start = e->new_node, head = 0, tail = units_of(g, start, k->queue);
    oap_strbuf why = OAP_STRBUF_INIT;
    int rc = 0;
    char an[160], bn[160], cn[160];
    /* The action and its phases stand at depth 0. */
    for (uint32_t q = 0; q < tail; q++) {
        k->seen[k->queue[q]] = (uint32_t)cause;
        k->depth[k->queue[q]] = 0;
    }
    k->told[start] = (uint32_t)cause;
    while (head < tail && rc == 0) {
        uint32_t v = k->queue[head++];
        if (k->depth[v] >= d->depth)
            continue;
        for (uint32_t x = adj->start[v]; x < adj->start[v + 1] && rc == 0; x++) {
            uint32_t w = adj->target[x];
            int rel = adj->rel[x];
            if (!(rel == OAP_REL_NEEDED_BY || (k->depth[v] == 0 && rel == OAP_REL_REFERRED_BY)) ||
                k->seen[w] == (uint32_t)cause)
                continue;
            k->seen[w] = (uint32_t)cause;
            k->depth[w] = k->depth[v] + 1;
            k->queue[tail++] = w;
            oap_strbuf_reset(&why);
            oap_strbuf_printf(&why, "%s %s %s", name(g, w, an, sizeof an),
                              rel == OAP_REL_NEEDED_BY ? "needs" : "refers to",
                              name(g, v, bn, sizeof bn));
            if (k->depth[v] > 0)
                oap_strbuf_printf(&why, ", which depends on %s", name(g, start, cn, sizeof cn));
            cause_text(d, e, &why);
            /* A need on a unit that now ends later than the needing unit starts. */
            oap_window wv, ww;
            if (rel == OAP_REL_NEEDED_BY && oap_views__window(g, v, &wv) &&
                oap_views__window(g, w, &ww) && ww.start <= wv.end)
                oap_strbuf_printf(&why, ": %s now starts before %s ends", name(g, w, cn, sizeof cn),
                                  name(g, v, an, sizeof an));
            rc = add_affected(d, k, e->slot, oap_graph_action_of(g, w), cause, &why);
        }
    }
    oap_strbuf_free(&why);
    return rc;
}

/* For a removed action, the actions of NEW whose lists still name it: their reference
 * now dangles (or lands elsewhere). Needs first: they say most. */
static int affected_by_removal(oap_diff *d, walk *k, size_t cause)
{
    const oap_graph *og = d->old_g, *ng = d->new_g;
    const oap_adjacency *adj = &k->old_adj;
    const dentry *e = &d->entries[cause];
    oap_strbuf why = OAP_STRBUF_INIT;
    char an[160], bn[160];
    uint32_t nphases = oap_graph_action(og, e->old_node)->nphases;
    int rc = 0;
    for (int pass = 0; pass < 2 && rc == 0; pass++) {
        int rel = pass ? OAP_REL_REFERRED_BY : OAP_REL_NEEDED_BY;
        /* The action, then each of its phases (a need lands on a phase). */
        for (uint32_t i = 0; i <= nphases && rc == 0; i++) {
            uint32_t u = i == 0 ? e->old_node : og->first_phase[e->old_node] + i - 1;
            for (uint32_t x = adj->start[u]; x < adj->start[u + 1] && rc == 0; x++) {
                uint32_t now = d->old_to_new[oap_graph_action_of(og, adj->target[x])];
                if (adj->rel[x] != rel || now == OAP_NONE)
                    continue;
                oap_strbuf_reset(&why);
                oap_strbuf_printf(&why, "%s %s %s", name(ng, now, an, sizeof an),
                                  pass ? "refers to" : "needs", name(og, u, bn, sizeof bn));
                cause_text(d, e, &why);
                rc = add_affected(d, k, e->slot, now, cause, &why);
            }
        }
    }
    oap_strbuf_free(&why);
    return rc;
}

static int find_affected(oap_diff *d)
{
    const oap_graph *g = d->new_g;
    walk k = {0};
    int rc = OAP_ENOMEM;
    size_t nn = (size_t)g->nnodes + 1;
    k.seen = malloc(nn * sizeof *k.seen);
    k.told = malloc(nn * sizeof *k.told);
    k.queue = malloc(nn * sizeof *k.queue);
    k.depth = malloc(nn * sizeof *k.depth);
    if (!k.seen || !k.told || !k.queue || !k.depth ||
        (rc = oap_adjacency_build(&k.new_adj, g, OAP_ADJ_REVERSE | OAP_ADJ_ALL_LINKS)) < 0)
        goto done;
    if ((rc = oap_adjacency_build(&k.old_adj, d->old_g, OAP_ADJ_REVERSE | OAP_ADJ_ALL_LINKS)) < 0) {
        oap_adjacency_free(&k.new_adj);
        goto done;
    }
    for (uint32_t v = 0; v < g->nnodes; v++)
        k.seen[v] = k.told[v] = OAP_NONE;
    for (size_t x = 0; x < d->n && rc == 0; x++) {
        const dentry *e = &d->entries[x];
        if (e->what != WHAT_ACTION)
            continue;
        if (e->kind == OAP_DIFF_REMOVED)
            rc = affected_by_removal(d, &k, x);
        else if (e->kind == OAP_DIFF_CHANGED || e->kind == OAP_DIFF_RENUMBERED)
            rc = affected_by_change(d, &k, x);
    }
    oap_adjacency_free(&k.new_adj);
    oap_adjacency_free(&k.old_adj);
done:
    free(k.seen);
    free(k.told);
    free(k.queue);
    free(k.depth);
    return rc;
}

/* --- References left on an old number ---------------------------------------------- */

/* The plan of NEW a reference written in plan `from` names: its own, or the plan its
 * qualifier names (an id, or a priority of one loaded plan). */
static uint32_t ref_plan(const oap_graph *g, uint32_t from, const oap_ref *r)
{
    if (!r->qualifier[0])
        return from;
    uint32_t p;
    if (oap_strmap_get(&g->plan_ids, r->qualifier, &p))
        return p;
    uint32_t plans[2];
    if (oap_graph_priority_plans(g, from, r->qualifier, OAP_SCOPE_YEARS, plans, 2) == 1)
        return plans[0];
    return OAP_NONE;
}

/* Whether OLD's action o lists text in list (refs or needs of the action or a phase). */
static int old_lists(const oap_graph *og, uint32_t o, const oap_link *l, const char *text)
{
    const oap_action *a = oap_graph_action(og, o);
    const oap_strv *v = l->list == OAP_LIST_REFS    ? &a->refs
                        : l->list == OAP_LIST_NEEDS ? &a->needs
                                                    : NULL;
    if (!v) {
        for (uint32_t k = 0; k < a->nphases; k++)
            for (uint32_t j = 0; j < a->phases[k].needs.n; j++)
                if (strcmp(a->phases[k].needs.items[j], text) == 0)
                    return 1;
        return 0;
    }
    for (uint32_t j = 0; j < v->n; j++)
        if (strcmp(v->items[j], text) == 0)
            return 1;
    return 0;
}

static const char *link_text(const oap_graph *g, const oap_link *l)
{
    const oap_action *a = oap_graph_action(g, l->action);
    switch (l->list) {
    case OAP_LIST_REFS:
        return a->refs.items[l->item];
    case OAP_LIST_NEEDS:
        return a->needs.items[l->item];
    case OAP_LIST_PHASE_NEEDS:
        return a->phases[l->phase].needs.items[l->item];
    default:
        return NULL;
    }
}

static int find_stale(oap_diff *d)
{
    const oap_graph *og = d->old_g, *ng = d->new_g;
    oap_strbuf m = OAP_STRBUF_INIT;
    char an[160], now[160];
    for (size_t k = 0; k < ng->nlinks; k++) {
        const oap_link *l = &ng->links[k];
        const char *text = link_text(ng, l);
        oap_ref r;
        oap_ref_error e;
        uint32_t o = d->new_to_old[l->action];
        if (!text || o == OAP_NONE || oap_ref_parse(text, &r, &e) < 0 || !old_lists(og, o, l, text))
            continue;
        uint32_t plan = ref_plan(ng, ng->nodes[l->action].plan, &r);
        if (plan == OAP_NONE)
            continue;
        /* Was the action this names in OLD renumbered? */
        uint32_t s = plan_slot_of(d, 0, plan), target;
        if (s == OAP_NONE || d->plans[s].old_plan == OAP_NONE ||
            (target = find_action(og, d->plans[s].old_plan, r.target)) == OAP_NONE ||
            d->old_to_new[target] == OAP_NONE)
            continue;
        uint32_t moved = d->old_to_new[target];
        if (strcmp(oap_graph_action(ng, moved)->id, r.target) == 0)
            continue;
        uint32_t lands = l->to != OAP_NONE ? oap_graph_action_of(ng, l->to) : OAP_NONE;
        if (lands == moved)
            continue;
        oap_strbuf_reset(&m);
        name(ng, l->action, an, sizeof an);
        oap_strbuf_printf(&m, "%s %s %s, the old number of %s (renumbered from %s); ", an,
                          l->list == OAP_LIST_REFS ? "refers to" : "needs", text,
                          name(ng, moved, now, sizeof now), r.target);
        if (lands == OAP_NONE)
            oap_strbuf_printf(&m, "%s now names nothing", text);
        else
            oap_strbuf_printf(&m, "%s is now another action", text);
        if (m.oom || OAP_ARRAY_RESERVE(d->stale, d->stale_cap, d->nstale + 1) < 0) {
            oap_strbuf_free(&m);
            return OAP_ENOMEM;
        }
        d->stale[d->nstale++] = (dstale){plan_slot_of(d, 0, ng->nodes[l->action].plan), l->action,
                                         save(d, oap_strbuf_str(&m))};
    }
    oap_strbuf_free(&m);
    return d->oom ? OAP_ENOMEM : 0;
}

/* --- Findings ---------------------------------------------------------------------- */

/* "2012-C:2.3#1" or "2.3" with the action renumbered: the node OLD's finding names, as
 * NEW numbers it. */
static const char *map_node(oap_diff *d, const char *plan, const char *node)
{
    const oap_graph *og = d->old_g;
    uint32_t p, a;
    char id[OAP_REF_ID_MAX * 3 + 8];
    const char *hash = strchr(node, '#');
    size_t len = hash ? (size_t)(hash - node) : strlen(node);
    if (!*node || len >= sizeof id || !oap_strmap_get(&og->plan_ids, plan, &p))
        return node;
    memcpy(id, node, len);
    id[len] = '\0';
    if ((a = find_action(og, p, id)) == OAP_NONE || d->old_to_new[a] == OAP_NONE)
        return node;
    const char *now = oap_graph_action(d->new_g, d->old_to_new[a])->id;
    if (strcmp(now, id) == 0)
        return node;
    const char *s = oap_arena_printf(&d->arena, "%s%s", now, hash ? hash : "");
    return s ? s : node;
}

static const char *map_related(oap_diff *d, const char *related)
{
    const char *colon = strrchr(related, ':');
    char plan[OAP_REF_ID_MAX * 3 + 8];
    if (!colon || (size_t)(colon - related) >= sizeof plan)
        return related;
    memcpy(plan, related, (size_t)(colon - related));
    plan[colon - related] = '\0';
    const char *node = map_node(d, plan, colon + 1);
    if (node == colon + 1)
        return related;
    const char *s = oap_arena_printf(&d->arena, "%s:%s", plan, node);
    return s ? s : related;
}

/* OLD's findings renamed through the renumbering, so that their fingerprints are NEW's. */
static int old_fingerprints(oap_diff *d)
{
    oap_diags *mapped = NULL;
    int rc = oap_diags_new(&mapped);
    for (size_t i = 0; rc == 0 && i < oap_diags_count(d->old_f); i++) {
        const oap_diag *f = oap_diags_at(d->old_f, i);
        oap_where w = {.file = f->file,
                       .pointer = f->pointer,
                       .plan = f->plan,
                       .node = map_node(d, f->plan, f->node),
                       .related = map_related(d, f->related),
                       .key = f->key,
                       .subject = map_related(d, oap_diags_subject(d->old_f, i)),
                       .score = f->score,
                       .line = f->line,
                       .col = f->col};
        rc = oap_diags_add(mapped, f->rule, f->severity, &w, "%s", f->message);
    }
    if (rc == 0)
        rc = oap_diags_fingerprints(&d->old_fps, mapped);
    oap_diags_free(mapped);
    return rc;
}

static int cmp_fp(const void *x, const void *y)
{
    return strcmp(((const oap_fingerprint *)x)->text, ((const oap_fingerprint *)y)->text);
}

/* The findings of `a` whose fingerprints `b` does not have, in a's order. */
static int missing(const oap_fingerprint *a, size_t na, const oap_fingerprint *b, size_t nb,
                   size_t **out, size_t *n)
{
    oap_fingerprint *sorted = nb ? malloc(nb * sizeof *sorted) : NULL;
    *out = malloc((na + 1) * sizeof **out);
    *n = 0;
    if ((nb && !sorted) || !*out) {
        free(sorted);
        return OAP_ENOMEM;
    }
    if (nb) {
        memcpy(sorted, b, nb * sizeof *sorted);
        qsort(sorted, nb, sizeof *sorted, cmp_fp);
    }
    for (size_t i = 0; i < na; i++)
        if (!nb || !bsearch(&a[i], sorted, nb, sizeof *sorted, cmp_fp))
            (*out)[(*n)++] = i;
    free(sorted);
    return 0;
}

static int compare_findings(oap_diff *d)
{
    int rc;
    size_t no = oap_diags_count(d->old_f), nn = oap_diags_count(d->new_f);
    if ((rc = old_fingerprints(d)) < 0 ||
        (rc = oap_diags_fingerprints(&d->new_fps, d->new_f)) < 0 ||
        (rc = oap_diags_fingerprints(&d->old_own_fps, d->old_f)) < 0)
        return rc;
    if ((rc = missing(d->new_fps, nn, d->old_fps, no, &d->added_findings, &d->nadded)) < 0)
        return rc;
    return missing(d->old_fps, no, d->new_fps, nn, &d->fixed_findings, &d->nfixed);
}

static int by_order(const void *x, const void *y)
{
    const dentry *a = x, *b = y;
    if (a->slot != b->slot)
        return a->slot < b->slot ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

int oap_diff_build(oap_diff **out, const oap_graph *old_graph, const oap_diags *old_findings,
                   const oap_graph *new_graph, const oap_diags *new_findings, unsigned depth)
{
    int rc = OAP_ENOMEM;
    oap_diff *d = calloc(1, sizeof *d);
    *out = NULL;
    if (!d)
        return OAP_ENOMEM;
    d->old_g = old_graph;
    d->new_g = new_graph;
    d->old_f = old_findings;
    d->new_f = new_findings;
    d->depth = depth ? depth : 1;
    d->arena = (oap_arena)OAP_ARENA_INIT;
    d->old_to_new = malloc(((size_t)old_graph->nnodes + 1) * sizeof *d->old_to_new);
    d->new_to_old = malloc(((size_t)new_graph->nnodes + 1) * sizeof *d->new_to_old);
    if (!d->old_to_new || !d->new_to_old)
        goto done;
    for (uint32_t v = 0; v < old_graph->nnodes; v++)
        d->old_to_new[v] = OAP_NONE;
    for (uint32_t v = 0; v < new_graph->nnodes; v++)
        d->new_to_old[v] = OAP_NONE;
    if ((rc = pair_plans(d)) < 0 || (rc = match_actions(d)) < 0)
        goto done;
    for (uint32_t s = 0; s < d->nplans; s++) {
        const dplan *p = &d->plans[s];
        size_t first = d->nfields;
        if (p->old_plan == OAP_NONE)
            add_entry(d, OAP_DIFF_ADDED, WHAT_PLAN, s, OAP_NONE, new_graph->plan_node[p->new_plan],
                      first, 0);
        else if (p->new_plan == OAP_NONE)
            add_entry(d, OAP_DIFF_REMOVED, WHAT_PLAN, s, old_graph->plan_node[p->old_plan],
                      OAP_NONE, first, 0);
        else {
            compare_plans(d, old_graph->model->plans[p->old_plan],
                          new_graph->model->plans[p->new_plan]);
            if (d->nfields > first)
                add_entry(d, OAP_DIFF_CHANGED, WHAT_PLAN, s, old_graph->plan_node[p->old_plan],
                          new_graph->plan_node[p->new_plan], first, 0);
            diff_goals(d, s);
            diff_actions(d, s);
        }
    }
    rc = OAP_ENOMEM;
    if (d->oom)
        goto done;
    if (d->n)
        qsort(d->entries, d->n, sizeof *d->entries, by_order);
    if ((rc = find_affected(d)) < 0 || (rc = find_stale(d)) < 0 || (rc = compare_findings(d)) < 0)
        goto done;
    rc = d->oom ? OAP_ENOMEM : 0;
done:
    if (rc < 0)
        oap_diff_free(d);
    else
        *out = d;
    return rc;
}

void oap_diff_free(oap_diff *d)
{
    if (!d)
        return;
    oap_arena_free(&d->arena);
    free(d->plans);
    free(d->entries);
    free(d->fields);
    free(d->affected);
    free(d->stale);
    free(d->old_to_new);
    free(d->new_to_old);
    free(d->added_findings);
    free(d->fixed_findings);
    free(d->old_fps);
    free(d->old_own_fps);
    free(d->new_fps);
    free(d);
}

/* --- Accessors --------------------------------------------------------------------- */

size_t oap_diff_count(const oap_diff *d, oap_diff_kind kind)
{
    size_t n = 0;
    for (size_t k = 0; k < d->n; k++)
        n += d->entries[k].kind == kind;
    return n;
}

int oap_diff_at(const oap_diff *d, oap_diff_kind kind, size_t i, uint32_t *old_node,
                uint32_t *new_node)
{
    for (size_t k = 0; k < d->n; k++)
        if (d->entries[k].kind == kind && i-- == 0) {
            *old_node = d->entries[k].old_node;
            *new_node = d->entries[k].new_node;
            return 0;
        }
    return OAP_EINVAL;
}

size_t oap_diff_affected_count(const oap_diff *d)
{
    return d->naffected;
}

size_t oap_diff_stale_count(const oap_diff *d)
{
    return d->nstale;
}

size_t oap_diff_new_count(const oap_diff *d, oap_severity min)
{
    size_t n = min <= OAP_SEVERITY_WARNING ? d->nstale : 0;
    for (size_t k = 0; k < d->nadded; k++)
        n += oap_diags_at(d->new_f, d->added_findings[k])->severity >= min;
    return n;
}

size_t oap_diff_fixed_count(const oap_diff *d)
{
    return d->nfixed;
}

int oap_diff_empty(const oap_diff *d)
{
    return d->n == 0 && d->nadded == 0 && d->nfixed == 0 && d->nstale == 0;
}

/* --- Writing ----------------------------------------------------------------------- */

typedef struct writer {
    FILE *out;
    const oap_diff *d;
    oap_diff_format fmt;
} writer;

static const char *entry_id(const oap_diff *d, const dentry *e, int old, char *buf, size_t size)
{
    const oap_graph *g = old ? d->old_g : d->new_g;
    uint32_t v = old ? e->old_node : e->new_node;
    if (v == OAP_NONE)
        return NULL;
    if (e->what == WHAT_PLAN)
        return oap_graph_plan(g, v)->id;
    return name(g, v, buf, size);
}

static const char *entry_title(const oap_diff *d, const dentry *e)
{
    const oap_graph *g = e->new_node != OAP_NONE ? d->new_g : d->old_g;
    uint32_t v = e->new_node != OAP_NONE ? e->new_node : e->old_node;
    switch (e->what) {
    case WHAT_PLAN:
        return oap_graph_plan(g, v)->title;
    case WHAT_GOAL:
        return oap_graph_goal(g, v)->title;
    default:
        return oap_graph_action(g, v)->title;
    }
}

/* Text as the format shows it: safe for a terminal, or Markdown-escaped. */
static void put_text(const writer *w, const char *s)
{
    if (w->fmt == OAP_DIFF_MARKDOWN)
        oap_views__markdown(w->out, s, 0);
    else
        oap_views__plain(w->out, s);
}

static void put_span(const writer *w, const char *s, size_t n)
{
    char *c = malloc(n + 1);
    if (!c)
        return;
    memcpy(c, s, n);
    c[n] = '\0';
    put_text(w, c);
    free(c);
}

/* Words kept around a change: enough to find the place, not the whole description. */
enum { CONTEXT_WORDS = 6 };

/* A word-level change as git's --word-diff shows it: "x [-old-]{+new+} y"; a long run of
 * unchanged words keeps a few at each end around "...". */
static void put_words(const writer *w, const char *a, const char *b)
{
    oap_wdiff wd = OAP_WDIFF_INIT;
    if (oap_wdiff_compute(&wd, a, b) < 0)
        return;
    const char *del_open = w->fmt == OAP_DIFF_MARKDOWN ? "~~" : "[-";
    const char *del_close = w->fmt == OAP_DIFF_MARKDOWN ? "~~" : "-]";
    const char *ins_open = w->fmt == OAP_DIFF_MARKDOWN ? "**" : "{+";
    const char *ins_close = w->fmt == OAP_DIFF_MARKDOWN ? "**" : "+}";
    for (size_t i = 0; i < wd.n; i++) {
        const oap_wdiff_run *r = &wd.runs[i];
        const char *text = r->op == OAP_WDIFF_DELETED ? a : b;
        /* A deletion and the insertion that takes its place stand together. */
        if (i > 0 && !(wd.runs[i - 1].op == OAP_WDIFF_DELETED && r->op == OAP_WDIFF_INSERTED))
            fputc(' ', w->out);
        if (r->op == OAP_WDIFF_DELETED) {
            fputs(del_open, w->out);
            put_span(w, text + r->start, r->len);
            fputs(del_close, w->out);
        } else if (r->op == OAP_WDIFF_INSERTED) {
            fputs(ins_open, w->out);
            put_span(w, text + r->start, r->len);
            fputs(ins_close, w->out);
        } else if (r->words <= 2 * CONTEXT_WORDS + 1) {
            put_span(w, text + r->start, r->len);
        } else {
            /* The first words (unless the text starts here) and the last (unless it ends
             * here). */
            const char *s = text + r->start;
            size_t pos = 0, st, len, k, head_end = 0, tail_start = 0;
            int head = i > 0, tail = i + 1 < wd.n;
            for (k = 0; k < r->words && (len = oap_wdiff_next_word(s + pos, r->len - pos, &st));
                 k++) {
                if (k + 1 == CONTEXT_WORDS)
                    head_end = pos + st + len;
                if (k == r->words - CONTEXT_WORDS)
                    tail_start = pos + st;
                pos += st + len;
            }
            if (head)
                put_span(w, s, head_end);
            fputs(head ? " ..." : "...", w->out);
            if (tail) {
                fputc(' ', w->out);
                put_span(w, s + tail_start, r->len - tail_start);
            }
        }
    }
    oap_wdiff_free(&wd);
}

static void put_list(const writer *w, const char **items, uint32_t n, const char **other,
                     uint32_t nother)
{
    int first = 1;
    for (uint32_t i = 0; i < n; i++) {
        if (contains(other, nother, items[i]))
            continue;
        fputs(first ? "" : ", ", w->out);
        put_text(w, items[i]);
        first = 0;
    }
}

/* One field on a line: "leaders: joined NL; left UK", "title: To [-enhance-]{+step up+}". */
static void text_field_line(const writer *w, const dfield *f, const char *indent)
{
    FILE *out = w->out;
    fprintf(out, "%s%s: ", indent, f->name);
    if (f->list) {
        int joined = strcmp(f->name, "leaders") == 0 || strcmp(f->name, "coleaders") == 0 ||
                     strcmp(f->name, "participants") == 0;
        int plus = has_other(f->new_l, f->nnew, f->old_l, f->nold);
        int minus = has_other(f->old_l, f->nold, f->new_l, f->nnew);
        if (plus) {
            fputs(joined ? "joined " : "added ", out);
            put_list(w, f->new_l, f->nnew, f->old_l, f->nold);
        }
        if (minus) {
            fputs(plus ? "; " : "", out);
            fputs(joined ? "left " : "removed ", out);
            put_list(w, f->old_l, f->nold, f->new_l, f->nnew);
        }
    } else if (f->words) {
        put_words(w, f->old_s, f->new_s);
    } else {
        if (f->old_s)
            put_text(w, f->old_s);
        else
            fputs("(none)", out);
        fputs(w->fmt == OAP_DIFF_MARKDOWN ? " → " : " -> ", out);
        if (f->new_s)
            put_text(w, f->new_s);
        else
            fputs("(none)", out);
    }
    if (f->note) {
        fputs(" (", out);
        put_text(w, f->note);
        fputc(')', out);
    }
    fputc('\n', out);
}

static const char *const kind_words[] = {"added", "removed", "renumbered", "changed"};

const char *oap_diff_kind_name(oap_diff_kind kind)
{
    return (unsigned)kind < sizeof kind_words / sizeof *kind_words ? kind_words[kind] : NULL;
}

static void put_bytes(void *ctx, const char *b, size_t n)
{
    fwrite(b, 1, n, ctx);
}

/* A finding as check writes it. In text, the file name and the message pass through the
 * one text policy as check's do (the colon of ":N:N: " escaped), so that no line of the
 * report reads to a problem matcher as a finding other than the one it shows. */
static void text_finding(const writer *w, const oap_diag *f)
{
    FILE *out = w->out;
    int md = w->fmt == OAP_DIFF_MARKDOWN;
    fputs(md ? "- " : "  ", out);
    if (md)
        put_text(w, f->file);
    else
        oap_text_escape(f->file, 0, put_bytes, out);
    if (f->line)
        fprintf(out, ":%u:%u", f->line, f->col);
    fprintf(out, ": %s: ", oap_severity_name(f->severity));
    if (md)
        put_text(w, f->message);
    else
        oap_text_escape(f->message, 0, put_bytes, out);
    fprintf(out, " [%s]\n", f->rule);
}

static void write_text(const writer *w)
{
    const oap_diff *d = w->d;
    FILE *out = w->out;
    int md = w->fmt == OAP_DIFF_MARKDOWN;
    char ob[160], nb[160];
    if (md)
        fputs("# Changes\n", out);
    for (uint32_t s = 0; s < d->nplans; s++) {
        int any = 0;
        for (size_t k = 0; k < d->n; k++)
            any |= d->entries[k].slot == s;
        for (size_t k = 0; k < d->naffected; k++)
            any |= d->affected[k].slot == s;
        for (size_t k = 0; k < d->nstale; k++)
            any |= d->stale[k].slot == s;
        if (!any)
            continue;
        if (md) {
            fputs("\n## Plan ", out);
            put_text(w, d->plans[s].id);
            fputs("\n\n", out);
        } else {
            fputs("plan ", out);
            put_text(w, d->plans[s].id);
            fputs("\n", out);
        }
        for (size_t k = 0; k < d->n; k++) {
            const dentry *e = &d->entries[k];
            if (e->slot != s)
                continue;
            fputs(md ? "- " : "  ", out);
            if (e->what == WHAT_PLAN && e->kind == OAP_DIFF_CHANGED)
                fputs("plan changed", out);
            else if (e->kind == OAP_DIFF_RENUMBERED) {
                fprintf(out, "%s ", what_names[e->what]);
                put_text(w, entry_id(d, e, 1, ob, sizeof ob));
                fputs(" renumbered to ", out);
                put_text(w, entry_id(d, e, 0, nb, sizeof nb));
            } else {
                fprintf(out, "%s ", what_names[e->what]);
                put_text(w, entry_id(d, e, e->kind == OAP_DIFF_REMOVED, ob, sizeof ob));
                fprintf(out, " %s",
                        e->kind == OAP_DIFF_CHANGED && e->what == WHAT_GOAL ? "reworded"
                                                                            : kind_words[e->kind]);
            }
            if (e->kind == OAP_DIFF_ADDED || e->kind == OAP_DIFF_REMOVED) {
                fputs(": ", out);
                put_text(w, entry_title(d, e));
            }
            fputc('\n', out);
            for (size_t f = 0; f < e->nfields; f++)
                text_field_line(w, &d->fields[e->field + f], md ? "  - " : "      ");
        }
        int header = 0;
        for (size_t k = 0; k < d->naffected; k++) {
            if (d->affected[k].slot != s)
                continue;
            if (!header++)
                fputs(md ? "\n### Affected\n\n" : "  affected:\n", out);
            fputs(md ? "- " : "    ", out);
            put_text(w, d->affected[k].why);
            fputc('\n', out);
        }
        header = 0;
        for (size_t k = 0; k < d->nstale; k++) {
            if (d->stale[k].slot != s)
                continue;
            if (!header++)
                fputs(md ? "\n### Stale references\n\n" : "  stale references:\n", out);
            fputs(md ? "- warning: " : "    warning: ", out);
            put_text(w, d->stale[k].message);
            fputs(" [stale-ref-after-renumber]\n", out);
        }
    }
    if (d->nadded) {
        if (md)
            fprintf(out, "\n## Findings introduced (%zu)\n\n", d->nadded);
        else
            fprintf(out, "findings introduced (%zu):\n", d->nadded);
        for (size_t k = 0; k < d->nadded; k++)
            text_finding(w, oap_diags_at(d->new_f, d->added_findings[k]));
    }
    if (d->nfixed) {
        if (md)
            fprintf(out, "\n## Findings fixed (%zu)\n\n", d->nfixed);
        else
            fprintf(out, "findings fixed (%zu):\n", d->nfixed);
        for (size_t k = 0; k < d->nfixed; k++)
            text_finding(w, oap_diags_at(d->old_f, d->fixed_findings[k]));
    }
    if (md && oap_diff_empty(d))
        fputs("\nNo changes.\n", out);
}

static void json_list(oap_jsonw *j, const char **items, uint32_t n)
{
    oap_jsonw_array(j);
    for (uint32_t i = 0; i < n; i++)
        oap_jsonw_string(j, items[i]);
    oap_jsonw_end(j);
}

static void json_fields(oap_jsonw *j, const oap_diff *d, const dentry *e)
{
    oap_jsonw_key(j, "fields");
    oap_jsonw_object(j);
    for (size_t k = 0; k < e->nfields; k++) {
        const dfield *f = &d->fields[e->field + k];
        oap_jsonw_key(j, f->name);
        oap_jsonw_object(j);
        if (f->list) {
            oap_jsonw_key(j, "old");
            json_list(j, f->old_l, f->nold);
            oap_jsonw_key(j, "new");
            json_list(j, f->new_l, f->nnew);
        } else {
            oap_jsonw_member(j, "old", f->old_s);
            oap_jsonw_member(j, "new", f->new_s);
        }
        if (f->note)
            oap_jsonw_member(j, "note", f->note);
        oap_jsonw_end(j);
    }
    oap_jsonw_end(j);
}

static void json_finding(oap_jsonw *j, const oap_diag *f, const char *fp)
{
    oap_jsonw_object(j);
    oap_jsonw_member(j, "rule", f->rule);
    oap_jsonw_member(j, "severity", oap_severity_name(f->severity));
    oap_jsonw_member(j, "message", f->message);
    oap_jsonw_member(j, "file", f->file);
    oap_jsonw_key(j, "line");
    if (f->line)
        oap_jsonw_int(j, f->line);
    else
        oap_jsonw_null(j);
    oap_jsonw_key(j, "column");
    if (f->line && f->col)
        oap_jsonw_int(j, f->col);
    else
        oap_jsonw_null(j);
    oap_jsonw_member(j, "pointer", f->pointer);
    oap_jsonw_member(j, "plan", *f->plan ? f->plan : NULL);
    oap_jsonw_member(j, "node", *f->node ? f->node : NULL);
    if (*f->related) {
        oap_jsonw_member(j, "related", f->related);
        oap_jsonw_key(j, "score");
        oap_jsonw_real(j, f->score);
    }
    oap_jsonw_member(j, "fingerprint", fp);
    oap_jsonw_end(j);
}

static int write_json(const writer *w)
{
    const oap_diff *d = w->d;
    oap_jsonw j;
    char ob[160], nb[160];
    oap_jsonw_init(&j, w->out);
    oap_jsonw_object(&j);
    oap_jsonw_key(&j, "plans");
    oap_jsonw_array(&j);
    for (uint32_t s = 0; s < d->nplans; s++) {
        const dplan *p = &d->plans[s];
        oap_jsonw_object(&j);
        oap_jsonw_member(&j, "id", p->id);
        oap_jsonw_member(&j, "status",
                         p->old_plan == OAP_NONE   ? "added"
                         : p->new_plan == OAP_NONE ? "removed"
                                                   : "kept");
        for (size_t k = 0; k < d->n; k++)
            if (d->entries[k].slot == s && d->entries[k].what == WHAT_PLAN &&
                d->entries[k].kind == OAP_DIFF_CHANGED)
                json_fields(&j, d, &d->entries[k]);
        for (int kind = OAP_DIFF_ADDED; kind <= OAP_DIFF_CHANGED; kind++) {
            oap_jsonw_key(&j, kind_words[kind]);
            oap_jsonw_array(&j);
            for (size_t k = 0; k < d->n; k++) {
                const dentry *e = &d->entries[k];
                if (e->slot != s || e->kind != kind || e->what == WHAT_PLAN)
                    continue;
                oap_jsonw_object(&j);
                if (kind == OAP_DIFF_RENUMBERED) {
                    oap_jsonw_member(&j, "from", entry_id(d, e, 1, ob, sizeof ob));
                    oap_jsonw_member(&j, "to", entry_id(d, e, 0, nb, sizeof nb));
                } else {
                    oap_jsonw_member(&j, "id",
                                     entry_id(d, e, kind == OAP_DIFF_REMOVED, ob, sizeof ob));
                }
                oap_jsonw_member(&j, "kind", what_names[e->what]);
                if (kind == OAP_DIFF_ADDED || kind == OAP_DIFF_REMOVED)
                    oap_jsonw_member(&j, "title", entry_title(d, e));
                else
                    json_fields(&j, d, e);
                oap_jsonw_end(&j);
            }
            oap_jsonw_end(&j);
        }
        oap_jsonw_key(&j, "affected");
        oap_jsonw_array(&j);
        for (size_t k = 0; k < d->naffected; k++) {
            const daffected *a = &d->affected[k];
            if (a->slot != s)
                continue;
            const dentry *e = &d->entries[a->cause];
            oap_jsonw_object(&j);
            oap_jsonw_member(&j, "id", name(d->new_g, a->node, nb, sizeof nb));
            oap_jsonw_member(&j, "by", entry_id(d, e, e->kind == OAP_DIFF_REMOVED, ob, sizeof ob));
            oap_jsonw_member(&j, "why", a->why);
            oap_jsonw_end(&j);
        }
        oap_jsonw_end(&j);
        oap_jsonw_key(&j, "stale_refs");
        oap_jsonw_array(&j);
        for (size_t k = 0; k < d->nstale; k++) {
            if (d->stale[k].slot != s)
                continue;
            oap_jsonw_object(&j);
            oap_jsonw_member(&j, "rule", "stale-ref-after-renumber");
            oap_jsonw_member(&j, "severity", "warning");
            oap_jsonw_member(&j, "id", name(d->new_g, d->stale[k].node, nb, sizeof nb));
            oap_jsonw_member(&j, "message", d->stale[k].message);
            oap_jsonw_end(&j);
        }
        oap_jsonw_end(&j);
        oap_jsonw_end(&j);
    }
    oap_jsonw_end(&j);
    oap_jsonw_key(&j, "findings");
    oap_jsonw_object(&j);
    oap_jsonw_key(&j, "new");
    oap_jsonw_array(&j);
    for (size_t k = 0; k < d->nadded; k++)
        json_finding(&j, oap_diags_at(d->new_f, d->added_findings[k]),
                     d->new_fps[d->added_findings[k]].text);
    oap_jsonw_end(&j);
    oap_jsonw_key(&j, "fixed");
    oap_jsonw_array(&j);
    for (size_t k = 0; k < d->nfixed; k++)
        json_finding(&j, oap_diags_at(d->old_f, d->fixed_findings[k]),
                     d->old_own_fps[d->fixed_findings[k]].text);
    oap_jsonw_end(&j);
    oap_jsonw_end(&j);
    oap_jsonw_end(&j);
    return oap_jsonw_finish(&j);
}

int oap_diff_write(FILE *out, const oap_diff *d, oap_diff_format fmt)
{
    writer w = {out, d, fmt};
    if (fmt == OAP_DIFF_JSON)
        return write_json(&w);
    write_text(&w);
    return ferror(out) ? OAP_EIO : 0;
}
