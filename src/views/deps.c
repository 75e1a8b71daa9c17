/* deps: what a node needs, what needs it, and the shortest path between two nodes. */
#include "deps.h"

#include "jsonw.h"
#include "views.h"

#include "oapgraph/common.h"

#include <stdlib.h>
#include <string.h>

/* The nodes a walk starts from (see oap_deps_run). */
static int start_set(const oap_graph *g, uint32_t node, int all_links, uint32_t **out, uint32_t *n)
{
    if (!all_links)
        return oap_views__units(g, node, out, n);
    uint32_t phases = 0;
    if (g->nodes[node].kind == OAP_NODE_ACTION && g->first_phase[node] != OAP_NONE)
        phases = oap_graph_action(g, node)->nphases;
    *out = malloc(((size_t)phases + 1) * sizeof **out);
    if (!*out)
        return OAP_ENOMEM;
    (*out)[0] = node;
    for (uint32_t k = 0; k < phases; k++)
        (*out)[k + 1] = g->first_phase[node] + k;
    *n = phases + 1;
    return 0;
}

static int adjacency_flags(const oap_deps_options *o, int reverse)
{
    return (reverse ? OAP_ADJ_REVERSE : 0) | (o->all_links ? OAP_ADJ_ALL_LINKS : 0);
}

int oap_deps_run(oap_deps **out, const oap_graph *g, uint32_t node, const oap_deps_options *opts)
{
    uint32_t *start = NULL, *seen = NULL, nstart = 0;
    int rc = OAP_ENOMEM;
    oap_deps *d = calloc(1, sizeof *d);
    *out = NULL;
    if (!d)
        return OAP_ENOMEM;
    d->g = g;
    d->opts = *opts;
    d->query = node;
    if (oap_adjacency_build(&d->adj, g, adjacency_flags(opts, opts->reverse)) < 0 ||
        start_set(g, node, opts->all_links, &start, &nstart) < 0)
        goto done;
    d->nodes = malloc(((size_t)g->nnodes + 1) * sizeof *d->nodes);
    d->depth = malloc(((size_t)g->nnodes + 1) * sizeof *d->depth);
    seen = malloc(((size_t)g->nnodes + 1) * sizeof *seen);
    if (!d->nodes || !d->depth || !seen)
        goto done;
    for (uint32_t v = 0; v < g->nnodes; v++)
        seen[v] = OAP_NONE;
    for (uint32_t i = 0; i < nstart; i++)
        if (seen[start[i]] == OAP_NONE) {
            seen[start[i]] = 0;
            d->nodes[d->n++] = start[i];
        }
    d->nstart = d->n;
    /* Breadth first: nodes doubles as the queue. */
    for (uint32_t head = 0; head < d->n; head++) {
        uint32_t v = d->nodes[head];
        for (uint32_t e = d->adj.start[v]; e < d->adj.start[v + 1]; e++) {
            uint32_t w = d->adj.target[e];
            if (seen[w] != OAP_NONE)
                continue;
            seen[w] = seen[v] + 1;
            d->nodes[d->n++] = w;
        }
    }
    for (uint32_t i = 0; i < d->n; i++)
        d->depth[i] = seen[d->nodes[i]];
    rc = 0;
done:
    free(start);
    free(seen);
    if (rc < 0)
        oap_deps_free(d);
    else
        *out = d;
    return rc;
}

void oap_deps_free(oap_deps *d)
{
    if (!d)
        return;
    oap_adjacency_free(&d->adj);
    free(d->nodes);
    free(d->depth);
    free(d);
}

/* The edges of v grouped by relation: "needs 1.1, 1.3; comes after 2.1#1". */
static void put_edges(FILE *out, const oap_deps *d, uint32_t v, uint32_t from)
{
    const oap_adjacency *a = &d->adj;
    char name[200];
    int any = 0;
    for (int r = 0; r < OAP_REL_COUNT; r++) {
        int first = 1;
        for (uint32_t e = a->start[v]; e < a->start[v + 1]; e++) {
            if (a->rel[e] != r)
                continue;
            fprintf(out, "%s%s", first ? (any ? "; " : "") : ", ",
                    first ? oap_relation_text((oap_relation)r) : "");
            fprintf(out, "%s%s", first ? " " : "",
                    oap_views__name(d->g, a->target[e], from, name, sizeof name));
            first = 0;
            any = 1;
        }
    }
    if (!any)
        fputs(d->opts.all_links ? "no links"
              : d->opts.reverse ? "needed by nothing"
                                : "needs nothing",
              out);
}

static const char *plural(uint32_t n, const char *s)
{
    return n == 1 ? "" : s;
}

static const char *over(const oap_deps_options *o)
{
    return o->all_links ? "over all links" : "over needs";
}

int oap_deps_write_text(FILE *out, const oap_deps *d)
{
    const oap_graph *g = d->g;
    uint32_t from = oap_views__home(g, d->query);
    char q[200], name[200];
    oap_views__name(g, d->query, from, q, sizeof q);
    oap_views__banners(out, g, NULL);
    if (d->opts.reverse)
        fprintf(out, "what needs %s, directly and through others, %s:\n", q, over(&d->opts));
    else
        fprintf(out, "what %s needs, directly and through others, %s:\n", q, over(&d->opts));
    if (d->nstart == 0)
        fprintf(out, "%s stands for no action or phase, and needs link only those%s\n", q,
                d->opts.all_links ? "" : " (--all-links follows its other links)");
    int dw = 1, nw = 1;
    for (uint32_t i = 0; i < d->n; i++) {
        int len = (int)strlen(oap_views__name(g, d->nodes[i], from, name, sizeof name));
        if (len > nw)
            nw = len;
        for (uint32_t x = d->depth[i], k = 1; x >= 10; x /= 10)
            dw = (int)++k > dw ? (int)k : dw;
    }
    for (uint32_t i = 0; i < d->n; i++) {
        fprintf(out, "%*u  %-*s  ", dw, d->depth[i], nw,
                oap_views__name(g, d->nodes[i], from, name, sizeof name));
        put_edges(out, d, d->nodes[i], from);
        fputc('\n', out);
    }
    uint32_t beyond = d->n - d->nstart;
    if (beyond == 0)
        fprintf(out, "nothing beyond %s.\n", q);
    else
        fprintf(out, "%u node%s beyond %s, up to %u step%s away.\n", beyond, plural(beyond, "s"), q,
                d->depth[d->n - 1], plural(d->depth[d->n - 1], "s"));
    oap_views__banners(out, g, NULL);
    return ferror(out) ? OAP_EIO : 0;
}

static const char *kind_name(uint8_t kind)
{
    static const char *const names[] = {"plan", "goal", "action", "phase", "priority"};
    return kind < 5 ? names[kind] : "?";
}

/* The fields every node has in JSON: node, plan, id, kind, title, window. */
static void json_node_fields(oap_jsonw *w, const oap_graph *g, uint32_t v)
{
    char name[200], win[24];
    const oap_node *n = &g->nodes[v];
    const oap_plan *p = oap_graph_plan(g, v);
    oap_jsonw_member(w, "node", oap_views__name(g, v, OAP_VIEWS_QUALIFY, name, sizeof name));
    oap_jsonw_member(w, "plan", p ? p->id : NULL);
    oap_jsonw_member(w, "id", oap_graph_name(g, v, n->plan, name, sizeof name));
    oap_jsonw_member(w, "kind", kind_name(n->kind));
    const char *title = NULL;
    if (n->kind == OAP_NODE_ACTION || n->kind == OAP_NODE_PHASE)
        title = oap_graph_action(g, v)->title;
    else if (n->kind == OAP_NODE_GOAL)
        title = oap_graph_goal(g, v)->title;
    else if (n->kind == OAP_NODE_PLAN)
        title = p->title;
    oap_jsonw_member(w, "title", title);
    oap_window span;
    if (oap_views__window(g, v, &span)) {
        oap_jsonw_key(w, "window");
        oap_jsonw_array(w);
        oap_timing_format_month(span.start, win);
        oap_jsonw_string(w, win);
        oap_timing_format_month(span.end, win);
        oap_jsonw_string(w, win);
        oap_jsonw_end(w);
    } else {
        oap_jsonw_key(w, "window");
        oap_jsonw_null(w);
    }
}

int oap_deps_write_json(FILE *out, const oap_deps *d)
{
    const oap_graph *g = d->g;
    char name[200];
    oap_jsonw w;
    oap_jsonw_init(&w, out);
    oap_jsonw_object(&w);
    oap_jsonw_key(&w, "version");
    oap_jsonw_int(&w, 1);
    oap_jsonw_member(&w, "query", d->opts.reverse ? "rdeps" : "deps");
    oap_jsonw_member(&w, "node",
                     oap_views__name(g, d->query, OAP_VIEWS_QUALIFY, name, sizeof name));
    oap_jsonw_member(&w, "over", d->opts.all_links ? "all-links" : "needs");
    oap_views__json_classification(&w, g, NULL);
    oap_jsonw_key(&w, "nodes");
    oap_jsonw_array(&w);
    for (uint32_t i = 0; i < d->n; i++) {
        uint32_t v = d->nodes[i];
        oap_jsonw_object(&w);
        json_node_fields(&w, g, v);
        oap_jsonw_key(&w, "depth");
        oap_jsonw_int(&w, d->depth[i]);
        oap_jsonw_key(&w, "edges");
        oap_jsonw_array(&w);
        for (uint32_t e = d->adj.start[v]; e < d->adj.start[v + 1]; e++) {
            oap_jsonw_object(&w);
            oap_jsonw_member(&w, "relation", oap_relation_id((oap_relation)d->adj.rel[e]));
            oap_jsonw_member(
                &w, "node",
                oap_views__name(g, d->adj.target[e], OAP_VIEWS_QUALIFY, name, sizeof name));
            oap_jsonw_end(&w);
        }
        oap_jsonw_end(&w);
        oap_jsonw_end(&w);
    }
    oap_jsonw_end(&w);
    oap_jsonw_end(&w);
    return oap_jsonw_finish(&w);
}

int oap_path_find(oap_path **out, const oap_graph *g, uint32_t from, uint32_t to,
                  const oap_deps_options *opts)
{
    oap_adjacency adj = {0};
    uint32_t *src = NULL, *dst = NULL, nsrc = 0, ndst = 0;
    uint32_t *prev = NULL, *queue = NULL;
    uint8_t *prev_rel = NULL, *target = NULL;
    int rc = OAP_ENOMEM;
    oap_path *p = calloc(1, sizeof *p);
    *out = NULL;
    if (!p)
        return OAP_ENOMEM;
    p->g = g;
    p->opts = *opts;
    p->opts.reverse = 0;
    p->from = from;
    p->to = to;
    if (oap_adjacency_build(&adj, g, adjacency_flags(opts, 0)) < 0 ||
        start_set(g, from, opts->all_links, &src, &nsrc) < 0 ||
        start_set(g, to, opts->all_links, &dst, &ndst) < 0)
        goto done;
    size_t n = (size_t)g->nnodes + 1;
    prev = malloc(n * sizeof *prev);
    queue = malloc(n * sizeof *queue);
    prev_rel = malloc(n);
    target = calloc(n, 1);
    if (!prev || !queue || !prev_rel || !target)
        goto done;
    for (uint32_t v = 0; v < g->nnodes; v++)
        prev[v] = OAP_NONE;
    for (uint32_t i = 0; i < ndst; i++)
        target[dst[i]] = 1;
    uint32_t head = 0, tail = 0, found = OAP_NONE;
    /* A start node is its own predecessor: that ends the walk back. */
    for (uint32_t i = 0; i < nsrc && found == OAP_NONE; i++) {
        uint32_t s = src[i];
        if (prev[s] != OAP_NONE)
            continue;
        prev[s] = s;
        queue[tail++] = s;
        if (target[s])
            found = s;
    }
    while (head < tail && found == OAP_NONE) {
        uint32_t v = queue[head++];
        for (uint32_t e = adj.start[v]; e < adj.start[v + 1]; e++) {
            uint32_t w = adj.target[e];
            if (prev[w] != OAP_NONE)
                continue;
            prev[w] = v;
            prev_rel[w] = adj.rel[e];
            queue[tail++] = w;
            if (target[w]) {
                found = w;
                break;
            }
        }
    }
    rc = 0;
    if (found == OAP_NONE)
        goto done;
    uint32_t len = 1;
    for (uint32_t v = found; prev[v] != v; v = prev[v])
        len++;
    p->nodes = malloc((size_t)len * sizeof *p->nodes);
    p->rel = malloc(len);
    if (!p->nodes || !p->rel) {
        rc = OAP_ENOMEM;
        goto done;
    }
    uint32_t i = len;
    for (uint32_t v = found;; v = prev[v]) {
        p->nodes[--i] = v;
        p->rel[i] = i + 1 < len ? prev_rel[p->nodes[i + 1]] : 0;
        if (prev[v] == v)
            break;
    }
    p->n = len;
    rc = 1;
done:
    oap_adjacency_free(&adj);
    free(src);
    free(dst);
    free(prev);
    free(queue);
    free(prev_rel);
    free(target);
    if (rc < 0)
        oap_path_free(p);
    else
        *out = p;
    return rc;
}

void oap_path_free(oap_path *p)
{
    if (!p)
        return;
    free(p->nodes);
    free(p->rel);
    free(p);
}

int oap_path_write_text(FILE *out, const oap_path *p)
{
    const oap_graph *g = p->g;
    uint32_t from = oap_views__home(g, p->from);
    char a[200], b[200];
    oap_views__name(g, p->from, from, a, sizeof a);
    oap_views__name(g, p->to, from, b, sizeof b);
    oap_views__banners(out, g, NULL);
    if (p->n == 0) {
        fprintf(out, "no path from %s to %s %s\n", a, b, over(&p->opts));
        if (!p->opts.all_links)
            fprintf(out,
                    "needs run one way: 'oapgraph path %s %s' looks the other way, "
                    "--all-links also follows refs\n",
                    b, a);
    } else if (p->n == 1) {
        char c[200];
        fprintf(out, "path from %s to %s %s, 0 steps: %s is part of both\n", a, b, over(&p->opts),
                oap_views__name(g, p->nodes[0], from, c, sizeof c));
    } else {
        fprintf(out, "path from %s to %s %s, %u step%s:\n", a, b, over(&p->opts), p->n - 1,
                plural(p->n - 1, "s"));
        for (uint32_t i = 0; i + 1 < p->n; i++)
            fprintf(out, "%s %s %s\n", oap_views__name(g, p->nodes[i], from, a, sizeof a),
                    oap_relation_text((oap_relation)p->rel[i]),
                    oap_views__name(g, p->nodes[i + 1], from, b, sizeof b));
    }
    oap_views__banners(out, g, NULL);
    return ferror(out) ? OAP_EIO : 0;
}

int oap_path_write_json(FILE *out, const oap_path *p)
{
    const oap_graph *g = p->g;
    char name[200];
    oap_jsonw w;
    oap_jsonw_init(&w, out);
    oap_jsonw_object(&w);
    oap_jsonw_key(&w, "version");
    oap_jsonw_int(&w, 1);
    oap_jsonw_member(&w, "query", "path");
    oap_jsonw_member(&w, "from", oap_views__name(g, p->from, OAP_VIEWS_QUALIFY, name, sizeof name));
    oap_jsonw_member(&w, "to", oap_views__name(g, p->to, OAP_VIEWS_QUALIFY, name, sizeof name));
    oap_jsonw_member(&w, "over", p->opts.all_links ? "all-links" : "needs");
    oap_views__json_classification(&w, g, NULL);
    oap_jsonw_key(&w, "found");
    oap_jsonw_bool(&w, p->n > 0);
    oap_jsonw_key(&w, "nodes");
    oap_jsonw_array(&w);
    for (uint32_t i = 0; i < p->n; i++) {
        oap_jsonw_object(&w);
        json_node_fields(&w, g, p->nodes[i]);
        oap_jsonw_end(&w);
    }
    oap_jsonw_end(&w);
    oap_jsonw_key(&w, "steps");
    oap_jsonw_array(&w);
    for (uint32_t i = 0; i + 1 < p->n; i++) {
        oap_jsonw_object(&w);
        oap_jsonw_member(&w, "from",
                         oap_views__name(g, p->nodes[i], OAP_VIEWS_QUALIFY, name, sizeof name));
        oap_jsonw_member(&w, "relation", oap_relation_id((oap_relation)p->rel[i]));
        oap_jsonw_member(&w, "to",
                         oap_views__name(g, p->nodes[i + 1], OAP_VIEWS_QUALIFY, name, sizeof name));
        oap_jsonw_end(&w);
    }
    oap_jsonw_end(&w);
    oap_jsonw_end(&w);
    return oap_jsonw_finish(&w);
}

size_t oap_deps_count(const oap_deps *d)
{
    return d->n;
}

uint32_t oap_deps_node(const oap_deps *d, size_t i, unsigned *depth)
{
    if (i >= d->n)
        return OAP_NODE_NONE;
    if (depth)
        *depth = d->depth[i];
    return d->nodes[i];
}

size_t oap_path_length(const oap_path *p)
{
    return p ? p->n : 0;
}

uint32_t oap_path_node(const oap_path *p, size_t i)
{
    return p && i < p->n ? p->nodes[i] : OAP_NODE_NONE;
}
