/* impact: what the exclusion of actors, or an action's slip, does to the plans. */
#include "impact.h"

#include "adjacency.h"
#include "jsonw.h"
#include "views.h"
#include "core/text.h"

#include "core/array.h"
#include "oapgraph/common.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Actors. */

/* Whether text, in plan p, names actor r: the same registry entry, or else the same
 * declared code or text (ASCII case and surrounding space ignored). */
static int names_actor(const oap_plan *p, const char *text, const oap_impact_actor *r)
{
    const oap_actor_info *info = oap_actors_find(text);
    if (info || r->info)
        return info == r->info;
    const char *start, *code;
    size_t len = oap_text_trim(text, &start);
    if (!len)
        return 0;
    const oap_actor_decl *d = oap_views__declared(p, start, len);
    if (d && d->code)
        len = oap_text_trim(d->code, &start);
    size_t clen = oap_text_trim(r->code, &code);
    return clen == len && strncasecmp(code, start, len) == 0;
}

/* The index of the first actor taken out that text names, or -1. */
static int taken(const oap_impact *im, const oap_plan *p, const char *text)
{
    for (size_t i = 0; i < im->nwithout; i++)
        if (names_actor(p, text, &im->without[i]))
            return (int)i;
    return -1;
}

static int is_blank(const char *text)
{
    const char *start;
    return oap_text_trim(text, &start) == 0;
}

static int is_group(const char *text)
{
    const oap_actor_info *info = oap_actors_find(text);
    return info && info->kind == OAP_ACTOR_GROUP;
}

static int in_list(const oap_plan *p, const oap_strv *list, const oap_impact_actor *r)
{
    for (uint32_t i = 0; i < list->n; i++)
        if (names_actor(p, list->items[i], r))
            return 1;
    return 0;
}

/* Whether r leads action a: one of its leaders or co-leaders. */
static int leads(const oap_plan *p, const oap_action *a, const oap_impact_actor *r)
{
    return in_list(p, &a->leaders, r) || in_list(p, &a->coleaders, r);
}

/* Whether some plan writes text as an actor: a leader, co-leader, participant, driver or
 * support. */
static const char *written_somewhere(const oap_graph *g, const oap_impact_actor *r)
{
    for (size_t p = 0; p < g->model->nplans; p++) {
        const oap_plan *plan = g->model->plans[p];
        if (plan->driver && names_actor(plan, plan->driver, r))
            return plan->driver;
        for (uint32_t i = 0; i < plan->support.n; i++)
            if (names_actor(plan, plan->support.items[i], r))
                return plan->support.items[i];
        for (uint32_t a = 0; a < plan->nactions; a++) {
            const oap_action *act = &plan->actions[a];
            for (uint32_t i = 0; i < act->leaders.n; i++)
                if (names_actor(plan, act->leaders.items[i], r))
                    return act->leaders.items[i];
            for (uint32_t i = 0; i < act->coleaders.n; i++)
                if (names_actor(plan, act->coleaders.items[i], r))
                    return act->coleaders.items[i];
            for (uint32_t i = 0; i < act->participants.n; i++)
                if (names_actor(plan, act->participants.items[i], r))
                    return act->participants.items[i];
        }
    }
    return NULL;
}

int oap_impact_actor_read(oap_impact_actor *out, const oap_graph *g, const char *text, char *err,
                          size_t size)
{
    out->info = oap_actors_find(text);
    out->code = out->info ? out->info->code : text;
    if (out->info)
        return 0;
    const char *start;
    size_t len = oap_text_trim(text, &start);
    for (size_t p = 0; len && p < g->model->nplans; p++) {
        const oap_actor_decl *d = oap_views__declared(g->model->plans[p], start, len);
        if (d && d->code) {
            out->code = d->code;
            return 0;
        }
    }
    const char *written = len ? written_somewhere(g, out) : NULL;
    if (written) {
        out->code = written;
        return 0;
    }
    const char *near = oap_actors_suggest(text);
    snprintf(err, size, "'%.80s' is not a known actor, and no loaded plan names it%s%s%s", text,
             near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
    return OAP_EINVAL;
}

/* --without. */

static oap_loss loss(size_t lost, size_t kept)
{
    return lost == 0 ? OAP_LOSS_NONE : kept ? OAP_LOSS_SOME : OAP_LOSS_ALL;
}

/* Whether Member State r is a member in some month of year. */
static int member_in_year(const oap_impact_actor *r, int year)
{
    for (int m = 0; year > 0 && m < 12; m++)
        if (oap_actor_is_member(r->info, year * 12 + m))
            return 1;
    return 0;
}

static oap_impact_action assess(const oap_impact *im, const oap_plan *p, uint32_t node)
{
    const oap_action *a = oap_graph_action(im->g, node);
    oap_impact_action e = {node, 0, 0, 0, 0, 0};
    size_t lost = 0, kept = 0, lost_named = 0, kept_named = 0, lost_group = 0;
    size_t lost_leaders = 0, kept_leaders = 0;
    int all_ms = 0, joined_by_all = 0;
    /* Co-leaders count as leaders: the action is left without a leader only when they
     * are all taken out too. */
    const oap_strv *lists[] = {&a->leaders, &a->coleaders};
    for (int l = 0; l < 2; l++)
        for (uint32_t i = 0; i < lists[l]->n; i++) {
            const char *t = lists[l]->items[i];
            if (is_blank(t))
                continue;
            const oap_actor_info *info = oap_actors_find(t);
            all_ms |= info && info->group == OAP_GROUP_ALL_MS;
            if (taken(im, p, t) >= 0) {
                lost++;
                lost_leaders += l == 0;
            } else {
                kept++;
                kept_leaders += l == 0;
            }
        }
    for (uint32_t i = 0; i < a->participants.n; i++) {
        const char *t = a->participants.items[i];
        if (is_blank(t))
            continue;
        const oap_actor_info *info = oap_actors_find(t);
        all_ms |= info && info->group == OAP_GROUP_ALL_MS;
        int r = taken(im, p, t);
        joined_by_all |= r < 0 && info && info->group == OAP_GROUP_ALL_MS;
        /* A leader also listed as a participant counts once, as a leader. */
        if (r >= 0 && leads(p, a, &im->without[r]))
            continue;
        if (is_group(t))
            lost_group += r >= 0;
        else if (r >= 0)
            lost_named++;
        else
            kept_named++;
    }
    e.leaders = (uint8_t)loss(lost, kept);
    e.take_over = e.leaders == OAP_LOSS_SOME && lost_leaders && !kept_leaders;
    e.participants = (uint8_t)(lost_named   ? loss(lost_named, kept_named)
                               : lost_group ? OAP_LOSS_SOME
                                            : OAP_LOSS_NONE);
    e.at_risk = e.leaders == OAP_LOSS_ALL || (e.participants == OAP_LOSS_ALL && !joined_by_all);
    for (size_t i = 0; all_ms && i < im->nwithout; i++) {
        const oap_impact_actor *r = &im->without[i];
        if (r->info && r->info->kind == OAP_ACTOR_MEMBER_STATE && member_in_year(r, p->year) &&
            !leads(p, a, r) && !in_list(p, &a->participants, r))
            e.all_ms = 1;
    }
    return e;
}

/* Most severe first: no leader, no participant to count on, a co-leader, no named
 * participant (but All MS), a participant, a Member State of All MS. */
static int severity(const oap_impact_action *e)
{
    if (e->leaders == OAP_LOSS_ALL)
        return 0;
    if (e->at_risk)
        return 1;
    if (e->leaders == OAP_LOSS_SOME)
        return 2;
    if (e->participants == OAP_LOSS_ALL)
        return 3;
    if (e->participants == OAP_LOSS_SOME)
        return 4;
    return 5;
}

static int cmp_action(const void *pa, const void *pb)
{
    const oap_impact_action *a = pa, *b = pb;
    int sa = severity(a), sb = severity(b);
    if (sa != sb)
        return sa - sb;
    return a->action < b->action ? -1 : a->action > b->action;
}

static int is_root(const oap_impact_action *e)
{
    return e->leaders != OAP_LOSS_NONE || e->participants != OAP_LOSS_NONE;
}

static int add_reach(oap_impact *im, size_t *cap, oap_impact_reach r)
{
    if (OAP_ARRAY_RESERVE(im->reach, *cap, im->nreach + 1) < 0)
        return OAP_ENOMEM;
    im->reach[im->nreach++] = r;
    return 0;
}

/* Breadth first over needs backwards from the units of the affected actions: the
 * severe ones first, so that what they put at risk is said to be at risk. */
static int downstream(oap_impact *im)
{
    const oap_graph *g = im->g;
    oap_adjacency adj;
    uint32_t *seen = NULL, *queue = NULL, *origin = NULL, *steps = NULL;
    size_t cap = 0;
    int rc = OAP_ENOMEM;
    if (oap_adjacency_build(&adj, g, OAP_ADJ_REVERSE) < 0)
        return OAP_ENOMEM;
    seen = malloc(((size_t)g->nnodes + 1) * sizeof *seen); /* per node: its cause */
    queue = malloc(((size_t)g->nnodes + 1) * sizeof *queue);
    origin = malloc(((size_t)g->nnodes + 1) * sizeof *origin);
    steps = malloc(((size_t)g->nnodes + 1) * sizeof *steps);
    if (!seen || !queue || !origin || !steps)
        goto done;
    for (uint32_t v = 0; v < g->nnodes; v++)
        seen[v] = OAP_NONE;
    for (int severe = 1; severe >= 0; severe--) {
        uint32_t head = 0, tail = 0;
        for (size_t i = 0; i < im->nactions; i++) {
            const oap_impact_action *e = &im->actions[i];
            if (!is_root(e) || e->at_risk != severe)
                continue;
            uint32_t end = oap_graph_unit_end(g, e->action);
            for (uint32_t u = oap_graph_unit_start(g, e->action); u <= end; u++)
                if (seen[u] == OAP_NONE) {
                    seen[u] = e->action;
                    origin[u] = u;
                    steps[u] = 0;
                    queue[tail++] = u;
                }
        }
        while (head < tail) {
            uint32_t v = queue[head++];
            for (uint32_t k = adj.start[v]; k < adj.start[v + 1]; k++) {
                uint32_t w = adj.target[k];
                if (seen[w] != OAP_NONE)
                    continue;
                seen[w] = seen[v];
                origin[w] = origin[v];
                steps[w] = steps[v] + 1;
                queue[tail++] = w;
                oap_impact_reach r = {w, v, origin[w], steps[w], seen[v], severe, 0, 0};
                if (add_reach(im, &cap, r) < 0)
                    goto done;
            }
        }
    }
    rc = 0;
done:
    oap_adjacency_free(&adj);
    free(seen);
    free(queue);
    free(origin);
    free(steps);
    return rc;
}

int oap_impact_without(oap_impact **out, const oap_graph *g, const oap_impact_actor *actors,
                       size_t n)
{
    const oap_model *m = g->model;
    int rc = OAP_ENOMEM;
    oap_impact *im = calloc(1, sizeof *im);
    *out = NULL;
    if (!im)
        return OAP_ENOMEM;
    im->g = g;
    im->node = OAP_NONE;
    size_t nactions = 0;
    for (size_t p = 0; p < m->nplans; p++)
        nactions += m->plans[p]->nactions;
    im->without = malloc((n + 1) * sizeof *im->without);
    im->actions = malloc((nactions + 1) * sizeof *im->actions);
    im->plans = malloc((m->nplans + 1) * sizeof *im->plans);
    if (!im->without || !im->actions || !im->plans)
        goto done;
    memcpy(im->without, actors, n * sizeof *actors);
    im->nwithout = n;
    for (uint32_t p = 0; p < m->nplans; p++) {
        const oap_plan *plan = m->plans[p];
        size_t lost = 0, kept = 0;
        for (uint32_t i = 0; i < plan->support.n; i++)
            if (!is_blank(plan->support.items[i]))
                taken(im, plan, plan->support.items[i]) >= 0 ? lost++ : kept++;
        oap_impact_plan e = {p, plan->driver && taken(im, plan, plan->driver) >= 0,
                             (uint8_t)loss(lost, kept)};
        if (e.driver || e.support)
            im->plans[im->nplans++] = e;
        for (uint32_t i = 0; i < plan->nactions; i++) {
            oap_impact_action a = assess(im, plan, g->action_base[p] + i);
            if (a.leaders || a.participants || a.all_ms)
                im->actions[im->nactions++] = a;
        }
    }
    qsort(im->actions, im->nactions, sizeof *im->actions, cmp_action);
    rc = downstream(im);
done:
    if (rc < 0)
        oap_impact_free(im);
    else
        *out = im;
    return rc;
}

/* --late. */

typedef struct heap_item {
    int d;
    uint32_t v;
} heap_item;

typedef struct heap {
    heap_item *items;
    size_t n, cap;
} heap;

static int less(heap_item a, heap_item b)
{
    return a.d < b.d || (a.d == b.d && a.v < b.v);
}

static int heap_push(heap *h, int d, uint32_t v)
{
    if (OAP_ARRAY_RESERVE(h->items, h->cap, h->n + 1) < 0)
        return OAP_ENOMEM;
    size_t i = h->n++;
    h->items[i] = (heap_item){d, v};
    while (i > 0 && less(h->items[i], h->items[(i - 1) / 2])) {
        heap_item t = h->items[i];
        h->items[i] = h->items[(i - 1) / 2];
        h->items[(i - 1) / 2] = t;
        i = (i - 1) / 2;
    }
    return 0;
}

static heap_item heap_pop(heap *h)
{
    heap_item top = h->items[0];
    h->items[0] = h->items[--h->n];
    for (size_t i = 0;;) {
        size_t l = 2 * i + 1, r = l + 1, s = i;
        if (l < h->n && less(h->items[l], h->items[s]))
            s = l;
        if (r < h->n && less(h->items[r], h->items[s]))
            s = r;
        if (s == i)
            break;
        heap_item t = h->items[i];
        h->items[i] = h->items[s];
        h->items[s] = t;
        i = s;
    }
    return top;
}

static int add_unit(uint32_t **list, size_t *n, size_t *cap, uint32_t v)
{
    if (OAP_ARRAY_RESERVE(*list, *cap, *n + 1) < 0)
        return OAP_ENOMEM;
    (*list)[(*n)++] = v;
    return 0;
}

static int cmp_u32(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    return a < b ? -1 : a > b;
}

/* Scratch for the walk, per node. */
typedef struct slip_state {
    int *dist;       /* slack used up on the way from the late unit; INT_MAX: not reached */
    uint32_t *prev;  /* the unit it needs on that way */
    uint32_t *root;  /* the late unit it comes from */
    uint32_t *steps; /* needs from it to root on that way */
    uint8_t *mark;   /* 1 late, 2 unknown, 4 holding */
    oap_window *win;
    uint8_t *has_win;
} slip_state;

static int walk(oap_impact *im, const oap_adjacency *adj, slip_state *s, heap *h)
{
    size_t cap = 0, unknown_cap = 0, holding_cap = 0;
    while (h->n) {
        heap_item it = heap_pop(h);
        uint32_t v = it.v;
        if (it.d != s->dist[v])
            continue; /* a stale entry: v was reached more cheaply */
        oap_impact_reach r = {v,          s->prev[v], s->root[v],        s->steps[v],
                              s->root[v], 0,          im->months - it.d, 0};
        if (r.next != OAP_NONE)
            r.next_end = s->win[r.next].end + im->months - s->dist[r.next];
        if (add_reach(im, &cap, r) < 0)
            return OAP_ENOMEM;
        for (uint32_t k = adj->start[v]; k < adj->start[v + 1]; k++) {
            uint32_t w = adj->target[k];
            if (s->mark[w] & 1)
                continue;
            if (!s->has_win[w]) {
                if (!(s->mark[w] & 2) && add_unit(&im->unknown, &im->nunknown, &unknown_cap, w) < 0)
                    return OAP_ENOMEM;
                s->mark[w] |= 2;
                continue;
            }
            long gap = (long)s->win[w].start - s->win[v].end;
            long nd = it.d + (gap > 0 ? gap : 0);
            if (nd < im->months && nd < s->dist[w]) {
                s->dist[w] = (int)nd;
                s->prev[w] = v;
                s->root[w] = s->root[v];
                s->steps[w] = s->steps[v] + 1;
                if (heap_push(h, (int)nd, w) < 0)
                    return OAP_ENOMEM;
            }
        }
    }
    /* What needs a slipped unit and still fits. */
    for (size_t i = 0; i < im->nreach; i++) {
        uint32_t v = im->reach[i].unit;
        for (uint32_t k = adj->start[v]; k < adj->start[v + 1]; k++) {
            uint32_t w = adj->target[k];
            if (s->mark[w] || s->dist[w] != INT_MAX)
                continue;
            s->mark[w] |= 4;
            if (add_unit(&im->holding, &im->nholding, &holding_cap, w) < 0)
                return OAP_ENOMEM;
        }
    }
    if (im->nholding > 1)
        qsort(im->holding, im->nholding, sizeof *im->holding, cmp_u32);
    if (im->nunknown > 1)
        qsort(im->unknown, im->nunknown, sizeof *im->unknown, cmp_u32);
    return 0;
}

/* 9999-12, the last month "YYYY-MM" can write (oap_timing_format_month). */
#define LAST_MONTH (9999 * 12 + 11)

int oap_impact_slip(oap_impact **out, const oap_graph *g, uint32_t node, int months, char *err,
                    size_t size)
{
    char name[200];
    uint8_t kind = g->nodes[node].kind;
    *out = NULL;
    oap_views__name(g, node, oap_views__home(g, node), name, sizeof name);
    if (kind != OAP_NODE_ACTION && kind != OAP_NODE_PHASE) {
        snprintf(err, size, "%s is not an action or a phase; only those have a timing to slip",
                 name);
        return OAP_EINVAL;
    }
    uint32_t lo = oap_graph_unit_start(g, node), hi = oap_graph_unit_end(g, node);
    oap_window w;
    for (uint32_t u = lo; u <= hi; u++)
        if (!oap_views__window(g, u, &w)) {
            snprintf(err, size,
                     "%s has no window to slip: its timing names no month%s and it has no "
                     "\"window\"",
                     oap_views__name(g, u, oap_views__home(g, node), name, sizeof name),
                     oap_graph_plan(g, u)->first_year ? "" : " (or its plan has no year)");
            return OAP_EINVAL;
        }
    oap_adjacency adj = {0};
    slip_state s = {0};
    heap h = {0};
    int rc = OAP_ENOMEM;
    oap_impact *im = calloc(1, sizeof *im);
    if (!im)
        return OAP_ENOMEM;
    im->g = g;
    im->late = 1;
    im->node = node;
    im->months = months;
    size_t n = (size_t)g->nnodes + 1;
    s.dist = malloc(n * sizeof *s.dist);
    s.prev = malloc(n * sizeof *s.prev);
    s.root = malloc(n * sizeof *s.root);
    s.steps = malloc(n * sizeof *s.steps);
    s.mark = calloc(n, 1);
    s.win = malloc(n * sizeof *s.win);
    s.has_win = malloc(n);
    if (!s.dist || !s.prev || !s.root || !s.steps || !s.mark || !s.win || !s.has_win ||
        oap_adjacency_build(&adj, g, OAP_ADJ_REVERSE) < 0)
        goto done;
    for (uint32_t v = 0; v < g->nnodes; v++) {
        s.dist[v] = INT_MAX;
        s.prev[v] = OAP_NONE;
        s.has_win[v] = (uint8_t)oap_views__window(g, v, &s.win[v]);
    }
    for (uint32_t u = lo; u <= hi; u++) {
        s.dist[u] = 0;
        s.root[u] = u;
        s.steps[u] = 0;
        s.mark[u] = 1;
        if (heap_push(&h, 0, u) < 0)
            goto done;
    }
    rc = walk(im, &adj, &s, &h);
    /* A month after 9999-12 has no "YYYY-MM" to be written as: such a slip is refused,
     * rather than answered with months no one can read. */
    for (size_t i = 0; rc == 0 && i < im->nreach; i++) {
        uint32_t v = im->reach[i].unit;
        if ((long)s.win[v].end + im->reach[i].slip > LAST_MONTH) {
            snprintf(err, size,
                     "a slip of %d month%s moves %s to after 9999-12, the last month "
                     "a window can name",
                     months, months == 1 ? "" : "s",
                     oap_views__name(g, v, oap_views__home(g, node), name, sizeof name));
            rc = OAP_EINVAL;
        }
    }
done:
    oap_adjacency_free(&adj);
    free(h.items);
    free(s.dist);
    free(s.prev);
    free(s.root);
    free(s.steps);
    free(s.mark);
    free(s.win);
    free(s.has_win);
    if (rc < 0)
        oap_impact_free(im);
    else
        *out = im;
    return rc;
}

void oap_impact_free(oap_impact *im)
{
    if (!im)
        return;
    free(im->without);
    free(im->actions);
    free(im->plans);
    free(im->holding);
    free(im->unknown);
    free(im->reach);
    free(im);
}

/* Writing. */

static const char *plural(size_t n, const char *s)
{
    return n == 1 ? "" : s;
}

/* Writes the texts of list that are (taken != 0) or are not taken out, skipping blanks,
 * groups unless with_groups, and (led != NULL) the actors taken out that also lead led;
 * joined by ", ", after `before` texts already written. Returns how many it wrote. */
static size_t put_after(FILE *out, size_t before, const oap_impact *im, const oap_plan *p,
                        const oap_strv *list, int want_taken, int named_only, const oap_action *led)
{
    size_t n = 0;
    for (uint32_t i = 0; i < list->n; i++) {
        const char *t = list->items[i];
        int r = taken(im, p, t);
        if (is_blank(t) || (r >= 0) != want_taken || (named_only && is_group(t)))
            continue;
        if (led && r >= 0 && leads(p, led, &im->without[r]))
            continue;
        if (out) {
            if (before + n)
                fputs(", ", out);
            oap_views__plain(out, t);
        }
        n++;
    }
    return n;
}

static size_t put_actors(FILE *out, const oap_impact *im, const oap_plan *p, const oap_strv *list,
                         int want_taken, int named_only, const oap_action *led)
{
    return put_after(out, 0, im, p, list, want_taken, named_only, led);
}

static size_t count_actors(const oap_impact *im, const oap_plan *p, const oap_strv *list,
                           int want_taken, int named_only, const oap_action *led)
{
    return put_actors(NULL, im, p, list, want_taken, named_only, led);
}

/* The leaders, then the co-leaders, of a that are (or are not) taken out. */
static size_t put_leads(FILE *out, const oap_impact *im, const oap_plan *p, const oap_action *a,
                        int want_taken)
{
    size_t n = put_actors(out, im, p, &a->leaders, want_taken, 0, NULL);
    return n + put_after(out, n, im, p, &a->coleaders, want_taken, 0, NULL);
}

/* The groups of list, which stand for participants still to be named. */
static size_t put_groups(FILE *out, const oap_strv *list)
{
    size_t n = 0;
    for (uint32_t i = 0; i < list->n; i++)
        if (is_group(list->items[i])) {
            if (out) {
                fputs(n ? ", " : "", out);
                oap_views__plain(out, list->items[i]);
            }
            n++;
        }
    return n;
}

static void text_action(FILE *out, const oap_impact *im, const oap_impact_action *e, uint32_t home,
                        int width)
{
    const oap_graph *g = im->g;
    const oap_plan *p = oap_graph_plan(g, e->action);
    const oap_action *a = oap_graph_action(g, e->action);
    char name[200];
    oap_views__name(g, e->action, home, name, sizeof name);
    if (e->leaders == OAP_LOSS_ALL) {
        size_t lost = put_leads(NULL, im, p, a, 1);
        fprintf(out, "%-*s  %s", width, name,
                lost == 1 ? "loses its only leader " : "loses every leader (");
        put_leads(out, im, p, a, 1);
        fputs(lost == 1 ? ": no one is left to lead it\n" : "): no one is left to lead it\n", out);
    } else if (e->take_over) {
        /* Its leaders are gone, but co-leaders are left to lead it. */
        size_t lost = count_actors(im, p, &a->leaders, 1, 0, NULL);
        size_t kept = count_actors(im, p, &a->coleaders, 0, 0, NULL);
        fprintf(out, "%-*s  loses its leader%s ", width, name, plural(lost, "s"));
        put_actors(out, im, p, &a->leaders, 1, 0, NULL);
        fprintf(out, "; co-leader%s ", plural(kept, "s"));
        put_actors(out, im, p, &a->coleaders, 0, 0, NULL);
        fputs(" can take over\n", out);
    } else if (e->leaders == OAP_LOSS_SOME) {
        size_t lost = put_leads(NULL, im, p, a, 1);
        size_t kept = put_leads(NULL, im, p, a, 0);
        fprintf(out, "%-*s  loses co-leader%s ", width, name, plural(lost, "s"));
        put_leads(out, im, p, a, 1);
        fputs("; ", out);
        put_leads(out, im, p, a, 0);
        fprintf(out, " still lead%s it\n", kept == 1 ? "s" : "");
    }
    if (e->participants == OAP_LOSS_ALL) {
        size_t lost = count_actors(im, p, &a->participants, 1, 1, a);
        fprintf(out, "%-*s  %s", width, name,
                lost == 1 ? "loses its only named participant "
                          : "loses every named participant (");
        put_actors(out, im, p, &a->participants, 1, 1, a);
        fputs(lost == 1 ? "" : ")", out);
        size_t groups = put_groups(NULL, &a->participants);
        if (groups) {
            fputs("; left: ", out);
            put_groups(out, &a->participants);
            fputs(e->at_risk ? " (still to be named)" : "", out);
        } else {
            fputs("; no one else takes part", out);
        }
        fputc('\n', out);
    } else if (e->participants == OAP_LOSS_SOME) {
        size_t lost = count_actors(im, p, &a->participants, 1, 0, a);
        size_t kept = count_actors(im, p, &a->participants, 0, 0, NULL);
        fprintf(out, "%-*s  loses participant%s ", width, name, plural(lost, "s"));
        put_actors(out, im, p, &a->participants, 1, 0, a);
        if (kept) {
            fputs("; ", out);
            put_actors(out, im, p, &a->participants, 0, 0, NULL);
            fputs(kept == 1 ? " still takes part" : " still take part", out);
        }
        fputc('\n', out);
    }
    if (e->all_ms) {
        size_t n = 0;
        fprintf(out, "%-*s  loses ", width, name);
        for (size_t i = 0; i < im->nwithout; i++) {
            const oap_impact_actor *r = &im->without[i];
            if (!r->info || r->info->kind != OAP_ACTOR_MEMBER_STATE ||
                !member_in_year(r, p->year) || leads(p, a, r) || in_list(p, &a->participants, r))
                continue;
            fprintf(out, "%s%s", n++ ? ", " : "", r->code);
        }
        fputs(" as one of All MS; the other Member States still take part\n", out);
    }
}

static void text_plan(FILE *out, const oap_impact *im, const oap_impact_plan *e, int width)
{
    const oap_plan *p = im->g->model->plans[e->plan];
    if (e->driver) {
        fprintf(out, "%-*s  loses its driver ", width, p->id);
        oap_views__plain(out, p->driver);
        fputc('\n', out);
    }
    if (e->support == OAP_LOSS_ALL) {
        fprintf(out, "%-*s  loses all its project support (", width, p->id);
        put_actors(out, im, p, &p->support, 1, 0, NULL);
        fputs(")\n", out);
    } else if (e->support == OAP_LOSS_SOME) {
        fprintf(out, "%-*s  loses project support from ", width, p->id);
        put_actors(out, im, p, &p->support, 1, 0, NULL);
        fputs("; ", out);
        size_t kept = put_actors(out, im, p, &p->support, 0, 0, NULL);
        fprintf(out, " still support%s it\n", kept == 1 ? "s" : "");
    }
}

/* Per node: its entry in im->reach, for walking a path back to its cause. */
static uint32_t *reach_index(const oap_impact *im)
{
    uint32_t *index = malloc(((size_t)im->g->nnodes + 1) * sizeof *index);
    if (!index)
        return NULL;
    for (uint32_t v = 0; v < im->g->nnodes; v++)
        index[v] = OAP_NONE;
    for (size_t i = 0; i < im->nreach; i++)
        index[im->reach[i].unit] = (uint32_t)i;
    return index;
}

/* "1.3 -> 1.2 -> 1.1": from a unit along the units it needs to its cause; a way of more
 * than four steps shows its first three and its end ("... (19999 steps)"), so that the
 * text stays linear in what is reached. */
static void text_path(FILE *out, const oap_impact *im, const uint32_t *index, size_t i,
                      uint32_t home)
{
    enum { SHOWN = 3, WHOLE = 4 };
    const oap_impact_reach *r = &im->reach[i];
    char name[200];
    fputs(oap_views__name(im->g, r->unit, home, name, sizeof name), out);
    uint32_t v = r->next, k = 1;
    for (; v != OAP_NONE && (r->steps <= WHOLE || k <= SHOWN); k++) {
        fprintf(out, " -> %s", oap_views__name(im->g, v, home, name, sizeof name));
        v = index[v] == OAP_NONE ? OAP_NONE : im->reach[index[v]].next;
    }
    if (v != OAP_NONE)
        fprintf(out, " -> ... -> %s (%u steps)",
                oap_views__name(im->g, r->origin, home, name, sizeof name), r->steps);
}

static const char *root_loss(const oap_impact_action *e)
{
    if (e->leaders == OAP_LOSS_ALL)
        return "is left without a leader";
    if (e->at_risk)
        return "is left without a participant to count on";
    if (e->take_over)
        return "loses its leader, and a co-leader can take over";
    if (e->leaders == OAP_LOSS_SOME)
        return "loses a co-leader";
    if (e->participants == OAP_LOSS_ALL)
        return "loses every named participant";
    return "loses a participant";
}

static int text_without(FILE *out, const oap_impact *im)
{
    const oap_graph *g = im->g;
    uint32_t home = oap_views__home(g, OAP_NONE);
    char name[200];
    int width = 1;
    uint32_t *index = reach_index(im);
    uint32_t *entry = malloc(((size_t)g->nnodes + 1) * sizeof *entry);
    if (!index || !entry) {
        free(index);
        free(entry);
        return OAP_ENOMEM;
    }
    for (size_t i = 0; i < im->nactions; i++)
        entry[im->actions[i].action] = (uint32_t)i;
    for (size_t i = 0; i < im->nreach; i++) {
        int len = (int)strlen(oap_views__name(g, im->reach[i].unit, home, name, sizeof name));
        width = len > width ? len : width;
    }
    for (size_t i = 0; i < im->nplans; i++) {
        int len = (int)strlen(g->model->plans[im->plans[i].plan]->id);
        width = len > width ? len : width;
    }
    for (size_t i = 0; i < im->nactions; i++) {
        int len = (int)strlen(oap_views__name(g, im->actions[i].action, home, name, sizeof name));
        width = len > width ? len : width;
    }
    fputs("without ", out);
    for (size_t i = 0; i < im->nwithout; i++) {
        fputs(i ? ", " : "", out);
        oap_views__plain(out, im->without[i].code);
    }
    fputs(":\n", out);
    if (!im->nplans && !im->nactions)
        fputs("they take part in nothing in the loaded plans\n", out);
    for (size_t i = 0; i < im->nplans; i++)
        text_plan(out, im, &im->plans[i], width);
    for (size_t i = 0; i < im->nactions; i++)
        text_action(out, im, &im->actions[i], home, width);
    size_t roots = 0, at_risk = 0;
    for (size_t i = 0; i < im->nactions; i++)
        roots += is_root(&im->actions[i]);
    for (size_t i = 0; i < im->nreach; i++)
        at_risk += im->reach[i].severe != 0;
    if (roots && !im->nreach) {
        fputs("downstream through needs: nothing needs ", out);
        for (size_t i = 0, k = 0; i < im->nactions; i++)
            if (is_root(&im->actions[i]))
                fprintf(out, "%s%s", k++ ? (k == roots ? " or " : ", ") : "",
                        oap_views__name(g, im->actions[i].action, home, name, sizeof name));
        fputc('\n', out);
    } else if (im->nreach) {
        fputs("downstream through needs:\n", out);
        for (size_t i = 0; i < im->nreach; i++) {
            const oap_impact_reach *r = &im->reach[i];
            fprintf(out, "%-*s  %s through ", width,
                    oap_views__name(g, r->unit, home, name, sizeof name),
                    r->severe ? "at risk" : "affected");
            text_path(out, im, index, i, home);
            fprintf(out, ": %s %s\n", oap_views__name(g, r->cause, home, name, sizeof name),
                    root_loss(&im->actions[entry[r->cause]]));
        }
    }
    size_t c[6] = {0};
    for (size_t i = 0; i < im->nactions; i++) {
        const oap_impact_action *e = &im->actions[i];
        c[0] += e->at_risk;
        c[1] += e->leaders == OAP_LOSS_ALL;
        c[2] += e->leaders == OAP_LOSS_SOME;
        c[3] += e->participants == OAP_LOSS_ALL;
        c[4] += e->participants == OAP_LOSS_SOME;
        c[5] += e->all_ms;
    }
    fprintf(out,
            "actions at risk: %zu (%zu without a leader); losing a co-leader: %zu, every named "
            "participant: %zu, a participant: %zu, a Member State of All MS: %zu; downstream: "
            "%zu, %zu at risk\n",
            c[0], c[1], c[2], c[3], c[4], c[5], im->nreach, at_risk);
    free(entry);
    free(index);
    return 0;
}

static int text_late(FILE *out, const oap_impact *im)
{
    const oap_graph *g = im->g;
    uint32_t home = oap_views__home(g, im->node);
    char name[200], a[24], b[24], m[8];
    int width = 1;
    uint32_t *index = reach_index(im);
    if (!index)
        return OAP_ENOMEM;
    for (size_t i = 0; i < im->nreach; i++) {
        int len = (int)strlen(oap_views__name(g, im->reach[i].unit, home, name, sizeof name));
        width = len > width ? len : width;
    }
    fprintf(out, "if %s is %d month%s late:\n",
            oap_views__name(g, im->node, home, name, sizeof name), im->months,
            plural((size_t)im->months, "s"));
    size_t late = 0;
    for (size_t i = 0; i < im->nreach; i++) {
        const oap_impact_reach *r = &im->reach[i];
        oap_window w, moved;
        oap_views__window(g, r->unit, &w);
        moved = (oap_window){w.start + r->slip, w.end + r->slip};
        fprintf(out, "%-*s  slips %d month%s: %s becomes %s", width,
                oap_views__name(g, r->unit, home, name, sizeof name), r->slip,
                plural((size_t)r->slip, "s"), oap_views__format_window(&w, a, sizeof a),
                oap_views__format_window(&moved, b, sizeof b));
        if (r->next != OAP_NONE) {
            late++;
            oap_timing_format_month(r->next_end, m);
            fprintf(out, "; it needs %s, which now ends %s (",
                    oap_views__name(g, r->next, home, name, sizeof name), m);
            text_path(out, im, index, i, home);
            fputc(')', out);
        }
        fputc('\n', out);
    }
    if (im->nholding) {
        fputs("still fit: ", out);
        for (size_t i = 0; i < im->nholding; i++)
            fprintf(out, "%s%s", i ? ", " : "",
                    oap_views__name(g, im->holding[i], home, name, sizeof name));
        fputc('\n', out);
    }
    if (im->nunknown) {
        fputs("no window to tell: ", out);
        for (size_t i = 0; i < im->nunknown; i++)
            fprintf(out, "%s%s", i ? ", " : "",
                    oap_views__name(g, im->unknown[i], home, name, sizeof name));
        fputc('\n', out);
    }
    fprintf(out, "%zu dependant%s must move, %zu still fit%s, %zu cannot be told\n", late,
            plural(late, "s"), im->nholding, im->nholding == 1 ? "s" : "", im->nunknown);
    free(index);
    return 0;
}

int oap_impact_write_text(FILE *out, const oap_impact *im)
{
    oap_views__banners(out, im->g, NULL);
    int rc = im->late ? text_late(out, im) : text_without(out, im);
    if (rc < 0)
        return rc;
    oap_views__banners(out, im->g, NULL);
    return ferror(out) ? OAP_EIO : 0;
}

static void json_name(oap_jsonw *w, const oap_graph *g, uint32_t v)
{
    char name[200];
    oap_jsonw_string(
        w, v == OAP_NONE ? NULL : oap_views__name(g, v, OAP_VIEWS_QUALIFY, name, sizeof name));
}

/* The texts of list as put_actors chooses them, into an open JSON array. */
static void json_items(oap_jsonw *w, const oap_impact *im, const oap_plan *p, const oap_strv *list,
                       int want_taken, int named_only, const oap_action *led)
{
    for (uint32_t i = 0; i < list->n; i++) {
        const char *t = list->items[i];
        int r = taken(im, p, t);
        if (is_blank(t) || (r >= 0) != want_taken || (named_only && is_group(t)))
            continue;
        if (led && r >= 0 && leads(p, led, &im->without[r]))
            continue;
        oap_jsonw_string(w, t);
    }
}

/* The same, as a JSON array. */
static void json_actors(oap_jsonw *w, const oap_impact *im, const oap_plan *p, const oap_strv *list,
                        int want_taken, int named_only, const oap_action *led)
{
    oap_jsonw_array(w);
    json_items(w, im, p, list, want_taken, named_only, led);
    oap_jsonw_end(w);
}

/* The leaders, then the co-leaders, of a, as put_leads chooses them, as a JSON array. */
static void json_leads(oap_jsonw *w, const oap_impact *im, const oap_plan *p, const oap_action *a,
                       int want_taken)
{
    oap_jsonw_array(w);
    json_items(w, im, p, &a->leaders, want_taken, 0, NULL);
    json_items(w, im, p, &a->coleaders, want_taken, 0, NULL);
    oap_jsonw_end(w);
}

/* The way to the cause: the next unit on it, where it ends and how long it is (a
 * program follows "next" through the other entries; whole paths would grow with the
 * square of a long chain). */
static void json_way(oap_jsonw *w, const oap_impact *im, size_t i)
{
    const oap_impact_reach *r = &im->reach[i];
    oap_jsonw_key(w, "next");
    json_name(w, im->g, r->next);
    oap_jsonw_key(w, "origin");
    json_name(w, im->g, r->origin);
    oap_jsonw_key(w, "steps");
    oap_jsonw_int(w, r->steps);
}

static void json_without(oap_jsonw *w, const oap_impact *im)
{
    const oap_graph *g = im->g;
    static const char *const losses[] = {"none", "some", "all"};
    oap_jsonw_key(w, "without");
    oap_jsonw_array(w);
    for (size_t i = 0; i < im->nwithout; i++)
        oap_jsonw_string(w, im->without[i].code);
    oap_jsonw_end(w);
    oap_jsonw_key(w, "plans");
    oap_jsonw_array(w);
    for (size_t i = 0; i < im->nplans; i++) {
        const oap_plan *p = g->model->plans[im->plans[i].plan];
        oap_jsonw_object(w);
        oap_jsonw_member(w, "plan", p->id);
        oap_jsonw_key(w, "driver_lost");
        oap_jsonw_bool(w, im->plans[i].driver);
        oap_jsonw_member(w, "support_lost", losses[im->plans[i].support]);
        oap_jsonw_key(w, "support_lost_from");
        json_actors(w, im, p, &p->support, 1, 0, NULL);
        oap_jsonw_key(w, "support_kept");
        json_actors(w, im, p, &p->support, 0, 0, NULL);
        oap_jsonw_end(w);
    }
    oap_jsonw_end(w);
    oap_jsonw_key(w, "actions");
    oap_jsonw_array(w);
    for (size_t i = 0; i < im->nactions; i++) {
        const oap_impact_action *e = &im->actions[i];
        const oap_plan *p = oap_graph_plan(g, e->action);
        const oap_action *a = oap_graph_action(g, e->action);
        oap_jsonw_object(w);
        oap_jsonw_key(w, "node");
        json_name(w, g, e->action);
        oap_jsonw_member(w, "plan", p->id);
        oap_jsonw_member(w, "id", a->id);
        oap_jsonw_member(w, "title", a->title);
        oap_jsonw_key(w, "at_risk");
        oap_jsonw_bool(w, e->at_risk);
        oap_jsonw_member(w, "leaders_lost", losses[e->leaders]);
        oap_jsonw_member(w, "participants_lost", losses[e->participants]);
        oap_jsonw_key(w, "all_ms_member_lost");
        oap_jsonw_bool(w, e->all_ms);
        oap_jsonw_key(w, "leaders_lost_from");
        json_leads(w, im, p, a, 1);
        oap_jsonw_key(w, "leaders_kept");
        json_leads(w, im, p, a, 0);
        /* Who can take over when every leader is gone: its co-leaders left. */
        oap_jsonw_key(w, "can_take_over");
        oap_jsonw_array(w);
        if (e->take_over)
            json_items(w, im, p, &a->coleaders, 0, 0, NULL);
        oap_jsonw_end(w);
        oap_jsonw_key(w, "participants_lost_from");
        json_actors(w, im, p, &a->participants, 1, 0, a);
        oap_jsonw_key(w, "participants_kept");
        json_actors(w, im, p, &a->participants, 0, 0, NULL);
        oap_jsonw_end(w);
    }
    oap_jsonw_end(w);
    oap_jsonw_key(w, "downstream");
    oap_jsonw_array(w);
    for (size_t i = 0; i < im->nreach; i++) {
        const oap_impact_reach *r = &im->reach[i];
        oap_jsonw_object(w);
        oap_jsonw_key(w, "node");
        json_name(w, g, r->unit);
        oap_jsonw_key(w, "at_risk");
        oap_jsonw_bool(w, r->severe);
        oap_jsonw_key(w, "cause");
        json_name(w, g, r->cause);
        json_way(w, im, i);
        oap_jsonw_end(w);
    }
    oap_jsonw_end(w);
}

static void json_window(oap_jsonw *w, const char *key, int start, int end)
{
    char m[8];
    oap_jsonw_key(w, key);
    oap_jsonw_array(w);
    oap_timing_format_month(start, m);
    oap_jsonw_string(w, m);
    oap_timing_format_month(end, m);
    oap_jsonw_string(w, m);
    oap_jsonw_end(w);
}

static void json_late(oap_jsonw *w, const oap_impact *im)
{
    const oap_graph *g = im->g;
    oap_jsonw_key(w, "node");
    json_name(w, g, im->node);
    oap_jsonw_key(w, "months");
    oap_jsonw_int(w, im->months);
    oap_jsonw_key(w, "slipped");
    oap_jsonw_array(w);
    for (size_t i = 0; i < im->nreach; i++) {
        const oap_impact_reach *r = &im->reach[i];
        oap_window win;
        oap_views__window(g, r->unit, &win);
        oap_jsonw_object(w);
        oap_jsonw_key(w, "node");
        json_name(w, g, r->unit);
        oap_jsonw_key(w, "slip");
        oap_jsonw_int(w, r->slip);
        json_window(w, "window", win.start, win.end);
        json_window(w, "new_window", win.start + r->slip, win.end + r->slip);
        oap_jsonw_key(w, "needs");
        json_name(w, g, r->next);
        if (r->next != OAP_NONE) {
            char m[8];
            oap_timing_format_month(r->next_end, m);
            oap_jsonw_member(w, "needs_new_end", m);
        }
        json_way(w, im, i);
        oap_jsonw_end(w);
    }
    oap_jsonw_end(w);
    oap_jsonw_key(w, "still_fit");
    oap_jsonw_array(w);
    for (size_t i = 0; i < im->nholding; i++)
        json_name(w, g, im->holding[i]);
    oap_jsonw_end(w);
    oap_jsonw_key(w, "no_window");
    oap_jsonw_array(w);
    for (size_t i = 0; i < im->nunknown; i++)
        json_name(w, g, im->unknown[i]);
    oap_jsonw_end(w);
}

int oap_impact_write_json(FILE *out, const oap_impact *im)
{
    oap_jsonw w;
    oap_jsonw_init(&w, out);
    oap_jsonw_object(&w);
    oap_jsonw_key(&w, "version");
    oap_jsonw_int(&w, 1);
    oap_jsonw_member(&w, "query", im->late ? "late" : "without");
    oap_views__json_classification(&w, im->g, NULL);
    if (im->late)
        json_late(&w, im);
    else
        json_without(&w, im);
    oap_jsonw_end(&w);
    return oap_jsonw_finish(&w);
}

int oap_impact_of_dropping(oap_impact **out, const oap_graph *g, const char *const *actors,
                           size_t n, char *err, size_t size)
{
    *out = NULL;
    oap_impact_actor *read = malloc((n ? n : 1) * sizeof *read);
    if (!read)
        return OAP_ENOMEM;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = oap_impact_actor_read(&read[i], g, actors[i], err, size);
    if (rc == 0)
        rc = oap_impact_without(out, g, read, n);
    free(read);
    return rc;
}

size_t oap_impact_action_count(const oap_impact *im)
{
    return im->nactions;
}

int oap_impact_action_at(const oap_impact *im, size_t i, uint32_t *node, int *at_risk)
{
    if (i >= im->nactions)
        return OAP_EINVAL;
    *node = im->actions[i].action;
    *at_risk = im->actions[i].at_risk;
    return 0;
}

size_t oap_impact_reach_count(const oap_impact *im)
{
    return im->nreach;
}

int oap_impact_reach_at(const oap_impact *im, size_t i, uint32_t *unit, int *months)
{
    if (i >= im->nreach)
        return OAP_EINVAL;
    *unit = im->reach[i].unit;
    *months = im->late ? im->reach[i].slip : 0;
    return 0;
}
